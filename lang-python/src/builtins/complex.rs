//! `complex`: the constructor (numbers, strings, `__complex__`), arithmetic
//! mixed with ints and floats, `abs`, equality, hash, repr and the
//! attributes.
//!
//! The arithmetic follows CPython's `complexobject.c` step for step
//! (division by Smith's method, integer powers up to 100 by repeated
//! squaring and larger or fractional ones through polar form), because the
//! last bits of a result show in its repr. `//` and `%` are absent, as in
//! Python 3: the operators report the usual unsupported-operand error.

use super::{exc, number, ops, PyResult};
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::objects::{self, get, PyComplex, Value};

/// Real and imaginary parts.
type Parts = (f64, f64);

pub fn parts_of(v: Value) -> Option<Parts> {
    get::<PyComplex>(objects::base_value(v)).map(|c| (c.re, c.im))
}

/// The value of any number as a complex; `None` for a non-number.
fn as_parts(v: Value) -> Option<PyResult<Parts>> {
    if let Some(p) = parts_of(v) {
        return Some(Ok(p));
    }
    if let Some(f) = objects::float_of(objects::base_value(v)) {
        return Some(Ok((f, 0.0)));
    }
    objects::int_of(v).map(|n| number::int_to_f64(&n).map(|f| (f, 0.0)))
}

/// Whether a binary operation on `a` and `b` is complex arithmetic: one is
/// a complex and the other a number.
pub fn involves(a: Value, b: Value) -> bool {
    (parts_of(a).is_some() || parts_of(b).is_some())
        && as_parts(a).is_some()
        && as_parts(b).is_some()
}

pub fn binary(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (Some(x), Some(y)) = (as_parts(a), as_parts(b)) else {
        return Ok(None);
    };
    let (x, y) = (x?, y?);
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => multiply(x, y),
        BinOp::TrueDiv => {
            divide(x, y).ok_or_else(|| exc::zero_division("complex division by zero"))?
        }
        BinOp::Pow => power(x, y)?,
        _ => return Ok(None),
    };
    Ok(Some(objects::new_complex(r)))
}

