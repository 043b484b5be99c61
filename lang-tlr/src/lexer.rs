//! TLR's tokens. A program is lines of `label:`s, a mnemonic and an operand;
//! `#` starts a comment. Newlines are tokens because they end instructions.

use logos::Logos;

#[derive(Logos, Debug, Clone, PartialEq, Eq)]
#[logos(skip r"[ \t\r]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
pub enum Token {
    #[regex("[A-Za-z_][A-Za-z0-9_]*", |lex| lex.slice().to_string())]
    Ident(String),
    #[regex("-?[0-9]+", |lex| lex.slice().to_string())]
    Number(String),
    #[token(":")]
    Colon,
    #[token("\n")]
    Newline,
}

/// A token with its 1-based line and column.
#[derive(Debug, Clone)]
pub struct Spanned {
    pub token: Token,
    pub line: usize,
    pub col: usize,
}

/// Tokenize `src`; an unknown character is an error at its position.
pub fn lex(src: &str) -> Result<Vec<Spanned>, (usize, usize, String)> {
    let mut out = Vec::new();
    let mut lexer = Token::lexer(src);
    let (mut line, mut line_start) = (1, 0);
    while let Some(tok) = lexer.next() {
        let span = lexer.span();
        let col = src[line_start..span.start].chars().count() + 1;
        match tok {
            Ok(token) => {
                let newline = token == Token::Newline;
                out.push(Spanned { token, line, col });
                if newline {
                    line += 1;
                    line_start = span.end;
                }
            }
            Err(()) => {
                return Err((
                    line,
                    col,
                    format!("unexpected character '{}'", lexer.slice()),
                ))
            }
        }
    }
    Ok(out)
}
