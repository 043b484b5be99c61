//! The operations of the language on any value: attribute access with
//! descriptors and maps, operators with reflected operands and
//! `NotImplemented`, comparison, truth, hashing, iteration, subscripting,
//! `repr` and `str`. Built-in types are handled here directly; user classes
//! through their special methods, called with `call_object`.

use super::{exc, number, PyResult};
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::interp::{call_object, runtime};
use crate::objects::{
    self, class_of, get,
    intern::{intern, intern_static},
    str_of, types, Base, IterState, PyClass, PyInstance, PyMap, Types, Value,
};
use std::cell::{Cell, RefCell};

// Attribute lookup.

/// `name` in the namespaces of `class`'s MRO.
pub fn lookup_in_mro(class: Value, name: Value) -> Option<Value> {
    super::lookup_cache::class_lookup(class, name).0
}

/// A special method of `obj`'s class (looked up on the type, as the
/// language does for operators).
pub fn lookup_special(obj: Value, name: Value) -> Option<Value> {
    lookup_in_mro(class_of(obj), name)
}

/// Does `obj`'s class (a user class) define `name`?
pub fn user_special(obj: Value, name: &'static str) -> Option<Value> {
    class_special(class_of(obj), name)
}

/// Does `class` (a user class) define `name` (itself or through a user
/// class of its MRO)?
fn class_special(class: Value, name: &'static str) -> Option<Value> {
    if get::<PyClass>(class)?.builtin {
        return None;
    }
    match super::lookup_cache::class_lookup(class, objects::intern::intern_static(name)) {
        (Some(v), true) => Some(v),
        _ => None,
    }
}

/// `obj.__class__ = v` for an instance of a user class: `v` must be a user
/// class whose instances are laid out alike.
fn set_class(obj: Value, v: Value) -> PyResult<()> {
    if v == 0 {
        return Err(exc::type_error("can't delete __class__ attribute"));
    }
    let Some(new) = get::<PyClass>(v) else {
        return Err(exc::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            types::type_name(v)
        )));
    };
    let old = get::<PyClass>(class_of(obj)).expect("an instance's class");
    if new.builtin {
        return Err(exc::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if new.base != old.base || *new.slots.borrow() != *old.slots.borrow() {
        return Err(exc::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name.borrow(),
            old.name.borrow()
        )));
    }
    get::<PyInstance>(obj).expect("an instance").class.set(v);
    Ok(())
}

pub fn new_instance(class: Value) -> Value {
    let c = get::<PyClass>(class).expect("a class");
    objects::alloc(PyInstance {
        class: Cell::new(class),
        map: Cell::new(c.empty_map),
        attrs: Cell::new(0),
        dict: Cell::new(0),
        base_value: Cell::new(0),
        traceback: RefCell::new(Vec::new()),
    })
}

pub fn get_instance_attr(inst: Value, name: Value) -> Option<Value> {
    let i = get::<PyInstance>(inst)?;
    let map = get::<PyMap>(i.map.get())?;
    if let Some(k) = map.index_of(name) {
        let v = i.slot(k);
        return (v != 0).then_some(v);
    }
    match i.dict.get() {
        0 => None,
        d => super::dict::get_str(d, name),
    }
}

/// Set (or with `v` 0, remove) an instance attribute, in its slots or, once
/// it has a dict, there (names of `__slots__` stay in slots).
pub fn set_instance_attr(inst: Value, name: Value, v: Value) {
    let i = get::<PyInstance>(inst).expect("an instance");
    let map_v = i.map.get();
    let map = get::<PyMap>(map_v).unwrap();
    if let Some(k) = map.index_of(name) {
        i.set_slot(k, v);
        return;
    }
    let d = i.dict.get();
    if d != 0 && !declared_slots(i.class.get()).contains(&name) {
        // Names are strs: neither hashing nor comparing them can fail.
        if v == 0 {
            let _ = super::dict::pop(d, name);
        } else {
            let _ = super::dict::set_item(d, name, v);
        }
        return;
    }
    if v == 0 {
        return;
    }
    let next = next_map(map_v, name);
    // The new slot is filled before the map names it, so the instance is
    // never seen with a map longer than its array.
    i.push_slot(map.names.len(), v);
    i.map.set(next);
}

/// The map that follows `map_v` when the attribute `name` (which it does
/// not have) is added: made on first need, then shared.
pub fn next_map(map_v: Value, name: Value) -> Value {
    let map = get::<PyMap>(map_v).expect("a map");
    let existing = map
        .transitions
        .borrow()
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, m)| m);
    if let Some(m) = existing {
        return m;
    }
    let mut names = map.names.clone();
    names.push(name);
    let m = objects::new_map(names, map.with_dict);
    map.transitions.borrow_mut().push((name, m));
    m
}

/// The attributes an instance has now, in order (those in slots, then
/// those in its dict).
pub fn instance_attrs(inst: Value) -> Vec<(Value, Value)> {
    let Some(i) = get::<PyInstance>(inst) else {
        return Vec::new();
    };
    let map = get::<PyMap>(i.map.get()).unwrap();
    let slots = i.slots(map.names.len());
    let mut attrs: Vec<(Value, Value)> = map
        .names
        .iter()
        .zip(slots.iter())
        .filter(|(_, &v)| v != 0)
        .map(|(&n, &v)| (n, v))
        .collect();
    if i.dict.get() != 0 {
        attrs.extend(super::dict::items(i.dict.get()));
    }
    attrs
}

/// Built-in methods that take the class (`dict.fromkeys`).
const CLASS_METHODS: &[&str] = &[
    "fromkeys",
    "maketrans",
    "fromhex",
    "from_bytes",
    "__init_subclass__",
];

fn is_data_descriptor(d: Value) -> bool {
    get::<objects::PyWrapper>(d).is_some_and(|w| w.kind == objects::WrapperKind::Property)
}

/// Bind a class attribute found for `obj` (an instance, or the class itself
/// when `obj` is 0 and `owner` the class).
/// The error of reading a property without a getter; it names the
/// property by the attribute that holds it in the class (which is the name
/// CPython's `__set_name__` gives it).
fn no_getter(property: Value, obj: Value) -> Value {
    let class = class_of(obj);
    let qualname = get::<PyClass>(class).map_or_else(String::new, |c| c.qualname.borrow().clone());
    let mro = get::<PyClass>(class).map_or_else(Vec::new, |c| c.mro.borrow().clone());
    let name = mro.iter().find_map(|&c| {
        let ns = get::<PyClass>(c)?.dict;
        super::dict::items(ns)
            .into_iter()
            .find(|&(_, v)| v == property)
            .and_then(|(k, _)| str_of(k))
    });
    exc::attribute_error(match name {
        Some(n) => format!("property '{n}' of '{qualname}' object has no getter"),
        None => format!("property of '{qualname}' object has no getter"),
    })
}

