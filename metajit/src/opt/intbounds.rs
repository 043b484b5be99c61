//! Integer bounds (RPython's `intbounds.py`): what range each int can take,
//! and what that proves, in one forward walk.
//!
//! Every int variable has a range `[lo, hi]`. It comes from the operation
//! that made the value (constants; `int_and` with a non-negative operand,
//! `int_or`/`int_xor` of non-negative ones; shifts by a known count;
//! `int_mod`/`int_floordiv` by a constant;
//! comparisons and `int_is_*` are 0..1; `arraylen` is non-negative, a byte
//! array's item 0..255; `int_add`/`int_sub`/`int_mul`/`int_neg`/shifts of
//! bounded operands when the exact result cannot wrap) and from the guards
//! that tested it: after `guard_true(int_lt(i, n))`, `i` is below `n`'s
//! highest value and `n` above `i`'s lowest (likewise the other signed
//! and unsigned comparisons, either outcome), `guard_value` makes a
//! constant, `guard_false(x)` makes 0, and the `guard_no_overflow` after a
//! kept `_ovf` operation bounds its result by the exact result.
//! Besides ranges, the walk remembers what guards proved about two
//! variables (`x - y <= d`, with `x`, `y` reduced to a base variable plus a
//! constant when they were computed by a non-wrapping `+ constant`), so
//! that `int_le(i, n)` or `int_lt(i, n + 1)` after `guard_true(int_lt(i,
//! n))` are known without knowing `n`.
//!
//! With them it
//! - turns an `int_add_ovf`/`int_sub_ovf`/`int_mul_ovf` whose exact result
//!   fits into the plain operation, dropping its `guard_no_overflow` (one
//!   followed by `guard_overflow` stays: that guard always fails);
//! - replaces a pure int operation whose range is one value (a comparison
//!   the ranges or relations decide, most usefully) by that constant;
//! - drops `guard_true`/`guard_false`/`guard_value` on ints whose outcome
//!   is then known to hold. A guard that may fail, or always fails, stays,
//!   and an always-failing guard teaches nothing (no empty ranges).
//!
//! Every range computation is done in `i128` and widened to "any i64" when
//! the exact result leaves the i64 range, since the IR's plain operations
//! wrap; operations on constants are evaluated with `ir::eval` itself.
//!
//! Loops: the pass runs before `unroll` (after `guards`, whose CSE and
//! constants give it equal operands to compare), on one iteration. Peeling
//! then copies the already optimized iteration, so what the iteration
//! proved away stays away in the peeled loop: each removal is justified
//! again by the copy's own guards, on the values the copy recomputes, or
//! by guards on loop-invariant values, which unroll drops from the copy
//! because the preamble (or, on entry from a bridge, the short preamble)
//! checks them. Loop-carried values are known only through what the copy
//! itself checks. When the walk meets a `label` (run on a trace that is
//! already peeled), the label's arguments get new values on every jump
//! back: they are known nothing about. Other values defined before it keep
//! only the range their defining operations give them (an `arraylen` stays
//! non-negative), not what the preamble's guards taught: a bridge entering
//! at the label repeats only some of those guards. Relations are forgotten
//! there too.

use super::{empty_like, fold::flag_reader, Forward};
use crate::ir::{eval, Arg, Descr, Op, OpClass, Opcode, Trace, Type, Var};
use std::collections::HashMap;

/// The values an int may have: `lo..=hi`, never empty.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
struct Range {
    lo: i64,
    hi: i64,
}

const ANY: Range = Range {
    lo: i64::MIN,
    hi: i64::MAX,
};
const BOOL: Range = Range { lo: 0, hi: 1 };

impl Range {
    fn constant(k: i64) -> Range {
        Range { lo: k, hi: k }
    }

    /// The range of a result whose exact values are `lo..=hi`, computed by
    /// a wrapping operation: exact if it fits, anything otherwise.
    fn wrapping(lo: i128, hi: i128) -> Range {
        Self::exact(lo, hi).unwrap_or(ANY)
    }

