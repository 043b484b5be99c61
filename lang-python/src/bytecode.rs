//! The bytecode: a compact stack machine close to CPython's, one `Instr`
//! per instruction with its operand, a line per instruction, and the stack
//! depth before each instruction (computed once, so the dispatch loop knows
//! the top of the operand stack from the pc alone: it is green, and the JIT
//! sees the operand stack as fixed slots of the frame).
//!
//! A frame is one GC array (`FRAME_SLOTS`): the fast locals, then the cells
//! of the code's own closed-over variables, then the cells of its free
//! variables, then the operand stack. Exception handling is a static table
//! (`Handler`: a pc range and where to go), as in CPython 3.11: entering a
//! `try` costs nothing.

use crate::objects::Value;
use metajit::ir::{ArrayDescr, Type};

mod fuse;

pub static FRAME_SLOTS: ArrayDescr = ArrayDescr {
    name: "frame",
    type_id: crate::objects::FRAME,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Ref,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    /// The special method names: normal, reflected, in-place.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
    pub const ALL: [BinOp; 13] = [
        BinOp::Add,
        BinOp::Sub,
        BinOp::Mul,
        BinOp::MatMul,
        BinOp::TrueDiv,
        BinOp::FloorDiv,
        BinOp::Mod,
        BinOp::Pow,
        BinOp::LShift,
        BinOp::RShift,
        BinOp::And,
        BinOp::Or,
        BinOp::Xor,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The operation with the operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. Operands index the code's tables: `Const` into
/// `consts`, names into `names`, `MakeFunction` into `codes`; jump targets
/// are pcs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    Nop,
    Pop,
    /// Pop a `for` loop's iterator on an early exit (`break`, `return`):
    /// one the loop made itself (its iterable was a call or a generator
    /// expression) is closed if it is a generator, as CPython's reference
    /// counting closes it there.
    CloseIter,
    /// Push a copy of the item `n` below the top (0: the top).
    Copy(u32),
    /// Swap the top with the item `n` below it.
    Swap(u32),
    Const(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Load/store the value in the cell in slot `n` (cells and frees).
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell itself (to build a closure).
    LoadCell(u32),
    /// Make slot `n` a new cell holding local `m` (`u32::MAX`: empty).
    MakeCell(u32, u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Class bodies: the namespace in local 0, then globals, then builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    /// A class body's free variable: the namespace first, then the cell.
    LoadClassDeref(u32, u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Push (function, self) for a method, or (callable, NULL).
    LoadMethod(u32),
    Binary(BinOp),
    InPlace(BinOp),
    Unary(UnOp),
    Compare(CmpOp),
    Is(bool),
    /// `in` (true) / `not in` (false).
    In(bool),
    Subscr,
    StoreSubscr,
    DeleteSubscr,
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    BuildMap(u32),
    BuildSlice(u32),
    /// Join `n` strings (f-strings).
    BuildString(u32),
    /// Append TOS to the list `n` items below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    /// Extend the list below TOS with TOS (starred items in displays; in a
    /// call's arguments when the flag is set, below the function).
    ListExtend(u32, bool),
    SetUpdate(u32),
    /// Merge the mapping TOS into the dict below (`**` in displays; for
    /// calls when the flag is set, repeated keys are an error).
    DictUpdate(u32, bool),
    ListToTuple,
    UnpackSequence(u32),
    /// Starred assignment: items before and after the starred target.
    UnpackEx(u32, u32),
    /// Conversion (0 none, 1 str, 2 repr, 3 ascii), and a format spec on
    /// the stack above the value when the flag is set.
    FormatValue(u32, bool),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Push the iterator's next item, or NULL when it is exhausted.
    ForIter,
    /// After `ForIter`: on NULL, pop it and the iterator and jump.
    ForIterEnd(u32),
    /// Call with `n` positional arguments: [callable, args...].
    Call(u32),
    /// [callable-or-method, self-or-NULL, args...].
    CallMethod(u32),
    /// [callable, args..., kwvalues...]; the names are the tuple constant.
    CallKw(u32, u32),
    /// [callable, args tuple, kwargs dict if the flag is set].
    CallEx(bool),
    /// Make a function from code `n`; flags: 1 defaults tuple, 2 kw
    /// defaults dict, 4 closure tuple (on the stack in that order).
    MakeFunction(u32, u32),
    Return,
    YieldValue,
    /// `yield from`/`await`: [iterator, value to send] becomes [iterator,
    /// what the subiterator yielded or returned], the frame's resume slot
    /// saying which; the generator resumes here while the subiterator
    /// yields.
    YieldFrom,
    /// After `YieldFrom`: yields its value, or, when the subiterator has
    /// returned, leaves the value in the iterator's place. An instruction
    /// of its own, so that the JIT's guard on which happened comes after a
    /// merge point, not after the subiterator's side effects.
    YieldFromEnd,
    /// The start of a generator's body: checks what it was resumed with.
    GenStart,
    /// 0: re-raise the handled exception; 1: raise TOS; 2: TOS1 from TOS.
    Raise(u32),
    /// Re-raise TOS (end of a `finally` or unmatched handler).
    Reraise,
    /// [exc] -> [previous handled, exc], making exc the handled one.
    PushExcInfo,
    /// [previous] -> []: restore the handled exception.
    PopExcept,
    /// [previous, handled, exc] -> re-raise exc after restoring previous
    /// (the stack of a handler's cleanup: what `PushExcInfo` left, then the
    /// exception that escaped the handler).
    PopExceptReraise,
    /// [exc, type] -> [exc, bool].
    CheckExcMatch,
    /// [manager] -> [exit, value of __enter__].
    BeforeWith,
    /// [exit] -> []: call exit(None, None, None).
    WithExitNormal,
    /// [exit, previous, exc] -> [exit, previous, exc, suppress?].
    WithExitExc,
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,
    /// [class body function, name, bases tuple, kwargs dict] -> [class].
    BuildClass,
    LoadAssertionError,
    /// [subject] -> [subject, bool]: may a sequence pattern match it?
    MatchSequence,
    /// [subject] -> [subject, bool]: may a mapping pattern match it?
    MatchMapping,
    /// [subject] -> [subject, len(subject)].
    GetLen,
    /// [subject, keys] -> [subject, keys, values]: the values of the keys
    /// (a tuple) in the mapping, a tuple, or None if one is missing.
    MatchKeys,
    /// [subject, class, names] -> [attributes]: a class pattern with this
    /// many positional sub-patterns and the keyword ones `names`; the
    /// values to match, a tuple, or None if it does not match.
    MatchClass(u32),
    /// [subject, keys] -> [subject, dict]: the items not under the keys.
    CopyDictWithoutKeys,
    /// REPL: print the repr of TOS unless None.
    PrintExpr,

    // Superinstructions: never compiled, only made by `Code::decode` in
    // place of the first of two instructions (`fuse.rs`). Each names both
    // halves and carries their operands.
    LoadFastLoadFast(u32, u32),
    LoadFastConst(u32, u32),
    LoadFastLoadAttr(u32, u32),
    LoadFastLoadMethod(u32, u32),
    LoadFastLoadGlobal(u32, u32),
    /// `LoadFast(local)` then `Subscr`: the local is the key.
    LoadFastSubscr(u32),
    /// `LoadFast(local)` then `Binary(op)`, or `InPlace(op)` when the flag
    /// is set: the local is the right operand.
    LoadFastBinary(u32, BinOp, bool),
    /// `LoadFast(local)` then `StoreAttr(name)`: the local is the object.
    LoadFastStoreAttr(u32, u32),
    StoreFastLoadFast(u32, u32),
    StoreFastConst(u32, u32),
    /// `Compare(op)` then the conditional jump `kind` to `target`.
    CompareJump(CmpOp, JumpKind, u32),
    /// `Is(positive)` then a conditional jump, as `CompareJump`.
    IsJump(bool, JumpKind, u32),
    /// `ForIterEnd(target)` then `StoreFast(local)`.
    ForIterEndStoreFast(u32, u32),
    /// `LoadAttr(name)` then `LoadFast(local)`.
    LoadAttrLoadFast(u32, u32),
    /// `Subscr` then `StoreFast(local)`.
    SubscrStoreFast(u32),
    StoreFastStoreFast(u32, u32),
    /// `Const(k)` then `Binary(op)`, or `InPlace(op)` when the flag is set:
    /// the constant is the right operand.
    ConstBinary(u32, BinOp, bool),
}

/// The conditional jump ending a `CompareJump` or `IsJump`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpKind {
    PopIfFalse,
    PopIfTrue,
    IfFalseOrPop,
    IfTrueOrPop,
}

impl JumpKind {
    /// The kind of a conditional jump instruction, and its target.
    pub fn of(i: Instr) -> Option<(JumpKind, u32)> {
        Some(match i {
            Instr::PopJumpIfFalse(t) => (JumpKind::PopIfFalse, t),
            Instr::PopJumpIfTrue(t) => (JumpKind::PopIfTrue, t),
            Instr::JumpIfFalseOrPop(t) => (JumpKind::IfFalseOrPop, t),
            Instr::JumpIfTrueOrPop(t) => (JumpKind::IfTrueOrPop, t),
            _ => return None,
        })
    }
    /// The truth it jumps on.
    pub fn jumps_on(self) -> bool {
        matches!(self, JumpKind::PopIfTrue | JumpKind::IfTrueOrPop)
    }
    /// Whether it leaves the tested value on the stack when it jumps.
    pub fn keeps(self) -> bool {
        matches!(self, JumpKind::IfFalseOrPop | JumpKind::IfTrueOrPop)
    }
}

// The dispatch loop reads one `Step` per instruction: keep it two words.
const _: () = assert!(std::mem::size_of::<Step>() == 16);

impl Instr {
    /// The first half of a superinstruction (any other instruction is
    /// itself): what the tracer runs, and what the interpreter falls back
    /// to when a superinstruction's fast case does not apply.
    #[inline(always)]
    pub fn unfused(self) -> Instr {
        use Instr::*;
        match self {
            LoadFastLoadFast(i, _)
            | LoadFastConst(i, _)
            | LoadFastLoadAttr(i, _)
            | LoadFastLoadMethod(i, _)
            | LoadFastLoadGlobal(i, _)
            | LoadFastSubscr(i)
            | LoadFastBinary(i, ..)
            | LoadFastStoreAttr(i, _) => LoadFast(i),
            StoreFastLoadFast(i, _) | StoreFastConst(i, _) | StoreFastStoreFast(i, _) => {
                StoreFast(i)
            }
            LoadAttrLoadFast(n, _) => LoadAttr(n),
            SubscrStoreFast(_) => Subscr,
            ConstBinary(k, ..) => Const(k),
            CompareJump(op, ..) => Compare(op),
            IsJump(positive, ..) => Is(positive),
            ForIterEndStoreFast(target, _) => ForIterEnd(target),
            other => other,
        }
    }
}

/// A `try` region: an exception raised at a pc in `start..end` truncates the
/// operand stack to the handler's depth, pushes the exception and jumps to
/// `target`.
#[derive(Clone, Copy, Debug)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
}

/// An instruction as the dispatch loop reads it, with the frame slot just
/// above the operand stack before it (`stack_base` plus its depth): one
/// load and one bounds check decode both.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub instr: Instr,
    pub sp: u32,
}

/// A compiled function, class body, comprehension or module.
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: &'static str,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    /// The operand stack's depth before each instruction.
    pub depths: Vec<u32>,
    /// `instrs` and `depths` together, for the dispatch loop, with
    /// superinstructions in place of the first of some pairs (`decode`).
    pub steps: Box<[Step]>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub codes: Vec<&'static Code>,
    pub handlers: Vec<Handler>,
    /// Fast locals: the parameters first.
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonly: u32,
    pub kwonly: u32,
    pub varargs: bool,
    pub varkw: bool,
    pub is_generator: bool,
    pub max_stack: u32,
    /// The module's globals (a dict).
    pub globals: Value,
    /// The dict its global names fall back to: what its globals'
    /// `__builtins__` held when it was compiled (`builtins::namespaces`).
    pub builtins: Value,
    pub docstring: Option<String>,
    /// Its index in the registry of codes (`code_by_id`).
    pub id: u32,
    /// The interpreter's inline cache of each instruction (used by the
    /// attribute and global instructions; `interp/inline_cache.rs`).
    pub sites: Box<[std::cell::Cell<crate::interp::inline_cache::Site>]>,
}

