//! `optimal`: the exact maximum-score assignment with mentor capacities.
//!
//! A min-cost flow on the mentor-level graph: source → mentor (capacity: the places left after
//! locked pairs), mentor → mentee (cost −benefit), mentee → sink, and mentor → sink at cost 0 (a
//! place left empty, so no place is forced). A mentor is one node however many places it has.
//!
//! 1. Every pair is scored into a dense matrix (one row of mentees per mentor).
//! 2. The flow is solved on a sparse candidate graph — each mentor's best mentees and each mentee's
//!    best mentors — by successive shortest paths with potentials: one unit of a mentor's capacity
//!    at a time, Dijkstra on reduced costs, stopping as soon as the sink is nearest. Free mentees
//!    keep the sink's potential, so reaching one reaches the sink: ties end a search early.
//! 3. The potentials are checked against every pair of the dense matrix. A pair they price below
//!    zero is added to the graph and repaired: a Dijkstra from its mentee, bounded by the amount of
//!    the violation, either finds a negative cycle through the pair (cancelled: the assignment
//!    improves) or moves potentials so that the pair is priced right. Repeat until no pair is
//!    violated: then the potentials prove the assignment optimal on the full problem.
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

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use super::Assignment;
use super::input::{Criterion, MenteeIx, MentorIx, Objective};
use super::score::{MAX_SCORE, Prepared};

/// A pair that cannot be proposed, in the score matrix.
const NONE: u16 = u16::MAX;
/// Farther than any real distance, with room to add without overflow.
const INF: i64 = i64::MAX / 4;
/// A mentee without a mentor, in `mate`.
const FREE: u32 = u32::MAX;
/// Best mentees kept per mentor in the candidate graph, besides two per place.
const MENTEES_PER_MENTOR: usize = 24;
/// Best mentors kept per mentee in the candidate graph.
const MENTORS_PER_MENTEE: usize = 16;

/// Assigns the `free` mentees to mentors with `places[m]` places left each.
pub fn assign(prep: &Prepared, places: &[u32], free: &[MenteeIx], objective: Objective) -> Assignment {
    let rows: Vec<MentorIx> = (0..places.len()).filter(|&m| prep.instance.mentors[m].barrier.is_none()).collect();
    let units: Vec<u32> = rows.iter().map(|&m| places[m]).collect();
    let (scores, graph) = Scores::build(prep, &rows, free, &units);
    let most_pairs = free.len().min(units.iter().map(|&u| u as usize).sum());
    let k = most_pairs as i64 + 1;
    let benefit = match objective {
        Objective::Score => Benefit { per_point: k, per_pair: 1 },
        Objective::Participation => Benefit { per_point: 1, per_pair: MAX_SCORE * k },
    };
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
    loop {
        let violated = solver.violations();
        eprintln!("violations {}", violated.len());
        if violated.is_empty() {
            break;
        }
        for (r, c) in violated {
            solver.repair(r, c);
        }
    }
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (c, &mentee) in free.iter().enumerate() {
        match solver.mate[c] {
            FREE => unmatched.push((mentee, (0..rows.len()).filter(|&r| scores.get(r, c) != NONE).count())),
            r => pairs.push((rows[r as usize], mentee)),
        }
    }
    Assignment { pairs, unmatched }
}

/// The objective folded into one integer per pair (see the module's documentation).
#[derive(Clone, Copy)]
struct Benefit {
    per_point: i64,
    per_pair: i64,
}

impl Benefit {
    #[inline]
    fn of(self, w: u16) -> i64 {
        i64::from(w) * self.per_point + self.per_pair
    }
}

/// The scores of every candidate pair, a row of mentees per mentor, NONE where infeasible.
struct Scores {
    cols: usize,
    cells: Vec<u16>,
}

impl Scores {
    /// The matrix, and the candidate graph's edges per row (column indices, sorted).
    fn build(prep: &Prepared, rows: &[MentorIx], cols: &[MenteeIx], units: &[u32]) -> (Scores, Vec<Vec<u32>>) {
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
        let graph = scores.candidates(units);
        (scores, graph)
    }

    fn row(&self, r: usize) -> &[u16] {
        &self.cells[r * self.cols..(r + 1) * self.cols]
    }

