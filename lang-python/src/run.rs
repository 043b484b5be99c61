//! Running a whole program as `mj-python` does: the interpreter's own
//! thread with a large stack, `__main__`, and what an uncaught exception
//! or `SystemExit` does to stderr and the exit status.

use crate::builtins::{dict, exc, functions, modules, ops};
use crate::compiler::CompileMode;
use crate::interp::{runtime, Runtime};
use crate::objects::{self, intern::intern_static, str_of, Types, Value};
use metajit::Params;
use std::path::PathBuf;

/// How `mj-python` runs: JIT parameters.
#[derive(Clone, Debug)]
pub struct Options {
    pub params: Params,
}

/// Parse `off` or `key=value,...`.
pub fn options(spec: &str) -> Result<Options, String> {
    let (params, ()) = cli::jit::parse(spec, |_: &mut (), _, _| Ok(false))?;
    Ok(Options { params })
}

/// What to run.
#[derive(Clone, Debug)]
pub enum Program {
    /// A file, with its path as given.
    File(PathBuf),
    /// `-c CODE`.
    Code(String),
    /// `-m MODULE`.
    Module(String),
}

/// Run on the interpreter's thread (big stack: deep Python recursion runs
/// deep Rust recursion). The exit status.
pub fn run_program(program: Program, argv: Vec<String>, opts: Options) -> i32 {
    std::thread::Builder::new()
        .name("python".into())
        .stack_size(runtime::THREAD_STACK)
        .spawn(move || run_here(program, argv, opts))
        .expect("a thread for the interpreter")
        .join()
        .unwrap_or(70)
}

/// Set up this thread's interpreter.
pub fn install(opts: &Options, search: Vec<PathBuf>, argv: Vec<String>) {
    Runtime::install(opts.params.clone());
    modules::set_search_path(search);
    modules::set_argv(argv);
}

fn run_here(program: Program, argv: Vec<String>, opts: Options) -> i32 {
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut search = Vec::new();
    if let Program::File(p) = &program {
        let dir = p.parent().map(|d| {
            if d.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                d.to_path_buf()
            }
        });
        search.push(dir.unwrap_or_else(|| cwd.clone()));
    } else {
        search.push(cwd.clone());
    }
    install(&opts, search, argv);
    let result = match program {
        Program::File(path) => {
            let shown = path.display().to_string();
            match std::fs::read(&path) {
                Ok(bytes) => {
                    crate::decode_source(&bytes, &shown).and_then(|src| run_main(&src, &shown))
                }
                Err(e) => {
                    eprintln!(
                        "mj-python: can't open file '{}': [Errno {}] {}",
                        shown,
                        e.raw_os_error().unwrap_or(2),
                        if e.kind() == std::io::ErrorKind::NotFound {
                            "No such file or directory".to_string()
                        } else {
                            e.to_string()
                        }
                    );
                    return 2;
                }
            }
        }
        Program::Code(src) => run_main(&src, "<string>"),
        Program::Module(name) => {
            let (_, g) = modules::new_module("__main__");
            modules::set_main_globals(g);
            match modules::import_module(&name) {
                Ok(_) => Ok(()),
                Err(e) => Err(e),
            }
        }
    };
    let status = match result {
        Ok(()) => 0,
        Err(e) => exit_status(e),
    };
    functions::flush_stdout();
    status
}

/// Run `src` as `__main__`.
pub fn run_main(src: &str, filename: &str) -> Result<(), Value> {
    let (m, g) = modules::new_module("__main__");
    dict::set_item(modules::modules(), objects::new_str("__main__"), m)?;
    if filename != "<string>" {
        dict::set_item(g, intern_static("__file__"), objects::new_str(filename))?;
    }
    modules::set_main_globals(g);
    let code = crate::compile_source(src, filename, g, CompileMode::Exec)?;
    let frame = runtime::new_frame(code);
    runtime::run_frame(code, 0, frame).map(|_| ())
}

/// Report an uncaught exception as CPython does; the exit status.
pub fn exit_status(e: Value) -> i32 {
    functions::flush_stdout();
    let t = Types::get();
    if exc::is_instance(e, "SystemExit") {
        let code = ops::get_instance_attr(e, intern_static("code"))
            .or_else(|| exc::args_of(e).first().copied())
            .unwrap_or(t.none);
        if code == t.none {
            return 0;
        }
        if let Some(objects::IntVal::Small(n)) = objects::int_of(code) {
            return n as i32 & 0xff;
        }
        let text = str_of(code)
            .map(str::to_string)
            .or_else(|| ops::str_(code).ok())
            .unwrap_or_default();
        eprintln!("{text}");
        return 1;
    }
    eprint!("{}", exc::report(e));
    if exc::is_instance(e, "KeyboardInterrupt") {
        return 130;
    }
    1
}
