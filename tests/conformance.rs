//! The conformance runner: every test program of every language, run by the
//! interpreter alone and with the JIT at a threshold low enough that its
//! loops are traced, compiled and bridged (on each backend), and compared with the
//! expected output stored beside it (`NAME.out`, written by the language's
//! reference implementation, or by hand for our own error messages).
//!
//! Trials are named `<language>/<program>::<mode>`, so
//! `cargo test -p conformance -- tlr/` runs one language and `::jit` one mode.

use libtest_mimic::{Arguments, Failed, Trial};
use metajit::Params;
use std::fs;
use std::path::{Path, PathBuf};

/// The modes and their JIT parameters. `jit` traces after a few iterations
/// and bridges after a few guard failures, so short programs exercise
/// everything, on the default backend (x86-64 where the host is); `jit-ir`
/// does the same on the IR interpreter, the reference backend.
const MODES: &[(&str, &str)] = &[
    ("interp", "off"),
    ("jit", "threshold=3,trace_eagerness=2"),
    ("jit-ir", "threshold=3,trace_eagerness=2,backend=interp"),
];

/// A language under test: its folder and how to run one program of it.
struct Language {
    name: &'static str,
    extension: &'static str,
    /// Run `src` (shown as `path` in messages); the output it prints.
    run: fn(path: &str, src: &str, params: Params) -> String,
}

fn run_tlr(path: &str, src: &str, params: Params) -> String {
    let a = src
        .lines()
        .find_map(|l| l.strip_prefix("# arg:"))
        .map_or(0, |n| n.trim().parse().expect("'# arg:' takes an integer"));
    lang_tlr::run_source(
        path,
        src,
        a,
        &lang_tlr::Options {
            params,
            row: lang_tlr::Row::Full,
        },
    )
    .0
}

const LANGUAGES: &[Language] = &[Language {
    name: "tlr",
    extension: "tlr",
    run: run_tlr,
}];

fn programs(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    found.retain(|p| p.extension().is_some_and(|e| e == extension));
    found.sort();
    found
}

fn check(lang: &'static Language, program: PathBuf, mode: &'static str) -> Result<(), Failed> {
    let src = fs::read_to_string(&program)
        .map_err(|e| format!("cannot read {}: {e}", program.display()))?;
    let expected_path = program.with_extension("out");
    let expected = fs::read_to_string(&expected_path)
        .map_err(|e| format!("no expected output {}: {e}", expected_path.display()))?;
    let spec = MODES
        .iter()
        .find(|(name, _)| *name == mode)
        .expect("a known mode")
        .1;
    let (params, _) = Params::parse(spec).expect("valid JIT mode");
    let name = format!(
        "{}/{}",
        lang.name,
        program.file_name().unwrap().to_string_lossy()
    );
    let actual = (lang.run)(&name, &src, params);
    if actual == expected {
        Ok(())
    } else {
        Err(format!(
            "output differs from {}\n--- expected\n{expected}--- actual\n{actual}",
            expected_path.display()
        )
        .into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut trials = Vec::new();
    for lang in LANGUAGES {
        for program in programs(&root.join(lang.name), lang.extension) {
            let stem = program.file_stem().unwrap().to_string_lossy().to_string();
            for &(mode, _) in MODES {
                let program = program.clone();
                trials.push(Trial::test(
                    format!("{}/{stem}::{mode}", lang.name),
                    move || check(lang, program, mode),
                ));
            }
        }
    }
    assert!(
        !trials.is_empty(),
        "no conformance programs found under {}",
        root.display()
    );
    libtest_mimic::run(&args, trials).exit();
}
