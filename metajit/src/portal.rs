//! What crosses between portal invocations: completions that compiled code
//! cannot take in stride, and residual user-level calls.
//!
//! A user-level call (`Mode::call_portal`) that the recorder does not inline
//! becomes `call_may_force` of a trampoline here (`portal_site_N`), whose
//! first argument is a *site* (an index into the driver's table of callee
//! greens and red kinds) and whose other arguments are the callee's reds.
//! The trampoline runs the callee through the portal of the interpreter that
//! is running the compiled code — found through `RUNNER`, set by the driver
//! for exactly as long as compiled code runs — and returns the callee's
//! result as a word.
//!
//! Nothing may unwind through compiled code, so everything but a plain
//! return of the expected type is left in the *pending slot* instead: an
//! exception the callee raised, a result of an unexpected type, or the
//! interpreter's own error. A helper that raises a language exception puts it
//! there too (`raise`). Compiled code tests the slot's flag byte with
//! `guard_no_exception` right after the call (and `guard_exception` where the
//! trace expects a raise); the driver takes what the slot holds when it
//! resumes (`resume.rs`). The slot is per thread, like the JIT and the heap.

use crate::ir::{CallDescr, EffectKind, Effects, Type};
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;

/// What a call left for the driver instead of returning it.
pub(crate) enum Pending {
    /// A language-level completion: a raised exception (`raised`), or a
    /// return whose type is not the one the trace expected.
    Completion { raised: bool, ty: Type, word: u64 },
    /// The interpreter's error (its `Interpreter::Error`), boxed.
    Error(Box<dyn Any>),
}

/// Runs the callee of a residual call site; implemented by the driver for
/// each interpreter.
pub(crate) trait SiteRunner {
    /// Run the callee of `site` from the start, through its portal.
    fn run_site(&self, site: u32, args: &[u64]) -> u64;
    /// Run the callee of `site` in its compiled entry trace (what
    /// `call_assembler` does), resuming it in the interpreter if a guard
    /// fails there.
    fn run_entry(&self, site: u32, args: &[u64]) -> u64;
}

