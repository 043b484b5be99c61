//! The virtualizable's items carried around a peeled loop in registers
//! (RPython's "virtualizable fields as extra loop inputs"), for `unroll`.
//!
//! The recorder already keeps the items of the frame's virtualizable object
//! (`Mode::virtualizable`) in IR values inside one iteration, and stores
//! them before the trace's `jump` so that the object is right when the
//! trace ends. Peeling copies those stores into the loop body, where they
//! run every iteration although nothing reads the object between two
//! iterations. This module takes them out of the body:
//!
//! - the preamble is left as it is: it reads the items from the object and
//!   stores them before the `label`, so the object is right when the body
//!   is entered, from the preamble or from a bridge (whose trace stores
//!   them too before it jumps to the label);
//! - each item the body stores (a *sunk* item) becomes a label argument:
//!   the value the preamble stored enters the loop, the value the body
//!   stored last is what the `jump` passes (`unroll` adds the phi and the
//!   role that lets a short preamble load the item from the object);
//! - in the body, a store of a sunk item is dropped and the item's current
//!   value remembered; from the label on (and after each such store) the
//!   object's copy is *stale*: it may hold an earlier iteration's value;
//! - a guard whose resume data does not list a stale item gets it added to
//!   its outermost frame's virtual items (`ir::VirtualItems`, a new
//!   snapshot record, the value among its fail arguments), so failing
//!   writes it back before the interpreter takes the frame up
//!   (`resume.rs`), exactly as for the items the recorder kept unstored;
//! - before an operation that may read the object from memory (a load of
//!   it not at a constant index, a load of a sunk item, a call whose
//!   summary names the frame's descriptor), the stale items are written
//!   back, and they are fresh until the next dropped store.
//!
//! A body that may change the object behind the recorder's back is left
//! alone: a call that may write the frame or run the interpreter (the
//! recorder forgets the items there and reads them again), and a store
//! with the frame's descriptor into another object or at an index that is
//! not constant. Calls are judged as the recorder judges them
//! (`Recorder::around_call`): only `Random`, `ForcesFrames` or a summary
//! naming the descriptor can see the frame.
//!
//! The virtualizable is recognized from the resume data: the object and
//! descriptor that guards' outermost frames list virtual items of.

