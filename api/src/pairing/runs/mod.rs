//! Matching runs: the engine's inputs, proposals with scores and reasons, the mentees it left out
//! and why, and statistics. Runs are kept, so a curator can compare two before accepting one.

pub mod inputs;
pub mod routes;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use self::inputs::RunInputs;
use super::matching::{Algorithm, Contribution, Criterion, Objective, RoleModel, Stats, UnmatchedReason, Weights};
use super::pairs::{Pair, PairPerson};
use crate::programs::dto::MentorshipForm;

/// A mentee the run left without a pair, as stored with the run.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnmatchedEntry {
    /// The enrolment id.
    pub mentee_id: i64,
    pub reason: UnmatchedReason,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"algorithm": "optimal", "objective": "participation"}))]
pub struct NewMatchingRun {
    /// Default: the programme's first form.
    pub form: Option<MentorshipForm>,
    pub algorithm: Algorithm,
    /// `participation` matches as many as possible first, then maximises the score (optimal only).
    /// Default `score`.
    pub objective: Option<Objective>,
    /// Default: the programme's pairing settings.
    pub weights: Option<Weights>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Proposal {
    pub id: i64,
    pub mentor: PairPerson,
    pub mentee: PairPerson,
    pub score: i64,
    /// Kept from a lock: already agreed.
    pub locked: bool,
    /// The role model fitting the mentee (student–student).
    pub role_model: Option<RoleModel>,
    /// Each criterion's share of the score, with what it rests on.
    pub contributions: Vec<Contribution>,
    /// The pair made from it, once accepted.
    pub pair_id: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnmatchedInRun {
    pub mentee: PairPerson,
    pub reason: UnmatchedReason,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MatchingRun {
    #[serde(flatten)]
    pub summary: MatchingRunSummary,
    pub program_id: i64,
    pub proposals: Vec<Proposal>,
    pub unmatched: Vec<UnmatchedInRun>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MatchingRunSummary {
    pub id: i64,
    pub form: MentorshipForm,
    pub algorithm: Algorithm,
    pub objective: Objective,
    pub weights: Weights,
    /// The highest score a pair can reach under these weights: every criterion at 100.
    pub max_score: i64,
    pub inputs: RunInputs,
    pub stats: Stats,
    pub created_at: DateTime<Utc>,
    /// When proposals of this run were first accepted.
    pub accepted_at: Option<DateTime<Utc>>,
}

/// Every criterion at its full raw value (100) times its weight ("must" counts as 10 points).
pub fn max_score(weights: &Weights) -> i64 {
    Criterion::ALL.iter().map(|c| weights.get(*c).multiplier() * 100).sum()
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MatchingRunList {
    pub items: Vec<MatchingRunSummary>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"proposal_ids": [101, 102, 105]}))]
pub struct AcceptProposals {
    /// Proposals of this run; one mentor's chosen proposals become one pair or group.
    #[validate(length(min = 1, max = 10000))]
    #[schema(min_items = 1, max_items = 10000)]
    pub proposal_ids: Vec<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AcceptedPairs {
    pub pairs: Vec<Pair>,
}
