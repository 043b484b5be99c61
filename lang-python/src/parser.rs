//! The parser: tokens → `ast::Module`, or the `SyntaxError` CPython 3.11
//! reports for the same source.
//!
//! Hand-written recursive descent, with precedence climbing for binary
//! operators, rather than a generated LR parser: CPython's error messages
//! come from its PEG grammar's `invalid_*` rules, which look at what was
//! parsed so far ("cannot assign to function call here", "expected ':'",
//! "Perhaps you forgot a comma?"); in a hand-written parser each is a test
//! at the point where the mistake shows, and Python's grammar (targets
//! parsed as expressions and checked afterwards, `lambda`, f-strings
//! parsed from inside a token) needs no contortions. It also compiles fast.
//!
//! This file holds the entry points, the token cursor and the statements;
//! `parser/expr.rs` the expressions, `parser/strings.rs` literals and
//! f-strings, `parser/targets.rs` the checks on assignment targets.
//!
//! Nesting is bounded so that no input overflows the Rust stack: brackets
//! by the tokenizer (200, as CPython), blocks by it too (100), and
//! expression nesting here (`MAX_DEPTH`); parsing runs on a thread with a
//! stack large enough for those limits in a debug build.

mod expr;
mod patterns;
mod strings;
mod targets;

use crate::ast::*;
use crate::lexer::{line_start, line_text, tokenize, LexError, Op, Tok, Token};
use crate::syntax_error::{ErrorKind, SyntaxError};
use std::cell::Cell;

pub(crate) type PResult<T> = Result<T, SyntaxError>;

/// How deeply expressions may nest (unary operators, `lambda`, `not`,
/// conditional expressions, operands of long operator chains): CPython's
/// parser gives up here too (a MemoryError). Shallower code that is still
/// too deep to compile is the symbol table's `RecursionError`.
const MAX_DEPTH: u32 = 6000;

/// The message of the error returned if the parser panics (a bug: tests
/// check that no input produces it).
pub const PARSER_PANICKED: &str = "internal error: the parser panicked";

/// Stack for the parsing thread: a debug build needs about 16 KiB a level
/// of `MAX_DEPTH` (96 MiB); over five times that for margin (it is
/// reserved, not used).
const PARSER_STACK: usize = 512 << 20;

/// Python 3.11's keywords (`match`, `case` and `_` are soft keywords,
/// names elsewhere).
pub(crate) fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "False"
            | "None"
            | "True"
            | "and"
            | "as"
            | "assert"
            | "async"
            | "await"
            | "break"
            | "class"
            | "continue"
            | "def"
            | "del"
            | "elif"
            | "else"
            | "except"
            | "finally"
            | "for"
            | "from"
            | "global"
            | "if"
            | "import"
            | "in"
            | "is"
            | "lambda"
            | "nonlocal"
            | "not"
            | "or"
            | "pass"
            | "raise"
            | "return"
            | "try"
            | "while"
            | "with"
            | "yield"
    )
}

/// What the parser is parsing: a file, one expression (`eval`), one REPL
/// entry (`single`), or an f-string's replacement field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Exec,
    Eval,
    Single,
    FString,
}

pub(crate) struct Parser<'s> {
    pub(crate) src: &'s str,
    pub(crate) filename: &'s str,
    tokens: Vec<Token>,
    pos: usize,
    depth: u32,
    mode: Mode,
    /// Lines before the first of `src` (an f-string field's text is
    /// parsed on its own but numbered as in the file).
    line_offset: u32,
    /// Why the tokenizer stopped early, if it did (the tokens then end
    /// with an `Error` token), and whether the parser has looked at that
    /// token: CPython's parser meets the tokenizer's error only there.
    lex_error: Option<LexError>,
    reached_lex_error: Cell<bool>,
    /// Parsing a file: parser errors get byte columns (see `parse_bytes`).
    byte_columns: bool,
    /// The furthest token the parser has looked at: CPython reports a
    /// plain "invalid syntax" there. `fetched` is the same but for looks
    /// ahead made to find better messages too (CPython's tokens fetched).
    furthest: Cell<usize>,
    fetched: Cell<usize>,
    /// How many function bodies enclose the current token (`await` says
    /// "outside function" at module level, "outside async function" in one).
    pub(crate) def_depth: u32,
}

/// Parses a whole source file (`exec` mode).
pub fn parse_module(source: &str, filename: &str) -> Result<Module, SyntaxError> {
    let source = universal_newlines(source);
    on_big_stack(|| {
        let mut p = Parser::new(&source, filename, Mode::Exec)?;
        p.file()
    })
}

/// `\r\n` and `\r` read as `\n`, as CPython reads source files (so that a
/// string literal spanning lines holds `\n`).
fn universal_newlines(source: &str) -> std::borrow::Cow<'_, str> {
    if source.contains('\r') {
        std::borrow::Cow::Owned(source.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(source)
    }
}

/// Parses a source file given as bytes, decoded as [`source_text`] says
/// (UTF-8 unless an encoding is declared). Errors are as
/// `python3 FILE` reports them; they differ from a string's
/// (`parse_module`) in one way: CPython places the parser's (not the
/// tokenizer's) errors in a file by UTF-8 byte columns, so that on a line
/// with non-ASCII text before it the caret shows further right.
pub fn parse_bytes(source: &[u8], filename: &str) -> Result<Module, SyntaxError> {
    let text = source_text(source, filename)?;
    let source = universal_newlines(&text);
    on_big_stack(|| {
        let mut p = Parser::new(&source, filename, Mode::Exec)?;
        p.byte_columns = true;
        p.file()
    })
}

/// Parses one expression (`eval` mode): `eval()`'s input.
pub fn parse_expression(source: &str, filename: &str) -> Result<Expr, SyntaxError> {
    let source = universal_newlines(source);
    on_big_stack(|| {
        let mut p = Parser::new(&source, filename, Mode::Eval)?;
        p.eval_input()
    })
}

