//! The min-cost flow behind `optimal`, on the candidate graph: successive shortest paths with
//! potentials, the check of the potentials against every pair, and the repair of violated pairs.
//!
//! Rows are mentors, columns mentees, plus one sink. One unit of a mentor's capacity at a time, a
//! Dijkstra on reduced costs from that mentor stops as soon as the sink is nearest. Free mentees
//! keep the sink's potential, so reaching one reaches the sink: ties end a search early instead
//! of widening it. A violated pair is repaired by a Dijkstra from its mentee, bounded by the size
//! of the violation: it either finds a negative cycle through the pair (cancelled: the assignment
//! improves) or moves potentials so that the pair is priced right. Either way every residual edge
//! keeps a non-negative reduced cost, so the flow stays optimal on the graph.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::optimal::{Benefit, NONE, Scores};

/// Farther than any real distance, with room to add without overflow.
const INF: i64 = i64::MAX / 4;
/// A mentee without a mentor, in `mate`.
pub const FREE: u32 = u32::MAX;

/// How the sink was reached: through a free mentee, or by a mentor leaving a place empty.
#[derive(Clone, Copy)]
enum Last {
    Mentee(usize),
    EmptyPlace(usize),
}

/// The flow and its potentials; `r` indexes mentors (rows), `c` mentees (columns). Reduced costs:
/// mentor→mentee `row_pot[r] − benefit − col_pot[c]`, mentee→its mentor `benefit + col_pot[c] −
/// row_pot[r]` (0: assigned pairs are tight), free mentee→sink `col_pot[c] − sink_pot`, mentor→sink
/// (an empty place) `row_pot[r] − sink_pot`, and the reverse of the last two for used ones.
pub struct Solver<'s> {
    scores: &'s Scores,
    benefit: Benefit,
    /// The candidate graph: per row, (column, benefit).
    edges: Vec<Vec<(u32, i64)>>,
    units: &'s [u32],
    row_pot: Vec<i64>,
    col_pot: Vec<i64>,
    sink_pot: i64,
    /// The row each column is assigned to, or FREE.
    pub mate: Vec<u32>,
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
    /// Per row, the places left empty (kept by the repairs only).
    empty: Vec<u32>,
}

