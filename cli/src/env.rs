//! The `METAJIT_*` variables, checked once at startup. metajit reads them
//! where it needs them and, not being a program, cannot refuse a bad value:
//! it falls back to its default, so a misspelled log category or heap limit
//! would silently do nothing. The binaries refuse them instead, with
//! metajit's own word on what is wrong and what is accepted.

use std::ffi::OsString;

/// A function of metajit that checks a variable's value: what is wrong.
type Check = fn(&str) -> Result<(), String>;

/// The variables metajit reads, each with the function of metajit that
/// checks a value of it.
pub const VARIABLES: &[(&str, Check)] = &[
    ("METAJIT_LOG", metajit::log::validate),
    ("METAJIT_HEAP_LIMIT", |v| {
        metajit::gc::parse_heap_limit(v).map(drop)
    }),
    ("METAJIT_GC", |v| metajit::gc::parse_gc_setting(v).map(drop)),
    ("METAJIT_CHECK", |v| {
        metajit::abi::check::parse_check_setting(v).map(drop)
    }),
];

/// Check one variable's value with its `check`: `Err` names the variable
/// and says what is wrong. An unset variable is fine.
fn check_variable(name: &str, check: Check, value: Option<OsString>) -> Result<(), String> {
    let Some(value) = value else { return Ok(()) };
    let Some(text) = value.to_str() else {
        return Err(format!("{name}: the value is not valid UTF-8"));
    };
    check(text).map_err(|e| format!("{name}: {e}"))
}

/// Check every variable of this process's environment; the first bad one.
pub fn check() -> Result<(), String> {
    VARIABLES
        .iter()
        .try_for_each(|&(name, check)| check_variable(name, check, std::env::var_os(name)))
}

#[cfg(test)]
mod tests {
    use super::{check_variable, VARIABLES};
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;

    fn check_value(name: &str, value: Option<OsString>) -> Result<(), String> {
        let &(_, check) = VARIABLES.iter().find(|(n, _)| *n == name).unwrap();
        check_variable(name, check, value)
    }

    fn check(name: &str, value: &str) -> Result<(), String> {
        check_value(name, Some(value.into()))
    }

    #[test]
    fn unset_and_valid_values_pass() {
        assert_eq!(check_value("METAJIT_LOG", None), Ok(()));
        for (name, value) in [
            ("METAJIT_LOG", "jit-summary:-"),
            ("METAJIT_LOG", "jit"),
            ("METAJIT_LOG", "jit-log,jit-backend-dump:/tmp/x.log"),
            ("METAJIT_HEAP_LIMIT", "64"),
            ("METAJIT_GC", "stress"),
            ("METAJIT_GC", ""),
            ("METAJIT_CHECK", "effects"),
        ] {
            assert_eq!(check(name, value), Ok(()), "{name}={value}");
        }
    }

    #[test]
    fn a_bad_value_is_named_with_what_is_accepted() {
        let e = check("METAJIT_LOG", "jit-sumary:-").unwrap_err();
        assert!(
            e.starts_with("METAJIT_LOG: unknown category 'jit-sumary'"),
            "{e}"
        );
        assert!(e.contains("jit-summary, jit-log-noopt"), "{e}");
        for bad in ["abc", "0", "-3"] {
            let e = check("METAJIT_HEAP_LIMIT", bad).unwrap_err();
            assert!(e.contains(&format!("got '{bad}'")), "{e}");
            assert!(e.contains("positive whole number of MiB"), "{e}");
        }
        let e = check("METAJIT_GC", "stress,bogus").unwrap_err();
        assert_eq!(e, "METAJIT_GC: unknown setting 'bogus' (accepted: stress)");
        let e = check("METAJIT_CHECK", "effect").unwrap_err();
        assert_eq!(
            e,
            "METAJIT_CHECK: unknown check 'effect' (accepted: effects)"
        );
    }

    #[test]
    fn a_value_that_is_not_utf8_is_refused() {
        let e = check_value("METAJIT_GC", Some(OsString::from_vec(vec![0xff]))).unwrap_err();
        assert_eq!(e, "METAJIT_GC: the value is not valid UTF-8");
    }
}
