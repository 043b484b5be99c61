//! `range`: construction, length, indexing and slicing, membership,
//! `index`/`count`, equality, hash, repr and iteration.
//!
//! A range's bounds are arbitrary ints (`range(10**20)` is legal), so they
//! are kept as big integers and every computation here is exact; iteration
//! takes the machine-word path (`objects::ITER_RANGE`) whenever the bounds fit,
//! which is every range a loop counts with in practice.

use super::{exc, number, ops, PyResult};
use crate::objects::{self, get, IterState, PyRange, PySlice, Types, Value};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// `range(stop)`, `range(start, stop[, step])`.
pub fn construct(args: &[Value]) -> PyResult {
    if let Some(r) = construct_words(args) {
        return Ok(r);
    }
    let ints = args
        .iter()
        .map(|&a| number::index_bigint(a))
        .collect::<PyResult<Vec<BigInt>>>();
    let (start, stop, step) = match args.len() {
        0 => return Err(exc::type_error("range expected at least 1 argument, got 0")),
        1..=3 => {
            let mut ints = ints?.into_iter();
            let a = ints.next().unwrap();
            match (ints.next(), ints.next()) {
                (None, _) => (BigInt::zero(), a, BigInt::one()),
                (Some(b), None) => (a, b, BigInt::one()),
                (Some(b), Some(c)) => (a, b, c),
            }
        }
        n => {
            return Err(exc::type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )))
        }
    };
    if step.is_zero() {
        return Err(exc::value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(start, stop, step))
}

/// `construct` when every argument is a small int and the step is not
/// zero: the range with machine-word bounds, no big integer made.
fn construct_words(args: &[Value]) -> Option<Value> {
    let word = |v: Value| objects::is_small_int(v).then(|| objects::small_int_value(v));
    let (start, stop, step) = match *args {
        [stop] => (0, word(stop)?, 1),
        [start, stop] => (word(start)?, word(stop)?, 1),
        [start, stop, step] => (word(start)?, word(stop)?, word(step)?),
        _ => return None,
    };
    (step != 0).then(|| objects::alloc(PyRange::Words { start, stop, step }))
}

/// A range of these bounds, in machine words when they all fit.
pub fn new_range(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    objects::alloc(match (start.to_i64(), stop.to_i64(), step.to_i64()) {
        (Some(start), Some(stop), Some(step)) => PyRange::Words { start, stop, step },
        _ => PyRange::Big { start, stop, step },
    })
}

/// A range's bounds as arbitrary ints, for the exact computations.
struct Bounds {
    start: BigInt,
    stop: BigInt,
    step: BigInt,
}

fn range_of(v: Value) -> Bounds {
    match get::<PyRange>(v).expect("a range") {
        PyRange::Words { start, stop, step } => Bounds {
            start: BigInt::from(*start),
            stop: BigInt::from(*stop),
            step: BigInt::from(*step),
        },
        PyRange::Big { start, stop, step } => Bounds {
            start: start.clone(),
            stop: stop.clone(),
            step: step.clone(),
        },
    }
}

