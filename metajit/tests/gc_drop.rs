//! Objects that own Rust memory: a big integer object holds a
//! `num_bigint::BigInt`, whose digits live in Rust heap memory, and the
//! collector runs the type's drop function when such an object dies. A loop
//! making and dropping big integers then runs in constant memory: counted
//! (every dead one is dropped, normally and in the stress mode) and measured
//! (two million of them stay under a peak RSS bound that their digits alone,
//! never freed, would exceed). Live ones keep their value; large objects and
//! the objects still alive when a thread ends are dropped too.

use metajit::gc::{self, Root, TypeLayout};
use metajit::heap;
use metajit::ir::SizeDescr;
use num_bigint::BigInt;
use std::cell::Cell;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Once;

/// A big integer: header, then the `BigInt`.
static BIG: SizeDescr = SizeDescr {
    name: "big",
    type_id: 3001,
    size: (heap::PAYLOAD_OFFSET + std::mem::size_of::<BigInt>()) as u32,
};
/// The same, in a large object (over 8 KiB).
static LARGE_BIG: SizeDescr = SizeDescr {
    name: "large_big",
    type_id: 3002,
    size: 10_000,
};
/// The same, counted in a process-wide counter (for a thread's end).
static THREAD_BIG: SizeDescr = SizeDescr {
    name: "thread_big",
    type_id: 3003,
    size: BIG.size,
};
/// Never given a drop function.
static PLAIN: SizeDescr = SizeDescr {
    name: "plain",
    type_id: 3004,
    size: 16,
};

thread_local! {
    /// Drop functions run on the thread whose heap holds the object.
    static DROPPED: Cell<usize> = const { Cell::new(0) };
}
static THREAD_DROPPED: AtomicUsize = AtomicUsize::new(0);

/// # Safety
/// As `heap::drop_payload::<BigInt>`.
unsafe fn drop_big(obj: usize) {
    // SAFETY: the collector calls this once with a dead object made by
    // `alloc_payload::<BigInt>`.
    unsafe { heap::drop_payload::<BigInt>(obj) };
    let _ = DROPPED.try_with(|d| d.set(d.get() + 1));
}

/// # Safety
/// As `heap::drop_payload::<BigInt>`.
unsafe fn drop_thread_big(obj: usize) {
    // SAFETY: as in `drop_big`.
    unsafe { heap::drop_payload::<BigInt>(obj) };
    THREAD_DROPPED.fetch_add(1, Ordering::Relaxed);
}

fn setup(stress: bool) {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for d in [&BIG, &LARGE_BIG, &THREAD_BIG] {
            gc::register_type(d.type_id, TypeLayout::Fixed { refs: vec![] });
        }
        // SAFETY: these types' objects are only made by `big`, with
        // `alloc_payload::<BigInt>`, and the drop functions drop that.
        unsafe {
            gc::register_drop(BIG.type_id, drop_big);
            gc::register_drop(LARGE_BIG.type_id, drop_big);
            gc::register_drop(THREAD_BIG.type_id, drop_thread_big);
        }
    });
    gc::set_stress(stress);
}

fn dropped() -> usize {
    DROPPED.with(|d| d.get())
}

/// 10^99: a hundred decimal digits.
fn base() -> BigInt {
    BigInt::from(10u32).pow(99)
}

/// A big integer object holding `n`.
fn big(d: &'static SizeDescr, n: BigInt) -> usize {
    // SAFETY: `d` is one of the types registered with a drop function for
    // `BigInt` payloads in `setup`.
    unsafe { heap::alloc_payload(d, n) }
}

/// The value of a big integer object.
fn value(obj: usize) -> BigInt {
    // SAFETY: callers pass objects made by `big` that they keep alive.
    unsafe { heap::payload::<BigInt>(obj) }.clone()
}

