//! The hinted dispatch loop: Python bytecode run by one function generic
//! over metajit's `Mode`, so the same code is the interpreter, the tracer's
//! subject and the resume path (as `lang-tlr/src/interp.rs`).
//!
//! Greens: the code object and the pc (`Pos`). Reds: the frame (one GC
//! array of locals, cells and operand stack, declared virtualizable); the
//! depth of Python calls is a field of the thread's state object
//! (`runtime.rs`), so calls from Rust helpers count too. The operand stack's top is a function of the pc
//! (`Code::depths`), so every stack access is a frame slot at a constant
//! index. Python-level calls of Python functions, the iteration of
//! generators and binary operators whose left operand's method is a Python
//! function are portal calls (`Mode::call_portal`), and their completion
//! finishes the instruction in `after_call`; everything else that is not a
//! fast path on small ints, floats and booleans is a helper (`helpers.rs`)
//! that may raise, whose exception `unwind` routes to a handler of this
//! frame or out to the caller.

pub mod attrs;
mod frame_pool;
mod helpers;
pub mod inline_cache;
mod iterate;
mod quick;
pub mod runtime;

use crate::builtins::lookup_cache;
use crate::bytecode::{code_by_id, BinOp, CmpOp, Code, Instr, JumpKind, Step, UnOp, FRAME_SLOTS};
use crate::objects::{self, Types, Value};
use helpers as h;
use metajit::value as mv;
use metajit::{reds, Completion, Exit, Interpreter, Mode, Val};
use std::hash::{Hash, Hasher};

pub use runtime::{call_object, Runtime};

/// A position: the code object and the pc. Flags in the pc's top bits mark
/// how a call made at `pc` completes (`after_call`).
#[derive(Clone, Copy)]
pub struct Pos {
    pub code: &'static Code,
    pub pc: u32,
}

impl PartialEq for Pos {
    fn eq(&self, other: &Pos) -> bool {
        std::ptr::eq(self.code, other.code) && self.pc == other.pc
    }
}
impl Eq for Pos {}
impl Hash for Pos {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.code as *const Code as usize).hash(state);
        self.pc.hash(state);
    }
}
impl std::fmt::Debug for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let line = self
            .code
            .lines
            .get((self.pc & PC_MASK) as usize)
            .copied()
            .unwrap_or(0);
        let pc = self.pc & PC_MASK;
        write!(f, "{}:{} pc {}", self.code.qualname, line, pc)?;
        // The instruction, as the logs' merge points show it.
        match self.code.instrs.get(pc as usize) {
            Some(instr) => write!(f, " {instr:?}"),
            None => Ok(()),
        }
    }
}

/// A call made to run `__init__`: the instance is already where the result
/// goes, and the result must be None.
const INIT: u32 = 1 << 30;
/// A `for` loop's call of a generator.
const GEN_NEXT: u32 = 1 << 29;
/// A call of the left operand's method for a `Binary` or `InPlace`: the
/// result replaces the two operands, and `NotImplemented` goes on with the
/// rest of the operator's dispatch (`ops::binary_after_left`).
const OPERATOR: u32 = 1 << 31;
/// The position given to a helper that may raise after its effects
/// (`call_may_raise_at`): when compiled code resumes its exception through
/// `after_call`, no Python call has started to be counted out. With
/// `OPERATOR`, the helper is the rest of an operator's dispatch, whose
/// result replaces the two operands.
const HELPER: u32 = 1 << 28;
const PC_MASK: u32 = (1 << 28) - 1;

reds! {
    /// A frame: its slot array.
    pub struct Reds { pub frame: Ref }
}

/// Failures of the interpreter itself (a Python exception is a value).
#[derive(Debug)]
pub enum Error {
    Interrupted,
}

impl From<metajit::Interrupted> for Error {
    fn from(_: metajit::Interrupted) -> Error {
        Error::Interrupted
    }
}

/// The Python interpreter: the `Interpreter` metajit drives.
pub struct Py;

/// How an exception reaches `unwind`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    /// Raised at this instruction (or by its helper).
    Raised,
    /// Raised again by `raise`/the end of a handler: no new traceback entry.
    Reraised,
}

#[inline(always)]
fn slot<M: Mode>(m: &mut M, r: &Reds<M>, i: u32) -> M::Ref {
    let i = m.int(i as i64);
    m.getarrayitem_ref(r.frame, &FRAME_SLOTS, i)
}

#[inline(always)]
fn set_slot<M: Mode>(m: &mut M, r: &Reds<M>, i: u32, v: M::Ref) {
    let i = m.int(i as i64);
    m.setarrayitem(r.frame, &FRAME_SLOTS, i, Val::Ref(v));
}

/// The value of local `i`, or `None` if it is unbound.
#[inline(always)]
fn bound_local<M: Mode>(m: &mut M, r: &Reds<M>, i: u32) -> Option<M::Ref> {
    let v = slot(m, r, i);
    (!m.is_null(v)).then_some(v)
}

/// `StoreFast(i)` with the operand stack's top below `sp`.
#[inline(always)]
fn store_fast<M: Mode>(m: &mut M, r: &Reds<M>, i: u32, sp: u32) {
    let v = slot(m, r, sp - 1);
    set_slot(m, r, i, v);
}

/// The plain interpreter's `ForIter` (its operand stack's top below `sp`,
/// the next instruction at `pc`) when `quick::next` has the next item: the
/// pc to go on at, past the `ForIterEnd StoreFast` that follows when there
/// is one (the item then goes straight to its local); `None` when the
/// instruction must run as usual (the iterator is exhausted, or is not one
/// `quick::next` knows).
#[inline(always)]
fn quick_for_iter<M: Mode>(m: &mut M, r: &Reds<M>, code: &Code, pc: u32, sp: u32) -> Option<u32> {
    let it = slot(m, r, sp - 1);
    let v = quick::next(m.promote_ref(it))?;
    let v = m.const_ref(v);
    if let Instr::ForIterEndStoreFast(_, local) = code.steps[pc as usize].instr {
        set_slot(m, r, local, v);
        return Some(pc + 2);
    }
    set_slot(m, r, sp, v);
    Some(pc)
}

/// Where a test fused with the conditional jump `kind` to `target` goes
/// on: the test's result (`truth`, whose slot is `at`) is left there when
/// the jump keeps it; `pc` is the jump's.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn fused_jump<M: Mode>(
    m: &mut M,
    r: &Reds<M>,
    t: &Types,
    kind: JumpKind,
    truth: bool,
    at: u32,
    target: u32,
    pc: u32,
) -> u32 {
    if truth != kind.jumps_on() {
        return pc + 1;
    }
    if kind.keeps() {
        let v = constant(m, if truth { t.true_ } else { t.false_ });
        set_slot(m, r, at, v);
    }
    target
}

fn ref_of<M: Mode>(v: Val<M>) -> M::Ref {
    match v {
        Val::Ref(r) => r,
        _ => unreachable!("Python values are references"),
    }
}

fn constant<M: Mode>(m: &mut M, v: Value) -> M::Ref {
    m.const_ref(v)
}

fn boolean<M: Mode>(m: &mut M, cond: M::Int) -> M::Ref {
    let t = Types::get();
    if m.is_true(cond) {
        m.const_ref(t.true_)
    } else {
        m.const_ref(t.false_)
    }
}

impl Py {
    /// Route `exc`, raised at `at`, to a handler of this frame, or out of it.
    fn unwind<M: Mode<G = Pos>>(
        m: &mut M,
        at: Pos,
        r: &mut Reds<M>,
        exc: M::Ref,
        how: How,
    ) -> Exit<Pos, M> {
        let code = at.code;
        let pc = at.pc & PC_MASK;
        if how == How::Raised {
            let c = m.int(code.id as i64);
            let p = m.int(pc as i64);
            m.call(
                &h::TRACEBACK_HERE,
                &[Val::Ref(exc), Val::Int(c), Val::Int(p)],
            );
        }
        match code.handler_at(pc) {
            Some(handler) => {
                let top = code.stack_base() + code.depths[handler.target as usize] - 1;
                set_slot(m, r, top, exc);
                Exit::Leave(Pos {
                    code,
                    pc: handler.target,
                })
            }
            None => {
                if code.is_generator {
                    let done = m.const_ref(mv::tag(-1) as usize);
                    set_slot(m, r, code.resume_slot(), done);
                    let exc = ref_of(m.call(&h::GENERATOR_EXCEPTION, &[Val::Ref(exc)]));
                    return Exit::Raise(Val::Ref(exc));
                }
                Exit::Raise(Val::Ref(exc))
            }
        }
    }

