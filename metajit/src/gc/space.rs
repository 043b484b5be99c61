//! Where objects live: size-class chunks and a large-object space.
//!
//! Small objects (up to `MAX_SMALL` bytes) go into *chunks*: `CHUNK_SIZE`
//! blocks aligned to their size, each serving one size class. A chunk's
//! metadata sits at its start (cell size, an allocated bitmap and a mark
//! bitmap, one bit per cell), so the chunk of any address is one mask away
//! and the cell index one multiply by a reciprocal (no division).
//!
//! Allocation hands out *runs*: `take_run` finds the next stretch of free
//! cells of a class at or after the chunk's cursor (at most about
//! `LINK_WINDOW` bytes, and no more than the caller asks for), sets their
//! allocated bits all at once and returns the stretch, which `gc` zeroes and
//! turns into a bump window (`gc/mod.rs`: compiled code and the inline fast
//! path bump a pointer through it). A window's cells count as allocated
//! from the start; what is left of one when it is given up is handed back
//! with `release`, which clears their bits, before any collection looks at
//! the bitmaps. After a sweep, chunks with free cells wait in a per-class
//! queue with their cursor at 0: sweeping of the bitmaps is eager (a few
//! hundred word operations per chunk), finding runs is lazy.
//!
//! A run is at most `LINK_WINDOW` bytes so that a fresh chunk is not zeroed
//! (made resident) whole: every size class a program uses at all would
//! otherwise cost `CHUNK_SIZE` of memory even if it holds three objects.
//!
//! Larger objects are allocated one by one from the system allocator and
//! kept in an ordered map, so that an interior pointer finds its object with
//! one range query. Nothing ever moves: an address is an object's identity.
//!
//! Objects that own Rust memory (`gc::alloc_owning`) have a bit in a third
//! bitmap, and their chunk counts them; only chunks whose count is not zero
//! look for dead owning objects in the sweep (the drop function runs before
//! the cell is poisoned or reused), so the sweep of every other chunk costs
//! one more comparison. Large objects carry the flag themselves.
//!
//! The allocated bitmap is what makes conservative roots safe: a word is an
//! object reference only if it points into a cell whose allocated bit is
//! set, so stale stack words pointing at free cells keep nothing alive
//! (the unused rest of a window is released before a collection marks, for
//! the same reason).

use hashbrown::HashSet;
use std::alloc::{self, Layout};
use std::collections::BTreeMap;

pub(crate) const CHUNK_SIZE: usize = 256 * 1024;
const MIN_CELL: usize = 16;
const BITMAP_WORDS: usize = CHUNK_SIZE / MIN_CELL / 64;
/// At most how many bytes of cells one run spans (at least one cell).
pub(crate) const LINK_WINDOW: usize = 16 * 1024;
/// The largest object served from chunks; larger ones are large objects.
pub(crate) const MAX_SMALL: usize = 8192;

/// Cell sizes: every 16 bytes up to 128, then four steps per doubling.
const CLASS_SIZES: [usize; 32] = [
    16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024,
    1280, 1536, 1792, 2048, 2560, 3072, 3584, 4096, 5120, 6144, 7168, 8192,
];
pub(crate) const NCLASSES: usize = CLASS_SIZES.len();

/// Size class by `(size + 15) / 16`, for sizes up to `MAX_SMALL`.
const CLASS_OF: [u8; MAX_SMALL / 16 + 1] = {
    let mut t = [0u8; MAX_SMALL / 16 + 1];
    let mut i = 0;
    let mut c = 0;
    while i < t.len() {
        while CLASS_SIZES[c] < i * 16 {
            c += 1;
        }
        t[i] = c as u8;
        i += 1;
    }
    t
};

#[repr(C)]
struct ChunkHeader {
    cell_size: usize,
    /// `ceil(2^32 / cell_size)`: `(offset * recip) >> 32` is the cell index
    /// of any offset inside the chunk (exact for cells up to 16 KiB).
    recip: u64,
    ncells: usize,
    class: usize,
    /// How many cells have their `owning` bit set.
    owners: usize,
    /// The cell where the search for the next free run starts.
    cursor: usize,
    alloc: [u64; BITMAP_WORDS],
    mark: [u64; BITMAP_WORDS],
    /// Cells holding objects that own Rust memory (a subset of `alloc`).
    owning: [u64; BITMAP_WORDS],
}

/// Offset of the first cell in a chunk, after the header.
const FIRST_CELL: usize = (std::mem::size_of::<ChunkHeader>() + 15) & !15;

