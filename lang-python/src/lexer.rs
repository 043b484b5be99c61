//! Python 3.11's tokenizer: source text → `Token`s with positions, among
//! them NEWLINE, INDENT and DEDENT.
//!
//! Two layers. `Raw` is the logos lexer of what is context-free: names,
//! operators, blanks, comments, line breaks; numbers and strings are
//! matched by their first characters and then scanned by hand in callbacks,
//! because CPython's number errors ("invalid digit '8' in octal literal",
//! the caret position of "invalid decimal literal") and string termination
//! rules are easier to follow as code than as regexes. `tokenize` then adds
//! what depends on context, as CPython's tokenizer does: the indentation
//! stack (tabs to multiples of 8, plus a second stack with tabs as 1 column
//! to detect inconsistent use, TabError), bracket nesting (line breaks
//! inside brackets are not NEWLINEs; mismatched brackets are errors here),
//! blank and comment-only lines, backslash continuations.
//!
//! The whole source is tokenized before parsing, up to the first tokenizer
//! error if any: the parser needs that error whether or not it reaches it,
//! because CPython also reports some tokenizer errors found further on in
//! place of its own (see `LexError`).
//!
//! Positions are `Loc`s: lines 1-based, columns 0-based in characters,
//! tracked incrementally over the source once (linear time).

use crate::ast::Loc;
use crate::syntax_error::{ErrorKind, SyntaxError};
use logos::Logos;

/// Operators and delimiters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    DoubleSlash,
    At,
    RArrow,
    Ellipsis,
    ColonEqual,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlashEqual,
    AtEqual,
}

impl Op {
    pub fn text(self) -> &'static str {
        use Op::*;
        match self {
            LPar => "(",
            RPar => ")",
            LSqb => "[",
            RSqb => "]",
            LBrace => "{",
            RBrace => "}",
            Colon => ":",
            Comma => ",",
            Semi => ";",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            VBar => "|",
            Amper => "&",
            Less => "<",
            Greater => ">",
            Equal => "=",
            Dot => ".",
            Percent => "%",
            EqEqual => "==",
            NotEqual => "!=",
            LessEqual => "<=",
            GreaterEqual => ">=",
            Tilde => "~",
            Circumflex => "^",
            LeftShift => "<<",
            RightShift => ">>",
            DoubleStar => "**",
            DoubleSlash => "//",
            At => "@",
            RArrow => "->",
            Ellipsis => "...",
            ColonEqual => ":=",
            PlusEqual => "+=",
            MinEqual => "-=",
            StarEqual => "*=",
            SlashEqual => "/=",
            PercentEqual => "%=",
            AmperEqual => "&=",
            VBarEqual => "|=",
            CircumflexEqual => "^=",
            LeftShiftEqual => "<<=",
            RightShiftEqual => ">>=",
            DoubleStarEqual => "**=",
            DoubleSlashEqual => "//=",
            AtEqual => "@=",
        }
    }
}

/// What a raw token failed on; see `tokenize` for the messages.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum RawError {
    /// A character no token starts with.
    #[default]
    Unexpected,
    /// A string without its closing quote(s).
    Unterminated { triple: bool },
    /// A malformed number: the message and the byte offset CPython puts
    /// the caret at (it points at the character before that offset), or a
    /// range for "leading zeros".
    Number {
        msg: String,
        at: usize,
        end: Option<usize>,
    },
}

