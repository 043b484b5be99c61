//! Constant folding and algebraic simplification (LuaJIT's `lj_opt_fold.c`,
//! RPython's `rewrite.py`), in one forward walk.
//!
//! Each operation, once its operands have been rewritten, is either kept, or
//! dropped and its result replaced by a constant or by another value:
//! - a pure operation on constants is evaluated with `ir::eval`, the same
//!   code every other part of the JIT uses, so folding cannot disagree with
//!   running;
//! - integer identities: `x+0`, `x-0`, `x*1`, `x*0`, `x-x`, `x&0`, `x&-1`,
//!   `x&x`, `x|0`, `x|-1`, `x|x`, `x^0`, `x^x`, shifts by 0 and of 0,
//!   `x//1`, `x%1`, `-(-x)`, `~~x`, a cast to int and back (or back and
//!   forth), `int_is_true` of a boolean, comparisons
//!   of a variable with itself (for integers and pointers only: a float may
//!   be NaN, and `x+0.0` is not `x` for `-0.0`, so floats get just `-(-x)`
//!   and `x*1.0`);
//! - `same_as(x)` is `x`;
//! - `int_add_ovf` & co. on constants, or with an identity operand, are
//!   folded when they cannot overflow, and the `guard_no_overflow` reading
//!   their flag goes with them; an operation that does overflow, or one
//!   followed by `guard_overflow`, is left alone (that guard always fails);
//! - `call_pure_*` of an elidable function on constants is called now,
//!   through `abi::invoke`, exactly as the backend would call it.
//!
//! Guards are not this pass's business (except the overflow guard above):
//! `guards.rs` removes those that are known to hold.

use super::{empty_like, is_elidable_call, Forward};
use crate::abi;
use crate::ir::{eval, Arg, Descr, Op, OpClass, Opcode, Trace, Type, Var};
use std::collections::HashMap;

pub fn run(trace: &Trace) -> Trace {
    let mut out = empty_like(trace);
    let mut fw = Forward::new(trace);
    // The defining operation of each kept result: opcode and operands.
    let mut defs: HashMap<Var, (Opcode, Vec<Arg>)> = HashMap::new();
    // Index of a `guard_no_overflow` whose ovf operation was folded away.
    let mut drop_guard: Option<usize> = None;

    for (i, op) in trace.ops.iter().enumerate() {
        if drop_guard == Some(i) {
            drop_guard = None;
            continue;
        }
        if op.opcode == Opcode::Label {
            fw.label(&mut out, op);
            defs.clear();
            continue;
        }
        let mut op = op.clone();
        fw.rewrite(&mut op);
        let res = op.res;
        let folded = match op.opcode.class() {
            OpClass::Pure => fold_pure(&out, &defs, &op),
            OpClass::Ovf => {
                let r = fold_ovf(&op);
                if r.is_some() {
                    match flag_reader(trace, i) {
                        Some(g) if trace.ops[g].opcode == Opcode::GuardNoOverflow => {
                            drop_guard = Some(g);
                            r
                        }
                        Some(_) => None, // guard_overflow: leave the pair alone
                        None => r,
                    }
                } else {
                    None
                }
            }
            OpClass::Call if is_elidable_call(&op) => fold_call(&op),
            _ => None,
        };
        match (folded, res) {
            (Some(to), Some(r)) => fw.replace(r, to),
            _ => {
                if let Some(r) = res {
                    defs.insert(r, (op.opcode, op.args.clone()));
                }
                out.ops.push(op);
            }
        }
    }
    out
}

/// The guard that reads the overflow flag set by the ovf operation at `i`:
/// the next `guard_(no_)overflow` before another ovf operation.
pub(super) fn flag_reader(t: &Trace, i: usize) -> Option<usize> {
    for (j, op) in t.ops.iter().enumerate().skip(i + 1) {
        match op.opcode {
            Opcode::GuardNoOverflow | Opcode::GuardOverflow => return Some(j),
            o if o.class() == OpClass::Ovf => return None,
            _ => {}
        }
    }
    None
}

/// Is `a` known to be 0 or 1?
fn is_bool(defs: &HashMap<Var, (Opcode, Vec<Arg>)>, a: Arg) -> bool {
    match a {
        Arg::Int(0 | 1) => true,
        Arg::Var(v) => defs.get(&v).is_some_and(|(o, _)| o.is_comparison()),
        _ => false,
    }
}

