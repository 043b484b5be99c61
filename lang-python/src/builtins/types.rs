//! The built-in classes as callables (`int("12")`, `list(x)`, `type(x)`,
//! a user class), their methods' tables, the attributes of built-in
//! objects that are not methods (`f.__name__`, `r.start`), and `class`
//! statements (`build_class`).

use super::{arg_count, dict, exc, kwarg, list, number, ops, set, string, BuiltinFn, PyResult};
use crate::interp::{call_object, runtime};
use crate::objects::{
    self, get,
    intern::{intern, intern_static},
    new_int, str_of, types as otypes, Base, PyClass, PyWrapper, Types, Value, WrapperKind,
};
use std::cell::Cell;

fn add_methods(class: Value, methods: &[(&'static str, BuiltinFn)]) {
    let c = get::<PyClass>(class).unwrap();
    for &(name, f) in methods {
        let b = objects::alloc(objects::PyBuiltin {
            name,
            f,
            receiver: 0,
            owner: class,
        });
        dict::set_item(c.dict, intern(name), b).expect("str keys hash");
    }
}

pub fn init() {
    let t = Types::get();
    for (c, containers, numbers) in [
        (t.str_, true, false),
        (t.list, true, false),
        (t.tuple, true, false),
        (t.dict, true, false),
        (t.set, true, true),
        (t.frozenset, true, true),
        (t.bytes, true, false),
        (t.bytearray, true, false),
        (t.range, true, false),
        (t.deque, true, false),
        (t.int, false, true),
        (t.bool_, false, true),
        (t.float, false, true),
        (t.complex, false, true),
    ] {
        add_methods(c, &super::dunders::methods(containers, numbers));
    }
    add_methods(t.str_, &string::methods());
    add_methods(t.bytes, &super::bytes::methods());
    add_methods(t.bytearray, &super::bytes::bytearray_methods());
    add_methods(t.list, &list::methods());
    add_methods(t.deque, &super::deque::methods());
    add_maxlen(t.deque);
    for class in [t.deque_iterator, t.deque_reverse_iterator] {
        add_methods(
            class,
            &[
                ("__next__", iter_next),
                ("__iter__", identity),
                ("__length_hint__", super::deque::length_hint),
            ],
        );
    }
    add_methods(t.tuple, &[("index", list::index), ("count", list::count)]);
    add_methods(t.dict, &dict_methods());
    add_methods(t.set, &set_methods());
    add_methods(t.frozenset, &frozenset_methods());
    for c in [t.int, t.float, t.str_, t.tuple, t.frozenset] {
        add_methods(c, &[("__new__", builtin_new)]);
    }
    add_methods(t.list, &[("__init__", list_init)]);
    add_methods(t.dict, &[("__init__", dict_init)]);
    add_methods(t.set, &[("__init__", set_init)]);
    add_methods(t.int, &int_methods());
    add_methods(t.bool_, &int_methods());
    add_methods(t.float, &float_methods());
    add_methods(t.complex, &[("conjugate", super::complex::conjugate)]);
    add_methods(
        t.object,
        &[
            ("__init__", object_init),
            ("__new__", object_new),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__format__", super::format::dunder_format),
            ("__setattr__", object_setattr),
            ("__getattribute__", object_getattribute),
            ("__delattr__", object_delattr),
            ("__lt__", not_implemented2),
            ("__le__", not_implemented2),
            ("__gt__", not_implemented2),
            ("__ge__", not_implemented2),
        ],
    );
    add_methods(
        t.generator,
        &[
            ("send", gen_send),
            ("throw", gen_throw),
            ("close", gen_close),
            ("__next__", gen_next),
            ("__iter__", identity),
        ],
    );
    for &class in std::iter::once(&t.iterator).chain(t.iterators.iter().map(|(_, c)| c)) {
        add_methods(class, &[("__next__", iter_next), ("__iter__", identity)]);
    }
    // The iterators that know how many items they have left, as CPython's.
    for (name, class) in &t.iterators {
        if matches!(
            *name,
            "list_iterator"
                | "tuple_iterator"
                | "range_iterator"
                | "longrange_iterator"
                | "str_ascii_iterator"
                | "list_reverseiterator"
        ) {
            add_methods(*class, &[("__length_hint__", iter_length_hint)]);
        }
    }
    add_methods(
        t.exception("BaseException"),
        &[
            ("__init__", exc_init),
            ("with_traceback", identity),
            ("__str__", exc_str),
            ("__repr__", object_repr),
        ],
    );
    add_methods(
        t.property,
        &[
            ("setter", prop_setter),
            ("getter", prop_getter),
            ("deleter", prop_deleter),
        ],
    );
    add_methods(
        t.type_,
        &[
            ("mro", type_mro),
            ("__new__", type_new_method),
            ("__call__", type_call_method),
        ],
    );
    add_methods(t.range, &[("index", range_index), ("count", range_count)]);
    add_methods(t.slice, &[("indices", slice_indices)]);
    add_methods(t.object, &[("__init_subclass__", object_init_subclass)]);
    add_methods(t.file, &super::files::methods());
    add_methods(t.mappingproxy, &super::mappingproxy::methods());
    // After the iterator methods above, which the binary file classes got too.
    for (name, class) in &t.iterators {
        if name.starts_with("Buffered") {
            add_methods(*class, &super::files::methods());
        }
    }
}

/// `deque.maxlen`: a property that reads the bound and refuses changes
/// with CPython's message.
fn add_maxlen(class: Value) {
    let accessor = |name, f| {
        objects::alloc(objects::PyBuiltin {
            name,
            f,
            receiver: 0,
            owner: class,
        })
    };
    let getter = accessor("maxlen", super::deque::get_maxlen);
    let _keep = objects::RootedVec::from_vec(vec![getter]);
    let setter = accessor("maxlen", super::deque::set_maxlen);
    let _keep_setter = objects::RootedVec::from_vec(vec![setter]);
    let p = objects::alloc(PyWrapper {
        kind: WrapperKind::Property,
        f: getter,
        fset: Cell::new(setter),
        fdel: Cell::new(setter),
        doc: Cell::new(0),
    });
    let c = get::<PyClass>(class).unwrap();
    dict::set_item(c.dict, intern_static("maxlen"), p).expect("str keys hash");
}

fn dict_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("get", dict_get),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("setdefault", dict_setdefault),
        ("update", dict_update),
        ("clear", dict_clear),
        ("copy", dict_copy),
        ("fromkeys", dict_fromkeys),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__contains__", dict_contains),
    ]
}

