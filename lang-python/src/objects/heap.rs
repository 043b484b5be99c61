//! Python objects in metajit's GC heap: the one module of `lang-python` that
//! touches raw object memory.
//!
//! A Python value is one word (`Value`): a tagged small integer (metajit's
//! `value.rs`: odd words), a float box (metajit's `FLOAT_BOX`), or the
//! address of an object whose header's type id says which Rust struct
//! follows it (its *payload*). Every kind of object is a `Payload` type with
//! its own type id, so `guard_class` in a trace tells kinds apart, and a
//! payload that owns Rust memory (a big integer's digits, a dict's table) is
//! dropped by the collector when the object dies (`gc::register_drop`).
//! Payloads hold their references in ordinary Rust fields and say where
//! they are (`Payload::trace`), so marking is precise.
//!
//! Mutable payloads use `Cell`/`RefCell`; no borrow is ever held across
//! something that runs Python code or allocates, so the collector (which
//! runs inside an allocation) never meets a payload being mutated.

use metajit::gc::{self, TypeLayout};
use metajit::heap;
use metajit::ir::{ArrayDescr, SizeDescr};
use metajit::value::{self as mv, FLOAT_BOX_TYPE_ID};

/// A Python value: a tagged small integer or the address of an object.
pub type Value = usize;

/// A kind of Python object stored after the header of a GC object.
pub trait Payload: Sized + 'static {
    /// The GC descriptor of objects of this kind (its type id and size).
    fn descr() -> &'static SizeDescr;
    /// Call `visit` with every reference the payload holds. Must not
    /// allocate.
    fn trace(&self, visit: &mut dyn FnMut(usize));
}

/// Declare a payload type: its type id, and the static descriptor sized
/// for it.
#[macro_export]
macro_rules! payload {
    ($ty:ty, $id:expr, $name:literal, |$this:ident, $visit:ident| $body:block) => {
        impl $crate::objects::heap::Payload for $ty {
            fn descr() -> &'static metajit::ir::SizeDescr {
                static D: metajit::ir::SizeDescr = metajit::ir::SizeDescr {
                    name: $name,
                    type_id: $id,
                    size: (8 + std::mem::size_of::<$ty>()) as u32,
                };
                &D
            }
            #[allow(unused_variables)]
            fn trace(&self, $visit: &mut dyn FnMut(usize)) {
                let $this = self;
                $body
            }
        }
    };
}

fn trace_payload<T: Payload>(obj: usize, visit: &mut dyn FnMut(usize)) {
    // SAFETY: the collector calls a type's tracer only with live objects of
    // that type, which `alloc` made with a `T` payload.
    let p: &T = unsafe { heap::payload(obj) };
    p.trace(visit)
}

/// Register `T`'s layout and drop function (once per type, before the first
/// allocation; `objects::init` does it for every payload type).
pub fn register<T: Payload>() {
    let d = T::descr();
    gc::register_type(d.type_id, TypeLayout::Custom(trace_payload::<T>));
    // SAFETY: every object of this type id is made by `alloc::<T>` below,
    // with `alloc_payload`, so `drop_payload::<T>` matches it.
    unsafe { gc::register_drop(d.type_id, heap::drop_payload::<T>) };
}

/// A new object holding `value`. The references in `value` (in a `Vec`
/// or a box the stack scan cannot see into) are roots until the object
/// holds them.
pub fn alloc<T: Payload>(value: T) -> Value {
    if !std::mem::needs_drop::<T>() {
        // No `Vec` or box inside: every reference `value` holds is in it,
        // on this stack or in registers, which the collector scans.
        // SAFETY: `register::<T>` registered `drop_payload::<T>` for the type.
        return unsafe { heap::alloc_payload(T::descr(), value) };
    }
    let mark = IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        let mark = f.len();
        value.trace(&mut |r| f.push(r));
        mark
    });
    // SAFETY: `register::<T>` registered `drop_payload::<T>` for the type.
    let obj = unsafe { heap::alloc_payload(T::descr(), value) };
    IN_FLIGHT.with(|f| f.borrow_mut().truncate(mark));
    obj
}