#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(error = RawError)]
enum Raw {
    #[regex(r"[ \t\x0c]+")]
    Blank,
    #[regex(r"#[^\r\n]*", allow_greedy = true)]
    Comment,
    #[regex(r"\r\n|\r|\n")]
    Newline,
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name,
    #[regex(r"[0-9]", scan_number)]
    #[regex(r"\.[0-9]", scan_number)]
    Number,
    #[regex(
        r#"([rRuUfFbB]|[fF][rR]|[rR][fF]|[bB][rR]|[rR][bB])?['"]"#,
        scan_string
    )]
    Str,
    #[token("(", |_| Op::LPar)]
    #[token(")", |_| Op::RPar)]
    #[token("[", |_| Op::LSqb)]
    #[token("]", |_| Op::RSqb)]
    #[token("{", |_| Op::LBrace)]
    #[token("}", |_| Op::RBrace)]
    #[token(":", |_| Op::Colon)]
    #[token(",", |_| Op::Comma)]
    #[token(";", |_| Op::Semi)]
    #[token("+", |_| Op::Plus)]
    #[token("-", |_| Op::Minus)]
    #[token("*", |_| Op::Star)]
    #[token("/", |_| Op::Slash)]
    #[token("|", |_| Op::VBar)]
    #[token("&", |_| Op::Amper)]
    #[token("<", |_| Op::Less)]
    #[token(">", |_| Op::Greater)]
    #[token("=", |_| Op::Equal)]
    #[token(".", |_| Op::Dot)]
    #[token("%", |_| Op::Percent)]
    #[token("==", |_| Op::EqEqual)]
    #[token("!=", |_| Op::NotEqual)]
    #[token("<=", |_| Op::LessEqual)]
    #[token(">=", |_| Op::GreaterEqual)]
    #[token("~", |_| Op::Tilde)]
    #[token("^", |_| Op::Circumflex)]
    #[token("<<", |_| Op::LeftShift)]
    #[token(">>", |_| Op::RightShift)]
    #[token("**", |_| Op::DoubleStar)]
    #[token("//", |_| Op::DoubleSlash)]
    #[token("@", |_| Op::At)]
    #[token("->", |_| Op::RArrow)]
    #[token("...", |_| Op::Ellipsis)]
    #[token(":=", |_| Op::ColonEqual)]
    #[token("+=", |_| Op::PlusEqual)]
    #[token("-=", |_| Op::MinEqual)]
    #[token("*=", |_| Op::StarEqual)]
    #[token("/=", |_| Op::SlashEqual)]
    #[token("%=", |_| Op::PercentEqual)]
    #[token("&=", |_| Op::AmperEqual)]
    #[token("|=", |_| Op::VBarEqual)]
    #[token("^=", |_| Op::CircumflexEqual)]
    #[token("<<=", |_| Op::LeftShiftEqual)]
    #[token(">>=", |_| Op::RightShiftEqual)]
    #[token("**=", |_| Op::DoubleStarEqual)]
    #[token("//=", |_| Op::DoubleSlashEqual)]
    #[token("@=", |_| Op::AtEqual)]
    Op(Op),
}

