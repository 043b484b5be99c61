//! Allocation removal (`opt::virtualize`), as trace text in and trace text
//! out: objects that do not escape are never allocated, those that escape
//! are allocated where they do, and guards describe the ones they need.

mod common;
use common::check;

#[test]
fn object_that_never_escapes_is_not_allocated() {
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\nsetfield(r1, i0, descr=value)\ni2 = getfield_i(r1, descr=value)\ni3 = int_add(i2, 1)\njump(i3)\n",
        "[i0]\ni3 = int_add(i0, 1)\njump(i3)\n",
    );
}

#[test]
fn field_never_written_reads_zero() {
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\ni2 = getfield_i(r1, descr=value)\nr3 = getfield_r(r1, descr=next)\nf4 = getfield_f(r1, descr=fval)\ni5 = int_add(i2, i0)\nfinish(i5, r3, f4)\n",
        "[i0]\ni5 = int_add(0, i0)\nfinish(i5, NULL, 0.0)\n",
    );
}

#[test]
fn escape_by_call_allocates_before_the_call() {
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\nsetfield(r1, i0, descr=value)\nsetfield(r1, 7, descr=value)\ncall_n(r1, 3, descr=set_value)\ni2 = getfield_i(r1, descr=value)\njump(i2)\n",
        "[i0]\nr1 = new(descr=node)\nsetfield(r1, 7, descr=value)\ncall_n(r1, 3, descr=set_value)\ni2 = getfield_i(r1, descr=value)\njump(i2)\n",
    );
}

#[test]
fn escape_by_store_into_another_object() {
    check(
        "virtualize",
        "[r0, i1]\nr2 = new(descr=node)\nsetfield(r2, i1, descr=value)\nsetfield(r0, r2, descr=next)\njump(r0, i1)\n",
        "[r0, i1]\nr2 = new(descr=node)\nsetfield(r2, i1, descr=value)\nsetfield(r0, r2, descr=next)\njump(r0, i1)\n",
    );
}

#[test]
fn escape_by_jump_and_finish() {
    check(
        "virtualize",
        "[r0, i1]\nr2 = new(descr=node)\nsetfield(r2, i1, descr=value)\njump(r2, i1)\n",
        "[r0, i1]\nr2 = new(descr=node)\nsetfield(r2, i1, descr=value)\njump(r2, i1)\n",
    );
    check(
        "virtualize",
        "[i1]\nr2 = new(descr=node)\nfinish(r2)\n",
        "[i1]\nr2 = new(descr=node)\nfinish(r2)\n",
    );
}

#[test]
fn nested_virtuals_are_forced_together() {
    // r2 holds r3; storing r2 into r0 makes both escape; r4 stays virtual.
    // Loads from the escaped r2 stay (the heap pass forwards them).
    check(
        "virtualize",
        "[r0, i1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nr4 = new(descr=node)\nsetfield(r3, i1, descr=value)\nsetfield(r2, r3, descr=next)\nsetfield(r4, r2, descr=next)\nsetfield(r0, r2, descr=next)\nr5 = getfield_r(r4, descr=next)\nr6 = getfield_r(r5, descr=next)\ni7 = getfield_i(r6, descr=value)\njump(r0, i7)\n",
        "[r0, i1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nsetfield(r2, r3, descr=next)\nsetfield(r3, i1, descr=value)\nsetfield(r0, r2, descr=next)\nr6 = getfield_r(r2, descr=next)\ni7 = getfield_i(r6, descr=value)\njump(r0, i7)\n",
    );
}

#[test]
fn nested_virtual_read_through_a_virtual_stays_virtual() {
    check(
        "virtualize",
        "[i1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nsetfield(r3, i1, descr=value)\nsetfield(r2, r3, descr=next)\nr4 = getfield_r(r2, descr=next)\ni5 = getfield_i(r4, descr=value)\njump(i5)\n",
        "[i1]\njump(i1)\n",
    );
}

