//! `opt::fold`: constant folding and algebraic simplification, trace in,
//! trace out.

mod common;

use common::check;

fn fold(input: &str, expected: &str) {
    check("fold", input, expected);
}

#[test]
fn folds_constant_arithmetic() {
    fold(
        "[i0]\ni1 = int_add(3, 4)\ni2 = int_mul(i1, 6)\ni3 = int_add(i0, i2)\njump(i3)\n",
        "[i0]\ni3 = int_add(i0, 42)\njump(i3)\n",
    );
    fold(
        "[]\ni1 = int_sub(1, 8)\ni2 = int_neg(i1)\ni3 = int_invert(0)\nfinish(i1, i2, i3)\n",
        "[]\nfinish(-7, 7, -1)\n",
    );
    fold(
        "[]\ni1 = int_floordiv(-7, 2)\ni2 = int_mod(-7, 2)\ni3 = int_floordiv(5, 0)\nfinish(i1, i2, i3)\n",
        "[]\nfinish(-3, -1, 0)\n",
    );
    fold(
        "[]\ni1 = int_lshift(1, 62)\ni2 = int_rshift(-16, 2)\ni3 = uint_rshift(-1, 60)\nfinish(i1, i2, i3)\n",
        "[]\nfinish(4611686018427387904, -4, 15)\n",
    );
    // Wrapping, as in RPython.
    fold(
        "[]\ni1 = int_add(9223372036854775807, 1)\nfinish(i1)\n",
        "[]\nfinish(-9223372036854775808)\n",
    );
}

#[test]
fn folds_constant_comparisons() {
    fold(
        "[]\ni1 = int_lt(1, 2)\ni2 = int_ge(1, 2)\ni3 = uint_lt(-1, 2)\ni4 = int_is_true(7)\ni5 = int_is_zero(7)\nfinish(i1, i2, i3, i4, i5)\n",
        "[]\nfinish(1, 0, 0, 1, 0)\n",
    );
    fold(
        "[]\ni1 = ptr_eq(NULL, NULL)\ni2 = ptr_ne(ConstPtr(0x10), NULL)\ni3 = float_lt(nan, 1.0)\nfinish(i1, i2, i3)\n",
        "[]\nfinish(1, 1, 0)\n",
    );
}

#[test]
fn folds_floats_and_casts() {
    fold(
        "[]\nf1 = float_add(1.5, 2.25)\nf2 = float_truediv(f1, 0.0)\nf3 = float_neg(f2)\ni4 = cast_float_to_int(f1)\nf5 = cast_int_to_float(i4)\nfinish(f1, f2, f3, i4, f5)\n",
        "[]\nfinish(3.75, inf, -inf, 3, 3.0)\n",
    );
    fold(
        "[]\nf1 = float_sub(0.0, 0.0)\nf2 = float_mul(-1.0, 0.0)\nfinish(f1, f2)\n",
        "[]\nfinish(0.0, -0.0)\n",
    );
}

#[test]
fn forwards_same_as() {
    fold(
        "[i0, r1]\ni2 = same_as(i0)\nr3 = same_as(r1)\ni4 = int_add(i2, 1)\njump(i4, r3)\n",
        "[i0, r1]\ni4 = int_add(i0, 1)\njump(i4, r1)\n",
    );
    fold("[]\nf1 = same_as(2.5)\nfinish(f1)\n", "[]\nfinish(2.5)\n");
}

#[test]
fn algebraic_identities() {
    fold(
        "[i0]\ni1 = int_add(i0, 0)\ni2 = int_add(0, i1)\ni3 = int_sub(i2, 0)\ni4 = int_mul(i3, 1)\ni5 = int_mul(1, i4)\njump(i5)\n",
        "[i0]\njump(i0)\n",
    );
    fold(
        "[i0, i1]\ni2 = int_mul(i0, 0)\ni3 = int_sub(i1, i1)\ni4 = int_and(i0, 0)\ni5 = int_xor(i1, i1)\ni6 = int_mod(i0, 1)\nfinish(i2, i3, i4, i5, i6)\n",
        "[i0, i1]\nfinish(0, 0, 0, 0, 0)\n",
    );
    fold(
        "[i0]\ni1 = int_or(i0, 0)\ni2 = int_xor(i1, 0)\ni3 = int_and(i2, -1)\ni4 = int_and(i3, i3)\ni5 = int_or(i4, i4)\ni6 = int_floordiv(i5, 1)\njump(i6)\n",
        "[i0]\njump(i0)\n",
    );
    fold(
        "[i0]\ni1 = int_lshift(i0, 0)\ni2 = int_rshift(i1, 0)\ni3 = uint_rshift(i2, 0)\ni4 = int_lshift(0, i0)\ni5 = int_or(i0, -1)\nfinish(i3, i4, i5)\n",
        "[i0]\nfinish(i0, 0, -1)\n",
    );
}

