//! Edge cases the reference data cannot show: refused input, no change at all, ties made by
//! rounding, the exact Wilcoxon distribution of tiny samples.

use super::distributions::ln_gamma;
use super::*;

#[test]
fn errors() {
    assert_eq!(
        paired(&[1.0, 2.0], &[1.0]),
        Err(StatsError::LengthMismatch { entry: 2, exit: 1 })
    );
    assert_eq!(
        paired(&[1.0], &[2.0]),
        Err(StatsError::TooFewPairs { n: 1 })
    );
    assert_eq!(paired(&[], &[]), Err(StatsError::TooFewPairs { n: 0 }));
    assert_eq!(
        paired(&[1.0, 2.0, 3.0], &[1.0, 2.0, f64::NAN]),
        Err(StatsError::NonFinite {
            series: Series::Exit,
            index: 2
        })
    );
    assert_eq!(
        paired(&[1.0, f64::INFINITY], &[1.0, 2.0]),
        Err(StatsError::NonFinite {
            series: Series::Entry,
            index: 1
        })
    );
    let opts = PairedOptions {
        change_decimals: Some(16),
        ..PairedOptions::default()
    };
    assert_eq!(
        paired_with(&[1.0, 2.0], &[1.0, 3.0], opts),
        Err(StatsError::InvalidDecimals(16))
    );
    assert_eq!(mean(&[]), Err(StatsError::Empty));
    assert_eq!(median(&[]), Err(StatsError::Empty));
    assert_eq!(
        describe(&[1.0, f64::NAN]),
        Err(StatsError::NonFinite {
            series: Series::Values,
            index: 1
        })
    );
    assert_eq!(
        quantile(&[1.0, 2.0], 1.5),
        Err(StatsError::ProbabilityOutOfRange(1.5))
    );
    assert!(matches!(
        quantile(&[1.0, 2.0], f64::NAN),
        Err(StatsError::ProbabilityOutOfRange(_))
    ));
    assert_eq!(
        rating_distribution(&[1_i32], 5, 1),
        Err(StatsError::InvalidScale { min: 5, max: 1 })
    );
    assert_eq!(
        rating_distribution(&[1_i64], i64::MIN, i64::MAX),
        Err(StatsError::InvalidScale {
            min: i64::MIN,
            max: i64::MAX
        })
    );
    // Messages are readable.
    assert_eq!(
        StatsError::TooFewPairs { n: 1 }.to_string(),
        "at least 2 entry/exit pairs are needed, got 1"
    );
}

#[test]
fn constant_change_has_no_t_but_has_wilcoxon() {
    let entry = [3.0, 4.0, 2.0, 5.0, 1.0, 3.0];
    // x + 0.1 − x is not the same float for every x (sd ≈ 2e-16, a huge t)…
    let exit = entry.map(|x| x + 0.1);
    let raw = paired(&entry, &exit).expect("raw");
    assert!(raw.sd_change > 0.0 && raw.sd_change < 1e-15);
    // …which rounding the changes to the recorded precision fixes.
    let opts = PairedOptions {
        change_decimals: Some(1),
        ..PairedOptions::default()
    };
    let s = paired_with(&entry, &exit, opts).expect("paired");
    assert_eq!(s.mean_change, 0.1);
    assert_eq!(s.sd_change, 0.0);
    assert_eq!(s.t_test.t, None);
    assert_eq!(s.t_test.p_value, None);
    assert_eq!(s.cohens_dz, None);
    assert_eq!(s.skewness_change, None);
    assert!(!s.fits_t);
    assert_eq!(s.ci95.low, s.mean_change);
    assert_eq!(s.ci95.high, s.mean_change);
    assert_eq!(s.increased, 6);
    // All six changes tie at 0.1: the permutation p of six equal positive ranks.
    let w = s.wilcoxon;
    assert_eq!(w.statistic, 0.0);
    assert_eq!(w.method, WilcoxonMethod::ExactPermutation);
    assert_eq!(w.p_value, Some(2.0 / 64.0));
    assert_eq!(s.rank_biserial, Some(1.0));

    // Exactly representable constant change, no ties after rounding: the exact
    // two-sided p of n = 6 all positive is 2/64.
    let exit = entry.map(|x| x + 0.5);
    let s = paired(&entry, &exit).expect("paired");
    assert_eq!(s.t_test.t, None);
    assert!(s.wilcoxon.has_ties);
    assert_eq!(s.wilcoxon.method, WilcoxonMethod::ExactPermutation);
    assert_eq!(s.wilcoxon.p_value, Some(2.0 / 64.0));
}

#[test]
fn no_change_at_all() {
    let v = [3.0, 4.0, 4.0, 5.0, 2.0];
    let s = paired(&v, &v).expect("paired");
    assert_eq!(s.mean_change, 0.0);
    assert_eq!(s.unchanged, 5);
    assert_eq!(s.t_test.p_value, None);
    assert_eq!(s.wilcoxon.n_nonzero, 0);
    assert_eq!(s.wilcoxon.zeros, 5);
    assert_eq!(s.wilcoxon.statistic, 0.0);
    assert_eq!(s.wilcoxon.p_value, None);
    assert_eq!(s.rank_biserial, None);
    assert!(!s.fits_t);
}

