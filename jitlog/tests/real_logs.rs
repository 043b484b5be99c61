//! Logs made by really running `mj-tlr`, read by the library and by the
//! `mj-jitlog` binary: the figures must match what the run did (SQUARE
//! compiles one loop; `phases.tlr` grows bridges) and the page must show
//! the loop, its operations, their source positions and the timeline, each
//! trace's machine code, bridges included, and guards under the numbers
//! `jit-summary` gives them.

mod common;

use common::{make_log, mj_jitlog, scratch};
use jitlog::trace::{OpKind, TraceKind};
use jitlog::Phase;
use std::ffi::OsStr;

#[test]
fn square_has_one_loop() {
    let dir = scratch("square");
    let path = make_log(&dir, "square.tlr", 1_000_000, "");
    let log = jitlog::parse_file(&path).expect("read the log");
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);

    let s = log.summary.as_ref().expect("a jit-summary section");
    assert_eq!(s.get("loops"), Some("1"));
    assert_eq!(s.get("bridges"), Some("0"));
    assert_eq!(s.get("aborts"), Some("0"));
    assert_eq!(log.loops().count(), 1);
    assert_eq!(log.bridges().count(), 0);

    // One trip through tracing, optimizing and the backend.
    for p in [Phase::Tracing, Phase::Optimizing, Phase::Backend] {
        assert_eq!(log.phase_count[p.index()], 1, "{p:?}");
        assert!(log.phase_time[p.index()] > 0.0, "{p:?}");
    }
    assert!(log.phase_count[Phase::Running.index()] >= 1);
    let sum: f64 = log.phase_time.iter().sum();
    assert!((sum - log.end_us).abs() < 1e-3, "{sum} vs {}", log.end_us);

    let t = &log.traces[0];
    assert_eq!(
        t.header().kind,
        TraceKind::Loop {
            number: 0,
            position: "pc 10: SET_A 1".into()
        }
    );
    let (_, recorded) = t.noopt.as_ref().expect("the recorded trace");
    let (header, optimized) = t.opt.as_ref().expect("the optimized trace");
    assert_eq!(header.ops, Some(optimized.real_ops()));
    assert!(optimized.real_ops() < recorded.real_ops());
    assert!(optimized.guards() > 0);
    let positions: Vec<&str> = optimized.positions().collect();
    for p in [
        "pc 10: SET_A 1",
        "pc 19: ADD_R_TO_A 1",
        "pc 25: JUMP_IF_A 10",
    ] {
        assert!(positions.contains(&p), "{p} missing from {positions:?}");
    }
    assert!(optimized.ops().any(|o| o.kind == OpKind::Label));
    assert!(optimized.ops().any(|o| o.kind == OpKind::Jump));
    assert!(t.dump.is_some(), "the loop's jit-backend-dump");

    // The terminal summary.
    let out = mj_jitlog(&[OsStr::new("summary"), path.as_os_str()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("loops:             1"), "{text}");
    assert!(text.contains("Loop 0 (pc 10: SET_A 1)"), "{text}");
    assert!(text.contains("interpreting"), "{text}");
    assert!(text.contains("running compiled code"), "{text}");

    // The page.
    let html = dir.join("square.html");
    let out = mj_jitlog(&[
        OsStr::new("html"),
        path.as_os_str(),
        OsStr::new("-o"),
        html.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).expect("the page was written");
    for needle in [
        "<svg class=\"bar\"",
        "id=\"timeline-all\"",
        "Loop 0 <span class=\"sub mono\">at pc 10: SET_A 1</span>",
        "<div class=\"mp\">pc 19: ADD_R_TO_A 1</div>",
        "i14 = int_add(i10, i13)",
        "<div class=\"op guard\">guard_true(",
        "jit-backend-dump",
        "<td>loops</td><td class=\"num mono\">1</td>",
    ] {
        assert!(page.contains(needle), "the page lacks {needle:?}");
    }
    // Self-contained: nothing is fetched.
    for bad in ["src=\"http", "href=\"http", "<link", "@import"] {
        assert!(!page.contains(bad), "the page refers outside: {bad}");
    }
}

#[test]
fn phases_has_a_bridge_from_a_guard_of_the_loop() {
    let dir = scratch("phases");
    let path = make_log(&dir, "phases.tlr", 100_000, "");
    let log = jitlog::parse_file(&path).expect("read the log");
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    let s = log.summary.as_ref().expect("a jit-summary section");
    assert_eq!(s.get("loops"), Some("1"));
    // One bridge from the preamble's guard on the branch, one from the
    // peeled loop's copy of it (the first enters the loop at its label,
    // where the copy then fails).
    assert_eq!(s.get("bridges"), Some("2"));
    assert_eq!(log.bridges().count(), 2);
    assert_bridges_start_at_their_guard(&log);

    assert_guard_ids_match_the_summary(&log);
    assert_counts_agree(&log);

    // The bridge's machine code is dumped and attached to it.
    let bridge = log.bridges().next().unwrap();
    let dump = bridge
        .dump
        .as_deref()
        .expect("the bridge's jit-backend-dump");
    assert!(dump.contains("(entry)"), "{dump}");
    assert!(dump.contains("jump("), "{dump}");
    assert!(bridge.code_bytes().unwrap() > 0);

    let page = jitlog::html::page(&log, "phases.log");
    assert!(page.contains("bridge →"), "the guard links to its bridge");
    assert!(
        page.contains("starts where guard"),
        "the bridge names its guard"
    );
    // The index's machine code cell of the bridge is filled in.
    let i = log
        .traces
        .iter()
        .position(|t| std::ptr::eq(t, bridge))
        .unwrap();
    let row = page
        .lines()
        .find(|l| l.starts_with(&format!("<tr><td><a href=\"#t{i}\">")))
        .expect("the bridge's row in the index");
    let cell = format!(
        "<td class=\"code\"><a href=\"#t{i}-code\">{} bytes</a></td>",
        bridge.code_bytes().unwrap()
    );
    assert!(row.contains(&cell), "{row}");
    assert!(page.contains(&format!("<details id=\"t{i}-code\">")));

    let text = jitlog::text::summary(&log, "phases.log");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Bridge out of guard"))
        .expect("the bridge in the terminal summary");
    assert!(line.contains(" bytes of machine code"), "{line}");
}

/// The raw log, as a user greps it: every guard `jit-summary` reports, and
/// the guard of every bridge, is printed in `jit-log-opt` as `# guard N`,
/// once, under the position the summary names.
#[test]
fn guard_ids_in_the_text_log_match_the_summary() {
    let dir = scratch("guard-ids");
    let path = make_log(&dir, "phases.tlr", 2000, "");
    let text = std::fs::read_to_string(&path).unwrap();
    let summary = text
        .split("{jit-summary\n")
        .nth(1)
        .expect("a jit-summary section");
    let opt: Vec<&str> = text
        .split("{jit-log-opt\n")
        .skip(1)
        .map(|s| s.split("] jit-log-opt}").next().unwrap())
        .collect();
    let mut ids: Vec<(u32, &str)> = summary
        .lines()
        .filter_map(|l| {
            let (id, rest) = l.strip_prefix("guard ")?.split_once(": ")?;
            let pos = rest.rsplit_once(" (")?.1.strip_suffix(')')?;
            Some((id.parse().ok()?, pos))
        })
        .collect();
    assert!(ids.len() >= 3, "{summary}");
    for h in text
        .lines()
        .filter_map(|l| l.strip_prefix("# Bridge out of guard "))
    {
        let id: u32 = h.split(' ').next().unwrap().parse().unwrap();
        let (_, pos) = *ids
            .iter()
            .find(|(g, _)| *g == id)
            .expect("a bridged guard failed");
        ids.push((id, pos));
    }
    for (id, pos) in ids {
        let tag = format!(" # guard {id}");
        let hits: Vec<(usize, &str)> = opt
            .iter()
            .enumerate()
            .flat_map(|(t, body)| body.lines().map(move |l| (t, l)))
            .filter(|(_, l)| l.ends_with(&tag))
            .collect();
        assert_eq!(hits.len(), 1, "guard {id} in jit-log-opt: {hits:?}");
        // The merge point above the guard is the position it resumes at.
        let (t, line) = hits[0];
        let before = &opt[t][..opt[t].find(line).unwrap()];
        let merge = before
            .lines()
            .rev()
            .find(|l| l.starts_with("debug_merge_point("))
            .unwrap();
        assert!(
            merge.contains(&format!("'{pos}'")),
            "guard {id}: {merge} vs {pos}"
        );
    }
}

/// The three counts of a trace's operations agree where they count the same
/// thing: the `jit-log-opt` header, the `trace:` line of `jit-summary` and
/// the viewer's count of the optimized trace; and the `jit-log-noopt`
/// header with the viewer's count of the recorded trace.
fn assert_counts_agree(log: &jitlog::JitLog) {
    let s = log.summary.as_ref().expect("a jit-summary section");
    let compiled: Vec<(String, String)> = log
        .traces
        .iter()
        .filter_map(|t| {
            let (h, body) = t.opt.as_ref()?;
            assert_eq!(h.ops, Some(body.real_ops()), "{}", h.what);
            Some((h.what.clone(), format!("{} ops", body.real_ops())))
        })
        .collect();
    assert_eq!(s.traces, compiled);
    for t in &log.traces {
        let (h, body) = t.noopt.as_ref().expect("the recorded trace");
        assert_eq!(h.ops, Some(body.real_ops()), "{}", h.what);
    }
}

/// Every guard `jit-summary` reports is in an optimized trace under its id,
/// at the position the summary gives.
fn assert_guard_ids_match_the_summary(log: &jitlog::JitLog) {
    let homes = log.guard_homes();
    let s = log.summary.as_ref().expect("a jit-summary section");
    assert!(!s.guards.is_empty());
    for (id, text) in &s.guards {
        let &(_, pos) = homes
            .get(id)
            .unwrap_or_else(|| panic!("guard {id} ({text}) is in no trace"));
        let pos = pos.expect("a guard under a merge point");
        assert!(
            text.ends_with(&format!("({pos})")),
            "guard {id}: {text} vs {pos}"
        );
    }
}

#[test]
fn many_bridges_without_hints() {
    let dir = scratch("mode2");
    let path = make_log(&dir, "phases.tlr", 100_000, "mode=2,threshold=3");
    let log = jitlog::parse_file(&path).expect("read the log");
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    let s = log.summary.as_ref().expect("a jit-summary section");
    let bridges: usize = s.get("bridges").unwrap().parse().unwrap();
    assert!(bridges > 1, "{bridges}");
    assert_eq!(log.bridges().count(), bridges);
    assert_eq!(
        s.get("guard failures").unwrap().parse::<u64>().unwrap(),
        log.phase_count[Phase::Resuming.index()]
    );
    assert_bridges_start_at_their_guard(&log);
    assert_guard_ids_match_the_summary(&log);
    assert_counts_agree(&log);
    // Every bridge has its machine code.
    for b in log.bridges() {
        assert!(b.code_bytes().unwrap_or(0) > 0, "{}", b.header().what);
    }
}

/// The guard numbers the log prints must agree with the bridges: each
/// bridge leaves from a known guard and starts at that guard's position.
fn assert_bridges_start_at_their_guard(log: &jitlog::JitLog) {
    let homes = log.guard_homes();
    for b in log.bridges() {
        let TraceKind::Bridge { guard } = b.header().kind else {
            unreachable!()
        };
        let &(_, pos) = homes
            .get(&guard)
            .unwrap_or_else(|| panic!("guard {guard} is in no trace"));
        let (_, body) = b.opt.as_ref().expect("an optimized bridge");
        assert_eq!(body.positions().next(), pos, "bridge out of guard {guard}");
    }
}

#[test]
fn interp_backend_dump_is_attached() {
    let dir = scratch("interp");
    let path = make_log(&dir, "phases.tlr", 100_000, "backend=interp");
    let log = jitlog::parse_file(&path).expect("read the log");
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    assert_eq!(log.loops().count(), 1);
    assert_eq!(log.bridges().count(), 2);
    // No machine code, loop or bridge: the dump says so.
    for t in &log.traces {
        let dump = t.dump.as_deref().expect("a jit-backend-dump");
        assert!(dump.contains("interpreted"), "{dump}");
        assert_eq!(t.code_bytes(), Some(0));
    }
    assert!(log
        .bridges()
        .next()
        .unwrap()
        .dump
        .as_deref()
        .unwrap()
        .contains("bridge out of guard"));
    let page = jitlog::html::page(&log, "interp.log");
    assert_eq!(
        page.matches("<td class=\"code\">none (interpreted)</td>")
            .count(),
        3
    );
}
