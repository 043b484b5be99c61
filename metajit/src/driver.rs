//! The driver: moves the interpreter between the three modes.
//!
//! `Jit::run` is the portal: it runs the dispatch loop in the plain mode, and
//! whenever the loop leaves (`Flow::Leave`, always at a merge point or back
//! edge, so the reds are exactly the state there) it looks at what the plain
//! mode asked for:
//! - *trace*: run the same dispatch loop in the recording mode from the same
//!   greens and reds; when it closes a loop, optimize and compile the trace
//!   and enter it;
//! - *enter*: run compiled code; when a guard fails, rebuild the reds from its
//!   snapshot and carry on in the plain mode, or, once that guard has failed
//!   `trace_eagerness` times, trace a bridge from there.
//!
//! The state the modes share (hot counters, compiled code, guards, the log)
//! is `shared::JitShared`; this file is what moves between the modes.

use crate::backend::Stop;
use crate::hints::{Completion, Exit, Greens, Interpreter, RedState};
use crate::ir::{Arg, Descr, Opcode, Trace, Type};
use crate::opt;
use crate::params::Params;
use crate::plain::{from_word, word, Plain};
use crate::portal::{self, Pending, SiteRunner};
use crate::resume::{ResumeFrame, ResumePoint, Resumed, Start};
use crate::shared::{GuardRecord, JitShared, Request, Stats};
use crate::trace::{decode_finish, Outcome, Recorder, TraceKind};
use hashbrown::HashMap;
use std::rc::Rc;
use std::time::Instant;

/// One JIT for one dispatch loop (RPython's `JitDriver`).
pub struct Jit<G: Greens> {
    shared: Rc<JitShared<G>>,
}

/// An interpreter's reds in the plain mode.
type PlainReds<I> = <I as Interpreter>::Reds<Plain<<I as Interpreter>::G>>;

/// How a recording run ended, for the driver loop.
enum Recorded<G: Greens, R> {
    Completed(Completion<Plain<G>>),
    Left(G, R, Option<Request<G>>),
}

/// How a run of compiled code ended, for the driver loop.
enum Executed<G: Greens, R> {
    Completed(Completion<Plain<G>>),
    Left(G, R),
    /// A guard failed that is to get a bridge: where it starts, and the
    /// fail-argument words, which keep its references alive until the
    /// bridge's recording has taken every frame up.
    Bridge(u32, Start<G>, crate::gc::RootedWords),
}

/// Runs residual call sites of compiled code for interpreter `I`.
struct Runner<'a, I: Interpreter> {
    jit: &'a Jit<I::G>,
    interp: &'a I,
}

impl<I: Interpreter> Runner<'_, I> {
    /// The callee's greens, its reds and the result type the trace expects.
    fn site(&self, site: u32, args: &[u64]) -> (I::G, PlainReds<I>, Type) {
        // Read in place, not cloned: loading plain reds only types words.
        let st = self.jit.shared.state.borrow();
        let s = &st.sites[site as usize];
        let mut vals = s.kinds.iter().zip(args).map(|(&ty, &w)| from_word(ty, w));
        let reds = <I::Reds<Plain<I::G>>>::load(&mut vals).expect("site reds fit");
        (s.callee, reds, s.ret)
    }

    /// Hand a completion back to compiled code: a return of the expected
    /// type as its word, anything else through the pending slot.
    fn deliver(result: Result<Completion<Plain<I::G>>, I::Error>, ret: Type) -> u64 {
        match result {
            Ok(Completion::Return(v)) if value_type(v) == ret => word(v),
            Ok(c) => {
                let (raised, v) = match c {
                    Completion::Return(v) => (false, v),
                    Completion::Raise(v) => (true, v),
                };
                portal::set(Pending::Completion {
                    raised,
                    ty: value_type(v),
                    word: word(v),
                });
                0
            }
            Err(e) => {
                portal::set(Pending::Error(Box::new(e)));
                0
            }
        }
    }
}

