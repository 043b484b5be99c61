//! `mj-tlr` as a user runs it: the paper's SQUARE, the JIT log, the table's
//! rows, and errors.

use std::process::Command;

fn mj_tlr(args: &[&str], log: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mj-tlr"));
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    match log {
        Some(spec) => cmd.env("METAJIT_LOG", spec),
        None => cmd.env_remove("METAJIT_LOG"),
    };
    cmd.output().expect("mj-tlr runs")
}

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn square_prints_the_square_with_and_without_the_jit() {
    for jit in ["", "off", "backend=interp"] {
        let o = mj_tlr(&["--jit", jit, "examples/square.tlr", "100000"], None);
        assert!(
            o.status.success(),
            "--jit {jit}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(stdout(&o), "10000000000\n", "--jit {jit}");
    }
}

#[test]
fn square_compiles_one_loop_without_the_bytecode_decoding() {
    let dir = std::env::temp_dir().join(format!("mj-tlr-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("square.log");
    let spec = format!("jit-summary,jit-log-opt:{}", log_path.display());
    let o = mj_tlr(&["examples/square.tlr", "100000"], Some(&spec));
    assert_eq!(stdout(&o), "10000000000\n");
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.contains("\nloops: 1\n"), "{log}");
    assert!(log.contains("\naborts: 0\n"), "{log}");
    let trace: String = log
        .split("{jit-log-opt")
        .nth(1)
        .expect("an optimized trace is logged")
        .lines()
        .filter(|l| !l.contains("debug_merge_point"))
        .collect::<Vec<_>>()
        .join("\n");
    // The decoding is green: no reads of the bytecode, no guards on opcodes,
    // no pc arithmetic. What is left is the user program's work on `a` and
    // the registers.
    assert!(!trace.contains("bytecode"), "{trace}");
    assert!(!trace.contains("guard_value"), "{trace}");
    assert!(
        trace.contains("int_add(-1, "),
        "SET_A 1; NEG_A is folded into the constant -1:\n{trace}"
    );
    assert!(trace.contains("jump("), "{trace}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn table_rows_two_and_three_record_the_decoding() {
    for (mode, decoding_in_trace) in [("2", true), ("3", true), ("4", false)] {
        let dir = std::env::temp_dir().join(format!("mj-tlr-row{mode}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log_path = dir.join("row.log");
        let spec = format!("jit-log-opt:{}", log_path.display());
        let jit = format!("mode={mode},threshold=3,trace_eagerness=2");
        let o = mj_tlr(&["--jit", &jit, "examples/square.tlr", "1000"], Some(&spec));
        assert_eq!(stdout(&o), "1000000\n", "mode {mode}");
        let log = std::fs::read_to_string(&log_path).unwrap();
        assert_eq!(
            log.contains("descr=bytecode"),
            decoding_in_trace,
            "mode {mode}:\n{log}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }
}

#[test]
fn errors_name_file_line_and_column_and_exit_with_status_one() {
    let dir = std::env::temp_dir().join(format!("mj-tlr-err-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.tlr");
    std::fs::write(&bad, "SET_A 1\n  FROB 2\n").unwrap();
    let o = mj_tlr(&[bad.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("bad.tlr:2:3: unknown instruction 'FROB'"),
        "{err}"
    );
    let o = mj_tlr(&["--jit", "threshold=x", "examples/square.tlr"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("threshold needs a non-negative integer"));
    let o = mj_tlr(&["no/such/file.tlr"], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot read no/such/file.tlr"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_branch_that_changes_direction_grows_a_bridge() {
    let dir = std::env::temp_dir().join(format!("mj-tlr-phases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("phases.log");
    let spec = format!("jit-summary:{}", log_path.display());
    // Default parameters: the loop is compiled in the first phase, and the
    // guard on the branch fails often enough in the second to be bridged.
    let o = mj_tlr(&["examples/phases.tlr", "20000"], Some(&spec));
    assert_eq!(stdout(&o), "80000\n");
    let off = mj_tlr(&["--jit", "off", "examples/phases.tlr", "20000"], None);
    assert_eq!(stdout(&off), "80000\n");
    let log = std::fs::read_to_string(&log_path).unwrap();
    let bridges: u32 = log
        .lines()
        .find_map(|l| l.strip_prefix("bridges: "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(bridges >= 1, "{log}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The bodies of every section `name` in a log.
fn sections<'a>(log: &'a str, name: &str) -> Vec<&'a str> {
    log.split(&format!("] {{{name}\n"))
        .skip(1)
        .map(|s| s.split(&format!("] {name}}}")).next().unwrap())
        .map(|s| &s[..s.rfind('\n').map_or(0, |k| k + 1)])
        .collect()
}

#[test]
fn the_backend_dump_has_the_bridge_too() {
    for (backend, code) in [("x64", true), ("interp", false)] {
        if backend == "x64" && !cfg!(target_arch = "x86_64") {
            continue;
        }
        let dir =
            std::env::temp_dir().join(format!("mj-tlr-dump-{backend}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let log_path = dir.join("phases.log");
        let spec = format!("jit-log-opt,jit-backend-dump:{}", log_path.display());
        let jit = format!("backend={backend}");
        let o = mj_tlr(&["--jit", &jit, "examples/phases.tlr", "2000"], Some(&spec));
        assert_eq!(stdout(&o), "8000\n");
        let log = std::fs::read_to_string(&log_path).unwrap();
        let guard = log
            .lines()
            .find_map(|l| l.strip_prefix("# Bridge out of guard "))
            .and_then(|l| l.split(' ').next())
            .expect("a bridge is compiled");
        let dumps = sections(&log, "jit-backend-dump");
        // The loop, the bridge out of the preamble's guard on the branch,
        // and the one out of the peeled loop's copy of that guard.
        assert_eq!(dumps.len(), 3, "{backend}: a loop and two bridges:\n{log}");
        assert!(dumps[0].starts_with("loop 0:") || dumps[0].starts_with("(loop 0 "));
        let bridge = dumps[1];
        if code {
            assert!(
                bridge.starts_with(&format!("bridge out of guard {guard}:\n")),
                "{bridge}"
            );
            assert!(bridge.contains("(entry)"), "{bridge}");
            assert!(bridge.contains("jump("), "{bridge}");
            assert!(bridge.contains("(exit stub of guard "), "{bridge}");
        } else {
            assert_eq!(
                bridge,
                format!(
                    "(the bridge out of guard {guard} is interpreted; its IR is in jit-log-opt)\n"
                )
            );
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}

/// `jit-log-opt` prints each guard's id, so the guards `jit-summary`
/// reports can be found in the traces.
#[test]
fn guards_in_the_summary_are_numbered_in_the_optimized_traces() {
    let dir = std::env::temp_dir().join(format!("mj-tlr-guards-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("phases.log");
    let spec = format!("jit-log-opt,jit-summary:{}", log_path.display());
    let o = mj_tlr(&["examples/phases.tlr", "2000"], Some(&spec));
    assert_eq!(stdout(&o), "8000\n");
    let log = std::fs::read_to_string(&log_path).unwrap();
    let opt = sections(&log, "jit-log-opt").concat();
    let summary = sections(&log, "jit-summary").concat();
    let mut found = 0;
    for line in summary.lines() {
        let Some(Ok(id)) = line
            .strip_prefix("guard ")
            .and_then(|l| l.split_once(':'))
            .map(|(id, _)| id.parse::<u32>())
        else {
            continue;
        };
        let tag = format!(" # guard {id}\n");
        assert_eq!(opt.matches(&tag).count(), 1, "guard {id}:\n{opt}");
        found += 1;
    }
    assert!(found >= 3, "{summary}");
    // Every guard line has an id, and no id is given twice.
    let ids: Vec<&str> = opt
        .lines()
        .filter(|l| l.starts_with("guard_"))
        .map(|l| l.rsplit_once(" # guard ").expect("an id").1)
        .collect();
    let unique: std::collections::HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_repl_runs_what_was_typed_and_reports_bad_lines() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mj-tlr"))
        .env_remove("METAJIT_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"SET_A 5\nNEG_A\nRETURN_A\n:list\n:run\nFOO 3\n:clear\nNEG_A\nRETURN_A\n:run 7\n:quit\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1..],
        [
            "pc 0: SET_A 5",
            "pc 2: NEG_A",
            "pc 3: RETURN_A",
            "-5",
            "error: unknown instruction 'FOO'",
            "-7"
        ],
        "{text}"
    );
}

#[test]
fn a_bad_metajit_variable_is_refused_with_what_is_accepted() {
    let cases = [
        (
            "METAJIT_LOG",
            "jit-sumary:-",
            "mj-tlr: METAJIT_LOG: unknown category 'jit-sumary' in 'jit-sumary:-'",
            "jit-summary, jit-log-noopt, jit-log-opt",
        ),
        (
            "METAJIT_HEAP_LIMIT",
            "abc",
            "mj-tlr: METAJIT_HEAP_LIMIT: expected the heap limit as a positive whole number of MiB",
            "got 'abc'",
        ),
        (
            "METAJIT_HEAP_LIMIT",
            "0",
            "mj-tlr: METAJIT_HEAP_LIMIT: expected the heap limit as a positive whole number of MiB",
            "got '0'",
        ),
        (
            "METAJIT_GC",
            "bogus",
            "mj-tlr: METAJIT_GC: unknown setting 'bogus'",
            "(accepted: stress)",
        ),
        (
            "METAJIT_CHECK",
            "effect",
            "mj-tlr: METAJIT_CHECK: unknown check 'effect'",
            "(accepted: effects)",
        ),
    ];
    for (name, value, what_is_wrong, what_is_accepted) in cases {
        for args in [&["examples/square.tlr", "10"][..], &[]] {
            let o = Command::new(env!("CARGO_BIN_EXE_mj-tlr"))
                .args(args)
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env_remove("METAJIT_LOG")
                .env(name, value)
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(2), "{name}={value} {args:?}: {err}");
            assert!(err.starts_with(what_is_wrong), "{err}");
            assert!(err.contains(what_is_accepted), "{err}");
            assert_eq!(stdout(&o), "", "{name}={value} {args:?}: nothing runs");
        }
    }
}

#[test]
fn version_prints_the_version() {
    let o = mj_tlr(&["--version"], None);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        format!("mj-tlr {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_empty_program_is_reported_as_empty() {
    let dir = std::env::temp_dir().join(format!("mj-tlr-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in [
        ("nothing.tlr", ""),
        ("comments.tlr", "# just a comment\n\n"),
        ("label.tlr", "start:\n"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let o = mj_tlr(&[path.to_str().unwrap()], None);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert_eq!(
            String::from_utf8_lossy(&o.stderr),
            format!("{}: empty program\n", path.display())
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_jump_into_an_instruction_is_a_syntax_error() {
    let dir = std::env::temp_dir().join(format!("mj-tlr-mid-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mid.tlr");
    // Offset 3 is the operand of `MOV_A_R 0`.
    std::fs::write(&path, "ALLOCATE 1\nMOV_A_R 0\nJUMP_IF_A 3\nRETURN_A\n").unwrap();
    let o = mj_tlr(&[path.to_str().unwrap(), "1"], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!(
            "{}:3:11: jump target 3 is inside the instruction at 2; a jump must land where an instruction starts\n",
            path.display()
        )
    );
    std::fs::remove_dir_all(&dir).ok();
}
