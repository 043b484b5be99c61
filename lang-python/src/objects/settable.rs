//! The hash table behind `set` and `frozenset`, laid out and probed as
//! CPython's (`Objects/setobject.c`): open addressing with a short linear
//! probe before perturbation, deleted entries as dummies, the same growth
//! rule. Iteration is in table order, so a set prints its items in the
//! order CPython does (`{3, 1, 2}` shows as `{1, 2, 3}`), which programs'
//! output depends on.
//!
//! As in `dict.rs`, equality that needs Python is the caller's: `lookup`
//! answers `Ask(slot)`.

use super::dict::simple_eq;
use super::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The hash of a dummy entry (no hash is ever -1).
const DUMMY: i64 = -1;

#[derive(Clone, Copy, Default)]
pub struct Slot {
    pub hash: i64,
    /// 0 for an unused slot or a dummy.
    pub key: Value,
}

pub struct SetTable {
    pub slots: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` starts looking.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            slots: vec![Slot::default(); MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

pub enum Found {
    /// The key is at this slot.
    Active(usize),
    /// Not there; insert at this slot (unused or a dummy).
    Vacant(usize),
    /// Slot `i` holds a key with the same hash that only Python can compare.
    Ask(usize),
}

impl SetTable {
    pub fn trace(&self, v: &mut dyn FnMut(usize)) {
        for s in &self.slots {
            if s.key != 0 {
                v(s.key)
            }
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    fn is_unused(s: &Slot) -> bool {
        s.key == 0 && s.hash != DUMMY
    }

    /// Find `key` (CPython's `set_add_entry` probe), skipping slots the
    /// caller found unequal.
    pub fn lookup(&self, hash: i64, key: Value, unequal: &[usize]) -> Found {
        let mask = self.mask();
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                let s = &self.slots[j];
                if Self::is_unused(s) {
                    return Found::Vacant(freeslot.unwrap_or(j));
                }
                if s.key != 0 && s.hash == hash {
                    if s.key == key {
                        return Found::Active(j);
                    }
                    if !unequal.contains(&j) {
                        match simple_eq(s.key, key) {
                            Some(true) => return Found::Active(j),
                            Some(false) => {}
                            None => return Found::Ask(j),
                        }
                    }
                } else if s.hash == DUMMY && freeslot.is_none() {
                    freeslot = Some(j);
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Put a key known to be absent at the slot `lookup` gave.
    pub fn insert_at(&mut self, slot: usize, hash: i64, key: Value) {
        let was_unused = Self::is_unused(&self.slots[slot]);
        self.slots[slot] = Slot { hash, key };
        self.used += 1;
        if was_unused {
            self.fill += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let n = if self.used > 50000 {
                    self.used * 2
                } else {
                    self.used * 4
                };
                self.resize(n);
            }
        }
    }

    pub fn remove_at(&mut self, slot: usize) -> Value {
        let k = self.slots[slot].key;
        self.slots[slot] = Slot {
            hash: DUMMY,
            key: 0,
        };
        self.used -= 1;
        k
    }

    pub fn clear(&mut self) {
        *self = SetTable::default();
    }

    fn insert_clean(slots: &mut [Slot], hash: i64, key: Value) {
        let mask = slots.len() - 1;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        loop {
            if slots[i].key == 0 {
                slots[i] = Slot { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for s in &mut slots[i + 1..=i + LINEAR_PROBES] {
                    if s.key == 0 {
                        *s = Slot { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Grow (or shrink) to the smallest power of two above `min_used`.
    pub fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        for s in old {
            if s.key != 0 {
                Self::insert_clean(&mut self.slots, s.hash, s.key);
            }
        }
        self.fill = self.used;
    }

    /// The active entries in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Slot> {
        self.slots.iter().filter(|s| s.key != 0)
    }

    /// The first active slot at or after `from`.
    pub fn next_from(&self, from: usize) -> Option<(usize, Slot)> {
        (from..self.slots.len())
            .find(|&i| self.slots[i].key != 0)
            .map(|i| (i, self.slots[i]))
    }

    /// `set.pop()`: from where the last pop stopped.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while self.slots[i].key == 0 {
            i = (i + 1) & mask;
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    /// Copy `other` into this empty table as CPython's `set_merge` does.
    pub fn merge_into_empty(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots.copy_from_slice(&other.slots);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        for s in other.iter() {
            Self::insert_clean(&mut self.slots, s.hash, s.key);
        }
        self.fill = other.used;
        self.used = other.used;
    }

    /// Make room for `extra` more keys at once (the start of a merge into a
    /// non-empty set).
    pub fn reserve_for_merge(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.used + extra) * 2);
        }
    }
}
