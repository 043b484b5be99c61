//! Modules: importing `.py` files found beside the main program, the
//! modules written in Rust (`sys`, `math`, `time`), the ones written in
//! Python and shipped inside the binary (`lib/*.py`), `exec`/`eval`, and
//! `open`.

use super::{arg_count, dict, exc, number, ops, BuiltinFn, PyResult};
use crate::compiler::CompileMode;
use crate::interp::runtime;
use crate::objects::{
    self, get,
    intern::{intern, intern_static},
    new_int, new_str, new_string, str_of, Types, Value,
};
use std::cell::{Cell, RefCell};

thread_local! {
    static MODULES: Cell<Value> = const { Cell::new(0) };
    static SEARCH_PATH: RefCell<Vec<std::path::PathBuf>> = const { RefCell::new(Vec::new()) };
    static ARGV: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// `sys.modules`.
pub fn modules() -> Value {
    MODULES.with(|m| {
        if m.get() == 0 {
            let d = objects::new_dict();
            metajit::gc::add_permanent_root(d);
            m.set(d);
        }
        m.get()
    })
}

pub fn set_search_path(dirs: Vec<std::path::PathBuf>) {
    SEARCH_PATH.with(|p| *p.borrow_mut() = dirs);
}

pub fn set_argv(argv: Vec<String>) {
    ARGV.with(|a| *a.borrow_mut() = argv);
}

/// A new module object with its globals dict.
pub fn new_module(name: &str) -> (Value, Value) {
    let globals = objects::new_dict();
    dict::set_item(globals, intern_static("__name__"), new_str(name)).unwrap();
    dict::set_item(
        globals,
        intern_static("__builtins__"),
        super::functions::builtins_dict(),
    )
    .unwrap();
    dict::set_item(globals, intern_static("__doc__"), Types::get().none).unwrap();
    let m = objects::alloc(objects::PyModule {
        name: new_str(name),
        dict: globals,
    });
    (m, globals)
}

pub fn native_module(
    name: &str,
    fns: &[(&'static str, BuiltinFn)],
    values: Vec<(&str, Value)>,
) -> Value {
    let (m, g) = new_module(name);
    for &(n, f) in fns {
        let key = intern(n);
        let b = objects::alloc(objects::PyBuiltin {
            name: n,
            f,
            receiver: 0,
            owner: 0,
        });
        dict::set_item(g, key, b).unwrap();
    }
    for (n, v) in values {
        dict::set_item(g, intern(n), v).unwrap();
    }
    m
}

/// Sets `module.name` to the value `make` allocates (the name interned
/// first, so no allocation comes between the value's and its store).
pub fn set_new_attr(module: Value, name: &str, make: impl FnOnce() -> Value) -> PyResult<()> {
    let g = get::<objects::PyModule>(module).map_or(0, |m| m.dict);
    let key = intern(name);
    let v = make();
    dict::set_item(g, key, v)
}

/// Compile and run `source` as the module `name` (file `filename`).
pub fn run_module_source(name: &str, filename: &str, source: &str) -> PyResult {
    let (m, g) = new_module(name);
    dict::set_item(g, intern_static("__file__"), new_str(filename))?;
    dict::set_item(modules(), new_str(name), m)?;
    let code = match crate::compile_source(source, filename, g, CompileMode::Exec) {
        Ok(c) => c,
        Err(e) => {
            let _ = dict::pop(modules(), new_str(name));
            return Err(e);
        }
    };
    let frame = runtime::new_frame(code);
    if let Err(e) = runtime::run_frame(code, 0, frame) {
        let _ = dict::pop(modules(), new_str(name));
        return Err(e);
    }
    Ok(m)
}

/// `import name`: the module object (cached in `sys.modules`).
pub fn import_module(name: &str) -> PyResult {
    if let Some(m) = dict::get_item(modules(), new_str(name))? {
        return Ok(m);
    }
    if let Some((parent, _)) = name.rsplit_once('.') {
        import_module(parent)?;
        if let Some(m) = dict::get_item(modules(), new_str(name))? {
            return Ok(m);
        }
    }
    let m = match name {
        "sys" => sys_module()?,
        "math" => super::math::module()?,
        "time" => time_module(),
        "random" => super::random_module::module()?,
        "os" => super::os_module::module()?,
        "_collections" => native_module("_collections", &[], vec![("deque", Types::get().deque)]),
        "builtins" => objects::alloc(objects::PyModule {
            name: new_str("builtins"),
            dict: super::functions::builtins_dict(),
        }),
        _ => {
            if let Some(src) = crate::stdlib::source(name) {
                return run_module_source(name, &format!("<frozen {name}>"), src);
            }
            let rel = format!("{}.py", name.replace('.', "/"));
            let found = SEARCH_PATH.with(|p| {
                p.borrow()
                    .iter()
                    .map(|d| d.join(&rel))
                    .find(|f| f.is_file())
            });
            let Some(path) = found else {
                let e = exc::new(
                    "ModuleNotFoundError",
                    Some(format!("No module named '{name}'")),
                );
                exc::set_attr(e, "name", objects::new_str(name));
                return Err(e);
            };
            let bytes =
                std::fs::read(&path).map_err(|e| exc::new("ImportError", Some(e.to_string())))?;
            let shown = path.display().to_string();
            let source = crate::decode_source(&bytes, &shown)?;
            return run_module_source(name, &shown, &source);
        }
    };
    let _keep = objects::RootedVec::from_vec(vec![m]);
    dict::set_item(modules(), new_str(name), m)?;
    Ok(m)
}

/// `IMPORT_NAME`: `import a.b` binds `a`; `from a.b import x` wants `a.b`.
pub fn import_name(name: &str, fromlist: Value, level: i64, globals: Value) -> PyResult {
    let full = if level > 0 {
        let package = dict::get_str(globals, intern_static("__name__"))
            .and_then(str_of)
            .unwrap_or("");
        let mut parts: Vec<&str> = package.split('.').collect();
        for _ in 1..level {
            parts.pop();
        }
        let base = if package.contains('.') {
            parts[..parts.len().saturating_sub(1)].join(".")
        } else {
            String::new()
        };
        if base.is_empty() {
            name.to_string()
        } else if name.is_empty() {
            base
        } else {
            format!("{base}.{name}")
        }
    } else {
        name.to_string()
    };
    let m = import_module(&full)?;
    let has_fromlist = fromlist != Types::get().none
        && objects::tuple_items(fromlist).is_some_and(|t| !t.is_empty());
    if has_fromlist || !full.contains('.') {
        return Ok(m);
    }
    import_module(full.split('.').next().unwrap())
}

pub fn import_from(module: Value, name: Value) -> PyResult {
    match ops::getattr_opt(module, name)? {
        Some(v) => Ok(v),
        None => {
            let mname = get::<objects::PyModule>(module)
                .and_then(|m| str_of(m.name))
                .unwrap_or("?")
                .to_string();
            let n = str_of(name).unwrap_or("?");
            if let Ok(sub) = import_module(&format!("{mname}.{n}")) {
                return Ok(sub);
            }
            let e = exc::new(
                "ImportError",
                Some(format!(
                    "cannot import name '{n}' from '{mname}' (unknown location)"
                )),
            );
            exc::set_attr(e, "name", objects::new_str(&mname));
            Err(e)
        }
    }
}

pub fn import_star(module: Value, globals: Value) -> PyResult<()> {
    let m = get::<objects::PyModule>(module)
        .ok_or_else(|| exc::type_error("import * from a non-module"))?;
    match dict::get_str(m.dict, intern_static("__all__")) {
        Some(all) => {
            for &n in ops::collect(all)?.iter() {
                let n = objects::intern::intern_value(n);
                let v = ops::getattr(module, n)?;
                dict::set_item(globals, n, v)?;
            }
        }
        None => {
            for (k, v) in dict::items(m.dict) {
                if !str_of(k).is_some_and(|s| s.starts_with('_')) {
                    dict::set_item(globals, k, v)?;
                }
            }
        }
    }
    Ok(())
}

thread_local! {
    static MAIN_GLOBALS: Cell<Value> = const { Cell::new(0) };
}

pub fn set_main_globals(g: Value) {
    MAIN_GLOBALS.with(|m| m.set(g));
}

pub fn current_globals() -> Value {
    MAIN_GLOBALS.with(|m| m.get())
}

// sys

/// `sys`'s named tuples (CPython's struct sequences), made in Python: a
/// tuple subclass whose fields are properties, named in `__match_args__`.
const SYS_STRUCT_SEQUENCES: &str = r#"
def _struct_sequence(name, fields, values):
    def __repr__(self):
        return "sys." + name + "(" + ", ".join(
            [field + "=" + repr(value) for field, value in zip(fields, self)]) + ")"
    body = {"__slots__": (), "__match_args__": fields, "__repr__": __repr__,
            "n_fields": len(fields), "n_sequence_fields": len(fields), "n_unnamed_fields": 0}
    for i, field in enumerate(fields):
        body[field] = property(lambda self, i=i: self[i])
    cls = type(name, (tuple,), body)
    cls.__module__ = "sys"
    return cls(values)
version_info = _struct_sequence(
    "version_info", ("major", "minor", "micro", "releaselevel", "serial"), (3, 11, 7, "final", 0))
float_info = _struct_sequence(
    "float_info",
    ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig",
     "epsilon", "radix", "rounds"),
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53,
     2.220446049250313e-16, 2, 1))
del _struct_sequence
"#;

fn sys_module() -> PyResult {
    let m = native_module(
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("exc_info", sys_exc_info),
            ("intern", sys_intern),
            ("getsizeof", sys_getsizeof),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
            ("getdefaultencoding", sys_getdefaultencoding),
        ],
        Vec::new(),
    );
    // Each value is stored as soon as it is made, and the module is
    // rooted, while later values allocate.
    let _keep = objects::RootedVec::from_vec(vec![m]);
    let mut argv = objects::RootedVec::new();
    for a in ARGV.with(|a| a.borrow().clone()) {
        argv.push(new_string(a));
    }
    set_new_attr(m, "argv", || objects::new_list(argv.to_vec()))?;
    let mut path = objects::RootedVec::new();
    for d in SEARCH_PATH.with(|p| p.borrow().clone()) {
        path.push(new_string(d.display().to_string()));
    }
    set_new_attr(m, "path", || objects::new_list(path.to_vec()))?;
    set_new_attr(m, "version", || new_str("3.11.7 (metajit)"))?;
    set_new_attr(m, "maxsize", || new_int(i64::MAX))?;
    set_new_attr(m, "modules", modules)?;
    for (fd, name, original) in [
        (1, "stdout", "__stdout__"),
        (2, "stderr", "__stderr__"),
        (0, "stdin", "__stdin__"),
    ] {
        let stream = objects::RootedVec::from_vec(vec![super::files::std_stream(fd)]);
        set_new_attr(m, name, || stream[0])?;
        set_new_attr(m, original, || stream[0])?;
    }
    set_new_attr(m, "platform", || new_str("linux"))?;
    set_new_attr(m, "byteorder", || new_str("little"))?;
    set_new_attr(m, "implementation", || new_str("metajit"))?;
    set_new_attr(m, "float_info_max", || objects::new_float(f64::MAX))?;
    let globals = get::<objects::PyModule>(m).map_or(0, |module| module.dict);
    let code = crate::compile_source(
        SYS_STRUCT_SEQUENCES,
        "<frozen sys>",
        globals,
        crate::compiler::CompileMode::Exec,
    )?;
    let frame = crate::interp::runtime::new_frame(code);
    crate::interp::runtime::run_frame(code, 0, frame)?;
    Ok(m)
}

