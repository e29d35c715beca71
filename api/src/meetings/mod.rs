//! Stage 6, the pairs' work: meetings in the model's sequence, the journal of what happened,
//! calendars, and the alerts that make silence visible.

pub mod access;
pub mod alerts;
pub mod gate;
pub mod calendar;
pub mod routes;
pub mod sequence;
pub mod settings;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

pub use sequence::{MeetingKind, MeetingStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingFormat {
    InPerson,
    Online,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MemberRole {
    Mentor,
    Mentee,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Attendee {
    pub participant_id: i64,
    pub name: Option<String>,
    pub role: MemberRole,
    /// Null until someone marks it.
    pub present: Option<bool>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Meeting {
    pub id: i64,
    pub pair_id: i64,
    pub kind: MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub format: MeetingFormat,
    pub link: Option<String>,
    pub place: Option<String>,
    pub topic: Option<String>,
    /// The development plan's task it serves.
    pub plan_task: Option<String>,
    pub status: MeetingStatus,
    pub cancelled_by: Option<String>,
    pub cancel_reason: Option<String>,
    pub notes: Option<String>,
    pub attendance: Vec<Attendee>,
    /// 1–5; each side sees its own, the curator sees both.
    pub mentee_rating: Option<i32>,
    pub mentee_feedback: Option<String>,
    pub mentor_rating: Option<i32>,
    pub mentor_feedback: Option<String>,
    pub etag: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
pub struct AttendanceMark {
    pub participant_id: i64,
    pub present: bool,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"kind": "introduction", "starts_at": "2026-10-05T06:00:00Z", "ends_at": "2026-10-05T06:45:00Z", "format": "in_person", "place": "Кабинет 12", "topic": "Знакомство, договорённости"}))]
pub struct NewMeeting {
    pub kind: MeetingKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub format: MeetingFormat,
    #[validate(url, length(max = 500))]
    #[schema(max_length = 500)]
    pub link: Option<String>,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub place: Option<String>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub topic: Option<String>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub plan_task: Option<String>,
    /// `held` logs a meeting that already took place, in one step. Default `scheduled`.
    pub status: Option<MeetingStatus>,
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
    #[validate(length(max = 31))]
    #[serde(default)]
    #[schema(max_items = 31)]
    pub attendance: Vec<AttendanceMark>,
}

#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "held", "attendance": [{"participant_id": 7, "present": true}], "notes": "Договорились о целях", "mentor_rating": 5, "mentor_feedback": "Хорошее начало"}))]
pub struct MeetingPatch {
    pub starts_at: Option<DateTime<Utc>>,
    pub ends_at: Option<DateTime<Utc>>,
    pub format: Option<MeetingFormat>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    #[validate(url, length(max = 500))]
    #[schema(max_length = 500)]
    pub link: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub place: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub topic: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub plan_task: Option<Option<String>>,
    /// `held` after it took place, or `cancelled` (with a reason).
    pub status: Option<MeetingStatus>,
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_length = 1, max_length = 1000)]
    pub cancel_reason: Option<String>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub notes: Option<Option<String>>,
    #[validate(length(max = 31))]
    #[schema(max_items = 31)]
    pub attendance: Option<Vec<AttendanceMark>>,
    #[validate(range(min = 1, max = 5))]
    #[schema(minimum = 1, maximum = 5)]
    pub mentee_rating: Option<i32>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub mentee_feedback: Option<String>,
    #[validate(range(min = 1, max = 5))]
    #[schema(minimum = 1, maximum = 5)]
    pub mentor_rating: Option<i32>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub mentor_feedback: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeetingList {
    pub items: Vec<Meeting>,
}
