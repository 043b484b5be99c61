//! The parser against CPython 3.11: every `tests/parse/ok/NAME.py` must
//! dump (`ast::dump`) exactly as `ast.dump(ast.parse(source))` did
//! (`NAME.dump`), and every `tests/parse/err/NAME.py` must fail with the
//! report `python3 NAME.py` printed (`NAME.stderr`). `tests/parse/regen`
//! makes the expected files. Each test runs the whole directory and lists
//! every mismatch, so one run shows all that is wrong.

use lang_python::parser::PARSER_PANICKED;
use lang_python::{ast, parse_bytes, parse_expression, parse_interactive, parse_module};
use std::path::{Path, PathBuf};

fn sources_in(dir: &str) -> Vec<PathBuf> {
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
    let files = sources_in("ok");
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

/// Node positions as CPython gives them, for the ASCII sources (where
/// CPython's byte columns are character columns).
#[test]
fn ok_sources_have_cpython_positions() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for path in &sources_in("ok") {
        let Ok(expected) = std::fs::read_to_string(path.with_extension("locations")) else {
            continue;
        };
        compared += 1;
        let source = std::fs::read(path).expect("source");
        match parse_bytes(&source, &file_name(path)) {
            Ok(module) => {
                let got = ast::dump_with_locations(&module);
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
    assert!(compared > 10, "only {compared} files have positions");
    assert!(
        failures.is_empty(),
        "{} of {compared} files differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn err_sources_report_as_cpython_does() {
    let mut failures = Vec::new();
    let files = sources_in("err");
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

/// `parse_expression` is CPython's `eval` mode: expected dumps from
/// `ast.dump(ast.parse(source, mode="eval"))`.
#[test]
fn eval_mode_parses_one_expression() {
    let cases = [
        ("1 + 2", "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))"),
        ("x if y else z", "Expression(body=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=Name(id='z', ctx=Load())))"),
        ("(yield)", "Expression(body=Yield())"),
        ("a, b", "Expression(body=Tuple(elts=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load())], ctx=Load()))"),
        ("1\n\n", "Expression(body=Constant(value=1))"),
        ("f\"{x}\"", "Expression(body=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))"),
    ];
    for (source, expected) in cases {
        let e = parse_expression(source, "<string>").unwrap_or_else(|e| panic!("{source:?}: {e}"));
        assert_eq!(ast::dump_expression(&e), expected, "{source:?}");
    }
    // CPython: SyntaxError 'invalid syntax' at these 1-based offsets.
    for (source, offset) in [("x = 1", 3), ("1 2", 3), ("*a, b", 1), ("if x: y", 1)] {
        let e = parse_expression(source, "<string>").expect_err(source);
        assert_eq!(
            (e.msg.as_str(), e.col),
            ("invalid syntax", offset),
            "{source:?}"
        );
    }
}

/// `parse_interactive` is CPython's `single` mode as its REPL drives it;
/// the expected verdicts are `codeop.compile_command`'s (None: incomplete).
#[test]
fn interactive_mode_tells_incomplete_input_from_errors() {
    let complete = [
        "x = 1",
        "",
        "if x:\n    y\n",
        "if x:\n    y\n\n",
        "for x in y: pass\n",
        "x = [1,\n2]",
        "def f():\n    return 1\n\n",
        "class A:\n    pass\n\n",
        "if x:\n    pass\nelse:\n    pass\n",
        "x = 1;",
        "# comment",
        "x = 1 # c",
        "@d\ndef f(): pass\n",
    ];
    let incomplete = [
        "if x:",
        "if x:\n    y",
        "x = (1,",
        "\"\"\"abc",
        "for x in y: pass",
        "@d",
        "x = 1 + \\",
        "class A:\n    def f(self):",
        "try:\n    x\n",
        "try:\n    x",
        "if x:\n    y = (1,\n",
        "if x:\n    pass\nelse:",
        "def f(\n",
    ];
    let errors = [
        ("1 +", "invalid syntax"),
        ("if x:\n    1 +", "invalid syntax"),
        ("f'{x'", "f-string: expecting '}'"),
        ("   x = 1", "unexpected indent"),
        (
            "if x:\n    y\n  z\n",
            "unindent does not match any outer indentation level",
        ),
        (
            "x = 1\ny = 2",
            "multiple statements found while compiling a single statement",
        ),
        ("1 2", "invalid syntax"),
        ("if x:\n    y\nz", "invalid syntax"),
        ("x = )", "unmatched ')'"),
    ];
    for source in complete {
        if let Err(e) = parse_interactive(source, "<stdin>") {
            panic!("{source:?} should be complete: {e}");
        }
    }
    for source in incomplete {
        let e = parse_interactive(source, "<stdin>").expect_err(source);
        assert!(e.incomplete, "{source:?} should be incomplete, got {e}");
    }
    for (source, msg) in errors {
        let e = parse_interactive(source, "<stdin>").expect_err(source);
        assert!(!e.incomplete, "{source:?} is an error, not incomplete");
        assert_eq!(e.msg, msg, "{source:?}");
    }
}

/// Deep nesting never overflows the stack: CPython's limits where it has
/// them (brackets, blocks), a SyntaxError elsewhere.
#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let cases = [
        (
            "(".repeat(1000) + &")".repeat(1000),
            "too many nested parentheses",
        ),
        (
            "[".repeat(300) + &"]".repeat(300),
            "too many nested parentheses",
        ),
        ("-".repeat(100_000) + "1", "too many nested expressions"),
        ("not ".repeat(100_000) + "x", "too many nested expressions"),
        ("lambda: ".repeat(7000) + "1", "too many nested expressions"),
        (
            "x if y else ".repeat(7000) + "z",
            "too many nested expressions",
        ),
        ("2 ** ".repeat(7000) + "1", "too many nested expressions"),
        ("1 + ".repeat(100_000) + "1", "too many nested expressions"),
        (
            "a".to_string() + &".b".repeat(100_000),
            "too many nested expressions",
        ),
        (
            "f".to_string() + &"()".repeat(100_000),
            "too many nested expressions",
        ),
        (
            (0..101)
                .map(|i| " ".repeat(i) + "if x:\n")
                .collect::<String>()
                + &" ".repeat(101)
                + "pass\n",
            "too many levels of indentation",
        ),
    ];
    for (source, msg) in cases {
        let e = parse_module(&source, "deep.py").expect_err(&source[..20]);
        assert_eq!(e.msg, msg, "{}…", &source[..20]);
    }
    // Within the limits, deep but ordinary code parses.
    let ok = [
        "(".repeat(199) + "1" + &")".repeat(199),
        "-".repeat(5000) + "1",
        "1 + ".repeat(5000) + "1",
    ];
    for source in ok {
        parse_module(&source, "deep.py").unwrap_or_else(|e| panic!("{}…: {e}", &source[..20]));
    }
}

/// No input makes the parser panic: every corpus file cut short at each
/// character boundary (about forty prefixes each), and with characters
/// replaced by others that often break Python code.
#[test]
fn mangled_sources_never_panic() {
    let mut sources: Vec<String> = Vec::new();
    for dir in ["ok", "err"] {
        for path in sources_in(dir) {
            sources
                .push(String::from_utf8_lossy(&std::fs::read(path).expect("source")).into_owned());
        }
    }
    let replacements = [
        "(", ")", "[", "]", "{", "}", ":", "\n", "\t", " ", "'", "\"", "\\", "=", ",", "*", "**",
        "f'{", "}", "#", "0x", "1e", "lambda", "yield", "not", "@", ".", "...",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut random = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut checked = 0;
    for source in &sources {
        let boundaries: Vec<usize> = source
            .char_indices()
            .map(|(i, _)| i)
            .chain([source.len()])
            .collect();
        let step = (boundaries.len() / 40).max(1);
        for &cut in boundaries.iter().step_by(step) {
            check_no_panic(&source[..cut]);
            checked += 1;
        }
        for _ in 0..30 {
            let at = boundaries[random(boundaries.len())];
            let end = boundaries.iter().copied().find(|&b| b > at).unwrap_or(at);
            let mangled = format!(
                "{}{}{}",
                &source[..at],
                replacements[random(replacements.len())],
                &source[end..]
            );
            check_no_panic(&mangled);
            checked += 1;
        }
    }
    assert!(checked > 5_000, "only {checked} inputs checked");
}

fn check_no_panic(source: &str) {
    for result in [
        parse_module(source, "x.py").map(|_| ()),
        parse_interactive(source, "<stdin>").map(|_| ()),
        parse_expression(source, "<string>").map(|_| ()),
    ] {
        if let Err(e) = result {
            assert_ne!(e.msg, PARSER_PANICKED, "input {source:?}");
            // Displaying the error must not panic either.
            let _ = e.to_string();
        }
    }
}

/// A UTF-8 byte order mark is skipped, as CPython does for a file
/// (`python3` runs such a file; the expected dump is `ast.dump` of the
/// rest).
#[test]
fn byte_order_mark_is_skipped() {
    let module = parse_bytes(b"\xef\xbb\xbfx = 1\n", "bom.py").expect("parses");
    assert_eq!(
        ast::dump(&module),
        "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])"
    );
}
