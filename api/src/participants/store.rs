//! Queries over participants and consents, the minor rule, and erasure.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::dto::{Consent, ConsentGiver, ConsentScope, Participant, ParticipantKind, Sensitive};
use crate::auth::policy::{Decision, authorize};
use crate::auth::{Action, Principal};
use crate::db::{DbConnection, one_of};
use crate::db::text::from_text;
use crate::db::schema::{consents, participants, program_mentees, program_mentors};
use crate::error::ApiError;
use crate::orgs::store::ancestry;

#[derive(Queryable, Selectable)]
#[diesel(table_name = participants)]
pub struct ParticipantRow {
    pub id: i64,
    pub school_id: i64,
    pub external_id: Option<String>,
    pub kind: String,
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub middle_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    pub birth_year: Option<i32>,
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
    pub user_id: Option<i64>,
    pub disability: bool,
    pub difficult_life_situation: bool,
    pub behaviour_problems: bool,
    pub on_register: bool,
    pub erased_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Under 18 on `today`; a student whose age is unknown counts as a minor, to be safe.
pub fn is_minor(kind: ParticipantKind, birth_date: Option<NaiveDate>, birth_year: Option<i32>, today: NaiveDate) -> bool {
    if let Some(born) = birth_date {
        return today.years_since(born).is_none_or(|age| age < 18);
    }
    if let Some(year) = birth_year {
        // Without the day, someone who turns 18 this year may still be 17.
        return today.year() - year <= 18;
    }
    kind == ParticipantKind::Student
}

/// The participant's school, authorized for `action`; 404 outside the caller's subtree.
pub fn participant_school(conn: &mut DbConnection, principal: &Principal, action: Action, id: i64) -> Result<i64, ApiError> {
    let school: Option<i64> = participants::table.find(id).select(participants::school_id).first(conn).optional()?;
    let school = school.ok_or_else(|| ApiError::not_found(format!("participant {id}")))?;
    authorize(conn, principal, action, school)
        .map_err(|e| e.not_found_as(format!("participant {id}")))?;
    Ok(school)
}

/// Whether the principal sees the sensitive fields of this school's participants.
pub fn sees_sensitive(conn: &mut DbConnection, principal: &Principal, school_id: i64) -> Result<bool, ApiError> {
    Ok(principal.decide(Action::ViewSensitive, &ancestry(conn, school_id)?) == Decision::Allow)
}

/// Ids among `ids` with a valid (not withdrawn) processing consent.
pub fn consented(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<i64>, ApiError> {
    Ok(consents::table
        .filter(one_of(consents::participant_id, ids))
        .filter(consents::scope.eq("processing"))
        .filter(consents::withdrawn_at.is_null())
        .select(consents::participant_id)
        .distinct()
        .load(conn)?)
}

pub fn to_participants(conn: &mut DbConnection, rows: Vec<ParticipantRow>, show_sensitive: bool, today: NaiveDate) -> Result<Vec<Participant>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let with_consent = consented(conn, &ids)?;
    rows.into_iter()
        .map(|r| {
            let kind = ParticipantKind::parse(&r.kind).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown participant kind {}", r.kind)))?;
            Ok(Participant {
                is_minor: is_minor(kind, r.birth_date, r.birth_year, today),
                has_processing_consent: with_consent.contains(&r.id),
                sensitive: show_sensitive.then_some(Sensitive {
                    disability: r.disability,
                    difficult_life_situation: r.difficult_life_situation,
                    behaviour_problems: r.behaviour_problems,
                    on_register: r.on_register,
                }),
                erased: r.erased_at.is_some(),
                id: r.id,
                school_id: r.school_id,
                external_id: r.external_id,
                kind,
                last_name: r.last_name,
                first_name: r.first_name,
                middle_name: r.middle_name,
                birth_date: r.birth_date,
                birth_year: r.birth_year,
                grade: r.grade,
                class_letter: r.class_letter,
                phone: r.phone,
                email: r.email,
                notes: r.notes,
                user_id: r.user_id,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
                version: r.version,
            })
        })
        .collect()
}

pub fn load_participant(conn: &mut DbConnection, id: i64, show_sensitive: bool, today: NaiveDate) -> Result<Participant, ApiError> {
    let row = participants::table.find(id).select(ParticipantRow::as_select()).first(conn).optional()?;
    let row = row.ok_or_else(|| ApiError::not_found(format!("participant {id}")))?;
    to_participants(conn, vec![row], show_sensitive, today)?.pop().ok_or_else(|| ApiError::not_found("participant"))
}

/// What search matches: the full name, lower-cased by Rust so that Cyrillic works on SQLite too.
pub fn search_key(last: &str, first: &str, middle: Option<&str>) -> String {
    format!("{} {} {}", last.trim(), first.trim(), middle.unwrap_or("").trim()).trim().to_lowercase()
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = consents)]
pub struct ConsentRow {
    pub id: i64,
    pub participant_id: i64,
    pub given_by: String,
    pub giver_name: Option<String>,
    pub scope: String,
    pub given_on: NaiveDate,
    pub document_ref: Option<String>,
    pub withdrawn_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn to_consent(r: ConsentRow) -> Result<Consent, ApiError> {
    let given_by: ConsentGiver = from_text(&r.given_by)?;
    let scope: ConsentScope = from_text(&r.scope)?;
    Ok(Consent {
        id: r.id,
        participant_id: r.participant_id,
        given_by,
        giver_name: r.giver_name,
        scope,
        given_on: r.given_on,
        document_ref: r.document_ref,
        withdrawn_at: r.withdrawn_at.map(|t| t.and_utc()),
        created_at: r.created_at.and_utc(),
    })
}

/// Erases the person's personal data, keeping an anonymous record (kind, grade, birth year) so
/// that aggregate figures stay right. Their enrolments leave the programme bases.
pub fn erase(conn: &mut DbConnection, id: i64) -> Result<(), ApiError> {
    // First out of their live pairs, while the pairs can still say who left.
    crate::pairing::pairs::store::release_participant(conn, id)?;
    let now = Utc::now().naive_utc();
    let born: Option<(Option<NaiveDate>, Option<i32>)> =
        participants::table.find(id).select((participants::birth_date, participants::birth_year)).first(conn).optional()?;
    let (birth_date, birth_year) = born.ok_or_else(|| ApiError::not_found(format!("participant {id}")))?;
    diesel::update(participants::table.find(id))
        .set((
            participants::last_name.eq(None::<String>),
            participants::first_name.eq(None::<String>),
            participants::middle_name.eq(None::<String>),
            participants::search_key.eq(None::<String>),
            participants::birth_date.eq(None::<NaiveDate>),
            participants::birth_year.eq(birth_year.or(birth_date.map(|d| d.year()))),
            participants::phone.eq(None::<String>),
            participants::email.eq(None::<String>),
            participants::notes.eq(None::<String>),
            participants::external_id.eq(None::<String>),
            participants::user_id.eq(None::<i64>),
            participants::erased_at.eq(now),
            participants::version.eq(participants::version + 1),
            participants::updated_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(consents::table.filter(consents::participant_id.eq(id)))
        .set(consents::giver_name.eq(None::<String>))
        .execute(conn)?;
    diesel::update(consents::table.filter(consents::participant_id.eq(id)).filter(consents::withdrawn_at.is_null()))
        .set(consents::withdrawn_at.eq(now))
        .execute(conn)?;
    diesel::update(program_mentees::table.filter(program_mentees::participant_id.eq(id)))
        .set((program_mentees::request_text.eq(None::<String>), program_mentees::status.eq("withdrawn"), program_mentees::updated_at.eq(now)))
        .execute(conn)?;
    diesel::update(program_mentors::table.filter(program_mentors::participant_id.eq(id)))
        .set((
            program_mentors::achievements.eq(None::<String>),
            program_mentors::interview_notes.eq(None::<String>),
            program_mentors::status.eq("withdrawn"),
            program_mentors::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn minors() {
        let today = d(2026, 11, 29);
        assert!(is_minor(ParticipantKind::Student, Some(d(2008, 11, 30)), None, today), "18 tomorrow");
        assert!(!is_minor(ParticipantKind::Student, Some(d(2008, 11, 29)), None, today), "18 today");
        assert!(is_minor(ParticipantKind::Teacher, None, Some(2008), today), "born in 2008: maybe still 17");
        assert!(!is_minor(ParticipantKind::Teacher, None, Some(2007), today));
        assert!(is_minor(ParticipantKind::Student, None, None, today));
        assert!(!is_minor(ParticipantKind::Parent, None, None, today));
    }
}
