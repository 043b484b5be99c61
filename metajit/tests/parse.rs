//! The IR text form: `print(parse(text)) == text` for a corpus covering every
//! opcode class and constant form, the same with guard ids as the logs print
//! them (`# guard 7`), and clear errors for malformed input.

mod common;

use common::{ns, p};
use metajit::ir::parse::parse;
use metajit::ir::{Arg, Descr, Opcode, Type, Var};

const CORPUS: &[&str] = &[
    // 0: the empty loop
    "[]\njump()\n",
    // 1: int arithmetic, every binary op
    "[i0, i1]\ni2 = int_add(i0, i1)\ni3 = int_sub(i2, 1)\ni4 = int_mul(i3, -7)\ni5 = int_floordiv(i4, 3)\n\
     i6 = int_mod(i5, 2)\ni7 = int_and(i6, 255)\ni8 = int_or(i7, i0)\ni9 = int_xor(i8, -1)\njump(i9, i1)\n",
    // 2: shifts and unary ops
    "[i0]\ni1 = int_lshift(i0, 3)\ni2 = int_rshift(i1, 1)\ni3 = uint_rshift(i2, 63)\ni4 = int_neg(i3)\n\
     i5 = int_invert(i4)\ni6 = int_is_true(i5)\ni7 = int_is_zero(i6)\nfinish(i7)\n",
    // 3: comparisons
    "[i0, i1]\ni2 = int_lt(i0, i1)\ni3 = int_le(i0, i1)\ni4 = int_eq(i0, i1)\ni5 = int_ne(i0, i1)\n\
     i6 = int_gt(i0, i1)\ni7 = int_ge(i0, i1)\ni8 = uint_lt(i0, i1)\ni9 = uint_ge(i0, i1)\nfinish(i2, i3, i4, i5, i6, i7, i8, i9)\n",
    // 4: pointer comparisons and same_as of every type
    "[r0, r1, f2, i3]\ni4 = ptr_eq(r0, r1)\ni5 = ptr_ne(r0, NULL)\nr6 = same_as(r0)\nf7 = same_as(f2)\ni8 = same_as(i3)\n\
     finish(i4, i5, r6, f7, i8)\n",
    // 5: overflow ops and their guards
    "[i0, i1]\ni2 = int_add_ovf(i0, i1)\nguard_no_overflow() [i0, i1]\ni3 = int_sub_ovf(i2, 1)\n\
     guard_no_overflow() [i2]\ni4 = int_mul_ovf(i3, i3)\nguard_overflow() []\njump(i4, i1)\n",
    // 6: float arithmetic
    "[f0, f1]\nf2 = float_add(f0, f1)\nf3 = float_sub(f2, 1.5)\nf4 = float_mul(f3, -0.25)\nf5 = float_truediv(f4, 3.0)\n\
     f6 = float_neg(f5)\nf7 = float_abs(f6)\njump(f7, f1)\n",
    // 7: float comparisons and casts
    "[f0, i1]\ni2 = float_lt(f0, 0.0)\ni3 = float_le(f0, 1.0)\ni4 = float_eq(f0, -0.0)\ni5 = float_ne(f0, nan)\n\
     i6 = float_gt(f0, inf)\ni7 = float_ge(f0, -inf)\nf8 = cast_int_to_float(i1)\ni9 = cast_float_to_int(f8)\n\
     finish(i2, i3, i4, i5, i6, i7, i9)\n",
    // tagged values: a reference's word as an int and back
    "[r0]\ni1 = cast_ptr_to_int(r0)\ni2 = int_or(i1, 1)\nr3 = cast_int_to_ptr(i2)\ni4 = cast_ptr_to_int(NULL)\nfinish(r3, i4)\n",
    // 8: float constants in exponent form
    "[f0]\nf1 = float_mul(f0, 1e100)\nf2 = float_add(f1, 1e-7)\nf3 = float_sub(f2, -2.5e-300)\nf4 = float_add(f3, 1.7976931348623157e308)\njump(f4)\n",
    // 9: integer constant extremes
    "[i0]\ni1 = int_add(i0, 9223372036854775807)\ni2 = int_sub(i1, -9223372036854775808)\ni3 = int_xor(i2, 0)\njump(i3)\n",
    // 10: field access of every type
    "[r0, i1, f2]\ni3 = getfield_i(r0, descr=value)\nr4 = getfield_r(r0, descr=next)\nf5 = getfield_f(r0, descr=fval)\n\
     setfield(r0, i1, descr=value)\nsetfield(r0, r4, descr=next)\nsetfield(r4, f2, descr=fval)\nsetfield(r0, NULL, descr=next)\njump(r4, i3, f5)\n",
    // 11: array access
    "[r0, i1]\ni2 = getarrayitem_i(r0, i1, descr=regs)\ni3 = arraylen(r0, descr=regs)\nsetarrayitem(r0, 2, i3, descr=regs)\n\
     i4 = getarrayitem_i(r0, 0, descr=bytes)\nsetarrayitem(r0, 1, 255, descr=bytes)\njump(r0, i2)\n",
    // 12: ref and float arrays
    "[r0, r1]\nr2 = getarrayitem_r(r0, 0, descr=refs)\nf3 = getarrayitem_f(r1, 1, descr=floats)\nsetarrayitem(r0, 1, r2, descr=refs)\n\
     setarrayitem(r1, 0, f3, descr=floats)\nsetarrayitem(r1, 2, 0.5, descr=floats)\njump(r2, r1)\n",
    // 13: allocation
    "[i0]\nr1 = new(descr=node)\nsetfield(r1, i0, descr=value)\nr2 = new_array(i0, descr=regs)\nr3 = new_array(10, descr=bytes)\n\
     finish(r1, r2, r3)\n",
    // 14: calls of every kind
    "[i0, f1]\ni2 = call_i(i0, 1, descr=add_mul)\ni3 = call_pure_i(i2, i0, descr=add_mul)\nf4 = call_f(f1, descr=fsqrt)\n\
     f5 = call_pure_f(2.0, descr=fsqrt)\ncall_n(descr=noop)\ni6 = call_i(i3, descr=bump)\nguard_no_exception() [i6]\n\
     i7 = call_may_force_i(1, NULL, descr=force_i)\nguard_no_exception() [i6, f5 | i0; pending]\n\
     r8 = call_may_force_r(2, NULL, descr=force_r)\nf9 = call_may_force_f(3, r8, descr=force_f)\n\
     call_may_force_n(4, r8, descr=force_n)\nguard_true(i7) [i6 | i0 | r8, f9; returned]\n\
     i10 = call_assembler_i(5, r8, descr=force_i)\nr11 = call_assembler_r(6, r8, descr=force_r)\n\
     guard_no_exception() [i10 | r11; raised]\njump(i6, f5)\n",
    // 15: guards on ints
    "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0, i1]\ni3 = int_eq(i0, 5)\nguard_false(i3) [i0]\nguard_value(i1, 7) [i1, 7, NULL]\n\
     jump(i0, i1)\n",
    // 16: guards on refs
    "[r0, r1]\nguard_nonnull(r0) [r0]\nguard_class(r0, 7) [r0, r1]\nguard_isnull(r1) []\nguard_nonnull_class(r1, 3) [r1]\n\
     guard_value(r0, ConstPtr(0x1000)) [r0]\njump(r0, r1)\n",
    // 17: guards on floats and the rest
    "[f0, i1]\nguard_value(f0, 1.5) [f0, i1, 2.5]\nguard_not_invalidated() []\nguard_no_exception() [f0]\nguard_exception() [f0 | i1; pending]\nguard_true(i1) [f0, i1 {descr=regs, object=1, 2=i1, 5=7} | i1 {descr=refs, object=0, 0=NULL}; returned]\nguard_not_interrupted() [f0, i1]\njump(f0, i1)\n",
    // 18: debug_merge_point and comments
    "[i0, r1]\ndebug_merge_point(0, 'pc 4: MOV_R_A 2')\ni2 = getarrayitem_i(r1, 2, descr=regs)\ndebug_merge_point(1, 'pc 6: \"quoted\", (parens) #hash')\n\
     i3 = int_add(i0, i2)\nguard_true(i3) [i0, r1]\njump(i3, r1)\n",
    // 19: label and jump to it
    "[i0, i1]\ni2 = int_add(i0, 1)\nlabel(i2, i1)\ni3 = int_add(i2, i1)\nguard_true(i3) [i2]\njump(i3, i1)\n",
    // 20: jump to another loop, with and without arguments
    "[i0, r1]\ni2 = int_sub(i0, 1)\njump(i2, r1, descr=loop2)\n",
    "[]\njump(descr=loop17)\n",
    // 22: non-dense numbering, as the optimizer leaves it
    "[i0, r5]\ni9 = int_add(i0, 1)\nguard_true(i9) [r5, i9]\ni20 = int_mul(i9, i9)\njump(i20, r5)\n",
    // 23: finish with constants of every kind
    "[i0]\nfinish(i0, 42, -7, 1.5, nan, inf, -inf, NULL, ConstPtr(0xdeadbeef))\n",
    // 24: a TLR-like loop
    "[i0, r1]\ndebug_merge_point(0, 'pc 2: MOV_A_R 0')\nsetarrayitem(r1, 0, i0, descr=regs)\ni3 = getarrayitem_i(r1, 1, descr=regs)\n\
     i4 = int_add(i0, i3)\ni5 = int_neg(i4)\ni6 = int_is_true(i5)\nguard_true(i6) [i5, r1]\njump(i5, r1)\n",
    // 25: empty fail args and a constant-only guard
    "[i0]\nguard_true(1) []\nguard_value(5, 5) []\nguard_nonnull(ConstPtr(0x10)) []\njump(i0)\n",
    // 26: a ref input only, finish with nothing
    "[r0]\nfinish()\n",
    // 28: ref calls
    "[r0, r1]\nr2 = call_r(r0, r1, descr=first)\nr3 = call_pure_r(r2, NULL, descr=first)\nfinish(r3)\n",
    // 27: small floats and negative zero
    "[f0]\nf1 = float_add(f0, 0.1)\nf2 = float_mul(f1, 5e-324)\nf3 = float_sub(f2, 123456789.125)\njump(f3)\n",
    // 29: a bridge that ran a loop's short preamble enters it at its label
    "[i0, r1]\ni2 = int_sub(i0, 1)\nguard_not_interrupted() [i2, r1]\ni3 = getarrayitem_i(r1, 1, descr=regs)\njump(i2, i3, r1, descr=label4)\n",
];

