//! `format(value, spec)` against `tests/data/format.tsv`.

use crate::support::*;
use lang_python::runtime::format_spec;

#[test]
fn format_matches_cpython() {
    check_file("format", include_str!("../data/format.tsv"));
}

#[test]
fn float_rounding_matches_cpython() {
    check_file(
        "format rounding",
        include_str!("../data/format_rounding.tsv"),
    );
}

fn check_file(name: &str, text: &str) {
    let data = rows(text);
    check_all(
        name,
        data.iter().map(|r| {
            let result = match r[0].as_str() {
                "int" => format_spec::format_int(&int_from_hex(&r[1]), &r[2]),
                "float" => format_spec::format_float(float_from_bits(&r[1]), &r[2]),
                _ => format_spec::format_str(&r[1], &r[2]),
            };
            let got = match result {
                Ok(text) => text,
                Err(e) => show_err(&e),
            };
            let value: String = r[1].chars().take(40).collect();
            (format!("{} {} {:?}", r[0], value, r[2]), r[3].clone(), got)
        }),
    );
}

#[test]
fn precision_past_rusts_limit() {
    // CPython: len(format(1.5, '.70000f')) == 70002; Rust's own formatting
    // stops at a precision of 65535.
    let text = format_spec::format_float(1.5, ".70000f").expect("formats");
    assert_eq!(text.len(), 70002);
    assert!(text.starts_with("1.5000") && text.ends_with('0'));
    let text = format_spec::format_float(0.1, "#.70000g").expect("formats");
    assert!(text.starts_with("0.1000000000000000055511151231257827"));
    assert_eq!(text.len(), 70002);
}