use super::heap::Location;
use crate::ir::{
    Arg, ArrayDescr, Descr, DescrRef, EffectKind, Op, OpClass, Opcode, Snapshot, Trace,
    VirtualItems,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The frame object whose items compiled code keeps in IR values.
#[derive(Copy, Clone, Debug)]
pub(crate) struct Vable {
    pub(crate) object: Arg,
    pub(crate) descr: &'static ArrayDescr,
}

/// The virtualizable of the loop's own frame, if the trace's guards name
/// one (and only one).
pub(crate) fn find(t: &Trace) -> Option<Vable> {
    let mut found: Option<Vable> = None;
    for g in t.ops.iter().filter_map(|op| op.guard.as_ref()) {
        let frames = t.frames_of(g.snapshot);
        let Some(items) = frames.first().and_then(|f| f.virtuals.as_ref()) else {
            continue;
        };
        let object = *g.fail_args.get(items.object as usize)?;
        match found {
            None => {
                found = Some(Vable {
                    object,
                    descr: items.descr,
                })
            }
            Some(f) if f.object == object && std::ptr::eq(f.descr, items.descr) => {}
            Some(_) => return None,
        }
    }
    found
}

impl Vable {
    /// The heap location of item `k`.
    pub(crate) fn location(&self, k: i64) -> Location {
        (DescrRef::Array(self.descr), self.object, Some(Arg::Int(k)))
    }

    fn is_frame_descr(&self, op: &Op) -> bool {
        matches!(op.descr, Descr::Array(d) if std::ptr::eq(d, self.descr))
    }

    /// The item of the object that `op` loads or stores at a constant index.
    pub(crate) fn item(&self, op: &Op) -> Option<i64> {
        let class = op.opcode.class();
        if !(class == OpClass::Load || class == OpClass::Store)
            || op.opcode == Opcode::Arraylen
            || !self.is_frame_descr(op)
            || op.args[0] != self.object
        {
            return None;
        }
        match op.args[1] {
            Arg::Int(k) => Some(k),
            _ => None,
        }
    }

    /// May `op` change the object's items in a way the body cannot follow
    /// (so that nothing is sunk)?
    pub(crate) fn clobbers(&self, op: &Op) -> bool {
        match op.opcode.class() {
            OpClass::Store => self.is_frame_descr(op) && self.item(op).is_none(),
            OpClass::Call => match op.descr {
                Descr::Call(d) => {
                    let e = d.effects();
                    let forces = matches!(e.kind, EffectKind::Random | EffectKind::ForcesFrames);
                    e.kind != EffectKind::Elidable
                        && (forces || e.may_write(DescrRef::Array(self.descr)))
                }
                _ => true,
            },
            _ => false,
        }
    }

    /// May `op` read the object's items from memory?
    fn reads(&self, op: &Op) -> bool {
        match op.opcode.class() {
            OpClass::Load => op.opcode != Opcode::Arraylen && self.is_frame_descr(op),
            OpClass::Call => match op.descr {
                Descr::Call(d) => {
                    let e = d.effects();
                    e.kind != EffectKind::Elidable
                        && e.reads
                            .is_some_and(|r| r.contains(&DescrRef::Array(self.descr)))
                }
                _ => true,
            },
            _ => false,
        }
    }
}

/// Rewrite the peeled `body` so that the items in `entry` (item index ->
/// the label argument holding its value when an iteration starts) stay in
/// IR values: their stores are dropped, guards describe them, and they are
/// written back before anything that may read them from memory. New
/// snapshot records go into `out`.
pub(crate) fn sink(
    out: &mut Trace,
    body: Vec<Op>,
    v: Vable,
    entry: &BTreeMap<i64, Arg>,
) -> Vec<Op> {
    let mut current = entry.clone();
    let mut stale: BTreeSet<i64> = entry.keys().copied().collect();
    let mut records: HashMap<(u32, Vec<i64>), u32> = HashMap::new();
    let mut result = Vec::with_capacity(body.len());
    let write_back =
        |result: &mut Vec<Op>, stale: &mut BTreeSet<i64>, current: &BTreeMap<i64, Arg>| {
            for k in std::mem::take(stale) {
                let mut store = Op::new(
                    Opcode::Setarrayitem,
                    vec![v.object, Arg::Int(k), current[&k]],
                );
                store.descr = Descr::Array(v.descr);
                result.push(store);
            }
        };
    for mut op in body {
        if let Some(k) = v.item(&op).filter(|k| current.contains_key(k)) {
            if op.opcode == Opcode::Setarrayitem {
                current.insert(k, op.args[2]);
                stale.insert(k);
                continue;
            }
        }
        if v.reads(&op) {
            write_back(&mut result, &mut stale, &current);
        }
        if op.guard.is_some()
            && !stale.is_empty()
            && !describe(out, &mut op, v, &stale, &current, &mut records)
        {
            // Before the operation whose outcome the guard reads (an
            // overflow flag, a call's exception), which it must follow.
            let after = match result.last() {
                Some(prev) if matches!(prev.opcode.class(), OpClass::Ovf | OpClass::Call) => {
                    result.pop()
                }
                _ => None,
            };
            write_back(&mut result, &mut stale, &current);
            result.extend(after);
        }
        result.push(op);
    }
    result
}

/// Add the stale items a guard's resume data does not list to its
/// outermost frame's virtual items; false when that frame does not hold
/// the object among its slots (the caller writes the items back instead).
fn describe(
    out: &mut Trace,
    op: &mut Op,
    v: Vable,
    stale: &BTreeSet<i64>,
    current: &BTreeMap<i64, Arg>,
    records: &mut HashMap<(u32, Vec<i64>), u32>,
) -> bool {
    let Some(g) = op.guard.as_mut() else {
        return false;
    };
    let frames = out.frames_of(g.snapshot);
    let Some(&outer) = frames.first() else {
        return false;
    };
    let slots = outer.slots as usize;
    let listed: &[i64] = match &outer.virtuals {
        Some(items) => {
            if !std::ptr::eq(items.descr, v.descr)
                || g.fail_args.get(items.object as usize) != Some(&v.object)
            {
                return false;
            }
            &items.items
        }
        None => &[],
    };
    let object_slot = match &outer.virtuals {
        Some(items) => items.object,
        None => match g.fail_args[..slots.min(g.fail_args.len())]
            .iter()
            .position(|&a| a == v.object)
        {
            Some(i) => i as u32,
            None => return false,
        },
    };
    let added: Vec<i64> = stale
        .iter()
        .copied()
        .filter(|k| !listed.contains(k))
        .collect();
    if added.is_empty() {
        return true;
    }
    let at = outer.width();
    if at > g.fail_args.len() {
        return false;
    }
    g.fail_args.splice(at..at, added.iter().map(|k| current[k]));
    // Fail argument indices from `at` on moved by the added values.
    let moved = |i: &mut u32| {
        if *i as usize >= at {
            *i += added.len() as u32;
        }
    };
    for object in &mut g.virtuals.objects {
        for slot in &mut object.slots {
            moved(&mut slot.1);
        }
    }
    for r in &mut g.virtuals.refs {
        moved(&mut r.0);
    }
    for s in &mut g.virtuals.stores {
        moved(&mut s.object);
        moved(&mut s.value);
    }
    g.snapshot = extended(out, g.snapshot, object_slot, v, &added, records);
    true
}

/// The snapshot `s` with `added` appended to its outermost frame's virtual
/// items: new records of every frame of `s`, made once per `(s, added)`.
fn extended(
    out: &mut Trace,
    s: u32,
    object_slot: u32,
    v: Vable,
    added: &[i64],
    records: &mut HashMap<(u32, Vec<i64>), u32>,
) -> u32 {
    if let Some(&known) = records.get(&(s, added.to_vec())) {
        return known;
    }
    let old = out.snapshots[s as usize].clone();
    let record = match old.caller.filter(|&c| c < s) {
        Some(c) => Snapshot {
            caller: Some(extended(out, c, object_slot, v, added, records)),
            frame: old.frame,
        },
        None => {
            let mut frame = old.frame;
            let items = frame.virtuals.get_or_insert(VirtualItems {
                object: object_slot,
                descr: v.descr,
                items: Vec::new(),
            });
            items.items.extend_from_slice(added);
            Snapshot {
                caller: None,
                frame,
            }
        }
    };
    out.snapshots.push(record);
    let at = out.snapshots.len() as u32 - 1;
    records.insert((s, added.to_vec()), at);
    at
}
