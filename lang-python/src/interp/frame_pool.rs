//! Frames of finished calls, kept for the next call that needs one of the
//! same size.
//!
//! A plain-mode call of a Python function (`Py::call_function`), and a
//! call from Rust (`runtime::call_object`: operators' dunder methods,
//! `sorted`'s key...), takes its frame from here and gives it back when
//! the call has completed: nothing
//! keeps a frame past its call (generators, whose frames live on, never
//! come here, and helpers only read or write a frame while it runs), so a
//! program's hot calls reuse a few frames that stay in the cache instead
//! of filling the heap with dead ones for the collector. A frame given
//! back is cleared at once, so the pool keeps no object alive; the pool's
//! frames are roots of the collector.

use crate::objects::{self, Value};
use metajit::gc;
use std::cell::RefCell;

/// The largest frame (in slots) the pool keeps.
const MAX_SLOTS: usize = 64;
/// How many frames of one size it keeps (a recursion deeper than that
/// allocates the rest).
const PER_SIZE: usize = 8;

thread_local! {
    static POOL: RefCell<[Vec<Value>; MAX_SLOTS + 1]> =
        const { RefCell::new([const { Vec::new() }; MAX_SLOTS + 1]) };
}

/// A cleared frame of `size` slots, if the pool has one.
#[inline]
pub fn take(size: u32) -> Option<Value> {
    POOL.with(|p| p.borrow_mut().get_mut(size as usize)?.pop())
}

/// Give back the frame `frame` of `size` slots, whose call has completed.
#[inline]
pub fn give(frame: Value, size: u32) {
    if size as usize > MAX_SLOTS {
        return;
    }
    POOL.with(|p| {
        let mut p = p.borrow_mut();
        let kept = &mut p[size as usize];
        if kept.len() < PER_SIZE {
            objects::heap::clear_frame(frame);
            kept.push(frame);
        }
    })
}

/// Make the pooled frames roots of the collector.
pub fn register_tracer() {
    gc::add_root_tracer(Box::new(|visit| {
        POOL.with(|p| {
            for &frame in p.borrow().iter().flatten() {
                visit(frame)
            }
        })
    }));
}
