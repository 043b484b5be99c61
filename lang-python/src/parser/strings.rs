//! Literals: numbers, strings with their escapes, adjacent-literal
//! concatenation and f-strings.
//!
//! An f-string is one token, as in CPython 3.11; its replacement fields
//! are found here by scanning the token's text, and each field's
//! expression is parsed by a nested `Parser` over `(expression)`, placed at
//! the expression's line so that AST lines are right. Errors follow 3.11:
//! a syntax error inside a field shows that parenthesized text and gets an
//! "f-string: " prefix; errors in the string itself are placed on the
//! token after the literal, as CPython's parser reports them.
//!
//! `\N{name}` escapes know only the names in `NAMED_CHARACTERS` (a small
//! table of common ones); any other name is CPython's "unknown Unicode
//! character name" error. A plain literal with an escape that makes a lone
//! surrogate (`"\ud800"`) becomes a `Constant::StrWithSurrogates` (Rust
//! strings cannot hold one); in an f-string such an escape is rejected.

use super::expr::span;
use super::{Mode, PResult, Parser};
use crate::ast::*;
use crate::lexer::{line_start, line_text, tokenize, Tok, Token};
use crate::syntax_error::SyntaxError;
use num_bigint::BigInt;

/// Names `\N{…}` accepts (matched without regard to case).
const NAMED_CHARACTERS: &[(&str, char)] = &[
    ("SPACE", ' '),
    ("NULL", '\0'),
    ("LINE FEED", '\n'),
    ("CARRIAGE RETURN", '\r'),
    ("CHARACTER TABULATION", '\t'),
    ("NO-BREAK SPACE", '\u{a0}'),
    ("BULLET", '\u{2022}'),
    ("EN DASH", '\u{2013}'),
    ("EM DASH", '\u{2014}'),
    ("HORIZONTAL ELLIPSIS", '\u{2026}'),
    ("LEFT SINGLE QUOTATION MARK", '\u{2018}'),
    ("RIGHT SINGLE QUOTATION MARK", '\u{2019}'),
    ("LEFT DOUBLE QUOTATION MARK", '\u{201c}'),
    ("RIGHT DOUBLE QUOTATION MARK", '\u{201d}'),
    ("DEGREE SIGN", '\u{b0}'),
    ("COPYRIGHT SIGN", '\u{a9}'),
    ("REGISTERED SIGN", '\u{ae}'),
    ("TRADE MARK SIGN", '\u{2122}'),
    ("SECTION SIGN", '\u{a7}'),
    ("PILCROW SIGN", '\u{b6}'),
    ("MICRO SIGN", '\u{b5}'),
    ("PLUS-MINUS SIGN", '\u{b1}'),
    ("MULTIPLICATION SIGN", '\u{d7}'),
    ("DIVISION SIGN", '\u{f7}'),
    ("INFINITY", '\u{221e}'),
    ("EURO SIGN", '\u{20ac}'),
    ("POUND SIGN", '\u{a3}'),
    ("YEN SIGN", '\u{a5}'),
    ("CENT SIGN", '\u{a2}'),
    ("GREEK SMALL LETTER ALPHA", '\u{3b1}'),
    ("GREEK SMALL LETTER BETA", '\u{3b2}'),
    ("GREEK SMALL LETTER GAMMA", '\u{3b3}'),
    ("GREEK SMALL LETTER DELTA", '\u{3b4}'),
    ("GREEK SMALL LETTER PI", '\u{3c0}'),
    ("GREEK SMALL LETTER SIGMA", '\u{3c3}'),
    ("GREEK SMALL LETTER MU", '\u{3bc}'),
    ("GREEK SMALL LETTER LAMDA", '\u{3bb}'),
    ("GREEK CAPITAL LETTER DELTA", '\u{394}'),
    ("GREEK CAPITAL LETTER SIGMA", '\u{3a3}'),
    ("GREEK CAPITAL LETTER OMEGA", '\u{3a9}'),
    ("LATIN SMALL LETTER E WITH ACUTE", '\u{e9}'),
    ("LATIN SMALL LETTER A WITH GRAVE", '\u{e0}'),
    ("LATIN SMALL LETTER U WITH DIAERESIS", '\u{fc}'),
    ("LATIN SMALL LETTER SHARP S", '\u{df}'),
    ("RIGHTWARDS ARROW", '\u{2192}'),
    ("LEFTWARDS ARROW", '\u{2190}'),
    ("CHECK MARK", '\u{2713}'),
    ("BLACK STAR", '\u{2605}'),
    ("WHITE STAR", '\u{2606}'),
    ("SNOWMAN", '\u{2603}'),
    ("BLACK HEART SUIT", '\u{2665}'),
    ("FULL BLOCK", '\u{2588}'),
    ("BOX DRAWINGS LIGHT HORIZONTAL", '\u{2500}'),
    ("BOX DRAWINGS LIGHT VERTICAL", '\u{2502}'),
    ("REPLACEMENT CHARACTER", '\u{fffd}'),
    ("ZERO WIDTH SPACE", '\u{200b}'),
];

