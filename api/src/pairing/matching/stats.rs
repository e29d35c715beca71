//! The figures a curator sees above the proposals.

use super::input::Instance;
use super::output::{Proposal, Stats};

pub fn stats(instance: &Instance, proposals: &[Proposal]) -> Stats {
    let share = |part: usize, whole: usize| if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
    let mentees = instance.mentees.len();
    let matched = proposals.len();
    let total: i64 = proposals.iter().map(|p| p.score).sum();
    let mean_score = if matched == 0 { 0.0 } else { total as f64 / matched as f64 };
    // Only mentees who ranked someone can have got their first choice.
    let stated: Vec<&Proposal> = proposals.iter().filter(|p| !instance.mentees[p.mentee].preferences.is_empty()).collect();
    let first = stated
        .iter()
        .filter(|p| instance.mentees[p.mentee].preferences.iter().any(|&(m, rank)| m == p.mentor && rank == 1))
        .count();
    Stats { mentees, matched, matched_share: share(matched, mentees), mean_score, first_choice_share: share(first, stated.len()) }
}
