//! `str.format` templates: splitting `'a{0.x[1]!r:>{w}}b'` into literal text
//! and replacement fields, field names into their parts, and the automatic
//! field numbering rules, with CPython's errors.
//!
//! Everything is lazy, as in CPython: the template yields one chunk at a
//! time and a field name one accessor at a time, so an error in a later
//! part of the text surfaces only after the earlier fields were evaluated
//! (their `AttributeError` or `KeyError` comes first). The caller evaluates
//! fields, applies conversions and formats; a format spec that contains
//! fields (`spec_has_fields`) is itself a template, expanded one level deep
//! at most (deeper is CPython's "Max string recursion exceeded").

use super::{PyErr, PyResult};

/// Literal text followed, unless the template ends, by one field. The
/// literal is a slice of the template: `{{` and `}}` end a chunk with one
/// brace and no field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk<'a> {
    pub literal: &'a str,
    pub field: Option<Field<'a>>,
}

/// A replacement field `{name!conversion:spec}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<'a> {
    pub name: &'a str,
    /// The character after `!`, unchecked (see [`check_conversion`]).
    pub conversion: Option<char>,
    pub spec: &'a str,
    /// The spec contains `{`: it must be expanded as a template first.
    pub spec_has_fields: bool,
}

/// The chunks of a template, in order; an error ends the iteration.
pub struct Template<'a> {
    text: &'a str,
    pos: usize,
    failed: bool,
}

impl<'a> Template<'a> {
    pub fn new(text: &'a str) -> Template<'a> {
        Template {
            text,
            pos: 0,
            failed: false,
        }
    }

    fn next_chunk(&mut self) -> PyResult<Chunk<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        let Some(offset) = text[start..].find(['{', '}']) else {
            self.pos = text.len();
            return Ok(Chunk {
                literal: &text[start..],
                field: None,
            });
        };
        let brace_at = start + offset;
        let brace = bytes[brace_at];
        self.pos = brace_at + 1;
        if bytes.get(self.pos) == Some(&brace) {
            self.pos += 1;
            return Ok(Chunk {
                literal: &text[start..=brace_at],
                field: None,
            });
        }
        if brace == b'}' {
            return Err(PyErr::value("Single '}' encountered in format string"));
        }
        if self.pos >= text.len() {
            return Err(PyErr::value("Single '{' encountered in format string"));
        }
        let field = self.parse_field()?;
        Ok(Chunk {
            literal: &text[start..brace_at],
            field: Some(field),
        })
    }

