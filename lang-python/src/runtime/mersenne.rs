//! The Mersenne Twister MT19937 and the algorithms of CPython's `random`
//! module on top of it, reproducing CPython's sequences exactly for integer
//! seeds: the same seeding (`init_by_array` over the seed's 32-bit words),
//! the same 53-bit `random()`, the same `getrandbits` word order and the same
//! rejection sampling in `_randbelow`, so `randrange`, `shuffle`, `sample`
//! and the rest draw the same numbers in the same order.
//!
//! The sequence functions take the generator and lengths or indices, not
//! Python objects: the interpreter indexes its own sequences with them.

use super::{arith, ErrKind, Int, PyErr, PyResult};
use num_bigint::{BigInt, BigUint, Sign};
use std::collections::HashSet;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// A `random.Random` instance's state: the twister and `gauss`'s spare value.
#[derive(Clone)]
pub struct Mersenne {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
}

impl Mersenne {
    /// A generator seeded as `random.Random(seed)` for an int seed.
    pub fn new(seed: &Int) -> Mersenne {
        let mut g = Mersenne {
            state: [0; N],
            index: N + 1,
            gauss_next: None,
        };
        g.seed(seed);
        g
    }

    /// `seed(n)` for an int: the 32-bit words of `|n|`, least significant
    /// first (one zero word for 0), through `init_by_array`.
    pub fn seed(&mut self, seed: &Int) {
        let mut key = match seed {
            Int::Small(v) => {
                let m = v.unsigned_abs();
                vec![m as u32, (m >> 32) as u32]
            }
            Int::Big(b) => b.magnitude().to_u32_digits(),
        };
        while key.len() > 1 && key.last() == Some(&0) {
            key.pop();
        }
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key.len()) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        for k in 0..N {
            let y = (self.state[k] & UPPER_MASK) | (self.state[(k + 1) % N] & LOWER_MASK);
            let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
            self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    /// The next 32-bit output.
    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits (27 + 26 from two outputs) in `[0, 1)`.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64`, the common case, without allocating.
    pub fn getrandbits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let low = self.next_u32() as u64;
                let high = (self.next_u32() >> (64 - k.min(64))) as u64;
                low | (high << 32)
            }
        }
    }

    /// `getrandbits(k)`: `k` random bits, 32-bit words least significant
    /// first, the last word's surplus high bits dropped.
    pub fn getrandbits(&mut self, k: i64) -> PyResult<Int> {
        if k < 0 {
            return Err(PyErr::value("number of bits must be non-negative"));
        }
        if k <= 63 {
            return Ok(Int::Small(self.getrandbits_u64(k as u32) as i64));
        }
        if k > 1 << 36 {
            return Err(PyErr::new(ErrKind::MemoryError, ""));
        }
        let words = (k as u64).div_ceil(32);
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k as u64;
        for _ in 0..words {
            let r = self.next_u32();
            digits.push(if left < 32 { r >> (32 - left) } else { r });
            left = left.saturating_sub(32);
        }
        Ok(Int::from_big(BigInt::from_biguint(
            Sign::Plus,
            BigUint::new(digits),
        )))
    }

    /// `_randbelow(n)` for `n > 0`: `getrandbits(n.bit_length())` until the
    /// draw is below `n`.
    pub fn randbelow(&mut self, n: &Int) -> Int {
        match n {
            Int::Small(v) if *v > 0 => Int::Small(self.randbelow_u64(*v as u64) as i64),
            _ if n.is_negative() || n.is_zero() => Int::Small(0),
            _ => {
                let k = arith::bit_length(n) as i64;
                let bound = n.to_big();
                loop {
                    let r = self.getrandbits(k).map(|r| r.to_big()).unwrap_or_default();
                    if r < bound {
                        return Int::from_big(r);
                    }
                }
            }
        }
    }

    /// [`Mersenne::randbelow`] for a machine-sized `n > 0`.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    /// `uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `gauss(mu, sigma)`: Box–Muller, keeping the second value for the
    /// next call as CPython does (`seed` forgets it).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let angle = self.random() * std::f64::consts::TAU;
                let radius = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(angle.sin() * radius);
                angle.cos() * radius
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = magic * (u1 - 0.5) / u2;
            if z * z / 4.0 <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }
}

