//! `/schools/{school_id}/participants/export`: the bases as the curator prints them, with Russian
//! headers. Sensitive fields are never exported; every minor exported is audited.

use actix_web::{HttpResponse, get, web};
use diesel::prelude::*;
use rust_xlsxwriter::Workbook;
use serde::Deserialize;
use utoipa::IntoParams;

use super::audit::record;
use super::import::columns::russian_kind;
use super::store::{ParticipantRow, to_participants};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::Db;
use crate::db::schema::participants as p;
use crate::error::{ApiError, Problem};
use crate::programs::store::school_today;

const HEADERS: [&str; 12] =
    ["Внешний ID", "Категория", "Фамилия", "Имя", "Отчество", "Дата рождения", "Год рождения", "Класс", "Литера", "Телефон", "Эл. почта", "Согласие на обработку"];

/// A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@` (or a tab or return) as a formula;
/// a leading apostrophe makes it text again.
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `csv` (default; UTF-8 with BOM, `;` as Excel expects) or `xlsx`.
    #[param(pattern = "^(csv|xlsx)$")]
    pub format: Option<String>,
}

fn rows(items: &[super::dto::Participant]) -> Vec<[String; 12]> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    items
        .iter()
        .map(|x| {
            [
                text(&x.external_id),
                russian_kind(x.kind).to_owned(),
                text(&x.last_name),
                text(&x.first_name),
                text(&x.middle_name),
                x.birth_date.map(|d| d.format("%d.%m.%Y").to_string()).unwrap_or_default(),
                x.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                x.grade.map(|g| g.to_string()).unwrap_or_default(),
                text(&x.class_letter),
                text(&x.phone),
                text(&x.email),
                if x.has_processing_consent { "да" } else { "нет" }.to_owned(),
            ]
            .map(|c| neutralise(&c))
        })
        .collect()
}

fn csv_bytes(rows: &[[String; 12]]) -> Result<Vec<u8>, ApiError> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        w.write_record(HEADERS).map_err(|e| ApiError::Internal(e.into()))?;
        for r in rows {
            w.write_record(r).map_err(|e| ApiError::Internal(e.into()))?;
        }
        w.flush().map_err(|e| ApiError::Internal(e.into()))?;
    }
    Ok(out)
}

fn xlsx_bytes(rows: &[[String; 12]]) -> Result<Vec<u8>, ApiError> {
    let fail = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(anyhow::anyhow!("export workbook: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Участники").map_err(fail)?;
    for (c, h) in HEADERS.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).map_err(fail)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            // Always a string cell: a value is never run as a formula.
            sheet.write_string(r as u32 + 1, c as u16, value).map_err(fail)?;
        }
    }
    book.save_to_buffer().map_err(fail)
}

#[utoipa::path(
    tag = "participants",
    summary = "Export the school's participants (CSV or XLSX, Russian headers)",
    params(("school_id" = i64, Path, description = "school id"), ExportQuery),
    responses(
        (status = 200, description = "the file", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/schools/{school_id}/participants/export")]
pub async fn export_participants(db: web::Data<Db>, principal: Principal, school_id: web::Path<i64>, query: web::Query<ExportQuery>) -> Result<HttpResponse, ApiError> {
    let school_id = school_id.into_inner();
    let format = query.into_inner().format.unwrap_or_else(|| "csv".into());
    if format != "csv" && format != "xlsx" {
        return Err(ApiError::invalid_field("format", "must be csv or xlsx"));
    }
    let items = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ViewParticipants, school_id)?;
            let rows: Vec<ParticipantRow> = p::table
                .filter(p::school_id.eq(school_id))
                .filter(p::erased_at.is_null())
                .order((p::kind, p::grade, p::class_letter, p::search_key, p::id))
                .select(ParticipantRow::as_select())
                .load(conn)?;
            let today = school_today(conn, school_id)?;
            let items = to_participants(conn, rows, false, today)?;
            let minors: Vec<i64> = items.iter().filter(|x| x.is_minor).map(|x| x.id).collect();
            record(conn, &principal, school_id, "export", &minors, None)?;
            Ok(items)
        })
        .await?;
    let table = rows(&items);
    let (bytes, content_type, ext) = if format == "xlsx" {
        (web::block(move || xlsx_bytes(&table)).await??, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
    } else {
        (csv_bytes(&table)?, "text/csv; charset=utf-8", "csv")
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Content-Disposition", format!("attachment; filename=\"participants-{school_id}.{ext}\"")))
        .body(bytes))
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formulas_become_text() {
        assert_eq!(neutralise("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(neutralise("+7 900"), "'+7 900");
        assert_eq!(neutralise("Соколов"), "Соколов");
    }
}
