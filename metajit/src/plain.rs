//! The plain mode: the interpreter running as ordinary Rust.
//!
//! Every operation is the operation itself (`ir::eval` inlined with a
//! constant opcode folds to one machine instruction), every guard is the
//! branch itself. The only JIT cost is `can_enter_jit`: one hashed counter
//! tick at user-level back edges (`driver::JitShared::tick`).

use crate::abi;
use crate::driver::run_plain;
use crate::heap;
use crate::hints::{Exit, Flow, Greens, Interpreter, Mode, RedState, Val};
use crate::ir::{eval, ArrayDescr, CallDescr, FieldDescr, Opcode, SizeDescr, Type};
use crate::portal;
use crate::shared::JitShared;
use std::rc::Rc;

pub struct Plain<G: Greens> {
    pub(crate) jit: Rc<JitShared<G>>,
}

/// The machine word of a plain value.
pub(crate) fn word<G: Greens>(v: Val<Plain<G>>) -> u64 {
    match v {
        Val::Int(i) => i as u64,
        Val::Ref(r) => r as u64,
        Val::Float(f) => f.to_bits(),
    }
}

/// The plain value of type `ty` held in a machine word.
pub(crate) fn from_word<G: Greens>(ty: Type, w: u64) -> Val<Plain<G>> {
    match ty {
        Type::Int | Type::Void => Val::Int(w as i64),
        Type::Ref => Val::Ref(w as usize),
        Type::Float => Val::Float(f64::from_bits(w)),
    }
}

impl<G: Greens> Mode for Plain<G> {
    #[inline(always)]
    fn is_constant(&self, _r: usize) -> bool {
        true
    }
    type G = G;
    type Int = i64;
    type Ref = usize;
    type Float = f64;

