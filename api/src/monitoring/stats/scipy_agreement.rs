//! Agreement with numpy/scipy (reference/paired.json, made by
//! reference/make_reference.py); the edge cases are in `edge_cases.rs`.
//!
//! Tolerances (relative, `|a − e| ≤ tol · max(|e|, floor)`): 1e-9 for means,
//! medians, SDs, t, CI bounds, effect sizes; 1e-6 for p-values (relative, so
//! also for tiny ones); exact for W, R+, R− and counts; 1e-10 for the
//! distribution functions themselves.

use serde_json::Value;

use super::distributions::{normal_two_sided_p, t_quantile, t_two_sided_p};
use super::*;

const REFERENCE: &str = include_str!("reference/paired.json");

const TOL_VALUE: f64 = 1e-9;
const TOL_P: f64 = 1e-6;
const TOL_SPECIAL: f64 = 1e-10;
/// Values this close to zero are compared absolutely (a mean change of 1e-17
/// has no meaningful relative error).
const FLOOR: f64 = 1e-12;
/// p-values below this are compared absolutely (subnormal range).
const FLOOR_P: f64 = 1e-290;

fn reference() -> Value {
    serde_json::from_str(REFERENCE).expect("reference/paired.json parses")
}

fn field<'a>(v: &'a Value, key: &str) -> &'a Value {
    v.get(key)
        .unwrap_or_else(|| panic!("reference field {key} missing"))
}

fn opt_num(v: &Value, key: &str) -> Option<f64> {
    let x = field(v, key);
    if x.is_null() {
        None
    } else {
        Some(
            x.as_f64()
                .unwrap_or_else(|| panic!("{key} is not a number")),
        )
    }
}

fn num(v: &Value, key: &str) -> f64 {
    opt_num(v, key).unwrap_or_else(|| panic!("{key} is null"))
}

fn count(v: &Value, key: &str) -> usize {
    field(v, key)
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is not a count")) as usize
}

/// Data are stored as strings so that they parse correctly rounded.
fn data(v: &Value, key: &str) -> Vec<f64> {
    field(v, key)
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not an array"))
        .iter()
        .map(|s| {
            s.as_str()
                .and_then(|s| s.parse::<f64>().ok())
                .unwrap_or_else(|| panic!("{key}: {s} is not a number string"))
        })
        .collect()
}

/// Tracks the largest relative deviation per kind, and fails beyond `tol`.
#[derive(Default)]
struct Checker {
    worst: Vec<(&'static str, f64, String)>,
    failures: Vec<String>,
}

impl Checker {
    fn close(
        &mut self,
        kind: &'static str,
        what: &str,
        actual: f64,
        expected: f64,
        tol: f64,
        floor: f64,
    ) {
        let err = (actual - expected).abs() / expected.abs().max(floor);
        let ok = err <= tol || actual == expected;
        if !ok {
            self.failures.push(format!(
                "{what}: got {actual:e}, scipy {expected:e} (rel. err {err:e} > {tol:e})"
            ));
        }
        let err = if actual == expected { 0.0 } else { err };
        match self.worst.iter_mut().find(|(k, _, _)| *k == kind) {
            Some(entry) if err > entry.1 => *entry = (kind, err, what.to_string()),
            Some(_) => {}
            None => self.worst.push((kind, err, what.to_string())),
        }
    }

    fn opt(
        &mut self,
        kind: &'static str,
        what: &str,
        actual: Option<f64>,
        expected: Option<f64>,
        tol: f64,
        floor: f64,
    ) {
        match (actual, expected) {
            (Some(a), Some(e)) => self.close(kind, what, a, e, tol, floor),
            (None, None) => {}
            _ => self
                .failures
                .push(format!("{what}: got {actual:?}, scipy {expected:?}")),
        }
    }

    fn same<T: PartialEq + std::fmt::Debug>(&mut self, what: &str, actual: T, expected: T) {
        if actual != expected {
            self.failures
                .push(format!("{what}: got {actual:?}, scipy {expected:?}"));
        }
    }

