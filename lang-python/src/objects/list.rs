//! Lists as PyPy and CPython keep them: a small GC object holding the
//! length and a reference to a GC array of item slots (`LIST_STORAGE`),
//! whose length is the capacity (at least the list's length). Nothing of a
//! list lives in Rust memory, so it costs no `malloc` and no drop hook, and
//! compiled code reads and writes items with a field load and an array
//! access (`LIST_LEN`, `LIST_ITEMS_FIELD`, `LIST_ITEMS`).
//!
//! Growing allocates a larger array and copies, at least doubling the
//! capacity (amortized constant appends: unlike `realloc` in CPython's
//! `list_resize`, a GC array never grows in place, so each step copies and
//! leaves garbage, and fewer, larger steps pay); shrinking below a quarter
//! of the capacity allocates one of twice the length. A list that never
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
    list_of_storage(storage, items.len())
}

/// A new list of the `len` items `item(0)`, `item(1)`...: they must be
/// alive without help during the allocations (held by other objects, a
/// frame for instance), and `item` must not allocate.
pub fn new_list_with(len: usize, item: impl Fn(usize) -> Value) -> Value {
    new_list_filled(len, |to| {
        for i in 0..len {
            // SAFETY: the new array has `len` slots.
            unsafe { to.add(i).write(item(i)) };
        }
    })
}

/// A new list of `len` items that `fill` writes into its array (given the
/// address of the first slot). The items must be alive without help
/// during the allocations (held by other lists or tuples), and `fill`
/// must not allocate.
fn new_list_filled(len: usize, fill: impl FnOnce(*mut Value)) -> Value {
    if len == 0 {
        return list_of_storage(0, 0);
    }
    let storage = heap::alloc_rooted_array(&LIST_ITEMS, len, &[]);
    fill((storage + LIST_ITEMS.items_offset as usize) as *mut Value);
    list_of_storage(storage, len)
}

/// A new list object whose items are the first `len` of `storage`.
fn list_of_storage(storage: Value, len: usize) -> Value {
    let size = <PyList as heap::Payload>::descr().size as usize;
    let obj = metajit::gc::alloc(size, LIST);
    // SAFETY: `obj` is a fresh, zeroed list object (registered with a
    // fixed layout, no drop function); the two words are its fields.
    // `storage` stays alive on this frame's stack until it is stored.
    unsafe {
        metajit::heap::store(obj, LIST_LEN.offset as i64, 8, len as u64);
        metajit::heap::store(obj, LIST_ITEMS_FIELD.offset as i64, 8, storage as u64);
    }
    obj
}

/// A new list of the items `a..b` of `list` (`a <= b <= len`).
pub fn slice_to_list(list: &PyList, a: usize, b: usize) -> Value {
    let b = b.min(list.len());
    let a = a.min(b);
    new_list_filled(b - a, |to| {
        // SAFETY: `a..b` is within the list's items; the new array has
        // `b - a` slots and is a distinct object.
        unsafe { std::ptr::copy_nonoverlapping(list.slot(a), to, b - a) }
    })
}

/// A new list of the items of `x` followed by those of `y`.
pub fn concat(x: &PyList, y: &PyList) -> Value {
    let (m, n) = (x.len(), y.len());
    new_list_filled(m + n, |to| {
        // SAFETY: the new array has `m + n` slots; each source range is
        // within its list's items.
        unsafe {
            if m > 0 {
                std::ptr::copy_nonoverlapping(x.slot(0), to, m);
            }
            if n > 0 {
                std::ptr::copy_nonoverlapping(y.slot(0), to.add(m), n);
            }
        }
    })
}

