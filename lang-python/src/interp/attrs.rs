//! Attribute access and method lookup as compiled code does them: the
//! instance's class and map promoted (two `guard_value`s), the lookup made
//! while recording, and the answer a direct load or store of an attribute
//! slot, or a constant (PyPy's maps, "Recursive interpreters" in
//! shared/DESIGN.md).
//!
//! The answer of a lookup is a function of the class, the map and the
//! attribute name for as long as no class namespace changes: an instance's
//! attributes are exactly its map's names when the map is not one of an
//! instance with a `__dict__` (`PyMap::with_dict`), and what the class
//! says about a name (a descriptor, a method, `__getattribute__`,
//! `__setattr__`) is in the namespaces of its MRO. So a trace reads the
//! quasi-immutable classes version (`lookup_cache::CLASSES_VERSION`) and
//! keeps the answer; a change to any class namespace invalidates it.
//!
//! Only the shapes whose answer the general helpers would give without
//! running Python code are planned here, the same ones the interpreter's
//! inline caches serve (`inline_cache.rs`): an instance attribute the
//! class does not name, a plain value on the class the instance does not
//! shadow, a Python function found on the class for a method call or for
//! a binary operator (`left_operator_function`), a
//! method of a str, list, tuple or dict (whose namespaces never change),
//! and a store to an attribute the class does not name (adding it moves
//! the instance to the next map). Everything else returns `None`, and the
//! dispatch loop calls the helper.

use crate::builtins::lookup_cache::{self, CLASSES_VERSION};
use crate::builtins::{exc, ops};
use crate::objects::{self, attrs_capacity, get, PyClass, PyInstance, PyMap, Value, ATTRS};
use metajit::ir::{FieldDescr, Type};
use metajit::value as mv;
use metajit::{Mode, Val};
use std::mem::offset_of;

pub static INSTANCE_CLASS: FieldDescr = FieldDescr {
    name: "instance.class",
    offset: 8 + offset_of!(PyInstance, class) as i32,
    ty: Type::Ref,
};
pub static INSTANCE_MAP: FieldDescr = FieldDescr {
    name: "instance.map",
    offset: 8 + offset_of!(PyInstance, map) as i32,
    ty: Type::Ref,
};
pub static INSTANCE_ATTRS: FieldDescr = FieldDescr {
    name: "instance.attrs",
    offset: 8 + offset_of!(PyInstance, attrs) as i32,
    ty: Type::Ref,
};

/// Where `obj.name` comes from, for instances of one class and map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Load {
    /// The instance's attribute slot (0 when the attribute was deleted).
    Slot(usize),
    /// A value found on the class that binds to nothing (a number, a str,
    /// a tuple, None...), which no instance attribute shadows.
    Class(Value),
}

/// How `obj.name = v` is done, for instances of one class and map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// The map has the name: overwrite its slot.
    Slot(usize),
    /// A new attribute: slot `index` (the map's length), then the map
    /// becomes `next`.
    Append { index: usize, next: Value },
}

/// The map if the general lookup of `name` on instances of `class` with
/// `map` is one that plans may answer: a user class (not `object`
/// itself) without `__getattribute__`, a map whose names are all the
/// attributes, and not `__class__` or `__dict__` (which the attribute
/// protocol answers before or besides the class and the slots).
fn plannable(class: Value, map: Value, name: Value) -> Option<&'static PyMap> {
    let c = get::<PyClass>(class)?;
    let m = get::<PyMap>(map)?;
    if c.builtin || m.with_dict || class_special(class, "__getattribute__") {
        return None;
    }
    let special = ["__class__", "__dict__"];
    if special
        .iter()
        .any(|&s| objects::intern::intern_static(s) == name)
    {
        return None;
    }
    Some(m)
}

/// Whether a user class of `class`'s MRO defines the special method `name`
/// (as `ops::user_special` asks of an instance).
fn class_special(class: Value, name: &'static str) -> bool {
    let name = objects::intern::intern_static(name);
    matches!(lookup_cache::class_lookup(class, name), (Some(_), true))
}

