//! TLR's compiler (an assembler): items to bytecode. Labels resolve to the
//! byte offset of the instruction that follows them; a line table maps each
//! offset back to its source line for error messages.
//!
//! Everything that can be known before running is an error here, with its
//! line and column: a label defined twice or never, a jump that would land
//! inside an instruction, a program with no instruction. A jump past the
//! end stays a runtime error, as in the paper's `tlr.py`. `assemble` is the
//! lenient form for the REPL, where a label may be defined after its use.

use crate::parser::{parse, Item, Operand, SyntaxError, OPCODES};
use std::collections::HashMap;
use std::fmt;

/// The opcode whose operand is a jump target.
const JUMP_IF_A: u8 = 3;

/// A TLR program: its bytecode and, for each byte, the source line it came from.
#[derive(Debug)]
pub struct Code {
    pub bytes: Vec<u8>,
    pub lines: Vec<usize>,
}

impl Code {
    /// Describe the instruction at `pc`, for logs: `pc 4: MOV_R_A 2`.
    pub fn describe(&self, pc: usize) -> String {
        let Some(&op) = self.bytes.get(pc) else {
            return format!("pc {pc}: <end>");
        };
        match OPCODES.iter().find(|(_, b, _)| *b == op) {
            Some((name, _, true)) => match self.bytes.get(pc + 1) {
                Some(arg) => format!("pc {pc}: {name} {arg}"),
                None => format!("pc {pc}: {name} <missing operand>"),
            },
            Some((name, _, false)) => format!("pc {pc}: {name}"),
            None => format!("pc {pc}: <byte {op}>"),
        }
    }

    /// The bytecode as text, one instruction a line with its offset.
    pub fn listing(&self) -> String {
        let mut out = String::new();
        let mut pc = 0;
        while pc < self.bytes.len() {
            out.push_str(&self.describe(pc));
            out.push('\n');
            let takes_operand = OPCODES
                .iter()
                .any(|&(_, b, has)| b == self.bytes[pc] && has);
            pc += if takes_operand { 2 } else { 1 };
        }
        out
    }
}

/// Why a text is not a program that can run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompileError {
    /// A mistake at a line and column.
    Syntax(SyntaxError),
    /// No instruction at all: nothing, or only comments and labels.
    Empty,
}

impl CompileError {
    /// The message for a program read from `path`: `path:line:col: ...`
    /// or `path: empty program`.
    pub fn in_file(&self, path: &str) -> String {
        match self {
            CompileError::Syntax(e) => format!("{path}:{e}"),
            CompileError::Empty => format!("{path}: {self}"),
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::Syntax(e) => e.fmt(f),
            CompileError::Empty => f.write_str("empty program"),
        }
    }
}

impl From<SyntaxError> for CompileError {
    fn from(e: SyntaxError) -> CompileError {
        CompileError::Syntax(e)
    }
}

/// A program assembled as far as it can be while some labels are not
/// defined yet (as in the REPL, where a jump may name a label typed later).
#[derive(Debug)]
pub struct Assembly {
    pub code: Code,
    /// A use of an undefined label, for each one; its operand byte is 0.
    pub undefined_labels: Vec<SyntaxError>,
}

/// Assemble `src` into a program that can run.
pub fn compile(src: &str) -> Result<Code, CompileError> {
    let assembly = assemble(src)?;
    if let Some(e) = assembly.undefined_labels.into_iter().next() {
        return Err(e.into());
    }
    if assembly.code.bytes.is_empty() {
        return Err(CompileError::Empty);
    }
    Ok(assembly.code)
}

/// Assemble `src`, leaving uses of undefined labels aside; every other
/// mistake is an error.
pub fn assemble(src: &str) -> Result<Assembly, SyntaxError> {
    let items = parse(src)?;
    let mut labels = HashMap::new();
    // Where each instruction starts: a jump must land on one (or on the
    // end of the program, which then runs off it).
    let mut starts = Vec::new();
    let mut offset = 0usize;
    for item in &items {
        match item {
            Item::Label { name, line, col } => {
                if labels.insert(name.clone(), offset).is_some() {
                    return Err(SyntaxError {
                        line: *line,
                        col: *col,
                        message: format!("label '{name}' defined twice"),
                    });
                }
            }
            Item::Instr(i) => {
                starts.push(offset);
                offset += 1 + i.operand.is_some() as usize;
            }
        }
    }
    let length = offset;
    let mut assembly = Assembly {
        code: Code {
            bytes: Vec::new(),
            lines: Vec::new(),
        },
        undefined_labels: Vec::new(),
    };
    let code = &mut assembly.code;
    for item in &items {
        let Item::Instr(i) = item else { continue };
        code.bytes.push(i.opcode);
        code.lines.push(i.line);
        if let Some((operand, col)) = &i.operand {
            let error = |message: String| SyntaxError {
                line: i.line,
                col: *col,
                message,
            };
            let byte = match operand {
                Operand::Number(n) => *n as usize,
                Operand::Label(name) => match labels.get(name) {
                    Some(&offset) => offset,
                    None => {
                        let e = error(format!("undefined label '{name}'"));
                        assembly.undefined_labels.push(e);
                        0
                    }
                },
            };
            if byte > 255 {
                return Err(error(format!("jump target {byte} does not fit in a byte")));
            }
            if i.opcode == JUMP_IF_A && byte < length && starts.binary_search(&byte).is_err() {
                let start = starts
                    .iter()
                    .rev()
                    .find(|&&s| s < byte)
                    .copied()
                    .unwrap_or(0);
                return Err(error(format!(
                    "jump target {byte} is inside the instruction at {start}; a jump must land where an instruction starts"
                )));
            }
            code.bytes.push(byte as u8);
            code.lines.push(i.line);
        }
    }
    Ok(assembly)
}
