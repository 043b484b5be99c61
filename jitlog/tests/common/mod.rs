//! Helpers shared by the integration tests: fresh scratch directories and
//! real logs made by running `mj-tlr`.
//!
//! `mj-tlr` belongs to another package, so `CARGO_BIN_EXE_mj-tlr` is not
//! available here. `cargo test --workspace` builds it next to this test's
//! own directory (`<target>/<profile>/mj-tlr`, the test being in
//! `<target>/<profile>/deps/`), so we look there. When only this package is
//! tested and the binary is absent, the same program is run in-process
//! through the `lang-tlr` library (the dev-dependency), with `METAJIT_LOG`
//! set under a lock since the JIT reads it when it starts.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;

/// A scratch directory, removed when the test ends, unless it failed (then
/// it is kept to look at).
pub struct Scratch(PathBuf);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A new empty directory for one test.
pub fn scratch(name: &str) -> Scratch {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = std::env::temp_dir().join(format!(
        "mj-jitlog-test-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    Scratch(dir)
}

/// The workspace's root, where `lang-tlr/examples` is.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("jitlog sits in the workspace")
        .to_path_buf()
}

/// `mj-tlr` built by the same cargo run, if it is there.
pub fn mj_tlr() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let profile_dir = exe.parent()?.parent()?;
    let bin = profile_dir.join(format!("mj-tlr{}", std::env::consts::EXE_SUFFIX));
    bin.is_file().then_some(bin)
}

static IN_PROCESS: Mutex<()> = Mutex::new(());

/// Run `lang-tlr/examples/<example>` with argument `a` and JIT spec `jit`
/// under `METAJIT_LOG=jit:<log>`; returns the log's path.
pub fn make_log(dir: &Path, example: &str, a: i64, jit: &str) -> PathBuf {
    let log = dir.join(format!("{}.log", example.trim_end_matches(".tlr")));
    let program = workspace().join("lang-tlr/examples").join(example);
    let spec = format!("jit:{}", log.display());
    match mj_tlr() {
        Some(bin) => {
            let out = Command::new(bin)
                .arg("--jit")
                .arg(jit)
                .arg(&program)
                .arg(a.to_string())
                .env("METAJIT_LOG", &spec)
                .output()
                .expect("mj-tlr runs");
            assert!(
                out.status.success(),
                "mj-tlr failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        None => {
            eprintln!(
                "note: mj-tlr is not built next to this test; running the program in-process"
            );
            let _guard = IN_PROCESS.lock().unwrap_or_else(|e| e.into_inner());
            let src = std::fs::read_to_string(&program).expect("read the example");
            let opts = lang_tlr::options(jit).expect("a valid --jit spec");
            std::env::set_var("METAJIT_LOG", &spec);
            let (out, ok) = lang_tlr::run_source(&program.display().to_string(), &src, a, &opts);
            std::env::remove_var("METAJIT_LOG");
            assert!(ok, "the program failed: {out}");
        }
    }
    assert!(log.is_file(), "no log written at {}", log.display());
    log
}

/// Run `mj-jitlog` with `args`.
pub fn mj_jitlog(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mj-jitlog"))
        .args(args)
        .output()
        .expect("mj-jitlog runs")
}
