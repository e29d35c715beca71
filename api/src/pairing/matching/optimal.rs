//! `optimal`: the exact maximum-score assignment with mentor capacities.
//!
//! A min-cost flow on the mentor-level graph: source → mentor (capacity: the places left after
//! locked pairs), mentor → mentee (cost −benefit), mentee → sink, and mentor → sink at cost 0 (a
//! place left empty, so no place is forced). A mentor is one node however many places it has.
//!
//! 1. Every pair is scored into a dense matrix (one row of mentees per mentor).
//! 2. The flow is solved on a sparse candidate graph — each mentor's best mentees and each mentee's
//!    best mentors — by successive shortest paths with potentials (`flow.rs`).
//! 3. The potentials are checked against every pair of the dense matrix; a pair they price below
//!    zero is added to the graph and repaired, or, when there are many, the flow is solved again
//!    on a graph that has them. No pair violated: the potentials prove the assignment optimal on
//!    the full problem, not just on the graph.
//!
//! Dense scoring costs rows × columns × 2 bytes (20 MB for 5 000 × 2 000). The solve is slowest
//! when places far outnumber mentees: each mentor's first surplus place searches widely before it
//! settles for staying empty.
//!
//! Exactness: integer costs; Dijkstra is exact on non-negative reduced costs and every step keeps
//! them non-negative on the residual graph, so the final flow has no negative cycle. The objectives
//! are folded into one integer benefit per pair, with `k` = (the most pairs possible) + 1:
//! - `Score`: benefit = score · k + 1 — a higher total always wins, and among equal totals the
//!   assignment with more pairs (the +1s add up to less than k);
//! - `Participation`: benefit = score + 5 000 · k — one more pair outweighs any total score.
//!
//! Determinism: a fixed order of searches (mentors by index, one place per round) and fixed
//! tie-breaks (the sink first, then the lowest index).

use super::Assignment;
use super::flow::{FREE, Solver};
use super::input::{Criterion, MenteeIx, MentorIx, Objective};
use super::score::{MAX_SCORE, Prepared};

/// A pair that cannot be proposed, in the score matrix.
pub const NONE: u16 = u16::MAX;

/// How big the candidate graph starts and when repairs give way to a new solve. Any values give
/// the same (exact) result; these only move the time between the phases.
#[derive(Clone, Copy, Debug)]
pub struct Tuning {
    /// Best mentees kept per mentor, besides two per place.
    pub mentees_per_mentor: usize,
    /// Best mentors kept per mentee.
    pub mentors_per_mentee: usize,
    /// More violated pairs than this after a solve are cheaper to fold into a new graph and solve
    /// again than to repair one by one (a bounded Dijkstra each).
    pub repairs_at_most: usize,
}

impl Tuning {
    /// Measured on the 5 000 × 2 000 benchmark: a few dozen repairs, no second solve.
    pub const DEFAULT: Tuning = Tuning { mentees_per_mentor: 24, mentors_per_mentee: 16, repairs_at_most: 256 };
    /// The whole dense graph: plain successive shortest paths, nothing to repair.
    pub const EVERY_PAIR: Tuning = Tuning { mentees_per_mentor: usize::MAX / 4, mentors_per_mentee: 0, repairs_at_most: 0 };
}

/// Rounds of repairs before giving up on the sparse graph (each round adds edges, so the rounds
/// end anyway; this bounds the time when the candidate graph was very wrong).
const REPAIR_ROUNDS: usize = 16;

/// Assigns the `free` mentees to mentors with `places[m]` places left each.
pub fn assign(prep: &Prepared, places: &[u32], free: &[MenteeIx], objective: Objective) -> Assignment {
    assign_tuned(prep, places, free, objective, Tuning::DEFAULT)
}