/// `randrange(start)`, `randrange(start, stop)` or `randrange(start, stop,
/// step)`: `stop` absent is `None`, `step` absent is 1.
pub fn randrange(g: &mut Mersenne, start: &Int, stop: Option<&Int>, step: &Int) -> PyResult<Int> {
    let one = Int::Small(1);
    let Some(stop) = stop else {
        if *step != one {
            return Err(PyErr::type_error("Missing a non-None stop argument"));
        }
        if arith::compare_ints(start, &Int::Small(0)).is_gt() {
            return Ok(g.randbelow(start));
        }
        return Err(PyErr::value("empty range for randrange()"));
    };
    let width = arith::sub(stop, start);
    if *step == one {
        if arith::compare_ints(&width, &Int::Small(0)).is_gt() {
            return Ok(arith::add(start, &g.randbelow(&width)));
        }
        return Err(PyErr::value(format!(
            "empty range for randrange() ({start}, {stop}, {width})"
        )));
    }
    if step.is_zero() {
        return Err(PyErr::value("zero step for randrange()"));
    }
    let adjust = if step.is_negative() {
        arith::add(step, &one)
    } else {
        arith::sub(step, &one)
    };
    let n = arith::floordiv(&arith::add(&width, &adjust), step)?;
    if !arith::compare_ints(&n, &Int::Small(0)).is_gt() {
        return Err(PyErr::value("empty range for randrange()"));
    }
    Ok(arith::add(start, &arith::mul(step, &g.randbelow(&n))))
}

/// `randint(a, b)`: `randrange(a, b + 1)`.
pub fn randint(g: &mut Mersenne, a: &Int, b: &Int) -> PyResult<Int> {
    randrange(g, a, Some(&arith::add(b, &Int::Small(1))), &Int::Small(1))
}

/// The index `choice(seq)` picks in a sequence of length `len`.
pub fn choice_index(g: &mut Mersenne, len: usize) -> PyResult<usize> {
    if len == 0 {
        return Err(PyErr::new(
            ErrKind::IndexError,
            "Cannot choose from an empty sequence",
        ));
    }
    Ok(g.randbelow_u64(len as u64) as usize)
}

/// `shuffle(x)` in place: Fisher–Yates from the end, as CPython.
pub fn shuffle<T>(g: &mut Mersenne, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = g.randbelow_u64(i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// The population indices `sample(population, k)` picks, in order, for a
/// population of `n`: CPython's pool algorithm when a list of `n` is
/// smaller than a set of `k`, its rejection-with-a-set algorithm otherwise.
pub fn sample_indices(g: &mut Mersenne, n: usize, k: i64) -> PyResult<Vec<usize>> {
    if k < 0 || k as u64 > n as u64 {
        return Err(PyErr::value("Sample larger than population or is negative"));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        let exponent = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.saturating_pow(exponent.ceil() as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool: Vec<usize> = (0..n).collect();
        for i in 0..k {
            let j = g.randbelow_u64((n - i) as u64) as usize;
            result.push(pool[j]);
            pool[j] = pool[n - i - 1];
        }
    } else {
        let mut selected = HashSet::with_capacity(k);
        for _ in 0..k {
            let mut j = g.randbelow_u64(n as u64) as usize;
            while selected.contains(&j) {
                j = g.randbelow_u64(n as u64) as usize;
            }
            selected.insert(j);
            result.push(j);
        }
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::{One, Signed};

    #[test]
    fn reference_mt19937_output() {
        // The first output of MT19937 after init_genrand(5489), the
        // generator's published reference value.
        let mut g = Mersenne::new(&Int::Small(0));
        g.init_genrand(5489);
        assert_eq!(g.next_u32(), 3_499_211_612);
    }

    #[test]
    fn big_randbelow_stays_below() {
        let mut g = Mersenne::new(&Int::Small(3));
        let n = Int::from_big((BigInt::one() << 100u32) + 7);
        for _ in 0..100 {
            let r = g.randbelow(&n).to_big();
            assert!(!r.is_negative() && r < n.to_big());
        }
    }
}
