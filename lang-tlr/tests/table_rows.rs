//! Every conformance program gives its expected output under rows 2 and 3
//! of the paper's table too: the dispatch loop with fewer hints traces
//! differently (one instruction per trace, or the decoding recorded) but
//! must compute the same thing.

use lang_tlr::{options, run_source};
use std::path::Path;

#[test]
fn rows_two_and_three_agree_with_the_expected_outputs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/tlr");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "tlr") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("out")).unwrap();
        let a = src
            .lines()
            .find_map(|l| l.strip_prefix("# arg:"))
            .map_or(0, |n| n.trim().parse().unwrap());
        let name = format!("tlr/{}", path.file_name().unwrap().to_string_lossy());
        for mode in ["mode=2", "mode=3"] {
            let opts = options(&format!("{mode},threshold=3,trace_eagerness=2")).unwrap();
            let (out, _) = run_source(&name, &src, a, &opts);
            assert_eq!(out, expected, "{name} under {mode}");
        }
        checked += 1;
    }
    assert!(
        checked >= 10,
        "only {checked} programs found in {}",
        dir.display()
    );
}
