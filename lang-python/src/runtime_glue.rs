//! The pure functions of `runtime` applied to objects: each takes values,
//! unpacks them, calls the runtime and makes the result (or the exception)
//! a value again.

use crate::builtins::{exc, number, ops, PyResult};
use crate::objects::{
    self, float_of, int_of, new_bigint, new_float, new_int, str_of, types, IntVal, Types, Value,
};
use crate::runtime::{self as rt, ErrKind, Int, PyErr};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

/// A runtime error as the exception to raise.
pub fn err(e: PyErr) -> Value {
    let name = match e.kind {
        ErrKind::ValueError => "ValueError",
        ErrKind::TypeError => "TypeError",
        ErrKind::OverflowError => "OverflowError",
        ErrKind::ZeroDivisionError => "ZeroDivisionError",
        ErrKind::IndexError => "IndexError",
        ErrKind::MemoryError => "MemoryError",
    };
    exc::new(name, Some(e.msg))
}

pub fn int_value(i: Int) -> Value {
    match i {
        Int::Small(n) => new_int(n),
        Int::Big(b) => new_bigint(b),
    }
}

pub fn to_rt_int(v: Value) -> Option<Int> {
    Some(match int_of(v)? {
        IntVal::Small(n) => Int::Small(n),
        IntVal::Big(b) => Int::Big(b.clone()),
    })
}

/// `int(x)`, `int(s, base)`.
pub fn int_new(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    // `int(n)` and `int(x)` of an exact int or float first: the answer the
    // general path below gives them, without its checks.
    if let ([x], []) = (args, kw) {
        if objects::is_small_int(*x) {
            return Ok(*x);
        }
        if let Some(f) = float_of(*x) {
            return crate::builtins::math::float_to_int(f.trunc());
        }
    }
    crate::builtins::check_kwargs("int", kw, &["base"])?;
    let base = args.get(1).copied().or(crate::builtins::kwarg(kw, "base"));
    let Some(&x) = args.first() else {
        if base.is_some() {
            return Err(exc::type_error("int() missing string argument"));
        }
        return Ok(new_int(0));
    };
    if args.len() > 2 {
        return Err(exc::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    if let Some(b) = base {
        let b = number::to_index(b)?;
        if let Some(s) = str_of(objects::base_value(x)) {
            return rt::int_text::parse_int(s, b).map(int_value).map_err(err);
        }
        return match crate::builtins::bytes::bytes_data(x) {
            Some(by) => int_from_bytes(&by, b),
            None => Err(exc::type_error(
                "int() can't convert non-string with explicit base",
            )),
        };
    }
    if int_of(x).is_some() && objects::type_id(x) != Some(objects::INSTANCE) {
        return Ok(new_bigint(objects::bigint_of(x).unwrap()));
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        if let Some(f) = ops::user_special(x, name) {
            let r = crate::interp::call_object(f, &[x], &[])?;
            if int_of(r).is_none() {
                return Err(exc::type_error(format!(
                    "{name} returned non-int (type {})",
                    types::type_name(r)
                )));
            }
            return Ok(new_bigint(objects::bigint_of(r).unwrap()));
        }
    }
    let b = objects::base_value(x);
    if let Some(f) = float_of(b) {
        return crate::builtins::math::float_to_int(f.trunc());
    }
    if let Some(s) = str_of(b) {
        return rt::int_text::parse_int(s, 10).map(int_value).map_err(err);
    }
    if int_of(b).is_some() {
        return Ok(new_bigint(objects::bigint_of(b).unwrap()));
    }
    if let Some(by) = crate::builtins::bytes::bytes_data(b) {
        return int_from_bytes(&by, 10);
    }
    Err(exc::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        types::type_name(x)
    )))
}

/// `int(b, base)` for the contents of a bytes or bytearray `b`: only ASCII
/// text is a number; an invalid literal's error shows the bytes' repr.
fn int_from_bytes(b: &[u8], base: i64) -> PyResult {
    let text = std::str::from_utf8(b).ok().filter(|t| t.is_ascii());
    match rt::int_text::parse_int(text.unwrap_or(""), base) {
        Ok(n) if text.is_some() => Ok(int_value(n)),
        Err(e) if !e.msg.starts_with("invalid literal") => Err(err(e)),
        _ => Err(exc::value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::builtins::string::repr_bytes(b)
        ))),
    }
}

