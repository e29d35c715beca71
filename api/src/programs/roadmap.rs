//! `/programs/{id}/roadmap` and its activities: stages in order with progress, overdue marks,
//! and the gates that say what the data proves.

use actix_web::{HttpResponse, delete, get, http::header, patch, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::dto::{Activity, ActivityPatch, NewActivity, Roadmap, Stage, StageGate};
use super::gates;
use super::progress;
use super::stages::{STAGES, stage};
use super::status::{ActivityStatus, invalid_transition};
use super::store::{ProgramScope, activities, check_staff, load_activity, program_scope, school_today};
use crate::auth::{Action, Principal, Role};
use crate::db::schema::roadmap_activities as ra;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::{IfMatch, ValidJson};

#[utoipa::path(
    tag = "programs",
    summary = "The roadmap: seven stages with activities, progress, overdue marks and gates",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = Roadmap), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/roadmap")]
pub async fn get_roadmap(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<Roadmap>, ApiError> {
    let id = id.into_inner();
    let roadmap = db
        .read(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, id)?;
            let today = school_today(conn, scope.school_id)?;
            let all = activities(conn, id, today)?;
            let states: Vec<_> = all.iter().map(|a| (a.stage_no, a.status, a.deadline)).collect();
            let measured = progress::measure(&states, today);
            let mut checks = gates::checks(conn, id)?;
            let mut by_stage: Vec<Vec<Activity>> = (0..STAGES.len()).map(|_| Vec::new()).collect();
            for a in all {
                if let Some(list) = usize::try_from(a.stage_no - 1).ok().and_then(|i| by_stage.get_mut(i)) {
                    list.push(a);
                }
            }
            let stages = STAGES
                .iter()
                .zip(by_stage)
                .zip(measured.stages)
                .enumerate()
                .map(|(i, ((info, acts), p))| {
                    let stage_no = i as i32 + 1;
                    let ticked = p.done > 0 && acts.iter().all(|a| a.status.is_closed());
                    let (mine, rest): (Vec<_>, Vec<_>) = checks.drain(..).partition(|c| c.stage_no == stage_no);
                    checks = rest;
                    Stage {
                        stage_no,
                        title: info.title.into(),
                        expected_result: info.expected_result.into(),
                        progress: p,
                        gate: StageGate { ticked, checks: mine },
                        activities: acts,
                    }
                })
                .collect();
            Ok(Roadmap { program_id: id, today, progress: measured.overall, current_stage: measured.current_stage, stages })
        })
        .await?;
    Ok(web::Json(roadmap))
}

/// The person responsible must work at the school.
fn check_responsible(conn: &mut DbConnection, scope: &ProgramScope, user: Option<i64>) -> Result<(), ApiError> {
    match user {
        Some(u) => check_staff(conn, scope.school_id, u, "responsible_user_id"),
        None => Ok(()),
    }
}

/// The activity and its programme, authorized for `action`; 404 outside the caller's subtree.
fn activity_scope(conn: &mut DbConnection, principal: &Principal, action: Action, id: i64) -> Result<(i64, ProgramScope), ApiError> {
    let program_id: Option<i64> = ra::table.find(id).select(ra::program_id).first(conn).optional()?;
    let program_id = program_id.ok_or_else(|| ApiError::not_found(format!("roadmap activity {id}")))?;
    let scope = program_scope(conn, principal, action, program_id)
        .map_err(|e| e.not_found_as(format!("roadmap activity {id}")))?;
    Ok((program_id, scope))
}

