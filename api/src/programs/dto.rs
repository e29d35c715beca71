use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

use super::gates::GateCheck;
use super::progress::Progress;
use super::status::{ActivityStatus, MediaStatus, ProgramStatus};
use super::template::{TemplateActivity, first_year};
use crate::auth::Role;
use crate::http::Versioned;
use crate::http::etag::etag_value;
use crate::http::json::present;
use crate::http::json_time;

/// The five forms of mentorship of the target model (seed 002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MentorshipForm {
    StudentStudent,
    TeacherTeacher,
    EmployerStudent,
    UniversityStudentStudent,
    EmployerCollegeStudent,
}

pub fn validate_academic_year(year: &str) -> Result<(), ValidationError> {
    first_year(year)
        .map(|_| ())
        .ok_or_else(|| ValidationError::new("academic_year").with_message("must be two following years, e.g. 2026/2027".into()))
}

fn not_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() { Err(ValidationError::new("blank").with_message("must not be blank".into())) } else { Ok(()) }
}

fn unique_forms(forms: &[MentorshipForm]) -> Result<(), ValidationError> {
    let mut seen = Vec::new();
    for f in forms {
        if seen.contains(f) {
            return Err(ValidationError::new("forms").with_message("each form may appear once".into()));
        }
        seen.push(*f);
    }
    Ok(())
}

fn short_items(tasks: &[String]) -> Result<(), ValidationError> {
    if tasks.iter().any(|t| t.chars().count() > 1000) {
        return Err(ValidationError::new("tasks").with_message("each task is at most 1000 characters".into()));
    }
    Ok(())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Program {
    pub id: i64,
    pub school_id: i64,
    pub title: String,
    #[schema(example = "2026/2027")]
    pub academic_year: String,
    #[serde(serialize_with = "json_time::date")]
    pub start_date: NaiveDate,
    #[serde(serialize_with = "json_time::date")]
    pub end_date: NaiveDate,
    pub forms: Vec<MentorshipForm>,
    pub coordinator_id: Option<i64>,
    pub curator_ids: Vec<i64>,
    /// The contact person the school's website shows.
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub goal: Option<String>,
    pub tasks: Vec<String>,
    pub status: ProgramStatus,
    /// The roadmap's progress, against the school's today.
    pub progress: Progress,
    #[serde(serialize_with = "json_time::timestamp")]
    pub created_at: DateTime<Utc>,
    #[serde(serialize_with = "json_time::timestamp")]
    pub updated_at: DateTime<Utc>,
    #[serde(skip)]
    pub version: i64,
}

impl Versioned for Program {
    fn etag(&self) -> String {
        etag_value("program", self.id, self.version)
    }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "Программа наставничества «Ученик – ученик»", "academic_year": "2026/2027", "forms": ["student_student"], "goal": "Раскрытие потенциала обучающихся", "tasks": ["Помощь в адаптации пятиклассников"]}))]
pub struct NewProgram {
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 300)]
    pub title: String,
    #[validate(custom(function = "validate_academic_year"))]
    #[schema(example = "2026/2027", pattern = "^[0-9]{4}/[0-9]{4}$")]
    pub academic_year: String,
    /// Default 1 September.
    pub start_date: Option<NaiveDate>,
    /// Default 31 May.
    pub end_date: Option<NaiveDate>,
    #[validate(length(min = 1, max = 5), custom(function = "unique_forms"))]
    #[schema(min_items = 1, max_items = 5)]
    pub forms: Vec<MentorshipForm>,
    pub coordinator_id: Option<i64>,
    #[validate(length(max = 20))]
    #[serde(default)]
    #[schema(max_items = 20)]
    pub curator_ids: Vec<i64>,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub contact_name: Option<String>,
    #[validate(length(max = 50))]
    #[schema(max_length = 50)]
    pub contact_phone: Option<String>,
    #[validate(email, length(max = 254))]
    #[schema(format = "email", max_length = 254)]
    pub contact_email: Option<String>,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub goal: Option<String>,
    #[validate(length(max = 30), custom(function = "short_items"))]
    #[serde(default)]
    #[schema(max_items = 30)]
    pub tasks: Vec<String>,
}

/// Absent fields stay as they are; `null` clears a nullable one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct ProgramPatch {
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 300)]
    pub title: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    #[validate(length(min = 1, max = 5), custom(function = "unique_forms"))]
    #[schema(min_items = 1, max_items = 5)]
    pub forms: Option<Vec<MentorshipForm>>,
    #[serde(default, deserialize_with = "present")]
    pub coordinator_id: Option<Option<i64>>,
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub curator_ids: Option<Vec<i64>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub contact_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 50))]
    #[schema(max_length = 50)]
    pub contact_phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(email, length(max = 254))]
    #[schema(format = "email", max_length = 254)]
    pub contact_email: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub goal: Option<Option<String>>,
    #[validate(length(max = 30), custom(function = "short_items"))]
    #[schema(max_items = 30)]
    pub tasks: Option<Vec<String>>,
    /// draft → active → completed → archived, forward only.
    pub status: Option<ProgramStatus>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProgramFilter {
    pub status: Option<ProgramStatus>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Activity {
    pub id: i64,
    pub program_id: i64,
    pub stage_no: i32,
    pub position: i32,
    pub title: String,
    pub content: String,
    pub deadline: NaiveDate,
    pub responsible_role: Option<Role>,
    pub responsible_user_id: Option<i64>,
    pub responsible_user_name: Option<String>,
    pub expected_result: Option<String>,
    pub status: ActivityStatus,
    /// Past its deadline (in the school's time zone) and neither done nor cancelled.
    pub overdue: bool,
    pub result_note: Option<String>,
    /// Evidence: the order's number, its date, a link to the document.
    pub evidence_order_number: Option<String>,
    pub evidence_order_date: Option<NaiveDate>,
    pub evidence_link: Option<String>,
    pub completed_at: Option<DateTime<Utc>>,
    /// Send as `If-Match` when changing this activity.
    pub etag: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "Круглый стол для потенциальных наставников", "deadline": "2026-12-15", "responsible_role": "curator"}))]
