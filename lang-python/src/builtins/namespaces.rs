//! The builtins that see the calling frame's namespaces: `globals()`,
//! `locals()` (and `vars()`/`dir()` without an argument), `exec`, `eval`
//! and `compile`.
//!
//! The caller is the frame whose call instruction is running
//! (`runtime::caller`), since the names may be rebound and a call of them
//! is an ordinary call. A function's locals live in frame slots, so
//! `locals()` there is a new dict of them (CPython 3.11's snapshot); a class
//! body's and a module's namespace is the dict itself. Bytecode binds its
//! globals when compiled, so code run with a separate locals mapping is
//! compiled with its own names in a namespace dict (as a class body's), and
//! a code object from `compile()` keeps its checked source, compiled again
//! against the globals `exec`/`eval` run it with.

use super::{arg_count, check_kwargs, dict, exc, kwarg, modules, PyResult};
use crate::compiler::CompileMode;
use crate::interp::runtime::{self, frame_get, Caller};
use crate::objects::{
    self, get,
    intern::{intern, intern_static},
    str_of, PyCodeSource, Types, Value,
};

/// The dict that code compiled for `globals` takes builtins from: its
/// `__builtins__` when that is a dict or a module, else the builtins.
pub fn builtins_of(globals: Value) -> Value {
    let own = objects::type_id(globals)
        .filter(|&t| t == objects::DICT)
        .and_then(|_| dict::get_str(globals, intern_static("__builtins__")));
    match own {
        Some(b) if objects::type_id(b) == Some(objects::DICT) => b,
        Some(b) => {
            get::<objects::PyModule>(b).map_or_else(super::functions::builtins_dict, |m| m.dict)
        }
        None => super::functions::builtins_dict(),
    }
}

/// The globals of the calling frame (`__main__`'s when Rust code calls).
pub fn caller_globals() -> Value {
    runtime::caller().map_or_else(modules::current_globals, |c| c.code.globals)
}

/// What `locals()` gives in the calling frame.
pub fn caller_locals() -> Value {
    runtime::caller().map_or_else(modules::current_globals, frame_namespace)
}

/// A frame's local namespace: the dict of a class body (or of code run with
/// separate locals), the globals of module code, else a new dict of the
/// bound locals and cells.
fn frame_namespace(c: Caller) -> Value {
    let code = c.code;
    if code.varnames.first().is_some_and(|n| n == ".ns") {
        return frame_get(c.frame, 0);
    }
    if code.varnames.is_empty() && code.cellvars.is_empty() && code.freevars.is_empty() {
        return code.globals;
    }
    let snapshot = objects::new_dict();
    for i in 0..code.stack_base() {
        let name = code.slot_name(i);
        if name.starts_with('.') {
            continue;
        }
        let mut v = frame_get(c.frame, i as usize);
        if i >= code.cell_base() && v != 0 {
            v = get::<objects::PyCell>(v).map_or(0, |cell| cell.v.get());
        }
        if v != 0 {
            // Setting a str key in a new dict cannot fail.
            let _ = dict::set_item(snapshot, intern(name), v);
        }
    }
    snapshot
}

pub fn globals(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("globals", kw, &[])?;
    arg_count("globals", args, 0, 0)?;
    Ok(caller_globals())
}

pub fn locals(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("locals", kw, &[])?;
    arg_count("locals", args, 0, 0)?;
    Ok(caller_locals())
}

pub fn exec(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    exec_or_eval(args, kw, false)
}

pub fn eval(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    exec_or_eval(args, kw, true)
}