    /// Reads a field just after its `{`, through its closing `}`.
    fn parse_field(&mut self) -> PyResult<Field<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        let name_start = self.pos;
        let mut end_char = None;
        while self.pos < bytes.len() {
            let c = bytes[self.pos];
            self.pos += 1;
            match c {
                b'{' => return Err(PyErr::value("unexpected '{' in field name")),
                // An index may hold `:`, `!` and `}`: skip to its `]`.
                b'[' => {
                    while self.pos < bytes.len() && bytes[self.pos] != b']' {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => {
                    end_char = Some(c);
                    break;
                }
                _ => {}
            }
        }
        let name = &text[name_start..self.pos.saturating_sub(1).max(name_start)];
        let mut field = Field {
            name,
            conversion: None,
            spec: "",
            spec_has_fields: false,
        };
        match end_char {
            Some(b'}') => return Ok(field),
            None => return Err(PyErr::value("expected '}' before end of string")),
            _ => {}
        }
        if end_char == Some(b'!') {
            let Some(c) = text[self.pos..].chars().next() else {
                return Err(PyErr::value(
                    "end of string while looking for conversion specifier",
                ));
            };
            field.conversion = Some(c);
            self.pos += c.len_utf8();
            if let Some(&after) = bytes.get(self.pos) {
                self.pos += 1;
                if after == b'}' {
                    return Ok(field);
                }
                if after != b':' {
                    return Err(PyErr::value("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = self.pos;
        let mut depth = 1;
        while self.pos < bytes.len() {
            let c = bytes[self.pos];
            self.pos += 1;
            match c {
                b'{' => {
                    field.spec_has_fields = true;
                    depth += 1;
                }
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = &text[spec_start..self.pos - 1];
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        Err(PyErr::value("unmatched '{' in format spec"))
    }
}

impl<'a> Iterator for Template<'a> {
    type Item = PyResult<Chunk<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.text.len() {
            return None;
        }
        let chunk = self.next_chunk();
        self.failed = chunk.is_err();
        Some(chunk)
    }
}

/// The conversions `!r`, `!s` and `!a`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Conversion {
    Repr,
    Str,
    Ascii,
}

/// Checks a field's conversion character, as CPython does once the field's
/// value is known.
pub fn check_conversion(c: char) -> PyResult<Conversion> {
    match c {
        'r' => Ok(Conversion::Repr),
        's' => Ok(Conversion::Str),
        'a' => Ok(Conversion::Ascii),
        c if (c as u32) > 32 && (c as u32) < 127 => {
            Err(PyErr::value(format!("Unknown conversion specifier {c}")))
        }
        c => Err(PyErr::value(format!(
            "Unknown conversion specifier \\x{:x}",
            c as u32
        ))),
    }
}

/// The first part of a field name: nothing (automatic numbering), a
/// position, or a keyword.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum FieldKey<'a> {
    Auto,
    Index(usize),
    Name(&'a str),
}

/// One step after the first part: `.attr`, `[index]` or `[key]`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Accessor<'a> {
    Attr(&'a str),
    Index(usize),
    Key(&'a str),
}

fn too_many_digits() -> PyErr {
    PyErr::value("Too many decimal digits in format string")
}

/// `Some(n)` when `text` is all ASCII digits (and not empty).
fn as_index(text: &str) -> PyResult<Option<usize>> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    text.bytes()
        .try_fold(0usize, |acc, b| {
            acc.checked_mul(10)?
                .checked_add((b - b'0') as usize)
                .filter(|&v| v <= isize::MAX as usize)
        })
        .map(Some)
        .ok_or_else(too_many_digits)
}

/// Splits a field name into its first part and the accessors after it.
pub fn split_field_name(name: &str) -> PyResult<(FieldKey<'_>, Accessors<'_>)> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let key = if first.is_empty() {
        FieldKey::Auto
    } else {
        match as_index(first)? {
            Some(i) => FieldKey::Index(i),
            None => FieldKey::Name(first),
        }
    };
    Ok((
        key,
        Accessors {
            rest: &name[first_end..],
            failed: false,
        },
    ))
}

/// The accessors of a field name, parsed one at a time.
pub struct Accessors<'a> {
    rest: &'a str,
    failed: bool,
}

impl<'a> Accessors<'a> {
    fn next_accessor(&mut self) -> PyResult<Accessor<'a>> {
        let rest = self.rest;
        let empty = || PyErr::value("Empty attribute in format string");
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            self.rest = &after[end..];
            if end == 0 {
                return Err(empty());
            }
            return Ok(Accessor::Attr(&after[..end]));
        }
        // Anything else starts with `[` (first parts and `]` stop only there).
        let after = &rest[1..];
        let close = after
            .find(']')
            .ok_or_else(|| PyErr::value("Missing ']' in format string"))?;
        let key = &after[..close];
        self.rest = &after[close + 1..];
        if key.is_empty() {
            return Err(empty());
        }
        if !self.rest.is_empty() && !self.rest.starts_with(['.', '[']) {
            // CPython reports this when reading the next accessor; the key
            // itself is still returned first.
            self.failed = true;
        }
        Ok(match as_index(key)? {
            Some(i) => Accessor::Index(i),
            None => Accessor::Key(key),
        })
    }
}

impl<'a> Iterator for Accessors<'a> {
    type Item = PyResult<Accessor<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        if self.failed {
            self.rest = "";
            return Some(Err(PyErr::value(
                "Only '.' or '[' may follow ']' in format field specifier",
            )));
        }
        let item = self.next_accessor();
        if item.is_err() {
            self.rest = "";
        }
        Some(item)
    }
}

/// The automatic numbering state of one `str.format` call (shared by the
/// fields nested in format specs): `{}` counts up, `{0}` fixes positions,
/// and mixing them is an error.
#[derive(Clone, Debug, Default)]
pub struct Numbering {
    auto_next: usize,
    used_auto: bool,
    used_manual: bool,
}

impl Numbering {
    /// The position or keyword a field's first part stands for.
    pub fn resolve<'a>(&mut self, key: FieldKey<'a>) -> PyResult<FieldKey<'a>> {
        match key {
            FieldKey::Auto => {
                if self.used_manual {
                    return Err(PyErr::value(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                self.used_auto = true;
                self.auto_next += 1;
                Ok(FieldKey::Index(self.auto_next - 1))
            }
            FieldKey::Index(_) => {
                if self.used_auto {
                    return Err(PyErr::value(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                self.used_manual = true;
                Ok(key)
            }
            FieldKey::Name(_) => Ok(key),
        }
    }
}
