//! The interpreter's per-thread state and the way Rust code runs Python
//! code: the JIT that drives every frame, the depth of Python calls (a
//! field of a GC object, so that traced calls count it with ordinary field
//! operations), the exception being handled, the frame whose call
//! instruction is calling a builtin (`caller`), and `call_object`, which calls
//! any Python callable with positional and keyword arguments, binding them
//! to parameters with CPython's error messages.

use super::{Error, Pos, Py, Reds};
use crate::builtins::{self, exc, PyResult};
use crate::bytecode::{Code, FRAME_SLOTS};
use crate::objects::{
    self, get,
    intern::{intern, intern_static},
    Types, Value,
};
use metajit::ir::{FieldDescr, Opcode, SizeDescr, Type};
use metajit::{gc, Completion, Jit, Mode, Val};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const STATE: u32 = 0x5059_0100;
static STATE_SIZE: SizeDescr = SizeDescr {
    name: "thread_state",
    type_id: STATE,
    size: 24,
};
/// The depth of Python calls now running.
pub static DEPTH: FieldDescr = FieldDescr {
    name: "depth",
    offset: 8,
    ty: Type::Int,
};
/// `sys.getrecursionlimit()`.
pub static LIMIT: FieldDescr = FieldDescr {
    name: "recursion_limit",
    offset: 16,
    ty: Type::Int,
};

/// How much native stack a call must leave (deep recursion past what the
/// recursion limit allows raises `RecursionError` instead of crashing).
const STACK_RESERVE: usize = 256 << 10;

thread_local! {
    static JIT: RefCell<Option<Rc<Jit<Pos>>>> = const { RefCell::new(None) };
    static STATE_OBJ: Cell<Value> = const { Cell::new(0) };
    static HANDLED: RefCell<Option<gc::Root>> = const { RefCell::new(None) };
    static STACK_LIMIT: Cell<usize> = const { Cell::new(0) };
    static CALLER: Cell<Option<Caller>> = const { Cell::new(None) };
}

/// The Python frame whose call instruction is running now, and its code:
/// what `locals()`, `eval()` and their kin read. The call helper records
/// it around every call it makes (frames never move: the heap is
/// non-moving, and the caller's frame stays alive while it waits).
#[derive(Clone, Copy)]
pub struct Caller {
    pub frame: Value,
    pub code: &'static Code,
}

/// The frame calling the builtin now running, if a Python frame called it.
pub fn caller() -> Option<Caller> {
    CALLER.with(Cell::get)
}

