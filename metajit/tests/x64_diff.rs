//! Differential test of the x86-64 backend against the IR interpreter.
//!
//! A small generator writes random well-typed looping traces (integer,
//! float, heap, call and guard operations; a counter that makes every loop
//! end through a guard), runs each on `IrInterp` and on `X64Backend` from
//! the same heap state, and requires the same exit (guard id and values, or
//! finish values) and the same heap contents afterwards. Then it attaches a
//! random bridge to the guard that failed, on both, and runs again, a few
//! rounds deep. Half the loops pass their loop-carried values back
//! permuted (swaps, rotations), with now and then one passed twice, a
//! constant, or a value of the body in a slot: the back edge's parallel
//! moves, and values computed in the register of the one they replace.
//! Floats are compared with NaN payloads canonicalized (the
//! interpreter is compiled Rust: LLVM may commute an `addsd`, which changes
//! which NaN comes out), references by identity with the test's own objects
//! (fresh allocations are at different addresses in the two runs).
//!
//! The second test runs the optimizer's loop peeling on such loops, whose
//! jumps pass inputs back permuted, duplicated, or as values computed from
//! the loop's invariants, and requires the peeled loop, run from its start
//! and entered at its label through its short preamble with inputs that
//! the loop would never relate so, to end as the unoptimized loop does
//! (with the failing guard's pending stores done, as resuming does them:
//! lazy stores, `opt/heap.rs`, leave the body's stores in resume data).
//!
//! The third writes loops in the recorder's shape for a virtualizable frame
//! (items kept in IR values, listed in guards' resume data until stored,
//! stored before calls that read the frame and before the jump), peels
//! them, which keeps the items in registers across the loop, and requires
//! each to leave through the same guard with the same frame once the
//! guard's virtual items are written back, as resuming does.

mod rng;
use rng::Rng;
mod x64common;
use metajit::backend::interp::IrInterp;
use metajit::backend::x64::X64Backend;
use metajit::backend::{Backend, Exit};
use metajit::heap;
use metajit::ir::{
    Arg, ArrayDescr, CallDescr, Descr, DescrRef, EffectKind, Effects, FieldDescr, Opcode,
    Opcode::*, SizeDescr, Type, Var,
};
use std::collections::HashMap;
use x64common::*;

// ---- the test's heap types and helpers -----------------------------------

static INTS: ArrayDescr = ArrayDescr {
    name: "ints",
    type_id: 11,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};
static BYTES: ArrayDescr = ArrayDescr {
    name: "bytes",
    type_id: 12,
    len_offset: 8,
    items_offset: 16,
    item_size: 1,
    item: Type::Int,
};
static FLOATS: ArrayDescr = ArrayDescr {
    name: "floats",
    type_id: 13,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Float,
};
/// The frame of the virtualizable loops (`peeled_frame_loops_agree`): only
/// those loops touch it.
static FRAME: ArrayDescr = ArrayDescr {
    name: "frame",
    type_id: 14,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};
static OBJ: SizeDescr = SizeDescr {
    name: "obj",
    type_id: 21,
    size: 32,
};
static OBJ_I: FieldDescr = FieldDescr {
    name: "obj.i",
    offset: 8,
    ty: Type::Int,
};
static OBJ_F: FieldDescr = FieldDescr {
    name: "obj.f",
    offset: 16,
    ty: Type::Float,
};
static OBJ_R: FieldDescr = FieldDescr {
    name: "obj.r",
    offset: 24,
    ty: Type::Ref,
};

const INTS_LEN: usize = 8;
const BYTES_LEN: usize = 16;
const FLOATS_LEN: usize = 8;
const FRAME_LEN: usize = 6;

extern "C" fn h0() -> i64 {
    42
}
extern "C" fn h2(a: i64, b: i64) -> i64 {
    a.wrapping_mul(31) ^ b
}
extern "C" fn h6(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64) -> i64 {
    a.wrapping_add(b.wrapping_mul(2))
        .wrapping_add(c.wrapping_mul(3))
        .wrapping_add(d.wrapping_mul(5))
        .wrapping_add(e.wrapping_mul(7))
        .wrapping_add(f.wrapping_mul(11))
}
extern "C" fn hf1(x: f64) -> f64 {
    x * 0.5 + 1.0
}
extern "C" fn hf2(x: f64, y: f64) -> f64 {
    x * 3.0 - y
}
extern "C" fn hif(x: i64) -> f64 {
    x as f64 / 3.0
}
/// Writes the heap: `ints[i & 7] = v`.
///
/// # Safety
///
/// `arr` is a live array of `INTS`, with at least 8 items.
unsafe extern "C" fn hset(arr: usize, i: i64, v: i64) -> i64 {
    // SAFETY: the caller passes the live `ints` array (8 items).
    unsafe { heap::store(arr, heap::item_offset(&INTS, i & 7), 8, v as u64) };
    v
}

/// Float bits with NaNs made one NaN (the backends may produce different
/// payloads, see the top of the file).
fn canon_bits(x: f64) -> u64 {
    if x.is_nan() {
        f64::NAN.to_bits()
    } else {
        x.to_bits()
    }
}
/// Mixed: int, float, the `ints` array (reads item 0), float.
///
/// # Safety
///
/// `arr` is a live array of `INTS`.
unsafe extern "C" fn hmix(a: i64, x: f64, arr: usize, y: f64) -> f64 {
    // SAFETY: the caller passes the live `ints` array.
    let first = unsafe { heap::load(arr, heap::item_offset(&INTS, 0), 8) } as i64;
    (a as f64) * 0.5 + x - y * 2.0 + first as f64
}
/// Floats first, then an int: an int result.
extern "C" fn hfi(x: f64, y: f64, n: i64) -> i64 {
    (canon_bits(x) ^ canon_bits(y).rotate_left(17)).wrapping_add(n as u64) as i64
}
/// Every argument register: five ints and a reference, eight floats,
/// interleaved; each argument mixed in at its own position.
#[allow(clippy::too_many_arguments)]
extern "C" fn hall(
    a: i64,
    x0: f64,
    x1: f64,
    b: i64,
    x2: f64,
    arr: usize,
    x3: f64,
    c: i64,
    x4: f64,
    d: i64,
    x5: f64,
    x6: f64,
    e: i64,
    x7: f64,
) -> i64 {
    let words = [
        a as u64,
        canon_bits(x0),
        canon_bits(x1),
        b as u64,
        canon_bits(x2),
        (arr != 0) as u64,
        canon_bits(x3),
        c as u64,
        canon_bits(x4),
        d as u64,
        canon_bits(x5),
        canon_bits(x6),
        e as u64,
        canon_bits(x7),
    ];
    words.iter().enumerate().fold(0u64, |h, (k, &w)| {
        h.rotate_left(5) ^ w.wrapping_mul(2 * k as u64 + 1)
    }) as i64
}
/// Void, mixed: `ints[n & 7] = x as i64`.
///
/// # Safety
///
/// `arr` is a live array of `INTS`, with at least 8 items.
unsafe extern "C" fn hvoid(x: f64, arr: usize, n: i64) {
    // SAFETY: the caller passes the live `ints` array (8 items).
    unsafe { heap::store(arr, heap::item_offset(&INTS, n & 7), 8, x as i64 as u64) };
}

/// The sum of the frame's items: reads the frame.
///
/// # Safety
///
/// `frame` is the live `frame` array.
unsafe extern "C" fn hframe_sum(frame: usize) -> i64 {
    (0..FRAME_LEN as i64)
        // SAFETY: the caller passes the live frame, indices below its length.
        .map(|k| unsafe { heap::load(frame, heap::item_offset(&FRAME, k), 8) } as i64)
        .fold(0, i64::wrapping_add)
}

/// Writes `v` into item `k & 3` of the frame.
///
/// # Safety
///
/// `frame` is the live `frame` array.
unsafe extern "C" fn hframe_set(frame: usize, k: i64, v: i64) {
    // SAFETY: the caller passes the live frame; `k & 3` is below its length.
    unsafe { heap::store(frame, heap::item_offset(&FRAME, k & 3), 8, v as u64) };
}

static CALL_HFRAME_SUM: CallDescr = CallDescr::of(
    "hframe_sum",
    hframe_sum as unsafe extern "C" fn(usize) -> i64,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[DescrRef::Array(&FRAME)]),
        writes: Some(&[]),
    },
);
static CALL_HFRAME_SET: CallDescr = CallDescr::of(
    "hframe_set",
    hframe_set as unsafe extern "C" fn(usize, i64, i64),
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[DescrRef::Array(&FRAME)]),
        writes: Some(&[DescrRef::Array(&FRAME)]),
    },
);

