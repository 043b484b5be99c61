//! Random Rec programs (`rec/`), run in every mode: the differential test of
//! metajit on a recursive interpreter (issue 9, "How to prove it").
//!
//! Hand-written programs (`recursive.rs`) check what their authors thought
//! of; here a seeded generator writes programs that mix every construct of
//! Rec (nested loops, small inlinable functions, recursion deeper than the
//! inline depth, mutual recursion, methods redefined while loops run,
//! objects, globals, prints in loops and callees, `try`/`catch` with raises
//! in the same frame and across frames, `%` by zero) and each must print
//! the same in the plain mode as with the JIT on both backends, at eager,
//! middle and default thresholds, and, for a sample, with the collector in
//! stress mode. Every generated program terminates by construction: loops
//! count to a bound, every function takes a depth `n` that every call
//! around a cycle decreases, and a global `fuel` caps the calls that do
//! work. Overflow and raises are legal outcomes; every mode must agree.
//!
//! Programs run in child processes (this test binary, running the ignored
//! test `worker`), so a crash in compiled code or a hang is reported with
//! its seed and mode instead of killing the run. A failure is shrunk on the
//! generator's syntax tree (which keeps the termination guarantees) while it
//! persists, and reported with the minimized source, the mode and both
//! outputs.
//!
//! The run: `REC_FUZZ_COUNT` (default 10000) programs from seed
//! `REC_FUZZ_SEED` (default 0), `REC_FUZZ_JOBS` (default 2) children at
//! once. For long runs also `REC_FUZZ_STRESS_EVERY` (default 50: one
//! program in that many also runs under stress), `REC_FUZZ_SIZE` (default
//! 1: bigger programs) and `REC_FUZZ_EXTRA` (JIT parameters added to every
//! mode, e.g. `,inline_depth=2`). The ignored test `show` prints a seed's
//! program (or a file's) and its output in every mode;
//! `a_broken_mode_is_found_and_shrunk` checks that the check can fail.

mod rec;

use std::cell::RefCell;
use std::collections::{BTreeSet, HashSet, VecDeque};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

// ---- modes --------------------------------------------------------------------

/// Every program runs in each of these; the first is the reference.
const MODES: [(&str, &str); 7] = [
    ("plain", "off"),
    (
        "eager-interp",
        "threshold=1,function_threshold=1,trace_eagerness=1,backend=interp",
    ),
    (
        "eager-x64",
        "threshold=1,function_threshold=1,trace_eagerness=1,backend=x64",
    ),
    (
        "middle-interp",
        "threshold=3,function_threshold=3,trace_eagerness=2,backend=interp",
    ),
    (
        "middle-x64",
        "threshold=3,function_threshold=3,trace_eagerness=2,backend=x64",
    ),
    ("default-interp", "backend=interp"),
    ("default-x64", "backend=x64"),
];

/// One program in this many also runs these modes with the collector in
/// stress mode (a collection at every allocation).
/// (`REC_FUZZ_STRESS_EVERY` overrides it.)
const STRESS_EVERY: u64 = 50;
const STRESS_MODES: [usize; 3] = [1, 2, 4];

/// Programs per child process (children also bound what leaked programs and
/// compiled code cost a long run).
const BATCH: u64 = 250;

/// A child that prints nothing for this long is hung.
const HANG: Duration = Duration::from_secs(120);

// ---- a seeded PRNG (SplitMix64) --------------------------------------------------

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut r = Rng(seed ^ 0x243F_6A88_85A3_08D3);
        r.next();
        r
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// In `lo..=hi`.
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    /// An index into `weights`, with probability proportional to its weight
    /// (at least one must be positive).
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as u64) as u32;
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        unreachable!()
    }
}

// ---- the generator's syntax tree ------------------------------------------------

/// The counter of `main`'s hot loop.
const HOT_COUNTER: &str = "i10";

/// The depth argument of a call: a constant (in `main`), or `(- n d)`.
#[derive(Clone, Debug, PartialEq)]
enum Depth {
    Const(i64),
    Dec(i64),
}

