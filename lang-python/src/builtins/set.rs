//! `set` and `frozenset` over CPython's table (`objects/settable.rs`), with
//! the operations built the way CPython builds them, so results iterate in
//! CPython's order: a union copies the left operand and adds the right, an
//! intersection walks the smaller set, a symmetric difference starts from
//! a copy of the right operand.

use super::{exc, ops, PyResult};
use crate::bytecode::{BinOp, CmpOp};
use crate::objects::settable::{Found, SetTable};
use crate::objects::{self, get, PySet, Value};
use std::cell::RefCell;

fn table(s: Value) -> &'static RefCell<SetTable> {
    &get::<PySet>(s).expect("a set").table
}

/// The slot holding `key`, or where it would go.
fn find(s: Value, key: Value, hash: i64) -> PyResult<Found> {
    let t = table(s);
    let mut unequal = Vec::new();
    loop {
        let r = t.borrow().lookup(hash, key, &unequal);
        match r {
            Found::Ask(i) => {
                let other = t.borrow().slots[i].key;
                if ops::eq(other, key)? {
                    if t.borrow().slots.get(i).is_some_and(|x| x.key == other) {
                        return Ok(Found::Active(i));
                    }
                    unequal.clear();
                } else {
                    unequal.push(i);
                }
            }
            done => return Ok(done),
        }
    }
}

/// The hash of `item` as a set element (a set is looked up as a frozenset).
fn element_hash(item: Value) -> PyResult<(Value, i64)> {
    match ops::hash(item) {
        Ok(h) => Ok((item, h)),
        Err(e) => {
            if get::<PySet>(item).is_some() {
                let f = from_items(&keys(item), true)?;
                return Ok((f, ops::hash(f)?));
            }
            Err(e)
        }
    }
}

pub fn contains(s: Value, item: Value) -> PyResult<bool> {
    let (item, h) = element_hash(item)?;
    Ok(matches!(find(s, item, h)?, Found::Active(_)))
}

fn add_hashed(s: Value, item: Value, h: i64) -> PyResult<()> {
    if let Found::Vacant(slot) = find(s, item, h)? {
        table(s).borrow_mut().insert_at(slot, h, item);
    }
    Ok(())
}

pub fn add(s: Value, item: Value) -> PyResult<()> {
    let h = ops::hash(item)?;
    add_hashed(s, item, h)
}

pub fn discard(s: Value, item: Value) -> PyResult<bool> {
    let (item, h) = element_hash(item)?;
    match find(s, item, h)? {
        Found::Active(slot) => {
            table(s).borrow_mut().remove_at(slot);
            Ok(true)
        }
        _ => Ok(false),
    }
}

pub fn remove(s: Value, item: Value) -> PyResult<()> {
    if discard(s, item)? {
        Ok(())
    } else {
        Err(exc::key_error(item))
    }
}

pub fn pop(s: Value) -> PyResult {
    table(s)
        .borrow_mut()
        .pop()
        .ok_or_else(|| exc::key_error(objects::new_str("pop from an empty set")))
}

pub fn clear(s: Value) {
    table(s).borrow_mut().clear();
}

pub fn len(s: Value) -> usize {
    table(s).borrow().len()
}

/// The elements in iteration order.
pub fn keys(s: Value) -> Vec<Value> {
    table(s).borrow().iter().map(|x| x.key).collect()
}

fn entries(s: Value) -> Vec<(Value, i64)> {
    table(s).borrow().iter().map(|x| (x.key, x.hash)).collect()
}

/// A copy of the set `s` (CPython's `set_merge` into an empty set).
pub fn copy(s: Value, frozen: bool) -> Value {
    let out = objects::new_set(frozen);
    let src = table(s).borrow();
    table(out).borrow_mut().merge_into_empty(&src);
    out
}

/// Add every element of `other` (a set: a merge; else by iteration).
pub fn update(s: Value, other: Value) -> PyResult<()> {
    if is_set(other) {
        if other == s {
            return Ok(());
        }
        if table(s).borrow().is_empty() {
            let src = table(other).borrow();
            table(s).borrow_mut().merge_into_empty(&src);
            return Ok(());
        }
        let extra = len(other);
        table(s).borrow_mut().reserve_for_merge(extra);
        // A snapshot of the entries (an `__eq__` run by the adds may
        // change `other`), on the stack when it is small.
        const SMALL: usize = 8;
        if extra <= SMALL {
            let mut small = [(0, 0); SMALL];
            let mut n = 0;
            for x in table(other).borrow().iter().take(SMALL) {
                small[n] = (x.key, x.hash);
                n += 1;
            }
            for &(k, h) in &small[..n] {
                add_hashed(s, k, h)?;
            }
            return Ok(());
        }
        for (k, h) in entries(other) {
            add_hashed(s, k, h)?;
        }
        return Ok(());
    }
    for &x in ops::collect(other)?.iter() {
        add(s, x)?;
    }
    Ok(())
}

