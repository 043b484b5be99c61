//! A bridge that enters a peeled loop at its label with values the loop
//! itself never has: the loop passes back `b & 7` as its `a`, so its
//! peeled body takes `a` for that value, while the bridge jumps with
//! `a = 100`. The short preamble the bridge goes through must check the
//! relation (and, failing, resume at the loop's start), or the loop goes
//! on with the wrong `a`. Both backends; the result must be the plain
//! interpreter's.

use metajit::ir::Opcode;
use metajit::{reds, Exit, Interpreter, Interrupted, Jit, Mode, Params, Val};

reds! { struct Reds { i: Int, a: Int, b: Int, acc: Int } }

/// `while i != 0 { acc += a; a = if i & 1023 == 0 { 100 } else { b & 7 };
/// i -= 1 }`: the loop is traced on the common side, the rare one
/// becomes a bridge back to it.
struct Relation;

impl Interpreter for Relation {
    type G = u32;
    type Reds<M: Mode<G = u32>> = Reds<M>;
    type Error = Interrupted;

    fn dispatch<M: Mode<G = u32>>(
        &self,
        m: &mut M,
        g: u32,
        r: &mut Reds<M>,
    ) -> Result<Exit<u32, M>, Interrupted> {
        loop {
            if let Some(exit) = m.jit_merge_point(g, r) {
                return Ok(exit);
            }
            if !m.is_true(r.i) {
                return Ok(Exit::Return(Val::Int(r.acc)));
            }
            r.acc = m.int_add(r.acc, r.a);
            let mask = m.int(1023);
            let low = m.int_binary(Opcode::IntAnd, r.i, mask);
            r.a = if m.is_true(low) {
                let seven = m.int(7);
                m.int_binary(Opcode::IntAnd, r.b, seven)
            } else {
                m.int(100)
            };
            let one = m.int(1);
            r.i = m.int_binary(Opcode::IntSub, r.i, one);
            if let Some(exit) = m.can_enter_jit(g, r) {
                return Ok(exit);
            }
        }
    }
}

fn run(n: i64, b: i64, mode: &str) -> i64 {
    let jit: Jit<u32> = Jit::new(Params::parse(mode).unwrap().0);
    let reds = Reds {
        i: n,
        a: 0,
        b,
        acc: 0,
    };
    match jit.run(&Relation, 0, reds).unwrap() {
        metajit::Completion::Return(Val::Int(v)) => v,
        _ => panic!("the loop returns an int"),
    }
}

#[test]
fn a_bridge_that_breaks_the_loops_relation_between_its_values_resumes_at_its_start() {
    let (n, b) = (20_000, 13);
    // The reference, step by step.
    let (mut i, mut a, mut acc) = (n, 0i64, 0i64);
    while i != 0 {
        acc += a;
        a = if i & 1023 != 0 { b & 7 } else { 100 };
        i -= 1;
    }
    assert_eq!(run(n, b, "off"), acc);
    for backend in ["interp", "x64"] {
        if backend == "x64" && !cfg!(target_arch = "x86_64") {
            continue;
        }
        let mode = format!("threshold=5,trace_eagerness=3,backend={backend}");
        assert_eq!(run(n, b, &mode), acc, "{backend}");
    }
}
