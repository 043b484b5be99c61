//! Dead code elimination: one backward walk.
//!
//! An operation without side effects (pure operations, loads, `new`,
//! `new_array`, `arraylen`, elidable `call_pure_*`) whose result nothing
//! uses is dropped. Uses are operands of kept operations, guards' fail
//! arguments (the resume data needs them) and the operands of `jump`,
//! `finish` and `label`. Walking backward makes chains of dead operations
//! disappear in one pass. Overflow-checked operations stay: their guard
//! reads the flag they set. Everything else with an effect (stores, calls,
//! guards, control) always stays.

use super::{empty_like, is_removable};
use crate::ir::{Arg, Trace};

pub fn run(trace: &Trace) -> Trace {
    let mut used = vec![false; trace.types.len()];
    let mut keep = vec![false; trace.ops.len()];
    let mark = |a: &Arg, used: &mut Vec<bool>| {
        if let Arg::Var(v) = a {
            used[v.index()] = true;
        }
    };
    for (i, op) in trace.ops.iter().enumerate().rev() {
        let live = match op.res {
            Some(r) if is_removable(op) => used[r.index()],
            _ => true,
        };
        if !live {
            continue;
        }
        keep[i] = true;
        for a in &op.args {
            mark(a, &mut used);
        }
        if let Some(g) = &op.guard {
            for a in &g.fail_args {
                mark(a, &mut used);
            }
        }
    }
    let mut out = empty_like(trace);
    out.ops = trace
        .ops
        .iter()
        .zip(&keep)
        .filter(|(_, &k)| k)
        .map(|(op, _)| op.clone())
        .collect();
    out
}
