//! Exceptions: making the built-in ones with CPython's messages, their
//! attributes (`args`, `__cause__`, `__context__`, `__traceback__` kept as
//! frames on the instance), and the text of an uncaught exception's report.

use super::{ops, PyResult};
use crate::objects::{
    self, get,
    intern::{intern, intern_static},
    types, PyInstance, Types, Value,
};

/// A new instance of the built-in exception class `name` with `msg` as its
/// one argument (none when `None`).
pub fn new(name: &str, msg: Option<String>) -> Value {
    let class = Types::get().exception(name);
    let args = match msg {
        Some(m) => vec![objects::new_string(m)],
        None => vec![],
    };
    instantiate(class, args)
}

/// An instance of exception class `class` with `args`, without running
/// Python code.
pub fn instantiate(class: Value, args: Vec<Value>) -> Value {
    let args = objects::new_tuple(args);
    let inst = ops::new_instance(class);
    ops::set_instance_attr(inst, intern_static("args"), args);
    inst
}

pub fn type_error(msg: impl Into<String>) -> Value {
    new("TypeError", Some(msg.into()))
}
pub fn value_error(msg: impl Into<String>) -> Value {
    new("ValueError", Some(msg.into()))
}
pub fn index_error(msg: impl Into<String>) -> Value {
    new("IndexError", Some(msg.into()))
}
pub fn attribute_error(msg: impl Into<String>) -> Value {
    new("AttributeError", Some(msg.into()))
}
pub fn zero_division(msg: impl Into<String>) -> Value {
    new("ZeroDivisionError", Some(msg.into()))
}
pub fn overflow_error(msg: impl Into<String>) -> Value {
    new("OverflowError", Some(msg.into()))
}
pub fn name_error(name: &str) -> Value {
    let e = new("NameError", Some(format!("name '{name}' is not defined")));
    set_attr(e, "name", objects::new_str(name));
    e
}
pub fn recursion_error() -> Value {
    new(
        "RecursionError",
        Some("maximum recursion depth exceeded".into()),
    )
}
pub fn key_error(key: Value) -> Value {
    instantiate(Types::get().exception("KeyError"), vec![key])
}
pub fn stop_iteration(value: Option<Value>) -> Value {
    instantiate(
        Types::get().exception("StopIteration"),
        value.into_iter().collect(),
    )
}

pub fn type_error_r<T>(msg: impl Into<String>) -> PyResult<T> {
    Err(type_error(msg))
}

/// Is `e` an instance of the built-in exception `name` (or a subclass)?
pub fn is_instance(e: Value, name: &str) -> bool {
    types::is_subclass(objects::class_of(e), Types::get().exception(name))
}

pub fn is_exception_class(c: Value) -> bool {
    get::<objects::PyClass>(c).is_some()
        && types::is_subclass(c, Types::get().exception("BaseException"))
}

pub fn is_exception(e: Value) -> bool {
    is_exception_class(objects::class_of(e))
}

pub fn args_of(e: Value) -> Vec<Value> {
    ops::get_instance_attr(e, intern_static("args"))
        .and_then(objects::tuple_items)
        .map_or_else(Vec::new, |a| a.to_vec())
}

pub fn attr(e: Value, name: &str) -> Value {
    ops::get_instance_attr(e, intern(name)).unwrap_or(Types::get().none)
}

pub fn set_attr(e: Value, name: &str, v: Value) {
    if get::<PyInstance>(e).is_some() {
        ops::set_instance_attr(e, intern(name), v);
    }
}

/// Whether `name` is an exception attribute whose store has to be checked
/// (`set_chaining_attr`), which no inline cache may skip.
pub fn is_chaining_attr(name: Value) -> bool {
    matches!(
        objects::str_of(name),
        Some("__cause__" | "__context__" | "__suppress_context__")
    )
}

/// `e.name = v` (`v` 0: `del e.name`) for the chaining attributes an
/// exception checks: a cause or context must be an exception or None,
/// `__suppress_context__` a bool, none may be deleted, and setting the
/// cause suppresses the context (as `raise ... from` does). False when
/// `name` is none of them.
pub fn set_chaining_attr(e: Value, name: Value, v: Value) -> PyResult<bool> {
    let t = Types::get();
    if !is_chaining_attr(name) {
        return Ok(false);
    }
    let n = objects::str_of(name).unwrap_or_default();
    if v == 0 {
        return Err(type_error(format!("{n} may not be deleted")));
    }
    if n == "__suppress_context__" {
        if v != t.true_ && v != t.false_ {
            return Err(type_error("attribute value type must be bool"));
        }
    } else if v != t.none && !is_exception(v) {
        let what = if n == "__cause__" { "cause" } else { "context" };
        return Err(type_error(format!(
            "exception {what} must be None or derive from BaseException"
        )));
    }
    ops::set_instance_attr(e, name, v);
    if n == "__cause__" {
        ops::set_instance_attr(e, intern_static("__suppress_context__"), t.true_);
    }
    Ok(true)
}

