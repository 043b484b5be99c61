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
//! `JitShared` is the state the modes share through an `Rc`: the hot counters
//! (a fixed table of cells indexed by a hash of the greens, so a tick is a
//! hash, a load, a compare and a store), the compiled loops and guards, the
//! backend, the log and the statistics. The modes hold an `Rc` rather than a
//! borrow so they carry no lifetime, and an interpreter can run nested
//! portals (a helper that calls back into user code) from either mode.

use crate::backend::{interp::IrInterp, Backend, Exit as CodeExit};
use crate::hints::{Exit, Flow, Greens, Interpreter, RedState, Val};
use crate::ir::{Opcode, Trace};
use crate::log::Log;
use crate::opt::{self, OptConfig};
use crate::params::{BackendKind, Params};
use crate::plain::{word, Plain};
use crate::resume::ResumePoint;
use crate::trace::{Outcome, Recorder, TraceKind};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::hash::Hasher;
use std::rc::Rc;
use std::time::{Duration, Instant};

const COUNTER_BITS: u32 = 12;

/// What the plain mode asked the driver for when it left the dispatch loop.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Request<G> {
    Enter(u32),
    Trace(TraceKind<G>),
}

/// A small multiplicative hasher for the counter table: greens are a few
/// integers or pointers, and a tick must be cheap.
struct CounterHasher(u64);

impl Hasher for CounterHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64)
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64)
    }
}

/// Counts for `jit-summary`.
#[derive(Default, Debug, Clone)]
pub struct Stats {
    pub loops: u32,
    pub bridges: u32,
    pub aborts: u32,
    pub guard_failures: u64,
    pub tracing: Duration,
    pub optimizing: Duration,
    pub backend: Duration,
    pub abort_reasons: Vec<String>,
    /// Every compiled trace: what it is and its operations after optimization.
    pub traces: Vec<(String, usize)>,
}

struct GuardRecord<G> {
    resume: ResumePoint<G>,
    failures: u32,
    bridge_attempts: u32,
    bridged: bool,
}

struct State<G> {
    positions: Vec<G>,
    position_ids: HashMap<G, u32>,
    loop_keys: HashMap<G, u32>,
    loops: u32,
    guards: Vec<GuardRecord<G>>,
    aborts: HashMap<G, u32>,
    stats: Stats,
    /// The reference constants of every compiled trace.
    constants: Vec<crate::gc::TraceConstants>,
}

pub struct JitShared<G: Greens> {
    pub(crate) params: Params,
    /// Ticks before a back edge is hot; `u32::MAX` when the JIT is off.
    threshold: u32,
    counters: Box<[Cell<u32>]>,
    request: Cell<Option<Request<G>>>,
    tracing: Cell<bool>,
    state: RefCell<State<G>>,
    backend: Box<dyn Backend>,
    opt: OptConfig,
    log: Option<Log>,
}

impl<G: Greens> JitShared<G> {
    fn slot(&self, g: G) -> &Cell<u32> {
        let mut h = CounterHasher(0);
        g.hash(&mut h);
        let index = (h.0 >> (64 - COUNTER_BITS)) as usize;
        &self.counters[index]
    }

    /// One back-edge tick of the plain mode.
    #[inline(always)]
    pub(crate) fn tick(&self, g: G) -> Flow {
        if crate::interrupt::pending() {
            // Leave with no request: `Jit::run` sees the flag.
            return Flow::Leave;
        }
        let cell = self.slot(g);
        let n = cell.get().saturating_add(1);
        if n < self.threshold {
            cell.set(n);
            Flow::Continue
        } else {
            self.hot(g)
        }
    }

    #[inline(never)]
    fn hot(&self, g: G) -> Flow {
        let cell = self.slot(g);
        if !self.params.enabled {
            // The counter saturated at the "never" threshold: start again.
            cell.set(0);
            return Flow::Continue;
        }
        if let Some(id) = self.loop_at(g) {
            cell.set(self.threshold);
            self.request.set(Some(Request::Enter(id)));
            return Flow::Leave;
        }
        cell.set(0);
        let banned = self
            .state
            .borrow()
            .aborts
            .get(&g)
            .is_some_and(|&n| n >= self.params.max_aborts);
        if self.tracing.get() || banned {
            return Flow::Continue;
        }
        self.request.set(Some(Request::Trace(TraceKind::Loop(g))));
        Flow::Leave
    }

    /// The compiled loop whose header is at `g`, if any.
    pub(crate) fn loop_at(&self, g: G) -> Option<u32> {
        self.state.borrow().loop_keys.get(&g).copied()
    }

