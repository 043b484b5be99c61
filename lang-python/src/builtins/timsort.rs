//! `list.sort`'s algorithm: CPython's timsort, step for step, because a
//! Python program sees the sort's comparisons (a `__lt__` that prints or
//! counts) and must see the same ones in the same order as under CPython.
//!
//! Natural runs are found (a strictly descending run is reversed), short
//! ones extended to `min_run` by binary insertion, and runs are merged in
//! the order powersort gives (3.11's `found_new_run`), each merge
//! galloping when one side keeps winning. Only `lt` compares: an error it
//! returns stops the sort at once (the slice is then some permutation of
//! what it was, as in CPython). Inconsistent comparisons never make an
//! index go out of bounds, they only give an unsorted result.

use super::PyResult;

/// How many wins in a row switch a merge into galloping mode at first.
const MIN_GALLOP: usize = 7;

/// A run waiting to be merged: its start, length and powersort power.
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct Sorter<'a, T: Copy> {
    v: &'a mut [T],
    lt: Lt<'a, T>,
    runs: Vec<Run>,
    min_gallop: usize,
}

/// Sorts `v` stably by `lt` (the "less than" of two elements).
pub fn sort<T: Copy>(v: &mut [T], lt: &mut dyn FnMut(T, T) -> PyResult<bool>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut s = Sorter {
        v,
        lt,
        runs: Vec::new(),
        min_gallop: MIN_GALLOP,
    };
    let min_run = min_run(n);
    let mut lo = 0;
    while lo < n {
        let (mut len, descending) = s.count_run(lo, n)?;
        if descending {
            s.v[lo..lo + len].reverse();
        }
        if len < min_run {
            let forced = min_run.min(n - lo);
            s.binary_sort(lo, lo + forced, lo + len)?;
            len = forced;
        }
        s.found_new_run(lo, len, n)?;
        s.runs.push(Run {
            base: lo,
            len,
            power: 0,
        });
        lo += len;
    }
    while s.runs.len() > 1 {
        let mut i = s.runs.len() - 2;
        if i > 0 && s.runs[i - 1].len < s.runs[i + 1].len {
            i -= 1;
        }
        s.merge_at(i)?;
    }
    Ok(())
}

/// The shortest run worth making: `n` itself below 64, else a number in
/// 32..=64 that makes `n / min_run` a power of two or just under one.
fn min_run(mut n: usize) -> usize {
    let mut low_bits = 0;
    while n >= 64 {
        low_bits |= n & 1;
        n >>= 1;
    }
    n + low_bits
}

/// Powersort's "power" of the boundary between a run at `start1` of
/// `len1` items and the `len2` items after it, in a slice of `n`: the
/// first bit where the binary fractions of the two runs' midpoints over
/// `n` differ (computed on doubled midpoints, which are integers).
fn power(start1: usize, len1: usize, len2: usize, n: usize) -> u32 {
    let mut a = 2 * start1 + len1;
    let mut b = a + len1 + len2;
    let mut result = 0;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            return result;
        }
        a <<= 1;
        b <<= 1;
    }
}

