//! File objects: `open()` with CPython's modes (`r`/`w`/`a`/`x`, `+`,
//! text or `b`inary), reading by size, by line and by iteration, writing,
//! `seek`/`tell`/`truncate`, `with`, and the standard streams.
//!
//! A disk file keeps a read-ahead buffer over an unbuffered
//! `std::fs::File` and writes straight through, so reads, writes and seeks
//! mix freely on a `+` file (a write first gives the unread read-ahead back
//! by seeking the OS file back) and nothing is lost when a program never
//! closes a file. Text mode decodes UTF-8 and treats line ends as the
//! `newline` argument asks (`None`: `\r\n` and `\r` read as `\n`); `tell()`
//! is the byte offset, which is what CPython's opaque cookie amounts to for
//! UTF-8 read with no decoder state left over.

use super::{exc, kwarg, ops, BuiltinFn, PyResult};
use crate::objects::{self, get, new_str, new_string, str_of, PyBytes, PyFile, Types, Value};
use std::cell::RefCell;
use std::io::{Read, Seek, SeekFrom, Write};

pub enum FileState {
    Disk(Box<DiskFile>),
    Stdin,
    Stdout,
    Stderr,
}

/// How a text file treats line ends on reading (the `newline` argument).
#[derive(Clone, Copy, PartialEq)]
enum Newline {
    /// `None`: `\n`, `\r\n` and `\r` end lines and read as `\n`.
    Universal,
    /// `''`: all three end lines, returned as they are.
    Untranslated,
    /// `'\n'`, `'\r'` or `'\r\n'`: only that ends lines (and is what `\n`
    /// becomes on writing).
    Only(&'static str),
}

pub struct DiskFile {
    /// `None` once closed.
    file: Option<std::fs::File>,
    name: String,
    mode: String,
    /// The `encoding` attribute of a text file; `None` for a binary one.
    encoding: Option<String>,
    newline: Newline,
    readable: bool,
    writable: bool,
    /// Bytes read from the OS file and not consumed yet.
    ahead: Vec<u8>,
}

const CHUNK: usize = 8192;

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
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("readable", readable),
        ("writable", writable),
        ("seekable", seekable),
        ("isatty", isatty),
        ("close", close),
        ("flush", flush),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", enter),
        ("__next__", next_line_method),
    ]
}

/// Argument `pos` of `open()`, given by position or by keyword.
fn open_arg(args: &[Value], kw: &[(Value, Value)], pos: usize, name: &str) -> Option<Value> {
    args.get(pos).copied().or(kwarg(kw, name))
}

/// A `str or None` argument of `open()`.
fn optional_str(v: Option<Value>, name: &str) -> PyResult<Option<&'static str>> {
    match v {
        None => Ok(None),
        Some(v) if v == Types::get().none => Ok(None),
        Some(v) => str_of(v).map(Some).ok_or_else(|| {
            exc::type_error(format!(
                "open() argument '{name}' must be str or None, not {}",
                objects::types::type_name(v)
            ))
        }),
    }
}

/// What a mode string asks for, checked as CPython checks it.
struct Mode {
    kind: char,
    plus: bool,
    binary: bool,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return Err(exc::value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let (binary, text) = (seen.contains('b'), seen.contains('t'));
    if binary && text {
        return Err(exc::value_error("can't have text and binary mode at once"));
    }
    let kinds: Vec<char> = seen.chars().filter(|c| "rwxa".contains(*c)).collect();
    match kinds.as_slice() {
        [kind] => Ok(Mode {
            kind: *kind,
            plus: seen.contains('+'),
            binary,
        }),
        [] => Err(exc::value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )),
        _ => Err(exc::value_error(
            "must have exactly one of create/read/write/append mode",
        )),
    }
}

