//! Reading the text form of a trace back: the inverse of `print.rs`.
//!
//! ```text
//! [i0, r1]
//! debug_merge_point(0, 'pc 4: MOV_R_A 2')
//! i2 = getarrayitem_i(r1, 2, descr=regs)
//! guard_true(i2) [i0, r1]
//! jump(i2, r1)
//! ```
//!
//! The parser exists so that optimizer tests can be written as "this trace
//! in, that trace out" (PyPy's `test_optimizeopt`, yk's `hir_parser`), so it
//! is strict where a lenient reading would hide a mistake in a test: every
//! variable must be defined before it is used and always written with the
//! same type letter, every operation gets exactly its number and types of
//! operands and the kind of descriptor it needs, and every error says where
//! (line and column) and what. It is lenient only about spacing, blank lines
//! and `#` comments, which may fill a line or end one.
//!
//! Variable numbers are kept as written, so `print(parse(text)) == text` for
//! any text `print` wrote; numbers that are never defined leave holes in
//! `Trace::types` (typed `Void`). Descriptors are looked up by name in a
//! `Namespace` the caller fills with its `&'static` descriptors; `descr=loopN`
//! names compiled loop `N` for a `jump`, `descr=labelN` that loop's peeled
//! `label`. Each guard gets its own one-frame
//! `Snapshot` sized to its fail arguments, and the id its trailing comment
//! gives (`guard_true(i2) [i0] # guard 7`, as the logs print it; each id at
//! most once) or else 0: enough for a well-formed trace that a backend can
//! run.

use super::{
    eval, Arg, ArrayDescr, CallDescr, Descr, DescrRef, FieldDescr, GuardInfo, Op, OpClass, Opcode,
    PendingStore, Resume, SizeDescr, Slot, Snapshot, SnapshotFrame, Trace, Type, Var, VirtualItems,
    VirtualKind, VirtualObject, Virtuals,
};
use std::collections::HashMap;
use std::fmt;

/// The descriptors a text may name, by name.
#[derive(Clone, Debug, Default)]
pub struct Namespace {
    descrs: HashMap<&'static str, Descr>,
}

impl Namespace {
    pub fn new() -> Namespace {
        Namespace::default()
    }
    pub fn field(mut self, d: &'static FieldDescr) -> Namespace {
        self.insert(Descr::Field(d));
        self
    }
    pub fn array(mut self, d: &'static ArrayDescr) -> Namespace {
        self.insert(Descr::Array(d));
        self
    }
    pub fn size(mut self, d: &'static SizeDescr) -> Namespace {
        self.insert(Descr::Size(d));
        self
    }
    pub fn call(mut self, d: &'static CallDescr) -> Namespace {
        self.insert(Descr::Call(d));
        self
    }
    /// Add a named descriptor (field, array, size or call); a later one with
    /// the same name replaces an earlier one.
    pub fn insert(&mut self, d: Descr) {
        let name = d.name().expect("only named descriptors go in a namespace");
        self.descrs.insert(name, d);
    }
    pub fn get(&self, name: &str) -> Option<Descr> {
        self.descrs.get(name).copied()
    }
}

/// What went wrong, and where (1-based line and column, in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub col: usize,
    pub msg: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: {}", self.line, self.col, self.msg)
    }
}

impl std::error::Error for ParseError {}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// A name: an opcode, a variable (`i3`), `NULL`, `ConstPtr`, `descr`, ...
    Ident(String),
    /// A numeric literal as written (sign included).
    Num(String),
    /// A quoted string, without its quotes.
    Str(String),
    Punct(char),
}

impl fmt::Display for Tok {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tok::Ident(s) | Tok::Num(s) => write!(f, "`{s}`"),
            Tok::Str(s) => write!(f, "'{s}'"),
            Tok::Punct(c) => write!(f, "`{c}`"),
        }
    }
}

/// One line's tokens with their (1-based) columns, and a cursor.
struct Line {
    no: usize,
    toks: Vec<(Tok, usize)>,
    pos: usize,
    end_col: usize,
    /// A trailing `# ...` comment: its text after the `#`, and its column.
    comment: Option<(String, usize)>,
}

