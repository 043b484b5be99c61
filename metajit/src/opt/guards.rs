//! Guard removal and strengthening, with CSE of pure operations (RPython's
//! `rewrite.py` guard handling plus `pure.py`), in one forward walk.
//!
//! The walk keeps what earlier guards proved and what pure operations have
//! already computed:
//! - `guard_value(x, C)` (and `guard_isnull(r)`, and `guard_false(b)` on an
//!   int) make `x` the constant for every later use, fail arguments
//!   included; `guard_true(b)` on a boolean (a comparison's result) makes
//!   `b` the constant 1, and on any int records that `b` is nonzero;
//! - a guard whose condition is then known to hold is dropped: on a
//!   constant (`guard_true(1)`, `guard_value(5, 5)`,
//!   `guard_nonnull(ConstPtr(..))`), or repeated (a second
//!   `guard_nonnull(r)`, `guard_class(r, C)` after `guard_class(r, C)`,
//!   `guard_nonnull(r)` after `guard_class(r, C)`);
//! - a pure operation (or elidable `call_pure_*`) with the same opcode,
//!   descriptor and operands as an earlier one is replaced by the earlier
//!   result (commutative operations are normalized first). When a guard
//!   fixes a comparison's outcome, the swapped and negated comparisons are
//!   entered too: after `guard_true(int_lt(a, b))`, `int_gt(b, a)` is 1 and
//!   `int_ge(a, b)` is 0;
//! - a `guard_not_invalidated` after another with no call in between (only
//!   a call can invalidate the trace) is dropped;
//! - guard strengthening: `guard_nonnull(r)` followed later by
//!   `guard_class(r, C)` becomes one `guard_nonnull_class(r, C)` at the first
//!   guard's position, with the first guard's fail arguments and snapshot
//!   (the earlier resume point, valid for failing there).
//!
//! A guard that is known to fail (`guard_true(0)`, `guard_class` against a
//! different known class, `guard_isnull` of a known nonnull) is left as it
//! is. Facts are forgotten at a `label`, after which a jump may bring new
//! values.

use super::{empty_like, is_elidable_call, is_removable, Forward};
use crate::ir::{Arg, Descr, OpClass, Opcode, Trace, Var};
use std::collections::{HashMap, HashSet};

/// A pure computation, for CSE: opcode, operands, descriptor identity.
type Key = (Opcode, Vec<Arg>, usize);

#[derive(Default)]
struct Facts {
    cse: HashMap<Key, Arg>,
    /// Ints known nonzero.
    nonzero: HashSet<Var>,
    /// Refs known nonnull, with the output index of the plain
    /// `guard_nonnull` that proved it, if that is what did.
    nonnull: HashMap<Var, Option<usize>>,
    /// Refs whose class is known.
    class: HashMap<Var, Arg>,
    /// Defining operation of kept comparison results (opcode, operands).
    defs: HashMap<Var, (Opcode, Vec<Arg>)>,
}

fn descr_id(d: Descr) -> usize {
    match d {
        Descr::Call(c) => c as *const _ as usize,
        Descr::Field(c) => c as *const _ as usize,
        Descr::Array(c) => c as *const _ as usize,
        Descr::Size(c) => c as *const _ as usize,
        _ => 0,
    }
}

fn commutative(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        IntAdd | IntMul | IntAnd | IntOr | IntXor | IntEq | IntNe | PtrEq | PtrNe
    )
}

/// `cmp(a, b) == cmp_swapped(b, a)` for integer and pointer comparisons.
fn swapped(op: Opcode) -> Option<Opcode> {
    use Opcode::*;
    Some(match op {
        IntLt => IntGt,
        IntGt => IntLt,
        IntLe => IntGe,
        IntGe => IntLe,
        IntEq | IntNe | PtrEq | PtrNe => op,
        _ => return None,
    })
}

/// `cmp(a, b) == !negated(a, b)` (not for floats: NaN compares false both ways).
fn negated(op: Opcode) -> Option<Opcode> {
    use Opcode::*;
    Some(match op {
        IntLt => IntGe,
        IntGe => IntLt,
        IntLe => IntGt,
        IntGt => IntLe,
        IntEq => IntNe,
        IntNe => IntEq,
        UintLt => UintGe,
        UintGe => UintLt,
        PtrEq => PtrNe,
        PtrNe => PtrEq,
        _ => return None,
    })
}

fn key(op: Opcode, mut args: Vec<Arg>, descr: Descr) -> Key {
    if commutative(op) && args.len() == 2 && rank(args[0]) > rank(args[1]) {
        args.swap(0, 1);
    }
    (op, args, descr_id(descr))
}

/// An arbitrary total order on operands, to put commutative operands in a
/// canonical order.
fn rank(a: Arg) -> (u8, u64) {
    match a {
        Arg::Var(v) => (0, v.0 as u64),
        Arg::Int(i) => (1, i as u64),
        Arg::Float(b) => (2, b),
        Arg::Ref(p) => (3, p as u64),
    }
}