/// The value a pure operation is equal to, if it can be dropped.
fn fold_pure(t: &Trace, defs: &HashMap<Var, (Opcode, Vec<Arg>)>, op: &Op) -> Option<Arg> {
    use Opcode::*;
    let a = &op.args;
    let ty = t.result_type(op.opcode, a);
    if op.opcode == SameAs {
        return Some(a[0]);
    }
    if a.iter().all(|x| x.is_const()) {
        let words: Vec<u64> = a.iter().map(|x| x.const_word().unwrap()).collect();
        return Some(Arg::from_word(ty, eval::pure(op.opcode, &words)));
    }
    let int = |x: Arg, k: i64| x == Arg::Int(k);
    let def = |x: Arg| x.as_var().and_then(|v| defs.get(&v));
    let x = a[0];
    let y = a.get(1).copied().unwrap_or(x);
    let same = x == y;
    let zero = Some(Arg::Int(0));
    let one = Some(Arg::Int(1));
    match op.opcode {
        IntAdd if int(y, 0) => Some(x),
        IntAdd if int(x, 0) => Some(y),
        IntSub if int(y, 0) => Some(x),
        IntSub if same => zero,
        IntMul if int(y, 1) => Some(x),
        IntMul if int(x, 1) => Some(y),
        IntMul if int(x, 0) || int(y, 0) => zero,
        IntFloorDiv if int(y, 1) => Some(x),
        IntMod if int(y, 1) || int(y, -1) => zero,
        IntAnd if int(x, 0) || int(y, 0) => zero,
        IntAnd if int(y, -1) || same => Some(x),
        IntAnd if int(x, -1) => Some(y),
        IntOr if int(y, 0) || same => Some(x),
        IntOr if int(x, 0) => Some(y),
        IntOr if int(x, -1) || int(y, -1) => Some(Arg::Int(-1)),
        IntXor if int(y, 0) => Some(x),
        IntXor if int(x, 0) => Some(y),
        IntXor if same => zero,
        IntLshift | IntRshift | UintRshift if int(y, 0) => Some(x),
        IntLshift | UintRshift if int(x, 0) => zero,
        IntRshift if int(x, 0) || int(x, -1) => Some(x),
        IntNeg | IntInvert | FloatNeg => match def(x) {
            Some((inner, args)) if *inner == op.opcode => Some(args[0]),
            _ => None,
        },
        // A value's word cast to an int and back (tagged values do this).
        CastPtrToInt => match def(x) {
            Some((CastIntToPtr, args)) => Some(args[0]),
            _ => None,
        },
        CastIntToPtr => match def(x) {
            Some((CastPtrToInt, args)) => Some(args[0]),
            _ => None,
        },
        FloatMul if y == Arg::float(1.0) => Some(x),
        FloatMul if x == Arg::float(1.0) => Some(y),
        IntIsTrue if is_bool(defs, x) => Some(x),
        IntLt | IntGt | IntNe | UintLt | PtrNe if same => zero,
        IntLe | IntGe | IntEq | UintGe | PtrEq if same => one,
        UintLt if int(y, 0) => zero,
        UintGe if int(y, 0) => one,
        _ => None,
    }
}

/// The value of an overflow-checked operation that provably does not
/// overflow.
fn fold_ovf(op: &Op) -> Option<Arg> {
    use Opcode::*;
    let (x, y) = (op.args[0], op.args[1]);
    if let (Arg::Int(a), Arg::Int(b)) = (x, y) {
        let (r, o) = eval::overflowing(op.opcode, a as u64, b as u64);
        return if o { None } else { Some(Arg::Int(r as i64)) };
    }
    let int = |x: Arg, k: i64| x == Arg::Int(k);
    match op.opcode {
        IntAddOvf if int(y, 0) => Some(x),
        IntAddOvf if int(x, 0) => Some(y),
        IntSubOvf if int(y, 0) => Some(x),
        IntSubOvf if x == y => Some(Arg::Int(0)),
        IntMulOvf if int(y, 1) => Some(x),
        IntMulOvf if int(x, 1) => Some(y),
        IntMulOvf if int(x, 0) || int(y, 0) => Some(Arg::Int(0)),
        _ => None,
    }
}

/// Call an elidable function on constant arguments now.
fn fold_call(op: &Op) -> Option<Arg> {
    let Descr::Call(d) = op.descr else {
        return None;
    };
    if d.ret() == Type::Void || op.args.len() != d.args().len() {
        return None;
    }
    let words: Option<Vec<u64>> = op.args.iter().map(|a| a.const_word()).collect();
    let words = words?;
    // SAFETY: reference constants of a trace are objects the recorder saw
    // (rooted as trace constants once compiled), passed where the trace
    // passes them.
    Some(Arg::from_word(d.ret(), unsafe { abi::invoke(d, &words) }))
}
