//! The virtualizable's items kept in registers across a peeled loop
//! (`opt/vable.rs`, through `unroll`), and facts about values the loop
//! never changes carried into the body, as trace text in and out.
//!
//! The traces have the recorder's shape: the frame `r0` is a `regs` array
//! whose items guards list as virtual (`{descr=regs, object=0, ...}`) while
//! they are not stored yet, and every item written in an iteration is
//! stored before the `jump`.

mod common;
use common::{check, p};
use metajit::opt::{self, OptConfig};

/// A loop that counts item 0 down and adds it into item 1.
const COUNTDOWN: &str = "[r0, i9]
i1 = getarrayitem_i(r0, 0, descr=regs)
i2 = int_sub(i1, 1)
guard_true(i2) [r0, i9 {descr=regs, object=0, 0=i2}]
i3 = getarrayitem_i(r0, 1, descr=regs)
i4 = int_add(i3, i2)
guard_not_interrupted() [r0, i9 {descr=regs, object=0, 0=i2, 1=i4}]
setarrayitem(r0, 0, i2, descr=regs)
setarrayitem(r0, 1, i4, descr=regs)
jump(r0, i9)
";

#[test]
fn the_body_stores_no_item_and_the_jump_carries_them() {
    // The preamble is the trace; in the body, the items are the label's
    // arguments, the first guard lists item 1 too (the frame holds an
    // earlier iteration's value of it), and nothing is stored.
    check(
        "unroll",
        COUNTDOWN,
        &format!(
            "{}label(i2, i4)
i10 = int_sub(i2, 1)
guard_true(i10) [r0, i9 {{descr=regs, object=0, 0=i10, 1=i4}}]
i11 = int_add(i4, i10)
guard_not_interrupted() [r0, i9 {{descr=regs, object=0, 0=i10, 1=i11}}]
jump(i10, i11)
",
            COUNTDOWN.trim_end_matches("jump(r0, i9)\n")
        ),
    );
}

#[test]
fn a_guard_before_any_write_lists_every_carried_item() {
    // The recorder's guard lists nothing (the object was right when it was
    // recorded); in the body, both items are only in registers there.
    let text = "[r0]
i1 = getarrayitem_i(r0, 0, descr=regs)
i2 = getarrayitem_i(r0, 1, descr=regs)
guard_true(i1) [r0]
i3 = int_sub(i1, 1)
i4 = int_add(i2, 3)
guard_not_interrupted() [r0 {descr=regs, object=0, 0=i3, 1=i4}]
setarrayitem(r0, 0, i3, descr=regs)
setarrayitem(r0, 1, i4, descr=regs)
jump(r0)
";
    check(
        "unroll",
        text,
        &format!(
            "{}label(i3, i4)
guard_true(i3) [r0 {{descr=regs, object=0, 0=i3, 1=i4}}]
i5 = int_sub(i3, 1)
i6 = int_add(i4, 3)
guard_not_interrupted() [r0 {{descr=regs, object=0, 0=i5, 1=i6}}]
jump(i5, i6)
",
            text.trim_end_matches("jump(r0)\n")
        ),
    );
}

#[test]
fn a_call_that_reads_the_frame_gets_the_items_written_back_before_it() {
    // `get_reg` reads `regs` items: the recorder stored the items before
    // it in the preamble; in the body the items changed since the label
    // are written back before it, and only those.
    let text = "[r0]
i1 = getarrayitem_i(r0, 0, descr=regs)
i2 = int_sub(i1, 1)
setarrayitem(r0, 0, i2, descr=regs)
i3 = call_i(r0, 0, descr=get_reg)
guard_true(i3) [r0]
i4 = int_add(i3, 2)
guard_not_interrupted() [r0 {descr=regs, object=0, 1=i4}]
setarrayitem(r0, 1, i4, descr=regs)
jump(r0)
";
    check(
        "unroll",
        text,
        &format!(
            "{}label(i2, i4)
i5 = int_sub(i2, 1)
setarrayitem(r0, 0, i5, descr=regs)
setarrayitem(r0, 1, i4, descr=regs)
i6 = call_i(r0, 0, descr=get_reg)
guard_true(i6) [r0]
i7 = int_add(i6, 2)
guard_not_interrupted() [r0 {{descr=regs, object=0, 1=i7}}]
jump(i5, i7)
",
            text.trim_end_matches("jump(r0)\n")
        ),
    );
}

#[test]
fn a_call_that_may_write_the_frame_keeps_the_stores() {
    // `noop` may do anything: the recorder reads the items again after it,
    // and the body stores them as the trace does.
    let text = "[r0]
i1 = getarrayitem_i(r0, 0, descr=regs)
i2 = int_sub(i1, 1)
guard_true(i2) [r0 {descr=regs, object=0, 0=i2}]
setarrayitem(r0, 0, i2, descr=regs)
call_n(descr=noop)
jump(r0)
";
    let out = opt::unroll::run(&p(text)).to_string();
    let body = &out[out.find("label(").expect("peeled")..];
    assert!(
        body.contains("setarrayitem(r0, 0,"),
        "the store left the body:\n{out}"
    );
}

#[test]
fn a_guard_inside_an_inlined_call_lists_the_items_in_the_outer_frame() {
    // The guard's resume data has two frames: the items go to the outer
    // one, between its slots and the inner frame's values.
    let text = "[r0, i7]
i1 = getarrayitem_i(r0, 0, descr=regs)
i2 = int_add(i1, i7)
guard_true(i2) [r0 {descr=regs, object=0, 0=i2} | i7, i2; returned]
guard_not_interrupted() [r0 {descr=regs, object=0, 0=i2}]
setarrayitem(r0, 0, i2, descr=regs)
jump(r0, i7)
";
    let out = opt::unroll::run(&p(text));
    opt::verify(&out).unwrap();
    let printed = out.to_string();
    let body = &printed[printed.find("label(").expect("peeled")..];
    assert_eq!(
        body,
        "label(i2)\ni8 = int_add(i2, i7)\n\
         guard_true(i8) [r0 {descr=regs, object=0, 0=i8} | i7, i8; returned]\n\
         guard_not_interrupted() [r0 {descr=regs, object=0, 0=i8}]\njump(i8)\n"
    );
}

