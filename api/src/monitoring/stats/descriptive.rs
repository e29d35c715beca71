//! Descriptive statistics (phase 1 and the parts of the paired summary).
//!
//! Definitions match numpy: `mean`, `median`, `std(ddof=1)`, and
//! `quantile(method="linear")` (Hyndman–Fan type 7, the default of numpy, R and
//! Excel's PERCENTILE.INC); skewness is `scipy.stats.skew(bias=False)` (the
//! adjusted Fisher–Pearson G1 of Excel SKEW and SPSS).

use super::error::{Series, StatsError};

/// Largest number of levels [`rating_distribution`] accepts.
pub const MAX_SCALE_LEVELS: usize = 10_001;

/// Summary of one sample.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Descriptives {
    /// Number of values.
    pub n: usize,
    /// Arithmetic mean.
    pub mean: f64,
    /// Sample standard deviation (n − 1); `None` for a single value.
    pub sd: Option<f64>,
    /// Smallest value.
    pub min: f64,
    /// First quartile (type 7).
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile (type 7).
    pub q3: f64,
    /// Largest value.
    pub max: f64,
}

/// Count of one level of a rating scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatingLevel {
    /// The level (e.g. 1..=5).
    pub value: i64,
    /// How many ratings have this level.
    pub count: usize,
    /// `count / total` (0 when there are no ratings on the scale).
    pub share: f64,
}

/// Distribution of ratings over a scale `min..=max`.
#[derive(Debug, Clone, PartialEq)]
pub struct RatingDistribution {
    /// Every level of the scale in increasing order, including empty ones.
    pub levels: Vec<RatingLevel>,
    /// Ratings on the scale (the denominator of the shares).
    pub total: usize,
    /// Ratings outside `min..=max` (not counted in `levels`; a data problem
    /// the caller may want to report).
    pub outside: usize,
}

pub(super) fn check_finite(values: &[f64], series: Series) -> Result<(), StatsError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(StatsError::NonFinite { series, index }),
        None => Ok(()),
    }
}

fn check_values(values: &[f64]) -> Result<(), StatsError> {
    if values.is_empty() {
        return Err(StatsError::Empty);
    }
    check_finite(values, Series::Values)
}

fn check_probability(p: f64) -> Result<(), StatsError> {
    if (0.0..=1.0).contains(&p) {
        Ok(())
    } else {
        Err(StatsError::ProbabilityOutOfRange(p))
    }
}

/// Arithmetic mean.
pub fn mean(values: &[f64]) -> Result<f64, StatsError> {
    check_values(values)?;
    Ok(mean_of(values))
}

/// Median (the mean of the two middle values for an even count).
pub fn median(values: &[f64]) -> Result<f64, StatsError> {
    check_values(values)?;
    Ok(median_of(&mut values.to_vec()))
}

/// Quantile `p ∈ [0, 1]`, linear interpolation between order statistics
/// (type 7: `h = (n − 1)p`), as `numpy.quantile(values, p)`.
pub fn quantile(values: &[f64], p: f64) -> Result<f64, StatsError> {
    quantiles(values, &[p]).map(|q| q[0])
}

/// Several quantiles of the same values (sorted once), in the order of `ps`.
pub fn quantiles(values: &[f64], ps: &[f64]) -> Result<Vec<f64>, StatsError> {
    check_values(values)?;
    for &p in ps {
        check_probability(p)?;
    }
    let sorted = sorted_copy(values);
    Ok(ps.iter().map(|&p| quantile_sorted(&sorted, p)).collect())
}

/// n, mean, SD, min, quartiles, median and max in one pass over a sorted copy.
pub fn describe(values: &[f64]) -> Result<Descriptives, StatsError> {
    check_values(values)?;
    let sorted = sorted_copy(values);
    let mean = mean_of(values);
    Ok(Descriptives {
        n: values.len(),
        mean,
        sd: (values.len() >= 2).then(|| sd_of(values, mean)),
        min: sorted[0],
        q1: quantile_sorted(&sorted, 0.25),
        median: quantile_sorted(&sorted, 0.5),
        q3: quantile_sorted(&sorted, 0.75),
        max: sorted[sorted.len() - 1],
    })
}