    /// Call the function `f` (a Python function, checked) with the `n`
    /// arguments above it on the stack, from the instruction at `here`
    /// whose result goes to slot `result`; `None` when the call is not a
    /// simple positional one (the caller takes the general path).
    #[allow(clippy::too_many_arguments)]
    fn call_function<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        here: Pos,
        r: &mut Reds<M>,
        f: M::Ref,
        first_arg: u32,
        n: u32,
        self_arg: Option<M::Ref>,
    ) -> Option<Result<Exit<Pos, M>, Error>> {
        let given = n + self_arg.is_some() as u32;
        let code = callee_code(m, f)?;
        if !simple_code(code, given) {
            return None;
        }
        // Missing arguments take the defaults of this very function: a
        // trace then specializes on it (on its code otherwise).
        let defaults = if given < code.argcount {
            let fv = m.promote_ref(f);
            let func = objects::get::<objects::PyFunction>(fv)?;
            let defaults = objects::tuple_items(func.defaults.get()).unwrap_or(&[]);
            if given as usize + defaults.len() < code.argcount as usize {
                return None;
            }
            defaults
        } else {
            &[]
        };
        if !runtime::enter_call(m) {
            let e = ref_of(m.call(&h::RECURSION_ERROR, &[]));
            return Some(Ok(Py::unwind(m, here, r, e, How::Raised)));
        }
        let pooled = match m.we_are_jitted() {
            false => frame_pool::take(code.frame_size()),
            true => None,
        };
        let frame = match pooled {
            Some(f) => m.const_ref(f),
            None => {
                let size = m.int(code.frame_size() as i64);
                m.new_array(&FRAME_SLOTS, size)
            }
        };
        let mut k = 0;
        if let Some(s) = self_arg {
            let i = m.int(0);
            m.setarrayitem(frame, &FRAME_SLOTS, i, Val::Ref(s));
            k = 1;
        }
        for j in 0..n {
            let v = slot(m, r, first_arg + j);
            let i = m.int((k + j) as i64);
            m.setarrayitem(frame, &FRAME_SLOTS, i, Val::Ref(v));
        }
        let first_default = code.argcount as usize - defaults.len();
        for j in given..code.argcount {
            let v = m.const_ref(defaults[j as usize - first_default]);
            let i = m.int(j as i64);
            m.setarrayitem(frame, &FRAME_SLOTS, i, Val::Ref(v));
        }
        if !code.freevars.is_empty() {
            let cells = m.getfield_ref(f, &h::FUNCTION_CLOSURE);
            for j in 0..code.freevars.len() {
                let at = m.int(j as i64);
                let c = m.getarrayitem_ref(cells, &objects::TUPLE_ITEMS, at);
                let i = m.int((code.free_base() as usize + j) as i64);
                m.setarrayitem(frame, &FRAME_SLOTS, i, Val::Ref(c));
            }
        }
        let exit = m.call_portal(self, here, r, Pos { code, pc: 0 }, Reds { frame });
        if !m.we_are_jitted() {
            let f = m.promote_ref(frame);
            frame_pool::give(f, code.frame_size());
        }
        Some(exit)
    }
}

impl Interpreter for Py {
    type G = Pos;
    type Reds<M: Mode<G = Pos>> = Reds<M>;
    type Error = Error;