#[test]
fn round_trip_corpus() {
    for (i, text) in CORPUS.iter().enumerate() {
        let t = parse(text, ns()).unwrap_or_else(|e| panic!("trace {i}: {e}\n{text}"));
        assert_eq!(t.to_string(), *text, "trace {i} does not round-trip");
        metajit::opt::verify(&t).unwrap_or_else(|e| panic!("trace {i}: {e}"));
    }
}

/// A bridge as `jit-log-opt` prints it (from `mj-tlr` running
/// `lang-tlr/examples/phases.tlr`): every guard ends with its global id.
const LOGGED_BRIDGE: &str = "\
[i0, r1]
debug_merge_point(0, 'pc 17: JUMP_IF_A 31')
guard_false(i0) [i0, r1] # guard 9
debug_merge_point(0, 'pc 19: MOV_R_A 2')
guard_nonnull(r1) [0, r1] # guard 10
i2 = arraylen(r1, descr=regs)
i3 = int_lt(2, i2)
guard_true(i3) [0, r1] # guard 11
i4 = getarrayitem_i(r1, 2, descr=regs)
debug_merge_point(0, 'pc 21: SET_A 5')
debug_merge_point(0, 'pc 23: ADD_R_TO_A 2')
i8 = int_add(5, i4)
debug_merge_point(0, 'pc 25: MOV_A_R 2')
setarrayitem(r1, 2, i8, descr=regs)
debug_merge_point(0, 'pc 27: SET_A 1')
debug_merge_point(0, 'pc 29: JUMP_IF_A 41')
debug_merge_point(0, 'pc 41: MOV_R_A 0')
i12 = int_lt(0, i2)
guard_true(i12) [1, r1] # guard 12
i13 = getarrayitem_i(r1, 0, descr=regs)
debug_merge_point(0, 'pc 43: ADD_R_TO_A 3')
i15 = int_lt(3, i2)
guard_true(i15) [i13, r1] # guard 13
i16 = getarrayitem_i(r1, 3, descr=regs)
i17 = int_add(i13, i16)
debug_merge_point(0, 'pc 45: MOV_A_R 0')
setarrayitem(r1, 0, i17, descr=regs)
debug_merge_point(0, 'pc 47: JUMP_IF_A 15')
guard_true(i17) [i17, r1] # guard 14
jump(i17, r1, descr=loop0)
";

