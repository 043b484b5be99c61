//! The standard-library modules written in Python (`lib/*.py`), compiled
//! into the binary and imported like files.

/// The source of the built-in Python module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

const MODULES: &[(&str, &str)] = &[
    ("__future__", include_str!("../lib/__future__.py")),
    ("abc", include_str!("../lib/abc.py")),
    ("bisect", include_str!("../lib/bisect.py")),
    ("collections", include_str!("../lib/collections.py")),
    ("copy", include_str!("../lib/copy.py")),
    ("dataclasses", include_str!("../lib/dataclasses.py")),
    ("enum", include_str!("../lib/enum.py")),
    ("functools", include_str!("../lib/functools.py")),
    ("heapq", include_str!("../lib/heapq.py")),
    ("itertools", include_str!("../lib/itertools.py")),
    ("json", include_str!("../lib/json.py")),
    ("operator", include_str!("../lib/operator.py")),
    ("string", include_str!("../lib/string.py")),
    ("types", include_str!("../lib/types.py")),
    ("typing", include_str!("../lib/typing.py")),
];
