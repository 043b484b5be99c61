//! The log parser: one pass over the lines, keeping aggregates.
//!
//! Logs of long runs are mostly phase sections (hundreds of MB of
//! `jit-running`/`jit-resume`), so those are folded into totals and the
//! bounded `Timeline` as they come; only traces, dumps, aborts (up to a cap)
//! and the summary are kept whole. Anything unexpected (a section that never
//! closes, a close without an open, an unknown section, stray text, time
//! running backwards) becomes a warning and parsing goes on, so a truncated
//! or damaged log still gives everything it holds.

use crate::timeline::{Phase, Timeline};
use crate::trace::{Header, Op, TraceBody, TraceKind};
use std::collections::{BTreeMap, HashMap};
use std::io::{self, BufRead};
use std::path::Path;

/// Warnings kept word for word; later ones are only counted.
const MAX_WARNINGS: usize = 50;
/// Aborts kept word for word; later ones are only counted.
const MAX_ABORTS: usize = 1000;
/// Phase intervals kept exactly for the detailed view of the warm-up.
const MAX_EARLY: usize = 20_000;

/// A loop, a function entry or a bridge: its trace before and after
/// optimization and its machine code, as far as the log has them.
#[derive(Clone, Debug, Default)]
pub struct TraceRecord {
    pub noopt: Option<(Header, TraceBody)>,
    pub opt: Option<(Header, TraceBody)>,
    /// The `jit-backend-dump` listing, without its first line (`loop N:`,
    /// `bridge out of guard G:`); for the IR interpreter, which has no
    /// machine code, the note it writes instead.
    pub dump: Option<String>,
    /// When the trace was logged (the optimized one if present), in µs.
    pub at_us: f64,
}

impl TraceRecord {
    /// Bytes of machine code in the dump: `None` without a dump, 0 for a
    /// dump without code (the IR interpreter's note).
    pub fn code_bytes(&self) -> Option<usize> {
        let dump = self.dump.as_deref()?;
        Some(dump.lines().filter_map(hex_bytes).sum())
    }

    /// Whether the dump says the trace is interpreted (the IR interpreter
    /// backend, which makes no machine code).
    pub fn interpreted(&self) -> bool {
        self.dump
            .as_deref()
            .is_some_and(|d| d.contains("is interpreted"))
    }

    /// The header of the optimized trace, or else of the recorded one.
    pub fn header(&self) -> &Header {
        &self
            .opt
            .as_ref()
            .or(self.noopt.as_ref())
            .expect("a record has at least one trace")
            .0
    }
}

/// The number of bytes on a line of machine code in a dump (indented hex
/// pairs: `      48 8d a5 d0`), or `None` for any other line.
pub fn hex_bytes(line: &str) -> Option<usize> {
    if !line.starts_with("      ") {
        return None;
    }
    let mut n = 0;
    for w in line.split_whitespace() {
        if w.len() != 2 || !w.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        n += 1;
    }
    (n > 0).then_some(n)
}

#[derive(Clone, Debug)]
pub struct Abort {
    pub at_us: f64,
    pub text: String,
}

/// The `jit-summary` section.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// `key: value` lines in order, except `trace:` and `abort:`.
    pub counters: Vec<(String, String)>,
    /// `trace: <what>: N ops` lines, as (what, N).
    pub traces: Vec<(String, String)>,
    /// `abort: ...` lines.
    pub aborts: Vec<String>,
    /// `guard N: ...` lines (also among the counters), as (N, the rest).
    pub guards: Vec<(u32, String)>,
}

impl Summary {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.counters
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Everything `mj-jitlog` shows, from one log.
#[derive(Clone, Debug, Default)]
pub struct JitLog {
    /// The last timestamp: the length of the run as far as the log knows.
    pub end_us: f64,
    /// Microseconds per phase, indexed by `Phase::index`.
    pub phase_time: [f64; 6],
    /// How many sections of each phase there were.
    pub phase_count: [u64; 6],
    pub timeline: Timeline,
    pub traces: Vec<TraceRecord>,
    pub aborts: Vec<Abort>,
    pub abort_count: u64,
    pub summary: Option<Summary>,
    /// Sections seen (opened).
    pub sections: u64,
    pub lines: u64,
    pub unknown_sections: BTreeMap<String, u64>,
    pub warnings: Vec<String>,
    pub warning_count: u64,
    /// The first phase intervals exactly, (phase, start, end) in µs, up to
    /// `MAX_EARLY`: the warm-up, drawn in detail on the page.
    pub early: Vec<(Phase, f64, f64)>,
    /// When the last `jit-backend` section closed (the last compilation).
    pub last_compile_us: f64,
}

impl JitLog {
    pub fn loops(&self) -> impl Iterator<Item = &TraceRecord> {
        self.traces
            .iter()
            .filter(|t| matches!(t.header().kind, TraceKind::Loop { .. }))
    }