    /// A small number standing for the position `g` in snapshots.
    pub(crate) fn position_id(&self, g: G) -> u32 {
        let mut st = self.state.borrow_mut();
        if let Some(&id) = st.position_ids.get(&g) {
            return id;
        }
        let id = st.positions.len() as u32;
        st.positions.push(g);
        st.position_ids.insert(g, id);
        id
    }

    fn log_section(&self, name: &str, body: impl FnOnce() -> String) {
        if let Some(log) = &self.log {
            if log.enabled(name) {
                log.section(name, &body());
            }
        }
    }

    fn phase(&self, name: &str, begin: bool) {
        if let Some(log) = &self.log {
            if begin {
                log.begin(name)
            } else {
                log.end(name)
            }
        }
    }

    fn summary(&self) -> String {
        let st = self.state.borrow();
        let s = &st.stats;
        let mut out = format!(
            "loops: {}\nbridges: {}\naborts: {}\nguard failures: {}\n\
             tracing time: {:.6} s\noptimizing time: {:.6} s\nbackend time: {:.6} s\nbackend: {}\n",
            s.loops,
            s.bridges,
            s.aborts,
            s.guard_failures,
            s.tracing.as_secs_f64(),
            s.optimizing.as_secs_f64(),
            s.backend.as_secs_f64(),
            self.backend.name(),
        );
        let gc = crate::gc::stats();
        out.push_str(&format!(
            "gc collections: {}\ngc time: {:.6} s\npeak heap: {} bytes\n",
            gc.collections,
            gc.time.as_secs_f64(),
            gc.peak_heap_bytes
        ));
        for (what, ops) in &s.traces {
            out.push_str(&format!("trace: {what}: {ops} ops\n"));
        }
        for (id, g) in st.guards.iter().enumerate().filter(|(_, g)| g.failures > 0) {
            let bridged = if g.bridged { ", bridged" } else { "" };
            let plural = if g.failures == 1 { "" } else { "s" };
            out.push_str(&format!(
                "guard {id}: {} failure{plural}{bridged} ({:?})\n",
                g.failures, g.resume.greens
            ));
        }
        for reason in &s.abort_reasons {
            out.push_str(&format!("abort: {reason}\n"));
        }
        out
    }
}

impl<G: Greens> Drop for JitShared<G> {
    fn drop(&mut self) {
        self.log_section("jit-summary", || self.summary());
        if let Some(log) = &self.log {
            log.flush();
        }
    }
}

/// One JIT for one dispatch loop (RPython's `JitDriver`).
pub struct Jit<G: Greens> {
    shared: Rc<JitShared<G>>,
}

/// An interpreter's reds in the plain mode.
type PlainReds<I> = <I as Interpreter>::Reds<Plain<<I as Interpreter>::G>>;

/// How a recording run ended, for the driver loop.
enum Recorded<G: Greens, R> {
    Returned(Val<Plain<G>>),
    Left(G, R, Option<Request<G>>),
}

impl<G: Greens> Jit<G> {
    pub fn new(params: Params) -> Jit<G> {
        let backend: Box<dyn Backend> = match params.backend {
            BackendKind::Interp => Box::new(IrInterp::new()),
            #[cfg(target_arch = "x86_64")]
            BackendKind::X64 => Box::new(crate::backend::x64::X64Backend::new()),
            #[cfg(not(target_arch = "x86_64"))]
            BackendKind::X64 => Box::new(IrInterp::new()),
        };
        let threshold = if params.enabled {
            params.threshold
        } else {
            u32::MAX
        };
        let shared = JitShared {
            threshold,
            counters: (0..1usize << COUNTER_BITS).map(|_| Cell::new(0)).collect(),
            request: Cell::new(None),
            tracing: Cell::new(false),
            state: RefCell::new(State {
                positions: Vec::new(),
                position_ids: HashMap::new(),
                loop_keys: HashMap::new(),
                loops: 0,
                guards: Vec::new(),
                aborts: HashMap::new(),
                stats: Stats::default(),
                constants: Vec::new(),
            }),
            backend,
            opt: OptConfig::parse(&params.enable_opts).unwrap_or_else(|_| OptConfig::all()),
            log: Log::from_env(),
            params,
        };
        Jit {
            shared: Rc::new(shared),
        }
    }

    /// The plain mode of this JIT, for work outside a run (building the
    /// initial state of a program with the same operations the interpreter uses).
    pub fn plain(&self) -> Plain<G> {
        Plain {
            jit: self.shared.clone(),
        }
    }

    pub fn params(&self) -> &Params {
        &self.shared.params
    }

