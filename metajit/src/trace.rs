//! The recording mode: run the interpreter for real and write down the IR.
//!
//! Every red value is a pair: the concrete value (so the interpreter keeps
//! computing exactly what it would compute in the plain mode) and the IR
//! operand that produces it in the trace (a variable, or a constant when
//! the value is known). Operations whose operands are all constants are
//! folded on the spot and record nothing; branches on constants record no
//! guard. That, and greens being plain Rust values, is why decoding the
//! bytecode leaves no trace.
//!
//! Each `jit_merge_point` takes a snapshot of the red state: the resume point
//! of every guard the next instruction records. An instruction that has done
//! a side effect (a heap write, a call that writes; a store into an object
//! the instruction itself allocated does not count) can no longer be
//! re-executed from that snapshot, so a guard after it aborts the trace with
//! a reason instead of producing a guard that would resume wrongly
//! (docs/architecture.md, "Guards, snapshots, resume and bridges", and
//! "Decisions, and why"). Aborting is a flag: the recorder goes
//! on computing concretely, records nothing more, and asks to leave at the
//! next merge point or back edge.
//!
//! Methods are out of line (`#[inline(never)]` on the heavy ones) so that
//! monomorphizing the dispatch loop for this mode stays cheap to compile.

use crate::abi;
use crate::driver::Jit;
use crate::gc;
use crate::heap;
use crate::hints::{Completion, Exit, Flow, Greens, Interpreter, Mode, RedState, Val};
use crate::ir::{
    eval, Arg, ArrayDescr, CallDescr, Descr, DescrRef, EffectKind, FieldDescr, GuardInfo, Op,
    Opcode, Resume, SizeDescr, Slot, Snapshot, SnapshotFrame, Trace, Type, VirtualItems,
    VirtualKind, Virtuals,
};
use crate::plain::{from_word, word, Plain};
use crate::portal;
use crate::resume::Start;
use crate::shared::JitShared;
use std::rc::Rc;

/// A red value while recording: its concrete value and its IR operand.
#[derive(Copy, Clone, Debug)]
pub struct Rv<T> {
    pub value: T,
    pub ir: Arg,
}

/// What is being traced.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TraceKind<G> {
    /// A loop starting at a back-edge target; closes when it gets back there.
    Loop(G),
    /// A bridge from a guard (by id), closes at the header of any compiled
    /// loop, or with `finish` when its frame returns.
    Bridge(u32),
    /// A function's entry (`function_threshold`): closes with `finish` when
    /// the function returns or raises, or jumps into a compiled loop it
    /// reaches.
    Entry(G),
}

/// How recording ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Still recording.
    Open,
    /// Closed by a jump: to its own start (`None`) or to compiled loop `n`.
    Closed(Option<u32>),
    Aborted(String),
    /// Given up, but tracing the same place again may succeed: the recorder
    /// has since changed a choice (a callee it will no longer inline).
    Retry(String),
}

/// The virtualizable object of a frame being recorded (`Mode::virtualizable`)
/// and its shadowed items: reads and writes of an item at a constant index
/// are moves between IR values; compiled code stores an item only when it
/// must (`flush_virtual`), and a guard's snapshot lists the items not stored
/// yet, so that resuming writes them.
#[derive(Clone)]
struct Virt {
    object: Arg,
    descr: &'static ArrayDescr,
    /// Item index -> its IR value, and whether compiled code has not stored
    /// it into the object yet.
    items: std::collections::BTreeMap<i64, (Arg, bool)>,
}

/// A frame the recorder is inside of: its caller's position and reds at the
/// call, which snapshots of the callee's guards include. Either the trace
/// inlined the call, or the frame is one a bridge resumed around the frame
/// it starts in (the caller of an inlined call of the parent trace, waiting
/// in that call: not a call the bridge made).
struct CallerFrame<G> {
    /// Position id of the caller's call instruction.
    at: u32,
    reds: Vec<Arg>,
    /// The callee's entry greens (recursion shows as the same entry twice);
    /// `None` for a frame the bridge resumed, whose callee's entry is not
    /// known.
    callee: Option<G>,
    /// Operations in the trace when the call began.
    ops_before: usize,
    /// The caller's virtualizable, back in force when the call returns.
    virt: Option<Virt>,
    /// The snapshot recording this frame, made at the first snapshot taken
    /// inside the call and shared by all the others (`ir::Snapshot`).
    snapshot: Option<u32>,
}

pub struct Recorder<G: Greens> {
    jit: Rc<JitShared<G>>,
    kind: TraceKind<G>,
    trace: Trace,
    outcome: Outcome,
    /// The current resume point and its fail arguments.
    snapshot: Option<u32>,
    fail_args: Vec<Arg>,
    /// A side effect happened since the last merge point.
    dirty: bool,
    /// Objects allocated since the last merge point: stores into them are
    /// not side effects (re-executing the instruction allocates anew, and
    /// nothing else can see them unless a real store publishes them).
    fresh: Vec<Arg>,
    limit: usize,
    /// Inlined calls being recorded, outermost first.
    callers: Vec<CallerFrame<G>>,
    /// The invalidation flag of the trace, once it has read a
    /// quasi-immutable field as a constant (`quasi.rs`): registered at the
    /// read, so a write while the trace is still being recorded (by the
    /// trace itself, or by code it runs) invalidates it from birth.
    quasi: Option<crate::quasi::Flag>,
    quasi_read: Vec<&'static FieldDescr>,
    /// The virtualizable of the frame being recorded.
    virt: Option<Virt>,
    /// The reference constants recorded so far, kept alive while recording:
    /// the trace holds their addresses where the collector does not look.
    constants: gc::TraceConstants,
}

type RInt = Rv<i64>;
/// The recorder values of one frame's slots.
type Slots<G> = Vec<Val<Recorder<G>>>;
type RRef = Rv<usize>;
type RFloat = Rv<f64>;

fn concrete_word<G: Greens>(v: Val<Recorder<G>>) -> u64 {
    match v {
        Val::Int(x) => x.value as u64,
        Val::Ref(x) => x.value as u64,
        Val::Float(x) => x.value.to_bits(),
    }
}

fn ir_of<G: Greens>(v: Val<Recorder<G>>) -> Arg {
    match v {
        Val::Int(x) => x.ir,
        Val::Ref(x) => x.ir,
        Val::Float(x) => x.ir,
    }
}

