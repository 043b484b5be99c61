//! `mj-jitlog summary`: the log in a few lines for the terminal. Plain
//! aligned text, no colours, so it can be piped, diffed and pasted into
//! an issue.

use crate::parse::JitLog;
use crate::timeline::Phase;
use crate::trace::TraceKind;
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
        "\ntraces ({} loops, {} bridges):",
        log.loops().count(),
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
        let _ = writeln!(o, "  {}: {ops}{guards}{code}{from}", h.what);
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
