//! Loop peeling (RPython's `unroll.py`, LuaJIT's `lj_opt_loop.c`): copy the
//! loop body once behind a `label`, so that the loop proper inherits every
//! fact the first iteration established.
//!
//! The optimized trace becomes the *preamble*: one iteration, from the
//! trace's inputs. The body is the same operations again, re-emitted with
//! the inputs replaced by the values the preamble jumps with
//! (copy-substitution), and while re-emitting:
//! - a pure operation (or `arraylen`, an elidable call, a loop-invariant
//!   call) whose operands are loop-invariant is the preamble's result:
//!   invariant code leaves the loop;
//! - a guard the preamble already checked on invariant operands is dropped;
//! - a load from a location whose value the heap cache knows at the end of
//!   the preamble becomes that value, carried around the loop as an extra
//!   label argument (the value at the end of the body is what the jump
//!   passes), so memory round trips become registers.
//!
//! Values that change from one iteration to the next are the label's
//! arguments: the preamble variables the body reads as "this iteration's"
//! inputs and heap contents; `jump` reassigns them. An input is invariant
//! when the trace jumps back with it unchanged, and a value is invariant
//! when it is computed purely from invariant values. Whenever the peeled
//! form cannot be proven right (a loop-carried value that is a constant, a
//! heap value the body forgets), the pass returns the trace unpeeled.

use super::heap::{location, Cache, Location};
use super::{is_elidable_call, is_loop_invariant_call};
use crate::ir::{Arg, Descr, Op, OpClass, Opcode, Trace, Var};
use std::collections::{HashMap, HashSet};

pub fn run(trace: &Trace) -> Trace {
    peel(trace).unwrap_or_else(|| trace.clone())
}

/// A pure computation's identity, for reuse: opcode, operands, descriptor.
type Key = (Opcode, Vec<Arg>, usize);

fn key(op: &Op) -> Key {
    let descr = match op.descr {
        Descr::Call(d) => d as *const _ as usize,
        Descr::Array(d) => d as *const _ as usize,
        _ => 0,
    };
    (op.opcode, op.args.clone(), descr)
}

/// Operations whose result depends only on their operands (for as long as
/// the loop runs, for a loop-invariant call).
fn is_pure(op: &Op) -> bool {
    op.opcode.class() == OpClass::Pure
        || op.opcode == Opcode::Arraylen
        || is_elidable_call(op)
        || is_loop_invariant_call(op)
}

