//! The Python conformance runner: every program of `tests/python/` (the
//! corpus and its expected files come from CPython 3.11, see its README)
//! run by `mj-python` with the JIT off, with the JIT at a low threshold on
//! the default backend, and on the IR-interpreter backend; each must print
//! exactly CPython's stdout, exit with its status and end stderr with its
//! last line.
//!
//! `tests/python/xfail` lists the programs known to fail (one
//! `group/name.py` per line, or `group/name.py::mode` for one mode; `#`
//! comments): they run, and must still fail, so a program that starts
//! passing has to leave the list. Trials are named
//! `group/name.py::mode`; `cargo test -p lang-python --test conformance --
//! str/` runs one group.

use libtest_mimic::{Arguments, Failed, Trial};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MODES: &[(&str, &str)] = &[
    ("interp", "off"),
    ("jit", "threshold=3,function_threshold=5,trace_eagerness=2"),
    (
        "jit-ir",
        "threshold=3,function_threshold=5,trace_eagerness=2,backend=interp",
    ),
];

const TIMEOUT: Duration = Duration::from_secs(60);

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/python")
}

fn programs(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| {
            p.extension().is_some_and(|e| e == "py") && p.with_extension("out").exists()
        });
        files.sort();
        out.extend(files);
    }
    out
}

fn name_of(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

fn xfails(root: &Path) -> Vec<String> {
    std::fs::read_to_string(root.join("xfail"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Run one program; `Err` describes how it differs from CPython.
fn check(program: &Path, spec: &str) -> Result<(), String> {
    let dir = program.parent().unwrap();
    let src = std::fs::read(program).map_err(|e| e.to_string())?;
    let first =
        String::from_utf8_lossy(src.split(|&b| b == b'\n').next().unwrap_or(&[])).to_string();
    let args: Vec<String> = first
        .strip_prefix("# args:")
        .map(|a| a.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default();
    let stdin = std::fs::read(program.with_extension("stdin")).unwrap_or_default();
    let expected = std::fs::read(program.with_extension("out")).map_err(|e| e.to_string())?;
    let (status, last) = match std::fs::read_to_string(program.with_extension("err")) {
        Ok(e) => {
            let mut lines = e.lines();
            let status: i32 = lines
                .next()
                .and_then(|l| l.strip_prefix("exit "))
                .and_then(|n| n.trim().parse().ok())
                .ok_or("a .err file starts with 'exit N'")?;
            (status, lines.next().unwrap_or("").to_string())
        }
        Err(_) => (0, String::new()),
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .arg("--jit")
        .arg(spec)
        .arg(program.file_name().unwrap())
        .args(&args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run mj-python: {e}"))?;
    let mut input = child.stdin.take().unwrap();
    std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    // Read both pipes while the child runs (a full pipe would block it).
    let read = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut p) = pipe {
                let _ = p.read_to_end(&mut buf);
            }
            buf
        })
    };
    let stdout = read(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let stderr = read(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let start = Instant::now();
    let exit = loop {
        if let Some(exit) = child.try_wait().map_err(|e| e.to_string())? {
            break exit;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("timed out after {} s", TIMEOUT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let out_stdout = stdout.join().unwrap_or_default();
    let out_stderr = stderr.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&out_stderr);
    let prefix = format!(
        "{}/",
        dir.canonicalize().unwrap_or(dir.to_path_buf()).display()
    );
    let got_last = stderr.lines().last().unwrap_or("").replace(&prefix, "");
    let code = exit.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if out_stdout != expected {
        problems.push(format!(
            "stdout differs:\n{}",
            first_difference(
                &String::from_utf8_lossy(&expected),
                &String::from_utf8_lossy(&out_stdout)
            )
        ));
    }
    if code != status {
        problems.push(format!("exit status {code}, CPython's is {status}"));
    }
    if status != 0 && got_last != last {
        problems.push(format!(
            "last stderr line:\n  got      {got_last:?}\n  expected {last:?}"
        ));
    }
    if status == 0 && !stderr.is_empty() {
        problems.push(format!("unexpected stderr:\n{}", tail(&stderr, 12)));
    } else if !problems.is_empty() && !stderr.is_empty() {
        problems.push(format!("stderr:\n{}", tail(&stderr, 12)));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

fn tail(s: &str, n: usize) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

fn first_difference(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    for i in 0..e.len().max(g.len()) {
        if e.get(i) != g.get(i) {
            return format!(
                "  line {}:\n  expected {:?}\n  got      {:?}",
                i + 1,
                e.get(i).unwrap_or(&"<end>"),
                g.get(i).unwrap_or(&"<end>")
            );
        }
    }
    "  (line endings differ)".into()
}

fn main() {
    let args = Arguments::from_args();
    let root = corpus();
    let xfail = xfails(&root);
    let mut trials = Vec::new();
    for program in programs(&root) {
        let name = name_of(&root, &program);
        let src = std::fs::read(&program).unwrap_or_default();
        if src.starts_with(b"# module") || src.starts_with(b"# generator") {
            continue;
        }
        // The modes of one program run one at a time: a program may create
        // and remove files in its directory.
        let one_at_a_time = Arc::new(Mutex::new(()));
        for &(mode, spec) in MODES {
            let expected_fail = xfail.contains(&name) || xfail.contains(&format!("{name}::{mode}"));
            let program = program.clone();
            let one_at_a_time = Arc::clone(&one_at_a_time);
            let generated = name.starts_with("errors/big_") && !program.exists();
            trials.push(
                Trial::test(format!("{name}::{mode}"), move || -> Result<(), Failed> {
                    let _turn = one_at_a_time.lock().unwrap_or_else(|e| e.into_inner());
                    match (check(&program, spec), expected_fail) {
                        (Ok(()), false) | (Err(_), true) => Ok(()),
                        (Err(e), false) => Err(e.into()),
                        (Ok(()), true) => {
                            Err("passes now: remove it from tests/python/xfail".into())
                        }
                    }
                })
                .with_ignored_flag(generated),
            );
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