fn header<'a>(chunk: usize) -> &'a mut ChunkHeader {
    // SAFETY: `chunk` is the base of a chunk this space allocated (callers
    // only pass bases taken from `chunks`, `empty` or checked against
    // `chunk_set`); its first bytes hold an initialized `ChunkHeader`, and the
    // heap is single-threaded, so no other reference to it is in use.
    unsafe { &mut *(chunk as *mut ChunkHeader) }
}

#[inline(always)]
fn cell_index(h: &ChunkHeader, chunk: usize, addr: usize) -> usize {
    (((addr - chunk - FIRST_CELL) as u64 * h.recip) >> 32) as usize
}

/// The first cell index in `from..limit` whose bit is clear, if any.
fn next_clear(bits: &[u64], from: usize, limit: usize) -> Option<usize> {
    let mut i = from;
    while i < limit {
        let w = i / 64;
        let free = !bits[w] & (u64::MAX << (i % 64));
        if free != 0 {
            let found = w * 64 + free.trailing_zeros() as usize;
            return (found < limit).then_some(found);
        }
        i = (w + 1) * 64;
    }
    None
}

/// The first cell index in `from..limit` whose bit is set, or `limit`.
fn next_set(bits: &[u64], from: usize, limit: usize) -> usize {
    let mut i = from;
    while i < limit {
        let w = i / 64;
        let used = bits[w] & (u64::MAX << (i % 64));
        if used != 0 {
            return (w * 64 + used.trailing_zeros() as usize).min(limit);
        }
        i = (w + 1) * 64;
    }
    limit
}

/// The mask of bits `from % 64 ..` of word `w`, up to bit `to` (exclusive).
fn word_mask(w: usize, from: usize, to: usize) -> u64 {
    let lo = from.max(w * 64) - w * 64;
    let hi = to.min(w * 64 + 64) - w * 64;
    let upper = if hi == 64 { u64::MAX } else { (1u64 << hi) - 1 };
    upper & (u64::MAX << lo)
}

fn set_bits(bits: &mut [u64], from: usize, to: usize) {
    let first = from / 64;
    for (w, word) in bits[first..to.div_ceil(64)].iter_mut().enumerate() {
        *word |= word_mask(first + w, from, to);
    }
}

fn clear_bits(bits: &mut [u64], from: usize, to: usize) {
    let first = from / 64;
    for (w, word) in bits[first..to.div_ceil(64)].iter_mut().enumerate() {
        *word &= !word_mask(first + w, from, to);
    }
}

/// An object found by address: its start and the bytes it may occupy.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub size: usize,
}

struct Large {
    size: usize,
    marked: bool,
    owning: bool,
}

pub(crate) struct Space {
    /// Chunks in use, each with a size class.
    chunks: Vec<usize>,
    chunk_set: HashSet<usize>,
    /// Empty chunks kept for reuse by any class.
    empty: Vec<usize>,
    /// Bounds of every address that can be inside an object.
    lo: usize,
    hi: usize,
    /// Chunks that may have free cells at or after their cursor, per class.
    pending: [Vec<usize>; NCLASSES],
    large: BTreeMap<usize, Large>,
    large_bytes: usize,
    /// How many size classes had a chunk when the last sweep began.
    classes_swept: usize,
    /// Chunks taken from the system allocator so far.
    pub(crate) chunks_allocated: u64,
}

impl Space {
    pub(crate) fn new() -> Space {
        Space {
            chunks: Vec::new(),
            chunk_set: HashSet::new(),
            empty: Vec::new(),
            lo: usize::MAX,
            hi: 0,
            pending: std::array::from_fn(|_| Vec::new()),
            large: BTreeMap::new(),
            large_bytes: 0,
            classes_swept: 0,
            chunks_allocated: 0,
        }
    }

    /// The class and cell size for an object of `size` bytes (≤ `MAX_SMALL`).
    #[inline(always)]
    pub(crate) fn class_of(size: usize) -> (usize, usize) {
        let c = CLASS_OF[size.max(1).div_ceil(16)] as usize;
        (c, CLASS_SIZES[c])
    }

    /// Bytes of memory the heap holds: chunks (used and empty) and large objects.
    pub(crate) fn heap_bytes(&self) -> usize {
        (self.chunks.len() + self.empty.len()) * CHUNK_SIZE + self.large_bytes
    }

