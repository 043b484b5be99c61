//! Register allocation for one trace: liveness, then linear scan.
//!
//! A trace is straight-line code with at most one back edge (its final
//! `jump` to its last `label`, or to its start), so liveness is a single
//! forward walk: a value lives from the operation that defines it to its
//! last use. The loop is the only wrinkle. A value defined before the loop
//! header and used inside the loop is needed again on the next iteration,
//! so its interval is stretched to the `jump`. The label's own arguments
//! (the loop-carried values the `jump` writes) are not: each is needed from
//! the header to its last use in the body, and its location is free after
//! that until the jump writes the next iteration's value into it. Then
//! Poletto and Sarkar's linear scan gives every interval one location for
//! its whole life, a register or a stack slot: when registers run out, the
//! interval that ends last is the one spilled. One location per value keeps
//! the emitter trivial (no moves inside the trace, guard stubs know where
//! everything is).
//!
//! The back edge. A value the jump passes in place of a loop-carried value
//! is *hinted* to that value's location: the scan gives it that register
//! (or slot) when it is free by then, which it is in the common shape
//! `i2 = int_add(i1, 1) ... jump(i2)` (the old value's last use is where
//! the new one is defined), and keeps the registers hinted so free for as
//! long as it can. The jump then has nothing to move; what still must move
//! (a swap, a value passed twice, a constant) is one parallel move
//! (`moves.rs`). Loop-carried values are allocated first (they start before
//! the header), so they are the ones that stay in registers.
//!
//! Calls: no register survives a SysV call except the callee-saved ones, so
//! an interval that spans a call (a residual call, or `new`/`new_array`,
//! which call the allocator) is only given a callee-saved register (`rbx`,
//! `r12`–`r14`) or a stack slot; the emitter then never saves anything
//! around a call. Floats have no callee-saved registers in SysV, so a float
//! living across a call is kept in memory.
//!
//! Registers left out of allocation, free for the emitter as scratch:
//! `rax`, `rcx` (shift counts), `rdx` (division), `r11`, `xmm14`, `xmm15`;
//! `rbp` is the frame pointer and `r15` holds the exit buffer (see `mod.rs`).
//!
//! One more trick, decided here because it changes liveness: an integer
//! comparison whose only use is the guard right after it is *fused* with the
//! guard (the emitter turns them into `cmp` + `jcc`), and its result gets no
//! location at all; so is an `int_and` (`test` + `jcc`: the tag test
//! `guard_false(int_and(x, 1))` of a tagged integer).

use crate::ir::{Arg, Descr, OpClass, Opcode, Trace, Type, Var};

pub const RAX: u8 = 0;
pub const RCX: u8 = 1;
pub const RDX: u8 = 2;
pub const RBX: u8 = 3;
pub const RSI: u8 = 6;
pub const RDI: u8 = 7;
pub const R8: u8 = 8;
pub const R9: u8 = 9;
pub const R10: u8 = 10;
pub const R11: u8 = 11;
pub const R12: u8 = 12;
pub const R13: u8 = 13;
pub const R14: u8 = 14;

/// Allocatable registers that survive calls, in order of preference.
const CALLEE_SAVED: [u8; 4] = [RBX, R12, R13, R14];
/// Allocatable registers that calls clobber; argument registers last, so
/// that argument set-up has fewer values to shuffle.
const CALLER_SAVED: [u8; 5] = [R10, R9, R8, RSI, RDI];
/// `xmm0`..`xmm13` are allocatable; 14 and 15 are scratch.
const NUM_XMM: u8 = 14;
pub const XTMP0: u8 = 14;
pub const XTMP1: u8 = 15;

/// Where a value lives for its whole life.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Loc {
    /// Never materialized (a comparison fused with its guard).
    None,
    Gpr(u8),
    Xmm(u8),
    /// A stack slot, addressed `[rbp + slot_disp(n)]`.
    Stack(u32),
}

/// The bytes between `rbp` and the first slot: the five callee-saved
/// registers the entry trampoline pushes (`rbx`, `r12`–`r15`).
pub const SAVED_AREA: i32 = 40;

/// The `rbp`-relative displacement of stack slot `n`.
pub fn slot_disp(n: u32) -> i32 {
    -(SAVED_AREA + 8 + 8 * n as i32)
}

/// The stack slot at displacement `d` (`slot_disp` backwards).
pub fn slot_of_disp(d: i32) -> u32 {
    ((-d - SAVED_AREA - 8) / 8) as u32
}

