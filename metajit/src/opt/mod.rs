//! The optimizer: a pipeline of passes over a recorded trace.
//!
//! Each pass is its own file with one entry point, `run(&Trace) -> Trace`: a
//! forward (or, for `dce`, backward) walk that copies the operations it keeps
//! into a new trace. Passes are small and independent so that each can be
//! tested alone as "this trace in, that trace out" (`tests/opt_*.rs`) and
//! switched off alone (`enable_opts`, as in RPython).
//!
//! The contract every pass keeps:
//! - the inputs, `snapshots`, `comments` and variable numbering stay as they
//!   are (a pass may leave holes in the numbering; nothing is renumbered);
//! - when a pass drops an operation because its result equals another value
//!   (a variable or a constant), every later use is rewritten to that value,
//!   guards' fail arguments included, so resume data stays correct;
//! - a guard that might fail is never dropped; one that always fails is left
//!   as it is (the trace after it is then dead, which is harmless).
//!
//! Order: `fold` (constants, algebra), `virtualize` (allocation removal:
//! objects that do not escape are not allocated), `heap` (load/store forwarding, so
//! that repeated loads become one value for the next pass), `guards` (guard removal and
//! strengthening, CSE), `fold` again when both are on (a `guard_value`
//! turns a variable into a constant, which opens new folds), `intbounds`
//! (ranges: overflow checks and comparisons they decide), then `dce`, then
//! `unroll` (peel one iteration so the loop inherits the preamble's facts,
//! and keep the virtualizable's items in registers across it, `vable.rs`;
//! `fold` and `dce` again after it). `optimize_loop` also returns a peeled
//! loop's short preamble, which the driver inlines into the traces that
//! jump to the loop (`unroll::close_at_label`).
//!
//! The rewriting machinery the passes share is `Forward`, below: a table of
//! replacements applied to operands as operations are copied, which also
//! knows what a `label` does to them.

pub mod dce;
pub mod fold;
pub mod guards;
pub mod heap;
pub mod intbounds;
pub mod unroll;
mod vable;
pub mod virtualize;

use crate::ir::{Arg, Descr, Op, OpClass, Opcode, Trace, Var};
use std::fmt;
use std::str::FromStr;

/// Which passes run (RPython's `enable_opts`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptConfig {
    pub fold: bool,
    pub virtualize: bool,
    pub heap: bool,
    pub guards: bool,
    pub intbounds: bool,
    pub dce: bool,
    pub unroll: bool,
}

impl OptConfig {
    /// The pass names `enable_opts` understands, in pipeline order.
    pub const NAMES: &'static [&'static str] = &[
        "fold",
        "virtualize",
        "heap",
        "guards",
        "intbounds",
        "dce",
        "unroll",
    ];

    /// RPython pass names `enable_opts` accepts but that do nothing yet.
    pub const NOT_YET: &'static [&'static str] = &["string", "earlyforce"];

    pub fn all() -> OptConfig {
        OptConfig {
            fold: true,
            virtualize: true,
            heap: true,
            guards: true,
            intbounds: true,
            dce: true,
            unroll: true,
        }
    }

    pub fn none() -> OptConfig {
        OptConfig {
            fold: false,
            virtualize: false,
            heap: false,
            guards: false,
            intbounds: false,
            dce: false,
            unroll: false,
        }
    }

    /// Parse RPython's `enable_opts` syntax: pass names separated by colons
    /// (`fold:guards:dce`), or `all`. The empty string enables nothing.
    /// RPython's own names are understood too: `rewrite` is `fold`, `pure`
    /// is `guards` (which does the CSE), and the passes not written yet
    /// (`NOT_YET`) are accepted and ignored, so PyPy's default string
    /// `intbounds:rewrite:virtualize:string:earlyforce:pure:heap:unroll`
    /// parses. Any other name is an error.
    pub fn parse(s: &str) -> Result<OptConfig, String> {
        let mut cfg = OptConfig::none();
        for name in s.split(':').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "all" => cfg = OptConfig::all(),
                "fold" => cfg.fold = true,
                "virtualize" => cfg.virtualize = true,
                "heap" => cfg.heap = true,
                "guards" => cfg.guards = true,
                "intbounds" => cfg.intbounds = true,
                "dce" => cfg.dce = true,
                "unroll" => cfg.unroll = true,
                // RPython's names for what these passes do.
                "rewrite" => cfg.fold = true,
                "pure" => cfg.guards = true,
                // RPython passes not written yet: accepted, so that PyPy's
                // default string works, and ignored.
                n if Self::NOT_YET.contains(&n) => {}
                _ => {
                    return Err(format!(
                        "unknown optimization `{name}` in enable_opts (known: {}, all)",
                        Self::NAMES.join(", ")
                    ))
                }
            }
        }
        Ok(cfg)
    }
}

impl Default for OptConfig {
    fn default() -> OptConfig {
        OptConfig::all()
    }
}

impl FromStr for OptConfig {
    type Err = String;
    fn from_str(s: &str) -> Result<OptConfig, String> {
        OptConfig::parse(s)
    }
}