/// The recorder value with concrete word `w` of type `ty` and operand `ir`.
fn rval<G: Greens>(ty: Type, w: u64, ir: Arg) -> Val<Recorder<G>> {
    match ty {
        Type::Int | Type::Void => Val::Int(Rv {
            value: w as i64,
            ir,
        }),
        Type::Ref => Val::Ref(Rv {
            value: w as usize,
            ir,
        }),
        Type::Float => Val::Float(Rv {
            value: f64::from_bits(w),
            ir,
        }),
    }
}

/// The snapshot frame at position `at` with `reds` and the virtualizable
/// `virt`; its fail arguments are added to `fail_args`. False when the
/// virtualizable is not among the reds (the trace is aborted then, and the
/// frame lists no virtual items).
fn frame_of(
    at: u32,
    reds: &[Arg],
    resume: Resume,
    virt: &Option<Virt>,
    fail_args: &mut Vec<Arg>,
) -> (SnapshotFrame, bool) {
    fail_args.extend_from_slice(reds);
    let mut virtuals = None;
    let mut fits = true;
    if let Some(v) = virt {
        let unstored: Vec<(i64, Arg)> = v
            .items
            .iter()
            .filter(|(_, &(_, unstored))| unstored)
            .map(|(&k, &(a, _))| (k, a))
            .collect();
        match reds.iter().position(|&a| a == v.object) {
            _ if unstored.is_empty() => {}
            None => fits = false,
            Some(object) => {
                fail_args.extend(unstored.iter().map(|&(_, a)| a));
                virtuals = Some(VirtualItems {
                    object: object as u32,
                    descr: v.descr,
                    items: unstored.iter().map(|&(k, _)| k).collect(),
                });
            }
        }
    }
    let frame = SnapshotFrame {
        greens: at,
        slots: reds.len() as u32,
        resume,
        virtuals,
    };
    (frame, fits)
}

impl<G: Greens> Recorder<G> {
    /// Start recording from `start`: its inputs are the trace's. The
    /// virtual objects it names are allocated and filled first (the
    /// objects resuming built stand for these operations' results), and the
    /// stores its guard had pending are made, then
    /// the frames take the inputs in order, outermost first, each its slots
    /// and then its virtual items. The innermost frame is the one the
    /// interpreter dispatches in; the others wait in calls
    /// (`take_up_caller`). The recorder values of each frame's slots.
    pub(crate) fn start(
        jit: Rc<JitShared<G>>,
        kind: TraceKind<G>,
        start: &Start<G>,
    ) -> (Recorder<G>, Vec<Slots<G>>) {
        let limit = jit.params.trace_limit as usize;
        let mut rec = Recorder {
            jit,
            kind,
            trace: Trace::default(),
            outcome: Outcome::Open,
            snapshot: None,
            fail_args: Vec::new(),
            dirty: false,
            fresh: Vec::new(),
            limit,
            callers: Vec::new(),
            quasi: None,
            quasi_read: Vec::new(),
            virt: None,
            constants: gc::TraceConstants::new(),
        };
        let mut inputs: Vec<Val<Recorder<G>>> =
            start.inputs.iter().map(|&v| rec.input(v)).collect();
        if let Some(objects) = &start.objects {
            rec.allocate_virtuals(objects, &mut inputs);
            rec.pending_stores(objects, &inputs);
        }
        let mut all = Vec::with_capacity(start.frames.len());
        let mut rest = &inputs[..];
        for (n, frame) in start.frames.iter().enumerate() {
            let items = frame.virtuals.as_ref().map_or(0, |v| v.items.len());
            let (vals, later) = rest.split_at(frame.slots);
            let (unstored, later) = later.split_at(items);
            rest = later;
            // The virtual items the guard had not stored: still unstored.
            let virt = frame.virtuals.as_ref().map(|v| {
                let Val::Ref(object) = vals[v.object as usize] else {
                    panic!("a virtualizable is a reference");
                };
                Virt {
                    object: object.ir,
                    descr: v.descr,
                    items: v
                        .items
                        .iter()
                        .zip(unstored)
                        .map(|(&item, &value)| (item, (ir_of(value), true)))
                        .collect(),
                }
            });
            if n + 1 < start.frames.len() {
                let reds = vals.iter().map(|&v| ir_of(v)).collect();
                rec.callers.push(CallerFrame {
                    at: rec.jit.position_id(frame.greens),
                    reds,
                    callee: None,
                    ops_before: 0,
                    virt,
                    snapshot: None,
                });
            } else {
                rec.virt = virt;
            }
            all.push(vals.to_vec());
        }
        (rec, all)
    }

    /// Record the allocation of a bridge's virtual objects, as the parent
    /// trace's `new`s and `new_array`s did, and the stores of their fields
    /// from the inputs; the inputs that stand for an object become its
    /// operation's result.
    fn allocate_virtuals(&mut self, objects: &Virtuals, inputs: &mut [Val<Recorder<G>>]) {
        let made: Vec<Arg> = objects
            .objects
            .iter()
            .map(|o| match o.kind {
                VirtualKind::Object(d) => self.emit(Opcode::New, vec![], Descr::Size(d)),
                VirtualKind::Array(d, len) => {
                    self.emit(Opcode::NewArray, vec![Arg::Int(len)], Descr::Array(d))
                }
            })
            .collect();
        for &(at, object) in &objects.refs {
            let Val::Ref(r) = inputs[at as usize] else {
                panic!("a virtual object stands for a reference");
            };
            inputs[at as usize] = Val::Ref(Rv {
                value: r.value,
                ir: made[object as usize],
            });
        }
        for (o, &object) in objects.objects.iter().zip(&made) {
            for &(slot, at) in &o.slots {
                let value = ir_of(inputs[at as usize]);
                match slot {
                    Slot::Field(f) => {
                        self.emit(Opcode::Setfield, vec![object, value], Descr::Field(f))
                    }
                    Slot::Item(i) => {
                        let VirtualKind::Array(d, _) = o.kind else {
                            panic!("resume data names an item of an object");
                        };
                        self.emit(
                            Opcode::Setarrayitem,
                            vec![object, Arg::Int(i), value],
                            Descr::Array(d),
                        )
                    }
                };
            }
        }
    }

    /// Record the stores the parent trace had delayed past the guard
    /// (`opt/heap.rs`): the bridge's code must do them, as resuming does
    /// (`bridge_start` did them for this run already).
    fn pending_stores(&mut self, objects: &Virtuals, inputs: &[Val<Recorder<G>>]) {
        for s in &objects.stores {
            let object = ir_of(inputs[s.object as usize]);
            let value = ir_of(inputs[s.value as usize]);
            match (s.descr, s.index) {
                (DescrRef::Field(f), None) => {
                    self.emit(Opcode::Setfield, vec![object, value], Descr::Field(f))
                }
                (DescrRef::Array(a), Some(i)) => self.emit(
                    Opcode::Setarrayitem,
                    vec![object, Arg::Int(i), value],
                    Descr::Array(a),
                ),
                _ => panic!("resume data names a pending store without its place"),
            };
        }
    }

