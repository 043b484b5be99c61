//! The garbage collector and compiled code: objects that only compiled code
//! holds (in registers or its frame's stack slots) survive the collections
//! its own `new` / `new_array` calls trigger, on the x86-64 backend and on
//! the IR interpreter, normally and in the stress mode; reference constants
//! of a compiled trace are roots while their handle lives, and released
//! when it is dropped; constants of a trace being recorded are roots from
//! the moment they are recorded (a collection in the middle of recording
//! keeps an object only the trace refers to).
//!
//! The stack is scanned conservatively, so these tests keep the addresses
//! they check out of every frame the collector sees: made and read in
//! out-of-line functions, the stack below wiped (`clear_stack`), kept
//! elsewhere only in Rust heap memory or as odd (tagged) words.

mod x64common;
use metajit::backend::interp::IrInterp;
use metajit::backend::x64::X64Backend;
use metajit::backend::{Backend, Exit};
use metajit::gc::{self, TypeLayout};
use metajit::heap;
use metajit::ir::{Arg, ArrayDescr, Descr, FieldDescr, Opcode::*, SizeDescr, Trace, Type};
use x64common::*;

static NODE: SizeDescr = SizeDescr {
    name: "jit_node",
    type_id: 2001,
    size: 24,
};
static VALUE: FieldDescr = FieldDescr {
    name: "value",
    offset: 8,
    ty: Type::Int,
};
static INTS: ArrayDescr = ArrayDescr {
    name: "jit_ints",
    type_id: 2002,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};
static REFS: ArrayDescr = ArrayDescr {
    name: "jit_refs",
    type_id: 2003,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};

const MAGIC: i64 = 12345;

/// ```text
/// [i0]
/// r1 = new(node); setfield(r1, 12345); r2 = new_array(3, refs)
/// setarrayitem(r2, 0, r1)
/// label(i0, r1, r2)
///   r3 = new(node); setfield(r3, i0)          # garbage, same size as r1
///   r4 = new_array(5, ints); setarrayitem(r4, 1, i0)
///   i5 = getfield_i(r1); guard_value(i5, 12345)     [i0, r1, r2]  # id 1
///   r6 = getarrayitem_r(r2, 0); i7 = ptr_eq(r6, r1)
///   guard_true(i7)                                  [i0, r1, r2]  # id 2
///   setarrayitem(r2, 1, r3)                         # r3 lives on in r2
///   i8 = int_sub(i0, 1); i9 = int_gt(i8, 0)
///   guard_true(i9)                                  [i8, r1, r2, r3]  # id 3
///   jump(i8, r1, r2)
/// ```
fn allocating_loop() -> Trace {
    let mut b = B::new();
    let n = b.input(Type::Int);
    let r1 = b.op_d(New, &[], Descr::Size(&NODE)).unwrap();
    b.op_d(Setfield, &[v(r1), i(MAGIC)], Descr::Field(&VALUE));
    let r2 = b.op_d(NewArray, &[i(3)], Descr::Array(&REFS)).unwrap();
    b.op_d(Setarrayitem, &[v(r2), i(0), v(r1)], Descr::Array(&REFS));
    // The loop body refers to the label's copies, as after unrolling.
    let (n, r1, r2) = {
        let (ln, lr1, lr2) = (n, r1, r2);
        b.void(Label, &[v(ln), v(lr1), v(lr2)]);
        (ln, lr1, lr2)
    };
    let r3 = b.op_d(New, &[], Descr::Size(&NODE)).unwrap();
    b.op_d(Setfield, &[v(r3), v(n)], Descr::Field(&VALUE));
    let r4 = b.op_d(NewArray, &[i(5)], Descr::Array(&INTS)).unwrap();
    b.op_d(Setarrayitem, &[v(r4), i(1), v(n)], Descr::Array(&INTS));
    let i5 = b.op_d(GetfieldI, &[v(r1)], Descr::Field(&VALUE)).unwrap();
    b.guard(GuardValue, &[v(i5), i(MAGIC)], &[v(n), v(r1), v(r2)], 1);
    let r6 = b
        .op_d(GetarrayitemR, &[v(r2), i(0)], Descr::Array(&REFS))
        .unwrap();
    let i7 = b.op(PtrEq, &[v(r6), v(r1)]);
    b.guard(GuardTrue, &[v(i7)], &[v(n), v(r1), v(r2)], 2);
    b.op_d(Setarrayitem, &[v(r2), i(1), v(r3)], Descr::Array(&REFS));
    let i8 = b.op(IntSub, &[v(n), i(1)]);
    let i9 = b.op(IntGt, &[v(i8), i(0)]);
    b.guard(GuardTrue, &[v(i9)], &[v(i8), v(r1), v(r2), v(r3)], 3);
    b.void(Jump, &[v(i8), v(r1), v(r2)]);
    b.t
}

