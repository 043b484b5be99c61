//! The rows of the paper's table that use fewer hints than `interp.rs`.
//!
//! "Tracing the Meta-Level" measures SQUARE four ways: (1) no JIT; (2) a
//! tracing JIT that knows nothing of the interpreter; (3) the hints, but with
//! the greens treated as reds; (4) everything. Row 1 is `--jit off` and row 4
//! is `interp.rs`. Rows 2 and 3 are this dispatch loop, in which the program
//! counter and the bytecode are red: the bytecode is a heap byte array read
//! with `getarrayitem` and each byte read is promoted, because the Rust code
//! must `match` on it.
//!
//! - Row 2 (`Hints::None`): the only loop the JIT knows is the dispatch loop
//!   itself, so its merge point and back edge are at the top of every
//!   iteration, under one position key. A trace is one interpreted
//!   instruction, guarded on its opcode; other opcodes become bridges.
//! - Row 3 (`Hints::RedGreens`): merge points and `can_enter_jit` are where
//!   `interp.rs` puts them, so traces follow the user's loop, but the
//!   decoding is recorded: every instruction costs a load, a guard and the
//!   pc arithmetic in the trace.

use crate::compiler::Code;
use crate::interp::RuntimeError;
use crate::objects::REGS;
use metajit::ir::{ArrayDescr, Type};
use metajit::{reds, Completion, Exit, Interpreter, Jit, Mode, Plain, Val};
use std::fmt;
use std::hash::{Hash, Hasher};

/// Which hints a row keeps.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Hints {
    None,
    RedGreens,
}

/// The bytecode as a heap object, so that a trace can read it.
pub static BYTES: ArrayDescr = ArrayDescr {
    name: "bytecode",
    type_id: 2,
    len_offset: 8,
    items_offset: 16,
    item_size: 1,
    item: Type::Int,
};

/// The position key: the program, and the user-level pc in row 3; row 2 has
/// one key for the whole dispatch loop.
#[derive(Copy, Clone)]
pub struct Key {
    code: &'static Code,
    pc: Option<usize>,
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        std::ptr::eq(self.code, other.code) && self.pc == other.pc
    }
}
impl Eq for Key {}
impl Hash for Key {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (self.code as *const Code as usize).hash(h);
        self.pc.hash(h);
    }
}
impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pc {
            Some(pc) => write!(f, "{}", self.code.describe(pc)),
            None => write!(f, "dispatch loop"),
        }
    }
}

reds! {
    /// TLR's reds plus the program counter and the bytecode.
    pub struct Reds { a: Int, regs: Ref, pc: Int, bytecode: Ref }
}

pub struct Unhinted {
    hints: Hints,
}

/// Is the red offset `at` inside the bytecode? (A guard on the length.)
fn inside<M: Mode>(m: &mut M, r: &Reds<M>, at: M::Int) -> bool {
    let len = m.arraylen(r.bytecode, &BYTES);
    let test = m.int_lt(at, len);
    m.is_true(test)
}

impl Interpreter for Unhinted {
    type G = Key;
    type Reds<M: Mode<G = Key>> = Reds<M>;
    type Error = RuntimeError;

