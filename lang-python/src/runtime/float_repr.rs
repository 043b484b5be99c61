//! Floats to text as CPython writes them: `repr`/`str`, the digit layouts
//! behind `format()` and `%` (`e`, `f`, `g` and the repr-like `r`), and
//! `float.hex()` / `float.fromhex()`.
//!
//! Digits come from two exact sources: `ryu` for the shortest string that
//! round-trips (what `repr` shows) and Rust's `{:.*e}` / `{:.*}` for a fixed
//! number of digits, which are correctly rounded from the binary value with
//! ties to even, as CPython's `dtoa` is. Only CPython's layout around those
//! digits is written here. The functions take the magnitude and return the
//! body without a sign, so that `format()` and `%` can place the sign and
//! padding by their own rules.

use super::{PyErr, PyResult};

/// A decimal digit string `d1 d2 …` with the value `0.d1d2… × 10^decpt`
/// (CPython's `dtoa` convention, so the scientific exponent is `decpt - 1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal {
    pub digits: Vec<u8>,
    pub decpt: i32,
}

/// The shortest digits that round-trip to `x` (finite; the sign is ignored).
/// Zero is the single digit `0` at `decpt` 1.
pub fn shortest_digits(x: f64) -> Decimal {
    let x = x.abs();
    if x == 0.0 {
        return zero_decimal();
    }
    let mut buf = ryu::Buffer::new();
    let mut d = parse_rust_float(buf.format_finite(x));
    while d.digits.len() > 1 && d.digits.last() == Some(&b'0') {
        d.digits.pop();
    }
    d
}

/// Every double's decimal expansion has at most 767 significant digits and
/// ends by the 1074th digit after the point: asking Rust (whose precision
/// stops at 65535) for more than these would only add zeros, so we add them.
const EXACT_SIGNIFICANT: usize = 800;
const EXACT_FRACTION: usize = 1100;

/// Exactly `n` (at least 1) significant digits of `|x|`, correctly rounded.
pub fn sci_digits(x: f64, n: usize) -> Decimal {
    let x = x.abs();
    let n = n.max(1);
    if x == 0.0 {
        return Decimal {
            digits: vec![b'0'; n],
            decpt: 1,
        };
    }
    let mut d = parse_rust_float(&format!("{:.*e}", n.min(EXACT_SIGNIFICANT) - 1, x));
    d.digits.resize(n, b'0');
    d
}

/// `|x|` with `precision` digits after the point, correctly rounded.
fn fixed_text(x: f64, precision: usize) -> String {
    let mut out = format!("{:.*}", precision.min(EXACT_FRACTION), x.abs());
    if precision > EXACT_FRACTION {
        out.extend(std::iter::repeat_n('0', precision - EXACT_FRACTION));
    }
    out
}

fn zero_decimal() -> Decimal {
    Decimal {
        digits: vec![b'0'],
        decpt: 1,
    }
}

/// Reads a positive finite non-zero number that Rust or ryu printed
/// (`123.45`, `1.5e-5`, `1e16`, `0.0001`): hands its significant digits,
/// from the first non-zero one and keeping trailing zeros, to `push`, and
/// returns the decimal point position.
fn scan_rust_float(text: &str, mut push: impl FnMut(u8)) -> i32 {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let mut seen = 0i32;
    let mut point = None;
    let mut leading = 0i32;
    let mut started = false;
    for b in mantissa.bytes() {
        if b == b'.' {
            point = Some(seen);
            continue;
        }
        seen += 1;
        if !started && b == b'0' {
            leading += 1;
            continue;
        }
        started = true;
        push(b);
    }
    point.unwrap_or(seen) - leading + exp
}

fn parse_rust_float(text: &str) -> Decimal {
    let mut digits = Vec::with_capacity(text.len());
    let decpt = scan_rust_float(text, |b| digits.push(b));
    if digits.is_empty() {
        return zero_decimal();
    }
    Decimal { digits, decpt }
}

/// `repr(x)`, which is also `str(x)`.
pub fn repr(x: f64) -> String {
    let mut out = String::with_capacity(24);
    write_repr(&mut out, x);
    out
}

/// Appends `repr(x)` to `out`: the hot path, with the digits on the stack.
pub fn write_repr(out: &mut String, x: f64) {
    if !x.is_finite() {
        out.push_str(if x.is_nan() {
            "nan"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        });
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x == 0.0 {
        out.push_str("0.0");
        return;
    }
    let mut buf = ryu::Buffer::new();
    // At most 17 significant digits, the rest of the 32 for safety.
    let mut digits = [0u8; 32];
    let mut len = 0;
    let decpt = scan_rust_float(buf.format_finite(x.abs()), |b| {
        if len < digits.len() {
            digits[len] = b;
            len += 1;
        }
    });
    while len > 1 && digits[len - 1] == b'0' {
        len -= 1;
    }
    let digits = &digits[..len];
    if decpt <= -4 || decpt > 16 {
        push_exp_form(out, digits, decpt, false, false);
    } else {
        push_fixed_form(out, digits, decpt, FloatFlags::REPR);
    }
}

/// The layouts CPython's `PyOS_double_to_string` offers.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FloatStyle {
    /// `e`: one digit, point, `precision` digits, exponent.
    Exp,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, exponent form when the exponent
    /// is < -4 or >= precision, trailing zeros dropped.
    General,
    /// `r`: the shortest round-trip digits, exponent form when the exponent
    /// is < -4 or >= 16 (`precision` is ignored).
    Repr,
}