thread_local! {
    static CODES: std::cell::RefCell<Vec<&'static Code>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Make `code` live as long as the process, with an id that finds it.
pub fn register(mut code: Code) -> &'static Code {
    CODES.with(|c| {
        let mut c = c.borrow_mut();
        code.id = c.len() as u32;
        let code: &'static Code = Box::leak(Box::new(code));
        c.push(code);
        if std::env::var_os("MJ_PYTHON_DIS").is_some() {
            eprint!("{}", code.disassemble());
        }
        code
    })
}

/// The code with id `id` (ids come from `register`).
pub fn code_by_id(id: u32) -> &'static Code {
    CODES.with(|c| c.borrow()[id as usize])
}

impl Code {
    pub fn nlocals(&self) -> u32 {
        self.varnames.len() as u32
    }
    pub fn cell_base(&self) -> u32 {
        self.nlocals()
    }
    pub fn free_base(&self) -> u32 {
        self.nlocals() + self.cellvars.len() as u32
    }
    pub fn stack_base(&self) -> u32 {
        self.free_base() + self.freevars.len() as u32
    }
    /// The `steps` of this code's instructions, pairs of them fused into
    /// superinstructions (`fuse.rs`).
    pub fn decode(&self) -> Box<[Step]> {
        let base = self.stack_base();
        let mut steps: Box<[Step]> = self
            .instrs
            .iter()
            .zip(&self.depths)
            .map(|(&instr, &depth)| Step {
                instr,
                sp: base + depth,
            })
            .collect();
        fuse::fuse_pairs(&self.instrs, &self.handlers, &mut steps);
        steps
    }
    pub fn frame_size(&self) -> u32 {
        self.stack_base() + self.max_stack + self.is_generator as u32
    }
    /// A generator's frame: where it resumes (a small int; -1 when done).
    pub fn resume_slot(&self) -> u32 {
        self.stack_base() + self.max_stack
    }
    /// The innermost handler covering `pc`.
    pub fn handler_at(&self, pc: u32) -> Option<&Handler> {
        self.handlers.iter().find(|h| h.start <= pc && pc < h.end)
    }
    /// The name of the variable in slot `n` (locals, cells, frees).
    pub fn slot_name(&self, n: u32) -> &str {
        let n = n as usize;
        let (l, c) = (self.varnames.len(), self.cellvars.len());
        if n < l {
            &self.varnames[n]
        } else if n < l + c {
            &self.cellvars[n - l]
        } else {
            &self.freevars[n - l - c]
        }
    }
}

