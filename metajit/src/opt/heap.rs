//! The heap cache: load/store forwarding and lazy stores (RPython's
//! `heap.py`, simplified).
//!
//! One forward walk remembers, per descriptor, what the trace knows is in the
//! heap: the value of a field of an object, of an array item at an index,
//! and the length of an array. A load whose location is known is replaced by
//! the known value; a store of the value already there is dropped; a store
//! records the new value (unless an array item narrower than a word keeps
//! only part of it) and forgets what it may overwrite. Locations are
//! keyed by IR operands, so two different variables may be the same object:
//! a store through one forgets everything of that descriptor except what is
//! known about the very same operand (and, for arrays, other constant
//! indices of the same array).
//!
//! Calls forget what their effect summary says they may write (every
//! descriptor when the summary says "anything"); elidable calls forget
//! nothing. Descriptors are told apart by identity (`DescrRef`), as effect
//! summaries name them, never by name. Array lengths never change, so they are never forgotten, and
//! `new_array(n)` makes its length known. Everything is forgotten at a
//! `label`, where a jump back brings values this walk has not seen.
//!
//! Lazy stores (RPython's pending fields). A `setfield`, or a `setarrayitem`
//! at a constant index, is not emitted where it stands: it is *pending*, in
//! a list kept in trace order, and the cache already counts it as done (so
//! loads of its location are forwarded from it). A later store to the very
//! same location takes its place in the list (the first one never happens).
//! A pending store is emitted ("forced"), in its turn, just before whatever
//! could observe memory where it writes:
//! - a load the cache cannot answer, of the same descriptor at a location
//!   that may be the same (any other object may be the same object; only
//!   another constant index of the same array is surely elsewhere), and a
//!   store that is not made lazy (a variable index) that may overwrite it;
//! - a call whose summary may read or write its descriptor, that may run
//!   the interpreter (`Random`, `ForcesFrames`, `call_may_force_*`,
//!   `call_assembler_*`), or that takes its object as an argument;
//! - `label`, `jump` and `finish` (everything is forced), the end of the
//!   trace, and any operation this pass does not know.
//!
//! Forcing one store forces every earlier one it may alias too, so stores
//! to one place still happen in their order. A guard forces nothing: its
//! resume data lists the stores pending there (`ir::PendingStore`, object
//! and value as fail arguments, shared with the frames' when they are the
//! same operand), and resuming performs
//! them before the frames are taken up (`resume.rs`); a bridge from the
//! guard starts by recording them again (`Recorder::start`), so its own
//! optimizer makes them pending again or emits them.
//!
//! Stores into the frame's virtualizable (the array descriptor of some
//! frame's virtual items) are left where they are: the recorder already
//! keeps those items in IR values, and `vable.rs` sinks the stores of the
//! loop body with its own resume data, which must not be overtaken by an
//! older pending value. `unroll` carries the stores still pending at the end
//! of the loop body across the label (`sink_pending_stores` there).

use super::{empty_like, Forward};
use crate::ir::{
    Arg, Descr, DescrRef, EffectKind, GuardInfo, Op, OpClass, Opcode, PendingStore, Trace,
};
use std::collections::{HashMap, HashSet};

/// A heap location: descriptor (by identity), object, index (arrays only).
pub(crate) type Location = (DescrRef, Arg, Option<Arg>);

/// The location a load or store accesses.
pub(crate) fn location(op: &Op) -> Option<Location> {
    match op.descr {
        Descr::Field(d) => Some((DescrRef::Field(d), op.args[0], None)),
        Descr::Array(d) if op.opcode != Opcode::Arraylen && op.opcode != Opcode::NewArray => {
            Some((DescrRef::Array(d), op.args[0], Some(op.args[1])))
        }
        _ => None,
    }
}

/// What is known to be in the heap. `unroll` keeps one across the loop header.
#[derive(Default, Clone)]
pub(crate) struct Cache {
    pub(crate) values: HashMap<Location, Arg>,
    lengths: HashMap<Arg, Arg>,
}

