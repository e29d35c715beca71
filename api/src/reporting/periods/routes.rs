//! `/organizations/{id}/report-periods` and `/report-periods/{id}`: open a collection window,
//! refresh its snapshot while it is open, close it, export it.

use actix_web::{HttpResponse, get, http::header, post, web};
use diesel::prelude::*;

use super::dto::{ExportFormat, ExportQuery, NewReportPeriod, PeriodStatus, ReportExport, ReportPeriod};
use super::store::{PeriodRow, close, frozen_rows, insert, load_row, period_scope, take_snapshot, to_period};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::report_periods as rp;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::ok_with_etag;
use crate::http::{PageQuery, Paginated, ValidJson};
use crate::programs::store::school_today;
use crate::reporting::dashboard::{age_band, subtree_schools};
use crate::reporting::rows::{SCHEMA_VERSION, csv_bytes};

fn period_closed(id: i64) -> ApiError {
    ApiError::conflict("period_closed", format!("report period {id} is closed: its snapshot no longer changes"))
}

#[utoipa::path(
    tag = "reporting",
    summary = "The report periods a region or institute has opened",
    params(("id" = i64, Path, description = "region or institute id"), PageQuery),
    responses(
        (status = 200, body = Paginated<ReportPeriod>),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/report-periods")]
pub async fn list_periods(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<ReportPeriod>>, ApiError> {
    let id = id.into_inner();
    let page = query.page()?;
    let list = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewRegionalReports, id)?;
            let rows: Vec<PeriodRow> = rp::table
                .filter(rp::organization_id.eq(id))
                .filter(rp::id.gt(page.after))
                .order(rp::id)
                .limit(page.limit + 1)
                .select(PeriodRow::as_select())
                .load(conn)?;
            let paged = Paginated::from_rows(rows, page, |r: &PeriodRow| r.id, |r| r);
            let items = paged.items.into_iter().map(|r| to_period(conn, r)).collect::<Result<Vec<_>, _>>()?;
            Ok(Paginated { items, next_cursor: paged.next_cursor })
        })
        .await?;
    Ok(web::Json(list))
}

#[utoipa::path(
    tag = "reporting",
    summary = "Open a report period: every school's figures are frozen at the reference date",
    description = "For region and institute roles. The snapshot is taken at once, one row per school of the organisation's subtree. \
A reference date after the organisation's today is refused with 422 `reference_date_in_future` and nothing is written.",
    params(("id" = i64, Path, description = "region or institute id")),
    request_body = NewReportPeriod,
    responses(
        (status = 201, body = ReportPeriod, headers(("Location" = String), ("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not_a_region_or_institute"),
        (status = 422, body = Problem, description = "validation_failed, reference_date_in_future"),
    ),
    security(("bearer" = []))
)]
#[post("/organizations/{id}/report-periods")]
pub async fn create_period(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewReportPeriod>) -> Result<HttpResponse, ApiError> {
    let organization_id = id.into_inner();
    let input = body.0;
    let band = age_band(input.age_from, input.age_to)?;
    if input.closes_on < input.opens_on {
        return Err(ApiError::invalid_field("closes_on", "must not be before opens_on"));
    }
    let period = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageReportPeriods, organization_id)?;
            subtree_schools(conn, organization_id)?;
            let today = school_today(conn, organization_id)?;
            if input.reference_date > today {
                return Err(ApiError::field_problem(
                    "reference_date_in_future",
                    "reference_date",
                    format!("figures are frozen as they were on the reference date; it must not be after today ({today})"),
                ));
            }
            let id = insert(conn, organization_id, &input.title, [input.reference_date, input.opens_on, input.closes_on], band, &principal.key())?;
            let fresh = load_row(conn, id)?;
            take_snapshot(conn, &fresh)?;
            let row = load_row(conn, id)?;
            to_period(conn, row)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/report-periods/{}", period.id)))
        .insert_header((header::ETAG, crate::http::Versioned::etag(&period)))
        .json(period))
}