    fn finish(self, title: &str) {
        for (kind, err, what) in &self.worst {
            eprintln!("{title}: worst relative deviation for {kind:<16} {err:.2e} ({what})");
        }
        assert!(
            self.failures.is_empty(),
            "{title}: {} mismatches:\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

fn method_name(m: WilcoxonMethod) -> &'static str {
    match m {
        WilcoxonMethod::Exact => "exact",
        WilcoxonMethod::ExactPermutation => "exact_permutation",
        WilcoxonMethod::Normal => "normal",
    }
}

#[test]
fn paired_matches_scipy() {
    let doc = reference();
    let datasets = field(&doc, "paired")
        .as_array()
        .expect("paired is an array");
    assert!(
        datasets.len() >= 10,
        "expected about 10+ reference datasets"
    );
    let mut c = Checker::default();
    for ds in datasets {
        let name = field(ds, "name").as_str().expect("name");
        let entry = data(ds, "entry");
        let exit = data(ds, "exit");
        let opts = field(ds, "options");
        let options = PairedOptions {
            change_decimals: opt_num(opts, "change_decimals").map(|k| k as u8),
            continuity_correction: field(opts, "continuity_correction")
                .as_bool()
                .expect("bool"),
        };
        let e = field(ds, "expected");
        let s = paired_with(&entry, &exit, options).unwrap_or_else(|err| panic!("{name}: {err}"));
        let w = &s.wilcoxon;
        let at = |k: &str| format!("{name}.{k}");

        c.same(&at("n"), s.n, count(e, "n"));
        c.same(&at("df"), s.t_test.df, count(e, "df"));
        c.same(&at("increased"), s.increased, count(e, "increased"));
        c.same(&at("decreased"), s.decreased, count(e, "decreased"));
        c.same(&at("unchanged"), s.unchanged, count(e, "unchanged"));
        for (k, v) in [
            ("entry_mean", s.entry_mean),
            ("exit_mean", s.exit_mean),
            ("entry_median", s.entry_median),
            ("exit_median", s.exit_median),
            ("mean_change", s.mean_change),
            ("median_change", s.median_change),
            ("sd_change", s.sd_change),
        ] {
            c.close("mean/median/sd", &at(k), v, num(e, k), TOL_VALUE, FLOOR);
        }
        c.close(
            "ci95",
            &at("ci95_low"),
            s.ci95.low,
            num(e, "ci95_low"),
            TOL_VALUE,
            FLOOR,
        );
        c.close(
            "ci95",
            &at("ci95_high"),
            s.ci95.high,
            num(e, "ci95_high"),
            TOL_VALUE,
            FLOOR,
        );
        c.opt("t", &at("t"), s.t_test.t, opt_num(e, "t"), TOL_VALUE, FLOOR);
        c.opt(
            "t p-value",
            &at("t_p_value"),
            s.t_test.p_value,
            opt_num(e, "t_p_value"),
            TOL_P,
            FLOOR_P,
        );
        c.opt(
            "effect sizes",
            &at("cohens_dz"),
            s.cohens_dz,
            opt_num(e, "cohens_dz"),
            TOL_VALUE,
            FLOOR,
        );
        c.opt(
            "effect sizes",
            &at("rank_biserial"),
            s.rank_biserial,
            opt_num(e, "rank_biserial"),
            TOL_VALUE,
            FLOOR,
        );
        c.opt(
            "skewness",
            &at("skewness_change"),
            s.skewness_change,
            opt_num(e, "skewness_change"),
            TOL_VALUE,
            FLOOR,
        );
        c.same(
            &at("fits_t"),
            s.fits_t,
            field(e, "fits_t").as_bool().expect("bool"),
        );

        // W, R+ and R− are multiples of 1/2: exact.
        c.same(&at("W"), w.statistic, num(e, "wilcoxon_statistic"));
        c.same(&at("R+"), w.r_plus, num(e, "wilcoxon_r_plus"));
        c.same(&at("R-"), w.r_minus, num(e, "wilcoxon_r_minus"));
        c.same(
            &at("n_nonzero"),
            w.n_nonzero,
            count(e, "wilcoxon_n_nonzero"),
        );
        c.same(
            &at("has_ties"),
            w.has_ties,
            field(e, "wilcoxon_has_ties").as_bool().expect("bool"),
        );
        c.same(
            &at("method"),
            method_name(w.method),
            field(e, "wilcoxon_method").as_str().expect("str"),
        );
        c.opt(
            "wilcoxon p-value",
            &at("wilcoxon_p_value"),
            w.p_value,
            opt_num(e, "wilcoxon_p_value"),
            TOL_P,
            FLOOR_P,
        );
        c.opt(
            "wilcoxon |z|",
            &at("wilcoxon_abs_z"),
            w.z.map(f64::abs),
            opt_num(e, "wilcoxon_abs_z"),
            TOL_VALUE,
            FLOOR,
        );
    }
    c.finish("paired vs scipy");
}

#[test]
fn descriptive_matches_numpy() {
    let doc = reference();
    let mut c = Checker::default();
    for case in field(&doc, "descriptive").as_array().expect("array") {
        let name = field(case, "name").as_str().expect("name");
        let values = data(case, "values");
        let at = |k: &str| format!("{name}.{k}");
        c.close(
            "mean/median/sd",
            &at("mean"),
            mean(&values).expect("mean"),
            num(case, "mean"),
            TOL_VALUE,
            FLOOR,
        );
        c.close(
            "mean/median/sd",
            &at("median"),
            median(&values).expect("median"),
            num(case, "median"),
            TOL_VALUE,
            FLOOR,
        );
        let d = describe(&values).expect("describe");
        c.opt(
            "mean/median/sd",
            &at("sd"),
            d.sd,
            opt_num(case, "sd"),
            TOL_VALUE,
            FLOOR,
        );
        let ps: Vec<f64> = field(case, "ps")
            .as_array()
            .expect("ps")
            .iter()
            .filter_map(Value::as_f64)
            .collect();
        let expected: Vec<f64> = field(case, "quantiles")
            .as_array()
            .expect("q")
            .iter()
            .filter_map(Value::as_f64)
            .collect();
        let got = quantiles(&values, &ps).expect("quantiles");
        for ((p, g), x) in ps.iter().zip(&got).zip(&expected) {
            c.close("quantiles", &at(&format!("q{p}")), *g, *x, TOL_VALUE, FLOOR);
        }
        c.close(
            "quantiles",
            &at("describe.q1"),
            d.q1,
            quantile(&values, 0.25).expect("q1"),
            0.0,
            FLOOR,
        );
        if let Some(expected_skew) = opt_num(case, "skewness") {
            let m = mean(&values).expect("mean");
            let skew = super::descriptive::skewness_of(&values, m);
            c.opt(
                "skewness",
                &at("skewness"),
                skew,
                Some(expected_skew),
                TOL_VALUE,
                FLOOR,
            );
        }
    }
    c.finish("descriptive vs numpy");
}

#[test]
fn distributions_match_scipy() {
    let doc = reference();
    let special = field(&doc, "special");
    let mut c = Checker::default();
    for case in field(special, "t_two_sided").as_array().expect("array") {
        let (df, t) = (num(case, "df"), num(case, "t"));
        c.close(
            "t p (2-sided)",
            &format!("t={t} df={df}"),
            t_two_sided_p(t, df),
            num(case, "p"),
            TOL_SPECIAL,
            FLOOR_P,
        );
    }
    for case in field(special, "t_quantile").as_array().expect("array") {
        let (df, p) = (num(case, "df"), num(case, "p"));
        c.close(
            "t quantile",
            &format!("p={p} df={df}"),
            t_quantile(p, df),
            num(case, "q"),
            TOL_SPECIAL,
            FLOOR,
        );
        c.close(
            "t quantile",
            &format!("p={} df={df}", 1.0 - p),
            -t_quantile(1.0 - p, df),
            num(case, "q"),
            1e-9,
            FLOOR,
        );
    }
    for case in field(special, "normal_two_sided")
        .as_array()
        .expect("array")
    {
        let z = num(case, "z");
        c.close(
            "normal p",
            &format!("z={z}"),
            normal_two_sided_p(z),
            num(case, "p"),
            TOL_SPECIAL,
            FLOOR_P,
        );
        c.close(
            "normal p",
            &format!("z=-{z}"),
            normal_two_sided_p(-z),
            num(case, "p"),
            TOL_SPECIAL,
            FLOOR_P,
        );
    }
    c.finish("distributions vs scipy");
}

#[test]
fn reference_records_versions() {
    let doc = reference();
    let version = field(&doc, "scipy_version")
        .as_str()
        .expect("scipy_version");
    let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    // method="auto" with the permutation branch exists from scipy 1.15 on.
    assert!(
        (major, minor) >= (1, 15),
        "reference made with scipy {version}; need >= 1.15"
    );
}
