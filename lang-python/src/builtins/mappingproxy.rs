//! `mappingproxy`: what `C.__dict__` and `vars(C)` give, a live read-only
//! view of a class's namespace dict. Reading (subscript, `in`, `len`,
//! iteration, the dict's reading methods, `==`) goes to the dict; item
//! assignment finds no `__setitem__` and fails as on any read-only object,
//! so a namespace changes only through `setattr` on the class, which keeps
//! the lookup caches right.

use super::{ops, BuiltinFn, PyResult};
use crate::interp::call_object;
use crate::objects::{self, get, intern::intern, PyMappingProxy, Value};

pub fn new_proxy(mapping: Value) -> Value {
    objects::alloc(PyMappingProxy { mapping })
}

/// The dict behind a proxy (`v` itself for anything else).
pub fn target(v: Value) -> Value {
    get::<PyMappingProxy>(v).map_or(v, |p| p.mapping)
}

pub fn repr(v: Value) -> PyResult<String> {
    Ok(format!("mappingproxy({})", ops::repr(target(v))?))
}

/// The method `name` of the dict, called with the proxy's arguments.
fn delegate(name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::arg_count(name, args, 1, usize::MAX)?;
    let method = ops::getattr(target(args[0]), intern(name))?;
    call_object(method, &args[1..], kw)
}

fn keys(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    delegate("keys", args, kw)
}
fn values(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    delegate("values", args, kw)
}
fn items(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    delegate("items", args, kw)
}
fn get_(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    delegate("get", args, kw)
}
fn copy(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    delegate("copy", args, kw)
}

pub fn methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get_),
        ("copy", copy),
    ]
}
