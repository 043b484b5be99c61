//! The built-in functions (`print`, `len`, `sorted`, ...) and the
//! constructors of the built-in types, collected into the `builtins`
//! namespace every module's global lookups fall back to.

use super::{
    arg_count, check_kwargs, dict, exc, kwarg, list, number, ops, set, string, BuiltinFn, PyResult,
};
use crate::interp::call_object;
use crate::objects::{
    self, get,
    intern::{intern, intern_static},
    new_int, new_str, new_string, str_of, types as otypes, IterState, PyClass, PyWrapper, Types,
    Value, WrapperKind,
};
use crate::runtime::codecs::Codec;
use std::cell::{Cell, RefCell};
use std::io::Write;

thread_local! {
    static BUILTINS: Cell<Value> = const { Cell::new(0) };
    /// Output written by `print` and `sys.stdout.write`, flushed at exit
    /// and when input is read.
    static STDOUT: RefCell<std::io::BufWriter<std::io::Stdout>> = RefCell::new(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout()));
}

/// The builtins namespace (a dict).
pub fn builtins_dict() -> Value {
    BUILTINS.with(|b| b.get())
}

pub fn write_stdout(s: &str) {
    STDOUT.with(|o| {
        let _ = o.borrow_mut().write_all(s.as_bytes());
    });
}

pub fn flush_stdout() {
    STDOUT.with(|o| {
        let _ = o.borrow_mut().flush();
    });
}

fn func(name: &'static str, f: BuiltinFn) -> Value {
    objects::alloc(objects::PyBuiltin {
        name,
        f,
        receiver: 0,
        owner: 0,
    })
}

pub fn init() {
    let t = Types::get();
    let d = objects::new_dict();
    metajit::gc::add_permanent_root(d);
    BUILTINS.with(|b| b.set(d));
    let fns: &[(&'static str, BuiltinFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("reversed", reversed),
        ("enumerate", enumerate),
        ("zip", zip),
        ("map", map),
        ("filter", filter),
        ("any", any),
        ("all", all),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("getattr", getattr),
        ("setattr", setattr),
        ("hasattr", hasattr),
        ("delattr", delattr),
        ("iter", iter),
        ("next", next),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("vars", vars),
        ("dir", dir),
        ("format", super::format::builtin_format),
        ("input", input),
        ("globals", super::namespaces::globals),
        ("locals", super::namespaces::locals),
        ("exec", super::namespaces::exec),
        ("eval", super::namespaces::eval),
        ("compile", super::namespaces::compile),
        ("__import__", import),
        ("open", super::modules::open),
        ("__build_class__", build_class_fn),
    ];
    for &(name, f) in fns {
        dict::set_item(d, intern(name), func(name, f)).unwrap();
    }
    let classes = [
        ("int", t.int),
        ("float", t.float),
        ("str", t.str_),
        ("bool", t.bool_),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("complex", t.complex),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("object", t.object),
        ("type", t.type_),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("classmethod", t.classmethod),
        ("staticmethod", t.staticmethod),
        ("super", t.super_),
    ];
    for (name, c) in classes {
        dict::set_item(d, intern(name), c).unwrap();
    }
    for &(name, c) in &t.exceptions {
        dict::set_item(d, intern(name), c).unwrap();
    }
    dict::set_item(d, intern_static("EnvironmentError"), t.exception("OSError")).unwrap();
    dict::set_item(d, intern_static("IOError"), t.exception("OSError")).unwrap();
    dict::set_item(d, intern_static("None"), t.none).unwrap();
    dict::set_item(d, intern_static("True"), t.true_).unwrap();
    dict::set_item(d, intern_static("False"), t.false_).unwrap();
    dict::set_item(d, intern_static("NotImplemented"), t.not_implemented).unwrap();
    dict::set_item(d, intern_static("Ellipsis"), t.ellipsis).unwrap();
    dict::set_item(d, intern_static("__name__"), intern_static("builtins")).unwrap();
}

fn print(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("print", kw, &["sep", "end", "file", "flush"])?;
    let t = Types::get();
    let text_arg = |name: &str, default: &str| -> PyResult<String> {
        match kwarg(kw, name) {
            None => Ok(default.to_string()),
            Some(v) if v == t.none => Ok(default.to_string()),
            Some(v) => str_of(v).map(str::to_string).ok_or_else(|| {
                exc::type_error(format!(
                    "{name} must be None or a string, not {}",
                    otypes::type_name(v)
                ))
            }),
        }
    };
    let sep = text_arg("sep", " ")?;
    let end = text_arg("end", "\n")?;
    let file = kwarg(kw, "file").filter(|&f| f != t.none);
    if let Some(f) = file.filter(|&f| objects::type_id(f) != Some(objects::FILE)) {
        // Any object with a `write` method: CPython writes each piece.
        for (i, &a) in args.iter().enumerate() {
            if i > 0 {
                ops::call_method(f, "write", &[new_str(&sep)])?;
            }
            ops::call_method(f, "write", &[new_string(ops::str_(a)?)])?;
        }
        ops::call_method(f, "write", &[new_str(&end)])?;
        if kwarg(kw, "flush").map_or(Ok(false), ops::truthy)? {
            ops::call_method(f, "flush", &[])?;
        }
        return Ok(t.none);
    }
    let mut out = String::new();
    // A str with lone surrogates cannot be written: what comes before it
    // is, then the error (CPython's stdout writes piece by piece).
    let mut failure = None;
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let surrogates = get::<objects::PyStr>(a).and_then(|s| s.wide.as_ref());
        if let Some(w) = surrogates {
            let encoded = crate::runtime::codecs::encode_code_points(w, Codec::Utf8, "strict");
            failure = encoded.err().map(super::bytes::codec_error);
            break;
        }
        out.push_str(&ops::str_(a)?);
    }
    if let Some(e) = failure {
        match file {
            Some(f) => {
                ops::call_method(f, "write", &[new_string(out)])?;
            }
            None => write_stdout(&out),
        }
        return Err(e);
    }
    out.push_str(&end);
    match file {
        Some(f) => {
            ops::call_method(f, "write", &[new_string(out)])?;
            if kwarg(kw, "flush").map_or(Ok(false), ops::truthy)? {
                let _ = ops::call_method(f, "flush", &[]);
            }
        }
        None => {
            write_stdout(&out);
            if kwarg(kw, "flush").map_or(Ok(false), ops::truthy)? {
                flush_stdout();
            }
        }
    }
    Ok(t.none)
}

