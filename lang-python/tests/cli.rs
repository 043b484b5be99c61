//! `mj-python`'s command line and REPL, driven as a user would: `-c`, `-m`,
//! a file with arguments, exit statuses, a bad `--jit`, and REPL input from
//! a pipe (expression echo, blocks ending at a blank line, a traceback
//! that does not end the session). Expected texts are CPython's behaviour.

use std::io::Write;
use std::process::{Command, Stdio};

fn mj(args: &[&str], stdin: &str, dir: &std::path::Path) -> (String, String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mj-python runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("mj-python-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn dash_c_runs_code_with_argv() {
    let d = scratch("c");
    let (out, _, code) = mj(
        &["-c", "import sys; print(sys.argv, 6 * 7)", "a", "b"],
        "",
        &d,
    );
    assert_eq!(out, "['-c', 'a', 'b'] 42\n");
    assert_eq!(code, 0);
}

#[test]
fn dash_m_runs_a_module_beside_the_cwd() {
    let d = scratch("m");
    std::fs::write(d.join("hello.py"), "print(__name__ == 'hello', 'hi')\n").unwrap();
    let (out, err, code) = mj(&["-m", "hello"], "", &d);
    assert_eq!((out.as_str(), code), ("True hi\n", 0), "{err}");
}

#[test]
fn a_file_gets_its_arguments_and_exit_status() {
    let d = scratch("file");
    std::fs::write(
        d.join("prog.py"),
        "import sys\nprint(sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n",
    )
    .unwrap();
    let (out, _, code) = mj(&["prog.py", "3", "x"], "", &d);
    assert_eq!(out, "['3', 'x']\n");
    assert_eq!(code, 3);
}

#[test]
fn an_uncaught_exception_prints_a_traceback_and_exits_1() {
    let d = scratch("tb");
    std::fs::write(d.join("bad.py"), "def f(x):\n    return 1 / x\n\nf(0)\n").unwrap();
    let (_, err, code) = mj(&["bad.py"], "", &d);
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"bad.py\", line 4, in <module>\n    f(0)\n  File \"bad.py\", line 2, in f\n    return 1 / x\nZeroDivisionError: division by zero\n"
    );
    assert_eq!(code, 1);
}

#[test]
fn a_missing_file_and_a_bad_jit_spec_are_refused() {
    let d = scratch("missing");
    let (_, err, code) = mj(&["nope.py"], "", &d);
    assert!(err.contains("can't open file 'nope.py'"), "{err}");
    assert_eq!(code, 2);
    let (_, err, code) = mj(&["--jit", "threshold=x", "-c", "pass"], "", &d);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn the_repl_echoes_values_and_survives_exceptions() {
    let d = scratch("repl");
    let input = "x = 21\nx * 2\ndef f(n):\n    return n + 1\n\nf(x)\n1 / 0\nprint('after')\nNone\n'a' * 3\n";
    let (out, err, code) = mj(&[], input, &d);
    assert!(out.ends_with("42\n22\nafter\n'aaa'\n"), "{out}");
    assert!(err.contains("ZeroDivisionError: division by zero"), "{err}");
    assert_eq!(code, 0);
}

#[test]
fn ctrl_c_in_the_repl_raises_keyboard_interrupt_and_the_session_goes_on() {
    use std::io::{BufRead, BufReader};
    let d = scratch("sigint");
    let mut child = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .current_dir(&d)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("mj-python runs");
    let mut stdin = child.stdin.take().unwrap();
    // The marker is written while `spin()` runs, that is while the REPL's
    // handler for Ctrl-C is installed: the signal then cannot come early.
    let program = [
        "def spin():",
        "    import sys",
        "    sys.stderr.write('started\\n')",
        "    sys.stderr.flush()",
        "    while True:",
        "        pass",
        "",
        "spin()",
        "",
    ];
    stdin.write_all(program.join("\n").as_bytes()).unwrap();
    stdin.flush().unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("started") {
        line.clear();
        assert!(err.read_line(&mut line).unwrap() > 0, "no marker on stderr");
    }
    // SAFETY: `kill` with a live child's pid and SIGINT only sends a signal.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(sent, 0);
    stdin.write_all(b"print('alive', 6 * 7)\n").unwrap();
    drop(stdin);
    let mut rest = String::new();
    std::io::Read::read_to_string(&mut err, &mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(rest.contains("KeyboardInterrupt"), "stderr: {rest}");
    assert!(stdout.contains("alive 42"), "stdout: {stdout}");
    assert_eq!(out.status.code(), Some(0));
}
