//! `%`-formatting (`printf`-style) for one conversion at a time: reading a
//! conversion specifier out of the format string, and rendering one value
//! under it. The interpreter walks the format string, fetches arguments
//! (for `*` too), converts them as CPython does (`str()`/`repr()`/`ascii()`
//! for `%s`/`%r`/`%a`, `int()` or `float()` for numbers) and calls the
//! renderer for the value's kind.
//!
//! Unlike `format()`, `%` zero-pads after the sign and prefix (`%+08.2f`
//! → `-0001.50`), never for text, and a precision on an int is a minimum
//! digit count (`%.3d` → `-005`).

use super::float_repr::{format_abs, FloatFlags, FloatStyle};
use super::{int_text, Int, PyErr, PyResult};

/// The flags `-+ #0`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// `-`: pad on the right.
    pub left: bool,
    /// `+`: always a sign.
    pub plus: bool,
    /// ` `: a space where a `+` would be.
    pub space: bool,
    /// `#`: the alternate form (prefixes, kept point).
    pub alt: bool,
    /// `0`: pad numbers with zeros after the sign.
    pub zero: bool,
}

/// A width or precision as written: absent, a number, or `*` (taken from
/// the arguments by the caller).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Count {
    Absent,
    Given(usize),
    Star,
}

/// One conversion specifier, `%[(key)][flags][width][.precision][hlL]type`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub key: Option<String>,
    pub flags: Flags,
    pub width: Count,
    pub precision: Count,
    /// The conversion character; `%` for a literal percent sign.
    pub ty: char,
}

/// Reads the conversion that starts at byte `start` of `fmt` (just after
/// its `%`); returns it and the byte index after it.
pub fn parse_conversion(fmt: &str, start: usize) -> PyResult<(Conversion, usize)> {
    let bytes = fmt.as_bytes();
    let incomplete = || PyErr::value("incomplete format");
    // Only a `%` right after the `%` is a literal; `%5%` is an error.
    if bytes.get(start) == Some(&b'%') {
        let literal = Conversion {
            key: None,
            flags: Flags::default(),
            width: Count::Absent,
            precision: Count::Absent,
            ty: '%',
        };
        return Ok((literal, start + 1));
    }
    let mut pos = start;
    let mut key = None;
    if bytes.get(pos) == Some(&b'(') {
        let mut depth = 1;
        let key_start = pos + 1;
        pos += 1;
        while depth > 0 {
            match bytes.get(pos) {
                None => return Err(PyErr::value("incomplete format key")),
                Some(b'(') => depth += 1,
                Some(b')') => depth -= 1,
                _ => {}
            }
            pos += 1;
        }
        key = Some(fmt[key_start..pos - 1].to_string());
    }
    let mut flags = Flags::default();
    loop {
        match bytes.get(pos) {
            Some(b'-') => flags.left = true,
            Some(b'+') => flags.plus = true,
            Some(b' ') => flags.space = true,
            Some(b'#') => flags.alt = true,
            Some(b'0') => flags.zero = true,
            _ => break,
        }
        pos += 1;
    }
    let width = read_count(bytes, &mut pos, "width too big", isize::MAX as usize)?;
    // CPython would try to allocate the padding and fail.
    if matches!(width, Count::Given(w) if w > u32::MAX as usize) {
        return Err(PyErr::new(super::ErrKind::MemoryError, ""));
    }
    let mut precision = Count::Absent;
    if bytes.get(pos) == Some(&b'.') {
        pos += 1;
        precision = match read_count(bytes, &mut pos, "precision too big", i32::MAX as usize)? {
            Count::Absent => Count::Given(0),
            other => other,
        };
    }
    if matches!(bytes.get(pos), Some(b'h' | b'l' | b'L')) {
        pos += 1;
    }
    let ty = fmt[pos.min(fmt.len())..]
        .chars()
        .next()
        .ok_or_else(incomplete)?;
    // `%b` is for bytes templates only: the caller rejects it in a str one
    // with this same error.
    if !matches!(
        ty,
        'd' | 'i'
            | 'u'
            | 'o'
            | 'x'
            | 'X'
            | 'e'
            | 'E'
            | 'f'
            | 'F'
            | 'g'
            | 'G'
            | 'c'
            | 's'
            | 'r'
            | 'a'
            | 'b'
    ) {
        let shown = if (' '..='~').contains(&ty) { ty } else { '?' };
        return Err(PyErr::value(format!(
            "unsupported format character '{shown}' (0x{:x}) at index {}",
            ty as u32,
            fmt[..pos].chars().count()
        )));
    }
    let conv = Conversion {
        key,
        flags,
        width,
        precision,
        ty,
    };
    Ok((conv, pos + ty.len_utf8()))
}