fn bind(d: Value, obj: Value, owner: Value) -> PyResult {
    match objects::type_id(d) {
        Some(objects::FUNCTION) if obj != 0 => Ok(objects::alloc(objects::PyMethod {
            func: d,
            receiver: obj,
        })),
        Some(objects::BUILTIN)
            if obj != 0 || CLASS_METHODS.contains(&get::<objects::PyBuiltin>(d).unwrap().name) =>
        {
            let b = get::<objects::PyBuiltin>(d).unwrap();
            if b.receiver != 0 {
                return Ok(d);
            }
            let obj = if CLASS_METHODS.contains(&b.name) {
                owner
            } else {
                obj
            };
            Ok(objects::alloc(objects::PyBuiltin {
                name: b.name,
                f: b.f,
                receiver: obj,
                owner: b.owner,
            }))
        }
        Some(objects::WRAPPER) => {
            let w = get::<objects::PyWrapper>(d).unwrap();
            match w.kind {
                objects::WrapperKind::StaticMethod => Ok(w.f),
                objects::WrapperKind::ClassMethod => Ok(objects::alloc(objects::PyMethod {
                    func: w.f,
                    receiver: owner,
                })),
                objects::WrapperKind::Property => {
                    if obj == 0 {
                        return Ok(d);
                    }
                    if w.f == Types::get().none || w.f == 0 {
                        return Err(no_getter(d, obj));
                    }
                    call_object(w.f, &[obj], &[])
                }
            }
        }
        _ => {
            if obj != 0 {
                if let Some(get) = user_special(d, "__get__") {
                    return call_object(get, &[d, obj, owner], &[]);
                }
            }
            Ok(d)
        }
    }
}

/// `getattr(obj, name)`; `name` is interned.
pub fn getattr(obj: Value, name: Value) -> PyResult {
    match getattr_opt(obj, name)? {
        Some(v) => Ok(v),
        None => {
            if let Some(ga) = user_special(obj, "__getattr__") {
                return call_object(ga, &[obj, name], &[]);
            }
            Err(no_attribute(obj, name))
        }
    }
}

pub fn no_attribute(obj: Value, name: Value) -> Value {
    let e = no_attribute_error(obj, name);
    set_instance_attr(e, intern_static("name"), name);
    set_instance_attr(e, intern_static("obj"), obj);
    e
}

fn no_attribute_error(obj: Value, name: Value) -> Value {
    let n = str_of(name).unwrap_or("?");
    if let Some(m) = get::<objects::PyModule>(obj) {
        return exc::attribute_error(format!(
            "module '{}' has no attribute '{n}'",
            str_of(m.name).unwrap_or("?")
        ));
    }
    if get::<PyClass>(obj).is_some() {
        return exc::attribute_error(format!(
            "type object '{}' has no attribute '{n}'",
            types::class_name(obj)
        ));
    }
    exc::attribute_error(format!(
        "'{}' object has no attribute '{n}'",
        types::type_name(obj)
    ))
}

/// The attribute, or `None` when there is none (no `__getattr__` call).
pub fn getattr_opt(obj: Value, name: Value) -> PyResult<Option<Value>> {
    if let Some(ga) = user_special(obj, "__getattribute__") {
        return match call_object(ga, &[obj, name], &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if exc::is_instance(e, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        };
    }
    generic_getattr(obj, name)
}

/// `object.__getattribute__`: descriptors, the instance's own attributes,
/// the class; `None` when there is none.
pub fn generic_getattr(obj: Value, name: Value) -> PyResult<Option<Value>> {
    let class = class_of(obj);
    let descr = lookup_in_mro(class, name);
    if let Some(d) = descr {
        if is_data_descriptor(d) {
            return bind(d, obj, class).map(Some);
        }
    }
    match objects::type_id(obj) {
        Some(objects::INSTANCE) => {
            if let Some(v) = get_instance_attr(obj, name) {
                return Ok(Some(v));
            }
            if name == intern_static("__dict__")
                && class != Types::get().object
                && !has_no_dict(class)
            {
                return Ok(Some(instance_dict(obj)));
            }
            if name == intern_static("__class__") {
                return Ok(Some(class));
            }
        }
        Some(objects::CLASS) => return class_attr(obj, name),
        Some(objects::MODULE) => {
            let m = get::<objects::PyModule>(obj).unwrap();
            if let Some(v) = super::dict::get_str(m.dict, name) {
                return Ok(Some(v));
            }
            if name == intern_static("__dict__") {
                return Ok(Some(m.dict));
            }
        }
        _ => {
            if let Some(v) = super::types::builtin_attr(obj, name)? {
                return Ok(Some(v));
            }
        }
    }
    match descr {
        Some(d) => bind(d, obj, class).map(Some),
        None => {
            if name == intern_static("__class__") {
                return Ok(Some(class));
            }
            if objects::type_id(obj) == Some(objects::INSTANCE) && exc::is_exception(obj) {
                return Ok(super::exc::default_attr(obj, name));
            }
            Ok(None)
        }
    }
}

/// An instance's `__dict__`: made on first request from the attributes
/// not kept in `__slots__`, which move into it. The instance gets a map of
/// its own (no inline cache ever holds it: `inline_cache::cacheable`), so
/// the caches keyed on maps keep serving instances that never had a dict.
pub fn instance_dict(obj: Value) -> Value {
    let i = get::<PyInstance>(obj).expect("an instance");
    if i.dict.get() != 0 {
        return i.dict.get();
    }
    let declared = declared_slots(i.class.get());
    let (kept, moved): (Vec<_>, Vec<_>) = instance_attrs(obj)
        .into_iter()
        .partition(|(k, _)| declared.contains(k));
    // The dict hangs on the instance before the next allocation; the
    // values stay reachable from the old slots until the new map is set.
    let d = objects::new_dict();
    i.dict.set(d);
    for (k, v) in moved {
        // Names are strs: neither hashing nor comparing them can fail.
        let _ = super::dict::set_item(d, k, v);
    }
    let map = objects::new_map(kept.iter().map(|&(k, _)| k).collect(), true);
    let values: Vec<Value> = kept.into_iter().map(|(_, v)| v).collect();
    i.set_slots(&values);
    i.map.set(map);
    d
}

/// `obj.__dict__ = d` for an instance; `del obj.__dict__` (`d` 0) gives it
/// a new empty one.
fn set_instance_dict(obj: Value, d: Value) -> PyResult<()> {
    if d == 0 {
        instance_dict(obj);
        let i = get::<PyInstance>(obj).expect("an instance");
        i.dict.set(objects::new_dict());
        return Ok(());
    }
    if objects::type_id(d) != Some(objects::DICT) {
        return Err(exc::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            types::type_name(d)
        )));
    }
    instance_dict(obj);
    get::<PyInstance>(obj).expect("an instance").dict.set(d);
    Ok(())
}

/// The names the classes of `class`'s MRO list in `__slots__`.
pub fn declared_slots(class: Value) -> Vec<Value> {
    let Some(c) = get::<PyClass>(class) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for &k in c.mro.borrow().iter() {
        let Some(kc) = get::<PyClass>(k) else {
            continue;
        };
        if kc.builtin {
            continue;
        }
        let Some(slots) = super::dict::get_str(kc.dict, intern_static("__slots__")) else {
            continue;
        };
        if let Some(s) = str_of(slots) {
            names.push(intern(s));
        } else if let Some(items) = objects::tuple_items(slots) {
            names.extend(items.iter().filter_map(|&s| str_of(s)).map(intern));
        } else if let Some(l) = get::<objects::PyList>(slots) {
            names.extend(l.to_vec().into_iter().filter_map(str_of).map(intern));
        }
    }
    names
}

/// Whether instances of `class` may have an attribute `name`: those of a
/// class restricted by `__slots__` only have the attributes it lists
/// (`PyClass::slots` holds those of the whole MRO).
pub fn may_set_attr(class: Value, name: Value) -> bool {
    let Some(c) = get::<PyClass>(class) else {
        return true;
    };
    let slots = c.slots.borrow();
    match &*slots {
        Some(s) => s.contains(&name) || s.contains(&intern_static("__dict__")),
        None => true,
    }
}

