//! `METAJIT_CHECK=effects`: a helper that writes outside its effect summary
//! is caught (in the plain mode, the recorder and the IR interpreter), with
//! the helper and the field named; honest helpers pass, including ones that
//! allocate and collect; the check is off unless asked for, and the
//! variable's value is validated.

use metajit::abi::{self, check};
use metajit::backend::interp::IrInterp;
use metajit::backend::Backend;
use metajit::ir::{
    Arg, ArrayDescr, CallDescr, Descr, DescrRef, EffectKind, Effects, FieldDescr, Op, Opcode,
    SizeDescr, Trace, Type,
};
use metajit::{gc, heap, reds, Exit, Interpreter, Jit, Mode, Params, Val};
use std::panic::{catch_unwind, AssertUnwindSafe};

static NODE: SizeDescr = SizeDescr {
    name: "node",
    type_id: 41,
    size: 24,
};
static VALUE: FieldDescr = FieldDescr {
    name: "value",
    offset: 8,
    ty: Type::Int,
};
static NEXT: FieldDescr = FieldDescr {
    name: "next",
    offset: 16,
    ty: Type::Ref,
};
static INTS: ArrayDescr = ArrayDescr {
    name: "ints",
    type_id: 42,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};

const WRITES_VALUE: Effects = Effects {
    kind: EffectKind::CannotRaise,
    reads: Some(&[]),
    writes: Some(&[DescrRef::Field(&VALUE)]),
};

/// # Safety
///
/// `obj` is a live node.
unsafe extern "C" fn set_value(obj: usize, v: i64) {
    // SAFETY: the caller passes a live node.
    unsafe { heap::store(obj, VALUE.offset as i64, 8, v as u64) }
}
/// Says it writes `value`, writes `next`.
///
/// # Safety
///
/// `obj` is a live node.
unsafe extern "C" fn liar(obj: usize, v: i64) {
    // SAFETY: the caller passes a live node.
    unsafe { heap::store(obj, NEXT.offset as i64, 8, v as u64) }
}
/// Says it writes `value`, changes the object's type id.
///
/// # Safety
///
/// `obj` is a live node.
unsafe extern "C" fn retype(obj: usize, _v: i64) {
    // SAFETY: the caller passes a live node.
    unsafe { heap::store(obj, 0, 8, 99) }
}
/// # Safety
///
/// `arr` is a live `ints` array with more than `i` items.
unsafe extern "C" fn set_item(arr: usize, i: i64, v: i64) {
    // SAFETY: the caller passes a live `ints` array with item `i`.
    unsafe { heap::store(arr, heap::item_offset(&INTS, i), 8, v as u64) }
}
/// Declared elidable; writes item 2.
///
/// # Safety
///
/// `arr` is a live `ints` array with more than 2 items.
unsafe extern "C" fn sneaky_sum(arr: usize) -> i64 {
    // SAFETY: the caller passes a live `ints` array with item 2.
    unsafe { heap::store(arr, heap::item_offset(&INTS, 2), 8, 5) };
    1
}
/// Allocates (and collects), and fills its new objects: writes nothing
/// that existed before the call.
extern "C" fn fresh_chain(n: i64) -> usize {
    let mut head = 0;
    for k in 0..n {
        let node = heap::alloc_object(&NODE);
        // SAFETY: `node` was just allocated as a node.
        unsafe {
            heap::store(node, VALUE.offset as i64, 8, k as u64);
            heap::store(node, NEXT.offset as i64, 8, head as u64);
        }
        head = node;
        if k % 100 == 0 {
            gc::collect();
        }
    }
    head
}
/// May write anything, and does.
///
/// # Safety
///
/// `obj` is a live node.
unsafe extern "C" fn anything(obj: usize, v: i64) {
    // SAFETY: the caller passes a live node.
    unsafe {
        heap::store(obj, NEXT.offset as i64, 8, v as u64);
        heap::store(obj, 0, 8, 77)
    }
}

static SET_VALUE: CallDescr = CallDescr::of(
    "set_value",
    set_value as unsafe extern "C" fn(usize, i64),
    WRITES_VALUE,
);
static LIAR: CallDescr = CallDescr::of(
    "liar",
    liar as unsafe extern "C" fn(usize, i64),
    WRITES_VALUE,
);
static RETYPE: CallDescr = CallDescr::of(
    "retype",
    retype as unsafe extern "C" fn(usize, i64),
    WRITES_VALUE,
);
static SET_ITEM: CallDescr = CallDescr::of(
    "set_item",
    set_item as unsafe extern "C" fn(usize, i64, i64),
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[DescrRef::Array(&INTS)]),
    },
);
static SNEAKY_SUM: CallDescr = CallDescr::of(
    "sneaky_sum",
    sneaky_sum as unsafe extern "C" fn(usize) -> i64,
    Effects::ELIDABLE,
);
static FRESH_CHAIN: CallDescr = CallDescr::of(
    "fresh_chain",
    fresh_chain as extern "C" fn(i64) -> usize,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);
