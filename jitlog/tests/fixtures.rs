//! Hand-written logs for the parser's edge cases: empty, not a log, cut off
//! in the middle of a section, unknown sections, sections closed out of
//! order, time going backwards, and a long run of phase switches. Each must
//! give warnings or a clear error, never a panic, and keep what it can.
//! The logs are inline so each case sits next to what it checks.

mod common;

use common::{mj_jitlog, scratch};
use jitlog::trace::TraceKind;
use jitlog::{parse, Phase};
use std::ffi::OsStr;

fn read(text: &str) -> jitlog::JitLog {
    parse(text.as_bytes()).expect("reading from memory cannot fail")
}

/// A small complete log: one loop, then running compiled code.
const GOOD: &str = "\
[0000000010.000] {jit-tracing
[0000000020.000] jit-tracing}
[0000000021.000] {jit-log-noopt
# Loop 0 (pc 10: SET_A 1) with 4 ops
[i0, r1]
debug_merge_point(0, 'pc 10: SET_A 1')
i2 = int_add(i0, 1)
guard_true(i2) [i0, r1]
jump(i2, r1)
[0000000022.000] jit-log-noopt}
[0000000022.000] {jit-optimize
[0000000030.000] jit-optimize}
[0000000031.000] {jit-log-opt
# Loop 0 (pc 10: SET_A 1) with 3 ops
[i0, r1]
debug_merge_point(0, 'pc 10: SET_A 1')
i2 = int_add(i0, 1)
guard_true(i2) [i0, r1] # guard 3
jump(i2, r1)
[0000000032.000] jit-log-opt}
[0000000032.000] {jit-backend
[0000000040.000] jit-backend}
[0000000041.000] {jit-running
[0000000090.000] jit-running}
[0000000090.000] {jit-resume
[0000000091.000] jit-resume}
[0000000100.000] {jit-summary
loops: 1
bridges: 0
aborts: 0
guard failures: 1
trace: Loop 0 (pc 10: SET_A 1): 3 ops
guard 3: 1 failure (pc 10: SET_A 1)
[0000000100.500] jit-summary}
";

#[test]
fn a_small_complete_log() {
    let log = read(GOOD);
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    assert_eq!(log.end_us, 100.5);
    assert_eq!(log.phase_time[Phase::Tracing.index()], 10.0);
    assert_eq!(log.phase_time[Phase::Running.index()], 49.0);
    // 0-10, 20-22, 30-32, 40-41, 91-100.5
    assert_eq!(log.phase_time[Phase::Interpreting.index()], 24.5);
    assert_eq!(log.traces.len(), 1);
    let t = &log.traces[0];
    assert!(t.noopt.is_some() && t.opt.is_some());
    assert_eq!(t.opt.as_ref().unwrap().1.real_ops(), 3);
    let guard = t
        .opt
        .as_ref()
        .unwrap()
        .1
        .ops()
        .find(|o| o.guard_id.is_some());
    // The id the log prints, not a count; the text shown is without it.
    assert_eq!(guard.unwrap().guard_id, Some(3));
    assert_eq!(guard.unwrap().text, "guard_true(i2) [i0, r1]");
    // The recorded trace's guards have no ids yet.
    let (_, noopt) = t.noopt.as_ref().unwrap();
    assert!(noopt.ops().all(|o| o.guard_id.is_none()));
    let s = log.summary.as_ref().unwrap();
    assert_eq!(s.traces.len(), 1);
    assert_eq!(
        s.guards,
        vec![(3, "1 failure (pc 10: SET_A 1)".to_string())]
    );
    assert_eq!(
        log.guard_homes().get(&3),
        Some(&(0, Some("pc 10: SET_A 1")))
    );
    let page = jitlog::html::page(&log, "good.log");
    assert!(page.contains("Loop 0"));
    assert!(page.contains("<span class=\"gid\">guard 3 · 1 failure</span>"));
    assert!(!page.contains("id=\"warnings\""));
}

