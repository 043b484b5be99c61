//! Inline caches of the interpreter: each attribute and global instruction
//! remembers what it found last time, so that when the receiver looks the
//! same (same class and map, no class changed since) the plain interpreter
//! reads the answer directly instead of calling the general helper.
//!
//! Only the interpreter (`!we_are_jitted()`) uses them; the tracer records
//! the helpers, whose results are the same. A site is filled after the
//! helper succeeded, and only for the shapes whose answer depends on
//! nothing but what the site checks:
//! - `Slot`: an instance attribute, the class having no attribute of that
//!   name (so no descriptor can intervene) and no `__getattribute__`;
//! - `Method`: a Python function found on the class, not shadowed by the
//!   instance's map, no `__getattribute__`;
//! - `Transition`: storing a new attribute moves the instance to the next
//!   map (no `__setattr__`, no class attribute of that name);
//! - `BuiltinMethod`: a method of a built-in class (a `list`, a `str`, a
//!   `deque`…, never an instance or a class), whose namespace no program
//!   changes;
//! - `Global`: where a global or builtin is (`lookup_cache::GlobalRef`),
//!   for loads, and for stores to an existing global.
//!
//! Validity: the instance's class is the cached one, its map has the
//! cached serial (maps never reuse serials, so a freed map cannot be
//! mistaken for another), and no class namespace changed since
//! (`lookup_cache::class_epoch`, bumped also when a class is made, so a
//! new class at a freed class's address never matches an old entry).

use crate::builtins::{lookup_cache, ops};
use crate::bytecode::Code;
use crate::objects::{self, get, PyClass, PyInstance, PyMap, Value};

#[derive(Clone, Copy, Default)]
pub enum Site {
    #[default]
    Empty,
    Slot {
        class: Value,
        map: u64,
        epoch: u64,
        index: usize,
    },
    Method {
        class: Value,
        map: u64,
        epoch: u64,
        func: Value,
    },
    Transition {
        class: Value,
        map: u64,
        epoch: u64,
        next: Value,
    },
    BuiltinMethod {
        type_id: u32,
        class: Value,
        epoch: u64,
        func: Value,
    },
    Global(lookup_cache::GlobalRef),
}

/// The instance payload and its map's serial, if `obj` is an instance.
#[inline(always)]
fn instance(obj: Value) -> Option<(&'static PyInstance, &'static PyMap)> {
    let i = get::<PyInstance>(obj)?;
    Some((i, get::<PyMap>(i.map.get())?))
}

/// `obj.name` at `pc` if the site knows it.
#[inline]
pub fn load_attr(code: &Code, pc: u32, obj: Value) -> Option<Value> {
    let Site::Slot {
        class,
        map,
        epoch,
        index,
    } = code.sites[pc as usize].get()
    else {
        return None;
    };
    let (i, m) = instance(obj)?;
    if i.class.get() != class || m.serial != map || epoch != lookup_cache::class_epoch() {
        return None;
    }
    let v = i.slot(index);
    (v != 0).then_some(v)
}

/// The method `obj.name` at `pc` (to call with `obj` first) if the site
/// knows it.
#[inline]
pub fn load_method(code: &Code, pc: u32, obj: Value) -> Option<Value> {
    let Site::Method {
        class,
        map,
        epoch,
        func,
    } = code.sites[pc as usize].get()
    else {
        return None;
    };
    let (i, m) = instance(obj)?;
    (i.class.get() == class && m.serial == map && epoch == lookup_cache::class_epoch())
        .then_some(func)
}

/// The built-in method `obj.name` at `pc` (to call with `obj` first) if
/// the site knows it.
#[inline]
pub fn load_builtin_method(code: &Code, pc: u32, obj: Value) -> Option<Value> {
    let Site::BuiltinMethod {
        type_id,
        class,
        epoch,
        func,
    } = code.sites[pc as usize].get()
    else {
        return None;
    };
    let same_class = objects::type_id(obj) == Some(type_id)
        && (type_id != objects::SET || objects::class_of(obj) == class);
    (same_class && epoch == lookup_cache::class_epoch()).then_some(func)
}

/// Do `obj.name = v` at `pc` if the site knows how; false if it does not.
#[inline]
pub fn store_attr(code: &Code, pc: u32, obj: Value, v: Value) -> bool {
    let Some((i, m)) = instance(obj) else {
        return false;
    };
    match code.sites[pc as usize].get() {
        Site::Slot {
            class,
            map,
            epoch,
            index,
        } if i.class.get() == class && m.serial == map && epoch == lookup_cache::class_epoch() => {
            // The cached map has a name at `index`, so the array has it.
            i.set_slot(index, v);
            true
        }
        Site::Transition {
            class,
            map,
            epoch,
            next,
        } if i.class.get() == class && m.serial == map && epoch == lookup_cache::class_epoch() => {
            i.push_slot(m.names.len(), v);
            i.map.set(next);
            true
        }
        _ => false,
    }
}

