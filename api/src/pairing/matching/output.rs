//! What the engine returns. Every type (de)serialises, so the service can store a run as JSON and
//! show it later exactly as it was computed.

use serde::{Deserialize, Serialize};

use super::input::{Criterion, MenteeIx, MentorIx, RoleModel};

/// What one criterion gave a pair, and the fact behind it, for the curator's screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Contribution {
    pub criterion: Criterion,
    /// The raw value 0..=100 times the criterion's weight (a "must" counts 10).
    pub points: i64,
    pub detail: ContributionDetail,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ContributionDetail {
    /// The mentee's request tags the mentor's competencies cover, and those they miss.
    Tags { covered: Vec<String>, missing: Vec<String> },
    /// The mentee's request has no tags: a neutral 50.
    NoRequestTags,
    /// Whether the mentor carries the role model fitting the mentee.
    RoleModel { role_model: RoleModel, carried: bool },
    /// No role model applies to the mentee: a neutral 50.
    NoRoleModel,
    /// The mentor's grade minus the mentee's.
    GradeDistance { distance: i32 },
    /// A grade is unknown (an adult mentor, or not filled in): a neutral 50.
    GradeUnknown,
    /// The rank the chooser gave (1 = first choice).
    Rank { rank: u8 },
    /// The chooser did not rank the other person.
    Unranked,
}

/// A feasible pair's score and how it was made up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scored {
    pub total: i64,
    /// One per criterion, in the order of [`Criterion::ALL`]; the points add up to `total`.
    pub contributions: Vec<Contribution>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    pub mentor: MentorIx,
    pub mentee: MenteeIx,
    pub score: i64,
    /// Came from `Instance::locked` rather than from the algorithm.
    pub locked: bool,
    pub contributions: Vec<Contribution>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    pub mentee: MenteeIx,
    pub reason: UnmatchedReason,
}

/// The most specific reason a mentee got nobody. The candidates are filtered in this order and
/// the reason names the filter that removed the last of them: the grade rule, each "must"
/// criterion, exclusions, mentor barriers; whoever survives all of them had no place left.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum UnmatchedReason {
    /// Nobody in the mentor base at all.
    NoMentors,
    /// The grade rule removed every candidate.
    NoHigherGradeMentor,
    /// request_tags is "must" and no mentor left by the grade rule covers any of these tags.
    NoMentorWithCompetency { tags: Vec<String> },
    /// Another "must" criterion removed every remaining candidate.
    MustUnmet { criterion: Criterion },
    /// Every otherwise feasible mentor is excluded for this mentee.
    OnlyExcluded,
    /// Feasible mentors exist only among those with a barrier (not selected or not trained).
    OnlyUntrainedMentors { candidates: usize },
    /// Feasible mentors exist (and, under `stable`, are acceptable to the mentee), but all their
    /// places went to others.
    CapacityExhausted { candidates: usize },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Stats {
    pub mentees: usize,
    /// Mentees with a mentor, locked pairs included.
    pub matched: usize,
    /// matched / mentees; 0 when there are no mentees.
    pub matched_share: f64,
    /// The mean score of the proposals, locked included; 0 when there are none.
    pub mean_score: f64,
    /// Among matched mentees who stated preferences, the share paired with a mentor they ranked
    /// 1; 0 when no matched mentee stated any.
    pub first_choice_share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Ordered by mentor, then mentee.
    pub proposals: Vec<Proposal>,
    /// Ordered by mentee.
    pub unmatched: Vec<Unmatched>,
    pub stats: Stats,
}
