//! Hand-written tests of the x86-64 backend, each checked against the IR
//! interpreter: loops, overflow, floats, calls, bridges, finish.

mod x64common;
use metajit::backend::Exit;
use metajit::ir::{Opcode::*, Type};
use x64common::*;

#[test]
fn sum_loop_exits_by_guard() {
    let mut b = B::new();
    let (n0, n1, s) = (b.input(Type::Int), b.input(Type::Int), b.input(Type::Int));
    b.void(Label, &[v(n0), v(n1), v(s)]);
    let c = b.op(IntLe, &[v(n0), v(n1)]);
    b.guard(GuardTrue, &[v(c)], &[v(n0), v(s)], 7);
    let s2 = b.op(IntAdd, &[v(s), v(n0)]);
    let n2 = b.op(IntAdd, &[v(n0), i(1)]);
    b.void(Jump, &[v(n2), v(n1), v(s2)]);
    let e = check(&b.t, &[1, 100, 0]);
    assert_eq!(
        e,
        Exit::Guard {
            id: 7,
            values: vec![101, 5050]
        }
    );
    if std::env::var("X64_SHOW_LISTING").is_ok() {
        use metajit::backend::Backend;
        let x = metajit::backend::x64::X64Backend::new();
        x.compile_loop(0, &b.t).unwrap();
        eprintln!("{}", x.listing(0));
    }
}

#[test]
fn finish() {
    let mut b = B::new();
    let x = b.input(Type::Int);
    let y = b.op(IntMul, &[v(x), i(3)]);
    b.void(Finish, &[v(y), i(-1), v(x)]);
    let e = check(&b.t, &[14]);
    assert_eq!(
        e,
        Exit::Finish {
            values: vec![42, u64::MAX, 14]
        }
    );
}

#[test]
fn loop_to_start_without_label() {
    // [i0, i1] i2 = int_lt(i0, 10); guard_true(i2); i3 = int_add(i0, 1);
    // i4 = int_mul(i1, 3); jump(i3, i4)
    let mut b = B::new();
    let (n, acc) = (b.input(Type::Int), b.input(Type::Int));
    let c = b.op(IntLt, &[v(n), i(10)]);
    b.guard(GuardTrue, &[v(c)], &[v(n), v(acc)], 1);
    let n2 = b.op(IntAdd, &[v(n), i(1)]);
    let acc2 = b.op(IntMul, &[v(acc), i(3)]);
    b.void(Jump, &[v(n2), v(acc2)]);
    let e = check(&b.t, &[0, 1]);
    assert_eq!(
        e,
        Exit::Guard {
            id: 1,
            values: vec![10, 59049]
        }
    );
}

/// The code the listing shows for the first operation whose text
/// contains `op`: the hex lines after its line, joined.
fn code_of(listing: &str, op: &str) -> String {
    let mut lines = listing.lines().skip_while(|l| !l.contains(op)).skip(1);
    let mut code = String::new();
    while let Some(l) = lines.next().filter(|l| l.starts_with("      ")) {
        code.push_str(l.trim());
    }
    code
}

/// SQUARE's loop after peeling: the values the jump passes are computed
/// from the label's own, so each can be computed in the register of the
/// value it replaces; the jump moves nothing, and the last guard's branch
/// is the back edge (`je head; jmp stub`, no `jmp head` after it).
#[test]
fn loop_carried_values_stay_in_their_registers() {
    use metajit::backend::Backend;
    let mut b = B::new();
    let (n, a) = (b.input(Type::Int), b.input(Type::Int));
    let res = b.op(IntMul, &[v(a), i(0)]);
    b.void(Label, &[v(n), v(res)]);
    let n2 = b.op(IntAdd, &[i(-1), v(n)]);
    let res2 = b.op(IntAdd, &[v(res), v(a)]);
    b.guard(GuardTrue, &[v(n2)], &[v(n2), v(res2)], 3);
    b.void(Jump, &[v(n2), v(res2)]);
    let e = check(&b.t, &[1000, 1000]);
    assert_eq!(
        e,
        Exit::Guard {
            id: 3,
            values: vec![0, 1_000_000]
        }
    );
    let x = metajit::backend::x64::X64Backend::new();
    x.compile_loop(0, &b.t).unwrap();
    let listing = x.listing(0);
    assert_eq!(code_of(&listing, "jump("), "", "{listing}");
    // `add r, -1` in place: one instruction, the constant an immediate.
    let add = code_of(&listing, "int_add(-1");
    assert_eq!(add.split(' ').count(), 7, "{listing}");
    // test r, r (3 bytes); jne head (6); jmp stub (5).
    let guard = code_of(&listing, "guard_true");
    assert_eq!(guard.split(' ').count(), 3 + 6 + 5, "{listing}");
}

