//! The typed helper ABI: descriptors derived from Rust signatures, calls of
//! any mix of int, reference and float arguments the SysV ABI passes in
//! registers (through `abi::invoke`, the plain mode, the recorder and both
//! backends), and a plain-mode call that allocates nothing.

use metajit::abi::{self, HelperFn};
use metajit::ir::{CallDescr, EffectKind, Effects, FieldDescr, SizeDescr, Type};
use metajit::{reds, Exit, Interpreter, Jit, Mode, Params, Val};
use std::cell::Cell;

mod counting;

use counting::allocations;

// ---- helpers -------------------------------------------------------------

/// Six integer-class and eight float arguments, interleaved: every
/// argument register of the SysV ABI. Each argument is weighted by its
/// position, so a misplaced one changes the result.
#[allow(clippy::too_many_arguments)]
extern "C" fn all_registers(
    a: i64,
    x0: f64,
    r: usize,
    x1: f64,
    x2: f64,
    b: u64,
    x3: f64,
    c: i64,
    x4: f64,
    x5: f64,
    d: i64,
    x6: f64,
    e: usize,
    x7: f64,
) -> f64 {
    let ints = [a, r as i64, b as i64, c, d, e as i64];
    let floats = [x0, x1, x2, x3, x4, x5, x6, x7];
    let mut s = 0.0;
    for (k, v) in ints.iter().enumerate() {
        s += (*v as f64) * (k + 1) as f64;
    }
    for (k, v) in floats.iter().enumerate() {
        s += v * (100 * (k + 1)) as f64;
    }
    s
}

extern "C" fn float_then_int(x: f64, n: i64) -> i64 {
    (x * 10.0) as i64 - n
}

extern "C" fn ref_float(r: usize, x: f64) -> usize {
    r + (x as usize)
}

extern "C" fn constant() -> f64 {
    2.5
}

thread_local! {
    static SEEN: Cell<f64> = const { Cell::new(0.0) };
}

extern "C" fn record(x: f64, n: u64) {
    SEEN.with(|s| s.set(x + n as f64));
}

static ALL: CallDescr = CallDescr::of(
    "all_registers",
    all_registers
        as extern "C" fn(
            i64,
            f64,
            usize,
            f64,
            f64,
            u64,
            f64,
            i64,
            f64,
            f64,
            i64,
            f64,
            usize,
            f64,
        ) -> f64,
    Effects::ELIDABLE,
);
static FLOAT_THEN_INT: CallDescr = CallDescr::of(
    "float_then_int",
    float_then_int as extern "C" fn(f64, i64) -> i64,
    Effects::ELIDABLE,
);
static REF_FLOAT: CallDescr = CallDescr::of(
    "ref_float",
    ref_float as extern "C" fn(usize, f64) -> usize,
    Effects::ELIDABLE,
);
static CONSTANT: CallDescr = CallDescr::of(
    "constant",
    constant as extern "C" fn() -> f64,
    Effects::ELIDABLE,
);
static RECORD: CallDescr = CallDescr::of(
    "record",
    record as extern "C" fn(f64, u64),
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);

fn w(x: f64) -> u64 {
    x.to_bits()
}

#[test]
fn descriptor_types_come_from_the_signature() {
    use Type::*;
    assert_eq!(
        ALL.args(),
        &[Int, Float, Ref, Float, Float, Int, Float, Int, Float, Float, Int, Float, Ref, Float]
    );
    assert_eq!(ALL.ret(), Float);
    assert_eq!(FLOAT_THEN_INT.args(), &[Float, Int]);
    assert_eq!(FLOAT_THEN_INT.ret(), Int);
    assert_eq!(REF_FLOAT.ret(), Ref);
    assert_eq!(CONSTANT.args(), &[] as &[Type]);
    assert_eq!(RECORD.ret(), Void);
    assert_eq!(RECORD.name(), "record");
    assert_eq!(
        <unsafe extern "C" fn(usize, i64) -> u64 as HelperFn>::ARGS,
        &[Ref, Int]
    );
    assert_eq!(ALL.addr(), all_registers as *const () as usize);
}

#[test]
fn invoke_calls_any_register_mix() {
    let args = [
        3,
        w(0.5),
        1000,
        w(-1.25),
        w(2.0),
        7,
        w(1e3),
        (-4i64) as u64,
        w(0.125),
        w(-8.0),
        11,
        w(3.5),
        12,
        w(-0.75),
    ];
    let want = all_registers(
        3, 0.5, 1000, -1.25, 2.0, 7, 1e3, -4, 0.125, -8.0, 11, 3.5, 12, -0.75,
    );
    // SAFETY: the helpers dereference nothing.
    unsafe {
        assert_eq!(f64::from_bits(abi::invoke(&ALL, &args)), want);
        assert_eq!(
            abi::invoke(&FLOAT_THEN_INT, &[w(4.25), 2]) as i64,
            float_then_int(4.25, 2)
        );
        assert_eq!(abi::invoke(&REF_FLOAT, &[4096, w(16.0)]), 4112);
        assert_eq!(f64::from_bits(abi::invoke(&CONSTANT, &[])), 2.5);
        assert_eq!(abi::invoke(&RECORD, &[w(1.5), 2]), 0);
    }
    assert_eq!(SEEN.with(Cell::get), 3.5);
}

#[test]
#[should_panic(expected = "wrong argument count for helper float_then_int")]
fn invoke_refuses_a_wrong_argument_count() {
    // SAFETY: refused before any call.
    unsafe { abi::invoke(&FLOAT_THEN_INT, &[1]) };
}