pub fn open(args: &[Value], kw: &[(Value, Value)]) -> PyResult {
    super::check_kwargs(
        "open",
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline"],
    )?;
    if args.len() > 6 {
        return Err(exc::type_error(format!(
            "open() takes at most 6 arguments ({} given)",
            args.len()
        )));
    }
    let path = open_arg(args, kw, 0, "file")
        .ok_or_else(|| exc::type_error("open() missing required argument 'file' (pos 1)"))?;
    let path = str_of(path).ok_or_else(|| {
        exc::type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            objects::types::type_name(path)
        ))
    })?;
    let mode_text = match open_arg(args, kw, 1, "mode") {
        None => "r",
        Some(m) => str_of(m).ok_or_else(|| {
            exc::type_error(format!(
                "open() argument 'mode' must be str, not {}",
                objects::types::type_name(m)
            ))
        })?,
    };
    let mode = parse_mode(mode_text)?;
    let encoding = optional_str(open_arg(args, kw, 3, "encoding"), "encoding")?;
    let errors = optional_str(open_arg(args, kw, 4, "errors"), "errors")?;
    let newline_arg = optional_str(open_arg(args, kw, 5, "newline"), "newline")?;
    if mode.binary {
        for (given, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (newline_arg.is_some(), "a newline"),
        ] {
            if given {
                return Err(exc::value_error(format!(
                    "binary mode doesn't take {what} argument"
                )));
            }
        }
    }
    let newline = match newline_arg {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::Only("\n"),
        Some("\r") => Newline::Only("\r"),
        Some("\r\n") => Newline::Only("\r\n"),
        Some(other) => return Err(exc::value_error(format!("illegal newline value: {other}"))),
    };
    if let Some(e) = encoding {
        let normal = e.to_ascii_lowercase().replace('_', "-");
        if !matches!(normal.as_str(), "utf-8" | "utf8" | "u8" | "utf") {
            return Err(exc::new(
                "LookupError",
                Some(format!("unknown encoding: {e}")),
            ));
        }
    }
    let mut options = std::fs::OpenOptions::new();
    match mode.kind {
        'r' => options.read(true).write(mode.plus),
        'w' => options
            .write(true)
            .read(mode.plus)
            .create(true)
            .truncate(true),
        'a' => options.append(true).read(mode.plus).create(true),
        _ => options.write(true).read(mode.plus).create_new(true),
    };
    let mut file = options
        .open(path)
        .map_err(|e| super::os_module::os_error(e, path))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(super::os_module::os_error(
            std::io::Error::from_raw_os_error(21),
            path,
        ));
    }
    if mode.kind == 'a' {
        file.seek(SeekFrom::End(0))
            .map_err(|e| super::os_module::os_error(e, path))?;
    }
    let shown_mode = if mode.binary {
        // A binary file's mode is FileIO's normal form: 'w+b' shows as 'rb+'.
        let base = match mode.kind {
            'w' if mode.plus => 'r',
            k => k,
        };
        format!("{base}b{}", if mode.plus { "+" } else { "" })
    } else {
        mode_text.to_string()
    };
    let disk = DiskFile {
        file: Some(file),
        name: path.to_string(),
        mode: shown_mode,
        encoding: (!mode.binary).then(|| encoding.unwrap_or("UTF-8").to_string()),
        newline,
        readable: mode.kind == 'r' || mode.plus,
        writable: mode.kind != 'r' || mode.plus,
        ahead: Vec::new(),
    };
    Ok(objects::alloc(PyFile {
        state: RefCell::new(FileState::Disk(Box::new(disk))),
    }))
}

fn io_failure(e: std::io::Error) -> Value {
    let errno = e.raw_os_error().unwrap_or(5);
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or("").to_string();
    let err = exc::new("OSError", Some(format!("[Errno {errno}] {text}")));
    exc::set_attr(err, "errno", objects::new_int(errno as i64));
    exc::set_attr(err, "strerror", new_string(text));
    err
}

fn unsupported(what: &str) -> Value {
    exc::new("UnsupportedOperation", Some(what.into()))
}

