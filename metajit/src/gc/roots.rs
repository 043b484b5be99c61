//! Roots: what the collector starts marking from.
//!
//! Five sources, all per thread like the heap:
//! - the native stack and the registers, scanned conservatively: every
//!   word from the collector's own frame up to the thread's stack top that
//!   points into an allocated object keeps it alive (so Rust locals and the
//!   values compiled code keeps in callee-saved registers or in its frame's
//!   stack slots need no rooting ceremony). The callee-saved registers are
//!   first spilled into a local array by a few instructions of inline asm;
//! - `Root` handles and root tracers, for references kept in Rust heap
//!   memory (a `Vec` in a builtin, a table of globals);
//! - `RootedWords`, a `Vec<u64>` of mixed words that is scanned
//!   conservatively (the IR interpreter's value vector);
//! - `TraceConstants`: the reference constants of a trace, from the moment
//!   the recorder writes them down (the trace holds the addresses, in Rust
//!   heap memory nobody scans) and, for a compiled trace, as long as its code
//!   (docs/architecture.md, "Memory": machine code embeds the addresses);
//!   dropping the handle releases them, so freeing a loop can free them too;
//! - permanent roots, for objects that must live as long as the thread.
//!
//! The interface is narrow on purpose (handles, tracer callbacks, a
//! conservative stack) so that a binding to MMTk could provide it later.

use crate::ir::{Arg, Trace};
use hashbrown::HashSet;
use std::cell::{Cell, RefCell};

/// A root tracer: called at each collection with a visitor for references.
pub type Tracer = Box<dyn Fn(&mut dyn FnMut(usize))>;

#[derive(Default)]
struct RootSet {
    slots: Vec<usize>,
    free_slots: Vec<usize>,
    tracers: Vec<Option<Tracer>>,
    regions: Vec<Option<*const Vec<u64>>>,
    permanent: HashSet<usize>,
}

thread_local! {
    static ROOTS: RefCell<RootSet> = RefCell::new(RootSet::default());
    static STACK_TOP: Cell<usize> = const { Cell::new(0) };
}

/// A handle that keeps one object (or 0) alive while it exists, wherever
/// the handle itself is stored. Not `Send`: heaps are per thread.
pub struct Root {
    index: usize,
    _not_send: std::marker::PhantomData<*const ()>,
}

impl Root {
    pub fn new(obj: usize) -> Root {
        let index = ROOTS.with(|r| {
            let mut r = r.borrow_mut();
            match r.free_slots.pop() {
                Some(i) => {
                    r.slots[i] = obj;
                    i
                }
                None => {
                    r.slots.push(obj);
                    r.slots.len() - 1
                }
            }
        });
        Root {
            index,
            _not_send: std::marker::PhantomData,
        }
    }
    pub fn get(&self) -> usize {
        ROOTS.with(|r| r.borrow().slots[self.index])
    }
    pub fn set(&self, obj: usize) {
        ROOTS.with(|r| r.borrow_mut().slots[self.index] = obj)
    }
}

impl Drop for Root {
    fn drop(&mut self) {
        let _ = ROOTS.try_with(|r| {
            let mut r = r.borrow_mut();
            r.slots[self.index] = 0;
            r.free_slots.push(self.index);
        });
    }
}

/// Identifies a root tracer, for `remove_root_tracer`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct TracerId(usize);

/// Register a function that reports references held outside the GC heap:
/// at each collection it is called with a visitor, to be called with each
/// reference (0 and odd words are ignored). It must not allocate or
/// register roots.
pub fn add_root_tracer(tracer: Tracer) -> TracerId {
    ROOTS.with(|r| {
        let mut r = r.borrow_mut();
        r.tracers.push(Some(tracer));
        TracerId(r.tracers.len() - 1)
    })
}

pub fn remove_root_tracer(id: TracerId) {
    let _ = ROOTS.try_with(|r| r.borrow_mut().tracers[id.0] = None);
}

