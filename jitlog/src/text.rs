//! `mj-jitlog summary`: the log in a few lines for the terminal. Plain
//! aligned text, no colours, so it can be piped, diffed and pasted into
//! an issue.

use crate::parse::JitLog;
use crate::timeline::Phase;
use crate::trace::{FailArgs, ResumeKind, TraceBody, TraceKind};
use std::fmt::Write;

/// A duration in µs, in the unit that suits it.
pub fn duration(us: f64) -> String {
    if us == 0.0 {
        "0".to_string()
    } else if us >= 1e6 {
        format!("{:.3} s", us / 1e6)
    } else if us >= 1e3 {
        format!("{:.3} ms", us / 1e3)
    } else {
        format!("{us:.1} µs")
    }
}

/// Share of `part` in `whole`, as a percentage.
pub fn percent(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}

/// A guard's resume frames in a few words: "2 frames (main pc 14 > sum pc
/// 3), innermost pending, 3 virtual items"; `?` for a position the log does
/// not tell.
pub fn frames(f: &FailArgs) -> String {
    let n = f.frames.len();
    let positions: Vec<&str> = f
        .frames
        .iter()
        .map(|fr| fr.position.as_deref().unwrap_or("?"))
        .collect();
    let mut o = format!(
        "{n} frame{} ({})",
        if n == 1 { "" } else { "s" },
        positions.join(" > ")
    );
    if let Some(word) = f.resume.word() {
        let _ = write!(o, ", innermost {word}");
    }
    match f.virtual_items() {
        0 => {}
        1 => o.push_str(", 1 virtual item"),
        v => {
            let _ = write!(o, ", {v} virtual items");
        }
    }
    o
}

/// What is particular about a trace's body, for its line in the summary:
/// ", 2 residual calls, guards resume up to 3 frames, ...".
pub fn particulars(body: &TraceBody) -> String {
    let mut o = String::new();
    let calls = body.residual_calls();
    if calls > 0 {
        let _ = write!(
            o,
            ", {calls} residual call{}",
            if calls == 1 { "" } else { "s" }
        );
    }
    let deepest = body.max_frames();
    if deepest > 1 {
        let _ = write!(o, ", guards resume up to {deepest} frames");
    }
    let pending = body
        .ops()
        .filter_map(|op| op.fail.as_ref())
        .filter(|f| f.resume != ResumeKind::Dispatch)
        .count();
    if pending > 0 {
        let _ = write!(
            o,
            ", {pending} guard{} after a call",
            if pending == 1 { "" } else { "s" }
        );
    }
    if body.guards_named("not_invalidated") > 0 {
        o.push_str(", reads quasi-immutable fields");
    }
    o
}

pub fn summary(log: &JitLog, name: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{name}: {} lines, {} sections, run of {}",
        log.lines,
        log.sections,
        duration(log.end_us)
    );

    o.push_str("\ncounters (jit-summary):\n");
    match &log.summary {
        Some(s) => {
            for (k, v) in &s.counters {
                let _ = writeln!(o, "  {:<18} {v}", format!("{k}:"));
            }
            if let Some(n) = s.get("invalidated").filter(|n| *n != "0") {
                let _ = writeln!(
                    o,
                    "  ({n} compiled trace(s) invalidated: a quasi-immutable field they read \
                     was written, so they are not entered again)"
                );
            }
        }
        None => o.push_str("  (no jit-summary section: the run did not finish?)\n"),
    }

    o.push_str("\ntime per phase (from the phase sections):\n");
    for p in Phase::ALL {
        let t = log.phase_time[p.index()];
        let n = log.phase_count[p.index()];
        let count = if p == Phase::Interpreting {
            String::new()
        } else {
            format!("  ({n} sections)")
        };
        let _ = writeln!(
            o,
            "  {:<34} {:>12} {:>6.1}%{count}",
            p.label(),
            duration(t),
            percent(t, log.end_us)
        );
    }
    let _ = writeln!(o, "  {:<34} {:>12}", "total", duration(log.end_us));

    let _ = writeln!(
        o,
        "\ntraces ({} loops, {} function entries, {} bridges):",
        log.loops().count(),
        log.entries().count(),
        log.bridges().count()
    );
    if log.traces.is_empty() {
        o.push_str("  (none)\n");
    }
    let homes = log.guard_homes();
    for t in &log.traces {
        let h = t.header();
        let recorded = t.noopt.as_ref().map(|(_, b)| b.real_ops());
        let optimized = t.opt.as_ref().map(|(_, b)| b.real_ops());
        let ops = match (recorded, optimized) {
            (Some(r), Some(p)) => format!("{r} ops recorded, {p} after optimization"),
            (None, Some(p)) => format!("{p} ops after optimization"),
            (Some(r), None) => format!("{r} ops recorded, no optimized trace"),
            (None, None) => String::new(),
        };
        let guards = t
            .opt
            .as_ref()
            .map_or(String::new(), |(_, b)| format!(", {} guards", b.guards()));
        let more = t
            .opt
            .as_ref()
            .or(t.noopt.as_ref())
            .map_or(String::new(), |(_, b)| particulars(b));
        let entry = match h.kind {
            TraceKind::Entry { .. } => "function entry, ",
            _ => "",
        };
        let from = match h.kind {
            TraceKind::Bridge { guard } => match homes.get(&guard) {
                Some(&(i, pos)) => format!(
                    " [guard in {}{}]",
                    log.traces[i].header().what,
                    pos.map_or(String::new(), |p| format!(" at {p}"))
                ),
                None => String::new(),
            },
            _ => String::new(),
        };
        let code = match t.code_bytes() {
            None => String::new(),
            Some(0) if t.interpreted() => ", no machine code (interpreted)".to_string(),
            Some(0) => ", no machine code".to_string(),
            Some(b) => format!(", {b} bytes of machine code"),
        };
        let _ = writeln!(o, "  {}: {entry}{ops}{guards}{more}{code}{from}", h.what);
    }

    if let Some(s) = log.summary.as_ref().filter(|s| !s.guards.is_empty()) {
        let ops = log.guard_ops();
        o.push_str("\nguards that failed (jit-summary), and what they resume:\n");
        for (id, text) in &s.guards {
            let _ = writeln!(o, "  guard {id}: {text}");
            match ops.get(id) {
                Some(&(i, _, op)) => {
                    let resume = op
                        .fail
                        .as_ref()
                        .map_or("no fail arguments".to_string(), frames);
                    let _ = writeln!(o, "    in {}: {resume}", log.traces[i].header().what);
                }
                None => o.push_str("    (in no trace of this log)\n"),
            }
        }
    }

    let _ = writeln!(o, "\naborts ({}):", log.abort_count);
    if log.abort_count == 0 {
        o.push_str("  (none)\n");
    }
    for a in &log.aborts {
        let _ = writeln!(o, "  at {}: {}", duration(a.at_us), a.text);
    }
    if log.abort_count > log.aborts.len() as u64 {
        let _ = writeln!(
            o,
            "  ... and {} more",
            log.abort_count - log.aborts.len() as u64
        );
    }

    if log.warning_count > 0 {
        let _ = writeln!(o, "\nwarnings ({}):", log.warning_count);
        for w in &log.warnings {
            let _ = writeln!(o, "  {w}");
        }
        if log.warning_count > log.warnings.len() as u64 {
            let _ = writeln!(
                o,
                "  ... and {} more",
                log.warning_count - log.warnings.len() as u64
            );
        }
    }
    o
}
