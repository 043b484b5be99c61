//! The garbage-collected heap every language and all compiled code allocate
//! from (docs/architecture.md, "Memory").
//!
//! Non-moving mark-sweep, one heap per thread (the JIT state is per thread
//! too, so allocation needs no lock):
//! - `space`: size-class chunks with free lists, and a large-object space;
//! - `layout`: per-type descriptions of where references are, so marking is
//!   precise inside objects (conservative for types nobody described), and
//!   the drop functions of objects that own Rust memory;
//! - `roots`: the native stack and registers scanned conservatively, root
//!   handles and tracers for Rust-side structures, the constants of traces
//!   being recorded or compiled;
//! - this file: allocation, the collection itself, the size policy, the
//!   stress mode and the statistics.
//!
//! Objects that own Rust memory (a big integer's digits in a `Vec`) are
//! allocated with `alloc_owning`; when one dies, the sweep calls its type's
//! drop function (`register_drop`) before reusing the cell. Everything else
//! is freed without running anything.
//!
//! Objects start with a header word whose low 32 bits are the type id
//! (`backend::CLASS_OFFSET`, compared by `guard_class`); the upper 32 bits
//! are zero and reserved (flags, hash state). Memory comes zeroed.
//!
//! Policy: a collection runs when the bytes allocated since the last one
//! exceed the live bytes it left (so the heap stays near twice the live
//! data), but never before `MIN_TRIGGER` bytes. `METAJIT_HEAP_LIMIT` (MiB,
//! default 4096) caps the heap: past it, after one last collection, the
//! process prints `metajit: out of memory: heap limit of N MiB reached` and
//! exits with status 1. That is a clear error instead of an abort; a
//! language-level MemoryError (returned as a value, since nothing may unwind
//! through compiled code) can come later. `METAJIT_GC=stress` (or
//! `set_stress`) collects at every allocation, to catch unrooted references.
//! `parse_heap_limit` and `parse_gc_setting` say what is wrong with a bad
//! value, for the binaries to refuse it at startup.
//!
//! The interface (allocate, type layouts, roots, collect) is narrow so that
//! a binding to MMTk could take its place.

mod layout;
mod roots;
mod space;

pub use layout::{register_drop, register_type, DropFn, TypeLayout};
pub use roots::{
    add_permanent_root, add_root_tracer, add_trace_constants, remove_root_tracer, stack_low, Root,
    RootedWords, TraceConstants, Tracer, TracerId,
};

use crate::ir::ArrayDescr;
use layout::Layouts;
use space::{Found, Space, CHUNK_SIZE, MAX_SMALL};
use std::cell::RefCell;
use std::time::{Duration, Instant};

/// Never collect before this many bytes were allocated since the last time.
const MIN_TRIGGER: usize = 4 << 20;
const DEFAULT_LIMIT_MIB: usize = 4096;

/// Counts for `jit-summary` and tests.
#[derive(Clone, Debug, Default)]
pub struct GcStats {
    pub collections: u64,
    pub time: Duration,
    /// Memory the heap holds now (chunks and large objects).
    pub heap_bytes: usize,
    pub peak_heap_bytes: usize,
    /// Bytes in objects that survived the last collection.
    pub live_bytes: usize,
    /// Bytes allocated since the thread started (cell sizes).
    pub allocated_bytes: u64,
}

struct Heap {
    space: Space,
    layouts: Layouts,
    /// Bytes allocated since the last collection, and the trigger for the next.
    since: usize,
    trigger: usize,
    limit: usize,
    stress: bool,
    stats: GcStats,
    /// Array type ids whose layout this thread already derived, and the
    /// last one asked about (most allocations repeat the previous type, so
    /// they skip the set).
    derived: hashbrown::HashSet<u32>,
    last_derived: Option<u32>,
}

thread_local! {
    static HEAP: RefCell<Heap> = RefCell::new(Heap::new());
}

/// The words `METAJIT_GC` accepts, comma-separated.
pub const GC_SETTINGS: &[&str] = &["stress"];

