//! Helpers shared by the x64 backend tests: building traces by hand and
//! running them on both the IR interpreter and the x86-64 backend.
#![allow(dead_code)]

use metajit::backend::interp::IrInterp;
use metajit::backend::x64::X64Backend;
use metajit::backend::{Backend, Exit};
use metajit::ir::{Arg, Descr, GuardInfo, Op, Opcode, Trace, Type, Var};

/// A small trace builder.
#[derive(Default)]
pub struct B {
    pub t: Trace,
}

impl B {
    pub fn new() -> B {
        B::default()
    }
    pub fn input(&mut self, ty: Type) -> Var {
        let v = self.t.new_var(ty);
        self.t.inputs.push(v);
        v
    }
    pub fn op(&mut self, opcode: Opcode, args: &[Arg]) -> Var {
        self.t
            .push(Op::new(opcode, args.to_vec()))
            .expect("op has a result")
    }
    pub fn op_d(&mut self, opcode: Opcode, args: &[Arg], descr: Descr) -> Option<Var> {
        let mut op = Op::new(opcode, args.to_vec());
        op.descr = descr;
        self.t.push(op)
    }
    pub fn void(&mut self, opcode: Opcode, args: &[Arg]) {
        self.t.push(Op::new(opcode, args.to_vec()));
    }
    pub fn guard(&mut self, opcode: Opcode, args: &[Arg], fail: &[Arg], id: u32) {
        let mut op = Op::new(opcode, args.to_vec());
        op.guard = Some(Box::new(GuardInfo {
            snapshot: 0,
            fail_args: fail.to_vec(),
            id,
            virtuals: Default::default(),
        }));
        self.t.push(op);
    }
    pub fn jump_loop(&mut self, args: &[Arg], target: u32) {
        let mut op = Op::new(Opcode::Jump, args.to_vec());
        op.descr = Descr::Loop(target);
        self.t.push(op);
    }
}

pub fn v(x: Var) -> Arg {
    Arg::Var(x)
}

pub fn i(x: i64) -> Arg {
    Arg::Int(x)
}

pub fn f(x: f64) -> Arg {
    Arg::float(x)
}

/// Compile `trace` as loop `id` on both backends.
pub fn compile_both(ir: &IrInterp, x: &X64Backend, id: u32, trace: &Trace) {
    ir.compile_loop(id, trace).expect("interp compiles");
    if let Err(e) = x.compile_loop(id, trace) {
        panic!("x64 refuses: {e:?}\n{trace}");
    }
}

/// Run loop `id` on both and check they agree; return the exit.
pub fn run_both(ir: &IrInterp, x: &X64Backend, id: u32, inputs: &[u64]) -> Exit {
    let a = ir.execute(id, inputs);
    let b = x.execute(id, inputs);
    assert_eq!(
        a,
        b,
        "interp vs x64 on loop {id}, inputs {inputs:?}\n{}",
        x.listing(id)
    );
    b
}

/// Compile `trace` as a fresh loop on both backends and run it.
pub fn check(trace: &Trace, inputs: &[u64]) -> Exit {
    let (ir, x) = (IrInterp::new(), X64Backend::new());
    compile_both(&ir, &x, 0, trace);
    run_both(&ir, &x, 0, inputs)
}
