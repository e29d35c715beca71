//! `stable`: mentee-proposing deferred acceptance with capacities, and the checker of stability.
//! The orders are the module root's (mod.rs, "Algorithms"). Strict orders make the mentee-optimal
//! stable matching unique, so the result does not depend on the order of proposals.
//!
//! Locked pairs stay out of the market: their mentees do not propose and cannot block, and their
//! places are taken off the mentor's capacity.

use std::collections::BinaryHeap;

use super::Assignment;
use super::input::{MenteeIx, MentorIx};
use super::score::{MAX_SCORE, Prepared};

/// The mentee's acceptable mentors, best first, each with the pair's score.
pub fn mentee_order(prep: &Prepared, mentee: MenteeIx) -> Vec<(MentorIx, i64)> {
    let mut order = Vec::new();
    mentee_order_into(prep, mentee, &mut order);
    order
}

/// `mentee_order`, appended to `out` (whose earlier entries it leaves alone).
fn mentee_order_into(prep: &Prepared, mentee: MenteeIx, out: &mut Vec<(MentorIx, i64)>) {
    let from = out.len();
    // Sort keys: rank (0 for everyone when nobody is ranked), then score, higher first, then index.
    let key = |&(m, score): &(MentorIx, i64)| (prep.mentee_rank(mentee, m).unwrap_or(0), -score, m);
    out.extend(prep.instance.mentees[mentee].preferences.iter().filter_map(|&(m, _)| prep.total(m, mentee).map(|score| (m, score))));
    if out.len() == from {
        out.extend((0..prep.instance.mentors.len()).filter_map(|m| prep.total(m, mentee).map(|score| (m, score))));
        out[from..].sort_unstable_by_key(|&(m, score)| (-score, m));
    } else {
        out[from..].sort_unstable_by_key(key);
    }
}

/// A mentor's order over mentees as one number, smaller = preferred: rank (unranked after every
/// rank), then score (higher first), then index.
pub fn mentor_key(prep: &Prepared, mentor: MentorIx, mentee: MenteeIx, score: i64) -> u64 {
    let rank = prep.mentor_rank(mentor, mentee).map_or(256, u64::from);
    let score = (MAX_SCORE - score.clamp(0, MAX_SCORE)) as u64;
    (rank << 48) | (score << 32) | mentee as u64
}

/// Deferred acceptance for the `free` mentees, with `places[m]` places left per mentor.
pub fn assign(prep: &Prepared, places: &[u32], free: &[MenteeIx]) -> Assignment {
    // Every mentee's order in one array: mentee p's is orders[start[p]..start[p + 1]].
    let mut orders: Vec<(MentorIx, i64)> = Vec::new();
    let mut start = vec![0];
    for &e in free {
        mentee_order_into(prep, e, &mut orders);
        start.push(orders.len());
    }
    let mut next: Vec<usize> = start[..free.len()].to_vec();
    // Each mentor's held proposals, worst on top: (key, position in `free`).
    let mut held: Vec<BinaryHeap<(u64, usize)>> = vec![BinaryHeap::new(); places.len()];
    let mut waiting: Vec<usize> = (0..free.len()).rev().collect();
    while let Some(p) = waiting.pop() {
        while next[p] < start[p + 1] {
            let (m, score) = orders[next[p]];
            next[p] += 1;
            let key = mentor_key(prep, m, free[p], score);
            let heap = &mut held[m];
            if heap.len() < places[m] as usize {
                heap.push((key, p));
                break;
            }
            if let Some(&(worst, rejected)) = heap.peek()
                && key < worst
            {
                heap.pop();
                heap.push((key, p));
                waiting.push(rejected);
                break;
            }
        }
    }
    let mut mentor_of = vec![None; free.len()];
    for (m, heap) in held.iter().enumerate() {
        for &(_, p) in heap {
            mentor_of[p] = Some(m);
        }
    }
    let mut pairs = Vec::new();
    let mut unmatched = Vec::new();
    for (p, &e) in free.iter().enumerate() {
        match mentor_of[p] {
            Some(m) => pairs.push((m, e)),
            None => unmatched.push((e, start[p + 1] - start[p])),
        }
    }
    Assignment { pairs, unmatched }
}

/// Pairs (mentor, mentee) that would both rather have each other than what `pairs` gives them,
/// under the orders above: the mentee is not locked, the mentor is acceptable to it and better
/// than its current mentor (any, if it has none or one it finds unacceptable), and the mentor has a
/// free place or holds a mentee it likes less. `score_of` gives the score of an assigned pair.
pub fn blocking(
    prep: &Prepared,
    places: &[u32],
    locked: &[bool],
    pairs: &[(MentorIx, MenteeIx)],
    score_of: impl Fn(MentorIx, MenteeIx) -> i64,
) -> Vec<(MentorIx, MenteeIx)> {
    let mut current = vec![None; locked.len()];
    let mut load = vec![0usize; places.len()];
    // The key of each mentor's least liked mentee; 0 (better than any key) while it has none.
    let mut worst = vec![0u64; places.len()];
    for &(m, e) in pairs {
        current[e] = Some(m);
        load[m] += 1;
        worst[m] = worst[m].max(mentor_key(prep, m, e, score_of(m, e)));
    }
    let mut found = Vec::new();
    for e in (0..locked.len()).filter(|&e| !locked[e]) {
        for (m, score) in mentee_order(prep, e) {
            if current[e] == Some(m) {
                break;
            }
            if load[m] < places[m] as usize || mentor_key(prep, m, e, score) < worst[m] {
                found.push((m, e));
            }
        }
    }
    found.sort_unstable();
    found
}