    /// A new input of the trace, with the concrete value `v`.
    fn input(&mut self, v: Val<Plain<G>>) -> Val<Recorder<G>> {
        let (ty, w) = (plain_type(v), word(v));
        let var = self.trace.new_var(ty);
        self.trace.inputs.push(var);
        rval(ty, w, Arg::Var(var))
    }

    /// The frame a bridge started in, or one it took up since, with reds
    /// `inner_reds`, left its dispatch loop with `inner`: take up the frame
    /// that waits in its call, with `reds`, at `at` (the innermost of the
    /// frames `start` left waiting), through `after_call`, and dispatch on
    /// in it, as resuming does in the plain mode (`resume.rs`). What that
    /// frame's dispatch gives.
    ///
    /// The inner frame returned or raised; or it left at a merge point or
    /// back edge, when recording had stopped (it runs to completion
    /// concretely), or, still recording, at a loop with compiled code
    /// (`back_edge`): the rest of the frame is then a residual call, into
    /// that code, whose result the caller takes as from any call.
    pub(crate) fn take_up_caller<I: Interpreter<G = G>>(
        &mut self,
        interp: &I,
        at: G,
        reds: &mut I::Reds<Self>,
        inner: Exit<G, Self>,
        inner_reds: &I::Reds<Self>,
    ) -> Result<Exit<G, Self>, I::Error> {
        // The inner frame's object may outlive it, and a residual call of
        // its rest reads it.
        self.flush_virtual();
        let frame = self.callers.pop().expect("a frame waits in the call");
        debug_assert!(
            frame.callee.is_none(),
            "a resumed frame, not an inlined call"
        );
        self.virt = frame.virt;
        let caller_slots: Vec<Arg> = saved(reds).iter().map(|&v| ir_of(v)).collect();
        let completion = match inner {
            Exit::Return(v) => Completion::Return(v),
            Exit::Raise(v) => Completion::Raise(v),
            Exit::Leave(g) if self.active() => {
                self.residual(interp, at, &caller_slots, g, inner_reds, true)?
            }
            Exit::Leave(g) => self.run_concretely(interp, g, inner_reds)?,
        };
        self.resume_after_call(at, caller_slots, completion);
        match interp.after_call(self, at, reds, completion)? {
            Exit::Leave(g) => interp.dispatch(self, g, reds),
            done => Ok(done),
        }
    }

    /// The plain value of a recorded value.
    pub(crate) fn concrete(v: Val<Recorder<G>>) -> Val<Plain<G>> {
        let ty = match v {
            Val::Int(_) => Type::Int,
            Val::Ref(_) => Type::Ref,
            Val::Float(_) => Type::Float,
        };
        from_word(ty, concrete_word(v))
    }

    /// The frame the trace started in completed: an entry trace (or a
    /// bridge) ends with `finish(code, value)`, `code` saying how it
    /// completed and the value's type (`finish_code`); a loop trace aborts.
    pub(crate) fn completed(&mut self, completion: Completion<Self>) {
        if matches!(self.kind, TraceKind::Loop(_)) {
            self.abort("the user program returned");
            return;
        }
        let (raised, v) = match completion {
            Completion::Return(v) => (false, v),
            Completion::Raise(v) => (true, v),
        };
        let code = finish_code(raised, val_type(v));
        self.flush_virtual();
        self.emit(Opcode::Finish, vec![Arg::Int(code), ir_of(v)], Descr::None);
        if self.active() {
            self.outcome = Outcome::Closed(None);
        }
    }

    /// The trace, how recording ended, and the trace's invalidation flag if
    /// it read quasi-immutable fields.
    pub(crate) fn finish(self) -> (Trace, Outcome, Option<crate::quasi::Flag>) {
        let outcome = match self.outcome {
            Outcome::Open => Outcome::Aborted("left the interpreter without closing a loop".into()),
            o => o,
        };
        (self.trace, outcome, self.quasi)
    }

    fn active(&self) -> bool {
        self.outcome == Outcome::Open
    }

    pub(crate) fn abort(&mut self, reason: impl Into<String>) {
        if self.active() {
            self.outcome = Outcome::Aborted(reason.into());
        }
    }

    fn retry(&mut self, reason: impl Into<String>) {
        if self.active() {
            self.outcome = Outcome::Retry(reason.into());
        }
    }

    /// The trace grew too long. If inlined calls made it so, the callee that
    /// added most operations is not inlined again, and the loop may be
    /// traced again; otherwise the loop is too long to trace.
    fn too_long(&mut self) {
        let now = self.trace.ops.len();
        let biggest = self
            .callers
            .iter()
            .filter_map(|f| Some((now - f.ops_before, f.callee?)))
            .max_by_key(|&(n, _)| n);
        match biggest {
            Some((n, callee)) => {
                self.jit.mark_not_inlinable(callee);
                self.retry(format!(
                    "trace too long (more than {} operations); the call to {callee:?} \
                     ({n} of them) will not be inlined again",
                    self.limit
                ));
            }
            None => self.abort(format!(
                "trace too long (more than {} operations)",
                self.limit
            )),
        }
    }

    /// Append an operation; the operand of its result (a placeholder once
    /// the trace is no longer being recorded).
    #[inline(never)]
    fn emit(&mut self, opcode: Opcode, args: Vec<Arg>, descr: Descr) -> Arg {
        if !self.active() {
            return Arg::Int(0);
        }
        if self.trace.ops.len() >= self.limit {
            self.too_long();
            return Arg::Int(0);
        }
        self.constants.add(&args);
        let mut op = Op::new(opcode, args);
        op.descr = descr;
        self.trace.push(op).map_or(Arg::Int(0), Arg::Var)
    }

    #[inline(never)]
    fn guard(&mut self, opcode: Opcode, args: Vec<Arg>) {
        if !self.active() || (!args.is_empty() && args.iter().all(|a| a.is_const())) {
            return;
        }
        if self.dirty {
            self.abort(format!(
                "{} after a side effect in the same instruction",
                opcode.name()
            ));
            return;
        }
        let Some(snapshot) = self.snapshot else {
            self.abort(format!("{} before the first merge point", opcode.name()));
            return;
        };
        let fail_args = self.fail_args.clone();
        self.emit_guard(opcode, args, snapshot, fail_args);
    }