/// A Rec expression. Loops are kept whole (`Loop` prints as a counter set to
/// 0, a `while` on it and the increment), so no shrink can make one endless;
/// every local is set at the start of its function (the prelude, printed
/// from the names used), so moving a subexpression never reads an unset one.
#[derive(Clone, Debug, PartialEq)]
enum E {
    Int(i64),
    Var(String),
    OVar(String),
    Set(String, Box<E>),
    OSet(String, Box<E>),
    Seq(Vec<E>),
    If(Box<E>, Box<E>, Box<E>),
    Loop(String, i64, Vec<E>),
    Bin(&'static str, Box<E>, Box<E>),
    Call(String, Option<Depth>, Vec<E>),
    Print(Box<E>),
    New(usize, Vec<E>),
    Get(Box<E>, &'static str),
    Put(Box<E>, &'static str, Box<E>),
    Send(Box<E>, usize, Depth, Vec<E>),
    Redefine(usize, usize, String),
    GGet(String),
    GSet(String, Box<E>),
    Raise(Box<E>),
    Try(Box<E>, String, Box<E>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Ty {
    Int,
    Obj,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    /// No loops, calls only to earlier small functions: inlinable.
    Small,
    /// Takes the depth `n` first; guarded by `n` and the fuel.
    Rec,
    /// Like `Rec`, with the receiver `self` before `n`.
    Method,
    Main,
}

#[derive(Clone, Debug)]
struct Fun {
    name: String,
    kind: Kind,
    /// User parameters (for a method, `self` first); `n` is implicit.
    params: Vec<(String, Ty)>,
    /// Object locals and the class of the object each starts with.
    objs: Vec<(String, usize)>,
    /// The value when `n < 1` or the fuel is out (`Rec` and `Method`).
    leaf: E,
    body: E,
    /// Set by shrinking (see `guarded`).
    unguarded: bool,
}

#[derive(Clone, Debug)]
struct ClassDef {
    fields: Vec<&'static str>,
    /// Method number -> function.
    methods: Vec<String>,
}

/// Method `m` is `METHODS[m]`; its function takes `self`, `n` and
/// `METHOD_ARGS[m]` integers.
const METHODS: [&str; 2] = ["p", "q"];
const METHOD_ARGS: [usize; 2] = [0, 1];
/// Fields every class has (in its own order); some classes have `u` too.
const FIELDS: [&str; 2] = ["v", "w"];

#[derive(Clone, Debug)]
struct Prog {
    /// Has a loop hot enough for the default thresholds (never run under
    /// stress: a collection at every allocation of a thousand iterations).
    hot: bool,
    fuel: i64,
    globals: Vec<(String, i64)>,
    classes: Vec<ClassDef>,
    funs: Vec<Fun>,
}

// ---- printing ----------------------------------------------------------------------

/// An s-expression, for printing.
enum P {
    A(String),
    L(Vec<P>),
}

fn a(s: impl ToString) -> P {
    P::A(s.to_string())
}

fn flat(p: &P, out: &mut String) {
    match p {
        P::A(s) => out.push_str(s),
        P::L(items) => {
            out.push('(');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                flat(x, out);
            }
            out.push(')');
        }
    }
}

/// Lists wider than the line break after their head (and, for binding
/// forms, the operands that belong with it).
fn pretty(p: &P, indent: usize, out: &mut String) {
    let mut one = String::new();
    flat(p, &mut one);
    let P::L(items) = p else {
        out.push_str(&one);
        return;
    };
    if indent + one.len() <= 90 || items.len() < 2 {
        out.push_str(&one);
        return;
    }
    let keep = match &items[0] {
        P::A(h) if h == "fun" => 3,
        P::A(h)
            if ["while", "if", "set", "gset", "try", "catch", "class"].contains(&h.as_str()) =>
        {
            2
        }
        _ => 1,
    }
    .min(items.len());
    out.push('(');
    for (i, x) in items[..keep].iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        flat(x, out);
    }
    for x in &items[keep..] {
        out.push('\n');
        out.push_str(&" ".repeat(indent + 2));
        pretty(x, indent + 2, out);
    }
    out.push(')');
}

fn depth_p(d: &Depth) -> P {
    match d {
        Depth::Const(k) => a(k),
        Depth::Dec(k) => P::L(vec![a("-"), a("n"), a(k)]),
    }
}

fn class_name(c: usize) -> String {
    format!("C{c}")
}

fn to_p(e: &E) -> P {
    let b = |x: &E| to_p(x);
    match e {
        E::Int(k) => a(k),
        E::Var(x) | E::OVar(x) => a(x),
        E::Set(x, v) | E::OSet(x, v) => P::L(vec![a("set"), a(x), b(v)]),
        E::Seq(xs) => P::L(std::iter::once(a("seq")).chain(xs.iter().map(b)).collect()),
        E::If(c, t, f) => P::L(vec![a("if"), b(c), b(t), b(f)]),
        E::Loop(i, bound, body) => {
            let mut w = vec![a("while"), P::L(vec![a("<"), a(i), a(bound)])];
            w.extend(body.iter().map(b));
            w.push(P::L(vec![a("set"), a(i), P::L(vec![a("+"), a(i), a(1)])]));
            P::L(vec![a("seq"), P::L(vec![a("set"), a(i), a(0)]), P::L(w)])
        }
        E::Bin(op, x, y) => P::L(vec![a(op), b(x), b(y)]),
        E::Call(f, d, args) => {
            let mut l = vec![a(f)];
            l.extend(d.iter().map(depth_p));
            l.extend(args.iter().map(b));
            P::L(l)
        }
        E::Print(x) => P::L(vec![a("print"), b(x)]),
        E::New(c, args) => P::L(
            [a("new"), a(class_name(*c))]
                .into_iter()
                .chain(args.iter().map(b))
                .collect(),
        ),
        E::Get(o, f) => P::L(vec![a("get"), b(o), a(f)]),
        E::Put(o, f, v) => P::L(vec![a("put"), b(o), a(f), b(v)]),
        E::Send(o, m, d, args) => {
            let mut l = vec![a("send"), b(o), a(METHODS[*m]), depth_p(d)];
            l.extend(args.iter().map(b));
            P::L(l)
        }
        E::Redefine(c, m, f) => P::L(vec![a("redefine"), a(class_name(*c)), a(METHODS[*m]), a(f)]),
        E::GGet(g) => P::L(vec![a("gget"), a(g)]),
        E::GSet(g, v) => P::L(vec![a("gset"), a(g), b(v)]),
        E::Raise(x) => P::L(vec![a("raise"), b(x)]),
        E::Try(body, x, h) => P::L(vec![a("try"), b(body), P::L(vec![a("catch"), a(x), b(h)])]),
    }
}

/// Calls `f` on `e` and every subexpression, parents first.
fn walk(e: &E, f: &mut dyn FnMut(&E)) {
    f(e);
    match e {
        E::Int(_) | E::Var(_) | E::OVar(_) | E::Redefine(..) | E::GGet(_) => {}
        E::Set(_, x) | E::OSet(_, x) | E::Print(x) | E::Get(x, _) | E::GSet(_, x) | E::Raise(x) => {
            walk(x, f)
        }
        E::Seq(xs) | E::Loop(_, _, xs) | E::Call(_, _, xs) | E::New(_, xs) => {
            xs.iter().for_each(|x| walk(x, f))
        }
        E::If(x, y, z) => {
            walk(x, f);
            walk(y, f);
            walk(z, f);
        }
        E::Bin(_, x, y) | E::Put(x, _, y) | E::Try(x, _, y) => {
            walk(x, f);
            walk(y, f);
        }
        E::Send(o, _, _, xs) => {
            walk(o, f);
            xs.iter().for_each(|x| walk(x, f))
        }
    }
}

impl Fun {
    /// Whether the body is guarded by the depth and the fuel: always for
    /// `Rec` and `Method` as generated; shrinking may drop the guard of a
    /// body that calls nothing (it cannot recurse).
    fn guarded(&self) -> bool {
        matches!(self.kind, Kind::Rec | Kind::Method) && !self.unguarded
    }

    /// The object locals the body uses.
    fn used_objs(&self) -> Vec<(String, usize)> {
        let mut names = HashSet::new();
        walk(&self.body, &mut |e| {
            if let E::OVar(o) | E::OSet(o, _) = e {
                names.insert(o.clone());
            }
        });
        self.objs
            .iter()
            .filter(|(o, _)| names.contains(o))
            .cloned()
            .collect()
    }

    fn to_p(&self, classes: &[ClassDef]) -> P {
        let mut params: Vec<P> = self.params.iter().map(|(p, _)| a(p)).collect();
        match self.kind {
            Kind::Rec => params.insert(0, a("n")),
            Kind::Method => params.insert(1, a("n")),
            _ => {}
        }
        // The prelude: every integer local starts at 0, every object local
        // with its first object.
        let mut ints = BTreeSet::new();
        walk(&self.body, &mut |e| match e {
            E::Var(x) | E::Set(x, _) | E::Loop(x, _, _) | E::Try(_, x, _) => {
                ints.insert(x.clone());
            }
            _ => {}
        });
        for (p, _) in &self.params {
            ints.remove(p);
        }
        ints.remove("n");
        let mut body: Vec<P> = ints
            .iter()
            .map(|x| P::L(vec![a("set"), a(x), a(0)]))
            .collect();
        for (o, c) in &self.used_objs() {
            let fields = (1..=classes[*c].fields.len()).map(a);
            let new = P::L(
                [a("new"), a(class_name(*c))]
                    .into_iter()
                    .chain(fields)
                    .collect(),
            );
            body.push(P::L(vec![a("set"), a(o), new]));
        }
        let rest = match &self.body {
            E::Seq(xs) => xs.iter().map(to_p).collect(),
            e => vec![to_p(e)],
        };
        body.extend(rest);
        let body = match self.kind {
            Kind::Rec | Kind::Method if self.guarded() => {
                let fuel = || P::L(vec![a("gget"), a("fuel")]);
                body.insert(
                    0,
                    P::L(vec![a("gset"), a("fuel"), P::L(vec![a("-"), fuel(), a(1)])]),
                );
                let work = P::L(std::iter::once(a("seq")).chain(body).collect());
                P::L(vec![
                    a("if"),
                    P::L(vec![a("<"), a("n"), a(1)]),
                    to_p(&self.leaf),
                    P::L(vec![
                        a("if"),
                        P::L(vec![a("<"), fuel(), a(1)]),
                        to_p(&self.leaf),
                        work,
                    ]),
                ])
            }
            _ if body.len() == 1 => body.pop().unwrap(),
            _ => P::L(std::iter::once(a("seq")).chain(body).collect()),
        };
        P::L(vec![a("fun"), a(&self.name), P::L(params), body])
    }
}

impl Prog {
    /// The source: the globals, the classes, and the functions `main` can
    /// reach (shrinking leaves some unreachable).
    fn source(&self) -> String {
        // What `main` can reach: functions, classes (and their methods),
        // globals.
        let mut funs: HashSet<String> = HashSet::from(["main".to_string()]);
        let mut classes = BTreeSet::new();
        let mut globals = HashSet::new();
        loop {
            let before = (funs.len(), classes.len());
            let mut more = Vec::new();
            for f in self.funs.iter().filter(|f| funs.contains(&f.name)) {
                if f.guarded() {
                    globals.insert("fuel".to_string());
                }
                let objs = f.used_objs();
                classes.extend(objs.iter().map(|(_, c)| *c));
                let mut add = |e: &E| match e {
                    E::Call(g, _, _) => more.push(g.clone()),
                    E::Redefine(c, _, g) => {
                        more.push(g.clone());
                        classes.insert(*c);
                    }
                    E::New(c, _) => {
                        classes.insert(*c);
                    }
                    E::GGet(g) | E::GSet(g, _) => {
                        globals.insert(g.clone());
                    }
                    _ => {}
                };
                walk(&f.body, &mut add);
                if f.guarded() {
                    walk(&f.leaf, &mut add);
                }
            }
            funs.extend(more);
            for &c in &classes {
                funs.extend(self.classes[c].methods.iter().cloned());
            }
            if (funs.len(), classes.len()) == before {
                break;
            }
        }
        let mut out = String::new();
        if globals.contains("fuel") {
            writeln!(out, "(global fuel {})", self.fuel).unwrap();
        }
        for (g, v) in self.globals.iter().filter(|(g, _)| globals.contains(g)) {
            writeln!(out, "(global {g} {v})").unwrap();
        }
        for &i in &classes {
            let c = &self.classes[i];
            let mut l = vec![
                a("class"),
                a(class_name(i)),
                P::L(c.fields.iter().map(a).collect()),
            ];
            for (m, f) in c.methods.iter().enumerate() {
                l.push(P::L(vec![a(METHODS[m]), a(f)]));
            }
            pretty(&P::L(l), 0, &mut out);
            out.push('\n');
        }
        for f in self.funs.iter().filter(|f| funs.contains(&f.name)) {
            pretty(&f.to_p(&self.classes), 0, &mut out);
            out.push('\n');
        }
        out
    }
}

// ---- the generator -------------------------------------------------------------------

struct Gen {
    rng: Rng,
    classes: Vec<ClassDef>,
    /// Per method number, the functions that implement it.
    method_funs: Vec<Vec<String>>,
    /// Parameter types of small function `s{i}` and of `f{i}`.
    smalls: Vec<Vec<Ty>>,
    recs: Vec<Vec<Ty>>,
    globals: Vec<String>,
    deep: bool,
    /// A program with a loop hot enough for the default thresholds
    /// redefines methods only in `main`, and in the hot loop only at one
    /// iteration: a redefinition invalidates the loop's code, and retracing
    /// it at every iteration would make the run a thousand times slower.
    hot: bool,
    /// `REC_FUZZ_SIZE`: budgets, fuel and loop bounds are multiplied by it.
    scale: i64,
}

/// What the function being generated may use.
struct Scope {
    kind: Kind,
    /// Which `s{i}` / `f{i}` it is.
    index: usize,
    ints: Vec<String>,
    writable: Vec<String>,
    objs: Vec<String>,
    counters: usize,
    catches: usize,
    loops: usize,
    max_loops: usize,
    /// Nodes left; at 0, only atoms.
    budget: i64,
    /// False in a leaf: no user-level calls but to small functions.
    calls: bool,
}

impl Gen {
    fn atom(&mut self, s: &Scope) -> E {
        if self.rng.chance(1) {
            // Near the end of the small integers: a sum may overflow.
            let k = (1 << 61) + self.rng.int(0, 1000);
            return E::Int(if self.rng.chance(50) { k } else { -k });
        }
        match self.rng.below(20) {
            0..=7 => E::Int(self.rng.int(-3, 12)),
            8..=16 if !s.ints.is_empty() => E::Var(self.rng.pick(&s.ints).clone()),
            _ => E::GGet(self.rng.pick(&self.globals).clone()),
        }
    }

    fn field(&mut self) -> &'static str {
        FIELDS[self.rng.below(FIELDS.len() as u64) as usize]
    }

    fn obj(&mut self, s: &mut Scope) -> E {
        if !s.objs.is_empty() && self.rng.chance(85) {
            E::OVar(self.rng.pick(&s.objs).clone())
        } else {
            let c = self.rng.below(self.classes.len() as u64) as usize;
            let n = self.classes[c].fields.len();
            let args = (0..n).map(|_| self.atom(s)).collect();
            E::New(c, args)
        }
    }

    fn args(&mut self, s: &mut Scope, tys: &[Ty], d: u32) -> Vec<E> {
        tys.iter()
            .map(|t| match t {
                Ty::Int => self.int_expr(s, d),
                Ty::Obj => self.obj(s),
            })
            .collect()
    }

    /// A depth argument for a call from `s` to a function that comes
    /// `later` (or is the caller, or is a method): then it must decrease.
    fn depth(&mut self, s: &Scope, later: bool) -> Depth {
        if s.kind == Kind::Main {
            Depth::Const(if self.deep {
                self.rng.int(120, 230)
            } else if self.rng.chance(75) {
                self.rng.int(0, 6)
            } else {
                self.rng.int(7, 30)
            })
        } else {
            Depth::Dec(self.rng.int(if later { 1 } else { 0 }, 2))
        }
    }

    fn smalls_callable(&self, s: &Scope) -> usize {
        if s.kind == Kind::Small {
            s.index
        } else {
            self.smalls.len()
        }
    }

    fn call_small(&mut self, s: &mut Scope, d: u32) -> E {
        let k = self.rng.below(self.smalls_callable(s) as u64) as usize;
        let tys = self.smalls[k].clone();
        E::Call(format!("s{k}"), None, self.args(s, &tys, d))
    }

    fn call_rec(&mut self, s: &mut Scope, d: u32) -> E {
        let k = if s.kind == Kind::Rec && self.rng.chance(40) {
            s.index
        } else {
            self.rng.below(self.recs.len() as u64) as usize
        };
        let later = s.kind != Kind::Rec || k >= s.index;
        let depth = self.depth(s, later);
        let tys = self.recs[k].clone();
        E::Call(format!("f{k}"), Some(depth), self.args(s, &tys, d))
    }

    fn send(&mut self, s: &mut Scope, d: u32) -> E {
        let o = self.obj(s);
        let m = self.rng.below(METHODS.len() as u64) as usize;
        let depth = self.depth(s, true);
        let args = (0..METHOD_ARGS[m]).map(|_| self.int_expr(s, d)).collect();
        E::Send(Box::new(o), m, depth, args)
    }

    fn cond(&mut self, s: &mut Scope, d: u32) -> E {
        // In a loop, often a test of its counter that changes its answer
        // part way through, once the loop's code is compiled.
        if let Some(i) = s.ints.iter().rev().find(|x| x.starts_with('i')) {
            if self.rng.chance(40) {
                let i = Box::new(E::Var(i.clone()));
                let k = Box::new(E::Int(self.rng.int(1, 5)));
                return if self.rng.chance(50) {
                    E::Bin("<", i, k)
                } else {
                    E::Bin("==", Box::new(E::Bin("%", i, k)), Box::new(E::Int(0)))
                };
            }
        }
        let op = *self.rng.pick(&["<", "==", "<"]);
        let x = if self.rng.chance(30) {
            let v = self.atom(s);
            E::Bin("%", Box::new(v), Box::new(E::Int(self.rng.int(2, 4))))
        } else {
            self.int_expr(s, d)
        };
        E::Bin(op, Box::new(x), Box::new(self.atom(s)))
    }

    fn int_expr(&mut self, s: &mut Scope, d: u32) -> E {
        s.budget -= 1;
        if d == 0 || s.budget <= 0 {
            return self.atom(s);
        }
        let calls = s.calls && s.kind != Kind::Small;
        let has_obj = !s.objs.is_empty();
        let weights = [
            3,                                              // 0 atom
            5,                                              // 1 + -
            1,                                              // 2 *
            2,                                              // 3 < ==
            2,                                              // 4 %
            2 * (self.smalls_callable(s) > 0) as u32,       // 5 small call
            3 * calls as u32,                               // 6 call
            3 * (calls && !self.classes.is_empty()) as u32, // 7 send
            2 * has_obj as u32,                             // 8 get
            has_obj as u32,                                 // 9 put
            1,                                              // 10 print
            2,                                              // 11 if
            2,                                              // 12 try
            1,                                              // 13 raise
            (!s.writable.is_empty()) as u32,                // 14 set
            1,                                              // 15 gset
            1,                                              // 16 seq
            has_obj as u32,                                 // 17 object identity
        ];
        let d1 = d - 1;
        match self.rng.weighted(&weights) {
            0 => self.atom(s),
            1 => {
                let op = *self.rng.pick(&["+", "-"]);
                E::Bin(
                    op,
                    Box::new(self.int_expr(s, d1)),
                    Box::new(self.int_expr(s, d1)),
                )
            }
            2 => {
                let k = E::Int(self.rng.int(-3, 3));
                E::Bin("*", Box::new(self.int_expr(s, d1)), Box::new(k))
            }
            3 => {
                let op = *self.rng.pick(&["<", "=="]);
                E::Bin(
                    op,
                    Box::new(self.int_expr(s, d1)),
                    Box::new(self.int_expr(s, d1)),
                )
            }
            4 => {
                let x = self.int_expr(s, d1);
                let y = match self.rng.below(20) {
                    0 => E::Int(0),
                    1..=13 => E::Int(self.rng.int(1, 9)),
                    _ => self.int_expr(s, d1),
                };
                E::Bin("%", Box::new(x), Box::new(y))
            }
            5 => self.call_small(s, d1),
            6 => self.call_rec(s, d1),
            7 => self.send(s, d1),
            8 => E::Get(Box::new(self.obj(s)), self.field()),
            9 => {
                let o = self.obj(s);
                E::Put(Box::new(o), self.field(), Box::new(self.int_expr(s, d1)))
            }
            10 => E::Print(Box::new(self.int_expr(s, d1))),
            11 => {
                let c = self.cond(s, d1);
                E::If(
                    Box::new(c),
                    Box::new(self.int_expr(s, d1)),
                    Box::new(self.int_expr(s, d1)),
                )
            }
            12 => self.try_(s, d1, false),
            13 => self.raise(s, d1, false),
            14 => {
                let x = self.rng.pick(&s.writable).clone();
                E::Set(x, Box::new(self.int_expr(s, d1)))
            }
            15 => self.gset(s, d1),
            16 => {
                let st = self.stmt(s, d1);
                E::Seq(vec![st, self.int_expr(s, d1)])
            }
            _ if self.rng.chance(3) => {
                // Rarely, arithmetic on an object: a type error.
                let x = self.atom(s);
                E::Bin("+", Box::new(x), Box::new(self.obj(s)))
            }
            _ => {
                let x = self.obj(s);
                let y = if self.rng.chance(20) {
                    self.atom(s)
                } else {
                    self.obj(s)
                };
                E::Bin("==", Box::new(x), Box::new(y))
            }
        }
    }

    /// `(try body (catch e h))`, the handler often using `e`.
    fn try_(&mut self, s: &mut Scope, d: u32, stmt: bool) -> E {
        let body = if stmt {
            self.stmts(s, d, 1, 3)
        } else {
            self.int_expr(s, d)
        };
        let x = format!("e{}", s.catches);
        s.catches += 1;
        s.ints.push(x.clone());
        let h = if stmt {
            self.stmt(s, d)
        } else {
            self.int_expr(s, d)
        };
        let h = if ty(&h) == Some(Ty::Int) && self.rng.chance(40) {
            E::Bin("+", Box::new(E::Var(x.clone())), Box::new(h))
        } else {
            h
        };
        s.ints.pop();
        E::Try(Box::new(body), x, Box::new(h))
    }

    /// A raise, mostly under a condition.
    fn raise(&mut self, s: &mut Scope, d: u32, stmt: bool) -> E {
        let r = E::Raise(Box::new(self.int_expr(s, d)));
        if self.rng.chance(80) {
            let c = self.cond(s, d);
            let other = if stmt { E::Int(0) } else { self.int_expr(s, d) };
            E::If(Box::new(c), Box::new(r), Box::new(other))
        } else {
            r
        }
    }

    fn gset(&mut self, s: &mut Scope, d: u32) -> E {
        let g = self.rng.pick(&self.globals).clone();
        let v = self.int_expr(s, d);
        let v = if self.rng.chance(60) {
            E::Bin("+", Box::new(E::GGet(g.clone())), Box::new(v))
        } else {
            v
        };
        E::GSet(g, Box::new(v))
    }

    fn stmts(&mut self, s: &mut Scope, d: u32, lo: i64, hi: i64) -> E {
        let n = self.rng.int(lo, hi);
        let mut xs: Vec<E> = (0..n).map(|_| self.stmt(s, d)).collect();
        if xs.len() == 1 {
            xs.pop().unwrap()
        } else {
            E::Seq(xs)
        }
    }

    fn stmt(&mut self, s: &mut Scope, d: u32) -> E {
        if d == 0 || s.budget <= 0 {
            s.budget -= 1;
            return match self.rng.below(3) {
                0 if !s.writable.is_empty() => {
                    let x = self.rng.pick(&s.writable).clone();
                    E::Set(x, Box::new(self.atom(s)))
                }
                1 => E::Print(Box::new(self.atom(s))),
                _ => {
                    let g = self.rng.pick(&self.globals).clone();
                    E::GSet(g, Box::new(self.atom(s)))
                }
            };
        }
        s.budget -= 1;
        let calls = s.calls && s.kind != Kind::Small;
        let has_obj = !s.objs.is_empty();
        let weights = [
            5 * (s.kind != Kind::Small && s.loops < s.max_loops) as u32, // 0 loop
            3 * (!s.writable.is_empty()) as u32,                         // 1 set
            2,                                                           // 2 gset
            2 * has_obj as u32,                                          // 3 put
            2,                                                           // 4 print
            2,                                                           // 5 if
            3 * calls as u32,                                            // 6 call
            2 * (calls && !self.classes.is_empty()) as u32,              // 7 send
            2 * (calls && (!self.hot || s.kind == Kind::Main)) as u32,   // 8 redefine
            2,                                                           // 9 try
            (has_obj && s.kind != Kind::Small) as u32,                   // 10 new object
            1,                                                           // 11 raise
            (self.smalls_callable(s) > 0) as u32,                        // 12 small call
        ];
        let d1 = d - 1;
        match self.rng.weighted(&weights) {
            0 => self.loop_(s, d1, false),
            1 => {
                let x = self.rng.pick(&s.writable).clone();
                E::Set(x, Box::new(self.int_expr(s, d1)))
            }
            2 => self.gset(s, d1),
            3 => {
                let o = self.obj(s);
                E::Put(Box::new(o), self.field(), Box::new(self.int_expr(s, d1)))
            }
            4 if has_obj && self.rng.chance(10) => E::Print(Box::new(self.obj(s))),
            4 => E::Print(Box::new(self.int_expr(s, d1))),
            5 => {
                let c = self.cond(s, d1);
                let t = self.stmts(s, d1, 1, 2);
                let f = if self.rng.chance(50) {
                    E::Int(0)
                } else {
                    self.stmt(s, d1)
                };
                E::If(Box::new(c), Box::new(t), Box::new(f))
            }
            6 => self.call_rec(s, d1),
            7 => self.send(s, d1),
            8 => {
                let c = self.rng.below(self.classes.len() as u64) as usize;
                let m = self.rng.below(METHODS.len() as u64) as usize;
                let f = self.rng.pick(&self.method_funs[m]).clone();
                let r = E::Redefine(c, m, f);
                // In a loop: often at one iteration, so the method changes
                // while the loop's compiled code runs.
                let hot_loop = s.ints.iter().find(|x| *x == HOT_COUNTER);
                let inner = s.ints.iter().rev().find(|x| x.starts_with('i'));
                match hot_loop.or(inner) {
                    Some(i) if hot_loop.is_some() || self.rng.chance(70) => {
                        let at = E::Int(self.rng.int(0, 4));
                        let c = E::Bin("==", Box::new(E::Var(i.clone())), Box::new(at));
                        E::If(Box::new(c), Box::new(r), Box::new(E::Int(0)))
                    }
                    _ => r,
                }
            }
            9 => self.try_(s, d1, true),
            10 => {
                let o = self.rng.pick(&s.objs).clone();
                let c = self.rng.below(self.classes.len() as u64) as usize;
                let n = self.classes[c].fields.len();
                let args = (0..n).map(|_| self.int_expr(s, d1.min(1))).collect();
                E::OSet(o, Box::new(E::New(c, args)))
            }
            11 => self.raise(s, d1, true),
            _ => self.call_small(s, d1),
        }
    }

    fn loop_(&mut self, s: &mut Scope, d: u32, hot: bool) -> E {
        let i = format!("i{}", s.counters);
        s.counters += 1;
        let bound = if hot {
            if self.rng.chance(85) {
                self.rng.int(1045, 1120)
            } else {
                self.rng.int(1200, 1700)
            }
        } else {
            match self.rng.below(20) {
                0..=13 => self.rng.int(0, 4),
                14..=18 => self.rng.int(5, 10 * self.scale),
                _ => self.rng.int(11, 20 * self.scale),
            }
        };
        s.loops += 1;
        s.ints.push(i.clone());
        let mut body = Vec::new();
        if hot {
            body.push(E::GSet("fuel".into(), Box::new(E::Int(self.rng.int(1, 4)))));
        }
        for _ in 0..self.rng.int(1, 3) {
            body.push(self.stmt(s, d));
        }
        s.ints.pop();
        s.loops -= 1;
        E::Loop(i, bound, body)
    }

    fn fun(&mut self, name: String, kind: Kind, index: usize, params: Vec<(String, Ty)>) -> Fun {
        let mut s = Scope {
            kind,
            index,
            ints: Vec::new(),
            writable: Vec::new(),
            objs: Vec::new(),
            counters: 0,
            catches: 0,
            loops: 0,
            max_loops: if kind == Kind::Main { 3 } else { 2 },
            budget: 3,
            calls: false,
        };
        for (p, t) in &params {
            match t {
                Ty::Int => {
                    s.ints.push(p.clone());
                    s.writable.push(p.clone());
                }
                Ty::Obj => s.objs.push(p.clone()),
            }
        }
        let leaf = if matches!(kind, Kind::Rec | Kind::Method) {
            s.ints.push("n".into());
            self.int_expr(&mut s, 2)
        } else {
            E::Int(0)
        };
        s.calls = true;
        for k in 0..self.rng.int(1, 3) {
            let x = format!("x{k}");
            s.ints.push(x.clone());
            s.writable.push(x);
        }
        let mut objs = Vec::new();
        let nobjs = match kind {
            Kind::Main => self.rng.int(1, 2),
            Kind::Small => 0,
            _ => self.rng.int(0, 1),
        };
        for k in 0..nobjs {
            let o = format!("o{k}");
            objs.push((
                o.clone(),
                self.rng.below(self.classes.len() as u64) as usize,
            ));
            s.objs.push(o);
        }
        let body = match kind {
            Kind::Small => {
                s.budget = self.rng.int(4, 12) * self.scale;
                self.int_expr(&mut s, 3)
            }
            Kind::Rec | Kind::Method => {
                s.budget = self.rng.int(5, 15) * self.scale;
                let mut xs: Vec<E> = (0..self.rng.int(1, 3))
                    .map(|_| self.stmt(&mut s, 3))
                    .collect();
                xs.push(self.int_expr(&mut s, 3));
                E::Seq(xs)
            }
            Kind::Main => {
                s.budget = self.rng.int(10, 25) * self.scale;
                let mut xs = Vec::new();
                for _ in 0..self.rng.int(2, 5) {
                    let st = self.stmt(&mut s, 4);
                    // Most top-level statements catch what they raise, so
                    // that the rest of `main` runs.
                    xs.push(if self.rng.chance(75) {
                        let h = E::Print(Box::new(E::Var(format!("e{}", s.catches))));
                        s.catches += 1;
                        let x = format!("e{}", s.catches - 1);
                        E::Try(Box::new(st), x, Box::new(h))
                    } else {
                        st
                    });
                }
                let last = self.int_expr(&mut s, 3);
                xs.push(if self.rng.chance(70) {
                    let x = format!("e{}", s.catches);
                    s.catches += 1;
                    E::Try(Box::new(last), x.clone(), Box::new(E::Var(x)))
                } else {
                    last
                });
                E::Seq(xs)
            }
        };
        Fun {
            name,
            kind,
            params,
            objs,
            leaf,
            body,
            unguarded: false,
        }
    }
}

fn param_types(rng: &mut Rng, lo: i64, hi: i64) -> Vec<Ty> {
    (0..rng.int(lo, hi))
        .map(|_| if rng.chance(20) { Ty::Obj } else { Ty::Int })
        .collect()
}

fn named(tys: &[Ty]) -> Vec<(String, Ty)> {
    tys.iter()
        .enumerate()
        .map(|(i, &t)| {
            let name = match t {
                Ty::Int => ["a", "b", "c"][i].to_string(),
                Ty::Obj => format!("p{i}"),
            };
            (name, t)
        })
        .collect()
}

/// The program of a seed.
fn generate(seed: u64) -> Prog {
    let scale = env_u64("REC_FUZZ_SIZE").unwrap_or(1).clamp(1, 10) as i64;
    let mut rng = Rng::new(seed);
    let hot = rng.below(200) < 3;
    let deep = rng.chance(1);
    let nclasses = rng.int(1, 3) as usize;
    let method_funs: Vec<Vec<String>> = (0..METHODS.len())
        .map(|m| (0..rng.int(1, 3)).map(|k| format!("m{m}_{k}")).collect())
        .collect();
    let classes = (0..nclasses)
        .map(|_| {
            let mut fields = FIELDS.to_vec();
            if rng.chance(50) {
                fields.swap(0, 1);
            }
            if rng.chance(30) {
                let at = rng.below(3) as usize;
                fields.insert(at, "u");
            }
            let methods = method_funs.iter().map(|fs| rng.pick(fs).clone()).collect();
            ClassDef { fields, methods }
        })
        .collect();
    let smalls: Vec<Vec<Ty>> = (0..rng.int(0, 3))
        .map(|_| param_types(&mut rng, 1, 2))
        .collect();
    let recs: Vec<Vec<Ty>> = (0..rng.int(1, 3))
        .map(|_| param_types(&mut rng, 0, 2))
        .collect();
    let fuel = if deep {
        rng.int(200, 260)
    } else {
        rng.int(3, 20) * scale
    };
    let globals = vec![("g0".to_string(), rng.int(0, 5)), ("g1".to_string(), 0)];
    let mut g = Gen {
        rng,
        classes,
        method_funs: method_funs.clone(),
        smalls: smalls.clone(),
        recs: recs.clone(),
        globals: globals.iter().map(|(g, _)| g.clone()).collect(),
        deep,
        hot,
        scale,
    };
    let mut funs = Vec::new();
    for (i, tys) in smalls.iter().enumerate() {
        funs.push(g.fun(format!("s{i}"), Kind::Small, i, named(tys)));
    }
    for (i, tys) in recs.iter().enumerate() {
        funs.push(g.fun(format!("f{i}"), Kind::Rec, i, named(tys)));
    }
    for (m, fs) in method_funs.iter().enumerate() {
        for f in fs {
            let mut params = vec![("self".to_string(), Ty::Obj)];
            params.extend(named(&vec![Ty::Int; METHOD_ARGS[m]]));
            funs.push(g.fun(f.clone(), Kind::Method, 0, params));
        }
    }
    let mut main = g.fun("main".into(), Kind::Main, 0, Vec::new());
    if hot {
        // A loop hot enough for the default thresholds, on a small body.
        let mut s = Scope {
            kind: Kind::Main,
            index: 0,
            ints: vec!["x0".into()],
            writable: vec!["x0".into()],
            objs: main.objs.iter().map(|(o, _)| o.clone()).collect(),
            counters: HOT_COUNTER[1..].parse().unwrap(),
            catches: 10,
            loops: 1,
            max_loops: 2,
            budget: 12,
            calls: true,
        };
        let l = g.loop_(&mut s, 3, true);
        if let E::Seq(xs) = &mut main.body {
            xs.insert(xs.len() - 1, l);
        }
    }
    funs.push(main);
    Prog {
        hot,
        fuel,
        globals,
        classes: g.classes,
        funs,
    }
}

// ---- shrinking -------------------------------------------------------------------------

/// The type of `e`'s value, if it has one type.
fn ty(e: &E) -> Option<Ty> {
    match e {
        E::OVar(_) | E::OSet(..) | E::New(..) => Some(Ty::Obj),
        E::Print(x) => ty(x),
        E::Seq(xs) => xs.last().and_then(ty),
        E::If(_, x, y) | E::Try(x, _, y) => match (ty(x), ty(y)) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        },
        _ => Some(Ty::Int),
    }
}

fn smaller_depth(d: &Depth) -> Vec<Depth> {
    match d {
        Depth::Const(k) if *k > 0 => vec![Depth::Const(0), Depth::Const(k / 2)],
        _ => Vec::new(),
    }
}

/// Every expression one step simpler than `e`, coarsest first: `e` replaced
/// by 0 or by a part of the same type, then one part simplified.
fn variants(e: &E) -> Vec<E> {
    let mut out = Vec::new();
    let same = ty(e);
    if same == Some(Ty::Int) && !matches!(e, E::Int(_)) {
        out.push(E::Int(0));
    }
    let mut hoist = |x: &E| {
        if ty(x) == same && same.is_some() {
            out.push(x.clone());
        }
    };
    match e {
        E::Int(k) => {
            if *k != 0 {
                out.push(E::Int(0));
            }
            if k.abs() > 2 {
                out.push(E::Int(k / 2));
            }
        }
        E::Set(_, x) | E::Print(x) | E::GSet(_, x) | E::Raise(x) | E::Put(_, _, x) => hoist(x),
        E::Seq(xs) => hoist(xs.last().unwrap()),
        E::If(c, x, y) => {
            hoist(x);
            hoist(y);
            hoist(c);
        }
        E::Bin(_, x, y) => {
            hoist(x);
            hoist(y);
        }
        E::Call(_, _, xs) | E::Send(_, _, _, xs) => xs.iter().for_each(&mut hoist),
        // Every local starts at 0 (the prelude), so a handler can stand
        // alone, and a loop's body run once.
        E::Try(x, _, h) => {
            hoist(x);
            hoist(h);
        }
        E::Loop(_, _, body) if !body.is_empty() => out.push(E::Seq(body.clone())),
        _ => {}
    }
    let b = |x: E| Box::new(x);
    match e {
        E::Int(_) | E::Var(_) | E::OVar(_) | E::Redefine(..) | E::GGet(_) => {}
        E::Set(v, x) => out.extend(variants(x).into_iter().map(|x| E::Set(v.clone(), b(x)))),
        E::OSet(v, x) => out.extend(variants(x).into_iter().map(|x| E::OSet(v.clone(), b(x)))),
        E::Print(x) => out.extend(variants(x).into_iter().map(|x| E::Print(b(x)))),
        E::Raise(x) => out.extend(variants(x).into_iter().map(|x| E::Raise(b(x)))),
        E::GSet(g, x) => out.extend(variants(x).into_iter().map(|x| E::GSet(g.clone(), b(x)))),
        E::Get(o, f) => out.extend(variants(o).into_iter().map(|o| E::Get(b(o), f))),
        E::Seq(xs) => {
            for i in 0..xs.len().saturating_sub(1) {
                let mut ys = xs.clone();
                ys.remove(i);
                out.push(E::Seq(ys));
            }
            out.extend(list_variants(xs).into_iter().map(E::Seq));
        }
        E::Loop(i, bound, body) => {
            for k in [0, 1, bound / 2] {
                if k < *bound {
                    out.push(E::Loop(i.clone(), k, body.clone()));
                }
            }
            for k in 0..body.len() {
                let mut ys = body.clone();
                ys.remove(k);
                out.push(E::Loop(i.clone(), *bound, ys));
            }
            out.extend(
                list_variants(body)
                    .into_iter()
                    .map(|ys| E::Loop(i.clone(), *bound, ys)),
            );
        }
        E::If(c, x, y) => {
            out.extend(
                variants(c)
                    .into_iter()
                    .map(|c| E::If(b(c), x.clone(), y.clone())),
            );
            out.extend(
                variants(x)
                    .into_iter()
                    .map(|x| E::If(c.clone(), b(x), y.clone())),
            );
            out.extend(
                variants(y)
                    .into_iter()
                    .map(|y| E::If(c.clone(), x.clone(), b(y))),
            );
        }
        E::Bin(op, x, y) => {
            out.extend(variants(x).into_iter().map(|x| E::Bin(op, b(x), y.clone())));
            out.extend(variants(y).into_iter().map(|y| E::Bin(op, x.clone(), b(y))));
        }
        E::Put(o, f, x) => {
            out.extend(variants(o).into_iter().map(|o| E::Put(b(o), f, x.clone())));
            out.extend(variants(x).into_iter().map(|x| E::Put(o.clone(), f, b(x))));
        }
        E::Try(x, v, h) => {
            out.extend(
                variants(x)
                    .into_iter()
                    .map(|x| E::Try(b(x), v.clone(), h.clone())),
            );
            out.extend(
                variants(h)
                    .into_iter()
                    .map(|h| E::Try(x.clone(), v.clone(), b(h))),
            );
        }
        E::Call(f, d, xs) => {
            if let Some(d) = d {
                for d in smaller_depth(d) {
                    out.push(E::Call(f.clone(), Some(d), xs.clone()));
                }
            }
            out.extend(
                list_variants(xs)
                    .into_iter()
                    .map(|xs| E::Call(f.clone(), d.clone(), xs)),
            );
        }
        E::New(c, xs) => out.extend(list_variants(xs).into_iter().map(|xs| E::New(*c, xs))),
        E::Send(o, m, d, xs) => {
            for d in smaller_depth(d) {
                out.push(E::Send(o.clone(), *m, d, xs.clone()));
            }
            out.extend(
                variants(o)
                    .into_iter()
                    .map(|o| E::Send(b(o), *m, d.clone(), xs.clone())),
            );
            out.extend(
                list_variants(xs)
                    .into_iter()
                    .map(|xs| E::Send(o.clone(), *m, d.clone(), xs)),
            );
        }
    }
    out
}

/// The lists with one element replaced by one of its variants.
fn list_variants(xs: &[E]) -> Vec<Vec<E>> {
    let mut out = Vec::new();
    for (i, x) in xs.iter().enumerate() {
        for v in variants(x) {
            let mut ys = xs.to_vec();
            ys[i] = v;
            out.push(ys);
        }
    }
    out
}

/// Programs one step simpler than `p`.
fn candidates(p: &Prog) -> Vec<Prog> {
    let mut out = Vec::new();
    let main = p.funs.len() - 1;
    let order = std::iter::once(main).chain(0..main);
    for i in order {
        for body in variants(&p.funs[i].body) {
            let mut q = p.clone();
            q.funs[i].body = body;
            out.push(q);
        }
        for leaf in variants(&p.funs[i].leaf) {
            let mut q = p.clone();
            q.funs[i].leaf = leaf;
            out.push(q);
        }
    }
    for i in 0..p.funs.len() {
        let f = &p.funs[i];
        let mut calls = false;
        walk(&f.body, &mut |e| {
            calls |= matches!(e, E::Call(_, Some(_), _) | E::Send(..))
        });
        if f.guarded() && !calls {
            let mut q = p.clone();
            q.funs[i].unguarded = true;
            out.push(q);
        }
    }
    if p.fuel > 1 {
        let mut q = p.clone();
        q.fuel /= 2;
        out.push(q);
    }
    for (k, (_, v)) in p.globals.iter().enumerate() {
        if *v != 0 {
            let mut q = p.clone();
            q.globals[k].1 = 0;
            out.push(q);
        }
    }
    out
}

// ---- running programs (in the worker) ------------------------------------------------------

thread_local! {
    static PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Panics in the runner threads become the run's output (the message, with
/// where it was raised, without a backtrace); other threads' panics are
/// reported as usual.
fn quiet_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(RUNNER_NAME) {
                return default(info);
            }
            let msg = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let at = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            let text = format!("panic at {at}: {msg}");
            // On stderr too: a panic that cannot unwind aborts the process,
            // and the parent shows the end of a dead child's stderr.
            eprintln!("{text}");
            PANIC.with(|p| *p.borrow_mut() = Some(text));
        }));
    });
}

