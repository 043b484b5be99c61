//! metajit on a recursive interpreter (`rec/`): calls through the portal,
//! inlined and residual, multi-frame resume, exceptions, changing methods.
//! Every program runs in the plain mode and with the JIT on both backends,
//! with a low threshold; the outputs must be the same, and equal to what the
//! program computes (worked out independently, in the comments).

mod rec;
use rec::count;

const MODES: [&str; 3] = [
    "off",
    "threshold=3,function_threshold=3,trace_eagerness=2,backend=interp",
    "threshold=3,function_threshold=3,trace_eagerness=2,backend=x64",
];

/// The modes that also run with the collector in stress mode.
const STRESSED: [&str; 4] = [
    "threshold=1,function_threshold=1,trace_eagerness=1,backend=interp",
    "threshold=1,function_threshold=1,trace_eagerness=1,backend=x64",
    "threshold=3,trace_eagerness=2,backend=interp",
    "threshold=3,trace_eagerness=2,backend=x64",
];

/// Run in every mode, and with the JIT under the stress collector; each
/// run's output must be `expected`. The summaries of the plain runs.
fn check(src: &str, expected: &str) -> Vec<String> {
    for mode in STRESSED {
        let (out, summary) = rec::run_stressed(src, mode);
        assert_eq!(out, expected, "{mode} under METAJIT_GC=stress\n{summary}");
    }
    MODES
        .iter()
        .map(|mode| {
            let (out, summary) = rec::run_big_stack(src, mode);
            assert_eq!(out, expected, "mode {mode}\n{summary}");
            summary
        })
        .collect()
}

#[test]
fn fib() {
    // fib(20) = 6765.
    check(
        "(fun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
         (fun main () (fib 20))",
        "=> 6765\n",
    );
}

#[test]
fn a_loop_calling_a_small_function_inlines_it() {
    // sum of 3*i for i < 1000 = 3 * 499500.
    let summaries = check(
        "(fun triple (x) (* x 3))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 1000) (set s (+ s (triple i))) (set i (+ i 1)))
            s))",
        "=> 1498500\n",
    );
    for s in &summaries[1..] {
        assert_eq!(count(s, "aborts"), 0, "{s}");
        assert!(count(s, "loops") >= 1, "{s}");
    }
}

#[test]
fn ackermann() {
    // A(2, 3) = 2*3 + 3 = 9; A(3, 3) = 2^(3+3) - 3 = 61.
    check(
        "(fun ack (m n) (if (== m 0) (+ n 1)
                          (if (== n 0) (ack (- m 1) 1) (ack (- m 1) (ack m (- n 1))))))
         (fun main () (seq (print (ack 2 3)) (ack 3 3)))",
        "9\n=> 61\n",
    );
}

#[test]
fn mutual_recursion() {
    // For n < 60, ev(n) is 1 on even n: 30 of them.
    check(
        "(fun ev (n) (if (== n 0) 1 (od (- n 1))))
         (fun od (n) (if (== n 0) 0 (ev (- n 1))))
         (fun main () (seq (set n 0) (set c 0)
            (while (< n 60) (set c (+ c (ev n))) (set n (+ n 1)))
            c))",
        "=> 30\n",
    );
}

#[test]
fn recursion_deeper_than_inlining_becomes_a_residual_call() {
    // sum(k) = k(k+1)/2; for k = 40, 820; twenty times: 16400.
    let src = "(fun sum (k) (if (== k 0) 0 (+ k (sum (- k 1)))))
         (fun main () (seq (set i 0) (set s 0)
            (while (< i 20) (set s (+ s (sum 40))) (set i (+ i 1)))
            s))";
    check(src, "=> 16400\n");
    // What the traces contain: `recursive_log.rs`.
}

#[test]
fn fib_gets_a_function_entry_trace() {
    let src = "(fun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
         (fun main () (fib 15))";
    for summary in &check(src, "=> 610\n")[1..] {
        assert_eq!(count(summary, "entries"), 1, "{summary}");
        assert_eq!(count(summary, "aborts"), 0, "{summary}");
    }
}

#[test]
fn a_callee_that_raises_every_hundredth_time_is_caught_without_aborts() {
    // Multiples of 100 below 1000 raise: 10 caught; the others sum to
    // 499500 - 4500.
    let summaries = check(
        "(fun check (i) (if (== (% i 100) 0) (raise i) i))
         (fun main () (seq (set i 0) (set s 0) (set caught 0)
            (while (< i 1000)
               (set s (+ s (try (check i) (catch e (seq (set caught (+ caught 1)) 0)))))
               (set i (+ i 1)))
            (print caught) s))",
        "10\n=> 495000\n",
    );
    for s in &summaries[1..] {
        assert_eq!(count(s, "aborts"), 0, "{s}");
    }
}

#[test]
fn a_method_redefined_while_its_loop_runs_is_not_called_again() {
    // Fifty calls of the first method (1 each), then fifty of the second (2).
    let summaries = check(
        "(class A () (value one))
         (fun one (self) 1)
         (fun two (self) 2)
         (fun main () (seq (set a (new A)) (set i 0) (set s 0)
            (while (< i 100)
               (if (== i 50) (redefine A value two) 0)
               (set s (+ s (send a value)))
               (set i (+ i 1)))
            s))",
        "=> 150\n",
    );
    for s in &summaries[1..] {
        // The loop read the table as a constant; the redefinition made it
        // invalid while it ran.
        assert!(count(s, "invalidated") >= 1, "{s}");
    }
}

