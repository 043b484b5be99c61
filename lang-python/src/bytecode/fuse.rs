//! Superinstructions for the plain interpreter: at decode time, the first
//! of two frequent neighbours (`LoadFast LoadFast`, `Compare
//! PopJumpIfFalse`...) is replaced in `steps` by one instruction doing both,
//! so the loop dispatches once for the pair.
//!
//! Only the first step changes: the second stays where it is, so pcs, jump
//! targets, line numbers, the handler table and resume points all keep
//! their meaning, and control arriving at the second (a JIT guard resumes
//! at any pc) runs it alone as before. A pair is still fused only when
//! nothing but falling through from the first reaches the second: it is
//! not a jump target, a handler's entry, the return point of a call or of
//! a generator's next item, nor where a generator resumes. The dispatch
//! loop runs a superinstruction's first half alone whenever the fast case
//! of the pair does not apply, and the tracer always sees the original
//! instructions (`Instr::unfused`).

use super::{stack_effect, Handler, Instr, JumpKind, Step};

/// The superinstruction doing `first` then `second`, if there is one.
fn fused(first: Instr, second: Instr) -> Option<Instr> {
    use Instr::*;
    Some(match (first, second) {
        (LoadFast(i), LoadFast(j)) => LoadFastLoadFast(i, j),
        (LoadFast(i), Const(k)) => LoadFastConst(i, k),
        (LoadFast(i), LoadAttr(n)) => LoadFastLoadAttr(i, n),
        (LoadFast(i), LoadMethod(n)) => LoadFastLoadMethod(i, n),
        (LoadFast(i), LoadGlobal(n)) => LoadFastLoadGlobal(i, n),
        (LoadFast(i), Subscr) => LoadFastSubscr(i),
        (LoadFast(i), Binary(op)) => LoadFastBinary(i, op, false),
        (LoadFast(i), InPlace(op)) => LoadFastBinary(i, op, true),
        (LoadFast(i), StoreAttr(n)) => LoadFastStoreAttr(i, n),
        (StoreFast(i), LoadFast(j)) => StoreFastLoadFast(i, j),
        (StoreFast(i), Const(k)) => StoreFastConst(i, k),
        (StoreFast(i), StoreFast(j)) => StoreFastStoreFast(i, j),
        (ForIterEnd(t), StoreFast(i)) => ForIterEndStoreFast(t, i),
        (LoadAttr(n), LoadFast(i)) => LoadAttrLoadFast(n, i),
        (Subscr, StoreFast(i)) => SubscrStoreFast(i),
        (Const(k), Binary(op)) => ConstBinary(k, op, false),
        (Const(k), InPlace(op)) => ConstBinary(k, op, true),
        (Compare(op), jump) => {
            let (kind, t) = JumpKind::of(jump)?;
            CompareJump(op, kind, t)
        }
        (Is(positive), jump) => {
            let (kind, t) = JumpKind::of(jump)?;
            IsJump(positive, kind, t)
        }
        _ => return None,
    })
}

/// Which pcs of `instrs` control may reach other than by falling through
/// from the instruction before.
fn landing_pcs(instrs: &[Instr], handlers: &[Handler]) -> Vec<bool> {
    let mut landing = vec![false; instrs.len() + 1];
    for (pc, &i) in instrs.iter().enumerate() {
        if let (_, Some((target, _))) = stack_effect(i) {
            landing[target as usize] = true;
        }
        match i {
            // `after_call` continues after a completed call or a
            // generator's next item; a generator resumes after its
            // `yield`, or at its `yield from` while the subiterator runs.
            Instr::Call(_) | Instr::CallMethod(_) | Instr::ForIter | Instr::YieldValue => {
                landing[pc + 1] = true
            }
            // A subiterator that returns while a value is thrown into it
            // goes on after `YieldFromEnd`.
            Instr::YieldFrom => {
                landing[pc] = true;
                landing[pc + 2] = true;
            }
            _ => {}
        }
    }
    for h in handlers {
        landing[h.target as usize] = true;
    }
    landing
}

