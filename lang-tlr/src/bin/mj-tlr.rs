//! `mj-tlr`: run a TLR program, or start the TLR REPL.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mj-tlr",
    about = "TLR, the toy register language of 'Tracing the Meta-Level', on metajit"
)]
struct Args {
    /// JIT parameters: `off`, or key=value,... (threshold, trace_eagerness, trace_limit,
    /// enable_opts, max_aborts, backend=x64|interp; mode=1..4 picks a row of the paper's table)
    #[arg(long, value_name = "SPEC", default_value = "")]
    jit: String,
    /// The program to run; without it, start the REPL.
    file: Option<PathBuf>,
    /// The accumulator's initial value.
    #[arg(allow_negative_numbers = true, default_value_t = 0)]
    a: i64,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let opts = match lang_tlr::options(&args.jit) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("mj-tlr: --jit: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(path) = args.file else {
        return lang_tlr::repl::run(opts.params);
    };
    let src = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("mj-tlr: cannot read {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
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
