//! `types.UnionType`: what `int | str` makes of two classes, accepted by
//! `isinstance` and `issubclass` like a tuple of its members.
//!
//! Members are kept flat and without repeats in the order written, `None`
//! standing for `NoneType`, as CPython's `_Py_union_type_or` builds them.

use super::PyResult;
use crate::bytecode::BinOp;
use crate::objects::{self, get, PyClass, PyUnion, Types, Value};

/// The members of `v` if it can stand in a union (a class, `None`, a
/// union), with `None` replaced by its class.
fn members(v: Value) -> Option<Vec<Value>> {
    let t = Types::get();
    if v == t.none {
        return Some(vec![t.none_type]);
    }
    if get::<PyClass>(v).is_some() {
        return Some(vec![v]);
    }
    args_of(v).map(<[Value]>::to_vec)
}

pub fn args_of(v: Value) -> Option<&'static [Value]> {
    get::<PyUnion>(v).map(|u| &*u.args)
}

/// `a | b` for classes and unions; `None` when either operand is neither.
pub fn binary(op: BinOp, a: Value, b: Value) -> Option<Value> {
    if op != BinOp::Or {
        return None;
    }
    let (mut all, more) = (members(a)?, members(b)?);
    for m in more {
        if !all.contains(&m) {
            all.push(m);
        }
    }
    Some(objects::alloc(PyUnion { args: all.into() }))
}

/// `int | None` as CPython writes it.
pub fn repr(v: Value) -> PyResult<String> {
    let t = Types::get();
    let mut parts = Vec::new();
    for &m in args_of(v).unwrap_or(&[]) {
        parts.push(if m == t.none_type {
            "None".to_string()
        } else {
            let c = get::<PyClass>(m).expect("union members are classes");
            if c.builtin {
                c.qualname.borrow().clone()
            } else {
                let module =
                    super::ops::lookup_in_mro(m, objects::intern::intern_static("__module__"))
                        .and_then(objects::str_of)
                        .unwrap_or("__main__");
                format!("{module}.{}", c.qualname.borrow())
            }
        });
    }
    Ok(parts.join(" | "))
}

/// `u.__args__`.
pub fn attribute(v: Value, name: &str) -> Option<Value> {
    (name == "__args__").then(|| objects::new_tuple(args_of(v).unwrap_or(&[]).to_vec()))
}
