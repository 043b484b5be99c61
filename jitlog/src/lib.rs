//! `jitlog`: reads the logs metajit writes under `METAJIT_LOG` and renders
//! them, for `mj-jitlog`. Split in a streaming parser (`parse`) that keeps
//! only aggregates and the traces, a fixed-size timeline (`timeline`), the
//! structure of one trace (`trace`) and two renderers (`text`, `html`), so
//! that the tests can check each step on its own.

pub mod html;
pub mod parse;
pub mod text;
pub mod timeline;
pub mod trace;

pub use parse::{parse, parse_file, JitLog};
pub use timeline::{Phase, Timeline};
