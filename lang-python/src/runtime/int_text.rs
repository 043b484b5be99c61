//! Ints from and to text as CPython 3.11 does it: `int(str, base)`, `str()`
//! and `repr()` of an int, and `bin`/`oct`/`hex` with their prefixes.
//!
//! CPython 3.11 refuses decimal (any non-power-of-two base) conversions of
//! more than 4300 digits, in both directions, to bound their quadratic
//! cost; that limit is enforced here with CPython's messages and in CPython's
//! order (after the digits are scanned, before trailing junk is noticed).
//! `sys.set_int_max_str_digits` changes it for the whole process (0: no
//! limit), so it is a process-wide setting here too.
//! The check on output refuses by bit length first, so an enormous int is
//! never converted just to be refused.

use super::{is_ascii_space, numeric_ascii, str_repr, truncate_chars, Int, PyErr, PyResult};
use num_bigint::{BigInt, Sign};
use std::sync::atomic::{AtomicUsize, Ordering};

/// `sys.get_int_max_str_digits()` by default in CPython 3.11.
pub const MAX_STR_DIGITS: usize = 4300;

/// The smallest limit other than 0 that `sys.set_int_max_str_digits` takes.
const MIN_STR_DIGITS: usize = 640;

static STR_DIGITS_LIMIT: AtomicUsize = AtomicUsize::new(MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()`: the limit now (0: none).
pub fn max_str_digits() -> usize {
    STR_DIGITS_LIMIT.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`.
pub fn set_max_str_digits(n: i64) -> PyResult<()> {
    if n != 0 && n < MIN_STR_DIGITS as i64 {
        return Err(PyErr::value(format!(
            "maxdigits must be 0 or larger than {MIN_STR_DIGITS}"
        )));
    }
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    STR_DIGITS_LIMIT.store(n, Ordering::Relaxed);
    Ok(())
}

/// Is a conversion of `digits` decimal digits over the limit?
fn over_limit(digits: usize) -> bool {
    let limit = max_str_digits();
    limit != 0 && digits > limit
}

fn limit_error_parse(digits: usize) -> PyErr {
    PyErr::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion: \
         value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit",
        max_str_digits()
    ))
}

fn limit_error_print() -> PyErr {
    PyErr::value(format!(
        "Exceeds the limit ({} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
        max_str_digits()
    ))
}

/// `int(s, base)` for a str `s`; `base` is 0 (read the prefix, as a literal
/// does) or 2..=36. Unicode digits and spaces count as their ASCII forms.
pub fn parse_int(s: &str, base: i64) -> PyResult<Int> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(PyErr::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        PyErr::value(format!(
            "invalid literal for int() with base {base}: {}",
            truncate_chars(&str_repr(s), 200)
        ))
    };
    let text = numeric_ascii(s);
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while at(i) != 0 && is_ascii_space(at(i) as char) {
        i += 1;
    }
    let negative = at(i) == b'-';
    if matches!(at(i), b'+' | b'-') {
        i += 1;
    }
    let mut radix = base as u32;
    // Base 0 reads `010` as an error unless the value is zero.
    let mut only_zero_allowed = false;
    if radix == 0 {
        radix = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                only_zero_allowed = true;
                10
            }
            _ => 10,
        };
    }
    let prefix = match radix {
        16 => b'x',
        8 => b'o',
        2 => b'b',
        _ => 0,
    };
    if prefix != 0 && at(i) == b'0' && at(i + 1).to_ascii_lowercase() == prefix {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    let mut digits: Vec<u8> = Vec::with_capacity(b.len().saturating_sub(i));
    let mut prev_underscore = false;
    while i < b.len() {
        let c = b[i];
        if c == b'_' {
            if prev_underscore {
                return Err(invalid());
            }
            prev_underscore = true;
        } else {
            match (c as char).to_digit(radix) {
                Some(d) => digits.push(d as u8),
                None => break,
            }
            prev_underscore = false;
        }
        i += 1;
    }
    if prev_underscore || digits.is_empty() {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && over_limit(digits.len()) {
        return Err(limit_error_parse(digits.len()));
    }
    let value = digits_to_int(&digits, radix, negative);
    if only_zero_allowed && !value.is_zero() {
        return Err(invalid());
    }
    while i < b.len() && is_ascii_space(b[i] as char) {
        i += 1;
    }
    if i != b.len() {
        return Err(invalid());
    }
    Ok(value)
}

/// The int with the digit values `digits` (most significant first).
fn digits_to_int(digits: &[u8], radix: u32, negative: bool) -> Int {
    // Up to 12 digits of any base ≤ 36 fit in 63 bits: the common case.
    if digits.len() <= 12 {
        let mag = digits
            .iter()
            .fold(0i64, |acc, &d| acc * radix as i64 + d as i64);
        return Int::Small(if negative { -mag } else { mag });
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    let big = BigInt::from_radix_be(sign, digits, radix).unwrap_or_default();
    Int::from_big(big)
}

/// `str(v)` / `repr(v)`, refused beyond the limit (4300 digits unless set)
/// as CPython 3.11 does.
pub fn int_to_decimal(v: &Int) -> PyResult<String> {
    match v {
        Int::Small(n) => Ok(n.to_string()),
        Int::Big(b) => big_to_decimal(b),
    }
}

/// `str(b)` for a BigInt: the bit length first refuses what is surely too
/// long (a number of `bits` bits has over `bits * log10(2)` digits), the
/// digit count the rest.
pub fn big_to_decimal(b: &BigInt) -> PyResult<String> {
    let limit = max_str_digits();
    if limit != 0 && (b.bits() as f64 - 1.0) * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
        return Err(limit_error_print());
    }
    let text = b.to_string();
    let digits = text.len() - usize::from(b.sign() == Sign::Minus);
    if over_limit(digits) {
        return Err(limit_error_print());
    }
    Ok(text)
}

/// The magnitude of `v` in base 2, 8 or 16 (lowercase), without sign or
/// prefix: the digits of `format(v, 'x')`. Other bases go through
/// [`int_to_decimal`].
pub fn magnitude_in_base(v: &Int, base: u32) -> String {
    match v {
        Int::Small(n) => {
            let m = n.unsigned_abs();
            match base {
                2 => format!("{m:b}"),
                8 => format!("{m:o}"),
                _ => format!("{m:x}"),
            }
        }
        Int::Big(b) => b.magnitude().to_str_radix(base),
    }
}

/// `bin(v)`, `oct(v)`, `hex(v)`: sign, `0b`/`0o`/`0x`, digits.
pub fn to_prefixed(v: &Int, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let digits = magnitude_in_base(v, base);
    let sign = if v.is_negative() { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `bin(v)`.
pub fn bin(v: &Int) -> String {
    to_prefixed(v, 2)
}

/// `oct(v)`.
pub fn oct(v: &Int) -> String {
    to_prefixed(v, 8)
}

/// `hex(v)`.
pub fn hex(v: &Int) -> String {
    to_prefixed(v, 16)
}
