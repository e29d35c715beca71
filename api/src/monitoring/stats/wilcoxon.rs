//! Wilcoxon signed-rank test of paired changes, matching
//! `scipy.stats.wilcoxon(d)` with scipy's defaults (scipy ≥ 1.15, checked on
//! 1.17.1): `zero_method="wilcox"`, `correction=False` (configurable),
//! `alternative="two-sided"`, `method="auto"`.

use super::distributions::normal_two_sided_p;

/// scipy's `method="auto"`: above this many changes (zeros included) the normal
/// approximation is used.
pub const EXACT_MAX_N: usize = 50;
/// scipy's `method="auto"`: with ties or zeros, up to this many changes (zeros
/// included) the p-value comes from all `2^n` sign flips.
pub const PERMUTATION_MAX_N: usize = 13;

/// How the Wilcoxon p-value was obtained (scipy's `method="auto"` choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WilcoxonMethod {
    /// Exact null distribution of R+: no ties, no zero changes, n ≤ 50
    /// (scipy `method="exact"`).
    Exact,
    /// Exhaustive sign-flip permutation distribution: ties or zeros, n ≤ 13
    /// (scipy `method=PermutationMethod()`, which is exact at this size).
    ExactPermutation,
    /// Normal approximation with tie correction; continuity correction only when
    /// asked (scipy `method="asymptotic"`).
    Normal,
}

/// Result of the Wilcoxon signed-rank test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WilcoxonTest {
    /// W = min(R+, R−), scipy's two-sided statistic. A multiple of 0.5.
    pub statistic: f64,
    /// Sum of the ranks of |change| over increases.
    pub r_plus: f64,
    /// Sum of the ranks of |change| over decreases.
    pub r_minus: f64,
    /// Pairs that take part in the ranking (non-zero change).
    pub n_nonzero: usize,
    /// Pairs with zero change (dropped, `zero_method="wilcox"`).
    pub zeros: usize,
    /// Whether some non-zero |changes| are equal (average ranks were used).
    pub has_ties: bool,
    /// How the p-value was obtained.
    pub method: WilcoxonMethod,
    /// Only for [`WilcoxonMethod::Normal`]: `(R+ − n(n+1)/4) / se` with the tie
    /// correction (and the continuity correction, if asked). Positive when
    /// increases dominate; scipy reports `−|z|`.
    pub z: Option<f64>,
    /// Two-sided p-value; `None` when every change is zero (nothing to rank;
    /// scipy gives NaN, or 1.0 from the permutation branch for n ≤ 13).
    pub p_value: Option<f64>,
    /// Whether the continuity correction was applied (only matters for Normal).
    pub continuity_correction: bool,
}

impl WilcoxonTest {
    /// Matched-pairs rank-biserial correlation `(R+ − R−) / (R+ + R−)`, in
    /// [−1, 1]: +1 when every non-zero change is an increase. `None` when every
    /// change is zero.
    pub fn rank_biserial(&self) -> Option<f64> {
        let total = self.r_plus + self.r_minus;
        (self.n_nonzero > 0 && total > 0.0).then(|| (self.r_plus - self.r_minus) / total)
    }
}