fn this_dict(args: &[Value]) -> PyResult<Value> {
    args.first()
        .map(|&v| objects::base_value(v))
        .filter(|&v| objects::type_id(v) == Some(objects::DICT))
        .ok_or_else(|| exc::type_error("descriptor requires a 'dict' object"))
}

fn dict_get(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::method_arg_count("dict", "get", args, 2, 3)?;
    let d = this_dict(args)?;
    Ok(dict::get_item(d, args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Types::get().none)))
}

fn view(d: Value, kind: objects::DictIterKind) -> Value {
    super::views::new_view(kind, d)
}

fn dict_keys(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("keys", args, 1, 1)?;
    Ok(view(this_dict(args)?, objects::DictIterKind::Keys))
}
fn dict_values(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("values", args, 1, 1)?;
    Ok(view(this_dict(args)?, objects::DictIterKind::Values))
}
fn dict_items(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("items", args, 1, 1)?;
    Ok(view(this_dict(args)?, objects::DictIterKind::Items))
}
fn dict_pop(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::method_arg_count("dict", "pop", args, 2, 3)?;
    let d = this_dict(args)?;
    match dict::pop(d, args[1])? {
        Some(v) => Ok(v),
        None => args.get(2).copied().ok_or_else(|| exc::key_error(args[1])),
    }
}
fn dict_popitem(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("popitem", args, 1, 1)?;
    let d = this_dict(args)?;
    let Some(&(k, _)) = dict::items(d).last() else {
        return Err(exc::key_error(objects::new_str(
            "popitem(): dictionary is empty",
        )));
    };
    let v = dict::pop(d, k)?.unwrap();
    Ok(objects::new_tuple(vec![k, v]))
}
fn dict_setdefault(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::method_arg_count("dict", "setdefault", args, 2, 3)?;
    let d = this_dict(args)?;
    if let Some(v) = dict::get_item(d, args[1])? {
        return Ok(v);
    }
    let v = args.get(2).copied().unwrap_or(Types::get().none);
    dict::set_item(d, args[1], v)?;
    Ok(v)
}
fn dict_update(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("update", args, 1, 2)?;
    let d = this_dict(args)?;
    if let Some(&o) = args.get(1) {
        dict::update(d, o)?;
    }
    for &(k, v) in kw {
        dict::set_item(d, k, v)?;
    }
    Ok(Types::get().none)
}
fn dict_clear(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    dict::clear(this_dict(args)?);
    Ok(Types::get().none)
}
fn dict_copy(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let d = this_dict(args)?;
    dict::from_pairs(&dict::items(d))
}
fn dict_fromkeys(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("fromkeys", args, 2, 3)?;
    let d = if get::<PyClass>(args[0]).is_some_and(|c| !c.builtin) {
        call_class(args[0], &[], &[])?
    } else {
        objects::new_dict()
    };
    let v = args.get(2).copied().unwrap_or(Types::get().none);
    for &k in ops::collect(args[1])?.iter() {
        ops::setitem(d, k, v)?;
    }
    Ok(d)
}
fn dict_getitem(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__getitem__", args, 2, 2)?;
    let d = this_dict(args)?;
    dict::get_item(d, args[1])?.ok_or_else(|| exc::key_error(args[1]))
}
fn dict_setitem(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__setitem__", args, 3, 3)?;
    dict::set_item(this_dict(args)?, args[1], args[2])?;
    Ok(Types::get().none)
}
fn dict_contains(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__contains__", args, 2, 2)?;
    Ok(objects::new_bool(
        dict::get_item(this_dict(args)?, args[1])?.is_some(),
    ))
}

fn set_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("add", set_add),
        ("discard", set_discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("clear", set_clear),
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symdiff),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        (
            "symmetric_difference_update",
            set_symmetric_difference_update,
        ),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ]
}

/// The methods of `set` that do not change it (all `frozenset` has).
fn frozenset_methods() -> Vec<(&'static str, BuiltinFn)> {
    const READERS: &[&str] = &[
        "copy",
        "union",
        "intersection",
        "difference",
        "symmetric_difference",
        "issubset",
        "issuperset",
        "isdisjoint",
    ];
    set_methods()
        .into_iter()
        .filter(|(name, _)| READERS.contains(name))
        .collect()
}

fn this_set(args: &[Value]) -> PyResult<Value> {
    args.first()
        .map(|&v| objects::base_value(v))
        .filter(|&v| set::is_set(v))
        .ok_or_else(|| exc::type_error("descriptor requires a 'set' object"))
}
fn set_add(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.add", args, 2, 2)?;
    set::add(this_set(args)?, args[1])?;
    Ok(Types::get().none)
}
fn set_discard(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.discard", args, 2, 2)?;
    set::discard(this_set(args)?, args[1])?;
    Ok(Types::get().none)
}
fn set_remove(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.remove", args, 2, 2)?;
    set::remove(this_set(args)?, args[1])?;
    Ok(Types::get().none)
}
fn set_pop(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.pop", args, 1, 1)?;
    set::pop(this_set(args)?)
}
fn set_clear(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    set::clear(this_set(args)?);
    Ok(Types::get().none)
}
fn set_copy(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let s = this_set(args)?;
    Ok(set::copy(s, set::frozen(s)))
}
/// `s.union(*others)` and the other multi-argument operations.
fn set_op(args: &[Value], op: crate::bytecode::BinOp) -> PyResult {
    use crate::bytecode::BinOp;
    let s = this_set(args)?;
    let fz = set::frozen(s);
    let mut acc = set::copy(s, fz);
    for &o in &args[1..] {
        acc = match op {
            BinOp::Or => set::union(acc, o, fz)?,
            BinOp::And => set::intersection(acc, o, fz)?,
            BinOp::Sub => set::difference(acc, o, fz)?,
            _ => set::symmetric_difference(acc, o, fz)?,
        };
    }
    Ok(acc)
}
fn set_union(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    set_op(args, crate::bytecode::BinOp::Or)
}
fn set_intersection(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    set_op(args, crate::bytecode::BinOp::And)
}
fn set_difference(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    set_op(args, crate::bytecode::BinOp::Sub)
}
fn set_symdiff(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.symmetric_difference", args, 2, 2)?;
    set_op(args, crate::bytecode::BinOp::Xor)
}
fn set_inplace(args: &[Value], op: crate::bytecode::BinOp) -> PyResult {
    let s = this_set(args)?;
    for &o in &args[1..] {
        set::inplace(op, s, o)?;
    }
    Ok(Types::get().none)
}
fn set_update(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    set_inplace(args, crate::bytecode::BinOp::Or)
}
fn set_intersection_update(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    set_inplace(args, crate::bytecode::BinOp::And)
}
fn set_difference_update(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    set_inplace(args, crate::bytecode::BinOp::Sub)
}
fn set_symmetric_difference_update(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.symmetric_difference_update", args, 2, 2)?;
    set_inplace(args, crate::bytecode::BinOp::Xor)
}
fn set_issubset(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.issubset", args, 2, 2)?;
    let o = set::from_iterable(args[1], false)?;
    Ok(objects::new_bool(set::compare(
        crate::bytecode::CmpOp::Le,
        this_set(args)?,
        o,
    )?))
}
fn set_issuperset(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.issuperset", args, 2, 2)?;
    let o = set::from_iterable(args[1], false)?;
    Ok(objects::new_bool(set::compare(
        crate::bytecode::CmpOp::Ge,
        this_set(args)?,
        o,
    )?))
}
fn set_isdisjoint(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("set.isdisjoint", args, 2, 2)?;
    let s = this_set(args)?;
    for &x in ops::collect(args[1])?.iter() {
        if set::contains(s, x)? {
            return Ok(objects::new_bool(false));
        }
    }
    Ok(objects::new_bool(true))
}

