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
//! A type may also have a drop function (`register_drop`), for objects that
//! own Rust memory (a big integer's digits): the sweep calls it for each
//! dead object of the type that was allocated with `gc::alloc_owning`.
//!
//! Each heap keeps a copy of the registry, refreshed when the registry's
//! generation changes, so marking and sweeping look layouts up without a lock.

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

/// What the sweep runs for a dead object that owns Rust memory, with the
/// object's address; see `register_drop`.
pub type DropFn = unsafe fn(obj: usize);

static REGISTRY: RwLock<BTreeMap<u32, TypeLayout>> = RwLock::new(BTreeMap::new());
static DROPS: RwLock<BTreeMap<u32, DropFn>> = RwLock::new(BTreeMap::new());
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// Say where the references of objects of type `type_id` are. A later
/// registration of the same id replaces the earlier one; register before
/// allocating objects of the type.
pub fn register_type(type_id: u32, layout: TypeLayout) {
    let mut reg = REGISTRY.write().unwrap_or_else(|e| e.into_inner());
    reg.insert(type_id, layout);
    GENERATION.fetch_add(1, Ordering::Release);
}

/// Give objects of type `type_id` allocated with `gc::alloc_owning` a drop
/// function: when the collector finds one dead, it calls `drop` with its
/// address before the memory is reused (and for those still alive when the
/// thread's heap goes away), so it can free the Rust memory the object owns.
/// Register before allocating such objects; a later registration replaces
/// the earlier one.
///
/// `drop` runs inside the collection, with the object's memory intact. It
/// must not allocate on the GC heap (the process aborts if it does), must
/// not read the references the object holds (their targets may already be
/// freed), and must not panic (a panic aborts).
///
/// # Safety
///
/// Calling `drop` once with any object of type `type_id` allocated with
/// `gc::alloc_owning`, whenever that object dies, must be sound.
pub unsafe fn register_drop(type_id: u32, drop: DropFn) {
    let mut drops = DROPS.write().unwrap_or_else(|e| e.into_inner());
    drops.insert(type_id, drop);
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
    drops: HashMap<u32, DropFn>,
}

impl Layouts {
    /// Bring the copy up to date (called at the start of each collection,
    /// and before allocating an object with a drop function).
    pub(crate) fn refresh(&mut self) {
        let g = GENERATION.load(Ordering::Acquire);
        if g == self.generation {
            return;
        }
        let reg = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
        self.map = reg.iter().map(|(&k, v)| (k, v.clone())).collect();
        drop(reg);
        let drops = DROPS.read().unwrap_or_else(|e| e.into_inner());
        self.drops = drops.iter().map(|(&k, &f)| (k, f)).collect();
        self.generation = g;
    }

    pub(crate) fn get(&self, type_id: u32) -> Option<&TypeLayout> {
        self.map.get(&type_id)
    }

    pub(crate) fn drop_fn(&self, type_id: u32) -> Option<DropFn> {
        self.drops.get(&type_id).copied()
    }
}
