//! The whole pipeline (`opt::optimize`), its configuration, and differential
//! runs: original and optimized traces executed by `backend::interp::IrInterp`
//! must end the same way.

mod common;

use common::{check, p};
use metajit::backend::interp::IrInterp;
use metajit::backend::{Backend, Exit};
use metajit::heap;
use metajit::ir::Trace;
use metajit::opt::{optimize, OptConfig};

#[test]
fn config_parsing() {
    assert_eq!(OptConfig::default(), OptConfig::all());
    assert_eq!("all".parse::<OptConfig>().unwrap(), OptConfig::all());
    assert_eq!(
        "fold:virtualize:heap:guards:intbounds:dce:unroll"
            .parse::<OptConfig>()
            .unwrap(),
        OptConfig::all()
    );
    assert_eq!("".parse::<OptConfig>().unwrap(), OptConfig::none());
    let c: OptConfig = "dce:fold".parse().unwrap();
    assert_eq!(
        c,
        OptConfig {
            fold: true,
            virtualize: false,
            heap: false,
            guards: false,
            intbounds: false,
            dce: true,
            unroll: false
        }
    );
    assert_eq!(c.to_string(), "fold:dce");
    assert_eq!(
        OptConfig::all().to_string(),
        "fold:virtualize:heap:guards:intbounds:dce:unroll"
    );
    let e = "fold:frobnicate".parse::<OptConfig>().unwrap_err();
    assert!(e.contains("frobnicate"), "{e}");
    let pypy: OptConfig = "intbounds:rewrite:virtualize:string:earlyforce:pure:heap:unroll"
        .parse()
        .unwrap();
    assert_eq!(
        pypy,
        OptConfig {
            fold: true,
            virtualize: true,
            heap: true,
            guards: true,
            intbounds: true,
            dce: false,
            unroll: true
        }
    );
}

#[test]
fn disabled_passes_do_nothing() {
    let t = "[i0]\ni1 = int_add(i0, 0)\nguard_true(1) [i1]\ni2 = int_mul(i0, 3)\njump(i1)\n";
    check("", t, t);
    check(
        "dce",
        t,
        "[i0]\ni1 = int_add(i0, 0)\nguard_true(1) [i1]\njump(i1)\n",
    );
    check(
        "fold",
        t,
        "[i0]\nguard_true(1) [i0]\ni2 = int_mul(i0, 3)\njump(i0)\n",
    );
}

#[test]
fn pipeline_combines_the_passes() {
    // guard_value makes i1 constant, the second fold folds what that opens,
    // dce removes what is left unused.
    check(
        "fold:heap:guards:dce",
        "[i0, i1]\nguard_value(i1, 5) [i0, i1]\ni2 = int_mul(i1, 2)\ni3 = int_add(i0, i2)\ni4 = int_lt(i3, 100)\nguard_true(i4) [i3, i1]\ni5 = int_lt(i3, 100)\nguard_true(i5) [i3]\ni6 = int_sub(i1, 5)\ni7 = int_add(i3, i6)\njump(i7, i1)\n",
        "[i0, i1]\nguard_value(i1, 5) [i0, i1]\ni3 = int_add(i0, 10)\ni4 = int_lt(i3, 100)\nguard_true(i4) [i3, 5]\njump(i3, 5)\n",
    );
    // A TLR-like loop: a = regs[1]; regs[0] = a + 0; a = -(-a); if a: loop.
    check(
        "fold:heap:guards:dce",
        "[i0, r1]\ndebug_merge_point(0, 'pc 0: MOV_R_A 1')\ni2 = getarrayitem_i(r1, 1, descr=regs)\ni3 = int_add(i2, 0)\nsetarrayitem(r1, 0, i3, descr=regs)\ni4 = int_neg(i3)\ni5 = int_neg(i4)\ni6 = int_is_true(i5)\nguard_true(i6) [i5, r1]\ni7 = int_is_true(i5)\nguard_true(i7) [i5, r1]\ni8 = arraylen(r1, descr=regs)\njump(i5, r1)\n",
        "[i0, r1]\ndebug_merge_point(0, 'pc 0: MOV_R_A 1')\ni2 = getarrayitem_i(r1, 1, descr=regs)\ni6 = int_is_true(i2)\nguard_true(i6) [i2, r1] setarrayitem(r1, 0, i2, descr=regs)\nsetarrayitem(r1, 0, i2, descr=regs)\njump(i2, r1)\n",
    );
    check(
        "all",
        "[r0]\nguard_nonnull(r0) [r0]\nr1 = getfield_r(r0, descr=next)\nguard_class(r0, 7) [r0]\nguard_nonnull(r0) [r0]\nfinish(r0)\n",
        "[r0]\nguard_nonnull_class(r0, 7) [r0]\nfinish(r0)\n",
    );
}

