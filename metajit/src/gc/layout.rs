//! Type layouts: where the references of each kind of object are.
//!
//! Marking is precise wherever a language says where its references are.
//! A layout is registered once per type id, for the whole process (type ids
//! are static facts of a language, unlike heaps, which are per thread).
//! Arrays allocated through an `ArrayDescr` get their layout derived from
//! the descriptor the first time a thread allocates one; a fixed-size type
//! nobody registered is scanned conservatively (every word of the object
//! that looks like a heap pointer keeps its target alive), which is always
//! safe and only costs precision.
//!
//! Each heap keeps a copy of the registry, refreshed when the registry's
//! generation changes, so marking looks layouts up without a lock.

use crate::ir::{ArrayDescr, Type};
use hashbrown::HashMap;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::RwLock;

/// Where an object's references are.
#[derive(Clone, Debug)]
pub enum TypeLayout {
    /// A fixed-size object whose references are the words at these byte
    /// offsets (the header, at 0, is never one).
    Fixed { refs: Vec<u32> },
    /// An array: its length word at `len_offset`, `item_size`-byte items from
    /// `items_offset`; when `ref_items`, every item is a reference (8 bytes).
    Array {
        len_offset: u32,
        items_offset: u32,
        item_size: u8,
        ref_items: bool,
    },
    /// A variable-shaped object: the function calls `visit` with every
    /// reference the object at the given address holds. It must not allocate.
    Custom(fn(usize, &mut dyn FnMut(usize))),
    /// Every word after the header may be a reference.
    Conservative,
}

impl TypeLayout {
    /// The layout an array descriptor implies: items of type `Ref` are
    /// references, anything else (ints, floats, bytes) is not.
    pub fn of_array(d: &ArrayDescr) -> TypeLayout {
        TypeLayout::Array {
            len_offset: d.len_offset as u32,
            items_offset: d.items_offset as u32,
            item_size: d.item_size,
            ref_items: d.item == Type::Ref && d.item_size == 8,
        }
    }
}

static REGISTRY: RwLock<BTreeMap<u32, TypeLayout>> = RwLock::new(BTreeMap::new());
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// Say where the references of objects of type `type_id` are. A later
/// registration of the same id replaces the earlier one; register before
/// allocating objects of the type.
pub fn register_type(type_id: u32, layout: TypeLayout) {
    let mut reg = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    reg.insert(type_id, layout);
    GENERATION.fetch_add(1, Ordering::Release);
}

/// Register `layout` unless the type already has one (derived layouts must
/// not override what a language registered).
pub(crate) fn register_default(type_id: u32, layout: TypeLayout) {
    let mut reg = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    if let std::collections::btree_map::Entry::Vacant(e) = reg.entry(type_id) {
        e.insert(layout);
        GENERATION.fetch_add(1, Ordering::Release);
    }
}

/// A heap's lock-free copy of the registry.
#[derive(Default)]
pub(crate) struct Layouts {
    generation: u64,
    map: HashMap<u32, TypeLayout>,
}

impl Layouts {
    /// Bring the copy up to date (called at the start of each collection).
    pub(crate) fn refresh(&mut self) {
        let g = GENERATION.load(Ordering::Acquire);
        if g == self.generation {
            return;
        }
        let reg = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
        self.map = reg.iter().map(|(&k, v)| (k, v.clone())).collect();
        self.generation = g;
    }

    pub(crate) fn get(&self, type_id: u32) -> Option<&TypeLayout> {
        self.map.get(&type_id)
    }
}