    fn emit_guard(&mut self, opcode: Opcode, args: Vec<Arg>, snapshot: u32, fail_args: Vec<Arg>) {
        self.constants.add(&fail_args);
        self.emit(opcode, args, Descr::None);
        if let Some(op) = self.trace.ops.last_mut().filter(|op| op.opcode == opcode) {
            op.guard = Some(Box::new(GuardInfo {
                snapshot,
                fail_args,
                id: 0,
                virtuals: Default::default(),
            }));
        }
    }

    /// A snapshot whose innermost frame is at `greens` with `slots` (resumed
    /// as `resume` says), inside the inlined callers; with its fail arguments.
    fn snapshot_at(&mut self, greens: G, slots: &[Arg], resume: Resume) -> (u32, Vec<Arg>) {
        let position = self.jit.position_id(greens);
        let mut fail_args = Vec::new();
        let mut unfit = false;
        // The callers' records, outermost first, each made once per call.
        let mut caller = None;
        for i in 0..self.callers.len() {
            let c = &self.callers[i];
            let (frame, fits) = frame_of(c.at, &c.reds, Resume::Caller, &c.virt, &mut fail_args);
            unfit |= !fits;
            caller = Some(match c.snapshot {
                Some(shared) => shared,
                None => {
                    self.trace.snapshots.push(Snapshot { caller, frame });
                    let at = self.trace.snapshots.len() as u32 - 1;
                    self.callers[i].snapshot = Some(at);
                    at
                }
            });
        }
        let (frame, fits) = frame_of(position, slots, resume, &self.virt, &mut fail_args);
        if unfit || !fits {
            self.abort("a virtualizable object that is not among its frame's reds");
        }
        self.trace.snapshots.push(Snapshot { caller, frame });
        (self.trace.snapshots.len() as u32 - 1, fail_args)
    }

    /// The item of the virtualizable that `arr[i]` names, if it is one: the
    /// object itself, with the virtualizable's descriptor, at a constant
    /// index.
    fn virtual_item(&self, arr: RRef, d: &'static ArrayDescr, i: RInt) -> Option<i64> {
        let v = self.virt.as_ref()?;
        (self.active() && arr.ir == v.object && std::ptr::eq(d, v.descr) && i.ir.is_const())
            .then_some(i.value)
    }

    /// Record a load of `arr[i]`: a virtual item's IR value when it is one.
    fn load_item(&mut self, opcode: Opcode, arr: RRef, d: &'static ArrayDescr, i: RInt) -> Arg {
        if let Some(k) = self.virtual_item(arr, d, i) {
            if let Some(&(a, _)) = self.virt.as_ref().unwrap().items.get(&k) {
                return a;
            }
            let a = self.emit(opcode, vec![arr.ir, i.ir], Descr::Array(d));
            self.virt.as_mut().unwrap().items.insert(k, (a, false));
            return a;
        }
        if self.virt.as_ref().is_some_and(|v| v.object == arr.ir) {
            self.flush_virtual();
        }
        self.emit(opcode, vec![arr.ir, i.ir], Descr::Array(d))
    }

    /// Store every virtual item not stored yet (before code that may read
    /// the object from memory). A store made in the middle of an
    /// instruction is a side effect like any other.
    fn flush_virtual(&mut self) {
        let Some(v) = self.virt.as_mut() else {
            return;
        };
        let (object, descr) = (v.object, v.descr);
        let unstored: Vec<(i64, Arg)> = v
            .items
            .iter_mut()
            .filter(|(_, (_, unstored))| *unstored)
            .map(|(&k, (a, unstored))| {
                *unstored = false;
                (k, *a)
            })
            .collect();
        for (k, a) in unstored {
            self.dirty = true;
            self.emit(
                Opcode::Setarrayitem,
                vec![object, Arg::Int(k), a],
                Descr::Array(descr),
            );
        }
    }

    /// Before a call with these effects: store the virtual items if it may
    /// read the object; after it, forget them if it may write it.
    /// Only a call that runs the interpreter (`ForcesFrames`, `Random`) or
    /// names the object's descriptor in its summary can see the object.
    fn around_call(&mut self, effects: &crate::ir::Effects, before: bool) {
        let Some(v) = &self.virt else {
            return;
        };
        let descr = crate::abi::DescrRef::Array(v.descr);
        let forces = matches!(effects.kind, EffectKind::Random | EffectKind::ForcesFrames);
        if before && (forces || effects.reads.is_some_and(|r| r.contains(&descr))) {
            self.flush_virtual();
        }
        if !before && (forces || effects.may_write(descr)) {
            if let Some(v) = self.virt.as_mut() {
                v.items.clear();
            }
        }
    }

    /// A call from the frame at `at` (whose slots were `caller_slots`) is
    /// done: a guard from here on hands `completion` to the caller's
    /// `after_call` again.
    fn resume_after_call(&mut self, at: G, caller_slots: Vec<Arg>, completion: Completion<Self>) {
        if self.active() {
            let (value, resume) = match completion {
                Completion::Return(v) => (v, Resume::Returned),
                Completion::Raise(v) => (v, Resume::Raised),
            };
            let mut slots = caller_slots;
            slots.push(ir_of(value));
            self.set_resume_point(at, &slots, resume);
        }
    }

    /// From here on, guards resume at `greens` with `slots`.
    fn set_resume_point(&mut self, greens: G, slots: &[Arg], resume: Resume) {
        let (snapshot, fail_args) = self.snapshot_at(greens, slots, resume);
        self.snapshot = Some(snapshot);
        self.fail_args = fail_args;
        self.dirty = false;
        self.fresh.clear();
    }

    /// Record a pure operation, or fold it when every operand is constant.
    fn pure(&mut self, opcode: Opcode, ty: Type, args: &[(u64, Arg)]) -> (u64, Arg) {
        let words: Vec<u64> = args.iter().map(|a| a.0).collect();
        let value = eval::pure(opcode, &words);
        if args.iter().all(|a| a.1.is_const()) {
            return (value, Arg::from_word(ty, value));
        }
        (
            value,
            self.emit(opcode, args.iter().map(|a| a.1).collect(), Descr::None),
        )
    }

    fn int_result(&mut self, opcode: Opcode, args: &[(u64, Arg)]) -> RInt {
        let (w, ir) = self.pure(opcode, Type::Int, args);
        Rv {
            value: w as i64,
            ir,
        }
    }

