//! `dict.keys()`, `values()` and `items()`: live views of a dict.

use super::{dict, ops, set, PyResult};
use crate::objects::{self, get, DictIterKind, IterState, PyView, Value};

pub fn new_view(kind: DictIterKind, d: Value) -> Value {
    objects::alloc(PyView { kind, dict: d })
}

pub fn iter(v: Value) -> Value {
    let view = get::<PyView>(v).unwrap();
    objects::new_iter(IterState::Dict {
        dict: view.dict,
        index: 0,
        kind: view.kind,
        len: dict::len(view.dict),
    })
}

/// The view's items now.
pub fn items(v: Value) -> objects::RootedVec {
    let view = get::<PyView>(v).unwrap();
    match view.kind {
        DictIterKind::Keys => objects::RootedVec::from_vec(dict::keys(view.dict)),
        DictIterKind::Values => dict::items(view.dict).into_iter().map(|(_, x)| x).collect(),
        DictIterKind::Items => dict::items(view.dict)
            .into_iter()
            .map(|(k, x)| objects::new_tuple(vec![k, x]))
            .collect(),
    }
}

pub fn len(v: Value) -> usize {
    dict::len(get::<PyView>(v).unwrap().dict)
}

pub fn contains(v: Value, x: Value) -> PyResult<bool> {
    let view = get::<PyView>(v).unwrap();
    match view.kind {
        DictIterKind::Keys => Ok(dict::get_item(view.dict, x)?.is_some()),
        DictIterKind::Items => {
            let Some(pair) = objects::tuple_items(x).filter(|p| p.len() == 2) else {
                return Ok(false);
            };
            match dict::get_item(view.dict, pair[0])? {
                Some(y) => Ok(y == pair[1] || ops::eq(y, pair[1])?),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            for &y in items(v).iter() {
                if y == x || ops::eq(y, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

pub fn repr(v: Value) -> PyResult<String> {
    let view = get::<PyView>(v).unwrap();
    let name = match view.kind {
        DictIterKind::Keys => "dict_keys",
        DictIterKind::Values => "dict_values",
        DictIterKind::Items => "dict_items",
    };
    let list = objects::new_list(items(v).to_vec());
    Ok(format!("{name}({})", ops::repr(list)?))
}

/// Both operands as sets, rooted (a keys or items view as a new set, a
/// set as itself), when one is such a view and the other a view or set.
fn as_sets(a: Value, b: Value) -> PyResult<Option<objects::RootedVec>> {
    let setlike_view = |v: Value| get::<PyView>(v).is_some_and(|w| w.kind != DictIterKind::Values);
    if !setlike_view(a) && !setlike_view(b) {
        return Ok(None);
    }
    let mut pair = objects::RootedVec::new();
    for v in [a, b] {
        if setlike_view(v) {
            pair.push(set::from_items(&items(v), false)?);
        } else if set::is_set(v) {
            pair.push(v);
        } else {
            return Ok(None);
        }
    }
    Ok(Some(pair))
}

/// Set operators on keys and items views give sets.
pub fn binary(op: crate::bytecode::BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    match as_sets(a, b)? {
        Some(pair) => set::binary(op, pair[0], pair[1]),
        None => Ok(None),
    }
}

/// Keys and items views compare with each other and with sets as sets do.
pub fn compare(op: crate::bytecode::CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    match as_sets(a, b)? {
        Some(pair) => set::compare(op, pair[0], pair[1]).map(Some),
        None => Ok(None),
    }
}
