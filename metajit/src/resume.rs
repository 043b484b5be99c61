//! Resume: from a failed guard back to the interpreter.
//!
//! A guard's snapshot names, for every frame it describes (outermost first:
//! the frame that entered the compiled code, then each inlined callee), the
//! position (greens), the kinds of the frame's red slots and how the frame
//! is taken up (`ir::Resume`). The backend hands back the fail arguments'
//! values as machine words, frame after frame. Rebuilding is typing each word
//! by its kind and loading each frame's red struct from its slice, in the
//! order `RedState::save` wrote it when the snapshot was taken.
//!
//! Then the innermost frame goes first: it re-executes its instruction from
//! the start (`Dispatch`: correct because the recorder allowed no side effect
//! before a guard in the same instruction), or its call has completed and
//! `Interpreter::after_call` takes the result (`Returned`, `Raised`, or what
//! the pending slot holds, `Pending`). An inner frame runs to completion
//! through a nested portal, and its completion goes to its caller's
//! `after_call`; the outermost frame carries on in the portal that entered
//! the compiled code. So the three places where a call completes (plain
//! mode, recording, resuming) all finish the caller's instruction with the
//! same hook.
//!
//! Before any frame is taken up, the objects the optimizer did not
//! allocate (`opt/virtualize.rs`) are: allocated, their fields filled from
//! fail arguments, and their addresses put in the words that stand for
//! them, so the frames see ordinary references. Then the stores the
//! optimizer delayed past the guard (`opt/heap.rs`) are done, in order.
//!
//! A guard that gets a bridge is not resumed: `bridge_start` does steps
//! that change no frame (the virtual objects built, the pending stores
//! made, the virtual items written, the words typed) and the recorder takes the frames up instead,
//! in the recording mode, innermost first, through the same `after_call`
//! (`Recorder::take_up_caller`), so a bridge follows the path resuming
//! would have taken.
//!
//! A resume point is its innermost frame, which points at its caller's
//! frame, and so on outwards (`Rc`): the guards of one snapshot share one
//! point, and the guards inside one inlined call share the frames around
//! it, as their snapshots do in the trace (`ir::Snapshot`). So the resume
//! data of a trace grows with its snapshots, not with guards times depth,
//! and a failing guard's point is taken by cloning an `Rc`.

use crate::driver::Jit;
use crate::hints::{Completion, Exit, Greens, Interpreter, RedState, Val};
use crate::ir::{DescrRef, Resume, Slot, Type, VirtualItems, VirtualKind, Virtuals};
use crate::plain::{from_word, Plain};
use crate::portal::{self, Pending};
use std::rc::Rc;

/// One frame of a compiled guard's resume point.
#[derive(Clone, Debug)]
pub struct ResumeFrame<G> {
    pub greens: G,
    /// The type of each of the frame's fail arguments, in order: its
    /// slots, then its virtual items.
    pub kinds: Vec<Type>,
    /// How many of them are slots.
    pub slots: usize,
    pub resume: Resume,
    /// Items of the frame's virtualizable that compiled code had not
    /// stored: written before the frame is taken up.
    pub virtuals: Option<VirtualItems>,
    /// The frame this one was called from, in the same compiled code.
    pub caller: Option<Rc<ResumeFrame<G>>>,
}

/// The resume point of one compiled guard, kept by the driver.
#[derive(Clone, Debug)]
pub struct ResumePoint<G> {
    pub innermost: Rc<ResumeFrame<G>>,
    /// The objects the optimizer did not allocate, built first; their
    /// fields' values follow the frames' fail arguments. `None` for most
    /// guards.
    pub virtuals: Option<Rc<Virtuals>>,
}

/// The state a trace starts from. For a bridge: its guard's fail arguments,
/// which become its inputs, typed (those that stand for virtual objects hold
/// the objects resuming built), the frames they fill, outermost first, and
/// the virtual objects, which the bridge allocates again (as `new`s its
/// optimizer may remove again). For a loop or an entry: the reds of the
/// frame it starts in.
pub(crate) struct Start<G: Greens> {
    pub inputs: Vec<Val<Plain<G>>>,
    pub frames: Vec<StartFrame<G>>,
    pub objects: Option<Rc<Virtuals>>,
}