    fn dispatch<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        g: Pos,
        r: &mut Reds<M>,
    ) -> Result<Exit<Pos, M>, Error> {
        let code = g.code;
        let mut pc = g.pc;
        m.virtualizable(r.frame, &FRAME_SLOTS);
        let t = Types::get();
        loop {
            let here = Pos { code, pc };
            if let Some(exit) = m.jit_merge_point(here, r) {
                return Ok(exit);
            }
            let helper_at = Pos {
                code,
                pc: pc | HELPER,
            };
            let Step { instr, sp } = code.steps[pc as usize];
            // Superinstructions are the plain interpreter's: the tracer
            // records the original instructions.
            let instr = if m.we_are_jitted() {
                instr.unfused()
            } else {
                instr
            };
            pc += 1;
            // Most instructions raise through a helper the same way.
            macro_rules! raise {
                ($e:expr) => {{
                    match Py::unwind(m, here, r, $e, How::Raised) {
                        Exit::Leave(h) => {
                            pc = h.pc;
                            continue;
                        }
                        other => return Ok(other),
                    }
                }};
            }
            macro_rules! helper {
                ($d:expr, $($a:expr),*) => {
                    match m.call_may_raise_at(&$d, &[$($a),*], helper_at, r) {
                        Ok(v) => ref_of(v),
                        Err(e) => raise!(e),
                    }
                };
            }
            macro_rules! pure_helper {
                ($d:expr, $($a:expr),*) => {
                    match m.call_may_raise(&$d, &[$($a),*]) {
                        Ok(v) => ref_of(v),
                        Err(e) => raise!(e),
                    }
                };
            }
            macro_rules! compare_helper {
                ($op:expr, $a:expr, $b:expr) => {{
                    let k = m.int($op as i64);
                    helper!(h::COMPARE, Val::Ref($a), Val::Ref($b), Val::Int(k))
                }};
            }
            // A `LoadFast` (also a superinstruction's first half): the
            // local pushed, or its error raised if it is unbound.
            macro_rules! load_fast {
                ($i:expr) => {{
                    let Some(v) = bound_local(m, r, $i) else {
                        let name = m.int($i as i64);
                        let c = m.int(code.id as i64);
                        let e = ref_of(m.call(&h::UNBOUND_LOCAL, &[Val::Int(c), Val::Int(name)]));
                        raise!(e);
                    };
                    set_slot(m, r, sp, v);
                    v
                }};
            }
            let frame = Val::Ref(r.frame);
            match instr {
                Instr::Nop | Instr::GenStart => {}
                Instr::Pop => {}
                Instr::CloseIter => {
                    let it = slot(m, r, sp - 1);
                    m.call(&h::CLOSE_ITER, &[Val::Ref(it)]);
                }
                Instr::Copy(n) => {
                    let v = slot(m, r, sp - 1 - n);
                    set_slot(m, r, sp, v);
                }
                Instr::Swap(n) => {
                    let a = slot(m, r, sp - 1);
                    let b = slot(m, r, sp - 1 - n);
                    set_slot(m, r, sp - 1, b);
                    set_slot(m, r, sp - 1 - n, a);
                }
                Instr::Const(k) => {
                    let v = constant(m, code.consts[k as usize]);
                    set_slot(m, r, sp, v);
                }
                Instr::LoadFast(i) => {
                    load_fast!(i);
                }
                Instr::StoreFast(i) => store_fast(m, r, i, sp),
                Instr::DeleteFast(i) => {
                    let v = slot(m, r, i);
                    if m.is_null(v) {
                        let name = m.int(i as i64);
                        let c = m.int(code.id as i64);
                        let e = ref_of(m.call(&h::UNBOUND_LOCAL, &[Val::Int(c), Val::Int(name)]));
                        raise!(e);
                    }
                    let null = m.const_ref(0);
                    set_slot(m, r, i, null);
                }
                Instr::MakeCell(cell, local) => {
                    let v = if local == u32::MAX {
                        m.const_ref(0)
                    } else {
                        slot(m, r, local)
                    };
                    let c = ref_of(m.call(&h::NEW_CELL, &[Val::Ref(v)]));
                    set_slot(m, r, cell, c);
                }
                Instr::LoadCell(i) => {
                    let c = slot(m, r, i);
                    set_slot(m, r, sp, c);
                }
                Instr::LoadDeref(i) => {
                    let c = slot(m, r, i);
                    let v = m.getfield_ref(c, &h::CELL_VALUE);
                    if m.is_null(v) {
                        // Unbound: the helper raises CPython's NameError.
                        let cc = m.int(code.id as i64);
                        let ii = m.int(i as i64);
                        let load = m.int(0);
                        let c = Val::Ref(c);
                        helper!(h::LOAD_DEREF, c, Val::Int(cc), Val::Int(ii), Val::Int(load));
                    }
                    set_slot(m, r, sp, v);
                }
                Instr::DeleteDeref(i) => {
                    let c = slot(m, r, i);
                    let cc = m.int(code.id as i64);
                    let ii = m.int(i as i64);
                    let delete = m.int(1);
                    helper!(
                        h::LOAD_DEREF,
                        Val::Ref(c),
                        Val::Int(cc),
                        Val::Int(ii),
                        Val::Int(delete)
                    );
                }
                Instr::StoreDeref(i) => {
                    let c = slot(m, r, i);
                    let v = slot(m, r, sp - 1);
                    m.setfield(c, &h::CELL_VALUE, Val::Ref(v));
                }
                Instr::LoadClassDeref(n, i) => {
                    let ns = slot(m, r, 0);
                    let c = slot(m, r, i);
                    let name = constant(m, code.names[n as usize]);
                    let v = pure_helper!(
                        h::LOAD_CLASS_DEREF,
                        Val::Ref(ns),
                        Val::Ref(c),
                        Val::Ref(name)
                    );
                    set_slot(m, r, sp, v);
                }
                Instr::LoadGlobal(n) => {
                    let found = if m.we_are_jitted() {
                        let name = code.names[n as usize];
                        let v = lookup_cache::constant_global(code.globals, name, code.builtins);
                        if v.is_some() {
                            m.quasi_immutable(code.globals, &lookup_cache::GLOBALS_WATCHED);
                        }
                        v
                    } else {
                        inline_cache::load_global(code, here.pc, code.builtins)
                    };
                    if let Some(v) = found {
                        let v = m.const_ref(v);
                        set_slot(m, r, sp, v);
                        continue;
                    }
                    let globals = constant(m, code.globals);
                    let name = constant(m, code.names[n as usize]);
                    let builtins = constant(m, code.builtins);
                    let v = pure_helper!(
                        h::LOAD_GLOBAL,
                        Val::Ref(globals),
                        Val::Ref(builtins),
                        Val::Ref(name)
                    );
                    if !m.we_are_jitted() {
                        let name = code.names[n as usize];
                        inline_cache::fill_load_global(code, here.pc, name, code.builtins);
                    }
                    set_slot(m, r, sp, v);
                }
                Instr::StoreGlobal(n) | Instr::DeleteGlobal(n) => {
                    let store = matches!(instr, Instr::StoreGlobal(_));
                    if store && !m.we_are_jitted() {
                        let v = slot(m, r, sp - 1);
                        let v = m.promote_ref(v);
                        if inline_cache::store_global(code, here.pc, code.builtins, v) {
                            continue;
                        }
                    }
                    let globals = constant(m, code.globals);
                    let name = constant(m, code.names[n as usize]);
                    let v = if matches!(instr, Instr::StoreGlobal(_)) {
                        slot(m, r, sp - 1)
                    } else {
                        m.const_ref(0)
                    };
                    helper!(
                        h::STORE_GLOBAL,
                        Val::Ref(globals),
                        Val::Ref(name),
                        Val::Ref(v)
                    );
                    if store && !m.we_are_jitted() {
                        let name = code.names[n as usize];
                        inline_cache::fill_load_global(code, here.pc, name, code.builtins);
                    }
                }
                Instr::LoadName(n) => {
                    let ns = slot(m, r, 0);
                    let globals = constant(m, code.globals);
                    let builtins = constant(m, code.builtins);
                    let name = constant(m, code.names[n as usize]);
                    let v = pure_helper!(
                        h::LOAD_NAME,
                        Val::Ref(ns),
                        Val::Ref(globals),
                        Val::Ref(builtins),
                        Val::Ref(name)
                    );
                    set_slot(m, r, sp, v);
                }
                Instr::StoreName(n) | Instr::DeleteName(n) => {
                    let ns = slot(m, r, 0);
                    let name = constant(m, code.names[n as usize]);
                    let v = if matches!(instr, Instr::StoreName(_)) {
                        slot(m, r, sp - 1)
                    } else {
                        m.const_ref(0)
                    };
                    helper!(h::STORE_NAME, Val::Ref(ns), Val::Ref(name), Val::Ref(v));
                }
                Instr::LoadAttr(n) => {
                    let obj = slot(m, r, sp - 1);
                    if m.we_are_jitted() {
                        if let Some(v) = attrs::load_attr(m, obj, code.names[n as usize]) {
                            set_slot(m, r, sp - 1, v);
                            continue;
                        }
                    } else {
                        let o = m.promote_ref(obj);
                        if let Some(v) = inline_cache::load_attr(code, here.pc, o) {
                            let v = m.const_ref(v);
                            set_slot(m, r, sp - 1, v);
                            continue;
                        }
                    }
                    let name = constant(m, code.names[n as usize]);
                    let v = helper!(h::GETATTR, Val::Ref(obj), Val::Ref(name));
                    if !m.we_are_jitted() {
                        let o = m.promote_ref(obj);
                        inline_cache::fill_load_attr(code, here.pc, o, code.names[n as usize]);
                    }
                    set_slot(m, r, sp - 1, v);
                }
                Instr::StoreAttr(n) => {
                    let obj = slot(m, r, sp - 1);
                    let v = slot(m, r, sp - 2);
                    let mut before = 0;
                    if m.we_are_jitted() {
                        if attrs::store_attr(m, obj, code.names[n as usize], v) {
                            continue;
                        }
                    } else {
                        let o = m.promote_ref(obj);
                        let value = m.promote_ref(v);
                        if inline_cache::store_attr(code, here.pc, o, value) {
                            continue;
                        }
                        before = inline_cache::map_serial(o);
                    }
                    let name = constant(m, code.names[n as usize]);
                    helper!(h::SETATTR, Val::Ref(obj), Val::Ref(name), Val::Ref(v));
                    if !m.we_are_jitted() {
                        let o = m.promote_ref(obj);
                        let name = code.names[n as usize];
                        inline_cache::fill_store_attr(code, here.pc, o, name, before);
                    }
                }
                Instr::DeleteAttr(n) => {
                    let obj = slot(m, r, sp - 1);
                    let name = constant(m, code.names[n as usize]);
                    let null = m.const_ref(0);
                    helper!(h::SETATTR, Val::Ref(obj), Val::Ref(name), Val::Ref(null));
                }
                Instr::LoadMethod(n) => {
                    let obj = slot(m, r, sp - 1);
                    if m.we_are_jitted() {
                        let name = code.names[n as usize];
                        let f = match attrs::load_method(m, obj, name) {
                            Some(f) => {
                                set_slot(m, r, sp, obj);
                                f
                            }
                            None => {
                                let name = constant(m, name);
                                let f = helper!(h::LOAD_METHOD_ATTR, Val::Ref(obj), Val::Ref(name));
                                let s = ref_of(m.call(&h::METHOD_SELF, &[]));
                                set_slot(m, r, sp, s);
                                f
                            }
                        };
                        set_slot(m, r, sp - 1, f);
                        continue;
                    } else {
                        let o = m.promote_ref(obj);
                        if let Some(f) = quick::cached_method(code, here.pc, o) {
                            let f = m.const_ref(f);
                            set_slot(m, r, sp - 1, f);
                            set_slot(m, r, sp, obj);
                            continue;
                        }
                    }
                    let name = constant(m, code.names[n as usize]);
                    // The helper writes (function, self) or (callable, NULL)
                    // into the two slots.
                    let at = m.int((sp - 1) as i64);
                    helper!(
                        h::LOAD_METHOD,
                        frame,
                        Val::Int(at),
                        Val::Ref(obj),
                        Val::Ref(name)
                    );
                    if !m.we_are_jitted() {
                        let receiver = slot(m, r, sp);
                        if !m.is_null(receiver) {
                            let f = slot(m, r, sp - 1);
                            let (o, f) = (m.promote_ref(obj), m.promote_ref(f));
                            let name = code.names[n as usize];
                            inline_cache::fill_load_method(code, here.pc, o, name, f);
                        }
                    }
                }
                Instr::Binary(op) | Instr::InPlace(op) => {
                    let b = slot(m, r, sp - 1);
                    let a = slot(m, r, sp - 2);
                    let inplace = matches!(instr, Instr::InPlace(_));
                    let fast = fast_binary(m, op, a, b);
                    let v = match fast {
                        Some(v) => v,
                        None => {
                            if let Some(exit) = self.call_operator(m, here, r, op, inplace, sp) {
                                match exit? {
                                    Exit::Leave(next) => {
                                        pc = next.pc;
                                        continue;
                                    }
                                    other => return Ok(other),
                                }
                            }
                            let k = m.int(op as i64 | if inplace { 0x100 } else { 0 });
                            helper!(h::BINARY, Val::Ref(a), Val::Ref(b), Val::Int(k))
                        }
                    };
                    set_slot(m, r, sp - 2, v);
                }
                Instr::Unary(op) => {
                    let a = slot(m, r, sp - 1);
                    let v = match op {
                        UnOp::Not => {
                            let truth = self.truth(m, here, r, t, a, Some(sp - 1));
                            let truth = match truth {
                                Ok(t) => t,
                                Err(e) => raise!(e),
                            };
                            constant(m, if truth { t.false_ } else { t.true_ })
                        }
                        _ => {
                            let k = m.int(op as i64);
                            helper!(h::UNARY, Val::Ref(a), Val::Int(k))
                        }
                    };
                    set_slot(m, r, sp - 1, v);
                }
                Instr::Compare(op) => {
                    let b = slot(m, r, sp - 1);
                    let a = slot(m, r, sp - 2);
                    let v = match fast_compare(m, op, a, b) {
                        Some(v) => v,
                        None if !m.we_are_jitted() => {
                            let (x, y) = (m.promote_ref(a), m.promote_ref(b));
                            match quick::compare_strs(op, x, y) {
                                Some(v) => m.const_ref(v),
                                None => compare_helper!(op, a, b),
                            }
                        }
                        None => compare_helper!(op, a, b),
                    };
                    set_slot(m, r, sp - 2, v);
                }
                Instr::Is(positive) => {
                    let b = slot(m, r, sp - 1);
                    let a = slot(m, r, sp - 2);
                    let same = m.ptr_eq(a, b);
                    let same = if positive {
                        same
                    } else {
                        let one = m.int(1);
                        m.int_binary(metajit::ir::Opcode::IntXor, same, one)
                    };
                    let v = boolean(m, same);
                    set_slot(m, r, sp - 2, v);
                }
                Instr::In(positive) => {
                    let b = slot(m, r, sp - 1);
                    let a = slot(m, r, sp - 2);
                    let k = m.int(positive as i64);
                    let v = helper!(h::CONTAINS, Val::Ref(a), Val::Ref(b), Val::Int(k));
                    set_slot(m, r, sp - 2, v);
                }
                Instr::Subscr => {
                    let key = slot(m, r, sp - 1);
                    let obj = slot(m, r, sp - 2);
                    if !m.we_are_jitted() {
                        let (o, k) = (m.promote_ref(obj), m.promote_ref(key));
                        if let Some(v) = quick::getitem(o, k) {
                            let v = m.const_ref(v);
                            set_slot(m, r, sp - 2, v);
                            continue;
                        }
                    } else if let Some(v) = iterate::list_getitem(m, obj, key) {
                        set_slot(m, r, sp - 2, v);
                        continue;
                    }
                    let v = helper!(h::GETITEM, Val::Ref(obj), Val::Ref(key));
                    set_slot(m, r, sp - 2, v);
                }
                Instr::StoreSubscr => {
                    let key = slot(m, r, sp - 1);
                    let obj = slot(m, r, sp - 2);
                    let v = slot(m, r, sp - 3);
                    if !m.we_are_jitted() {
                        let (o, k, value) =
                            (m.promote_ref(obj), m.promote_ref(key), m.promote_ref(v));
                        if quick::setitem(o, k, value) {
                            continue;
                        }
                    } else if iterate::list_setitem(m, obj, key, v) {
                        continue;
                    }
                    helper!(h::SETITEM, Val::Ref(obj), Val::Ref(key), Val::Ref(v));
                }
                Instr::DeleteSubscr => {
                    let key = slot(m, r, sp - 1);
                    let obj = slot(m, r, sp - 2);
                    let null = m.const_ref(0);
                    helper!(h::SETITEM, Val::Ref(obj), Val::Ref(key), Val::Ref(null));
                }
                Instr::BuildTuple(n) if n > 0 => {
                    // Allocated here, not in a helper: in compiled code a
                    // tuple that does not escape (one unpacked at once, as
                    // in `a, b = b, a`) is then never built.
                    let size = m.int(n as i64);
                    let t = m.new_array(&objects::TUPLE_ITEMS, size);
                    for j in 0..n {
                        let v = slot(m, r, sp - n + j);
                        let i = m.int(j as i64);
                        m.setarrayitem(t, &objects::TUPLE_ITEMS, i, Val::Ref(v));
                    }
                    set_slot(m, r, sp - n, t);
                }
                Instr::BuildTuple(n)
                | Instr::BuildList(n)
                | Instr::BuildSet(n)
                | Instr::BuildMap(n)
                | Instr::BuildSlice(n)
                | Instr::BuildString(n) => {
                    let (kind, count) = match instr {
                        Instr::BuildTuple(_) => (0, n),
                        Instr::BuildList(_) => (1, n),
                        Instr::BuildSet(_) => (2, n),
                        Instr::BuildMap(_) => (3, 2 * n),
                        Instr::BuildSlice(_) => (4, n),
                        _ => (5, n),
                    };
                    let from = m.int((sp - count) as i64);
                    let n = m.int(n as i64);
                    let k = m.int(kind);
                    let v = helper!(h::BUILD, frame, Val::Int(from), Val::Int(n), Val::Int(k));
                    set_slot(m, r, sp - count, v);
                }
                Instr::ListAppend(d)
                | Instr::SetAdd(d)
                | Instr::ListExtend(d, _)
                | Instr::SetUpdate(d) => {
                    let v = slot(m, r, sp - 1);
                    let c = slot(m, r, sp - 2 - d);
                    let k = m.int(match instr {
                        Instr::ListAppend(_) => 0,
                        Instr::SetAdd(_) => 1,
                        Instr::ListExtend(..) => 2,
                        _ => 3,
                    });
                    // A call's function, which errors name: [f, list, v].
                    let f = match instr {
                        Instr::ListExtend(_, true) => slot(m, r, sp - 3 - d),
                        _ => m.const_ref(0),
                    };
                    helper!(
                        h::CONTAINER_ADD,
                        Val::Ref(c),
                        Val::Ref(v),
                        Val::Int(k),
                        Val::Ref(f)
                    );
                }
                Instr::MapAdd(d) => {
                    let v = slot(m, r, sp - 1);
                    let key = slot(m, r, sp - 2);
                    let c = slot(m, r, sp - 3 - d);
                    helper!(h::SETITEM, Val::Ref(c), Val::Ref(key), Val::Ref(v));
                }
                Instr::DictUpdate(d, for_call) => {
                    let v = slot(m, r, sp - 1);
                    let c = slot(m, r, sp - 2 - d);
                    let k = m.int(4 + for_call as i64);
                    // A call's function: [f, args, dict, v].
                    let f = if for_call {
                        slot(m, r, sp - 4 - d)
                    } else {
                        m.const_ref(0)
                    };
                    helper!(
                        h::CONTAINER_ADD,
                        Val::Ref(c),
                        Val::Ref(v),
                        Val::Int(k),
                        Val::Ref(f)
                    );
                }
                Instr::ListToTuple => {
                    let v = slot(m, r, sp - 1);
                    let v = helper!(h::LIST_TO_TUPLE, Val::Ref(v));
                    set_slot(m, r, sp - 1, v);
                }
                Instr::UnpackSequence(n) | Instr::UnpackEx(n, _) => {
                    if !m.we_are_jitted() && matches!(instr, Instr::UnpackSequence(_)) {
                        let seq = slot(m, r, sp - 1);
                        let seq = m.promote_ref(seq);
                        let unpacked = quick::unpack(seq, n, |i, x| {
                            let x = m.const_ref(x);
                            set_slot(m, r, sp - 1 + i, x);
                        });
                        if unpacked {
                            continue;
                        }
                    } else if matches!(instr, Instr::UnpackSequence(_)) {
                        let v = slot(m, r, sp - 1);
                        if let Some(items) = iterate::unpacked_items(m, v, n) {
                            // The first item ends on top.
                            for (i, &x) in items.iter().rev().enumerate() {
                                set_slot(m, r, sp - 1 + i as u32, x);
                            }
                            continue;
                        }
                    }
                    let after = match instr {
                        Instr::UnpackEx(_, a) => a as i64,
                        _ => -1,
                    };
                    let at = m.int((sp - 1) as i64);
                    let n = m.int(n as i64);
                    let a = m.int(after);
                    helper!(h::UNPACK, frame, Val::Int(at), Val::Int(n), Val::Int(a));
                }
                Instr::FormatValue(conv, has_spec) => {
                    let (v, spec) = if has_spec {
                        (slot(m, r, sp - 2), slot(m, r, sp - 1))
                    } else {
                        (slot(m, r, sp - 1), m.const_ref(0))
                    };
                    let k = m.int(conv as i64);
                    let s = helper!(h::FORMAT_VALUE, Val::Ref(v), Val::Ref(spec), Val::Int(k));
                    set_slot(m, r, sp - 1 - has_spec as u32, s);
                }
                Instr::Jump(target) => {
                    pc = target;
                    if target <= here.pc {
                        let to = Pos { code, pc: target };
                        if let Some(exit) = m.can_enter_jit(to, r) {
                            return Ok(exit);
                        }
                        // Back to a `for` loop's head: the plain interpreter
                        // takes the next item right here.
                        if !m.we_are_jitted() {
                            if let Step {
                                instr: Instr::ForIter,
                                sp,
                            } = code.steps[target as usize]
                            {
                                if let Some(next) = quick_for_iter(m, r, code, target + 1, sp) {
                                    pc = next;
                                }
                            }
                        }
                    }
                }
                Instr::PopJumpIfFalse(target)
                | Instr::PopJumpIfTrue(target)
                | Instr::JumpIfFalseOrPop(target)
                | Instr::JumpIfTrueOrPop(target) => {
                    let v = slot(m, r, sp - 1);
                    let pops = matches!(instr, Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_));
                    let truth = match self.truth(m, here, r, t, v, pops.then_some(sp - 1)) {
                        Ok(t) => t,
                        Err(e) => raise!(e),
                    };
                    let jump_on =
                        matches!(instr, Instr::PopJumpIfTrue(_) | Instr::JumpIfTrueOrPop(_));
                    if truth == jump_on {
                        pc = target;
                    }
                }
                Instr::GetIter => {
                    let v = slot(m, r, sp - 1);
                    let it = helper!(h::GET_ITER, Val::Ref(v));
                    set_slot(m, r, sp - 1, it);
                }
                Instr::ForIter => {
                    let it = slot(m, r, sp - 1);
                    if !mv::is_int(m, it) && m.class_of(it) == objects::GENERATOR {
                        match self.resume_generator(m, here, r, it, GEN_NEXT) {
                            Some(Ok(Exit::Leave(next))) => {
                                pc = next.pc;
                                continue;
                            }
                            Some(other) => return other,
                            None => {}
                        }
                    }
                    if !m.we_are_jitted() {
                        if let Some(next) = quick_for_iter(m, r, code, pc, sp) {
                            pc = next;
                            continue;
                        }
                    } else if !mv::is_int(m, it) && m.class_of(it) == objects::ITER {
                        if let Some(v) = iterate::next(m, it) {
                            let v = v.unwrap_or_else(|| m.const_ref(0));
                            set_slot(m, r, sp, v);
                            continue;
                        }
                    }
                    let v = helper!(h::FOR_ITER, Val::Ref(it));
                    set_slot(m, r, sp, v);
                }
                Instr::ForIterEnd(target) => {
                    let v = slot(m, r, sp - 1);
                    if m.is_null(v) {
                        pc = target;
                    }
                }
                Instr::Call(n) => {
                    let f = slot(m, r, sp - n - 1);
                    if !mv::is_int(m, f) {
                        let class = m.class_of(f);
                        if class == objects::FUNCTION {
                            if let Some(exit) = self.call_function(m, here, r, f, sp - n, n, None) {
                                match exit? {
                                    Exit::Leave(next) => {
                                        pc = next.pc;
                                        continue;
                                    }
                                    other => return Ok(other),
                                }
                            }
                        } else if class == objects::CLASS {
                            if let Some(exit) = self.construct(m, here, r, f, sp - n, n) {
                                match exit? {
                                    Exit::Leave(next) => {
                                        pc = next.pc;
                                        continue;
                                    }
                                    other => return Ok(other),
                                }
                            }
                        }
                    }
                    if !m.we_are_jitted()
                        && n as usize <= quick::DIRECT_ARGS
                        && !mv::is_int(m, f)
                        && matches!(m.class_of(f), objects::BUILTIN | objects::CLASS)
                    {
                        // A built-in, or a class `construct` did not take
                        // (a built-in class, a metaclass, `__new__`...).
                        let fv = m.promote_ref(f);
                        let mut args = [0; quick::DIRECT_ARGS];
                        for (j, a) in args.iter_mut().take(n as usize).enumerate() {
                            let v = slot(m, r, sp - n + j as u32);
                            *a = m.promote_ref(v);
                        }
                        let caller = m.promote_ref(r.frame);
                        let args = &args[..n as usize];
                        let direct = runtime::with_caller(caller, code, || {
                            quick::call_builtin(fv, args)
                                .unwrap_or_else(|| runtime::call_object(fv, args, &[]))
                        });
                        match direct {
                            Ok(v) => {
                                let v = m.const_ref(v);
                                set_slot(m, r, sp - n - 1, v);
                                continue;
                            }
                            Err(e) => {
                                let e = m.const_ref(e);
                                raise!(e);
                            }
                        }
                    }
                    let from = m.int((sp - n - 1) as i64);
                    let code_id = m.int(code.id as i64);
                    let count = m.int(n as i64);
                    let none = m.const_ref(0);
                    let v = helper!(
                        h::CALL,
                        frame,
                        Val::Int(code_id),
                        Val::Int(from),
                        Val::Int(count),
                        Val::Ref(none)
                    );
                    set_slot(m, r, sp - n - 1, v);
                }
                Instr::CallMethod(n) => {
                    let f = slot(m, r, sp - n - 2);
                    let s = slot(m, r, sp - n - 1);
                    if !m.is_null(s) && !mv::is_int(m, f) && m.class_of(f) == objects::FUNCTION {
                        if let Some(exit) = self.call_function(m, here, r, f, sp - n, n, Some(s)) {
                            match exit? {
                                Exit::Leave(next) => {
                                    pc = next.pc;
                                    continue;
                                }
                                other => return Ok(other),
                            }
                        }
                    }
                    if !m.we_are_jitted()
                        && n as usize <= quick::DIRECT_ARGS
                        && !mv::is_int(m, f)
                        && m.class_of(f) == objects::BUILTIN
                    {
                        // The receiver, if any, is the first argument.
                        let fv = m.promote_ref(f);
                        let mut args = [0; quick::DIRECT_ARGS + 1];
                        let first = if m.is_null(s) { sp - n } else { sp - n - 1 };
                        let count = (sp - first) as usize;
                        for (j, a) in args.iter_mut().take(count).enumerate() {
                            let v = slot(m, r, first + j as u32);
                            *a = m.promote_ref(v);
                        }
                        match quick::call_builtin(fv, &args[..count]) {
                            Some(Ok(v)) => {
                                let v = m.const_ref(v);
                                set_slot(m, r, sp - n - 2, v);
                                continue;
                            }
                            Some(Err(e)) => {
                                let e = m.const_ref(e);
                                raise!(e);
                            }
                            None => {}
                        }
                    }
                    let from = m.int((sp - n - 2) as i64);
                    let count = m.int(n as i64);
                    let v = helper!(h::CALL_METHOD, frame, Val::Int(from), Val::Int(count));
                    set_slot(m, r, sp - n - 2, v);
                }
                Instr::CallKw(n, names) => {
                    let from = m.int((sp - n - 1) as i64);
                    let code_id = m.int(code.id as i64);
                    let count = m.int(n as i64);
                    let names = constant(m, code.consts[names as usize]);
                    let v = helper!(
                        h::CALL,
                        frame,
                        Val::Int(code_id),
                        Val::Int(from),
                        Val::Int(count),
                        Val::Ref(names)
                    );
                    set_slot(m, r, sp - n - 1, v);
                }
                Instr::CallEx(has_kw) => {
                    let count = 2 + has_kw as u32;
                    let f = slot(m, r, sp - count);
                    let args = slot(m, r, sp - count + 1);
                    let kw = if has_kw {
                        slot(m, r, sp - 1)
                    } else {
                        m.const_ref(0)
                    };
                    let v = helper!(h::CALL_EX, Val::Ref(f), Val::Ref(args), Val::Ref(kw));
                    set_slot(m, r, sp - count, v);
                }
                Instr::MakeFunction(k, flags) => {
                    let n = flags.count_ones();
                    let from = m.int((sp - n) as i64);
                    let c = m.int(code.codes[k as usize].id as i64);
                    let fl = m.int(flags as i64);
                    let v = helper!(
                        h::MAKE_FUNCTION,
                        frame,
                        Val::Int(from),
                        Val::Int(c),
                        Val::Int(fl)
                    );
                    set_slot(m, r, sp - n, v);
                }
                Instr::Return => {
                    let v = slot(m, r, sp - 1);
                    if code.is_generator {
                        let done = m.const_ref(mv::tag(-1) as usize);
                        set_slot(m, r, code.resume_slot(), done);
                    }
                    return Ok(Exit::Return(Val::Ref(v)));
                }
                Instr::YieldValue => {
                    let v = slot(m, r, sp - 1);
                    let next = m.const_ref(mv::tag(pc as i64) as usize);
                    set_slot(m, r, code.resume_slot(), next);
                    return Ok(Exit::Return(Val::Ref(v)));
                }
                Instr::YieldFrom => {
                    let it = slot(m, r, sp - 2);
                    let sent = slot(m, r, sp - 1);
                    // Gives the subiterator's next value, or its return
                    // value with the frame's resume slot left alone.
                    let flag_at = m.int(code.resume_slot() as i64);
                    let running = m.const_ref(mv::tag(-3) as usize);
                    set_slot(m, r, code.resume_slot(), running);
                    let v = helper!(
                        h::YIELD_FROM,
                        frame,
                        Val::Ref(it),
                        Val::Ref(sent),
                        Val::Int(flag_at)
                    );
                    set_slot(m, r, sp - 1, v);
                }
                Instr::YieldFromEnd => {
                    let v = slot(m, r, sp - 1);
                    let done = slot(m, r, code.resume_slot());
                    let finished = m.const_ref(mv::tag(-2) as usize);
                    let eq = m.ptr_eq(done, finished);
                    if m.is_true(eq) {
                        set_slot(m, r, sp - 2, v);
                    } else {
                        // The generator resumes at the `YieldFrom` before.
                        let again = m.const_ref(mv::tag(pc as i64 - 2) as usize);
                        set_slot(m, r, code.resume_slot(), again);
                        return Ok(Exit::Return(Val::Ref(v)));
                    }
                }
                Instr::Raise(n) => {
                    let (a, b) = match n {
                        0 => (m.const_ref(0), m.const_ref(0)),
                        1 => (slot(m, r, sp - 1), m.const_ref(0)),
                        _ => (slot(m, r, sp - 2), slot(m, r, sp - 1)),
                    };
                    let k = m.int(n as i64);
                    let e =
                        ref_of(m.call(&h::MAKE_RAISE, &[Val::Ref(a), Val::Ref(b), Val::Int(k)]));
                    let how = if n == 0 { How::Reraised } else { How::Raised };
                    match Py::unwind(m, here, r, e, how) {
                        Exit::Leave(h) => pc = h.pc,
                        other => return Ok(other),
                    }
                }
                Instr::Reraise => {
                    let e = slot(m, r, sp - 1);
                    match Py::unwind(m, here, r, e, How::Reraised) {
                        Exit::Leave(h) => pc = h.pc,
                        other => return Ok(other),
                    }
                }
                Instr::PushExcInfo => {
                    let e = slot(m, r, sp - 1);
                    let prev = ref_of(m.call(&h::PUSH_EXC, &[Val::Ref(e)]));
                    set_slot(m, r, sp - 1, prev);
                    set_slot(m, r, sp, e);
                }
                Instr::PopExcept => {
                    let prev = slot(m, r, sp - 1);
                    m.call(&h::POP_EXC, &[Val::Ref(prev)]);
                }
                Instr::PopExceptReraise => {
                    let e = slot(m, r, sp - 1);
                    let prev = slot(m, r, sp - 3);
                    m.call(&h::POP_EXC, &[Val::Ref(prev)]);
                    match Py::unwind(m, here, r, e, How::Reraised) {
                        Exit::Leave(h) => pc = h.pc,
                        other => return Ok(other),
                    }
                }
                Instr::CheckExcMatch => {
                    let ty = slot(m, r, sp - 1);
                    let e = slot(m, r, sp - 2);
                    let v = helper!(h::EXC_MATCH, Val::Ref(e), Val::Ref(ty));
                    set_slot(m, r, sp - 1, v);
                }
                Instr::BeforeWith => {
                    let at = m.int((sp - 1) as i64);
                    helper!(h::BEFORE_WITH, frame, Val::Int(at));
                }
                Instr::WithExitNormal => {
                    let exit = slot(m, r, sp - 1);
                    let none = m.const_ref(0);
                    helper!(h::WITH_EXIT, Val::Ref(exit), Val::Ref(none));
                }
                Instr::WithExitExc => {
                    let exit = slot(m, r, sp - 3);
                    let e = slot(m, r, sp - 1);
                    let v = helper!(h::WITH_EXIT, Val::Ref(exit), Val::Ref(e));
                    set_slot(m, r, sp, v);
                }
                Instr::ImportName(n) => {
                    let level = slot(m, r, sp - 2);
                    let fromlist = slot(m, r, sp - 1);
                    let name = constant(m, code.names[n as usize]);
                    let globals = constant(m, code.globals);
                    let v = helper!(
                        h::IMPORT_NAME,
                        Val::Ref(name),
                        Val::Ref(fromlist),
                        Val::Ref(level),
                        Val::Ref(globals)
                    );
                    set_slot(m, r, sp - 2, v);
                }
                Instr::ImportFrom(n) => {
                    let module = slot(m, r, sp - 1);
                    let name = constant(m, code.names[n as usize]);
                    let v = helper!(h::IMPORT_FROM, Val::Ref(module), Val::Ref(name));
                    set_slot(m, r, sp, v);
                }
                Instr::ImportStar => {
                    let module = slot(m, r, sp - 1);
                    let globals = constant(m, code.globals);
                    helper!(h::IMPORT_STAR, Val::Ref(module), Val::Ref(globals));
                }
                Instr::BuildClass => {
                    let from = m.int((sp - 4) as i64);
                    let v = helper!(h::BUILD_CLASS, frame, Val::Int(from));
                    set_slot(m, r, sp - 4, v);
                }
                Instr::MatchSequence | Instr::MatchMapping | Instr::GetLen => {
                    let subject = slot(m, r, sp - 1);
                    let kind = m.int(match instr {
                        Instr::MatchSequence => 0,
                        Instr::MatchMapping => 1,
                        _ => 2,
                    });
                    let v = helper!(h::MATCH_TEST, Val::Ref(subject), Val::Int(kind));
                    set_slot(m, r, sp, v);
                }
                Instr::MatchKeys => {
                    let subject = slot(m, r, sp - 2);
                    let keys = slot(m, r, sp - 1);
                    let v = helper!(h::MATCH_KEYS, Val::Ref(subject), Val::Ref(keys));
                    set_slot(m, r, sp, v);
                }
                Instr::MatchClass(n) => {
                    let subject = slot(m, r, sp - 3);
                    let cls = slot(m, r, sp - 2);
                    let names = slot(m, r, sp - 1);
                    let n = m.int(n as i64);
                    let v = helper!(
                        h::MATCH_CLASS,
                        Val::Ref(subject),
                        Val::Ref(cls),
                        Val::Ref(names),
                        Val::Int(n)
                    );
                    set_slot(m, r, sp - 3, v);
                }
                Instr::CopyDictWithoutKeys => {
                    let subject = slot(m, r, sp - 2);
                    let keys = slot(m, r, sp - 1);
                    let v = helper!(h::DICT_WITHOUT_KEYS, Val::Ref(subject), Val::Ref(keys));
                    set_slot(m, r, sp - 1, v);
                }
                Instr::LoadAssertionError => {
                    let v = constant(m, t.exception("AssertionError"));
                    set_slot(m, r, sp, v);
                }
                Instr::PrintExpr => {
                    let v = slot(m, r, sp - 1);
                    helper!(h::PRINT_EXPR, Val::Ref(v));
                }
                // Superinstructions (`bytecode/fuse.rs`): the first half, then
                // the second's fast case if it applies (skipping it), else
                // on to the second as its own step.
                Instr::LoadFastLoadFast(i, j) => {
                    load_fast!(i);
                    if let Some(w) = bound_local(m, r, j) {
                        set_slot(m, r, sp + 1, w);
                        pc += 1;
                    }
                }
                Instr::LoadFastConst(i, k) => {
                    load_fast!(i);
                    let c = constant(m, code.consts[k as usize]);
                    set_slot(m, r, sp + 1, c);
                    pc += 1;
                }
                Instr::LoadFastLoadAttr(i, _) => {
                    let obj = load_fast!(i);
                    let o = m.promote_ref(obj);
                    if let Some(v) = inline_cache::load_attr(code, pc, o) {
                        let v = m.const_ref(v);
                        set_slot(m, r, sp, v);
                        pc += 1;
                    }
                }
                Instr::LoadFastLoadMethod(i, _) => {
                    let obj = load_fast!(i);
                    let o = m.promote_ref(obj);
                    if let Some(f) = quick::cached_method(code, pc, o) {
                        let f = m.const_ref(f);
                        set_slot(m, r, sp, f);
                        set_slot(m, r, sp + 1, obj);
                        pc += 1;
                    }
                }
                Instr::LoadFastLoadGlobal(i, _) => {
                    load_fast!(i);
                    if let Some(v) = inline_cache::load_global(code, pc, code.builtins) {
                        let v = m.const_ref(v);
                        set_slot(m, r, sp + 1, v);
                        pc += 1;
                    }
                }
                Instr::LoadFastSubscr(i) => {
                    let key = load_fast!(i);
                    let obj = slot(m, r, sp - 1);
                    let (o, k) = (m.promote_ref(obj), m.promote_ref(key));
                    if let Some(v) = quick::getitem(o, k) {
                        let v = m.const_ref(v);
                        set_slot(m, r, sp - 1, v);
                        pc += 1;
                    }
                }
                Instr::LoadFastBinary(i, op, _) => {
                    let b = load_fast!(i);
                    let a = slot(m, r, sp - 1);
                    if let Some(v) = fast_binary(m, op, a, b) {
                        set_slot(m, r, sp - 1, v);
                        pc += 1;
                    }
                }
                Instr::LoadFastStoreAttr(i, _) => {
                    let obj = load_fast!(i);
                    let v = slot(m, r, sp - 1);
                    let (o, value) = (m.promote_ref(obj), m.promote_ref(v));
                    if inline_cache::store_attr(code, pc, o, value) {
                        pc += 1;
                    }
                }
                Instr::StoreFastLoadFast(i, j) => {
                    store_fast(m, r, i, sp);
                    if let Some(w) = bound_local(m, r, j) {
                        set_slot(m, r, sp - 1, w);
                        pc += 1;
                    }
                }
                Instr::StoreFastConst(i, k) => {
                    store_fast(m, r, i, sp);
                    let c = constant(m, code.consts[k as usize]);
                    set_slot(m, r, sp - 1, c);
                    pc += 1;
                }
                Instr::CompareJump(op, kind, target) => {
                    let b = slot(m, r, sp - 1);
                    let a = slot(m, r, sp - 2);
                    let truth = match compare_numbers(m, op, a, b) {
                        Some(c) => m.is_true(c),
                        None => {
                            let (x, y) = (m.promote_ref(a), m.promote_ref(b));
                            match quick::compare_strs(op, x, y) {
                                Some(v) => v == t.true_,
                                None => {
                                    // The `Compare` alone; the jump follows.
                                    let v = compare_helper!(op, a, b);
                                    set_slot(m, r, sp - 2, v);
                                    continue;
                                }
                            }
                        }
                    };
                    pc = fused_jump(m, r, t, kind, truth, sp - 2, target, pc);
                }
                Instr::IsJump(positive, kind, target) => {
                    let b = slot(m, r, sp - 1);
                    let a = slot(m, r, sp - 2);
                    let same = m.ptr_eq(a, b);
                    let truth = m.is_true(same) == positive;
                    pc = fused_jump(m, r, t, kind, truth, sp - 2, target, pc);
                }
                Instr::ForIterEndStoreFast(target, i) => {
                    let v = slot(m, r, sp - 1);
                    if m.is_null(v) {
                        pc = target;
                        continue;
                    }
                    set_slot(m, r, i, v);
                    pc += 1;
                }
                Instr::LoadAttrLoadFast(n, i) => {
                    let obj = slot(m, r, sp - 1);
                    let o = m.promote_ref(obj);
                    let v = match inline_cache::load_attr(code, here.pc, o) {
                        Some(v) => m.const_ref(v),
                        None => {
                            // The `LoadAttr` alone; the `LoadFast` follows.
                            let name = constant(m, code.names[n as usize]);
                            let v = helper!(h::GETATTR, Val::Ref(obj), Val::Ref(name));
                            inline_cache::fill_load_attr(code, here.pc, o, code.names[n as usize]);
                            set_slot(m, r, sp - 1, v);
                            continue;
                        }
                    };
                    set_slot(m, r, sp - 1, v);
                    load_fast!(i);
                    pc += 1;
                }
                Instr::SubscrStoreFast(i) => {
                    let key = slot(m, r, sp - 1);
                    let obj = slot(m, r, sp - 2);
                    let (o, k) = (m.promote_ref(obj), m.promote_ref(key));
                    if let Some(v) = quick::getitem(o, k) {
                        let v = m.const_ref(v);
                        set_slot(m, r, i, v);
                        pc += 1;
                        continue;
                    }
                    // The `Subscr` alone; the `StoreFast` follows.
                    let v = helper!(h::GETITEM, Val::Ref(obj), Val::Ref(key));
                    set_slot(m, r, sp - 2, v);
                }
                Instr::StoreFastStoreFast(i, j) => {
                    store_fast(m, r, i, sp);
                    store_fast(m, r, j, sp - 1);
                    pc += 1;
                }
                Instr::ConstBinary(k, op, _) => {
                    let b = constant(m, code.consts[k as usize]);
                    let a = slot(m, r, sp - 1);
                    match fast_binary(m, op, a, b) {
                        Some(v) => {
                            set_slot(m, r, sp - 1, v);
                            pc += 1;
                        }
                        // The `Const` alone; the operation follows.
                        None => set_slot(m, r, sp, b),
                    }
                }
            }
        }
    }

    fn after_call<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        at: Pos,
        r: &mut Reds<M>,
        completion: Completion<M>,
    ) -> Result<Exit<Pos, M>, Error> {
        let code = at.code;
        let pc = at.pc & PC_MASK;
        let here = Pos { code, pc };
        let sp = code.stack_base() + code.depths[pc as usize];
        let next = Pos { code, pc: pc + 1 };
        match completion {
            Completion::Raise(e) => {
                if at.pc & GEN_NEXT != 0 {
                    let it = slot(m, r, sp - 1);
                    let zero = m.int(0);
                    m.setfield(it, &h::GENERATOR_RUNNING, Val::Int(zero));
                }
                if at.pc & HELPER == 0 {
                    runtime::leave_call(m);
                }
                Ok(Py::unwind(m, here, r, ref_of(e), How::Raised))
            }
            Completion::Return(v) => {
                let v = ref_of(v);
                if at.pc & GEN_NEXT != 0 {
                    let it = slot(m, r, sp - 1);
                    let gen_frame = m.getfield_ref(it, &h::GENERATOR_FRAME);
                    let gen_code = m.getfield_int(it, &h::GENERATOR_CODE);
                    let gen_code = code_by_id(m.promote_int(gen_code) as u32);
                    let state = {
                        let i = m.int(gen_code.resume_slot() as i64);
                        m.getarrayitem_ref(gen_frame, &FRAME_SLOTS, i)
                    };
                    let done = m.const_ref(mv::tag(-1) as usize);
                    let finished = m.ptr_eq(state, done);
                    let zero = m.int(0);
                    if m.is_true(finished) {
                        m.setfield(it, &h::GENERATOR_RUNNING, Val::Int(zero));
                        runtime::leave_call(m);
                        let null = m.const_ref(0);
                        set_slot(m, r, sp, null);
                        return Ok(Exit::Leave(next));
                    }
                    m.setfield(it, &h::GENERATOR_RUNNING, Val::Int(zero));
                    runtime::leave_call(m);
                    set_slot(m, r, sp, v);
                    return Ok(Exit::Leave(next));
                }
                if at.pc & (HELPER | OPERATOR) == HELPER | OPERATOR {
                    set_slot(m, r, sp - 2, v);
                    return Ok(Exit::Leave(next));
                }
                if at.pc & OPERATOR != 0 {
                    return Ok(self.operator_completed(m, here, r, v, sp));
                }
                let result = match code.instrs[pc as usize] {
                    Instr::Call(n) => sp - n - 1,
                    Instr::CallMethod(n) => sp - n - 2,
                    other => unreachable!("a portal call from {other:?}"),
                };
                if at.pc & INIT != 0 {
                    let none = m.const_ref(Types::get().none);
                    let ok = m.ptr_eq(v, none);
                    let ok = m.is_true(ok);
                    runtime::leave_call(m);
                    if !ok {
                        let e = ref_of(m.call(&h::INIT_NOT_NONE, &[Val::Ref(v)]));
                        return Ok(Py::unwind(m, here, r, e, How::Raised));
                    }
                    return Ok(Exit::Leave(next));
                }
                runtime::leave_call(m);
                set_slot(m, r, result, v);
                Ok(Exit::Leave(next))
            }
        }
    }
}

