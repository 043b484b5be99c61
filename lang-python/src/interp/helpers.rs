//! The helpers the dispatch loop calls (residual calls in traces): each an
//! `extern "C"` function over words, declared once with its signature and
//! effects (metajit's typed helper ABI). A helper that fails raises its
//! exception through `metajit::portal::raise` and returns 0; the dispatch
//! loop routes it (`Py::unwind`). Helpers that take the frame read or write
//! its operand stack at the given slots.

use super::quick;
use super::runtime::{self, frame_get, frame_set};
use crate::builtins::{self, exc, ops, PyResult};
use crate::bytecode::{code_by_id, BinOp, CmpOp, UnOp};
use crate::objects::{
    self,
    intern::{intern, intern_static},
    str_of, Types, Value,
};
use metajit::abi::{CallDescr, EffectKind, Effects};
use metajit::ir::{FieldDescr, Type};
use std::mem::offset_of;

/// A helper that may do anything (run Python code, read the frame).
macro_rules! helper {
    ($descr:ident, $f:ident($($a:ident : $t:ty),*) $body:block) => {
        extern "C" fn $f($($a: $t),*) -> usize {
            fn body($($a: $t),*) -> PyResult $body
            match body($($a),*) {
                Ok(v) => v,
                Err(e) => {
                    metajit::portal::raise(e);
                    0
                }
            }
        }
        pub static $descr: CallDescr = CallDescr::of(
            stringify!($f),
            $f as extern "C" fn($($t),*) -> usize,
            Effects::RANDOM,
        );
    };
}

/// A helper that writes nothing and runs no Python code (it may raise).
const READS_ONLY: Effects = Effects {
    kind: EffectKind::CanRaise,
    reads: None,
    writes: Some(&[]),
};

macro_rules! reader {
    ($descr:ident, $f:ident($($a:ident : $t:ty),*) $body:block) => {
        extern "C" fn $f($($a: $t),*) -> usize {
            fn body($($a: $t),*) -> PyResult $body
            match body($($a),*) {
                Ok(v) => v,
                Err(e) => {
                    metajit::portal::raise(e);
                    0
                }
            }
        }
        pub static $descr: CallDescr = CallDescr::of(
            stringify!($f),
            $f as extern "C" fn($($t),*) -> usize,
            READS_ONLY,
        );
    };
}

pub static FUNCTION_CODE_ID: FieldDescr = FieldDescr {
    name: "function.code_id",
    offset: 8 + offset_of!(objects::PyFunction, code_id) as i32,
    ty: Type::Int,
};
pub static FUNCTION_CLOSURE: FieldDescr = FieldDescr {
    name: "function.closure",
    offset: 8 + offset_of!(objects::PyFunction, closure) as i32,
    ty: Type::Ref,
};
pub static GENERATOR_FRAME: FieldDescr = FieldDescr {
    name: "generator.frame",
    offset: 8 + offset_of!(objects::PyGenerator, frame) as i32,
    ty: Type::Ref,
};
pub static GENERATOR_CODE: FieldDescr = FieldDescr {
    name: "generator.code",
    offset: 8 + offset_of!(objects::PyGenerator, code) as i32,
    ty: Type::Int,
};
pub static GENERATOR_RUNNING: FieldDescr = FieldDescr {
    name: "generator.running",
    offset: 8 + offset_of!(objects::PyGenerator, running) as i32,
    ty: Type::Int,
};

fn none() -> Value {
    Types::get().none
}

fn binop(k: i64) -> BinOp {
    BinOp::ALL[(k & 0xff) as usize]
}

fn cmpop(k: i64) -> CmpOp {
    [
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Gt,
        CmpOp::Ge,
    ][k as usize]
}

fn unop(k: i64) -> UnOp {
    [UnOp::Neg, UnOp::Pos, UnOp::Invert, UnOp::Not][k as usize]
}

// Exceptions and frames (these never raise).

