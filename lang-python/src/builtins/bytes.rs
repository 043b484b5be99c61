//! `bytes` and `bytearray`: their methods (one implementation for both,
//! the result of the receiver's type), the bytearray mutators, the
//! constructors, and decoding.
//!
//! A method reads its receiver as a copy when it is a bytearray (a
//! [`Cow`]): a method may run Python code (an argument's `__index__`,
//! an iterable), which may change the bytearray, so no borrow of its
//! buffer is held across one. The mutators borrow only for the edit.

use super::{arg_count, exc, kwarg, method_arg_count, number, ops, PyResult};
use crate::objects::{self, get, new_int, str_of, types, PyByteArray, PyBytes, Types, Value};
use crate::runtime::codecs::{self, Codec, CodecError};
use std::borrow::Cow;

/// The bytes of a bytes or bytearray object (a copy for bytearray).
pub fn bytes_data(v: Value) -> Option<Cow<'static, [u8]>> {
    let v = objects::base_value(v);
    if let Some(b) = get::<PyBytes>(v) {
        return Some(Cow::Borrowed(&b.b));
    }
    get::<PyByteArray>(v).map(|b| Cow::Owned(b.b.borrow().clone()))
}

/// Is `v` a bytearray (or an instance of a subclass)?
pub fn is_bytearray(v: Value) -> bool {
    get::<PyByteArray>(objects::base_value(v)).is_some()
}

/// A new object of the receiver's kind: bytes, or bytearray when
/// `mutable`.
fn make(mutable: bool, b: Vec<u8>) -> Value {
    if mutable {
        objects::new_bytearray(b)
    } else {
        objects::new_bytes(b)
    }
}

/// The receiver: its bytes and whether it is a bytearray.
fn this(args: &[Value], name: &str) -> PyResult<(Cow<'static, [u8]>, bool)> {
    let v = receiver(args, "bytes", name)?;
    match bytes_data(v) {
        Some(b) => Ok((b, is_bytearray(v))),
        None => Err(not_receiver("bytes", name, v)),
    }
}

/// The receiver of method `ty.name`, which an unbound call may lack.
fn receiver(args: &[Value], ty: &str, name: &str) -> PyResult<Value> {
    args.first()
        .copied()
        .ok_or_else(|| exc::type_error(format!("unbound method {ty}.{name}() needs an argument")))
}

fn not_receiver(ty: &str, name: &str, v: Value) -> Value {
    exc::type_error(format!(
        "descriptor '{name}' for '{ty}' objects doesn't apply to a '{}' object",
        types::type_name(v)
    ))
}

fn bytes_arg(v: Value) -> PyResult<Cow<'static, [u8]>> {
    bytes_data(v).ok_or_else(|| {
        exc::type_error(format!(
            "a bytes-like object is required, not '{}'",
            types::type_name(v)
        ))
    })
}

/// The most bytes one object may hold; beyond it `MemoryError`, as CPython
/// raises when the allocation fails (rather than aborting).
const MAX_SIZE: usize = 1 << 34;

/// `n` bytes, or `MemoryError` when that is more than an object may hold.
fn checked_size(n: usize) -> PyResult<usize> {
    if n > MAX_SIZE {
        return Err(exc::new("MemoryError", None));
    }
    Ok(n)
}

/// A byte value from an int (`ValueError` outside 0..256).
fn byte_value(v: Value) -> PyResult<u8> {
    let n = number::to_index(v)?;
    u8::try_from(n).map_err(|_| exc::value_error("byte must be in range(0, 256)"))
}