    fn get(&self, r: usize, c: usize) -> u16 {
        self.cells[r * self.cols + c]
    }

    /// The candidate graph: per mentor with places, its best `MENTEES_PER_MENTOR + 2 · places`
    /// mentees, plus every mentee's best `MENTORS_PER_MENTEE` mentors. Ties go to the lower index.
    fn candidates(&self, units: &[u32]) -> Vec<Vec<u32>> {
        let n = self.cols;
        let mut by_row: Vec<Best> = units.iter().map(|&u| Best::new(if u == 0 { 0 } else { MENTEES_PER_MENTOR + 2 * u as usize })).collect();
        let mut by_col: Vec<Best> = (0..n).map(|_| Best::new(MENTORS_PER_MENTEE)).collect();
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

/// How the sink was reached: through a free mentee, or by a mentor leaving a place empty.
#[derive(Clone, Copy)]
enum Last {
    Mentee(usize),
    EmptyPlace(usize),
}

/// A node of the residual graph, for the repair's general Dijkstra.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Node {
    Row(u32),
    Col(u32),
    Sink,
}

/// The flow and its potentials; `r` indexes mentors (rows), `c` mentees (columns). Reduced costs:
/// mentor→mentee `row_pot[r] − benefit − col_pot[c]`, mentee→its mentor `benefit + col_pot[c] −
/// row_pot[r]` (0: assigned pairs are tight), free mentee→sink `col_pot[c] − sink_pot`, mentor→sink
/// (an empty place) `row_pot[r] − sink_pot`, and the reverse of the last two for used ones.
struct Solver<'s> {
    scores: &'s Scores,
    benefit: Benefit,
    /// The candidate graph: per row, (column, benefit).
    edges: Vec<Vec<(u32, i64)>>,
    units: &'s [u32],
    row_pot: Vec<i64>,
    col_pot: Vec<i64>,
    sink_pot: i64,
    /// The row each column is assigned to, or FREE.
    mate: Vec<u32>,
    // The augmenting Dijkstra's state, kept between searches.
    heap: BinaryHeap<Reverse<(i64, u32)>>,
    dist: Vec<i64>,
    pred: Vec<u32>,
    col_done: Vec<bool>,
    row_done: Vec<bool>,
    row_dist: Vec<i64>,
    /// The column through which a row was reached.
    row_via: Vec<usize>,
    rows_seen: Vec<usize>,
    cols_seen: Vec<usize>,
    cols_touched: Vec<usize>,
}

impl<'s> Solver<'s> {
    fn new(scores: &'s Scores, graph: Vec<Vec<u32>>, benefit: Benefit, units: &'s [u32]) -> Self {
        let n = scores.cols;
        let n_rows = graph.len();
        let edges: Vec<Vec<(u32, i64)>> = graph
            .into_iter()
            .enumerate()
            .map(|(r, cols)| cols.into_iter().map(|c| (c, benefit.of(scores.get(r, c as usize)))).collect())
            .collect();
        // Feasible start: a mentor's potential is its best benefit (or 0), so every reduced cost
        // is ≥ 0; mentees and the sink start at 0.
        let row_pot = edges.iter().map(|list| list.iter().map(|&(_, b)| b).max().unwrap_or(0).max(0)).collect();
        Solver {
            scores,
            benefit,
            edges,
            units,
            row_pot,
            col_pot: vec![0; n],
            sink_pot: 0,
            mate: vec![FREE; n],
            heap: BinaryHeap::new(),
            dist: vec![INF; n],
            pred: vec![0; n],
            col_done: vec![false; n],
            row_done: vec![false; n_rows],
            row_dist: vec![0; n_rows],
            row_via: vec![0; n_rows],
            rows_seen: Vec::new(),
            cols_seen: Vec::new(),
            cols_touched: Vec::new(),
        }
    }

