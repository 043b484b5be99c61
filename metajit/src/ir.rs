//! The trace IR: a linear SSA list of operations over four types.
//!
//! A trace is what the recorder writes while the interpreter runs one hot user
//! loop, what every optimizer pass reads and rewrites, and what a backend turns
//! into something executable. It is deliberately flat: one `Vec<Op>`, values
//! named by index (`Var`), constants inline in the operands (`Arg`). Flat data
//! keeps passes simple (one forward walk each) and makes the text form
//! (`ir/print.rs`, `ir/parse.rs`) a direct image of the data structure, which is
//! what lets optimizer tests be written as "this trace in, that trace out".
//!
//! Anything a backend needs to know about a language's objects comes through a
//! *descriptor* (`FieldDescr`, `ArrayDescr`, `SizeDescr`, `CallDescr`): offsets,
//! kinds, function addresses and effect summaries. The IR itself knows no
//! language. `CallDescr` and `Effects` belong to the helper ABI (`abi.rs`)
//! and are re-exported here.

pub mod eval;
pub mod parse;
pub mod print;

pub use crate::abi::{CallDescr, DescrRef, EffectKind, Effects};
use std::fmt;

/// The four value types of the IR. Every value is one 64-bit machine word:
/// `Int` an i64, `Float` an f64 (stored as its bits), `Ref` a pointer to a heap
/// object (0 is null). `Void` is the type of operations without a result.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    Int,
    Float,
    Ref,
    Void,
}

impl Type {
    /// The one-letter prefix of variables of this type in the text form.
    pub fn prefix(self) -> char {
        match self {
            Type::Int => 'i',
            Type::Float => 'f',
            Type::Ref => 'r',
            Type::Void => 'v',
        }
    }
}

/// A value computed by the trace: a trace input or an operation's result.
/// Variables are numbered densely from 0; `Trace::types` gives their types.
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct Var(pub u32);

impl Var {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// An operand: a variable or a constant. Floats are kept as bits so that
/// `Arg` is `Eq + Hash` (CSE and guard tables key on it).
#[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
pub enum Arg {
    Var(Var),
    Int(i64),
    Float(u64),
    Ref(usize),
}

impl Arg {
    pub fn float(x: f64) -> Arg {
        Arg::Float(x.to_bits())
    }
    pub fn as_var(self) -> Option<Var> {
        match self {
            Arg::Var(v) => Some(v),
            _ => None,
        }
    }
    pub fn is_const(self) -> bool {
        !matches!(self, Arg::Var(_))
    }
    /// The constant's machine word, or `None` for a variable.
    pub fn const_word(self) -> Option<u64> {
        match self {
            Arg::Var(_) => None,
            Arg::Int(i) => Some(i as u64),
            Arg::Float(b) => Some(b),
            Arg::Ref(p) => Some(p as u64),
        }
    }
    /// A constant of type `ty` holding the machine word `w`.
    pub fn from_word(ty: Type, w: u64) -> Arg {
        match ty {
            Type::Int | Type::Void => Arg::Int(w as i64),
            Type::Float => Arg::Float(w),
            Type::Ref => Arg::Ref(w as usize),
        }
    }
}

impl From<Var> for Arg {
    fn from(v: Var) -> Arg {
        Arg::Var(v)
    }
}

/// A word-sized field at a fixed offset in an object.
#[derive(Debug)]
pub struct FieldDescr {
    pub name: &'static str,
    pub offset: i32,
    pub ty: Type,
}

/// An array object: its length word and its items, each `item_size` bytes
/// (8, or 1 for byte arrays, read zero-extended as `Int`).
#[derive(Debug)]
pub struct ArrayDescr {
    pub name: &'static str,
    /// The heap type id written into the header of a new array.
    pub type_id: u32,
    pub len_offset: i32,
    pub items_offset: i32,
    pub item_size: u8,
    pub item: Type,
}

/// A fixed-size object, for `new`.
#[derive(Debug)]
pub struct SizeDescr {
    pub name: &'static str,
    pub type_id: u32,
    pub size: u32,
}

/// The descriptor an operation carries, if any.
#[derive(Copy, Clone, Debug)]
pub enum Descr {
    None,
    Field(&'static FieldDescr),
    Array(&'static ArrayDescr),
    Size(&'static SizeDescr),
    Call(&'static CallDescr),
    /// `jump` to another compiled loop (by its id) instead of this trace's own
    /// loop header; used by bridges.
    Loop(u32),
    /// `jump` into another compiled loop at its peeled loop's `label`
    /// (past its preamble), with the values `Trace::label_entry` lists; a
    /// bridge closes so once it has run the loop's short preamble.
    Label(u32),
    /// The text of a `debug_merge_point`: an index into `Trace::comments`.
    Comment(u32),
}

impl Descr {
    pub fn name(&self) -> Option<&'static str> {
        match self {
            Descr::Field(d) => Some(d.name),
            Descr::Array(d) => Some(d.name),
            Descr::Size(d) => Some(d.name),
            Descr::Call(d) => Some(d.name()),
            _ => None,
        }
    }
}

macro_rules! opcodes {
    ($( $variant:ident = $name:literal, $ret:ident, $class:ident; )*) => {
        /// Every IR operation. The table gives each its text name, its result
        /// type (`Void`: none; for `Any` the type follows the first argument)
        /// and its class, which passes and backends dispatch on.
        #[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
        pub enum Opcode { $($variant,)* }

        impl Opcode {
            pub const ALL: &'static [Opcode] = &[$(Opcode::$variant,)*];
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$variant => $name,)* }
            }
            /// The result type, or `None` when it is the type of the first
            /// argument (`same_as`).
            pub fn result(self) -> Option<Type> {
                match self { $(Opcode::$variant => ret_type!($ret),)* }
            }
            pub fn class(self) -> OpClass {
                match self { $(Opcode::$variant => OpClass::$class,)* }
            }
            pub fn from_name(s: &str) -> Option<Opcode> {
                match s { $($name => Some(Opcode::$variant),)* _ => None }
            }
        }
    };
}

macro_rules! ret_type {
    (Int) => {
        Some(Type::Int)
    };
    (Float) => {
        Some(Type::Float)
    };
    (Ref) => {
        Some(Type::Ref)
    };
    (Void) => {
        Some(Type::Void)
    };
    (Any) => {
        None
    };
}

/// Broad classes of operations.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum OpClass {
    /// No side effects, result depends only on the operands: foldable, CSE-able.
    Pure,
    /// Pure, but may overflow: must be followed by `guard_no_overflow` or
    /// `guard_overflow`, which read the overflow flag it sets.
    Ovf,
    /// Reads the heap.
    Load,
    /// Writes the heap.
    Store,
    /// Allocates.
    Alloc,
    Call,
    Guard,
    /// `label`, `jump`, `finish`, `debug_merge_point`.
    Control,
}

