//! The allocation fast path's bookkeeping (gc/mod.rs): bump windows must
//! not change when collections happen, what the statistics count, what the
//! stress mode does, or that new objects come zeroed.
//!
//! Each test runs in a thread of its own, so it starts from a fresh heap
//! (nothing allocated since the last collection, the trigger at its
//! minimum of 2 MiB) that no other test shares.

use metajit::gc;
use metajit::heap;
use metajit::ir::{ArrayDescr, SizeDescr, Type};

/// The heap's documented minimum trigger: no collection before 2 MiB.
const MIN_TRIGGER: u64 = 2 << 20;

/// 64-byte cells.
static OBJ64: SizeDescr = SizeDescr {
    name: "obj64",
    type_id: 5001,
    size: 64,
};
/// 16-byte cells (an 8-byte object rounds up to the smallest class).
static OBJ16: SizeDescr = SizeDescr {
    name: "obj16",
    type_id: 5002,
    size: 8,
};
/// Six items: 16 + 48 = 64 bytes, a 64-byte cell.
static INTS: ArrayDescr = ArrayDescr {
    name: "ints",
    type_id: 5003,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};

fn fresh_thread<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(move || {
        gc::set_stress(false);
        f()
    })
    .join()
    .expect("test thread")
}

/// Allocate `bytes` bytes in the pattern `alloc` makes (each call returns
/// the bytes of the cell it used), checking no collection happened.
fn allocate_without_collecting(bytes: u64, mut alloc: impl FnMut(u64) -> u64) {
    let mut done = 0;
    let mut k = 0;
    while done < bytes {
        done += alloc(k);
        k += 1;
        assert_eq!(
            gc::stats().collections,
            0,
            "collected after {done} of {bytes} bytes"
        );
    }
    assert_eq!(done, bytes, "the pattern must add up to the budget exactly");
}

#[test]
fn collection_comes_after_the_trigger_bytes_of_one_class() {
    let (collections, allocated) = fresh_thread(|| {
        allocate_without_collecting(MIN_TRIGGER, |_| {
            heap::alloc_object(&OBJ64);
            64
        });
        assert_eq!(gc::stats().allocated_bytes, MIN_TRIGGER);
        // One more byte than the trigger allows: this one collects.
        heap::alloc_object(&OBJ64);
        let s = gc::stats();
        (s.collections, s.allocated_bytes)
    });
    assert_eq!(collections, 1);
    assert_eq!(allocated, MIN_TRIGGER + 64);
}

#[test]
fn windows_of_several_classes_share_one_budget() {
    // Objects of 16 and 64 bytes and arrays of 64, interleaved: each class
    // has a window of its own, but together they may not pass the trigger
    // before a collection, nor make one come early.
    let (collections, allocated) = fresh_thread(|| {
        allocate_without_collecting(MIN_TRIGGER, |k| match k % 3 {
            0 => {
                heap::alloc_object(&OBJ16);
                16
            }
            1 => {
                heap::alloc_array(&INTS, 6);
                64
            }
            _ => {
                heap::alloc_object(&OBJ64);
                64
            }
        });
        heap::alloc_object(&OBJ16);
        let s = gc::stats();
        (s.collections, s.allocated_bytes)
    });
    assert_eq!(collections, 1);
    assert_eq!(allocated, MIN_TRIGGER + 16);
}

#[test]
fn the_trigger_is_twice_the_live_bytes_left() {
    // 1.5 MiB kept live: the next collection comes after 3 MiB, not at
    // the 2 MiB minimum (nor after 1.5 MiB).
    let (collections, before) = fresh_thread(|| {
        let kept = std::hint::black_box(heap::alloc_array(&INTS, 3 << 16));
        gc::collect();
        let live = gc::stats().live_bytes as u64;
        assert!(live >= 3 << 19, "the array is live: {live}");
        let before = gc::stats().collections;
        let mut done = 0;
        while done + 64 <= 2 * live {
            heap::alloc_object(&OBJ64);
            done += 64;
            assert_eq!(
                gc::stats().collections,
                before,
                "collected after {done} bytes"
            );
        }
        heap::alloc_object(&OBJ64);
        std::hint::black_box(kept);
        (gc::stats().collections, before)
    });
    assert_eq!(collections, before + 1);
}

#[test]
fn stress_mode_collects_at_every_allocation() {
    let collections = fresh_thread(|| {
        gc::set_stress(true);
        for k in 0..50 {
            if k % 2 == 0 {
                heap::alloc_object(&OBJ64);
            } else {
                heap::alloc_array(&INTS, 3);
            }
        }
        let c = gc::stats().collections;
        gc::set_stress(false);
        c
    });
    assert_eq!(collections, 50);
}

#[test]
fn reused_cells_come_zeroed() {
    let dirty = fresh_thread(|| {
        // Fill many cells with ones, let them die, collect, allocate again:
        // the cells come back from the sweep and must be zero once more.
        for _ in 0..20_000 {
            let o = heap::alloc_object(&OBJ64);
            for off in (8..64).step_by(8) {
                // SAFETY: inside a fresh 64-byte object.
                unsafe { heap::store(o, off, 8, u64::MAX) };
            }
        }
        gc::collect();
        let mut dirty = 0;
        for _ in 0..20_000 {
            let o = heap::alloc_object(&OBJ64);
            for off in (8..64).step_by(8) {
                // SAFETY: inside a fresh 64-byte object.
                if unsafe { heap::load(o, off, 8) } != 0 {
                    dirty += 1;
                }
            }
            // SAFETY: the header word of a fresh object.
            assert_eq!(unsafe { heap::load(o, 0, 8) }, OBJ64.type_id as u64);
        }
        dirty
    });
    assert_eq!(dirty, 0);
}

#[test]
fn objects_left_in_a_window_are_found_and_the_rest_is_not() {
    fresh_thread(|| {
        let a = heap::alloc_object(&OBJ64);
        let b = heap::alloc_object(&OBJ64);
        assert!(gc::is_live_object(a) && gc::is_live_object(b));
        // The cell after the last object was in the window, unused.
        assert!(!gc::is_live_object(b.max(a) + 64));
    });
}

#[test]
fn a_steady_state_takes_no_new_chunks_from_the_system() {
    // Garbage of twelve size classes, round and round: every collection
    // frees it all, and the chunks it leaves empty are what the next cycle
    // needs again. Giving them back to the system would fault their pages
    // in again each cycle.
    let (warm, settled) = fresh_thread(|| {
        let churn = |collections: u64| {
            let stop = gc::stats().collections + collections;
            let mut k = 0;
            while gc::stats().collections < stop {
                heap::alloc_array(&INTS, k % 12 * 8 + 1);
                k += 1;
            }
        };
        churn(3);
        let warm = gc::stats().chunks_allocated;
        churn(10);
        (warm, gc::stats().chunks_allocated)
    });
    assert!(warm > 0);
    assert_eq!(settled, warm, "chunks taken after the heap settled");
}