#[test]
fn the_plain_mode_calls_mixes_without_allocating() {
    abi::check::set_effect_checking(false);
    let jit: Jit<u8> = Jit::new(Params::default());
    let mut m = jit.plain();
    let args = [
        Val::Int(3),
        Val::Float(0.5),
        Val::Ref(1000),
        Val::Float(-1.25),
        Val::Float(2.0),
        Val::Int(7),
        Val::Float(1e3),
        Val::Int(-4),
        Val::Float(0.125),
        Val::Float(-8.0),
        Val::Int(11),
        Val::Float(3.5),
        Val::Ref(12),
        Val::Float(-0.75),
    ];
    let want = all_registers(
        3, 0.5, 1000, -1.25, 2.0, 7, 1e3, -4, 0.125, -8.0, 11, 3.5, 12, -0.75,
    );
    let before = allocations();
    let mut results = [0.0; 100];
    for r in results.iter_mut() {
        let Val::Float(x) = m.call(&ALL, &args) else {
            panic!("all_registers returns a float")
        };
        *r = x;
        m.call(&RECORD, &[Val::Float(x), Val::Int(1)]);
    }
    let Val::Int(n) = m.call(&FLOAT_THEN_INT, &[Val::Float(1.0), Val::Int(3)]) else {
        panic!()
    };
    let after = allocations();
    assert_eq!(after - before, 0, "Plain::call allocated");
    assert!(results.iter().all(|&r| r == want));
    assert_eq!(n, 7);
    assert_eq!(SEEN.with(Cell::get), want + 1.0);
}

// ---- through the recorder and both backends ---------------------------

static CELL: SizeDescr = SizeDescr {
    name: "cell",
    type_id: 31,
    size: 16,
};
static CELL_VALUE: FieldDescr = FieldDescr {
    name: "cell.value",
    offset: 8,
    ty: Type::Float,
};

/// Reads the cell's float and mixes it with an int, a float and a ref.
///
/// # Safety
///
/// `cell` is a live `CELL` object.
unsafe extern "C" fn step(n: i64, acc: f64, cell: usize, scale: f64) -> f64 {
    // SAFETY: the caller passes a live cell.
    let v = f64::from_bits(unsafe { metajit::heap::load(cell, CELL_VALUE.offset as i64, 8) });
    acc * 0.5 + n as f64 * scale + v
}

/// Float first, then a ref and an int: returns a ref.
extern "C" fn pick(x: f64, r: usize, n: i64) -> usize {
    if x > n as f64 {
        r
    } else {
        0
    }
}

static STEP: CallDescr = CallDescr::of(
    "step",
    step as unsafe extern "C" fn(i64, f64, usize, f64) -> f64,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: None,
        writes: Some(&[]),
    },
);
static PICK: CallDescr = CallDescr::of(
    "pick",
    pick as extern "C" fn(f64, usize, i64) -> usize,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);

reds! { struct Reds { n: Int, acc: Float, cell: Ref, hits: Int } }

/// One instruction: `acc = step(n, acc, cell, 0.25)`; count `pick` hits;
/// `n -= 1`; loop while `n != 0`.
struct Loop;

impl Interpreter for Loop {
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
            let scale = m.float(0.25);
            let Val::Float(acc) = m.call(
                &STEP,
                &[
                    Val::Int(r.n),
                    Val::Float(r.acc),
                    Val::Ref(r.cell),
                    Val::Float(scale),
                ],
            ) else {
                unreachable!()
            };
            r.acc = acc;
            let Val::Ref(p) = m.call(&PICK, &[Val::Float(acc), Val::Ref(r.cell), Val::Int(r.n)])
            else {
                unreachable!()
            };
            if !m.is_null(p) {
                let one = m.int(1);
                r.hits = m.int_add(r.hits, one);
            }
            let one = m.int(1);
            r.n = m.int_sub(r.n, one);
            if !m.is_true(r.n) {
                let hits = m.int_to_float(r.hits);
                let total = m.float_binary(metajit::ir::Opcode::FloatAdd, r.acc, hits);
                return Ok(Exit::Return(Val::Float(total)));
            }
            if let Some(exit) = m.can_enter_jit(g, r) {
                return Ok(exit);
            }
        }
    }
}

fn run_loop(jit: &str) -> (f64, metajit::Stats) {
    let (params, _) = Params::parse(jit).unwrap();
    let jit: Jit<u8> = Jit::new(params);
    let mut m = jit.plain();
    let cell = m.new_object(&CELL);
    m.setfield(cell, &CELL_VALUE, Val::Float(1.5));
    let reds = Reds {
        n: 200,
        acc: 0.0,
        cell,
        hits: 0,
    };
    let Some(Val::Float(x)) = jit.run(&Loop, 0, reds).unwrap().returned() else {
        panic!()
    };
    (x, jit.stats())
}

#[test]
fn mixed_helpers_agree_in_every_mode_and_backend() {
    let (plain, _) = run_loop("off");
    let (ir, stats) = run_loop("threshold=3,backend=interp");
    assert_eq!(stats.loops, 1, "{:?}", stats.abort_reasons);
    assert_eq!(ir.to_bits(), plain.to_bits());
    #[cfg(target_arch = "x86_64")]
    {
        let (x64, stats) = run_loop("threshold=3,backend=x64");
        assert_eq!(stats.loops, 1, "{:?}", stats.abort_reasons);
        assert_eq!(x64.to_bits(), plain.to_bits());
    }
}