/// Keep `obj` alive for as long as the thread lives (a constant in
/// compiled code). Registering the same object twice is harmless.
pub fn add_permanent_root(obj: usize) {
    if obj != 0 {
        ROOTS.with(|r| r.borrow_mut().permanent.insert(obj));
    }
}

/// The reference constants of one trace, kept alive while the handle
/// exists: a trace being recorded (the recorder owns one) or a compiled
/// trace (the driver keeps it as long as the code).
#[must_use = "the constants stay alive only while the handle does"]
pub struct TraceConstants {
    words: RootedWords,
    seen: HashSet<usize>,
}

impl TraceConstants {
    /// An empty set.
    pub fn new() -> TraceConstants {
        TraceConstants {
            words: RootedWords::new(Vec::new()),
            seen: HashSet::new(),
        }
    }

    /// Keep alive every object among `args` (the reference constants).
    pub fn add(&mut self, args: &[Arg]) {
        for a in args {
            if let Arg::Ref(p) = *a {
                if p != 0 && self.seen.insert(p) {
                    self.words.push(p as u64);
                }
            }
        }
    }

    /// How many objects the set keeps alive.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

impl Default for TraceConstants {
    fn default() -> TraceConstants {
        TraceConstants::new()
    }
}

/// Root every reference constant of a trace (operands and guard fail
/// arguments) for as long as the returned handle lives: compiled code
/// embeds the addresses, so keep the handle as long as the code.
pub fn add_trace_constants(trace: &Trace) -> TraceConstants {
    let mut roots = TraceConstants::new();
    for op in &trace.ops {
        roots.add(&op.args);
        if let Some(g) = &op.guard {
            roots.add(&g.fail_args);
        }
    }
    roots
}

/// A vector of machine words, each of which may be a reference: scanned
/// conservatively at every collection while it exists. Dereferences to the
/// `Vec`, so it is used like one.
pub struct RootedWords {
    /// Boxed so the `Vec` the registry points at stays put when the
    /// `RootedWords` moves.
    #[allow(clippy::box_collection)]
    words: Box<Vec<u64>>,
    index: usize,
    _not_send: std::marker::PhantomData<*const ()>,
}

impl RootedWords {
    pub fn new(words: Vec<u64>) -> RootedWords {
        let words = Box::new(words);
        let ptr: *const Vec<u64> = &*words;
        let index = ROOTS.with(|r| {
            let mut r = r.borrow_mut();
            match r.regions.iter().position(|x| x.is_none()) {
                Some(i) => {
                    r.regions[i] = Some(ptr);
                    i
                }
                None => {
                    r.regions.push(Some(ptr));
                    r.regions.len() - 1
                }
            }
        });
        RootedWords {
            words,
            index,
            _not_send: std::marker::PhantomData,
        }
    }
}

impl std::ops::Deref for RootedWords {
    type Target = Vec<u64>;
    fn deref(&self) -> &Vec<u64> {
        &self.words
    }
}

impl std::ops::DerefMut for RootedWords {
    fn deref_mut(&mut self) -> &mut Vec<u64> {
        &mut self.words
    }
}

impl Drop for RootedWords {
    fn drop(&mut self) {
        let _ = ROOTS.try_with(|r| r.borrow_mut().regions[self.index] = None);
    }
}

/// Report every root but the stack: handles, tracers, rooted words and
/// permanent roots.
pub(crate) fn trace_registered(visit: &mut dyn FnMut(usize)) {
    ROOTS.with(|r| {
        let r = r.borrow();
        for &s in &r.slots {
            visit(s);
        }
        for t in r.tracers.iter().flatten() {
            t(visit);
        }
        for &region in r.regions.iter().flatten() {
            // SAFETY: a region is registered by a live `RootedWords`, which
            // owns the boxed `Vec` at this address and unregisters it on drop;
            // the heap is single-threaded, so it is not being resized now.
            let words = unsafe { &*region };
            for &w in words.iter() {
                visit(w as usize);
            }
        }
        for &p in &r.permanent {
            visit(p);
        }
    })
}

/// The highest address of this thread's stack.
fn stack_top() -> usize {
    let top = STACK_TOP.get();
    if top != 0 {
        return top;
    }
    let top = query_stack_top();
    STACK_TOP.set(top);
    top
}

#[cfg(target_os = "linux")]
fn query_stack_top() -> usize {
    let (low, size) = query_stack();
    low + size
}

/// The lowest address this thread's stack may grow down to (above its
/// guard page), for a language that keeps a reserve of stack for its
/// recursion errors. Measuring from a local's address instead would count
/// the thread-local storage that the C library places in the same block.
#[cfg(target_os = "linux")]
pub fn stack_low() -> usize {
    query_stack().0
}

#[cfg(target_os = "linux")]
fn query_stack() -> (usize, usize) {
    // SAFETY: `attr` is initialized by `pthread_getattr_np` before it is
    // read, and destroyed once; the out-pointers are valid locals.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            eprintln!("metajit: gc: cannot find the thread's stack");
            std::process::exit(1);
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let rc = libc::pthread_attr_getstack(&attr, &mut addr, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        if rc != 0 {
            eprintln!("metajit: gc: cannot find the thread's stack");
            std::process::exit(1);
        }
        (addr as usize, size)
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
pub fn stack_low() -> usize {
    // SAFETY: plain queries about the current thread.
    unsafe {
        let t = libc::pthread_self();
        libc::pthread_get_stackaddr_np(t) as usize - libc::pthread_get_stacksize_np(t)
    }
}

#[cfg(all(unix, not(target_os = "linux")))]
fn query_stack_top() -> usize {
    // SAFETY: plain queries about the current thread.
    unsafe {
        let t = libc::pthread_self();
        libc::pthread_get_stackaddr_np(t) as usize
    }
}

/// Copy the callee-saved registers into a local array and scan the stack
/// from there to the top. Never inlined, so the array lies below every
/// frame of the mutator.
#[inline(never)]
pub(crate) fn scan_stack(visit: &mut dyn FnMut(usize)) {
    let mut regs = [0usize; 12];
    spill_registers(&mut regs);
    std::hint::black_box(&mut regs);
    let lo = &regs as *const _ as usize;
    let top = stack_top();
    let mut p = (lo + 7) & !7;
    while p + 8 <= top {
        // SAFETY: every address between a live local of this frame and the
        // top of this thread's stack is mapped and readable; words are read
        // as plain integers, whatever they held.
        let w = unsafe { std::ptr::read_volatile(p as *const usize) };
        visit(w);
        p += 8;
    }
    std::hint::black_box(&regs);
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn spill_registers(out: &mut [usize; 12]) {
    // SAFETY: only stores the callee-saved registers into `out`, which has
    // room for them; no register or flag is modified.
    unsafe {
        std::arch::asm!(
            "mov [{0}], rbx",
            "mov [{0} + 8], rbp",
            "mov [{0} + 16], r12",
            "mov [{0} + 24], r13",
            "mov [{0} + 32], r14",
            "mov [{0} + 40], r15",
            in(reg) out.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
}

#[cfg(target_arch = "aarch64")]
#[inline(always)]
fn spill_registers(out: &mut [usize; 12]) {
    // SAFETY: only stores callee-saved registers x19–x29 into `out`, which
    // has room for them; nothing else is modified.
    unsafe {
        std::arch::asm!(
            "stp x19, x20, [{0}]",
            "stp x21, x22, [{0}, #16]",
            "stp x23, x24, [{0}, #32]",
            "stp x25, x26, [{0}, #48]",
            "stp x27, x28, [{0}, #64]",
            "str x29, [{0}, #80]",
            in(reg) out.as_mut_ptr(),
            options(nostack, preserves_flags),
        );
    }
}