    fn float_result(&mut self, opcode: Opcode, args: &[(u64, Arg)]) -> RFloat {
        let (w, ir) = self.pure(opcode, Type::Float, args);
        Rv {
            value: f64::from_bits(w),
            ir,
        }
    }

    /// A store: a side effect unless it writes into a fresh object.
    fn store(&mut self, opcode: Opcode, args: Vec<Arg>, descr: Descr) {
        if !self.fresh.contains(&args[0]) {
            self.dirty = true;
        }
        self.emit(opcode, args, descr);
    }

    fn allocated(&mut self, ir: Arg) -> Arg {
        self.fresh.push(ir);
        ir
    }

    /// Record the resume point of the instruction about to run.
    #[inline(never)]
    fn merge_point(&mut self, greens: G, reds: &[Val<Recorder<G>>]) {
        let slots: Vec<Arg> = reds.iter().map(|&v| ir_of(v)).collect();
        self.set_resume_point(greens, &slots, Resume::Dispatch);
        self.trace.comments.push(format!("{greens:?}"));
        let comment = self.trace.comments.len() as u32 - 1;
        // Its operand is the inlining depth: 0 in the trace's own frame.
        self.emit(
            Opcode::DebugMergePoint,
            vec![Arg::Int(self.callers.len() as i64)],
            Descr::Comment(comment),
        );
    }

    /// A back edge to `greens`: close the trace if it leads somewhere compiled.
    #[inline(never)]
    fn back_edge(&mut self, greens: G, reds: &[Val<Recorder<G>>]) -> Flow {
        if crate::interrupt::pending() {
            self.abort("interrupted");
            return Flow::Leave;
        }
        match self.callers.last().map(|frame| frame.callee) {
            Some(Some(callee)) => {
                // A loop inside an inlined callee: the callee is called
                // residually from now on, and its loop gets a trace of its own.
                self.jit.mark_not_inlinable(callee);
                self.retry(format!("a loop in the inlined call to {callee:?}"));
                return Flow::Leave;
            }
            Some(None) => {
                // A loop in a frame a bridge resumed inside its callers:
                // compiled code jumps to a loop only from the frame that
                // entered it, so at a compiled loop the frame leaves, still
                // recording, and the rest of it becomes a residual call
                // into the loop (`take_up_caller`); an uncompiled one is
                // followed, as a bridge does in its own frame.
                return match self.jit.loop_at(greens) {
                    Some(_) => Flow::Leave,
                    None => Flow::Continue,
                };
            }
            None => {}
        }
        let target = match self.kind {
            TraceKind::Loop(start) if start == greens => Some(None),
            _ => self.jit.loop_at(greens).map(Some),
        };
        let Some(target) = target else {
            if matches!(self.kind, TraceKind::Entry(_)) {
                // The function's loop is not compiled yet: its own trace
                // comes first (its counter is ticking), this one later.
                self.abort(format!("reached the loop at {greens:?}, not compiled yet"));
                return Flow::Leave;
            }
            return Flow::Continue;
        };
        // The back edge is a clean resume point whatever the instruction
        // did before it: compiled code stops here when interrupted.
        if self.active() {
            let slots: Vec<Arg> = reds.iter().map(|&v| ir_of(v)).collect();
            let (snapshot, fail_args) = self.snapshot_at(greens, &slots, Resume::Dispatch);
            self.emit_guard(Opcode::GuardNotInterrupted, vec![], snapshot, fail_args);
            // The loop starts again from the object in memory.
            self.flush_virtual();
        }
        let descr = target.map_or(Descr::None, Descr::Loop);
        self.emit(
            Opcode::Jump,
            reds.iter().map(|&v| ir_of(v)).collect(),
            descr,
        );
        if self.active() {
            self.outcome = Outcome::Closed(target);
        }
        Flow::Leave
    }
}

/// User-level calls while recording (`Mode::call_portal`).
impl<G: Greens> Recorder<G> {
    /// Run the callee in the plain mode (a nested portal) from the concrete
    /// values of its reds; its completion as recorder values that are
    /// constants (for a trace that is no longer recorded) or are replaced by
    /// the caller (`residual`).
    pub(crate) fn run_concretely<I: Interpreter<G = G>>(
        &mut self,
        interp: &I,
        callee: G,
        callee_reds: &I::Reds<Self>,
    ) -> Result<Completion<Self>, I::Error> {
        let plain_reds =
            <I::Reds<Plain<G>>>::load(&mut saved(callee_reds).into_iter().map(Recorder::concrete))
                .expect("reds fit");
        let jit = Jit::from_shared(self.jit.clone());
        let completion = jit.run_from(interp, callee, plain_reds).inspect_err(|_| {
            self.abort("the interpreter failed in a call");
        })?;
        let constant = |v: Val<Plain<G>>| {
            let (ty, w) = (plain_type(v), word(v));
            rval(ty, w, Arg::from_word(ty, w))
        };
        Ok(match completion {
            Completion::Return(v) => Completion::Return(constant(v)),
            Completion::Raise(v) => Completion::Raise(constant(v)),
        })
    }

    /// Follow the call: record the callee's instructions into this trace.
    fn inline<I: Interpreter<G = G>>(
        &mut self,
        interp: &I,
        at: G,
        caller_slots: &[Arg],
        callee: G,
        mut callee_reds: I::Reds<Self>,
    ) -> Result<Completion<Self>, I::Error> {
        let at = self.jit.position_id(at);
        let virt = self.virt.take();
        self.callers.push(CallerFrame {
            at,
            reds: caller_slots.to_vec(),
            callee: Some(callee),
            ops_before: self.trace.ops.len(),
            virt,
            snapshot: None,
        });
        let result = interp.dispatch(self, callee, &mut callee_reds);
        // The callee's frame object may outlive the call.
        self.flush_virtual();
        self.virt = self.callers.pop().and_then(|c| c.virt);
        match result {
            Err(e) => {
                self.abort("the interpreter failed in an inlined call");
                Err(e)
            }
            Ok(Exit::Return(v)) => Ok(Completion::Return(v)),
            Ok(Exit::Raise(v)) => Ok(Completion::Raise(v)),
            // Recording stopped inside the callee: finish it concretely.
            Ok(Exit::Leave(g)) => self.run_concretely(interp, g, &callee_reds),
        }
    }