/// The name of the threads that run programs.
const RUNNER_NAME: &str = "rec-runner";

/// What one run printed (a panic's message instead, if it panicked) and the
/// JIT's summary.
struct Run {
    out: String,
    summary: String,
}

/// A program read, its mode's parameters, and whether to stress the
/// collector.
type Job = (Arc<Vec<rec::Sx>>, String, bool);

thread_local! {
    static LAST_READ: RefCell<Option<(String, Arc<Vec<rec::Sx>>)>> = const { RefCell::new(None) };
}

/// `src` read, once for all the modes it runs in.
fn read_once(src: &str) -> Result<Arc<Vec<rec::Sx>>, String> {
    LAST_READ.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((s, forms)) = &*last {
            if s == src {
                return Ok(forms.clone());
            }
        }
        let forms = Arc::new(rec::read(src)?);
        *last = Some((src.to_string(), forms.clone()));
        Ok(forms)
    })
}

/// What `rec::run` does, from forms already read: each run compiles the
/// program again, for a heap (method tables, globals) of its own.
fn run_forms(forms: &[rec::Sx], spec: &str) -> (String, String) {
    let prog = rec::compile_forms(forms).unwrap_or_else(|e| panic!("{e}"));
    let (params, rest) = metajit::Params::parse(spec).unwrap();
    assert!(rest.is_empty(), "{rest:?}");
    let jit: metajit::Jit<rec::Pos> = metajit::Jit::new(params);
    let out = rec::run_with(prog, &jit);
    (out, jit.summary())
}

