//! Best practices (лучшие практики): a pair's or a school's practice written up by the school,
//! submitted, and published by the institute to the region's library (seed 000: the curator
//! gathers best practices; seed 003: the institute supports and controls). The text is the
//! author's: it names no child — submitting refuses a text with the name of a minor of the school.

pub mod routes;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::http::json::present;
use crate::pairing::matching::RoleModel;
use crate::programs::dto::MentorshipForm;

/// draft → submitted (by the school) → published (by the institute); the institute may return a
/// submitted one to draft with a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PracticeStatus {
    Draft,
    Submitted,
    Published,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Practice {
    pub id: i64,
    pub school_id: i64,
    pub school_name: String,
    pub program_id: Option<i64>,
    /// The pair whose practice it is; its people are not named here.
    pub pair_id: Option<i64>,
    pub title: String,
    pub summary: String,
    /// The write-up (plain text, paragraphs separated by blank lines).
    pub body: String,
    pub form: MentorshipForm,
    pub role_model: Option<RoleModel>,
    pub author: String,
    pub status: PracticeStatus,
    /// The institute's note when it returned the practice for changes.
    pub review_note: Option<String>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub etag: String,
}

/// A practice in the library's list: the write-up itself is read one by one.
#[derive(Debug, Serialize, ToSchema)]
pub struct PracticeSummary {
    pub id: i64,
    pub school_id: i64,
    pub school_name: String,
    pub title: String,
    pub summary: String,
    pub form: MentorshipForm,
    pub role_model: Option<RoleModel>,
    pub author: String,
    pub status: PracticeStatus,
    pub published_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"school_id": 3, "program_id": 1, "title": "Проект «Школьная газета» в паре равный–равному", "summary": "Как пара выпустила три номера газеты и что это дало наставляемому.", "body": "Запрос наставляемого — …", "form": "student_student", "role_model": "peer_peer"}))]
pub struct NewPractice {
    /// The school whose practice it is.
    pub school_id: i64,
    /// A programme of that school.
    pub program_id: Option<i64>,
    /// A pair of that school's programmes.
    pub pair_id: Option<i64>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_length = 1, max_length = 1000)]
    pub summary: String,
    #[validate(length(min = 1, max = 50000))]
    #[schema(min_length = 1, max_length = 50000)]
    pub body: String,
    pub form: MentorshipForm,
    pub role_model: Option<RoleModel>,
    /// Defaults to the name of the user who writes it.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub author: Option<String>,
}

/// Absent fields stay as they are; `null` clears a nullable one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct PracticePatch {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: Option<String>,
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_length = 1, max_length = 1000)]
    pub summary: Option<String>,
    #[validate(length(min = 1, max = 50000))]
    #[schema(min_length = 1, max_length = 50000)]
    pub body: Option<String>,
    pub form: Option<MentorshipForm>,
    #[serde(default, deserialize_with = "present")]
    pub role_model: Option<Option<RoleModel>>,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub author: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub program_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "present")]
    pub pair_id: Option<Option<i64>>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"note": "Уберите, пожалуйста, класс и букву класса наставляемого."}))]
pub struct ReturnPractice {
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub note: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PracticeFilter {
    /// Words in the title, summary, body or author, any case (Cyrillic included).
    pub q: Option<String>,
    pub form: Option<MentorshipForm>,
    pub role_model: Option<RoleModel>,
    pub status: Option<PracticeStatus>,
    pub school_id: Option<i64>,
}
