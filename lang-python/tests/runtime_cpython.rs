//! The runtime's pure functions against CPython 3.11's own answers. The
//! expected values live in `tests/data/*.tsv`, written by the python3
//! scripts beside them; each submodule reads one area's files.

#[path = "runtime_cpython/arith.rs"]
mod arith;
#[path = "runtime_cpython/format.rs"]
mod format;
#[path = "runtime_cpython/hash.rs"]
mod hash;
#[path = "runtime_cpython/printf.rs"]
mod printf;
#[path = "runtime_cpython/random.rs"]
mod random;
#[path = "runtime_cpython/robustness.rs"]
mod robustness;
#[path = "runtime_cpython/support.rs"]
mod support;
#[path = "runtime_cpython/template.rs"]
mod template;
#[path = "runtime_cpython/text.rs"]
mod text;