/// CPython's default `sys.get_int_max_str_digits()`.
const MAX_DECIMAL_DIGITS: usize = 4300;

/// A string token taken apart.
struct StrToken<'s> {
    raw: bool,
    bytes: bool,
    fstring: bool,
    /// A lowercase `u` prefix: CPython marks only that one (`kind="u"`).
    unicode: bool,
    /// The text between the quotes, and its byte offset in the source.
    body: &'s str,
    /// The line `body` starts on.
    line: u32,
    /// The column `body` starts at on `line`.
    col: u32,
}

impl StrToken<'_> {
    /// The (line, column) of byte `at` of `body`.
    fn position(&self, at: usize) -> (u32, u32) {
        let before = &self.body[..at];
        match before.rfind('\n') {
            Some(nl) => (
                self.line + before.matches('\n').count() as u32,
                before[nl + 1..].chars().count() as u32,
            ),
            None => (self.line, self.col + before.chars().count() as u32),
        }
    }
}

fn split_string(text: &str, line: u32, col: u32) -> StrToken<'_> {
    let quote_at = text.find(['\'', '"']).unwrap_or(0);
    let prefix = text[..quote_at].to_ascii_lowercase();
    let quote = &text[quote_at..quote_at + 1];
    let triple = text[quote_at..].starts_with(&quote.repeat(3)) && text.len() - quote_at >= 6;
    let q = if triple { 3 } else { 1 };
    StrToken {
        raw: prefix.contains('r'),
        bytes: prefix.contains('b'),
        fstring: prefix.contains('f'),
        unicode: text.starts_with('u'),
        body: &text[quote_at + q..text.len() - q],
        line,
        col: col + (quote_at + q) as u32,
    }
}

/// An escape error: CPython's message. `None` position means the
/// message is complete as it is.
struct EscapeError(String);

/// Decodes a non-raw string body's escapes into `out` (bytes if
/// `bytes`, then `out` holds only ASCII and `\xNN` become chars < 256 to be
/// narrowed by the caller).
fn decode_escapes(body: &str, bytes: bool, out: &mut Vec<u32>) -> Result<(), EscapeError> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = body[i..].chars().next().unwrap_or('\0');
        if c != '\\' {
            out.push(c as u32);
            i += c.len_utf8();
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = b.get(i) else {
            return Err(EscapeError(if bytes {
                "(value error) Trailing \\ in string".into()
            } else {
                format!("(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: \\ at end of string")
            }));
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\' as u32),
            b'\'' => out.push('\'' as u32),
            b'"' => out.push('"' as u32),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut value = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push(if bytes { value & 0xFF } else { value });
            }
            b'x' | b'u' | b'U' if !(bytes && e != b'x') => {
                let digits = match e {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let mut value = 0u32;
                let mut found = 0;
                while found < digits {
                    match b.get(i).and_then(|d| (*d as char).to_digit(16)) {
                        Some(d) => {
                            value = value.wrapping_mul(16) + d;
                            i += 1;
                            found += 1;
                        }
                        None => break,
                    }
                }
                if found < digits {
                    if bytes {
                        return Err(EscapeError(format!(
                            "(value error) invalid \\x escape at position {start}"
                        )));
                    }
                    let what = match e {
                        b'x' => "\\xXX",
                        b'u' => "\\uXXXX",
                        _ => "\\UXXXXXXXX",
                    };
                    return Err(EscapeError(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: truncated {what} escape",
                        i - 1
                    )));
                }
                if value > 0x10FFFF {
                    return Err(EscapeError(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: illegal Unicode character",
                        i - 1
                    )));
                }
                out.push(value);
            }
            b'N' if !bytes => {
                let name_end = if b.get(i) == Some(&b'{') {
                    body[i..].find('}').map(|n| i + n)
                } else {
                    None
                };
                let Some(name_end) = name_end else {
                    return Err(EscapeError(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{}: malformed \\N character escape",
                        (i).min(b.len()) - 1 + usize::from(b.get(i) == Some(&b'{'))
                    )));
                };
                let name = body[i + 1..name_end].to_ascii_uppercase();
                let Some(&(_, c)) = NAMED_CHARACTERS.iter().find(|(n, _)| *n == name) else {
                    return Err(EscapeError(format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{name_end}: unknown Unicode character name"
                    )));
                };
                out.push(c as u32);
                i = name_end + 1;
            }
            _ => {
                // An unknown escape is kept as it is (CPython warns).
                out.push('\\' as u32);
                i -= 1;
            }
        }
    }
    Ok(())
}

