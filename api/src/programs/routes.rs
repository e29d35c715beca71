//! `/schools/{school_id}/programs` and `/programs/{id}`.

use actix_web::{HttpResponse, get, http::header, patch, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::dto::{NewProgram, Program, ProgramFilter, ProgramPatch};
use super::status::{ProgramStatus, invalid_transition, programme_closed};
use super::kept_progress::KeptProgress;
use super::store::{ProgramRow, check_staff, load_program, program_scope, read_program, seed, set_curators, template_for_school, to_programs};
use super::template::{default_dates, first_year, year_window};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::{organizations, programs};
use crate::db::text::to_json as json;
use crate::db::{Db, DbConnection, natively};
use crate::error::{ApiError, Problem};
use crate::http::etag::ok_with_etag;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson, Versioned};
use crate::orgs::routes::require_school;
use crate::orgs::store::load_organization;
use crate::reporting::program_report::routes as report;

/// Start and end must lie in the academic year (August to August) and in order.
fn check_dates(academic_year: &str, start: chrono::NaiveDate, end: chrono::NaiveDate) -> Result<(), ApiError> {
    let first = first_year(academic_year).ok_or_else(|| ApiError::invalid_field("academic_year", "must be e.g. 2026/2027"))?;
    let (from, to) = year_window(first);
    for (field, date) in [("start_date", start), ("end_date", end)] {
        if date < from || date > to {
            return Err(ApiError::field_problem("date_outside_year", field, format!("must lie within {from} – {to} ({academic_year})")));
        }
    }
    if start >= end {
        return Err(ApiError::invalid_field("end_date", "must be after start_date"));
    }
    Ok(())
}

fn check_people(conn: &mut DbConnection, school_id: i64, coordinator: Option<i64>, curators: &[i64]) -> Result<(), ApiError> {
    if let Some(id) = coordinator {
        check_staff(conn, school_id, id, "coordinator_id")?;
    }
    for (i, id) in curators.iter().enumerate() {
        check_staff(conn, school_id, *id, &format!("curator_ids[{i}]"))?;
    }
    Ok(())
}

/// New dates must still hold every deadline of the roadmap and the media plan.
fn check_deadlines_fit(conn: &mut DbConnection, id: i64, start: chrono::NaiveDate, end: chrono::NaiveDate) -> Result<(), ApiError> {
    use crate::db::schema::{media_plan_items as mp, roadmap_activities as ra};
    let activities: i64 = ra::table
        .filter(ra::program_id.eq(id))
        .filter(ra::deadline.lt(start).or(ra::deadline.gt(end)))
        .count()
        .get_result(conn)?;
    let media: i64 = mp::table.filter(mp::program_id.eq(id)).filter(mp::deadline.lt(start).or(mp::deadline.gt(end))).count().get_result(conn)?;
    if activities + media > 0 {
        return Err(ApiError::conflict(
            "deadlines_outside_dates",
            format!("{} deadlines would fall outside {start} – {end}; move them first", activities + media),
        ));
    }
    Ok(())
}

