//! `%`-formatting of single values against `tests/data/printf.tsv`.

use crate::support::*;
use lang_python::runtime::printf::{self, Layout};
use lang_python::runtime::Int;

fn render(kind: &str, value: &str, fmt: &str) -> String {
    let (conv, end) = match printf::parse_conversion(fmt, 1) {
        Ok(parsed) => parsed,
        Err(e) => return show_err(&e),
    };
    if kind == "bad" {
        // Only parsing is ours here; arguments and mappings are the caller's.
        return format!("parsed to {end}");
    }
    assert_eq!(end, fmt.len(), "{fmt:?} parsed only to {end}");
    let layout = Layout::resolve(&conv, None, None);
    let result = match kind {
        "int" => printf::format_int(&layout, conv.ty, &int_from_hex(value)),
        "float" => Ok(printf::format_float(
            &layout,
            conv.ty,
            float_from_bits(value),
        )),
        "char" => {
            let code = Int::Small(value.parse().expect("code point"));
            printf::char_from_int(&code).map(|c| printf::format_char(&layout, c))
        }
        _ => Ok(printf::format_text(&layout, value)),
    };
    match result {
        Ok(text) => text,
        Err(e) => show_err(&e),
    }
}

#[test]
fn printf_matches_cpython() {
    let data = rows(include_str!("../data/printf.tsv"));
    check_all(
        "printf",
        data.iter().map(|r| {
            let mut expected = r[3].clone();
            if r[0] == "bad"
                && !expected.starts_with("!ValueError")
                && !expected.starts_with("!MemoryError")
            {
                expected = format!("parsed to {}", r[2].len());
            }
            let got = render(&r[0], &r[1], &r[2]);
            (format!("{} {} {:?}", r[0], r[1], r[2]), expected, got)
        }),
    );
}

#[test]
fn keys_and_stars() {
    let (conv, end) = printf::parse_conversion("x%(a(b))-*.*fy", 2).expect("parses");
    assert_eq!(conv.key.as_deref(), Some("a(b)"));
    assert_eq!(end, 13);
    assert_eq!(conv.width, printf::Count::Star);
    assert_eq!(conv.precision, printf::Count::Star);
    let layout = Layout::resolve(&conv, Some(-8), Some(2));
    assert_eq!(printf::format_float(&layout, conv.ty, 1.23456), "1.23    ");
}