    fn dispatch<M: Mode<G = Key>>(
        &self,
        m: &mut M,
        g: Key,
        r: &mut Reds<M>,
    ) -> Result<Exit<Key, M>, RuntimeError> {
        let code = g.code;
        let key = |pc: Option<usize>| Key { code, pc };
        // The green pc, which only row 3 keeps.
        let mut pc = g.pc;
        loop {
            if let Some(exit) = m.jit_merge_point(key(pc), r) {
                return Ok(exit);
            }
            let start = r.pc;
            if !inside(m, r, start) {
                return Err(RuntimeError::at(
                    code,
                    m.promote_int(start) as usize,
                    "ran off the end of the program",
                ));
            }
            let byte = m.getarrayitem_int(r.bytecode, &BYTES, start);
            let opcode = m.promote_int(byte);
            let takes_operand = !matches!(opcode, 6 | 8);
            let one = m.int(1);
            let at = m.int_add(start, one);
            let arg = if takes_operand {
                if !inside(m, r, at) {
                    let pc = m.promote_int(start) as usize;
                    return Err(RuntimeError::at(
                        code,
                        pc,
                        "missing operand at the end of the program",
                    ));
                }
                m.getarrayitem_int(r.bytecode, &BYTES, at)
            } else {
                m.int(0)
            };
            let step = m.int(1 + takes_operand as i64);
            r.pc = m.int_add(start, step);
            pc = pc.map(|p| p + 1 + takes_operand as usize);
            let mut back_edge = (self.hints == Hints::None).then_some(None);
            match opcode {
                1 | 2 | 5 => {
                    if m.is_null(r.regs) {
                        let (n, pc) = (m.promote_int(arg), m.promote_int(start) as usize);
                        return Err(RuntimeError::at(
                            code,
                            pc,
                            format!("register {n} used before ALLOCATE"),
                        ));
                    }
                    let len = m.arraylen(r.regs, &REGS);
                    let in_range = m.int_lt(arg, len);
                    if !m.is_true(in_range) {
                        let (n, pc) = (m.promote_int(arg), m.promote_int(start) as usize);
                        return Err(RuntimeError::at(
                            code,
                            pc,
                            format!("register {n} out of range"),
                        ));
                    }
                    match opcode {
                        1 => m.setarrayitem(r.regs, &REGS, arg, Val::Int(r.a)),
                        2 => r.a = m.getarrayitem_int(r.regs, &REGS, arg),
                        _ => {
                            let x = m.getarrayitem_int(r.regs, &REGS, arg);
                            r.a = m.int_add(r.a, x);
                        }
                    }
                }
                3 => {
                    if m.is_true(r.a) {
                        if !inside(m, r, arg) {
                            let (target, pc) = (m.promote_int(arg), m.promote_int(start) as usize);
                            return Err(RuntimeError::at(
                                code,
                                pc,
                                format!("jump to {target}, outside the program"),
                            ));
                        }
                        r.pc = arg;
                        if let Some(from) = pc {
                            let target = m.promote_int(arg) as usize;
                            if target < from {
                                back_edge = Some(Some(target));
                            }
                            pc = Some(target);
                        }
                    }
                }
                4 => r.a = arg,
                6 => return Ok(Exit::Return(Val::Int(r.a))),
                7 => r.regs = m.new_array(&REGS, arg),
                8 => r.a = m.int_neg(r.a),
                _ => {
                    let pc = m.promote_int(start) as usize;
                    return Err(RuntimeError::at(
                        code,
                        pc,
                        format!("unknown opcode {opcode}"),
                    ));
                }
            }
            if let Some(target) = back_edge {
                if let Some(exit) = m.can_enter_jit(key(target), r) {
                    return Ok(exit);
                }
            }
        }
    }
}

/// Run `code` with the accumulator at `a` under the hints of a table row.
pub fn run(jit: &Jit<Key>, hints: Hints, code: &'static Code, a: i64) -> Result<i64, RuntimeError> {
    let mut plain = jit.plain();
    let bytecode = plain.new_array(&BYTES, code.bytes.len() as i64);
    for (i, &b) in code.bytes.iter().enumerate() {
        plain.setarrayitem(bytecode, &BYTES, i as i64, Val::Int(b as i64));
    }
    let reds: Reds<Plain<Key>> = Reds {
        a,
        regs: 0,
        pc: 0,
        bytecode,
    };
    let start = Key {
        code,
        pc: (hints == Hints::RedGreens).then_some(0),
    };
    match jit.run(&Unhinted { hints }, start, reds)? {
        Completion::Return(Val::Int(a)) => Ok(a),
        other => unreachable!("RETURN_A returns an integer, got {other:?}"),
    }
}