    /// `lo..=hi` when it fits in an i64.
    fn exact(lo: i128, hi: i128) -> Option<Range> {
        let fits = |x: i128| i64::try_from(x).is_ok();
        (fits(lo) && fits(hi)).then_some(Range {
            lo: lo as i64,
            hi: hi as i64,
        })
    }

    /// `lo..=hi` clipped to i64 (`None` when nothing of it is an i64).
    fn clipped(lo: i128, hi: i128) -> Option<Range> {
        let lo = lo.max(i64::MIN as i128);
        let hi = hi.min(i64::MAX as i128);
        (lo <= hi).then_some(Range {
            lo: lo as i64,
            hi: hi as i64,
        })
    }

    /// The smallest range holding all of `xs`.
    fn hull(xs: [i128; 4]) -> Range {
        let lo = xs.iter().copied().min().unwrap_or(0);
        let hi = xs.iter().copied().max().unwrap_or(0);
        Self::wrapping(lo, hi)
    }

    fn value(self) -> Option<i64> {
        (self.lo == self.hi).then_some(self.lo)
    }

    fn contains(self, k: i64) -> bool {
        self.lo <= k && k <= self.hi
    }

    fn intersect(self, o: Range) -> Option<Range> {
        Self::clipped(self.lo.max(o.lo) as i128, self.hi.min(o.hi) as i128)
    }

    fn nonnegative(self) -> bool {
        self.lo >= 0
    }

    /// The same values read as unsigned words, when they are one interval
    /// there (all of one sign).
    fn unsigned(self) -> Option<(u64, u64)> {
        (self.lo >= 0 || self.hi < 0).then_some((self.lo as u64, self.hi as u64))
    }
}

/// `0..=2^k - 1` for the smallest `k` that holds `0..=hi` (`hi >= 0`): what
/// `|` and `^` of values up to `hi` stay within.
fn bit_mask(hi: i64) -> i64 {
    (u64::MAX.checked_shr(hi.leading_zeros()).unwrap_or(0)) as i64
}

/// The exact (unwrapped) values of `x op y` for `+`, `-`, `*`.
fn exact_arith(op: Opcode, x: Range, y: Range) -> (i128, i128) {
    let (a, b, c, d) = (x.lo as i128, x.hi as i128, y.lo as i128, y.hi as i128);
    match op {
        Opcode::IntAdd | Opcode::IntAddOvf => (a + c, b + d),
        Opcode::IntSub | Opcode::IntSubOvf => (a - d, b - c),
        _ => {
            let ps = [a * c, a * d, b * c, b * d];
            (
                ps.iter().copied().min().unwrap_or(0),
                ps.iter().copied().max().unwrap_or(0),
            )
        }
    }
}

/// The plain operation an overflow-checked one becomes.
fn plain(op: Opcode) -> Opcode {
    match op {
        Opcode::IntAddOvf => Opcode::IntAdd,
        Opcode::IntSubOvf => Opcode::IntSub,
        _ => Opcode::IntMul,
    }
}

/// A shift count's range as the `0..=63` the operation uses, when it is
/// one interval there (a constant is taken modulo 64, as `eval` does).
fn shift_count(y: Range) -> Option<(u32, u32)> {
    match y.value() {
        Some(k) => Some(((k & 63) as u32, (k & 63) as u32)),
        None if y.lo >= 0 && y.hi <= 63 => Some((y.lo as u32, y.hi as u32)),
        None => None,
    }
}

/// Does comparison `op` of values in `x` and `y` have one outcome?
fn decide(op: Opcode, x: Range, y: Range) -> Option<bool> {
    use Opcode::*;
    match op {
        IntLt if x.hi < y.lo => Some(true),
        IntLt if x.lo >= y.hi => Some(false),
        IntLe if x.hi <= y.lo => Some(true),
        IntLe if x.lo > y.hi => Some(false),
        IntGt => decide(IntLt, y, x),
        IntGe => decide(IntLe, y, x),
        IntEq if x.value().is_some() && x.value() == y.value() => Some(true),
        IntEq if x.hi < y.lo || y.hi < x.lo => Some(false),
        IntNe => decide(IntEq, x, y).map(|t| !t),
        UintLt | UintGe => {
            let ((a, b), (c, d)) = (x.unsigned()?, y.unsigned()?);
            let lt = if b < c {
                true
            } else if a >= d {
                false
            } else {
                return None;
            };
            Some(lt == (op == UintLt))
        }
        IntIsTrue if !x.contains(0) => Some(true),
        IntIsTrue if x.value() == Some(0) => Some(false),
        IntIsZero => decide(IntIsTrue, x, y).map(|t| !t),
        _ => None,
    }
}