fn trimmed(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

#[utoipa::path(
    tag = "programs",
    summary = "A school's mentorship programmes",
    params(("school_id" = i64, Path, description = "school id"), ProgramFilter, PageQuery),
    responses((status = 200, body = Paginated<Program>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/schools/{school_id}/programs")]
pub async fn list_programs(
    db: web::Data<Db>,
    kept: web::Data<KeptProgress>,
    principal: Principal,
    school_id: web::Path<i64>,
    filter: web::Query<ProgramFilter>,
    query: web::Query<PageQuery>,
) -> Result<web::Json<Paginated<Program>>, ApiError> {
    let page = query.page()?;
    let school_id = school_id.into_inner();
    let status = filter.into_inner().status;
    let kept = kept.into_inner();
    let (items, next_cursor) = db
        .read(move |conn| {
            authorize(conn, &principal, Action::ViewProgram, school_id)?;
            // Natively (`db::native`): this list is read the most.
            // With the school's time zone, which the progress needs: a statement fewer.
            let rows: Vec<(ProgramRow, String)> = natively!(conn, |c| {
                let q = programs::table
                    .inner_join(organizations::table)
                    .filter(programs::school_id.eq(school_id))
                    .filter(programs::id.gt(page.after))
                    .order(programs::id)
                    .limit(page.limit + 1)
                    .select((ProgramRow::as_select(), organizations::time_zone));
                match status {
                    Some(s) => q.filter(programs::status.eq(s.as_str())).load(c)?,
                    None => q.load(c)?,
                }
            });
            let paged = Paginated::from_rows(rows, page, |(r, _)| r.id, |r| r);
            Ok((to_programs(conn, paged.items, Some(&kept))?, paged.next_cursor))
        })
        .await?;
    Ok(web::Json(Paginated { items, next_cursor }))
}

#[utoipa::path(
    tag = "programs",
    summary = "Start a programme: seeds the seven-stage roadmap and the media plan",
    description = "The roadmap comes from the institute's regional template when it keeps one, else from the standard template of the target model.",
    params(("school_id" = i64, Path, description = "school id")),
    request_body = NewProgram,
    responses(
        (status = 201, body = Program, headers(("Location" = String), ("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not_a_school"), (status = 422, body = Problem, description = "validation_failed, date_outside_year"),
    ),
    security(("bearer" = []))
)]
#[post("/schools/{school_id}/programs")]
pub async fn create_program(db: web::Data<Db>, principal: Principal, school_id: web::Path<i64>, body: ValidJson<NewProgram>) -> Result<HttpResponse, ApiError> {
    let school_id = school_id.into_inner();
    let new = body.0;
    let program = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageProgram, school_id)?;
            require_school(&load_organization(conn, school_id)?)?;
            let first = first_year(&new.academic_year).ok_or_else(|| ApiError::invalid_field("academic_year", "must be e.g. 2026/2027"))?;
            let (default_start, default_end) = default_dates(first);
            let (start, end) = (new.start_date.unwrap_or(default_start), new.end_date.unwrap_or(default_end));
            check_dates(&new.academic_year, start, end)?;
            check_people(conn, school_id, new.coordinator_id, &new.curator_ids)?;
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(programs::table)
                .values((
                    programs::school_id.eq(school_id),
                    programs::title.eq(new.title.trim()),
                    programs::academic_year.eq(&new.academic_year),
                    programs::start_date.eq(start),
                    programs::end_date.eq(end),
                    programs::forms.eq(json(&new.forms)?),
                    programs::coordinator_id.eq(new.coordinator_id),
                    programs::contact_name.eq(trimmed(&new.contact_name)),
                    programs::contact_phone.eq(trimmed(&new.contact_phone)),
                    programs::contact_email.eq(trimmed(&new.contact_email)),
                    programs::goal.eq(trimmed(&new.goal)),
                    programs::tasks.eq(json(&new.tasks)?),
                    programs::status.eq(ProgramStatus::Draft.as_str()),
                    programs::created_at.eq(now),
                    programs::updated_at.eq(now),
                ))
                .returning(programs::id)
                .get_result(conn)?;
            set_curators(conn, id, &new.curator_ids)?;
            let template = template_for_school(conn, school_id)?;
            seed(conn, id, &template, first, start, end)?;
            load_program(conn, id)
        })
        .await?;
    tracing::info!(program_id = program.id, school_id, "programme created");
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/programs/{}", program.id)))
        .insert_header((header::ETAG, program.etag()))
        .json(program))
}

#[utoipa::path(
    tag = "programs",
    summary = "One programme",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = Program, headers(("ETag" = String))), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}")]