fn multiply(a: Parts, b: Parts) -> Parts {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b` by Smith's method; `None` when `b` is zero.
fn divide(a: Parts, b: Parts) -> Option<Parts> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `a ** b`; an integral `b` of at most 100 in size by repeated
/// multiplication, as CPython does.
pub fn power(a: Parts, b: Parts) -> PyResult<Parts> {
    let r = if b.1 == 0.0 && b.0.fract() == 0.0 && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let positive = unsigned_power(a, n.unsigned_abs());
        if n < 0 {
            divide((1.0, 0.0), positive)
                .ok_or_else(|| exc::zero_division("0.0 to a negative or complex power"))?
        } else {
            positive
        }
    } else if b == (0.0, 0.0) {
        (1.0, 0.0)
    } else if a == (0.0, 0.0) {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(exc::zero_division("0.0 to a negative or complex power"));
        }
        (0.0, 0.0)
    } else {
        let magnitude = a.0.hypot(a.1);
        let mut length = magnitude.powf(b.0);
        let angle = a.1.atan2(a.0);
        let mut phase = angle * b.0;
        if b.1 != 0.0 {
            length /= (angle * b.1).exp();
            phase += b.1 * magnitude.ln();
        }
        (length * phase.cos(), length * phase.sin())
    };
    if !(r.0.is_finite() && r.1.is_finite())
        && a.0.is_finite()
        && a.1.is_finite()
        && b.0.is_finite()
        && b.1.is_finite()
    {
        return Err(exc::overflow_error("complex exponentiation"));
    }
    Ok(r)
}

fn unsigned_power(x: Parts, mut n: u64) -> Parts {
    let (mut result, mut base) = ((1.0, 0.0), x);
    while n > 0 {
        if n & 1 == 1 {
            result = multiply(result, base);
        }
        base = multiply(base, base);
        n >>= 1;
    }
    result
}

pub fn unary(op: UnOp, v: Value) -> Option<Value> {
    let (re, im) = parts_of(v)?;
    match op {
        UnOp::Neg => Some(objects::new_complex((-re, -im))),
        UnOp::Pos => Some(objects::new_complex((re, im))),
        _ => None,
    }
}

/// `abs(z)`: the hypotenuse, `OverflowError` when only that overflows.
pub fn abs(v: Value) -> Option<PyResult> {
    let (re, im) = parts_of(v)?;
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Some(Err(exc::overflow_error("absolute value too large")));
    }
    Some(Ok(objects::new_float(r)))
}

/// `==` and `!=` between a complex and a number (`None` for an ordering or
/// a non-number, which do not compare).
pub fn compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return None;
    }
    let equal = match (parts_of(a), parts_of(b)) {
        (Some(x), Some(y)) => x == y,
        (Some((re, im)), None) | (None, Some((re, im))) => {
            let other = if parts_of(a).is_some() { b } else { a };
            im == 0.0 && number::compare(CmpOp::Eq, objects::new_float(re), other)?
        }
        (None, None) => return None,
    };
    Some(equal == (op == CmpOp::Eq))
}

pub fn hash(v: Value) -> Option<i64> {
    use crate::runtime::hash::{hash_complex, hash_float};
    let (re, im) = parts_of(v)?;
    let part = |x: f64| hash_float(x).unwrap_or_else(|| ops::identity_hash(v));
    Some(hash_complex(part(re), part(im)))
}

pub fn repr(v: Value) -> Option<String> {
    let (re, im) = parts_of(v)?;
    Some(crate::runtime::float_repr::complex_repr(re, im))
}

/// `z.real`, `z.imag`.
pub fn attribute(v: Value, name: &str) -> Option<Value> {
    let (re, im) = parts_of(v)?;
    match name {
        "real" => Some(objects::new_float(re)),
        "imag" => Some(objects::new_float(im)),
        _ => None,
    }
}

/// `z.conjugate()`.
pub fn conjugate(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::arg_count("complex.conjugate", args, 1, 1)?;
    let (re, im) = parts_of(args[0])
        .ok_or_else(|| exc::type_error("descriptor 'conjugate' requires a 'complex' object"))?;
    Ok(objects::new_complex((re, -im)))
}

/// `complex(real=0, imag=0)`.
pub fn construct(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::check_kwargs("complex", kw, &["real", "imag"])?;
    if args.len() > 2 {
        return Err(exc::type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let real = args.first().copied().or(super::kwarg(kw, "real"));
    let imag = args.get(1).copied().or(super::kwarg(kw, "imag"));
    if let Some(s) = real.and_then(|r| objects::str_of(objects::base_value(r))) {
        if imag.is_some() {
            return Err(exc::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        return parse(s).map(objects::new_complex);
    }
    if let Some(r) = real.filter(|&r| objects::type_id(r) == Some(objects::COMPLEX)) {
        if imag.is_none() {
            return Ok(r);
        }
    }
    if imag.is_some_and(|i| objects::str_of(objects::base_value(i)).is_some()) {
        return Err(exc::type_error("complex() second arg can't be a string"));
    }
    // As CPython: a complex argument's other part moves across, a real
    // one contributes no zero (so `complex(1.5, -0.0)` keeps its `-0.0`).
    let (r_re, r_im, r_complex) = match real {
        Some(r) => argument_parts(r, "first")?,
        None => (0.0, 0.0, false),
    };
    let (re, im) = match imag {
        None => (r_re, r_im),
        Some(i) => {
            let (i_re, i_im, i_complex) = argument_parts(i, "second")?;
            let re = if i_complex { r_re - i_im } else { r_re };
            let im = if r_complex { i_re + r_im } else { i_re };
            (re, im)
        }
    };
    Ok(objects::new_complex((re, im)))
}

/// A number argument of `complex()`, through `__complex__`, `__float__` or
/// `__index__` for other objects.
fn argument_parts(v: Value, which: &str) -> PyResult<(f64, f64, bool)> {
    if let Some(f) = ops::user_special(v, "__complex__") {
        let r = crate::interp::call_object(f, &[v], &[])?;
        let (re, im) = parts_of(r).ok_or_else(|| {
            exc::type_error(format!(
                "__complex__ returned non-complex (type {})",
                objects::types::type_name(r)
            ))
        })?;
        return Ok((re, im, true));
    }
    if let Some((re, im)) = parts_of(v) {
        return Ok((re, im, true));
    }
    if let Some(p) = as_parts(v) {
        return p.map(|(re, _)| (re, 0.0, false));
    }
    if ops::user_special(v, "__float__").is_some() || ops::user_special(v, "__index__").is_some() {
        let f = crate::runtime_glue::float_new(&[v], &[])?;
        return Ok((objects::float_of(f).unwrap_or(0.0), 0.0, false));
    }
    let kind = if which == "first" {
        "a string or a number"
    } else {
        "a number"
    };
    Err(exc::type_error(format!(
        "complex() {which} argument must be {kind}, not '{}'",
        objects::types::type_name(v)
    )))
}

/// `complex(str)`: `[ws][(][ws]real|imagj|real±imagj[ws][)][ws]`.
fn parse(text: &str) -> PyResult<Parts> {
    let malformed = || exc::value_error("complex() arg is a malformed string");
    let mut s = text.trim();
    if let Some(inner) = s.strip_prefix('(') {
        s = inner.strip_suffix(')').ok_or_else(malformed)?.trim();
    }
    if s.is_empty() || s.chars().any(char::is_whitespace) {
        return Err(malformed());
    }
    let float = |t: &str| -> PyResult<f64> {
        let ok = t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '+' | '-'))
            || t.trim_start_matches(['+', '-'])
                .starts_with(['i', 'I', 'n', 'N']);
        if !ok {
            return Err(malformed());
        }
        crate::runtime::float_text::parse_float(t).map_err(|_| malformed())
    };
    let imaginary = |t: &str| -> PyResult<f64> {
        match t {
            "" | "+" => Ok(1.0),
            "-" => Ok(-1.0),
            _ => float(t),
        }
    };
    let Some(body) = s.strip_suffix(['j', 'J']) else {
        return Ok((float(s)?, 0.0));
    };
    // The sign that starts the imaginary part: the last one that is not
    // the first character and does not follow an exponent mark.
    let bytes = body.as_bytes();
    let split = (1..bytes.len())
        .rev()
        .find(|&i| matches!(bytes[i], b'+' | b'-') && !matches!(bytes[i - 1], b'e' | b'E'));
    match split {
        Some(i) => Ok((float(&body[..i])?, imaginary(&body[i..])?)),
        None => Ok((0.0, imaginary(body)?)),
    }
}

/// Whether `v` is a complex (for `bool(z)`): `None` for other values.
pub fn truthy(v: Value) -> Option<bool> {
    parts_of(v).map(|(re, im)| re != 0.0 || im != 0.0)
}
