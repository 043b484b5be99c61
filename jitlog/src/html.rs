//! `mj-jitlog html`: the log as one self-contained HTML page.
//!
//! Written by hand into a `String` (no template engine): every piece of log
//! text goes through `esc`. The page has no external resources and needs no
//! script: the timeline is inline SVG with `<title>` tooltips, traces are
//! plain HTML grouped by source position, long parts sit in `<details>`.
//! Coordinates in the timeline are microseconds (the SVG stretches them with
//! `preserveAspectRatio="none"`), so the drawing code stays arithmetic-free.

use crate::parse::{hex_bytes, JitLog, TraceRecord};
use crate::text::{duration, frames, percent};
use crate::timeline::{Phase, Timeline};
use crate::trace::{Block, OpKind, ResumeKind, TraceBody, TraceKind};
use std::collections::HashMap;
use std::fmt::Write;

/// Guard cross-references, computed once per page.
struct Guards<'a> {
    homes: HashMap<u32, (usize, Option<&'a str>)>,
    bridges: HashMap<u32, usize>,
    /// How often each guard failed, from `jit-summary` ("201 failures").
    failures: HashMap<u32, &'a str>,
}

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

const STYLE: &str = r#"
:root { --fg:#1d2430; --muted:#5b6675; --line:#d9dee5; --bg:#f6f7f9; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg);
  margin: 0; padding: 1.2em 2em 4em; background: #fff; max-width: 1800px; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.8em 0 .5em; border-bottom: 2px solid var(--line); padding-bottom: .2em; }
h3 { font-size: 1.05em; margin: 0 0 .3em; }
h4 { font-size: .9em; margin: 0 0 .4em; color: var(--muted); font-weight: 600; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
.sub { color: var(--muted); margin: 0; }
.help { color: var(--muted); font-size: .9em; max-width: 62em; margin: .2em 0 .8em; }
.warn { background: #fff4e0; border: 1px solid #e8b35a; padding: .6em 1em; border-radius: 6px; }
.warn ul { margin: .3em 0 0; padding-left: 1.3em; }
table { border-collapse: collapse; }
td, th { padding: .2em .8em .2em 0; text-align: left; vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: .85em; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.mono { font-size: 13px; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 2px; vertical-align: -.1em; margin-right: .35em; }
.tl { margin: .3em 0 0; }
.tl svg { display: block; width: 100%; }
.tl .bar { height: 44px; border: 1px solid var(--line); }
.tl .marks { height: 16px; }
.axis { position: relative; height: 1.4em; font-size: .8em; color: var(--muted); }
.axis span { position: absolute; top: .1em; white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: .4em 1.4em; font-size: .9em; margin: .5em 0; }
.cols2 { display: flex; flex-wrap: wrap; gap: 1em 3em; align-items: flex-start; }
.share { display: inline-block; height: .7em; border-radius: 2px; vertical-align: middle; }
.trace { border: 1px solid var(--line); border-radius: 8px; padding: .8em 1em; margin: 1em 0; background: #fff; }
.trace:target { outline: 3px solid #e8a33d; }
.meta { color: var(--muted); font-size: .9em; margin: 0 0 .6em; }
.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1em; }
.ops { background: var(--bg); border-radius: 6px; padding: .4em .6em; overflow-x: auto; }
.blk { margin: 0 0 .15em; }
.mp { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; color: #2f6fb3;
  border-top: 1px dashed #c7d3e3; padding-top: .1em; margin-top: .2em; }
.mp::before { content: "▸ "; }
.blk.empty .mp { color: #9aa5b1; }
.blk.empty .mp::after { content: "  (no operations left)"; font-style: italic; }
.op { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; white-space: pre;
  padding: 0 .4em 0 1.6em; }
.op.guard { background: #fff1c9; border-left: 3px solid #e8a33d; padding-left: calc(1.6em - 3px); }
.op.guard .fail { color: #8a6d2a; }
.op.label { background: #e5efff; font-weight: 600; }
.op.label::after { content: "   ← the loop proper starts here; above it, the peeled first iteration";
  font-weight: normal; color: var(--muted); font-family: system-ui, sans-serif; }
.op.jump { background: #e6f4ea; font-weight: 600; }
.op.finish { background: #e6f4ea; font-weight: 600; }
.op.finish::after { content: "   ← the function returns (or raises) here, and the trace ends";
  font-weight: normal; color: var(--muted); font-family: system-ui, sans-serif; }
.op.call { background: #f3e8fd; border-left: 3px solid #8e44ad; padding-left: calc(1.6em - 3px); }
.op.call.mayforce::after { content: "   ← residual call: the callee runs in the interpreter, through the portal";
  color: var(--muted); font-family: system-ui, sans-serif; }
.op.call.assembler::after { content: "   ← residual call into the callee's compiled function entry";
  color: var(--muted); font-family: system-ui, sans-serif; }
.fsep { color: #b0793a; font-weight: 600; }
.rs { font-family: system-ui, sans-serif; font-size: .8em; color: #6b4f9e; margin-left: 1em; }
.tag { font-family: system-ui, sans-serif; font-size: .75em; border-radius: 4px; padding: 0 .4em;
  margin-left: .5em; vertical-align: .1em; }
.tag.entry { background: #dff3e4; color: #1e6b34; }
.op.inputs { color: var(--muted); padding-left: .4em; }
.op.inputs::before { content: "inputs: "; font-family: system-ui, sans-serif; }
.gid { font-family: system-ui, sans-serif; font-size: .8em; color: #8a6d2a; margin-left: 1em; }
.gid a { font-weight: 600; }
.cut { color: #b3261e; font-style: italic; }
pre.asm { background: var(--bg); padding: .6em; border-radius: 6px; overflow-x: auto; margin: .3em 0 0; }
pre.asm .hex { color: #8a94a3; }
details > summary { cursor: pointer; color: #2f6fb3; margin-top: .5em; }
.index td a { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
"#;

/// The whole page for `log`, read from the file called `name`.
pub fn page(log: &JitLog, name: &str) -> String {
    let mut o = String::with_capacity(64 * 1024);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>JIT log: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(name)
    );
    header(&mut o, log, name);
    warnings(&mut o, log);
    timeline(&mut o, log);
    counters(&mut o, log);
    let failures = log
        .summary
        .iter()
        .flat_map(|s| &s.guards)
        .map(|(id, text)| (*id, text.split([',', '(']).next().unwrap_or("").trim()))
        .collect();
    let guards = Guards {
        homes: log.guard_homes(),
        bridges: log.bridges_from(),
        failures,
    };
    traces(&mut o, log, &guards);
    aborts(&mut o, log);
    o.push_str("</body>\n</html>\n");
    o
}

fn header(o: &mut String, log: &JitLog, name: &str) {
    let backend = log
        .summary
        .as_ref()
        .and_then(|s| s.get("backend"))
        .map_or(String::new(), |b| format!(" · backend <b>{}</b>", esc(b)));
    let _ = write!(
        o,
        "<header>\n<h1>JIT log <code>{}</code></h1>\n<p class=\"sub\">a run of {}{backend} · \
         {} loops, {} function entries, {} bridges, {} aborts · {} lines, {} sections</p>\n\
         </header>\n",
        esc(name),
        duration(log.end_us),
        log.loops().count(),
        log.entries().count(),
        log.bridges().count(),
        log.abort_count,
        log.lines,
        log.sections,
    );
    o.push_str(
        "<p class=\"help\">What a meta-tracing JIT did while running one program: when it \
         interpreted, when it recorded a trace of a hot loop, optimized it and compiled it, \
         and how long it then ran the machine code. Below the timeline are the counters \
         metajit prints at exit, and every loop, function entry and bridge it compiled, \
         before and after optimization.</p>\n",
    );
}

fn warnings(o: &mut String, log: &JitLog) {
    if log.warning_count == 0 {
        return;
    }
    let _ = writeln!(
        o,
        "<div class=\"warn\" id=\"warnings\"><b>This log has {} problem{}</b>; the page shows \
         what could be read.<ul>",
        log.warning_count,
        if log.warning_count == 1 { "" } else { "s" }
    );
    for w in &log.warnings {
        let _ = writeln!(o, "<li>{}</li>", esc(w));
    }
    if log.warning_count > log.warnings.len() as u64 {
        let _ = writeln!(
            o,
            "<li>… and {} more</li>",
            log.warning_count - log.warnings.len() as u64
        );
    }
    o.push_str("</ul></div>\n");
}

/// One timeline bar from `t` up to `end` µs, with markers for the traces
/// and aborts inside it.
fn bar(o: &mut String, log: &JitLog, t: &Timeline, end: f64, id: &str) {
    if end <= 0.0 {
        o.push_str("<p class=\"help\">(the log spans no time)</p>\n");
        return;
    }
    let _ = writeln!(o, "<div class=\"tl\" id=\"{id}\">");
    // Markers: where each trace was logged, and each abort.
    let _ = writeln!(
        o,
        "<svg class=\"marks\" viewBox=\"0 0 {end:.3} 16\" preserveAspectRatio=\"none\" \
         role=\"img\" aria-label=\"compilations and aborts\">"
    );
    for (i, tr) in log.traces.iter().enumerate().take(2000) {
        if tr.at_us > end {
            continue;
        }
        let colour = match tr.header().kind {
            TraceKind::Loop { .. } => "#8e44ad",
            TraceKind::Entry { .. } => "#1e8449",
            _ => "#2f6fb3",
        };
        let _ = writeln!(
            o,
            "<a href=\"#t{i}\"><line x1=\"{x:.3}\" x2=\"{x:.3}\" y1=\"1\" y2=\"16\" \
             stroke=\"{colour}\" stroke-width=\"3\" vector-effect=\"non-scaling-stroke\">\
             <title>{} compiled at {}</title></line></a>",
            esc(&tr.header().what),
            duration(tr.at_us),
            x = tr.at_us
        );
    }
    for a in log.aborts.iter().take(500).filter(|a| a.at_us <= end) {
        let _ = writeln!(
            o,
            "<a href=\"#aborts\"><line x1=\"{x:.3}\" x2=\"{x:.3}\" y1=\"4\" y2=\"16\" \
             stroke=\"#b3261e\" stroke-width=\"3\" vector-effect=\"non-scaling-stroke\">\
             <title>abort at {}: {}</title></line></a>",
            duration(a.at_us),
            esc(&a.text),
            x = a.at_us
        );
    }
    o.push_str("</svg>\n");
    let _ = writeln!(
        o,
        "<svg class=\"bar\" viewBox=\"0 0 {end:.3} 10\" preserveAspectRatio=\"none\" \
         shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"timeline of the run by phase\">"
    );
    for (start, width, b) in t.runs(end) {
        let total: f64 = b.iter().sum();
        let mut title = format!("{} – {}:", duration(start), duration(start + width));
        for p in Phase::ALL {
            let v = b[p.index()];
            if v > 0.0 {
                let _ = write!(
                    title,
                    " {} {} ({:.0}%);",
                    p.label(),
                    duration(v),
                    percent(v, total)
                );
            }
        }
        title.pop();
        let _ = write!(o, "<g><title>{}</title>", esc(&title));
        // Share the run's width among its phases, in phase order.
        let mut x = start;
        for p in Phase::ALL {
            let v = b[p.index()];
            if v <= 0.0 {
                continue;
            }
            let w = width * v / total;
            let _ = write!(
                o,
                "<rect x=\"{x:.4}\" y=\"0\" width=\"{w:.4}\" height=\"10\" fill=\"{}\"/>",
                p.colour()
            );
            x += w;
        }
        o.push_str("</g>\n");
    }
    o.push_str("</svg>\n<div class=\"axis\">");
    for k in 0..=4 {
        let f = k as f64 / 4.0;
        let style = match k {
            0 => "left:0".to_string(),
            4 => "right:0".to_string(),
            _ => format!("left:{:.0}%;transform:translateX(-50%)", f * 100.0),
        };
        let _ = write!(o, "<span style=\"{style}\">{}</span>", duration(f * end));
    }
    o.push_str("</div>\n</div>\n");
}

fn timeline(o: &mut String, log: &JitLog) {
    o.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    o.push_str(
        "<p class=\"help\">The run from left to right, coloured by what was happening, from \
         the phase sections of the log; time outside every phase is the interpreter at work. \
         The ticks above mark when a loop (purple), a function entry (green) or a bridge \
         (blue) was compiled and \
         when tracing was aborted (red); click one to jump to it. Hover over the bar for the \
         exact times. Where phases alternate faster than the picture can show, a slice of \
         the bar is shared among them in proportion.</p>\n",
    );
    o.push_str("<div class=\"legend\">");
    for p in Phase::ALL {
        let _ = write!(
            o,
            "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span>",
            p.colour(),
            p.label()
        );
    }
    o.push_str(
        "<span><span class=\"swatch\" style=\"background:#8e44ad;width:3px\"></span>loop \
         compiled</span><span><span class=\"swatch\" style=\"background:#1e8449;width:3px\">\
         </span>function entry compiled</span><span><span class=\"swatch\" \
         style=\"background:#2f6fb3;width:3px\"></span>bridge compiled</span><span><span class=\"swatch\" \
         style=\"background:#b3261e;width:3px\"></span>abort</span></div>\n",
    );
    bar(o, log, &log.timeline, log.end_us, "timeline-all");

    // The warm-up in detail, when it is a small part of the run.
    let window = (log.last_compile_us * 1.25).max(log.last_compile_us + 20.0);
    let covered = log.early.last().map_or(0.0, |e| e.2);
    let window = window.min(covered);
    if log.last_compile_us > 0.0 && window < 0.5 * log.end_us {
        let mut t = Timeline::new();
        for &(p, s, e) in &log.early {
            if s >= window {
                break;
            }
            t.add(p, s, e.min(window));
        }
        let _ = write!(
            o,
            "<h3 style=\"margin-top:1em\">The warm-up, enlarged: 0 – {}</h3>\n\
             <p class=\"help\">The same timeline up to just after the last compilation.</p>\n",
            duration(window)
        );
        bar(o, log, &t, window, "timeline-warmup");
    }

    o.push_str("<h3 style=\"margin-top:1em\">Time per phase</h3>\n<table>\n");
    o.push_str(
        "<tr><th>phase</th><th>section</th><th>sections</th><th>time</th><th>share</th><th></th></tr>\n",
    );
    for p in Phase::ALL {
        let t = log.phase_time[p.index()];
        let share = percent(t, log.end_us);
        let count = if p == Phase::Interpreting {
            String::new()
        } else {
            log.phase_count[p.index()].to_string()
        };
        let _ = writeln!(
            o,
            "<tr><td><span class=\"swatch\" style=\"background:{c}\"></span>{}</td>\
             <td><code>{}</code></td><td class=\"num\">{count}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{share:.1}%</td><td><span class=\"share\" \
             style=\"background:{c};width:{w:.1}px\"></span></td></tr>",
            p.label(),
            p.section(),
            duration(t),
            c = p.colour(),
            w = (share * 3.0).max(if t > 0.0 { 1.0 } else { 0.0 }),
        );
    }
    let _ = writeln!(
        o,
        "<tr><td><b>total</b></td><td></td><td></td><td class=\"num\"><b>{}</b></td><td></td><td></td></tr>",
        duration(log.end_us)
    );
    o.push_str("</table>\n</section>\n");
}

fn counters(o: &mut String, log: &JitLog) {
    o.push_str("<section id=\"counters\">\n<h2>Counters</h2>\n<div class=\"cols2\">\n<div>\n");
    o.push_str("<h4>What metajit reports at exit (<code>jit-summary</code>)</h4>\n");
    match &log.summary {
        Some(s) => {
            o.push_str("<table>\n");
            for (k, v) in &s.counters {
                let note = match k.as_str() {
                    "entries" => " <small>(function-entry traces)</small>",
                    "invalidated" if v != "0" => {
                        " <small>(traces that read a quasi-immutable field that was then \
                         written: they are not entered again)</small>"
                    }
                    _ => "",
                };
                let _ = writeln!(
                    o,
                    "<tr><td>{}{note}</td><td class=\"num mono\">{}</td></tr>",
                    esc(k),
                    esc(v)
                );
            }
            o.push_str("</table>\n");
        }
        None => o.push_str(
            "<p class=\"help\">No <code>jit-summary</code> section: the run did not finish, \
             or the log was cut off.</p>\n",
        ),
    }
    o.push_str("</div>\n<div>\n<h4>What this log contains</h4>\n<table>\n");
    let rows = [
        ("loops (traces)", log.loops().count() as u64),
        ("function entries (traces)", log.entries().count() as u64),
        ("bridges (traces)", log.bridges().count() as u64),
        ("aborts (jit-abort)", log.abort_count),
        (
            "exits from compiled code (jit-resume)",
            log.phase_count[Phase::Resuming.index()],
        ),
        (
            "entries into compiled code (jit-running)",
            log.phase_count[Phase::Running.index()],
        ),
    ];
    for (k, v) in rows {
        let _ = writeln!(o, "<tr><td>{k}</td><td class=\"num mono\">{v}</td></tr>");
    }
    o.push_str("</table>\n</div>\n</div>\n</section>\n");
}

fn traces(o: &mut String, log: &JitLog, g: &Guards) {
    o.push_str("<section id=\"traces\">\n<h2>Loops, function entries and bridges</h2>\n");
    if log.traces.is_empty() {
        o.push_str("<p class=\"help\">Nothing was compiled.</p>\n</section>\n");
        return;
    }
    o.push_str(
        "<p class=\"help\">Each trace is the sequence of operations the interpreter performed \
         for one iteration of a hot loop (or, for a bridge, from a guard that failed often), \
         recorded and then optimized; a function entry is one call of a hot function, from \
         its start to its return (<code>finish</code>). Operations are grouped under the \
         source position that \
         produced them (from <code>debug_merge_point</code>). <span style=\"background:#fff1c9\">\
         Guards</span> check that the run still follows the recorded path; the values in \
         brackets are what the interpreter needs to resume when one fails: frame by frame, \
         outermost first, separated by <code>|</code> where a call was inlined, each with \
         the items of its frame object not stored yet in braces; <code>; returned</code>, \
         <code>; raised</code> or <code>; pending</code> mark a frame whose call has \
         completed. The note after such a guard counts its frames, names the position each \
         resumes at where the merge points tell it, and counts the virtual items. \
         <span style=\"background:#f3e8fd\">Residual calls</span> \
         (<code>call_may_force_*</code>, <code>call_assembler_*</code>) are user-level \
         calls that were not inlined. Guard numbers \
         are the ones the log prints after each guard (<code># guard N</code>), which \
         <code>jit-summary</code> and the bridges' names use. Operation counts leave out \
         the <code>debug_merge_point</code>s; an optimized loop counts its peeled first \
         iteration (before <code>label</code>) too.</p>\n",
    );
    o.push_str(
        "<table class=\"index\">\n<tr><th>trace</th><th>compiled at</th><th>recorded ops</th>\
         <th>optimized ops</th><th>guards</th><th>residual calls</th><th>machine code</th></tr>\n",
    );
    for (i, t) in log.traces.iter().enumerate() {
        let n = |b: &Option<(crate::trace::Header, TraceBody)>| {
            b.as_ref()
                .map_or("–".to_string(), |(_, b)| b.real_ops().to_string())
        };
        let guards = t
            .opt
            .as_ref()
            .map_or("–".to_string(), |(_, b)| b.guards().to_string());
        let calls = t
            .opt
            .as_ref()
            .map_or("–".to_string(), |(_, b)| b.residual_calls().to_string());
        let tag = match t.header().kind {
            TraceKind::Entry { .. } => "<span class=\"tag entry\">function entry</span>",
            _ => "",
        };
        let code = match t.code_bytes() {
            None => "–".to_string(),
            Some(0) if t.interpreted() => "none (interpreted)".to_string(),
            Some(0) => "none".to_string(),
            Some(b) => format!("<a href=\"#t{i}-code\">{b} bytes</a>"),
        };
        let _ = writeln!(
            o,
            "<tr><td><a href=\"#t{i}\">{}</a>{tag}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{guards}</td><td class=\"num\">{calls}</td>\
             <td class=\"code\">{code}</td></tr>",
            esc(&t.header().what),
            duration(t.at_us),
            n(&t.noopt),
            n(&t.opt),
        );
    }
    o.push_str("</table>\n");
    for (i, t) in log.traces.iter().enumerate() {
        trace(o, log, g, i, t);
    }
    o.push_str("</section>\n");
}

fn trace(o: &mut String, log: &JitLog, g: &Guards, i: usize, t: &TraceRecord) {
    let h = t.header();
    let title = match &h.kind {
        TraceKind::Loop { number, position } => format!(
            "Loop {number} <span class=\"sub mono\">at {}</span>",
            esc(position)
        ),
        TraceKind::Entry { number, position } => format!(
            "Entry {number} <span class=\"sub mono\">at {}</span>\
             <span class=\"tag entry\">function entry</span>",
            esc(position)
        ),
        _ => esc(&h.what),
    };
    let _ = write!(
        o,
        "<article class=\"trace\" id=\"t{i}\">\n<h3>{title}</h3>\n<p class=\"meta\">compiled at {}",
        duration(t.at_us)
    );
    if let (Some((_, a)), Some((_, b))) = (&t.noopt, &t.opt) {
        let (ra, rb) = (a.real_ops(), b.real_ops());
        let _ = write!(
            o,
            " · {ra} operations recorded → {rb} after optimization ({:+.0}%)",
            percent(rb as f64 - ra as f64, ra as f64)
        );
    }
    if let Some((_, b)) = &t.opt {
        let _ = write!(o, " · {} guards", b.guards());
    }
    if let Some((_, b)) = t.opt.as_ref().or(t.noopt.as_ref()) {
        let calls = b.residual_calls();
        if calls > 0 {
            let _ = write!(
                o,
                " · {calls} residual call{}",
                if calls == 1 { "" } else { "s" }
            );
        }
        let deepest = b.max_frames();
        if deepest > 1 {
            let _ = write!(o, " · guards resume up to {deepest} frames (inlined calls)");
        }
        if b.guards_named("not_invalidated") > 0 {
            o.push_str(" · reads quasi-immutable fields (<code>guard_not_invalidated</code>)");
        }
    }
    if let TraceKind::Entry { .. } = h.kind {
        o.push_str(" · a function-entry trace: called, it runs to the function's return");
    }
    if let TraceKind::Bridge { guard } = h.kind {
        match g.homes.get(&guard) {
            Some(&(home, pos)) => {
                let _ = write!(
                    o,
                    " · starts where guard {guard} fails: in <a href=\"#t{home}\">{}</a>{}",
                    esc(&log.traces[home].header().what),
                    pos.map_or(String::new(), |p| format!(" at <code>{}</code>", esc(p)))
                );
            }
            None => {
                let _ = write!(o, " · starts where guard {guard} fails");
            }
        }
    }
    o.push_str("</p>\n<div class=\"pair\">\n");
    for (label, section, body) in [
        ("Recorded", "jit-log-noopt", &t.noopt),
        ("Optimized", "jit-log-opt", &t.opt),
    ] {
        let _ = write!(
            o,
            "<div>\n<h4>{label} <code>{section}</code></h4>\n<div class=\"ops\">\n"
        );
        match body {
            Some((_, b)) => ops(o, g, b),
            None => o.push_str("<p class=\"help\">(not in the log)</p>\n"),
        }
        o.push_str("</div>\n</div>\n");
    }
    o.push_str("</div>\n");
    if let Some(dump) = &t.dump {
        let backend = log
            .summary
            .as_ref()
            .and_then(|s| s.get("backend"))
            .unwrap_or("backend");
        let size = match t.code_bytes() {
            Some(0) | None => String::new(),
            Some(b) => format!(", {b} bytes"),
        };
        let _ = write!(
            o,
            "<details id=\"t{i}-code\"><summary>Machine code ({}{size}, \
             <code>jit-backend-dump</code>)</summary><pre class=\"asm\">",
            esc(backend)
        );
        for line in dump.lines() {
            if hex_bytes(line).is_some() {
                let _ = writeln!(o, "<span class=\"hex\">{}</span>", esc(line));
            } else {
                let _ = writeln!(o, "{}", esc(line));
            }
        }
        o.push_str("</pre></details>\n");
    }
    o.push_str("</article>\n");
}

fn ops(o: &mut String, g: &Guards, body: &TraceBody) {
    for b in &body.blocks {
        let empty = b.position.is_some() && b.ops.is_empty();
        let _ = write!(
            o,
            "<div class=\"blk{}\">",
            if empty { " empty" } else { "" }
        );
        if let Some(p) = &b.position {
            let depth = block_depth(b);
            let depth = if depth > 0 {
                format!(" <small>(inlined, depth {depth})</small>")
            } else {
                String::new()
            };
            let _ = write!(o, "<div class=\"mp\">{}{depth}</div>", esc(p));
        }
        for op in &b.ops {
            let class = match op.kind {
                OpKind::Inputs => "inputs",
                OpKind::Guard => "guard",
                OpKind::Label => "label",
                OpKind::Jump => "jump",
                OpKind::Finish => "finish",
                OpKind::ResidualCall if op.text.contains("call_assembler_") => "call assembler",
                OpKind::ResidualCall => "call mayforce",
                OpKind::Plain => "plain",
            };
            let _ = write!(o, "<div class=\"op {class}\">");
            if op.kind == OpKind::Guard {
                let (call, fail) = op.split_fail_args();
                o.push_str(&esc(call));
                if !fail.is_empty() {
                    let _ = write!(
                        o,
                        "<span class=\"fail\">{}</span>",
                        esc(fail).replace(" | ", "<span class=\"fsep\"> | </span>")
                    );
                }
                if let Some(id) = op.guard_id {
                    let _ = write!(o, "<span class=\"gid\">guard {id}");
                    if let Some(f) = g.failures.get(&id) {
                        let _ = write!(o, " · {}", esc(f));
                    }
                    if let Some(br) = g.bridges.get(&id) {
                        let _ = write!(o, " · <a href=\"#t{br}\">bridge →</a>");
                    }
                    o.push_str("</span>");
                }
                if let Some(f) = op.fail.as_ref().filter(|f| !f.is_simple()) {
                    let _ = write!(o, "<span class=\"rs\">resumes {}</span>", esc(&frames(f)));
                }
            } else {
                o.push_str(&esc(&op.text));
            }
            o.push_str("</div>");
        }
        o.push_str("</div>\n");
    }
    if body.truncated {
        o.push_str("<p class=\"cut\">… the log stops here: this section was cut off.</p>\n");
    }
}

/// A block's inlining depth: the merge point's, or else what its guards
/// say (a guard that runs its instruction again, or whose residual call is
/// pending, has one frame per level; logs whose merge points all say 0 still
/// show it that way).
fn block_depth(b: &Block) -> usize {
    let from_guards = b
        .ops
        .iter()
        .filter_map(|op| op.fail.as_ref())
        .filter(|f| matches!(f.resume, ResumeKind::Dispatch | ResumeKind::Pending))
        .map(|f| f.frames.len().saturating_sub(1))
        .max()
        .unwrap_or(0);
    (b.depth as usize).max(from_guards)
}

fn aborts(o: &mut String, log: &JitLog) {
    o.push_str("<section id=\"aborts\">\n<h2>Aborts</h2>\n");
    if log.abort_count == 0 {
        o.push_str("<p class=\"help\">No trace was aborted.</p>\n</section>\n");
        return;
    }
    o.push_str(
        "<p class=\"help\">Traces that were given up: too long, the program returned or failed \
         while tracing, or the backend refused them.</p>\n<table>\n\
         <tr><th>at</th><th>what and why</th></tr>\n",
    );
    for a in &log.aborts {
        let _ = writeln!(
            o,
            "<tr><td class=\"num\">{}</td><td class=\"mono\">{}</td></tr>",
            duration(a.at_us),
            esc(&a.text)
        );
    }
    if log.abort_count > log.aborts.len() as u64 {
        let _ = writeln!(
            o,
            "<tr><td></td><td>… and {} more</td></tr>",
            log.abort_count - log.aborts.len() as u64
        );
    }
    o.push_str("</table>\n</section>\n");
}