pub struct NewActivity {
    #[validate(length(min = 1, max = 500), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 500)]
    pub title: String,
    #[validate(length(max = 5000))]
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub content: String,
    pub deadline: NaiveDate,
    pub responsible_role: Option<Role>,
    pub responsible_user_id: Option<i64>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub expected_result: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"status": "done", "result_note": "Приказ подписан", "evidence_order_number": "112-о", "evidence_order_date": "2026-10-02"}))]
pub struct ActivityPatch {
    #[validate(length(min = 1, max = 500), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 500)]
    pub title: Option<String>,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub content: Option<String>,
    pub deadline: Option<NaiveDate>,
    #[serde(default, deserialize_with = "present")]
    pub responsible_role: Option<Option<Role>>,
    #[serde(default, deserialize_with = "present")]
    pub responsible_user_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub expected_result: Option<Option<String>>,
    /// planned → in_progress | done | cancelled; done → in_progress and cancelled → planned reopen.
    pub status: Option<ActivityStatus>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub result_note: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub evidence_order_number: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub evidence_order_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(url, length(max = 2000))]
    #[schema(format = "uri", max_length = 2000)]
    pub evidence_link: Option<Option<String>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StageGate {
    /// Every activity of the stage is done or cancelled, and at least one is done.
    pub ticked: bool,
    /// What the data proves.
    pub checks: Vec<GateCheck>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Stage {
    #[schema(minimum = 1, maximum = 7)]
    pub stage_no: i32,
    pub title: String,
    pub expected_result: String,
    pub progress: Progress,
    pub gate: StageGate,
    pub activities: Vec<Activity>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Roadmap {
    pub program_id: i64,
    /// Today in the school's time zone: what "overdue" is measured against.
    pub today: NaiveDate,
    pub progress: Progress,
    /// The first stage with open work; null when all is done.
    pub current_stage: Option<i32>,
    pub stages: Vec<Stage>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MediaItem {
    pub id: i64,
    pub program_id: i64,
    pub stage_no: i32,
    /// The event (мероприятие) the item covers.
    pub event: String,
    /// The message (смысловая нагрузка).
    pub message: Option<String>,
    /// Where: site, press, social networks.
    pub channel: Option<String>,
    /// How: article, news on the site.
    pub form: Option<String>,
    pub deadline: NaiveDate,
    pub responsible: Option<String>,
    pub status: MediaStatus,
    pub published_url: Option<String>,
    pub overdue: bool,
    pub etag: String,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MediaPlan {
    pub items: Vec<MediaItem>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"stage_no": 6, "event": "Неделя наставничества", "channel": "Сайт школы", "form": "Новость", "deadline": "2027-02-15"}))]
pub struct NewMediaItem {
    #[validate(range(min = 1, max = 7))]
    #[schema(minimum = 1, maximum = 7)]
    pub stage_no: i32,
    #[validate(length(min = 1, max = 500), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 500)]
    pub event: String,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub message: Option<String>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub channel: Option<String>,
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub form: Option<String>,
    pub deadline: NaiveDate,
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub responsible: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct MediaItemPatch {
    #[validate(range(min = 1, max = 7))]
    #[schema(minimum = 1, maximum = 7)]
    pub stage_no: Option<i32>,
    #[validate(length(min = 1, max = 500), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 500)]
    pub event: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub message: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub channel: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub form: Option<Option<String>>,
    pub deadline: Option<NaiveDate>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 300))]
    #[schema(max_length = 300)]
    pub responsible: Option<Option<String>>,
    /// `published` needs `published_url`.
    pub status: Option<MediaStatus>,
    #[serde(default, deserialize_with = "present")]
    #[validate(url, length(max = 2000))]
    #[schema(format = "uri", max_length = 2000)]
    pub published_url: Option<Option<String>>,
}

/// The roadmap template that programmes of a school start from.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoadmapTemplate {
    pub organization_id: i64,
    /// `regional`: the institute's own; `standard`: the one that ships with Nastavnik.
    pub source: TemplateSource,
    pub items: Vec<TemplateActivity>,
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TemplateSource {
    Regional,
    Standard,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct RoadmapTemplateUpdate {
    #[validate(length(min = 7, max = 200), nested)]
    #[schema(min_items = 7, max_items = 200)]
    pub items: Vec<TemplateActivity>,
}
