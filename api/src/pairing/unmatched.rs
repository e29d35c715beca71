//! `/programs/{id}/unmatched-mentees`: those left without a pair, with the engine's reason from
//! the latest matching run, the psychologist's support notes, and the date the search continues.

use actix_web::{get, put, web};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::matching::UnmatchedReason;
use super::people::enrolled_people;
use super::runs::store::latest_unmatched;
use crate::auth::{Action, Principal};
use crate::db::schema::{mentee_support as ms, pair_mentees, program_mentees as pm};
use crate::db::text::from_json;
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::participants::audit::record;
use crate::participants::store::sees_sensitive;
use crate::programs::store::program_scope;

#[derive(Debug, Serialize, ToSchema)]
pub struct UnmatchedMentee {
    /// The enrolment id.
    pub mentee_id: i64,
    pub participant_id: i64,
    pub name: Option<String>,
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
    pub request_tags: Vec<String>,
    /// Why the latest matching run left them out; null if no run has seen them yet.
    pub reason: Option<UnmatchedReason>,
    pub matching_run_id: Option<i64>,
    /// The psychologist's support notes; null for those who may not see sensitive data.
    pub support_notes: Option<String>,
    pub search_resumes_on: Option<NaiveDate>,
    pub support_updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UnmatchedMenteeList {
    pub items: Vec<UnmatchedMentee>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"support_notes": "Еженедельные встречи с психологом", "search_resumes_on": "2027-01-15"}))]
pub struct MenteeSupportInput {
    /// Absent: kept as it is (those who may not read the notes can still set the date).
    #[serde(default, deserialize_with = "crate::http::json::present")]
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub support_notes: Option<Option<String>>,
    #[serde(default, deserialize_with = "crate::http::json::present")]
    pub search_resumes_on: Option<Option<NaiveDate>>,
}

/// In the base, waiting, and in no live pair.
fn waiting(conn: &mut DbConnection, program_id: i64) -> Result<Vec<(i64, i64, String)>, ApiError> {
    let paired = pair_mentees::table.filter(pair_mentees::live.eq(true)).select(pair_mentees::mentee_id);
    Ok(pm::table
        .filter(pm::program_id.eq(program_id))
        .filter(pm::status.eq_any(["in_base", "awaiting_support"]))
        .filter(pm::id.ne_all(paired))
        .order(pm::id)
        .select((pm::id, pm::participant_id, pm::request_tags))
        .load(conn)?)
}

fn list(conn: &mut DbConnection, principal: &Principal, program_id: i64, school_id: i64) -> Result<Vec<UnmatchedMentee>, ApiError> {
    let rows = waiting(conn, program_id)?;
    let show = sees_sensitive(conn, principal, school_id)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.1).collect();
    let people = enrolled_people(conn, &ids, school_id, false)?;
    let (run_id, reasons) = latest_unmatched(conn, program_id)?;
    let enrolments: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let support: Vec<(i64, Option<String>, Option<NaiveDate>, chrono::NaiveDateTime)> =
        ms::table.filter(one_of(ms::mentee_id, &enrolments)).select((ms::mentee_id, ms::notes, ms::search_resumes_on, ms::updated_at)).load(conn)?;
    record(conn, principal, school_id, "list", &people.minors(), Some("unmatched mentees"))?;
    rows.into_iter()
        .map(|(mentee_id, participant_id, tags)| {
            let person = people.get(participant_id);
            let help = support.iter().find(|s| s.0 == mentee_id);
            let reason = reasons.iter().find(|r| r.mentee_id == mentee_id).map(|r| r.reason.clone());
            Ok(UnmatchedMentee {
                mentee_id,
                participant_id,
                name: person.and_then(|p| p.name.clone()),
                grade: person.and_then(|p| p.grade),
                class_letter: person.and_then(|p| p.class_letter.clone()),
                request_tags: from_json(&tags)?,
                matching_run_id: reason.as_ref().and(run_id),
                reason,
                support_notes: help.and_then(|h| h.1.clone()).filter(|_| show),
                search_resumes_on: help.and_then(|h| h.2),
                support_updated_at: help.map(|h| h.3.and_utc()),
            })
        })
        .collect()
}

#[utoipa::path(
    tag = "pairing",
    summary = "Mentees left without a pair: the reason, support, and when the search continues",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = UnmatchedMenteeList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/unmatched-mentees")]
pub async fn list_unmatched(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<UnmatchedMenteeList>, ApiError> {
    let program_id = id.into_inner();
    let items = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            list(conn, &principal, program_id, scope.school_id)
        })
        .await?;
    Ok(web::Json(UnmatchedMenteeList { items }))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Record support for a mentee left without a pair",
    description = "The psychologist's notes and the date the search for a mentor continues.",
    params(("id" = i64, Path, description = "the mentee's enrolment id")),
    request_body = MenteeSupportInput,
    responses(
        (status = 200, body = UnmatchedMentee), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "mentee_paired, programme_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[put("/program-mentees/{id}/support")]
pub async fn put_support(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<MenteeSupportInput>) -> Result<web::Json<UnmatchedMentee>, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    let item = db
        .write(move |conn| {
            let program_id: Option<i64> = pm::table.find(id).select(pm::program_id).first(conn).optional()?;
            let program_id = program_id.ok_or_else(|| ApiError::not_found(format!("mentee enrolment {id}")))?;
            let scope = program_scope(conn, &principal, Action::SupportMentees, program_id).map_err(|e| e.not_found_as(format!("mentee enrolment {id}")))?.open()?;
            if !waiting(conn, program_id)?.iter().any(|w| w.0 == id) {
                return Err(ApiError::conflict("mentee_paired", "the mentee is not waiting for a pair"));
            }
            let current: Option<(Option<String>, Option<NaiveDate>)> = ms::table.find(id).select((ms::notes, ms::search_resumes_on)).first(conn).optional()?;
            let (old_notes, old_date) = current.unwrap_or_default();
            let notes = match input.support_notes {
                Some(new) => new.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
                None => old_notes,
            };
            let resumes_on = input.search_resumes_on.unwrap_or(old_date);
            let now = Utc::now().naive_utc();
            let saved = diesel::update(ms::table.find(id))
                .set((ms::notes.eq(&notes), ms::search_resumes_on.eq(resumes_on), ms::updated_by.eq(principal.user_id()), ms::updated_at.eq(now)))
                .execute(conn)?;
            if saved == 0 {
                diesel::insert_into(ms::table)
                    .values((ms::mentee_id.eq(id), ms::notes.eq(&notes), ms::search_resumes_on.eq(resumes_on), ms::updated_by.eq(principal.user_id()), ms::updated_at.eq(now)))
                    .execute(conn)?;
            }
            // Someone waiting with support is `awaiting_support` in the base.
            diesel::update(pm::table.find(id).filter(pm::status.eq("in_base"))).set(pm::status.eq("awaiting_support")).execute(conn)?;
            list(conn, &principal, program_id, scope.school_id)?
                .into_iter()
                .find(|m| m.mentee_id == id)
                .ok_or_else(|| ApiError::not_found(format!("mentee enrolment {id}")))
        })
        .await?;
    Ok(web::Json(item))
}
