//! The `math` module: CPython's functions with its special cases and
//! messages ("math domain error" for arguments outside a function's
//! domain, "math range error" for results too large for a float).

use super::{arg_count, exc, number, PyResult};
use crate::objects::{self, new_int, Types, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn x(v: Value) -> PyResult<f64> {
    if let Some(f) = objects::float_of(objects::base_value(v)) {
        return Ok(f);
    }
    if let Some(n) = objects::int_of(v) {
        return number::int_to_f64(&n);
    }
    if let Some(f) = super::ops::user_special(v, "__float__") {
        let r = crate::interp::call_object(f, &[v], &[])?;
        if let Some(f) = objects::float_of(r) {
            return Ok(f);
        }
    }
    Err(exc::type_error(format!(
        "must be real number, not {}",
        objects::types::type_name(v)
    )))
}

fn domain() -> Value {
    exc::value_error("math domain error")
}

fn f1(args: &[Value], name: &str, f: fn(f64) -> f64, check: fn(f64) -> bool) -> PyResult {
    arg_count(
        name,
        &[0].iter().chain(args).copied().collect::<Vec<_>>(),
        2,
        2,
    )?;
    let a = x(args[0])?;
    if !check(a) {
        return Err(domain());
    }
    let r = f(a);
    if r.is_nan() && !a.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && a.is_finite() {
        return Err(exc::overflow_error("math range error"));
    }
    Ok(objects::new_float(r))
}

macro_rules! unary {
    ($($name:ident = $f:expr, $check:expr;)*) => {$(
        fn $name(args: &[Value], _: &[(Value, Value)]) -> PyResult {
            f1(args, stringify!($name), $f, $check)
        }
    )*};
}

unary! {
    sqrt = f64::sqrt, |a| a >= 0.0 || a.is_nan();
    exp = f64::exp, |_| true;
    exp2 = f64::exp2, |_| true;
    sin = f64::sin, |a| !a.is_infinite();
    cos = f64::cos, |a| !a.is_infinite();
    tan = f64::tan, |a| !a.is_infinite();
    asin = f64::asin, |a| (-1.0..=1.0).contains(&a) || a.is_nan();
    acos = f64::acos, |a| (-1.0..=1.0).contains(&a) || a.is_nan();
    atan = f64::atan, |_| true;
    sinh = f64::sinh, |_| true;
    cosh = f64::cosh, |_| true;
    tanh = f64::tanh, |_| true;
    asinh = f64::asinh, |_| true;
    acosh = f64::acosh, |a| a >= 1.0 || a.is_nan();
    atanh = f64::atanh, |a| (a > -1.0 && a < 1.0) || a.is_nan();
    fabs = f64::abs, |_| true;
    log2 = f64::log2, |a| a > 0.0 || a.is_nan();
    log10 = f64::log10, |a| a > 0.0 || a.is_nan();
    log1p = f64::ln_1p, |a| a > -1.0 || a.is_nan();
    expm1 = f64::exp_m1, |_| true;
    erf = erf_f, |_| true;
    erfc = |a| 1.0 - erf_f(a), |_| true;
    gamma = gamma_f, |a| !(a <= 0.0 && a.fract() == 0.0);
    lgamma = |a| gamma_f(a).abs().ln(), |a| !(a <= 0.0 && a.fract() == 0.0);
    degrees = f64::to_degrees, |_| true;
    radians = f64::to_radians, |_| true;
}

fn erf_f(a: f64) -> f64 {
    // Abramowitz-Stegun 7.1.26 refined by a series for small arguments.
    if a.abs() < 2.0 {
        let mut sum: f64 = 0.0;
        let mut term = a;
        let mut n = 0.0;
        while term.abs() > 1e-17 * sum.abs().max(1e-300) || n < 3.0 {
            sum += term / (2.0 * n + 1.0);
            n += 1.0;
            term *= -a * a / n;
            if n > 200.0 {
                break;
            }
        }
        return sum * 2.0 / std::f64::consts::PI.sqrt();
    }
    let t = 1.0 / (1.0 + 0.5 * a.abs());
    let y = 1.0
        - t * (-a * a - 1.26551223
            + t * (1.00002368
                + t * (0.37409196
                    + t * (0.09678418
                        + t * (-0.18628806
                            + t * (0.27886807
                                + t * (-1.13520398
                                    + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))))
            .exp();
    if a >= 0.0 {
        y
    } else {
        -y
    }
}

fn gamma_f(a: f64) -> f64 {
    if a < 0.5 {
        return std::f64::consts::PI / ((std::f64::consts::PI * a).sin() * gamma_f(1.0 - a));
    }
    if a.fract() == 0.0 && a <= 23.0 {
        return (1..a as u64).map(|k| k as f64).product();
    }
    let g = 7.0;
    let c = [
        0.999_999_999_999_809_9,
        676.5203681218851,
        -1259.1392167224028,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507343278686905,
        -0.13857109526572012,
        9.984_369_578_019_572e-6,
        1.5056327351493116e-7,
    ];
    let a = a - 1.0;
    let mut s = c[0];
    for (i, &ci) in c.iter().enumerate().skip(1) {
        s += ci / (a + i as f64);
    }
    let t = a + g + 0.5;
    (2.0 * std::f64::consts::PI).sqrt() * t.powf(a + 0.5) * (-t).exp() * s
}

fn log(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    if args.is_empty() || args.len() > 2 {
        return Err(exc::type_error(format!(
            "log expected 1 or 2 arguments, got {}",
            args.len()
        )));
    }
    let ln = |v: Value| -> PyResult<f64> {
        if let Some(objects::IntVal::Big(b)) = objects::int_of(v) {
            if b.is_positive() {
                let bits = b.bits() as i64 - 60;
                let top = (b >> bits as usize).to_f64().unwrap();
                return Ok(top.ln() + bits as f64 * std::f64::consts::LN_2);
            }
            return Err(domain());
        }
        let a = x(v)?;
        if a <= 0.0 {
            return Err(domain());
        }
        Ok(a.ln())
    };
    let r = ln(args[0])?;
    match args.get(1) {
        Some(&b) => {
            let d = ln(b)?;
            if d == 0.0 {
                return Err(exc::zero_division("float division by zero"));
            }
            Ok(objects::new_float(r / d))
        }
        None => Ok(objects::new_float(r)),
    }
}

fn pow(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count(
        "pow",
        &[0].iter().chain(args).copied().collect::<Vec<_>>(),
        3,
        3,
    )?;
    let (a, b) = (x(args[0])?, x(args[1])?);
    if a == 0.0 && b < 0.0 {
        return Err(domain());
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        return Err(domain());
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(exc::overflow_error("math range error"));
    }
    Ok(objects::new_float(r))
}

fn two(args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    if args.len() != 2 {
        return Err(exc::type_error(format!(
            "{name} expected 2 arguments, got {}",
            args.len()
        )));
    }
    Ok((x(args[0])?, x(args[1])?))
}

fn atan2(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (a, b) = two(args, "atan2")?;
    Ok(objects::new_float(a.atan2(b)))
}
fn hypot(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let coordinates = args.iter().map(|&a| x(a)).collect::<PyResult<Vec<f64>>>()?;
    Ok(objects::new_float(vector_norm(&coordinates)))
}

/// The Euclidean length of `v`, rounded once as CPython's is: infinity if
/// any coordinate is infinite, else nan if any is nan; otherwise the
/// coordinates are scaled by a power of two near the largest, their exact
/// squares summed without rounding, and the square root corrected by one
/// Newton step on the exact residual.
fn vector_norm(v: &[f64]) -> f64 {
    if v.iter().any(|c| c.is_infinite()) {
        return f64::INFINITY;
    }
    if v.iter().any(|c| c.is_nan()) {
        return f64::NAN;
    }
    let largest = v.iter().fold(0.0f64, |m, c| m.max(c.abs()));
    if largest == 0.0 || v.len() == 1 {
        return largest;
    }
    // Scaling by a power of two is exact and keeps the squares in range.
    let (_, exponent) = frexp_parts(largest);
    let mut squares = Vec::with_capacity(2 * v.len() + 2);
    for c in v {
        let c = ldexp_f(c.abs(), -exponent);
        let square = c * c;
        squares.push(square);
        squares.push(c.mul_add(c, -square));
    }
    let mut h = exact_sum(&squares).sqrt();
    // The residual (sum of squares - h²), exactly, then one correction of h.
    let h_square = h * h;
    squares.push(-h_square);
    squares.push(-h.mul_add(h, -h_square));
    h += exact_sum(&squares) / (2.0 * h);
    ldexp_f(h, exponent)
}

/// The sum of `terms` rounded once (Shewchuk's partials); the terms are
/// finite and their sum does not overflow.
fn exact_sum(terms: &[f64]) -> f64 {
    let mut partials: Vec<f64> = Vec::new();
    for &t in terms {
        add_partial(&mut partials, t);
    }
    round_partials(partials)
}

/// Adds `a` to the nonoverlapping partial sums `partials`, exactly.
fn add_partial(partials: &mut Vec<f64>, mut a: f64) {
    let mut i = 0;
    for j in 0..partials.len() {
        let mut y = partials[j];
        if a.abs() < y.abs() {
            std::mem::swap(&mut a, &mut y);
        }
        let hi = a + y;
        let lo = y - (hi - a);
        if lo != 0.0 {
            partials[i] = lo;
            i += 1;
        }
        a = hi;
    }
    partials.truncate(i);
    partials.push(a);
}

/// The value of the partial sums rounded once (half-even ties decided by
/// the partials below).
fn round_partials(mut partials: Vec<f64>) -> f64 {
    let mut hi = 0.0;
    while let Some(p) = partials.pop() {
        let x0 = hi;
        hi = x0 + p;
        let lo = p - (hi - x0);
        if lo != 0.0 {
            if let Some(&next) = partials.last() {
                if (lo < 0.0) == (next < 0.0) {
                    let y = lo * 2.0;
                    let t = hi + y;
                    if y == t - hi {
                        hi = t;
                    }
                }
            }
            break;
        }
    }
    hi
}
fn copysign(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (a, b) = two(args, "copysign")?;
    Ok(objects::new_float(a.copysign(b)))
}
fn fmod(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (a, b) = two(args, "fmod")?;
    if b == 0.0 || a.is_infinite() {
        return Err(domain());
    }
    Ok(objects::new_float(a % b))
}

fn to_int(args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult {
    arg_count(
        name,
        &[0].iter().chain(args).copied().collect::<Vec<_>>(),
        2,
        2,
    )?;
    let v = args[0];
    if objects::int_of(v).is_some() {
        return Ok(objects::new_bigint(objects::bigint_of(v).unwrap()));
    }
    let dunder = match name {
        "floor" => "__floor__",
        "ceil" => "__ceil__",
        _ => "__trunc__",
    };
    if let Some(m) = super::ops::user_special(v, dunder) {
        return crate::interp::call_object(m, &[v], &[]);
    }
    let a = x(v)?;
    float_to_int(f(a))
}

/// An integral float as an int (`OverflowError`/`ValueError` for inf/nan).
pub fn float_to_int(a: f64) -> PyResult {
    if a.is_nan() {
        return Err(exc::value_error("cannot convert float NaN to integer"));
    }
    if a.is_infinite() {
        return Err(exc::overflow_error(
            "cannot convert float infinity to integer",
        ));
    }
    if a.abs() < 9.0e18 {
        return Ok(new_int(a as i64));
    }
    Ok(objects::new_bigint(
        num_traits::FromPrimitive::from_f64(a).unwrap_or_default(),
    ))
}

fn floor(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    to_int(args, "floor", f64::floor)
}
fn ceil(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    to_int(args, "ceil", f64::ceil)
}
fn trunc(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    to_int(args, "trunc", f64::trunc)
}

fn int_of(v: Value) -> PyResult<BigInt> {
    objects::bigint_of(v).ok_or_else(|| {
        exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            objects::types::type_name(v)
        ))
    })
}

fn gcd(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let mut g = BigInt::zero();
    for &a in args {
        g = g.gcd(&int_of(a)?);
    }
    Ok(objects::new_bigint(g))
}
fn lcm(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let mut l = BigInt::one();
    for &a in args {
        let n = int_of(a)?;
        if n.is_zero() {
            return Ok(new_int(0));
        }
        l = l.lcm(&n);
    }
    Ok(objects::new_bigint(l))
}
fn factorial(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count(
        "factorial",
        &[0].iter().chain(args).copied().collect::<Vec<_>>(),
        2,
        2,
    )?;
    if objects::float_of(args[0]).is_some() {
        return Err(exc::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = int_of(args[0])?;
    if n.is_negative() {
        return Err(exc::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_u64().ok_or_else(|| {
        exc::overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut r = BigInt::one();
    for k in 2..=n {
        r *= k;
    }
    Ok(objects::new_bigint(r))
}
fn comb(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (n, k) = (int_of(args[0])?, int_of(args[1])?);
    if n.is_negative() {
        return Err(exc::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(exc::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(new_int(0));
    }
    let k = k.clone().min(&n - &k).to_u64().unwrap_or(0);
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(objects::new_bigint(r))
}
fn perm(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let n = int_of(args[0])?;
    let k = match args.get(1) {
        Some(&k) if k != Types::get().none => int_of(k)?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return Err(exc::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(exc::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(new_int(0));
    }
    let mut r = BigInt::one();
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        r *= &n - i;
    }
    Ok(objects::new_bigint(r))
}
fn isqrt(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let n = int_of(args[0])?;
    if n.is_negative() {
        return Err(exc::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(objects::new_bigint(n.sqrt()))
}
fn isfinite(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bool(x(args[0])?.is_finite()))
}
fn isinf(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bool(x(args[0])?.is_infinite()))
}
fn isnan(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bool(x(args[0])?.is_nan()))
}
fn isclose(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::check_kwargs("isclose", kw, &["a", "b", "rel_tol", "abs_tol"])?;
    if args.len() > 2 {
        return Err(exc::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let operand = |i: usize, name: &str| -> PyResult<f64> {
        let v = args
            .get(i)
            .copied()
            .or(super::kwarg(kw, name))
            .ok_or_else(|| {
                exc::type_error(format!(
                    "isclose() missing required argument '{name}' (pos {})",
                    i + 1
                ))
            })?;
        x(v)
    };
    let (a, b) = (operand(0, "a")?, operand(1, "b")?);
    let rel = super::kwarg(kw, "rel_tol").map_or(Ok(1e-9), x)?;
    let abs = super::kwarg(kw, "abs_tol").map_or(Ok(0.0), x)?;
    if rel < 0.0 || abs < 0.0 {
        return Err(exc::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(objects::new_bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(objects::new_bool(false));
    }
    let d = (a - b).abs();
    Ok(objects::new_bool(
        d <= (rel * b).abs() || d <= (rel * a).abs() || d <= abs,
    ))
}
fn fsum(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count(
        "fsum",
        &[0].iter().chain(args).copied().collect::<Vec<_>>(),
        2,
        2,
    )?;
    // Finite terms go into exact partial sums; infinities and nans are
    // summed apart (inf + -inf is the error CPython reports).
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    for &v in super::ops::collect(args[0])?.iter() {
        let a = x(v)?;
        if !a.is_finite() {
            if a.is_infinite() {
                inf_sum += a;
            }
            special += a;
            continue;
        }
        add_partial(&mut partials, a);
        if partials.last().is_some_and(|p| p.is_infinite()) {
            return Err(exc::overflow_error("intermediate overflow in fsum"));
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(exc::value_error("-inf + inf in fsum"));
        }
        return Ok(objects::new_float(special));
    }
    Ok(objects::new_float(round_partials(partials)))
}
fn prod(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let mut acc = super::kwarg(kw, "start").unwrap_or(new_int(1));
    for &v in super::ops::collect(args[0])?.iter() {
        acc = super::ops::binary(crate::bytecode::BinOp::Mul, acc, v, false)?;
    }
    Ok(acc)
}
fn modf(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let a = x(args[0])?;
    Ok(objects::new_tuple(vec![
        objects::new_float(a.fract()),
        objects::new_float(a.trunc()),
    ]))
}
fn frexp(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let a = x(args[0])?;
    if a == 0.0 || !a.is_finite() {
        return Ok(objects::new_tuple(vec![objects::new_float(a), new_int(0)]));
    }
    let e = a.abs().log2().floor() as i32 + 1;
    let mut m = a / 2f64.powi(e);
    let mut e = e;
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    Ok(objects::new_tuple(vec![
        objects::new_float(m),
        new_int(e as i64),
    ]))
}
fn ldexp(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (a, e) = match args {
        [a, e] => (*a, *e),
        _ => {
            return Err(exc::type_error(format!(
                "ldexp expected 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let a = x(a)?;
    if objects::float_of(e).is_some() {
        return Err(exc::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    }
    // Past ±2200 every finite nonzero float overflows or vanishes alike.
    let e = number::index_bigint(e)?.clamp(BigInt::from(-2200), BigInt::from(2200));
    let e = e.to_i32().unwrap_or_default();
    if a == 0.0 || !a.is_finite() {
        return Ok(objects::new_float(a));
    }
    let r = ldexp_f(a, e);
    if r.is_infinite() {
        return Err(exc::overflow_error("math range error"));
    }
    Ok(objects::new_float(r))
}

/// `a` × 2^`e`, in steps that stay exact while the result is normal.
fn ldexp_f(mut a: f64, mut e: i32) -> f64 {
    while e > 1000 {
        a *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 && a != 0.0 {
        a *= 2f64.powi(-1000);
        e += 1000;
    }
    a * 2f64.powi(e)
}

/// `frexp`: the mantissa in [0.5, 1) and the exponent of a finite nonzero
/// `a` (from its bits, so exact for subnormals too).
fn frexp_parts(a: f64) -> (f64, i32) {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: scale it up into the normal range first.
        let (m, e) = frexp_parts(a * 2f64.powi(64));
        return (m, e - 64);
    }
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, biased - 1022)
}

fn remainder(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (a, b) = two(args, "remainder")?;
    if a.is_nan() || b.is_nan() {
        return Ok(objects::new_float(f64::NAN));
    }
    if a.is_infinite() || b == 0.0 {
        return Err(domain());
    }
    if b.is_infinite() {
        return Ok(objects::new_float(a));
    }
    // The multiple of b nearest to a (ties to the even multiple), taken
    // off exactly: m = |a| mod |b| is exact, so is |b| - m.
    let (abs_a, abs_b) = (a.abs(), b.abs());
    let m = abs_a % abs_b;
    let rest = abs_b - m;
    let r = if m < rest {
        m
    } else if m > rest {
        -rest
    } else {
        // Halfway: keep m if the quotient below is even.
        m - 2.0 * ((0.5 * (abs_a - m)) % abs_b)
    };
    Ok(objects::new_float(1f64.copysign(a) * r))
}

fn nextafter(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (a, b) = two(args, "nextafter")?;
    Ok(objects::new_float(next_toward(a, b)))
}

/// The float next to `a` in the direction of `b` (`b` itself if equal).
fn next_toward(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    if a == b {
        return b;
    }
    if a == 0.0 {
        return f64::from_bits(1).copysign(b);
    }
    let bits = a.to_bits();
    let away_from_zero = (b > a) == (a > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

fn ulp(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count(
        "ulp",
        &[0].iter().chain(args).copied().collect::<Vec<_>>(),
        2,
        2,
    )?;
    let a = x(args[0])?.abs();
    if !a.is_finite() {
        return Ok(objects::new_float(a));
    }
    let up = next_toward(a, f64::INFINITY);
    if up.is_infinite() {
        return Ok(objects::new_float(a - next_toward(a, 0.0)));
    }
    Ok(objects::new_float(up - a))
}
fn dist(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (p, q) = match args {
        [p, q] => (*p, *q),
        _ => {
            return Err(exc::type_error(format!(
                "dist expected 2 arguments, got {}",
                args.len()
            )))
        }
    };
    let (p, q) = (super::ops::collect(p)?, super::ops::collect(q)?);
    if p.len() != q.len() {
        return Err(exc::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let differences = p
        .iter()
        .zip(q.iter())
        .map(|(&a, &b)| Ok(x(a)? - x(b)?))
        .collect::<PyResult<Vec<f64>>>()?;
    Ok(objects::new_float(vector_norm(&differences)))
}

pub fn module() -> PyResult {
    use std::f64::consts;
    let fns: &[(&'static str, super::BuiltinFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("asinh", asinh),
        ("acosh", acosh),
        ("atanh", atanh),
        ("fabs", fabs),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("expm1", expm1),
        ("erf", erf),
        ("erfc", erfc),
        ("gamma", gamma),
        ("lgamma", lgamma),
        ("degrees", degrees),
        ("radians", radians),
        ("log", log),
        ("pow", pow),
        ("atan2", atan2),
        ("hypot", hypot),
        ("copysign", copysign),
        ("fmod", fmod),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("isfinite", isfinite),
        ("isinf", isinf),
        ("isnan", isnan),
        ("isclose", isclose),
        ("fsum", fsum),
        ("prod", prod),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
        ("dist", dist),
        ("exp2", exp2),
        ("remainder", remainder),
        ("nextafter", nextafter),
        ("ulp", ulp),
    ];
    let m = super::modules::native_module("math", fns, Vec::new());
    // The constants are stored one at a time: each allocation may collect.
    let _keep = objects::RootedVec::from_vec(vec![m]);
    for (name, value) in [
        ("pi", consts::PI),
        ("e", consts::E),
        ("tau", consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        super::modules::set_new_attr(m, name, || objects::new_float(value))?;
    }
    Ok(m)
}
