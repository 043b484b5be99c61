//! Tagged integers and boxed floats (`metajit::value`): the plain helpers at
//! the limits, and a small interpreter over values whose loops run the same
//! in the interpreter and compiled on both backends, overflow included.

use metajit::value::{self, SMALL_INT_MAX, SMALL_INT_MIN};
use metajit::{reds, Exit, Interpreter, Jit, Mode, Params, Val};

#[test]
fn tagging_round_trips_at_the_limits() {
    for n in [0, 1, -1, 42, -42, SMALL_INT_MIN, SMALL_INT_MAX] {
        let w = value::small_int(n).unwrap();
        assert!(value::is_tagged(w));
        assert_eq!(value::untag(w), n);
    }
    assert_eq!(value::small_int(SMALL_INT_MAX + 1), None);
    assert_eq!(value::small_int(SMALL_INT_MIN - 1), None);
}

reds! { struct Reds { i: Ref, acc: Ref } }

/// Two loops over values, chosen by the start position:
/// - 0: `acc += i; i -= 1` until `i` is 0, failing with `Err(i)` if the
///   sum leaves the small integers;
/// - 1: `acc = acc * 1.5` as a boxed float, `i -= 1` until `i` is 0.
struct Values;

/// The loop's error: the counter at which the sum left the small integers
/// (or an interrupt, which these tests never send).
#[derive(Debug, PartialEq)]
struct OutOfRange(i64);

impl From<metajit::Interrupted> for OutOfRange {
    fn from(_: metajit::Interrupted) -> OutOfRange {
        OutOfRange(-1)
    }
}

impl Interpreter for Values {
    type G = u8;
    type Reds<M: Mode<G = u8>> = Reds<M>;
    type Error = OutOfRange;

    fn dispatch<M: Mode<G = u8>>(
        &self,
        m: &mut M,
        g: u8,
        r: &mut Reds<M>,
    ) -> Result<Exit<u8, M>, OutOfRange> {
        loop {
            if let Some(exit) = m.jit_merge_point(g, r) {
                return Ok(exit);
            }
            if g == 0 {
                r.acc = match value::add_ints(m, r.acc, r.i) {
                    Some(sum) => sum,
                    None => {
                        let i = value::int_value(m, r.i);
                        return Err(OutOfRange(m.promote_int(i)));
                    }
                };
            } else {
                assert!(value::is_float(m, r.acc));
                let x = value::float_value(m, r.acc);
                let k = m.float(1.5);
                let y = m.float_binary(metajit::ir::Opcode::FloatMul, x, k);
                r.acc = value::new_float(m, y);
            }
            let one = m.int(1);
            let one = value::new_int(m, one).unwrap();
            r.i = value::sub_ints(m, r.i, one).unwrap();
            let i = value::int_value(m, r.i);
            if !m.is_true(i) {
                return Ok(Exit::Return(Val::Ref(r.acc)));
            }
            if let Some(exit) = m.can_enter_jit(g, r) {
                return Ok(exit);
            }
        }
    }
}

fn run(jit: &str, loop_kind: u8, i: i64, acc: u64) -> Result<u64, OutOfRange> {
    let (params, _) = Params::parse(jit).unwrap();
    let jit: Jit<u8> = Jit::new(params);
    let reds = Reds {
        i: value::tag(i) as usize,
        acc: acc as usize,
    };
    match jit.run(&Values, loop_kind, reds)? {
        metajit::Completion::Return(Val::Ref(w)) => Ok(w as u64),
        other => panic!("{other:?}"),
    }
}

const MODES: [&str; 3] = ["off", "threshold=3", "threshold=3,backend=interp"];

#[test]
fn a_tagged_sum_is_the_same_in_every_mode() {
    for mode in MODES {
        let w = run(mode, 0, 100_000, value::tag(0)).unwrap();
        assert_eq!(value::untag(w), 100_000 * 100_001 / 2, "{mode}");
    }
}

#[test]
fn overflow_inside_compiled_code_resumes_where_the_interpreter_fails() {
    // The sum passes SMALL_INT_MAX while i goes from 1000 down: compiled
    // code's guard_no_overflow fails, the interpreter re-executes the add
    // and reports the same i as the interpreter alone.
    let start = value::tag(SMALL_INT_MAX - 1000 * 300);
    let OutOfRange(expected) = run("off", 0, 1000, start).unwrap_err();
    assert!(expected > 0 && expected < 1000);
    for mode in MODES {
        assert_eq!(
            run(mode, 0, 1000, start),
            Err(OutOfRange(expected)),
            "{mode}"
        );
    }
}

#[test]
fn boxed_floats_survive_collections_in_every_mode() {
    metajit::gc::set_stress(true);
    let mut plain = Jit::<u8>::new(Params::default()).plain();
    let one = plain.float(1.0);
    let start = value::new_float(&mut plain, one) as u64;
    for mode in MODES {
        let w = run(mode, 1, 40, start).unwrap();
        let x = value::float_value(&mut plain, w as usize);
        assert_eq!(x, 1.5f64.powi(40), "{mode}");
    }
    metajit::gc::set_stress(false);
}