/// A thread with a big stack (deep recursion nests portals) that runs
/// programs one after the other, on one heap: a fresh thread and heap per
/// run would cost more than most runs. After a panic it is replaced.
struct Runner {
    jobs: mpsc::Sender<Job>,
    done: mpsc::Receiver<(Run, bool)>,
}

impl Runner {
    fn start() -> Runner {
        let (jobs, job_rx) = mpsc::channel::<Job>();
        let (done_tx, done) = mpsc::channel();
        std::thread::Builder::new()
            .name(RUNNER_NAME.into())
            .stack_size(256 << 20)
            .spawn(move || {
                for (forms, spec, stress) in job_rx {
                    metajit::gc::set_stress(stress);
                    let r = std::panic::catch_unwind(|| run_forms(&forms, &spec));
                    metajit::gc::set_stress(false);
                    let (run, ok) = match r {
                        Ok((out, summary)) => (Run { out, summary }, true),
                        Err(_) => {
                            let msg = PANIC.with(|p| p.borrow_mut().take());
                            let out = msg.unwrap_or_else(|| "panic".into()) + "\n";
                            (
                                Run {
                                    out,
                                    summary: String::new(),
                                },
                                false,
                            )
                        }
                    };
                    if done_tx.send((run, ok)).is_err() || !ok {
                        return;
                    }
                }
            })
            .unwrap();
        Runner { jobs, done }
    }
}

