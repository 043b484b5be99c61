//! The x86-64 backend: traces to machine code, with `dynasmrt`.
//!
//! Pieces, in the order a trace goes through them: `check` (here) refuses
//! what the IR interpreter refuses and what this backend cannot do;
//! `regalloc.rs` gives every value a register or a stack slot; `emit.rs`
//! writes the code into a fresh executable buffer (`moves.rs` orders its
//! parallel moves: a loop's back edge, a call's arguments); this file keeps the
//! buffers, the guard slots, and the entry trampoline.
//!
//! Run-time shape. `execute` calls the trampoline, an `extern "C"` function
//! `(buf, entry) -> u64`: it pushes `rbp` and the callee-saved registers,
//! sets `rbp` (16-byte aligned) as the frame pointer for all compiled code
//! and `r15` to `buf`, the *exit buffer*, and jumps to the trace. Each trace
//! (loop or bridge) starts with `lea rsp, [rbp - frame]` and addresses its
//! spill slots from `rbp`, so a jump from one trace into another simply
//! re-establishes the frame it needs. Values cross between traces and back
//! to Rust through the exit buffer: a loop's inputs, a guard's fail
//! arguments, `finish` values, and the arguments of a `jump` to another
//! loop. The trampoline returns a guard id, or `FINISH_TAG | n`.
//!
//! Guards and bridges. Each guard id owns a *slot*, a word in ordinary
//! (non-executable) memory holding an address. A guard's out-of-line stub
//! stores its fail arguments into the exit buffer, puts its id in `eax` and
//! jumps through the slot. The slot first points at the trampoline's exit;
//! `compile_bridge` points it at the bridge, whose prologue reads its inputs
//! from the exit buffer where the stub left them. Loops are entered through
//! slots too (a bridge's `jump` to loop `n`, at its start or, for a peeled
//! loop, at its label's own entry code, which loads the values the loop
//! reads after the label from the exit buffer), so recompiling a loop
//! redirects every jump to it, as the IR interpreter's lookup by id does.
//! No code is ever patched, so no page is ever writable and executable at
//! once: `dynasmrt::Assembler::finalize` maps each buffer writable, copies
//! the code, then flips it to read+exec, once. Each trace has a buffer of
//! its own (its own mapping), so `free` gives a dead loop's code and its
//! bridges' back to the system (dropping an `ExecutableBuffer` unmaps it)
//! with their slots (the guards', the loop's and its label entry's, which
//! point into that code); the driver frees only what no running code and
//! no remaining jump can reach.
//!
//! A better bridge entry, for later: the stub would jump straight to the
//! bridge with values still in the guard's registers and stack slots (the
//! bridge allocated with those as its fixed input locations: RPython's fail
//! locations), instead of a round trip through the exit buffer.

mod emit;
mod moves;
mod regalloc;

use super::{Backend, CompileError, Stop};
use crate::ir::{eval, Descr, OpClass, Opcode, Trace};
use dynasmrt::{dynasm, DynasmApi, ExecutableBuffer};
use emit::{Code, FINISH_TAG, MAX_VALUES};
use hashbrown::HashMap;
use std::cell::RefCell;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

type EnterFn = unsafe extern "C" fn(*mut u64, usize) -> u64;

struct LoopInfo {
    entry: usize,
    ninputs: usize,
    /// How many values its label entry reads, for a peeled loop.
    label_values: Option<usize>,
    code: Code,
    text: Vec<String>,
}

struct GuardRec {
    slot: Box<AtomicU64>,
    nargs: usize,
}

#[derive(Default)]
struct State {
    loops: HashMap<u32, LoopInfo>,
    loop_slots: HashMap<u32, Box<AtomicU64>>,
    /// Per peeled loop, the slot holding the address of its label entry
    /// (in the loop's code: freed with it).
    label_slots: HashMap<u32, Box<AtomicU64>>,
    guards: HashMap<u32, GuardRec>,
    /// Bridge code and op texts (for listings) per guard id.
    bridges: HashMap<u32, (Code, Vec<String>)>,
    /// Exit buffers not in use (one per nested `execute`).
    pool: Vec<Box<[u64]>>,
}

