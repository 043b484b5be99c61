//! "Did you mean" for an uncaught `NameError` or `AttributeError`, with
//! CPython 3.11's rule: the closest candidate by a Levenshtein distance in
//! which a change of case costs half a substitution, if close enough.

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_CANDIDATES: usize = 750;
const MAX_LEN: usize = 40;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The distance between `a` and `b`, or something above `max` once it
/// cannot be at most `max`.
fn distance(a: &str, b: &str, max: usize) -> usize {
    let (mut a, mut b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a.remove(0);
        b.remove(0);
    }
    while !a.is_empty() && !b.is_empty() && a.last() == b.last() {
        a.pop();
        b.pop();
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return max + 1;
    }
    if a.len() > b.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max {
        return max + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut min_row = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            min_row = min_row.min(result);
        }
        if min_row > max {
            return max + 1;
        }
    }
    result
}

/// The candidate to suggest for `name`, if one is close enough.
pub fn suggest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(&str, usize)> = None;
    for item in candidates.take(MAX_CANDIDATES) {
        if item == name {
            continue;
        }
        let mut max = (name.chars().count() + item.chars().count() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name, item, max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}
