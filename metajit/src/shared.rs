//! The state the modes share through an `Rc`: the hot counters (a fixed
//! table of cells indexed by a hash of the greens, so a tick is a hash, a
//! load, a compare and a store), the compiled loops, entries and guards,
//! residual call sites, the backend, the log and the statistics. The plain
//! mode ticks its counters, the recorder asks it about positions, loops and
//! call sites, resuming reads its guards, and the driver (`driver.rs`)
//! fills it as it compiles. Holding it through an `Rc` rather than a borrow
//! lets the modes carry no lifetime, and an interpreter run nested portals
//! (a user-level call, a helper that calls back into user code) from any
//! mode.
//!
//! It also decides when compiled code dies. A loop or entry and the bridges
//! grown from its guards form a *tree* (`Tree`), which owns their guards,
//! reference constants and invalidation flags; the backend owns the code.
//! A tree leaves the lookup tables when it is invalidated (`retire`), and is
//! freed by `sweep`, a mark from the tables and from the trees whose code is
//! running now (`State::running`, one entry per `Backend::execute` on the
//! stack) along the jumps between trees: what no mark reaches cannot run
//! again, so its code, guards and roots go. A position whose loop or entry
//! is invalidated `max_invalidations` times is traced no more.
//!
//! And it decides when a guard gets a bridge (`State::bridge_due`): after
//! `trace_eagerness` failures, counted per value for a `guard_value`, while
//! the guard's tree has grown fewer than `max_bridges` bridges, so that no
//! tree grows without end.

use crate::backend::{interp::IrInterp, Backend};
use crate::hints::{Flow, Greens, Val};
use crate::ir::Type;
use crate::log::Log;
use crate::opt::OptConfig;
use crate::params::{BackendKind, Params};
use crate::plain::Plain;
use crate::resume::ResumePoint;
use crate::trace::TraceKind;
use hashbrown::{HashMap, HashSet};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::hash::Hasher;
use std::time::Duration;

const COUNTER_BITS: u32 = 12;

/// Bridges out of `guard_value`s at one instruction, one in another, after
/// which the last one's `guard_value` gets no bridge: a value that takes
/// more forms than this at one place is left to the interpreter.
const MAX_VALUE_CHAIN: u32 = 8;

/// What the plain mode asked the driver for when it left the dispatch loop.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Request<G> {
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
    /// Compiled traces invalidated (a quasi-immutable field they read was
    /// written), freed ones included.
    pub invalidated: u32,
    /// Loops and entries freed, with their bridges.
    pub freed: u32,
    /// Positions no longer traced because their loop or entry was
    /// invalidated `max_invalidations` times.
    pub blacklisted: u32,
    /// Loops and entries compiled and not freed (filled by `Jit::stats`).
    pub live: u32,
    /// Bytes of machine code held by the backend (filled by `Jit::stats`).
    pub code_bytes: usize,
    /// Frame records of the resume data made for compiled guards: guards
    /// of one snapshot, and snapshots inside one inlined call, share them.
    pub resume_frames: u64,
    /// Frames those guards describe, counted per guard: what the records
    /// would be if no guard shared one.
    pub guard_frames: u64,
    /// Loops and entries that grew `max_bridges` bridges: their guards
    /// that fail resume in the interpreter from then on.
    pub bridge_budgets_spent: u32,
}

pub(crate) struct GuardRecord<G> {
    /// The loop or entry whose tree the guard is in.
    pub(crate) tree: u32,
    pub(crate) resume: ResumePoint<G>,
    pub(crate) failures: u32,
    pub(crate) bridge_attempts: u32,
    pub(crate) bridged: bool,
    /// For a `guard_value`, the fail argument holding the value it checks:
    /// its failures are counted per value (`State::bridge_due`).
    pub(crate) checked_arg: Option<usize>,
    /// For a `guard_value`, how many bridges out of `guard_value`s at the
    /// same instruction lead to it (0 in a loop or entry, 1 in such a
    /// bridge, ...): past `MAX_VALUE_CHAIN` it gets no bridge.
    pub(crate) value_chain: Option<u32>,
    pub(crate) value_failures: ValueFailures,
}