    /// Take the next run of free cells of `class`: at most `max_bytes`
    /// (but at least one cell) and at most `LINK_WINDOW` bytes, from the
    /// pending chunks. The cells are marked allocated but not zeroed.
    /// Returns the run's start and end, or `None` if the class has no free
    /// cell left without a new chunk.
    pub(crate) fn take_run(&mut self, class: usize, max_bytes: usize) -> Option<(usize, usize)> {
        while let Some(&chunk) = self.pending[class].last() {
            let h = header(chunk);
            let Some(first) = next_clear(&h.alloc, h.cursor, h.ncells) else {
                h.cursor = h.ncells;
                self.pending[class].pop();
                continue;
            };
            let most = (max_bytes.min(LINK_WINDOW) / h.cell_size).max(1);
            let cap = (first + most).min(h.ncells);
            let end = next_set(&h.alloc, first, cap);
            set_bits(&mut h.alloc, first, end);
            h.cursor = end;
            if end == h.ncells {
                self.pending[class].pop();
            }
            let base = chunk + FIRST_CELL;
            return Some((base + first * h.cell_size, base + end * h.cell_size));
        }
        None
    }

    /// Give back the cells of `[from, to)`, part of a run that `take_run`
    /// returned and nothing was allocated in: they become free again (for
    /// the allocator after the next sweep; the cursor has moved past them).
    pub(crate) fn release(&mut self, from: usize, to: usize) {
        if from >= to {
            return;
        }
        let chunk = from & !(CHUNK_SIZE - 1);
        let h = header(chunk);
        let first = cell_index(h, chunk, from);
        let end = cell_index(h, chunk, to - 1) + 1;
        clear_bits(&mut h.alloc, first, end);
    }

    /// Give `class` a fresh (or recycled) chunk; false if the system
    /// allocator refused.
    pub(crate) fn add_chunk(&mut self, class: usize) -> bool {
        let chunk = match self.empty.pop() {
            Some(c) => c,
            None => {
                let layout = Layout::from_size_align(CHUNK_SIZE, CHUNK_SIZE).unwrap();
                // SAFETY: the layout has a non-zero size.
                let p = unsafe { alloc::alloc(layout) } as usize;
                if p == 0 {
                    return false;
                }
                self.lo = self.lo.min(p);
                self.hi = self.hi.max(p + CHUNK_SIZE);
                self.chunks_allocated += 1;
                p
            }
        };
        let cell_size = CLASS_SIZES[class];
        // SAFETY: the chunk's first `FIRST_CELL` bytes are reserved for its
        // header; zeroing them gives empty bitmaps, then the fields are set.
        unsafe { std::ptr::write_bytes(chunk as *mut u8, 0, FIRST_CELL) };
        let h = header(chunk);
        h.cell_size = cell_size;
        h.recip = (1u64 << 32).div_ceil(cell_size as u64);
        h.ncells = (CHUNK_SIZE - FIRST_CELL) / cell_size;
        h.class = class;
        h.cursor = 0;
        self.chunks.push(chunk);
        self.chunk_set.insert(chunk);
        self.pending[class].push(chunk);
        true
    }

    /// Allocate a zeroed large object of `size` bytes; 0 if the system refused.
    pub(crate) fn alloc_large(&mut self, size: usize) -> usize {
        let size = (size + 15) & !15;
        let Ok(layout) = Layout::from_size_align(size, 16) else {
            return 0;
        };
        // SAFETY: the layout has a non-zero size (larger than MAX_SMALL).
        let p = unsafe { alloc::alloc_zeroed(layout) } as usize;
        if p == 0 {
            return 0;
        }
        self.lo = self.lo.min(p);
        self.hi = self.hi.max(p + size);
        self.large.insert(
            p,
            Large {
                size,
                marked: false,
                owning: false,
            },
        );
        self.large_bytes += size;
        p
    }

