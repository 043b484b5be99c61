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
//!   passes), so memory round trips become registers;
//! - a load from a location no store or call of the loop may write, from
//!   an invariant object, is invariant: the body takes the preamble's
//!   value, and what depends on it alone leaves the loop too;
//! - the items of the frame's virtualizable that the body stores stay in
//!   registers, carried as label arguments, their stores gone from the
//!   body (`vable.rs`);
//! - so do the body's other stores at fixed locations that nothing in the
//!   body observes: they stay pending across the label, in the resume data
//!   of the body's guards (`sink_pending_stores`, lazy stores).
//!
//! Values that change from one iteration to the next are the label's
//! arguments: the preamble variables the body reads as "this iteration's"
//! inputs and heap contents; `jump` reassigns them. An input is invariant
//! when the trace jumps back with it unchanged, and a value is invariant
//! when it is computed purely from invariant values. Whenever the peeled
//! form cannot be proven right (a loop-carried value that is a constant, a
//! heap value the body forgets), the pass returns the trace unpeeled.

use super::heap::{add_pending_store, call_observes, location, may_alias, Cache, Location};
use super::{is_elidable_call, is_loop_invariant_call};
use crate::ir::{
    Arg, Descr, DescrRef, EffectKind, GuardInfo, Op, OpClass, Opcode, Resume, Snapshot,
    SnapshotFrame, Trace, Type, Var,
};
use std::collections::{HashMap, HashSet};

pub fn run(trace: &Trace) -> Trace {
    run_peeling(trace).0
}

/// `run`, and what peeling learned for building the short preamble (`None`
/// when the trace was left unpeeled).
pub fn run_peeling(trace: &Trace) -> (Trace, Option<Peeling>) {
    match peel(trace) {
        Some((t, p)) => (t, Some(p)),
        None => (trace.clone(), None),
    }
}

/// What a label argument holds when the loop is entered at its label,
/// in terms of the loop's state at the start of an iteration.
#[derive(Clone, Debug)]
enum Role {
    /// The loop's `i`-th input.
    Input(usize),
    /// What this load (in terms of preamble values) reads.
    Carried(Op),
}

/// What `peel` knows about the peeled loop's label that the final trace no
/// longer says: which preamble values are the same in every iteration, and
/// what each label argument stands for.
#[derive(Clone, Debug)]
pub struct Peeling {
    invariant: Vec<bool>,
    /// What each label argument stands for; a value that stands for more
    /// than one thing (an input that is also a carried heap value, say)
    /// has each of them, the first being how the short preamble computes
    /// it and the others what it checks are equal to it. An invariant value
    /// the preamble computes stands for itself first (no role says so): the
    /// short preamble computes it again and checks all of its roles.
    roles: HashMap<Var, Vec<Role>>,
    /// The preamble values the peeled body reads, as `peel` made it: a
    /// value with roles that the final body no longer reads (a fold used
    /// the equality of two of its roles) is checked all the same.
    body_reads: Vec<bool>,
    /// Inputs the loop passes back as a constant: the body assumes it.
    constant_inputs: Vec<(usize, Arg)>,
    /// False when the body relies on something about the loop's state at
    /// the label that a short preamble cannot re-establish (a heap value
    /// known as a constant, a store dropped because the preamble made it).
    expressible: bool,
}

/// A pure computation's identity, for reuse: opcode, operands, descriptor.
type Key = (Opcode, Vec<Arg>, usize);