/// Failures of a `guard_value` per value, for the few values seen last: a
/// value that recurs keeps its count, one that is never seen again is
/// pushed out by the next new one.
#[derive(Default)]
pub(crate) struct ValueFailures(Vec<(u64, u32)>);

impl ValueFailures {
    /// Values followed at once.
    const SLOTS: usize = 4;

    /// Count a failure with `value`: how often it failed before.
    fn count(&mut self, value: u64) -> u32 {
        if let Some(slot) = self.0.iter_mut().find(|(v, _)| *v == value) {
            let seen = slot.1;
            slot.1 = seen.saturating_add(1);
            return seen;
        }
        if self.0.len() < Self::SLOTS {
            self.0.push((value, 1));
        } else if let Some(rarest) = self.0.iter_mut().min_by_key(|(_, n)| *n) {
            *rarest = (value, 1);
        }
        0
    }
}

/// A compiled loop or entry with the bridges grown from it: what lives and
/// dies together.
#[derive(Default)]
pub(crate) struct Tree {
    /// Ids of the guards of the loop and of its bridges.
    pub(crate) guards: Vec<u32>,
    /// Loops and entries its traces jump to, at their start or (after a
    /// short preamble) at their label.
    pub(crate) targets: Vec<u32>,
    /// The reference constants of its traces: its code embeds them.
    pub(crate) constants: Vec<crate::gc::TraceConstants>,
    /// The loop's invalidation flag, if it read quasi-immutable fields.
    pub(crate) flag: Option<crate::quasi::Flag>,
    /// The same for its bridges (which stay attached: their guard fails).
    pub(crate) bridge_flags: Vec<crate::quasi::Flag>,
    /// Out of the lookup tables: entered no more, freed once unreachable.
    pub(crate) retired: bool,
    /// Bridges compiled onto its guards (bridges' bridges included).
    pub(crate) bridges: u32,
}

impl Tree {
    /// Its traces whose invalidation flag is set.
    fn invalidated(&self) -> u32 {
        self.flag
            .iter()
            .chain(&self.bridge_flags)
            .filter(|f| f.get() != 0)
            .count() as u32
    }
}

/// A residual call site (`portal.rs`).
pub(crate) struct Site<G> {
    pub(crate) callee: G,
    /// The kinds of the callee's reds.
    pub(crate) kinds: Vec<Type>,
    /// The type of the callee's result.
    pub(crate) ret: Type,
    /// The compiled code a call through the site entered last
    /// (`JitShared::site_code`).
    entered: Option<Entered>,
}

/// Compiled code found for a call site, and what tells whether it may still
/// be entered.
struct Entered {
    id: u32,
    /// `State::table_changes` when it was found: while that is the same,
    /// the code is still in the lookup tables (not retired, not freed).
    table_changes: u64,
    /// Its invalidation flag, if it read quasi-immutable fields.
    flag: Option<crate::quasi::Flag>,
}

