//! Loop peeling, as trace text in and trace text out, and peeled loops run
//! against the unpeeled ones.

mod common;
use common::{check, p};
use metajit::backend::{interp::IrInterp, Backend};
use metajit::heap;

#[test]
fn invariant_work_and_guards_leave_the_loop() {
    // r0 is passed back unchanged, so its length and the bounds check are
    // loop-invariant; only the counter is carried.
    check(
        "unroll",
        "[i0, r9]\ni1 = arraylen(r9, descr=regs)\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0, r9]\ni3 = int_add(i0, 1)\njump(i3, r9)\n",
        "[i0, r9]\ni1 = arraylen(r9, descr=regs)\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0, r9]\ni3 = int_add(i0, 1)\n\
         label(i3)\ni10 = int_lt(i3, i1)\nguard_true(i10) [i3, r9]\ni11 = int_add(i3, 1)\njump(i11)\n",
    );
}

#[test]
fn a_loop_invariant_call_leaves_the_loop() {
    // Its argument does not change: the body uses the preamble's result.
    check(
        "unroll",
        "[i0, i9]\ni1 = call_i(i9, descr=invariant)\ni2 = int_sub(i0, i1)\nguard_true(i2) [i0]\njump(i2, i9)\n",
        "[i0, i9]\ni1 = call_i(i9, descr=invariant)\ni2 = int_sub(i0, i1)\nguard_true(i2) [i0]\n\
         label(i2)\ni10 = int_sub(i2, i1)\nguard_true(i10) [i2]\njump(i10)\n",
    );
}

#[test]
fn the_interrupt_check_stays_in_the_loop() {
    // It has no operands, so nothing proves it in the preamble: every
    // iteration of the body tests the flag again.
    check(
        "unroll",
        "[i0]\ni1 = int_sub(i0, 1)\nguard_true(i1) [i0]\nguard_not_interrupted() [i1]\njump(i1)\n",
        "[i0]\ni1 = int_sub(i0, 1)\nguard_true(i1) [i0]\nguard_not_interrupted() [i1]\n\
         label(i1)\ni2 = int_sub(i1, 1)\nguard_true(i2) [i1]\nguard_not_interrupted() [i2]\njump(i2)\n",
    );
}

#[test]
fn heap_values_are_carried_around_the_loop() {
    // The item loaded in the preamble is known in the body: the store of the
    // previous iteration is its value, carried as a label argument. Nothing
    // in the body reads the item from memory, so its store stays pending
    // across the label: the guard's resume data makes it.
    check(
        "unroll",
        "[r0]\ni1 = getarrayitem_i(r0, 0, descr=regs)\ni2 = int_sub(i1, 1)\nsetarrayitem(r0, 0, i2, descr=regs)\nguard_true(i2) [r0]\njump(r0)\n",
        "[r0]\ni1 = getarrayitem_i(r0, 0, descr=regs)\ni2 = int_sub(i1, 1)\nsetarrayitem(r0, 0, i2, descr=regs)\nguard_true(i2) [r0]\n\
         label(i2)\ni3 = int_sub(i2, 1)\nguard_true(i3) [r0] setarrayitem(r0, 0, i3, descr=regs)\njump(i3)\n",
    );
}

#[test]
fn a_store_read_back_by_a_call_in_the_body_is_not_sunk() {
    // `noop` may read anything: the item must be in memory at the call.
    check(
        "unroll",
        "[r0]\ni1 = getarrayitem_i(r0, 0, descr=regs)\ni2 = int_sub(i1, 1)\nsetarrayitem(r0, 0, i2, descr=regs)\ncall_n(descr=noop)\nguard_true(i2) [r0]\njump(r0)\n",
        "[r0]\ni1 = getarrayitem_i(r0, 0, descr=regs)\ni2 = int_sub(i1, 1)\nsetarrayitem(r0, 0, i2, descr=regs)\ncall_n(descr=noop)\nguard_true(i2) [r0]\n\
         label()\ni3 = getarrayitem_i(r0, 0, descr=regs)\ni4 = int_sub(i3, 1)\nsetarrayitem(r0, 0, i4, descr=regs)\ncall_n(descr=noop)\nguard_true(i4) [r0]\njump()\n",
    );
}

