//! `bytes` methods: decoding, hex, and the text-like operations on byte
//! strings (strip, split, join, find, replace, case).

use super::{arg_count, exc, ops, PyResult};
use crate::objects::{self, get, new_int, str_of, types, PyBytes, Types, Value};

fn this(args: &[Value], name: &str) -> PyResult<&'static [u8]> {
    args.first()
        .and_then(|&v| get::<PyBytes>(objects::base_value(v)))
        .map(|b| &*b.b)
        .ok_or_else(|| exc::type_error(format!("descriptor '{name}' requires a 'bytes' object")))
}

fn bytes_arg(v: Value) -> PyResult<&'static [u8]> {
    get::<PyBytes>(v).map(|b| &*b.b).ok_or_else(|| {
        exc::type_error(format!(
            "a bytes-like object is required, not '{}'",
            types::type_name(v)
        ))
    })
}

pub fn methods() -> Vec<(&'static str, super::BuiltinFn)> {
    vec![
        ("decode", decode),
        ("hex", hex),
        ("fromhex", fromhex),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("split", split),
        ("join", join),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("count", count),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
    ]
}

fn decode(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("decode", args, 1, 3)?;
    let b = this(args, "decode")?;
    let enc = args
        .get(1)
        .copied()
        .or(super::kwarg(kw, "encoding"))
        .and_then(str_of)
        .unwrap_or("utf-8")
        .to_lowercase()
        .replace('_', "-");
    match enc.as_str() {
        "utf-8" | "utf8" => match std::str::from_utf8(b) {
            Ok(s) => Ok(objects::new_str(s)),
            Err(e) => Err(exc::utf8_decode_error(b, e)),
        },
        "ascii" => match b.iter().position(|&x| x >= 0x80) {
            Some(at) => Err(exc::unicode_decode_error(
                "ascii",
                b,
                at,
                at + 1,
                "ordinal not in range(128)",
            )),
            None => Ok(objects::new_str(std::str::from_utf8(b).unwrap_or(""))),
        },
        "latin-1" | "latin1" | "iso-8859-1" => {
            Ok(objects::new_string(b.iter().map(|&x| x as char).collect()))
        }
        other => Err(exc::new(
            "LookupError",
            Some(format!("unknown encoding: {other}")),
        )),
    }
}

fn hex(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("hex", args, 1, 3)?;
    let b = this(args, "hex")?;
    let sep = args.get(1).and_then(|&s| str_of(s));
    let parts: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(objects::new_string(parts.join(sep.unwrap_or(""))))
}

fn fromhex(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("fromhex", args, 2, 2)?;
    let s = str_of(args[1]).ok_or_else(|| exc::type_error("fromhex() argument must be str"))?;
    let mut out = Vec::new();
    let mut high: Option<u8> = None;
    for (i, c) in s.chars().enumerate() {
        if c == ' ' && high.is_none() {
            continue;
        }
        let Some(d) = c.to_digit(16) else {
            return Err(exc::value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            )));
        };
        match high.take() {
            Some(h) => out.push(h << 4 | d as u8),
            None => high = Some(d as u8),
        }
    }
    if high.is_some() {
        return Err(exc::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {}",
            s.chars().count()
        )));
    }
    Ok(objects::new_bytes(out))
}

fn strip_set(args: &[Value]) -> PyResult<Option<&'static [u8]>> {
    match args.get(1) {
        Some(&v) if v != Types::get().none => bytes_arg(v).map(Some),
        _ => Ok(None),
    }
}

