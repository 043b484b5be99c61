//! Shared by the parser and optimizer tests: a namespace of descriptors, and
//! `check`, which runs a pass on a parsed trace and compares the printed
//! result with the expected text (parsed and printed again, so spacing in the
//! expectation does not matter).
#![allow(dead_code)]

use metajit::ir::parse::{parse, Namespace};
use metajit::ir::{ArrayDescr, CallDescr, EffectKind, Effects, FieldDescr, SizeDescr, Trace, Type};
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
pub extern "C" fn first(a: u64, _b: u64) -> u64 {
    a
}
pub extern "C" fn noop() -> u64 {
    0
}

/// Writes the `value` field (offset 8) of an object.
extern "C" fn set_value(obj: usize, v: i64) {
    // SAFETY: the traces that call this pass a live object with a value word.
    unsafe { metajit::heap::store(obj, 8, 8, v as u64) }
}

/// A call that may run the interpreter (`call_may_force_*`), for the text
/// form only: it takes a site number and a reference.
fn may_force(name: &'static str, ret: Type) -> CallDescr {
    CallDescr {
        name,
        func: noop as *const () as usize,
        args: &[Type::Int, Type::Ref],
        ret,
        effects: Effects {
            kind: EffectKind::ForcesFrames,
            writes: None,
        },
    }
}

fn leak(d: CallDescr) -> &'static CallDescr {
    Box::leak(Box::new(d))
}

pub fn ns() -> &'static Namespace {
    static NS: OnceLock<Namespace> = OnceLock::new();
    NS.get_or_init(|| {
        let elidable = Effects::ELIDABLE;
        let cannot_raise = Effects {
            kind: EffectKind::CannotRaise,
            writes: Some(&[]),
        };
        Namespace::new()
            .field(&VALUE)
            .field(&NEXT)
            .field(&FVAL)
            .array(&REGS)
            .array(&BYTES)
            .array(&REFS)
            .array(&FLOATS)
            .size(&NODE)
            .call(leak(CallDescr {
                name: "add_mul",
                func: add_mul as *const () as usize,
                args: &[Type::Int, Type::Int],
                ret: Type::Int,
                effects: elidable,
            }))
            .call(leak(CallDescr {
                name: "fsqrt",
                func: fsqrt as *const () as usize,
                args: &[Type::Float],
                ret: Type::Float,
                effects: elidable,
            }))
            .call(leak(CallDescr {
                name: "bump",
                func: bump as *const () as usize,
                args: &[Type::Int],
                ret: Type::Int,
                effects: cannot_raise,
            }))
            .call(leak(CallDescr {
                name: "first",
                func: first as *const () as usize,
                args: &[Type::Ref, Type::Ref],
                ret: Type::Ref,
                effects: elidable,
            }))
            .call(leak(CallDescr {
                name: "set_value",
                func: set_value as *const () as usize,
                args: &[Type::Ref, Type::Int],
                ret: Type::Void,
                effects: Effects {
                    kind: EffectKind::CannotRaise,
                    writes: Some(&["value"]),
                },
            }))
            .call(leak(CallDescr {
                name: "invariant",
                func: bump as *const () as usize,
                args: &[Type::Int],
                ret: Type::Int,
                effects: Effects {
                    kind: EffectKind::LoopInvariant,
                    writes: Some(&[]),
                },
            }))
            .call(leak(may_force("force_i", Type::Int)))
            .call(leak(may_force("force_r", Type::Ref)))
            .call(leak(may_force("force_f", Type::Float)))
            .call(leak(may_force("force_n", Type::Void)))
            .call(leak(CallDescr {
                name: "noop",
                func: noop as *const () as usize,
                args: &[],
                ret: Type::Void,
                effects: Effects::RANDOM,
            }))
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
        cfg => opt::optimize(t, &cfg.parse().unwrap()),
    };
    check_with(pass, input, expected);
}