impl DiskFile {
    fn is_text(&self) -> bool {
        self.encoding.is_some()
    }

    /// The OS file, or CPython's error for an operation `op` on a closed one.
    fn open_file(&mut self, op: &str) -> PyResult<&mut std::fs::File> {
        let text = self.is_text();
        self.file.as_mut().ok_or_else(|| {
            exc::value_error(match (text, op) {
                (true, _) => "I/O operation on closed file.".to_string(),
                (false, "read" | "readline" | "seek") => format!("{op} of closed file"),
                (false, "write") => "write to closed file".to_string(),
                (false, _) => "I/O operation on closed file".to_string(),
            })
        })
    }

    /// CPython's error for reading a file not open for reading (a binary
    /// one says so before it says it is closed).
    fn check_readable(&mut self, op: &str) -> PyResult<()> {
        if !self.is_text() && !self.readable {
            return Err(unsupported("read"));
        }
        self.open_file(op)?;
        if self.readable {
            Ok(())
        } else {
            Err(unsupported("not readable"))
        }
    }

    /// As `check_readable`, for writing (`write` or `truncate`).
    fn check_writable(&mut self, op: &str) -> PyResult<()> {
        if !self.is_text() && !self.writable {
            return Err(unsupported(op));
        }
        self.open_file(op)?;
        match (self.writable, op) {
            (true, _) => Ok(()),
            (false, "truncate") => Err(unsupported(op)),
            (false, _) => Err(unsupported("not writable")),
        }
    }