    pub fn bridges(&self) -> impl Iterator<Item = &TraceRecord> {
        self.traces
            .iter()
            .filter(|t| matches!(t.header().kind, TraceKind::Bridge { .. }))
    }

    /// Function-entry traces (`# Entry N (...)`).
    pub fn entries(&self) -> impl Iterator<Item = &TraceRecord> {
        self.traces
            .iter()
            .filter(|t| matches!(t.header().kind, TraceKind::Entry { .. }))
    }

    /// Where each guard of the optimized traces is: guard number (as the
    /// log prints it, `# guard N`) -> (index of its trace, its source
    /// position). The position is the innermost frame's, the one
    /// `jit-summary` names, when the fail arguments and the merge points
    /// tell it; else the merge point the guard is under.
    pub fn guard_homes(&self) -> HashMap<u32, (usize, Option<&str>)> {
        self.guard_ops()
            .into_iter()
            .map(|(id, (i, pos, op))| {
                let pos = match &op.fail {
                    Some(f) if !f.is_simple() => f.position(),
                    _ => pos,
                };
                (id, (i, pos))
            })
            .collect()
    }

    /// Each guard of the optimized traces: guard number -> (index of its
    /// trace, the merge point it is under, the guard).
    pub fn guard_ops(&self) -> HashMap<u32, (usize, Option<&str>, &Op)> {
        let mut m = HashMap::new();
        for (i, t) in self.traces.iter().enumerate() {
            let Some((_, body)) = &t.opt else { continue };
            for b in &body.blocks {
                for op in &b.ops {
                    if let Some(id) = op.guard_id {
                        m.insert(id, (i, b.position.as_deref(), op));
                    }
                }
            }
        }
        m
    }

    /// The bridges: guard number -> index of the bridge out of it.
    pub fn bridges_from(&self) -> HashMap<u32, usize> {
        let mut m = HashMap::new();
        for (i, t) in self.traces.iter().enumerate() {
            if let (Some(_), TraceKind::Bridge { guard }) = (&t.opt, &t.header().kind) {
                m.entry(*guard).or_insert(i);
            }
        }
        m
    }

    fn warn(&mut self, msg: String) {
        self.warning_count += 1;
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(msg);
        }
    }
}

/// Parse a log file.
pub fn parse_file(path: &Path) -> io::Result<JitLog> {
    let f = std::fs::File::open(path)?;
    parse(io::BufReader::with_capacity(1 << 16, f))
}

/// Parse a log from a reader; fails only on read errors.
pub fn parse<R: BufRead>(mut r: R) -> io::Result<JitLog> {
    let mut p = Parser::default();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if r.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        let line = String::from_utf8_lossy(&buf);
        p.line(&line);
    }
    Ok(p.finish())
}