    #[inline(always)]
    fn we_are_jitted(&self) -> bool {
        false
    }
    #[inline(always)]
    fn int(&mut self, v: i64) -> i64 {
        v
    }
    #[inline(always)]
    fn float(&mut self, v: f64) -> f64 {
        v
    }
    #[inline(always)]
    fn const_ref(&mut self, p: usize) -> usize {
        p
    }
    #[inline(always)]
    fn int_unary(&mut self, op: Opcode, a: i64) -> i64 {
        eval::unary(op, a as u64) as i64
    }
    #[inline(always)]
    fn int_binary(&mut self, op: Opcode, a: i64, b: i64) -> i64 {
        eval::binary(op, a as u64, b as u64) as i64
    }
    #[inline(always)]
    fn int_ovf(&mut self, op: Opcode, a: i64, b: i64) -> Option<i64> {
        let (r, overflowed) = eval::overflowing(op, a as u64, b as u64);
        (!overflowed).then_some(r as i64)
    }
    #[inline(always)]
    fn float_unary(&mut self, op: Opcode, a: f64) -> f64 {
        f64::from_bits(eval::unary(op, a.to_bits()))
    }
    #[inline(always)]
    fn float_binary(&mut self, op: Opcode, a: f64, b: f64) -> f64 {
        f64::from_bits(eval::binary(op, a.to_bits(), b.to_bits()))
    }
    #[inline(always)]
    fn float_compare(&mut self, op: Opcode, a: f64, b: f64) -> i64 {
        eval::binary(op, a.to_bits(), b.to_bits()) as i64
    }
    #[inline(always)]
    fn int_to_float(&mut self, a: i64) -> f64 {
        a as f64
    }
    #[inline(always)]
    fn float_to_int(&mut self, a: f64) -> i64 {
        a as i64
    }
    #[inline(always)]
    fn ptr_eq(&mut self, a: usize, b: usize) -> i64 {
        (a == b) as i64
    }
    #[inline(always)]
    fn ptr_to_int(&mut self, r: usize) -> i64 {
        r as i64
    }
    #[inline(always)]
    fn int_to_ptr(&mut self, i: i64) -> usize {
        i as usize
    }
    #[inline(always)]
    fn is_true(&mut self, a: i64) -> bool {
        a != 0
    }
    #[inline(always)]
    fn is_null(&mut self, r: usize) -> bool {
        r == 0
    }
    #[inline(always)]
    fn promote_int(&mut self, a: i64) -> i64 {
        a
    }
    #[inline(always)]
    fn promote_ref(&mut self, r: usize) -> usize {
        r
    }
    #[inline(always)]
    fn class_of(&mut self, r: usize) -> u32 {
        // SAFETY: the `Mode` contract (hints.rs): `r` is a live object.
        unsafe { heap::type_id(r) }
    }
    #[inline(always)]
    fn getfield_int(&mut self, obj: usize, d: &'static FieldDescr) -> i64 {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        unsafe { heap::load(obj, d.offset as i64, 8) as i64 }
    }
    #[inline(always)]
    fn getfield_ref(&mut self, obj: usize, d: &'static FieldDescr) -> usize {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        unsafe { heap::load(obj, d.offset as i64, 8) as usize }
    }
    #[inline(always)]
    fn getfield_float(&mut self, obj: usize, d: &'static FieldDescr) -> f64 {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        unsafe { f64::from_bits(heap::load(obj, d.offset as i64, 8)) }
    }
    #[inline(always)]
    fn setfield(&mut self, obj: usize, d: &'static FieldDescr, v: Val<Self>) {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        unsafe { heap::store(obj, d.offset as i64, 8, word(v)) }
    }
    #[inline(always)]
    fn getarrayitem_int(&mut self, arr: usize, d: &'static ArrayDescr, i: i64) -> i64 {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        unsafe { heap::load(arr, heap::item_offset(d, i), d.item_size) as i64 }
    }
    #[inline(always)]
    fn getarrayitem_ref(&mut self, arr: usize, d: &'static ArrayDescr, i: i64) -> usize {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        unsafe { heap::load(arr, heap::item_offset(d, i), 8) as usize }
    }
    #[inline(always)]
    fn getarrayitem_float(&mut self, arr: usize, d: &'static ArrayDescr, i: i64) -> f64 {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        unsafe { f64::from_bits(heap::load(arr, heap::item_offset(d, i), 8)) }
    }
    #[inline(always)]
    fn setarrayitem(&mut self, arr: usize, d: &'static ArrayDescr, i: i64, v: Val<Self>) {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        unsafe { heap::store(arr, heap::item_offset(d, i), d.item_size, word(v)) }
    }
    #[inline(always)]
    fn arraylen(&mut self, arr: usize, d: &'static ArrayDescr) -> i64 {
        // SAFETY: the `Mode` contract (hints.rs): `arr` is a live `d` array.
        unsafe { heap::load(arr, d.len_offset as i64, 8) as i64 }
    }
    #[inline(always)]
    fn new_object(&mut self, d: &'static SizeDescr) -> usize {
        heap::alloc_object(d)
    }
    #[inline(always)]
    fn new_array(&mut self, d: &'static ArrayDescr, len: i64) -> usize {
        heap::alloc_array(d, len)
    }
    #[inline]
    fn call(&mut self, d: &'static CallDescr, args: &[Val<Self>]) -> Val<Self> {
        // On the stack: a call allocates nothing.
        let mut words = [0u64; abi::MAX_ARGS];
        for (w, &a) in words.iter_mut().zip(args) {
            *w = word(a);
        }
        let words = &words[..args.len().min(abi::MAX_ARGS)];
        // SAFETY: the words are the interpreter's plain values, `Ref`s being
        // references it got from the heap, which is what a helper declared
        // with `Ref` parameters accepts (`abi::invoke`'s contract).
        from_word(d.ret(), unsafe { abi::invoke(d, words) })
    }
    fn call_may_raise(
        &mut self,
        d: &'static CallDescr,
        args: &[Val<Self>],
    ) -> Result<Val<Self>, usize> {
        let v = self.call(d, args);
        match portal::take_raised() {
            Some(exception) => Err(exception),
            None => Ok(v),
        }
    }
    #[inline(always)]
    fn call_may_raise_at<R: RedState<Self>>(
        &mut self,
        d: &'static CallDescr,
        args: &[Val<Self>],
        _at: G,
        _reds: &R,
    ) -> Result<Val<Self>, usize> {
        self.call_may_raise(d, args)
    }
    fn call_portal<I: Interpreter<G = G>>(
        &mut self,
        interp: &I,
        at: G,
        caller: &mut I::Reds<Self>,
        callee: G,
        callee_reds: I::Reds<Self>,
    ) -> Result<Exit<G, Self>, I::Error> {
        let first = self.jit.enter_function(callee);
        let completion = run_plain(self, interp, callee, callee_reds, first)?;
        interp.after_call(self, at, caller, completion)
    }
    #[inline(always)]
    fn resume_point<R: RedState<Self>>(&mut self, _greens: G, _reds: &R) {}
    #[inline(always)]
    fn virtualizable(&mut self, _object: usize, _d: &'static ArrayDescr) {}
    #[inline(always)]
    fn quasi_immutable(&mut self, obj: usize, d: &'static FieldDescr) -> u64 {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        unsafe { heap::load(obj, d.offset as i64, 8) }
    }
    fn set_quasi_immutable(&mut self, obj: usize, d: &'static FieldDescr, v: Val<Self>) {
        crate::quasi::invalidate(d);
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        unsafe { heap::store(obj, d.offset as i64, 8, word(v)) }
    }
    #[inline(always)]
    fn jit_merge_point<R: RedState<Self>>(
        &mut self,
        _greens: G,
        _reds: &R,
    ) -> Option<Exit<G, Self>> {
        None
    }
    #[inline(always)]
    fn can_enter_jit<R: RedState<Self>>(&mut self, greens: G, _reds: &R) -> Option<Exit<G, Self>> {
        match self.jit.tick(greens) {
            Flow::Continue => None,
            Flow::Leave => Some(Exit::Leave(greens)),
        }
    }
}