#[test]
fn a_short_preamble_loads_the_carried_items_from_the_frame() {
    // A trace that jumps to the label has stored the items (every trace
    // does before its end): the short preamble reads them back.
    let (looped, short) = opt::optimize_loop(&p(COUNTDOWN), &OptConfig::all());
    let short = short.unwrap_or_else(|| panic!("no short preamble for\n{looped}"));
    let text = short.to_string();
    assert!(
        text.contains("getarrayitem_i(r0, 0, descr=regs)")
            && text.contains("getarrayitem_i(r0, 1, descr=regs)"),
        "{text}"
    );
}

#[test]
fn a_value_loaded_from_a_location_the_loop_never_writes_is_invariant() {
    // r1 and its `value` are the same in every iteration: the body neither
    // loads them nor checks r1 again, and the addition's operand is the
    // preamble's.
    check(
        "unroll",
        "[r0, i5]
r1 = getfield_r(r0, descr=next)
guard_nonnull_class(r1, 7) [r0, i5]
i2 = getfield_i(r1, descr=value)
i3 = int_add(i5, i2)
guard_true(i3) [r0, i3]
jump(r0, i3)
",
        "[r0, i5]
r1 = getfield_r(r0, descr=next)
guard_nonnull_class(r1, 7) [r0, i5]
i2 = getfield_i(r1, descr=value)
i3 = int_add(i5, i2)
guard_true(i3) [r0, i3]
label(i3)
i6 = int_add(i3, i2)
guard_true(i6) [r0, i6]
jump(i6)
",
    );
}

#[test]
fn a_value_the_loop_writes_is_loaded_again() {
    // `value` is stored into through another reference: r0's may be it.
    check(
        "unroll",
        "[r0, r4, i5]
i2 = getfield_i(r0, descr=value)
i3 = int_add(i5, i2)
guard_true(i3) [r0, i3]
setfield(r4, i3, descr=value)
jump(r0, r4, i3)
",
        "[r0, r4, i5]
i2 = getfield_i(r0, descr=value)
i3 = int_add(i5, i2)
guard_true(i3) [r0, i3]
setfield(r4, i3, descr=value)
label(i3)
i6 = getfield_i(r0, descr=value)
i7 = int_add(i3, i6)
guard_true(i7) [r0, i7]
setfield(r4, i7, descr=value)
jump(i7)
",
    );
}

#[test]
fn the_short_preamble_checks_an_invariant_load_again() {
    // The body counts on r1 being non-null with class 7: a trace entering
    // at the label loads r1 and checks it.
    let (looped, short) = opt::optimize_loop(
        &p("[r0, i5]
r1 = getfield_r(r0, descr=next)
guard_nonnull_class(r1, 7) [r0, i5]
i2 = getfield_i(r1, descr=value)
i3 = int_add(i5, i2)
guard_true(i3) [r0, i3]
jump(r0, i3)
"),
        &OptConfig::all(),
    );
    let short = short.unwrap_or_else(|| panic!("no short preamble for\n{looped}"));
    let text = short.to_string();
    assert!(
        text.contains("getfield_r(r0, descr=next)")
            && text.contains("guard_nonnull_class(r1, 7)")
            && text.contains("getfield_i(r1, descr=value)"),
        "{text}"
    );
}

#[test]
fn a_guard_whose_frame_does_not_hold_the_object_gets_the_items_written_back() {
    // Its resume data cannot list the item: it is stored before the
    // overflowing addition, which the guard must follow directly.
    let text = "[r0, i9]
i1 = getarrayitem_i(r0, 0, descr=regs)
i2 = int_add_ovf(i1, i9)
guard_no_overflow() [i9]
guard_not_interrupted() [r0 {descr=regs, object=0, 0=i2}]
setarrayitem(r0, 0, i2, descr=regs)
jump(r0, i9)
";
    check(
        "unroll",
        text,
        &format!(
            "{}label(i2)
setarrayitem(r0, 0, i2, descr=regs)
i10 = int_add_ovf(i2, i9)
guard_no_overflow() [i9]
guard_not_interrupted() [r0 {{descr=regs, object=0, 0=i10}}]
jump(i10)
",
            text.trim_end_matches("jump(r0, i9)\n")
        ),
    );
}

#[test]
fn guards_on_values_the_loop_passes_back_unchanged_stay_in_the_preamble() {
    // r1 (an input passed back as it is) has its class and its `value`
    // checked once; i2 read from it is the same in every iteration too.
    check(
        "unroll",
        "[i0, r1]
guard_nonnull(r1) [i0]
guard_class(r1, 7) [i0]
i2 = getfield_i(r1, descr=value)
guard_value(i2, 5) [i0]
i3 = int_sub(i0, 1)
guard_true(i3) [i3]
jump(i3, r1)
",
        "[i0, r1]
guard_nonnull(r1) [i0]
guard_class(r1, 7) [i0]
i2 = getfield_i(r1, descr=value)
guard_value(i2, 5) [i0]
i3 = int_sub(i0, 1)
guard_true(i3) [i3]
label(i3)
i4 = int_sub(i3, 1)
guard_true(i4) [i4]
jump(i4)
",
    );
}