impl<I: Interpreter> SiteRunner for Runner<'_, I> {
    fn run_site(&self, site: u32, args: &[u64]) -> u64 {
        let (greens, reds, ret) = self.site(site, args);
        Self::deliver(self.jit.run(self.interp, greens, reds), ret)
    }

    fn run_entry(&self, site: u32, args: &[u64]) -> u64 {
        let (greens, reds, ret) = self.site(site, args);
        // A function's entry trace, or the loop where the rest of a frame
        // starts (a bridge's residual call, `Recorder::take_up_caller`),
        // checked valid: entered without a second check.
        let result = match self.jit.shared.site_code(site) {
            Some(id) => self
                .jit
                .run_loop(self.interp, greens, reds, Some(Request::Enter(id))),
            None => self.jit.run(self.interp, greens, reds),
        };
        Self::deliver(result, ret)
    }
}

/// The portal's loop in the plain mode `plain`, from `greens` (after
/// `first`, a request to serve before dispatching, which whoever made it
/// has just found valid, as `may_run` would): a user-level call in
/// the plain mode runs here with its caller's mode, and only a request
/// (trace, enter compiled code) or an interrupt takes the driver's slow
/// path (`serve`), kept out of line so that this loop, run once per call,
/// stays small.
pub(crate) fn run_plain<G: Greens, I: Interpreter<G = G>>(
    plain: &mut Plain<G>,
    interp: &I,
    mut greens: G,
    mut reds: I::Reds<Plain<G>>,
    first: Option<Request<G>>,
) -> Result<Completion<Plain<G>>, I::Error> {
    let mut pending = first;
    loop {
        // Only `first` is ever pending, and whoever made it checked it.
        let checked = pending.is_some();
        if pending.is_none() {
            match interp.dispatch(plain, greens, &mut reds)? {
                Exit::Return(v) => return Ok(Completion::Return(v)),
                Exit::Raise(v) => return Ok(Completion::Raise(v)),
                Exit::Leave(at) => greens = at,
            }
        }
        let next = pending.take().or_else(|| plain.jit.request.take());
        if next.is_none() && !crate::interrupt::pending() {
            continue;
        }
        match serve(plain, interp, greens, reds, next, checked)? {
            Served::Completed(c) => return Ok(c),
            Served::Dispatch(g, r) => (greens, reds) = (g, r),
        }
    }
}

/// Where serving the requests left the plain mode's loop.
enum Served<G: Greens, R> {
    Completed(Completion<Plain<G>>),
    Dispatch(G, R),
}

/// Serve `next` and the requests it leads to (run compiled code, trace),
/// until the interpreter must dispatch from `greens` again. Each request is
/// first checked with `may_run`, but for `next` when `checked` says that
/// whoever made it just did so.
#[inline(never)]
fn serve<G: Greens, I: Interpreter<G = G>>(
    plain: &Plain<G>,
    interp: &I,
    mut greens: G,
    mut reds: I::Reds<Plain<G>>,
    mut next: Option<Request<G>>,
    mut checked: bool,
) -> Result<Served<G, PlainReds<I>>, I::Error> {
    let jit = Jit::from_shared(plain.jit.clone());
    loop {
        // Every way back here is a back edge or a guard's resume
        // point: a clean place to stop (`interrupt.rs`).
        if crate::interrupt::take() {
            return Err(crate::interrupt::Interrupted.into());
        }
        let Some(request) = next else {
            return Ok(Served::Dispatch(greens, reds));
        };
        if !std::mem::take(&mut checked) && !jit.shared.may_run(request) {
            return Ok(Served::Dispatch(greens, reds));
        }
        let left = match request {
            Request::Enter(id) => match jit.execute(interp, id, &reds)? {
                Executed::Completed(c) => return Ok(Served::Completed(c)),
                Executed::Left(g, r) => (g, r, None),
                Executed::Bridge(guard, start, _words) => {
                    match jit.record(interp, TraceKind::Bridge(guard), start)? {
                        Recorded::Completed(c) => return Ok(Served::Completed(c)),
                        Recorded::Left(g, r, follow) => (g, r, follow),
                    }
                }
            },
            Request::Trace(kind) => match jit.record(interp, kind, Start::frame(greens, &reds))? {
                Recorded::Completed(c) => return Ok(Served::Completed(c)),
                Recorded::Left(g, r, follow) => (g, r, follow),
            },
        };
        (greens, reds, next) = left;
    }
}