fn check_exit(exit: Exit) {
    let Exit::Guard { id, values } = exit else {
        panic!("finished: {exit:?}")
    };
    assert_eq!(id, 3, "a guard on the kept objects failed: {values:?}");
    let (r1, r2, r3) = (values[1] as usize, values[2] as usize, values[3] as usize);
    assert_eq!(values[0], 0);
    assert!(gc::is_live_object(r1) && gc::is_live_object(r2) && gc::is_live_object(r3));
    // SAFETY: the three are live objects (checked above) of these types.
    unsafe {
        assert_eq!(heap::type_id(r1), NODE.type_id);
        assert_eq!(heap::load(r1, VALUE.offset as i64, 8) as i64, MAGIC);
        assert_eq!(heap::load(r2, heap::item_offset(&REFS, 0), 8) as usize, r1);
        assert_eq!(heap::load(r2, heap::item_offset(&REFS, 1), 8) as usize, r3);
        // The last garbage node was made in the last iteration, with i0 = 1.
        assert_eq!(heap::load(r3, VALUE.offset as i64, 8), 1);
    }
}

fn run(backend: &dyn Backend, stress: bool, iterations: u64) {
    gc::register_type(NODE.type_id, TypeLayout::Fixed { refs: vec![] });
    gc::set_stress(stress);
    backend.compile_loop(0, &allocating_loop()).unwrap();
    let before = gc::stats().collections;
    let exit = backend.execute(0, &[iterations]);
    let collections = gc::stats().collections - before;
    gc::set_stress(false);
    check_exit(exit);
    assert!(collections > 0, "no collection ran");
}

#[test]
fn x64_keeps_objects_in_registers_alive() {
    run(&X64Backend::new(), false, 400_000);
}

#[test]
fn x64_keeps_objects_in_registers_alive_stress() {
    run(&X64Backend::new(), true, 3_000);
}

#[test]
fn interp_keeps_objects_alive() {
    run(&IrInterp::new(), false, 400_000);
}

#[test]
fn interp_keeps_objects_alive_stress() {
    run(&IrInterp::new(), true, 3_000);
}

/// Zero a stretch of stack below the caller, so that no stale copy of an
/// address lingers where the collector scans conservatively.
#[inline(never)]
fn clear_stack() {
    let mut area = [0usize; 4096];
    std::hint::black_box(&mut area);
}

/// A trace that embeds an object's address as a constant, and the handle
/// that roots it. The object is made in a frame that is gone before the
/// collections, and the caller reads its address back from the trace (in
/// Rust heap memory, which the collector does not scan) only afterwards.
#[inline(never)]
fn trace_with_constant() -> (Trace, gc::TraceConstants) {
    let obj = heap::alloc_object(&NODE);
    // SAFETY: `obj` was just allocated and is on the stack.
    unsafe { heap::store(obj, VALUE.offset as i64, 8, 777) };
    let mut b = B::new();
    let x = b.input(Type::Ref);
    b.guard(GuardValue, &[v(x), Arg::Ref(obj)], &[v(x)], 1);
    b.void(Finish, &[Arg::Ref(obj)]);
    let constants = gc::add_trace_constants(&b.t);
    (b.t, constants)
}

