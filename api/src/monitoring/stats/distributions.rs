//! Distribution functions needed by the tests: Student's t (two-sided p-value,
//! quantile) and the standard normal (two-sided p-value).
//!
//! Plain Rust, no dependency. Methods (standard, see Numerical Recipes §6.1–6.4
//! and Abramowitz & Stegun 26.2.23, 26.7.5):
//! * `ln Γ` by the Lanczos approximation (g = 7, 9 terms);
//! * Student's t tail through the regularized incomplete beta function
//!   `I_x(ν/2, 1/2)`, `x = ν/(ν+t²)`, evaluated by its continued fraction
//!   (modified Lentz) on the side where it converges, with `1 − x` passed in
//!   exactly so small tails keep their relative accuracy;
//! * the t quantile by safeguarded Newton iterations on that tail, started from
//!   the Cornish–Fisher expansion (closed forms for ν = 1, 2);
//! * `erfc` through the regularized incomplete gamma function `Q(1/2, x²)`
//!   (series below x² = 1.5, continued fraction above).
//!
//! Checked against scipy (`stats.t.sf`, `stats.t.ppf`, `stats.norm.sf`) in the
//! reference tests, df from 1 to 99 999 and tails down to 1e-300.

use std::f64::consts::PI;

/// Relative tolerance of the continued fractions and series.
const EPS: f64 = 1e-16;
/// Guard against division by zero in the modified Lentz algorithm.
const FPMIN: f64 = 1e-300;
/// Iteration cap of the continued fractions (they need O(√max(a, b)) terms).
const MAX_ITER: usize = 100_000;
/// √π.
const SQRT_PI: f64 = 1.772_453_850_905_516;

