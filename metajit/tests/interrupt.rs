//! Interrupting a running program (`metajit::interrupt`): a loop that would
//! run for centuries stops with `Interrupted` soon after `request()`, in the
//! plain mode and inside compiled code on both backends, and the next run
//! starts with the flag cleared. The flag is process-wide, so this file is
//! its own test binary with one test that runs the modes in turn.

use metajit::{interrupt, Interrupted, Jit, Params, Val};
use std::time::{Duration, Instant};

mod countdown;
use countdown::{Countdown, Reds};

#[test]
fn a_running_loop_stops_when_interrupted_in_every_mode() {
    // Without the checks the loop below never ends: fail instead of hanging.
    std::thread::spawn(|| {
        std::thread::sleep(Duration::from_secs(60));
        eprintln!("the loop was not interrupted within 60 s");
        std::process::exit(1);
    });
    for spec in [
        "off",
        "threshold=3,backend=interp",
        "threshold=3,backend=x64",
    ] {
        let (params, rest) = Params::parse(spec).unwrap();
        assert!(rest.is_empty());
        let jit: Jit<u32> = Jit::new(params);
        let started = Instant::now();
        let sender = std::thread::spawn(|| {
            std::thread::sleep(Duration::from_millis(200));
            interrupt::request();
        });
        let result = jit.run(&Countdown, 0, Reds { i: i64::MAX });
        sender.join().unwrap();
        assert_eq!(result.map(|_| ()), Err(Interrupted), "{spec}");
        assert!(started.elapsed() < Duration::from_secs(30), "{spec}");
        if spec != "off" {
            let stats = jit.stats();
            assert_eq!(stats.loops, 1, "{spec}: the loop was compiled");
            assert_eq!(stats.aborts, 0, "{spec}");
        }
        // The flag is cleared: the next run goes to the end.
        match jit.run(&Countdown, 0, Reds { i: 100_000 }) {
            Ok(metajit::Completion::Return(Val::Int(0))) => {}
            other => panic!("{spec}: {other:?}"),
        }
        assert!(!interrupt::pending());
    }
}