fn is_surrogate(code_point: u32) -> bool {
    (0xD800..0xE000).contains(&code_point)
}

fn to_string(codes: &[u32]) -> String {
    codes.iter().filter_map(|&c| char::from_u32(c)).collect()
}

/// A piece of an f-string being built: literal text merges with its
/// neighbours, as in CPython's `JoinedStr`.
struct JoinedBuilder {
    values: Vec<Expr>,
    literal: String,
    loc: Loc,
}

impl JoinedBuilder {
    fn flush(&mut self) {
        if !self.literal.is_empty() {
            self.values.push(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Str(std::mem::take(&mut self.literal)),
                    kind: None,
                },
                loc: self.loc,
            });
        }
    }

    fn push_value(&mut self, e: Expr) {
        self.flush();
        self.values.push(e);
    }
}

impl<'s> Parser<'s> {
    pub(crate) fn number(&self, t: Token) -> PResult<Constant> {
        let text: String = self.text(t).chars().filter(|&c| c != '_').collect();
        let lower = text.to_ascii_lowercase();
        let radix = match lower.get(..2) {
            Some("0x") => 16,
            Some("0o") => 8,
            Some("0b") => 2,
            _ => 10,
        };
        if radix != 10 {
            let digits = &lower[2..];
            return Ok(match i64::from_str_radix(digits, radix) {
                Ok(i) => Constant::Int(i),
                Err(_) => match BigInt::parse_bytes(digits.as_bytes(), radix) {
                    Some(big) => Constant::BigInt(big),
                    None => return Err(self.error_at("invalid number literal", t.loc)),
                },
            });
        }
        if let Some(imag) = lower.strip_suffix('j') {
            return Ok(Constant::Complex(imag.parse().unwrap_or(f64::INFINITY)));
        }
        if lower.contains(['.', 'e']) {
            return Ok(Constant::Float(lower.parse().unwrap_or(f64::INFINITY)));
        }
        if lower.len() > MAX_DECIMAL_DIGITS {
            // CPython 3.11's limit on decimal conversions (which also keeps
            // huge literals from costing quadratic time), with no caret.
            let source_line = t.loc.line - self.line_offset;
            let text = line_text(self.src, line_start(self.src, source_line));
            return Err(SyntaxError {
                filename: self.filename.to_string(),
                line: t.loc.line,
                text: Some(text.to_string()),
                ..SyntaxError::new(
                    crate::syntax_error::ErrorKind::SyntaxError,
                    format!(
                        "Exceeds the limit ({MAX_DECIMAL_DIGITS} digits) for integer string conversion: value has {} digits; \
                         use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer \
                         literals to avoid decimal conversion limits.",
                        lower.len()
                    ),
                )
            });
        }
        Ok(match lower.parse::<i64>() {
            Ok(i) => Constant::Int(i),
            Err(_) => match BigInt::parse_bytes(lower.as_bytes(), 10) {
                Some(big) => Constant::BigInt(big),
                None => return Err(self.error_at("invalid number literal", t.loc)),
            },
        })
    }

    /// An error about the literal just parsed: CPython places it on the
    /// token after it.
    fn literal_error(&self, msg: &str) -> SyntaxError {
        let t = self.peek();
        self.error_range(msg, t.loc.line, t.loc.col, t.loc.end_col)
    }

