//! Rec: a small recursive language for testing metajit's support of
//! recursive interpreters, shaped like a real one. Source is s-expressions:
//!
//! ```text
//! (fun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
//! (class Point (x y) (norm fun_norm))     ; fields, then method -> function
//! (global counter 0)
//! (fun main () (print (fib 10)))
//! ```
//!
//! Expressions: integers, variables (parameters, and locals made by `set`),
//! `(set x e)`, `(seq e ...)`, `(if c a b)`, `(while c e ...)` (value 0),
//! `(+ a b)`, `(- a b)`, `(* a b)`, `(< a b)`, `(== a b)`, `(% a b)` (a
//! helper that raises 99 when `b` is 0), `(f e ...)` (a call), `(print e)`,
//! `(new Class e ...)`, `(get o field)`, `(put o field e)`,
//! `(send o method e ...)` (the method's function gets `o` first),
//! `(redefine Class method f)`, `(gget g)`, `(gset g e)`, `(raise e)`,
//! `(try e (catch x h))`.
//!
//! It is compiled to a stack bytecode; each call runs the dispatch loop again
//! through `Mode::call_portal`. A frame is a heap array (locals, then the
//! operand stack); the reds are the frame, the stack pointer and the call
//! depth. Values are tagged small integers or references to objects (an
//! array whose item 0 is the class number). A class's method table is a
//! quasi-immutable field, so a send in compiled code is no lookup at all, and
//! a redefinition invalidates the code that relied on the old table; the
//! globals live in a heap array read through the mode.
//! Arithmetic overflow, type errors and deep recursion are the
//! interpreter's errors, reported like the output.
#![allow(dead_code)]

use metajit::ir::{ArrayDescr, CallDescr, EffectKind, Effects, FieldDescr, SizeDescr, Type};
use metajit::value;
use metajit::{reds, Completion, Exit, Interpreter, Interrupted, Jit, Mode, Params, Val};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

// ---- source ---------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
pub enum Sx {
    Int(i64),
    Sym(String),
    List(Vec<Sx>),
}

pub fn read(src: &str) -> Result<Vec<Sx>, String> {
    let tokens: Vec<String> = src
        .lines()
        .map(|l| l.split(';').next().unwrap())
        .collect::<Vec<_>>()
        .join(" ")
        .replace('(', " ( ")
        .replace(')', " ) ")
        .split_whitespace()
        .map(String::from)
        .collect();
    let mut pos = 0;
    let mut out = Vec::new();
    while pos < tokens.len() {
        out.push(read_one(&tokens, &mut pos)?);
    }
    Ok(out)
}

fn read_one(t: &[String], pos: &mut usize) -> Result<Sx, String> {
    let tok = t.get(*pos).ok_or("unexpected end of input")?;
    *pos += 1;
    match tok.as_str() {
        "(" => {
            let mut items = Vec::new();
            while t.get(*pos).map(String::as_str) != Some(")") {
                if *pos >= t.len() {
                    return Err("missing )".into());
                }
                items.push(read_one(t, pos)?);
            }
            *pos += 1;
            Ok(Sx::List(items))
        }
        ")" => Err("unexpected )".into()),
        s => Ok(s
            .parse::<i64>()
            .map(Sx::Int)
            .unwrap_or_else(|_| Sx::Sym(s.to_string()))),
    }
}

// ---- bytecode ---------------------------------------------------------------

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Op {
    Const(i64),
    Load(u32),
    Store(u32),
    Pop,
    Add,
    Sub,
    Mul,
    Lt,
    Eq,
    Mod,
    Jump(u32),
    JumpIfFalse(u32),
    Call(u32, u32),
    Send(u32, u32),
    New(u32, u32),
    Get(u32),
    Put(u32),
    GGet(u32),
    GSet(u32),
    Redefine(u32, u32, u32),
    Print,
    Raise,
    Return,
}

/// An exception handler: over `[start, end)`, jump to `handler` with the
/// stack cut to `depth` and the exception stored in local `var`.
#[derive(Clone, Debug)]
pub struct Handler {
    start: u32,
    end: u32,
    handler: u32,
    depth: u32,
    var: u32,
}

#[derive(Debug, Default)]
pub struct Func {
    pub name: String,
    pub nparams: u32,
    pub nlocals: u32,
    pub max_stack: u32,
    pub code: Vec<Op>,
    /// The operand stack's depth before each instruction (the stack pointer
    /// is green: a pc knows it).
    pub depths: Vec<u32>,
    pub handlers: Vec<Handler>,
}

#[derive(Debug)]
pub struct Class {
    pub name: String,
    pub fields: Vec<String>,
}

/// A compiled program. Programs live as long as the process (greens point
/// into them); the method tables and globals are heap arrays kept alive by
/// permanent roots.
pub struct Program {
    pub funcs: Vec<Func>,
    pub classes: Vec<Class>,
    pub method_names: Vec<String>,
    pub globals: Vec<(String, i64)>,
    pub main: u32,
}

