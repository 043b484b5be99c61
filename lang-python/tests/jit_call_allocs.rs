//! A compiled loop's residual calls allocate nothing on the Rust heap: a
//! call of a built-in function or method from compiled code (the `call` and
//! `call_method` helpers) passes its arguments without building a vector.
//!
//! Counted with a global allocator that counts the allocations of the
//! thread that runs Python: the same program runs twice, each on a thread of
//! its own with its own interpreter, once with 8000 more iterations of its
//! loop, all of them in compiled code; the second run may allocate a little
//! more (a bridge, the collector's pages), but not once per iteration. The
//! loop's result is checked against CPython's.

#[path = "../../metajit/tests/counting/mod.rs"]
mod counting;

/// The loop: built-in functions (`len`, `abs`) and methods of built-in
/// types (`dict.get`, `str.startswith`, `list.append`, `list.pop`), none of
/// which allocates a Python object here.
const PROGRAM: &str = "\
def work(n, s, d, l):
    total = 0
    for i in range(n):
        total += len(s) + abs(i - 5) + len(l) + d.get('k', 0)
        if s.startswith('ab'):
            total += 1
        l.append(i)
        l.pop()
    return total
assert work(N, 'abc', {'k': 2}, [1, 2]) == EXPECTED
";

/// The allocations of running `PROGRAM` with `n` iterations whose result
/// CPython gives as `expected`, on a thread of its own.
fn allocations(n: u32, expected: u64) -> u64 {
    let src = PROGRAM
        .replace("N", &n.to_string())
        .replace("EXPECTED", &expected.to_string());
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let opts = lang_python::run::options("").expect("default JIT options");
            lang_python::run::install(&opts, Vec::new(), vec!["alloc".into()]);
            let before = counting::allocations();
            let result = lang_python::run::run_main(&src, "<alloc>");
            let after = counting::allocations();
            assert!(result.is_ok(), "the program failed");
            after - before
        })
        .expect("a thread")
        .join()
        .expect("the program ran")
}

#[test]
fn residual_builtin_calls_allocate_nothing_per_iteration() {
    // CPython: work(4000, ...) == 8010030, work(12000, ...) == 72030030.
    let short = allocations(4000, 8_010_030);
    let long = allocations(12000, 72_030_030);
    let extra = long.saturating_sub(short);
    assert!(
        extra < 800,
        "8000 more iterations made {extra} more allocations ({short} then {long})"
    );
}