/// `exec(source, globals, locals)` and `eval(...)`: the caller's namespaces
/// for those not given, `__builtins__` added to globals that lack it.
fn exec_or_eval(args: &[Value], kw: &[(Value, Value)], is_eval: bool) -> PyResult {
    let name = if is_eval { "eval" } else { "exec" };
    check_kwargs(name, kw, &["globals", "locals"])?;
    arg_count(name, args, 1, 3)?;
    let t = Types::get();
    let given = |i: usize, key: &str| {
        args.get(i)
            .copied()
            .or(kwarg(kw, key))
            .filter(|&v| v != t.none)
    };
    let (globals, locals) = (given(1, "globals"), given(2, "locals"));
    if let Some(g) = globals {
        if objects::type_id(g) != Some(objects::DICT) {
            return Err(exc::type_error(if is_eval {
                "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
            } else {
                format!(
                    "exec() globals must be a dict, not {}",
                    objects::types::type_name(g)
                )
            }));
        }
    }
    if let Some(l) = locals {
        if objects::type_id(l) != Some(objects::DICT) {
            return Err(exc::type_error(if is_eval {
                "locals must be a mapping".to_string()
            } else {
                format!(
                    "locals must be a mapping or None, not {}",
                    objects::types::type_name(l)
                )
            }));
        }
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), l) => (g, l.unwrap_or(g)),
        (None, Some(l)) => (caller_globals(), l),
        (None, None) => (caller_globals(), caller_locals()),
    };
    let (source, filename, mode) = match get::<PyCodeSource>(args[0]) {
        Some(c) => (
            str_of(c.source).unwrap_or_default().to_string(),
            str_of(c.filename).unwrap_or("<string>").to_string(),
            c.mode,
        ),
        None => {
            let Some(text) = source_text(args[0]) else {
                return Err(exc::type_error(format!(
                    "{name}() arg 1 must be a string, bytes or code object"
                )));
            };
            let mode = if is_eval {
                CompileMode::Eval
            } else {
                CompileMode::Exec
            };
            let text = if is_eval {
                text.trim_start_matches([' ', '\t']).to_string()
            } else {
                text
            };
            (text, "<string>".to_string(), mode)
        }
    };
    if dict::get_str(globals, intern_static("__builtins__")).is_none() {
        dict::set_item(
            globals,
            intern_static("__builtins__"),
            super::functions::builtins_dict(),
        )?;
    }
    let in_namespace = locals != globals;
    let code = crate::compile_source_with(&source, &filename, globals, mode, in_namespace)?;
    let frame = runtime::new_frame(code);
    if in_namespace {
        runtime::frame_set(frame, 0, locals);
    }
    let r = runtime::run_frame(code, 0, frame)?;
    Ok(if is_eval && mode == CompileMode::Eval {
        r
    } else {
        t.none
    })
}

/// The text of a `str` or (UTF-8) `bytes` source.
fn source_text(v: Value) -> Option<String> {
    if let Some(s) = str_of(v) {
        return Some(s.to_string());
    }
    let b = get::<objects::PyBytes>(v)?;
    String::from_utf8(b.b.to_vec()).ok()
}

/// `compile(source, filename, mode)`: the source checked now (its syntax
/// errors raised here), kept for `exec`/`eval`.
pub fn compile(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let params = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    check_kwargs("compile", kw, &params)?;
    arg_count("compile", args, 0, 6)?;
    let arg = |i: usize| args.get(i).copied().or(kwarg(kw, params[i]));
    let (Some(source), Some(filename), Some(mode)) = (arg(0), arg(1), arg(2)) else {
        return Err(exc::type_error(
            "compile() missing required argument 'source' (pos 1)",
        ));
    };
    let Some(text) = source_text(source) else {
        return Err(exc::type_error(
            "compile() arg 1 must be a string, bytes or AST object",
        ));
    };
    let Some(filename_text) = str_of(filename) else {
        return Err(exc::type_error(format!(
            "compile() argument 'filename' must be str, not {}",
            objects::types::type_name(filename)
        )));
    };
    let mode = match str_of(mode) {
        Some("exec") => CompileMode::Exec,
        Some("eval") => CompileMode::Eval,
        Some("single") => CompileMode::Single,
        _ => {
            return Err(exc::new(
                "ValueError",
                Some("compile() mode must be 'exec', 'eval' or 'single'".into()),
            ))
        }
    };
    crate::compile_source(&text, filename_text, objects::new_dict(), mode)?;
    let source = objects::new_string(text);
    let _keep = objects::RootedVec::from_vec(vec![source]);
    Ok(objects::alloc(PyCodeSource {
        source,
        filename,
        mode,
    }))
}
