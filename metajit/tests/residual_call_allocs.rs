//! What a residual call into a compiled function entry costs on the Rust
//! heap (`call_assembler`: the driver's `run_entry`, then `execute`): no
//! allocation of the driver's own per call, so that a program whose compiled
//! loop calls a function the recorder cannot inline (it has a loop) is not
//! slower than the interpreter for it. The call site keeps the compiled
//! code it entered, and the backend hands the exit's values back in a
//! buffer the driver keeps: a call allocates nothing at all.
//!
//! Counted with a global allocator that counts the allocations of the
//! thread running the program: the same program runs twice (on its own
//! thread, with its own JIT), the second time with 1000 more iterations of
//! a loop whose every iteration makes one residual call, all in compiled
//! code.

mod counting;
mod rec;

use counting::allocations;

/// `twice(k)` loops (so it is never inlined: a residual call into its
/// entry) and returns 2k; `main` sums it over `0..N`: N(N-1).
const PROGRAM: &str = "
    (fun twice (k) (seq (set j 0) (set s 0)
        (while (< j 2) (set s (+ s k)) (set j (+ j 1)))
        s))
    (fun main () (seq (set i 0) (set t 0)
        (while (< i N) (set t (+ t (twice i))) (set i (+ i 1)))
        t))";

/// The allocations of a run of `PROGRAM` with `n` iterations, its output
/// and its JIT summary.
fn run(n: u64) -> (u64, String, String) {
    let src = PROGRAM.replace("N", &n.to_string());
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let prog = rec::compile(&src).expect("the program compiles");
            let (params, _) =
                metajit::Params::parse("threshold=50,function_threshold=50").expect("params");
            let jit = metajit::Jit::new(params);
            let before = allocations();
            let out = rec::run_with(prog, &jit);
            let after = allocations();
            (after - before, out, jit.summary())
        })
        .expect("a thread")
        .join()
        .expect("the program ran")
}

#[test]
fn a_residual_call_into_a_compiled_entry_allocates_nothing() {
    let (short, out, _) = run(1000);
    assert_eq!(out, "=> 999000\n");
    let (long, out, summary) = run(2000);
    assert_eq!(out, "=> 3998000\n");
    assert!(
        rec::count(&summary, "entries") >= 1,
        "twice gets an entry\n{summary}"
    );
    let extra = long.saturating_sub(short);
    assert!(
        extra == 0,
        "1000 more residual calls made {extra} more allocations ({short} then {long})\n{summary}"
    );
}
