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
        let text = match str_of(objects::base_value(x)) {
            Some(s) => s.to_string(),
            None => match objects::get::<objects::PyBytes>(x) {
                Some(by) => String::from_utf8_lossy(&by.b).into_owned(),
                None => {
                    return Err(exc::type_error(
                        "int() can't convert non-string with explicit base",
                    ))
                }
            },
        };
        return rt::int_text::parse_int(&text, b)
            .map(int_value)
            .map_err(err);
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
    if let Some(by) = objects::get::<objects::PyBytes>(b) {
        return rt::int_text::parse_int(&String::from_utf8_lossy(&by.b), 10)
            .map(int_value)
            .map_err(err);
    }
    Err(exc::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        types::type_name(x)
    )))
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
    let (Some(b), Some(x), Some(md)) = (
        objects::bigint_of(base),
        objects::bigint_of(e),
        objects::bigint_of(m),
    ) else {
        return Err(exc::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    };
    if md.is_zero() {
        return Err(exc::value_error("pow() 3rd argument cannot be 0"));
    }
    let (b, x) = if x.is_negative() {
        let inv = mod_inverse(&b, &md)
            .ok_or_else(|| exc::value_error("base is not invertible for the given modulus"))?;
        (inv, -x)
    } else {
        (b, x)
    };
    let r = b.modpow(&x, &md.abs());
    let r = if md.is_negative() && !r.is_zero() {
        r + md
    } else {
        r
    };
    Ok(new_bigint(
        r.mod_floor(&objects::bigint_of(m).unwrap())
            .clone()
            .max(r.clone())
            .min(r),
    ))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let e = a.mod_floor(&m).extended_gcd(&m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(&m))
}

/// `round(x)` and `round(x, n)` for ints and floats.
pub fn round(v: Value, nd: Option<Value>) -> PyResult {
    if let Some(n) = int_of(v) {
        let Some(nd) = nd else {
            return Ok(new_bigint(objects::bigint_of(v).unwrap()));
        };
        let k = number::to_index(nd)?;
        if k >= 0 {
            return Ok(new_bigint(objects::bigint_of(v).unwrap()));
        }
        let p = num_traits::pow(BigInt::from(10), (-k).min(10000) as usize);
        let x = match n {
            IntVal::Small(s) => BigInt::from(s),
            IntVal::Big(b) => b.clone(),
        };
        let (q, r) = x.div_mod_floor(&p);
        let twice = &r * 2;
        let q = if twice > p || (twice == p && q.is_odd()) {
            q + 1
        } else {
            q
        };
        return Ok(new_bigint(q * p));
    }
    let Some(x) = float_of(objects::base_value(v)) else {
        return Err(exc::type_error(format!(
            "type {} doesn't define __round__ method",
            types::type_name(v)
        )));
    };
    match nd {
        None => {
            if x.is_nan() {
                return Err(exc::value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(exc::overflow_error(
                    "cannot convert float infinity to integer",
                ));
            }
            let r = x.round();
            let r = if (x - x.trunc()).abs() == 0.5 {
                2.0 * (x / 2.0).round()
            } else {
                r
            };
            crate::builtins::math::float_to_int(r)
        }
        Some(nd) => {
            let k = number::to_index(nd)?;
            if !x.is_finite() || k > 330 {
                return Ok(new_float(x));
            }
            if k >= 0 {
                let s = format!("{:.*}", k as usize, x);
                return Ok(new_float(s.parse().unwrap_or(x)));
            }
            let p = 10f64.powi((-k).min(400) as i32);
            let y = x / p;
            let r = y.round();
            let r = if (y - y.trunc()).abs() == 0.5 {
                2.0 * (y / 2.0).round()
            } else {
                r
            };
            Ok(new_float(r * p))
        }
    }
}

/// `format(v, spec)` for built-in values.
pub fn format_builtin(v: Value, spec: &str) -> PyResult<String> {
    let t = Types::get();
    let _ = t;
    let parsed =
        SimpleSpec::parse(spec).ok_or_else(|| exc::value_error("Invalid format specifier"))?;
    let body = if let Some(f) = float_of(v) {
        parsed.float(f)?
    } else if int_of(v).is_some() && objects::type_id(v) != Some(objects::BOOL)
        || (objects::type_id(v) == Some(objects::BOOL) && parsed.ty.is_some())
    {
        let n = objects::bigint_of(v).unwrap();
        match parsed.ty {
            Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
                parsed.float(number::int_to_f64(&int_of(v).unwrap())?)?
            }
            _ => parsed.int(&n)?,
        }
    } else if let Some(s) = str_of(v) {
        if matches!(parsed.ty, Some(c) if c != 's') {
            return Err(exc::value_error(format!(
                "Unknown format code '{}' for object of type 'str'",
                parsed.ty.unwrap()
            )));
        }
        match parsed.precision {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        }
    } else {
        if !spec.is_empty() {
            return Err(exc::type_error(format!(
                "unsupported format string passed to {}.__format__",
                types::type_name(v)
            )));
        }
        ops::str_(v)?
    };
    Ok(parsed.pad(body, str_of(v).is_some()))
}