#[test]
fn guard_ids_round_trip() {
    let t = parse(LOGGED_BRIDGE, ns()).unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<u32> = t.guards().map(|op| op.guard.as_ref().unwrap().id).collect();
    assert_eq!(ids, vec![9, 10, 11, 12, 13, 14]);
    assert_eq!(t.with_guard_ids().to_string(), LOGGED_BRIDGE);
    // Without the ids, the same trace prints as the plain text form.
    let plain: String = LOGGED_BRIDGE
        .lines()
        .map(|l| l.split(" # guard").next().unwrap().to_string() + "\n")
        .collect();
    assert_eq!(t.to_string(), plain);
    metajit::opt::verify(&t).unwrap_or_else(|e| panic!("{e}"));

    // Every trace of the corpus, its guards numbered as the driver numbers
    // them, prints with the ids and reads back.
    for (i, text) in CORPUS.iter().enumerate() {
        let mut t = p(text);
        for (k, op) in t.ops.iter_mut().filter(|op| op.guard.is_some()).enumerate() {
            op.guard.as_mut().unwrap().id = 100 + k as u32;
        }
        let with_ids = t.with_guard_ids().to_string();
        let back = parse(&with_ids, ns()).unwrap_or_else(|e| panic!("trace {i}: {e}\n{with_ids}"));
        assert_eq!(back.with_guard_ids().to_string(), with_ids, "trace {i}");
        assert_eq!(back.to_string(), *text, "trace {i}");
        let ids = |t: &metajit::ir::Trace| -> Vec<u32> {
            t.guards().map(|op| op.guard.as_ref().unwrap().id).collect()
        };
        assert_eq!(ids(&back), ids(&t), "trace {i}");
    }
}