opcodes! {
    SameAs = "same_as", Any, Pure;
    IntAdd = "int_add", Int, Pure;
    IntSub = "int_sub", Int, Pure;
    IntMul = "int_mul", Int, Pure;
    IntFloorDiv = "int_floordiv", Int, Pure;
    IntMod = "int_mod", Int, Pure;
    IntAnd = "int_and", Int, Pure;
    IntOr = "int_or", Int, Pure;
    IntXor = "int_xor", Int, Pure;
    IntLshift = "int_lshift", Int, Pure;
    IntRshift = "int_rshift", Int, Pure;
    UintRshift = "uint_rshift", Int, Pure;
    IntNeg = "int_neg", Int, Pure;
    IntInvert = "int_invert", Int, Pure;
    IntLt = "int_lt", Int, Pure;
    IntLe = "int_le", Int, Pure;
    IntEq = "int_eq", Int, Pure;
    IntNe = "int_ne", Int, Pure;
    IntGt = "int_gt", Int, Pure;
    IntGe = "int_ge", Int, Pure;
    UintLt = "uint_lt", Int, Pure;
    UintGe = "uint_ge", Int, Pure;
    IntIsTrue = "int_is_true", Int, Pure;
    IntIsZero = "int_is_zero", Int, Pure;
    PtrEq = "ptr_eq", Int, Pure;
    PtrNe = "ptr_ne", Int, Pure;
    IntAddOvf = "int_add_ovf", Int, Ovf;
    IntSubOvf = "int_sub_ovf", Int, Ovf;
    IntMulOvf = "int_mul_ovf", Int, Ovf;
    FloatAdd = "float_add", Float, Pure;
    FloatSub = "float_sub", Float, Pure;
    FloatMul = "float_mul", Float, Pure;
    FloatTrueDiv = "float_truediv", Float, Pure;
    FloatNeg = "float_neg", Float, Pure;
    FloatAbs = "float_abs", Float, Pure;
    FloatLt = "float_lt", Int, Pure;
    FloatLe = "float_le", Int, Pure;
    FloatEq = "float_eq", Int, Pure;
    FloatNe = "float_ne", Int, Pure;
    FloatGt = "float_gt", Int, Pure;
    FloatGe = "float_ge", Int, Pure;
    CastIntToFloat = "cast_int_to_float", Float, Pure;
    CastFloatToInt = "cast_float_to_int", Int, Pure;
    CastPtrToInt = "cast_ptr_to_int", Int, Pure;
    CastIntToPtr = "cast_int_to_ptr", Ref, Pure;
    GetfieldI = "getfield_i", Int, Load;
    GetfieldR = "getfield_r", Ref, Load;
    GetfieldF = "getfield_f", Float, Load;
    Setfield = "setfield", Void, Store;
    GetarrayitemI = "getarrayitem_i", Int, Load;
    GetarrayitemR = "getarrayitem_r", Ref, Load;
    GetarrayitemF = "getarrayitem_f", Float, Load;
    Setarrayitem = "setarrayitem", Void, Store;
    Arraylen = "arraylen", Int, Load;
    New = "new", Ref, Alloc;
    NewArray = "new_array", Ref, Alloc;
    CallI = "call_i", Int, Call;
    CallR = "call_r", Ref, Call;
    CallF = "call_f", Float, Call;
    CallN = "call_n", Void, Call;
    CallPureI = "call_pure_i", Int, Call;
    CallPureR = "call_pure_r", Ref, Call;
    CallPureF = "call_pure_f", Float, Call;
    CallMayForceI = "call_may_force_i", Int, Call;
    CallMayForceR = "call_may_force_r", Ref, Call;
    CallMayForceF = "call_may_force_f", Float, Call;
    CallMayForceN = "call_may_force_n", Void, Call;
    CallAssemblerI = "call_assembler_i", Int, Call;
    CallAssemblerR = "call_assembler_r", Ref, Call;
    GuardTrue = "guard_true", Void, Guard;
    GuardFalse = "guard_false", Void, Guard;
    GuardValue = "guard_value", Void, Guard;
    GuardClass = "guard_class", Void, Guard;
    GuardNonnull = "guard_nonnull", Void, Guard;
    GuardIsnull = "guard_isnull", Void, Guard;
    GuardNonnullClass = "guard_nonnull_class", Void, Guard;
    GuardNoOverflow = "guard_no_overflow", Void, Guard;
    GuardOverflow = "guard_overflow", Void, Guard;
    GuardNoException = "guard_no_exception", Void, Guard;
    GuardException = "guard_exception", Void, Guard;
    GuardNotInvalidated = "guard_not_invalidated", Void, Guard;
    GuardNotInterrupted = "guard_not_interrupted", Void, Guard;
    Label = "label", Void, Control;
    Jump = "jump", Void, Control;
    Finish = "finish", Void, Control;
    DebugMergePoint = "debug_merge_point", Void, Control;
}

