//! The `os` module and its `os.path` (POSIX paths only): the environment
//! as a dict snapshot taken at import (`os.getenv` reads that dict, so an
//! assignment to `os.environ[...]` shows there as in CPython, though it
//! does not reach the process environment), the working directory, and
//! files and directories through `std::fs` with CPython's `OSError`
//! subclasses and messages. The path functions work on text the way
//! CPython's `posixpath` does, so the edge cases (`//`, trailing slashes,
//! dot files) come out the same.

use super::{arg_count, check_kwargs, dict, exc, kwarg, modules, ops, BuiltinFn, PyResult};
use crate::objects::{self, intern::intern, new_int, new_str, new_string, str_of, Types, Value};
use std::cell::Cell;

thread_local! {
    static ENVIRON: Cell<Value> = const { Cell::new(0) };
}

/// The argument `v` as a path string; `who` names the function for the
/// message CPython gives.
fn path_arg(v: Value, who: &str) -> PyResult<&'static str> {
    str_of(objects::base_value(v)).ok_or_else(|| {
        let t = objects::types::type_name(v);
        exc::type_error(if who == "join" {
            format!("join() argument must be str, bytes, or os.PathLike object, not '{t}'")
        } else {
            format!("expected str, bytes or os.PathLike object, not {t}")
        })
    })
}

/// The one path argument of `name`.
fn one_path(name: &str, args: &[Value]) -> PyResult<&'static str> {
    arg_count(name, &[&[0], args].concat(), 2, 2)?;
    path_arg(args[0], name)
}

/// An `OSError` (the subclass errno picks) for `e` on `path`.
pub fn os_error(e: std::io::Error, path: &str) -> Value {
    let errno = e.raw_os_error().unwrap_or(5);
    let (class, text) = match errno {
        1 => ("PermissionError", "Operation not permitted"),
        2 => ("FileNotFoundError", "No such file or directory"),
        13 => ("PermissionError", "Permission denied"),
        17 => ("FileExistsError", "File exists"),
        20 => ("NotADirectoryError", "Not a directory"),
        21 => ("IsADirectoryError", "Is a directory"),
        39 => ("OSError", "Directory not empty"),
        _ => ("OSError", ""),
    };
    let text = if text.is_empty() {
        e.to_string()
    } else {
        text.to_string()
    };
    let err = exc::new(class, Some(format!("[Errno {errno}] {text}: '{path}'")));
    exc::set_attr(err, "errno", new_int(errno as i64));
    exc::set_attr(err, "strerror", new_string(text));
    exc::set_attr(err, "filename", new_str(path));
    err
}

fn none() -> Value {
    Types::get().none
}

// os

fn getcwd(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("getcwd", &[&[0], args].concat(), 1, 1)?;
    let cwd = std::env::current_dir().map_err(|e| os_error(e, "."))?;
    Ok(new_string(cwd.display().to_string()))
}

fn getenv(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("getenv", kw, &["key", "default"])?;
    let key = args.first().copied().or(kwarg(kw, "key"));
    let Some(key) = key else {
        return Err(exc::type_error(
            "getenv() missing 1 required positional argument: 'key'",
        ));
    };
    let default = args
        .get(1)
        .copied()
        .or(kwarg(kw, "default"))
        .unwrap_or_else(none);
    let env = ENVIRON.with(|e| e.get());
    Ok(dict::get_item(env, key)?.unwrap_or(default))
}

fn listdir(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("listdir", &[&[0], args].concat(), 1, 2)?;
    let path = match args.first() {
        Some(&p) if p != none() => path_arg(p, "listdir")?,
        _ => ".",
    };
    let entries = std::fs::read_dir(path).map_err(|e| os_error(e, path))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| os_error(e, path))?;
        names.push(new_string(entry.file_name().to_string_lossy().into_owned()));
    }
    Ok(objects::new_list(names))
}

fn remove(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let path = one_path("remove", args)?;
    std::fs::remove_file(path).map_err(|e| os_error(e, path))?;
    Ok(none())
}

fn mkdir(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("mkdir", &[&[0], args].concat(), 2, 3)?;
    let path = path_arg(args[0], "mkdir")?;
    std::fs::create_dir(path).map_err(|e| os_error(e, path))?;
    Ok(none())
}

fn makedirs(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("makedirs", kw, &["mode", "exist_ok"])?;
    arg_count("makedirs", &[&[0], args].concat(), 2, 4)?;
    let path = path_arg(args[0], "makedirs")?;
    let exist_ok = match args.get(2).copied().or(kwarg(kw, "exist_ok")) {
        Some(v) => ops::truthy(v)?,
        None => false,
    };
    if std::path::Path::new(path).is_dir() && !exist_ok {
        return Err(os_error(std::io::Error::from_raw_os_error(17), path));
    }
    std::fs::create_dir_all(path).map_err(|e| os_error(e, path))?;
    Ok(none())
}

