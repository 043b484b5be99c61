//! The helper ABI: how a Rust function becomes a residual call.
//!
//! An interpreter calls a Rust helper without tracing into it through a
//! `CallDescr`, which the optimizer, every mode and every backend read. A
//! descriptor is made only from a typed function pointer, so what the IR
//! believes about the helper cannot disagree with the helper:
//!
//! ```ignore
//! extern "C" fn hypot(x: f64, y: f64) -> f64 { x.hypot(y) }
//! static HYPOT: CallDescr =
//!     CallDescr::of("hypot", hypot as extern "C" fn(f64, f64) -> f64, Effects::ELIDABLE);
//! ```
//!
//! Rust types map to IR types through `AbiType` (the convention): `i64` and
//! `u64` are `Int`, `usize` is `Ref` (a heap object or null, as in the plain
//! mode), `f64` is `Float`, and a result of `()` is `Void`. Every value is
//! one 64-bit word; nothing narrower is accepted, because the SysV ABI leaves
//! the upper bits of narrower results undefined. Any mix of these types is
//! allowed that the SysV ABI passes in registers, up to six integer-class
//! (`Int`, `Ref`) and up to eight `Float` arguments; a longer signature is a
//! compile-time error. A helper that takes references and dereferences them
//! should be an `unsafe extern "C" fn`: its contract (the references are
//! live objects of the kind it expects) is what the JIT promises when it
//! calls it with the interpreter's values.
//!
//! The descriptor keeps the function's address (backends emit a `call` to
//! it) and, beside it, a calling stub monomorphized for the same signature,
//! which `invoke` uses: the plain mode, the recorder, the IR interpreter and
//! the constant folder call any signature that way, with the arguments as
//! machine words and no allocation.
//!
//! `Effects` is what the optimizer may assume of a call: its `EffectKind`
//! and the field and array descriptors it may read and write, named by
//! reference to their `static`s (compared by address, so no name can be
//! misspelled). `check` verifies at run time, under `METAJIT_CHECK=effects`,
//! that helpers write nothing outside their summaries
//! (docs/architecture.md, "The helper ABI").

pub mod check;

use crate::ir::{ArrayDescr, FieldDescr, Type};
use std::fmt;
use std::hash::{Hash, Hasher};

/// Integer-class arguments (`Int`, `Ref`) the SysV ABI passes in registers.
pub const MAX_INT_ARGS: usize = 6;
/// `Float` arguments the SysV ABI passes in registers.
pub const MAX_FLOAT_ARGS: usize = 8;
/// The most arguments a helper can take.
pub const MAX_ARGS: usize = MAX_INT_ARGS + MAX_FLOAT_ARGS;

mod sealed {
    pub trait Sealed {}
}

/// A Rust type a helper may take or return, with the IR type it stands for
/// and its conversion to and from a machine word.
pub trait AbiType: Copy + sealed::Sealed + 'static {
    const TYPE: Type;
    fn from_word(w: u64) -> Self;
    fn to_word(self) -> u64;
}

/// A helper's result type: an `AbiType`, or `()` for `Void`.
pub trait AbiRet: sealed::Sealed + 'static {
    const TYPE: Type;
    /// The result as a word (0 for `()`).
    fn to_word(self) -> u64;
}

macro_rules! abi_types {
    ($($t:ty => $ty:ident, |$w:ident| $from:expr, |$v:ident| $to:expr;)*) => {$(
        impl sealed::Sealed for $t {}
        impl AbiType for $t {
            const TYPE: Type = Type::$ty;
            #[inline(always)]
            fn from_word($w: u64) -> Self {
                $from
            }
            #[inline(always)]
            fn to_word(self) -> u64 {
                let $v = self;
                $to
            }
        }
        impl AbiRet for $t {
            const TYPE: Type = Type::$ty;
            #[inline(always)]
            fn to_word(self) -> u64 {
                AbiType::to_word(self)
            }
        }
    )*};
}

abi_types! {
    i64 => Int, |w| w as i64, |v| v as u64;
    u64 => Int, |w| w, |v| v;
    usize => Ref, |w| w as usize, |v| v as u64;
    f64 => Float, |w| f64::from_bits(w), |v| v.to_bits();
}

