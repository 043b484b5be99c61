//! Resume: from a failed guard back to the interpreter.
//!
//! A guard's snapshot names the position (greens) and the kinds of the red
//! slots; the backend hands back the fail arguments' values as machine
//! words, one per slot. Rebuilding the interpreter's state is then typing
//! each word by its kind and loading the red struct from the list, in the
//! order `RedState::save` wrote it when the snapshot was taken. The
//! interpreter re-executes the instruction from its start, which is correct
//! because the recorder allowed no side effect before a guard in the same
//! instruction.

use crate::hints::{Greens, RedState};
use crate::ir::Type;
use crate::plain::{from_word, Plain};

/// The resume point of one compiled guard, kept by the driver.
#[derive(Clone, Debug)]
pub struct ResumePoint<G> {
    pub greens: G,
    /// The type of each fail argument, in order.
    pub kinds: Vec<Type>,
}

impl<G: Greens> ResumePoint<G> {
    /// Rebuild the plain reds from the guard's fail-argument values.
    pub fn rebuild<R: RedState<Plain<G>>>(&self, values: &[u64]) -> R {
        assert_eq!(
            values.len(),
            self.kinds.len(),
            "fail arguments do not match the snapshot at {:?}",
            self.greens
        );
        let mut vals = self
            .kinds
            .iter()
            .zip(values)
            .map(|(&ty, &w)| from_word::<G>(ty, w));
        R::load(&mut vals).unwrap_or_else(|| {
            panic!(
                "snapshot at {:?} does not fit the interpreter's reds",
                self.greens
            )
        })
    }
}
