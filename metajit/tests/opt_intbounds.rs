//! `opt::intbounds`: integer ranges and what they prove, trace in, trace
//! out; each rule, and the cases where it must not apply (negative values,
//! the i64 edges, unsigned comparisons, wrapping operations). The last
//! tests run the whole pipeline.

mod common;

use common::{check, p};
use metajit::opt::{optimize_loop, OptConfig};

fn intbounds(input: &str, expected: &str) {
    check("intbounds", input, expected);
}

/// `input` comes out of the pass unchanged.
fn unchanged(input: &str) {
    check("intbounds", input, input);
}

#[test]
fn overflow_checks_that_cannot_fail_go() {
    // 0..=255, then 1..=256, then 1000..=256000, then 993..=255993.
    intbounds(
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_add_ovf(i1, 1)\nguard_no_overflow() [i0]\ni3 = int_mul_ovf(i2, 1000)\nguard_no_overflow() [i0]\ni4 = int_sub_ovf(i3, 7)\nguard_no_overflow() [i0]\nfinish(i4)\n",
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_add(i1, 1)\ni3 = int_mul(i2, 1000)\ni4 = int_sub(i3, 7)\nfinish(i4)\n",
    );
    // The i64 edges: i1 = i0 >> 1 is in -2^62..2^62-1, so i1 + 2^62 reaches
    // exactly i64::MAX, i1 + i1 exactly i64::MIN, -2 - i1 stays inside.
    intbounds(
        "[i0]\ni1 = int_rshift(i0, 1)\ni2 = int_add_ovf(i1, 4611686018427387904)\nguard_no_overflow() [i0]\ni3 = int_add_ovf(i1, i1)\nguard_no_overflow() [i0]\ni4 = int_sub_ovf(-2, i1)\nguard_no_overflow() [i0]\nfinish(i2, i3, i4)\n",
        "[i0]\ni1 = int_rshift(i0, 1)\ni2 = int_add(i1, 4611686018427387904)\ni3 = int_add(i1, i1)\ni4 = int_sub(-2, i1)\nfinish(i2, i3, i4)\n",
    );
    // A result that is one value becomes that constant.
    intbounds(
        "[i0]\ni1 = int_and(i0, 0)\ni2 = int_add_ovf(i1, 9223372036854775807)\nguard_no_overflow() [i0]\nfinish(i2)\n",
        "[i0]\nfinish(9223372036854775807)\n",
    );
}

#[test]
fn overflow_checks_that_may_fail_stay() {
    // One past the edges: i1 + (2^62 + 1) may be i64::MAX + 1, i1 - i64::MAX
    // may be below i64::MIN; an unknown operand may be anything; 0..=255
    // times an unknown may overflow; i0 & i64::MAX (0..=MAX) plus 1 too.
    unchanged(
        "[i0, i5]\ni1 = int_rshift(i0, 1)\ni2 = int_add_ovf(i1, 4611686018427387905)\nguard_no_overflow() [i0]\ni3 = int_sub_ovf(i1, 9223372036854775807)\nguard_no_overflow() [i0]\ni4 = int_add_ovf(i0, 1)\nguard_no_overflow() [i0]\ni6 = int_and(i5, 255)\ni7 = int_mul_ovf(i6, i0)\nguard_no_overflow() [i0]\ni8 = int_and(i0, 9223372036854775807)\ni9 = int_add_ovf(i8, 1)\nguard_no_overflow() [i0]\ni10 = int_sub_ovf(0, i0)\nguard_no_overflow() [i0]\nfinish(i2, i3, i4, i7, i9, i10)\n",
    );
    // Followed by guard_overflow (which then always fails): left alone.
    unchanged(
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_add_ovf(i1, 1)\nguard_overflow() [i0]\nfinish(i2)\n",
    );
}

#[test]
fn a_kept_overflow_check_bounds_its_result() {
    // After guard_no_overflow, i1 + i1 with i1 >= 0 is in 0..=MAX: exact.
    intbounds(
        "[i0]\ni1 = int_and(i0, 9223372036854775807)\ni2 = int_add_ovf(i1, i1)\nguard_no_overflow() [i0]\ni3 = int_ge(i2, 0)\nguard_true(i3) [i0]\nfinish(i2)\n",
        "[i0]\ni1 = int_and(i0, 9223372036854775807)\ni2 = int_add_ovf(i1, i1)\nguard_no_overflow() [i0]\nfinish(i2)\n",
    );
}

