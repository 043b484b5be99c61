//! `mj-jitlog`: show a METAJIT_LOG file, as text (`summary`) or as one
//! self-contained HTML page (`html`). A thin shell over the `jitlog`
//! library, which the tests drive directly.

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "mj-jitlog",
    about = "A viewer for metajit's JIT logs (METAJIT_LOG=jit:FILE)"
)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the counters, the time per phase, the traces and the aborts.
    Summary {
        /// The log file.
        file: PathBuf,
    },
    /// Write one self-contained HTML page: timeline, traces, counters.
    Html {
        /// The log file.
        file: PathBuf,
        /// Where to write the page.
        #[arg(short, long, value_name = "OUT.html")]
        output: PathBuf,
    },
}

fn load(path: &Path) -> Result<jitlog::JitLog, String> {
    let log =
        jitlog::parse_file(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if log.sections == 0 {
        return Err(format!(
            "{}: not a metajit log: no sections found (write one with METAJIT_LOG=jit:FILE)",
            path.display()
        ));
    }
    Ok(log)
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = match args.command {
        Command::Summary { file } => load(&file).map(|log| {
            print!(
                "{}",
                jitlog::text::summary(&log, &file.display().to_string())
            );
        }),
        Command::Html { file, output } => load(&file).and_then(|log| {
            let page = jitlog::html::page(&log, &file.display().to_string());
            std::fs::write(&output, page)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            if log.warning_count > 0 {
                eprintln!(
                    "mj-jitlog: {} problems in the log (listed on the page)",
                    log.warning_count
                );
            }
            Ok(())
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mj-jitlog: {e}");
            ExitCode::FAILURE
        }
    }
}