/// The range of a pure (or load) operation's int result, from its
/// operands' ranges.
fn op_range(op: &Op, r: impl Fn(Arg) -> Range) -> Range {
    use Opcode::*;
    let a = &op.args;
    if op.opcode.class() == OpClass::Pure && !a.is_empty() && a.iter().all(|x| x.is_const()) {
        let words: Vec<u64> = a.iter().filter_map(|x| x.const_word()).collect();
        return Range::constant(eval::pure(op.opcode, &words) as i64);
    }
    let x = a.first().map_or(ANY, |&v| r(v));
    let y = a.get(1).map_or(ANY, |&v| r(v));
    match op.opcode {
        SameAs => x,
        IntAdd | IntSub | IntMul => {
            let (lo, hi) = exact_arith(op.opcode, x, y);
            Range::wrapping(lo, hi)
        }
        IntNeg => Range::wrapping(-(x.hi as i128), -(x.lo as i128)),
        IntInvert => Range {
            lo: !x.hi,
            hi: !x.lo,
        },
        IntAnd => match (x.nonnegative(), y.nonnegative()) {
            (true, true) => Range {
                lo: 0,
                hi: x.hi.min(y.hi),
            },
            (true, false) => Range { lo: 0, hi: x.hi },
            (false, true) => Range { lo: 0, hi: y.hi },
            // Two negatives: the sign stays, and bits are only cleared.
            _ if x.hi < 0 && y.hi < 0 => Range {
                lo: i64::MIN,
                hi: x.hi.min(y.hi),
            },
            _ => ANY,
        },
        IntOr if x.nonnegative() && y.nonnegative() => Range {
            lo: x.lo.max(y.lo),
            hi: bit_mask(x.hi.max(y.hi)),
        },
        // A negative operand keeps the sign; bits are only set.
        IntOr if x.hi < 0 || y.hi < 0 => Range {
            lo: if x.hi < 0 && y.hi < 0 {
                x.lo.max(y.lo)
            } else if x.hi < 0 {
                x.lo
            } else {
                y.lo
            },
            hi: -1,
        },
        IntXor if x.nonnegative() && y.nonnegative() => Range {
            lo: 0,
            hi: bit_mask(x.hi.max(y.hi)),
        },
        IntLshift => match shift_count(y) {
            Some((k0, k1)) => {
                let (lo, hi) = (x.lo as i128, x.hi as i128);
                Range::hull([lo << k0, lo << k1, hi << k0, hi << k1])
            }
            None => ANY,
        },
        IntRshift => match shift_count(y) {
            Some((k0, k1)) => Range {
                lo: (x.lo >> k0).min(x.lo >> k1),
                hi: (x.hi >> k0).max(x.hi >> k1),
            },
            None => ANY,
        },
        UintRshift => match (shift_count(y), x.unsigned()) {
            (Some((k0, k1)), Some((lo, hi))) => {
                Range::wrapping((lo >> k1) as i128, (hi >> k0) as i128)
            }
            (Some((k0, _)), None) if k0 > 0 => Range {
                lo: 0,
                hi: (u64::MAX >> k0) as i64,
            },
            _ => ANY,
        },
        IntFloorDiv => match y.value() {
            // Truncating division by `c` is monotone in the dividend;
            // `i64::MIN / -1` is 0 (`eval`), outside that order.
            Some(0) => Range::constant(0),
            Some(-1) if x.lo == i64::MIN => ANY,
            Some(c) if c > 0 => Range {
                lo: x.lo / c,
                hi: x.hi / c,
            },
            Some(c) => Range::wrapping(x.hi as i128 / c as i128, x.lo as i128 / c as i128),
            None => ANY,
        },
        IntMod => match y.value() {
            // The remainder has the dividend's sign and is smaller than
            // the divisor in magnitude; by 0 it is 0 (`eval`).
            Some(0) => Range::constant(0),
            Some(c) => {
                let m = (c as i128).abs() - 1;
                let m = m.min(i64::MAX as i128) as i64;
                if x.nonnegative() {
                    Range {
                        lo: 0,
                        hi: x.hi.min(m),
                    }
                } else if x.hi <= 0 {
                    Range {
                        lo: x.lo.max(-m),
                        hi: 0,
                    }
                } else {
                    Range { lo: -m, hi: m }
                }
            }
            None => ANY,
        },
        o if o.is_comparison() => match decide(o, x, y) {
            Some(t) => Range::constant(t as i64),
            None => BOOL,
        },
        Arraylen => Range {
            lo: 0,
            hi: i64::MAX,
        },
        GetarrayitemI => match op.descr {
            Descr::Array(d) if d.item_size == 1 => Range { lo: 0, hi: 255 },
            _ => ANY,
        },
        _ => ANY,
    }
}