#[test]
fn counted_loops_lose_the_increments_check() {
    // i0 < i1 <= MAX: i0 + 1 fits, whichever way the comparison is written.
    for cond in [
        "i2 = int_lt(i0, i1)\nguard_true(i2) [i0]\n",
        "i2 = int_gt(i1, i0)\nguard_true(i2) [i0]\n",
        "i2 = int_ge(i0, i1)\nguard_false(i2) [i0]\n",
        "i2 = int_le(i1, i0)\nguard_false(i2) [i0]\n",
    ] {
        intbounds(
            &format!(
                "[i0, i1]\n{cond}i3 = int_add_ovf(i0, 1)\nguard_no_overflow() [i0]\njump(i3, i1)\n"
            ),
            &format!("[i0, i1]\n{cond}i3 = int_add(i0, 1)\njump(i3, i1)\n"),
        );
    }
    // i0 <= i1 allows i0 == MAX.
    unchanged(
        "[i0, i1]\ni2 = int_le(i0, i1)\nguard_true(i2) [i0]\ni3 = int_add_ovf(i0, 1)\nguard_no_overflow() [i0]\njump(i3, i1)\n",
    );
    // Counting down: i0 > i1 >= MIN, so i0 - 1 fits; i0 - 2 may not.
    intbounds(
        "[i0, i1]\ni2 = int_gt(i0, i1)\nguard_true(i2) [i0]\ni3 = int_sub_ovf(i0, 1)\nguard_no_overflow() [i0]\ni4 = int_sub_ovf(i0, 2)\nguard_no_overflow() [i0]\njump(i3, i4)\n",
        "[i0, i1]\ni2 = int_gt(i0, i1)\nguard_true(i2) [i0]\ni3 = int_sub(i0, 1)\ni4 = int_sub_ovf(i0, 2)\nguard_no_overflow() [i0]\njump(i3, i4)\n",
    );
    // The smallest int excluded: -i0 fits.
    intbounds(
        "[i0]\ni1 = int_gt(i0, -9223372036854775808)\nguard_true(i1) [i0]\ni2 = int_sub_ovf(0, i0)\nguard_no_overflow() [i0]\nfinish(i2)\n",
        "[i0]\ni1 = int_gt(i0, -9223372036854775808)\nguard_true(i1) [i0]\ni2 = int_sub(0, i0)\nfinish(i2)\n",
    );
}

#[test]
fn comparisons_the_ranges_decide() {
    // i1 in 0..=15.
    intbounds(
        "[i0]\ni1 = int_and(i0, 15)\ni2 = int_lt(i1, 16)\ni3 = int_ge(i1, 0)\ni4 = int_lt(i1, 15)\ni5 = int_eq(i1, 16)\ni6 = int_ne(i1, -1)\ni7 = int_gt(i1, 15)\ni8 = int_le(i1, 14)\ni9 = int_eq(i1, 3)\nfinish(i2, i3, i4, i5, i6, i7, i8, i9)\n",
        "[i0]\ni1 = int_and(i0, 15)\ni4 = int_lt(i1, 15)\ni8 = int_le(i1, 14)\ni9 = int_eq(i1, 3)\nfinish(1, 1, i4, 0, 1, 0, i8, i9)\n",
    );
    // Booleans are 0..=1; int_is_true of 1..=8 is 1.
    intbounds(
        "[i0, i1]\ni2 = int_lt(i0, i1)\ni3 = int_lt(i2, 2)\ni4 = int_and(i0, 7)\ni5 = int_add(i4, 1)\ni6 = int_is_true(i5)\ni7 = int_is_zero(i5)\nguard_true(i5) [i0]\nfinish(i3, i6, i7)\n",
        "[i0, i1]\ni2 = int_lt(i0, i1)\ni4 = int_and(i0, 7)\ni5 = int_add(i4, 1)\nfinish(1, 1, 0)\n",
    );
}