struct Compiler<'a> {
    prog: &'a Program,
    func_ids: &'a HashMap<String, u32>,
    class_ids: &'a HashMap<String, u32>,
    global_ids: &'a HashMap<String, u32>,
    method_ids: &'a mut HashMap<String, u32>,
    locals: HashMap<String, u32>,
    f: Func,
    depth: u32,
}

fn sym(s: &Sx) -> Result<&str, String> {
    match s {
        Sx::Sym(x) => Ok(x),
        other => Err(format!("expected a name, got {other:?}")),
    }
}

impl Compiler<'_> {
    fn emit(&mut self, op: Op, stack_effect: i32) {
        self.f.code.push(op);
        self.f.depths.push(self.depth);
        self.depth = (self.depth as i32 + stack_effect) as u32;
        self.f.max_stack = self.f.max_stack.max(self.depth);
    }
    fn here(&self) -> u32 {
        self.f.code.len() as u32
    }
    fn local(&mut self, name: &str) -> u32 {
        let n = self.locals.len() as u32;
        *self.locals.entry(name.to_string()).or_insert(n)
    }
    fn method(&mut self, name: &str) -> u32 {
        let n = self.method_ids.len() as u32;
        *self.method_ids.entry(name.to_string()).or_insert(n)
    }
    fn field(&self, name: &str) -> Result<u32, String> {
        // Fields are found by name at run time, through the object's class
        // (promoted): the operand is an index into this table of names.
        self.prog
            .classes
            .iter()
            .flat_map(|c| c.fields.iter())
            .position(|f| f == name)
            .map(|_| name_id(name))
            .ok_or_else(|| format!("no class has a field {name}"))
    }

    fn expr(&mut self, e: &Sx) -> Result<(), String> {
        match e {
            Sx::Int(n) => self.emit(Op::Const(*n), 1),
            Sx::Sym(name) => {
                let Some(&i) = self.locals.get(name.as_str()) else {
                    return Err(format!("unknown variable {name}"));
                };
                self.emit(Op::Load(i), 1);
            }
            Sx::List(items) => {
                let (head, args) = items.split_first().ok_or("empty form")?;
                let head = sym(head)?;
                let arith = match head {
                    "+" => Some(Op::Add),
                    "-" => Some(Op::Sub),
                    "*" => Some(Op::Mul),
                    "<" => Some(Op::Lt),
                    "==" => Some(Op::Eq),
                    "%" => Some(Op::Mod),
                    _ => None,
                };
                if let Some(op) = arith {
                    let [a, b] = args else {
                        return Err(format!("{head} takes two operands"));
                    };
                    self.expr(a)?;
                    self.expr(b)?;
                    self.emit(op, -1);
                    return Ok(());
                }
                match head {
                    "set" => {
                        let [x, v] = args else {
                            return Err("(set x e)".into());
                        };
                        self.expr(v)?;
                        let i = self.local(sym(x)?);
                        self.emit(Op::Store(i), -1);
                        self.emit(Op::Load(i), 1);
                    }
                    "seq" => {
                        if args.is_empty() {
                            self.emit(Op::Const(0), 1);
                        }
                        for (k, a) in args.iter().enumerate() {
                            self.expr(a)?;
                            if k + 1 < args.len() {
                                self.emit(Op::Pop, -1);
                            }
                        }
                    }
                    "if" => {
                        let [c, a, b] = args else {
                            return Err("(if c a b)".into());
                        };
                        self.expr(c)?;
                        let jf = self.here();
                        self.emit(Op::JumpIfFalse(0), -1);
                        self.expr(a)?;
                        let j = self.here();
                        self.emit(Op::Jump(0), 0);
                        self.depth -= 1;
                        let else_pc = self.here();
                        self.f.code[jf as usize] = Op::JumpIfFalse(else_pc);
                        self.expr(b)?;
                        let end = self.here();
                        self.f.code[j as usize] = Op::Jump(end);
                    }
                    "while" => {
                        let (c, body) = args.split_first().ok_or("(while c e ...)")?;
                        let top = self.here();
                        self.expr(c)?;
                        let jf = self.here();
                        self.emit(Op::JumpIfFalse(0), -1);
                        for b in body {
                            self.expr(b)?;
                            self.emit(Op::Pop, -1);
                        }
                        self.emit(Op::Jump(top), 0);
                        let end = self.here();
                        self.f.code[jf as usize] = Op::JumpIfFalse(end);
                        self.emit(Op::Const(0), 1);
                    }
                    "print" => {
                        let [v] = args else {
                            return Err("(print e)".into());
                        };
                        self.expr(v)?;
                        self.emit(Op::Print, 0);
                    }
                    "raise" => {
                        let [v] = args else {
                            return Err("(raise e)".into());
                        };
                        self.expr(v)?;
                        self.emit(Op::Raise, 0);
                    }
                    "try" => {
                        let [body, Sx::List(c)] = args else {
                            return Err("(try e (catch x h))".into());
                        };
                        let [catch, x, h] = c.as_slice() else {
                            return Err("(catch x h)".into());
                        };
                        if sym(catch)? != "catch" {
                            return Err("(catch x h)".into());
                        }
                        let var = self.local(sym(x)?);
                        let depth = self.depth;
                        let start = self.here();
                        self.expr(body)?;
                        let j = self.here();
                        self.emit(Op::Jump(0), 0);
                        self.depth = depth;
                        let handler = self.here();
                        self.f.handlers.push(Handler {
                            start,
                            end: j,
                            handler,
                            depth,
                            var,
                        });
                        self.expr(h)?;
                        let end = self.here();
                        self.f.code[j as usize] = Op::Jump(end);
                    }
                    "new" => {
                        let (c, vals) = args.split_first().ok_or("(new C e ...)")?;
                        let c = *self.class_ids.get(sym(c)?).ok_or("unknown class")?;
                        if vals.len() != self.prog.classes[c as usize].fields.len() {
                            return Err("wrong number of fields".into());
                        }
                        for v in vals {
                            self.expr(v)?;
                        }
                        self.emit(Op::New(c, vals.len() as u32), 1 - vals.len() as i32);
                    }
                    "get" => {
                        let [o, f] = args else {
                            return Err("(get o f)".into());
                        };
                        self.expr(o)?;
                        let f = self.field(sym(f)?)?;
                        self.emit(Op::Get(f), 0);
                    }
                    "put" => {
                        let [o, f, v] = args else {
                            return Err("(put o f e)".into());
                        };
                        self.expr(o)?;
                        self.expr(v)?;
                        let f = self.field(sym(f)?)?;
                        self.emit(Op::Put(f), -1);
                    }
                    "send" => {
                        let [o, m, rest @ ..] = args else {
                            return Err("(send o m e ...)".into());
                        };
                        self.expr(o)?;
                        for a in rest {
                            self.expr(a)?;
                        }
                        let m = self.method(sym(m)?);
                        self.emit(Op::Send(m, rest.len() as u32), -(rest.len() as i32));
                    }
                    "redefine" => {
                        let [c, m, f] = args else {
                            return Err("(redefine C m f)".into());
                        };
                        let c = *self.class_ids.get(sym(c)?).ok_or("unknown class")?;
                        let m = self.method(sym(m)?);
                        let f = *self.func_ids.get(sym(f)?).ok_or("unknown function")?;
                        self.emit(Op::Redefine(c, m, f), 1);
                    }
                    "gget" => {
                        let [g] = args else {
                            return Err("(gget g)".into());
                        };
                        let g = *self.global_ids.get(sym(g)?).ok_or("unknown global")?;
                        self.emit(Op::GGet(g), 1);
                    }
                    "gset" => {
                        let [g, v] = args else {
                            return Err("(gset g e)".into());
                        };
                        self.expr(v)?;
                        let g = *self.global_ids.get(sym(g)?).ok_or("unknown global")?;
                        self.emit(Op::GSet(g), 0);
                    }
                    f => {
                        let Some(&id) = self.func_ids.get(f) else {
                            return Err(format!("unknown function {f}"));
                        };
                        let want = self.prog.funcs[id as usize].nparams as usize;
                        if args.len() != want {
                            return Err(format!("{f} takes {want} arguments"));
                        }
                        for a in args {
                            self.expr(a)?;
                        }
                        self.emit(Op::Call(id, args.len() as u32), 1 - args.len() as i32);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Field names get process-wide numbers (objects look them up by name
/// through their class).
fn name_id(name: &str) -> u32 {
    static NAMES: LazyLock<std::sync::Mutex<Vec<String>>> =
        LazyLock::new(|| std::sync::Mutex::new(Vec::new()));
    let mut names = NAMES.lock().unwrap();
    match names.iter().position(|n| n == name) {
        Some(i) => i as u32,
        None => {
            names.push(name.to_string());
            names.len() as u32 - 1
        }
    }
}

pub fn compile(src: &str) -> Result<&'static Program, String> {
    compile_forms(&read(src)?)
}

/// `compile` of forms already read (for running one program many times).
pub fn compile_forms(forms: &[Sx]) -> Result<&'static Program, String> {
    let mut prog = Program {
        funcs: Vec::new(),
        classes: Vec::new(),
        method_names: Vec::new(),
        globals: Vec::new(),
        main: 0,
    };
    let mut func_ids = HashMap::new();
    let mut class_ids = HashMap::new();
    let mut global_ids = HashMap::new();
    let mut bodies = Vec::new();
    let mut class_methods = Vec::new();
    for form in forms {
        let Sx::List(items) = form else {
            return Err("top level: (fun ...), (class ...) or (global ...)".into());
        };
        match items.as_slice() {
            [Sx::Sym(k), name, Sx::List(params), body] if k == "fun" => {
                let name = sym(name)?.to_string();
                let params: Vec<String> = params
                    .iter()
                    .map(|p| sym(p).map(String::from))
                    .collect::<Result<_, _>>()?;
                func_ids.insert(name.clone(), prog.funcs.len() as u32);
                prog.funcs.push(Func {
                    name,
                    nparams: params.len() as u32,
                    ..Func::default()
                });
                bodies.push((params, body.clone()));
            }
            [Sx::Sym(k), name, Sx::List(fields), methods @ ..] if k == "class" => {
                class_ids.insert(sym(name)?.to_string(), prog.classes.len() as u32);
                prog.classes.push(Class {
                    name: sym(name)?.to_string(),
                    fields: fields
                        .iter()
                        .map(|f| sym(f).map(String::from))
                        .collect::<Result<_, _>>()?,
                });
                class_methods.push(methods.to_vec());
            }
            [Sx::Sym(k), name, Sx::Int(v)] if k == "global" => {
                global_ids.insert(sym(name)?.to_string(), prog.globals.len() as u32);
                prog.globals.push((sym(name)?.to_string(), *v));
            }
            _ => return Err(format!("bad top-level form {form:?}")),
        }
    }
    prog.main = *func_ids.get("main").ok_or("no main function")?;
    let mut method_ids = HashMap::new();
    let mut compiled = Vec::new();
    for (params, body) in &bodies {
        let mut c = Compiler {
            prog: &prog,
            func_ids: &func_ids,
            class_ids: &class_ids,
            global_ids: &global_ids,
            method_ids: &mut method_ids,
            locals: HashMap::new(),
            f: Func::default(),
            depth: 0,
        };
        for p in params {
            c.local(p);
        }
        c.expr(body)?;
        c.emit(Op::Return, -1);
        c.f.nlocals = c.locals.len() as u32;
        compiled.push(c.f);
    }
    for (f, c) in prog.funcs.iter_mut().zip(compiled) {
        f.nlocals = c.nlocals;
        f.max_stack = c.max_stack + 1;
        f.code = c.code;
        f.depths = c.depths;
        f.handlers = c.handlers;
    }
    // Method tables: class -> method number -> function.
    let mut tables = Vec::new();
    for methods in &class_methods {
        let mut table = Vec::new();
        for pair in methods {
            let Sx::List(p) = pair else {
                return Err("(method function) pairs".into());
            };
            let [m, f] = p.as_slice() else {
                return Err("(method function) pairs".into());
            };
            let n = method_ids.len() as u32;
            let m = *method_ids.entry(sym(m)?.to_string()).or_insert(n);
            let f = *func_ids.get(sym(f)?).ok_or("unknown function")?;
            table.push((m, f));
        }
        tables.push(table);
    }
    let mut names = vec![String::new(); method_ids.len()];
    for (n, &i) in &method_ids {
        names[i as usize] = n.clone();
    }
    prog.method_names = names;
    let prog: &'static Program = Box::leak(Box::new(prog));
    Heap::install(prog, &tables);
    Ok(prog)
}

// ---- objects ------------------------------------------------------------------

/// Frames, objects, method tables and the globals: arrays of values.
pub static SLOTS: ArrayDescr = ArrayDescr {
    name: "slots",
    type_id: 0x5200_0001,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};

/// A class object: its method table in a quasi-immutable field (a slot
/// array indexed by method number, holding tagged function numbers, -1 for
/// none; a redefinition installs a changed copy).
pub static CLASS: SizeDescr = SizeDescr {
    name: "class",
    type_id: 0x5200_0002,
    size: 16,
};
pub static METHODS: FieldDescr = FieldDescr {
    name: "methods",
    offset: 8,
    ty: Type::Ref,
};

/// The heap state of a program: its classes (a slot array of class objects)
/// and the globals.
struct Heap {
    classes: usize,
    globals: usize,
}

thread_local! {
    static HEAPS: RefCell<HashMap<usize, Heap>> = RefCell::new(HashMap::new());
    static OUTPUT: RefCell<String> = const { RefCell::new(String::new()) };
}

fn new_slots(n: usize) -> usize {
    metajit::heap::alloc_array(&SLOTS, n as i64)
}

/// Write item `i` of a slot array.
///
/// # Safety
/// `arr` is a live slot array with more than `i` items.
unsafe fn set_slot(arr: usize, i: usize, w: u64) {
    // SAFETY: as the caller promises.
    unsafe { metajit::heap::store(arr, metajit::heap::item_offset(&SLOTS, i as i64), 8, w) }
}

/// Read item `i` of a slot array.
///
/// # Safety
/// `arr` is a live slot array with more than `i` items.
unsafe fn slot(arr: usize, i: usize) -> u64 {
    // SAFETY: as the caller promises.
    unsafe { metajit::heap::load(arr, metajit::heap::item_offset(&SLOTS, i as i64), 8) }
}

impl Heap {
    fn install(prog: &'static Program, tables: &[Vec<(u32, u32)>]) {
        let nmethods = prog.method_names.len().max(1);
        metajit::gc::register_type(
            CLASS.type_id,
            metajit::gc::TypeLayout::Fixed { refs: vec![8] },
        );
        let classes = new_slots(tables.len());
        metajit::gc::add_permanent_root(classes);
        let globals = new_slots(prog.globals.len());
        metajit::gc::add_permanent_root(globals);
        // SAFETY: every array written here was just allocated with room for
        // the items written, and `class` is a fresh class object.
        unsafe {
            for (c, table) in tables.iter().enumerate() {
                let class = metajit::heap::alloc_object(&CLASS);
                set_slot(classes, c, class as u64);
                let t = new_slots(nmethods);
                for i in 0..nmethods {
                    set_slot(t, i, value::tag(-1));
                }
                for &(m, f) in table {
                    set_slot(t, m as usize, value::tag(f as i64));
                }
                metajit::heap::store(class, METHODS.offset as i64, 8, t as u64);
            }
            for (i, (_, v)) in prog.globals.iter().enumerate() {
                set_slot(globals, i, value::tag(*v));
            }
        }
        HEAPS.with(|h| {
            h.borrow_mut()
                .insert(prog as *const Program as usize, Heap { classes, globals })
        });
    }

    fn of(prog: &Program) -> (usize, usize) {
        HEAPS.with(|h| {
            let h = h.borrow();
            let heap = &h[&(prog as *const Program as usize)];
            (heap.classes, heap.globals)
        })
    }
}

// ---- helpers -------------------------------------------------------------------

extern "C" fn print_value(v: usize) -> usize {
    let w = v as u64;
    let text = if value::is_tagged(w) {
        value::untag(w).to_string()
    } else {
        "<object>".to_string()
    };
    OUTPUT.with(|o| {
        let mut o = o.borrow_mut();
        o.push_str(&text);
        o.push('\n');
    });
    v
}

/// Printing is I/O: an effect, never repeated or reordered.
static PRINT: CallDescr = CallDescr::of(
    "print_value",
    print_value as extern "C" fn(usize) -> usize,
    Effects::RANDOM,
);

/// `a % b` on tagged ints (floored, as Python); raises 99 when `b` is 0.
extern "C" fn modulo(a: usize, b: usize) -> usize {
    let (a, b) = (value::untag(a as u64), value::untag(b as u64));
    if b == 0 {
        metajit::portal::raise(value::tag(99) as usize);
        return value::tag(0) as usize;
    }
    let r = a.wrapping_rem(b);
    value::tag(if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }) as usize
}

static MODULO: CallDescr = CallDescr::of(
    "modulo",
    modulo as extern "C" fn(usize, usize) -> usize,
    Effects {
        kind: EffectKind::CanRaise,
        reads: Some(&[]),
        writes: Some(&[]),
    },
);

// ---- the interpreter ---------------------------------------------------------------

/// The greens: a function of a program and a pc in it.
#[derive(Copy, Clone)]
pub struct Pos {
    pub prog: &'static Program,
    pub func: u32,
    pub pc: u32,
}

impl PartialEq for Pos {
    fn eq(&self, o: &Pos) -> bool {
        std::ptr::eq(self.prog, o.prog) && self.func == o.func && self.pc == o.pc
    }
}
impl Eq for Pos {}
impl Hash for Pos {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (self.prog as *const Program as usize).hash(h);
        self.func.hash(h);
        self.pc.hash(h);
    }
}
impl fmt::Debug for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let func = &self.prog.funcs[self.func as usize];
        let op = func.code.get(self.pc as usize);
        write!(f, "{} pc {}: {:?}", func.name, self.pc, op)
    }
}