/// Check a `METAJIT_GC` value: every comma-separated word must be one of
/// `GC_SETTINGS`. Returns whether it asks for the stress mode, or what is
/// wrong (for the binaries to report at startup).
pub fn parse_gc_setting(value: &str) -> Result<bool, String> {
    let mut stress = false;
    for word in value.split(',').map(str::trim).filter(|w| !w.is_empty()) {
        match word {
            "stress" => stress = true,
            _ => {
                return Err(format!(
                    "unknown setting '{word}' (accepted: {})",
                    GC_SETTINGS.join(", ")
                ))
            }
        }
    }
    Ok(stress)
}

/// Check a `METAJIT_HEAP_LIMIT` value: a positive whole number of MiB.
/// Returns the limit in MiB, or what is wrong.
pub fn parse_heap_limit(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(mib) if mib > 0 => Ok(mib),
        _ => Err(format!(
            "expected the heap limit as a positive whole number of MiB (default {DEFAULT_LIMIT_MIB}), got '{value}'"
        )),
    }
}

/// A bad value is ignored here (the binaries refuse it at startup, through
/// `parse_gc_setting`); an embedding that does not check gets the default.
fn env_stress() -> bool {
    std::env::var("METAJIT_GC").is_ok_and(|v| parse_gc_setting(&v).unwrap_or(false))
}

fn env_limit_mib() -> usize {
    std::env::var("METAJIT_HEAP_LIMIT")
        .ok()
        .and_then(|v| parse_heap_limit(&v).ok())
        .unwrap_or(DEFAULT_LIMIT_MIB)
}

#[cold]
fn out_of_memory(limit: usize) -> ! {
    eprintln!(
        "metajit: out of memory: heap limit of {} MiB reached",
        limit >> 20
    );
    std::process::exit(1)
}

impl Heap {
    fn new() -> Heap {
        let stress = env_stress();
        Heap {
            space: Space::new(),
            layouts: Layouts::default(),
            since: 0,
            trigger: if stress { 0 } else { MIN_TRIGGER },
            limit: env_limit_mib().saturating_mul(1 << 20),
            stress,
            stats: GcStats::default(),
            derived: hashbrown::HashSet::new(),
            last_derived: None,
        }
    }

    #[inline(always)]
    fn alloc(&mut self, size: usize, type_id: u32) -> usize {
        let (p, bytes) = if size <= MAX_SMALL {
            let (class, cell) = Space::class_of(size);
            self.since += cell;
            if self.since > self.trigger {
                self.collect();
            }
            let mut p = self.space.pop(class);
            if p == 0 {
                p = self.grow_small(class);
            }
            // SAFETY: `p` is a cell of `cell` bytes just taken off a free
            // list; nothing else refers to it.
            unsafe { std::ptr::write_bytes(p as *mut u8, 0, cell) };
            (p, cell)
        } else {
            self.since = self.since.saturating_add(size);
            if self.since > self.trigger {
                self.collect();
            }
            (self.alloc_large(size), size)
        };
        // SAFETY: `p` is a fresh, zeroed object of at least 8 bytes.
        unsafe { *(p as *mut u64) = type_id as u64 };
        self.stats.allocated_bytes += bytes as u64;
        p
    }

    #[inline(never)]
    fn grow_small(&mut self, class: usize) -> usize {
        if self.space.heap_bytes() + CHUNK_SIZE > self.limit {
            self.collect();
            let p = self.space.pop(class);
            if p != 0 {
                return p;
            }
            if self.space.heap_bytes() + CHUNK_SIZE > self.limit {
                out_of_memory(self.limit);
            }
        }
        if !self.space.add_chunk(class) {
            out_of_memory(self.limit);
        }
        self.note_growth();
        self.space.pop(class)
    }

    #[inline(never)]
    fn alloc_large(&mut self, size: usize) -> usize {
        if self.space.heap_bytes().saturating_add(size) > self.limit {
            self.collect();
            if self.space.heap_bytes().saturating_add(size) > self.limit {
                out_of_memory(self.limit);
            }
        }
        let p = self.space.alloc_large(size);
        if p == 0 {
            out_of_memory(self.limit);
        }
        self.note_growth();
        p
    }

