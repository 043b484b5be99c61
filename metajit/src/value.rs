//! Values: the one representation every language shares
//! (docs/architecture.md, "Values").
//!
//! A value is one 64-bit word, carried as a reference (`M::Ref`). A small
//! integer n is the odd word 2n+1; anything else is a pointer to a heap
//! object, which is 8-byte aligned and so even. The collector never takes an
//! odd word for a pointer, so tagged integers need no boxes and no rooting
//! care. A float is a reference to a box (`FLOAT_BOX`). Integers that do not
//! fit in 63 bits are the language's business (a big-integer object): the
//! helpers here say so by returning `None`.
//!
//! The helpers are written against `Mode`, so a traced operation becomes the
//! few IR operations the optimizer and the backends already know: untagging
//! is `cast_ptr_to_int` and a shift, and arithmetic works on the tagged form
//! where it can (docs/architecture.md, "Decisions, and why"): for tagged a
//! and b, `a + b - 1` is the tagged sum, so an add is one `int_sub` and one
//! `int_add_ovf` with its `guard_no_overflow`, and the overflow of the tagged
//! add is exactly the overflow of the 63-bit one.

use crate::gc::{self, TypeLayout};
use crate::hints::{Mode, Val};
use crate::ir::{FieldDescr, Opcode, SizeDescr, Type};
use std::sync::Once;

/// The range of small integers.
pub const SMALL_INT_MIN: i64 = i64::MIN >> 1;
pub const SMALL_INT_MAX: i64 = i64::MAX >> 1;

/// Type ids of metajit's own objects; languages number theirs below this.
pub const FLOAT_BOX_TYPE_ID: u32 = 0x7000_0001;

pub static FLOAT_BOX: SizeDescr = SizeDescr {
    name: "float_box",
    type_id: FLOAT_BOX_TYPE_ID,
    size: 16,
};
pub static FLOAT_VALUE: FieldDescr = FieldDescr {
    name: "float_value",
    offset: 8,
    ty: Type::Float,
};

/// The word of the small integer `n` (which must fit).
pub fn tag(n: i64) -> u64 {
    debug_assert!((SMALL_INT_MIN..=SMALL_INT_MAX).contains(&n));
    ((n << 1) | 1) as u64
}

/// The integer a tagged word stands for.
pub fn untag(w: u64) -> i64 {
    (w as i64) >> 1
}

pub fn is_tagged(w: u64) -> bool {
    w & 1 == 1
}

/// The small integer `n` as a value, if it fits.
pub fn small_int(n: i64) -> Option<u64> {
    (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&n).then(|| tag(n))
}

/// Is `v` a small integer? (A guard on its tag bit.)
pub fn is_int<M: Mode>(m: &mut M, v: M::Ref) -> bool {
    let w = m.ptr_to_int(v);
    let one = m.int(1);
    let bit = m.int_binary(Opcode::IntAnd, w, one);
    m.is_true(bit)
}

/// The integer in the small-integer value `v`.
pub fn int_value<M: Mode>(m: &mut M, v: M::Ref) -> M::Int {
    let w = m.ptr_to_int(v);
    let one = m.int(1);
    m.int_binary(Opcode::IntRshift, w, one)
}

/// `n` as a value, or `None` if it does not fit in a small integer.
pub fn new_int<M: Mode>(m: &mut M, n: M::Int) -> Option<M::Ref> {
    let twice = m.int_ovf(Opcode::IntAddOvf, n, n)?;
    let one = m.int(1);
    let w = m.int_binary(Opcode::IntOr, twice, one);
    Some(m.int_to_ptr(w))
}

/// The sum of two small integers, or `None` when it does not fit.
pub fn add_ints<M: Mode>(m: &mut M, a: M::Ref, b: M::Ref) -> Option<M::Ref> {
    let (x, y) = (m.ptr_to_int(a), m.ptr_to_int(b));
    let one = m.int(1);
    let x = m.int_sub(x, one);
    let sum = m.int_ovf(Opcode::IntAddOvf, x, y)?;
    Some(m.int_to_ptr(sum))
}

/// The difference of two small integers, or `None` when it does not fit.
pub fn sub_ints<M: Mode>(m: &mut M, a: M::Ref, b: M::Ref) -> Option<M::Ref> {
    let (x, y) = (m.ptr_to_int(a), m.ptr_to_int(b));
    let difference = m.int_ovf(Opcode::IntSubOvf, x, y)?;
    let one = m.int(1);
    let w = m.int_binary(Opcode::IntOr, difference, one);
    Some(m.int_to_ptr(w))
}

/// The product of two small integers, or `None` when it does not fit:
/// (2a+1 - 1) * b is 2ab, so one operand is untagged and the other only
/// loses its tag bit.
pub fn mul_ints<M: Mode>(m: &mut M, a: M::Ref, b: M::Ref) -> Option<M::Ref> {
    let x = int_value(m, a);
    let y = m.ptr_to_int(b);
    let one = m.int(1);
    let y = m.int_sub(y, one);
    let product = m.int_ovf(Opcode::IntMulOvf, x, y)?;
    let w = m.int_binary(Opcode::IntOr, product, one);
    Some(m.int_to_ptr(w))
}

/// A float as a value: a new box.
pub fn new_float<M: Mode>(m: &mut M, x: M::Float) -> M::Ref {
    register_types();
    let boxed = m.new_object(&FLOAT_BOX);
    m.setfield(boxed, &FLOAT_VALUE, Val::Float(x));
    boxed
}

/// Is `v` a float box? (Guards on the tag bit and the class.)
pub fn is_float<M: Mode>(m: &mut M, v: M::Ref) -> bool {
    !is_int(m, v) && m.class_of(v) == FLOAT_BOX_TYPE_ID
}

/// The float in the float box `v`.
pub fn float_value<M: Mode>(m: &mut M, v: M::Ref) -> M::Float {
    m.getfield_float(v, &FLOAT_VALUE)
}

/// Tell the collector that float boxes hold no references.
fn register_types() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| gc::register_type(FLOAT_BOX_TYPE_ID, TypeLayout::Fixed { refs: Vec::new() }));
}