type Hall =
    extern "C" fn(i64, f64, f64, i64, f64, usize, f64, i64, f64, i64, f64, f64, i64, f64) -> i64;

static CALL_HMIX: CallDescr = CallDescr::of(
    "hmix",
    hmix as unsafe extern "C" fn(i64, f64, usize, f64) -> f64,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[DescrRef::Array(&INTS)]),
        writes: Some(&[]),
    },
);
static CALL_HFI: CallDescr = CallDescr::of(
    "hfi",
    hfi as extern "C" fn(f64, f64, i64) -> i64,
    Effects::ELIDABLE,
);
static CALL_HALL: CallDescr = CallDescr::of("hall", hall as Hall, Effects::ELIDABLE);
static CALL_HVOID: CallDescr = CallDescr::of(
    "hvoid",
    hvoid as unsafe extern "C" fn(f64, usize, i64),
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[DescrRef::Array(&INTS)]),
    },
);
static CALL_H0: CallDescr = CallDescr::of("h0", h0 as extern "C" fn() -> i64, Effects::RANDOM);
static CALL_H2: CallDescr = CallDescr::of(
    "h2",
    h2 as extern "C" fn(i64, i64) -> i64,
    Effects::ELIDABLE,
);
static CALL_H6: CallDescr = CallDescr::of(
    "h6",
    h6 as extern "C" fn(i64, i64, i64, i64, i64, i64) -> i64,
    Effects::ELIDABLE,
);
static CALL_HF1: CallDescr =
    CallDescr::of("hf1", hf1 as extern "C" fn(f64) -> f64, Effects::ELIDABLE);
static CALL_HF2: CallDescr = CallDescr::of(
    "hf2",
    hf2 as extern "C" fn(f64, f64) -> f64,
    Effects::ELIDABLE,
);
static CALL_HIF: CallDescr =
    CallDescr::of("hif", hif as extern "C" fn(i64) -> f64, Effects::ELIDABLE);
static CALL_HSET: CallDescr = CallDescr::of(
    "hset",
    hset as unsafe extern "C" fn(usize, i64, i64) -> i64,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[DescrRef::Array(&INTS)]),
    },
);

// ---- PRNG ----------------------------------------------------------------

impl Rng {
    fn int_const(&mut self) -> i64 {
        match self.below(6) {
            0 => self.pick(&[0, 1, -1, 2, 3, 7, 8, 63, 64, 100]),
            1 => self.pick(&[
                i32::MAX as i64,
                i32::MIN as i64,
                i64::MAX,
                i64::MIN,
                1 << 32,
                u32::MAX as i64,
            ]),
            2 => self.next() as i64,
            _ => (self.below(2001) as i64) - 1000,
        }
    }
    fn float_const(&mut self) -> f64 {
        match self.below(8) {
            0 => self.pick(&[
                0.0,
                -0.0,
                1.0,
                -1.0,
                0.5,
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
            ]),
            1 => self.pick(&[9.3e18, -9.3e18, 9.2e18, 1e300, -1e-300, 4294967296.5]),
            2 => f64::from_bits(self.next()),
            _ => (self.below(20001) as f64 - 10000.0) / 16.0,
        }
    }
}

// ---- generator -----------------------------------------------------------

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum RefKind {
    Ints,
    Bytes,
    Floats,
    Obj,
}

/// The test's objects, shared by both runs (reset in between).
struct World {
    ints: usize,
    bytes: usize,
    floats: usize,
    obj: usize,
    frame: usize,
    init_ints: Vec<u64>,
    init_bytes: Vec<u8>,
    init_floats: Vec<u64>,
    init_obj: [u64; 3],
    init_frame: Vec<u64>,
}

impl World {
    fn new(rng: &mut Rng) -> World {
        let ints = heap::alloc_array(&INTS, INTS_LEN as i64);
        let bytes = heap::alloc_array(&BYTES, BYTES_LEN as i64);
        let floats = heap::alloc_array(&FLOATS, FLOATS_LEN as i64);
        let obj = heap::alloc_object(&OBJ);
        let frame = heap::alloc_array(&FRAME, FRAME_LEN as i64);
        let init_ints: Vec<u64> = (0..INTS_LEN).map(|_| rng.int_const() as u64).collect();
        // Made without drawing from `rng`, so the other tests' traces stay
        // what their seeds made before the frame existed.
        let init_frame = init_ints
            .iter()
            .map(|x| x.rotate_left(17))
            .take(FRAME_LEN)
            .collect();
        World {
            ints,
            bytes,
            floats,
            obj,
            frame,
            init_ints,
            init_bytes: (0..BYTES_LEN).map(|_| rng.next() as u8).collect(),
            init_floats: (0..FLOATS_LEN)
                .map(|_| rng.float_const().to_bits())
                .collect(),
            init_obj: [
                rng.int_const() as u64,
                rng.float_const().to_bits(),
                ints as u64,
            ],
            init_frame,
        }
    }
    fn reset(&self) {
        // SAFETY: the world's objects, allocated by `new` with these lengths
        // and kept alive by the `World` on the test's stack; indices below
        // the lengths.
        unsafe {
            for (k, &x) in self.init_ints.iter().enumerate() {
                heap::store(self.ints, heap::item_offset(&INTS, k as i64), 8, x);
            }
            for (k, &x) in self.init_bytes.iter().enumerate() {
                heap::store(self.bytes, heap::item_offset(&BYTES, k as i64), 1, x as u64);
            }
            for (k, &x) in self.init_floats.iter().enumerate() {
                heap::store(self.floats, heap::item_offset(&FLOATS, k as i64), 8, x);
            }
            heap::store(self.obj, OBJ_I.offset as i64, 8, self.init_obj[0]);
            heap::store(self.obj, OBJ_F.offset as i64, 8, self.init_obj[1]);
            heap::store(self.obj, OBJ_R.offset as i64, 8, self.init_obj[2]);
            for (k, &x) in self.init_frame.iter().enumerate() {
                heap::store(self.frame, heap::item_offset(&FRAME, k as i64), 8, x);
            }
        }
    }
    /// A reference value as something comparable across runs.
    fn canon_ref(&self, r: u64) -> u64 {
        let r = r as usize;
        let known = [self.ints, self.bytes, self.floats, self.obj, self.frame];
        if r == 0 || known.contains(&r) {
            r as u64
        } else {
            u64::MAX // a fresh allocation
        }
    }
    fn canon(&self, ty: Type, w: u64) -> u64 {
        match ty {
            Type::Float if f64::from_bits(w).is_nan() => f64::NAN.to_bits(),
            Type::Ref => self.canon_ref(w),
            _ => w,
        }
    }
    fn snapshot(&self) -> Vec<u64> {
        let mut out = Vec::new();
        // SAFETY: as in `reset`.
        unsafe {
            for k in 0..INTS_LEN {
                out.push(heap::load(self.ints, heap::item_offset(&INTS, k as i64), 8));
            }
            for k in 0..BYTES_LEN {
                out.push(heap::load(
                    self.bytes,
                    heap::item_offset(&BYTES, k as i64),
                    1,
                ));
            }
            for k in 0..FLOATS_LEN {
                let w = heap::load(self.floats, heap::item_offset(&FLOATS, k as i64), 8);
                out.push(self.canon(Type::Float, w));
            }
            out.push(heap::load(self.obj, OBJ_I.offset as i64, 8));
            out.push(self.canon(Type::Float, heap::load(self.obj, OBJ_F.offset as i64, 8)));
            out.push(self.canon_ref(heap::load(self.obj, OBJ_R.offset as i64, 8)));
            for k in 0..FRAME_LEN {
                out.push(heap::load(
                    self.frame,
                    heap::item_offset(&FRAME, k as i64),
                    8,
                ));
            }
        }
        out
    }
}

/// Builds one trace (loop or bridge), tracking the values available.
struct Gen<'r> {
    rng: &'r mut Rng,
    b: B,
    ints: Vec<Var>,
    floats: Vec<Var>,
    refs: Vec<(Var, RefKind)>,
    cnt: Var,
    lim: Var,
    /// Guard id → fail argument types (shared across traces).
    next_guard: u32,
    guard_types: Vec<(u32, Vec<Type>)>,
    counter_guards: Vec<u32>,
}