pub fn from_items(items: &[Value], frozen: bool) -> PyResult {
    let s = objects::new_set(frozen);
    for &x in items {
        add(s, x)?;
    }
    Ok(s)
}

/// A new set of `v`'s elements (a copy for a set).
pub fn from_iterable(v: Value, frozen: bool) -> PyResult {
    if is_set(v) {
        return Ok(copy(v, frozen));
    }
    from_items(&ops::collect(v)?, frozen)
}

pub fn is_set(v: Value) -> bool {
    get::<PySet>(v).is_some()
}

pub fn frozen(v: Value) -> bool {
    get::<PySet>(v).is_some_and(|s| s.frozen)
}

fn subset(a: Value, b: Value) -> PyResult<bool> {
    if len(a) > len(b) {
        return Ok(false);
    }
    for x in keys(a) {
        if !contains(b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn compare(op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    let (la, lb) = (len(a), len(b));
    Ok(match op {
        CmpOp::Eq => la == lb && subset(a, b)?,
        CmpOp::Ne => !(la == lb && subset(a, b)?),
        CmpOp::Le => subset(a, b)?,
        CmpOp::Lt => la < lb && subset(a, b)?,
        CmpOp::Ge => subset(b, a)?,
        CmpOp::Gt => la > lb && subset(b, a)?,
    })
}

pub fn union(a: Value, b: Value, frozen: bool) -> PyResult {
    let out = copy(a, frozen);
    update(out, b)?;
    Ok(out)
}

pub fn intersection(a: Value, b: Value, frozen: bool) -> PyResult {
    let out = objects::new_set(frozen);
    if is_set(b) {
        let (small, big) = if len(b) > len(a) { (a, b) } else { (b, a) };
        for (k, h) in entries(small) {
            if matches!(find(big, k, h)?, Found::Active(_)) {
                add_hashed(out, k, h)?;
            }
        }
        return Ok(out);
    }
    for &x in ops::collect(b)?.iter() {
        if contains(a, x)? {
            add(out, x)?;
        }
    }
    Ok(out)
}

pub fn difference(a: Value, b: Value, frozen: bool) -> PyResult {
    let other = if is_set(b) {
        b
    } else {
        from_iterable(b, false)?
    };
    if (len(a) >> 2) > len(other) {
        let out = copy(a, frozen);
        for k in keys(other) {
            discard(out, k)?;
        }
        return Ok(out);
    }
    let out = objects::new_set(frozen);
    for (k, h) in entries(a) {
        if !matches!(find(other, k, h)?, Found::Active(_)) {
            add_hashed(out, k, h)?;
        }
    }
    Ok(out)
}

pub fn symmetric_difference(a: Value, b: Value, frozen: bool) -> PyResult {
    let out = from_iterable(b, frozen)?;
    symmetric_update(out, a)?;
    Ok(out)
}

/// `s ^= other`.
pub fn symmetric_update(s: Value, other: Value) -> PyResult<()> {
    let other = if is_set(other) {
        other
    } else {
        from_iterable(other, false)?
    };
    for (k, h) in entries(other) {
        match find(s, k, h)? {
            Found::Active(slot) => {
                table(s).borrow_mut().remove_at(slot);
            }
            Found::Vacant(slot) => table(s).borrow_mut().insert_at(slot, h, k),
            Found::Ask(_) => unreachable!("find resolves Ask"),
        }
    }
    Ok(())
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets; the result has `a`'s kind.
pub fn binary(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_set(a) || !is_set(b) {
        return Ok(None);
    }
    let fz = frozen(a);
    Ok(Some(match op {
        BinOp::Or => union(a, b, fz)?,
        BinOp::And => intersection(a, b, fz)?,
        BinOp::Sub => difference(a, b, fz)?,
        BinOp::Xor => symmetric_difference(a, b, fz)?,
        _ => return Ok(None),
    }))
}

/// `a |= b` and friends, in place.
pub fn inplace(op: BinOp, a: Value, b: Value) -> PyResult<()> {
    match op {
        BinOp::Or => update(a, b),
        BinOp::Xor => symmetric_update(a, b),
        BinOp::And => {
            let r = intersection(a, b, false)?;
            clear(a);
            update(a, r)
        }
        _ => {
            let other = if is_set(b) {
                b
            } else {
                from_iterable(b, false)?
            };
            for k in keys(other) {
                discard(a, k)?;
            }
            Ok(())
        }
    }
}
