//! The TLR interpreter: one dispatch loop, written once for every mode.
//!
//! This is the paper's `tlr.py` with its hints. The greens are the program
//! and the `pc` (`Pos`), so decoding an instruction is plain Rust that the
//! recorder never sees. The reds are the accumulator `a` and the register
//! array `regs`; every operation on them goes through the mode `m`. The
//! backward `JUMP_IF_A` is the user-level loop: `can_enter_jit` there.
//!
//! Errors are checked where a guard can check them: a register access tests
//! the array against null and its length (both red), so a trace guards them;
//! decoding errors are green and cost a trace nothing.

use crate::compiler::Code;
use crate::objects::REGS;
use metajit::{reds, Exit, Interpreter, Mode, Val};
use std::fmt;
use std::hash::{Hash, Hasher};

/// The position in a TLR program: the greens.
#[derive(Copy, Clone)]
pub struct Pos {
    pub code: &'static Code,
    pub pc: usize,
}

impl PartialEq for Pos {
    fn eq(&self, other: &Pos) -> bool {
        std::ptr::eq(self.code, other.code) && self.pc == other.pc
    }
}
impl Eq for Pos {}

impl Hash for Pos {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (self.code as *const Code as usize).hash(h);
        self.pc.hash(h);
    }
}

impl fmt::Debug for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code.describe(self.pc))
    }
}

reds! {
    /// The state of a TLR run: the accumulator and the register array (null
    /// until the first `ALLOCATE`).
    pub struct Reds { pub a: Int, pub regs: Ref }
}

/// A TLR runtime error: an instruction that failed, at its pc, or the run
/// interrupted (Ctrl-C in the REPL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeError {
    At {
        pc: usize,
        line: Option<usize>,
        message: String,
    },
    Interrupted,
}

impl RuntimeError {
    pub(crate) fn at(code: &Code, pc: usize, message: impl Into<String>) -> RuntimeError {
        RuntimeError::At {
            pc,
            line: code.lines.get(pc).copied(),
            message: message.into(),
        }
    }
}

impl From<metajit::Interrupted> for RuntimeError {
    fn from(_: metajit::Interrupted) -> RuntimeError {
        RuntimeError::Interrupted
    }
}

impl fmt::Display for RuntimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RuntimeError::At {
                pc,
                line: Some(line),
                message,
            } => write!(f, "runtime error at pc {pc} (line {line}): {message}"),
            RuntimeError::At {
                pc,
                line: None,
                message,
            } => write!(f, "runtime error at pc {pc}: {message}"),
            RuntimeError::Interrupted => write!(f, "interrupted"),
        }
    }
}

pub struct Tlr;

impl Tlr {
    /// Check that register `n` exists: guards on `regs` being non-null and
    /// on its length.
    fn check_register<M: Mode>(
        m: &mut M,
        r: &Reds<M>,
        code: &Code,
        pc: usize,
        n: i64,
    ) -> Result<(), RuntimeError> {
        if m.is_null(r.regs) {
            return Err(RuntimeError::at(
                code,
                pc,
                format!("register {n} used before ALLOCATE"),
            ));
        }
        let len = m.arraylen(r.regs, &REGS);
        let index = m.int(n);
        let in_range = m.int_lt(index, len);
        if !m.is_true(in_range) {
            return Err(RuntimeError::at(
                code,
                pc,
                format!("register {n} out of range"),
            ));
        }
        Ok(())
    }
}

impl Interpreter for Tlr {
    type G = Pos;
    type Reds<M: Mode<G = Pos>> = Reds<M>;
    type Error = RuntimeError;

    fn dispatch<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        g: Pos,
        r: &mut Reds<M>,
    ) -> Result<Exit<Pos, M>, RuntimeError> {
        let code = g.code;
        let mut pc = g.pc;
        loop {
            if let Some(exit) = m.jit_merge_point(Pos { code, pc }, r) {
                return Ok(exit);
            }
            let start = pc;
            let Some(&opcode) = code.bytes.get(pc) else {
                return Err(RuntimeError::at(code, pc, "ran off the end of the program"));
            };
            let takes_operand = !matches!(opcode, 6 | 8);
            let arg = if takes_operand {
                match code.bytes.get(pc + 1) {
                    Some(&b) => b as i64,
                    None => {
                        return Err(RuntimeError::at(
                            code,
                            pc,
                            "missing operand at the end of the program",
                        ))
                    }
                }
            } else {
                0
            };
            pc += 1 + takes_operand as usize;
            match opcode {
                1 => {
                    // MOV_A_R n
                    Self::check_register(m, r, code, start, arg)?;
                    let n = m.int(arg);
                    m.setarrayitem(r.regs, &REGS, n, Val::Int(r.a));
                }
                2 => {
                    // MOV_R_A n
                    Self::check_register(m, r, code, start, arg)?;
                    let n = m.int(arg);
                    r.a = m.getarrayitem_int(r.regs, &REGS, n);
                }
                3 => {
                    // JUMP_IF_A target
                    if m.is_true(r.a) {
                        let target = arg as usize;
                        if target >= code.bytes.len() {
                            return Err(RuntimeError::at(
                                code,
                                start,
                                format!("jump to {target}, outside the program"),
                            ));
                        }
                        if target < pc {
                            if let Some(exit) = m.can_enter_jit(Pos { code, pc: target }, r) {
                                return Ok(exit);
                            }
                        }
                        pc = target;
                    }
                }
                4 => r.a = m.int(arg), // SET_A n
                5 => {
                    // ADD_R_TO_A n
                    Self::check_register(m, r, code, start, arg)?;
                    let n = m.int(arg);
                    let x = m.getarrayitem_int(r.regs, &REGS, n);
                    r.a = m.int_add(r.a, x);
                }
                6 => return Ok(Exit::Return(Val::Int(r.a))), // RETURN_A
                7 => {
                    // ALLOCATE n
                    let n = m.int(arg);
                    r.regs = m.new_array(&REGS, n);
                }
                8 => r.a = m.int_neg(r.a), // NEG_A
                _ => {
                    return Err(RuntimeError::at(
                        code,
                        start,
                        format!("unknown opcode {opcode}"),
                    ))
                }
            }
        }
    }
}
