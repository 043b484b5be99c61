//! The random generator of the differential tests: xorshift64*, seeded per
//! case so that a failing case can be run again alone. Each test adds the
//! value shapes it needs (`impl Rng` in the test itself).
#![allow(dead_code)]

pub struct Rng(pub u64);

impl Rng {
    /// A generator for case `seed` (any seed, zero included).
    pub fn for_case(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}
