//! The Python benchmarks (`bench/python/`) at their small sizes (`# test-arg:
//! n`), with the JIT off and on: each must print exactly CPython's output
//! (`NAME.small.out`, written by CPython through `bench/python/regen`). The
//! timing runs are `bench/run`'s; this keeps the programs correct in CI.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;

const MODES: &[(&str, &str)] = &[("interp", "off"), ("jit", "threshold=3,trace_eagerness=2")];

fn check(program: &Path, spec: &str) -> Result<(), Failed> {
    let src = std::fs::read_to_string(program).map_err(|e| e.to_string())?;
    let arg = src
        .lines()
        .find_map(|l| l.strip_prefix("# test-arg:"))
        .map(str::trim)
        .ok_or("no '# test-arg:' line")?;
    let expected =
        std::fs::read_to_string(program.with_extension("small.out")).map_err(|e| e.to_string())?;
    let out = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .args(["--jit", spec])
        .arg(program)
        .arg(arg)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() || stdout != expected {
        return Err(format!(
            "status {:?}\nstdout:\n{stdout}\nexpected:\n{expected}\nstderr:\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/python");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    programs.retain(|p| p.extension().is_some_and(|e| e == "py"));
    programs.sort();
    let mut trials = Vec::new();
    for p in programs {
        let name = p.file_stem().unwrap().to_string_lossy().into_owned();
        for &(mode, spec) in MODES {
            let p = p.clone();
            trials.push(Trial::test(format!("{name}::{mode}"), move || {
                check(&p, spec)
            }));
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