pub struct X64Backend {
    /// Holds the trampoline's code; must outlive every call through `enter`.
    _trampoline: ExecutableBuffer,
    enter: EnterFn,
    exit: usize,
    /// Keep each op's text for `listing` (the `jit-backend-dump` log):
    /// rendering it costs as much as a good part of the rest of `compile`.
    listings: bool,
    state: RefCell<State>,
}

impl Default for X64Backend {
    fn default() -> Self {
        Self::new()
    }
}

enum Kind {
    Loop(u32),
    Bridge(u32),
}

impl X64Backend {
    /// A backend whose listings show each op's text beside its code.
    pub fn new() -> X64Backend {
        Self::with_listings(true)
    }

    /// A backend that renders each op's text for its listings only with
    /// `listings`; without, a listing shows `(op)` in place of each text.
    pub fn with_listings(listings: bool) -> X64Backend {
        let mut ops = dynasmrt::x64::Assembler::new().expect("cannot map code memory");
        let enter = ops.offset();
        dynasm!(ops
            ; .arch x64
            ; push rbp
            ; mov rbp, rsp
            ; push rbx
            ; push r12
            ; push r13
            ; push r14
            ; push r15
            ; mov r15, rdi
            ; jmp rsi
        );
        let exit = ops.offset();
        dynasm!(ops
            ; .arch x64
            ; lea rsp, [rbp - 40]
            ; pop r15
            ; pop r14
            ; pop r13
            ; pop r12
            ; pop rbx
            ; pop rbp
            ; ret
        );
        let buf = ops.finalize().expect("cannot finalize trampoline");
        let enter_ptr = buf.ptr(enter);
        // SAFETY: `enter_ptr` is the start of the code just assembled, which
        // follows the SysV ABI for `(u64*, usize) -> u64`: it saves and
        // restores every callee-saved register it or the traces use, and
        // returns with `ret` after restoring `rsp`. `buf` lives in `self`.
        let enter_fn = unsafe { std::mem::transmute::<*const u8, EnterFn>(enter_ptr) };
        X64Backend {
            enter: enter_fn,
            exit: buf.ptr(exit) as usize,
            _trampoline: buf,
            listings,
            state: RefCell::default(),
        }
    }

