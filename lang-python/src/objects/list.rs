//! Lists as PyPy and CPython keep them: a small GC object holding the
//! length and a reference to a GC array of item slots (`LIST_STORAGE`),
//! whose length is the capacity (at least the list's length). Nothing of a
//! list lives in Rust memory, so it costs no `malloc` and no drop hook, and
//! compiled code reads and writes items with a field load and an array
//! access (`LIST_LEN`, `LIST_ITEMS_FIELD`, `LIST_ITEMS`).
//!
//! Growing allocates a larger array and copies, over-allocating as
//! CPython's `list_resize` does (amortized constant appends); shrinking
//! below half the capacity allocates a smaller one. A list that never
//! held an item has no array (the reference is 0), as does a list being
//! sorted (`take`), which looks empty meanwhile.
//!
//! GC safety: the array may be replaced by any operation that changes the
//! length, and allocating may collect. So the items are never handed out
//! as a borrowed slice: readers get one item by index (`get`), re-read
//! after anything that may run Python code, or a copy (`to_vec`, `rooted`).
//! Values being added are roots while a new array is allocated. Slots past
//! the length are kept 0, so they keep nothing alive.

use super::heap::{self, Value};
use super::{RootedVec, LIST, LIST_STORAGE};
use metajit::ir::{ArrayDescr, FieldDescr, Type};
use std::cell::Cell;
use std::mem::offset_of;

/// `list`: its length and its item array (0 while it has none).
#[repr(C)]
pub struct PyList {
    len: Cell<usize>,
    items: Cell<Value>,
}
crate::payload!(PyList, LIST, "list", |s, v| { v(s.items.get()) });

/// The item array of lists: capacity in the length word, references after.
pub static LIST_ITEMS: ArrayDescr = ArrayDescr {
    name: "list storage",
    type_id: LIST_STORAGE,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};

/// A list's length (a plain word, not tagged).
pub static LIST_LEN: FieldDescr = FieldDescr {
    name: "list.len",
    offset: 8 + offset_of!(PyList, len) as i32,
    ty: Type::Int,
};

/// A list's item array.
pub static LIST_ITEMS_FIELD: FieldDescr = FieldDescr {
    name: "list.items",
    offset: 8 + offset_of!(PyList, items) as i32,
    ty: Type::Ref,
};

/// Register the list's layout (its one reference) and its array's.
pub fn register() {
    metajit::gc::register_type(
        LIST,
        metajit::gc::TypeLayout::Fixed {
            refs: vec![LIST_ITEMS_FIELD.offset as u32],
        },
    );
    metajit::gc::register_type(LIST_STORAGE, metajit::gc::TypeLayout::of_array(&LIST_ITEMS));
}

/// A new list holding `items` (a capacity of exactly their number).
pub fn new_list(items: &[Value]) -> Value {
    let storage = if items.is_empty() {
        0
    } else {
        heap::alloc_ref_array(&LIST_ITEMS, items)
    };
    let size = <PyList as heap::Payload>::descr().size as usize;
    let obj = metajit::gc::alloc(size, LIST);
    // SAFETY: `obj` is a fresh, zeroed list object (registered with a
    // fixed layout, no drop function); the two words are its fields.
    // `storage` stays alive on this frame's stack until it is stored.
    unsafe {
        metajit::heap::store(obj, LIST_LEN.offset as i64, 8, items.len() as u64);
        metajit::heap::store(obj, LIST_ITEMS_FIELD.offset as i64, 8, storage as u64);
    }
    obj
}

/// CPython's over-allocation for a list growing to `len` items.
fn grown_capacity(len: usize) -> usize {
    (len + (len >> 3) + 6) & !3
}

