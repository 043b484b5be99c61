//! Float and int text conversions: repr, hex, fromhex, float(), int(), str().

use crate::support::*;
use lang_python::runtime::{float_repr, float_text, int_text, Int};

fn outcome<T>(r: Result<T, lang_python::runtime::PyErr>, show: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => show(v),
        Err(e) => show_err(&e),
    }
}

#[test]
fn float_repr_and_hex() {
    let data = rows(include_str!("../data/float_repr.tsv"));
    check_all(
        "repr(float)",
        data.iter().map(|r| {
            let x = float_from_bits(&r[0]);
            (r[0].clone(), r[1].clone(), float_repr::repr(x))
        }),
    );
    check_all(
        "float.hex",
        data.iter().map(|r| {
            let x = float_from_bits(&r[0]);
            (r[0].clone(), r[2].clone(), float_repr::to_hex(x))
        }),
    );
}

#[test]
fn float_repr_of_nan() {
    assert_eq!(float_repr::repr(f64::NAN), "nan");
    assert_eq!(float_repr::repr(-f64::NAN), "nan");
}

#[test]
fn float_fromhex() {
    let data = rows(include_str!("../data/float_fromhex.tsv"));
    check_all(
        "float.fromhex",
        data.iter().map(|r| {
            let got = outcome(float_repr::from_hex(&r[0]), |x| {
                if x.is_nan() {
                    // Python's NaN bits need not be ours; compare the class.
                    "nan".into()
                } else {
                    bits_of(x)
                }
            });
            let expected = if r[1] == bits_of(f64::NAN) || r[1] == bits_of(-f64::NAN) {
                "nan".into()
            } else {
                r[1].clone()
            };
            (r[0].clone(), expected, got)
        }),
    );
}

#[test]
fn float_from_str() {
    let data = rows(include_str!("../data/float_parse.tsv"));
    check_all(
        "float(str)",
        data.iter().map(|r| {
            let got = outcome(float_text::parse_float(&r[0]), |x| {
                if x.is_nan() {
                    "nan".into()
                } else {
                    bits_of(x)
                }
            });
            let expected = match r[1].as_str() {
                "7ff8000000000000" | "fff8000000000000" => "nan".into(),
                other => other.to_string(),
            };
            (format!("{:?}", r[0]), expected, got)
        }),
    );
}

#[test]
fn int_from_str() {
    let data = rows(include_str!("../data/int_parse.tsv"));
    check_all(
        "int(str, base)",
        data.iter().map(|r| {
            let base: i64 = r[1].parse().expect("base");
            let got = outcome(int_text::parse_int(&r[0], base), |v| int_text::hex(&v));
            let input: String = r[0].chars().take(60).collect();
            (format!("{input:?} base {base}"), r[2].clone(), got)
        }),
    );
}

#[test]
fn int_to_str_and_prefixed() {
    let data = rows(include_str!("../data/int_print.tsv"));
    check_all(
        "str/bin/oct(int)",
        data.iter().map(|r| {
            let v = int_from_hex(&r[0]);
            let got = format!(
                "{} {} {}",
                outcome(int_text::int_to_decimal(&v), |s| s),
                int_text::bin(&v),
                int_text::oct(&v)
            );
            let expected = format!("{} {} {}", r[1], r[2], r[3]);
            let input: String = r[0].chars().take(60).collect();
            (input, expected, got)
        }),
    );
}

#[test]
fn small_and_big_forms_agree() {
    // An Int is Small whenever it fits, whichever way it was made.
    let v = int_text::parse_int("-9223372036854775808", 10).expect("parses");
    assert_eq!(v, Int::Small(i64::MIN));
    let w = int_text::parse_int("9223372036854775808", 10).expect("parses");
    assert!(matches!(w, Int::Big(_)));
}

#[test]
fn huge_int_to_str_is_refused_quickly() {
    let huge = Int::from_big(num_bigint::BigInt::from(1) << (1u32 << 22));
    let start = std::time::Instant::now();
    assert!(int_text::int_to_decimal(&huge).is_err());
    assert!(start.elapsed().as_millis() < 100);
}

#[test]
fn complex_repr() {
    let data = rows(include_str!("../data/complex_repr.tsv"));
    check_all(
        "repr(complex)",
        data.iter().map(|r| {
            let (re, im) = (float_from_bits(&r[0]), float_from_bits(&r[1]));
            (
                format!("{re:?} {im:?}"),
                r[2].clone(),
                float_repr::complex_repr(re, im),
            )
        }),
    );
}