fn key(op: &Op) -> Key {
    let descr = match op.descr {
        Descr::Call(d) => d as *const _ as usize,
        Descr::Array(d) => d as *const _ as usize,
        Descr::Field(d) => d as *const _ as usize,
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

fn peel(t: &Trace) -> Option<(Trace, Peeling)> {
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
    let writers: Vec<&Op> = ops
        .iter()
        .filter(|op| matches!(op.opcode.class(), OpClass::Store | OpClass::Call))
        .collect();
    for op in ops {
        if let Some(r) = op.res {
            let operands_invariant = op.args.iter().all(|&a| is_invariant(a, &invariant));
            invariant[r.index()] = operands_invariant
                && (is_pure(op) || (is_heap_load(op) && !loop_may_write(&writers, op)));
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
    let preamble_heap = heap.clone();

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
    // Loop-carried heap values: (location, the preamble value the body
    // read, the load it replaced).
    let mut carried: Vec<(Location, Arg, Op)> = Vec::new();
    // Locations the body itself has written or read from memory: what the
    // cache knows of them from then on is the body's own doing.
    let mut touched: HashSet<Location> = HashSet::new();
    let mut expressible = true;
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
        // A load from a location the loop never writes, of invariant
        // operands: the preamble's value.
        if is_heap_load(&op) {
            if let Some(&known) = pure_results.get(&key(&op)) {
                subst[op.res.unwrap().index()] = Some(known);
                continue;
            }
        }
        if op.opcode.is_guard() && checked.contains(&(op.opcode, op.args.clone())) {
            continue;
        }
        if op.opcode.class() == OpClass::Load && op.opcode != Opcode::Arraylen {
            let loc = location(&op).expect("loads have a location");
            // A location of the preamble's whose object (and index) change
            // from one iteration to the next is another location in the
            // next iteration: the body loads it.
            let fixed = |a: Arg| {
                a.as_var()
                    .is_none_or(|v| invariant.get(v.index()).copied().unwrap_or(false))
            };
            let same_location = fixed(loc.1) && loc.2.is_none_or(fixed);
            match heap.values.get(&loc) {
                Some(&known) if touched.contains(&loc) => {
                    subst[op.res.unwrap().index()] = Some(known);
                    continue;
                }
                Some(&known) if same_location => {
                    let preamble_value = known.as_var().is_some_and(|v| v.index() < t.types.len());
                    if !preamble_value {
                        expressible = false;
                    } else if !carried.iter().any(|(l, _, _)| *l == loc) {
                        carried.push((loc, known, op.clone()));
                    }
                    subst[op.res.unwrap().index()] = Some(known);
                    continue;
                }
                _ => {}
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
                expressible &= touched.contains(&loc);
                continue;
            }
            touched.insert(loc);
        } else {
            track_heap(&mut heap, &op);
            if let Some(loc) = location(&op).filter(|_| op.opcode.class() == OpClass::Load) {
                touched.insert(loc);
            }
        }
        body.push(op);
    }

    // The label's arguments and what the jump passes to them.
    let mut phis: Vec<(Var, Arg)> = Vec::new();
    for (i, &arg) in jump.args.iter().enumerate() {
        add_phi(&mut phis, &invariant, preamble_jump[i], map(arg, &subst))?;
    }
    for (loc, value, _) in &carried {
        add_phi(&mut phis, &invariant, *value, *heap.values.get(loc)?)?;
    }
    // The virtualizable's items the body stores, carried in registers
    // (`vable.rs`): each whose phi fits is sunk.
    let vable = super::vable::find(t).filter(|v| is_invariant(v.object, &invariant));
    if let Some(v) = vable.filter(|v| !body.iter().any(|op| v.clobbers(op))) {
        let mut entry = std::collections::BTreeMap::new();
        for k in body
            .iter()
            .filter_map(|op| v.item(op).filter(|_| op.opcode.class() == OpClass::Store))
        {
            if entry.contains_key(&k) {
                continue;
            }
            let carry = Carry {
                t,
                invariant: &invariant,
                preamble_heap: &preamble_heap,
                heap: &heap,
            };
            if let Some(value) = carry.location(v.location(k), &mut phis, &mut carried) {
                entry.insert(k, value);
            }
        }
        if !entry.is_empty() {
            body = super::vable::sink(&mut out, body, v, &entry);
        }
    }
    body = sink_pending_stores(
        t,
        body,
        &invariant,
        &preamble_heap,
        &heap,
        &mut phis,
        &mut carried,
    );
    let (label_args, jump_args): (Vec<Arg>, Vec<Arg>) =
        phis.iter().map(|&(v, n)| (Arg::Var(v), n)).unzip();
    // The preamble values the body reads before the passes that run after
    // this one fold some of those reads away (along with what the body
    // took the values for: an input equal to another, say).
    let mut body_reads = vec![false; t.types.len()];
    let body_args = body.iter().flat_map(|op| {
        let fail_args = op.guard.iter().flat_map(|g| g.fail_args.iter());
        op.args.iter().chain(fail_args)
    });
    for a in body_args.chain(&jump_args) {
        if let Some(v) = a.as_var().filter(|v| v.index() < body_reads.len()) {
            body_reads[v.index()] = true;
        }
    }
    out.ops.push(Op::new(Opcode::Label, label_args));
    out.ops.extend(body);
    out.ops.push(Op::new(Opcode::Jump, jump_args));

    // What each label argument stands for, for the short preamble.
    let mut roles: HashMap<Var, Vec<Role>> = HashMap::new();
    let mut constant_inputs = Vec::new();
    let mut give = |v: Var, role: Role| roles.entry(v).or_default().push(role);
    for (i, &a) in preamble_jump.iter().enumerate() {
        match a {
            Arg::Var(v) => give(v, Role::Input(i)),
            c => constant_inputs.push((i, c)),
        }
    }
    for (_, value, load) in carried {
        if let Arg::Var(v) = value {
            give(v, Role::Carried(load));
        }
    }
    let peeling = Peeling {
        invariant,
        roles,
        body_reads,
        constant_inputs,
        expressible,
    };
    Some((out, peeling))
}

/// Lazy stores across the loop header (`heap.rs`): a store of the body at
/// a location of an invariant object (and constant index) that nothing
/// else in the body may observe is left out of the body. Its value is
/// carried around the loop as a label argument instead (the preamble's
/// value enters, the body's last one is what the `jump` passes), and the
/// memory is stale from the label on: every guard of the body whose resume
/// data does not list a pending store there gets one with the location's
/// current value, so failing performs it. The preamble still stores before
/// the label, and so does every trace that jumps to the label (a `jump`
/// forces its pending stores), so the short preamble loads the value from
/// memory (the role of a carried load). Nothing may observe the location
/// in the body: no load or other store that may alias it, no call that may
/// read or write its descriptor or that takes its object. Stores into the
/// virtualizable are `vable.rs`'s.
#[allow(clippy::too_many_arguments)]
fn sink_pending_stores(
    t: &Trace,
    body: Vec<Op>,
    invariant: &[bool],
    preamble_heap: &Cache,
    heap: &Cache,
    phis: &mut Vec<(Var, Arg)>,
    carried: &mut Vec<(Location, Arg, Op)>,
) -> Vec<Op> {
    let eager = super::heap::virtualizable_descrs(t);
    let fixed = |a: Arg| {
        a.as_var()
            .is_none_or(|v| invariant.get(v.index()).copied().unwrap_or(false))
    };
    let observes = |op: &Op, loc: &Location| match op.opcode.class() {
        OpClass::Load if op.opcode == Opcode::Arraylen => false,
        OpClass::Load => location(op).is_none_or(|l| may_alias(&l, loc)),
        OpClass::Store => location(op).is_none_or(|l| l != *loc && may_alias(&l, loc)),
        OpClass::Call => call_observes(op, loc),
        OpClass::Pure | OpClass::Ovf | OpClass::Alloc | OpClass::Guard => false,
        OpClass::Control => op.opcode != Opcode::DebugMergePoint,
    };
    // The locations to sink, each with the preamble's value there.
    let mut sunk: Vec<(Location, Arg)> = Vec::new();
    for op in body.iter().filter(|op| op.opcode.class() == OpClass::Store) {
        let Some(loc) = location(op) else { continue };
        let constant_index = loc.2.is_none_or(|i| matches!(i, Arg::Int(_)));
        if !constant_index
            || !fixed(loc.1)
            || eager.contains(&loc.0)
            || sunk.iter().any(|(l, _)| *l == loc)
            || body.iter().any(|op| observes(op, &loc))
        {
            continue;
        }
        let carry = Carry {
            t,
            invariant,
            preamble_heap,
            heap,
        };
        if let Some(value) = carry.location(loc, phis, carried) {
            sunk.push((loc, value));
        }
    }
    if sunk.is_empty() {
        return body;
    }
    let mut current: Vec<Arg> = sunk.iter().map(|&(_, v)| v).collect();
    let mut out = Vec::with_capacity(body.len());
    for mut op in body {
        if op.opcode.class() == OpClass::Store {
            if let Some(k) = location(&op).and_then(|l| sunk.iter().position(|(s, _)| *s == l)) {
                current[k] = *op.args.last().unwrap();
                continue;
            }
        }
        if let Some(g) = op.guard.as_deref_mut() {
            for (&(loc, _), &value) in sunk.iter().zip(&current) {
                let listed = g.virtuals.stores.iter().any(|s| {
                    s.descr == loc.0
                        && g.fail_args[s.object as usize] == loc.1
                        && s.index.map(Arg::Int) == loc.2
                });
                if !listed {
                    add_pending_store(g, loc, value);
                }
            }
        }
        out.push(op);
    }
    out
}

/// What deciding whether a heap location can be carried around the loop
/// needs: the trace, its invariant values, and the heap caches at the end
/// of the preamble and of the body.
struct Carry<'a> {
    t: &'a Trace,
    invariant: &'a [bool],
    preamble_heap: &'a Cache,
    heap: &'a Cache,
}

impl Carry<'_> {
    /// Carry `loc` around the loop as a label argument if its value at the
    /// end of the preamble is a variant value and the phi from it to the
    /// body's last value fits (`add_phi`): the phi is added, and the load
    /// that gives the value to traces jumping to the label is recorded in
    /// `carried` (once per location). The preamble's value, or `None`.
    fn location(
        &self,
        loc: Location,
        phis: &mut Vec<(Var, Arg)>,
        carried: &mut Vec<(Location, Arg, Op)>,
    ) -> Option<Arg> {
        let (&value, &next) = (
            self.preamble_heap.values.get(&loc)?,
            self.heap.values.get(&loc)?,
        );
        let variant = value
            .as_var()
            .is_some_and(|x| x.index() < self.t.types.len() && !self.invariant[x.index()]);
        if !variant {
            return None;
        }
        let mut trial = phis.clone();
        add_phi(&mut trial, self.invariant, value, next)?;
        *phis = trial;
        if !carried.iter().any(|(l, _, _)| *l == loc) {
            let (descr, index) = match loc.0 {
                DescrRef::Field(f) => (Descr::Field(f), vec![loc.1]),
                DescrRef::Array(a) => (Descr::Array(a), vec![loc.1, loc.2.unwrap()]),
            };
            let opcode = match (self.t.type_of(value), loc.0) {
                (Type::Int, DescrRef::Field(_)) => Opcode::GetfieldI,
                (Type::Float, DescrRef::Field(_)) => Opcode::GetfieldF,
                (_, DescrRef::Field(_)) => Opcode::GetfieldR,
                (Type::Int, DescrRef::Array(_)) => Opcode::GetarrayitemI,
                (Type::Float, DescrRef::Array(_)) => Opcode::GetarrayitemF,
                (_, DescrRef::Array(_)) => Opcode::GetarrayitemR,
            };
            let mut load = Op::new(opcode, index);
            load.descr = descr;
            load.res = value.as_var();
            carried.push((loc, value, load));
        }
        Some(value)
    }
}

/// Add the phi `value <- next` (a label argument and what the jump passes
/// to it); `None` when it cannot be one: an invariant value or constant
/// that changes, or a value already given another next value.
fn add_phi(phis: &mut Vec<(Var, Arg)>, invariant: &[bool], value: Arg, next: Arg) -> Option<()> {
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
        _ => None,
    }
}

