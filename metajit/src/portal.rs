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
use std::sync::LazyLock;

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
    fn run_site(&self, site: u32, args: &[u64]) -> u64;
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

/// Take a raised exception, if that is what the slot holds.
pub(crate) fn take_raised() -> Option<usize> {
    if FLAG.with(|f| f.get()) == 0 {
        return None;
    }
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
    match RUNNER.with(|r| r.get()) {
        // SAFETY: the pointer was set by `enter_runner` and is removed before
        // the runner it points to goes away (see `RunnerScope`).
        Some(runner) => unsafe { (*runner).run_site(site as u32, args) },
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

extern "C" fn portal_site_0(site: u64) -> u64 {
    run_site(site, &[])
}
extern "C" fn portal_site_1(site: u64, a: u64) -> u64 {
    run_site(site, &[a])
}
extern "C" fn portal_site_2(site: u64, a: u64, b: u64) -> u64 {
    run_site(site, &[a, b])
}
extern "C" fn portal_site_3(site: u64, a: u64, b: u64, c: u64) -> u64 {
    run_site(site, &[a, b, c])
}
extern "C" fn portal_site_4(site: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    run_site(site, &[a, b, c, d])
}
extern "C" fn portal_site_5(site: u64, a: u64, b: u64, c: u64, d: u64, e: u64) -> u64 {
    run_site(site, &[a, b, c, d, e])
}

/// The most reds a residual call site passes (the trampolines take the site
/// and up to five words in integer registers).
pub(crate) const MAX_SITE_REDS: usize = 5;

fn site_descr(func: usize, reds: usize, ret: Type) -> CallDescr {
    CallDescr {
        name: "portal",
        func,
        args: &INT6[..=reds],
        ret,
        effects: Effects {
            kind: EffectKind::ForcesFrames,
            writes: None,
        },
    }
}

static INT6: [Type; 6] = [Type::Int; 6];

fn site_descrs(ret: Type) -> [CallDescr; 6] {
    let funcs: [usize; 6] = [
        portal_site_0 as *const () as usize,
        portal_site_1 as *const () as usize,
        portal_site_2 as *const () as usize,
        portal_site_3 as *const () as usize,
        portal_site_4 as *const () as usize,
        portal_site_5 as *const () as usize,
    ];
    std::array::from_fn(|reds| site_descr(funcs[reds], reds, ret))
}

static SITES_INT: LazyLock<[CallDescr; 6]> = LazyLock::new(|| site_descrs(Type::Int));
static SITES_REF: LazyLock<[CallDescr; 6]> = LazyLock::new(|| site_descrs(Type::Ref));

/// The descriptor of a residual call passing `reds` words and returning `ret`
/// (an int or a reference).
pub(crate) fn site_descr_for(reds: usize, ret: Type) -> &'static CallDescr {
    match ret {
        Type::Ref => &SITES_REF[reds],
        _ => &SITES_INT[reds],
    }
}

extern "C" fn take_exception() -> u64 {
    take_raised().unwrap_or(0) as u64
}

/// `take_exception()`: the exception a helper raised, taken from the slot;
/// what a trace calls after `guard_exception`.
pub(crate) static TAKE_EXCEPTION: LazyLock<CallDescr> = LazyLock::new(|| CallDescr {
    name: "take_exception",
    func: take_exception as *const () as usize,
    args: &[],
    ret: Type::Ref,
    effects: Effects {
        kind: EffectKind::CannotRaise,
        writes: Some(&[]),
    },
});