fn peel(t: &Trace) -> Option<Trace> {
    let (jump, ops) = t.ops.split_last()?;
    if jump.opcode != Opcode::Jump || !matches!(jump.descr, Descr::None) {
        return None;
    }
    if ops.iter().any(|op| op.opcode == Opcode::Label) {
        return None;
    }
    let preamble_jump = &jump.args;

    // Which preamble values are the same in every iteration.
    let mut invariant = vec![false; t.types.len()];
    for (i, &x) in t.inputs.iter().enumerate() {
        invariant[x.index()] = preamble_jump[i] == Arg::Var(x);
    }
    let is_invariant = |a: Arg, inv: &[bool]| a.as_var().is_none_or(|v| inv[v.index()]);
    let mut pure_results: HashMap<Key, Arg> = HashMap::new();
    let mut checked: HashSet<(Opcode, Vec<Arg>)> = HashSet::new();
    let mut heap = Cache::default();
    for op in ops {
        if let Some(r) = op.res {
            invariant[r.index()] =
                is_pure(op) && op.args.iter().all(|&a| is_invariant(a, &invariant));
            if invariant[r.index()] {
                pure_results.entry(key(op)).or_insert(Arg::Var(r));
            }
        }
        if op.opcode.is_guard()
            && !op.args.is_empty()
            && op.args.iter().all(|&a| is_invariant(a, &invariant))
        {
            checked.insert((op.opcode, op.args.clone()));
        }
        track_heap(&mut heap, op);
    }

    // The body, by copy-substitution.
    let mut out = t.clone();
    out.ops.truncate(ops.len());
    let mut subst: Vec<Option<Arg>> = vec![None; t.types.len()];
    for (i, &x) in t.inputs.iter().enumerate() {
        subst[x.index()] = Some(preamble_jump[i]);
    }
    let map = |a: Arg, subst: &[Option<Arg>]| match a {
        Arg::Var(v) => subst[v.index()].unwrap_or(a),
        c => c,
    };
    // Loop-carried heap values: (location, the preamble value the body read).
    let mut carried: Vec<(Location, Arg)> = Vec::new();
    let mut body: Vec<Op> = Vec::new();
    let mut body_pure: HashMap<Key, Arg> = HashMap::new();
    for op in ops {
        let mut op = op.clone();
        for a in &mut op.args {
            *a = map(*a, &subst);
        }
        if let Some(g) = &mut op.guard {
            for a in &mut g.fail_args {
                *a = map(*a, &subst);
            }
        }
        if is_pure(&op) {
            let k = key(&op);
            if let Some(&known) = pure_results.get(&k).or_else(|| body_pure.get(&k)) {
                subst[op.res.unwrap().index()] = Some(known);
                continue;
            }
        }
        if op.opcode.is_guard() && checked.contains(&(op.opcode, op.args.clone())) {
            continue;
        }
        if op.opcode.class() == OpClass::Load && op.opcode != Opcode::Arraylen {
            let loc = location(&op).expect("loads have a location");
            if let Some(&known) = heap.values.get(&loc) {
                if !carried.iter().any(|(l, _)| *l == loc)
                    && known.as_var().is_some_and(|v| v.index() < t.types.len())
                {
                    carried.push((loc, known));
                }
                subst[op.res.unwrap().index()] = Some(known);
                continue;
            }
        }
        if let Some(r) = op.res {
            let fresh = out.new_var(t.types[r.index()]);
            subst[r.index()] = Some(Arg::Var(fresh));
            op.res = Some(fresh);
            if is_pure(&op) {
                body_pure.insert(key(&op), Arg::Var(fresh));
            }
        }
        if op.opcode.class() == OpClass::Store {
            let loc = location(&op).expect("stores have a location");
            if !heap.store(loc, *op.args.last().unwrap()) {
                continue;
            }
        } else {
            track_heap(&mut heap, &op);
        }
        body.push(op);
    }

    // The label's arguments and what the jump passes to them.
    let mut phis: Vec<(Var, Arg)> = Vec::new();
    let mut add_phi = |value: Arg, next: Arg| -> Option<()> {
        match value {
            // Passed back unchanged: it keeps its preamble value, no phi.
            _ if value == next => Some(()),
            Arg::Var(v) if !invariant[v.index()] => match phis.iter().find(|(p, _)| *p == v) {
                Some(&(_, n)) if n != next => None,
                Some(_) => Some(()),
                None => {
                    phis.push((v, next));
                    Some(())
                }
            },
            // An invariant value (or constant) that changes: not peelable.
            _ => None,
        }
    };
    for (i, &arg) in jump.args.iter().enumerate() {
        add_phi(preamble_jump[i], map(arg, &subst))?;
    }
    for (loc, value) in &carried {
        add_phi(*value, *heap.values.get(loc)?)?;
    }
    let (label_args, jump_args): (Vec<Arg>, Vec<Arg>) =
        phis.iter().map(|&(v, n)| (Arg::Var(v), n)).unzip();
    out.ops.push(Op::new(Opcode::Label, label_args));
    out.ops.extend(body);
    out.ops.push(Op::new(Opcode::Jump, jump_args));
    Some(out)
}

/// Follow loads, stores and calls in the heap cache.
fn track_heap(heap: &mut Cache, op: &Op) {
    match op.opcode.class() {
        OpClass::Load if op.opcode != Opcode::Arraylen => {
            let loc = location(op).expect("loads have a location");
            heap.values.entry(loc).or_insert(Arg::Var(op.res.unwrap()));
        }
        OpClass::Store => {
            heap.store(
                location(op).expect("stores have a location"),
                *op.args.last().unwrap(),
            );
        }
        OpClass::Call => heap.forget_written_by(op.descr),
        _ => {}
    }
}