/// Prints in `enable_opts` syntax (`fold:guards:dce`).
impl fmt::Display for OptConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let on = [
            self.fold,
            self.virtualize,
            self.heap,
            self.guards,
            self.intbounds,
            self.dce,
            self.unroll,
        ];
        let names: Vec<&str> = Self::NAMES
            .iter()
            .zip(on)
            .filter(|(_, on)| *on)
            .map(|(n, _)| *n)
            .collect();
        write!(f, "{}", names.join(":"))
    }
}

/// Run the enabled passes in order.
pub fn optimize(trace: &Trace, cfg: &OptConfig) -> Trace {
    optimize_loop(trace, cfg).0
}

/// `optimize`, and, when `unroll` peeled the trace, its short preamble
/// (`unroll::short_preamble`): how another trace that reaches this loop
/// enters it at its label.
pub fn optimize_loop(trace: &Trace, cfg: &OptConfig) -> (Trace, Option<Trace>) {
    let mut t = trace.clone();
    if cfg.fold {
        t = fold::run(&t);
    }
    if cfg.virtualize {
        t = virtualize::run(&t);
    }
    if cfg.heap {
        t = heap::run(&t);
    }
    if cfg.guards {
        t = guards::run(&t);
        if cfg.fold {
            t = fold::run(&t);
        }
    }
    if cfg.intbounds {
        t = intbounds::run(&t);
    }
    if cfg.dce {
        t = dce::run(&t);
    }
    let mut short = None;
    if cfg.unroll {
        let peeling;
        (t, peeling) = unroll::run_peeling(&t);
        // Objects carried around the loop become their fields at the label.
        if cfg.virtualize && peeling.is_some() {
            t = virtualize::run(&t);
        }
        // The copy meets constants the preamble established: fold them.
        if cfg.fold {
            t = fold::run(&t);
        }
        if cfg.dce {
            t = dce::run(&t);
        }
        short = peeling.and_then(|p| unroll::short_preamble(&t, &p));
    }
    (t, short)
}

/// Check that a trace is well formed: every variable is defined once, before
/// it is used (operands and fail arguments), guards and only guards have
/// guard info pointing at an existing snapshot, `label` operands are
/// variables, comments exist. Tests run it on every pass's output.
pub fn verify(t: &Trace) -> Result<(), String> {
    let mut defined = vec![false; t.types.len()];
    let define = |v: Var, defined: &mut Vec<bool>, what: &str| -> Result<(), String> {
        let i = v.index();
        if i >= defined.len() {
            return Err(format!("{what}: variable {} has no type", v.0));
        }
        if defined[i] {
            return Err(format!("{what}: variable {} defined twice", v.0));
        }
        defined[i] = true;
        Ok(())
    };
    for &v in &t.inputs {
        define(v, &mut defined, "inputs")?;
    }
    for (n, op) in t.ops.iter().enumerate() {
        let what = format!("op {n} ({})", op.opcode.name());
        let check = |a: &Arg, defined: &Vec<bool>| -> Result<(), String> {
            match a {
                Arg::Var(v) if !defined.get(v.index()).copied().unwrap_or(false) => Err(format!(
                    "{what}: variable {} used before it is defined",
                    v.0
                )),
                _ => Ok(()),
            }
        };
        for a in &op.args {
            check(a, &defined)?;
        }
        match (&op.guard, op.opcode.is_guard()) {
            (Some(g), true) => {
                for a in &g.fail_args {
                    check(a, &defined)?;
                }
                if g.snapshot as usize >= t.snapshots.len() {
                    return Err(format!("{what}: no snapshot {}", g.snapshot));
                }
                let objects = g.virtuals.objects.len();
                let arg_ok = |i: u32| (i as usize) < g.fail_args.len();
                let fields = g.virtuals.objects.iter().flat_map(|o| &o.slots);
                if !fields
                    .map(|f| f.1)
                    .chain(g.virtuals.refs.iter().map(|r| r.0))
                    .chain(g.virtuals.stores.iter().flat_map(|s| [s.object, s.value]))
                    .all(arg_ok)
                    || g.virtuals.refs.iter().any(|r| r.1 as usize >= objects)
                {
                    return Err(format!("{what}: virtual objects name missing values"));
                }
            }
            (None, true) => return Err(format!("{what}: guard without guard info")),
            (Some(_), false) => return Err(format!("{what}: guard info on a non-guard")),
            (None, false) => {}
        }
        if op.opcode == Opcode::Label && op.args.iter().any(|a| a.is_const()) {
            return Err(format!("{what}: label operand is a constant"));
        }
        if let Descr::Comment(c) = op.descr {
            if c as usize >= t.comments.len() {
                return Err(format!("{what}: no comment {c}"));
            }
        }
        let ty = t.result_type(op.opcode, &op.args);
        match op.res {
            Some(r) => {
                define(r, &mut defined, &what)?;
                if t.types[r.index()] != ty {
                    return Err(format!(
                        "{what}: result type {:?}, variable type {:?}",
                        ty,
                        t.types[r.index()]
                    ));
                }
            }
            None if ty != crate::ir::Type::Void => {
                return Err(format!("{what}: result is not named"))
            }
            None => {}
        }
    }
    Ok(())
}

