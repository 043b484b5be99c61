//! File objects: `open()` in text mode (read, write, append), iteration by
//! line, `with`, and the standard streams.

use super::{arg_count, exc, kwarg, ops, BuiltinFn, PyResult};
use crate::objects::{self, get, new_str, new_string, str_of, PyFile, Types, Value};
use std::cell::RefCell;
use std::io::{BufRead, Read, Write};

pub enum FileState {
    Reader {
        name: String,
        reader: std::io::BufReader<std::fs::File>,
    },
    Writer {
        name: String,
        writer: std::io::BufWriter<std::fs::File>,
    },
    Stdin,
    Stdout,
    Stderr,
    Closed {
        name: String,
    },
}

pub fn std_stream(fd: u8) -> Value {
    objects::alloc(PyFile {
        state: RefCell::new(match fd {
            0 => FileState::Stdin,
            1 => FileState::Stdout,
            _ => FileState::Stderr,
        }),
    })
}

pub fn methods() -> Vec<(&'static str, BuiltinFn)> {
    vec![
        ("read", read),
        ("readline", readline),
        ("readlines", readlines),
        ("write", write),
        ("writelines", writelines),
        ("close", close),
        ("flush", flush),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", enter),
        ("__next__", next_line_method),
    ]
}

pub fn open(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::check_kwargs(
        "open",
        kw,
        &["file", "mode", "encoding", "newline", "errors", "buffering"],
    )?;
    let path = args
        .first()
        .copied()
        .or(kwarg(kw, "file"))
        .ok_or_else(|| exc::type_error("open() missing required argument 'file' (pos 1)"))?;
    let path = str_of(path).ok_or_else(|| {
        exc::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            objects::types::type_name(path)
        ))
    })?;
    let mode = match args.get(1).copied().or(kwarg(kw, "mode")) {
        Some(m) => str_of(m).unwrap_or("r").to_string(),
        None => "r".into(),
    };
    let m = mode.replace(['t', 'b'], "");
    let io_err = |e: std::io::Error| -> Value {
        let (kind, errno) = match e.kind() {
            std::io::ErrorKind::NotFound => ("FileNotFoundError", 2),
            std::io::ErrorKind::PermissionDenied => ("PermissionError", 13),
            _ => ("OSError", e.raw_os_error().unwrap_or(5)),
        };
        let msg = match kind {
            "FileNotFoundError" => "No such file or directory".to_string(),
            "PermissionError" => "Permission denied".to_string(),
            _ => e.to_string(),
        };
        exc::os_error(kind, errno as i64, &msg, path)
    };
    let state = match m.as_str() {
        "r" => {
            let f = std::fs::File::open(path).map_err(io_err)?;
            if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
                return Err(exc::os_error(
                    "IsADirectoryError",
                    21,
                    "Is a directory",
                    path,
                ));
            }
            FileState::Reader {
                name: path.to_string(),
                reader: std::io::BufReader::new(f),
            }
        }
        "w" | "a" | "x" => {
            let mut o = std::fs::OpenOptions::new();
            match m.as_str() {
                "w" => o.write(true).create(true).truncate(true),
                "a" => o.append(true).create(true),
                _ => o.write(true).create_new(true),
            };
            let f = o.open(path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    exc::os_error("FileExistsError", 17, "File exists", path)
                } else {
                    io_err(e)
                }
            })?;
            FileState::Writer {
                name: path.to_string(),
                writer: std::io::BufWriter::new(f),
            }
        }
        _ => return Err(exc::value_error(format!("invalid mode: '{mode}'"))),
    };
    Ok(objects::alloc(PyFile {
        state: RefCell::new(state),
    }))
}

fn this(args: &[Value]) -> PyResult<&'static PyFile> {
    args.first()
        .and_then(|&v| get::<PyFile>(v))
        .ok_or_else(|| exc::type_error("file method on a non-file"))
}

fn closed() -> Value {
    exc::value_error("I/O operation on closed file.")
}

fn not_readable() -> Value {
    exc::new("UnsupportedOperation", Some("not readable".into()))
}

fn read_line(f: &PyFile) -> PyResult<String> {
    let mut line = String::new();
    match &mut *f.state.borrow_mut() {
        FileState::Reader { reader, .. } => {
            reader
                .read_line(&mut line)
                .map_err(|e| exc::new("OSError", Some(e.to_string())))?;
        }
        FileState::Stdin => {
            super::functions::flush_stdout();
            std::io::stdin()
                .read_line(&mut line)
                .map_err(|e| exc::new("OSError", Some(e.to_string())))?;
        }
        FileState::Closed { .. } => return Err(closed()),
        _ => return Err(not_readable()),
    }
    Ok(line)
}