/// `str(e)`: the message as CPython shows it after `ExcType: `.
pub fn message(e: Value) -> PyResult<String> {
    ops::str_(e)
}

/// The `str` of a `BaseException`: no args → '', one → str(arg), else
/// str(args); `KeyError` shows repr of its one argument.
pub fn base_str(e: Value) -> PyResult<String> {
    if is_instance(e, "SyntaxError") {
        if let Some(msg) = ops::get_instance_attr(e, intern_static("msg")) {
            let m = ops::str_(msg)?;
            let file =
                ops::get_instance_attr(e, intern_static("filename")).and_then(objects::str_of);
            let line = ops::get_instance_attr(e, intern_static("lineno"))
                .and_then(crate::builtins::number::index_of);
            return Ok(match (file, line) {
                (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
                _ => m,
            });
        }
    }
    let args = args_of(e);
    if is_instance(e, "OSError") && args.len() >= 2 && objects::int_of(args[0]).is_some() {
        let mut s = format!("[Errno {}] {}", ops::str_(args[0])?, ops::str_(args[1])?);
        if let Some(f) =
            ops::get_instance_attr(e, intern_static("filename")).filter(|&f| f != Types::get().none)
        {
            s.push_str(&format!(": {}", ops::repr(f)?));
        }
        return Ok(s);
    }
    match args.len() {
        0 => Ok(String::new()),
        1 => {
            if is_instance(e, "KeyError") {
                ops::repr(args[0])
            } else {
                ops::str_(args[0])
            }
        }
        _ => ops::repr(objects::new_tuple(args)),
    }
}

/// The traceback report of an uncaught exception, with its chained causes
/// and contexts first, as CPython prints it.
pub fn report(e: Value) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    report_chain(e, &mut out, &mut seen);
    out
}

fn report_chain(e: Value, out: &mut String, seen: &mut Vec<Value>) {
    seen.push(e);
    let none = Types::get().none;
    let cause = attr(e, "__cause__");
    let context = attr(e, "__context__");
    let suppress = attr(e, "__suppress_context__") == Types::get().true_;
    if cause != none && get::<PyInstance>(cause).is_some() && !seen.contains(&cause) {
        report_chain(cause, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if context != none
        && !suppress
        && get::<PyInstance>(context).is_some()
        && !seen.contains(&context)
    {
        report_chain(context, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    let frames = get::<PyInstance>(e)
        .map(|i| i.traceback.borrow().clone())
        .unwrap_or_default();
    if !frames.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        // Like CPython, a run of more than three identical entries shows
        // three and then a count.
        let mut last: Option<(usize, u32)> = None;
        let mut repeats = 0;
        let flush = |out: &mut String, repeats: usize| {
            if repeats > 3 {
                let n = repeats - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {n} more time{}]\n",
                    if n == 1 { "" } else { "s" }
                ));
            }
        };
        for (code, line) in frames.iter().rev() {
            let key = (*code as *const crate::bytecode::Code as usize, *line);
            if last == Some(key) {
                repeats += 1;
            } else {
                flush(out, repeats);
                last = Some(key);
                repeats = 1;
            }
            if repeats > 3 {
                continue;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                code.filename, line, code.name
            ));
            if let Some(text) = crate::source::line(code.filename, *line) {
                let t = text.trim();
                if !t.is_empty() {
                    out.push_str(&format!("    {t}\n"));
                }
            }
        }
        flush(out, repeats);
    }
    match ops::get_instance_attr(e, intern_static("__syntax_report__")).and_then(objects::str_of) {
        Some(report) => {
            out.push_str(report);
            if !report.ends_with('\n') {
                out.push('\n');
            }
        }
        None => {
            out.push_str(&last_line(e));
            out.push('\n');
        }
    }
}

/// `ExcType: message` (or `ExcType` alone for an empty message), with the
/// module prefix CPython shows for classes defined outside builtins.
pub fn last_line(e: Value) -> String {
    let class = objects::class_of(e);
    let mut name = types::class_name(class);
    if let Some(c) = get::<objects::PyClass>(class) {
        if !c.builtin {
            let module = ops::lookup_in_mro(class, intern_static("__module__"))
                .and_then(objects::str_of)
                .unwrap_or("__main__");
            if module != "builtins" && module != "__main__" {
                name = format!("{module}.{name}");
            }
        }
    }
    let msg = match message(e) {
        Ok(m) => m,
        Err(_) => "<exception str() failed>".into(),
    };
    let hint = suggestion(e).map_or(String::new(), |s| format!(". Did you mean: '{s}'?"));
    if msg.is_empty() {
        name
    } else {
        format!("{name}: {msg}{hint}")
    }
}