#[test]
fn guards_an_earlier_guard_implies() {
    // After i0 < 10: i0 < 20 and i0 <= 9 hold; i0 < 9 may not.
    intbounds(
        "[i0]\ni1 = int_lt(i0, 10)\nguard_true(i1) [i0]\ni2 = int_lt(i0, 20)\nguard_true(i2) [i0]\ni3 = int_le(i0, 9)\nguard_true(i3) [i0]\ni4 = int_gt(i0, 9)\nguard_false(i4) [i0]\ni5 = int_lt(i0, 9)\nguard_true(i5) [i0]\nfinish(i0)\n",
        "[i0]\ni1 = int_lt(i0, 10)\nguard_true(i1) [i0]\ni5 = int_lt(i0, 9)\nguard_true(i5) [i0]\nfinish(i0)\n",
    );
    // Against a variable bound: the same check again, a wider one, and the
    // comparisons that follow from it, but not a narrower one.
    intbounds(
        "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0]\ni3 = int_lt(i0, i1)\nguard_true(i3) [i0]\ni4 = int_le(i0, i1)\nguard_true(i4) [i0]\ni5 = int_add_ovf(i1, 1)\nguard_no_overflow() [i0]\ni6 = int_lt(i0, i5)\nguard_true(i6) [i0]\ni7 = int_sub_ovf(i1, 1)\nguard_no_overflow() [i0]\ni8 = int_le(i0, i7)\ni9 = int_lt(i0, i7)\ni10 = int_eq(i1, i0)\ni11 = int_ge(i0, i1)\nfinish(i8, i9, i10, i11)\n",
        "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0]\ni5 = int_add_ovf(i1, 1)\nguard_no_overflow() [i0]\ni7 = int_sub(i1, 1)\ni9 = int_lt(i0, i7)\nfinish(1, i9, 0, 0)\n",
    );
    // A plain i1 + 1 may wrap to i64::MIN: nothing follows from i0 < i1.
    unchanged(
        "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0]\ni3 = int_add(i1, 1)\ni4 = int_lt(i0, i3)\nguard_true(i4) [i0]\nfinish(i3)\n",
    );
    // i0 + 1 without wrapping is above i0.
    intbounds(
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_add(i1, 1)\ni3 = int_lt(i1, i2)\ni4 = int_ne(i2, i1)\nfinish(i3, i4)\n",
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_add(i1, 1)\nfinish(1, 1)\n",
    );
}

#[test]
fn unsigned_comparisons() {
    // Non-negative ranges compare the same either way; negative ints are
    // above every non-negative one unsigned, though below it signed.
    intbounds(
        "[i0]\ni1 = int_and(i0, 15)\ni2 = uint_lt(i1, 16)\ni3 = int_or(i0, -16)\ni4 = uint_lt(i3, 100)\ni5 = int_lt(i3, 100)\ni6 = uint_ge(i3, 5)\ni7 = uint_lt(i3, -1)\ni8 = uint_lt(i3, -17)\nfinish(i2, i4, i5, i6, i7, i8)\n",
        "[i0]\ni1 = int_and(i0, 15)\ni3 = int_or(i0, -16)\ni7 = uint_lt(i3, -1)\nfinish(1, 0, 1, 1, i7, 0)\n",
    );
    // A range across zero is two intervals unsigned: undecided.
    unchanged("[i0]\ni1 = int_rshift(i0, 60)\ni2 = uint_lt(i1, 8)\nfinish(i2)\n");
    // The index check: i0 <u len makes 0 <= i0 < len.
    intbounds(
        "[i0, r1]\ni2 = arraylen(r1, descr=regs)\ni3 = uint_lt(i0, i2)\nguard_true(i3) [i0]\ni4 = int_ge(i0, 0)\nguard_true(i4) [i0]\ni5 = int_lt(i0, i2)\nguard_true(i5) [i0]\ni6 = int_add_ovf(i0, 1)\nguard_no_overflow() [i0]\nfinish(i6)\n",
        "[i0, r1]\ni2 = arraylen(r1, descr=regs)\ni3 = uint_lt(i0, i2)\nguard_true(i3) [i0]\ni6 = int_add(i0, 1)\nfinish(i6)\n",
    );
    // Against a length that may be negative (not an arraylen): nothing.
    unchanged("[i0, i1]\ni3 = uint_lt(i0, i1)\nguard_true(i3) [i0]\ni4 = int_ge(i0, 0)\nguard_true(i4) [i0]\nfinish(i0)\n");
}

