//! Interned strings: identifiers and attribute names are `str` objects made
//! once per distinct text, so names compare by address (maps, keyword
//! arguments, class namespaces) and a name constant in a trace is one word.

use super::{get, new_str, PyStr, Value};
use hashbrown::HashMap;
use std::cell::RefCell;

thread_local! {
    static TABLE: RefCell<HashMap<Box<str>, Value>> = RefCell::new(HashMap::new());
}

/// The interned `str` object for `s`.
pub fn intern(s: &str) -> Value {
    if let Some(v) = TABLE.with(|t| t.borrow().get(s).copied()) {
        return v;
    }
    let v = new_str(s);
    metajit::gc::add_permanent_root(v);
    TABLE.with(|t| t.borrow_mut().insert(s.into(), v));
    v
}

/// The interned object equal to the `str` object `v` (itself if it is the
/// interned one).
pub fn intern_value(v: Value) -> Value {
    match get::<PyStr>(v) {
        Some(s) => intern(&s.s),
        None => v,
    }
}

thread_local! {
    static STATIC: RefCell<HashMap<usize, Value>> = RefCell::new(HashMap::new());
}

/// `intern` for a string literal, found by the literal's address (which
/// never changes or gets reused): the special-method lookups of every
/// operator go through here, and hashing the text each time showed in
/// profiles.
pub fn intern_static(s: &'static str) -> Value {
    let key = s.as_ptr() as usize ^ (s.len() << 48);
    if let Some(v) = STATIC.with(|t| t.borrow().get(&key).copied()) {
        return v;
    }
    let v = intern(s);
    STATIC.with(|t| t.borrow_mut().insert(key, v));
    v
}
