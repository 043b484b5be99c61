//! Machine code for one trace, operation by operation, with `dynasmrt`.
//!
//! The register allocator (`regalloc.rs`) has already fixed where every
//! value lives, so each operation is emitted on its own: load what is not in
//! a register into a scratch register (`rax`, `rcx`, `rdx`, `r11`, `xmm14`,
//! `xmm15`), compute, write the result where it lives. No state flows
//! between operations except the flags, in exactly two places: an `_ovf`
//! operation leaves OF for the guard right after it, and a comparison (or
//! an `int_and`) fused with its guard leaves the condition for the `jcc`.
//!
//! Layout of the code of a trace:
//!
//! ```text
//! entry:  lea rsp, [rbp - frame]           ; this trace's frame (see mod.rs)
//!         load inputs from the exit buffer [r15 + 8k]
//!         (preamble; then, if the loop keeps one, the interrupt flag's
//!         address into its register: `Alloc::flag_reg`)
//! head:   ...body...                       ; a guard is `jcc stub_n`
//!         jump: parallel move, jmp head    ; or store + jmp [loop slot];
//!                                          ; a last guard with nothing to
//!                                          ; move after it: j!cc head;
//!                                          ; jmp stub_n (one taken branch)
//! stub_n: store fail args to [r15 + 8k]    ; out of line: a guard that never
//!         mov eax, guard_id                ; fails costs its test and jcc
//!         mov r11, &slot_n ; jmp [r11]     ; slot: the exit, or a bridge
//! slow_k: call alloc_object / alloc_array  ; out of line: a `new` whose
//!         jmp back                         ; window is used up (see below)
//! label:  lea rsp, [rbp - frame]           ; a peeled loop's second entry:
//!         load live-ins from [r15 + 8k]    ; another trace jumps past the
//!         jmp head                         ; preamble (`Trace::label_entry`)
//! ```
//!
//! `new`, and `new_array` of a constant length, allocate inline from the
//! GC's bump window for their size class (`gc/mod.rs`): load the class's
//! next pointer, add the cell size, compare with its limit, store it back,
//! write the header (and the length). The memory is already zeroed. When
//! the window is used up, the out-of-line slow path calls the allocator as
//! a `new` without the fast path would; the register allocator treats both
//! as calls either way (live values sit in callee-saved registers or stack
//! slots, where the collector's stack scan finds them), so the slow path
//! needs no bookkeeping of its own. Large objects and arrays of a computed
//! length always call.
//!
//! Everything that leaves the trace's own buffer goes through an absolute
//! address (a loop's entry slot, a guard's slot, the trampoline's exit), so
//! each trace can live in its own executable buffer, anywhere in memory, and
//! no code is ever patched: attaching a bridge is one store into a data slot.

// dynasm expands dynamic register operands (`Rq(r)`) through a conversion
// into the register type, which is `u8` already here.
#![allow(clippy::useless_conversion)]

use super::regalloc::*;
use crate::backend::CLASS_OFFSET;
use crate::gc;
use crate::heap;
use crate::ir::{Arg, ArrayDescr, Descr, OpClass, Opcode, SizeDescr, Trace, Type};
use dynasmrt::x64::Assembler;
use dynasmrt::{dynasm, DynamicLabel, DynasmApi, DynasmLabelApi, ExecutableBuffer};
use hashbrown::HashMap;
use std::ops::Range;

/// The exit buffer holds at most this many words: inputs, fail arguments,
/// `finish` and cross-loop `jump` values.
pub const MAX_VALUES: usize = 4096;

/// The tag in the trampoline's return value that marks a `finish` (its low
/// 32 bits are then the number of values); otherwise it is a guard id.
pub const FINISH_TAG: u64 = 1 << 32;

/// Where a trace's code sends control outside itself.
pub struct Env<'a> {
    /// Guard id → address of its slot (a word holding the stub's target).
    pub guard_slots: &'a HashMap<u32, usize>,
    /// Loop id → address of the slot holding that loop's entry address.
    pub loop_slots: &'a HashMap<u32, usize>,
    /// Loop id → address of the slot holding its label entry's address.
    pub label_slots: &'a HashMap<u32, usize>,
    /// The trampoline's exit path (restores registers, returns `rax`).
    pub exit: usize,
}

/// A trace's finished code, with what the listing needs.
pub struct Code {
    pub buf: ExecutableBuffer,
    pub entry: usize,
    /// A peeled loop's entry at its label, and how many values it reads.
    pub label_entry: Option<(usize, usize)>,
    /// Code range of the entry (frame set-up and input loads).
    pub prologue: Range<usize>,
    /// Per operation of the trace: its code range in the main body.
    pub ops: Vec<Range<usize>>,
    /// Per guard stub: the guard id and the stub's code range.
    pub stubs: Vec<(u32, Range<usize>)>,
}

impl Code {
    pub fn addr(&self) -> usize {
        self.buf.ptr(dynasmrt::AssemblyOffset(0)) as usize
    }
}

/// An operand as the emitter sees it.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Src {
    Reg(u8),
    Xmm(u8),
    /// `[rbp + disp]`: a stack slot.
    Mem(i32),
    /// `[r15 + disp]`: a word of the exit buffer.
    Buf(i32),
    Imm(u64),
}

fn loc_src(l: Loc) -> Option<Src> {
    match l {
        Loc::Gpr(r) => Some(Src::Reg(r)),
        Loc::Xmm(x) => Some(Src::Xmm(x)),
        Loc::Stack(s) => Some(Src::Mem(slot_disp(s))),
        Loc::None => None,
    }
}

/// The location a destination operand names (`loc_src` backwards).
fn dest_loc(s: Src) -> Loc {
    match s {
        Src::Reg(r) => Loc::Gpr(r),
        Src::Xmm(x) => Loc::Xmm(x),
        Src::Mem(d) => Loc::Stack(slot_of_disp(d)),
        Src::Buf(_) | Src::Imm(_) => unreachable!("not a location"),
    }
}

fn imm32(w: u64) -> Option<i32> {
    i32::try_from(w as i64).ok()
}

/// x86 condition codes, for `jcc` and `setcc`.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Cond {
    E,
    Ne,
    L,
    Le,
    G,
    Ge,
    B,
    Ae,
    A,
    Be,
    O,
    No,
}

impl Cond {
    fn negate(self) -> Cond {
        use Cond::*;
        match self {
            E => Ne,
            Ne => E,
            L => Ge,
            Le => G,
            G => Le,
            Ge => L,
            B => Ae,
            Ae => B,
            A => Be,
            Be => A,
            O => No,
            No => O,
        }
    }

