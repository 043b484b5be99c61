//! The built-in functions, types and modules, and the operations of the
//! built-in types that the dispatch loop reaches through helpers.
//!
//! A built-in function is a plain Rust function over values
//! (`BuiltinFn`): positional arguments (a method's receiver first) and
//! keyword arguments as (interned name, value) pairs; an error is the
//! exception to raise (`PyResult`). The dispatch loop calls them through
//! metajit's helper ABI (`interp/helpers.rs`), as residual calls.

pub mod bytes;
pub mod complex;
pub mod deque;
pub mod dict;
pub mod dunders;
pub mod exc;
pub mod files;
pub mod format;
pub mod functions;
pub mod generator;
pub mod iters;
pub mod list;
pub mod lookup_cache;
pub mod mappingproxy;
pub mod matching;
pub mod math;
pub mod modules;
pub mod namespaces;
pub mod number;
pub mod ops;
pub mod os_module;
pub mod random_module;
pub mod range;
pub mod repr;
pub mod set;
pub mod string;
pub mod suggestions;
mod timsort;
pub mod types;
pub mod union;
pub mod views;

use crate::bytecode::BinOp;
use crate::objects::{self, get, intern::intern, str_of, PyList, PySlice, Types, Value};

pub type PyResult<T = Value> = Result<T, Value>;
pub type BuiltinFn = fn(&[Value], &[(Value, Value)]) -> PyResult;

/// Fill the built-in classes' namespaces and the builtins module.
pub fn init() {
    types::init();
    functions::init();
}

/// Check the number of positional arguments (a method's count includes
/// its receiver).
pub fn arg_count(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let (n, min, max) = (
        n.saturating_sub(1),
        min.saturating_sub(1),
        max.saturating_sub(1),
    );
    Err(exc::type_error(if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
        }
    } else if n < min {
        format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            if max == 1 { "" } else { "s" }
        )
    }))
}

/// Check the argument count of method `ty.name` (`args[0]` is the
/// receiver) and word the error as CPython does for that kind of method:
/// one of no or one argument says `str.upper() takes no arguments (1
/// given)`, any other `replace expected at least 2 arguments, got 1`.
pub fn method_arg_count(
    ty: &str,
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    if n == 0 {
        return Err(exc::type_error(format!(
            "unbound method {ty}.{name}() needs an argument"
        )));
    }
    let (n, min, max) = (n - 1, min.saturating_sub(1), max.saturating_sub(1));
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    Err(exc::type_error(match (min, max) {
        (0, 0) => format!("{ty}.{name}() takes no arguments ({n} given)"),
        (1, 1) => format!("{ty}.{name}() takes exactly one argument ({n} given)"),
        _ if min == max => format!("{name} expected {min} argument{}, got {n}", plural(min)),
        _ if n < min => format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        ),
        _ => format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        ),
    }))
}

/// The keyword argument `name`, if given.
pub fn kwarg(kw: &[(Value, Value)], name: &str) -> Option<Value> {
    let n = intern(name);
    kw.iter().find(|(k, _)| *k == n).map(|&(_, v)| v)
}