fn rmdir(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let path = one_path("rmdir", args)?;
    std::fs::remove_dir(path).map_err(|e| os_error(e, path))?;
    Ok(none())
}

fn rename(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("rename", &[&[0], args].concat(), 3, 3)?;
    let (from, to) = (path_arg(args[0], "rename")?, path_arg(args[1], "rename")?);
    std::fs::rename(from, to).map_err(|e| os_error(e, from))?;
    Ok(none())
}

fn getpid(_: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_int(std::process::id() as i64))
}

// os.path, on strings as posixpath does

fn split_at_last_sep(p: &str) -> (&str, &str) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = p.split_at(i);
    if !head.is_empty() && head.chars().any(|c| c != '/') {
        (head.trim_end_matches('/'), tail)
    } else {
        (head, tail)
    }
}

fn split_ext(p: &str) -> (&str, &str) {
    let sep = p.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = p.rfind('.') {
        if dot > sep && p[sep..dot].chars().any(|c| c != '.') {
            return p.split_at(dot);
        }
    }
    (p, "")
}

fn join_paths(parts: &[&str]) -> String {
    let mut path = String::new();
    for (i, b) in parts.iter().enumerate() {
        if i == 0 || b.starts_with('/') {
            path = b.to_string();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

fn normalize(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else {
        p.starts_with('/') as usize
    };
    let mut comps: Vec<&str> = Vec::new();
    for comp in p.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let path = format!("{}{}", "/".repeat(initial), comps.join("/"));
    if path.is_empty() {
        ".".into()
    } else {
        path
    }
}

fn absolute(p: &str) -> PyResult<String> {
    if p.starts_with('/') {
        return Ok(normalize(p));
    }
    let cwd = std::env::current_dir().map_err(|e| os_error(e, "."))?;
    Ok(normalize(&join_paths(&[&cwd.display().to_string(), p])))
}

fn path_join(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    if args.is_empty() {
        return Err(exc::type_error(
            "join() missing 1 required positional argument: 'a'",
        ));
    }
    let parts = args
        .iter()
        .map(|&a| path_arg(a, "join"))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(new_string(join_paths(&parts)))
}

fn path_split(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (head, tail) = split_at_last_sep(one_path("split", args)?);
    Ok(objects::new_tuple(vec![new_str(head), new_str(tail)]))
}

fn path_basename(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_str(split_at_last_sep(one_path("basename", args)?).1))
}

fn path_dirname(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_str(split_at_last_sep(one_path("dirname", args)?).0))
}

fn path_splitext(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let (root, ext) = split_ext(one_path("splitext", args)?);
    Ok(objects::new_tuple(vec![new_str(root), new_str(ext)]))
}

fn path_normpath(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_string(normalize(one_path("normpath", args)?)))
}

fn path_abspath(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(new_string(absolute(one_path("abspath", args)?)?))
}

fn path_isabs(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bool(one_path("isabs", args)?.starts_with('/')))
}

fn path_exists(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bool(
        std::path::Path::new(one_path("exists", args)?).exists(),
    ))
}

fn path_isfile(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bool(
        std::path::Path::new(one_path("isfile", args)?).is_file(),
    ))
}

fn path_isdir(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    Ok(objects::new_bool(
        std::path::Path::new(one_path("isdir", args)?).is_dir(),
    ))
}

/// `os.path.samefile(a, b)`: both name the same file (device and inode).
fn path_samefile(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    use std::os::unix::fs::MetadataExt;
    arg_count("samefile", &[&[0], args].concat(), 3, 3)?;
    let mut ids = Vec::with_capacity(2);
    for &v in args {
        let path = path_arg(v, "samefile")?;
        let meta = std::fs::metadata(path).map_err(|e| os_error(e, path))?;
        ids.push((meta.dev(), meta.ino()));
    }
    Ok(objects::new_bool(ids[0] == ids[1]))
}

fn path_getsize(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let path = one_path("getsize", args)?;
    let meta = std::fs::metadata(path).map_err(|e| os_error(e, path))?;
    Ok(objects::new_bigint(meta.len().into()))
}

fn path_expanduser(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let path = one_path("expanduser", args)?;
    let home = dict::get_item(ENVIRON.with(|e| e.get()), new_str("HOME"))?.and_then(str_of);
    match (path.strip_prefix('~'), home) {
        (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
            let home = home.trim_end_matches('/');
            Ok(new_string(format!(
                "{}{rest}",
                if home.is_empty() { "/" } else { home }
            )))
        }
        _ => Ok(new_str(path)),
    }
}

