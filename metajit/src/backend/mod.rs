//! Backends: what turns an optimized trace into something that runs.
//!
//! Two implement the same contract: `interp`, which executes the IR directly
//! (the reference semantics, and the fallback off x86-64), and `x64`, which
//! emits machine code. Both are driven through `Backend`, so the driver and
//! the differential tests cannot tell them apart except by speed.
//!
//! The contract:
//! - a loop is compiled under a number the driver chooses; its trace's inputs
//!   are the values `execute` is given, in order;
//! - a guard is known by the id the driver stored in its `GuardInfo`; when it
//!   fails, execution stops and reports that id and the values of its fail
//!   arguments (constants included), in order;
//! - a bridge is compiled for a guard id; its trace's inputs receive that
//!   guard's fail-argument values, and from then on the guard's failure runs
//!   the bridge instead of exiting;
//! - `jump` with `Descr::None` goes back to the start of the trace that
//!   contains it (a bridge has no start of its own to go back to, so a
//!   bridge always jumps with `Descr::Loop` or `Descr::Label`); `jump`
//!   with `Descr::Loop(n)` enters loop `n` at its start with the jump's
//!   arguments as its inputs; `jump` with `Descr::Label(n)` enters loop `n`
//!   just after its label, the jump's arguments going to the variables
//!   `Trace::label_entry` lists; `finish` stops and reports its arguments.
//!
//! - `execute_into` hands an exit's values back in a buffer the caller
//!   keeps, so that entering compiled code (a residual call into a
//!   compiled function entry, many times a second) allocates nothing;
//!   `execute` is the same with a vector per exit, for tests.
//!
//! - `free` forgets a loop and its guards' bridges: the driver decides when
//!   (`shared.rs`), the backend releases what it holds for them.
//!
//! Every method takes `&self`: compiled code may call helpers that run the
//! interpreter, which may compile or execute more code, so a backend must not
//! hold a borrow of its own state while code runs.

pub mod interp;
#[cfg(target_arch = "x86_64")]
pub mod x64;

use crate::ir::Trace;

/// How a run of compiled code ended, with its values (`Backend::execute`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Guard `id` failed (and had no bridge); `values` are its fail arguments.
    Guard { id: u32, values: Vec<u64> },
    /// A `finish` operation ran with these arguments.
    Finish { values: Vec<u64> },
}

/// How a run of compiled code ended, its values left in the caller's
/// buffer (`Backend::execute_into`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Stop {
    /// Guard `id` failed (and had no bridge); the values are its fail
    /// arguments.
    Guard(u32),
    /// A `finish` operation ran; the values are its arguments.
    Finish,
}

/// Why a trace could not be compiled. The driver logs it and gives up on the
/// trace; the interpreter goes on as if it had never been traced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError(pub String);

pub trait Backend {
    fn name(&self) -> &'static str;
    fn compile_loop(&self, id: u32, trace: &Trace) -> Result<(), CompileError>;
    fn compile_bridge(&self, guard: u32, trace: &Trace) -> Result<(), CompileError>;
    /// Run loop `id` from `inputs` until a guard fails or a `finish` runs,
    /// leaving the exit's values in `values` (cleared first): the driver
    /// passes a buffer it keeps, so that a run allocates nothing.
    fn execute_into(&self, id: u32, inputs: &[u64], values: &mut Vec<u64>) -> Stop;
    /// The same, with the values in a vector of their own.
    fn execute(&self, id: u32, inputs: &[u64]) -> Exit {
        let mut values = Vec::new();
        match self.execute_into(id, inputs, &mut values) {
            Stop::Guard(id) => Exit::Guard { id, values },
            Stop::Finish => Exit::Finish { values },
        }
    }
    /// Forget loop `id` and the guards `guards` (its own and its bridges'),
    /// with their bridges and their code. The driver calls it only when no
    /// code of them is running and no remaining code jumps to the loop.
    fn free(&self, id: u32, guards: &[u32]);
    /// Bytes of machine code the backend holds now.
    fn code_bytes(&self) -> usize;
    /// A human-readable listing of loop `id`'s code, for the
    /// `jit-backend-dump` log: a first line `loop N:`, or a note saying why
    /// there is no code.
    fn listing(&self, id: u32) -> String;
    /// The same for the bridge attached to guard `guard`: a first line
    /// `bridge out of guard G:`, or a note.
    fn bridge_listing(&self, guard: u32) -> String;
}

/// The header word every heap object starts with holds its type id in its low
/// 32 bits; `guard_class` compares those bits with its constant.
pub const CLASS_OFFSET: i32 = 0;
