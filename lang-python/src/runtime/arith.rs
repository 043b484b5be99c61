//! Python's int and float arithmetic: floor division and modulo that round
//! toward negative infinity, `**` and three-argument `pow`, true division and
//! int→float conversion correctly rounded for ints of any size, shifts and
//! bit operations with two's complement semantics, `round`, `floor`/`ceil`/
//! `trunc`, `as_integer_ratio` and exact int/float comparison.
//!
//! Int operations take [`Int`] and stay on `i64` while the result fits (the
//! `*_i64` functions are that fast path on its own, `None` on overflow),
//! moving to `BigInt` only when it does not. Results the machine could never
//! hold (a shift or power of billions of bits) are `MemoryError`, as CPython
//! ends up raising, instead of an attempt that takes forever.

use super::{ErrKind, Int, PyErr, PyResult};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// Results beyond this many bits are refused with `MemoryError`.
const MAX_RESULT_BITS: u64 = 1 << 34;

fn memory_error() -> PyErr {
    PyErr::new(ErrKind::MemoryError, "")
}

fn int_div_zero() -> PyErr {
    PyErr::zero_division("integer division or modulo by zero")
}

// ---- int arithmetic ----

pub fn add(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(r) = x.checked_add(*y) {
            return Int::Small(r);
        }
    }
    Int::from_big(&*a.as_big() + &*b.as_big())
}

pub fn sub(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(r) = x.checked_sub(*y) {
            return Int::Small(r);
        }
    }
    Int::from_big(&*a.as_big() - &*b.as_big())
}

pub fn mul(a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(r) = x.checked_mul(*y) {
            return Int::Small(r);
        }
    }
    Int::from_big(&*a.as_big() * &*b.as_big())
}

pub fn neg(a: &Int) -> Int {
    match a {
        Int::Small(x) => match x.checked_neg() {
            Some(r) => Int::Small(r),
            None => Int::from_big(-BigInt::from(*x)),
        },
        Int::Big(b) => Int::from_big(-b),
    }
}

pub fn abs(a: &Int) -> Int {
    if a.is_negative() {
        neg(a)
    } else {
        a.clone()
    }
}

/// `a // b` on i64: `Ok(None)` when the result overflows (`MIN // -1`).
pub fn floordiv_i64(a: i64, b: i64) -> PyResult<Option<i64>> {
    if b == 0 {
        return Err(int_div_zero());
    }
    let Some(q) = a.checked_div(b) else {
        return Ok(None);
    };
    let inexact = a % b != 0;
    Ok(Some(if inexact && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }))
}

/// `a % b` on i64; the result has the sign of `b` and never overflows.
pub fn mod_i64(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(PyErr::zero_division("integer modulo by zero"));
    }
    if b == -1 {
        return Ok(0);
    }
    let r = a % b;
    Ok(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    })
}

pub fn floordiv(a: &Int, b: &Int) -> PyResult<Int> {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(q) = floordiv_i64(*x, *y)? {
            return Ok(Int::Small(q));
        }
    }
    if b.is_zero() {
        return Err(int_div_zero());
    }
    Ok(Int::from_big(a.as_big().div_floor(&b.as_big())))
}

pub fn modulo(a: &Int, b: &Int) -> PyResult<Int> {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        return mod_i64(*x, *y).map(Int::Small);
    }
    if b.is_zero() {
        return Err(PyErr::zero_division("integer modulo by zero"));
    }
    Ok(Int::from_big(a.as_big().mod_floor(&b.as_big())))
}

/// `divmod(a, b)` for ints.
pub fn divmod(a: &Int, b: &Int) -> PyResult<(Int, Int)> {
    if b.is_zero() {
        return Err(int_div_zero());
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(q) = floordiv_i64(*x, *y)? {
            return Ok((Int::Small(q), Int::Small(mod_i64(*x, *y)?)));
        }
    }
    let (q, r) = a.as_big().div_mod_floor(&b.as_big());
    Ok((Int::from_big(q), Int::from_big(r)))
}

/// The result of `**`: an int, or a float when the exponent is negative,
/// or a sign that the answer is complex (a negative float to a fractional
/// power), which the caller computes with its complex type.
#[derive(Clone, Debug, PartialEq)]
pub enum PowResult {
    Int(Int),
    Float(f64),
    Complex,
}