reds! {
    /// A frame: its slot array (the virtualizable: locals, then the operand
    /// stack) and the call depth.
    pub struct Reds { pub frame: Ref, pub depth: Int }
}

/// The interpreter's own errors.
#[derive(Clone, Debug, PartialEq)]
pub enum Error {
    Overflow,
    Type(&'static str),
    TooDeep,
    NoMethod(String),
    Interrupted,
}

impl From<Interrupted> for Error {
    fn from(_: Interrupted) -> Error {
        Error::Interrupted
    }
}

/// The deepest call allowed (each level is a few native frames).
pub const MAX_DEPTH: i64 = 200;

pub struct Rec;

/// Push onto the operand stack, whose top is slot `sp` (green).
fn push<M: Mode>(m: &mut M, r: &mut Reds<M>, sp: &mut u32, v: M::Ref) {
    let at = m.int(*sp as i64);
    m.setarrayitem(r.frame, &SLOTS, at, Val::Ref(v));
    *sp += 1;
}

fn pop<M: Mode>(m: &mut M, r: &mut Reds<M>, sp: &mut u32) -> M::Ref {
    *sp -= 1;
    let at = m.int(*sp as i64);
    m.getarrayitem_ref(r.frame, &SLOTS, at)
}

fn int_of<M: Mode>(m: &mut M, v: M::Ref) -> Result<M::Int, Error> {
    if !value::is_int(m, v) {
        return Err(Error::Type("not an integer"));
    }
    Ok(value::int_value(m, v))
}

fn boolean<M: Mode>(m: &mut M, b: M::Int) -> M::Ref {
    // tag(b) for b in {0, 1}: 2b + 1.
    let two = m.int(2);
    let one = m.int(1);
    let x = m.int_mul(b, two);
    let x = m.int_add(x, one);
    m.int_to_ptr(x)
}

impl Rec {
    /// Unwind from `pc` in `func`: the handler's greens (with the exception
    /// stored in its variable and the stack cut), or the raise goes on.
    fn unwind<M: Mode<G = Pos>>(
        m: &mut M,
        at: Pos,
        r: &mut Reds<M>,
        exception: M::Ref,
    ) -> Exit<Pos, M> {
        let func = &at.prog.funcs[at.func as usize];
        let handler = func
            .handlers
            .iter()
            .filter(|h| h.start <= at.pc && at.pc < h.end)
            .max_by_key(|h| h.start);
        match handler {
            Some(h) => {
                let var = m.int(h.var as i64);
                m.setarrayitem(r.frame, &SLOTS, var, Val::Ref(exception));
                Exit::Leave(Pos {
                    pc: h.handler,
                    ..at
                })
            }
            None => Exit::Raise(Val::Ref(exception)),
        }
    }