pub(crate) struct State<G> {
    pub(crate) positions: Vec<G>,
    pub(crate) position_ids: HashMap<G, u32>,
    pub(crate) loop_keys: HashMap<G, u32>,
    /// Compiled function-entry traces, by the entry's greens.
    pub(crate) entry_keys: HashMap<G, u32>,
    /// Changes to `loop_keys` and `entry_keys` so far: what a call site's
    /// cached code (`Site::entered`) is checked against.
    pub(crate) table_changes: u64,
    /// Compiled loops and entries not freed yet, by id.
    pub(crate) trees: HashMap<u32, Tree>,
    /// Loops and entries whose code runs now, innermost last.
    pub(crate) running: Vec<u32>,
    /// A tree was retired, or one held only by `running` may be free now.
    pub(crate) sweep_due: bool,
    /// The last sweep kept a retired tree only because it was running.
    pub(crate) held_by_stack: bool,
    /// The next loop or entry id.
    pub(crate) loops: u32,
    /// Guards of the trees not freed, by id.
    pub(crate) guards: BTreeMap<u32, GuardRecord<G>>,
    /// The next guard id.
    pub(crate) next_guard: u32,
    pub(crate) aborts: HashMap<G, u32>,
    /// How often the loop or entry at a position was invalidated.
    pub(crate) invalidations: HashMap<G, u32>,
    /// Callee entries the recorder no longer inlines (they loop, or made a
    /// trace too long): calls to them stay residual.
    pub(crate) not_inlinable: HashSet<G>,
    /// Residual call sites: the callee's greens, the kinds of its reds and
    /// the type of its result (`portal.rs`).
    pub(crate) sites: Vec<Site<G>>,
    pub(crate) site_ids: HashMap<(G, Vec<Type>, Type), u32>,
    pub(crate) stats: Stats,
    /// The short preambles of the compiled peeled loops not freed, by id:
    /// what a trace that jumps to one runs before entering it at its label.
    pub(crate) short_preambles: HashMap<u32, crate::ir::Trace>,
}

impl<G: Greens> State<G> {
    /// Is compiled loop or entry `id` still valid (`quasi.rs`)?
    pub(crate) fn is_valid(&self, id: u32) -> bool {
        self.trees
            .get(&id)
            .is_some_and(|t| t.flag.as_ref().is_none_or(|f| f.get() == 0))
    }

    /// Take loop or entry `id` out of use: it is entered no more, and freed
    /// once nothing can run it (`JitShared::sweep`).
    pub(crate) fn retire(&mut self, id: u32) {
        if let Some(t) = self.trees.get_mut(&id) {
            t.retired = true;
            self.sweep_due = true;
        }
    }

    /// Count an invalidation of the loop or entry at `g`; true when it has
    /// now been invalidated too often to be traced again.
    fn invalidated_at(&mut self, g: G, limit: u32) -> bool {
        let n = self.invalidations.entry(g).or_insert(0);
        *n += 1;
        if *n == limit.max(1) {
            self.stats.blacklisted += 1;
        }
        *n >= limit
    }

    /// May position `g` be traced (not given up on after aborts or
    /// invalidations)?
    fn may_trace(&self, g: G, params: &Params) -> bool {
        self.aborts.get(&g).is_none_or(|&n| n < params.max_aborts)
            && self
                .invalidations
                .get(&g)
                .is_none_or(|&n| n < params.max_invalidations)
    }

    /// Count a failure of `guard`, which left `values` (its fail
    /// arguments), and say whether it is time to trace a bridge from it: the
    /// guard has no bridge, has failed `trace_eagerness` times before,
    /// bridges from it have aborted fewer than `max_aborts` times, and its
    /// tree has grown fewer than `max_bridges` bridges and is in use.
    ///
    /// A `guard_value` counts its failures per value, as RPython does: a
    /// value that changes on every failure (an object made anew on each
    /// call) never earns a bridge specialized to one value that is not seen
    /// again, whose own `guard_value` would then fail the same way. Where
    /// the checked value is not among the fail arguments (it was loaded from
    /// an object), the chain that makes is cut at `MAX_VALUE_CHAIN` links.
    pub(crate) fn bridge_due(&mut self, guard: u32, values: &[u64], params: &Params) -> bool {
        let Some(rec) = self.guards.get_mut(&guard) else {
            return false;
        };
        let seen = match rec.checked_arg.and_then(|i| values.get(i)) {
            Some(&value) => rec.value_failures.count(value),
            None => rec.failures,
        };
        rec.failures += 1;
        if rec.bridged
            || rec.value_chain.is_some_and(|n| n >= MAX_VALUE_CHAIN)
            || seen < params.trace_eagerness
            || rec.bridge_attempts >= params.max_aborts
            || !rec.resume.bridgeable()
        {
            return false;
        }
        self.trees
            .get(&rec.tree)
            .is_some_and(|t| !t.retired && t.bridges < params.max_bridges)
    }

