//! The REPL: `>>> ` and `... ` prompts on the shared REPL engine (`cli`),
//! input complete when CPython's REPL would take it (`parse_interactive`),
//! expression statements echoing their `repr`, and an uncaught exception
//! printed as its traceback without leaving. It runs on the interpreter's
//! own big-stack thread, like a program.

use crate::builtins::{exc, functions, modules};
use crate::compiler::CompileMode;
use crate::interp::runtime;
use crate::objects::{self, Value};
use crate::run::{self, Options};
use cli::repl::{Flow, Language};
use cli::Tool;
use std::process::ExitCode;

struct Python {
    globals: Value,
}

impl Language for Python {
    fn prompt(&self) -> &str {
        ">>> "
    }

    fn continuation_prompt(&self) -> &str {
        "... "
    }

    fn is_complete(&self, input: &str) -> bool {
        match crate::parse_interactive(input, "<stdin>") {
            Ok(_) => true,
            Err(e) => !e.incomplete,
        }
    }

    fn eval(&mut self, input: &str) -> Result<Flow, String> {
        if input.trim().is_empty() {
            return Ok(Flow::Continue);
        }
        let source = format!("{input}\n");
        let result = crate::compile_source(&source, "<stdin>", self.globals, CompileMode::Single)
            .and_then(|code| runtime::run_frame(code, 0, runtime::new_frame(code)));
        functions::flush_stdout();
        match result {
            Ok(_) => Ok(Flow::Continue),
            Err(e) if exc::is_instance(e, "SystemExit") => Ok(Flow::Quit),
            Err(e) => {
                runtime::reset_depth();
                eprint!("{}", exc::report(e));
                Ok(Flow::Continue)
            }
        }
    }
}

/// Run the REPL; the exit status.
pub fn run(tool: Tool, opts: Options) -> ExitCode {
    std::thread::Builder::new()
        .name("python".into())
        .stack_size(runtime::THREAD_STACK)
        .spawn(move || {
            let cwd = std::env::current_dir().unwrap_or_default();
            run::install(&opts, vec![cwd], vec![String::new()]);
            let (m, globals) = modules::new_module("__main__");
            let _ = crate::builtins::dict::set_item(
                modules::modules(),
                objects::new_str("__main__"),
                m,
            );
            modules::set_main_globals(globals);
            println!("Python 3.11 on metajit. Ctrl-D leaves.");
            cli::repl::run(tool, &mut Python { globals })
        })
        .expect("a thread for the interpreter")
        .join()
        .unwrap_or(ExitCode::FAILURE)
}