    /// The object containing `addr` (its start or any byte inside it), if
    /// `addr` points into an allocated object.
    #[inline]
    pub(crate) fn find(&self, addr: usize) -> Option<Found> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        let chunk = addr & !(CHUNK_SIZE - 1);
        if self.chunk_set.contains(&chunk) {
            if addr < chunk + FIRST_CELL {
                return None;
            }
            let h = header(chunk);
            let i = cell_index(h, chunk, addr);
            if i >= h.ncells || h.alloc[i / 64] & (1 << (i % 64)) == 0 {
                return None;
            }
            return Some(Found {
                start: chunk + FIRST_CELL + i * h.cell_size,
                size: h.cell_size,
            });
        }
        let (&start, large) = self.large.range(..=addr).next_back()?;
        (addr < start + large.size).then_some(Found {
            start,
            size: large.size,
        })
    }

    /// The object `addr` points into, if it was not marked yet: it is
    /// marked now (`find` then `mark`, with one chunk lookup).
    #[inline]
    pub(crate) fn mark_new(&mut self, addr: usize) -> Option<Found> {
        if addr < self.lo || addr >= self.hi {
            return None;
        }
        let chunk = addr & !(CHUNK_SIZE - 1);
        if !self.chunk_set.contains(&chunk) {
            let f = self.find(addr)?;
            return self.mark(f).then_some(f);
        }
        if addr < chunk + FIRST_CELL {
            return None;
        }
        let h = header(chunk);
        let i = cell_index(h, chunk, addr);
        let bit = 1u64 << (i % 64);
        if i >= h.ncells || h.alloc[i / 64] & bit == 0 || h.mark[i / 64] & bit != 0 {
            return None;
        }
        h.mark[i / 64] |= bit;
        Some(Found {
            start: chunk + FIRST_CELL + i * h.cell_size,
            size: h.cell_size,
        })
    }

    /// Note that the object at `p`, just allocated, owns Rust memory: the
    /// sweep hands it to `finalize` when it dies.
    pub(crate) fn set_owning(&mut self, p: usize) {
        let chunk = p & !(CHUNK_SIZE - 1);
        if self.chunk_set.contains(&chunk) {
            let h = header(chunk);
            let i = cell_index(h, chunk, p);
            h.owning[i / 64] |= 1 << (i % 64);
            h.owners += 1;
        } else if let Some(l) = self.large.get_mut(&p) {
            l.owning = true;
        }
    }

    /// `set_owning` for an object just allocated from a window (so in a
    /// chunk), without the lookup that tells chunks from large objects.
    #[inline(always)]
    pub(crate) fn set_owning_small(p: usize) {
        let chunk = p & !(CHUNK_SIZE - 1);
        let h = header(chunk);
        let i = cell_index(h, chunk, p);
        h.owning[i / 64] |= 1 << (i % 64);
        h.owners += 1;
    }

    /// Call `finalize` with every object of `chunk` that owns Rust memory and
    /// is not marked (all of them with `all`), and forget they own any.
    fn finalize_chunk(chunk: usize, all: bool, finalize: &mut dyn FnMut(usize)) {
        let h = header(chunk);
        for w in 0..h.ncells.div_ceil(64) {
            let keep = if all { 0 } else { h.mark[w] };
            let mut dying = h.owning[w] & !keep;
            if dying == 0 {
                continue;
            }
            h.owning[w] &= keep;
            h.owners -= dying.count_ones() as usize;
            while dying != 0 {
                let b = dying.trailing_zeros() as usize;
                dying &= dying - 1;
                finalize(chunk + FIRST_CELL + (w * 64 + b) * h.cell_size);
            }
            if h.owners == 0 {
                break;
            }
        }
    }

    /// Call `finalize` with every object that owns Rust memory, dead or
    /// alive (the thread's heap is going away).
    pub(crate) fn finalize_all(&mut self, finalize: &mut dyn FnMut(usize)) {
        for &chunk in &self.chunks {
            if header(chunk).owners != 0 {
                Space::finalize_chunk(chunk, true, finalize);
            }
        }
        for (&start, l) in self.large.iter_mut() {
            if std::mem::replace(&mut l.owning, false) {
                finalize(start);
            }
        }
    }

    /// Set the mark of the object at `start` (from `find`); true if it was
    /// not marked before.
    #[inline]
    pub(crate) fn mark(&mut self, f: Found) -> bool {
        if f.size <= MAX_SMALL {
            let chunk = f.start & !(CHUNK_SIZE - 1);
            if self.chunk_set.contains(&chunk) {
                let h = header(chunk);
                let i = cell_index(h, chunk, f.start);
                let bit = 1u64 << (i % 64);
                let was = h.mark[i / 64] & bit != 0;
                h.mark[i / 64] |= bit;
                return !was;
            }
        }
        match self.large.get_mut(&f.start) {
            Some(l) => !std::mem::replace(&mut l.marked, true),
            None => false,
        }
    }

    /// Free every unmarked object and clear the marks. Returns the bytes
    /// still allocated. Unmarked objects that own Rust memory are first
    /// handed to `finalize`. Chunks left empty wait for `release_empty`.
    /// With `poison`, freed cells are overwritten with 0xa5 bytes,
    /// so a use after free reads an impossible type id and garbage (the
    /// stress mode does this, to make rooting bugs loud).
    pub(crate) fn sweep(&mut self, poison: bool, finalize: &mut dyn FnMut(usize)) -> usize {
        let mut live = 0;
        for p in &mut self.pending {
            p.clear();
        }
        let mut kept = Vec::with_capacity(self.chunks.len());
        let mut classes = [false; NCLASSES];
        for &chunk in &self.chunks {
            classes[header(chunk).class] = true;
            if header(chunk).owners != 0 {
                Space::finalize_chunk(chunk, false, finalize);
            }
            let h = header(chunk);
            let mut n = 0;
            for w in 0..h.ncells.div_ceil(64) {
                let mut freed = h.alloc[w] & !h.mark[w];
                while poison && freed != 0 {
                    let b = freed.trailing_zeros() as usize;
                    freed &= freed - 1;
                    let cell = chunk + FIRST_CELL + (w * 64 + b) * h.cell_size;
                    // SAFETY: the cell is inside this chunk and its object
                    // is unreachable.
                    unsafe { std::ptr::write_bytes(cell as *mut u8, 0xa5, h.cell_size) };
                }
                h.alloc[w] = h.mark[w];
                h.mark[w] = 0;
                n += h.alloc[w].count_ones() as usize;
            }
            live += n * h.cell_size;
            if n == 0 {
                self.chunk_set.remove(&chunk);
                self.empty.push(chunk);
            } else {
                if n < h.ncells {
                    h.cursor = 0;
                    self.pending[h.class].push(chunk);
                }
                kept.push(chunk);
            }
        }
        self.chunks = kept;
        self.classes_swept = classes.iter().filter(|&&c| c).count();
        // Allocate from low chunks first: `pop` takes from the end.
        for p in &mut self.pending {
            p.reverse();
        }
        let mut freed = 0;
        self.large.retain(|&start, l| {
            if std::mem::replace(&mut l.marked, false) {
                live += l.size;
                true
            } else {
                if l.owning {
                    finalize(start);
                }
                freed += l.size;
                let layout = Layout::from_size_align(l.size, 16).unwrap();
                // SAFETY: allocated by `alloc_large` with this layout; it is
                // unreachable, and removed from the map here.
                unsafe { alloc::dealloc(start as *mut u8, layout) };
                false
            }
        });
        self.large_bytes -= freed;
        live
    }
}