#[test]
fn ranges_of_operations() {
    // Shifts by known counts (modulo 64, as `eval` does).
    intbounds(
        "[i0]\ni1 = int_rshift(i0, 60)\ni2 = int_lt(i1, 8)\ni3 = int_ge(i1, -8)\ni4 = int_rshift(i0, 124)\ni5 = int_lt(i4, 8)\ni6 = uint_rshift(i0, 60)\ni7 = int_lt(i6, 16)\ni8 = int_lt(i6, 15)\ni9 = int_ge(i6, 0)\nfinish(i2, i3, i5, i7, i8, i9)\n",
        "[i0]\ni1 = int_rshift(i0, 60)\ni4 = int_rshift(i0, 124)\ni6 = uint_rshift(i0, 60)\ni8 = int_lt(i6, 15)\nfinish(1, 1, 1, 1, i8, 1)\n",
    );
    // 255 << 55 is below 2^63; 255 << 56 wraps: unknown.
    intbounds(
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_lshift(i1, 55)\ni3 = int_ge(i2, 0)\ni4 = int_lshift(i1, 56)\ni5 = int_ge(i4, 0)\nfinish(i3, i5)\n",
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_lshift(i1, 55)\ni4 = int_lshift(i1, 56)\ni5 = int_ge(i4, 0)\nfinish(1, i5)\n",
    );
    // Remainders keep the dividend's sign and are below the divisor;
    // quotients of 0..=MAX by 1000 times 1000 fit.
    intbounds(
        "[i0]\ni1 = int_mod(i0, 10)\ni2 = int_lt(i1, 10)\ni3 = int_gt(i1, -10)\ni4 = int_ge(i1, 0)\ni5 = int_and(i0, 9223372036854775807)\ni6 = int_mod(i5, -10)\ni7 = int_ge(i6, 0)\ni8 = int_floordiv(i5, 1000)\ni9 = int_mul_ovf(i8, 1000)\nguard_no_overflow() [i0]\nfinish(i2, i3, i4, i7, i9)\n",
        "[i0]\ni1 = int_mod(i0, 10)\ni4 = int_ge(i1, 0)\ni5 = int_and(i0, 9223372036854775807)\ni6 = int_mod(i5, -10)\ni8 = int_floordiv(i5, 1000)\ni9 = int_mul(i8, 1000)\nfinish(1, 1, i4, 1, i9)\n",
    );
    // i64::MIN // -1 is 0 here (`eval`), not a huge value: nothing is
    // assumed of a quotient by -1 of a value that may be MIN.
    unchanged(
        "[i0]\ni1 = int_floordiv(i0, -1)\ni2 = int_ge(i1, -9223372036854775807)\nfinish(i2)\n",
    );
    // Bytes are 0..=255; words may be anything.
    intbounds(
        "[r0, i1]\ni2 = getarrayitem_i(r0, i1, descr=bytes)\ni3 = int_lt(i2, 256)\ni4 = getarrayitem_i(r0, i1, descr=regs)\ni5 = int_lt(i4, 256)\nfinish(i3, i5)\n",
        "[r0, i1]\ni2 = getarrayitem_i(r0, i1, descr=bytes)\ni4 = getarrayitem_i(r0, i1, descr=regs)\ni5 = int_lt(i4, 256)\nfinish(1, i5)\n",
    );
    // Negation and inversion of bounded values; of an unknown one (maybe
    // MIN, whose negation wraps), nothing.
    intbounds(
        "[i0]\ni1 = int_and(i0, 15)\ni2 = int_neg(i1)\ni3 = int_le(i2, 0)\ni4 = int_invert(i1)\ni5 = int_lt(i4, 0)\ni6 = int_neg(i0)\ni7 = int_gt(i6, -9223372036854775808)\nfinish(i3, i5, i7)\n",
        "[i0]\ni1 = int_and(i0, 15)\ni2 = int_neg(i1)\ni4 = int_invert(i1)\ni6 = int_neg(i0)\ni7 = int_gt(i6, -9223372036854775808)\nfinish(1, 1, i7)\n",
    );
}

#[test]
fn guards_make_constants() {
    // guard_value: the constant from then on, and a second one goes.
    intbounds(
        "[i0]\nguard_value(i0, 7) [i0]\ni1 = int_add_ovf(i0, 1)\nguard_no_overflow() [i0]\nguard_value(i0, 7) [i0]\nfinish(i1, i0)\n",
        "[i0]\nguard_value(i0, 7) [i0]\nfinish(8, 7)\n",
    );
    // guard_false makes 0; equality with a constant makes that constant.
    intbounds(
        "[i0, i1]\nguard_false(i0) [i0]\ni2 = int_add(i0, 5)\ni3 = int_eq(i1, -3)\nguard_true(i3) [i1]\ni4 = int_mul(i1, 2)\nfinish(i2, i4)\n",
        "[i0, i1]\nguard_false(i0) [i0]\ni3 = int_eq(i1, -3)\nguard_true(i3) [i1]\nfinish(5, -6)\n",
    );
    // x != 0 on 0..=7 makes 1..=7.
    intbounds(
        "[i0]\ni1 = int_and(i0, 7)\ni2 = int_ne(i1, 0)\nguard_true(i2) [i0]\ni3 = int_is_true(i1)\ni4 = int_gt(i1, 0)\nfinish(i3, i4)\n",
        "[i0]\ni1 = int_and(i0, 7)\ni2 = int_ne(i1, 0)\nguard_true(i2) [i0]\nfinish(1, 1)\n",
    );
}

