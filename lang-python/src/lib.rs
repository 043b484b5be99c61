//! Python 3 on metajit: `lexer` → `parser` (to `ast`) → `compiler` (to
//! bytecode) → `interp` (the hinted dispatch loop), with `objects` for the
//! object model in the GC heap and `builtins` for the built-in functions and
//! modules. `mj-python` is the binary.

pub mod ast;
mod ast_dump;
pub mod lexer;
pub mod parser;
pub mod syntax_error;

pub use parser::{parse_bytes, parse_expression, parse_interactive, parse_module};
pub use syntax_error::SyntaxError;