/// A backend made without listings renders no op text when it compiles:
/// its listing shows the same code with `(op)` in place of each op.
#[test]
fn a_backend_without_listings_shows_the_code_alone() {
    use metajit::backend::x64::X64Backend;
    use metajit::backend::Backend;
    let mut b = B::new();
    let n = b.input(Type::Int);
    b.void(Label, &[v(n)]);
    let n2 = b.op(IntAdd, &[i(-1), v(n)]);
    b.guard(GuardTrue, &[v(n2)], &[v(n2)], 3);
    b.void(Jump, &[v(n2)]);
    let (with, without) = (X64Backend::new(), X64Backend::with_listings(false));
    with.compile_loop(0, &b.t).unwrap();
    without.compile_loop(0, &b.t).unwrap();
    let (full, bare) = (with.listing(0), without.listing(0));
    assert!(full.contains("int_add(-1"), "{full}");
    assert!(!bare.contains("int_add"), "{bare}");
    // As many lines of code, each as long (the guard's stub embeds the
    // address of its slot, which differs).
    let code = |l: &str| -> Vec<usize> {
        l.lines()
            .filter(|l| l.starts_with("      "))
            .map(str::len)
            .collect()
    };
    assert_eq!(code(&full), code(&bare));
    assert_eq!(
        bare.lines().filter(|l| l.ends_with("(op)")).count(),
        b.t.ops.len(),
        "{bare}"
    );
    assert_eq!(without.execute(0, &[5]), with.execute(0, &[5]));
}

/// Loop-carried values swapped, rotated, passed twice and replaced by
/// constants at the jump: the back edge's moves must read every value
/// before writing any.
#[test]
fn shuffled_loop_carried_values() {
    let mut b = B::new();
    let ins: Vec<_> = (0..6).map(|_| b.input(Type::Int)).collect();
    let (k, x, y, p, q, r) = (ins[0], ins[1], ins[2], ins[3], ins[4], ins[5]);
    b.void(Label, &ins.iter().map(|&z| v(z)).collect::<Vec<_>>());
    let c = b.op(IntLt, &[v(k), i(7)]);
    b.guard(GuardTrue, &[v(c)], &[v(k), v(x), v(y), v(p), v(q), v(r)], 1);
    let k2 = b.op(IntAdd, &[v(k), i(1)]);
    let x3 = b.op(IntMul, &[v(x), i(3)]);
    // k counts; (x, y) <- (y, 3x), a swap; (p, q, r) <- (q, r, p), a
    // rotation. By hand: (x, y) goes (1, 2), (2, 3), (3, 6), (6, 9),
    // (9, 18), (18, 27), (27, 54), (54, 81); the rotation has period 3.
    b.void(Jump, &[v(k2), v(y), v(x3), v(q), v(r), v(p)]);
    assert_eq!(
        check(&b.t, &[0, 1, 2, 10, 20, 30]),
        Exit::Guard {
            id: 1,
            values: vec![7, 54, 81, 20, 30, 10]
        }
    );
    // A constant and a value passed twice.
    let mut b = B::new();
    let (k, x, y) = (b.input(Type::Int), b.input(Type::Int), b.input(Type::Int));
    let c = b.op(IntLt, &[v(k), i(3)]);
    b.guard(GuardTrue, &[v(c)], &[v(k), v(x), v(y)], 2);
    let k2 = b.op(IntAdd, &[v(k), i(1)]);
    let s = b.op(IntAdd, &[v(x), v(y)]);
    b.void(Jump, &[v(k2), v(s), v(s)]);
    assert_eq!(
        check(&b.t, &[0, 1, 2]),
        Exit::Guard {
            id: 2,
            values: vec![3, 12, 12]
        }
    );
}

