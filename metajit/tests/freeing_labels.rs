//! Freeing and short preambles together: a loop whose bridge enters another
//! loop at its label keeps that loop alive after the loop is invalidated
//! and replaced, on both backends. The bridge is the only way left into the
//! old loop, so if the sweep did not count a jump to a label as a jump to
//! its loop, the old loop's code (and its label entry) would be freed while
//! the bridge still jumps there. One test in its own binary: `METAJIT_LOG`
//! is process-wide.
//!
//! The interpreter has two loops in turn: pc 1 counts `x` down (loop X, it
//! reads nothing that changes), then pc 0 adds the value of the cell a
//! quasi-immutable field points to, `y` times (loop Y, peeled, with a short
//! preamble that loads the cell's value again). Every `SWAP_PERIOD`-th
//! round puts a fresh cell in the field, which invalidates loop Y; loop X
//! stays, and its exit bridge into Y keeps jumping to the Y it was
//! compiled against.

use metajit::gc::{self, TypeLayout};
use metajit::heap;
use metajit::ir::{FieldDescr, Opcode, SizeDescr, Type};
use metajit::{Completion, Exit, Interpreter, Interrupted, Jit, Mode, Params, Stats, Val};

static HOLDER: SizeDescr = SizeDescr {
    name: "label_holder",
    type_id: 0x4700_0001,
    size: 16,
};
static CURRENT: FieldDescr = FieldDescr {
    name: "current",
    offset: 8,
    ty: Type::Ref,
};
static CELL: SizeDescr = SizeDescr {
    name: "label_cell",
    type_id: 0x4700_0002,
    size: 16,
};
static VALUE: FieldDescr = FieldDescr {
    name: "value",
    offset: 8,
    ty: Type::Int,
};

const CELL_VALUE: i64 = 3;
const ROUNDS: i64 = 200;
const INNER: i64 = 50;
const SWAP_PERIOD: i64 = 20;

thread_local! {
    static THE_HOLDER: gc::Root = gc::Root::new(0);
}

/// A new cell holding `CELL_VALUE`.
fn new_cell() -> usize {
    let c = heap::alloc_object(&CELL);
    // SAFETY: `c` was just allocated, with room for the value.
    unsafe { heap::store(c, VALUE.offset as i64, 8, CELL_VALUE as u64) };
    c
}

/// A fresh holder whose field points at a fresh cell.
fn fill_holder() {
    gc::register_type(HOLDER.type_id, TypeLayout::Fixed { refs: vec![8] });
    gc::register_type(CELL.type_id, TypeLayout::Fixed { refs: vec![] });
    let holder = heap::alloc_object(&HOLDER);
    let cell = new_cell();
    // SAFETY: `holder` was just allocated, with room for the field.
    unsafe { heap::store(holder, CURRENT.offset as i64, 8, cell as u64) };
    THE_HOLDER.with(|h| h.set(holder));
}

metajit::reds! { struct Reds { n: Int, x: Int, y: Int, acc: Int } }

/// pc 2: stop once `n` is 0, else `n -= 1`, swap the cell every
/// `SWAP_PERIOD`-th round, `x = INNER`, to pc 1. pc 1: `x -= 1` until 0,
/// then `y = INNER`, to pc 0. pc 0: `acc += holder.current.value`, `y -= 1`
/// until 0, then to pc 2. The back edges are at pcs 1 and 0.
struct TwoLoops;

impl Interpreter for TwoLoops {
    type G = u8;
    type Reds<M: Mode<G = u8>> = Reds<M>;
    type Error = Interrupted;

    fn dispatch<M: Mode<G = u8>>(
        &self,
        m: &mut M,
        g: u8,
        r: &mut Reds<M>,
    ) -> Result<Exit<u8, M>, Interrupted> {
        let mut pc = g;
        loop {
            if let Some(exit) = m.jit_merge_point(pc, r) {
                return Ok(exit);
            }
            let one = m.int(1);
            let inner = m.int(INNER);
            match pc {
                2 => {
                    if !m.is_true(r.n) {
                        return Ok(Exit::Return(Val::Int(r.acc)));
                    }
                    r.n = m.int_sub(r.n, one);
                    let period = m.int(SWAP_PERIOD);
                    let k = m.int_binary(Opcode::IntMod, r.n, period);
                    if !m.is_true(k) {
                        let holder = m.const_ref(THE_HOLDER.with(|h| h.get()));
                        let cell = m.const_ref(new_cell());
                        m.set_quasi_immutable(holder, &CURRENT, Val::Ref(cell));
                    }
                    r.x = inner;
                    pc = 1;
                }
                1 => {
                    r.x = m.int_sub(r.x, one);
                    if !m.is_true(r.x) {
                        r.y = inner;
                        pc = 0;
                    }
                }
                _ => {
                    let holder = THE_HOLDER.with(|h| h.get());
                    let cell = m.quasi_immutable(holder, &CURRENT) as usize;
                    let cell = m.const_ref(cell);
                    let value = m.getfield_int(cell, &VALUE);
                    r.acc = m.int_add(r.acc, value);
                    r.y = m.int_sub(r.y, one);
                    if m.is_true(r.y) {
                        pc = 0;
                    } else {
                        pc = 2;
                        continue;
                    }
                }
            }
            if let Some(exit) = m.can_enter_jit(pc, r) {
                return Ok(exit);
            }
        }
    }
}

/// Run the program with the JIT in `mode`: its result and statistics.
fn run(mode: &str) -> (i64, Stats) {
    fill_holder();
    let jit: Jit<u8> = Jit::new(Params::parse(mode).unwrap().0);
    let reds = Reds {
        n: ROUNDS,
        x: 0,
        y: 0,
        acc: 0,
    };
    match jit.run(&TwoLoops, 2, reds) {
        Ok(Completion::Return(Val::Int(v))) => (v, jit.stats()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_bridge_into_a_label_keeps_the_replaced_loop_alive() {
    for backend in ["interp", "x64"] {
        if backend == "x64" && !cfg!(target_arch = "x86_64") {
            continue;
        }
        let path = std::env::temp_dir().join(format!(
            "metajit-freeing-labels-{}-{backend}.log",
            std::process::id()
        ));
        std::env::set_var("METAJIT_LOG", format!("jit-log-opt:{}", path.display()));
        let (result, stats) = run(&format!(
            "threshold=5,trace_eagerness=3,max_invalidations=1000,backend={backend}"
        ));
        std::env::remove_var("METAJIT_LOG");
        let log = std::fs::read_to_string(&path).unwrap_or_default();
        std::fs::remove_file(&path).ok();
        assert_eq!(result, ROUNDS * INNER * CELL_VALUE, "{backend}");
        // Some bridge (loop X's exit) enters a loop at its label.
        assert!(
            log.split("# Bridge out of guard")
                .skip(1)
                .any(|b| b.contains("descr=label")),
            "{backend}: no bridge closes at a label:\n{log}"
        );
        // Loop Y was replaced many times; the versions nothing jumps to
        // were freed, the one loop X's bridge enters was not.
        assert!(stats.invalidated >= 5, "{backend}: {stats:?}");
        assert!(stats.freed >= 3, "{backend}: {stats:?}");
    }
}