/// The repr of bytes-like `v` whose contents are `b` (`bytearray(b'..')`
/// for a bytearray).
fn bytes_repr_of(v: Value, b: &[u8]) -> String {
    let r = crate::builtins::string::repr_bytes(b);
    if crate::builtins::bytes::is_bytearray(v) {
        format!("bytearray({r})")
    } else {
        r
    }
}

/// `float(x)`.
pub fn float_new(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    crate::builtins::check_kwargs("float", kw, &[])?;
    let Some(&x) = args.first() else {
        return Ok(new_float(0.0));
    };
    if args.len() > 1 {
        return Err(exc::type_error(format!(
            "float expected at most 1 argument, got {}",
            args.len()
        )));
    }
    if let Some(f) = float_of(x) {
        return Ok(new_float(f));
    }
    if let Some(f) = ops::user_special(x, "__float__") {
        let r = crate::interp::call_object(f, &[x], &[])?;
        return match float_of(r) {
            Some(v) => Ok(new_float(v)),
            None => Err(exc::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                types::type_name(x),
                types::type_name(r)
            ))),
        };
    }
    let b = objects::base_value(x);
    if let Some(f) = float_of(b) {
        return Ok(new_float(f));
    }
    if let Some(n) = int_of(b) {
        return number::int_to_f64(&n).map(new_float);
    }
    if let Some(s) = str_of(b) {
        return rt::float_text::parse_float(s).map(new_float).map_err(err);
    }
    if let Some(by) = crate::builtins::bytes::bytes_data(b) {
        // Only ASCII text is a number; the error shows the bytes' repr.
        let text = std::str::from_utf8(&by).ok().filter(|t| t.is_ascii());
        return match text.map(rt::float_text::parse_float) {
            Some(Ok(f)) => Ok(new_float(f)),
            _ => Err(exc::value_error(format!(
                "could not convert string to float: {}",
                bytes_repr_of(b, &by)
            ))),
        };
    }
    if let Some(f) = ops::user_special(x, "__index__") {
        let r = crate::interp::call_object(f, &[x], &[])?;
        if let Some(n) = int_of(r) {
            return number::int_to_f64(&n).map(new_float);
        }
    }
    Err(exc::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        types::type_name(x)
    )))
}

pub fn float_hex(x: f64) -> String {
    rt::float_repr::to_hex(x)
}

pub fn float_repr(x: f64) -> String {
    rt::float_repr::repr(x)
}

pub fn as_integer_ratio(x: f64) -> PyResult<(Value, Value)> {
    if x.is_infinite() {
        return Err(exc::overflow_error(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(exc::value_error("cannot convert NaN to integer ratio"));
    }
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (m, e) = if exp == 0 {
        (mant, -1074)
    } else {
        (mant | (1 << 52), exp - 1075)
    };
    let mut n: BigInt = BigInt::from(m) * sign;
    let mut d = BigInt::one();
    if e > 0 {
        n <<= e as usize;
    } else {
        d <<= (-e) as usize;
    }
    let g = n.gcd(&d);
    if !g.is_zero() {
        n /= &g;
        d /= &g;
    }
    Ok((new_bigint(n), new_bigint(d)))
}

/// `pow(base, exp, mod)`.
pub fn pow3(base: Value, e: Value, m: Value) -> PyResult {
    let (Some(b), Some(x), Some(md)) = (to_rt_int(base), to_rt_int(e), to_rt_int(m)) else {
        return Err(exc::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    rt::arith::pow_mod(&b, &x, &md).map(int_value).map_err(err)
}

/// `round(x)` and `round(x, n)` for ints and floats.
pub fn round(v: Value, nd: Option<Value>) -> PyResult {
    if let Some(n) = to_rt_int(v) {
        return match nd {
            None => Ok(int_value(n)),
            Some(nd) => {
                let k = to_rt_int(nd).ok_or_else(|| {
                    exc::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        types::type_name(nd)
                    ))
                })?;
                Ok(int_value(rt::arith::round_int(&n, &k)))
            }
        };
    }
    let Some(x) = float_of(objects::base_value(v)) else {
        return Err(exc::type_error(format!(
            "type {} doesn't define __round__ method",
            types::type_name(v)
        )));
    };
    match nd {
        None => rt::arith::round_float_to_int(x).map(int_value).map_err(err),
        Some(nd) => {
            let k = match int_of(nd) {
                Some(IntVal::Small(k)) => k,
                Some(IntVal::Big(b)) => {
                    if b.is_negative() {
                        i64::MIN
                    } else {
                        i64::MAX
                    }
                }
                None => {
                    return Err(exc::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        types::type_name(nd)
                    )))
                }
            };
            rt::arith::round_float(x, k).map(new_float).map_err(err)
        }
    }
}