/// `call_object(f, args, kw)` made by the call instruction of `frame`.
pub fn call_from(
    frame: Value,
    code: &'static Code,
    f: Value,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult {
    with_caller(frame, code, || call_object(f, args, kw))
}

/// Run `f` as a call made from `frame` running `code` (what `call_from`
/// records for the built-ins that look at their caller).
#[inline]
pub fn with_caller<T>(frame: Value, code: &'static Code, f: impl FnOnce() -> T) -> T {
    let outer = CALLER.with(|c| c.replace(Some(Caller { frame, code })));
    let result = f();
    CALLER.with(|c| c.set(outer));
    result
}

/// The interpreter's state on this thread: made by `Runtime::install`.
pub struct Runtime;

impl Runtime {
    /// Set up this thread to run Python with the JIT parameters `params`.
    pub fn install(params: metajit::Params) {
        objects::register_types();
        objects::heap::register_rooted_tracer();
        crate::builtins::lookup_cache::register_tracer();
        super::frame_pool::register_tracer();
        gc::register_type(STATE, gc::TypeLayout::Fixed { refs: Vec::new() });
        let state = gc::alloc(STATE_SIZE.size as usize, STATE);
        gc::add_permanent_root(state);
        STATE_OBJ.with(|s| s.set(state));
        JIT.with(|j| *j.borrow_mut() = Some(Rc::new(Jit::new(params))));
        set_recursion_limit(1000);
        HANDLED.with(|h| *h.borrow_mut() = Some(gc::Root::new(0)));
        STACK_LIMIT.with(|l| l.set(stack_limit()));
        builtins::init();
    }

    pub fn jit() -> Rc<Jit<Pos>> {
        JIT.with(|j| j.borrow().clone().expect("Runtime::install first"))
    }
}

/// The lowest address the stack may reach, with the reserve left.
fn stack_limit() -> usize {
    gc::stack_low() + STACK_RESERVE + (64 << 10)
}

/// The stack the interpreter's thread gets (the binary runs Python on a
/// thread of this size).
pub const THREAD_STACK: usize = 1 << 30;

fn stack_exhausted() -> bool {
    let here = 0u8;
    let here = &here as *const u8 as usize;
    STACK_LIMIT.with(|l| here < l.get())
}

fn state() -> Value {
    STATE_OBJ.with(|s| s.get())
}

/// `RecursionError` when the native stack is nearly used up (deep
/// recursion in Rust code: `repr` of nested lists).
pub fn check_stack() -> PyResult<()> {
    if stack_exhausted() {
        return Err(exc::recursion_error());
    }
    Ok(())
}

/// Run `f` one level deeper in the count of Python calls, as CPython
/// counts the recursion of `repr` and comparisons of containers: past the
/// recursion limit it is `RecursionError` "maximum recursion depth
/// exceeded{while_doing}".
pub fn nested<T>(while_doing: &str, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let mut p = plain();
    if !enter_call(&mut p) {
        return Err(exc::new(
            "RecursionError",
            Some(format!("maximum recursion depth exceeded{while_doing}")),
        ));
    }
    let r = f();
    leave_call(&mut p);
    r
}

/// Count a Python call about to start; false (nothing counted) when it
/// would pass the recursion limit.
pub fn enter_call<M: Mode>(m: &mut M) -> bool {
    if stack_exhausted() {
        return false;
    }
    let st = m.const_ref(state());
    let d = m.getfield_int(st, &DEPTH);
    let limit = m.getfield_int(st, &LIMIT);
    let over = m.int_binary(Opcode::IntGe, d, limit);
    if m.is_true(over) {
        return false;
    }
    let one = m.int(1);
    let d = m.int_add(d, one);
    m.setfield(st, &DEPTH, Val::Int(d));
    true
}

/// A Python call has completed.
pub fn leave_call<M: Mode>(m: &mut M) {
    let st = m.const_ref(state());
    let d = m.getfield_int(st, &DEPTH);
    let one = m.int(1);
    let d = m.int_sub(d, one);
    m.setfield(st, &DEPTH, Val::Int(d));
}

fn plain() -> metajit::Plain<Pos> {
    Runtime::jit().plain()
}

pub fn recursion_limit() -> i64 {
    let mut p = plain();
    let st = p.const_ref(state());
    p.getfield_int(st, &LIMIT)
}

pub fn set_recursion_limit(n: i64) {
    let mut p = plain();
    let st = p.const_ref(state());
    let n = p.int(n);
    p.setfield(st, &LIMIT, Val::Int(n));
}

pub fn depth() -> i64 {
    let mut p = plain();
    let st = p.const_ref(state());
    p.getfield_int(st, &DEPTH)
}

/// Reset the call depth (after an uncaught exception in the REPL).
pub fn reset_depth() {
    let mut p = plain();
    let st = p.const_ref(state());
    let z = p.int(0);
    p.setfield(st, &DEPTH, Val::Int(z));
}

/// The exception being handled now (`sys.exc_info()`), or 0.
pub fn handled() -> Value {
    HANDLED.with(|h| h.borrow().as_ref().map_or(0, |r| r.get()))
}

pub fn set_handled(e: Value) {
    HANDLED.with(|h| {
        if let Some(r) = h.borrow().as_ref() {
            r.set(e)
        }
    })
}

/// Run `code` from `pc` in `frame` to completion.
pub fn run_frame(code: &'static Code, pc: u32, frame: Value) -> PyResult {
    let jit = Runtime::jit();
    let mut p = jit.plain();
    if !enter_call(&mut p) {
        // CPython counts the builtin that calls back into Python (which is
        // how a frame starts from Rust here), with its words.
        return Err(exc::new(
            "RecursionError",
            Some("maximum recursion depth exceeded while calling a Python object".into()),
        ));
    }
    let result = jit.run(&Py, Pos { code, pc }, Reds { frame });
    leave_call(&mut p);
    match result {
        Ok(Completion::Return(Val::Ref(v))) => Ok(v),
        Ok(Completion::Raise(Val::Ref(e))) => Err(e),
        Ok(other) => unreachable!("a Python frame completed with {other:?}"),
        Err(Error::Interrupted) => Err(exc::new("KeyboardInterrupt", None)),
    }
}

/// A new frame for `code` (slots all null).
pub fn new_frame(code: &Code) -> Value {
    metajit::heap::alloc_array(&FRAME_SLOTS, code.frame_size() as i64)
}

pub fn frame_set(frame: Value, i: usize, v: Value) {
    objects::heap::set_frame_item(frame, i, v)
}

pub fn frame_get(frame: Value, i: usize) -> Value {
    objects::heap::frame_item(frame, i)
}

/// Call any callable.
pub fn call_object(f: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let t = Types::get();
    match objects::type_id(f) {
        Some(objects::FUNCTION) => {
            let func = get::<objects::PyFunction>(f).unwrap();
            let frame = bind_args(f, func, args, kw)?;
            if func.code.is_generator {
                return Ok(new_generator(func, frame));
            }
            let result = run_frame(func.code, 0, frame);
            // Nothing keeps the frame of a completed call (as for
            // `Py::call_function`'s).
            super::frame_pool::give(frame, func.code.frame_size());
            result
        }
        Some(objects::BUILTIN) => {
            let b = get::<objects::PyBuiltin>(f).unwrap();
            if b.receiver != 0 {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(b.receiver);
                all.extend_from_slice(args);
                (b.f)(&all, kw)
            } else {
                (b.f)(args, kw)
            }
        }
        Some(objects::METHOD) => {
            let m = get::<objects::PyMethod>(f).unwrap();
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(m.receiver);
            all.extend_from_slice(args);
            call_object(m.func, &all, kw)
        }
        Some(objects::CLASS) => builtins::types::call_class(f, args, kw),
        Some(objects::WRAPPER) => {
            let w = get::<objects::PyWrapper>(f).unwrap();
            if w.kind == objects::WrapperKind::StaticMethod {
                call_object(w.f, args, kw)
            } else {
                Err(not_callable(f))
            }
        }
        _ => {
            let call = builtins::ops::lookup_special(f, intern_static("__call__"));
            match call {
                Some(c) if objects::class_of(f) != t.type_ => {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(f);
                    all.extend_from_slice(args);
                    call_object(c, &all, kw)
                }
                _ => Err(not_callable(f)),
            }
        }
    }
}

fn not_callable(f: Value) -> Value {
    exc::type_error(format!(
        "'{}' object is not callable",
        objects::types::type_name(f)
    ))
}

/// A generator for a call of a generator function, its frame bound.
pub fn new_generator(func: &objects::PyFunction, frame: Value) -> Value {
    frame_set(
        frame,
        func.code.resume_slot() as usize,
        metajit::value::tag(0) as Value,
    );
    objects::alloc(objects::PyGenerator {
        code: func.code.id as usize,
        frame,
        running: Cell::new(0),
        name: func.name.get(),
        qualname: func.qualname.get(),
    })
}

/// The `__init__` to call as a portal call when instantiating `class`:
/// a Python function, with object's `__new__` and a plain class (whose
/// metaclass is `type`).
pub fn simple_init(class: Value) -> Option<Value> {
    let c = get::<objects::PyClass>(class)?;
    if c.builtin || c.base != objects::Base::Object || c.metaclass.get() != 0 {
        return None;
    }
    let t = Types::get();
    let new = builtins::ops::lookup_in_mro(class, intern_static("__new__"));
    if new.is_some_and(|n| {
        builtins::ops::lookup_in_mro(t.object, intern_static("__new__")) != Some(n)
    }) {
        return None;
    }
    let init = builtins::ops::lookup_in_mro(class, intern_static("__init__"))?;
    (objects::type_id(init) == Some(objects::FUNCTION)).then_some(init)
}

/// A function's qualified name, as binding errors print it.
struct QualName<'a>(&'a objects::PyFunction);