/// Parses one REPL entry (`single` mode): one statement, simple or
/// compound. An error with `incomplete` set means the input so far could
/// still become valid: the REPL should read another line and try again.
/// A compound statement is complete only once a blank line follows it, as
/// in CPython's REPL.
pub fn parse_interactive(source: &str, filename: &str) -> Result<Module, SyntaxError> {
    let source = universal_newlines(source);
    on_big_stack(|| {
        let mut p = Parser::new(&source, filename, Mode::Single)?;
        p.interactive_input()
    })
}

/// Runs `parse` on a thread of its own with a large stack.
fn on_big_stack<T: Send>(parse: impl FnOnce() -> PResult<T> + Send) -> PResult<T> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("python parser".into())
            .stack_size(PARSER_STACK)
            .spawn_scoped(scope, parse)
            .map_err(|e| {
                SyntaxError::new(
                    ErrorKind::SyntaxError,
                    format!("cannot start the parser: {e}"),
                )
            })?
            .join()
            .unwrap_or_else(|_| Err(SyntaxError::new(ErrorKind::SyntaxError, PARSER_PANICKED)))
    })
}

/// The 1-based byte column of 1-based character column `col` of `text`
/// (0, no column, stays 0; past the end counts one byte a column).
fn byte_column(text: &str, col: u32) -> u32 {
    if col == 0 {
        return 0;
    }
    let chars = col as usize - 1;
    let (bytes, counted) = text
        .char_indices()
        .nth(chars)
        .map_or((text.len(), text.chars().count()), |(i, _)| (i, chars));
    (bytes + (chars - counted) + 1) as u32
}

/// The text of a source file: UTF-8 (a BOM dropped) unless a PEP 263
/// comment declares another encoding; CPython's `SyntaxError` when it does
/// not decode.
pub fn source_text<'a>(
    source: &'a [u8],
    filename: &str,
) -> Result<std::borrow::Cow<'a, str>, SyntaxError> {
    match declared_encoding(source) {
        None | Some(SourceEncoding::Utf8) => match std::str::from_utf8(source) {
            Ok(text) => Ok(text.strip_prefix('\u{feff}').unwrap_or(text).into()),
            Err(e) => Err(non_utf8_error(source, e.valid_up_to(), filename)),
        },
        Some(SourceEncoding::Latin1) => Ok(source.iter().map(|&b| b as char).collect()),
        Some(SourceEncoding::Ascii) if source.is_ascii() => {
            Ok(std::str::from_utf8(source).unwrap_or_default().into())
        }
        Some(SourceEncoding::Ascii) => Err(encoding_problem("ascii", filename)),
        Some(SourceEncoding::Unknown(name)) => Err(encoding_problem(&name, filename)),
    }
}

/// The encodings a source file may declare that we can read.
#[derive(Debug, PartialEq)]
enum SourceEncoding {
    Utf8,
    Latin1,
    Ascii,
    Unknown(String),
}

