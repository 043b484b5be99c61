//! The conformance suite lives in `conformance.rs` (a libtest-mimic harness)
//! and its programs in one folder per language beside it.
