//! The Mersenne Twister and `random`'s algorithms against
//! `tests/data/random.tsv`, seed by seed.

use crate::support::*;
use lang_python::runtime::int_text::hex;
use lang_python::runtime::mersenne::{self, Mersenne};
use lang_python::runtime::{Int, PyResult};

fn shown(r: PyResult<Int>) -> String {
    match r {
        Ok(v) => hex(&v),
        Err(e) => show_err(&e),
    }
}

fn floats(g: &mut Mersenne, count: usize, mut draw: impl FnMut(&mut Mersenne) -> f64) -> String {
    (0..count)
        .map(|_| {
            let x = draw(g);
            // Compare exact values, written as Python's repr does.
            lang_python::runtime::float_repr::repr(x)
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn run(seed: &Int, op: &str, args: &str, expected: &str) -> String {
    let mut g = Mersenne::new(seed);
    let ints: Vec<Int> = args
        .split(',')
        .filter(|a| a.starts_with("0x") || a.starts_with("-0x"))
        .map(int_from_hex)
        .collect();
    let count = expected.split('|').count();
    let repeat = |g: &mut Mersenne, f: &mut dyn FnMut(&mut Mersenne) -> String| {
        (0..count).map(|_| f(g)).collect::<Vec<_>>().join("|")
    };
    match op {
        "random" => floats(&mut g, count, Mersenne::random),
        "uniform" => floats(&mut g, count, |g| g.uniform(-3.5, 10.25)),
        "gauss" => floats(&mut g, count, |g| g.gauss(1.5, 2.0)),
        "normalvariate" => floats(&mut g, count, |g| g.normalvariate(-1.0, 0.5)),
        "u32" => repeat(&mut g, &mut |g| format!("{:#x}", g.next_u32())),
        "getrandbits" => {
            let k: i64 = args.parse().expect("k");
            repeat(&mut g, &mut |g| shown(g.getrandbits(k)))
        }
        "randrange" => repeat(&mut g, &mut |g| {
            let one = Int::Small(1);
            shown(match ints.len() {
                1 => mersenne::randrange(g, &ints[0], None, &one),
                2 => mersenne::randrange(g, &ints[0], Some(&ints[1]), &one),
                _ => mersenne::randrange(g, &ints[0], Some(&ints[1]), &ints[2]),
            })
        }),
        "randint" => repeat(&mut g, &mut |g| {
            shown(mersenne::randint(g, &ints[0], &ints[1]))
        }),
        "choice" => {
            let n: usize = args.parse().expect("n");
            repeat(&mut g, &mut |g| match mersenne::choice_index(g, n) {
                Ok(i) => i.to_string(),
                Err(e) => show_err(&e),
            })
        }
        "shuffle" => {
            let n: usize = args.parse().expect("n");
            let mut items: Vec<usize> = (0..n).collect();
            mersenne::shuffle(&mut g, &mut items);
            items
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        }
        "sample" => {
            let (n, k) = args.split_once(',').expect("n,k");
            match mersenne::sample_indices(&mut g, n.parse().expect("n"), k.parse().expect("k")) {
                Ok(picked) => picked
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
                Err(e) => show_err(&e),
            }
        }
        other => panic!("unknown operation {other}"),
    }
}

#[test]
fn random_sequences_match_cpython() {
    let data = rows(include_str!("../data/random.tsv"));
    check_all(
        "random",
        data.iter().map(|r| {
            let seed = int_from_hex(&r[0]);
            let got = run(&seed, &r[1], &r[2], &r[3]);
            (
                format!("seed {} {}({})", r[0], r[1], r[2]),
                r[3].clone(),
                got,
            )
        }),
    );
}

#[test]
fn reseeding_restarts_the_sequence() {
    let mut g = Mersenne::new(&Int::Small(99));
    let first: Vec<f64> = (0..5).map(|_| g.gauss(0.0, 1.0)).collect();
    g.seed(&Int::Small(99));
    let again: Vec<f64> = (0..5).map(|_| g.gauss(0.0, 1.0)).collect();
    assert_eq!(first, again);
}
