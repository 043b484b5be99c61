//! Bridges from guards that fail inside a call the parent trace inlined: the
//! bridge starts in the callee's frame, takes up each caller through
//! `after_call` when the frame inside it returns or raises, and closes at
//! the loop (or finishes when the outermost frame completes). Programs in the
//! recursive test language (`rec/`) whose hot branch sits in an inlined
//! callee; each runs in the plain mode and on both backends (and under the
//! stress collector), the outputs must equal what the program computes
//! (worked out independently, in the comments), and the summary must show
//! the bridge and few guard failures, where without the bridge every other
//! iteration would leave the compiled loop.

mod rec;
use rec::count;

const JIT_MODES: [&str; 2] = [
    "threshold=3,function_threshold=3,trace_eagerness=2,backend=interp",
    "threshold=3,function_threshold=3,trace_eagerness=2,backend=x64",
];

/// Run `src` in the plain mode, on both backends, and on both under the
/// stress collector; every output must be `expected`. The summaries of the
/// JIT runs (interp, then x64).
fn check_modes(src: &str, expected: &str, modes: &[&str]) -> Vec<String> {
    let (out, _) = rec::run_big_stack(src, "off");
    assert_eq!(out, expected, "plain mode");
    for mode in modes {
        let (out, summary) = rec::run_stressed(src, mode);
        assert_eq!(out, expected, "{mode} under METAJIT_GC=stress\n{summary}");
    }
    modes
        .iter()
        .map(|mode| {
            let (out, summary) = rec::run_big_stack(src, mode);
            assert_eq!(out, expected, "mode {mode}\n{summary}");
            summary
        })
        .collect()
}

fn check(src: &str, expected: &str) -> Vec<String> {
    check_modes(src, expected, &JIT_MODES)
}

/// Whether some guard of function `func` got a bridge.
fn bridged_in(summary: &str, func: &str) -> bool {
    let mark = format!(", bridged ({func} pc ");
    summary
        .lines()
        .any(|l| l.starts_with("guard ") && l.contains(&mark))
}

#[test]
fn a_branch_in_an_inlined_callee_gets_a_bridge() {
    // Even i give 3i (3 * 249500), odd i give i + 1 (250000 + 500).
    let summaries = check(
        "(fun pick (i) (if (== (% i 2) 0) (* i 3) (+ i 1)))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 1000) (set s (+ s (pick i))) (set i (+ i 1)))
            s))",
        "=> 999000\n",
    );
    for s in &summaries {
        assert!(bridged_in(s, "pick"), "{s}");
        assert_eq!(count(s, "aborts"), 0, "{s}");
        // 500 iterations take the other branch; once bridged, none leaves.
        assert!(count(s, "guard failures") < 20, "{s}");
    }
}

#[test]
fn a_raise_in_the_inlined_callee_goes_through_the_bridge_to_the_handler() {
    // i % 7 == 6 raises i (100 of them, summing to 35250), caught as 0; the
    // others return i (209400 in all).
    let summaries = check(
        "(fun check (i) (if (== (% i 7) 6) (raise i) i))
         (fun main () (seq (set i 0) (set s 0) (set caught 0)
            (while (< i 700)
               (set s (+ s (try (check i) (catch e (seq (set caught (+ caught e)) 0)))))
               (set i (+ i 1)))
            (print caught) s))",
        "35250\n=> 209400\n",
    );
    for s in &summaries {
        assert!(bridged_in(s, "check"), "{s}");
        assert_eq!(count(s, "aborts"), 0, "{s}");
        assert!(count(s, "guard failures") < 20, "{s}");
    }
}

#[test]
fn a_bridge_two_calls_deep_takes_up_both_callers_and_their_locals() {
    // outer(i) = (i + 1) + inner(i), inner(i) = -i when 3 divides i, else
    // 2i: 360600 for i < 600. `outer`'s local `a` lives in its frame's
    // slots while `inner` runs.
    let summaries = check(
        "(fun inner (i) (if (== (% i 3) 0) (- 0 i) (* i 2)))
         (fun outer (i) (seq (set a (+ i 1)) (set b (inner i)) (+ a b)))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 600) (set s (+ s (outer i))) (set i (+ i 1)))
            s))",
        "=> 360600\n",
    );
    for s in &summaries {
        assert!(bridged_in(s, "inner"), "{s}");
        assert!(count(s, "guard failures") < 20, "{s}");
    }
}

