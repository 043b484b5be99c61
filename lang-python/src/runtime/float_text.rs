//! `float(str)`: the text CPython accepts and the value it gives.
//!
//! The grammar (whitespace, sign, `inf`/`infinity`/`nan` in any case, or
//! digits with an optional point and exponent, single underscores only
//! between digits) is checked here; the correctly rounded conversion of the
//! cleaned digits is Rust's `str::parse::<f64>`, which is exact.

use super::{is_ascii_space, numeric_ascii, str_repr, PyErr, PyResult};

/// `float(s)` for a str `s`, with CPython's `ValueError` on bad text.
pub fn parse_float(s: &str) -> PyResult<f64> {
    let ascii = numeric_ascii(s);
    parse_ascii(&ascii).ok_or_else(|| {
        PyErr::value(format!(
            "could not convert string to float: {}",
            str_repr(s)
        ))
    })
}

fn parse_ascii(s: &str) -> Option<f64> {
    let t = s.trim_matches(is_ascii_space);
    let (negative, body) = match t.as_bytes().first()? {
        b'-' => (true, &t[1..]),
        b'+' => (false, &t[1..]),
        _ => (false, t),
    };
    let magnitude = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        let cleaned = check_decimal(body)?;
        cleaned.parse::<f64>().ok()?
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// Checks `digits[.digits][(e|E)[sign]digits]` (at least one mantissa digit,
/// underscores only between two digits) and returns it without underscores.
fn check_decimal(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    let mut cleaned = String::with_capacity(bytes.len());
    let mut i = 0;
    // Reads a run of digits with single underscores between them; returns
    // how many digits it read.
    let digit_run = |i: &mut usize, cleaned: &mut String| -> Option<usize> {
        let mut count = 0;
        while *i < bytes.len() {
            let b = bytes[*i];
            if b.is_ascii_digit() {
                cleaned.push(b as char);
                count += 1;
            } else if b == b'_' {
                let next_is_digit = bytes.get(*i + 1).is_some_and(u8::is_ascii_digit);
                if count == 0 || !next_is_digit {
                    return None;
                }
            } else {
                break;
            }
            *i += 1;
        }
        Some(count)
    };
    let int_digits = digit_run(&mut i, &mut cleaned)?;
    let mut frac_digits = 0;
    if bytes.get(i) == Some(&b'.') {
        cleaned.push('.');
        i += 1;
        frac_digits = digit_run(&mut i, &mut cleaned)?;
    }
    if int_digits + frac_digits == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        cleaned.push('e');
        i += 1;
        if let Some(&sign @ (b'+' | b'-')) = bytes.get(i) {
            cleaned.push(sign as char);
            i += 1;
        }
        if digit_run(&mut i, &mut cleaned)? == 0 {
            return None;
        }
    }
    (i == bytes.len()).then_some(cleaned)
}
