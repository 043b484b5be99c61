//! `list` (and `tuple`'s two methods): item and slice assignment, and the
//! methods, with `sort` stable and checked against mutation during the sort.

use super::{exc, kwarg, method_arg_count, number, ops, slice_indices, slice_positions, PyResult};
use crate::interp::call_object;
use crate::objects::{self, get, new_int, PyList, PySlice, Types, Value};

fn this(args: &[Value], name: &str) -> PyResult<&'static PyList> {
    args.first()
        .and_then(|&v| get::<PyList>(objects::base_value(v)))
        .ok_or_else(|| {
            exc::type_error(format!(
                "descriptor '{name}' for 'list' objects doesn't apply to this object"
            ))
        })
}

pub fn set_item(list: Value, key: Value, v: Value) -> PyResult<()> {
    let l = get::<PyList>(list).unwrap();
    if let Some(s) = get::<PySlice>(key) {
        let (a, b, c) = slice_indices(s, || l.len() as i64)?;
        if v == 0 {
            if c == 1 {
                l.replace_range(a as usize, b.max(a) as usize, &[]);
                return Ok(());
            }
            let mut dropped = vec![false; l.len()];
            for i in slice_positions(a, b, c) {
                dropped[i as usize] = true;
            }
            // The kept items are still in the list while it is rebuilt.
            let kept: Vec<Value> = (0..l.len())
                .filter(|&i| !dropped[i])
                .filter_map(|i| l.get(i))
                .collect();
            l.set_all(&kept);
            return Ok(());
        }
        // A list or tuple's items stay alive in it (and are roots while
        // the list grows); any other iterable's are collected and rooted.
        let (plain, rooted);
        let new: &[Value] = if matches!(objects::type_id(v), Some(objects::LIST | objects::TUPLE)) {
            plain = super::seq_items(v);
            &plain
        } else {
            rooted = ops::collect(v).map_err(|e| {
                if exc::is_instance(e, "TypeError") {
                    exc::type_error("can only assign an iterable")
                } else {
                    e
                }
            })?;
            &rooted
        };
        if c == 1 {
            let (a, b) = (a as usize, (b.max(a)) as usize);
            l.replace_range(a, b, new);
            return Ok(());
        }
        let pos = slice_positions(a, b, c);
        if pos.len() != new.len() {
            return Err(exc::value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new.len(),
                pos.len()
            )));
        }
        for (i, &x) in pos.into_iter().zip(new.iter()) {
            l.set(i as usize, x);
        }
        return Ok(());
    }
    let n = l.len() as i64;
    let i = match objects::int_of(key) {
        Some(objects::IntVal::Small(k)) => k,
        _ => {
            if objects::int_of(key).is_none() && ops::user_special(key, "__index__").is_none() {
                return Err(exc::type_error(format!(
                    "list indices must be integers or slices, not {}",
                    objects::types::type_name(key)
                )));
            }
            number::to_index(key)?
        }
    };
    let k = if i < 0 { i + n } else { i };
    if k < 0 || k >= n {
        return Err(exc::index_error("list assignment index out of range"));
    }
    if v == 0 {
        l.remove(k as usize);
    } else {
        l.set(k as usize, v);
    }
    Ok(())
}

pub fn methods() -> Vec<(&'static str, super::BuiltinFn)> {
    vec![
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
        ("sort", sort),
    ]
}

fn append(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "append", args, 2, 2)?;
    this(args, "append")?.push(args[1]);
    Ok(Types::get().none)
}

fn extend(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "extend", args, 2, 2)?;
    let l = this(args, "extend")?;
    let items = ops::collect(args[1])?;
    l.extend(&items);
    Ok(Types::get().none)
}

fn pop(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "pop", args, 1, 2)?;
    let l = this(args, "pop")?;
    let n = l.len() as i64;
    if n == 0 {
        return Err(exc::index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(&v) => number::to_index(v)?,
        None => -1,
    };
    let k = if i < 0 { i + n } else { i };
    if k < 0 || k >= n {
        return Err(exc::index_error("pop index out of range"));
    }
    // `to_index` may have run Python code that shortened the list.
    l.remove(k as usize)
        .ok_or_else(|| exc::index_error("pop index out of range"))
}

fn insert(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "insert", args, 3, 3)?;
    let l = this(args, "insert")?;
    let i = number::to_index(args[1])?;
    let n = l.len() as i64;
    let k = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(k as usize, args[2]);
    Ok(Types::get().none)
}