impl<'r> Gen<'r> {
    /// A generator for a loop whose first two inputs are its counter
    /// (starting at 0) and its limit, with the input values so far.
    fn for_loop(rng: &'r mut Rng, next_guard: u32) -> (Gen<'r>, Vec<u64>) {
        let mut b = B::new();
        let cnt = b.input(Type::Int);
        let lim = b.input(Type::Int);
        let inputs = vec![0u64, rng.below(12) as u64];
        let g = Gen {
            rng,
            b,
            ints: vec![cnt, lim],
            floats: vec![],
            refs: vec![],
            cnt,
            lim,
            next_guard,
            guard_types: vec![],
            counter_guards: vec![],
        };
        (g, inputs)
    }
}

impl Gen<'_> {
    fn int(&mut self) -> Arg {
        if self.rng.chance(20) {
            i(self.rng.int_const())
        } else {
            v(self.rng.pick(&self.ints))
        }
    }
    fn float(&mut self) -> Arg {
        if self.floats.is_empty() || self.rng.chance(20) {
            f(self.rng.float_const())
        } else {
            v(self.rng.pick(&self.floats))
        }
    }
    fn ref_of(&mut self, kind: RefKind) -> Option<Var> {
        let c: Vec<Var> = self
            .refs
            .iter()
            .filter(|r| r.1 == kind)
            .map(|r| r.0)
            .collect();
        if c.is_empty() {
            None
        } else {
            Some(self.rng.pick(&c))
        }
    }
    fn any_value(&mut self) -> Arg {
        match self.rng.below(10) {
            0..=5 => self.int(),
            6..=7 => self.float(),
            8 if !self.refs.is_empty() => v(self.rng.pick(&self.refs).0),
            _ => i(self.rng.int_const()),
        }
    }
    fn fail_args(&mut self) -> Vec<Arg> {
        let mut fa = vec![v(self.cnt), v(self.lim)];
        for _ in 0..self.rng.below(7) {
            let a = self.any_value();
            fa.push(a);
        }
        fa
    }
    fn guard(&mut self, opcode: Opcode, args: &[Arg]) -> u32 {
        let fa = self.fail_args();
        let id = self.next_guard;
        self.next_guard += 1;
        let types = fa.iter().map(|&a| self.b.t.type_of(a)).collect();
        self.guard_types.push((id, types));
        self.b.guard(opcode, args, &fa, id);
        id
    }
    fn index(&mut self, len: usize) -> Arg {
        if self.rng.chance(30) {
            i(self.rng.below(len) as i64)
        } else {
            let x = self.int();
            v(self.b.op(IntAnd, &[x, i(len as i64 - 1)]))
        }
    }

    /// One random operation (or a small group: an index computation, an
    /// `_ovf` operation and its guard).
    fn step(&mut self) {
        let r = self.rng.below(100);
        match r {
            0..=29 => {
                let op = self.rng.pick(&[
                    IntAdd,
                    IntSub,
                    IntMul,
                    IntAnd,
                    IntOr,
                    IntXor,
                    IntLshift,
                    IntRshift,
                    UintRshift,
                    IntLt,
                    IntLe,
                    IntEq,
                    IntNe,
                    IntGt,
                    IntGe,
                    UintLt,
                    UintGe,
                    IntFloorDiv,
                    IntMod,
                ]);
                let (x, y) = (self.int(), self.int());
                let y = if matches!(op, IntFloorDiv | IntMod) && self.rng.chance(50) {
                    i(self.rng.pick(&[0, -1, 1, 3, -7, i64::MIN]))
                } else {
                    y
                };
                let d = self.b.op(op, &[x, y]);
                self.ints.push(d);
            }
            30..=35 => {
                let op = self
                    .rng
                    .pick(&[IntNeg, IntInvert, IntIsTrue, IntIsZero, SameAs]);
                let x = self.int();
                let d = self.b.op(op, &[x]);
                self.ints.push(d);
            }
            36..=40 => {
                let op = self.rng.pick(&[IntAddOvf, IntSubOvf, IntMulOvf]);
                let (x, y) = (self.int(), self.int());
                let d = self.b.op(op, &[x, y]);
                let g = if self.rng.chance(90) {
                    GuardNoOverflow
                } else {
                    GuardOverflow
                };
                self.guard(g, &[]);
                self.ints.push(d);
            }
            41..=50 => {
                let op = self.rng.pick(&[
                    FloatAdd,
                    FloatSub,
                    FloatMul,
                    FloatTrueDiv,
                    FloatNeg,
                    FloatAbs,
                ]);
                let x = self.float();
                let d = if matches!(op, FloatNeg | FloatAbs) {
                    self.b.op(op, &[x])
                } else {
                    let y = self.float();
                    self.b.op(op, &[x, y])
                };
                self.floats.push(d);
            }
            51..=54 => {
                let op = self
                    .rng
                    .pick(&[FloatLt, FloatLe, FloatEq, FloatNe, FloatGt, FloatGe]);
                let (x, y) = (self.float(), self.float());
                let d = self.b.op(op, &[x, y]);
                self.ints.push(d);
            }
            55..=58 => {
                if self.rng.chance(50) {
                    let x = self.int();
                    let d = self.b.op(CastIntToFloat, &[x]);
                    self.floats.push(d);
                } else {
                    let x = self.float();
                    let d = self.b.op(CastFloatToInt, &[x]);
                    self.ints.push(d);
                }
            }
            59..=68 => self.heap_op(),
            69..=74 => self.call(),
            75..=77 => {
                if self.rng.chance(50) {
                    let d = self.b.op_d(New, &[], Descr::Size(&OBJ)).unwrap();
                    // obj.r must always hold an ints array.
                    let a = self.ref_of(RefKind::Ints).unwrap();
                    self.b.op_d(Setfield, &[v(d), v(a)], Descr::Field(&OBJ_R));
                    self.refs.push((d, RefKind::Obj));
                } else {
                    let n = if self.rng.chance(50) {
                        i(INTS_LEN as i64)
                    } else {
                        v(self.b.op(IntOr, &[i(INTS_LEN as i64), i(0)]))
                    };
                    let d = self.b.op_d(NewArray, &[n], Descr::Array(&INTS)).unwrap();
                    self.refs.push((d, RefKind::Ints));
                }
            }
            _ => self.random_guard(),
        }
    }

    fn heap_op(&mut self) {
        match self.rng.below(9) {
            0 => {
                let a = self.ref_of(RefKind::Ints).unwrap();
                let k = self.index(INTS_LEN);
                let d = self
                    .b
                    .op_d(GetarrayitemI, &[v(a), k], Descr::Array(&INTS))
                    .unwrap();
                self.ints.push(d);
            }
            1 => {
                let a = self.ref_of(RefKind::Ints).unwrap();
                let k = self.index(INTS_LEN);
                let x = self.int();
                self.b
                    .op_d(Setarrayitem, &[v(a), k, x], Descr::Array(&INTS));
            }
            2 => {
                let Some(a) = self.ref_of(RefKind::Bytes) else {
                    return;
                };
                let k = self.index(BYTES_LEN);
                let d = self
                    .b
                    .op_d(GetarrayitemI, &[v(a), k], Descr::Array(&BYTES))
                    .unwrap();
                self.ints.push(d);
            }
            3 => {
                let Some(a) = self.ref_of(RefKind::Bytes) else {
                    return;
                };
                let k = self.index(BYTES_LEN);
                let x = self.int();
                self.b
                    .op_d(Setarrayitem, &[v(a), k, x], Descr::Array(&BYTES));
            }
            4 => {
                let Some(a) = self.ref_of(RefKind::Floats) else {
                    return;
                };
                let k = self.index(FLOATS_LEN);
                if self.rng.chance(50) {
                    let d = self
                        .b
                        .op_d(GetarrayitemF, &[v(a), k], Descr::Array(&FLOATS))
                        .unwrap();
                    self.floats.push(d);
                } else {
                    let x = self.float();
                    self.b
                        .op_d(Setarrayitem, &[v(a), k, x], Descr::Array(&FLOATS));
                }
            }
            5 => {
                let kind = self
                    .rng
                    .pick(&[RefKind::Ints, RefKind::Bytes, RefKind::Floats]);
                let Some(a) = self.ref_of(kind) else { return };
                let descr = match kind {
                    RefKind::Ints => &INTS,
                    RefKind::Bytes => &BYTES,
                    _ => &FLOATS,
                };
                let d = self.b.op_d(Arraylen, &[v(a)], Descr::Array(descr)).unwrap();
                self.ints.push(d);
            }
            6 => {
                let o = self.ref_of(RefKind::Obj).unwrap();
                match self.rng.below(3) {
                    0 => {
                        let d = self
                            .b
                            .op_d(GetfieldI, &[v(o)], Descr::Field(&OBJ_I))
                            .unwrap();
                        self.ints.push(d);
                    }
                    1 => {
                        let d = self
                            .b
                            .op_d(GetfieldF, &[v(o)], Descr::Field(&OBJ_F))
                            .unwrap();
                        self.floats.push(d);
                    }
                    _ => {
                        // obj.r always holds an ints array (or a fresh one).
                        let d = self
                            .b
                            .op_d(GetfieldR, &[v(o)], Descr::Field(&OBJ_R))
                            .unwrap();
                        self.refs.push((d, RefKind::Ints));
                    }
                }
            }
            _ => {
                let o = self.ref_of(RefKind::Obj).unwrap();
                match self.rng.below(3) {
                    0 => {
                        let x = self.int();
                        self.b.op_d(Setfield, &[v(o), x], Descr::Field(&OBJ_I));
                    }
                    1 => {
                        let x = self.float();
                        self.b.op_d(Setfield, &[v(o), x], Descr::Field(&OBJ_F));
                    }
                    _ => {
                        let a = self.ref_of(RefKind::Ints).unwrap();
                        self.b.op_d(Setfield, &[v(o), v(a)], Descr::Field(&OBJ_R));
                    }
                }
            }
        }
    }

    fn call(&mut self) {
        let (d, args): (&'static CallDescr, Vec<Arg>) = match self.rng.below(11) {
            7 => {
                let a = self.ref_of(RefKind::Ints).unwrap();
                let args = vec![self.int(), self.float(), v(a), self.float()];
                (&CALL_HMIX, args)
            }
            8 => (&CALL_HFI, vec![self.float(), self.float(), self.int()]),
            9 => {
                let a = self.ref_of(RefKind::Ints).unwrap();
                let mut args = Vec::new();
                for t in CALL_HALL.args() {
                    args.push(match t {
                        Type::Int => self.int(),
                        Type::Float => self.float(),
                        _ => v(a),
                    });
                }
                (&CALL_HALL, args)
            }
            10 => {
                let a = self.ref_of(RefKind::Ints).unwrap();
                (&CALL_HVOID, vec![self.float(), v(a), self.int()])
            }
            0 => (&CALL_H0, vec![]),
            1 => (&CALL_H2, vec![self.int(), self.int()]),
            2 => (&CALL_H6, (0..6).map(|_| self.int()).collect()),
            3 => (&CALL_HF1, vec![self.float()]),
            4 => (&CALL_HF2, vec![self.float(), self.float()]),
            5 => (&CALL_HIF, vec![self.int()]),
            _ => {
                let a = self.ref_of(RefKind::Ints).unwrap();
                (&CALL_HSET, vec![v(a), self.int(), self.int()])
            }
        };
        let pure = d.effects().kind == EffectKind::Elidable && self.rng.chance(50);
        let Some(r) = self
            .b
            .op_d(Opcode::call_for(d.ret(), pure), &args, Descr::Call(d))
        else {
            return; // void
        };
        if d.ret() == Type::Float {
            self.floats.push(r);
        } else {
            self.ints.push(r);
        }
    }

    fn random_guard(&mut self) {
        match self.rng.below(8) {
            7 => {
                // Never fails here (nothing requests an interrupt), but in a
                // loop it reads the flag through a register kept for it.
                self.guard(GuardNotInterrupted, &[]);
            }
            0 | 1 => {
                // Mostly passes: compare against a wide bound.
                let x = self.int();
                let c = self.b.op(IntLt, &[x, i(i64::MAX - 5)]);
                self.guard(GuardTrue, &[v(c)]);
            }
            2 => {
                let op = self
                    .rng
                    .pick(&[IntLt, IntLe, IntEq, IntNe, IntGt, IntGe, UintLt, UintGe]);
                let (x, y) = (self.int(), self.int());
                let c = self.b.op(op, &[x, y]);
                let g = self.rng.pick(&[GuardTrue, GuardFalse]);
                self.guard(g, &[v(c)]);
            }
            3 => {
                // Now and then on a bit test: an `int_and` only the guard
                // reads (fused into `test` + `jcc`).
                let x = if self.rng.chance(50) {
                    let x = self.int();
                    let mask = if self.rng.chance(50) {
                        i(self.rng.pick(&[1, 2, 3, 255, -1, 1 << 40]))
                    } else {
                        self.int()
                    };
                    v(self.b.op(IntAnd, &[x, mask]))
                } else {
                    self.int()
                };
                let g = self.rng.pick(&[GuardTrue, GuardFalse]);
                self.guard(g, &[x]);
            }
            4 => {
                let o = self.ref_of(RefKind::Obj).unwrap();
                let cls = if self.rng.chance(85) {
                    OBJ.type_id as i64
                } else {
                    INTS.type_id as i64
                };
                let g = self.rng.pick(&[GuardClass, GuardNonnullClass]);
                self.guard(g, &[v(o), i(cls)]);
            }
            5 => {
                let (r, _) = self.rng.pick(&self.refs);
                let g = if self.rng.chance(90) {
                    GuardNonnull
                } else {
                    GuardIsnull
                };
                self.guard(g, &[v(r)]);
            }
            _ => {
                let x = self.int();
                let c = if self.rng.chance(50) {
                    i(self.rng.int_const())
                } else {
                    self.int()
                };
                self.guard(GuardValue, &[x, c]);
            }
        }
    }

    /// The counter guard: `cnt < lim`, else exit.
    fn counter_guard(&mut self) {
        let c = self.b.op(IntLt, &[v(self.cnt), v(self.lim)]);
        let id = self.guard(GuardTrue, &[v(c)]);
        self.counter_guards.push(id);
    }
}

