//! Freeing compiled code: a loop invalidated and retraced thousands of times
//! runs with a bounded number of compiled loops and bytes of machine code,
//! and the objects only a dead loop referred to (as constants) are
//! collected; a position whose loop is invalidated again and again is given
//! up on (`max_invalidations`) instead of being retraced for ever.
//!
//! The interpreter here is a small loop over a quasi-immutable field: every
//! iteration adds the value of the cell the holder's field points to, and
//! every `period`-th iteration puts a fresh cell there, which invalidates the
//! compiled loop. The first cells' addresses are kept hidden from the
//! conservative stack scan (odd words, wiped stack) so that only the JIT can
//! keep them alive.

mod rec;

use metajit::gc::{self, TypeLayout};
use metajit::heap;
use metajit::ir::{FieldDescr, SizeDescr, Type};
use metajit::{Completion, Exit, Interpreter, Interrupted, Jit, Mode, Params, Stats, Val};
use std::cell::{Cell, RefCell};

/// The holder: one quasi-immutable field pointing at the current cell.
static HOLDER: SizeDescr = SizeDescr {
    name: "free_holder",
    type_id: 0x4600_0001,
    size: 16,
};
static CURRENT: FieldDescr = FieldDescr {
    name: "current",
    offset: 8,
    ty: Type::Ref,
};
/// A cell: one integer.
static CELL: SizeDescr = SizeDescr {
    name: "free_cell",
    type_id: 0x4600_0002,
    size: 16,
};
static VALUE: FieldDescr = FieldDescr {
    name: "value",
    offset: 8,
    ty: Type::Int,
};

const CELL_VALUE: i64 = 3;

thread_local! {
    static THE_HOLDER: gc::Root = gc::Root::new(0);
    /// Addresses of the first cells made, with the low bit set (odd words
    /// are never references), to see later whether they were collected.
    static FIRST_CELLS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static CELLS_MADE: Cell<usize> = const { Cell::new(0) };
}

/// A new cell holding `CELL_VALUE`; the first few are remembered.
#[inline(never)]
fn new_cell() -> usize {
    let c = heap::alloc_object(&CELL);
    // SAFETY: `c` was just allocated, with room for the value.
    unsafe { heap::store(c, VALUE.offset as i64, 8, CELL_VALUE as u64) };
    if CELLS_MADE.get() < 4 {
        FIRST_CELLS.with(|f| f.borrow_mut().push(c | 1));
    }
    CELLS_MADE.set(CELLS_MADE.get() + 1);
    c
}

/// Out of line: a fresh holder whose field points at a fresh cell.
#[inline(never)]
fn fill_holder() {
    gc::register_type(HOLDER.type_id, TypeLayout::Fixed { refs: vec![8] });
    gc::register_type(CELL.type_id, TypeLayout::Fixed { refs: vec![] });
    FIRST_CELLS.with(|f| f.borrow_mut().clear());
    CELLS_MADE.set(0);
    let holder = heap::alloc_object(&HOLDER);
    let cell = new_cell();
    // SAFETY: `holder` was just allocated, with room for the field.
    unsafe { heap::store(holder, CURRENT.offset as i64, 8, cell as u64) };
    THE_HOLDER.with(|h| h.set(holder));
}

/// Zero a stretch of stack below the caller, so that no stale copy of a
/// cell's address lingers where the collector scans conservatively.
#[inline(never)]
fn clear_stack() {
    let mut area = [0usize; 8192];
    std::hint::black_box(&mut area);
}

/// How many of the first cells are still live objects.
#[inline(never)]
fn first_cells_alive() -> usize {
    FIRST_CELLS.with(|f| {
        f.borrow()
            .iter()
            .filter(|&&c| gc::is_live_object(c & !1))
            .count()
    })
}

metajit::reds! { struct Reds { n: Int, acc: Int } }

/// pc 0: `acc += holder.current.value`; pc 1: go to pc 2 every `period`-th
/// iteration, else to pc 3; pc 2: `holder.current = new cell`; pc 3:
/// `n -= 1`, back to pc 0 while `n != 0`.
struct Swapper {
    period: i64,
}

/// The new cell, made out of line so its address stays below the
/// dispatch loop's frame.
#[inline(never)]
fn swap_in<M: Mode>(m: &mut M, holder: M::Ref) {
    let cell = m.const_ref(new_cell());
    m.set_quasi_immutable(holder, &CURRENT, Val::Ref(cell));
}

impl Interpreter for Swapper {
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
            let holder = THE_HOLDER.with(|h| h.get());
            match pc {
                0 => {
                    let cell = m.quasi_immutable(holder, &CURRENT) as usize;
                    let cell = m.const_ref(cell);
                    let value = m.getfield_int(cell, &VALUE);
                    r.acc = m.int_add(r.acc, value);
                    pc = 1;
                }
                1 => {
                    let period = m.int(self.period);
                    let k = m.int_binary(metajit::ir::Opcode::IntMod, r.n, period);
                    pc = if m.is_true(k) { 3 } else { 2 };
                }
                2 => {
                    let holder = m.const_ref(holder);
                    swap_in(m, holder);
                    pc = 3;
                }
                _ => {
                    let one = m.int(1);
                    r.n = m.int_sub(r.n, one);
                    if !m.is_true(r.n) {
                        return Ok(Exit::Return(Val::Int(r.acc)));
                    }
                    if let Some(exit) = m.can_enter_jit(0, r) {
                        return Ok(exit);
                    }
                    pc = 0;
                }
            }
        }
    }
}