    /// Reads one more chunk into the read-ahead; false at the end of file.
    fn fill(&mut self) -> PyResult<bool> {
        let mut chunk = [0u8; CHUNK];
        let n = self
            .open_file("read")?
            .read(&mut chunk)
            .map_err(io_failure)?;
        self.ahead.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    fn fill_to_end(&mut self) -> PyResult<()> {
        let mut rest = Vec::new();
        self.open_file("read")?
            .read_to_end(&mut rest)
            .map_err(io_failure)?;
        self.ahead.extend_from_slice(&rest);
        Ok(())
    }

    /// Gives the unread read-ahead back, so the OS file's position is the
    /// program's position again.
    fn drop_ahead(&mut self) -> PyResult<()> {
        if !self.ahead.is_empty() {
            let back = self.ahead.len() as i64;
            self.ahead.clear();
            self.open_file("seek")?
                .seek(SeekFrom::Current(-back))
                .map_err(io_failure)?;
        }
        Ok(())
    }

    /// Up to `limit` bytes (all with `None`), or one line of at most `limit`
    /// bytes when `line`.
    fn read_bytes(&mut self, limit: Option<usize>, line: bool) -> PyResult<Vec<u8>> {
        let mut scanned = 0;
        loop {
            let want = limit.unwrap_or(usize::MAX);
            if line {
                if let Some(i) = self.ahead[scanned..].iter().position(|&b| b == b'\n') {
                    let end = (scanned + i + 1).min(want);
                    return Ok(self.ahead.drain(..end).collect());
                }
                scanned = self.ahead.len();
            }
            if self.ahead.len() >= want {
                return Ok(self.ahead.drain(..want).collect());
            }
            if limit.is_none() && !line {
                self.fill_to_end()?;
                return Ok(std::mem::take(&mut self.ahead));
            }
            if !self.fill()? {
                return Ok(std::mem::take(&mut self.ahead));
            }
        }
    }

    /// Up to `limit` characters (all with `None`), or one line of at most
    /// `limit` characters when `line`, decoded and with line ends treated as
    /// `newline` says.
    fn read_text(&mut self, limit: Option<usize>, line: bool) -> PyResult<String> {
        if limit.is_none() && !line {
            self.fill_to_end()?;
        }
        let mut at_end = false;
        loop {
            match decode_prefix(&self.ahead, at_end, self.newline, limit, line)? {
                Some((used, text)) => {
                    self.ahead.drain(..used);
                    return Ok(text);
                }
                None => at_end = !self.fill()?,
            }
        }
    }

    fn write_bytes(&mut self, bytes: &[u8]) -> PyResult<()> {
        self.drop_ahead()?;
        self.open_file("write")?
            .write_all(bytes)
            .map_err(io_failure)
    }

    fn tell(&mut self) -> PyResult<u64> {
        let back = self.ahead.len() as u64;
        let pos = self
            .open_file("tell")?
            .stream_position()
            .map_err(io_failure)?;
        Ok(pos.saturating_sub(back))
    }
}

/// The next piece of decoded text at the start of `buf`: how many bytes it
/// used and the text, or `None` when more bytes are needed to know (a line
/// or character cut by the end of `buf` before the end of file).
fn decode_prefix(
    buf: &[u8],
    at_end: bool,
    newline: Newline,
    limit: Option<usize>,
    line: bool,
) -> PyResult<Option<(usize, String)>> {
    let mut out = String::new();
    let mut count = 0;
    let mut i = 0;
    while i < buf.len() {
        if limit.is_some_and(|m| count >= m) {
            return Ok(Some((i, out)));
        }
        let b = buf[i];
        let next = buf.get(i + 1).copied();
        let (c, used, ends_line) = match b {
            b'\r' if matches!(newline, Newline::Universal | Newline::Untranslated) => {
                if next.is_none() && !at_end {
                    return Ok(None);
                }
                if newline == Newline::Universal {
                    ('\n', if next == Some(b'\n') { 2 } else { 1 }, true)
                } else {
                    ('\r', 1, next != Some(b'\n'))
                }
            }
            b'\r' => ('\r', 1, newline == Newline::Only("\r")),
            b'\n' => (
                '\n',
                1,
                match newline {
                    Newline::Only("\r") => false,
                    Newline::Only("\r\n") => out.ends_with('\r'),
                    _ => true,
                },
            ),
            _ => {
                let width = match b {
                    0..=0x7f => 1,
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf4 => 4,
                    _ => return Err(decode_error(b, i, "invalid start byte")),
                };
                if i + width > buf.len() && !at_end {
                    return Ok(None);
                }
                let end = (i + width).min(buf.len());
                match std::str::from_utf8(&buf[i..end]) {
                    Ok(s) => (s.chars().next().unwrap_or('\u{fffd}'), width, false),
                    Err(e) if e.error_len().is_none() => {
                        return Err(decode_error(b, i, "unexpected end of data"))
                    }
                    Err(_) => return Err(decode_error(b, i, "invalid continuation byte")),
                }
            }
        };
        out.push(c);
        count += 1;
        i += used;
        if line && ends_line {
            return Ok(Some((i, out)));
        }
    }
    if at_end || limit.is_some_and(|m| count >= m) {
        Ok(Some((i, out)))
    } else {
        Ok(None)
    }
}

fn decode_error(byte: u8, pos: usize, reason: &str) -> Value {
    exc::new(
        "UnicodeDecodeError",
        Some(format!(
            "'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"
        )),
    )
}

fn this(args: &[Value]) -> PyResult<&'static PyFile> {
    args.first()
        .and_then(|&v| get::<PyFile>(v))
        .ok_or_else(|| exc::type_error("file method on a non-file"))
}

fn arg_count(name: &str, args: &[Value], max: usize) -> PyResult<()> {
    super::arg_count(name, args, 1, max + 1)
}

/// A size argument (`read(n)`, `readline(n)`, `readlines(hint)`): `None`
/// for all, as for a negative one.
fn size_arg(args: &[Value], pos: usize) -> PyResult<Option<usize>> {
    let Some(&v) = args.get(pos) else {
        return Ok(None);
    };
    if v == Types::get().none {
        return Ok(None);
    }
    let n = super::number::index_of(v).ok_or_else(|| {
        exc::type_error(format!(
            "argument should be integer or None, not '{}'",
            objects::types::type_name(v)
        ))
    })?;
    Ok(usize::try_from(n).ok())
}