fn lex(no: usize, text: &str) -> Result<Line, ParseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut toks = Vec::new();
    let mut i = 0;
    let err = |col: usize, msg: String| ParseError { line: no, col, msg };
    let mut comment = None;
    let mut end = chars.len();
    while i < chars.len() {
        let c = chars[i];
        let col = i + 1;
        if c.is_whitespace() {
            i += 1;
        } else if c == '#' {
            comment = Some((chars[i + 1..].iter().collect(), col));
            end = chars[..i]
                .iter()
                .rposition(|c| !c.is_whitespace())
                .map_or(0, |k| k + 1);
            break;
        } else if "[](),=|;{}".contains(c) {
            toks.push((Tok::Punct(c), col));
            i += 1;
        } else if c == '\'' {
            let start = i + 1;
            let Some(len) = chars[start..].iter().position(|&q| q == '\'') else {
                return Err(err(col, "unterminated string".into()));
            };
            toks.push((Tok::Str(chars[start..start + len].iter().collect()), col));
            i = start + len + 1;
        } else if c.is_ascii_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            toks.push((Tok::Ident(chars[start..i].iter().collect()), col));
        } else if c.is_ascii_digit() || c == '-' || c == '.' {
            let start = i;
            i += 1;
            let hex = chars[start..].starts_with(&['0', 'x']);
            while i < chars.len() {
                let d = chars[i];
                let exp_sign = (d == '-' || d == '+') && !hex && matches!(chars[i - 1], 'e' | 'E');
                if d.is_ascii_alphanumeric() || d == '.' || d == '_' || exp_sign {
                    i += 1;
                } else {
                    break;
                }
            }
            toks.push((Tok::Num(chars[start..i].iter().collect()), col));
        } else {
            return Err(err(col, format!("unexpected character `{c}`")));
        }
    }
    Ok(Line {
        no,
        toks,
        pos: 0,
        end_col: end + 1,
        comment,
    })
}

impl Line {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|(t, _)| t)
    }
    fn col(&self) -> usize {
        self.toks.get(self.pos).map_or(self.end_col, |&(_, c)| c)
    }
    fn err_at(&self, col: usize, msg: impl Into<String>) -> ParseError {
        ParseError {
            line: self.no,
            col,
            msg: msg.into(),
        }
    }
    fn err(&self, msg: impl Into<String>) -> ParseError {
        self.err_at(self.col(), msg)
    }
    fn next(&mut self) -> Option<(Tok, usize)> {
        let t = self.toks.get(self.pos).cloned();
        self.pos += 1;
        t
    }
    fn is_punct(&self, c: char) -> bool {
        self.peek() == Some(&Tok::Punct(c))
    }
    fn expect(&mut self, c: char) -> Result<(), ParseError> {
        match self.peek() {
            Some(Tok::Punct(p)) if *p == c => {
                self.pos += 1;
                Ok(())
            }
            Some(t) => Err(self.err(format!("expected `{c}`, found {t}"))),
            None => Err(self.err(format!("expected `{c}` before the end of the line"))),
        }
    }
    fn at_end(&self) -> bool {
        self.pos >= self.toks.len()
    }
}

/// A variable as written: its type letter and number.
fn var_name(s: &str) -> Option<(Type, u32)> {
    let ty = match s.chars().next()? {
        'i' => Type::Int,
        'f' => Type::Float,
        'r' => Type::Ref,
        'v' => Type::Void,
        _ => return None,
    };
    let digits = &s[1..];
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((ty, digits.parse().ok()?))
}

/// A fail argument as written: an operand or a virtual object's name.
enum FailValue {
    Arg(Arg),
    /// `virtN`, and its column.
    Virtual(u32, usize),
}

fn push_fail_value(fail_args: &mut Vec<Arg>, refs: &mut Vec<(u32, u32, usize)>, v: FailValue) {
    match v {
        FailValue::Arg(a) => fail_args.push(a),
        FailValue::Virtual(k, col) => {
            refs.push((fail_args.len() as u32, k, col));
            fail_args.push(Arg::Ref(0));
        }
    }
}

/// A guard's pending store starts with the name of the store operation.
fn is_pending_store(s: &str) -> bool {
    s == "setfield" || s == "setarrayitem"
}

/// `virtN`: the number of a guard's virtual object.
fn virtual_name(s: &str) -> Option<u32> {
    let digits = s.strip_prefix("virt")?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

fn type_name(t: Type) -> &'static str {
    match t {
        Type::Int => "int",
        Type::Float => "float",
        Type::Ref => "ref",
        Type::Void => "void",
    }
}

/// The parser's state: the trace built so far and which variables exist.
struct Parser<'a> {
    ns: &'a Namespace,
    trace: Trace,
    /// Type of each defined variable, by number.
    defined: HashMap<u32, Type>,
    /// Guard ids given by `# guard N` comments, with the line of each.
    guard_ids: HashMap<u32, usize>,
}