/// Whether instances of `class` have no `__dict__`: every class of its MRO
/// has `__slots__`, none of which lists `__dict__`.
pub fn has_no_dict(class: Value) -> bool {
    get::<PyClass>(class).is_some_and(|c| {
        c.slots
            .borrow()
            .as_ref()
            .is_some_and(|s| !s.contains(&intern_static("__dict__")))
    })
}

/// An attribute of a class object.
fn class_attr(class: Value, name: Value) -> PyResult<Option<Value>> {
    let c = get::<PyClass>(class).unwrap();
    if let Some(d) = lookup_in_mro(class, name) {
        return bind(d, 0, class).map(Some);
    }
    let n = str_of(name).unwrap_or("");
    let t = Types::get();
    // Then what its metaclass defines, bound to the class.
    let meta = class_of(class);
    if meta != t.type_ {
        if let Some(d) = lookup_in_mro(meta, name) {
            if objects::type_id(d) != Some(objects::BUILTIN) {
                return bind(d, class, meta).map(Some);
            }
        }
    }
    if let Some(d) = lookup_in_mro(t.type_, name) {
        if !n.starts_with("__") || n == "__subclasses__" {
            return bind(d, class, t.type_).map(Some);
        }
    }
    Ok(Some(match n {
        // A built-in class outside `builtins` is named `module.name`
        // (`collections.deque`), as CPython's `tp_name`.
        "__name__" | "__qualname__" if c.builtin => {
            let name = c.name.borrow();
            objects::new_string(name.rsplit('.').next().unwrap_or("").to_string())
        }
        "__name__" => objects::new_string(c.name.borrow().clone()),
        "__qualname__" => objects::new_string(c.qualname.borrow().clone()),
        "__mro__" => objects::new_tuple(c.mro.borrow().clone()),
        "__bases__" => objects::new_tuple(c.bases.borrow().clone()),
        "__base__" => c.bases.borrow().first().copied().unwrap_or(t.none),
        "__dict__" => super::mappingproxy::new_proxy(c.dict),
        "__class__" => meta,
        "__module__" if c.builtin => match c.name.borrow().rsplit_once('.') {
            Some((module, _)) => objects::new_string(module.to_string()),
            None => intern_static("builtins"),
        },
        "__doc__" => t.none,
        _ => return Ok(None),
    }))
}

/// `setattr(obj, name, v)`, or `delattr` when `v` is 0.
pub fn setattr(obj: Value, name: Value, v: Value) -> PyResult<()> {
    let class = class_of(obj);
    if let Some(sa) = user_special(obj, if v == 0 { "__delattr__" } else { "__setattr__" }) {
        let args: Vec<Value> = if v == 0 {
            vec![obj, name]
        } else {
            vec![obj, name, v]
        };
        call_object(sa, &args, &[])?;
        return Ok(());
    }
    if let Some(d) = lookup_in_mro(class, name) {
        if let Some(w) = get::<objects::PyWrapper>(d) {
            if w.kind == objects::WrapperKind::Property {
                let f = if v == 0 { w.fdel.get() } else { w.fset.get() };
                if f == 0 || f == Types::get().none {
                    let n = str_of(name).unwrap_or("?");
                    let what = if v == 0 { "deleter" } else { "setter" };
                    return Err(exc::attribute_error(format!(
                        "property '{n}' of '{}' object has no {what}",
                        types::class_name(class)
                    )));
                }
                let args: Vec<Value> = if v == 0 { vec![obj] } else { vec![obj, v] };
                call_object(f, &args, &[])?;
                return Ok(());
            }
        }
        if let Some(set) = user_special(d, if v == 0 { "__delete__" } else { "__set__" }) {
            let args: Vec<Value> = if v == 0 {
                vec![d, obj]
            } else {
                vec![d, obj, v]
            };
            call_object(set, &args, &[])?;
            return Ok(());
        }
    }
    match objects::type_id(obj) {
        Some(objects::INSTANCE) => {
            if name == intern_static("__class__") {
                return set_class(obj, v);
            }
            if name == intern_static("__dict__")
                && class != Types::get().object
                && !has_no_dict(class)
            {
                return set_instance_dict(obj, v);
            }
            if exc::is_exception(obj) && exc::set_chaining_attr(obj, name, v)? {
                return Ok(());
            }
            if class == Types::get().object {
                // A bare `object()` has no attribute dict.
                return Err(no_attribute(obj, name));
            }
            if !may_set_attr(class, name) {
                let n = str_of(name).unwrap_or("?");
                if lookup_in_mro(class, name).is_some() {
                    return Err(exc::attribute_error(format!(
                        "'{}' object attribute '{n}' is read-only",
                        types::class_name(class)
                    )));
                }
                return Err(exc::attribute_error(format!(
                    "'{}' object has no attribute '{n}'",
                    types::class_name(class)
                )));
            }
            if v == 0 && get_instance_attr(obj, name).is_none() {
                if declared_slots(class).contains(&name) {
                    // An empty slot: CPython's message is the bare name.
                    return Err(exc::attribute_error(str_of(name).unwrap_or("?")));
                }
                return Err(no_attribute(obj, name));
            }
            set_instance_attr(obj, name, v);
            Ok(())
        }
        Some(objects::CLASS) => {
            let c = get::<PyClass>(obj).unwrap();
            if c.builtin {
                return Err(exc::type_error(format!(
                    "cannot set '{}' attribute of immutable type '{}'",
                    str_of(name).unwrap_or("?"),
                    c.name.borrow()
                )));
            }
            if v == 0 {
                if super::dict::del_item(c.dict, name).is_err() {
                    return Err(no_attribute(obj, name));
                }
            } else {
                super::dict::set_item(c.dict, name, v)?;
            }
            Ok(())
        }
        Some(objects::MODULE) => {
            let m = get::<objects::PyModule>(obj).unwrap();
            if v == 0 {
                super::dict::del_item(m.dict, name)
            } else {
                super::dict::set_item(m.dict, name, v)
            }
        }
        Some(objects::FUNCTION) => {
            let f = get::<objects::PyFunction>(obj).unwrap();
            match str_of(name).unwrap_or("") {
                "__name__" => f.name.set(v),
                "__qualname__" => f.qualname.set(v),
                "__doc__" => f.doc.set(v),
                "__defaults__" => f.defaults.set(if v == Types::get().none { 0 } else { v }),
                _ => {
                    if f.dict.get() == 0 {
                        f.dict.set(objects::new_dict());
                    }
                    if v == 0 {
                        super::dict::del_item(f.dict.get(), name)?;
                    } else {
                        super::dict::set_item(f.dict.get(), name, v)?;
                    }
                }
            }
            Ok(())
        }
        Some(objects::RANGE) | Some(objects::SLICE)
            if matches!(str_of(name), Some("start" | "stop" | "step")) =>
        {
            Err(exc::attribute_error("readonly attribute"))
        }
        _ => {
            let n = str_of(name).unwrap_or("?");
            if lookup_in_mro(class, name).is_some() {
                return Err(exc::attribute_error(format!(
                    "'{}' object attribute '{n}' is read-only",
                    types::type_name(obj)
                )));
            }
            Err(exc::attribute_error(format!(
                "'{}' object has no attribute '{n}'",
                types::type_name(obj)
            )))
        }
    }
}

/// For a method call `obj.name(...)`: (function, obj) when the attribute is
/// a plain method of the class, else (attribute, 0).
pub fn load_method(obj: Value, name: Value) -> PyResult<(Value, Value)> {
    let class = class_of(obj);
    if objects::type_id(obj) != Some(objects::CLASS)
        && user_special(obj, "__getattribute__").is_none()
    {
        if let Some(d) = lookup_in_mro(class, name) {
            let plain = matches!(objects::type_id(d), Some(objects::FUNCTION))
                || get::<objects::PyBuiltin>(d).is_some_and(|b| b.receiver == 0);
            if plain
                && (objects::type_id(obj) != Some(objects::INSTANCE)
                    || get_instance_attr(obj, name).is_none())
            {
                return Ok((d, obj));
            }
        }
    }
    Ok((getattr(obj, name)?, 0))
}