    /// Refuse what the IR interpreter refuses, and malformed traces.
    fn check(trace: &Trace, kind: &Kind, state: &State) -> Result<(), String> {
        let n = trace.ops.len();
        match trace.ops.last() {
            Some(op) if matches!(op.opcode, Opcode::Jump | Opcode::Finish) => {}
            _ => return Err("a trace must end with jump or finish".into()),
        }
        if trace.inputs.len() > MAX_VALUES {
            return Err("too many inputs".into());
        }
        for (i, op) in trace.ops.iter().enumerate() {
            let nargs = op.args.len();
            let arity = |k: usize| {
                if nargs == k {
                    Ok(())
                } else {
                    Err(format!(
                        "{} takes {k} arguments, has {nargs}",
                        op.opcode.name()
                    ))
                }
            };
            use Opcode::*;
            match op.opcode {
                Jump | Finish if i + 1 != n => {
                    return Err(format!("{} before the end of the trace", op.opcode.name()))
                }
                Jump | Finish if nargs > MAX_VALUES => return Err("too many values".into()),
                Jump => match op.descr {
                    Descr::Loop(target) => {
                        let own = matches!(kind, Kind::Loop(id) if *id == target);
                        match state.loops.get(&target) {
                            _ if own => {
                                if nargs != trace.inputs.len() {
                                    return Err("jump to loop: wrong number of values".into());
                                }
                            }
                            Some(l) if l.ninputs == nargs => {}
                            Some(_) => {
                                return Err(format!(
                                    "jump to loop {target}: wrong number of values"
                                ))
                            }
                            None => return Err(format!("jump to unknown loop {target}")),
                        }
                    }
                    Descr::Label(target) => match state.loops.get(&target) {
                        Some(l) if l.label_values == Some(nargs) => {}
                        Some(l) if l.label_values.is_some() => {
                            return Err(format!(
                                "jump to the label of loop {target}: wrong number of values"
                            ))
                        }
                        _ => return Err(format!("loop {target} has no label to enter")),
                    },
                    Descr::None => {}
                    _ => return Err("jump with a descriptor other than a loop".into()),
                },
                Finish | Label | DebugMergePoint => {}
                GuardNoException | GuardException | GuardNotInvalidated => arity(0)?,
                GuardNoOverflow | GuardOverflow => {
                    arity(0)?;
                    if i == 0 || trace.ops[i - 1].opcode.class() != OpClass::Ovf {
                        return Err(format!(
                            "{} must follow an _ovf operation",
                            op.opcode.name()
                        ));
                    }
                }
                GuardNotInterrupted => arity(0)?,
                GuardTrue | GuardFalse | GuardNonnull | GuardIsnull => arity(1)?,
                GuardValue | GuardClass | GuardNonnullClass => arity(2)?,
                GetfieldI | GetfieldR | GetfieldF | Setfield => {
                    arity(if op.opcode == Setfield { 2 } else { 1 })?;
                    if !matches!(op.descr, Descr::Field(_)) {
                        return Err(format!("{} needs a field descriptor", op.opcode.name()));
                    }
                }
                GetarrayitemI | GetarrayitemR | GetarrayitemF | Setarrayitem | Arraylen
                | NewArray => {
                    arity(match op.opcode {
                        Setarrayitem => 3,
                        Arraylen | NewArray => 1,
                        _ => 2,
                    })?;
                    let Descr::Array(d) = op.descr else {
                        return Err(format!("{} needs an array descriptor", op.opcode.name()));
                    };
                    if d.item_size != 1 && d.item_size != 8 {
                        return Err(format!(
                            "array items of {} bytes are not supported",
                            d.item_size
                        ));
                    }
                }
                New => {
                    arity(0)?;
                    if !matches!(op.descr, Descr::Size(_)) {
                        return Err("new needs a size descriptor".into());
                    }
                }
                _ if op.opcode.class() == OpClass::Call => {
                    let Descr::Call(d) = op.descr else {
                        return Err("call without a call descriptor".into());
                    };
                    // `emit` handles any register-passed SysV signature,
                    // which is every signature `CallDescr::of` accepts.
                    arity(d.args().len())?;
                }
                _ if matches!(op.opcode.class(), OpClass::Pure | OpClass::Ovf) => {
                    arity(if op.opcode.class() == OpClass::Ovf {
                        2
                    } else {
                        eval::arity(op.opcode)
                    })?
                }
                other => return Err(format!("{} is not supported", other.name())),
            }
            if op.opcode.is_guard() {
                match &op.guard {
                    None => return Err("guard without guard info".into()),
                    Some(g) if g.fail_args.len() > MAX_VALUES => {
                        return Err("too many fail arguments".into())
                    }
                    Some(_) => {}
                }
            }
        }
        Ok(())
    }

