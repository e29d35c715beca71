//! The matching engine: proposes mentor–mentee pairs for a programme, optimally or stably, and
//! says why — each pair's score broken down by criterion, each unmatched mentee's reason.
//!
//! Pure: no I/O, clock, randomness or threads; the same instance always gives the same outcome.
//! The caller maps its people to indices (`Instance::mentors`, `Instance::mentees`) and back,
//! and computes what needs the database (role models from categories and types, barriers from
//! selection and training). Entry points: [`solve`], [`score()`], [`blocking_pairs`];
//! [`describe_contributions`] and [`describe_reason`] turn the explanations into Russian text.
//!
//! # Scoring
//! Each criterion gives a raw value 0..=100, multiplied by its weight's points ("must" counts 10):
//! a score is an integer in 0..=[`MAX_SCORE`], so `optimal` is exact.
//! - request_tags: `100 · covered / asked` rounded down, `asked` = the distinct tags of the
//!   mentee's request, `covered` = how many of them are among the mentor's competencies. A request
//!   without tags: a neutral [`NEUTRAL`] = 50.
//! - role_model: 100 when the mentor carries the mentee's role model, 0 when not; 50 when no role
//!   model applies to the mentee.
//! - grade_distance, `d` = mentor's grade − mentee's grade: 100 for d = 1 or 2 (close enough to
//!   remember the mentee's problems, far enough to be looked up to), then 20 less per grade (80,
//!   60, 40, 20), never below 10 for an older mentor; 0 when d ≤ 0; 50 when a grade is unknown
//!   (adult mentors, grades not filled in).
//! - mentee_preference, mentor_preference: from the rank r the chooser gave, `⌈200 / (r + 1)⌉` —
//!   100, 67, 50, 40, 34, … 19 for r = 10, never 0 for a ranked person; 0 when unranked.
//!
//! A pair is infeasible when the mentor has a barrier, the pair is excluded, the grade rule fails
//! (`higher_grade_required`, both grades known, the mentor's not higher), or a "must" criterion's
//! raw value is 0. Neutral values are not 0: an unknown never fails a "must".
//!
//! # Algorithms
//! Locked pairs are kept whatever their score and take their mentors' places; their mentees are
//! out of the market. Excluded and infeasible pairs are never proposed.
//! - [`Algorithm::Optimal`]: the exact maximum of the total score ([`Objective::Score`]; among
//!   equal totals, the most pairs) or of the number of pairs and then the total score
//!   ([`Objective::Participation`]). Min-cost flow on a sparse candidate graph, verified (and
//!   repaired) against every pair, so exact on the full problem: see `optimal.rs`.
//! - [`Algorithm::Stable`]: mentee-proposing deferred acceptance with capacities; no pair blocks
//!   the result under these strict orders:
//!   - a mentee accepts the feasible mentors it ranked, by rank, then score (higher first), then
//!     index; a mentee who ranked no feasible mentor accepts every feasible mentor, by score, then
//!     index (someone who named people at the group meeting has said whom they accept);
//!   - a mentor accepts every feasible mentee: those it ranked first, by rank, then score, then
//!     index; then the rest by score, then index.
//!
//! # Reasons
//! An unmatched mentee's candidates are filtered in this order, and the reason names the filter
//! that removed the last of them: the grade rule ([`UnmatchedReason::NoHigherGradeMentor`]), each
//! "must" in criterion order (`NoMentorWithCompetency` for request tags, `MustUnmet` otherwise),
//! exclusions (`OnlyExcluded`), barriers (`OnlyUntrainedMentors`: training them would help). When
//! feasible candidates remain (under `stable`, acceptable ones), their places went to others:
//! `CapacityExhausted`. No mentors at all: `NoMentors`.

mod describe;
mod explain;
mod flow;
mod input;
mod optimal;
mod output;
mod score;
mod stable;
mod stats;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use describe::{describe_contributions, describe_reason};
pub use input::{
    Algorithm, Criterion, Instance, InputError, MAX_POINTS, Mentee, MenteeIx, Mentor, MentorBarrier, MentorIx, Objective,
    RoleModel, Weight, Weights,
};
pub use score::{MAX_SCORE, NEUTRAL};
pub use output::{Contribution, ContributionDetail, Outcome, Proposal, Scored, Stats, Unmatched, UnmatchedReason};