impl Opcode {
    pub fn is_guard(self) -> bool {
        self.class() == OpClass::Guard
    }
    /// Operations whose result is a boolean, 0 or 1.
    pub fn is_comparison(self) -> bool {
        use Opcode::*;
        matches!(
            self,
            IntLt
                | IntLe
                | IntEq
                | IntNe
                | IntGt
                | IntGe
                | UintLt
                | UintGe
                | IntIsTrue
                | IntIsZero
                | PtrEq
                | PtrNe
        ) || self.is_float_comparison()
    }
    pub fn is_float_comparison(self) -> bool {
        use Opcode::*;
        matches!(
            self,
            FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe
        )
    }
    /// The call opcode for a given result type.
    pub fn call_for(ret: Type, pure: bool) -> Opcode {
        match (ret, pure) {
            (Type::Int, false) => Opcode::CallI,
            (Type::Ref, false) => Opcode::CallR,
            (Type::Float, false) => Opcode::CallF,
            (Type::Void, _) => Opcode::CallN,
            (Type::Int, true) => Opcode::CallPureI,
            (Type::Ref, true) => Opcode::CallPureR,
            (Type::Float, true) => Opcode::CallPureF,
        }
    }
    /// The `call_may_force` opcode (a call that may run the interpreter).
    pub fn call_may_force_for(ret: Type) -> Opcode {
        match ret {
            Type::Int => Opcode::CallMayForceI,
            Type::Ref => Opcode::CallMayForceR,
            Type::Float => Opcode::CallMayForceF,
            Type::Void => Opcode::CallMayForceN,
        }
    }
}