/// Call `obj.name(*args)`.
pub fn call_method(obj: Value, name: &str, args: &[Value]) -> PyResult {
    let (f, s) = load_method(obj, intern(name))?;
    if s != 0 {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(s);
        all.extend_from_slice(args);
        call_object(f, &all, &[])
    } else {
        call_object(f, args, &[])
    }
}

// Truth, equality, hashing.

pub fn truthy(v: Value) -> PyResult<bool> {
    let t = Types::get();
    if v == t.true_ {
        return Ok(true);
    }
    if v == t.false_ || v == t.none {
        return Ok(false);
    }
    if let Some(b) = super::complex::truthy(v) {
        return Ok(b);
    }
    if let Some(n) = objects::int_of(v) {
        return Ok(match n {
            objects::IntVal::Small(n) => n != 0,
            objects::IntVal::Big(_) => true,
        });
    }
    if let Some(f) = objects::float_of(v) {
        return Ok(f != 0.0);
    }
    match objects::type_id(v) {
        Some(objects::STR) => return Ok(!get::<objects::PyStr>(v).unwrap().s.is_empty()),
        Some(objects::LIST) => return Ok(!get::<objects::PyList>(v).unwrap().is_empty()),
        Some(objects::DEQUE) => return Ok(super::deque::len(v) != 0),
        Some(objects::TUPLE) => return Ok(!objects::tuple_items(v).unwrap_or(&[]).is_empty()),
        Some(objects::DICT) => {
            return Ok(!get::<objects::PyDict>(v).unwrap().table.borrow().is_empty())
        }
        Some(objects::SET) => {
            return Ok(!get::<objects::PySet>(v).unwrap().table.borrow().is_empty())
        }
        Some(objects::RANGE) => return Ok(!super::range::is_empty(v)),
        Some(objects::BYTES) => return Ok(!get::<objects::PyBytes>(v).unwrap().b.is_empty()),
        Some(objects::BYTEARRAY) => {
            return Ok(!get::<objects::PyByteArray>(v)
                .unwrap()
                .b
                .borrow()
                .is_empty())
        }
        Some(objects::VIEW) => return Ok(super::views::len(v) > 0),
        Some(objects::MAPPINGPROXY) => return truthy(super::mappingproxy::target(v)),
        _ => {}
    }
    if let Some(b) = user_special(v, "__bool__") {
        let r = call_object(b, &[v], &[])?;
        if r == t.true_ {
            return Ok(true);
        }
        if r == t.false_ {
            return Ok(false);
        }
        return Err(exc::type_error(format!(
            "__bool__ should return bool, returned {}",
            types::type_name(r)
        )));
    }
    if let Some(l) = user_special(v, "__len__") {
        let r = call_object(l, &[v], &[])?;
        return Ok(len_result(r)? != 0);
    }
    let b = objects::base_value(v);
    if b != v {
        return truthy(b);
    }
    Ok(true)
}

fn len_result(r: Value) -> PyResult<i64> {
    match objects::int_of(r) {
        Some(objects::IntVal::Small(n)) if n >= 0 => Ok(n),
        Some(objects::IntVal::Small(_)) => Err(exc::value_error("__len__() should return >= 0")),
        Some(objects::IntVal::Big(_)) => Err(exc::overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
        None => Err(exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            types::type_name(r)
        ))),
    }
}

pub fn len(v: Value) -> PyResult<i64> {
    match objects::type_id(v) {
        Some(objects::STR) => return Ok(get::<objects::PyStr>(v).unwrap().chars as i64),
        Some(objects::LIST) => return Ok(get::<objects::PyList>(v).unwrap().len() as i64),
        Some(objects::DEQUE) => return Ok(super::deque::len(v) as i64),
        Some(objects::TUPLE) => return Ok(objects::tuple_items(v).map_or(0, <[Value]>::len) as i64),
        Some(objects::DICT) => {
            return Ok(get::<objects::PyDict>(v).unwrap().table.borrow().len() as i64)
        }
        Some(objects::SET) => {
            return Ok(get::<objects::PySet>(v).unwrap().table.borrow().len() as i64)
        }
        Some(objects::RANGE) => return super::range::len(v),
        Some(objects::BYTES) => return Ok(get::<objects::PyBytes>(v).unwrap().b.len() as i64),
        Some(objects::BYTEARRAY) => {
            return Ok(get::<objects::PyByteArray>(v).unwrap().b.borrow().len() as i64)
        }
        Some(objects::VIEW) => return Ok(super::views::len(v) as i64),
        Some(objects::MAPPINGPROXY) => return len(super::mappingproxy::target(v)),
        _ => {}
    }
    if let Some(l) = user_special(v, "__len__") {
        let r = call_object(l, &[v], &[])?;
        return len_result(r);
    }
    let b = objects::base_value(v);
    if b != v {
        return len(b);
    }
    Err(exc::type_error(format!(
        "object of type '{}' has no len()",
        types::type_name(v)
    )))
}

/// `a == b`.
pub fn eq(a: Value, b: Value) -> PyResult<bool> {
    if a == b && objects::float_of(a).is_none() {
        return Ok(true);
    }
    if let Some(r) = objects::dict::simple_eq(a, b) {
        return Ok(r);
    }
    let r = compare(CmpOp::Eq, a, b)?;
    truthy(r)
}

pub fn hash(v: Value) -> PyResult<i64> {
    if objects::is_small_int(v) {
        return Ok(crate::runtime::hash::hash_i64(objects::small_int_value(v)));
    }
    if let Some(s) = get::<objects::PyStr>(v) {
        return Ok(s.hash());
    }
    runtime::check_stack()?;
    if objects::int_of(v).is_some() {
        return Ok(crate::runtime::hash::hash_int(
            &crate::runtime_glue::to_rt_int(v).unwrap(),
        ));
    }
    if let Some(f) = objects::float_of(v) {
        return Ok(crate::runtime::hash::hash_float(f).unwrap_or_else(|| identity_hash(v)));
    }
    match objects::type_id(v) {
        Some(objects::BYTES) => {
            return Ok(crate::runtime::hash::hash_bytes(
                &get::<objects::PyBytes>(v).unwrap().b,
            ))
        }
        Some(objects::TUPLE) => {
            let items = objects::tuple_items(v).unwrap();
            // Small ints and strs hash without failing or running code, so
            // a tuple of them needs no list of item hashes.
            let leaf_hash = |i: Value| {
                if objects::is_small_int(i) {
                    Some(crate::runtime::hash::hash_i64(objects::small_int_value(i)))
                } else {
                    get::<objects::PyStr>(i).map(|s| s.hash())
                }
            };
            let is_leaf =
                |i: Value| objects::is_small_int(i) || objects::type_id(i) == Some(objects::STR);
            if items.iter().all(|&i| is_leaf(i)) {
                return Ok(crate::runtime::hash::hash_tuple(
                    items.iter().map(|&i| leaf_hash(i).unwrap_or_default()),
                ));
            }
            let mut hs = Vec::with_capacity(items.len());
            for &i in items {
                hs.push(hash(i)?);
            }
            return Ok(crate::runtime::hash::hash_tuple(hs.into_iter()));
        }
        Some(objects::LIST)
        | Some(objects::DEQUE)
        | Some(objects::DICT)
        | Some(objects::VIEW)
        | Some(objects::SLICE)
        | Some(objects::BYTEARRAY) => {
            return Err(exc::type_error(format!(
                "unhashable type: '{}'",
                types::type_name(v)
            )))
        }
        Some(objects::RANGE) => return Ok(super::range::hash(v)),
        Some(objects::COMPLEX) => return Ok(super::complex::hash(v).unwrap_or(0)),
        Some(objects::SET) => {
            let s = get::<objects::PySet>(v).unwrap();
            if !s.frozen {
                return Err(exc::type_error("unhashable type: 'set'"));
            }
            let hs: Vec<i64> = s.table.borrow().iter().map(|e| e.hash).collect();
            return Ok(number::hash_frozenset(&hs));
        }
        Some(objects::INSTANCE) => {
            if let Some(h) = user_special(v, "__hash__") {
                if h == Types::get().none {
                    return Err(exc::type_error(format!(
                        "unhashable type: '{}'",
                        types::type_name(v)
                    )));
                }
                let r = call_object(h, &[v], &[])?;
                return match objects::int_of(r) {
                    Some(_) => Ok(crate::runtime::hash::hash_int(
                        &crate::runtime_glue::to_rt_int(r).unwrap(),
                    )),
                    None => Err(exc::type_error("__hash__ method should return an integer")),
                };
            }
            if user_special(v, "__eq__").is_some() {
                return Err(exc::type_error(format!(
                    "unhashable type: '{}'",
                    types::type_name(v)
                )));
            }
            let b = objects::base_value(v);
            if objects::type_id(b) == Some(objects::DEQUE) {
                return Err(exc::type_error(format!(
                    "unhashable type: '{}'",
                    types::type_name(v)
                )));
            }
            if b != v {
                return hash(b);
            }
        }
        _ => {}
    }
    Ok(identity_hash(v))
}

