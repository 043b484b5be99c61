//! `str` (and a little of `bytes`): the methods, indexing by code point,
//! `repr` with CPython's quoting and escapes, and hashing.

use super::{exc, kwarg, method_arg_count, number, ops, PyResult};
use crate::objects::{self, get, new_int, new_str, new_string, str_of, types, PyStr, Types, Value};
use crate::runtime::{is_py_space, unicode};

/// A one-character string (ASCII ones are shared).
pub fn char_str(s: &str) -> Value {
    thread_local! {
        static ASCII: Vec<Value> = (0u8..128).map(|b| {
            let v = new_str(&(b as char).to_string());
            metajit::gc::add_permanent_root(v);
            v
        }).collect();
    }
    if s.len() == 1 {
        let b = s.as_bytes()[0];
        if b < 128 {
            return ASCII.with(|a| a[b as usize]);
        }
    }
    new_str(s)
}

fn printable(c: char) -> bool {
    !(c.is_control()
        || matches!(c as u32, 0xa0 | 0xad | 0x1680 | 0x2000..=0x200f | 0x2028..=0x202f | 0x205f..=0x206f | 0x3000 | 0xfeff | 0xd800..=0xdfff | 0xe000..=0xf8ff | 0xfff9..=0xfffb)
        || (c as u32) >= 0xf0000)
}

pub fn repr_str(s: &str) -> String {
    repr_chars(s, s.chars().map(|c| c as u32))
}

/// The repr of a str value (its lone surrogates as `\udxxx`).
pub fn repr_value(s: &PyStr) -> String {
    match &s.wide {
        Some(w) => repr_chars(&s.s, w.iter().copied()),
        None => repr_str(&s.s),
    }
}

/// The repr of a str of these code points, which may include lone
/// surrogates.
pub fn repr_code_points(code_points: &[u32]) -> String {
    repr_chars(
        &objects::lossy_text(code_points),
        code_points.iter().copied(),
    )
}

/// The repr of the code points `code_points` of the text `s` (where a lone
/// surrogate is U+FFFD, which is no quote).
fn repr_chars(s: &str, code_points: impl Iterator<Item = u32>) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for code_point in code_points {
        let Some(c) = char::from_u32(code_point) else {
            out.push_str(&format!("\\u{code_point:04x}"));
            continue;
        };
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if (c as u32) < 0x7f => out.push(c),
            c if printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `ascii()`: the repr with every non-ASCII character escaped.
pub fn ascii_of(r: &str) -> String {
    let mut out = String::new();
    for c in r.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            n @ 0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            x if x as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(x as char),
            _ => out.push_str(&format!("\\x{x:02x}")),
        }
    }
    out.push(quote);
    out
}

fn this(args: &[Value], name: &str) -> PyResult<&'static str> {
    this_str(args, name).map(|p| &*p.s)
}

/// `this`, as the str object (its length and index at hand).
fn this_str(args: &[Value], name: &str) -> PyResult<&'static PyStr> {
    let v = args.first().copied().unwrap_or(0);
    get::<PyStr>(objects::base_value(v)).ok_or_else(|| {
        exc::type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            if v == 0 {
                "NoneType".into()
            } else {
                types::type_name(v)
            }
        ))
    })
}

fn str_arg(v: Value, what: &str) -> PyResult<&'static str> {
    str_of(objects::base_value(v))
        .ok_or_else(|| exc::type_error(format!("{what} must be str, not {}", types::type_name(v))))
}

/// Resolve `start`/`end` arguments (code point indices, clamped) to byte
/// offsets of `s`; `(usize::MAX, 0)` when the span is empty because it
/// starts past its end or past the string (where not even `''` is found).
fn span(p: &PyStr, args: &[Value], from: usize) -> PyResult<(usize, usize)> {
    let n = p.chars as i64;
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
    let to_byte = |ci: i64| p.byte_offset(ci as usize);
    if start > end {
        return Ok((usize::MAX, 0));
    }
    Ok((to_byte(start), to_byte(end)))
}

fn char_index(p: &PyStr, byte: usize) -> i64 {
    if p.is_ascii() {
        return byte as i64;
    }
    p.s[..byte].chars().count() as i64
}

