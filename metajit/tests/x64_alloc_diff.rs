//! Differential test of compiled allocation: random loops that allocate on
//! every iteration, many hundreds of times, run on the IR interpreter and
//! on the x86-64 backend, must end with the same values.
//!
//! The x64 backend bumps `new` and constant-length `new_array` inline from
//! the GC's windows and calls the allocator only when a window is used up
//! (gc/mod.rs, backend/x64/emit.rs). These loops allocate objects of
//! several size classes, large objects, arrays of constant and computed
//! lengths, and keep some of what they allocate alive across later
//! allocations: in registers and stack slots (values read after the next
//! allocation), across the back edge (a loop input), and only through the
//! heap (a fresh array stored into an object the test owns, and arrays
//! hanging off fresh objects). Each value read back goes into an
//! accumulator that the loop's exit carries, so an object freed too early
//! (or not zeroed, or given a wrong header or length) shows up as a
//! different result. Enough is allocated that windows run out and
//! collections happen inside compiled code; the second test runs in the
//! stress mode, where every allocation collects, and checks that compiled
//! code collects exactly as often as the interpreter.

mod rng;
use rng::Rng;
mod x64common;
use metajit::backend::interp::IrInterp;
use metajit::backend::x64::X64Backend;
use metajit::backend::{Backend, Exit};
use metajit::gc::{self, TypeLayout};
use metajit::heap;
use metajit::ir::{Arg, ArrayDescr, Descr, FieldDescr, Opcode::*, SizeDescr, Trace, Type, Var};
use x64common::*;

/// An object: an int at 8, a reference to an `INTS` array (length ≥ 1)
/// at 16, an int at 24.
static OBJ: SizeDescr = SizeDescr {
    name: "obj",
    type_id: 4101,
    size: 32,
};
/// A larger object of another size class, the same fields, and an int in
/// its last word.
static BIG: SizeDescr = SizeDescr {
    name: "big",
    type_id: 4102,
    size: 200,
};
/// An object too large for the windows: always the allocator's call.
static HUGE: SizeDescr = SizeDescr {
    name: "huge",
    type_id: 4103,
    size: 9000,
};
static INTS: ArrayDescr = ArrayDescr {
    name: "ints",
    type_id: 4104,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};
static REFS: ArrayDescr = ArrayDescr {
    name: "refs",
    type_id: 4105,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};
static BYTES: ArrayDescr = ArrayDescr {
    name: "bytes",
    type_id: 4106,
    len_offset: 8,
    items_offset: 16,
    item_size: 1,
    item: Type::Int,
};
static F_I: FieldDescr = FieldDescr {
    name: "obj.i",
    offset: 8,
    ty: Type::Int,
};
static F_R: FieldDescr = FieldDescr {
    name: "obj.r",
    offset: 16,
    ty: Type::Ref,
};
static F_J: FieldDescr = FieldDescr {
    name: "obj.j",
    offset: 24,
    ty: Type::Int,
};
static BIG_LAST: FieldDescr = FieldDescr {
    name: "big.last",
    offset: 192,
    ty: Type::Int,
};

fn register_layouts() {
    for d in [&OBJ, &BIG, &HUGE] {
        gc::register_type(d.type_id, TypeLayout::Fixed { refs: vec![16] });
    }
}

/// What a fresh value in the trace is, for the reads that follow.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Kind {
    /// `OBJ`, `BIG` or `HUGE`: fields `i`, `r`, `j` (and `BIG_LAST`).
    Object {
        big: bool,
    },
    /// An `INTS` array of at least `min_len` items.
    Ints {
        min_len: i64,
    },
    Refs,
    Bytes {
        len: i64,
    },
}

struct Gen<'r> {
    rng: &'r mut Rng,
    b: B,
    cnt: Var,
    acc: Var,
    /// References available in this iteration, with what they are.
    refs: Vec<(Var, Kind)>,
}