/// `assign` with the candidate graph's sizes given (the tests shrink them to force repairs).
pub fn assign_tuned(prep: &Prepared, places: &[u32], free: &[MenteeIx], objective: Objective, tuning: Tuning) -> Assignment {
    let rows: Vec<MentorIx> = (0..places.len()).filter(|&m| prep.instance.mentors[m].barrier.is_none()).collect();
    let units: Vec<u32> = rows.iter().map(|&m| places[m]).collect();
    let (scores, mut graph) = Scores::build(prep, &rows, free, &units, tuning);
    let most_pairs = free.len().min(units.iter().map(|&u| u as usize).sum());
    let k = most_pairs as i64 + 1;
    let benefit = match objective {
        Objective::Score => Benefit { per_point: k, per_pair: 1 },
        Objective::Participation => Benefit { per_point: 1, per_pair: MAX_SCORE * k },
    };
    let mate = loop {
        let mut solver = Solver::new(&scores, graph, benefit, &units);
        let most_units = units.iter().copied().max().unwrap_or(0);
        // Round by round, one place per mentor: the first places are the cheap, greedy-like paths.
        for round in 0..most_units {
            for (r, &u) in units.iter().enumerate() {
                if u > round {
                    solver.augment(r);
                }
            }
        }
        let mut rounds = 0;
        let violated = loop {
            let violated = solver.violations();
            if violated.is_empty() || violated.len() > tuning.repairs_at_most || rounds == REPAIR_ROUNDS {
                break violated;
            }
            solver.repair_all(&violated);
            rounds += 1;
        };
        if violated.is_empty() {
            break solver.mate;
        }
        // The graph missed too much: start again on a graph with every violated pair in it (or,
        // after many rounds of repairs, on every pair: that one cannot miss anything).
        graph = if rounds == REPAIR_ROUNDS { scores.candidates(&units, Tuning::EVERY_PAIR) } else { solver.graph_with(&violated) };
    };
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (c, &mentee) in free.iter().enumerate() {
        match mate[c] {
            FREE => unmatched.push((mentee, (0..rows.len()).filter(|&r| scores.get(r, c) != NONE).count())),
            r => pairs.push((rows[r as usize], mentee)),
        }
    }
    Assignment { pairs, unmatched }
}

/// The objective folded into one integer per pair (see the module's documentation).
#[derive(Clone, Copy)]
pub struct Benefit {
    per_point: i64,
    per_pair: i64,
}

impl Benefit {
    #[inline]
    pub fn of(self, w: u16) -> i64 {
        i64::from(w) * self.per_point + self.per_pair
    }
}

/// The scores of every candidate pair, a row of mentees per mentor, NONE where infeasible.
pub struct Scores {
    pub cols: usize,
    cells: Vec<u16>,
}

impl Scores {
    /// The matrix, and the candidate graph's edges per row (column indices, sorted).
    fn build(prep: &Prepared, rows: &[MentorIx], cols: &[MenteeIx], units: &[u32], tuning: Tuning) -> (Scores, Vec<Vec<u32>>) {
        let instance = prep.instance;
        let n = cols.len();
        let mut cells = vec![NONE; rows.len() * n];
        let mut row_of = vec![None; instance.mentors.len()];
        rows.iter().enumerate().for_each(|(r, &m)| row_of[m] = Some(r));
        let mut col_of = vec![None; instance.mentees.len()];
        cols.iter().enumerate().for_each(|(c, &e)| col_of[e] = Some(c));
        if prep.is_must(Criterion::MenteePreference) || prep.is_must(Criterion::MentorPreference) {
            // Only ranked pairs can be feasible: score just those, from the lists of a "must" side.
            let ranked: Vec<(MentorIx, MenteeIx)> = if prep.is_must(Criterion::MenteePreference) {
                cols.iter().flat_map(|&e| instance.mentees[e].preferences.iter().map(move |&(m, _)| (m, e))).collect()
            } else {
                rows.iter().flat_map(|&m| instance.mentors[m].preferences.iter().map(move |&(e, _)| (m, e))).collect()
            };
            for (m, e) in ranked {
                if let (Some(r), Some(c)) = (row_of[m], col_of[e]) {
                    // A score is at most MAX_SCORE = 5 000, inside u16 and below NONE.
                    cells[r * n + c] = prep.base(m, e).zip(prep.preference(m, e)).map_or(NONE, |(b, p)| (b + p) as u16);
                }
            }
        } else {
            // Dense: the criteria every pair has, then the points of the (few) ranked pairs.
            let columns = prep.mentee_columns(cols);
            let mut row_buf = vec![None; n];
            for (r, &m) in rows.iter().enumerate() {
                prep.fill_row(m, &columns, &mut row_buf);
                for (cell, value) in cells[r * n..(r + 1) * n].iter_mut().zip(&row_buf) {
                    *cell = value.unwrap_or(NONE);
                }
            }
            let mut add = |r: usize, c: usize, points: Option<i64>| {
                let cell = &mut cells[r * n + c];
                if *cell != NONE {
                    *cell += points.unwrap_or(0) as u16;
                }
            };
            for (c, &e) in cols.iter().enumerate() {
                for &(m, rank) in &instance.mentees[e].preferences {
                    if let Some(r) = row_of[m] {
                        add(r, c, prep.mentee_preference_points(Some(rank)));
                    }
                }
            }
            for (r, &m) in rows.iter().enumerate() {
                for &(e, rank) in &instance.mentors[m].preferences {
                    if let Some(c) = col_of[e] {
                        add(r, c, prep.mentor_preference_points(Some(rank)));
                    }
                }
            }
        }
        for &(m, e) in &instance.excluded {
            if let (Some(r), Some(c)) = (row_of[m], col_of[e]) {
                cells[r * n + c] = NONE;
            }
        }
        let scores = Scores { cols: n, cells };
        let graph = scores.candidates(units, tuning);
        (scores, graph)
    }