#[test]
fn trailing_comments_are_ignored() {
    let t = p("[i0] # the inputs\ni1 = int_add(i0, 1)   # one more\n\
         guard_true(i1) [i0] # guard against zero\njump(i1)#back\n");
    assert_eq!(
        t.to_string(),
        "[i0]\ni1 = int_add(i0, 1)\nguard_true(i1) [i0]\njump(i1)\n"
    );
    // Not a `guard N` comment: the guard keeps id 0.
    assert_eq!(t.ops[1].guard.as_ref().unwrap().id, 0);
    // A `#` inside a quoted position is not a comment.
    let t = p("[]\ndebug_merge_point(0, 'pc 1: # x') # here\njump()\n");
    assert_eq!(t.comments, vec!["pc 1: # x".to_string()]);
}

#[test]
fn corpus_covers_every_opcode() {
    let mut seen = std::collections::HashSet::new();
    for text in CORPUS {
        for op in p(text).ops {
            seen.insert(op.opcode);
        }
    }
    let missing: Vec<_> = Opcode::ALL
        .iter()
        .filter(|o| !seen.contains(o))
        .map(|o| o.name())
        .collect();
    assert!(missing.is_empty(), "not in the corpus: {missing:?}");
}

#[test]
fn structure() {
    let t = p(
        "[i0, r1]\n# a comment\n\n  i7 = getarrayitem_i(r1, 2, descr=regs)\nguard_true(i7) [i0, r1, 3]\njump(i7, r1)\n",
    );
    assert_eq!(t.inputs, vec![Var(0), Var(1)]);
    assert_eq!(t.types.len(), 8);
    assert_eq!(t.types[7], Type::Int);
    assert_eq!(t.types[1], Type::Ref);
    assert_eq!(t.ops.len(), 3);
    assert!(matches!(t.ops[0].descr, Descr::Array(d) if d.name == "regs"));
    let g = t.ops[1].guard.as_ref().unwrap();
    assert_eq!(
        g.fail_args,
        vec![Arg::Var(Var(0)), Arg::Var(Var(1)), Arg::Int(3)]
    );
    assert_eq!((g.snapshot, g.id), (0, 0));
    assert_eq!(t.snapshots.len(), 1);
    assert_eq!(t.snapshots[0].frame.slots, 3);
    assert!(t.is_loop());
}

#[test]
fn spacing_and_comments_are_ignored() {
    let t = p("  [ i0 ,r1 ]\n#x\n   \ni2=int_add( i0 ,1 )\n\tguard_true(i2)[i0]\njump(i2,r1)");
    assert_eq!(
        t.to_string(),
        "[i0, r1]\ni2 = int_add(i0, 1)\nguard_true(i2) [i0]\njump(i2, r1)\n"
    );
}