/// A value that the attribute protocol returns as it is when found on a
/// class: of a built-in type that is no descriptor.
fn binds_to_itself(v: Value) -> bool {
    if objects::is_small_int(v) {
        return true;
    }
    matches!(
        objects::type_id(v),
        Some(
            objects::STR
                | objects::TUPLE
                | objects::SINGLETON
                | objects::BOOL
                | objects::LONG
                | mv::FLOAT_BOX_TYPE_ID
        )
    )
}

/// `obj.name` for an instance of `class` with `map`.
pub fn plan_load(class: Value, map: Value, name: Value) -> Option<Load> {
    let m = plannable(class, map, name)?;
    match ops::lookup_in_mro(class, name) {
        None => m.index_of(name).map(Load::Slot),
        Some(d) if binds_to_itself(d) => match m.index_of(name) {
            Some(k) => Some(Load::Slot(k)),
            None => Some(Load::Class(d)),
        },
        Some(_) => None,
    }
}

/// The function `obj.name` calls with `obj` first, for an instance of
/// `class` with `map`: a Python function on the class that the instance
/// does not shadow.
pub fn plan_method(class: Value, map: Value, name: Value) -> Option<Value> {
    let m = plannable(class, map, name)?;
    let f = ops::lookup_in_mro(class, name)?;
    (objects::type_id(f) == Some(objects::FUNCTION) && m.index_of(name).is_none()).then_some(f)
}

/// `obj.name = v` for an instance of `class` with `map`: no `__setattr__`,
/// no class attribute of that name (so no descriptor), a name the class's
/// `__slots__` (if any) allow. Adding an attribute makes the next map
/// now, as the helper would.
pub fn plan_store(class: Value, map: Value, name: Value) -> Option<Store> {
    let m = plannable(class, map, name)?;
    if class_special(class, "__setattr__")
        || ops::lookup_in_mro(class, name).is_some()
        || exc::is_chaining_attr(name)
        || !ops::may_set_attr(class, name)
    {
        return None;
    }
    if let Some(k) = m.index_of(name) {
        return Some(Store::Slot(k));
    }
    Some(Store::Append {
        index: m.names.len(),
        next: ops::next_map(map, name),
    })
}

/// Guard that `obj` is an instance and promote its class and map, when
/// recording; `None` when it is no instance.
fn receiver<M: Mode>(m: &mut M, obj: M::Ref) -> Option<(Value, Value)> {
    if mv::is_int(m, obj) || m.class_of(obj) != objects::INSTANCE {
        return None;
    }
    let class = m.getfield_ref(obj, &INSTANCE_CLASS);
    let class = m.promote_ref(class);
    let map = m.getfield_ref(obj, &INSTANCE_MAP);
    let map = m.promote_ref(map);
    m.quasi_immutable(lookup_cache::version_holder(), &CLASSES_VERSION);
    Some((class, map))
}

/// `obj.name` without the helper, if the plan knows it and the attribute
/// is there.
pub fn load_attr<M: Mode>(m: &mut M, obj: M::Ref, name: Value) -> Option<M::Ref> {
    let (class, map) = receiver(m, obj)?;
    match plan_load(class, map, name)? {
        Load::Class(v) => Some(m.const_ref(v)),
        Load::Slot(k) => {
            let attrs = m.getfield_ref(obj, &INSTANCE_ATTRS);
            let k = m.int(k as i64);
            let v = m.getarrayitem_ref(attrs, &ATTRS, k);
            // A deleted attribute: the helper raises or asks `__getattr__`.
            (!m.is_null(v)).then_some(v)
        }
    }
}

/// The function for the method call `obj.name(...)`, if the plan knows it.
pub fn load_method<M: Mode>(m: &mut M, obj: M::Ref, name: Value) -> Option<M::Ref> {
    if let Some(f) = builtin_method(m, obj, name) {
        return Some(f);
    }
    let (class, map) = receiver(m, obj)?;
    let f = plan_method(class, map, name)?;
    Some(m.const_ref(f))
}