thread_local! {
    static RUNNER: RefCell<Option<Runner>> = const { RefCell::new(None) };
}

/// Run `src` in mode `mode` (with the collector in stress mode if `stress`).
/// A stress run gets a fresh runner: a collection at every allocation is
/// cheap only on a small heap.
/// `REC_FUZZ_EXTRA` (e.g. `,trace_limit=50`) is added to every mode's
/// parameters, for long runs that vary the JIT's.
fn run_mode(src: &str, mode: usize, stress: bool) -> Run {
    let extra = std::env::var("REC_FUZZ_EXTRA").unwrap_or_default();
    run_spec(src, &format!("{}{extra}", MODES[mode].1), stress)
}

/// Run `src` under `--jit spec`.
fn run_spec(src: &str, spec: &str, stress: bool) -> Run {
    let forms = match read_once(src) {
        Ok(forms) => forms,
        Err(e) => {
            return Run {
                out: format!("panic: the program does not read: {e}\n"),
                summary: String::new(),
            }
        }
    };
    let job = (forms, spec.to_string(), stress);
    if stress {
        let runner = Runner::start();
        runner.jobs.send(job).unwrap();
        return runner
            .done
            .recv()
            .map(|(run, _)| run)
            .unwrap_or_else(|_| Run {
                out: "the runner thread died\n".into(),
                summary: String::new(),
            });
    }
    RUNNER.with(|r| {
        let mut r = r.borrow_mut();
        let runner = r.get_or_insert_with(Runner::start);
        runner.jobs.send(job).unwrap();
        let (run, ok) = runner.done.recv().unwrap_or_else(|_| {
            let out = "the runner thread died\n".to_string();
            (
                Run {
                    out,
                    summary: String::new(),
                },
                false,
            )
        });
        if !ok {
            *r = None;
        }
        run
    })
}