impl Space {
    /// Give empty chunks back to the system, keeping enough for `bytes` of
    /// allocation in the classes the last cycle used: `bytes` of whole
    /// chunks, and one more per class, which may leave one partly used.
    pub(crate) fn release_empty(&mut self, bytes: usize) {
        let keep = bytes / CHUNK_SIZE + self.classes_swept;
        while self.empty.len() > keep {
            let chunk = self.empty.pop().unwrap();
            let layout = Layout::from_size_align(CHUNK_SIZE, CHUNK_SIZE).unwrap();
            // SAFETY: `chunk` came from `alloc::alloc` with this layout and
            // holds no object (it is in no list any more).
            unsafe { alloc::dealloc(chunk as *mut u8, layout) };
        }
    }

    /// Show `visit` every allocated object: its start and the bytes of its
    /// cell (for `abi::check`).
    pub(crate) fn for_each_object(&self, visit: &mut dyn FnMut(Found)) {
        for &chunk in &self.chunks {
            let h = header(chunk);
            for w in 0..h.ncells.div_ceil(64) {
                let mut bits = h.alloc[w];
                while bits != 0 {
                    let b = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    visit(Found {
                        start: chunk + FIRST_CELL + (w * 64 + b) * h.cell_size,
                        size: h.cell_size,
                    });
                }
            }
        }
        for (&start, l) in &self.large {
            visit(Found {
                start,
                size: l.size,
            });
        }
    }
}

impl Drop for Space {
    fn drop(&mut self) {
        // The thread is ending: nothing can reach its objects any more
        // (compiled code and interpreters are per thread).
        let layout = Layout::from_size_align(CHUNK_SIZE, CHUNK_SIZE).unwrap();
        for &chunk in self.chunks.iter().chain(&self.empty) {
            // SAFETY: every chunk came from `alloc::alloc` with this layout.
            unsafe { alloc::dealloc(chunk as *mut u8, layout) };
        }
        for (&start, l) in &self.large {
            let layout = Layout::from_size_align(l.size, 16).unwrap();
            // SAFETY: allocated by `alloc_large` with this layout.
            unsafe { alloc::dealloc(start as *mut u8, layout) };
        }
    }
}