impl Gen<'_> {
    fn int(&mut self) -> Arg {
        match self.rng.below(3) {
            0 => v(self.cnt),
            1 => v(self.acc),
            _ => i(self.rng.below(1000) as i64 - 500),
        }
    }

    fn add_to_acc(&mut self, x: Var) {
        let k = i(self.rng.below(7) as i64 + 1);
        let m = self.b.op(IntMul, &[v(x), k]);
        self.acc = self.b.op(IntAdd, &[v(self.acc), v(m)]);
    }

    fn pick(&mut self, want: fn(Kind) -> bool) -> Option<(Var, Kind)> {
        let found: Vec<(Var, Kind)> = self.refs.iter().copied().filter(|r| want(r.1)).collect();
        (!found.is_empty()).then(|| self.rng.pick(&found))
    }

    /// An `INTS` array with at least one item, fresh if none is at hand.
    fn ints_array(&mut self) -> Var {
        match self.pick(|k| matches!(k, Kind::Ints { min_len } if min_len >= 1)) {
            Some((a, _)) if self.rng.chance(70) => a,
            _ => {
                let len = 1 + self.rng.below(3) as i64;
                self.new_ints(i(len), 1)
            }
        }
    }

    fn new_ints(&mut self, len: Arg, min_len: i64) -> Var {
        let a = self.b.op_d(NewArray, &[len], Descr::Array(&INTS)).unwrap();
        if min_len >= 1 {
            let x = self.int();
            let at = i(self.rng.below(min_len as usize) as i64);
            self.b
                .op_d(Setarrayitem, &[v(a), at, x], Descr::Array(&INTS));
        }
        self.refs.push((a, Kind::Ints { min_len }));
        a
    }

    fn new_object(&mut self) {
        let (d, big) = match self.rng.below(10) {
            0 => (&HUGE, false),
            1..=3 => (&BIG, true),
            _ => (&OBJ, false),
        };
        let o = self.b.op_d(New, &[], Descr::Size(d)).unwrap();
        let x = self.int();
        self.b.op_d(Setfield, &[v(o), x], Descr::Field(&F_I));
        let a = self.ints_array();
        self.b.op_d(Setfield, &[v(o), v(a)], Descr::Field(&F_R));
        if big {
            let y = self.int();
            self.b.op_d(Setfield, &[v(o), y], Descr::Field(&BIG_LAST));
        }
        self.refs.push((o, Kind::Object { big }));
    }

    /// One allocation (with the stores that make it worth reading).
    fn allocate(&mut self) {
        match self.rng.below(8) {
            0..=2 => self.new_object(),
            3 => {
                // Constant lengths: small classes, and one past `MAX_SMALL`.
                let len = self.rng.pick(&[0i64, 1, 3, 17, 200, 1030]);
                self.new_ints(i(len), len.min(3));
            }
            4 => {
                let m = self.b.op(IntAnd, &[v(self.cnt), i(15)]);
                let len = self.b.op(IntAdd, &[v(m), i(1)]);
                self.new_ints(v(len), 1);
            }
            5 => {
                let a = self.b.op_d(NewArray, &[i(4)], Descr::Array(&REFS)).unwrap();
                for k in 0..4 {
                    if self.rng.chance(60) {
                        let x = self.ints_array();
                        self.b
                            .op_d(Setarrayitem, &[v(a), i(k), v(x)], Descr::Array(&REFS));
                    }
                }
                self.refs.push((a, Kind::Refs));
            }
            _ => {
                let len = 1 + self.rng.below(120) as i64;
                let a = self
                    .b
                    .op_d(NewArray, &[i(len)], Descr::Array(&BYTES))
                    .unwrap();
                let x = self.int();
                let at = i(self.rng.below(len as usize) as i64);
                self.b
                    .op_d(Setarrayitem, &[v(a), at, x], Descr::Array(&BYTES));
                self.refs.push((a, Kind::Bytes { len }));
            }
        }
    }

    /// Read something back from an earlier value into the accumulator.
    fn read_back(&mut self) {
        let Some((r, kind)) = self.pick(|_| true) else {
            return;
        };
        match kind {
            Kind::Object { big } => {
                let x = match self.rng.below(4) {
                    0 => self.b.op_d(GetfieldI, &[v(r)], Descr::Field(&F_I)).unwrap(),
                    1 => self.b.op_d(GetfieldI, &[v(r)], Descr::Field(&F_J)).unwrap(),
                    2 if big => self
                        .b
                        .op_d(GetfieldI, &[v(r)], Descr::Field(&BIG_LAST))
                        .unwrap(),
                    _ => {
                        // Through the reference: the array may be reachable
                        // only from this object by now.
                        let a = self.b.op_d(GetfieldR, &[v(r)], Descr::Field(&F_R)).unwrap();
                        self.b
                            .op_d(GetarrayitemI, &[v(a), i(0)], Descr::Array(&INTS))
                            .unwrap()
                    }
                };
                self.add_to_acc(x);
            }
            Kind::Ints { min_len } => {
                let n = self.b.op_d(Arraylen, &[v(r)], Descr::Array(&INTS)).unwrap();
                self.add_to_acc(n);
                if min_len >= 1 {
                    let at = i(self.rng.below(min_len as usize) as i64);
                    let x = self
                        .b
                        .op_d(GetarrayitemI, &[v(r), at], Descr::Array(&INTS))
                        .unwrap();
                    self.add_to_acc(x);
                }
            }
            Kind::Refs => {
                let n = self.b.op_d(Arraylen, &[v(r)], Descr::Array(&REFS)).unwrap();
                self.add_to_acc(n);
            }
            Kind::Bytes { len } => {
                let at = i(self.rng.below(len as usize) as i64);
                let x = self
                    .b
                    .op_d(GetarrayitemI, &[v(r), at], Descr::Array(&BYTES))
                    .unwrap();
                self.add_to_acc(x);
            }
        }
    }
}

