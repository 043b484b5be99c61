//! `dict` operations over the compact table (`objects/dict.rs`): lookups
//! that ask Python for `__eq__` with no borrow held, and the methods.

use super::{exc, ops, PyResult};
use crate::objects::dict::{Lookup, Table};
use crate::objects::{self, get, PyDict, Value};
use std::cell::RefCell;

fn table_of(d: Value) -> &'static RefCell<Table> {
    &get::<PyDict>(d).expect("a dict").table
}

/// Find `key` (with hash `h`) in the table of `d`: its entry index.
pub fn find(d: Value, key: Value, h: i64) -> PyResult<Option<usize>> {
    let table = table_of(d);
    let mut unequal = Vec::new();
    loop {
        let r = table.borrow().lookup(h, key, &unequal);
        match r {
            Lookup::Found(i) => return Ok(Some(i)),
            Lookup::Absent => return Ok(None),
            Lookup::Ask(i) => {
                let other = table.borrow().entries[i].key;
                if ops::eq(other, key)? {
                    let still = table
                        .borrow()
                        .entries
                        .get(i)
                        .is_some_and(|e| e.key == other);
                    if still {
                        return Ok(Some(i));
                    }
                    unequal.clear();
                } else {
                    unequal.push(i);
                }
            }
        }
    }
}

pub fn get_item(d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = ops::hash(key)?;
    Ok(find(d, key, h)?.map(|i| table_of(d).borrow().entries[i].value))
}

/// A lookup by an interned name in a namespace dict (no Python code runs:
/// keys of namespaces are strs).
pub fn get_str(d: Value, name: Value) -> Option<Value> {
    value_at(d, index_of_str(d, name)?)
}

/// Where the interned `name` is in the namespace `d`: its entry index.
pub fn index_of_str(d: Value, name: Value) -> Option<usize> {
    let h = match get::<objects::PyStr>(name) {
        Some(s) => s.hash(),
        None => ops::hash(name).ok()?,
    };
    match table_of(d).borrow().lookup(h, name, &[]) {
        Lookup::Found(i) => Some(i),
        _ => None,
    }
}

/// The value of entry `i` of `d` (an index from `index_of_str`, valid
/// while the dict's keys version is unchanged).
#[inline]
pub fn value_at(d: Value, i: usize) -> Option<Value> {
    entry_value(get::<PyDict>(d).expect("a dict"), i)
}

/// `value_at` for a dict already in hand.
#[inline(always)]
pub fn entry_value(d: &PyDict, i: usize) -> Option<Value> {
    d.table.borrow().entries.get(i).map(|e| e.value)
}

/// Replace the value of entry `i` of `d` (an index from `index_of_str`,
/// valid while the dict's keys version is unchanged); false if there is no
/// such entry.
#[inline]
pub fn set_value_at(d: Value, i: usize, v: Value) -> bool {
    match table_of(d).borrow_mut().entries.get_mut(i) {
        Some(e) => e.value = v,
        None => return false,
    }
    changed(d, false);
    true
}

pub fn set_item(d: Value, key: Value, v: Value) -> PyResult<()> {
    let h = ops::hash(key)?;
    match find(d, key, h)? {
        Some(i) => {
            table_of(d).borrow_mut().entries[i].value = v;
            changed(d, false);
        }
        None => {
            table_of(d).borrow_mut().insert_new(h, key, v);
            changed(d, true);
        }
    }
    Ok(())
}

/// Remove `key`; `KeyError` when absent.
pub fn del_item(d: Value, key: Value) -> PyResult<()> {
    match pop(d, key)? {
        Some(_) => Ok(()),
        None => Err(exc::key_error(key)),
    }
}

pub fn pop(d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = ops::hash(key)?;
    let found = find(d, key, h)?;
    let removed = found.map(|i| table_of(d).borrow_mut().remove_at(i).value);
    if removed.is_some() {
        changed(d, true);
    }
    Ok(removed)
}

pub fn len(d: Value) -> usize {
    table_of(d).borrow().len()
}

/// The (key, value) pairs in order.
pub fn items(d: Value) -> Vec<(Value, Value)> {
    table_of(d)
        .borrow()
        .iter()
        .map(|e| (e.key, e.value))
        .collect()
}

pub fn keys(d: Value) -> Vec<Value> {
    table_of(d).borrow().iter().map(|e| e.key).collect()
}

pub fn clear(d: Value) {
    table_of(d).borrow_mut().clear();
    changed(d, true);
}

/// Every change of a dict's table goes through here (`keys`: the set of
/// keys changed), for the lookup caches.
fn changed(d: Value, keys: bool) {
    let p = get::<PyDict>(d).expect("a dict");
    if keys {
        p.keys_version.set(p.keys_version.get() + 1);
    }
    if p.class_namespace.get() {
        super::lookup_cache::classes_changed();
    }
    if p.watched.get() != 0 {
        super::lookup_cache::watched_changed(p);
    }
}

pub fn dict_eq(a: Value, b: Value) -> PyResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    for (k, v) in items(a) {
        match get_item(b, k)? {
            Some(w) => {
                if !(v == w || ops::eq(v, w)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// A new dict from pairs.
pub fn from_pairs(pairs: &[(Value, Value)]) -> PyResult {
    let d = objects::new_dict();
    for &(k, v) in pairs {
        set_item(d, k, v)?;
    }
    Ok(d)
}

/// `d.update(other)`: a mapping (by its keys) or an iterable of pairs.
pub fn update(d: Value, other: Value) -> PyResult<()> {
    if get::<PyDict>(other).is_some() {
        for (k, v) in items(other) {
            set_item(d, k, v)?;
        }
        return Ok(());
    }
    if ops::lookup_special(other, objects::intern::intern_static("keys")).is_some() {
        let keys = ops::call_method(other, "keys", &[])?;
        for &k in ops::collect(keys)?.iter() {
            let v = ops::getitem(other, k)?;
            set_item(d, k, v)?;
        }
        return Ok(());
    }
    for (i, &item) in ops::collect(other)?.iter().enumerate() {
        let pair = ops::collect(item).map_err(|_| {
            exc::type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if pair.len() != 2 {
            return Err(exc::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        set_item(d, pair[0], pair[1])?;
    }
    Ok(())
}
