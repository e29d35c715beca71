//! Statistics of the programme monitoring.
//!
//! Phase 1 describes a sample ([`describe`], [`mean`], [`median`],
//! [`quantiles`], [`rating_distribution`]); phase 2 compares the entry and exit
//! values of the same participants ([`paired`]): mean and median change, a 95%
//! confidence interval of the mean change, the paired t-test, the Wilcoxon
//! signed-rank test, Cohen's d_z and the rank-biserial correlation, and
//! [`PairedSummary::fits_t`] saying which of the two tests to lead with.
//!
//! Pure functions: no I/O, no clock, no randomness, no allocation beyond a few
//! copies of the input. Results agree with numpy/scipy (see
//! `reference/make_reference.py`, whose output `reference/paired.json` the tests
//! embed):
//!
//! * t-test and interval = `scipy.stats.ttest_rel(exit, entry)` and its
//!   `.confidence_interval(0.95)`;
//! * Wilcoxon = `scipy.stats.wilcoxon(exit - entry)` with scipy's defaults
//!   (`zero_method="wilcox"`, `correction=False`, `alternative="two-sided"`,
//!   `method="auto"` as in scipy ≥ 1.15): zero changes dropped, average ranks
//!   for ties; exact distribution when n ≤ 50 with no ties and no zeros; with
//!   ties or zeros, all 2^n sign flips when n ≤ 13, else the normal
//!   approximation with tie correction. n counts zero changes here, as in scipy.
//!   [`PairedOptions`] adds scipy's `correction=True` and rounding of changes.
//!
//! The Student's t and normal distribution functions are implemented here
//! (`distributions.rs`) and checked against scipy to ~1e-12.

mod descriptive;
mod distributions;
mod error;
mod paired;
mod wilcoxon;

#[cfg(test)]
mod edge_cases;
#[cfg(test)]
mod scipy_agreement;

pub use descriptive::{
    Descriptives, MAX_SCALE_LEVELS, RatingDistribution, RatingLevel, describe, mean, median,
    quantile, quantiles, rating_distribution,
};
pub use error::{Series, StatsError};
pub use paired::{
    FITS_T_LARGE_MAX_SKEW, FITS_T_LARGE_N, FITS_T_SMALL_MAX_SKEW, FITS_T_SMALL_N, Interval,
    MAX_CHANGE_DECIMALS, PairedOptions, PairedSummary, TTest, paired, paired_with,
};
pub use wilcoxon::{EXACT_MAX_N, PERMUTATION_MAX_N, WilcoxonMethod, WilcoxonTest};
