//! The REPL as a user meets it. Most tests drive `mj-tlr` through a
//! pseudo-terminal (rexpect), so the line editor runs in raw mode and Ctrl-C
//! is a key at the prompt and a signal while a program runs, as in a real
//! terminal; what only needs lines in and lines out goes through a pipe.

use rexpect::process::WaitStatus;
use rexpect::session::{spawn_command, PtySession};
use std::process::{Command, Stdio};
use std::time::Duration;

/// Long enough for a loaded machine; a test that waits this long fails.
const TIMEOUT_MS: u64 = 60_000;

/// Counts the accumulator down to 0 and returns it: `:run N` takes N
/// iterations. Typed all at once, as a paste without bracketed paste.
const COUNTDOWN: &str = "\
ALLOCATE 2\rMOV_A_R 0\rSET_A 1\rNEG_A\rMOV_A_R 1\r\
loop:\rMOV_R_A 0\rADD_R_TO_A 1\rMOV_A_R 0\rJUMP_IF_A loop\rRETURN_A\r";

/// `mj-tlr` in a terminal, at its first prompt.
fn start(jit: &str, log: Option<&str>) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mj-tlr"));
    cmd.args(["--jit", jit]).env("TERM", "xterm");
    match log {
        Some(spec) => cmd.env("METAJIT_LOG", spec),
        None => cmd.env_remove("METAJIT_LOG"),
    };
    let mut repl = spawn_command(cmd, Some(TIMEOUT_MS)).expect("mj-tlr starts in a pty");
    repl.exp_string("tlr> ").expect("the first prompt");
    repl
}

/// Type `keys` at once (`\r` is Enter).
fn type_keys(repl: &mut PtySession, keys: &str) {
    repl.send(keys).unwrap();
    repl.flush().unwrap();
}

/// Ctrl-D at the prompt: the REPL must leave with status 0.
fn leave(mut repl: PtySession) {
    repl.send_control('d').unwrap();
    repl.exp_eof().expect("mj-tlr leaves on Ctrl-D");
    match repl.process().wait().unwrap() {
        WaitStatus::Exited(_, status) => assert_eq!(status, 0),
        other => panic!("mj-tlr did not exit normally: {other:?}"),
    }
}

#[test]
fn lines_typed_at_once_are_all_run() {
    let mut repl = start("", None);
    type_keys(&mut repl, "SET_A 5\rNEG_A\rRETURN_A\r:list\r:run\r:run\r");
    repl.exp_string("pc 0: SET_A 5\r\npc 2: NEG_A\r\npc 3: RETURN_A\r\n")
        .unwrap();
    repl.exp_string("\r\n-5\r\n").unwrap();
    repl.exp_string("\r\n-5\r\n").unwrap();
    repl.exp_string("tlr> ").unwrap();
    leave(repl);
}

/// Run the countdown from 10^12 (minutes of work even compiled), stop it
/// with Ctrl-C, then run it again to the end.
fn ctrl_c_interrupts_the_countdown(jit: &str, log: Option<&str>) {
    let mut repl = start(jit, log);
    type_keys(&mut repl, COUNTDOWN);
    type_keys(&mut repl, ":run 1000000000000\r");
    // Let the loop get going (and, with the JIT, be compiled: the default
    // threshold is about a thousand iterations).
    std::thread::sleep(Duration::from_millis(1500));
    repl.send_control('c').unwrap();
    repl.exp_string("error: interrupted\r\n").unwrap();
    repl.exp_string("tlr> ").unwrap();
    type_keys(&mut repl, ":run 3000\r");
    repl.exp_string("\r\n0\r\n").unwrap();
    repl.exp_string("tlr> ").unwrap();
    leave(repl);
}

#[test]
fn ctrl_c_interrupts_a_running_program_in_the_interpreter() {
    ctrl_c_interrupts_the_countdown("off", None);
}