#[test]
fn a_call_that_may_write_keeps_the_load_in_the_body() {
    // `noop` may write anything: the body cannot reuse the preamble's load,
    // and the value read after the call is not known at the loop's end.
    check(
        "unroll",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ncall_n(descr=noop)\nguard_true(i1) [r0]\njump(r0)\n",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ncall_n(descr=noop)\nguard_true(i1) [r0]\n\
         label()\ni2 = getfield_i(r0, descr=value)\ncall_n(descr=noop)\nguard_true(i2) [r0]\njump()\n",
    );
}

#[test]
fn a_trace_that_does_not_loop_to_itself_is_left_alone() {
    let text = "[i0]\ni1 = int_add(i0, 1)\njump(i1, descr=loop3)\n";
    check("unroll", text, text);
}

/// Run a loop trace, peeled and not, on the IR interpreter from the same
/// heap state; both must leave through the same guard with the same values
/// and leave the same heap behind.
fn same_behaviour(text: &str, counter: i64) {
    let mut plain = p(text);
    for (k, g) in plain
        .ops
        .iter_mut()
        .filter_map(|op| op.guard.as_deref_mut())
        .enumerate()
    {
        g.id = k as u32 + 1;
    }
    let mut peeled = metajit::opt::unroll::run(&plain);
    // Peeling copies guards with their ids: number the copies apart (each
    // id plus 100 times its position), and compare exits by the original id.
    for (k, g) in peeled
        .ops
        .iter_mut()
        .filter_map(|op| op.guard.as_deref_mut())
        .enumerate()
    {
        g.id += 100 * (k as u32 + 1);
    }
    assert!(
        peeled
            .ops
            .iter()
            .any(|op| op.opcode == metajit::ir::Opcode::Label),
        "not peeled:\n{peeled}"
    );
    let mut results = Vec::new();
    for trace in [&plain, &peeled] {
        let backend = IrInterp::new();
        backend.compile_loop(0, trace).unwrap();
        let regs = heap::alloc_array(&common::REGS, 3);
        // SAFETY: `regs` was just allocated with 3 items and is on the stack.
        unsafe {
            heap::store(regs, heap::item_offset(&common::REGS, 0), 8, counter as u64);
            heap::store(regs, heap::item_offset(&common::REGS, 1), 8, 7);
        }
        // The array's address differs between the runs: compare it as 0.
        // The guard's pending stores are done as resuming does them, and
        // only the frame's fail arguments kept.
        let exit = match backend.execute(0, &[regs as u64]) {
            metajit::backend::Exit::Guard { id, values } => {
                let guard = trace
                    .ops
                    .iter()
                    .filter_map(|op| op.guard.as_deref())
                    .find(|g| g.id == id)
                    .expect("the exit names a guard");
                metajit::resume::perform_stores(&guard.virtuals, &values);
                let width = trace
                    .frames_of(guard.snapshot)
                    .iter()
                    .map(|f| f.width())
                    .sum();
                (
                    id % 100,
                    values[..width]
                        .iter()
                        .map(|&v| if v == regs as u64 { 0 } else { v })
                        .collect::<Vec<_>>(),
                )
            }
            other => panic!("the loop should leave through a guard, not {other:?}"),
        };
        let items: Vec<u64> = (0..3)
            // SAFETY: `regs` is still alive (on the stack), indices below 3.
            .map(|i| unsafe { heap::load(regs, heap::item_offset(&common::REGS, i), 8) })
            .collect();
        results.push((exit, items));
    }
    assert_eq!(
        results[0], results[1],
        "peeling changed the behaviour of\n{plain}\ninto\n{peeled}"
    );
}

#[test]
fn peeled_square_loop_behaves_like_the_original() {
    // The shape of TLR's SQUARE loop: count r[0] down, add r[1] into r[2].
    same_behaviour(
        "[r0]\ni1 = arraylen(r0, descr=regs)\ni2 = int_lt(2, i1)\nguard_true(i2) [r0]\n\
         i3 = getarrayitem_i(r0, 0, descr=regs)\ni4 = int_sub(i3, 1)\nsetarrayitem(r0, 0, i4, descr=regs)\n\
         i5 = getarrayitem_i(r0, 2, descr=regs)\ni6 = getarrayitem_i(r0, 1, descr=regs)\ni7 = int_add(i5, i6)\n\
         setarrayitem(r0, 2, i7, descr=regs)\nguard_true(i4) [r0, i4]\njump(r0)\n",
        50,
    );
}