fn range_method(name: &str, args: &[Value]) -> PyResult<Value> {
    arg_count(name, args, 2, 2)?;
    match objects::type_id(args[0]) {
        Some(objects::RANGE) => Ok(args[0]),
        _ => Err(exc::type_error(format!(
            "descriptor '{}' for 'range' objects doesn't apply to a '{}' object",
            &name[6..],
            otypes::type_name(args[0])
        ))),
    }
}
fn range_index(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::range::index(range_method("range.index", args)?, args[1])
}
fn range_count(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::range::count(range_method("range.count", args)?, args[1])
}
fn slice_indices(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("slice.indices", args, 2, 2)?;
    let s = get::<objects::PySlice>(args[0])
        .ok_or_else(|| exc::type_error("slice method on a non-slice"))?;
    let n = number::to_index(args[1])?;
    if n < 0 {
        return Err(exc::value_error("length should not be negative"));
    }
    let (a, b, c) = super::slice_indices(s, || n)?;
    Ok(objects::new_tuple(vec![new_int(a), new_int(b), new_int(c)]))
}
fn object_init_subclass(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(Types::get().none)
}

fn int_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("__index__", int_index),
        ("conjugate", int_index),
        ("to_bytes", int_to_bytes),
        ("from_bytes", int_from_bytes),
        ("as_integer_ratio", int_as_integer_ratio),
    ]
}
fn int_as_integer_ratio(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let n = objects::bigint_of(args[0]).ok_or_else(|| exc::type_error("int required"))?;
    Ok(objects::new_tuple(vec![objects::new_bigint(n), new_int(1)]))
}
/// `int.from_bytes(bytes, byteorder="big", *, signed=False)` (a class
/// method: the receiver is the class).
fn int_from_bytes(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::check_kwargs("from_bytes", kw, &["bytes", "byteorder", "signed"])?;
    let source =
        args.get(1).copied().or(kwarg(kw, "bytes")).ok_or_else(|| {
            exc::type_error("from_bytes() missing required argument 'bytes' (pos 1)")
        })?;
    let order = match args.get(2).copied().or(kwarg(kw, "byteorder")) {
        None => "big",
        Some(o) => str_of(o).ok_or_else(|| {
            exc::type_error(format!(
                "from_bytes() argument 'byteorder' must be str, not {}",
                otypes::type_name(o)
            ))
        })?,
    };
    if order != "big" && order != "little" {
        return Err(exc::value_error(
            "byteorder must be either 'little' or 'big'",
        ));
    }
    let signed = kwarg(kw, "signed").map_or(Ok(false), ops::truthy)?;
    let mut bytes = match get::<objects::PyBytes>(source) {
        Some(b) => b.b.to_vec(),
        None => {
            let mut out = Vec::new();
            for &x in ops::collect(source)?.iter() {
                let n = number::to_index(x)?;
                if !(0..256).contains(&n) {
                    return Err(exc::value_error("bytes must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
            out
        }
    };
    if order == "little" {
        bytes.reverse();
    }
    let n = if signed {
        num_bigint::BigInt::from_signed_bytes_be(&bytes)
    } else {
        num_bigint::BigInt::from_bytes_be(num_bigint::Sign::Plus, &bytes)
    };
    Ok(objects::new_bigint(n))
}
fn int_bit_count(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let n = objects::bigint_of(args[0]).ok_or_else(|| exc::type_error("int required"))?;
    Ok(new_int(n.magnitude().count_ones() as i64))
}
fn int_bit_length(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let n = objects::bigint_of(args[0]).ok_or_else(|| exc::type_error("int required"))?;
    Ok(new_int(n.bits() as i64))
}
fn int_index(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let n = objects::bigint_of(args[0]).ok_or_else(|| exc::type_error("int required"))?;
    Ok(objects::new_bigint(n))
}
fn int_to_bytes(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let n = objects::bigint_of(args[0]).ok_or_else(|| exc::type_error("int required"))?;
    let len = args
        .get(1)
        .copied()
        .or(kwarg(kw, "length"))
        .map_or(Ok(1), number::to_index)? as usize;
    let order = args
        .get(2)
        .copied()
        .or(kwarg(kw, "byteorder"))
        .and_then(str_of)
        .unwrap_or("big");
    let signed = kwarg(kw, "signed").map_or(Ok(false), ops::truthy)?;
    let mut bytes = if signed {
        n.to_signed_bytes_be()
    } else {
        if n.sign() == num_bigint::Sign::Minus {
            return Err(exc::overflow_error(
                "can't convert negative int to unsigned",
            ));
        }
        n.to_bytes_be().1
    };
    if bytes.len() > len && !(bytes.len() == 1 && bytes[0] == 0 && len == 0) {
        return Err(exc::overflow_error("int too big to convert"));
    }
    let fill = if signed && n.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    while bytes.len() < len {
        bytes.insert(0, fill);
    }
    if order == "little" {
        bytes.reverse();
    }
    Ok(objects::new_bytes(bytes))
}

fn float_methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_ratio),
        ("hex", float_hex),
        ("fromhex", float_fromhex),
        ("conjugate", float_conj),
    ]
}
fn float_arg(v: Value) -> PyResult<f64> {
    objects::float_of(objects::base_value(v)).ok_or_else(|| exc::type_error("float required"))
}
fn float_is_integer(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = float_arg(args[0])?;
    Ok(objects::new_bool(f.is_finite() && f.fract() == 0.0))
}
fn float_conj(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_float(float_arg(args[0])?))
}
fn float_ratio(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = float_arg(args[0])?;
    let (n, d) = crate::runtime_glue::as_integer_ratio(f)?;
    Ok(objects::new_tuple(vec![n, d]))
}
/// `float.fromhex(s)` (bound to the class).
fn float_fromhex(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("fromhex", args, 2, 2)?;
    let s = str_of(objects::base_value(args[1])).ok_or_else(|| {
        exc::type_error(format!(
            "bad argument type for built-in operation: {}",
            otypes::type_name(args[1])
        ))
    })?;
    crate::runtime::float_text::from_hex(s)
        .map(objects::new_float)
        .map_err(crate::runtime_glue::err)
}
fn float_hex(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = float_arg(args[0])?;
    Ok(objects::new_string(crate::runtime_glue::float_hex(f)))
}

