//! The garbage-collected heap seen from Rust: what is reachable survives
//! (from locals, root handles, root tracers, other objects, cycles, interior
//! pointers), what is not is reclaimed and its memory reused. Every test runs
//! twice, normally and in the stress mode (a collection at every allocation).

use metajit::gc::{self, Root, TypeLayout};
use metajit::heap;
use metajit::ir::{ArrayDescr, SizeDescr, Type};
use std::cell::RefCell;
use std::hint::black_box;
use std::rc::Rc;

/// A list node: header, value (int) at 8, next (ref) at 16.
static NODE: SizeDescr = SizeDescr {
    name: "gc_node",
    type_id: 1001,
    size: 24,
};
/// The same shape, never registered: scanned conservatively.
static LOOSE: SizeDescr = SizeDescr {
    name: "gc_loose",
    type_id: 1002,
    size: 24,
};
static INTS: ArrayDescr = ArrayDescr {
    name: "gc_ints",
    type_id: 1003,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};
static REFS: ArrayDescr = ArrayDescr {
    name: "gc_refs",
    type_id: 1004,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};
/// A pair whose references are reported by a custom trace function.
static PAIR: SizeDescr = SizeDescr {
    name: "gc_pair",
    type_id: 1005,
    size: 32,
};

fn setup(stress: bool) {
    gc::register_type(NODE.type_id, TypeLayout::Fixed { refs: vec![16] });
    gc::register_type(
        PAIR.type_id,
        TypeLayout::Custom(|obj, visit| {
            // SAFETY: the collector calls this with a live pair (32 bytes).
            let (a, b) = unsafe { (heap::load(obj, 16, 8), heap::load(obj, 24, 8)) };
            visit(a as usize);
            visit(b as usize);
        }),
    );
    gc::set_stress(stress);
}

fn node(d: &'static SizeDescr, value: i64, next: usize) -> usize {
    let n = heap::alloc_object(d);
    // SAFETY: `n` was just allocated with 24 bytes and is on the stack.
    unsafe {
        heap::store(n, 8, 8, value as u64);
        heap::store(n, 16, 8, next as u64);
    }
    n
}

fn ints(len: usize, fill: i64) -> usize {
    let a = heap::alloc_array(&INTS, len as i64);
    for i in 0..len {
        let at = heap::item_offset(&INTS, i as i64);
        // SAFETY: `a` was just allocated with `len` items and is on the stack.
        unsafe { heap::store(a, at, 8, (fill + i as i64) as u64) };
    }
    a
}

/// Allocate and drop `n` small arrays of every small size class up to 112
/// bytes (reusing freed cells would clobber anything wrongly freed).
#[inline(never)]
fn garbage(n: usize) {
    for k in 0..n {
        black_box(ints(k % 12, k as i64));
    }
}

fn list_sum(mut n: usize) -> (i64, usize) {
    let (mut sum, mut len) = (0, 0);
    while n != 0 {
        // SAFETY: `n` is a node of a list the caller keeps alive (what the
        // tests check is that the collector agrees).
        let (value, next) = unsafe { (heap::load(n, 8, 8), heap::load(n, 16, 8)) };
        sum += value as i64;
        len += 1;
        n = next as usize;
    }
    (sum, len)
}

fn linked_list(stress: bool) {
    setup(stress);
    let mut head = 0;
    for i in 1..=500 {
        head = node(&NODE, i, head);
        garbage(3);
    }
    gc::collect();
    garbage(2000);
    assert_eq!(list_sum(head), (500 * 501 / 2, 500));
}

fn conservative_objects(stress: bool) {
    setup(stress);
    let mut head = 0;
    for i in 1..=300 {
        head = node(&LOOSE, i, head);
        garbage(2);
    }
    gc::collect();
    garbage(1000);
    assert_eq!(list_sum(head), (300 * 301 / 2, 300));
}

