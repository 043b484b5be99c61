//! `format(value, spec)` for ints, floats and strs: CPython's format
//! specification mini-language `[[fill]align][sign][z][#][0][width]
//! [grouping][.precision][type]`, with its error messages and their order.
//!
//! A spec is parsed once into [`FormatSpec`] (parsing depends on the value's
//! kind only through the default alignment and type, and the name in error
//! messages), then each kind builds its body (sign, prefix, digits) and
//! [`FormatSpec`] pads it. The float layouts are `float_repr`'s, so `format`
//! and `%` round and lay out digits identically.

use super::float_repr::{format_abs, FloatFlags, FloatStyle};
use super::{arith, int_text, Int, PyErr, PyResult};

/// What is being formatted: it decides the defaults and the error wording.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Int,
    Float,
    Str,
}

impl Kind {
    fn type_name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Str => "str",
        }
    }
    fn default_align(self) -> char {
        if self == Kind::Str {
            '<'
        } else {
            '>'
        }
    }
}

/// A parsed format specification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// `<`, `>`, `^` or `=`; `None` for the kind's default.
    pub align: Option<char>,
    /// `-`, `+` or ` `; `None` when absent (which acts as `-`).
    pub sign: Option<char>,
    /// `z`: a negative zero after rounding is written without its sign.
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    pub width: usize,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type, `None` when absent.
    pub ty: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

/// Reads a run of decimal digits at `pos` into a count.
fn read_count(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    while *pos < chars.len() && chars[*pos].is_ascii_digit() {
        let d = chars[*pos] as usize - '0' as usize;
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| PyErr::value("Too many decimal digits in format string"))?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// Parses `spec` for a value of `kind`, with CPython's errors for a
/// malformed spec and for grouping with a type that has none.
pub fn parse(spec: &str, kind: Kind) -> PyResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    };
    let mut pos = 0;
    let mut fill_given = false;
    if chars.len() >= 2 && is_align(chars[1]) {
        out.fill = chars[0];
        out.align = Some(chars[1]);
        fill_given = true;
        pos = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        out.fill = '0';
        if out.align.is_none() && kind.default_align() == '>' {
            out.align = Some('=');
        }
        pos += 1;
    }
    out.width = read_count(&chars, &mut pos)?.unwrap_or(0);
    if let Some(&c @ (',' | '_')) = chars.get(pos) {
        out.grouping = Some(c);
        pos += 1;
        if let Some(&second @ (',' | '_')) = chars.get(pos) {
            return Err(PyErr::value(if second == c {
                format!("Cannot specify '{c}' with '{c}'.")
            } else {
                "Cannot specify both ',' and '_'.".to_string()
            }));
        }
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = Some(
            read_count(&chars, &mut pos)?
                .ok_or_else(|| PyErr::value("Format specifier missing precision"))?,
        );
    }
    if chars.len() - pos > 1 {
        return Err(PyErr::value(format!(
            "Invalid format specifier '{spec}' for object of type '{}'",
            kind.type_name()
        )));
    }
    out.ty = chars.get(pos).copied();
    // CPython would try to allocate the padding and fail.
    if out.width > u32::MAX as usize {
        return Err(PyErr::new(super::ErrKind::MemoryError, ""));
    }
    if let Some(sep) = out.grouping {
        let ty = out.ty.or(match kind {
            Kind::Int => Some('d'),
            Kind::Str => Some('s'),
            Kind::Float => None,
        });
        let ok = match ty {
            None => true,
            Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            Some(_) => false,
        };
        if !ok {
            return Err(PyErr::value(format!(
                "Cannot specify '{sep}' with '{}'.",
                shown_code(ty.unwrap_or(' '))
            )));
        }
    }
    Ok(out)
}

/// A type character as CPython's messages show it: printable ASCII as it
/// is, anything else as `\x` and its hex code.
fn shown_code(ty: char) -> String {
    let code = ty as u32;
    if code > 32 && code < 128 {
        ty.to_string()
    } else {
        format!("\\x{code:x}")
    }
}

fn unknown_code(ty: char, kind: Kind) -> PyErr {
    PyErr::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        shown_code(ty),
        kind.type_name()
    ))
}

impl FormatSpec {
    /// Pads `sign + prefix + body` to the width: `=` puts the fill between
    /// the prefix and the body, `^` puts the odd fill character on the right.
    fn pad(&self, sign: &str, prefix: &str, body: String, kind: Kind) -> String {
        let len = sign.len() + prefix.len() + body.chars().count();
        if len >= self.width && sign.is_empty() && prefix.is_empty() {
            return body;
        }
        let mut out = String::with_capacity(self.width.max(len) * self.fill.len_utf8());
        let padding = self.width.saturating_sub(len);
        let fill = |out: &mut String, n: usize| out.extend(std::iter::repeat_n(self.fill, n));
        match self.align.unwrap_or(kind.default_align()) {
            '<' => {
                out.push_str(sign);
                out.push_str(prefix);
                out.push_str(&body);
                fill(&mut out, padding);
            }
            '^' => {
                fill(&mut out, padding / 2);
                out.push_str(sign);
                out.push_str(prefix);
                out.push_str(&body);
                fill(&mut out, padding - padding / 2);
            }
            '=' => {
                out.push_str(sign);
                out.push_str(prefix);
                fill(&mut out, padding);
                out.push_str(&body);
            }
            _ => {
                fill(&mut out, padding);
                out.push_str(sign);
                out.push_str(prefix);
                out.push_str(&body);
            }
        }
        out
    }