impl<'s> Solver<'s> {
    pub fn new(scores: &'s Scores, graph: Vec<Vec<u32>>, benefit: Benefit, units: &'s [u32]) -> Self {
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
            empty: Vec::new(),
        }
    }

    /// The candidate graph (column lists) plus the given pairs.
    pub fn graph_with(&self, extra: &[(usize, usize)]) -> Vec<Vec<u32>> {
        let mut lists: Vec<Vec<u32>> = self.edges.iter().map(|list| list.iter().map(|&(c, _)| c).collect()).collect();
        for &(r, c) in extra {
            lists[r].push(c as u32);
        }
        for list in &mut lists {
            list.sort_unstable();
            list.dedup();
        }
        lists
    }

    /// Sends one more unit of mentor `source`'s capacity along a shortest path to the sink.
    /// Needs the sink's potential at 0 and free mentees at the sink's potential.
    pub fn augment(&mut self, source: usize) {
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

    /// The unassigned pairs of the full matrix that the potentials price below zero: if
    /// there are none, the potentials prove the assignment optimal on every feasible pair, not just
    /// on the graph's. Mentors without places take nobody and are skipped.
    pub fn violations(&self) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        for r in (0..self.units.len()).filter(|&r| self.units[r] > 0) {
            let pot = self.row_pot[r];
            let held = r as u32;
            for (c, ((&w, &col_pot), &mate)) in self.scores.row(r).iter().zip(&self.col_pot).zip(&self.mate).enumerate() {
                // An assigned pair is in the graph already, and may be priced below zero after a
                // cancelled cycle: its residual edge is the reverse one.
                if w != NONE && pot - self.benefit.of(w) - col_pot < 0 && mate != held {
                    found.push((r, c));
                }
            }
        }
        found
    }

    /// Adds each violated pair to the graph without breaking the potentials (see `repair`).
    pub fn repair_all(&mut self, violated: &[(usize, usize)]) {
        let (rows, cols) = (self.row_pot.len(), self.col_pot.len());
        self.empty = self.units.to_vec();
        for &m in self.mate.iter().filter(|&&m| m != FREE) {
            self.empty[m as usize] -= 1;
        }
        let mut search = Search {
            dist: vec![INF; rows + cols + 1],
            pred: vec![u32::MAX; rows + cols + 1],
            done: vec![false; rows + cols + 1],
            touched: Vec::new(),
            settled: Vec::new(),
            heap: BinaryHeap::new(),
        };
        for &(r, c) in violated {
            self.repair(r, c, &mut search);
        }
        // Back to the sink at 0, as `augment` and the free-mentee shortcut expect.
        let shift = self.sink_pot;
        self.row_pot.iter_mut().for_each(|p| *p -= shift);
        self.col_pot.iter_mut().for_each(|p| *p -= shift);
        self.sink_pot = 0;
    }

    /// Adds the violated pair (r, c) to the graph. A Dijkstra from `c` to `r` on the residual
    /// graph, bounded by the violation: if it reaches `r` closer than that, the pair closes a
    /// negative cycle, which is cancelled (r takes c; everyone on the way moves one step). Either
    /// way the settled nodes' potentials move so that every residual edge, the new one included,
    /// has a non-negative reduced cost again.
    fn repair(&mut self, r: usize, c: usize, search: &mut Search) {
        let (rows, cols) = (self.row_pot.len(), self.col_pot.len());
        let (sink, source, target) = (rows + cols, rows + c, r);
        let b = self.benefit.of(self.scores.get(r, c));
        let violation = b + self.col_pot[c] - self.row_pot[r];
        if violation > 0 && self.mate[c] != r as u32 {
            search.start(source);
            let mut reached = None;
            while let Some(Reverse((d, u))) = search.heap.pop() {
                let u = u as usize;
                if d >= violation {
                    break;
                }
                if search.done[u] || d > search.dist[u] {
                    continue; // a stale entry
                }
                search.done[u] = true;
                search.settled.push(u);
                if u == target {
                    reached = Some(d);
                    break;
                }
                // The residual edges out of u: (node, cost), reduced below with the potentials.
                let pot = |v: usize| if v < rows { self.row_pot[v] } else if v < sink { self.col_pot[v - rows] } else { self.sink_pot };
                let from = d + pot(u);
                let mut relax = |v: usize, cost: i64| search.offer(v, from + cost - pot(v), u);
                if u < rows {
                    for &(col, b) in &self.edges[u] {
                        if self.mate[col as usize] != u as u32 {
                            relax(rows + col as usize, -b);
                        }
                    }
                    relax(sink, 0); // leave a place empty
                } else if u < sink {
                    match self.mate[u - rows] {
                        FREE => relax(sink, 0),
                        m => relax(m as usize, self.benefit.of(self.scores.get(m as usize, u - rows))),
                    }
                } else {
                    for (col, &m) in self.mate.iter().enumerate() {
                        if m != FREE {
                            relax(rows + col, 0); // a mentee leaves its mentor
                        }
                    }
                    for row in (0..rows).filter(|&row| self.empty[row] > 0) {
                        relax(row, 0); // an empty place is filled
                    }
                }
            }
            let bound = reached.unwrap_or(violation);
            for &u in &search.settled {
                let delta = search.dist[u] - bound;
                if u < rows {
                    self.row_pot[u] += delta;
                } else if u < sink {
                    self.col_pot[u - rows] += delta;
                } else {
                    self.sink_pot += delta;
                }
            }
            if reached.is_some() {
                // Walk the cycle back from r to c, then close it with r → c.
                let mut v = target;
                while v != source {
                    let u = search.pred[v] as usize;
                    match (u < rows, v >= rows && v < sink, u == sink, v == sink) {
                        (true, true, _, _) => self.mate[v - rows] = u as u32, // u takes mentee v
                        (_, true, true, _) => self.mate[v - rows] = FREE,     // mentee v is left free
                        (true, _, _, true) => self.empty[u] += 1,           // u leaves a place empty
                        (_, _, true, false) => self.empty[v] -= 1,          // v fills an empty place
                        _ => {}                                               // a mentee leaves its mentor
                    }
                    v = u;
                }
                self.mate[c] = r as u32;
            }
            search.reset();
        }
        debug_assert!(
            self.mate[c] == r as u32 || self.row_pot[r] - b - self.col_pot[c] >= 0,
            "the repaired pair ({r}, {c}) is still priced below zero"
        );
        self.edges[r].push((c as u32, b));
    }
}

/// The repair's Dijkstra state over all nodes: rows, then columns, then the sink.
struct Search {
    dist: Vec<i64>,
    pred: Vec<u32>,
    done: Vec<bool>,
    touched: Vec<usize>,
    settled: Vec<usize>,
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

impl Search {
    fn start(&mut self, source: usize) {
        self.offer(source, 0, u32::MAX as usize);
    }

    #[inline]
    fn offer(&mut self, v: usize, d: i64, from: usize) {
        if d < self.dist[v] {
            if self.dist[v] == INF {
                self.touched.push(v);
            }
            self.dist[v] = d;
            self.pred[v] = from as u32;
            self.heap.push(Reverse((d, v as u32)));
        }
    }

    fn reset(&mut self) {
        for &v in &self.touched {
            self.dist[v] = INF;
            self.done[v] = false;
        }
        self.touched.clear();
        self.settled.clear();
        self.heap.clear();
    }
}