/// The bytes `bytes(x)`/`bytearray(x)` make of `x` (with `encoding` for
/// a str): a count of zeros, a buffer's copy, or an iterable of ints.
pub fn from_object(args: &[Value], kw: &[(Value, Value)], name: &str) -> PyResult<Vec<u8>> {
    let source = args.first().copied().or(kwarg(kw, "source"));
    let encoding = args.get(1).copied().or(kwarg(kw, "encoding"));
    let errors = args.get(2).copied().or(kwarg(kw, "errors"));
    let Some(v) = source else {
        return Ok(Vec::new());
    };
    if let Some(s) = str_of(objects::base_value(v)) {
        if encoding.is_none() {
            return Err(exc::type_error("string argument without an encoding"));
        }
        let (codec, errors) = codec_args(encoding, errors, name)?;
        return codecs::encode(s, codec, errors).map_err(codec_error);
    }
    if encoding.is_some() {
        return Err(exc::type_error("encoding without a string argument"));
    }
    if let Some(b) = bytes_data(v) {
        return Ok(b.into_owned());
    }
    if let Some(n) = objects::int_of(v) {
        return match n {
            objects::IntVal::Small(n) if n >= 0 => Ok(vec![0; checked_size(n as usize)?]),
            objects::IntVal::Small(_) => Err(exc::value_error("negative count")),
            objects::IntVal::Big(_) => Err(exc::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            )),
        };
    }
    let items = ops::collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for &x in items.iter() {
        let n = number::to_index(x)?;
        out.push(u8::try_from(n).map_err(|_| exc::value_error("bytes must be in range(0, 256)"))?);
    }
    Ok(out)
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
        ("rsplit", rsplit),
        ("splitlines", splitlines),
        ("join", join),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("replace", replace),
        ("upper", upper),
        ("lower", lower),
        ("swapcase", swapcase),
        ("title", title),
        ("capitalize", capitalize),
        ("partition", partition),
        ("rpartition", rpartition),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("isalpha", isalpha),
        ("isdigit", isdigit),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("islower", islower),
        ("isupper", isupper),
        ("istitle", istitle),
        ("isascii", isascii),
        ("expandtabs", expandtabs),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("translate", translate),
        ("maketrans", maketrans),
    ]
}

/// `bytes`' methods plus the in-place ones of `bytearray`.
pub fn bytearray_methods() -> Vec<(&'static str, super::BuiltinFn)> {
    let mut all = methods();
    all.extend([
        ("append", append as super::BuiltinFn),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
    ]);
    all
}

fn decode(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("decode", args, 1, 3)?;
    let (b, _) = this(args, "decode")?;
    let encoding = args.get(1).copied().or(super::kwarg(kw, "encoding"));
    let errors = args.get(2).copied().or(super::kwarg(kw, "errors"));
    decode_with(&b, encoding, errors, "decode")
}

/// Decode `b` with the codec and error handler named by `encoding` and
/// `errors` (str objects; UTF-8 and strict when absent): `bytes.decode`
/// and `str(b, encoding, errors)`.
pub fn decode_with(
    b: &[u8],
    encoding: Option<Value>,
    errors: Option<Value>,
    func: &str,
) -> PyResult {
    let (codec, errors) = codec_args(encoding, errors, func)?;
    codecs::decode(b, codec, errors)
        .map(objects::new_string)
        .map_err(codec_error)
}

/// The codec and error handler name of an `encode`/`decode` call.
pub fn codec_args(
    encoding: Option<Value>,
    errors: Option<Value>,
    func: &str,
) -> PyResult<(Codec, &'static str)> {
    let text = |v: Option<Value>, what: &str, default: &'static str| match v {
        None => Ok(default),
        Some(v) => str_of(objects::base_value(v)).ok_or_else(|| {
            exc::type_error(format!(
                "{func}() argument '{what}' must be str, not {}",
                types::type_name(v)
            ))
        }),
    };
    let name = text(encoding, "encoding", "utf-8")?;
    let errors = text(errors, "errors", "strict")?;
    let codec = Codec::lookup(name)
        .ok_or_else(|| exc::new("LookupError", Some(format!("unknown encoding: {name}"))))?;
    Ok((codec, errors))
}

/// The exception for a codec failure, with CPython's message.
pub fn codec_error(e: CodecError) -> Value {
    match &e {
        CodecError::Decode {
            codec,
            bytes,
            start,
            end,
            reason,
        } => exc::unicode_decode_error(codec, bytes, *start, *end, reason),
        CodecError::Encode { .. } => exc::new("UnicodeEncodeError", Some(e.message())),
        CodecError::UnknownHandler(_) => exc::new("LookupError", Some(e.message())),
    }
}