    /// Make the callee's frame with `n` arguments taken from the caller's
    /// stack (the receiver too, for a send).
    fn callee_frame<M: Mode<G = Pos>>(
        m: &mut M,
        r: &mut Reds<M>,
        sp: &mut u32,
        prog: &'static Program,
        f: u32,
        n: u32,
    ) -> Result<Reds<M>, Error> {
        let callee = &prog.funcs[f as usize];
        if callee.nparams != n {
            return Err(Error::Type("wrong number of arguments"));
        }
        let size = m.int((callee.nlocals + callee.max_stack) as i64);
        let frame = m.new_array(&SLOTS, size);
        for i in (0..n).rev() {
            let v = pop(m, r, sp);
            let i = m.int(i as i64);
            m.setarrayitem(frame, &SLOTS, i, Val::Ref(v));
        }
        let limit = m.int(MAX_DEPTH);
        let too_deep = m.int_binary(metajit::ir::Opcode::IntGe, r.depth, limit);
        if m.is_true(too_deep) {
            return Err(Error::TooDeep);
        }
        let one = m.int(1);
        Ok(Reds {
            frame,
            depth: m.int_add(r.depth, one),
        })
    }
}

impl Interpreter for Rec {
    type G = Pos;
    type Reds<M: Mode<G = Pos>> = Reds<M>;
    type Error = Error;