#[test]
fn comment_text_and_quotes() {
    let t = p("[]\ndebug_merge_point(0, 'it\"s (here), descr=x')\njump()\n");
    assert_eq!(t.comments, vec!["it\"s (here), descr=x".to_string()]);
    // A single quote inside a comment prints as a double quote.
    let mut t2 = t.clone();
    t2.comments[0] = "it's".into();
    assert_eq!(
        t2.to_string(),
        "[]\ndebug_merge_point(0, 'it\"s')\njump()\n"
    );
}

#[test]
fn constants_parse_to_the_right_values() {
    let t = p("[]\nfinish(42, -7, 1.5, nan, inf, -inf, NULL, ConstPtr(0x1000), -0.0, 1e-7)\n");
    let a = &t.ops[0].args;
    assert_eq!(a[0], Arg::Int(42));
    assert_eq!(a[1], Arg::Int(-7));
    assert_eq!(a[2], Arg::float(1.5));
    assert!(matches!(a[3], Arg::Float(b) if f64::from_bits(b).is_nan()));
    assert_eq!(a[4], Arg::float(f64::INFINITY));
    assert_eq!(a[5], Arg::float(f64::NEG_INFINITY));
    assert_eq!(a[6], Arg::Ref(0));
    assert_eq!(a[7], Arg::Ref(0x1000));
    assert_eq!(a[8], Arg::Float((-0.0f64).to_bits()));
    assert_eq!(a[9], Arg::float(1e-7));
}

#[test]
fn jump_descr() {
    let t = p("[i0]\njump(i0, descr=loop3)\n");
    assert!(matches!(t.ops[0].descr, Descr::Loop(3)));
    assert!(!t.is_loop());
    let t = p("[i0]\njump(i0, descr=label3)\n");
    assert!(matches!(t.ops[0].descr, Descr::Label(3)));
    assert!(!t.is_loop());
    assert!(parse("[i0]\njump(i0, descr=labelx)\n", ns()).is_err());
}

/// Parse `text`, expect an error at `line`:`col` whose message contains `msg`.
fn bad(text: &str, line: usize, col: usize, msg: &str) -> Option<String> {
    match parse(text, ns()) {
        Ok(t) => Some(format!("parsed, but should not have:\n{text}\n=> {t}")),
        Err(e) if !e.msg.contains(msg) || (e.line, e.col) != (line, col) => Some(format!(
            "{text:?}: got {e}, want line {line}, column {col}: ...{msg}..."
        )),
        Err(e) => {
            assert!(e
                .to_string()
                .starts_with(&format!("line {line}, column {col}: ")));
            None
        }
    }
}