/// Fail argument types per guard id.
type GuardTypes = Vec<(u32, Vec<Type>)>;

/// A random loop: the trace, its input values, its guards' fail argument
/// types, and the ids of its counter guards.
fn gen_loop(
    rng: &mut Rng,
    world: &World,
    next_guard: u32,
) -> (metajit::ir::Trace, Vec<u64>, GuardTypes, Vec<u32>) {
    let (mut g, mut inputs) = Gen::for_loop(rng, next_guard);
    let (cnt, lim) = (g.cnt, g.lim);
    for _ in 0..g.rng.below(5) {
        let x = g.b.input(Type::Int);
        g.ints.push(x);
        inputs.push(g.rng.int_const() as u64);
    }
    for _ in 0..g.rng.below(4) {
        let x = g.b.input(Type::Float);
        g.floats.push(x);
        inputs.push(g.rng.float_const().to_bits());
    }
    for (kind, addr) in [
        (RefKind::Ints, world.ints),
        (RefKind::Bytes, world.bytes),
        (RefKind::Floats, world.floats),
        (RefKind::Obj, world.obj),
    ] {
        if kind == RefKind::Ints || kind == RefKind::Obj || g.rng.chance(70) {
            let x = g.b.input(Type::Ref);
            g.refs.push((x, kind));
            inputs.push(addr as u64);
        }
    }
    // Preamble (values it defines and the body uses are loop invariants),
    // then the label, unless the loop goes back to its start.
    let use_label = g.rng.chance(70);
    let mut carried: Vec<Var> = g.b.t.inputs.clone();
    if use_label {
        for _ in 0..g.rng.below(6) {
            g.step();
        }
        // Carry the inputs plus a few preamble values.
        let extra: Vec<Var> = g
            .ints
            .iter()
            .chain(g.floats.iter())
            .copied()
            .filter(|x| !carried.contains(x))
            .collect();
        for x in extra {
            if g.rng.chance(30) {
                carried.push(x);
            }
        }
        let label_args: Vec<Arg> = carried.iter().map(|&x| v(x)).collect();
        g.b.void(Label, &label_args);
    }
    // Some long bodies, to run out of registers.
    let body = if g.rng.chance(15) {
        40 + g.rng.below(120)
    } else {
        2 + g.rng.below(35)
    };
    let counter_at = g.rng.below(body);
    for k in 0..body {
        if k == counter_at {
            g.counter_guard();
        }
        g.step();
    }
    let cnt2 = g.b.op(IntAdd, &[v(cnt), i(1)]);
    let kinds: HashMap<Var, RefKind> = g.refs.iter().copied().collect();
    let permuted = if g.rng.chance(50) {
        permutation_of(&mut g, &carried, &[cnt, lim])
    } else {
        HashMap::new()
    };
    let mut jump_args: Vec<Arg> = Vec::new();
    for &x in &carried {
        let a = if x == cnt {
            v(cnt2)
        } else if x == lim {
            v(lim)
        } else if let Some(&y) = permuted.get(&x) {
            // Mostly the permutation; now and then a value passed twice,
            // a constant, or a value of the body instead.
            let ty = g.b.t.types[x.index()];
            let earlier: Vec<Arg> = jump_args
                .iter()
                .copied()
                .filter(|&a| g.b.t.type_of(a) == ty)
                .collect();
            match g.rng.below(10) {
                0 if !earlier.is_empty() => g.rng.pick(&earlier),
                1 if ty == Type::Int => i(g.rng.int_const()),
                1 => f(g.rng.float_const()),
                2 if ty == Type::Int => g.int(),
                2 => g.float(),
                _ => v(y),
            }
        } else {
            match g.b.t.types[x.index()] {
                Type::Int => g.int(),
                Type::Float => g.float(),
                _ => {
                    let kind = kinds[&x];
                    v(g.ref_of(kind).unwrap())
                }
            }
        };
        jump_args.push(a);
    }
    // Now and then a guard right before the jump, on the new counter (so
    // that the old one can die first): where the jump has nothing to move,
    // the guard's branch is the back edge.
    if g.rng.chance(40) {
        g.cnt = cnt2;
        if g.rng.chance(50) {
            g.counter_guard();
        } else {
            g.random_guard();
        }
    }
    g.b.void(Jump, &jump_args);
    (g.b.t, inputs, g.guard_types, g.counter_guards)
}