    fn compile(&self, trace: &Trace, kind: Kind) -> Result<(), CompileError> {
        let err = |e: String| CompileError(e);
        let mut st = self.state.borrow_mut();
        Self::check(trace, &kind, &st).map_err(err)?;
        if let Kind::Bridge(g) = kind {
            match st.guards.get(&g) {
                None => return Err(err(format!("no guard {g}"))),
                Some(rec) if trace.inputs.len() > rec.nargs => {
                    return Err(err(format!(
                        "bridge has more inputs than guard {g} has fail arguments"
                    )))
                }
                Some(_) => {}
            }
        }
        let alloc = regalloc::allocate(trace).map_err(err)?;

        // Slots this code jumps through: one per guard, one per loop target.
        let exit = self.exit as u64;
        for op in trace.guards() {
            let g = op.guard.as_ref().unwrap();
            let rec = st.guards.entry(g.id).or_insert_with(|| GuardRec {
                slot: Box::new(AtomicU64::new(exit)),
                nargs: 0,
            });
            rec.nargs = g.fail_args.len();
        }
        for op in &trace.ops {
            if let (Opcode::Jump, Descr::Loop(n)) = (op.opcode, op.descr) {
                st.loop_slots
                    .entry(n)
                    .or_insert_with(|| Box::new(AtomicU64::new(exit)));
            }
        }
        let guard_slots: HashMap<u32, usize> = trace
            .guards()
            .map(|op| {
                let id = op.guard.as_ref().unwrap().id;
                (id, st.guards[&id].slot.as_ptr() as usize)
            })
            .collect();
        let loop_slots: HashMap<u32, usize> = trace
            .ops
            .iter()
            .filter_map(|op| match (op.opcode, op.descr) {
                (Opcode::Jump, Descr::Loop(n)) => Some((n, st.loop_slots[&n].as_ptr() as usize)),
                _ => None,
            })
            .collect();
        let label_slots: HashMap<u32, usize> = trace
            .ops
            .iter()
            .filter_map(|op| match (op.opcode, op.descr) {
                (Opcode::Jump, Descr::Label(n)) => Some((n, st.label_slots[&n].as_ptr() as usize)),
                _ => None,
            })
            .collect();
        let env = emit::Env {
            guard_slots: &guard_slots,
            loop_slots: &loop_slots,
            label_slots: &label_slots,
            exit: self.exit,
        };
        let code = match emit::emit(trace, &alloc, &env) {
            Ok(code) => code,
            Err(e) => {
                // The slots made for this trace's guards serve no code.
                for op in trace.guards() {
                    st.guards.remove(&op.guard.as_ref().unwrap().id);
                }
                return Err(err(e));
            }
        };

        let entry = code.addr() + code.entry;
        let label_entry = code.label_entry.map(|(at, n)| (code.addr() + at, n));
        let text: Vec<String> = if self.listings {
            trace
                .ops
                .iter()
                .map(|op| {
                    let mut s = String::new();
                    let _ = crate::ir::print::write_op_with_guard_id(&mut s, trace, op);
                    s
                })
                .collect()
        } else {
            Vec::new()
        };
        match kind {
            Kind::Loop(id) => {
                st.loop_slots
                    .entry(id)
                    .or_insert_with(|| Box::new(AtomicU64::new(exit)))
                    .store(entry as u64, Ordering::SeqCst);
                if let Some((at, _)) = label_entry {
                    st.label_slots
                        .entry(id)
                        .or_insert_with(|| Box::new(AtomicU64::new(exit)))
                        .store(at as u64, Ordering::SeqCst);
                }
                st.loops.insert(
                    id,
                    LoopInfo {
                        entry,
                        ninputs: trace.inputs.len(),
                        label_values: label_entry.map(|(_, n)| n),
                        code,
                        text,
                    },
                );
            }
            Kind::Bridge(g) => {
                st.guards[&g].slot.store(entry as u64, Ordering::SeqCst);
                st.bridges.insert(g, (code, text));
            }
        }
        Ok(())
    }