#[test]
fn optimizing_twice_changes_nothing() {
    let texts = [
        "[i0, i1]\nguard_value(i1, 5) [i0, i1]\ni2 = int_mul(i1, 2)\ni3 = int_add(i0, i2)\ni4 = int_lt(i3, 100)\nguard_true(i4) [i3, i1]\njump(i3, i1)\n",
        "[i0]\ni1 = int_add(i0, 0)\nlabel(i1)\ni2 = int_add(i1, 1)\njump(i2)\n",
    ];
    for text in texts {
        // Without peeling: a peeled trace is a different shape, not a fixpoint.
        let cfg: OptConfig = "fold:heap:guards:dce".parse().unwrap();
        let once = optimize(&p(text), &cfg);
        let twice = optimize(&once, &cfg);
        assert_eq!(once.to_string(), twice.to_string());
    }
}

/// Number the guards (ids 1, 2, ...) so that exits can be told apart.
fn with_ids(mut t: Trace) -> Trace {
    let mut n = 0;
    for op in &mut t.ops {
        if let Some(g) = &mut op.guard {
            n += 1;
            g.id = n;
        }
    }
    t
}

/// Run `t` on `inputs`. A failing guard's pending stores are done, as
/// resuming does, and only its frame's fail arguments kept in the exit.
fn run(t: &Trace, inputs: &[u64]) -> Exit {
    let b = IrInterp::new();
    b.compile_loop(1, t).expect("compiles");
    match b.execute(1, inputs) {
        Exit::Guard { id, mut values } => {
            let guard = t
                .ops
                .iter()
                .filter_map(|op| op.guard.as_deref())
                .find(|g| g.id == id)
                .expect("the exit names a guard of the trace");
            metajit::resume::perform_stores(&guard.virtuals, &values);
            let frames = t.frames_of(guard.snapshot).iter().map(|f| f.width()).sum();
            values.truncate(frames);
            Exit::Guard { id, values }
        }
        finished => finished,
    }
}

/// The items of the array of `regs` at `arr`.
fn items(arr: u64, n: i64) -> Vec<u64> {
    let d = &common::REGS;
    // SAFETY: the callers' arrays have `n` items and stay on their stacks.
    (0..n)
        .map(|k| unsafe { heap::load(arr as usize, heap::item_offset(d, k), 8) })
        .collect()
}

fn set_items(arr: u64, values: &[u64]) {
    let d = &common::REGS;
    for (k, &v) in values.iter().enumerate() {
        // SAFETY: as for `items`.
        unsafe { heap::store(arr as usize, heap::item_offset(d, k as i64), 8, v) };
    }
}

/// Run `text` and its optimized form on each input vector; the exits must
/// be equal (guard ids survive optimization: passes copy guards with their
/// info). Returns the optimized trace.
fn same_exits(text: &str, inputs: &[Vec<u64>]) -> Trace {
    same_exits_on(text, inputs, None)
}

