//! `set` and `frozenset`: the dict table with keys only.

use super::{dict, exc, ops, PyResult};
use crate::bytecode::CmpOp;
use crate::objects::{self, get, PySet, Value};

pub fn contains(s: Value, item: Value) -> PyResult<bool> {
    let h = match ops::hash(item) {
        Ok(h) => h,
        Err(e) => {
            // `x in set` of an unhashable set tries it as a frozenset.
            if get::<PySet>(item).is_some() {
                let f = from_items(&keys(item), true)?;
                return contains(s, f);
            }
            return Err(e);
        }
    };
    Ok(dict::find(s, item, h)?.is_some())
}

pub fn add(s: Value, item: Value) -> PyResult<()> {
    let h = ops::hash(item)?;
    if dict::find(s, item, h)?.is_none() {
        get::<PySet>(s)
            .unwrap()
            .table
            .borrow_mut()
            .insert_new(h, item, 0);
    }
    Ok(())
}

pub fn discard(s: Value, item: Value) -> PyResult<bool> {
    let h = ops::hash(item)?;
    match dict::find(s, item, h)? {
        Some(i) => {
            get::<PySet>(s).unwrap().table.borrow_mut().remove_at(i);
            Ok(true)
        }
        None => Ok(false),
    }
}

pub fn keys(s: Value) -> Vec<Value> {
    dict::keys(s)
}

pub fn from_items(items: &[Value], frozen: bool) -> PyResult {
    let s = objects::new_set(frozen);
    for &x in items {
        add(s, x)?;
    }
    Ok(s)
}

pub fn is_set(v: Value) -> bool {
    get::<PySet>(v).is_some()
}

pub fn frozen(v: Value) -> bool {
    get::<PySet>(v).is_some_and(|s| s.frozen)
}

fn subset(a: Value, b: Value) -> PyResult<bool> {
    for x in keys(a) {
        if !contains(b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn compare(op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    let (la, lb) = (dict::len(a), dict::len(b));
    Ok(match op {
        CmpOp::Eq => la == lb && subset(a, b)?,
        CmpOp::Ne => !(la == lb && subset(a, b)?),
        CmpOp::Le => subset(a, b)?,
        CmpOp::Lt => la < lb && subset(a, b)?,
        CmpOp::Ge => subset(b, a)?,
        CmpOp::Gt => la > lb && subset(b, a)?,
    })
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` on sets; the result has `a`'s kind.
pub fn binary(op: crate::bytecode::BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    use crate::bytecode::BinOp;
    if !is_set(a) || !is_set(b) {
        return Ok(None);
    }
    let fz = frozen(a);
    let out = objects::new_set(fz);
    match op {
        BinOp::Or => {
            for x in keys(a).into_iter().chain(keys(b)) {
                add(out, x)?;
            }
        }
        BinOp::And => {
            for x in keys(a) {
                if contains(b, x)? {
                    add(out, x)?;
                }
            }
        }
        BinOp::Sub => {
            for x in keys(a) {
                if !contains(b, x)? {
                    add(out, x)?;
                }
            }
        }
        BinOp::Xor => {
            for x in keys(a) {
                if !contains(b, x)? {
                    add(out, x)?;
                }
            }
            for x in keys(b) {
                if !contains(a, x)? {
                    add(out, x)?;
                }
            }
        }
        _ => return Ok(None),
    }
    Ok(Some(out))
}

pub fn remove(s: Value, item: Value) -> PyResult<()> {
    if discard(s, item)? {
        Ok(())
    } else {
        Err(exc::key_error(item))
    }
}
