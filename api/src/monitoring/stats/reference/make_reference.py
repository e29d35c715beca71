#!/usr/bin/env python3
"""Reference values for crate::monitoring::stats, computed with numpy/scipy.

Writes paired.json beside this script. The Rust tests in ../scipy_agreement.rs embed that
file with include_str!("reference/paired.json") and assert agreement.

    python3 make_reference.py            # regenerate paired.json

What is matched (scipy >= 1.15 defaults; this file records the versions used):
  * paired t-test: scipy.stats.ttest_rel(exit, entry) (d = exit - entry),
    95% CI from TtestResult.confidence_interval(0.95);
  * Wilcoxon: scipy.stats.wilcoxon(d) with the defaults zero_method="wilcox",
    correction=False, alternative="two-sided", method="auto"; one dataset also
    with correction=True. For method="auto" scipy uses: the exact null
    distribution when len(d) <= 50 and there are no ties and no zeros; an
    exhaustive permutation test (PermutationMethod, 2**len(d) sign flips) when
    there are ties or zeros and len(d) <= 13; the normal approximation with tie
    correction otherwise (len(d) counts zeros).
  * descriptive: numpy mean, median, std(ddof=1), quantile (method="linear",
    i.e. Hyndman-Fan type 7), scipy.stats.skew(bias=False).
  * rank-biserial correlation (matched pairs): (R+ - R-) / (R+ + R-) with ranks
    of |d| over non-zero d from scipy.stats.rankdata (average ties).
  * Cohen's d_z = mean(d) / std(d, ddof=1).

Data values are written as strings (Python repr, shortest round-trip) so the
Rust side parses them with str::parse::<f64>, which is correctly rounded; the
expected values are plain JSON numbers (compared with tolerances).
"""

import json
import math
import subprocess
import sys
from pathlib import Path

try:
    import numpy as np
    import scipy
    from scipy import stats
except ImportError:  # pragma: no cover - convenience for a fresh machine
    print("make_reference: installing scipy and numpy with pip", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "scipy", "numpy"], check=True)
    import numpy as np
    import scipy
    from scipy import stats

HERE = Path(__file__).resolve().parent
SEED = 20250901


def fnum(x):
    """A float for JSON: None for NaN/inf (no such value is expected here)."""
    x = float(x)
    if not math.isfinite(x):
        return None
    return x


def strs(values):
    return [repr(float(v)) for v in values]


def scipy_auto_method(d):
    """The branch scipy.stats.wilcoxon(d, method="auto") takes (scipy >= 1.15)."""
    n_total = len(d)
    zeros = int(np.count_nonzero(d == 0))
    nz = d[d != 0]
    ties = len(np.unique(np.abs(nz))) < len(nz)
    if n_total > 50:
        return "normal"
    if not ties and zeros == 0:
        return "exact"
    if n_total <= 13:
        return "exact_permutation"
    return "normal"


def fits_t_rule(n, sd, skew):
    # Mirror of the Rust rule (documented in paired.rs); cross-checks it.
    if not (sd > 0) or skew is None:
        return False
    return (n >= 30 and abs(skew) <= 2.0) or (n >= 10 and abs(skew) <= 1.0)


def paired_expected(entry, exit_, change_decimals=None, correction=False):
    entry = np.asarray(entry, dtype=np.float64)
    exit_ = np.asarray(exit_, dtype=np.float64)
    d = exit_ - entry
    if change_decimals is not None:
        d = np.round(d, change_decimals)
    n = len(d)

    tt = stats.ttest_1samp(d, 0.0) if change_decimals is not None else stats.ttest_rel(exit_, entry)
    ci = tt.confidence_interval(0.95)
    sd = float(np.std(d, ddof=1))

    method = scipy_auto_method(d)
    w = stats.wilcoxon(d, correction=correction)  # zero_method="wilcox", method="auto"
    explicit = {"exact": "exact", "normal": "asymptotic",
                "exact_permutation": stats.PermutationMethod()}[method]
    w_explicit = stats.wilcoxon(d, correction=correction, method=explicit)
    assert w.pvalue == w_explicit.pvalue, (w, w_explicit)
    z = None
    if method == "normal":
        z = abs(float(stats.wilcoxon(d, correction=correction, method="asymptotic").zstatistic))

    nz = d[d != 0]
    ranks = stats.rankdata(np.abs(nz))  # average ranks for ties
    r_plus = float(ranks[nz > 0].sum())
    r_minus = float(ranks[nz < 0].sum())
    rbc = (r_plus - r_minus) / (r_plus + r_minus) if len(nz) else None
    tie_counts = np.unique(np.abs(nz), return_counts=True)[1]

    skew = float(stats.skew(d, bias=False)) if n >= 3 and sd > 0 else None
    return {
        "n": n,
        "entry_mean": fnum(np.mean(entry)),
        "exit_mean": fnum(np.mean(exit_)),
        "entry_median": fnum(np.median(entry)),
        "exit_median": fnum(np.median(exit_)),
        "mean_change": fnum(np.mean(d)),
        "median_change": fnum(np.median(d)),
        "sd_change": fnum(sd),
        "ci95_low": fnum(ci.low),
        "ci95_high": fnum(ci.high),
        "t": fnum(tt.statistic),
        "df": int(tt.df),
        "t_p_value": fnum(tt.pvalue),
        "cohens_dz": fnum(np.mean(d) / sd),
        "skewness_change": skew,
        "fits_t": fits_t_rule(n, sd, skew),
        "increased": int(np.count_nonzero(d > 0)),
        "decreased": int(np.count_nonzero(d < 0)),
        "unchanged": int(np.count_nonzero(d == 0)),
        "wilcoxon_statistic": fnum(w.statistic),
        "wilcoxon_r_plus": r_plus,
        "wilcoxon_r_minus": r_minus,
        "wilcoxon_n_nonzero": int(len(nz)),
        "wilcoxon_has_ties": bool(np.any(tie_counts > 1)),
        "wilcoxon_method": method,
        "wilcoxon_p_value": fnum(w.pvalue),
        "wilcoxon_abs_z": z,
        "rank_biserial": rbc,
    }


