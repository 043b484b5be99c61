//! The standard-library modules written in Python (`lib/*.py`), compiled
//! into the binary and imported like files.

/// The source of the built-in Python module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

const MODULES: &[(&str, &str)] = &[];