impl PyList {
    #[inline]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    fn capacity(&self) -> usize {
        match self.items.get() {
            0 => 0,
            // SAFETY: a nonzero `items` is an array of `LIST_ITEMS`.
            a => unsafe { metajit::heap::load(a, LIST_ITEMS.len_offset as i64, 8) as usize },
        }
    }

    /// The address of slot `i` of the item array (`i` below the capacity).
    #[inline]
    fn slot(&self, i: usize) -> *mut Value {
        (self.items.get() + LIST_ITEMS.items_offset as usize + 8 * i) as *mut Value
    }

    /// Item `i`, if `i` is below the length.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        if i >= self.len.get() {
            return None;
        }
        // SAFETY: `i` is below the length, so below the capacity of the
        // (nonzero) item array.
        Some(unsafe { *self.slot(i) })
    }

    /// Set item `i` (below the length; false, and nothing done, if not).
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> bool {
        if i >= self.len.get() {
            return false;
        }
        // SAFETY: as in `get`. The heap has no write barrier.
        unsafe { *self.slot(i) = v };
        true
    }

    /// A copy of the items, in Rust memory (not a root).
    pub fn to_vec(&self) -> Vec<Value> {
        (0..self.len()).filter_map(|i| self.get(i)).collect()
    }

    /// A copy of the items the collector sees.
    pub fn rooted(&self) -> RootedVec {
        RootedVec::from_vec(self.to_vec())
    }

    /// Make room for `new_len` items (the capacity grows or shrinks per
    /// the policy above) and set the length, keeping the first
    /// `min(len, new_len)` items; new slots hold 0 until written. `roots`
    /// stay alive across the allocation.
    fn resize(&self, new_len: usize, roots: &[Value]) {
        let (len, cap) = (self.len(), self.capacity());
        if new_len <= cap && new_len >= cap / 2 {
            for i in new_len..len {
                // SAFETY: slots below the old length are within the array.
                unsafe { *self.slot(i) = 0 };
            }
            self.len.set(new_len);
            return;
        }
        let new_cap = if new_len == 0 {
            0
        } else if new_len > cap {
            grown_capacity(new_len).max(new_len)
        } else {
            new_len + (new_len >> 3)
        };
        let storage = if new_cap == 0 {
            0
        } else {
            heap::alloc_rooted_array(&LIST_ITEMS, new_cap, roots)
        };
        let keep = len.min(new_len);
        if keep > 0 {
            // SAFETY: both arrays have at least `keep` slots and are
            // distinct objects; the old one is still the list's.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    self.slot(0),
                    (storage + LIST_ITEMS.items_offset as usize) as *mut Value,
                    keep,
                )
            };
        }
        self.items.set(storage);
        self.len.set(new_len);
    }

    pub fn push(&self, v: Value) {
        let n = self.len();
        self.resize(n + 1, &[v]);
        // SAFETY: `n` is below the new length.
        unsafe { *self.slot(n) = v };
    }

    pub fn extend(&self, items: &[Value]) {
        let n = self.len();
        self.replace_range(n, n, items);
    }

    /// Replace the items `a..b` (clamped to the length, `b` at least `a`)
    /// by `new` (the slice assignment `l[a:b] = new`).
    pub fn replace_range(&self, a: usize, b: usize, new: &[Value]) {
        let len = self.len();
        let a = a.min(len);
        let b = b.clamp(a, len);
        let new_len = len - (b - a) + new.len();
        // Still in the old array while a new one is allocated: alive.
        let tail: Vec<Value> = (b..len).filter_map(|i| self.get(i)).collect();
        if new_len > len {
            self.resize(new_len, new);
        }
        for (k, &x) in new.iter().chain(tail.iter()).enumerate() {
            // SAFETY: `a + k` stays below `max(len, new_len)`, within the
            // array (the length is lowered only below).
            unsafe { *self.slot(a + k) = x };
        }
        if new_len < len {
            self.resize(new_len, &[]);
        }
    }

    pub fn insert(&self, i: usize, v: Value) {
        self.replace_range(i, i, &[v]);
    }

    /// Remove and return item `i`, if `i` is below the length.
    pub fn remove(&self, i: usize) -> Option<Value> {
        let v = self.get(i)?;
        self.replace_range(i, i + 1, &[]);
        Some(v)
    }

    /// Make the list hold exactly `items`.
    pub fn set_all(&self, items: &[Value]) {
        self.replace_range(0, self.len(), items);
    }

    pub fn clear(&self) {
        self.items.set(0);
        self.len.set(0);
    }

    /// The items, leaving the list empty and without an array (as CPython
    /// does during a sort): a mutation meanwhile gives it one again, which
    /// `has_storage` tells.
    pub fn take(&self) -> RootedVec {
        let items = self.rooted();
        self.clear();
        items
    }

    pub fn has_storage(&self) -> bool {
        self.items.get() != 0
    }

    pub fn reverse(&self) {
        let n = self.len();
        for i in 0..n / 2 {
            // SAFETY: both indexes are below the length.
            unsafe { std::ptr::swap(self.slot(i), self.slot(n - 1 - i)) };
        }
    }
}