/// Counts over many runs: outcomes, and per mode what the JIT did.
#[derive(Default, Clone)]
struct Totals {
    programs: u64,
    runs: u64,
    outcomes: [u64; 6],
    /// Per mode, the summary's `JIT_COUNTS`.
    jit: [[u64; JIT_COUNTS.len()]; MODES.len()],
}

/// What the JIT did, as its summary counts it.
const JIT_COUNTS: [&str; 6] = [
    "loops",
    "entries",
    "bridges",
    "aborts",
    "guard failures",
    "invalidated",
];

const OUTCOMES: [&str; 6] = [
    "value",
    "uncaught",
    "overflow",
    "too deep",
    "other error",
    "panic",
];

fn outcome(out: &str) -> usize {
    let last = out.lines().last().unwrap_or("");
    if out.starts_with("panic") {
        5
    } else if last.starts_with("=> ") {
        0
    } else if last.starts_with("uncaught") {
        1
    } else if last == "error: Overflow" {
        2
    } else if last == "error: TooDeep" {
        3
    } else if last.starts_with("error") {
        4
    } else {
        5
    }
}

fn summary_count(summary: &str, key: &str) -> u64 {
    summary
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(": ")?.parse().ok())
        .unwrap_or(0)
}

impl Totals {
    fn add(&mut self, o: &Totals) {
        self.programs += o.programs;
        self.runs += o.runs;
        for i in 0..OUTCOMES.len() {
            self.outcomes[i] += o.outcomes[i];
        }
        for m in 0..MODES.len() {
            for k in 0..JIT_COUNTS.len() {
                self.jit[m][k] += o.jit[m][k];
            }
        }
    }
    fn encode(&self) -> String {
        let mut s = format!("{} {}", self.programs, self.runs);
        for x in self.outcomes.iter().chain(self.jit.iter().flatten()) {
            write!(s, " {x}").unwrap();
        }
        s
    }
    fn decode(s: &str) -> Totals {
        let v: Vec<u64> = s.split(' ').map(|x| x.parse().unwrap()).collect();
        let mut t = Totals {
            programs: v[0],
            runs: v[1],
            ..Totals::default()
        };
        t.outcomes.copy_from_slice(&v[2..2 + OUTCOMES.len()]);
        for (m, row) in t.jit.iter_mut().enumerate() {
            let at = 2 + OUTCOMES.len() + JIT_COUNTS.len() * m;
            row.copy_from_slice(&v[at..at + JIT_COUNTS.len()]);
        }
        t
    }
    fn report(&self) -> String {
        let mut s = format!("{} programs, {} runs; outcomes:", self.programs, self.runs);
        for (name, n) in OUTCOMES.iter().zip(self.outcomes) {
            write!(s, " {name} {n},").unwrap();
        }
        s.pop();
        s.push('\n');
        for (m, (name, _)) in MODES.iter().enumerate().skip(1) {
            write!(s, "  {name:>14}:").unwrap();
            for (k, n) in JIT_COUNTS.iter().zip(self.jit[m]) {
                write!(s, " {n} {k},").unwrap();
            }
            s.pop();
            s.push('\n');
        }
        s
    }
}

fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n")
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().map(|v| {
        v.trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {v:?}"))
    })
}

/// For checking that the check can fail: `REC_FUZZ_BREAK=k` makes mode k
/// drop the second line of any output of three lines or more;
/// `REC_FUZZ_BREAK=k:abort` makes it abort the process there instead (a
/// stand-in for a crash in compiled code).
fn sabotage(mode: usize, out: String) -> String {
    let Ok(spec) = std::env::var("REC_FUZZ_BREAK") else {
        return out;
    };
    let (k, how) = spec.split_once(':').unwrap_or((&spec, "drop"));
    let lines: Vec<&str> = out.lines().collect();
    if k.parse() != Ok(mode) || lines.len() < 3 {
        return out;
    }
    if how == "abort" {
        std::process::abort();
    }
    let mut s = String::new();
    for (i, l) in lines.iter().enumerate() {
        if i != 1 {
            s.push_str(l);
            s.push('\n');
        }
    }
    s
}

