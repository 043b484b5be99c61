//! `for` loops and sequence unpacking as compiled code sees them: the
//! iterators over ranges, lists and tuples, and the unpacking of a tuple,
//! written with field and array accesses instead of helper calls, so a
//! loop's trace reads and advances its iterator inline and keeps the
//! unpacked items in the frame's virtual slots (no call that forces the
//! frame).
//!
//! Only the recorder takes these paths (`we_are_jitted()`): the plain
//! interpreter has its own shortcuts (`quick.rs`), and both do exactly
//! what the helpers do in these cases. Each function answers `None` when
//! the case is not one of its own, before it has changed anything, and
//! the instruction then calls its helper.

use crate::objects::{self, PyIter, TUPLE_ITEMS};
use metajit::abi::{CallDescr, EffectKind, Effects};
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

/// Item `index` of `list`, or 0 past its end (or while the list is
/// borrowed by work in progress, such as a sort: the helper then does
/// what the interpreter does). Lists keep their items in Rust memory, so
/// compiled code reads them through this call, which neither raises nor
/// writes, and so neither forces the frame nor forgets what the trace
/// knows of the heap.
extern "C" fn list_item(list: usize, index: i64) -> usize {
    let Some(l) = objects::get::<objects::PyList>(list) else {
        return 0;
    };
    let Ok(items) = l.items.try_borrow() else {
        return 0;
    };
    usize::try_from(index)
        .ok()
        .and_then(|i| items.get(i).copied())
        .unwrap_or(0)
}

static LIST_ITEM: CallDescr = CallDescr::of(
    "list_item",
    list_item as extern "C" fn(usize, i64) -> usize,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: None,
        writes: Some(&[]),
    },
);

fn ref_of<M: Mode>(v: Val<M>) -> M::Ref {
    match v {
        Val::Ref(r) => r,
        _ => unreachable!("Python values are references"),
    }
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
                    let item = ref_of(m.call(&LIST_ITEM, &[Val::Ref(seq), Val::Int(index)]));
                    if m.is_null(item) {
                        return None;
                    }
                    item
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

/// The `n` items of `v` when it is a tuple of exactly `n` items; `None`
/// otherwise (the helper then unpacks, or raises CPython's error).
pub fn tuple_items<M: Mode>(m: &mut M, v: M::Ref, n: u32) -> Option<Vec<M::Ref>> {
    if mv::is_int(m, v) || m.class_of(v) != objects::TUPLE {
        return None;
    }
    let len = m.arraylen(v, &TUPLE_ITEMS);
    let len = m.promote_int(len);
    if len != n as i64 {
        return None;
    }
    Some(
        (0..n)
            .map(|i| {
                let i = m.int(i as i64);
                m.getarrayitem_ref(v, &TUPLE_ITEMS, i)
            })
            .collect(),
    )
}
