//! Hand-written tests of the x86-64 backend, each checked against the IR
//! interpreter: loops, overflow, floats, calls, bridges, finish.

mod common;
use common::*;
use metajit::backend::Exit;
use metajit::ir::{Opcode::*, Type};

#[test]
fn sum_loop_exits_by_guard() {
    let mut b = B::new();
    let (n0, n1, s) = (b.input(Type::Int), b.input(Type::Int), b.input(Type::Int));
    b.void(Label, &[v(n0), v(n1), v(s)]);
    let c = b.op(IntLe, &[v(n0), v(n1)]);
    b.guard(GuardTrue, &[v(c)], &[v(n0), v(s)], 7);
    let s2 = b.op(IntAdd, &[v(s), v(n0)]);
    let n2 = b.op(IntAdd, &[v(n0), i(1)]);
    b.void(Jump, &[v(n2), v(n1), v(s2)]);
    let e = check(&b.t, &[1, 100, 0]);
    assert_eq!(
        e,
        Exit::Guard {
            id: 7,
            values: vec![101, 5050]
        }
    );
}

#[test]
fn finish() {
    let mut b = B::new();
    let x = b.input(Type::Int);
    let y = b.op(IntMul, &[v(x), i(3)]);
    b.void(Finish, &[v(y), i(-1), v(x)]);
    let e = check(&b.t, &[14]);
    assert_eq!(
        e,
        Exit::Finish {
            values: vec![42, u64::MAX, 14]
        }
    );
}