/// `ln Γ(x)` for `x > 0`.
pub(super) fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
        return (PI / (PI * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// Stirling series remainder `ω(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π]`,
/// for `x ≥ 20` (the omitted term is below 1e-19).
fn stirling_remainder(x: f64) -> f64 {
    let r = 1.0 / x;
    let r2 = r * r;
    r * (1.0 / 12.0
        - r2 * (1.0 / 360.0
            - r2 * (1.0 / 1260.0
                - r2 * (1.0 / 1680.0 - r2 * (1.0 / 1188.0 - r2 * 691.0 / 360_360.0)))))
}

/// `ln B(a, b)`. For a large argument, `ln Γ(a) − ln Γ(a + b)` is taken from the
/// Stirling series directly instead of subtracting two large logarithms (which
/// would lose ~10 digits at a = 50 000, i.e. df = 100 000).
fn ln_beta(a: f64, b: f64) -> f64 {
    let (small, large) = if a < b { (a, b) } else { (b, a) };
    if large < 20.0 {
        return ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b);
    }
    // ln Γ(L) − ln Γ(L + s) = −(L − ½)·ln(1 + s/L) − s·ln(L + s) + s + ω(L) − ω(L + s).
    let sum = large + small;
    let diff = -(large - 0.5) * (small / large).ln_1p() - small * sum.ln()
        + small
        + (stirling_remainder(large) - stirling_remainder(sum));
    ln_gamma(small) + diff
}

/// Continued fraction of the incomplete beta function (Numerical Recipes `betacf`).
fn beta_cf(a: f64, b: f64, x: f64) -> f64 {
    let qab = a + b;
    let qap = a + 1.0;
    let qam = a - 1.0;
    let guard = |v: f64| if v.abs() < FPMIN { FPMIN } else { v };
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..=MAX_ITER {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// Regularized incomplete beta `I_x(a, b)`, with `y = 1 − x` given exactly by
/// the caller.
pub(super) fn inc_beta(a: f64, b: f64, x: f64, y: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if y <= 0.0 {
        return 1.0;
    }
    // ln x and ln y from whichever of x, y is small, so that a·ln x keeps its
    // relative accuracy when x is close to 1 and a is large.
    let (ln_x, ln_y) = if x > 0.5 {
        ((-y).ln_1p(), y.ln())
    } else {
        (x.ln(), (-x).ln_1p())
    };
    let front = (a * ln_x + b * ln_y - ln_beta(a, b)).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(a, b, x) / a
    } else {
        1.0 - front * beta_cf(b, a, y) / b
    }
}

/// Two-sided p-value `P(|T| ≥ |t|)` of Student's t with `df` degrees of freedom.
pub(super) fn t_two_sided_p(t: f64, df: f64) -> f64 {
    if t.is_nan() {
        return f64::NAN;
    }
    if t == 0.0 {
        return 1.0;
    }
    if t.is_infinite() {
        return 0.0;
    }
    let t2 = t * t;
    let x = df / (df + t2);
    let y = t2 / (df + t2);
    inc_beta(0.5 * df, 0.5, x, y).clamp(0.0, 1.0)
}

/// Upper tail `P(T ≥ t)` for `t ≥ 0`.
fn t_upper_tail(t: f64, df: f64) -> f64 {
    0.5 * t_two_sided_p(t, df)
}

/// Density of Student's t.
fn t_pdf(t: f64, df: f64) -> f64 {
    // 1 / (√ν · B(ν/2, ½)) · (1 + t²/ν)^(−(ν+1)/2)
    let ln_c = -ln_beta(0.5 * df, 0.5) - 0.5 * df.ln();
    (ln_c - 0.5 * (df + 1.0) * (t * t / df).ln_1p()).exp()
}

/// Rough standard normal quantile for `0 < q ≤ 0.5` upper tail (A&S 26.2.23,
/// |error| < 4.5e-4); only a starting point.
fn normal_upper_quantile_rough(q: f64) -> f64 {
    let t = (-2.0 * q.ln()).sqrt();
    t - (2.515_517 + 0.802_853 * t + 0.010_328 * t * t)
        / (1.0 + 1.432_788 * t + 0.189_269 * t * t + 0.001_308 * t * t * t)
}

/// Quantile of Student's t: the `t` with `P(T ≤ t) = p`, for `0 < p < 1`.
pub(super) fn t_quantile(p: f64, df: f64) -> f64 {
    let valid = p > 0.0 && p < 1.0 && df > 0.0;
    if !valid {
        return f64::NAN;
    }
    if p == 0.5 {
        return 0.0;
    }
    if p < 0.5 {
        return -t_upper_quantile(p, df);
    }
    t_upper_quantile(1.0 - p, df)
}

/// The `t ≥ 0` with upper tail `P(T ≥ t) = q`, `0 < q < 0.5`.
fn t_upper_quantile(q: f64, df: f64) -> f64 {
    if df == 1.0 {
        // Cauchy.
        return 1.0 / (PI * q).tan();
    }
    if df == 2.0 {
        return (1.0 - 2.0 * q) / (2.0 * q * (1.0 - q)).sqrt();
    }
    // Cornish–Fisher start (A&S 26.7.5).
    let z = normal_upper_quantile_rough(q);
    let z2 = z * z;
    let g1 = (z2 + 1.0) * z / 4.0;
    let g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
    let g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
    let g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92_160.0;
    let mut t = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
    if !(t.is_finite() && t > 0.0) {
        t = z.max(1.0);
    }
    // Safeguarded Newton on g(t) = tail(t) − q, decreasing in t.
    let mut lo = 0.0_f64;
    let mut hi = f64::INFINITY;
    for _ in 0..200 {
        let g = t_upper_tail(t, df) - q;
        if g == 0.0 {
            return t;
        }
        if g > 0.0 {
            lo = t;
        } else {
            hi = t;
        }
        let mut next = t + g / t_pdf(t, df);
        if !(next.is_finite() && next > lo && next < hi) {
            next = if hi.is_finite() {
                0.5 * (lo + hi)
            } else {
                2.0 * t
            };
        }
        if (next - t).abs() <= 4.0 * f64::EPSILON * next.abs() {
            return next;
        }
        t = next;
    }
    t
}

/// Complementary error function.
pub(super) fn erfc(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return 2.0 - erfc(-x);
    }
    let x2 = x * x;
    if x2 < 1.5 {
        // erf(x) = 2x/√π · e^{−x²} · Σ (2x²)^n / (1·3·…·(2n+1)).
        let mut term = 1.0;
        let mut sum = 1.0;
        let mut n = 0.0;
        loop {
            n += 1.0;
            term *= 2.0 * x2 / (2.0 * n + 1.0);
            sum += term;
            if term < sum * EPS {
                break;
            }
        }
        1.0 - 2.0 * x / SQRT_PI * (-x2).exp() * sum
    } else {
        // Q(1/2, x²) by its continued fraction (Numerical Recipes `gcf`).
        let a = 0.5;
        let guard = |v: f64| if v.abs() < FPMIN { FPMIN } else { v };
        let mut b = x2 + 1.0 - a;
        let mut c = 1.0 / FPMIN;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..=MAX_ITER {
            let i = i as f64;
            let an = -i * (i - a);
            b += 2.0;
            d = 1.0 / guard(an * d + b);
            c = guard(b + an / c);
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < EPS {
                break;
            }
        }
        (-x2).exp() * x / SQRT_PI * h
    }
}

/// Two-sided p-value `P(|Z| ≥ |z|)` of the standard normal.
pub(super) fn normal_two_sided_p(z: f64) -> f64 {
    erfc(z.abs() / std::f64::consts::SQRT_2).clamp(0.0, 1.0)
}