def datasets():
    rng = np.random.default_rng(SEED)
    out = []

    def add(name, description, entry, exit_, change_decimals=None, correction=False):
        out.append({
            "name": name,
            "description": description,
            "options": {"change_decimals": change_decimals, "continuity_correction": correction},
            "entry": strs(entry),
            "exit": strs(exit_),
            "expected": paired_expected(entry, exit_, change_decimals, correction),
        })

    add("n2_minimum", "two pairs, the smallest allowed sample",
        [3.0, 4.0], [3.5, 5.0])

    add("n6_exact_no_ties", "six distinct non-zero changes: exact Wilcoxon distribution",
        [3.25, 4.0, 2.75, 3.5, 3.5, 4.25], [4.0, 3.75, 3.75, 4.75, 3.0, 4.625])

    e = rng.normal(50, 10, 7)
    add("n7_exact", "n = 7 continuous, exact Wilcoxon",
        e, e + rng.normal(3, 4, 7))

    add("n10_likert_ties_zeros", "n = 10 Likert 1..5 with ties and zeros: exhaustive permutation",
        [2, 3, 3, 4, 2, 5, 3, 1, 4, 3], [3, 4, 3, 5, 4, 5, 4, 2, 4, 2])

    add("n9_ties_no_zeros", "n = 9, tied |changes| but no zeros: exhaustive permutation",
        [10, 12, 9, 14, 11, 13, 8, 12, 10], [12, 14, 8, 15, 14, 12, 11, 13, 13])

    e = rng.integers(1, 6, 13)
    x = np.clip(e + rng.integers(-1, 3, 13), 1, 5)
    add("n13_ties_permutation_boundary", "n = 13 Likert, ties/zeros: the largest permutation case",
        e, x)

    e = rng.integers(1, 6, 14)
    x = np.clip(e + rng.integers(-1, 3, 14), 1, 5)
    add("n14_ties_normal_boundary", "n = 14 Likert, ties/zeros: normal approximation",
        e, x)

    e = rng.normal(3.5, 0.6, 25)
    add("n25_exact", "n = 25 continuous, no ties: exact Wilcoxon",
        e, e + rng.normal(0.3, 0.5, 25))

    e = rng.normal(3.5, 0.6, 50)
    add("n50_exact_boundary", "n = 50 continuous: the largest exact case",
        e, e + rng.normal(0.1, 0.5, 50))

    e = rng.normal(3.5, 0.6, 51)
    add("n51_normal_boundary", "n = 51 continuous: normal approximation without ties",
        e, e + rng.normal(0.1, 0.5, 51))

    e = rng.normal(60, 15, 60)
    add("n60_normal", "n = 60 continuous, moderate effect, skewed changes",
        e, e + rng.gamma(2.0, 2.0, 60) - 2.5)

    e = np.round(rng.normal(5, 1.5, 40), 1)
    x = np.round(e + rng.normal(0, 1.0, 40), 1)
    add("no_change_n40", "n = 40, no true change, one-decimal scores (float ties/zeros as scipy sees them)",
        e, x)

    e = rng.normal(3.0, 0.7, 30)
    add("large_effect_n30", "n = 30, large improvement: tiny p-values",
        e, e + rng.normal(2.0, 0.5, 30))

    e = rng.normal(70, 8, 20)
    add("negative_change_n20", "n = 20, engagement decreased",
        e, e - rng.normal(4, 5, 20))

    e = rng.integers(1, 6, 45)
    x = np.clip(e + rng.choice([-1, 0, 0, 1, 1, 2], 45), 1, 5)
    add("likert_many_ties_n45", "n = 45 Likert 1..5, many ties and zeros: normal approximation with tie correction",
        e, x)
    add("likert_many_ties_n45_cc", "same data with continuity correction (correction=True)",
        e, x, correction=True)

    e = np.round(rng.uniform(3.0, 5.0, 35), 2)
    x = np.round(np.clip(e + rng.choice([-0.2, -0.1, 0.0, 0.1, 0.2, 0.3], 35), 2, 5), 2)
    add("grades_2dp_n35_raw", "n = 35 average grades (2 decimals), raw float differences as scipy sees them",
        e, x)
    add("grades_2dp_n35_decimals2", "same grades, changes rounded to 2 decimals (np.round(d, 2)) before testing",
        e, x, change_decimals=2)

    e = rng.normal(0.0, 1.0, 1000)
    add("n1000_small_effect", "n = 1000, small effect: large df for the t distribution",
        e, e + rng.normal(0.05, 1.0, 1000))
    return out