impl<T: Copy> Sorter<'_, T> {
    fn lt(&mut self, x: T, y: T) -> PyResult<bool> {
        (self.lt)(x, y)
    }

    /// The length of the run starting at `lo` (before `hi`), and whether
    /// it strictly descends.
    fn count_run(&mut self, lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let descending = self.lt(self.v[lo + 1], self.v[lo])?;
        for i in lo + 2..hi {
            if self.lt(self.v[i], self.v[i - 1])? != descending {
                break;
            }
            n += 1;
        }
        Ok((n, descending))
    }

    /// Sorts `v[lo..hi]` whose prefix up to `start` is sorted, inserting
    /// each next item where a binary search puts it (after its equals).
    fn binary_sort(&mut self, lo: usize, hi: usize, start: usize) -> PyResult<()> {
        let start = if start == lo { start + 1 } else { start };
        for i in start..hi {
            let pivot = self.v[i];
            let (mut l, mut r) = (lo, i);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, self.v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            self.v.copy_within(l..i, l + 1);
            self.v[l] = pivot;
        }
        Ok(())
    }

    /// A new run of `len` items starts at `base`: merge the pending runs
    /// whose power is above the boundary's before it joins them.
    fn found_new_run(&mut self, base: usize, len: usize, n: usize) -> PyResult<()> {
        let Some(last) = self.runs.last() else {
            return Ok(());
        };
        debug_assert_eq!(last.base + last.len, base);
        let power = power(last.base, last.len, len, n);
        while self.runs.len() > 1 && self.runs[self.runs.len() - 2].power > power {
            self.merge_at(self.runs.len() - 2)?;
        }
        if let Some(last) = self.runs.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    /// Merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, i: usize) -> PyResult<()> {
        let (a, b) = (self.runs[i], self.runs[i + 1]);
        self.runs[i].len = a.len + b.len;
        self.runs.remove(i + 1);
        // Items of a before b's first, and of b after a's last, stay put.
        let first_b = self.v[b.base];
        let k = gallop_right(self.lt, first_b, &self.v[a.base..a.base + a.len], 0)?;
        let (base_a, len_a) = (a.base + k, a.len - k);
        if len_a == 0 {
            return Ok(());
        }
        let last_a = self.v[base_a + len_a - 1];
        let len_b = gallop_left(self.lt, last_a, &self.v[b.base..b.base + b.len], b.len - 1)?;
        if len_b == 0 {
            return Ok(());
        }
        if len_a <= len_b {
            self.merge_lo(base_a, len_a, len_b)
        } else {
            self.merge_hi(base_a, len_a, len_b)
        }
    }

    /// Merges the runs `v[base..base+na]` and the `nb` items after it,
    /// with `na <= nb`: a is copied out and the merge fills from the left.
    fn merge_lo(&mut self, base: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
        let a_items: Vec<T> = self.v[base..base + na].to_vec();
        let (mut ia, mut ib, mut dest) = (0, base + na, base);
        // Writes the rest of a at dest when the merge ends.
        macro_rules! finish {
            () => {{
                self.v[dest..dest + na].copy_from_slice(&a_items[ia..ia + na]);
                return Ok(());
            }};
        }
        // a's last item goes after all of b's remaining ones.
        macro_rules! copy_b_then_last_a {
            () => {{
                self.v.copy_within(ib..ib + nb, dest);
                self.v[dest + nb] = a_items[ia];
                return Ok(());
            }};
        }
        self.v[dest] = self.v[ib];
        (dest, ib, nb) = (dest + 1, ib + 1, nb - 1);
        if nb == 0 {
            finish!();
        }
        if na == 1 {
            copy_b_then_last_a!();
        }
        loop {
            let (mut a_wins, mut b_wins) = (0, 0);
            // One item at a time until one side wins min_gallop in a row.
            loop {
                if self.lt(self.v[ib], a_items[ia])? {
                    self.v[dest] = self.v[ib];
                    (dest, ib, nb) = (dest + 1, ib + 1, nb - 1);
                    (b_wins, a_wins) = (b_wins + 1, 0);
                    if nb == 0 {
                        finish!();
                    }
                    if b_wins >= self.min_gallop {
                        break;
                    }
                } else {
                    self.v[dest] = a_items[ia];
                    (dest, ia, na) = (dest + 1, ia + 1, na - 1);
                    (a_wins, b_wins) = (a_wins + 1, 0);
                    if na == 1 {
                        copy_b_then_last_a!();
                    }
                    if a_wins >= self.min_gallop {
                        break;
                    }
                }
            }
            // Galloping: whole stretches of one side at a time.
            self.min_gallop += 1;
            loop {
                self.min_gallop -= usize::from(self.min_gallop > 1);
                let k = gallop_right(self.lt, self.v[ib], &a_items[ia..ia + na], 0)?;
                a_wins = k;
                if k > 0 {
                    self.v[dest..dest + k].copy_from_slice(&a_items[ia..ia + k]);
                    (dest, ia, na) = (dest + k, ia + k, na - k);
                    if na == 1 {
                        copy_b_then_last_a!();
                    }
                    if na == 0 {
                        finish!();
                    }
                }
                self.v[dest] = self.v[ib];
                (dest, ib, nb) = (dest + 1, ib + 1, nb - 1);
                if nb == 0 {
                    finish!();
                }
                let k = gallop_left(self.lt, a_items[ia], &self.v[ib..ib + nb], 0)?;
                b_wins = k;
                if k > 0 {
                    self.v.copy_within(ib..ib + k, dest);
                    (dest, ib, nb) = (dest + k, ib + k, nb - k);
                    if nb == 0 {
                        finish!();
                    }
                }
                self.v[dest] = a_items[ia];
                (dest, ia, na) = (dest + 1, ia + 1, na - 1);
                if na == 1 {
                    copy_b_then_last_a!();
                }
                if a_wins < MIN_GALLOP && b_wins < MIN_GALLOP {
                    break;
                }
            }
            self.min_gallop += 1;
        }
    }

    /// Merges the runs `v[base..base+na]` and the `nb` items after it,
    /// with `na > nb`: b is copied out and the merge fills from the right.
    fn merge_hi(&mut self, base: usize, mut na: usize, mut nb: usize) -> PyResult<()> {
        let b_base = base + na;
        let b_items: Vec<T> = self.v[b_base..b_base + nb].to_vec();
        // Positions one past the next item to take or write, so none
        // underflows: a's next is v[ia - 1], b's b_items[ib - 1], the next
        // write v[dest - 1].
        let (mut ia, mut ib, mut dest) = (base + na, nb, b_base + nb);
        macro_rules! finish {
            () => {{
                self.v[dest - nb..dest].copy_from_slice(&b_items[ib - nb..ib]);
                return Ok(());
            }};
        }
        // b's first item goes before all of a's remaining ones.
        macro_rules! copy_a_then_first_b {
            () => {{
                self.v.copy_within(ia - na..ia, dest - na);
                self.v[dest - na - 1] = b_items[ib - 1];
                return Ok(());
            }};
        }
        self.v[dest - 1] = self.v[ia - 1];
        (dest, ia, na) = (dest - 1, ia - 1, na - 1);
        if na == 0 {
            finish!();
        }
        if nb == 1 {
            copy_a_then_first_b!();
        }
        loop {
            let (mut a_wins, mut b_wins) = (0, 0);
            loop {
                if self.lt(b_items[ib - 1], self.v[ia - 1])? {
                    self.v[dest - 1] = self.v[ia - 1];
                    (dest, ia, na) = (dest - 1, ia - 1, na - 1);
                    (a_wins, b_wins) = (a_wins + 1, 0);
                    if na == 0 {
                        finish!();
                    }
                    if a_wins >= self.min_gallop {
                        break;
                    }
                } else {
                    self.v[dest - 1] = b_items[ib - 1];
                    (dest, ib, nb) = (dest - 1, ib - 1, nb - 1);
                    (b_wins, a_wins) = (b_wins + 1, 0);
                    if nb == 1 {
                        copy_a_then_first_b!();
                    }
                    if b_wins >= self.min_gallop {
                        break;
                    }
                }
            }
            self.min_gallop += 1;
            loop {
                self.min_gallop -= usize::from(self.min_gallop > 1);
                let k = na - gallop_right(self.lt, b_items[ib - 1], &self.v[ia - na..ia], na - 1)?;
                a_wins = k;
                if k > 0 {
                    self.v.copy_within(ia - k..ia, dest - k);
                    (dest, ia, na) = (dest - k, ia - k, na - k);
                    if na == 0 {
                        finish!();
                    }
                }
                self.v[dest - 1] = b_items[ib - 1];
                (dest, ib, nb) = (dest - 1, ib - 1, nb - 1);
                if nb == 1 {
                    copy_a_then_first_b!();
                }
                if nb == 0 {
                    finish!();
                }
                let k = nb - gallop_left(self.lt, self.v[ia - 1], &b_items[ib - nb..ib], nb - 1)?;
                b_wins = k;
                if k > 0 {
                    self.v[dest - k..dest].copy_from_slice(&b_items[ib - k..ib]);
                    (dest, ib, nb) = (dest - k, ib - k, nb - k);
                    if nb == 1 {
                        copy_a_then_first_b!();
                    }
                    if nb == 0 {
                        finish!();
                    }
                }
                self.v[dest - 1] = self.v[ia - 1];
                (dest, ia, na) = (dest - 1, ia - 1, na - 1);
                if na == 0 {
                    finish!();
                }
                if a_wins < MIN_GALLOP && b_wins < MIN_GALLOP {
                    break;
                }
            }
            self.min_gallop += 1;
        }
    }
}

