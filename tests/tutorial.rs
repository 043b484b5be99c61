//! Checks `docs/tutorial.md`: every command it shows is run, and its output
//! compared with the output the tutorial prints; every Rust excerpt it
//! quotes must still be in the file it names. So the tutorial cannot rot: a
//! change to a trace, a log format or a quoted line of an interpreter fails
//! this test until the tutorial is updated.
//!
//! The conventions (also explained to the reader at the top of the tutorial):
//!
//! - A ```` ```console ```` block holds commands and their output. A line
//!   starting with `$ ` is a command; the lines after it, up to the next
//!   command or the end of the block, are what it prints, stdout and stderr
//!   together, in order. Each command runs alone with `sh -c` from the
//!   repository root, with the release binaries first on `PATH` and
//!   `METAJIT_LOG` unset, and must exit with status 0.
//! - In expected output, a line `...` stands for any number of lines
//!   (none included), and a few placeholders stand for what changes from
//!   run to run or machine to machine: `<time>` and `<num>` (a decimal
//!   number: a timestamp, a duration, a speedup), `<hex>` (a hexadecimal
//!   number, as a machine address) and `<bytes>` (machine code: hex byte
//!   pairs separated by spaces). On a line that has a placeholder, a run of
//!   spaces matches any run of spaces, so aligned columns still match. All
//!   else must match exactly.
//! - A ```` ```rust ```` block right after a line `<!-- excerpt: PATH -->`
//!   quotes the file `PATH`: its lines, ignoring indentation, must appear in
//!   that file as consecutive lines, except that a line `// ...` skips any
//!   number of lines.
//! - Other blocks (```` ```sh ````, ```` ```text ````) are not checked.
//!
//! The binaries are built here first (`cargo build --release --bin mj-tlr`,
//! in the target directory this test was built in), so the test also works
//! from a clean clone and with `cargo test -p conformance`.

use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// One command of a console block, with the line it is on.
struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
}

/// One quoted excerpt of a source file.
struct Excerpt {
    line: usize,
    path: String,
    lines: Vec<String>,
}

/// Read the console blocks and excerpts of a Markdown text.
fn parse(doc: &str) -> Result<(Vec<Example>, Vec<Excerpt>), String> {
    let mut examples = Vec::new();
    let mut excerpts = Vec::new();
    let mut lines = doc.lines().enumerate().map(|(i, l)| (i + 1, l)).peekable();
    let mut excerpt_of: Option<String> = None;
    while let Some((n, line)) = lines.next() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("<!-- excerpt:") {
            let path = rest.trim_end_matches("-->").trim();
            excerpt_of = Some(path.to_string());
            continue;
        }
        let Some(info) = trimmed.strip_prefix("```") else {
            if !trimmed.is_empty() {
                excerpt_of = None;
            }
            continue;
        };
        // A fenced block: collect its body.
        let mut body = Vec::new();
        let mut closed = false;
        for (_, l) in lines.by_ref() {
            if l.trim() == "```" {
                closed = true;
                break;
            }
            body.push((n + 1 + body.len(), l));
        }
        if !closed {
            return Err(format!("tutorial.md:{n}: the block is never closed"));
        }
        match info.trim() {
            "console" => {
                if body.first().is_none_or(|(_, l)| !l.starts_with("$ ")) {
                    return Err(format!(
                        "tutorial.md:{n}: a console block starts with a `$ ` command"
                    ));
                }
                for (ln, l) in body {
                    if let Some(cmd) = l.strip_prefix("$ ") {
                        examples.push(Example {
                            line: ln,
                            command: cmd.to_string(),
                            expected: Vec::new(),
                        });
                    } else {
                        examples.last_mut().unwrap().expected.push(l.to_string());
                    }
                }
            }
            "rust" => {
                if let Some(path) = excerpt_of.take() {
                    excerpts.push(Excerpt {
                        line: n,
                        path,
                        lines: body.iter().map(|(_, l)| l.to_string()).collect(),
                    });
                }
            }
            _ => {}
        }
        excerpt_of = None;
    }
    Ok((examples, excerpts))
}

