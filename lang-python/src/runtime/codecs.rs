//! The text codecs `str.encode` and `bytes.decode` know (UTF-8, ASCII,
//! Latin-1, UTF-16 and UTF-32 in both byte orders) with Python's error
//! handlers, as pure functions over Rust strings and bytes.
//!
//! A failure is a [`CodecError`] saying which codec, which span of the
//! input and why, from which the interpreter builds CPython's
//! `UnicodeEncodeError`/`UnicodeDecodeError` message ([`CodecError::message`]).
//! Like CPython's strict encoder, an error covers the whole run of
//! characters that cannot be encoded, not just the first.

/// A codec, found from any of the names Python's registry accepts for it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// UTF-16/UTF-32 with a byte order mark (`None`: native order, the
    /// mark written first and read if present) or without (`Some(big)`).
    Utf16(Option<bool>),
    Utf32(Option<bool>),
}

impl Codec {
    /// The codec called `name` (case, `_` and spaces as Python ignores
    /// them); `None` when Python would raise `LookupError`.
    pub fn lookup(name: &str) -> Option<Codec> {
        let name = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match name.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us-ascii" | "646" | "us" => Codec::Ascii,
            "latin-1" | "latin1" | "latin" | "l1" | "iso-8859-1" | "iso8859-1" | "8859"
            | "cp819" | "iso-ir-100" => Codec::Latin1,
            "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
            "utf-16-le" | "utf-16le" => Codec::Utf16(Some(false)),
            "utf-16-be" | "utf-16be" => Codec::Utf16(Some(true)),
            "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
            "utf-32-le" | "utf-32le" => Codec::Utf32(Some(false)),
            "utf-32-be" | "utf-32be" => Codec::Utf32(Some(true)),
            _ => return None,
        })
    }

    /// The name CPython's messages use.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(false)) => "utf-16-le",
            Codec::Utf16(Some(true)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(false)) => "utf-32-le",
            Codec::Utf32(Some(true)) => "utf-32-be",
        }
    }
}

/// How to go on past input a codec cannot handle (`errors=`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

impl Handler {
    /// The handler called `name`; `Err(name)` for one Python does not know
    /// (`LookupError: unknown error handler name`, raised only once an
    /// error needs it, as in CPython).
    pub fn lookup(name: &str) -> Result<Handler, String> {
        Ok(match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            other => return Err(other.to_string()),
        })
    }
}

/// A codec failure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError {
    /// Characters `start..end` (code point indices) of `text` cannot be
    /// encoded.
    Encode {
        codec: &'static str,
        text: Vec<u32>,
        start: usize,
        end: usize,
        reason: &'static str,
    },
    /// Bytes `start..end` cannot be decoded.
    Decode {
        codec: &'static str,
        bytes: Vec<u8>,
        start: usize,
        end: usize,
        reason: &'static str,
    },
    /// An error handler Python does not know was needed.
    UnknownHandler(String),
}

impl CodecError {
    /// CPython's `str()` of the exception.
    pub fn message(&self) -> String {
        match self {
            CodecError::Encode {
                codec,
                text,
                start,
                end,
                reason,
            } => {
                if end - start == 1 {
                    let c = text[*start];
                    let shown = match c {
                        0..=0xff => format!("\\x{c:02x}"),
                        0x100..=0xffff => format!("\\u{c:04x}"),
                        _ => format!("\\U{c:08x}"),
                    };
                    format!("'{codec}' codec can't encode character '{shown}' in position {start}: {reason}")
                } else {
                    format!(
                        "'{codec}' codec can't encode characters in position {start}-{}: {reason}",
                        end - 1
                    )
                }
            }
            CodecError::Decode {
                codec,
                bytes,
                start,
                end,
                reason,
            } => {
                if end - start == 1 {
                    format!(
                        "'{codec}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                        bytes[*start]
                    )
                } else {
                    format!(
                        "'{codec}' codec can't decode bytes in position {start}-{}: {reason}",
                        end - 1
                    )
                }
            }
            CodecError::UnknownHandler(name) => format!("unknown error handler name '{name}'"),
        }
    }
}