impl Py {
    /// The truth of `v`, the operand in slot `at`: booleans, None and
    /// small ints inline; anything else is replaced in its slot by its
    /// truth (a helper, which may run `__bool__`), after which the
    /// instruction is a valid resume point again.
    #[inline(always)]
    fn truth<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        here: Pos,
        r: &Reds<M>,
        t: &Types,
        v: M::Ref,
        at: Option<u32>,
    ) -> Result<bool, M::Ref> {
        let tr = m.const_ref(t.true_);
        let is_true = m.ptr_eq(v, tr);
        if m.is_true(is_true) {
            return Ok(true);
        }
        let f = m.const_ref(t.false_);
        let is_false = m.ptr_eq(v, f);
        if m.is_true(is_false) {
            return Ok(false);
        }
        self.truth_of_object(m, here, r, t, v, at)
    }

    /// `truth` past booleans.
    fn truth_of_object<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        here: Pos,
        r: &Reds<M>,
        t: &Types,
        v: M::Ref,
        at: Option<u32>,
    ) -> Result<bool, M::Ref> {
        if mv::is_int(m, v) {
            let zero = m.const_ref(mv::tag(0) as usize);
            let z = m.ptr_eq(v, zero);
            return Ok(!m.is_true(z));
        }
        let none = m.const_ref(t.none);
        let is_none = m.ptr_eq(v, none);
        if m.is_true(is_none) {
            return Ok(false);
        }
        let b = if m.class_of(v) != objects::INSTANCE {
            // Built-in values have no `__bool__` to run.
            ref_of(m.call_may_raise(&h::TRUTH_BUILTIN, &[Val::Ref(v)])?)
        } else {
            let helper_at = Pos {
                code: here.code,
                pc: here.pc | HELPER,
            };
            let b = ref_of(m.call_may_raise_at(&h::TRUTH, &[Val::Ref(v)], helper_at, r)?);
            if let Some(at) = at {
                set_slot(m, r, at, b);
                m.resume_point(here, r);
            }
            b
        };
        let tr = m.const_ref(t.true_);
        let is_true = m.ptr_eq(b, tr);
        Ok(m.is_true(is_true))
    }

    /// Resume the generator `gen` from the instruction at `here` (a
    /// `ForIter`): a portal call of its frame. `None` when it cannot run
    /// (finished or running: the helper path reports it).
    fn resume_generator<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        here: Pos,
        r: &mut Reds<M>,
        gen: M::Ref,
        flag: u32,
    ) -> Option<Result<Exit<Pos, M>, Error>> {
        let code = m.getfield_int(gen, &h::GENERATOR_CODE);
        let code = code_by_id(m.promote_int(code) as u32);
        let gen_frame = m.getfield_ref(gen, &h::GENERATOR_FRAME);
        let running = m.getfield_int(gen, &h::GENERATOR_RUNNING);
        if m.is_true(running) {
            return None;
        }
        let state = {
            let i = m.int(code.resume_slot() as i64);
            m.getarrayitem_ref(gen_frame, &FRAME_SLOTS, i)
        };
        let resume = {
            let w = m.ptr_to_int(state);
            let one = m.int(1);
            let n = m.int_binary(metajit::ir::Opcode::IntRshift, w, one);
            m.promote_int(n)
        };
        if resume < 0 {
            return None;
        }
        if resume > 0 {
            // The value of the `yield` expression it is suspended at.
            let top = code.stack_base() + code.depths[resume as usize] - 1;
            let none = m.const_ref(Types::get().none);
            let i = m.int(top as i64);
            m.setarrayitem(gen_frame, &FRAME_SLOTS, i, Val::Ref(none));
        }
        if !runtime::enter_call(m) {
            return None;
        }
        let one = m.int(1);
        m.setfield(gen, &h::GENERATOR_RUNNING, Val::Int(one));
        let callee = Reds { frame: gen_frame };
        let at = Pos {
            code: here.code,
            pc: here.pc | flag,
        };
        Some(m.call_portal(
            self,
            at,
            r,
            Pos {
                code,
                pc: resume as u32,
            },
            callee,
        ))
    }

    /// `a op b` (`a op= b` when `inplace`), its operands the two slots
    /// below `sp`, as a portal call of the left operand's method when it is
    /// a Python function that CPython's dispatch tries first
    /// (`attrs::left_operator_function`); `None` for anything else.
    fn call_operator<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        here: Pos,
        r: &mut Reds<M>,
        op: BinOp,
        inplace: bool,
        sp: u32,
    ) -> Option<Result<Exit<Pos, M>, Error>> {
        let b = slot(m, r, sp - 1);
        let a = slot(m, r, sp - 2);
        let f = attrs::left_operator_function(m, op, inplace, a, b)?;
        let f = m.const_ref(f);
        let at = Pos {
            code: here.code,
            pc: here.pc | OPERATOR,
        };
        self.call_function(m, at, r, f, sp - 1, 1, Some(a))
    }

    /// The left operand's method (`call_operator`) returned `v`: the
    /// operator's result, unless `v` is `NotImplemented`, when the rest of
    /// the dispatch decides (a helper, which may raise).
    fn operator_completed<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        here: Pos,
        r: &mut Reds<M>,
        v: M::Ref,
        sp: u32,
    ) -> Exit<Pos, M> {
        let code = here.code;
        let not_implemented = m.const_ref(Types::get().not_implemented);
        let declined = m.ptr_eq(v, not_implemented);
        let declined = m.is_true(declined);
        runtime::leave_call(m);
        let v = if declined {
            let (op, inplace) = match code.instrs[here.pc as usize] {
                Instr::Binary(op) => (op, false),
                Instr::InPlace(op) => (op, true),
                other => unreachable!("an operator call from {other:?}"),
            };
            let b = slot(m, r, sp - 1);
            let a = slot(m, r, sp - 2);
            let k = m.int(op as i64 | if inplace { 0x100 } else { 0 });
            let rest = Pos {
                code,
                pc: here.pc | OPERATOR | HELPER,
            };
            let args = [Val::Ref(a), Val::Ref(b), Val::Int(k)];
            match m.call_may_raise_at(&h::BINARY_AFTER_LEFT, &args, rest, r) {
                Ok(v) => ref_of(v),
                Err(e) => return Py::unwind(m, here, r, e, How::Raised),
            }
        } else {
            v
        };
        set_slot(m, r, sp - 2, v);
        Exit::Leave(Pos {
            code,
            pc: here.pc + 1,
        })
    }

    /// `C(args)` for a user class whose `__init__` is a Python function and
    /// whose `__new__` is object's: make the instance (helper) and call
    /// `__init__` as a portal call. `None` for anything else.
    fn construct<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        here: Pos,
        r: &mut Reds<M>,
        class: M::Ref,
        first_arg: u32,
        n: u32,
    ) -> Option<Result<Exit<Pos, M>, Error>> {
        let class_v = m.promote_ref(class);
        let init = runtime::simple_init(class_v)?;
        if !simple_call(objects::get::<objects::PyFunction>(init)?, n + 1) {
            return None;
        }
        let inst = ref_of(m.call(&h::NEW_INSTANCE, &[Val::Ref(class)]));
        m.resume_point(here, r);
        let result_slot = first_arg - 1;
        set_slot(m, r, result_slot, inst);
        let at = Pos {
            code: here.code,
            pc: here.pc | INIT,
        };
        let f = m.const_ref(init);
        self.call_function(m, at, r, f, first_arg, n, Some(inst))
    }
}

