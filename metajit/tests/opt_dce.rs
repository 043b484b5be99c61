//! `opt::dce`: dead code elimination, trace in, trace out.

mod common;

use common::check;

fn dce(input: &str, expected: &str) {
    check("dce", input, expected);
}

#[test]
fn removes_unused_pure_ops_in_chains() {
    dce(
        "[i0, f1]\ni2 = int_add(i0, 1)\ni3 = int_mul(i2, i2)\nf4 = float_add(f1, 1.0)\ni5 = cast_float_to_int(f4)\ni6 = int_sub(i0, 1)\njump(i6, f1)\n",
        "[i0, f1]\ni6 = int_sub(i0, 1)\njump(i6, f1)\n",
    );
}

#[test]
fn removes_unused_loads_and_allocations() {
    dce(
        "[r0, i1]\ni2 = getfield_i(r0, descr=value)\nr3 = getfield_r(r0, descr=next)\ni4 = getarrayitem_i(r3, i1, descr=regs)\ni5 = arraylen(r0, descr=regs)\nr6 = new(descr=node)\nr7 = new_array(i1, descr=regs)\njump(r0, i1)\n",
        "[r0, i1]\njump(r0, i1)\n",
    );
    dce(
        "[i0]\ni1 = call_pure_i(i0, 2, descr=add_mul)\ni2 = call_pure_i(i0, 3, descr=add_mul)\nfinish(i2)\n",
        "[i0]\ni2 = call_pure_i(i0, 3, descr=add_mul)\nfinish(i2)\n",
    );
}

#[test]
fn fail_args_jump_finish_and_label_are_uses() {
    let t = "[i0, i1]\ni2 = int_add(i0, 1)\ni3 = int_lt(i0, 5)\nguard_true(i3) [i2]\ni4 = int_mul(i1, 2)\nlabel(i4, i1)\ni5 = int_add(i4, 1)\ni6 = int_neg(i1)\nfinish(i5, i6)\n";
    dce(t, t);
}

#[test]
fn keeps_effects() {
    // Stores, calls (even unused results), guards, overflow ops (their guard
    // reads the flag) and non-elidable call_pure stay.
    let t = "[r0, i1]\nsetfield(r0, i1, descr=value)\nsetarrayitem(r0, 0, i1, descr=regs)\ni2 = call_i(i1, descr=bump)\ncall_n(descr=noop)\ni3 = int_add_ovf(i1, 1)\nguard_no_overflow() []\ni4 = call_pure_i(1, descr=bump)\nguard_not_invalidated() []\ndebug_merge_point(0, 'x')\njump(r0, i1)\n";
    dce(t, t);
}

#[test]
fn a_value_used_only_by_a_dead_op_dies_too() {
    dce(
        "[r0]\nr1 = getfield_r(r0, descr=next)\ni2 = getfield_i(r1, descr=value)\ni3 = int_add(i2, 1)\nsetfield(r0, 5, descr=value)\nfinish()\n",
        "[r0]\nsetfield(r0, 5, descr=value)\nfinish()\n",
    );
}