use score::Prepared;

/// What an algorithm decided for the mentees that were not locked.
struct Assignment {
    pairs: Vec<(MentorIx, MenteeIx)>,
    /// Each mentee left without a mentor, with the number of feasible mentors it could have had
    /// (under `stable`, those acceptable to it).
    unmatched: Vec<(MenteeIx, usize)>,
}

/// Runs the instance's algorithm. Locked pairs are kept as they are and take their mentors'
/// places; excluded and infeasible pairs are never proposed.
pub fn solve(instance: &Instance) -> Result<Outcome, InputError> {
    input::validate(instance)?;
    let prep = Prepared::new(instance);
    let (places, locked) = market(instance);
    let free: Vec<MenteeIx> = (0..instance.mentees.len()).filter(|&e| !locked[e]).collect();
    let assignment = match instance.algorithm {
        Algorithm::Optimal => optimal::assign(&prep, &places, &free, instance.objective),
        Algorithm::Stable => stable::assign(&prep, &places, &free),
    };
    let proposal = |(mentor, mentee): (MentorIx, MenteeIx), locked: bool| {
        let contributions = explain::contributions(instance, mentor, mentee);
        Proposal { mentor, mentee, score: contributions.iter().map(|c| c.points).sum(), locked, contributions }
    };
    let mut proposals: Vec<Proposal> = instance.locked.iter().map(|&pair| proposal(pair, true)).collect();
    proposals.extend(assignment.pairs.into_iter().map(|pair| proposal(pair, false)));
    proposals.sort_unstable_by_key(|p| (p.mentor, p.mentee));
    let mut unmatched: Vec<Unmatched> = assignment
        .unmatched
        .into_iter()
        .map(|(mentee, candidates)| Unmatched { mentee, reason: explain::reason(&prep, mentee, candidates) })
        .collect();
    unmatched.sort_unstable_by_key(|u| u.mentee);
    let stats = stats::stats(instance, &proposals);
    Ok(Outcome { proposals, unmatched, stats })
}

/// One pair's score and its breakdown; None when the pair is infeasible (a barrier, excluded, the
/// grade rule, an unmet "must") or an index is out of range.
pub fn score(instance: &Instance, mentor: MentorIx, mentee: MenteeIx) -> Option<Scored> {
    explain::scored(instance, mentor, mentee)
}

/// The pairs that block `outcome` under the orders `stable` uses (see the `stable` module), sorted; empty
/// for a stable outcome. Works on any outcome, e.g. to show how far an `optimal` one is from
/// stability. Locked pairs take places but never block; proposals naming a missing person are
/// ignored. An instance that fails validation has no orders to check against: the answer is empty.
pub fn blocking_pairs(instance: &Instance, outcome: &Outcome) -> Vec<(MentorIx, MenteeIx)> {
    if input::validate(instance).is_err() {
        return Vec::new();
    }
    let prep = Prepared::new(instance);
    let (places, locked) = market(instance);
    let (n_mentors, n_mentees) = (instance.mentors.len(), instance.mentees.len());
    let pairs: Vec<(MentorIx, MenteeIx)> = outcome
        .proposals
        .iter()
        .map(|p| (p.mentor, p.mentee))
        .filter(|&(m, e)| m < n_mentors && e < n_mentees && !locked[e])
        .collect();
    // An assigned pair may be infeasible (an outcome from elsewhere): its points still rank it.
    let score_of = |m, e| prep.total(m, e).unwrap_or_else(|| explain::contributions(instance, m, e).iter().map(|c| c.points).sum());
    stable::blocking(&prep, &places, &locked, &pairs, score_of)
}

/// The places each mentor has left after the locked pairs, and which mentees are locked.
fn market(instance: &Instance) -> (Vec<u32>, Vec<bool>) {
    let mut places: Vec<u32> = instance.mentors.iter().map(|m| m.capacity).collect();
    let mut locked = vec![false; instance.mentees.len()];
    for &(m, e) in &instance.locked {
        places[m] = places[m].saturating_sub(1);
        locked[e] = true;
    }
    (places, locked)
}
