//! Every text entry point on random input: each must return a value or a
//! `PyErr`, never panic. A small xorshift generator keeps runs repeatable.

use lang_python::runtime::format_template::{split_field_name, Template};
use lang_python::runtime::{float_repr, float_text, format_spec, int_text, printf, Int};

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Random strings over the characters the parsers care about.
fn random_text(rng: &mut XorShift) -> String {
    const PIECES: &[&str] = &[
        "0",
        "1",
        "9",
        "x",
        "X",
        "o",
        "b",
        "e",
        "E",
        "p",
        "P",
        ".",
        "_",
        "+",
        "-",
        " ",
        "\t",
        "%",
        "#",
        "(",
        ")",
        "*",
        ",",
        "<",
        ">",
        "^",
        "=",
        "z",
        "s",
        "d",
        "f",
        "g",
        "n",
        "c",
        "inf",
        "nan",
        "٣",
        "\u{2003}",
        "é",
        "\0",
        "99999999999999999999",
        "1e400",
        "0x",
        "l",
        "h",
    ];
    let len = rng.next() % 12;
    (0..len).map(|_| rng.pick(PIECES)).collect()
}

#[test]
fn random_text_never_panics() {
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let big = Int::from_big(num_bigint::BigInt::from(7).pow(200));
    for _ in 0..20_000 {
        let text = random_text(&mut rng);
        let base = [0, 2, 8, 10, 16, 36, 1, 37][(rng.next() % 8) as usize];
        let _ = int_text::parse_int(&text, base);
        let _ = float_text::parse_float(&text);
        let _ = float_repr::from_hex(&text);
        let x = f64::from_bits(rng.next());
        let _ = format_spec::format_float(x, &text);
        let _ = format_spec::format_int(&Int::Small(rng.next() as i64), &text);
        let _ = format_spec::format_int(&big, &text);
        let _ = format_spec::format_str(&text, &text);
        for chunk in Template::new(&text) {
            if let Ok(Some(field)) = chunk.map(|c| c.field) {
                if let Ok((_, accessors)) = split_field_name(field.name) {
                    accessors.for_each(drop);
                }
            }
        }
        let fmt = format!("%{text}");
        if let Ok((conv, _)) = printf::parse_conversion(&fmt, 1) {
            let layout = printf::Layout::resolve(&conv, Some(-3), Some(2));
            let _ = printf::format_float(&layout, conv.ty, x);
            let _ = printf::format_int(&layout, conv.ty, &big);
        }
    }
}