pub fn identity_hash(v: Value) -> i64 {
    (v >> 4) as i64
}

// Comparison.

/// `a op b` for a rich comparison, the result as a value.
pub fn compare(op: CmpOp, a: Value, b: Value) -> PyResult {
    // Numbers and strings of the built-in types first: no user method can
    // take part, and nothing nests.
    let builtin = |v| objects::type_id(v) != Some(objects::INSTANCE);
    if builtin(a) && builtin(b) {
        let text = |v| get::<objects::PyStr>(v).filter(|s| s.wide.is_none());
        if let (Some(x), Some(y)) = (text(a), text(b)) {
            return Ok(objects::new_bool(ordering_result(op, x.s.cmp(&y.s))));
        }
        if let Some(r) = number::compare(op, a, b) {
            return Ok(objects::new_bool(r));
        }
    }
    runtime::check_stack()?;
    if let Some(r) = leaf_sequence_compare(op, a, b) {
        return Ok(objects::new_bool(r));
    }
    runtime::nested(" in comparison", || compare_unnested(op, a, b))
}

/// How two items of built-in leaf kinds (small ints, floats, strs without
/// surrogates) order, `Some(None)` for an unordered float pair (a NaN);
/// `None` when they are of other kinds, whose comparison may run code.
fn leaf_order(p: Value, q: Value) -> Option<Option<std::cmp::Ordering>> {
    if objects::is_small_int(p) && objects::is_small_int(q) {
        return Some(Some(
            objects::small_int_value(p).cmp(&objects::small_int_value(q)),
        ));
    }
    if let (Some(x), Some(y)) = (objects::float_of(p), objects::float_of(q)) {
        return Some(x.partial_cmp(&y));
    }
    let text = |v| get::<objects::PyStr>(v).filter(|s| s.wide.is_none());
    let (x, y) = (text(p)?, text(q)?);
    Some(Some(x.s.cmp(&y.s)))
}

/// Two tuples or two lists whose items up to the first unequal pair are
/// leaf kinds (`leaf_order`), compared without the general path: the same
/// answer, as no user code can take part, and the same recursion check
/// (one level for the sequences; leaf items add none). `None` in every
/// other case, before anything is decided.
fn leaf_sequence_compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    let kind = objects::type_id(a)?;
    if !matches!(kind, objects::TUPLE | objects::LIST) || objects::type_id(b)? != kind {
        return None;
    }
    if runtime::depth() >= runtime::recursion_limit() {
        return None;
    }
    let mut i = 0;
    while let (Some(p), Some(q)) = (objects::seq_item(a, i), objects::seq_item(b, i)) {
        if p != q {
            let order = leaf_order(p, q)?;
            if order != Some(std::cmp::Ordering::Equal) {
                return Some(match (op, order) {
                    (CmpOp::Eq, _) => false,
                    (CmpOp::Ne, _) => true,
                    (_, None) => false,
                    (_, Some(o)) => ordering_result(op, o),
                });
            }
        }
        i += 1;
    }
    Some(ordering_result(
        op,
        objects::seq_len(a).cmp(&objects::seq_len(b)),
    ))
}

fn compare_unnested(op: CmpOp, a: Value, b: Value) -> PyResult {
    let t = Types::get();
    // A mappingproxy compares as the dict it shows.
    let proxy = |v| objects::type_id(v) == Some(objects::MAPPINGPROXY);
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && (proxy(a) || proxy(b)) {
        let target = super::mappingproxy::target;
        return compare_unnested(op, target(a), target(b));
    }
    let (name, rname) = (op.dunder(), op.swapped().dunder());
    // The reflected method of a subclass goes first.
    let (ca, cb) = (class_of(a), class_of(b));
    let b_first = ca != cb && types::is_subclass(cb, ca) && user_special(b, rname).is_some();
    if b_first {
        if let Some(f) = user_special(b, rname) {
            let r = call_object(f, &[b, a], &[])?;
            if r != t.not_implemented {
                return Ok(r);
            }
        }
    }
    if let Some(f) = user_special(a, name) {
        let r = call_object(f, &[a, b], &[])?;
        if r != t.not_implemented {
            return Ok(r);
        }
    }
    if !b_first {
        if let Some(f) = user_special(b, rname) {
            let r = call_object(f, &[b, a], &[])?;
            if r != t.not_implemented {
                return Ok(r);
            }
        }
    }
    if let Some(r) = builtin_compare(op, objects::base_value(a), objects::base_value(b))? {
        return Ok(objects::new_bool(r));
    }
    match op {
        CmpOp::Eq => Ok(objects::new_bool(a == b)),
        CmpOp::Ne => {
            // `!=` defaults to the inverse of a user `__eq__`.
            if let Some(f) = user_special(a, "__eq__") {
                let r = call_object(f, &[a, b], &[])?;
                if r != t.not_implemented {
                    return Ok(objects::new_bool(!truthy(r)?));
                }
            }
            Ok(objects::new_bool(a != b))
        }
        _ => Err(exc::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            types::type_name(a),
            types::type_name(b)
        ))),
    }
}

pub fn ordering_result(op: CmpOp, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => o == Less,
        CmpOp::Le => o != Greater,
        CmpOp::Eq => o == Equal,
        CmpOp::Ne => o != Equal,
        CmpOp::Gt => o == Greater,
        CmpOp::Ge => o != Less,
    }
}

