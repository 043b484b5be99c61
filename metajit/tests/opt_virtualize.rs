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

#[test]
fn peeled_loop_keeps_the_guards_virtuals() {
    // The body's copy of the guard describes the body's values.
    check(
        "all",
        "[i0, r1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nr6 = new(descr=node)\ni4 = int_add(i0, 1)\nsetfield(r2, i4, descr=value)\nsetfield(r2, r3, descr=next)\nsetfield(r3, r2, descr=next)\nf5 = cast_int_to_float(i4)\nsetfield(r3, f5, descr=fval)\nsetfield(r6, r1, descr=next)\nsetfield(r6, 3, descr=value)\ni7 = int_lt(i4, 10)\nguard_true(i7) [i4, r2, r6, r1]\ni8 = getfield_i(r2, descr=value)\njump(i8, r1)\n",
        "[i0, r1]\ni4 = int_add(i0, 1)\nf5 = cast_int_to_float(i4)\ni7 = int_lt(i4, 10)\nguard_true(i7) [i4, virt0, virt1, r1] virt0=new(descr=node, value=i4, next=virt2) virt1=new(descr=node, next=r1, value=3) virt2=new(descr=node, next=virt0, fval=f5)\nlabel(i4)\ni9 = int_add(i4, 1)\nf10 = cast_int_to_float(i9)\ni11 = int_lt(i9, 10)\nguard_true(i11) [i9, virt0, virt1, r1] virt0=new(descr=node, value=i9, next=virt2) virt1=new(descr=node, next=r1, value=3) virt2=new(descr=node, next=virt0, fval=f10)\njump(i9)\n",
    );
}

#[test]
fn box_carried_around_the_loop_is_passed_as_its_field() {
    // i = box(i.value + 1): the peeled loop never allocates; the label and
    // the jump carry the box's field, and the guards describe the box.
    check(
        "all",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = int_add(i1, 1)\nr3 = new(descr=node)\nsetfield(r3, i2, descr=value)\ni4 = int_lt(i2, 100)\nguard_true(i4) [r3]\njump(r3)\n",
        "[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = int_add(i1, 1)\ni4 = int_lt(i2, 100)\nguard_true(i4) [virt0] virt0=new(descr=node, value=i2)\ni9 = same_as(i2)\nlabel(i9)\ni6 = int_add(i9, 1)\ni7 = int_lt(i6, 100)\nguard_true(i7) [virt0] virt0=new(descr=node, value=i6)\njump(i6)\n",
    );
}

#[test]
fn loop_carrying_a_virtual_has_no_short_preamble() {
    // Its label takes the box's field, which a trace entering the loop
    // does not have: it enters at the loop's start instead.
    let t = p("[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = int_add(i1, 1)\nr3 = new(descr=node)\nsetfield(r3, i2, descr=value)\ni4 = int_lt(i2, 100)\nguard_true(i4) [r3]\njump(r3)\n");
    let (looped, short) = metajit::opt::optimize_loop(&t, &OptConfig::all());
    assert!(looped.to_string().contains("label(i9)"), "{looped}");
    assert!(short.is_none());
}

#[test]
fn carried_object_that_escapes_in_the_loop_is_allocated_there() {
    // Each iteration links a new node to the last one: the new node is
    // carried as its fields, the one it points to escapes at the jump.
    check(
        "all",
        "[r0, i9]\ni1 = getfield_i(r0, descr=value)\ni2 = int_add(i1, i9)\nr3 = new(descr=node)\nsetfield(r3, i2, descr=value)\nsetfield(r3, r0, descr=next)\ni4 = int_lt(i2, 100)\nguard_true(i4) [r3]\njump(r3, i9)\n",
        "[r0, i9]\ni1 = getfield_i(r0, descr=value)\ni2 = int_add(i1, i9)\ni4 = int_lt(i2, 100)\nguard_true(i4) [virt0] virt0=new(descr=node, value=i2, next=r0)\ni14 = same_as(i2)\nr15 = same_as(r0)\nlabel(i14, r15)\ni11 = int_add(i14, i9)\ni12 = int_lt(i11, 100)\nguard_true(i12) [virt0] virt0=new(descr=node, value=i11, next=virt1) virt1=new(descr=node, value=i14, next=r15)\nr3 = new(descr=node)\nsetfield(r3, i14, descr=value)\nsetfield(r3, r15, descr=next)\njump(i11, r3)\n",
    );
}