fn read(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("read", args, 1, 2)?;
    let f = this(args)?;
    let mut s = String::new();
    match &mut *f.state.borrow_mut() {
        FileState::Reader { reader, .. } => {
            reader
                .read_to_string(&mut s)
                .map_err(|e| exc::new("UnicodeDecodeError", Some(e.to_string())))?;
        }
        FileState::Stdin => {
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| exc::new("OSError", Some(e.to_string())))?;
        }
        FileState::Closed { .. } => return Err(closed()),
        _ => return Err(not_readable()),
    }
    if let Some(&n) = args.get(1) {
        if let Some(objects::IntVal::Small(n)) = objects::int_of(n) {
            if n >= 0 {
                return Ok(new_string(s.chars().take(n as usize).collect()));
            }
        }
    }
    Ok(new_string(s))
}

fn readline(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("readline", args, 1, 2)?;
    Ok(new_string(read_line(this(args)?)?))
}

fn readlines(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("readlines", args, 1, 2)?;
    let f = this(args)?;
    let mut out = objects::RootedVec::new();
    loop {
        let l = read_line(f)?;
        if l.is_empty() {
            break;
        }
        out.push(new_string(l));
    }
    Ok(objects::new_list(out.to_vec()))
}

fn next_line_method(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    match next_line(args[0])? {
        Some(l) => Ok(l),
        None => Err(exc::stop_iteration(None)),
    }
}

/// The next line of a file being iterated, `None` at its end.
pub fn next_line(f: Value) -> PyResult<Option<Value>> {
    let l = read_line(this(&[f])?)?;
    Ok((!l.is_empty()).then(|| new_string(l)))
}

fn write_text(f: &PyFile, s: &str) -> PyResult<()> {
    match &mut *f.state.borrow_mut() {
        FileState::Writer { writer, .. } => {
            writer
                .write_all(s.as_bytes())
                .map_err(|e| exc::new("OSError", Some(e.to_string())))?;
        }
        FileState::Stdout => super::functions::write_stdout(s),
        FileState::Stderr => {
            super::functions::flush_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        FileState::Closed { .. } => return Err(closed()),
        _ => {
            return Err(exc::new(
                "UnsupportedOperation",
                Some("not writable".into()),
            ))
        }
    }
    Ok(())
}

fn write(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("write", args, 2, 2)?;
    let f = this(args)?;
    let s = str_of(args[1]).ok_or_else(|| {
        exc::type_error(format!(
            "write() argument must be str, not {}",
            objects::types::type_name(args[1])
        ))
    })?;
    write_text(f, s)?;
    Ok(objects::new_int(s.chars().count() as i64))
}

fn writelines(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("writelines", args, 2, 2)?;
    let f = this(args)?;
    for &l in ops::collect(args[1])?.iter() {
        let s = str_of(l).ok_or_else(|| exc::type_error("write() argument must be str"))?;
        write_text(f, s)?;
    }
    Ok(Types::get().none)
}

fn close(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = this(args)?;
    let mut st = f.state.borrow_mut();
    let name = match &mut *st {
        FileState::Writer { name, writer } => {
            let _ = writer.flush();
            name.clone()
        }
        FileState::Reader { name, .. } => name.clone(),
        FileState::Closed { name } => name.clone(),
        _ => return Ok(Types::get().none),
    };
    *st = FileState::Closed { name };
    Ok(Types::get().none)
}

fn flush(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = this(args)?;
    match &mut *f.state.borrow_mut() {
        FileState::Writer { writer, .. } => {
            let _ = writer.flush();
        }
        FileState::Stdout => super::functions::flush_stdout(),
        _ => {}
    }
    Ok(Types::get().none)
}

fn enter(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    this(args)?;
    Ok(args[0])
}

fn exit(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    close(&args[..1], &[])?;
    Ok(Types::get().false_)
}

pub fn name_of(v: Value) -> Option<Value> {
    let f = get::<PyFile>(v)?;
    let st = f.state.borrow();
    Some(new_str(match &*st {
        FileState::Reader { name, .. }
        | FileState::Writer { name, .. }
        | FileState::Closed { name } => name,
        FileState::Stdin => "<stdin>",
        FileState::Stdout => "<stdout>",
        FileState::Stderr => "<stderr>",
    }))
}

pub fn is_closed(v: Value) -> bool {
    get::<PyFile>(v).is_some_and(|f| matches!(&*f.state.borrow(), FileState::Closed { .. }))
}
