//! The special methods of the built-in types as attributes
//! (`list.__getitem__`, `int.__add__`...), for code that calls them by name:
//! `super().__getitem__(i)` in a subclass, `sorted(key=str.__len__)`. Each
//! applies the operation to the receiver's built-in value.

use super::{arg_count, ops, BuiltinFn, PyResult};
use crate::bytecode::{BinOp, CmpOp};
use crate::objects::{self, base_value, Types, Value};

macro_rules! unary_method {
    ($name:ident, $py:literal, |$v:ident| $body:expr) => {
        fn $name(args: &[Value], _: &[(Value, Value)]) -> PyResult {
            arg_count($py, args, 1, 1)?;
            let $v = base_value(args[0]);
            $body
        }
    };
}

macro_rules! binary_method {
    ($name:ident, $py:literal, |$a:ident, $b:ident| $body:expr) => {
        fn $name(args: &[Value], _: &[(Value, Value)]) -> PyResult {
            arg_count($py, args, 2, 2)?;
            let ($a, $b) = (base_value(args[0]), args[1]);
            $body
        }
    };
}

unary_method!(len, "__len__", |v| Ok(objects::new_int(ops::len(v)?)));
unary_method!(iter, "__iter__", |v| ops::iter(v));
unary_method!(repr, "__repr__", |v| Ok(objects::new_string(ops::repr(v)?)));
unary_method!(str_, "__str__", |v| Ok(objects::new_string(ops::str_(v)?)));
unary_method!(hash, "__hash__", |v| Ok(objects::new_int(ops::hash(v)?)));
unary_method!(bool_, "__bool__", |v| Ok(objects::new_bool(ops::truthy(
    v
)?)));

/// `__getitem__` on the built-in value; for a dict, as `d[key]` does, a
/// subclass's `__missing__` included.
fn getitem(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__getitem__", args, 2, 2)?;
    let b = base_value(args[0]);
    if objects::type_id(b) == Some(objects::DICT) {
        return ops::dict_subscript(args[0], b, args[1]);
    }
    ops::getitem(b, args[1])
}
binary_method!(delitem, "__delitem__", |a, b| ops::setitem(a, b, 0)
    .map(|()| Types::get().none));
binary_method!(contains, "__contains__", |a, b| Ok(objects::new_bool(
    ops::contains(a, b)?
)));

fn setitem(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("__setitem__", args, 3, 3)?;
    ops::setitem(base_value(args[0]), args[1], args[2])?;
    Ok(Types::get().none)
}

fn compare(args: &[Value], op: CmpOp) -> PyResult {
    arg_count(op.dunder(), args, 2, 2)?;
    ops::compare(op, base_value(args[0]), base_value(args[1]))
}

fn binary(args: &[Value], op: BinOp, reflected: bool) -> PyResult {
    arg_count(op.dunders().0, args, 2, 2)?;
    let (a, b) = (base_value(args[0]), base_value(args[1]));
    let r = if reflected {
        ops::binary(op, b, a, false)
    } else {
        ops::binary(op, a, b, false)
    };
    // A type error means "not supported": `NotImplemented`, so that the
    // other operand's method gets its turn.
    match r {
        Err(e) if super::exc::is_instance(e, "TypeError") => Ok(Types::get().not_implemented),
        other => other,
    }
}

macro_rules! cmp_fns {
    ($($name:ident = $op:expr;)*) => {$(
        fn $name(args: &[Value], _: &[(Value, Value)]) -> PyResult {
            compare(args, $op)
        }
    )*};
}
cmp_fns! {
    lt = CmpOp::Lt; le = CmpOp::Le; eq = CmpOp::Eq; ne = CmpOp::Ne; gt = CmpOp::Gt; ge = CmpOp::Ge;
}

macro_rules! bin_fns {
    ($($name:ident, $rname:ident = $op:expr;)*) => {$(
        fn $name(args: &[Value], _: &[(Value, Value)]) -> PyResult {
            binary(args, $op, false)
        }
        fn $rname(args: &[Value], _: &[(Value, Value)]) -> PyResult {
            binary(args, $op, true)
        }
    )*};
}
bin_fns! {
    add, radd = BinOp::Add; sub, rsub = BinOp::Sub; mul, rmul = BinOp::Mul;
    truediv, rtruediv = BinOp::TrueDiv; floordiv, rfloordiv = BinOp::FloorDiv;
    mod_, rmod = BinOp::Mod; pow, rpow = BinOp::Pow; and, rand = BinOp::And;
    or, ror = BinOp::Or; xor, rxor = BinOp::Xor; lshift, rlshift = BinOp::LShift;
    rshift, rrshift = BinOp::RShift;
}

/// The methods every built-in type gets (`containers` adds the item ones).
pub fn methods(containers: bool, numbers: bool) -> Vec<(&'static str, BuiltinFn)> {
    let mut m: Vec<(&'static str, BuiltinFn)> = vec![
        ("__repr__", repr),
        ("__str__", str_),
        ("__hash__", hash),
        ("__bool__", bool_),
        ("__lt__", lt),
        ("__le__", le),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__radd__", radd),
        ("__mul__", mul),
        ("__rmul__", rmul),
        ("__mod__", mod_),
        ("__rmod__", rmod),
    ];
    if containers {
        m.extend_from_slice(&[
            ("__len__", len as BuiltinFn),
            ("__iter__", iter),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
        ]);
    }
    if numbers {
        m.extend_from_slice(&[
            ("__sub__", sub as BuiltinFn),
            ("__rsub__", rsub),
            ("__truediv__", truediv),
            ("__rtruediv__", rtruediv),
            ("__floordiv__", floordiv),
            ("__rfloordiv__", rfloordiv),
            ("__pow__", pow),
            ("__rpow__", rpow),
            ("__and__", and),
            ("__rand__", rand),
            ("__or__", or),
            ("__ror__", ror),
            ("__xor__", xor),
            ("__rxor__", rxor),
            ("__lshift__", lshift),
            ("__rlshift__", rlshift),
            ("__rshift__", rshift),
            ("__rrshift__", rrshift),
        ]);
    }
    m
}
