//! `/pairs/{id}/plan`: the individual development plan — goals, and tasks with due dates and done
//! marks. Replaced whole by PUT, guarded by If-Match, so two people editing do not lose a change.

use actix_web::{HttpResponse, get, http::header, put, web};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Principal;
use crate::meetings::access::{Seat, pair_access};
use crate::programs::store::program_facts;
use crate::db::schema::{pair_plans as pp, pairs};
use crate::db::text::{from_json, from_text, to_json};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::etag_value;
use crate::http::{IfMatch, ValidJson};

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
pub struct PlanTask {
    #[validate(length(min = 1, max = 500))]
    #[schema(min_length = 1, max_length = 500)]
    pub title: String,
    pub due_on: Option<NaiveDate>,
    #[serde(default)]
    pub done: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Plan {
    pub pair_id: i64,
    pub goals: Vec<String>,
    pub tasks: Vec<PlanTask>,
    /// Tasks done out of all, for the progress bar.
    pub done: usize,
    pub etag: String,
    /// Null while the plan is still empty.
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"goals": ["Выйти на «4» по математике в четверти"], "tasks": [{"title": "Разобрать дроби", "due_on": "2026-12-15", "done": false}]}))]
pub struct PlanInput {
    #[validate(length(max = 20))]
    #[schema(max_items = 20)]
    pub goals: Vec<String>,
    #[validate(length(max = 100), nested)]
    #[schema(max_items = 100)]
    pub tasks: Vec<PlanTask>,
}

fn load(conn: &mut DbConnection, pair_id: i64) -> Result<Plan, ApiError> {
    let row: Option<(String, String, i64, chrono::NaiveDateTime)> =
        pp::table.find(pair_id).select((pp::goals, pp::tasks, pp::version, pp::updated_at)).first(conn).optional()?;
    Ok(match row {
        Some((goals, tasks, version, updated_at)) => {
            let tasks: Vec<PlanTask> = from_json(&tasks)?;
            Plan { pair_id, goals: from_json(&goals)?, done: tasks.iter().filter(|t| t.done).count(), tasks, etag: etag_value("plan", pair_id, version), updated_at: Some(updated_at.and_utc()) }
        }
        None => Plan { pair_id, goals: Vec::new(), tasks: Vec::new(), done: 0, etag: etag_value("plan", pair_id, 0), updated_at: None },
    })
}

#[utoipa::path(
    tag = "pairing",
    summary = "The pair's individual development plan",
    description = "The staff, the pair's mentor and its mentees read it.",
    params(("id" = i64, Path, description = "pair id")),
    responses((status = 200, body = Plan), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/pairs/{id}/plan")]
pub async fn get_plan(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let plan = db
        .run(move |conn| {
            pair_access(conn, &principal, id, false)?;
            load(conn, id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, plan.etag.clone())).json(plan))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Write the pair's development plan (replaces it whole)",
    description = "The staff and the pair's mentor write it. Due dates lie within the programme. A completed or dissolved pair's plan is a record and no longer changes.",
    params(("id" = i64, Path, description = "pair id"), ("If-Match" = Option<String>, Header, description = "the plan's etag")),
    request_body = PlanInput,
    responses(
        (status = 200, body = Plan), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "pair_closed, programme_closed"), (status = 412, body = Problem), (status = 422, body = Problem, description = "deadline_outside_programme, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[put("/pairs/{id}/plan")]
pub async fn put_plan(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<PlanInput>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    let plan = db
        .write(move |conn| {
            // The staff and the pair's mentor keep the plan; the mentee reads it.
            let access = pair_access(conn, &principal, id, true)?;
            if access.seat == Seat::Mentee {
                return Err(ApiError::forbidden());
            }
            let scope = program_facts(conn, access.program_id)?.open()?;
            if_match.check(&load(conn, id)?.etag)?;
            let status: String = pairs::table.find(id).select(pairs::status).first(conn)?;
            if !from_text::<super::PairStatus>(&status)?.is_live() {
                return Err(ApiError::conflict("pair_closed", "the pair's work has ended: its plan is a record"));
            }
            let goals: Vec<String> = input.goals.iter().map(|g| g.trim().to_owned()).filter(|g| !g.is_empty()).collect();
            if let Some(long) = goals.iter().position(|g| g.chars().count() > 1000) {
                return Err(ApiError::invalid_field(&format!("goals[{long}]"), "at most 1000 characters"));
            }
            for (i, task) in input.tasks.iter().enumerate() {
                if let Some(due) = task.due_on {
                    scope.check_deadline(due).map_err(|_| {
                        ApiError::field_problem("deadline_outside_programme", &format!("tasks[{i}].due_on"), format!("must lie within the programme, {} – {}", scope.start_date, scope.end_date))
                    })?;
                }
            }
            let now = Utc::now().naive_utc();
            let (goals, tasks) = (to_json(&goals)?, to_json(&input.tasks)?);
            let saved = diesel::update(pp::table.find(id))
                .set((pp::goals.eq(&goals), pp::tasks.eq(&tasks), pp::version.eq(pp::version + 1), pp::updated_at.eq(now)))
                .execute(conn)?;
            if saved == 0 {
                diesel::insert_into(pp::table).values((pp::pair_id.eq(id), pp::goals.eq(&goals), pp::tasks.eq(&tasks), pp::updated_at.eq(now))).execute(conn)?;
            }
            load(conn, id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, plan.etag.clone())).json(plan))
}
