//! Short preambles, as trace text: what a peeled loop hands to the traces
//! that reach it (`opt::optimize_loop`), and what such a trace becomes once
//! the short preamble is inlined before its jump to the label and the
//! whole is optimized (`unroll::close_at_label`).

mod common;
use common::{canon, p};
use metajit::ir::Trace;
use metajit::opt::{self, unroll, OptConfig};

/// A counted loop over `regs`: its length and the bounds check are
/// invariant, item 1 is carried around the loop in a register.
const LOOP: &str = "[i0, r1]
i2 = arraylen(r1, descr=regs)
i3 = int_lt(1, i2)
guard_true(i3) [i0, r1]
i4 = getarrayitem_i(r1, 1, descr=regs)
i5 = int_add(i4, i0)
setarrayitem(r1, 1, i5, descr=regs)
i6 = int_sub(i0, 1)
guard_true(i6) [i6, r1]
guard_not_interrupted() [i6, r1]
jump(i6, r1)
";

fn optimized_loop(text: &str) -> (Trace, Option<Trace>) {
    let (t, short) = opt::optimize_loop(&p(text), &OptConfig::all());
    opt::verify(&t).unwrap();
    (t, short)
}

#[test]
fn the_short_preamble_computes_the_invariants_and_reloads_the_carried_value() {
    let (looped, short) = optimized_loop(LOOP);
    // The peeled loop: `i5` (item 1) is carried; `r1` and `i2`, `i3` are
    // read after the label without being its arguments.
    assert_eq!(
        looped.to_string(),
        canon(
            "[i0, r1]
             i2 = arraylen(r1, descr=regs)
             i3 = int_lt(1, i2)
             guard_true(i3) [i0, r1]
             i4 = getarrayitem_i(r1, 1, descr=regs)
             i5 = int_add(i4, i0)
             setarrayitem(r1, 1, i5, descr=regs)
             i6 = int_sub(i0, 1)
             guard_true(i6) [i6, r1]
             guard_not_interrupted() [i6, r1]
             label(i6, i5)
             i7 = int_add(i5, i6)
             setarrayitem(r1, 1, i7, descr=regs)
             i8 = int_sub(i6, 1)
             guard_true(i8) [i8, r1]
             guard_not_interrupted() [i8, r1]
             jump(i8, i7)
             "
        )
    );
    let (_, entry) = looped.label_entry().unwrap();
    let names: Vec<String> = entry.iter().map(|v| v.0.to_string()).collect();
    assert_eq!(names, ["6", "5", "1"]);
    // Entering at the label: the counter is the input, the length and the
    // bounds check are computed again (the body checks neither), item 1 is
    // loaded. The guard takes the resume data of the trace it goes into.
    let short = short.expect("a short preamble");
    assert_eq!(
        short.to_string(),
        "[i0, r1]\n\
         i2 = arraylen(r1, descr=regs)\n\
         i3 = int_lt(1, i2)\n\
         guard_true(i3) []\n\
         i5 = getarrayitem_i(r1, 1, descr=regs)\n\
         jump(i0, i5, r1)\n"
    );
}

/// Inline the loop's short preamble into `bridge` and optimize the result.
fn closed(bridge: &str) -> String {
    let (_, short) = optimized_loop(LOOP);
    let t = unroll::close_at_label(&p(bridge), 1, &short.unwrap()).expect("closes at the label");
    let t = opt::optimize(&t, &OptConfig::all());
    opt::verify(&t).unwrap();
    t.to_string()
}

#[test]
fn what_the_bridge_knows_is_not_done_again() {
    // The bridge has checked the length and just stored item 1: the short
    // preamble's length, check and load all go away.
    assert_eq!(
        closed(
            "[i0, r1]
             i2 = arraylen(r1, descr=regs)
             i3 = int_lt(1, i2)
             guard_true(i3) [i0, r1]
             i4 = getarrayitem_i(r1, 1, descr=regs)
             i5 = int_mul(i4, 2)
             setarrayitem(r1, 1, i5, descr=regs)
             i6 = int_sub(i0, 1)
             guard_not_interrupted() [i6, r1]
             jump(i6, r1, descr=loop1)
             "
        ),
        canon(
            "[i0, r1]
             i2 = arraylen(r1, descr=regs)
             i3 = int_lt(1, i2)
             guard_true(i3) [i0, r1]
             i4 = getarrayitem_i(r1, 1, descr=regs)
             i5 = int_mul(i4, 2)
             setarrayitem(r1, 1, i5, descr=regs)
             i6 = int_sub(i0, 1)
             guard_not_interrupted() [i6, r1]
             jump(i6, i5, r1, descr=label1)
             "
        )
    );
}

#[test]
fn what_the_bridge_does_not_know_is_checked_with_its_resume_data() {
    // Nothing known: the whole short preamble runs, and its guard resumes
    // where the bridge's jump would have gone (its last guard's resume
    // point: the loop's start with the jump's values).
    assert_eq!(
        closed(
            "[i0, r1]
             i2 = int_sub(i0, 2)
             guard_not_interrupted() [i2, r1]
             jump(i2, r1, descr=loop1)
             "
        ),
        canon(
            "[i0, r1]
             i2 = int_sub(i0, 2)
             guard_not_interrupted() [i2, r1]
             i3 = arraylen(r1, descr=regs)
             i4 = int_lt(1, i3)
             guard_true(i4) [i2, r1]
             i5 = getarrayitem_i(r1, 1, descr=regs)
             jump(i2, i5, r1, descr=label1)
             "
        )
    );
}