fn object_init(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    if args.len() > 1 || !kw.is_empty() {
        let self_ = args[0];
        let class = objects::class_of(self_);
        if ops::lookup_in_mro(class, intern_static("__init__"))
            == ops::lookup_in_mro(Types::get().object, intern_static("__init__"))
        {
            return Err(exc::type_error(format!(
                "{}() takes no arguments",
                otypes::class_name(class)
            )));
        }
        return Err(exc::type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    Ok(Types::get().none)
}
fn object_new(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let Some(&class) = args.first() else {
        return Err(exc::type_error("object.__new__(): not enough arguments"));
    };
    if get::<PyClass>(class).is_none() {
        return Err(exc::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            otypes::type_name(class)
        )));
    }
    Ok(new_instance_of(class))
}
fn object_eq(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__eq__", args, 2, 2)?;
    let t = Types::get();
    Ok(if args[0] == args[1] {
        t.true_
    } else {
        t.not_implemented
    })
}
fn object_ne(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__ne__", args, 2, 2)?;
    // The inverse of the receiver's own `__eq__` (not the reflected one),
    // NotImplemented passed on.
    let r = ops::call_method(args[0], "__eq__", &[args[1]])?;
    if r == Types::get().not_implemented {
        return Ok(r);
    }
    Ok(objects::new_bool(!ops::truthy(r)?))
}
fn not_implemented2(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(Types::get().not_implemented)
}
fn object_hash(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_int(ops::identity_hash(args[0])))
}
fn object_repr(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__repr__", args, 1, 1)?;
    let v = args[0];
    if exc::is_exception(v) {
        return Ok(objects::new_string(super::repr::repr(v)?));
    }
    let class = objects::class_of(v);
    let module = ops::lookup_in_mro(class, intern_static("__module__"))
        .and_then(str_of)
        .unwrap_or("builtins")
        .to_string();
    let qual = get::<PyClass>(class).map_or_else(String::new, |c| c.qualname.borrow().clone());
    if get::<PyClass>(class).is_some_and(|c| c.builtin) {
        return Ok(objects::new_string(format!(
            "<{qual} object at {}>",
            super::repr::addr(v)
        )));
    }
    Ok(objects::new_string(format!(
        "<{}.{} object at {}>",
        module,
        qual,
        super::repr::addr(v)
    )))
}
fn object_str(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__str__", args, 1, 1)?;
    Ok(objects::new_string(ops::repr(args[0])?))
}
fn object_setattr(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__setattr__", args, 3, 3)?;
    let (obj, name, v) = (args[0], objects::intern::intern_value(args[1]), args[2]);
    if objects::type_id(obj) == Some(objects::INSTANCE) {
        ops::set_instance_attr(obj, name, v);
        return Ok(Types::get().none);
    }
    ops::setattr(obj, name, v)?;
    Ok(Types::get().none)
}
fn object_delattr(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__delattr__", args, 2, 2)?;
    let (obj, name) = (args[0], objects::intern::intern_value(args[1]));
    if ops::get_instance_attr(obj, name).is_none() {
        return Err(ops::no_attribute(obj, name));
    }
    ops::set_instance_attr(obj, name, 0);
    Ok(Types::get().none)
}
fn object_getattribute(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__getattribute__", args, 2, 2)?;
    let (obj, name) = (args[0], objects::intern::intern_value(args[1]));
    ops::generic_getattr(obj, name)?.ok_or_else(|| ops::no_attribute(obj, name))
}
fn identity(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(args[0])
}
fn gen_send(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("send", args, 2, 2)?;
    match super::generator::send(args[0], args[1])? {
        super::generator::Sent::Yielded(v) => Ok(v),
        super::generator::Sent::Returned(v) => Err(stop_with(v)),
    }
}
fn stop_with(v: Value) -> Value {
    if v == Types::get().none {
        exc::stop_iteration(None)
    } else {
        exc::stop_iteration(Some(v))
    }
}
fn gen_next(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__next__", args, 1, 1)?;
    match super::generator::send(args[0], Types::get().none)? {
        super::generator::Sent::Yielded(v) => Ok(v),
        super::generator::Sent::Returned(v) => Err(stop_with(v)),
    }
}
fn gen_throw(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("throw", args, 2, 4)?;
    let e = super::functions::make_exception(args[1], args.get(2).copied())?;
    match super::generator::throw(args[0], e)? {
        super::generator::Sent::Yielded(v) => Ok(v),
        super::generator::Sent::Returned(v) => Err(stop_with(v)),
    }
}
fn gen_close(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::generator::close(args[0])?;
    Ok(Types::get().none)
}
/// `it.__length_hint__()`: how many items the iterator has left.
fn iter_length_hint(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__length_hint__", args, 1, 1)?;
    let it = get::<objects::PyIter>(args[0])
        .ok_or_else(|| exc::type_error("descriptor '__length_hint__' requires an iterator"))?;
    match it.kind.get() {
        objects::ITER_SEQ => {
            let left = objects::seq_len(it.seq).saturating_sub(it.index.get() as usize);
            return Ok(new_int(left as i64));
        }
        objects::ITER_RANGE => {
            let (next, stop, step) = (
                it.index.get() as i128,
                it.stop.get() as i128,
                it.step as i128,
            );
            let left = if step > 0 {
                (stop - next + step - 1) / step
            } else {
                (next - stop - step - 1) / -step
            };
            return Ok(new_int(left.max(0) as i64));
        }
        _ => {}
    }
    let left = match &*it.state.borrow() {
        objects::IterState::Reversed { seq, index } => (*index).min(objects::seq_len(*seq)),
        objects::IterState::Str { s, offset } => {
            objects::str_of(*s).map_or(0, |t| t[*offset..].chars().count())
        }
        objects::IterState::BigRange { remaining, .. } => {
            return Ok(objects::new_bigint(remaining.clone()));
        }
        _ => 0,
    };
    Ok(new_int(left as i64))
}
fn iter_next(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    match ops::next(args[0])? {
        Some(v) => Ok(v),
        None => Err(exc::stop_iteration(None)),
    }
}
fn exc_init(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let e = args[0];
    ops::set_instance_attr(
        e,
        intern_static("args"),
        objects::new_tuple(args[1..].to_vec()),
    );
    Ok(Types::get().none)
}
fn exc_str(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_string(exc::base_str(args[0])?))
}
fn prop_with(args: &[Value], which: u8) -> PyResult {
    arg_count("setter", args, 2, 2)?;
    let w = get::<PyWrapper>(args[0]).ok_or_else(|| exc::type_error("property required"))?;
    let p = objects::alloc(PyWrapper {
        kind: WrapperKind::Property,
        f: if which == 0 { args[1] } else { w.f },
        fset: Cell::new(if which == 1 { args[1] } else { w.fset.get() }),
        fdel: Cell::new(if which == 2 { args[1] } else { w.fdel.get() }),
        doc: Cell::new(w.doc.get()),
    });
    Ok(p)
}
fn prop_getter(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    prop_with(args, 0)
}
fn prop_setter(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    prop_with(args, 1)
}
fn prop_deleter(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    prop_with(args, 2)
}
fn type_mro(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let c = get::<PyClass>(args[0]).ok_or_else(|| exc::type_error("mro() requires a type"))?;
    Ok(objects::new_list(c.mro.borrow().clone()))
}