static ANYTHING: CallDescr = CallDescr::of(
    "anything",
    anything as unsafe extern "C" fn(usize, i64),
    Effects::RANDOM,
);

/// Run `f`; the message it panicked with (`None` if it did not).
fn panic_message(f: impl FnOnce()) -> Option<String> {
    let e = catch_unwind(AssertUnwindSafe(f)).err()?;
    Some(
        e.downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default(),
    )
}

fn plain() -> Jit<u8> {
    Jit::new(Params::default())
}

/// Garbage: nodes nothing refers to, for a collection during a checked
/// call to free (the checker must keep them, or their cells, reused by the
/// helper's allocations, would look written).
#[inline(never)]
fn litter() {
    let mut prev = 0;
    for k in 0..2000u64 {
        let node = heap::alloc_object(&NODE);
        // SAFETY: `node` was just allocated as a node.
        unsafe {
            heap::store(node, VALUE.offset as i64, 8, k + 1);
            heap::store(node, NEXT.offset as i64, 8, prev as u64);
        }
        prev = if k % 50 == 0 { 0 } else { node };
    }
    std::hint::black_box(());
}

#[test]
fn honest_helpers_pass() {
    check::set_effect_checking(true);
    litter();
    let jit = plain();
    let mut m = jit.plain();
    let node = m.new_object(&NODE);
    let other = m.new_object(&NODE);
    let ints = m.new_array(&INTS, 4);
    m.call(&SET_VALUE, &[Val::Ref(node), Val::Int(7)]);
    m.call(&SET_ITEM, &[Val::Ref(ints), Val::Int(3), Val::Int(9)]);
    let Val::Ref(chain) = m.call(&FRESH_CHAIN, &[Val::Int(1000)]) else {
        panic!()
    };
    m.call(&ANYTHING, &[Val::Ref(other), Val::Int(1)]);
    assert_eq!(m.getfield_int(node, &VALUE), 7);
    assert_eq!(m.getarrayitem_int(ints, &INTS, 3), 9);
    assert_eq!(m.getfield_int(chain, &VALUE), 999);
    // SAFETY: `other` is a live object (on the stack).
    assert_eq!(unsafe { heap::type_id(other) }, 77);
}

#[test]
fn a_helper_that_writes_a_field_outside_its_summary_is_caught() {
    check::set_effect_checking(true);
    let jit = plain();
    let mut m = jit.plain();
    let node = m.new_object(&NODE);
    // Nothing has named `next` to the checker yet: the offset is reported.
    let msg = panic_message(|| {
        m.call(&LIAR, &[Val::Ref(node), Val::Int(3)]);
    })
    .expect("the lie is caught");
    assert!(
        msg.starts_with("METAJIT_CHECK=effects: helper `liar` wrote outside its effect summary (writes: [value]):"),
        "{msg}"
    );
    assert!(
        msg.contains(&format!(
            "the word at offset 16 (no descriptor the checker knows names it) of object {node:#x} (type id 41): 0x0 -> 0x3"
        )),
        "{msg}"
    );
    // Once a summary (or `name_descriptors`) has named it, so is the field.
    check::name_descriptors(&[DescrRef::Field(&NEXT)]);
    let msg = panic_message(|| {
        m.call(&LIAR, &[Val::Ref(node), Val::Int(4)]);
    })
    .expect("the lie is caught");
    assert!(
        msg.contains(&format!(
            "field `next` (offset 16) of object {node:#x} (type id 41): 0x3 -> 0x4"
        )),
        "{msg}"
    );
    let msg = panic_message(|| {
        m.call(&RETYPE, &[Val::Ref(node), Val::Int(0)]);
    })
    .expect("the lie is caught");
    assert!(
        msg.contains("helper `retype`") && msg.contains("the header (type id) of object"),
        "{msg}"
    );
}

#[test]
fn an_elidable_helper_that_writes_an_array_is_caught() {
    check::set_effect_checking(true);
    check::name_descriptors(&[DescrRef::Array(&INTS)]);
    let jit = plain();
    let mut m = jit.plain();
    let ints = m.new_array(&INTS, 4);
    let msg = panic_message(|| {
        m.call(&SNEAKY_SUM, &[Val::Ref(ints)]);
    })
    .expect("the lie is caught");
    assert!(
        msg.contains("helper `sneaky_sum` wrote outside its effect summary (writes: [])")
            && msg.contains(&format!(
                "item 2 of array `ints` of object {ints:#x} (type id 42): 0x0 -> 0x5"
            )),
        "{msg}"
    );
}