/// One frame of a `Start`: its inputs are its slots, then the values of
/// its virtual items.
pub(crate) struct StartFrame<G> {
    pub greens: G,
    pub slots: usize,
    /// Items of the frame's virtualizable that compiled code had not stored
    /// (resuming wrote them to the object).
    pub virtuals: Option<VirtualItems>,
}

impl<G: Greens> Start<G> {
    /// The start of a trace from one frame at `greens` with `reds`.
    pub(crate) fn frame<R: RedState<Plain<G>>>(greens: G, reds: &R) -> Start<G> {
        let mut inputs = Vec::new();
        reds.save(&mut inputs);
        Start {
            frames: vec![StartFrame {
                greens,
                slots: inputs.len(),
                virtuals: None,
            }],
            inputs,
            objects: None,
        }
    }
}

/// What taking up the frames of a resume point gives.
type Taken<I> = Result<
    Resumed<<I as Interpreter>::G, <I as Interpreter>::Reds<Plain<<I as Interpreter>::G>>>,
    <I as Interpreter>::Error,
>;

/// Where the outermost frame stands once resumed.
pub(crate) enum Resumed<G: Greens, R> {
    /// Carry on in the dispatch loop at these greens with these reds.
    At(G, R),
    /// The outermost frame completed too (its call's `after_call` said so).
    Completed(Completion<Plain<G>>),
}

impl<G: Greens> ResumePoint<G> {
    /// The innermost frame's position (what logs show).
    pub fn greens(&self) -> G {
        self.innermost.greens
    }

    /// Whether a bridge can start here: the innermost frame re-executes its
    /// instruction from the start (`Dispatch`), and every frame around it
    /// waits in a call (`Caller`), which the recorder takes up through
    /// `after_call` when the frame inside completes, as `resume` does. A
    /// frame whose call has completed (`Returned`, `Raised`, `Pending`) is
    /// not a start.
    pub fn bridgeable(&self) -> bool {
        let mut callers =
            std::iter::successors(self.innermost.caller.as_deref(), |f| f.caller.as_deref());
        self.innermost.resume == Resume::Dispatch && callers.all(|f| f.resume == Resume::Caller)
    }

    /// What a bridge from this (`bridgeable`) point starts from, given the
    /// failed guard's fail-argument words: the virtual objects built and
    /// each frame's virtual items written to its object, as resuming does
    /// (so the recorder runs on the same state), and the words typed.
    /// `values` must be rooted, and stay so while the start is used.
    pub(crate) fn bridge_start(&self, values: &mut [u64]) -> Start<G> {
        self.check(values);
        if let Some(v) = &self.virtuals {
            materialize(v, values);
            perform_stores(v, values);
        }
        // A helper's exception that a guard caught is raised again when the
        // instruction runs again.
        portal::take();
        let mut kinds = Vec::with_capacity(values.len());
        let mut frames = Vec::new();
        let mut rest = &values[..];
        for f in self.frames() {
            let (words, later) = rest.split_at(f.kinds.len());
            rest = later;
            write_back(f, words);
            kinds.extend_from_slice(&f.kinds);
            frames.push(StartFrame {
                greens: f.greens,
                slots: f.slots,
                virtuals: f.virtuals.clone(),
            });
        }
        // The virtual objects' fields: each has the type of its slot.
        kinds.resize(values.len(), Type::Int);
        for object in self.virtuals.iter().flat_map(|v| &v.objects) {
            for &(slot, at) in &object.slots {
                kinds[at as usize] = match (object.kind, slot) {
                    (_, Slot::Field(f)) => f.ty,
                    (VirtualKind::Array(d, _), Slot::Item(_)) => d.item,
                    (VirtualKind::Object(_), Slot::Item(_)) => Type::Int,
                };
            }
        }
        for store in self.virtuals.iter().flat_map(|v| &v.stores) {
            kinds[store.object as usize] = Type::Ref;
            kinds[store.value as usize] = store.value_type();
        }
        Start {
            inputs: kinds
                .iter()
                .zip(values.iter())
                .map(|(&ty, &w)| from_word(ty, w))
                .collect(),
            frames,
            objects: self.virtuals.clone(),
        }
    }