/// A random permutation of the integer and of the float values among
/// `carried` (not those in `keep`), as a map from each value to the one
/// the jump passes in its place: swaps, rotations, and values left where
/// they are, which the back edge must shuffle without losing any.
fn permutation_of(g: &mut Gen, carried: &[Var], keep: &[Var]) -> HashMap<Var, Var> {
    let mut map = HashMap::new();
    for ty in [Type::Int, Type::Float] {
        let xs: Vec<Var> = carried
            .iter()
            .copied()
            .filter(|x| !keep.contains(x) && g.b.t.types[x.index()] == ty)
            .collect();
        let mut ys = xs.clone();
        for k in (1..ys.len()).rev() {
            let j = g.rng.below(k + 1);
            ys.swap(k, j);
        }
        map.extend(xs.into_iter().zip(ys));
    }
    map
}

/// A random bridge for a guard with fail argument types `types` (the first
/// two are the counter and the limit). It re-checks the counter, then jumps
/// back to `loop_id` with `loop_types`, or finishes.
#[allow(clippy::too_many_arguments)]
fn gen_bridge(
    rng: &mut Rng,
    types: &[Type],
    finish: bool,
    loop_id: u32,
    loop_types: &[Type],
    loop_kinds: &[Option<RefKind>],
    world_refs: &[(u64, RefKind)],
    fail_values: &[u64],
    next_guard: u32,
) -> (metajit::ir::Trace, GuardTypes, Vec<u32>) {
    let mut b = B::new();
    let ins: Vec<Var> = types.iter().map(|&t| b.input(t)).collect();
    let (cnt, lim) = (ins[0], ins[1]);
    let mut g = Gen {
        rng,
        b,
        ints: vec![],
        floats: vec![],
        refs: vec![],
        cnt,
        lim,
        next_guard,
        guard_types: vec![],
        counter_guards: vec![],
    };
    for (k, &x) in ins.iter().enumerate() {
        match types[k] {
            Type::Int => g.ints.push(x),
            Type::Float => g.floats.push(x),
            _ => {
                // Which of the world's objects came through this fail arg?
                if let Some(&(_, kind)) = world_refs.iter().find(|(a, _)| *a == fail_values[k]) {
                    g.refs.push((x, kind));
                }
            }
        }
    }
    if !finish {
        g.counter_guard();
    }
    // The bridge needs an ints array and an object for heap ops; the ones
    // that came through fail args may be missing, so allocate if needed.
    if g.ref_of(RefKind::Ints).is_none() {
        let d =
            g.b.op_d(NewArray, &[i(INTS_LEN as i64)], Descr::Array(&INTS))
                .unwrap();
        g.refs.push((d, RefKind::Ints));
    }
    if g.ref_of(RefKind::Obj).is_none() {
        let d = g.b.op_d(New, &[], Descr::Size(&OBJ)).unwrap();
        let a = g.ref_of(RefKind::Ints).unwrap();
        g.b.op_d(Setfield, &[v(d), v(a)], Descr::Field(&OBJ_R));
        g.refs.push((d, RefKind::Obj));
    }
    for _ in 0..g.rng.below(12) {
        g.step();
    }
    if finish {
        let mut args = vec![v(cnt)];
        for _ in 0..g.rng.below(4) {
            let a = g.int();
            args.push(a);
        }
        g.b.void(Finish, &args);
    } else {
        let cnt2 = g.b.op(IntAdd, &[v(cnt), i(1)]);
        let mut args = vec![v(cnt2), v(lim)];
        for (k, &t) in loop_types.iter().enumerate().skip(2) {
            let a = match t {
                Type::Int => g.int(),
                Type::Float => g.float(),
                _ => {
                    let kind = loop_kinds[k].unwrap();
                    match g.ref_of(kind) {
                        Some(r) => v(r),
                        None => {
                            Arg::Ref(world_refs.iter().find(|w| w.1 == kind).unwrap().0 as usize)
                        }
                    }
                }
            };
            args.push(a);
        }
        g.b.jump_loop(&args, loop_id);
    }
    (g.b.t, g.guard_types, g.counter_guards)
}

/// Finish values are all integers (see `gen_bridge`).
fn canon_exit(world: &World, e: &Exit, types: &HashMap<u32, Vec<Type>>) -> Exit {
    match e {
        Exit::Guard { id, values } => Exit::Guard {
            id: *id,
            values: values
                .iter()
                .zip(&types[id])
                .map(|(&w, &t)| world.canon(t, w))
                .collect(),
        },
        Exit::Finish { .. } => e.clone(),
    }
}

/// Runs per loop: the first without bridges, then one more bridge each.
const ROUNDS: usize = 8;

#[derive(Default, Debug)]
struct Stats {
    runs: u64,
    guard_exits: u64,
    finishes: u64,
    bridges: u64,
    ops: u64,
    /// Loops whose jump compiled to no code of its own (nothing to move,
    /// the last guard's branch the back edge).
    folded_back_edges: u64,
}

fn run_case(
    seed: u64,
    ir: &IrInterp,
    x: &X64Backend,
    loop_id: u32,
    next_guard: &mut u32,
    stats: &mut Stats,
) {
    let mut rng = Rng::for_case(seed);
    let world = World::new(&mut rng);
    let (trace, inputs, gtypes, mut counter) = gen_loop(&mut rng, &world, *next_guard);
    *next_guard += 1000;
    let mut types: HashMap<u32, Vec<Type>> = gtypes.into_iter().collect();
    let loop_types: Vec<Type> = trace
        .inputs
        .iter()
        .map(|v| trace.types[v.index()])
        .collect();
    let world_refs = [
        (world.ints as u64, RefKind::Ints),
        (world.bytes as u64, RefKind::Bytes),
        (world.floats as u64, RefKind::Floats),
        (world.obj as u64, RefKind::Obj),
    ];
    let loop_kinds: Vec<Option<RefKind>> = inputs
        .iter()
        .zip(&loop_types)
        .map(|(w, t)| {
            if *t == Type::Ref {
                world_refs.iter().find(|r| r.0 == *w).map(|r| r.1)
            } else {
                None
            }
        })
        .collect();
    compile_both(ir, x, loop_id, &trace);
    stats.ops += trace.ops.len() as u64;
    let listing = x.listing(loop_id);
    let after_jump = listing.lines().skip_while(|l| !l.contains(" jump(")).nth(1);
    if after_jump.is_some_and(|l| !l.starts_with("      ")) {
        stats.folded_back_edges += 1;
    }
    for round in 0..ROUNDS {
        world.reset();
        let a = ir.execute(loop_id, &inputs);
        let heap_a = world.snapshot();
        world.reset();
        let b = x.execute(loop_id, &inputs);
        let heap_b = world.snapshot();
        let (ca, cb) = (
            canon_exit(&world, &a, &types),
            canon_exit(&world, &b, &types),
        );
        if ca != cb || heap_a != heap_b {
            panic!(
                "seed {seed} round {round}: interp {a:?} vs x64 {b:?}\nheap equal: {}\ninputs {inputs:?}\n{trace}\n{}",
                heap_a == heap_b,
                x.listing(loop_id)
            );
        }
        stats.runs += 1;
        let Exit::Guard { id, values } = a else {
            stats.finishes += 1;
            break;
        };
        stats.guard_exits += 1;
        if std::env::var("X64_DIFF_VERBOSE").is_ok() {
            eprintln!(
                "seed {seed} round {round}: guard {id} counter={} {values:?}",
                counter.contains(&id)
            );
        }
        if round == ROUNDS - 1 {
            break;
        }
        // Attach a bridge to the failing guard on both backends.
        let finish = counter.contains(&id);
        let (bt, bgtypes, bcounter) = gen_bridge(
            &mut rng,
            &types[&id],
            finish,
            loop_id,
            &loop_types,
            &loop_kinds,
            &world_refs,
            &values,
            *next_guard,
        );
        *next_guard += 1000;
        types.extend(bgtypes);
        counter.extend(bcounter);
        stats.bridges += 1;
        stats.ops += bt.ops.len() as u64;
        ir.compile_bridge(id, &bt).expect("interp compiles bridge");
        if let Err(e) = x.compile_bridge(id, &bt) {
            panic!("seed {seed}: x64 refuses bridge: {e:?}\n{bt}");
        }
    }
}

