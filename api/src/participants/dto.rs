use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

use crate::http::Versioned;
use crate::http::etag::etag_value;
use crate::http::json::present;

/// Who a participant is (DOMAIN.md, "The two bases": mentor sources and mentees).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantKind {
    Student,
    Teacher,
    Parent,
    Alumnus,
    Employer,
    Entrepreneur,
    Veteran,
    UniversityStudent,
    CollegeStudent,
    Partner,
}

impl ParticipantKind {
    pub const ALL: [Self; 10] = [
        Self::Student,
        Self::Teacher,
        Self::Parent,
        Self::Alumnus,
        Self::Employer,
        Self::Entrepreneur,
        Self::Veteran,
        Self::UniversityStudent,
        Self::CollegeStudent,
        Self::Partner,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Student => "student",
            Self::Teacher => "teacher",
            Self::Parent => "parent",
            Self::Alumnus => "alumnus",
            Self::Employer => "employer",
            Self::Entrepreneur => "entrepreneur",
            Self::Veteran => "veteran",
            Self::UniversityStudent => "university_student",
            Self::CollegeStudent => "college_student",
            Self::Partner => "partner",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Facts about a child that only the school admin, the curator and the psychologist see.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, ToSchema, PartialEq, Eq)]
pub struct Sensitive {
    #[serde(default)]
    pub disability: bool,
    #[serde(default)]
    pub difficult_life_situation: bool,
    #[serde(default)]
    pub behaviour_problems: bool,
    #[serde(default)]
    pub on_register: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Participant {
    pub id: i64,
    pub school_id: i64,
    pub external_id: Option<String>,
    pub kind: ParticipantKind,
    /// Null once the person's data was erased.
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub middle_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub birth_year: Option<i32>,
    #[schema(minimum = 1, maximum = 11)]
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    pub user_id: Option<i64>,
    /// Under 18 (or a student of unknown age): consent rules and the audit trail apply.
    pub is_minor: bool,
    /// A valid consent to process personal data is on record.
    pub has_processing_consent: bool,
    /// Present only for roles that may see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<Sensitive>,
    pub erased: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(skip)]
    pub version: i64,
}

impl Versioned for Participant {
    fn etag(&self) -> String {
        etag_value("participant", self.id, self.version)
    }
}

fn not_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() { Err(ValidationError::new("blank").with_message("must not be blank".into())) } else { Ok(()) }
}

pub fn validate_class_letter(s: &str) -> Result<(), ValidationError> {
    let ok = s.chars().count() <= 2 && s.chars().all(char::is_alphabetic);
    if ok { Ok(()) } else { Err(ValidationError::new("class_letter").with_message("one or two letters, e.g. А".into())) }
}

#[derive(Debug, Clone, PartialEq, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"kind": "student", "last_name": "Соколов", "first_name": "Максим", "grade": 7, "class_letter": "Б", "birth_date": "2013-04-12", "external_id": "KR-0042"}))]
pub struct NewParticipant {
    pub kind: ParticipantKind,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub external_id: Option<String>,
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: String,
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: String,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub middle_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    #[validate(range(min = 1920, max = 2030))]
    #[schema(minimum = 1920, maximum = 2030)]
    pub birth_year: Option<i32>,
    #[validate(range(min = 1, max = 11))]
    #[schema(minimum = 1, maximum = 11)]
    pub grade: Option<i32>,
    #[validate(custom(function = "validate_class_letter"))]
    #[schema(max_length = 2)]
    pub class_letter: Option<String>,
    #[validate(length(max = 50))]
    #[schema(max_length = 50)]
    pub phone: Option<String>,
    #[validate(email, length(max = 254))]
    #[schema(format = "email", max_length = 254)]
    pub email: Option<String>,
    #[validate(length(max = 5000))]
    #[schema(max_length = 5000)]
    pub notes: Option<String>,
    pub user_id: Option<i64>,
    #[serde(default)]
    pub sensitive: Sensitive,
}

/// Absent fields stay; `null` clears a nullable one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct ParticipantPatch {
    pub kind: Option<ParticipantKind>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub external_id: Option<Option<String>>,
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 100)]
    pub last_name: Option<String>,
    #[validate(length(min = 1, max = 100), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 100)]
    pub first_name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub middle_name: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub birth_date: Option<Option<NaiveDate>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(range(min = 1920, max = 2030))]
    pub birth_year: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(range(min = 1, max = 11))]
    pub grade: Option<Option<i32>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(custom(function = "validate_class_letter"))]
    pub class_letter: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 50))]
    pub phone: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(email, length(max = 254))]
    pub email: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[validate(length(max = 5000))]
    pub notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub user_id: Option<Option<i64>>,
    /// Only roles that see sensitive fields may change them.
    pub sensitive: Option<Sensitive>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ParticipantFilter {
    /// Part of the name, any case (Cyrillic too).
    pub q: Option<String>,
    pub kind: Option<ParticipantKind>,
    pub grade: Option<i32>,
    /// `true`: only those with a valid processing consent; `false`: only those without.
    pub consent: Option<bool>,
    /// Include erased records (default false).
    pub include_erased: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentGiver {
    /// The person themself (an adult).
    #[serde(rename = "self")]
    Myself,
    Parent,
    LegalRepresentative,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConsentScope {
    /// Processing of personal data: needed to enter a programme base.
    Processing,
    PublicationName,
    PublicationPhoto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Consent {
    pub id: i64,
    pub participant_id: i64,
    pub given_by: ConsentGiver,
    /// The parent's or representative's name; erased with the person's data.
    pub giver_name: Option<String>,
    pub scope: ConsentScope,
    pub given_on: NaiveDate,
    pub document_ref: Option<String>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"given_by": "parent", "giver_name": "Соколова Ирина Васильевна", "scope": "processing", "given_on": "2026-09-05", "document_ref": "Согласие № 42"}))]
pub struct NewConsent {
    pub given_by: ConsentGiver,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub giver_name: Option<String>,
    pub scope: ConsentScope,
    pub given_on: NaiveDate,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub document_ref: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ConsentList {
    pub items: Vec<Consent>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    /// `user:<id>` or `api_token:<id>`.
    pub actor: String,
    /// `read`, `list`, `create`, `update`, `erase`, `consent_given`, `consent_withdrawn`, `export`, `enrol`, `import`.
    pub action: String,
    /// `participant`; `import_job` for an import, whose one entry names every minor's record it wrote.
    pub entity: String,
    /// The participant, or the import job.
    pub entity_id: i64,
    pub detail: Option<String>,
    pub at: DateTime<Utc>,
}