    /// The condition on `(b, a)` that holds when `self` holds on `(a, b)`.
    fn swapped(self) -> Cond {
        use Cond::*;
        match self {
            L => G,
            Le => Ge,
            G => L,
            Ge => Le,
            B => A,
            Ae => Be,
            A => B,
            Be => Ae,
            c => c,
        }
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Alu {
    Add,
    Sub,
    And,
    Or,
    Xor,
    Imul,
    Cmp,
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Fop {
    Add,
    Sub,
    Mul,
    Div,
}

struct Emitter<'a> {
    asm: Assembler,
    trace: &'a Trace,
    alloc: &'a Alloc,
    env: &'a Env<'a>,
    head: DynamicLabel,
    /// Guards' stubs to emit after the body: label, operation index.
    stubs: Vec<(DynamicLabel, usize)>,
    /// The condition a fused comparison left in the flags.
    pending: Option<Cond>,
    /// The guard whose last branch doubles as the jump back to the header
    /// (see `guard_jump`), and whether it did.
    fold_guard: Option<usize>,
    back_edge_folded: bool,
    /// Allocations' slow paths to emit after the stubs: their label, the
    /// label to return to, and the call to make.
    slow_allocs: Vec<(DynamicLabel, DynamicLabel, SlowAlloc)>,
}

/// The allocator call of an inline allocation's slow path.
#[derive(Copy, Clone)]
enum SlowAlloc {
    Object(&'static SizeDescr),
    Array(&'static ArrayDescr, i64),
}

macro_rules! asm {
    ($e:expr; $($t:tt)*) => {
        dynasm!($e.asm ; .arch x64 ; $($t)*)
    };
}

/// Compile `trace` (already allocated) into its own executable buffer.
pub fn emit(trace: &Trace, alloc: &Alloc, env: &Env) -> Result<Code, String> {
    let mut asm = Assembler::new().map_err(|e| format!("cannot map code memory: {e}"))?;
    let head = asm.new_dynamic_label();
    let mut e = Emitter {
        asm,
        trace,
        alloc,
        env,
        head,
        stubs: Vec::new(),
        pending: None,
        fold_guard: None,
        back_edge_folded: false,
        slow_allocs: Vec::new(),
    };
    e.fold_guard = e.back_edge_guard();

    let entry = e.asm.offset().0;
    let frame = alloc.frame;
    asm!(e; lea rsp, [rbp - frame]);
    for (k, v) in trace.inputs.iter().enumerate() {
        let loc = alloc.locs[v.index()];
        e.mov_loc(loc, Src::Buf(8 * k as i32));
    }
    if alloc.head.is_none() {
        e.load_flag_reg();
        let head = e.head;
        asm!(e; =>head);
    }
    let prologue = entry..e.asm.offset().0;

    let mut ops = Vec::with_capacity(trace.ops.len());
    for i in 0..trace.ops.len() {
        let start = e.asm.offset().0;
        e.op(i)?;
        ops.push(start..e.asm.offset().0);
    }

    let mut stub_ranges = Vec::new();
    for (label, i) in std::mem::take(&mut e.stubs) {
        let start = e.asm.offset().0;
        let g = trace.ops[i].guard.as_ref().expect("guard info checked");
        asm!(e; =>label);
        e.store_values(&g.fail_args);
        let id = g.id as i32;
        let slot = env.guard_slots[&g.id] as i64;
        asm!(e
            ; mov eax, id
            ; mov r11, QWORD slot
            ; jmp QWORD [r11]
        );
        stub_ranges.push((g.id, start..e.asm.offset().0));
    }

    for (slow, back, call) in std::mem::take(&mut e.slow_allocs) {
        asm!(e; =>slow);
        e.call_allocator(call, Loc::Gpr(RAX));
        asm!(e; jmp =>back);
    }

    // A jump from another trace to the label: the values every operation
    // after the label reads arrive in the exit buffer; each goes where the
    // loop keeps it, as if the preamble had just run.
    let label_entry = match (trace.label_entry(), alloc.head) {
        (Some((at, live)), Some(head)) if at == head => {
            let start = e.asm.offset().0;
            asm!(e; lea rsp, [rbp - frame]);
            for (k, v) in live.iter().enumerate() {
                let loc = alloc.locs[v.index()];
                if loc != Loc::None {
                    e.mov_loc(loc, Src::Buf(8 * k as i32));
                }
            }
            e.load_flag_reg();
            let head = e.head;
            asm!(e; jmp =>head);
            Some((start, live.len()))
        }
        _ => None,
    };

    let buf = e
        .asm
        .finalize()
        .map_err(|_| "could not finalize code buffer".to_string())?;
    Ok(Code {
        buf,
        entry,
        label_entry,
        prologue,
        ops,
        stubs: stub_ranges,
    })
}

impl Emitter<'_> {
    fn src(&self, a: Arg) -> Src {
        match a {
            // A fused comparison's result has no location; only its guard
            // names it, and the guard reads the flags instead.
            Arg::Var(v) => loc_src(self.alloc.locs[v.index()]).unwrap_or(Src::Imm(0)),
            c => Src::Imm(c.const_word().unwrap()),
        }
    }

    fn res_loc(&self, i: usize) -> Loc {
        self.trace.ops[i]
            .res
            .map_or(Loc::None, |r| self.alloc.locs[r.index()])
    }

    // ---- moves -----------------------------------------------------------

    fn mov_imm(&mut self, r: u8, w: u64) {
        if let Some(i) = imm32(w) {
            asm!(self; mov Rq(r), i);
        } else if w <= u32::MAX as u64 {
            let i = w as u32 as i32;
            asm!(self; mov Rd(r), i);
        } else {
            let i = w as i64;
            asm!(self; mov Rq(r), QWORD i);
        }
    }

    /// Put `s` into general register `r` (never touches the flags).
    fn put_gpr(&mut self, r: u8, s: Src) {
        match s {
            Src::Reg(x) if x == r => {}
            Src::Reg(x) => asm!(self; mov Rq(r), Rq(x)),
            Src::Xmm(x) => asm!(self; movq Rq(r), Rx(x)),
            Src::Mem(d) => asm!(self; mov Rq(r), QWORD [rbp + d]),
            Src::Buf(d) => asm!(self; mov Rq(r), QWORD [r15 + d]),
            Src::Imm(w) => self.mov_imm(r, w),
        }
    }

    /// Put `s` into XMM register `x` (uses `r11` for constants).
    fn put_xmm(&mut self, x: u8, s: Src) {
        match s {
            Src::Xmm(y) if y == x => {}
            Src::Xmm(y) => asm!(self; movapd Rx(x), Rx(y)),
            Src::Reg(r) => asm!(self; movq Rx(x), Rq(r)),
            Src::Mem(d) => asm!(self; movsd Rx(x), QWORD [rbp + d]),
            Src::Buf(d) => asm!(self; movsd Rx(x), QWORD [r15 + d]),
            Src::Imm(w) => {
                self.mov_imm(R11, w);
                asm!(self; movq Rx(x), r11);
            }
        }
    }

    /// Move a value into a location (uses `r11` for memory to memory).
    fn mov_loc(&mut self, d: Loc, s: Src) {
        match d {
            Loc::None => {}
            Loc::Gpr(r) => self.put_gpr(r, s),
            Loc::Xmm(x) => self.put_xmm(x, s),
            Loc::Stack(n) => {
                let disp = slot_disp(n);
                match s {
                    Src::Mem(m) if m == disp => {}
                    Src::Reg(r) => asm!(self; mov QWORD [rbp + disp], Rq(r)),
                    Src::Xmm(x) => asm!(self; movsd QWORD [rbp + disp], Rx(x)),
                    Src::Imm(w) if imm32(w).is_some() => {
                        let i = imm32(w).unwrap();
                        asm!(self; mov QWORD [rbp + disp], i);
                    }
                    _ => {
                        self.put_gpr(R11, s);
                        asm!(self; mov QWORD [rbp + disp], r11);
                    }
                }
            }
        }
    }

    /// Write general register `r` to a value's location.
    fn store_gpr(&mut self, d: Loc, r: u8) {
        self.mov_loc(d, Src::Reg(r));
    }

    fn store_xmm(&mut self, d: Loc, x: u8) {
        self.mov_loc(d, Src::Xmm(x));
    }

    /// Store values into the exit buffer, in order.
    fn store_values(&mut self, args: &[Arg]) {
        for (k, &a) in args.iter().enumerate() {
            let d = 8 * k as i32;
            match self.src(a) {
                Src::Reg(r) => asm!(self; mov QWORD [r15 + d], Rq(r)),
                Src::Xmm(x) => asm!(self; movsd QWORD [r15 + d], Rx(x)),
                Src::Imm(w) if imm32(w).is_some() => {
                    let i = imm32(w).unwrap();
                    asm!(self; mov QWORD [r15 + d], i);
                }
                s => {
                    self.put_gpr(RAX, s);
                    asm!(self; mov QWORD [r15 + d], rax);
                }
            }
        }
    }

    /// Perform all `moves` as if simultaneously (`moves.rs`): sources are
    /// read before any destination is written. Cycles are broken through
    /// `rax`, or `xmm15` when the value saved is in an XMM register.
    fn parallel_move(&mut self, moves: Vec<(Src, Loc)>) {
        let moves: Vec<(Src, Src)> = moves
            .into_iter()
            .filter_map(|(s, d)| Some((s, loc_src(d)?)))
            .collect();
        let scratch = |d: Src| match d {
            Src::Xmm(_) => Src::Xmm(XTMP1),
            _ => Src::Reg(RAX),
        };
        for (s, d) in super::moves::sequence(&moves, scratch) {
            self.mov_loc(dest_loc(d), s);
        }
    }

    /// On a way into the loop's header: the interrupt flag's address into
    /// the register that keeps it over the loop (`Alloc::flag_reg`).
    fn load_flag_reg(&mut self) {
        if let Some(r) = self.alloc.flag_reg {
            let flag = crate::interrupt::flag_address() as i64;
            asm!(self; mov Rq(r), QWORD flag);
        }
    }

    /// The guard right before a jump back to this trace's header that has
    /// nothing to move (`debug_merge_point`s, which emit nothing, between).
    fn back_edge_guard(&self) -> Option<usize> {
        let ops = &self.trace.ops;
        let jump = ops.last()?;
        if jump.opcode != Opcode::Jump
            || !matches!(jump.descr, Descr::None)
            || !self.back_edge_moves().is_empty()
        {
            return None;
        }
        let i = ops[..ops.len() - 1]
            .iter()
            .rposition(|op| op.opcode != Opcode::DebugMergePoint)?;
        ops[i].opcode.is_guard().then_some(i)
    }

    /// The moves of the jump back to this trace's header: each value passed
    /// to where the header keeps the loop-carried value it replaces (none
    /// for a value nothing reads after the header).
    fn back_edge_moves(&self) -> Vec<(Src, Loc)> {
        let Some(jump) = self.trace.ops.last() else {
            return Vec::new();
        };
        let alloc = self.alloc;
        jump.args
            .iter()
            .zip(alloc.loop_args.iter().zip(&alloc.dead_at_jump))
            .filter(|(_, (_, &dead))| !dead)
            .map(|(&s, (v, _))| (self.src(s), alloc.locs[v.index()]))
            .filter(|&(s, d)| Some(s) != loc_src(d))
            .collect()
    }

    // ---- integer arithmetic ----------------------------------------------

    /// `w op= b`.
    fn alu(&mut self, op: Alu, w: u8, b: Src) {
        macro_rules! forms {
            ($m:ident) => {
                match b {
                    Src::Reg(r) => asm!(self; $m Rq(w), Rq(r)),
                    Src::Mem(d) => asm!(self; $m Rq(w), QWORD [rbp + d]),
                    Src::Imm(v) if imm32(v).is_some() => {
                        let i = imm32(v).unwrap();
                        asm!(self; $m Rq(w), i)
                    }
                    _ => {
                        self.put_gpr(R11, b);
                        asm!(self; $m Rq(w), r11)
                    }
                }
            };
        }
        match op {
            Alu::Add => forms!(add),
            Alu::Sub => forms!(sub),
            Alu::And => forms!(and),
            Alu::Or => forms!(or),
            Alu::Xor => forms!(xor),
            Alu::Cmp => forms!(cmp),
            Alu::Imul => match b {
                Src::Reg(r) => asm!(self; imul Rq(w), Rq(r)),
                Src::Mem(d) => asm!(self; imul Rq(w), QWORD [rbp + d]),
                Src::Imm(v) if imm32(v).is_some() => {
                    let i = imm32(v).unwrap();
                    asm!(self; imul Rq(w), Rq(w), i)
                }
                _ => {
                    self.put_gpr(R11, b);
                    asm!(self; imul Rq(w), r11)
                }
            },
        }
    }

    /// Set the flags as `cmp a, b`.
    /// Compare two integer-class operands: the first must be a register or
    /// memory (an immediate or XMM value goes through rax), the second not
    /// an XMM register (it goes through r11).
    fn cmp_words(&mut self, x: Src, y: Src) {
        let x = match x {
            Src::Xmm(_) | Src::Imm(_) => {
                self.put_gpr(RAX, x);
                Src::Reg(RAX)
            }
            x => x,
        };
        let y = match y {
            Src::Xmm(_) => {
                self.put_gpr(R11, y);
                Src::Reg(R11)
            }
            y => y,
        };
        self.cmp(x, y);
    }

    /// Set the flags as `test x, y` (ZF: `x & y == 0`), a constant as the
    /// immediate where it fits.
    fn test_words(&mut self, x: Src, y: Src) {
        let (x, y) = match x {
            Src::Imm(_) => (y, x),
            _ => (x, y),
        };
        let imm = match y {
            Src::Imm(c) => imm32(c),
            _ => None,
        };
        match (x, y, imm) {
            (Src::Reg(r), _, Some(i)) => asm!(self; test Rq(r), i),
            (Src::Mem(d), _, Some(i)) => asm!(self; test QWORD [rbp + d], i),
            (Src::Reg(r), Src::Reg(q), _) => asm!(self; test Rq(r), Rq(q)),
            (Src::Reg(r), Src::Mem(d), _) | (Src::Mem(d), Src::Reg(r), _) => {
                asm!(self; test QWORD [rbp + d], Rq(r))
            }
            _ => {
                self.put_gpr(RAX, x);
                self.put_gpr(R11, y);
                asm!(self; test rax, r11);
            }
        }
    }

    fn cmp(&mut self, a: Src, b: Src) {
        match (a, b) {
            (Src::Reg(r), _) => self.alu(Alu::Cmp, r, b),
            (Src::Mem(d), Src::Reg(r)) => asm!(self; cmp QWORD [rbp + d], Rq(r)),
            (Src::Mem(d), Src::Imm(v)) if imm32(v).is_some() => {
                let i = imm32(v).unwrap();
                asm!(self; cmp QWORD [rbp + d], i)
            }
            _ => {
                self.put_gpr(RAX, a);
                self.alu(Alu::Cmp, RAX, b);
            }
        }
    }

    /// `d = a op b` for the two-address ALU operations. A commutative
    /// operation takes its operands the other way round when that puts a
    /// constant second (an immediate) or computes in place, `d op= a`.
    fn int_binop(&mut self, op: Alu, d: Loc, a: Src, b: Src) {
        let commutes = matches!(op, Alu::Add | Alu::And | Alu::Or | Alu::Xor | Alu::Imul);
        let in_place = |x: Src| matches!(d, Loc::Gpr(_)) && Some(x) == loc_src(d);
        let (a, b) = match (a, b) {
            _ if !commutes => (a, b),
            (Src::Imm(_), Src::Imm(_)) => (a, b),
            (Src::Imm(_), _) => (b, a),
            _ if in_place(b) && !in_place(a) => (b, a),
            _ => (a, b),
        };
        let w = match d {
            Loc::Gpr(r) if b != Src::Reg(r) => r,
            _ => RAX,
        };
        self.put_gpr(w, a);
        self.alu(op, w, b);
        self.store_gpr(d, w);
    }

    fn shift(&mut self, op: Opcode, d: Loc, a: Src, b: Src) {
        let w = match d {
            Loc::Gpr(r) if b != Src::Reg(r) => r,
            _ => RAX,
        };
        self.put_gpr(w, a);
        match b {
            Src::Imm(c) => {
                let c = (c & 63) as i8;
                match op {
                    Opcode::IntLshift => asm!(self; shl Rq(w), c),
                    Opcode::IntRshift => asm!(self; sar Rq(w), c),
                    _ => asm!(self; shr Rq(w), c),
                }
            }
            _ => {
                self.put_gpr(RCX, b);
                match op {
                    Opcode::IntLshift => asm!(self; shl Rq(w), cl),
                    Opcode::IntRshift => asm!(self; sar Rq(w), cl),
                    _ => asm!(self; shr Rq(w), cl),
                }
            }
        }
        self.store_gpr(d, w);
    }

    /// Truncating division or remainder, 0 for a zero divisor and for
    /// `i64::MIN / -1` (as `ir::eval` says), never a trap.
    fn divmod(&mut self, modulo: bool, d: Loc, a: Src, b: Src) {
        match b {
            Src::Imm(0) => self.mov_loc(d, Src::Imm(0)),
            Src::Imm(c) if c as i64 == -1 => {
                if modulo {
                    self.mov_loc(d, Src::Imm(0));
                } else {
                    self.put_gpr(RAX, a);
                    asm!(self
                        ; neg rax
                        ; jno >ok
                        ; xor eax, eax
                        ; ok:
                    );
                    self.store_gpr(d, RAX);
                }
            }
            Src::Imm(_) => {
                self.put_gpr(RCX, b);
                self.put_gpr(RAX, a);
                asm!(self; cqo; idiv rcx);
                self.store_gpr(d, if modulo { RDX } else { RAX });
            }
            _ => {
                self.put_gpr(RCX, b);
                self.put_gpr(RAX, a);
                asm!(self
                    ; test rcx, rcx
                    ; jz >zero
                    ; cmp rcx, -1
                    ; je >minus1
                    ; cqo
                    ; idiv rcx
                );
                if modulo {
                    asm!(self; mov rax, rdx);
                }
                asm!(self; jmp >done; minus1:);
                if !modulo {
                    asm!(self; neg rax; jno >done);
                }
                asm!(self
                    ; zero:
                    ; xor eax, eax
                    ; done:
                );
                self.store_gpr(d, RAX);
            }
        }
    }

    fn setcc_al(&mut self, c: Cond) {
        match c {
            Cond::E => asm!(self; sete al),
            Cond::Ne => asm!(self; setne al),
            Cond::L => asm!(self; setl al),
            Cond::Le => asm!(self; setle al),
            Cond::G => asm!(self; setg al),
            Cond::Ge => asm!(self; setge al),
            Cond::B => asm!(self; setb al),
            Cond::Ae => asm!(self; setae al),
            Cond::A => asm!(self; seta al),
            Cond::Be => asm!(self; setbe al),
            Cond::O => asm!(self; seto al),
            Cond::No => asm!(self; setno al),
        }
    }

    fn jcc(&mut self, c: Cond, l: DynamicLabel) {
        match c {
            Cond::E => asm!(self; je =>l),
            Cond::Ne => asm!(self; jne =>l),
            Cond::L => asm!(self; jl =>l),
            Cond::Le => asm!(self; jle =>l),
            Cond::G => asm!(self; jg =>l),
            Cond::Ge => asm!(self; jge =>l),
            Cond::B => asm!(self; jb =>l),
            Cond::Ae => asm!(self; jae =>l),
            Cond::A => asm!(self; ja =>l),
            Cond::Be => asm!(self; jbe =>l),
            Cond::O => asm!(self; jo =>l),
            Cond::No => asm!(self; jno =>l),
        }
    }

    // ---- floats ----------------------------------------------------------

    fn float_binop(&mut self, op: Fop, d: Loc, a: Src, b: Src) {
        let w = match d {
            Loc::Xmm(x) if b != Src::Xmm(x) => x,
            _ => XTMP1,
        };
        self.put_xmm(w, a);
        macro_rules! forms {
            ($m:ident) => {
                match b {
                    Src::Xmm(x) => asm!(self; $m Rx(w), Rx(x)),
                    Src::Mem(m) => asm!(self; $m Rx(w), QWORD [rbp + m]),
                    _ => {
                        self.put_xmm(XTMP0, b);
                        asm!(self; $m Rx(w), Rx(XTMP0))
                    }
                }
            };
        }
        match op {
            Fop::Add => forms!(addsd),
            Fop::Sub => forms!(subsd),
            Fop::Mul => forms!(mulsd),
            Fop::Div => forms!(divsd),
        }
        self.store_xmm(d, w);
    }

    /// `float_neg` / `float_abs`: flip or clear the sign bit.
    fn float_sign(&mut self, neg: bool, d: Loc, a: Src) {
        let w = match d {
            Loc::Xmm(x) => x,
            _ => XTMP1,
        };
        self.put_xmm(w, a);
        if neg {
            self.mov_imm(R11, 1 << 63);
            asm!(self; movq Rx(XTMP0), r11; xorpd Rx(w), Rx(XTMP0));
        } else {
            self.mov_imm(R11, !(1 << 63));
            asm!(self; movq Rx(XTMP0), r11; andpd Rx(w), Rx(XTMP0));
        }
        self.store_xmm(d, w);
    }

    /// Float comparisons, false on NaN except `!=`, as Rust's operators.
    fn float_cmp(&mut self, op: Opcode, d: Loc, a: Src, b: Src) {
        // `a < b` is `b > a`: only the "above" conditions are NaN-safe.
        let (x, y) = match op {
            Opcode::FloatLt | Opcode::FloatLe => (b, a),
            _ => (a, b),
        };
        let xr = match x {
            Src::Xmm(r) => r,
            _ => {
                self.put_xmm(XTMP1, x);
                XTMP1
            }
        };
        match y {
            Src::Xmm(r) => asm!(self; ucomisd Rx(xr), Rx(r)),
            Src::Mem(m) => asm!(self; ucomisd Rx(xr), QWORD [rbp + m]),
            _ => {
                self.put_xmm(XTMP0, y);
                asm!(self; ucomisd Rx(xr), Rx(XTMP0));
            }
        }
        match op {
            Opcode::FloatLt | Opcode::FloatGt => asm!(self; seta al),
            Opcode::FloatLe | Opcode::FloatGe => asm!(self; setae al),
            Opcode::FloatEq => asm!(self; sete al; setnp cl; and al, cl),
            _ => asm!(self; setne al; setp cl; or al, cl),
        }
        asm!(self; movzx eax, al);
        self.store_gpr(d, RAX);
    }

    fn cast_int_to_float(&mut self, d: Loc, a: Src) {
        let w = match d {
            Loc::Xmm(x) => x,
            _ => XTMP1,
        };
        asm!(self; xorps Rx(w), Rx(w));
        match a {
            Src::Reg(r) => asm!(self; cvtsi2sd Rx(w), Rq(r)),
            Src::Mem(m) => asm!(self; cvtsi2sd Rx(w), QWORD [rbp + m]),
            _ => {
                self.put_gpr(RAX, a);
                asm!(self; cvtsi2sd Rx(w), rax);
            }
        }
        self.store_xmm(d, w);
    }

    /// Rust's saturating `f as i64`: NaN is 0, out of range saturates.
    /// `cvttsd2si` gives `i64::MIN` for all of those; fix that case up.
    fn cast_float_to_int(&mut self, d: Loc, a: Src) {
        let x = match a {
            Src::Xmm(r) => r,
            _ => {
                self.put_xmm(XTMP1, a);
                XTMP1
            }
        };
        let min = i64::MIN;
        let max = i64::MAX;
        asm!(self
            ; cvttsd2si rax, Rx(x)
            ; mov r11, QWORD min
            ; cmp rax, r11
            ; jne >done
            ; ucomisd Rx(x), Rx(x)
            ; jp >nan
            ; movq r11, Rx(x)
            ; test r11, r11
            ; js >done
            ; mov rax, QWORD max
            ; jmp >done
            ; nan:
            ; xor eax, eax
            ; done:
        );
        self.store_gpr(d, RAX);
    }

    // ---- memory ----------------------------------------------------------

    /// A register holding the object pointer `a` (`r11` if it is not in one).
    fn base(&mut self, a: Src) -> u8 {
        match a {
            Src::Reg(r) => r,
            _ => {
                self.put_gpr(R11, a);
                R11
            }
        }
    }

    /// The address of item `idx` of the array in register `base`:
    /// (index register, displacement); the index may be put in `rax`.
    fn item_addr(&mut self, items_offset: i32, size: u8, idx: Src) -> (Option<u8>, i32) {
        if let Src::Imm(c) = idx {
            let off = (c as i64)
                .checked_mul(size as i64)
                .and_then(|o| o.checked_add(items_offset as i64));
            if let Some(d) = off.and_then(|o| i32::try_from(o).ok()) {
                return (None, d);
            }
        }
        let r = match idx {
            Src::Reg(r) => r,
            _ => {
                self.put_gpr(RAX, idx);
                RAX
            }
        };
        (Some(r), items_offset)
    }

    /// Load a word (or a zero-extended byte) into general register `r`.
    fn load(&mut self, r: u8, base: u8, idx: Option<u8>, size: u8, disp: i32) {
        match (idx, size) {
            (None, 1) => asm!(self; movzx Rd(r), BYTE [Rq(base) + disp]),
            (None, _) => asm!(self; mov Rq(r), QWORD [Rq(base) + disp]),
            (Some(i), 1) => asm!(self; movzx Rd(r), BYTE [Rq(base) + Rq(i) + disp]),
            (Some(i), _) => asm!(self; mov Rq(r), QWORD [Rq(base) + Rq(i) * 8 + disp]),
        }
    }

    fn load_xmm(&mut self, x: u8, base: u8, idx: Option<u8>, disp: i32) {
        match idx {
            None => asm!(self; movsd Rx(x), QWORD [Rq(base) + disp]),
            Some(i) => asm!(self; movsd Rx(x), QWORD [Rq(base) + Rq(i) * 8 + disp]),
        }
    }

    /// Load into a value's location.
    fn load_to(&mut self, d: Loc, base: u8, idx: Option<u8>, size: u8, disp: i32) {
        match d {
            Loc::Gpr(r) => self.load(r, base, idx, size, disp),
            Loc::Xmm(x) if size == 8 => self.load_xmm(x, base, idx, disp),
            _ => {
                self.load(RAX, base, idx, size, disp);
                self.store_gpr(d, RAX);
            }
        }
    }

    /// Store value `v` (1 or 8 bytes of it) at the address.
    fn store_to(&mut self, v: Src, base: u8, idx: Option<u8>, size: u8, disp: i32) {
        if size == 1 {
            match v {
                Src::Imm(w) => {
                    let b = w as u8 as i8;
                    match idx {
                        None => asm!(self; mov BYTE [Rq(base) + disp], b),
                        Some(i) => asm!(self; mov BYTE [Rq(base) + Rq(i) + disp], b),
                    }
                }
                _ => {
                    self.put_gpr(RDX, v);
                    match idx {
                        None => asm!(self; mov BYTE [Rq(base) + disp], dl),
                        Some(i) => asm!(self; mov BYTE [Rq(base) + Rq(i) + disp], dl),
                    }
                }
            }
            return;
        }
        match v {
            Src::Xmm(x) => match idx {
                None => asm!(self; movsd QWORD [Rq(base) + disp], Rx(x)),
                Some(i) => asm!(self; movsd QWORD [Rq(base) + Rq(i) * 8 + disp], Rx(x)),
            },
            Src::Imm(w) if imm32(w).is_some() => {
                let c = imm32(w).unwrap();
                match idx {
                    None => asm!(self; mov QWORD [Rq(base) + disp], c),
                    Some(i) => asm!(self; mov QWORD [Rq(base) + Rq(i) * 8 + disp], c),
                }
            }
            _ => {
                let r = match v {
                    Src::Reg(r) => r,
                    _ => {
                        self.put_gpr(RDX, v);
                        RDX
                    }
                };
                match idx {
                    None => asm!(self; mov QWORD [Rq(base) + disp], Rq(r)),
                    Some(i) => asm!(self; mov QWORD [Rq(base) + Rq(i) * 8 + disp], Rq(r)),
                }
            }
        }
    }

    // ---- calls -----------------------------------------------------------

    /// A SysV call of `func` with `args` (value, type), result into `d`.
    /// Only values that die here can be in caller-saved registers (see
    /// regalloc.rs), so nothing needs saving; `rsp` is 16-byte aligned by
    /// construction of the frame.
    fn call(&mut self, func: usize, args: &[(Src, Type)], ret: Type, d: Loc) {
        const INT_ARGS: [u8; 6] = [RDI, RSI, RDX, RCX, R8, R9];
        let (mut ni, mut nf) = (0, 0);
        let mut moves = Vec::new();
        for &(s, t) in args {
            if t == Type::Float {
                moves.push((s, Loc::Xmm(nf)));
                nf += 1;
            } else {
                moves.push((s, Loc::Gpr(INT_ARGS[ni])));
                ni += 1;
            }
        }
        self.parallel_move(moves);
        let f = func as i64;
        asm!(self; mov rax, QWORD f; call rax);
        match ret {
            Type::Float => self.store_xmm(d, 0),
            Type::Void => {}
            _ => self.store_gpr(d, RAX),
        }
    }

    /// Call the allocator, result into `d`.
    fn call_allocator(&mut self, call: SlowAlloc, d: Loc) {
        match call {
            SlowAlloc::Object(sd) => {
                let f = heap::alloc_object as extern "C" fn(_) -> usize as usize;
                let descr = Src::Imm(sd as *const _ as u64);
                self.call(f, &[(descr, Type::Int)], Type::Ref, d);
            }
            SlowAlloc::Array(ad, len) => {
                let f = heap::alloc_array as extern "C" fn(_, _) -> usize as usize;
                let descr = Src::Imm(ad as *const _ as u64);
                let len = Src::Imm(len as u64);
                self.call(f, &[(descr, Type::Int), (len, Type::Int)], Type::Ref, d);
            }
        }
    }

    /// An object of `bytes` bytes with `type_id` in its header (and, for
    /// an array, `len` at `len_offset`), bumped from the GC's window for its
    /// class, into `d`; `slow` when the window is used up or the object is
    /// large. Uses `rax`, `rcx` and `r11`.
    fn alloc_inline(
        &mut self,
        bytes: usize,
        type_id: u32,
        length: Option<(i32, i64)>,
        slow: SlowAlloc,
        d: Loc,
    ) {
        let Some((class, cell)) = gc::small_class(bytes) else {
            self.call_allocator(slow, d);
            return;
        };
        let windows = gc::windows_address() as i64;
        let next = gc::window_next_offset(class);
        let limit = gc::window_limit_offset(class);
        let cell = cell as i32;
        let slow_label = self.asm.new_dynamic_label();
        let back = self.asm.new_dynamic_label();
        // The header's upper half and the rest of the cell are zero already.
        let type_id = type_id as i32;
        asm!(self
            ; mov r11, QWORD windows
            ; mov rax, QWORD [r11 + next]
            ; lea rcx, [rax + cell]
            ; cmp rcx, QWORD [r11 + limit]
            ; ja =>slow_label
            ; mov QWORD [r11 + next], rcx
            ; mov DWORD [rax + CLASS_OFFSET], type_id
        );
        if let Some((len_offset, len)) = length {
            // A small array's length fits in 32 bits.
            let len = len as i32;
            asm!(self; mov QWORD [rax + len_offset], len);
        }
        asm!(self; =>back);
        self.store_gpr(d, RAX);
        self.slow_allocs.push((slow_label, back, slow));
    }

    // ---- guards ----------------------------------------------------------

    /// Guard `i`'s last test: jump to its stub if `c` holds (always if
    /// `None`). When the guard is the last thing before the jump back to
    /// the header and that jump moves nothing, the branch is turned
    /// around: `j!c head; jmp stub`, so that an iteration that stays in
    /// the loop takes one branch, not two.
    fn guard_jump(&mut self, c: Option<Cond>, i: usize) {
        match c {
            Some(c) if self.fold_guard == Some(i) => {
                let head = self.head;
                self.jcc(c.negate(), head);
                self.jump_to_stub(None, i);
                self.back_edge_folded = true;
            }
            _ => self.jump_to_stub(c, i),
        }
    }

    /// Jump to guard `i`'s stub if `c` holds (always if `None`). A guard
    /// with two tests (`guard_nonnull_class`) shares one stub.
    fn jump_to_stub(&mut self, c: Option<Cond>, i: usize) {
        let l = match self.stubs.last() {
            Some(&(l, j)) if j == i => l,
            _ => {
                let l = self.asm.new_dynamic_label();
                self.stubs.push((l, i));
                l
            }
        };
        match c {
            Some(c) => self.jcc(c, l),
            None => asm!(self; jmp =>l),
        }
    }

    /// Guard on `a` being nonzero (`want_true`) or zero.
    fn guard_bool(&mut self, i: usize, a: Src, want_true: bool) {
        if let Src::Imm(w) = a {
            if (w != 0) != want_true {
                self.guard_jump(None, i);
            }
            return;
        }
        match a {
            Src::Reg(r) => asm!(self; test Rq(r), Rq(r)),
            _ => self.cmp(a, Src::Imm(0)),
        }
        self.guard_jump(Some(if want_true { Cond::E } else { Cond::Ne }), i);
    }

    fn guard_class(&mut self, i: usize, obj: Src, cls: Src) {
        let base = self.base(obj);
        asm!(self; mov eax, DWORD [Rq(base) + CLASS_OFFSET]);
        let cls = match cls {
            Src::Xmm(_) => {
                self.put_gpr(R11, cls);
                Src::Reg(R11)
            }
            c => c,
        };
        self.alu(Alu::Cmp, RAX, cls);
        self.guard_jump(Some(Cond::Ne), i);
    }

    // ---- one operation ---------------------------------------------------

    fn op(&mut self, i: usize) -> Result<(), String> {
        let trace = self.trace;
        let op = &trace.ops[i];
        let d = self.res_loc(i);
        let srcs: Vec<Src> = op.args.iter().map(|&x| self.src(x)).collect();
        let a = |k: usize| srcs[k];
        use Opcode::*;
        match op.opcode {
            DebugMergePoint => {}
            Label => {
                if self.alloc.head == Some(i) {
                    self.load_flag_reg();
                    let head = self.head;
                    asm!(self; =>head);
                }
            }
            Jump => match op.descr {
                Descr::Loop(n) => {
                    self.store_values(&op.args);
                    let slot = self.env.loop_slots[&n] as i64;
                    asm!(self; mov r11, QWORD slot; jmp QWORD [r11]);
                }
                Descr::Label(n) => {
                    self.store_values(&op.args);
                    let slot = self.env.label_slots[&n] as i64;
                    asm!(self; mov r11, QWORD slot; jmp QWORD [r11]);
                }
                _ => {
                    let moves = self.back_edge_moves();
                    self.parallel_move(moves);
                    if !self.back_edge_folded {
                        let head = self.head;
                        asm!(self; jmp =>head);
                    }
                }
            },
            Finish => {
                self.store_values(&op.args);
                let tag = (FINISH_TAG | op.args.len() as u64) as i64;
                let exit = self.env.exit as i64;
                asm!(self; mov rax, QWORD tag; mov r11, QWORD exit; jmp r11);
            }
            SameAs | CastPtrToInt | CastIntToPtr => {
                let s = a(0);
                self.mov_loc(d, s);
            }
            IntAdd | IntAddOvf => self.int_binop(Alu::Add, d, a(0), a(1)),
            IntSub | IntSubOvf => self.int_binop(Alu::Sub, d, a(0), a(1)),
            IntMul | IntMulOvf => self.int_binop(Alu::Imul, d, a(0), a(1)),
            IntAnd if self.alloc.fused[i] => {
                // Only the guard after it reads the result: whether it is 0.
                self.test_words(a(0), a(1));
                self.pending = Some(Cond::Ne);
            }
            IntAnd => self.int_binop(Alu::And, d, a(0), a(1)),
            IntOr => self.int_binop(Alu::Or, d, a(0), a(1)),
            IntXor => self.int_binop(Alu::Xor, d, a(0), a(1)),
            IntLshift | IntRshift | UintRshift => self.shift(op.opcode, d, a(0), a(1)),
            IntFloorDiv => self.divmod(false, d, a(0), a(1)),
            IntMod => self.divmod(true, d, a(0), a(1)),
            IntNeg | IntInvert => {
                let w = match d {
                    Loc::Gpr(r) => r,
                    _ => RAX,
                };
                self.put_gpr(w, a(0));
                if op.opcode == IntNeg {
                    asm!(self; neg Rq(w));
                } else {
                    asm!(self; not Rq(w));
                }
                self.store_gpr(d, w);
            }
            IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | UintLt | UintGe | PtrEq | PtrNe
            | IntIsTrue | IntIsZero => {
                let (x, y) = match op.opcode {
                    IntIsTrue | IntIsZero => (a(0), Src::Imm(0)),
                    _ => (a(0), a(1)),
                };
                let c = match op.opcode {
                    IntLt => Cond::L,
                    IntLe => Cond::Le,
                    IntEq | PtrEq | IntIsZero => Cond::E,
                    IntNe | PtrNe | IntIsTrue => Cond::Ne,
                    IntGt => Cond::G,
                    IntGe => Cond::Ge,
                    UintLt => Cond::B,
                    _ => Cond::Ae,
                };
                // A constant goes second, where `cmp` takes an immediate.
                let (x, y, c) = match (x, y) {
                    (Src::Imm(_), Src::Reg(_) | Src::Mem(_)) => (y, x, c.swapped()),
                    _ => (x, y, c),
                };
                self.cmp_words(x, y);
                if self.alloc.fused[i] {
                    self.pending = Some(c);
                } else {
                    self.setcc_al(c);
                    asm!(self; movzx eax, al);
                    self.store_gpr(d, RAX);
                }
            }
            FloatAdd => self.float_binop(Fop::Add, d, a(0), a(1)),
            FloatSub => self.float_binop(Fop::Sub, d, a(0), a(1)),
            FloatMul => self.float_binop(Fop::Mul, d, a(0), a(1)),
            FloatTrueDiv => self.float_binop(Fop::Div, d, a(0), a(1)),
            FloatNeg => self.float_sign(true, d, a(0)),
            FloatAbs => self.float_sign(false, d, a(0)),
            FloatLt | FloatLe | FloatEq | FloatNe | FloatGt | FloatGe => {
                self.float_cmp(op.opcode, d, a(0), a(1))
            }
            CastIntToFloat => self.cast_int_to_float(d, a(0)),
            CastFloatToInt => self.cast_float_to_int(d, a(0)),
            GetfieldI | GetfieldR | GetfieldF => {
                let Descr::Field(fd) = op.descr else {
                    unreachable!()
                };
                let base = self.base(a(0));
                self.load_to(d, base, None, 8, fd.offset);
            }
            Setfield => {
                let Descr::Field(fd) = op.descr else {
                    unreachable!()
                };
                let base = self.base(a(0));
                self.store_to(a(1), base, None, 8, fd.offset);
            }
            Arraylen => {
                let Descr::Array(ad) = op.descr else {
                    unreachable!()
                };
                let base = self.base(a(0));
                self.load_to(d, base, None, 8, ad.len_offset);
            }
            GetarrayitemI | GetarrayitemR | GetarrayitemF => {
                let Descr::Array(ad) = op.descr else {
                    unreachable!()
                };
                let base = self.base(a(0));
                let (idx, disp) = self.item_addr(ad.items_offset, ad.item_size, a(1));
                self.load_to(d, base, idx, ad.item_size, disp);
            }
            Setarrayitem => {
                let Descr::Array(ad) = op.descr else {
                    unreachable!()
                };
                let base = self.base(a(0));
                let (idx, disp) = self.item_addr(ad.items_offset, ad.item_size, a(1));
                self.store_to(a(2), base, idx, ad.item_size, disp);
            }
            New => {
                let Descr::Size(sd) = op.descr else {
                    unreachable!()
                };
                self.alloc_inline(sd.size as usize, sd.type_id, None, SlowAlloc::Object(sd), d);
            }
            NewArray => {
                let Descr::Array(ad) = op.descr else {
                    unreachable!()
                };
                match a(0) {
                    Src::Imm(len) => {
                        let len = (len as i64).max(0);
                        let bytes = heap::array_bytes(ad, len as usize);
                        gc::register_array_layout(ad);
                        let length = Some((ad.len_offset, len));
                        self.alloc_inline(bytes, ad.type_id, length, SlowAlloc::Array(ad, len), d);
                    }
                    n => {
                        let f = heap::alloc_array as extern "C" fn(_, _) -> usize as usize;
                        let descr = Src::Imm(ad as *const _ as u64);
                        self.call(f, &[(descr, Type::Int), (n, Type::Int)], Type::Ref, d);
                    }
                }
            }
            _ if op.opcode.class() == OpClass::Call => {
                let Descr::Call(cd) = op.descr else {
                    unreachable!()
                };
                let args: Vec<(Src, Type)> = op
                    .args
                    .iter()
                    .zip(cd.args())
                    .map(|(&s, &t)| (self.src(s), t))
                    .collect();
                self.call(cd.addr(), &args, cd.ret(), d);
            }
            GuardTrue | GuardFalse if self.pending.is_some() => {
                let c = self.pending.take().unwrap();
                let fail = if op.opcode == GuardTrue {
                    c.negate()
                } else {
                    c
                };
                self.guard_jump(Some(fail), i);
            }
            GuardTrue | GuardNonnull => self.guard_bool(i, a(0), true),
            GuardFalse | GuardIsnull => self.guard_bool(i, a(0), false),
            GuardValue => {
                let (x, y) = (a(0), a(1));
                if let (Src::Imm(p), Src::Imm(q)) = (x, y) {
                    if p != q {
                        self.guard_jump(None, i);
                    }
                } else {
                    let (x, y) = match x {
                        Src::Imm(_) => (y, x),
                        _ => (x, y),
                    };
                    self.cmp_words(x, y);
                    self.guard_jump(Some(Cond::Ne), i);
                }
            }
            GuardClass => self.guard_class(i, a(0), a(1)),
            GuardNonnullClass => {
                let (obj, cls) = (a(0), a(1));
                match obj {
                    Src::Imm(0) => {
                        self.guard_jump(None, i);
                        return Ok(());
                    }
                    Src::Imm(_) => {}
                    Src::Reg(r) => {
                        asm!(self; test Rq(r), Rq(r));
                        self.jump_to_stub(Some(Cond::E), i);
                    }
                    _ => {
                        self.cmp(obj, Src::Imm(0));
                        self.jump_to_stub(Some(Cond::E), i);
                    }
                }
                self.guard_class(i, obj, cls);
            }
            GuardNoOverflow => self.guard_jump(Some(Cond::O), i),
            GuardOverflow => self.guard_jump(Some(Cond::No), i),
            GuardNoException | GuardException => {
                let flag = crate::portal::flag_address() as i64;
                asm!(self; mov rax, QWORD flag; cmp BYTE [rax], 0);
                let fails_if = if op.opcode == GuardNoException {
                    Cond::Ne
                } else {
                    Cond::E
                };
                self.guard_jump(Some(fails_if), i);
            }
            GuardNotInvalidated => {
                // No flag: nothing can invalidate the trace.
                if trace.invalidation != 0 {
                    let flag = trace.invalidation as i64;
                    asm!(self; mov rax, QWORD flag; cmp BYTE [rax], 0);
                    self.guard_jump(Some(Cond::Ne), i);
                }
            }
            GuardNotInterrupted => {
                let in_loop = self.alloc.head.is_none_or(|h| i > h);
                match self.alloc.flag_reg {
                    Some(r) if in_loop => asm!(self; cmp BYTE [Rq(r)], 0),
                    _ => {
                        let flag = crate::interrupt::flag_address() as i64;
                        asm!(self; mov rax, QWORD flag; cmp BYTE [rax], 0);
                    }
                }
                self.guard_jump(Some(Cond::Ne), i);
            }
            other => return Err(format!("{} is not supported", other.name())),
        }
        Ok(())
    }
}