struct SimpleSpec {
    fill: char,
    align: Option<char>,
    sign: char,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

impl SimpleSpec {
    fn parse(spec: &str) -> Option<SimpleSpec> {
        let cs: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut s = SimpleSpec {
            fill: ' ',
            align: None,
            sign: '-',
            alt: false,
            zero: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
        };
        if cs.len() >= 2 && matches!(cs[1], '<' | '>' | '^' | '=') {
            s.fill = cs[0];
            s.align = Some(cs[1]);
            i = 2;
        } else if !cs.is_empty() && matches!(cs[0], '<' | '>' | '^' | '=') {
            s.align = Some(cs[0]);
            i = 1;
        }
        if i < cs.len() && matches!(cs[i], '+' | '-' | ' ') {
            s.sign = cs[i];
            i += 1;
        }
        if i < cs.len() && cs[i] == '#' {
            s.alt = true;
            i += 1;
        }
        if i < cs.len() && cs[i] == '0' {
            s.zero = true;
            i += 1;
        }
        let start = i;
        while i < cs.len() && cs[i].is_ascii_digit() {
            i += 1;
        }
        s.width = cs[start..i].iter().collect::<String>().parse().unwrap_or(0);
        if i < cs.len() && matches!(cs[i], ',' | '_') {
            s.grouping = Some(cs[i]);
            i += 1;
        }
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let start = i;
            while i < cs.len() && cs[i].is_ascii_digit() {
                i += 1;
            }
            if start == i {
                return None;
            }
            s.precision = cs[start..i].iter().collect::<String>().parse().ok();
        }
        if i < cs.len() {
            s.ty = Some(cs[i]);
            i += 1;
        }
        (i == cs.len()).then_some(s)
    }