impl sealed::Sealed for () {}
impl AbiRet for () {
    const TYPE: Type = Type::Void;
    #[inline(always)]
    fn to_word(self) -> u64 {
        0
    }
}

/// A function pointer type-erased for storage in a descriptor; only `of`
/// makes one and only the stub stored beside it turns it back.
type ErasedFn = unsafe extern "C" fn();

/// Calls an erased function with word arguments (`HelperFn::call_words`).
type Stub = unsafe fn(ErasedFn, &[u64]) -> u64;

/// The function pointer types a helper can have: `extern "C" fn` and
/// `unsafe extern "C" fn` over `AbiType` arguments and an `AbiRet` result.
/// Sealed: implemented here for every arity up to `MAX_ARGS`.
pub trait HelperFn: Copy + sealed::Sealed + 'static {
    /// The IR types of the parameters, in order.
    const ARGS: &'static [Type];
    /// The IR type of the result.
    const RET: Type;
    /// Call `f`, which must have been erased from a `Self`, with one word per
    /// parameter.
    ///
    /// # Safety
    ///
    /// `f` was erased from a value of type `Self`; `args` has one word per
    /// parameter; the words satisfy the helper's own contract (see
    /// `invoke`).
    unsafe fn call_words(f: ErasedFn, args: &[u64]) -> u64;
}

macro_rules! helper_fns {
    ($($a:ident $i:tt),*) => {
        impl<$($a: AbiType,)* R: AbiRet> sealed::Sealed for extern "C" fn($($a),*) -> R {}
        impl<$($a: AbiType,)* R: AbiRet> HelperFn for extern "C" fn($($a),*) -> R {
            const ARGS: &'static [Type] = &[$($a::TYPE),*];
            const RET: Type = R::TYPE;
            #[allow(unused_variables)]
            unsafe fn call_words(f: ErasedFn, args: &[u64]) -> u64 {
                // SAFETY: the caller guarantees `f` was erased from a `Self`,
                // a function pointer of the same size as `ErasedFn`.
                let f: Self = unsafe { std::mem::transmute_copy(&f) };
                f($($a::from_word(args[$i])),*).to_word()
            }
        }
        impl<$($a: AbiType,)* R: AbiRet> sealed::Sealed for unsafe extern "C" fn($($a),*) -> R {}
        impl<$($a: AbiType,)* R: AbiRet> HelperFn for unsafe extern "C" fn($($a),*) -> R {
            const ARGS: &'static [Type] = &[$($a::TYPE),*];
            const RET: Type = R::TYPE;
            #[allow(unused_variables)]
            unsafe fn call_words(f: ErasedFn, args: &[u64]) -> u64 {
                // SAFETY: as above; and the caller guarantees the arguments
                // meet the helper's contract.
                unsafe {
                    let f: Self = std::mem::transmute_copy(&f);
                    f($($a::from_word(args[$i])),*).to_word()
                }
            }
        }
    };
}

helper_fns!();
helper_fns!(A0 0);
helper_fns!(A0 0, A1 1);
helper_fns!(A0 0, A1 1, A2 2);
helper_fns!(A0 0, A1 1, A2 2, A3 3);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9, A10 10);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9, A10 10, A11 11);
helper_fns!(A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9, A10 10, A11 11, A12 12);
helper_fns!(
    A0 0, A1 1, A2 2, A3 3, A4 4, A5 5, A6 6, A7 7, A8 8, A9 9, A10 10, A11 11, A12 12, A13 13
);

/// Does a parameter list fit the SysV argument registers?
const fn fits_registers(args: &[Type]) -> bool {
    let (mut ints, mut floats, mut i) = (0, 0, 0);
    while i < args.len() {
        if matches!(args[i], Type::Float) {
            floats += 1;
        } else {
            ints += 1;
        }
        i += 1;
    }
    ints <= MAX_INT_ARGS && floats <= MAX_FLOAT_ARGS
}

/// `f` as an `ErasedFn`.
const fn erase<F: HelperFn>(f: F) -> ErasedFn {
    union Erase<F: Copy> {
        f: F,
        erased: ErasedFn,
    }
    const { assert!(std::mem::size_of::<F>() == std::mem::size_of::<ErasedFn>()) };
    // SAFETY: `HelperFn` is sealed and implemented only for function
    // pointer types, which have the size and representation of `ErasedFn`
    // (checked above); the result is only ever called after being turned
    // back into `F` by `F::call_words`.
    unsafe { Erase { f }.erased }
}

