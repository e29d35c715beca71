//! Pairs and groups: one mentor with one mentee (a pair) or several (a group), from proposal to
//! the end of the work, with the history of every change.

pub mod gate;
pub mod plan;
pub mod routes;
pub mod store;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::http::json_time;
use crate::pairing::matching::RoleModel;
use crate::programs::dto::MentorshipForm;

/// proposed → approved (by an order) → active → completed; dissolved from any live status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PairStatus {
    Proposed,
    Approved,
    Active,
    Completed,
    Dissolved,
}

impl PairStatus {
    /// Proposed, approved or active: the pair holds its mentees and the mentor's places.
    pub fn is_live(self) -> bool {
        matches!(self, Self::Proposed | Self::Approved | Self::Active)
    }

    /// Approval happens only through an order, completion only through `/complete`.
    pub fn may_become_by_patch(self, next: Self) -> bool {
        matches!((self, next), (Self::Approved, Self::Active)) || (next == Self::Dissolved && self.is_live())
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PairPerson {
    /// The enrolment id in the programme's base.
    pub id: i64,
    pub participant_id: i64,
    /// "Last First", or null once erased.
    pub name: Option<String>,
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PairChange {
    pub from_status: Option<PairStatus>,
    pub to_status: PairStatus,
    pub reason: Option<String>,
    /// `user:{id}`, `api_token:{id}`, `system` or `demo`.
    pub actor: String,
    /// The user's full name, when a user made the change.
    pub actor_name: Option<String>,
    #[serde(serialize_with = "json_time::timestamp")]
    pub at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct OrderRef {
    pub id: i64,
    pub number: String,
    #[serde(serialize_with = "json_time::date")]
    pub signed_on: NaiveDate,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Pair {
    pub id: i64,
    pub program_id: i64,
    pub form: MentorshipForm,
    /// `pair` with one mentee, `group` with several.
    pub kind: PairKind,
    pub role_model: Option<RoleModel>,
    pub mentor: PairPerson,
    pub mentees: Vec<PairPerson>,
    pub goal: Option<String>,
    pub status: PairStatus,
    /// The matching run it was accepted from; null when made by hand.
    pub matching_run_id: Option<i64>,
    pub order: Option<OrderRef>,
    /// Once completed: how far its goals were reached, and the summary.
    pub outcome: Option<GoalOutcome>,
    pub summary: Option<String>,
    pub history: Vec<PairChange>,
    pub etag: String,
    #[serde(serialize_with = "json_time::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "json_time::timestamp")]
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PairKind {
    Pair,
    Group,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"mentor_id": 3, "mentee_ids": [11], "role_model": "achiever_underachiever", "goal": "Подтянуть математику к ОГЭ"}))]
pub struct NewPair {
    /// The mentor's enrolment id.
    pub mentor_id: i64,
    /// The mentees' enrolment ids: one for a pair, several for a group.
    #[validate(length(min = 1, max = 30))]
    #[schema(min_items = 1, max_items = 30)]
    pub mentee_ids: Vec<i64>,
    /// Default: the programme's first form.
    pub form: Option<MentorshipForm>,
    pub role_model: Option<RoleModel>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub goal: Option<String>,
    /// Why it was made by hand; kept in the history.
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "dissolved", "reason": "Наставляемый перешёл в другую школу"}))]
pub struct PairPatch {
    /// `active` (from approved) or `dissolved` (from any live status).
    pub status: Option<PairStatus>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    pub role_model: Option<Option<RoleModel>>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub goal: Option<Option<String>>,
    /// Required when dissolving; kept in the history.
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_length = 1, max_length = 1000)]
    pub reason: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"outcome": "mostly", "summary": "Цель достигнута: четвертная оценка по математике — 4"}))]
pub struct PairCompletion {
    /// How far the pair's goals were reached.
    pub outcome: GoalOutcome,
    /// How the work ended; kept on the pair and in its history.
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub summary: String,
}

/// Goals reached: yes, mostly, partly or no — the result a completed pair reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GoalOutcome {
    Yes,
    Mostly,
    Partly,
    No,
}

/// A pair seen by one of its own people.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyPair {
    #[serde(flatten)]
    pub pair: Pair,
    /// Which side the caller sits on.
    pub my_role: crate::meetings::MemberRole,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyPairList {
    pub items: Vec<MyPair>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PairFilter {
    pub status: Option<PairStatus>,
}
