//! The garbage collector and compiled code: objects that only compiled code
//! holds (in registers or its frame's stack slots) survive the collections
//! its own `new` / `new_array` calls trigger, on the x86-64 backend and on
//! the IR interpreter, normally and in the stress mode; reference constants
//! of a compiled trace are roots.

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

/// A trace that embeds an object's address as a constant; the object is
/// made in a frame that is gone before the collection.
#[inline(never)]
fn trace_with_constant() -> Trace {
    let obj = heap::alloc_object(&NODE);
    // SAFETY: `obj` was just allocated and is on the stack.
    unsafe { heap::store(obj, VALUE.offset as i64, 8, 777) };
    let mut b = B::new();
    let x = b.input(Type::Ref);
    b.guard(GuardValue, &[v(x), Arg::Ref(obj)], &[v(x)], 1);
    b.void(Finish, &[Arg::Ref(obj)]);
    gc::add_trace_constants(&b.t);
    b.t
}

#[test]
fn trace_constants_are_roots() {
    gc::set_stress(true);
    let trace = trace_with_constant();
    let Arg::Ref(obj) = trace.ops[1].args[0] else {
        unreachable!()
    };
    for k in 0..2000 {
        std::hint::black_box(heap::alloc_object(&NODE));
        std::hint::black_box(heap::alloc_array(&INTS, k % 4));
    }
    gc::set_stress(false);
    assert!(gc::is_live_object(obj));
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