/// An int as a base variable plus a constant: `v == base + offset` exactly.
type Affine = (Var, i128);

/// What the walk knows.
struct Bounds {
    /// Each variable's range, from its operation and from guards.
    range: Vec<Range>,
    /// Each variable's range from its operation alone (what survives a
    /// `label`).
    shape: Vec<Range>,
    /// Kept comparisons: opcode and operands, to learn from a guard on
    /// their result.
    comparisons: HashMap<Var, (Opcode, Arg, Arg)>,
    /// Variables computed as another plus a constant, without wrapping.
    affine: HashMap<Var, Affine>,
    /// `x - y <= d` for base variables `x`, `y`, as guards proved.
    differences: HashMap<(Var, Var), i128>,
    /// A kept `_ovf` result, its exact range, and the index of the
    /// `guard_no_overflow` after which it holds.
    pending_ovf: Option<(usize, Var, Range, Option<Affine>)>,
}

impl Bounds {
    fn new(t: &Trace) -> Bounds {
        Bounds {
            range: vec![ANY; t.types.len()],
            shape: vec![ANY; t.types.len()],
            comparisons: HashMap::new(),
            affine: HashMap::new(),
            differences: HashMap::new(),
            pending_ovf: None,
        }
    }

    fn get(&self, a: Arg) -> Range {
        match a {
            Arg::Int(k) => Range::constant(k),
            Arg::Var(v) => self.range[v.index()],
            _ => ANY,
        }
    }

    fn shape_of(&self, a: Arg) -> Range {
        match a {
            Arg::Int(k) => Range::constant(k),
            Arg::Var(v) => self.shape[v.index()],
            _ => ANY,
        }
    }

    fn affine(&self, v: Var) -> Affine {
        self.affine.get(&v).copied().unwrap_or((v, 0))
    }

    /// `z = x + k` (or `k + x`, or `x - k`) when it does not wrap.
    fn affine_of(&self, op: Opcode, x: Arg, y: Arg) -> Option<Affine> {
        let (v, k) = match (op, x, y) {
            (Opcode::IntAdd | Opcode::IntAddOvf, Arg::Var(v), Arg::Int(k))
            | (Opcode::IntAdd | Opcode::IntAddOvf, Arg::Int(k), Arg::Var(v)) => (v, k as i128),
            (Opcode::IntSub | Opcode::IntSubOvf, Arg::Var(v), Arg::Int(k)) => (v, -(k as i128)),
            _ => return None,
        };
        let (base, offset) = self.affine(v);
        Some((base, offset + k))
    }

    /// The bounds of `x - y` that relations give, if any.
    fn difference(&self, x: Arg, y: Arg) -> (Option<i128>, Option<i128>) {
        let (Arg::Var(x), Arg::Var(y)) = (x, y) else {
            return (None, None);
        };
        let ((bx, ox), (by, oy)) = (self.affine(x), self.affine(y));
        if bx == by {
            return (Some(ox - oy), Some(ox - oy));
        }
        let upper = self.differences.get(&(bx, by)).map(|d| d + ox - oy);
        let lower = self.differences.get(&(by, bx)).map(|d| -(d + oy - ox));
        (lower, upper)
    }