/// `int.__new__(cls, ...)` and the other immutable types': the value, or
/// for a subclass an instance carrying it.
fn builtin_new(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let Some(&cls) = args.first() else {
        return Err(exc::type_error("__new__(): not enough arguments"));
    };
    let Some(c) = get::<PyClass>(cls) else {
        return Err(exc::type_error(format!(
            "__new__(X): X is not a type object ({})",
            otypes::type_name(cls)
        )));
    };
    let base = c
        .mro
        .borrow()
        .iter()
        .copied()
        .find(|&k| get::<PyClass>(k).is_some_and(|kc| kc.builtin && k != Types::get().object))
        .unwrap_or(cls);
    let value = super::functions::construct_builtin(base, &args[1..], kw)?;
    if c.builtin {
        return Ok(value);
    }
    let inst = ops::new_instance(cls);
    get::<objects::PyInstance>(inst)
        .unwrap()
        .base_value
        .set(value);
    Ok(inst)
}

fn list_init(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::check_kwargs("list", kw, &[])?;
    arg_count("list", args, 1, 2)?;
    let l = objects::base_value(args[0]);
    let items = match args.get(1) {
        Some(&it) => ops::collect(it)?,
        None => objects::RootedVec::new(),
    };
    get::<objects::PyList>(l)
        .ok_or_else(|| exc::type_error("list.__init__ needs a list"))?
        .set_all(&items);
    Ok(Types::get().none)
}

fn dict_init(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("dict", args, 1, 2)?;
    let d = objects::base_value(args[0]);
    if let Some(&o) = args.get(1) {
        dict::update(d, o)?;
    }
    for &(k, v) in kw {
        dict::set_item(d, k, v)?;
    }
    Ok(Types::get().none)
}

fn set_init(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::check_kwargs("set", kw, &[])?;
    arg_count("set", args, 1, 2)?;
    let s = objects::base_value(args[0]);
    if let Some(&it) = args.get(1) {
        for &x in ops::collect(it)?.iter() {
            set::add(s, x)?;
        }
    }
    Ok(Types::get().none)
}

/// An instance of `class`, with the built-in value its base type needs.
pub fn new_instance_of(class: Value) -> Value {
    let inst = ops::new_instance(class);
    let c = get::<PyClass>(class).unwrap();
    let base = match c.base {
        Base::List => objects::new_list(Vec::new()),
        Base::Dict => objects::new_dict(),
        Base::Set => objects::new_set(false),
        Base::Deque => objects::deque::new_deque(None),
        _ => 0,
    };
    if base != 0 {
        get::<objects::PyInstance>(inst)
            .unwrap()
            .base_value
            .set(base);
    }
    if c.base == Base::Exception {
        ops::set_instance_attr(inst, intern_static("args"), objects::new_tuple(vec![]));
    }
    inst
}

/// Calling a class: `type(x)`, the built-in constructors, or a user class
/// (`__new__` then `__init__`).
pub fn call_class(class: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let meta = objects::class_of(class);
    if meta != Types::get().type_ {
        if let Some(call) = ops::lookup_in_mro(meta, intern_static("__call__")) {
            if objects::type_id(call) != Some(objects::BUILTIN) {
                let mut all = vec![class];
                all.extend_from_slice(args);
                return call_object(call, &all, kw);
            }
        }
    }
    construct(class, args, kw)
}

