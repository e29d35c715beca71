//! Speed of the programme's impact analytics: 10 000 participants × 10
//! parameters, paired statistics for the whole programme and for each of 5
//! groups (60 `paired` calls per run). Deterministic data (splitmix64).
//!
//!     cargo run --release --example impact_speed [participants] [rounds]
//!
//! Prints the time of one full run (min / median / max over the rounds) in
//! milliseconds. The target in the service is < 100 ms.

use std::hint::black_box;
use std::time::Instant;

use nastavnik::monitoring::stats::{PairedOptions, PairedSummary, paired_with};

const PARAMETERS: usize = 10;
const GROUPS: usize = 5;

/// splitmix64 (Steele, Lea & Flood 2014).
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

/// One measured parameter: entry and exit values of every participant.
struct Parameter {
    name: &'static str,
    entry: Vec<f64>,
    exit: Vec<f64>,
    options: PairedOptions,
}

fn generate(participants: usize) -> (Vec<Parameter>, Vec<usize>) {
    let mut rng = SplitMix64(0x4E41_5354_4156_4E49); // "NASTAVNI"
    let group: Vec<usize> = (0..participants)
        .map(|_| rng.below(GROUPS as u64) as usize)
        .collect();
    let mut parameters = Vec::with_capacity(PARAMETERS);
    for p in 0..PARAMETERS {
        let mut entry = Vec::with_capacity(participants);
        let mut exit = Vec::with_capacity(participants);
        let (name, options) = match p % 3 {
            // Likert 1..5 (engagement, self-esteem, …): many ties and zeros.
            0 => {
                for _ in 0..participants {
                    let x = 1 + rng.below(5) as i64;
                    let y = (x + rng.below(4) as i64 - 1).clamp(1, 5);
                    entry.push(x as f64);
                    exit.push(y as f64);
                }
                ("likert 1..5", PairedOptions::default())
            }
            // Average grade 2.00..5.00, two decimals.
            1 => {
                for _ in 0..participants {
                    let x = (200.0 + rng.below(301) as f64) / 100.0;
                    let y = (x + (rng.below(61) as f64 - 20.0) / 100.0).clamp(2.0, 5.0);
                    entry.push(x);
                    exit.push((y * 100.0).round() / 100.0);
                }
                (
                    "grade, 2 decimals",
                    PairedOptions {
                        change_decimals: Some(2),
                        ..Default::default()
                    },
                )
            }
            // A continuous score 0..100.
            _ => {
                for _ in 0..participants {
                    let x = 100.0 * rng.unit();
                    let y = (x + 20.0 * (rng.unit() - 0.4)).clamp(0.0, 100.0);
                    entry.push(x);
                    exit.push(y);
                }
                ("score 0..100", PairedOptions::default())
            }
        };
        parameters.push(Parameter {
            name,
            entry,
            exit,
            options,
        });
    }
    (parameters, group)
}

/// The whole analytics: every parameter for the programme and per group.
fn analytics(parameters: &[Parameter], group: &[usize]) -> Vec<PairedSummary> {
    let mut out = Vec::with_capacity(parameters.len() * (GROUPS + 1));
    let mut entry_g = Vec::new();
    let mut exit_g = Vec::new();
    for p in parameters {
        out.push(paired_with(&p.entry, &p.exit, p.options).expect("valid data"));
        for g in 0..GROUPS {
            entry_g.clear();
            exit_g.clear();
            for (i, &gi) in group.iter().enumerate() {
                if gi == g {
                    entry_g.push(p.entry[i]);
                    exit_g.push(p.exit[i]);
                }
            }
            out.push(paired_with(&entry_g, &exit_g, p.options).expect("valid data"));
        }
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let participants: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(30);

    let (parameters, group) = generate(participants);
    // Warm-up, and one look at the results.
    let results = analytics(&parameters, &group);
    for (p, r) in parameters.iter().zip(results.iter().step_by(GROUPS + 1)) {
        println!(
            "{:<18} n={} mean change {:+.4} t p={:.3e} wilcoxon {:?} p={:.3e} d_z={:+.3} fits_t={}",
            p.name,
            r.n,
            r.mean_change,
            r.t_test.p_value.unwrap_or(f64::NAN),
            r.wilcoxon.method,
            r.wilcoxon.p_value.unwrap_or(f64::NAN),
            r.cohens_dz.unwrap_or(f64::NAN),
            r.fits_t
        );
    }

    let mut times_ms: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            let results = analytics(black_box(&parameters), black_box(&group));
            black_box(&results);
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times_ms.sort_by(f64::total_cmp);
    let calls = PARAMETERS * (GROUPS + 1);
    let median = times_ms[times_ms.len() / 2];
    println!(
        "impact analytics: {participants} participants x {PARAMETERS} parameters, programme + {GROUPS} groups \
         ({calls} paired calls), {rounds} rounds: min {:.2} ms, median {:.2} ms, max {:.2} ms \
         ({:.3} ms per call at the median)",
        times_ms[0],
        median,
        times_ms[times_ms.len() - 1],
        median / calls as f64
    );
}