#[test]
fn dumps_go_to_their_loop_or_bridge() {
    // GOOD, then a bridge out of guard 3 and the dumps of both traces, as
    // the x64 backend writes them, then the same as the IR interpreter
    // writes them.
    let bridge = "\
[0000000250.000] {jit-log-opt
# Bridge out of guard 3 with 2 ops
[i0, r1]
guard_false(i0) [i0, r1] # guard 4
jump(i0, r1, descr=loop0)
[0000000251.000] jit-log-opt}
";
    let x64 = "\
[0000000252.000] {jit-backend-dump
loop 0:
  0x1000  (entry)
      48 8d a5 d0
  0x1004  jump(i2, r1)
      e9 cc ff ff ff
[0000000253.000] jit-backend-dump}
[0000000254.000] {jit-backend-dump
bridge out of guard 3:
  0x2000  (entry)
      48 8d
  0x2002  guard_false(i0) [i0, r1] # guard 4
      4d 85 d2
[0000000255.000] jit-backend-dump}
";
    let log = read(&format!("{GOOD}{bridge}{x64}"));
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    assert_eq!(log.traces.len(), 2);
    let (looped, bridged) = (&log.traces[0], &log.traces[1]);
    assert_eq!(bridged.header().kind, TraceKind::Bridge { guard: 3 });
    assert_eq!(looped.code_bytes(), Some(9));
    assert_eq!(bridged.code_bytes(), Some(5));
    assert!(bridged.dump.as_deref().unwrap().contains("guard_false(i0)"));
    let page = jitlog::html::page(&log, "dumps.log");
    assert!(page.contains("<a href=\"#t0-code\">9 bytes</a>"), "{page}");
    assert!(page.contains("<a href=\"#t1-code\">5 bytes</a>"), "{page}");
    assert!(page.contains("<details id=\"t1-code\">"));
    let text = jitlog::text::summary(&log, "dumps.log");
    assert!(
        text.contains("Bridge out of guard 3: 2 ops after optimization, 1 guards, 5 bytes of machine code [guard in Loop 0"),
        "{text}"
    );

    let interp = "\
[0000000252.000] {jit-backend-dump
(the bridge out of guard 3 is interpreted; its IR is in jit-log-opt)
[0000000253.000] jit-backend-dump}
[0000000254.000] {jit-backend-dump
(loop 0 is interpreted; its IR is in jit-log-opt)
[0000000255.000] jit-backend-dump}
";
    let log = read(&format!("{GOOD}{bridge}{interp}"));
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    for t in &log.traces {
        assert_eq!(t.code_bytes(), Some(0));
        assert!(t.interpreted());
    }
    assert!(log.traces[1]
        .dump
        .as_deref()
        .unwrap()
        .contains("bridge out of guard 3"));
    let page = jitlog::html::page(&log, "interp.log");
    assert_eq!(
        page.matches("<td class=\"code\">none (interpreted)</td>")
            .count(),
        2
    );

    // A bridge dump with no bridge to go to is reported, not misfiled.
    let log = read(&format!("{GOOD}{x64}"));
    assert!(log.traces[0].dump.is_some());
    assert!(
        log.warnings
            .iter()
            .any(|w| w.contains("comes before any bridge")),
        "{:?}",
        log.warnings
    );
}

