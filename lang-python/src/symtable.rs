//! Scope analysis (CPython's symtable): before compiling, find for every
//! function, class and comprehension which names are its locals, which are
//! cells (locals that inner functions close over), which are free (closed
//! over from an enclosing function), and which are global, so the compiler
//! emits the right load and store for each name.
//!
//! Scopes are keyed by the address of their AST node, which does not move
//! while the compiler runs.
//!
//! This first walk over the tree also bounds its nesting, as CPython's
//! does: each statement and expression is one level, the walk starts at
//! three levels per Python frame running (the compiler says) and may reach
//! three times the recursion limit; deeper code is a `RecursionError`
//! "maximum recursion depth exceeded during compilation" (so the compiler,
//! which recurses the same way, never meets a tree deeper than that).

use crate::ast::*;
use hashbrown::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

/// Where a name lives in a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Where {
    /// A fast local of a function.
    Local,
    /// A local closed over by an inner function (a cell).
    Cell,
    /// A variable of an enclosing function (a cell passed in the closure).
    Free,
    /// Declared `global`, or not bound anywhere around a function.
    Global,
    /// In a class body or at module level: looked up by name.
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Parameters in order, then other locals in order of first binding.
    pub locals: Vec<String>,
    /// How many of `locals` are parameters.
    pub param_count: usize,
    pub cells: Vec<String>,
    pub frees: Vec<String>,
    pub globals: HashSet<String>,
    pub nonlocals: HashSet<String>,
    pub uses: HashSet<String>,
    pub is_generator: bool,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    /// A method that uses `super` or `__class__` (the class gets a cell).
    pub needs_class_cell: bool,
    pub loc: Loc,
}

impl Scope {
    pub fn lookup(&self, name: &str) -> Where {
        if self.kind == ScopeKind::Module {
            return Where::Global;
        }
        if self.globals.contains(name) {
            return Where::Global;
        }
        if self.cells.iter().any(|c| c == name) {
            return Where::Cell;
        }
        if self.frees.iter().any(|c| c == name) {
            return Where::Free;
        }
        if self.kind == ScopeKind::Class {
            return Where::Name;
        }
        if self.locals.iter().any(|c| c == name) {
            return Where::Local;
        }
        Where::Global
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    pub by_node: HashMap<usize, usize>,
}

/// A scope error CPython reports at compile time: a `SyntaxError`, or a
/// `RecursionError` when `recursion` (the code nests too deeply).
pub struct ScopeError {
    pub msg: String,
    pub loc: Loc,
    pub recursion: bool,
}

/// How many nesting levels of the tree one Python frame or one unit of the
/// recursion limit stands for (CPython's `COMPILER_STACK_FRAME_SCALE`).
pub const LEVELS_PER_FRAME: i64 = 3;

/// Scope analysis of `module`, whose walk starts at nesting level
/// `start_depth` and may not pass `max_depth`.
pub fn analyze(
    module: &Module,
    start_depth: i64,
    max_depth: i64,
) -> Result<SymbolTable, ScopeError> {
    let mut b = Builder {
        scopes: Vec::new(),
        by_node: HashMap::new(),
        current: 0,
        depth: start_depth,
        max_depth,
    };
    b.push(ScopeKind::Module, "<module>", None, Loc::default());
    for s in &module.body {
        b.stmt(s)?;
    }
    let mut t = SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
    };
    resolve(&mut t)?;
    Ok(t)
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    current: usize,
    /// Nesting levels of the walk so far, and how many it may reach.
    depth: i64,
    max_depth: i64,
}

impl Builder {
    fn push(&mut self, kind: ScopeKind, name: &str, node: Option<usize>, loc: Loc) -> usize {
        let id = self.scopes.len();
        let parent = if id == 0 { None } else { Some(self.current) };
        self.scopes.push(Scope {
            kind,
            name: name.to_string(),
            locals: Vec::new(),
            param_count: 0,
            cells: Vec::new(),
            frees: Vec::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            uses: HashSet::new(),
            is_generator: false,
            children: Vec::new(),
            parent,
            needs_class_cell: false,
            loc,
        });
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
        }
        if let Some(n) = node {
            self.by_node.insert(n, id);
        }
        self.current = id;
        id
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn bind(&mut self, name: &str) -> Result<(), ScopeError> {
        let s = self.scope();
        if s.globals.contains(name) || s.nonlocals.contains(name) {
            return Ok(());
        }
        if !s.locals.iter().any(|l| l == name) {
            s.locals.push(name.to_string());
        }
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        self.scope().uses.insert(name.to_string());
        if name == "super" || name == "__class__" {
            self.scope().needs_class_cell = true;
        }
    }