/// A new array object of `d` (an array of references, such as a tuple)
/// holding `items`, which stay roots while it is allocated.
pub fn alloc_ref_array(d: &'static metajit::ir::ArrayDescr, items: &[Value]) -> Value {
    let mark = IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        let mark = f.len();
        f.extend_from_slice(items);
        mark
    });
    let arr = heap::alloc_array(d, items.len() as i64);
    IN_FLIGHT.with(|f| f.borrow_mut().truncate(mark));
    for (i, &x) in items.iter().enumerate() {
        // SAFETY: `arr` was just allocated as an array of `d` with
        // `items.len()` items, and is on this frame's stack.
        unsafe { heap::store(arr, heap::item_offset(d, i as i64), 8, x as u64) };
    }
    arr
}

/// A new array object of `d`, an array of references, holding `item(0)`,
/// `item(1)`... `item(len - 1)`: they must be alive without help during the
/// allocation (held by a frame for instance), and `item` must not allocate.
pub fn alloc_ref_array_with(
    d: &'static metajit::ir::ArrayDescr,
    len: usize,
    item: impl Fn(usize) -> Value,
) -> Value {
    let arr = heap::alloc_array(d, len as i64);
    for i in 0..len {
        // SAFETY: `arr` was just allocated as an array of `d` with `len`
        // items, and is on this frame's stack.
        unsafe { heap::store(arr, heap::item_offset(d, i as i64), 8, item(i) as u64) };
    }
    arr
}

/// A new array object of `d` with `len` items, all 0, while `roots`
/// (values held only in Rust memory) stay alive.
pub fn alloc_rooted_array(
    d: &'static metajit::ir::ArrayDescr,
    len: usize,
    roots: &[Value],
) -> Value {
    if roots.is_empty() {
        return heap::alloc_array(d, len as i64);
    }
    let mark = IN_FLIGHT.with(|f| {
        let mut f = f.borrow_mut();
        let mark = f.len();
        f.extend_from_slice(roots);
        mark
    });
    let arr = heap::alloc_array(d, len as i64);
    IN_FLIGHT.with(|f| f.borrow_mut().truncate(mark));
    arr
}

/// The items of the array object `v` of `d`, an array of references.
///
/// # Safety
///
/// `v` must be a live array object allocated with `d`.
pub unsafe fn ref_array_items(v: Value, d: &'static metajit::ir::ArrayDescr) -> &'static [Value] {
    // SAFETY: the caller says `v` is a live array of `d`: its length word
    // is at `len_offset` and that many 8-byte items follow `items_offset`.
    // Arrays of references never change length and the slice points into
    // the object, so conservative stack scanning keeps it alive while the
    // caller holds it (as for `get`).
    unsafe {
        let len = heap::load(v, d.len_offset as i64, 8) as usize;
        std::slice::from_raw_parts((v + d.items_offset as usize) as *const Value, len)
    }
}

/// The type id of `v`'s object, or `None` for a small integer (or null). `v` must be
/// a value of the running program (a live object or a tagged integer).
#[inline(always)]
pub fn type_id(v: Value) -> Option<u32> {
    if v == 0 || mv::is_tagged(v as u64) {
        return None;
    }
    // SAFETY: every Python value that is not tagged is a live object (the
    // interpreter only makes values through `alloc` and metajit's float
    // boxes), whose header holds its type id.
    Some(unsafe { heap::type_id(v) })
}

/// `v`'s payload if `v` is an object of kind `T`.
#[inline(always)]
pub fn get<T: Payload>(v: Value) -> Option<&'static T> {
    if type_id(v)? != T::descr().type_id {
        return None;
    }
    // SAFETY: the type id says the object was made by `alloc::<T>`. The
    // reference points into the object, so it keeps the object alive while
    // it is on the stack (conservative scanning); callers do not store it
    // in the Rust heap.
    Some(unsafe { heap::payload(v) })
}