#[test]
fn calls_from_the_ir_interpreter_are_checked() {
    check::set_effect_checking(true);
    let node = heap::alloc_object(&NODE);
    let mut t = Trace::default();
    let r0 = t.new_var(Type::Ref);
    t.inputs.push(r0);
    for d in [&SET_VALUE, &LIAR] {
        let mut op = Op::new(Opcode::CallN, vec![Arg::Var(r0), Arg::Int(5)]);
        op.descr = Descr::Call(d);
        t.push(op);
    }
    t.push(Op::new(Opcode::Finish, vec![]));
    let ir = IrInterp::new();
    ir.compile_loop(0, &t).unwrap();
    let msg = panic_message(|| {
        ir.execute(0, &[node as u64]);
    })
    .expect("the lie is caught");
    assert!(msg.contains("helper `liar`"), "{msg}");
    // The honest call before it ran.
    // SAFETY: `node` is a live node (on the stack).
    assert_eq!(unsafe { heap::load(node, VALUE.offset as i64, 8) }, 5);
}

reds! { struct Reds { n: Int, node: Ref } }

/// Calls `liar` only while recording, so the plain mode runs clean and the
/// recorder makes the lying call.
struct LiesWhenTraced;

impl Interpreter for LiesWhenTraced {
    type G = u8;
    type Reds<M: Mode<G = u8>> = Reds<M>;
    type Error = metajit::Interrupted;

    fn dispatch<M: Mode<G = u8>>(
        &self,
        m: &mut M,
        g: u8,
        r: &mut Reds<M>,
    ) -> Result<Exit<u8, M>, metajit::Interrupted> {
        loop {
            if let Some(exit) = m.jit_merge_point(g, r) {
                return Ok(exit);
            }
            let d = if m.we_are_jitted() { &LIAR } else { &SET_VALUE };
            m.call(d, &[Val::Ref(r.node), Val::Int(r.n)]);
            let one = m.int(1);
            r.n = m.int_sub(r.n, one);
            if !m.is_true(r.n) {
                return Ok(Exit::Return(Val::Int(r.n)));
            }
            if let Some(exit) = m.can_enter_jit(g, r) {
                return Ok(exit);
            }
        }
    }
}

#[test]
fn calls_from_the_recorder_are_checked() {
    check::set_effect_checking(true);
    let (params, _) = Params::parse("threshold=3,backend=interp").unwrap();
    let jit: Jit<u8> = Jit::new(params);
    let node = jit.plain().new_object(&NODE);
    let msg = panic_message(|| {
        let _ = jit.run(&LiesWhenTraced, 0, Reds { n: 50, node });
    })
    .expect("the lie is caught while recording");
    assert!(msg.contains("helper `liar`"), "{msg}");
}

#[test]
fn with_the_check_off_nothing_is_checked() {
    check::set_effect_checking(false);
    let node = heap::alloc_object(&NODE);
    // SAFETY: `node` is a live node.
    unsafe { abi::invoke(&LIAR, &[node as u64, 8]) };
    // SAFETY: `node` is a live node (on the stack).
    assert_eq!(unsafe { heap::load(node, NEXT.offset as i64, 8) }, 8);
}

#[test]
fn settings_are_validated() {
    assert_eq!(check::parse_check_setting(""), Ok(false));
    assert_eq!(check::parse_check_setting("effects"), Ok(true));
    assert_eq!(check::parse_check_setting(" effects , "), Ok(true));
    assert_eq!(
        check::parse_check_setting("effects,efects"),
        Err("unknown check 'efects' (accepted: effects)".into())
    );
}

/// Run as a child process by `the_variable_decides`: report `check_env`
/// and whether a lying call is caught.
#[test]
fn child_under_environment() {
    if std::env::var_os("ABI_CHECK_CHILD").is_none() {
        return;
    }
    println!("check_env: {:?}", check::check_env());
    println!("effects_on: {}", check::effects_on());
    let node = heap::alloc_object(&NODE);
    let caught = panic_message(|| {
        // SAFETY: `node` is a live node.
        unsafe { abi::invoke(&LIAR, &[node as u64, 8]) };
    });
    println!("caught: {}", caught.is_some());
}

fn child(value: Option<&str>) -> String {
    let mut cmd = std::process::Command::new(std::env::current_exe().unwrap());
    cmd.args(["child_under_environment", "--exact", "--nocapture"])
        .env("ABI_CHECK_CHILD", "1");
    match value {
        Some(v) => cmd.env("METAJIT_CHECK", v),
        None => cmd.env_remove("METAJIT_CHECK"),
    };
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_variable_decides_and_the_check_is_off_by_default() {
    let unset = child(None);
    assert!(unset.contains("check_env: Ok(())"), "{unset}");
    assert!(unset.contains("effects_on: false"), "{unset}");
    assert!(unset.contains("caught: false"), "{unset}");

    let on = child(Some("effects"));
    assert!(on.contains("check_env: Ok(())"), "{on}");
    assert!(on.contains("effects_on: true"), "{on}");
    assert!(on.contains("caught: true"), "{on}");

    let bad = child(Some("effect"));
    assert!(
        bad.contains(
            "check_env: Err(\"METAJIT_CHECK: unknown check 'effect' (accepted: effects)\")"
        ),
        "{bad}"
    );
    assert!(bad.contains("effects_on: false"), "{bad}");
    assert!(bad.contains("caught: false"), "{bad}");
}
