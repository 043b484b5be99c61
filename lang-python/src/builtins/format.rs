//! Formatting: `format()`, `str.format`, f-string fields and `%`.
//! The format-spec mini-language itself is `runtime::format_spec`'s; this
//! file finds the fields and the values and calls `__format__`.

use super::{exc, ops, PyResult};
use crate::interp::call_object;
use crate::objects::{self, new_string, str_of, types, Value};

/// `format(v, spec)`.
pub fn format_value(v: Value, spec: &str) -> PyResult<String> {
    if let Some(f) = ops::user_special(v, "__format__") {
        let r = call_object(f, &[v, objects::new_str(spec)], &[])?;
        return str_of(r).map(str::to_string).ok_or_else(|| {
            exc::type_error(format!(
                "__format__ must return a str, not {}",
                types::type_name(r)
            ))
        });
    }
    let b = objects::base_value(v);
    if spec.is_empty() {
        return ops::str_(v);
    }
    apply_spec(b, spec)
}

/// Apply a non-empty format spec to a built-in value.
fn apply_spec(v: Value, spec: &str) -> PyResult<String> {
    crate::runtime_glue::format_builtin(v, spec)
}

/// `str.__format__` and friends reached as methods.
pub fn dunder_format(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::arg_count("__format__", args, 2, 2)?;
    let spec = str_of(args[1]).ok_or_else(|| exc::type_error("format spec must be a str"))?;
    Ok(new_string(apply_spec(args[0], spec)?))
}

/// An f-string field: conversion (0 none, 1 `!s`, 2 `!r`, 3 `!a`), then
/// the spec.
pub fn format_field(v: Value, spec: Value, conv: i64) -> PyResult {
    let v = match conv {
        1 => objects::new_string(ops::str_(v)?),
        2 => objects::new_string(ops::repr(v)?),
        3 => objects::new_string(super::string::ascii_of(&ops::repr(v)?)),
        _ => v,
    };
    let spec = if spec == 0 {
        ""
    } else {
        str_of(spec).unwrap_or("")
    };
    if spec.is_empty() {
        if let Some(s) = str_of(v) {
            return Ok(if conv == 0 { v } else { objects::new_str(s) });
        }
    }
    Ok(new_string(format_value(v, spec)?))
}

/// `str.format(*args, **kwargs)`.
pub fn str_format(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    let Some(fmt) = args.first().copied().and_then(str_of) else {
        return Err(exc::type_error(
            "descriptor 'format' requires a 'str' object",
        ));
    };
    Ok(new_string(format_str(
        fmt,
        &Fields::Args(&args[1..], kw),
        2,
    )?))
}

/// `str.format_map(mapping)`: named fields looked up in `mapping`.
pub fn str_format_map(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::method_arg_count("str", "format_map", args, 2, 2)?;
    let Some(fmt) = str_of(objects::base_value(args[0])) else {
        return Err(exc::type_error(
            "descriptor 'format_map' requires a 'str' object",
        ));
    };
    Ok(new_string(format_str(fmt, &Fields::Mapping(args[1]), 2)?))
}

/// Where a template's fields come from: the arguments of `format`, or the
/// mapping of `format_map` (which has no positional fields).
enum Fields<'a> {
    Args(&'a [Value], &'a [(Value, Value)]),
    Mapping(Value),
}

impl Fields<'_> {
    fn positional(&self, k: usize) -> PyResult {
        match self {
            Fields::Args(args, _) => args.get(k).copied().ok_or_else(|| {
                exc::index_error(format!(
                    "Replacement index {k} out of range for positional args tuple"
                ))
            }),
            Fields::Mapping(_) => Err(exc::value_error("Format string contains positional fields")),
        }
    }

    fn named(&self, name: &str) -> PyResult {
        match self {
            Fields::Args(_, kw) => {
                let key = objects::intern::intern(name);
                kw.iter()
                    .find(|(k, _)| *k == key)
                    .map(|&(_, v)| v)
                    .ok_or_else(|| exc::key_error(objects::new_str(name)))
            }
            Fields::Mapping(m) => ops::getitem(*m, objects::new_str(name)),
        }
    }
}

fn format_str(fmt: &str, fields: &Fields, depth: u32) -> PyResult<String> {
    if depth == 0 {
        return Err(exc::value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    let mut manual = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(exc::value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        match chars.get(i + 1) {
            Some('{') => {
                out.push('{');
                i += 2;
                continue;
            }
            None => return Err(exc::value_error("Single '{' encountered in format string")),
            _ => {}
        }
        // A field: up to the matching '}'.
        let mut j = i + 1;
        let mut level = 1;
        while j < chars.len() {
            match chars[j] {
                '{' => level += 1,
                '}' => {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(exc::value_error("expected '}' before end of string"));
        }
        let field: String = chars[i + 1..j].iter().collect();
        i = j + 1;
        let (name_conv, spec) = match field.find(':') {
            Some(k) if !field[..k].contains('[') || field[..k].contains(']') => {
                (field[..k].to_string(), field[k + 1..].to_string())
            }
            _ => (field.clone(), String::new()),
        };
        let (name, conv) = match name_conv.rfind('!') {
            Some(k) => (
                name_conv[..k].to_string(),
                Some(name_conv[k + 1..].to_string()),
            ),
            None => (name_conv, None),
        };
        // The first part of the name: an index, a keyword, or automatic.
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut v = if first.is_empty() {
            if manual {
                return Err(exc::value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            auto += 1;
            fields.positional(auto - 1)?
        } else if let Ok(k) = first.parse::<usize>() {
            if auto > 0 {
                return Err(exc::value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            manual = true;
            fields.positional(k)?
        } else {
            fields.named(first)?
        };
        // Then attributes and indices.
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                v = ops::getattr(v, objects::intern::intern(&r[..end]))?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r
                    .find(']')
                    .ok_or_else(|| exc::value_error("Missing ']' in format string"))?;
                let key = &r[..end];
                let k = match key.parse::<i64>() {
                    Ok(n) => objects::new_int(n),
                    Err(_) => objects::new_str(key),
                };
                v = ops::getitem(v, k)?;
                rest = &r[end + 1..];
            } else {
                return Err(exc::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
        let spec = if spec.contains('{') {
            format_str(&spec, fields, depth - 1)?
        } else {
            spec
        };
        let conv = match conv.as_deref() {
            None => 0,
            Some("s") => 1,
            Some("r") => 2,
            Some("a") => 3,
            Some(other) => {
                return Err(exc::value_error(format!(
                    "Unknown conversion specifier {other}"
                )))
            }
        };
        let r = format_field(v, objects::new_string(spec), conv)?;
        out.push_str(str_of(r).unwrap());
    }
    Ok(out)
}

/// `fmt % values`.
pub fn percent(fmt: Value, values: Value) -> PyResult {
    crate::runtime_glue::percent_format(fmt, values)
}

pub fn builtin_format(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::arg_count("format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(&s) => str_of(s).ok_or_else(|| {
            exc::type_error(format!(
                "format() argument 2 must be str, not {}",
                types::type_name(s)
            ))
        })?,
        None => "",
    };
    Ok(new_string(format_value(args[0], spec)?))
}
