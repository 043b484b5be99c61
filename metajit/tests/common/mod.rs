//! Shared by the parser and optimizer tests: a namespace of descriptors, and
//! `check`, which runs a pass on a parsed trace and compares the printed
//! result with the expected text (parsed and printed again, so spacing in the
//! expectation does not matter).
#![allow(dead_code)]

use metajit::ir::parse::{parse, Namespace};
use metajit::ir::{
    ArrayDescr, CallDescr, DescrRef, EffectKind, Effects, FieldDescr, SizeDescr, Trace, Type,
};
use std::sync::OnceLock;

pub static VALUE: FieldDescr = FieldDescr {
    name: "value",
    offset: 8,
    ty: Type::Int,
};
pub static NEXT: FieldDescr = FieldDescr {
    name: "next",
    offset: 16,
    ty: Type::Ref,
};
pub static FVAL: FieldDescr = FieldDescr {
    name: "fval",
    offset: 24,
    ty: Type::Float,
};
pub static REGS: ArrayDescr = ArrayDescr {
    name: "regs",
    type_id: 3,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};
pub static BYTES: ArrayDescr = ArrayDescr {
    name: "bytes",
    type_id: 4,
    len_offset: 8,
    items_offset: 16,
    item_size: 1,
    item: Type::Int,
};
pub static REFS: ArrayDescr = ArrayDescr {
    name: "refs",
    type_id: 5,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};
pub static FLOATS: ArrayDescr = ArrayDescr {
    name: "floats",
    type_id: 6,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Float,
};
pub static NODE: SizeDescr = SizeDescr {
    name: "node",
    type_id: 7,
    size: 32,
};

pub extern "C" fn add_mul(a: u64, b: u64) -> u64 {
    (a as i64).wrapping_add(b as i64).wrapping_mul(10) as u64
}
pub extern "C" fn fsqrt(x: f64) -> f64 {
    x.sqrt()
}
pub extern "C" fn bump(a: u64) -> u64 {
    a.wrapping_add(1)
}
pub extern "C" fn first(a: usize, _b: usize) -> usize {
    a
}
pub extern "C" fn noop() {}

/// Writes the `value` field (offset 8) of an object.
///
/// # Safety
///
/// `obj` is a live object with a `value` field.
pub unsafe extern "C" fn set_value(obj: usize, v: i64) {
    // SAFETY: the caller passes a live object with a value word.
    unsafe { metajit::heap::store(obj, 8, 8, v as u64) }
}

pub static ADD_MUL: CallDescr = CallDescr::of(
    "add_mul",
    add_mul as extern "C" fn(u64, u64) -> u64,
    Effects::ELIDABLE,
);
pub static FSQRT: CallDescr = CallDescr::of(
    "fsqrt",
    fsqrt as extern "C" fn(f64) -> f64,
    Effects::ELIDABLE,
);
pub static BUMP: CallDescr = CallDescr::of(
    "bump",
    bump as extern "C" fn(u64) -> u64,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);
pub static FIRST: CallDescr = CallDescr::of(
    "first",
    first as extern "C" fn(usize, usize) -> usize,
    Effects::ELIDABLE,
);
pub static SET_VALUE: CallDescr = CallDescr::of(
    "set_value",
    set_value as unsafe extern "C" fn(usize, i64),
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[DescrRef::Field(&VALUE)]),
    },
);
/// Writes item `i` of a `regs` array.
///
/// # Safety
///
/// `arr` is a live `regs` array with more than `i` items.
pub unsafe extern "C" fn set_reg(arr: usize, i: i64, v: i64) {
    // SAFETY: the caller passes a live `regs` array with item `i`.
    unsafe { metajit::heap::store(arr, metajit::heap::item_offset(&REGS, i), 8, v as u64) }
}

pub static SET_REG: CallDescr = CallDescr::of(
    "set_reg",
    set_reg as unsafe extern "C" fn(usize, i64, i64),
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[DescrRef::Array(&REGS)]),
    },
);
/// Reads item `i` of a `regs` array.
///
/// # Safety
///
/// `arr` is a live `regs` array with more than `i` items.
pub unsafe extern "C" fn get_reg(arr: usize, i: i64) -> i64 {
    // SAFETY: the caller passes a live `regs` array with item `i`.
    unsafe { metajit::heap::load(arr, metajit::heap::item_offset(&REGS, i), 8) as i64 }
}

