//! The JIT log: `METAJIT_LOG=<categories>:<file>`, modeled on PYPYLOG.
//!
//! Categories are comma-separated; a category enables every section whose
//! name starts with it (`jit` enables them all). The file is a path, or `-`
//! for stderr. The log is a sequence of sections, each opened and closed on a
//! line of its own with a timestamp: microseconds (with three decimals, so
//! down to the nanosecond) since the JIT started, that is since `Jit::new`
//! read `METAJIT_LOG`:
//!
//! ```text
//! [000012.345] {jit-log-opt-loop
//! ...body...
//! [000012.350] jit-log-opt-loop}
//! ```
//!
//! Phase sections (`jit-tracing`, `jit-optimize`, `jit-backend`,
//! `jit-running`, `jit-resume`) have empty bodies: their timestamps are the
//! timeline `mj-jitlog` draws. Sections with bodies: `jit-log-noopt` and
//! `jit-log-opt` (a trace, headed `# Loop N (position) with K ops`,
//! `# Entry N (position) with K ops` for a function-entry trace, or
//! `# Bridge out of guard G with K ops`, where K counts the operations
//! other than `debug_merge_point`, whose first operand is the inlining
//! depth; in `jit-log-opt` each guard ends with its id, `# guard G`, the
//! number `jit-summary` and bridges use), `jit-abort` (one line),
//! `jit-backend-dump` (the code of a loop, entry or bridge, headed `loop N:`
//! (entries share the loops' numbers) or `bridge out of guard G:`, or a note
//! when the backend makes no machine code), `jit-summary` (at exit; its `trace:` lines repeat the
//! `jit-log-opt` counts). When `METAJIT_LOG` is unset, every check is one
//! test of a `None`.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Write};
use std::time::Instant;

pub struct Log {
    categories: Vec<String>,
    out: RefCell<Box<dyn Write>>,
    start: Instant,
}

impl Log {
    /// The log `METAJIT_LOG` asks for, if any. A file that cannot be created
    /// is reported once on stderr and logging is off.
    pub fn from_env() -> Option<Log> {
        let spec = std::env::var("METAJIT_LOG").ok()?;
        let (cats, path) = spec.rsplit_once(':').unwrap_or((spec.as_str(), "-"));
        let out: Box<dyn Write> = if path == "-" {
            Box::new(io::stderr())
        } else {
            match File::create(path) {
                Ok(f) => Box::new(io::BufWriter::new(f)),
                Err(e) => {
                    eprintln!("metajit: cannot write log file {path}: {e}");
                    return None;
                }
            }
        };
        let categories = cats
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        Some(Log {
            categories,
            out: RefCell::new(out),
            start: Instant::now(),
        })
    }

    pub fn enabled(&self, section: &str) -> bool {
        self.categories
            .iter()
            .any(|c| section.starts_with(c.as_str()))
    }

    fn stamp(&self) -> String {
        format!("[{:010.3}]", self.start.elapsed().as_secs_f64() * 1e6)
    }

    /// Write a whole section with the given body, if its category is on.
    pub fn section(&self, name: &str, body: &str) {
        if !self.enabled(name) {
            return;
        }
        let mut out = self.out.borrow_mut();
        let _ = writeln!(out, "{} {{{name}", self.stamp());
        let _ = out.write_all(body.as_bytes());
        if !body.is_empty() && !body.ends_with('\n') {
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "{} {name}}}", self.stamp());
    }

    /// Open a phase section; `end` closes it.
    pub fn begin(&self, name: &str) {
        if self.enabled(name) {
            let _ = writeln!(self.out.borrow_mut(), "{} {{{name}", self.stamp());
        }
    }

    pub fn end(&self, name: &str) {
        if self.enabled(name) {
            let _ = writeln!(self.out.borrow_mut(), "{} {name}}}", self.stamp());
        }
    }

    pub fn flush(&self) {
        let _ = self.out.borrow_mut().flush();
    }
}

/// Every section the JIT writes. A category of `METAJIT_LOG` names the
/// sections it is a prefix of.
pub const SECTIONS: &[&str] = &[
    "jit-summary",
    "jit-log-noopt",
    "jit-log-opt",
    "jit-abort",
    "jit-backend",
    "jit-backend-dump",
    "jit-tracing",
    "jit-optimize",
    "jit-running",
    "jit-resume",
];

/// Check a `METAJIT_LOG` value (split as `Log::from_env` splits it): each
/// category must be a prefix of some section, or it would log nothing.
/// Returns what is wrong, for the binaries to report at startup.
pub fn validate(spec: &str) -> Result<(), String> {
    let (cats, _path) = spec.rsplit_once(':').unwrap_or((spec, "-"));
    for category in cats.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        if !SECTIONS.iter().any(|s| s.starts_with(category)) {
            return Err(format!(
                "unknown category '{category}' in '{spec}' (a category is the start of a section name: jit for all, or one of {})",
                SECTIONS.join(", ")
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{validate, SECTIONS};

    #[test]
    fn every_section_the_driver_writes_is_listed() {
        let names = include_str!("driver.rs").split('"').filter(|s| {
            s.starts_with("jit-") && s.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        });
        for name in names {
            assert!(SECTIONS.contains(&name), "{name} is missing from SECTIONS");
        }
    }

    #[test]
    fn a_category_must_start_a_section_name() {
        assert_eq!(validate("jit,jit-log:-"), Ok(()));
        assert_eq!(validate("jit-backend-dump"), Ok(()));
        let e = validate("jit-sumary:-").unwrap_err();
        assert!(
            e.starts_with("unknown category 'jit-sumary' in 'jit-sumary:-'"),
            "{e}"
        );
    }
}
