//! `int`, `bool` and `float` arithmetic with Python's semantics: small ints
//! overflow into big ones, `//` and `%` floor, `/` is true division, mixed
//! int/float operations convert, comparisons between ints and floats are
//! exact, and numbers hash equal when they compare equal.

use super::{exc, PyResult};
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::objects::{self, float_of, int_of, new_bigint, new_float, new_int, IntVal, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn big(n: &IntVal) -> BigInt {
    match n {
        IntVal::Small(n) => BigInt::from(*n),
        IntVal::Big(b) => (*b).clone(),
    }
}

/// The int as a float (`OverflowError` when too large).
pub fn int_to_f64(n: &IntVal) -> PyResult<f64> {
    match n {
        IntVal::Small(n) => Ok(*n as f64),
        IntVal::Big(b) => {
            let f = b.to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                Err(exc::overflow_error("int too large to convert to float"))
            } else {
                Ok(f)
            }
        }
    }
}

fn as_float(v: Value) -> Option<PyResult<f64>> {
    if let Some(f) = float_of(v) {
        return Some(Ok(f));
    }
    int_of(v).map(|n| int_to_f64(&n))
}

/// A binary operation on numbers; `None` if either operand is not one.
pub fn binary(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let t = crate::objects::Types::get();
    let is_bool = |v: Value| v == t.true_ || v == t.false_;
    if is_bool(a) && is_bool(b) && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
        let (x, y) = (a == t.true_, b == t.true_);
        return Ok(Some(crate::objects::new_bool(match op {
            BinOp::And => x & y,
            BinOp::Or => x | y,
            _ => x ^ y,
        })));
    }
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        return int_binary(op, x, y).map(Some);
    }
    if super::complex::involves(a, b) {
        return super::complex::binary(op, a, b);
    }
    let (Some(x), Some(y)) = (as_float(a), as_float(b)) else {
        return Ok(None);
    };
    let (x, y) = (x?, y?);
    float_binary(op, x, y)
}