/// A piece of an expected line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pat {
    Char(char),
    /// A run of one or more spaces (only on lines with a placeholder).
    Spaces,
    /// `<time>` or `<num>`: `-?[0-9]+(\.[0-9]+)?`
    Num,
    /// `<hex>`: `(0x)?[0-9a-f]+`
    Hex,
    /// `<bytes>`: `[0-9a-f]{2}( [0-9a-f]{2})*`
    Bytes,
}

const PLACEHOLDERS: &[(&str, Pat)] = &[
    ("<time>", Pat::Num),
    ("<num>", Pat::Num),
    ("<hex>", Pat::Hex),
    ("<bytes>", Pat::Bytes),
];

fn compile(expected: &str) -> Vec<Pat> {
    let loose = PLACEHOLDERS.iter().any(|(p, _)| expected.contains(p));
    let mut pats = Vec::new();
    let mut rest = expected;
    'outer: while let Some(c) = rest.chars().next() {
        for &(name, pat) in PLACEHOLDERS {
            if let Some(r) = rest.strip_prefix(name) {
                pats.push(pat);
                rest = r;
                continue 'outer;
            }
        }
        if loose && c == ' ' {
            if pats.last() != Some(&Pat::Spaces) {
                pats.push(Pat::Spaces);
            }
        } else {
            pats.push(Pat::Char(c));
        }
        rest = &rest[c.len_utf8()..];
    }
    pats
}

/// The lengths of every prefix of `s` that the placeholder `pat` matches.
fn candidates(pat: Pat, s: &[char]) -> Vec<usize> {
    let hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    let mut out = Vec::new();
    match pat {
        Pat::Char(_) => unreachable!(),
        Pat::Spaces => {
            let n = s.iter().take_while(|&&c| c == ' ').count();
            out.extend(1..=n);
        }
        Pat::Num => {
            let sign = usize::from(s.first() == Some(&'-'));
            let int = s[sign..].iter().take_while(|c| c.is_ascii_digit()).count();
            if int > 0 {
                out.extend(sign + 1..=sign + int);
                let at = sign + int;
                if s.get(at) == Some(&'.') {
                    let frac = s[at + 1..]
                        .iter()
                        .take_while(|c| c.is_ascii_digit())
                        .count();
                    out.extend(at + 2..=at + 1 + frac);
                }
            }
        }
        Pat::Hex => {
            let prefix = if s.starts_with(&['0', 'x']) { 2 } else { 0 };
            let n = s[prefix..].iter().take_while(|&&c| hex(c)).count();
            out.extend(prefix + 1..=prefix + n);
        }
        Pat::Bytes => {
            let mut at = 0;
            while s.len() >= at + 2 && hex(s[at]) && hex(s[at + 1]) {
                out.push(at + 2);
                if s.get(at + 2) != Some(&' ') {
                    break;
                }
                at += 3;
            }
        }
    }
    out
}

fn matches_line(pats: &[Pat], s: &[char]) -> bool {
    match pats.first() {
        None => s.is_empty(),
        Some(Pat::Char(c)) => s.first() == Some(c) && matches_line(&pats[1..], &s[1..]),
        Some(&p) => candidates(p, s)
            .into_iter()
            .rev()
            .any(|n| matches_line(&pats[1..], &s[n..])),
    }
}

/// Does `actual` match the expected lines (with `...` lines)?
fn matches(expected: &[Vec<Pat>], ellipsis: &[bool], actual: &[Vec<char>]) -> bool {
    match expected.first() {
        None => actual.is_empty(),
        Some(_) if ellipsis[0] => {
            (0..=actual.len()).any(|k| matches(&expected[1..], &ellipsis[1..], &actual[k..]))
        }
        Some(pats) => {
            !actual.is_empty()
                && matches_line(pats, &actual[0])
                && matches(&expected[1..], &ellipsis[1..], &actual[1..])
        }
    }
}

fn output_matches(expected: &[String], actual: &str) -> bool {
    let ellipsis: Vec<bool> = expected.iter().map(|l| l == "...").collect();
    let pats: Vec<Vec<Pat>> = expected.iter().map(|l| compile(l)).collect();
    let actual: Vec<Vec<char>> = actual.lines().map(|l| l.chars().collect()).collect();
    matches(&pats, &ellipsis, &actual)
}

