//! `format(value, spec)` against `tests/data/format.tsv`.

use crate::support::*;
use lang_python::runtime::format_spec;

#[test]
fn format_matches_cpython() {
    let data = rows(include_str!("../data/format.tsv"));
    check_all(
        "format",
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