/// The result of allocation for one trace.
pub struct Alloc {
    pub locs: Vec<Loc>,
    /// How far below `rbp` the trace's `rsp` sits: saved area plus slots,
    /// rounded up to keep `rsp` 16-byte aligned at calls.
    pub frame: i32,
    /// Per operation: a comparison whose flags feed the guard after it.
    pub fused: Vec<bool>,
    /// The operation index of the loop header (the last `label`), if the
    /// trace loops to a label; `None` when it loops to its start or does not
    /// loop.
    pub head: Option<usize>,
    /// The variables a `jump` to this trace's own header writes.
    pub loop_args: Vec<Var>,
    /// Per entry of `loop_args`: nothing reads it after the header, so the
    /// jump need not write it.
    pub dead_at_jump: Vec<bool>,
    /// A register free over the whole loop, to hold the interrupt flag's
    /// address for the loop's `guard_not_interrupted`s (loaded on the ways
    /// into the header), if the loop has any and a register is free.
    pub flag_reg: Option<u8>,
}

/// Does this operation call out (and so clobber caller-saved registers)?
pub fn is_call(op: Opcode) -> bool {
    matches!(op.class(), OpClass::Call | OpClass::Alloc)
}

struct Interval {
    var: Var,
    start: u32,
    end: u32,
    float: bool,
    crosses_call: bool,
}

