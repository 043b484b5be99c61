//! Interned strings: identifiers and attribute names are `str` objects made
//! once per distinct text, so names compare by address (maps, keyword
//! arguments, class namespaces) and a name constant in a trace is one word.

use super::{get, new_str, PyStr, Value};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};

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

const STATIC_SLOTS: usize = 512;

thread_local! {
    /// A direct-mapped cache from a literal's address and length to its
    /// interned object; a collision re-interns through `TABLE`.
    static STATIC: [Cell<(usize, Value)>; STATIC_SLOTS] =
        const { [const { Cell::new((0, 0)) }; STATIC_SLOTS] };
}

/// `intern` for a string literal, found by the literal's address (which
/// never changes or gets reused): the special-method lookups of every
/// operator go through here, and hashing the text each time showed in
/// profiles. Interned objects are permanent roots, so the cache needs no
/// tracing.
#[inline]
pub fn intern_static(s: &'static str) -> Value {
    let key = s.as_ptr() as usize ^ (s.len() << 48);
    let slot = (key ^ (key >> 9)) % STATIC_SLOTS;
    let (k, v) = STATIC.with(|t| t[slot].get());
    if k == key {
        return v;
    }
    let v = intern(s);
    STATIC.with(|t| t[slot].set((key, v)));
    v
}
