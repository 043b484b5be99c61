//! The page as a browser renders it: headless Chromium loads the HTML made
//! from a real SQUARE log and dumps the DOM it built, which must hold the
//! loop's header, its operations and the timeline's SVG.
//!
//! Without Chromium on PATH (`apt-get install chromium`) that check cannot
//! run, and says so the way libtest does: it is reported as *ignored*, with
//! the reason, rather than as a pass. That needs the decision at run time,
//! so this file has its own `main` (`harness = false`, with `libtest-mimic`,
//! which takes the usual test arguments). A second check runs this very
//! binary with an empty PATH and reads its report, so the "ignored" state
//! is itself tested on every machine. `.ci/run` tries to install Chromium
//! first, so CI normally runs the real check.

mod common;

use common::{make_log, scratch};
use libtest_mimic::{Arguments, Completion, Failed, Trial};
use std::path::PathBuf;
use std::process::Command;

const BROWSER_CHECK: &str = "chromium_shows_the_loop_and_the_timeline";

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser"] {
        for dir in std::env::split_paths(&path) {
            let bin = dir.join(name);
            if bin.is_file() {
                return Some(bin);
            }
        }
    }
    None
}

fn chromium_shows_the_loop_and_the_timeline() -> Result<Completion, Failed> {
    let Some(browser) = chromium() else {
        return Ok(Completion::ignored_with(
            "neither `chromium` nor `chromium-browser` is on PATH; \
             install one with `apt-get install chromium`",
        ));
    };
    let dir = scratch("browser");
    let log = make_log(&dir, "square.tlr", 1_000_000, "");
    let parsed = jitlog::parse_file(&log).map_err(|e| format!("read the log: {e}"))?;
    let html = dir.join("square.html");
    std::fs::write(&html, jitlog::html::page(&parsed, "square.log")).map_err(|e| e.to_string())?;
    let profile = dir.join("chromium-profile");
    let url = format!("file://{}", html.canonicalize().unwrap().display());
    let out = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .map_err(|e| format!("cannot start {}: {e}", browser.display()))?;
    let dom = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() || dom.is_empty() {
        return Err(format!(
            "chromium failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    for needle in [
        "<h3>Loop 0 <span class=\"sub mono\">at pc 10: SET_A 1</span></h3>",
        "<div class=\"mp\">pc 19: ADD_R_TO_A 1</div>",
        "int_add(i10, i13)",
        "<svg class=\"bar\"",
        "<rect ",
        "Time per phase",
    ] {
        if !dom.contains(needle) {
            return Err(format!("the rendered page lacks {needle:?}").into());
        }
    }
    Ok(Completion::Completed)
}

/// This test binary, run with an empty PATH (so no browser) on the browser
/// check alone, must report that check as ignored, not as passed.
fn without_chromium_the_check_is_reported_ignored() -> Result<(), Failed> {
    let dir = scratch("no-browser");
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .args([
            BROWSER_CHECK,
            "--exact",
            "--color",
            "never",
            "--test-threads",
            "1",
        ])
        .env("PATH", &*dir)
        .output()
        .map_err(|e| format!("cannot rerun the test binary: {e}"))?;
    let report = String::from_utf8_lossy(&out.stdout);
    let line = format!("test {BROWSER_CHECK} ... ignored (neither `chromium`");
    if !out.status.success()
        || !report.contains(&line)
        || !report.contains("0 passed; 0 failed; 1 ignored")
    {
        return Err(format!(
            "without a browser, the check should be reported as ignored; the run said ({}):\n{report}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let trials = vec![
        Trial::ignorable_test(BROWSER_CHECK, chromium_shows_the_loop_and_the_timeline),
        Trial::test(
            "without_chromium_the_check_is_reported_ignored",
            without_chromium_the_check_is_reported_ignored,
        ),
    ];
    libtest_mimic::run(&args, trials).exit();
}