    fn dispatch<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        g: Pos,
        r: &mut Reds<M>,
    ) -> Result<Exit<Pos, M>, Error> {
        let prog = g.prog;
        let func = &prog.funcs[g.func as usize];
        let mut pc = g.pc;
        m.virtualizable(r.frame, &SLOTS);
        loop {
            let here = Pos { pc, ..g };
            if let Some(exit) = m.jit_merge_point(here, r) {
                return Ok(exit);
            }
            let op = func.code[pc as usize];
            let mut sp = func.nlocals + func.depths[pc as usize];
            pc += 1;
            match op {
                Op::Const(k) => {
                    let w = value::small_int(k).ok_or(Error::Overflow)?;
                    let v = m.const_ref(w as usize);
                    push(m, r, &mut sp, v);
                }
                Op::Load(i) => {
                    let i = m.int(i as i64);
                    let v = m.getarrayitem_ref(r.frame, &SLOTS, i);
                    push(m, r, &mut sp, v);
                }
                Op::Store(i) => {
                    let v = pop(m, r, &mut sp);
                    let i = m.int(i as i64);
                    m.setarrayitem(r.frame, &SLOTS, i, Val::Ref(v));
                }
                Op::Pop => {
                    pop(m, r, &mut sp);
                }
                Op::Add | Op::Sub | Op::Mul => {
                    let b = pop(m, r, &mut sp);
                    let a = pop(m, r, &mut sp);
                    int_of(m, a)?;
                    int_of(m, b)?;
                    let v = match op {
                        Op::Add => value::add_ints(m, a, b),
                        Op::Sub => value::sub_ints(m, a, b),
                        _ => value::mul_ints(m, a, b),
                    }
                    .ok_or(Error::Overflow)?;
                    push(m, r, &mut sp, v);
                }
                Op::Lt => {
                    let b = pop(m, r, &mut sp);
                    let a = pop(m, r, &mut sp);
                    let (x, y) = (int_of(m, a)?, int_of(m, b)?);
                    let lt = m.int_lt(x, y);
                    let v = boolean(m, lt);
                    push(m, r, &mut sp, v);
                }
                Op::Eq => {
                    let b = pop(m, r, &mut sp);
                    let a = pop(m, r, &mut sp);
                    let eq = m.ptr_eq(a, b);
                    let v = boolean(m, eq);
                    push(m, r, &mut sp, v);
                }
                Op::Mod => {
                    let b = pop(m, r, &mut sp);
                    let a = pop(m, r, &mut sp);
                    int_of(m, a)?;
                    int_of(m, b)?;
                    match m.call_may_raise(&MODULO, &[Val::Ref(a), Val::Ref(b)]) {
                        Ok(Val::Ref(v)) => push(m, r, &mut sp, v),
                        Ok(_) => unreachable!("modulo returns a reference"),
                        Err(e) => match Rec::unwind(m, here, r, e) {
                            Exit::Leave(h) => pc = h.pc,
                            other => return Ok(other),
                        },
                    }
                }
                Op::Jump(t) => {
                    if t < pc {
                        let target = Pos { pc: t, ..g };
                        if let Some(exit) = m.can_enter_jit(target, r) {
                            return Ok(exit);
                        }
                    }
                    pc = t;
                }
                Op::JumpIfFalse(t) => {
                    let v = pop(m, r, &mut sp);
                    let f = m.const_ref(value::tag(0) as usize);
                    let is_false = m.ptr_eq(v, f);
                    if m.is_true(is_false) {
                        pc = t;
                    }
                }
                Op::Call(f, n) => {
                    let callee = Rec::callee_frame(m, r, &mut sp, prog, f, n)?;
                    let target = Pos {
                        prog,
                        func: f,
                        pc: 0,
                    };
                    match m.call_portal(self, here, r, target, callee)? {
                        Exit::Leave(next) => pc = next.pc,
                        other => return Ok(other),
                    }
                }
                Op::Send(meth, n) => {
                    // The receiver is under the arguments.
                    let at = m.int((sp - n - 1) as i64);
                    let receiver = m.getarrayitem_ref(r.frame, &SLOTS, at);
                    if value::is_int(m, receiver) {
                        return Err(Error::Type("send to an integer"));
                    }
                    let zero = m.int(0);
                    let class = m.getarrayitem_ref(receiver, &SLOTS, zero);
                    let class = value::int_value(m, class);
                    let class = m.promote_int(class);
                    // The class object is a constant, its table quasi-
                    // immutable, and a table never changes once installed:
                    // the lookup is plain Rust on constants.
                    let (classes, _) = Heap::of(prog);
                    // SAFETY: the classes array has an item per class (the
                    // promoted number is an object's class), and every table
                    // an item per method.
                    let class = unsafe { slot(classes, class as usize) } as usize;
                    let table = m.quasi_immutable(class, &METHODS) as usize;
                    let f = value::untag(unsafe { slot(table, meth as usize) });
                    if f < 0 {
                        return Err(Error::NoMethod(prog.method_names[meth as usize].clone()));
                    }
                    let callee = Rec::callee_frame(m, r, &mut sp, prog, f as u32, n + 1)?;
                    let target = Pos {
                        prog,
                        func: f as u32,
                        pc: 0,
                    };
                    match m.call_portal(self, here, r, target, callee)? {
                        Exit::Leave(next) => pc = next.pc,
                        other => return Ok(other),
                    }
                }
                Op::New(c, n) => {
                    let size = m.int(n as i64 + 1);
                    let obj = m.new_array(&SLOTS, size);
                    for i in (1..=n).rev() {
                        let v = pop(m, r, &mut sp);
                        let i = m.int(i as i64);
                        m.setarrayitem(obj, &SLOTS, i, Val::Ref(v));
                    }
                    let zero = m.int(0);
                    let class = m.const_ref(value::tag(c as i64) as usize);
                    m.setarrayitem(obj, &SLOTS, zero, Val::Ref(class));
                    push(m, r, &mut sp, obj);
                }
                Op::Get(name) | Op::Put(name) => {
                    let v = if matches!(op, Op::Put(_)) {
                        Some(pop(m, r, &mut sp))
                    } else {
                        None
                    };
                    let obj = pop(m, r, &mut sp);
                    if value::is_int(m, obj) {
                        return Err(Error::Type("field of an integer"));
                    }
                    let zero = m.int(0);
                    let class = m.getarrayitem_ref(obj, &SLOTS, zero);
                    let class = value::int_value(m, class);
                    let class = m.promote_int(class) as usize;
                    let fields = &prog.classes[class].fields;
                    let Some(k) = fields.iter().position(|f| name_id(f) == name) else {
                        return Err(Error::Type("no such field"));
                    };
                    let k = m.int(k as i64 + 1);
                    match v {
                        Some(v) => {
                            m.setarrayitem(obj, &SLOTS, k, Val::Ref(v));
                            push(m, r, &mut sp, v);
                        }
                        None => {
                            let v = m.getarrayitem_ref(obj, &SLOTS, k);
                            push(m, r, &mut sp, v);
                        }
                    }
                }
                Op::GGet(i) => {
                    let (_, globals) = Heap::of(prog);
                    let globals = m.const_ref(globals);
                    let i = m.int(i as i64);
                    let v = m.getarrayitem_ref(globals, &SLOTS, i);
                    push(m, r, &mut sp, v);
                }
                Op::GSet(i) => {
                    let v = pop(m, r, &mut sp);
                    let (_, globals) = Heap::of(prog);
                    let globals = m.const_ref(globals);
                    let i = m.int(i as i64);
                    m.setarrayitem(globals, &SLOTS, i, Val::Ref(v));
                    push(m, r, &mut sp, v);
                }
                Op::Redefine(c, meth, f) => {
                    // Install a changed copy of the table.
                    let (classes, _) = Heap::of(prog);
                    // SAFETY: the compiler checked that class `c` exists.
                    let class = m.const_ref(unsafe { slot(classes, c as usize) } as usize);
                    let old = m.getfield_ref(class, &METHODS);
                    let n = m.arraylen(old, &SLOTS);
                    let table = m.new_array(&SLOTS, n);
                    for i in 0..prog.method_names.len() {
                        let i = m.int(i as i64);
                        let v = m.getarrayitem_ref(old, &SLOTS, i);
                        m.setarrayitem(table, &SLOTS, i, Val::Ref(v));
                    }
                    let mi = m.int(meth as i64);
                    let fv = m.const_ref(value::tag(f as i64) as usize);
                    m.setarrayitem(table, &SLOTS, mi, Val::Ref(fv));
                    m.set_quasi_immutable(class, &METHODS, Val::Ref(table));
                    let zero = m.const_ref(value::tag(0) as usize);
                    push(m, r, &mut sp, zero);
                }
                Op::Print => {
                    let v = pop(m, r, &mut sp);
                    let v = m.call(&PRINT, &[Val::Ref(v)]);
                    let Val::Ref(v) = v else { unreachable!() };
                    push(m, r, &mut sp, v);
                }
                Op::Raise => {
                    let e = pop(m, r, &mut sp);
                    match Rec::unwind(m, here, r, e) {
                        Exit::Leave(h) => pc = h.pc,
                        other => return Ok(other),
                    }
                }
                Op::Return => {
                    let v = pop(m, r, &mut sp);
                    return Ok(Exit::Return(Val::Ref(v)));
                }
            }
        }
    }