/// `format(v, spec)` for built-in values.
pub fn format_builtin(v: Value, spec: &str) -> PyResult<String> {
    let t = Types::get();
    if v == t.true_ || v == t.false_ {
        // A bool formats as an int, except with an empty spec or text type.
        if spec.is_empty() {
            return ops::str_(v);
        }
    }
    if let Some(f) = float_of(v) {
        return rt::format_spec::format_float(f, spec).map_err(err);
    }
    if let Some(n) = to_rt_int(v) {
        return rt::format_spec::format_int(&n, spec).map_err(err);
    }
    if let Some(s) = str_of(v) {
        return rt::format_spec::format_str(s, spec).map_err(err);
    }
    if !spec.is_empty() {
        return Err(exc::type_error(format!(
            "unsupported format string passed to {}.__format__",
            types::type_name(v)
        )));
    }
    ops::str_(v)
}

/// `fmt % values`.
/// `fmt % values` for a str or bytes `fmt`. A bytes template is read as
/// Latin-1 text (one char a byte) and the result encoded back, so the two
/// share the walk; only `%s`/`%b`, `%r`/`%a` and `%c` differ for bytes.
pub fn percent_format(fmt: Value, values: Value) -> PyResult {
    use rt::printf::{self, Count, Layout};
    let bytes_fmt = crate::builtins::bytes::bytes_data(fmt);
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&x| x as char).collect() };
    let f_owned: String;
    let f = match &bytes_fmt {
        Some(b) => {
            f_owned = latin1(b);
            f_owned.as_str()
        }
        None => str_of(fmt).unwrap(),
    };
    let is_bytes = bytes_fmt.is_some();
    let tuple = objects::tuple_items(values);
    let args: Vec<Value> = match tuple {
        Some(t) => t.to_vec(),
        None => vec![values],
    };
    // CPython's test: anything subscriptable but a tuple or a str (or, for
    // bytes formatting, bytes and bytearray) is taken as a mapping.
    let kind = objects::type_id(values);
    let bytes_like = matches!(kind, Some(objects::BYTES | objects::BYTEARRAY));
    let is_mapping = tuple.is_none()
        && str_of(values).is_none()
        && (matches!(
            kind,
            Some(objects::DICT | objects::LIST | objects::RANGE | objects::MAPPINGPROXY)
        ) || (bytes_like && !is_bytes)
            || ops::user_special(values, "__getitem__").is_some());
    let mut out = String::with_capacity(f.len());
    let mut k = 0;
    let mut used_mapping = false;
    let mut next = |k: &mut usize| -> PyResult<Value> {
        let v = args
            .get(*k)
            .copied()
            .ok_or_else(|| exc::type_error("not enough arguments for format string"))?;
        *k += 1;
        Ok(v)
    };
    let mut rest = 0;
    while let Some(off) = f[rest..].find('%') {
        let at = rest + off;
        out.push_str(&f[rest..at]);
        let (conv, end) = printf::parse_conversion(f, at + 1).map_err(err)?;
        rest = end;
        if conv.ty == '%' {
            out.push('%');
            continue;
        }
        let star = |c: Count,
                    k: &mut usize,
                    next: &mut dyn FnMut(&mut usize) -> PyResult<Value>|
         -> PyResult<Option<i64>> {
            if c != Count::Star {
                return Ok(None);
            }
            let v = next(k)?;
            match int_of(v) {
                Some(IntVal::Small(n)) => Ok(Some(n)),
                _ => Err(exc::type_error("* wants int")),
            }
        };
        let sw = star(conv.width, &mut k, &mut next)?;
        let sp = star(conv.precision, &mut k, &mut next)?;
        let layout = Layout::resolve(&conv, sw, sp);
        let v = match &conv.key {
            Some(key) => {
                if !is_mapping {
                    return Err(exc::type_error("format requires a mapping"));
                }
                used_mapping = true;
                ops::getitem(values, objects::new_str(key))?
            }
            None => next(&mut k)?,
        };
        let text = match conv.ty {
            's' | 'b' if is_bytes => {
                let data = crate::builtins::bytes::bytes_data(v).ok_or_else(|| {
                    exc::type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        types::type_name(v)
                    ))
                })?;
                printf::format_text(&layout, &latin1(&data))
            }
            'r' | 'a' if is_bytes => {
                printf::format_text(&layout, &crate::builtins::string::ascii_of(&ops::repr(v)?))
            }
            'c' if is_bytes => {
                let byte = match crate::builtins::bytes::bytes_data(v) {
                    Some(b) if b.len() == 1 => b[0],
                    Some(_) => {
                        return Err(exc::type_error(
                            "%c requires an integer in range(256) or a single byte",
                        ))
                    }
                    None => match to_rt_int(v) {
                        Some(rt::Int::Small(n)) if (0..256).contains(&n) => n as u8,
                        Some(_) => return Err(exc::overflow_error("%c arg not in range(256)")),
                        None => {
                            return Err(exc::type_error(
                                "%c requires an integer in range(256) or a single byte",
                            ))
                        }
                    },
                };
                printf::format_text(&layout, &latin1(&[byte]))
            }
            's' => printf::format_text(&layout, &ops::str_(v)?),
            'r' => printf::format_text(&layout, &ops::repr(v)?),
            'a' => printf::format_text(&layout, &crate::builtins::string::ascii_of(&ops::repr(v)?)),
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let n = match to_rt_int(v) {
                    Some(n) => n,
                    None => {
                        let real = float_of(v).is_some()
                            || ops::user_special(v, "__int__").is_some()
                            || ops::user_special(v, "__index__").is_some();
                        if !real
                            || (conv.ty != 'd'
                                && conv.ty != 'i'
                                && conv.ty != 'u'
                                && float_of(v).is_some())
                        {
                            let what = if matches!(conv.ty, 'o' | 'x' | 'X') {
                                "an integer is required"
                            } else {
                                "a real number is required"
                            };
                            return Err(exc::type_error(format!(
                                "%{} format: {what}, not {}",
                                conv.ty,
                                types::type_name(v)
                            )));
                        }
                        to_rt_int(int_new(&[v], &[])?).unwrap()
                    }
                };
                printf::format_int(&layout, conv.ty, &n).map_err(err)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match float_of(v) {
                    Some(x) => x,
                    None => match int_of(v) {
                        Some(n) => number::int_to_f64(&n)?,
                        None => {
                            if ops::user_special(v, "__float__").is_none() {
                                return Err(exc::type_error(format!(
                                    "must be real number, not {}",
                                    types::type_name(v)
                                )));
                            }
                            float_of(float_new(&[v], &[])?).unwrap()
                        }
                    },
                };
                printf::format_float(&layout, conv.ty, x)
            }
            'c' => {
                let c = if let Some(s) = str_of(v) {
                    let mut cs = s.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => c,
                        _ => return Err(exc::type_error("%c requires int or char")),
                    }
                } else if let Some(n) = to_rt_int(v) {
                    printf::char_from_int(&n).map_err(err)?
                } else {
                    return Err(exc::type_error("%c requires int or char"));
                };
                printf::format_char(&layout, c)
            }
            other => {
                return Err(exc::value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    end - 1
                )))
            }
        };
        out.push_str(&text);
    }
    out.push_str(&f[rest..]);
    if k < args.len() && !(is_mapping && (used_mapping || args.len() == 1)) {
        return Err(exc::type_error(if is_bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    if is_bytes {
        // Every char came from a byte or from ASCII number text.
        return Ok(objects::new_bytes(out.chars().map(|c| c as u8).collect()));
    }
    Ok(objects::new_string(out))
}
