//! `collections.deque` as a ring buffer in the GC heap: a small object
//! holding the length, the position of the first item (`head`), a GC
//! array of item slots (`DEQUE_STORAGE`, its length the capacity), the
//! bound (`maxlen`, negative for none) and a mutation counter (`state`).
//! Item `i` is in slot `(head + i) % capacity`, so both ends are O(1)
//! without moving items; nothing lives in Rust memory, as for lists
//! (`list.rs`), so a deque needs no drop hook.
//!
//! Growing allocates an array twice as large and copies the items to its
//! start (a GC array never grows in place); a deque that falls below a
//! quarter of a large capacity moves to one of twice its length. Slots
//! outside the items are kept 0, so they keep nothing alive.
//!
//! `state` counts the changes iterators must notice, exactly those that
//! bump CPython's counter (every change of length, `rotate`, `clear`; not
//! `d[i] = v` nor `reverse`): an iterator remembers it and refuses to go
//! on once it differs (`builtins/deque.rs`).
//!
//! GC safety: the array may be replaced by any change of length, and
//! allocating may collect, so items are read one at a time (`get`) or
//! copied (`to_vec`, `rooted`); values being added or just removed are
//! roots while a new array is allocated.

use super::heap::{self, Value};
use super::{get, RootedVec, DEQUE, DEQUE_ITER, DEQUE_STORAGE};
use metajit::ir::{ArrayDescr, Type};
use std::cell::Cell;
use std::mem::offset_of;

/// A deque: `len` items from slot `head` on, wrapping around `items`.
#[repr(C)]
pub struct PyDeque {
    len: Cell<usize>,
    head: Cell<usize>,
    items: Cell<Value>,
    maxlen: Cell<i64>,
    state: Cell<u64>,
}
crate::payload!(PyDeque, DEQUE, "collections.deque", |s, v| {
    v(s.items.get())
});

/// The slot arrays of deques: capacity in the length word, references after.
pub static DEQUE_ITEMS: ArrayDescr = ArrayDescr {
    name: "deque storage",
    type_id: DEQUE_STORAGE,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};

/// The smallest array a deque allocates.
const MIN_CAPACITY: usize = 8;

/// An iterator over a deque, from the left or (`reverse`) from the right:
/// `index` is the position of the next item, `left` how many remain, and
/// `state` the deque's counter when it was made.
pub struct PyDequeIter {
    pub deque: Value,
    pub index: Cell<usize>,
    pub left: Cell<usize>,
    pub state: u64,
    pub reverse: bool,
}
crate::payload!(PyDequeIter, DEQUE_ITER, "_deque_iterator", |s, v| {
    v(s.deque)
});

/// Register the deque's layout (its one reference), its array's and its
/// iterator's.
pub fn register() {
    metajit::gc::register_type(
        DEQUE,
        metajit::gc::TypeLayout::Fixed {
            refs: vec![(8 + offset_of!(PyDeque, items)) as u32],
        },
    );
    metajit::gc::register_type(
        DEQUE_STORAGE,
        metajit::gc::TypeLayout::of_array(&DEQUE_ITEMS),
    );
    heap::register::<PyDequeIter>();
}

/// A new empty deque, bounded to `maxlen` items if given.
pub fn new_deque(maxlen: Option<usize>) -> Value {
    let size = <PyDeque as heap::Payload>::descr().size as usize;
    // A zeroed object of a fixed layout: no items, no array, state 0.
    let obj = metajit::gc::alloc(size, DEQUE);
    let d = get::<PyDeque>(obj).expect("a fresh deque");
    d.maxlen.set(maxlen.map_or(-1, |m| m as i64));
    obj
}

/// A new iterator over `deque` (a deque object).
pub fn new_iter(deque: Value, reverse: bool) -> Value {
    let d = get::<PyDeque>(deque).expect("a deque");
    let n = d.len();
    heap::alloc(PyDequeIter {
        deque,
        index: Cell::new(if reverse { n.wrapping_sub(1) } else { 0 }),
        left: Cell::new(n),
        state: d.state(),
        reverse,
    })
}