/// Can `func` take `given` positional arguments with no binding work
/// beyond filling defaults?
fn simple_call(func: &objects::PyFunction, given: u32) -> bool {
    let defaults = objects::tuple_items(func.defaults.get()).map_or(0, |d| d.len() as u32);
    simple_code(func.code, given) && given + defaults >= func.code.argcount
}

/// Can a function of `code` take `given` positional arguments with no
/// binding work beyond filling defaults, if it has enough of them?
fn simple_code(code: &Code, given: u32) -> bool {
    !(code.varargs || code.varkw || code.kwonly > 0 || code.is_generator || given > code.argcount)
}

/// The code of `f` if it is a Python function. Compiled code checks the
/// class and promotes the code's id, unless the function is a constant
/// (a global, a class's method) already.
fn callee_code<M: Mode>(m: &mut M, f: M::Ref) -> Option<&'static Code> {
    if m.is_constant(f) {
        let fv = m.promote_ref(f);
        return objects::get::<objects::PyFunction>(fv).map(|func| func.code);
    }
    if mv::is_int(m, f) || m.class_of(f) != objects::FUNCTION {
        return None;
    }
    let id = m.getfield_int(f, &h::FUNCTION_CODE_ID);
    Some(code_by_id(m.promote_int(id) as u32))
}

