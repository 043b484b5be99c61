//! The hints: what an interpreter writes so that metajit can trace it.
//!
//! An interpreter's dispatch loop is written once, generic over `M: Mode`.
//! Every operation on *red* values (the state of the user program) goes
//! through `M`; everything computed from *greens* (the position in the user
//! program: which code, which pc) is plain Rust. `Plain` implements `Mode` by
//! simply doing the operation; `Recorder` does it and also appends IR. So the
//! bytecode decoding, being green, is never recorded: the trace is
//! specialized to the user program by construction (docs/architecture.md,
//! "Hints and the two modes").
//!
//! The names follow RPython's `rlib/jit.py`: `jit_merge_point`,
//! `can_enter_jit`, `promote`, `we_are_jitted`, elidable calls.

use crate::ir::{ArrayDescr, CallDescr, FieldDescr, Opcode, SizeDescr};
use std::fmt::Debug;
use std::hash::Hash;

/// The position key of a dispatch loop: immutable, cheap to copy and hash.
/// Its `Debug` form is what logs show as the source position, so make it
/// say something useful (`pc 4: MOV_R_A 2`).
pub trait Greens: Copy + Eq + Hash + Debug + 'static {}
impl<T: Copy + Eq + Hash + Debug + 'static> Greens for T {}

/// What the hot counter decided at a back edge (internal to the modes).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Flow {
    Continue,
    Leave,
}

/// A red value of any type, in mode `M`.
pub enum Val<M: Mode> {
    Int(M::Int),
    Ref(M::Ref),
    Float(M::Float),
}

impl<M: Mode> Clone for Val<M> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<M: Mode> Copy for Val<M> {}

impl<M: Mode> Debug for Val<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Val::Int(x) => write!(f, "Int({x:?})"),
            Val::Ref(x) => write!(f, "Ref({x:?})"),
            Val::Float(x) => write!(f, "Float({x:?})"),
        }
    }
}

/// How a dispatch loop returns to the driver.
pub enum Exit<G, M: Mode> {
    /// Left at a merge point or back edge; resume at these greens with the
    /// reds as they are.
    Leave(G),
    /// The user program (this portal invocation) returned this value.
    Return(Val<M>),
    /// This invocation raised a language-level exception (a red value, as a
    /// rule a reference to the exception object) that its caller handles.
    Raise(Val<M>),
}

/// How a portal invocation (a user-level call) completed: what
/// `Interpreter::after_call` receives and `Jit::run` returns.
pub enum Completion<M: Mode> {
    Return(Val<M>),
    Raise(Val<M>),
}

impl<M: Mode> Clone for Completion<M> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<M: Mode> Copy for Completion<M> {}

impl<M: Mode> Debug for Completion<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Completion::Return(v) => write!(f, "Return({v:?})"),
            Completion::Raise(v) => write!(f, "Raise({v:?})"),
        }
    }
}

impl<M: Mode> Completion<M> {
    /// The returned value, if the invocation returned.
    pub fn returned(self) -> Option<Val<M>> {
        match self {
            Completion::Return(v) => Some(v),
            Completion::Raise(_) => None,
        }
    }
}

/// The red state of one frame of a dispatch loop, as a struct the caller
/// owns. The driver turns it into a list of values (to make trace inputs, a
/// snapshot, or a loop's jump arguments) and back (to rebuild plain reds on
/// resume). Write it with `reds!`, or by hand for a frame with a variable
/// number of slots.
pub trait RedState<M: Mode>: Sized {
    fn save(&self, out: &mut Vec<Val<M>>);
    /// Rebuild from values in the order `save` wrote them; `None` if they do
    /// not fit (a wrong count or type is a bug in the driver, reported as such).
    fn load(vals: &mut dyn Iterator<Item = Val<M>>) -> Option<Self>;
}

/// A language's JIT-enabled dispatch loop: its greens, its reds, and the loop
/// itself, written once for every mode.
pub trait Interpreter {
    type G: Greens;
    type Reds<M: Mode<G = Self::G>>: RedState<M>;
    /// The interpreter's error (a failure of the interpreter itself, not a
    /// language exception: those are `Exit::Raise`); `Jit::run` makes one
    /// from `Interrupted` when the program is interrupted (`interrupt.rs`).
    type Error: From<crate::interrupt::Interrupted> + 'static;
    fn dispatch<M: Mode<G = Self::G>>(
        &self,
        m: &mut M,
        greens: Self::G,
        reds: &mut Self::Reds<M>,
    ) -> Result<Exit<Self::G, M>, Self::Error>;