/// A call whose summary says it reads `regs` items and writes nothing.
pub static GET_REG: CallDescr = CallDescr::of(
    "get_reg",
    get_reg as unsafe extern "C" fn(usize, i64) -> i64,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[DescrRef::Array(&REGS)]),
        writes: Some(&[]),
    },
);
/// `bump`, as a loop-invariant call.
pub static INVARIANT: CallDescr = CallDescr::of(
    "invariant",
    bump as extern "C" fn(u64) -> u64,
    Effects {
        kind: EffectKind::LoopInvariant,
        reads: None,
        writes: Some(&[]),
    },
);
/// Calls that may run the interpreter (`call_may_force_*`), for the text
/// form only: they take a site number and a reference.
extern "C" fn force_i(_site: i64, _r: usize) -> i64 {
    0
}
extern "C" fn force_r(_site: i64, _r: usize) -> usize {
    0
}
extern "C" fn force_f(_site: i64, _r: usize) -> f64 {
    0.0
}
extern "C" fn force_n(_site: i64, _r: usize) {}

const FORCES: Effects = Effects {
    kind: EffectKind::ForcesFrames,
    reads: None,
    writes: None,
};
pub static FORCE_I: CallDescr = CallDescr::of(
    "force_i",
    force_i as extern "C" fn(i64, usize) -> i64,
    FORCES,
);
pub static FORCE_R: CallDescr = CallDescr::of(
    "force_r",
    force_r as extern "C" fn(i64, usize) -> usize,
    FORCES,
);
pub static FORCE_F: CallDescr = CallDescr::of(
    "force_f",
    force_f as extern "C" fn(i64, usize) -> f64,
    FORCES,
);
pub static FORCE_N: CallDescr =
    CallDescr::of("force_n", force_n as extern "C" fn(i64, usize), FORCES);
pub static NOOP: CallDescr = CallDescr::of("noop", noop as extern "C" fn(), Effects::RANDOM);

pub fn ns() -> &'static Namespace {
    static NS: OnceLock<Namespace> = OnceLock::new();
    NS.get_or_init(|| {
        Namespace::new()
            .field(&VALUE)
            .field(&NEXT)
            .field(&FVAL)
            .array(&REGS)
            .array(&BYTES)
            .array(&REFS)
            .array(&FLOATS)
            .size(&NODE)
            .call(&ADD_MUL)
            .call(&FSQRT)
            .call(&BUMP)
            .call(&FIRST)
            .call(&SET_VALUE)
            .call(&SET_REG)
            .call(&GET_REG)
            .call(&INVARIANT)
            .call(&FORCE_I)
            .call(&FORCE_R)
            .call(&FORCE_F)
            .call(&FORCE_N)
            .call(&NOOP)
    })
}

pub fn p(text: &str) -> Trace {
    parse(text, ns()).unwrap_or_else(|e| panic!("{e}\nin:\n{text}"))
}

/// Parse and print again: the canonical form of a trace text.
pub fn canon(text: &str) -> String {
    p(text).to_string()
}

/// Run `pass` on `input` and compare with `expected`.
pub fn check_with(pass: impl Fn(&Trace) -> Trace, input: &str, expected: &str) {
    let t = p(input);
    let out = pass(&t);
    if let Err(e) = metajit::opt::verify(&out) {
        panic!("ill-formed output: {e}\n{out}");
    }
    let got = out.to_string();
    let want = canon(expected);
    assert_eq!(
        got,
        want,
        "\n--- input:\n{}\n--- got:\n{got}\n--- expected:\n{want}",
        canon(input)
    );
}

/// Run the pass called `name` (or `all`, the whole default pipeline).
pub fn check(name: &str, input: &str, expected: &str) {
    use metajit::opt;
    let pass = |t: &Trace| match name {
        "fold" => opt::fold::run(t),
        "guards" => opt::guards::run(t),
        "dce" => opt::dce::run(t),
        "heap" => opt::heap::run(t),
        "intbounds" => opt::intbounds::run(t),
        cfg => opt::optimize(t, &cfg.parse().unwrap()),
    };
    check_with(pass, input, expected);
}