pub fn methods() -> Vec<(&'static str, super::BuiltinFn)> {
    vec![
        ("join", join),
        ("split", split),
        ("rsplit", rsplit),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("splitlines", splitlines),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("encode", encode),
        ("expandtabs", expandtabs),
        ("maketrans", maketrans),
        ("translate", translate),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("format", super::format::str_format),
        ("format_map", super::format::str_format_map),
        ("__format__", super::format::dunder_format),
    ]
}

fn join(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("str", "join", args, 2, 2)?;
    let sep = this_str(args, "join")?;
    let items = ops::collect(args[1])?;
    // Every item is checked and measured first, so the text is made in
    // one allocation and its length is known.
    let gaps = items.len().saturating_sub(1);
    let (mut bytes, mut chars) = (sep.s.len() * gaps, sep.chars * gaps);
    for (i, &x) in items.iter().enumerate() {
        match get::<PyStr>(objects::base_value(x)) {
            Some(p) => {
                bytes += p.s.len();
                chars += p.chars;
            }
            None => {
                return Err(exc::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    types::type_name(x)
                )))
            }
        }
    }
    let mut out = String::with_capacity(bytes);
    for (i, &x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep.s);
        }
        out.push_str(str_of(objects::base_value(x)).unwrap_or_default());
    }
    Ok(objects::new_string_of_chars(out, chars))
}

fn split_args(
    name: &str,
    args: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<(Option<&'static str>, i64)> {
    super::arg_count(name, args, 1, 3)?;
    let none = Types::get().none;
    let sep = args
        .get(1)
        .copied()
        .or(kwarg(kw, "sep"))
        .filter(|&v| v != none);
    let max = args.get(2).copied().or(kwarg(kw, "maxsplit"));
    let sep = match sep {
        Some(v) => {
            let s = str_arg(v, "must be str or None").map_err(|_| {
                exc::type_error(format!("must be str or None, not {}", types::type_name(v)))
            })?;
            if s.is_empty() {
                return Err(exc::value_error("empty separator"));
            }
            Some(s)
        }
        None => None,
    };
    let max = match max {
        Some(v) => number::to_index(v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn split(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let s = this(args, "split")?;
    let (sep, max) = split_args("split", args, kw)?;
    let parts: objects::RootedVec = match sep {
        Some(sep) => {
            if max < 0 {
                s.split(sep).map(new_str).collect()
            } else {
                s.splitn(max as usize + 1, sep).map(new_str).collect()
            }
        }
        None => {
            let mut out = objects::RootedVec::new();
            let mut rest = s.trim_start_matches(is_py_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(new_str(rest));
                    break;
                }
                let end = rest.find(is_py_space).unwrap_or(rest.len());
                out.push(new_str(&rest[..end]));
                rest = rest[end..].trim_start_matches(is_py_space);
            }
            out
        }
    };
    Ok(objects::new_list(parts.to_vec()))
}

fn rsplit(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let s = this(args, "rsplit")?;
    let (sep, max) = split_args("rsplit", args, kw)?;
    let mut parts: objects::RootedVec = match sep {
        Some(sep) => {
            if max < 0 {
                s.rsplit(sep).map(new_str).collect()
            } else {
                s.rsplitn(max as usize + 1, sep).map(new_str).collect()
            }
        }
        None => {
            let mut out = objects::RootedVec::new();
            let mut rest = s.trim_end_matches(is_py_space);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(new_str(rest));
                    break;
                }
                let start = rest
                    .rfind(is_py_space)
                    .map_or(0, |i| i + rest[i..].chars().next().unwrap().len_utf8());
                out.push(new_str(&rest[start..]));
                rest = rest[..start].trim_end_matches(is_py_space);
            }
            out
        }
    };
    parts.reverse();
    Ok(objects::new_list(parts.to_vec()))
}

fn strip_chars(args: &[Value], name: &str) -> PyResult<Option<Vec<char>>> {
    method_arg_count("str", name, args, 1, 2)?;
    match args.get(1) {
        Some(&v) if v != Types::get().none => {
            let s = str_of(v)
                .ok_or_else(|| exc::type_error(format!("{name} arg must be None or str")))?;
            Ok(Some(s.chars().collect()))
        }
        _ => Ok(None),
    }
}

fn strip(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let s = this(args, "strip")?;
    Ok(new_str(match strip_chars(args, "strip")? {
        Some(cs) => s.trim_matches(|c| cs.contains(&c)),
        None => s.trim_matches(is_py_space),
    }))
}

fn lstrip(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let s = this(args, "lstrip")?;
    Ok(new_str(match strip_chars(args, "lstrip")? {
        Some(cs) => s.trim_start_matches(|c| cs.contains(&c)),
        None => s.trim_start_matches(is_py_space),
    }))
}

fn rstrip(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let s = this(args, "rstrip")?;
    Ok(new_str(match strip_chars(args, "rstrip")? {
        Some(cs) => s.trim_end_matches(|c| cs.contains(&c)),
        None => s.trim_end_matches(is_py_space),
    }))
}

fn replace(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("str", "replace", args, 3, 4)?;
    let s = this(args, "replace")?;
    let old = str_arg(args[1], "replace() argument 1")?;
    let new = str_arg(args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(&v) => number::to_index(v)?,
        None => -1,
    };
    if count < 0 {
        return Ok(new_string(s.replace(old, new)));
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(new);
        }
        return Ok(new_string(out));
    }
    Ok(new_string(s.replacen(old, new, count as usize)))
}

