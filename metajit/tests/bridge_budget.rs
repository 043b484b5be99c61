//! How many bridges a tree grows, on both backends.
//!
//! `Branches` runs a loop whose body tests ten bits of a data-dependent
//! word: every combination of outcomes is a path of its own, so with bridges
//! for every guard that fails, the bridges' guards fail in turn and the tree
//! grows a bridge per path taken. `max_bridges` bounds that: the tree stops
//! at the budget, its other failures resume in the interpreter, and the
//! result stays the plain loop's.
//!
//! `Promoted` promotes a value in its loop body. When the value is new on
//! every iteration, counting the guard's failures per value (as RPython
//! does) gives no bridge at all; counted per guard, each bridge would be
//! specialized to a value never seen again, and its own `guard_value` would
//! fail the same way, a chain as long as the budget. A few values that recur
//! get bridges. `Loaded` promotes a value no fail argument holds, so its
//! failures are counted per guard: its chain is cut after a few links.

use metajit::ir::{ArrayDescr, Opcode, Type};
use metajit::{reds, Completion, Exit, Interpreter, Interrupted, Jit, Mode, Params, Stats, Val};

static DATA: ArrayDescr = ArrayDescr {
    name: "data",
    type_id: 3,
    len_offset: 8,
    items_offset: 16,
    item_size: 8,
    item: Type::Int,
};

/// Bits of each word `Branches` tests.
const BITS: i64 = 10;

reds! { struct Reds { i: Int, key: Int, acc: Int, data: Ref } }

/// The two loops, over the same reds.
#[derive(Copy, Clone)]
enum Toy {
    Branches,
    Promoted,
    Loaded,
}

impl Interpreter for Toy {
    type G = u32;
    type Reds<M: Mode<G = u32>> = Reds<M>;
    type Error = Interrupted;

    fn dispatch<M: Mode<G = u32>>(
        &self,
        m: &mut M,
        g: u32,
        r: &mut Reds<M>,
    ) -> Result<Exit<u32, M>, Interrupted> {
        match self {
            Toy::Branches => branches(m, g, r),
            Toy::Promoted => promoted(m, g, r),
            Toy::Loaded => loaded(m, g, r),
        }
    }
}

/// `while i != 0 { x = data[i]; for b in 0..BITS { if x >> b & 1 != 0
/// { acc += b + 1 } else { acc ^= b } }; i -= 1 }`, one instruction per
/// iteration (greens: always 0).
fn branches<M: Mode<G = u32>>(
    m: &mut M,
    g: u32,
    r: &mut Reds<M>,
) -> Result<Exit<u32, M>, Interrupted> {
    loop {
        if let Some(exit) = m.jit_merge_point(g, r) {
            return Ok(exit);
        }
        if !m.is_true(r.i) {
            return Ok(Exit::Return(Val::Int(r.acc)));
        }
        let x = m.getarrayitem_int(r.data, &DATA, r.i);
        for b in 0..BITS {
            let shift = m.int(b);
            let one = m.int(1);
            let shifted = m.int_binary(Opcode::IntRshift, x, shift);
            let bit = m.int_binary(Opcode::IntAnd, shifted, one);
            r.acc = if m.is_true(bit) {
                let step = m.int(b + 1);
                m.int_add(r.acc, step)
            } else {
                let mask = m.int(b);
                m.int_binary(Opcode::IntXor, r.acc, mask)
            };
        }
        let one = m.int(1);
        r.i = m.int_binary(Opcode::IntSub, r.i, one);
        if let Some(exit) = m.can_enter_jit(g, r) {
            return Ok(exit);
        }
    }
}

