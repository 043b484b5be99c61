//! TLR's compiler (an assembler): items to bytecode. Labels resolve to the
//! byte offset of the instruction that follows them; a line table maps each
//! offset back to its source line for error messages.

use crate::parser::{parse, Item, Operand, SyntaxError, OPCODES};
use std::collections::HashMap;

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

pub fn compile(src: &str) -> Result<Code, SyntaxError> {
    let items = parse(src)?;
    let mut labels = HashMap::new();
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
            Item::Instr(i) => offset += 1 + i.operand.is_some() as usize,
        }
    }
    let mut code = Code {
        bytes: Vec::new(),
        lines: Vec::new(),
    };
    for item in &items {
        let Item::Instr(i) = item else { continue };
        code.bytes.push(i.opcode);
        code.lines.push(i.line);
        if let Some((operand, col)) = &i.operand {
            let byte = match operand {
                Operand::Number(n) => *n as usize,
                Operand::Label(name) => *labels.get(name).ok_or_else(|| SyntaxError {
                    line: i.line,
                    col: *col,
                    message: format!("undefined label '{name}'"),
                })?,
            };
            if byte > 255 {
                return Err(SyntaxError {
                    line: i.line,
                    col: *col,
                    message: format!("jump target {byte} does not fit in a byte"),
                });
            }
            code.bytes.push(byte as u8);
            code.lines.push(i.line);
        }
    }
    Ok(code)
}