fn cycles(stress: bool) {
    setup(stress);
    // A live cycle survives.
    let a = node(&NODE, 1, 0);
    let b = node(&NODE, 2, a);
    // SAFETY: `a` is a live node (on the stack).
    unsafe { heap::store(a, 16, 8, b as u64) };
    // Dead cycles are reclaimed: the heap stays bounded.
    for _ in 0..200_000 {
        let x = node(&NODE, 3, 0);
        let y = node(&NODE, 4, x);
        // SAFETY: `x` is a live node (on the stack).
        unsafe { heap::store(x, 16, 8, y as u64) };
        if stress {
            break;
        }
    }
    gc::collect();
    garbage(100);
    // SAFETY: `a` and `b` are on the stack, so alive (if the collector works).
    unsafe {
        assert_eq!(heap::load(a, 16, 8) as usize, b);
        assert_eq!(heap::load(b, 16, 8) as usize, a);
        assert_eq!(heap::load(heap::load(a, 16, 8) as usize, 8, 8), 2);
    }
    assert!(gc::stats().live_bytes < 1 << 20, "{:?}", gc::stats());
}

fn ref_arrays_and_custom(stress: bool) {
    setup(stress);
    let arr = heap::alloc_array(&REFS, 64);
    for i in 0..64 {
        let x = ints(4, 100 * i);
        // SAFETY: `arr` (64 items) is on the stack.
        unsafe { heap::store(arr, heap::item_offset(&REFS, i), 8, x as u64) };
        garbage(2);
    }
    let pair = heap::alloc_object(&PAIR);
    let first = ints(2, 7);
    // SAFETY: `pair` (32 bytes) is on the stack.
    unsafe {
        heap::store(pair, 16, 8, first as u64);
        heap::store(pair, 24, 8, arr as u64);
    }
    let pair = Root::new(pair);
    gc::collect();
    garbage(2000);
    // SAFETY: everything read here is reachable from the rooted pair.
    unsafe {
        let arr = heap::load(pair.get(), 24, 8) as usize;
        for i in 0..64 {
            let x = heap::load(arr, heap::item_offset(&REFS, i), 8) as usize;
            assert_eq!(
                heap::load(x, heap::item_offset(&INTS, 3), 8),
                100 * i as u64 + 3
            );
        }
        let first = heap::load(pair.get(), 16, 8) as usize;
        assert_eq!(heap::load(first, heap::item_offset(&INTS, 1), 8), 8);
    }
}

/// Build a list and hand it out only through a root, its address hidden.
#[inline(never)]
fn rooted_list() -> Root {
    let root = Root::new(0);
    for i in 1..=100 {
        root.set(node(&NODE, i, root.get()));
    }
    root
}

fn root_handles(stress: bool) {
    setup(stress);
    let root = rooted_list();
    gc::collect();
    garbage(3000);
    assert_eq!(list_sum(root.get()), (5050, 100));
    drop(root);
}

fn root_tracers(stress: bool) {
    setup(stress);
    let table: Rc<RefCell<Vec<usize>>> = Rc::new(RefCell::new(Vec::new()));
    let t = table.clone();
    let id = gc::add_root_tracer(Box::new(move |visit| {
        for &x in t.borrow().iter() {
            visit(x);
        }
    }));
    for i in 0..200 {
        let a = ints(5, 1000 * i);
        table.borrow_mut().push(a);
    }
    gc::collect();
    garbage(3000);
    for (i, &a) in table.borrow().iter().enumerate() {
        // SAFETY: `a` (5 items) is reported by the root tracer.
        let item = unsafe { heap::load(a, heap::item_offset(&INTS, 4), 8) };
        assert_eq!(item, 1000 * i as u64 + 4);
    }
    gc::remove_root_tracer(id);
}

fn interior_pointers(stress: bool) {
    setup(stress);
    let a = ints(10, 50);
    // Only a pointer to item 6 stays visible.
    let inner = black_box(a + heap::item_offset(&INTS, 6) as usize);
    let a = black_box(0usize) + a; // the start may well linger; that is fine
    let _ = a;
    garbage(3000);
    gc::collect();
    assert_eq!(unsafe_free_load(inner), 56);
    assert!(gc::is_live_object(inner));
}

fn unsafe_free_load(addr: usize) -> u64 {
    // SAFETY: `addr` points inside an object the caller keeps alive.
    unsafe { heap::load(addr, 0, 8) }
}