/// Refuse keyword arguments other than `allowed`.
pub fn check_kwargs(fname: &str, kw: &[(Value, Value)], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let k = str_of(*k).unwrap_or("");
        if !allowed.contains(&k) {
            return Err(exc::type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(())
}

/// The items of a list or tuple: a copy in Rust memory, which the
/// collector does not see (for work that runs no Python code).
pub fn seq_items(v: Value) -> Vec<Value> {
    match get::<PyList>(v) {
        Some(l) => l.to_vec(),
        None => objects::tuple_items(v).map_or_else(Vec::new, |t| t.to_vec()),
    }
}

pub fn iter_kind_name(v: Value) -> &'static str {
    let it = get::<objects::PyIter>(v).unwrap();
    match it.kind.get() {
        objects::ITER_SEQ if objects::type_id(it.seq) == Some(objects::LIST) => {
            return "list_iterator"
        }
        objects::ITER_SEQ => return "tuple_iterator",
        objects::ITER_RANGE => return "range_iterator",
        _ => {}
    }
    match &*it.state.borrow() {
        objects::IterState::BigRange { .. } => "longrange_iterator",
        objects::IterState::Str { .. } => "str_ascii_iterator",
        objects::IterState::Dict { .. } => "dict_keyiterator",
        objects::IterState::Set { .. } => "set_iterator",
        objects::IterState::Reversed { .. } => "list_reverseiterator",
        objects::IterState::Enumerate { .. } => "enumerate",
        objects::IterState::Zip { .. } => "zip",
        objects::IterState::Map { .. } => "map",
        objects::IterState::Filter { .. } => "filter",
        objects::IterState::Callable { .. } => "callable_iterator",
        objects::IterState::GetItem { .. } => "iterator",
        objects::IterState::Vec { .. } | objects::IterState::Exhausted => "iterator",
    }
}

/// Resolve a slice against a sequence of length `n`: start, stop, step
/// (CPython's `PySlice_AdjustIndices`).
/// The start, stop and step a slice selects in a sequence: its bounds'
/// `__index__` methods run first, then they are clamped to the length
/// `len` gives, which they may have changed (CPython unpacks, then
/// adjusts).
pub fn slice_indices(s: &PySlice, len: impl FnOnce() -> i64) -> PyResult<(i64, i64, i64)> {
    let none = Types::get().none;
    let get_i = |v: Value| -> PyResult<Option<i64>> {
        if v == none {
            return Ok(None);
        }
        match objects::int_of(v) {
            Some(objects::IntVal::Small(k)) => Ok(Some(k)),
            Some(objects::IntVal::Big(b)) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })),
            None => {
                if ops::user_special(v, "__index__").is_some() {
                    return number::to_index(v).map(Some);
                }
                Err(exc::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                ))
            }
        }
    };
    let step = get_i(s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(exc::value_error("slice step cannot be zero"));
    }
    let (start, stop) = (get_i(s.start)?, get_i(s.stop)?);
    let n = len();
    let adjust = |v: Option<i64>, default: i64, lo: i64, hi: i64| -> i64 {
        match v {
            None => default,
            Some(k) => {
                let k = if k < 0 { k + n } else { k };
                k.clamp(lo, hi)
            }
        }
    };
    let (start, stop) = if step > 0 {
        (adjust(start, 0, 0, n), adjust(stop, n, 0, n))
    } else {
        (adjust(start, n - 1, -1, n - 1), adjust(stop, -1, -1, n - 1))
    };
    Ok((start, stop, step))
}

/// How many positions `slice_positions` gives.
pub fn slice_len(start: i64, stop: i64, step: i64) -> usize {
    let (from, to, by) = if step > 0 {
        (start, stop, step)
    } else {
        (stop, start, -step)
    };
    if to > from {
        ((to - from - 1) / by + 1) as usize
    } else {
        0
    }
}

/// Item `i` (in range) of a list or tuple.
fn seq_item(seq: Value, i: usize) -> Value {
    match get::<PyList>(seq) {
        Some(l) => l.get(i).unwrap_or(0),
        None => objects::tuple_items(seq).map_or(0, |t| t[i]),
    }
}

/// The indices a slice selects.
pub fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<i64> {
    let mut out = Vec::new();
    let mut i = start;
    if step > 0 {
        while i < stop {
            out.push(i);
            i += step;
        }
    } else {
        while i > stop {
            out.push(i);
            i += step;
        }
    }
    out
}