/// Run `n` iterations swapping every `period`-th; the statistics.
#[inline(never)]
fn run_swapper(spec: &str, n: i64, period: i64) -> Stats {
    let (params, rest) = Params::parse(spec).unwrap();
    assert!(rest.is_empty());
    let jit: Jit<u8> = Jit::new(params);
    let result = jit.run(&Swapper { period }, 0, Reds { n, acc: 0 });
    let Ok(Completion::Return(Val::Int(sum))) = result else {
        panic!("{result:?}")
    };
    assert_eq!(sum, n * CELL_VALUE);
    jit.stats()
}

fn retraced_thousands_of_times(backend: &str) {
    fill_holder();
    clear_stack();
    // 3000 swaps, each invalidating the loop, which is retraced after two
    // more iterations.
    let spec = format!("threshold=2,max_invalidations=1000000,{backend}");
    let stats = run_swapper(&spec, 30_000, 10);
    assert_eq!(CELLS_MADE.get(), 3001);
    assert!(stats.loops >= 2900, "{stats:?}");
    // Everything invalidated was freed but the last few.
    assert!(stats.invalidated >= 2900, "{stats:?}");
    assert!(stats.freed + 3 >= stats.loops, "{stats:?}");
    assert!(stats.live <= 3, "{stats:?}");
    if backend.contains("x64") {
        assert!(stats.code_bytes > 0);
        assert!(stats.code_bytes < 3 * 4096, "{stats:?}");
    }
    // The first cells were constants of loops that are gone: collectable.
    clear_stack();
    gc::collect();
    assert_eq!(
        first_cells_alive(),
        0,
        "a dead loop's constant is still alive"
    );
}

#[test]
fn a_loop_retraced_thousands_of_times_is_freed_x64() {
    retraced_thousands_of_times("backend=x64");
}

#[test]
fn a_loop_retraced_thousands_of_times_is_freed_interp() {
    retraced_thousands_of_times("backend=interp");
}

#[test]
fn a_live_loops_constants_stay() {
    // The loop compiled last still reads the cell put in last, which a
    // collection must keep; without swaps, the first cell is that one.
    fill_holder();
    clear_stack();
    let stats = run_swapper("threshold=2,backend=x64", 1000, 5000);
    assert_eq!((stats.loops, stats.freed, stats.live), (1, 0, 1));
    clear_stack();
    gc::collect();
    assert_eq!(first_cells_alive(), 1);
}

#[test]
fn a_position_invalidated_too_often_is_given_up() {
    // Every 10th iteration invalidates the loop: with the default limit of
    // 10 invalidations, it is traced 10 times and then no more, however
    // long the program runs; the summary says so.
    fill_holder();
    let stats = run_swapper("threshold=2,backend=interp", 30_000, 10);
    assert_eq!(stats.blacklisted, 1, "{stats:?}");
    assert_eq!(stats.loops, 10, "{stats:?}");
    assert_eq!(stats.live, 0, "{stats:?}");
    let stats = run_swapper("threshold=2,max_invalidations=3,backend=interp", 30_000, 10);
    assert_eq!((stats.blacklisted, stats.loops), (1, 3), "{stats:?}");
}

#[test]
fn a_method_redefined_in_every_outer_iteration_stops_the_retracing() {
    // The inner loop reads the method table; the outer loop redefines the
    // method each time round, so the inner loop's code dies every time.
    // Sum: 300 outer iterations of 20 inner sends returning 1 or 2
    // alternately: 150 * 20 * (1 + 2).
    let src = "(class A () (value one))
         (fun one (self) 1)
         (fun two (self) 2)
         (fun main () (seq (set a (new A)) (set i 0) (set s 0)
            (while (< i 300)
               (if (% i 2) (redefine A value one) (redefine A value two))
               (set j 0)
               (while (< j 20) (set s (+ s (send a value))) (set j (+ j 1)))
               (set i (+ i 1)))
            s))";
    for backend in ["interp", "x64"] {
        let (out, summary) = rec::run_big_stack(src, &format!("threshold=3,backend={backend}"));
        assert_eq!(out, "=> 9000\n", "{summary}");
        let count = |key: &str| -> u64 {
            summary
                .lines()
                .find_map(|l| l.strip_prefix(key)?.strip_prefix(": ")?.parse().ok())
                .unwrap_or_else(|| panic!("no {key} in\n{summary}"))
        };
        assert!(count("blacklisted") >= 1, "{summary}");
        assert!(count("loops") <= 30, "{summary}");
        assert!(
            summary.lines().any(|l| l.starts_with("blacklisted at ")),
            "{summary}"
        );
    }
}