/// A user metaclass called with (name, bases, namespace): its `__new__`
/// (or `type.__new__`), then its `__init__` if it has one.
fn construct_class(mcls: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let t = Types::get();
    let class = match ops::lookup_in_mro(mcls, intern_static("__new__")) {
        Some(n) if objects::type_id(n) != Some(objects::BUILTIN) => {
            let f = match get::<PyWrapper>(n) {
                Some(w) if w.kind == WrapperKind::StaticMethod => w.f,
                _ => n,
            };
            let mut all = vec![mcls];
            all.extend_from_slice(args);
            call_object(f, &all, kw)?
        }
        _ => match args {
            [name, bases, ns] => type_new(mcls, *name, *bases, *ns, kw)?,
            _ => return Err(exc::type_error("type() takes 1 or 3 arguments")),
        },
    };
    if !ops::isinstance(class, mcls) {
        return Ok(class);
    }
    if let Some(init) = ops::lookup_in_mro(mcls, intern_static("__init__")) {
        if objects::type_id(init) != Some(objects::BUILTIN) {
            let mut all = vec![class];
            all.extend_from_slice(args);
            let r = call_object(init, &all, kw)?;
            if r != t.none {
                return Err(exc::type_error(format!(
                    "__init__() should return None, not '{}'",
                    otypes::type_name(r)
                )));
            }
        }
    }
    Ok(class)
}

/// `OSError(errno, strerror)` makes the subclass for the errno, as
/// CPython's OSError.__new__ does (`OSError(2, …)` is a FileNotFoundError).
fn os_error_subclass(class: Value, args: &[Value]) -> Value {
    let t = Types::get();
    if class != t.exception("OSError") || args.len() < 2 {
        return class;
    }
    let Some(errno) = objects::int_of(args[0]).and_then(|_| objects::bigint_of(args[0])) else {
        return class;
    };
    let name = match i64::try_from(errno).unwrap_or(-1) {
        1 | 13 => "PermissionError",
        2 => "FileNotFoundError",
        3 => "ProcessLookupError",
        4 => "InterruptedError",
        10 => "ChildProcessError",
        17 => "FileExistsError",
        20 => "NotADirectoryError",
        21 => "IsADirectoryError",
        32 => "BrokenPipeError",
        104 => "ConnectionResetError",
        110 => "TimeoutError",
        _ => return class,
    };
    t.exception(name)
}

/// Calling a class as `type.__call__` does.
fn construct(class: Value, args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let t = Types::get();
    let c = get::<PyClass>(class).unwrap();
    if c.builtin && c.base != Base::Exception {
        return super::functions::construct_builtin(class, args, kw);
    }
    if otypes::is_subclass(class, t.type_) {
        return construct_class(class, args, kw);
    }
    let user_new = ops::lookup_in_mro(class, intern_static("__new__"));
    let object_new = ops::lookup_in_mro(t.object, intern_static("__new__"));
    let inst = match user_new {
        Some(n) if Some(n) != object_new => {
            let f = match get::<PyWrapper>(n) {
                Some(w) if w.kind == WrapperKind::StaticMethod => w.f,
                _ => n,
            };
            let mut all = vec![class];
            all.extend_from_slice(args);
            let inst = call_object(f, &all, kw)?;
            if !ops::isinstance(inst, class) {
                return Ok(inst);
            }
            inst
        }
        _ => {
            let inst = new_instance_of(os_error_subclass(class, args));
            if c.base == Base::Exception {
                ops::set_instance_attr(
                    inst,
                    intern_static("args"),
                    objects::new_tuple(args.to_vec()),
                );
            }
            inst
        }
    };
    if let Some(init) = ops::lookup_in_mro(class, intern_static("__init__")) {
        let r = match objects::type_id(init) {
            Some(objects::BUILTIN) => {
                let b = get::<objects::PyBuiltin>(init).unwrap();
                if b.name == "__init__"
                    && ops::lookup_in_mro(t.object, intern_static("__init__")) == Some(init)
                {
                    if (!args.is_empty() || !kw.is_empty())
                        && user_new.is_none_or(|n| Some(n) == object_new)
                    {
                        return Err(exc::type_error(format!(
                            "{}() takes no arguments",
                            c.name.borrow()
                        )));
                    }
                    t.none
                } else {
                    let mut all = vec![inst];
                    all.extend_from_slice(args);
                    (b.f)(&all, kw)?
                }
            }
            _ => {
                let mut all = vec![inst];
                all.extend_from_slice(args);
                call_object(init, &all, kw)?
            }
        };
        if r != t.none {
            return Err(exc::type_error(format!(
                "__init__() should return None, not '{}'",
                otypes::type_name(r)
            )));
        }
    }
    Ok(inst)
}