fn index_value(v: Value, what: &str, n: i64) -> PyResult<i64> {
    let i = match objects::int_of(v) {
        Some(objects::IntVal::Small(k)) => k,
        Some(objects::IntVal::Big(_)) => {
            return Err(exc::index_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
        None => {
            if ops::user_special(v, "__index__").is_some() {
                number::to_index(v)?
            } else {
                let ty = objects::types::type_name(v);
                return Err(exc::type_error(if what == "string" {
                    format!("string indices must be integers, not '{ty}'")
                } else {
                    format!("{what} indices must be integers or slices, not {ty}")
                }));
            }
        }
    };
    Ok(if i < 0 { i + n } else { i })
}

/// `obj[key]` for built-in containers; `None` for other objects.
pub fn builtin_getitem(obj: Value, key: Value) -> PyResult<Option<Value>> {
    match objects::type_id(obj) {
        Some(objects::LIST) | Some(objects::TUPLE) => {
            let is_list = objects::type_id(obj) == Some(objects::LIST);
            let what = if is_list { "list" } else { "tuple" };
            if let Some(s) = get::<PySlice>(key) {
                let (a, b, c) = slice_indices(s, || objects::seq_len(obj) as i64)?;
                if let (Some(l), 1) = (get::<PyList>(obj), c) {
                    let (a, b) = (a as usize, b.max(a) as usize);
                    return Ok(Some(objects::list::slice_to_list(l, a, b)));
                }
                // Straight from the sequence, which keeps the items alive,
                // into the new one.
                let n = slice_len(a, b, c);
                let item = |k: usize| seq_item(obj, (a + k as i64 * c) as usize);
                return Ok(Some(if is_list {
                    objects::list::new_list_with(n, item)
                } else {
                    objects::new_tuple_with(n, item)
                }));
            }
            let n = ops::len(obj)?;
            let i = index_value(key, what, n)?;
            if i < 0 || i >= n {
                return Err(exc::index_error(format!("{what} index out of range")));
            }
            // `index_value` may have run Python code that shortened a list.
            objects::seq_item(obj, i as usize)
                .map(Some)
                .ok_or_else(|| exc::index_error(format!("{what} index out of range")))
        }
        Some(objects::STR) => {
            if let Some(s) = get::<PySlice>(key) {
                let n = get::<objects::PyStr>(obj).unwrap().chars as i64;
                let (a, b, c) = slice_indices(s, || n)?;
                if let Some(w) = &get::<objects::PyStr>(obj).unwrap().wide {
                    let picked: Vec<u32> = slice_positions(a, b, c)
                        .into_iter()
                        .map(|i| w[i as usize])
                        .collect();
                    return Ok(Some(objects::new_str_of_code_points(&picked)));
                }
                if c == 1 {
                    let text = str_of(obj).unwrap();
                    let ps = get::<objects::PyStr>(obj).unwrap();
                    if a >= b {
                        return Ok(Some(objects::new_str("")));
                    }
                    if ps.is_ascii() {
                        return Ok(Some(objects::new_str(&text[a as usize..b as usize])));
                    }
                    let (from, to) = (ps.byte_offset(a as usize), ps.byte_offset(b as usize));
                    return Ok(Some(objects::new_str(&text[from..to])));
                }
                return Ok(Some(string::slice(obj, &slice_positions(a, b, c))));
            }
            let n = get::<objects::PyStr>(obj).unwrap().chars as i64;
            let i = index_value(key, "string", 0)?;
            let _ = n;
            string::index_char(obj, i).map(Some)
        }
        Some(objects::DICT) => ops::dict_subscript(obj, obj, key).map(Some),
        Some(objects::DEQUE) => deque::getitem(obj, key).map(Some),
        Some(objects::MAPPINGPROXY) => ops::getitem(mappingproxy::target(obj), key).map(Some),
        Some(objects::RANGE) => range::subscript(obj, key).map(Some),
        Some(objects::BYTES | objects::BYTEARRAY) => {
            let mutable = bytes::is_bytearray(obj);
            let b = bytes::bytes_data(obj).unwrap_or_default();
            if let Some(s) = get::<PySlice>(key) {
                let (a, bb, c) = slice_indices(s, || b.len() as i64)?;
                let picked: Vec<u8> = slice_positions(a, bb, c)
                    .into_iter()
                    .map(|i| b[i as usize])
                    .collect();
                return Ok(Some(if mutable {
                    objects::new_bytearray(picked)
                } else {
                    objects::new_bytes(picked)
                }));
            }
            let what = if mutable { "bytearray" } else { "byte" };
            let i = index_value(key, what, b.len() as i64)?;
            if i < 0 || i >= b.len() as i64 {
                return Err(exc::index_error(if mutable {
                    "bytearray index out of range"
                } else {
                    "index out of range"
                }));
            }
            Ok(Some(objects::new_int(b[i as usize] as i64)))
        }
        _ => Ok(None),
    }
}

/// `obj[key] = v` (`del` when `v` is 0) for built-in containers; false for
/// other objects.
pub fn builtin_setitem(obj: Value, key: Value, v: Value) -> PyResult<bool> {
    match objects::type_id(obj) {
        Some(objects::LIST) => {
            list::set_item(obj, key, v)?;
            Ok(true)
        }
        Some(objects::DICT) => {
            if v == 0 {
                dict::del_item(obj, key)?;
            } else {
                dict::set_item(obj, key, v)?;
            }
            Ok(true)
        }
        Some(objects::BYTEARRAY) => {
            bytes::set_item(obj, key, v)?;
            Ok(true)
        }
        Some(objects::DEQUE) => {
            deque::setitem(obj, key, v)?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// In-place operators that mutate a built-in container (`list += x`).
pub fn inplace_builtin(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if let Some(r) = deque::inplace(op, a, b)? {
        return Ok(Some(r));
    }
    match (op, objects::type_id(a)) {
        (BinOp::Add, Some(objects::LIST)) => {
            let items = ops::collect(b)?;
            get::<PyList>(a).unwrap().extend(&items);
            Ok(Some(a))
        }
        (BinOp::Mul, Some(objects::LIST)) => {
            let n = number::to_index(b).map_err(|_| {
                exc::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    objects::types::type_name(b)
                ))
            })?;
            let l = get::<PyList>(a).unwrap();
            let items = l.to_vec();
            let mut out = Vec::new();
            for _ in 0..n.max(0) {
                out.extend_from_slice(&items);
            }
            l.set_all(&out);
            Ok(Some(a))
        }
        (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Some(objects::SET))
            if !set::frozen(a) && set::is_set(b) =>
        {
            set::inplace(op, a, b)?;
            Ok(Some(a))
        }
        (BinOp::Or, Some(objects::DICT)) => {
            dict::update(a, b)?;
            Ok(Some(a))
        }
        (BinOp::Add | BinOp::Mul, Some(objects::BYTEARRAY)) => bytes::inplace(op, a, b),
        _ => Ok(None),
    }
}

/// Operators on sequences, sets and dicts; `None` when they do not apply.
pub fn seq_binary(op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let (ta, tb) = (objects::type_id(a), objects::type_id(b));
    match (op, ta, tb) {
        (BinOp::Add, Some(objects::STR), Some(objects::STR)) => {
            let (x, y) = (
                get::<objects::PyStr>(a).unwrap(),
                get::<objects::PyStr>(b).unwrap(),
            );
            if x.wide.is_some() || y.wide.is_some() {
                let mut code_points = x.code_points();
                code_points.extend(y.code_points());
                return Ok(Some(objects::new_str_of_code_points(&code_points)));
            }
            let mut s = String::with_capacity(x.s.len() + y.s.len());
            s.push_str(&x.s);
            s.push_str(&y.s);
            Ok(Some(objects::new_string_of_chars(s, x.chars + y.chars)))
        }
        (BinOp::Add, Some(objects::LIST), Some(objects::LIST)) => Ok(Some(objects::list::concat(
            get::<PyList>(a).unwrap(),
            get::<PyList>(b).unwrap(),
        ))),
        (BinOp::Add, Some(objects::TUPLE), Some(objects::TUPLE)) => {
            let mut x = seq_items(a);
            x.extend(seq_items(b));
            Ok(Some(objects::new_tuple(x)))
        }
        (
            BinOp::Add,
            Some(objects::BYTES | objects::BYTEARRAY),
            Some(objects::BYTES | objects::BYTEARRAY),
        ) => {
            let mut x = bytes::bytes_data(a).unwrap_or_default().into_owned();
            x.extend_from_slice(&bytes::bytes_data(b).unwrap_or_default());
            Ok(Some(if bytes::is_bytearray(a) {
                objects::new_bytearray(x)
            } else {
                objects::new_bytes(x)
            }))
        }
        (
            BinOp::Mul,
            Some(
                objects::STR | objects::LIST | objects::TUPLE | objects::BYTES | objects::BYTEARRAY,
            ),
            _,
        ) if has_index(b) => repeat(a, b),
        (
            BinOp::Mul,
            _,
            Some(
                objects::STR | objects::LIST | objects::TUPLE | objects::BYTES | objects::BYTEARRAY,
            ),
        ) if has_index(a) => repeat(b, a),
        (BinOp::Mod, Some(objects::STR | objects::BYTES | objects::BYTEARRAY), _) => {
            format::percent(a, b).map(Some)
        }
        (
            BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor,
            Some(objects::SET),
            Some(objects::SET),
        ) => set::binary(op, a, b),
        (BinOp::Or, Some(objects::DICT), Some(objects::DICT)) => {
            let d = objects::new_dict();
            dict::update(d, a)?;
            dict::update(d, b)?;
            Ok(Some(d))
        }
        _ => Ok(None),
    }
}

/// Whether `v` can count a sequence repetition: an int or an object with `__index__`.
fn has_index(v: Value) -> bool {
    objects::int_of(v).is_some() || ops::user_special(v, "__index__").is_some()
}

fn repeat(seq: Value, n: Value) -> PyResult<Option<Value>> {
    let n = match i64::try_from(number::index_bigint(n)?) {
        Ok(k) => k.max(0) as usize,
        Err(_) => {
            return Err(exc::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ))
        }
    };
    Ok(Some(match objects::type_id(seq) {
        Some(objects::STR) => {
            let s = str_of(seq).unwrap();
            if s.len().saturating_mul(n) > (1 << 34) {
                return Err(exc::new("MemoryError", None));
            }
            objects::new_string(s.repeat(n))
        }
        Some(objects::BYTES | objects::BYTEARRAY) => {
            let data = bytes::bytes_data(seq).unwrap_or_default();
            if data.len().saturating_mul(n) > (1 << 34) {
                return Err(exc::new("MemoryError", None));
            }
            if bytes::is_bytearray(seq) {
                objects::new_bytearray(data.repeat(n))
            } else {
                objects::new_bytes(data.repeat(n))
            }
        }
        Some(objects::LIST) | Some(objects::TUPLE) => {
            let items = seq_items(seq);
            if items.len().saturating_mul(n) > (1 << 31) {
                return Err(exc::new("MemoryError", None));
            }
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend_from_slice(&items);
            }
            if objects::type_id(seq) == Some(objects::LIST) {
                objects::new_list(out)
            } else {
                objects::new_tuple(out)
            }
        }
        _ => unreachable!(),
    }))
}
