//! The heap cache, as trace text in and trace text out.

mod common;
use common::check;

#[test]
fn repeated_load_is_forwarded() {
    check(
        "heap",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = getfield_i(r0, descr=value)\ni3 = int_add(i1, i2)\njump(r0)\n",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ni3 = int_add(i1, i1)\njump(r0)\n",
    );
}

#[test]
fn store_then_load_gives_the_stored_value() {
    check(
        "heap",
        "[r0, i1]\nsetarrayitem(r0, 2, i1, descr=regs)\ni2 = getarrayitem_i(r0, 2, descr=regs)\nguard_true(i2) [r0, i2]\njump(r0, i2)\n",
        "[r0, i1]\nsetarrayitem(r0, 2, i1, descr=regs)\nguard_true(i1) [r0, i1]\njump(r0, i1)\n",
    );
}

#[test]
fn storing_the_known_value_again_is_dropped() {
    check(
        "heap",
        "[r0]\ni1 = getfield_i(r0, descr=value)\nsetfield(r0, i1, descr=value)\njump(r0)\n",
        "[r0]\ni1 = getfield_i(r0, descr=value)\njump(r0)\n",
    );
}

#[test]
fn store_through_another_object_forgets_the_field() {
    // r1 may be r0: the load after the store must stay.
    check(
        "heap",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\nsetfield(r1, 5, descr=value)\ni3 = getfield_i(r0, descr=value)\njump(r0, r1)\n",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\nsetfield(r1, 5, descr=value)\ni3 = getfield_i(r0, descr=value)\njump(r0, r1)\n",
    );
}

#[test]
fn store_to_another_field_keeps_the_field() {
    check(
        "heap",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\nsetfield(r1, r0, descr=next)\ni3 = getfield_i(r0, descr=value)\nguard_true(i3) [r0, r1]\njump(r0, r1)\n",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\nsetfield(r1, r0, descr=next)\nguard_true(i2) [r0, r1]\njump(r0, r1)\n",
    );
}

#[test]
fn other_constant_index_of_the_same_array_survives_a_store() {
    check(
        "heap",
        "[r0, i9]\ni1 = getarrayitem_i(r0, 1, descr=regs)\nsetarrayitem(r0, 0, i9, descr=regs)\ni2 = getarrayitem_i(r0, 1, descr=regs)\ni3 = int_add(i1, i2)\njump(r0, i3)\n",
        "[r0, i9]\ni1 = getarrayitem_i(r0, 1, descr=regs)\nsetarrayitem(r0, 0, i9, descr=regs)\ni3 = int_add(i1, i1)\njump(r0, i3)\n",
    );
}

#[test]
fn store_at_a_variable_index_forgets_other_indices() {
    check(
        "heap",
        "[r0, i9]\ni1 = getarrayitem_i(r0, 1, descr=regs)\nsetarrayitem(r0, i9, 7, descr=regs)\ni2 = getarrayitem_i(r0, 1, descr=regs)\njump(r0, i2)\n",
        "[r0, i9]\ni1 = getarrayitem_i(r0, 1, descr=regs)\nsetarrayitem(r0, i9, 7, descr=regs)\ni2 = getarrayitem_i(r0, 1, descr=regs)\njump(r0, i2)\n",
    );
}

#[test]
fn array_length_is_loaded_once_and_known_after_new_array() {
    check(
        "heap",
        "[r0, i1]\ni2 = arraylen(r0, descr=regs)\ni3 = arraylen(r0, descr=regs)\nr4 = new_array(i1, descr=regs)\ni5 = arraylen(r4, descr=regs)\ni6 = int_add(i3, i5)\njump(r4, i6)\n",
        "[r0, i1]\ni2 = arraylen(r0, descr=regs)\nr4 = new_array(i1, descr=regs)\ni6 = int_add(i2, i1)\njump(r4, i6)\n",
    );
}

#[test]
fn a_call_forgets_only_what_its_summary_writes() {
    check(
        "heap",
        "[r0]\ni1 = getfield_i(r0, descr=value)\nr2 = getfield_r(r0, descr=next)\ncall_n(r0, 3, descr=set_value)\ni3 = getfield_i(r0, descr=value)\nr4 = getfield_r(r0, descr=next)\njump(r4)\n",
        "[r0]\ni1 = getfield_i(r0, descr=value)\nr2 = getfield_r(r0, descr=next)\ncall_n(r0, 3, descr=set_value)\ni3 = getfield_i(r0, descr=value)\njump(r2)\n",
    );
}

#[test]
fn a_call_with_unknown_effects_forgets_everything_but_lengths() {
    check(
        "heap",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = arraylen(r0, descr=regs)\ncall_n(descr=noop)\ni3 = getfield_i(r0, descr=value)\ni4 = arraylen(r0, descr=regs)\ni5 = int_add(i3, i4)\njump(r0)\n",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = arraylen(r0, descr=regs)\ncall_n(descr=noop)\ni3 = getfield_i(r0, descr=value)\ni5 = int_add(i3, i2)\njump(r0)\n",
    );
}

#[test]
fn the_pipeline_removes_repeated_bounds_checks() {
    // TLR's MOV_R_A 0 twice: the second length load, comparison and guard
    // go, and the second load is forwarded.
    check(
        "fold:heap:guards:dce",
        "[r0]\ni1 = arraylen(r0, descr=regs)\ni2 = int_lt(0, i1)\nguard_true(i2) [r0]\ni3 = getarrayitem_i(r0, 0, descr=regs)\ni4 = arraylen(r0, descr=regs)\ni5 = int_lt(0, i4)\nguard_true(i5) [r0]\ni6 = getarrayitem_i(r0, 0, descr=regs)\ni7 = int_add(i3, i6)\njump(r0, i7)\n",
        "[r0]\ni1 = arraylen(r0, descr=regs)\ni2 = int_lt(0, i1)\nguard_true(i2) [r0]\ni3 = getarrayitem_i(r0, 0, descr=regs)\ni7 = int_add(i3, i3)\njump(r0, i7)\n",
    );
}