/// `a ** b` on i64, `None` when the result does not fit (or `b < 0`).
pub fn pow_i64(a: i64, b: i64) -> Option<i64> {
    let e = u32::try_from(b).ok()?;
    a.checked_pow(e)
}

/// `a ** b` for ints; a negative `b` gives a float, as `float(a) ** float(b)`.
pub fn pow(a: &Int, b: &Int) -> PyResult<PowResult> {
    if b.is_negative() {
        return float_pow(to_f64(a)?, to_f64(b)?);
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if let Some(r) = pow_i64(*x, *y) {
            return Ok(PowResult::Int(Int::Small(r)));
        }
    }
    let base = a.to_big();
    // 0, 1 and -1 stay small whatever the exponent.
    if base.is_zero() || base.magnitude().is_one() {
        let odd = match b {
            Int::Small(y) => y & 1 == 1,
            Int::Big(y) => y.is_odd(),
        };
        let r = if base.is_negative() && !odd {
            BigInt::one()
        } else {
            base
        };
        return Ok(PowResult::Int(Int::from_big(r)));
    }
    let exp = match b {
        Int::Small(y) => *y as u64,
        Int::Big(_) => return Err(memory_error()),
    };
    if exp.saturating_mul(base.bits()) > MAX_RESULT_BITS {
        return Err(memory_error());
    }
    Ok(PowResult::Int(Int::from_big(num_traits::pow::Pow::pow(
        &base, exp,
    ))))
}