    /// Sends one more unit of mentor `source`'s capacity along a shortest path to the sink.
    /// Needs the sink's potential at 0 and free mentees at the sink's potential.
    fn augment(&mut self, source: usize) {
        let (mut r, mut d) = (source, 0i64);
        // The sink's distance and how it is reached; the source can always leave the place empty.
        let mut sink = (INF, Last::EmptyPlace(source));
        'search: loop {
            self.row_done[r] = true;
            self.row_dist[r] = d;
            self.rows_seen.push(r);
            let empty = d + self.row_pot[r];
            if empty < sink.0 {
                sink = (empty, Last::EmptyPlace(r));
            }
            self.relax(r, d, &mut sink);
            while let Some(Reverse((dc, c))) = self.heap.pop() {
                let c = c as usize;
                if self.col_done[c] || dc > self.dist[c] {
                    continue; // a stale entry
                }
                if dc >= sink.0 {
                    break 'search;
                }
                self.col_done[c] = true;
                self.cols_seen.push(c);
                // Only mentees with a mentor are queued (see `relax`).
                let m = self.mate[c] as usize;
                if !self.row_done[m] {
                    (r, d) = (m, dc);
                    self.row_via[r] = c;
                    continue 'search;
                }
            }
            break;
        }
        let (sink_dist, last) = sink;
        // Potentials: settled nodes move by (distance − sink distance); the rest stay.
        for &r in &self.rows_seen {
            self.row_pot[r] += self.row_dist[r] - sink_dist;
            self.row_done[r] = false;
        }
        for &c in &self.cols_seen {
            self.col_pot[c] += self.dist[c] - sink_dist;
            self.col_done[c] = false;
        }
        for &c in &self.cols_touched {
            self.dist[c] = INF;
        }
        self.rows_seen.clear();
        self.cols_seen.clear();
        self.cols_touched.clear();
        self.heap.clear();
        // Walk the path back: each mentee on it moves to the mentor it was reached from.
        let mut r = match last {
            Last::EmptyPlace(r) => r,
            Last::Mentee(c) => {
                let r = self.pred[c];
                self.mate[c] = r;
                r as usize
            }
        };
        while r != source {
            let c = self.row_via[r];
            let from = self.pred[c];
            self.mate[c] = from;
            r = from as usize;
        }
    }

    /// Relaxes row `r`'s edges. A free mentee's edge to the sink costs 0 (free mentees keep the
    /// sink's potential: they are never settled, the sink always comes first), so reaching one is
    /// reaching the sink: it is not queued, and ties end the search instead of widening it.
    #[inline]
    fn relax(&mut self, r: usize, d: i64, sink: &mut (i64, Last)) {
        let base = d + self.row_pot[r];
        for &(c, b) in &self.edges[r] {
            let c = c as usize;
            let nd = base - b - self.col_pot[c];
            if nd < self.dist[c] {
                if self.dist[c] == INF {
                    self.cols_touched.push(c);
                }
                self.dist[c] = nd;
                self.pred[c] = r as u32;
                if self.mate[c] == FREE {
                    if nd < sink.0 {
                        *sink = (nd, Last::Mentee(c));
                    }
                } else {
                    self.heap.push(Reverse((nd, c as u32)));
                }
            }
        }
    }

    /// The pairs of the full matrix that the potentials price below zero, by row then column: if
    /// there are none, the potentials prove the assignment optimal on every feasible pair, not just
    /// on the graph's. Mentors without places take nobody and are skipped.
    fn violations(&self) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for r in (0..self.units.len()).filter(|&r| self.units[r] > 0) {
            let pot = self.row_pot[r];
            for (c, (&w, &col_pot)) in self.scores.row(r).iter().zip(&self.col_pot).enumerate() {
                if w != NONE && pot - self.benefit.of(w) - col_pot < 0 {
                    found.push((r, c));
                }
            }
        }
        found
    }

    fn pot(&self, node: Node) -> i64 {
        match node {
            Node::Row(r) => self.row_pot[r as usize],
            Node::Col(c) => self.col_pot[c as usize],
            Node::Sink => self.sink_pot,
        }
    }

    fn pot_mut(&mut self, node: Node) -> &mut i64 {
        match node {
            Node::Row(r) => &mut self.row_pot[r as usize],
            Node::Col(c) => &mut self.col_pot[c as usize],
            Node::Sink => &mut self.sink_pot,
        }
    }

    /// The residual edges out of `node` with their costs (not reduced).
    fn residual(&self, node: Node, empty: &[u32], out: &mut Vec<(Node, i64)>) {
        out.clear();
        match node {
            Node::Row(r) => {
                for &(c, b) in &self.edges[r as usize] {
                    if self.mate[c as usize] != r {
                        out.push((Node::Col(c), -b));
                    }
                }
                out.push((Node::Sink, 0));
            }
            Node::Col(c) => match self.mate[c as usize] {
                FREE => out.push((Node::Sink, 0)),
                m => out.push((Node::Row(m), self.benefit.of(self.scores.get(m as usize, c as usize)))),
            },
            Node::Sink => {
                for (c, &m) in self.mate.iter().enumerate() {
                    if m != FREE {
                        out.push((Node::Col(c as u32), 0));
                    }
                }
                for (r, &e) in empty.iter().enumerate() {
                    if e > 0 {
                        out.push((Node::Row(r as u32), 0));
                    }
                }
            }
        }
    }

    /// Adds the violated pair (r, c) to the graph without breaking the potentials. A Dijkstra from
    /// `c` to `r`, bounded by the violation: if it reaches `r` closer than that, the pair closes a
    /// negative cycle, which is cancelled (r takes c; everyone on the way moves one step). Either
    /// way the settled nodes' potentials move so that every residual edge, the new one included,
    /// has a non-negative reduced cost again.
    fn repair(&mut self, r: usize, c: usize) {
        let w = self.scores.get(r, c);
        let b = self.benefit.of(w);
        let violation = -(self.row_pot[r] - b - self.col_pot[c]);
        if violation <= 0 || self.mate[c] == r as u32 {
            self.edges[r].push((c as u32, b));
            return; // an earlier repair already priced it right
        }
        let mut empty: Vec<u32> = self.units.to_vec();
        for &m in self.mate.iter().filter(|&&m| m != FREE) {
            empty[m as usize] -= 1;
        }
        let (source, target) = (Node::Col(c as u32), Node::Row(r as u32));
        // Per reached node: distance, predecessor, settled.
        let mut seen: BTreeMap<Node, (i64, Option<Node>, bool)> = BTreeMap::new();
        let mut settled: Vec<(Node, i64)> = Vec::new();
        let mut heap = BinaryHeap::new();
        let mut out = Vec::new();
        seen.insert(source, (0, None, false));
        heap.push(Reverse((0i64, source)));
        let mut reached = None;
        while let Some(Reverse((d, node))) = heap.pop() {
            if d >= violation {
                break;
            }
            match seen.get_mut(&node) {
                Some(entry) if entry.0 == d && !entry.2 => entry.2 = true,
                _ => continue, // a stale entry
            }
            settled.push((node, d));
            if node == target {
                reached = Some(d);
                break;
            }
            self.residual(node, &empty, &mut out);
            let from = self.pot(node);
            for &(next, cost) in &out {
                let nd = d + cost + from - self.pot(next);
                if seen.get(&next).is_none_or(|&(best, _, _)| nd < best) {
                    seen.insert(next, (nd, Some(node), false));
                    heap.push(Reverse((nd, next)));
                }
            }
        }
        let bound = reached.unwrap_or(violation);
        for &(node, d) in &settled {
            *self.pot_mut(node) += d - bound;
        }
        if reached.is_some() {
            // Walk the cycle back from r to c, then close it with r → c.
            let mut node = target;
            while let Some(&(_, Some(prev), _)) = seen.get(&node) {
                match (prev, node) {
                    (Node::Row(from), Node::Col(to)) => self.mate[to as usize] = from,
                    (Node::Sink, Node::Col(to)) => self.mate[to as usize] = FREE,
                    _ => {} // a mentee leaving its mentor, or an empty place taken or given back
                }
                node = prev;
            }
            self.mate[c] = r as u32;
        }
        self.edges[r].push((c as u32, b));
        // Back to the sink at 0, which `augment` and the free-mentee shortcut expect.
        let shift = self.sink_pot;
        self.row_pot.iter_mut().for_each(|p| *p -= shift);
        self.col_pot.iter_mut().for_each(|p| *p -= shift);
        self.sink_pot = 0;
    }
}