#[test]
fn guards_that_always_fail_stay_and_teach_nothing() {
    // i2 is 0: guard_true(0) stays; guard_value(i1, 100) on 0..=7 stays;
    // what is known of i1 is unchanged after them.
    intbounds(
        "[i0]\ni1 = int_and(i0, 7)\ni2 = int_gt(i1, 10)\nguard_true(i2) [i0]\nguard_value(i1, 100) [i0]\ni3 = int_lt(i1, 8)\ni4 = int_lt(i1, 7)\nfinish(i3, i4)\n",
        "[i0]\ni1 = int_and(i0, 7)\nguard_true(0) [i0]\nguard_value(i1, 100) [i0]\ni4 = int_lt(i1, 7)\nfinish(1, i4)\n",
    );
    // Contradicting guards on a variable: the second stays, the range is
    // what the first made it.
    intbounds(
        "[i0]\ni1 = int_lt(i0, 0)\nguard_true(i1) [i0]\ni2 = int_gt(i0, 5)\nguard_true(i2) [i0]\ni3 = int_lt(i0, 0)\nfinish(i3)\n",
        "[i0]\ni1 = int_lt(i0, 0)\nguard_true(i1) [i0]\nguard_true(0) [i0]\nfinish(1)\n",
    );
}

#[test]
fn at_a_label_only_what_operations_give_survives() {
    // Before the label: i3 = arraylen (>= 0), i5 = i0 & 15 guarded below 4,
    // i7 = i0 < 3 on the label argument i0, i1 guarded below 10.
    intbounds(
        "[i0, i1, r2]\ni3 = arraylen(r2, descr=regs)\ni5 = int_and(i0, 15)\ni6 = int_lt(i5, 4)\nguard_true(i6) [i0]\ni7 = int_lt(i0, 3)\ni8 = int_lt(i1, 10)\nguard_true(i8) [i1]\nlabel(i0, i1, r2)\ni9 = int_ge(i3, 0)\ni10 = int_lt(i5, 16)\ni11 = int_lt(i5, 4)\ni12 = int_lt(i1, 10)\nguard_true(i7) [i0]\ni13 = int_lt(i0, 3)\nfinish(i9, i10, i11, i12, i13)\n",
        "[i0, i1, r2]\ni3 = arraylen(r2, descr=regs)\ni5 = int_and(i0, 15)\ni6 = int_lt(i5, 4)\nguard_true(i6) [i0]\ni7 = int_lt(i0, 3)\ni8 = int_lt(i1, 10)\nguard_true(i8) [i1]\nlabel(i0, i1, r2)\ni11 = int_lt(i5, 4)\ni12 = int_lt(i1, 10)\nguard_true(i7) [i0]\ni13 = int_lt(i0, 3)\nfinish(1, 1, i11, i12, i13)\n",
    );
}

#[test]
fn pipeline_counted_loop_loses_its_overflow_check() {
    // while i < n: i += 1, as an interpreter records it.
    let text = "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0, i1]\ni3 = int_add_ovf(i0, 1)\nguard_no_overflow() [i0, i1]\njump(i3, i1)\n";
    // Preamble and peeled loop both add without the check; n is invariant.
    let expected = "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0, i1]\ni3 = int_add(i0, 1)\nlabel(i3)\ni4 = int_lt(i3, i1)\nguard_true(i4) [i3, i1]\ni5 = int_add(i3, 1)\njump(i5)\n";
    let (t, short) = optimize_loop(&p(text), &OptConfig::all());
    assert_eq!(t.to_string(), common::canon(expected));
    assert!(short.is_some(), "the loop can be entered from a bridge");
    // Without the pass both checks stay.
    let cfg: OptConfig = "fold:heap:guards:dce:unroll".parse().unwrap();
    let (t, _) = optimize_loop(&p(text), &cfg);
    assert_eq!(t.to_string().matches("int_add_ovf").count(), 2, "{t}");
}

#[test]
fn enable_opts_switches_it() {
    let text = "[i0]\ni1 = int_and(i0, 255)\ni2 = int_add_ovf(i1, 1)\nguard_no_overflow() [i0]\nfinish(i2)\n";
    check(
        "fold:intbounds",
        text,
        "[i0]\ni1 = int_and(i0, 255)\ni2 = int_add(i1, 1)\nfinish(i2)\n",
    );
    check("fold", text, text);
}
