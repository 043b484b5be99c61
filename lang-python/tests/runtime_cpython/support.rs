//! Reading the tab-separated expectation files and comparing outcomes.

use lang_python::runtime::{Int, PyErr};
use num_bigint::BigInt;

/// The rows of a data file: fields split on tabs, `\\ \t \n \r` unescaped.
pub fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| line.split('\t').map(unescape).collect())
        .collect()
}

fn unescape(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A float from its IEEE bits written as 16 hex digits.
pub fn float_from_bits(hex: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(hex, 16).expect("bits"))
}

pub fn bits_of(x: f64) -> String {
    format!("{:016x}", x.to_bits())
}

/// An int written by Python's `hex()`: `-0x1f`.
pub fn int_from_hex(text: &str) -> Int {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let digits = digits.strip_prefix("0x").expect("0x prefix");
    let mag = BigInt::parse_bytes(digits.as_bytes(), 16).expect("hex digits");
    Int::from_big(if negative { -mag } else { mag })
}

/// How an expected `!Kind: message` or value reads for our result.
pub fn show_err(e: &PyErr) -> String {
    format!("!{:?}: {}", e.kind, e.msg)
}

/// Compares every row's actual outcome with the expected one, reporting all
/// mismatches at once (at most 20 shown).
pub fn check_all(name: &str, cases: impl IntoIterator<Item = (String, String, String)>) {
    let mut failures = Vec::new();
    let mut count = 0;
    for (input, expected, actual) in cases {
        count += 1;
        if expected != actual {
            failures.push(format!(
                "  {input}\n    expected {expected}\n    actual   {actual}"
            ));
        }
    }
    assert!(count > 0, "{name}: no cases");
    if !failures.is_empty() {
        let shown: Vec<_> = failures
            .iter()
            .step_by(failures.len() / 20 + 1)
            .take(20)
            .cloned()
            .collect();
        panic!(
            "{name}: {} of {count} cases differ from CPython:\n{}",
            failures.len(),
            shown.join("\n")
        );
    }
}