def descriptive_cases():
    rng = np.random.default_rng(SEED + 1)
    vectors = {
        "single": [4.0],
        "odd": [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0],
        "even": [2.5, 3.5, 1.0, 4.0, 4.0, 5.0],
        "likert": [int(v) for v in rng.integers(1, 6, 31)],
        "continuous": [float(v) for v in rng.normal(3.7, 0.8, 101)],
    }
    ps = [0.0, 0.05, 0.1, 0.25, 0.3, 0.5, 0.75, 0.9, 0.95, 1.0]
    out = []
    for name, v in vectors.items():
        a = np.asarray(v, dtype=np.float64)
        out.append({
            "name": name,
            "values": strs(a),
            "mean": fnum(np.mean(a)),
            "median": fnum(np.median(a)),
            "sd": fnum(np.std(a, ddof=1)) if len(a) >= 2 else None,
            "skewness": fnum(stats.skew(a, bias=False)) if len(a) >= 3 else None,
            "ps": ps,
            "quantiles": [fnum(q) for q in np.quantile(a, ps, method="linear")],
        })
    return out


def special_cases():
    # Two-sided p-value of Student's t and of the standard normal, t quantiles.
    t_two_sided = []
    for df in [1, 2, 3, 4, 5, 9, 10, 29, 30, 49, 100, 999, 1999, 9999, 99999]:
        for t in [0.0, 0.1, 0.5, 1.0, 1.96, 2.5, 3.0, 5.0, 10.0, 40.0, 200.0]:
            t_two_sided.append({"df": df, "t": t, "p": fnum(2.0 * stats.t.sf(t, df))})
    t_quantile = []
    for df in [1, 2, 3, 4, 5, 7, 9, 10, 19, 29, 30, 49, 59, 100, 999, 1999, 9999, 99999]:
        for p in [0.6, 0.9, 0.95, 0.975, 0.995, 0.9995]:
            t_quantile.append({"df": df, "p": p, "q": fnum(stats.t.ppf(p, df))})
    normal_two_sided = [{"z": z, "p": fnum(2.0 * stats.norm.sf(z))}
                        for z in [0.0, 0.01, 0.5, 1.0, 1.2, 1.22, 1.25, 1.5, 1.959963984540054,
                                  2.5, 3.0, 4.0, 5.0, 7.5, 10.0, 15.0, 20.0, 30.0, 37.0]]
    return {"t_two_sided": t_two_sided, "t_quantile": t_quantile, "normal_two_sided": normal_two_sided}


def main():
    doc = {
        "generated_by": "make_reference.py",
        "scipy_version": scipy.__version__,
        "numpy_version": np.__version__,
        "python_version": sys.version.split()[0],
        "seed": SEED,
        "wilcoxon_options": {
            "zero_method": "wilcox",
            "correction": False,
            "alternative": "two-sided",
            "method": "auto",
        },
        "paired": datasets(),
        "descriptive": descriptive_cases(),
        "special": special_cases(),
    }
    path = HERE / "paired.json"
    path.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path} (scipy {scipy.__version__}, numpy {np.__version__}, "
          f"{len(doc['paired'])} paired datasets)")
    for ds in doc["paired"]:
        ex = ds["expected"]
        print(f"  {ds['name']:32} n={ex['n']:5} method={ex['wilcoxon_method']:17} "
              f"W={ex['wilcoxon_statistic']:<9} p_w={ex['wilcoxon_p_value']:.3g} "
              f"t={ex['t']:.4g} p_t={ex['t_p_value']:.3g} fits_t={ex['fits_t']}")


if __name__ == "__main__":
    main()