    fn sign_of(&self, neg: bool) -> &'static str {
        match (neg, self.sign) {
            (true, _) => "-",
            (false, '+') => "+",
            (false, ' ') => " ",
            _ => "",
        }
    }

    fn group(&self, digits: &str, every: usize) -> String {
        let Some(g) = self.grouping else {
            return digits.to_string();
        };
        let cs: Vec<char> = digits.chars().collect();
        let mut out = String::new();
        for (i, c) in cs.iter().enumerate() {
            if i > 0 && (cs.len() - i) % every == 0 {
                out.push(g);
            }
            out.push(*c);
        }
        out
    }

    fn int(&self, n: &BigInt) -> PyResult<String> {
        let neg = n.is_negative();
        let m = n.magnitude();
        let (digits, prefix, every) = match self.ty {
            None | Some('d') | Some('n') => (m.to_string(), "", 3),
            Some('x') => (m.to_str_radix(16), "0x", 4),
            Some('X') => (m.to_str_radix(16).to_uppercase(), "0X", 4),
            Some('o') => (m.to_str_radix(8), "0o", 4),
            Some('b') => (m.to_str_radix(2), "0b", 4),
            Some('c') => {
                let c = num_traits::ToPrimitive::to_u32(n)
                    .and_then(char::from_u32)
                    .ok_or_else(|| exc::overflow_error("%c arg not in range(0x110000)"))?;
                return Ok(c.to_string());
            }
            Some(c) => {
                return Err(exc::value_error(format!(
                    "Unknown format code '{c}' for object of type 'int'"
                )))
            }
        };
        let digits = self.group(&digits, every);
        let prefix = if self.alt { prefix } else { "" };
        Ok(format!("{}{}\u{0}{}", self.sign_of(neg), prefix, digits))
    }

    fn float(&self, x: f64) -> PyResult<String> {
        let neg = x.is_sign_negative() && !x.is_nan();
        let a = x.abs();
        let p = self.precision;
        let body = if !a.is_finite() {
            let s = if a.is_nan() { "nan" } else { "inf" };
            if matches!(self.ty, Some('E' | 'F' | 'G')) {
                s.to_uppercase()
            } else {
                s.to_string()
            }
        } else {
            match self.ty {
                Some('f') | Some('F') => format!("{:.*}", p.unwrap_or(6), a),
                Some('%') => format!("{:.*}%", p.unwrap_or(6), a * 100.0),
                Some('e') | Some('E') => {
                    let s = sci(a, p.unwrap_or(6));
                    if self.ty == Some('E') {
                        s.to_uppercase()
                    } else {
                        s
                    }
                }
                Some('g') | Some('G') | None => {
                    if self.ty.is_none() && p.is_none() {
                        let r = rt::float_repr::repr(a);
                        r
                    } else {
                        let p = p.unwrap_or(6).max(1);
                        let exp = if a == 0.0 {
                            0
                        } else {
                            sci(a, p - 1)
                                .rsplit_once('e')
                                .unwrap()
                                .1
                                .parse::<i32>()
                                .unwrap()
                        };
                        let s = if exp < -4 || exp >= p as i32 {
                            let s = sci(a, p - 1);
                            let (m, e) = s.split_once('e').unwrap();
                            let m = if self.alt {
                                m.to_string()
                            } else {
                                trim_zeros(m)
                            };
                            format!("{m}e{e}")
                        } else {
                            let s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a);
                            if self.alt {
                                s
                            } else {
                                trim_zeros(&s)
                            }
                        };
                        let s = if self.ty.is_none() && !s.contains(['.', 'e', 'n', 'i']) {
                            format!("{s}.0")
                        } else {
                            s
                        };
                        if self.ty == Some('G') {
                            s.to_uppercase()
                        } else {
                            s
                        }
                    }
                }
                Some(c) => {
                    return Err(exc::value_error(format!(
                        "Unknown format code '{c}' for object of type 'float'"
                    )))
                }
            }
        };
        let body = match self.grouping {
            Some(_) => {
                let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                    Some(i) => (&body[..i], &body[i..]),
                    None => (&body[..], ""),
                };
                format!("{}{}", self.group(int_part, 3), rest)
            }
            None => body,
        };
        Ok(format!("{}\u{0}{}", self.sign_of(neg), body))
    }

    /// Pad `body` (sign and prefix before a NUL, then the digits) to width.
    fn pad(&self, body: String, is_str: bool) -> String {
        let (head, digits) = match body.split_once('\u{0}') {
            Some((h, d)) => (h.to_string(), d.to_string()),
            None => (String::new(), body),
        };
        let len = head.chars().count() + digits.chars().count();
        if len >= self.width {
            return format!("{head}{digits}");
        }
        let n = self.width - len;
        let (fill, align) = if self.zero && self.align.is_none() {
            ('0', '=')
        } else {
            (
                self.fill,
                self.align.unwrap_or(if is_str { '<' } else { '>' }),
            )
        };
        let f = fill.to_string();
        match align {
            '<' => format!("{head}{digits}{}", f.repeat(n)),
            '^' => format!("{}{head}{digits}{}", f.repeat(n / 2), f.repeat(n - n / 2)),
            '=' => format!("{head}{}{digits}", f.repeat(n)),
            _ => format!("{}{head}{digits}", f.repeat(n)),
        }
    }
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn sci(a: f64, p: usize) -> String {
    let s = format!("{:.*e}", p, a);
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `fmt % values`.
pub fn percent_format(fmt: Value, values: Value) -> PyResult {
    let f = str_of(fmt).unwrap();
    let args: Vec<Value> = match objects::tuple_items(values) {
        Some(t) => t.to_vec(),
        None => vec![values],
    };
    let mapping = objects::type_id(values) == Some(objects::DICT)
        || (objects::tuple_items(values).is_none()
            && ops::user_special(values, "__getitem__").is_some()
            && str_of(values).is_none());
    let mut out = String::new();
    let cs: Vec<char> = f.chars().collect();
    let mut i = 0;
    let mut k = 0;
    let next = |k: &mut usize| -> PyResult<Value> {
        let v = args
            .get(*k)
            .copied()
            .ok_or_else(|| exc::type_error("not enough arguments for format string"))?;
        *k += 1;
        Ok(v)
    };
    while i < cs.len() {
        if cs[i] != '%' {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if i < cs.len() && cs[i] == '(' {
            let end = cs[i..]
                .iter()
                .position(|&c| c == ')')
                .ok_or_else(|| exc::value_error("incomplete format key"))?
                + i;
            key = Some(cs[i + 1..end].iter().collect::<String>());
            i = end + 1;
        }
        let mut flags = String::new();
        while i < cs.len() && matches!(cs[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(cs[i]);
            i += 1;
        }
        let mut width = String::new();
        if i < cs.len() && cs[i] == '*' {
            width = number::to_index(next(&mut k)?)?.to_string();
            i += 1;
        }
        while i < cs.len() && cs[i].is_ascii_digit() {
            width.push(cs[i]);
            i += 1;
        }
        let mut prec = None;
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let mut p = String::new();
            if i < cs.len() && cs[i] == '*' {
                p = number::to_index(next(&mut k)?)?.to_string();
                i += 1;
            }
            while i < cs.len() && cs[i].is_ascii_digit() {
                p.push(cs[i]);
                i += 1;
            }
            prec = Some(p.parse::<usize>().unwrap_or(0));
        }
        let Some(&conv) = cs.get(i) else {
            return Err(exc::value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match &key {
            Some(kname) => ops::getitem(values, objects::new_str(kname))?,
            None => {
                if mapping {
                    values
                } else {
                    next(&mut k)?
                }
            }
        };
        let mut spec = String::new();
        let left = flags.contains('-');
        if left {
            spec.push('<');
        }
        if flags.contains('+') {
            spec.push('+');
        } else if flags.contains(' ') {
            spec.push(' ');
        }
        if flags.contains('#') {
            spec.push('#');
        }
        if flags.contains('0') && !left {
            spec.push('0');
        }
        spec.push_str(&width);
        let text = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => ops::str_(v)?,
                    'r' => ops::repr(v)?,
                    _ => crate::builtins::string::ascii_of(&ops::repr(v)?),
                };
                let s: String = match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                let w: usize = width.parse().unwrap_or(0);
                let n = s.chars().count();
                if n >= w {
                    s
                } else if left {
                    format!("{s}{}", " ".repeat(w - n))
                } else {
                    format!("{}{s}", " ".repeat(w - n))
                }
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = if let Some(f) = float_of(v) {
                    if conv == 'd' || conv == 'i' || conv == 'u' {
                        crate::builtins::math::float_to_int(f.trunc())?
                    } else {
                        return Err(exc::type_error(format!(
                            "%{conv} format: an integer is required, not float"
                        )));
                    }
                } else if int_of(v).is_some() {
                    v
                } else {
                    return Err(exc::type_error(format!(
                        "%{conv} format: a real number is required, not {}",
                        types::type_name(v)
                    )));
                };
                let c = if conv == 'i' || conv == 'u' {
                    'd'
                } else {
                    conv
                };
                let mut sp = spec.clone();
                if let Some(p) = prec {
                    let _ = p;
                }
                sp.push(c);
                let s = format_builtin(n, &sp)?;
                if c == 'o' && flags.contains('#') {
                    s.replace("0o", "0o")
                } else {
                    s
                }
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match float_of(v) {
                    Some(f) => f,
                    None => match int_of(v) {
                        Some(n) => number::int_to_f64(&n)?,
                        None => {
                            return Err(exc::type_error(format!(
                                "must be real number, not {}",
                                types::type_name(v)
                            )))
                        }
                    },
                };
                let mut sp = spec.clone();
                sp.push('.');
                sp.push_str(&prec.unwrap_or(6).to_string());
                sp.push(conv);
                format_builtin(new_float(x), &sp)?
            }
            'c' => {
                let s = if let Some(s) = str_of(v) {
                    s.to_string()
                } else {
                    let n = number::to_index(v)?;
                    char::from_u32(n as u32)
                        .map(String::from)
                        .ok_or_else(|| exc::overflow_error("%c arg not in range(0x110000)"))?
                };
                s
            }
            c => {
                return Err(exc::value_error(format!(
                    "unsupported format character '{c}' (0x{:x}) at index {}",
                    c as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&text);
    }
    if k < args.len() && !mapping {
        return Err(exc::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(objects::new_string(out))
}
