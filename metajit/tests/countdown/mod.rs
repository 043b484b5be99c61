//! A one-instruction test interpreter shared by tests of the driver: loop
//! `g` is `while i != 0 { i -= 1 }`, then returns `i`. Every greens value is
//! a loop of its own, so tests can pick greens (to make counter cells
//! collide, for instance).

use metajit::{reds, Exit, Interpreter, Interrupted, Mode, Val};

reds! { pub struct Reds { pub i: Int } }

pub struct Countdown;

impl Interpreter for Countdown {
    type G = u32;
    type Reds<M: Mode<G = u32>> = Reds<M>;
    type Error = Interrupted;

    fn dispatch<M: Mode<G = u32>>(
        &self,
        m: &mut M,
        g: u32,
        r: &mut Reds<M>,
    ) -> Result<Exit<u32, M>, Interrupted> {
        loop {
            if let Some(exit) = m.jit_merge_point(g, r) {
                return Ok(exit);
            }
            if !m.is_true(r.i) {
                return Ok(Exit::Return(Val::Int(r.i)));
            }
            let one = m.int(1);
            r.i = m.int_sub(r.i, one);
            if let Some(exit) = m.can_enter_jit(g, r) {
                return Ok(exit);
            }
        }
    }
}