fn run_example(root: &Path, bin: &Path, target: &Path, ex: &Example) -> Result<(), Failed> {
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .map_err(|e| e.to_string())?;
    // `exec 2>&1` first: stdout and stderr into one pipe, in the order written.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1\n{}", ex.command))
        .current_dir(root)
        .env("PATH", path)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("METAJIT_LOG")
        .output()
        .map_err(|e| format!("cannot run sh: {e}"))?;
    let actual = String::from_utf8_lossy(&out.stdout);
    let mut problems = Vec::new();
    if !out.status.success() {
        problems.push(format!("exited with {}", out.status));
    }
    if !output_matches(&ex.expected, &actual) {
        problems.push("printed something else".to_string());
    }
    if problems.is_empty() {
        return Ok(());
    }
    Err(format!(
        "docs/tutorial.md:{}: `{}` {}{}\n--- expected\n{}\n--- actual\n{}",
        ex.line,
        ex.command,
        problems.join(" and "),
        first_difference(&ex.expected, &actual),
        ex.expected.join("\n"),
        actual.trim_end()
    )
    .into())
}

/// Where the output first differs, line by line up to the first `...`.
fn first_difference(expected: &[String], actual: &str) -> String {
    let actual: Vec<&str> = actual.lines().collect();
    for (i, e) in expected.iter().enumerate() {
        if e == "..." {
            break;
        }
        let a = actual.get(i).copied().unwrap_or("<end of output>");
        let chars: Vec<char> = a.chars().collect();
        if !matches_line(&compile(e), &chars) {
            return format!(
                "\nfirst difference at output line {}:\n  expected: {e}\n  actual:   {a}",
                i + 1
            );
        }
    }
    String::new()
}

fn check_excerpt(root: &Path, ex: &Excerpt) -> Result<(), Failed> {
    let text = std::fs::read_to_string(root.join(&ex.path))
        .map_err(|e| format!("docs/tutorial.md:{}: cannot read {}: {e}", ex.line, ex.path))?;
    let file: Vec<&str> = text.lines().map(str::trim).collect();
    let mut from = 0;
    for chunk in ex.lines.split(|l| l.trim() == "// ...") {
        let chunk: Vec<&str> = chunk.iter().map(|l| l.trim()).collect();
        if chunk.is_empty() {
            continue;
        }
        let found = (from..=file.len().saturating_sub(chunk.len()))
            .find(|&i| file.len() >= i + chunk.len() && file[i..i + chunk.len()] == chunk[..]);
        match found {
            Some(i) => from = i + chunk.len(),
            None => {
                return Err(format!(
                    "docs/tutorial.md:{}: these lines are not (or no longer, or not in this order) in {}:\n{}",
                    ex.line,
                    ex.path,
                    chunk.join("\n")
                )
                .into())
            }
        }
    }
    Ok(())
}

/// The target directory this test was built in (`<target>/<profile>/deps/tutorial-…`).
fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows where it is");
    exe.ancestors()
        .nth(3)
        .expect("the test runs from <target>/<profile>/deps")
        .to_path_buf()
}

/// Build the binaries the tutorial runs, as its reader does.
fn build(root: &Path, target: &Path) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "--quiet", "--bin", "mj-tlr"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo build --release failed: {status}"))
    }
}

/// Build once, for whichever command runs first; the others wait for it.
fn ensure_built(root: &Path, target: &Path) -> Result<(), Failed> {
    static BUILT: OnceLock<Result<(), String>> = OnceLock::new();
    BUILT
        .get_or_init(|| build(root, target))
        .clone()
        .map_err(Failed::from)
}

