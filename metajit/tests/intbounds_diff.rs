//! Differential test of `opt::intbounds`: random integer traces, heavy in
//! what the pass reasons about (masks, shifts, division by constants,
//! overflow-checked arithmetic, signed and unsigned comparisons, guards on
//! them, `arraylen` and byte loads behind index checks), run on random
//! inputs that favour the i64 edges.
//!
//! Each trace runs on the IR interpreter as recorded and after the pass,
//! and the optimized one also on the x86-64 backend: the exit (the failing
//! guard's id and its values, or the finish values) must be the same.
//! Half the traces are loops (a counter guard ends them) optimized by the
//! whole pipeline and then by the pass once more, so that its rules at the
//! peeled loop's `label` are exercised too; the others are straight traces
//! given to the pass alone.
//! A wrong range shows up as a dropped guard that should have failed, a
//! plain operation that should have overflowed, a wrongly folded
//! comparison, or a load past the end of the array.

mod rng;
use rng::Rng;
mod x64common;

use metajit::backend::interp::IrInterp;
use metajit::backend::x64::X64Backend;
use metajit::backend::{Backend, Exit};
use metajit::heap;
use metajit::ir::{
    Arg, ArrayDescr, Descr, Opcode, Opcode::*, Resume, Snapshot, SnapshotFrame, Trace, Type, Var,
};
use metajit::opt::{self, OptConfig};
use x64common::{i, v, B};

static BYTES: ArrayDescr = ArrayDescr {
    name: "bytes",
    type_id: 12,
    len_offset: 8,
    items_offset: 16,
    item_size: 1,
    item: Type::Int,
};

impl Rng {
    /// Values near the edges of the ranges the pass computes.
    fn edge(&mut self) -> i64 {
        match self.below(5) {
            0 => self.pick(&[
                i64::MIN,
                i64::MIN + 1,
                i64::MAX,
                i64::MAX - 1,
                1 << 62,
                -(1 << 62),
                (1 << 62) - 1,
            ]),
            1 => self.pick(&[0, 1, -1, 2, -2, 7, 8, 15, 16, 255, 256, -16, -17]),
            2 => self.next() as i64,
            3 => (self.next() as i64) >> self.below(64),
            _ => self.below(41) as i64 - 20,
        }
    }
}

struct Gen<'a> {
    rng: &'a mut Rng,
    b: B,
    ints: Vec<Var>,
    /// The byte array input and its length.
    bytes: Var,
    len: Var,
    next_guard: u32,
}

impl Gen<'_> {
    fn int(&mut self) -> Arg {
        if self.rng.chance(20) {
            i(self.rng.edge())
        } else {
            v(self.rng.pick(&self.ints))
        }
    }

    fn var(&mut self) -> Arg {
        v(self.rng.pick(&self.ints))
    }

    fn guard(&mut self, opcode: Opcode, args: &[Arg]) {
        let mut fail = Vec::new();
        for _ in 0..self.rng.below(4) {
            fail.push(self.var());
        }
        fail.extend(args.iter().filter(|a| !a.is_const()));
        self.next_guard += 1;
        self.b.guard(opcode, args, &fail, self.next_guard);
    }

    fn push(&mut self, opcode: Opcode, args: &[Arg]) -> Var {
        let d = self.b.op(opcode, args);
        self.ints.push(d);
        d
    }

    fn step(&mut self) {
        match self.rng.below(100) {
            0..=14 => {
                // Something with a known range.
                let x = self.var();
                let (op, k) = match self.rng.below(8) {
                    0 => (IntAnd, self.rng.pick(&[1, 7, 15, 255, i64::MAX, -16])),
                    1 => (IntOr, self.rng.pick(&[1, -16, i64::MIN, 8])),
                    2 => (IntRshift, self.rng.below(70) as i64),
                    3 => (UintRshift, self.rng.below(70) as i64),
                    4 => (IntLshift, self.rng.below(64) as i64),
                    5 => (
                        IntMod,
                        self.rng.pick(&[0, 1, -1, 3, -7, 10, i64::MIN, i64::MAX]),
                    ),
                    6 => (
                        IntFloorDiv,
                        self.rng.pick(&[0, 1, -1, 2, -3, 1000, i64::MIN]),
                    ),
                    _ => (IntXor, self.rng.pick(&[1, 255, i64::MAX])),
                };
                self.push(op, &[x, i(k)]);
            }
            15..=29 => {
                let op = self.rng.pick(&[IntAddOvf, IntSubOvf, IntMulOvf]);
                let (x, y) = (self.int(), self.int());
                self.push(op, &[x, y]);
                let g = if self.rng.chance(95) {
                    GuardNoOverflow
                } else {
                    GuardOverflow
                };
                self.guard(g, &[]);
            }
            30..=39 => {
                let op = self
                    .rng
                    .pick(&[IntAdd, IntSub, IntMul, IntAnd, IntOr, IntXor]);
                let (x, y) = (self.int(), self.int());
                self.push(op, &[x, y]);
            }
            40..=44 => {
                let op = self.rng.pick(&[IntNeg, IntInvert, IntIsTrue, IntIsZero]);
                let x = self.var();
                self.push(op, &[x]);
            }
            45..=79 => {
                // A comparison, mostly guarded.
                let op = self
                    .rng
                    .pick(&[IntLt, IntLe, IntGt, IntGe, IntEq, IntNe, UintLt, UintGe]);
                let x = self.var();
                let y = if self.rng.chance(50) {
                    self.var()
                } else {
                    i(self.rng.edge())
                };
                let c = self.push(op, &[x, y]);
                if self.rng.chance(80) {
                    let g = self.rng.pick(&[GuardTrue, GuardFalse]);
                    self.guard(g, &[v(c)]);
                }
            }
            80..=84 => {
                // An index check (unsigned, or signed both ways), then the
                // load it protects.
                let index = if self.rng.chance(50) {
                    let x = self.var();
                    v(self.push(IntAnd, &[x, i(15)]))
                } else {
                    self.var()
                };
                let (len, bytes) = (v(self.len), v(self.bytes));
                if self.rng.chance(50) {
                    let c = self.push(UintLt, &[index, len]);
                    self.guard(GuardTrue, &[v(c)]);
                } else {
                    let c = self.push(IntGe, &[index, i(0)]);
                    self.guard(GuardTrue, &[v(c)]);
                    let c = self.push(IntLt, &[index, len]);
                    self.guard(GuardTrue, &[v(c)]);
                }
                let item = self
                    .b
                    .op_d(GetarrayitemI, &[bytes, index], Descr::Array(&BYTES));
                self.ints.extend(item);
            }
            85..=89 => {
                let g = self.rng.pick(&[GuardTrue, GuardFalse]);
                let x = self.var();
                self.guard(g, &[x]);
            }
            _ => {
                let x = self.var();
                let k = self.rng.pick(&[0, 1, -1, 7, i64::MIN, i64::MAX]);
                self.guard(GuardValue, &[x, i(k)]);
            }
        }
    }
}