    fn format_code(out: &mut String, code: &Code, text: &[String]) {
        let base = code.addr();
        let hex = |r: &std::ops::Range<usize>| -> String {
            code.buf[r.clone()]
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let _ = writeln!(out, "  {:#x}  (entry)", base + code.prologue.start);
        let _ = writeln!(out, "      {}", hex(&code.prologue));
        let texts = text
            .iter()
            .map(String::as_str)
            .chain(std::iter::repeat("(op)"));
        for (t, r) in texts.zip(&code.ops) {
            let _ = writeln!(out, "  {:#x}  {t}", base + r.start);
            if !r.is_empty() {
                let _ = writeln!(out, "      {}", hex(r));
            }
        }
        for (id, r) in &code.stubs {
            let _ = writeln!(out, "  {:#x}  (exit stub of guard {id})", base + r.start);
            let _ = writeln!(out, "      {}", hex(r));
        }
    }
}

impl Backend for X64Backend {
    fn name(&self) -> &'static str {
        "x64"
    }

    fn compile_loop(&self, id: u32, trace: &Trace) -> Result<(), CompileError> {
        self.compile(trace, Kind::Loop(id))
    }

    fn compile_bridge(&self, guard: u32, trace: &Trace) -> Result<(), CompileError> {
        self.compile(trace, Kind::Bridge(guard))
    }

    fn execute_into(&self, id: u32, inputs: &[u64], values: &mut Vec<u64>) -> Stop {
        let (entry, ninputs, mut buf) = {
            let mut st = self.state.borrow_mut();
            let l = st.loops.get(&id).unwrap_or_else(|| panic!("no loop {id}"));
            let (entry, ninputs) = (l.entry, l.ninputs);
            let buf = st
                .pool
                .pop()
                .unwrap_or_else(|| vec![0u64; MAX_VALUES].into_boxed_slice());
            (entry, ninputs, buf)
        };
        let n = inputs.len().min(ninputs);
        buf[..n].copy_from_slice(&inputs[..n]);
        buf[n..ninputs.max(n)].fill(0);
        // SAFETY: `entry` is the entry of a loop compiled by this backend,
        // whose buffer stays in `state.loops` until `free`, which the driver
        // calls only for loops no running code can reach; the trampoline
        // gives it the frame and registers it expects; `buf` has
        // MAX_VALUES words, which `check` ensured bounds every input, fail
        // argument and finish/jump value count. No borrow of `state` is
        // held while the code runs.
        let r = unsafe { (self.enter)(buf.as_mut_ptr(), entry) };
        let mut st = self.state.borrow_mut();
        let (stop, n) = if r & FINISH_TAG != 0 {
            (Stop::Finish, (r & 0xffff_ffff) as usize)
        } else {
            let id = r as u32;
            (Stop::Guard(id), st.guards.get(&id).map_or(0, |g| g.nargs))
        };
        values.clear();
        values.extend_from_slice(&buf[..n]);
        st.pool.push(buf);
        stop
    }

    fn free(&self, id: u32, guards: &[u32]) {
        let mut st = self.state.borrow_mut();
        st.loops.remove(&id);
        st.loop_slots.remove(&id);
        st.label_slots.remove(&id);
        for g in guards {
            st.guards.remove(g);
            st.bridges.remove(g);
        }
    }

    fn code_bytes(&self) -> usize {
        let st = self.state.borrow();
        let loops = st.loops.values().map(|l| l.code.buf.len());
        loops
            .chain(st.bridges.values().map(|(c, _)| c.buf.len()))
            .sum()
    }

    fn listing(&self, id: u32) -> String {
        let st = self.state.borrow();
        let mut out = String::new();
        match st.loops.get(&id) {
            Some(l) => {
                let _ = writeln!(out, "loop {id}:");
                Self::format_code(&mut out, &l.code, &l.text);
            }
            None => {
                let _ = writeln!(out, "(no loop {id})");
            }
        }
        out
    }

    fn bridge_listing(&self, guard: u32) -> String {
        let st = self.state.borrow();
        let mut out = String::new();
        match st.bridges.get(&guard) {
            Some((code, text)) => {
                let _ = writeln!(out, "bridge out of guard {guard}:");
                Self::format_code(&mut out, code, text);
            }
            None => {
                let _ = writeln!(out, "(no bridge out of guard {guard})");
            }
        }
        out
    }
}