/// A cursor over bytes that behaves as CPython's `tok_nextc`/`tok_backup`:
/// at the end it yields 0 without advancing, and backing up 0 is a no-op.
struct Cursor<'s> {
    bytes: &'s [u8],
    pos: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> u8 {
        match self.bytes.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                b
            }
            None => 0,
        }
    }

    fn backup(&mut self, c: u8) {
        if c != 0 {
            self.pos -= 1;
        }
    }

    /// Do the next characters complete the keyword whose first character
    /// was just read (`rest` is the remainder)?
    fn lookahead(&mut self, rest: &str) -> bool {
        let after = self.pos + rest.len();
        self.bytes[self.pos..].starts_with(rest.as_bytes())
            && !self
                .bytes
                .get(after)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c >= 128)
    }

    fn error(&self, msg: impl Into<String>) -> RawError {
        RawError::Number {
            msg: msg.into(),
            at: self.pos,
            end: None,
        }
    }

    /// Digits after a first one, with single underscores between them;
    /// returns the character after the last digit.
    fn decimal_tail(&mut self) -> Result<u8, RawError> {
        loop {
            let mut c = self.next();
            while c.is_ascii_digit() {
                c = self.next();
            }
            if c != b'_' {
                return Ok(c);
            }
            let c = self.next();
            if !c.is_ascii_digit() {
                self.backup(c);
                return Err(self.error("invalid decimal literal"));
            }
        }
    }

    /// A number may be followed by a keyword (`1if x else y`) but not by
    /// another identifier character.
    fn end_of_number(&mut self, c: u8, kind: &str) -> Result<(), RawError> {
        let keyword_follows = match c {
            b'a' => self.lookahead("nd"),
            b'e' => self.lookahead("lse"),
            b'f' => self.lookahead("or"),
            b'i' => matches!(self.bytes.get(self.pos), Some(b'f' | b'n' | b's')),
            b'o' => self.lookahead("r"),
            b'n' => self.lookahead("ot"),
            _ => false,
        };
        // A non-ASCII character after a number is left to the identifier
        // check, which names it.
        if !keyword_follows && (c.is_ascii_alphanumeric() || c == b'_') {
            self.backup(c);
            return Err(self.error(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// Digits of a 0x/0o/0b literal after its prefix.
    fn radix_digits(&mut self, radix: u32, kind: &str) -> Result<(), RawError> {
        let mut c = self.next();
        loop {
            if c == b'_' {
                c = self.next();
            }
            if !(c as char).is_digit(radix) {
                if radix < 10 && c.is_ascii_digit() {
                    return Err(
                        self.error(format!("invalid digit '{}' in {kind} literal", c as char))
                    );
                }
                self.backup(c);
                return Err(self.error(format!("invalid {kind} literal")));
            }
            while (c as char).is_digit(radix) {
                c = self.next();
            }
            if c != b'_' {
                break;
            }
        }
        if radix < 10 && c.is_ascii_digit() {
            return Err(self.error(format!("invalid digit '{}' in {kind} literal", c as char)));
        }
        self.end_of_number(c, kind)?;
        self.backup(c);
        Ok(())
    }

    /// A decimal number from its fraction (`c` is the character after the
    /// point), exponent or imaginary suffix on.
    fn float_rest(&mut self, mut c: u8, in_fraction: bool) -> Result<(), RawError> {
        if in_fraction && c.is_ascii_digit() {
            c = self.decimal_tail()?;
        }
        if c == b'e' || c == b'E' {
            let e = c;
            c = self.next();
            if c == b'+' || c == b'-' {
                c = self.next();
                if !c.is_ascii_digit() {
                    self.backup(c);
                    return Err(self.error("invalid decimal literal"));
                }
            } else if !c.is_ascii_digit() {
                self.backup(c);
                self.end_of_number(e, "decimal")?;
                self.backup(e);
                return Ok(());
            }
            c = self.decimal_tail()?;
        }
        if c == b'j' || c == b'J' {
            c = self.next();
            self.end_of_number(c, "imaginary")?;
        } else {
            self.end_of_number(c, "decimal")?;
        }
        self.backup(c);
        Ok(())
    }

    /// A number starting at the cursor (its first character, a digit or a
    /// point followed by one).
    fn number(&mut self) -> Result<(), RawError> {
        let start = self.pos;
        let first = self.next();
        if first == b'.' {
            let c = self.next();
            return self.float_rest(c, true);
        }
        if first != b'0' {
            let c = self.decimal_tail()?;
            return match c {
                b'.' => {
                    let c = self.next();
                    self.float_rest(c, true)
                }
                _ => self.float_rest(c, false),
            };
        }
        let mut c = self.next();
        match c {
            b'x' | b'X' => return self.radix_digits(16, "hexadecimal"),
            b'o' | b'O' => return self.radix_digits(8, "octal"),
            b'b' | b'B' => return self.radix_digits(2, "binary"),
            _ => {}
        }
        loop {
            if c == b'_' {
                c = self.next();
                if !c.is_ascii_digit() {
                    self.backup(c);
                    return Err(self.error("invalid decimal literal"));
                }
            }
            if c != b'0' {
                break;
            }
            c = self.next();
        }
        let zeros_end = self.pos;
        let nonzero = c.is_ascii_digit();
        if nonzero {
            c = self.decimal_tail()?;
        }
        match c {
            b'.' => {
                let c = self.next();
                self.float_rest(c, true)
            }
            b'e' | b'E' | b'j' | b'J' => self.float_rest(c, false),
            _ if nonzero => {
                self.backup(c);
                Err(RawError::Number {
                    msg: "leading zeros in decimal integer literals are not permitted; \
                          use an 0o prefix for octal integers"
                        .into(),
                    at: start + 1,
                    end: Some(zeros_end - 1),
                })
            }
            _ => {
                self.end_of_number(c, "decimal")?;
                self.backup(c);
                Ok(())
            }
        }
    }
}

fn scan_number(lex: &mut logos::Lexer<Raw>) -> Result<(), RawError> {
    let start = lex.span().start;
    let mut cursor = Cursor {
        bytes: lex.source().as_bytes(),
        pos: start,
    };
    cursor.number()?;
    lex.bump(cursor.pos - lex.span().end);
    Ok(())
}

/// Scans a string literal after its opening quote, up to its closing one.
/// A backslash escapes any character (the literal is decoded later);
/// a single-quoted string ends at a line break.
fn scan_string(lex: &mut logos::Lexer<Raw>) -> Result<(), RawError> {
    let quote = *lex.slice().as_bytes().last().unwrap_or(&b'"');
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    let mut closing = 0;
    let needed = if triple { 3 } else { 1 };
    while i < rest.len() {
        let c = rest[i];
        i += 1;
        if c == quote {
            closing += 1;
            if closing == needed {
                lex.bump(i);
                return Ok(());
            }
            continue;
        }
        closing = 0;
        match c {
            b'\\' if i < rest.len() => {
                // `\` + CR LF escapes the whole line break.
                if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                i += 1;
            }
            b'\n' | b'\r' if !triple => {
                lex.bump(i - 1);
                return Err(RawError::Unterminated { triple });
            }
            _ => {}
        }
    }
    lex.bump(rest.len());
    Err(RawError::Unterminated { triple })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// An identifier or a keyword (the parser tells them apart).
    Name,
    Number,
    /// A whole string literal, prefix and quotes included.
    Str,
    Op(Op),
    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// A printable ASCII character no token starts with (`$`, `?`, `!`):
    /// CPython's parser reports "invalid syntax" on it.
    Unknown,
    /// Where the tokenizer failed (the last token then).
    Error,
}

/// A token: its kind, its byte range in the source and its position.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
    pub loc: Loc,
}

/// CPython's limits: brackets nest at most 200 deep, blocks 100.
const MAX_BRACKETS: usize = 200;
const MAX_INDENT: usize = 100;

/// Walks the source once, turning byte offsets into line and column.
#[derive(Clone)]
struct Positions<'s> {
    src: &'s [u8],
    pos: usize,
    line: u32,
    col: u32,
    line_start: usize,
}

impl Positions<'_> {
    fn advance_to(&mut self, target: usize) {
        while self.pos < target {
            let b = self.src[self.pos];
            self.pos += 1;
            match b {
                b'\n' => self.new_line(),
                b'\r' if self.src.get(self.pos) != Some(&b'\n') => self.new_line(),
                b'\r' => {}
                // Continuation bytes of a UTF-8 sequence are not characters.
                b if b & 0xC0 == 0x80 => {}
                _ => self.col += 1,
            }
        }
    }

    fn new_line(&mut self) {
        self.line += 1;
        self.col = 0;
        self.line_start = self.pos;
    }
}