/// A loop with inputs `cnt`, `lim`, `acc`, `keep` (an object carried from
/// one iteration to the next) and `world` (an object the test owns, whose
/// `r` the loop replaces with fresh arrays). It exits through its counter
/// guard with `[cnt, acc]`, the guard's id being `id`.
fn gen_loop(rng: &mut Rng, id: u32) -> Trace {
    let mut b = B::new();
    let cnt = b.input(Type::Int);
    let lim = b.input(Type::Int);
    let acc = b.input(Type::Int);
    let keep = b.input(Type::Ref);
    let world = b.input(Type::Ref);
    let mut g = Gen {
        rng,
        b,
        cnt,
        acc,
        refs: vec![(keep, Kind::Object { big: false })],
    };
    let c = g.b.op(IntLt, &[v(cnt), v(lim)]);
    g.b.guard(GuardTrue, &[v(c)], &[v(cnt), v(acc)], id);
    // What the previous iteration left in the world object.
    let wr =
        g.b.op_d(GetfieldR, &[v(world)], Descr::Field(&F_R))
            .unwrap();
    let w0 =
        g.b.op_d(GetarrayitemI, &[v(wr), i(0)], Descr::Array(&INTS))
            .unwrap();
    g.add_to_acc(w0);
    for _ in 0..2 + g.rng.below(8) {
        g.allocate();
        for _ in 0..g.rng.below(3) {
            g.read_back();
        }
    }
    if g.rng.chance(70) {
        let a = g.ints_array();
        g.b.op_d(Setfield, &[v(world), v(a)], Descr::Field(&F_R));
    }
    let next_keep = match g.pick(|k| matches!(k, Kind::Object { .. })) {
        Some((o, _)) => o,
        None => keep,
    };
    let cnt2 = g.b.op(IntAdd, &[v(cnt), i(1)]);
    let acc = g.acc;
    g.b.jump_loop(&[v(cnt2), v(lim), v(acc), v(next_keep), v(world)], id);
    g.b.t
}

