//! Shared snapshot frames: guards inside an inlined call share the records
//! of the frames around it, in the trace (`ir::Snapshot`, one record per
//! call) and in the driver's resume data (one `ResumeFrame` per snapshot
//! and per caller's frame), and the text form is the same as if every guard
//! had its own frames.

mod rec;

use metajit::ir::parse::{parse, Namespace};
use metajit::{Jit, Params};

#[test]
fn guards_in_one_inlined_call_share_its_callers_record() {
    let text = "[i0, i1]
guard_true(i0) [i0, i1 | i1]
guard_true(i1) [i0, i1 | i0, i1]
guard_false(i0) [i0, i1 | i0]
jump(i0, i1)
";
    let t = parse(text, &Namespace::new()).unwrap();
    // One record of the outer frame, three of the inner ones.
    assert_eq!(t.snapshots.len(), 4);
    let callers: Vec<Option<u32>> = t.snapshots.iter().map(|s| s.caller).collect();
    assert_eq!(callers, [None, Some(0), Some(0), Some(0)]);
    assert_eq!(t.frames_of(3).len(), 2);
    assert_eq!(t.to_string(), text);
}

/// Five functions deep, each a few guards: every guard of the innermost
/// body describes six frames.
const DEEP: &str = "
    (fun f5 (x) (if (< x 0) 0 (+ x 1)))
    (fun f4 (x) (if (< x 0) 0 (f5 (+ x 1))))
    (fun f3 (x) (if (< x 0) 0 (f4 (+ x 1))))
    (fun f2 (x) (if (< x 0) 0 (f3 (+ x 1))))
    (fun f1 (x) (if (< x 0) 0 (f2 (+ x 1))))
    (fun main () (seq (set i 0) (set s 0)
       (while (< i 300) (set s (+ s (f1 i))) (set i (+ i 1)))
       s))";

#[test]
fn deep_inlining_shares_resume_frames() {
    // Sum of i + 5 for i < 300 = 44850 + 1500.
    let prog = rec::compile(DEEP).unwrap();
    for backend in ["interp", "x64"] {
        let (params, _) = Params::parse(&format!("threshold=3,backend={backend}")).unwrap();
        let jit: Jit<rec::Pos> = Jit::new(params);
        let out = rec::run_with(prog, &jit);
        let stats = jit.stats();
        assert_eq!(out, "=> 46350\n", "{stats:?}");
        assert_eq!(stats.aborts, 0, "{stats:?}");
        let (shared, unshared) = (stats.resume_frames, stats.guard_frames);
        println!(
            "{backend}: {shared} resume frame records for {unshared} frames described by guards"
        );
        // Without sharing, every guard had a record of each of its frames.
        assert!(shared * 2 < unshared, "{stats:?}");
    }
}