/// The text of the line starting at byte `start`, without its line break.
pub fn line_text(src: &str, start: usize) -> &str {
    let rest = &src[start.min(src.len())..];
    let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
    &rest[..end]
}

/// Byte offset of the start of 1-based `line`.
pub fn line_start(src: &str, line: u32) -> usize {
    let mut current = 1;
    let bytes = src.as_bytes();
    let mut i = 0;
    while current < line && i < bytes.len() {
        match bytes[i] {
            b'\n' => current += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => current += 1,
            _ => {}
        }
        i += 1;
    }
    i
}

struct Tokenizer<'s> {
    src: &'s str,
    filename: &'s str,
    at: Positions<'s>,
    tokens: Vec<Token>,
    /// Indentation columns with tabs to multiples of 8, and with tabs as 1.
    indents: Vec<(u32, u32)>,
    /// Open brackets: the opening character and its position.
    brackets: Vec<(u8, Loc, usize)>,
}

impl<'s> Tokenizer<'s> {
    fn loc(&mut self, start: usize, end: usize) -> Loc {
        self.at.advance_to(start);
        let (line, col) = (self.at.line, self.at.col);
        self.at.advance_to(end);
        Loc {
            line,
            col,
            end_line: self.at.line,
            end_col: self.at.col,
        }
    }

    fn push(&mut self, tok: Tok, start: usize, end: usize) {
        let loc = self.loc(start, end);
        self.tokens.push(Token {
            tok,
            start,
            end,
            loc,
        });
    }

    /// An error on the line starting at `line_start` with CPython's 1-based
    /// `col`/`end_col`.
    fn error(
        &self,
        kind: ErrorKind,
        msg: impl Into<String>,
        line: u32,
        line_start: usize,
        col: u32,
        end_col: u32,
    ) -> SyntaxError {
        SyntaxError {
            filename: self.filename.to_string(),
            line,
            col,
            end_col,
            text: Some(line_text(self.src, line_start).to_string()),
            ..SyntaxError::new(kind, msg)
        }
    }

    /// An error whose caret is at byte `at` (1-based offset = its column
    /// + 1), on the line of `at`.
    fn error_at(&mut self, msg: impl Into<String>, at: usize, end: Option<usize>) -> SyntaxError {
        self.at.advance_to(at);
        let (line, line_start, col) = (self.at.line, self.at.line_start, self.at.col);
        let end_col = match end {
            Some(end) => {
                self.at.advance_to(end);
                self.at.col + 1
            }
            None => col + 1,
        };
        self.error(
            ErrorKind::SyntaxError,
            msg,
            line,
            line_start,
            col + 1,
            end_col,
        )
    }