#[test]
fn ctrl_c_interrupts_a_running_program_in_compiled_code() {
    let dir = std::env::temp_dir().join(format!("mj-tlr-ctrl-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("summary.log");
    let spec = format!("jit-summary:{}", log_path.display());
    ctrl_c_interrupts_the_countdown("", Some(&spec));
    // The loop was compiled, so compiled code saw the Ctrl-C; the second
    // run of the same program used the same loop.
    let log = std::fs::read_to_string(&log_path).unwrap();
    assert!(log.contains("\nloops: 1\n"), "{log}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn ctrl_c_at_the_prompt_drops_the_line_and_the_input_it_continued() {
    let mut repl = start("", None);
    type_keys(&mut repl, "SET_A 3\r");
    repl.exp_string("tlr> ").unwrap();
    // Half a line, then Ctrl-C: the line is dropped.
    type_keys(&mut repl, "NEG_A");
    repl.send_control('c').unwrap();
    repl.exp_string("tlr> ").unwrap();
    // A label alone continues on the continuation prompt; Ctrl-C drops it
    // too (or `loop:` below would be defined twice).
    type_keys(&mut repl, "loop:\r");
    repl.exp_string("...> ").unwrap();
    repl.send_control('c').unwrap();
    repl.exp_string("tlr> ").unwrap();
    type_keys(&mut repl, "loop: RETURN_A\r:list\r:run\r");
    repl.exp_string("pc 0: SET_A 3\r\npc 2: RETURN_A\r\n")
        .unwrap();
    repl.exp_string("\r\n3\r\n").unwrap();
    repl.exp_string("tlr> ").unwrap();
    leave(repl);
}

#[test]
fn a_line_of_only_labels_continues_with_the_instruction_it_labels() {
    let mut repl = start("", None);
    type_keys(&mut repl, "SET_A 1\rtop: # the loop\r");
    repl.exp_string("...> ").unwrap();
    type_keys(&mut repl, "RETURN_A\r");
    repl.exp_string("tlr> ").unwrap();
    type_keys(&mut repl, "JUMP_IF_A top\r:list\r");
    repl.exp_string("pc 0: SET_A 1\r\npc 2: RETURN_A\r\npc 3: JUMP_IF_A 2\r\n")
        .unwrap();
    repl.exp_string("tlr> ").unwrap();
    leave(repl);
}

/// Feed `input` to the REPL through a pipe; what it prints after its
/// banner.
fn repl_through_a_pipe(input: &str) -> Vec<String> {
    use std::io::Write;
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
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().skip(1).map(str::to_string).collect()
}

#[test]
fn a_label_defined_twice_is_rejected_when_typed() {
    let out = repl_through_a_pipe("a: SET_A 1\na: RETURN_A\n:list\n:quit\n");
    assert_eq!(out, ["error: label 'a' defined twice", "pc 0: SET_A 1"]);
}

#[test]
fn a_label_used_before_it_is_defined_waits_for_its_definition() {
    let out = repl_through_a_pipe(
        "SET_A 1\nJUMP_IF_A done\n:list\n:run\ndone: RETURN_A\n:run 4\n:list\n",
    );
    assert_eq!(
        out,
        [
            "   1  SET_A 1",
            "   2  JUMP_IF_A done",
            "error: 2:11: undefined label 'done'",
            "error: 2:11: undefined label 'done'",
            "1",
            "pc 0: SET_A 1",
            "pc 2: JUMP_IF_A 4",
            "pc 4: RETURN_A",
        ]
    );
}

#[test]
fn a_jump_into_an_instruction_is_rejected_when_typed() {
    // Typed directly, or made so by a line typed later.
    let out =
        repl_through_a_pipe(":run\nSET_A 7\nJUMP_IF_A 1\nJUMP_IF_A 5\nSET_A 1\nRETURN_A\n:list\n");
    assert_eq!(
        out,
        [
            "error: empty program",
            "error: jump target 1 is inside the instruction at 0; a jump must land where an instruction starts",
            "error: 2:11: jump target 5 is inside the instruction at 4; a jump must land where an instruction starts",
            "pc 0: SET_A 7",
            "pc 2: JUMP_IF_A 5",
            "pc 4: RETURN_A",
        ]
    );
}