fn hex(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("hex", args, 1, 3)?;
    let (b, _) = this(args, "hex")?;
    let sep = match args.get(1).copied().or(kwarg(kw, "sep")) {
        None => None,
        Some(v) => {
            let text = match bytes_data(v) {
                Some(d) => d.iter().map(|&x| x as char).collect(),
                None => str_of(v)
                    .ok_or_else(|| exc::type_error("sep must be str or bytes."))?
                    .to_string(),
            };
            if text.chars().count() != 1 {
                return Err(exc::value_error("sep must be length 1."));
            }
            Some(text)
        }
    };
    let group = match args.get(2).copied().or(kwarg(kw, "bytes_per_sep")) {
        Some(v) => number::to_index(v)?,
        None => 1,
    };
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep.filter(|_| group != 0) else {
        return Ok(objects::new_string(digits.concat()));
    };
    // Groups of |group| bytes, counted from the right when positive.
    let size = group.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::with_capacity(3 * n);
    for (i, d) in digits.iter().enumerate() {
        let boundary = if group > 0 {
            (n - i).is_multiple_of(size)
        } else {
            i.is_multiple_of(size)
        };
        if i > 0 && boundary {
            out.push_str(&sep);
        }
        out.push_str(d);
    }
    Ok(objects::new_string(out))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (bound to the class).
fn fromhex(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("fromhex", args, 2, 2)?;
    let s = str_of(objects::base_value(args[1])).ok_or_else(|| {
        exc::type_error(format!(
            "fromhex() argument must be str, not {}",
            types::type_name(args[1])
        ))
    })?;
    let mut out = Vec::new();
    let mut high: Option<u8> = None;
    for (i, c) in s.chars().enumerate() {
        if c.is_ascii_whitespace() && high.is_none() {
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
    Ok(make(args[0] == Types::get().bytearray, out))
}

/// Python's `bytes.isspace()` bytes: ASCII whitespace with `\x0b`.
fn is_space(x: u8) -> bool {
    matches!(x, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn strip_impl(args: &[Value], name: &str, left: bool, right: bool) -> PyResult {
    method_arg_count("bytes", name, args, 1, 2)?;
    let (b, mutable) = this(args, name)?;
    let set = match args.get(1) {
        Some(&v) if v != Types::get().none => Some(bytes_arg(v)?),
        _ => None,
    };
    let strip = |x: u8| match &set {
        Some(s) => s.contains(&x),
        None => is_space(x),
    };
    let mut lo = 0;
    let mut hi = b.len();
    if left {
        while lo < hi && strip(b[lo]) {
            lo += 1;
        }
    }
    if right {
        while hi > lo && strip(b[hi - 1]) {
            hi -= 1;
        }
    }
    Ok(make(mutable, b[lo..hi].to_vec()))
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

/// The pieces of `b` split at `sep` (runs of whitespace when `None`), at
/// most `max` splits (all when negative), from the right when `reverse`;
/// in order.
fn split_pieces(b: &[u8], sep: Option<&[u8]>, max: i64, reverse: bool) -> Vec<Vec<u8>> {
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    let limit = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some(sep) => {
            let mut rest = b;
            while pieces.len() < limit {
                let found = if reverse {
                    find_sub(rest, sep, true)
                } else {
                    find_sub(rest, sep, false)
                };
                let Some(at) = found else { break };
                if reverse {
                    pieces.push(rest[at + sep.len()..].to_vec());
                    rest = &rest[..at];
                } else {
                    pieces.push(rest[..at].to_vec());
                    rest = &rest[at + sep.len()..];
                }
            }
            pieces.push(rest.to_vec());
        }
        None => {
            let (mut lo, mut hi) = (0, b.len());
            loop {
                if reverse {
                    while hi > lo && is_space(b[hi - 1]) {
                        hi -= 1;
                    }
                } else {
                    while lo < hi && is_space(b[lo]) {
                        lo += 1;
                    }
                }
                if lo >= hi {
                    break;
                }
                if pieces.len() == limit {
                    pieces.push(b[lo..hi].to_vec());
                    break;
                }
                if reverse {
                    let mut start = hi;
                    while start > lo && !is_space(b[start - 1]) {
                        start -= 1;
                    }
                    pieces.push(b[start..hi].to_vec());
                    hi = start;
                } else {
                    let mut end = lo;
                    while end < hi && !is_space(b[end]) {
                        end += 1;
                    }
                    pieces.push(b[lo..end].to_vec());
                    lo = end;
                }
            }
        }
    }
    if reverse {
        pieces.reverse();
    }
    pieces
}

fn split_impl(args: &[Value], kw: &[(Value, Value)], name: &str, reverse: bool) -> PyResult {
    arg_count(name, args, 1, 3)?;
    let (b, mutable) = this(args, name)?;
    let none = Types::get().none;
    let sep = match args.get(1).copied().or(kwarg(kw, "sep")) {
        Some(v) if v != none => {
            let sep = bytes_arg(v)?;
            if sep.is_empty() {
                return Err(exc::value_error("empty separator"));
            }
            Some(sep)
        }
        _ => None,
    };
    let max = match args.get(2).copied().or(kwarg(kw, "maxsplit")) {
        Some(v) => number::to_index(v)?,
        None => -1,
    };
    let parts: objects::RootedVec = split_pieces(&b, sep.as_deref(), max, reverse)
        .into_iter()
        .map(|p| make(mutable, p))
        .collect();
    Ok(objects::new_list(parts.to_vec()))
}

fn split(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    split_impl(args, kw, "split", false)
}
fn rsplit(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    split_impl(args, kw, "rsplit", true)
}

fn splitlines(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("splitlines", args, 1, 2)?;
    let (b, mutable) = this(args, "splitlines")?;
    let keep = match args.get(1).copied().or(kwarg(kw, "keepends")) {
        Some(v) => ops::truthy(v)?,
        None => false,
    };
    let mut out = objects::RootedVec::new();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut end = i + 1;
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(make(mutable, b[start..if keep { end } else { i }].to_vec()));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < b.len() {
        out.push(make(mutable, b[start..].to_vec()));
    }
    Ok(objects::new_list(out.to_vec()))
}

fn join(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytes", "join", args, 2, 2)?;
    let (sep, mutable) = this(args, "join")?;
    let items = ops::collect(args[1])?;
    let mut out = Vec::new();
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        let item = bytes_data(x).ok_or_else(|| {
            exc::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                types::type_name(x)
            ))
        })?;
        out.extend_from_slice(&item);
    }
    Ok(make(mutable, out))
}

/// Resolve optional `start`/`end` arguments at `args[from..]` to a range
/// of `b`; `None` when the range starts past the end.
fn span(n: usize, args: &[Value], from: usize) -> PyResult<Option<(usize, usize)>> {
    let n = n as i64;
    let none = Types::get().none;
    let get = |i: usize, default: i64| -> PyResult<i64> {
        match args.get(i) {
            Some(&v) if v != none => {
                let k = number::to_index(v)?;
                Ok(if k < 0 { (k + n).max(0) } else { k })
            }
            _ => Ok(default),
        }
    };
    let start = get(from, 0)?;
    let end = get(from + 1, n)?.min(n);
    Ok((start <= end).then_some((start as usize, end as usize)))
}

fn affix(args: &[Value], name: &str, end: bool) -> PyResult {
    arg_count(name, args, 2, 4)?;
    let (b, _) = this(args, name)?;
    let part = span(b.len(), args, 2)?.map(|(lo, hi)| &b[lo..hi]);
    let check = |p: &[u8]| {
        part.is_some_and(|h| {
            if end {
                h.ends_with(p)
            } else {
                h.starts_with(p)
            }
        })
    };
    if let Some(t) = objects::tuple_items(args[1]) {
        for &x in t {
            if check(&bytes_arg(x)?) {
                return Ok(objects::new_bool(true));
            }
        }
        return Ok(objects::new_bool(false));
    }
    let p = bytes_data(args[1]).ok_or_else(|| {
        exc::type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            types::type_name(args[1])
        ))
    })?;
    Ok(objects::new_bool(check(&p)))
}
fn startswith(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    affix(args, "startswith", false)
}
fn endswith(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    affix(args, "endswith", true)
}