#[test]
fn an_empty_log_is_an_error() {
    let log = read("");
    assert_eq!(log.sections, 0);
    assert_eq!(log.end_us, 0.0);
    // The page can still be drawn from it (the command refuses earlier).
    let page = jitlog::html::page(&log, "empty.log");
    assert!(page.contains("Nothing was compiled"));

    let dir = scratch("empty");
    let path = dir.join("empty.log");
    std::fs::write(&path, "").unwrap();
    for cmd in ["summary", "html"] {
        let mut args = vec![OsStr::new(cmd), path.as_os_str()];
        let out_path = dir.join("out.html");
        if cmd == "html" {
            args.extend([OsStr::new("-o"), out_path.as_os_str()]);
        }
        let out = mj_jitlog(&args);
        assert!(!out.status.success(), "{cmd} accepts an empty log");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no sections found"), "{cmd}: {err}");
    }
    let out = mj_jitlog(&[OsStr::new("summary"), dir.join("missing.log").as_os_str()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
}

#[test]
fn text_that_is_not_a_log() {
    let mut junk = String::from("hello\n[not a stamp] {jit-tracing\n");
    junk.push_str(&"x".repeat(10_000));
    junk.push_str("\n\u{0}\u{1}\n[12.5] jit-nothing}\n");
    let log = read(&junk);
    assert_eq!(log.sections, 0);
    assert!(log.warning_count >= 2, "{:?}", log.warnings);
    // Invalid UTF-8 is read lossily.
    let log = parse(&b"\xff\xfe\n[1.0] {jit-tracing\n[2.0] jit-tracing}\n"[..]).unwrap();
    assert_eq!(log.phase_count[Phase::Tracing.index()], 1);
}

#[test]
fn a_log_cut_off_inside_a_trace() {
    // GOOD, cut in the middle of the optimized trace.
    let cut = &GOOD[..GOOD
        .find("guard_true(i2) [i0, r1] # guard 3\njump(i2, r1)\n[0000000032")
        .unwrap()];
    let log = read(cut);
    assert!(log
        .warnings
        .iter()
        .any(|w| w.contains("jit-log-opt") && w.contains("cut off")));
    assert!(log.summary.is_none());
    let t = &log.traces[0];
    let (_, opt) = t.opt.as_ref().expect("the partial optimized trace is kept");
    assert!(opt.truncated);
    assert_eq!(opt.real_ops(), 1);
    let page = jitlog::html::page(&log, "cut.log");
    assert!(page.contains("this section was cut off"));
    assert!(page.contains("id=\"warnings\""));
    assert!(page.contains("No <code>jit-summary</code> section"));
    let text = jitlog::text::summary(&log, "cut.log");
    assert!(text.contains("no jit-summary section"), "{text}");

    // Cut inside a phase: the phase runs to the last timestamp.
    let cut = &GOOD[..GOOD.find("[0000000090.000] jit-running}").unwrap()];
    let log = read(cut);
    assert!(log
        .warnings
        .iter()
        .any(|w| w.contains("ends inside jit-running")));
    assert_eq!(log.phase_time[Phase::Running.index()], 0.0);
    assert_eq!(log.end_us, 41.0);

    // Cut in the middle of a line.
    let cut = &GOOD[..GOOD.find("jit-backend}").unwrap() + 4];
    let log = read(cut);
    assert!(log.warning_count > 0);
    assert_eq!(log.traces.len(), 1);
}

#[test]
fn unknown_sections_are_skipped() {
    let text = GOOD.replace(
        "[0000000041.000] {jit-running",
        "[0000000040.500] {jit-gc-collect\nfreed: 12 objects\n{nested-looking line\n\
         [0000000040.700] jit-gc-collect}\n[0000000041.000] {jit-running",
    );
    let log = read(&text);
    assert_eq!(log.unknown_sections.get("jit-gc-collect"), Some(&1));
    assert_eq!(log.warning_count, 1, "{:?}", log.warnings);
    assert!(log.warnings[0].contains("unknown section jit-gc-collect"));
    assert_eq!(log.traces.len(), 1);
    assert_eq!(log.phase_time[Phase::Running.index()], 49.0);
}

#[test]
fn sections_out_of_order() {
    let text = "\
[1.0] jit-tracing}
[2.0] {jit-log-opt
# Bridge out of guard 7 with 1 ops
[i0]
i1 = int_add(i0, 1)
[3.0] {jit-tracing
[4.0] {jit-optimize
[5.0] jit-tracing}
[4.5] {jit-abort
loop at pc 3: too long
[6.0] jit-abort}
[7.0] jit-summary}
";
    let log = read(text);
    let w = log.warnings.join("\n");
    assert!(w.contains("jit-tracing closes but was never opened"), "{w}");
    assert!(
        w.contains("jit-log-opt (opened on line 2) is still open"),
        "{w}"
    );
    assert!(w.contains("jit-optimize inside it never closed"), "{w}");
    assert!(w.contains("time goes backwards"), "{w}");
    assert!(w.contains("jit-summary closes but was never opened"), "{w}");
    // The cut-off bridge is still there, out of a guard no trace has.
    assert_eq!(log.traces.len(), 1);
    assert_eq!(log.traces[0].header().kind, TraceKind::Bridge { guard: 7 });
    assert!(!log.guard_homes().contains_key(&7));
    assert_eq!(log.abort_count, 1);
    assert_eq!(log.aborts[0].text, "loop at pc 3: too long");
    let page = jitlog::html::page(&log, "odd.log");
    assert!(page.contains("starts where guard 7 fails"));
    assert!(page.contains("loop at pc 3: too long"));
}

#[test]
fn text_is_escaped() {
    let text = GOOD.replace("pc 10: SET_A 1", "pc 10: <b>&'\"");
    let page = jitlog::html::page(&read(&text), "<x>.log");
    assert!(!page.contains("<b>&"));
    assert!(page.contains("pc 10: &lt;b&gt;&amp;&#39;&quot;"));
    assert!(page.contains("&lt;x&gt;.log"));
}

#[test]
fn a_long_run_stays_small() {
    // 200 000 trips into compiled code and out: the timeline must stay
    // bounded and the page small, with the totals exact.
    let mut text = String::with_capacity(12 << 20);
    let mut t = 100.0;
    for _ in 0..200_000 {
        text.push_str(&format!("[{t:.3}] {{jit-running\n"));
        t += 3.0;
        text.push_str(&format!("[{t:.3}] jit-running}}\n[{t:.3}] {{jit-resume\n"));
        t += 1.0;
        text.push_str(&format!("[{t:.3}] jit-resume}}\n"));
        t += 1.0;
    }
    let log = read(&text);
    assert_eq!(log.warning_count, 0);
    assert_eq!(log.phase_count[Phase::Running.index()], 200_000);
    assert!((log.phase_time[Phase::Running.index()] - 600_000.0).abs() < 1e-3);
    assert!(log.timeline.buckets().len() <= jitlog::timeline::MAX_BUCKETS);
    let page = jitlog::html::page(&log, "long.log");
    assert!(page.len() < 1 << 20, "{} bytes", page.len());
}

/// A recursive interpreter's log, by hand: a function entry that calls
/// another function residually and ends with `finish`, and a loop that
/// inlined that function (two frames, merge points at depth 1 and 2) and
/// calls on residually from there. Guards resume after a call
/// (`; pending`, `; returned`, `; raised`) and hold virtual items.
const RECURSIVE: &str = "\
[0000000010.000] {jit-log-opt
# Entry 0 (f pc 0) with 6 ops
[r0, i1]
debug_merge_point(0, 'f pc 0')
i2 = int_add(i1, 1)
guard_true(i2) [r0, i1 {descr=slots, object=0, 1=i2, 3=r0}] # guard 0
debug_merge_point(0, 'f pc 1: CALL g')
r3 = call_may_force_r(0, r0, i2, descr=portal)
guard_no_exception() [r0, i1; pending] # guard 1
guard_nonnull(r3) [r0, i1, r3; returned] # guard 2
debug_merge_point(0, 'f pc 2: RETURN')
finish(2, r3)
[0000000011.000] jit-log-opt}
[0000000012.000] {jit-backend-dump
loop 0:
  0x1000  (entry)
      48 8d a5 d0
  0x1004  finish(2, r3)
      e9 cc ff
[0000000013.000] jit-backend-dump}
[0000000020.000] {jit-log-opt
# Loop 1 (main pc 3: CALL f) with 6 ops
[r0, i1]
debug_merge_point(0, 'main pc 3: CALL f')
debug_merge_point(1, 'f pc 0')
guard_false(i1) [r0 | r0, i1 {descr=slots, object=0, 2=i1, 4=r0}] # guard 3
debug_merge_point(1, 'f pc 1: CALL g')
r2 = call_assembler_r(1, r0, i1, descr=assembler)
guard_no_exception() [r0 | r0, i1; pending] # guard 4
guard_nonnull(r2) [r0 | r0, i1, r2; returned] # guard 5
debug_merge_point(1, 'f pc 2: CALL h')
debug_merge_point(2, 'h pc 0: RAISE')
guard_nonnull(r2) [r0 | r0, i1, r2; raised] # guard 6
debug_merge_point(0, 'main pc 4: JUMP 3')
jump(r0, i1)
[0000000021.000] jit-log-opt}
[0000000022.000] {jit-backend-dump
loop 1:
  0x2000  (entry)
      48 8d
[0000000023.000] jit-backend-dump}
[0000000030.000] {jit-summary
loops: 1
entries: 1
bridges: 0
aborts: 0
guard failures: 3
invalidated: 1
trace: Entry 0 (f pc 0): 6 ops
trace: Loop 1 (main pc 3: CALL f): 6 ops
guard 4: 2 failures (f pc 1: CALL g)
guard 6: 1 failure (f pc 2: CALL h)
[0000000030.500] jit-summary}
";

/// The frames of guard `id`: (count, positions, resume word, virtual items).
fn frames_of(
    log: &jitlog::JitLog,
    id: u32,
) -> (usize, Vec<Option<String>>, Option<&'static str>, usize) {
    let ops = log.guard_ops();
    let f = ops[&id].2.fail.as_ref().expect("fail arguments");
    (
        f.frames.len(),
        f.frames.iter().map(|fr| fr.position.clone()).collect(),
        f.resume.word(),
        f.virtual_items(),
    )
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn function_entries_are_traces_with_machine_code() {
    let log = read(RECURSIVE);
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    assert_eq!(log.traces.len(), 2);
    assert_eq!(
        log.traces[0].header().kind,
        TraceKind::Entry {
            number: 0,
            position: "f pc 0".into()
        }
    );
    assert_eq!(log.entries().count(), 1);
    assert_eq!(log.loops().count(), 1);
    // `loop 0:` is the entry's code, `loop 1:` the loop's.
    assert_eq!(log.traces[0].code_bytes(), Some(7));
    assert_eq!(log.traces[1].code_bytes(), Some(2));
    let s = log.summary.as_ref().unwrap();
    assert_eq!(s.get("entries"), Some("1"));
    assert_eq!(s.get("invalidated"), Some("1"));

    let text = jitlog::text::summary(&log, "rec.log");
    assert!(
        text.contains("traces (1 loops, 1 function entries, 0 bridges):"),
        "{text}"
    );
    assert!(
        text.contains(
            "  Entry 0 (f pc 0): function entry, 6 ops after optimization, 3 guards, \
             1 residual call, 2 guards after a call, 7 bytes of machine code\n"
        ),
        "{text}"
    );
    assert!(text.contains("(1 compiled trace(s) invalidated"), "{text}");

    let page = jitlog::html::page(&log, "rec.log");
    for needle in [
        "1 loops, 1 function entries, 0 bridges",
        "<h3>Entry 0 <span class=\"sub mono\">at f pc 0</span>\
         <span class=\"tag entry\">function entry</span></h3>",
        "<a href=\"#t0\">Entry 0 (f pc 0)</a><span class=\"tag entry\">function entry</span>",
        "<a href=\"#t0-code\">7 bytes</a>",
        "<div class=\"op finish\">finish(2, r3)</div>",
        "<div class=\"op call mayforce\">r3 = call_may_force_r(0, r0, i2, descr=portal)</div>",
        "<div class=\"op call assembler\">r2 = call_assembler_r(1, r0, i1, descr=assembler)</div>",
        "<tr><td>function entries (traces)</td><td class=\"num mono\">1</td></tr>",
        "stroke=\"#1e8449\"",
    ] {
        assert!(page.contains(needle), "the page lacks {needle:?}");
    }

    // The IR interpreter's note names the entry as a loop too.
    let interp = RECURSIVE.replace(
        "loop 0:\n  0x1000  (entry)\n      48 8d a5 d0\n  0x1004  finish(2, r3)\n      e9 cc ff\n",
        "(loop 0 is interpreted; its IR is in jit-log-opt)\n",
    );
    let log = read(&interp);
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    assert!(log.traces[0].interpreted());
}

#[test]
fn guards_resume_frame_by_frame() {
    let log = read(RECURSIVE);
    // One frame, two virtual items.
    assert_eq!(frames_of(&log, 0), (1, vec![some("f pc 0")], None, 2));
    // After the residual call: the call's position.
    for (id, word) in [(1, "pending"), (2, "returned")] {
        assert_eq!(
            frames_of(&log, id),
            (1, vec![some("f pc 1: CALL g")], Some(word), 0)
        );
    }
    // In the loop, `f` is inlined: its caller's frame comes first.
    assert_eq!(
        frames_of(&log, 3),
        (2, vec![some("main pc 3: CALL f"), some("f pc 0")], None, 2)
    );
    for (id, word) in [(4, "pending"), (5, "returned")] {
        assert_eq!(
            frames_of(&log, id),
            (
                2,
                vec![some("main pc 3: CALL f"), some("f pc 1: CALL g")],
                Some(word),
                0
            )
        );
    }
    // `h` was inlined and raised: the guard is under h's merge point, but
    // the frame resumes at f's call of h.
    assert_eq!(
        frames_of(&log, 6),
        (
            2,
            vec![some("main pc 3: CALL f"), some("f pc 2: CALL h")],
            Some("raised"),
            0
        )
    );
    // That is where jit-summary says guards 4 and 6 are.
    let homes = log.guard_homes();
    for (id, text) in &log.summary.as_ref().unwrap().guards {
        let pos = homes[id].1.unwrap();
        assert!(text.ends_with(&format!("({pos})")), "guard {id}: {text}");
    }

    let text = jitlog::text::summary(&log, "rec.log");
    assert!(
        text.contains(
            "  guard 6: 1 failure (f pc 2: CALL h)\n    in Loop 1 (main pc 3: CALL f): \
             2 frames (main pc 3: CALL f > f pc 2: CALL h), innermost raised\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "Loop 1 (main pc 3: CALL f): 6 ops after optimization, 4 guards, \
                       1 residual call, guards resume up to 2 frames, 3 guards after a call"
        ),
        "{text}"
    );

    let page = jitlog::html::page(&log, "rec.log");
    for needle in [
        "guard_false(i1)<span class=\"fail\"> [r0<span class=\"fsep\"> | </span>\
         r0, i1 {descr=slots, object=0, 2=i1, 4=r0}]</span><span class=\"gid\">guard 3</span>\
         <span class=\"rs\">resumes 2 frames (main pc 3: CALL f &gt; f pc 0), 2 virtual items</span>",
        "<span class=\"rs\">resumes 2 frames (main pc 3: CALL f &gt; f pc 1: CALL g), \
         innermost pending</span>",
        "<span class=\"rs\">resumes 1 frame (f pc 1: CALL g), innermost returned</span>",
        "<span class=\"rs\">resumes 1 frame (f pc 0), 2 virtual items</span>",
        "<div class=\"mp\">h pc 0: RAISE <small>(inlined, depth 2)</small></div>",
        " · guards resume up to 2 frames (inlined calls)",
    ] {
        assert!(page.contains(needle), "the page lacks {needle:?}");
    }
}

#[test]
fn without_depths_only_the_innermost_frame_has_a_position() {
    // The same log with every merge point at depth 0, as metajit writes
    // them today: the outer frames' positions are unknown, and so is the
    // position of a frame whose inlined call completed.
    let flat = RECURSIVE
        .replace("debug_merge_point(1, ", "debug_merge_point(0, ")
        .replace("debug_merge_point(2, ", "debug_merge_point(0, ");
    let log = read(&flat);
    assert_eq!(log.warning_count, 0, "{:?}", log.warnings);
    assert_eq!(frames_of(&log, 3), (2, vec![None, some("f pc 0")], None, 2));
    assert_eq!(
        frames_of(&log, 5),
        (2, vec![None, some("f pc 1: CALL g")], Some("returned"), 0)
    );
    assert_eq!(frames_of(&log, 6), (2, vec![None, None], Some("raised"), 0));
    assert_eq!(frames_of(&log, 2).1, vec![some("f pc 1: CALL g")]);
    let page = jitlog::html::page(&log, "flat.log");
    assert!(
        page.contains("<span class=\"rs\">resumes 2 frames (? &gt; ?), innermost raised</span>"),
        "{page}"
    );
    // The guards still tell the blocks' depth.
    assert!(page.contains("<div class=\"mp\">f pc 0 <small>(inlined, depth 1)</small></div>"));
}