impl std::fmt::Display for QualName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(objects::str_of(self.0.qualname.get()).unwrap_or("?"))
    }
}

/// A frame for calling `func` with these arguments: CPython's binding
/// rules and error messages.
pub fn bind_args(
    f: Value,
    func: &objects::PyFunction,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<Value> {
    let code = func.code;
    let frame = super::frame_pool::take(code.frame_size()).unwrap_or_else(|| new_frame(code));
    // Only error messages use the name: no `String` made per call.
    let name = QualName(func);
    let argcount = code.argcount as usize;
    let kwonly = code.kwonly as usize;
    let n = args.len().min(argcount);
    for (i, &a) in args[..n].iter().enumerate() {
        frame_set(frame, i, a);
    }
    let mut next = argcount + kwonly;
    if code.varargs {
        let rest = if args.len() > argcount {
            args[argcount..].to_vec()
        } else {
            Vec::new()
        };
        frame_set(frame, next, objects::new_tuple(rest));
        next += 1;
    } else if args.len() > argcount {
        let defaults = objects::tuple_items(func.defaults.get()).map_or(0, |d| d.len());
        let kw_given = kw
            .iter()
            .filter(|(k, _)| {
                code.varnames[argcount..argcount + kwonly]
                    .iter()
                    .any(|v| objects::str_of(*k) == Some(v.as_str()))
            })
            .count();
        let takes = if defaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - defaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let given = if kw_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                args.len(),
                if args.len() == 1 { "" } else { "s" },
                kw_given,
                if kw_given == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{} {} given",
                args.len(),
                if args.len() == 1 { "was" } else { "were" }
            )
        };
        let _ = f;
        return Err(exc::type_error(format!(
            "{name}() takes {takes} but {given}"
        )));
    }
    let kwargs = if code.varkw {
        let d = objects::new_dict();
        frame_set(frame, next, d);
        Some(d)
    } else {
        None
    };
    let mut posonly_as_kw = Vec::new();
    for &(k, v) in kw {
        let key = objects::str_of(k).unwrap_or("");
        let pos = code.varnames[..argcount + kwonly]
            .iter()
            .position(|p| p == key);
        match pos {
            Some(i) if i >= code.posonly as usize => {
                if frame_get(frame, i) != 0 {
                    return Err(exc::type_error(format!(
                        "{name}() got multiple values for argument '{key}'"
                    )));
                }
                frame_set(frame, i, v);
            }
            other => match kwargs {
                Some(d) => builtins::dict::set_item(d, k, v)?,
                None => {
                    if other.is_some() {
                        posonly_as_kw.push(key.to_string());
                        continue;
                    }
                    return Err(exc::type_error(format!(
                        "{name}() got an unexpected keyword argument '{key}'"
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(exc::type_error(format!(
            "{name}() got some positional-only arguments passed as keyword arguments: '{}'",
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults, then what is still missing.
    let defaults = objects::tuple_items(func.defaults.get()).unwrap_or(&[]);
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if frame_get(frame, i) == 0 {
            if i >= first_default {
                frame_set(frame, i, defaults[i - first_default]);
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(exc::type_error(format!(
            "{name}() missing {} required positional argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    let kwdefaults = func.kwdefaults.get();
    for i in argcount..argcount + kwonly {
        if frame_get(frame, i) == 0 {
            let d = if kwdefaults != 0 {
                builtins::dict::get_item(kwdefaults, intern(&code.varnames[i]))?
            } else {
                None
            };
            match d {
                Some(d) => frame_set(frame, i, d),
                None => missing.push(code.varnames[i].clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(exc::type_error(format!(
            "{name}() missing {} required keyword-only argument{}: {}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            name_list(&missing)
        )));
    }
    if let Some(cells) = objects::tuple_items(func.closure) {
        for (j, &c) in cells.iter().enumerate() {
            frame_set(frame, code.free_base() as usize + j, c);
        }
    }
    Ok(frame)
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
