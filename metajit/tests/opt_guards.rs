//! `opt::guards`: guard removal, strengthening and CSE, trace in, trace out.

mod common;

use common::check;

fn guards(input: &str, expected: &str) {
    check("guards", input, expected);
}

#[test]
fn guards_on_constants_that_hold() {
    guards(
        "[i0, r1]\nguard_true(1) [i0]\nguard_true(-3) [i0]\nguard_false(0) [i0]\nguard_value(5, 5) [i0]\nguard_value(r1, r1) [r1]\nguard_nonnull(ConstPtr(0x1000)) [i0]\nguard_isnull(NULL) [i0]\nguard_value(1.5, 1.5) []\njump(i0, r1)\n",
        "[i0, r1]\njump(i0, r1)\n",
    );
}

#[test]
fn guards_that_always_fail_stay() {
    let t = "[i0]\nguard_true(0) [i0]\nguard_false(1) [i0]\nguard_value(5, 6) [i0]\nguard_nonnull(NULL) [i0]\nguard_isnull(ConstPtr(0x10)) [i0]\njump(i0)\n";
    guards(t, t);
    // Contradicting an earlier guard: stays too.
    let t =
        "[r0]\nguard_class(r0, 7) [r0]\nguard_class(r0, 8) [r0]\nguard_isnull(r0) [r0]\njump(r0)\n";
    guards(t, t);
    let t = "[i0]\nguard_true(i0) [i0]\nguard_false(i0) [i0]\njump(i0)\n";
    guards(t, t);
}

#[test]
fn repeated_guards() {
    guards(
        "[i0, r1]\ni2 = int_lt(i0, 10)\nguard_true(i2) [i0]\nguard_nonnull(r1) [r1]\nguard_true(i2) [i0, r1]\nguard_nonnull(r1) [i0]\njump(i0, r1)\n",
        "[i0, r1]\ni2 = int_lt(i0, 10)\nguard_true(i2) [i0]\nguard_nonnull(r1) [r1]\njump(i0, r1)\n",
    );
    // guard_true on an int that is not a boolean: known nonzero, not 1.
    guards(
        "[i0]\nguard_true(i0) [i0]\nguard_true(i0) [i0]\ni1 = int_is_true(i0)\ni2 = int_is_zero(i0)\nfinish(i0, i1, i2)\n",
        "[i0]\nguard_true(i0) [i0]\nfinish(i0, 1, 0)\n",
    );
    guards(
        "[r0]\nguard_class(r0, 7) [r0]\nguard_nonnull(r0) [r0]\nguard_class(r0, 7) [r0]\nguard_nonnull_class(r0, 7) [r0]\njump(r0)\n",
        "[r0]\nguard_class(r0, 7) [r0]\njump(r0)\n",
    );
}

#[test]
fn guard_value_makes_a_constant() {
    guards(
        "[i0, i1]\nguard_value(i1, 5) [i0, i1]\ni2 = int_add(i0, i1)\nguard_true(i2) [i1, i2]\nguard_value(i1, 5) [i1]\njump(i2, i1)\n",
        "[i0, i1]\nguard_value(i1, 5) [i0, i1]\ni2 = int_add(i0, 5)\nguard_true(i2) [5, i2]\njump(i2, 5)\n",
    );
    guards(
        "[r0, f1]\nguard_value(r0, ConstPtr(0x2000)) [r0]\nguard_nonnull(r0) [r0]\nguard_value(f1, 0.5) [f1]\nf2 = float_add(f1, f1)\nfinish(r0, f2)\n",
        "[r0, f1]\nguard_value(r0, ConstPtr(0x2000)) [r0]\nguard_value(f1, 0.5) [f1]\nf2 = float_add(0.5, 0.5)\nfinish(ConstPtr(0x2000), f2)\n",
    );
    guards(
        "[r0]\nguard_isnull(r0) [r0]\ni1 = ptr_eq(r0, NULL)\nfinish(i1, r0)\n",
        "[r0]\nguard_isnull(r0) [r0]\ni1 = ptr_eq(NULL, NULL)\nfinish(i1, NULL)\n",
    );
}