/// The worker: what the parent asks for in `REC_FUZZ_WORKER`, answered on
/// stdout in lines starting with `@@`.
///
/// - `batch`: programs `REC_FUZZ_START ..+ REC_FUZZ_N`, every mode; before
///   each run `@@run SEED MODE STRESS`, for each disagreement
///   `@@diff SEED MODE STRESS`, after each program `@@done COUNTS`, at the
///   end `@@end`.
/// - `one`: `REC_FUZZ_SRC` in the plain mode and in mode `REC_FUZZ_MODE`
///   (under stress if `REC_FUZZ_STRESS` is 1): `@@out MODE TEXT` each.
#[test]
#[ignore = "run by random_programs_agree_in_every_mode in child processes"]
fn worker() {
    let Ok(job) = std::env::var("REC_FUZZ_WORKER") else {
        return;
    };
    quiet_panics();
    println!();
    if job == "one" {
        let src = std::env::var("REC_FUZZ_SRC").unwrap();
        let mode = env_u64("REC_FUZZ_MODE").unwrap() as usize;
        let stress = env_u64("REC_FUZZ_STRESS") == Some(1);
        println!("@@out 0 {}", escape(&run_mode(&src, 0, false).out));
        let out = sabotage(mode, run_mode(&src, mode, stress).out);
        println!("@@out {mode} {}", escape(&out));
        return;
    }
    let start = env_u64("REC_FUZZ_START").unwrap();
    let n = env_u64("REC_FUZZ_N").unwrap();
    let stress_every = env_u64("REC_FUZZ_STRESS_EVERY")
        .unwrap_or(STRESS_EVERY)
        .max(1);
    for seed in start..start + n {
        let mut t = Totals::default();
        let prog = generate(seed);
        let src = prog.source();
        println!("@@run {seed} 0 0");
        let base = run_mode(&src, 0, false).out;
        if base.starts_with("panic") {
            // A bug in Rec, or a program Rec rejects: a generator bug.
            println!("@@diff {seed} 0 0");
        }
        t.programs += 1;
        t.runs += 1;
        t.outcomes[outcome(&base)] += 1;
        let mut runs: Vec<(usize, bool)> = (1..MODES.len()).map(|m| (m, false)).collect();
        if seed % stress_every == 0 && !prog.hot {
            runs.extend(STRESS_MODES.iter().map(|&m| (m, true)));
        }
        for (m, stress) in runs {
            println!("@@run {seed} {m} {}", stress as u8);
            let r = run_mode(&src, m, stress);
            t.runs += 1;
            if !stress {
                for (k, key) in JIT_COUNTS.iter().enumerate() {
                    t.jit[m][k] += summary_count(&r.summary, key);
                }
            }
            if sabotage(m, r.out) != base {
                println!("@@diff {seed} {m} {}", stress as u8);
            }
        }
        println!("@@done {}", t.encode());
    }
    println!("@@end");
}

// ---- the parent: children, failures, shrinking ----------------------------------------------

/// A child running `worker`; `sabotage` is passed on as `REC_FUZZ_BREAK`.
fn worker_command(vars: &[(&str, String)], sabotage: Option<&str>) -> Command {
    let mut c = Command::new(std::env::current_exe().unwrap());
    c.args([
        "worker",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    for (k, v) in vars {
        c.env(k, v);
    }
    if let Some(s) = sabotage {
        c.env("REC_FUZZ_BREAK", s);
    }
    c.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// The child's stdout lines, from the first `@@` on, over a channel; its
/// stderr collected on another thread (the last 4000 characters).
fn follow(child: &mut Child) -> (mpsc::Receiver<String>, std::thread::JoinHandle<String>) {
    let (tx, rx) = mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if let Some(at) = line.find("@@") {
                if tx.send(line[at + 2..].to_string()).is_err() {
                    break;
                }
            }
        }
    });
    let mut err = child.stderr.take().unwrap();
    let errs = std::thread::spawn(move || {
        let mut s = String::new();
        err.read_to_string(&mut s).ok();
        let cut = s.len().saturating_sub(4000);
        let cut = (cut..s.len())
            .find(|&i| s.is_char_boundary(i))
            .unwrap_or(s.len());
        s[cut..].to_string()
    });
    (rx, errs)
}

#[derive(Clone, Debug)]
enum Failed {
    /// The outputs differ (a panic in the mode is an output too).
    Differ,
    /// The child died: its status and the end of its stderr.
    Crash(String),
    /// The child printed nothing for `HANG`.
    Hang,
}

#[derive(Clone, Debug)]
struct Failure {
    seed: u64,
    mode: usize,
    stress: bool,
    failed: Failed,
}

