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

use crate::driver::Jit;
use crate::hints::{Completion, Exit, Greens, Interpreter, RedState};
use crate::ir::{Resume, Type};
use crate::plain::{from_word, Plain};
use crate::portal::{self, Pending};

/// One frame of a compiled guard's resume point.
#[derive(Clone, Debug)]
pub struct ResumeFrame<G> {
    pub greens: G,
    /// The type of each of the frame's fail arguments, in order.
    pub kinds: Vec<Type>,
    pub resume: Resume,
}

/// The resume point of one compiled guard, kept by the driver.
#[derive(Clone, Debug)]
pub struct ResumePoint<G> {
    /// Outermost first.
    pub frames: Vec<ResumeFrame<G>>,
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
        self.frames
            .last()
            .expect("a resume point has a frame")
            .greens
    }

    /// One frame, re-executed from the start of its instruction: the state a
    /// bridge can start from.
    pub fn is_simple(&self) -> bool {
        self.frames.len() == 1 && self.frames[0].resume == Resume::Dispatch
    }

    fn slots(&self) -> usize {
        self.frames.iter().map(|f| f.kinds.len()).sum()
    }

    /// Rebuild the plain reds of a one-frame resume point.
    pub fn rebuild<R: RedState<Plain<G>>>(&self, values: &[u64]) -> R {
        assert!(
            self.frames.len() == 1,
            "rebuild takes a one-frame resume point"
        );
        self.check(values);
        load(&self.frames[0], values)
    }

    fn check(&self, values: &[u64]) {
        assert_eq!(
            values.len(),
            self.slots(),
            "fail arguments do not match the snapshot at {:?}",
            self.greens()
        );
    }

    /// Take up every frame (module comment) and say where the outermost one
    /// stands.
    pub(crate) fn resume<I: Interpreter<G = G>>(
        &self,
        jit: &Jit<G>,
        interp: &I,
        values: &[u64],
    ) -> Taken<I> {
        self.check(values);
        let mut slices = Vec::with_capacity(self.frames.len());
        let mut rest = values;
        for f in &self.frames {
            let (now, later) = rest.split_at(f.kinds.len());
            slices.push(now);
            rest = later;
        }
        let mut plain = jit.plain();
        let mut frames = self.frames.iter().zip(slices).rev();
        let (inner, words) = frames.next().expect("a resume point has a frame");
        let (step, reds) = match inner.resume {
            Resume::Dispatch | Resume::Caller => {
                // A helper's exception that a guard caught is raised again
                // when the instruction runs again.
                portal::take();
                (Exit::Leave(inner.greens), load(inner, words))
            }
            Resume::Returned | Resume::Raised => {
                let (value, caller) = words.split_last().expect("the value slot");
                let value = from_word::<G>(*inner.kinds.last().unwrap(), *value);
                let completion = if inner.resume == Resume::Returned {
                    Completion::Return(value)
                } else {
                    Completion::Raise(value)
                };
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

/// Type the words of one frame and load its reds.
fn load<G: Greens, R: RedState<Plain<G>>>(frame: &ResumeFrame<G>, words: &[u64]) -> R {
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