/// The Python function to call with `(a, b)` first for `a op b` (`a op=
/// b` when `inplace`), as `ops::left_operator_function` says for the
/// classes of `a` and `b`: `a` an instance (its class promoted), `b` an
/// instance (its class promoted too) or a value of a built-in type that
/// no user class's instance has (its type guarded).
pub fn left_operator_function<M: Mode>(
    m: &mut M,
    op: crate::bytecode::BinOp,
    inplace: bool,
    a: M::Ref,
    b: M::Ref,
) -> Option<Value> {
    if mv::is_int(m, a) || m.class_of(a) != objects::INSTANCE {
        return None;
    }
    let ca = m.getfield_ref(a, &INSTANCE_CLASS);
    let ca = m.promote_ref(ca);
    let cb = if mv::is_int(m, b) {
        None
    } else {
        match m.class_of(b) {
            objects::INSTANCE => {
                let cb = m.getfield_ref(b, &INSTANCE_CLASS);
                Some(m.promote_ref(cb))
            }
            objects::LONG
            | objects::BOOL
            | mv::FLOAT_BOX_TYPE_ID
            | objects::STR
            | objects::LIST
            | objects::TUPLE
            | objects::DICT
            | objects::SINGLETON => None,
            _ => return None,
        }
    };
    m.quasi_immutable(lookup_cache::version_holder(), &CLASSES_VERSION);
    ops::left_operator_function(op, ca, cb, inplace)
}

/// The method `name` of a str, list, tuple or dict `obj`, to be called
/// with `obj` first: a constant once the object's type is known (a guard
/// on its class). These types' namespaces cannot change (setting an
/// attribute of a built-in type is a `TypeError`) and the type id names
/// the class exactly (a subclass's instances have another), so the answer
/// holds with no dependency on the classes version. What the interpreter's
/// inline cache serves (`inline_cache::load_builtin_method`), without the
/// helper's lookup and its effects on the trace.
fn builtin_method<M: Mode>(m: &mut M, obj: M::Ref, name: Value) -> Option<M::Ref> {
    if mv::is_int(m, obj) {
        return None;
    }
    let t = objects::Types::get();
    let class = match m.class_of(obj) {
        objects::STR => t.str_,
        objects::LIST => t.list,
        objects::TUPLE => t.tuple,
        objects::DICT => t.dict,
        _ => return None,
    };
    let f = ops::lookup_in_mro(class, name)?;
    let unbound = get::<objects::PyBuiltin>(f).is_some_and(|b| b.receiver == 0);
    unbound.then(|| m.const_ref(f))
}

/// Do `obj.name = v` without the helper if the plan knows how; false if
/// it does not (nothing was written then).
pub fn store_attr<M: Mode>(m: &mut M, obj: M::Ref, name: Value, v: M::Ref) -> bool {
    let Some((class, map)) = receiver(m, obj) else {
        return false;
    };
    match plan_store(class, map, name) {
        None => false,
        Some(Store::Slot(k)) => {
            let attrs = m.getfield_ref(obj, &INSTANCE_ATTRS);
            let k = m.int(k as i64);
            m.setarrayitem(attrs, &ATTRS, k, Val::Ref(v));
            true
        }
        Some(Store::Append { index, next }) => {
            // The array of a map of `index` names is at least
            // `attrs_capacity(index)` long (`PyInstance::attrs`).
            let attrs = if attrs_capacity(index + 1) == attrs_capacity(index) {
                m.getfield_ref(obj, &INSTANCE_ATTRS)
            } else {
                let len = m.int(attrs_capacity(index + 1) as i64);
                let grown = m.new_array(&ATTRS, len);
                if index > 0 {
                    let old = m.getfield_ref(obj, &INSTANCE_ATTRS);
                    for k in 0..index {
                        let k = m.int(k as i64);
                        let x = m.getarrayitem_ref(old, &ATTRS, k);
                        m.setarrayitem(grown, &ATTRS, k, Val::Ref(x));
                    }
                }
                m.setfield(obj, &INSTANCE_ATTRS, Val::Ref(grown));
                grown
            };
            let k = m.int(index as i64);
            m.setarrayitem(attrs, &ATTRS, k, Val::Ref(v));
            let next = m.const_ref(next);
            m.setfield(obj, &INSTANCE_MAP, Val::Ref(next));
            true
        }
    }
}
