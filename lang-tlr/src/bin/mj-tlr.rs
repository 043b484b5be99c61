//! `mj-tlr`: run a TLR program, or start the TLR REPL. The command line,
//! the `METAJIT_*` checks and the REPL engine are `cli`'s, shared by every
//! `mj-<lang>`; this file only says what TLR adds.

use clap::Parser;
use cli::Tool;
use std::path::PathBuf;
use std::process::ExitCode;

const TOOL: Tool = Tool { name: "mj-tlr" };

#[derive(Parser)]
#[command(about = "TLR, the toy register language of 'Tracing the Meta-Level', on metajit")]
struct Args {
    /// JIT parameters: `off`, or key=value,... (threshold, trace_eagerness, trace_limit,
    /// enable_opts, max_aborts, max_bridges, backend=x64|interp; mode=1..4 picks a row of the paper's table)
    #[arg(long, value_name = "SPEC", default_value = "")]
    jit: String,
    /// The program to run; without it, start the REPL.
    file: Option<PathBuf>,
    /// The accumulator's initial value.
    #[arg(allow_negative_numbers = true, default_value_t = 0)]
    a: i64,
}

fn main() -> ExitCode {
    let args: Args = TOOL.parse_args();
    let opts = match TOOL
        .check_environment()
        .and_then(|()| TOOL.jit_options(&args.jit, lang_tlr::options))
    {
        Ok(opts) => opts,
        Err(status) => return status,
    };
    let Some(path) = args.file else {
        println!("TLR on metajit. :help for commands.");
        return cli::repl::run(TOOL, &mut lang_tlr::repl::Repl::new(opts.params));
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => return TOOL.failure(format_args!("cannot read {}: {e}", path.display())),
    };
    let (out, ok) = lang_tlr::run_source(&path.display().to_string(), &src, args.a, &opts);
    if ok {
        print!("{out}");
        ExitCode::SUCCESS
    } else {
        eprint!("{out}");
        ExitCode::FAILURE
    }
}