/// `a op b` on two small ints or two floats, inline; `None` otherwise.
fn fast_binary<M: Mode>(m: &mut M, op: BinOp, a: M::Ref, b: M::Ref) -> Option<M::Ref> {
    use metajit::ir::Opcode;
    if mv::is_int(m, a) {
        if !mv::is_int(m, b) {
            return None;
        }
        return fast_int_binary(m, op, a, b);
    }
    if !matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv)
        || m.class_of(a) != metajit::value::FLOAT_BOX_TYPE_ID
        || mv::is_int(m, b)
        || m.class_of(b) != metajit::value::FLOAT_BOX_TYPE_ID
    {
        return None;
    }
    let x = mv::float_value(m, a);
    let y = mv::float_value(m, b);
    let z = match op {
        BinOp::Add => m.float_binary(Opcode::FloatAdd, x, y),
        BinOp::Sub => m.float_binary(Opcode::FloatSub, x, y),
        BinOp::Mul => m.float_binary(Opcode::FloatMul, x, y),
        _ => {
            let zero = m.float(0.0);
            let is_zero = m.float_compare(Opcode::FloatEq, y, zero);
            if m.is_true(is_zero) {
                return None;
            }
            m.float_binary(Opcode::FloatTrueDiv, x, y)
        }
    };
    Some(mv::new_float(m, z))
}