    fn declare(&mut self, names: &[String], global: bool, loc: Loc) -> Result<(), ScopeError> {
        for n in names {
            let s = self.scope();
            let position = s.locals.iter().position(|l| l == n);
            let bound = position.is_some();
            let used = s.uses.contains(n);
            let what = if global { "global" } else { "nonlocal" };
            if position.is_some_and(|i| i < s.param_count) {
                return Err(ScopeError {
                    msg: format!("name '{n}' is parameter and {what}"),
                    loc,
                    recursion: false,
                });
            }
            if bound || used {
                let how = if bound { "assigned to" } else { "used" };
                return Err(ScopeError {
                    msg: format!("name '{n}' is {how} before {what} declaration"),
                    loc,
                    recursion: false,
                });
            }
            if global {
                if s.nonlocals.contains(n) {
                    return Err(ScopeError {
                        msg: format!("name '{n}' is nonlocal and global"),
                        loc,
                        recursion: false,
                    });
                }
                s.globals.insert(n.clone());
            } else {
                if s.kind == ScopeKind::Module {
                    return Err(ScopeError {
                        msg: "nonlocal declaration not allowed at module level".into(),
                        loc,
                        recursion: false,
                    });
                }
                if s.globals.contains(n) {
                    return Err(ScopeError {
                        msg: format!("name '{n}' is nonlocal and global"),
                        loc,
                        recursion: false,
                    });
                }
                s.nonlocals.insert(n.clone());
            }
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), ScopeError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn arguments(&mut self, a: &Arguments) -> Result<(), ScopeError> {
        for d in &a.defaults {
            self.expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            if let Some(ann) = &arg.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, a: &Arguments) -> Result<(), ScopeError> {
        let mut seen = HashSet::new();
        let ordered: Vec<&Arg> = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(&a.kwonlyargs)
            .chain(a.vararg.iter())
            .chain(a.kwarg.iter())
            .collect();
        for arg in ordered {
            if !seen.insert(arg.arg.clone()) {
                return Err(ScopeError {
                    msg: format!("duplicate argument '{}' in function definition", arg.arg),
                    loc: arg.loc,
                    recursion: false,
                });
            }
            self.scope().locals.push(arg.arg.clone());
            self.scope().param_count += 1;
        }
        Ok(())
    }

    /// Runs `visit` one nesting level deeper, a `RecursionError` past the
    /// limit.
    fn deeper(
        &mut self,
        loc: Loc,
        visit: impl FnOnce(&mut Self) -> Result<(), ScopeError>,
    ) -> Result<(), ScopeError> {
        if self.depth >= self.max_depth {
            return Err(ScopeError {
                msg: "maximum recursion depth exceeded during compilation".into(),
                loc,
                recursion: true,
            });
        }
        self.depth += 1;
        let result = visit(self);
        self.depth -= 1;
        result
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ScopeError> {
        self.deeper(s.loc, |b| b.stmt_parts(s))
    }

    fn stmt_parts(&mut self, s: &Stmt) -> Result<(), ScopeError> {
        match &s.kind {
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
                self.arguments(args)?;
                if let Some(r) = returns {
                    self.expr(r)?;
                }
                self.bind(name)?;
                let outer = self.current;
                self.push(
                    ScopeKind::Function,
                    name,
                    Some(s as *const Stmt as usize),
                    s.loc,
                );
                self.params(args)?;
                self.stmts(body)?;
                self.current = outer;
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                for d in decorator_list {
                    self.expr(d)?;
                }
                for b in bases {
                    self.expr(b)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.bind(name)?;
                let outer = self.current;
                self.push(
                    ScopeKind::Class,
                    name,
                    Some(s as *const Stmt as usize),
                    s.loc,
                );
                self.stmts(body)?;
                self.current = outer;
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.use_name(id);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.expr(annotation)?;
                if value.is_some() || !matches!(target.kind, ExprKind::Name { .. }) {
                    self.target(target)?;
                } else if let ExprKind::Name { id, .. } = &target.kind {
                    if self.scope().kind == ScopeKind::Function {
                        self.bind(id)?;
                    }
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for i in items {
                    self.expr(&i.context_expr)?;
                    if let Some(v) = &i.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    let n = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap().to_string());
                    self.bind(&n)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(ScopeError {
                                msg: "import * only allowed at module level".into(),
                                loc: s.loc,
                                recursion: false,
                            });
                        }
                        continue;
                    }
                    let n = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&n)?;
                }
            }
            StmtKind::Global { names } => self.declare(names, true, s.loc)?,
            StmtKind::Nonlocal { names } => self.declare(names, false, s.loc)?,
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), ScopeError> {
        match &t.kind {
            ExprKind::Name { id, .. } => self.bind(id),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|e| self.target(e))
            }
            ExprKind::Starred { value, .. } => self.target(value),
            _ => self.expr(t),
        }
    }

    /// The names a pattern captures are bound; its values and classes are
    /// expressions of this scope.
    fn pattern(&mut self, p: &Pattern) -> Result<(), ScopeError> {
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value),
            PatternKind::MatchSingleton { .. } => Ok(()),
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.pattern(q))
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                keys.iter().try_for_each(|k| self.expr(k))?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                rest.as_ref().map_or(Ok(()), |n| self.bind(n))
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|q| self.pattern(q))
            }
            PatternKind::MatchStar { name } => name.as_ref().map_or(Ok(()), |n| self.bind(n)),
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                name.as_ref().map_or(Ok(()), |n| self.bind(n))
            }
        }
    }

    fn comprehension(
        &mut self,
        node: usize,
        generators: &[Comprehension],
        elts: &[&Expr],
        loc: Loc,
    ) -> Result<(), ScopeError> {
        // The first iterable is evaluated outside.
        self.expr(&generators[0].iter)?;
        let outer = self.current;
        self.push(ScopeKind::Comprehension, "<comprehension>", Some(node), loc);
        self.scope().locals.push(".0".into());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.current = outer;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), ScopeError> {
        self.deeper(e.loc, |b| b.expr_parts(e))
    }

    fn expr_parts(&mut self, e: &Expr) -> Result<(), ScopeError> {
        match &e.kind {
            ExprKind::Name { id, ctx } => match ctx {
                ExprContext::Load => self.use_name(id),
                _ => self.bind(id)?,
            },
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    // Binds in the nearest enclosing non-comprehension scope.
                    let mut s = self.current;
                    while self.scopes[s].kind == ScopeKind::Comprehension {
                        s = self.scopes[s].parent.unwrap();
                    }
                    // A module-level or `global` target is a global of the
                    // comprehensions in between; otherwise they close over it.
                    let global = self.scopes[s].kind == ScopeKind::Module
                        || self.scopes[s].globals.contains(id);
                    let mut c = self.current;
                    while c != s {
                        let sc = &mut self.scopes[c];
                        if global {
                            sc.globals.insert(id.clone());
                        } else {
                            sc.nonlocals.insert(id.clone());
                        }
                        c = sc.parent.unwrap();
                    }
                    let outer = self.current;
                    self.current = s;
                    self.bind(id)?;
                    self.current = outer;
                }
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args)?;
                let outer = self.current;
                self.push(
                    ScopeKind::Function,
                    "<lambda>",
                    Some(e as *const Expr as usize),
                    e.loc,
                );
                self.params(args)?;
                self.expr(body)?;
                self.current = outer;
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                let node = e as *const Expr as usize;
                self.comprehension(node, generators, &[elt], e.loc)?;
                if matches!(e.kind, ExprKind::GeneratorExp { .. }) {
                    let id = self.by_node[&node];
                    self.scopes[id].is_generator = true;
                }
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(e as *const Expr as usize, generators, &[key, value], e.loc)?;
            }
            ExprKind::Yield { value } => {
                self.scope().is_generator = true;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            ExprKind::YieldFrom { value } => {
                self.scope().is_generator = true;
                self.expr(value)?;
            }
            _ => {
                let mut result = Ok(());
                for_each_child(e, &mut |c| {
                    if result.is_ok() {
                        result = self.expr(c);
                    }
                });
                result?;
            }
        }
        Ok(())
    }
}