/// What a guard needs besides its operands: where to resume, and which values
/// the resume point needs (its *fail arguments*, one per red slot of every
/// frame in the snapshot, innermost frame last).
#[derive(Clone, Debug, PartialEq)]
pub struct GuardInfo {
    /// Index into `Trace::snapshots`.
    pub snapshot: u32,
    pub fail_args: Vec<Arg>,
    /// Identity given by the driver when the trace is compiled; a backend
    /// reports it when the guard fails.
    pub id: u32,
    /// Objects the optimizer did not allocate that the resume point needs
    /// (`opt/virtualize.rs`): built when the guard fails, before the frames
    /// are taken up.
    pub virtuals: Virtuals,
}

/// The objects of a guard's resume data that compiled code never allocated.
/// Their field and item values are ordinary fail arguments, after the
/// frames' ones; a fail argument that *is* one of these objects (a frame's
/// slot, or a field of another of them) holds a `NULL` placeholder and is listed in
/// `refs`, so backends hand back words as for any guard and only resuming
/// knows the difference (`resume.rs`).
#[derive(Clone, Debug, Default)]
pub struct Virtuals {
    pub objects: Vec<VirtualObject>,
    /// `(fail argument index, object index)`: the fail argument stands for
    /// that object.
    pub refs: Vec<(u32, u32)>,
    /// Stores the optimizer delayed past the guard (`opt/heap.rs`, RPython's
    /// pending fields), in the order the trace made them: resuming performs
    /// them, after building the objects above and before taking up a frame.
    pub stores: Vec<PendingStore>,
}

/// A store into a real object that compiled code had not done yet when the
/// guard failed. Its object and its value are fail arguments (`object` and
/// `value` are their indices): ones the guard lists anyway (a frame's slot,
/// so a bridge sees the very same input) or ones of their own, after the
/// frames'.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PendingStore {
    /// The field's or the array's descriptor.
    pub descr: DescrRef,
    /// The item, for an array (a constant index).
    pub index: Option<i64>,
    pub object: u32,
    pub value: u32,
}

impl PendingStore {
    /// The type of the stored value.
    pub fn value_type(&self) -> Type {
        match self.descr {
            DescrRef::Field(f) => f.ty,
            DescrRef::Array(a) => a.item,
        }
    }
}

/// One object of `Virtuals`: what `new` or `new_array` would have
/// allocated, and which fail argument holds each field or item that the
/// trace had written to it (the others are zero, as allocation leaves them).
#[derive(Clone, Debug, PartialEq)]
pub struct VirtualObject {
    pub kind: VirtualKind,
    /// Each written slot and the index of the fail argument with its value.
    pub slots: Vec<(Slot, u32)>,
}

