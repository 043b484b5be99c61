//! Logs made by really running `mj-tlr`, read by the library and by the
//! `mj-jitlog` binary: the figures must match what the run did (SQUARE
//! compiles one loop; `phases.tlr` grows a bridge) and the page must show
//! the loop, its operations, their source positions and the timeline.

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
    assert_eq!(s.get("bridges"), Some("1"));
    assert_eq!(log.bridges().count(), 1);
    assert_bridges_start_at_their_guard(&log);

    let page = jitlog::html::page(&log, "phases.log");
    assert!(page.contains("bridge →"), "the guard links to its bridge");
    assert!(
        page.contains("starts where guard"),
        "the bridge names its guard"
    );
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
}

/// The guard numbers the parser infers must agree with the bridges: each
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
    let path = make_log(&dir, "square.tlr", 100_000, "backend=interp");
    let log = jitlog::parse_file(&path).expect("read the log");
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    assert_eq!(log.loops().count(), 1);
    assert!(log.traces[0]
        .dump
        .as_deref()
        .unwrap()
        .contains("interpreted"));
}