fn value_type<G: Greens>(v: crate::hints::Val<Plain<G>>) -> Type {
    match v {
        crate::hints::Val::Int(_) => Type::Int,
        crate::hints::Val::Ref(_) => Type::Ref,
        crate::hints::Val::Float(_) => Type::Float,
    }
}

impl<G: Greens> Jit<G> {
    pub fn new(params: Params) -> Jit<G> {
        Jit {
            shared: Rc::new(JitShared::new(params)),
        }
    }

    /// The plain mode of this JIT, for work outside a run (building the
    /// initial state of a program with the same operations the interpreter uses).
    pub fn plain(&self) -> Plain<G> {
        Plain {
            jit: self.shared.clone(),
        }
    }

    /// The cell of the hot-counter table that greens `g` hash to: greens
    /// with the same cell share a counter (tests use it to make collisions).
    pub fn counter_cell(&self, g: G) -> usize {
        self.shared.index(g)
    }

    pub fn params(&self) -> &Params {
        &self.shared.params
    }

    pub fn stats(&self) -> Stats {
        let st = self.shared.state.borrow();
        let mut stats = st.stats.clone();
        stats.invalidated = st.invalidated();
        stats.live = st.trees.len() as u32;
        stats.code_bytes = self.shared.backend.code_bytes();
        stats
    }

    /// The text `jit-summary` prints.
    pub fn summary(&self) -> String {
        self.shared.summary()
    }

    pub(crate) fn from_shared(shared: Rc<JitShared<G>>) -> Jit<G> {
        Jit { shared }
    }