    pub fn stats(&self) -> Stats {
        self.shared.state.borrow().stats.clone()
    }

    /// The text `jit-summary` prints.
    pub fn summary(&self) -> String {
        self.shared.summary()
    }

    /// Run the dispatch loop from `greens` with `reds` until the user program
    /// returns, tracing and running compiled code as loops get hot.
    pub fn run<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        mut greens: G,
        mut reds: I::Reds<Plain<G>>,
    ) -> Result<Val<Plain<G>>, I::Error> {
        let mut plain = Plain {
            jit: self.shared.clone(),
        };
        loop {
            match interp.dispatch(&mut plain, greens, &mut reds)? {
                Exit::Return(v) => return Ok(v),
                Exit::Leave(at) => greens = at,
            }
            let mut next = self.shared.request.take();
            loop {
                // Every way back here is a back edge or a guard's resume
                // point: a clean place to stop (`interrupt.rs`).
                if crate::interrupt::take() {
                    return Err(crate::interrupt::Interrupted.into());
                }
                let Some(request) = next else { break };
                next = match request {
                    Request::Enter(id) => {
                        let (g, r, follow) = self.execute::<I::Reds<Plain<G>>>(id, &reds);
                        greens = g;
                        reds = r;
                        follow
                    }
                    Request::Trace(kind) => match self.record(interp, kind, greens, reds)? {
                        Recorded::Returned(v) => return Ok(v),
                        Recorded::Left(g, r, follow) => {
                            greens = g;
                            reds = r;
                            follow
                        }
                    },
                };
            }
        }
    }

    /// Run compiled loop `id` from the state `reds` until a guard fails.
    fn execute<R: RedState<Plain<G>>>(&self, id: u32, reds: &R) -> (G, R, Option<Request<G>>) {
        let mut vals = Vec::new();
        reds.save(&mut vals);
        let inputs: Vec<u64> = vals.into_iter().map(word).collect();
        let sh = &self.shared;
        sh.phase("jit-running", true);
        let exit = sh.backend.execute(id, &inputs);
        sh.phase("jit-running", false);
        let CodeExit::Guard { id: guard, values } = exit else {
            panic!("loop {id} finished, but loops only leave through guards");
        };
        sh.phase("jit-resume", true);
        let mut st = sh.state.borrow_mut();
        st.stats.guard_failures += 1;
        let eagerness = sh.params.trace_eagerness;
        let rec = &mut st.guards[guard as usize];
        rec.failures += 1;
        let wants_bridge = !rec.bridged
            && rec.failures > eagerness
            && rec.bridge_attempts < sh.params.max_aborts
            && !sh.tracing.get();
        let greens = rec.resume.greens;
        let reds = rec.resume.rebuild::<R>(&values);
        drop(st);
        sh.phase("jit-resume", false);
        (
            greens,
            reds,
            wants_bridge.then_some(Request::Trace(TraceKind::Bridge(guard))),
        )
    }

    /// Trace from `greens` in the recording mode, then compile what closed.
    fn record<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        kind: TraceKind<G>,
        greens: G,
        reds: I::Reds<Plain<G>>,
    ) -> Result<Recorded<G, PlainReds<I>>, I::Error> {
        let sh = &self.shared;
        sh.tracing.set(true);
        sh.phase("jit-tracing", true);
        let started = Instant::now();
        let mut vals = Vec::new();
        reds.save(&mut vals);
        let (mut rec, rvals) = Recorder::start(sh.clone(), kind, &vals);
        let mut rreds = <I::Reds<Recorder<G>>>::load(&mut rvals.into_iter())
            .expect("trace inputs fit the reds");
        let result = interp.dispatch(&mut rec, greens, &mut rreds);
        match &result {
            Err(_) => rec.abort("the user program raised an error"),
            Ok(Exit::Return(_)) => rec.abort("the user program returned"),
            Ok(Exit::Leave(_)) => {}
        }
        let mut rv = Vec::new();
        rreds.save(&mut rv);
        let reds = <I::Reds<Plain<G>>>::load(&mut rv.into_iter().map(Recorder::concrete))
            .expect("reds fit");
        let (trace, outcome) = rec.finish();
        sh.state.borrow_mut().stats.tracing += started.elapsed();
        sh.phase("jit-tracing", false);
        sh.tracing.set(false);
        let follow = match outcome {
            Outcome::Closed(target) => self.compile(kind, trace, target),
            // An interrupt is not the loop's fault: no penalty.
            Outcome::Aborted(_) if crate::interrupt::pending() => None,
            Outcome::Aborted(reason) => {
                self.note_abort(kind, greens, &reason);
                None
            }
            Outcome::Open => unreachable!("finish() never reports an open trace"),
        };
        match result? {
            Exit::Return(v) => Ok(Recorded::Returned(Recorder::concrete(v))),
            Exit::Leave(at) => Ok(Recorded::Left(at, reds, follow)),
        }
    }

    fn note_abort(&self, kind: TraceKind<G>, at: G, reason: &str) {
        let sh = &self.shared;
        let mut st = sh.state.borrow_mut();
        st.stats.aborts += 1;
        let what = match kind {
            TraceKind::Loop(start) => {
                *st.aborts.entry(start).or_insert(0) += 1;
                format!("loop at {start:?}")
            }
            TraceKind::Bridge(guard) => {
                st.guards[guard as usize].bridge_attempts += 1;
                format!("bridge from guard {guard}")
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
    ) -> Option<Request<G>> {
        let sh = &self.shared;
        // The recorder's constants are gone with it: keep the trace's alive
        // while it is optimized (a folded elidable call may allocate).
        let _recorded = crate::gc::add_trace_constants(&trace);
        let what = match kind {
            TraceKind::Loop(start) => format!("Loop {} ({start:?})", sh.state.borrow().loops),
            TraceKind::Bridge(guard) => format!("Bridge out of guard {guard}"),
        };
        sh.log_section("jit-log-noopt", || {
            format!("# {what} with {} ops\n{trace}", count_real_ops(&trace))
        });

        sh.phase("jit-optimize", true);
        let started = Instant::now();
        trace = opt::optimize(&trace, &sh.opt);
        // Guards get their global ids and resume points.
        {
            let mut st = sh.state.borrow_mut();
            for i in 0..trace.ops.len() {
                let Some(info) = &trace.ops[i].guard else {
                    continue;
                };
                let snap = &trace.snapshots[info.snapshot as usize];
                let greens = st.positions[snap.frames[0].greens as usize];
                let kinds = info.fail_args.iter().map(|&a| trace.type_of(a)).collect();
                let id = st.guards.len() as u32;
                st.guards.push(GuardRecord {
                    resume: ResumePoint { greens, kinds },
                    failures: 0,
                    bridge_attempts: 0,
                    bridged: false,
                });
                trace.ops[i].guard.as_mut().unwrap().id = id;
            }
            st.stats.optimizing += started.elapsed();
        }
        sh.phase("jit-optimize", false);
        let length = count_real_ops(&trace);
        sh.log_section("jit-log-opt", || {
            format!("# {what} with {length} ops\n{trace}")
        });

        sh.phase("jit-backend", true);
        let started = Instant::now();
        let result = match kind {
            TraceKind::Loop(_) => {
                let id = sh.state.borrow().loops;
                sh.backend.compile_loop(id, &trace).map(|()| id)
            }
            TraceKind::Bridge(guard) => sh.backend.compile_bridge(guard, &trace).map(|()| guard),
        };
        if result.is_ok() {
            // The code may embed object addresses: keep them alive as long
            // as the code (loops are never freed yet).
            let constants = crate::gc::add_trace_constants(&trace);
            sh.state.borrow_mut().constants.push(constants);
        }
        sh.state.borrow_mut().stats.backend += started.elapsed();
        sh.phase("jit-backend", false);
        let mut st = sh.state.borrow_mut();
        match (result, kind) {
            (Err(e), _) => {
                drop(st);
                let at = match kind {
                    TraceKind::Loop(g) => g,
                    TraceKind::Bridge(guard) => {
                        sh.state.borrow().guards[guard as usize].resume.greens
                    }
                };
                self.note_abort(kind, at, &format!("backend refused: {}", e.0));
                None
            }
            (Ok(id), TraceKind::Loop(start)) => {
                st.stats.traces.push((what, length));
                st.loops += 1;
                st.stats.loops += 1;
                st.loop_keys.insert(start, id);
                drop(st);
                sh.log_section("jit-backend-dump", || sh.backend.listing(id));
                Some(Request::Enter(target.unwrap_or(id)))
            }
            (Ok(guard), TraceKind::Bridge(_)) => {
                st.stats.traces.push((what, length));
                st.guards[guard as usize].bridged = true;
                st.stats.bridges += 1;
                target.map(Request::Enter)
            }
        }
    }
}

/// Operations that do work (not `debug_merge_point`).
fn count_real_ops(t: &Trace) -> usize {
    t.ops
        .iter()
        .filter(|op| op.opcode != Opcode::DebugMergePoint)
        .count()
}