/// The global at `pc` if the site knows it.
#[inline(always)]
pub fn load_global(code: &Code, pc: u32, builtins: Value) -> Option<Value> {
    match code.sites[pc as usize].get() {
        Site::Global(found) => found.read(code.globals, builtins),
        _ => None,
    }
}

/// Store `v` as the global at `pc` if the site knows where it is; false
/// if it does not.
#[inline]
pub fn store_global(code: &Code, pc: u32, builtins: Value, v: Value) -> bool {
    match code.sites[pc as usize].get() {
        Site::Global(found) => found.write(code.globals, builtins, v),
        _ => false,
    }
}

/// The class and map of `obj` if attribute sites may cache it: an
/// instance without a `__dict__` (its attributes are not all in slots)
/// whose class has no `__getattribute__` of its own.
fn cacheable(obj: Value) -> Option<(Value, &'static PyMap)> {
    let (i, m) = instance(obj)?;
    if i.dict.get() != 0 {
        return None;
    }
    let class = i.class.get();
    if ops::user_special(obj, "__getattribute__").is_some() {
        return None;
    }
    get::<PyClass>(class)?;
    Some((class, m))
}

/// After `obj.name` was found by the helper at `pc`.
pub fn fill_load_attr(code: &Code, pc: u32, obj: Value, name: Value) {
    let Some((class, m)) = cacheable(obj) else {
        return;
    };
    if ops::lookup_in_mro(class, name).is_some() {
        return;
    }
    if let Some(index) = m.index_of(name) {
        code.sites[pc as usize].set(Site::Slot {
            class,
            map: m.serial,
            epoch: lookup_cache::class_epoch(),
            index,
        });
    }
}

/// After the helper at `pc` found `func` as the method `name` of `obj`.
pub fn fill_load_method(code: &Code, pc: u32, obj: Value, name: Value, func: Value) {
    // The built-in types whose class is their type id's (a set's also
    // depends on whether it is frozen, which the site checks).
    let type_id = objects::type_id(obj).unwrap_or(0);
    if matches!(
        type_id,
        objects::STR
            | objects::LIST
            | objects::TUPLE
            | objects::DICT
            | objects::SET
            | objects::BYTES
            | objects::BYTEARRAY
            | objects::LONG
            | objects::DEQUE
    ) {
        let class = objects::class_of(obj);
        if get::<objects::PyBuiltin>(func).is_some_and(|b| b.receiver == 0)
            && ops::lookup_in_mro(class, name) == Some(func)
        {
            code.sites[pc as usize].set(Site::BuiltinMethod {
                type_id,
                class,
                epoch: lookup_cache::class_epoch(),
                func,
            });
        }
        return;
    }
    let Some((class, m)) = cacheable(obj) else {
        return;
    };
    if m.index_of(name).is_some()
        || objects::type_id(func) != Some(objects::FUNCTION)
        || ops::lookup_in_mro(class, name) != Some(func)
    {
        return;
    }
    code.sites[pc as usize].set(Site::Method {
        class,
        map: m.serial,
        epoch: lookup_cache::class_epoch(),
        func,
    });
}

/// After the helper at `pc` stored `obj.name` (the instance's map before
/// the store was `before`).
pub fn fill_store_attr(code: &Code, pc: u32, obj: Value, name: Value, before: u64) {
    let Some((class, m)) = cacheable(obj) else {
        return;
    };
    if ops::user_special(obj, "__setattr__").is_some()
        || ops::lookup_in_mro(class, name).is_some()
        || crate::builtins::exc::is_chaining_attr(name)
    {
        return;
    }
    let Some(index) = m.index_of(name) else {
        return;
    };
    let epoch = lookup_cache::class_epoch();
    let site = if m.serial == before {
        Site::Slot {
            class,
            map: before,
            epoch,
            index,
        }
    } else if index + 1 == m.names.len() {
        Site::Transition {
            class,
            map: before,
            epoch,
            next: get::<PyInstance>(obj).map_or(0, |i| i.map.get()),
        }
    } else {
        return;
    };
    code.sites[pc as usize].set(site);
}

/// The serial of `obj`'s map (0 when it is not an instance), taken before
/// a store to compare after it.
pub fn map_serial(obj: Value) -> u64 {
    instance(obj).map_or(0, |(_, m)| m.serial)
}

/// After the helper at `pc` found the global `name`.
pub fn fill_load_global(code: &Code, pc: u32, name: Value, builtins: Value) {
    if let Some(found) = lookup_cache::GlobalRef::find(code.globals, name, builtins) {
        code.sites[pc as usize].set(Site::Global(found));
    }
}