/// The first index whose item equals `x`. Each item is read again after
/// every comparison (which may run Python code that changes the list), as
/// CPython's loops do.
fn position(list: Value, x: Value) -> PyResult<Option<usize>> {
    let mut i = 0;
    while let Some(y) = objects::seq_item(list, i) {
        if y == x || ops::eq(y, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "remove", args, 2, 2)?;
    let l = this(args, "remove")?;
    match position(objects::base_value(args[0]), args[1])? {
        Some(i) => {
            // The comparison may have shortened the list: nothing to remove.
            l.remove(i);
            Ok(Types::get().none)
        }
        None => Err(exc::value_error("list.remove(x): x not in list")),
    }
}

/// `index` of lists and tuples.
pub fn index(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "index", args, 2, 4)?;
    let seq = objects::base_value(args[0]);
    let n = objects::seq_len(seq) as i64;
    let bound = |i: usize, d: i64| -> PyResult<i64> {
        Ok(match args.get(i) {
            Some(&v) => {
                let k = number::to_index(v)?;
                if k < 0 {
                    (k + n).max(0)
                } else {
                    k.min(n)
                }
            }
            None => d,
        })
    };
    // Without a stop, CPython searches items added by the comparisons too.
    let (a, b) = (bound(2, 0)?, bound(3, i64::MAX)?);
    for i in a..b.max(a) {
        let Some(y) = objects::seq_item(seq, i as usize) else {
            break;
        };
        if y == args[1] || ops::eq(y, args[1])? {
            return Ok(new_int(i));
        }
    }
    let what = if objects::type_id(objects::base_value(args[0])) == Some(objects::TUPLE) {
        "tuple.index(x): x not in tuple"
    } else {
        return Err(exc::value_error(format!(
            "{} is not in list",
            ops::repr(args[1])?
        )));
    };
    Err(exc::value_error(what))
}

/// `count` of lists and tuples.
pub fn count(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "count", args, 2, 2)?;
    let seq = objects::base_value(args[0]);
    let mut n = 0;
    let mut i = 0;
    while let Some(y) = objects::seq_item(seq, i) {
        if y == args[1] || ops::eq(y, args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(new_int(n))
}

fn clear(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "clear", args, 1, 1)?;
    this(args, "clear")?.clear();
    Ok(Types::get().none)
}

fn copy(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "copy", args, 1, 1)?;
    let items = this(args, "copy")?.to_vec();
    Ok(objects::new_list(items))
}

fn reverse(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("list", "reverse", args, 1, 1)?;
    this(args, "reverse")?.reverse();
    Ok(Types::get().none)
}

fn sort(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    if args.len() > 1 {
        return Err(exc::type_error("sort() takes no positional arguments"));
    }
    super::check_kwargs("sort", kw, &["key", "reverse"])?;
    let l = this(args, "sort")?;
    // As CPython: the list is empty during the sort, and a mutation
    // meanwhile gives it an item array again.
    let items = l.take();
    let key = kwarg(kw, "key").filter(|&k| k != Types::get().none);
    let reverse = match kwarg(kw, "reverse") {
        Some(v) => ops::truthy(v)?,
        None => false,
    };
    let result = sort_values(items.to_vec(), key, reverse);
    let mutated = l.has_storage();
    match result {
        Ok(sorted) => {
            l.set_all(&sorted);
            if mutated {
                return Err(exc::value_error("list modified during sort"));
            }
            Ok(Types::get().none)
        }
        Err(e) => {
            l.set_all(&items);
            Err(e)
        }
    }
}

/// A stable sort of `items` by `key` (or themselves), Python's `<`.
pub fn sort_values(
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PyResult<objects::RootedVec> {
    let items = objects::RootedVec::from_vec(items);
    let keys = match key {
        Some(f) => {
            let mut ks = objects::RootedVec::new();
            for &x in &items {
                ks.push(call_object(f, &[x], &[])?);
            }
            ks
        }
        None => objects::RootedVec::from_vec(items.to_vec()),
    };
    // As CPython: a reverse sort reverses, sorts stably and reverses back,
    // so equal items keep their order and the comparisons are the same.
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    super::timsort::sort(&mut idx, &mut |a, b| ops::less_than(keys[a], keys[b]))?;
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i]).collect())
}