#[test]
fn double_negation() {
    fold(
        "[i0]\ni1 = int_neg(i0)\ni2 = int_neg(i1)\njump(i2)\n",
        "[i0]\ni1 = int_neg(i0)\njump(i0)\n",
    );
    fold(
        "[i0]\ni1 = int_invert(i0)\ni2 = int_invert(i1)\nfinish(i2, i1)\n",
        "[i0]\ni1 = int_invert(i0)\nfinish(i0, i1)\n",
    );
    fold(
        "[f0]\nf1 = float_neg(f0)\nf2 = float_neg(f1)\nf3 = float_mul(f2, 1.0)\njump(f3)\n",
        "[f0]\nf1 = float_neg(f0)\njump(f0)\n",
    );
    // int_neg of int_invert is not an identity.
    fold(
        "[i0]\ni1 = int_invert(i0)\ni2 = int_neg(i1)\njump(i2)\n",
        "[i0]\ni1 = int_invert(i0)\ni2 = int_neg(i1)\njump(i2)\n",
    );
}

#[test]
fn floats_keep_their_ieee_corner_cases() {
    // x + 0.0 is not x for x = -0.0; x == x is false for NaN; x - x is NaN for inf.
    let t = "[f0]\nf1 = float_add(f0, 0.0)\ni2 = float_eq(f0, f0)\nf3 = float_sub(f0, f0)\nfinish(f1, i2, f3)\n";
    fold(t, t);
}

#[test]
fn int_is_true_of_a_boolean() {
    fold(
        "[i0, i1]\ni2 = int_lt(i0, i1)\ni3 = int_is_true(i2)\nguard_true(i3) [i0]\njump(i0, i1)\n",
        "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0]\njump(i0, i1)\n",
    );
    // Not of an arbitrary int.
    let t = "[i0]\ni1 = int_add(i0, 1)\ni2 = int_is_true(i1)\nguard_true(i2) [i0]\njump(i1)\n";
    fold(t, t);
}

#[test]
fn comparisons_with_self() {
    fold(
        "[i0, r1]\ni2 = int_lt(i0, i0)\ni3 = int_le(i0, i0)\ni4 = int_eq(i0, i0)\ni5 = int_ne(i0, i0)\ni6 = int_gt(i0, i0)\ni7 = int_ge(i0, i0)\ni8 = uint_lt(i0, i0)\ni9 = uint_ge(i0, i0)\ni10 = ptr_eq(r1, r1)\ni11 = ptr_ne(r1, r1)\nfinish(i2, i3, i4, i5, i6, i7, i8, i9, i10, i11)\n",
        "[i0, r1]\nfinish(0, 1, 1, 0, 0, 1, 0, 1, 1, 0)\n",
    );
    fold(
        "[i0]\ni1 = uint_lt(i0, 0)\ni2 = uint_ge(i0, 0)\nfinish(i1, i2)\n",
        "[i0]\nfinish(0, 1)\n",
    );
}

#[test]
fn replacements_reach_fail_args() {
    fold(
        "[i0, r1]\ni2 = int_add(i0, 0)\ni3 = int_mul(2, 3)\ni4 = int_lt(i2, i3)\nguard_true(i4) [i2, i3, r1]\njump(i2, r1)\n",
        "[i0, r1]\ni4 = int_lt(i0, 6)\nguard_true(i4) [i0, 6, r1]\njump(i0, r1)\n",
    );
}

#[test]
fn overflow_ops_on_constants() {
    // No overflow: the op and its guard go.
    fold(
        "[i0]\ni1 = int_add_ovf(2, 3)\nguard_no_overflow() [i0]\ni2 = int_add(i0, i1)\njump(i2)\n",
        "[i0]\ni2 = int_add(i0, 5)\njump(i2)\n",
    );
    fold(
        "[i0]\ni1 = int_mul_ovf(-3, 3)\nguard_no_overflow() [i0]\ni2 = int_sub_ovf(i1, 1)\nguard_no_overflow() [i1]\nfinish(i2)\n",
        "[i0]\nfinish(-10)\n",
    );
    // Overflow: left alone (the guard fails every time).
    let t = "[i0]\ni1 = int_add_ovf(9223372036854775807, 1)\nguard_no_overflow() [i0]\njump(i1)\n";
    fold(t, t);
    // Followed by guard_overflow: left alone (that guard fails every time).
    let t = "[i0]\ni1 = int_add_ovf(1, 2)\nguard_overflow() [i0]\njump(i1)\n";
    fold(t, t);
}

#[test]
fn overflow_identities() {
    fold(
        "[i0]\ni1 = int_add_ovf(i0, 0)\nguard_no_overflow() [i0]\ni2 = int_mul_ovf(i1, 1)\nguard_no_overflow() [i1]\ni3 = int_sub_ovf(i2, i2)\nguard_no_overflow() []\nfinish(i2, i3)\n",
        "[i0]\nfinish(i0, 0)\n",
    );
    // A real overflow check stays, and the guard after a folded one is the
    // one that goes, not this one.
    fold(
        "[i0]\ni1 = int_add_ovf(i0, 0)\nguard_no_overflow() [i0]\ni2 = int_add_ovf(i1, 1)\nguard_no_overflow() [i1]\njump(i2)\n",
        "[i0]\ni2 = int_add_ovf(i0, 1)\nguard_no_overflow() [i0]\njump(i2)\n",
    );
}