    /// How many compiled traces are invalid now, freed ones included.
    pub(crate) fn invalidated(&self) -> u32 {
        self.stats.invalidated + self.trees.values().map(Tree::invalidated).sum::<u32>()
    }
}

/// The reds of an entry into compiled code, their words, and the values
/// its exit left.
pub(crate) type InputBuffers<G> = (Vec<Val<Plain<G>>>, Vec<u64>, Vec<u64>);

pub struct JitShared<G: Greens> {
    pub(crate) params: Params,
    /// Ticks before a back edge is hot; `u32::MAX` when the JIT is off.
    pub(crate) threshold: u32,
    pub(crate) counters: Box<[Cell<u32>]>,
    /// Calls before a function entry is hot; `u32::MAX` when the JIT is off.
    pub(crate) function_threshold: u32,
    /// Hot counters of function entries, apart from the loops' own.
    pub(crate) entry_counters: Box<[Cell<u32>]>,
    /// How many compiled loops (entries) have their greens in each cell of
    /// `counters` (`entry_counters`): such a cell is never reset by other
    /// greens that hash to it.
    pub(crate) loop_cells: Box<[Cell<u16>]>,
    pub(crate) entry_cells: Box<[Cell<u16>]>,
    pub(crate) request: Cell<Option<Request<G>>>,
    pub(crate) tracing: Cell<bool>,
    /// Empty buffers for the reds, input words and exit values of an
    /// entry into compiled code (`Jit::execute`), reused: entries nest as
    /// compiled code calls into compiled code, each level takes a set.
    pub(crate) input_buffers: RefCell<Vec<InputBuffers<G>>>,
    pub(crate) state: RefCell<State<G>>,
    pub(crate) backend: Box<dyn Backend>,
    pub(crate) opt: OptConfig,
    pub(crate) log: Option<Log>,
}

impl<G: Greens> JitShared<G> {
    pub(crate) fn new(params: Params) -> JitShared<G> {
        let log = Log::from_env();
        let backend: Box<dyn Backend> = match params.backend {
            BackendKind::Interp => Box::new(IrInterp::new()),
            #[cfg(target_arch = "x86_64")]
            BackendKind::X64 => Box::new(crate::backend::x64::X64Backend::with_listings(
                log.as_ref().is_some_and(|l| l.enabled("jit-backend-dump")),
            )),
            #[cfg(not(target_arch = "x86_64"))]
            BackendKind::X64 => Box::new(IrInterp::new()),
        };
        let threshold = if params.enabled {
            params.threshold
        } else {
            u32::MAX
        };
        JitShared {
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
            input_buffers: RefCell::new(Vec::new()),
            state: RefCell::new(State {
                positions: Vec::new(),
                position_ids: HashMap::new(),
                loop_keys: HashMap::new(),
                entry_keys: HashMap::new(),
                table_changes: 0,
                trees: HashMap::new(),
                running: Vec::new(),
                sweep_due: false,
                held_by_stack: false,
                loops: 0,
                guards: BTreeMap::new(),
                next_guard: 0,
                aborts: HashMap::new(),
                invalidations: HashMap::new(),
                not_inlinable: HashSet::new(),
                sites: Vec::new(),
                site_ids: HashMap::new(),
                stats: Stats::default(),
                short_preambles: HashMap::new(),
            }),
            backend,
            opt: OptConfig::parse(&params.enable_opts).unwrap_or_else(|_| OptConfig::all()),
            log,
            params,
        }
    }

    /// The cell of the counter tables that greens `g` hash to.
    pub(crate) fn index(&self, g: G) -> usize {
        let mut h = CounterHasher(0);
        g.hash(&mut h);
        (h.0 >> (64 - COUNTER_BITS)) as usize
    }

