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
use crate::hints::{Completion, Exit, Flow, Greens, Interpreter, RedState};
use crate::ir::{Opcode, Trace, Type};
use crate::log::Log;
use crate::opt::{self, OptConfig};
use crate::params::{BackendKind, Params};
use crate::plain::{from_word, word, Plain};
use crate::portal::{self, Pending, SiteRunner};
use crate::resume::{ResumeFrame, ResumePoint, Resumed};
use crate::trace::{decode_finish, Outcome, Recorder, TraceKind};
use hashbrown::{HashMap, HashSet};
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
    /// Function-entry traces compiled.
    pub entries: u32,
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
    /// Compiled function-entry traces, by the entry's greens.
    entry_keys: HashMap<G, u32>,
    /// Invalidation flags of the loops and entries that read
    /// quasi-immutable fields, by id; an invalid one is entered no more.
    flags: HashMap<u32, crate::quasi::Flag>,
    /// The same for bridges (which stay attached: their guard fails).
    bridge_flags: Vec<crate::quasi::Flag>,
    loops: u32,
    guards: Vec<GuardRecord<G>>,
    aborts: HashMap<G, u32>,
    /// Callee entries the recorder no longer inlines (they loop, or made a
    /// trace too long): calls to them stay residual.
    not_inlinable: HashSet<G>,
    /// Residual call sites: the callee's greens, the kinds of its reds and
    /// the type of its result (`portal.rs`).
    sites: Vec<(G, Vec<Type>, Type)>,
    site_ids: HashMap<(G, Vec<Type>, Type), u32>,
    stats: Stats,
    /// The reference constants of every compiled trace.
    constants: Vec<crate::gc::TraceConstants>,
}

impl<G> State<G> {
    /// Is compiled loop or entry `id` still valid (`quasi.rs`)?
    fn is_valid(&self, id: u32) -> bool {
        self.flags.get(&id).is_none_or(|f| f.get() == 0)
    }
}

pub struct JitShared<G: Greens> {
    pub(crate) params: Params,
    /// Ticks before a back edge is hot; `u32::MAX` when the JIT is off.
    threshold: u32,
    counters: Box<[Cell<u32>]>,
    /// Calls before a function entry is hot; `u32::MAX` when the JIT is off.
    function_threshold: u32,
    /// Hot counters of function entries, apart from the loops' own.
    entry_counters: Box<[Cell<u32>]>,
    /// How many compiled loops (entries) have their greens in each cell of
    /// `counters` (`entry_counters`): such a cell is never reset by other
    /// greens that hash to it.
    loop_cells: Box<[Cell<u16>]>,
    entry_cells: Box<[Cell<u16>]>,
    request: Cell<Option<Request<G>>>,
    tracing: Cell<bool>,
    state: RefCell<State<G>>,
    backend: Box<dyn Backend>,
    opt: OptConfig,
    log: Option<Log>,
}

impl<G: Greens> JitShared<G> {
    /// The cell of the counter tables that greens `g` hash to.
    pub(crate) fn index(&self, g: G) -> usize {
        let mut h = CounterHasher(0);
        g.hash(&mut h);
        (h.0 >> (64 - COUNTER_BITS)) as usize
    }