/// `s.encode(codec, errors)`.
pub fn encode(s: &str, codec: Codec, errors: &str) -> Result<Vec<u8>, CodecError> {
    match codec {
        // Rust text has no lone surrogates: every character encodes.
        Codec::Utf8 => Ok(s.as_bytes().to_vec()),
        Codec::Utf16(_) | Codec::Utf32(_) => {
            let mut out = Vec::with_capacity(4 * s.len() + 4);
            start_unicode(&mut out, codec);
            for c in s.chars() {
                push_unicode(&mut out, codec, c);
            }
            Ok(out)
        }
        Codec::Ascii | Codec::Latin1 => {
            let code_points: Vec<u32> = s.chars().map(u32::from).collect();
            encode_code_points(&code_points, codec, errors)
        }
    }
}

/// The encoding of text given as code points, which may include lone
/// surrogates: no codec here encodes those ("surrogates not allowed").
pub fn encode_code_points(text: &[u32], codec: Codec, errors: &str) -> Result<Vec<u8>, CodecError> {
    let (limit, reason) = match codec {
        Codec::Ascii => (0x80, "ordinal not in range(128)"),
        Codec::Latin1 => (0x100, "ordinal not in range(256)"),
        _ => (0x110000, "surrogates not allowed"),
    };
    let encodable = |c: u32| c < limit && !(0xD800..0xE000).contains(&c);
    let mut out = Vec::with_capacity(text.len());
    start_unicode(&mut out, codec);
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if encodable(c) {
            match (codec, char::from_u32(c)) {
                (Codec::Ascii | Codec::Latin1, _) => out.push(c as u8),
                (_, Some(c)) => push_unicode(&mut out, codec, c),
                (_, None) => {}
            }
            i += 1;
            continue;
        }
        // CPython's UTF-16 and UTF-32 encoders report one character at a
        // time, the others the whole run.
        let end = match codec {
            Codec::Utf16(_) | Codec::Utf32(_) => i + 1,
            _ => i + text[i..].iter().take_while(|&&c| !encodable(c)).count(),
        };
        match Handler::lookup(errors).map_err(CodecError::UnknownHandler)? {
            Handler::Strict => {
                return Err(CodecError::Encode {
                    codec: codec.name(),
                    start: i,
                    end,
                    reason,
                    text: text.to_vec(),
                })
            }
            Handler::Ignore => {}
            Handler::Replace => {
                for _ in i..end {
                    push_unicode(&mut out, codec, '?');
                }
            }
            Handler::BackslashReplace => {
                for &c in &text[i..end] {
                    for b in backslash_escape(c).chars() {
                        push_unicode(&mut out, codec, b);
                    }
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in &text[i..end] {
                    for b in format!("&#{c};").chars() {
                        push_unicode(&mut out, codec, b);
                    }
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// The byte order mark UTF-16 and UTF-32 without an explicit order begin
/// with.
fn start_unicode(out: &mut Vec<u8>, codec: Codec) {
    if matches!(codec, Codec::Utf16(None) | Codec::Utf32(None)) {
        push_unicode(out, codec, '\u{feff}');
    }
}

/// One character in `codec` (ASCII and Latin-1 only get characters they
/// can hold).
fn push_unicode(out: &mut Vec<u8>, codec: Codec, c: char) {
    let native_big = cfg!(target_endian = "big");
    match codec {
        Codec::Utf8 => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        Codec::Ascii | Codec::Latin1 => out.push(c as u8),
        Codec::Utf16(order) => {
            for u in c.encode_utf16(&mut [0; 2]) {
                out.extend(if order.unwrap_or(native_big) {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
        }
        Codec::Utf32(order) => out.extend(if order.unwrap_or(native_big) {
            (c as u32).to_be_bytes()
        } else {
            (c as u32).to_le_bytes()
        }),
    }
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN`: the shortest escape of a code point.
fn backslash_escape(c: u32) -> String {
    match c {
        0..=0xff => format!("\\x{c:02x}"),
        0x100..=0xffff => format!("\\u{c:04x}"),
        _ => format!("\\U{c:08x}"),
    }
}

/// `b.decode(codec, errors)`.
pub fn decode(b: &[u8], codec: Codec, errors: &str) -> Result<String, CodecError> {
    let mut out = String::with_capacity(b.len());
    let native_big = cfg!(target_endian = "big");
    // A byte order mark, when the codec reads one: skipped, and it sets
    // the order.
    let (mut i, big) = match codec {
        Codec::Utf16(Some(big)) | Codec::Utf32(Some(big)) => (0, big),
        Codec::Utf16(None) if b.starts_with(&[0xfe, 0xff]) => (2, true),
        Codec::Utf16(None) if b.starts_with(&[0xff, 0xfe]) => (2, false),
        Codec::Utf32(None) if b.starts_with(&[0, 0, 0xfe, 0xff]) => (4, true),
        Codec::Utf32(None) if b.starts_with(&[0xff, 0xfe, 0, 0]) => (4, false),
        _ => (0, native_big),
    };
    while i < b.len() {
        // One step: the text of the next well-formed piece, or the length
        // and reason of the ill-formed bytes at `i`.
        let step: Result<(usize, char), (usize, &'static str)> = match codec {
            Codec::Latin1 => Ok((1, b[i] as char)),
            Codec::Ascii if b[i] < 0x80 => Ok((1, b[i] as char)),
            Codec::Ascii => Err((1, "ordinal not in range(128)")),
            Codec::Utf8 => match std::str::from_utf8(&b[i..]) {
                Ok(rest) => {
                    out.push_str(rest);
                    break;
                }
                Err(e) if e.valid_up_to() > 0 => {
                    let good = e.valid_up_to();
                    out.push_str(std::str::from_utf8(&b[i..i + good]).unwrap_or_default());
                    i += good;
                    continue;
                }
                Err(e) => Err(match e.error_len() {
                    None => (b.len() - i, "unexpected end of data"),
                    Some(n) if matches!(b[i], 0x80..=0xc1 | 0xf5..=0xff) => {
                        (n, "invalid start byte")
                    }
                    Some(n) => (n, "invalid continuation byte"),
                }),
            },
            Codec::Utf16(_) => utf16_step(&b[i..], big),
            Codec::Utf32(_) => utf32_step(&b[i..], big),
        };
        match step {
            Ok((n, c)) => {
                out.push(c);
                i += n;
            }
            Err((n, reason)) => {
                match Handler::lookup(errors).map_err(CodecError::UnknownHandler)? {
                    Handler::Strict | Handler::XmlCharRefReplace => {
                        return Err(CodecError::Decode {
                            codec: codec.name(),
                            bytes: b.to_vec(),
                            start: i,
                            end: i + n,
                            reason,
                        })
                    }
                    Handler::Ignore => {}
                    Handler::Replace => out.push('\u{fffd}'),
                    Handler::BackslashReplace => {
                        for &x in &b[i..i + n] {
                            out.push_str(&format!("\\x{x:02x}"));
                        }
                    }
                }
                i += n;
            }
        }
    }
    Ok(out)
}

fn utf16_step(b: &[u8], big: bool) -> Result<(usize, char), (usize, &'static str)> {
    let unit = |k: usize| -> Option<u32> {
        let pair = [*b.get(k)?, *b.get(k + 1)?];
        Some(u32::from(if big {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }))
    };
    let Some(first) = unit(0) else {
        return Err((b.len(), "truncated data"));
    };
    match first {
        0xd800..=0xdbff => match unit(2) {
            Some(second @ 0xdc00..=0xdfff) => {
                let c = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                char::from_u32(c)
                    .map(|c| (4, c))
                    .ok_or((2, "illegal encoding"))
            }
            Some(_) => Err((2, "illegal UTF-16 surrogate")),
            None if b.len() < 4 => Err((b.len(), "unexpected end of data")),
            None => Err((2, "illegal UTF-16 surrogate")),
        },
        0xdc00..=0xdfff => Err((2, "illegal encoding")),
        c => Ok((2, char::from_u32(c).unwrap_or('\u{fffd}'))),
    }
}

fn utf32_step(b: &[u8], big: bool) -> Result<(usize, char), (usize, &'static str)> {
    let Some(quad) = b.get(..4) else {
        return Err((b.len(), "truncated data"));
    };
    let quad = [quad[0], quad[1], quad[2], quad[3]];
    let c = if big {
        u32::from_be_bytes(quad)
    } else {
        u32::from_le_bytes(quad)
    };
    match char::from_u32(c) {
        Some(c) => Ok((4, c)),
        None if (0xd800..0xe000).contains(&c) => Err((
            4,
            "code point in surrogate code point range(0xd800, 0xe000)",
        )),
        None => Err((4, "code point not in range(0x110000)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg<T>(r: Result<T, CodecError>) -> String {
        r.err().map(|e| e.message()).unwrap_or_default()
    }

    #[test]
    fn encode_with_each_handler() {
        let s = "héllo €😀";
        let ascii = Codec::lookup("ASCII").unwrap();
        assert_eq!(encode(s, ascii, "ignore").unwrap(), b"hllo ");
        assert_eq!(encode(s, ascii, "replace").unwrap(), b"h?llo ??");
        assert_eq!(
            encode(s, ascii, "backslashreplace").unwrap(),
            b"h\\xe9llo \\u20ac\\U0001f600"
        );
        assert_eq!(
            encode(s, ascii, "xmlcharrefreplace").unwrap(),
            b"h&#233;llo &#8364;&#128512;"
        );
        assert_eq!(
            msg(encode("a\u{e9}\u{e9}b", ascii, "strict")),
            "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
        );
        assert_eq!(
            msg(encode("\u{20ac}", Codec::Latin1, "strict")),
            "'latin-1' codec can't encode character '\\u20ac' in position 0: ordinal not in range(256)"
        );
        assert_eq!(
            msg(encode("é", ascii, "bogus")),
            "unknown error handler name 'bogus'"
        );
        assert_eq!(
            encode("é€😀", Codec::lookup("utf_16_le").unwrap(), "strict").unwrap(),
            b"\xe9\x00\xac =\xd8\x00\xde"
        );
    }

    #[test]
    fn lone_surrogates_do_not_encode() {
        // Expected values: CPython 3.11's 'a\ud800\udc00b'.encode(...).
        let text = [0x61, 0xd800, 0xdc00, 0x62];
        assert_eq!(
            msg(encode_code_points(&text, Codec::Utf8, "strict")),
            "'utf-8' codec can't encode characters in position 1-2: surrogates not allowed"
        );
        assert_eq!(
            msg(encode_code_points(&text, Codec::Ascii, "strict")),
            "'ascii' codec can't encode characters in position 1-2: ordinal not in range(128)"
        );
        assert_eq!(
            encode_code_points(&text, Codec::Utf8, "replace").unwrap(),
            b"a??b"
        );
        assert_eq!(
            encode_code_points(&text, Codec::Utf8, "backslashreplace").unwrap(),
            b"a\\ud800\\udc00b"
        );
        assert_eq!(
            encode_code_points(&text, Codec::Utf8, "ignore").unwrap(),
            b"ab"
        );
        assert_eq!(
            encode_code_points(&text, Codec::Utf16(Some(false)), "xmlcharrefreplace").unwrap(),
            b"a\x00&\x00#\x005\x005\x002\x009\x006\x00;\x00&\x00#\x005\x006\x003\x002\x000\x00;\x00b\x00"
        );
        assert_eq!(
            msg(encode_code_points(&text, Codec::Utf32(None), "strict")),
            "'utf-32' codec can't encode character '\\ud800' in position 1: surrogates not allowed"
        );
        assert_eq!(
            encode_code_points(&text, Codec::Utf16(Some(false)), "replace").unwrap(),
            b"a\x00?\x00?\x00b\x00"
        );
    }

    #[test]
    fn decode_utf8_errors_as_cpython() {
        assert_eq!(
            msg(decode(b"\xe2\x82a", Codec::Utf8, "strict")),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert_eq!(
            msg(decode(b"a\xc0\xafb", Codec::Utf8, "strict")),
            "'utf-8' codec can't decode byte 0xc0 in position 1: invalid start byte"
        );
        assert_eq!(
            msg(decode(b"\xf0\x9f\x98", Codec::Utf8, "strict")),
            "'utf-8' codec can't decode bytes in position 0-2: unexpected end of data"
        );
        assert_eq!(
            decode(b"a\xc0\xafb", Codec::Utf8, "replace").unwrap(),
            "a\u{fffd}\u{fffd}b"
        );
        assert_eq!(decode(b"\xffabc", Codec::Utf8, "ignore").unwrap(), "abc");
        assert_eq!(decode(b"\xe9", Codec::Latin1, "strict").unwrap(), "é");
        assert_eq!(
            decode(
                b"\xff\xfe\xe9\x00=\xd8\x00\xde",
                Codec::Utf16(None),
                "strict"
            )
            .unwrap(),
            "é😀"
        );
        assert_eq!(
            msg(decode(b"\x00", Codec::Utf16(Some(false)), "strict")),
            "'utf-16-le' codec can't decode byte 0x00 in position 0: truncated data"
        );
    }
}
