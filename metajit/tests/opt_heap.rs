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
        "[r0, i1]\nguard_true(i1) [r0, i1] setarrayitem(r0, 2, i1, descr=regs)\nsetarrayitem(r0, 2, i1, descr=regs)\njump(r0, i1)\n",
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
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\nguard_true(i2) [r0, r1] setfield(r1, r0, descr=next)\nsetfield(r1, r0, descr=next)\njump(r0, r1)\n",
    );
}

#[test]
fn other_constant_index_of_the_same_array_survives_a_store() {
    check(
        "heap",
        "[r0, i9]\ni1 = getarrayitem_i(r0, 1, descr=regs)\nsetarrayitem(r0, 0, i9, descr=regs)\ni2 = getarrayitem_i(r0, 1, descr=regs)\ni3 = int_add(i1, i2)\njump(r0, i3)\n",
        "[r0, i9]\ni1 = getarrayitem_i(r0, 1, descr=regs)\ni3 = int_add(i1, i1)\nsetarrayitem(r0, 0, i9, descr=regs)\njump(r0, i3)\n",
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
fn a_call_keeps_what_its_summary_does_not_name_and_drops_what_it_does() {
    // `set_reg` writes `regs` items: the field and the `bytes` item stay
    // known across it, the `regs` item (and its store) do not.
    check(
        "heap",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\ni3 = getarrayitem_i(r1, 1, descr=regs)\ni4 = getarrayitem_i(r1, 2, descr=bytes)\nsetarrayitem(r1, 0, i2, descr=regs)\n\
         call_n(r1, 5, 7, descr=set_reg)\n\
         i5 = getfield_i(r0, descr=value)\ni6 = getarrayitem_i(r1, 1, descr=regs)\ni7 = getarrayitem_i(r1, 2, descr=bytes)\ni8 = getarrayitem_i(r1, 0, descr=regs)\nfinish(i5, i6, i7, i8)\n",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\ni3 = getarrayitem_i(r1, 1, descr=regs)\ni4 = getarrayitem_i(r1, 2, descr=bytes)\nsetarrayitem(r1, 0, i2, descr=regs)\n\
         call_n(r1, 5, 7, descr=set_reg)\n\
         i6 = getarrayitem_i(r1, 1, descr=regs)\ni8 = getarrayitem_i(r1, 0, descr=regs)\nfinish(i2, i6, i4, i8)\n",
    );
    // `set_value` writes `value`: the `regs` item stays, the field goes.
    check(
        "heap",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\ni3 = getarrayitem_i(r1, 1, descr=regs)\ncall_n(r0, 3, descr=set_value)\ni4 = getfield_i(r0, descr=value)\ni5 = getarrayitem_i(r1, 1, descr=regs)\nfinish(i4, i5)\n",
        "[r0, r1]\ni2 = getfield_i(r0, descr=value)\ni3 = getarrayitem_i(r1, 1, descr=regs)\ncall_n(r0, 3, descr=set_value)\ni4 = getfield_i(r0, descr=value)\nfinish(i4, i3)\n",
    );
}

/// Two descriptors with the same name are two descriptors: a call that
/// writes one keeps what is known of the other (summaries name descriptors
/// by identity, not by name).
#[test]
fn summaries_name_descriptors_by_identity_not_by_name() {
    use metajit::ir::{
        Arg, CallDescr, Descr, DescrRef, EffectKind, Effects, FieldDescr, Op, Opcode, Trace, Type,
    };
    static A: FieldDescr = FieldDescr {
        name: "value",
        offset: 8,
        ty: Type::Int,
    };
    static B: FieldDescr = FieldDescr {
        name: "value",
        offset: 16,
        ty: Type::Int,
    };
    extern "C" fn writes_a(_obj: usize) {}
    static WRITES_A: CallDescr = CallDescr::of(
        "writes_a",
        writes_a as extern "C" fn(usize),
        Effects {
            kind: EffectKind::CannotRaise,
            reads: Some(&[]),
            writes: Some(&[DescrRef::Field(&A)]),
        },
    );
    let mut t = Trace::default();
    let r0 = t.new_var(Type::Ref);
    t.inputs.push(r0);
    let load = |d: &'static FieldDescr| {
        let mut op = Op::new(Opcode::GetfieldI, vec![Arg::Var(r0)]);
        op.descr = Descr::Field(d);
        op
    };
    t.push(load(&A));
    t.push(load(&B));
    let mut call = Op::new(Opcode::CallN, vec![Arg::Var(r0)]);
    call.descr = Descr::Call(&WRITES_A);
    t.push(call);
    let a = t.push(load(&A)).unwrap();
    let b = t.push(load(&B)).unwrap();
    t.push(Op::new(Opcode::Finish, vec![Arg::Var(a), Arg::Var(b)]));
    let out = metajit::opt::heap::run(&t);
    assert_eq!(
        out.to_string(),
        "[r0]\ni1 = getfield_i(r0, descr=value)\ni2 = getfield_i(r0, descr=value)\ncall_n(r0, descr=writes_a)\ni3 = getfield_i(r0, descr=value)\nfinish(i3, i2)\n"
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

#[test]
fn a_byte_item_reads_back_only_what_fits() {
    // The item keeps the low byte of `i1`: the load stays. A constant that
    // fits is what the load reads; 503 is not (it reads 247).
    check(
        "heap",
        "[r0, i1]\nsetarrayitem(r0, 2, i1, descr=bytes)\ni2 = getarrayitem_i(r0, 2, descr=bytes)\n\
         setarrayitem(r0, 3, 7, descr=bytes)\ni3 = getarrayitem_i(r0, 3, descr=bytes)\n\
         setarrayitem(r0, 4, 503, descr=bytes)\ni4 = getarrayitem_i(r0, 4, descr=bytes)\nfinish(i2, i3, i4)\n",
        "[r0, i1]\nsetarrayitem(r0, 2, i1, descr=bytes)\ni2 = getarrayitem_i(r0, 2, descr=bytes)\n\
         setarrayitem(r0, 4, 503, descr=bytes)\ni4 = getarrayitem_i(r0, 4, descr=bytes)\n\
         setarrayitem(r0, 3, 7, descr=bytes)\nfinish(i2, 7, i4)\n",
    );
}
