//! `mj-python`: run a Python program (a file, `-c CODE` or `-m MODULE`), or
//! start the REPL. The command line and the `METAJIT_*` checks are `cli`'s.

use clap::Parser;
use cli::Tool;
use lang_python::run::{self, Program};
use std::path::PathBuf;
use std::process::ExitCode;

const TOOL: Tool = Tool { name: "mj-python" };

// The Rust-side storage of lists, tuples, dicts and instances is allocated
// and freed at a high rate, and freed in the collector's sweep order rather
// than in reverse; mimalloc's per-thread free lists handle that pattern
// several times faster than the system allocator (fannkuch spent a third of
// its time in glibc's malloc and free). It is built with `no_thp`: by
// default mimalloc asks for transparent huge pages on its 1 GiB arena, and
// each 2 MiB page it touches then becomes resident whole, which doubled
// the peak RSS of small programs (`mj-python -c pass`: 15 MB with them,
// 7.5 MB without) at no measurable gain in speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Python 3 on metajit")]
struct Args {
    /// JIT parameters: `off`, or key=value,... (threshold, function_threshold, trace_eagerness,
    /// trace_limit, inline_depth, enable_opts, max_aborts, max_bridges, backend=x64|interp)
    #[arg(long, value_name = "SPEC", default_value = "")]
    jit: String,
    /// Run CODE as the main program.
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "module")]
    code: Option<String>,
    /// Run the module MODULE (found beside the current directory).
    #[arg(short = 'm', value_name = "MODULE")]
    module: Option<String>,
    /// The program and its arguments (`sys.argv`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    let args: Args = TOOL.parse_args();
    let opts = match TOOL
        .check_environment()
        .and_then(|()| TOOL.jit_options(&args.jit, run::options))
    {
        Ok(opts) => opts,
        Err(status) => return status,
    };
    let (program, argv) = if let Some(code) = args.code {
        let mut argv = vec!["-c".to_string()];
        argv.extend(args.args);
        (Program::Code(code), argv)
    } else if let Some(m) = args.module {
        let mut argv = vec![m.clone()];
        argv.extend(args.args);
        (Program::Module(m), argv)
    } else if let Some((file, rest)) = args.args.split_first() {
        let mut argv = vec![file.clone()];
        argv.extend(rest.iter().cloned());
        (Program::File(PathBuf::from(file)), argv)
    } else {
        return lang_python::repl::run(TOOL, opts);
    };
    ExitCode::from(run::run_program(program, argv, opts) as u8)
}