    fn after_call<M: Mode<G = Pos>>(
        &self,
        m: &mut M,
        at: Pos,
        r: &mut Reds<M>,
        completion: Completion<M>,
    ) -> Result<Exit<Pos, M>, Error> {
        // The result goes where the stack's top is once the call is done.
        let func = &at.prog.funcs[at.func as usize];
        let mut sp = func.nlocals + func.depths[at.pc as usize + 1] - 1;
        match completion {
            Completion::Return(Val::Ref(v)) => {
                push(m, r, &mut sp, v);
                Ok(Exit::Leave(Pos {
                    pc: at.pc + 1,
                    ..at
                }))
            }
            Completion::Raise(Val::Ref(e)) => Ok(Rec::unwind(m, at, r, e)),
            _ => unreachable!("Rec values are references"),
        }
    }
}

/// What a run printed, then its result or error, one line each.
pub fn run_with(prog: &'static Program, jit: &Jit<Pos>) -> String {
    OUTPUT.with(|o| o.borrow_mut().clear());
    let mut plain = jit.plain();
    let main = &prog.funcs[prog.main as usize];
    let size = plain.int((main.nlocals + main.max_stack) as i64);
    let frame = plain.new_array(&SLOTS, size);
    let root = metajit::gc::Root::new(frame);
    let reds = Reds { frame, depth: 0 };
    let start = Pos {
        prog,
        func: prog.main,
        pc: 0,
    };
    let result = jit.run(&Rec, start, reds);
    drop(root);
    let mut out = OUTPUT.with(|o| o.borrow_mut().split_off(0));
    match result {
        Ok(Completion::Return(Val::Ref(v))) => out.push_str(&format!("=> {}\n", show(v as u64))),
        Ok(Completion::Raise(Val::Ref(v))) => {
            out.push_str(&format!("uncaught {}\n", show(v as u64)))
        }
        Ok(other) => out.push_str(&format!("=> {other:?}\n")),
        Err(e) => out.push_str(&format!("error: {e:?}\n")),
    }
    out
}

