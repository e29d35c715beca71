//! `/schools/{id}/meeting-settings`: when a pair counts as gone quiet — no held meeting for N days
//! (default 21), or no introduction M days after approval (default 14).

use actix_web::{HttpResponse, get, http::header, put, web};
use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::meeting_settings as ms;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::etag_value;
use crate::http::{IfMatch, ValidJson};

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeetingSettings {
    pub quiet_after_days: i32,
    pub introduction_within_days: i32,
    pub etag: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"quiet_after_days": 21, "introduction_within_days": 14}))]
pub struct MeetingSettingsInput {
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    pub quiet_after_days: i32,
    #[validate(range(min = 1, max = 365))]
    #[schema(minimum = 1, maximum = 365)]
    pub introduction_within_days: i32,
}

pub fn load(conn: &mut DbConnection, school_id: i64) -> Result<MeetingSettings, ApiError> {
    let row: Option<(i32, i32, i64)> = ms::table.find(school_id).select((ms::quiet_after_days, ms::introduction_within_days, ms::version)).first(conn).optional()?;
    let (quiet_after_days, introduction_within_days, version) = row.unwrap_or((21, 14, 0));
    Ok(MeetingSettings { quiet_after_days, introduction_within_days, etag: etag_value("meeting-settings", school_id, version) })
}

#[utoipa::path(
    tag = "meetings",
    summary = "When the school counts a pair as gone quiet",
    params(("id" = i64, Path, description = "school id")),
    responses((status = 200, body = MeetingSettings), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/schools/{id}/meeting-settings")]
pub async fn get_meeting_settings(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let school_id = id.into_inner();
    let settings = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewProgram, school_id)?;
            load(conn, school_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, settings.etag.clone())).json(settings))
}

#[utoipa::path(
    tag = "meetings",
    summary = "Set when the school counts a pair as gone quiet",
    params(("id" = i64, Path, description = "school id"), ("If-Match" = Option<String>, Header, description = "the settings' etag")),
    request_body = MeetingSettingsInput,
    responses(
        (status = 200, body = MeetingSettings), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[put("/schools/{id}/meeting-settings")]
pub async fn put_meeting_settings(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<MeetingSettingsInput>) -> Result<HttpResponse, ApiError> {
    let school_id = id.into_inner();
    let input = body.0;
    let settings = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageProgram, school_id)?;
            if_match.check(&load(conn, school_id)?.etag)?;
            let now = Utc::now().naive_utc();
            let saved = diesel::update(ms::table.find(school_id))
                .set((ms::quiet_after_days.eq(input.quiet_after_days), ms::introduction_within_days.eq(input.introduction_within_days), ms::version.eq(ms::version + 1), ms::updated_at.eq(now)))
                .execute(conn)?;
            if saved == 0 {
                diesel::insert_into(ms::table)
                    .values((ms::school_id.eq(school_id), ms::quiet_after_days.eq(input.quiet_after_days), ms::introduction_within_days.eq(input.introduction_within_days), ms::updated_at.eq(now)))
                    .execute(conn)?;
            }
            load(conn, school_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, settings.etag.clone())).json(settings))
}