/// The stack effect of an instruction (for the depth pass), and where it
/// may go: (effect on fallthrough, jump target and effect when jumping).
pub fn stack_effect(i: Instr) -> (i32, Option<(u32, i32)>) {
    use Instr::*;
    match i {
        Nop => (0, None),
        Pop | CloseIter => (-1, None),
        Copy(_) => (1, None),
        Swap(_) => (0, None),
        Const(_) | LoadFast(_) | LoadDeref(_) | LoadCell(_) | LoadGlobal(_) | LoadName(_) => {
            (1, None)
        }
        LoadClassDeref(..) | LoadAssertionError => (1, None),
        MatchSequence | MatchMapping | GetLen | MatchKeys => (1, None),
        MatchClass(_) => (-2, None),
        CopyDictWithoutKeys => (0, None),
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => (-1, None),
        DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) | MakeCell(..) => {
            (0, None)
        }
        LoadAttr(_) => (0, None),
        StoreAttr(_) => (-2, None),
        DeleteAttr(_) => (-1, None),
        LoadMethod(_) => (1, None),
        Binary(_) | InPlace(_) | Compare(_) | Is(_) | In(_) => (-1, None),
        Unary(_) => (0, None),
        Subscr => (-1, None),
        StoreSubscr => (-3, None),
        DeleteSubscr => (-2, None),
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) => (1 - n as i32, None),
        BuildMap(n) => (1 - 2 * n as i32, None),
        BuildSlice(n) => (1 - n as i32, None),
        ListAppend(_) | SetAdd(_) | ListExtend(..) | SetUpdate(_) | DictUpdate(..) => (-1, None),
        MapAdd(_) => (-2, None),
        ListToTuple => (0, None),
        UnpackSequence(n) => (n as i32 - 1, None),
        UnpackEx(a, b) => ((a + b) as i32, None),
        FormatValue(_, spec) => (if spec { -1 } else { 0 }, None),
        Jump(t) => (0, Some((t, 0))),
        PopJumpIfFalse(t) | PopJumpIfTrue(t) => (-1, Some((t, -1))),
        JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => (-1, Some((t, 0))),
        GetIter => (0, None),
        ForIter => (1, None),
        ForIterEnd(t) => (0, Some((t, -2))),
        Call(n) => (-(n as i32), None),
        CallMethod(n) => (-(n as i32) - 1, None),
        CallKw(n, _) => (-(n as i32), None),
        CallEx(kw) => (if kw { -2 } else { -1 }, None),
        MakeFunction(_, flags) => (1 - flags.count_ones() as i32, None),
        Return => (-1, None),
        YieldValue => (0, None),
        YieldFrom => (0, None),
        YieldFromEnd => (-1, None),
        GenStart => (0, None),
        Raise(n) => (-(n as i32), None),
        Reraise => (-1, None),
        PushExcInfo => (1, None),
        PopExcept => (-1, None),
        PopExceptReraise => (-2, None),
        CheckExcMatch => (0, None),
        BeforeWith => (1, None),
        WithExitNormal => (-1, None),
        WithExitExc => (1, None),
        ImportName(_) => (-1, None),
        ImportFrom(_) => (1, None),
        ImportStar => (-1, None),
        BuildClass => (-3, None),
        PrintExpr => (-1, None),
        // Only in `steps`, which is never analysed: as their first half.
        LoadFastLoadFast(..)
        | LoadFastConst(..)
        | LoadFastLoadAttr(..)
        | LoadFastLoadMethod(..)
        | LoadFastLoadGlobal(..)
        | LoadFastSubscr(_)
        | LoadFastBinary(..)
        | LoadFastStoreAttr(..)
        | StoreFastLoadFast(..)
        | StoreFastConst(..)
        | CompareJump(..)
        | IsJump(..)
        | ForIterEndStoreFast(..)
        | LoadAttrLoadFast(..)
        | SubscrStoreFast(_)
        | StoreFastStoreFast(..)
        | ConstBinary(..) => stack_effect(i.unfused()),
    }
}

/// Whether control never falls through to the next instruction.
pub fn is_terminal(i: Instr) -> bool {
    matches!(
        i,
        Instr::Jump(_) | Instr::Return | Instr::Raise(_) | Instr::Reraise | Instr::PopExceptReraise
    )
}

impl Code {
    /// The bytecode as text: one instruction per line with its pc, line
    /// and stack depth, then the handler table (`MJ_PYTHON_DIS=1` prints
    /// every code object compiled).
    pub fn disassemble(&self) -> String {
        let mut out = format!(
            "code {} ({}:{})\n",
            self.qualname, self.filename, self.first_line
        );
        for (pc, i) in self.instrs.iter().enumerate() {
            out.push_str(&format!(
                "{pc:5} line {:4} depth {:3}  {i:?}\n",
                self.lines[pc], self.depths[pc]
            ));
        }
        for h in &self.handlers {
            out.push_str(&format!(
                "  handler {}..{} -> {}\n",
                h.start, h.end, h.target
            ));
        }
        out
    }
}