/// `pow(a, b, m)` for ints: modular exponentiation, a negative `b` through
/// the inverse of `a` modulo `m`; the result has the sign of `m`.
pub fn pow_mod(a: &Int, b: &Int, m: &Int) -> PyResult<Int> {
    if m.is_zero() {
        return Err(PyErr::value("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.to_big();
    let mut base = a.to_big();
    let mut exp = b.to_big();
    if exp.is_negative() {
        base = mod_inverse(&base, &modulus)
            .ok_or_else(|| PyErr::value("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    if modulus.magnitude().is_one() {
        return Ok(Int::Small(0));
    }
    Ok(Int::from_big(base.modpow(&exp, &modulus)))
}

/// The inverse of `a` modulo `|m|` in `[0, |m|)`, if `gcd(a, m) == 1`.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let (mut old_r, mut r) = (a.mod_floor(&m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = old_r.div_floor(&r);
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    // |m| == 1: everything is invertible (and every result is 0).
    if m.is_one() {
        return Some(BigInt::zero());
    }
    old_r.is_one().then(|| old_s.mod_floor(&m))
}

/// `a << n`.
pub fn shl(a: &Int, n: &Int) -> PyResult<Int> {
    let count = match n {
        Int::Small(c) if *c < 0 => return Err(PyErr::value("negative shift count")),
        _ if n.is_negative() => return Err(PyErr::value("negative shift count")),
        Int::Small(c) => *c as u64,
        Int::Big(_) if a.is_zero() => return Ok(Int::Small(0)),
        Int::Big(_) => return Err(PyErr::overflow("too many digits in integer")),
    };
    if let Int::Small(x) = a {
        if *x == 0 {
            return Ok(Int::Small(0));
        }
        if count < 64 {
            let shifted = x.wrapping_shl(count as u32);
            if shifted >> count == *x {
                return Ok(Int::Small(shifted));
            }
        }
    }
    if count > MAX_RESULT_BITS {
        return Err(memory_error());
    }
    Ok(Int::from_big(&*a.as_big() << count))
}

/// `a >> n`: rounds toward negative infinity, so `-1 >> n` is `-1`.
pub fn shr(a: &Int, n: &Int) -> PyResult<Int> {
    if n.is_negative() {
        return Err(PyErr::value("negative shift count"));
    }
    let count = match n {
        Int::Small(c) => *c as u64,
        Int::Big(_) => u64::MAX,
    };
    match a {
        Int::Small(x) => Ok(Int::Small(x >> count.min(63))),
        Int::Big(b) => {
            if count >= b.bits() {
                return Ok(Int::Small(if b.is_negative() { -1 } else { 0 }));
            }
            Ok(Int::from_big(b >> count))
        }
    }
}

/// The three bitwise operators, on two's complement values of unbounded width.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BitOp {
    And,
    Or,
    Xor,
}

pub fn bitop(op: BitOp, a: &Int, b: &Int) -> Int {
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        return Int::Small(match op {
            BitOp::And => x & y,
            BitOp::Or => x | y,
            BitOp::Xor => x ^ y,
        });
    }
    let (x, y) = (a.as_big(), b.as_big());
    Int::from_big(match op {
        BitOp::And => &*x & &*y,
        BitOp::Or => &*x | &*y,
        BitOp::Xor => &*x ^ &*y,
    })
}

/// `~a`, which is `-a - 1`.
pub fn invert(a: &Int) -> Int {
    match a {
        Int::Small(x) => Int::Small(!x),
        Int::Big(b) => Int::from_big(-b - 1),
    }
}

/// `a.bit_length()`: bits of `|a|`.
pub fn bit_length(a: &Int) -> u64 {
    match a {
        Int::Small(x) => 64 - x.unsigned_abs().leading_zeros() as u64,
        Int::Big(b) => b.bits(),
    }
}

// ---- int ↔ float ----

/// `num / den` (both non-zero magnitudes) rounded half-even to the nearest
/// double; `None` when that rounds past the largest finite double.
fn ratio_to_f64(num: &BigUint, den: &BigUint) -> Option<f64> {
    // Scale so the integer quotient has at least 55 bits: 53 kept, one to
    // round on, and the remainder as the sticky bit.
    let shift = 55 - (num.bits() as i64 - den.bits() as i64);
    let (q, r) = if shift >= 0 {
        (num << shift as u64).div_rem(den)
    } else {
        num.div_rem(&(den << (-shift) as u64))
    };
    let q = q.to_u64()?;
    let q_bits = 64 - q.leading_zeros() as i64;
    // Value ≈ q × 2^-shift, leading bit at 2^lead.
    let lead = q_bits - 1 - shift;
    if lead > 1023 {
        return None;
    }
    let keep = if lead >= -1022 {
        53
    } else {
        53 - (-1022 - lead)
    };
    if keep < 0 {
        return Some(0.0);
    }
    let drop = q_bits - keep;
    let mut m = q >> drop;
    let rest = q & ((1u64 << drop) - 1);
    let half = 1u64 << (drop - 1);
    if rest > half || (rest == half && (!r.is_zero() || m & 1 == 1)) {
        m += 1;
    }
    let v = super::float_repr::ldexp(m as f64, drop - shift);
    v.is_finite().then_some(v)
}

fn signed_f64(negative: bool, v: f64) -> f64 {
    if negative {
        -v
    } else {
        v
    }
}

/// `float(a)`, correctly rounded; `OverflowError` past the largest double.
pub fn to_f64(a: &Int) -> PyResult<f64> {
    match a {
        Int::Small(x) => Ok(*x as f64),
        Int::Big(b) => ratio_to_f64(b.magnitude(), &BigUint::one())
            .map(|v| signed_f64(b.is_negative(), v))
            .ok_or_else(|| PyErr::overflow("int too large to convert to float")),
    }
}

/// `a / b` for ints, correctly rounded however large they are.
pub fn truediv(a: &Int, b: &Int) -> PyResult<f64> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    const EXACT: i64 = 1 << 53;
    if let (Int::Small(x), Int::Small(y)) = (a, b) {
        if (-EXACT..=EXACT).contains(x) && (-EXACT..=EXACT).contains(y) {
            return Ok(*x as f64 / *y as f64);
        }
    }
    let negative = a.is_negative() != b.is_negative();
    if a.is_zero() {
        return Ok(signed_f64(negative, 0.0));
    }
    let (x, y) = (a.as_big(), b.as_big());
    ratio_to_f64(x.magnitude(), y.magnitude())
        .map(|v| signed_f64(negative, v))
        .ok_or_else(|| PyErr::overflow("integer division result too large for a float"))
}

/// `int(x)` / `math.trunc(x)` for a float: toward zero, exact for any size.
pub fn float_to_int(x: f64) -> PyResult<Int> {
    if x.is_nan() {
        return Err(PyErr::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Int::Small(t as i64));
    }
    let (mantissa, exp) = decompose(t);
    let mag = BigInt::from(mantissa) << (exp as u64);
    Ok(Int::from_big(if t < 0.0 { -mag } else { mag }))
}

/// `|x| = mantissa × 2^exp` with an integer mantissa (finite `x`).
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    }
}