#[test]
fn carried_objects_of_another_shape_are_allocated() {
    // The jump passes a node with a field the label's node lacks: it cannot
    // be passed as the label's fields, so it is allocated.
    let out = metajit::opt::optimize(
        &p("[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = int_add(i1, 1)\nr3 = new(descr=node)\nsetfield(r3, i2, descr=value)\ni4 = int_lt(i2, 100)\nguard_true(i4) [r3]\ni5 = getfield_i(r0, descr=value)\nr6 = new(descr=node)\nsetfield(r6, i2, descr=value)\nguard_true(i5) [r6]\nsetfield(r3, r0, descr=next)\njump(r3)\n"),
        &OptConfig::all(),
    );
    metajit::opt::verify(&out).unwrap();
    let text = out.to_string();
    let body = &text[text.find("label(").expect("peeled")..];
    assert!(body.contains("= new(descr=node)"), "{text}");
}

#[test]
fn label_operand_read_from_a_virtual_stays_defined() {
    // i2 reads a field never written (0): the label still gets a variable.
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\ni2 = getfield_i(r1, descr=value)\nlabel(i2)\ni3 = int_add(i2, 1)\njump(i3)\n",
        "[i0]\ni2 = same_as(0)\nlabel(i2)\ni3 = int_add(i2, 1)\njump(i3)\n",
    );
    // r3 is the virtual r1 read back through r2: passed as its field.
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\nsetfield(r1, i0, descr=value)\nr2 = new(descr=node)\nsetfield(r2, r1, descr=next)\nr3 = getfield_r(r2, descr=next)\nlabel(r3)\ni4 = getfield_i(r3, descr=value)\ni5 = int_add(i4, 1)\nr6 = new(descr=node)\nsetfield(r6, i5, descr=value)\njump(r6)\n",
        "[i0]\ni7 = same_as(i0)\nlabel(i7)\ni5 = int_add(i7, 1)\njump(i5)\n",
    );
}

#[test]
fn array_of_constant_length_is_virtual() {
    // Items at constant indices are forwarded, the length is known, a guard
    // describes the array; an index that is not constant forces it.
    check(
        "virtualize",
        "[i0, r1]\nr2 = new_array(3, descr=refs)\nsetarrayitem(r2, 0, r1, descr=refs)\nr3 = new(descr=node)\nsetarrayitem(r2, 2, r3, descr=refs)\ni4 = arraylen(r2, descr=refs)\nr5 = getarrayitem_r(r2, 0, descr=refs)\nr6 = getarrayitem_r(r2, 1, descr=refs)\nguard_true(i0) [r2, i4, r5, r6]\nr7 = getarrayitem_r(r2, i0, descr=refs)\nfinish(r7)\n",
        "[i0, r1]\nguard_true(i0) [virt0, 3, r1, NULL] virt0=new_array(3, descr=refs, 0=r1, 2=virt1) virt1=new(descr=node)\nr2 = new_array(3, descr=refs)\nr3 = new(descr=node)\nsetarrayitem(r2, 0, r1, descr=refs)\nsetarrayitem(r2, 2, r3, descr=refs)\nr7 = getarrayitem_r(r2, i0, descr=refs)\nfinish(r7)\n",
    );
    // A length that is not a constant, or a byte array: allocated.
    let t =
        "[i0]\nr1 = new_array(i0, descr=regs)\nr2 = new_array(2, descr=bytes)\nfinish(r1, r2)\n";
    check("virtualize", t, t);
}

#[test]
fn object_at_two_label_operands_is_allocated() {
    // r3 is r1 read back: the label names one virtual twice, so it is
    // allocated, and both operands are that object.
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\nr2 = new(descr=node)\nsetfield(r2, r1, descr=next)\nr3 = getfield_r(r2, descr=next)\nlabel(r1, r3)\nr4 = new(descr=node)\nr5 = new(descr=node)\njump(r4, r5)\n",
        "[i0]\nr1 = new(descr=node)\nr3 = same_as(r1)\nlabel(r1, r3)\nr4 = new(descr=node)\nr5 = new(descr=node)\njump(r4, r5)\n",
    );
}