#[test]
fn guard_false_makes_zero() {
    guards(
        "[i0]\ni1 = int_eq(i0, 3)\nguard_false(i1) [i0, i1]\ni2 = int_eq(i0, 3)\nguard_false(i2) [i0]\nfinish(i1)\n",
        "[i0]\ni1 = int_eq(i0, 3)\nguard_false(i1) [i0, i1]\nfinish(0)\n",
    );
}

#[test]
fn cse_of_pure_operations() {
    guards(
        "[i0, i1]\ni2 = int_add(i0, i1)\ni3 = int_add(i0, i1)\ni4 = int_add(i1, i0)\ni5 = int_mul(i2, i3)\ni6 = int_mul(i3, i2)\ni7 = int_sub(i0, i1)\ni8 = int_sub(i1, i0)\nfinish(i4, i5, i6, i7, i8)\n",
        "[i0, i1]\ni2 = int_add(i0, i1)\ni5 = int_mul(i2, i2)\ni7 = int_sub(i0, i1)\ni8 = int_sub(i1, i0)\nfinish(i2, i5, i5, i7, i8)\n",
    );
    // Elidable calls are CSE'd; other calls and loads are not (this pass
    // knows nothing of the heap).
    guards(
        "[i0, r1]\ni2 = call_pure_i(i0, 1, descr=add_mul)\ni3 = call_pure_i(i0, 1, descr=add_mul)\ni4 = call_i(i0, descr=bump)\ni5 = call_i(i0, descr=bump)\ni6 = getfield_i(r1, descr=value)\ni7 = getfield_i(r1, descr=value)\nfinish(i2, i3, i4, i5, i6, i7)\n",
        "[i0, r1]\ni2 = call_pure_i(i0, 1, descr=add_mul)\ni4 = call_i(i0, descr=bump)\ni5 = call_i(i0, descr=bump)\ni6 = getfield_i(r1, descr=value)\ni7 = getfield_i(r1, descr=value)\nfinish(i2, i2, i4, i5, i6, i7)\n",
    );
    // CSE'd results are replaced in fail args too.
    guards(
        "[i0]\ni1 = int_neg(i0)\ni2 = int_neg(i0)\nguard_true(i2) [i2, i1]\njump(i2)\n",
        "[i0]\ni1 = int_neg(i0)\nguard_true(i1) [i1, i1]\njump(i1)\n",
    );
}

#[test]
fn comparison_known_from_a_guard() {
    guards(
        "[i0, i1]\ni3 = int_lt(i0, i1)\nguard_true(i3) [i0, i1]\ni4 = int_add(i0, 1)\ni5 = int_lt(i0, i1)\nguard_true(i5) [i4]\njump(i4, i1)\n",
        "[i0, i1]\ni3 = int_lt(i0, i1)\nguard_true(i3) [i0, i1]\ni4 = int_add(i0, 1)\njump(i4, i1)\n",
    );
    // The swapped and negated comparisons are known too.
    guards(
        "[i0, i1]\ni3 = int_lt(i0, i1)\nguard_true(i3) [i0]\ni4 = int_gt(i1, i0)\ni5 = int_ge(i0, i1)\ni6 = int_le(i1, i0)\nguard_false(i5) [i0]\nfinish(i4, i5, i6)\n",
        "[i0, i1]\ni3 = int_lt(i0, i1)\nguard_true(i3) [i0]\nfinish(1, 0, 0)\n",
    );
    guards(
        "[i0, i1]\ni3 = int_eq(i0, i1)\nguard_false(i3) [i0]\ni4 = int_ne(i1, i0)\nguard_true(i4) [i0]\nfinish(i4)\n",
        "[i0, i1]\ni3 = int_eq(i0, i1)\nguard_false(i3) [i0]\nfinish(1)\n",
    );
    // Float comparisons give no negated facts (NaN).
    guards(
        "[f0, f1]\ni2 = float_lt(f0, f1)\nguard_false(i2) [f0]\ni3 = float_ge(f0, f1)\nfinish(i3)\n",
        "[f0, f1]\ni2 = float_lt(f0, f1)\nguard_false(i2) [f0]\ni3 = float_ge(f0, f1)\nfinish(i3)\n",
    );
    // int_is_true(x) known true makes x nonzero; known false makes it 0.
    guards(
        "[i0, i1]\ni2 = int_is_true(i0)\nguard_true(i2) [i0]\nguard_true(i0) [i0]\ni3 = int_is_zero(i1)\nguard_true(i3) [i1]\ni4 = int_add(i1, i0)\nfinish(i4)\n",
        "[i0, i1]\ni2 = int_is_true(i0)\nguard_true(i2) [i0]\ni3 = int_is_zero(i1)\nguard_true(i3) [i1]\ni4 = int_add(0, i0)\nfinish(i4)\n",
    );
}