    pub(crate) fn slot(&self, g: G) -> &Cell<u32> {
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
    pub(crate) fn hot(&self, g: G) -> Flow {
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
        let banned = !self.state.borrow().may_trace(g, &self.params);
        if self.tracing.get() || banned {
            return Flow::Continue;
        }
        self.request.set(Some(Request::Trace(TraceKind::Loop(g))));
        Flow::Leave
    }

    /// A call enters the function at `g`: run its compiled entry trace, or
    /// trace one when the entry is hot.
    #[inline]
    pub(crate) fn enter_function(&self, g: G) -> Option<Request<G>> {
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
    pub(crate) fn hot_entry(&self, g: G, cell: &Cell<u32>) -> Option<Request<G>> {
        if let Some(id) = self.entry_at(g) {
            cell.set(self.function_threshold);
            return Some(Request::Enter(id));
        }
        if self.entry_cells[self.index(g)].get() == 0 {
            cell.set(0);
        }
        let banned = !self.state.borrow().may_trace(g, &self.params);
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
        st.table_changes += 1;
        st.retire(id);
        st.invalidated_at(g, self.params.max_invalidations);
        drop(st);
        let cell = &self.entry_cells[self.index(g)];
        cell.set(cell.get() - 1);
        self.sweep();
        None
    }

    /// The compiled loop whose header is at `g`, if any.
    pub(crate) fn loop_at(&self, g: G) -> Option<u32> {
        let mut st = self.state.borrow_mut();
        let id = *st.loop_keys.get(&g)?;
        if st.is_valid(id) {
            return Some(id);
        }
        // Invalidated: forget it, so that the loop is traced anew (unless
        // that has happened too often).
        st.loop_keys.remove(&g);
        st.table_changes += 1;
        st.retire(id);
        st.invalidated_at(g, self.params.max_invalidations);
        drop(st);
        let cell = &self.loop_cells[self.index(g)];
        cell.set(cell.get() - 1);
        self.sweep();
        None
    }

    /// Free the trees that nothing can run any more (module comment): not
    /// in a table, not running, and not jumped to by a tree that is. Not
    /// while recording: the trace may jump to a loop it has seen.
    pub(crate) fn sweep(&self) {
        if self.tracing.get() {
            return;
        }
        let freed: Vec<(u32, Tree)> = {
            let mut st = self.state.borrow_mut();
            if !std::mem::take(&mut st.sweep_due) {
                return;
            }
            let tabled: Vec<u32> = st
                .loop_keys
                .values()
                .chain(st.entry_keys.values())
                .copied()
                .collect();
            let from_tables = mark(&st.trees, tabled);
            let running = st.running.clone();
            let live = mark(&st.trees, from_tables.iter().copied().chain(running));
            st.held_by_stack = live
                .iter()
                .any(|id| !from_tables.contains(id) && st.trees[id].retired);
            let dead: Vec<u32> = st
                .trees
                .keys()
                .filter(|id| !live.contains(*id))
                .copied()
                .collect();
            dead.into_iter()
                .map(|id| {
                    let tree = st.trees.remove(&id).expect("a tree being freed");
                    st.short_preambles.remove(&id);
                    for g in &tree.guards {
                        st.guards.remove(g);
                    }
                    st.stats.invalidated += tree.invalidated();
                    st.stats.freed += 1;
                    (id, tree)
                })
                .collect()
        };
        // The state is not borrowed here: dropping a tree's constants
        // touches only the collector's roots.
        for (id, tree) in freed {
            self.backend.free(id, &tree.guards);
        }
    }

    /// Can `request` still be carried out: the loop to enter, or the
    /// guard to grow a bridge from, is in a tree not retired?
    pub(crate) fn may_run(&self, request: Request<G>) -> bool {
        let st = self.state.borrow();
        let tree = match request {
            Request::Enter(id) => id,
            Request::Trace(TraceKind::Bridge(guard)) => match st.guards.get(&guard) {
                Some(rec) => rec.tree,
                None => return false,
            },
            Request::Trace(_) => return true,
        };
        st.trees.get(&tree).is_some_and(|t| !t.retired)
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
        st.sites.push(Site {
            callee: key.0,
            kinds: key.1.clone(),
            ret: key.2,
            entered: None,
        });
        st.site_ids.insert(key, id);
        id
    }

    /// The compiled code a call through residual site `site` enters: its
    /// callee's entry trace, or else the loop at the callee's greens (the
    /// rest of a frame, `Runner::run_entry`). Kept on the site and given
    /// again without a lookup while no table has changed and its
    /// invalidation flag is clear; otherwise looked up again, which retires
    /// an invalidated entry or loop as `entry_at` and `loop_at` do.
    pub(crate) fn site_code(&self, site: u32) -> Option<u32> {
        let callee = {
            let st = self.state.borrow();
            let s = &st.sites[site as usize];
            if let Some(e) = &s.entered {
                let valid = e.flag.as_ref().is_none_or(|f| f.get() == 0);
                if e.table_changes == st.table_changes && valid {
                    return Some(e.id);
                }
            }
            s.callee
        };
        let id = self.entry_at(callee).or_else(|| self.loop_at(callee))?;
        let mut borrowed = self.state.borrow_mut();
        let st = &mut *borrowed;
        let flag = st.trees.get(&id).and_then(|t| t.flag.clone());
        st.sites[site as usize].entered = Some(Entered {
            id,
            table_changes: st.table_changes,
            flag,
        });
        Some(id)
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

    pub(crate) fn log_section(&self, name: &str, body: impl FnOnce() -> String) {
        if let Some(log) = &self.log {
            if log.enabled(name) {
                log.section(name, &body());
            }
        }
    }

    pub(crate) fn phase(&self, name: &str, begin: bool) {
        if let Some(log) = &self.log {
            if begin {
                log.begin(name)
            } else {
                log.end(name)
            }
        }
    }

    pub(crate) fn summary(&self) -> String {
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
            st.invalidated(),
            gc.collections,
            gc.time.as_secs_f64(),
            gc.peak_heap_bytes
        ));
        // Only once something was freed or given up on (most runs free
        // nothing).
        if s.freed > 0 || s.blacklisted > 0 {
            out.push_str(&format!(
                "freed: {}\nblacklisted: {}\n",
                s.freed, s.blacklisted
            ));
        }
        // Only once a loop or entry grew all the bridges it may.
        if s.bridge_budgets_spent > 0 {
            out.push_str(&format!(
                "bridge budgets spent: {}\n",
                s.bridge_budgets_spent
            ));
        }
        for (what, ops) in &s.traces {
            out.push_str(&format!("trace: {what}: {ops} ops\n"));
        }
        for (id, g) in st.guards.iter().filter(|(_, g)| g.failures > 0) {
            let bridged = if g.bridged { ", bridged" } else { "" };
            let plural = if g.failures == 1 { "" } else { "s" };
            out.push_str(&format!(
                "guard {id}: {} failure{plural}{bridged} ({:?})\n",
                g.failures,
                g.resume.greens()
            ));
        }
        let mut given_up: Vec<String> = st
            .invalidations
            .iter()
            .filter(|&(_, &n)| n >= self.params.max_invalidations)
            .map(|(g, n)| format!("blacklisted at {g:?}: invalidated {n} times\n"))
            .collect();
        given_up.sort();
        out.extend(given_up);
        for reason in &s.abort_reasons {
            out.push_str(&format!("abort: {reason}\n"));
        }
        out
    }
}

/// The trees reachable from `roots` along the jumps between them.
fn mark(trees: &HashMap<u32, Tree>, roots: impl IntoIterator<Item = u32>) -> HashSet<u32> {
    let mut live = HashSet::new();
    let mut work: Vec<u32> = roots.into_iter().collect();
    while let Some(id) = work.pop() {
        if live.insert(id) {
            if let Some(t) = trees.get(&id) {
                work.extend(&t.targets);
            }
        }
    }
    live
}

impl<G: Greens> Drop for JitShared<G> {
    fn drop(&mut self) {
        self.log_section("jit-summary", || self.summary());
        if let Some(log) = &self.log {
            log.flush();
        }
    }
}
