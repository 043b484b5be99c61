//! Generators driven from Rust (`next()`, `send`, `throw`, `close`, `yield
//! from` of a generator): resume the frame where it stopped, through a
//! portal, as the dispatch loop's `for` does.
//!
//! A generator stopped in `yield from` passes `throw` on to its
//! subiterator, and `close` closes the subiterator first (PEP 380): the
//! exception reaches the generator's own code only if the subiterator
//! lets it out.

use super::{exc, ops, PyResult};
use crate::bytecode::{code_by_id, Instr};
use crate::interp::runtime::{self, frame_get, frame_set};
use crate::objects::{self, get, intern::intern_static, PyGenerator, Types, Value};

pub enum Sent {
    Yielded(Value),
    Returned(Value),
}

fn resume_pc(g: &PyGenerator) -> i64 {
    let code = code_by_id(g.code as u32);
    objects::small_int_value(frame_get(g.frame, code.resume_slot() as usize))
}

/// `gen.send(value)` (`next(gen)` sends None).
pub fn send(gen: Value, value: Value) -> PyResult<Sent> {
    let g = get::<PyGenerator>(gen).unwrap();
    let code = code_by_id(g.code as u32);
    if g.running.get() != 0 {
        return Err(exc::value_error("generator already executing"));
    }
    let pc = resume_pc(g);
    if pc < 0 {
        return Ok(Sent::Returned(Types::get().none));
    }
    if pc == 0 {
        if value != Types::get().none {
            return Err(exc::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
    } else {
        let top = code.stack_base() + code.depths[pc as usize] - 1;
        frame_set(g.frame, top as usize, value);
    }
    run(g, pc as u32)
}

fn run(g: &PyGenerator, pc: u32) -> PyResult<Sent> {
    let code = code_by_id(g.code as u32);
    g.running.set(1);
    let r = runtime::run_frame(code, pc, g.frame);
    g.running.set(0);
    let v = r?;
    if resume_pc(g) < 0 {
        Ok(Sent::Returned(v))
    } else {
        Ok(Sent::Yielded(v))
    }
}

/// `gen.throw(exc)`: raise `e` at the point where the generator stopped.
pub fn throw(gen: Value, e: Value) -> PyResult<Sent> {
    let g = get::<PyGenerator>(gen).unwrap();
    let code = code_by_id(g.code as u32);
    if g.running.get() != 0 {
        return Err(exc::value_error("generator already executing"));
    }
    let pc = resume_pc(g);
    if pc <= 0 {
        if pc == 0 {
            frame_set(
                g.frame,
                code.resume_slot() as usize,
                metajit::value::tag(-1) as Value,
            );
        }
        return Err(e);
    }
    // A generator stopped in `yield from` resumes at that instruction
    // (with the subiterator under the value sent, on the stack); after a
    // plain `yield`, the instruction before the resume point raises.
    let in_yield_from = matches!(code.instrs[pc as usize], Instr::YieldFrom);
    let mut e = e;
    if in_yield_from {
        let it_slot = (code.stack_base() + code.depths[pc as usize] - 2) as usize;
        let it = frame_get(g.frame, it_slot);
        g.running.set(1);
        let delegated = delegate_throw(it, e);
        g.running.set(0);
        match delegated {
            Delegated::Yielded(v) => return Ok(Sent::Yielded(v)),
            Delegated::Returned(v) => {
                // `yield from` is over: its value replaces the subiterator.
                frame_set(g.frame, it_slot, v);
                return run(g, pc as u32 + 2);
            }
            Delegated::Raise(raised) => e = raised,
        }
    }
    let at = if in_yield_from {
        pc as u32
    } else {
        pc as u32 - 1
    };
    match code.handler_at(at) {
        Some(h) => {
            let top = code.stack_base() + code.depths[h.target as usize] - 1;
            frame_set(g.frame, top as usize, e);
            if let Some(i) = get::<objects::PyInstance>(e) {
                i.traceback
                    .borrow_mut()
                    .push((code, code.lines[at as usize]));
            }
            run(g, h.target)
        }
        None => {
            frame_set(
                g.frame,
                code.resume_slot() as usize,
                metajit::value::tag(-1) as Value,
            );
            if let Some(i) = get::<objects::PyInstance>(e) {
                i.traceback
                    .borrow_mut()
                    .push((code, code.lines[at as usize]));
            }
            Err(e)
        }
    }
}

/// What a subiterator did with an exception thrown at it.
enum Delegated {
    /// Yielded a value: the delegating generator yields it.
    Yielded(Value),
    /// Finished with this value: the `yield from` expression's value.
    Returned(Value),
    /// This exception goes on to the delegating generator's own code.
    Raise(Value),
}

/// Throws `e` at the subiterator `it` of a `yield from`: `GeneratorExit`
/// closes it (and is raised on unless closing fails); anything else goes
/// to its `throw`, if it has one.
fn delegate_throw(it: Value, e: Value) -> Delegated {
    let none = Types::get().none;
    let is_generator = objects::type_id(it) == Some(objects::GENERATOR);
    if exc::is_instance(e, "GeneratorExit") {
        let closed = if is_generator {
            close(it)
        } else {
            match ops::getattr_opt(it, intern_static("close")) {
                Ok(Some(f)) => crate::interp::call_object(f, &[], &[]).map(|_| ()),
                Ok(None) => Ok(()),
                Err(x) => Err(x),
            }
        };
        return Delegated::Raise(closed.err().unwrap_or(e));
    }
    if is_generator {
        return match throw(it, e) {
            Ok(Sent::Yielded(v)) => Delegated::Yielded(v),
            Ok(Sent::Returned(v)) => Delegated::Returned(v),
            Err(x) => Delegated::Raise(x),
        };
    }
    let thrower = match ops::getattr_opt(it, intern_static("throw")) {
        Ok(Some(f)) => f,
        Ok(None) => return Delegated::Raise(e),
        Err(x) => return Delegated::Raise(x),
    };
    match crate::interp::call_object(thrower, &[e], &[]) {
        Ok(v) => Delegated::Yielded(v),
        Err(x) if exc::is_instance(x, "StopIteration") => {
            Delegated::Returned(exc::args_of(x).first().copied().unwrap_or(none))
        }
        Err(x) => Delegated::Raise(x),
    }
}

/// `gen.close()`.
pub fn close(gen: Value) -> PyResult<()> {
    let g = get::<PyGenerator>(gen).unwrap();
    if resume_pc(g) <= 0 {
        frame_set(
            g.frame,
            code_by_id(g.code as u32).resume_slot() as usize,
            metajit::value::tag(-1) as Value,
        );
        return Ok(());
    }
    let e = exc::new("GeneratorExit", None);
    match throw(gen, e) {
        Ok(Sent::Yielded(_)) => Err(exc::new(
            "RuntimeError",
            Some("generator ignored GeneratorExit".into()),
        )),
        Ok(Sent::Returned(_)) => Ok(()),
        Err(x) if exc::is_instance(x, "GeneratorExit") || exc::is_instance(x, "StopIteration") => {
            Ok(())
        }
        Err(x) => Err(x),
    }
}

/// One step of `yield from it` with `sent`: the value to yield, or the
/// subiterator's return value (with the frame's resume slot set to -2).
pub fn yield_from(frame: Value, resume_slot: usize, it: Value, sent: Value) -> PyResult {
    let none = Types::get().none;
    let r = if objects::type_id(it) == Some(objects::GENERATOR) {
        send(it, sent)?
    } else if sent == none {
        match ops::next(it)? {
            Some(v) => Sent::Yielded(v),
            None => Sent::Returned(none),
        }
    } else {
        match ops::call_method(it, "send", &[sent]) {
            Ok(v) => Sent::Yielded(v),
            Err(e) if exc::is_instance(e, "StopIteration") => {
                Sent::Returned(exc::args_of(e).first().copied().unwrap_or(none))
            }
            Err(e) => return Err(e),
        }
    };
    match r {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(v) => {
            frame_set(frame, resume_slot, metajit::value::tag(-2) as Value);
            Ok(v)
        }
    }
}