    /// One or more adjacent string literals, concatenated.
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let first = self.peek();
        let mut parts = Vec::new();
        while self.peek().tok == Tok::Str {
            let t = self.advance();
            parts.push(t);
        }
        let loc = span(first.loc, self.previous().loc);
        let pieces: Vec<StrToken> = parts
            .iter()
            .map(|t| split_string(self.text(*t), t.loc.line, t.loc.col))
            .collect();
        let bytes = pieces[0].bytes;
        if pieces.iter().any(|p| p.bytes != bytes) {
            return Err(self.literal_error("cannot mix bytes and nonbytes literals"));
        }
        if bytes {
            let mut value = Vec::new();
            for (piece, t) in pieces.iter().zip(&parts) {
                if !piece.body.is_ascii() {
                    return Err(
                        self.error_at("bytes can only contain ASCII literal characters", t.loc)
                    );
                }
                if piece.raw {
                    value.extend_from_slice(piece.body.as_bytes());
                } else {
                    let mut codes = Vec::new();
                    decode_escapes(piece.body, true, &mut codes)
                        .map_err(|e| self.literal_error(&e.0))?;
                    value.extend(codes.iter().map(|&c| c as u8));
                }
            }
            return Ok(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Bytes(value),
                    kind: None,
                },
                loc,
            });
        }
        if pieces.iter().any(|p| p.fstring) {
            let mut joined = JoinedBuilder {
                values: Vec::new(),
                literal: String::new(),
                loc,
            };
            for piece in &pieces {
                if piece.fstring {
                    self.fstring(piece, &mut joined, 0)?;
                } else {
                    joined.literal.push_str(&self.decode_str(piece)?);
                }
            }
            joined.flush();
            return Ok(Expr {
                kind: ExprKind::JoinedStr {
                    values: joined.values,
                },
                loc,
            });
        }
        let mut code_points = Vec::new();
        for piece in &pieces {
            code_points.extend(self.decode_code_points(piece.body, piece.raw)?);
        }
        let value = if code_points.iter().any(|&c| is_surrogate(c)) {
            Constant::StrWithSurrogates(code_points)
        } else {
            Constant::Str(to_string(&code_points))
        };
        Ok(Expr {
            kind: ExprKind::Constant {
                value,
                kind: pieces[0].unicode.then(|| "u".to_string()),
            },
            loc,
        })
    }

    fn decode_str(&self, piece: &StrToken) -> PResult<String> {
        self.decode_text(piece.body, piece.raw)
    }

    fn decode_code_points(&self, text: &str, raw: bool) -> PResult<Vec<u32>> {
        if raw || !text.contains('\\') {
            return Ok(text.chars().map(|c| c as u32).collect());
        }
        let mut codes = Vec::with_capacity(text.len());
        decode_escapes(text, false, &mut codes).map_err(|e| self.literal_error(&e.0))?;
        Ok(codes)
    }

    /// The text of a literal that must be Rust text (an f-string's).
    fn decode_text(&self, text: &str, raw: bool) -> PResult<String> {
        let codes = self.decode_code_points(text, raw)?;
        if codes.iter().any(|&c| is_surrogate(c)) {
            return Err(self.literal_error(
                "(unicode error) lone surrogates are not supported in f-strings by this interpreter",
            ));
        }
        Ok(to_string(&codes))
    }

    /// Parses the f-string text `piece` (the body of an f-string token, or
    /// a format spec at `level` 1 and 2) into `out`.
    fn fstring(&mut self, piece: &StrToken, out: &mut JoinedBuilder, level: u32) -> PResult<()> {
        let body = piece.body;
        let b = body.as_bytes();
        let mut i = 0;
        let mut literal_start = 0;
        let mut literal = String::new();
        let flush_literal = |me: &Self, literal: &mut String, text: &str| -> PResult<()> {
            literal.push_str(&me.decode_text(text, piece.raw)?);
            Ok(())
        };
        while i < b.len() {
            match b[i] {
                b'\\'
                    if !piece.raw && b.get(i + 1) == Some(&b'N') && b.get(i + 2) == Some(&b'{') =>
                {
                    // `\N{…}`: its braces are not a replacement field.
                    i = body[i..].find('}').map_or(b.len(), |n| i + n + 1);
                }
                b'\\' => i += 2,
                b'{' if b.get(i + 1) == Some(&b'{') => {
                    flush_literal(self, &mut literal, &body[literal_start..i + 1])?;
                    i += 2;
                    literal_start = i;
                }
                b'}' if b.get(i + 1) == Some(&b'}') => {
                    flush_literal(self, &mut literal, &body[literal_start..i + 1])?;
                    i += 2;
                    literal_start = i;
                }
                b'}' => {
                    return Err(self.literal_error("f-string: single '}' is not allowed"));
                }
                b'{' => {
                    flush_literal(self, &mut literal, &body[literal_start..i])?;
                    out.literal.push_str(&std::mem::take(&mut literal));
                    i = self.replacement_field(piece, i + 1, out, level)?;
                    literal_start = i;
                }
                _ => i += 1,
            }
        }
        flush_literal(self, &mut literal, &body[literal_start.min(b.len())..])?;
        out.literal.push_str(&literal);
        Ok(())
    }

    /// A `{expression[=][!c][:spec]}` field whose expression starts at
    /// byte `start` of the body; returns the index after its `}`.
    fn replacement_field(
        &mut self,
        piece: &StrToken,
        start: usize,
        out: &mut JoinedBuilder,
        level: u32,
    ) -> PResult<usize> {
        if level >= 2 {
            return Err(self.literal_error("f-string: expressions nested too deeply"));
        }
        let body = piece.body;
        let b = body.as_bytes();
        let mut i = start;
        let mut brackets: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        let mut debug = false;
        let end_of_expression;
        loop {
            let Some(&c) = b.get(i) else {
                let msg = match (quote, brackets.last()) {
                    (Some(_), _) => "f-string: unterminated string".to_string(),
                    (None, Some(&open)) => format!("f-string: unmatched '{}'", open as char),
                    (None, None) => "f-string: expecting '}'".to_string(),
                };
                return Err(self.literal_error(&msg));
            };
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                if c == b'\\' {
                    return Err(
                        self.literal_error("f-string expression part cannot include a backslash")
                    );
                }
                i += 1;
                continue;
            }
            match c {
                b'\\' => {
                    return Err(
                        self.literal_error("f-string expression part cannot include a backslash")
                    )
                }
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => brackets.push(c),
                b')' | b']' | b'}' if !brackets.is_empty() => {
                    let open = brackets.pop().unwrap_or(b'(');
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        return Err(self.literal_error(&format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )));
                    }
                }
                b')' | b']' => {
                    return Err(self.literal_error(&format!("f-string: unmatched '{}'", c as char)));
                }
                b'#' => {
                    return Err(self.literal_error("f-string expression part cannot include '#'"))
                }
                b'}' | b':' if brackets.is_empty() => {
                    end_of_expression = i;
                    break;
                }
                b'!' if brackets.is_empty() && b.get(i + 1) != Some(&b'=') => {
                    end_of_expression = i;
                    break;
                }
                b'=' if brackets.is_empty()
                    && b.get(i + 1) != Some(&b'=')
                    && !matches!(b.get(i.wrapping_sub(1)), Some(b'=' | b'!' | b'<' | b'>'))
                    && i > start =>
                {
                    debug = true;
                    end_of_expression = i;
                    break;
                }
                b'=' if brackets.is_empty() && i == start && b.get(i + 1) != Some(&b'=') => {
                    return Err(self.literal_error("f-string: expression required before '='"));
                }
                _ => {}
            }
            i += 1;
        }
        let expression = &body[start..end_of_expression];
        if expression.trim().is_empty() {
            let msg = if debug {
                "f-string: expression required before '='"
            } else {
                "f-string: empty expression not allowed"
            };
            return Err(self.literal_error(msg));
        }
        let value = self.field_expression(expression, piece.position(start))?;
        if debug {
            i += 1;
            // The text through the `=` and the blanks after it is shown.
            while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
                i += 1;
            }
            out.literal.push_str(&body[start..i]);
        }
        let mut conversion = if debug {
            Conversion::Repr
        } else {
            Conversion::None
        };
        if b.get(i) == Some(&b'!') {
            conversion = match b.get(i + 1) {
                Some(b's') => Conversion::Str,
                Some(b'r') => Conversion::Repr,
                Some(b'a') => Conversion::Ascii,
                _ => {
                    return Err(self.literal_error(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    ))
                }
            };
            i += 2;
            if !matches!(b.get(i), Some(b'}' | b':')) {
                return Err(self.literal_error("f-string: expecting '}'"));
            }
        }
        let mut format_spec = None;
        if b.get(i) == Some(&b':') {
            if debug && conversion == Conversion::Repr && b.get(i.wrapping_sub(2)) != Some(&b'!') {
                conversion = Conversion::None;
            }
            let spec_start = i + 1;
            let spec_end = self.format_spec_end(body, spec_start)?;
            let spec = StrToken {
                raw: piece.raw,
                bytes: false,
                fstring: true,
                unicode: false,
                body: &body[spec_start..spec_end],
                line: piece.position(spec_start).0,
                col: piece.position(spec_start).1,
            };
            let mut inner = JoinedBuilder {
                values: Vec::new(),
                literal: String::new(),
                loc: out.loc,
            };
            self.fstring(&spec, &mut inner, level + 1)?;
            inner.flush();
            format_spec = Some(Box::new(Expr {
                kind: ExprKind::JoinedStr {
                    values: inner.values,
                },
                loc: out.loc,
            }));
            i = spec_end;
        }
        if b.get(i) != Some(&b'}') {
            return Err(self.literal_error("f-string: expecting '}'"));
        }
        out.push_value(Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            loc: out.loc,
        });
        Ok(i + 1)
    }

    /// Where a format spec starting at `start` ends: at the `}` that
    /// closes its field (nested fields may contain braces).
    fn format_spec_end(&self, body: &str, start: usize) -> PResult<usize> {
        let b = body.as_bytes();
        let mut depth = 0;
        let mut i = start;
        while let Some(&c) = b.get(i) {
            match c {
                b'{' => depth += 1,
                b'}' if depth == 0 => return Ok(i),
                b'}' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        Err(self.literal_error("f-string: expecting '}'"))
    }

    /// Parses a replacement field's expression, which starts at `at` (line,
    /// column) in the source, as CPython does: as `(expression)` on its
    /// own. The nodes get their places in the source; an error is reported
    /// in that parenthesized text, as CPython 3.11 shows it.
    fn field_expression(&mut self, expression: &str, at: (u32, u32)) -> PResult<Expr> {
        let text = format!("({expression})");
        match self.parse_field(&text, at.0, at.1) {
            Ok(e) => Ok(e),
            Err(_) => {
                let err = self.parse_field(&text, at.0, 1).err();
                Err(err.map_or_else(
                    || self.literal_error("f-string: invalid syntax"),
                    |e| SyntaxError {
                        incomplete: false,
                        ..e
                    },
                ))
            }
        }
    }

    /// Parses `text` with its first character (the added `(`) at column
    /// `col - 1` of `line`.
    fn parse_field(&self, text: &str, line: u32, col: u32) -> PResult<Expr> {
        let shift = col - 1;
        let lexed = tokenize(text, self.filename);
        if let Some(mut lex) = lexed.error {
            lex.error.line += line - 1;
            return Err(lex.error);
        }
        let tokens = lexed
            .tokens
            .into_iter()
            .map(|mut t| {
                if t.loc.line == 1 {
                    t.loc.col += shift;
                }
                if t.loc.end_line == 1 {
                    t.loc.end_col += shift;
                }
                t.loc.line += line - 1;
                t.loc.end_line += line - 1;
                t
            })
            .collect();
        let mut inner = Parser {
            src: text,
            filename: self.filename,
            tokens,
            pos: 0,
            depth: self.depth,
            mode: Mode::FString,
            line_offset: line - 1,
            lex_error: None,
            reached_lex_error: std::cell::Cell::new(false),
            furthest: std::cell::Cell::new(0),
            byte_columns: false,
            fetched: std::cell::Cell::new(0),
            def_depth: self.def_depth,
        };
        inner.fstring_field()
    }

    fn fstring_field(&mut self) -> PResult<Expr> {
        let e = self.star_expressions()?;
        if let ExprKind::Starred { .. } = e.kind {
            return Err(self.error_at("cannot use starred expression here", e.loc));
        }
        if self.peek().tok != Tok::Newline {
            return Err(self.invalid_syntax());
        }
        Ok(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(text: &str) -> Result<String, String> {
        let mut codes = Vec::new();
        decode_escapes(text, false, &mut codes).map_err(|e| e.0)?;
        Ok(to_string(&codes))
    }

    #[test]
    fn escapes_decode_as_python_does() {
        // Expected values: CPython 3.11's reading of the same literals.
        assert_eq!(
            decode(r"a\n\t\\\'\x41\101\u00e9\U0001F600").unwrap(),
            "a\n\t\\'AAé😀"
        );
        assert_eq!(decode(r"\d\N{bullet}").unwrap(), "\\d\u{2022}");
        assert_eq!(decode("a\\\nb").unwrap(), "ab");
        assert_eq!(
            decode(r"ab\x4").unwrap_err(),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-4: truncated \\xXX escape"
        );
        assert_eq!(
            decode(r"\N{foo}").unwrap_err(),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"
        );
    }
}
