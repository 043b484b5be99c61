//! What the `match` statement asks of its subject at run time (CPython's
//! MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS, MATCH_CLASS and
//! COPY_DICT_WITHOUT_KEYS): the compiler turns patterns into ordinary
//! bytecode (tests, jumps, unpacking, stores) around these few questions.
//! A failed match is `None`, not an exception; the exceptions are CPython's
//! for a malformed class pattern.

use super::{dict, exc, ops, PyResult};
use crate::objects::{
    self,
    intern::{intern, intern_static},
    str_of, types as otypes, RootedVec, Types, Value,
};

/// Whether `subject` is a sequence a sequence pattern may match: a list,
/// tuple or range (or an instance of a subclass), never a string, bytes or
/// mapping.
pub fn is_sequence(subject: Value) -> bool {
    let t = Types::get();
    [t.list, t.tuple, t.range]
        .iter()
        .any(|&c| ops::isinstance(subject, c))
}

/// Whether `subject` is a mapping a mapping pattern may match: a dict (or
/// an instance of a subclass).
pub fn is_mapping(subject: Value) -> bool {
    ops::isinstance(subject, Types::get().dict)
}

/// The values of `keys` (a tuple) in the mapping `subject`, as a tuple, or
/// `None` if one is missing. Looked up with `subject.get(key, marker)`, as
/// CPython does, so a `defaultdict` makes no entries.
pub fn match_keys(subject: Value, keys: Value) -> PyResult {
    let keys = objects::tuple_items(keys).unwrap_or(&[]);
    let marker = objects::new_tuple(vec![objects::new_str("<missing>")]);
    let mut values = RootedVec::new();
    values.push(marker);
    for &k in keys {
        let v = ops::call_method(subject, "get", &[k, marker])?;
        if v == marker {
            return Ok(Types::get().none);
        }
        values.push(v);
    }
    Ok(objects::new_tuple(values[1..].to_vec()))
}

/// A new dict of the items of `subject` whose keys are not in `keys` (a
/// tuple): what `**rest` captures.
pub fn dict_without_keys(subject: Value, keys: Value) -> PyResult {
    let rest = objects::new_dict();
    dict::update(rest, subject)?;
    for &k in objects::tuple_items(keys).unwrap_or(&[]) {
        dict::pop(rest, k)?;
    }
    Ok(rest)
}

/// The classes whose instances a single positional sub-pattern matches as
/// a whole (`int(x)` captures the int itself).
fn matches_self(class: Value) -> bool {
    let t = Types::get();
    [
        t.bool_,
        t.bytes,
        t.dict,
        t.float,
        t.frozenset,
        t.int,
        t.list,
        t.set,
        t.str_,
        t.tuple,
    ]
    .iter()
    .any(|&c| otypes::is_subclass(class, c))
}

/// A class pattern `cls(p1, …, pn, k1=…, …)`: `None` when `subject` is not
/// an instance of `cls` or lacks an attribute, else the tuple of the
/// values the sub-patterns match: the `positional` ones through
/// `__match_args__`, then the attributes named in `keywords` (a tuple).
pub fn match_class(subject: Value, cls: Value, keywords: Value, positional: usize) -> PyResult {
    let t = Types::get();
    if objects::get::<objects::PyClass>(cls).is_none() {
        return Err(exc::type_error("called match pattern must be a type"));
    }
    if !ops::isinstance(subject, cls) {
        return Ok(t.none);
    }
    let cls_name = otypes::class_name(cls);
    let mut values = RootedVec::new();
    let mut seen: Vec<Value> = Vec::new();
    if positional > 0 {
        let match_args = ops::getattr_opt(cls, intern_static("__match_args__"))?;
        let names: &[Value] = match match_args {
            Some(m) if objects::class_of(m) == t.tuple => objects::tuple_items(m).unwrap_or(&[]),
            Some(m) => {
                return Err(exc::type_error(format!(
                    "{cls_name}.__match_args__ must be a tuple (got {})",
                    otypes::type_name(m)
                )))
            }
            None if matches_self(cls) => {
                if positional > 1 {
                    return Err(exc::type_error(format!(
                        "{cls_name}() accepts 1 positional sub-pattern ({positional} given)"
                    )));
                }
                values.push(subject);
                &[]
            }
            None => &[],
        };
        if values.is_empty() {
            if positional > names.len() {
                let s = if names.len() == 1 { "" } else { "s" };
                return Err(exc::type_error(format!(
                    "{cls_name}() accepts {} positional sub-pattern{s} ({positional} given)",
                    names.len()
                )));
            }
            for &name in &names[..positional] {
                if str_of(name).is_none() {
                    return Err(exc::type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        otypes::type_name(name)
                    )));
                }
                if !take_attribute(subject, name, &cls_name, &mut seen, &mut values)? {
                    return Ok(t.none);
                }
            }
        }
    }
    for &name in objects::tuple_items(keywords).unwrap_or(&[]) {
        if !take_attribute(subject, name, &cls_name, &mut seen, &mut values)? {
            return Ok(t.none);
        }
    }
    Ok(objects::new_tuple(values.to_vec()))
}

/// Append attribute `name` of `subject` to `values` (false if it has none);
/// an attribute named twice in one pattern is an error.
fn take_attribute(
    subject: Value,
    name: Value,
    cls_name: &str,
    seen: &mut Vec<Value>,
    values: &mut RootedVec,
) -> PyResult<bool> {
    let name = intern(str_of(name).unwrap_or(""));
    if seen.contains(&name) {
        return Err(exc::type_error(format!(
            "{cls_name}() got multiple sub-patterns for attribute '{}'",
            str_of(name).unwrap_or("")
        )));
    }
    seen.push(name);
    match ops::getattr_opt(subject, name)? {
        Some(v) => {
            values.push(v);
            Ok(true)
        }
        None => Ok(false),
    }
}
