//! Short preambles, as trace text: what a peeled loop hands to the traces
//! that reach it (`opt::optimize_loop`), and what such a trace becomes once
//! the short preamble is inlined before its jump to the label and the
//! whole is optimized (`unroll::close_at_label`).

mod common;
use common::{canon, p};
use metajit::backend::interp::IrInterp;
use metajit::backend::{Backend, Exit};
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
    // read after the label without being its arguments. The store of item
    // 1 is pending at the guards (lazy stores): the preamble makes it once
    // before the label, the body never (its guards' resume data do).
    assert_eq!(
        looped.to_string(),
        canon(
            "[i0, r1]
             i2 = arraylen(r1, descr=regs)
             i3 = int_lt(1, i2)
             guard_true(i3) [i0, r1]
             i4 = getarrayitem_i(r1, 1, descr=regs)
             i5 = int_add(i4, i0)
             i6 = int_sub(i0, 1)
             guard_true(i6) [i6, r1] setarrayitem(r1, 1, i5, descr=regs)
             guard_not_interrupted() [i6, r1] setarrayitem(r1, 1, i5, descr=regs)
             setarrayitem(r1, 1, i5, descr=regs)
             label(i6, i5)
             i7 = int_add(i5, i6)
             i8 = int_sub(i6, 1)
             guard_true(i8) [i8, r1] setarrayitem(r1, 1, i7, descr=regs)
             guard_not_interrupted() [i8, r1] setarrayitem(r1, 1, i7, descr=regs)
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
             i6 = int_sub(i0, 1)
             guard_not_interrupted() [i6, r1] setarrayitem(r1, 1, i5, descr=regs)
             setarrayitem(r1, 1, i5, descr=regs)
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
             guard_not_interrupted() [i2, r1] setarrayitem(r1, 0, i2, descr=regs)
             setarrayitem(r1, 0, i2, descr=regs)
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

/// A loop whose first input is, from the second iteration on, `i1 & 7`, a
/// value the loop computes from the invariant `i1`: the body takes the
/// input for that value.
const INVARIANT_INPUT: &str = "[i0, i1]
i2 = int_and(i1, 7)
i3 = int_add(i0, i2)
guard_true(i3) [i0, i1]
jump(i2, i1)
";

#[test]
fn an_input_that_is_an_invariant_value_is_checked_to_be_it() {
    let (looped, short) = optimized_loop(INVARIANT_INPUT);
    assert_eq!(
        looped.to_string(),
        canon(
            "[i0, i1]
             i2 = int_and(i1, 7)
             i3 = int_add(i0, i2)
             guard_true(i3) [i0, i1]
             label()
             i4 = int_add(i2, i2)
             guard_true(i4) [i2, i1]
             jump()
             "
        )
    );
    // Entering at the label: `i2` is computed again from input 1, and
    // input 0 must be that value, since the body adds `i2` to itself.
    let short = short.expect("a short preamble");
    assert_eq!(
        short.to_string(),
        canon(
            "[i0, i1]
             i2 = int_and(i1, 7)
             guard_value(i0, i2) []
             jump(i1, i2)
             "
        )
    );
    // A bridge that jumps with that very value: the check goes away.
    let t = unroll::close_at_label(
        &p("[i0, i1]
            i2 = int_and(i1, 7)
            guard_not_interrupted() [i2, i1]
            jump(i2, i1, descr=loop1)
            "),
        1,
        &short,
    )
    .expect("closes at the label");
    let t = opt::optimize(&t, &OptConfig::all());
    assert_eq!(
        t.to_string(),
        canon(
            "[i0, i1]
             i2 = int_and(i1, 7)
             guard_not_interrupted() [i2, i1]
             jump(i1, i2, descr=label1)
             "
        )
    );
}

#[test]
fn a_relation_between_inputs_that_a_fold_used_up_is_still_checked() {
    // From the second iteration on, input 2 is `i1 * 7`: the body's
    // comparison of the two folds to true, and `i3` is read after the
    // label no more. Entering at the label must check it all the same.
    let (looped, short) = optimized_loop(
        "[i0, i1, i2]
         i3 = int_mul(i1, 7)
         i4 = uint_ge(i3, i2)
         guard_false(i4) [i0]
         i5 = int_add(i0, 1)
         jump(i5, i1, i3)
         ",
    );
    let text = looped.to_string();
    assert!(text.contains("label(i5)\nguard_false(1) [i5]\n"), "{text}");
    assert_eq!(
        short.expect("a short preamble").to_string(),
        canon(
            "[i0, i1, i2]
             i3 = int_mul(i1, 7)
             guard_value(i2, i3) []
             jump(i0)
             "
        )
    );
    // The same with input 2 a copy of the invariant input 1.
    let (_, short) = optimized_loop(
        "[i0, i1, i2]
         i4 = int_eq(i1, i2)
         guard_false(i4) [i0]
         i5 = int_add(i0, 1)
         jump(i5, i1, i1)
         ",
    );
    assert_eq!(
        short.expect("a short preamble").to_string(),
        canon(
            "[i0, i1, i2]
             guard_value(i2, i1) []
             jump(i0)
             "
        )
    );
}

/// Run the loop `text` (inputs written `[iN, …]`, its guards numbered
/// below 99) on the IR interpreter twice from the same inputs: unoptimized
/// from its start, and optimized, entered at its label through its short
/// preamble the way a bridge enters it (`close_at_label` of a trace that
/// only jumps to the loop; a failing check there resumes at the loop's
/// start, which runs the optimized loop from its start). Both must leave
/// through the same guard with the same values. True when the short
/// preamble's checks held, so that the run went through the label.
fn same_when_entered_at_the_label(text: &str, inputs: &[u64]) -> bool {
    let plain = p(text);
    let (looped, short) = optimized_loop(text);
    let short = short.expect("a short preamble");
    let header = text.lines().next().unwrap();
    let names = header.trim_matches(|c| c == '[' || c == ']');
    let bridge = p(&format!(
        "{header}\nguard_not_interrupted() [{names}] # guard 99\njump({names}, descr=loop1)\n"
    ));
    let entry = unroll::close_at_label(&bridge, 1, &short).expect("closes at the label");
    let backend = IrInterp::new();
    backend.compile_loop(0, &plain).unwrap();
    backend.compile_loop(1, &looped).unwrap();
    backend.compile_loop(2, &entry).unwrap();
    let want = backend.execute(0, inputs);
    let (got, entered) = match backend.execute(2, inputs) {
        Exit::Guard { id: 99, values } => (backend.execute(1, &values), false),
        exit => (exit, true),
    };
    assert_eq!(
        got, want,
        "entered at the label with {inputs:?}:\n{looped}\nthrough\n{entry}"
    );
    entered
}

#[test]
fn entering_at_the_label_with_inputs_the_loop_never_has_resumes_at_its_start() {
    // `INVARIANT_INPUT` with a countdown: input 0 is `i1 & 7` from the
    // second iteration on; the exit reports the last sum.
    let invariant_input = "[i0, i1, i9]
        i2 = int_and(i1, 7)
        i3 = int_add(i0, i2)
        i4 = int_sub(i9, 1)
        guard_true(i4) [i3, i1, i4] # guard 1
        jump(i2, i1, i4)
        ";
    assert!(!same_when_entered_at_the_label(
        invariant_input,
        &[5, 12, 3]
    ));
    assert!(same_when_entered_at_the_label(invariant_input, &[4, 12, 3]));
    // Two inputs the loop gives the same value.
    let duplicated = "[i0, i1, i9]
        i2 = int_mul(i0, 3)
        i3 = int_sub(i2, i1)
        i4 = int_sub(i9, 1)
        guard_true(i4) [i0, i1, i4] # guard 1
        jump(i3, i3, i4)
        ";
    assert!(!same_when_entered_at_the_label(duplicated, &[2, 5, 3]));
    assert!(same_when_entered_at_the_label(duplicated, &[5, 5, 3]));
    // An invariant input passed to another position as well.
    let moved = "[i0, i1, i9]
        i2 = int_mul(i0, 10)
        i3 = int_add(i2, i1)
        i4 = int_sub(i9, 1)
        guard_true(i4) [i3, i4] # guard 1
        jump(i1, i1, i4)
        ";
    assert!(!same_when_entered_at_the_label(moved, &[2, 5, 3]));
    assert!(same_when_entered_at_the_label(moved, &[5, 5, 3]));
    // All of it at once, with two inputs swapped.
    let mixed = "[i0, i1, i2, i3, i4, i9]
        i5 = int_and(i4, 7)
        i6 = int_mul(i0, 1000)
        i7 = int_mul(i1, 100)
        i8 = int_mul(i2, 10)
        i10 = int_add(i6, i7)
        i11 = int_add(i10, i8)
        i12 = int_add(i11, i3)
        i13 = int_sub(i9, 1)
        guard_true(i13) [i12, i13] # guard 1
        jump(i5, i5, i3, i2, i4, i13)
        ";
    // Relations whose reads a fold used up (see above).
    let folded = "[i0, i1, i2]
        i3 = int_mul(i1, 7)
        i4 = uint_ge(i3, i2)
        guard_false(i4) [i0] # guard 1
        i5 = int_add(i0, 1)
        jump(i5, i1, i3)
        ";
    assert!(!same_when_entered_at_the_label(folded, &[0, 2, 100]));
    assert!(same_when_entered_at_the_label(folded, &[0, 2, 14]));
    let copied = "[i0, i1, i2]
        i4 = int_eq(i1, i2)
        guard_false(i4) [i0] # guard 1
        i5 = int_add(i0, 1)
        jump(i5, i1, i1)
        ";
    assert!(!same_when_entered_at_the_label(copied, &[0, 3, 4]));
    assert!(same_when_entered_at_the_label(copied, &[0, 3, 3]));
    assert!(!same_when_entered_at_the_label(mixed, &[1, 2, 3, 4, 13, 4]));
    assert!(!same_when_entered_at_the_label(mixed, &[5, 6, 3, 4, 13, 4]));
    assert!(same_when_entered_at_the_label(mixed, &[5, 5, 3, 4, 13, 4]));
}
