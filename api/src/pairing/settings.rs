//! `/programs/{id}/pairing-settings`: how the school matches — the weight of each criterion, how
//! many people a side may rank after the group meeting, and whether mentors who have not finished
//! the school of mentors may be matched (the stage 4 gate, relaxed explicitly).

use actix_web::{HttpResponse, get, http::header, put, web};
use chrono::Utc;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::matching::{Criterion, MAX_POINTS, Weight, Weights};
use crate::auth::{Action, Principal};
use crate::db::schema::pairing_settings as ps;
use crate::db::text::{from_json, to_json};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::etag_value;
use crate::http::{IfMatch, ValidJson};
use crate::programs::store::program_scope;

pub const DEFAULT_PREFERENCE_LIMIT: i32 = 5;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PairingSettings {
    pub weights: Weights,
    /// How many people of the other side each participant may rank.
    pub preference_limit: i32,
    /// Mentors who passed the interview but have not finished training may be matched.
    pub allow_untrained_mentors: bool,
    pub etag: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"weights": {"request_tags": "must", "role_model": 3, "grade_distance": 2, "mentee_preference": 4, "mentor_preference": 2}, "preference_limit": 3, "allow_untrained_mentors": false}))]
pub struct PairingSettingsInput {
    pub weights: Weights,
    #[validate(range(min = 1, max = 20))]
    #[schema(minimum = 1, maximum = 20)]
    pub preference_limit: i32,
    pub allow_untrained_mentors: bool,
}

/// Each weight is 0–10 points or "must".
pub fn check_weights(weights: &Weights, field: &str) -> Result<(), ApiError> {
    let all = [
        (Criterion::RequestTags, weights.request_tags),
        (Criterion::RoleModel, weights.role_model),
        (Criterion::GradeDistance, weights.grade_distance),
        (Criterion::MenteePreference, weights.mentee_preference),
        (Criterion::MentorPreference, weights.mentor_preference),
    ];
    for (criterion, weight) in all {
        if let Weight::Points(p) = weight
            && p > MAX_POINTS
        {
            let name = serde_json::to_value(criterion).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            return Err(ApiError::field_problem("weight_out_of_range", &format!("{field}.{name}"), "a weight is 0–10 points or \"must\""));
        }
    }
    Ok(())
}

/// The programme's settings, or the defaults when none were saved.
pub fn load(conn: &mut DbConnection, program_id: i64) -> Result<PairingSettings, ApiError> {
    let row: Option<(String, i32, bool, i64)> = ps::table
        .find(program_id)
        .select((ps::weights, ps::preference_limit, ps::allow_untrained_mentors, ps::version))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((weights, preference_limit, allow_untrained_mentors, version)) => PairingSettings {
            weights: from_json(&weights)?,
            preference_limit,
            allow_untrained_mentors,
            etag: etag_value("pairing-settings", program_id, version),
        },
        None => PairingSettings {
            weights: Weights::default(),
            preference_limit: DEFAULT_PREFERENCE_LIMIT,
            allow_untrained_mentors: false,
            etag: etag_value("pairing-settings", program_id, 0),
        },
    })
}

#[utoipa::path(
    tag = "pairing",
    summary = "How the programme matches: weights, preference limit, the training gate",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = PairingSettings), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/pairing-settings")]
pub async fn get_settings(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let settings = db
        .run(move |conn| {
            program_scope(conn, &principal, Action::ViewProgram, program_id)?;
            load(conn, program_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, settings.etag.clone())).json(settings))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Set how the programme matches",
    params(("id" = i64, Path, description = "programme id"), ("If-Match" = Option<String>, Header, description = "the settings' etag")),
    request_body = PairingSettingsInput,
    responses(
        (status = 200, body = PairingSettings), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 412, body = Problem), (status = 422, body = Problem, description = "weight_out_of_range, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[put("/programs/{id}/pairing-settings")]
pub async fn put_settings(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<PairingSettingsInput>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let input = body.0;
    let settings = db
        .write(move |conn| {
            program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            if_match.check(&load(conn, program_id)?.etag)?;
            check_weights(&input.weights, "weights")?;
            let weights = to_json(&input.weights)?;
            let now = Utc::now().naive_utc();
            let saved = diesel::update(ps::table.find(program_id))
                .set((
                    ps::weights.eq(&weights),
                    ps::preference_limit.eq(input.preference_limit),
                    ps::allow_untrained_mentors.eq(input.allow_untrained_mentors),
                    ps::version.eq(ps::version + 1),
                    ps::updated_at.eq(now),
                ))
                .execute(conn)?;
            if saved == 0 {
                diesel::insert_into(ps::table)
                    .values((
                        ps::program_id.eq(program_id),
                        ps::weights.eq(&weights),
                        ps::preference_limit.eq(input.preference_limit),
                        ps::allow_untrained_mentors.eq(input.allow_untrained_mentors),
                        ps::updated_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            load(conn, program_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, settings.etag.clone())).json(settings))
}