fn find_impl(args: &[Value], name: &str, reverse: bool) -> PyResult<i64> {
    super::arg_count(name, args, 2, 4)?;
    let s = this_str(args, name)?;
    let sub = str_arg(args[1], &format!("{name}() argument 1"))
        .map_err(|_| exc::type_error(format!("must be str, not {}", types::type_name(args[1]))))?;
    let (a, b) = span(s, args, 2)?;
    if a == usize::MAX || a > b {
        return Ok(-1);
    }
    let hay = &s.s[a..b];
    let found = if reverse {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    Ok(found.map_or(-1, |i| char_index(s, a + i)))
}

fn find(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_int(find_impl(args, "find", false)?))
}
fn rfind(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_int(find_impl(args, "rfind", true)?))
}
fn index(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let i = find_impl(args, "index", false)?;
    if i < 0 {
        return Err(exc::value_error("substring not found"));
    }
    Ok(new_int(i))
}
fn rindex(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let i = find_impl(args, "rindex", true)?;
    if i < 0 {
        return Err(exc::value_error("substring not found"));
    }
    Ok(new_int(i))
}

fn count(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::arg_count("count", args, 2, 4)?;
    let s = this_str(args, "count")?;
    let sub = str_arg(args[1], "count() argument 1")
        .map_err(|_| exc::type_error(format!("must be str, not {}", types::type_name(args[1]))))?;
    let (a, b) = span(s, args, 2)?;
    if a == usize::MAX || a > b {
        return Ok(new_int(0));
    }
    let hay = &s.s[a..b];
    if sub.is_empty() {
        return Ok(new_int(hay.chars().count() as i64 + 1));
    }
    Ok(new_int(hay.matches(sub).count() as i64))
}

fn affix(args: &[Value], name: &str, end: bool) -> PyResult {
    super::arg_count(name, args, 2, 4)?;
    let s = this_str(args, name)?;
    let (a, b) = span(s, args, 2)?;
    let part = if a == usize::MAX || a > b {
        None
    } else {
        Some(&s.s[a..b])
    };
    let check = |p: &str| {
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
            let p = str_of(x).ok_or_else(|| {
                exc::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    types::type_name(x)
                ))
            })?;
            if check(p) {
                return Ok(objects::new_bool(true));
            }
        }
        return Ok(objects::new_bool(false));
    }
    let p = str_of(objects::base_value(args[1])).ok_or_else(|| {
        exc::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            types::type_name(args[1])
        ))
    })?;
    Ok(objects::new_bool(check(p)))
}

fn startswith(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    affix(args, "startswith", false)
}
fn endswith(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    affix(args, "endswith", true)
}