    /// The frames, outermost first.
    pub fn frames(&self) -> Vec<&ResumeFrame<G>> {
        let mut frames = Vec::new();
        let mut at = Some(&*self.innermost);
        while let Some(f) = at {
            frames.push(f);
            at = f.caller.as_deref();
        }
        frames.reverse();
        frames
    }

    /// Fail arguments the frames take.
    fn slots(&self) -> usize {
        self.frames().iter().map(|f| f.kinds.len()).sum()
    }

    /// Fail arguments in all: the frames', then the virtual objects' fields
    /// and the pending stores' objects and values.
    fn width(&self) -> usize {
        self.slots() + self.virtuals.as_ref().map_or(0, |v| v.width(self.slots()))
    }

    fn check(&self, values: &[u64]) {
        assert_eq!(
            values.len(),
            self.width(),
            "fail arguments do not match the snapshot at {:?}",
            self.greens()
        );
    }

    /// Take up every frame (module comment) and say where the outermost one
    /// stands. `values` must be rooted (`gc::RootedWords`): building the
    /// virtual objects allocates, and writes their addresses into it.
    pub(crate) fn resume<I: Interpreter<G = G>>(
        &self,
        jit: &Jit<G>,
        interp: &I,
        values: &mut [u64],
    ) -> Taken<I> {
        self.check(values);
        if let Some(v) = &self.virtuals {
            materialize(v, values);
            perform_stores(v, values);
        }
        let values = &values[..self.slots()];
        let all = self.frames();
        let mut slices = Vec::with_capacity(all.len());
        let mut rest = values;
        for f in &all {
            let (now, later) = rest.split_at(f.kinds.len());
            slices.push(now);
            rest = later;
        }
        let mut plain = jit.plain();
        let mut frames = all.into_iter().zip(slices).rev();
        let (inner, words) = frames.next().expect("a resume point has a frame");
        let (step, reds) = match inner.resume {
            Resume::Dispatch | Resume::Caller => {
                // A helper's exception that a guard caught is raised again
                // when the instruction runs again.
                portal::take();
                write_back(inner, words);
                (Exit::Leave(inner.greens), load(inner, words))
            }
            Resume::Returned | Resume::Raised => {
                let (value, caller) = words[..inner.slots].split_last().expect("the value slot");
                let value = from_word::<G>(*inner.kinds.last().unwrap(), *value);
                let completion = if inner.resume == Resume::Returned {
                    Completion::Return(value)
                } else {
                    Completion::Raise(value)
                };
                write_back(inner, words);
                let mut reds = load(inner, caller);
                let step = interp.after_call(&mut plain, inner.greens, &mut reds, completion)?;
                (step, reds)
            }
            Resume::Pending => {
                let completion = match portal::take() {
                    Some(Pending::Completion { raised, ty, word }) => {
                        let v = from_word::<G>(ty, word);
                        if raised {
                            Completion::Raise(v)
                        } else {
                            Completion::Return(v)
                        }
                    }
                    Some(Pending::Error(e)) => match e.downcast::<I::Error>() {
                        Ok(e) => return Err(*e),
                        Err(_) => panic!("a residual call left an error of another interpreter"),
                    },
                    None => panic!("guard_no_exception failed with nothing pending"),
                };
                write_back(inner, words);
                let mut reds = load(inner, words);
                let step = interp.after_call(&mut plain, inner.greens, &mut reds, completion)?;
                (step, reds)
            }
        };
        self.finish(jit, interp, step, reds, frames)
    }

    /// The innermost frame took `step` with `reds`: run it to completion if
    /// it has callers, and hand its completion outwards.
    fn finish<'a, I: Interpreter<G = G>>(
        &self,
        jit: &Jit<G>,
        interp: &I,
        mut step: Exit<G, Plain<G>>,
        mut reds: I::Reds<Plain<G>>,
        callers: impl Iterator<Item = (&'a ResumeFrame<G>, &'a [u64])>,
    ) -> Taken<I>
    where
        G: 'a,
    {
        let mut plain = jit.plain();
        for (caller, words) in callers {
            let completion = match step {
                Exit::Leave(g) => jit.run_from(interp, g, reds)?,
                Exit::Return(v) => Completion::Return(v),
                Exit::Raise(v) => Completion::Raise(v),
            };
            write_back(caller, words);
            reds = load::<G, I::Reds<Plain<G>>>(caller, words);
            step = interp.after_call(&mut plain, caller.greens, &mut reds, completion)?;
        }
        Ok(match step {
            Exit::Leave(g) => Resumed::At(g, reds),
            Exit::Return(v) => Resumed::Completed(Completion::Return(v)),
            Exit::Raise(v) => Resumed::Completed(Completion::Raise(v)),
        })
    }
}