    /// Record `x - y <= d`.
    fn relate(&mut self, x: Arg, y: Arg, d: i128) {
        let (Arg::Var(x), Arg::Var(y)) = (x, y) else {
            return;
        };
        let ((bx, ox), (by, oy)) = (self.affine(x), self.affine(y));
        if bx == by {
            return;
        }
        let d = d - ox + oy;
        let e = self.differences.entry((bx, by)).or_insert(d);
        *e = (*e).min(d);
    }

    /// A comparison's outcome from the relations between its operands.
    fn decide_related(&self, op: Opcode, x: Arg, y: Arg) -> Option<bool> {
        use Opcode::*;
        let (lower, upper) = self.difference(x, y);
        let below = |d: i128| upper.is_some_and(|u| u < d); // x - y < d surely
        let at_least = |d: i128| lower.is_some_and(|l| l >= d); // x - y >= d surely
        let lt = |strict: bool| {
            let d = if strict { 0 } else { 1 };
            if below(d) {
                Some(true)
            } else if at_least(d) {
                Some(false)
            } else {
                None
            }
        };
        match op {
            IntLt => lt(true),
            IntLe => lt(false),
            IntGt => lt(false).map(|t| !t),
            IntGe => lt(true).map(|t| !t),
            IntEq | IntNe => {
                let eq = if below(0) || at_least(1) {
                    false
                } else if lower == Some(0) && upper == Some(0) {
                    true
                } else {
                    return None;
                };
                Some(eq == (op == IntEq))
            }
            UintLt | UintGe if self.get(x).nonnegative() && self.get(y).nonnegative() => {
                lt(true).map(|t| t == (op == UintLt))
            }
            _ => None,
        }
    }

    /// Narrow `a`'s range to `to` (a guard that may fail proved it); a
    /// range left empty means the guard always fails: nothing is learned.
    fn narrow(&mut self, fw: &mut Forward, a: Arg, to: Range) {
        let Arg::Var(v) = a else { return };
        if let Some(r) = self.range[v.index()].intersect(to) {
            self.range[v.index()] = r;
            if let Some(k) = r.value() {
                fw.assume(v, Arg::Int(k));
            }
        }
    }

    /// A guard proved that `v`'s value is `truth` (nonzero) or 0.
    fn learn_truth(&mut self, fw: &mut Forward, v: Var, truth: bool) {
        let r = self.range[v.index()];
        let known = if truth {
            if r.lo == 0 {
                r.intersect(Range {
                    lo: 1,
                    hi: i64::MAX,
                })
            } else if r.hi == 0 {
                r.intersect(Range {
                    lo: i64::MIN,
                    hi: -1,
                })
            } else {
                Some(r)
            }
        } else {
            r.intersect(Range::constant(0))
        };
        let Some(known) = known else { return };
        self.narrow(fw, Arg::Var(v), known);
        if let Some(&(op, x, y)) = self.comparisons.get(&v) {
            self.learn_comparison(fw, op, x, y, truth);
        }
    }

