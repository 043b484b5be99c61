//! Numeric, complex and tuple hashes against `tests/data/hash.tsv`.

use crate::support::*;
use lang_python::runtime::hash;
use lang_python::runtime::Int;

fn hashes(field: &str) -> Vec<i64> {
    if field.is_empty() {
        return Vec::new();
    }
    field.split(',').map(|h| h.parse().expect("hash")).collect()
}

#[test]
fn hashes_match_cpython() {
    let data = rows(include_str!("../data/hash.tsv"));
    check_all(
        "hash",
        data.iter().map(|r| {
            let got = match r[0].as_str() {
                "int" => hash::hash_int(&int_from_hex(&r[1])),
                "float" => hash::hash_float(float_from_bits(&r[1])).expect("not NaN"),
                "complex" => {
                    let parts = hashes(&r[1]);
                    hash::hash_complex(parts[0], parts[1])
                }
                "tuple" => hash::hash_tuple(hashes(&r[1]).into_iter()),
                other => panic!("unknown kind {other}"),
            };
            (format!("{} {}", r[0], r[1]), r[2].clone(), got.to_string())
        }),
    );
}

#[test]
fn equal_numbers_hash_alike() {
    for v in [0i64, 1, -1, -2, 42, 1 << 53, -(1 << 60)] {
        assert_eq!(
            hash::hash_i64(v),
            hash::hash_float(v as f64).expect("finite")
        );
        assert_eq!(hash::hash_i64(v), hash::hash_int(&Int::Small(v)));
    }
    assert_eq!(hash::hash_float(f64::NAN), None);
}

#[test]
fn byte_hashes_are_stable_and_spread() {
    assert_eq!(hash::hash_str(""), 0);
    assert_eq!(hash::hash_str("spam"), hash::hash_bytes(b"spam"));
    let mut seen = std::collections::HashSet::new();
    for i in 0..10_000 {
        let h = hash::hash_str(&format!("key{i}"));
        assert_ne!(h, -1);
        seen.insert(h & 0xffff);
    }
    // 10,000 keys over 65,536 low-bit buckets: a good hash fills ~9,300.
    assert!(seen.len() > 8_500, "only {} distinct low bits", seen.len());
}
