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
//!
//! An object may own Rust memory (a big integer holding a `num_bigint::BigInt`
//! keeps its digits in a `Vec`): `alloc_payload` moves a Rust value into a new
//! object, `payload` reads it, and `drop_payload`, registered as the type's
//! drop function (`gc::register_drop`), drops it when the object dies.

use crate::gc;
use crate::ir::{ArrayDescr, SizeDescr};

/// Allocate a zeroed fixed-size object.
#[inline]
pub extern "C" fn alloc_object(d: &'static SizeDescr) -> usize {
    gc::alloc(d.size as usize, d.type_id)
}

/// Allocate a zeroed array of `len` items (a negative length is treated as 0;
/// interpreters check lengths before they allocate).
#[inline]
pub extern "C" fn alloc_array(d: &'static ArrayDescr, len: i64) -> usize {
    let len = len.max(0) as usize;
    let bytes = array_bytes(d, len);
    let addr = gc::alloc_array(d, bytes);
    // SAFETY: `addr` was just allocated with room for the descriptor's
    // length word, and is on this frame's stack.
    unsafe { store(addr, d.len_offset as i64, 8, len as u64) };
    addr
}

/// The bytes an array of `len` items of `d` takes (`usize::MAX` if that
/// overflows, which no heap can satisfy).
#[inline(always)]
pub fn array_bytes(d: &ArrayDescr, len: usize) -> usize {
    len.checked_mul(d.item_size as usize)
        .and_then(|b| b.checked_add(d.items_offset as usize))
        .unwrap_or(usize::MAX)
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

/// Where `alloc_payload` puts its Rust value: right after the header.
pub const PAYLOAD_OFFSET: usize = 8;

/// Allocate an object of type `d` that owns `value`, moved to
/// `PAYLOAD_OFFSET`. Panics if `d.size` leaves no room for it or `T` needs
/// an alignment above 8. Register a layout for the type (its references,
/// `TypeLayout::Fixed { refs: vec![] }` if the value holds none) and
/// `drop_payload::<T>` as its drop function before the first allocation
/// (the collector calls it only for a `T` that needs dropping).
///
/// # Safety
///
/// The drop function registered for `d.type_id` must be `drop_payload::<T>`
/// (or one that drops the `T` at `PAYLOAD_OFFSET` the same way).
pub unsafe fn alloc_payload<T>(d: &'static SizeDescr, value: T) -> usize {
    assert!(
        std::mem::align_of::<T>() <= 8
            && PAYLOAD_OFFSET + std::mem::size_of::<T>() <= d.size as usize,
        "heap::alloc_payload: a {} does not fit in a {} ({} bytes)",
        std::any::type_name::<T>(),
        d.name,
        d.size
    );
    // A `T` without drop glue has nothing to finalize: its object need not
    // be one the collector calls the drop function for.
    let obj = if std::mem::needs_drop::<T>() {
        // SAFETY: the value is written below, before anything can
        // allocate, and the caller registered the matching drop function.
        unsafe { gc::alloc_owning(d.size as usize, d.type_id) }
    } else {
        gc::alloc(d.size as usize, d.type_id)
    };
    // SAFETY: the object is fresh, 8-byte aligned, with room for a `T` at
    // the offset (checked above); nothing else refers to that memory.
    unsafe { std::ptr::write((obj + PAYLOAD_OFFSET) as *mut T, value) };
    obj
}

/// The Rust value of an object made by `alloc_payload::<T>`.
///
/// # Safety
///
/// `obj` must be a live object made by `alloc_payload::<T>`, and stay alive
/// while the reference is used (the reference itself, an interior pointer,
/// keeps the object alive while it is on the stack or in a register).
pub unsafe fn payload<'a, T>(obj: usize) -> &'a T {
    // SAFETY: the caller guarantees a live object holding an initialized `T`
    // at the offset; it is only ever read through shared references.
    unsafe { &*((obj + PAYLOAD_OFFSET) as *const T) }
}

/// The drop function (`gc::register_drop`) for objects made by
/// `alloc_payload::<T>`: drops the `T`, freeing what it owns.
///
/// # Safety
///
/// `obj` must be an object made by `alloc_payload::<T>` that is dead, and
/// this is called once for it (the collector guarantees both).
pub unsafe fn drop_payload<T>(obj: usize) {
    // SAFETY: the caller guarantees an initialized `T` at the offset that
    // nothing will read again.
    unsafe { std::ptr::drop_in_place((obj + PAYLOAD_OFFSET) as *mut T) }
}
