//! A real log of a recursive interpreter: metajit's test language Rec
//! (`metajit/tests/rec`) running `PROGRAM`, stored as
//! `tests/logs/rec_calls.log`. It has two function entries (`sum`, and the
//! method `one`), a loop that inlines `sum` (guards with two frames) and
//! calls it on through `call_assembler`, a residual `call_may_force` in
//! `sum`'s entry, a bridge out of that entry, virtual items in almost every
//! guard, `guard_not_invalidated`, and a loop invalidated by a method
//! redefinition and traced again. The checks below are exact about that
//! log; `a_fresh_log_reads_the_same_way` runs the program again to see that
//! metajit still writes logs of that shape.
//!
//! To write the log again (then update the figures below):
//!
//! ```text
//! REC_SRC="$(sed -n '/^(class/,/^   s))$/p' jitlog/tests/rec_log.rs)" \
//!   METAJIT_LOG=jit:jitlog/tests/logs/rec_calls.log \
//!   cargo test --release -p metajit --test recursive show -- --ignored --nocapture
//! ```

#[path = "../../metajit/tests/rec/mod.rs"]
mod rec;

mod common;

use common::{mj_jitlog, scratch, workspace};
use jitlog::trace::{OpKind, ResumeKind, TraceBody, TraceKind};
use jitlog::JitLog;
use std::ffi::OsStr;
use std::path::PathBuf;

/// The program of the stored log; `=> 678`.
const PROGRAM: &str = "\
(class A () (value one))
(fun one (self) 1)
(fun two (self) 2)
(fun sum (k) (if (== k 0) 0 (+ k (sum (- k 1)))))
(fun main () (seq (set a (new A)) (set i 0) (set s 0)
   (while (< i 12)
      (if (== i 6) (redefine A value two) 0)
      (set s (+ s (+ (send a value) (sum 10))))
      (set i (+ i 1)))
   s))
";

/// The mode of the `show` test (its default).
const MODE: &str = "threshold=3,function_threshold=3,trace_eagerness=2,backend=x64";

fn stored_path() -> PathBuf {
    workspace().join("jitlog/tests/logs/rec_calls.log")
}

fn stored() -> JitLog {
    jitlog::parse_file(&stored_path()).expect("read the stored log")
}

fn optimized<'a>(log: &'a JitLog, what: &str) -> &'a TraceBody {
    &log.traces
        .iter()
        .find(|t| t.header().what == what)
        .unwrap_or_else(|| panic!("no {what}"))
        .opt
        .as_ref()
        .expect("an optimized trace")
        .1
}