#[utoipa::path(
    tag = "reporting",
    summary = "A report period",
    params(("id" = i64, Path, description = "report period id")),
    responses((status = 200, body = ReportPeriod, headers(("ETag" = String))), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/report-periods/{id}")]
pub async fn get_period(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let period = db
        .run(move |conn| {
            let row = period_scope(conn, &principal, Action::ViewRegionalReports, id)?;
            to_period(conn, row)
        })
        .await?;
    Ok(ok_with_etag(&period))
}

/// Refreshing or closing: only while the period is open.
fn open_period(conn: &mut DbConnection, principal: &Principal, id: i64) -> Result<PeriodRow, ApiError> {
    let row = period_scope(conn, principal, Action::ManageReportPeriods, id)?;
    if row.status() == PeriodStatus::Closed {
        return Err(period_closed(id));
    }
    Ok(row)
}

#[utoipa::path(
    tag = "reporting",
    summary = "Take the open period's snapshot again (schools' late corrections), still as of the reference date",
    params(("id" = i64, Path, description = "report period id")),
    responses(
        (status = 200, body = ReportPeriod, headers(("ETag" = String))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "period_closed"),
    ),
    security(("bearer" = []))
)]
#[post("/report-periods/{id}/snapshot")]
pub async fn refresh_snapshot(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let period = db
        .write(move |conn| {
            let row = open_period(conn, &principal, id)?;
            take_snapshot(conn, &row)?;
            let row = load_row(conn, id)?;
            to_period(conn, row)
        })
        .await?;
    Ok(ok_with_etag(&period))
}

#[utoipa::path(
    tag = "reporting",
    summary = "Close a report period: its snapshot never changes again",
    params(("id" = i64, Path, description = "report period id")),
    responses(
        (status = 200, body = ReportPeriod, headers(("ETag" = String))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "period_closed"),
    ),
    security(("bearer" = []))
)]
#[post("/report-periods/{id}/close")]
pub async fn close_period(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let period = db
        .write(move |conn| {
            open_period(conn, &principal, id)?;
            close(conn, id)?;
            let row = load_row(conn, id)?;
            to_period(conn, row)
        })
        .await?;
    Ok(ok_with_etag(&period))
}

#[utoipa::path(
    tag = "reporting",
    summary = "Export a period's frozen rows (JSON or CSV, fixed versioned layout)",
    description = "JSON: `ReportExport` (`schema_version`, the period, `rows` of `SchoolRow`, `totals`). Counts of children from 1 to 4 are null with `suppressed: true`. \
`?format=csv`: the rows as CSV (comma-separated, UTF-8, empty cell = null), schema version 1, header line:\n\n\
`schema_version,school_id,school_name,parent_id,parent_name,suppressed,mentors,mentees,pairs,pairs_student_student,pairs_teacher_teacher,pairs_employer_student,pairs_university_student_student,pairs_employer_college_student,involved,involved_student_student,involved_teacher_teacher,involved_employer_student,involved_university_student_student,involved_employer_college_student,students_in_band,contingent_date,share,share_student_student,share_teacher_teacher,share_employer_student,share_university_student_student,share_employer_college_student,roadmap_done,roadmap_total,roadmap_overdue,response_rate,silence_alerts`",
    params(("id" = i64, Path, description = "report period id"), ExportQuery),
    responses(
        (status = 200, content((ReportExport = "application/json"), (String = "text/csv"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/report-periods/{id}/export")]
pub async fn export_period(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<ExportQuery>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let format = query.into_inner().format.unwrap_or_default();
    let export = db
        .run(move |conn| {
            let row = period_scope(conn, &principal, Action::ViewRegionalReports, id)?;
            let period = to_period(conn, row)?;
            let (rows, totals) = frozen_rows(conn, id)?;
            Ok(ReportExport { schema_version: SCHEMA_VERSION, period, rows, totals })
        })
        .await?;
    match format {
        ExportFormat::Json => Ok(HttpResponse::Ok().json(export)),
        ExportFormat::Csv => Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"report-period-{id}-{}.csv\"", export.period.reference_date)))
            .body(csv_bytes(&export.rows)?)),
    }
}