    /// Finish the instruction at `at` whose user-level call (`call_portal`)
    /// has completed, in the caller's frame, whose reds are as they were
    /// when it called. Answer `Exit::Leave(greens)` to carry on in this frame
    /// at `greens` (the value pushed, or a handler found), or
    /// `Exit::Return`/`Exit::Raise` when this frame completes too (an
    /// exception it does not handle goes on to its own caller).
    ///
    /// metajit calls it in every mode: after a call in the plain mode and
    /// while recording, and when resuming the callers of an inlined callee
    /// after a guard failed, so the three cannot differ. Only an interpreter
    /// that calls `call_portal` needs it.
    fn after_call<M: Mode<G = Self::G>>(
        &self,
        m: &mut M,
        at: Self::G,
        reds: &mut Self::Reds<M>,
        completion: Completion<M>,
    ) -> Result<Exit<Self::G, M>, Self::Error> {
        let _ = (m, reds, completion);
        unreachable!("after_call at {at:?}: this interpreter never calls call_portal")
    }
}

/// An execution mode: how operations on red values are carried out.
///
/// Arithmetic takes the `Opcode` it means, so its semantics are those of
/// `ir::eval`, shared by every mode and backend; the named methods below are
/// shorthands. Methods that return a Rust `bool` or integer (`is_true`,
/// `promote_int`, `class_of`) are where a red value steers the interpreter:
/// the recorder guards them.
pub trait Mode: Sized {
    type G: Greens;
    type Int: Copy + Debug;
    type Ref: Copy + Debug;
    type Float: Copy + Debug;

    /// True while recording (RPython's `we_are_jitted`): lets an interpreter
    /// take a path that traces better. Both paths must compute the same thing.
    fn we_are_jitted(&self) -> bool;

    /// Is `r` a constant of the trace being recorded (RPython's
    /// `isconstant`)? Lets an interpreter specialize on a value that is
    /// known anyway, and on something coarser (promoting one of its fields)
    /// when it is not. Always true in the plain mode, where every value is
    /// known.
    fn is_constant(&self, r: Self::Ref) -> bool;

    fn int(&mut self, v: i64) -> Self::Int;
    fn float(&mut self, v: f64) -> Self::Float;
    fn const_ref(&mut self, p: usize) -> Self::Ref;

    fn int_unary(&mut self, op: Opcode, a: Self::Int) -> Self::Int;
    fn int_binary(&mut self, op: Opcode, a: Self::Int, b: Self::Int) -> Self::Int;
    /// `int_add_ovf` and friends: `None` if the operation overflowed.
    fn int_ovf(&mut self, op: Opcode, a: Self::Int, b: Self::Int) -> Option<Self::Int>;
    fn float_unary(&mut self, op: Opcode, a: Self::Float) -> Self::Float;
    fn float_binary(&mut self, op: Opcode, a: Self::Float, b: Self::Float) -> Self::Float;
    /// Float comparisons, giving 0 or 1.
    fn float_compare(&mut self, op: Opcode, a: Self::Float, b: Self::Float) -> Self::Int;
    fn int_to_float(&mut self, a: Self::Int) -> Self::Float;
    fn float_to_int(&mut self, a: Self::Float) -> Self::Int;
    fn ptr_eq(&mut self, a: Self::Ref, b: Self::Ref) -> Self::Int;
    /// The word of a reference as an int, and back (`cast_ptr_to_int`,
    /// `cast_int_to_ptr`): for tagged values (`value.rs`), never to forge a
    /// pointer to something that is not an object.
    fn ptr_to_int(&mut self, r: Self::Ref) -> Self::Int;
    fn int_to_ptr(&mut self, i: Self::Int) -> Self::Ref;

    /// Branch on a red integer: recorded as `guard_true` / `guard_false`.
    fn is_true(&mut self, a: Self::Int) -> bool;
    /// Branch on a red reference being null: `guard_isnull` / `guard_nonnull`.
    fn is_null(&mut self, r: Self::Ref) -> bool;
    /// RPython's `promote`: the value becomes a constant of the trace behind
    /// a `guard_value`.
    fn promote_int(&mut self, a: Self::Int) -> i64;
    fn promote_ref(&mut self, r: Self::Ref) -> usize;
    /// The type id in the object's header, promoted (`guard_class`); `r`
    /// must be a live object, never null.
    fn class_of(&mut self, r: Self::Ref) -> u32;

