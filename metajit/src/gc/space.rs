//! Where objects live: size-class chunks and a large-object space.
//!
//! Small objects (up to `MAX_SMALL` bytes) go into *chunks*: `CHUNK_SIZE`
//! blocks aligned to their size, each serving one size class. A chunk's
//! metadata sits at its start (cell size, an allocated bitmap and a mark
//! bitmap, one bit per cell), so the chunk of any address is one mask away
//! and the cell index one multiply by a reciprocal (no division). Free cells
//! are threaded into a free list through their first word, one chunk at a
//! time: after a sweep, chunks with free cells wait in a per-class queue and
//! get their free list built only when allocation reaches them (lazy
//! sweeping of the free list, eager sweeping of the bitmaps, which is a few
//! hundred word operations per chunk). The fast path is a list pop.
//!
//! A chunk's free list is built one window of about `LINK_WINDOW` bytes at
//! a time, not all at once: linking writes into every free cell, so a fresh
//! chunk linked whole would be resident whole, and every size class a
//! program uses at all would cost `CHUNK_SIZE` of memory even if it holds
//! three objects.
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
//! set, so stale stack words pointing at free cells keep nothing alive and
//! free-list links are never mistaken for objects.

use hashbrown::HashSet;
use std::alloc::{self, Layout};
use std::collections::BTreeMap;

pub(crate) const CHUNK_SIZE: usize = 256 * 1024;
const MIN_CELL: usize = 16;
const BITMAP_WORDS: usize = CHUNK_SIZE / MIN_CELL / 64;
/// About how many bytes of a chunk one refill links into a free list.
const LINK_WINDOW: usize = 16 * 1024;
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
    /// The bitmap word where the next window of the free list starts, and
    /// how many words a window spans (`LINK_WINDOW` bytes of cells).
    link_from: usize,
    window_words: usize,
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
    /// The free list being allocated from, per class (0: empty).
    free: [usize; NCLASSES],
    /// Chunks with free cells whose free list is not built yet, per class.
    pending: [Vec<usize>; NCLASSES],
    large: BTreeMap<usize, Large>,
    large_bytes: usize,
}

impl Space {
    pub(crate) fn new() -> Space {
        Space {
            chunks: Vec::new(),
            chunk_set: HashSet::new(),
            empty: Vec::new(),
            lo: usize::MAX,
            hi: 0,
            free: [0; NCLASSES],
            pending: std::array::from_fn(|_| Vec::new()),
            large: BTreeMap::new(),
            large_bytes: 0,
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

    /// Pop a free cell of class `class`, or 0 if the class has none left
    /// without a new chunk. The cell is marked allocated but not zeroed.
    #[inline(always)]
    pub(crate) fn pop(&mut self, class: usize) -> usize {
        let mut cell = self.free[class];
        if cell == 0 {
            cell = self.refill(class);
            if cell == 0 {
                return 0;
            }
        }
        // SAFETY: `cell` is a free cell of a live chunk, taken from this
        // class's free list; its first word holds the next link (0 at the end).
        self.free[class] = unsafe { *(cell as *const usize) };
        let chunk = cell & !(CHUNK_SIZE - 1);
        let h = header(chunk);
        let i = cell_index(h, chunk, cell);
        h.alloc[i / 64] |= 1 << (i % 64);
        cell
    }

    /// Build the free list of the next window of the next pending chunk of
    /// `class` (a chunk leaves the queue once its last window is linked).
    #[inline(never)]
    fn refill(&mut self, class: usize) -> usize {
        while let Some(&chunk) = self.pending[class].last() {
            let h = header(chunk);
            let words = h.ncells.div_ceil(64);
            let window = h.link_from..(h.link_from + h.window_words).min(words);
            h.link_from = window.end;
            if window.end == words {
                self.pending[class].pop();
            }
            let mut head = 0usize;
            // Link free cells from the top down so the list runs upwards.
            for w in window.rev() {
                let mut free = !h.alloc[w];
                if w == h.ncells / 64 {
                    free &= (1u64 << (h.ncells % 64)) - 1;
                }
                while free != 0 {
                    let b = 63 - free.leading_zeros() as usize;
                    free &= !(1u64 << b);
                    let cell = chunk + FIRST_CELL + (w * 64 + b) * h.cell_size;
                    // SAFETY: `cell` is a free cell inside this chunk; its
                    // first word is ours to use as the link.
                    unsafe { *(cell as *mut usize) = head };
                    head = cell;
                }
            }
            if head != 0 {
                self.free[class] = head;
                return head;
            }
        }
        0
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
        h.window_words = (LINK_WINDOW / (64 * cell_size)).max(1);
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
    /// handed to `finalize`. Empty chunks beyond `keep_empty` go back to the
    /// system. With `poison`, freed cells are overwritten with 0xa5 bytes,
    /// so a use after free reads an impossible type id and garbage (the
    /// stress mode does this, to make rooting bugs loud).
    pub(crate) fn sweep(
        &mut self,
        keep_empty: usize,
        poison: bool,
        finalize: &mut dyn FnMut(usize),
    ) -> usize {
        let mut live = 0;
        self.free = [0; NCLASSES];
        for p in &mut self.pending {
            p.clear();
        }
        let mut kept = Vec::with_capacity(self.chunks.len());
        for &chunk in &self.chunks {
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
                    h.link_from = 0;
                    self.pending[h.class].push(chunk);
                }
                kept.push(chunk);
            }
        }
        self.chunks = kept;
        // Allocate from low chunks first: `pop` takes from the end.
        for p in &mut self.pending {
            p.reverse();
        }
        while self.empty.len() > keep_empty {
            let chunk = self.empty.pop().unwrap();
            let layout = Layout::from_size_align(CHUNK_SIZE, CHUNK_SIZE).unwrap();
            // SAFETY: `chunk` came from `alloc::alloc` with this layout and
            // holds no object (it is in no list any more).
            unsafe { alloc::dealloc(chunk as *mut u8, layout) };
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