/// Call `f` with each direct sub-expression of `e` (for the kinds that have
/// no scope of their own).
pub fn for_each_child(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(f),
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right)
        }
        ExprKind::UnaryOp { operand, .. } => f(operand),
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse)
        }
        ExprKind::Dict { keys, values } => {
            for (k, v) in keys.iter().zip(values) {
                if let Some(k) = k {
                    f(k)
                }
                f(v)
            }
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().for_each(f)
        }
        ExprKind::Compare {
            left, comparators, ..
        } => {
            f(left);
            comparators.iter().for_each(f)
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            f(func);
            args.iter().for_each(&mut *f);
            keywords.iter().for_each(|k| f(&k.value))
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            f(value);
            if let Some(s) = format_spec {
                f(s)
            }
        }
        ExprKind::JoinedStr { values } => values.iter().for_each(f),
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => f(value),
        ExprKind::Subscript { value, slice, .. } => {
            f(value);
            f(slice)
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                f(x)
            }
        }
        _ => {}
    }
}

/// Decide cells and frees: a name used but not bound in a function scope
/// is free if an enclosing function binds it (which makes it a cell there);
/// `nonlocal` names must be found that way.
fn resolve(t: &mut SymbolTable) -> Result<(), ScopeError> {
    // Children before parents is not needed: walk every scope and look up.
    for id in 0..t.scopes.len() {
        let s = &t.scopes[id];
        if s.kind == ScopeKind::Module {
            continue;
        }
        let mut wanted: Vec<(String, bool)> = Vec::new();
        for n in &s.nonlocals {
            wanted.push((n.clone(), true));
        }
        for n in &s.uses {
            let bound_here = s.locals.iter().any(|l| l == n)
                && !s.nonlocals.contains(n)
                && s.kind != ScopeKind::Class;
            if !bound_here && !s.globals.contains(n) && !s.nonlocals.contains(n) {
                if s.kind == ScopeKind::Class && s.locals.iter().any(|l| l == n) {
                    continue;
                }
                wanted.push((n.clone(), false));
            }
        }
        if s.needs_class_cell && s.kind != ScopeKind::Class {
            wanted.push(("__class__".into(), false));
        }
        wanted.sort();
        for (name, required) in wanted {
            // Find the binder among enclosing function scopes.
            let mut chain = Vec::new();
            let mut p = t.scopes[id].parent;
            let mut found = None;
            while let Some(pid) = p {
                let ps = &t.scopes[pid];
                if ps.kind == ScopeKind::Module {
                    break;
                }
                if ps.kind == ScopeKind::Class {
                    if name == "__class__" {
                        found = Some(pid);
                        break;
                    }
                    // A class body passes the cell on to its methods.
                    chain.push(pid);
                    p = ps.parent;
                    continue;
                }
                if ps.globals.contains(&name) {
                    break;
                }
                if ps.locals.contains(&name) && !ps.nonlocals.contains(&name) {
                    found = Some(pid);
                    break;
                }
                chain.push(pid);
                p = ps.parent;
            }
            match found {
                Some(binder) => {
                    let b = &mut t.scopes[binder];
                    if !b.cells.contains(&name) {
                        b.cells.push(name.clone());
                    }
                    for &mid in chain.iter().chain(std::iter::once(&id)) {
                        let m = &mut t.scopes[mid];
                        if !m.frees.contains(&name) {
                            m.frees.push(name.clone());
                        }
                    }
                }
                None if required => {
                    return Err(ScopeError {
                        msg: format!("no binding for nonlocal '{name}' found"),
                        loc: t.scopes[id].loc,
                        recursion: false,
                    })
                }
                None => {}
            }
        }
    }
    Ok(())
}