    /// Do not follow the call: record `call_may_force` of the callee's
    /// residual call site (`portal.rs`) and `guard_no_exception`, which
    /// resumes the caller with whatever completed the call. With
    /// `rest_of_frame`, the "callee" is the rest of a frame a bridge
    /// resumed, from `callee`, a loop with compiled code (`call_assembler`
    /// enters it, `Runner::run_entry`).
    fn residual<I: Interpreter<G = G>>(
        &mut self,
        interp: &I,
        at: G,
        caller_slots: &[Arg],
        callee: G,
        callee_reds: &I::Reds<Self>,
        rest_of_frame: bool,
    ) -> Result<Completion<Self>, I::Error> {
        let reds = saved(callee_reds);
        let forces = crate::ir::Effects {
            kind: EffectKind::ForcesFrames,
            reads: None,
            writes: None,
        };
        self.around_call(&forces, true);
        let completion = self.run_concretely(interp, callee, callee_reds)?;
        self.around_call(&forces, false);
        let value = match completion {
            Completion::Return(v) => v,
            Completion::Raise(_) => {
                self.abort("a call that is not inlined raised while tracing");
                return Ok(completion);
            }
        };
        let kinds: Vec<Type> = reds.iter().map(|&v| val_type(v)).collect();
        let ret = val_type(value);
        if reds.len() > portal::MAX_SITE_REDS || kinds.contains(&Type::Float) || ret == Type::Float
        {
            self.abort(format!(
                "a call that is not inlined passes {} reds or floats (at most {} ints or references)",
                reds.len(),
                portal::MAX_SITE_REDS
            ));
            return Ok(completion);
        }
        let site = self.jit.site(callee, kinds, ret);
        let mut args = vec![Arg::Int(site as i64)];
        args.extend(reds.iter().map(|&v| ir_of(v)));
        // Straight into the callee's compiled entry once it has one (for
        // the rest of a frame, into the loop there, which it has).
        let compiled = if rest_of_frame {
            self.jit.loop_at(callee).is_some()
        } else {
            self.jit.entry_at(callee).is_some()
        };
        let opcode = match (compiled, ret) {
            (true, Type::Ref) => Opcode::CallAssemblerR,
            (true, _) => Opcode::CallAssemblerI,
            (false, _) => Opcode::call_may_force_for(ret),
        };
        let ir = self.emit(
            opcode,
            args,
            Descr::Call(portal::site_descr_for(reds.len(), ret, compiled)),
        );
        let (snapshot, fail_args) = self.snapshot_at(at, caller_slots, Resume::Pending);
        self.emit_guard(Opcode::GuardNoException, vec![], snapshot, fail_args);
        Ok(Completion::Return(rval(ret, concrete_word(value), ir)))
    }
}

/// The first operand of the `finish` that ends a trace whose frame
/// completed: bit 0 set for a raise, the value's type above it.
pub(crate) fn finish_code(raised: bool, ty: Type) -> i64 {
    let ty = match ty {
        Type::Int | Type::Void => 0,
        Type::Ref => 1,
        Type::Float => 2,
    };
    ty << 1 | raised as i64
}

/// The inverse of `finish_code`.
pub(crate) fn decode_finish(code: u64) -> (bool, Type) {
    let ty = match code >> 1 {
        0 => Type::Int,
        1 => Type::Ref,
        _ => Type::Float,
    };
    (code & 1 == 1, ty)
}

fn val_type<M: Mode>(v: Val<M>) -> Type {
    match v {
        Val::Int(_) => Type::Int,
        Val::Ref(_) => Type::Ref,
        Val::Float(_) => Type::Float,
    }
}

fn plain_type<G: Greens>(v: Val<Plain<G>>) -> Type {
    val_type(v)
}

fn saved<G: Greens, R: RedState<Recorder<G>>>(reds: &R) -> Vec<Val<Recorder<G>>> {
    let mut v = Vec::new();
    reds.save(&mut v);
    v
}

impl<G: Greens> Mode for Recorder<G> {
    fn is_constant(&self, r: RRef) -> bool {
        r.ir.is_const()
    }
    type G = G;
    type Int = RInt;
    type Ref = RRef;
    type Float = RFloat;