fn stdin_line() -> PyResult<String> {
    super::functions::flush_stdout();
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(io_failure)?;
    Ok(line)
}

/// One line (a `str` or `bytes` object), empty at the end of the file.
fn read_line(f: &PyFile, limit: Option<usize>) -> PyResult<Value> {
    match &mut *f.state.borrow_mut() {
        FileState::Disk(d) => {
            d.check_readable("readline")?;
            if d.is_text() {
                Ok(new_string(d.read_text(limit, true)?))
            } else {
                Ok(objects::new_bytes(d.read_bytes(limit, true)?))
            }
        }
        FileState::Stdin => Ok(new_string(stdin_line()?)),
        _ => Err(unsupported("not readable")),
    }
}

fn is_empty_line(v: Value) -> bool {
    str_of(v).map_or_else(
        || get::<PyBytes>(v).is_some_and(|b| b.b.is_empty()),
        str::is_empty,
    )
}

fn line_len(v: Value) -> usize {
    str_of(v).map_or_else(
        || get::<PyBytes>(v).map_or(0, |b| b.b.len()),
        |s| s.chars().count(),
    )
}

fn read(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("read", args, 1)?;
    let f = this(args)?;
    let limit = size_arg(args, 1)?;
    match &mut *f.state.borrow_mut() {
        FileState::Disk(d) => {
            d.check_readable("read")?;
            if d.is_text() {
                Ok(new_string(d.read_text(limit, false)?))
            } else {
                Ok(objects::new_bytes(d.read_bytes(limit, false)?))
            }
        }
        FileState::Stdin => {
            super::functions::flush_stdout();
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(io_failure)?;
            Ok(new_string(match limit {
                Some(n) => s.chars().take(n).collect(),
                None => s,
            }))
        }
        _ => Err(unsupported("not readable")),
    }
}

fn readline(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("readline", args, 1)?;
    let limit = size_arg(args, 1)?;
    read_line(this(args)?, limit)
}

fn readlines(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("readlines", args, 1)?;
    let f = this(args)?;
    let hint = size_arg(args, 1)?.filter(|&n| n > 0);
    let mut out = objects::RootedVec::new();
    let mut total = 0;
    loop {
        let l = read_line(f, None)?;
        if is_empty_line(l) {
            break;
        }
        total += line_len(l);
        out.push(l);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
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
    let l = read_line(this(&[f])?, None)?;
    Ok((!is_empty_line(l)).then_some(l))
}

/// Writes one `str` (text) or bytes-like object (binary) argument, giving
/// the count `write()` returns.
fn write_one(f: &PyFile, v: Value) -> PyResult<usize> {
    let mut state = f.state.borrow_mut();
    let binary = matches!(&*state, FileState::Disk(d) if !d.is_text());
    if binary {
        let b = get::<PyBytes>(v).ok_or_else(|| {
            exc::type_error(format!(
                "a bytes-like object is required, not '{}'",
                objects::types::type_name(v)
            ))
        })?;
        if let FileState::Disk(d) = &mut *state {
            d.check_writable("write")?;
            d.write_bytes(&b.b)?;
        }
        return Ok(b.b.len());
    }
    let s = str_of(v).ok_or_else(|| {
        exc::type_error(format!(
            "write() argument must be str, not {}",
            objects::types::type_name(v)
        ))
    })?;
    match &mut *state {
        FileState::Disk(d) => {
            d.check_writable("write")?;
            match d.newline {
                Newline::Only(end) if end != "\n" => {
                    d.write_bytes(s.replace('\n', end).as_bytes())?
                }
                _ => d.write_bytes(s.as_bytes())?,
            }
        }
        FileState::Stdout => super::functions::write_stdout(s),
        FileState::Stderr => {
            super::functions::flush_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        FileState::Stdin => return Err(unsupported("not writable")),
    }
    Ok(s.chars().count())
}

fn write(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::arg_count("write", args, 2, 2)?;
    let n = write_one(this(args)?, args[1])?;
    Ok(objects::new_int(n as i64))
}

fn writelines(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::arg_count("writelines", args, 2, 2)?;
    let f = this(args)?;
    for &l in ops::collect(args[1])?.iter() {
        write_one(f, l)?;
    }
    Ok(Types::get().none)
}

/// The disk file of a file object's state: the standard streams cannot
/// seek, tell or truncate.
fn disk<'a>(state: &'a mut FileState, op: &str) -> PyResult<&'a mut DiskFile> {
    match state {
        FileState::Disk(d) => Ok(d),
        _ => Err(unsupported(&format!(
            "underlying stream is not seekable ({op})"
        ))),
    }
}

