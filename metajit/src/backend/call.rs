//! Calling a residual helper from its descriptor, without machine code.
//!
//! The IR interpreter, the plain mode and the recorder call helpers through
//! this one function: it casts the descriptor's address to the matching
//! `extern "C"` signature and calls it. Signatures are limited to what a
//! match can enumerate: up to six integer-class arguments (ints and refs),
//! or up to two floats; anything else is refused when the descriptor is used,
//! so a language learns it at its first call, not by a crash.

use crate::ir::{CallDescr, Type};

/// Can `invoke` call a function with this signature?
pub fn supported(d: &CallDescr) -> bool {
    let ints = d.args.iter().all(|&t| matches!(t, Type::Int | Type::Ref));
    let floats = d.args.iter().all(|&t| t == Type::Float);
    (ints && d.args.len() <= 6) || (floats && d.args.len() <= 2)
}

/// Call the helper `d` with `args` (machine words, one per parameter).
pub fn invoke(d: &CallDescr, args: &[u64]) -> u64 {
    assert!(supported(d), "unsupported helper signature for {}", d.name);
    assert_eq!(
        args.len(),
        d.args.len(),
        "wrong argument count for {}",
        d.name
    );
    let a = |i: usize| args[i];
    let fa = |i: usize| f64::from_bits(args[i]);
    let all_float = !d.args.is_empty() && d.args[0] == Type::Float;
    // SAFETY: a `CallDescr` is a promise, made where the descriptor is
    // declared (a `static CallDescr` beside the helper), that `func` is an `extern "C"` function with
    // exactly the parameter and result types listed; we cast to that type.
    // Integer-class results are read as u64 (unused bits of void are
    // ignored), float results as f64.
    unsafe {
        use std::mem::transmute as t;
        let p = d.func as *const ();
        if d.ret == Type::Float {
            return match (all_float, args.len()) {
                (_, 0) => t::<*const (), extern "C" fn() -> f64>(p)(),
                (true, 1) => t::<*const (), extern "C" fn(f64) -> f64>(p)(fa(0)),
                (true, 2) => t::<*const (), extern "C" fn(f64, f64) -> f64>(p)(fa(0), fa(1)),
                (false, 1) => t::<*const (), extern "C" fn(u64) -> f64>(p)(a(0)),
                (false, 2) => t::<*const (), extern "C" fn(u64, u64) -> f64>(p)(a(0), a(1)),
                _ => panic!("unsupported helper signature for {}", d.name),
            }
            .to_bits();
        }
        match (all_float, args.len()) {
            (_, 0) => t::<*const (), extern "C" fn() -> u64>(p)(),
            (true, 1) => t::<*const (), extern "C" fn(f64) -> u64>(p)(fa(0)),
            (true, 2) => t::<*const (), extern "C" fn(f64, f64) -> u64>(p)(fa(0), fa(1)),
            (false, 1) => t::<*const (), extern "C" fn(u64) -> u64>(p)(a(0)),
            (false, 2) => t::<*const (), extern "C" fn(u64, u64) -> u64>(p)(a(0), a(1)),
            (false, 3) => t::<*const (), extern "C" fn(u64, u64, u64) -> u64>(p)(a(0), a(1), a(2)),
            (false, 4) => {
                t::<*const (), extern "C" fn(u64, u64, u64, u64) -> u64>(p)(a(0), a(1), a(2), a(3))
            }
            (false, 5) => t::<*const (), extern "C" fn(u64, u64, u64, u64, u64) -> u64>(p)(
                a(0),
                a(1),
                a(2),
                a(3),
                a(4),
            ),
            (false, 6) => t::<*const (), extern "C" fn(u64, u64, u64, u64, u64, u64) -> u64>(p)(
                a(0),
                a(1),
                a(2),
                a(3),
                a(4),
                a(5),
            ),
            _ => panic!("unsupported helper signature for {}", d.name),
        }
    }
}