/// A load of a field or an array item (not a length).
fn is_heap_load(op: &Op) -> bool {
    op.opcode.class() == OpClass::Load && op.opcode != Opcode::Arraylen
}

/// May some of the loop's stores and calls (`writers`) change what the
/// load `load` reads?
/// A store of the same descriptor may (unless it is to the same object at
/// another constant index), and so may a call whose summary says it may
/// write the descriptor or that may run the interpreter.
fn loop_may_write(writers: &[&Op], load: &Op) -> bool {
    let Some((descr, object, index)) = location(load) else {
        return true;
    };
    writers.iter().any(|op| match op.opcode.class() {
        OpClass::Store => match location(op) {
            Some((d, o, i)) if d == descr => {
                let elsewhere = o == object
                    && matches!((i, index), (Some(a), Some(b)) if a != b && a.is_const() && b.is_const());
                !elsewhere
            }
            _ => false,
        },
        OpClass::Call => match op.descr {
            Descr::Call(d) => {
                let e = d.effects();
                let forces = matches!(e.kind, EffectKind::Random | EffectKind::ForcesFrames);
                e.kind != EffectKind::Elidable && (forces || e.may_write(descr))
            }
            _ => true,
        },
        _ => false,
    })
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

/// The short preamble of `looped`, the final form of a trace `peel` peeled
/// (after the passes that run once more): the operations that compute,
/// from the loop's inputs, every value the code after its label reads from
/// before it (`Trace::label_entry`), with the guards on loop-invariant
/// values that the body no longer checks. It is a trace with the loop's
/// inputs and variable numbers whose `jump` passes the label's entry values;
/// its guards have no resume data of their own (an empty snapshot), since
/// they take that of the trace they are inlined into (`close_at_label`).
///
/// A label argument that is the loop's input takes the input; an invariant
/// value is computed again by the pure operations (and loop-invariant or
/// elidable calls) that made it; a heap value carried around the loop is
/// loaded again. An entry value that stands for two things (an input
/// that the preamble also stored, so that the body reads it from memory
/// too; two inputs the loop passes the same value; an input the loop
/// passes an invariant value, which the body takes for that value) is
/// computed from the first (the invariant value's own computation comes
/// first), and a `guard_value` checks that the other is the same word
/// (integers and references only). `None` when some value cannot be
/// computed so, or when the body relies on what the preamble did to the
/// heap in another way.
pub fn short_preamble(looped: &Trace, p: &Peeling) -> Option<Trace> {
    if !p.expressible {
        return None;
    }
    let (head, entry) = looped.label_entry()?;
    let preamble = &looped.ops[..head];
    let mut input_index = vec![None; looped.types.len()];
    for (i, &x) in looped.inputs.iter().enumerate() {
        input_index[x.index()] = Some(i);
    }
    let mut defined_at = vec![None; looped.types.len()];
    for (i, op) in preamble.iter().enumerate() {
        if let Some(r) = op.res {
            defined_at[r.index()] = Some(i);
        }
    }
    // Mark the preamble operations that compute `a` again, with what they
    // read; false if that is not possible.
    fn need(
        a: Arg,
        p: &Peeling,
        preamble: &[Op],
        defined_at: &[Option<usize>],
        input_index: &[Option<usize>],
        needed: &mut [bool],
    ) -> bool {
        let Arg::Var(v) = a else { return true };
        if !p.invariant.get(v.index()).copied().unwrap_or(false) {
            return false;
        }
        if input_index[v.index()].is_some() {
            return true;
        }
        let Some(i) = defined_at[v.index()] else {
            return false;
        };
        if needed[i] {
            return true;
        }
        let op = &preamble[i];
        if !(is_pure(op) || is_heap_load(op) || op.opcode == Opcode::SameAs) {
            return false;
        }
        needed[i] = true;
        op.args
            .iter()
            .all(|&a| need(a, p, preamble, defined_at, input_index, needed))
    }
    let mut needed = vec![false; preamble.len()];
    let recompute =
        |a: Arg, needed: &mut Vec<bool>| need(a, p, preamble, &defined_at, &input_index, needed);

    // What the jump to the label passes, the loads of carried values, and
    // the other roles of values that have more than one. Those of a value
    // the peeled body read but the final one does not are checked too
    // (with none of them passed).
    let mut unread: Vec<Var> = p
        .roles
        .keys()
        .copied()
        .filter(|v| p.body_reads.get(v.index()).copied().unwrap_or(false) && !entry.contains(v))
        .collect();
    unread.sort_by_key(|v| v.0);
    let entry_values = entry.iter().map(|&v| (v, true));
    let mut jump_args = Vec::with_capacity(entry.len());
    let mut loads = Vec::new();
    let mut checks: Vec<(Arg, &Role)> = Vec::new();
    for (v, passed) in entry_values.chain(unread.into_iter().map(|v| (v, false))) {
        let roles = p.roles.get(&v).map_or(&[][..], Vec::as_slice);
        // The body takes an invariant value the preamble computes for that
        // value, whatever else it stands for (an input the loop passes it
        // back as, say): it is computed again, and each role is a check.
        let computed = is_invariant_arg(Arg::Var(v), p) && input_index[v.index()].is_none();
        let (first, others) = match roles.split_first() {
            Some((first, others)) if !computed => (Some(first), others),
            _ => (None, roles),
        };
        if !passed && others.is_empty() {
            continue;
        }
        for other in others {
            if looped.types[v.index()] == Type::Float {
                return None;
            }
            if let Role::Carried(load) = other {
                if !load.args.iter().all(|&a| recompute(a, &mut needed)) {
                    return None;
                }
            }
        }
        let value = match first {
            Some(Role::Input(i)) => Arg::Var(*looped.inputs.get(*i)?),
            Some(Role::Carried(load)) => {
                if !load.args.iter().all(|&a| recompute(a, &mut needed)) {
                    return None;
                }
                let mut load = load.clone();
                load.res = Some(v);
                loads.push(load);
                Arg::Var(v)
            }
            None => {
                if !recompute(Arg::Var(v), &mut needed) {
                    return None;
                }
                Arg::Var(v)
            }
        };
        if passed {
            jump_args.push(value);
        }
        checks.extend(others.iter().map(|other| (value, other)));
    }
    // Guards the body counts on: those on values that never change.
    for (i, op) in preamble.iter().enumerate() {
        if op.opcode.is_guard()
            && !op.args.is_empty()
            && op.args.iter().all(|&a| is_invariant_arg(a, p))
        {
            if !op.args.iter().all(|&a| recompute(a, &mut needed)) {
                return None;
            }
            needed[i] = true;
        }
    }

    let mut short = Trace {
        inputs: looped.inputs.clone(),
        ops: Vec::new(),
        types: looped.types.clone(),
        // One empty snapshot for the guards to name (`close_at_label`
        // gives them real resume data).
        snapshots: vec![Snapshot {
            caller: None,
            frame: SnapshotFrame {
                greens: 0,
                slots: 0,
                resume: Resume::Dispatch,
                virtuals: None,
            },
        }],
        comments: Vec::new(),
        invalidation: 0,
    };
    let no_resume = || {
        Some(Box::new(GuardInfo {
            snapshot: 0,
            fail_args: Vec::new(),
            id: 0,
            virtuals: Default::default(),
        }))
    };
    for &(i, c) in &p.constant_inputs {
        let mut guard = Op::new(Opcode::GuardValue, vec![Arg::Var(looped.inputs[i]), c]);
        guard.guard = no_resume();
        short.ops.push(guard);
    }
    for (op, _) in preamble.iter().zip(&needed).filter(|(_, &n)| n) {
        let mut op = op.clone();
        if op.guard.is_some() {
            op.guard = no_resume();
        }
        short.ops.push(op);
    }
    short.ops.extend(loads);
    for (value, other) in checks {
        let other = match other {
            Role::Input(i) => Arg::Var(looped.inputs[*i]),
            Role::Carried(load) => {
                let mut load = load.clone();
                let loaded = short.new_var(short.type_of(value));
                load.res = Some(loaded);
                short.ops.push(load);
                Arg::Var(loaded)
            }
        };
        // Dropped by the guards pass once the trace the short preamble
        // goes into knows the two are the same value.
        let mut guard = Op::new(Opcode::GuardValue, vec![other, value]);
        guard.guard = no_resume();
        short.ops.push(guard);
    }
    short.ops.push(Op::new(Opcode::Jump, jump_args));
    super::verify(&short).ok()?;
    Some(short)
}

fn is_invariant_arg(a: Arg, p: &Peeling) -> bool {
    a.as_var()
        .is_none_or(|v| p.invariant.get(v.index()).copied().unwrap_or(false))
}

/// Close `trace`, which ends with `jump(…, descr=loopN)`, at loop `N`'s label
/// instead: its jump is replaced by the loop's short preamble `short` (its
/// inputs are the jump's arguments) and a `jump` with `descr=labelN`. The
/// short preamble's guards resume where the trace's last guard does: the
/// `guard_not_interrupted` the recorder puts before every loop-closing
/// jump, whose resume point is the loop's start with the jump's values, so
/// that failing one is the same as having jumped to the loop's start.
/// `None` when the trace does not end so, or has no such guard for a short
/// preamble that has guards. The result is meant to be optimized: what the
/// trace already knows makes some of the short preamble go away.
pub fn close_at_label(trace: &Trace, loop_id: u32, short: &Trace) -> Option<Trace> {
    let (jump, ops) = trace.ops.split_last()?;
    if jump.opcode != Opcode::Jump
        || !matches!(jump.descr, Descr::Loop(n) if n == loop_id)
        || jump.args.len() != short.inputs.len()
    {
        return None;
    }
    let (short_jump, short_ops) = short.ops.split_last()?;
    let mut subst: Vec<Option<Arg>> = vec![None; short.types.len()];
    for (&x, &a) in short.inputs.iter().zip(&jump.args) {
        if trace.type_of(a) != short.types[x.index()] {
            return None;
        }
        subst[x.index()] = Some(a);
    }
    let resume = match ops.iter().rev().find(|op| op.guard.is_some()) {
        Some(op) if op.opcode == Opcode::GuardNotInterrupted => op.guard.clone(),
        _ if short_ops.iter().any(|op| op.guard.is_some()) => return None,
        _ => None,
    };
    let mut out = trace.clone();
    out.ops.pop();
    let map = |a: Arg, subst: &[Option<Arg>]| match a {
        Arg::Var(v) => subst[v.index()],
        c => Some(c),
    };
    for op in short_ops {
        let mut op = op.clone();
        for a in &mut op.args {
            *a = map(*a, &subst)?;
        }
        if op.guard.is_some() {
            op.guard = resume.clone();
        }
        if let Some(r) = op.res {
            let fresh = out.new_var(short.types[r.index()]);
            subst[r.index()] = Some(Arg::Var(fresh));
            op.res = Some(fresh);
        }
        out.ops.push(op);
    }
    let args = short_jump
        .args
        .iter()
        .map(|&a| map(a, &subst))
        .collect::<Option<Vec<Arg>>>()?;
    let mut jump = Op::new(Opcode::Jump, args);
    jump.descr = Descr::Label(loop_id);
    out.ops.push(jump);
    Some(out)
}
