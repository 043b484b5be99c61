//! Parallel moves: a set of moves meant to happen at once, as a sequence.
//!
//! The jump at the end of a loop writes each value it passes into the
//! location the loop's label keeps it in, and a call puts its arguments
//! into the argument registers: in both, every source must be read before
//! any destination is written. Most moves can simply be ordered (write a
//! destination once nothing still to come reads it); what is left then is
//! cycles (a swap, a rotation), each broken by one extra move through a
//! scratch location: a cycle of n moves takes n + 1, a chain of n takes n,
//! and a move onto itself none, which is the fewest plain moves can do.
//!
//! The resolution is kept apart from the emitter, generic over what a
//! location is, so that a test can run the sequence it gives on a simulated
//! machine and compare with the moves done at once.

/// Order `moves` (source, destination) so that done one after another they
/// have the effect of doing them all at once. Sources that are not
/// locations (constants) are values like any other; destinations must be
/// distinct. A cycle is broken through `scratch(d)`, a location that is
/// neither a source nor a destination here, chosen for the class of the
/// destination `d` whose old value it saves.
pub fn sequence<T: Copy + Eq>(moves: &[(T, T)], scratch: impl Fn(T) -> T) -> Vec<(T, T)> {
    let mut pending: Vec<(T, T)> = moves.iter().copied().filter(|(s, d)| s != d).collect();
    let mut out = Vec::with_capacity(pending.len() + 1);
    while !pending.is_empty() {
        // A destination nothing still to come reads can be written now.
        let ready = (0..pending.len()).find(|&k| {
            let d = pending[k].1;
            !pending.iter().any(|m| m.0 == d)
        });
        match ready {
            Some(k) => out.push(pending.remove(k)),
            None => {
                // Only cycles are left: save one destination's old value,
                // and let the moves that read it read the copy.
                let d = pending[0].1;
                let tmp = scratch(d);
                out.push((d, tmp));
                for m in pending.iter_mut() {
                    if m.0 == d {
                        m.0 = tmp;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sequence;
    use std::collections::HashMap;

    /// Locations 0..N are registers and slots; `Const(k)` a constant;
    /// `SCRATCH` the cycle breaker.
    #[derive(Copy, Clone, PartialEq, Eq, Hash, Debug)]
    enum L {
        At(u8),
        Const(u64),
    }
    const SCRATCH: L = L::At(200);

    fn read(m: &HashMap<L, u64>, s: L) -> u64 {
        match s {
            L::Const(c) => c,
            at => m[&at],
        }
    }

    /// Run `seq` on a machine whose location k holds 1000 + k, and
    /// compare with `moves` done at once; the scratch may change.
    fn check(moves: &[(L, L)]) -> Vec<(L, L)> {
        let seq = sequence(moves, |_| SCRATCH);
        let mut m: HashMap<L, u64> = (0..=200u8).map(|k| (L::At(k), 1000 + k as u64)).collect();
        let before = m.clone();
        for &(s, d) in &seq {
            assert!(!matches!(d, L::Const(_)), "write to a constant: {seq:?}");
            let w = read(&m, s);
            m.insert(d, w);
        }
        let mut want = before.clone();
        for &(s, d) in moves {
            want.insert(d, read(&before, s));
        }
        m.insert(SCRATCH, 0);
        want.insert(SCRATCH, 0);
        assert_eq!(m, want, "moves {moves:?} sequenced as {seq:?}");
        seq
    }

    fn r(k: u8) -> L {
        L::At(k)
    }

    #[test]
    fn chains_need_no_scratch() {
        // 1 -> 2 -> 3 must write 3 first.
        let seq = check(&[(r(1), r(2)), (r(2), r(3))]);
        assert_eq!(seq, vec![(r(2), r(3)), (r(1), r(2))]);
        // A move onto itself is nothing.
        assert!(check(&[(r(4), r(4))]).is_empty());
    }

    #[test]
    fn a_swap_takes_three_moves() {
        let seq = check(&[(r(1), r(2)), (r(2), r(1))]);
        assert_eq!(seq.len(), 3);
    }

    #[test]
    fn a_rotation_with_a_tail_and_constants() {
        // A 3-cycle, a value passed twice, a constant, and a chain off it.
        let moves = [
            (r(1), r(2)),
            (r(2), r(3)),
            (r(3), r(1)),
            (r(1), r(5)),
            (L::Const(7), r(6)),
            (r(5), r(8)),
        ];
        let seq = check(&moves);
        assert_eq!(seq.len(), moves.len() + 1);
    }

    /// Random parallel moves over a few locations: the sequence is right,
    /// and as long as the moves themselves plus one per cycle.
    #[test]
    fn random_parallel_moves() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..20_000 {
            let nlocs = 2 + next(7) as u8;
            let mut dests: Vec<u8> = (0..nlocs).collect();
            // A random subset of destinations, each written once.
            let ndest = 1 + next(nlocs as u64) as usize;
            for k in 0..ndest {
                let j = k + next((nlocs as usize - k) as u64) as usize;
                dests.swap(k, j);
            }
            let moves: Vec<(L, L)> = dests[..ndest]
                .iter()
                .map(|&d| {
                    let s = if next(6) == 0 {
                        L::Const(next(50))
                    } else {
                        r(next(nlocs as u64) as u8)
                    };
                    (s, r(d))
                })
                .collect();
            let seq = check(&moves);
            // Cycles: a destination whose chain of sources (each source
            // that is itself a destination) leads back to it, not at once.
            let src_of = |d: L| moves.iter().find(|m| m.1 == d).map(|m| m.0);
            let mut on_cycle: Vec<L> = Vec::new();
            let mut cycles = 0;
            for &(_, d) in &moves {
                if on_cycle.contains(&d) {
                    continue;
                }
                let mut path = vec![d];
                let mut at = d;
                while let Some(s) = src_of(at) {
                    if s == at || path[1..].contains(&s) {
                        break;
                    }
                    if s == d {
                        cycles += 1;
                        on_cycle.extend(path.iter().copied());
                        break;
                    }
                    path.push(s);
                    at = s;
                }
            }
            let real = moves.iter().filter(|m| m.0 != m.1).count();
            assert_eq!(seq.len(), real + cycles, "{moves:?} -> {seq:?}");
        }
    }
}