impl Facts {
    /// A guard proved that the int `v` is `value` (0 or 1 for a boolean) or,
    /// with `value == None`, nonzero.
    fn learn_int(&mut self, fw: &mut Forward, v: Var, value: Option<i64>) {
        match value {
            Some(k) => fw.assume(v, Arg::Int(k)),
            None => {
                self.nonzero.insert(v);
            }
        }
        let Some((op, args)) = self.defs.get(&v).cloned() else {
            return;
        };
        // What the value says about the operation that computed it.
        let truth = match value {
            Some(0) => false,
            Some(1) | None if op.is_comparison() => true,
            _ => return,
        };
        match op {
            Opcode::IntIsTrue | Opcode::IntIsZero => {
                let x = args[0];
                if let Arg::Var(x) = x {
                    if truth == (op == Opcode::IntIsTrue) {
                        self.nonzero.insert(x);
                    } else {
                        fw.assume(x, Arg::Int(0));
                    }
                }
            }
            _ => {
                let b = |t: bool| Arg::Int(t as i64);
                if let Some(s) = swapped(op) {
                    self.cse
                        .insert(key(s, vec![args[1], args[0]], Descr::None), b(truth));
                }
                if let Some(n) = negated(op) {
                    self.cse
                        .insert(key(n, args.clone(), Descr::None), b(!truth));
                    if let Some(s) = swapped(n) {
                        self.cse
                            .insert(key(s, vec![args[1], args[0]], Descr::None), b(!truth));
                    }
                }
            }
        }
    }
}

pub fn run(trace: &Trace) -> Trace {
    let mut out = empty_like(trace);
    let mut fw = Forward::new(trace);
    let mut f = Facts::default();

    // A `guard_not_invalidated` is needed again only after a call, which
    // may invalidate the trace.
    let mut validity_checked = false;
    for op in &trace.ops {
        if op.opcode == Opcode::Label {
            fw.label(&mut out, op);
            f = Facts::default();
            validity_checked = false;
            continue;
        }
        if op.opcode.class() == OpClass::Call {
            validity_checked = false;
        }
        if op.opcode == Opcode::GuardNotInvalidated {
            if validity_checked {
                continue;
            }
            validity_checked = true;
        }
        let mut op = op.clone();
        fw.rewrite(&mut op);

        // CSE of pure operations and elidable calls.
        let cse_able = matches!(op.opcode.class(), OpClass::Pure) || is_elidable_call(&op);
        if cse_able && is_removable(&op) {
            if let Some(r) = op.res {
                let known = match (op.opcode, op.args[0]) {
                    (Opcode::IntIsTrue, Arg::Var(x)) if f.nonzero.contains(&x) => Some(Arg::Int(1)),
                    (Opcode::IntIsZero, Arg::Var(x)) if f.nonzero.contains(&x) => Some(Arg::Int(0)),
                    _ => None,
                };
                let k = key(op.opcode, op.args.clone(), op.descr);
                if let Some(to) = known.or_else(|| f.cse.get(&k).map(|&a| fw.get(a))) {
                    fw.replace(r, to);
                    continue;
                }
                f.cse.insert(k, Arg::Var(r));
                f.defs.insert(r, (op.opcode, op.args.clone()));
            }
            out.ops.push(op);
            continue;
        }

        if !op.opcode.is_guard() {
            out.ops.push(op);
            continue;
        }

        // Guards.
        let a0 = op.args.first().copied();
        let a1 = op.args.get(1).copied();
        let keep = match (op.opcode, a0) {
            (Opcode::GuardTrue, Some(Arg::Int(c))) => c == 0,
            (Opcode::GuardFalse, Some(Arg::Int(c))) => c != 0,
            (Opcode::GuardTrue, Some(Arg::Var(v))) => {
                let known = f.nonzero.contains(&v);
                if !known {
                    let is_bool = f.defs.get(&v).is_some_and(|(o, _)| o.is_comparison());
                    f.learn_int(&mut fw, v, if is_bool { Some(1) } else { None });
                }
                !known
            }
            (Opcode::GuardFalse, Some(Arg::Var(v))) => {
                // A nonzero value would make this guard always fail: keep it,
                // and learn nothing.
                if !f.nonzero.contains(&v) {
                    f.learn_int(&mut fw, v, Some(0));
                }
                true
            }
            (Opcode::GuardValue, Some(x)) => {
                let y = a1.unwrap();
                if x == y {
                    false
                } else {
                    if let (Arg::Var(v), true) = (x, y.is_const()) {
                        match y {
                            Arg::Int(k)
                                if f.defs.get(&v).is_some_and(|(o, _)| o.is_comparison()) =>
                            {
                                f.learn_int(&mut fw, v, Some(k))
                            }
                            _ => fw.assume(v, y),
                        }
                    }
                    true
                }
            }
            (Opcode::GuardNonnull, Some(Arg::Ref(p))) => p == 0,
            (Opcode::GuardIsnull, Some(Arg::Ref(p))) => p != 0,
            (Opcode::GuardNonnull, Some(Arg::Var(v))) => {
                let at = out.ops.len();
                match f.nonnull.entry(v) {
                    std::collections::hash_map::Entry::Occupied(_) => false,
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(Some(at));
                        true
                    }
                }
            }
            (Opcode::GuardIsnull, Some(Arg::Var(v))) => {
                if !f.nonnull.contains_key(&v) {
                    fw.assume(v, Arg::Ref(0));
                }
                true
            }
            (Opcode::GuardClass | Opcode::GuardNonnullClass, Some(Arg::Var(v))) => {
                let c = a1.unwrap();
                match f.class.get(&v) {
                    Some(&k) if k == c => false,
                    Some(_) => true, // a different class: always fails
                    None => {
                        f.class.insert(v, c);
                        let strengthen = op.opcode == Opcode::GuardClass
                            && matches!(f.nonnull.get(&v), Some(Some(i))
                                if out.ops[*i].opcode == Opcode::GuardNonnull && out.ops[*i].args[0] == Arg::Var(v));
                        if strengthen {
                            let i = f.nonnull[&v].unwrap();
                            out.ops[i].opcode = Opcode::GuardNonnullClass;
                            out.ops[i].args = vec![Arg::Var(v), c];
                        }
                        f.nonnull.insert(v, None);
                        !strengthen
                    }
                }
            }
            _ => true,
        };
        if keep {
            out.ops.push(op);
        }
    }
    out
}
