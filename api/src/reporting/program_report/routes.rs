//! `GET /programs/{id}/report` and the freezing of the figures when a programme completes.

use actix_web::{HttpResponse, get, web};
use chrono::Utc;
use diesel::prelude::*;
use rust_xlsxwriter::{Format, Workbook};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{ProgramReport, figures, table};
use crate::auth::{Action, Principal};
use crate::db::schema::program_reports;
use crate::db::text::{from_json, to_json};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::programs::store::program_scope;

/// Exit monitoring ran: an exit survey was answered, or exit values were taken from the records.
pub fn check_exit_monitoring(conn: &mut DbConnection, program_id: i64) -> Result<(), ApiError> {
    let (answered, measured) = crate::monitoring::gate::exit_evidence(conn, program_id)?;
    if answered + measured == 0 {
        return Err(ApiError::conflict("exit_monitoring_missing", "a programme completes after exit monitoring: an exit survey answered or exit measurements recorded"));
    }
    Ok(())
}

/// Keeps the figures as they stand on the day the programme completes.
pub fn freeze(conn: &mut DbConnection, principal: &Principal, program_id: i64) -> Result<(), ApiError> {
    let now = Utc::now();
    let mut report = figures::compute(conn, principal, program_id)?;
    report.frozen_at = Some(now);
    diesel::delete(program_reports::table.find(program_id)).execute(conn)?;
    diesel::insert_into(program_reports::table)
        .values((program_reports::program_id.eq(program_id), program_reports::report.eq(to_json(&report)?), program_reports::frozen_at.eq(now.naive_utc())))
        .execute(conn)?;
    Ok(())
}

/// The frozen report of a completed programme, else the figures as they stand.
fn load(conn: &mut DbConnection, principal: &Principal, program_id: i64, school_id: i64) -> Result<ProgramReport, ApiError> {
    let frozen: Option<String> = program_reports::table.find(program_id).select(program_reports::report).first(conn).optional()?;
    let report = match frozen {
        Some(text) => from_json(&text)?,
        None => figures::compute(conn, principal, program_id)?,
    };
    Ok(if principal.is_school_staff(school_id) { report } else { report.withhold_small_counts() })
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ReportQuery {
    /// `json` (default), `csv` (UTF-8 with BOM, `;`, as Excel opens it) or `xlsx`.
    #[param(pattern = "^(json|csv|xlsx)$")]
    pub format: Option<String>,
}

fn csv_bytes(rows: &[[String; 3]]) -> Result<Vec<u8>, ApiError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        w.write_record(table::HEADERS).map_err(|e| ApiError::Internal(e.into()))?;
        for r in rows {
            w.write_record(r).map_err(|e| ApiError::Internal(e.into()))?;
        }
        w.flush().map_err(|e| ApiError::Internal(e.into()))?;
    }
    Ok(out)
}

fn xlsx_bytes(title: &str, rows: &[[String; 3]]) -> Result<Vec<u8>, ApiError> {
    let fail = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(anyhow::anyhow!("report workbook: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Отчёт").map_err(fail)?;
    let bold = Format::new().set_bold();
    sheet.write_string_with_format(0, 0, title, &bold).map_err(fail)?;
    for (c, h) in table::HEADERS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *h, &bold).map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            // Always a string cell: a value is never run as a formula.
            sheet.write_string(r as u32 + 3, c as u16, value).map_err(fail)?;
        }
    }
    for (c, width) in [(0, 34.0), (1, 60.0), (2, 40.0)] {
        sheet.set_column_width(c, width).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

#[utoipa::path(
    tag = "reporting",
    summary = "The programme report: bases, pairs, meetings, roadmap, monitoring, awards",
    description = "Live while the programme runs; frozen on the day it completed (`frozen_at`). Outside the school's staff every count of fewer than 5 people is withheld (null, and `suppressed` is true). `format=csv|xlsx` gives the same figures as rows «Раздел; Показатель; Значение» in Russian, as the curator prints them.",
    params(("id" = i64, Path, description = "programme id"), ReportQuery),
    responses(
        (status = 200, description = "JSON; or the CSV / XLSX file for `format`", content((ProgramReport = "application/json"), (String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/programs/{id}/report")]
pub async fn program_report(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<ReportQuery>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let format = query.into_inner().format.unwrap_or_else(|| "json".into());
    if !["json", "csv", "xlsx"].contains(&format.as_str()) {
        return Err(ApiError::invalid_field("format", "must be json, csv or xlsx"));
    }
    let report = db
        .run(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, program_id)?;
            load(conn, &principal, program_id, scope.school_id)
        })
        .await?;
    if format == "json" {
        return Ok(HttpResponse::Ok().json(report));
    }
    let rows = table::rows(&report);
    let filename = format!("report-programme-{program_id}.{format}");
    let (bytes, content_type) = if format == "xlsx" {
        let title = format!("Отчёт о реализации программы наставничества: {}", report.program.title);
        (web::block(move || xlsx_bytes(&title, &rows)).await??, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    } else {
        (csv_bytes(&rows)?, "text/csv; charset=utf-8")
    };
    Ok(HttpResponse::Ok().content_type(content_type).insert_header(("Content-Disposition", format!("attachment; filename=\"{filename}\""))).body(bytes))
}
