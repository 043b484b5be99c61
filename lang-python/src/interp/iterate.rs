//! `for` loops, sequence unpacking and list indexing as compiled code sees
//! them: the iterators over ranges, lists and tuples, the unpacking of a
//! tuple or list, and a list indexed by a small int, written with field
//! and array accesses instead of helper calls, so a loop's trace reads and
//! advances its iterator inline and keeps the unpacked items in the
//! frame's virtual slots (no call that forces the frame). A list is read
//! through its length and item array (`objects/list.rs`), each access
//! behind a bounds guard.
//!
//! Only the recorder takes these paths (`we_are_jitted()`): the plain
//! interpreter has its own shortcuts (`quick.rs`), and both do exactly
//! what the helpers do in these cases. Each function answers `None` when
//! the case is not one of its own, before it has changed anything, and
//! the instruction then calls its helper.

use crate::objects::{self, PyIter, LIST_ITEMS, LIST_ITEMS_FIELD, LIST_LEN, TUPLE_ITEMS};
use metajit::ir::{FieldDescr, Opcode, Type};
use metajit::value as mv;
use metajit::{Mode, Val};
use std::mem::offset_of;

macro_rules! iter_field {
    ($name:ident, $field:ident, $ty:ident) => {
        static $name: FieldDescr = FieldDescr {
            name: concat!("iterator.", stringify!($field)),
            offset: 8 + offset_of!(PyIter, $field) as i32,
            ty: Type::$ty,
        };
    };
}
iter_field!(ITER_KIND, kind, Int);
iter_field!(ITER_INDEX, index, Int);
iter_field!(ITER_STOP, stop, Int);
iter_field!(ITER_STEP, step, Int);
iter_field!(ITER_SEQ, seq, Ref);

/// The position `key` names in the list `list` (of class `LIST`, checked
/// by the caller), when `key` is a small int within its bounds (negative
/// ones count from the end); `None`, after guards only, otherwise.
fn list_position<M: Mode>(m: &mut M, list: M::Ref, key: M::Ref) -> Option<M::Int> {
    if !mv::is_int(m, key) {
        return None;
    }
    let i = mv::int_value(m, key);
    let len = m.getfield_int(list, &LIST_LEN);
    let zero = m.int(0);
    let negative = m.int_lt(i, zero);
    let i = if m.is_true(negative) {
        let from_end = m.int_add(i, len);
        let before_start = m.int_lt(from_end, zero);
        if m.is_true(before_start) {
            return None;
        }
        from_end
    } else {
        i
    };
    let inside = m.int_lt(i, len);
    m.is_true(inside).then_some(i)
}

/// `obj[key]` when `obj` is a list and `key` a small int in range.
pub fn list_getitem<M: Mode>(m: &mut M, obj: M::Ref, key: M::Ref) -> Option<M::Ref> {
    if mv::is_int(m, obj) || m.class_of(obj) != objects::LIST {
        return None;
    }
    let i = list_position(m, obj, key)?;
    let items = m.getfield_ref(obj, &LIST_ITEMS_FIELD);
    Some(m.getarrayitem_ref(items, &LIST_ITEMS, i))
}

/// `obj[key] = v` when `obj` is a list and `key` a small int in range;
/// false (nothing written) otherwise.
pub fn list_setitem<M: Mode>(m: &mut M, obj: M::Ref, key: M::Ref, v: M::Ref) -> bool {
    if mv::is_int(m, obj) || m.class_of(obj) != objects::LIST {
        return false;
    }
    let Some(i) = list_position(m, obj, key) else {
        return false;
    };
    let items = m.getfield_ref(obj, &LIST_ITEMS_FIELD);
    m.setarrayitem(items, &LIST_ITEMS, i, Val::Ref(v));
    true
}

/// The next item of the built-in iterator `it` (of class `ITER`, checked
/// by the caller) over a machine-word range, a list or a tuple, advancing
/// it; `Some(None)` when a range is finished; `None` for every other case
/// (another kind of iterator, the end of a list or tuple, a value past the
/// small ints), which the helper does.
pub fn next<M: Mode>(m: &mut M, it: M::Ref) -> Option<Option<M::Ref>> {
    let kind = m.getfield_int(it, &ITER_KIND);
    match m.promote_int(kind) {
        objects::ITER_RANGE => {
            let step = m.getfield_int(it, &ITER_STEP);
            let step_value = m.promote_int(step);
            let next = m.getfield_int(it, &ITER_INDEX);
            let stop = m.getfield_int(it, &ITER_STOP);
            let op = if step_value > 0 {
                Opcode::IntLt
            } else {
                Opcode::IntGt
            };
            let more = m.int_binary(op, next, stop);
            if !m.is_true(more) {
                return Some(None);
            }
            // The value must be a small int, and the next one must fit a
            // word (the helper ends the range there).
            let v = mv::new_int(m, next)?;
            let after = m.int_ovf(Opcode::IntAddOvf, next, step)?;
            m.setfield(it, &ITER_INDEX, Val::Int(after));
            Some(Some(v))
        }
        objects::ITER_SEQ => {
            let seq = m.getfield_ref(it, &ITER_SEQ);
            let index = m.getfield_int(it, &ITER_INDEX);
            let item = match m.class_of(seq) {
                objects::TUPLE => {
                    let len = m.arraylen(seq, &TUPLE_ITEMS);
                    let inside = m.int_lt(index, len);
                    if !m.is_true(inside) {
                        return None;
                    }
                    m.getarrayitem_ref(seq, &TUPLE_ITEMS, index)
                }
                objects::LIST => {
                    let len = m.getfield_int(seq, &LIST_LEN);
                    let inside = m.int_lt(index, len);
                    if !m.is_true(inside) {
                        return None;
                    }
                    let items = m.getfield_ref(seq, &LIST_ITEMS_FIELD);
                    m.getarrayitem_ref(items, &LIST_ITEMS, index)
                }
                _ => return None,
            };
            let one = m.int(1);
            let after = m.int_add(index, one);
            m.setfield(it, &ITER_INDEX, Val::Int(after));
            Some(Some(item))
        }
        _ => None,
    }
}

/// The `n` items of `v` when it is a tuple or a list of exactly `n`
/// items; `None` otherwise (the helper then unpacks, or raises CPython's
/// error).
pub fn unpacked_items<M: Mode>(m: &mut M, v: M::Ref, n: u32) -> Option<Vec<M::Ref>> {
    if mv::is_int(m, v) {
        return None;
    }
    let class = m.class_of(v);
    let len = match class {
        objects::TUPLE => m.arraylen(v, &TUPLE_ITEMS),
        objects::LIST => m.getfield_int(v, &LIST_LEN),
        _ => return None,
    };
    if m.promote_int(len) != n as i64 {
        return None;
    }
    let (array, descr) = if class == objects::LIST {
        (m.getfield_ref(v, &LIST_ITEMS_FIELD), &LIST_ITEMS)
    } else {
        (v, &TUPLE_ITEMS)
    };
    Some(
        (0..n)
            .map(|i| {
                let i = m.int(i as i64);
                m.getarrayitem_ref(array, descr, i)
            })
            .collect(),
    )
}