/// The byte string to look for: bytes-like, or an int as one byte.
fn needle(v: Value) -> PyResult<Cow<'static, [u8]>> {
    if objects::int_of(v).is_some() {
        return Ok(Cow::Owned(vec![byte_value(v)?]));
    }
    bytes_data(v).ok_or_else(|| {
        exc::type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            types::type_name(v)
        ))
    })
}

/// The first (last when `reverse`) index of `sub` in `hay`.
fn find_sub(hay: &[u8], sub: &[u8], reverse: bool) -> Option<usize> {
    if sub.len() > hay.len() {
        return None;
    }
    let mut at = (0..=hay.len() - sub.len()).filter(|&i| &hay[i..i + sub.len()] == sub);
    if reverse {
        at.next_back()
    } else {
        at.next()
    }
}

fn find_impl(args: &[Value], name: &str, reverse: bool) -> PyResult<i64> {
    arg_count(name, args, 2, 4)?;
    let (b, _) = this(args, name)?;
    let sub = needle(args[1])?;
    let Some((lo, hi)) = span(b.len(), args, 2)? else {
        return Ok(-1);
    };
    Ok(find_sub(&b[lo..hi], &sub, reverse).map_or(-1, |i| (lo + i) as i64))
}
fn find(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_int(find_impl(args, "find", false)?))
}
fn rfind(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_int(find_impl(args, "rfind", true)?))
}
fn index(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    match find_impl(args, "index", false)? {
        -1 => Err(exc::value_error("subsection not found")),
        i => Ok(new_int(i)),
    }
}
fn rindex(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    match find_impl(args, "rindex", true)? {
        -1 => Err(exc::value_error("subsection not found")),
        i => Ok(new_int(i)),
    }
}