fn one(name: &str, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    check_kwargs(name, kw, &[])?;
    if args.len() != 1 {
        return Err(exc::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(args[0])
}

fn len(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("len", args, kw)?;
    Ok(new_int(ops::len(v)?))
}

fn repr(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("repr", args, kw)?;
    Ok(new_string(ops::repr(v)?))
}

fn ascii(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("ascii", args, kw)?;
    Ok(new_string(string::ascii_of(&ops::repr(v)?)))
}

fn abs(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("abs", args, kw)?;
    if let Some(f) = ops::user_special(v, "__abs__") {
        return call_object(f, &[v], &[]);
    }
    if let Some(n) = objects::int_of(v) {
        return Ok(match n {
            objects::IntVal::Small(n) => {
                objects::new_bigint(num_bigint::BigInt::from(n).magnitude().clone().into())
            }
            objects::IntVal::Big(b) => objects::new_bigint(b.magnitude().clone().into()),
        });
    }
    if let Some(f) = objects::float_of(v) {
        return Ok(objects::new_float(f.abs()));
    }
    if let Some(r) = super::complex::abs(v) {
        return r;
    }
    Err(exc::type_error(format!(
        "bad operand type for abs(): '{}'",
        otypes::type_name(v)
    )))
}

fn min_max(name: &str, args: &[Value], kw: &[(Value, Value)], want_max: bool) -> PyResult {
    check_kwargs(name, kw, &["key", "default"])?;
    let t = Types::get();
    let key = kwarg(kw, "key").filter(|&k| k != t.none);
    let default = kwarg(kw, "default");
    let items = match args.len() {
        0 => {
            return Err(exc::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => ops::collect(args[0])?,
        _ => {
            if default.is_some() {
                return Err(exc::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            objects::RootedVec::from_vec(args.to_vec())
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for &x in items.iter() {
        let k = match key {
            Some(f) => call_object(f, &[x], &[])?,
            None => x,
        };
        best = Some(match best {
            None => (x, k),
            Some((bx, bk)) => {
                let op = if want_max {
                    crate::bytecode::CmpOp::Gt
                } else {
                    crate::bytecode::CmpOp::Lt
                };
                let better = ops::truthy(ops::compare(op, k, bk)?)?;
                if better {
                    (x, k)
                } else {
                    (bx, bk)
                }
            }
        });
    }
    match best {
        Some((x, _)) => Ok(x),
        None => {
            default.ok_or_else(|| exc::value_error(format!("{name}() arg is an empty sequence")))
        }
    }
}

fn min(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    min_max("min", args, kw, false)
}
fn max(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    min_max("max", args, kw, true)
}

fn sum(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("sum", kw, &["start"])?;
    if args.is_empty() {
        return Err(exc::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    if args.len() > 2 {
        return Err(exc::type_error(format!(
            "sum() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let mut acc = args
        .get(1)
        .copied()
        .or(kwarg(kw, "start"))
        .unwrap_or(new_int(0));
    if str_of(acc).is_some() {
        return Err(exc::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let start_type = otypes::type_name(acc);
    if matches!(start_type.as_str(), "bytes" | "bytearray") {
        return Err(exc::type_error(format!(
            "sum() can't sum {start_type} [use b''.join(seq) instead]"
        )));
    }
    let it = ops::iter(args[0])?;
    while let Some(x) = ops::next(it)? {
        acc = ops::binary(crate::bytecode::BinOp::Add, acc, x, false)?;
    }
    Ok(acc)
}

fn sorted(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("sorted", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(exc::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    let items = ops::collect(args[0])?;
    let key = kwarg(kw, "key").filter(|&k| k != Types::get().none);
    let reverse = kwarg(kw, "reverse").map_or(Ok(false), ops::truthy)?;
    Ok(objects::new_list(
        list::sort_values(items.to_vec(), key, reverse)?.to_vec(),
    ))
}

fn reversed(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("reversed", kw, &[])?;
    if args.len() != 1 {
        return Err(exc::type_error(format!(
            "reversed expected 1 argument, got {}",
            args.len()
        )));
    }
    let v = args[0];
    if let Some(f) = ops::user_special(v, "__reversed__") {
        return call_object(f, &[v], &[]);
    }
    if super::deque::as_deque(v).is_some() {
        return Ok(objects::deque::new_iter(objects::base_value(v), true));
    }
    match objects::type_id(v) {
        Some(objects::LIST) | Some(objects::TUPLE) => {
            let n = ops::len(v)? as usize;
            Ok(objects::new_iter(IterState::Reversed { seq: v, index: n }))
        }
        Some(objects::RANGE) => Ok(super::range::reversed(v)),
        Some(
            objects::STR | objects::DICT | objects::BYTES | objects::BYTEARRAY | objects::VIEW,
        ) => {
            let mut items = ops::collect(v)?;
            items.reverse();
            Ok(objects::new_iter(IterState::Vec {
                items: items.to_vec(),
                index: 0,
            }))
        }
        _ => {
            if ops::user_special(v, "__len__").is_some()
                && ops::user_special(v, "__getitem__").is_some()
            {
                let n = ops::len(v)?;
                let mut items = objects::RootedVec::new();
                for i in (0..n).rev() {
                    items.push(ops::getitem(v, new_int(i))?);
                }
                return Ok(objects::new_iter(IterState::Vec {
                    items: items.to_vec(),
                    index: 0,
                }));
            }
            Err(exc::type_error(format!(
                "'{}' object is not reversible",
                otypes::type_name(v)
            )))
        }
    }
}

fn enumerate(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("enumerate", kw, &["start", "iterable"])?;
    let it = args
        .first()
        .copied()
        .or(kwarg(kw, "iterable"))
        .ok_or_else(|| {
            exc::type_error("enumerate() missing required argument 'iterable' (pos 1)")
        })?;
    let start = match args.get(1).copied().or(kwarg(kw, "start")) {
        Some(v) => objects::new_bigint(number::index_bigint(v)?),
        None => new_int(0),
    };
    Ok(objects::new_iter(IterState::Enumerate {
        it: ops::iter(it)?,
        count: start,
    }))
}

fn zip(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("zip", kw, &["strict"])?;
    let strict = kwarg(kw, "strict").map_or(Ok(false), ops::truthy)?;
    let mut its = objects::RootedVec::new();
    for &a in args {
        its.push(ops::iter(a).map_err(|e| {
            if exc::is_instance(e, "TypeError") {
                exc::type_error(format!("'{}' object is not iterable", otypes::type_name(a)))
            } else {
                e
            }
        })?);
    }
    Ok(objects::new_iter(IterState::Zip {
        its: its.to_vec(),
        strict,
    }))
}

fn map(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("map", kw, &[])?;
    if args.len() < 2 {
        return Err(exc::type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for &a in &args[1..] {
        its.push(ops::iter(a)?);
    }
    Ok(objects::new_iter(IterState::Map { f: args[0], its }))
}

fn filter(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("filter", kw, &[])?;
    if args.len() != 2 {
        return Err(exc::type_error(format!(
            "filter expected 2 arguments, got {}",
            args.len()
        )));
    }
    Ok(objects::new_iter(IterState::Filter {
        f: args[0],
        it: ops::iter(args[1])?,
    }))
}

fn any(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("any", args, kw)?;
    let it = ops::iter(v)?;
    while let Some(x) = ops::next(it)? {
        if ops::truthy(x)? {
            return Ok(objects::new_bool(true));
        }
    }
    Ok(objects::new_bool(false))
}

fn all(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("all", args, kw)?;
    let it = ops::iter(v)?;
    while let Some(x) = ops::next(it)? {
        if !ops::truthy(x)? {
            return Ok(objects::new_bool(false));
        }
    }
    Ok(objects::new_bool(true))
}

/// `isinstance`/`issubclass` against `classinfo` (a class or a tuple of
/// them), with `f` deciding for one class unless the class's metaclass
/// defines `hook` (`__instancecheck__`, `__subclasscheck__`), which is then
/// called with `subject`.
fn class_check(
    classinfo: Value,
    f: &dyn Fn(Value) -> bool,
    name: &str,
    hook: &'static str,
    subject: Value,
) -> PyResult<bool> {
    if get::<PyClass>(classinfo).is_some() && objects::class_of(classinfo) != Types::get().type_ {
        if let Some(check) = ops::user_special(classinfo, hook) {
            return ops::truthy(call_object(check, &[classinfo, subject], &[])?);
        }
    }
    let members = objects::tuple_items(classinfo).or(super::union::args_of(classinfo));
    if let Some(items) = members {
        for &c in items {
            if class_check(c, f, name, hook, subject)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if get::<PyClass>(classinfo).is_none() {
        let (kind, kinds) = if name == "issubclass" {
            ("class", "classes")
        } else {
            ("type", "types")
        };
        return Err(exc::type_error(format!(
            "{name}() arg 2 must be a {kind}, a tuple of {kinds}, or a union"
        )));
    }
    Ok(f(classinfo))
}

fn isinstance(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("isinstance", kw, &[])?;
    if args.len() != 2 {
        return Err(exc::type_error(format!(
            "isinstance expected 2 arguments, got {}",
            args.len()
        )));
    }
    let v = args[0];
    let r = class_check(
        args[1],
        &|c| ops::isinstance(v, c),
        "isinstance",
        "__instancecheck__",
        v,
    )?;
    Ok(objects::new_bool(r))
}

fn issubclass(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("issubclass", kw, &[])?;
    if args.len() != 2 {
        return Err(exc::type_error(format!(
            "issubclass expected 2 arguments, got {}",
            args.len()
        )));
    }
    if get::<PyClass>(args[0]).is_none() {
        return Err(exc::type_error("issubclass() arg 1 must be a class"));
    }
    let c = args[0];
    let r = class_check(
        args[1],
        &|k| otypes::is_subclass(c, k),
        "issubclass",
        "__subclasscheck__",
        c,
    )?;
    Ok(objects::new_bool(r))
}

fn attr_name(v: Value) -> PyResult<Value> {
    match str_of(v) {
        Some(_) => Ok(objects::intern::intern_value(v)),
        None => Err(exc::type_error(format!(
            "attribute name must be string, not '{}'",
            otypes::type_name(v)
        ))),
    }
}

fn getattr(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("getattr", kw, &[])?;
    if args.len() < 2 || args.len() > 3 {
        return Err(exc::type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    let name = attr_name(args[1])?;
    match ops::getattr(args[0], name) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && exc::is_instance(e, "AttributeError") => Ok(args[2]),
        Err(e) => Err(e),
    }
}

fn setattr(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("setattr", kw, &[])?;
    if args.len() != 3 {
        return Err(exc::type_error(format!(
            "setattr expected 3 arguments, got {}",
            args.len()
        )));
    }
    ops::setattr(args[0], attr_name(args[1])?, args[2])?;
    Ok(Types::get().none)
}

fn hasattr(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("hasattr", kw, &[])?;
    if args.len() != 2 {
        return Err(exc::type_error(format!(
            "hasattr expected 2 arguments, got {}",
            args.len()
        )));
    }
    match ops::getattr(args[0], attr_name(args[1])?) {
        Ok(_) => Ok(objects::new_bool(true)),
        Err(e) if exc::is_instance(e, "AttributeError") => Ok(objects::new_bool(false)),
        Err(e) => Err(e),
    }
}

fn delattr(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("delattr", kw, &[])?;
    if args.len() != 2 {
        return Err(exc::type_error(format!(
            "delattr expected 2 arguments, got {}",
            args.len()
        )));
    }
    ops::setattr(args[0], attr_name(args[1])?, 0)?;
    Ok(Types::get().none)
}

fn iter(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("iter", kw, &[])?;
    match args.len() {
        1 => ops::iter(args[0]),
        2 => {
            if !ops::truthy(call_object(func("callable", callable), &[args[0]], &[])?)? {
                return Err(exc::type_error("iter(v, w): v must be callable"));
            }
            Ok(objects::new_iter(IterState::Callable {
                f: args[0],
                sentinel: args[1],
            }))
        }
        n => Err(exc::type_error(format!(
            "iter expected at most 2 arguments, got {n}"
        ))),
    }
}

fn next(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("next", kw, &[])?;
    if args.is_empty() || args.len() > 2 {
        return Err(exc::type_error(format!(
            "next expected at least 1 argument, got {}",
            args.len()
        )));
    }
    let it = args[0];
    if objects::type_id(it) == Some(objects::GENERATOR) {
        return match super::generator::send(it, Types::get().none)? {
            super::generator::Sent::Yielded(v) => Ok(v),
            super::generator::Sent::Returned(v) => match args.get(1) {
                Some(&d) => Ok(d),
                None => Err(if v == Types::get().none {
                    exc::stop_iteration(None)
                } else {
                    exc::stop_iteration(Some(v))
                }),
            },
        };
    }
    let builtin_iterator = matches!(
        objects::type_id(it),
        Some(objects::ITER | objects::FILE | objects::DEQUE_ITER)
    );
    if !builtin_iterator && ops::user_special(it, "__next__").is_none() {
        return Err(exc::type_error(format!(
            "'{}' object is not an iterator",
            otypes::type_name(it)
        )));
    }
    if !builtin_iterator {
        let f = ops::user_special(it, "__next__").unwrap();
        return match call_object(f, &[it], &[]) {
            Err(e) if exc::is_instance(e, "StopIteration") && args.len() == 2 => Ok(args[1]),
            other => other,
        };
    }
    match ops::next(it)? {
        Some(v) => Ok(v),
        None => args
            .get(1)
            .copied()
            .ok_or_else(|| exc::stop_iteration(None)),
    }
}

fn chr(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("chr", args, kw)?;
    let too_large = || {
        exc::new(
            "OverflowError",
            Some("Python int too large to convert to C int".into()),
        )
    };
    if let Some(objects::IntVal::Big(_)) = objects::int_of(v) {
        return Err(too_large());
    }
    let n = number::to_index(v).map_err(|_| {
        exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            otypes::type_name(v)
        ))
    })?;
    if i32::try_from(n).is_err() {
        return Err(too_large());
    }
    match u32::try_from(n).ok().filter(|&n| n < 0x110000) {
        Some(n) => match char::from_u32(n) {
            Some(c) => Ok(string::char_str(c.encode_utf8(&mut [0; 4]))),
            None => Ok(objects::new_str_of_code_points(&[n])),
        },
        None => Err(exc::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("ord", args, kw)?;
    if let Some(s) = get::<objects::PyStr>(objects::base_value(v)) {
        return match s.code_points()[..] {
            [c] => Ok(new_int(c as i64)),
            _ => Err(exc::type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.chars
            ))),
        };
    }
    if let Some(b) = super::bytes::bytes_data(v) {
        if b.len() == 1 {
            return Ok(new_int(b[0] as i64));
        }
        return Err(exc::type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(exc::type_error(format!(
        "ord() expected string of length 1, but {} found",
        otypes::type_name(v)
    )))
}

fn radix(name: &str, args: &[Value], kw: &[(Value, Value)], base: u32) -> PyResult {
    let v = one(name, args, kw)?;
    let n = match objects::int_of(v) {
        Some(_) => objects::bigint_of(v).unwrap(),
        None => {
            let i = number::to_index(v)?;
            num_bigint::BigInt::from(i)
        }
    };
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        _ => "0x",
    };
    let digits = n.magnitude().to_str_radix(base);
    let sign = if n.sign() == num_bigint::Sign::Minus {
        "-"
    } else {
        ""
    };
    Ok(new_string(format!("{sign}{prefix}{digits}")))
}
fn hex(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    radix("hex", args, kw, 16)
}
fn oct(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    radix("oct", args, kw, 8)
}
fn bin(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    radix("bin", args, kw, 2)
}

fn id(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("id", args, kw)?;
    Ok(new_int(v as i64))
}

fn hash(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("hash", args, kw)?;
    Ok(new_int(ops::hash(v)?))
}

fn callable(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let v = one("callable", args, kw)?;
    let r = matches!(
        objects::type_id(v),
        Some(objects::FUNCTION | objects::BUILTIN | objects::METHOD | objects::CLASS)
    ) || get::<PyWrapper>(v).is_some_and(|w| w.kind == WrapperKind::StaticMethod)
        || ops::lookup_special(v, intern_static("__call__")).is_some();
    Ok(objects::new_bool(r))
}

fn divmod(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("divmod", kw, &[])?;
    if args.len() != 2 {
        return Err(exc::type_error(format!(
            "divmod expected 2 arguments, got {}",
            args.len()
        )));
    }
    let (a, b) = (args[0], args[1]);
    if let Some(f) = ops::user_special(a, "__divmod__") {
        return call_object(f, &[a, b], &[]);
    }
    let q = ops::binary(crate::bytecode::BinOp::FloorDiv, a, b, false)
        .map_err(|e| rename_op(e, "//", "divmod()"))
        .map_err(|e| {
            let float_zero = exc::is_instance(e, "ZeroDivisionError")
                && exc::message(e).is_ok_and(|m| m.starts_with("float "));
            if float_zero {
                exc::zero_division("float divmod()")
            } else {
                e
            }
        })?;
    let r = ops::binary(crate::bytecode::BinOp::Mod, a, b, false)?;
    Ok(objects::new_tuple(vec![q, r]))
}

fn rename_op(e: Value, op: &str, with: &str) -> Value {
    if exc::is_instance(e, "TypeError") {
        if let Ok(m) = exc::message(e) {
            if m.contains(&format!("for {op}:")) {
                return exc::type_error(m.replace(&format!("for {op}:"), &format!("for {with}:")));
            }
        }
    }
    e
}

fn pow(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("pow", kw, &["base", "exp", "mod"])?;
    let base = args.first().copied().or(kwarg(kw, "base"));
    let exp = args.get(1).copied().or(kwarg(kw, "exp"));
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(exc::type_error(
            "pow() missing required argument 'exp' (pos 2)",
        ));
    };
    let m = args
        .get(2)
        .copied()
        .or(kwarg(kw, "mod"))
        .filter(|&m| m != Types::get().none);
    match m {
        None => ops::binary(crate::bytecode::BinOp::Pow, base, exp, false),
        Some(m) => crate::runtime_glue::pow3(base, exp, m),
    }
}

fn round(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("round", kw, &["number", "ndigits"])?;
    let v = args
        .first()
        .copied()
        .or(kwarg(kw, "number"))
        .ok_or_else(|| exc::type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = args
        .get(1)
        .copied()
        .or(kwarg(kw, "ndigits"))
        .filter(|&n| n != Types::get().none);
    if let Some(f) = ops::user_special(v, "__round__") {
        let a: Vec<Value> = match nd {
            Some(n) => vec![v, n],
            None => vec![v],
        };
        return call_object(f, &a, &[]);
    }
    crate::runtime_glue::round(v, nd)
}

fn vars(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("vars", kw, &[])?;
    arg_count("vars", args, 0, 1)?;
    let Some(&v) = args.first() else {
        return Ok(super::namespaces::caller_locals());
    };
    ops::getattr(v, intern_static("__dict__"))
        .map_err(|_| exc::type_error("vars() argument must have __dict__ attribute"))
}

fn dir(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("dir", kw, &[])?;
    arg_count("dir", args, 0, 1)?;
    if let Some(own) = args.first().and_then(|&v| ops::user_special(v, "__dir__")) {
        let listed = ops::collect(call_object(own, &args[..1], &[])?)?;
        return Ok(objects::new_list(
            list::sort_values(listed.to_vec(), None, false)?.to_vec(),
        ));
    }
    let names = match args.first() {
        Some(&v) => dir_names(v),
        None => {
            let mut names: Vec<String> = dict::keys(super::namespaces::caller_locals())
                .into_iter()
                .filter_map(|k| str_of(k).map(str::to_string))
                .collect();
            names.sort();
            names
        }
    };
    Ok(objects::new_list(
        names
            .into_iter()
            .map(new_string)
            .collect::<objects::RootedVec>()
            .to_vec(),
    ))
}

/// The sorted attribute names `dir(v)` shows.
pub fn dir_names(v: Value) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut add = |k: Value| {
        if let Some(s) = str_of(k) {
            if !names.iter().any(|n| n == s) {
                names.push(s.to_string());
            }
        }
    };
    match objects::type_id(v) {
        Some(objects::MODULE) => {
            for k in dict::keys(get::<objects::PyModule>(v).unwrap().dict) {
                add(k);
            }
        }
        _ => {
            for (k, _) in ops::instance_attrs(v) {
                add(k);
            }
            let class = if get::<PyClass>(v).is_some() {
                v
            } else {
                objects::class_of(v)
            };
            for c in get::<PyClass>(class).unwrap().mro.borrow().iter() {
                for k in dict::keys(get::<PyClass>(*c).unwrap().dict) {
                    add(k);
                }
            }
            // Every object has `__class__` (in CPython, a descriptor of
            // object's dict; here answered by attribute lookup itself).
            add(intern_static("__class__"));
        }
    }
    names.sort();
    names
}

fn input(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("input", kw, &[])?;
    if args.len() > 1 {
        return Err(exc::type_error(format!(
            "input expected at most 1 argument, got {}",
            args.len()
        )));
    }
    if let Some(&p) = args.first() {
        write_stdout(&ops::str_(p)?);
    }
    flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(exc::new("EOFError", Some("EOF when reading a line".into()))),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(new_string(line))
        }
        Err(e) => Err(exc::new("OSError", Some(e.to_string()))),
    }
}

fn import(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs(
        "__import__",
        kw,
        &["globals", "locals", "fromlist", "level"],
    )?;
    arg_count("__import__", args, 1, 5)?;
    let Some(name) = str_of(args[0]) else {
        return Err(exc::type_error("module name must be a string"));
    };
    if name.is_empty() {
        return Err(exc::new("ValueError", Some("Empty module name".into())));
    }
    super::modules::import_module(name)
}

fn build_class_fn(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__build_class__", args, 2, 100)?;
    super::types::build_class(
        args[0],
        args[1],
        objects::new_tuple(args[2..].to_vec()),
        objects::new_dict(),
    )
}

/// An exception instance from what `raise` or `throw` was given: a class
/// (instantiated) or an instance.
pub fn make_exception(v: Value, arg: Option<Value>) -> PyResult<Value> {
    if get::<PyClass>(v).is_some() {
        if !exc::is_exception_class(v) {
            return Err(exc::type_error("exceptions must derive from BaseException"));
        }
        let args: Vec<Value> = arg
            .into_iter()
            .filter(|&a| a != Types::get().none)
            .collect();
        return call_object(v, &args, &[]);
    }
    if exc::is_exception(v) {
        return Ok(v);
    }
    Err(exc::type_error("exceptions must derive from BaseException"))
}

/// Calling a built-in class: the constructors.
pub fn construct_builtin(class: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let t = Types::get();
    // The commonest classes first, found by identity rather than by name.
    if class == t.range && kw.is_empty() {
        return super::range::construct(args);
    }
    if class == t.int {
        return crate::runtime_glue::int_new(args, kw);
    }
    if class == t.float {
        return crate::runtime_glue::float_new(args, kw);
    }
    let name = get::<PyClass>(class).unwrap().name.borrow().clone();
    match name.as_str() {
        "type" => {
            if args.len() == 1 && kw.is_empty() {
                return Ok(objects::class_of(args[0]));
            }
            if args.len() != 3 {
                return Err(exc::type_error("type() takes 1 or 3 arguments"));
            }
            let wrong = |i: usize, want: &str| {
                exc::type_error(format!(
                    "type.__new__() argument {} must be {want}, not {}",
                    i + 1,
                    otypes::type_name(args[i])
                ))
            };
            let n = str_of(args[0]).ok_or_else(|| wrong(0, "str"))?;
            let mut bases = objects::tuple_items(args[1])
                .ok_or_else(|| wrong(1, "tuple"))?
                .to_vec();
            if objects::type_id(objects::base_value(args[2])) != Some(objects::DICT) {
                return Err(wrong(2, "dict"));
            }
            if let Some(&b) = bases.iter().find(|&&b| get::<PyClass>(b).is_none()) {
                return Err(exc::type_error(format!(
                    "type.__new__() argument 2 must be tuple of types, not {}",
                    otypes::type_name(b)
                )));
            }
            if bases.is_empty() {
                bases.push(t.object);
            }
            let ns = objects::new_dict();
            dict::update(ns, args[2])?;
            if dict::get_str(ns, intern_static("__module__")).is_none() {
                dict::set_item(ns, intern_static("__module__"), intern_static("__main__"))?;
            }
            super::types::make_class(n, bases, ns)
        }
        "object" => {
            if !args.is_empty() || !kw.is_empty() {
                return Err(exc::type_error("object() takes no arguments"));
            }
            Ok(super::types::new_instance_of(class))
        }
        "int" => crate::runtime_glue::int_new(args, kw),
        "float" => crate::runtime_glue::float_new(args, kw),
        "complex" => super::complex::construct(args, kw),
        "str" => {
            check_kwargs("str", kw, &["object", "encoding", "errors"])?;
            match args.len() {
                0 => Ok(new_str("")),
                1 if kw.is_empty() => Ok(new_string(ops::str_(args[0])?)),
                _ => {
                    if objects::type_id(objects::base_value(args[0])) == Some(objects::STR) {
                        return Err(exc::type_error("decoding str is not supported"));
                    }
                    let b = super::bytes::bytes_data(args[0]).ok_or_else(|| {
                        exc::type_error(format!(
                            "decoding to str: need a bytes-like object, {} found",
                            otypes::type_name(args[0])
                        ))
                    })?;
                    let encoding = args.get(1).copied().or(kwarg(kw, "encoding"));
                    let errors = args.get(2).copied().or(kwarg(kw, "errors"));
                    super::bytes::decode_with(&b, encoding, errors, "str")
                }
            }
        }
        "bool" => {
            check_kwargs("bool", kw, &[])?;
            match args.len() {
                0 => Ok(t.false_),
                1 => Ok(objects::new_bool(ops::truthy(args[0])?)),
                n => Err(exc::type_error(format!(
                    "bool expected at most 1 argument, got {n}"
                ))),
            }
        }
        "list" => {
            check_kwargs("list", kw, &[])?;
            match args.len() {
                0 => Ok(objects::new_list(Vec::new())),
                1 => Ok(objects::new_list(ops::collect(args[0])?.to_vec())),
                n => Err(exc::type_error(format!(
                    "list expected at most 1 argument, got {n}"
                ))),
            }
        }
        "tuple" => {
            check_kwargs("tuple", kw, &[])?;
            match args.len() {
                0 => Ok(objects::new_tuple(Vec::new())),
                1 => {
                    if objects::type_id(args[0]) == Some(objects::TUPLE) {
                        return Ok(args[0]);
                    }
                    Ok(objects::new_tuple(ops::collect(args[0])?.to_vec()))
                }
                n => Err(exc::type_error(format!(
                    "tuple expected at most 1 argument, got {n}"
                ))),
            }
        }
        "dict" => {
            let d = objects::new_dict();
            match args.len() {
                0 => {}
                1 => dict::update(d, args[0])?,
                n => {
                    return Err(exc::type_error(format!(
                        "dict expected at most 1 argument, got {n}"
                    )))
                }
            }
            for &(k, v) in kw {
                dict::set_item(d, k, v)?;
            }
            Ok(d)
        }
        "set" | "frozenset" => {
            check_kwargs(&name, kw, &[])?;
            let frozen = name == "frozenset";
            match args.len() {
                0 => Ok(objects::new_set(frozen)),
                1 if frozen
                    && objects::type_id(args[0]) == Some(objects::SET)
                    && set::frozen(args[0]) =>
                {
                    Ok(args[0])
                }
                1 => set::from_iterable(args[0], frozen),
                n => Err(exc::type_error(format!(
                    "{name} expected at most 1 argument, got {n}"
                ))),
            }
        }
        "bytes" => Ok(objects::new_bytes(super::bytes::from_object(
            args, kw, &name,
        )?)),
        "bytearray" => Ok(objects::new_bytearray(super::bytes::from_object(
            args, kw, &name,
        )?)),
        "collections.deque" => super::deque::construct(args, kw),
        "range" => {
            if !kw.is_empty() {
                return Err(exc::type_error("range() takes no keyword arguments"));
            }
            super::range::construct(args)
        }
        "slice" => {
            let none = t.none;
            let (a, b, c) = match args.len() {
                1 => (none, args[0], none),
                2 => (args[0], args[1], none),
                3 => (args[0], args[1], args[2]),
                n => {
                    return Err(exc::type_error(format!(
                        "slice expected at least 1 argument, got {n}"
                    )))
                }
            };
            Ok(objects::alloc(objects::PySlice {
                start: a,
                stop: b,
                step: c,
            }))
        }
        "property" => {
            let get_a = |i: usize, n: &str| args.get(i).copied().or(kwarg(kw, n)).unwrap_or(0);
            let fget = get_a(0, "fget");
            let mut doc = get_a(3, "doc");
            if (doc == 0 || doc == t.none) && fget != 0 && fget != t.none {
                // Without a doc argument, the getter's docstring.
                doc = ops::getattr_opt(fget, intern_static("__doc__"))?.unwrap_or(0);
            }
            Ok(objects::alloc(PyWrapper {
                kind: WrapperKind::Property,
                f: fget,
                fset: Cell::new(get_a(1, "fset")),
                fdel: Cell::new(get_a(2, "fdel")),
                doc: Cell::new(doc),
            }))
        }
        "classmethod" | "staticmethod" => {
            arg_count(
                &name,
                &[0].iter().chain(args).copied().collect::<Vec<_>>(),
                2,
                2,
            )?;
            Ok(objects::alloc(PyWrapper {
                kind: if name == "classmethod" {
                    WrapperKind::ClassMethod
                } else {
                    WrapperKind::StaticMethod
                },
                f: args[0],
                fset: Cell::new(0),
                fdel: Cell::new(0),
                doc: Cell::new(0),
            }))
        }
        "super" => {
            if args.len() != 2 {
                return Err(exc::new(
                    "RuntimeError",
                    Some("super(): no arguments".into()),
                ));
            }
            if get::<PyClass>(args[0]).is_none() {
                return Err(exc::type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    otypes::type_name(args[0])
                )));
            }
            let obj_class = if super_binds_class(args[0], args[1]) {
                args[1]
            } else {
                objects::class_of(args[1])
            };
            if !otypes::is_subclass(obj_class, args[0]) {
                return Err(exc::type_error(
                    "super(type, obj): obj must be an instance or subtype of type",
                ));
            }
            Ok(objects::alloc(objects::PySuper {
                class: args[0],
                obj: args[1],
            }))
        }
        "NoneType" if args.is_empty() && kw.is_empty() => Ok(t.none),
        "NoneType" => Err(exc::type_error("NoneType takes no arguments")),
        _ => Err(exc::type_error(format!("cannot create '{name}' instances"))),
    }
}

/// Whether `super(class, obj)` looks up in `obj`'s own MRO (obj a
/// subclass of `class`, as in a classmethod or a metaclass's `__new__`)
/// rather than in its class's (obj an instance, maybe a class whose
/// metaclass is `class`).
fn super_binds_class(class: Value, obj: Value) -> bool {
    get::<PyClass>(obj).is_some() && otypes::is_subclass(obj, class)
}

/// Attribute lookup on a `super` object: the MRO of the object's class
/// after `class`.
pub fn super_getattr(s: &objects::PySuper, name: Value) -> PyResult<Option<Value>> {
    // The super object's own attributes come before the MRO search.
    match str_of(name) {
        Some("__class__") => return Ok(Some(Types::get().super_)),
        Some("__thisclass__") => return Ok(Some(s.class)),
        Some("__self__") => return Ok(Some(s.obj)),
        _ => {}
    }
    let is_class = super_binds_class(s.class, s.obj);
    let obj_class = if is_class {
        s.obj
    } else {
        objects::class_of(s.obj)
    };
    let mro = get::<PyClass>(obj_class).unwrap().mro.borrow().clone();
    let start = mro
        .iter()
        .position(|&c| c == s.class)
        .map_or(mro.len(), |i| i + 1);
    for &c in &mro[start..] {
        let cc = get::<PyClass>(c).unwrap();
        if let Some(d) = dict::get_str(cc.dict, name) {
            return Ok(Some(match objects::type_id(d) {
                Some(objects::FUNCTION) if !is_class => objects::alloc(objects::PyMethod {
                    func: d,
                    receiver: s.obj,
                }),
                Some(objects::BUILTIN) if !is_class => objects::alloc(objects::PyBuiltin {
                    name: get::<objects::PyBuiltin>(d).unwrap().name,
                    f: get::<objects::PyBuiltin>(d).unwrap().f,
                    receiver: s.obj,
                    owner: c,
                }),
                Some(objects::WRAPPER) => {
                    let w = get::<PyWrapper>(d).unwrap();
                    match w.kind {
                        WrapperKind::StaticMethod => w.f,
                        WrapperKind::ClassMethod => objects::alloc(objects::PyMethod {
                            func: w.f,
                            receiver: obj_class,
                        }),
                        WrapperKind::Property => {
                            if is_class {
                                d
                            } else {
                                call_object(w.f, &[s.obj], &[])?
                            }
                        }
                    }
                }
                _ => d,
            }));
        }
    }
    Ok(None)
}
