//! TLR's `ALLOCATE` goes through the garbage-collected heap: ten million
//! allocations in a loop (480 MB if nothing were freed) run in bounded
//! memory, with the interpreter alone and with the JIT, and under the GC's
//! stress mode the program still computes the right answer.
//!
//! Peak RSS of the `mj-tlr` child is measured with `/usr/bin/time -v` when
//! it exists (the kernel's own high-water mark, from `wait4`); otherwise by
//! polling the child's `VmHWM` in `/proc/<pid>/status` until it exits (the
//! high-water mark only grows, so the last reading is close to the peak).

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

const PROGRAM: &str = "\
# ALLOCATE 3 (40 bytes) on every iteration; the array is garbage at once.
loop:
    ALLOCATE 3
    MOV_A_R 0
    MOV_R_A 1
    SET_A 1
    NEG_A
    ADD_R_TO_A 0
    JUMP_IF_A loop
    RETURN_A
";

const LIMIT_KB: u64 = 100 * 1024;

fn program() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mj-tlr-alloc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("alloc.tlr");
    std::fs::write(&path, PROGRAM).unwrap();
    path
}

/// Run `mj-tlr` with `args`; its stdout, and its peak RSS in KiB.
fn run_measured(args: &[&str], env: &[(&str, &str)]) -> (String, u64) {
    let bin = env!("CARGO_BIN_EXE_mj-tlr");
    let time = std::path::Path::new("/usr/bin/time");
    if time.exists() {
        let mut cmd = Command::new(time);
        cmd.arg("-v").arg(bin).args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("/usr/bin/time runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "mj-tlr {args:?} failed: {stderr}");
        let kb = stderr
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no RSS in: {stderr}"));
        return (String::from_utf8_lossy(&out.stdout).into_owned(), kb);
    }
    let mut cmd = Command::new(bin);
    cmd.args(args).stdout(Stdio::piped()).stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("mj-tlr runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    while child.try_wait().unwrap().is_none() {
        if let Ok(s) = std::fs::read_to_string(&status_file) {
            if let Some(kb) = s
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak = kb;
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "mj-tlr {args:?} failed");
    (String::from_utf8_lossy(&out.stdout).into_owned(), peak)
}

fn check(jit: &str) {
    let path = program();
    let (out, kb) = run_measured(&["--jit", jit, path.to_str().unwrap(), "10000000"], &[]);
    assert_eq!(out, "0\n");
    assert!(
        kb < LIMIT_KB,
        "--jit '{jit}': peak RSS {kb} KiB, over {LIMIT_KB}"
    );
}

#[test]
fn ten_million_allocations_interpreted_stay_under_100_mb() {
    check("off");
}

#[test]
fn ten_million_allocations_jitted_stay_under_100_mb() {
    check("");
}

#[test]
fn ten_million_allocations_on_the_ir_interpreter_backend_stay_under_100_mb() {
    check("backend=interp");
}

#[test]
fn allocation_loop_under_stress_mode() {
    let path = program();
    for jit in ["off", "threshold=3", "threshold=3,backend=interp"] {
        let (out, _) = run_measured(
            &["--jit", jit, path.to_str().unwrap(), "3000"],
            &[("METAJIT_GC", "stress")],
        );
        assert_eq!(out, "0\n", "--jit {jit}");
    }
}
