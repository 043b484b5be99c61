//! The compiler: AST → bytecode (`bytecode.rs`), one `Code` per function,
//! class body, comprehension and module, after scope analysis
//! (`symtable.rs`) said where each name lives.
//!
//! Shaped like CPython's: statements and expressions emit instructions with
//! symbolic labels, a stack of *frame blocks* (loops, `try`, `with`,
//! handlers) says what `break`, `continue` and `return` must undo on the
//! way out, and `try` regions become a static handler table. A last pass
//! resolves labels and computes the operand stack's depth before every
//! instruction, which the dispatch loop uses as a green.

mod patterns;

use crate::ast::*;
use crate::bytecode::{BinOp, CmpOp, Code, Handler, Instr, UnOp};
use crate::objects::{self, intern::intern, Value};
use crate::symtable::{self, ScopeKind, SymbolTable, Where};
use hashbrown::HashMap;

/// A compile-time error: CPython reports these as `SyntaxError`s, or as a
/// `RecursionError` when `recursion` (the code nests too deeply).
#[derive(Debug, Clone)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
    pub recursion: bool,
}

type Result<T> = std::result::Result<T, CompileError>;

fn err<T>(msg: impl Into<String>, loc: Loc) -> Result<T> {
    Err(CompileError {
        msg: msg.into(),
        loc,
        recursion: false,
    })
}

/// How the module is run: a file, one expression (`eval`), or one REPL
/// entry (expression statements print their value).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CompileMode {
    Exec,
    Eval,
    Single,
}

/// Compile a module (or an `eval` expression as a module whose body is one
/// `Expr` statement) to its code, which lives as long as the process.
pub fn compile(
    module: &Module,
    filename: &'static str,
    globals: Value,
    mode: CompileMode,
) -> Result<&'static Code> {
    compile_with(module, filename, globals, mode, false)
}

/// `compile`, where `names_in_namespace` makes the module's own names live
/// in a namespace dict of its frame's slot 0 (as a class body's do), not in
/// its globals: code that `exec`/`eval` run with a separate locals mapping.
pub fn compile_with(
    module: &Module,
    filename: &'static str,
    globals: Value,
    mode: CompileMode,
    names_in_namespace: bool,
) -> Result<&'static Code> {
    check_future_imports(&module.body)?;
    // The nesting allowed depends on the Python frames running now; an
    // `eval` expression's wrapping statement is no level of CPython's.
    let frames = crate::interp::runtime::depth();
    let wrapper = i64::from(mode == CompileMode::Eval);
    let table = symtable::analyze(
        module,
        frames.saturating_mul(symtable::LEVELS_PER_FRAME) - wrapper,
        crate::interp::runtime::recursion_limit().saturating_mul(symtable::LEVELS_PER_FRAME),
    )
    .map_err(|e| CompileError {
        msg: e.msg,
        loc: e.loc,
        recursion: e.recursion,
    })?;
    let mut c = Compiler {
        table: &table,
        filename,
        globals,
        units: Vec::new(),
        mode,
        names_in_namespace,
        builtins: crate::builtins::namespaces::builtins_of(globals),
    };
    metajit::gc::add_permanent_root(c.builtins);
    c.push_unit(0, "<module>".into(), "<module>".into(), 1);
    if names_in_namespace {
        c.u().varnames = vec![".ns".into()];
    }
    let body = &module.body;
    if mode == CompileMode::Eval {
        let Some(Stmt {
            kind: StmtKind::Expr { value },
            ..
        }) = body.first()
        else {
            return err("invalid syntax", Loc::default());
        };
        c.expr(value)?;
        c.emit(Instr::Return);
    } else {
        if mode == CompileMode::Exec {
            if let Some(doc) = docstring(body) {
                let k = c.str_const(&doc);
                c.emit(Instr::Const(k));
                let n = c.name("__doc__");
                c.emit(Instr::StoreGlobal(n));
            }
        }
        c.setup_annotations(body);
        c.stmts(body)?;
        c.return_none();
    }
    c.pop_unit(None)
}

/// The features `from __future__ import` accepts (all on in 3.11 but
/// `annotations` and `barry_as_FLUFL`, which this interpreter ignores).
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// CPython's compile-time rules for `from __future__ import`: only at the
/// top of a module (after its docstring and other such imports), and only
/// features that exist.
fn check_future_imports(body: &[Stmt]) -> Result<()> {
    let mut at_start = true;
    for (i, s) in body.iter().enumerate() {
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                level: 0,
            } if m == "__future__" => {
                if !at_start {
                    return err(
                        "from __future__ imports must occur at the beginning of the file",
                        s.loc,
                    );
                }
                for a in names {
                    if a.name == "braces" {
                        return err("not a chance", s.loc);
                    }
                    if !FUTURE_FEATURES.contains(&a.name.as_str()) {
                        return err(format!("future feature {} is not defined", a.name), s.loc);
                    }
                }
            }
            _ if i == 0 && docstring(body).is_some() => {}
            _ => at_start = false,
        }
    }
    Ok(())
}

/// Whether `s` is (or holds, in a compound statement's blocks) a simple
/// `name: annotation`.
fn annotates(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::AnnAssign { simple, .. } => *simple,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => body.iter().chain(orelse).any(annotates),
        StmtKind::With { body, .. } => body.iter().any(annotates),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => body
            .iter()
            .chain(handlers.iter().flat_map(|h| &h.body))
            .chain(orelse)
            .chain(finalbody)
            .any(annotates),
        StmtKind::Match { cases, .. } => cases.iter().flat_map(|c| &c.body).any(annotates),
        _ => false,
    }
}