fn garbage_is_reclaimed(stress: bool) {
    setup(stress);
    let n = if stress { 20_000 } else { 2_000_000 };
    let before = gc::stats();
    garbage(n);
    let after = gc::stats();
    assert!(after.collections > before.collections);
    // 2 M arrays of 40 bytes would be 96 MB without reuse.
    assert!(after.heap_bytes < 24 << 20, "{after:?}");
    assert!(after.peak_heap_bytes < 24 << 20, "{after:?}");
}

fn large_objects(stress: bool) {
    setup(stress);
    let keep = ints(100_000, 1);
    let n = if stress { 50 } else { 2_000 };
    for _ in 0..n {
        black_box(ints(50_000, 0));
    }
    gc::collect();
    // SAFETY: `keep` (100 000 items) is on the stack.
    let last = unsafe { heap::load(keep, heap::item_offset(&INTS, 99_999), 8) };
    assert_eq!(last, 100_000);
    // 2000 x 400 KB = 800 MB without freeing.
    assert!(gc::stats().heap_bytes < 64 << 20, "{:?}", gc::stats());
}

fn identity_hash(stress: bool) {
    setup(stress);
    let objs: Vec<Root> = (0..50).map(|i| Root::new(node(&NODE, i, 0))).collect();
    let hashes: Vec<u64> = objs.iter().map(|r| gc::identity_hash(r.get())).collect();
    garbage(2000);
    gc::collect();
    for (r, h) in objs.iter().zip(&hashes) {
        assert_eq!(gc::identity_hash(r.get()), *h);
    }
}

fn zeroed_memory(stress: bool) {
    setup(stress);
    for round in 0..3 {
        garbage(1000);
        let a = heap::alloc_array(&INTS, 20);
        // SAFETY: `a` (20 items) was just allocated and is on the stack.
        unsafe {
            for i in 0..20 {
                assert_eq!(
                    heap::load(a, heap::item_offset(&INTS, i), 8),
                    0,
                    "round {round}"
                );
            }
            assert_eq!(heap::type_id(a), INTS.type_id);
            assert_eq!(heap::load(a, INTS.len_offset as i64, 8), 20);
        }
    }
}

macro_rules! both {
    ($($name:ident => $normal:ident, $stress:ident;)*) => {$(
        #[test]
        fn $normal() {
            $name(false)
        }
        #[test]
        fn $stress() {
            $name(true)
        }
    )*};
}

both! {
    linked_list => linked_list_survives, linked_list_survives_stress;
    conservative_objects => unregistered_types_scanned_conservatively, unregistered_types_stress;
    cycles => cycles_live_and_dead, cycles_stress;
    ref_arrays_and_custom => ref_arrays_and_custom_layouts, ref_arrays_and_custom_stress;
    root_handles => root_handles_keep_objects, root_handles_stress;
    root_tracers => root_tracers_keep_objects, root_tracers_stress;
    interior_pointers => interior_pointers_keep_objects, interior_pointers_stress;
    garbage_is_reclaimed => garbage_is_reclaimed_and_reused, garbage_stress;
    large_objects => large_objects_reclaimed, large_objects_stress;
    identity_hash => identity_hash_survives_collection, identity_hash_stress;
    zeroed_memory => memory_is_zeroed, memory_is_zeroed_stress;
}

/// Past `METAJIT_HEAP_LIMIT`, allocation prints a clear error and exits 1.
#[test]
fn heap_limit_is_a_clear_error() {
    if std::env::var("GC_TEST_OOM_CHILD").is_ok() {
        let keep = Root::new(heap::alloc_array(&REFS, 1));
        loop {
            let a = heap::alloc_array(&REFS, 1000);
            // SAFETY: `a` (1000 items) was just allocated and is on the stack.
            unsafe { heap::store(a, heap::item_offset(&REFS, 0), 8, keep.get() as u64) };
            keep.set(a);
        }
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "heap_limit_is_a_clear_error", "--nocapture"])
        .env("GC_TEST_OOM_CHILD", "1")
        .env("METAJIT_HEAP_LIMIT", "32")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("metajit: out of memory: heap limit of 32 MiB reached"),
        "{stderr}"
    );
}