/// What a timestamped line does.
enum Event<'a> {
    Open(&'a str),
    Close(&'a str),
}

/// `[0000073.761] {jit-log-opt` or `[0000084.187] jit-log-opt}`.
fn stamp(line: &str) -> Option<(f64, Event<'_>)> {
    let rest = line.strip_prefix('[')?;
    let (num, rest) = rest.split_once("] ")?;
    if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let t: f64 = num.parse().ok()?;
    let name_ok = |n: &str| !n.is_empty() && !n.contains(char::is_whitespace);
    if let Some(name) = rest.strip_prefix('{') {
        name_ok(name).then_some((t, Event::Open(name)))
    } else if let Some(name) = rest.strip_suffix('}') {
        name_ok(name).then_some((t, Event::Close(name)))
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BodyKind {
    Noopt,
    Opt,
    Abort,
    Dump,
    Summary,
    Unknown,
}

impl BodyKind {
    fn of(name: &str) -> BodyKind {
        match name {
            "jit-log-noopt" => BodyKind::Noopt,
            "jit-log-opt" => BodyKind::Opt,
            "jit-abort" => BodyKind::Abort,
            "jit-backend-dump" => BodyKind::Dump,
            "jit-summary" => BodyKind::Summary,
            _ => BodyKind::Unknown,
        }
    }
}

/// A section with a body, while its lines come in.
struct OpenBody {
    name: String,
    kind: BodyKind,
    start: f64,
    line: u64,
    header: Option<Header>,
    trace: TraceBody,
    text: String,
}

#[derive(Default)]
struct Parser {
    log: JitLog,
    /// Time up to which phases are accounted.
    cursor: f64,
    /// The latest timestamp.
    now: f64,
    /// Open phase sections, innermost last.
    phases: Vec<(Phase, f64)>,
    body: Option<OpenBody>,
    line_no: u64,
    stray: u64,
}

impl Parser {
    fn line(&mut self, line: &str) {
        self.line_no += 1;
        if let Some((t, ev)) = stamp(line) {
            let t = if t + 1e-6 < self.now {
                self.log.warn(format!(
                    "line {}: time goes backwards ({t:.3} µs after {:.3} µs); using the later time",
                    self.line_no, self.now
                ));
                self.now
            } else {
                t
            };
            self.now = t;
            match ev {
                Event::Open(name) => self.open(name, t),
                Event::Close(name) => self.close(name, t),
            }
        } else if let Some(body) = &mut self.body {
            match body.kind {
                BodyKind::Noopt | BodyKind::Opt => {
                    if body.header.is_none() && line.trim_start().starts_with('#') {
                        body.header = Some(Header::parse(line));
                    } else {
                        body.trace.push_line(line);
                    }
                }
                BodyKind::Abort | BodyKind::Dump | BodyKind::Summary => {
                    body.text.push_str(line);
                    body.text.push('\n');
                }
                BodyKind::Unknown => {}
            }
        } else if !line.trim().is_empty() {
            self.stray += 1;
            if self.stray <= 3 {
                let shown: String = line.chars().take(60).collect();
                self.log.warn(format!(
                    "line {}: text outside any section: {shown:?}",
                    self.line_no
                ));
            }
        }
    }

    /// Give the time since the cursor to the innermost open phase.
    fn account(&mut self, t: f64) {
        let phase = self.phases.last().map_or(Phase::Interpreting, |p| p.0);
        if t > self.cursor {
            self.log.timeline.add(phase, self.cursor, t);
            self.log.phase_time[phase.index()] += t - self.cursor;
            if self.log.early.len() < MAX_EARLY {
                self.log.early.push((phase, self.cursor, t));
            }
            self.cursor = t;
        }
    }

    fn open(&mut self, name: &str, t: f64) {
        self.log.sections += 1;
        if let Some(body) = self.body.take() {
            self.log.warn(format!(
                "line {}: section {name} opens while {} (opened on line {}) is still open; \
                 {} was cut off",
                self.line_no, body.name, body.line, body.name
            ));
            self.finish_body(body, true);
        }
        if let Some(phase) = Phase::from_section(name) {
            self.account(t);
            self.phases.push((phase, t));
            self.log.phase_count[phase.index()] += 1;
            return;
        }
        let kind = BodyKind::of(name);
        if kind == BodyKind::Unknown {
            let n = self
                .log
                .unknown_sections
                .entry(name.to_string())
                .or_insert(0);
            *n += 1;
            if *n == 1 {
                self.log.warn(format!(
                    "line {}: unknown section {name}, skipped (and any more like it)",
                    self.line_no
                ));
            }
        }
        self.body = Some(OpenBody {
            name: name.to_string(),
            kind,
            start: t,
            line: self.line_no,
            header: None,
            trace: TraceBody::default(),
            text: String::new(),
        });
    }

    fn close(&mut self, name: &str, t: f64) {
        if let Some(body) = self.body.take() {
            if body.name == name {
                self.finish_body(body, false);
                return;
            }
            self.log.warn(format!(
                "line {}: {name} closes, but the open section is {} (from line {}); \
                 {} was cut off",
                self.line_no, body.name, body.line, body.name
            ));
            self.finish_body(body, true);
        }
        let Some(phase) = Phase::from_section(name) else {
            self.log.warn(format!(
                "line {}: {name} closes but was never opened",
                self.line_no
            ));
            return;
        };
        match self.phases.iter().rposition(|p| p.0 == phase) {
            Some(i) => {
                if i + 1 != self.phases.len() {
                    let inner: Vec<&str> =
                        self.phases[i + 1..].iter().map(|p| p.0.section()).collect();
                    self.log.warn(format!(
                        "line {}: {name} closes while {} inside it never closed",
                        self.line_no,
                        inner.join(", ")
                    ));
                }
                self.account(t);
                self.phases.truncate(i);
                if phase == Phase::Backend {
                    self.log.last_compile_us = t;
                }
            }
            None => self.log.warn(format!(
                "line {}: {name} closes but was never opened",
                self.line_no
            )),
        }
    }

    fn finish_body(&mut self, body: OpenBody, truncated: bool) {
        match body.kind {
            BodyKind::Noopt | BodyKind::Opt => self.finish_trace(body, truncated),
            BodyKind::Abort => {
                self.log.abort_count += 1;
                if self.log.aborts.len() < MAX_ABORTS {
                    self.log.aborts.push(Abort {
                        at_us: body.start,
                        text: body.text.trim().to_string(),
                    });
                }
            }
            BodyKind::Dump => self.finish_dump(body),
            BodyKind::Summary => {
                let mut s = Summary::default();
                for l in body.text.lines() {
                    let Some((k, v)) = l.split_once(": ") else {
                        continue;
                    };
                    match k {
                        "trace" => {
                            let (what, n) = v.rsplit_once(": ").unwrap_or((v, ""));
                            s.traces.push((what.to_string(), n.to_string()));
                        }
                        "abort" => s.aborts.push(v.to_string()),
                        _ => {
                            if let Some(Ok(n)) = k.strip_prefix("guard ").map(str::parse) {
                                s.guards.push((n, v.to_string()));
                            }
                            s.counters.push((k.to_string(), v.to_string()))
                        }
                    }
                }
                self.log.summary = Some(s);
            }
            BodyKind::Unknown => {}
        }
    }

    fn finish_trace(&mut self, body: OpenBody, truncated: bool) {
        let Some(header) = body.header else {
            self.log.warn(format!(
                "line {}: {} section without a `# ...` header, skipped",
                body.line, body.name
            ));
            return;
        };
        let mut trace = body.trace;
        trace.truncated = truncated;
        // Guards carry the ids the log prints (`# guard N`), read by
        // `TraceBody::push_line`.
        if body.kind == BodyKind::Noopt {
            self.log.traces.push(TraceRecord {
                noopt: Some((header, trace)),
                at_us: body.start,
                ..TraceRecord::default()
            });
            return;
        }
        // The recorded trace of the same loop or bridge comes just before.
        let n = self.log.traces.len();
        let pair = self.log.traces[n.saturating_sub(4)..]
            .iter()
            .rposition(|r| {
                r.opt.is_none() && r.noopt.as_ref().is_some_and(|(h, _)| h.what == header.what)
            })
            .map(|i| i + n.saturating_sub(4));
        match pair {
            Some(i) => {
                let r = &mut self.log.traces[i];
                r.opt = Some((header, trace));
                r.at_us = body.start;
            }
            None => self.log.traces.push(TraceRecord {
                opt: Some((header, trace)),
                at_us: body.start,
                ..TraceRecord::default()
            }),
        }
    }

    /// A dump starts `loop N:` or `bridge out of guard G:` (x64), or names
    /// its trace in a note (the IR interpreter's "(loop N is interpreted;
    /// ...)"); it belongs to the latest trace of that name, or else to the
    /// latest loop or bridge. Function entries are numbered among the loops
    /// and dumped as `loop N` too.
    fn finish_dump(&mut self, body: OpenBody) {
        let (first, rest) = body.text.split_once('\n').unwrap_or((&body.text, ""));
        let number_after = |key: &str| {
            let k = first.find(key)? + key.len();
            let digits: String = first[k..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            digits.parse::<u32>().ok()
        };
        let bridge = first.contains("bridge out of guard ");
        let number = if bridge {
            number_after("bridge out of guard ")
        } else {
            number_after("loop ")
        };
        let fits = |t: &TraceRecord, n: Option<u32>| match t.header().kind {
            TraceKind::Loop { number, .. } | TraceKind::Entry { number, .. } => {
                !bridge && n.is_none_or(|n| n == number)
            }
            TraceKind::Bridge { guard } => bridge && n.is_none_or(|n| n == guard),
            TraceKind::Other => false,
        };
        let home = self
            .log
            .traces
            .iter()
            .rposition(|t| fits(t, number))
            .or_else(|| self.log.traces.iter().rposition(|t| fits(t, None)));
        let named = first.trim_start().starts_with("loop ")
            || first.trim_start().starts_with("bridge out of guard ");
        let text = if named && first.trim_end().ends_with(':') {
            rest.to_string()
        } else {
            body.text.clone()
        };
        match home {
            Some(i) => self.log.traces[i].dump = Some(text),
            None => self.log.warn(format!(
                "line {}: jit-backend-dump ({:?}) comes before any {}, skipped",
                body.line,
                first.trim(),
                if bridge {
                    "bridge"
                } else {
                    "loop or function entry"
                }
            )),
        }
    }

    fn finish(mut self) -> JitLog {
        if let Some(body) = self.body.take() {
            self.log.warn(format!(
                "the log ends inside {} (opened on line {}): it was cut off",
                body.name, body.line
            ));
            self.finish_body(body, true);
        }
        for (phase, start) in &self.phases {
            self.log.warn(format!(
                "the log ends inside {} (opened at {start:.3} µs): it was cut off",
                phase.section()
            ));
        }
        self.account(self.now);
        if self.stray > 3 {
            self.log
                .warn(format!("{} lines of text outside any section", self.stray));
        }
        self.log.end_us = self.now;
        self.log.lines = self.line_no;
        self.log
    }
}