/// The longest common leading run of the items of two or more sequences.
fn common_prefix<T: PartialEq + Copy>(seqs: &[Vec<T>]) -> Vec<T> {
    let Some(first) = seqs.first() else {
        return Vec::new();
    };
    let mut n = first.len();
    for s in &seqs[1..] {
        n = n.min(first.iter().zip(s).take_while(|(a, b)| a == b).count());
    }
    first[..n].to_vec()
}

fn path_commonprefix(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("commonprefix", &[&[0], args].concat(), 2, 2)?;
    let items = ops::collect(args[0])?;
    let paths = items
        .iter()
        .map(|&p| path_arg(p, "commonprefix").map(|s| s.chars().collect::<Vec<char>>()))
        .collect::<PyResult<Vec<_>>>()?;
    Ok(new_string(common_prefix(&paths).into_iter().collect()))
}

fn path_relpath(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    check_kwargs("relpath", kw, &["start"])?;
    arg_count("relpath", &[&[0], args].concat(), 2, 3)?;
    let path = path_arg(args[0], "relpath")?;
    if path.is_empty() {
        return Err(exc::value_error("no path specified"));
    }
    let start = match args.get(1).copied().or(kwarg(kw, "start")) {
        Some(s) if s != none() => path_arg(s, "relpath")?,
        _ => ".",
    };
    let (start, path) = (absolute(start)?, absolute(path)?);
    let start: Vec<&str> = start.split('/').filter(|c| !c.is_empty()).collect();
    let path: Vec<&str> = path.split('/').filter(|c| !c.is_empty()).collect();
    let common = common_prefix(&[start.clone(), path.clone()]).len();
    let mut rel = vec![".."; start.len() - common];
    rel.extend_from_slice(&path[common..]);
    if rel.is_empty() {
        return Ok(new_str("."));
    }
    Ok(new_string(join_paths(&rel)))
}

fn fill(
    module: Value,
    fns: &[(&'static str, BuiltinFn)],
    values: Vec<(&str, Value)>,
) -> PyResult<()> {
    let g = objects::get::<objects::PyModule>(module)
        .map(|m| m.dict)
        .unwrap_or(0);
    for &(n, f) in fns {
        let b = objects::alloc(objects::PyBuiltin {
            name: n,
            f,
            receiver: 0,
            owner: 0,
        });
        dict::set_item(g, intern(n), b)?;
    }
    for (n, v) in values {
        dict::set_item(g, intern(n), v)?;
    }
    Ok(())
}

/// `os`, with `os.path` made and entered in `sys.modules` beside it.
pub fn module() -> PyResult {
    let environ = objects::new_dict();
    for (k, v) in std::env::vars_os() {
        dict::set_item(
            environ,
            new_string(k.to_string_lossy().into_owned()),
            new_string(v.to_string_lossy().into_owned()),
        )?;
    }
    metajit::gc::add_permanent_root(environ);
    ENVIRON.with(|e| e.set(environ));

    let (path, _) = modules::new_module("posixpath");
    fill(
        path,
        &[
            ("join", path_join),
            ("split", path_split),
            ("basename", path_basename),
            ("dirname", path_dirname),
            ("splitext", path_splitext),
            ("normpath", path_normpath),
            ("abspath", path_abspath),
            ("isabs", path_isabs),
            ("exists", path_exists),
            ("samefile", path_samefile),
            ("isfile", path_isfile),
            ("isdir", path_isdir),
            ("getsize", path_getsize),
            ("expanduser", path_expanduser),
            ("commonprefix", path_commonprefix),
            ("relpath", path_relpath),
        ],
        vec![
            ("sep", new_str("/")),
            ("curdir", new_str(".")),
            ("pardir", new_str("..")),
        ],
    )?;
    dict::set_item(modules::modules(), new_str("os.path"), path)?;

    let (os, _) = modules::new_module("os");
    fill(
        os,
        &[
            ("getcwd", getcwd),
            ("getenv", getenv),
            ("listdir", listdir),
            ("remove", remove),
            ("unlink", remove),
            ("mkdir", mkdir),
            ("makedirs", makedirs),
            ("rmdir", rmdir),
            ("rename", rename),
            ("getpid", getpid),
        ],
        vec![
            ("environ", environ),
            ("path", path),
            ("sep", new_str("/")),
            ("altsep", none()),
            ("extsep", new_str(".")),
            ("curdir", new_str(".")),
            ("pardir", new_str("..")),
            ("linesep", new_str("\n")),
            ("pathsep", new_str(":")),
            ("name", new_str("posix")),
        ],
    )?;
    Ok(os)
}
