//! `Mode::is_constant` (RPython's `isconstant`): while recording, a red is
//! not a constant of the trace and a `const_ref` is; in the plain mode
//! every value is known. An interpreter uses it to specialize on a value
//! only when that costs no guard.

use metajit::ir::SizeDescr;
use metajit::{reds, Exit, Interpreter, Jit, Mode, Params, Val};
use std::cell::RefCell;

static BOX: SizeDescr = SizeDescr {
    name: "box",
    type_id: 9,
    size: 16,
};

reds! { struct Reds { n: Int, obj: Ref } }

thread_local! {
    /// (jitted, the red `obj` is constant, a `const_ref` is constant), as
    /// each run of pc 0 saw them.
    static SEEN: RefCell<Vec<(bool, bool, bool)>> = const { RefCell::new(Vec::new()) };
}

/// pc 0 asks; pc 1: `n -= 1`, loop to pc 0 while `n != 0`.
struct Toy;

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
                pc = 1;
            } else {
                let one = m.int(1);
                r.n = m.int_sub(r.n, one);
                if !m.is_true(r.n) {
                    return Ok(Exit::Return(Val::Int(r.n)));
                }
                if let Some(exit) = m.can_enter_jit(0, r) {
                    return Ok(exit);
                }
                pc = 0;
            }
        }
    }
}

fn seen(jit: &str) -> Vec<(bool, bool, bool)> {
    SEEN.with(|s| s.borrow_mut().clear());
    let (params, _) = Params::parse(jit).unwrap();
    let jit: Jit<u8> = Jit::new(params);
    let obj = jit.plain().new_object(&BOX);
    jit.run(&Toy, 0, Reds { n: 20, obj }).unwrap();
    SEEN.with(|s| s.borrow().clone())
}

#[test]
fn a_red_is_not_constant_while_recording_and_a_constant_is() {
    let seen = seen("threshold=2,backend=interp");
    assert!(seen.contains(&(true, false, true)), "{seen:?}");
    assert!(
        !seen.iter().any(|&(jitted, red, _)| jitted && red),
        "{seen:?}"
    );
}

#[test]
fn every_value_is_constant_in_the_plain_mode() {
    let seen = seen("off");
    assert_eq!(seen.len(), 20);
    assert!(seen.iter().all(|&s| s == (false, true, true)), "{seen:?}");
}