#[test]
fn a_jump_without_its_resume_guard_or_to_another_loop_is_left_alone() {
    let (_, short) = optimized_loop(LOOP);
    let short = short.unwrap();
    // The short preamble has a guard, and nothing to give it resume data.
    let bare = p("[i0, r1]\njump(i0, r1, descr=loop1)\n");
    assert!(unroll::close_at_label(&bare, 1, &short).is_none());
    let elsewhere = p("[i0, r1]\nguard_not_interrupted() [i0, r1]\njump(i0, r1, descr=loop2)\n");
    assert!(unroll::close_at_label(&elsewhere, 1, &short).is_none());
}

#[test]
fn a_body_that_counts_on_a_constant_in_the_heap_has_no_short_preamble() {
    // The preamble stores 7; the body takes that for known (its load is 7,
    // its own store of 7 is dropped), which a jump to the label could not
    // promise: traces that reach this loop go through its start.
    let (looped, short) = optimized_loop(
        "[r0, i1]
         i2 = getfield_i(r0, descr=value)
         setfield(r0, 7, descr=value)
         i3 = int_add(i2, i1)
         guard_true(i3) [r0, i1]
         jump(r0, i3)
         ",
    );
    assert!(looped.label_entry().is_some(), "{looped}");
    assert!(short.is_none(), "{looped}");
}

#[test]
fn a_loop_that_is_not_peeled_has_no_short_preamble() {
    let (_, short) = optimized_loop("[i0]\ni1 = int_add(i0, 1)\njump(i1, descr=loop3)\n");
    assert!(short.is_none());
}

#[test]
fn a_load_from_an_object_that_changes_is_not_carried() {
    // The list walk: r2 is the next iteration's node, so what the preamble
    // read of r2 is what the body reads of its own node only once; the
    // body loads it again.
    let (looped, short) = optimized_loop(
        "[r0, i9]
         i1 = getfield_i(r0, descr=value)
         i3 = int_add(i9, i1)
         r2 = getfield_r(r0, descr=next)
         i4 = getfield_i(r2, descr=value)
         guard_true(i4) [r2, i3]
         jump(r2, i3)
         ",
    );
    let text = looped.to_string();
    let body = text.split("label(").nth(1).unwrap();
    assert_eq!(body.matches("getfield_i(").count(), 2, "{text}");
    assert!(short.is_some(), "{text}");
}

/// A countdown kept both in the loop's input and in register 0 (as TLR's
/// accumulator is, once stored): the label argument stands for both.
const STORED_INPUT: &str = "[i0, r1]
i2 = getarrayitem_i(r1, 0, descr=regs)
i3 = int_sub(i2, 1)
setarrayitem(r1, 0, i3, descr=regs)
guard_true(i3) [i3, r1]
guard_not_interrupted() [i3, r1]
jump(i3, r1)
";

#[test]
fn a_value_that_is_an_input_and_in_the_heap_is_checked_to_be_both() {
    let (looped, short) = optimized_loop(STORED_INPUT);
    let text = looped.to_string();
    assert!(text.contains("label(i3)"), "{text}");
    // The body reads register 0 as the label argument: entering at the
    // label takes the input, and checks that register 0 holds it too.
    let short = short.expect("a short preamble");
    let text = short.to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    assert_eq!(lines[0], "[i0, r1]");
    let (loaded, load) = lines[1].split_once(" = ").expect("a load");
    assert_eq!(load, "getarrayitem_i(r1, 0, descr=regs)");
    assert_eq!(lines[2], format!("guard_value({loaded}, i0) []"));
    assert_eq!(lines[3], "jump(i0, r1)");

    let close = |bridge: &str| {
        let t = unroll::close_at_label(&p(bridge), 1, &short).expect("closes at the label");
        let t = opt::optimize(&t, &OptConfig::all());
        opt::verify(&t).unwrap();
        t.to_string()
    };
    // A bridge that stores what it jumps with: the check goes away.
    assert_eq!(
        close(
            "[i0, r1]
             i2 = int_sub(i0, 2)
             setarrayitem(r1, 0, i2, descr=regs)
             guard_not_interrupted() [i2, r1]
             jump(i2, r1, descr=loop1)
             "
        ),
        canon(
            "[i0, r1]
             i2 = int_sub(i0, 2)
             setarrayitem(r1, 0, i2, descr=regs)
             guard_not_interrupted() [i2, r1]
             jump(i2, r1, descr=label1)
             "
        )
    );
    // One that does not: register 0 is loaded and checked, with the
    // resume data of the jump.
    let text = close(
        "[i0, r1]
         i2 = int_sub(i0, 2)
         guard_not_interrupted() [i2, r1]
         jump(i2, r1, descr=loop1)
         ",
    );
    assert!(
        text.contains("= getarrayitem_i(r1, 0, descr=regs)\n"),
        "{text}"
    );
    assert!(text.contains(", i2) [i2, r1]\n"), "{text}");
    assert!(text.ends_with("jump(i2, r1, descr=label1)\n"), "{text}");
}
