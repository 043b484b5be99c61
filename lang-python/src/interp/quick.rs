//! Shortcuts of the plain interpreter for the commonest built-in cases of
//! generic instructions: a list or tuple indexed by a small int, a list
//! item stored, the next item of a list, tuple, range or deque iterator, a
//! tuple or list of the right length unpacked, two strs compared, a method
//! an inline cache knows, a built-in function called with a few positional
//! arguments.
//!
//! Each does exactly what the helper would do in that case and answers
//! `None` (or `false`) in every other one, errors included, so the
//! instruction then goes through its helper as before. Only the
//! interpreter (`!we_are_jitted()`) takes them: the tracer records the
//! helpers, whose results are the same. The call helpers use
//! `call_builtin` too, so a residual call of a built-in builds no argument
//! vector either.

use crate::builtins::ops::ordering_result;
use crate::builtins::PyResult;
use crate::bytecode::{CmpOp, Code};
use crate::interp::inline_cache;
use crate::objects::{self, get, PyBuiltin, PyIter, PyList, PyStr, Value};

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
            let list = get::<PyList>(obj)?;
            list.get(index(key, list.len())?)
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
    match index(key, list.len()) {
        Some(i) => list.set(i, v),
        None => false,
    }
}

/// The next item of an iterator over a list, a tuple or a machine-word
/// range, when there is one.
#[inline]
pub fn next(it: Value) -> Option<Value> {
    if objects::is_small_int(it) {
        return None;
    }
    match objects::type_id(it)? {
        objects::ITER => {}
        objects::DEQUE_ITER => return crate::builtins::deque::next_unchanged(it),
        _ => return None,
    }
    let iter = get::<PyIter>(it)?;
    match iter.kind.get() {
        objects::ITER_SEQ => {
            let index = iter.index.get() as usize;
            let v = match objects::type_id(iter.seq)? {
                objects::LIST => get::<PyList>(iter.seq)?.get(index),
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

/// Hands `put` the `n` items of a tuple or list of exactly `n` items,
/// last first (the order `UnpackSequence` stacks them in); false, having
/// called nothing, for anything else.
#[inline]
pub fn unpack(seq: Value, n: u32, mut put: impl FnMut(u32, Value)) -> bool {
    if objects::is_small_int(seq) {
        return false;
    }
    let n = n as usize;
    match objects::type_id(seq) {
        Some(objects::TUPLE) => match objects::tuple_items(seq) {
            Some(items) if items.len() == n => {
                for (i, &x) in items.iter().rev().enumerate() {
                    put(i as u32, x);
                }
                true
            }
            _ => false,
        },
        Some(objects::LIST) => match get::<PyList>(seq) {
            Some(list) if list.len() == n => {
                for i in 0..n {
                    match list.get(n - 1 - i) {
                        Some(x) => put(i as u32, x),
                        None => return false,
                    }
                }
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// `a op b` for two strs without lone surrogates: their UTF-8 bytes order
/// as their code points do.
#[inline]
pub fn compare_strs(op: CmpOp, a: Value, b: Value) -> Option<Value> {
    let text = |v: Value| {
        if objects::is_small_int(v) || objects::type_id(v) != Some(objects::STR) {
            return None;
        }
        get::<PyStr>(v).filter(|s| s.wide.is_none())
    };
    let (x, y) = (text(a)?, text(b)?);
    let order = if a == b {
        std::cmp::Ordering::Equal
    } else {
        x.s.as_bytes().cmp(y.s.as_bytes())
    };
    Some(objects::new_bool(ordering_result(op, order)))
}

/// The method `LoadMethod` at `pc` finds on `obj` when its inline cache
/// knows it: a Python function on an instance's class, or a built-in
/// type's method.
#[inline]
pub fn cached_method(code: &Code, pc: u32, obj: Value) -> Option<Value> {
    inline_cache::load_method(code, pc, obj)
        .or_else(|| inline_cache::load_builtin_method(code, pc, obj))
}

/// The most arguments a direct call of a built-in passes.
pub const DIRECT_ARGS: usize = 6;

/// `f(*args)` when `f` is a built-in function or method, called as
/// `call_object` calls one but without building argument vectors (at most
/// `DIRECT_ARGS` arguments); `None` when `f` is anything else. The
/// arguments stay on the caller's stack during the call, which keeps them
/// alive.
#[inline]
pub fn call_builtin(f: Value, args: &[Value]) -> Option<PyResult> {
    if objects::is_small_int(f) || objects::type_id(f) != Some(objects::BUILTIN) {
        return None;
    }
    let b = get::<PyBuiltin>(f)?;
    if b.receiver == 0 {
        return Some((b.f)(args, &[]));
    }
    let mut all = [0; DIRECT_ARGS + 1];
    all[0] = b.receiver;
    all[1..=args.len()].copy_from_slice(args);
    Some((b.f)(&all[..=args.len()], &[]))
}
