//! Quasi-immutable fields: read as constants by compiled code, and written,
//! rarely, by invalidating that code.
//!
//! A class's method table, a module's globals dictionary, a predicate
//! table: read at nearly every instruction, changed a few times per run. The
//! interpreter reads such a field of an object it knows as a constant (a
//! green, or a promoted value) with `Mode::quasi_immutable`: the recorder
//! takes the value as a constant of the trace, records
//! `guard_not_invalidated`, and notes that the trace depends on the field's
//! descriptor. Every write goes through `Mode::set_quasi_immutable`, which
//! invalidates every compiled trace that depends on the descriptor: it sets
//! the trace's *invalidation flag*, a byte that the trace's
//! `guard_not_invalidated` tests, so even a loop that is running now fails
//! its next check, and the driver stops entering it. Dependencies are kept
//! per descriptor, not per object: a write to one class's table invalidates
//! the code that read any class's table, which is coarse but cheap and
//! right for what changes rarely.

use crate::ir::FieldDescr;
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// A compiled trace's invalidation flag: nonzero once the trace is invalid.
pub(crate) type Flag = Rc<Cell<u8>>;

thread_local! {
    /// Descriptor address -> flags of the traces that read such a field.
    static DEPENDENTS: RefCell<HashMap<usize, Vec<Flag>>> = RefCell::new(HashMap::new());
}

fn key(d: &'static FieldDescr) -> usize {
    d as *const FieldDescr as usize
}

/// Make the trace whose flag is `flag` depend on the fields `descrs`.
pub(crate) fn depend(flag: &Flag, descrs: &[&'static FieldDescr]) {
    DEPENDENTS.with(|deps| {
        let mut deps = deps.borrow_mut();
        for &d in descrs {
            let flags = deps.entry(key(d)).or_default();
            // A trace invalidated through another field is still listed
            // here: drop such flags as new ones come, so that a field never
            // written does not collect the flags of every dead trace.
            flags.retain(|f| f.get() == 0);
            flags.push(flag.clone());
        }
    });
}

/// A field described by `d` is about to change: invalidate what read one.
/// The modes call it from `set_quasi_immutable`; a language runtime calls
/// it when it changes, outside the modes, what such a field stands for (a
/// dict written by a helper).
pub fn invalidate(d: &'static FieldDescr) {
    let flags = DEPENDENTS.with(|deps| deps.borrow_mut().remove(&key(d)));
    for flag in flags.into_iter().flatten() {
        flag.set(1);
    }
}

/// `invalidate` for compiled code: the descriptor's address as a word.
///
/// # Safety
///
/// `d` is the address of a `&'static FieldDescr` (compiled code passes
/// only the constant the recorder put there).
pub(crate) unsafe extern "C" fn invalidate_descr(d: u64) -> u64 {
    // SAFETY: the caller passes the address of a `&'static FieldDescr`.
    let d: &'static FieldDescr = unsafe { &*(d as usize as *const FieldDescr) };
    invalidate(d);
    0
}

/// The call a trace records before writing a quasi-immutable field.
pub(crate) static INVALIDATE: crate::ir::CallDescr = crate::ir::CallDescr::of(
    "invalidate",
    invalidate_descr as unsafe extern "C" fn(u64) -> u64,
    crate::ir::Effects {
        kind: crate::ir::EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);