pub async fn get_program(db: web::Data<Db>, kept: web::Data<KeptProgress>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let kept = kept.into_inner();
    let program = db
        .read(move |conn| {
            program_scope(conn, &principal, Action::ViewProgram, id)?;
            read_program(conn, id, Some(&kept))
        })
        .await?;
    Ok(ok_with_etag(&program))
}

#[utoipa::path(
    tag = "programs",
    summary = "Edit a programme or move it along draft → active → completed → archived",
    description = "A completed or archived programme is a record: only the move to archived is accepted (409 programme_closed). Completing needs exit monitoring (an exit survey answered, or exit measurements; 409 exit_monitoring_missing) and freezes the programme report's figures.",
    params(("id" = i64, Path, description = "programme id"), ("If-Match" = Option<String>, Header, description = "the ETag you read")),
    request_body = ProgramPatch,
    responses(
        (status = 200, body = Program, headers(("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition, programme_closed, deadlines_outside_dates, exit_monitoring_missing"), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[patch("/programs/{id}")]
pub async fn update_program(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<ProgramPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let patch = body.0;
    let program = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, id)?;
            let current = load_program(conn, id)?;
            if_match.check(&current.etag())?;
            let status = patch.status.unwrap_or(current.status);
            if !current.status.may_become(status) {
                return Err(invalid_transition(current.status.as_str(), status.as_str(), "; a programme moves draft → active → completed → archived"));
            }
            let only_archiving = patch.title.is_none()
                && patch.start_date.is_none()
                && patch.end_date.is_none()
                && patch.forms.is_none()
                && patch.coordinator_id.is_none()
                && patch.curator_ids.is_none()
                && patch.contact_name.is_none()
                && patch.contact_phone.is_none()
                && patch.contact_email.is_none()
                && patch.goal.is_none()
                && patch.tasks.is_none();
            if current.status.is_closed() && !only_archiving {
                return Err(programme_closed());
            }
            let completing = status == ProgramStatus::Completed && current.status != ProgramStatus::Completed;
            if completing {
                report::check_exit_monitoring(conn, id)?;
            }
            let (start, end) = (patch.start_date.unwrap_or(current.start_date), patch.end_date.unwrap_or(current.end_date));
            check_dates(&current.academic_year, start, end)?;
            if (start, end) != (current.start_date, current.end_date) {
                check_deadlines_fit(conn, id, start, end)?;
            }
            let coordinator = patch.coordinator_id.unwrap_or(current.coordinator_id);
            let curators = patch.curator_ids.clone().unwrap_or(current.curator_ids.clone());
            check_people(conn, scope.school_id, coordinator, &curators)?;
            let keep = |new: &Option<Option<String>>, old: &Option<String>| match new {
                None => old.clone(),
                Some(v) => trimmed(v),
            };
            diesel::update(programs::table.find(id))
                .set((
                    programs::title.eq(patch.title.as_deref().map(str::trim).unwrap_or(&current.title)),
                    programs::start_date.eq(start),
                    programs::end_date.eq(end),
                    programs::forms.eq(json(patch.forms.as_ref().unwrap_or(&current.forms))?),
                    programs::coordinator_id.eq(coordinator),
                    programs::contact_name.eq(keep(&patch.contact_name, &current.contact_name)),
                    programs::contact_phone.eq(keep(&patch.contact_phone, &current.contact_phone)),
                    programs::contact_email.eq(keep(&patch.contact_email, &current.contact_email)),
                    programs::goal.eq(keep(&patch.goal, &current.goal)),
                    programs::tasks.eq(json(patch.tasks.as_ref().unwrap_or(&current.tasks))?),
                    programs::status.eq(status.as_str()),
                    programs::version.eq(current.version + 1),
                    programs::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            if patch.curator_ids.is_some() {
                set_curators(conn, id, &curators)?;
            }
            if completing {
                report::freeze(conn, &principal, id)?;
            }
            load_program(conn, id)
        })
        .await?;
    Ok(ok_with_etag(&program))
}