/// Allocate the guard's virtual objects, as the trace's `new`s and
/// `new_array`s would have, fill their fields and items from the fail
/// arguments' words, and put their addresses where fail arguments stand for
/// them (in frames' slots and in each other's fields, so cycles close). `values` are a failed guard's
/// fail-argument words, as a backend hands them back; the caller keeps them
/// rooted while it holds them.
pub fn materialize(v: &Virtuals, values: &mut [u64]) {
    // Each new object is written into `made`, a root, before the next
    // allocation can collect.
    let mut made = crate::gc::RootedWords::new(Vec::with_capacity(v.objects.len()));
    for object in &v.objects {
        let addr = match object.kind {
            VirtualKind::Object(d) => crate::heap::alloc_object(d),
            VirtualKind::Array(d, len) => crate::heap::alloc_array(d, len),
        };
        made.push(addr as u64);
    }
    for &(at, object) in &v.refs {
        values[at as usize] = made[object as usize];
    }
    for (object, &addr) in v.objects.iter().zip(made.iter()) {
        for &(slot, at) in &object.slots {
            let (offset, size) = match (object.kind, slot) {
                (VirtualKind::Array(d, len), Slot::Item(i)) if (0..len).contains(&i) => {
                    (crate::heap::item_offset(d, i), d.item_size)
                }
                (VirtualKind::Object(_), Slot::Field(f)) => (f.offset as i64, 8),
                _ => panic!("resume data names a slot its object does not have"),
            };
            // SAFETY: `addr` was just allocated as `object.kind` says, so it
            // has the field (the trace stored it into an object that `new`
            // made with that descriptor) or the item (checked against the
            // length above), and `made` keeps it alive.
            unsafe { crate::heap::store(addr as usize, offset, size, values[at as usize]) };
        }
    }
}

/// Do the stores the optimizer had delayed past the guard (`opt/heap.rs`),
/// in their order, from the fail arguments' words (after `materialize`, so
/// a virtual object among them is a real one by now).
pub fn perform_stores(v: &Virtuals, values: &[u64]) {
    for s in &v.stores {
        let object = values[s.object as usize] as usize;
        let (offset, size) = match (s.descr, s.index) {
            (DescrRef::Field(f), None) => (f.offset as i64, 8),
            (DescrRef::Array(a), Some(i)) => (crate::heap::item_offset(a, i), a.item_size),
            _ => panic!("resume data names a pending store without its place"),
        };
        // SAFETY: the trace stored to this place (its descriptor, and for an
        // array, an index its bounds check let through) of this object,
        // which the fail arguments keep alive; the optimizer only delayed
        // the store.
        unsafe { crate::heap::store(object, offset, size, values[s.value as usize]) };
    }
}

/// Write the frame's virtual items into its virtualizable object.
fn write_back<G: Greens>(frame: &ResumeFrame<G>, words: &[u64]) {
    let Some(v) = &frame.virtuals else {
        return;
    };
    let object = words[v.object as usize] as usize;
    for (&item, &w) in v.items.iter().zip(&words[frame.slots..]) {
        let at = crate::heap::item_offset(v.descr, item);
        // SAFETY: the recorder saw `object` as a live array of `v.descr`
        // holding these items (`Mode::virtualizable`), and the snapshot
        // keeps it alive as one of the frame's slots.
        unsafe { crate::heap::store(object, at, v.descr.item_size, w) };
    }
}

/// Type the words of the frame's slots and load its reds.
fn load<G: Greens, R: RedState<Plain<G>>>(frame: &ResumeFrame<G>, words: &[u64]) -> R {
    let words = &words[..frame.slots.min(words.len())];
    let mut vals = frame
        .kinds
        .iter()
        .zip(words)
        .map(|(&ty, &w)| from_word::<G>(ty, w));
    R::load(&mut vals).unwrap_or_else(|| {
        panic!(
            "snapshot at {:?} does not fit the interpreter's reds",
            frame.greens
        )
    })
}