fn seek(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    super::arg_count("seek", args, 2, 3)?;
    let f = this(args)?;
    let offset = super::number::index_of(args[1]).ok_or_else(|| {
        exc::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            objects::types::type_name(args[1])
        ))
    })?;
    let whence = match args.get(2) {
        Some(&w) => super::number::index_of(w).ok_or_else(|| {
            exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                objects::types::type_name(w)
            ))
        })?,
        None => 0,
    };
    let mut state = f.state.borrow_mut();
    let d = disk(&mut state, "seek")?;
    d.open_file("seek")?;
    if d.is_text() {
        match whence {
            0 if offset < 0 => {
                return Err(exc::value_error(format!("negative seek position {offset}")))
            }
            1 if offset != 0 => return Err(unsupported("can't do nonzero cur-relative seeks")),
            2 if offset != 0 => return Err(unsupported("can't do nonzero end-relative seeks")),
            0..=2 => {}
            _ => {
                return Err(exc::value_error(format!(
                    "invalid whence ({whence}, should be 0, 1 or 2)"
                )))
            }
        }
    }
    let target = match whence {
        0 => SeekFrom::Start(u64::try_from(offset).map_err(|_| invalid_argument())?),
        1 => {
            d.drop_ahead()?;
            SeekFrom::Current(offset)
        }
        2 => SeekFrom::End(offset),
        _ => return Err(invalid_argument()),
    };
    d.ahead.clear();
    let pos = d.open_file("seek")?.seek(target).map_err(io_failure)?;
    Ok(objects::new_int(pos as i64))
}

fn invalid_argument() -> Value {
    io_failure(std::io::Error::from_raw_os_error(22))
}

fn tell(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("tell", args, 0)?;
    let f = this(args)?;
    let mut state = f.state.borrow_mut();
    let pos = disk(&mut state, "tell")?.tell()?;
    Ok(objects::new_int(pos as i64))
}

fn truncate(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    arg_count("truncate", args, 1)?;
    let f = this(args)?;
    let size = args.get(1).copied().filter(|&v| v != Types::get().none);
    let mut state = f.state.borrow_mut();
    let d = disk(&mut state, "truncate")?;
    d.check_writable("truncate")?;
    d.drop_ahead()?;
    let size = match size {
        Some(v) => super::number::index_of(v).ok_or_else(|| {
            exc::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                objects::types::type_name(v)
            ))
        })?,
        None => d.tell()? as i64,
    };
    let size = u64::try_from(size).map_err(|_| invalid_argument())?;
    d.open_file("truncate")?.set_len(size).map_err(io_failure)?;
    Ok(objects::new_int(size as i64))
}

/// `readable()`, `writable()`, `seekable()`, `isatty()`: what the file
/// allows (a disk file is never a terminal).
fn ability(args: &[Value], name: &str, pick: fn(&DiskFile) -> bool) -> PyResult {
    arg_count(name, args, 0)?;
    let f = this(args)?;
    let answer = match &mut *f.state.borrow_mut() {
        FileState::Disk(d) => {
            d.open_file(name)?;
            pick(d)
        }
        FileState::Stdin => name == "readable",
        _ => name == "writable",
    };
    Ok(objects::new_bool(answer))
}