/// What a virtual object is: a fixed-size object, or an array of a length
/// known when the trace was optimized.
#[derive(Copy, Clone, Debug)]
pub enum VirtualKind {
    Object(&'static SizeDescr),
    Array(&'static ArrayDescr, i64),
}

impl PartialEq for VirtualKind {
    fn eq(&self, o: &VirtualKind) -> bool {
        match (self, o) {
            (VirtualKind::Object(a), VirtualKind::Object(b)) => std::ptr::eq(*a, *b),
            (VirtualKind::Array(a, n), VirtualKind::Array(b, m)) => std::ptr::eq(*a, *b) && n == m,
            _ => false,
        }
    }
}

/// A place in a virtual object: a field (told apart by identity) or an
/// array item.
#[derive(Copy, Clone, Debug)]
pub enum Slot {
    Field(&'static FieldDescr),
    Item(i64),
}

impl PartialEq for Slot {
    fn eq(&self, o: &Slot) -> bool {
        match (self, o) {
            (Slot::Field(a), Slot::Field(b)) => std::ptr::eq(*a, *b),
            (Slot::Item(i), Slot::Item(j)) => i == j,
            _ => false,
        }
    }
}

impl PartialEq for Virtuals {
    fn eq(&self, o: &Virtuals) -> bool {
        self.objects == o.objects && self.refs == o.refs && self.stores == o.stores
    }
}

impl Virtuals {
    /// Nothing to do before the frames are taken up.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty() && self.stores.is_empty()
    }
    /// How many fail arguments after the frames' ones (the first `frames`)
    /// the objects' fields and the pending stores take: the fields, and the
    /// stores' objects and values that are neither a frame's nor a field's.
    pub fn width(&self, frames: usize) -> usize {
        let fields: std::collections::HashSet<u32> = self
            .objects
            .iter()
            .flat_map(|o| o.slots.iter().map(|s| s.1))
            .collect();
        let own: std::collections::HashSet<u32> = self
            .stores
            .iter()
            .flat_map(|s| [s.object, s.value])
            .filter(|&i| i as usize >= frames && !fields.contains(&i))
            .collect();
        fields.len() + own.len()
    }
    /// The object that fail argument `index` stands for, if any.
    pub fn object_at(&self, index: usize) -> Option<u32> {
        self.refs
            .iter()
            .find(|&&(at, _)| at as usize == index)
            .map(|&(_, object)| object)
    }
}

/// One operation. `res` is the variable it defines, if its type is not void.
#[derive(Clone, Debug)]
pub struct Op {
    pub opcode: Opcode,
    pub args: Vec<Arg>,
    pub res: Option<Var>,
    pub descr: Descr,
    pub guard: Option<Box<GuardInfo>>,
}

impl Op {
    pub fn new(opcode: Opcode, args: Vec<Arg>) -> Op {
        Op {
            opcode,
            args,
            res: None,
            descr: Descr::None,
            guard: None,
        }
    }
}

/// A resume point: the position in the user program (the greens of each frame,
/// kept opaque here) and the number of red slots of each frame that the
/// guard's fail arguments fill, frame by frame, outermost first. Every frame
/// but the innermost is a caller inside a user-level call (`Resume::Caller`).
///
/// Snapshots share their outer frames: a snapshot holds its innermost frame
/// and names the snapshot of its caller's frame (a record the recorder makes
/// once per inlined call, in the same table), so the snapshots taken inside
/// one call all point at one record of each frame around them, as RPython's
/// snapshot chains do. `Trace::frames_of` lists a snapshot's frames. A
/// caller's record is named only by snapshots after it in the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// The snapshot of the frame this one's frame was called from.
    pub caller: Option<u32>,
    pub frame: SnapshotFrame,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SnapshotFrame {
    pub greens: u32,
    pub slots: u32,
    pub resume: Resume,
    /// The items of the frame's virtualizable object that compiled code has
    /// not written to it yet; their values follow the frame's slots in the
    /// fail arguments.
    pub virtuals: Option<VirtualItems>,
}

/// Items of a virtualizable frame object (an array, one of the frame's red
/// slots) kept in registers by compiled code: written back when a guard
/// fails, before the interpreter takes the frame up (`resume.rs`).
#[derive(Clone, Debug)]
pub struct VirtualItems {
    /// Which of the frame's slots holds the object.
    pub object: u32,
    pub descr: &'static ArrayDescr,
    /// The item indices, in the order of their values.
    pub items: Vec<i64>,
}

impl PartialEq for VirtualItems {
    fn eq(&self, o: &VirtualItems) -> bool {
        self.object == o.object && std::ptr::eq(self.descr, o.descr) && self.items == o.items
    }
}

impl SnapshotFrame {
    /// Fail arguments this frame takes: its slots and its virtual items.
    pub fn width(&self) -> usize {
        self.slots as usize + self.virtuals.as_ref().map_or(0, |v| v.items.len())
    }
}

/// How the interpreter takes up one frame of a snapshot (`resume.rs`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Resume {
    /// Run the instruction at the frame's greens again, from its start.
    Dispatch,
    /// The frame is in a user-level call: once the frame inside it has
    /// completed, the caller's `after_call` takes the completion.
    Caller,
    /// The frame's call has completed and returned the value in the frame's
    /// last slot: `after_call` takes it.
    Returned,
    /// Likewise, but the call raised the value in the last slot.
    Raised,
    /// The frame's call completed with what the pending slot holds (a
    /// residual call whose `guard_no_exception` failed; `portal.rs`).
    Pending,
}

impl Resume {
    /// The word the text form writes after the innermost frame's slots.
    pub fn keyword(self) -> Option<&'static str> {
        match self {
            Resume::Dispatch | Resume::Caller => None,
            Resume::Returned => Some("returned"),
            Resume::Raised => Some("raised"),
            Resume::Pending => Some("pending"),
        }
    }
}

/// A whole trace: inputs, operations, variable types, resume points, comments.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub inputs: Vec<Var>,
    pub ops: Vec<Op>,
    pub types: Vec<Type>,
    pub snapshots: Vec<Snapshot>,
    pub comments: Vec<String>,
    /// The address of the byte that `guard_not_invalidated` tests (the
    /// trace's invalidation flag, `quasi.rs`); 0 until the driver gives one.
    pub invalidation: usize,
}