fn map_str(args: &[Value], name: &str, f: impl Fn(&str) -> String) -> PyResult {
    method_arg_count("str", name, args, 1, 1)?;
    Ok(new_string(f(this(args, name)?)))
}

fn upper(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_str(args, "upper", |s| s.to_uppercase())
}
fn lower(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_str(args, "lower", |s| s.to_lowercase())
}
fn casefold(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_str(args, "casefold", |s| {
        let mut out = String::with_capacity(s.len());
        s.chars().for_each(|c| unicode::push_casefold(&mut out, c));
        out
    })
}
fn title(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_str(args, "title", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for (i, &c) in chars.iter().enumerate() {
            if prev_cased {
                unicode::push_lowercase_at(&mut out, &chars, i);
            } else {
                unicode::push_titlecase(&mut out, c);
            }
            prev_cased = unicode::is_cased(c);
        }
        out
    })
}
fn capitalize(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_str(args, "capitalize", |s| {
        let mut out = String::with_capacity(s.len());
        if let Some(first) = s.chars().next() {
            unicode::push_titlecase(&mut out, first);
            // Lowercase the whole string so that a final sigma sees the
            // first letter before it, then leave out the first letter's.
            let lowered = s.to_lowercase();
            let skip = first.to_lowercase().map(char::len_utf8).sum::<usize>();
            out.push_str(&lowered[skip..]);
        }
        out
    })
}
fn swapcase(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    map_str(args, "swapcase", |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &c) in chars.iter().enumerate() {
            if c.is_uppercase() {
                unicode::push_lowercase_at(&mut out, &chars, i);
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

fn pad_args(args: &[Value], name: &str) -> PyResult<(&'static str, usize, char)> {
    method_arg_count("str", name, args, 2, 3)?;
    let s = this(args, name)?;
    let width = number::to_index(args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(&v) => {
            let f = str_of(v).ok_or_else(|| {
                exc::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    types::type_name(v)
                ))
            })?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => {
                    return Err(exc::type_error(
                        "The fill character must be exactly one character long",
                    ))
                }
            }
        }
        None => ' ',
    };
    Ok((s, width, fill))
}

fn center(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (s, width, fill) = pad_args(args, "center")?;
    let n = s.chars().count();
    if width <= n {
        return Ok(new_str(s));
    }
    let total = width - n;
    let left = total / 2 + (total & width & 1);
    let right = total - left;
    let f = fill.to_string();
    Ok(new_string(format!(
        "{}{}{}",
        f.repeat(left),
        s,
        f.repeat(right)
    )))
}
fn ljust(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (s, width, fill) = pad_args(args, "ljust")?;
    let n = s.chars().count();
    Ok(new_string(format!(
        "{}{}",
        s,
        fill.to_string().repeat(width.saturating_sub(n))
    )))
}
fn rjust(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (s, width, fill) = pad_args(args, "rjust")?;
    let n = s.chars().count();
    Ok(new_string(format!(
        "{}{}",
        fill.to_string().repeat(width.saturating_sub(n)),
        s
    )))
}
fn zfill(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("str", "zfill", args, 2, 2)?;
    let s = this(args, "zfill")?;
    let width = number::to_index(args[1])?.max(0) as usize;
    let n = s.chars().count();
    if width <= n {
        return Ok(new_str(s));
    }
    let zeros = "0".repeat(width - n);
    Ok(new_string(match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &s[1..]),
        _ => format!("{zeros}{s}"),
    }))
}