/// Layout options: `upper` for `E`/`G`/`INF`, `alt` for `#` (keep the point
/// and, with `g`, trailing zeros), `add_dot_0` to write `1.0` rather than `1`
/// (repr and `format()` with no type).
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct FloatFlags {
    pub upper: bool,
    pub alt: bool,
    pub add_dot_0: bool,
}

impl FloatFlags {
    pub const REPR: FloatFlags = FloatFlags {
        upper: false,
        alt: false,
        add_dot_0: true,
    };
}

/// `|x|` laid out in `style` with `precision`: the body that follows the
/// sign. Infinities are `inf` and NaN `nan` (`INF`/`NAN` when `upper`).
pub fn format_abs(x: f64, style: FloatStyle, precision: usize, flags: FloatFlags) -> String {
    if !x.is_finite() {
        let word = if x.is_nan() { "nan" } else { "inf" };
        return if flags.upper {
            word.to_ascii_uppercase()
        } else {
            word.to_string()
        };
    }
    let x = x.abs();
    let mut out = String::new();
    match style {
        FloatStyle::Fixed => {
            out = fixed_text(x, precision);
            if flags.alt && precision == 0 {
                out.push('.');
            }
        }
        FloatStyle::Exp => {
            let d = sci_digits(x, precision + 1);
            push_exp_form(&mut out, &d.digits, d.decpt, flags.alt, flags.upper);
        }
        FloatStyle::General | FloatStyle::Repr => {
            let (mut d, threshold) = if style == FloatStyle::Repr {
                (shortest_digits(x), 16)
            } else {
                let p = precision.max(1);
                let threshold = if flags.add_dot_0 { p - 1 } else { p };
                // Past the exact digits only `#` keeps the zeros.
                let wanted = if flags.alt {
                    p
                } else {
                    p.min(EXACT_SIGNIFICANT)
                };
                (
                    sci_digits(x, wanted),
                    threshold.min(i32::MAX as usize) as i32,
                )
            };
            let use_exp = d.decpt <= -4 || d.decpt > threshold;
            if flags.alt && style == FloatStyle::General {
                d.digits.resize(precision.max(1).max(d.digits.len()), b'0');
            } else {
                while d.digits.len() > 1 && d.digits.last() == Some(&b'0') {
                    d.digits.pop();
                }
            }
            if use_exp {
                push_exp_form(&mut out, &d.digits, d.decpt, flags.alt, flags.upper);
            } else {
                push_fixed_form(&mut out, &d.digits, d.decpt, flags);
            }
        }
    }
    out
}

/// `d.ddde+XX`: the point only if digits follow it (or `alt`), the exponent
/// signed and at least two digits long.
fn push_exp_form(out: &mut String, digits: &[u8], decpt: i32, alt: bool, upper: bool) {
    out.push(digits[0] as char);
    if digits.len() > 1 || alt {
        out.push('.');
    }
    out.extend(digits[1..].iter().map(|&b| b as char));
    // A zero's exponent is 0 whatever its digit count.
    let exp = if digits.iter().all(|&b| b == b'0') {
        0
    } else {
        decpt - 1
    };
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let mag = exp.unsigned_abs();
    if mag >= 100 {
        out.push(char::from(b'0' + (mag / 100) as u8));
    }
    out.push(char::from(b'0' + (mag / 10 % 10) as u8));
    out.push(char::from(b'0' + (mag % 10) as u8));
}

/// The digits with the point placed at `decpt`, zeros filled in.
fn push_fixed_form(out: &mut String, digits: &[u8], decpt: i32, flags: FloatFlags) {
    let len = digits.len() as i32;
    if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.extend(digits.iter().map(|&b| b as char));
    } else if decpt >= len {
        out.extend(digits.iter().map(|&b| b as char));
        out.extend(std::iter::repeat_n('0', (decpt - len) as usize));
        if flags.add_dot_0 {
            out.push_str(".0");
        } else if flags.alt {
            out.push('.');
        }
    } else {
        let (int_part, frac) = digits.split_at(decpt as usize);
        out.extend(int_part.iter().map(|&b| b as char));
        out.push('.');
        out.extend(frac.iter().map(|&b| b as char));
    }
}

/// `float.hex(x)`: `0x1.8000000000000p+0`, `-0x0.0p+0`, `0x0.0000000000001p-1022`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = bits & ((1u64 << 52) - 1);
    if biased == 0 && mantissa == 0 {
        return format!("{sign}0x0.0p+0");
    }
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{mantissa:013x}p{exp:+}")
}

