//! Shortcuts of the plain interpreter for the commonest built-in cases of
//! generic instructions: a list or tuple indexed by a small int, a list
//! item stored, the next item of a list, tuple or range iterator.
//!
//! Each does exactly what the helper would do in that case and answers
//! `None` (or `false`) in every other one, errors included (and when the
//! object is borrowed by work in progress, such as a sort), so the
//! instruction then goes through its helper as before. Only the
//! interpreter (`!we_are_jitted()`) takes them: the tracer records the
//! helpers, whose results are the same.

use crate::objects::{self, get, PyIter, PyList, Value};

/// The index `key` into a sequence of `len` items, if `key` is a small int
/// in range (negative ones count from the end).
#[inline(always)]
fn index(key: Value, len: usize) -> Option<usize> {
    if !objects::is_small_int(key) {
        return None;
    }
    let i = objects::small_int_value(key);
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// `obj[key]` for a list or tuple and a small int in range.
#[inline]
pub fn getitem(obj: Value, key: Value) -> Option<Value> {
    if objects::is_small_int(obj) {
        return None;
    }
    match objects::type_id(obj)? {
        objects::LIST => {
            let items = get::<PyList>(obj)?.items.try_borrow().ok()?;
            items.get(index(key, items.len())?).copied()
        }
        objects::TUPLE => {
            let items = objects::tuple_items(obj)?;
            items.get(index(key, items.len())?).copied()
        }
        _ => None,
    }
}

/// `obj[key] = v` for a list and a small int in range; false if not done.
#[inline]
pub fn setitem(obj: Value, key: Value, v: Value) -> bool {
    if objects::is_small_int(obj) || objects::type_id(obj) != Some(objects::LIST) {
        return false;
    }
    let Some(list) = get::<PyList>(obj) else {
        return false;
    };
    let Ok(mut items) = list.items.try_borrow_mut() else {
        return false;
    };
    match index(key, items.len()) {
        Some(i) => {
            items[i] = v;
            true
        }
        None => false,
    }
}

/// The next item of an iterator over a list, a tuple or a machine-word
/// range, when there is one.
#[inline]
pub fn next(it: Value) -> Option<Value> {
    if objects::is_small_int(it) || objects::type_id(it) != Some(objects::ITER) {
        return None;
    }
    let iter = get::<PyIter>(it)?;
    match iter.kind.get() {
        objects::ITER_SEQ => {
            let index = iter.index.get() as usize;
            let v = match objects::type_id(iter.seq)? {
                objects::LIST => get::<PyList>(iter.seq)?
                    .items
                    .try_borrow()
                    .ok()?
                    .get(index)
                    .copied(),
                _ => objects::tuple_items(iter.seq)?.get(index).copied(),
            }?;
            iter.index.set(index as i64 + 1);
            Some(v)
        }
        objects::ITER_RANGE => {
            let (v, stop, step) = (iter.index.get(), iter.stop.get(), iter.step);
            let more = if step > 0 { v < stop } else { v > stop };
            // Past the small ints (a new big int) or at the end of the
            // word: the helper's way.
            let tagged = metajit::value::small_int(v)?;
            if !more {
                return None;
            }
            iter.index.set(v.checked_add(step)?);
            Some(tagged as Value)
        }
        _ => None,
    }
}