/// `a op b` on two small ints, inline, when the result is a small int and
/// the operation has no error to raise; `None` otherwise (the helper then
/// does it, big integers and errors included). Tagged words are `2n+1`:
/// `&` and `|` of two of them are tagged already.
fn fast_int_binary<M: Mode>(m: &mut M, op: BinOp, a: M::Ref, b: M::Ref) -> Option<M::Ref> {
    use metajit::ir::Opcode;
    let one = m.int(1);
    match op {
        BinOp::Add => mv::add_ints(m, a, b),
        BinOp::Sub => mv::sub_ints(m, a, b),
        BinOp::Mul => mv::mul_ints(m, a, b),
        BinOp::And | BinOp::Or | BinOp::Xor => {
            let (x, y) = (m.ptr_to_int(a), m.ptr_to_int(b));
            let w = match op {
                BinOp::And => m.int_binary(Opcode::IntAnd, x, y),
                BinOp::Or => m.int_binary(Opcode::IntOr, x, y),
                _ => {
                    let z = m.int_binary(Opcode::IntXor, x, y);
                    m.int_binary(Opcode::IntOr, z, one)
                }
            };
            Some(m.int_to_ptr(w))
        }
        // Python's floor division and modulo by a positive divisor: the
        // truncating ones, corrected towards minus infinity.
        BinOp::FloorDiv | BinOp::Mod => {
            let (x, y) = (mv::int_value(m, a), mv::int_value(m, b));
            let zero = m.int(0);
            let positive = m.int_binary(Opcode::IntGt, y, zero);
            if !m.is_true(positive) {
                return None;
            }
            let q = m.int_binary(Opcode::IntFloorDiv, x, y);
            let rem = m.int_binary(Opcode::IntMod, x, y);
            let negative = m.int_binary(Opcode::IntLt, rem, zero);
            let negative = m.is_true(negative);
            let z = match (op, negative) {
                (BinOp::FloorDiv, false) => q,
                (BinOp::FloorDiv, true) => m.int_sub(q, one),
                (_, false) => rem,
                (_, true) => m.int_binary(Opcode::IntAdd, rem, y),
            };
            mv::new_int(m, z)
        }
        BinOp::RShift => {
            let (x, y) = (mv::int_value(m, a), mv::int_value(m, b));
            let zero = m.int(0);
            let sixty_four = m.int(64);
            let nonnegative = m.int_binary(Opcode::IntGe, y, zero);
            if !m.is_true(nonnegative) {
                return None;
            }
            let small = m.int_binary(Opcode::IntLt, y, sixty_four);
            if !m.is_true(small) {
                return None;
            }
            let z = m.int_binary(Opcode::IntRshift, x, y);
            mv::new_int(m, z)
        }
        _ => None,
    }
}