/// Replace in `steps` (decoded from `instrs`) the first of every fusable
/// pair by its superinstruction.
pub fn fuse_pairs(instrs: &[Instr], handlers: &[Handler], steps: &mut [Step]) {
    let landing = landing_pcs(instrs, handlers);
    for pc in 1..instrs.len() {
        if landing[pc] {
            continue;
        }
        if let Some(f) = fused(instrs[pc - 1], instrs[pc]) {
            steps[pc - 1].instr = f;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{BinOp, CmpOp};
    use Instr::*;

    /// The instructions `decode` would give for `instrs` (depths do not
    /// matter here).
    fn decoded(instrs: &[Instr], handlers: &[Handler]) -> Vec<Instr> {
        let mut steps: Vec<Step> = instrs.iter().map(|&instr| Step { instr, sp: 0 }).collect();
        fuse_pairs(instrs, handlers, &mut steps);
        for (step, &original) in steps.iter().zip(instrs) {
            assert_eq!(
                step.instr.unfused(),
                original,
                "a fused step runs its first half"
            );
        }
        steps.into_iter().map(|s| s.instr).collect()
    }

    #[test]
    fn neighbours_fuse_and_the_second_stays() {
        let code = [
            LoadFast(0),
            LoadFast(1),
            Compare(CmpOp::Lt),
            PopJumpIfFalse(7),
            LoadFast(2),
            Const(0),
            Binary(BinOp::Add),
            Return,
        ];
        assert_eq!(
            decoded(&code, &[]),
            [
                LoadFastLoadFast(0, 1),
                LoadFast(1),
                CompareJump(CmpOp::Lt, JumpKind::PopIfFalse, 7),
                PopJumpIfFalse(7),
                LoadFastConst(2, 0),
                ConstBinary(0, BinOp::Add, false),
                Binary(BinOp::Add),
                Return,
            ]
        );
    }

    #[test]
    fn attribute_item_store_and_constant_pairs_fuse() {
        // a, b = x.f, y[i]; b += 1
        let code = [
            LoadFast(0),
            LoadAttr(3),
            LoadFast(1),
            LoadFast(2),
            Subscr,
            StoreFast(4),
            StoreFast(5),
            LoadFast(4),
            Const(1),
            InPlace(BinOp::Add),
            StoreFast(4),
            Return,
        ];
        let steps = decoded(&code, &[]);
        assert_eq!(steps[1], LoadAttrLoadFast(3, 1));
        assert_eq!(steps[4], SubscrStoreFast(4));
        assert_eq!(steps[5], StoreFastStoreFast(4, 5));
        assert_eq!(steps[8], ConstBinary(1, BinOp::Add, true));
    }

    #[test]
    fn chains_fuse_each_step_with_the_next() {
        let code = [StoreFast(0), LoadFast(0), LoadFast(1), Subscr, Return];
        assert_eq!(
            decoded(&code, &[]),
            [
                StoreFastLoadFast(0, 0),
                LoadFastLoadFast(0, 1),
                LoadFastSubscr(1),
                Subscr,
                Return,
            ]
        );
    }

    #[test]
    fn no_pair_ends_at_a_jump_target() {
        // i = 0; while i < n: i = i + 1 — the loop head (pc 2) is the
        // target of the back edge, so the store before it stays alone.
        let code = [
            Const(0),
            StoreFast(0),
            LoadFast(0),
            LoadFast(1),
            Compare(CmpOp::Lt),
            PopJumpIfFalse(11),
            LoadFast(0),
            Const(1),
            Binary(BinOp::Add),
            StoreFast(0),
            Jump(2),
            Const(2),
            Return,
        ];
        let steps = decoded(&code, &[]);
        assert_eq!(steps[1], StoreFast(0));
        assert_eq!(steps[2], LoadFastLoadFast(0, 1));
        assert_eq!(steps[4], CompareJump(CmpOp::Lt, JumpKind::PopIfFalse, 11));
        assert_eq!(steps[6], LoadFastConst(0, 1));
        // Nothing reaches pc 11 by falling through (pc 10 is a jump).
        assert_eq!(steps[9], StoreFast(0));
    }

    #[test]
    fn no_pair_ends_at_a_handler_entry() {
        let code = [LoadFast(0), LoadFast(1), Return, Pop, Const(0), Return];
        let handler = Handler {
            start: 0,
            end: 2,
            target: 1,
        };
        assert_eq!(decoded(&code, &[handler])[0], LoadFast(0));
        assert_eq!(decoded(&code, &[])[0], LoadFastLoadFast(0, 1));
    }

    #[test]
    fn a_for_loop_stores_its_item_in_the_same_step_as_the_end_test() {
        // The end test is where a generator's next item returns to: a
        // landing pc, but the first of its pair, which may fuse.
        let code = [ForIter, ForIterEnd(5), StoreFast(0), Jump(0), Nop, Return];
        let steps = decoded(&code, &[]);
        assert_eq!(steps[0], ForIter);
        assert_eq!(steps[1], ForIterEndStoreFast(5, 0));
    }

    #[test]
    fn jumps_fuse_with_the_tests_before_them() {
        let code = [
            Is(false),
            PopJumpIfTrue(6),
            Compare(CmpOp::Eq),
            JumpIfFalseOrPop(6),
            LoadFast(0),
            InPlace(BinOp::Mul),
            Return,
        ];
        let steps = decoded(&code, &[]);
        assert_eq!(steps[0], IsJump(false, JumpKind::PopIfTrue, 6));
        assert_eq!(steps[2], CompareJump(CmpOp::Eq, JumpKind::IfFalseOrPop, 6));
        assert_eq!(steps[4], LoadFastBinary(0, BinOp::Mul, true));
    }
}