/// The capacity of a list of capacity `cap` that must hold `len` items.
fn grown_capacity(cap: usize, len: usize) -> usize {
    len.max(2 * cap).max(4)
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

    #[inline]
    fn capacity(&self) -> usize {
        match self.items.get() {
            0 => 0,
            a => heap::array_len(a, &LIST_ITEMS),
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
        if self.is_empty() {
            return Vec::new();
        }
        // SAFETY: the first `len` slots of the (nonzero) array are items.
        unsafe { std::slice::from_raw_parts(self.slot(0), self.len()) }.to_vec()
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
        if new_len <= cap && new_len >= cap / 4 {
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
            grown_capacity(cap, new_len)
        } else {
            2 * new_len
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

    #[inline]
    pub fn push(&self, v: Value) {
        let n = self.len();
        if n < self.capacity() {
            // SAFETY: `n` is below the capacity.
            unsafe { *self.slot(n) = v };
            self.len.set(n + 1);
        } else {
            self.grow_and_push(v);
        }
    }

    #[inline(never)]
    fn grow_and_push(&self, v: Value) {
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
        let tail = len - b;
        if new_len > self.capacity() {
            // A larger array: the items before `a` and from `b` copied to
            // their places, `new` written between.
            let storage = heap::alloc_rooted_array(
                &LIST_ITEMS,
                grown_capacity(self.capacity(), new_len),
                new,
            );
            let to = (storage + LIST_ITEMS.items_offset as usize) as *mut Value;
            // SAFETY: the old array holds `len` items, the new one has
            // room for `new_len`; they are distinct objects.
            unsafe {
                if len > 0 {
                    std::ptr::copy_nonoverlapping(self.slot(0), to, a);
                    std::ptr::copy_nonoverlapping(self.slot(b), to.add(a + new.len()), tail);
                }
                std::ptr::copy_nonoverlapping(new.as_ptr(), to.add(a), new.len());
            }
            self.items.set(storage);
            self.len.set(new_len);
            return;
        }
        // In place: the tail moves, `new` is written, vacated slots are
        // cleared; then the array shrinks if it is mostly empty.
        if tail > 0 && new.len() != b - a {
            // SAFETY: source and destination ranges are within the
            // capacity (`a + new.len() + tail == new_len`); `copy`
            // allows overlap.
            unsafe { std::ptr::copy(self.slot(b), self.slot(a + new.len()), tail) };
        }
        if !new.is_empty() {
            // SAFETY: `a + new.len() <= new_len <= capacity`.
            unsafe { std::ptr::copy_nonoverlapping(new.as_ptr(), self.slot(a), new.len()) };
        }
        // Every slot below the larger length is written: `resize` keeps
        // the first `new_len` if it moves them and clears the rest.
        self.len.set(len.max(new_len));
        self.resize(new_len, &[]);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn int(n: usize) -> Value {
        metajit::value::tag(n as i64) as Value
    }

    fn list(v: Value) -> &'static PyList {
        super::super::get::<PyList>(v).expect("a list")
    }

    /// Random edits applied to a list and to a `Vec` agree, and slots
    /// past the length stay 0, while the array grows and shrinks.
    #[test]
    fn edits_match_a_vec() {
        super::super::register_types();
        let l = new_list(&[int(1), int(2)]);
        let mut model = vec![int(1), int(2)];
        let mut seed = 12345u64;
        let mut next = |bound: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % bound.max(1)
        };
        for step in 0..20000 {
            let len = model.len();
            match next(6) {
                0 | 1 => {
                    list(l).push(int(step));
                    model.push(int(step));
                }
                2 => {
                    let i = next(len + 1);
                    list(l).insert(i, int(step));
                    model.insert(i, int(step));
                }
                3 if len > 0 => {
                    let i = next(len);
                    assert_eq!(list(l).remove(i), Some(model.remove(i)));
                }
                4 => {
                    let (a, b) = (next(len + 1), next(len + 1));
                    let new: Vec<Value> = (0..next(if step % 500 == 0 { 300 } else { 5 }))
                        .map(int)
                        .collect();
                    list(l).replace_range(a, b, &new);
                    let b = b.max(a);
                    model.splice(a..b, new);
                }
                _ => {
                    let drop = next(len + 1);
                    list(l).replace_range(0, drop, &[]);
                    model.drain(..drop);
                }
            }
            assert_eq!(list(l).to_vec(), model, "after step {step}");
            let cap = list(l).capacity();
            assert!(cap >= model.len());
            for i in model.len()..cap {
                // SAFETY: `i` is below the capacity.
                assert_eq!(unsafe { *list(l).slot(i) }, 0, "slot {i} past the end");
            }
        }
        assert_eq!(list(l).get(model.len()), None);
        assert!(!list(l).set(model.len(), int(0)));
    }

    #[test]
    fn slices_and_concatenation_copy_items() {
        super::super::register_types();
        let items: Vec<Value> = (0..10).map(int).collect();
        let l = new_list(&items);
        assert_eq!(list(slice_to_list(list(l), 2, 5)).to_vec(), items[2..5]);
        assert!(list(slice_to_list(list(l), 7, 3)).is_empty());
        let both = concat(list(l), list(slice_to_list(list(l), 8, 20)));
        assert_eq!(list(both).len(), 12);
        assert_eq!(list(both).get(11), Some(int(9)));
        let taken = list(l).take();
        assert_eq!(taken.to_vec(), items);
        assert!(list(l).is_empty() && !list(l).has_storage());
        list(l).push(int(3));
        assert!(list(l).has_storage());
    }
}