/// The number of items of a range with machine-word bounds (at most
/// 2**64, so it fits an `i128`).
fn word_length(start: i64, stop: i64, step: i64) -> i128 {
    let (lo, hi, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && lo < hi {
        (hi - lo - 1) / step + 1
    } else if step < 0 && lo > hi {
        (lo - hi - 1) / (-step) + 1
    } else {
        0
    }
}

/// The number of items, exactly.
fn length(r: &Bounds) -> BigInt {
    let (lo, hi, step) = (&r.start, &r.stop, &r.step);
    if step.is_positive() && lo < hi {
        (hi - lo - 1u32) / step + 1u32
    } else if step.is_negative() && lo > hi {
        (lo - hi - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

/// `len(r)`: CPython refuses a length beyond a machine word.
pub fn len(v: Value) -> PyResult<i64> {
    let too_long = || exc::overflow_error("Python int too large to convert to C ssize_t");
    if let Some(&PyRange::Words { start, stop, step }) = get::<PyRange>(v) {
        return i64::try_from(word_length(start, stop, step)).map_err(|_| too_long());
    }
    length(&range_of(v)).to_i64().ok_or_else(too_long)
}

pub fn is_empty(v: Value) -> bool {
    if let Some(&PyRange::Words { start, stop, step }) = get::<PyRange>(v) {
        return word_length(start, stop, step) == 0;
    }
    length(&range_of(v)).is_zero()
}

fn item_at(r: &Bounds, i: &BigInt) -> BigInt {
    &r.start + i * &r.step
}

/// `r[key]`: an item, or a range for a slice.
pub fn subscript(v: Value, key: Value) -> PyResult {
    let r = &range_of(v);
    let n = length(r);
    if let Some(s) = get::<PySlice>(key) {
        let (a, b, c) = slice_bounds(s, &n)?;
        return Ok(new_range(item_at(r, &a), item_at(r, &b), &r.step * c));
    }
    let i = match number::index_bigint(key) {
        Ok(i) => i,
        Err(_) => {
            return Err(exc::type_error(format!(
                "range indices must be integers or slices, not {}",
                objects::types::type_name(key)
            )))
        }
    };
    let i = if i.is_negative() { i + &n } else { i };
    if i.is_negative() || i >= n {
        return Err(exc::index_error("range object index out of range"));
    }
    Ok(objects::new_bigint(item_at(r, &i)))
}

/// A slice resolved against a length that may exceed a machine word
/// (CPython's `_PySlice_GetLongIndices`).
fn slice_bounds(s: &PySlice, n: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let none = Types::get().none;
    let bound = |v: Value| -> PyResult<Option<BigInt>> {
        if v == none {
            return Ok(None);
        }
        number::index_bigint(v).map(Some).map_err(|_| {
            exc::type_error("slice indices must be integers or None or have an __index__ method")
        })
    };
    let step = bound(s.step)?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(exc::value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step.is_negative() {
        (BigInt::from(-1), n - 1u32)
    } else {
        (BigInt::zero(), n.clone())
    };
    let adjust = |v: Option<BigInt>, default: &BigInt| match v {
        None => default.clone(),
        Some(k) if k.is_negative() => (k + n).max(lower.clone()),
        Some(k) => k.min(upper.clone()),
    };
    let (start, stop) = if step.is_negative() {
        (
            adjust(bound(s.start)?, &upper),
            adjust(bound(s.stop)?, &lower),
        )
    } else {
        (
            adjust(bound(s.start)?, &lower),
            adjust(bound(s.stop)?, &upper),
        )
    };
    Ok((start, stop, step))
}

/// Where the int `item` is in the range, if it is an int and there.
fn position(r: &Bounds, item: Value) -> Option<BigInt> {
    let n = objects::bigint_of(item)?;
    let (q, rem) = (n - &r.start).div_rem(&r.step);
    (rem.is_zero() && !q.is_negative() && q < length(r)).then_some(q)
}

/// `item in r`: arithmetic for ints, equality with each item otherwise.
pub fn contains(v: Value, item: Value) -> PyResult<bool> {
    let r = &range_of(v);
    if objects::int_of(item).is_some() {
        return Ok(position(r, item).is_some());
    }
    for x in items(r) {
        if ops::eq(objects::new_bigint(x), item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn items(r: &Bounds) -> impl Iterator<Item = BigInt> + '_ {
    let n = length(r);
    let mut i = BigInt::zero();
    std::iter::from_fn(move || {
        (i < n).then(|| {
            let x = item_at(r, &i);
            i += 1u32;
            x
        })
    })
}

/// `r.index(x)`.
pub fn index(v: Value, item: Value) -> PyResult {
    let r = &range_of(v);
    if objects::int_of(item).is_some() {
        if let Some(i) = position(r, item) {
            return Ok(objects::new_bigint(i));
        }
    } else {
        for (i, x) in items(r).enumerate() {
            if ops::eq(objects::new_bigint(x), item)? {
                return Ok(objects::new_int(i as i64));
            }
        }
    }
    Err(exc::value_error(format!(
        "{} is not in range",
        ops::repr(item)?
    )))
}

/// `r.count(x)`.
pub fn count(v: Value, item: Value) -> PyResult {
    let r = &range_of(v);
    if objects::int_of(item).is_some() {
        return Ok(objects::new_int(position(r, item).is_some() as i64));
    }
    let mut n = 0;
    for x in items(r) {
        if ops::eq(objects::new_bigint(x), item)? {
            n += 1;
        }
    }
    Ok(objects::new_int(n))
}

/// What equality and the hash look at: the length, the first item when
/// there is one, the step when there are two or more.
fn identity(r: &Bounds) -> (BigInt, Option<BigInt>, Option<BigInt>) {
    let n = length(r);
    if n.is_zero() {
        (n, None, None)
    } else if n.is_one() {
        (n, Some(r.start.clone()), None)
    } else {
        (n, Some(r.start.clone()), Some(r.step.clone()))
    }
}

pub fn equal(a: Value, b: Value) -> bool {
    identity(&range_of(a)) == identity(&range_of(b))
}

/// CPython hashes a range as the tuple `(len, start or None, step or None)`.
pub fn hash(v: Value) -> i64 {
    use crate::runtime::hash::{hash_int, hash_tuple};
    let none_hash = ops::hash(Types::get().none).unwrap_or(0);
    let part = |x: Option<BigInt>| x.map_or(none_hash, |x| hash_int(&x.into()));
    let (n, start, step) = identity(&range_of(v));
    hash_tuple([hash_int(&n.into()), part(start), part(step)].into_iter())
}

pub fn repr(v: Value) -> String {
    let r = &range_of(v);
    if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

/// `r.start`, `r.stop`, `r.step`.
pub fn attribute(v: Value, name: &str) -> Option<Value> {
    let r = &range_of(v);
    let n = match name {
        "start" => &r.start,
        "stop" => &r.stop,
        "step" => &r.step,
        _ => return None,
    };
    Some(objects::new_bigint(n.clone()))
}

/// An iterator over a range whose bounds fit machine words.
fn word_iter(start: &BigInt, stop: &BigInt, step: &BigInt) -> Option<Value> {
    Some(objects::new_range_iter(
        start.to_i64()?,
        stop.to_i64()?,
        step.to_i64()?,
    ))
}

/// `iter(r)`.
pub fn iter(v: Value) -> Value {
    if let Some(&PyRange::Words { start, stop, step }) = get::<PyRange>(v) {
        return objects::new_range_iter(start, stop, step);
    }
    let r = &range_of(v);
    word_iter(&r.start, &r.stop, &r.step)
        .unwrap_or_else(|| big_iter(r.start.clone(), length(r), r.step.clone()))
}

/// `reversed(r)`.
pub fn reversed(v: Value) -> Value {
    let r = &range_of(v);
    let n = length(r);
    let last = if n.is_zero() {
        r.start.clone()
    } else {
        item_at(r, &(&n - 1u32))
    };
    let step = -&r.step;
    let stop = &last + &step * &n;
    word_iter(&last, &stop, &step).unwrap_or_else(|| big_iter(last, n, step))
}

/// An iterator over a range whose bounds exceed a machine word.
fn big_iter(first: BigInt, count: BigInt, step: BigInt) -> Value {
    objects::new_iter(IterState::BigRange {
        next: first,
        remaining: count,
        step,
    })
}