fn count(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("count", args, 2, 4)?;
    let (b, _) = this(args, "count")?;
    let sub = needle(args[1])?;
    let Some((lo, hi)) = span(b.len(), args, 2)? else {
        return Ok(new_int(0));
    };
    let hay = &b[lo..hi];
    if sub.is_empty() {
        return Ok(new_int(hay.len() as i64 + 1));
    }
    let (mut i, mut c) = (0, 0);
    while i + sub.len() <= hay.len() {
        if hay[i..i + sub.len()] == sub[..] {
            c += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    Ok(new_int(c))
}

fn replace(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytes", "replace", args, 3, 4)?;
    let (b, mutable) = this(args, "replace")?;
    let (old, new) = (bytes_arg(args[1])?, bytes_arg(args[2])?);
    let mut left = match args.get(3) {
        Some(&v) => number::to_index(v)?,
        None => -1,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    if old.is_empty() {
        for &x in b.iter() {
            if left != 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(x);
        }
        if left != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(make(mutable, out));
    }
    while i < b.len() {
        if left != 0 && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            left -= 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(make(mutable, out))
}

fn map_bytes(args: &[Value], name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult {
    method_arg_count("bytes", name, args, 1, 1)?;
    let (b, mutable) = this(args, name)?;
    Ok(make(mutable, f(&b)))
}
fn upper(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_bytes(args, "upper", |b| b.to_ascii_uppercase())
}
fn lower(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_bytes(args, "lower", |b| b.to_ascii_lowercase())
}
fn swapcase(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_bytes(args, "swapcase", |b| {
        b.iter()
            .map(|&x| if x.is_ascii_alphabetic() { x ^ 0x20 } else { x })
            .collect()
    })
}
fn title(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_bytes(args, "title", |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&x| {
                let y = if prev_cased {
                    x.to_ascii_lowercase()
                } else {
                    x.to_ascii_uppercase()
                };
                prev_cased = x.is_ascii_alphabetic();
                y
            })
            .collect()
    })
}
fn capitalize(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_bytes(args, "capitalize", |b| {
        b.iter()
            .enumerate()
            .map(|(i, x)| {
                if i == 0 {
                    x.to_ascii_uppercase()
                } else {
                    x.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn partition_impl(args: &[Value], name: &str, reverse: bool) -> PyResult {
    method_arg_count("bytes", name, args, 2, 2)?;
    let (b, mutable) = this(args, name)?;
    let sep = bytes_arg(args[1])?;
    if sep.is_empty() {
        return Err(exc::value_error("empty separator"));
    }
    let parts: [&[u8]; 3] = match find_sub(&b, &sep, reverse) {
        Some(i) => [&b[..i], &sep, &b[i + sep.len()..]],
        None if reverse => [b"", b"", &b],
        None => [&b, b"", b""],
    };
    let parts: objects::RootedVec = parts.iter().map(|p| make(mutable, p.to_vec())).collect();
    Ok(objects::new_tuple(parts.to_vec()))
}
fn partition(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    partition_impl(args, "partition", false)
}
fn rpartition(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    partition_impl(args, "rpartition", true)
}

/// The receiver, width and fill byte of `center`/`ljust`/`rjust`.
fn pad_args(args: &[Value], name: &str) -> PyResult<(Cow<'static, [u8]>, bool, usize, u8)> {
    method_arg_count("bytes", name, args, 2, 3)?;
    let (b, mutable) = this(args, name)?;
    let width = checked_size(number::to_index(args[1])?.max(0) as usize)?;
    let fill = match args.get(2) {
        None => b' ',
        Some(&v) => match bytes_data(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(exc::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    types::type_name(v)
                )))
            }
        },
    };
    Ok((b, mutable, width, fill))
}
fn padded(b: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut out = vec![fill; left];
    out.extend_from_slice(b);
    out.resize(out.len() + right, fill);
    out
}
fn center(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (b, mutable, width, fill) = pad_args(args, "center")?;
    let total = width.saturating_sub(b.len());
    let left = total / 2 + (total & width & 1);
    Ok(make(mutable, padded(&b, left, total - left, fill)))
}
fn ljust(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (b, mutable, width, fill) = pad_args(args, "ljust")?;
    Ok(make(
        mutable,
        padded(&b, 0, width.saturating_sub(b.len()), fill),
    ))
}
fn rjust(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (b, mutable, width, fill) = pad_args(args, "rjust")?;
    Ok(make(
        mutable,
        padded(&b, width.saturating_sub(b.len()), 0, fill),
    ))
}
fn zfill(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytes", "zfill", args, 2, 2)?;
    let (b, mutable) = this(args, "zfill")?;
    let width = checked_size(number::to_index(args[1])?.max(0) as usize)?;
    let zeros = width.saturating_sub(b.len());
    let mut out = padded(&b, zeros, 0, b'0');
    if zeros > 0 && matches!(b.first(), Some(b'+' | b'-')) {
        out.swap(0, zeros);
    }
    Ok(make(mutable, out))
}

fn pred(args: &[Value], name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult {
    method_arg_count("bytes", name, args, 1, 1)?;
    let (b, _) = this(args, name)?;
    Ok(objects::new_bool(f(&b)))
}
fn isalpha(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isalpha", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
    })
}
fn isdigit(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isdigit", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_digit)
    })
}
fn isalnum(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isalnum", |b| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
    })
}
fn isspace(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isspace", |b| {
        !b.is_empty() && b.iter().all(|&x| is_space(x))
    })
}
fn islower(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "islower", |b| {
        b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase)
    })
}
fn isupper(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isupper", |b| {
        b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase)
    })
}
fn istitle(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "istitle", |b| {
        let (mut prev_cased, mut any) = (false, false);
        for x in b {
            if x.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if x.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}
fn isascii(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isascii", |b| b.is_ascii())
}

fn expandtabs(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("expandtabs", args, 1, 2)?;
    let (b, mutable) = this(args, "expandtabs")?;
    let size = match args.get(1).copied().or(kwarg(kw, "tabsize")) {
        Some(v) => number::to_index(v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut col = 0i64;
    for &x in b.iter() {
        match x {
            b'\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.resize(out.len() + n as usize, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(x);
                col = 0;
            }
            _ => {
                out.push(x);
                col += 1;
            }
        }
    }
    Ok(make(mutable, out))
}

fn removeprefix(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytes", "removeprefix", args, 2, 2)?;
    let (b, mutable) = this(args, "removeprefix")?;
    let p = bytes_arg(args[1])?;
    Ok(make(mutable, b.strip_prefix(&*p).unwrap_or(&b).to_vec()))
}
fn removesuffix(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytes", "removesuffix", args, 2, 2)?;
    let (b, mutable) = this(args, "removesuffix")?;
    let p = bytes_arg(args[1])?;
    Ok(make(mutable, b.strip_suffix(&*p).unwrap_or(&b).to_vec()))
}

/// `b.translate(table, delete=b'')`: `table` is 256 bytes or None.
fn translate(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    arg_count("translate", args, 2, 3)?;
    let (b, mutable) = this(args, "translate")?;
    let table = match args[1] {
        v if v == Types::get().none => None,
        v => {
            let t = bytes_arg(v)?;
            if t.len() != 256 {
                return Err(exc::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match args.get(2).copied().or(kwarg(kw, "delete")) {
        Some(v) => bytes_arg(v)?,
        None => Cow::Borrowed(&[][..]),
    };
    let out = b
        .iter()
        .filter(|x| !delete.contains(x))
        .map(|&x| table.as_ref().map_or(x, |t| t[x as usize]))
        .collect();
    Ok(make(mutable, out))
}

/// `bytes.maketrans(from, to)` (bound to the class): the 256-byte table.
fn maketrans(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("maketrans", args, 3, 3)?;
    let (from, to) = (bytes_arg(args[1])?, bytes_arg(args[2])?);
    if from.len() != to.len() {
        return Err(exc::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&a, &b) in from.iter().zip(to.iter()) {
        table[a as usize] = b;
    }
    Ok(objects::new_bytes(table))
}

// The bytearray mutators.

fn buffer(args: &[Value], name: &str) -> PyResult<&'static PyByteArray> {
    let v = receiver(args, "bytearray", name)?;
    get::<PyByteArray>(objects::base_value(v)).ok_or_else(|| not_receiver("bytearray", name, v))
}

fn append(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "append", args, 2, 2)?;
    let buf = buffer(args, "append")?;
    let x = byte_value(args[1])?;
    buf.b.borrow_mut().push(x);
    Ok(Types::get().none)
}

fn extend(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "extend", args, 2, 2)?;
    let buf = buffer(args, "extend")?;
    let v = args[1];
    let data = match bytes_data(v) {
        Some(d) => d.into_owned(),
        None => {
            if str_of(objects::base_value(v)).is_some() {
                return Err(exc::type_error("expected iterable of integers; got: 'str'"));
            }
            let items = ops::collect(v).map_err(|e| {
                if exc::is_instance(e, "TypeError") {
                    exc::type_error(format!(
                        "can't extend bytearray with {}",
                        types::type_name(v)
                    ))
                } else {
                    e
                }
            })?;
            let mut out = Vec::with_capacity(items.len());
            for &x in items.iter() {
                out.push(byte_value(x)?);
            }
            out
        }
    };
    buf.b.borrow_mut().extend_from_slice(&data);
    Ok(Types::get().none)
}

fn pop(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "pop", args, 1, 2)?;
    let buf = buffer(args, "pop")?;
    let at = match args.get(1) {
        Some(&v) => number::to_index(v)?,
        None => -1,
    };
    let mut b = buf.b.borrow_mut();
    if b.is_empty() {
        return Err(exc::index_error("pop from empty bytearray"));
    }
    let n = b.len() as i64;
    let k = if at < 0 { at + n } else { at };
    if !(0..n).contains(&k) {
        return Err(exc::index_error("pop index out of range"));
    }
    Ok(new_int(b.remove(k as usize) as i64))
}

fn insert(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "insert", args, 3, 3)?;
    let buf = buffer(args, "insert")?;
    let at = number::to_index(args[1])?;
    let x = byte_value(args[2])?;
    let mut b = buf.b.borrow_mut();
    let n = b.len() as i64;
    let k = if at < 0 { (at + n).max(0) } else { at.min(n) };
    b.insert(k as usize, x);
    Ok(Types::get().none)
}

fn remove(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "remove", args, 2, 2)?;
    let buf = buffer(args, "remove")?;
    let x = byte_value(args[1])?;
    let mut b = buf.b.borrow_mut();
    let at = b
        .iter()
        .position(|&y| y == x)
        .ok_or_else(|| exc::value_error("value not found in bytearray"))?;
    b.remove(at);
    Ok(Types::get().none)
}

fn reverse(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "reverse", args, 1, 1)?;
    buffer(args, "reverse")?.b.borrow_mut().reverse();
    Ok(Types::get().none)
}

fn clear(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "clear", args, 1, 1)?;
    buffer(args, "clear")?.b.borrow_mut().clear();
    Ok(Types::get().none)
}