/// Comparison of built-in values; `None` when the types do not compare.
fn builtin_compare(op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    if let Some(r) = number::compare(op, a, b) {
        return Ok(Some(r));
    }
    if super::complex::involves(a, b) {
        return Ok(super::complex::compare(op, a, b));
    }
    let (ta, tb) = (objects::type_id(a), objects::type_id(b));
    let bytes_like = |t| matches!(t, Some(objects::BYTES | objects::BYTEARRAY));
    if ta == Some(objects::VIEW) || tb == Some(objects::VIEW) {
        if let Some(r) = super::views::compare(op, a, b)? {
            return Ok(Some(r));
        }
    }
    if bytes_like(ta) && bytes_like(tb) {
        let x = super::bytes::bytes_data(a).unwrap_or_default();
        let y = super::bytes::bytes_data(b).unwrap_or_default();
        return Ok(Some(ordering_result(op, x.cmp(&y))));
    }
    if ta != tb {
        return Ok(None);
    }
    match ta {
        Some(objects::STR) => {
            let (x, y) = (
                get::<objects::PyStr>(a).unwrap(),
                get::<objects::PyStr>(b).unwrap(),
            );
            // UTF-8 orders as code points do; with surrogates, compare those.
            let order = if x.wide.is_none() && y.wide.is_none() {
                x.s.cmp(&y.s)
            } else {
                x.code_points().cmp(&y.code_points())
            };
            Ok(Some(ordering_result(op, order)))
        }
        Some(objects::BYTES) => {
            let x = &get::<objects::PyBytes>(a).unwrap().b;
            let y = &get::<objects::PyBytes>(b).unwrap().b;
            Ok(Some(ordering_result(op, x.cmp(y))))
        }
        Some(objects::LIST) | Some(objects::TUPLE) => live_sequence_compare(op, a, b).map(Some),
        Some(objects::DEQUE) => super::deque::compare(op, a, b).map(Some),
        Some(objects::DICT) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                let r = super::dict::dict_eq(a, b)?;
                Ok(Some(if op == CmpOp::Eq { r } else { !r }))
            }
            _ => Ok(None),
        },
        Some(objects::SET) => super::set::compare(op, a, b).map(Some),
        Some(objects::VIEW) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                let x = super::set::from_items(&super::views::items(a), false)?;
                let y = super::set::from_items(&super::views::items(b), false)?;
                let r = super::set::compare(CmpOp::Eq, x, y)?;
                Ok(Some(if op == CmpOp::Eq { r } else { !r }))
            }
            _ => Ok(None),
        },
        Some(objects::SLICE) => {
            let bounds = |v: Value| {
                let s = get::<objects::PySlice>(v).unwrap();
                [s.start, s.stop, s.step]
            };
            sequence_compare(op, &bounds(a), &bounds(b)).map(Some)
        }
        Some(objects::RANGE) => match op {
            CmpOp::Eq | CmpOp::Ne => {
                let same = super::range::equal(a, b);
                Ok(Some(if op == CmpOp::Eq { same } else { !same }))
            }
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// Lexicographic comparison of two lists or two tuples as CPython makes
/// it: lists of different lengths are unequal without comparing items;
/// each pair is read again after the comparisons before it (which may
/// change a list), and the lengths compared at the end are the current
/// ones.
fn live_sequence_compare(op: CmpOp, a: Value, b: Value) -> PyResult<bool> {
    if objects::type_id(a) == Some(objects::LIST)
        && matches!(op, CmpOp::Eq | CmpOp::Ne)
        && objects::seq_len(a) != objects::seq_len(b)
    {
        return Ok(op == CmpOp::Ne);
    }
    let mut i = 0;
    while let (Some(p), Some(q)) = (objects::seq_item(a, i), objects::seq_item(b, i)) {
        if p != q && !eq(p, q)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => truthy(compare(op, p, q)?),
            };
        }
        i += 1;
    }
    Ok(ordering_result(
        op,
        objects::seq_len(a).cmp(&objects::seq_len(b)),
    ))
}

/// Lexicographic comparison: the first unequal pair decides.
pub fn sequence_compare(op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
    for (&p, &q) in x.iter().zip(y.iter()) {
        if !eq(p, q)? {
            return match op {
                CmpOp::Eq => Ok(false),
                CmpOp::Ne => Ok(true),
                _ => truthy(compare(op, p, q)?),
            };
        }
    }
    Ok(ordering_result(op, x.len().cmp(&y.len())))
}

/// `a < b` as a Rust bool (sorting).
pub fn less_than(a: Value, b: Value) -> PyResult<bool> {
    if objects::is_small_int(a) && objects::is_small_int(b) {
        return Ok(objects::small_int_value(a) < objects::small_int_value(b));
    }
    truthy(compare(CmpOp::Lt, a, b)?)
}

// Operators.

/// `a op b` (`op=` when `inplace`).
pub fn binary(op: BinOp, a: Value, b: Value, inplace: bool) -> PyResult {
    // Numbers, strs, lists and tuples: classes no user method can be on,
    // so the built-in operation is all there is to try.
    let plain_kind = |v: Value| match objects::type_id(v) {
        None => objects::is_small_int(v),
        Some(id) => matches!(
            id,
            metajit::value::FLOAT_BOX_TYPE_ID
                | objects::LONG
                | objects::BOOL
                | objects::STR
                | objects::LIST
                | objects::TUPLE
        ),
    };
    if plain_kind(a) && plain_kind(b) {
        if inplace {
            if let Some(r) = super::inplace_builtin(op, a, b)? {
                return Ok(r);
            }
        }
        return match builtin_binary(op, a, b)? {
            Some(r) => Ok(r),
            None => Err(binary_type_error(op, a, b, inplace)),
        };
    }
    let t = Types::get();
    let (name, rname, iname) = op.dunders();
    if inplace {
        if let Some(f) = user_special(a, iname) {
            let r = call_special(f, a, b)?;
            if r != t.not_implemented {
                return Ok(r);
            }
        }
        if let Some(r) = super::inplace_builtin(op, a, b)? {
            return Ok(r);
        }
    }
    let (ca, cb) = (class_of(a), class_of(b));
    let b_first = ca != cb && types::is_subclass(cb, ca) && user_special(b, rname).is_some();
    if b_first {
        let f = user_special(b, rname).unwrap();
        let r = call_special(f, b, a)?;
        if r != t.not_implemented {
            return Ok(r);
        }
    }
    if let Some(f) = user_special(a, name) {
        let r = call_special(f, a, b)?;
        if r != t.not_implemented {
            return Ok(r);
        }
    }
    binary_after_left(op, a, b, inplace, b_first)
}

/// The function `binary` calls first for `a op b` (or `a op= b`) when `a`
/// is an instance of the user class `ca` and `b` one of `cb` (`None`: of a
/// built-in class, which subclasses no user class): the Python function
/// `ca` has for the operator, when neither `__iop__` (which `a op= b`
/// tries before) nor `b`'s reflected method (tried before when `cb` is a
/// proper subclass of `ca` that has one) comes first, and the in-place
/// operator has no built-in case for `ca`'s instances (`ca` derives from
/// `object` only). The caller calls it with `(a, b)`, and when it returns
/// `NotImplemented`, `binary_after_left(op, a, b, inplace, false)`.
pub fn left_operator_function(
    op: BinOp,
    ca: Value,
    cb: Option<Value>,
    inplace: bool,
) -> Option<Value> {
    let class = get::<PyClass>(ca)?;
    let (name, rname, iname) = op.dunders();
    if inplace && (class.base != Base::Object || class_special(ca, iname).is_some()) {
        return None;
    }
    if let Some(cb) = cb {
        if cb != ca && types::is_subclass(cb, ca) && class_special(cb, rname).is_some() {
            return None;
        }
    }
    let f = class_special(ca, name)?;
    (objects::type_id(f) == Some(objects::FUNCTION)).then_some(f)
}