/// `same_exits`, and when `array` is given (the address of an array of
/// `regs` and its items), both runs start with those items and must leave
/// the array the same.
fn same_exits_on(text: &str, inputs: &[Vec<u64>], array: Option<(u64, &[u64])>) -> Trace {
    let t = with_ids(p(text));
    let o = optimize(&t, &OptConfig::all());
    metajit::opt::verify(&o).unwrap();
    // Peeling appends a copy of the loop; the preamble must have shrunk.
    let preamble = o
        .ops
        .iter()
        .take_while(|op| op.opcode != metajit::ir::Opcode::Label)
        .count();
    assert!(preamble < t.ops.len(), "nothing was optimized:\n{o}");
    let end = |trace: &Trace, inp: &[u64]| {
        if let Some((arr, start)) = array {
            set_items(arr, start);
        }
        let exit = run(trace, inp);
        let heap = array.map(|(arr, start)| items(arr, start.len() as i64));
        (exit, heap)
    };
    for inp in inputs {
        assert_eq!(
            end(&t, inp),
            end(&o, inp),
            "inputs {inp:?}\noriginal:\n{t}\noptimized:\n{o}"
        );
    }
    o
}

#[test]
fn differential_counting_loop() {
    // i0 counts down by (i1 * 1 + 0); exits when it reaches 0 or below.
    let text = "[i0, i1]\nguard_value(i1, 1) [i0, i1]\ni2 = int_mul(i1, 1)\ni3 = int_add(i2, 0)\ni4 = int_sub(i0, i3)\ni5 = int_gt(i4, 0)\nguard_true(i5) [i4, i1]\ni6 = int_gt(i4, 0)\nguard_true(i6) [i4, i3]\ni7 = int_add(i4, 0)\njump(i7, i1)\n";
    same_exits(text, &[vec![5, 1], vec![1, 1], vec![100, 1], vec![5, 2]]);
}

#[test]
fn differential_overflow() {
    // Adds a folded-constant step with an overflow check until overflow or
    // the bound is crossed.
    let text = "[i0]\ni1 = int_add_ovf(2, 3)\nguard_no_overflow() [i0]\ni2 = int_add_ovf(i0, i1)\nguard_no_overflow() [i0]\ni3 = int_lt(i2, 1000)\nguard_true(i3) [i2]\njump(i2)\n";
    same_exits(text, &[vec![0], vec![(i64::MAX - 12) as u64], vec![999]]);
}

#[test]
fn differential_heap_loop() {
    // Sums regs[0..n) into regs[n], a TLR-like loop with redundant work.
    let d = &common::REGS;
    let arr = heap::alloc_array(d, 4) as u64;
    let start = [3u64, 4, 5, 0];
    let text = "[i0, r1, i2]\nguard_nonnull(r1) [i0, r1, i2]\ni3 = arraylen(r1, descr=regs)\ni4 = getarrayitem_i(r1, i0, descr=regs)\ni5 = int_add(i2, i4)\ni6 = int_mul(i5, 1)\nguard_class(r1, 3) [i0, r1, i2]\nsetarrayitem(r1, 3, i6, descr=regs)\ni7 = int_add(i0, 1)\ni8 = int_lt(i7, 3)\nguard_true(i8) [i7, r1, i6]\nguard_nonnull(r1) [i7]\njump(i7, r1, i6)\n";
    let o = same_exits_on(
        text,
        &[vec![0, arr, 0], vec![2, arr, 0]],
        Some((arr, &start)),
    );
    assert_eq!(o.ops[0].opcode, metajit::ir::Opcode::GuardNonnullClass);
    // The last run (the optimized trace from 2) stored 5 into regs[3] when
    // its guard failed.
    assert_eq!(items(arr, 4), [3, 4, 5, 5]);
    set_items(arr, &start);
    assert_eq!(
        run(&o, &[0, arr, 0]),
        Exit::Guard {
            id: 3,
            values: vec![3, arr, 12]
        }
    );
}

#[test]
fn differential_elidable_call_and_comparisons() {
    let text = "[i0]\ni1 = call_pure_i(1, 1, descr=add_mul)\ni2 = call_pure_i(i0, i1, descr=add_mul)\ni3 = call_pure_i(i0, i1, descr=add_mul)\ni4 = int_sub(i2, i3)\ni5 = int_add(i0, i4)\ni6 = int_add(i5, 1)\ni7 = int_le(i6, 50)\nguard_true(i7) [i6, i2]\ni8 = int_gt(i6, 50)\nguard_false(i8) [i6]\njump(i6)\n";
    let o = same_exits(text, &[vec![0], vec![49], vec![50], vec![-10i64 as u64]]);
    assert!(!o.to_string().contains("int_gt"), "{o}");
}
