//! metajit: one meta-tracing JIT shared by many interpreters.
//!
//! An interpreter writes its dispatch loop once, generic over a `Mode`
//! (`hints`), and marks where the user program's loops are; Rust helpers it
//! calls without tracing into them are declared through `abi`. The plain mode
//! (`plain`) runs it as ordinary Rust and counts loop iterations; when a loop
//! is hot, the recording mode (`trace`) runs the same code and writes the IR
//! (`ir`) of what it did; the optimizer (`opt`) simplifies that trace; a
//! backend (`backend`) makes it executable; when a guard fails, `resume`
//! rebuilds the interpreter's state and the plain mode carries on. `driver`
//! moves between the modes; `log` reports what happened.

pub mod abi;
pub mod backend;
pub mod driver;
pub mod gc;
pub mod heap;
pub mod hints;
pub mod interrupt;
pub mod ir;
pub mod log;
pub mod opt;
pub mod params;
pub mod plain;
pub mod portal;
pub mod quasi;
pub mod resume;
pub mod shared;
pub mod trace;
pub mod value;

pub use driver::Jit;
pub use hints::{Completion, Exit, Greens, Interpreter, Mode, RedState, Val};
pub use interrupt::Interrupted;
pub use params::{BackendKind, ParamError, Params};
pub use plain::Plain;
pub use shared::Stats;
pub use trace::Recorder;
