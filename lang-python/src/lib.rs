//! Python 3 on metajit: `lexer` → `parser` (to `ast`) → `compiler` (to
//! bytecode) → `interp` (the hinted dispatch loop), with `objects` for the
//! object model in the GC heap and `builtins` for the built-in functions and
//! modules. `mj-python` is the binary.

pub mod ast;
mod ast_dump;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod interp;
pub mod lexer;
pub mod objects;
pub mod parser;
pub mod runtime;
mod runtime_glue;
pub mod source;
pub mod stdlib;
pub mod symtable;
pub mod syntax_error;

pub use parser::{parse_bytes, parse_expression, parse_interactive, parse_module};
pub use syntax_error::SyntaxError;

use builtins::{exc, PyResult};
use compiler::CompileMode;
use objects::{intern::intern, Value};

/// Parse and compile `source` (file `filename`) to run with `globals`; a
/// syntax error is the `SyntaxError` exception to raise.
pub fn compile_source(
    source: &str,
    filename: &str,
    globals: Value,
    mode: CompileMode,
) -> PyResult<&'static bytecode::Code> {
    compile_source_with(source, filename, globals, mode, false)
}

/// `compile_source`, the module's names in a namespace of frame slot 0 if
/// `names_in_namespace` (`compiler::compile_with`).
pub fn compile_source_with(
    source: &str,
    filename: &str,
    globals: Value,
    mode: CompileMode,
    names_in_namespace: bool,
) -> PyResult<&'static bytecode::Code> {
    let filename = source::register(filename, source);
    let parsed = match mode {
        CompileMode::Exec => parse_module(source, filename),
        CompileMode::Single => parse_interactive(source, filename),
        CompileMode::Eval => parse_expression(source, filename).map(|e| ast::Module {
            body: vec![ast::Stmt {
                loc: e.loc,
                kind: ast::StmtKind::Expr { value: Box::new(e) },
            }],
        }),
    };
    let module = parsed.map_err(|e| syntax_error_value(&e))?;
    compiler::compile_with(&module, filename, globals, mode, names_in_namespace).map_err(|e| {
        if e.recursion {
            return exc::new("RecursionError", Some(e.msg));
        }
        let line = source.lines().nth(e.loc.line.saturating_sub(1) as usize);
        let mut se = SyntaxError::new(syntax_error::ErrorKind::SyntaxError, e.msg);
        se.filename = filename.to_string();
        se.line = e.loc.line;
        se.col = e.loc.col + 1;
        se.end_col = if e.loc.end_line == e.loc.line {
            e.loc.end_col + 1
        } else {
            0
        };
        se.text = line.map(str::to_string);
        syntax_error_value(&se)
    })
}

/// A `SyntaxError` (or `IndentationError`, `TabError`) exception carrying
/// the report CPython would print for it.
pub fn syntax_error_value(e: &SyntaxError) -> Value {
    let t = objects::Types::get();
    let class = t.exception(e.kind.name());
    let none = t.none;
    let text = e.text.as_deref().map_or(none, objects::new_str);
    let details = objects::new_tuple(vec![
        objects::new_str(&e.filename),
        objects::new_int(e.line as i64),
        objects::new_int(e.col as i64),
        text,
    ]);
    let v = exc::instantiate(class, vec![objects::new_str(&e.msg), details]);
    let set = |n: &str, x: Value| builtins::ops::set_instance_attr(v, intern(n), x);
    set("msg", objects::new_str(&e.msg));
    set("filename", objects::new_str(&e.filename));
    set("lineno", objects::new_int(e.line as i64));
    set("offset", objects::new_int(e.col as i64));
    set("text", text);
    set("__syntax_report__", objects::new_string(e.to_string()));
    v
}

/// The text of a source file: UTF-8 (a BOM is dropped) or the encoding
/// its PEP 263 comment declares, or CPython's `SyntaxError`.
pub fn decode_source(bytes: &[u8], filename: &str) -> PyResult<String> {
    parser::source_text(bytes, filename)
        .map(|text| text.into_owned())
        .map_err(|e| syntax_error_value(&e))
}

pub mod repl;
pub mod run;
