//! Source lines for tracebacks: every file and string the interpreter
//! compiles is remembered by name, so a traceback can show the line of each
//! frame as CPython does.

use hashbrown::HashMap;
use std::cell::RefCell;

thread_local! {
    static SOURCES: RefCell<HashMap<&'static str, Vec<String>>> = RefCell::new(HashMap::new());
}

/// Remember `text` as the source of `filename` (a name that lives forever:
/// codes keep it).
pub fn register(filename: &str, text: &str) -> &'static str {
    let name: &'static str = SOURCES
        .with(|s| s.borrow().get_key_value(filename).map(|(k, _)| *k))
        .unwrap_or_else(|| Box::leak(filename.to_string().into_boxed_str()));
    let lines = text.lines().map(str::to_string).collect();
    SOURCES.with(|s| s.borrow_mut().insert(name, lines));
    name
}

/// Line `n` (1-based) of `filename`, if known.
pub fn line(filename: &str, n: u32) -> Option<String> {
    SOURCES.with(|s| {
        s.borrow()
            .get(filename)
            .and_then(|l| l.get(n.checked_sub(1)? as usize).cloned())
    })
}