/// Attributes of built-in objects that are not in their class namespace.
pub fn builtin_attr(obj: Value, name: Value) -> PyResult<Option<Value>> {
    let n = str_of(name).unwrap_or("");
    let t = Types::get();
    Ok(match objects::type_id(obj) {
        Some(objects::FUNCTION) => {
            let f = get::<objects::PyFunction>(obj).unwrap();
            match n {
                "__name__" => Some(f.name.get()),
                "__qualname__" => Some(f.qualname.get()),
                "__doc__" => Some(f.doc.get()),
                "__module__" => Some(f.module),
                "__defaults__" => Some(if f.defaults.get() == 0 {
                    t.none
                } else {
                    f.defaults.get()
                }),
                "__kwdefaults__" => Some(if f.kwdefaults.get() == 0 {
                    t.none
                } else {
                    f.kwdefaults.get()
                }),
                "__globals__" => Some(f.globals),
                "__closure__" => Some(if f.closure == 0 { t.none } else { f.closure }),
                "__dict__" => {
                    if f.dict.get() == 0 {
                        f.dict.set(objects::new_dict());
                    }
                    Some(f.dict.get())
                }
                "__annotations__" => {
                    if f.dict.get() == 0 {
                        f.dict.set(objects::new_dict());
                    }
                    let found = dict::get_item(f.dict.get(), name)?;
                    Some(match found {
                        Some(a) => a,
                        None => {
                            let a = objects::new_dict();
                            dict::set_item(f.dict.get(), name, a)?;
                            a
                        }
                    })
                }
                _ => {
                    if f.dict.get() != 0 {
                        dict::get_item(f.dict.get(), name)?
                    } else {
                        None
                    }
                }
            }
        }
        Some(objects::METHOD) => {
            let m = get::<objects::PyMethod>(obj).unwrap();
            match n {
                "__self__" => Some(m.receiver),
                "__func__" => Some(m.func),
                _ => return ops::getattr_opt(m.func, name),
            }
        }
        Some(objects::BUILTIN) => {
            let b = get::<objects::PyBuiltin>(obj).unwrap();
            match n {
                "__name__" | "__qualname__" => Some(objects::new_str(b.name)),
                "__self__" => Some(if b.receiver == 0 { t.none } else { b.receiver }),
                "__doc__" => Some(t.none),
                _ => None,
            }
        }
        Some(objects::RANGE) => super::range::attribute(obj, n),
        Some(objects::COMPLEX) => super::complex::attribute(obj, n),
        Some(objects::UNION) => super::union::attribute(obj, n),
        Some(objects::SLICE) => {
            let s = get::<objects::PySlice>(obj).unwrap();
            match n {
                "start" => Some(s.start),
                "stop" => Some(s.stop),
                "step" => Some(s.step),
                _ => None,
            }
        }
        Some(objects::GENERATOR) => {
            let g = get::<objects::PyGenerator>(obj).unwrap();
            match n {
                "__name__" => Some(g.name),
                "__qualname__" => Some(g.qualname),
                _ => None,
            }
        }
        Some(objects::FILE) => super::files::attribute(obj, n),
        Some(objects::CELL) => match n {
            "cell_contents" => {
                let v = get::<objects::PyCell>(obj).unwrap().v.get();
                if v == 0 {
                    return Err(exc::new("ValueError", Some("Cell is empty".into())));
                }
                Some(v)
            }
            _ => None,
        },
        Some(objects::WRAPPER) => {
            let w = get::<PyWrapper>(obj).unwrap();
            match n {
                "__func__" => Some(w.f),
                "fget" => Some(w.f),
                "fset" => Some(if w.fset.get() == 0 {
                    t.none
                } else {
                    w.fset.get()
                }),
                "fdel" => Some(if w.fdel.get() == 0 {
                    t.none
                } else {
                    w.fdel.get()
                }),
                "__doc__" => Some(if w.doc.get() == 0 {
                    t.none
                } else {
                    w.doc.get()
                }),
                _ => None,
            }
        }
        _ => {
            if objects::int_of(obj).is_some() {
                match n {
                    "real" | "numerator" => {
                        Some(objects::new_bigint(objects::bigint_of(obj).unwrap()))
                    }
                    "imag" => Some(new_int(0)),
                    "denominator" => Some(new_int(1)),
                    _ => None,
                }
            } else if let Some(f) = objects::float_of(obj) {
                match n {
                    "real" => Some(objects::new_float(f)),
                    "imag" => Some(objects::new_float(0.0)),
                    _ => None,
                }
            } else if n == "__class__" {
                Some(objects::class_of(obj))
            } else if n == "__doc__" {
                Some(t.none)
            } else {
                None
            }
        }
    })
}

/// The `class` statement: run the body in the namespace the metaclass
/// prepares, then make the class with the metaclass (`type_new` for
/// `type`), which fills the body's `__class__` cell.
pub fn build_class(body: Value, name: Value, bases: Value, kwargs: Value) -> PyResult {
    let t = Types::get();
    let mut bases_v = objects::tuple_items(bases).unwrap_or(&[]).to_vec();
    for &b in &bases_v {
        if get::<PyClass>(b).is_none() {
            return Err(exc::type_error(format!(
                "bases must be types, not {}",
                otypes::type_name(b)
            )));
        }
    }
    let kw: Vec<(Value, Value)> = dict::items(kwargs)
        .into_iter()
        .map(|(k, v)| (objects::intern::intern_value(k), v))
        .collect();
    let explicit = kwarg(&kw, "metaclass");
    let kw: Vec<(Value, Value)> = kw
        .into_iter()
        .filter(|(k, _)| str_of(*k) != Some("metaclass"))
        .collect();
    let metaclass = match explicit {
        Some(m) if get::<PyClass>(m).is_none() => Some(m),
        _ => Some(winning_metaclass(explicit.unwrap_or(t.type_), &bases_v)?),
    }
    .filter(|&m| m != t.type_);
    if bases_v.is_empty() {
        bases_v.push(t.object);
    }
    let ns = match metaclass.and_then(|m| ops::getattr_opt(m, intern_static("__prepare__")).ok()?) {
        Some(prepare) => call_object(prepare, &[name, bases], &kw)?,
        None => objects::new_dict(),
    };
    let func = get::<objects::PyFunction>(body).unwrap();
    let frame = runtime::new_frame(func.code);
    runtime::frame_set(frame, 0, ns);
    if let Some(cells) = objects::tuple_items(func.closure) {
        for (j, &c) in cells.iter().enumerate() {
            runtime::frame_set(frame, func.code.free_base() as usize + j, c);
        }
    }
    let cell = runtime::run_frame(func.code, 0, frame)?;
    if get::<objects::PyCell>(cell).is_some() {
        ops::setitem(ns, intern_static("__classcell__"), cell)?;
    }
    match metaclass {
        Some(m) => call_object(m, &[name, objects::new_tuple(bases_v), ns], &kw),
        None => type_new(t.type_, name, objects::new_tuple(bases_v), ns, &kw),
    }
}

