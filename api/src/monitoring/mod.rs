//! Monitoring in two phases (seed 001, section 9): survey templates, surveys of a programme with
//! one-time invitations anyone can answer on a phone, and the answers saved as the person goes.

pub mod gate;
pub mod impact;
pub mod measurements;
pub mod mine;
pub mod public;
pub mod quality;
pub mod questions;
pub mod standard;
pub mod stats;
pub mod surveys;
pub mod templates;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use self::questions::Question;
use crate::programs::dto::MentorshipForm;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// Phase 1: how well the programme is run.
    Quality,
    /// Phase 2: the participants' change, entry → exit.
    Impact,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Mentor,
    Mentee,
    Curator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SurveyPhase {
    Quality,
    Entry,
    Exit,
    Interim,
}

impl SurveyPhase {
    /// Quality questionnaires run in the quality phase (or midway); impact instruments at entry,
    /// at exit (or midway).
    pub fn fits(self, purpose: Purpose) -> bool {
        matches!((self, purpose), (Self::Quality | Self::Interim, Purpose::Quality) | (Self::Entry | Self::Exit | Self::Interim, Purpose::Impact))
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyTemplate {
    pub id: i64,
    /// Null for the templates shipped with the system.
    pub organization_id: Option<i64>,
    pub code: String,
    pub version: i32,
    pub title: String,
    pub purpose: Purpose,
    pub audience: Audience,
    pub form: Option<MentorshipForm>,
    pub questions: Vec<Question>,
    /// Surveys run it: it no longer changes; a new version is made instead.
    pub in_use: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyTemplateList {
    pub items: Vec<SurveyTemplate>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"code": "club_quality", "title": "Анкета о клубе наставников", "purpose": "quality", "audience": "mentee", "questions": [{"code": "satisfaction", "text": "Насколько вы довольны?", "kind": "scale", "min": 1, "max": 5, "required": true}]}))]
pub struct NewSurveyTemplate {
    #[validate(length(min = 1, max = 40))]
    #[schema(pattern = "^[a-z0-9_]{1,40}$")]
    pub code: String,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    pub purpose: Purpose,
    pub audience: Audience,
    pub form: Option<MentorshipForm>,
    #[schema(min_items = 1, max_items = 100)]
    pub questions: Vec<Question>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct TemplateVersionInput {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: Option<String>,
    #[schema(min_items = 1, max_items = 100)]
    pub questions: Vec<Question>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseCounts {
    pub invitations: i64,
    /// Answered at least one question.
    pub started: i64,
    pub submitted: i64,
    /// Submitted out of invitations, 0–1; null before any invitation.
    pub response_rate: Option<f64>,
}

/// Where a survey stands on the school's calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SurveyStatus {
    NotYetOpen,
    Open,
    /// Past its closing date.
    Finished,
    /// Closed before its date by the curator.
    ClosedEarly,
}

impl SurveyStatus {
    pub fn of(today: NaiveDate, opens_on: NaiveDate, closes_on: NaiveDate, closed_early: bool) -> Self {
        if closed_early {
            Self::ClosedEarly
        } else if today < opens_on {
            Self::NotYetOpen
        } else if today > closes_on {
            Self::Finished
        } else {
            Self::Open
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Survey {
    pub id: i64,
    pub program_id: i64,
    pub template_id: i64,
    pub title: String,
    pub phase: SurveyPhase,
    pub audience: Audience,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    /// Open now: between its dates in the school's calendar and not closed early.
    pub open: bool,
    pub status: SurveyStatus,
    pub closed_at: Option<DateTime<Utc>>,
    pub counts: ResponseCounts,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyList {
    pub items: Vec<Survey>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"template_id": 4, "phase": "entry", "opens_on": "2026-12-01", "closes_on": "2026-12-14"}))]
pub struct NewSurvey {
    pub template_id: i64,
    pub phase: SurveyPhase,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
}

#[cfg(test)]
mod tests {
    use super::SurveyStatus;

    #[test]
    fn a_survey_stands_where_the_school_calendar_puts_it() {
        let d = |day| chrono::NaiveDate::from_ymd_opt(2026, 12, day).expect("date");
        assert_eq!(SurveyStatus::of(d(1), d(2), d(9), false), SurveyStatus::NotYetOpen);
        assert_eq!(SurveyStatus::of(d(9), d(2), d(9), false), SurveyStatus::Open);
        assert_eq!(SurveyStatus::of(d(10), d(2), d(9), false), SurveyStatus::Finished);
        assert_eq!(SurveyStatus::of(d(5), d(2), d(9), true), SurveyStatus::ClosedEarly);
    }
}