fn the_constant(trace: &Trace) -> usize {
    let Arg::Ref(obj) = trace.ops[1].args[0] else {
        unreachable!()
    };
    obj
}

/// Is the trace's constant a live object? Out of line, so its address is
/// only ever in a frame below the caller's.
#[inline(never)]
fn constant_is_live(trace: &Trace) -> bool {
    gc::is_live_object(the_constant(trace))
}

#[test]
fn trace_constants_are_roots() {
    let (trace, constants) = trace_with_constant();
    assert_eq!(constants.len(), 1);
    clear_stack();
    // Each allocation collects; freed cells are poisoned, then reused by
    // nodes of the same size holding 0.
    gc::set_stress(true);
    for k in 0..2000 {
        std::hint::black_box(heap::alloc_object(&NODE));
        std::hint::black_box(heap::alloc_array(&INTS, k % 4));
    }
    gc::set_stress(false);
    let obj = the_constant(&trace);
    assert!(gc::is_live_object(obj), "the constant was freed");
    // SAFETY: `obj` is live (checked above).
    assert_eq!(unsafe { heap::load(obj, VALUE.offset as i64, 8) }, 777);
    let x = X64Backend::new();
    x.compile_loop(0, &trace).unwrap();
    assert_eq!(
        x.execute(0, &[obj as u64]),
        Exit::Finish {
            values: vec![obj as u64]
        }
    );
}

/// When a loop is freed, dropping its constants' handle lets them go.
#[test]
fn dropping_the_handle_releases_the_constants() {
    let (trace, constants) = trace_with_constant();
    clear_stack();
    gc::collect();
    assert!(constant_is_live(&trace));
    drop(constants);
    clear_stack();
    gc::collect();
    assert!(!constant_is_live(&trace), "still alive without its handle");
}

// Constants are roots from the moment they are recorded: a collection while
// the trace is being recorded must not free an object whose address the
// trace holds and nothing else does any more.

/// A cell: header, value (int) at 8.
static CELL: SizeDescr = SizeDescr {
    name: "rec_cell",
    type_id: 2004,
    size: 16,
};

const CELL_VALUE: i64 = 7;

