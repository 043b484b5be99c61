//! The phases of a run and a timeline of them with a bounded size.
//!
//! A long run can switch phases millions of times (every guard failure is a
//! `jit-running` and a `jit-resume` section), far more than a picture can
//! show. So the timeline is a row of equal buckets, each holding the time
//! every phase took inside it; when the run outgrows the row, the buckets
//! double in width and pairs merge. Memory and the SVG drawn from it stay
//! bounded whatever the length of the log, and the time per phase in each
//! bucket is exact, so nothing is lost but the order inside a bucket.

/// What the program was doing; `Interpreting` is the time outside every
/// phase section.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    Interpreting,
    Tracing,
    Optimizing,
    Backend,
    Running,
    Resuming,
}

impl Phase {
    pub const ALL: [Phase; 6] = [
        Phase::Interpreting,
        Phase::Tracing,
        Phase::Optimizing,
        Phase::Backend,
        Phase::Running,
        Phase::Resuming,
    ];

    /// The phase a section name stands for, if it is a phase section.
    pub fn from_section(name: &str) -> Option<Phase> {
        Some(match name {
            "jit-tracing" => Phase::Tracing,
            "jit-optimize" => Phase::Optimizing,
            "jit-backend" => Phase::Backend,
            "jit-running" => Phase::Running,
            "jit-resume" => Phase::Resuming,
            _ => return None,
        })
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// A human name, for legends and tables.
    pub fn label(self) -> &'static str {
        match self {
            Phase::Interpreting => "interpreting",
            Phase::Tracing => "tracing",
            Phase::Optimizing => "optimizing",
            Phase::Backend => "backend (compiling)",
            Phase::Running => "running compiled code",
            Phase::Resuming => "resuming (leaving compiled code)",
        }
    }

    /// The section that marks it, or a note for `Interpreting`.
    pub fn section(self) -> &'static str {
        match self {
            Phase::Interpreting => "outside any phase",
            Phase::Tracing => "jit-tracing",
            Phase::Optimizing => "jit-optimize",
            Phase::Backend => "jit-backend",
            Phase::Running => "jit-running",
            Phase::Resuming => "jit-resume",
        }
    }

    /// Its colour on the page (chosen to be told apart in print as well).
    pub fn colour(self) -> &'static str {
        match self {
            Phase::Interpreting => "#9aa5b1",
            Phase::Tracing => "#e8a33d",
            Phase::Optimizing => "#d1603d",
            Phase::Backend => "#8e44ad",
            Phase::Running => "#2e9e5b",
            Phase::Resuming => "#2f6fb3",
        }
    }
}

/// Buckets kept at most; the row holds between half and all of them once
/// the run is longer than the first width allows.
pub const MAX_BUCKETS: usize = 1024;

/// Time per phase in equal buckets from time 0.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// Width of one bucket, in microseconds (a power of two).
    width: f64,
    buckets: Vec<[f64; 6]>,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline::new()
    }
}

impl Timeline {
    pub fn new() -> Timeline {
        Timeline {
            width: 1.0 / 1024.0,
            buckets: Vec::new(),
        }
    }

    pub fn bucket_width(&self) -> f64 {
        self.width
    }

    pub fn buckets(&self) -> &[[f64; 6]] {
        &self.buckets
    }

    /// Account `phase` from `start` to `end` (microseconds).
    pub fn add(&mut self, phase: Phase, start: f64, end: f64) {
        if end <= start || end.is_nan() || !start.is_finite() || !end.is_finite() || start < 0.0 {
            return;
        }
        while end > self.width * MAX_BUCKETS as f64 {
            self.coarsen();
        }
        let first = (start / self.width) as usize;
        let last = ((end / self.width) as usize).min(MAX_BUCKETS - 1);
        if self.buckets.len() <= last {
            self.buckets.resize(last + 1, [0.0; 6]);
        }
        for i in first..=last {
            let lo = start.max(i as f64 * self.width);
            let hi = end.min((i + 1) as f64 * self.width);
            if hi > lo {
                self.buckets[i][phase.index()] += hi - lo;
            }
        }
    }

    fn coarsen(&mut self) {
        self.width *= 2.0;
        let merged = self
            .buckets
            .chunks(2)
            .map(|pair| {
                let mut b = pair[0];
                if let Some(second) = pair.get(1) {
                    for (x, y) in b.iter_mut().zip(second) {
                        *x += y;
                    }
                }
                b
            })
            .collect();
        self.buckets = merged;
    }

    /// Runs of the row for drawing, up to `end`: each is a start, a width and
    /// the time per phase inside it. Adjacent buckets given wholly to one
    /// phase merge into one run, so a long stretch of compiled code is one
    /// rectangle.
    pub fn runs(&self, end: f64) -> Vec<(f64, f64, [f64; 6])> {
        let mut out: Vec<(f64, f64, [f64; 6])> = Vec::new();
        for (i, b) in self.buckets.iter().enumerate() {
            let start = i as f64 * self.width;
            if start >= end {
                break;
            }
            let width = self.width.min(end - start);
            let pure = sole_phase(b);
            if let (Some(p), Some(last)) = (pure, out.last_mut()) {
                if sole_phase(&last.2) == Some(p) && (last.0 + last.1 - start).abs() < 1e-9 {
                    last.1 += width;
                    last.2[p] += b[p];
                    continue;
                }
            }
            if b.iter().any(|&t| t > 0.0) {
                out.push((start, width, *b));
            }
        }
        out
    }
}

/// The only phase with time in `b`, if there is exactly one.
fn sole_phase(b: &[f64; 6]) -> Option<usize> {
    let mut found = None;
    for (i, &t) in b.iter().enumerate() {
        if t > 0.0 {
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_survive_coarsening() {
        let mut t = Timeline::new();
        let mut now = 0.0;
        for i in 0..100_000 {
            let p = if i % 2 == 0 {
                Phase::Running
            } else {
                Phase::Resuming
            };
            t.add(p, now, now + 0.5);
            now += 0.5;
        }
        assert!(t.buckets().len() <= MAX_BUCKETS);
        let sum: f64 = t.buckets().iter().map(|b| b[Phase::Running.index()]).sum();
        assert!((sum - 25_000.0).abs() < 1e-6, "{sum}");
        assert!(t.runs(now).len() <= MAX_BUCKETS);
    }

    #[test]
    fn pure_buckets_merge() {
        let mut t = Timeline::new();
        t.add(Phase::Interpreting, 0.0, 10.0);
        t.add(Phase::Running, 10.0, 1000.0);
        let runs = t.runs(1000.0);
        assert!(runs.len() <= 3, "{runs:?}");
    }
}
