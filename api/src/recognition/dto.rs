//! What the awards endpoints take and give.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

/// The school's forms of recognition (seed 001, section 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AwardKind {
    /// Наставник года: to a mentor.
    MentorOfTheYear,
    /// Лучшая пара: to a pair or group.
    BestPair,
    /// Сертификат в портфолио обучающегося.
    Certificate,
    /// Благодарственное письмо (to a mentor, or to a student mentor's parents).
    LetterOfThanks,
}

impl AwardKind {
    /// The title printed when the school gives none.
    pub fn default_title(self) -> &'static str {
        match self {
            Self::MentorOfTheYear => "Наставник года",
            Self::BestPair => "Лучшая наставническая пара",
            Self::Certificate => "Сертификат участника программы наставничества",
            Self::LetterOfThanks => "Благодарственное письмо",
        }
    }
}

/// Who holds the award: a person of the programme's bases, or one of its pairs.
#[derive(Debug, Serialize, ToSchema)]
pub struct AwardRecipient {
    pub participant_id: Option<i64>,
    pub pair_id: Option<i64>,
    /// The holder's name, or the pair's people ("mentor — mentee, …"). For those outside the
    /// school's staff a minor without a publication consent appears by initials; null once erased.
    pub name: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Award {
    pub id: i64,
    pub program_id: i64,
    pub kind: AwardKind,
    pub recipient: AwardRecipient,
    /// Whom a letter is addressed to when not the holder (a student mentor's parents).
    pub addressee: Option<String>,
    pub title: String,
    /// The wording on the certificate: what it is for.
    pub wording: Option<String>,
    pub awarded_on: NaiveDate,
    pub signatory: Option<String>,
    /// `NST-XXXX-XXXX`: printed on the certificate, checked at `/public/certificates/{code}`.
    pub code: String,
    pub revoked: bool,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoke_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub etag: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"kind": "mentor_of_the_year", "participant_id": 12, "wording": "За высокие результаты наставнической деятельности в 2026/2027 учебном году", "awarded_on": "2027-05-20", "signatory": "Директор О. Н. Смирнова"}))]
pub struct NewAward {
    pub kind: AwardKind,
    /// The holder, a person of the programme's bases; or give `pair_id`.
    pub participant_id: Option<i64>,
    /// The holder, a pair of the programme (Best pair); or give `participant_id`.
    pub pair_id: Option<i64>,
    /// Defaults to the kind's usual title.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: Option<String>,
    #[validate(length(max = 2000))]
    #[schema(max_length = 2000)]
    pub wording: Option<String>,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub addressee: Option<String>,
    /// The school's day of the award; not in the future.
    pub awarded_on: NaiveDate,
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub signatory: Option<String>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"reason": "Выдан ошибочно"}))]
pub struct RevokeAward {
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub reason: String,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AwardFilter {
    pub kind: Option<AwardKind>,
    /// Revoked awards too (default true: the record stays).
    pub include_revoked: Option<bool>,
}

/// What the print view needs: the school, the programme, the holder and the code.
#[derive(Debug, Serialize, ToSchema)]
pub struct Certificate {
    pub award_id: i64,
    pub kind: AwardKind,
    pub code: String,
    pub title: String,
    pub wording: Option<String>,
    /// The holder's full name (the school's staff print it), or the pair's people.
    pub holder: Option<String>,
    pub addressee: Option<String>,
    pub awarded_on: NaiveDate,
    pub signatory: Option<String>,
    pub school_name: String,
    pub school_short_name: Option<String>,
    pub program_title: String,
    pub academic_year: String,
    pub revoked: bool,
    /// Where anyone checks the code: the SPA's public page, relative to the site.
    pub verify_path: String,
}

/// How much of the holder's name a public page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NameShown {
    /// An adult, or a minor whose parent consented to publishing the name.
    Full,
    /// A minor without that consent.
    Initials,
    /// Erased, or no one to name.
    Hidden,
}

/// A certificate as anyone may check it: no personal data beyond what the holder allowed.
#[derive(Debug, Serialize, ToSchema)]
pub struct PublicCertificate {
    pub code: String,
    pub kind: AwardKind,
    pub title: String,
    pub school_name: String,
    pub awarded_on: NaiveDate,
    pub holder: Option<String>,
    pub holder_shown: NameShown,
    pub revoked: bool,
    pub revoked_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NomineeKind {
    MentorOfTheYear,
    BestPair,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NomineeQuery {
    pub kind: NomineeKind,
    /// How many to suggest, 1–50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    pub limit: Option<i64>,
}

/// The record that puts a nominee on the list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct NomineeFigures {
    /// Approved, active or completed pairs and groups.
    pub pairs: i64,
    pub completed_pairs: i64,
    pub meetings_held: i64,
    /// From the first meeting held to the last, summed over the pairs.
    pub days_of_work: i64,
    /// Mean meeting rating, 1–5: the mentees' for a mentor, both sides' for a pair.
    pub mean_rating: Option<f64>,
    pub ratings: i64,
    /// Mentees measured at entry and exit (phase 2).
    pub measured_mentees: i64,
    /// Share of those mentees' parameters that moved the right way (anxiety down, the rest up).
    pub improved_share: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Nominee {
    pub rank: usize,
    /// The mentor (Mentor of the year).
    pub participant_id: Option<i64>,
    /// The pair (Best pair).
    pub pair_id: Option<i64>,
    pub name: Option<String>,
    /// 0–100: meetings 35, days of work 15, completed pairs 15, rating 20, phase-2 change 15,
    /// each against the best of the programme.
    pub score: f64,
    pub figures: NomineeFigures,
    /// A live award of this kind already went to them in this programme.
    pub already_awarded: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NomineeList {
    pub kind: NomineeKind,
    pub items: Vec<Nominee>,
}
