//! The IR interpreter backend: runs a trace by walking its operations.
//!
//! It is the reference the x86-64 backend is tested against, so it is written
//! for obviousness, not speed: one `match` per operation, values in a vector
//! indexed by variable number, the pure operations evaluated by `ir::eval`
//! exactly as the recorder evaluated them. It also keeps the whole JIT
//! working on hosts without a code generator.

use super::{Backend, CompileError, Stop};
use crate::abi;
use crate::ir::{eval, Arg, Descr, OpClass, Opcode, Trace, Var};
use crate::{gc, heap};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Where a jump enters a peeled loop at its label: the label's index, and
/// the variables the jump writes (`Trace::label_entry`).
type LabelEntry = (usize, Rc<[Var]>);

#[derive(Default)]
pub struct IrInterp {
    loops: RefCell<HashMap<u32, Rc<Trace>>>,
    bridges: RefCell<HashMap<u32, Rc<Trace>>>,
    /// Per peeled loop, its label entry.
    labels: RefCell<HashMap<u32, LabelEntry>>,
}

impl IrInterp {
    pub fn new() -> IrInterp {
        IrInterp::default()
    }

    fn check(&self, trace: &Trace) -> Result<(), CompileError> {
        for op in &trace.ops {
            match op.opcode {
                Opcode::Jump => {
                    if let Descr::Label(n) = op.descr {
                        match self.labels.borrow().get(&n) {
                            Some((_, entry)) if entry.len() == op.args.len() => {}
                            Some(_) => {
                                return Err(CompileError(format!(
                                    "jump to the label of loop {n}: wrong number of values"
                                )))
                            }
                            None => {
                                return Err(CompileError(format!("loop {n} has no label to enter")))
                            }
                        }
                    }
                }
                _ if op.opcode.class() == OpClass::Call => {
                    let Descr::Call(d) = op.descr else {
                        return Err(CompileError("call without a call descriptor".into()));
                    };
                    if op.args.len() != d.args().len() {
                        return Err(CompileError(format!(
                            "{} takes {} arguments, the call passes {}",
                            d.name(),
                            d.args().len(),
                            op.args.len()
                        )));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn loop_trace(&self, id: u32) -> Rc<Trace> {
        self.loops
            .borrow()
            .get(&id)
            .cloned()
            .unwrap_or_else(|| panic!("no loop {id}"))
    }
}

impl Backend for IrInterp {
    fn name(&self) -> &'static str {
        "interp"
    }

    fn compile_loop(&self, id: u32, trace: &Trace) -> Result<(), CompileError> {
        self.check(trace)?;
        if let Some((head, entry)) = trace.label_entry() {
            self.labels.borrow_mut().insert(id, (head, entry.into()));
        }
        self.loops.borrow_mut().insert(id, Rc::new(trace.clone()));
        Ok(())
    }

    fn compile_bridge(&self, guard: u32, trace: &Trace) -> Result<(), CompileError> {
        self.check(trace)?;
        self.bridges
            .borrow_mut()
            .insert(guard, Rc::new(trace.clone()));
        Ok(())
    }

    fn execute_into(&self, id: u32, inputs: &[u64], out: &mut Vec<u64>) -> Stop {
        let mut trace = self.loop_trace(id);
        // Values live in Rust heap memory here, out of the stack scan's
        // sight: the collector scans this vector conservatively instead.
        let mut regs = gc::RootedWords::new(vec![0u64; trace.types.len()]);
        for (v, &x) in trace.inputs.iter().zip(inputs) {
            regs[v.index()] = x;
        }
        let mut pc = 0;
        let mut overflowed = false;
        loop {
            let op = &trace.ops[pc];
            pc += 1;
            let val = |a: Arg, regs: &[u64]| match a {
                Arg::Var(v) => regs[v.index()],
                c => c.const_word().unwrap(),
            };
            let arg = |i: usize| val(op.args[i], &regs);
            let mut result = 0u64;
            let mut fails = false;
            match op.opcode {
                Opcode::Label | Opcode::DebugMergePoint => continue,
                Opcode::Jump => {
                    let values: Vec<u64> = op.args.iter().map(|&a| val(a, &regs)).collect();
                    if let Descr::Loop(target) = op.descr {
                        trace = self.loop_trace(target);
                        *regs = vec![0u64; trace.types.len()];
                        for (v, &x) in trace.inputs.iter().zip(&values) {
                            regs[v.index()] = x;
                        }
                        pc = 0;
                    } else if let Descr::Label(target) = op.descr {
                        trace = self.loop_trace(target);
                        let (head, entry) = self.labels.borrow()[&target].clone();
                        *regs = vec![0u64; trace.types.len()];
                        for (v, &x) in entry.iter().zip(&values) {
                            regs[v.index()] = x;
                        }
                        pc = head + 1;
                    } else {
                        let label = trace.ops.iter().rposition(|o| o.opcode == Opcode::Label);
                        let targets: Vec<Arg> = match label {
                            Some(l) => trace.ops[l].args.clone(),
                            None => trace.inputs.iter().map(|&v| Arg::Var(v)).collect(),
                        };
                        for (t, x) in targets.iter().zip(values) {
                            regs[t.as_var().expect("label arguments are variables").index()] = x;
                        }
                        pc = label.map_or(0, |l| l + 1);
                    }
                    continue;
                }
                Opcode::Finish => {
                    out.clear();
                    out.extend(op.args.iter().map(|&a| val(a, &regs)));
                    return Stop::Finish;
                }
                Opcode::GuardTrue => fails = arg(0) == 0,
                Opcode::GuardFalse => fails = arg(0) != 0,
                Opcode::GuardValue => fails = arg(0) != arg(1),
                Opcode::GuardNonnull => fails = arg(0) == 0,
                Opcode::GuardIsnull => fails = arg(0) != 0,
                // SAFETY: a class guard's operand is a live object (never null
                // for `guard_class`), kept alive by `regs`.
                Opcode::GuardClass => {
                    fails = unsafe { heap::type_id(arg(0) as usize) } as u64 != arg(1)
                }
                Opcode::GuardNonnullClass => {
                    // SAFETY: as above; null is checked first.
                    fails =
                        arg(0) == 0 || unsafe { heap::type_id(arg(0) as usize) } as u64 != arg(1)
                }
                Opcode::GuardNoOverflow => fails = overflowed,
                Opcode::GuardOverflow => fails = !overflowed,
                Opcode::GuardNotInterrupted => fails = crate::interrupt::pending(),
                Opcode::GuardNoException => fails = crate::portal::is_pending(),
                Opcode::GuardException => fails = !crate::portal::is_pending(),
                Opcode::GuardNotInvalidated => {
                    fails = trace.invalidation != 0
                        // SAFETY: a nonzero `invalidation` is the address of
                        // the trace's flag, which the driver keeps alive as
                        // long as the trace can run (`quasi.rs`).
                        && unsafe { *(trace.invalidation as *const u8) } != 0
                }
                Opcode::IntAddOvf | Opcode::IntSubOvf | Opcode::IntMulOvf => {
                    (result, overflowed) = eval::overflowing(op.opcode, arg(0), arg(1));
                }
                Opcode::GetfieldI | Opcode::GetfieldR | Opcode::GetfieldF => {
                    let Descr::Field(d) = op.descr else {
                        unreachable!()
                    };
                    // SAFETY: recorded on an object of the descriptor's type (in
                    // bounds); the guards before it hold; `regs` keeps it alive.
                    result = unsafe { heap::load(arg(0) as usize, d.offset as i64, 8) };
                }
                Opcode::Setfield => {
                    let Descr::Field(d) = op.descr else {
                        unreachable!()
                    };
                    // SAFETY: recorded on an object of the descriptor's type (in
                    // bounds); the guards before it hold; `regs` keeps it alive.
                    unsafe { heap::store(arg(0) as usize, d.offset as i64, 8, arg(1)) };
                }
                Opcode::GetarrayitemI | Opcode::GetarrayitemR | Opcode::GetarrayitemF => {
                    let Descr::Array(d) = op.descr else {
                        unreachable!()
                    };
                    // SAFETY: recorded on an object of the descriptor's type (in
                    // bounds); the guards before it hold; `regs` keeps it alive.
                    let at = heap::item_offset(d, arg(1) as i64);
                    result = unsafe { heap::load(arg(0) as usize, at, d.item_size) };
                }
                Opcode::Setarrayitem => {
                    let Descr::Array(d) = op.descr else {
                        unreachable!()
                    };
                    // SAFETY: recorded on an object of the descriptor's type (in
                    // bounds); the guards before it hold; `regs` keeps it alive.
                    let at = heap::item_offset(d, arg(1) as i64);
                    unsafe { heap::store(arg(0) as usize, at, d.item_size, arg(2)) };
                }
                Opcode::Arraylen => {
                    let Descr::Array(d) = op.descr else {
                        unreachable!()
                    };
                    // SAFETY: recorded on an object of the descriptor's type (in
                    // bounds); the guards before it hold; `regs` keeps it alive.
                    result = unsafe { heap::load(arg(0) as usize, d.len_offset as i64, 8) };
                }
                Opcode::New => {
                    let Descr::Size(d) = op.descr else {
                        unreachable!()
                    };
                    result = heap::alloc_object(d) as u64;
                }
                Opcode::NewArray => {
                    let Descr::Array(d) = op.descr else {
                        unreachable!()
                    };
                    result = heap::alloc_array(d, arg(0) as i64) as u64;
                }
                opcode if opcode.class() == OpClass::Call => {
                    let Descr::Call(d) = op.descr else {
                        unreachable!()
                    };
                    let args: Vec<u64> = op.args.iter().map(|&a| val(a, &regs)).collect();
                    // SAFETY: the trace passes the values the recorder saw
                    // the interpreter pass (references to live objects:
                    // `regs` is rooted), as `Plain::call` does.
                    result = unsafe { abi::invoke(d, &args) };
                }
                opcode => {
                    let args: Vec<u64> = op.args.iter().map(|&a| val(a, &regs)).collect();
                    result = eval::pure(opcode, &args);
                }
            }
            if fails {
                let guard = op.guard.as_ref().expect("guard without guard info");
                let values: Vec<u64> = guard.fail_args.iter().map(|&a| val(a, &regs)).collect();
                let bridge = self.bridges.borrow().get(&guard.id).cloned();
                match bridge {
                    Some(b) => {
                        trace = b;
                        *regs = vec![0u64; trace.types.len()];
                        for (v, &x) in trace.inputs.iter().zip(&values) {
                            regs[v.index()] = x;
                        }
                        pc = 0;
                        continue;
                    }
                    None => {
                        out.clear();
                        out.extend(values);
                        return Stop::Guard(guard.id);
                    }
                }
            }
            if let Some(r) = op.res {
                regs[r.index()] = result;
            }
        }
    }

    fn free(&self, id: u32, guards: &[u32]) {
        self.loops.borrow_mut().remove(&id);
        self.labels.borrow_mut().remove(&id);
        let mut bridges = self.bridges.borrow_mut();
        for g in guards {
            bridges.remove(g);
        }
    }

    fn code_bytes(&self) -> usize {
        0
    }

    fn listing(&self, id: u32) -> String {
        format!("(loop {id} is interpreted; its IR is in jit-log-opt)\n")
    }

    fn bridge_listing(&self, guard: u32) -> String {
        format!("(the bridge out of guard {guard} is interpreted; its IR is in jit-log-opt)\n")
    }
}