#[test]
fn errors() {
    let mut failures = Vec::new();
    failures.extend(bad("", 1, 1, "empty trace"));
    failures.extend(bad("i0 = int_add(1, 2)\n", 1, 1, "inputs"));
    failures.extend(bad("[i0, 3]\n", 1, 6, "inputs"));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, i2)\njump(i1)\n",
        2,
        18,
        "i2 is used before it is defined",
    ));
    failures.extend(bad(
        "[i0]\nguard_true(i0) [i0, i5]\njump(i0)\n",
        2,
        21,
        "i5 is used before it is defined",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(r0, 1)\n",
        2,
        14,
        "r0 is the int variable i0",
    ));
    failures.extend(bad("[i0]\nr1 = int_add(i0, 1)\n", 2, 1, "write i1"));
    failures.extend(bad("[i0, i0]\n", 1, 6, "defined twice"));
    failures.extend(bad("[i0]\ni0 = int_add(i0, 1)\n", 2, 1, "defined twice"));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0)\n",
        2,
        6,
        "int_add takes 2 operands, found 1",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_neg(i0, 1)\n",
        2,
        6,
        "int_neg takes 1 operand, found 2",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_frobnicate(i0, 1)\n",
        2,
        6,
        "unknown operation `int_frobnicate`",
    ));
    failures.extend(bad(
        "[r0]\ni1 = getfield_i(r0, descr=nosuch)\n",
        2,
        27,
        "unknown descriptor `nosuch`",
    ));
    failures.extend(bad(
        "[r0]\ni1 = getfield_i(r0)\n",
        2,
        6,
        "needs a field descriptor",
    ));
    failures.extend(bad(
        "[r0]\ni1 = getfield_i(r0, descr=regs)\n",
        2,
        6,
        "needs a field descriptor",
    ));
    failures.extend(bad(
        "[r0]\nr1 = getfield_i(r0, descr=next)\n",
        2,
        6,
        "next holds ref values, but getfield_i reads int",
    ));
    failures.extend(bad(
        "[r0]\ni1 = getfield_i(r0, descr=next)\n",
        2,
        6,
        "next holds ref values",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 1, descr=value)\n",
        2,
        6,
        "takes no descriptor",
    ));
    failures.extend(bad(
        "[i0]\ni1 = float_add(i0, 1.0)\n",
        2,
        16,
        "expects a float operand here, found a int",
    ));
    failures.extend(bad(
        "[i0]\nsetfield(i0, 1, descr=value)\n",
        2,
        10,
        "expects a ref operand",
    ));
    failures.extend(bad(
        "[i0]\nguard_true(i0)\n",
        2,
        15,
        "needs its fail arguments",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 1) [i0]\n",
        2,
        21,
        "not a guard",
    ));
    failures.extend(bad("[i0]\nint_add(i0, 1)\n", 2, 1, "needs a name"));
    failures.extend(bad(
        "[i0]\ni1 = setfield(i0, 1, descr=value)\n",
        2,
        15,
        "expects a ref operand",
    ));
    failures.extend(bad(
        "[r0]\ni1 = setfield(r0, 1, descr=value)\n",
        2,
        1,
        "has no result",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 1x)\n",
        2,
        18,
        "bad number `1x`",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 99999999999999999999)\n",
        2,
        18,
        "bad number",
    ));
    failures.extend(bad("[i0]\ni1 = int_add(i0, 1\n", 2, 19, "expected `)`"));
    failures.extend(bad("[i0]\ni1 = int_add(i0 1)\n", 2, 17, "expected `)`"));
    failures.extend(bad(
        "[i0]\ndebug_merge_point(0, 'oops)\n",
        2,
        22,
        "unterminated string",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 1) extra\n",
        2,
        21,
        "unexpected text",
    ));
    failures.extend(bad("[i0]\njump(i0) extra\n", 2, 10, "unexpected text"));
    failures.extend(bad(
        "[i0]\njump(i0, descr=value)\n",
        2,
        1,
        "only descr=loopN",
    ));
    failures.extend(bad(
        "[i0]\ni1 = call_i(i0, descr=add_mul)\n",
        2,
        6,
        "call_i takes 2 operands, found 1",
    ));
    failures.extend(bad(
        "[i0]\nf1 = call_i(2.0, descr=fsqrt)\n",
        2,
        6,
        "fsqrt returns float: use call_f",
    ));
    failures.extend(bad(
        "[i0]\nlabel(i0, 1)\n",
        2,
        11,
        "label operands must be variables",
    ));
    failures.extend(bad(
        "[i0]\nr1 = ConstPtr(1)\n",
        2,
        6,
        "unknown operation `ConstPtr`",
    ));
    failures.extend(bad("[i0]\nfinish(ConstPtr(12))\n", 2, 17, "hexadecimal"));
    failures.extend(bad(
        "[i0]\nfinish(i0) @\n",
        2,
        12,
        "unexpected character `@`",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 1)\ni2 = int_add(i1, i1)\nx3 = int_add(i0, 1)\n",
        4,
        1,
        "not a variable name",
    ));
    failures.extend(bad("[i0]\nv1 = int_add(i0, 1)\n", 4 - 2, 1, "write i1"));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 1) # guard 3\n",
        2,
        21,
        "`# guard 3` gives a guard its id, but int_add is not a guard",
    ));
    failures.extend(bad(
        "[i0]\nguard_true(i0) [i0] # guard 3\nguard_false(i0) [] # guard 3\n",
        3,
        20,
        "guard 3 is numbered twice (first on line 2)",
    ));
    failures.extend(bad(
        "[i0]\ni1 = int_add(i0, 1 # oops)\n",
        2,
        19,
        "expected `)` before the end of the line",
    ));
    failures.extend(bad(
        "[i0]\nguard_value(i0, 1.5) [i0]\n",
        2,
        17,
        "expects a int operand here, found a float",
    ));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