/// Compute liveness and allocate every variable of `trace`.
/// Positions: trace inputs are defined at 0, operation `i` sits at `i + 1`.
pub fn allocate(trace: &Trace) -> Result<Alloc, String> {
    let nvars = trace.types.len();
    const UNDEF: u32 = u32::MAX;
    let mut def = vec![UNDEF; nvars];
    let mut end = vec![0u32; nvars];
    let mut uses = vec![0u32; nvars];
    let check_var = |v: Var| -> Result<(), String> {
        if v.index() >= nvars {
            Err(format!("variable {} out of range", v.0))
        } else {
            Ok(())
        }
    };
    for &v in &trace.inputs {
        check_var(v)?;
        if def[v.index()] != UNDEF {
            return Err(format!("input {} listed twice", v.0));
        }
        def[v.index()] = 0;
    }
    for (i, op) in trace.ops.iter().enumerate() {
        let p = i as u32 + 1;
        let fail_args = op.guard.iter().flat_map(|g| g.fail_args.iter());
        for a in op.args.iter().chain(fail_args) {
            if let Arg::Var(v) = *a {
                check_var(v)?;
                if def[v.index()] == UNDEF {
                    return Err(format!(
                        "variable {} used before it is defined (op {i})",
                        v.0
                    ));
                }
                end[v.index()] = end[v.index()].max(p);
                uses[v.index()] += 1;
            }
        }
        if let Some(r) = op.res {
            check_var(r)?;
            if def[r.index()] != UNDEF {
                return Err(format!("variable {} defined twice", r.0));
            }
            def[r.index()] = p;
            end[r.index()] = p;
        }
    }

    // The loop: stretch what the back edge needs up to the jump.
    let last = trace.ops.len() as u32;
    let loops = matches!(trace.ops.last(), Some(op) if op.opcode == Opcode::Jump && matches!(op.descr, Descr::None));
    let mut head = None;
    let mut loop_args = Vec::new();
    let mut dead_at_jump = Vec::new();
    // Per variable: the loop-carried value whose location it would best
    // take (it is passed at the jump in that value's place).
    let mut hint: Vec<Option<Var>> = vec![None; nvars];
    if loops {
        head = trace.ops.iter().rposition(|o| o.opcode == Opcode::Label);
        let head_pos = head.map_or(0, |h| h as u32 + 1);
        loop_args = match head {
            Some(h) => {
                let mut vs = Vec::new();
                for a in &trace.ops[h].args {
                    let Arg::Var(v) = *a else {
                        return Err("label arguments must be variables".into());
                    };
                    if vs.contains(&v) {
                        return Err(format!("variable {} appears twice in the label", v.0));
                    }
                    vs.push(v);
                }
                vs
            }
            None => trace.inputs.clone(),
        };
        let jump = trace.ops.last().unwrap();
        if jump.args.len() != loop_args.len() {
            return Err("jump and loop header disagree on the number of values".into());
        }
        dead_at_jump = vec![false; loop_args.len()];
        let mut carried = vec![false; nvars];
        for &v in &loop_args {
            carried[v.index()] = true;
        }
        for v in 0..nvars {
            if def[v] != UNDEF && def[v] < head_pos && end[v] > head_pos && !carried[v] {
                end[v] = last;
            }
        }
        // The jump writes each loop-carried value's location, so it is needed
        // from the header on (the label's own use covers that) to its last
        // use in the body, then free until the jump: a value the jump passes
        // can take it over and be where the label wants it, with no move.
        // One never read after the header needs no location at the jump.
        for (k, &v) in loop_args.iter().enumerate() {
            if end[v.index()] > head_pos {
                if let Arg::Var(x) = jump.args[k] {
                    if def[x.index()] > head_pos {
                        hint[x.index()] = Some(v);
                    }
                }
            } else {
                dead_at_jump[k] = true;
            }
        }
    }

    // Compare-and-guard fusion.
    let mut fused = vec![false; trace.ops.len()];
    let mut locs = vec![Loc::None; nvars];
    for (i, pair) in trace.ops.windows(2).enumerate() {
        let (op, next) = (&pair[0], &pair[1]);
        if let Some(r) = op.res {
            let sets_flags = (op.opcode.is_comparison() && !op.opcode.is_float_comparison())
                || op.opcode == Opcode::IntAnd;
            if sets_flags
                && matches!(next.opcode, Opcode::GuardTrue | Opcode::GuardFalse)
                && next.args.first() == Some(&Arg::Var(r))
                && uses[r.index()] == 1
            {
                fused[i] = true;
            }
        }
    }

    // Calls, for "does this interval span a call".
    let mut calls_upto = vec![0u32; trace.ops.len() + 2];
    for (i, op) in trace.ops.iter().enumerate() {
        calls_upto[i + 1] = calls_upto[i] + is_call(op.opcode) as u32;
    }
    calls_upto[trace.ops.len() + 1] = calls_upto[trace.ops.len()];
    // calls strictly between positions a and b (a < b): ops at positions a+1..b-1.
    let calls_between = |a: u32, b: u32| -> bool {
        if b <= a + 1 {
            return false;
        }
        // op at position p has index p-1; calls_upto[k] counts ops 0..k-1,
        // i.e. positions 1..=k.
        calls_upto[(b - 1) as usize] > calls_upto[a as usize]
    };

    let mut intervals: Vec<Interval> = Vec::new();
    let fused_vars: Vec<Var> = trace
        .ops
        .iter()
        .enumerate()
        .filter(|(i, _)| fused[*i])
        .filter_map(|(_, op)| op.res)
        .collect();
    for v in 0..nvars {
        if def[v] == UNDEF || fused_vars.contains(&Var(v as u32)) {
            continue;
        }
        intervals.push(Interval {
            var: Var(v as u32),
            start: def[v],
            end: end[v],
            float: trace.types[v] == Type::Float,
            crosses_call: calls_between(def[v], end[v]),
        });
    }
    intervals.sort_by_key(|iv| (iv.start, iv.var));
    // (interval index, the loop-carried value it is hinted to) per hint.
    let hinted_later: Vec<(usize, Var)> = intervals
        .iter()
        .enumerate()
        .filter_map(|(k, iv)| Some((k, hint[iv.var.index()]?)))
        .collect();

    // Linear scan over registers.
    struct Active {
        end: u32,
        var: Var,
        reg: u8,
        float: bool,
    }
    let expired = |a_end: u32, start: u32| a_end < start || (a_end == start && start > 0);
    let mut active: Vec<Active> = Vec::new();
    let mut free_gpr: Vec<u8> = CALLER_SAVED
        .iter()
        .chain(CALLEE_SAVED.iter())
        .copied()
        .collect();
    let mut free_xmm: Vec<u8> = (0..NUM_XMM).collect();
    let mut spilled: Vec<usize> = Vec::new();
    for (k, iv) in intervals.iter().enumerate() {
        active.retain(|a| {
            if expired(a.end, iv.start) {
                if a.float {
                    free_xmm.push(a.reg);
                } else {
                    free_gpr.push(a.reg);
                }
                false
            } else {
                true
            }
        });
        let eligible = |r: u8, float: bool| -> bool {
            if float {
                !iv.crosses_call
            } else {
                !iv.crosses_call || CALLEE_SAVED.contains(&r)
            }
        };
        // The register of the loop-carried value this one replaces at the
        // jump, if free and allowed; else a free one that no later value
        // overlapping this one is hinted to (so that it stays free for
        // it), else any free one.
        let hinted = hint[iv.var.index()].and_then(|h| match locs[h.index()] {
            Loc::Gpr(r) if !iv.float && eligible(r, false) => Some(r),
            Loc::Xmm(r) if iv.float && eligible(r, true) => Some(r),
            _ => None,
        });
        let wanted: Vec<u8> = hinted_later
            .iter()
            .filter(|&&(at, _)| at > k && intervals[at].start <= iv.end)
            .filter_map(|&(at, h)| match locs[h.index()] {
                Loc::Gpr(r) if !intervals[at].float => Some(r),
                Loc::Xmm(r) if intervals[at].float => Some(r),
                _ => None,
            })
            .collect();
        let free: &[u8] = if iv.float { &free_xmm } else { &free_gpr };
        let order: Vec<u8> = if iv.float {
            if iv.crosses_call {
                Vec::new()
            } else {
                free.to_vec()
            }
        } else if iv.crosses_call {
            CALLEE_SAVED.to_vec()
        } else {
            vec![R10, R9, R8, RSI, RDI, RBX, R12, R13, R14]
        };
        let pick = hinted
            .into_iter()
            .chain(order.iter().copied().filter(|r| !wanted.contains(r)))
            .chain(order.iter().copied())
            .find_map(|r| free.iter().position(|&x| x == r));
        let reg = match pick {
            Some(p) => Some(if iv.float {
                free_xmm.swap_remove(p)
            } else {
                free_gpr.swap_remove(p)
            }),
            None => {
                // Spill whichever ends last: this interval or an active one
                // holding a register this interval may use.
                let victim = active
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.float == iv.float && eligible(a.reg, iv.float))
                    .max_by_key(|(_, a)| a.end)
                    .map(|(j, _)| j);
                match victim {
                    Some(j) if active[j].end > iv.end => {
                        let a = active.swap_remove(j);
                        let vk = intervals.iter().position(|x| x.var == a.var).unwrap();
                        spilled.push(vk);
                        Some(a.reg)
                    }
                    _ => None,
                }
            }
        };
        match reg {
            Some(r) => {
                locs[iv.var.index()] = if iv.float { Loc::Xmm(r) } else { Loc::Gpr(r) };
                active.push(Active {
                    end: iv.end,
                    var: iv.var,
                    reg: r,
                    float: iv.float,
                });
            }
            None => spilled.push(k),
        }
    }

    // Stack slots for the spilled intervals: a second linear scan, since an
    // interval spilled late (stolen from) needs its slot over its whole life.
    spilled.sort_by_key(|&k| (intervals[k].start, intervals[k].var));
    let mut slot_active: Vec<(u32, u32)> = Vec::new(); // (end, slot)
    let mut free_slots: Vec<u32> = Vec::new();
    let mut nslots = 0u32;
    for &k in &spilled {
        let iv = &intervals[k];
        slot_active.retain(|&(e, s)| {
            if expired(e, iv.start) {
                free_slots.push(s);
                false
            } else {
                true
            }
        });
        free_slots.sort_unstable_by(|a, b| b.cmp(a));
        // The slot of the loop-carried value this one replaces, if free.
        let hinted = hint[iv.var.index()].and_then(|h| match locs[h.index()] {
            Loc::Stack(s) => free_slots.iter().position(|&f| f == s),
            _ => None,
        });
        let s = match hinted {
            Some(p) => free_slots.remove(p),
            None => free_slots.pop().unwrap_or_else(|| {
                nslots += 1;
                nslots - 1
            }),
        };
        slot_active.push((iv.end, s));
        locs[iv.var.index()] = Loc::Stack(s);
    }
    let frame = (SAVED_AREA + 8 * nslots as i32 + 15) & !15;
    let flag_reg = if loops {
        free_over_loop(trace, head, &intervals, &locs, &calls_upto)
    } else {
        None
    };
    Ok(Alloc {
        locs,
        frame,
        fused,
        head,
        loop_args,
        dead_at_jump,
        flag_reg,
    })
}

/// A register no value uses from the loop header to the jump (a
/// callee-saved one if the loop calls out), when the loop checks the
/// interrupt flag: it can hold the flag's address over the whole loop.
fn free_over_loop(
    trace: &Trace,
    head: Option<usize>,
    intervals: &[Interval],
    locs: &[Loc],
    calls_upto: &[u32],
) -> Option<u8> {
    let body = head.map_or(0, |h| h + 1);
    let checks = trace.ops[body..]
        .iter()
        .any(|op| op.opcode == Opcode::GuardNotInterrupted);
    if !checks {
        return None;
    }
    let head_pos = head.map_or(0, |h| h as u32 + 1);
    let calls = calls_upto[trace.ops.len()] > calls_upto[body];
    let candidates: &[u8] = if calls {
        &CALLEE_SAVED
    } else {
        &[R10, R9, R8, RSI, RDI, RBX, R12, R13, R14]
    };
    candidates.iter().copied().find(|&r| {
        !intervals
            .iter()
            .any(|iv| iv.end >= head_pos && locs[iv.var.index()] == Loc::Gpr(r))
    })
}
