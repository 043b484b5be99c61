//! JIT parameters, set with PyPy's syntax: `--jit threshold=3,trace_limit=500`.
//!
//! Names and defaults follow RPython's `rlib/jit.py` where the concept is the
//! same. `off` turns the JIT off (the interpreter runs alone). Keys this crate
//! does not know are handed back, so a language can add its own (TLR's
//! `mode=` for the paper's table) without metajit knowing about them.

use std::fmt;

/// Which backend runs compiled traces.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BackendKind {
    /// The IR interpreter: the reference semantics, and the fallback.
    Interp,
    /// Machine code for x86-64 (the default on x86-64 hosts; elsewhere it
    /// falls back to the IR interpreter).
    X64,
}

#[derive(Clone, Debug)]
pub struct Params {
    /// False: never count, trace or compile; the interpreter runs alone.
    pub enabled: bool,
    /// Back-edge iterations before a loop is traced.
    pub threshold: u32,
    /// Calls before a function entry is traced.
    pub function_threshold: u32,
    /// Failures of a guard before a bridge is traced from it.
    pub trace_eagerness: u32,
    /// Recorded operations after which a trace is aborted as too long.
    pub trace_limit: u32,
    /// Follow user-level calls into the callee while tracing.
    pub inlining: bool,
    /// How many user-level calls deep the recorder follows; deeper calls
    /// stay residual.
    pub inline_depth: u32,
    /// Optimizer passes to run, colon-separated (`all`, or e.g. `fold:dce`).
    pub enable_opts: String,
    /// Aborts at one position after which it is never traced again.
    pub max_aborts: u32,
    /// Bridges one compiled loop or entry may grow, its bridges' bridges
    /// included; past it, a guard of that tree that fails resumes in the
    /// interpreter. Bounds the code a tree can grow when its guards keep
    /// failing in new ways (each combination of branch outcomes, each new
    /// value of a promoted object, would otherwise get a bridge of its own).
    pub max_bridges: u32,
    /// Invalidations of the loop or entry at one position after which it
    /// is never traced again (a loop that changes what it reads every time
    /// round would otherwise be retraced for ever).
    pub max_invalidations: u32,
    pub backend: BackendKind,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            enabled: true,
            threshold: 1039,
            function_threshold: 1619,
            trace_eagerness: 200,
            trace_limit: 6000,
            inlining: true,
            inline_depth: 8,
            enable_opts: "all".into(),
            max_aborts: 3,
            max_bridges: 64,
            max_invalidations: 10,
            backend: if cfg!(target_arch = "x86_64") {
                BackendKind::X64
            } else {
                BackendKind::Interp
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError(pub String);

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl Params {
    /// Parse `off` or `key=value,...` on top of the defaults. Returns the
    /// parameters and the `(key, value)` pairs this crate does not know.
    pub fn parse(spec: &str) -> Result<(Params, Vec<(String, String)>), ParamError> {
        let mut p = Params::default();
        let mut rest = Vec::new();
        for item in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            if item == "off" {
                p.enabled = false;
                continue;
            }
            let (key, value) = item
                .split_once('=')
                .ok_or_else(|| ParamError(format!("expected key=value or 'off', got '{item}'")))?;
            let num = || {
                value.parse::<u32>().map_err(|_| {
                    ParamError(format!("{key} needs a non-negative integer, got '{value}'"))
                })
            };
            match key {
                "threshold" => p.threshold = num()?.max(1),
                "function_threshold" => p.function_threshold = num()?.max(1),
                "trace_eagerness" => p.trace_eagerness = num()?,
                "trace_limit" => p.trace_limit = num()?,
                "max_aborts" => p.max_aborts = num()?,
                "max_bridges" => p.max_bridges = num()?,
                "max_invalidations" => p.max_invalidations = num()?,
                "inlining" => p.inlining = num()? != 0,
                "inline_depth" => p.inline_depth = num()?,
                "enable_opts" => {
                    crate::opt::OptConfig::parse(value).map_err(ParamError)?;
                    p.enable_opts = value.to_string()
                }
                "backend" => {
                    p.backend = match value {
                        "interp" => BackendKind::Interp,
                        "x64" => BackendKind::X64,
                        _ => {
                            return Err(ParamError(format!(
                                "unknown backend '{value}' (interp, x64)"
                            )))
                        }
                    }
                }
                _ => rest.push((key.to_string(), value.to_string())),
            }
        }
        Ok((p, rest))
    }
}
