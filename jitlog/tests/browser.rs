//! The page as a browser renders it: headless Chromium loads the HTML made
//! from a real SQUARE log and dumps the DOM it built, which must hold the
//! loop's header, its operations and the timeline's SVG. Without Chromium on
//! PATH (`apt-get install chromium`) the test says so and passes; `.ci/run`
//! tries to install it first, so CI normally runs the real check.

mod common;

use common::{make_log, scratch};
use std::path::PathBuf;
use std::process::Command;

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

#[test]
fn chromium_shows_the_loop_and_the_timeline() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED: neither `chromium` nor `chromium-browser` is on PATH, so the page \
             was not rendered in a browser (install one with `apt-get install chromium`)"
        );
        return;
    };
    let dir = scratch("browser");
    let log = make_log(&dir, "square.tlr", 1_000_000, "");
    let parsed = jitlog::parse_file(&log).expect("read the log");
    let html = dir.join("square.html");
    std::fs::write(&html, jitlog::html::page(&parsed, "square.log")).unwrap();
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
        .expect("chromium starts");
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && !dom.is_empty(),
        "chromium failed ({}): {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    for needle in [
        "<h3>Loop 0 <span class=\"sub mono\">at pc 10: SET_A 1</span></h3>",
        "<div class=\"mp\">pc 19: ADD_R_TO_A 1</div>",
        "int_add(i10, i13)",
        "<svg class=\"bar\"",
        "<rect ",
        "Time per phase",
    ] {
        assert!(dom.contains(needle), "the rendered page lacks {needle:?}");
    }
}