/// `while i != 0 { key = data[i]; k = promote(key); acc = acc * 3 + k;
/// i -= 1 }` in two instructions (greens 0 and 1), so that the promoted
/// value is a red at the guard's resume point, as an interpreter's operand
/// stack holds it.
fn promoted<M: Mode<G = u32>>(
    m: &mut M,
    mut pc: u32,
    r: &mut Reds<M>,
) -> Result<Exit<u32, M>, Interrupted> {
    loop {
        if let Some(exit) = m.jit_merge_point(pc, r) {
            return Ok(exit);
        }
        if pc == 0 {
            if !m.is_true(r.i) {
                return Ok(Exit::Return(Val::Int(r.acc)));
            }
            r.key = m.getarrayitem_int(r.data, &DATA, r.i);
            pc = 1;
            continue;
        }
        let k = m.promote_int(r.key);
        let three = m.int(3);
        let k = m.int(k);
        let tripled = m.int_binary(Opcode::IntMul, r.acc, three);
        r.acc = m.int_add(tripled, k);
        let one = m.int(1);
        r.i = m.int_binary(Opcode::IntSub, r.i, one);
        pc = 0;
        if let Some(exit) = m.can_enter_jit(pc, r) {
            return Ok(exit);
        }
    }
}

/// `Promoted` in one instruction: the promoted value is loaded in the
/// same instruction, so no fail argument holds it and its failures cannot
/// be counted per value.
fn loaded<M: Mode<G = u32>>(
    m: &mut M,
    g: u32,
    r: &mut Reds<M>,
) -> Result<Exit<u32, M>, Interrupted> {
    loop {
        if let Some(exit) = m.jit_merge_point(g, r) {
            return Ok(exit);
        }
        if !m.is_true(r.i) {
            return Ok(Exit::Return(Val::Int(r.acc)));
        }
        let key = m.getarrayitem_int(r.data, &DATA, r.i);
        let k = m.promote_int(key);
        let three = m.int(3);
        let k = m.int(k);
        let tripled = m.int_binary(Opcode::IntMul, r.acc, three);
        r.acc = m.int_add(tripled, k);
        let one = m.int(1);
        r.i = m.int_binary(Opcode::IntSub, r.i, one);
        if let Some(exit) = m.can_enter_jit(g, r) {
            return Ok(exit);
        }
    }
}

/// Run `toy` over `words` (item 0 unused: the loop counts down from the
/// last index) with the JIT parameters `spec`: the result and the stats.
fn run(toy: Toy, words: &[i64], spec: &str) -> (i64, Stats) {
    let jit: Jit<u32> = Jit::new(Params::parse(spec).unwrap().0);
    let mut plain = jit.plain();
    let len = plain.int(words.len() as i64);
    let data = plain.new_array(&DATA, len);
    for (i, &w) in words.iter().enumerate() {
        let i = plain.int(i as i64);
        plain.setarrayitem(data, &DATA, i, Val::Int(w));
    }
    let reds = Reds {
        i: words.len() as i64 - 1,
        key: 0,
        acc: 0,
        data,
    };
    let done = jit.run(&toy, 0, reds).unwrap();
    match done {
        Completion::Return(Val::Int(v)) => (v, jit.stats()),
        _ => panic!("the loop returns an int"),
    }
}

fn backends() -> Vec<&'static str> {
    if cfg!(target_arch = "x86_64") {
        vec!["interp", "x64"]
    } else {
        vec!["interp"]
    }
}

/// Pseudo-random words (a 64-bit LCG's high bits).
fn random_words(n: usize) -> Vec<i64> {
    let mut s: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            s = s
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (s >> 40) as i64
        })
        .collect()
}

/// `Branches` computed in plain Rust.
fn branches_reference(words: &[i64]) -> i64 {
    let mut acc = 0i64;
    for &x in words[1..].iter().rev() {
        for b in 0..BITS {
            acc = if (x >> b) & 1 != 0 {
                acc.wrapping_add(b + 1)
            } else {
                acc ^ b
            };
        }
    }
    acc
}

/// `Promoted` computed in plain Rust.
fn promoted_reference(words: &[i64]) -> i64 {
    words[1..]
        .iter()
        .rev()
        .fold(0i64, |acc, &k| acc.wrapping_mul(3).wrapping_add(k))
}