#[test]
fn text_form_rejects_an_undescribed_virtual() {
    let ns = common::ns();
    let bad = [
        "[i0]\nguard_true(i0) [virt0]\nfinish(i0)\n",
        "[i0]\nguard_true(i0) [virt0] virt1=new(descr=node)\nfinish(i0)\n",
        "[i0]\nguard_true(i0) [virt0] virt0=new(descr=value)\nfinish(i0)\n",
        "[i0]\nguard_true(i0) [virt0] virt0=new(descr=node, node=1)\nfinish(i0)\n",
    ];
    for text in bad {
        assert!(metajit::ir::parse::parse(text, ns).is_err(), "{text}");
    }
}

// ---- execution: the trace before and after the pass, on both backends ----

use common::{p, NODE};
use metajit::backend::interp::IrInterp;
use metajit::backend::{Backend, Exit};
use metajit::gc::RootedWords;
use metajit::heap;
use metajit::ir::{Trace, Type};
use metajit::opt::{optimize, OptConfig};
use std::collections::HashMap;

/// Run `t` (guards numbered 1, 2, ...) on a fresh backend of each kind.
fn backends() -> Vec<Box<dyn Backend>> {
    let mut all: Vec<Box<dyn Backend>> = vec![Box::new(IrInterp::new())];
    #[cfg(target_arch = "x86_64")]
    all.push(Box::new(metajit::backend::x64::X64Backend::new()));
    all
}

fn numbered(mut t: Trace) -> Trace {
    for (n, g) in t
        .ops
        .iter_mut()
        .filter_map(|op| op.guard.as_mut())
        .enumerate()
    {
        g.id = n as u32 + 1;
    }
    t
}

/// The failed guard's snapshot (its resume point: passes keep snapshots,
/// while peeling copies guards) and its fail arguments with the virtual
/// objects built (`resume::materialize`) and the pending stores done
/// (`resume::perform_stores`), cut to the frames' values.
fn resumed(b: &dyn Backend, id: u32, t: &Trace, inputs: &[u64]) -> (u32, RootedWords, Vec<Type>) {
    b.compile_loop(id, t).expect("compiles");
    let Exit::Guard { id, values } = b.execute(id, inputs) else {
        panic!("the loop ends through a guard")
    };
    let g = t
        .guards()
        .find_map(|op| op.guard.as_deref().filter(|g| g.id == id))
        .expect("the failed guard is in the trace");
    let mut values = RootedWords::new(values);
    metajit::resume::materialize(&g.virtuals, &mut values);
    metajit::resume::perform_stores(&g.virtuals, &values);
    let snapshot = g.snapshot;
    let frames: usize = t.frames_of(g.snapshot).iter().map(|f| f.width()).sum();
    values.truncate(frames);
    let kinds = g.fail_args[..frames]
        .iter()
        .map(|&a| t.type_of(a))
        .collect();
    (snapshot, values, kinds)
}

/// Is `a` (from the original run) the same as `b` (from the optimized
/// run)? Equal words are; two different objects are when both are `node`s
/// with equal fields, or `refs` arrays with equal items, the objects they
/// point to matched the same way (`seen` pairs them, so cycles and sharing
/// must agree).
fn same_ref(a: u64, b: u64, seen: &mut HashMap<u64, u64>) -> bool {
    if a == b {
        return true;
    }
    if a == 0 || b == 0 {
        return false;
    }
    if let Some(&paired) = seen.get(&a) {
        return paired == b;
    }
    seen.insert(a, b);
    let refs = &common::REFS;
    // SAFETY: both runs' results are rooted by the caller and are objects
    // the test or the traces made: `node`s (fields at 8, 16, 24) or `refs`
    // arrays (items up to their length).
    unsafe {
        let class = |o: u64| heap::load(o as usize, 0, 8) as u32;
        let word = |o: u64, at: i64| heap::load(o as usize, at, 8);
        match (class(a), class(b)) {
            (x, y) if x == NODE.type_id && y == NODE.type_id => {
                word(a, 8) == word(b, 8)
                    && word(a, 24) == word(b, 24)
                    && same_ref(word(a, 16), word(b, 16), seen)
            }
            (x, y) if x == refs.type_id && y == refs.type_id => {
                let len = word(a, refs.len_offset as i64);
                len == word(b, refs.len_offset as i64)
                    && (0..len as i64).all(|i| {
                        let at = heap::item_offset(refs, i);
                        same_ref(word(a, at), word(b, at), seen)
                    })
            }
            _ => false,
        }
    }
}