fn int_binary(op: BinOp, x: IntVal, y: IntVal) -> PyResult {
    if let (IntVal::Small(a), IntVal::Small(b)) = (&x, &y) {
        let (a, b) = (*a, *b);
        let r = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mul => a.checked_mul(b),
            BinOp::FloorDiv => {
                if b == 0 {
                    return Err(exc::zero_division("integer division or modulo by zero"));
                }
                a.checked_div_euclid(b).map(|_| Integer::div_floor(&a, &b))
            }
            BinOp::Mod => {
                if b == 0 {
                    return Err(exc::zero_division("integer modulo by zero"));
                }
                a.checked_rem(b).map(|_| a.mod_floor(&b))
            }
            BinOp::And => Some(a & b),
            BinOp::Or => Some(a | b),
            BinOp::Xor => Some(a ^ b),
            BinOp::LShift => {
                if b < 0 {
                    return Err(exc::value_error("negative shift count"));
                }
                if b < 63 && (a.abs() >> (62 - b)) == 0 {
                    Some(a << b)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(exc::value_error("negative shift count"));
                }
                Some(if b >= 64 {
                    if a < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    a >> b
                })
            }
            BinOp::TrueDiv => {
                if b == 0 {
                    return Err(exc::zero_division("division by zero"));
                }
                if a.abs() < (1 << 53) && b.abs() < (1 << 53) {
                    return Ok(new_float(a as f64 / b as f64));
                }
                None
            }
            BinOp::Pow => {
                if b < 0 {
                    if a == 0 {
                        return Err(exc::zero_division(
                            "0.0 cannot be raised to a negative power",
                        ));
                    }
                    return Ok(new_float((a as f64).powf(b as f64)));
                }
                if b <= u32::MAX as i64 {
                    a.checked_pow(b as u32)
                } else {
                    None
                }
            }
            BinOp::MatMul => return Err(matmul_error()),
        };
        if let Some(r) = r {
            return Ok(new_int(r));
        }
    }
    let (a, b) = (big(&x), big(&y));
    Ok(match op {
        BinOp::Add => new_bigint(a + b),
        BinOp::Sub => new_bigint(a - b),
        BinOp::Mul => new_bigint(a * b),
        BinOp::FloorDiv => {
            if b.is_zero() {
                return Err(exc::zero_division("integer division or modulo by zero"));
            }
            new_bigint(a.div_floor(&b))
        }
        BinOp::Mod => {
            if b.is_zero() {
                return Err(exc::zero_division("integer modulo by zero"));
            }
            new_bigint(a.mod_floor(&b))
        }
        BinOp::And => new_bigint(a & b),
        BinOp::Or => new_bigint(a | b),
        BinOp::Xor => new_bigint(a ^ b),
        BinOp::LShift => {
            if b.is_negative() {
                return Err(exc::value_error("negative shift count"));
            }
            let Some(s) = b.to_usize().filter(|&s| s < (1 << 32)) else {
                return Err(exc::overflow_error("too many digits in integer"));
            };
            new_bigint(a << s)
        }
        BinOp::RShift => {
            if b.is_negative() {
                return Err(exc::value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(s) => new_bigint(a >> s),
                None => new_int(if a.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::TrueDiv => {
            if b.is_zero() {
                return Err(exc::zero_division("division by zero"));
            }
            let (x, y) = (
                crate::runtime::Int::from_big(a),
                crate::runtime::Int::from_big(b),
            );
            new_float(crate::runtime::arith::truediv(&x, &y).map_err(crate::runtime_glue::err)?)
        }
        BinOp::Pow => {
            if b.is_negative() {
                let x = int_to_f64(&IntVal::Big(&a))?;
                let y = int_to_f64(&IntVal::Big(&b))?;
                if x == 0.0 {
                    return Err(exc::zero_division(
                        "0.0 cannot be raised to a negative power",
                    ));
                }
                return Ok(new_float(x.powf(y)));
            }
            let Some(e) = b.to_u32() else {
                if a.is_zero() || a.is_one() {
                    return Ok(new_bigint(a));
                }
                if a == BigInt::from(-1) {
                    return Ok(new_int(if b.is_even() { 1 } else { -1 }));
                }
                return Err(exc::new("MemoryError", None));
            };
            new_bigint(num_traits::pow(a, e as usize))
        }
        BinOp::MatMul => return Err(matmul_error()),
    })
}

fn matmul_error() -> Value {
    exc::type_error("unsupported operand type(s) for @: 'int' and 'int'")
}

fn float_binary(op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
    use crate::runtime::arith::{self, PowResult};
    use crate::runtime_glue::err;
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv => arith::float_truediv(x, y).map_err(err)?,
        BinOp::FloorDiv => arith::float_floordiv(x, y).map_err(err)?,
        BinOp::Mod => arith::float_mod(x, y).map_err(err)?,
        BinOp::Pow => match arith::float_pow(x, y).map_err(err)? {
            PowResult::Float(v) => v,
            // A negative base to a fractional power.
            PowResult::Complex | PowResult::Int(_) => {
                let r = super::complex::power((x, 0.0), (y, 0.0))?;
                return Ok(Some(objects::new_complex(r)));
            }
        },
        _ => return Ok(None),
    };
    Ok(Some(new_float(r)))
}

pub fn unary(op: UnOp, a: Value) -> PyResult<Option<Value>> {
    if let Some(n) = int_of(a) {
        return Ok(Some(match op {
            UnOp::Neg => match n {
                IntVal::Small(n) => new_bigint(-BigInt::from(n)),
                IntVal::Big(b) => new_bigint(-b.clone()),
            },
            UnOp::Pos => match n {
                IntVal::Small(n) => new_int(n),
                IntVal::Big(b) => new_bigint(b.clone()),
            },
            UnOp::Invert => match n {
                IntVal::Small(n) => new_int(!n),
                IntVal::Big(b) => new_bigint(-b.clone() - 1),
            },
            UnOp::Not => unreachable!(),
        }));
    }
    if let Some(f) = float_of(a) {
        return match op {
            UnOp::Neg => Ok(Some(new_float(-f))),
            UnOp::Pos => Ok(Some(new_float(f))),
            _ => Ok(None),
        };
    }
    Ok(super::complex::unary(op, a))
}

/// A comparison of two numbers, exact across ints and floats; `None` if
/// either is not a number.
pub fn compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    use std::cmp::Ordering;
    let ord = if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        Some(match (&x, &y) {
            (IntVal::Small(x), IntVal::Small(y)) => x.cmp(y),
            _ => big(&x).cmp(&big(&y)),
        })
    } else {
        let fa = float_of(a);
        let fb = float_of(b);
        match (fa, fb) {
            (Some(x), Some(y)) => x.partial_cmp(&y),
            (Some(x), None) => cmp_float_int(x, &int_of(b)?),
            (None, Some(y)) => cmp_float_int(y, &int_of(a)?).map(Ordering::reverse),
            (None, None) => return None,
        }
    };
    Some(match ord {
        None => op == CmpOp::Ne,
        Some(o) => match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        },
    })
}