/// What the optimizer may assume of a residual call (docs/architecture.md,
/// "The optimizer"). The heap cache keeps every cached field a call cannot write.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum EffectKind {
    /// Pure: same arguments, same result, no writes; folded on constants, CSE'd.
    Elidable,
    /// Gives the same result, with the same arguments, for as long as a
    /// compiled loop runs (RPython's `loop_invariant`), and writes nothing:
    /// `unroll` keeps the preamble's call and drops the loop body's.
    LoopInvariant,
    /// Reads and writes only what `reads` and `writes` name; never raises.
    CannotRaise,
    /// Like `CannotRaise`, but may set the pending exception (checked by
    /// `guard_no_exception`).
    CanRaise,
    /// May run the interpreter and so force virtualizable frames.
    ForcesFrames,
    /// Anything at all.
    Random,
}

/// A heap descriptor an effect summary names: a field or an array. Equal
/// when it is the same descriptor (the same `static`), whatever the names,
/// so descriptors named in summaries must be `static`s (or leaked), never
/// `const`s, which have no single address.
#[derive(Copy, Clone)]
pub enum DescrRef {
    Field(&'static FieldDescr),
    Array(&'static ArrayDescr),
}

impl DescrRef {
    pub fn name(self) -> &'static str {
        match self {
            DescrRef::Field(d) => d.name,
            DescrRef::Array(d) => d.name,
        }
    }
    fn addr(self) -> usize {
        match self {
            DescrRef::Field(d) => d as *const FieldDescr as usize,
            DescrRef::Array(d) => d as *const ArrayDescr as usize,
        }
    }
}

impl PartialEq for DescrRef {
    fn eq(&self, other: &DescrRef) -> bool {
        self.addr() == other.addr()
    }
}
impl Eq for DescrRef {}

impl Hash for DescrRef {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.addr().hash(h)
    }
}

impl fmt::Debug for DescrRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DescrRef::Field(d) => write!(f, "Field({})", d.name),
            DescrRef::Array(d) => write!(f, "Array({})", d.name),
        }
    }
}

/// The effect summary of a residual call: its kind and the descriptors it
/// may read and write (`None`: any). The heap cache forgets, at a call, the
/// locations of the descriptors in `writes`, and makes its pending stores
/// of the descriptors in `reads` or `writes` (lazy stores); `reads` is not
/// checked. Under
/// `METAJIT_CHECK=effects`, `check` verifies `writes`.
#[derive(Copy, Clone, Debug)]
pub struct Effects {
    pub kind: EffectKind,
    pub reads: Option<&'static [DescrRef]>,
    pub writes: Option<&'static [DescrRef]>,
}

impl Effects {
    /// Pure: may read anything (immutable data), writes nothing.
    pub const ELIDABLE: Effects = Effects {
        kind: EffectKind::Elidable,
        reads: None,
        writes: Some(&[]),
    };
    /// Anything at all.
    pub const RANDOM: Effects = Effects {
        kind: EffectKind::Random,
        reads: None,
        writes: None,
    };

    /// May this call change the heap locations `d` describes?
    pub fn may_write(&self, d: DescrRef) -> bool {
        match self.writes {
            None => true,
            Some(ds) => ds.contains(&d),
        }
    }

    /// May this call read the heap locations `d` describes?
    pub fn may_read(&self, d: DescrRef) -> bool {
        match self.reads {
            None => true,
            Some(ds) => ds.contains(&d),
        }
    }

    /// Does the summary promise that the call writes nothing?
    pub fn writes_nothing(&self) -> bool {
        matches!(self.writes, Some([]))
    }
}

/// A residual call: a helper function, its signature as IR types (derived
/// from its Rust type), and its effect summary. Made only by `of`; the
/// fields are private so that nothing can pair an address with another
/// signature.
pub struct CallDescr {
    name: &'static str,
    func: ErasedFn,
    stub: Stub,
    args: &'static [Type],
    ret: Type,
    effects: Effects,
}