/// Optimize `text` with `cfg`, run both forms on every backend from
/// `inputs`, and require the same guard to fail with the same resumed
/// state. Returns the optimized trace.
fn same_resumed_state(text: &str, cfg: &str, inputs: &[u64]) -> Trace {
    let original = numbered(p(text));
    let optimized = numbered(optimize(&original, &cfg.parse::<OptConfig>().unwrap()));
    metajit::opt::verify(&optimized).unwrap();
    for b in backends() {
        let (at, before, kinds) = resumed(&*b, 1, &original, inputs);
        let (at2, after, _) = resumed(&*b, 2, &optimized, inputs);
        assert_eq!(at, at2, "{}: another guard failed\n{optimized}", b.name());
        assert_eq!(before.len(), after.len());
        let mut seen = HashMap::new();
        for (k, (&x, &y)) in before.iter().zip(after.iter()).enumerate() {
            let same = match kinds[k] {
                Type::Ref => same_ref(x, y, &mut seen),
                _ => x == y,
            };
            assert!(
                same,
                "{}: fail argument {k} differs ({x:#x} vs {y:#x})\n{optimized}",
                b.name()
            );
        }
    }
    optimized
}

#[test]
fn escaping_boxes_run_the_same() {
    // Each iteration boxes the counter and links the box to the previous
    // one; the jump makes every box escape. The guard hands back the list.
    let text = "[i0, r1]\nr2 = new(descr=node)\ni3 = int_add(i0, 1)\nsetfield(r2, i3, descr=value)\nsetfield(r2, r1, descr=next)\ni4 = getfield_i(r2, descr=value)\ni5 = int_lt(i4, 10)\nguard_true(i5) [i4, r1]\ncall_n(r2, i4, descr=set_value)\njump(i4, r2)\n";
    let o = same_resumed_state(text, "virtualize", &[0, 0]);
    assert!(o.to_string().contains("new("), "the boxes escape:\n{o}");
    let o = same_resumed_state(text, "all", &[0, 0]);
    assert!(o.to_string().contains("new("), "the boxes escape:\n{o}");
}

#[test]
fn boxes_carried_around_the_loop_run_the_same() {
    // i = box(i.value + 1) until 50, with a second box carried too, and a
    // guard in the loop that hands back both and a third that points at
    // the first.
    let text = "[r0, r1]\ni2 = getfield_i(r0, descr=value)\ni3 = int_add(i2, 1)\nr4 = new(descr=node)\nsetfield(r4, i3, descr=value)\nr5 = new(descr=node)\nf6 = cast_int_to_float(i3)\nsetfield(r5, f6, descr=fval)\nr8 = new(descr=node)\nsetfield(r8, r4, descr=next)\nsetfield(r8, r1, descr=next)\ni7 = int_lt(i3, 50)\nguard_true(i7) [r4, r5, r1, r8]\njump(r4, r5)\n";
    let start = heap::alloc_object(&NODE) as u64;
    let inputs = RootedWords::new(vec![start, start]);
    let o = same_resumed_state(text, "all", &inputs);
    let text = o.to_string();
    let body = &text[text.find("label(").expect("peeled")..];
    assert!(!body.contains("= new("), "the loop allocates:\n{text}");
}

#[test]
fn virtual_arrays_run_the_same() {
    // A two-item array holding a counter box and a float, carried around
    // the loop; the guard hands back the array.
    let text = "[r0]\nr1 = getarrayitem_r(r0, 0, descr=refs)\ni2 = getfield_i(r1, descr=value)\ni3 = int_add(i2, 1)\nr4 = new(descr=node)\nsetfield(r4, i3, descr=value)\nr5 = new_array(2, descr=refs)\nsetarrayitem(r5, 0, r4, descr=refs)\nsetarrayitem(r5, 1, r0, descr=refs)\ni6 = int_lt(i3, 30)\nguard_true(i6) [r5, r4]\njump(r5)\n";
    let start = RootedWords::new(vec![
        heap::alloc_array(&common::REFS, 2) as u64,
        heap::alloc_object(&NODE) as u64,
    ]);
    // SAFETY: `start[0]` is a live two-item `refs` array, rooted above.
    unsafe {
        heap::store(
            start[0] as usize,
            heap::item_offset(&common::REFS, 0),
            8,
            start[1],
        )
    };
    for cfg in ["virtualize", "all"] {
        let o = same_resumed_state(text, cfg, &start[..1]);
        assert!(o.to_string().contains("new_array(2, descr=refs"), "{o}");
    }
}

