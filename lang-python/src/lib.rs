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