#[test]
fn random_traces_agree() {
    let n: u64 = std::env::var("X64_DIFF_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let start: u64 = std::env::var("X64_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let (ir, x) = (IrInterp::new(), X64Backend::new());
    let mut next_guard = 1;
    let mut stats = Stats::default();
    for seed in start..start + n {
        run_case(seed, &ir, &x, seed as u32, &mut next_guard, &mut stats);
    }
    eprintln!("{n} random loops: {stats:?}");
    if n >= 100 {
        assert!(stats.folded_back_edges * 100 > n, "{stats:?}");
    }
}

// ---- peeled loops entered at their label ------------------------------------

/// A random loop for the optimizer, without a label: some inputs go back
/// unchanged (loop invariants, as are the values computed from them alone,
/// a few of which the loop computes first), the others get each other's
/// values, a value another input gets too, an invariant value, or any
/// value. Those are the jumps loop peeling must get right when the loop is
/// entered at its label, where nothing says that the inputs are related as
/// the loop relates them. The trace, its input values, its guards' fail
/// argument types.
fn gen_shuffling_loop(
    rng: &mut Rng,
    world: &World,
    next_guard: u32,
) -> (metajit::ir::Trace, Vec<u64>, GuardTypes) {
    let (mut g, mut inputs) = Gen::for_loop(rng, next_guard);
    let (cnt, lim) = (g.cnt, g.lim);
    let mut fixed = vec![lim];
    for _ in 0..1 + g.rng.below(5) {
        let x = g.b.input(Type::Int);
        g.ints.push(x);
        inputs.push(g.rng.int_const() as u64);
        if g.rng.chance(40) {
            fixed.push(x);
        }
    }
    for _ in 0..g.rng.below(3) {
        let x = g.b.input(Type::Float);
        g.floats.push(x);
        inputs.push(g.rng.float_const().to_bits());
        if g.rng.chance(40) {
            fixed.push(x);
        }
    }
    for (kind, addr) in [
        (RefKind::Ints, world.ints),
        (RefKind::Bytes, world.bytes),
        (RefKind::Floats, world.floats),
        (RefKind::Obj, world.obj),
    ] {
        if kind == RefKind::Ints || kind == RefKind::Obj || g.rng.chance(70) {
            let x = g.b.input(Type::Ref);
            g.refs.push((x, kind));
            inputs.push(addr as u64);
            fixed.push(x);
        }
    }
    // Invariant values: pure operations on the fixed inputs.
    let fixed_of = |ty: Type, g: &Gen| -> Vec<Var> {
        fixed
            .iter()
            .copied()
            .filter(|x| g.b.t.types[x.index()] == ty)
            .collect()
    };
    for _ in 0..1 + g.rng.below(3) {
        let ints = fixed_of(Type::Int, &g);
        let op = g.rng.pick(&[IntAnd, IntAdd, IntMul, IntXor, IntSub, IntLt]);
        let x = v(g.rng.pick(&ints));
        let y = if g.rng.chance(50) {
            i(g.rng.pick(&[1, 3, 7, 255, -2]))
        } else {
            v(g.rng.pick(&ints))
        };
        let d = g.b.op(op, &[x, y]);
        g.ints.push(d);
    }
    let floats = fixed_of(Type::Float, &g);
    if !floats.is_empty() {
        let op = g.rng.pick(&[FloatAdd, FloatMul]);
        let x = v(g.rng.pick(&floats));
        let d = g.b.op(op, &[x, f(0.5)]);
        g.floats.push(d);
    }
    let body = 2 + g.rng.below(25);
    let counter_at = g.rng.below(body);
    for k in 0..body {
        if k == counter_at {
            g.counter_guard();
        }
        g.step();
    }
    let cnt2 = g.b.op(IntAdd, &[v(cnt), i(1)]);

    // Which values the loop computes from the fixed inputs alone.
    let mut invariant = vec![false; g.b.t.types.len()];
    for &x in &fixed {
        invariant[x.index()] = true;
    }
    for op in &g.b.t.ops {
        if let Some(r) = op.res {
            invariant[r.index()] = op.opcode.class() == metajit::ir::OpClass::Pure
                && op
                    .args
                    .iter()
                    .all(|a| a.as_var().is_none_or(|x| invariant[x.index()]));
        }
    }
    let loop_inputs = g.b.t.inputs.clone();
    let mut jump_args: Vec<Arg> = Vec::new();
    for &x in &loop_inputs {
        let ty = g.b.t.types[x.index()];
        let a = if x == cnt {
            v(cnt2)
        } else if fixed.contains(&x) {
            v(x)
        } else {
            let same_type = |vars: &[Var]| -> Vec<Var> {
                vars.iter()
                    .copied()
                    .filter(|y| g.b.t.types[y.index()] == ty)
                    .collect()
            };
            let others = same_type(&loop_inputs);
            let computed: Vec<Var> = (0..invariant.len() as u32)
                .map(Var)
                .filter(|y| invariant[y.index()] && !loop_inputs.contains(y))
                .collect();
            let computed = same_type(&computed);
            let earlier: Vec<Arg> = jump_args
                .iter()
                .copied()
                .filter(|&a| g.b.t.type_of(a) == ty)
                .collect();
            match g.rng.below(4) {
                0 => v(g.rng.pick(&others)),
                1 if !earlier.is_empty() => g.rng.pick(&earlier),
                2 if !computed.is_empty() => v(g.rng.pick(&computed)),
                _ if ty == Type::Float => g.float(),
                _ => g.int(),
            }
        };
        jump_args.push(a);
    }
    g.b.void(Jump, &jump_args);
    (g.b.t, inputs, g.guard_types)
}

#[derive(Default, Debug)]
struct PeelStats {
    loops: u64,
    peeled: u64,
    through_label: u64,
    resumed: u64,
    /// Exits of optimized code through a guard with pending stores.
    pending: u64,
}

/// One random loop: unoptimized on the IR interpreter (the reference),
/// and optimized (`fold`, `heap`, `intbounds`, `dce`, `unroll`: the passes
/// that move no guard and describe no virtual in resume data, so that the
/// exits compare, once a guard's pending stores are done as resuming does
/// them, `resumed_exit`) on both backends,
/// run from its start and entered at its label through its short preamble,
/// as a bridge that jumps to the loop enters it. A failing check of the
/// short preamble resumes at the loop's start with the bridge's values,
/// which runs the optimized loop from there. Each run starts from the
/// loop's inputs and from the values the loop has after one iteration
/// (which are related as the loop relates them, so that the checks hold).
fn run_peeled_case(
    seed: u64,
    ir: &IrInterp,
    x: &X64Backend,
    case: u32,
    next_guard: &mut u32,
    stats: &mut PeelStats,
) {
    use metajit::opt::{self, unroll, OptConfig};
    let mut rng = Rng::for_case(seed);
    let world = World::new(&mut rng);
    let (plain, inputs, gtypes) = gen_shuffling_loop(&mut rng, &world, *next_guard);
    let resume_id = *next_guard + 999;
    *next_guard += 1000;
    let types: HashMap<u32, Vec<Type>> = gtypes.into_iter().collect();
    let cfg: OptConfig = "fold:heap:intbounds:dce:unroll".parse().unwrap();
    let (mut looped, short) = opt::optimize_loop(&plain, &cfg);
    // Peeling copies guards with their ids, and a copy may have other
    // pending stores: number them apart, and translate exits back.
    let mut resume = number_guards(&mut looped, *next_guard);
    *next_guard += 1000;
    let (plain_id, once_id, loop_id, entry_id) =
        (4 * case, 4 * case + 1, 4 * case + 2, 4 * case + 3);
    ir.compile_loop(plain_id, &plain).expect("interp compiles");
    compile_both(ir, x, loop_id, &looped);
    stats.loops += 1;

    // The values after one iteration: the loop with its jump a `finish`.
    let mut once = plain.clone();
    let jump = once.ops.pop().expect("a jump");
    once.ops.push(metajit::ir::Op::new(Finish, jump.args));
    ir.compile_loop(once_id, &once).expect("interp compiles");
    world.reset();
    let mut starts = vec![inputs.clone()];
    if let Exit::Finish { values } = ir.execute(once_id, &inputs) {
        starts.push(values);
    }

    let entry = short.map(|short| {
        stats.peeled += 1;
        let mut b = B::new();
        let ins: Vec<Arg> = plain
            .inputs
            .iter()
            .map(|&x| v(b.input(plain.types[x.index()])))
            .collect();
        b.guard(GuardNotInterrupted, &[], &ins, resume_id);
        b.jump_loop(&ins, loop_id);
        let closed = unroll::close_at_label(&b.t, loop_id, &short)
            .unwrap_or_else(|| panic!("seed {seed}: does not close at\n{looped}"));
        let mut entry = opt::optimize(&closed, &cfg);
        resume.extend(number_guards(&mut entry, *next_guard));
        *next_guard += 1000;
        compile_both(ir, x, entry_id, &entry);
        entry
    });

    // Run `id` on `backend` from a reset heap: the exit (after resuming at
    // the loop's start if the short preamble's check failed), the heap, and
    // whether it resumed.
    let pending = std::cell::Cell::new(0);
    let resumed_exit = |exit: Exit| {
        if let Exit::Guard { id, .. } = &exit {
            if resume
                .get(id)
                .is_some_and(|g| !g.virtuals.stores.is_empty())
            {
                pending.set(pending.get() + 1);
            }
        }
        resumed_exit(exit, &resume)
    };
    let run = |backend: &dyn Backend, id: u32, values: &[u64]| {
        world.reset();
        let (exit, resumed) = match resumed_exit(backend.execute(id, values)) {
            Exit::Guard { id, values } if id == resume_id => {
                let inputs = &values[..plain.inputs.len()];
                (resumed_exit(backend.execute(loop_id, inputs)), true)
            }
            exit => (exit, false),
        };
        (
            (canon_exit(&world, &exit, &types), world.snapshot()),
            resumed,
        )
    };
    for values in &starts {
        let (want, _) = run(ir, plain_id, values);
        let mut runs = vec![("start", loop_id)];
        if entry.is_some() {
            runs.push(("label", entry_id));
        }
        for (how, id) in runs {
            let (got_ir, resumed) = run(ir, id, values);
            let (got_x, _) = run(x, id, values);
            if got_ir != want || got_x != want {
                panic!(
                    "seed {seed}, entered at its {how} with {values:?}:\nunoptimized {want:?}\n\
                     interp {got_ir:?}\nx64 {got_x:?}\n{plain}\noptimized\n{looped}\nentry\n{}",
                    entry.as_ref().map_or(String::new(), |e| e.to_string())
                );
            }
            if how == "label" {
                if resumed {
                    stats.resumed += 1;
                } else {
                    stats.through_label += 1;
                }
            }
        }
    }
    stats.pending += pending.get();
}

#[test]
fn peeled_loops_entered_at_their_label_agree() {
    let n: u64 = std::env::var("X64_DIFF_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    let start: u64 = std::env::var("X64_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let (ir, x) = (IrInterp::new(), X64Backend::new());
    let mut next_guard = 1;
    let mut stats = PeelStats::default();
    for (case, seed) in (start..start + n).enumerate() {
        run_peeled_case(seed, &ir, &x, case as u32, &mut next_guard, &mut stats);
    }
    eprintln!("{n} random loops: {stats:?}");
    // Both ways through the short preamble are taken, often.
    if n >= 100 {
        assert!(stats.through_label * 10 > n, "{stats:?}");
        assert!(stats.resumed * 10 > n, "{stats:?}");
        assert!(stats.pending * 10 > n, "{stats:?}");
    }
}

// ---- loops over a virtualizable frame ------------------------------------

/// A random loop in the recorder's shape for a virtualizable frame (the
/// world's `frame`, an input the loop passes back unchanged): items are
/// read once and then known, written without a store, stored before a
/// call that reads the frame (and read again after one that writes it)
/// and before the jump; each guard's resume data is one frame whose last
/// slot is the frame object, with the items not stored yet as its virtual
/// items (or, now and then when there are none, a frame without the
/// object). The trace, its input values, and each guard's slot types.
fn gen_frame_loop(
    rng: &mut Rng,
    world: &World,
    next_guard: u32,
) -> (metajit::ir::Trace, Vec<u64>, GuardTypes) {
    use std::collections::BTreeMap;
    let (mut g, mut inputs) = Gen::for_loop(rng, next_guard);
    let (cnt, lim) = (g.cnt, g.lim);
    for _ in 0..g.rng.below(4) {
        let x = g.b.input(Type::Int);
        g.ints.push(x);
        inputs.push(g.rng.int_const() as u64);
    }
    for (kind, addr) in [(RefKind::Ints, world.ints), (RefKind::Obj, world.obj)] {
        let x = g.b.input(Type::Ref);
        g.refs.push((x, kind));
        inputs.push(addr as u64);
    }
    let frame = g.b.input(Type::Ref);
    inputs.push(world.frame as u64);
    // Item -> its value, and whether it is not stored yet; `writes` are
    // the `same_as` results that stand for an item written.
    let mut items: BTreeMap<i64, (Arg, bool)> = BTreeMap::new();
    let mut writes: HashMap<Var, i64> = HashMap::new();
    fn flush(g: &mut Gen, frame: Var, items: &mut BTreeMap<i64, (Arg, bool)>) {
        for (&k, (a, unstored)) in items.iter_mut() {
            if std::mem::take(unstored) {
                g.b.op_d(Setarrayitem, &[v(frame), i(k), *a], Descr::Array(&FRAME));
            }
        }
    }
    let body = 2 + g.rng.below(30);
    let counter_at = g.rng.below(body);
    for n in 0..body {
        if n == counter_at {
            g.counter_guard();
        }
        let k = g.rng.below(FRAME_LEN) as i64;
        match g.rng.below(12) {
            0..=2 => match items.get(&k) {
                Some(&(Arg::Var(x), _)) => g.ints.push(x),
                Some(_) => {}
                None => {
                    let d =
                        g.b.op_d(GetarrayitemI, &[v(frame), i(k)], Descr::Array(&FRAME))
                            .unwrap();
                    items.insert(k, (v(d), false));
                    g.ints.push(d);
                }
            },
            3..=5 => {
                let x = g.int();
                let d = g.b.op(SameAs, &[x]);
                writes.insert(d, k);
                items.insert(k, (v(d), true));
                g.ints.push(d);
            }
            6 => {
                flush(&mut g, frame, &mut items);
                let d =
                    g.b.op_d(CallI, &[v(frame)], Descr::Call(&CALL_HFRAME_SUM))
                        .unwrap();
                g.ints.push(d);
            }
            7 if g.rng.chance(15) => {
                flush(&mut g, frame, &mut items);
                let (x, y) = (g.int(), g.int());
                g.b.op_d(CallN, &[v(frame), x, y], Descr::Call(&CALL_HFRAME_SET));
                items.clear();
            }
            _ => g.step(),
        }
    }
    let cnt2 = g.b.op(IntAdd, &[v(cnt), i(1)]);
    flush(&mut g, frame, &mut items);
    let kinds: HashMap<Var, RefKind> = g.refs.iter().copied().collect();
    let loop_inputs = g.b.t.inputs.clone();
    let jump_args: Vec<Arg> = loop_inputs
        .iter()
        .map(|&x| {
            if x == cnt {
                v(cnt2)
            } else if x == lim || x == frame || kinds.contains_key(&x) || g.rng.chance(40) {
                v(x)
            } else {
                g.int()
            }
        })
        .collect();
    g.b.void(Jump, &jump_args);

    // Resume data, following the items as the recorder does.
    let mut t = g.b.t;
    let mut known: BTreeMap<i64, (Arg, bool)> = BTreeMap::new();
    let mut types = Vec::new();
    for op in &mut t.ops {
        match op.opcode {
            GetarrayitemI if is_frame(op) => {
                let Arg::Int(k) = op.args[1] else {
                    unreachable!()
                };
                known.insert(k, (v(op.res.unwrap()), false));
            }
            SameAs if writes.contains_key(&op.res.unwrap()) => {
                let k = writes[&op.res.unwrap()];
                known.insert(k, (v(op.res.unwrap()), true));
            }
            Setarrayitem if is_frame(op) => {
                let Arg::Int(k) = op.args[1] else {
                    unreachable!()
                };
                known.insert(k, (op.args[2], false));
            }
            CallN if matches!(op.descr, Descr::Call(d) if std::ptr::eq(d, &CALL_HFRAME_SET)) => {
                known.clear()
            }
            _ => {}
        }
        let Some(guard) = op.guard.as_mut() else {
            continue;
        };
        let unstored: Vec<(i64, Arg)> = known
            .iter()
            .filter(|(_, (_, unstored))| *unstored)
            .map(|(&k, &(a, _))| (k, a))
            .collect();
        // A frame that does not hold the object (which the recorder allows
        // only while every item is stored).
        if !unstored.is_empty() || !g.rng.chance(20) {
            guard.fail_args.push(v(frame));
        }
        let slots = guard.fail_args.len();
        guard.fail_args.extend(unstored.iter().map(|u| u.1));
        let virtuals = (!unstored.is_empty()).then(|| metajit::ir::VirtualItems {
            object: slots as u32 - 1,
            descr: &FRAME,
            items: unstored.iter().map(|u| u.0).collect(),
        });
        t.snapshots.push(metajit::ir::Snapshot {
            caller: None,
            frame: metajit::ir::SnapshotFrame {
                greens: 0,
                slots: slots as u32,
                resume: metajit::ir::Resume::Dispatch,
                virtuals,
            },
        });
        guard.snapshot = t.snapshots.len() as u32 - 1;
        let slot_types = guard.fail_args[..slots]
            .iter()
            .map(|&a| match a {
                Arg::Var(x) => t.types[x.index()],
                Arg::Int(_) => Type::Int,
                Arg::Float(_) => Type::Float,
                Arg::Ref(_) => Type::Ref,
            })
            .collect();
        types.push((guard.id, slot_types));
    }
    metajit::opt::verify(&t).unwrap_or_else(|e| panic!("{e}\n{t}"));
    (t, inputs, types)
}

/// Does `op` access the frame's items?
fn is_frame(op: &metajit::ir::Op) -> bool {
    matches!(op.descr, Descr::Array(d) if std::ptr::eq(d, &FRAME))
}

/// Where each guard of `t` resumes (`GuardResume`), by the id of its own
/// it gets from `first` on (the peeled body's copies of the preamble's
/// guards share their ids).
fn number_guards(t: &mut metajit::ir::Trace, first: u32) -> HashMap<u32, GuardResume> {
    let mut resume = HashMap::new();
    let snapshots = t.snapshots.clone();
    let guards = t.ops.iter_mut().filter_map(|op| op.guard.as_mut());
    for (next, g) in (first..).zip(guards) {
        // The builder's traces have no snapshots: no slots nor items then.
        let frame = snapshots.get(g.snapshot as usize).map(|s| &s.frame);
        let items = frame
            .and_then(|f| f.virtuals.as_ref())
            .map_or(vec![], |v| v.items.clone());
        resume.insert(
            next,
            GuardResume {
                original: g.id,
                slots: frame.map_or(0, |f| f.slots as usize),
                items,
                virtuals: g.virtuals.clone(),
            },
        );
        g.id = next;
    }
    resume
}

/// What `number_guards` keeps of a guard: its id before, how many slots
/// its frame has, the frame's virtual items, and its resume data's objects
/// and pending stores.
struct GuardResume {
    original: u32,
    slots: usize,
    items: Vec<i64>,
    virtuals: metajit::ir::Virtuals,
}

/// An exit of a trace numbered by `number_guards`, as resuming sees it: the
/// guard's pending stores done (`resume::perform_stores`), and the guard's
/// id the one it had before. (The fail arguments the stores added come
/// after those the guard had; `canon_exit` reads only those.)
fn resumed_exit(exit: Exit, resume: &HashMap<u32, GuardResume>) -> Exit {
    match exit {
        Exit::Guard { id, values } => {
            let Some(g) = resume.get(&id) else {
                return Exit::Guard { id, values };
            };
            metajit::resume::perform_stores(&g.virtuals, &values);
            Exit::Guard {
                id: g.original,
                values,
            }
        }
        finished => finished,
    }
}

#[derive(Default, Debug)]
struct FrameStats {
    loops: u64,
    /// Loops whose peeled body stores fewer frame items than their
    /// preamble.
    sunk: u64,
    /// Exits through a guard that wrote items back.
    wrote_back: u64,
}

/// One random frame loop: unoptimized on the IR interpreter, and optimized
/// (`fold:heap:intbounds:dce:unroll`, which peels and keeps the items in
/// registers) on both backends; after each exit the failing guard's
/// virtual items are written into the frame, as resuming does, and the
/// original guard, its slots and the heap (the frame included) must agree.
fn run_frame_case(
    seed: u64,
    ir: &IrInterp,
    x: &X64Backend,
    case: u32,
    next_guard: &mut u32,
    stats: &mut FrameStats,
) {
    use metajit::opt::{self, OptConfig};
    let mut rng = Rng::for_case(seed);
    let world = World::new(&mut rng);
    let (mut plain, inputs, gtypes) = gen_frame_loop(&mut rng, &world, *next_guard);
    *next_guard += 1000;
    let types: HashMap<u32, Vec<Type>> = gtypes.into_iter().collect();
    let cfg: OptConfig = "fold:heap:intbounds:dce:unroll".parse().unwrap();
    let mut looped = opt::optimize(&plain, &cfg);
    opt::verify(&looped).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{looped}"));
    let frame_stores = |ops: &[metajit::ir::Op]| {
        ops.iter()
            .filter(|op| op.opcode == Setarrayitem && is_frame(op))
            .count()
    };
    if let Some(label) = looped.ops.iter().position(|op| op.opcode == Label) {
        if frame_stores(&looped.ops[label..]) < frame_stores(&looped.ops[..label]) {
            stats.sunk += 1;
        }
    }
    let plain_resume = number_guards(&mut plain, *next_guard);
    *next_guard += 1000;
    let looped_resume = number_guards(&mut looped, *next_guard);
    *next_guard += 1000;
    let (plain_id, loop_id) = (2 * case, 2 * case + 1);
    ir.compile_loop(plain_id, &plain).expect("interp compiles");
    compile_both(ir, x, loop_id, &looped);
    stats.loops += 1;

    let run = |backend: &dyn Backend, id: u32, resume: &HashMap<u32, GuardResume>| {
        world.reset();
        let Exit::Guard { id, values } = backend.execute(id, &inputs) else {
            panic!("seed {seed}: the loop finished");
        };
        let GuardResume {
            original,
            slots,
            items,
            virtuals,
        } = &resume[&id];
        metajit::resume::perform_stores(virtuals, &values);
        for (n, &k) in items.iter().enumerate() {
            // SAFETY: the world's frame, alive on the test's stack; the
            // items are below its length.
            unsafe {
                heap::store(
                    world.frame,
                    heap::item_offset(&FRAME, k),
                    8,
                    values[slots + n],
                )
            };
        }
        let slot_values: Vec<u64> = values[..*slots]
            .iter()
            .zip(&types[original])
            .map(|(&w, &t)| world.canon(t, w))
            .collect();
        (
            (*original, slot_values, world.snapshot()),
            !items.is_empty(),
        )
    };
    let (want, _) = run(ir, plain_id, &plain_resume);
    let (got_ir, wrote_back) = run(ir, loop_id, &looped_resume);
    let (got_x, _) = run(x, loop_id, &looped_resume);
    if got_ir != want || got_x != want {
        panic!(
            "seed {seed}: unoptimized {want:?}\ninterp {got_ir:?}\nx64 {got_x:?}\n{plain}\noptimized\n{looped}"
        );
    }
    if wrote_back {
        stats.wrote_back += 1;
    }
}

#[test]
fn peeled_frame_loops_agree() {
    let n: u64 = std::env::var("X64_DIFF_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1500);
    let start: u64 = std::env::var("X64_DIFF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let (ir, x) = (IrInterp::new(), X64Backend::new());
    let mut next_guard = 1;
    let mut stats = FrameStats::default();
    for (case, seed) in (start..start + n).enumerate() {
        run_frame_case(seed, &ir, &x, case as u32, &mut next_guard, &mut stats);
    }
    eprintln!("{n} random frame loops: {stats:?}");
    // The items are kept in registers in many loops, and guards that
    // write them back fail often.
    if n >= 100 {
        assert!(stats.sunk * 5 > n, "{stats:?}");
        assert!(stats.wrote_back * 10 > n, "{stats:?}");
    }
}