/// The encoding declared by a PEP 263 comment (`# -*- coding: NAME -*-`)
/// on the first line, or on the second when the first is a comment or
/// blank; names as Python's codec registry spells its aliases.
fn declared_encoding(source: &[u8]) -> Option<SourceEncoding> {
    let mut lines = source.split(|&b| b == b'\n');
    for line_no in 0..2 {
        let line = lines.next()?;
        let text = String::from_utf8_lossy(line);
        let trimmed = text.trim_start_matches([' ', '\t', '\x0c']);
        if !trimmed.starts_with('#') {
            if line_no == 0 && trimmed.trim().is_empty() {
                continue;
            }
            return None;
        }
        let Some(at) = trimmed.find("coding") else {
            continue;
        };
        let rest = &trimmed[at + "coding".len()..];
        let Some(rest) = rest.strip_prefix([':', '=']) else {
            continue;
        };
        let name: String = rest
            .trim_start_matches([' ', '\t'])
            .chars()
            .take_while(|&c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect();
        if name.is_empty() {
            continue;
        }
        let normal = name.to_ascii_lowercase().replace('_', "-");
        return Some(match normal.as_str() {
            "utf-8" | "utf8" => SourceEncoding::Utf8,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "iso-latin-1" | "l1" => {
                SourceEncoding::Latin1
            }
            "ascii" | "us-ascii" => SourceEncoding::Ascii,
            _ => SourceEncoding::Unknown(name),
        });
    }
    None
}

/// CPython's error for a declared encoding it cannot use.
fn encoding_problem(name: &str, filename: &str) -> SyntaxError {
    SyntaxError {
        filename: filename.to_string(),
        ..SyntaxError::new(ErrorKind::SyntaxError, format!("encoding problem: {name}"))
    }
}

/// CPython's error for a file that is not UTF-8: no location shown.
fn non_utf8_error(source: &[u8], valid_up_to: usize, filename: &str) -> SyntaxError {
    let line = source[..valid_up_to]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    let msg = format!(
        "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no encoding \
         declared; see https://peps.python.org/pep-0263/ for details",
        source[valid_up_to], filename, line
    );
    SyntaxError {
        filename: filename.to_string(),
        ..SyntaxError::new(ErrorKind::SyntaxError, msg)
    }
}

impl<'s> Parser<'s> {
    pub(crate) fn new(src: &'s str, filename: &'s str, mode: Mode) -> PResult<Self> {
        if let Some(null) = src.find('\0') {
            // CPython shows the line up to the null byte, with no caret.
            let line = src[..null].matches('\n').count() as u32 + 1;
            let start = src[..null].rfind('\n').map_or(0, |i| i + 1);
            return Err(SyntaxError {
                filename: filename.to_string(),
                line,
                text: Some(src[start..null].to_string()),
                ..SyntaxError::new(
                    ErrorKind::SyntaxError,
                    "source code cannot contain null bytes",
                )
            });
        }
        let lexed = tokenize(src, filename);
        Ok(Parser {
            src,
            filename,
            tokens: lexed.tokens,
            pos: 0,
            depth: 0,
            def_depth: 0,
            mode,
            line_offset: 0,
            lex_error: lexed.error,
            reached_lex_error: Cell::new(false),
            byte_columns: false,
            furthest: Cell::new(0),
            fetched: Cell::new(0),
        })
    }

    // ----- the token cursor -----

    pub(crate) fn peek(&self) -> Token {
        self.peek_at(0)
    }

    pub(crate) fn peek_at(&self, ahead: usize) -> Token {
        let index = (self.pos + ahead).min(self.tokens.len() - 1);
        if index > self.furthest.get() {
            self.furthest.set(index);
        }
        if index > self.fetched.get() {
            self.fetched.set(index);
        }
        let t = self.tokens[index];
        if t.tok == Tok::Error {
            self.reached_lex_error.set(true);
        }
        t
    }

    /// The error to report when parsing failed with `parse_error`, as
    /// CPython chooses: the tokenizer's error if the parser got to it;
    /// else "unexpected indent" if that is the parser's; else a tokenizer
    /// error further on (CPython tokenizes the rest of the file to look
    /// for one), except that brackets left open at the end count only if
    /// the parser had read past the line of the innermost one.
    fn choose_error(&self, parse_error: SyntaxError) -> SyntaxError {
        let Some(lex) = &self.lex_error else {
            return parse_error;
        };
        if self.reached_lex_error.get() {
            return lex.error.clone();
        }
        let unexpected_indent = parse_error.kind == ErrorKind::IndentationError
            && matches!(
                parse_error.msg.as_str(),
                "unexpected indent" | "unexpected unindent"
            );
        if unexpected_indent {
            return parse_error;
        }
        let fetched_line = self.tokens[self.fetched.get().min(self.tokens.len() - 1)]
            .loc
            .line;
        match lex.unclosed_bracket_line {
            Some(line) if fetched_line <= line => parse_error,
            Some(_) => lex.error.clone(),
            None if lex.overrides_parser_errors => lex.error.clone(),
            None => parse_error,
        }
    }

    pub(crate) fn previous(&self) -> Token {
        self.tokens[self.pos.saturating_sub(1)]
    }

    pub(crate) fn advance(&mut self) -> Token {
        let t = self.peek();
        if self.pos < self.tokens.len() - 1 {
            self.pos += 1;
        }
        t
    }

    pub(crate) fn text(&self, t: Token) -> &'s str {
        &self.src[t.start..t.end]
    }

    pub(crate) fn at_op(&self, op: Op) -> bool {
        self.peek().tok == Tok::Op(op)
    }

    pub(crate) fn at_kw(&self, kw: &str) -> bool {
        let t = self.peek();
        t.tok == Tok::Name && self.text(t) == kw
    }

    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    pub(crate) fn eat_kw(&mut self, kw: &str) -> bool {
        if self.at_kw(kw) {
            self.advance();
            true
        } else {
            false
        }
    }

    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<Token> {
        if self.at_op(op) {
            Ok(self.advance())
        } else {
            Err(self.invalid_syntax())
        }
    }

    /// `:` ending a compound statement's header. Where CPython's grammar
    /// forces it (`forced`: after `def …)`, `for … in …`, `try`, `else`,
    /// `finally`) any other token is "expected ':'"; elsewhere only a line
    /// break is, and other tokens are "invalid syntax".
    pub(crate) fn expect_colon(&mut self, forced: bool) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        let t = self.peek();
        if forced || t.tok == Tok::Newline {
            return Err(self.error_range(
                "expected ':'",
                t.loc.line,
                t.loc.col,
                t.loc.end_col.max(t.loc.col + 1),
            ));
        }
        Err(self.invalid_syntax())
    }

    /// An identifier (not a keyword).
    pub(crate) fn name(&mut self) -> PResult<String> {
        let t = self.peek();
        if t.tok == Tok::Name && !is_keyword(self.text(t)) {
            self.advance();
            return Ok(self.text(t).to_string());
        }
        Err(self.invalid_syntax())
    }

    pub(crate) fn at_name(&self) -> bool {
        let t = self.peek();
        t.tok == Tok::Name && !is_keyword(self.text(t))
    }

    /// Runs `attempt` (a look further ahead to find a more helpful error
    /// message) without moving the parser or what it has looked at.
    pub(crate) fn speculate<T>(&mut self, attempt: impl FnOnce(&mut Self) -> T) -> T {
        let (pos, furthest) = (self.pos, self.furthest.get());
        let result = attempt(self);
        self.pos = pos;
        self.furthest.set(furthest);
        result
    }

    /// Runs `f` one nesting level deeper, failing past `MAX_DEPTH`.
    pub(crate) fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            let t = self.peek();
            return Err(self.error_range(
                "too many nested expressions",
                t.loc.line,
                t.loc.col,
                t.loc.end_col,
            ));
        }
        let result = f(self);
        self.depth -= 1;
        result
    }

    // ----- errors -----

    /// A `SyntaxError` on `line` from 0-based character column `col` to
    /// `end_col` (exclusive).
    pub(crate) fn error_range(&self, msg: &str, line: u32, col: u32, end_col: u32) -> SyntaxError {
        self.error_kind(ErrorKind::SyntaxError, msg, line, col + 1, end_col + 1)
    }

    /// An error with CPython's 1-based offsets.
    pub(crate) fn error_kind(
        &self,
        kind: ErrorKind,
        msg: &str,
        line: u32,
        col: u32,
        end_col: u32,
    ) -> SyntaxError {
        let msg = if self.mode == Mode::FString {
            format!("f-string: {msg}")
        } else {
            msg.to_string()
        };
        let source_line = line.saturating_sub(self.line_offset);
        let text = line_text(self.src, line_start(self.src, source_line));
        let (col, end_col) = if self.byte_columns {
            (byte_column(text, col), byte_column(text, end_col))
        } else {
            (col, end_col)
        };
        SyntaxError {
            filename: self.filename.to_string(),
            line,
            col,
            end_col,
            text: Some(text.to_string()),
            ..SyntaxError::new(kind, msg)
        }
    }

    /// An error spanning a node (only its first line if it has several).
    pub(crate) fn error_at(&self, msg: &str, loc: Loc) -> SyntaxError {
        let end = if loc.end_line == loc.line {
            loc.end_col
        } else {
            let source_line = loc.line.saturating_sub(self.line_offset);
            // CPython: to the end of the first line.
            line_text(self.src, line_start(self.src, source_line))
                .chars()
                .count() as u32
        };
        self.error_range(msg, loc.line, loc.col, end)
    }

    /// "invalid syntax" at the furthest token looked at, or the more
    /// specific error CPython gives there (an unexpected indent, or the end
    /// of input).
    pub(crate) fn invalid_syntax(&self) -> SyntaxError {
        let t = self.tokens[self.furthest.get().max(self.pos).min(self.tokens.len() - 1)];
        match t.tok {
            Tok::Indent => {
                let mut err = self.error_kind(
                    ErrorKind::IndentationError,
                    "unexpected indent",
                    t.loc.line,
                    t.loc.end_col,
                    0,
                );
                err.end_col = 0;
                err
            }
            Tok::Dedent if t.loc.col > 0 || t.start < self.src.len() => self.error_kind(
                ErrorKind::IndentationError,
                "unexpected unindent",
                t.loc.line,
                t.loc.col + 1,
                0,
            ),
            Tok::EndMarker | Tok::Dedent => {
                let mut err = self.error_range("invalid syntax", t.loc.line, t.loc.col, t.loc.col);
                if self.mode == Mode::Single {
                    err.incomplete = true;
                }
                self.error_at_last_line(err)
            }
            _ => {
                let mut err = self.error_at("invalid syntax", t.loc);
                err.end_col = err.end_col.max(err.col + 1);
                err
            }
        }
    }

    /// Is the parser past the last token of the input (at the DEDENTs and
    /// ENDMARKER that close it)?
    fn at_end_of_input(&self) -> bool {
        let t = self.peek();
        matches!(t.tok, Tok::EndMarker | Tok::Dedent) && t.start >= self.src.len()
    }

    /// An error at the end of input: CPython shows the file's last line
    /// (blank or not), with no caret.
    fn error_at_last_line(&self, mut err: SyntaxError) -> SyntaxError {
        let breaks = self.src.matches('\n').count() as u32;
        let last = if self.src.ends_with('\n') {
            breaks
        } else {
            breaks + 1
        };
        let last = last.max(1);
        err.line = last + self.line_offset;
        err.col = 0;
        err.end_col = 0;
        err.text = Some(line_text(self.src, line_start(self.src, last)).to_string());
        err
    }

    // ----- files and statements -----

    fn file(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        while self.peek().tok != Tok::EndMarker {
            if let Err(e) = self.statement(&mut body) {
                return Err(self.choose_error(e));
            }
        }
        Ok(Module { body })
    }

    fn eval_input(&mut self) -> PResult<Expr> {
        self.eval_body().map_err(|e| self.choose_error(e))
    }

    fn eval_body(&mut self) -> PResult<Expr> {
        let e = self.expressions()?;
        while self.peek().tok == Tok::Newline {
            self.advance();
        }
        if self.peek().tok != Tok::EndMarker {
            return Err(self.invalid_syntax());
        }
        Ok(e)
    }

    /// CPython's `single` mode as its REPL uses it (`codeop`): the input
    /// is the lines typed so far joined by `\n`; a compound statement is
    /// complete once an empty line follows it.
    fn interactive_input(&mut self) -> PResult<Module> {
        self.interactive_body().map_err(|e| self.choose_error(e))
    }

    fn interactive_body(&mut self) -> PResult<Module> {
        let mut body = Vec::new();
        if self.peek().tok == Tok::EndMarker {
            return Ok(Module { body });
        }
        let compound = self.at_compound();
        self.statement(&mut body)?;
        if self.peek().tok != Tok::EndMarker {
            if compound {
                return Err(self.invalid_syntax());
            }
            let t = self.peek();
            return Err(self.error_range(
                "multiple statements found while compiling a single statement",
                t.loc.line,
                t.loc.col,
                t.loc.col,
            ));
        }
        if compound && !self.src.ends_with('\n') {
            let mut err = self.error_range("incomplete input", 1, 0, 0);
            err.incomplete = true;
            return Err(err);
        }
        Ok(Module { body })
    }

    fn at_compound(&self) -> bool {
        let t = self.peek();
        if t.tok == Tok::Op(Op::At) {
            return true;
        }
        t.tok == Tok::Name
            && (matches!(
                self.text(t),
                "def" | "if" | "class" | "with" | "for" | "try" | "while"
            ) || (self.text(t) == "match" && self.looks_like_match()))
    }

    /// One statement line (possibly several simple statements) or one
    /// compound statement, appended to `body`.
    fn statement(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        let t = self.peek();
        match t.tok {
            Tok::Indent => return Err(self.invalid_syntax()),
            Tok::Op(Op::At) => {
                body.push(self.decorated()?);
                return Ok(());
            }
            Tok::Name => {
                let stmt = match self.text(t) {
                    "def" => Some(self.function_def(Vec::new(), t.loc)?),
                    "class" => Some(self.class_def(Vec::new(), t.loc)?),
                    "if" => Some(self.if_stmt()?),
                    "while" => Some(self.while_stmt()?),
                    "for" => Some(self.for_stmt()?),
                    "try" => Some(self.try_stmt()?),
                    "with" => Some(self.with_stmt()?),
                    "async" => return Err(self.unsupported("'async' is")),
                    "match" if self.looks_like_match() => Some(self.match_stmt()?),
                    _ => None,
                };
                if let Some(stmt) = stmt {
                    body.push(stmt);
                    return Ok(());
                }
            }
            _ => {}
        }
        self.simple_statements(body)
    }

    /// `match x:` at a statement start: `match` is a soft keyword, a name
    /// elsewhere.
    fn looks_like_match(&self) -> bool {
        let mut i = self.pos + 1;
        let mut depth = 0;
        while i < self.tokens.len() {
            match self.tokens[i].tok {
                Tok::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                Tok::Op(Op::RPar | Op::RSqb | Op::RBrace) => depth -= 1,
                Tok::Op(Op::Colon) if depth == 0 => {
                    return i > self.pos + 1
                        && matches!(self.tokens.get(i + 1).map(|t| t.tok), Some(Tok::Newline));
                }
                Tok::Newline | Tok::Op(Op::Equal) => return false,
                _ => {}
            }
            i += 1;
        }
        false
    }

    /// A construct this interpreter leaves out (`async`, `except*`): a SyntaxError at the current token saying so.
    pub(crate) fn unsupported(&self, what: &str) -> SyntaxError {
        let t = self.peek();
        self.error_range(
            &format!("{what} not supported by this interpreter"),
            t.loc.line,
            t.loc.col,
            t.loc.end_col,
        )
    }

    fn simple_statements(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            body.push(self.simple_statement()?);
            if self.eat_op(Op::Semi) {
                if self.peek().tok == Tok::Newline {
                    break;
                }
                continue;
            }
            break;
        }
        if self.peek().tok == Tok::Newline {
            self.advance();
            return Ok(());
        }
        Err(self.after_statement_error())
    }

    /// A statement followed by something else than `;` or a line break.
    /// CPython then tries to read an expression there (to suggest a
    /// missing comma inside brackets): if that runs into a tokenizer
    /// error, that error is the one reported.
    /// (A specific error met while reading it, such as a missing comma
    /// inside brackets, is CPython's error too.)
    fn after_statement_error(&mut self) -> SyntaxError {
        match self.speculate(|p| p.expression()) {
            Err(e) if e.msg != "invalid syntax" => e,
            _ => self.invalid_syntax(),
        }
    }

    fn stmt(&self, kind: StmtKind, start: Loc) -> Stmt {
        let end = self.node_end();
        Stmt {
            kind,
            loc: Loc {
                line: start.line,
                col: start.col,
                end_line: end.end_line,
                end_col: end.end_col,
            },
        }
    }

    fn simple_statement(&mut self) -> PResult<Stmt> {
        let t = self.peek();
        let start = t.loc;
        if t.tok == Tok::Name {
            match self.text(t) {
                "pass" => {
                    self.advance();
                    return Ok(self.stmt(StmtKind::Pass, start));
                }
                "break" => {
                    self.advance();
                    return Ok(self.stmt(StmtKind::Break, start));
                }
                "continue" => {
                    self.advance();
                    return Ok(self.stmt(StmtKind::Continue, start));
                }
                "return" => {
                    self.advance();
                    let value = if self.at_expression_end() {
                        None
                    } else {
                        Some(Box::new(self.star_expressions()?))
                    };
                    return Ok(self.stmt(StmtKind::Return { value }, start));
                }
                "raise" => return self.raise_stmt(),
                "global" | "nonlocal" => {
                    self.advance();
                    let mut names = vec![self.name()?];
                    while self.eat_op(Op::Comma) {
                        names.push(self.name()?);
                    }
                    let kind = if self.text(t) == "global" {
                        StmtKind::Global { names }
                    } else {
                        StmtKind::Nonlocal { names }
                    };
                    return Ok(self.stmt(kind, start));
                }
                "del" => return self.del_stmt(),
                "assert" => {
                    self.advance();
                    let test = Box::new(self.expression()?);
                    let msg = if self.eat_op(Op::Comma) {
                        Some(Box::new(self.expression()?))
                    } else {
                        None
                    };
                    return Ok(self.stmt(StmtKind::Assert { test, msg }, start));
                }
                "import" => return self.import_stmt(),
                "from" => return self.import_from(),
                _ => {}
            }
        }
        self.expression_statement()
    }

    /// At `;`, a line break or the end: an optional value is absent.
    pub(crate) fn at_expression_end(&self) -> bool {
        matches!(
            self.peek().tok,
            Tok::Newline | Tok::EndMarker | Tok::Op(Op::Semi)
        )
    }

    fn raise_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().loc;
        let mut exc = None;
        let mut cause = None;
        if !self.at_expression_end() {
            exc = Some(Box::new(self.expression()?));
            if self.eat_kw("from") {
                cause = Some(Box::new(self.expression()?));
            }
        }
        Ok(self.stmt(StmtKind::Raise { exc, cause }, start))
    }

    fn del_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().loc;
        let mut targets = Vec::new();
        loop {
            let target = self.del_target()?;
            targets.push(target);
            if !self.eat_op(Op::Comma) || self.at_expression_end() {
                break;
            }
        }
        if !self.at_expression_end() {
            return Err(self.invalid_syntax());
        }
        Ok(self.stmt(StmtKind::Delete { targets }, start))
    }

    fn del_target(&mut self) -> PResult<Expr> {
        let e = self.bitwise_or()?;
        self.to_target(e, ExprContext::Del)
    }

    fn dotted_name(&mut self) -> PResult<String> {
        let mut name = self.name()?;
        while self.eat_op(Op::Dot) {
            name.push('.');
            name.push_str(&self.name()?);
        }
        Ok(name)
    }

    fn import_stmt(&mut self) -> PResult<Stmt> {
        let start = self.advance().loc;
        let mut names = Vec::new();
        loop {
            let first = self.peek().loc;
            let name = self.dotted_name()?;
            let asname = if self.eat_kw("as") {
                Some(self.name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                loc: self.span_from(first),
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(self.stmt(StmtKind::Import { names }, start))
    }

    /// The position of the last token consumed that is part of a node
    /// (not a line break, INDENT or DEDENT).
    fn node_end(&self) -> Loc {
        self.tokens[..self.pos]
            .iter()
            .rev()
            .find(|t| !matches!(t.tok, Tok::Newline | Tok::Indent | Tok::Dedent))
            .map_or(Loc::default(), |t| t.loc)
    }

    pub(crate) fn span_from(&self, start: Loc) -> Loc {
        let end = self.node_end();
        Loc {
            line: start.line,
            col: start.col,
            end_line: end.end_line,
            end_col: end.end_col,
        }
    }

    fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.advance().loc;
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if level > 0 && self.at_kw("import") {
            None
        } else {
            Some(self.dotted_name()?)
        };
        if !self.eat_kw("import") {
            return Err(self.invalid_syntax());
        }
        let mut names = Vec::new();
        if self.at_op(Op::Star) {
            let t = self.advance();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                loc: t.loc,
            });
        } else {
            let parenthesized = self.eat_op(Op::LPar);
            loop {
                let first = self.peek().loc;
                let name = self.name()?;
                let asname = if self.eat_kw("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                names.push(Alias {
                    name,
                    asname,
                    loc: self.span_from(first),
                });
                if !self.eat_op(Op::Comma) {
                    break;
                }
                if parenthesized && self.at_op(Op::RPar) {
                    break;
                }
                if !parenthesized && self.at_expression_end() {
                    let t = self.peek();
                    return Err(self.error_range(
                        "trailing comma not allowed without surrounding parentheses",
                        t.loc.line,
                        t.loc.col,
                        t.loc.end_col,
                    ));
                }
            }
            if parenthesized {
                self.expect_op(Op::RPar)?;
            }
        }
        Ok(self.stmt(
            StmtKind::ImportFrom {
                module,
                names,
                level,
            },
            start,
        ))
    }

    /// Expression statements, assignments (`a = b = c`), augmented and
    /// annotated assignments.
    fn expression_statement(&mut self) -> PResult<Stmt> {
        let start = self.peek().loc;
        let start_index = self.pos;
        let first_is_yield = self.at_kw("yield");
        let first = if first_is_yield {
            self.yield_expr()?
        } else {
            self.star_expressions()?
        };
        let t = self.peek();
        match t.tok {
            Tok::Op(Op::Equal) => {
                if first_is_yield {
                    return Err(
                        self.error_at("assignment to yield expression not possible", first.loc)
                    );
                }
                let mut exprs = vec![first];
                while self.eat_op(Op::Equal) {
                    // Before a second `=`, CPython has rejected any wrong
                    // target; the first one waits to see what follows its
                    // `=` (a mistyped `==`?) unless nothing can.
                    if exprs.len() > 1 {
                        for e in &exprs {
                            self.to_target(e.clone(), ExprContext::Store)?;
                        }
                    }
                    let is_yield = self.at_kw("yield");
                    let value = if is_yield {
                        self.yield_expr()
                    } else {
                        self.star_expressions()
                    };
                    let value = match value {
                        Ok(value) => value,
                        Err(e) => {
                            if let [target] = &exprs[..] {
                                self.to_target(target.clone(), ExprContext::Store)?;
                            }
                            return Err(e);
                        }
                    };
                    if is_yield && self.at_op(Op::Equal) {
                        return Err(
                            self.error_at("assignment to yield expression not possible", value.loc)
                        );
                    }
                    exprs.push(value);
                }
                let value = exprs
                    .pop()
                    .map(Box::new)
                    .ok_or_else(|| self.invalid_syntax())?;
                let single_equal = exprs.len() == 1;
                let mut targets = Vec::with_capacity(exprs.len());
                for target in exprs {
                    targets.push(self.assignment_target(target, single_equal, &value)?);
                }
                Ok(self.stmt(StmtKind::Assign { targets, value }, start))
            }
            Tok::Op(Op::Colon) => {
                // CPython's grammar takes only a name, attribute or
                // subscript here; for anything else it names the mistake if
                // an annotation follows, else the `:` is the error.
                let annotatable = matches!(
                    first.kind,
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                );
                if !annotatable
                    && !self.speculate(|p| {
                        p.advance();
                        p.expression().is_ok()
                    })
                {
                    return Err(self.invalid_syntax());
                }
                self.advance();
                let simple = matches!(first.kind, ExprKind::Name { .. })
                    && self.tokens[start_index].tok != Tok::Op(Op::LPar);
                let annotation = Box::new(self.expression()?);
                let target = Box::new(self.annotation_target(first)?);
                let value = if self.eat_op(Op::Equal) {
                    Some(Box::new(if self.at_kw("yield") {
                        self.yield_expr()?
                    } else {
                        self.star_expressions()?
                    }))
                } else {
                    None
                };
                Ok(self.stmt(
                    StmtKind::AnnAssign {
                        target,
                        annotation,
                        value,
                        simple,
                    },
                    start,
                ))
            }
            Tok::Op(op) if augmented_operator(op).is_some() => {
                let op = augmented_operator(op).unwrap_or(Operator::Add);
                // CPython's grammar takes only a name, attribute or subscript
                // here; for anything else it names the mistake if a value
                // follows, else the operator is the error.
                let assignable = matches!(
                    first.kind,
                    ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                );
                if !assignable
                    && !self.speculate(|p| {
                        p.advance();
                        if p.at_kw("yield") {
                            p.yield_expr().is_ok()
                        } else {
                            p.star_expressions().is_ok()
                        }
                    })
                {
                    return Err(self.invalid_syntax());
                }
                self.advance();
                let target = Box::new(self.augmented_target(first)?);
                let value = Box::new(if self.at_kw("yield") {
                    self.yield_expr()?
                } else {
                    self.star_expressions()?
                });
                Ok(self.stmt(StmtKind::AugAssign { target, op, value }, start))
            }
            _ => {
                if let Some(err) = self.print_statement_error(&first) {
                    return Err(err);
                }
                Ok(self.stmt(
                    StmtKind::Expr {
                        value: Box::new(first),
                    },
                    start,
                ))
            }
        }
    }

    /// `print "x"`: Python 2's print statement gets its own message.
    fn print_statement_error(&self, first: &Expr) -> Option<SyntaxError> {
        let ExprKind::Name { id, .. } = &first.kind else {
            return None;
        };
        if id != "print" && id != "exec" {
            return None;
        }
        let t = self.peek();
        if matches!(t.tok, Tok::Newline | Tok::Op(Op::Semi) | Tok::EndMarker)
            || t.tok == Tok::Op(Op::LPar)
        {
            return None;
        }
        // The argument runs to the end of the statement.
        let mut end = t;
        let mut i = self.pos;
        let mut depth = 0i32;
        while i < self.tokens.len() {
            let tok = self.tokens[i];
            match tok.tok {
                Tok::Newline | Tok::EndMarker => break,
                Tok::Op(Op::Semi) if depth == 0 => break,
                Tok::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                Tok::Op(Op::RPar | Op::RSqb | Op::RBrace) => depth -= 1,
                _ => {}
            }
            end = tok;
            i += 1;
        }
        let msg = format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?");
        let end_col = if end.loc.end_line == first.loc.line {
            end.loc.end_col
        } else {
            first.loc.end_col
        };
        Some(self.error_range(&msg, first.loc.line, first.loc.col, end_col))
    }

    // ----- compound statements -----

    /// The body after a compound statement's `:`. `what` and `line` name
    /// the statement for "expected an indented block after …".
    fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        if self.peek().tok != Tok::Newline {
            let mut body = Vec::new();
            self.simple_statements(&mut body)?;
            return Ok(body);
        }
        self.advance();
        if self.peek().tok != Tok::Indent {
            let t = self.peek();
            let msg = format!("expected an indented block after {what} on line {line}");
            if self.at_end_of_input() {
                let err = self.error_kind(ErrorKind::IndentationError, &msg, line, 0, 0);
                let mut err = self.error_at_last_line(err);
                err.incomplete = true;
                return Err(err);
            }
            return Err(self.error_kind(
                ErrorKind::IndentationError,
                &msg,
                t.loc.line,
                t.loc.col + 1,
                t.loc.end_col + 1,
            ));
        }
        self.advance();
        let mut body = Vec::new();
        while !matches!(self.peek().tok, Tok::Dedent | Tok::EndMarker) {
            self.statement(&mut body)?;
        }
        self.eat_dedent();
        Ok(body)
    }

    fn eat_dedent(&mut self) {
        if self.peek().tok == Tok::Dedent {
            self.advance();
        }
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.at_op(Op::At) {
            self.advance();
            decorators.push(self.named_expression()?);
            if self.peek().tok != Tok::Newline {
                return Err(self.invalid_syntax());
            }
            self.advance();
        }
        let t = self.peek();
        if self.at_kw("def") {
            self.function_def(decorators, t.loc)
        } else if self.at_kw("class") {
            self.class_def(decorators, t.loc)
        } else if self.at_kw("async") {
            Err(self.unsupported("'async' is"))
        } else {
            Err(self.invalid_syntax())
        }
    }

    fn function_def(&mut self, decorator_list: Vec<Expr>, start: Loc) -> PResult<Stmt> {
        let def = self.advance();
        let name = self.name()?;
        if !self.at_op(Op::LPar) {
            let t = self.peek();
            return Err(self.error_range(
                "expected '('",
                t.loc.line,
                t.loc.col,
                t.loc.end_col.max(t.loc.col + 1),
            ));
        }
        self.advance();
        let args = Box::new(self.parameters(Op::RPar, true)?);
        self.expect_op(Op::RPar)?;
        let returns = if self.at_op(Op::RArrow) {
            let arrow = self.advance();
            match self.expression() {
                Ok(annotation) => Some(Box::new(annotation)),
                // CPython: the annotation is optional in its grammar, so the
                // `:` was expected at the arrow.
                Err(_) => {
                    let loc = arrow.loc;
                    return Err(self.error_range("expected ':'", loc.line, loc.col, loc.end_col));
                }
            }
        } else {
            None
        };
        self.expect_colon(true)?;
        self.def_depth += 1;
        let body = self.block("function definition", def.loc.line);
        self.def_depth -= 1;
        let body = body?;
        Ok(self.stmt(
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            },
            start,
        ))
    }

    fn class_def(&mut self, decorator_list: Vec<Expr>, start: Loc) -> PResult<Stmt> {
        let class = self.advance();
        let name = self.name()?;
        let (bases, keywords) = if self.eat_op(Op::LPar) {
            let (args, keywords) = self.call_arguments()?;
            self.expect_op(Op::RPar)?;
            (args, keywords)
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon(false)?;
        let body = self.block("class definition", class.loc.line)?;
        Ok(self.stmt(
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            },
            start,
        ))
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        let t = self.advance();
        let test = Box::new(self.named_expression()?);
        self.expect_colon(false)?;
        let what = if self.text(t) == "if" {
            "'if' statement"
        } else {
            "'elif' statement"
        };
        let body = self.block(what, t.loc.line)?;
        let orelse = if self.at_kw("elif") {
            vec![self.if_stmt()?]
        } else {
            self.else_block()?
        };
        Ok(self.stmt(StmtKind::If { test, body, orelse }, t.loc))
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if !self.at_kw("else") {
            return Ok(Vec::new());
        }
        let t = self.advance();
        self.expect_colon(true)?;
        self.block("'else' statement", t.loc.line)
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let t = self.advance();
        let test = Box::new(self.named_expression()?);
        self.expect_colon(false)?;
        let body = self.block("'while' statement", t.loc.line)?;
        let orelse = self.else_block()?;
        Ok(self.stmt(StmtKind::While { test, body, orelse }, t.loc))
    }

    fn for_stmt(&mut self) -> PResult<Stmt> {
        let t = self.advance();
        let target = Box::new(self.for_target()?);
        if !self.eat_kw("in") {
            return Err(self.invalid_syntax());
        }
        let iter = Box::new(self.star_expressions()?);
        self.expect_colon(true)?;
        let body = self.block("'for' statement", t.loc.line)?;
        let orelse = self.else_block()?;
        Ok(self.stmt(
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            },
            t.loc,
        ))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let t = self.advance();
        self.expect_colon(true)?;
        let body = self.block("'try' statement", t.loc.line)?;
        let mut handlers = Vec::new();
        while self.at_kw("except") {
            let e = self.advance();
            if self.at_op(Op::Star) {
                return Err(self.unsupported("'except*' is"));
            }
            let (typ, name) = if self.at_op(Op::Colon) {
                (None, None)
            } else {
                let typ = self.expression()?;
                let typ = if self.at_op(Op::Comma) {
                    let mut elts = vec![typ];
                    while self.eat_op(Op::Comma) {
                        if self.at_op(Op::Colon) || self.at_kw("as") {
                            break;
                        }
                        elts.push(self.expression()?);
                    }
                    let err_loc = Loc {
                        end_line: elts[elts.len() - 1].loc.end_line,
                        end_col: elts[elts.len() - 1].loc.end_col,
                        ..elts[0].loc
                    };
                    return Err(
                        self.error_at("multiple exception types must be parenthesized", err_loc)
                    );
                } else {
                    typ
                };
                let name = if self.eat_kw("as") {
                    Some(self.name()?)
                } else {
                    None
                };
                (Some(typ), name)
            };
            self.expect_colon(false)?;
            let body = self.block("'except' statement", e.loc.line)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body,
                loc: self.span_from(e.loc),
            });
        }
        let orelse = if handlers.is_empty() {
            Vec::new()
        } else {
            self.else_block()?
        };
        let finalbody = if self.at_kw("finally") {
            let f = self.advance();
            self.expect_colon(true)?;
            self.block("'finally' statement", f.loc.line)?
        } else {
            Vec::new()
        };
        if handlers.is_empty() && finalbody.is_empty() {
            let t = self.peek();
            let msg = "expected 'except' or 'finally' block";
            let err = self.error_range(msg, t.loc.line, t.loc.col, t.loc.end_col);
            if self.at_end_of_input() {
                let mut err = self.error_at_last_line(err);
                err.incomplete = true;
                return Err(err);
            }
            return Err(err);
        }
        Ok(self.stmt(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            },
            t.loc,
        ))
    }

    fn with_stmt(&mut self) -> PResult<Stmt> {
        let t = self.advance();
        let items = if self.at_op(Op::LPar) && self.parenthesized_with_items() {
            self.advance();
            let mut items = vec![self.with_item()?];
            while self.eat_op(Op::Comma) {
                if self.at_op(Op::RPar) {
                    break;
                }
                items.push(self.with_item()?);
            }
            if !self.at_op(Op::RPar) {
                let last = &items[items.len() - 1];
                let last = last
                    .optional_vars
                    .as_ref()
                    .unwrap_or(&last.context_expr)
                    .clone();
                return Err(self.missing_comma_or_invalid(&last));
            }
            self.advance();
            items
        } else {
            let mut items = vec![self.with_item()?];
            while self.eat_op(Op::Comma) {
                items.push(self.with_item()?);
            }
            items
        };
        self.expect_colon(false)?;
        let body = self.block("'with' statement", t.loc.line)?;
        Ok(self.stmt(StmtKind::With { items, body }, t.loc))
    }

    /// `with (a as b, c):` (items in parentheses) as opposed to
    /// `with (a, b):` or `with (a) as b:` (an expression in parentheses):
    /// the former has its `)` right before the `:` and an `as` or a
    /// trailing comma inside, at depth 1.
    fn parenthesized_with_items(&self) -> bool {
        let mut depth = 0;
        let mut saw_as = false;
        let mut i = self.pos;
        while i < self.tokens.len() {
            let t = self.tokens[i];
            match t.tok {
                Tok::Op(Op::LPar | Op::LSqb | Op::LBrace) => depth += 1,
                Tok::Op(Op::RPar | Op::RSqb | Op::RBrace) => {
                    depth -= 1;
                    if depth == 0 {
                        let next = self.tokens.get(i + 1).map(|t| t.tok);
                        let trailing_comma = self.tokens[i - 1].tok == Tok::Op(Op::Comma);
                        return next == Some(Tok::Op(Op::Colon)) && (saw_as || trailing_comma);
                    }
                }
                Tok::Name if depth == 1 && self.text(t) == "as" => saw_as = true,
                Tok::Newline | Tok::EndMarker => return false,
                _ => {}
            }
            i += 1;
        }
        false
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw("as") {
            Some(self.star_target()?)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }
}

fn augmented_operator(op: Op) -> Option<Operator> {
    Some(match op {
        Op::PlusEqual => Operator::Add,
        Op::MinEqual => Operator::Sub,
        Op::StarEqual => Operator::Mult,
        Op::AtEqual => Operator::MatMult,
        Op::SlashEqual => Operator::Div,
        Op::PercentEqual => Operator::Mod,
        Op::DoubleStarEqual => Operator::Pow,
        Op::LeftShiftEqual => Operator::LShift,
        Op::RightShiftEqual => Operator::RShift,
        Op::VBarEqual => Operator::BitOr,
        Op::CircumflexEqual => Operator::BitXor,
        Op::AmperEqual => Operator::BitAnd,
        Op::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}