/// Run one batch in a child. Failures, totals, and where to go on if the
/// child died before the end of the batch.
fn run_batch(start: u64, n: u64, sabotage: Option<&str>) -> (Vec<Failure>, Totals, Option<u64>) {
    let mut child = worker_command(
        &[
            ("REC_FUZZ_WORKER", "batch".into()),
            ("REC_FUZZ_START", start.to_string()),
            ("REC_FUZZ_N", n.to_string()),
        ],
        sabotage,
    )
    .spawn()
    .expect("start a worker");
    let (lines, errs) = follow(&mut child);
    let mut failures = Vec::new();
    let mut totals = Totals::default();
    let mut at = (start, 0, false);
    let mut finished = false;
    let mut hung = false;
    loop {
        match lines.recv_timeout(HANG) {
            Ok(line) => {
                let words: Vec<&str> = line.split(' ').collect();
                let num = |i: usize| words[i].parse::<u64>().unwrap();
                match words[0] {
                    "run" => at = (num(1), num(2) as usize, num(3) == 1),
                    "diff" => failures.push(Failure {
                        seed: num(1),
                        mode: num(2) as usize,
                        stress: num(3) == 1,
                        failed: Failed::Differ,
                    }),
                    "done" => totals.add(&Totals::decode(&line["done ".len()..])),
                    "end" => finished = true,
                    _ => {}
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                child.kill().ok();
                hung = true;
                break;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait().unwrap();
    let stderr = errs.join().unwrap();
    if finished && status.success() {
        return (failures, totals, None);
    }
    let failed = if hung {
        Failed::Hang
    } else {
        Failed::Crash(format!("{status}\n{stderr}"))
    };
    failures.push(Failure {
        seed: at.0,
        mode: at.1,
        stress: at.2,
        failed,
    });
    let next = at.0 + 1;
    (failures, totals, (next < start + n).then_some(next))
}

/// Run programs `start ..+ count` on `jobs` children at a time.
fn fuzz(start: u64, count: u64, jobs: usize, sabotage: Option<&str>) -> (Vec<Failure>, Totals) {
    let queue: VecDeque<(u64, u64)> = (0..count.div_ceil(BATCH))
        .map(|b| {
            let s = start + b * BATCH;
            (s, BATCH.min(start + count - s))
        })
        .collect();
    let queue = Arc::new(Mutex::new(queue));
    let results = Arc::new(Mutex::new((Vec::new(), Totals::default())));
    let threads: Vec<_> = (0..jobs)
        .map(|_| {
            let (queue, results) = (queue.clone(), results.clone());
            let sabotage = sabotage.map(String::from);
            std::thread::spawn(move || loop {
                let Some((s, n)) = queue.lock().unwrap().pop_front() else {
                    return;
                };
                let (f, t, rest) = run_batch(s, n, sabotage.as_deref());
                if let Some(r) = rest {
                    queue.lock().unwrap().push_front((r, s + n - r));
                }
                let mut res = results.lock().unwrap();
                res.0.extend(f);
                res.1.add(&t);
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let mut res = results.lock().unwrap();
    res.0.sort_by_key(|f| (f.seed, f.mode, f.stress));
    (std::mem::take(&mut res.0), res.1.clone())
}

/// What one program does in the plain mode and in one other mode, run in a
/// child.
#[derive(Debug, Clone)]
enum Verdict {
    Same,
    Differ {
        plain: String,
        out: String,
    },
    Crash {
        plain: Option<String>,
        detail: String,
    },
    Hang,
}

fn run_one(src: &str, mode: usize, stress: bool, sabotage: Option<&str>) -> Verdict {
    let mut child = worker_command(
        &[
            ("REC_FUZZ_WORKER", "one".into()),
            ("REC_FUZZ_SRC", src.into()),
            ("REC_FUZZ_MODE", mode.to_string()),
            ("REC_FUZZ_STRESS", (stress as u8).to_string()),
        ],
        sabotage,
    )
    .spawn()
    .expect("start a worker");
    let (lines, errs) = follow(&mut child);
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut outs = Vec::new();
    loop {
        match lines.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(line) => {
                if let Some(rest) = line.strip_prefix("out ") {
                    let (_, text) = rest.split_once(' ').unwrap_or((rest, ""));
                    outs.push(unescape(text));
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                child.kill().ok();
                child.wait().ok();
                return Verdict::Hang;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let status = child.wait().unwrap();
    let stderr = errs.join().unwrap();
    if outs.len() == 2 && status.success() {
        if outs[0] == outs[1] && !outs[0].starts_with("panic") {
            Verdict::Same
        } else {
            Verdict::Differ {
                plain: outs[0].clone(),
                out: outs[1].clone(),
            }
        }
    } else {
        Verdict::Crash {
            plain: outs.first().cloned(),
            detail: format!("{status}\n{stderr}"),
        }
    }
}

/// What kind of failure a verdict is; shrinking keeps the kind (a panic at
/// the same place, a crash with the same status).
fn kind(v: &Verdict) -> Option<String> {
    match v {
        Verdict::Same => None,
        Verdict::Differ { plain, out } => Some(if plain.starts_with("panic") {
            "the plain mode panics".into()
        } else if let Some(p) = out.strip_prefix("panic at ") {
            format!("panic at {}", p.split(": ").next().unwrap_or(""))
        } else {
            "different output".into()
        }),
        Verdict::Crash { detail, .. } => Some(format!("crash: {}", detail.lines().next().unwrap())),
        Verdict::Hang => Some("hang".into()),
    }
}

/// Shrink the program of a failure while it fails the same way; the report.
fn shrink(f: &Failure, sabotage: Option<&str>) -> String {
    let (name, spec) = MODES[f.mode];
    let extra = std::env::var("REC_FUZZ_EXTRA").unwrap_or_default();
    let spec = format!("{spec}{extra}");
    let stress = if f.stress {
        " under METAJIT_GC=stress"
    } else {
        ""
    };
    let mut head = format!("seed {}, mode {name} ({spec}){stress}", f.seed);
    let mut prog = generate(f.seed);
    let first = run_one(&prog.source(), f.mode, f.stress, sabotage);
    let Some(want) = kind(&first) else {
        return format!(
            "{head}: {:?} in the run, but the program alone passes:\n{}",
            f.failed,
            prog.source()
        );
    };
    let mut verdict = first;
    let mut tried = HashSet::new();
    let started = Instant::now();
    let mut tests = 0;
    'outer: loop {
        let mut progressed = false;
        for c in candidates(&prog) {
            if started.elapsed() > Duration::from_secs(120) {
                head.push_str(" (shrinking stopped after 2 minutes)");
                break 'outer;
            }
            let src = c.source();
            if !tried.insert(src.clone()) {
                continue;
            }
            tests += 1;
            let v = run_one(&src, f.mode, f.stress, sabotage);
            if kind(&v).as_ref() == Some(&want) {
                prog = c;
                verdict = v;
                progressed = true;
                break;
            }
        }
        if !progressed {
            break;
        }
    }
    let mut s = format!(
        "{head}: {want} (shrunk in {tests} runs, {:.0} s)\n--- program ---\n{}",
        started.elapsed().as_secs_f64(),
        prog.source()
    );
    match verdict {
        Verdict::Differ { plain, out } => write!(
            s,
            "--- plain output ---\n{plain}--- {name} output ---\n{out}"
        )
        .unwrap(),
        Verdict::Crash { plain, detail } => write!(
            s,
            "--- plain output ---\n{}--- {name}: the process died ---\n{detail}\n",
            plain.unwrap_or_default()
        )
        .unwrap(),
        Verdict::Hang => s.push_str("--- the run hung ---\n"),
        Verdict::Same => unreachable!(),
    }
    s
}

/// Shrink up to four failures (at most two per mode) and list all.
fn report(failures: &[Failure]) -> String {
    let mut s = format!("{} failing runs\n", failures.len());
    let mut shrunk = vec![0; MODES.len()];
    let mut seeds = BTreeSet::new();
    for f in failures {
        if shrunk[f.mode] < 2 && shrunk.iter().sum::<usize>() < 4 && seeds.insert(f.seed) {
            shrunk[f.mode] += 1;
            s.push('\n');
            s.push_str(&shrink(f, None));
        }
    }
    s.push_str("\nall failing runs (seed, mode, stress):\n");
    for f in failures {
        let what = match &f.failed {
            Failed::Differ => "differs".to_string(),
            Failed::Crash(d) => format!("crash: {}", d.lines().next().unwrap_or("")),
            Failed::Hang => "hang".into(),
        };
        writeln!(s, "  {} {} {}: {what}", f.seed, MODES[f.mode].0, f.stress).unwrap();
    }
    s
}

// ---- the tests --------------------------------------------------------------------------

#[test]
fn random_programs_agree_in_every_mode() {
    let count = env_u64("REC_FUZZ_COUNT").unwrap_or(10_000);
    let seed = env_u64("REC_FUZZ_SEED").unwrap_or(0);
    let jobs = env_u64("REC_FUZZ_JOBS").unwrap_or(2).max(1) as usize;
    let started = Instant::now();
    let (failures, totals) = fuzz(seed, count, jobs, None);
    println!(
        "seeds {seed}..{}: {}in {:.1} s",
        seed + count,
        totals.report(),
        started.elapsed().as_secs_f64()
    );
    if !failures.is_empty() {
        panic!("{}", report(&failures));
    }
}

/// The generator is deterministic, its programs compile, and together they
/// use every construct of Rec.
#[test]
fn generated_programs_use_every_construct() {
    let mut seen = HashSet::new();
    for seed in 0..300 {
        let src = generate(seed).source();
        assert_eq!(src, generate(seed).source());
        rec::compile(&src).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{src}"));
        for form in rec::read(&src).unwrap() {
            heads(&form, &mut seen);
        }
    }
    for construct in [
        "fun", "class", "global", "set", "seq", "if", "while", "+", "-", "*", "<", "==", "%",
        "print", "new", "get", "put", "send", "redefine", "gget", "gset", "raise", "try", "catch",
        "s0", "s1", "f0", "f1", "f2",
    ] {
        assert!(seen.contains(construct), "no {construct} in 300 programs");
    }
}

fn heads(e: &rec::Sx, seen: &mut HashSet<String>) {
    if let rec::Sx::List(items) = e {
        if let Some(rec::Sx::Sym(h)) = items.first() {
            seen.insert(h.clone());
        }
        items.iter().for_each(|x| heads(x, seen));
    }
}

/// The check can fail: with mode 2 broken on purpose (`REC_FUZZ_BREAK`), the
/// run finds it and shrinks a program to a few lines. Slow (it shrinks in
/// child processes); run it with `--ignored`.
#[test]
#[ignore = "slow: checks that a broken mode is found and shrunk"]
fn a_broken_mode_is_found_and_shrunk() {
    let (failures, _) = fuzz(0, 40, 2, Some("2"));
    assert!(!failures.is_empty());
    assert!(failures.iter().all(|f| f.mode == 2));
    let r = shrink(&failures[0], Some("2"));
    println!("{r}");
    let program = r.split("--- program ---\n").nth(1).unwrap();
    let program = program.split("--- plain output ---").next().unwrap();
    assert!(program.lines().count() <= 8, "{r}");
}

/// A tool: print the program of `REC_FUZZ_SEED` (or the source in the file
/// `REC_FUZZ_FILE`) and its output in every mode, with the collector in
/// stress mode if `REC_FUZZ_STRESS=1`, with `REC_FUZZ_EXTRA` (e.g.
/// `,inlining=0`) added to every mode's parameters.
#[test]
#[ignore = "a tool: REC_FUZZ_SEED=n cargo test ... show -- --ignored --nocapture"]
fn show() {
    quiet_panics();
    let src = match std::env::var("REC_FUZZ_FILE") {
        Ok(path) => std::fs::read_to_string(path).unwrap(),
        Err(_) => generate(env_u64("REC_FUZZ_SEED").unwrap_or(0)).source(),
    };
    let stress = env_u64("REC_FUZZ_STRESS") == Some(1);
    let extra = std::env::var("REC_FUZZ_EXTRA").unwrap_or_default();
    println!("{src}");
    for (name, spec) in MODES {
        let t = Instant::now();
        let r = run_spec(&src, &format!("{spec}{extra}"), stress);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        println!("--- {name} ({ms:.1} ms)\n{}", r.out);
    }
}

// ---- bugs this test found -------------------------------------------------------------

/// Found by the random run in the eager and middle modes under
/// `METAJIT_GC=stress` (first as seed 6550 of an earlier generator on an
/// earlier core; this program is seed 2003456's, shrunk, then simplified by
/// hand). When a guard fails in `f` inlined into `main`'s loop, resume runs
/// `f`'s frame to completion through a nested portal
/// (`ResumePoint::finish`, `resume.rs`) while what the outer frames hold
/// (their slots, and since virtualizable frames their virtual items: here
/// the new `C` waiting on `main`'s stack for `put`) exists only as words in
/// the `Vec` of fail arguments, which the collector does not scan. `f`
/// allocates, a collection frees the object, and `write_back` then puts the
/// stale pointer into `main`'s frame: `put` reads a garbage class (a panic
/// in Rec's dispatch here, `index out of bounds`; other programs gave wrong
/// values, an extra or a missing print, `error: Type(...)`, a segfault, or
/// that panic inside a helper called from compiled code, which cannot
/// unwind and aborts; on both backends). Every one passed with
/// `inlining=0`, and without stress; this one failed with `inline_depth=1`.
/// Fixed: `Jit::execute` keeps the words in a `RootedWords` while it
/// resumes.
#[test]
fn outer_frames_of_a_multi_frame_resume_are_rooted() {
    quiet_panics();
    let src = "(global fuel 13)
               (class C (v))
               (fun f (n)
                 (if (< n 1) (seq (new C 0) 0)
                   (if (< (gget fuel) 1) (seq (new C 0) 0)
                     (seq (gset fuel (- (gget fuel) 1)) (f (- n 2)) 0))))
               (fun main ()
                 (seq (set j 0)
                   (while (< j 12) (put (new C 0) v (f 4)) (set j (+ j 1)))
                   0))";
    for (mode, (name, _)) in MODES.iter().enumerate().take(5).skip(1) {
        let out = run_mode(src, mode, true).out;
        assert_eq!(out, "=> 0\n", "{name} under stress");
    }
}