    fn note_growth(&mut self) {
        let b = self.space.heap_bytes();
        self.stats.peak_heap_bytes = self.stats.peak_heap_bytes.max(b);
    }

    /// Mark from the roots, then sweep.
    #[inline(never)]
    fn collect(&mut self) {
        let started = Instant::now();
        self.layouts.refresh();
        let mut m = Marker {
            space: &mut self.space,
            gray: Vec::new(),
        };
        roots::scan_stack(&mut |w| m.visit(w));
        roots::trace_registered(&mut |w| m.visit(w));
        while let Some(f) = m.gray.pop() {
            trace_object(f, &self.layouts, &mut |w| m.visit(w));
        }
        let keep_empty = self.trigger / CHUNK_SIZE + 1;
        let layouts = &self.layouts;
        let live = self
            .space
            .sweep(keep_empty, self.stress, &mut |obj| finalize(layouts, obj));
        self.since = 0;
        self.trigger = if self.stress {
            0
        } else {
            live.max(MIN_TRIGGER)
        };
        self.stats.live_bytes = live;
        self.stats.collections += 1;
        self.stats.time += started.elapsed();
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // The thread is ending: objects that own Rust memory give it back.
        self.layouts.refresh();
        let layouts = &self.layouts;
        self.space.finalize_all(&mut |obj| finalize(layouts, obj));
    }
}

/// Run the drop function of `obj`'s type (an object allocated with
/// `alloc_owning` that died). A panic cannot unwind out of a half-done
/// sweep, so it aborts.
fn finalize(layouts: &Layouts, obj: usize) {
    let Some(drop) = layouts.drop_fn(word(obj) as u32) else {
        return;
    };
    // SAFETY: `obj` was allocated with `alloc_owning`, whose caller promised
    // its type's drop function may run on it, and it is dead: nothing will
    // read it again, and its cell is reused only after this returns.
    let run = || unsafe { drop(obj) };
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).is_err() {
        eprintln!("metajit: gc: a drop function panicked");
        std::process::abort();
    }
}

struct Marker<'a> {
    space: &'a mut Space,
    gray: Vec<Found>,
}

impl Marker<'_> {
    #[inline]
    fn visit(&mut self, w: usize) {
        // Odd words are tagged small integers, never references.
        if w & 1 != 0 || w == 0 {
            return;
        }
        if let Some(f) = self.space.find(w) {
            if self.space.mark(f) {
                self.gray.push(f);
            }
        }
    }
}

#[inline(always)]
fn word(addr: usize) -> usize {
    // SAFETY: callers read inside an allocated object (`Found` bounds).
    unsafe { *(addr as *const usize) }
}

/// Report every reference the object `f` holds.
fn trace_object(f: Found, layouts: &Layouts, visit: &mut dyn FnMut(usize)) {
    let type_id = word(f.start) as u32;
    match layouts.get(type_id) {
        Some(TypeLayout::Fixed { refs }) => {
            for &off in refs {
                if off as usize + 8 <= f.size {
                    visit(word(f.start + off as usize));
                }
            }
        }
        Some(&TypeLayout::Array {
            len_offset,
            items_offset,
            ref_items,
            ..
        }) => {
            if !ref_items || items_offset as usize > f.size || len_offset as usize + 8 > f.size {
                return;
            }
            let len = word(f.start + len_offset as usize);
            let room = (f.size - items_offset as usize) / 8;
            for i in 0..len.min(room) {
                visit(word(f.start + items_offset as usize + 8 * i));
            }
        }
        Some(TypeLayout::Custom(trace)) => trace(f.start, visit),
        Some(TypeLayout::Conservative) | None => {
            for off in (8..f.size).step_by(8) {
                visit(word(f.start + off));
            }
        }
    }
}