#[test]
fn overflow_guards() {
    // Doubling until int_mul_ovf overflows.
    let mut b = B::new();
    let x = b.input(Type::Int);
    b.void(Label, &[v(x)]);
    let y = b.op(IntMulOvf, &[v(x), i(2)]);
    b.guard(GuardNoOverflow, &[], &[v(x), v(y)], 3);
    b.void(Jump, &[v(y)]);
    let e = check(&b.t, &[3]);
    assert_eq!(
        e,
        Exit::Guard {
            id: 3,
            values: vec![3 << 61, (3u64 << 61).wrapping_mul(2)]
        }
    );

    // guard_overflow passes only on overflow.
    let mut b = B::new();
    let (x, y) = (b.input(Type::Int), b.input(Type::Int));
    let s = b.op(IntAddOvf, &[v(x), v(y)]);
    b.guard(GuardOverflow, &[], &[v(s)], 4);
    let d = b.op(IntSubOvf, &[v(s), i(1)]);
    b.guard(GuardNoOverflow, &[], &[v(d)], 5);
    b.void(Finish, &[v(s), v(d)]);
    assert_eq!(
        check(&b.t, &[1, 2]),
        Exit::Guard {
            id: 4,
            values: vec![3]
        }
    );
    let max = i64::MAX as u64;
    assert_eq!(
        check(&b.t, &[max, 1]),
        Exit::Guard {
            id: 5,
            values: vec![max]
        }
    );
    assert_eq!(
        check(&b.t, &[max, max]),
        Exit::Finish {
            values: vec![-2i64 as u64, -3i64 as u64]
        }
    );
}

#[test]
fn overflow_guard_must_follow_its_operation() {
    let mut b = B::new();
    let x = b.input(Type::Int);
    let s = b.op(IntAddOvf, &[v(x), i(1)]);
    let _t = b.op(IntAdd, &[v(s), i(1)]);
    b.guard(GuardNoOverflow, &[], &[], 1);
    b.void(Finish, &[v(s)]);
    let x64 = metajit::backend::x64::X64Backend::new();
    use metajit::backend::Backend;
    assert!(x64.compile_loop(0, &b.t).is_err());
    // A guard without its fail arguments' room is refused too.
    let mut b = B::new();
    let x = b.input(Type::Int);
    b.guard(GuardTrue, &[], &[v(x)], 1);
    b.void(Finish, &[v(x)]);
    assert!(x64.compile_loop(1, &b.t).is_err());
}

#[test]
fn division_edge_cases() {
    let mut b = B::new();
    let (x, y) = (b.input(Type::Int), b.input(Type::Int));
    let mut outs = vec![];
    for op in [IntFloorDiv, IntMod] {
        outs.push(v(b.op(op, &[v(x), v(y)])));
        for c in [0, -1, 1, 7, -7, i64::MIN] {
            outs.push(v(b.op(op, &[v(x), i(c)])));
            outs.push(v(b.op(op, &[i(c), v(y)])));
        }
    }
    b.void(Finish, &outs);
    let min = i64::MIN as u64;
    for (p, q) in [
        (7, 2),
        (-7i64 as u64, 2),
        (7, 0),
        (min, u64::MAX),
        (min, 1),
        (0, 0),
        (5, -3i64 as u64),
    ] {
        check(&b.t, &[p, q]);
    }
}

