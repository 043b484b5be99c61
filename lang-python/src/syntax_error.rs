//! `SyntaxError`, the front end's one error type, and its `Display`: the
//! report CPython 3.11 prints for an uncaught syntax error (`python3 x.py`'s
//! stderr), so that `mj-python` can print it as it is.
//!
//! The fields are CPython's `SyntaxError` attributes: `col` and `end_col`
//! are its 1-based `offset` and `end_offset`, with 0 (CPython's `None` or
//! 0) for "no caret". The printing follows CPython's
//! `print_error_text`: the line's leading blanks are stripped and the caret
//! shifted with them, a caret left of the text is not drawn, and only plain
//! `SyntaxError`s get a run of carets (its subclasses get one). Of a line
//! longer than 999 bytes only the end is shown, as CPython reads it.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    /// 1-based; 0 when the error has no position (invalid UTF-8 source).
    pub line: u32,
    /// 1-based offset of the caret, 0 for none: in characters, except for
    /// the parser's errors in a file (`parse_bytes`), which CPython places
    /// by UTF-8 bytes.
    pub col: u32,
    /// 1-based exclusive end of the caret run on `line`, 0 for one caret.
    pub end_col: u32,
    /// The source line, without its line break; `None` hides it.
    pub text: Option<String>,
    /// The input ended inside a construct that more lines could complete
    /// (an open bracket, block or triple-quoted string): the REPL asks for
    /// more instead of reporting the error.
    pub incomplete: bool,
}

impl SyntaxError {
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> Self {
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: String::new(),
            line: 0,
            col: 0,
            end_col: 0,
            text: None,
            incomplete: false,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
            if let Some(text) = &self.text {
                write_source_line(f, self, text)?;
            }
        }
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

/// CPython reads the error's line from the file in pieces of 999 bytes
/// and shows the last piece: a line longer than that is shown from there.
fn shown_part(text: &str) -> &str {
    const PIECE: usize = 999;
    let with_newline = text.len() + 1;
    let mut start = (with_newline - 1) / PIECE * PIECE;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

fn write_source_line(f: &mut fmt::Formatter<'_>, err: &SyntaxError, text: &str) -> fmt::Result {
    let chars: Vec<char> = shown_part(text).chars().collect();
    let blanks = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();
    let shown: String = chars[blanks..].iter().collect();
    writeln!(f, "    {shown}")?;
    let len = (chars.len() - blanks) as i64;
    let offset = err.col as i64 - 1 - blanks as i64;
    if err.col == 0 || offset < 0 {
        return Ok(());
    }
    let offset = offset.min(len);
    // CPython counts the carets before clipping, with the end limited to
    // one past the line (its length in UTF-8 bytes, with the line break).
    let end_col = (err.end_col as i64).min(shown_part(text).len() as i64 + 2);
    let run = if err.kind == ErrorKind::SyntaxError && end_col > err.col as i64 {
        end_col - err.col as i64
    } else {
        1
    };
    writeln!(
        f,
        "    {}{}",
        " ".repeat(offset as usize),
        "^".repeat(run as usize)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(kind: ErrorKind, msg: &str, col: u32, end_col: u32, text: &str) -> SyntaxError {
        SyntaxError {
            filename: "x.py".into(),
            line: 3,
            col,
            end_col,
            text: Some(text.into()),
            ..SyntaxError::new(kind, msg)
        }
    }

    #[test]
    fn strips_indentation_and_draws_a_caret_run() {
        // As CPython 3.11 prints `    x = [a b]` (offset 10, end 13).
        let e = error(ErrorKind::SyntaxError, "bad", 10, 13, "    x = [a b]");
        assert_eq!(
            e.to_string(),
            "  File \"x.py\", line 3\n    x = [a b]\n         ^^^\nSyntaxError: bad"
        );
    }

    #[test]
    fn subclasses_get_one_caret_and_none_left_of_the_text() {
        let e = error(ErrorKind::IndentationError, "m", 1, 5, "pass");
        assert_eq!(
            e.to_string(),
            "  File \"x.py\", line 3\n    pass\n    ^\nIndentationError: m"
        );
        let e = error(ErrorKind::IndentationError, "m", 4, 0, "    y = 2");
        assert_eq!(
            e.to_string(),
            "  File \"x.py\", line 3\n    y = 2\nIndentationError: m"
        );
    }
}