fn strip_impl(args: &[Value], name: &str, left: bool, right: bool) -> PyResult {
    arg_count(name, args, 1, 2)?;
    let b = this(args, name)?;
    let set = strip_set(args)?;
    let strip = |x: &u8| match set {
        Some(s) => s.contains(x),
        None => x.is_ascii_whitespace() || *x == 0x0b,
    };
    let mut lo = 0;
    let mut hi = b.len();
    if left {
        while lo < hi && strip(&b[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(&b[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(objects::new_bytes(b[lo..hi].to_vec()))
}

fn strip(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    strip_impl(args, "strip", true, true)
}
fn lstrip(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    strip_impl(args, "lstrip", true, false)
}
fn rstrip(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    strip_impl(args, "rstrip", false, true)
}

fn split(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("split", args, 1, 3)?;
    let b = this(args, "split")?;
    let mut parts = objects::RootedVec::new();
    match args.get(1) {
        Some(&sep) if sep != Types::get().none => {
            let sep = bytes_arg(sep)?;
            if sep.is_empty() {
                return Err(exc::value_error("empty separator"));
            }
            let mut start = 0;
            let mut i = 0;
            while i + sep.len() <= b.len() {
                if &b[i..i + sep.len()] == sep {
                    parts.push(objects::new_bytes(b[start..i].to_vec()));
                    i += sep.len();
                    start = i;
                } else {
                    i += 1;
                }
            }
            parts.push(objects::new_bytes(b[start..].to_vec()));
        }
        _ => {
            for w in b
                .split(|x| x.is_ascii_whitespace() || *x == 0x0b)
                .filter(|w| !w.is_empty())
            {
                parts.push(objects::new_bytes(w.to_vec()));
            }
        }
    }
    Ok(objects::new_list(parts.to_vec()))
}

fn join(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("join", args, 2, 2)?;
    let sep = this(args, "join")?;
    let mut out = Vec::new();
    for (i, &x) in ops::collect(args[1])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        let item = get::<PyBytes>(x).ok_or_else(|| {
            exc::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                types::type_name(x)
            ))
        })?;
        out.extend_from_slice(&item.b);
    }
    Ok(objects::new_bytes(out))
}

fn affix(args: &[Value], name: &str, end: bool) -> PyResult {
    arg_count(name, args, 2, 2)?;
    let b = this(args, name)?;
    let check = |p: &[u8]| {
        if end {
            b.ends_with(p)
        } else {
            b.starts_with(p)
        }
    };
    if let Some(t) = objects::tuple_items(args[1]) {
        for &x in t {
            if check(bytes_arg(x)?) {
                return Ok(objects::new_bool(true));
            }
        }
        return Ok(objects::new_bool(false));
    }
    Ok(objects::new_bool(check(bytes_arg(args[1])?)))
}
fn startswith(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    affix(args, "startswith", false)
}
fn endswith(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    affix(args, "endswith", true)
}

fn needle(v: Value) -> PyResult<Vec<u8>> {
    if let Some(objects::IntVal::Small(n)) = objects::int_of(v) {
        if !(0..256).contains(&n) {
            return Err(exc::value_error("byte must be in range(0, 256)"));
        }
        return Ok(vec![n as u8]);
    }
    Ok(bytes_arg(v)?.to_vec())
}

fn find(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("find", args, 2, 2)?;
    let b = this(args, "find")?;
    let n = needle(args[1])?;
    let at = if n.is_empty() {
        Some(0)
    } else {
        b.windows(n.len()).position(|w| w == n.as_slice())
    };
    Ok(new_int(at.map_or(-1, |i| i as i64)))
}

fn count(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("count", args, 2, 2)?;
    let b = this(args, "count")?;
    let n = needle(args[1])?;
    if n.is_empty() {
        return Ok(new_int(b.len() as i64 + 1));
    }
    let (mut i, mut c) = (0, 0);
    while i + n.len() <= b.len() {
        if b[i..i + n.len()] == n[..] {
            c += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    Ok(new_int(c))
}

fn replace(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("replace", args, 3, 3)?;
    let b = this(args, "replace")?;
    let (old, new) = (bytes_arg(args[1])?, bytes_arg(args[2])?);
    if old.is_empty() {
        let mut out = new.to_vec();
        for &x in b {
            out.push(x);
            out.extend_from_slice(new);
        }
        return Ok(objects::new_bytes(out));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(old) {
            out.extend_from_slice(new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(objects::new_bytes(out))
}

fn upper(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("upper", args, 1, 1)?;
    Ok(objects::new_bytes(
        this(args, "upper")?.to_ascii_uppercase(),
    ))
}
fn lower(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("lower", args, 1, 1)?;
    Ok(objects::new_bytes(
        this(args, "lower")?.to_ascii_lowercase(),
    ))
}