helper!(TRACEBACK_HERE, traceback_here(e: usize, code: i64, pc: i64) {
    let code = code_by_id(code as u32);
    if let Some(i) = objects::get::<objects::PyInstance>(e) {
        let handled = runtime::handled();
        let ctx = intern_static("__context__");
        if handled != 0 && handled != e && handled != none() && ops::get_instance_attr(e, ctx).is_none() {
            ops::set_instance_attr(e, ctx, handled);
        }
        i.traceback.borrow_mut().push((code, code.lines[pc as usize]));
    }
    Ok(none())
});

helper!(GENERATOR_EXCEPTION, generator_exception(e: usize) {
    // PEP 479: a StopIteration leaving a generator becomes a RuntimeError.
    if exc::is_instance(e, "StopIteration") {
        let r = exc::new("RuntimeError", Some("generator raised StopIteration".into()));
        ops::set_instance_attr(r, intern_static("__cause__"), e);
        ops::set_instance_attr(r, intern_static("__context__"), e);
        ops::set_instance_attr(r, intern_static("__suppress_context__"), Types::get().true_);
        return Ok(r);
    }
    Ok(e)
});

helper!(RECURSION_ERROR, recursion_error() {
    Ok(exc::recursion_error())
});

helper!(UNBOUND_LOCAL, unbound_local(code: i64, slot: i64) {
    let code = code_by_id(code as u32);
    let name = code.slot_name(slot as u32);
    Ok(exc::new(
        "UnboundLocalError",
        Some(format!("cannot access local variable '{name}' where it is not associated with a value")),
    ))
});

helper!(INIT_NOT_NONE, init_not_none(v: usize) {
    Ok(exc::type_error(format!(
        "__init__() should return None, not '{}'",
        objects::types::type_name(v)
    )))
});

helper!(NEW_CELL, new_cell(v: usize) {
    Ok(objects::new_cell(v))
});

/// A cell's value (0 while unbound): read and written inline.
pub static CELL_VALUE: FieldDescr = FieldDescr {
    name: "cell.value",
    offset: 8 + offset_of!(objects::PyCell, v) as i32,
    ty: Type::Ref,
};

helper!(NEW_INSTANCE, new_instance(class: usize) {
    Ok(builtins::types::new_instance_of(class))
});

helper!(MAKE_RAISE, make_raise(a: usize, b: usize, n: i64) {
    let made: PyResult = (|| {
        match n {
            0 => {
                let h = runtime::handled();
                if h == 0 || h == none() {
                    return Ok(exc::new("RuntimeError", Some("No active exception to reraise".into())));
                }
                Ok(h)
            }
            _ => {
                let e = builtins::functions::make_exception(a, None)?;
                if n == 2 {
                    let cause = if b == none() {
                        none()
                    } else {
                        builtins::functions::make_exception(b, None).map_err(|_| {
                            exc::type_error("exception causes must derive from BaseException")
                        })?
                    };
                    ops::set_instance_attr(e, intern_static("__cause__"), cause);
                    ops::set_instance_attr(e, intern_static("__suppress_context__"), Types::get().true_);
                }
                Ok(e)
            }
        }
    })();
    Ok(made.unwrap_or_else(|e| e))
});

helper!(PUSH_EXC, push_exc(e: usize) {
    let prev = runtime::handled();
    runtime::set_handled(e);
    Ok(if prev == 0 { none() } else { prev })
});

helper!(POP_EXC, pop_exc(prev: usize) {
    runtime::set_handled(if prev == none() { 0 } else { prev });
    Ok(none())
});

// Names.

