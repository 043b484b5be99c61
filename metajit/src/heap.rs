//! The object heap: allocation and word access by descriptor.
//!
//! Every object starts with a header word whose low 32 bits are its type id
//! (`backend::CLASS_OFFSET`); arrays keep their length at their descriptor's
//! `len_offset`. The plain mode, the recorder and the IR interpreter all read
//! and write objects through `load` and `store` here, and compiled code calls
//! `alloc_object` / `alloc_array` for `new` / `new_array`, so this file is the
//! one place that touches object memory from Rust. `load`, `store` and
//! `type_id` take raw addresses, so they are `unsafe`: each caller says why
//! the address is a live object and the offset inside it (for the modes,
//! the `Mode` contract in hints.rs).
//!
//! Memory is managed by `gc`: a non-moving, per-thread mark-sweep heap.
//! Objects are zeroed and 8-byte aligned, and stay at their address until
//! nothing (stack, registers, roots, other objects, compiled code) refers
//! to them. Array layouts are derived from their descriptors; fixed-size
//! objects are scanned by the layout their language registered with
//! `gc::register_type`, or conservatively.

use crate::gc;
use crate::ir::{ArrayDescr, SizeDescr};

/// Allocate a zeroed fixed-size object.
pub extern "C" fn alloc_object(d: &'static SizeDescr) -> usize {
    gc::alloc(d.size as usize, d.type_id)
}

/// Allocate a zeroed array of `len` items (a negative length is treated as 0;
/// interpreters check lengths before they allocate).
pub extern "C" fn alloc_array(d: &'static ArrayDescr, len: i64) -> usize {
    let len = len.max(0) as usize;
    let bytes = len
        .checked_mul(d.item_size as usize)
        .and_then(|b| b.checked_add(d.items_offset as usize))
        .unwrap_or(usize::MAX);
    let addr = gc::alloc_array(d, bytes);
    // SAFETY: `addr` was just allocated with room for the descriptor's
    // length word, and is on this frame's stack.
    unsafe { store(addr, d.len_offset as i64, 8, len as u64) };
    addr
}

/// Read `size` (1 or 8) bytes at `addr + offset`, zero-extended.
///
/// # Safety
///
/// `addr` must be an object allocated on this thread's heap that is still
/// reachable (the collector may free anything nothing refers to), and the
/// `size` bytes at `offset` must lie inside it: an offset from a descriptor
/// of the object's type, or an array item whose index was checked against
/// the length.
#[inline(always)]
pub unsafe fn load(addr: usize, offset: i64, size: u8) -> u64 {
    debug_assert!(addr != 0, "load through a null reference");
    let p = (addr as i64 + offset) as usize;
    // SAFETY: the caller guarantees the bytes are inside a live object.
    unsafe {
        if size == 1 {
            *(p as *const u8) as u64
        } else {
            *(p as *const u64)
        }
    }
}

/// Write `size` (1 or 8) bytes at `addr + offset`.
///
/// # Safety
///
/// As for `load`: the bytes must lie inside a live object of this thread's
/// heap. Writing a reference into an object is what keeps its target alive,
/// so a reference field must only ever hold 0, a tagged word or an object.
#[inline(always)]
pub unsafe fn store(addr: usize, offset: i64, size: u8, value: u64) {
    debug_assert!(addr != 0, "store through a null reference");
    let p = (addr as i64 + offset) as usize;
    // SAFETY: the caller guarantees the bytes are inside a live object.
    unsafe {
        if size == 1 {
            *(p as *mut u8) = value as u8
        } else {
            *(p as *mut u64) = value
        }
    }
}

/// The offset of item `index` of an array.
#[inline(always)]
pub fn item_offset(d: &ArrayDescr, index: i64) -> i64 {
    d.items_offset as i64 + index * d.item_size as i64
}

/// The type id in an object's header.
///
/// # Safety
///
/// `addr` must be a live object of this thread's heap (see `load`).
#[inline(always)]
pub unsafe fn type_id(addr: usize) -> u32 {
    // SAFETY: every object starts with its header word.
    unsafe { load(addr, crate::backend::CLASS_OFFSET as i64, 8) as u32 }
}