#[test]
fn cycle_is_forced_whole() {
    check(
        "virtualize",
        "[i1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nsetfield(r2, r3, descr=next)\nsetfield(r3, r2, descr=next)\nsetfield(r3, i1, descr=value)\ncall_n(r2, 0, descr=set_value)\njump(i1)\n",
        "[i1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nsetfield(r2, r3, descr=next)\nsetfield(r3, r2, descr=next)\nsetfield(r3, i1, descr=value)\ncall_n(r2, 0, descr=set_value)\njump(i1)\n",
    );
}

#[test]
fn identity_and_null_checks_of_virtuals_fold() {
    check(
        "virtualize",
        "[r0]\nr1 = new(descr=node)\nr2 = new(descr=node)\nguard_nonnull(r1) [r0]\nguard_class(r1, 7) [r0]\nguard_nonnull_class(r2, 7) [r0]\ni3 = ptr_eq(r1, r2)\ni4 = ptr_eq(r1, r1)\ni5 = ptr_ne(r1, r0)\ni6 = ptr_eq(r0, r2)\ni7 = ptr_eq(r1, NULL)\nfinish(i3, i4, i5, i6, i7)\n",
        "[r0]\nfinish(0, 1, 1, 0, 0)\n",
    );
}

#[test]
fn guard_of_the_wrong_class_forces_and_stays() {
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\nguard_class(r1, 9) [i0]\nfinish(i0)\n",
        "[i0]\nr1 = new(descr=node)\nguard_class(r1, 9) [i0]\nfinish(i0)\n",
    );
}

#[test]
fn comparing_two_objects_that_are_not_virtual_stays() {
    let t = "[r0, r1]\ni2 = ptr_eq(r0, r1)\nfinish(i2)\n";
    check("virtualize", t, t);
}

#[test]
fn guard_describes_the_virtual_in_its_snapshot() {
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\nsetfield(r1, i0, descr=value)\ni2 = int_lt(i0, 10)\nguard_true(i2) [i0, r1]\ni3 = getfield_i(r1, descr=value)\ni4 = int_add(i3, 1)\njump(i4)\n",
        "[i0]\ni2 = int_lt(i0, 10)\nguard_true(i2) [i0, virt0] virt0=new(descr=node, value=i0)\ni4 = int_add(i0, 1)\njump(i4)\n",
    );
}

#[test]
fn guard_describes_nested_virtuals_and_cycles() {
    check(
        "virtualize",
        "[i0, f1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nsetfield(r2, r3, descr=next)\nsetfield(r3, r2, descr=next)\nsetfield(r3, i0, descr=value)\nsetfield(r2, f1, descr=fval)\nguard_true(i0) [r3, i0 | r2]\nfinish(i0)\n",
        "[i0, f1]\nguard_true(i0) [virt0, i0 | virt1] virt0=new(descr=node, next=virt1, value=i0) virt1=new(descr=node, next=virt0, fval=f1)\nfinish(i0)\n",
    );
}

#[test]
fn guard_after_escape_names_the_allocated_object() {
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\nsetfield(r1, i0, descr=value)\ncall_n(r1, 1, descr=set_value)\nguard_true(i0) [r1]\nfinish(i0)\n",
        "[i0]\nr1 = new(descr=node)\nsetfield(r1, i0, descr=value)\ncall_n(r1, 1, descr=set_value)\nguard_true(i0) [r1]\nfinish(i0)\n",
    );
}

#[test]
fn later_passes_keep_the_virtuals_of_guards() {
    // heap, guards and dce run on fail arguments that describe virtuals.
    check(
        "fold:virtualize:heap:guards:dce",
        "[r0]\ni1 = getfield_i(r0, descr=value)\nr2 = new(descr=node)\nsetfield(r2, i1, descr=value)\ni3 = getfield_i(r0, descr=value)\nguard_true(i3) [r2]\ni4 = getfield_i(r2, descr=value)\ni5 = int_sub(i4, 1)\nsetfield(r0, i5, descr=value)\njump(r0)\n",
        "[r0]\ni1 = getfield_i(r0, descr=value)\nguard_true(i1) [virt0] virt0=new(descr=node, value=i1)\ni5 = int_sub(i1, 1)\nsetfield(r0, i5, descr=value)\njump(r0)\n",
    );
}