/// The matcher itself: placeholders match what they should and nothing else.
fn check_matcher() -> Result<(), Failed> {
    let yes = |exp: &[&str], act: &str| {
        let exp: Vec<String> = exp.iter().map(|s| s.to_string()).collect();
        output_matches(&exp, act)
    };
    let cases = [
        (yes(&["a", "b"], "a\nb\n"), true),
        (yes(&["a", "b"], "a\nc\n"), false),
        (yes(&["a"], "a\nb\n"), false),
        (yes(&["a", "...", "d"], "a\nb\nc\nd\n"), true),
        (yes(&["a", "...", "b"], "a\nb\n"), true),
        (yes(&["[<time>] {jit"], "[000012.345] {jit\n"), true),
        (yes(&["[<time>] {jit"], "[] {jit\n"), false),
        (yes(&["x <num>x  -"], "x      12.50x  -\n"), true),
        (yes(&["x <num>x"], "x 1.2.3x\n"), false),
        (yes(&["  <hex>  (entry)"], "  0x7f0012ab  (entry)\n"), true),
        (yes(&["      <bytes>"], "      48 8d a5 d0\n"), true),
        (yes(&["      <bytes>"], "      48 8d a5 d\n"), false),
        (
            yes(&["i5 = int_add(-1, i4)"], "i5 = int_add(-1, i3)\n"),
            false,
        ),
        (yes(&["a  b"], "a b\n"), false),
    ];
    for (i, (got, want)) in cases.iter().enumerate() {
        if got != want {
            return Err(format!("matcher case {i}: got {got}, want {want}").into());
        }
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the repository")
        .to_path_buf();
    let doc = std::fs::read_to_string(root.join("docs/tutorial.md")).expect("docs/tutorial.md");
    let (examples, excerpts) = parse(&doc).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        examples.len() >= 10,
        "only {} commands found in docs/tutorial.md: is the convention still `$ ` in ```console blocks?",
        examples.len()
    );
    let target = target_dir();
    let bin = target.join("release");
    let mut trials = vec![Trial::test("tutorial/matcher", check_matcher)];
    for ex in examples {
        let (root, bin, target) = (root.clone(), bin.clone(), target.clone());
        let name = format!("tutorial/command/line-{}: {}", ex.line, ex.command);
        trials.push(Trial::test(name, move || {
            ensure_built(&root, &target)?;
            run_example(&root, &bin, &target, &ex)
        }));
    }
    for ex in excerpts {
        let root = root.clone();
        trials.push(Trial::test(
            format!("tutorial/excerpt/line-{}: {}", ex.line, ex.path),
            move || check_excerpt(&root, &ex),
        ));
    }
    libtest_mimic::run(&args, trials).exit();
}

/// The examples of the tutorial's hints reference that TLR does not use,
/// compiled with this test so that they keep up with the API (the tutorial
/// quotes them from here, and the excerpt check keeps the quote honest).
#[allow(dead_code)]
mod hints_reference {
    use metajit::ir::{CallDescr, Effects};
    use metajit::{Mode, Val};

    extern "C" fn hypot(x: f64, y: f64) -> f64 {
        x.hypot(y)
    }

    static HYPOT: CallDescr = CallDescr::of(
        "hypot",
        hypot as extern "C" fn(f64, f64) -> f64,
        Effects::ELIDABLE,
    );

    fn distance<M: Mode>(m: &mut M, x: M::Float, y: M::Float) -> M::Float {
        match m.call(&HYPOT, &[Val::Float(x), Val::Float(y)]) {
            Val::Float(h) => h,
            _ => unreachable!("hypot returns a float"),
        }
    }

    /// A type test that the trace turns into one guard.
    fn is_pair<M: Mode>(m: &mut M, obj: M::Ref, pair_type: u32) -> bool {
        !m.is_null(obj) && m.class_of(obj) == pair_type
    }

    /// Sum `n` items: a loop the JIT follows while recording, a helper call
    /// otherwise. Both compute the same thing.
    fn sum<M: Mode>(m: &mut M, n: M::Int, slow: &'static CallDescr) -> M::Int {
        if m.we_are_jitted() {
            let count = m.promote_int(n);
            let mut total = m.int(0);
            for i in 0..count {
                let i = m.int(i);
                total = m.int_add(total, i);
            }
            total
        } else {
            match m.call(slow, &[Val::Int(n)]) {
                Val::Int(t) => t,
                _ => unreachable!(),
            }
        }
    }
}
