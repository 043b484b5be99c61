//! The concrete meaning of every pure operation, written once.
//!
//! The plain mode, the recorder (which computes real values while it
//! records), the constant folder and the IR interpreter all call these
//! functions, so the four can never disagree on what `int_floordiv` or
//! `cast_float_to_int` means. Values are machine words (`u64`); the opcode
//! says how to read them.
//!
//! Integer division and modulo truncate toward zero, as in C and RPython; a
//! language with floor division builds it from these. An interpreter must
//! guard against a zero divisor and `i64::MIN / -1` before it records one; if
//! one arrives anyway the result is 0, never a trap.

use super::Opcode;

#[inline(always)]
fn f(w: u64) -> f64 {
    f64::from_bits(w)
}

#[inline(always)]
fn w(x: f64) -> u64 {
    x.to_bits()
}

#[inline(always)]
fn b(x: bool) -> u64 {
    x as u64
}

/// Evaluate a pure one-operand operation.
#[inline(always)]
pub fn unary(op: Opcode, a: u64) -> u64 {
    let i = a as i64;
    match op {
        // A reference and an int are both the word itself; the casts only
        // change the type the IR gives it (tagged values use them).
        Opcode::SameAs | Opcode::CastPtrToInt | Opcode::CastIntToPtr => a,
        Opcode::IntNeg => i.wrapping_neg() as u64,
        Opcode::IntInvert => !a,
        Opcode::IntIsTrue => b(i != 0),
        Opcode::IntIsZero => b(i == 0),
        Opcode::FloatNeg => w(-f(a)),
        Opcode::FloatAbs => w(f(a).abs()),
        Opcode::CastIntToFloat => w(i as f64),
        // Rust's `as` saturates and maps NaN to 0: defined for every input.
        Opcode::CastFloatToInt => f(a) as i64 as u64,
        _ => unreachable!("{} is not a unary pure operation", op.name()),
    }
}

/// Evaluate a pure two-operand operation.
#[inline(always)]
pub fn binary(op: Opcode, a: u64, c: u64) -> u64 {
    let (x, y) = (a as i64, c as i64);
    match op {
        Opcode::IntAdd => x.wrapping_add(y) as u64,
        Opcode::IntSub => x.wrapping_sub(y) as u64,
        Opcode::IntMul => x.wrapping_mul(y) as u64,
        Opcode::IntFloorDiv => x.checked_div(y).unwrap_or(0) as u64,
        Opcode::IntMod => x.checked_rem(y).unwrap_or(0) as u64,
        Opcode::IntAnd => a & c,
        Opcode::IntOr => a | c,
        Opcode::IntXor => a ^ c,
        Opcode::IntLshift => x.wrapping_shl(c as u32) as u64,
        Opcode::IntRshift => x.wrapping_shr(c as u32) as u64,
        Opcode::UintRshift => a.wrapping_shr(c as u32),
        Opcode::IntLt => b(x < y),
        Opcode::IntLe => b(x <= y),
        Opcode::IntEq | Opcode::PtrEq => b(a == c),
        Opcode::IntNe | Opcode::PtrNe => b(a != c),
        Opcode::IntGt => b(x > y),
        Opcode::IntGe => b(x >= y),
        Opcode::UintLt => b(a < c),
        Opcode::UintGe => b(a >= c),
        Opcode::FloatAdd => w(f(a) + f(c)),
        Opcode::FloatSub => w(f(a) - f(c)),
        Opcode::FloatMul => w(f(a) * f(c)),
        Opcode::FloatTrueDiv => w(f(a) / f(c)),
        Opcode::FloatLt => b(f(a) < f(c)),
        Opcode::FloatLe => b(f(a) <= f(c)),
        Opcode::FloatEq => b(f(a) == f(c)),
        Opcode::FloatNe => b(f(a) != f(c)),
        Opcode::FloatGt => b(f(a) > f(c)),
        Opcode::FloatGe => b(f(a) >= f(c)),
        _ => unreachable!("{} is not a binary pure operation", op.name()),
    }
}

/// Evaluate an overflow-checked operation: the wrapped result and whether it
/// overflowed.
#[inline(always)]
pub fn overflowing(op: Opcode, a: u64, c: u64) -> (u64, bool) {
    let (x, y) = (a as i64, c as i64);
    let (r, o) = match op {
        Opcode::IntAddOvf => x.overflowing_add(y),
        Opcode::IntSubOvf => x.overflowing_sub(y),
        Opcode::IntMulOvf => x.overflowing_mul(y),
        _ => unreachable!("{} is not an overflow operation", op.name()),
    };
    (r as u64, o)
}

/// The number of operands a pure or overflow operation takes.
pub fn arity(op: Opcode) -> usize {
    match op {
        Opcode::SameAs
        | Opcode::IntNeg
        | Opcode::IntInvert
        | Opcode::IntIsTrue
        | Opcode::IntIsZero
        | Opcode::FloatNeg
        | Opcode::FloatAbs
        | Opcode::CastIntToFloat
        | Opcode::CastFloatToInt
        | Opcode::CastPtrToInt
        | Opcode::CastIntToPtr => 1,
        _ => 2,
    }
}

/// Evaluate any pure operation on constant words.
pub fn pure(op: Opcode, args: &[u64]) -> u64 {
    if arity(op) == 1 {
        unary(op, args[0])
    } else {
        binary(op, args[0], args[1])
    }
}
