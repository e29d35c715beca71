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

/// Checks every item, then writes them; nothing is written when one is wrong. `field` names the
/// list in errors (`items`, or `rows` for a file).
fn write(conn: &mut DbConnection, program_id: i64, items: &[Measurement], field: &str) -> Result<(), ApiError> {
    let mut people: Vec<i64> = program_mentees::table.filter(program_mentees::program_id.eq(program_id)).select(program_mentees::participant_id).load(conn)?;
    people.extend(program_mentors::table.filter(program_mentors::program_id.eq(program_id)).select(program_mentors::participant_id).load::<i64>(conn)?);
    let people: std::collections::HashSet<i64> = people.into_iter().collect();
    for (i, m) in items.iter().enumerate() {
        let at = |f: &str| format!("{field}[{i}].{f}");
        if !people.contains(&m.participant_id) {
            return Err(ApiError::invalid_field(&at("participant_id"), "not in this programme's bases"));
        }
        if m.parameter.is_empty() || m.parameter.len() > 40 || !m.parameter.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
            return Err(ApiError::invalid_field(&at("parameter"), "1–40 of a-z, 0-9 and _"));
        }
        if !m.value.is_finite() {
            return Err(ApiError::invalid_field(&at("value"), "a number"));
        }
    }
    let now = Utc::now().naive_utc();
    for m in items {
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
    Ok(())
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
            write(conn, program_id, &input.items, "items")?;
            load(conn, program_id)
        })
        .await?;
    Ok(web::Json(MeasurementList { items }))
}

/// Reads a file of measurements: a header, then rows of `external_id` (or `participant_id`),
/// `parameter`, `phase` (entry/exit or вход/выход), `value` (a decimal comma is fine) and an
/// optional `measured_on` (YYYY-MM-DD or DD.MM.YYYY). `;` or `,` separates.
fn parse_csv(conn: &mut DbConnection, school_id: i64, text: &str) -> Result<Vec<Measurement>, ApiError> {
    let delimiter = if text.lines().next().is_some_and(|h| h.contains(';')) { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).trim(csv::Trim::All).from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().map_err(|e| ApiError::bad_request("unreadable_file", e.to_string()))?.iter().map(|h| h.trim_start_matches('\u{feff}').to_lowercase()).collect();
    let column = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let (Some(parameter), Some(phase), Some(value)) = (column(&["parameter", "параметр"]), column(&["phase", "этап"]), column(&["value", "значение"])) else {
        return Err(ApiError::invalid_field("rows", "the header names parameter, phase and value"));
    };
    let external = column(&["external_id", "внешний id"]);
    let direct = column(&["participant_id"]);
    let measured = column(&["measured_on", "дата"]);
    if external.is_none() && direct.is_none() {
        return Err(ApiError::invalid_field("rows", "the header names external_id or participant_id"));
    }
    let known: std::collections::HashMap<String, i64> = crate::db::schema::participants::table
        .filter(crate::db::schema::participants::school_id.eq(school_id))
        .filter(crate::db::schema::participants::external_id.is_not_null())
        .select((crate::db::schema::participants::external_id, crate::db::schema::participants::id))
        .load::<(Option<String>, i64)>(conn)?
        .into_iter()
        .filter_map(|(e, id)| Some((e?, id)))
        .collect();
    let mut items = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ApiError::invalid_field(&format!("rows[{i}]"), e.to_string()))?;
        let cell = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("");
        let at = |f: &str| format!("rows[{i}].{f}");
        let participant_id = match (direct.map(|c| cell(Some(c))), external.map(|c| cell(Some(c)))) {
            (Some(id), _) if !id.is_empty() => id.parse().map_err(|_| ApiError::invalid_field(&at("participant_id"), "a number"))?,
            (_, Some(ext)) => *known.get(ext).ok_or_else(|| ApiError::invalid_field(&at("external_id"), "no such person at this school"))?,
            _ => return Err(ApiError::invalid_field(&at("participant_id"), "missing")),
        };
        let phase = match cell(Some(phase)).to_lowercase().as_str() {
            "entry" | "вход" => MeasurementPhase::Entry,
            "exit" | "выход" => MeasurementPhase::Exit,
            _ => return Err(ApiError::invalid_field(&at("phase"), "entry or exit")),
        };
        let value: f64 = cell(Some(value)).replace(',', ".").parse().map_err(|_| ApiError::invalid_field(&at("value"), "a number"))?;
        let on = cell(measured);
        let measured_on = if on.is_empty() {
            None
        } else {
            Some(NaiveDate::parse_from_str(on, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(on, "%d.%m.%Y")).map_err(|_| ApiError::invalid_field(&at("measured_on"), "YYYY-MM-DD or DD.MM.YYYY"))?)
        };
        items.push(Measurement { participant_id, parameter: cell(Some(parameter)).to_owned(), phase, value, measured_on });
    }
    if items.is_empty() {
        return Err(ApiError::invalid_field("rows", "the file has no rows"));
    }
    Ok(items)
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Load measurements from a CSV file of the school's records",
    description = "Columns: `external_id` (or `participant_id`), `parameter`, `phase` (entry/exit, вход/выход), `value`, optionally `measured_on`; `;` or `,` separated, UTF-8 or Windows-1251 (as Excel saves it). All rows are written or none; a bad row is named `rows[i].column`.",
    params(("id" = i64, Path, description = "programme id")),
    request_body(content = String, description = "the file", content_type = "text/csv"),
    responses(
        (status = 200, body = MeasurementList), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/measurements/import")]
pub async fn import_measurements(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: web::Bytes) -> Result<web::Json<MeasurementList>, ApiError> {
    let program_id = id.into_inner();
    let text = crate::participants::import::read::decode_text(&body);
    let items = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let items = parse_csv(conn, scope.school_id, &text)?;
            write(conn, program_id, &items, "rows")?;
            load(conn, program_id)
        })
        .await?;
    Ok(web::Json(MeasurementList { items }))
}
