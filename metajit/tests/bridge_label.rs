//! A bridge taken at every other iteration enters its loop at the peeled
//! loop's label, on both backends: the log shows its `jump(…, descr=labelN)`,
//! and the preamble's work is not done again each time the bridge is taken,
//! which the number of calls of an elidable helper in the preamble shows.
//! One test in its own binary: `METAJIT_LOG` is process-wide.

use metajit::ir::{ArrayDescr, CallDescr, Effects, Opcode, Type};
use metajit::{reds, Exit, Interpreter, Interrupted, Jit, Mode, Params, Val};
use std::sync::atomic::{AtomicU64, Ordering};

static CELLS: ArrayDescr = ArrayDescr {
    name: "cells",
    type_id: 3,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};

static WEIGHT_CALLS: AtomicU64 = AtomicU64::new(0);

/// The weight the loop adds, 3; counts its calls.
extern "C" fn weight(_cells: usize) -> i64 {
    WEIGHT_CALLS.fetch_add(1, Ordering::Relaxed);
    3
}

static WEIGHT: CallDescr = CallDescr::of(
    "weight",
    weight as extern "C" fn(usize) -> i64,
    Effects::ELIDABLE,
);

reds! { struct Reds { i: Int, cells: Ref } }

/// `while i != 0 { w = weight(cells); if i odd { cells[0] += w } else
/// { cells[0] -= 1 }; i -= 1 }`, all in one instruction: the loop is traced
/// on one side of the branch, the other side becomes a bridge back to it.
struct Alternate;

impl Interpreter for Alternate {
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
                let zero = m.int(0);
                return Ok(Exit::Return(Val::Int(
                    m.getarrayitem_int(r.cells, &CELLS, zero),
                )));
            }
            let Val::Int(w) = m.call(&WEIGHT, &[Val::Ref(r.cells)]) else {
                unreachable!("weight returns an int")
            };
            let zero = m.int(0);
            let one = m.int(1);
            let acc = m.getarrayitem_int(r.cells, &CELLS, zero);
            let odd = m.int_binary(Opcode::IntAnd, r.i, one);
            let acc = if m.is_true(odd) {
                m.int_add(acc, w)
            } else {
                m.int_binary(Opcode::IntSub, acc, one)
            };
            m.setarrayitem(r.cells, &CELLS, zero, Val::Int(acc));
            r.i = m.int_binary(Opcode::IntSub, r.i, one);
            if let Some(exit) = m.can_enter_jit(g, r) {
                return Ok(exit);
            }
        }
    }
}

/// Run the loop `n` times with the JIT in `mode`: its result, and how many
/// times `weight` was called.
fn run(n: i64, mode: &str) -> (i64, u64) {
    let jit: Jit<u32> = Jit::new(Params::parse(mode).unwrap().0);
    let mut plain = jit.plain();
    let len = plain.int(1);
    let cells = plain.new_array(&CELLS, len);
    WEIGHT_CALLS.store(0, Ordering::Relaxed);
    let done = jit.run(&Alternate, 0, Reds { i: n, cells }).unwrap();
    let calls = WEIGHT_CALLS.load(Ordering::Relaxed);
    match done {
        metajit::Completion::Return(Val::Int(v)) => (v, calls),
        _ => panic!("the loop returns an int"),
    }
}

#[test]
fn a_frequent_bridge_jumps_to_the_label_without_the_preamble() {
    let n = 20_000;
    // The reference: n/2 odd iterations add 3, n/2 even ones take 1.
    let expected = (n / 2) * 3 - n / 2;
    for backend in ["interp", "x64"] {
        if backend == "x64" && !cfg!(target_arch = "x86_64") {
            continue;
        }
        let path = std::env::temp_dir().join(format!(
            "metajit-bridge-label-{}-{backend}.log",
            std::process::id()
        ));
        std::env::set_var("METAJIT_LOG", format!("jit-log-opt:{}", path.display()));
        let (result, calls) = run(
            n,
            &format!("threshold=5,trace_eagerness=3,backend={backend}"),
        );
        std::env::remove_var("METAJIT_LOG");
        let log = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::remove_file(&path).ok();
        assert_eq!(result, expected, "{backend}");
        // The bridge closes at the loop's label, not at its start.
        let bridge = log
            .split("# Bridge out of guard")
            .nth(1)
            .unwrap_or_else(|| panic!("no bridge in the log:\n{log}"));
        assert!(bridge.contains("descr=label"), "{backend}:\n{log}");
        assert!(!bridge.contains("descr=loop"), "{backend}:\n{log}");
        // The bridge's own call of `weight` stands for the short
        // preamble's: one call per bridge run, none per loop iteration.
        // Through the loop's start it would be two per bridge run.
        assert_eq!(
            bridge.matches("call_pure_i(").count(),
            1,
            "{backend}:\n{log}"
        );
        assert!(
            calls < (n as u64) / 2 + 100,
            "{backend}: {calls} calls of weight for {n} iterations"
        );
    }
}
