//! The built-in iterators (`PyIter`): advancing each kind of state.

use super::{dict, ops, PyResult};
use crate::interp::call_object;
use crate::objects::{self, get, DictIterKind, IterState, PyIter, Types, Value};
use num_traits::Zero;

pub fn next_builtin(it: Value) -> PyResult<Option<Value>> {
    let iter = get::<PyIter>(it).unwrap();
    match iter.kind.get() {
        objects::ITER_RANGE => {
            let (next, stop, step) = (iter.index.get(), iter.stop.get(), iter.step);
            let more = if step > 0 { next < stop } else { next > stop };
            if !more {
                return Ok(None);
            }
            iter.index.set(next.saturating_add(step));
            if next.checked_add(step).is_none() {
                iter.stop.set(next);
            }
            return Ok(Some(objects::new_int(next)));
        }
        objects::ITER_SEQ => {
            let index = iter.index.get() as usize;
            let v = match objects::type_id(iter.seq) {
                Some(objects::LIST | objects::TUPLE) => objects::seq_item(iter.seq, index),
                _ => None,
            };
            if v.is_some() {
                iter.index.set(index as i64 + 1);
            } else {
                iter.kind.set(objects::ITER_STATE);
            }
            return Ok(v);
        }
        _ => {}
    }
    // Most states advance without running Python code: do them under one
    // borrow; the others take what they need and release it first.
    let action = {
        let mut st = iter.state.borrow_mut();
        match &mut *st {
            IterState::BigRange {
                next,
                remaining,
                step,
            } => {
                if remaining.is_zero() {
                    return Ok(None);
                }
                let v = next.clone();
                *next += &*step;
                *remaining -= 1u32;
                return Ok(Some(objects::new_bigint(v)));
            }
            IterState::Str { s, offset } => {
                let text = objects::str_of(*s).unwrap();
                let Some(c) = text[*offset..].chars().next() else {
                    return Ok(None);
                };
                *offset += c.len_utf8();
                let mut buf = [0u8; 4];
                return Ok(Some(super::string::char_str(c.encode_utf8(&mut buf))));
            }
            IterState::Dict {
                dict: d,
                index,
                kind,
                len,
            } => {
                if dict::len(*d) != *len {
                    *len = usize::MAX;
                    return Err(super::exc::new(
                        "RuntimeError",
                        Some("dictionary changed size during iteration".into()),
                    ));
                }
                let found = get::<objects::PyDict>(*d)
                    .unwrap()
                    .table
                    .borrow()
                    .next_from(*index);
                let Some((i, e)) = found else {
                    return Ok(None);
                };
                *index = i + 1;
                let kind = *kind;
                drop(st);
                return Ok(Some(match kind {
                    DictIterKind::Keys => e.key,
                    DictIterKind::Values => e.value,
                    DictIterKind::Items => objects::new_tuple(vec![e.key, e.value]),
                }));
            }
            IterState::Set { set, index, len } => {
                if super::set::len(*set) != *len {
                    *len = usize::MAX;
                    return Err(super::exc::new(
                        "RuntimeError",
                        Some("Set changed size during iteration".into()),
                    ));
                }
                let found = get::<objects::PySet>(*set)
                    .unwrap()
                    .table
                    .borrow()
                    .next_from(*index);
                let Some((i, slot)) = found else {
                    return Ok(None);
                };
                *index = i + 1;
                return Ok(Some(slot.key));
            }
            IterState::Reversed { seq, index } => {
                if *index == 0 {
                    return Ok(None);
                }
                *index -= 1;
                let i = *index;
                return Ok(objects::seq_item(*seq, i));
            }
            IterState::Vec { items, index } => {
                let v = items.get(*index).copied();
                *index += 1;
                return Ok(v);
            }
            IterState::Exhausted => return Ok(None),
            IterState::Enumerate { it, count } => Action::Enumerate(*it, *count),
            IterState::Zip { its, strict } => Action::Zip(its.clone(), *strict),
            IterState::Map { f, its } => Action::Map(*f, its.clone()),
            IterState::Filter { f, it } => Action::Filter(*f, *it),
            IterState::Callable { f, sentinel } => Action::Callable(*f, *sentinel),
            IterState::GetItem { obj, index } => {
                let i = *index;
                *index += 1;
                Action::GetItem(*obj, i)
            }
        }
    };
    let t = Types::get();
    match action {
        Action::GetItem(obj, i) => match ops::getitem(obj, objects::new_int(i)) {
            Ok(x) => Ok(Some(x)),
            Err(e)
                if super::exc::is_instance(e, "IndexError")
                    || super::exc::is_instance(e, "StopIteration") =>
            {
                *iter.state.borrow_mut() = IterState::Exhausted;
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Action::Enumerate(inner, n) => {
            let Some(v) = ops::next(inner)? else {
                return Ok(None);
            };
            let pair = objects::RootedVec::from_vec(vec![n, v]);
            let successor = match objects::int_of(n) {
                Some(objects::IntVal::Small(k)) if k < i64::MAX => objects::new_int(k + 1),
                _ => ops::binary(crate::bytecode::BinOp::Add, n, objects::new_int(1), false)?,
            };
            if let IterState::Enumerate { count, .. } = &mut *iter.state.borrow_mut() {
                *count = successor;
            }
            Ok(Some(objects::new_tuple(pair.to_vec())))
        }
        Action::Zip(its, strict) => {
            if its.is_empty() {
                return Ok(None);
            }
            let mut items = objects::RootedVec::new();
            for (k, &i) in its.iter().enumerate() {
                match ops::next(i)? {
                    Some(v) => items.push(v),
                    None => {
                        *iter.state.borrow_mut() = IterState::Exhausted;
                        if strict {
                            zip_check_lengths(&its, k)?;
                        }
                        return Ok(None);
                    }
                }
            }
            Ok(Some(objects::new_tuple(items.to_vec())))
        }
        Action::Map(f, its) => {
            let mut args = objects::RootedVec::new();
            for i in its {
                match ops::next(i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            call_object(f, &args, &[]).map(Some)
        }
        Action::Filter(f, inner) => loop {
            let Some(v) = ops::next(inner)? else {
                return Ok(None);
            };
            let keep = if f == t.none || f == t.bool_ {
                ops::truthy(v)?
            } else {
                ops::truthy(call_object(f, &[v], &[])?)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Action::Callable(f, sentinel) => {
            let v = call_object(f, &[], &[])?;
            if v == sentinel || ops::eq(v, sentinel)? {
                *iter.state.borrow_mut() = IterState::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
    }
}

enum Action {
    Enumerate(Value, Value),
    Zip(Vec<Value>, bool),
    Map(Value, Vec<Value>),
    Filter(Value, Value),
    Callable(Value, Value),
    GetItem(Value, i64),
}

/// `zip(strict=True)` when argument `shorter` (0-based) ran out first: an
/// error unless it is the first and every other one ends there too.
fn zip_check_lengths(its: &[Value], shorter: usize) -> PyResult<()> {
    let plural = |k: usize| {
        if k == 1 {
            "argument 1".to_string()
        } else {
            format!("arguments 1-{k}")
        }
    };
    if shorter > 0 {
        return Err(super::exc::value_error(format!(
            "zip() argument {} is shorter than {}",
            shorter + 1,
            plural(shorter)
        )));
    }
    for (k, &i) in its.iter().enumerate().skip(1) {
        if ops::next(i)?.is_some() {
            return Err(super::exc::value_error(format!(
                "zip() argument {} is longer than {}",
                k + 1,
                plural(k)
            )));
        }
    }
    Ok(())
}