impl Cache {
    /// A store of `descr` at `obj[index]` may change these locations.
    fn clobber(&mut self, descr: DescrRef, obj: Arg, index: Option<Arg>) {
        self.values.retain(|&(d, o, i), _| {
            if d != descr {
                return true;
            }
            if o != obj {
                return false;
            }
            // Same object: other constant indices of an array are untouched.
            match (i, index) {
                (Some(a), Some(b)) => a != b && a.is_const() && b.is_const(),
                _ => false,
            }
        });
    }

    /// Record a store; false if the location already held `value` (the
    /// store is redundant). An array item narrower than a word keeps the
    /// value's low bytes only, which a load reads back zero-extended: what
    /// is there is known only when the value is a constant that fits.
    pub(crate) fn store(&mut self, loc: Location, value: Arg) -> bool {
        if self.values.get(&loc) == Some(&value) {
            return false;
        }
        self.clobber(loc.0, loc.1, loc.2);
        let read_back = match loc.0 {
            DescrRef::Array(d) if d.item_size < 8 => {
                matches!(value, Arg::Int(c) if (c as u64) >> (8 * u32::from(d.item_size)) == 0)
            }
            _ => true,
        };
        if read_back {
            self.values.insert(loc, value);
        }
        true
    }

    pub(crate) fn forget_written_by(&mut self, descr: Descr) {
        let Descr::Call(call) = descr else { return };
        let effects = call.effects();
        if effects.kind == EffectKind::Elidable {
            return;
        }
        self.values.retain(|&(d, _, _), _| !effects.may_write(d));
    }
}

/// May a store at `a` change what is at `b`? Same descriptor, unless both
/// are the same array at two different constant indices.
pub(crate) fn may_alias(a: &Location, b: &Location) -> bool {
    if a.0 != b.0 {
        return false;
    }
    let elsewhere = a.1 == b.1
        && matches!((a.2, b.2), (Some(i), Some(j)) if i != j && i.is_const() && j.is_const());
    !elsewhere
}

/// Does the call `op` observe memory at `loc`: its summary may read or write
/// the descriptor, it may run the interpreter, or the object is one of its
/// arguments?
pub(crate) fn call_observes(op: &Op, loc: &Location) -> bool {
    let runs_interpreter = matches!(
        op.opcode,
        Opcode::CallMayForceI
            | Opcode::CallMayForceR
            | Opcode::CallMayForceF
            | Opcode::CallMayForceN
            | Opcode::CallAssemblerI
            | Opcode::CallAssemblerR
    );
    let by_summary = match op.descr {
        Descr::Call(d) => {
            let e = d.effects();
            matches!(e.kind, EffectKind::Random | EffectKind::ForcesFrames)
                || e.may_read(loc.0)
                || e.may_write(loc.0)
        }
        _ => true,
    };
    runs_interpreter || by_summary || op.args.contains(&loc.1)
}

/// The array descriptors of the frames' virtualizable items: stores with
/// them are never made lazy (module comment).
pub(crate) fn virtualizable_descrs(t: &Trace) -> HashSet<DescrRef> {
    t.snapshots
        .iter()
        .filter_map(|s| s.frame.virtuals.as_ref())
        .map(|v| DescrRef::Array(v.descr))
        .collect()
}

/// A store not emitted yet: where, what, and the operation that does it.
struct Pending {
    loc: Location,
    value: Arg,
    op: Op,
}

/// The stores not emitted yet, in trace order.
#[derive(Default)]
struct PendingStores {
    list: Vec<Pending>,
}

impl PendingStores {
    /// Emit, in order, the pending stores for which `observes` holds and
    /// every earlier one that may alias one of them.
    fn force_if(&mut self, out: &mut Trace, observes: impl Fn(&Location) -> bool) {
        let mut forced = vec![false; self.list.len()];
        for i in (0..self.list.len()).rev() {
            let loc = &self.list[i].loc;
            forced[i] = observes(loc)
                || (i + 1..self.list.len()).any(|j| forced[j] && may_alias(loc, &self.list[j].loc));
        }
        let mut k = 0;
        self.list.retain(|p| {
            let keep = !forced[k];
            k += 1;
            if !keep {
                out.ops.push(p.op.clone());
            }
            keep
        });
    }

    fn force_all(&mut self, out: &mut Trace) {
        self.force_if(out, |_| true);
    }