#[utoipa::path(
    tag = "programs",
    summary = "Add an activity to a stage",
    params(("id" = i64, Path, description = "programme id"), ("stage_no" = i32, Path, description = "1–7")),
    request_body = NewActivity,
    responses(
        (status = 201, body = Activity, headers(("Location" = String), ("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem, description = "not_found, unknown_stage"), (status = 409, body = Problem, description = "programme_closed"),
        (status = 422, body = Problem, description = "validation_failed, deadline_outside_programme"),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/roadmap/stages/{stage_no}/activities")]
pub async fn add_activity(db: web::Data<Db>, principal: Principal, path: web::Path<(i64, i32)>, body: ValidJson<NewActivity>) -> Result<HttpResponse, ApiError> {
    let (program_id, stage_no) = path.into_inner();
    let new = body.0;
    let activity = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            if stage(stage_no).is_none() {
                return Err(ApiError::new(actix_web::http::StatusCode::NOT_FOUND, "unknown_stage", format!("there is no stage {stage_no}; stages are 1–7")));
            }
            scope.check_deadline(new.deadline)?;
            check_responsible(conn, &scope, new.responsible_user_id)?;
            let last: Option<i32> = ra::table
                .filter(ra::program_id.eq(program_id))
                .filter(ra::stage_no.eq(stage_no))
                .select(diesel::dsl::max(ra::position))
                .first(conn)?;
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(ra::table)
                .values((
                    ra::program_id.eq(program_id),
                    ra::stage_no.eq(stage_no),
                    ra::position.eq(last.unwrap_or(0) + 1),
                    ra::title.eq(new.title.trim()),
                    ra::content.eq(new.content.trim()),
                    ra::deadline.eq(new.deadline),
                    ra::responsible_role.eq(new.responsible_role.map(Role::as_str)),
                    ra::responsible_user_id.eq(new.responsible_user_id),
                    ra::expected_result.eq(&new.expected_result),
                    ra::status.eq(ActivityStatus::Planned.as_str()),
                    ra::created_at.eq(now),
                    ra::updated_at.eq(now),
                ))
                .returning(ra::id)
                .get_result(conn)?;
            let today = school_today(conn, scope.school_id)?;
            load_activity(conn, id, today)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/roadmap-activities/{}", activity.id)))
        .insert_header((header::ETAG, activity.etag.clone()))
        .json(activity))
}

#[utoipa::path(
    tag = "programs",
    summary = "Edit, re-date, reassign or change the status of an activity",
    description = "Status: planned → in_progress | done | cancelled; done and cancelled are left only by reopening (done → in_progress, cancelled → planned).",
    params(("id" = i64, Path, description = "activity id"), ("If-Match" = Option<String>, Header, description = "the activity's etag")),
    request_body = ActivityPatch,
    responses(
        (status = 200, body = Activity, headers(("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition, programme_closed"), (status = 412, body = Problem),
        (status = 422, body = Problem, description = "validation_failed, deadline_outside_programme"),
    ),
    security(("bearer" = []))
)]
#[patch("/roadmap-activities/{id}")]
pub async fn update_activity(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<ActivityPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = body.0;
    let activity = db
        .write(move |conn| {
            let (_, scope) = activity_scope(conn, &principal, Action::ManageProgram, id)?;
            let scope = scope.open()?;
            let today = school_today(conn, scope.school_id)?;
            let current = load_activity(conn, id, today)?;
            if_match.check(&current.etag)?;
            let status = p.status.unwrap_or(current.status);
            if !current.status.may_become(status) {
                let hint = match current.status {
                    ActivityStatus::Cancelled => "; reopen it first (status planned)",
                    ActivityStatus::Done => "; reopen it first (status in_progress)",
                    _ => "",
                };
                return Err(invalid_transition(current.status.as_str(), status.as_str(), hint));
            }
            let deadline = p.deadline.unwrap_or(current.deadline);
            if p.deadline.is_some() {
                scope.check_deadline(deadline)?;
            }
            let responsible_user = p.responsible_user_id.unwrap_or(current.responsible_user_id);
            check_responsible(conn, &scope, responsible_user)?;
            let completed_at = match (current.status, status) {
                (from, ActivityStatus::Done) if from != ActivityStatus::Done => Some(Utc::now().naive_utc()),
                (_, ActivityStatus::Done) => current.completed_at.map(|t| t.naive_utc()),
                _ => None,
            };
            let pick = |new: Option<Option<String>>, old: Option<String>| match new {
                None => old,
                Some(v) => v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            };
            diesel::update(ra::table.find(id))
                .set((
                    ra::title.eq(p.title.as_deref().map(str::trim).unwrap_or(&current.title)),
                    ra::content.eq(p.content.as_deref().map(str::trim).unwrap_or(&current.content)),
                    ra::deadline.eq(deadline),
                    ra::responsible_role.eq(p.responsible_role.unwrap_or(current.responsible_role).map(Role::as_str)),
                    ra::responsible_user_id.eq(responsible_user),
                    ra::expected_result.eq(pick(p.expected_result, current.expected_result.clone())),
                    ra::status.eq(status.as_str()),
                    ra::result_note.eq(pick(p.result_note, current.result_note.clone())),
                    ra::evidence_order_number.eq(pick(p.evidence_order_number, current.evidence_order_number.clone())),
                    ra::evidence_order_date.eq(p.evidence_order_date.unwrap_or(current.evidence_order_date)),
                    ra::evidence_link.eq(pick(p.evidence_link, current.evidence_link.clone())),
                    ra::completed_at.eq(completed_at),
                    ra::version.eq(ra::version + 1),
                    ra::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            load_activity(conn, id, today)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, activity.etag.clone())).json(activity))
}

#[utoipa::path(
    tag = "programs",
    summary = "Remove an activity from the roadmap",
    params(("id" = i64, Path, description = "activity id"), ("If-Match" = Option<String>, Header, description = "the activity's etag")),
    responses(
        (status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 412, body = Problem),
    ),
    security(("bearer" = []))
)]
#[delete("/roadmap-activities/{id}")]
pub async fn delete_activity(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db.write(move |conn| {
        let (_, scope) = activity_scope(conn, &principal, Action::ManageProgram, id)?;
        let scope = scope.open()?;
        let today = school_today(conn, scope.school_id)?;
        let current = load_activity(conn, id, today)?;
        if_match.check(&current.etag)?;
        diesel::delete(ra::table.find(id)).execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