/// CPython's "Did you mean" for a `NameError` (among the main module's
/// globals and the builtins) or an `AttributeError` (among the object's
/// attributes).
fn suggestion(e: Value) -> Option<String> {
    let name = ops::get_instance_attr(e, intern_static("name")).and_then(objects::str_of)?;
    let candidates: Vec<String> = if is_instance(e, "AttributeError") {
        let obj = ops::get_instance_attr(e, intern_static("obj"))?;
        super::functions::dir_names(obj)
    } else if is_instance(e, "NameError") {
        let mut names: Vec<String> = Vec::new();
        for d in [
            super::modules::current_globals(),
            super::functions::builtins_dict(),
        ] {
            if d != 0 {
                names.extend(
                    super::dict::keys(d)
                        .into_iter()
                        .filter_map(|k| objects::str_of(k).map(str::to_string)),
                );
            }
        }
        names
    } else {
        return None;
    };
    super::suggestions::suggest(name, candidates.iter().map(String::as_str)).map(str::to_string)
}

/// Attributes every exception has before they are set: `__cause__`,
/// `__context__`, `__traceback__` (None), `__suppress_context__`, and the
/// ones particular classes derive from their arguments.
pub fn default_attr(e: Value, name: Value) -> Option<Value> {
    let t = Types::get();
    let args = args_of(e);
    let first = args.first().copied().unwrap_or(t.none);
    Some(match objects::str_of(name)? {
        "__traceback__" => traceback_of(e),
        "__cause__" | "__context__" => t.none,
        "__suppress_context__" => t.false_,
        "value" if is_instance(e, "StopIteration") => first,
        "code" if is_instance(e, "SystemExit") => first,
        "name"
            if is_instance(e, "ImportError")
                || is_instance(e, "NameError")
                || is_instance(e, "AttributeError") =>
        {
            t.none
        }
        "obj" if is_instance(e, "AttributeError") => t.none,
        "errno" if is_instance(e, "OSError") => {
            if args.len() >= 2 {
                first
            } else {
                t.none
            }
        }
        "strerror" if is_instance(e, "OSError") => {
            if args.len() >= 2 {
                args[1]
            } else {
                t.none
            }
        }
        "filename" if is_instance(e, "OSError") => t.none,
        "msg" if is_instance(e, "SyntaxError") => first,
        _ => return None,
    })
}

/// The traceback object of a raised exception (None before it is
/// raised): a chain of `traceback` instances from the outermost frame it
/// went through (`tb_lineno` its line there) to the innermost, linked by
/// `tb_next`; `tb_frame` is None (no frame objects here).
pub fn traceback_of(e: Value) -> Value {
    let t = Types::get();
    let Some(inst) = get::<PyInstance>(e) else {
        return t.none;
    };
    let frames = inst.traceback.borrow().clone();
    // Built from the innermost out, each one pointing at the last made.
    let mut next = objects::RootedVec::new();
    next.push(t.none);
    for (_, line) in frames {
        let tb = ops::new_instance(t.traceback);
        next.push(tb);
        ops::set_instance_attr(tb, intern_static("tb_next"), next[next.len() - 2]);
        ops::set_instance_attr(tb, intern_static("tb_frame"), t.none);
        let line = objects::new_int(line as i64);
        ops::set_instance_attr(tb, intern_static("tb_lineno"), line);
    }
    next[next.len() - 1]
}

/// A `UnicodeDecodeError` with its attributes (`encoding`, `object`,
/// `start`, `end`, `reason`) and CPython's message.
pub fn unicode_decode_error(
    encoding: &str,
    object: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> Value {
    let msg = if end == start + 1 {
        format!(
            "'{encoding}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            object[start]
        )
    } else {
        format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    let e = new("UnicodeDecodeError", Some(msg));
    set_attr(e, "encoding", objects::new_str(encoding));
    set_attr(e, "object", objects::new_bytes(object.to_vec()));
    set_attr(e, "start", objects::new_int(start as i64));
    set_attr(e, "end", objects::new_int(end as i64));
    set_attr(e, "reason", objects::new_str(reason));
    e
}

/// The `UnicodeDecodeError` of bytes that are not UTF-8, as CPython's
/// decoder describes the first bad sequence.
pub fn utf8_decode_error(object: &[u8], err: std::str::Utf8Error) -> Value {
    let start = err.valid_up_to();
    let (end, reason) = match err.error_len() {
        None => (object.len(), "unexpected end of data"),
        Some(_) if matches!(object[start], 0xc2..=0xf4) => (start + 1, "invalid continuation byte"),
        Some(_) => (start + 1, "invalid start byte"),
    };
    unicode_decode_error("utf-8", object, start, end, reason)
}

/// An `OSError` (or the subclass `kind`) as CPython makes one for a failed
/// system call: `args` (errno, strerror) and the file name.
pub fn os_error(kind: &str, errno: i64, strerror: &str, filename: &str) -> Value {
    let e = instantiate(
        Types::get().exception(kind),
        vec![objects::new_int(errno), objects::new_str(strerror)],
    );
    ops::set_instance_attr(e, intern_static("errno"), objects::new_int(errno));
    ops::set_instance_attr(e, intern_static("strerror"), objects::new_str(strerror));
    ops::set_instance_attr(e, intern_static("filename"), objects::new_str(filename));
    e
}
