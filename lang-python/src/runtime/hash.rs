//! CPython's hashes where Python code can observe them: the numeric hash
//! (`sys.hash_info`: reduction modulo the Mersenne prime 2**61 - 1, so that
//! equal ints, floats and bools hash alike), the tuple hash (CPython 3.8+'s
//! xxHash-style combination of the item hashes) and the complex hash.
//! Strings and bytes get a fast hash of our own, since CPython's is
//! randomized per process and no program can depend on its values.
//!
//! A hash is never -1 (CPython's error marker): such results become -2.

use super::Int;
use num_bigint::BigUint;
use num_traits::ToPrimitive;

/// `sys.hash_info.modulus`: 2**61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`: the hash of `inf` (negated for `-inf`).
pub const INF: i64 = 314159;
/// The multiplier of the imaginary part in `hash(complex)`.
const IMAG: i64 = 1000003;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an i64.
pub fn hash_i64(n: i64) -> i64 {
    let reduced = (n.unsigned_abs() % MODULUS) as i64;
    fix_minus_one(if n < 0 { -reduced } else { reduced })
}

/// `hash(n)` for any int.
pub fn hash_int(n: &Int) -> i64 {
    match n {
        Int::Small(v) => hash_i64(*v),
        Int::Big(b) => {
            let reduced = (b.magnitude() % BigUint::from(MODULUS))
                .to_i64()
                .unwrap_or(0);
            fix_minus_one(if n.is_negative() { -reduced } else { reduced })
        }
    }
}

/// `hash(x)` for a float; `None` for NaN, whose hash CPython 3.10+ takes
/// from the object's identity (the caller's to supply).
pub fn hash_float(x: f64) -> Option<i64> {
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { INF } else { -INF });
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mantissa, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    // |x| = mantissa × 2^exp and 2^61 ≡ 1, so 2^exp ≡ 2^(exp mod 61).
    let shift = exp.rem_euclid(61) as u32;
    let reduced = ((mantissa as u128) << shift) % MODULUS as u128;
    let h = reduced as i64;
    Some(fix_minus_one(if x < 0.0 { -h } else { h }))
}

/// `hash(complex(re, im))` from the hashes of its parts.
pub fn hash_complex(real_hash: i64, imag_hash: i64) -> i64 {
    fix_minus_one(real_hash.wrapping_add(IMAG.wrapping_mul(imag_hash)))
}

const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;

/// `hash(t)` for a tuple whose items hash to `item_hashes`.
pub fn hash_tuple(item_hashes: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = item_hashes.len() as u64;
    let mut acc = XXPRIME_5;
    for h in item_hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// A hash of a str's or bytes' content: not CPython's (which is randomized)
/// but, as there, 0 for the empty string and never -1. Eight bytes a step,
/// then a full avalanche, so similar keys spread over a dict's slots.
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (data.len() as u64).wrapping_mul(K);
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    fix_minus_one(h as i64)
}

/// [`hash_bytes`] of a str's UTF-8.
pub fn hash_str(s: &str) -> i64 {
    hash_bytes(s.as_bytes())
}