fn show(w: u64) -> String {
    if value::is_tagged(w) {
        value::untag(w).to_string()
    } else {
        "<object>".into()
    }
}

/// Run `src` under `--jit spec` (PyPy syntax; `off` for the plain mode);
/// the output and the JIT's summary.
pub fn run(src: &str, spec: &str) -> (String, String) {
    let prog = compile(src).unwrap_or_else(|e| panic!("{e}\n{src}"));
    let (params, rest) = Params::parse(spec).unwrap();
    assert!(rest.is_empty(), "{rest:?}");
    let jit: Jit<Pos> = Jit::new(params);
    let out = run_with(prog, &jit);
    (out, jit.summary())
}

/// The figure `key` of a JIT summary (`guard failures: 12` -> 12).
pub fn count(summary: &str, key: &str) -> u64 {
    summary
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(": ")?.parse().ok())
        .unwrap_or_else(|| panic!("no {key} in\n{summary}"))
}

/// Run on a thread with a large stack (deep recursion nests portals).
pub fn run_big_stack(src: &str, spec: &str) -> (String, String) {
    run_on_thread(src, spec, false)
}

/// The same with the collector in stress mode (a collection at every
/// allocation), which finds values the collector cannot see.
pub fn run_stressed(src: &str, spec: &str) -> (String, String) {
    run_on_thread(src, spec, true)
}

fn run_on_thread(src: &str, spec: &str, stress: bool) -> (String, String) {
    let (src, spec) = (src.to_string(), spec.to_string());
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            metajit::gc::set_stress(stress);
            run(&src, &spec)
        })
        .unwrap()
        .join()
        .unwrap()
}