    fn slot(&self, g: G) -> &Cell<u32> {
        &self.counters[self.index(g)]
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
        // A compiled loop whose greens share this cell must find it
        // saturated at its next tick: only a cell no loop uses starts again.
        if self.loop_cells[self.index(g)].get() == 0 {
            cell.set(0);
        }
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

    /// A call enters the function at `g`: run its compiled entry trace, or
    /// trace one when the entry is hot.
    #[inline]
    fn enter_function(&self, g: G) -> Option<Request<G>> {
        let index = self.index(g);
        let cell = &self.entry_counters[index];
        let n = cell.get().saturating_add(1);
        if n < self.function_threshold {
            cell.set(n);
            return None;
        }
        self.hot_entry(g, cell)
    }

    #[inline(never)]
    fn hot_entry(&self, g: G, cell: &Cell<u32>) -> Option<Request<G>> {
        if let Some(id) = self.entry_at(g) {
            cell.set(self.function_threshold);
            return Some(Request::Enter(id));
        }
        if self.entry_cells[self.index(g)].get() == 0 {
            cell.set(0);
        }
        let st = self.state.borrow();
        let banned = st
            .aborts
            .get(&g)
            .is_some_and(|&n| n >= self.params.max_aborts);
        if !self.params.enabled || self.tracing.get() || banned {
            return None;
        }
        Some(Request::Trace(TraceKind::Entry(g)))
    }

    /// The compiled entry trace of the function entered at `g`, if any.
    pub(crate) fn entry_at(&self, g: G) -> Option<u32> {
        let mut st = self.state.borrow_mut();
        let id = *st.entry_keys.get(&g)?;
        if st.is_valid(id) {
            return Some(id);
        }
        st.entry_keys.remove(&g);
        let cell = &self.entry_cells[self.index(g)];
        cell.set(cell.get() - 1);
        None
    }

    /// The compiled loop whose header is at `g`, if any.
    pub(crate) fn loop_at(&self, g: G) -> Option<u32> {
        let mut st = self.state.borrow_mut();
        let id = *st.loop_keys.get(&g)?;
        if st.is_valid(id) {
            return Some(id);
        }
        // Invalidated: forget it, so that the loop is traced anew.
        st.loop_keys.remove(&g);
        let cell = &self.loop_cells[self.index(g)];
        cell.set(cell.get() - 1);
        None
    }

    pub(crate) fn may_inline(&self, callee: G) -> bool {
        self.params.inlining && !self.state.borrow().not_inlinable.contains(&callee)
    }

    pub(crate) fn mark_not_inlinable(&self, callee: G) {
        self.state.borrow_mut().not_inlinable.insert(callee);
    }

    /// The residual call site for calling `callee` with reds of these kinds
    /// and a result of type `ret`.
    pub(crate) fn site(&self, callee: G, kinds: Vec<Type>, ret: Type) -> u32 {
        let mut st = self.state.borrow_mut();
        let key = (callee, kinds, ret);
        if let Some(&id) = st.site_ids.get(&key) {
            return id;
        }
        let id = st.sites.len() as u32;
        st.sites.push(key.clone());
        st.site_ids.insert(key, id);
        id
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
            "loops: {}\nentries: {}\nbridges: {}\naborts: {}\nguard failures: {}\n\
             tracing time: {:.6} s\noptimizing time: {:.6} s\nbackend time: {:.6} s\nbackend: {}\n",
            s.loops,
            s.entries,
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
            "invalidated: {}\ngc collections: {}\ngc time: {:.6} s\npeak heap: {} bytes\n",
            st.flags
                .values()
                .chain(&st.bridge_flags)
                .filter(|f| f.get() != 0)
                .count(),
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
                g.failures,
                g.resume.greens()
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
    Completed(Completion<Plain<G>>),
    Left(G, R, Option<Request<G>>),
}

/// How a run of compiled code ended, for the driver loop.
enum Executed<G: Greens, R> {
    Completed(Completion<Plain<G>>),
    Left(G, R, Option<Request<G>>),
}

/// Runs residual call sites of compiled code for interpreter `I`.
struct Runner<'a, I: Interpreter> {
    jit: &'a Jit<I::G>,
    interp: &'a I,
}

impl<I: Interpreter> Runner<'_, I> {
    /// The callee's greens, its reds and the result type the trace expects.
    fn site(&self, site: u32, args: &[u64]) -> (I::G, PlainReds<I>, Type) {
        let (greens, kinds, ret) = self.jit.shared.state.borrow().sites[site as usize].clone();
        let mut vals = kinds.iter().zip(args).map(|(&ty, &w)| from_word(ty, w));
        let reds = <I::Reds<Plain<I::G>>>::load(&mut vals).expect("site reds fit");
        (greens, reds, ret)
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
        let result = match self.jit.shared.entry_at(greens) {
            Some(id) => self
                .jit
                .run_loop(self.interp, greens, reds, Some(Request::Enter(id))),
            None => self.jit.run(self.interp, greens, reds),
        };
        Self::deliver(result, ret)
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
            function_threshold: if params.enabled {
                params.function_threshold
            } else {
                u32::MAX
            },
            entry_counters: (0..1usize << COUNTER_BITS).map(|_| Cell::new(0)).collect(),
            loop_cells: (0..1usize << COUNTER_BITS).map(|_| Cell::new(0)).collect(),
            entry_cells: (0..1usize << COUNTER_BITS).map(|_| Cell::new(0)).collect(),
            request: Cell::new(None),
            tracing: Cell::new(false),
            state: RefCell::new(State {
                positions: Vec::new(),
                position_ids: HashMap::new(),
                loop_keys: HashMap::new(),
                entry_keys: HashMap::new(),
                flags: HashMap::new(),
                bridge_flags: Vec::new(),
                loops: 0,
                guards: Vec::new(),
                aborts: HashMap::new(),
                not_inlinable: HashSet::new(),
                sites: Vec::new(),
                site_ids: HashMap::new(),
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

    /// The cell of the hot-counter table that greens `g` hash to: greens
    /// with the same cell share a counter (tests use it to make collisions).
    pub fn counter_cell(&self, g: G) -> usize {
        self.shared.index(g)
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
        mut greens: G,
        mut reds: I::Reds<Plain<G>>,
        first: Option<Request<G>>,
    ) -> Result<Completion<Plain<G>>, I::Error> {
        let mut plain = Plain {
            jit: self.shared.clone(),
        };
        let mut pending = first;
        loop {
            if pending.is_none() {
                match interp.dispatch(&mut plain, greens, &mut reds)? {
                    Exit::Return(v) => return Ok(Completion::Return(v)),
                    Exit::Raise(v) => return Ok(Completion::Raise(v)),
                    Exit::Leave(at) => greens = at,
                }
            }
            let mut next = pending.take().or_else(|| self.shared.request.take());
            loop {
                // Every way back here is a back edge or a guard's resume
                // point: a clean place to stop (`interrupt.rs`).
                if crate::interrupt::take() {
                    return Err(crate::interrupt::Interrupted.into());
                }
                let Some(request) = next else { break };
                let left = match request {
                    Request::Enter(id) => match self.execute(interp, id, &reds)? {
                        Executed::Completed(c) => return Ok(c),
                        Executed::Left(g, r, follow) => (g, r, follow),
                    },
                    Request::Trace(kind) => match self.record(interp, kind, greens, reds)? {
                        Recorded::Completed(c) => return Ok(c),
                        Recorded::Left(g, r, follow) => (g, r, follow),
                    },
                };
                (greens, reds, next) = left;
            }
        }
    }

    /// Run compiled loop `id` from the state `reds` until a guard fails, and
    /// take up the interpreter's frames from its resume point.
    fn execute<I: Interpreter<G = G>>(
        &self,
        interp: &I,
        id: u32,
        reds: &I::Reds<Plain<G>>,
    ) -> Result<Executed<G, PlainReds<I>>, I::Error> {
        let mut vals = Vec::new();
        reds.save(&mut vals);
        let inputs: Vec<u64> = vals.into_iter().map(word).collect();
        let sh = &self.shared;
        sh.phase("jit-running", true);
        let exit = {
            let runner = Runner { jit: self, interp };
            let _scope = portal::enter_runner(&runner);
            sh.backend.execute(id, &inputs)
        };
        sh.phase("jit-running", false);
        let (guard, values) = match exit {
            CodeExit::Guard { id, values } => (id, values),
            CodeExit::Finish { values } => {
                // The frame completed: `finish(code, value)`.
                let (raised, ty) = decode_finish(values[0]);
                let v = from_word(ty, values[1]);
                return Ok(Executed::Completed(if raised {
                    Completion::Raise(v)
                } else {
                    Completion::Return(v)
                }));
            }
        };
        sh.phase("jit-resume", true);
        let mut st = sh.state.borrow_mut();
        st.stats.guard_failures += 1;
        let eagerness = sh.params.trace_eagerness;
        let rec = &mut st.guards[guard as usize];
        rec.failures += 1;
        // A bridge starts from one frame at the start of an instruction.
        let wants_bridge = !rec.bridged
            && rec.failures > eagerness
            && rec.bridge_attempts < sh.params.max_aborts
            && !sh.tracing.get()
            && rec.resume.is_simple();
        let resume = rec.resume.clone();
        drop(st);
        let resumed = resume.resume(self, interp, &values);
        sh.phase("jit-resume", false);
        Ok(match resumed? {
            Resumed::At(g, r) => Executed::Left(
                g,
                r,
                wants_bridge.then_some(Request::Trace(TraceKind::Bridge(guard))),
            ),
            Resumed::Completed(c) => Executed::Completed(c),
        })
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
            Ok(Exit::Return(v)) => rec.completed(Completion::Return(*v)),
            Ok(Exit::Raise(v)) => rec.completed(Completion::Raise(*v)),
            Ok(Exit::Leave(_)) => {}
        }
        let mut rv = Vec::new();
        rreds.save(&mut rv);
        let reds = <I::Reds<Plain<G>>>::load(&mut rv.into_iter().map(Recorder::concrete))
            .expect("reds fit");
        let (trace, outcome, quasi) = rec.finish();
        sh.state.borrow_mut().stats.tracing += started.elapsed();
        sh.phase("jit-tracing", false);
        sh.tracing.set(false);
        let follow = match outcome {
            Outcome::Closed(target) => self.compile(kind, trace, target, &quasi),
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
                if penalty {
                    st.guards[guard as usize].bridge_attempts += 1;
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
        quasi: &[&'static crate::ir::FieldDescr],
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
                let mut kinds = info.fail_args.iter().map(|&a| trace.type_of(a));
                let frames = snap
                    .frames
                    .iter()
                    .map(|f| ResumeFrame {
                        greens: st.positions[f.greens as usize],
                        kinds: kinds.by_ref().take(f.slots as usize).collect(),
                        resume: f.resume,
                    })
                    .collect();
                let id = st.guards.len() as u32;
                st.guards.push(GuardRecord {
                    resume: ResumePoint { frames },
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
            format!("# {what} with {length} ops\n{}", trace.with_guard_ids())
        });

        // The flag `guard_not_invalidated` tests, if the trace read a
        // quasi-immutable field.
        let flag = (!quasi.is_empty()).then(|| {
            let flag: crate::quasi::Flag = Rc::new(Cell::new(0));
            trace.invalidation = flag.as_ptr() as usize;
            flag
        });
        sh.phase("jit-backend", true);
        let started = Instant::now();
        let result = match kind {
            TraceKind::Loop(_) | TraceKind::Entry(_) => {
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
            if let Some(flag) = &flag {
                crate::quasi::depend(flag, quasi);
            }
        }
        sh.state.borrow_mut().stats.backend += started.elapsed();
        sh.phase("jit-backend", false);
        let mut st = sh.state.borrow_mut();
        match (result, kind) {
            (Err(e), _) => {
                drop(st);
                let at = match kind {
                    TraceKind::Loop(g) | TraceKind::Entry(g) => g,
                    TraceKind::Bridge(guard) => {
                        sh.state.borrow().guards[guard as usize].resume.greens()
                    }
                };
                self.note_abort(kind, at, &format!("backend refused: {}", e.0), true);
                None
            }
            (Ok(id), TraceKind::Loop(start)) => {
                st.stats.traces.push((what, length));
                st.loops += 1;
                st.stats.loops += 1;
                if st.loop_keys.insert(start, id).is_none() {
                    let cell = &sh.loop_cells[sh.index(start)];
                    cell.set(cell.get() + 1);
                }
                // From now on the back edge enters the loop at once.
                sh.slot(start).set(sh.threshold);
                if let Some(flag) = flag {
                    st.flags.insert(id, flag);
                }
                drop(st);
                sh.log_section("jit-backend-dump", || sh.backend.listing(id));
                Some(Request::Enter(target.unwrap_or(id)))
            }
            (Ok(id), TraceKind::Entry(start)) => {
                st.stats.traces.push((what, length));
                st.loops += 1;
                st.stats.entries += 1;
                if st.entry_keys.insert(start, id).is_none() {
                    let cell = &sh.entry_cells[sh.index(start)];
                    cell.set(cell.get() + 1);
                }
                sh.entry_counters[sh.index(start)].set(sh.function_threshold);
                if let Some(flag) = flag {
                    st.flags.insert(id, flag);
                }
                drop(st);
                sh.log_section("jit-backend-dump", || sh.backend.listing(id));
                // The call that traced it has completed, or left at a loop.
                target.map(Request::Enter)
            }
            (Ok(guard), TraceKind::Bridge(_)) => {
                st.stats.traces.push((what, length));
                st.guards[guard as usize].bridged = true;
                if let Some(flag) = flag {
                    st.bridge_flags.push(flag);
                }
                st.stats.bridges += 1;
                drop(st);
                sh.log_section("jit-backend-dump", || sh.backend.bridge_listing(guard));
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
