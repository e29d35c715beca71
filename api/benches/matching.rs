//! The matching engine at the sizes the speed targets name, on deterministic instances:
//! - optimal: 5 000 mentees × 2 000 mentors, capacity 1..=3, every pair feasible (target < 0.5 s);
//! - stable: 20 000 mentees × 4 000 mentors, preference lists of 10 (target < 50 ms).
//!
//! `cargo bench -p nastavnik --bench matching` (here: `cargo bench --bench matching`). Both time
//! the whole `solve` (validation, scoring, the algorithm, contributions and reasons), not the
//! algorithm alone; freeing the outcome is left out (`iter_with_large_drop`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
// In the service: `use nastavnik::pairing::matching as m;`
use nastavnik::pairing::matching as m;

/// SplitMix64: a few lines, deterministic, good enough to draw test instances.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in lo..=hi.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// `k` distinct values below `n`, in drawing order.
    fn distinct(&mut self, k: usize, n: usize) -> Vec<usize> {
        let mut out = Vec::with_capacity(k);
        while out.len() < k.min(n) {
            let v = (self.next() % n as u64) as usize;
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }
}

const TAGS: [&str; 14] = [
    "academic_results",
    "exam_preparation",
    "olympiads",
    "adaptation",
    "communication",
    "leadership",
    "projects",
    "career_guidance",
    "digital_skills",
    "creativity",
    "sport",
    "emotional_support",
    "school_life",
    "teaching_methods",
];
const ROLES: [m::RoleModel; 4] =
    [m::RoleModel::AchieverUnderachiever, m::RoleModel::LeaderPassive, m::RoleModel::PeerPeer, m::RoleModel::AdaptedUnadapted];

fn tags(rng: &mut Rng, lo: u64, hi: u64) -> Vec<String> {
    let k = rng.range(lo, hi) as usize;
    rng.distinct(k, TAGS.len()).into_iter().map(|i| TAGS[i].to_owned()).collect()
}

/// `k` ranks of distinct people below `n`: ranks 1..=k with a tie now and then.
fn ranks(rng: &mut Rng, k: usize, n: usize) -> Vec<(usize, u8)> {
    let mut rank = 0u8;
    rng.distinct(k, n)
        .into_iter()
        .map(|i| {
            if rank == 0 || !rng.chance(20) {
                rank += 1;
            }
            (i, rank)
        })
        .collect()
}

/// Student–student in a big school network: mentees in grades 5–8, mentors in 9–11 (so the
/// grade rule holds for every pair and all pairs are feasible), 1–3 request tags against 2–5
/// competencies, a role model each, and a share of people who ranked a few of the other side.
fn dense(mentees: usize, mentors: usize, seed: u64) -> m::Instance {
    let mut rng = Rng(seed);
    let mentor_list = (0..mentors)
        .map(|_| {
            let carried = rng.range(1, 2) as usize;
            m::Mentor {
                tags: tags(&mut rng, 2, 5),
                grade: Some(rng.range(9, 11) as i32),
                capacity: rng.range(1, 3) as u32,
                role_models: rng.distinct(carried, ROLES.len()).into_iter().map(|i| ROLES[i]).collect(),
                barrier: None,
                preferences: if rng.chance(30) { ranks(&mut rng, 5, mentees) } else { Vec::new() },
            }
        })
        .collect();
    let mentee_list = (0..mentees)
        .map(|_| m::Mentee {
            tags: tags(&mut rng, 1, 3),
            grade: Some(rng.range(5, 8) as i32),
            role_model: Some(ROLES[rng.range(0, 3) as usize]),
            preferences: if rng.chance(40) { ranks(&mut rng, 5, mentors) } else { Vec::new() },
        })
        .collect();
    m::Instance {
        mentors: mentor_list,
        mentees: mentee_list,
        weights: m::Weights::default(),
        locked: Vec::new(),
        excluded: Vec::new(),
        higher_grade_required: true,
        algorithm: m::Algorithm::Optimal,
        objective: m::Objective::Score,
    }
}

/// The stable benchmark: every mentee ranks 10 mentors, every mentor 10 mentees.
fn with_lists(mentees: usize, mentors: usize, seed: u64) -> m::Instance {
    let mut instance = dense(mentees, mentors, seed);
    let mut rng = Rng(seed ^ 0xA5A5);
    for e in &mut instance.mentees {
        e.preferences = ranks(&mut rng, 10, mentors);
    }
    for mentor in &mut instance.mentors {
        mentor.preferences = ranks(&mut rng, 10, mentees);
    }
    instance.algorithm = m::Algorithm::Stable;
    instance
}

fn benches(c: &mut Criterion) {
    let optimal = dense(5_000, 2_000, 1);
    let mut group = c.benchmark_group("matching");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    // Freeing the outcome (thousands of proposals with their reasons) is the caller's business.
    group.bench_function("optimal_5000x2000_dense", |b| b.iter_with_large_drop(|| m::solve(black_box(&optimal))));
    let stable = with_lists(20_000, 4_000, 2);
    group.sample_size(30);
    group.bench_function("stable_20000x4000_lists10", |b| b.iter_with_large_drop(|| m::solve(black_box(&stable))));
    group.finish();
}

criterion_group!(matching, benches);
criterion_main!(matching);