#[test]
fn data_dependent_branches_grow_at_most_max_bridges() {
    let words = random_words(20_000);
    let expected = branches_reference(&words);
    let (off, _) = run(Toy::Branches, &words, "off");
    assert_eq!(off, expected);
    for backend in backends() {
        let eager = format!("threshold=3,trace_eagerness=2,backend={backend}");
        // Unbounded, the paths through the ten tests grow far more bridges
        // than the budget below lets them.
        let (result, free) = run(
            Toy::Branches,
            &words,
            &format!("{eager},max_bridges=100000"),
        );
        assert_eq!(result, expected, "{backend}");
        assert!(free.bridges > 100, "{backend}: {} bridges", free.bridges);
        assert_eq!(free.bridge_budgets_spent, 0, "{backend}");
        // Bounded: exactly the budget, then the interpreter.
        let (result, bounded) = run(Toy::Branches, &words, &format!("{eager},max_bridges=12"));
        assert_eq!(result, expected, "{backend}");
        assert_eq!(bounded.loops, 1, "{backend}");
        assert_eq!(bounded.bridges, 12, "{backend}");
        assert_eq!(bounded.bridge_budgets_spent, 1, "{backend}");
        // "Bridges everywhere" (the conformance runner's setting) stays
        // within the default budget.
        let (result, everywhere) = run(
            Toy::Branches,
            &words,
            &format!("threshold=1,function_threshold=1,trace_eagerness=1,backend={backend}"),
        );
        assert_eq!(result, expected, "{backend}");
        let budget = Params::default().max_bridges;
        assert!(
            everywhere.bridges <= budget,
            "{backend}: {} bridges",
            everywhere.bridges
        );
        assert_eq!(everywhere.bridge_budgets_spent, 1, "{backend}");
    }
}

#[test]
fn a_promoted_value_new_every_time_gets_no_bridge() {
    // Every key differs from every other.
    let words: Vec<i64> = (0..5_000).map(|i| i * 7 + 1).collect();
    let expected = promoted_reference(&words);
    for backend in backends() {
        let spec = format!("threshold=3,trace_eagerness=2,max_bridges=100000,backend={backend}");
        let (result, stats) = run(Toy::Promoted, &words, &spec);
        assert_eq!(result, expected, "{backend}");
        assert_eq!(stats.loops, 1, "{backend}");
        assert_eq!(stats.bridges, 0, "{backend}");
        // The guard fails on almost every iteration: the loop runs, and
        // the failures go to the interpreter.
        assert!(
            stats.guard_failures > 4_000,
            "{backend}: {}",
            stats.guard_failures
        );
    }
}

#[test]
fn a_chain_of_guard_value_bridges_at_one_place_stops() {
    // Every key differs, and is not a fail argument: each bridge is
    // specialized to a key never seen again, and its own `guard_value`
    // fails next. The chain stops after eight links (`MAX_VALUE_CHAIN`)
    // out of each of the loop's two `guard_value`s (its peeled iteration's
    // and its body's).
    let words: Vec<i64> = (0..5_000).map(|i| i * 7 + 1).collect();
    let expected = promoted_reference(&words);
    for backend in backends() {
        let spec = format!("threshold=3,trace_eagerness=2,max_bridges=100000,backend={backend}");
        let (result, stats) = run(Toy::Loaded, &words, &spec);
        assert_eq!(result, expected, "{backend}");
        assert_eq!(stats.loops, 1, "{backend}");
        assert!(
            (1..=18).contains(&stats.bridges),
            "{backend}: {}",
            stats.bridges
        );
    }
}

#[test]
fn a_few_recurring_promoted_values_get_bridges() {
    // Three keys in turn: the loop is specialized to one of them, the two
    // others get bridges once each has failed `trace_eagerness` times, and
    // from then on guards fail only where a bridge's path ends in a guard
    // no bridge has yet (a few times each).
    let words: Vec<i64> = (0..5_000).map(|i| [11, 22, 33][i % 3]).collect();
    let expected = promoted_reference(&words);
    for backend in backends() {
        let spec = format!("threshold=3,trace_eagerness=2,backend={backend}");
        let (result, stats) = run(Toy::Promoted, &words, &spec);
        assert_eq!(result, expected, "{backend}");
        assert_eq!(stats.loops, 1, "{backend}");
        assert!(
            (2..=10).contains(&stats.bridges),
            "{backend}: {}",
            stats.bridges
        );
        assert!(
            stats.guard_failures < 60,
            "{backend}: {}",
            stats.guard_failures
        );
    }
}