/// The signed-rank test of `changes` (exit − entry), all finite.
pub(super) fn signed_rank(changes: &[f64], continuity_correction: bool) -> WilcoxonTest {
    let n_total = changes.len();
    // Non-zero changes ordered by |change| (ties in any order: they get the
    // average rank). `-0.0 == 0.0`, so both are zeros.
    let mut nonzero: Vec<f64> = changes.iter().copied().filter(|&v| v != 0.0).collect();
    nonzero.sort_unstable_by(|a, b| a.abs().total_cmp(&b.abs()));
    let m = nonzero.len();
    let zeros = n_total - m;

    // Doubled ranks are integers (average ranks are multiples of 1/2), so the
    // rank sums are exact.
    let mut doubled_ranks: Vec<u64> = Vec::with_capacity(m);
    let mut r_plus2: u64 = 0;
    let mut r_minus2: u64 = 0;
    let mut tie_term = 0.0_f64; // Σ (t³ − t) over groups of equal |change|
    let mut has_ties = false;
    let mut start = 0;
    while start < m {
        let magnitude = nonzero[start].abs();
        let mut end = start + 1;
        while end < m && nonzero[end].abs() == magnitude {
            end += 1;
        }
        // Positions start+1 ..= end (1-based) share the rank (start+1+end)/2.
        let doubled = (start + 1 + end) as u64;
        for &v in &nonzero[start..end] {
            doubled_ranks.push(doubled);
            if v > 0.0 {
                r_plus2 += doubled;
            } else {
                r_minus2 += doubled;
            }
        }
        let t = (end - start) as f64;
        if end - start > 1 {
            has_ties = true;
            tie_term += t * t * t - t;
        }
        start = end;
    }
    let r_plus = r_plus2 as f64 / 2.0;
    let r_minus = r_minus2 as f64 / 2.0;

    let method = if n_total > EXACT_MAX_N {
        WilcoxonMethod::Normal
    } else if !has_ties && zeros == 0 {
        WilcoxonMethod::Exact
    } else if n_total <= PERMUTATION_MAX_N {
        WilcoxonMethod::ExactPermutation
    } else {
        WilcoxonMethod::Normal
    };

    let mut z = None;
    let p_value = if m == 0 {
        None
    } else {
        Some(match method {
            WilcoxonMethod::Exact => {
                // No ties: the plain ranks 1..=m; R+ is an integer.
                let counts = sign_flip_counts(&(1..=m as u64).collect::<Vec<_>>());
                tail_p(&counts, r_plus2 / 2, m)
            }
            WilcoxonMethod::ExactPermutation => {
                // Distribution of doubled R+ over the 2^m sign flips of the non-zero
                // changes (flipping zeros only multiplies every count by 2^zeros).
                let counts = sign_flip_counts(&doubled_ranks);
                tail_p(&counts, r_plus2, m)
            }
            WilcoxonMethod::Normal => {
                let nf = m as f64;
                let mean = nf * (nf + 1.0) * 0.25;
                let se = ((nf * (nf + 1.0) * (2.0 * nf + 1.0) - tie_term / 2.0) / 24.0).sqrt();
                let mut zv = (r_plus - mean) / se;
                // scipy: z − sign(z)·0.5/se, with sign(0) = 0.
                if continuity_correction && zv != 0.0 {
                    zv -= zv.signum() * 0.5 / se;
                }
                z = Some(zv);
                normal_two_sided_p(zv)
            }
        })
    };

    WilcoxonTest {
        statistic: r_plus.min(r_minus),
        r_plus,
        r_minus,
        n_nonzero: m,
        zeros,
        has_ties,
        method,
        z,
        p_value,
        continuity_correction,
    }
}

/// Number of sign assignments giving each sum of `scores` over the "+" signs:
/// `counts[s]` = #{subsets with Σ scores = s}. Exact in f64 for up to 50 scores
/// (counts ≤ 2^50 < 2^53).
fn sign_flip_counts(scores: &[u64]) -> Vec<f64> {
    let max_sum: u64 = scores.iter().sum();
    let mut counts = vec![0.0_f64; max_sum as usize + 1];
    counts[0] = 1.0;
    let mut reach = 0_usize;
    for &s in scores {
        let s = s as usize;
        for total in (s..=reach + s).rev() {
            counts[total] += counts[total - s];
        }
        reach += s;
    }
    counts
}

/// Two-sided p-value `min(1, 2·min(P(S ≤ obs), P(S ≥ obs)))` from exact counts
/// over `2^m` equally likely sign assignments.
fn tail_p(counts: &[f64], observed: u64, m: usize) -> f64 {
    let obs = observed as usize;
    let total = 2.0_f64.powi(m as i32);
    let less: f64 = counts[..=obs.min(counts.len() - 1)].iter().sum();
    let greater: f64 = counts.get(obs..).map_or(0.0, |tail| tail.iter().sum());
    (2.0 * less.min(greater) / total).min(1.0)
}