#[test]
fn virtuals_in_snapshots_are_materialized_alike() {
    // r2 and r3 point at each other, r6 at the input object r1; none
    // escapes, so none is allocated, but the guard needs all three.
    let text = "[i0, r1]\nr2 = new(descr=node)\nr3 = new(descr=node)\nr6 = new(descr=node)\ni4 = int_add(i0, 1)\nsetfield(r2, i4, descr=value)\nsetfield(r2, r3, descr=next)\nsetfield(r3, r2, descr=next)\nf5 = cast_int_to_float(i4)\nsetfield(r3, f5, descr=fval)\nsetfield(r6, r1, descr=next)\nsetfield(r6, 3, descr=value)\ni7 = int_lt(i4, 10)\nguard_true(i7) [i4, r2, r6, r1]\ni8 = getfield_i(r2, descr=value)\njump(i8, r1)\n";
    let input = heap::alloc_object(&NODE) as u64;
    let inputs = RootedWords::new(vec![0, input]);
    for cfg in ["virtualize", "all"] {
        let o = same_resumed_state(text, cfg, &inputs);
        assert!(
            !o.to_string().contains("= new("),
            "{cfg}: nothing escapes:\n{o}"
        );
        assert!(o.to_string().contains("virt2=new("), "{cfg}:\n{o}");
    }
}

// ---- random loops over a few objects, before and after the pipeline ----

/// A small deterministic generator (an LCG), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &'a [String]) -> &'a str {
        &xs[self.below(xs.len())]
    }
}

/// A loop over a counter `i0`, an input node `r1` and an integer `i2` that
/// makes nodes and two-item arrays, links them, reads them back, compares
/// them, lets some
/// escape through a call or a store, and has guards whose fail arguments
/// name any of them; a guard on the counter ends it.
fn random_loop(rng: &mut Rng) -> String {
    let mut text = String::from("[i0, r1, i2]\ni3 = int_add(i0, 1)\n");
    let mut ints: Vec<String> = vec!["i2".into(), "i3".into()];
    let mut nodes: Vec<String> = vec!["r1".into()];
    let mut refs: Vec<String> = vec!["r1".into(), "NULL".into()];
    let mut arrays: Vec<String> = Vec::new();
    // An index that is not a constant (0 or 1): it forces a virtual array.
    text += "i4 = int_and(i3, 1)\n";
    let mut next = 5;
    for _ in 0..4 + rng.below(14) {
        let var = |p: char, next: &mut u32| {
            *next += 1;
            format!("{p}{}", *next - 1)
        };
        let index = ["0", "1", "i4"][rng.below(3)];
        match rng.below(13) {
            10 => {
                let r = var('r', &mut next);
                text += &format!("{r} = new_array(2, descr=refs)\n");
                arrays.push(r.clone());
                refs.push(r);
            }
            11 if !arrays.is_empty() => {
                let (a, v) = (rng.pick(&arrays), rng.pick(&refs));
                text += &format!("setarrayitem({a}, {index}, {v}, descr=refs)\n");
            }
            12 if !arrays.is_empty() => {
                let a = rng.pick(&arrays).to_string();
                let r = var('r', &mut next);
                text += &format!("{r} = getarrayitem_r({a}, {index}, descr=refs)\n");
                refs.push(r);
            }
            0 | 1 => {
                let r = var('r', &mut next);
                text += &format!("{r} = new(descr=node)\n");
                nodes.push(r.clone());
                refs.push(r);
            }
            2 => {
                let (o, v) = (rng.pick(&nodes), rng.pick(&ints));
                text += &format!("setfield({o}, {v}, descr=value)\n");
            }
            3 => {
                let (o, v) = (rng.pick(&nodes), rng.pick(&refs));
                text += &format!("setfield({o}, {v}, descr=next)\n");
            }
            4 => {
                let o = rng.pick(&nodes).to_string();
                let i = var('i', &mut next);
                text += &format!("{i} = getfield_i({o}, descr=value)\n");
                ints.push(i);
            }
            5 => {
                let o = rng.pick(&nodes).to_string();
                let r = var('r', &mut next);
                text += &format!("{r} = getfield_r({o}, descr=next)\n");
                refs.push(r);
            }
            6 => {
                let (a, b) = (rng.pick(&refs).to_string(), rng.pick(&refs).to_string());
                let i = var('i', &mut next);
                text += &format!("{i} = ptr_eq({a}, {b})\n");
                ints.push(i);
            }
            7 => {
                let (a, b) = (rng.pick(&ints).to_string(), rng.pick(&ints).to_string());
                let i = var('i', &mut next);
                text += &format!("{i} = int_add({a}, {b})\n");
                ints.push(i);
            }
            8 => {
                let (o, v) = (rng.pick(&nodes), rng.pick(&ints));
                text += &format!("call_n({o}, {v}, descr=set_value)\n");
            }
            _ => {
                let c = var('i', &mut next);
                let limit = 1 + rng.below(12);
                let mut fail: Vec<&str> = vec!["i3"];
                for _ in 0..rng.below(4) {
                    fail.push(rng.pick(&refs));
                    fail.push(rng.pick(&ints));
                }
                text += &format!(
                    "{c} = int_lt(i3, {limit})\nguard_true({c}) [{}]\n",
                    fail.join(", ")
                );
            }
        }
    }
    // The last guard hands back every value the iteration made.
    let all: Vec<String> = ints.iter().chain(&refs).cloned().collect();
    let c = format!("i{next}");
    text += &format!(
        "{c} = int_lt(i3, 20)\nguard_true({c}) [{}]\njump(i3, {}, {})\n",
        all.join(", "),
        rng.pick(&nodes),
        rng.pick(&ints)
    );
    text
}