/// Counts and shares of each level of a rating scale `min..=max` (e.g. a 1–5
/// Likert item). Values outside the scale are counted in
/// [`RatingDistribution::outside`], not dropped silently. No values gives all
/// counts 0.
pub fn rating_distribution<T: Copy + Into<i64>>(
    values: &[T],
    min: i64,
    max: i64,
) -> Result<RatingDistribution, StatsError> {
    let span = max.checked_sub(min).filter(|s| *s >= 0);
    let levels_n = match span.and_then(|s| usize::try_from(s).ok()) {
        Some(s) if s < MAX_SCALE_LEVELS => s + 1,
        _ => return Err(StatsError::InvalidScale { min, max }),
    };
    let mut counts = vec![0_usize; levels_n];
    let mut outside = 0;
    for &v in values {
        let v: i64 = v.into();
        if (min..=max).contains(&v) {
            // In range, so 0 ≤ v − min < levels_n.
            counts[(v - min) as usize] += 1;
        } else {
            outside += 1;
        }
    }
    let total: usize = counts.iter().sum();
    let levels = counts
        .iter()
        .zip(min..)
        .map(|(&count, value)| RatingLevel {
            value,
            count,
            share: if total == 0 {
                0.0
            } else {
                count as f64 / total as f64
            },
        })
        .collect();
    Ok(RatingDistribution {
        levels,
        total,
        outside,
    })
}

// ---- helpers on checked (non-empty, finite) data ----

/// Mean with compensated (Neumaier) summation: the sum is as if computed
/// exactly and rounded once, so a mean change that is 0 in decimal stays at
/// float-noise level (~1e-17) instead of growing with n.
pub(super) fn mean_of(values: &[f64]) -> f64 {
    let (mut sum, mut compensation) = (0.0_f64, 0.0_f64);
    for &v in values {
        let t = sum + v;
        compensation += if sum.abs() >= v.abs() {
            (sum - t) + v
        } else {
            (v - t) + sum
        };
        sum = t;
    }
    (sum + compensation) / values.len() as f64
}

/// Sample standard deviation around a given mean (two-pass), n ≥ 2.
pub(super) fn sd_of(values: &[f64], mean: f64) -> f64 {
    let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    (ss / (values.len() - 1) as f64).sqrt()
}

/// Adjusted Fisher–Pearson skewness G1 (`scipy.stats.skew(bias=False)`); `None`
/// for fewer than 3 values or no spread.
pub(super) fn skewness_of(values: &[f64], mean: f64) -> Option<f64> {
    let n = values.len();
    if n < 3 {
        return None;
    }
    let nf = n as f64;
    let (mut m2, mut m3) = (0.0, 0.0);
    for v in values {
        let dev = v - mean;
        m2 += dev * dev;
        m3 += dev * dev * dev;
    }
    m2 /= nf;
    m3 /= nf;
    if m2 <= 0.0 {
        return None;
    }
    Some((nf * (nf - 1.0)).sqrt() / (nf - 2.0) * m3 / m2.powf(1.5))
}

/// Median of non-empty data, reordering `values` in place (O(n)).
pub(super) fn median_of(values: &mut [f64]) -> f64 {
    let n = values.len();
    let k = n / 2;
    let (below, upper, _) = values.select_nth_unstable_by(k, f64::total_cmp);
    let upper = *upper;
    if n % 2 == 1 {
        upper
    } else {
        let lower = below.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        (lower + upper) / 2.0
    }
}

fn sorted_copy(values: &[f64]) -> Vec<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(f64::total_cmp);
    sorted
}

/// Type-7 quantile of sorted, non-empty data; the interpolation is numpy's
/// `_lerp` (from the nearer end), so results agree to the last bit or two.
fn quantile_sorted(sorted: &[f64], p: f64) -> f64 {
    let n = sorted.len();
    let h = (n - 1) as f64 * p;
    let lo = (h.floor() as usize).min(n - 1);
    let hi = (lo + 1).min(n - 1);
    let frac = h - lo as f64;
    let (a, b) = (sorted[lo], sorted[hi]);
    let diff = b - a;
    if frac >= 0.5 {
        b - diff * (1.0 - frac)
    } else {
        a + diff * frac
    }
}
