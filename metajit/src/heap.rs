//! The object heap: allocation and word access by descriptor.
//!
//! Every object starts with a header word whose low 32 bits are its type id
//! (`backend::CLASS_OFFSET`); arrays keep their length at their descriptor's
//! `len_offset`. The plain mode, the recorder and the IR interpreter all read
//! and write objects through `load` and `store` here, and compiled code calls
//! `alloc_object` / `alloc_array` for `new` / `new_array`, so this file is the
//! one place that touches object memory from Rust.
//!
//! This first heap is an arena per thread: objects are zeroed, 8-byte
//! aligned, and live until the thread ends. It has the interface the
//! garbage-collected heap (issue "Runtime") will keep: allocate from a
//! descriptor, read and write words at offsets.

use crate::ir::{ArrayDescr, SizeDescr};
use std::cell::RefCell;

thread_local! {
    static ARENA: RefCell<Vec<Box<[u64]>>> = const { RefCell::new(Vec::new()) };
}

fn alloc_words(words: usize, type_id: u32) -> usize {
    let mut block = vec![0u64; words.max(1)].into_boxed_slice();
    block[0] = type_id as u64;
    let addr = block.as_mut_ptr() as usize;
    ARENA.with(|a| a.borrow_mut().push(block));
    addr
}

/// Allocate a zeroed fixed-size object.
pub extern "C" fn alloc_object(d: &'static SizeDescr) -> usize {
    alloc_words((d.size as usize).div_ceil(8), d.type_id)
}

/// Allocate a zeroed array of `len` items (a negative length is treated as 0;
/// interpreters check lengths before they allocate).
pub extern "C" fn alloc_array(d: &'static ArrayDescr, len: i64) -> usize {
    let len = len.max(0) as usize;
    let bytes = d.items_offset as usize + len * d.item_size as usize;
    let addr = alloc_words(bytes.div_ceil(8), d.type_id);
    store(addr, d.len_offset as i64, 8, len as u64);
    addr
}

/// Read `size` (1 or 8) bytes at `addr + offset`, zero-extended.
#[inline(always)]
pub fn load(addr: usize, offset: i64, size: u8) -> u64 {
    debug_assert!(addr != 0, "load through a null reference");
    let p = (addr as i64 + offset) as usize;
    // SAFETY: `addr` is an object this heap allocated and `offset` comes from
    // a descriptor of that object's type (or a bounds-checked array index),
    // so the bytes are inside the object, which the arena keeps alive.
    unsafe {
        if size == 1 {
            *(p as *const u8) as u64
        } else {
            *(p as *const u64)
        }
    }
}

/// Write `size` (1 or 8) bytes at `addr + offset`.
#[inline(always)]
pub fn store(addr: usize, offset: i64, size: u8, value: u64) {
    debug_assert!(addr != 0, "store through a null reference");
    let p = (addr as i64 + offset) as usize;
    // SAFETY: as for `load`: the location is inside a live object.
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
#[inline(always)]
pub fn type_id(addr: usize) -> u32 {
    load(addr, crate::backend::CLASS_OFFSET as i64, 8) as u32
}