    pub fn row(&self, r: usize) -> &[u16] {
        &self.cells[r * self.cols..(r + 1) * self.cols]
    }

    pub fn get(&self, r: usize, c: usize) -> u16 {
        self.cells[r * self.cols + c]
    }

    /// The candidate graph: per mentor with places, its best `mentees_per_mentor + 2 · places`
    /// mentees, plus every mentee's best `mentors_per_mentee` mentors. Ties go to the lower index.
    pub fn candidates(&self, units: &[u32], tuning: Tuning) -> Vec<Vec<u32>> {
        let n = self.cols;
        let mut by_row: Vec<Best> = units.iter().map(|&u| Best::new(if u == 0 { 0 } else { tuning.mentees_per_mentor + 2 * u as usize })).collect();
        let mut by_col: Vec<Best> = (0..n).map(|_| Best::new(tuning.mentors_per_mentee)).collect();
        for (r, best_of_row) in by_row.iter_mut().enumerate().filter(|&(r, _)| units[r] > 0) {
            for (c, &w) in self.row(r).iter().enumerate() {
                if w != NONE {
                    best_of_row.offer(w, c as u32);
                    by_col[c].offer(w, r as u32);
                }
            }
        }
        let mut lists: Vec<Vec<u32>> = by_row.into_iter().map(Best::into_ids).collect();
        for (c, best) in by_col.into_iter().enumerate() {
            for r in best.into_ids() {
                lists[r as usize].push(c as u32);
            }
        }
        for list in &mut lists {
            list.sort_unstable();
            list.dedup();
        }
        lists
    }
}

/// The `keep` best (score, id) offers, higher score first, then lower id; ids must be offered in
/// increasing order. Amortised O(1) per offer: a buffer trimmed to `keep` when it doubles.
struct Best {
    keep: usize,
    /// Offers scoring at most this (after the first trim) cannot get in.
    floor: Option<u16>,
    keys: Vec<u64>,
}

impl Best {
    fn new(keep: usize) -> Best {
        Best { keep, floor: None, keys: Vec::new() }
    }

    #[inline]
    fn offer(&mut self, w: u16, id: u32) {
        if self.keep == 0 || self.floor.is_some_and(|floor| w <= floor) {
            return;
        }
        // Smaller key = better: higher score, then lower id.
        self.keys.push((u64::from(NONE - w) << 32) | u64::from(id));
        if self.keys.len() >= 2 * self.keep {
            self.trim();
        }
    }

    fn trim(&mut self) {
        if self.keys.len() > self.keep {
            self.keys.select_nth_unstable(self.keep);
            self.keys.truncate(self.keep);
            let worst = self.keys.iter().max().copied().unwrap_or(0);
            self.floor = Some(NONE - (worst >> 32) as u16);
        }
    }

    fn into_ids(mut self) -> Vec<u32> {
        self.trim();
        self.keys.into_iter().map(|key| key as u32).collect()
    }
}