/// The float in `v` if it is a float box.
#[inline(always)]
pub fn float_of(v: Value) -> Option<f64> {
    if type_id(v)? != FLOAT_BOX_TYPE_ID {
        return None;
    }
    // SAFETY: a float box's value field is at `FLOAT_VALUE`'s offset.
    let bits = unsafe { heap::load(v, mv::FLOAT_VALUE.offset as i64, 8) };
    Some(f64::from_bits(bits))
}

/// A new float box.
pub fn new_float(x: f64) -> Value {
    let v = gc::alloc(mv::FLOAT_BOX.size as usize, FLOAT_BOX_TYPE_ID);
    // SAFETY: a fresh float box has its value field at that offset.
    unsafe { heap::store(v, mv::FLOAT_VALUE.offset as i64, 8, x.to_bits()) };
    v
}

/// The contents of a payload's `RefCell`, for its tracer. The collector
/// runs inside an allocation; code that holds a mutable borrow does not
/// allocate while it holds it, but a tracer must never fail, so it reads
/// without taking a borrow.
pub fn traced<T>(cell: &std::cell::RefCell<T>) -> &T {
    // SAFETY: collections run on this thread, inside `gc::alloc`, and no
    // code mutates a payload while it allocates (module comment): nothing
    // writes the value while the tracer reads it.
    unsafe { &*cell.as_ptr() }
}

/// A vector of values the collector sees: values that live only in Rust
/// memory (a list being built, keys being sorted) are invisible to its
/// scan of the stack, so a temporary that holds values across allocations
/// must be one of these.
pub struct RootedVec {
    // Boxed: the collector's tracer keeps the address of the `Vec` itself,
    // which must not move when the `RootedVec` does.
    #[allow(clippy::box_collection)]
    items: Box<Vec<Value>>,
    slot: usize,
}