fn sys_getdefaultencoding(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("getdefaultencoding", args, 0, 0)?;
    Ok(new_str("utf-8"))
}

fn sys_exit(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("exit", args, 0, 1)?;
    // As CPython raises the status: None gives no arguments, a tuple is
    // the arguments themselves.
    let status = args.first().copied().unwrap_or(Types::get().none);
    let exit_args = if status == Types::get().none {
        vec![]
    } else if let Some(items) = objects::tuple_items(status) {
        items.to_vec()
    } else {
        vec![status]
    };
    let e = exc::instantiate(Types::get().exception("SystemExit"), exit_args);
    ops::set_instance_attr(e, intern_static("code"), status);
    Err(e)
}
fn sys_getrecursionlimit(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_int(runtime::recursion_limit()))
}
fn sys_setrecursionlimit(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("setrecursionlimit", args, 1, 1)?;
    let n = number::to_index(args[0])?;
    if n < 1 {
        return Err(exc::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    runtime::set_recursion_limit(n);
    Ok(Types::get().none)
}
fn sys_exc_info(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    let t = Types::get();
    let e = runtime::handled();
    if e == 0 || e == t.none {
        return Ok(objects::new_tuple(vec![t.none, t.none, t.none]));
    }
    let tb = super::exc::traceback_of(e);
    Ok(objects::new_tuple(vec![objects::class_of(e), e, tb]))
}
fn sys_intern(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("intern", args, 1, 1)?;
    Ok(objects::intern::intern_value(args[0]))
}
fn sys_getsizeof(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("getsizeof", args, 1, 2)?;
    Ok(new_int(64))
}
fn sys_set_int_max_str_digits(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let Some(n) = args.first().copied().or(super::kwarg(kw, "maxdigits")) else {
        return Err(exc::type_error(
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
        ));
    };
    crate::runtime::int_text::set_max_str_digits(number::to_index(n)?)
        .map_err(crate::runtime_glue::err)?;
    Ok(Types::get().none)
}
fn sys_get_int_max_str_digits(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("get_int_max_str_digits", args, 0, 0)?;
    Ok(new_int(crate::runtime::int_text::max_str_digits() as i64))
}

// time

fn time_module() -> Value {
    native_module(
        "time",
        &[
            ("time", time_time),
            ("perf_counter", time_perf_counter),
            ("perf_counter_ns", time_perf_counter_ns),
            ("monotonic", time_perf_counter),
            ("process_time", time_perf_counter),
            ("sleep", time_sleep),
            ("time_ns", time_time_ns),
        ],
        vec![],
    )
}

fn epoch() -> std::time::Duration {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
}
fn time_time(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_float(epoch().as_secs_f64()))
}
fn time_time_ns(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bigint(epoch().as_nanos().into()))
}
thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}
fn time_perf_counter(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_float(
        START.with(|s| s.elapsed().as_secs_f64()),
    ))
}
fn time_perf_counter_ns(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bigint(
        START.with(|s| s.elapsed().as_nanos()).into(),
    ))
}
fn time_sleep(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("sleep", args, 1, 1)?;
    let secs = match objects::float_of(args[0]) {
        Some(f) => f,
        None => number::to_index(args[0])? as f64,
    };
    if secs < 0.0 {
        return Err(exc::value_error("sleep length must be non-negative"));
    }
    super::functions::flush_stdout();
    std::thread::sleep(std::time::Duration::from_secs_f64(secs));
    Ok(Types::get().none)
}

/// `open(path, mode='r')`.
pub fn open(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::files::open(args, kw)
}
