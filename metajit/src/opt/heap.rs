//! The heap cache: load/store forwarding (RPython's `heap.py`, simplified).
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

use super::{empty_like, Forward};
use crate::ir::{Arg, Descr, DescrRef, EffectKind, Op, OpClass, Opcode, Trace};
use std::collections::HashMap;

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

pub fn run(trace: &Trace) -> Trace {
    let mut out = empty_like(trace);
    let mut fwd = Forward::new(trace);
    let mut cache = Cache::default();
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
                cache.values.insert(loc, Arg::Var(res));
            }
            Opcode::Setfield | Opcode::Setarrayitem => {
                let loc = location(&op).expect("stores carry a field or array descriptor");
                if !cache.store(loc, *op.args.last().unwrap()) {
                    continue;
                }
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
                cache = Cache::default();
                fwd.label(&mut out, &op);
                continue;
            }
            opcode if opcode.class() == OpClass::Call => cache.forget_written_by(op.descr),
            _ => {}
        }
        out.ops.push(op);
    }
    out
}