/// The metaclass of a class with `bases` and the given (or default)
/// metaclass: the most derived of it and the bases' classes.
fn winning_metaclass(given: Value, bases: &[Value]) -> PyResult<Value> {
    let mut winner = given;
    for &b in bases {
        let m = objects::class_of(b);
        if otypes::is_subclass(winner, m) {
            continue;
        }
        if otypes::is_subclass(m, winner) {
            winner = m;
            continue;
        }
        return Err(exc::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// `type.__new__(mcls, name, bases, ns, **kw)`: a new class whose class is
/// `mcls`; the body's `__class__` cell (`__classcell__`) gets it, and the
/// nearest base's `__init_subclass__` runs with `kw`.
pub fn type_new(
    mcls: Value,
    name: Value,
    bases: Value,
    ns: Value,
    kw: &[(Value, Value)],
) -> PyResult {
    let t = Types::get();
    let name_s = str_of(name)
        .ok_or_else(|| exc::type_error("type.__new__() argument 1 must be str"))?
        .to_string();
    let mut bases_v = objects::tuple_items(bases)
        .ok_or_else(|| exc::type_error("type.__new__() argument 2 must be tuple"))?
        .to_vec();
    if let Some(&b) = bases_v.iter().find(|&&b| get::<PyClass>(b).is_none()) {
        return Err(exc::type_error(format!(
            "type.__new__() argument 2 must be tuple of types, not {}",
            otypes::type_name(b)
        )));
    }
    if bases_v.is_empty() {
        bases_v.push(t.object);
    }
    // A namespace the metaclass prepared may be a dict subclass: its items
    // are in its dict.
    let items = objects::base_value(ns);
    if objects::type_id(items) != Some(objects::DICT) {
        return Err(exc::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            otypes::type_name(ns)
        )));
    }
    let copy = objects::new_dict();
    dict::update(copy, items)?;
    let cell = dict::pop(copy, intern_static("__classcell__"))?;
    let class = make_class(&name_s, bases_v, copy)?;
    let cls = get::<PyClass>(class).unwrap();
    if mcls != t.type_ {
        cls.metaclass.set(mcls);
    }
    if let Some(c) = cell.and_then(get::<objects::PyCell>) {
        c.v.set(class);
    }
    // __init_subclass__ of a base.
    let mro = cls.mro.borrow().clone();
    for &b in mro.iter().skip(1) {
        let bc = get::<PyClass>(b).unwrap();
        if let Some(f) = dict::get_str(bc.dict, intern_static("__init_subclass__")) {
            let f = match get::<PyWrapper>(f) {
                Some(w) => w.f,
                None => f,
            };
            call_object(f, &[class], kw)?;
            break;
        }
    }
    Ok(class)
}

/// `type.__new__` as called from a metaclass's `__new__`.
fn type_new_method(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let t = Types::get();
    match args {
        [mcls, name, bases, ns] if otypes::is_subclass(*mcls, t.type_) => {
            type_new(*mcls, *name, *bases, *ns, kw)
        }
        [mcls, ..] if get::<PyClass>(*mcls).is_none() || !otypes::is_subclass(*mcls, t.type_) => {
            Err(exc::type_error(format!(
                "type.__new__(X): X is not a subtype of type ({})",
                otypes::type_name(*mcls)
            )))
        }
        _ => Err(exc::type_error("type.__new__() takes exactly 3 arguments")),
    }
}

/// `type.__call__(cls, *args)`: what calling a class does when its
/// metaclass does not override it (a metaclass's `__call__` reaches it
/// through `super()`).
fn type_call_method(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    match args.split_first() {
        Some((&cls, rest)) if get::<PyClass>(cls).is_some() => construct(cls, rest, kw),
        _ => Err(exc::type_error(
            "descriptor '__call__' requires a 'type' object",
        )),
    }
}

/// A class from a name, bases and a namespace dict (the class statement and
/// `type(name, bases, dict)`).
pub fn make_class(name: &str, bases: Vec<Value>, ns: Value) -> PyResult {
    if let Some((i, _)) = bases
        .iter()
        .enumerate()
        .find(|&(i, b)| bases[..i].contains(b))
    {
        return Err(exc::type_error(format!(
            "duplicate base class {}",
            otypes::class_name(bases[i])
        )));
    }
    let Some(mro) = otypes::c3_mro(0, &bases) else {
        let names: Vec<String> = bases.iter().map(|&b| otypes::class_name(b)).collect();
        return Err(exc::type_error(format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        )));
    };
    let mro: Vec<Value> = mro.into_iter().skip(1).collect();
    // Layout conflicts between built-in bases.
    let mut base_kind = Base::Object;
    for &b in &bases {
        let k = get::<PyClass>(b).unwrap().base;
        if k != Base::Object && base_kind != Base::Object && k != base_kind {
            return Err(exc::type_error(
                "multiple bases have instance lay-out conflict",
            ));
        }
        if k != Base::Object {
            base_kind = k;
        }
    }
    for &b in &bases {
        if b == Types::get().bool_ {
            return Err(exc::type_error(
                "type 'bool' is not an acceptable base type",
            ));
        }
    }
    let qualname = dict::get_str(ns, intern_static("__qualname__"))
        .and_then(str_of)
        .unwrap_or(name)
        .to_string();
    // Namespaces hold interned keys, so lookups by name find them.
    let dict_v = objects::new_dict();
    for (k, v) in dict::items(ns) {
        let v = match objects::type_id(v) {
            Some(objects::FUNCTION) if matches!(str_of(k), Some("__new__")) => {
                objects::alloc(PyWrapper {
                    kind: WrapperKind::StaticMethod,
                    f: v,
                    fset: Cell::new(0),
                    fdel: Cell::new(0),
                    doc: Cell::new(0),
                })
            }
            Some(objects::FUNCTION)
                if matches!(str_of(k), Some("__init_subclass__" | "__class_getitem__")) =>
            {
                objects::alloc(PyWrapper {
                    kind: WrapperKind::ClassMethod,
                    f: v,
                    fset: Cell::new(0),
                    fdel: Cell::new(0),
                    doc: Cell::new(0),
                })
            }
            _ => v,
        };
        dict::set_item(dict_v, objects::intern::intern_value(k), v)?;
    }
    if dict::get_str(dict_v, intern_static("__eq__")).is_some()
        && dict::get_str(dict_v, intern_static("__hash__")).is_none()
    {
        dict::set_item(dict_v, intern_static("__hash__"), Types::get().none)?;
    }
    let class = otypes::new_class(name, &qualname, bases, mro, dict_v);
    if let Some(slots) = dict::get_str(dict_v, intern_static("__slots__")) {
        let names: Vec<Value> = if let Some(s) = str_of(slots) {
            vec![intern(s)]
        } else {
            ops::collect(slots)?
                .iter()
                .map(|&s| objects::intern::intern_value(s))
                .collect()
        };
        // Slots of bases still apply.
        let c = get::<PyClass>(class).unwrap();
        let mut all = names;
        let mro = c.mro.borrow().clone();
        let mut restricted = true;
        for &b in mro.iter().skip(1) {
            let bc = get::<PyClass>(b).unwrap();
            if bc.builtin {
                continue;
            }
            match &*bc.slots.borrow() {
                Some(s) => all.extend(s.iter().copied()),
                None => restricted = false,
            }
        }
        if restricted {
            *c.slots.borrow_mut() = Some(all);
        }
    }
    Ok(class)
}

pub fn int_arg(v: Value, what: &str) -> PyResult<i64> {
    number::to_index(v).map_err(|_| {
        exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer{what}",
            otypes::type_name(v)
        ))
    })
}
