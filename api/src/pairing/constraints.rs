//! `/programs/{id}/pair-constraints`: inputs of the matching — pairs already agreed (`lock`) and
//! pairs that must never be made (`exclude`, e.g. a conflict the psychologist knows of). The
//! reason of an exclusion may be sensitive: only those who see sensitive data read it.

use actix_web::{HttpResponse, delete, get, http::header, post, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Action, Principal};
use crate::db::schema::{pair_constraints as pc, program_mentees, program_mentors};
use crate::db::text::{from_text, to_text};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::pairing::pairs::PairPerson;
use crate::pairing::people::Roster;
use crate::participants::store::sees_sensitive;
use crate::programs::store::program_scope;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConstraintKind {
    /// Already agreed: every matching run keeps it.
    Lock,
    /// Never proposed, and refused when made by hand.
    Exclude,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PairConstraint {
    pub id: i64,
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub mentor: PairPerson,
    pub mentee: PairPerson,
    pub kind: ConstraintKind,
    /// Null for those who may not see sensitive data.
    pub reason: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PairConstraintList {
    pub items: Vec<PairConstraint>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"mentor_id": 3, "mentee_id": 11, "kind": "exclude", "reason": "Конфликт в классе, известный психологу"}))]
pub struct NewPairConstraint {
    pub mentor_id: i64,
    pub mentee_id: i64,
    pub kind: ConstraintKind,
    #[validate(length(max = 1000))]
    #[schema(max_length = 1000)]
    pub reason: Option<String>,
}

/// Locks are the curator's decision; exclusions are also the psychologist's.
fn action_for(kind: ConstraintKind) -> Action {
    match kind {
        ConstraintKind::Lock => Action::ManageProgram,
        ConstraintKind::Exclude => Action::SupportMentees,
    }
}

type Row = (i64, i64, i64, String, Option<String>, chrono::NaiveDateTime);

/// Constraints with their people named; the reason only for those who see sensitive data.
fn to_constraints(conn: &mut DbConnection, rows: Vec<Row>, school_id: i64, show_reason: bool) -> Result<Vec<PairConstraint>, ApiError> {
    let mentors: Vec<i64> = rows.iter().map(|r| r.1).collect();
    let mentees: Vec<i64> = rows.iter().map(|r| r.2).collect();
    let roster = Roster::load(conn, &mentors, &mentees, school_id)?;
    rows.into_iter()
        .map(|(id, mentor_id, mentee_id, kind, reason, created_at)| {
            Ok(PairConstraint {
                id,
                mentor_id,
                mentee_id,
                mentor: roster.mentor(mentor_id),
                mentee: roster.mentee(mentee_id),
                kind: from_text(&kind)?,
                reason: reason.filter(|_| show_reason),
                created_at: created_at.and_utc(),
            })
        })
        .collect()
}

fn select_all(conn: &mut DbConnection, program_id: i64) -> Result<Vec<Row>, ApiError> {
    Ok(pc::table
        .filter(pc::program_id.eq(program_id))
        .order(pc::id)
        .select((pc::id, pc::mentor_id, pc::mentee_id, pc::kind, pc::reason, pc::created_at))
        .load(conn)?)
}

#[utoipa::path(
    tag = "pairing",
    summary = "Locked and excluded pairs: inputs of the matching",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = PairConstraintList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/pair-constraints")]
pub async fn list_constraints(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<PairConstraintList>, ApiError> {
    let program_id = id.into_inner();
    let items = db
        .run(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            let show = sees_sensitive(conn, &principal, scope.school_id)?;
            let rows = select_all(conn, program_id)?;
            to_constraints(conn, rows, scope.school_id, show)
        })
        .await?;
    Ok(web::Json(PairConstraintList { items }))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Lock or exclude a mentor–mentee pair",
    description = "A lock that would give a mentor more mentees than places left is refused (capacity_exceeded); a pair is locked or excluded, not both (constraint_exists).",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewPairConstraint,
    responses(
        (status = 201, body = PairConstraint, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "capacity_exceeded, constraint_exists, programme_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/pair-constraints")]
pub async fn create_constraint(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewPairConstraint>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let created = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, action_for(new.kind), program_id)?.open()?;
            let mentor: Option<(i32, i32)> = program_mentors::table
                .filter(program_mentors::id.eq(new.mentor_id))
                .filter(program_mentors::program_id.eq(program_id))
                .select((program_mentors::capacity, program_mentors::places_taken))
                .first(conn)
                .optional()?;
            let (capacity, taken) = mentor.ok_or_else(|| ApiError::invalid_field("mentor_id", "not in this programme's base of mentors"))?;
            let mentee: i64 = program_mentees::table.filter(program_mentees::id.eq(new.mentee_id)).filter(program_mentees::program_id.eq(program_id)).count().get_result(conn)?;
            if mentee == 0 {
                return Err(ApiError::invalid_field("mentee_id", "not in this programme's base of mentees"));
            }
            let existing: i64 = pc::table.filter(pc::mentor_id.eq(new.mentor_id)).filter(pc::mentee_id.eq(new.mentee_id)).count().get_result(conn)?;
            if existing > 0 {
                return Err(ApiError::conflict("constraint_exists", "this pair is already locked or excluded; remove that first"));
            }
            if new.kind == ConstraintKind::Lock {
                let locks: i64 = pc::table.filter(pc::mentor_id.eq(new.mentor_id)).filter(pc::kind.eq("lock")).count().get_result(conn)?;
                if taken as i64 + locks + 1 > capacity as i64 {
                    return Err(ApiError::conflict("capacity_exceeded", format!("the mentor has {capacity} place(s): {taken} taken by pairs and {locks} by locks")));
                }
                let other_lock: i64 = pc::table.filter(pc::mentee_id.eq(new.mentee_id)).filter(pc::kind.eq("lock")).count().get_result(conn)?;
                if other_lock > 0 {
                    return Err(ApiError::conflict("constraint_exists", "the mentee is already locked with another mentor"));
                }
            }
            let row: Row = diesel::insert_into(pc::table)
                .values((
                    pc::program_id.eq(program_id),
                    pc::mentor_id.eq(new.mentor_id),
                    pc::mentee_id.eq(new.mentee_id),
                    pc::kind.eq(to_text(&new.kind)?),
                    pc::reason.eq(new.reason.as_deref().map(str::trim).filter(|r| !r.is_empty())),
                    pc::created_by.eq(principal.user_id()),
                    pc::created_at.eq(Utc::now().naive_utc()),
                ))
                .returning((pc::id, pc::mentor_id, pc::mentee_id, pc::kind, pc::reason, pc::created_at))
                .get_result(conn)?;
            let show = sees_sensitive(conn, &principal, scope.school_id)?;
            to_constraints(conn, vec![row], scope.school_id, show)?.pop().ok_or_else(|| ApiError::not_found("pair constraint"))
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/pair-constraints/{}", created.id))).json(created))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Remove a lock or an exclusion",
    params(("id" = i64, Path, description = "constraint id")),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem, description = "programme_closed")),
    security(("bearer" = []))
)]
#[delete("/pair-constraints/{id}")]
pub async fn delete_constraint(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db.write(move |conn| {
        let found: Option<(i64, String)> = pc::table.find(id).select((pc::program_id, pc::kind)).first(conn).optional()?;
        let (program_id, kind) = found.ok_or_else(|| ApiError::not_found(format!("pair constraint {id}")))?;
        program_scope(conn, &principal, action_for(from_text(&kind)?), program_id).map_err(|e| e.not_found_as(format!("pair constraint {id}")))?.open()?;
        diesel::delete(pc::table.find(id)).execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
