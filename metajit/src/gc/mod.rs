//! The garbage-collected heap every language and all compiled code allocate
//! from (docs/architecture.md, "Memory").
//!
//! Non-moving mark-sweep, one heap per thread (the JIT state is per thread
//! too, so allocation needs no lock):
//! - `space`: size-class chunks handing out runs of free cells, and a
//!   large-object space;
//! - `layout`: per-type descriptions of where references are, so marking is
//!   precise inside objects (conservative for types nobody described), and
//!   the drop functions of objects that own Rust memory;
//! - `roots`: the native stack and registers scanned conservatively, root
//!   handles and tracers for Rust-side structures, the constants of traces
//!   being recorded or compiled;
//! - this file: allocation, the collection itself, the size policy, the
//!   stress mode and the statistics.
//!
//! Allocation of small objects bumps a pointer. Each size class has a
//! *window*, a run of free cells that `space` found and marked allocated
//! and that the slow path zeroed in one go; the windows' next and limit
//! pointers live in `Windows`, a `#[repr(C)]` thread-local whose address
//! compiled code embeds (`windows_address`), so the fast path is a load, an
//! add, a compare with the limit, a store of the pointer back and a store
//! of the header, in Rust (`alloc`, `alloc_array`, inlined into callers)
//! and inline in compiled code alike. Only when a window runs out does the
//! slow path (`Heap::refill`, never inlined) run: it gives the old window
//! up, decides whether a collection is due, and takes the next run. The
//! design follows from the heap's: objects never move and the sweep reads
//! the allocated bitmap, so a window is a stretch of cells that are already
//! allocated as far as the bitmap says; what is left of it is handed back
//! (its bits cleared) before anything reads the bitmaps (a collection,
//! `for_each_object`, `is_live_object`). Memory is zeroed a window at a
//! time, so the fast path writes only the header (and an array's length).
//!
//! Collection accounting stays exact with windows: a window is charged to
//! the bytes allocated since the last collection when it is taken (and is
//! never larger than what is left before the trigger), what was not used is
//! refunded when it is given up, and when the budget is spent every window
//! is given up before the check, so a collection runs at the first
//! allocation whose bytes, added to the ones before it, pass the trigger,
//! as with one check per allocation. In stress mode the trigger is 0, so
//! every window is one cell, taken by the slow path's own allocation: every
//! allocation collects, from Rust and from compiled code.
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
//! exceed twice the live bytes it left (so the heap stays near three times
//! the live data), but never before `MIN_TRIGGER` bytes. Each collection
//! marks all the live data, so the factor sets how often a program with
//! much long-lived data retraces it: at 1, a program keeping a few MiB
//! spent more time marking than running. `METAJIT_HEAP_LIMIT` (MiB,
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
use space::{Found, Space, CHUNK_SIZE, MAX_SMALL, NCLASSES};
use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

/// Never collect before this many bytes were allocated since the last time.
const MIN_TRIGGER: usize = 2 << 20;
/// The next collection's trigger is this many times the live bytes.
const TRIGGER_FACTOR: usize = 2;
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
    /// Chunks taken from the system allocator since the thread started.
    pub chunks_allocated: u64,
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
    /// Array type ids whose layout this thread already derived (the
    /// windows' cache answers first).
    derived: hashbrown::HashSet<u32>,
    /// Where each class's window started (its used part is `start..next`).
    window_start: [usize; NCLASSES],
}

/// The bump windows, one per size class: allocation takes `next` and moves
/// it on by the cell size while that stays within `limit` (both 0 when the
/// class has no window). Compiled code reads and writes these words at
/// `windows_address() + next_offset(class)` and `+ limit_offset(class)`.
#[repr(C)]
struct Windows {
    next: [Cell<usize>; NCLASSES],
    limit: [Cell<usize>; NCLASSES],
    /// Array type ids whose layout is known to be registered, direct-mapped
    /// by their low bits (the id plus one; 0: empty), so that `alloc_array`
    /// skips the heap's set on its fast path.
    arrays: [Cell<u64>; TYPE_CACHE],
    /// Likewise, type ids known to have a drop function, for `alloc_owning`.
    owners: [Cell<u64>; TYPE_CACHE],
}