fn docstring(body: &[Stmt]) -> Option<String> {
    match &body.first()?.kind {
        StmtKind::Expr { value } => match &value.kind {
            ExprKind::Constant {
                value: Constant::Str(s),
                ..
            } => Some(s.clone()),
            _ => None,
        },
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
struct Label(usize);

/// How an early exit pops a `for` loop's iterator.
fn pop_iter(owned: bool) -> Instr {
    if owned {
        Instr::CloseIter
    } else {
        Instr::Pop
    }
}

/// What leaving a block early must undo.
#[derive(Clone)]
enum Block {
    /// A `for` loop: its iterator is on the stack (`owned` when the loop
    /// made it: see `Instr::CloseIter`).
    For {
        top: Label,
        end: Label,
        owned: bool,
    },
    While {
        top: Label,
        end: Label,
    },
    /// The body of a `try` with a `finally` (run it on the way out).
    TryFinally {
        body: Vec<Stmt>,
        region: usize,
    },
    /// Any other `try` body: only its region is left.
    TryExcept {
        region: usize,
    },
    /// The `finally` body run for an exception: [previous, exc] on the stack.
    FinallyEnd {
        region: usize,
    },
    /// An `except` body: [previous] on the stack; the name to clear.
    Handler {
        name: Option<String>,
        region: usize,
    },
    /// A `with` body: the exit function on the stack.
    With {
        region: usize,
    },
}

#[derive(Clone)]
struct Region {
    target: Label,
    ranges: Vec<(u32, u32)>,
    open: Option<u32>,
    nesting: usize,
}

struct Unit {
    scope: usize,
    name: String,
    qualname: String,
    first_line: u32,
    instrs: Vec<Instr>,
    lines: Vec<u32>,
    line: u32,
    consts: Vec<Value>,
    const_keys: HashMap<ConstKey, u32>,
    names: Vec<Value>,
    name_index: HashMap<String, u32>,
    codes: Vec<&'static Code>,
    labels: Vec<Option<u32>>,
    regions: Vec<Region>,
    blocks: Vec<Block>,
    varnames: Vec<String>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    varargs: bool,
    varkw: bool,
    is_generator: bool,
    docstring: Option<String>,
    kind: ScopeKind,
}

#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(String),
    Float(u64),
    Complex(u64),
    Str(String),
    StrWithSurrogates(Vec<u32>),
    Bytes(Vec<u8>),
    Tuple(Vec<u32>),
    Globals,
}

struct Compiler<'a> {
    table: &'a SymbolTable,
    filename: &'static str,
    globals: Value,
    units: Vec<Unit>,
    mode: CompileMode,
    names_in_namespace: bool,
    builtins: Value,
}