fn copy(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("bytearray", "copy", args, 1, 1)?;
    let data = buffer(args, "copy")?.b.borrow().clone();
    Ok(objects::new_bytearray(data))
}

/// `ba[key] = v` (`v` 0: `del ba[key]`) for an int index or a slice.
pub fn set_item(obj: Value, key: Value, v: Value) -> PyResult<()> {
    let buf = get::<PyByteArray>(obj).expect("a bytearray");
    let n = buf.b.borrow().len() as i64;
    if let Some(s) = get::<objects::PySlice>(key) {
        let (start, stop, step) = super::slice_indices(s, || buf.b.borrow().len() as i64)?;
        let data = if v == 0 {
            Vec::new()
        } else if let Some(d) = bytes_data(v) {
            d.into_owned()
        } else if objects::int_of(v).is_some() || str_of(objects::base_value(v)).is_some() {
            return Err(exc::type_error(
                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
            ));
        } else {
            let items = ops::collect(v)?;
            let mut out = Vec::with_capacity(items.len());
            for &x in items.iter() {
                out.push(byte_value(x)?);
            }
            out
        };
        let mut b = buf.b.borrow_mut();
        if step == 1 {
            let (lo, hi) = (start as usize, (stop.max(start)) as usize);
            b.splice(lo..hi, data);
            return Ok(());
        }
        let positions = super::slice_positions(start, stop, step);
        // Assigning nothing to an extended slice deletes it (bytearray
        // only; a list would complain about the sizes).
        if data.is_empty() {
            let mut doomed = positions;
            doomed.sort_unstable();
            for &i in doomed.iter().rev() {
                b.remove(i as usize);
            }
            return Ok(());
        }
        if positions.len() != data.len() {
            return Err(exc::value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                data.len(),
                positions.len()
            )));
        }
        for (&i, &x) in positions.iter().zip(data.iter()) {
            b[i as usize] = x;
        }
        return Ok(());
    }
    let i = number::to_index(key).map_err(|_| {
        exc::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            types::type_name(key)
        ))
    })?;
    let k = if i < 0 { i + n } else { i };
    if !(0..n).contains(&k) {
        return Err(exc::index_error("bytearray index out of range"));
    }
    if v == 0 {
        buf.b.borrow_mut().remove(k as usize);
    } else {
        let x = byte_value(v)?;
        buf.b.borrow_mut()[k as usize] = x;
    }
    Ok(())
}

/// `ba += x` and `ba *= n`, in place.
pub fn inplace(op: crate::bytecode::BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    let buf = get::<PyByteArray>(a).expect("a bytearray");
    match op {
        crate::bytecode::BinOp::Add => {
            let Some(data) = bytes_data(b) else {
                return Err(exc::type_error(format!(
                    "can't concat {} to bytearray",
                    types::type_name(b)
                )));
            };
            buf.b.borrow_mut().extend_from_slice(&data);
            Ok(Some(a))
        }
        crate::bytecode::BinOp::Mul if objects::int_of(b).is_some() => {
            let n = number::to_index(b)?.max(0) as usize;
            checked_size(buf.b.borrow().len().saturating_mul(n))?;
            let mut data = buf.b.borrow_mut();
            let once = data.clone();
            *data = once.repeat(n);
            Ok(Some(a))
        }
        _ => Ok(None),
    }
}