/// Exact order of a float and an int (`None` for NaN).
fn cmp_float_int(x: f64, n: &IntVal) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    if let IntVal::Small(n) = n {
        if n.abs() < (1 << 53) {
            return x.partial_cmp(&(*n as f64));
        }
    }
    let fl = x.floor();
    let whole = BigInt::from_f64_exact(fl);
    let o = whole.cmp(&big(n));
    if o == Ordering::Equal && x > fl {
        return Some(Ordering::Greater);
    }
    Some(o)
}

trait FromF64Exact {
    fn from_f64_exact(f: f64) -> BigInt;
}
impl FromF64Exact for BigInt {
    fn from_f64_exact(f: f64) -> BigInt {
        num_traits::FromPrimitive::from_f64(f).unwrap_or_default()
    }
}

pub fn hash_frozenset(items: &[i64]) -> i64 {
    let mut h: u64 = 0;
    for &x in items {
        let x = x as u64;
        h ^= ((x ^ 89869747) ^ (x << 16)).wrapping_mul(3644798167);
    }
    h ^= (items.len() as u64 + 1).wrapping_mul(1927868237);
    h ^= (h >> 11) ^ (h >> 25);
    h = h.wrapping_mul(69069).wrapping_add(907133923);
    if h == u64::MAX {
        h = 590923713;
    }
    h as i64
}

/// The value of an int object as i64, if it fits (`__index__` of ints).
pub fn index_of(v: Value) -> Option<i64> {
    match int_of(v)? {
        IntVal::Small(n) => Some(n),
        IntVal::Big(b) => b.to_i64(),
    }
}

/// An index argument: an int (or an object with `__index__`).
/// `operator.index(v)` as an exact integer (no machine-word limit).
pub fn index_bigint(v: Value) -> PyResult<num_bigint::BigInt> {
    if let Some(n) = objects::bigint_of(v) {
        return Ok(n);
    }
    if let Some(f) = super::ops::user_special(v, "__index__") {
        let r = crate::interp::call_object(f, &[v], &[])?;
        return objects::bigint_of(r).ok_or_else(|| {
            exc::type_error(format!(
                "__index__ returned non-int (type {})",
                objects::types::type_name(r)
            ))
        });
    }
    Err(exc::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        objects::types::type_name(v)
    )))
}

pub fn to_index(v: Value) -> PyResult<i64> {
    if let Some(n) = int_of(v) {
        return match n {
            IntVal::Small(n) => Ok(n),
            IntVal::Big(_) => Err(exc::new(
                "IndexError",
                Some("cannot fit 'int' into an index-sized integer".into()),
            )),
        };
    }
    if let Some(f) = super::ops::user_special(v, "__index__") {
        let r = crate::interp::call_object(f, &[v], &[])?;
        if int_of(r).is_none() {
            return Err(exc::type_error(format!(
                "__index__ returned non-int (type {})",
                objects::types::type_name(r)
            )));
        }
        return to_index(r);
    }
    Err(exc::type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        objects::types::type_name(v)
    )))
}
