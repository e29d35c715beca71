//! `/programs/{id}/measurements`: objective parameters from the school's records (average grade,
//! clubs attended, projects, olympiad results, being on a register), entry and exit, entered or
//! loaded by the curator. Phase 2 sets them beside the survey instruments.

use actix_web::{get, post, web};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Action, Principal};
use crate::db::schema::{measurements as ms, program_mentees, program_mentors};
use crate::db::text::{from_text, to_text};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::programs::store::program_scope;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementPhase {
    Entry,
    Exit,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
pub struct Measurement {
    pub participant_id: i64,
    /// e.g. `average_grade`, `clubs`, `projects`, `olympiads`, `on_register`.
    #[validate(length(min = 1, max = 40))]
    #[schema(pattern = "^[a-z0-9_]{1,40}$")]
    pub parameter: String,
    pub phase: MeasurementPhase,
    pub value: f64,
    pub measured_on: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"items": [{"participant_id": 12, "parameter": "average_grade", "phase": "entry", "value": 3.4, "measured_on": "2026-09-30"}]}))]
pub struct MeasurementsInput {
    #[validate(length(min = 1, max = 20000), nested)]
    #[schema(min_items = 1, max_items = 20000)]
    pub items: Vec<Measurement>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MeasurementList {
    pub items: Vec<Measurement>,
}

pub fn load(conn: &mut DbConnection, program_id: i64) -> Result<Vec<Measurement>, ApiError> {
    let rows: Vec<(i64, String, String, f64, Option<NaiveDate>)> = ms::table
        .filter(ms::program_id.eq(program_id))
        .order((ms::parameter, ms::participant_id, ms::phase))
        .select((ms::participant_id, ms::parameter, ms::phase, ms::value, ms::measured_on))
        .load(conn)?;
    rows.into_iter().map(|(participant_id, parameter, phase, value, measured_on)| Ok(Measurement { participant_id, parameter, phase: from_text(&phase)?, value, measured_on })).collect()
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Measurements from records, entry and exit",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = MeasurementList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/measurements")]
pub async fn list_measurements(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<MeasurementList>, ApiError> {
    let program_id = id.into_inner();
    let items = db
        .run(move |conn| {
            program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            load(conn, program_id)
        })
        .await?;
    Ok(web::Json(MeasurementList { items }))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Record measurements from records (replaces the same participant, parameter and phase)",
    description = "Every participant must be in the programme's bases; all items are written or none.",
    params(("id" = i64, Path, description = "programme id")),
    request_body = MeasurementsInput,
    responses(
        (status = 200, body = MeasurementList), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/measurements")]
pub async fn record_measurements(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<MeasurementsInput>) -> Result<web::Json<MeasurementList>, ApiError> {
    let program_id = id.into_inner();
    let input = body.0;
    let items = db
        .write(move |conn| {
            program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let mut people: Vec<i64> = program_mentees::table.filter(program_mentees::program_id.eq(program_id)).select(program_mentees::participant_id).load(conn)?;
            people.extend(program_mentors::table.filter(program_mentors::program_id.eq(program_id)).select(program_mentors::participant_id).load::<i64>(conn)?);
            let people: std::collections::HashSet<i64> = people.into_iter().collect();
            let now = Utc::now().naive_utc();
            for (i, m) in input.items.iter().enumerate() {
                let at = |f: &str| format!("items[{i}].{f}");
                if !people.contains(&m.participant_id) {
                    return Err(ApiError::invalid_field(&at("participant_id"), "not in this programme's bases"));
                }
                if !m.parameter.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                    return Err(ApiError::invalid_field(&at("parameter"), "a-z, 0-9 and _"));
                }
                if !m.value.is_finite() {
                    return Err(ApiError::invalid_field(&at("value"), "a number"));
                }
                let phase = to_text(&m.phase)?;
                diesel::delete(ms::table.filter(ms::program_id.eq(program_id)).filter(ms::participant_id.eq(m.participant_id)).filter(ms::parameter.eq(&m.parameter)).filter(ms::phase.eq(&phase)))
                    .execute(conn)?;
                diesel::insert_into(ms::table)
                    .values((
                        ms::program_id.eq(program_id),
                        ms::participant_id.eq(m.participant_id),
                        ms::parameter.eq(&m.parameter),
                        ms::phase.eq(&phase),
                        ms::value.eq(m.value),
                        ms::measured_on.eq(m.measured_on),
                        ms::created_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            load(conn, program_id)
        })
        .await?;
    Ok(web::Json(MeasurementList { items }))
}