impl CallDescr {
    /// The descriptor of the helper `f`, which the IR text names `name`.
    /// `f` is a function pointer, so write the helper's signature as a
    /// cast. A `const fn`: declare the descriptor as a `static`.
    ///
    /// ```
    /// use metajit::ir::{CallDescr, Effects, Type};
    /// extern "C" fn hypot(x: f64, y: f64) -> f64 {
    ///     x.hypot(y)
    /// }
    /// static HYPOT: CallDescr =
    ///     CallDescr::of("hypot", hypot as extern "C" fn(f64, f64) -> f64, Effects::ELIDABLE);
    /// assert_eq!(HYPOT.args(), &[Type::Float, Type::Float]);
    /// assert_eq!(HYPOT.ret(), Type::Float);
    /// ```
    ///
    /// Seven integer arguments do not fit the SysV registers, and do not
    /// compile:
    ///
    /// ```compile_fail,E0080
    /// use metajit::ir::{CallDescr, Effects};
    /// extern "C" fn seven(a: i64, _: i64, _: i64, _: i64, _: i64, _: i64, _: u64) -> i64 {
    ///     a
    /// }
    /// static SEVEN: CallDescr = CallDescr::of(
    ///     "seven",
    ///     seven as extern "C" fn(i64, i64, i64, i64, i64, i64, u64) -> i64,
    ///     Effects::ELIDABLE,
    /// );
    /// ```
    ///
    /// Nor does a type that is not an `AbiType`:
    ///
    /// ```compile_fail,E0277
    /// use metajit::ir::{CallDescr, Effects};
    /// extern "C" fn narrow(x: i32) -> i64 {
    ///     x as i64
    /// }
    /// static NARROW: CallDescr =
    ///     CallDescr::of("narrow", narrow as extern "C" fn(i32) -> i64, Effects::ELIDABLE);
    /// ```
    pub const fn of<F: HelperFn>(name: &'static str, f: F, effects: Effects) -> CallDescr {
        const {
            assert!(
                fits_registers(F::ARGS),
                "a helper takes at most 6 integer/reference and 8 float arguments (SysV registers)"
            )
        };
        CallDescr {
            name,
            func: erase(f),
            stub: F::call_words,
            args: F::ARGS,
            ret: F::RET,
            effects,
        }
    }
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The IR types of the parameters, in order.
    pub fn args(&self) -> &'static [Type] {
        self.args
    }
    /// The IR type of the result (`Void`: none).
    pub fn ret(&self) -> Type {
        self.ret
    }
    pub fn effects(&self) -> &Effects {
        &self.effects
    }
    /// The address of the function, for backends that emit a `call`. It
    /// follows the SysV ABI for `args` and `ret`: `Int` and `Ref` in integer
    /// registers, `Float` in XMM registers.
    pub fn addr(&self) -> usize {
        self.func as usize
    }
}

impl fmt::Debug for CallDescr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CallDescr")
            .field("name", &self.name)
            .field("addr", &format_args!("{:#x}", self.addr()))
            .field("args", &self.args)
            .field("ret", &self.ret)
            .field("effects", &self.effects)
            .finish()
    }
}

/// Call the helper `d` with `args`, one machine word per parameter (floats as
/// their bits); the result is a word (0 for `Void`). Under
/// `METAJIT_CHECK=effects` the call is checked against `d`'s summary.
///
/// # Safety
///
/// The words must meet the helper's contract: every `Ref` argument is a
/// reference the helper may use (a live object of the kind it expects, or
/// null where it accepts null). A safe `extern "C" fn` helper has no such
/// contract.
pub unsafe fn invoke(d: &CallDescr, args: &[u64]) -> u64 {
    assert_eq!(
        args.len(),
        d.args.len(),
        "wrong argument count for helper {}",
        d.name
    );
    if check::effects_on() {
        // SAFETY: as for the unchecked call below.
        return check::around(d, || unsafe { (d.stub)(d.func, args) });
    }
    // SAFETY: `stub` is `F::call_words` for the very `F` that `func` was
    // erased from (`of` sets both, and nothing else can), `args` has one
    // word per parameter, and the caller meets the helper's contract.
    unsafe { (d.stub)(d.func, args) }
}
