//! The parser against CPython 3.11: every `tests/parse/ok/NAME.py` must
//! dump (`ast::dump`) exactly as `ast.dump(ast.parse(source))` did
//! (`NAME.dump`), and every `tests/parse/err/NAME.py` must fail with the
//! report `python3 NAME.py` printed (`NAME.stderr`). `tests/parse/regen`
//! makes the expected files. Each test runs the whole directory and lists
//! every mismatch, so one run shows all that is wrong.

use lang_python::{ast, parse_bytes};
use std::path::{Path, PathBuf};

fn sources(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/parse")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no test sources in {}", dir.display());
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// Where two long one-line dumps part, with some context.
fn first_difference(expected: &str, got: &str) -> String {
    let at = expected
        .bytes()
        .zip(got.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let from = expected[..at]
        .char_indices()
        .rev()
        .nth(80)
        .map_or(0, |(i, _)| i);
    let context = |s: &str| s[from..].chars().take(200).collect::<String>();
    format!(
        "\n  expected …{}\n  got      …{}",
        context(expected),
        context(got)
    )
}

#[test]
fn ok_sources_dump_as_cpython_does() {
    let mut failures = Vec::new();
    let files = sources("ok");
    for path in &files {
        let source = std::fs::read(path).expect("source");
        let expected = std::fs::read_to_string(path.with_extension("dump"))
            .expect("NAME.dump (run tests/parse/regen)");
        match parse_bytes(&source, &file_name(path)) {
            Ok(module) => {
                let got = ast::dump(&module);
                let expected = expected.trim_end_matches('\n');
                if got != expected {
                    failures.push(format!(
                        "{}: {}",
                        file_name(path),
                        first_difference(expected, &got)
                    ));
                }
            }
            Err(e) => failures.push(format!("{}: unexpected error\n{e}", file_name(path))),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn err_sources_report_as_cpython_does() {
    let mut failures = Vec::new();
    let files = sources("err");
    for path in &files {
        let source = std::fs::read(path).expect("source");
        let expected = std::fs::read_to_string(path.with_extension("stderr"))
            .expect("NAME.stderr (run tests/parse/regen)");
        match parse_bytes(&source, &file_name(path)) {
            Ok(_) => failures.push(format!("{}: parsed without error", file_name(path))),
            Err(e) => {
                let got = format!("{e}\n");
                if got != expected {
                    failures.push(format!(
                        "{}:\n--- expected\n{expected}--- got\n{got}",
                        file_name(path)
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