impl PyDeque {
    #[inline]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// The bound, if the deque has one.
    pub fn maxlen(&self) -> Option<usize> {
        let m = self.maxlen.get();
        (m >= 0).then_some(m as usize)
    }

    pub fn set_maxlen(&self, maxlen: Option<usize>) {
        self.maxlen.set(maxlen.map_or(-1, |m| m as i64));
    }

    /// The mutation counter.
    #[inline]
    pub fn state(&self) -> u64 {
        self.state.get()
    }

    #[inline]
    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    #[inline]
    fn capacity(&self) -> usize {
        match self.items.get() {
            0 => 0,
            a => heap::array_len(a, &DEQUE_ITEMS),
        }
    }

    /// The address of the slot of item `i` (`i` below the capacity, which
    /// is nonzero).
    #[inline]
    fn slot(&self, i: usize) -> *mut Value {
        let mut p = self.head.get() + i;
        let cap = self.capacity();
        if p >= cap {
            p -= cap;
        }
        (self.items.get() + DEQUE_ITEMS.items_offset as usize + 8 * p) as *mut Value
    }

    /// Item `i`, if `i` is below the length.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        if i >= self.len() {
            return None;
        }
        // SAFETY: `i` is below the length, so its slot is in the array.
        Some(unsafe { *self.slot(i) })
    }

    /// Set item `i` (below the length; false, and nothing done, if not).
    #[inline]
    pub fn set(&self, i: usize, v: Value) -> bool {
        if i >= self.len() {
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

    /// Move the items to a new array of `cap` slots (at least the length),
    /// starting at slot 0; `roots` stay alive across the allocation.
    fn reallocate(&self, cap: usize, roots: &[Value]) {
        let n = self.len();
        let storage = heap::alloc_rooted_array(&DEQUE_ITEMS, cap, roots);
        let to = (storage + DEQUE_ITEMS.items_offset as usize) as *mut Value;
        for i in 0..n {
            // SAFETY: the new array has `cap >= n` slots; `i` is below the
            // length of the old one, still the deque's.
            unsafe { to.add(i).write(*self.slot(i)) };
        }
        self.items.set(storage);
        self.head.set(0);
    }

    /// Room for one more item (`v`, a root meanwhile).
    #[inline]
    fn reserve_one(&self, v: Value) {
        let cap = self.capacity();
        if self.len() == cap {
            self.reallocate((2 * cap).max(MIN_CAPACITY), &[v]);
        }
    }

    /// After a removal: a mostly empty large array is replaced by a
    /// smaller one (`removed`, the item just taken out, a root meanwhile).
    fn maybe_shrink(&self, removed: Value) {
        let (n, cap) = (self.len(), self.capacity());
        if cap > 4 * MIN_CAPACITY && 4 * n < cap {
            self.reallocate((2 * n).max(MIN_CAPACITY), &[removed]);
        }
    }

    fn push_back(&self, v: Value) {
        self.reserve_one(v);
        let n = self.len();
        self.len.set(n + 1);
        // SAFETY: `n` is below the new length, within the capacity.
        unsafe { *self.slot(n) = v };
    }

    fn push_front(&self, v: Value) {
        self.reserve_one(v);
        let (head, cap) = (self.head.get(), self.capacity());
        self.head.set(if head == 0 { cap - 1 } else { head - 1 });
        self.len.set(self.len() + 1);
        // SAFETY: item 0 is below the new length.
        unsafe { *self.slot(0) = v };
    }

    /// Take out the last item (there is one), clearing its slot.
    fn take_back(&self) -> Value {
        let n = self.len() - 1;
        // SAFETY: `n` is below the length.
        let v = unsafe { std::ptr::replace(self.slot(n), 0) };
        self.len.set(n);
        v
    }

    /// Take out the first item (there is one), clearing its slot.
    fn take_front(&self) -> Value {
        // SAFETY: the deque is not empty, so item 0 exists.
        let v = unsafe { std::ptr::replace(self.slot(0), 0) };
        let head = self.head.get() + 1;
        self.head
            .set(if head == self.capacity() { 0 } else { head });
        self.len.set(self.len() - 1);
        v
    }

    /// `append`: add `v` on the right; a full bounded deque drops its
    /// first item (a deque bounded to 0 takes nothing).
    #[inline]
    pub fn append(&self, v: Value) {
        if let Some(m) = self.maxlen() {
            if m == 0 {
                return;
            }
            if self.len() >= m {
                self.take_front();
            }
        }
        self.push_back(v);
        self.bump();
    }

    /// `appendleft`: add `v` on the left; a full bounded deque drops its
    /// last item.
    #[inline]
    pub fn append_left(&self, v: Value) {
        if let Some(m) = self.maxlen() {
            if m == 0 {
                return;
            }
            if self.len() >= m {
                self.take_back();
            }
        }
        self.push_front(v);
        self.bump();
    }

    /// `pop`: the last item, removed.
    #[inline]
    pub fn pop(&self) -> Option<Value> {
        if self.is_empty() {
            return None;
        }
        let v = self.take_back();
        self.bump();
        self.maybe_shrink(v);
        Some(v)
    }

    /// `popleft`: the first item, removed.
    #[inline]
    pub fn pop_left(&self) -> Option<Value> {
        if self.is_empty() {
            return None;
        }
        let v = self.take_front();
        self.bump();
        self.maybe_shrink(v);
        Some(v)
    }

    pub fn clear(&self) {
        if self.is_empty() {
            return;
        }
        self.items.set(0);
        self.len.set(0);
        self.head.set(0);
        self.bump();
    }

    /// `rotate(k)`: the items move `k` places to the right (to the left
    /// for negative `k`), wrapping around.
    pub fn rotate(&self, k: i64) {
        let n = self.len();
        if n <= 1 {
            return;
        }
        self.bump();
        let k = k.rem_euclid(n as i64) as usize;
        if k == 0 {
            return;
        }
        if n == self.capacity() {
            // The ring is full: rotating is moving the head.
            let cap = self.capacity();
            self.head.set((self.head.get() + cap - k) % cap);
            return;
        }
        // Otherwise the items on the shorter way round move one by one
        // from one end to the other (the array has room: nothing allocates).
        if k <= n / 2 {
            for _ in 0..k {
                let v = self.take_back();
                self.push_front(v);
            }
        } else {
            for _ in 0..n - k {
                let v = self.take_front();
                self.push_back(v);
            }
        }
    }

    pub fn reverse(&self) {
        let n = self.len();
        for i in 0..n / 2 {
            // SAFETY: both items are below the length.
            unsafe { std::ptr::swap(self.slot(i), self.slot(n - 1 - i)) };
        }
    }

    /// Put `v` before item `i` (at most the length), shifting the items on
    /// the shorter side. The caller checks the bound.
    pub fn insert(&self, i: usize, v: Value) {
        let n = self.len();
        let i = i.min(n);
        if i == n {
            self.push_back(v);
        } else if i == 0 {
            self.push_front(v);
        } else if i < n / 2 {
            self.push_front(v);
            for j in 0..i {
                let next = self.get(j + 1).unwrap_or(0);
                self.set(j, next);
            }
            self.set(i, v);
        } else {
            self.push_back(v);
            for j in (i..n).rev() {
                let prev = self.get(j).unwrap_or(0);
                self.set(j + 1, prev);
            }
            self.set(i, v);
        }
        self.bump();
    }

    /// Remove and return item `i`, if `i` is below the length, shifting
    /// the items on the shorter side.
    pub fn remove(&self, i: usize) -> Option<Value> {
        let n = self.len();
        let v = self.get(i)?;
        if i < n / 2 {
            for j in (0..i).rev() {
                let prev = self.get(j).unwrap_or(0);
                self.set(j + 1, prev);
            }
            self.take_front();
        } else {
            for j in i..n - 1 {
                let next = self.get(j + 1).unwrap_or(0);
                self.set(j, next);
            }
            self.take_back();
        }
        self.bump();
        self.maybe_shrink(v);
        Some(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::VecDeque;

    fn int(n: usize) -> Value {
        metajit::value::tag(n as i64) as Value
    }

    fn deque(v: Value) -> &'static PyDeque {
        get::<PyDeque>(v).expect("a deque")
    }

    /// Random edits applied to a deque and to a `VecDeque` agree, slots
    /// outside the items stay 0, and the counter moves on exactly the
    /// changes iterators must notice, while the ring grows and shrinks.
    #[test]
    fn edits_match_a_vecdeque() {
        super::super::register_types();
        let d = new_deque(None);
        let mut model: VecDeque<Value> = VecDeque::new();
        let mut seed = 987654321u64;
        let mut next = |bound: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % bound.max(1)
        };
        for step in 0..30000 {
            let len = model.len();
            let before = deque(d).state();
            // Long runs of growth, then of shrinking, to cross capacities.
            let growing = (step / 3000) % 2 == 0;
            let counted = match next(10) {
                0 | 1 if growing || len == 0 => {
                    deque(d).append(int(step));
                    model.push_back(int(step));
                    true
                }
                2 | 3 if growing || len == 0 => {
                    deque(d).append_left(int(step));
                    model.push_front(int(step));
                    true
                }
                0 | 1 | 4 => {
                    assert_eq!(deque(d).pop(), model.pop_back());
                    len > 0
                }
                2 | 3 | 5 => {
                    assert_eq!(deque(d).pop_left(), model.pop_front());
                    len > 0
                }
                6 => {
                    let i = next(len + 1);
                    deque(d).insert(i, int(step));
                    model.insert(i, int(step));
                    true
                }
                7 if len > 0 => {
                    let i = next(len);
                    assert_eq!(deque(d).remove(i), model.remove(i));
                    true
                }
                8 => {
                    let k = next(2 * len + 3) as i64 - len as i64 - 1;
                    deque(d).rotate(k);
                    if len > 0 {
                        let k = k.rem_euclid(len as i64) as usize;
                        model.rotate_right(k);
                    }
                    len > 1
                }
                _ => {
                    deque(d).reverse();
                    model.make_contiguous().reverse();
                    false
                }
            };
            let expected: Vec<Value> = model.iter().copied().collect();
            assert_eq!(deque(d).to_vec(), expected, "after step {step}");
            assert_eq!(
                deque(d).state() != before,
                counted,
                "counter at step {step}"
            );
            let dq = deque(d);
            for i in model.len()..dq.capacity() {
                // SAFETY: `i` is below the capacity.
                assert_eq!(unsafe { *dq.slot(i) }, 0, "slot of item {i} past the end");
            }
            assert!(dq.capacity() <= (8 * model.len()).max(4 * MIN_CAPACITY));
        }
        assert_eq!(deque(d).get(model.len()), None);
        assert!(!deque(d).set(model.len(), int(0)));
    }

    #[test]
    fn bounded_deques_drop_from_the_other_end() {
        super::super::register_types();
        let d = new_deque(Some(3));
        for i in 0..5 {
            deque(d).append(int(i));
        }
        assert_eq!(deque(d).to_vec(), [int(2), int(3), int(4)]);
        deque(d).append_left(int(9));
        assert_eq!(deque(d).to_vec(), [int(9), int(2), int(3)]);
        let none = new_deque(Some(0));
        deque(none).append(int(1));
        deque(none).append_left(int(1));
        assert!(deque(none).is_empty());
        deque(d).clear();
        assert!(deque(d).is_empty() && deque(d).pop().is_none());
    }
}