/// `float.fromhex(s)`: optional whitespace and sign, `inf`/`infinity`/`nan`,
/// or `[0x]h[.h][p±d]`, rounded half-even to the nearest double.
pub fn from_hex(s: &str) -> PyResult<f64> {
    let invalid = || PyErr::value("invalid hexadecimal floating-point string");
    let t = s.trim_matches(super::is_py_space);
    let (negative, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let signed = |v: f64| if negative { -v } else { v };
    if lower == "inf" || lower == "infinity" {
        return Ok(signed(f64::INFINITY));
    }
    if lower == "nan" {
        return Ok(signed(f64::NAN));
    }
    let rest = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp_text) = match rest.find('p') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (int_part, frac_part) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(invalid());
    }
    let all_hex = |p: &str| p.bytes().all(|b| b.is_ascii_hexdigit());
    if !all_hex(int_part) || !all_hex(frac_part) {
        return Err(invalid());
    }
    let exp: i64 = match exp_text {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(invalid());
            }
            // Clamp absurd exponents: anything this large over- or underflows.
            let mag = digits
                .trim_start_matches('0')
                .parse::<i64>()
                .unwrap_or(if digits.trim_start_matches('0').is_empty() {
                    0
                } else {
                    1 << 40
                })
                .min(1 << 40);
            if e.starts_with('-') {
                -mag
            } else {
                mag
            }
        }
    };
    let nibbles: Vec<u8> = int_part
        .bytes()
        .chain(frac_part.bytes())
        .map(|b| (b as char).to_digit(16).unwrap_or(0) as u8)
        .skip_while(|&n| n == 0)
        .collect();
    let frac_len = frac_part.len() as i64;
    if nibbles.is_empty() {
        return Ok(signed(0.0));
    }
    // value = N × 2^(exp - 4·frac_len) where N is the hex integer `nibbles`.
    let scale = exp - 4 * frac_len;
    let top_bits = 4 * nibbles.len() as i64 - nibbles[0].leading_zeros() as i64 + 4;
    // Binary exponent of the leading bit: value in [2^e, 2^(e+1)).
    let e = scale + top_bits - 1;
    if e > 1023 {
        return Err(PyErr::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    // Bits to keep: 53, fewer for subnormals; below 2^-1075 all round to 0.
    let keep = if e >= -1022 { 53 } else { 53 - (-1022 - e) };
    if keep < 0 {
        return Ok(signed(0.0));
    }
    let total_bits = 4 * nibbles.len() as i64;
    let lead_zeros = total_bits - top_bits;
    // Bit i (0 = most significant of `nibbles`) of the hex integer.
    let bit = |i: i64| -> u64 {
        if i < 0 || i >= total_bits {
            return 0;
        }
        ((nibbles[(i / 4) as usize] >> (3 - i % 4)) & 1) as u64
    };
    let first = lead_zeros;
    let mut m: u64 = 0;
    for i in 0..keep {
        m = (m << 1) | bit(first + i);
    }
    let half = bit(first + keep);
    let sticky = (first + keep + 1..total_bits).any(|i| bit(i) == 1);
    if half == 1 && (sticky || m & 1 == 1) {
        m += 1;
    }
    // value = m × 2^(e - keep + 1); rounding may carry into a new bit.
    let value_exp = e - keep + 1;
    let v = ldexp(m as f64, value_exp);
    if v.is_infinite() {
        return Err(PyErr::overflow(
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(signed(v))
}

/// `m × 2^exp` for an integer-valued `m` below 2^54 whose result is
/// representable: each step scales by a power of two in range, so every
/// intermediate is exact (larger than a subnormal result, smaller than an
/// overflowing one).
pub(crate) fn ldexp(m: f64, exp: i64) -> f64 {
    let mut v = m;
    let mut e = exp.clamp(-2200, 2200);
    while e != 0 {
        let step = e.clamp(-1000, 1000);
        v *= 2f64.powi(step as i32);
        e -= step;
    }
    v
}

/// `repr(complex(re, im))`: `1.5j` alone when the real part is +0.0, else
/// `(re±imj)`; both parts in repr's digits but without a `.0` (`(1+2j)`).
pub fn complex_repr(re: f64, im: f64) -> String {
    let part = |out: &mut String, x: f64, always_sign: bool| {
        if x.is_sign_negative() && !x.is_nan() {
            out.push('-');
        } else if always_sign {
            out.push('+');
        }
        let plain = FloatFlags {
            add_dot_0: false,
            ..FloatFlags::default()
        };
        out.push_str(&format_abs(x, FloatStyle::Repr, 0, plain));
    };
    let mut out = String::with_capacity(32);
    if re == 0.0 && re.is_sign_positive() {
        part(&mut out, im, false);
        out.push('j');
    } else {
        out.push('(');
        part(&mut out, re, false);
        part(&mut out, im, true);
        out.push_str("j)");
    }
    out
}