#[test]
fn random_loops_with_objects_resume_alike() {
    let mut rng = Rng(0x5eed);
    for case in 0..300 {
        let text = random_loop(&mut rng);
        let original = numbered(p(&text));
        let optimized = numbered(optimize(&original, &OptConfig::all()));
        if let Err(e) = metajit::opt::verify(&optimized) {
            panic!("case {case}: {e}\n{text}\n{optimized}");
        }
        for b in backends() {
            // Each run starts from its own input node, equal to the other's.
            let inputs = RootedWords::new(vec![
                0,
                heap::alloc_object(&NODE) as u64,
                5,
                heap::alloc_object(&NODE) as u64,
            ]);
            let (at, before, kinds) = resumed(&*b, 1, &original, &inputs[..3]);
            let second = [inputs[0], inputs[3], inputs[2]];
            let (at2, after, _) = resumed(&*b, 2, &optimized, &second);
            let why = format!("case {case} on {}:\n{text}\n{optimized}", b.name());
            assert_eq!(at, at2, "another guard failed: {why}");
            let mut seen = HashMap::new();
            assert!(
                same_ref(inputs[1], inputs[3], &mut seen),
                "input node: {why}"
            );
            for (k, (&x, &y)) in before.iter().zip(after.iter()).enumerate() {
                let same = match kinds[k] {
                    Type::Ref => same_ref(x, y, &mut seen),
                    _ => x == y,
                };
                assert!(same, "fail argument {k} ({x:#x} vs {y:#x}): {why}");
            }
        }
    }
}

#[test]
fn low_bit_test_of_a_virtual_does_not_force_it() {
    // A tagged-integer test (`int_and(cast_ptr_to_int(r), 1)`) on a
    // virtual is 0: the array is never allocated.
    check(
        "virtualize",
        "[i0]\nr1 = new_array(2, descr=regs)\nsetarrayitem(r1, 0, i0, descr=regs)\ni2 = cast_ptr_to_int(r1)\ni3 = int_and(i2, 1)\nguard_false(i3) [i0]\ni4 = getarrayitem_i(r1, 0, descr=regs)\njump(i4)\n",
        "[i0]\nguard_false(0) [i0]\njump(i0)\n",
    );
    // Any other use of the address forces the object where the cast is.
    check(
        "virtualize",
        "[i0]\nr1 = new(descr=node)\ni2 = cast_ptr_to_int(r1)\ni3 = int_and(i2, 1)\ni4 = int_add(i2, i3)\njump(i4)\n",
        "[i0]\nr1 = new(descr=node)\ni2 = cast_ptr_to_int(r1)\ni3 = int_and(i2, 1)\ni4 = int_add(i2, i3)\njump(i4)\n",
    );
}
