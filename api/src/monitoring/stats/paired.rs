//! Entry/exit comparison of the same participants: paired t-test with a 95%
//! confidence interval, Wilcoxon signed-rank test, effect sizes.

use super::descriptive::{check_finite, mean_of, median_of, sd_of, skewness_of};
use super::distributions::{t_quantile, t_two_sided_p};
use super::error::{Series, StatsError};
use super::wilcoxon::{WilcoxonTest, signed_rank};

/// Largest [`PairedOptions::change_decimals`].
pub const MAX_CHANGE_DECIMALS: u8 = 15;

/// [`PairedSummary::fits_t`]: from this many pairs the t-test is trusted
/// unless the changes are heavily skewed.
pub const FITS_T_LARGE_N: usize = 30;
/// [`PairedSummary::fits_t`]: largest |skewness| tolerated with
/// [`FITS_T_LARGE_N`] pairs or more.
pub const FITS_T_LARGE_MAX_SKEW: f64 = 2.0;
/// [`PairedSummary::fits_t`]: below [`FITS_T_LARGE_N`], at least this many pairs…
pub const FITS_T_SMALL_N: usize = 10;
/// …and |skewness| at most this (roughly symmetric changes).
pub const FITS_T_SMALL_MAX_SKEW: f64 = 1.0;

/// Options of [`paired_with`]. The default is scipy's defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PairedOptions {
    /// Round each change (exit − entry) to this many decimal places (half to
    /// even, as `numpy.round`) before any statistic of the changes is computed.
    ///
    /// Binary floating point makes equal decimal changes unequal: 4.55 − 4.35 is
    /// 0.20000000000000018 but 3.3 − 3.1 is 0.19999999999999973, so scipy (and
    /// the default here) sees no tie between them. For measurements recorded
    /// with k decimals (average grades: 2), pass `Some(k)` so such changes tie
    /// and the Wilcoxon ranks are the ones a person computes by hand. At most
    /// [`MAX_CHANGE_DECIMALS`]. `None` (default): raw differences, as scipy.
    pub change_decimals: Option<u8>,
    /// Continuity correction in the Wilcoxon normal approximation (scipy's
    /// `correction=True`, R's default). Default `false`, as scipy.
    pub continuity_correction: bool,
}

/// A confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Paired (dependent samples) t-test of the mean change against 0.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TTest {
    /// t statistic, `mean_change / (sd_change / √n)`; `None` when every
    /// participant changed by exactly the same amount (sd 0: t undefined).
    pub t: Option<f64>,
    /// Degrees of freedom, n − 1.
    pub df: usize,
    /// Two-sided p-value; `None` with `t`.
    pub p_value: Option<f64>,
}

/// Comparison of entry and exit values of the same participants.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairedSummary {
    /// Number of pairs.
    pub n: usize,
    /// Mean at entry.
    pub entry_mean: f64,
    /// Mean at exit.
    pub exit_mean: f64,
    /// Median at entry.
    pub entry_median: f64,
    /// Median at exit.
    pub exit_median: f64,
    /// Mean of the changes (exit − entry).
    pub mean_change: f64,
    /// Median of the changes.
    pub median_change: f64,
    /// Sample standard deviation of the changes (n − 1).
    pub sd_change: f64,
    /// 95% confidence interval of the mean change (t distribution, n − 1 df):
    /// `mean ± t₀.₉₇₅,ₙ₋₁ · sd/√n`. A single point when sd is 0.
    pub ci95: Interval,
    /// Participants whose value went up.
    pub increased: usize,
    /// Participants whose value went down.
    pub decreased: usize,
    /// Participants whose value did not change.
    pub unchanged: usize,
    /// Paired t-test.
    pub t_test: TTest,
    /// Wilcoxon signed-rank test.
    pub wilcoxon: WilcoxonTest,
    /// Cohen's d_z = mean change / SD of changes; `None` when sd is 0.
    pub cohens_dz: Option<f64>,
    /// Matched-pairs rank-biserial correlation `(R+ − R−)/(R+ + R−)` (effect
    /// size of the Wilcoxon test); `None` when every change is zero.
    pub rank_biserial: Option<f64>,
    /// Skewness G1 of the changes (`scipy.stats.skew(bias=False)`); `None` for
    /// n < 3 or no spread.
    pub skewness_change: Option<f64>,
    /// Whether the t-test (and the t interval) can be trusted:
    /// sd > 0 and either n ≥ 30 with |skewness| ≤ 2 (large sample, not heavily
    /// skewed), or n ≥ 10 with |skewness| ≤ 1 (roughly symmetric changes).
    /// Otherwise report the Wilcoxon test (and median change) as the main
    /// result.
    pub fits_t: bool,
}