#[test]
fn swapping_entry_and_exit_mirrors_the_result() {
    let entry = [3.1, 4.0, 2.2, 3.9, 3.5, 4.4, 2.9, 3.3, 4.8, 3.0, 2.5];
    let exit = [3.9, 4.2, 3.0, 3.7, 4.1, 4.9, 3.4, 3.2, 4.9, 3.8, 3.3];
    let a = paired(&entry, &exit).expect("a");
    let b = paired(&exit, &entry).expect("b");
    assert_eq!(a.mean_change, -b.mean_change);
    assert_eq!(a.t_test.t.map(|t| -t), b.t_test.t);
    assert_eq!(a.t_test.p_value, b.t_test.p_value);
    assert_eq!(a.wilcoxon.statistic, b.wilcoxon.statistic);
    assert_eq!(a.wilcoxon.r_plus, b.wilcoxon.r_minus);
    assert_eq!(a.wilcoxon.p_value, b.wilcoxon.p_value);
    assert_eq!(a.rank_biserial.map(|r| -r), b.rank_biserial);
    assert_eq!(a.ci95.low, -b.ci95.high);
    // Deterministic.
    assert_eq!(a, paired(&entry, &exit).expect("again"));
}

#[test]
fn change_decimals_makes_equal_decimal_changes_tie() {
    // 4.55 − 4.35 = 0.20000000000000018 and 3.3 − 3.1 = 0.19999999999999973.
    let entry = [4.35, 3.1, 2.0];
    let exit = [4.55, 3.3, 2.5];
    let raw = paired(&entry, &exit).expect("raw");
    assert!(!raw.wilcoxon.has_ties);
    assert_eq!(raw.wilcoxon.method, WilcoxonMethod::Exact);
    let rounded = paired_with(
        &entry,
        &exit,
        PairedOptions {
            change_decimals: Some(2),
            ..Default::default()
        },
    )
    .expect("rounded");
    assert!(rounded.wilcoxon.has_ties);
    assert_eq!(rounded.wilcoxon.method, WilcoxonMethod::ExactPermutation);
    assert_eq!(rounded.wilcoxon.r_plus, 6.0);
}

#[test]
fn exact_wilcoxon_small_cases() {
    // n = 5, all increases with distinct changes: p = 2/32.
    let s = paired(&[0.0; 5], &[1.0, 2.0, 3.0, 4.0, 5.0]).expect("paired");
    assert_eq!(s.wilcoxon.method, WilcoxonMethod::Exact);
    assert_eq!(s.wilcoxon.statistic, 0.0);
    assert_eq!(s.wilcoxon.p_value, Some(0.0625));
    // Balanced signs: p = 1.
    let s = paired(&[0.0; 4], &[1.0, -2.0, -3.0, 4.0]).expect("paired");
    assert_eq!(s.wilcoxon.r_plus, 5.0);
    assert_eq!(s.wilcoxon.p_value, Some(1.0));
}

#[test]
fn descriptive_helpers() {
    let d = describe(&[5.0, 1.0, 3.0, 2.0, 4.0]).expect("describe");
    assert_eq!(
        (d.n, d.mean, d.min, d.q1, d.median, d.q3, d.max),
        (5, 3.0, 1.0, 2.0, 3.0, 4.0, 5.0)
    );
    assert_eq!(describe(&[2.0]).expect("one").sd, None);
    assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Ok(2.5));
    assert_eq!(
        quantiles(&[1.0, 2.0, 3.0, 4.0], &[0.0, 1.0 / 3.0, 1.0]),
        Ok(vec![1.0, 2.0, 4.0])
    );

    let r = rating_distribution(&[1_u8, 5, 5, 3, 0, 6, 5], 1, 5).expect("ratings");
    assert_eq!(r.total, 5);
    assert_eq!(r.outside, 2);
    let counts: Vec<(i64, usize)> = r.levels.iter().map(|l| (l.value, l.count)).collect();
    assert_eq!(counts, vec![(1, 1), (2, 0), (3, 1), (4, 0), (5, 3)]);
    assert_eq!(r.levels[4].share, 0.6);
    let empty = rating_distribution::<i32>(&[], 1, 5).expect("empty");
    assert_eq!(empty.total, 0);
    assert!(empty.levels.iter().all(|l| l.count == 0 && l.share == 0.0));
}

#[test]
fn ln_gamma_of_integers_is_log_factorial() {
    let mut log_factorial = 0.0_f64;
    for n in 1..=170_u32 {
        // ln Γ(n) = ln (n − 1)!
        let got = ln_gamma(f64::from(n));
        assert!(
            (got - log_factorial).abs() <= 1e-13 * log_factorial.abs().max(1.0),
            "n={n}: {got} vs {log_factorial}"
        );
        log_factorial += f64::from(n).ln();
    }
}