const TYPE_CACHE: usize = 64;

thread_local! {
    static HEAP: RefCell<Heap> = RefCell::new(Heap::new());
    static WINDOWS: Windows = const {
        Windows {
            next: [const { Cell::new(0) }; NCLASSES],
            limit: [const { Cell::new(0) }; NCLASSES],
            arrays: [const { Cell::new(0) }; TYPE_CACHE],
            owners: [const { Cell::new(0) }; TYPE_CACHE],
        }
    };
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
            window_start: [0; NCLASSES],
        }
    }

    /// Allocate `size` bytes (at least 8) on the slow path: a small
    /// object when its class's window is used up, or a large object.
    fn alloc(&mut self, size: usize, type_id: u32) -> usize {
        let p = if size <= MAX_SMALL {
            let (class, cell) = Space::class_of(size);
            self.refill(class, cell)
        } else {
            if self.since.saturating_add(size) > self.trigger {
                self.retire_all();
                if self.since.saturating_add(size) > self.trigger {
                    self.collect();
                }
            }
            self.since = self.since.saturating_add(size);
            let p = self.alloc_large(size);
            self.stats.allocated_bytes += size as u64;
            p
        };
        // SAFETY: `p` is a fresh, zeroed object of at least 8 bytes.
        unsafe { *(p as *mut u64) = type_id as u64 };
        p
    }

    /// Give up `class`'s window, collect if the next `cell` bytes would pass
    /// the trigger, and take a new window; returns its first cell, which
    /// the new window already counts as used.
    fn refill(&mut self, class: usize, cell: usize) -> usize {
        self.retire(class);
        if self.since + cell > self.trigger {
            // Other classes' windows may hold unused cells still charged.
            self.retire_all();
            if self.since + cell > self.trigger {
                self.collect();
            }
        }
        let budget = self.trigger.saturating_sub(self.since).max(cell);
        let (start, end) = match self.space.take_run(class, budget) {
            Some(run) => run,
            None => self.grow_small(class, budget),
        };
        // SAFETY: `start..end` is a run of cells just taken from the free
        // cells of a chunk; nothing refers to them.
        unsafe { std::ptr::write_bytes(start as *mut u8, 0, end - start) };
        self.since += end - start;
        self.window_start[class] = start;
        WINDOWS.with(|w| {
            w.next[class].set(start + cell);
            w.limit[class].set(end);
        });
        start
    }

    /// Give up `class`'s window: count what was used, refund and release
    /// what was not.
    fn retire(&mut self, class: usize) {
        let (next, limit) = WINDOWS.with(|w| {
            let pair = (w.next[class].get(), w.limit[class].get());
            w.next[class].set(0);
            w.limit[class].set(0);
            pair
        });
        if limit == 0 {
            return;
        }
        // Cleared too: the thread's stack scan may cover this thread-local
        // (glibc keeps static TLS at the top of a thread's stack block),
        // and a stale start would keep the window's first object alive.
        let start = std::mem::take(&mut self.window_start[class]);
        self.stats.allocated_bytes += (next - start) as u64;
        self.since -= limit - next;
        self.space.release(next, limit);
    }

    /// Give up every window (before anything reads the bitmaps).
    fn retire_all(&mut self) {
        for class in 0..NCLASSES {
            self.retire(class);
        }
    }

    /// Bytes used in the current windows, not yet in `stats.allocated_bytes`.
    fn window_bytes(&self) -> u64 {
        WINDOWS.with(|w| {
            (0..NCLASSES)
                .filter(|&c| w.limit[c].get() != 0)
                .map(|c| (w.next[c].get() - self.window_start[c]) as u64)
                .sum()
        })
    }

    /// A run of at most `budget` bytes for `class` from a new chunk, after a
    /// collection if the heap is at its limit.
    #[inline(never)]
    fn grow_small(&mut self, class: usize, budget: usize) -> (usize, usize) {
        if self.space.heap_bytes() + CHUNK_SIZE > self.limit {
            self.collect();
            if let Some(run) = self.space.take_run(class, budget) {
                return run;
            }
            if self.space.heap_bytes() + CHUNK_SIZE > self.limit {
                out_of_memory(self.limit);
            }
        }
        if !self.space.add_chunk(class) {
            out_of_memory(self.limit);
        }
        self.note_growth();
        match self.space.take_run(class, budget) {
            Some(run) => run,
            None => out_of_memory(self.limit),
        }
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
        self.retire_all();
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
        let layouts = &self.layouts;
        let live = self
            .space
            .sweep(self.stress, &mut |obj| finalize(layouts, obj));
        self.since = 0;
        self.trigger = if self.stress {
            0
        } else {
            live.saturating_mul(TRIGGER_FACTOR).max(MIN_TRIGGER)
        };
        // Empty chunks enough for what is allocated until the next
        // collection stay: a program in a steady state would otherwise give
        // chunks back to the system and fault their pages in again every
        // cycle (a tenth of the run time of a program that allocates much).
        self.space.release_empty(self.trigger);
        self.stats.live_bytes = live;
        self.stats.collections += 1;
        self.stats.time += started.elapsed();
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        // The thread is ending: objects that own Rust memory give it back,
        // and no window may point into the chunks about to be freed (an
        // allocation from here on takes the slow path, and finds no heap).
        self.retire_all();
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
        if let Some(f) = self.space.mark_new(w) {
            prefetch(f.start);
            self.gray.push(f);
        }
    }
}