/// The id a trailing comment `guard N` gives, if it is one.
fn guard_id(comment: &str) -> Option<u32> {
    let n = comment.trim().strip_prefix("guard")?;
    if !n.starts_with([' ', '\t']) {
        return None;
    }
    let n = n.trim_start();
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

/// An operand as parsed, with its column for error messages.
struct ParsedArg {
    arg: Arg,
    col: usize,
}

/// What an operation's operand list may end with.
enum Extra {
    None,
    Descr(String, usize),
    Comment(String),
}

impl Parser<'_> {
    fn type_of(&self, a: Arg) -> Type {
        match a {
            Arg::Var(v) => self.defined[&v.0],
            Arg::Int(_) => Type::Int,
            Arg::Float(_) => Type::Float,
            Arg::Ref(_) => Type::Ref,
        }
    }

    /// A use of a variable: it must exist, with this type letter.
    fn use_var(
        &self,
        l: &Line,
        col: usize,
        name: &str,
        ty: Type,
        n: u32,
    ) -> Result<Arg, ParseError> {
        match self.defined.get(&n) {
            None => Err(l.err_at(col, format!("{name} is used before it is defined"))),
            Some(&t) if t != ty => Err(l.err_at(
                col,
                format!("{name} is the {} variable {}{n}", type_name(t), t.prefix()),
            )),
            Some(_) => Ok(Arg::Var(Var(n))),
        }
    }

    fn define(&mut self, l: &Line, col: usize, ty: Type, n: u32) -> Result<Var, ParseError> {
        if let Some(&t) = self.defined.get(&n) {
            return Err(l.err_at(col, format!("variable {}{n} is defined twice", t.prefix())));
        }
        if ty == Type::Void {
            return Err(l.err_at(col, format!("v{n}: a void value cannot be named")));
        }
        self.defined.insert(n, ty);
        let i = n as usize;
        if self.trace.types.len() <= i {
            self.trace.types.resize(i + 1, Type::Void);
        }
        self.trace.types[i] = ty;
        Ok(Var(n))
    }

    /// The snapshot of `frames` (outermost first), its callers' frames
    /// shared with the snapshots already read that have the same ones, as
    /// the recorder shares them.
    fn snapshot(&mut self, frames: Vec<SnapshotFrame>) -> u32 {
        let snapshots = &mut self.trace.snapshots;
        let mut caller = None;
        let n = frames.len();
        for (i, frame) in frames.into_iter().enumerate() {
            let wanted = Snapshot { caller, frame };
            let existing = (i + 1 < n)
                .then(|| snapshots.iter().position(|s| *s == wanted))
                .flatten();
            caller = Some(match existing {
                Some(at) => at as u32,
                None => {
                    snapshots.push(wanted);
                    snapshots.len() as u32 - 1
                }
            });
        }
        caller.expect("a guard has a frame")
    }

    /// `{descr=NAME, object=K, I=ARG, ...}`: a frame's virtual items.
    fn virtual_items(&self, l: &mut Line) -> Result<(VirtualItems, Vec<FailValue>), ParseError> {
        l.expect('{')?;
        let mut descr = None;
        let mut object = None;
        let mut items = Vec::new();
        let mut values = Vec::new();
        while !l.is_punct('}') {
            let col = l.col();
            let key = match l.next() {
                Some((Tok::Ident(k), _)) | Some((Tok::Num(k), _)) => k,
                _ => return Err(l.err_at(col, "expected descr=, object= or ITEM=VALUE")),
            };
            l.expect('=')?;
            match key.as_str() {
                "descr" => {
                    let col = l.col();
                    let name = match l.next() {
                        Some((Tok::Ident(n), _)) => n,
                        _ => return Err(l.err_at(col, "expected an array descriptor's name")),
                    };
                    match self.ns.get(&name) {
                        Some(Descr::Array(d)) => descr = Some(d),
                        _ => return Err(l.err_at(col, format!("no array descriptor {name}"))),
                    }
                }
                "object" => {
                    let col = l.col();
                    object = match l.next() {
                        Some((Tok::Num(n), _)) => n.parse::<u32>().ok(),
                        _ => None,
                    };
                    if object.is_none() {
                        return Err(l.err_at(col, "object= takes a slot number"));
                    }
                }
                k => {
                    let Ok(item) = k.parse::<i64>() else {
                        return Err(l.err_at(col, format!("`{k}`: expected an item number")));
                    };
                    items.push(item);
                    values.push(self.fail_value(l)?);
                }
            }
            if l.is_punct(',') {
                l.pos += 1;
            } else {
                break;
            }
        }
        l.expect('}')?;
        let (Some(descr), Some(object)) = (descr, object) else {
            return Err(l.err("virtual items need descr= and object="));
        };
        Ok((
            VirtualItems {
                object,
                descr,
                items,
            },
            values,
        ))
    }

    /// A fail argument: an operand, or `virtN`, one of the guard's virtual
    /// objects.
    fn fail_value(&self, l: &mut Line) -> Result<FailValue, ParseError> {
        if let Some(Tok::Ident(s)) = l.peek() {
            if let Some(k) = virtual_name(s) {
                let col = l.col();
                l.pos += 1;
                return Ok(FailValue::Virtual(k, col));
            }
        }
        Ok(FailValue::Arg(self.arg(l)?.arg))
    }

    /// The stores pending at a guard, after its virtual objects, in order:
    /// `setfield(OBJECT, VALUE, descr=FIELD)` or
    /// `setarrayitem(OBJECT, INDEX, VALUE, descr=ARRAY)`, the index a
    /// constant. Objects and values are appended to `fail_args`.
    fn pending_stores(
        &self,
        l: &mut Line,
        fail_args: &mut Vec<Arg>,
        refs: &mut Vec<(u32, u32, usize)>,
    ) -> Result<Vec<PendingStore>, ParseError> {
        let mut stores = Vec::new();
        while let Some(Tok::Ident(s)) = l.peek() {
            let col = l.col();
            if !is_pending_store(s) {
                return Err(l.err_at(col, "expected a pending setfield or setarrayitem"));
            }
            let array = s == "setarrayitem";
            l.pos += 1;
            l.expect('(')?;
            let object = fail_args.len() as u32;
            let value = self.fail_value(l)?;
            push_fail_value(fail_args, refs, value);
            l.expect(',')?;
            let index = if array {
                let col = l.col();
                let index = match l.next() {
                    Some((Tok::Num(n), _)) => n.parse::<i64>().ok(),
                    _ => None,
                };
                let Some(index) = index else {
                    return Err(l.err_at(col, "a pending setarrayitem's index is a number"));
                };
                l.expect(',')?;
                Some(index)
            } else {
                None
            };
            let value = self.fail_value(l)?;
            push_fail_value(fail_args, refs, value);
            l.expect(',')?;
            let col = l.col();
            let descr = match (l.next(), l.next(), l.next()) {
                (
                    Some((Tok::Ident(d), _)),
                    Some((Tok::Punct('='), _)),
                    Some((Tok::Ident(n), c)),
                ) if d == "descr" => match (self.ns.get(&n), array) {
                    (Some(Descr::Field(f)), false) => DescrRef::Field(f),
                    (Some(Descr::Array(a)), true) => DescrRef::Array(a),
                    _ => return Err(l.err_at(c, format!("no fitting descriptor {n}"))),
                },
                _ => return Err(l.err_at(col, "expected descr=")),
            };
            l.expect(')')?;
            stores.push(PendingStore {
                descr,
                index,
                object,
                value: object + 1,
            });
        }
        Ok(stores)
    }

    /// The guard's virtual objects after its fail arguments, in order:
    /// `virt0=new(descr=SIZE, FIELD=VALUE, ...)` or
    /// `virt1=new_array(LEN, descr=ARRAY, INDEX=VALUE, ...)`. Field and item
    /// values are appended to `fail_args`.
    fn virtual_objects(
        &self,
        l: &mut Line,
        fail_args: &mut Vec<Arg>,
        refs: &mut Vec<(u32, u32, usize)>,
    ) -> Result<Vec<VirtualObject>, ParseError> {
        let mut objects = Vec::new();
        while let Some(Tok::Ident(s)) = l.peek() {
            if is_pending_store(s) {
                break;
            }
            let col = l.col();
            if virtual_name(s) != Some(objects.len() as u32) {
                return Err(l.err_at(
                    col,
                    format!(
                        "expected virt{} (virtual objects come in order)",
                        objects.len()
                    ),
                ));
            }
            l.pos += 1;
            l.expect('=')?;
            let col = l.col();
            let array = match l.next() {
                Some((Tok::Ident(w), _)) if w == "new" => false,
                Some((Tok::Ident(w), _)) if w == "new_array" => true,
                _ => {
                    return Err(l.err_at(
                        col,
                        "a virtual object is `new(descr=SIZE, ...)` or `new_array(LEN, descr=ARRAY, ...)`",
                    ))
                }
            };
            l.expect('(')?;
            let len = if array {
                let col = l.col();
                let len = match l.next() {
                    Some((Tok::Num(n), _)) => n.parse::<i64>().ok().filter(|&n| n >= 0),
                    _ => None,
                };
                let Some(len) = len else {
                    return Err(l.err_at(col, "new_array takes its length, a number"));
                };
                l.expect(',')?;
                len
            } else {
                0
            };
            let col = l.col();
            let descr = match (l.next(), l.next(), l.next()) {
                (
                    Some((Tok::Ident(d), _)),
                    Some((Tok::Punct('='), _)),
                    Some((Tok::Ident(n), c)),
                ) if d == "descr" => match (self.ns.get(&n), array) {
                    (Some(Descr::Size(d)), false) => VirtualKind::Object(d),
                    (Some(Descr::Array(d)), true) => VirtualKind::Array(d, len),
                    _ => return Err(l.err_at(c, format!("no fitting descriptor {n}"))),
                },
                _ => return Err(l.err_at(col, "expected descr=")),
            };
            let mut slots = Vec::new();
            while l.is_punct(',') {
                l.pos += 1;
                let col = l.col();
                let slot = match (l.next(), descr) {
                    (Some((Tok::Ident(n), _)), VirtualKind::Object(_)) => match self.ns.get(&n) {
                        Some(Descr::Field(f)) => Slot::Field(f),
                        _ => return Err(l.err_at(col, format!("no field descriptor {n}"))),
                    },
                    (Some((Tok::Num(n), _)), VirtualKind::Array(_, len)) => {
                        match n.parse::<i64>() {
                            Ok(i) if (0..len).contains(&i) => Slot::Item(i),
                            _ => return Err(l.err_at(col, format!("no item {n}"))),
                        }
                    }
                    _ => return Err(l.err_at(col, "expected FIELD=VALUE or INDEX=VALUE")),
                };
                l.expect('=')?;
                let at = fail_args.len() as u32;
                match self.fail_value(l)? {
                    FailValue::Arg(a) => fail_args.push(a),
                    FailValue::Virtual(k, c) => {
                        fail_args.push(Arg::Ref(0));
                        refs.push((at, k, c));
                    }
                }
                slots.push((slot, at));
            }
            l.expect(')')?;
            objects.push(VirtualObject { kind: descr, slots });
        }
        Ok(objects)
    }

    /// One operand: a variable or a constant.
    fn arg(&self, l: &mut Line) -> Result<ParsedArg, ParseError> {
        let col = l.col();
        let Some((tok, _)) = l.next() else {
            return Err(l.err_at(col, "expected an operand before the end of the line"));
        };
        let arg = match tok {
            Tok::Ident(s) => {
                if let Some((ty, n)) = var_name(&s) {
                    self.use_var(l, col, &s, ty, n)?
                } else {
                    match s.as_str() {
                        "NULL" => Arg::Ref(0),
                        "nan" => Arg::float(f64::NAN),
                        "inf" => Arg::float(f64::INFINITY),
                        "ConstPtr" => {
                            l.expect('(')?;
                            let pcol = l.col();
                            let addr = match l.next() {
                                Some((Tok::Num(h), _)) if h.starts_with("0x") => {
                                    usize::from_str_radix(&h[2..], 16)
                                        .map_err(|_| l.err_at(pcol, format!("bad address `{h}`")))?
                                }
                                _ => {
                                    return Err(l.err_at(
                                        pcol,
                                        "ConstPtr takes a hexadecimal address like 0x1000",
                                    ))
                                }
                            };
                            l.expect(')')?;
                            Arg::Ref(addr)
                        }
                        _ => return Err(l.err_at(col, format!("expected an operand, found `{s}`"))),
                    }
                }
            }
            Tok::Num(s) => number(&s).ok_or_else(|| l.err_at(col, format!("bad number `{s}`")))?,
            t => return Err(l.err_at(col, format!("expected an operand, found {t}"))),
        };
        Ok(ParsedArg { arg, col })
    }

    /// `name(args[, descr=d | , 'comment'])`, positioned after the `(`.
    fn operands(&self, l: &mut Line) -> Result<(Vec<ParsedArg>, Extra), ParseError> {
        let mut args = Vec::new();
        let mut extra = Extra::None;
        if l.is_punct(')') {
            l.pos += 1;
            return Ok((args, extra));
        }
        loop {
            match l.peek() {
                Some(Tok::Ident(s))
                    if s == "descr"
                        && l.toks.get(l.pos + 1).map(|t| &t.0) == Some(&Tok::Punct('=')) =>
                {
                    l.pos += 2;
                    let col = l.col();
                    match l.next() {
                        Some((Tok::Ident(name), _)) => extra = Extra::Descr(name, col),
                        _ => return Err(l.err_at(col, "expected a descriptor name after `descr=`")),
                    }
                }
                Some(Tok::Str(s)) => {
                    extra = Extra::Comment(s.clone());
                    l.pos += 1;
                }
                _ => args.push(self.arg(l)?),
            }
            if !matches!(extra, Extra::None) {
                l.expect(')')?;
                return Ok((args, extra));
            }
            if l.is_punct(',') {
                l.pos += 1;
            } else {
                l.expect(')')?;
                return Ok((args, extra));
            }
        }
    }

    /// The inputs line: `[i0, r1, f2]`.
    fn inputs(&mut self, l: &mut Line) -> Result<(), ParseError> {
        if !l.is_punct('[') {
            return Err(l.err("the first line lists the trace's inputs: `[i0, r1, ...]`"));
        }
        l.pos += 1;
        if !l.is_punct(']') {
            loop {
                let col = l.col();
                match l.next() {
                    Some((Tok::Ident(s), _)) if var_name(&s).is_some() => {
                        let (ty, n) = var_name(&s).unwrap();
                        let v = self.define(l, col, ty, n)?;
                        self.trace.inputs.push(v);
                    }
                    _ => {
                        return Err(l.err_at(
                            col,
                            "the first line lists the trace's inputs: `[i0, r1, ...]`",
                        ))
                    }
                }
                if l.is_punct(',') {
                    l.pos += 1;
                } else {
                    break;
                }
            }
        }
        l.expect(']')?;
        if !l.at_end() {
            return Err(l.err("unexpected text after the inputs"));
        }
        Ok(())
    }

    fn op(&mut self, l: &mut Line) -> Result<(), ParseError> {
        // Optional `res =`.
        let mut res = None;
        if let (Some((Tok::Ident(s), col)), Some((Tok::Punct('='), _))) =
            (l.toks.first(), l.toks.get(1))
        {
            let Some((ty, n)) = var_name(s) else {
                return Err(l.err_at(*col, format!("`{s}` is not a variable name")));
            };
            res = Some((ty, n, *col, s.clone()));
            l.pos = 2;
        }
        let ocol = l.col();
        let opcode = match l.next() {
            Some((Tok::Ident(s), _)) => Opcode::from_name(&s)
                .ok_or_else(|| l.err_at(ocol, format!("unknown operation `{s}`")))?,
            Some((t, _)) => return Err(l.err_at(ocol, format!("expected an operation, found {t}"))),
            None => return Err(l.err_at(ocol, "expected an operation")),
        };
        l.expect('(')?;
        let (args, extra) = self.operands(l)?;
        let close_col = l.col();

        // The descriptor.
        let name = opcode.name();
        let descr = match extra {
            Extra::None => Descr::None,
            Extra::Comment(text) => {
                if opcode != Opcode::DebugMergePoint {
                    return Err(l.err_at(ocol, format!("{name} takes no string")));
                }
                self.trace.comments.push(text);
                Descr::Comment(self.trace.comments.len() as u32 - 1)
            }
            Extra::Descr(d, col) => match self.ns.get(&d) {
                Some(d) => d,
                None => match jump_target(&d) {
                    Some(target) if opcode == Opcode::Jump => target,
                    _ => return Err(l.err_at(col, format!("unknown descriptor `{d}`"))),
                },
            },
        };
        let want = expected_descr(opcode);
        let ok = matches!(
            (want, descr),
            (DescrKind::None, Descr::None)
                | (DescrKind::Field, Descr::Field(_))
                | (DescrKind::Array, Descr::Array(_))
                | (DescrKind::Size, Descr::Size(_))
                | (DescrKind::Call, Descr::Call(_))
                | (DescrKind::Comment, Descr::Comment(_))
                | (
                    DescrKind::OptLoop,
                    Descr::None | Descr::Loop(_) | Descr::Label(_)
                )
        );
        if !ok {
            let msg = match want {
                DescrKind::None => format!("{name} takes no descriptor"),
                DescrKind::Field => format!("{name} needs a field descriptor (descr=...)"),
                DescrKind::Array => format!("{name} needs an array descriptor (descr=...)"),
                DescrKind::Size => format!("{name} needs a size descriptor (descr=...)"),
                DescrKind::Call => format!("{name} needs a call descriptor (descr=...)"),
                DescrKind::Comment => {
                    format!("{name} needs a quoted position, as in {name}(0, 'pc 4')")
                }
                DescrKind::OptLoop => {
                    format!("{name} takes only descr=loopN or descr=labelN")
                }
            };
            return Err(l.err_at(ocol, msg));
        }

        // Operand count and types.
        let arg_types: Vec<Type> = args.iter().map(|a| self.type_of(a.arg)).collect();
        if let Some(want) = operand_types(opcode, descr, &arg_types) {
            if want.len() != args.len() {
                let s = if want.len() == 1 { "" } else { "s" };
                return Err(l.err_at(
                    ocol,
                    format!(
                        "{name} takes {} operand{s}, found {}",
                        want.len(),
                        args.len()
                    ),
                ));
            }
            for ((a, &have), &want) in args.iter().zip(&arg_types).zip(&want) {
                if have != want {
                    return Err(l.err_at(
                        a.col,
                        format!(
                            "{name} expects a {} operand here, found a {} one",
                            type_name(want),
                            type_name(have)
                        ),
                    ));
                }
            }
        }
        if opcode == Opcode::Label {
            if let Some(a) = args.iter().find(|a| a.arg.is_const()) {
                return Err(l.err_at(a.col, "label operands must be variables"));
            }
        }
        let args: Vec<Arg> = args.into_iter().map(|a| a.arg).collect();

        // The result.
        let rty = match opcode.result() {
            Some(t) => t,
            None => arg_types[0],
        };
        let rty = match descr {
            Descr::Call(d) if rty != d.ret() => {
                let want = if opcode.name().starts_with("call_may_force")
                    || opcode.name().starts_with("call_assembler")
                {
                    Opcode::call_may_force_for(d.ret())
                } else {
                    Opcode::call_for(d.ret(), opcode.name().starts_with("call_pure"))
                }
                .name();
                return Err(l.err_at(
                    ocol,
                    format!("{} returns {}: use {want}", d.name(), type_name(d.ret())),
                ));
            }
            _ => rty,
        };
        let holds = match (opcode.class(), descr) {
            (OpClass::Load, Descr::Field(d)) => Some((d.ty, d.name)),
            (OpClass::Load, Descr::Array(d)) if opcode != Opcode::Arraylen => {
                Some((d.item, d.name))
            }
            _ => None,
        };
        if let Some((ty, dname)) = holds {
            if ty != rty {
                let msg = format!(
                    "{dname} holds {} values, but {name} reads {}",
                    type_name(ty),
                    type_name(rty)
                );
                return Err(l.err_at(ocol, msg));
            }
        }
        let res = match (res, rty) {
            (None, Type::Void) => None,
            (None, t) => {
                return Err(l.err_at(
                    ocol,
                    format!(
                        "the {} result of {name} needs a name (`{}N = ...`)",
                        type_name(t),
                        t.prefix()
                    ),
                ))
            }
            (Some((_, _, col, _)), Type::Void) => {
                return Err(l.err_at(col, format!("{name} has no result")))
            }
            (Some((ty, n, col, s)), t) => {
                if ty != t {
                    return Err(l.err_at(
                        col,
                        format!(
                            "{s}: {name} gives a {} result, so write {}{n}",
                            type_name(t),
                            t.prefix()
                        ),
                    ));
                }
                Some(self.define(l, col, t, n)?)
            }
        };

        // Fail arguments.
        let mut guard = if l.is_punct('[') {
            if !opcode.is_guard() {
                return Err(l.err(format!("{name} is not a guard: it takes no fail arguments")));
            }
            l.pos += 1;
            // Frames, outermost first, separated by `|`; the innermost may
            // end with `; returned`, `; raised` or `; pending`.
            let mut fail_args = Vec::new();
            // Fail arguments that are virtual objects: (index, object, column).
            let mut refs: Vec<(u32, u32, usize)> = Vec::new();
            let new_frame = || SnapshotFrame {
                greens: 0,
                slots: 0,
                resume: Resume::Dispatch,
                virtuals: None,
            };
            let mut frames = vec![new_frame()];
            loop {
                if l.is_punct(']') || l.is_punct(';') {
                    break;
                }
                if l.is_punct('|') {
                    l.pos += 1;
                    frames.last_mut().unwrap().resume = Resume::Caller;
                    frames.push(new_frame());
                    continue;
                }
                if l.is_punct('{') {
                    let (virtuals, values) = self.virtual_items(l)?;
                    for value in values {
                        push_fail_value(&mut fail_args, &mut refs, value);
                    }
                    frames.last_mut().unwrap().virtuals = Some(virtuals);
                    continue;
                }
                if frames.last().unwrap().virtuals.is_some() {
                    return Err(l.err("a frame's virtual items `{...}` come after its slots"));
                }
                let value = self.fail_value(l)?;
                push_fail_value(&mut fail_args, &mut refs, value);
                frames.last_mut().unwrap().slots += 1;
                if l.is_punct(',') {
                    l.pos += 1;
                } else if !l.is_punct('|') && !l.is_punct('{') {
                    break;
                }
            }
            if l.is_punct(';') {
                l.pos += 1;
                let col = l.col();
                let word = match l.next() {
                    Some((Tok::Ident(w), _)) => w,
                    _ => return Err(l.err_at(col, "expected returned, raised or pending")),
                };
                let resume = match word.as_str() {
                    "returned" => Resume::Returned,
                    "raised" => Resume::Raised,
                    "pending" => Resume::Pending,
                    _ => {
                        return Err(l.err_at(
                            col,
                            format!("`{word}`: a frame ends with returned, raised or pending"),
                        ))
                    }
                };
                let inner = frames.last_mut().unwrap();
                if resume != Resume::Pending && inner.slots == 0 {
                    return Err(l.err_at(
                        col,
                        format!("{word} needs the value as the frame's last slot"),
                    ));
                }
                inner.resume = resume;
            }
            l.expect(']')?;
            let objects = self.virtual_objects(l, &mut fail_args, &mut refs)?;
            let stores = self.pending_stores(l, &mut fail_args, &mut refs)?;
            if let Some(&(_, k, col)) = refs.iter().find(|r| r.1 as usize >= objects.len()) {
                return Err(l.err_at(col, format!("virt{k} is not described after the `]`")));
            }
            let snapshot = self.snapshot(frames);
            Some(Box::new(GuardInfo {
                snapshot,
                fail_args,
                id: 0,
                virtuals: Virtuals {
                    objects,
                    refs: refs.into_iter().map(|(at, k, _)| (at, k)).collect(),
                    stores,
                },
            }))
        } else if opcode.is_guard() {
            return Err(l.err_at(
                close_col,
                format!("{name} needs its fail arguments: `[...]` after it"),
            ));
        } else {
            None
        };
        if !l.at_end() {
            return Err(l.err("unexpected text after the operation"));
        }
        // A trailing `# guard N` numbers the guard; other comments are ignored.
        if let Some((id, col)) = l
            .comment
            .as_ref()
            .and_then(|(c, col)| Some((guard_id(c)?, *col)))
        {
            let Some(g) = guard.as_deref_mut() else {
                return Err(l.err_at(
                    col,
                    format!("`# guard {id}` gives a guard its id, but {name} is not a guard"),
                ));
            };
            if let Some(first) = self.guard_ids.insert(id, l.no) {
                return Err(l.err_at(
                    col,
                    format!("guard {id} is numbered twice (first on line {first})"),
                ));
            }
            g.id = id;
        }
        self.trace.ops.push(Op {
            opcode,
            args,
            res,
            descr,
            guard,
        });
        Ok(())
    }
}