thread_local! {
    /// Nonzero while `SLOT` holds something: what compiled code tests.
    static FLAG: Cell<u8> = const { Cell::new(0) };
    static SLOT: RefCell<Option<Pending>> = const { RefCell::new(None) };
    static RUNNER: Cell<Option<*const (dyn SiteRunner + 'static)>> = const { Cell::new(None) };
}

/// Raise the language exception `exception` (a GC reference) from a helper.
/// The helper then returns normally (any value); a trace's
/// `guard_no_exception` after the call fails, and the interpreter sees the
/// exception through `Mode::call_may_raise`.
pub fn raise(exception: usize) {
    set(Pending::Completion {
        raised: true,
        ty: Type::Ref,
        word: exception as u64,
    });
}

pub(crate) fn set(p: Pending) {
    SLOT.with(|s| *s.borrow_mut() = Some(p));
    FLAG.with(|f| f.set(1));
}

/// Take what the slot holds.
pub(crate) fn take() -> Option<Pending> {
    FLAG.with(|f| f.set(0));
    SLOT.with(|s| s.borrow_mut().take())
}

/// Take a raised exception, if that is what the slot holds. The plain
/// mode asks after every helper that may raise: the test of the flag is
/// inlined there, the rest is out of line.
#[inline(always)]
pub(crate) fn take_raised() -> Option<usize> {
    if FLAG.with(|f| f.get()) == 0 {
        return None;
    }
    take_raised_pending()
}

#[inline(never)]
fn take_raised_pending() -> Option<usize> {
    match take() {
        Some(Pending::Completion {
            raised: true, word, ..
        }) => Some(word as usize),
        other => {
            SLOT.with(|s| *s.borrow_mut() = other);
            FLAG.with(|f| f.set(1));
            None
        }
    }
}

pub(crate) fn is_pending() -> bool {
    FLAG.with(|f| f.get()) != 0
}

/// The address of this thread's flag byte, for compiled code.
pub(crate) fn flag_address() -> usize {
    FLAG.with(|f| f.as_ptr() as usize)
}

/// While alive, residual call sites run through `runner`.
pub(crate) struct RunnerScope<'a> {
    previous: Option<*const (dyn SiteRunner + 'static)>,
    _borrow: PhantomData<&'a ()>,
}

pub(crate) fn enter_runner<'a>(runner: &'a (dyn SiteRunner + 'a)) -> RunnerScope<'a> {
    let ptr: *const (dyn SiteRunner + 'a) = runner;
    // SAFETY: only the lifetime bound of the trait object changes. The
    // pointer is removed from `RUNNER` when the returned scope is dropped,
    // which its `'a` ties to before `runner`'s borrow ends, so it is never
    // used after that.
    let ptr: *const (dyn SiteRunner + 'static) = unsafe { std::mem::transmute(ptr) };
    let previous = RUNNER.with(|r| r.replace(Some(ptr)));
    RunnerScope {
        previous,
        _borrow: PhantomData,
    }
}

impl Drop for RunnerScope<'_> {
    fn drop(&mut self) {
        RUNNER.with(|r| r.set(self.previous));
    }
}

fn run_site(site: u64, args: &[u64]) -> u64 {
    run_with(|r| r.run_site(site as u32, args))
}

fn run_entry(site: u64, args: &[u64]) -> u64 {
    run_with(|r| r.run_entry(site as u32, args))
}

fn run_with(f: impl FnOnce(&dyn SiteRunner) -> u64) -> u64 {
    match RUNNER.with(|r| r.get()) {
        // SAFETY: the pointer was set by `enter_runner` and is removed before
        // the runner it points to goes away (see `RunnerScope`).
        Some(runner) => f(unsafe { &*runner }),
        None => {
            // Compiled code runs only inside the driver, which sets a runner;
            // report rather than crash if that is ever not so.
            set(Pending::Error(Box::new(
                "a residual call ran outside the driver",
            )));
            0
        }
    }
}

/// The effects of a residual user-level call: anything at all.
const FORCES: Effects = Effects {
    kind: EffectKind::ForcesFrames,
    reads: None,
    writes: None,
};

macro_rules! word {
    ($a:ident) => {
        u64
    };
}

/// Trampolines `$f(site, reds…) -> $ret` calling `$run`, one per number of
/// reds, and the array `$descrs` of their descriptors, indexed by that
/// number. The reds are passed as words (`Int`), whatever their kind.
macro_rules! sites {
    ($descrs:ident, $name:literal, $run:ident -> $ret:ty: $($f:ident($($a:ident),*);)*) => {
        $(extern "C" fn $f(site: u64 $(, $a: u64)*) -> $ret {
            $run(site, &[$($a),*]) as $ret
        })*
        static $descrs: [CallDescr; MAX_SITE_REDS + 1] = [$(
            CallDescr::of($name, $f as extern "C" fn(u64 $(, word!($a))*) -> $ret, FORCES),
        )*];
    };
}

sites! { SITES_INT, "portal", run_site -> u64:
    portal_site_0();
    portal_site_1(a);
    portal_site_2(a, b);
    portal_site_3(a, b, c);
    portal_site_4(a, b, c, d);
    portal_site_5(a, b, c, d, e);
}
sites! { SITES_REF, "portal", run_site -> usize:
    portal_site_ref_0();
    portal_site_ref_1(a);
    portal_site_ref_2(a, b);
    portal_site_ref_3(a, b, c);
    portal_site_ref_4(a, b, c, d);
    portal_site_ref_5(a, b, c, d, e);
}
sites! { ENTRIES_INT, "assembler", run_entry -> u64:
    entry_site_0();
    entry_site_1(a);
    entry_site_2(a, b);
    entry_site_3(a, b, c);
    entry_site_4(a, b, c, d);
    entry_site_5(a, b, c, d, e);
}
sites! { ENTRIES_REF, "assembler", run_entry -> usize:
    entry_site_ref_0();
    entry_site_ref_1(a);
    entry_site_ref_2(a, b);
    entry_site_ref_3(a, b, c);
    entry_site_ref_4(a, b, c, d);
    entry_site_ref_5(a, b, c, d, e);
}

/// The most reds a residual call site passes (the trampolines take the site
/// and up to five words in integer registers).
pub(crate) const MAX_SITE_REDS: usize = 5;

/// The descriptor of a residual call passing `reds` words and returning `ret`
/// (an int or a reference): into the portal, or (`compiled`) straight into
/// the callee's compiled entry.
pub(crate) fn site_descr_for(reds: usize, ret: Type, compiled: bool) -> &'static CallDescr {
    match (ret, compiled) {
        (Type::Ref, false) => &SITES_REF[reds],
        (_, false) => &SITES_INT[reds],
        (Type::Ref, true) => &ENTRIES_REF[reds],
        (_, true) => &ENTRIES_INT[reds],
    }
}

extern "C" fn take_exception() -> usize {
    take_raised().unwrap_or(0)
}

/// `take_exception()`: the exception a helper raised, taken from the slot;
/// what a trace calls after `guard_exception`.
pub(crate) static TAKE_EXCEPTION: CallDescr = CallDescr::of(
    "take_exception",
    take_exception as extern "C" fn() -> usize,
    Effects {
        kind: EffectKind::CannotRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);