fn partition_impl(args: &[Value], name: &str, reverse: bool) -> PyResult {
    method_arg_count("str", name, args, 2, 2)?;
    let s = this(args, name)?;
    let sep = str_arg(args[1], "must be str")
        .map_err(|_| exc::type_error(format!("must be str, not {}", types::type_name(args[1]))))?;
    if sep.is_empty() {
        return Err(exc::value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
        None if reverse => ["", "", s],
        None => [s, "", ""],
    };
    let parts: objects::RootedVec = parts.iter().map(|p| new_str(p)).collect();
    Ok(objects::new_tuple(parts.to_vec()))
}
fn partition(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    partition_impl(args, "partition", false)
}
fn rpartition(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    partition_impl(args, "rpartition", true)
}

fn splitlines(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::arg_count("splitlines", args, 1, 2)?;
    let s = this(args, "splitlines")?;
    let keep = match args.get(1).copied().or(kwarg(kw, "keepends")) {
        Some(v) => ops::truthy(v)?,
        None => false,
    };
    let mut out = objects::RootedVec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let brk = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if brk {
            let mut end = b + c.len_utf8();
            if c == '\r' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(new_str(if keep { &s[start..end] } else { &s[start..b] }));
            start = end;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(new_str(&s[start..]));
    }
    Ok(objects::new_list(out.to_vec()))
}

fn pred(args: &[Value], name: &str, f: impl Fn(&str) -> bool) -> PyResult {
    method_arg_count("str", name, args, 1, 1)?;
    Ok(objects::new_bool(f(this(args, name)?)))
}
fn isdecimal(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isdecimal", |s| {
        !s.is_empty() && s.chars().all(unicode::is_decimal)
    })
}
fn isdigit(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isdigit", |s| {
        !s.is_empty() && s.chars().all(unicode::is_digit)
    })
}
fn isnumeric(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isnumeric", |s| {
        !s.is_empty() && s.chars().all(unicode::is_numeric)
    })
}
fn isalpha(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isalpha", |s| {
        !s.is_empty() && s.chars().all(char::is_alphabetic)
    })
}
fn isalnum(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isalnum", |s| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphabetic() || unicode::is_digit(c) || unicode::is_numeric(c))
    })
}
fn isspace(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isspace", |s| {
        !s.is_empty() && s.chars().all(is_py_space)
    })
}
fn isupper(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isupper", |s| {
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
    })
}
fn islower(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "islower", |s| {
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
    })
}
fn istitle(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "istitle", |s| {
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
            if c.is_uppercase() || unicode::is_titlecase(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}
fn isidentifier(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isidentifier", |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}
fn isprintable(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isprintable", |s| {
        s.chars()
            .all(|c| c == ' ' || (printable(c) && !c.is_whitespace()))
    })
}
fn isascii(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    pred(args, "isascii", |s| s.is_ascii())
}

fn encode(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::arg_count("encode", args, 1, 3)?;
    let s = this(args, "encode")?;
    let encoding = args.get(1).copied().or(kwarg(kw, "encoding"));
    let errors = args.get(2).copied().or(kwarg(kw, "errors"));
    let (codec, errors) = super::bytes::codec_args(encoding, errors, "encode")?;
    let surrogates = get::<PyStr>(objects::base_value(args[0])).and_then(|s| s.wide.as_ref());
    match surrogates {
        Some(w) => crate::runtime::codecs::encode_code_points(w, codec, errors),
        None => crate::runtime::codecs::encode(s, codec, errors),
    }
    .map(objects::new_bytes)
    .map_err(super::bytes::codec_error)
}

/// `str.maketrans(x[, y[, z]])` (bound to the class): the table that
/// `translate` reads, a dict from code points to code points, strings or
/// None.
fn maketrans(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let args = args.get(1..).unwrap_or_default();
    if args.is_empty() || args.len() > 3 {
        let bound = if args.is_empty() { "least" } else { "most" };
        let n = args.len();
        return Err(exc::type_error(format!(
            "maketrans expected at {bound} {} argument{}, got {n}",
            if n == 0 { 1 } else { 3 },
            if n == 0 { "" } else { "s" }
        )));
    }
    let table = objects::new_dict();
    let code = |c: char| new_int(c as i64);
    if args.len() == 1 {
        if objects::type_id(args[0]) != Some(objects::DICT) {
            return Err(exc::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        for (k, v) in super::dict::items(args[0]) {
            let key = if let Some(ks) = str_of(objects::base_value(k)) {
                let mut cs = ks.chars();
                match (cs.next(), cs.next()) {
                    (Some(c), None) => code(c),
                    _ => {
                        return Err(exc::value_error(
                            "string keys in translate table must be of length 1",
                        ))
                    }
                }
            } else if objects::int_of(k).is_some() {
                k
            } else {
                return Err(exc::type_error(
                    "keys in translate table must be strings or integers",
                ));
            };
            super::dict::set_item(table, key, v)?;
        }
        return Ok(table);
    }
    let from = str_of(objects::base_value(args[0])).ok_or_else(|| {
        exc::type_error("first maketrans argument must be a string if there is a second argument")
    })?;
    let text = |i: usize| {
        str_of(objects::base_value(args[i])).ok_or_else(|| {
            exc::type_error(format!(
                "maketrans() argument {} must be str, not {}",
                i + 1,
                types::type_name(args[i])
            ))
        })
    };
    let to = text(1)?;
    let delete = if args.len() == 3 { text(2)? } else { "" };
    if from.chars().count() != to.chars().count() {
        return Err(exc::value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in from.chars().zip(to.chars()) {
        super::dict::set_item(table, code(a), code(b))?;
    }
    for c in delete.chars() {
        super::dict::set_item(table, code(c), Types::get().none)?;
    }
    Ok(table)
}

/// `str.translate(table)`: each character looked up by code point with
/// `table[...]`; a LookupError keeps it, None drops it, an int or a str
/// replaces it.
fn translate(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("str", "translate", args, 2, 2)?;
    let s = this(args, "translate")?;
    let table = args[1];
    let none = Types::get().none;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped = match ops::getitem(table, new_int(c as i64)) {
            Ok(v) => v,
            Err(e) if exc::is_instance(e, "LookupError") => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if mapped == none {
            continue;
        }
        if let Some(t) = str_of(objects::base_value(mapped)) {
            out.push_str(t);
        } else if let Some(n) = objects::int_of(mapped) {
            let c = match n {
                objects::IntVal::Small(k) => u32::try_from(k).ok().and_then(char::from_u32),
                objects::IntVal::Big(_) => None,
            };
            out.push(
                c.ok_or_else(|| exc::value_error("character mapping must be in range(0x110000)"))?,
            );
        } else {
            return Err(exc::type_error(
                "character mapping must return integer, None or str",
            ));
        }
    }
    Ok(new_string(out))
}

fn expandtabs(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::arg_count("expandtabs", args, 1, 2)?;
    let s = this(args, "expandtabs")?;
    let size = match args.get(1).copied().or(kwarg(kw, "tabsize")) {
        Some(v) => number::to_index(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_string(out))
}

fn removeprefix(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("str", "removeprefix", args, 2, 2)?;
    let s = this(args, "removeprefix")?;
    let p = str_arg(args[1], "removeprefix() argument")?;
    Ok(new_str(s.strip_prefix(p).unwrap_or(s)))
}
fn removesuffix(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    method_arg_count("str", "removesuffix", args, 2, 2)?;
    let s = this(args, "removesuffix")?;
    let p = str_arg(args[1], "removesuffix() argument")?;
    Ok(new_str(s.strip_suffix(p).unwrap_or(s)))
}

/// `s[i]` by code point.
pub fn index_char(v: Value, i: i64) -> PyResult {
    let s = get::<PyStr>(v).unwrap();
    let n = s.chars as i64;
    let k = if i < 0 { i + n } else { i };
    if k < 0 || k >= n {
        return Err(exc::index_error("string index out of range"));
    }
    if s.is_ascii() {
        let k = k as usize;
        return Ok(char_str(&s.s[k..k + 1]));
    }
    if let Some(w) = &s.wide {
        return Ok(objects::new_str_of_code_points(
            &w[k as usize..k as usize + 1],
        ));
    }
    let at = s.byte_offset(k as usize);
    let c = s.s[at..].chars().next().unwrap();
    let mut buf = [0u8; 4];
    Ok(char_str(c.encode_utf8(&mut buf)))
}

/// `s[start:stop:step]` with resolved indices.
pub fn slice(v: Value, indices: &[i64]) -> Value {
    let s = get::<PyStr>(v).unwrap();
    if s.is_ascii() {
        let b = s.s.as_bytes();
        let out: String = indices.iter().map(|&i| b[i as usize] as char).collect();
        return new_string(out);
    }
    let chars: Vec<char> = s.s.chars().collect();
    new_string(indices.iter().map(|&i| chars[i as usize]).collect())
}