/// A numeric literal: an integer (`42`, `-7`) or a float (`1.5`, `-0.0`,
/// `1e-07`, `-inf`).
fn number(s: &str) -> Option<Arg> {
    if s == "-inf" {
        return Some(Arg::float(f64::NEG_INFINITY));
    }
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.starts_with("0x") {
        return None;
    }
    if digits.contains(['.', 'e', 'E']) {
        if !digits.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        s.parse::<f64>().ok().map(Arg::float)
    } else {
        s.parse::<i64>().ok().map(Arg::Int)
    }
}

#[derive(Copy, Clone)]
enum DescrKind {
    None,
    Field,
    Array,
    Size,
    Call,
    Comment,
    /// `jump`: none, `loopN` or `labelN`.
    OptLoop,
}

/// `loopN` (loop `N`'s start) or `labelN` (its peeled loop's label).
fn jump_target(d: &str) -> Option<Descr> {
    let number = |rest: &str| rest.parse::<u32>().ok();
    match (d.strip_prefix("loop"), d.strip_prefix("label")) {
        (Some(n), _) => number(n).map(Descr::Loop),
        (_, Some(n)) => number(n).map(Descr::Label),
        _ => None,
    }
}

fn expected_descr(op: Opcode) -> DescrKind {
    use Opcode::*;
    match op {
        GetfieldI | GetfieldR | GetfieldF | Setfield => DescrKind::Field,
        GetarrayitemI | GetarrayitemR | GetarrayitemF | Setarrayitem | Arraylen | NewArray => {
            DescrKind::Array
        }
        New => DescrKind::Size,
        DebugMergePoint => DescrKind::Comment,
        Jump => DescrKind::OptLoop,
        _ if op.class() == OpClass::Call => DescrKind::Call,
        _ => DescrKind::None,
    }
}