thread_local! {
    static ROOTED: std::cell::RefCell<(Vec<*const Vec<Value>>, Vec<usize>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
    /// The references of payloads being allocated (`alloc`).
    static IN_FLIGHT: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Register the tracer of `RootedVec`s and of payloads in flight (once
/// per thread).
pub fn register_rooted_tracer() {
    gc::add_root_tracer(Box::new(|visit| {
        IN_FLIGHT.with(|f| f.borrow().iter().for_each(|&v| visit(v)));
        ROOTED.with(|r| {
            // The collector runs inside allocations; registering and
            // dropping a `RootedVec` allocate nothing on the GC heap, so
            // this borrow never meets another.
            let r = r.borrow();
            for &p in r.0.iter() {
                if p.is_null() {
                    continue;
                }
                // SAFETY: a non-null entry points at the boxed `Vec` of a
                // live `RootedVec` (it nulls its entry when dropped), and no
                // code mutates it while the collector runs.
                for &v in unsafe { (*p).iter() } {
                    visit(v)
                }
            }
        })
    }));
}

impl RootedVec {
    pub fn new() -> RootedVec {
        RootedVec::from_vec(Vec::new())
    }

    pub fn from_vec(v: Vec<Value>) -> RootedVec {
        let items = Box::new(v);
        let p: *const Vec<Value> = &*items;
        let slot = ROOTED.with(|r| {
            let mut r = r.borrow_mut();
            match r.1.pop() {
                Some(i) => {
                    r.0[i] = p;
                    i
                }
                None => {
                    r.0.push(p);
                    r.0.len() - 1
                }
            }
        });
        RootedVec { items, slot }
    }
}

impl Default for RootedVec {
    fn default() -> RootedVec {
        RootedVec::new()
    }
}

impl Drop for RootedVec {
    fn drop(&mut self) {
        ROOTED.with(|r| {
            let mut r = r.borrow_mut();
            r.0[self.slot] = std::ptr::null();
            r.1.push(self.slot);
        });
    }
}

impl std::ops::Deref for RootedVec {
    type Target = Vec<Value>;
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

impl std::ops::DerefMut for RootedVec {
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.items
    }
}

impl FromIterator<Value> for RootedVec {
    fn from_iter<I: IntoIterator<Item = Value>>(iter: I) -> RootedVec {
        // Collected into the rooted vector item by item, so values made
        // by the iterator are seen as soon as they are stored.
        let mut v = RootedVec::new();
        for x in iter {
            v.push(x);
        }
        v
    }
}

impl<'a> IntoIterator for &'a RootedVec {
    type Item = &'a Value;
    type IntoIter = std::slice::Iter<'a, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

/// Item `i` of the frame `frame` (a `FRAME_SLOTS` array), for helpers that
/// read a frame's operand stack. Panics if `i` is out of bounds.
pub fn frame_item(frame: Value, i: usize) -> Value {
    let d = &crate::bytecode::FRAME_SLOTS;
    assert!(i < frame_len(frame), "frame slot {i} out of bounds");
    // SAFETY: `frame` is a live frame array (the interpreter passes only
    // frames here) and `i` is within its length, checked above.
    unsafe { heap::load(frame, heap::item_offset(d, i as i64), 8) as Value }
}

/// Set item `i` of the frame `frame`. Panics if `i` is out of bounds.
pub fn set_frame_item(frame: Value, i: usize, v: Value) {
    let d = &crate::bytecode::FRAME_SLOTS;
    assert!(i < frame_len(frame), "frame slot {i} out of bounds");
    // SAFETY: as in `frame_item`; frames hold references, and the
    // collector finds them through the array's layout.
    unsafe { heap::store(frame, heap::item_offset(d, i as i64), 8, v as u64) }
}

/// Make every item of the frame `frame` null again (unbound locals, an
/// empty stack), as a new frame is.
pub fn clear_frame(frame: Value) {
    let len = frame_len(frame);
    let first = heap::item_offset(&crate::bytecode::FRAME_SLOTS, 0);
    // SAFETY: `frame` is a live frame array (checked by `frame_len`), whose
    // `len` items are consecutive words from the first item's offset.
    unsafe { std::ptr::write_bytes((frame as *mut u8).offset(first as isize), 0, len * 8) }
}

fn frame_len(frame: Value) -> usize {
    assert!(
        type_id(frame) == Some(crate::bytecode::FRAME_SLOTS.type_id),
        "not a frame"
    );
    // SAFETY: a frame array's length word is at the descriptor's offset.
    unsafe { heap::load(frame, crate::bytecode::FRAME_SLOTS.len_offset as i64, 8) as usize }
}

/// The length of `arr`, a live array of `d`'s type (instance attribute
/// arrays, `objects::ATTRS`; list and deque storage).
#[inline(always)]
pub fn array_len(arr: Value, d: &ArrayDescr) -> usize {
    debug_assert!(
        type_id(arr) == Some(d.type_id),
        "not an array of {}",
        d.name
    );
    // SAFETY: `arr` is a live array of `d`'s type (callers keep it so: the
    // arrays this is used on are only ever made with `d`), whose length
    // word is at the descriptor's offset.
    unsafe { heap::load(arr, d.len_offset as i64, 8) as usize }
}

/// Item `i` of `arr`, a live array of `d`'s reference type; `i` is below
/// its length (checked by the caller).
#[inline(always)]
pub fn array_get(arr: Value, d: &ArrayDescr, i: usize) -> Value {
    debug_assert!(i < array_len(arr, d));
    // SAFETY: as in `array_len`, and the item is inside the array.
    unsafe { heap::load(arr, heap::item_offset(d, i as i64), 8) as Value }
}

/// Set item `i` of `arr`, a live array of `d`'s reference type; `i` is
/// below its length (checked by the caller).
#[inline(always)]
pub fn array_set(arr: Value, d: &ArrayDescr, i: usize, v: Value) {
    debug_assert!(i < array_len(arr, d));
    // SAFETY: as in `array_get`; the collector finds the reference through
    // the array's layout (the heap is non-moving and needs no barrier).
    unsafe { heap::store(arr, heap::item_offset(d, i as i64), 8, v as u64) }
}
