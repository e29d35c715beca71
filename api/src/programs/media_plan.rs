//! `/programs/{id}/media-plan`: what the school tells its audiences at each stage (seed 001, section 11).

use actix_web::{HttpResponse, delete, get, http::header, patch, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::dto::{MediaItem, MediaItemPatch, MediaPlan, NewMediaItem};
use super::status::MediaStatus;
use super::store::{MediaRow, ProgramScope, media_items, program_scope, school_today, to_media_item};
use crate::auth::{Action, Principal};
use crate::db::schema::media_plan_items as mp;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::{IfMatch, ValidJson};

fn load(conn: &mut DbConnection, id: i64, scope: &ProgramScope) -> Result<MediaItem, ApiError> {
    let row: MediaRow = mp::table.find(id).select(MediaRow::as_select()).first(conn)?;
    to_media_item(row, school_today(conn, scope.school_id)?)
}

/// The item's programme, authorized for `action`; 404 outside the caller's subtree.
fn item_scope(conn: &mut DbConnection, principal: &Principal, action: Action, id: i64) -> Result<ProgramScope, ApiError> {
    let program_id: Option<i64> = mp::table.find(id).select(mp::program_id).first(conn).optional()?;
    let program_id = program_id.ok_or_else(|| ApiError::not_found(format!("media-plan item {id}")))?;
    program_scope(conn, principal, action, program_id)
        .map_err(|e| e.not_found_as(format!("media-plan item {id}")))
}

fn clean(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

#[utoipa::path(
    tag = "programs",
    summary = "The programme's media plan, by deadline",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = MediaPlan), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/media-plan")]
pub async fn get_media_plan(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<MediaPlan>, ApiError> {
    let id = id.into_inner();
    let items = db
        .read(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, id)?;
            let today = school_today(conn, scope.school_id)?;
            media_items(conn, id, today)
        })
        .await?;
    Ok(web::Json(MediaPlan { items }))
}

#[utoipa::path(
    tag = "programs",
    summary = "Add a media-plan item",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewMediaItem,
    responses(
        (status = 201, body = MediaItem, headers(("Location" = String), ("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 422, body = Problem, description = "validation_failed, deadline_outside_programme"),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/media-plan")]
pub async fn add_media_item(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewMediaItem>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let item = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            scope.check_deadline(new.deadline)?;
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(mp::table)
                .values((
                    mp::program_id.eq(program_id),
                    mp::stage_no.eq(new.stage_no),
                    mp::event.eq(new.event.trim()),
                    mp::message.eq(clean(new.message)),
                    mp::channel.eq(clean(new.channel)),
                    mp::form.eq(clean(new.form)),
                    mp::deadline.eq(new.deadline),
                    mp::responsible.eq(clean(new.responsible)),
                    mp::status.eq(MediaStatus::Planned.as_str()),
                    mp::created_at.eq(now),
                    mp::updated_at.eq(now),
                ))
                .returning(mp::id)
                .get_result(conn)?;
            load(conn, id, &scope)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/media-plan-items/{}", item.id)))
        .insert_header((header::ETAG, item.etag.clone()))
        .json(item))
}

#[utoipa::path(
    tag = "programs",
    summary = "Edit a media-plan item or mark it published (with its link)",
    params(("id" = i64, Path, description = "media-plan item id"), ("If-Match" = Option<String>, Header, description = "the item's etag")),
    request_body = MediaItemPatch,
    responses(
        (status = 200, body = MediaItem, headers(("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[patch("/media-plan-items/{id}")]
pub async fn update_media_item(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<MediaItemPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = body.0;
    let item = db
        .write(move |conn| {
            let scope = item_scope(conn, &principal, Action::ManageProgram, id)?.open()?;
            let current = load(conn, id, &scope)?;
            if_match.check(&current.etag)?;
            let deadline = p.deadline.unwrap_or(current.deadline);
            if p.deadline.is_some() {
                scope.check_deadline(deadline)?;
            }
            let keep = |new: Option<Option<String>>, old: Option<String>| match new {
                None => old,
                Some(v) => clean(v),
            };
            let status = p.status.unwrap_or(current.status);
            let published_url = keep(p.published_url, current.published_url.clone());
            if status == MediaStatus::Published && published_url.is_none() {
                return Err(ApiError::invalid_field("published_url", "a published item needs the link to the publication"));
            }
            diesel::update(mp::table.find(id))
                .set((
                    mp::stage_no.eq(p.stage_no.unwrap_or(current.stage_no)),
                    mp::event.eq(p.event.as_deref().map(str::trim).unwrap_or(&current.event)),
                    mp::message.eq(keep(p.message, current.message.clone())),
                    mp::channel.eq(keep(p.channel, current.channel.clone())),
                    mp::form.eq(keep(p.form, current.form.clone())),
                    mp::deadline.eq(deadline),
                    mp::responsible.eq(keep(p.responsible, current.responsible.clone())),
                    mp::status.eq(status.as_str()),
                    mp::published_url.eq(published_url),
                    mp::version.eq(mp::version + 1),
                    mp::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            load(conn, id, &scope)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, item.etag.clone())).json(item))
}

#[utoipa::path(
    tag = "programs",
    summary = "Remove a media-plan item",
    params(("id" = i64, Path, description = "media-plan item id")),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)),
    security(("bearer" = []))
)]
#[delete("/media-plan-items/{id}")]
pub async fn delete_media_item(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db.write(move |conn| {
        item_scope(conn, &principal, Action::ManageProgram, id)?.open()?;
        diesel::delete(mp::table.find(id)).execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
