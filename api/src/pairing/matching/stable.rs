//! `stable`: deferred acceptance with capacities, mentee-proposing, and the checker of stability.
//!
//! Orders (strict, so the mentee-optimal stable matching is unique and the result deterministic):
//! - a mentee's acceptable mentors are the feasible ones it ranked, by rank, then score (higher
//!   first), then index; a mentee who ranked no feasible mentor (or nobody) accepts every feasible
//!   mentor, by score, then index. A mentee who came to the group meeting and named people has said
//!   whom it accepts; the rest must still be placed. (Lists are short, which keeps this fast.)
//! - a mentor accepts every feasible mentee: those it ranked first, by rank, then score, then index,
//!   then the others by score, then index.
//!
//! Locked pairs stay out of the market: their mentees do not propose and cannot block, and their
//! places are taken off the mentor's capacity.

use std::collections::BinaryHeap;

use super::Assignment;
use super::input::{MenteeIx, MentorIx};
use super::score::{MAX_SCORE, Prepared};

/// The mentee's acceptable mentors, best first, each with the pair's score.
pub fn mentee_order(prep: &Prepared, mentee: MenteeIx) -> Vec<(MentorIx, i64)> {
    let stated = &prep.instance.mentees[mentee].preferences;
    let mut ranked: Vec<(u8, i64, MentorIx)> =
        stated.iter().filter_map(|&(m, rank)| prep.total(m, mentee).map(|score| (rank, -score, m))).collect();
    if ranked.is_empty() {
        ranked = (0..prep.instance.mentors.len()).filter_map(|m| prep.total(m, mentee).map(|score| (0, -score, m))).collect();
    }
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, neg, m)| (m, -neg)).collect()
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
    let orders: Vec<Vec<(MentorIx, i64)>> = free.iter().map(|&e| mentee_order(prep, e)).collect();
    let mut next = vec![0usize; free.len()];
    // Each mentor's held proposals, worst on top: (key, position in `free`).
    let mut held: Vec<BinaryHeap<(u64, usize)>> = vec![BinaryHeap::new(); places.len()];
    let mut waiting: Vec<usize> = (0..free.len()).rev().collect();
    while let Some(p) = waiting.pop() {
        while let Some(&(m, score)) = orders[p].get(next[p]) {
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
            None => unmatched.push((e, orders[p].len())),
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
