//! Python's numeric and text core as pure functions over Rust values: no
//! Python objects and no GC, so each piece is tested on its own against
//! CPython 3.11's output and the interpreter glues it to its objects.
//!
//! Every failure is a returned [`PyErr`] carrying the exception kind and
//! CPython's exact message; nothing here panics on any input. Integers are
//! `i64` where they fit and `BigInt` beyond; [`Int`] holds either, and every
//! `Int` made here is in its smallest form (build yours with `Int::from_big`),
//! so a caller can match on `Int::Small` for the fast path.

pub mod arith;
pub mod codecs;
pub mod float_repr;
pub mod float_text;
pub mod format_spec;
pub mod format_template;
pub mod hash;
pub mod int_text;
pub mod mersenne;
pub mod printf;
pub mod unicode;

use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::fmt;

/// The Python exception classes that the functions here can raise.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrKind {
    ValueError,
    TypeError,
    OverflowError,
    ZeroDivisionError,
    IndexError,
    MemoryError,
}

/// A Python exception to raise: its class and its message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    pub kind: ErrKind,
    pub msg: String,
}

impl PyErr {
    pub fn new(kind: ErrKind, msg: impl Into<String>) -> PyErr {
        PyErr {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::ValueError, msg)
    }
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::TypeError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::OverflowError, msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ErrKind::ZeroDivisionError, msg)
    }
}

impl fmt::Display for PyErr {
    /// As CPython prints the last line of a traceback: `ValueError: msg`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.msg.is_empty() {
            write!(f, "{:?}", self.kind)
        } else {
            write!(f, "{:?}: {}", self.kind, self.msg)
        }
    }
}

pub type PyResult<T> = Result<T, PyErr>;

/// A Python int: `Small` whenever the value fits an `i64`, else `Big`. The
/// functions here rely on that (a zero is always `Small(0)`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Big(BigInt),
}

impl Int {
    /// The normalized form of `b`: `Small` if it fits.
    pub fn from_big(b: BigInt) -> Int {
        match b.to_i64() {
            Some(v) => Int::Small(v),
            None => Int::Big(b),
        }
    }

    /// The value as a `BigInt`, borrowed when it is one already.
    pub fn as_big(&self) -> std::borrow::Cow<'_, BigInt> {
        match self {
            Int::Small(v) => std::borrow::Cow::Owned(BigInt::from(*v)),
            Int::Big(b) => std::borrow::Cow::Borrowed(b),
        }
    }

    /// The value as a `BigInt` (a copy for `Big`).
    pub fn to_big(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Big(b) => b.clone(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.sign() == num_bigint::Sign::Minus,
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int::Small(v)
    }
}

impl From<BigInt> for Int {
    fn from(b: BigInt) -> Int {
        Int::from_big(b)
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Big(b) => write!(f, "{b}"),
        }
    }
}

/// Python's `str.isspace()`: Rust's Unicode whitespace plus the ASCII
/// separators U+001C..U+001F that Python also counts.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// C's `isspace` in the C locale, which `int()` and `float()` strip once
/// Unicode spaces are spaces: not U+001C..U+001F.
pub(crate) fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// The code points of the Unicode (14.0, as CPython 3.11) decimal digit
/// zeros; each starts a run of ten digits 0..9.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit (`str.isdecimal()`), as `int()` and
/// `float()` read them: `'٣'` is 3.
pub fn decimal_digit_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
    let zero = DECIMAL_ZEROS[i.checked_sub(1)?];
    (cp - zero < 10).then_some(cp - zero)
}

/// The text that `int()` and `float()` parse: Unicode whitespace becomes a
/// space, Unicode decimal digits their ASCII digit, any other non-ASCII
/// character a byte (`\x01`) that no grammar accepts. As CPython does
/// before parsing, so the parsers need only know ASCII.
pub(crate) fn numeric_ascii(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_py_space(c) {
                ' '
            } else if let Some(d) = decimal_digit_value(c) {
                char::from(b'0' + d as u8)
            } else {
                '\x01'
            }
        })
        .collect::<String>()
        .into()
}

/// Inclusive code point ranges that `repr()` escapes: the categories Cc,
/// Cf, Co, Zs (except the space), Zl and Zp of Unicode 14.0. Unassigned
/// code points (Cn), which CPython also escapes, are printed as they are.
const UNPRINTABLE: [(u32, u32); 28] = [
    (0x0, 0x1f),
    (0x7f, 0xa0),
    (0xad, 0xad),
    (0x600, 0x605),
    (0x61c, 0x61c),
    (0x6dd, 0x6dd),
    (0x70f, 0x70f),
    (0x890, 0x891),
    (0x8e2, 0x8e2),
    (0x1680, 0x1680),
    (0x180e, 0x180e),
    (0x2000, 0x200f),
    (0x2028, 0x202f),
    (0x205f, 0x2064),
    (0x2066, 0x206f),
    (0x3000, 0x3000),
    (0xe000, 0xf8ff),
    (0xfeff, 0xfeff),
    (0xfff9, 0xfffb),
    (0x110bd, 0x110bd),
    (0x110cd, 0x110cd),
    (0x13430, 0x13438),
    (0x1bca0, 0x1bca3),
    (0x1d173, 0x1d17a),
    (0xe0001, 0xe0001),
    (0xe0020, 0xe007f),
    (0xf0000, 0xffffd),
    (0x100000, 0x10fffd),
];

fn is_printable(c: char) -> bool {
    let cp = c as u32;
    let i = UNPRINTABLE.partition_point(|&(lo, _)| lo <= cp);
    i == 0 || UNPRINTABLE[i - 1].1 < cp
}

/// `repr(s)` for a str: single quotes unless the text has a `'` and no `"`,
/// backslash escapes for the quote, `\\`, `\t\n\r` and unprintable characters.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp < 0x100 {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// The first `n` characters of `text`: CPython's `%.200R` in error messages.
pub(crate) fn truncate_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}