/// Where a replacement came from: an operation that was dropped (its result
/// no longer has a definition, so the replacement must hold for all later
/// uses), or a fact learned from a guard (the variable is still defined; the
/// replacement is an improvement, and is forgotten at a `label`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Kind {
    Dropped,
    Fact,
}

/// The replacement table a pass applies to the operations it copies.
pub(crate) struct Forward {
    map: Vec<Option<(Arg, Kind)>>,
}

impl Forward {
    pub(crate) fn new(t: &Trace) -> Forward {
        Forward {
            map: vec![None; t.types.len()],
        }
    }

    /// Make room for the variables `t` has now (a pass that makes new ones).
    pub(crate) fn cover(&mut self, t: &Trace) {
        self.map.resize(t.types.len().max(self.map.len()), None);
    }

    /// The current value of an operand.
    pub(crate) fn get(&self, a: Arg) -> Arg {
        match a {
            Arg::Var(v) => match self.map.get(v.index()).copied().flatten() {
                Some((r, _)) => r,
                None => a,
            },
            c => c,
        }
    }

    /// `v`'s defining operation is dropped: later uses read `to` instead.
    pub(crate) fn replace(&mut self, v: Var, to: Arg) {
        let to = self.get(to);
        self.map[v.index()] = Some((to, Kind::Dropped));
    }

    /// A guard proved `v == to` from here on; `v` stays defined.
    pub(crate) fn assume(&mut self, v: Var, to: Arg) {
        let to = self.get(to);
        if to != Arg::Var(v) {
            self.map[v.index()] = Some((to, Kind::Fact));
        }
    }

    /// Rewrite an operation's operands and fail arguments. A `label` is
    /// handled by `label` instead.
    pub(crate) fn rewrite(&self, op: &mut Op) {
        for a in &mut op.args {
            *a = self.get(*a);
        }
        if let Some(g) = &mut op.guard {
            for a in &mut g.fail_args {
                *a = self.get(*a);
            }
        }
    }

    /// Copy a `label` into `out`. A jump back to the label gives its
    /// operands new values, so nothing learned about them before it holds
    /// after it: facts are forgotten. A label operand whose definition was
    /// dropped, and a dropped variable that was an alias of a label operand,
    /// are materialized with `same_as` just before the label (there they
    /// still hold the value they stood for), so they stay defined.
    pub(crate) fn label(&mut self, out: &mut Trace, op: &Op) {
        debug_assert_eq!(op.opcode, Opcode::Label);
        let label_vars: Vec<Var> = op.args.iter().filter_map(|a| a.as_var()).collect();
        let materialize = |v: Var, to: Arg, out: &mut Trace| {
            let mut m = Op::new(Opcode::SameAs, vec![to]);
            m.res = Some(v);
            out.ops.push(m);
        };
        for &v in &label_vars {
            if let Some((to, Kind::Dropped)) = self.map[v.index()] {
                materialize(v, to, out);
            }
            self.map[v.index()] = None;
        }
        for i in 0..self.map.len() {
            match self.map[i] {
                Some((Arg::Var(a), Kind::Dropped)) if label_vars.contains(&a) => {
                    materialize(Var(i as u32), Arg::Var(a), out);
                    self.map[i] = None;
                }
                Some((_, Kind::Fact)) => self.map[i] = None,
                _ => {}
            }
        }
        out.ops.push(op.clone());
    }
}

/// A new trace with `t`'s inputs, types, snapshots and comments, and no
/// operations yet.
pub(crate) fn empty_like(t: &Trace) -> Trace {
    Trace {
        inputs: t.inputs.clone(),
        ops: Vec::with_capacity(t.ops.len()),
        types: t.types.clone(),
        snapshots: t.snapshots.clone(),
        comments: t.comments.clone(),
        invalidation: t.invalidation,
    }
}

/// Is `op` free of side effects, so that it can be dropped when its result
/// is unused or replaced by an equal value? (`Ovf` operations are not: the
/// guard after them reads the overflow flag they set.)
pub(crate) fn is_removable(op: &Op) -> bool {
    match op.opcode.class() {
        OpClass::Pure | OpClass::Load | OpClass::Alloc => true,
        OpClass::Call => is_elidable_call(op),
        _ => false,
    }
}

/// A `call_pure_*` whose descriptor says the function is elidable.
/// A plain `call_*` whose descriptor says the result is loop-invariant.
pub(crate) fn is_loop_invariant_call(op: &Op) -> bool {
    matches!(op.opcode, Opcode::CallI | Opcode::CallR | Opcode::CallF)
        && matches!(op.descr, Descr::Call(d) if d.effects().kind == crate::ir::EffectKind::LoopInvariant)
}

pub(crate) fn is_elidable_call(op: &Op) -> bool {
    matches!(
        op.opcode,
        Opcode::CallPureI | Opcode::CallPureR | Opcode::CallPureF
    ) && matches!(op.descr, Descr::Call(d) if d.effects().kind == crate::ir::EffectKind::Elidable)
}