    /// Make the store `op` at `loc` pending, in place of one pending at the
    /// same location.
    fn add(&mut self, loc: Location, op: Op) {
        self.list.retain(|p| p.loc != loc);
        let value = *op.args.last().expect("a store has a value");
        self.list.push(Pending { loc, value, op });
    }

    /// List the pending stores in the guard's resume data.
    fn describe(&self, op: &mut Op) {
        let Some(g) = op.guard.as_deref_mut() else {
            return;
        };
        for p in &self.list {
            add_pending_store(g, p.loc, p.value);
        }
    }
}

/// Add the store of `value` at `loc` (a constant index, for an array) to
/// the stores pending at the guard `g`. Its object and value take fail
/// arguments the guard already has when it has them (not those that stand
/// for a virtual object: resuming writes the object's address there), or
/// new ones at the end.
pub(crate) fn add_pending_store(g: &mut GuardInfo, loc: Location, value: Arg) {
    let mut index_of = |a: Arg| {
        let known = (0..g.fail_args.len())
            .find(|&i| g.fail_args[i] == a && g.virtuals.object_at(i).is_none());
        known.unwrap_or_else(|| {
            g.fail_args.push(a);
            g.fail_args.len() - 1
        }) as u32
    };
    let object = index_of(loc.1);
    let value = index_of(value);
    g.virtuals.stores.push(PendingStore {
        descr: loc.0,
        index: loc.2.map(|i| match i {
            Arg::Int(c) => c,
            _ => unreachable!("only stores at constant indices are pending"),
        }),
        object,
        value,
    });
}

pub fn run(trace: &Trace) -> Trace {
    let mut out = empty_like(trace);
    let mut fwd = Forward::new(trace);
    let mut cache = Cache::default();
    let mut pending = PendingStores::default();
    let eager = virtualizable_descrs(trace);
    for op in &trace.ops {
        let mut op = op.clone();
        fwd.rewrite(&mut op);
        match op.opcode {
            Opcode::GetfieldI
            | Opcode::GetfieldR
            | Opcode::GetfieldF
            | Opcode::GetarrayitemI
            | Opcode::GetarrayitemR
            | Opcode::GetarrayitemF => {
                let loc = location(&op).expect("loads carry a field or array descriptor");
                let res = op.res.expect("loads have a result");
                if let Some(&known) = cache.values.get(&loc) {
                    fwd.replace(res, known);
                    continue;
                }
                pending.force_if(&mut out, |p| may_alias(p, &loc));
                cache.values.insert(loc, Arg::Var(res));
            }
            Opcode::Setfield | Opcode::Setarrayitem => {
                let loc = location(&op).expect("stores carry a field or array descriptor");
                if !cache.store(loc, *op.args.last().unwrap()) {
                    continue;
                }
                let lazy =
                    loc.2.is_none_or(|i| matches!(i, Arg::Int(_))) && !eager.contains(&loc.0);
                if lazy {
                    pending.add(loc, op);
                    continue;
                }
                pending.force_if(&mut out, |p| may_alias(p, &loc));
            }
            Opcode::Arraylen => {
                let res = op.res.expect("arraylen has a result");
                if let Some(&known) = cache.lengths.get(&op.args[0]) {
                    fwd.replace(res, known);
                    continue;
                }
                cache.lengths.insert(op.args[0], Arg::Var(res));
            }
            Opcode::NewArray => {
                let res = op.res.expect("new_array has a result");
                cache.lengths.insert(Arg::Var(res), op.args[0]);
            }
            Opcode::Label => {
                pending.force_all(&mut out);
                cache = Cache::default();
                fwd.label(&mut out, &op);
                continue;
            }
            opcode if opcode.class() == OpClass::Call => {
                pending.force_if(&mut out, |p| call_observes(&op, p));
                cache.forget_written_by(op.descr);
            }
            opcode if opcode.is_guard() => pending.describe(&mut op),
            opcode
                if matches!(
                    opcode.class(),
                    OpClass::Pure | OpClass::Ovf | OpClass::Alloc
                ) || opcode == Opcode::DebugMergePoint => {}
            _ => pending.force_all(&mut out),
        }
        out.ops.push(op);
    }
    pending.force_all(&mut out);
    out
}