type Lt<'a, T> = &'a mut dyn FnMut(T, T) -> PyResult<bool>;

/// Where `key` goes in the sorted `a`, before its equals: from `hint`,
/// steps of 1, 3, 7, ... bracket it, then a binary search.
fn gallop_left<T: Copy>(lt: Lt<'_, T>, key: T, a: &[T], hint: usize) -> PyResult<usize> {
    let (mut last, mut ofs) = (0, 1);
    let (mut lo, mut hi);
    if lt(a[hint], key)? {
        // a[hint] < key: on to the right until a[hint+last] < key <= a[hint+ofs].
        let max = a.len() - hint;
        while ofs < max && lt(a[hint + ofs], key)? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + last + 1, hint + ofs.min(max));
    } else {
        // key <= a[hint]: on to the left until a[hint-ofs] < key <= a[hint-last].
        let max = hint + 1;
        while ofs < max && !lt(a[hint - ofs], key)? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + 1 - ofs.min(max), hint - last);
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(a[m], key)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// Where `key` goes in the sorted `a`, after its equals (`gallop_left`'s
/// mirror).
fn gallop_right<T: Copy>(lt: Lt<'_, T>, key: T, a: &[T], hint: usize) -> PyResult<usize> {
    let (mut last, mut ofs) = (0, 1);
    let (mut lo, mut hi);
    if lt(key, a[hint])? {
        // key < a[hint]: on to the left until a[hint-ofs] <= key < a[hint-last].
        let max = hint + 1;
        while ofs < max && lt(key, a[hint - ofs])? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + 1 - ofs.min(max), hint - last);
    } else {
        // a[hint] <= key: on to the right until a[hint+last] <= key < a[hint+ofs].
        let max = a.len() - hint;
        while ofs < max && !lt(key, a[hint + ofs])? {
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + last + 1, hint + ofs.min(max));
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(key, a[m])? {
            hi = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(hi)
}