#[test]
fn entries_are_listed_with_loops_and_bridges() {
    let log = stored();
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    let kinds: Vec<&TraceKind> = log.traces.iter().map(|t| &t.header().kind).collect();
    assert_eq!(
        kinds,
        [
            &TraceKind::Entry {
                number: 0,
                position: "sum pc 0: Some(Load(0))".into()
            },
            &TraceKind::Entry {
                number: 1,
                position: "one pc 0: Some(Const(1))".into()
            },
            &TraceKind::Loop {
                number: 2,
                position: "main pc 12: Some(Load(1))".into()
            },
            &TraceKind::Bridge { guard: 0 },
            &TraceKind::Loop {
                number: 3,
                position: "main pc 12: Some(Load(1))".into()
            },
        ]
    );
    let s = log.summary.as_ref().expect("a jit-summary section");
    assert_eq!(s.get("entries"), Some("2"));
    assert_eq!(s.get("invalidated"), Some("1"));
    assert_eq!(log.entries().count(), 2);
    assert_eq!(log.loops().count(), 2);
    // Every trace has both forms, the counts the log states, and its
    // machine code (`loop N:` for entries too).
    for t in &log.traces {
        for (h, body) in [t.noopt.as_ref().unwrap(), t.opt.as_ref().unwrap()] {
            assert_eq!(h.ops, Some(body.real_ops()), "{}", h.what);
        }
        assert!(t.code_bytes().unwrap() > 0, "{}", t.header().what);
    }
    assert_eq!(log.traces[0].code_bytes(), Some(747));
    assert_eq!(log.traces[1].code_bytes(), Some(78));
    // An entry ends where the function completes.
    for t in log.entries() {
        let last = t.opt.as_ref().unwrap().1.ops().last().unwrap();
        assert_eq!(last.kind, OpKind::Finish, "{}", t.header().what);
    }

    let out = mj_jitlog(&[OsStr::new("summary"), stored_path().as_os_str()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "traces (2 loops, 2 function entries, 1 bridges):",
        "  Entry 0 (sum pc 0: Some(Load(0))): function entry, 47 ops recorded, 38 after \
         optimization, 8 guards, 1 residual call, 1 guard after a call, 747 bytes of machine code\n",
        "  Loop 2 (main pc 12: Some(Load(1))): 127 ops recorded, 160 after optimization, \
         38 guards, 2 residual calls, guards resume up to 2 frames, 2 guards after a call, \
         reads quasi-immutable fields, 4365 bytes of machine code\n",
        "  entries:           2\n",
        "  invalidated:       1\n",
        "(1 compiled trace(s) invalidated",
        "  guard 0: 4 failures, bridged (sum pc 3: Some(JumpIfFalse(6)))\n    \
         in Entry 0 (sum pc 0: Some(Load(0))): 1 frame (sum pc 3: Some(JumpIfFalse(6))), \
         2 virtual items\n",
    ] {
        assert!(text.contains(needle), "the summary lacks {needle:?}:\n{text}");
    }
    assert!(!text.contains("warnings"), "{text}");
}

#[test]
fn guards_show_their_frames() {
    let log = stored();
    // Every guard's fail arguments, counted from the text: frames are
    // separated by `|`, virtual items are `N=` inside braces.
    for t in &log.traces {
        for (_, body) in [t.noopt.as_ref().unwrap(), t.opt.as_ref().unwrap()] {
            for op in body.ops().filter(|o| o.kind == OpKind::Guard) {
                let f = op.fail.as_ref().expect("fail arguments");
                let (_, text) = op.split_fail_args();
                assert_eq!(
                    f.frames.len(),
                    text.matches(" | ").count() + 1,
                    "{}",
                    op.text
                );
                let items = text
                    .split(['{', '}', ','])
                    .filter(|w| {
                        w.trim()
                            .split_once('=')
                            .is_some_and(|(k, _)| k.parse::<u32>().is_ok())
                    })
                    .count();
                assert_eq!(f.virtual_items(), items, "{}", op.text);
                assert_eq!(
                    f.resume == ResumeKind::Pending,
                    text.ends_with("; pending]")
                );
            }
        }
    }

    let ops = log.guard_ops();
    let fail = |id: u32| ops[&id].2.fail.as_ref().unwrap();
    // In sum's entry: after the residual call into the interpreter.
    let g = fail(4);
    assert_eq!((g.frames.len(), g.resume), (1, ResumeKind::Pending));
    assert_eq!(g.position(), Some("sum pc 10: Some(Call(2, 1))"));
    // In the loop, inside the inlined `sum`: its caller's frame first (the
    // log's merge points do not tell where that one stands), three of the
    // caller's items and two of sum's not stored yet.
    let g = fail(15);
    assert_eq!((g.frames.len(), g.resume), (2, ResumeKind::Dispatch));
    assert_eq!(g.frames[0].position, None);
    assert_eq!(g.position(), Some("sum pc 3: Some(JumpIfFalse(6))"));
    assert_eq!(
        (g.frames[0].virtual_items, g.frames[1].virtual_items),
        (3, 2)
    );
    // After sum's recursive call into its own compiled entry.
    let g = fail(18);
    assert_eq!((g.frames.len(), g.resume), (2, ResumeKind::Pending));
    assert_eq!(g.position(), Some("sum pc 10: Some(Call(2, 1))"));
    assert_eq!(g.virtual_items(), 3);

    let loop2 = optimized(&log, "Loop 2 (main pc 12: Some(Load(1)))");
    assert_eq!(loop2.max_frames(), 2);
    assert_eq!(loop2.guards_named("not_invalidated"), 2);
    let calls: Vec<&str> = loop2
        .ops()
        .filter(|o| o.kind == OpKind::ResidualCall)
        .map(|o| o.text.as_str())
        .collect();
    assert_eq!(
        calls,
        [
            "r47 = call_assembler_r(0, r44, i46, descr=assembler)",
            "r112 = call_assembler_r(0, r111, i46, descr=assembler)"
        ]
    );
    assert_eq!(
        optimized(&log, "Entry 0 (sum pc 0: Some(Load(0)))").residual_calls(),
        1
    );
}

#[test]
fn the_page_shows_entries_frames_and_residual_calls() {
    let dir = scratch("rec-page");
    let html = dir.join("rec.html");
    let out = mj_jitlog(&[
        OsStr::new("html"),
        stored_path().as_os_str(),
        OsStr::new("-o"),
        html.as_os_str(),
    ]);
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    for needle in [
        "2 loops, 2 function entries, 1 bridges",
        "<h3>Entry 0 <span class=\"sub mono\">at sum pc 0: Some(Load(0))</span>\
         <span class=\"tag entry\">function entry</span></h3>",
        "<a href=\"#t0-code\">747 bytes</a>",
        "<details id=\"t1-code\">",
        "<div class=\"op call mayforce\">r19 = call_may_force_r(0, r16, i18, descr=portal)</div>",
        "<div class=\"op call assembler\">r47 = call_assembler_r(0, r44, i46, descr=assembler)</div>",
        "<div class=\"op finish\">finish(2, r33)</div>",
        "<span class=\"gid\">guard 4</span><span class=\"rs\">resumes 1 frame \
         (sum pc 10: Some(Call(2, 1))), innermost pending</span>",
        "<span class=\"gid\">guard 18</span><span class=\"rs\">resumes 2 frames \
         (? &gt; sum pc 10: Some(Call(2, 1))), innermost pending, 3 virtual items</span>",
        "<div class=\"mp\">sum pc 3: Some(JumpIfFalse(6)) <small>(inlined, depth 1)</small></div>",
        "<tr><td>function entries (traces)</td><td class=\"num mono\">2</td></tr>",
        "<tr><td>invalidated <small>(traces that read a quasi-immutable field",
        " · reads quasi-immutable fields (<code>guard_not_invalidated</code>)",
    ] {
        assert!(page.contains(needle), "the page lacks {needle:?}");
    }
}

/// The stored log was written by an older metajit; run the program now and
/// check the log has the same shape, so the fixture stays representative.
#[test]
fn a_fresh_log_reads_the_same_way() {
    let dir = scratch("rec-fresh");
    let path = dir.join("rec.log");
    // METAJIT_LOG is read when the JIT starts; no other test in this binary
    // starts one.
    std::env::set_var("METAJIT_LOG", format!("jit:{}", path.display()));
    let (out, _) = rec::run_big_stack(PROGRAM, MODE);
    std::env::remove_var("METAJIT_LOG");
    assert_eq!(out, "=> 678\n");
    let log = jitlog::parse_file(&path).expect("read the fresh log");
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    let s = log.summary.as_ref().expect("a jit-summary section");
    assert_eq!(s.get("entries"), Some("2"));
    assert_eq!(s.get("invalidated"), Some("1"));
    assert_eq!(log.entries().count(), 2);
    assert!(log
        .traces
        .iter()
        .all(|t| t.header().kind != TraceKind::Other && t.code_bytes().unwrap_or(0) > 0));
    let guards: Vec<_> = log
        .traces
        .iter()
        .filter_map(|t| t.opt.as_ref())
        .flat_map(|(_, b)| b.ops())
        .filter_map(|o| o.fail.as_ref())
        .collect();
    assert!(guards.iter().any(|f| f.frames.len() == 2));
    assert!(guards.iter().any(|f| f.resume == ResumeKind::Pending));
    assert!(guards.iter().any(|f| f.virtual_items() > 0));
    let calls = |name: &str| {
        log.traces
            .iter()
            .filter_map(|t| t.opt.as_ref())
            .flat_map(|(_, b)| b.ops())
            .filter(|o| o.kind == OpKind::ResidualCall && o.text.contains(name))
            .count()
    };
    assert!(calls("call_may_force_") > 0 && calls("call_assembler_") > 0);
}