#[test]
fn shifts_and_compares() {
    let mut b = B::new();
    let (x, y) = (b.input(Type::Int), b.input(Type::Int));
    let mut outs = vec![];
    for op in [
        IntLshift, IntRshift, UintRshift, IntLt, IntLe, IntEq, IntNe, IntGt, IntGe, UintLt, UintGe,
    ] {
        outs.push(v(b.op(op, &[v(x), v(y)])));
        outs.push(v(b.op(op, &[v(x), i(65)])));
        outs.push(v(b.op(op, &[i(-5), v(y)])));
    }
    for op in [IntNeg, IntInvert, IntIsTrue, IntIsZero] {
        outs.push(v(b.op(op, &[v(x)])));
    }
    b.void(Finish, &outs);
    for (p, q) in [(1, 3), (u64::MAX, 63), (1 << 63, 64), (0, 0), (5, 200)] {
        check(&b.t, &[p, q]);
    }
}

#[test]
fn floats_and_casts() {
    // Sum 0.5 * k for k in 0..n, as floats, then exit.
    let mut b = B::new();
    let (k, n, s) = (b.input(Type::Int), b.input(Type::Int), b.input(Type::Float));
    b.void(Label, &[v(k), v(n), v(s)]);
    let c = b.op(IntLt, &[v(k), v(n)]);
    b.guard(GuardTrue, &[v(c)], &[v(k), v(s)], 9);
    let kf = b.op(CastIntToFloat, &[v(k)]);
    let h = b.op(FloatMul, &[v(kf), f(0.5)]);
    let s2 = b.op(FloatAdd, &[v(s), v(h)]);
    let k2 = b.op(IntAdd, &[v(k), i(1)]);
    b.void(Jump, &[v(k2), v(n), v(s2)]);
    let e = check(&b.t, &[0, 100, 0f64.to_bits()]);
    assert_eq!(
        e,
        Exit::Guard {
            id: 9,
            values: vec![100, 2475.0f64.to_bits()]
        }
    );

    // Saturating float-to-int, NaN-aware comparisons, neg/abs.
    let mut b = B::new();
    let (x, y) = (b.input(Type::Float), b.input(Type::Float));
    let mut outs = vec![v(b.op(CastFloatToInt, &[v(x)]))];
    for op in [FloatLt, FloatLe, FloatEq, FloatNe, FloatGt, FloatGe] {
        outs.push(v(b.op(op, &[v(x), v(y)])));
    }
    for op in [FloatNeg, FloatAbs] {
        outs.push(v(b.op(op, &[v(x)])));
    }
    for op in [FloatAdd, FloatSub, FloatMul, FloatTrueDiv] {
        outs.push(v(b.op(op, &[v(x), v(y)])));
        outs.push(v(b.op(op, &[f(1.5), v(y)])));
    }
    b.void(Finish, &outs);
    let vals = [
        0.0,
        -0.0,
        1.5,
        -2.5,
        1e20,
        -1e20,
        9.223_372_036_854_776e18,
        -9.223_372_036_854_776e18,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    for &p in &vals {
        for &q in &[1.0, f64::NAN, -0.0, 1e20] {
            let e = check(&b.t, &[p.to_bits(), q.to_bits()]);
            let Exit::Finish { values } = e else { panic!() };
            assert_eq!(values[0] as i64, p as i64);
        }
    }
}

extern "C" fn six(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64) -> i64 {
    a - 2 * b + 3 * c - 4 * d + 5 * e - 6 * f
}
extern "C" fn fmix(x: f64, y: f64) -> f64 {
    x * 10.0 + y
}
/// Returns 1 when called with a 16-byte aligned stack (a 16-aligned local
/// then really is 16-aligned), plus a tenth of its argument.
extern "C" fn aligned(x: i64) -> i64 {
    #[repr(align(16))]
    struct A([u8; 16]);
    let a = A([0; 16]);
    let p = std::hint::black_box(&a) as *const A as usize;
    (p.is_multiple_of(16)) as i64 + x / 10 + a.0[0] as i64
}

/// A leaked descriptor of the helper `f`, which may do anything.
fn descr<F: metajit::abi::HelperFn>(name: &'static str, f: F) -> &'static metajit::ir::CallDescr {
    Box::leak(Box::new(metajit::ir::CallDescr::of(
        name,
        f,
        metajit::ir::Effects::RANDOM,
    )))
}

#[test]
fn calls_with_int_and_float_args() {
    use metajit::ir::Descr;
    let d6 = descr(
        "six",
        six as extern "C" fn(i64, i64, i64, i64, i64, i64) -> i64,
    );
    let df = descr("fmix", fmix as extern "C" fn(f64, f64) -> f64);
    let mut b = B::new();
    let ins: Vec<_> = (0..6).map(|_| b.input(Type::Int)).collect();
    let (x, y) = (b.input(Type::Float), b.input(Type::Float));
    // Arguments in rotated order, so the moves into rdi.. form a cycle.
    let args: Vec<_> = (0..6).map(|k| v(ins[(k + 1) % 6])).collect();
    let r = b.op_d(CallI, &args, Descr::Call(d6)).unwrap();
    let r2 = b
        .op_d(
            CallI,
            &[i(1), v(r), i(-3), v(ins[0]), i(1 << 40), v(ins[5])],
            Descr::Call(d6),
        )
        .unwrap();
    let g = b.op_d(CallF, &[v(y), v(x)], Descr::Call(df)).unwrap();
    let g2 = b
        .op_d(CallPureF, &[v(g), f(0.25)], Descr::Call(df))
        .unwrap();
    b.void(Finish, &[v(r), v(r2), v(g), v(g2), v(ins[3]), v(x)]);
    let e = check(
        &b.t,
        &[1, 2, 3, 4, 5, 6, 1.5f64.to_bits(), 2.0f64.to_bits()],
    );
    let Exit::Finish { values } = e else { panic!() };
    assert_eq!(values[0] as i64, six(2, 3, 4, 5, 6, 1));
    assert_eq!(f64::from_bits(values[2]), 21.5);
}

/// Every SysV argument register, ints and floats interleaved (one a
/// reference); each argument's bits are mixed in at its own position, so a
/// misplaced argument changes the result.
#[allow(clippy::too_many_arguments)]
extern "C" fn every(
    a: i64,
    x0: f64,
    b: i64,
    x1: f64,
    x2: f64,
    r: usize,
    x3: f64,
    c: i64,
    x4: f64,
    x5: f64,
    d: i64,
    x6: f64,
    e: i64,
    x7: f64,
) -> i64 {
    let words = [
        a as u64,
        x0.to_bits(),
        b as u64,
        x1.to_bits(),
        x2.to_bits(),
        r as u64,
        x3.to_bits(),
        c as u64,
        x4.to_bits(),
        x5.to_bits(),
        d as u64,
        x6.to_bits(),
        e as u64,
        x7.to_bits(),
    ];
    words.iter().enumerate().fold(0u64, |h, (k, &w)| {
        h.rotate_left(7) ^ w.wrapping_mul(2 * k as u64 + 1)
    }) as i64
}

/// Floats first, then ints, returning a float.
extern "C" fn floats_first(x: f64, y: f64, n: i64, r: usize) -> f64 {
    x * 2.0 - y + n as f64 + (r % 1000) as f64
}

#[test]
fn calls_with_every_argument_register_in_any_mix() {
    use metajit::ir::{Arg, Descr};
    type Every = extern "C" fn(
        i64,
        f64,
        i64,
        f64,
        f64,
        usize,
        f64,
        i64,
        f64,
        f64,
        i64,
        f64,
        i64,
        f64,
    ) -> i64;
    let de = descr("every", every as Every);
    let dff = descr(
        "floats_first",
        floats_first as extern "C" fn(f64, f64, i64, usize) -> f64,
    );
    let mut b = B::new();
    let n = b.input(Type::Int);
    let ints: Vec<_> = (0..4).map(|_| b.input(Type::Int)).collect();
    let r = b.input(Type::Ref);
    let fl: Vec<_> = (0..8).map(|_| b.input(Type::Float)).collect();
    let mut label = vec![v(n)];
    label.extend(ints.iter().map(|&x| v(x)));
    label.push(v(r));
    label.extend(fl.iter().map(|&x| v(x)));
    b.void(Label, &label);
    let c = b.op(IntLt, &[v(n), i(20)]);
    b.guard(GuardTrue, &[v(c)], &label, 1);
    // Ints and floats each rotated, so the moves into argument registers
    // form cycles in both register files.
    let call_args = |ints: &[metajit::ir::Var], fl: &[metajit::ir::Var]| -> Vec<Arg> {
        vec![
            v(ints[1]),
            v(fl[1]),
            v(ints[2]),
            v(fl[2]),
            v(fl[3]),
            v(r),
            v(fl[4]),
            v(ints[3]),
            v(fl[5]),
            v(fl[6]),
            v(ints[0]),
            v(fl[7]),
            v(n),
            v(fl[0]),
        ]
    };
    let h = b
        .op_d(CallI, &call_args(&ints, &fl), Descr::Call(de))
        .unwrap();
    // Constants in some positions, and the result of the first call.
    let h2 = b
        .op_d(
            CallI,
            &[
                v(h),
                f(0.5),
                i(-1),
                v(fl[0]),
                f(-0.0),
                v(r),
                v(fl[7]),
                i(1 << 40),
                v(fl[1]),
                f(1e300),
                v(ints[2]),
                v(fl[6]),
                v(h),
                v(fl[5]),
            ],
            Descr::Call(de),
        )
        .unwrap();
    let g = b
        .op_d(CallF, &[v(fl[3]), v(fl[2]), v(h2), v(r)], Descr::Call(dff))
        .unwrap();
    let mut next = vec![v(b.op(IntAdd, &[v(n), i(1)]))];
    next.push(v(h));
    next.push(v(h2));
    next.push(v(ints[0]));
    next.push(v(ints[1]));
    next.push(v(r));
    next.push(v(g));
    next.extend(fl[..7].iter().map(|&x| v(x)));
    b.void(Jump, &next);
    let mut inputs = vec![0u64, 1, (-2i64) as u64, 3 << 33, 4, 0x1000];
    inputs.extend((0..8).map(|k| (k as f64 * 1.25 - 3.0).to_bits()));
    let e = check(&b.t, &inputs);
    let Exit::Guard { id: 1, values } = e else {
        panic!("{e:?}")
    };
    assert_eq!(values[0], 20);
    // The first iteration, computed directly.
    let mut b1 = B::new();
    let ins: Vec<_> = [Type::Int, Type::Float, Type::Int, Type::Ref]
        .iter()
        .map(|&t| b1.input(t))
        .collect();
    let once = b1
        .op_d(
            CallF,
            &[v(ins[1]), f(2.0), v(ins[0]), v(ins[3])],
            Descr::Call(dff),
        )
        .unwrap();
    b1.void(Finish, &[v(once)]);
    let e = check(&b1.t, &[5, 1.5f64.to_bits(), 0, 0x2001]);
    assert_eq!(
        e,
        Exit::Finish {
            values: vec![floats_first(1.5, 2.0, 5, 0x2001).to_bits()]
        }
    );
}

#[test]
fn call_in_loop_with_many_live_values() {
    use metajit::ir::Descr;
    let da = descr("aligned", aligned as extern "C" fn(i64) -> i64);
    let mut b = B::new();
    let n = b.input(Type::Int);
    let ints: Vec<_> = (0..14).map(|_| b.input(Type::Int)).collect();
    let floats: Vec<_> = (0..6).map(|_| b.input(Type::Float)).collect();
    let mut label = vec![v(n)];
    label.extend(ints.iter().map(|&x| v(x)));
    label.extend(floats.iter().map(|&x| v(x)));
    b.void(Label, &label);
    let c = b.op(IntLt, &[v(n), i(50)]);
    let mut fail = label.clone();
    fail.push(v(c));
    b.guard(GuardTrue, &[v(c)], &fail[..fail.len() - 1], 1);
    // Every value is live across the call.
    let r = b.op_d(CallI, &[v(ints[3])], Descr::Call(da)).unwrap();
    let mut next = vec![v(b.op(IntAdd, &[v(n), i(1)]))];
    for (k, &x) in ints.iter().enumerate() {
        let y = if k == 0 {
            b.op(IntAdd, &[v(x), v(r)])
        } else {
            b.op(IntAdd, &[v(x), v(ints[k - 1])])
        };
        next.push(v(y));
    }
    for &x in &floats {
        next.push(v(b.op(FloatAdd, &[v(x), f(1.0)])));
    }
    b.void(Jump, &next);
    let mut inputs = vec![0u64];
    inputs.extend((0..14).map(|k| k as u64 * 1000));
    inputs.extend((0..6).map(|k| (k as f64).to_bits()));
    let e = check(&b.t, &inputs);
    let Exit::Guard { id: 1, values } = e else {
        panic!()
    };
    // ints[0] accumulated `aligned(..)`, which is 1 + ints[3]/10 only with
    // an aligned stack (`check` compared it with the interpreter's).
    assert_eq!(values[0], 50);
    assert_eq!(f64::from_bits(values[15]), 50.0);
}

thread_local! {
    static REENTER: std::cell::Cell<*const metajit::backend::x64::X64Backend> = const { std::cell::Cell::new(std::ptr::null()) };
}

/// Runs loop 2 of the backend under test from inside compiled code.
extern "C" fn reenter(x: i64) -> i64 {
    let be = REENTER.with(|c| c.get());
    // SAFETY: the test sets the pointer to a backend that outlives the call.
    let be = unsafe { &*be };
    use metajit::backend::Backend;
    match be.execute(2, &[x as u64]) {
        Exit::Finish { values } => values[0] as i64,
        _ => -1,
    }
}

#[test]
fn helper_reenters_the_backend() {
    use metajit::backend::Backend;
    use metajit::ir::Descr;
    let x64 = metajit::backend::x64::X64Backend::new();
    // Loop 2: finish(x * 2)
    let mut b = B::new();
    let x = b.input(Type::Int);
    let y = b.op(IntMul, &[v(x), i(2)]);
    b.void(Finish, &[v(y)]);
    x64.compile_loop(2, &b.t).unwrap();
    // Loop 1: sum of reenter(k) for k < 10.
    let dr = descr("reenter", reenter as extern "C" fn(i64) -> i64);
    let mut b = B::new();
    let (k, s) = (b.input(Type::Int), b.input(Type::Int));
    b.void(Label, &[v(k), v(s)]);
    let c = b.op(IntLt, &[v(k), i(10)]);
    b.guard(GuardTrue, &[v(c)], &[v(s)], 1);
    let r = b.op_d(CallI, &[v(k)], Descr::Call(dr)).unwrap();
    let s2 = b.op(IntAdd, &[v(s), v(r)]);
    let k2 = b.op(IntAdd, &[v(k), i(1)]);
    b.void(Jump, &[v(k2), v(s2)]);
    x64.compile_loop(1, &b.t).unwrap();
    REENTER.with(|c| c.set(&x64));
    assert_eq!(
        x64.execute(1, &[0, 0]),
        Exit::Guard {
            id: 1,
            values: vec![90]
        }
    );
    REENTER.with(|c| c.set(std::ptr::null()));
}

/// Loop 1: count k up while k is even ... a guard that fails on odd k.
fn odd_guard_loop() -> metajit::ir::Trace {
    let mut b = B::new();
    let (k, n, s) = (b.input(Type::Int), b.input(Type::Int), b.input(Type::Int));
    b.void(Label, &[v(k), v(n), v(s)]);
    let c = b.op(IntLt, &[v(k), v(n)]);
    b.guard(GuardTrue, &[v(c)], &[v(k), v(n), v(s)], 10);
    let odd = b.op(IntAnd, &[v(k), i(1)]);
    b.guard(GuardFalse, &[v(odd)], &[v(k), v(n), v(s)], 11);
    let s2 = b.op(IntAdd, &[v(s), v(k)]);
    let k2 = b.op(IntAdd, &[v(k), i(1)]);
    b.void(Jump, &[v(k2), v(n), v(s2)]);
    b.t
}

#[test]
fn bridge_runs_instead_of_exit() {
    use metajit::backend::interp::IrInterp;
    use metajit::backend::Backend;
    let (ir, x64) = (IrInterp::new(), metajit::backend::x64::X64Backend::new());
    compile_both(&ir, &x64, 1, &odd_guard_loop());
    assert_eq!(
        run_both(&ir, &x64, 1, &[0, 10, 0]),
        Exit::Guard {
            id: 11,
            values: vec![1, 10, 0]
        }
    );
    // Bridge for guard 11 (odd k): s += 100 * k, k += 1, back to loop 1.
    let mut b = B::new();
    let (k, n, s) = (b.input(Type::Int), b.input(Type::Int), b.input(Type::Int));
    let t = b.op(IntMul, &[v(k), i(100)]);
    let s2 = b.op(IntAdd, &[v(s), v(t)]);
    let k2 = b.op(IntAdd, &[v(k), i(1)]);
    b.jump_loop(&[v(k2), v(n), v(s2)], 1);
    ir.compile_bridge(11, &b.t).unwrap();
    x64.compile_bridge(11, &b.t).unwrap();
    // Evens 0+2+4+6+8 = 20, odds 100*(1+3+5+7+9) = 2500.
    assert_eq!(
        run_both(&ir, &x64, 1, &[0, 10, 0]),
        Exit::Guard {
            id: 10,
            values: vec![10, 10, 2520]
        }
    );
    // Listings for jit-backend-dump: headed by what they are, guards
    // followed by their ids; the IR interpreter says it has no code.
    let listing = x64.bridge_listing(11);
    assert!(
        listing.starts_with("bridge out of guard 11:\n"),
        "{listing}"
    );
    assert!(listing.contains("int_mul"));
    assert!(x64.listing(1).starts_with("loop 1:\n"));
    assert!(x64.listing(1).contains("guard_false"));
    assert!(x64.listing(1).contains(" # guard 11\n"));
    assert_eq!(
        ir.bridge_listing(11),
        "(the bridge out of guard 11 is interpreted; its IR is in jit-log-opt)\n"
    );
    assert_eq!(x64.bridge_listing(3), "(no bridge out of guard 3)\n");
}

#[test]
fn bridge_jumps_to_another_loop() {
    use metajit::backend::interp::IrInterp;
    use metajit::backend::Backend;
    let (ir, x64) = (IrInterp::new(), metajit::backend::x64::X64Backend::new());
    compile_both(&ir, &x64, 1, &odd_guard_loop());
    // Loop 2: [a, b] counts a down to 0 adding b each time, then finishes.
    let mut b = B::new();
    let (a, acc) = (b.input(Type::Int), b.input(Type::Int));
    let c = b.op(IntGt, &[v(a), i(0)]);
    let mut g = metajit::ir::Op::new(GuardTrue, vec![v(c)]);
    g.guard = Some(Box::new(metajit::ir::GuardInfo {
        snapshot: 0,
        fail_args: vec![v(acc)],
        id: 20,
        virtuals: Default::default(),
    }));
    b.t.push(g);
    let a2 = b.op(IntSub, &[v(a), i(1)]);
    let acc2 = b.op(IntAdd, &[v(acc), i(1000)]);
    b.void(Jump, &[v(a2), v(acc2)]);
    compile_both(&ir, &x64, 2, &b.t);
    // Guard 20 gets a bridge that finishes.
    let mut b = B::new();
    let acc = b.input(Type::Int);
    b.void(Finish, &[v(acc), i(7)]);
    ir.compile_bridge(20, &b.t).unwrap();
    x64.compile_bridge(20, &b.t).unwrap();
    // Guard 11 of loop 1 jumps to loop 2 with (k, s).
    let mut b = B::new();
    let (k, _n, s) = (b.input(Type::Int), b.input(Type::Int), b.input(Type::Int));
    b.jump_loop(&[v(k), v(s)], 2);
    ir.compile_bridge(11, &b.t).unwrap();
    x64.compile_bridge(11, &b.t).unwrap();
    // Loop 1 runs k=0 (s=0), fails at k=1; loop 2 adds 1000 once.
    assert_eq!(
        run_both(&ir, &x64, 1, &[0, 10, 0]),
        Exit::Finish {
            values: vec![1000, 7]
        }
    );
}
