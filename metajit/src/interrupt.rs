//! Interrupting a running user program (Ctrl-C in a REPL).
//!
//! One process-wide flag. A signal handler (or another thread) sets it with
//! `request`, which is async-signal-safe: a single atomic store. The modes
//! look at it only where the interpreter's state is a clean resume point:
//! the plain mode at every back edge (`can_enter_jit`, one relaxed load next
//! to the hot-counter tick), the recorder when it reaches a back edge, and
//! compiled code through `guard_not_interrupted`, which the recorder puts
//! before every loop-closing `jump` with the back edge's own resume point.
//! When the flag is seen, the portal (`Jit::run`) clears it and returns
//! `Err(Interrupted.into())`: the language turns it into its own error
//! (Python's `KeyboardInterrupt`, for instance), and nothing is left half
//! done, since every check sits where the interpreter could resume anyway.
//!
//! A program that never reaches a back edge (straight-line code) finishes
//! before it is noticed; a long residual call is not interrupted.

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// Nonzero while an interrupt is pending. A byte so that compiled code tests
/// it with one `cmp byte [addr], 0`.
static PENDING: AtomicU8 = AtomicU8::new(0);

/// Ask the running program to stop at its next back edge. Async-signal-safe.
pub fn request() {
    PENDING.store(1, Ordering::Relaxed);
}

/// Forget a pending request (before running a new program).
pub fn clear() {
    PENDING.store(0, Ordering::Relaxed);
}

/// Is an interrupt pending?
#[inline(always)]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Clear the flag; whether it was set. The driver asks at every entry
/// into compiled code: a load first, since the swap is a locked
/// instruction, many times slower than the load that finds the flag clear.
pub(crate) fn take() -> bool {
    pending() && PENDING.swap(0, Ordering::Relaxed) != 0
}

/// The flag's address, for backends that test it in compiled code.
pub(crate) fn flag_address() -> usize {
    PENDING.as_ptr() as usize
}

/// What `Jit::run` returns (converted into the interpreter's error type)
/// when a program was interrupted.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Interrupted;

impl fmt::Display for Interrupted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("interrupted")
    }
}

impl std::error::Error for Interrupted {}