#[test]
fn a_guard_inside_such_a_bridge_gets_a_bridge_of_its_own() {
    // Three ways on i % 3: 100 (300 times), 5i (5 * 89700 over i % 3 == 1),
    // i - 7 (90000 - 2100 over i % 3 == 2): 837300 for i < 900.
    let summaries = check(
        "(fun three (i) (seq (set k (% i 3))
            (if (== k 0) 100 (if (== k 1) (* i 5) (- i 7)))))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 900) (set s (+ s (three i))) (set i (+ i 1)))
            s))",
        "=> 837300\n",
    );
    for s in &summaries {
        // The loop takes one way; a bridge from `three` a second, and a
        // bridge from a guard of that bridge, still in `three`, the third.
        assert!(count(s, "bridges") >= 2, "{s}");
        assert!(bridged_in(s, "three"), "{s}");
        assert!(count(s, "guard failures") < 30, "{s}");
    }
}

#[test]
fn a_bridge_in_an_entry_trace_finishes_when_the_outermost_frame_returns() {
    // The loop in `main` stays interpreted; `h` gets an entry trace with
    // `sign` inlined. For x = -2, -1, 0, 1: h = -4, -3, 2, 3, so -2 for each
    // of the 100 rounds.
    let modes = [
        "threshold=100000,function_threshold=3,trace_eagerness=2,backend=interp",
        "threshold=100000,function_threshold=3,trace_eagerness=2,backend=x64",
    ];
    let summaries = check_modes(
        "(fun sign (x) (if (< x 0) (- 0 1) 1))
         (fun h (x) (+ (* (sign x) 2) x))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 400) (set s (+ s (h (- (% i 4) 2)))) (set i (+ i 1)))
            s))",
        "=> -200\n",
        &modes,
    );
    for s in &summaries {
        assert_eq!(count(s, "entries"), 1, "{s}");
        assert!(bridged_in(s, "sign"), "{s}");
        assert!(count(s, "guard failures") < 20, "{s}");
    }
}

#[test]
fn a_bridge_that_reaches_a_compiled_loop_in_the_inlined_callee_calls_the_rest_of_it() {
    // Multiples of 4 run a loop summing 0..5 (10; 200 of them), the others
    // give i (319600 - 4 * 19900 in all): 242000. `main`'s loop inlines
    // `work` without its loop; the bridge from the guard in `work` reaches
    // that loop, compiled by then, and calls the rest of `work` into it.
    let summaries = check(
        "(fun work (i) (if (== (% i 4) 0)
            (seq (set j 0) (set t 0) (while (< j 5) (set t (+ t j)) (set j (+ j 1))) t)
            i))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 800) (set s (+ s (work i))) (set i (+ i 1)))
            s))",
        "=> 242000\n",
    );
    for s in &summaries {
        assert!(bridged_in(s, "work"), "{s}");
        assert_eq!(count(s, "aborts"), 0, "{s}");
        assert!(count(s, "guard failures") < 30, "{s}");
    }
}

#[test]
fn a_bridge_that_aborts_inside_the_inlined_callee_finishes_its_frames_concretely() {
    // Odd i give 3i (3 * 250000), even i give i + 100 (249500 + 50000):
    // 1049500. The even path, a hundred additions, is longer than
    // `trace_limit`: each bridge attempt aborts inside `pick`, which then
    // runs to completion in the plain mode and hands its result to `main`,
    // until `max_aborts` attempts have been spent.
    let long = (0..100).fold("i".to_string(), |e, _| format!("(+ 1 {e})"));
    let modes = [
        "threshold=3,trace_eagerness=2,trace_limit=300,max_aborts=3,backend=interp",
        "threshold=3,trace_eagerness=2,trace_limit=300,max_aborts=3,backend=x64",
    ];
    let summaries = check_modes(
        &format!(
            "(fun pick (i) (if (== (% i 2) 1) (* i 3) {long}))
             (fun main () (seq (set i 0) (set s 0)
                (while (< i 1000) (set s (+ s (pick i))) (set i (+ i 1)))
                s))"
        ),
        "=> 1049500\n",
        &modes,
    );
    for s in &summaries {
        assert_eq!(count(s, "bridges"), 0, "{s}");
        let attempts = s
            .lines()
            .filter(|l| l.starts_with("abort: bridge from guard") && l.contains("(near pick pc "))
            .count();
        assert_eq!(attempts, 3, "{s}");
    }
}
