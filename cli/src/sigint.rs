//! Ctrl-C while a program runs: the REPL installs a SIGINT handler for the
//! time of one evaluation, and the handler only asks metajit to stop the
//! run (`metajit::interrupt::request`, a store to an atomic flag, which is
//! all a signal handler may safely do). The interpreter loop and compiled
//! code see the flag at their next back edge and the run returns an
//! "interrupted" error. Outside evaluations the previous disposition is
//! back: at the prompt the line editor reads Ctrl-C as a key, and a Ctrl-C
//! anywhere else ends the process as usual.

use std::io;
use std::mem::MaybeUninit;

extern "C" fn on_sigint(_signal: libc::c_int) {
    metajit::interrupt::request();
}

/// While this lives, SIGINT interrupts the running program instead of
/// ending the process.
pub struct CtrlCInterrupts {
    previous: libc::sigaction,
}

impl CtrlCInterrupts {
    /// Install the handler, remembering the disposition it replaces.
    pub fn install() -> io::Result<CtrlCInterrupts> {
        // SAFETY: an all-zero `sigaction` is a valid value of this plain C
        // struct (no handler, empty mask, no flags); every field that
        // matters is set below.
        let mut action: libc::sigaction = unsafe { MaybeUninit::zeroed().assume_init() };
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SA_RESTART: a system call the signal arrives in (a write of the
        // program's output) goes on rather than failing with EINTR.
        action.sa_flags = libc::SA_RESTART;
        // SAFETY: `sa_mask` is a valid, writable sigset_t inside `action`.
        unsafe { libc::sigemptyset(&mut action.sa_mask) };
        let mut previous = MaybeUninit::<libc::sigaction>::uninit();
        // SAFETY: both pointers are valid for the call; `on_sigint` is an
        // `extern "C"` function that only does an atomic store, which is
        // async-signal-safe.
        if unsafe { libc::sigaction(libc::SIGINT, &action, previous.as_mut_ptr()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: `sigaction` succeeded, so it wrote the old disposition.
        let previous = unsafe { previous.assume_init() };
        Ok(CtrlCInterrupts { previous })
    }
}

impl Drop for CtrlCInterrupts {
    fn drop(&mut self) {
        // SAFETY: `previous` is the disposition `sigaction` gave back in
        // `install`, so restoring it is valid; the old-action pointer may
        // be null.
        unsafe { libc::sigaction(libc::SIGINT, &self.previous, std::ptr::null_mut()) };
    }
}