/// `math.floor(x)` as an int.
pub fn floor(x: f64) -> PyResult<Int> {
    float_to_int(x.floor())
}

/// `math.ceil(x)` as an int.
pub fn ceil(x: f64) -> PyResult<Int> {
    float_to_int(x.ceil())
}

/// `round(x)` for a float: to the nearest int, ties to even.
pub fn round_float_to_int(x: f64) -> PyResult<Int> {
    float_to_int(x.round_ties_even())
}

/// `round(x, ndigits)` for a float: the double nearest to `x` correctly
/// rounded (ties to even) to `ndigits` decimal places, as CPython computes
/// it through exact decimal digits.
pub fn round_float(x: f64, ndigits: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    // Past these every double is unchanged, or rounds to zero.
    if ndigits > 323 {
        return Ok(x);
    }
    if ndigits < -308 {
        return Ok(0.0 * x);
    }
    let (mantissa, exp) = decompose(x);
    if exp >= 0 && ndigits >= 0 {
        return Ok(x);
    }
    // |x| × 10^ndigits = mantissa × 2^exp × 10^ndigits as a ratio num/den.
    let mut num = BigUint::from(mantissa);
    let mut den = BigUint::one();
    let pow10 = num_traits::pow::Pow::pow(BigUint::from(10u32), ndigits.unsigned_abs());
    if ndigits >= 0 {
        num *= &pow10;
    } else {
        den *= &pow10;
    }
    if exp >= 0 {
        num <<= exp as u64;
    } else {
        den <<= (-exp) as u64;
    }
    let (mut q, r) = num.div_rem(&den);
    let twice = r << 1u32;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    let negative = x < 0.0;
    if q.is_zero() {
        return Ok(signed_f64(negative, 0.0));
    }
    let v = if ndigits >= 0 {
        ratio_to_f64(&q, &pow10)
    } else {
        ratio_to_f64(&(q * pow10), &BigUint::one())
    };
    v.map(|v| signed_f64(negative, v))
        .ok_or_else(|| PyErr::overflow("rounded value too large to represent"))
}

/// `round(a, ndigits)` for an int: unchanged for `ndigits >= 0`, else to a
/// multiple of `10^-ndigits`, ties to even.
pub fn round_int(a: &Int, ndigits: &Int) -> Int {
    let places = match ndigits {
        Int::Small(n) if *n >= 0 => return a.clone(),
        Int::Big(n) if !n.is_negative() => return a.clone(),
        Int::Small(n) => n.unsigned_abs(),
        Int::Big(_) => return Int::Small(0),
    };
    // 10^places > 2|a| rounds everything to 0.
    if places as f64 * std::f64::consts::LOG2_10 > bit_length(a) as f64 + 2.0 {
        return Int::Small(0);
    }
    let p = num_traits::pow::Pow::pow(BigInt::from(10), places);
    let (mut q, r) = a.as_big().div_mod_floor(&p);
    let twice: BigInt = r << 1u32;
    if twice > p || (twice == p && q.is_odd()) {
        q += 1;
    }
    Int::from_big(q * p)
}