thread_local! {
    /// The program's constant (as a code object's constant table would hold
    /// it); `replace` swaps in an equal one while the loop is recorded. The
    /// plain mode uses another equal one, so that no stale copy of the
    /// first one's address is left on the stack by the plain mode.
    static TABLE: gc::Root = gc::Root::new(0);
    static PLAIN_TABLE: gc::Root = gc::Root::new(0);
    /// The address of the first constant, with its low bit set to hide it
    /// from the collector (thread-locals may lie at the top of the thread's
    /// stack, which it scans; odd words are never references), and whether
    /// it survived.
    static FIRST: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    static SURVIVED: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Out of line, so the first cell's address is in no frame of the test.
#[inline(never)]
fn fill_tables() {
    PLAIN_TABLE.with(|t| t.set(new_cell(CELL_VALUE)));
    let first = new_cell(CELL_VALUE);
    TABLE.with(|t| t.set(first));
    FIRST.set(first | 1);
    SURVIVED.set(None);
}

fn new_cell(value: i64) -> usize {
    let c = heap::alloc_object(&CELL);
    // SAFETY: `c` was just allocated and is on the stack.
    unsafe { heap::store(c, VALUE.offset as i64, 8, value as u64) };
    c
}

/// Called every iteration; the first time while recording (`jitted` is 1),
/// replace the table's cell with an equal one, so that only the trace being
/// recorded still refers to the first, collect, and fill the freed cells
/// with other values. Then see whether the first cell is intact.
extern "C" fn replace(jitted: i64) -> i64 {
    if jitted == 0 || SURVIVED.get().is_some() {
        return 0;
    }
    TABLE.with(|t| t.set(new_cell(CELL_VALUE)));
    gc::collect();
    let first = FIRST.get() & !1;
    let live = gc::is_live_object(first);
    for _ in 0..2_000 {
        std::hint::black_box(new_cell(1000));
    }
    // SAFETY: `first` is checked to be live before it is read.
    let intact = live && unsafe { heap::load(first, VALUE.offset as i64, 8) } == CELL_VALUE as u64;
    SURVIVED.set(Some(intact));
    0
}

/// pc 0: `acc += table.value`, the table's cell taken as a constant (from
/// `TABLE` when recording, `PLAIN_TABLE` otherwise);
/// pc 1: `replace(we_are_jitted)`, `n -= 1`, loop to pc 0 while `n != 0`.
struct ConstantLoop {
    replace: &'static metajit::ir::CallDescr,
}

metajit::reds! { struct Reds { n: Int, acc: Int } }

/// Out of line, so the constant's address stays in frames below the
/// dispatch loop's, which `clear_stack` wipes before `replace` runs.
#[inline(never)]
fn load_constant<M: metajit::Mode>(m: &mut M) -> M::Int {
    let table = if m.we_are_jitted() {
        &TABLE
    } else {
        &PLAIN_TABLE
    };
    let cell = m.const_ref(table.with(|t| t.get()));
    m.getfield_int(cell, &VALUE)
}

impl metajit::Interpreter for ConstantLoop {
    type G = u8;
    type Reds<M: metajit::Mode<G = u8>> = Reds<M>;
    type Error = metajit::Interrupted;

    fn dispatch<M: metajit::Mode<G = u8>>(
        &self,
        m: &mut M,
        g: u8,
        r: &mut Reds<M>,
    ) -> Result<metajit::Exit<u8, M>, metajit::Interrupted> {
        let mut pc = g;
        loop {
            if let Some(exit) = m.jit_merge_point(pc, r) {
                return Ok(exit);
            }
            if pc == 0 {
                let value = load_constant(m);
                r.acc = m.int_add(r.acc, value);
                pc = 1;
            } else {
                clear_stack();
                let jitted = m.we_are_jitted() as i64;
                let jitted = m.int(jitted);
                m.call(self.replace, &[metajit::Val::Int(jitted)]);
                let one = m.int(1);
                r.n = m.int_sub(r.n, one);
                if !m.is_true(r.n) {
                    return Ok(metajit::Exit::Return(metajit::Val::Int(r.acc)));
                }
                if let Some(exit) = m.can_enter_jit(0, r) {
                    return Ok(exit);
                }
                pc = 0;
            }
        }
    }
}

fn recorded_constants(backend: &str, stress: bool) {
    gc::register_type(CELL.type_id, TypeLayout::Fixed { refs: vec![] });
    let replace = Box::leak(Box::new(metajit::ir::CallDescr::of(
        "replace",
        replace as extern "C" fn(i64) -> i64,
        metajit::ir::Effects {
            kind: metajit::ir::EffectKind::CannotRaise,
            reads: Some(&[]),
            writes: Some(&[]),
        },
    )));
    fill_tables();
    clear_stack();
    let (params, _) = metajit::Params::parse(&format!("threshold=3,{backend}")).unwrap();
    let jit: metajit::Jit<u8> = metajit::Jit::new(params);
    gc::set_stress(stress);
    let n = 100;
    let result = jit.run(&ConstantLoop { replace }, 0, Reds { n, acc: 0 });
    gc::set_stress(false);
    assert_eq!(jit.stats().loops, 1, "{:?}", jit.stats().abort_reasons);
    assert_eq!(
        SURVIVED.get(),
        Some(true),
        "the recorded constant did not survive a collection during recording"
    );
    let Ok(metajit::Completion::Return(metajit::Val::Int(sum))) = result else {
        panic!("{result:?}")
    };
    assert_eq!(sum, n * CELL_VALUE);
}

#[test]
fn recorded_constants_are_roots_x64() {
    recorded_constants("", false);
}

#[test]
fn recorded_constants_are_roots_x64_stress() {
    recorded_constants("", true);
}

#[test]
fn recorded_constants_are_roots_interp() {
    recorded_constants("backend=interp", false);
}

#[test]
fn recorded_constants_are_roots_interp_stress() {
    recorded_constants("backend=interp", true);
}
