//! TLR, the toy register language of "Tracing the Meta-Level" (Bolz et al.
//! 2009), as metajit's model interpreter: `lexer` → `parser` → `compiler`
//! (assembler) → `interp` (the hinted dispatch loop), with `objects` for the
//! register array and `repl` for the interactive loop. `mj-tlr` is the binary.

pub mod compiler;
pub mod interp;
pub mod lexer;
pub mod objects;
pub mod parser;
pub mod repl;
pub mod table;

use compiler::{Code, CompileError};
use interp::{Pos, Reds, RuntimeError, Tlr};
use metajit::{Completion, Jit, Params, Val};

/// Assemble a program. Programs live as long as the process: compiled
/// traces and their positions refer to them.
pub fn load(src: &str) -> Result<&'static Code, CompileError> {
    Ok(Box::leak(Box::new(compiler::compile(src)?)))
}

/// Run `code` from pc 0 with the accumulator at `a`; the final accumulator.
pub fn run(jit: &Jit<Pos>, code: &'static Code, a: i64) -> Result<i64, RuntimeError> {
    let reds = Reds { a, regs: 0 };
    match jit.run(&Tlr, Pos { code, pc: 0 }, reds)? {
        Completion::Return(Val::Int(a)) => Ok(a),
        other => unreachable!("RETURN_A returns an integer, got {other:?}"),
    }
}

/// A row of the paper's table: which hints the interpreter gives the JIT.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Row {
    /// (1) No JIT: the interpreter alone.
    NoJit = 1,
    /// (2) A tracing JIT that knows nothing of the interpreter.
    NoHints = 2,
    /// (3) Hints, but the greens treated as reds.
    RedGreens = 3,
    /// (4) Everything: `interp.rs`.
    #[default]
    Full = 4,
}

/// How to run: JIT parameters and the table row (`mode=`, default 4).
#[derive(Clone, Debug)]
pub struct Options {
    pub params: Params,
    pub row: Row,
}

/// Parse `off` or `key=value,...`; TLR adds `mode=1..4`, the table's rows.
pub fn options(spec: &str) -> Result<Options, String> {
    let (mut params, row) = cli::jit::parse(spec, |row: &mut Row, key, value| {
        if key != "mode" {
            return Ok(false);
        }
        *row = match value {
            "1" => Row::NoJit,
            "2" => Row::NoHints,
            "3" => Row::RedGreens,
            "4" => Row::Full,
            _ => return Err(format!("mode takes 1, 2, 3 or 4, got '{value}'")),
        };
        Ok(true)
    })?;
    if row == Row::NoJit {
        params.enabled = false;
    }
    Ok(Options { params, row })
}

/// Run a whole program as `mj-tlr FILE A` would, returning what it prints
/// (the result line, or the error message) and whether it succeeded.
pub fn run_source(path: &str, src: &str, a: i64, opts: &Options) -> (String, bool) {
    let code = match load(src) {
        Ok(code) => code,
        Err(e) => return (format!("{}\n", e.in_file(path)), false),
    };
    let result = match opts.row {
        Row::NoJit | Row::Full => run(&Jit::new(opts.params.clone()), code, a),
        Row::NoHints => table::run(&Jit::new(opts.params.clone()), table::Hints::None, code, a),
        Row::RedGreens => table::run(
            &Jit::new(opts.params.clone()),
            table::Hints::RedGreens,
            code,
            a,
        ),
    };
    match result {
        Ok(result) => (format!("{result}\n"), true),
        Err(e) => (format!("{path}: {e}\n"), false),
    }
}