    /// The portal: run the dispatch loop from `greens` with `reds` until
    /// this invocation of the user program returns or raises, tracing and
    /// running compiled code as loops get hot. User-level calls
    /// (`Mode::call_portal`) come back here.
    pub fn run<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        greens: G,
        reds: I::Reds<Plain<G>>,
    ) -> Result<Completion<Plain<G>>, I::Error> {
        let first = self.shared.enter_function(greens);
        self.run_loop(interp, greens, reds, first)
    }

    /// The portal's loop from `greens` (also how resume runs inner frames
    /// to completion): no entry counting.
    pub(crate) fn run_from<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        greens: G,
        reds: I::Reds<Plain<G>>,
    ) -> Result<Completion<Plain<G>>, I::Error> {
        self.run_loop(interp, greens, reds, None)
    }

    fn run_loop<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        greens: G,
        reds: I::Reds<Plain<G>>,
        first: Option<Request<G>>,
    ) -> Result<Completion<Plain<G>>, I::Error> {
        let mut plain = Plain {
            jit: self.shared.clone(),
        };
        run_plain(&mut plain, interp, greens, reds, first)
    }

    /// Run compiled loop `id` from the state `reds` until a guard fails, and
    /// take up the interpreter's frames from its resume point.
    fn execute<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        id: u32,
        reds: &I::Reds<Plain<G>>,
    ) -> Result<Executed<G, PlainReds<I>>, I::Error> {
        let sh = &self.shared;
        // The inputs as words and the exit's values, in buffers kept for
        // the next entry (one set per level of nested compiled code): no
        // allocation per entry.
        let (mut vals, mut inputs, mut values) =
            sh.input_buffers.borrow_mut().pop().unwrap_or_default();
        reds.save(&mut vals);
        inputs.extend(vals.drain(..).map(word));
        sh.phase("jit-running", true);
        // While the code runs, its tree and every tree it may jump into stay.
        sh.state.borrow_mut().running.push(id);
        let stop = {
            let runner = Runner { jit: self, interp };
            let _scope = portal::enter_runner(&runner);
            sh.backend.execute_into(id, &inputs, &mut values)
        };
        inputs.clear();
        sh.phase("jit-running", false);
        // What the exit needs of `values`, taken before they go back.
        let exit = match stop {
            Stop::Guard(guard) => {
                let mut st = sh.state.borrow_mut();
                st.stats.guard_failures += 1;
                // A bridge starts at the start of an instruction (in any
                // frame of an inlined call), within its tree's budget, and
                // is not grown on a tree that is gone.
                let wants_bridge = st.bridge_due(guard, &values, &sh.params) && !sh.tracing.get();
                let resume = st.guards[&guard].resume.clone();
                Ok((guard, values.clone(), resume, wants_bridge))
            }
            Stop::Finish => Err((values[0], values[1])),
        };
        sh.input_buffers.borrow_mut().push((vals, inputs, values));
        {
            let mut st = sh.state.borrow_mut();
            st.running.pop();
            if st.held_by_stack {
                st.sweep_due = true;
            }
        }
        sh.sweep();
        let (guard, values, resume, wants_bridge) = match exit {
            Ok(failed) => failed,
            Err((code, value)) => {
                // The frame completed: `finish(code, value)`.
                let (raised, ty) = decode_finish(code);
                let v = from_word(ty, value);
                return Ok(Executed::Completed(if raised {
                    Completion::Raise(v)
                } else {
                    Completion::Return(v)
                }));
            }
        };
        // Inner frames run to completion before the outer ones are taken
        // up, and may allocate: until then, the outer frames' references
        // (and virtual items) live only in these words, which must be roots.
        let mut values = crate::gc::RootedWords::new(values);
        if wants_bridge && sh.may_run(Request::Trace(TraceKind::Bridge(guard))) {
            // The bridge's recording takes the frames up; building its
            // start (objects, frames' items) is this failure's resuming.
            sh.phase("jit-resume", true);
            let start = resume.bridge_start(&mut values);
            sh.phase("jit-resume", false);
            return Ok(Executed::Bridge(guard, start, values));
        }
        sh.phase("jit-resume", true);
        let resumed = resume.resume(self, interp, &mut values);
        sh.phase("jit-resume", false);
        Ok(match resumed? {
            Resumed::At(g, r) => Executed::Left(g, r),
            Resumed::Completed(c) => Executed::Completed(c),
        })
    }

    /// Trace from `start` (one frame, or for a bridge from an inlined call,
    /// the frames of the call) in the recording mode, then compile what closed. The
    /// interpreter dispatches in the innermost frame; when a frame completes,
    /// the one waiting in its call takes the completion up, as resuming
    /// does, until the outermost frame leaves or completes.
    fn record<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        kind: TraceKind<G>,
        start: Start<G>,
    ) -> Result<Recorded<G, PlainReds<I>>, I::Error> {
        let sh = &self.shared;
        sh.tracing.set(true);
        sh.phase("jit-tracing", true);
        let started = Instant::now();
        let (mut rec, rvals) = Recorder::start(sh.clone(), kind, &start);
        let mut waiting: Vec<(G, I::Reds<Recorder<G>>)> = start
            .frames
            .iter()
            .zip(rvals)
            .map(|(f, vals)| {
                let reds = <I::Reds<Recorder<G>>>::load(&mut vals.into_iter())
                    .expect("trace inputs fit the reds");
                (f.greens, reds)
            })
            .collect();
        let (greens, mut rreds) = waiting.pop().expect("a trace starts in a frame");
        let mut result = interp.dispatch(&mut rec, greens, &mut rreds);
        // The frames waiting in calls, innermost first.
        while let Some((at, mut reds)) = waiting.pop() {
            let Ok(inner) = result else {
                break;
            };
            result = rec.take_up_caller(interp, at, &mut reds, inner, &rreds);
            rreds = reds;
        }
        match &result {
            Err(_) => rec.abort("the user program raised an error"),
            Ok(Exit::Return(v)) => rec.completed(Completion::Return(*v)),
            Ok(Exit::Raise(v)) => rec.completed(Completion::Raise(*v)),
            Ok(Exit::Leave(_)) => {}
        }
        let mut rv = Vec::new();
        rreds.save(&mut rv);
        let reds = <I::Reds<Plain<G>>>::load(&mut rv.into_iter().map(Recorder::concrete))
            .expect("reds fit");
        let (trace, outcome, flag) = rec.finish();
        sh.state.borrow_mut().stats.tracing += started.elapsed();
        sh.phase("jit-tracing", false);
        sh.tracing.set(false);
        let follow = match outcome {
            Outcome::Closed(_) if flag.as_ref().is_some_and(|f| f.get() != 0) => {
                let reason = "a quasi-immutable field it read changed while it was recorded";
                self.note_abort(kind, greens, reason, true);
                None
            }
            Outcome::Closed(target) => self.compile(kind, trace, target, flag),
            // An interrupt is not the loop's fault: no penalty.
            Outcome::Aborted(_) if crate::interrupt::pending() => None,
            Outcome::Aborted(reason) => {
                self.note_abort(kind, greens, &reason, true);
                None
            }
            Outcome::Retry(reason) => {
                self.note_abort(kind, greens, &reason, false);
                None
            }
            Outcome::Open => unreachable!("finish() never reports an open trace"),
        };
        // What recording retired (or compiling replaced) may be freed now.
        sh.sweep();
        match result? {
            Exit::Return(v) => Ok(Recorded::Completed(Completion::Return(Recorder::concrete(
                v,
            )))),
            Exit::Raise(v) => Ok(Recorded::Completed(Completion::Raise(Recorder::concrete(
                v,
            )))),
            Exit::Leave(at) => Ok(Recorded::Left(at, reds, follow)),
        }
    }

    /// Log an abort; with `penalty`, count it towards `max_aborts` at that
    /// position (a trace that may succeed next time, because what stopped it
    /// has changed the recorder's choices, has none).
    fn note_abort(&self, kind: TraceKind<G>, at: G, reason: &str, penalty: bool) {
        let sh = &self.shared;
        let mut st = sh.state.borrow_mut();
        st.stats.aborts += 1;
        let what = match kind {
            TraceKind::Loop(start) => {
                if penalty {
                    *st.aborts.entry(start).or_insert(0) += 1;
                }
                format!("loop at {start:?}")
            }
            TraceKind::Bridge(guard) => {
                if let Some(g) = st.guards.get_mut(&guard).filter(|_| penalty) {
                    g.bridge_attempts += 1;
                }
                format!("bridge from guard {guard}")
            }
            TraceKind::Entry(start) => {
                if penalty {
                    *st.aborts.entry(start).or_insert(0) += 1;
                }
                format!("entry of {start:?}")
            }
        };
        let line = format!("{what}: {reason} (near {at:?})");
        st.stats.abort_reasons.push(line.clone());
        drop(st);
        sh.log_section("jit-abort", || line);
    }

    /// Optimize and compile a closed trace; the request that enters it.
    fn compile(
        &self,
        kind: TraceKind<G>,
        mut trace: Trace,
        target: Option<u32>,
        flag: Option<crate::quasi::Flag>,
    ) -> Option<Request<G>> {
        let sh = &self.shared;
        // The recorder's constants are gone with it: keep the trace's alive
        // while it is optimized (a folded elidable call may allocate).
        let _recorded = crate::gc::add_trace_constants(&trace);
        let what = match kind {
            TraceKind::Loop(start) => format!("Loop {} ({start:?})", sh.state.borrow().loops),
            TraceKind::Bridge(guard) => format!("Bridge out of guard {guard}"),
            TraceKind::Entry(start) => format!("Entry {} ({start:?})", sh.state.borrow().loops),
        };
        sh.log_section("jit-log-noopt", || {
            format!("# {what} with {} ops\n{trace}", count_real_ops(&trace))
        });

        // The tree the trace joins: a bridge's is its guard's (gone if the
        // guard's tree was freed while the bridge was recorded).
        let tree = match kind {
            TraceKind::Loop(_) | TraceKind::Entry(_) => sh.state.borrow().loops,
            TraceKind::Bridge(guard) => match sh.state.borrow().guards.get(&guard) {
                Some(rec) => rec.tree,
                None => return None,
            },
        };
        sh.phase("jit-optimize", true);
        let started = Instant::now();
        // A trace that reaches a peeled loop enters it at its label, after
        // the loop's short preamble, which the optimizer then trims to what
        // this trace does not know yet.
        if let Some(closed) = self.enter_at_label(&trace) {
            trace = closed;
        }
        let short;
        (trace, short) = opt::optimize_loop(&trace, &sh.opt);
        // Guards get their global ids and resume points, whose frames are
        // shared as the trace's snapshots share them: one record per
        // snapshot (and per caller's frame), for the same kinds of values.
        let guards = {
            let mut st = sh.state.borrow_mut();
            let mut guards = Vec::new();
            let mut made: HashMap<(u32, usize, Vec<Type>), Rc<ResumeFrame<G>>> = HashMap::new();
            for i in 0..trace.ops.len() {
                let Some(info) = &trace.ops[i].guard else {
                    continue;
                };
                let mut kinds = info.fail_args.iter().map(|&a| trace.type_of(a));
                let mut chain = Vec::new();
                let mut at = Some(info.snapshot);
                while let Some(snap) = at.and_then(|i| Some((i, trace.snapshots.get(i as usize)?)))
                {
                    chain.push((snap.0, &snap.1.frame));
                    at = snap.1.caller.filter(|&c| c < snap.0);
                }
                let mut innermost: Option<Rc<ResumeFrame<G>>> = None;
                for &(index, f) in chain.iter().rev() {
                    let frame_kinds: Vec<Type> = kinds.by_ref().take(f.width()).collect();
                    let caller = innermost.take();
                    let key = (
                        index,
                        caller.as_ref().map_or(0, |c| Rc::as_ptr(c) as usize),
                        frame_kinds,
                    );
                    let frame = match made.get(&key) {
                        Some(shared) => shared.clone(),
                        None => {
                            let frame = Rc::new(ResumeFrame {
                                greens: st.positions[f.greens as usize],
                                kinds: key.2.clone(),
                                slots: f.slots as usize,
                                resume: f.resume,
                                virtuals: f.virtuals.clone(),
                                caller,
                            });
                            made.insert(key, frame.clone());
                            st.stats.resume_frames += 1;
                            frame
                        }
                    };
                    innermost = Some(frame);
                }
                st.stats.guard_frames += chain.len() as u64;
                let innermost = innermost.expect("the recorder gives every guard a snapshot");
                // A `guard_value` in a bridge out of a `guard_value` at the
                // same instruction is the next link of a chain.
                let value_chain = (trace.ops[i].opcode == Opcode::GuardValue).then(|| {
                    let parent = match kind {
                        TraceKind::Bridge(guard) => st.guards.get(&guard),
                        _ => None,
                    };
                    parent
                        .filter(|p| p.resume.greens() == innermost.greens)
                        .and_then(|p| p.value_chain)
                        .map_or(0, |n| n + 1)
                });
                let id = st.next_guard;
                st.next_guard += 1;
                st.guards.insert(
                    id,
                    GuardRecord {
                        tree,
                        resume: ResumePoint {
                            innermost,
                            virtuals: (!info.virtuals.is_empty())
                                .then(|| Rc::new(info.virtuals.clone())),
                        },
                        failures: 0,
                        bridge_attempts: 0,
                        bridged: false,
                        checked_arg: checked_arg(&trace.ops[i]),
                        value_chain,
                        value_failures: Default::default(),
                    },
                );
                guards.push(id);
                trace.ops[i].guard.as_mut().unwrap().id = id;
            }
            st.stats.optimizing += started.elapsed();
            guards
        };
        sh.phase("jit-optimize", false);
        let length = count_real_ops(&trace);
        sh.log_section("jit-log-opt", || {
            format!("# {what} with {length} ops\n{}", trace.with_guard_ids())
        });

        // The flag `guard_not_invalidated` tests, if the trace read a
        // quasi-immutable field.
        if let Some(flag) = &flag {
            trace.invalidation = flag.as_ptr() as usize;
        }
        sh.phase("jit-backend", true);
        let started = Instant::now();
        let result = match kind {
            TraceKind::Loop(_) | TraceKind::Entry(_) => {
                sh.backend.compile_loop(tree, &trace).map(|()| tree)
            }
            TraceKind::Bridge(guard) => sh.backend.compile_bridge(guard, &trace).map(|()| guard),
        };
        let mut borrowed = sh.state.borrow_mut();
        let st = &mut *borrowed;
        st.stats.backend += started.elapsed();
        sh.phase("jit-backend", false);
        if let Err(e) = result {
            for g in &guards {
                st.guards.remove(g);
            }
            drop(borrowed);
            let at = match kind {
                TraceKind::Loop(g) | TraceKind::Entry(g) => g,
                TraceKind::Bridge(guard) => sh.state.borrow().guards[&guard].resume.greens(),
            };
            self.note_abort(kind, at, &format!("backend refused: {}", e.0), true);
            return None;
        }
        st.stats.traces.push((what, length));
        // The code may embed object addresses: keep them alive as long as
        // the code, which lives as long as its tree.
        let constants = crate::gc::add_trace_constants(&trace);
        // The loops it jumps to, at their start or their label: reachable
        // while this tree is.
        let targets = trace
            .ops
            .iter()
            .filter_map(|op| match (op.opcode, op.descr) {
                (Opcode::Jump, Descr::Loop(n) | Descr::Label(n)) if n != tree => Some(n),
                _ => None,
            });
        let t = st.trees.entry(tree).or_default();
        t.guards.extend(guards);
        t.targets.extend(targets);
        t.constants.push(constants);
        match kind {
            TraceKind::Loop(start) => {
                t.flag = flag;
                st.loops += 1;
                st.stats.loops += 1;
                st.table_changes += 1;
                match st.loop_keys.insert(start, tree) {
                    Some(old) => st.retire(old),
                    None => {
                        let cell = &sh.loop_cells[sh.index(start)];
                        cell.set(cell.get() + 1);
                    }
                }
                if let Some(short) = short {
                    st.short_preambles.insert(tree, short);
                }
                // From now on the back edge enters the loop at once.
                sh.slot(start).set(sh.threshold);
                drop(borrowed);
                sh.log_section("jit-backend-dump", || sh.backend.listing(tree));
                Some(Request::Enter(target.unwrap_or(tree)))
            }
            TraceKind::Entry(start) => {
                t.flag = flag;
                st.loops += 1;
                st.stats.entries += 1;
                st.table_changes += 1;
                match st.entry_keys.insert(start, tree) {
                    Some(old) => st.retire(old),
                    None => {
                        let cell = &sh.entry_cells[sh.index(start)];
                        cell.set(cell.get() + 1);
                    }
                }
                sh.entry_counters[sh.index(start)].set(sh.function_threshold);
                drop(borrowed);
                sh.log_section("jit-backend-dump", || sh.backend.listing(tree));
                // The call that traced it has completed, or left at a loop.
                target.map(Request::Enter)
            }
            TraceKind::Bridge(guard) => {
                t.bridge_flags.extend(flag);
                t.bridges += 1;
                if t.bridges == sh.params.max_bridges {
                    st.stats.bridge_budgets_spent += 1;
                }
                st.guards
                    .get_mut(&guard)
                    .expect("the bridged guard")
                    .bridged = true;
                st.stats.bridges += 1;
                drop(borrowed);
                sh.log_section("jit-backend-dump", || sh.backend.bridge_listing(guard));
                target.map(Request::Enter)
            }
        }
    }

    /// `trace`, which jumps to the start of a compiled loop, closed at that
    /// loop's label instead, when the loop has a short preamble.
    fn enter_at_label(&self, trace: &Trace) -> Option<Trace> {
        let last = trace.ops.last()?;
        let Descr::Loop(target) = last.descr else {
            return None;
        };
        let st = self.shared.state.borrow();
        let short = st.short_preambles.get(&target)?;
        opt::unroll::close_at_label(trace, target, short)
    }
}

/// Where a `guard_value`'s checked value stands among its fail arguments,
/// if it does (a constant or a value no frame holds is not there).
fn checked_arg(op: &crate::ir::Op) -> Option<usize> {
    let info = op.guard.as_ref()?;
    let checked = match op.opcode {
        Opcode::GuardValue => op.args.first().filter(|a| matches!(a, Arg::Var(_)))?,
        _ => return None,
    };
    info.fail_args.iter().position(|a| a == checked)
}

/// Operations that do work (not `debug_merge_point`).
fn count_real_ops(t: &Trace) -> usize {
    t.ops
        .iter()
        .filter(|op| op.opcode != Opcode::DebugMergePoint)
        .count()
}