fn read_count(bytes: &[u8], pos: &mut usize, too_big: &str, max: usize) -> PyResult<Count> {
    if bytes.get(*pos) == Some(&b'*') {
        *pos += 1;
        return Ok(Count::Star);
    }
    let mut value: Option<usize> = None;
    while let Some(&b) = bytes.get(*pos) {
        if !b.is_ascii_digit() {
            break;
        }
        let v = value
            .unwrap_or(0)
            .checked_mul(10)
            .and_then(|v| v.checked_add((b - b'0') as usize))
            .filter(|&v| v <= max)
            .ok_or_else(|| PyErr::value(too_big))?;
        value = Some(v);
        *pos += 1;
    }
    Ok(value.map_or(Count::Absent, Count::Given))
}

/// The numbers a rendering needs, `*` already resolved by the caller.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub flags: Flags,
    pub width: usize,
    pub precision: Option<usize>,
}

impl Layout {
    /// The layout of `conv` once the caller has the values of its stars
    /// (a negative `*` width means left-justified, as in C).
    pub fn resolve(
        conv: &Conversion,
        star_width: Option<i64>,
        star_precision: Option<i64>,
    ) -> Layout {
        let mut flags = conv.flags;
        let width = match conv.width {
            Count::Given(w) => w,
            Count::Star => {
                let w = star_width.unwrap_or(0);
                if w < 0 {
                    flags.left = true;
                }
                w.unsigned_abs() as usize
            }
            Count::Absent => 0,
        };
        let precision = match conv.precision {
            Count::Given(p) => Some(p),
            Count::Star => Some(star_precision.unwrap_or(0).max(0) as usize),
            Count::Absent => None,
        };
        Layout {
            flags,
            width,
            precision,
        }
    }

    fn sign(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else if self.flags.plus {
            "+"
        } else if self.flags.space {
            " "
        } else {
            ""
        }
    }

    /// Pads a number: spaces on the right for `-`, zeros after sign and
    /// prefix for `0`, else spaces on the left.
    fn pad_number(&self, sign: &str, prefix: &str, body: &str) -> String {
        let len = sign.len() + prefix.len() + body.len();
        let padding = self.width.saturating_sub(len);
        let mut out = String::with_capacity(len + padding);
        if self.flags.left {
            out.push_str(sign);
            out.push_str(prefix);
            out.push_str(body);
            out.extend(std::iter::repeat_n(' ', padding));
        } else if self.flags.zero {
            out.push_str(sign);
            out.push_str(prefix);
            out.extend(std::iter::repeat_n('0', padding));
            out.push_str(body);
        } else {
            out.extend(std::iter::repeat_n(' ', padding));
            out.push_str(sign);
            out.push_str(prefix);
            out.push_str(body);
        }
        out
    }
}

/// `%d %i %u %o %x %X` of an int.
pub fn format_int(layout: &Layout, ty: char, v: &Int) -> PyResult<String> {
    let (mut digits, prefix) = match ty {
        'o' => (int_text::magnitude_in_base(v, 8), "0o"),
        'x' => (int_text::magnitude_in_base(v, 16), "0x"),
        'X' => (
            int_text::magnitude_in_base(v, 16).to_ascii_uppercase(),
            "0X",
        ),
        _ => {
            let text = int_text::int_to_decimal(v)?;
            (text.trim_start_matches('-').to_string(), "")
        }
    };
    if let Some(p) = layout.precision {
        if digits.len() < p {
            digits.insert_str(0, &"0".repeat(p - digits.len()));
        }
    }
    let prefix = if layout.flags.alt { prefix } else { "" };
    Ok(layout.pad_number(layout.sign(v.is_negative()), prefix, &digits))
}

/// `%e %E %f %F %g %G` of a float (precision 6 by default).
pub fn format_float(layout: &Layout, ty: char, x: f64) -> String {
    let style = match ty {
        'e' | 'E' => FloatStyle::Exp,
        'f' | 'F' => FloatStyle::Fixed,
        _ => FloatStyle::General,
    };
    let flags = FloatFlags {
        upper: ty.is_ascii_uppercase(),
        alt: layout.flags.alt,
        add_dot_0: false,
    };
    let body = format_abs(x, style, layout.precision.unwrap_or(6), flags);
    let negative = x.is_sign_negative() && !x.is_nan();
    layout.pad_number(layout.sign(negative), "", &body)
}

/// The character `%c` writes for an int argument.
pub fn char_from_int(v: &Int) -> PyResult<char> {
    let code = match v {
        Int::Small(n) => u32::try_from(*n).ok(),
        Int::Big(_) => None,
    };
    code.and_then(char::from_u32)
        .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))
}

/// `%c` of a character (from [`char_from_int`] or a one-character str):
/// padded like text, but a precision is ignored.
pub fn format_char(layout: &Layout, c: char) -> String {
    let whole = Layout {
        precision: None,
        ..*layout
    };
    format_text(&whole, c.encode_utf8(&mut [0; 4]))
}

/// `%s %r %a` of already-converted text: precision truncates, padding is
/// always spaces.
pub fn format_text(layout: &Layout, text: &str) -> String {
    let body = match layout.precision {
        Some(p) => super::truncate_chars(text, p),
        None => text,
    };
    let len = body.chars().count();
    let padding = " ".repeat(layout.width.saturating_sub(len));
    if layout.flags.left {
        format!("{body}{padding}")
    } else {
        format!("{padding}{body}")
    }
}