fn with_heap<T>(f: impl FnOnce(&mut Heap) -> T) -> T {
    HEAP.with(|h| match h.try_borrow_mut() {
        Ok(mut h) => f(&mut h),
        Err(_) => {
            eprintln!("metajit: gc: the heap was used during a collection (by a root tracer or trace function)");
            std::process::abort()
        }
    })
}

/// Allocate a zeroed object of `size` bytes whose header holds `type_id`.
#[inline]
pub fn alloc(size: usize, type_id: u32) -> usize {
    with_heap(|h| h.alloc(size.max(8), type_id))
}

/// Allocate a zeroed object of `size` bytes whose header holds `type_id`,
/// that owns Rust memory: when it dies, the collector calls the drop
/// function registered for `type_id` (`register_drop`) with its address.
/// Panics if the type has none.
///
/// # Safety
///
/// The object may die at the next allocation or collection on this thread;
/// before then, the caller makes it one that the type's drop function may
/// be called with (typically by moving a Rust value into it, as
/// `heap::alloc_payload` does).
pub unsafe fn alloc_owning(size: usize, type_id: u32) -> usize {
    with_heap(|h| {
        h.layouts.refresh();
        if h.layouts.drop_fn(type_id).is_none() {
            panic!("gc::alloc_owning: type {type_id} has no drop function (gc::register_drop)");
        }
        let p = h.alloc(size.max(8), type_id);
        h.space.set_owning(p);
        p
    })
}

/// Allocate a zeroed array object of `size` bytes for descriptor `d`,
/// deriving its type layout from `d` the first time.
#[inline]
pub fn alloc_array(d: &ArrayDescr, size: usize) -> usize {
    with_heap(|h| {
        if h.last_derived != Some(d.type_id) {
            if !h.derived.contains(&d.type_id) {
                layout::register_default(d.type_id, TypeLayout::of_array(d));
                h.derived.insert(d.type_id);
            }
            h.last_derived = Some(d.type_id);
        }
        if size > h.limit {
            out_of_memory(h.limit);
        }
        h.alloc(size.max(8), d.type_id)
    })
}

/// Collect now.
pub fn collect() {
    with_heap(|h| h.collect())
}

/// Turn the stress mode (a collection at every allocation) on or off for
/// this thread's heap.
pub fn set_stress(on: bool) {
    with_heap(|h| {
        h.stress = on;
        h.trigger = if on {
            0
        } else {
            h.stats.live_bytes.max(MIN_TRIGGER)
        };
    })
}

/// This thread's heap statistics.
/// This thread's heap statistics (all zero once the thread's heap is gone).
pub fn stats() -> GcStats {
    HEAP.try_with(|h| {
        let h = h.borrow();
        GcStats {
            heap_bytes: h.space.heap_bytes(),
            ..h.stats.clone()
        }
    })
    .unwrap_or_default()
}

/// Is `addr` inside an object allocated on this thread's heap (and not
/// freed)? For tests and assertions.
pub fn is_live_object(addr: usize) -> bool {
    with_heap(|h| h.space.find(addr).is_some())
}

/// A hash of an object's identity that never changes while it lives (the
/// heap does not move objects, so the address serves).
pub fn identity_hash(obj: usize) -> u64 {
    let x = (obj as u64 >> 3).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^ (x >> 29)
}

/// Show `visit` every object allocated on this thread's heap: its address
/// and the words of its cell (past the object's own size they are zero).
/// For `abi::check`; `visit` must not use the heap.
pub(crate) fn for_each_object(visit: &mut dyn FnMut(usize, &[u64])) {
    with_heap(|h| {
        h.space.for_each_object(&mut |f| {
            // SAFETY: `f` is an allocated cell of `f.size` bytes (a multiple
            // of 16), 16-byte aligned and zeroed when it was allocated, so
            // every word is initialized; nothing writes it while the slice
            // lives (the heap is per thread and `visit` does not use it).
            let words = unsafe { std::slice::from_raw_parts(f.start as *const u64, f.size / 8) };
            visit(f.start, words)
        })
    })
}
