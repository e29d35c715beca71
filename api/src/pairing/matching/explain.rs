//! Why: the contributions behind a pair's score, and the most specific reason a mentee got nobody.
//!
//! Contributions are computed here straight from the instance (strings, linear look-ups): they are
//! needed for a few hundred proposals, not for millions of candidate pairs, and computing them
//! independently of `score::Prepared` lets a property test check the fast path against this one.

use super::input::{Criterion, Instance, MenteeIx, MentorIx};
use super::output::{Contribution, ContributionDetail, Scored, UnmatchedReason};
use super::score::{Prepared, grade_raw, grade_rule_ok, rank_raw, role_raw, tags_raw};

/// The tags without repeats, in the order first given.
fn distinct(tags: &[String]) -> Vec<&String> {
    let mut seen: Vec<&String> = Vec::with_capacity(tags.len());
    for tag in tags {
        if !seen.contains(&tag) {
            seen.push(tag);
        }
    }
    seen
}

/// One contribution per criterion, whatever the pair's feasibility (locked pairs are shown even
/// when a barrier or a "must" would rule them out today). Expects valid indices.
pub fn contributions(instance: &Instance, mentor: MentorIx, mentee: MenteeIx) -> Vec<Contribution> {
    let (m, e) = (&instance.mentors[mentor], &instance.mentees[mentee]);
    let asked = distinct(&e.tags);
    let (covered, missing): (Vec<&String>, Vec<&String>) = asked.iter().partition(|t| m.tags.contains(t));
    let owned = |tags: Vec<&String>| tags.into_iter().cloned().collect::<Vec<_>>();
    let tags_detail = if asked.is_empty() {
        ContributionDetail::NoRequestTags
    } else {
        ContributionDetail::Tags { covered: owned(covered.clone()), missing: owned(missing) }
    };
    let role = role_raw(e.role_model, |r| m.role_models.contains(&r));
    let role_detail = match e.role_model {
        Some(role_model) => ContributionDetail::RoleModel { role_model, carried: m.role_models.contains(&role_model) },
        None => ContributionDetail::NoRoleModel,
    };
    let grade_detail = match (m.grade, e.grade) {
        (Some(gm), Some(ge)) => ContributionDetail::GradeDistance { distance: gm - ge },
        _ => ContributionDetail::GradeUnknown,
    };
    let rank_detail = |rank: Option<u8>| rank.map_or(ContributionDetail::Unranked, |rank| ContributionDetail::Rank { rank });
    let by_mentee = e.preferences.iter().find(|&&(c, _)| c == mentor).map(|&(_, r)| r);
    let by_mentor = m.preferences.iter().find(|&&(c, _)| c == mentee).map(|&(_, r)| r);
    let raws = [
        (tags_raw(covered.len(), asked.len()), tags_detail),
        (role, role_detail),
        (grade_raw(m.grade, e.grade), grade_detail),
        (rank_raw(by_mentee), rank_detail(by_mentee)),
        (rank_raw(by_mentor), rank_detail(by_mentor)),
    ];
    Criterion::ALL
        .into_iter()
        .zip(raws)
        .map(|(criterion, (raw, detail))| Contribution { criterion, points: raw * instance.weights.get(criterion).multiplier(), detail })
        .collect()
}

/// The pair's score with its contributions, or None when the pair is infeasible.
pub fn scored(instance: &Instance, mentor: MentorIx, mentee: MenteeIx) -> Option<Scored> {
    let (m, e) = (instance.mentors.get(mentor)?, instance.mentees.get(mentee)?);
    if m.barrier.is_some()
        || instance.excluded.contains(&(mentor, mentee))
        || !grade_rule_ok(instance.higher_grade_required, m.grade, e.grade)
    {
        return None;
    }
    let contributions = contributions(instance, mentor, mentee);
    // Points are raw × multiplier and a "must" multiplies by 10, so 0 points under "must" is raw 0.
    if contributions.iter().any(|c| c.points == 0 && instance.weights.get(c.criterion).is_must()) {
        return None;
    }
    Some(Scored { total: contributions.iter().map(|c| c.points).sum(), contributions })
}

/// Where a mentor drops out of a mentee's candidates; the order is that of the reasons' filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    GradeRule,
    Must(Criterion),
    Excluded,
    Barrier,
    Feasible,
}

fn stage(prep: &Prepared, mentor: MentorIx, mentee: MenteeIx) -> Stage {
    let instance = prep.instance;
    let (m, e) = (&instance.mentors[mentor], &instance.mentees[mentee]);
    if !grade_rule_ok(instance.higher_grade_required, m.grade, e.grade) {
        Stage::GradeRule
    } else if let Some(criterion) = prep.unmet_must(mentor, mentee) {
        Stage::Must(criterion)
    } else if prep.is_excluded(mentor, mentee) {
        Stage::Excluded
    } else if m.barrier.is_some() {
        Stage::Barrier
    } else {
        Stage::Feasible
    }
}

/// The reason an unmatched mentee got nobody. `candidates`: the feasible mentors the algorithm
/// could have given the mentee (under `stable`, those acceptable to the mentee); when there are
/// some, their places went to others. Otherwise every mentor is put through the filters (grade
/// rule, each "must", exclusions, barriers) and the reason names the filter that removed the last.
pub fn reason(prep: &Prepared, mentee: MenteeIx, candidates: usize) -> UnmatchedReason {
    let instance = prep.instance;
    if instance.mentors.is_empty() {
        return UnmatchedReason::NoMentors;
    }
    if candidates > 0 {
        return UnmatchedReason::CapacityExhausted { candidates };
    }
    let stages: Vec<Stage> = (0..instance.mentors.len()).map(|m| stage(prep, m, mentee)).collect();
    let last = stages.iter().copied().max().unwrap_or(Stage::GradeRule);
    let survivors = stages.iter().filter(|&&s| s == last).count();
    match last {
        Stage::GradeRule => UnmatchedReason::NoHigherGradeMentor,
        Stage::Must(Criterion::RequestTags) => {
            let tags = distinct(&instance.mentees[mentee].tags).into_iter().cloned().collect();
            UnmatchedReason::NoMentorWithCompetency { tags }
        }
        Stage::Must(criterion) => UnmatchedReason::MustUnmet { criterion },
        Stage::Excluded => UnmatchedReason::OnlyExcluded,
        Stage::Barrier => UnmatchedReason::OnlyUntrainedMentors { candidates: survivors },
        Stage::Feasible => UnmatchedReason::CapacityExhausted { candidates: survivors },
    }
}