/// A random trace over `n_inputs` ints and a byte array; as a loop, its
/// first two inputs are a counter and its limit, checked first.
fn gen(rng: &mut Rng, n_inputs: usize, looped: bool) -> Trace {
    let mut b = B::new();
    let ints: Vec<Var> = (0..n_inputs).map(|_| b.input(Type::Int)).collect();
    let bytes = b.input(Type::Ref);
    let len = b
        .op_d(Arraylen, &[v(bytes)], Descr::Array(&BYTES))
        .expect("arraylen has a result");
    let mut g = Gen {
        rng,
        b,
        ints,
        bytes,
        len,
        next_guard: 0,
    };
    g.ints.push(len);
    if looped {
        let c = g.b.op(IntLt, &[v(g.ints[0]), v(g.ints[1])]);
        g.guard(GuardTrue, &[v(c)]);
    }
    for _ in 0..5 + g.rng.below(25) {
        g.step();
    }
    if looped {
        let next = g.b.op(IntAdd, &[v(g.ints[0]), i(1)]);
        let mut args = vec![v(next), v(g.ints[1])];
        for _ in 2..n_inputs {
            let a = g.var();
            args.push(a);
        }
        args.push(v(g.bytes));
        g.b.void(Jump, &args);
    } else {
        let args: Vec<Arg> = (0..1 + g.rng.below(6)).map(|_| g.var()).collect();
        g.b.void(Finish, &args);
    }
    // The one resume point every guard names (`verify` wants it there).
    g.b.t.snapshots.push(Snapshot {
        caller: None,
        frame: SnapshotFrame {
            greens: 0,
            slots: 0,
            resume: Resume::Dispatch,
            virtuals: None,
        },
    });
    g.b.t
}

fn run(backend: &dyn Backend, id: u32, t: &Trace, inputs: &[u64]) -> Exit {
    backend
        .compile_loop(id, t)
        .unwrap_or_else(|e| panic!("{} refuses: {e:?}\n{t}", backend.name()));
    let exit = backend.execute(id, inputs);
    let guards: Vec<u32> = t
        .guards()
        .filter_map(|g| g.guard.as_ref())
        .map(|g| g.id)
        .collect();
    backend.free(id, &guards);
    exit
}

#[test]
fn optimized_traces_end_the_same() {
    let n: u64 = std::env::var("INTBOUNDS_DIFF_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let (ir, x64) = (IrInterp::new(), X64Backend::new());
    let mut changed = 0u64;
    for seed in 1..=n {
        let mut rng = Rng::for_case(seed);
        let looped = seed % 2 == 0;
        let n_inputs = 3 + rng.below(3);
        let t = gen(&mut rng, n_inputs, looped);
        let len = rng.below(17);
        let bytes = heap::alloc_array(&BYTES, len as i64);
        for k in 0..len {
            // SAFETY: `bytes` was just allocated with `len` items, and is
            // kept alive by this frame.
            unsafe { heap::store(bytes, heap::item_offset(&BYTES, k as i64), 1, rng.next()) };
        }
        let o = if looped {
            // Once more on the peeled loop, for the rules at its label.
            opt::intbounds::run(&opt::optimize(&t, &OptConfig::all()))
        } else {
            opt::intbounds::run(&t)
        };
        if let Err(e) = opt::verify(&o) {
            panic!("seed {seed}: ill-formed output: {e}\n{o}");
        }
        changed += (!looped && o.to_string() != t.to_string()) as u64;
        for round in 0..8 {
            let mut inputs: Vec<u64> = (0..n_inputs).map(|_| rng.edge() as u64).collect();
            if looped {
                inputs[0] = 0;
                inputs[1] = round % 4;
            }
            inputs.push(bytes as u64);
            let id = (seed * 8 + round) as u32;
            let before = run(&ir, id, &t, &inputs);
            let after = run(&ir, id, &o, &inputs);
            let native = run(&x64, id, &o, &inputs);
            assert!(
                before == after && after == native,
                "seed {seed}, inputs {inputs:?}:\nrecorded {before:?}\noptimized {after:?}\nx64 {native:?}\n--- recorded:\n{t}\n--- optimized:\n{o}"
            );
        }
    }
    // The generator must give the pass something to do.
    assert!(
        changed > n / 4,
        "the pass changed only {changed} of {n} traces"
    );
}