    fn we_are_jitted(&self) -> bool {
        true
    }
    fn int(&mut self, v: i64) -> RInt {
        Rv {
            value: v,
            ir: Arg::Int(v),
        }
    }
    fn float(&mut self, v: f64) -> RFloat {
        Rv {
            value: v,
            ir: Arg::float(v),
        }
    }
    fn const_ref(&mut self, p: usize) -> RRef {
        Rv {
            value: p,
            ir: Arg::Ref(p),
        }
    }
    fn int_unary(&mut self, op: Opcode, a: RInt) -> RInt {
        self.int_result(op, &[(a.value as u64, a.ir)])
    }
    fn int_binary(&mut self, op: Opcode, a: RInt, b: RInt) -> RInt {
        self.int_result(op, &[(a.value as u64, a.ir), (b.value as u64, b.ir)])
    }
    fn int_ovf(&mut self, op: Opcode, a: RInt, b: RInt) -> Option<RInt> {
        let (w, overflowed) = eval::overflowing(op, a.value as u64, b.value as u64);
        if a.ir.is_const() && b.ir.is_const() {
            return (!overflowed).then_some(Rv {
                value: w as i64,
                ir: Arg::Int(w as i64),
            });
        }
        let ir = self.emit(op, vec![a.ir, b.ir], Descr::None);
        if overflowed {
            self.guard(Opcode::GuardOverflow, vec![]);
            None
        } else {
            self.guard(Opcode::GuardNoOverflow, vec![]);
            Some(Rv {
                value: w as i64,
                ir,
            })
        }
    }
    fn float_unary(&mut self, op: Opcode, a: RFloat) -> RFloat {
        self.float_result(op, &[(a.value.to_bits(), a.ir)])
    }
    fn float_binary(&mut self, op: Opcode, a: RFloat, b: RFloat) -> RFloat {
        self.float_result(op, &[(a.value.to_bits(), a.ir), (b.value.to_bits(), b.ir)])
    }
    fn float_compare(&mut self, op: Opcode, a: RFloat, b: RFloat) -> RInt {
        self.int_result(op, &[(a.value.to_bits(), a.ir), (b.value.to_bits(), b.ir)])
    }
    fn int_to_float(&mut self, a: RInt) -> RFloat {
        self.float_result(Opcode::CastIntToFloat, &[(a.value as u64, a.ir)])
    }
    fn float_to_int(&mut self, a: RFloat) -> RInt {
        self.int_result(Opcode::CastFloatToInt, &[(a.value.to_bits(), a.ir)])
    }
    fn ptr_eq(&mut self, a: RRef, b: RRef) -> RInt {
        self.int_result(
            Opcode::PtrEq,
            &[(a.value as u64, a.ir), (b.value as u64, b.ir)],
        )
    }
    fn ptr_to_int(&mut self, r: RRef) -> RInt {
        self.int_result(Opcode::CastPtrToInt, &[(r.value as u64, r.ir)])
    }
    fn int_to_ptr(&mut self, i: RInt) -> RRef {
        let (w, ir) = self.pure(Opcode::CastIntToPtr, Type::Ref, &[(i.value as u64, i.ir)]);
        Rv {
            value: w as usize,
            ir,
        }
    }
    fn is_true(&mut self, a: RInt) -> bool {
        let v = a.value != 0;
        self.guard(
            if v {
                Opcode::GuardTrue
            } else {
                Opcode::GuardFalse
            },
            vec![a.ir],
        );
        v
    }
    fn is_null(&mut self, r: RRef) -> bool {
        let v = r.value == 0;
        self.guard(
            if v {
                Opcode::GuardIsnull
            } else {
                Opcode::GuardNonnull
            },
            vec![r.ir],
        );
        v
    }
    fn promote_int(&mut self, a: RInt) -> i64 {
        self.guard(Opcode::GuardValue, vec![a.ir, Arg::Int(a.value)]);
        a.value
    }
    fn promote_ref(&mut self, r: RRef) -> usize {
        self.guard(Opcode::GuardValue, vec![r.ir, Arg::Ref(r.value)]);
        r.value
    }
    fn class_of(&mut self, r: RRef) -> u32 {
        // SAFETY: the `Mode` contract (hints.rs): `r` is a live object.
        let class = unsafe { heap::type_id(r.value) };
        self.guard(
            Opcode::GuardNonnullClass,
            vec![r.ir, Arg::Int(class as i64)],
        );
        class
    }
    fn getfield_int(&mut self, obj: RRef, d: &'static FieldDescr) -> RInt {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        let w = unsafe { heap::load(obj.value, d.offset as i64, 8) };
        Rv {
            value: w as i64,
            ir: self.emit(Opcode::GetfieldI, vec![obj.ir], Descr::Field(d)),
        }
    }
    fn getfield_ref(&mut self, obj: RRef, d: &'static FieldDescr) -> RRef {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        let w = unsafe { heap::load(obj.value, d.offset as i64, 8) };
        Rv {
            value: w as usize,
            ir: self.emit(Opcode::GetfieldR, vec![obj.ir], Descr::Field(d)),
        }
    }
    fn getfield_float(&mut self, obj: RRef, d: &'static FieldDescr) -> RFloat {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        let w = unsafe { heap::load(obj.value, d.offset as i64, 8) };
        Rv {
            value: f64::from_bits(w),
            ir: self.emit(Opcode::GetfieldF, vec![obj.ir], Descr::Field(d)),
        }
    }
    fn setfield(&mut self, obj: RRef, d: &'static FieldDescr, v: Val<Self>) {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        unsafe { heap::store(obj.value, d.offset as i64, 8, concrete_word(v)) };
        self.store(Opcode::Setfield, vec![obj.ir, ir_of(v)], Descr::Field(d));
    }
    fn getarrayitem_int(&mut self, arr: RRef, d: &'static ArrayDescr, i: RInt) -> RInt {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        let w = unsafe { heap::load(arr.value, heap::item_offset(d, i.value), d.item_size) };
        Rv {
            value: w as i64,
            ir: self.load_item(Opcode::GetarrayitemI, arr, d, i),
        }
    }
    fn getarrayitem_ref(&mut self, arr: RRef, d: &'static ArrayDescr, i: RInt) -> RRef {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        let w = unsafe { heap::load(arr.value, heap::item_offset(d, i.value), 8) };
        Rv {
            value: w as usize,
            ir: self.load_item(Opcode::GetarrayitemR, arr, d, i),
        }
    }
    fn getarrayitem_float(&mut self, arr: RRef, d: &'static ArrayDescr, i: RInt) -> RFloat {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        let w = unsafe { heap::load(arr.value, heap::item_offset(d, i.value), 8) };
        Rv {
            value: f64::from_bits(w),
            ir: self.load_item(Opcode::GetarrayitemF, arr, d, i),
        }
    }
    fn setarrayitem(&mut self, arr: RRef, d: &'static ArrayDescr, i: RInt, v: Val<Self>) {
        // SAFETY: `Mode` contract (hints.rs): `arr` is a live `d` array, `i` in bounds.
        let (at, word) = (heap::item_offset(d, i.value), concrete_word(v));
        unsafe { heap::store(arr.value, at, d.item_size, word) };
        if let Some(k) = self.virtual_item(arr, d, i) {
            // Not a side effect: a guard's snapshot has the item as it was.
            let virt = self.virt.as_mut().unwrap();
            virt.items.insert(k, (ir_of(v), true));
            return;
        }
        let whole_object = self
            .virt
            .as_ref()
            .is_some_and(|v| v.object == arr.ir && self.active());
        if whole_object {
            // An item at an index not known: the object must be up to date,
            // and any item may change.
            self.flush_virtual();
            self.virt.as_mut().unwrap().items.clear();
        }
        self.store(
            Opcode::Setarrayitem,
            vec![arr.ir, i.ir, ir_of(v)],
            Descr::Array(d),
        );
    }
    fn arraylen(&mut self, arr: RRef, d: &'static ArrayDescr) -> RInt {
        // SAFETY: the `Mode` contract (hints.rs): `arr` is a live `d` array.
        let w = unsafe { heap::load(arr.value, d.len_offset as i64, 8) };
        Rv {
            value: w as i64,
            ir: self.emit(Opcode::Arraylen, vec![arr.ir], Descr::Array(d)),
        }
    }
    fn new_object(&mut self, d: &'static SizeDescr) -> RRef {
        let value = heap::alloc_object(d);
        let ir = self.emit(Opcode::New, vec![], Descr::Size(d));
        Rv {
            value,
            ir: self.allocated(ir),
        }
    }
    fn new_array(&mut self, d: &'static ArrayDescr, len: RInt) -> RRef {
        let value = heap::alloc_array(d, len.value);
        let ir = self.emit(Opcode::NewArray, vec![len.ir], Descr::Array(d));
        Rv {
            value,
            ir: self.allocated(ir),
        }
    }
    fn call(&mut self, d: &'static CallDescr, args: &[Val<Self>]) -> Val<Self> {
        let words: Vec<u64> = args.iter().map(|&a| concrete_word(a)).collect();
        self.around_call(d.effects(), true);
        // SAFETY: the concrete values are what the plain mode would pass
        // (see `Plain::call`).
        let w = unsafe { abi::invoke(d, &words) };
        self.around_call(d.effects(), false);
        let irs: Vec<Arg> = args.iter().map(|&a| ir_of(a)).collect();
        let elidable = d.effects().kind == EffectKind::Elidable;
        if elidable && irs.iter().all(|a| a.is_const()) {
            return rval(d.ret(), w, Arg::from_word(d.ret(), w));
        }
        let ir = self.emit(Opcode::call_for(d.ret(), elidable), irs, Descr::Call(d));
        if !d.effects().writes_nothing() {
            self.dirty = true;
        }
        rval(d.ret(), w, ir)
    }
    fn call_may_raise(
        &mut self,
        d: &'static CallDescr,
        args: &[Val<Self>],
    ) -> Result<Val<Self>, RRef> {
        let words: Vec<u64> = args.iter().map(|&a| concrete_word(a)).collect();
        self.around_call(d.effects(), true);
        // SAFETY: as in `call`.
        let w = unsafe { abi::invoke(d, &words) };
        let raised = portal::take_raised();
        self.around_call(d.effects(), false);
        let irs: Vec<Arg> = args.iter().map(|&a| ir_of(a)).collect();
        let ir = self.emit(Opcode::call_for(d.ret(), false), irs, Descr::Call(d));
        if !d.effects().writes_nothing() {
            self.dirty = true;
        }
        match raised {
            None => {
                self.guard(Opcode::GuardNoException, vec![]);
                Ok(rval(d.ret(), w, ir))
            }
            Some(exception) => {
                self.guard(Opcode::GuardException, vec![]);
                let ir = self.emit(Opcode::CallR, vec![], Descr::Call(&portal::TAKE_EXCEPTION));
                Err(Rv {
                    value: exception,
                    ir,
                })
            }
        }
    }
    fn call_may_raise_at<R: RedState<Self>>(
        &mut self,
        d: &'static CallDescr,
        args: &[Val<Self>],
        at: G,
        reds: &R,
    ) -> Result<Val<Self>, RRef> {
        if d.effects().writes_nothing() {
            return self.call_may_raise(d, args);
        }
        let slots: Vec<Arg> = saved(reds).iter().map(|&v| ir_of(v)).collect();
        let words: Vec<u64> = args.iter().map(|&a| concrete_word(a)).collect();
        self.around_call(d.effects(), true);
        // SAFETY: as in `call`.
        let w = unsafe { abi::invoke(d, &words) };
        let raised = portal::take_raised();
        self.around_call(d.effects(), false);
        let irs: Vec<Arg> = args.iter().map(|&a| ir_of(a)).collect();
        let ir = self.emit(Opcode::call_for(d.ret(), false), irs, Descr::Call(d));
        self.dirty = true;
        match raised {
            None => {
                if self.active() {
                    let (snapshot, fail_args) = self.snapshot_at(at, &slots, Resume::Pending);
                    self.emit_guard(Opcode::GuardNoException, vec![], snapshot, fail_args);
                }
                Ok(rval(d.ret(), w, ir))
            }
            Some(exception) => {
                self.abort(format!("{} raised after its side effects", d.name()));
                Err(Rv {
                    value: exception,
                    ir: Arg::Ref(exception),
                })
            }
        }
    }
    fn call_portal<I: Interpreter<G = G>>(
        &mut self,
        interp: &I,
        at: G,
        caller: &mut I::Reds<Self>,
        callee: G,
        callee_reds: I::Reds<Self>,
    ) -> Result<Exit<G, Self>, I::Error> {
        let caller_slots: Vec<Arg> = saved(caller).iter().map(|&v| ir_of(v)).collect();
        let completion = if !self.active() {
            self.run_concretely(interp, callee, &callee_reds)?
        } else if self.callers.len() < self.jit.params.inline_depth as usize
            && !self.callers.iter().any(|c| c.callee == Some(callee))
            && self.kind != TraceKind::Entry(callee)
            && self.jit.may_inline(callee)
        {
            self.inline(interp, at, &caller_slots, callee, callee_reds)?
        } else {
            self.residual(interp, at, &caller_slots, callee, &callee_reds, false)?
        };
        self.resume_after_call(at, caller_slots, completion);
        interp.after_call(self, at, caller, completion)
    }
    fn quasi_immutable(&mut self, obj: usize, d: &'static FieldDescr) -> u64 {
        // SAFETY: the `Mode` contract (hints.rs): `obj` is a live object with field `d`.
        let w = unsafe { heap::load(obj, d.offset as i64, 8) };
        if self.active() {
            self.guard(Opcode::GuardNotInvalidated, vec![]);
            if !self.quasi_read.iter().any(|&q| std::ptr::eq(q, d)) {
                self.quasi_read.push(d);
                let flag = self.quasi.get_or_insert_with(crate::quasi::Flag::default);
                crate::quasi::depend(flag, &[d]);
            }
        }
        w
    }
    fn set_quasi_immutable(&mut self, obj: RRef, d: &'static FieldDescr, v: Val<Self>) {
        crate::quasi::invalidate(d);
        let addr = Arg::Int(d as *const FieldDescr as i64);
        self.emit(
            Opcode::CallI,
            vec![addr],
            Descr::Call(&crate::quasi::INVALIDATE),
        );
        self.dirty = true;
        self.setfield(obj, d, v);
    }
    fn virtualizable(&mut self, object: RRef, d: &'static ArrayDescr) {
        let same = self.virt.as_ref().is_some_and(|v| v.object == object.ir);
        if self.active() && !same {
            self.virt = Some(Virt {
                object: object.ir,
                descr: d,
                items: std::collections::BTreeMap::new(),
            });
        }
    }
    fn resume_point<R: RedState<Self>>(&mut self, greens: G, reds: &R) {
        if self.active() {
            let slots: Vec<Arg> = saved(reds).iter().map(|&v| ir_of(v)).collect();
            self.set_resume_point(greens, &slots, Resume::Dispatch);
        }
    }
    fn jit_merge_point<R: RedState<Self>>(&mut self, greens: G, reds: &R) -> Option<Exit<G, Self>> {
        if !self.active() {
            return Some(Exit::Leave(greens));
        }
        self.merge_point(greens, &saved(reds));
        None
    }
    fn can_enter_jit<R: RedState<Self>>(&mut self, greens: G, reds: &R) -> Option<Exit<G, Self>> {
        if !self.active() || self.back_edge(greens, &saved(reds)) == Flow::Leave {
            return Some(Exit::Leave(greens));
        }
        None
    }
}