    /// A guard proved that `op(x, y)` is `truth`.
    fn learn_comparison(&mut self, fw: &mut Forward, op: Opcode, x: Arg, y: Arg, truth: bool) {
        use Opcode::*;
        // As one of `x < y`, `x <= y`, `x == y`, `x != y` (or unsigned).
        let (op, x, y) = match (op, truth) {
            (IntLt | IntLe | IntEq | IntNe | UintLt | UintGe, true) => (op, x, y),
            (IntGt, true) => (IntLt, y, x),
            (IntGe, true) => (IntLe, y, x),
            (IntLt, false) => (IntLe, y, x),
            (IntLe, false) => (IntLt, y, x),
            (IntGt, false) => (IntLe, x, y),
            (IntGe, false) => (IntLt, x, y),
            (IntEq, false) => (IntNe, x, y),
            (IntNe, false) => (IntEq, x, y),
            (UintLt, false) => (UintGe, x, y),
            (UintGe, false) => (UintLt, x, y),
            (IntIsTrue, t) | (IntIsZero, t) => {
                if let Arg::Var(v) = x {
                    self.learn_truth(fw, v, t == (op == IntIsTrue));
                }
                return;
            }
            _ => return,
        };
        let (rx, ry) = (self.get(x), self.get(y));
        let at_most = |hi: i128| Range::clipped(i64::MIN as i128, hi);
        let at_least = |lo: i128| Range::clipped(lo, i64::MAX as i128);
        let mut narrow = |s: &mut Bounds, a: Arg, to: Option<Range>| {
            if let Some(to) = to {
                s.narrow(fw, a, to);
            }
        };
        match op {
            IntLt | IntLe => {
                let gap = (op == IntLt) as i128;
                narrow(self, x, at_most(ry.hi as i128 - gap));
                narrow(self, y, at_least(rx.lo as i128 + gap));
                self.relate(x, y, -gap);
            }
            IntEq => {
                narrow(self, x, Some(ry));
                narrow(self, y, Some(rx));
                self.relate(x, y, 0);
                self.relate(y, x, 0);
            }
            IntNe => {
                for (a, ra, rb) in [(x, rx, ry), (y, ry, rx)] {
                    match rb.value() {
                        Some(k) if ra.lo == k => narrow(self, a, at_least(k as i128 + 1)),
                        Some(k) if ra.hi == k => narrow(self, a, at_most(k as i128 - 1)),
                        _ => {}
                    }
                }
            }
            // x <u y with y a non-negative int: x is too, and below y.
            UintLt if ry.nonnegative() => {
                narrow(self, x, Range::clipped(0, ry.hi as i128 - 1));
                let rx = self.get(x);
                narrow(self, y, at_least(rx.lo as i128 + 1));
                self.relate(x, y, -1);
            }
            // y <=u x with x non-negative: y is too, and at most x.
            UintGe if rx.nonnegative() => {
                narrow(self, y, Range::clipped(0, rx.hi as i128));
                let ry = self.get(y);
                narrow(self, x, at_least(ry.lo as i128));
                self.relate(y, x, 0);
            }
            _ => {}
        }
    }

    /// Values defined before a `label` keep what their operations give
    /// them; the label's arguments, reassigned by every jump back, and
    /// everything guards taught are forgotten.
    fn at_label(&mut self, label: &Op) {
        self.range.clone_from(&self.shape);
        let reassigned: Vec<Var> = label.args.iter().filter_map(|a| a.as_var()).collect();
        for v in &reassigned {
            self.range[v.index()] = ANY;
            self.shape[v.index()] = ANY;
        }
        // A comparison computed before the label of a value the label
        // reassigns no longer compares that value.
        let stale = |a: &Arg| a.as_var().is_some_and(|v| reassigned.contains(&v));
        self.comparisons
            .retain(|r, (_, x, y)| !reassigned.contains(r) && !stale(x) && !stale(y));
        self.affine.clear();
        self.differences.clear();
        self.pending_ovf = None;
    }
}