impl Trace {
    /// The frames of snapshot `index`, outermost first (empty for a
    /// snapshot that is not there; a caller that is not an earlier snapshot
    /// ends the chain).
    pub fn frames_of(&self, index: u32) -> Vec<&SnapshotFrame> {
        let mut frames = Vec::new();
        let mut at = Some(index);
        while let Some(i) = at {
            let Some(s) = self.snapshots.get(i as usize) else {
                break;
            };
            frames.push(&s.frame);
            at = s.caller.filter(|&c| c < i);
        }
        frames.reverse();
        frames
    }

    /// A fresh variable of type `ty`.
    pub fn new_var(&mut self, ty: Type) -> Var {
        self.types.push(ty);
        Var(self.types.len() as u32 - 1)
    }

    pub fn type_of(&self, a: Arg) -> Type {
        match a {
            Arg::Var(v) => self.types[v.index()],
            Arg::Int(_) => Type::Int,
            Arg::Float(_) => Type::Float,
            Arg::Ref(_) => Type::Ref,
        }
    }

    /// The type an operation's result has (resolving `same_as`).
    pub fn result_type(&self, opcode: Opcode, args: &[Arg]) -> Type {
        opcode.result().unwrap_or_else(|| self.type_of(args[0]))
    }

    /// Append `op`, giving it a fresh result variable if its type is not void;
    /// returns that variable.
    pub fn push(&mut self, mut op: Op) -> Option<Var> {
        let ty = self.result_type(op.opcode, &op.args);
        if ty != Type::Void {
            op.res = Some(self.new_var(ty));
        }
        let res = op.res;
        self.ops.push(op);
        res
    }

    pub fn guards(&self) -> impl Iterator<Item = &Op> {
        self.ops.iter().filter(|op| op.guard.is_some())
    }

    /// Does the trace end by jumping back to its own start (a loop), rather
    /// than to another loop or out through `finish`?
    pub fn is_loop(&self) -> bool {
        matches!(self.ops.last(), Some(op) if op.opcode == Opcode::Jump && matches!(op.descr, Descr::None))
    }

    /// Where a jump from elsewhere enters this peeled loop (a trace with a
    /// `label` that its final `jump` goes back to): the label's index, and
    /// the variables such a jump writes. They are every value defined before
    /// the label that an operation after it reads (fail arguments
    /// included), the label's arguments first, then the others in the
    /// order of their numbers, so that the code after the label finds
    /// everything it reads. `None` for a trace without that shape.
    pub fn label_entry(&self) -> Option<(usize, Vec<Var>)> {
        if !self.is_loop() {
            return None;
        }
        let head = self.ops.iter().rposition(|o| o.opcode == Opcode::Label)?;
        let mut before = vec![false; self.types.len()];
        for &v in &self.inputs {
            before[v.index()] = true;
        }
        for op in &self.ops[..head] {
            if let Some(r) = op.res {
                before[r.index()] = true;
            }
        }
        let mut entry: Vec<Var> = Vec::new();
        for a in &self.ops[head].args {
            let v = a.as_var()?;
            if entry.contains(&v) {
                return None;
            }
            entry.push(v);
        }
        let mut read = vec![false; self.types.len()];
        for op in &self.ops[head + 1..] {
            let fail_args = op.guard.iter().flat_map(|g| g.fail_args.iter());
            for a in op.args.iter().chain(fail_args) {
                if let Some(v) = a.as_var() {
                    if before.get(v.index()).copied().unwrap_or(false) {
                        read[v.index()] = true;
                    }
                }
            }
        }
        for (i, &r) in read.iter().enumerate() {
            let v = Var(i as u32);
            if r && !entry.contains(&v) {
                entry.push(v);
            }
        }
        Some((head, entry))
    }

    /// The text form with each guard's id after it (`... # guard 7`), as the
    /// logs print a trace once the driver has numbered its guards.
    pub fn with_guard_ids(&self) -> WithGuardIds<'_> {
        WithGuardIds(self)
    }
}

/// A trace displayed with its guards' ids: see `Trace::with_guard_ids`.
pub struct WithGuardIds<'a>(&'a Trace);

impl fmt::Display for WithGuardIds<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print::write_trace_with_guard_ids(f, self.0)
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print::write_trace(f, self)
    }
}