/// Start loading the cache line at `addr`: a gray object is traced some
/// time after it is marked, and by then its header and first fields are
/// in the cache instead of a miss each.
#[inline(always)]
fn prefetch(addr: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it reads nothing and cannot fault,
    // whatever the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(addr as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = addr;
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

/// The fast path: the next cell of `size`'s class from its window, with
/// `type_id` in its header, or `None` when the window is used up (or the
/// class has none). `size` is at most `MAX_SMALL`.
#[inline(always)]
fn bump(size: usize, type_id: u32) -> Option<usize> {
    let (class, cell) = Space::class_of(size);
    WINDOWS.with(|w| {
        let p = w.next[class].get();
        let end = p + cell;
        if end > w.limit[class].get() {
            return None;
        }
        w.next[class].set(end);
        // SAFETY: `p..end` is a cell of the class's window: zeroed by the
        // slow path, marked allocated, and handed out to nobody before.
        unsafe { *(p as *mut u64) = type_id as u64 };
        Some(p)
    })
}

/// `bump` for any size: `None` for a large object. The slow paths that
/// only had a cache miss (not a used-up window) still take the window.
fn bump_small(size: usize, type_id: u32) -> Option<usize> {
    if size <= MAX_SMALL {
        bump(size, type_id)
    } else {
        None
    }
}

/// Is `type_id` in a direct-mapped cache of type ids?
#[inline(always)]
fn cached(cache: &[Cell<u64>; TYPE_CACHE], type_id: u32) -> bool {
    cache[type_id as usize % TYPE_CACHE].get() == type_id as u64 + 1
}

fn remember(cache: &[Cell<u64>; TYPE_CACHE], type_id: u32) {
    cache[type_id as usize % TYPE_CACHE].set(type_id as u64 + 1);
}

/// Allocate a zeroed object of `size` bytes whose header holds `type_id`.
#[inline]
pub fn alloc(size: usize, type_id: u32) -> usize {
    let size = size.max(8);
    if size <= MAX_SMALL {
        if let Some(p) = bump(size, type_id) {
            return p;
        }
    }
    alloc_slow(size, type_id)
}

#[inline(never)]
fn alloc_slow(size: usize, type_id: u32) -> usize {
    with_heap(|h| h.alloc(size, type_id))
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
#[inline]
pub unsafe fn alloc_owning(size: usize, type_id: u32) -> usize {
    let size = size.max(8);
    // A type seen with a drop function keeps one (registrations only
    // replace), so the check is made once per type and thread.
    if size <= MAX_SMALL && WINDOWS.with(|w| cached(&w.owners, type_id)) {
        if let Some(p) = bump(size, type_id) {
            Space::set_owning_small(p);
            return p;
        }
    }
    alloc_owning_slow(size, type_id)
}

#[inline(never)]
fn alloc_owning_slow(size: usize, type_id: u32) -> usize {
    with_heap(|h| {
        h.layouts.refresh();
        if h.layouts.drop_fn(type_id).is_none() {
            panic!("gc::alloc_owning: type {type_id} has no drop function (gc::register_drop)");
        }
        WINDOWS.with(|w| remember(&w.owners, type_id));
        let p = bump_small(size, type_id).unwrap_or_else(|| h.alloc(size, type_id));
        h.space.set_owning(p);
        p
    })
}

/// Allocate a zeroed array object of `size` bytes for descriptor `d`,
/// deriving its type layout from `d` the first time.
#[inline]
pub fn alloc_array(d: &ArrayDescr, size: usize) -> usize {
    let size = size.max(8);
    if size <= MAX_SMALL && WINDOWS.with(|w| cached(&w.arrays, d.type_id)) {
        if let Some(p) = bump(size, d.type_id) {
            return p;
        }
    }
    alloc_array_slow(d, size)
}

#[inline(never)]
fn alloc_array_slow(d: &ArrayDescr, size: usize) -> usize {
    with_heap(|h| {
        if h.derived.insert(d.type_id) {
            layout::register_default(d.type_id, TypeLayout::of_array(d));
        }
        WINDOWS.with(|w| remember(&w.arrays, d.type_id));
        if size > h.limit {
            out_of_memory(h.limit);
        }
        bump_small(size, d.type_id).unwrap_or_else(|| h.alloc(size, d.type_id))
    })
}

/// Register the layout `d` implies (unless the type has one), for code
/// that allocates arrays of `d` through the windows without asking the
/// heap: compiled code's inline `new_array`.
pub(crate) fn register_array_layout(d: &ArrayDescr) {
    layout::register_default(d.type_id, TypeLayout::of_array(d));
}

/// The size class of an object of `size` bytes and the bytes of its cell,
/// or `None` for a large object (which has no window).
pub(crate) fn small_class(size: usize) -> Option<(usize, usize)> {
    let size = size.max(8);
    (size <= MAX_SMALL).then(|| Space::class_of(size))
}

/// The address of this thread's windows, for compiled code (which runs on
/// the thread that compiled it: the JIT state is per thread).
pub(crate) fn windows_address() -> usize {
    WINDOWS.with(|w| w as *const Windows as usize)
}

/// Where class `class`'s next pointer is, from `windows_address()`.
pub(crate) fn window_next_offset(class: usize) -> i32 {
    (std::mem::offset_of!(Windows, next) + 8 * class) as i32
}

/// Where class `class`'s limit pointer is, from `windows_address()`.
pub(crate) fn window_limit_offset(class: usize) -> i32 {
    (std::mem::offset_of!(Windows, limit) + 8 * class) as i32
}

/// Collect now.
pub fn collect() {
    with_heap(|h| h.collect())
}

/// Turn the stress mode (a collection at every allocation) on or off for
/// this thread's heap.
pub fn set_stress(on: bool) {
    with_heap(|h| {
        h.retire_all();
        h.stress = on;
        h.trigger = if on {
            0
        } else {
            h.stats
                .live_bytes
                .saturating_mul(TRIGGER_FACTOR)
                .max(MIN_TRIGGER)
        };
    })
}

/// This thread's heap statistics (all zero once the thread's heap is gone).
pub fn stats() -> GcStats {
    HEAP.try_with(|h| {
        let h = h.borrow();
        GcStats {
            heap_bytes: h.space.heap_bytes(),
            allocated_bytes: h.stats.allocated_bytes + h.window_bytes(),
            chunks_allocated: h.space.chunks_allocated,
            ..h.stats.clone()
        }
    })
    .unwrap_or_default()
}

/// Is `addr` inside an object allocated on this thread's heap (and not
/// freed)? For tests and assertions.
pub fn is_live_object(addr: usize) -> bool {
    with_heap(|h| {
        h.retire_all();
        h.space.find(addr).is_some()
    })
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
        h.retire_all();
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