pub fn run(trace: &Trace) -> Trace {
    let mut out = empty_like(trace);
    let mut fw = Forward::new(trace);
    let mut b = Bounds::new(trace);
    // The `guard_no_overflow` of an `_ovf` operation made plain.
    let mut drop_guard: Option<usize> = None;

    for (i, op) in trace.ops.iter().enumerate() {
        if drop_guard == Some(i) {
            drop_guard = None;
            continue;
        }
        if op.opcode == Opcode::Label {
            fw.label(&mut out, op);
            b.at_label(op);
            continue;
        }
        let mut op = op.clone();
        fw.rewrite(&mut op);
        match op.opcode.class() {
            OpClass::Guard => {
                if guard_holds(&mut b, &mut fw, &op, i) {
                    continue;
                }
            }
            OpClass::Ovf => {
                let (Some(r), &[x, y]) = (op.res, &op.args[..]) else {
                    out.ops.push(op);
                    continue;
                };
                let (lo, hi) = exact_arith(op.opcode, b.get(x), b.get(y));
                let (slo, shi) = exact_arith(op.opcode, b.shape_of(x), b.shape_of(y));
                let reader = flag_reader(trace, i);
                let checked_by_guard_overflow =
                    reader.is_some_and(|g| trace.ops[g].opcode == Opcode::GuardOverflow);
                let affine = b.affine_of(op.opcode, x, y);
                match Range::exact(lo, hi) {
                    Some(exact) if !checked_by_guard_overflow => {
                        drop_guard = reader;
                        if let Some(k) = exact.value() {
                            fw.replace(r, Arg::Int(k));
                            continue;
                        }
                        op.opcode = plain(op.opcode);
                        b.range[r.index()] = exact;
                        if let Some(a) = affine {
                            b.affine.insert(r, a);
                        }
                    }
                    _ => {
                        if let (Some(g), Some(exact)) = (reader, Range::clipped(lo, hi)) {
                            b.pending_ovf = Some((g, r, exact, affine));
                        }
                    }
                }
                b.shape[r.index()] = Range::wrapping(slo, shi);
            }
            _ => {
                if let Some(r) = op.res.filter(|&r| trace.types[r.index()] == Type::Int) {
                    let mut range = op_range(&op, |a| b.get(a));
                    if let (true, [x, y]) = (op.opcode.is_comparison(), &op.args[..]) {
                        if let Some(t) = b.decide_related(op.opcode, *x, *y) {
                            range = Range::constant(t as i64);
                        }
                    }
                    if let (Some(k), OpClass::Pure) = (range.value(), op.opcode.class()) {
                        fw.replace(r, Arg::Int(k));
                        continue;
                    }
                    b.range[r.index()] = range;
                    b.shape[r.index()] = op_range(&op, |a| b.shape_of(a));
                    match op.args[..] {
                        [x, y] if op.opcode.is_comparison() => {
                            b.comparisons.insert(r, (op.opcode, x, y));
                        }
                        [x] if matches!(op.opcode, Opcode::IntIsTrue | Opcode::IntIsZero) => {
                            b.comparisons.insert(r, (op.opcode, x, x));
                        }
                        [x, y] if matches!(op.opcode, Opcode::IntAdd | Opcode::IntSub) => {
                            if let Some(a) = b.affine_of(op.opcode, x, y) {
                                let (lo, hi) = exact_arith(op.opcode, b.get(x), b.get(y));
                                if Range::exact(lo, hi).is_some() {
                                    b.affine.insert(r, a);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        out.ops.push(op);
    }
    out
}

/// Learn what guard `op` (at `index` in the input) proves, or tell that it
/// is known to hold, so that it can be dropped.
fn guard_holds(b: &mut Bounds, fw: &mut Forward, op: &Op, index: usize) -> bool {
    let first = op.args.first().copied();
    match (op.opcode, first) {
        (Opcode::GuardTrue | Opcode::GuardFalse, Some(x)) => {
            let truth = op.opcode == Opcode::GuardTrue;
            let r = b.get(x);
            match decide(Opcode::IntIsTrue, r, r) {
                Some(t) => t == truth,
                None => {
                    if let Arg::Var(v) = x {
                        b.learn_truth(fw, v, truth);
                    }
                    false
                }
            }
        }
        (Opcode::GuardValue, Some(x)) => {
            let Some(&Arg::Int(k)) = op.args.get(1) else {
                return false;
            };
            let r = b.get(x);
            if r.value() == Some(k) {
                return true;
            }
            if let (Arg::Var(v), true) = (x, r.contains(k)) {
                match b.comparisons.get(&v) {
                    Some(_) if k == 0 || k == 1 => b.learn_truth(fw, v, k == 1),
                    _ => b.narrow(fw, x, Range::constant(k)),
                }
            }
            false
        }
        (Opcode::GuardNoOverflow, _) => {
            if let Some((g, v, exact, affine)) = b.pending_ovf {
                if g == index {
                    b.pending_ovf = None;
                    b.narrow(fw, Arg::Var(v), exact);
                    if let Some(a) = affine {
                        b.affine.insert(v, a);
                    }
                }
            }
            false
        }
        _ => false,
    }
}