/// Paired statistics with scipy's defaults; see [`paired_with`].
pub fn paired(entry: &[f64], exit: &[f64]) -> Result<PairedSummary, StatsError> {
    paired_with(entry, exit, PairedOptions::default())
}

/// Paired statistics of `entry[i]` → `exit[i]` (one participant per index,
/// only participants with both values). Changes are `exit − entry`.
///
/// Errors: different lengths, a non-finite value, fewer than 2 pairs,
/// `change_decimals` above [`MAX_CHANGE_DECIMALS`].
pub fn paired_with(
    entry: &[f64],
    exit: &[f64],
    options: PairedOptions,
) -> Result<PairedSummary, StatsError> {
    if entry.len() != exit.len() {
        return Err(StatsError::LengthMismatch {
            entry: entry.len(),
            exit: exit.len(),
        });
    }
    check_finite(entry, Series::Entry)?;
    check_finite(exit, Series::Exit)?;
    let n = entry.len();
    if n < 2 {
        return Err(StatsError::TooFewPairs { n });
    }
    let mut changes: Vec<f64> = exit.iter().zip(entry).map(|(y, x)| y - x).collect();
    if let Some(k) = options.change_decimals {
        if k > MAX_CHANGE_DECIMALS {
            return Err(StatsError::InvalidDecimals(k));
        }
        // numpy.round: rint(d · 10^k) / 10^k; 10^k is exact for k ≤ 15.
        let scale = 10_f64.powi(i32::from(k));
        for d in &mut changes {
            *d = (*d * scale).round_ties_even() / scale;
        }
    }
    // A huge entry and exit of opposite sign can overflow the difference.
    check_finite(&changes, Series::Exit)?;

    let increased = changes.iter().filter(|&&d| d > 0.0).count();
    let decreased = changes.iter().filter(|&&d| d < 0.0).count();

    // Every participant changed by the same amount: no spread (exactly), and
    // the t statistic is undefined.
    let constant = changes.iter().all(|&d| d == changes[0]);
    let mean_change = if constant {
        changes[0]
    } else {
        mean_of(&changes)
    };
    let sd_change = if constant {
        0.0
    } else {
        sd_of(&changes, mean_change)
    };
    let skewness_change = if constant {
        None
    } else {
        skewness_of(&changes, mean_change)
    };

    let nf = n as f64;
    let df = n - 1;
    let se = sd_change / nf.sqrt();
    let half_width = if constant {
        0.0
    } else {
        t_quantile(0.975, df as f64) * se
    };
    let t = (!constant).then(|| mean_change / se);
    let t_test = TTest {
        t,
        df,
        p_value: t.map(|t| t_two_sided_p(t, df as f64)),
    };

    let wilcoxon = signed_rank(&changes, options.continuity_correction);

    let fits_t = !constant
        && skewness_change.is_some_and(|g| {
            (n >= FITS_T_LARGE_N && g.abs() <= FITS_T_LARGE_MAX_SKEW)
                || (n >= FITS_T_SMALL_N && g.abs() <= FITS_T_SMALL_MAX_SKEW)
        });

    Ok(PairedSummary {
        n,
        entry_mean: mean_of(entry),
        exit_mean: mean_of(exit),
        entry_median: median_of(&mut entry.to_vec()),
        exit_median: median_of(&mut exit.to_vec()),
        mean_change,
        median_change: median_of(&mut changes),
        sd_change,
        ci95: Interval {
            low: mean_change - half_width,
            high: mean_change + half_width,
        },
        increased,
        decreased,
        unchanged: n - increased - decreased,
        t_test,
        wilcoxon,
        cohens_dz: (!constant).then(|| mean_change / sd_change),
        rank_biserial: wilcoxon.rank_biserial(),
        skewness_change,
        fits_t,
    })
}
