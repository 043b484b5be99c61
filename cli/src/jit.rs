//! `--jit SPEC`: `off`, or `key=value,...`. metajit parses its own keys
//! (PyPy's names: threshold, trace_eagerness, ...) and hands back the rest;
//! the language takes the keys it adds (TLR's `mode=1..4`), and any key
//! neither knows is an error.

use metajit::Params;

/// Parse `spec` into metajit's parameters and the language's own settings
/// `T`, starting from `T::default()`. `language_key` is given each key
/// metajit does not know, with its value; it applies it and returns
/// `Ok(true)`, says what is wrong with the value, or returns `Ok(false)`
/// for a key it does not know either.
pub fn parse<T: Default>(
    spec: &str,
    mut language_key: impl FnMut(&mut T, &str, &str) -> Result<bool, String>,
) -> Result<(Params, T), String> {
    let (params, rest) = Params::parse(spec).map_err(|e| e.to_string())?;
    let mut settings = T::default();
    for (key, value) in rest {
        if !language_key(&mut settings, &key, &value)? {
            return Err(format!("unknown JIT parameter '{key}'"));
        }
    }
    Ok((params, settings))
}

#[cfg(test)]
mod tests {
    use super::parse;

    /// A language that adds `level=N`.
    fn level(level: &mut u32, key: &str, value: &str) -> Result<bool, String> {
        if key != "level" {
            return Ok(false);
        }
        *level = value.parse().map_err(|_| format!("level: got '{value}'"))?;
        Ok(true)
    }

    #[test]
    fn metajit_keys_and_language_keys_mix() {
        let (params, lvl) = parse("threshold=7,level=3,backend=interp", level).unwrap();
        assert_eq!(params.threshold, 7);
        assert_eq!(params.backend, metajit::BackendKind::Interp);
        assert_eq!(lvl, 3);
        let (params, lvl) = parse("off", level).unwrap();
        assert!(!params.enabled);
        assert_eq!(lvl, 0);
    }

    #[test]
    fn errors_say_which_key_is_wrong() {
        assert_eq!(
            parse("thresold=7", level).unwrap_err(),
            "unknown JIT parameter 'thresold'"
        );
        assert_eq!(parse("level=x", level).unwrap_err(), "level: got 'x'");
        assert_eq!(
            parse("threshold=x", level).unwrap_err(),
            "threshold needs a non-negative integer, got 'x'"
        );
    }
}
