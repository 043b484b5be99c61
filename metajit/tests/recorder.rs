//! The recorder's contract, on a two-instruction interpreter: a guard after a
//! side effect in the same instruction aborts the trace with a reason (it
//! would resume by re-executing the store), while the same work with the
//! guard first compiles; both compute what the plain interpreter computes.
//! And `Mode::is_constant` (RPython's `isconstant`): while recording, a red
//! is not a constant of the trace and a `const_ref` is; in the plain mode
//! every value is known.

use metajit::ir::{FieldDescr, SizeDescr, Type};
use metajit::{reds, Exit, Interpreter, Jit, Mode, Params, Val};
use std::cell::RefCell;

static BOX: SizeDescr = SizeDescr {
    name: "box",
    type_id: 9,
    size: 16,
};
static VALUE: FieldDescr = FieldDescr {
    name: "value",
    offset: 8,
    ty: Type::Int,
};

reds! { struct Reds { n: Int, obj: Ref, guards: Int } }

thread_local! {
    /// (jitted, the red `obj` is constant, a `const_ref` is constant), as
    /// each run of pc 0 saw them.
    static SEEN: RefCell<Vec<(bool, bool, bool)>> = const { RefCell::new(Vec::new()) };
}

/// pc 0: store `n` into `obj.value` and branch on `n` (in the order the
/// interpreter chooses); pc 1: `n -= 1`, loop to pc 0 while `n != 0`.
struct Toy {
    guard_first: bool,
}

impl Interpreter for Toy {
    type G = u8;
    type Reds<M: Mode<G = u8>> = Reds<M>;
    type Error = metajit::Interrupted;

    fn dispatch<M: Mode<G = u8>>(
        &self,
        m: &mut M,
        g: u8,
        r: &mut Reds<M>,
    ) -> Result<Exit<u8, M>, metajit::Interrupted> {
        let mut pc = g;
        loop {
            if let Some(exit) = m.jit_merge_point(pc, r) {
                return Ok(exit);
            }
            if pc == 0 {
                let k = m.const_ref(0);
                let seen = (m.we_are_jitted(), m.is_constant(r.obj), m.is_constant(k));
                SEEN.with(|s| s.borrow_mut().push(seen));
                if self.guard_first {
                    let taken = m.is_true(r.n);
                    m.setfield(r.obj, &VALUE, Val::Int(r.n));
                    let one = m.int(taken as i64);
                    r.guards = m.int_add(r.guards, one);
                } else {
                    m.setfield(r.obj, &VALUE, Val::Int(r.n));
                    let taken = m.is_true(r.n);
                    let one = m.int(taken as i64);
                    r.guards = m.int_add(r.guards, one);
                }
                pc = 1;
            } else {
                let one = m.int(1);
                r.n = m.int_sub(r.n, one);
                if !m.is_true(r.n) {
                    return Ok(Exit::Return(Val::Int(r.guards)));
                }
                if let Some(exit) = m.can_enter_jit(0, r) {
                    return Ok(exit);
                }
                pc = 0;
            }
        }
    }
}

fn run(guard_first: bool, jit: &str) -> (i64, i64, metajit::Stats) {
    let (params, _) = Params::parse(jit).unwrap();
    let jit: Jit<u8> = Jit::new(params);
    let mut plain = jit.plain();
    let obj = plain.new_object(&BOX);
    let reds = Reds {
        n: 100,
        obj,
        guards: 0,
    };
    let metajit::Completion::Return(Val::Int(result)) =
        jit.run(&Toy { guard_first }, 0, reds).unwrap()
    else {
        panic!()
    };
    let stored = plain.getfield_int(obj, &VALUE);
    (result, stored, jit.stats())
}

#[test]
fn guard_after_a_store_aborts_the_trace_with_a_reason() {
    let (result, stored, stats) = run(false, "threshold=2,max_aborts=2,backend=interp");
    let (plain_result, plain_stored, _) = run(false, "off");
    assert_eq!((result, stored), (plain_result, plain_stored));
    assert_eq!((result, stored), (100, 1));
    assert_eq!(stats.loops, 0);
    assert_eq!(stats.aborts, 2, "{:?}", stats.abort_reasons);
    assert!(
        stats.abort_reasons[0].contains("guard_true after a side effect"),
        "{:?}",
        stats.abort_reasons
    );
}

#[test]
fn guard_before_the_store_compiles_and_agrees_with_the_interpreter() {
    let (result, stored, stats) = run(true, "threshold=2,backend=interp");
    assert_eq!((result, stored), (100, 1));
    assert_eq!(stats.loops, 1);
    assert_eq!(stats.aborts, 0, "{:?}", stats.abort_reasons);
    // The loop leaves through the guard on `n` in pc 1 once.
    assert_eq!(stats.guard_failures, 1);
}

#[test]
fn a_red_is_not_constant_while_recording_and_a_constant_is() {
    SEEN.with(|s| s.borrow_mut().clear());
    run(true, "threshold=2,backend=interp");
    let seen = SEEN.with(|s| s.borrow().clone());
    assert!(seen.contains(&(true, false, true)), "{seen:?}");
    assert!(
        !seen.iter().any(|&(jitted, red, _)| jitted && red),
        "{seen:?}"
    );
}

#[test]
fn every_value_is_constant_in_the_plain_mode() {
    SEEN.with(|s| s.borrow_mut().clear());
    run(true, "off");
    let seen = SEEN.with(|s| s.borrow().clone());
    assert_eq!(seen.len(), 100);
    assert!(seen.iter().all(|&s| s == (false, true, true)), "{seen:?}");
}
