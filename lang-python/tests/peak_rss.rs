//! Peak memory: mj-python (`--jit off`) must stay within 1.5 times
//! CPython's peak RSS on the empty program and on a few benchmarks at their
//! `# bench-arg` size. CPython's numbers are stored in
//! `bench/python/cpython-rss.txt` (measured once, so the bound does not
//! depend on the machine's python3). The programs are the ones that
//! stress what is kept outside CPython's reference counting: nqueens (sets
//! whose tables live outside the GC heap), json_like (dicts and lists) and
//! raytrace (instances and floats).
//!
//! The peak is the child's `ru_maxrss`, read with `wait4` (Linux only). A
//! debug build is several times larger and slower than what the bound is
//! about, so the test runs in release builds only. The release build is
//! not the fat-LTO `dist` build that the benchmarks measure: its code is
//! larger and maps about 1 MB more, so the bound has `TEST_BUILD_SLACK`
//! on top. A peak also varies between runs (once raytrace peaked at almost
//! three times its usual size in a CI run, never reproduced since), so each
//! program runs twice and the lower peak counts: a real regression shows
//! in both.

#![cfg(target_os = "linux")]

use std::path::{Path, PathBuf};
use std::process::Command;

const FACTOR: f64 = 1.5;

/// KiB allowed beyond `FACTOR` for the release build's larger code.
const TEST_BUILD_SLACK: u64 = 2048;

fn bench_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/python")
}

/// CPython's peak RSS in KiB for `name` (a benchmark, or `-c pass`).
fn cpython_kib(name: &str) -> u64 {
    let table = std::fs::read_to_string(bench_dir().join("cpython-rss.txt"))
        .expect("bench/python/cpython-rss.txt");
    table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|l| {
            let (key, kib) = l.rsplit_once(' ')?;
            (key == name).then(|| kib.parse().expect("a number of KiB"))
        })
        .unwrap_or_else(|| panic!("no CPython RSS for '{name}'"))
}

/// Run mj-python with `args` (plus `--jit off`); returns its peak RSS in
/// KiB, after checking it exited successfully.
// The child is reaped by `wait4` (which gives its rusage), not `Child::wait`.
#[allow(clippy::zombie_processes)]
fn peak_rss_kib(args: &[&str]) -> u64 {
    let child = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .args(["--jit", "off"])
        .args(args)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("mj-python runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: `rusage` is plain data that `wait4` fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not waited for yet (`child` is never
    // waited on); the pointers are to live locals of the right types.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "mj-python {args:?} failed (wait status {status})"
    );
    usage.ru_maxrss as u64
}

fn check_program(name: &str) {
    let path = bench_dir().join(format!("{name}.py"));
    let src = std::fs::read_to_string(&path).expect("the benchmark's source");
    let size = src
        .lines()
        .find_map(|l| l.strip_prefix("# bench-arg:"))
        .map(str::trim)
        .expect("a '# bench-arg:' line");
    check(name, &[path.to_str().unwrap(), size]);
}

fn check(name: &str, args: &[&str]) {
    let bound = (cpython_kib(name) as f64 * FACTOR) as u64 + TEST_BUILD_SLACK;
    let ours = peak_rss_kib(args).min(peak_rss_kib(args));
    assert!(
        ours <= bound,
        "{name}: peak RSS {ours} KiB, over {FACTOR} times CPython's plus {TEST_BUILD_SLACK} KiB ({bound} KiB)"
    );
}

#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only")]
fn empty_program() {
    check("-c pass", &["-c", "pass"]);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only")]
fn nqueens() {
    check_program("nqueens");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only")]
fn json_like() {
    check_program("json_like");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "release builds only")]
fn raytrace() {
    check_program("raytrace");
}