fn readable(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    ability(args, "readable", |d| d.readable)
}

fn writable(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    ability(args, "writable", |d| d.writable)
}

fn seekable(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    ability(args, "seekable", |_| true)
}

fn isatty(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    ability(args, "isatty", |_| false)
}

fn close(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = this(args)?;
    if let FileState::Disk(d) = &mut *f.state.borrow_mut() {
        d.file = None;
        d.ahead = Vec::new();
    }
    Ok(Types::get().none)
}

fn flush(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = this(args)?;
    match &mut *f.state.borrow_mut() {
        FileState::Disk(d) => {
            d.open_file("flush")?;
        }
        FileState::Stdout => super::functions::flush_stdout(),
        _ => {}
    }
    Ok(Types::get().none)
}

fn enter(args: &[Value], _: &[(Value, Value)]) -> PyResult {
    let f = this(args)?;
    if let FileState::Disk(d) = &mut *f.state.borrow_mut() {
        d.open_file("__enter__")?;
    }
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
        FileState::Disk(d) => &d.name,
        FileState::Stdin => "<stdin>",
        FileState::Stdout => "<stdout>",
        FileState::Stderr => "<stderr>",
    }))
}

pub fn is_closed(v: Value) -> bool {
    get::<PyFile>(v)
        .is_some_and(|f| matches!(&*f.state.borrow(), FileState::Disk(d) if d.file.is_none()))
}

/// The data attributes of a file object: `name`, `closed`, `mode`, and a
/// text file's `encoding` and `errors`.
pub fn attribute(v: Value, attr: &str) -> Option<Value> {
    let f = get::<PyFile>(v)?;
    match attr {
        "name" => return name_of(v),
        "closed" => return Some(objects::new_bool(is_closed(v))),
        _ => {}
    }
    let st = f.state.borrow();
    let (mode, encoding) = match &*st {
        FileState::Disk(d) => (d.mode.as_str(), d.encoding.as_deref()),
        FileState::Stdin => ("r", Some("utf-8")),
        _ => ("w", Some("utf-8")),
    };
    match attr {
        "mode" => Some(new_str(mode)),
        "encoding" => encoding.map(new_str),
        "errors" => encoding.map(|_| new_str("strict")),
        _ => None,
    }
}

/// The CPython class of a file object.
pub fn class_name(v: Value) -> &'static str {
    let Some(f) = get::<PyFile>(v) else {
        return "TextIOWrapper";
    };
    match &*f.state.borrow() {
        FileState::Disk(d) if !d.is_text() => match (d.readable, d.writable) {
            (true, true) => "BufferedRandom",
            (true, false) => "BufferedReader",
            _ => "BufferedWriter",
        },
        _ => "TextIOWrapper",
    }
}

/// `repr()` of a file object, named by its CPython class.
pub fn repr(v: Value) -> PyResult<String> {
    let name = name_of(v).map_or(Ok("?".to_string()), ops::repr)?;
    let Some(f) = get::<PyFile>(v) else {
        return Ok("<file>".into());
    };
    let st = f.state.borrow();
    let (mode, encoding) = match &*st {
        FileState::Disk(d) if !d.is_text() => {
            return Ok(format!("<_io.{} name={name}>", class_name(v)));
        }
        FileState::Disk(d) => (d.mode.clone(), d.encoding.clone().unwrap_or_default()),
        FileState::Stdin => ("r".into(), "utf-8".into()),
        _ => ("w".into(), "utf-8".into()),
    };
    Ok(format!(
        "<_io.TextIOWrapper name={name} mode='{mode}' encoding='{encoding}'>"
    ))
}