helper!(LOAD_DEREF, load_deref(c: usize, code: i64, slot: i64, delete: i64) {
    let cell = objects::get::<objects::PyCell>(c).unwrap();
    let v = cell.v.get();
    if v == 0 {
        let code = code_by_id(code as u32);
        let name = code.slot_name(slot as u32);
        let free = slot as u32 >= code.free_base();
        return Err(if free {
            exc::new("NameError", Some(format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")))
        } else {
            exc::new("UnboundLocalError", Some(format!("cannot access local variable '{name}' where it is not associated with a value")))
        });
    }
    if delete != 0 {
        cell.v.set(0);
    }
    Ok(v)
});

reader!(LOAD_CLASS_DEREF, load_class_deref(ns: usize, c: usize, name: usize) {
    if let Some(v) = builtins::dict::get_str(ns, name) {
        return Ok(v);
    }
    let v = objects::get::<objects::PyCell>(c).unwrap().v.get();
    if v == 0 {
        return Err(exc::new("NameError", Some(format!(
            "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
            str_of(name).unwrap_or("?")
        ))));
    }
    Ok(v)
});

fn global_or_builtin(globals: Value, builtins: Value, name: Value) -> PyResult {
    if let Some(v) = builtins::lookup_cache::global_lookup(globals, name, builtins) {
        return Ok(v);
    }
    Err(exc::name_error(str_of(name).unwrap_or("?")))
}

reader!(LOAD_GLOBAL, load_global(globals: usize, builtins: usize, name: usize) {
    global_or_builtin(globals, builtins, name)
});

helper!(STORE_GLOBAL, store_global(globals: usize, name: usize, v: usize) {
    if v == 0 {
        if builtins::dict::pop(globals, name)?.is_none() {
            return Err(exc::name_error(str_of(name).unwrap_or("?")));
        }
    } else {
        builtins::dict::set_item(globals, name, v)?;
    }
    Ok(none())
});

reader!(LOAD_NAME, load_name(ns: usize, globals: usize, builtins: usize, name: usize) {
    // A namespace a metaclass prepared is a dict subclass: read its dict.
    if let Some(v) = builtins::dict::get_str(objects::base_value(ns), name) {
        return Ok(v);
    }
    global_or_builtin(globals, builtins, name)
});

helper!(STORE_NAME, store_name(ns: usize, name: usize, v: usize) {
    if objects::type_id(ns) != Some(objects::DICT) {
        // A prepared namespace: its own __setitem__/__delitem__ decide.
        ops::setitem(ns, name, v)?;
        return Ok(none());
    }
    if v == 0 {
        if builtins::dict::pop(ns, name)?.is_none() {
            return Err(exc::name_error(str_of(name).unwrap_or("?")));
        }
    } else {
        builtins::dict::set_item(ns, name, v)?;
    }
    Ok(none())
});

// Attributes and operators.

helper!(GETATTR, getattr(obj: usize, name: usize) {
    get_attribute(obj, name)
});

fn get_attribute(obj: Value, name: Value) -> PyResult {
    if let Some(s) = objects::get::<objects::PySuper>(obj) {
        if let Some(v) = builtins::functions::super_getattr(s, name)? {
            return Ok(v);
        }
        return Err(exc::attribute_error(format!(
            "'super' object has no attribute '{}'",
            str_of(name).unwrap_or("?")
        )));
    }
    ops::getattr(obj, name)
}

helper!(SETATTR, setattr(obj: usize, name: usize, v: usize) {
    ops::setattr(obj, name, v)?;
    Ok(none())
});

helper!(LOAD_METHOD, load_method(frame: usize, at: i64, obj: usize, name: usize) {
    let (f, s) = if objects::get::<objects::PySuper>(obj).is_some() {
        (get_attribute(obj, name)?, 0)
    } else {
        ops::load_method(obj, name)?
    };
    frame_set(frame, at as usize, f);
    frame_set(frame, at as usize + 1, s);
    Ok(none())
});

thread_local! {
    /// The receiver `load_method_attr` found, until `method_self` takes it.
    static METHOD_SELF_FOUND: std::cell::Cell<Value> = const { std::cell::Cell::new(0) };
}

// `LOAD_METHOD` for compiled code, as two calls that leave the frame alone
// (a helper given the frame forces it out of registers): the callable, then
// the receiver to pass first (or 0 when the callable is a bound attribute).
// Nothing allocates between the two, so the receiver kept aside stays alive
// through the frame slot it came from.
helper!(LOAD_METHOD_ATTR, load_method_attr(obj: usize, name: usize) {
    let (f, s) = if objects::get::<objects::PySuper>(obj).is_some() {
        (get_attribute(obj, name)?, 0)
    } else {
        ops::load_method(obj, name)?
    };
    METHOD_SELF_FOUND.with(|r| r.set(s));
    Ok(f)
});

extern "C" fn method_self() -> usize {
    METHOD_SELF_FOUND.with(|r| r.replace(0))
}
pub static METHOD_SELF: CallDescr = CallDescr::of(
    "method_self",
    method_self as extern "C" fn() -> usize,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);

helper!(BINARY, binary(a: usize, b: usize, k: i64) {
    ops::binary(binop(k), a, b, k & 0x100 != 0)
});

helper!(BINARY_AFTER_LEFT, binary_after_left(a: usize, b: usize, k: i64) {
    ops::binary_after_left(binop(k), a, b, k & 0x100 != 0, false)
});

helper!(UNARY, unary(a: usize, k: i64) {
    ops::unary(unop(k), a)
});

helper!(COMPARE, compare(a: usize, b: usize, k: i64) {
    ops::compare(cmpop(k), a, b)
});

helper!(CONTAINS, contains(a: usize, b: usize, positive: i64) {
    let r = ops::contains(b, a)?;
    Ok(objects::new_bool(r == (positive != 0)))
});

reader!(TRUTH_BUILTIN, truth_builtin(v: usize) {
    Ok(objects::new_bool(ops::truthy(v)?))
});

helper!(TRUTH, truth(v: usize) {
    Ok(objects::new_bool(ops::truthy(v)?))
});

helper!(GETITEM, getitem(obj: usize, key: usize) {
    ops::getitem(obj, key)
});

helper!(SETITEM, setitem(obj: usize, key: usize, v: usize) {
    ops::setitem(obj, key, v)?;
    Ok(none())
});

// Building.

helper!(BUILD, build(frame: usize, from: i64, n: i64, kind: i64) {
    let count = if kind == 3 { 2 * n } else { n } as usize;
    if kind == 1 {
        // Straight from the frame (which keeps the items alive) into the
        // list's array.
        return Ok(objects::list::new_list_with(count, |i| frame_get(frame, from as usize + i)));
    }
    let item = |i: usize| frame_get(frame, from as usize + i);
    match kind {
        0 => return Ok(objects::new_tuple_with(count, item)),
        2 => {
            // The frame keeps the items alive while the set grows.
            let s = objects::new_set(false);
            for i in 0..count {
                builtins::set::add(s, item(i))?;
            }
            return Ok(s);
        }
        4 => {
            return Ok(objects::alloc(objects::PySlice {
                start: item(0),
                stop: item(1),
                step: if count > 2 { item(2) } else { none() },
            }))
        }
        _ => {}
    }
    let items: Vec<Value> = (0..count).map(|i| frame_get(frame, from as usize + i)).collect();
    Ok(match kind {
        3 => {
            let d = objects::new_dict();
            for pair in items.chunks(2) {
                builtins::dict::set_item(d, pair[0], pair[1])?;
            }
            d
        }
        _ => {
            let mut s = String::new();
            for &x in &items {
                s.push_str(str_of(x).unwrap_or(""));
            }
            objects::new_string(s)
        }
    })
});

/// How CPython names a function in a call's argument errors:
/// `module.qualname()`, or `qualname()` for builtins.
fn function_str(f: Value) -> PyResult<String> {
    let qualname = ops::getattr_opt(f, intern_static("__qualname__"))?;
    let Some(qualname) = qualname.and_then(str_of) else {
        return Ok(format!("{} object", objects::types::type_name(f)));
    };
    match ops::getattr_opt(f, intern_static("__module__"))?.and_then(str_of) {
        Some(m) if m != "builtins" => Ok(format!("{m}.{qualname}()")),
        _ => Ok(format!("{qualname}()")),
    }
}

helper!(CONTAINER_ADD, container_add(c: usize, v: usize, kind: i64, func: usize) {
    match kind {
        0 => objects::get::<objects::PyList>(c).unwrap().push(v),
        1 => builtins::set::add(c, v)?,
        2 => {
            let items = match ops::collect(v) {
                Err(e) if exc::is_instance(e, "TypeError") && ops::lookup_special(v, intern_static("__iter__")).is_none() => {
                    let t = objects::types::type_name(v);
                    return Err(exc::type_error(if func == 0 {
                        format!("Value after * must be an iterable, not {t}")
                    } else {
                        format!("{} argument after * must be an iterable, not {t}", function_str(func)?)
                    }));
                }
                other => other?,
            };
            objects::get::<objects::PyList>(c).unwrap().extend(&items);
        }
        3 => {
            for &x in ops::collect(v)?.iter() {
                builtins::set::add(c, x)?;
            }
        }
        _ => {
            if kind == 5 {
                if objects::type_id(v) != Some(objects::DICT) && ops::lookup_special(v, intern_static("keys")).is_none() {
                    return Err(exc::type_error(format!(
                        "{} argument after ** must be a mapping, not {}",
                        function_str(func)?,
                        objects::types::type_name(v)
                    )));
                }
                for (k, _) in builtins::dict::items(v) {
                    if builtins::dict::get_item(c, k)?.is_some() {
                        return Err(exc::type_error(format!(
                            "{} got multiple values for keyword argument '{}'",
                            function_str(func)?,
                            str_of(k).unwrap_or("?")
                        )));
                    }
                }
            } else if objects::type_id(v) != Some(objects::DICT) && ops::lookup_special(v, intern_static("keys")).is_none() {
                return Err(exc::type_error(format!(
                    "'{}' object is not a mapping",
                    objects::types::type_name(v)
                )));
            }
            builtins::dict::update(c, v)?;
        }
    }
    Ok(none())
});

helper!(LIST_TO_TUPLE, list_to_tuple(v: usize) {
    Ok(objects::new_tuple(builtins::seq_items(v)))
});

helper!(UNPACK, unpack(frame: usize, at: i64, n: i64, after: i64) {
    let v = frame_get(frame, at as usize);
    let items = ops::collect(v).map_err(|e| {
        if exc::is_instance(e, "TypeError") {
            exc::type_error(format!(
                "cannot unpack non-iterable {} object",
                objects::types::type_name(v)
            ))
        } else {
            e
        }
    })?;
    let at = at as usize;
    if after < 0 {
        let n = n as usize;
        if items.len() != n {
            return Err(exc::value_error(if items.len() > n {
                format!("too many values to unpack (expected {n})")
            } else {
                format!("not enough values to unpack (expected {n}, got {})", items.len())
            }));
        }
        // The first item ends on top.
        for (i, &x) in items.iter().rev().enumerate() {
            frame_set(frame, at + i, x);
        }
    } else {
        let (before, after) = (n as usize, after as usize);
        if items.len() < before + after {
            return Err(exc::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut parts = objects::RootedVec::from_vec(items[..before].to_vec());
        parts.push(objects::new_list(items[before..items.len() - after].to_vec()));
        parts.extend_from_slice(&items[items.len() - after..]);
        for (i, &x) in parts.iter().rev().enumerate() {
            frame_set(frame, at + i, x);
        }
    }
    Ok(none())
});

helper!(FORMAT_VALUE, format_value(v: usize, spec: usize, conv: i64) {
    builtins::format::format_field(v, spec, conv)
});

helper!(GET_ITER, get_iter(v: usize) {
    ops::iter(v)
});

helper!(CLOSE_ITER, close_iter(it: usize) {
    if objects::type_id(it) == Some(objects::GENERATOR) {
        if let Err(e) = builtins::generator::close(it) {
            // As CPython reports an error of a finalizer: the program goes on.
            let repr = ops::repr(it).unwrap_or_default();
            builtins::functions::flush_stdout();
            eprint!("Exception ignored in: {repr}\n{}", exc::report(e));
        }
    }
    Ok(none())
});

helper!(FOR_ITER, for_iter(it: usize) {
    Ok(ops::next(it)?.unwrap_or(0))
});

// Calls.

fn kwpairs(names: Value, values: &[Value]) -> Vec<(Value, Value)> {
    objects::tuple_items(names)
        .unwrap_or(&[])
        .iter()
        .copied()
        .zip(values.iter().copied())
        .collect()
}

/// The most call arguments copied to a buffer on the stack (more go to a
/// `Vec`).
const STACK_ARGS: usize = 8;

/// `f` of items `first..first + count` of `frame`: copied to the stack, not
/// to a `Vec`, when there are few (a residual call must not cost an
/// allocation). They stay in the frame during the call, which keeps them
/// alive.
fn with_frame_items<T>(
    frame: Value,
    first: usize,
    count: usize,
    f: impl FnOnce(&[Value]) -> T,
) -> T {
    if count <= STACK_ARGS {
        let mut items = [0; STACK_ARGS];
        for (i, item) in items[..count].iter_mut().enumerate() {
            *item = frame_get(frame, first + i);
        }
        f(&items[..count])
    } else {
        let items: Vec<Value> = (0..count).map(|i| frame_get(frame, first + i)).collect();
        f(&items)
    }
}

/// `f(*args)` as `call_object` makes it, but a built-in with few
/// arguments is called as the interpreter calls it (`quick::call_builtin`),
/// with no argument vector made.
fn call_positional(f: Value, args: &[Value]) -> PyResult {
    if args.len() <= quick::DIRECT_ARGS {
        if let Some(result) = quick::call_builtin(f, args) {
            return result;
        }
    }
    runtime::call_object(f, args, &[])
}

helper!(CALL, call(frame: usize, code: i64, from: i64, n: i64, kwnames: usize) {
    let from = from as usize;
    let f = frame_get(frame, from);
    let code = code_by_id(code as u32);
    with_frame_items(frame, from + 1, n as usize, |args| {
        let nkw = objects::tuple_items(kwnames).map_or(0, |t| t.len());
        if nkw == 0 {
            return runtime::with_caller(frame, code, || call_positional(f, args));
        }
        let (pos, kw) = args.split_at(args.len() - nkw);
        let kw = kwpairs(kwnames, kw);
        runtime::call_from(frame, code, f, pos, &kw)
    })
});

helper!(CALL_METHOD, call_method(frame: usize, from: i64, n: i64) {
    let from = from as usize;
    let f = frame_get(frame, from);
    // The receiver, when there is one, is the first argument: the items
    // after `f` in the frame.
    let (first, count) = match frame_get(frame, from + 1) {
        0 => (from + 2, n as usize),
        _ => (from + 1, n as usize + 1),
    };
    with_frame_items(frame, first, count, |args| call_positional(f, args))
});

helper!(CALL_EX, call_ex(f: usize, args: usize, kw: usize) {
    let pos = builtins::seq_items(args);
    let kw: Vec<(Value, Value)> = if kw == 0 {
        Vec::new()
    } else {
        let mut out = Vec::new();
        for (k, v) in builtins::dict::items(kw) {
            if str_of(k).is_none() {
                return Err(exc::type_error("keywords must be strings"));
            }
            out.push((objects::intern::intern_value(k), v));
        }
        out
    };
    runtime::call_object(f, &pos, &kw)
});

helper!(MAKE_FUNCTION, make_function(frame: usize, from: i64, code: i64, flags: i64) {
    let code = code_by_id(code as u32);
    let mut k = from as usize;
    let mut take = |bit: i64| -> Value {
        if flags & bit != 0 {
            let v = frame_get(frame, k);
            k += 1;
            v
        } else {
            0
        }
    };
    let defaults = take(1);
    let kwdefaults = take(2);
    let annotations = take(8);
    let closure = take(4);
    let globals = code.globals;
    let module = builtins::dict::get_str(globals, intern_static("__name__")).unwrap_or(none());
    // The annotations are kept in the function's attribute dict, where
    // `f.__annotations__` finds them.
    let mut attrs = objects::RootedVec::new();
    if annotations != 0 {
        attrs.push(objects::new_dict());
        builtins::dict::set_item(attrs[0], intern_static("__annotations__"), annotations)?;
    }
    let doc = code.docstring.as_deref().map_or(none(), objects::new_str);
    let f = objects::alloc(objects::PyFunction {
        code,
        code_id: code.id as usize,
        globals,
        defaults: std::cell::Cell::new(defaults),
        kwdefaults: std::cell::Cell::new(kwdefaults),
        closure,
        name: std::cell::Cell::new(intern(&code.name)),
        qualname: std::cell::Cell::new(objects::new_str(&code.qualname)),
        doc: std::cell::Cell::new(doc),
        module,
        dict: std::cell::Cell::new(attrs.first().copied().unwrap_or(0)),
    });
    Ok(f)
});

helper!(YIELD_FROM, yield_from(frame: usize, it: usize, sent: usize, resume_slot: i64) {
    builtins::generator::yield_from(frame, resume_slot as usize, it, sent)
});

helper!(EXC_MATCH, exc_match(e: usize, ty: usize) {
    let check = |c: Value| -> PyResult<bool> {
        if !exc::is_exception_class(c) {
            return Err(exc::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            ));
        }
        Ok(ops::isinstance(e, c))
    };
    let r = match objects::tuple_items(ty) {
        Some(items) => {
            let mut any = false;
            for &c in items {
                any |= check(c)?;
            }
            any
        }
        None => check(ty)?,
    };
    Ok(objects::new_bool(r))
});

helper!(BEFORE_WITH, before_with(frame: usize, at: i64) {
    let m = frame_get(frame, at as usize);
    let enter = ops::lookup_special(m, intern_static("__enter__"));
    let exit = ops::lookup_special(m, intern_static("__exit__"));
    let (Some(enter), Some(exit)) = (enter, exit) else {
        let missed = if enter.is_some() { " (missed __exit__ method)" } else { "" };
        return Err(exc::type_error(format!(
            "'{}' object does not support the context manager protocol{missed}",
            objects::types::type_name(m)
        )));
    };
    let bound_exit = objects::alloc(objects::PyMethod { func: exit, receiver: m });
    let bound_exit = if objects::type_id(exit) == Some(objects::BUILTIN) {
        objects::alloc(objects::PyBuiltin {
            name: "__exit__",
            f: objects::get::<objects::PyBuiltin>(exit).unwrap().f,
            receiver: m,
            owner: 0,
        })
    } else {
        bound_exit
    };
    let v = runtime::call_object(enter, &[m], &[])?;
    frame_set(frame, at as usize, bound_exit);
    frame_set(frame, at as usize + 1, v);
    Ok(none())
});

helper!(WITH_EXIT, with_exit(exit: usize, e: usize) {
    let n = none();
    let args = if e == 0 {
        vec![n, n, n]
    } else {
        vec![objects::class_of(e), e, exc::traceback_of(e)]
    };
    let r = runtime::call_object(exit, &args, &[])?;
    Ok(objects::new_bool(e != 0 && ops::truthy(r)?))
});

helper!(MATCH_TEST, match_test(subject: usize, kind: i64) {
    use builtins::matching;
    Ok(match kind {
        0 => objects::new_bool(matching::is_sequence(subject)),
        1 => objects::new_bool(matching::is_mapping(subject)),
        _ => objects::new_int(ops::len(subject)?),
    })
});

helper!(MATCH_KEYS, match_keys(subject: usize, keys: usize) {
    builtins::matching::match_keys(subject, keys)
});

helper!(MATCH_CLASS, match_class(subject: usize, cls: usize, names: usize, n: i64) {
    builtins::matching::match_class(subject, cls, names, n as usize)
});

helper!(DICT_WITHOUT_KEYS, dict_without_keys(subject: usize, keys: usize) {
    builtins::matching::dict_without_keys(subject, keys)
});

helper!(IMPORT_NAME, import_name(name: usize, fromlist: usize, level: usize, globals: usize) {
    let level = objects::small_int_value(level);
    builtins::modules::import_name(str_of(name).unwrap_or(""), fromlist, level, globals)
});

helper!(IMPORT_FROM, import_from(module: usize, name: usize) {
    builtins::modules::import_from(module, name)
});

helper!(IMPORT_STAR, import_star(module: usize, globals: usize) {
    builtins::modules::import_star(module, globals)?;
    Ok(none())
});

helper!(BUILD_CLASS, build_class(frame: usize, from: i64) {
    let from = from as usize;
    builtins::types::build_class(
        frame_get(frame, from),
        frame_get(frame, from + 1),
        frame_get(frame, from + 2),
        frame_get(frame, from + 3),
    )
});

helper!(PRINT_EXPR, print_expr(v: usize) {
    if v != none() {
        let r = ops::repr(v)?;
        builtins::functions::write_stdout(&format!("{r}\n"));
        builtins::dict::set_item(builtins::functions::builtins_dict(), intern_static("_"), v)?;
    }
    Ok(none())
});