    fn sign_text(&self, negative: bool) -> &'static str {
        match (negative, self.sign) {
            (true, _) => "-",
            (false, Some('+')) => "+",
            (false, Some(' ')) => " ",
            _ => "",
        }
    }

    /// Groups the leading digit run of `body` with the separator every
    /// `interval` digits. With zero padding (`0` fill, `=` alignment) the
    /// zeros join the grouped digits, as CPython writes `0,001,234`.
    fn group(&self, body: String, interval: usize, room: usize) -> String {
        let Some(sep) = self.grouping else {
            return body;
        };
        // An int's body is all digits (hex ones too); a float's digit run
        // ends at its point or exponent.
        let digits_end = if interval == 3 {
            body.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len())
        } else {
            body.len()
        };
        let (int_part, rest) = body.split_at(digits_end);
        let mut count = int_part.len();
        if self.fill == '0' && self.align == Some('=') {
            // The grouped digits may use all the room the rest leaves.
            let target = room.saturating_sub(rest.chars().count());
            while count + (count.max(1) - 1) / interval < target {
                count += 1;
            }
        }
        let zeros = count - int_part.len();
        let all: Vec<u8> = std::iter::repeat_n(b'0', zeros)
            .chain(int_part.bytes())
            .collect();
        let mut out = String::with_capacity(all.len() * 2 + rest.len());
        for (i, &d) in all.iter().enumerate() {
            if i > 0 && (all.len() - i).is_multiple_of(interval) {
                out.push(sep);
            }
            out.push(d as char);
        }
        out.push_str(rest);
        out
    }
}

/// `format(v, spec)` for an int.
pub fn format_int(v: &Int, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return int_text::int_to_decimal(v);
    }
    let s = parse(spec, Kind::Int)?;
    let ty = s.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'n' | 'o' | 'x' | 'X' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_spec(arith::to_f64(v)?, &s);
        }
        other => return Err(unknown_code(other, Kind::Int)),
    }
    if s.precision.is_some() {
        return Err(PyErr::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if s.no_neg_zero {
        return Err(PyErr::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(PyErr::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if s.alternate {
            return Err(PyErr::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Int::Small(n) = v else {
            return Err(PyErr::overflow("Python int too large to convert to C long"));
        };
        let c = u32::try_from(*n)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
        return Ok(s.pad("", "", c.to_string(), Kind::Int));
    }
    let negative = v.is_negative();
    let (digits, prefix, interval) = match ty {
        'b' => (int_text::magnitude_in_base(v, 2), "0b", 4),
        'o' => (int_text::magnitude_in_base(v, 8), "0o", 4),
        'x' => (int_text::magnitude_in_base(v, 16), "0x", 4),
        'X' => (
            int_text::magnitude_in_base(v, 16).to_ascii_uppercase(),
            "0X",
            4,
        ),
        _ => {
            let text = int_text::int_to_decimal(v)?;
            let digits = text.strip_prefix('-').unwrap_or(&text).to_string();
            (digits, "", 3)
        }
    };
    let prefix = if s.alternate { prefix } else { "" };
    let sign = s.sign_text(negative);
    let room = s.width.saturating_sub(sign.len() + prefix.len());
    let body = s.group(digits, interval, room);
    Ok(s.pad(sign, prefix, body, Kind::Int))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(super::float_repr::repr(x));
    }
    format_float_spec(x, &parse(spec, Kind::Float)?)
}

fn format_float_spec(x: f64, s: &FormatSpec) -> PyResult<String> {
    let mut flags = FloatFlags {
        upper: false,
        alt: s.alternate,
        add_dot_0: false,
    };
    let mut value = x;
    let mut suffix = "";
    // A NUL type character is C's end of string: no type.
    let (style, precision) = match s.ty.filter(|&t| t != '\0') {
        None => {
            flags.add_dot_0 = true;
            match s.precision {
                None => (FloatStyle::Repr, 0),
                Some(p) => (FloatStyle::General, p),
            }
        }
        Some(ty @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => {
            flags.upper = ty.is_ascii_uppercase();
            let p = s.precision.unwrap_or(6);
            match ty {
                'e' | 'E' => (FloatStyle::Exp, p),
                'f' | 'F' => (FloatStyle::Fixed, p),
                '%' => {
                    value *= 100.0;
                    suffix = "%";
                    (FloatStyle::Fixed, p)
                }
                _ => (FloatStyle::General, p),
            }
        }
        Some(other) => return Err(unknown_code(other, Kind::Float)),
    };
    if precision > i32::MAX as usize {
        return Err(PyErr::value("precision too big"));
    }
    let mut body = format_abs(value, style, precision, flags);
    body.push_str(suffix);
    let mut negative = value.is_sign_negative() && !value.is_nan();
    if negative
        && s.no_neg_zero
        && value.is_finite()
        && body.bytes().all(|b| !(b'1'..=b'9').contains(&b))
    {
        negative = false;
    }
    let sign = s.sign_text(negative);
    let room = s.width.saturating_sub(sign.len());
    let body = if value.is_finite() {
        s.group(body, 3, room)
    } else {
        body
    };
    Ok(s.pad(sign, "", body, Kind::Float))
}

/// `format(text, spec)` for a str: precision truncates, left aligned.
pub fn format_str(text: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(text.to_string());
    }
    let s = parse(spec, Kind::Str)?;
    match s.ty {
        None | Some('s') => {}
        Some(other) => return Err(unknown_code(other, Kind::Str)),
    }
    match s.sign {
        Some(' ') => return Err(PyErr::value("Space not allowed in string format specifier")),
        Some(_) => return Err(PyErr::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if s.no_neg_zero {
        return Err(PyErr::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if s.alternate {
        return Err(PyErr::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(PyErr::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let body = match s.precision {
        Some(p) => super::truncate_chars(text, p),
        None => text,
    };
    Ok(s.pad("", "", body.to_string(), Kind::Str))
}