    /// Indentation at a logical line's start: INDENT or DEDENTs, or an
    /// error. `blank` is the line's leading whitespace.
    fn indent(&mut self, blank: &str, start: usize) -> Result<(), SyntaxError> {
        let (mut col, mut alt) = (0u32, 0u32);
        for c in blank.bytes() {
            match c {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                _ => {
                    col = 0;
                    alt = 0;
                }
            }
        }
        let end = start + blank.len();
        let loc = self.loc(start, end);
        let line_start = self.at.line_start;
        let tab_error = |me: &Self| {
            me.error(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                loc.line,
                line_start,
                1,
                0,
            )
        };
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.error(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                    loc.line,
                    line_start,
                    1,
                    0,
                ));
            }
            if alt <= top_alt {
                return Err(tab_error(self));
            }
            self.indents.push((col, alt));
            self.tokens.push(Token {
                tok: Tok::Indent,
                start,
                end,
                loc,
            });
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |i| i.0) {
                self.indents.pop();
                self.tokens.push(Token {
                    tok: Tok::Dedent,
                    start: end,
                    end,
                    loc: Loc {
                        col: loc.end_col,
                        ..loc
                    },
                });
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                return Err(self.error(
                    ErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    loc.line,
                    line_start,
                    // CPython's caret: past the end of the line.
                    line_text(self.src, line_start).chars().count() as u32 + 1,
                    0,
                ));
            }
            if alt != top_alt {
                return Err(tab_error(self));
            }
        }
        Ok(())
    }

    /// Bracket nesting, after the bracket token was pushed at `loc`.
    fn bracket(&mut self, op: Op, loc: Loc) -> Result<(), SyntaxError> {
        let line_start = self.at.line_start;
        let here = |me: &Self, msg: String| {
            me.error(
                ErrorKind::SyntaxError,
                msg,
                loc.line,
                line_start,
                loc.col + 1,
                loc.col + 1,
            )
        };
        let open = match op {
            Op::LPar => Some(b'('),
            Op::LSqb => Some(b'['),
            Op::LBrace => Some(b'{'),
            _ => None,
        };
        if let Some(open) = open {
            if self.brackets.len() >= MAX_BRACKETS {
                return Err(here(self, "too many nested parentheses".into()));
            }
            self.brackets.push((open, loc, line_start));
            return Ok(());
        }
        let close = match op {
            Op::RPar => b')',
            Op::RSqb => b']',
            Op::RBrace => b'}',
            _ => return Ok(()),
        };
        let Some((open, open_loc, _)) = self.brackets.pop() else {
            return Err(here(self, format!("unmatched '{}'", close as char)));
        };
        let matching = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if close != matching {
            let msg = if open_loc.line != loc.line {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                    close as char, open as char, open_loc.line
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                    close as char, open as char
                )
            };
            return Err(here(self, msg));
        }
        Ok(())
    }

    /// A character that starts no token.
    fn unexpected(&mut self, start: usize, end: usize) -> Result<(), SyntaxError> {
        let c = self.src[start..].chars().next().unwrap_or(' ');
        if c.is_ascii_graphic() && c != '\\' {
            self.push(Tok::Unknown, start, end);
            return Ok(());
        }
        let msg = if c == '\\' {
            "unexpected character after line continuation character".to_string()
        } else if is_printable(c) {
            format!("invalid character '{c}' (U+{:04X})", c as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", c as u32)
        };
        // CPython puts the caret after a stray backslash, on the character.
        let at = if c == '\\' { end } else { start };
        Err(self.error_at(msg, at, None))
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        let mut raw = Raw::lexer(self.src);
        // At a logical line's start (outside brackets), its indentation is
        // pending until the line proves not to be blank.
        let mut line_start = true;
        let mut pending_blank: Option<(usize, &'s str)> = None;
        let mut continued = false;
        let mut last_continuation = 0;
        let mut comment: Option<usize> = None;
        while let Some(next) = raw.next() {
            let span = raw.span();
            let (start, end) = (span.start, span.end);
            let token = match next {
                Ok(token) => token,
                Err(RawError::Unexpected) if end == self.src.len() && raw.slice() == "\\" => {
                    // A backslash ending the input continues a line that
                    // never comes.
                    continued = true;
                    last_continuation = start;
                    continue;
                }
                Err(error) => {
                    // The line's indentation comes first, as in CPython.
                    if line_start && self.brackets.is_empty() {
                        let blank = pending_blank.take().unwrap_or((start, ""));
                        self.indent(blank.1, blank.0)?;
                        line_start = false;
                    }
                    match error {
                        RawError::Unexpected => {
                            self.unexpected(start, end)?;
                            continue;
                        }
                        RawError::Unterminated { triple } => {
                            return Err(self.unterminated(start, end, triple));
                        }
                        RawError::Number { msg, at, end } => {
                            return Err(self.error_at(msg, at.saturating_sub(1).max(start), end));
                        }
                    }
                }
            };
            match token {
                Raw::Blank => {
                    if line_start && pending_blank.is_none() && !continued {
                        pending_blank = Some((start, raw.slice()));
                    }
                }
                Raw::Comment => comment = Some(start),
                Raw::Continuation => {
                    continued = true;
                    last_continuation = start;
                }
                Raw::Newline => {
                    continued = false;
                    let comment = comment.take();
                    if line_start || !self.brackets.is_empty() {
                        pending_blank = None;
                        continue;
                    }
                    // CPython's NEWLINE starts at a comment before it and
                    // ends where the line break starts.
                    self.push(Tok::Newline, comment.unwrap_or(start), start);
                    line_start = true;
                    pending_blank = None;
                }
                Raw::Name | Raw::Number | Raw::Str | Raw::Op(_) => {
                    if line_start && self.brackets.is_empty() {
                        let (blank_start, blank) = pending_blank.take().unwrap_or((start, ""));
                        self.indent(blank, blank_start)?;
                        line_start = false;
                    }
                    continued = false;
                    let tok = match token {
                        Raw::Name => Tok::Name,
                        Raw::Number => Tok::Number,
                        Raw::Str => Tok::Str,
                        Raw::Op(op) => Tok::Op(op),
                        _ => unreachable!("only tokens reach here"),
                    };
                    self.push(tok, start, end);
                    if let Raw::Op(op) = token {
                        let loc = self.tokens[self.tokens.len() - 1].loc;
                        self.bracket(op, loc)?;
                    }
                }
            }
        }
        self.finish(continued.then_some(last_continuation))
    }

    /// An unterminated string from `start`; a single-quoted one was
    /// scanned up to the line break at `end`, a triple-quoted one to the
    /// end of input. Either is reported at its start, with the line where
    /// the tokenizer gave up.
    fn unterminated(&mut self, start: usize, end: usize, triple: bool) -> SyntaxError {
        let detected = if triple {
            let src = self.src;
            let breaks =
                src.matches('\n').count() + src.matches('\r').count() - src.matches("\r\n").count();
            (breaks + usize::from(!src.ends_with(['\n', '\r']))) as u32
        } else {
            // The line of the break that ended it, or of the last
            // character of the input.
            self.at.advance_to(start);
            let mut scan = self.at.clone();
            scan.advance_to(end.min(self.src.len().saturating_sub(1)).max(start));
            scan.line
        };
        let kind = if triple {
            "triple-quoted string"
        } else {
            "string"
        };
        let msg = format!("unterminated {kind} literal (detected at line {detected})");
        let mut err = self.error_at(msg, start, None);
        err.incomplete = triple;
        err
    }

    /// End of input: unclosed brackets are an error; else a NEWLINE if the
    /// last line had none, DEDENTs back to column 0 and ENDMARKER.
    /// `continuation` is where a backslash continued the last line.
    fn finish(&mut self, continuation: Option<usize>) -> Result<(), SyntaxError> {
        let end = self.src.len();
        if let Some(&(open, loc, line_start)) = self.brackets.last() {
            let mut err = self.error(
                ErrorKind::SyntaxError,
                format!("'{}' was never closed", open as char),
                loc.line,
                line_start,
                loc.col + 1,
                0,
            );
            err.incomplete = true;
            return Err(err);
        }
        if let Some(backslash) = continuation {
            // The caret goes after the backslash.
            let mut err = self.error_at("unexpected EOF while parsing", backslash + 1, None);
            err.incomplete = true;
            return Err(err);
        }
        let last_is_newline = matches!(
            self.tokens.last(),
            None | Some(Token {
                tok: Tok::Newline,
                ..
            })
        );
        if !last_is_newline {
            self.push(Tok::Newline, end, end);
        }
        self.at.advance_to(end);
        let at_eof = Loc {
            line: self.at.line + u32::from(self.at.col > 0),
            col: 0,
            end_line: self.at.line + u32::from(self.at.col > 0),
            end_col: 0,
        };
        for _ in 1..self.indents.len() {
            self.tokens.push(Token {
                tok: Tok::Dedent,
                start: end,
                end,
                loc: at_eof,
            });
        }
        self.tokens.push(Token {
            tok: Tok::EndMarker,
            start: end,
            end,
            loc: at_eof,
        });
        Ok(())
    }
}

/// `str.isprintable` for a character the tokenizer rejects (the message
/// differs): control, format, separator and private-use characters are not.
fn is_printable(c: char) -> bool {
    let u = c as u32;
    !(c.is_control()
        || c.is_whitespace()
        || matches!(u, 0xAD | 0x200B..=0x200F | 0x2060..=0x206F | 0xFEFF | 0xE000..=0xF8FF))
}

/// A source's tokens. If the tokenizer failed, they stop where it did,
/// with an `Error` token last, and `error` says why.
pub struct Tokens {
    pub tokens: Vec<Token>,
    pub error: Option<LexError>,
}

/// A tokenizer error, and how CPython weighs it against a parser error
/// found earlier in the file.
pub struct LexError {
    pub error: SyntaxError,
    /// For brackets left open at the end of input, the line of the
    /// innermost one: the error wins over a parser error on a later line.
    pub unclosed_bracket_line: Option<u32>,
    /// Errors CPython's tokenizer raises itself (bad literals, unmatched
    /// brackets, invalid characters) win over any parser error; those it
    /// only signals (indentation, TabError, a bad continuation, EOF after
    /// a backslash) do not.
    pub overrides_parser_errors: bool,
}

/// Tokenizes a whole source file.
pub fn tokenize(src: &str, filename: &str) -> Tokens {
    let mut tokenizer = Tokenizer {
        src,
        filename,
        at: Positions {
            src: src.as_bytes(),
            pos: 0,
            line: 1,
            col: 0,
            line_start: 0,
        },
        // About one token per three bytes of ordinary code.
        tokens: Vec::with_capacity(src.len() / 3 + 16),
        indents: vec![(0, 0)],
        brackets: Vec::new(),
    };
    let error = tokenizer.run().err().map(|error| {
        let end = tokenizer.tokens.last().map_or(0, |t| t.end);
        let loc = tokenizer.tokens.last().map_or(Loc::default(), |t| t.loc);
        tokenizer.tokens.push(Token {
            tok: Tok::Error,
            start: end,
            end,
            loc: Loc {
                line: loc.end_line,
                col: loc.end_col,
                ..loc
            },
        });
        let signalled = error.kind != ErrorKind::SyntaxError
            || matches!(
                error.msg.as_str(),
                "unexpected character after line continuation character"
                    | "unexpected EOF while parsing"
            );
        LexError {
            unclosed_bracket_line: tokenizer
                .brackets
                .last()
                .filter(|_| error.msg.ends_with("was never closed"))
                .map(|b| b.1.line),
            overrides_parser_errors: !signalled,
            error,
        }
    });
    Tokens {
        tokens: tokenizer.tokens,
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of `src` in a compact form: text for names, numbers,
    /// strings and operators, upper-case names for the others.
    fn tokens(src: &str) -> String {
        let lexed = tokenize(src, "t.py");
        if let Some(e) = lexed.error {
            panic!("{src:?}: {}", e.error);
        }
        lexed
            .tokens
            .iter()
            .map(|t| match t.tok {
                Tok::Newline => "NEWLINE".to_string(),
                Tok::Indent => "INDENT".to_string(),
                Tok::Dedent => "DEDENT".to_string(),
                Tok::EndMarker => "END".to_string(),
                Tok::Error => "ERROR".to_string(),
                _ => src[t.start..t.end].to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn error(src: &str) -> SyntaxError {
        tokenize(src, "t.py").error.expect(src).error
    }

    #[test]
    fn indentation_makes_indent_and_dedent() {
        assert_eq!(
            tokens("if x:\n  a\n  if y:\n      b\nc\n"),
            "if x : NEWLINE INDENT a NEWLINE if y : NEWLINE INDENT b NEWLINE DEDENT DEDENT c NEWLINE END"
        );
        // Blank and comment-only lines do not count, whatever their indent.
        assert_eq!(
            tokens("if x:\n\n      # c\n  a\n    \n"),
            "if x : NEWLINE INDENT a NEWLINE DEDENT END"
        );
        // Tabs go to multiples of 8; used consistently they are fine.
        assert_eq!(
            tokens("if x:\n\ta\n\tif y:\n\t\tb\n"),
            "if x : NEWLINE INDENT a NEWLINE if y : NEWLINE INDENT b NEWLINE DEDENT DEDENT END"
        );
        // The last line needs no line break.
        assert_eq!(
            tokens("if x:\n  a"),
            "if x : NEWLINE INDENT a NEWLINE DEDENT END"
        );
    }

    #[test]
    fn indentation_errors() {
        // As CPython 3.11 reports them.
        let e = error("if x:\n        a\n\tb\n");
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation"
            )
        );
        let e = error("if x:\n    a\n  b\n");
        assert_eq!(e.kind, ErrorKind::IndentationError);
        assert_eq!(
            (e.msg.as_str(), e.line),
            ("unindent does not match any outer indentation level", 3)
        );
    }

    #[test]
    fn line_joining() {
        assert_eq!(tokens("x = 1 + \\\n    2\n"), "x = 1 + 2 NEWLINE END");
        assert_eq!(tokens("f(a,\n  b)\n"), "f ( a , b ) NEWLINE END");
        assert_eq!(tokens("x = [\n1,  # c\n\n]\n"), "x = [ 1 , ] NEWLINE END");
        // `\r\n` and a form feed are line break and blank.
        assert_eq!(tokens("a\r\nb\x0c = 1\r\n"), "a NEWLINE b = 1 NEWLINE END");
    }

    #[test]
    fn string_prefixes_and_quotes() {
        for literal in [
            "'a'",
            "\"a\"",
            "'''a'''",
            "\"\"\"a\"\"\"",
            "r'\\d'",
            "R'a'",
            "u'a'",
            "U'a'",
            "b'a'",
            "B'a'",
            "br'a'",
            "Br'a'",
            "rb'a'",
            "RB'a'",
            "f'{a}'",
            "F'a'",
            "fr'a'",
            "rF'a'",
            "'it\\'s'",
            "'''a\nb'''",
            "'a\\\nb'",
            "''",
            "''''''",
        ] {
            assert_eq!(
                tokens(literal),
                format!("{literal} NEWLINE END"),
                "{literal}"
            );
        }
        // Not prefixes: a name, then a string.
        assert_eq!(tokens("bu'a'"), "bu 'a' NEWLINE END");
        assert_eq!(tokens("rr'a'"), "rr 'a' NEWLINE END");
        let e = error("x = 'abc\n");
        assert_eq!(e.msg, "unterminated string literal (detected at line 1)");
        let e = error("x = '''abc\n\n");
        assert_eq!(
            e.msg,
            "unterminated triple-quoted string literal (detected at line 2)"
        );
    }

    #[test]
    fn numbers() {
        for number in [
            "0",
            "00",
            "7",
            "1_000",
            "0x_1f",
            "0XFF",
            "0o17",
            "0b1_0",
            "1.5",
            "1.",
            ".5",
            "1e10",
            "1E-3",
            "1_0.0_1e+1_0",
            "3j",
            "1.5J",
            "1e3j",
            "0.0",
        ] {
            assert_eq!(tokens(number), format!("{number} NEWLINE END"), "{number}");
        }
        // A keyword may follow a number directly.
        assert_eq!(tokens("1if x else 2"), "1 if x else 2 NEWLINE END");
        for (bad, msg) in [
            ("1abc", "invalid decimal literal"),
            ("1_", "invalid decimal literal"),
            ("1__0", "invalid decimal literal"),
            ("0x", "invalid hexadecimal literal"),
            ("0o8", "invalid digit '8' in octal literal"),
            ("0b2", "invalid digit '2' in binary literal"),
            ("012", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"),
            ("1e", "invalid decimal literal"),
            ("1jx", "invalid imaginary literal"),
        ] {
            assert_eq!(error(bad).msg, msg, "{bad}");
        }
    }

    #[test]
    fn columns_count_characters() {
        let tokens = tokenize("é = 'ü' + x\n", "t.py").tokens;
        let cols: Vec<(u32, u32)> = tokens.iter().map(|t| (t.loc.col, t.loc.end_col)).collect();
        assert_eq!(&cols[..5], &[(0, 1), (2, 3), (4, 7), (8, 9), (10, 11)]);
        let tokens = tokenize("s = '''a\nbc''' + 1\n", "t.py").tokens;
        assert_eq!(
            tokens[2].loc,
            Loc {
                line: 1,
                col: 4,
                end_line: 2,
                end_col: 5
            }
        );
        assert_eq!((tokens[3].loc.line, tokens[3].loc.col), (2, 6));
    }

    #[test]
    fn brackets_must_match() {
        assert_eq!(
            error("x = (1]\n").msg,
            "closing parenthesis ']' does not match opening parenthesis '('"
        );
        assert_eq!(error("x = 1)\n").msg, "unmatched ')'");
        let e = error("x = [1,\n");
        assert_eq!(
            (e.msg.as_str(), e.incomplete),
            ("'[' was never closed", true)
        );
    }
}
