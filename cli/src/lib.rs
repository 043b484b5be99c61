//! What every `mj-<lang>` binary shares, so that they all behave alike on
//! the command line: `--version`, `--jit` (`jit`), the check of the
//! `METAJIT_*` variables at startup (`env`), and the REPL (`repl`, with
//! `sigint` for Ctrl-C while a program runs).
//!
//! metajit knows what is valid (its parameters, log sections, GC settings)
//! and says what is wrong; this crate reports it the same way for every
//! language and picks the exit status. It holds no JIT code, and metajit
//! holds no terminal code.
//!
//! Exit statuses: 0 for success, 1 for a program that fails (a syntax or
//! runtime error, an unreadable file), 2 for a bad command line or
//! environment (as clap does for its own usage errors).

pub mod env;
pub mod jit;
pub mod repl;
mod sigint;

use std::fmt::Display;
use std::process::ExitCode;

/// The version every `mj-<lang>` prints for `--version`: the workspace's.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// One `mj-<lang>` binary. Its name starts every message it prints about
/// its command line, its environment and its files: `mj-tlr: --jit: ...`.
#[derive(Copy, Clone, Debug)]
pub struct Tool {
    pub name: &'static str,
}

impl Tool {
    /// Parse the command line into the binary's clap arguments, with
    /// `--version` added. Usage errors exit with status 2, as clap does.
    pub fn parse_args<A: clap::Parser>(&self) -> A {
        let mut matches = A::command().name(self.name).version(VERSION).get_matches();
        A::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.exit())
    }

    /// Check the `METAJIT_*` variables; on a bad one, report it and give
    /// status 2 to exit with.
    pub fn check_environment(&self) -> Result<(), ExitCode> {
        match env::check() {
            Ok(()) => Ok(()),
            Err(problem) => Err(self.usage_error(problem)),
        }
    }

    /// Parse `--jit SPEC` with the language's `options` (which builds on
    /// `jit::parse`); on an error, report it and give status 2.
    pub fn jit_options<T>(
        &self,
        spec: &str,
        options: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, ExitCode> {
        options(spec).map_err(|e| self.usage_error(format!("--jit: {e}")))
    }

    /// Report a bad command line or environment: status 2.
    pub fn usage_error(&self, message: impl Display) -> ExitCode {
        eprintln!("{}: {message}", self.name);
        ExitCode::from(2)
    }

    /// Report a failure that is not the command line's fault (a file that
    /// cannot be read): status 1.
    pub fn failure(&self, message: impl Display) -> ExitCode {
        eprintln!("{}: {message}", self.name);
        ExitCode::FAILURE
    }
}