/// `a op b` on two small ints or two floats, inline.
fn fast_compare<M: Mode>(m: &mut M, op: CmpOp, a: M::Ref, b: M::Ref) -> Option<M::Ref> {
    let c = compare_numbers(m, op, a, b)?;
    Some(boolean(m, c))
}

/// `a op b` on two small ints or two floats as 0 or 1; `None` otherwise.
#[inline(always)]
fn compare_numbers<M: Mode>(m: &mut M, op: CmpOp, a: M::Ref, b: M::Ref) -> Option<M::Int> {
    use metajit::ir::Opcode;
    if !mv::is_int(m, a) {
        if m.class_of(a) != metajit::value::FLOAT_BOX_TYPE_ID
            || mv::is_int(m, b)
            || m.class_of(b) != metajit::value::FLOAT_BOX_TYPE_ID
        {
            return None;
        }
        let (x, y) = (mv::float_value(m, a), mv::float_value(m, b));
        let opcode = match op {
            CmpOp::Lt => Opcode::FloatLt,
            CmpOp::Le => Opcode::FloatLe,
            CmpOp::Eq => Opcode::FloatEq,
            CmpOp::Ne => Opcode::FloatNe,
            CmpOp::Gt => Opcode::FloatGt,
            CmpOp::Ge => Opcode::FloatGe,
        };
        return Some(m.float_compare(opcode, x, y));
    }
    if !mv::is_int(m, b) {
        return None;
    }
    // Tagged words compare as their integers do.
    let (x, y) = (m.ptr_to_int(a), m.ptr_to_int(b));
    let opcode = match op {
        CmpOp::Lt => Opcode::IntLt,
        CmpOp::Le => Opcode::IntLe,
        CmpOp::Eq => Opcode::IntEq,
        CmpOp::Ne => Opcode::IntNe,
        CmpOp::Gt => Opcode::IntGt,
        CmpOp::Ge => Opcode::IntGe,
    };
    Some(m.int_binary(opcode, x, y))
}