    // Heap access. The contract every interpreter keeps (the plain mode and
    // the recorder access memory directly, `heap::load`): `obj` is a live
    // object whose type has the field `d`; `arr` is an array of `d`'s type
    // and the index was checked against its length. Check null, class and
    // bounds with the methods above first.
    fn getfield_int(&mut self, obj: Self::Ref, d: &'static FieldDescr) -> Self::Int;
    fn getfield_ref(&mut self, obj: Self::Ref, d: &'static FieldDescr) -> Self::Ref;
    fn getfield_float(&mut self, obj: Self::Ref, d: &'static FieldDescr) -> Self::Float;
    fn setfield(&mut self, obj: Self::Ref, d: &'static FieldDescr, v: Val<Self>);
    fn getarrayitem_int(
        &mut self,
        arr: Self::Ref,
        d: &'static ArrayDescr,
        i: Self::Int,
    ) -> Self::Int;
    fn getarrayitem_ref(
        &mut self,
        arr: Self::Ref,
        d: &'static ArrayDescr,
        i: Self::Int,
    ) -> Self::Ref;
    fn getarrayitem_float(
        &mut self,
        arr: Self::Ref,
        d: &'static ArrayDescr,
        i: Self::Int,
    ) -> Self::Float;
    fn setarrayitem(&mut self, arr: Self::Ref, d: &'static ArrayDescr, i: Self::Int, v: Val<Self>);
    fn arraylen(&mut self, arr: Self::Ref, d: &'static ArrayDescr) -> Self::Int;
    fn new_object(&mut self, d: &'static SizeDescr) -> Self::Ref;
    fn new_array(&mut self, d: &'static ArrayDescr, len: Self::Int) -> Self::Ref;

    /// A residual call to a helper: recorded as one opaque `call` whose
    /// descriptor carries the effect summary; an elidable call on constants
    /// is computed while recording and becomes a constant. A void helper
    /// gives `Val::Int` 0.
    fn call(&mut self, d: &'static CallDescr, args: &[Val<Self>]) -> Val<Self>;

    /// A helper that may raise a language exception (`portal::raise`):
    /// `Err` with the exception. While recording, the call is followed by
    /// `guard_no_exception` (or `guard_exception`), whose resume point is the
    /// start of the instruction: only for helpers with no writes, which may
    /// run again when the instruction is re-executed.
    fn call_may_raise(
        &mut self,
        d: &'static CallDescr,
        args: &[Val<Self>],
    ) -> Result<Val<Self>, Self::Ref>;

    /// A helper that may write and may raise, called as the last effect of
    /// the instruction at `at` whose frame's reds are `reds` (as they are
    /// before the call): `Err` with the exception. While recording, the
    /// `guard_no_exception` after it resumes by handing the exception to
    /// `Interpreter::after_call(at, reds, Completion::Raise(e))`, since the
    /// instruction cannot run again once the helper's effects happened; so
    /// `after_call` must treat a raise at `at` as the interpreter does when
    /// this returns `Err`. Guards later in the same instruction need a
    /// `resume_point`. A helper that writes nothing may use
    /// `call_may_raise`. (While recording, a raise from such a helper
    /// aborts the trace: its normal result would have nowhere to go.)
    fn call_may_raise_at<R: RedState<Self>>(
        &mut self,
        d: &'static CallDescr,
        args: &[Val<Self>],
        at: Self::G,
        reds: &R,
    ) -> Result<Val<Self>, Self::Ref>;

    /// A user-level call, the last action of the instruction at `at`: run
    /// `interp`'s dispatch loop for the callee from `callee` with
    /// `callee_reds` (a nested portal: its loops are traced and compiled as
    /// usual), then finish the instruction with `interp.after_call(at,
    /// caller, completion)` and give back what that answers. On
    /// `Exit::Leave(greens)` the dispatch loop carries on at `greens` itself
    /// (returning it would end a recording); it returns any other `Exit`.
    ///
    /// The plain mode simply calls. The recorder inlines the callee (its
    /// operations join the trace; guards in it resume through every frame),
    /// or, past `inline_depth`, for recursion or for a callee that has a loop,
    /// records a residual `call_may_force` into the interpreter.
    fn call_portal<I: Interpreter<G = Self::G>>(
        &mut self,
        interp: &I,
        at: Self::G,
        caller: &mut I::Reds<Self>,
        callee: Self::G,
        callee_reds: I::Reds<Self>,
    ) -> Result<Exit<Self::G, Self>, I::Error>;

    /// Read the quasi-immutable field `d` of the object `obj`, which the
    /// interpreter knows as a constant (a green, or promoted): while
    /// recording, the value becomes a constant of the trace behind
    /// `guard_not_invalidated` (`quasi.rs`). Every write of such a field must
    /// go through `set_quasi_immutable`.
    fn quasi_immutable(&mut self, obj: usize, d: &'static FieldDescr) -> u64;
    /// Write the quasi-immutable field `d`: invalidates every compiled trace
    /// that read a field of that descriptor, those running now included.
    fn set_quasi_immutable(&mut self, obj: Self::Ref, d: &'static FieldDescr, v: Val<Self>);

    /// Declare the red `object`, an array of `d`, the virtualizable of the
    /// frame this dispatch loop runs (call it once, before the loop): while
    /// recording, its items at constant indices live in IR values, and
    /// compiled code writes them to the object only before a call that may
    /// read it, at the end of the trace, or, when a guard fails, through the
    /// snapshot. Every access to the object must go through the mode, and
    /// a helper that reads the object must say so: its kind `ForcesFrames`
    /// or `Random`, or the descriptor in its summary's `reads`.
    fn virtualizable(&mut self, object: Self::Ref, d: &'static ArrayDescr);

    /// Declare that the effects done so far in this instruction are part of
    /// the state `(greens, reds)`: a guard from here on resumes by running
    /// the interpreter from `greens` with `reds` (which must finish the
    /// instruction exactly as the code after this point does), instead of
    /// aborting the trace because an effect came before it.
    fn resume_point<R: RedState<Self>>(&mut self, greens: Self::G, reds: &R);

    /// Top of the dispatch loop, once per instruction: the resume point of
    /// every guard the instruction records. When it gives an `Exit`, the
    /// dispatch loop returns it: the driver switches modes there.
    ///
    /// ```ignore
    /// if let Some(exit) = m.jit_merge_point(greens, r) { return Ok(exit); }
    /// ```
    fn jit_merge_point<R: RedState<Self>>(
        &mut self,
        greens: Self::G,
        reds: &R,
    ) -> Option<Exit<Self::G, Self>>;
    /// At a user-level backward jump to `greens`: counts, and enters compiled
    /// code or starts/closes a trace. Return the `Exit` it gives, as for
    /// `jit_merge_point`.
    fn can_enter_jit<R: RedState<Self>>(
        &mut self,
        greens: Self::G,
        reds: &R,
    ) -> Option<Exit<Self::G, Self>>;

    // Shorthands.
    fn int_add(&mut self, a: Self::Int, b: Self::Int) -> Self::Int {
        self.int_binary(Opcode::IntAdd, a, b)
    }
    fn int_sub(&mut self, a: Self::Int, b: Self::Int) -> Self::Int {
        self.int_binary(Opcode::IntSub, a, b)
    }
    fn int_mul(&mut self, a: Self::Int, b: Self::Int) -> Self::Int {
        self.int_binary(Opcode::IntMul, a, b)
    }
    fn int_neg(&mut self, a: Self::Int) -> Self::Int {
        self.int_unary(Opcode::IntNeg, a)
    }
    fn int_lt(&mut self, a: Self::Int, b: Self::Int) -> Self::Int {
        self.int_binary(Opcode::IntLt, a, b)
    }
    fn int_eq(&mut self, a: Self::Int, b: Self::Int) -> Self::Int {
        self.int_binary(Opcode::IntEq, a, b)
    }
}

/// Declare the red state of a dispatch loop as a struct generic over the
/// mode, with its `RedState` implementation:
///
/// ```ignore
/// reds! { pub struct TlrReds { a: Int, regs: Ref } }
/// ```
///
/// Each field is `Int`, `Ref` or `Float`, and has type `M::Int`, `M::Ref`
/// or `M::Float` in mode `M`.
#[macro_export]
macro_rules! reds {
    ($(#[$meta:meta])* $vis:vis struct $name:ident { $($fvis:vis $field:ident : $kind:ident),* $(,)? }) => {
        $(#[$meta])*
        $vis struct $name<M: $crate::Mode> {
            $($fvis $field: $crate::reds!(@type M $kind),)*
        }
        impl<M: $crate::Mode> Clone for $name<M> {
            fn clone(&self) -> Self { *self }
        }
        impl<M: $crate::Mode> Copy for $name<M> {}
        impl<M: $crate::Mode> $crate::RedState<M> for $name<M> {
            fn save(&self, out: &mut Vec<$crate::Val<M>>) {
                $(out.push($crate::Val::$kind(self.$field));)*
            }
            fn load(vals: &mut dyn Iterator<Item = $crate::Val<M>>) -> Option<Self> {
                Some($name {
                    $($field: match vals.next()? {
                        $crate::Val::$kind(x) => x,
                        _ => return None,
                    },)*
                })
            }
        }
    };
    (@type $m:ident Int) => { $m::Int };
    (@type $m:ident Ref) => { $m::Ref };
    (@type $m:ident Float) => { $m::Float };
}