/// The operand types `op` takes (`None`: any number, any types). `have` are
/// the types found, for the operations whose operand types follow their
/// first operand.
fn operand_types(op: Opcode, descr: Descr, have: &[Type]) -> Option<Vec<Type>> {
    use Opcode::*;
    use Type::{Float as F, Int as I, Ref as R};
    let first = have.first().copied().unwrap_or(I);
    Some(match op {
        SameAs => vec![first],
        PtrEq | PtrNe => vec![R, R],
        FloatAdd | FloatSub | FloatMul | FloatTrueDiv | FloatLt | FloatLe | FloatEq | FloatNe
        | FloatGt | FloatGe => {
            vec![F, F]
        }
        FloatNeg | FloatAbs | CastFloatToInt => vec![F],
        CastIntToFloat | CastIntToPtr => vec![I],
        CastPtrToInt => vec![R],
        _ if matches!(op.class(), OpClass::Pure | OpClass::Ovf) => vec![I; eval::arity(op)],
        GetfieldI | GetfieldR | GetfieldF => vec![R],
        Setfield => match descr {
            Descr::Field(d) => vec![R, d.ty],
            _ => vec![R, first],
        },
        GetarrayitemI | GetarrayitemR | GetarrayitemF => vec![R, I],
        Setarrayitem => match descr {
            Descr::Array(d) => vec![R, I, d.item],
            _ => vec![R, I, first],
        },
        Arraylen => vec![R],
        New => vec![],
        NewArray => vec![I],
        _ if op.class() == OpClass::Call => match descr {
            Descr::Call(d) => d.args().to_vec(),
            _ => return None,
        },
        GuardTrue | GuardFalse => vec![I],
        GuardValue => vec![first, first],
        GuardClass | GuardNonnullClass => vec![R, I],
        GuardNonnull | GuardIsnull => vec![R],
        GuardNoOverflow | GuardOverflow | GuardNoException | GuardException
        | GuardNotInvalidated | GuardNotInterrupted => vec![],
        DebugMergePoint => vec![I],
        _ => return None,
    })
}

/// Read a trace in the text form `print.rs` writes.
pub fn parse(text: &str, descrs: &Namespace) -> Result<Trace, ParseError> {
    let mut p = Parser {
        ns: descrs,
        trace: Trace::default(),
        defined: HashMap::new(),
        guard_ids: HashMap::new(),
    };
    let mut seen_inputs = false;
    for (i, raw) in text.lines().enumerate() {
        let trimmed = raw.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let mut line = lex(i + 1, raw)?;
        if !seen_inputs {
            p.inputs(&mut line)?;
            seen_inputs = true;
        } else {
            p.op(&mut line)?;
        }
    }
    if !seen_inputs {
        return Err(ParseError {
            line: 1,
            col: 1,
            msg: "empty trace: expected the inputs line `[...]`".into(),
        });
    }
    Ok(p.trace)
}