impl Compiler<'_> {
    fn u(&mut self) -> &mut Unit {
        self.units.last_mut().unwrap()
    }

    fn push_unit(&mut self, scope: usize, name: String, qualname: String, line: u32) {
        let s = &self.table.scopes[scope];
        self.units.push(Unit {
            scope,
            name,
            qualname,
            first_line: line,
            instrs: Vec::new(),
            lines: Vec::new(),
            line,
            consts: Vec::new(),
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            codes: Vec::new(),
            labels: Vec::new(),
            regions: Vec::new(),
            blocks: Vec::new(),
            varnames: match s.kind {
                ScopeKind::Class => vec![".ns".into()],
                ScopeKind::Module => Vec::new(),
                // `.ret` keeps a return value while `finally` blocks run:
                // made now, so that slot numbers never move.
                ScopeKind::Function => {
                    let mut v = s.locals.clone();
                    v.push(".ret".into());
                    v
                }
                ScopeKind::Comprehension => s.locals.clone(),
            },
            cellvars: s.cells.clone(),
            freevars: s.frees.clone(),
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            varargs: false,
            varkw: false,
            is_generator: s.is_generator,
            docstring: None,
            kind: s.kind,
        });
    }

    fn pop_unit(&mut self, _loc: Option<Loc>) -> Result<&'static Code> {
        let u = self.units.pop().unwrap();
        let mut instrs = u.instrs;
        let pcs: Vec<u32> = u
            .labels
            .iter()
            .map(|l| l.expect("every label is bound"))
            .collect();
        let fix = |t: u32| pcs[t as usize];
        for i in &mut instrs {
            *i = match *i {
                Instr::Jump(t) => Instr::Jump(fix(t)),
                Instr::PopJumpIfFalse(t) => Instr::PopJumpIfFalse(fix(t)),
                Instr::PopJumpIfTrue(t) => Instr::PopJumpIfTrue(fix(t)),
                Instr::JumpIfFalseOrPop(t) => Instr::JumpIfFalseOrPop(fix(t)),
                Instr::JumpIfTrueOrPop(t) => Instr::JumpIfTrueOrPop(fix(t)),
                Instr::ForIterEnd(t) => Instr::ForIterEnd(fix(t)),
                other => other,
            };
        }
        let mut regions = u.regions;
        regions.sort_by_key(|r| std::cmp::Reverse(r.nesting));
        let mut handlers = Vec::new();
        for r in &regions {
            for &(start, end) in &r.ranges {
                if start < end {
                    handlers.push(Handler {
                        start,
                        end,
                        target: pcs[r.target.0],
                    });
                }
            }
        }
        let depths = compute_depths(&instrs, &handlers);
        let max_stack = depths.iter().copied().max().unwrap_or(0) + 2;
        let mut code = Code {
            steps: Box::new([]),
            sites: vec![Default::default(); instrs.len()].into(),
            name: u.name,
            qualname: u.qualname,
            filename: self.filename,
            first_line: u.first_line,
            instrs,
            lines: u.lines,
            depths,
            consts: u.consts,
            names: u.names,
            codes: u.codes,
            handlers,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            argcount: u.argcount,
            posonly: u.posonly,
            kwonly: u.kwonly,
            varargs: u.varargs,
            varkw: u.varkw,
            is_generator: u.is_generator,
            max_stack,
            globals: self.globals,
            builtins: self.builtins,
            docstring: u.docstring,
            id: 0,
        };
        code.steps = code.decode();
        Ok(crate::bytecode::register(code))
    }

    fn emit(&mut self, i: Instr) -> u32 {
        let u = self.u();
        let line = u.line;
        u.instrs.push(i);
        u.lines.push(line);
        u.instrs.len() as u32 - 1
    }

    fn pc(&mut self) -> u32 {
        self.u().instrs.len() as u32
    }

    fn label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(None);
        Label(u.labels.len() - 1)
    }

    fn bind(&mut self, l: Label) {
        let pc = self.pc();
        self.u().labels[l.0] = Some(pc);
    }

    fn jump(&mut self, f: fn(u32) -> Instr, l: Label) {
        self.emit(f(l.0 as u32));
    }

    fn set_line(&mut self, loc: Loc) {
        if loc.line > 0 {
            self.u().line = loc.line;
        }
    }

    // Regions.

    fn open_region(&mut self, target: Label) -> usize {
        let pc = self.pc();
        let nesting = self.u().regions.iter().filter(|r| r.open.is_some()).count();
        let u = self.u();
        u.regions.push(Region {
            target,
            ranges: Vec::new(),
            open: Some(pc),
            nesting,
        });
        u.regions.len() - 1
    }

    fn close_region(&mut self, r: usize) {
        let pc = self.pc();
        let reg = &mut self.u().regions[r];
        if let Some(start) = reg.open.take() {
            reg.ranges.push((start, pc));
        }
    }

    fn reopen_region(&mut self, r: usize) {
        let pc = self.pc();
        self.u().regions[r].open = Some(pc);
    }

    // Constants and names.

    fn add_const(&mut self, key: ConstKey, make: impl FnOnce() -> Value) -> u32 {
        if let Some(&k) = self.u().const_keys.get(&key) {
            return k;
        }
        let v = make();
        metajit::gc::add_permanent_root(v);
        let u = self.u();
        u.consts.push(v);
        let k = u.consts.len() as u32 - 1;
        u.const_keys.insert(key, k);
        k
    }

    fn str_const(&mut self, s: &str) -> u32 {
        self.add_const(ConstKey::Str(s.to_string()), || intern(s))
    }

    fn none_const(&mut self) -> u32 {
        self.add_const(ConstKey::None, || objects::Types::get().none)
    }

    fn constant(&mut self, c: &Constant) -> u32 {
        let t = objects::Types::get();
        match c {
            Constant::None => self.none_const(),
            Constant::Bool(b) => self.add_const(ConstKey::Bool(*b), || objects::new_bool(*b)),
            Constant::Ellipsis => self.add_const(ConstKey::Ellipsis, || t.ellipsis),
            Constant::Int(n) => self.add_const(ConstKey::Int(*n), || objects::new_int(*n)),
            Constant::BigInt(n) => self.add_const(ConstKey::BigInt(n.to_string()), || {
                objects::new_bigint(n.clone())
            }),
            Constant::Float(x) => {
                self.add_const(ConstKey::Float(x.to_bits()), || objects::new_float(*x))
            }
            Constant::Complex(x) => self.add_const(ConstKey::Complex(x.to_bits()), || {
                objects::new_complex((0.0, *x))
            }),
            Constant::Str(s) => self.str_const(s),
            Constant::StrWithSurrogates(code_points) => self
                .add_const(ConstKey::StrWithSurrogates(code_points.clone()), || {
                    objects::new_str_of_code_points(code_points)
                }),
            Constant::Bytes(b) => {
                self.add_const(ConstKey::Bytes(b.clone()), || objects::new_bytes(b.clone()))
            }
        }
    }

    fn tuple_const(&mut self, items: &[Value], keys: Vec<u32>) -> u32 {
        let items = items.to_vec();
        self.add_const(ConstKey::Tuple(keys), || objects::new_tuple(items))
    }

    fn name(&mut self, n: &str) -> u32 {
        if let Some(&i) = self.u().name_index.get(n) {
            return i;
        }
        let v = intern(n);
        let u = self.u();
        u.names.push(v);
        let i = u.names.len() as u32 - 1;
        u.name_index.insert(n.to_string(), i);
        i
    }

    fn return_none(&mut self) {
        let k = self.none_const();
        self.emit(Instr::Const(k));
        self.emit(Instr::Return);
    }

    // Names.

    fn scope_where(&self, name: &str) -> Where {
        let u = self.units.last().unwrap();
        let scope = &self.table.scopes[u.scope];
        if self.names_in_namespace && self.units.len() == 1 && !scope.globals.contains(name) {
            return Where::Name;
        }
        scope.lookup(name)
    }

    fn slot_of(&self, name: &str, w: Where) -> u32 {
        let u = self.units.last().unwrap();
        match w {
            Where::Local => u.varnames.iter().position(|n| n == name).unwrap() as u32,
            Where::Cell => {
                let base = u.varnames.len();
                (base + u.cellvars.iter().position(|n| n == name).unwrap()) as u32
            }
            Where::Free => {
                let base = u.varnames.len() + u.cellvars.len();
                (base + u.freevars.iter().position(|n| n == name).unwrap()) as u32
            }
            _ => unreachable!(),
        }
    }

    fn load_name(&mut self, name: &str) {
        let w = self.scope_where(name);
        let kind = self.u().kind;
        match w {
            Where::Local => {
                let s = self.slot_of(name, w);
                self.emit(Instr::LoadFast(s));
            }
            Where::Cell | Where::Free => {
                let s = self.slot_of(name, w);
                if kind == ScopeKind::Class {
                    let n = self.name(name);
                    self.emit(Instr::LoadClassDeref(n, s));
                } else {
                    self.emit(Instr::LoadDeref(s));
                }
            }
            Where::Global => {
                let n = self.name(name);
                self.emit(Instr::LoadGlobal(n));
            }
            Where::Name => {
                let n = self.name(name);
                self.emit(Instr::LoadName(n));
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        let w = self.scope_where(name);
        match w {
            Where::Local => {
                let s = self.slot_of(name, w);
                self.emit(Instr::StoreFast(s));
            }
            Where::Cell | Where::Free => {
                let s = self.slot_of(name, w);
                if self.u().kind == ScopeKind::Class {
                    // A class body binds in its namespace even if a method
                    // closes over the name (only `__class__` is a cell).
                    let n = self.name(name);
                    self.emit(Instr::StoreName(n));
                } else {
                    self.emit(Instr::StoreDeref(s));
                }
            }
            Where::Global => {
                let n = self.name(name);
                self.emit(Instr::StoreGlobal(n));
            }
            Where::Name => {
                let n = self.name(name);
                self.emit(Instr::StoreName(n));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        let w = self.scope_where(name);
        match w {
            Where::Local => {
                let s = self.slot_of(name, w);
                self.emit(Instr::DeleteFast(s));
            }
            Where::Cell | Where::Free => {
                let s = self.slot_of(name, w);
                self.emit(Instr::DeleteDeref(s));
            }
            Where::Global => {
                let n = self.name(name);
                self.emit(Instr::DeleteGlobal(n));
            }
            Where::Name => {
                let n = self.name(name);
                self.emit(Instr::DeleteName(n));
            }
        }
    }

    // Statements.

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, s: &Stmt) -> Result<()> {
        self.set_line(s.loc);
        match &s.kind {
            StmtKind::Expr { value } => {
                self.expr(value)?;
                if self.mode == CompileMode::Single && self.units.len() == 1 {
                    self.emit(Instr::PrintExpr);
                } else {
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Pass => {}
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(0));
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                value,
                simple,
                annotation,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign(target)?;
                } else if !*simple {
                    // `x.y: int` evaluates x; nothing is stored.
                    if let ExprKind::Attribute { value, .. } = &target.kind {
                        self.expr(value)?;
                        self.emit(Instr::Pop);
                    }
                }
                // A module's or class's `name: annotation` is recorded in
                // its `__annotations__` (a function's is not evaluated).
                let ExprKind::Name { id, .. } = &target.kind else {
                    return Ok(());
                };
                if *simple && self.u().kind != ScopeKind::Function {
                    self.expr(annotation)?;
                    self.load_name("__annotations__");
                    let k = self.str_const(id);
                    self.emit(Instr::Const(k));
                    self.emit(Instr::StoreSubscr);
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::If { test, body, orelse } => {
                let else_ = self.label();
                let end = self.label();
                self.expr(test)?;
                self.jump(Instr::PopJumpIfFalse, else_);
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.jump(Instr::Jump, end);
                }
                self.bind(else_);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.label();
                let else_ = self.label();
                let end = self.label();
                self.bind(top);
                self.expr(test)?;
                self.jump(Instr::PopJumpIfFalse, else_);
                self.u().blocks.push(Block::While { top, end });
                self.stmts(body)?;
                self.u().blocks.pop();
                self.set_line(s.loc);
                self.jump(Instr::Jump, top);
                self.bind(else_);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let top = self.label();
                let else_ = self.label();
                let end = self.label();
                let owned = matches!(
                    iter.kind,
                    ExprKind::Call { .. } | ExprKind::GeneratorExp { .. }
                );
                self.expr(iter)?;
                self.emit(Instr::GetIter);
                self.bind(top);
                self.emit(Instr::ForIter);
                self.jump(Instr::ForIterEnd, else_);
                self.assign(target)?;
                self.u().blocks.push(Block::For { top, end, owned });
                self.stmts(body)?;
                self.u().blocks.pop();
                self.set_line(s.loc);
                self.jump(Instr::Jump, top);
                self.bind(else_);
                self.stmts(orelse)?;
                self.bind(end);
            }
            StmtKind::Break | StmtKind::Continue => {
                let is_break = matches!(s.kind, StmtKind::Break);
                let Some(depth) = self
                    .u()
                    .blocks
                    .iter()
                    .rposition(|b| matches!(b, Block::For { .. } | Block::While { .. }))
                else {
                    let what = if is_break {
                        "'break' outside loop"
                    } else {
                        "'continue' not properly in loop"
                    };
                    return err(what, s.loc);
                };
                let (top, end, pop) = match self.u().blocks[depth] {
                    Block::For { top, end, owned } => (top, end, Some(pop_iter(owned))),
                    Block::While { top, end } => (top, end, None),
                    _ => unreachable!(),
                };
                let reopen = self.unwind_blocks(depth + 1, s.loc)?;
                if is_break {
                    if let Some(pop) = pop {
                        self.emit(pop);
                    }
                    self.jump(Instr::Jump, end);
                } else {
                    self.jump(Instr::Jump, top);
                }
                self.reopen(reopen);
            }
            StmtKind::Return { value } => {
                let kind = self.u().kind;
                if !matches!(kind, ScopeKind::Function) {
                    return err("'return' outside function", s.loc);
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let k = self.none_const();
                        self.emit(Instr::Const(k));
                    }
                }
                if self.u().blocks.is_empty() {
                    self.emit(Instr::Return);
                } else {
                    let tmp = self.temp_local();
                    self.emit(Instr::StoreFast(tmp));
                    let reopen = self.unwind_blocks(0, s.loc)?;
                    self.emit(Instr::LoadFast(tmp));
                    self.emit(Instr::Return);
                    self.reopen(reopen);
                }
            }
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                self.set_line(s.loc);
                self.function(
                    s as *const Stmt as usize,
                    name,
                    args,
                    returns.as_deref(),
                    FnBody::Stmts(body),
                    s.loc,
                )?;
                for _ in decorator_list {
                    self.emit(Instr::Call(1));
                }
                self.store_name(name);
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class_def(s, name, bases, keywords, body, decorator_list)?,
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.emit(Instr::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Instr::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Instr::Raise(2));
                }
            },
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, s.loc)?;
                }
            }
            StmtKind::With { items, body } => self.with(items, body, s.loc)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::Assert { test, msg } => {
                let end = self.label();
                self.expr(test)?;
                self.jump(Instr::PopJumpIfTrue, end);
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.bind(end);
            }
            StmtKind::Import { names } => {
                for a in names {
                    let zero = self.constant(&Constant::Int(0));
                    let none = self.none_const();
                    self.emit(Instr::Const(zero));
                    self.emit(Instr::Const(none));
                    let n = self.name(&a.name);
                    self.emit(Instr::ImportName(n));
                    match &a.asname {
                        Some(alias) => {
                            let mut parts = a.name.split('.').skip(1);
                            for p in parts.by_ref() {
                                let n = self.name(p);
                                self.emit(Instr::LoadAttr(n));
                            }
                            self.store_name(alias);
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap().to_string();
                            self.store_name(&first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let lvl = self.constant(&Constant::Int(*level as i64));
                self.emit(Instr::Const(lvl));
                let strs: Vec<Value> = names.iter().map(|a| intern(&a.name)).collect();
                let keys = names.iter().map(|a| self.str_const(&a.name)).collect();
                let fromlist = self.tuple_const(&strs, keys);
                self.emit(Instr::Const(fromlist));
                let n = self.name(module.as_deref().unwrap_or(""));
                self.emit(Instr::ImportName(n));
                if names.len() == 1 && names[0].name == "*" {
                    self.emit(Instr::ImportStar);
                } else {
                    for a in names {
                        let n = self.name(&a.name);
                        self.emit(Instr::ImportFrom(n));
                        self.store_name(a.asname.as_ref().unwrap_or(&a.name));
                    }
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
        }
        Ok(())
    }

    /// The hidden local that keeps a return value across unwinding
    /// (`return` inside blocks).
    fn temp_local(&mut self) -> u32 {
        let u = self.u();
        u.varnames.iter().position(|v| v == ".ret").unwrap() as u32
    }

    /// Emit what leaving blocks `from..` (innermost last) needs, innermost
    /// first; give back the regions to reopen after the jump.
    fn unwind_blocks(&mut self, from: usize, loc: Loc) -> Result<Vec<usize>> {
        let mut reopen = Vec::new();
        let saved = self.u().blocks.clone();
        for i in (from..saved.len()).rev() {
            let b = saved[i].clone();
            // Code emitted for this block runs outside it.
            self.u().blocks.truncate(i);
            match b {
                Block::For { owned, .. } => {
                    self.emit(pop_iter(owned));
                }
                Block::While { .. } => {}
                Block::TryExcept { region } => {
                    self.close_region(region);
                    reopen.push(region);
                }
                Block::TryFinally { body, region } => {
                    self.close_region(region);
                    reopen.push(region);
                    self.stmts(&body)?;
                }
                Block::FinallyEnd { region } => {
                    self.close_region(region);
                    reopen.push(region);
                    self.emit(Instr::Swap(1));
                    self.emit(Instr::Pop);
                    self.emit(Instr::PopExcept);
                }
                Block::Handler { name, region } => {
                    self.close_region(region);
                    reopen.push(region);
                    self.emit(Instr::PopExcept);
                    if let Some(n) = name {
                        let k = self.none_const();
                        self.emit(Instr::Const(k));
                        self.store_name(&n);
                        self.delete_name(&n);
                    }
                }
                Block::With { region } => {
                    self.close_region(region);
                    reopen.push(region);
                    self.emit(Instr::WithExitNormal);
                }
            }
        }
        self.set_line(loc);
        self.u().blocks = saved;
        Ok(reopen)
    }

    fn reopen(&mut self, regions: Vec<usize>) {
        for r in regions {
            self.reopen_region(r);
        }
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
    ) -> Result<()> {
        let handler = self.label();
        let cleanup = self.label();
        let else_ = self.label();
        let end = self.label();
        let region = self.open_region(handler);
        self.u().blocks.push(Block::TryExcept { region });
        self.stmts(body)?;
        self.u().blocks.pop();
        self.close_region(region);
        self.jump(Instr::Jump, else_);
        // [exc]
        self.bind(handler);
        self.emit(Instr::PushExcInfo);
        let cleanup_region = self.open_region(cleanup);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.loc);
            let next = self.label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.jump(Instr::PopJumpIfFalse, next);
            } else if i + 1 != handlers.len() {
                return err("default 'except:' must be last", h.loc);
            }
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.u().blocks.push(Block::Handler {
                name: h.name.clone(),
                region: cleanup_region,
            });
            self.stmts(&h.body)?;
            self.u().blocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(n) = &h.name {
                let k = self.none_const();
                self.emit(Instr::Const(k));
                self.store_name(n);
                self.delete_name(n);
            }
            self.jump(Instr::Jump, end);
            self.bind(next);
        }
        self.emit(Instr::Reraise);
        self.close_region(cleanup_region);
        // [previous, exc]
        self.bind(cleanup);
        self.emit(Instr::PopExceptReraise);
        self.bind(else_);
        self.stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        loc: Loc,
    ) -> Result<()> {
        let handler = self.label();
        let cleanup = self.label();
        let end = self.label();
        let region = self.open_region(handler);
        self.u().blocks.push(Block::TryFinally {
            body: finalbody.to_vec(),
            region,
        });
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.u().blocks.pop();
        self.close_region(region);
        self.stmts(finalbody)?;
        self.jump(Instr::Jump, end);
        // [exc]
        self.bind(handler);
        self.set_line(loc);
        self.emit(Instr::PushExcInfo);
        let cleanup_region = self.open_region(cleanup);
        self.u().blocks.push(Block::FinallyEnd {
            region: cleanup_region,
        });
        self.stmts(finalbody)?;
        self.u().blocks.pop();
        self.emit(Instr::Reraise);
        self.close_region(cleanup_region);
        self.bind(cleanup);
        self.emit(Instr::PopExceptReraise);
        self.bind(end);
        Ok(())
    }

    fn with(&mut self, items: &[WithItem], body: &[Stmt], loc: Loc) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.label();
        let cleanup = self.label();
        let suppressed = self.label();
        let end = self.label();
        self.expr(&item.context_expr)?;
        self.set_line(loc);
        self.emit(Instr::BeforeWith);
        match &item.optional_vars {
            Some(t) => self.assign(t)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        let region = self.open_region(handler);
        self.u().blocks.push(Block::With { region });
        self.with(rest, body, loc)?;
        self.u().blocks.pop();
        self.close_region(region);
        self.set_line(loc);
        self.emit(Instr::WithExitNormal);
        self.jump(Instr::Jump, end);
        // [exit, exc]
        self.bind(handler);
        self.emit(Instr::PushExcInfo);
        let cleanup_region = self.open_region(cleanup);
        self.emit(Instr::WithExitExc);
        self.jump(Instr::PopJumpIfTrue, suppressed);
        self.emit(Instr::Reraise);
        self.close_region(cleanup_region);
        self.bind(cleanup);
        self.emit(Instr::PopExceptReraise);
        // [exit, previous, exc]
        self.bind(suppressed);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    fn assign(&mut self, t: &Expr) -> Result<()> {
        self.set_line(t.loc);
        match &t.kind {
            ExprKind::Name { id, .. } => self.store_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let n = self.name(attr);
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let star = elts
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred { .. }));
                match star {
                    None => {
                        self.emit(Instr::UnpackSequence(elts.len() as u32));
                    }
                    Some(i) => {
                        if elts[i + 1..]
                            .iter()
                            .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
                        {
                            return err("multiple starred expressions in assignment", t.loc);
                        }
                        self.emit(Instr::UnpackEx(i as u32, (elts.len() - i - 1) as u32));
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.assign(value)?,
                        _ => self.assign(e)?,
                    }
                }
            }
            ExprKind::Starred { .. } => {
                return err(
                    "starred assignment target must be in a list or tuple",
                    t.loc,
                )
            }
            _ => return err("cannot assign to expression", t.loc),
        }
        Ok(())
    }

    fn delete(&mut self, t: &Expr) -> Result<()> {
        self.set_line(t.loc);
        match &t.kind {
            ExprKind::Name { id, .. } => self.delete_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let n = self.name(attr);
                self.emit(Instr::DeleteAttr(n));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => return err("cannot delete expression", t.loc),
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr, op: Operator, value: &Expr) -> Result<()> {
        let op = binop(op);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.load_name(id);
                self.expr(value)?;
                self.set_line(target.loc);
                self.emit(Instr::InPlace(op));
                self.store_name(id);
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(0));
                let n = self.name(attr);
                self.emit(Instr::LoadAttr(n));
                self.expr(value)?;
                self.set_line(target.loc);
                self.emit(Instr::InPlace(op));
                self.emit(Instr::Swap(1));
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit(Instr::Copy(1));
                self.emit(Instr::Copy(1));
                self.emit(Instr::Subscr);
                self.expr(value)?;
                self.set_line(target.loc);
                self.emit(Instr::InPlace(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::Swap(1));
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return err(
                    "'expression' is an illegal expression for augmented assignment",
                    target.loc,
                )
            }
        }
        Ok(())
    }

    fn class_def(
        &mut self,
        s: &Stmt,
        name: &str,
        bases: &[Expr],
        keywords: &[Keyword],
        body: &[Stmt],
        decorators: &[Expr],
    ) -> Result<()> {
        for d in decorators {
            self.expr(d)?;
        }
        self.set_line(s.loc);
        let scope = self.table.by_node[&(s as *const Stmt as usize)];
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname.clone(), s.loc.line);
        self.u().docstring = docstring(body);
        self.emit_cell_prologue();
        let modname = self.name("__name__");
        self.emit(Instr::LoadGlobal(modname));
        let m = self.name("__module__");
        self.emit(Instr::StoreName(m));
        let q = self.str_const(&qualname);
        self.emit(Instr::Const(q));
        let qn = self.name("__qualname__");
        self.emit(Instr::StoreName(qn));
        if let Some(doc) = docstring(body) {
            let k = self.str_const(&doc);
            self.emit(Instr::Const(k));
            let d = self.name("__doc__");
            self.emit(Instr::StoreName(d));
        }
        self.setup_annotations(body);
        self.stmts(body)?;
        let has_class_cell = self.u().cellvars.iter().any(|c| c == "__class__");
        if has_class_cell {
            let slot = self.slot_of("__class__", Where::Cell);
            self.emit(Instr::LoadCell(slot));
            self.emit(Instr::Return);
        } else {
            self.return_none();
        }
        let code = self.pop_unit(None)?;
        self.make_closure(code, 0)?;
        let k = self.str_const(name);
        self.emit(Instr::Const(k));
        for b in bases {
            self.expr(b)?;
        }
        self.emit(Instr::BuildTuple(bases.len() as u32));
        let mut n = 0;
        for kw in keywords {
            match &kw.arg {
                Some(a) => {
                    let k = self.str_const(a);
                    self.emit(Instr::Const(k));
                    self.expr(&kw.value)?;
                    n += 1;
                }
                None => return err("class keyword arguments with ** are not supported", kw.loc),
            }
        }
        self.emit(Instr::BuildMap(n));
        self.set_line(s.loc);
        self.emit(Instr::BuildClass);
        for _ in decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(name);
        Ok(())
    }

    /// The first parameter of the function being compiled (for `super()`).
    fn first_param(&self) -> Option<String> {
        let u = self.units.last().unwrap();
        if u.kind != ScopeKind::Function || (u.argcount == 0 && !u.varargs) {
            return None;
        }
        u.varnames.first().cloned()
    }

    fn qualname(&self, name: &str) -> String {
        let u = self.units.last().unwrap();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    /// Make every cell of the unit: parameters' values move into theirs.
    fn emit_cell_prologue(&mut self) {
        let u = self.units.last().unwrap();
        let cells: Vec<(u32, u32)> = u
            .cellvars
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let local = u.varnames[..u.argcount as usize
                    + u.kwonly as usize
                    + u.varargs as usize
                    + u.varkw as usize]
                    .iter()
                    .position(|v| v == c)
                    .map_or(u32::MAX, |p| p as u32);
                ((u.varnames.len() + i) as u32, local)
            })
            .collect();
        for (slot, local) in cells {
            self.emit(Instr::MakeCell(slot, local));
        }
    }

    /// Push a function for `code`, with its closure if it has free variables.
    /// `__annotations__ = {}` at the start of a module or class body that
    /// annotates a name somewhere outside its functions and classes.
    fn setup_annotations(&mut self, body: &[Stmt]) {
        if body.iter().any(annotates) {
            self.emit(Instr::BuildMap(0));
            self.store_name("__annotations__");
        }
    }

    fn make_closure(&mut self, code: &'static Code, mut flags: u32) -> Result<()> {
        if !code.freevars.is_empty() {
            for f in &code.freevars {
                let w = self.scope_where(f);
                let w = match w {
                    Where::Cell | Where::Free => w,
                    // A class body passes its own `__class__` cell.
                    _ => Where::Cell,
                };
                let slot = self.slot_of(f, w);
                self.emit(Instr::LoadCell(slot));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= 4;
        }
        let u = self.u();
        u.codes.push(code);
        let idx = u.codes.len() as u32 - 1;
        self.emit(Instr::MakeFunction(idx, flags));
        Ok(())
    }

    fn function(
        &mut self,
        node: usize,
        name: &str,
        args: &Arguments,
        returns: Option<&Expr>,
        body: FnBody,
        loc: Loc,
    ) -> Result<()> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(args.defaults.len() as u32));
            flags |= 1;
        }
        let kwd: Vec<_> = args
            .kwonlyargs
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| d.as_ref().map(|d| (a, d)))
            .collect();
        if !kwd.is_empty() {
            for (a, d) in &kwd {
                let k = self.str_const(&a.arg);
                self.emit(Instr::Const(k));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwd.len() as u32));
            flags |= 2;
        }
        // `__annotations__`, in CPython's order: positional parameters,
        // positional-only ones, *args, keyword-only ones, **kwargs, return.
        let annotated: Vec<(&str, &Expr)> = args
            .args
            .iter()
            .chain(&args.posonlyargs)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg)
            .filter_map(|a| Some((a.arg.as_str(), &**a.annotation.as_ref()?)))
            .chain(returns.map(|r| ("return", r)))
            .collect();
        if !annotated.is_empty() {
            for (name, annotation) in &annotated {
                let k = self.str_const(name);
                self.emit(Instr::Const(k));
                self.expr(annotation)?;
            }
            self.emit(Instr::BuildMap(annotated.len() as u32));
            flags |= 8;
        }
        let scope = self.table.by_node[&node];
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname, loc.line);
        {
            let u = self.u();
            u.posonly = args.posonlyargs.len() as u32;
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.kwonly = args.kwonlyargs.len() as u32;
            u.varargs = args.vararg.is_some();
            u.varkw = args.kwarg.is_some();
        }
        self.emit_cell_prologue();
        if self.u().is_generator {
            self.emit(Instr::GenStart);
        }
        match body {
            FnBody::Stmts(body) => {
                self.u().docstring = docstring(body);
                self.stmts(body)?;
                self.return_none();
            }
            FnBody::Expr(e) => {
                self.expr(e)?;
                if self.u().is_generator {
                    self.emit(Instr::Pop);
                    self.return_none();
                } else {
                    self.emit(Instr::Return);
                }
            }
        }
        let code = self.pop_unit(Some(loc))?;
        self.make_closure(code, flags)
    }

    // Expressions.

    fn expr(&mut self, e: &Expr) -> Result<()> {
        let saved_line = self.u().line;
        self.set_line(e.loc);
        self.expr_inner(e)?;
        self.u().line = saved_line.max(1);
        self.set_line(e.loc);
        Ok(())
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::Constant { value, .. } => {
                let k = self.constant(value);
                self.emit(Instr::Const(k));
            }
            ExprKind::Name { id, .. } => self.load_name(id),
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.set_line(e.loc);
                self.emit(Instr::Binary(binop(*op)));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(match op {
                    UnaryOperator::Invert => UnOp::Invert,
                    UnaryOperator::Not => UnOp::Not,
                    UnaryOperator::UAdd => UnOp::Pos,
                    UnaryOperator::USub => UnOp::Neg,
                }));
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        match op {
                            BoolOperator::And => self.jump(Instr::JumpIfFalseOrPop, end),
                            BoolOperator::Or => self.jump(Instr::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    self.set_line(e.loc);
                    self.compare_op(ops[0]);
                } else {
                    let cleanup = self.label();
                    let end = self.label();
                    for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
                        self.expr(c)?;
                        self.set_line(e.loc);
                        if i + 1 < ops.len() {
                            self.emit(Instr::Swap(1));
                            self.emit(Instr::Copy(1));
                            self.compare_op(*op);
                            self.jump(Instr::JumpIfFalseOrPop, cleanup);
                        } else {
                            self.compare_op(*op);
                            self.jump(Instr::Jump, end);
                        }
                    }
                    self.bind(cleanup);
                    self.emit(Instr::Swap(1));
                    self.emit(Instr::Pop);
                    self.bind(end);
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                let else_ = self.label();
                let end = self.label();
                self.expr(test)?;
                self.jump(Instr::PopJumpIfFalse, else_);
                self.expr(body)?;
                self.jump(Instr::Jump, end);
                self.bind(else_);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(0));
                self.assign(target)?;
            }
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.set_line(e.loc);
                let n = self.name(attr);
                self.emit(Instr::LoadAttr(n));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.set_line(e.loc);
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                let none = self.none_const();
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => {
                            self.emit(Instr::Const(none));
                        }
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::Tuple { elts, .. } => {
                if self.starred_display(elts, Instr::BuildList)? {
                    self.emit(Instr::ListToTuple);
                } else {
                    self.emit(Instr::BuildTuple(elts.len() as u32));
                }
            }
            ExprKind::List { elts, .. } => {
                if !self.starred_display(elts, Instr::BuildList)? {
                    self.emit(Instr::BuildList(elts.len() as u32));
                }
            }
            ExprKind::Set { elts } => {
                if !self.starred_display(elts, Instr::BuildSet)? {
                    self.emit(Instr::BuildSet(elts.len() as u32));
                }
            }
            ExprKind::Dict { keys, values } => {
                if keys.iter().all(|k| k.is_some()) {
                    for (k, v) in keys.iter().zip(values) {
                        self.expr(k.as_ref().unwrap())?;
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildMap(keys.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd(0));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate(0, false));
                            }
                        }
                    }
                }
            }
            ExprKind::Starred { .. } => {
                return err("can't use starred expression here", e.loc);
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::Lambda { args, body } => {
                self.function(
                    e as *const Expr as usize,
                    "<lambda>",
                    args,
                    None,
                    FnBody::Expr(body),
                    e.loc,
                )?;
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let kind = match &e.kind {
                    ExprKind::ListComp { .. } => Comp::List,
                    ExprKind::SetComp { .. } => Comp::Set,
                    _ => Comp::Gen,
                };
                self.comprehension(e, kind, generators, elt, None)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, Comp::Dict, generators, key, Some(value))?,
            ExprKind::Yield { value } => {
                if !matches!(
                    self.u().kind,
                    ScopeKind::Function | ScopeKind::Comprehension
                ) {
                    return err("'yield' outside function", e.loc);
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let k = self.none_const();
                        self.emit(Instr::Const(k));
                    }
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom { value } => {
                if !matches!(
                    self.u().kind,
                    ScopeKind::Function | ScopeKind::Comprehension
                ) {
                    return err("'yield' outside function", e.loc);
                }
                self.expr(value)?;
                self.emit(Instr::GetIter);
                let k = self.none_const();
                self.emit(Instr::Const(k));
                self.emit(Instr::YieldFrom);
                self.emit(Instr::YieldFromEnd);
            }
            ExprKind::JoinedStr { values } => {
                for v in values {
                    self.expr(v)?;
                }
                self.emit(Instr::BuildString(values.len() as u32));
            }
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                }
                let conv = match conversion {
                    Conversion::None => 0,
                    Conversion::Str => 1,
                    Conversion::Repr => 2,
                    Conversion::Ascii => 3,
                };
                self.emit(Instr::FormatValue(conv, format_spec.is_some()));
            }
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOperator) {
        self.emit(match op {
            CmpOperator::Eq => Instr::Compare(CmpOp::Eq),
            CmpOperator::NotEq => Instr::Compare(CmpOp::Ne),
            CmpOperator::Lt => Instr::Compare(CmpOp::Lt),
            CmpOperator::LtE => Instr::Compare(CmpOp::Le),
            CmpOperator::Gt => Instr::Compare(CmpOp::Gt),
            CmpOperator::GtE => Instr::Compare(CmpOp::Ge),
            CmpOperator::Is => Instr::Is(true),
            CmpOperator::IsNot => Instr::Is(false),
            CmpOperator::In => Instr::In(true),
            CmpOperator::NotIn => Instr::In(false),
        });
    }

    /// A display with starred items: build a list/set and extend it. False
    /// (nothing emitted) when there is no starred item.
    fn starred_display(&mut self, elts: &[Expr], build: fn(u32) -> Instr) -> Result<bool> {
        self.starred_items(elts, build, false)
    }

    /// `starred_display`, for a call's arguments when `call` is set.
    fn starred_items(
        &mut self,
        elts: &[Expr],
        build: fn(u32) -> Instr,
        call: bool,
    ) -> Result<bool> {
        if !elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
        {
            for e in elts {
                self.expr(e)?;
            }
            return Ok(false);
        }
        let is_set = build(0) == Instr::BuildSet(0);
        self.emit(build(0));
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => {
                    self.expr(value)?;
                    self.emit(if is_set {
                        Instr::SetUpdate(0)
                    } else {
                        Instr::ListExtend(0, call)
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(if is_set {
                        Instr::SetAdd(0)
                    } else {
                        Instr::ListAppend(0)
                    });
                }
            }
        }
        Ok(true)
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> Result<()> {
        // `super()` is `super(__class__, <first argument>)`, as CPython's
        // compiler makes it, and `globals()` the module's namespace.
        if let ExprKind::Name { id, .. } = &func.kind {
            if args.is_empty() && keywords.is_empty() {
                if id == "super" && self.scope_where("super") == Where::Global {
                    if let Some(first) = self.first_param() {
                        if matches!(self.scope_where("__class__"), Where::Free | Where::Cell) {
                            self.load_name("super");
                            self.load_name("__class__");
                            self.load_name(&first);
                            self.set_line(e.loc);
                            self.emit(Instr::Call(2));
                            return Ok(());
                        }
                    }
                }
                if id == "globals" && self.scope_where("globals") == Where::Global {
                    let g = self.globals;
                    let k = self.add_const(ConstKey::Globals, || g);
                    self.emit(Instr::Const(k));
                    return Ok(());
                }
            }
        }
        let starred = args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if starred {
            self.expr(func)?;
            if !self.starred_items(args, Instr::BuildList, true)? {
                self.emit(Instr::BuildList(args.len() as u32));
            }
            self.emit(Instr::ListToTuple);
            if keywords.is_empty() {
                self.set_line(e.loc);
                self.emit(Instr::CallEx(false));
            } else {
                self.emit(Instr::BuildMap(0));
                for k in keywords {
                    match &k.arg {
                        // A merge for each, which finds a keyword given twice.
                        Some(a) => {
                            let c = self.str_const(a);
                            self.emit(Instr::Const(c));
                            self.expr(&k.value)?;
                            self.emit(Instr::BuildMap(1));
                            self.emit(Instr::DictUpdate(0, true));
                        }
                        None => {
                            self.expr(&k.value)?;
                            self.emit(Instr::DictUpdate(0, true));
                        }
                    }
                }
                self.set_line(e.loc);
                self.emit(Instr::CallEx(true));
            }
            return Ok(());
        }
        if keywords.is_empty() {
            if let ExprKind::Attribute { value, attr, .. } = &func.kind {
                self.expr(value)?;
                self.set_line(func.loc);
                let n = self.name(attr);
                self.emit(Instr::LoadMethod(n));
                for a in args {
                    self.expr(a)?;
                }
                self.set_line(e.loc);
                self.emit(Instr::CallMethod(args.len() as u32));
                return Ok(());
            }
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.set_line(e.loc);
            self.emit(Instr::Call(args.len() as u32));
        } else {
            let mut names = Vec::new();
            let mut keys = Vec::new();
            for k in keywords {
                let a = k.arg.as_ref().unwrap();
                if names.iter().any(|&n| n == intern(a)) {
                    return err(format!("keyword argument repeated: {a}"), k.loc);
                }
                self.expr(&k.value)?;
                names.push(intern(a));
                keys.push(self.str_const(a));
            }
            let kn = self.tuple_const(&names, keys);
            self.set_line(e.loc);
            self.emit(Instr::CallKw((args.len() + keywords.len()) as u32, kn));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: Comp,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        let scope = self.table.by_node[&(e as *const Expr as usize)];
        let name = match kind {
            Comp::List => "<listcomp>",
            Comp::Set => "<setcomp>",
            Comp::Dict => "<dictcomp>",
            Comp::Gen => "<genexpr>",
        };
        let qualname = self.qualname(name);
        self.push_unit(scope, name.into(), qualname, e.loc.line);
        self.u().argcount = 1;
        self.emit_cell_prologue();
        if kind == Comp::Gen {
            self.emit(Instr::GenStart);
        }
        match kind {
            Comp::List => {
                self.emit(Instr::BuildList(0));
            }
            Comp::Set => {
                self.emit(Instr::BuildSet(0));
            }
            Comp::Dict => {
                self.emit(Instr::BuildMap(0));
            }
            Comp::Gen => {}
        }
        self.comp_loop(kind, generators, 0, elt, value)?;
        if kind == Comp::Gen {
            self.return_none();
        } else {
            self.emit(Instr::Return);
        }
        let code = self.pop_unit(None)?;
        self.make_closure(code, 0)?;
        self.expr(&generators[0].iter)?;
        self.emit(Instr::GetIter);
        self.set_line(e.loc);
        self.emit(Instr::Call(1));
        Ok(())
    }

    fn comp_loop(
        &mut self,
        kind: Comp,
        generators: &[Comprehension],
        depth: usize,
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        let g = &generators[depth];
        let top = self.label();
        let end = self.label();
        if depth == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        self.bind(top);
        self.emit(Instr::ForIter);
        self.jump(Instr::ForIterEnd, end);
        self.assign(&g.target)?;
        for cond in &g.ifs {
            self.expr(cond)?;
            self.jump(Instr::PopJumpIfFalse, top);
        }
        if depth + 1 < generators.len() {
            self.comp_loop(kind, generators, depth + 1, elt, value)?;
        } else {
            let below = depth as u32 + 1;
            match kind {
                Comp::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(below));
                }
                Comp::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(below));
                }
                Comp::Dict => {
                    self.expr(elt)?;
                    self.expr(value.unwrap())?;
                    self.emit(Instr::MapAdd(below));
                }
                Comp::Gen => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        self.jump(Instr::Jump, top);
        self.bind(end);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Comp {
    List,
    Set,
    Dict,
    Gen,
}

enum FnBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

fn binop(op: Operator) -> BinOp {
    match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitOr => BinOp::Or,
        Operator::BitXor => BinOp::Xor,
        Operator::BitAnd => BinOp::And,
        Operator::FloorDiv => BinOp::FloorDiv,
    }
}