/// The rest of `binary` once the left operand's method returned
/// `NotImplemented` (or there was none): the built-in cases, then the
/// right operand's reflected method unless it was tried first
/// (`reflected_tried`), then the `TypeError`.
pub fn binary_after_left(
    op: BinOp,
    a: Value,
    b: Value,
    inplace: bool,
    reflected_tried: bool,
) -> PyResult {
    let t = Types::get();
    let (_, rname, _) = op.dunders();
    if let Some(r) = super::deque::binary(op, a, b)? {
        return Ok(r);
    }
    if let Some(r) = builtin_binary(op, objects::base_value(a), objects::base_value(b))? {
        return Ok(r);
    }
    if !reflected_tried && class_of(a) != class_of(b) {
        if let Some(f) = user_special(b, rname) {
            let r = call_special(f, b, a)?;
            if r != t.not_implemented {
                return Ok(r);
            }
        }
    }
    Err(binary_type_error(op, a, b, inplace))
}

/// Call the special method `f` found on `x`'s class with `x` and `y`: a
/// Python function directly, a built-in function (not a method of a
/// class: no descriptor) with `y` alone, anything else bound to `x` first
/// (a staticmethod, a callable object...), as CPython's slots do.
fn call_special(f: Value, x: Value, y: Value) -> PyResult {
    match objects::type_id(f) {
        Some(objects::FUNCTION) => return call_object(f, &[x, y], &[]),
        Some(objects::BUILTIN) if get::<objects::PyBuiltin>(f).is_some_and(|b| b.owner == 0) => {
            return call_object(f, &[y], &[]);
        }
        _ => {}
    }
    let bound = bind(f, x, class_of(x))?;
    call_object(bound, &[y], &[])
}

fn binary_type_error(op: BinOp, a: Value, b: Value, inplace: bool) -> Value {
    let (na, nb) = (types::type_name(a), types::type_name(b));
    if op == BinOp::Add && super::deque::as_deque(a).is_some() {
        return super::deque::concat_error(b);
    }
    let sequence = |n: &str| {
        matches!(
            n,
            "str" | "list" | "tuple" | "bytes" | "bytearray" | "collections.deque"
        )
    };
    if op == BinOp::Add && matches!(na.as_str(), "str" | "list" | "tuple") && na != nb {
        return exc::type_error(format!("can only concatenate {na} (not \"{nb}\") to {na}"));
    }
    if op == BinOp::Add && matches!(na.as_str(), "bytes" | "bytearray") {
        return exc::type_error(format!("can't concat {nb} to {na}"));
    }
    if op == BinOp::Mul && (sequence(&na) || sequence(&nb)) {
        let other = if sequence(&na) { &nb } else { &na };
        return exc::type_error(format!(
            "can't multiply sequence by non-int of type '{other}'"
        ));
    }
    let sym = if inplace {
        format!("{}=", op.symbol())
    } else {
        op.symbol().to_string()
    };
    if op == BinOp::Pow && !inplace {
        return exc::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{na}' and '{nb}'"
        ));
    }
    exc::type_error(format!(
        "unsupported operand type(s) for {sym}: '{na}' and '{nb}'"
    ))
}

/// Operators on built-in types; `None` when they do not apply.
fn builtin_binary(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if let Some(u) = super::union::binary(op, a, b) {
        return Ok(Some(u));
    }
    if let Some(r) = number::binary(op, a, b)? {
        return Ok(Some(r));
    }
    if let Some(r) = super::views::binary(op, a, b)? {
        return Ok(Some(r));
    }
    super::seq_binary(op, a, b)
}

pub fn unary(op: UnOp, a: Value) -> PyResult {
    let name = match op {
        UnOp::Neg => "__neg__",
        UnOp::Pos => "__pos__",
        UnOp::Invert => "__invert__",
        UnOp::Not => return Ok(objects::new_bool(!truthy(a)?)),
    };
    if let Some(f) = user_special(a, name) {
        return call_object(f, &[a], &[]);
    }
    if let Some(r) = number::unary(op, objects::base_value(a))? {
        return Ok(r);
    }
    let sym = match op {
        UnOp::Neg => "unary -",
        UnOp::Pos => "unary +",
        _ => "unary ~",
    };
    Err(exc::type_error(format!(
        "bad operand type for {sym}: '{}'",
        types::type_name(a)
    )))
}

// Containers.

