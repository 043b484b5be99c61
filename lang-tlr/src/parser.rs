//! TLR's parser: tokens to a list of lines, each with its labels and its
//! instruction. Operands stay symbolic here (a number or a label name); the
//! compiler turns them into bytes once every label's offset is known.

use crate::lexer::{lex, Spanned, Token};
use std::fmt;

/// The opcodes, their byte values and whether they take an operand, as in
/// the paper's `tlr.py`.
pub const OPCODES: &[(&str, u8, bool)] = &[
    ("MOV_A_R", 1, true),
    ("MOV_R_A", 2, true),
    ("JUMP_IF_A", 3, true),
    ("SET_A", 4, true),
    ("ADD_R_TO_A", 5, true),
    ("RETURN_A", 6, false),
    ("ALLOCATE", 7, true),
    ("NEG_A", 8, false),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operand {
    Number(i64),
    Label(String),
}

#[derive(Debug, Clone)]
pub struct Instr {
    pub opcode: u8,
    pub operand: Option<(Operand, usize)>,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone)]
pub enum Item {
    Label {
        name: String,
        line: usize,
        col: usize,
    },
    Instr(Instr),
}

/// A syntax error at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

fn err<T>(line: usize, col: usize, message: impl Into<String>) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        line,
        col,
        message: message.into(),
    })
}

pub fn opcode_named(name: &str) -> Option<(u8, bool)> {
    OPCODES
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|&(_, b, has)| (b, has))
}

pub fn parse(src: &str) -> Result<Vec<Item>, SyntaxError> {
    let tokens = lex(src).map_err(|(line, col, message)| SyntaxError { line, col, message })?;
    let mut items = Vec::new();
    for line in tokens.split(|t| t.token == Token::Newline) {
        parse_line(line, &mut items)?;
    }
    Ok(items)
}

fn parse_line(mut toks: &[Spanned], items: &mut Vec<Item>) -> Result<(), SyntaxError> {
    // Leading `name:` labels.
    while let [Spanned {
        token: Token::Ident(name),
        line,
        col,
    }, Spanned {
        token: Token::Colon,
        ..
    }, rest @ ..] = toks
    {
        if opcode_named(name).is_some() {
            return err(
                *line,
                *col,
                format!("'{name}' is an instruction and cannot be a label"),
            );
        }
        items.push(Item::Label {
            name: name.clone(),
            line: *line,
            col: *col,
        });
        toks = rest;
    }
    let Some((first, rest)) = toks.split_first() else {
        return Ok(());
    };
    let Token::Ident(name) = &first.token else {
        return err(first.line, first.col, "expected an instruction");
    };
    let Some((opcode, has_operand)) = opcode_named(name) else {
        return err(
            first.line,
            first.col,
            format!("unknown instruction '{name}'"),
        );
    };
    let operand = match (has_operand, rest) {
        (false, []) => None,
        (false, [t, ..]) => return err(t.line, t.col, format!("{name} takes no operand")),
        (true, []) => {
            let col = first.col + name.len();
            return err(first.line, col, format!("{name} needs an operand"));
        }
        (true, [t]) => Some((operand(name, t)?, t.col)),
        (true, [_, t, ..]) => return err(t.line, t.col, "unexpected text after the operand"),
    };
    items.push(Item::Instr(Instr {
        opcode,
        operand,
        line: first.line,
        col: first.col,
    }));
    Ok(())
}

fn operand(name: &str, t: &Spanned) -> Result<Operand, SyntaxError> {
    match &t.token {
        Token::Number(s) => match s.parse::<i64>() {
            Ok(n) if (0..=255).contains(&n) => Ok(Operand::Number(n)),
            _ => err(
                t.line,
                t.col,
                format!("operand {s} does not fit in a byte (0-255)"),
            ),
        },
        Token::Ident(label) if name == "JUMP_IF_A" => Ok(Operand::Label(label.clone())),
        Token::Ident(label) => err(
            t.line,
            t.col,
            format!("{name} takes a number, not '{label}'"),
        ),
        _ => err(t.line, t.col, "expected an operand"),
    }
}