#[test]
fn elidable_calls_on_constants() {
    // add_mul(a, b) = (a + b) * 10; fsqrt is elidable too.
    fold(
        "[i0, f1]\ni2 = call_pure_i(1, 2, descr=add_mul)\nf3 = call_pure_f(16.0, descr=fsqrt)\ni4 = int_add(i0, i2)\nf5 = float_add(f1, f3)\njump(i4, f5)\n",
        "[i0, f1]\ni4 = int_add(i0, 30)\nf5 = float_add(f1, 4.0)\njump(i4, f5)\n",
    );
    // Not on variables, not a plain call, not a call that is not elidable.
    let t = "[i0]\ni1 = call_pure_i(i0, 2, descr=add_mul)\ni2 = call_i(1, 2, descr=add_mul)\ni3 = call_pure_i(5, descr=bump)\nfinish(i1, i2, i3)\n";
    fold(t, t);
}

#[test]
fn leaves_guards_and_effects_alone() {
    let t = "[i0, r1]\nguard_true(1) [i0]\nguard_true(0) [i0]\nsetfield(r1, 3, descr=value)\ni2 = getfield_i(r1, descr=value)\ncall_n(descr=noop)\nguard_value(i2, 3) [i2]\njump(i0, r1)\n";
    fold(t, t);
}

#[test]
fn keeps_snapshots_and_comments() {
    let t = common::p("[i0]\ndebug_merge_point(0, 'pc 1')\ni1 = int_add(i0, 0)\nguard_true(i1) [i1]\ndebug_merge_point(0, 'pc 2')\nguard_false(i1) [i0, i1]\njump(i1)\n");
    let out = metajit::opt::fold::run(&t);
    assert_eq!(out.snapshots, t.snapshots);
    assert_eq!(out.comments, t.comments);
    assert_eq!(out.inputs, t.inputs);
    assert_eq!(
        out.to_string(),
        "[i0]\ndebug_merge_point(0, 'pc 1')\nguard_true(i0) [i0]\ndebug_merge_point(0, 'pc 2')\nguard_false(i0) [i0, i0]\njump(i0)\n"
    );
}

#[test]
fn label_keeps_dropped_operands_defined() {
    // i1 is folded to i0 before the label, but the jump gives the label's
    // operands new values: i1 must stay a variable of its own there.
    fold(
        "[i0]\ni1 = int_add(i0, 0)\nlabel(i1)\ni2 = int_add(i1, 1)\njump(i2)\n",
        "[i0]\ni1 = same_as(i0)\nlabel(i1)\ni2 = int_add(i1, 1)\njump(i2)\n",
    );
    // A variable that stood for a label operand before the label still
    // means the first iteration's value after it.
    fold(
        "[i0, i1]\ni2 = int_add(i0, 0)\nlabel(i0, i1)\ni3 = int_add(i1, i2)\njump(i3, i3)\n",
        "[i0, i1]\ni2 = same_as(i0)\nlabel(i0, i1)\ni3 = int_add(i1, i2)\njump(i3, i3)\n",
    );
    // Constants across a label are fine.
    fold(
        "[i0]\ni1 = int_add(2, 3)\nlabel(i0)\ni2 = int_add(i0, i1)\njump(i2)\n",
        "[i0]\nlabel(i0)\ni2 = int_add(i0, 5)\njump(i2)\n",
    );
}

#[test]
fn casting_a_word_there_and_back_is_the_word() {
    check(
        "fold",
        "[r0, i1]\ni2 = cast_ptr_to_int(r0)\nr3 = cast_int_to_ptr(i2)\ni4 = cast_ptr_to_int(r3)\nr5 = cast_int_to_ptr(i1)\ni6 = cast_ptr_to_int(r5)\nfinish(r3, i4, i6)\n",
        "[r0, i1]\ni2 = cast_ptr_to_int(r0)\ni4 = cast_ptr_to_int(r0)\nr5 = cast_int_to_ptr(i1)\nfinish(r0, i4, i1)\n",
    );
    // The rest is CSE's and dce's work.
    check(
        "fold:guards:dce",
        "[r0, i1]\ni2 = cast_ptr_to_int(r0)\nr3 = cast_int_to_ptr(i2)\ni4 = cast_ptr_to_int(r3)\nr5 = cast_int_to_ptr(i1)\ni6 = cast_ptr_to_int(r5)\nfinish(r3, i4, i6)\n",
        "[r0, i1]\ni2 = cast_ptr_to_int(r0)\nfinish(r0, i2, i1)\n",
    );
}