/// A fresh `OBJ` whose `r` is a one-item `INTS` array holding `x`.
fn object_with_array(x: i64) -> usize {
    let a = heap::alloc_array(&INTS, 1);
    let o = heap::alloc_object(&OBJ);
    // SAFETY: fresh objects of these descriptors: item 0 is in bounds, and
    // the fields are inside `OBJ`; `a` is on the stack while `o` is made.
    unsafe {
        heap::store(a, heap::item_offset(&INTS, 0), 8, x as u64);
        heap::store(o, F_R.offset as i64, 8, a as u64);
        heap::store(o, F_I.offset as i64, 8, (x * 3) as u64);
    }
    o
}

/// GC counts over one run: collections and bytes allocated.
fn run_counting(backend: &dyn Backend, id: u32, inputs: &[u64]) -> (Exit, u64, u64) {
    let before = gc::stats();
    let exit = backend.execute(id, inputs);
    let after = gc::stats();
    (
        exit,
        after.collections - before.collections,
        after.allocated_bytes - before.allocated_bytes,
    )
}

/// Run `cases` random loops of up to `max_iterations` on both backends;
/// returns the collections that happened during the x64 runs. In stress
/// mode each run must collect as often as the other.
fn run_cases(first_seed: u64, cases: u64, max_iterations: usize, stress: bool) -> u64 {
    register_layouts();
    gc::set_stress(stress);
    let (ir, x) = (IrInterp::new(), X64Backend::new());
    let mut x64_collections = 0;
    for seed in first_seed..first_seed + cases {
        let mut rng = Rng::for_case(seed);
        let id = seed as u32;
        let trace = gen_loop(&mut rng, id);
        compile_both(&ir, &x, id, &trace);
        let lim = max_iterations / 2 + rng.below(max_iterations / 2);
        let acc0 = rng.below(100) as u64;
        let mut results = Vec::new();
        for backend in [&ir as &dyn Backend, &x] {
            let keep = object_with_array(5);
            let world = object_with_array(7);
            let inputs = [0, lim as u64, acc0, keep as u64, world as u64];
            let (exit, collections, bytes) = run_counting(backend, id, &inputs);
            // SAFETY: `world` is an `OBJ` on this frame's stack, whose `r`
            // is always an `INTS` array of at least one item.
            let last = unsafe {
                let a = heap::load(world, F_R.offset as i64, 8) as usize;
                heap::load(a, heap::item_offset(&INTS, 0), 8)
            };
            std::hint::black_box((keep, world));
            results.push((exit, last, collections, bytes));
        }
        let (a, b) = (&results[0], &results[1]);
        let expected = Exit::Guard {
            id,
            values: vec![lim as u64, a.0.clone().values()[1]],
        };
        assert_eq!(
            a.0, expected,
            "seed {seed}: the loop must end at its counter"
        );
        assert!(
            a.0 == b.0 && a.1 == b.1,
            "seed {seed}: interp {:?} (world {}) vs x64 {:?} (world {})\n{trace}\n{}",
            a.0,
            a.1,
            b.0,
            b.1,
            x.listing(id)
        );
        // The same objects were allocated, in cells of the same sizes.
        assert_eq!(a.3, b.3, "seed {seed}: bytes allocated differ");
        if stress {
            assert_eq!(a.2, b.2, "seed {seed}: collections differ in stress mode");
        }
        x64_collections += b.2;
    }
    gc::set_stress(false);
    x64_collections
}

trait Values {
    fn values(self) -> Vec<u64>;
}

impl Values for Exit {
    fn values(self) -> Vec<u64> {
        match self {
            Exit::Guard { values, .. } | Exit::Finish { values } => values,
        }
    }
}

#[test]
fn allocating_loops_agree_and_collect() {
    let collections = run_cases(1, 40, 1500, false);
    assert!(
        collections >= 2,
        "compiled code should have collected a few times, got {collections}"
    );
}

#[test]
fn allocating_loops_agree_in_stress_mode() {
    let collections = run_cases(1001, 12, 60, true);
    assert!(collections > 100, "got {collections} collections");
}
