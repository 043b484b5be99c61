//! `float(str)`: the text CPython accepts and the value it gives.
//!
//! Also `float.fromhex`: hexadecimal significand and binary exponent,
//! rounded half to even into the double (subnormals included) by hand,
//! since no std parser reads that form.
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

/// `float.fromhex(s)`: `[sign]['0x']hexdigits['.'hexdigits]['p'[sign]digits]`
/// or `inf`/`infinity`/`nan`, surrounded by whitespace; CPython's errors.
pub fn from_hex(s: &str) -> PyResult<f64> {
    let invalid = || PyErr::value("invalid hexadecimal floating-point string");
    let t = s.trim_matches(is_ascii_space);
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = |x: f64| if negative { -x } else { x };
    if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        return Ok(sign(f64::INFINITY));
    }
    if body.eq_ignore_ascii_case("nan") {
        return Ok(f64::NAN);
    }
    let body = body
        .strip_prefix("0x")
        .or_else(|| body.strip_prefix("0X"))
        .unwrap_or(body);
    let (mantissa, exponent) = match body.find(['p', 'P']) {
        Some(k) => (&body[..k], Some(&body[k + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(k) => (&mantissa[..k], &mantissa[k + 1..]),
        None => (mantissa, ""),
    };
    let all_hex = |p: &str| p.bytes().all(|b| b.is_ascii_hexdigit());
    if int_part.len() + frac_part.len() == 0 || !all_hex(int_part) || !all_hex(frac_part) {
        return Err(invalid());
    }
    let exp: i64 = match exponent {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Beyond any double's range either way; saturate.
            let magnitude = digits
                .parse::<i64>()
                .unwrap_or(i64::MAX / 4)
                .min(i64::MAX / 4);
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let digits = format!("{int_part}{frac_part}");
    let m = num_bigint::BigUint::parse_bytes(digits.as_bytes(), 16).ok_or_else(invalid)?;
    let e2 = exp.saturating_sub(4 * frac_part.len() as i64);
    Ok(sign(scale_rounded(&m, e2)?))
}

/// `m * 2**e2` rounded half to even to a double; `OverflowError` when it
/// is too large.
fn scale_rounded(m: &num_bigint::BigUint, e2: i64) -> PyResult<f64> {
    use num_traits::{ToPrimitive, Zero};
    if m.is_zero() {
        return Ok(0.0);
    }
    let bits = m.bits() as i64;
    let top = bits - 1 + e2; // the exponent of the leading bit
    if top > 1023 {
        return Err(PyErr::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    // Bits of precision available at that exponent (fewer when subnormal).
    let precision = 53.min(top + 1074 + 1);
    if precision < 0 {
        return Ok(0.0);
    }
    let shift = bits - precision;
    let mut q = if shift > 0 {
        let q = m >> shift as u64;
        let rest = m - (&q << shift as u64);
        let half = num_bigint::BigUint::from(1u8) << (shift - 1) as u64;
        let q = q.to_u64().unwrap_or(0);
        if rest > half || (rest == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    } else {
        (m << (-shift) as u64).to_u64().unwrap_or(0)
    };
    let mut e = e2 + shift;
    if q == 1 << 53 {
        q >>= 1;
        e += 1;
    }
    // q < 2**53: exact; the scaling is exact in range, by two steps so
    // that neither factor overflows or underflows on its own.
    let half_e = e / 2;
    let value = (q as f64) * 2f64.powi(half_e as i32) * 2f64.powi((e - half_e) as i32);
    if value.is_infinite() {
        return Err(PyErr::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(value)
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