pub fn contains(container: Value, item: Value) -> PyResult<bool> {
    match objects::type_id(container) {
        Some(objects::VIEW) => return super::views::contains(container, item),
        Some(objects::MAPPINGPROXY) => {
            return contains(super::mappingproxy::target(container), item)
        }
        Some(objects::DICT) => return Ok(super::dict::get_item(container, item)?.is_some()),
        Some(objects::SET) => return super::set::contains(container, item),
        Some(objects::DEQUE) => return super::deque::contains(container, item),
        Some(objects::STR) => {
            let Some(needle) = str_of(item) else {
                return Err(exc::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    types::type_name(item)
                )));
            };
            let (hay, sought) = (
                get::<objects::PyStr>(container).unwrap(),
                get::<objects::PyStr>(item).unwrap(),
            );
            if hay.wide.is_some() || sought.wide.is_some() {
                let (hay, sought) = (hay.code_points(), sought.code_points());
                return Ok(sought.is_empty() || hay.windows(sought.len()).any(|w| w == sought));
            }
            return Ok(str_of(container).unwrap().contains(needle));
        }
        Some(objects::LIST) | Some(objects::TUPLE) => {
            // Each item read again after the comparisons before it.
            let mut i = 0;
            while let Some(x) = objects::seq_item(container, i) {
                if x == item || eq(x, item)? {
                    return Ok(true);
                }
                i += 1;
            }
            return Ok(false);
        }
        Some(objects::RANGE) => return super::range::contains(container, item),
        Some(objects::BYTES | objects::BYTEARRAY) => {
            let hay = super::bytes::bytes_data(container).unwrap_or_default();
            if objects::int_of(item).is_some() {
                let n = super::number::to_index(item)?;
                let x = u8::try_from(n)
                    .map_err(|_| exc::value_error("byte must be in range(0, 256)"))?;
                return Ok(hay.contains(&x));
            }
            if let Some(nb) = super::bytes::bytes_data(item) {
                return Ok(nb.is_empty() || hay.windows(nb.len()).any(|w| *w == *nb));
            }
            return Err(exc::type_error(format!(
                "a bytes-like object is required, not '{}'",
                types::type_name(item)
            )));
        }
        _ => {}
    }
    if let Some(f) = user_special(container, "__contains__") {
        return truthy(call_object(f, &[container, item], &[])?);
    }
    let b = objects::base_value(container);
    if b != container {
        return contains(b, item);
    }
    let it = iter(container).map_err(|e| {
        if exc::is_instance(e, "TypeError") {
            exc::type_error(format!(
                "argument of type '{}' is not iterable",
                types::type_name(container)
            ))
        } else {
            e
        }
    })?;
    while let Some(x) = next(it)? {
        if x == item || eq(x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

pub fn getitem(obj: Value, key: Value) -> PyResult {
    if let Some(r) = super::builtin_getitem(obj, key)? {
        return Ok(r);
    }
    if let Some(f) = user_special(obj, "__getitem__") {
        return call_object(f, &[obj, key], &[]);
    }
    let b = objects::base_value(obj);
    if objects::type_id(b) == Some(objects::DICT) {
        return dict_subscript(obj, b, key);
    }
    if b != obj {
        return getitem(b, key);
    }
    if get::<PyClass>(obj).is_some() {
        if let Some(f) = lookup_in_mro(obj, intern_static("__class_getitem__")) {
            let f = bind(f, 0, obj)?;
            return call_object(f, &[key], &[]);
        }
        return Err(exc::type_error(format!(
            "type '{}' is not subscriptable",
            types::class_name(obj)
        )));
    }
    Err(exc::type_error(format!(
        "'{}' object is not subscriptable",
        types::type_name(obj)
    )))
}

/// `obj[key]` where `d` is the dict `obj` is (or, for an instance of a
/// subclass of dict, holds): a missing key goes to the class's
/// `__missing__` if it has one.
pub fn dict_subscript(obj: Value, d: Value, key: Value) -> PyResult {
    if let Some(v) = super::dict::get_item(d, key)? {
        return Ok(v);
    }
    match user_special(obj, "__missing__") {
        Some(missing) => call_object(missing, &[obj, key], &[]),
        None => Err(exc::key_error(key)),
    }
}

/// `obj[key] = v`, or `del obj[key]` when `v` is 0.
pub fn setitem(obj: Value, key: Value, v: Value) -> PyResult<()> {
    if super::builtin_setitem(obj, key, v)? {
        return Ok(());
    }
    let name = if v == 0 { "__delitem__" } else { "__setitem__" };
    if let Some(f) = user_special(obj, name) {
        let args: Vec<Value> = if v == 0 {
            vec![obj, key]
        } else {
            vec![obj, key, v]
        };
        call_object(f, &args, &[])?;
        return Ok(());
    }
    let b = objects::base_value(obj);
    if b != obj {
        return setitem(b, key, v);
    }
    // CPython words it so for types with the sequence protocol, and
    // differently for the rest (of ours, mappingproxy).
    let what = if v == 0 && objects::type_id(obj) == Some(objects::MAPPINGPROXY) {
        "does not support item deletion"
    } else if v == 0 {
        "doesn't support item deletion"
    } else {
        "does not support item assignment"
    };
    Err(exc::type_error(format!(
        "'{}' object {what}",
        types::type_name(obj)
    )))
}

// Iteration.

pub fn iter(v: Value) -> PyResult {
    let state = match objects::type_id(v) {
        Some(objects::LIST) | Some(objects::TUPLE) => return Ok(objects::new_seq_iter(v)),
        Some(objects::DEQUE) => return Ok(objects::deque::new_iter(v, false)),
        Some(objects::RANGE) => return Ok(super::range::iter(v)),
        Some(objects::STR) => match &get::<objects::PyStr>(v).unwrap().wide {
            // Lone surrogates are not in the text: the code points' strs,
            // made now (the iterator's allocation roots them in flight).
            Some(w) => {
                let chars: objects::RootedVec = w
                    .iter()
                    .map(|&c| objects::new_str_of_code_points(&[c]))
                    .collect();
                IterState::Vec {
                    items: chars.to_vec(),
                    index: 0,
                }
            }
            None => IterState::Str { s: v, offset: 0 },
        },
        Some(objects::DICT) => IterState::Dict {
            dict: v,
            index: 0,
            kind: objects::DictIterKind::Keys,
            len: len(v)? as usize,
        },
        Some(objects::SET) => IterState::Set {
            set: v,
            index: 0,
            len: len(v)? as usize,
        },
        Some(objects::BYTES | objects::BYTEARRAY) => {
            let b = super::bytes::bytes_data(v).unwrap_or_default();
            IterState::Vec {
                items: b.iter().map(|&x| objects::new_int(x as i64)).collect(),
                index: 0,
            }
        }
        Some(objects::ITER) | Some(objects::GENERATOR) | Some(objects::DEQUE_ITER) => return Ok(v),
        Some(objects::VIEW) => return Ok(super::views::iter(v)),
        Some(objects::MAPPINGPROXY) => return iter(super::mappingproxy::target(v)),
        Some(objects::FILE) => return Ok(v),
        _ => {
            if let Some(f) = user_special(v, "__iter__") {
                let it = call_object(f, &[v], &[])?;
                if objects::type_id(it) != Some(objects::ITER)
                    && objects::type_id(it) != Some(objects::GENERATOR)
                    && objects::type_id(it) != Some(objects::DEQUE_ITER)
                    && user_special(it, "__next__").is_none()
                {
                    return Err(exc::type_error(format!(
                        "iter() returned non-iterator of type '{}'",
                        types::type_name(it)
                    )));
                }
                return Ok(it);
            }
            let b = objects::base_value(v);
            if b != v {
                return iter(b);
            }
            if user_special(v, "__getitem__").is_some() {
                IterState::GetItem { obj: v, index: 0 }
            } else {
                return Err(exc::type_error(format!(
                    "'{}' object is not iterable",
                    types::type_name(v)
                )));
            }
        }
    };
    Ok(objects::new_iter(state))
}

/// The next item of an iterator, or `None` at its end.
pub fn next(it: Value) -> PyResult<Option<Value>> {
    match objects::type_id(it) {
        Some(objects::ITER) => super::iters::next_builtin(it),
        Some(objects::FILE) => super::files::next_line(it),
        Some(objects::DEQUE_ITER) => super::deque::next(it),
        Some(objects::GENERATOR) => match super::generator::send(it, Types::get().none)? {
            super::generator::Sent::Yielded(v) => Ok(Some(v)),
            super::generator::Sent::Returned(_) => Ok(None),
        },
        _ => {
            let Some(f) = user_special(it, "__next__") else {
                return Err(exc::type_error(format!(
                    "'{}' object is not an iterator",
                    types::type_name(it)
                )));
            };
            match call_object(f, &[it], &[]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if exc::is_instance(e, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            }
        }
    }
}

/// Every item of an iterable.
/// Every item of an iterable, in a vector the collector sees (items made
/// by the iteration are referenced nowhere else).
pub fn collect(v: Value) -> PyResult<objects::RootedVec> {
    match objects::type_id(v) {
        Some(objects::LIST) | Some(objects::TUPLE) => {
            return Ok(objects::RootedVec::from_vec(super::seq_items(v)))
        }
        _ => {}
    }
    let it = iter(v)?;
    let mut out = objects::RootedVec::new();
    while let Some(x) = next(it)? {
        out.push(x);
    }
    Ok(out)
}

// Text.

pub fn repr(v: Value) -> PyResult<String> {
    runtime::check_stack()?;
    runtime::nested(" while getting the repr of an object", || {
        super::repr::repr(v)
    })
}

pub fn str_(v: Value) -> PyResult<String> {
    if let Some(s) = str_of(v) {
        return Ok(s.to_string());
    }
    if let Some(f) = user_special(v, "__str__") {
        let r = call_object(f, &[v], &[])?;
        return match str_of(r) {
            Some(s) => Ok(s.to_string()),
            None => Err(exc::type_error(format!(
                "__str__ returned non-string (type {})",
                types::type_name(r)
            ))),
        };
    }
    if exc::is_exception(v) {
        return exc::base_str(v);
    }
    let b = objects::base_value(v);
    // A deque's text names its class (`D([1])`): `repr` of the instance.
    if b != v
        && user_special(v, "__repr__").is_none()
        && objects::type_id(b) != Some(objects::DEQUE)
    {
        return str_(b);
    }
    repr(v)
}

/// Is `v` an instance of `class` (a class)?
pub fn isinstance(v: Value, class: Value) -> bool {
    let c = class_of(v);
    types::is_subclass(c, class)
        || (class == Types::get().int && objects::is_small_int(v))
        || get::<PyClass>(c)
            .is_some_and(|cc| cc.base == Base::Object && class == Types::get().object)
}
