//! The hash table behind `dict`, `set` and `frozenset`: CPython's compact
//! layout (an index array probed by hash, and the entries in insertion
//! order), so a dict iterates in insertion order and deleting leaves a hole
//! that a resize squeezes out.
//!
//! The table knows nothing of Python equality: `lookup` answers `Ask(i)`
//! when entry `i`'s key needs a call to `__eq__` (user objects), and the
//! caller, with no borrow held, asks Python and tries again with that entry
//! marked unequal. Keys of built-in types compare here (`simple_eq`).

use super::{float_of, get, int_of, type_id, IntVal, PyStr, Value};

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// 0 for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Default)]
pub struct Table {
    /// Entry index + 1 per slot; 0 is empty, `DUMMY` a deleted entry.
    indices: Vec<u32>,
    pub entries: Vec<Entry>,
    pub used: usize,
}

const DUMMY: u32 = u32::MAX;

pub enum Lookup {
    Found(usize),
    Absent,
    /// Entry `i` has the same hash and a key only Python can compare.
    Ask(usize),
}

impl Table {
    pub fn trace(&self, v: &mut dyn FnMut(usize)) {
        for e in &self.entries {
            if e.key != 0 {
                v(e.key);
                v(e.value);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn probe(&self, hash: i64) -> impl Iterator<Item = usize> + '_ {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        std::iter::from_fn(move || {
            let here = i;
            perturb >>= 5;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
            Some(here)
        })
    }

    pub fn lookup(&self, hash: i64, key: Value, unequal: &[usize]) -> Lookup {
        if self.indices.is_empty() {
            return Lookup::Absent;
        }
        for slot in self.probe(hash) {
            match self.indices[slot] {
                0 => return Lookup::Absent,
                DUMMY => continue,
                ix => {
                    let i = ix as usize - 1;
                    let e = &self.entries[i];
                    if e.key == key {
                        return Lookup::Found(i);
                    }
                    if e.hash != hash || unequal.contains(&i) {
                        continue;
                    }
                    match simple_eq(e.key, key) {
                        Some(true) => return Lookup::Found(i),
                        Some(false) => continue,
                        None => return Lookup::Ask(i),
                    }
                }
            }
        }
        unreachable!("the probe sequence is endless")
    }

    /// Add a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.resize();
        }
        self.entries.push(Entry { hash, key, value });
        let ix = self.entries.len() as u32;
        let slot = self.probe(hash).find(|&s| self.indices[s] == 0).unwrap();
        self.indices[slot] = ix;
        self.used += 1;
    }

    pub fn remove_at(&mut self, i: usize) -> Entry {
        let e = self.entries[i];
        let slot = self
            .probe(e.hash)
            .find(|&s| self.indices[s] == i as u32 + 1)
            .unwrap();
        self.indices[slot] = DUMMY;
        self.entries[i].key = 0;
        self.entries[i].value = 0;
        self.used -= 1;
        e
    }

    pub fn clear(&mut self) {
        *self = Table::default();
    }

    fn resize(&mut self) {
        let live: Vec<Entry> = self
            .entries
            .iter()
            .copied()
            .filter(|e| e.key != 0)
            .collect();
        let mut size = 8;
        while size * 2 < (live.len() + 1) * 3 + 8 {
            size *= 2;
        }
        self.indices = vec![0; size * 2];
        self.entries = Vec::with_capacity(live.len() * 2);
        self.used = 0;
        for e in live {
            self.entries.push(e);
            let ix = self.entries.len() as u32;
            let slot = self.probe(e.hash).find(|&s| self.indices[s] == 0).unwrap();
            self.indices[slot] = ix;
            self.used += 1;
        }
    }

    /// The live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| e.key != 0)
    }

    /// The `n`th live entry at or after entry index `from` (for iterators,
    /// which keep an entry index): its index and the entry.
    pub fn next_from(&self, from: usize) -> Option<(usize, Entry)> {
        (from..self.entries.len())
            .find(|&i| self.entries[i].key != 0)
            .map(|i| (i, self.entries[i]))
    }
}

/// Equality of two keys of built-in types without running Python: `None`
/// when either may have a user `__eq__`.
pub fn simple_eq(a: Value, b: Value) -> Option<bool> {
    if a == b {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (int_of(a), int_of(b)) {
        return Some(match (x, y) {
            (IntVal::Small(x), IntVal::Small(y)) => x == y,
            (IntVal::Big(x), IntVal::Big(y)) => x == y,
            _ => false,
        });
    }
    let (ta, tb) = (type_id(a), type_id(b));
    if float_of(a).is_some() || float_of(b).is_some() {
        if let Some(r) = crate::builtins::number::compare(crate::bytecode::CmpOp::Eq, a, b) {
            return Some(r);
        }
    }
    match (ta, tb) {
        (Some(super::STR), Some(super::STR)) => {
            let (x, y) = (get::<PyStr>(a)?, get::<PyStr>(b)?);
            Some(x.s == y.s && x.wide == y.wide)
        }
        (Some(super::BYTES), Some(super::BYTES)) => {
            Some(get::<super::PyBytes>(a)?.b == get::<super::PyBytes>(b)?.b)
        }
        (Some(super::TUPLE), Some(super::TUPLE)) => {
            let (x, y) = (super::tuple_items(a)?, super::tuple_items(b)?);
            if x.len() != y.len() {
                return Some(false);
            }
            for (&p, &q) in x.iter().zip(y.iter()) {
                if !simple_eq(p, q)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        (Some(x), Some(y)) if x != y && is_simple(x) && is_simple(y) => Some(false),
        _ => None,
    }
}

/// Types whose equality with another type is always false.
fn is_simple(t: u32) -> bool {
    matches!(
        t,
        super::STR
            | super::BYTES
            | super::TUPLE
            | super::SINGLETON
            | super::FUNCTION
            | super::CLASS
    )
}