/// Make `n` big integers of 100 digits, keeping every 1000th in a root;
/// in the stress mode, check as it goes that all but those are dropped.
#[inline(never)]
fn churn(n: usize, stress: bool) -> Vec<(Root, BigInt)> {
    let base = base();
    let mut kept = Vec::new();
    let start = dropped();
    for k in 0..n {
        let x = &base + k;
        let obj = big(&BIG, x.clone());
        if k % 1000 == 0 {
            kept.push((Root::new(obj), x));
        }
        black_box(obj);
        // Every allocation collects: only the kept ones and the newest few
        // (still on the stack) may be undropped.
        let undropped = k + 1 - (dropped() - start);
        assert!(
            !stress || undropped <= kept.len() + 8,
            "after {} big integers, {undropped} are not dropped",
            k + 1
        );
    }
    kept
}

fn dead_bigints_are_dropped(stress: bool) {
    setup(stress);
    let n = if stress { 5_000 } else { 500_000 };
    let start = dropped();
    let kept = churn(n, stress);
    gc::collect();
    let undropped = n - (dropped() - start);
    gc::set_stress(false);
    // A few may linger in stale stack words; without the drop function,
    // all of them would.
    assert!(
        undropped <= kept.len() + 16,
        "{undropped} of {n} dead big integers were not dropped ({} kept)",
        kept.len()
    );
    for (root, x) in &kept {
        assert_eq!(value(root.get()), *x);
    }
}

#[test]
fn dead_bigints_are_dropped_normal() {
    dead_bigints_are_dropped(false)
}

#[test]
fn dead_bigints_are_dropped_stress() {
    dead_bigints_are_dropped(true)
}

#[test]
fn large_owning_objects_are_dropped() {
    setup(false);
    let start = dropped();
    let keep = Root::new(big(&LARGE_BIG, base() * 7));
    let n = 2_000;
    for k in 0..n {
        black_box(big(&LARGE_BIG, base() + k));
    }
    gc::collect();
    let undropped = n - (dropped() - start);
    assert!(undropped <= 8, "{undropped} of {n} not dropped");
    assert_eq!(value(keep.get()), base() * 7);
}

#[test]
fn owning_objects_are_dropped_when_the_thread_ends() {
    setup(false);
    std::thread::spawn(|| {
        let roots: Vec<Root> = (0..100)
            .map(|k| Root::new(big(&THREAD_BIG, base() + k)))
            .collect();
        std::mem::forget(roots); // alive to the end
    })
    .join()
    .unwrap();
    assert_eq!(THREAD_DROPPED.load(Ordering::Relaxed), 100);
}

#[test]
#[should_panic(expected = "has no drop function")]
fn alloc_owning_needs_a_drop_function() {
    // SAFETY: it panics before allocating.
    unsafe { gc::alloc_owning(16, PLAIN.type_id) };
}

/// This process's peak resident set size, in KiB: the kernel's high-water
/// mark of this address space (`VmHWM`; not `getrusage`, whose maximum
/// survives `exec` and so would count the parent test process's memory).
fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no VmHWM in: {status}"))
}

const RSS_LIMIT_KB: u64 = 64 * 1024;

/// Two million big integers of 100 digits: their digits alone take 128 MB
/// (48 bytes each, in 64-byte allocations) if nothing frees them. Run in a
/// child process (this test, again), so no other test's memory counts.
#[test]
#[cfg(target_os = "linux")]
fn two_million_bigints_stay_under_64_mb() {
    if std::env::var("GC_DROP_RSS_CHILD").is_ok() {
        setup(false);
        let base = base();
        for k in 0..2_000_000u32 {
            black_box(big(&BIG, &base + k));
        }
        println!("peak_rss_kb={}", peak_rss_kb());
        return;
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "two_million_bigints_stay_under_64_mb",
            "--nocapture",
        ])
        .env("GC_DROP_RSS_CHILD", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kb: u64 = stdout
        .lines()
        .find_map(|l| l.split_once("peak_rss_kb=").map(|(_, v)| v))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in: {stdout}"));
    assert!(kb < RSS_LIMIT_KB, "peak RSS {kb} KiB, over {RSS_LIMIT_KB}");
}
