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

use compiler::Code;
use interp::{Pos, Reds, RuntimeError, Tlr};
use metajit::{Jit, Params, Val};

/// Assemble a program. Programs live as long as the process: compiled
/// traces and their positions refer to them.
pub fn load(src: &str) -> Result<&'static Code, parser::SyntaxError> {
    Ok(Box::leak(Box::new(compiler::compile(src)?)))
}

/// Run `code` from pc 0 with the accumulator at `a`; the final accumulator.
pub fn run(jit: &Jit<Pos>, code: &'static Code, a: i64) -> Result<i64, RuntimeError> {
    let reds = Reds { a, regs: 0 };
    match jit.run(&Tlr, Pos { code, pc: 0 }, reds)? {
        Val::Int(a) => Ok(a),
        other => unreachable!("RETURN_A returns an integer, got {other:?}"),
    }
}

/// Parse `off` or `key=value,...` into JIT parameters; TLR adds no keys of
/// its own.
pub fn jit_params(spec: &str) -> Result<Params, String> {
    let (params, rest) = Params::parse(spec).map_err(|e| e.to_string())?;
    if let Some((key, _)) = rest.first() {
        return Err(format!("unknown JIT parameter '{key}'"));
    }
    Ok(params)
}

/// Run a whole program as `mj-tlr FILE A` would, returning what it prints
/// (the result line, or the error message) and whether it succeeded.
pub fn run_source(path: &str, src: &str, a: i64, params: Params) -> (String, bool) {
    let code = match load(src) {
        Ok(code) => code,
        Err(e) => return (format!("{path}:{e}\n"), false),
    };
    let jit = Jit::new(params);
    match run(&jit, code, a) {
        Ok(result) => (format!("{result}\n"), true),
        Err(e) => (format!("{path}: {e}\n"), false),
    }
}