#[test]
fn a_compiled_entry_invalidated_between_residual_calls_is_not_entered() {
    // `f` and `g` loop, so the loop in `main` calls them residually,
    // straight into their compiled entries. `f`'s read the method table as
    // a constant; `g` redefines the method at i = 50, inside its own call,
    // so that the next call of `f` is the first to find its entry invalid:
    // a call site keeps the code it entered last, and must not enter that
    // code again. Fifty calls of `f` return 1, fifty return 2.
    let summaries = check(
        "(class A () (value one))
         (fun one (self) 1)
         (fun two (self) 2)
         (fun f (o) (seq (set r (send o value)) (set j 0)
            (while (< j 2) (set j (+ j 1)))
            r))
         (fun g (i) (seq (set j 0) (while (< j 2) (set j (+ j 1)))
            (if (== i 50) (redefine A value two) 0)))
         (fun main () (seq (set a (new A)) (set i 0) (set s 0)
            (while (< i 100)
               (g i)
               (set s (+ s (f a)))
               (set i (+ i 1)))
            s))",
        "=> 150\n",
    );
    for s in &summaries[1..] {
        assert!(count(s, "invalidated") >= 1, "{s}");
        // Retired at that call, and freed; entered again, it would fail
        // its `guard_not_invalidated` at the send (and grow a bridge there)
        // on every call instead.
        assert!(count(s, "freed") >= 1, "{s}");
        assert!(!s.contains("(f pc 1: Some(Send"), "{s}");
    }
}

#[test]
fn a_helper_that_prints_in_a_loop_prints_once_per_iteration() {
    // Every third iteration takes the other branch, so guards fail after
    // the print of the same iteration has happened.
    let expected: String = (0..12)
        .map(|i| format!("{i}\n{}\n", if i % 3 == 0 { 100 + i } else { i * 2 }))
        .collect::<String>()
        + "=> 0\n";
    check(
        "(fun show (i) (print (if (== (% i 3) 0) (+ 100 i) (* i 2))))
         (fun main () (seq (set i 0)
            (while (< i 12) (print i) (show i) (set i (+ i 1)))))",
        &expected,
    );
}

#[test]
fn a_trace_that_redefines_the_method_it_read_is_not_compiled_stale() {
    // Found by the random programs. `f0`'s first call sends `p`, which is
    // `m0_1`, which sets `p` back to `m0_0`: an entry trace recorded then
    // read the method table as a constant and changed it itself; entered
    // later, it ran `m0_1` instead of `m0_0`, which prints. Five calls of
    // `f0` after the first print.
    check(
        "(global fuel 7)
         (class C1 () (p m0_1))
         (fun f0 ()
           (if (< (gget fuel) 1) 0
             (seq (gset fuel (- (gget fuel) 1))
                  (set o (new C1))
                  (if (send o p) (seq (set i 0) (while (< i 1) (set i (+ i 1)))) 0)
                  0)))
         (fun m0_0 (self) (seq (print 0) -1))
         (fun m0_1 (self) (seq (redefine C1 p m0_0) 0))
         (fun main () (seq (set i 0) (while (< i 6) (f0) (set i (+ i 1))) 0))",
        "0\n0\n0\n0\n0\n=> 0\n",
    );
}

#[test]
fn objects_fields_and_globals() {
    // A counter object bumped 30 times, and a global summing the counter.
    check(
        "(class Counter (n))
         (global total 0)
         (fun bump (c) (put c n (+ (get c n) 1)))
         (fun main () (seq (set c (new Counter 0)) (set i 0)
            (while (< i 30) (bump c) (gset total (+ (gget total) (get c n))) (set i (+ i 1)))
            (print (get c n)) (gget total)))",
        "30\n=> 465\n",
    );
}

#[test]
fn errors_are_the_same_in_every_mode() {
    check(
        "(fun main () (seq (set i 0) (while (< i 10) (set i (+ i 1))) (+ i (new-thing))))
         (fun new-thing () (raise 7))",
        "uncaught 7\n",
    );
    check(
        "(fun deep (n) (+ 1 (deep (+ n 1)))) (fun main () (deep 0))",
        "error: TooDeep\n",
    );
    check(
        "(fun main () (seq (set i 1) (while 1 (set i (* i 3)))))",
        "error: Overflow\n",
    );
}

#[test]
#[ignore]
fn show() {
    let src = std::env::var("REC_SRC").unwrap();
    let mode = std::env::var("REC_MODE").unwrap_or_else(|_| MODES[2].into());
    let (out, summary) = rec::run_big_stack(&src, &mode);
    println!("{out}\n{summary}");
}

#[test]
fn outer_frames_survive_collections_while_an_inner_frame_resumes() {
    // Found by the random programs under the stress collector. A guard fails
    // in `f`, inlined into `main`'s loop: resuming runs `f` to completion
    // while `main`'s frame (the new `C` waiting on its stack for `put`)
    // exists only as the guard's fail-argument words; `f` allocates, and
    // those words must keep the object alive.
    check(
        "(global fuel 13)
         (class C (v))
         (fun f (n)
           (if (< n 1) (seq (new C 0) 0)
             (if (< (gget fuel) 1) (seq (new C 0) 0)
               (seq (gset fuel (- (gget fuel) 1)) (f (- n 2)) 0))))
         (fun main ()
           (seq (set j 0)
             (while (< j 12) (put (new C 0) v (f 4)) (set j (+ j 1)))
             0))",
        "=> 0\n",
    );
}
