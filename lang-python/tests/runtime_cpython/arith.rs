//! Int and float arithmetic against `tests/data/arith.tsv`.

use crate::support::*;
use lang_python::runtime::arith::{self, BitOp, PowResult};
use lang_python::runtime::{Int, PyResult};
use std::cmp::Ordering;

fn show_int(v: &Int) -> String {
    format!("i:{}", lang_python::runtime::int_text::hex(v))
}

fn show_float(x: f64) -> String {
    if x.is_nan() {
        "f:nan".into()
    } else {
        format!("f:{}", bits_of(x))
    }
}

fn show_pow(p: PowResult) -> String {
    match p {
        PowResult::Int(v) => show_int(&v),
        PowResult::Float(x) => show_float(x),
        PowResult::Complex => "c".into(),
    }
}

fn shown<T>(r: PyResult<T>, f: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(e) => show_err(&e),
    }
}

fn small(v: &Int) -> i64 {
    match v {
        Int::Small(n) => *n,
        Int::Big(_) => panic!("operand too large for this operation"),
    }
}

/// Our outcome for one row: the operation applied to its operands.
fn run(op: &str, args: &[String]) -> String {
    let int = |i: usize| int_from_hex(&args[i]);
    let float = |i: usize| float_from_bits(&args[i]);
    match op {
        "add" => show_int(&arith::add(&int(0), &int(1))),
        "sub" => show_int(&arith::sub(&int(0), &int(1))),
        "mul" => show_int(&arith::mul(&int(0), &int(1))),
        "neg" => show_int(&arith::neg(&int(0))),
        "floordiv" => shown(arith::floordiv(&int(0), &int(1)), |v| show_int(&v)),
        "mod" => shown(arith::modulo(&int(0), &int(1)), |v| show_int(&v)),
        "divmod" => shown(arith::divmod(&int(0), &int(1)), |(q, r)| {
            format!("{},{}", show_int(&q), show_int(&r))
        }),
        "truediv" => shown(arith::truediv(&int(0), &int(1)), show_float),
        "and" => show_int(&arith::bitop(BitOp::And, &int(0), &int(1))),
        "or" => show_int(&arith::bitop(BitOp::Or, &int(0), &int(1))),
        "xor" => show_int(&arith::bitop(BitOp::Xor, &int(0), &int(1))),
        "float" => shown(arith::to_f64(&int(0)), show_float),
        "invert" => show_int(&arith::invert(&int(0))),
        "bit_length" => show_int(&Int::Small(arith::bit_length(&int(0)) as i64)),
        "shl" => shown(arith::shl(&int(0), &int(1)), |v| show_int(&v)),
        "shr" => shown(arith::shr(&int(0), &int(1)), |v| show_int(&v)),
        "round_int" => show_int(&arith::round_int(&int(0), &int(1))),
        "pow" => shown(arith::pow(&int(0), &int(1)), show_pow),
        "powmod" => shown(arith::pow_mod(&int(0), &int(1), &int(2)), |v| show_int(&v)),
        "ffloordiv" => shown(arith::float_floordiv(float(0), float(1)), show_float),
        "fmod" => shown(arith::float_mod(float(0), float(1)), show_float),
        "fdivmod" => shown(arith::float_divmod(float(0), float(1)), |(q, r)| {
            format!("{},{}", show_float(q), show_float(r))
        }),
        "fpow" => shown(arith::float_pow(float(0), float(1)), show_pow),
        "round0" => shown(arith::round_float_to_int(float(0)), |v| show_int(&v)),
        "floor" => shown(arith::floor(float(0)), |v| show_int(&v)),
        "ceil" => shown(arith::ceil(float(0)), |v| show_int(&v)),
        "trunc" => shown(arith::float_to_int(float(0)), |v| show_int(&v)),
        "ratio" => shown(arith::as_integer_ratio(float(0)), |(n, d)| {
            format!("{},{}", show_int(&n), show_int(&d))
        }),
        "is_integer" => {
            format!(
                "b:{}",
                if arith::is_integer(float(0)) {
                    "True"
                } else {
                    "False"
                }
            )
        }
        "round" => shown(arith::round_float(float(0), small(&int(1))), show_float),
        "cmpint" => format!(
            "o:{}",
            match arith::compare_ints(&int(0), &int(1)) {
                Ordering::Less => "<",
                Ordering::Equal => "=",
                Ordering::Greater => ">",
            }
        ),
        "cmp" => format!(
            "o:{}",
            match arith::compare_int_float(&int(0), float(1)) {
                Some(Ordering::Less) => "<",
                Some(Ordering::Equal) => "=",
                Some(Ordering::Greater) => ">",
                None => "u",
            }
        ),
        other => panic!("unknown operation {other}"),
    }
}

#[test]
fn arithmetic_matches_cpython() {
    let data = rows(include_str!("../data/arith.tsv"));
    check_all(
        "arith",
        data.iter().map(|r| {
            let (expected, args) = r[1..].split_last().expect("row");
            let input: String = format!("{} {}", r[0], args.join(" "))
                .chars()
                .take(120)
                .collect();
            // The complex power is the caller's to compute (and to overflow).
            let expected = match expected.as_str() {
                "!OverflowError: complex exponentiation" => "c".to_string(),
                _ => expected.clone(),
            };
            (input, expected, run(&r[0], args))
        }),
    );
}

#[test]
fn fast_paths_report_overflow() {
    assert_eq!(arith::floordiv_i64(i64::MIN, -1), Ok(None));
    assert_eq!(arith::mod_i64(i64::MIN, -1), Ok(0));
    assert_eq!(arith::pow_i64(3, 40), None);
    assert_eq!(arith::pow_i64(-2, 63), Some(i64::MIN));
}

#[test]
fn huge_results_are_refused_not_attempted() {
    let one = Int::Small(1);
    let huge_count = Int::Small(1 << 40);
    let e = arith::shl(&one, &huge_count).expect_err("too big");
    assert_eq!(e.kind, lang_python::runtime::ErrKind::MemoryError);
    let e = arith::pow(&Int::Small(2), &huge_count).expect_err("too big");
    assert_eq!(e.kind, lang_python::runtime::ErrKind::MemoryError);
}

#[test]
fn big_arithmetic_is_fast() {
    // 2**(2**20) squared and printed in part must take well under a second.
    let start = std::time::Instant::now();
    let big = arith::shl(&Int::Small(1), &Int::Small(1 << 20)).expect("shift");
    let square = arith::mul(&big, &big);
    assert_eq!(arith::bit_length(&square), (1 << 21) + 1);
    let digits_4000 = arith::pow(&Int::Small(10), &Int::Small(3999)).expect("pow");
    let PowResult::Int(v) = digits_4000 else {
        panic!("int expected")
    };
    let text = lang_python::runtime::int_text::int_to_decimal(&v).expect("under the limit");
    assert_eq!(text.len(), 4000);
    assert!(start.elapsed().as_secs_f64() < 2.0, "{:?}", start.elapsed());
}
