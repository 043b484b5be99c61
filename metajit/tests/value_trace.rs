//! What a traced add of two tagged integers costs: no untagging, one
//! `int_sub`, one `int_add_ovf` with its guard (docs/architecture.md,
//! "Values": arithmetic on the tagged form). Alone in its file because it sets
//! METAJIT_LOG for the process.

use metajit::value;
use metajit::{reds, Exit, Interpreter, Jit, Mode, Params, Val};

reds! { struct Reds { i: Ref, acc: Ref } }

struct Sum;

/// The sum left the small integers (or the run was interrupted).
#[derive(Debug)]
struct Overflow;

impl From<metajit::Interrupted> for Overflow {
    fn from(_: metajit::Interrupted) -> Overflow {
        Overflow
    }
}

impl Interpreter for Sum {
    type G = u8;
    type Reds<M: Mode<G = u8>> = Reds<M>;
    type Error = Overflow;

    fn dispatch<M: Mode<G = u8>>(
        &self,
        m: &mut M,
        g: u8,
        r: &mut Reds<M>,
    ) -> Result<Exit<u8, M>, Overflow> {
        loop {
            if let Some(exit) = m.jit_merge_point(g, r) {
                return Ok(exit);
            }
            r.acc = value::add_ints(m, r.acc, r.i).ok_or(Overflow)?;
            let one = m.int(1);
            let one = value::new_int(m, one).ok_or(Overflow)?;
            r.i = value::sub_ints(m, r.i, one).ok_or(Overflow)?;
            let i = value::int_value(m, r.i);
            if !m.is_true(i) {
                return Ok(Exit::Return(Val::Ref(r.acc)));
            }
            if let Some(exit) = m.can_enter_jit(g, r) {
                return Ok(exit);
            }
        }
    }
}

#[test]
fn a_traced_tagged_add_needs_no_untagging() {
    let path = std::env::temp_dir().join(format!("metajit-value-{}.log", std::process::id()));
    std::env::set_var("METAJIT_LOG", format!("jit-log-opt:{}", path.display()));
    let (params, _) = Params::parse("threshold=3,enable_opts=fold:heap:guards:dce").unwrap();
    {
        let jit: Jit<u8> = Jit::new(params);
        let reds = Reds {
            i: value::tag(50) as usize,
            acc: value::tag(0) as usize,
        };
        let Ok(metajit::Completion::Return(Val::Ref(w))) = jit.run(&Sum, 0, reds) else {
            panic!()
        };
        assert_eq!(value::untag(w as u64), 1275);
    }
    std::env::remove_var("METAJIT_LOG");
    let log = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).ok();
    let ops: Vec<&str> = log
        .lines()
        .filter(|l| {
            l.contains('(') && !l.starts_with(['[', '#']) && !l.contains("debug_merge_point")
        })
        .map(|l| l.split_once(" = ").map_or(l, |(_, rhs)| rhs))
        .map(|l| l.split('(').next().unwrap())
        .collect();
    // acc + i on tagged words: int_sub(acc, 1), int_add_ovf(_, i); then
    // i - 1: int_sub_ovf(i, 3), int_or(_, 1); then the test of i: a shift.
    assert_eq!(
        ops,
        [
            "cast_ptr_to_int",
            "cast_ptr_to_int",
            "int_sub",
            "int_add_ovf",
            "guard_no_overflow",
            "cast_int_to_ptr",
            "int_sub_ovf",
            "guard_no_overflow",
            "int_or",
            "cast_int_to_ptr",
            "int_rshift",
            "guard_true",
            "guard_not_interrupted",
            "jump"
        ],
        "{log}"
    );
}