#[test]
fn strengthening_nonnull_then_class() {
    guards(
        "[r0, i1]\nguard_nonnull(r0) [r0, i1]\ni2 = int_add(i1, 1)\nguard_class(r0, 7) [r0, i2]\njump(r0, i2)\n",
        "[r0, i1]\nguard_nonnull_class(r0, 7) [r0, i1]\ni2 = int_add(i1, 1)\njump(r0, i2)\n",
    );
    // The strengthened guard keeps the first guard's snapshot.
    let t =
        common::p("[r0, i1]\nguard_true(i1) [i1]\nguard_nonnull(r0) [r0]\nguard_class(r0, 7) [r0, i1]\njump(r0, i1)\n");
    let out = metajit::opt::guards::run(&t);
    assert_eq!(out.ops[1].opcode, metajit::ir::Opcode::GuardNonnullClass);
    assert_eq!(out.ops[1].guard.as_ref().unwrap().snapshot, 1);
    assert_eq!(out.snapshots, t.snapshots);
    // Only once: a later guard_class of the same class goes, a different one
    // stays.
    guards(
        "[r0, r1]\nguard_nonnull(r0) [r0]\nguard_nonnull(r1) [r1]\nguard_class(r1, 3) [r1]\nguard_class(r0, 7) [r0]\nguard_class(r0, 7) [r0]\nguard_class(r0, 8) [r0]\njump(r0, r1)\n",
        "[r0, r1]\nguard_nonnull_class(r0, 7) [r0]\nguard_nonnull_class(r1, 3) [r1]\nguard_class(r0, 8) [r0]\njump(r0, r1)\n",
    );
    // A guard_class with no guard_nonnull before it stays as it is.
    let t = "[r0]\nguard_class(r0, 7) [r0]\njump(r0)\n";
    guards(t, t);
}

#[test]
fn facts_end_at_a_label() {
    guards(
        "[i0, r1]\nguard_value(i0, 3) [i0]\nguard_nonnull(r1) [r1]\nlabel(i0, r1)\nguard_value(i0, 3) [i0]\nguard_nonnull(r1) [r1]\ni2 = int_add(i0, 1)\njump(i2, r1)\n",
        "[i0, r1]\nguard_value(i0, 3) [i0]\nguard_nonnull(r1) [r1]\nlabel(i0, r1)\nguard_value(i0, 3) [i0]\nguard_nonnull(r1) [r1]\ni2 = int_add(3, 1)\njump(i2, r1)\n",
    );
    // A CSE'd alias of a label operand is materialized before the label.
    guards(
        "[i0, i1]\ni2 = int_add(i0, i1)\ni3 = int_add(i0, i1)\nlabel(i2, i1)\ni4 = int_add(i3, i2)\njump(i4, i1)\n",
        "[i0, i1]\ni2 = int_add(i0, i1)\ni3 = same_as(i2)\nlabel(i2, i1)\ni4 = int_add(i3, i2)\njump(i4, i1)\n",
    );
}

#[test]
fn validity_is_checked_again_only_after_a_call() {
    // Only a call can invalidate the trace: the second check goes, the one
    // after `noop` stays.
    guards(
        "[i0]\nguard_not_invalidated() [i0]\nguard_not_invalidated() [i0]\ncall_n(descr=noop)\n\
         guard_not_invalidated() [i0]\njump(i0)\n",
        "[i0]\nguard_not_invalidated() [i0]\ncall_n(descr=noop)\nguard_not_invalidated() [i0]\njump(i0)\n",
    );
}