/// `x.as_integer_ratio()`: the lowest-terms fraction equal to `x`.
pub fn as_integer_ratio(x: f64) -> PyResult<(Int, Int)> {
    if x.is_nan() {
        return Err(PyErr::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let (mut mantissa, mut exp) = decompose(x);
    let zeros = mantissa.trailing_zeros() as i64;
    mantissa >>= zeros;
    exp += zeros;
    let num = if x < 0.0 {
        -BigInt::from(mantissa)
    } else {
        BigInt::from(mantissa)
    };
    if exp >= 0 {
        Ok((Int::from_big(num << exp as u64), Int::Small(1)))
    } else {
        Ok((
            Int::from_big(num),
            Int::from_big(BigInt::one() << (-exp) as u64),
        ))
    }
}

/// `x.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x.trunc() == x
}

/// Compares an int with a float exactly (`2**53 + 1 > float(2**53)`);
/// `None` when `b` is NaN, where every comparison is false.
pub fn compare_int_float(a: &Int, b: f64) -> Option<Ordering> {
    if b.is_nan() {
        return None;
    }
    if b.is_infinite() {
        return Some(if b > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    const EXACT: i64 = 1 << 53;
    if let Int::Small(x) = a {
        if (-EXACT..=EXACT).contains(x) {
            return (*x as f64).partial_cmp(&b);
        }
    }
    let floor_b = float_to_int(b.floor()).ok()?;
    match compare_ints(a, &floor_b) {
        Ordering::Greater => Some(Ordering::Greater),
        Ordering::Less => Some(Ordering::Less),
        Ordering::Equal if b.floor() == b => Some(Ordering::Equal),
        Ordering::Equal => Some(Ordering::Less),
    }
}

/// Orders two ints.
pub fn compare_ints(a: &Int, b: &Int) -> Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(y),
        // A Big is outside the i64 range, so its sign decides.
        (Int::Small(_), Int::Big(y)) => {
            if y.is_negative() {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Int::Big(x), Int::Small(_)) => {
            if x.is_negative() {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (Int::Big(x), Int::Big(y)) => x.cmp(y),
    }
}

// ---- float arithmetic ----

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float floor division by zero"));
    }
    Ok(float_divmod_parts(a, b).0)
}

/// `a % b` for floats: the sign of `b`, a zero result signed like `b`.
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float modulo"));
    }
    Ok(float_mod_part(a, b))
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    Ok(float_divmod_parts(a, b))
}

fn float_mod_part(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m == 0.0 {
        0.0f64.copysign(b)
    } else if (b < 0.0) != (m < 0.0) {
        m + b
    } else {
        m
    }
}

/// The floor quotient and modulo of `a / b` (non-zero `b`): the quotient is
/// derived from the exact remainder, so `q * b + m` stays close to `a` and
/// `q` is an integer-valued float.
fn float_divmod_parts(a: f64, b: f64) -> (f64, f64) {
    let raw = a % b;
    let mut div = (a - raw) / b;
    let mut m = raw;
    if raw != 0.0 {
        if (b < 0.0) != (raw < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

/// `a / b` for floats.
pub fn float_truediv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `a ** b` for floats, with CPython's special cases: `x ** 0` is 1 even
/// for NaN, `1 ** y` is 1, zero to a negative power is an error, a negative
/// base to a non-integer power is complex, and a finite result too large is
/// `OverflowError`.
pub fn float_pow(a: f64, b: f64) -> PyResult<PowResult> {
    let real = |v: f64| Ok(PowResult::Float(v));
    if b == 0.0 {
        return real(1.0);
    }
    if a.is_nan() {
        return real(a);
    }
    if b.is_nan() {
        return real(if a == 1.0 { 1.0 } else { b });
    }
    let b_is_odd_int = b.is_finite() && (b % 2.0).abs() == 1.0;
    if b.is_infinite() {
        let mag = a.abs();
        return real(if mag == 1.0 {
            1.0
        } else if (mag > 1.0) == (b > 0.0) {
            f64::INFINITY
        } else {
            0.0
        });
    }
    if a.is_infinite() {
        let v = if b > 0.0 { f64::INFINITY } else { 0.0 };
        return real(if b_is_odd_int { v.copysign(a) } else { v });
    }
    if a == 0.0 {
        if b < 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return real(if b_is_odd_int { a } else { 0.0 });
    }
    let mut base = a;
    let mut negate = false;
    if a < 0.0 {
        if b.floor() != b {
            return Ok(PowResult::Complex);
        }
        base = -a;
        negate = b_is_odd_int;
    }
    let v = if base == 1.0 { 1.0 } else { base.powf(b) };
    if v.is_infinite() {
        return Err(PyErr::overflow("(34, 'Numerical result out of range')"));
    }
    real(if negate { -v } else { v })
}
