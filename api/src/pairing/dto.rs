use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::http::json::present;
use crate::participants::dto::ParticipantKind;

/// Mentee categories (DOMAIN.md). The sensitive ones (disability, difficult life situation,
/// behaviour) are kept on the participant and shown here only to those who may see them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MenteeCategory {
    OutstandingAbilities,
    PoorResults,
    NotEngaged,
    Disability,
    DifficultLifeSituation,
    BehaviourProblems,
    YoungSpecialist,
    Burnout,
    NewWorkplace,
    WantsDigitalSkills,
}

impl MenteeCategory {
    pub fn is_sensitive(self) -> bool {
        matches!(self, Self::Disability | Self::DifficultLifeSituation | Self::BehaviourProblems)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MenteeType {
    /// Disoriented, lower results or behaviour: needs the mentor to lead.
    Passive,
    /// Special needs or own projects: wants resources.
    Active,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MenteeStatus {
    Candidate,
    InBase,
    Matched,
    AwaitingSupport,
    Completed,
    Withdrawn,
}

impl MenteeStatus {
    /// candidate → in_base → matched | awaiting_support → completed; withdrawn from anywhere,
    /// and back to candidate from withdrawn.
    pub fn may_become(self, next: Self) -> bool {
        use MenteeStatus::*;
        self == next
            || next == Withdrawn && self != Completed
            || matches!(
                (self, next),
                (Candidate, InBase) | (InBase, Matched) | (InBase, AwaitingSupport) | (AwaitingSupport, Matched) | (Matched, AwaitingSupport) | (Matched, Completed) | (Withdrawn, Candidate)
            )
    }

    /// In the base and counted as demand.
    pub fn is_active(self) -> bool {
        !matches!(self, Self::Completed | Self::Withdrawn)
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Mentee {
    pub id: i64,
    pub program_id: i64,
    pub participant_id: i64,
    /// "Last First", or null once erased.
    pub name: Option<String>,
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
    pub categories: Vec<MenteeCategory>,
    pub mentee_type: MenteeType,
    /// The request (запрос): the concrete problem to solve.
    pub request_text: Option<String>,
    pub request_tags: Vec<String>,
    pub status: MenteeStatus,
    pub etag: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"participant_id": 12, "categories": ["poor_results"], "mentee_type": "passive", "request_text": "Подтянуть математику к ОГЭ", "request_tags": ["academic_results", "exam_preparation"]}))]
pub struct NewMentee {
    pub participant_id: i64,
    #[validate(length(max = 10))]
    #[serde(default)]
    #[schema(max_items = 10)]
    pub categories: Vec<MenteeCategory>,
    pub mentee_type: MenteeType,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub request_text: Option<String>,
    #[validate(length(max = 20))]
    #[serde(default)]
    #[schema(max_items = 20)]
    pub request_tags: Vec<String>,
    /// Default `candidate`.
    pub status: Option<MenteeStatus>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct MenteePatch {
    #[validate(length(max = 10))]
    #[schema(max_items = 10)]
    pub categories: Option<Vec<MenteeCategory>>,
    pub mentee_type: Option<MenteeType>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub request_text: Option<Option<String>>,
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub request_tags: Option<Vec<String>>,
    pub status: Option<MenteeStatus>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Contour {
    /// Students, teachers, parents.
    Internal,
    /// Alumni, employers, partners.
    External,
}

impl Contour {
    pub fn of(kind: ParticipantKind) -> Self {
        match kind {
            ParticipantKind::Student | ParticipantKind::Teacher | ParticipantKind::Parent => Self::Internal,
            _ => Self::External,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InterviewOutcome {
    Pending,
    Passed,
    Failed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrainingStatus {
    NotStarted,
    InProgress,
    Completed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MentorStatus {
    Candidate,
    InBase,
    Withdrawn,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Mentor {
    pub id: i64,
    pub program_id: i64,
    pub participant_id: i64,
    pub name: Option<String>,
    /// Where the mentor comes from: the participant's kind.
    pub source: ParticipantKind,
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
    pub contour: Contour,
    pub competencies: Vec<String>,
    pub achievements: Option<String>,
    /// 1 for a pair, more for a group.
    pub capacity: i32,
    /// Places the mentor's live pairs and groups take.
    pub places_taken: i32,
    pub application_received_on: Option<NaiveDate>,
    pub interview_on: Option<NaiveDate>,
    pub interview_outcome: Option<InterviewOutcome>,
    pub interview_notes: Option<String>,
    pub training_status: TrainingStatus,
    pub training_completed_on: Option<NaiveDate>,
    pub status: MentorStatus,
    /// Passed the interview and finished the "school of mentors".
    pub ready: bool,
    pub etag: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"participant_id": 7, "competencies": ["academic_results", "olympiads"], "capacity": 1, "application_received_on": "2026-10-05"}))]
pub struct NewMentor {
    pub participant_id: i64,
    /// Default: internal for students, teachers and parents; external for the rest.
    pub contour: Option<Contour>,
    #[validate(length(max = 20))]
    #[serde(default)]
    #[schema(max_items = 20)]
    pub competencies: Vec<String>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub achievements: Option<String>,
    #[validate(range(min = 1, max = 30))]
    #[schema(minimum = 1, maximum = 30)]
    pub capacity: Option<i32>,
    pub application_received_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct MentorPatch {
    pub contour: Option<Contour>,
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub competencies: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub achievements: Option<Option<String>>,
    #[validate(range(min = 1, max = 30))]
    #[schema(minimum = 1, maximum = 30)]
    pub capacity: Option<i32>,
    #[serde(default, deserialize_with = "present")]
    pub application_received_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "present")]
    pub interview_on: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "present")]
    pub interview_outcome: Option<Option<InterviewOutcome>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub interview_notes: Option<Option<String>>,
    pub training_status: Option<TrainingStatus>,
    #[serde(default, deserialize_with = "present")]
    pub training_completed_on: Option<Option<NaiveDate>>,
    pub status: Option<MentorStatus>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MenteeList {
    pub items: Vec<Mentee>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MentorList {
    pub items: Vec<Mentor>,
}