/// The operand stack's depth before each instruction: a walk over the
/// control flow from the entry and from each handler (whose depth is its
/// region's plus the exception). Unreachable code gets depth 0.
fn compute_depths(instrs: &[Instr], handlers: &[Handler]) -> Vec<u32> {
    let n = instrs.len();
    let mut depth: Vec<Option<i32>> = vec![None; n];
    let mut work: Vec<(usize, i32)> = vec![(0, 0)];
    loop {
        while let Some((pc, d)) = work.pop() {
            if pc >= n || depth[pc].is_some() {
                continue;
            }
            depth[pc] = Some(d);
            let i = instrs[pc];
            let (fall, jump) = crate::bytecode::stack_effect(i);
            if let Some((t, e)) = jump {
                work.push((t as usize, d + e));
            }
            if !crate::bytecode::is_terminal(i) {
                work.push((pc + 1, d + fall));
            }
        }
        let mut more = false;
        for h in handlers {
            if let Some(d) = depth[h.start as usize] {
                if depth[h.target as usize].is_none() {
                    work.push((h.target as usize, d + 1));
                    more = true;
                }
            }
        }
        if !more {
            break;
        }
    }
    depth
        .into_iter()
        .map(|d| d.unwrap_or(0).max(0) as u32)
        .collect()
}
