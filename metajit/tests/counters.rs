//! The hot counters: a green that shares a counter cell with a compiled
//! loop must not make that loop unreachable. (Before the fix, the other
//! green's first hot tick reset the shared cell, and the compiled loop ran
//! in the interpreter until its count climbed back to the threshold.)

use metajit::{Jit, Params};

mod countdown;
use countdown::{Countdown, Reds};

#[test]
fn a_colliding_green_leaves_the_compiled_loop_reachable() {
    for backend in ["x64", "interp"] {
        let spec = format!("threshold=10,backend={backend}");
        let jit: Jit<u32> = Jit::new(Params::parse(&spec).unwrap().0);
        let a = 7;
        let b = (8..)
            .find(|&b| jit.counter_cell(b) == jit.counter_cell(a))
            .unwrap();
        jit.run(&Countdown, a, Reds { i: 100 }).unwrap();
        assert_eq!(jit.stats().loops, 1, "{backend}");
        // `b` gets hot at once (its cell is saturated) but leaves its loop
        // before a trace closes.
        jit.run(&Countdown, b, Reds { i: 1 }).unwrap();
        // `a` again: its compiled loop runs from the first back edge and
        // exits through a guard.
        let failures = jit.stats().guard_failures;
        jit.run(&Countdown, a, Reds { i: 5 }).unwrap();
        assert_eq!(
            jit.stats().guard_failures,
            failures + 1,
            "{backend}: b = {b}\n{}",
            jit.summary()
        );
    }
}
