//! What compiled code makes of attribute access and method calls, read
//! from the optimized traces that `METAJIT_LOG=jit-log-opt:FILE` writes
//! while `bench/python/richards.py` runs: the scheduler's loop calls
//! `block.is_blocked()` on one class of receiver, so the loop body must
//! guard the receiver's class and map (`guard_value` on the loaded
//! `instance.map`), read attributes straight from the slot array
//! (`getarrayitem_r ... descr=attrs`), inline the method, and call no
//! helper to look an attribute or method up.

use std::process::Command;

/// The helpers that do general attribute lookups (`interp/helpers.rs`).
const LOOKUP_HELPERS: &[&str] = &[
    "descr=getattr)",
    "descr=setattr)",
    "descr=load_method)",
    "descr=load_method_attr)",
];

/// The optimized traces in the log, each as its lines.
fn traces(log: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<&str>> = None;
    for line in log.lines() {
        if line.ends_with("{jit-log-opt") {
            current = Some(Vec::new());
        } else if line.ends_with("jit-log-opt}") {
            out.extend(current.take());
        } else if let Some(t) = current.as_mut() {
            t.push(line);
        }
    }
    out
}

#[test]
fn richards_method_call_is_a_map_guard_and_direct_loads() {
    let dir = std::env::temp_dir().join(format!("mj-attr-jit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("richards.log");
    let program = concat!(env!("CARGO_MANIFEST_DIR"), "/../bench/python/richards.py");
    let out = Command::new(env!("CARGO_BIN_EXE_mj-python"))
        .env("METAJIT_LOG", format!("jit-log-opt:{}", log_path.display()))
        .arg(program)
        .arg("2")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log = std::fs::read_to_string(&log_path).unwrap();
    std::fs::remove_dir_all(&dir).ok();

    let all = traces(&log);
    assert!(!all.is_empty(), "no optimized trace in the log");
    for t in &all {
        for line in t {
            assert!(
                !LOOKUP_HELPERS.iter().any(|h| line.contains(h)),
                "a lookup helper is called in compiled code: {line}"
            );
        }
    }

    let scheduler = all
        .iter()
        .find(|t| {
            t.iter()
                .any(|l| l.starts_with("# Loop") && l.contains("Scheduler.run"))
        })
        .expect("a loop in Scheduler.run");
    // The loop body: after the label that ends the peeled first iteration.
    let label = scheduler
        .iter()
        .rposition(|l| l.starts_with("label("))
        .expect("a peeled loop");
    let body = &scheduler[label..];
    let inlined = body
        .iter()
        .position(|l| l.starts_with("debug_merge_point(1, 'ControlBlock.is_blocked"))
        .expect("is_blocked inlined into the loop body");
    let before_call = &body[..inlined];
    let map_guarded = before_call.windows(2).any(|w| {
        w[0].contains("getfield_r(")
            && w[0].contains("descr=instance.map")
            && w[1].starts_with("guard_value(")
            && w[1].contains(w[0].split(" = ").next().unwrap())
    });
    assert!(
        map_guarded,
        "no guard on the receiver's map before the call:\n{}",
        before_call.join("\n")
    );
    let method: Vec<&str> = body[inlined..]
        .iter()
        .take_while(|l| !l.starts_with("debug_merge_point(0,"))
        .copied()
        .collect();
    assert!(
        method
            .iter()
            .any(|l| l.contains("getarrayitem_r(") && l.contains("descr=attrs")),
        "is_blocked reads no attribute slot directly:\n{}",
        method.join("\n")
    );
    assert!(
        !method
            .iter()
            .any(|l| l.contains(" = call_") || l.starts_with("call_")),
        "is_blocked calls a helper:\n{}",
        method.join("\n")
    );
}
