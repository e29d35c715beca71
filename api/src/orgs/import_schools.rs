//! `/organizations/{id}/imports/schools`: an institute loads its schools and their contingents
//! from one sheet (CSV or XLSX), all or nothing, matching existing schools by slug.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::contingent::insert_age_group;
use super::dto::{AgeGroup, OrganizationKind, validate_slug, validate_time_zone};
use super::store::load_organization;
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::{contingent_age_groups as cag, organizations as o};
use crate::db::{Db, DbConnection, transaction};
use crate::error::{ApiError, Problem};
use crate::participants::import::read::{Format, open};
use crate::participants::import::routes::{ImportQuery, spool};
use crate::participants::import::rows::RowError;

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct SchoolImportReport {
    pub dry_run: bool,
    pub valid: bool,
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub errors: Vec<RowError>,
}

/// A school as the sheet gives it.
struct SchoolRow {
    name: String,
    short_name: Option<String>,
    slug: Option<String>,
    time_zone: Option<String>,
    reference_date: Option<NaiveDate>,
    ages: Vec<AgeGroup>,
}

enum Col {
    Name,
    Short,
    Slug,
    TimeZone,
    Date,
    Age(i32),
}

fn column(header: &str) -> Option<Col> {
    let h = header.trim().to_lowercase();
    Some(match h.as_str() {
        "name" | "название" | "наименование" => Col::Name,
        "short_name" | "краткое название" => Col::Short,
        "slug" | "адрес" => Col::Slug,
        "time_zone" | "часовой пояс" => Col::TimeZone,
        "reference_date" | "дата контингента" => Col::Date,
        _ => {
            let age = h.trim_start_matches("age_").trim_start_matches("возраст").trim().trim_end_matches(" лет").trim_end_matches(" год");
            return age.parse::<i32>().ok().filter(|a| (5..=30).contains(a)).map(Col::Age);
        }
    })
}

fn parse(header: &[Option<Col>], row: usize, cells: &[String]) -> Result<SchoolRow, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut school = SchoolRow { name: String::new(), short_name: None, slug: None, time_zone: None, reference_date: None, ages: Vec::new() };
    for (i, col) in header.iter().enumerate() {
        let value = cells.get(i).map(|s| s.trim()).unwrap_or("");
        let mut fail = |column: &str, message: &str| errors.push(RowError { row, column: column.into(), message: message.into() });
        match col {
            Some(Col::Name) if value.is_empty() || value.chars().count() > 300 => fail("name", "1–300 characters"),
            Some(Col::Name) => school.name = value.to_owned(),
            Some(Col::Short) => school.short_name = Some(value.to_owned()).filter(|v| !v.is_empty()),
            Some(Col::Slug) if value.is_empty() => {}
            Some(Col::Slug) if validate_slug(value).is_err() => fail("slug", "2–64 of a-z, 0-9 and inner hyphens"),
            Some(Col::Slug) => school.slug = Some(value.to_owned()),
            Some(Col::TimeZone) if value.is_empty() => {}
            Some(Col::TimeZone) if validate_time_zone(value).is_err() => fail("time_zone", "an IANA time zone, e.g. Asia/Vladivostok"),
            Some(Col::TimeZone) => school.time_zone = Some(value.to_owned()),
            Some(Col::Date) if value.is_empty() => {}
            Some(Col::Date) => match NaiveDate::parse_from_str(value, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(value, "%d.%m.%Y")) {
                Ok(d) => school.reference_date = Some(d),
                Err(_) => fail("reference_date", "a date, ДД.ММ.ГГГГ or YYYY-MM-DD"),
            },
            Some(Col::Age(age)) if value.is_empty() => {}
            Some(Col::Age(age)) => match value.trim_end_matches(".0").parse::<i32>() {
                Ok(n) if (0..=100_000).contains(&n) => school.ages.push(AgeGroup { age: *age, students: n }),
                _ => fail(&format!("age {age}"), "a number of students, 0–100000"),
            },
            None => {}
        }
    }
    if !school.ages.is_empty() && school.reference_date.is_none() {
        errors.push(RowError { row, column: "reference_date".into(), message: "the contingent needs its reference date".into() });
    }
    if errors.is_empty() { Ok(school) } else { Err(errors) }
}

fn write(conn: &mut DbConnection, institute: i64, time_zone: &str, schools: Vec<SchoolRow>, report: &mut SchoolImportReport) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    for s in schools {
        let slug = s.slug.clone().unwrap_or_else(|| slug::slugify(&s.name).chars().take(60).collect());
        let existing: Option<(i64, Option<i64>)> = o::table.filter(o::slug.eq(&slug)).select((o::id, o::parent_id)).first(conn).optional()?;
        let id = match existing {
            Some((id, Some(parent))) if parent == institute => {
                diesel::update(o::table.find(id))
                    .set((o::name.eq(&s.name), o::short_name.eq(&s.short_name), o::time_zone.eq(s.time_zone.as_deref().unwrap_or(time_zone)), o::version.eq(o::version + 1), o::updated_at.eq(now)))
                    .execute(conn)?;
                report.updated += 1;
                id
            }
            Some(_) => return Err(ApiError::conflict("slug_taken", format!("slug `{slug}` belongs to another organisation"))),
            None => {
                report.created += 1;
                diesel::insert_into(o::table)
                    .values((
                        o::kind.eq(OrganizationKind::School.as_str()),
                        o::parent_id.eq(institute),
                        o::name.eq(&s.name),
                        o::short_name.eq(&s.short_name),
                        o::slug.eq(&slug),
                        o::time_zone.eq(s.time_zone.as_deref().unwrap_or(time_zone)),
                        o::created_at.eq(now),
                        o::updated_at.eq(now),
                    ))
                    .returning(o::id)
                    .get_result(conn)?
            }
        };
        if let Some(date) = s.reference_date {
            diesel::delete(cag::table.filter(cag::organization_id.eq(id)).filter(cag::reference_date.eq(date))).execute(conn)?;
            for g in &s.ages {
                insert_age_group(conn, id, date, g)?;
            }
        }
    }
    Ok(())
}

#[utoipa::path(
    tag = "organizations",
    summary = "An institute imports its schools and their contingents (CSV or XLSX)",
    description = "Columns: «Название» (name), «Краткое название», «Адрес» (slug; matches existing schools), «Часовой пояс», «Дата контингента», and one column per age («7», «8», … or age_7) with the number of students. All or nothing; `dry_run=true` only checks.",
    params(("id" = i64, Path, description = "institute id"), ImportQuery),
    request_body(content = String, description = "the file", content_type = "text/csv"),
    responses(
        (status = 200, body = SchoolImportReport),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not_an_institute, slug_taken"), (status = 413, body = Problem), (status = 415, body = Problem),
        (status = 422, body = Problem, description = "the report lists each bad row when not a dry run"),
    ),
    security(("bearer" = []))
)]
#[post("/organizations/{id}/imports/schools")]
pub async fn import_schools(req: HttpRequest, db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<ImportQuery>, payload: web::Payload) -> Result<HttpResponse, ApiError> {
    let institute = id.into_inner();
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let format = match Format::from_content_type(content_type) {
        Some(f @ (Format::Csv | Format::Xlsx)) => f,
        _ => return Err(ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send the sheet as text/csv or XLSX")),
    };
    let auth = principal.clone();
    let time_zone = db
        .run(move |conn| {
            authorize(conn, &auth, Action::ManageOrganization, institute)?;
            let org = load_organization(conn, institute)?;
            if org.kind != OrganizationKind::Institute {
                return Err(ApiError::conflict("not_an_institute", "schools are imported into an institute"));
            }
            Ok(org.time_zone)
        })
        .await?;
    let file = spool(payload).await?;
    let dry_run = query.dry_run.unwrap_or(false);
    let report = db
        .run(move |conn| {
            let records = open(file.path(), format)?;
            let header: Vec<Option<Col>> = records.header.iter().map(|h| column(h)).collect();
            let mut report = SchoolImportReport { dry_run, ..Default::default() };
            if !header.iter().any(|c| matches!(c, Some(Col::Name))) {
                report.errors.push(RowError { row: 1, column: "name".into(), message: "the column «Название» (name) is missing".into() });
            }
            let mut schools = Vec::new();
            for record in records.rows {
                report.total += 1;
                match record.map_err(|e| vec![e]).and_then(|(row, cells)| parse(&header, row, &cells)) {
                    Ok(s) => schools.push(s),
                    Err(e) => report.errors.extend(e),
                }
            }
            report.valid = report.errors.is_empty();
            if report.valid && !dry_run {
                transaction(conn, |conn| write(conn, institute, &time_zone, schools, &mut report))?;
            }
            Ok(report)
        })
        .await?;
    if !report.valid && !dry_run {
        return Err(ApiError::Problem {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "import_invalid",
            detail: format!("{} errors in the file; nothing was imported", report.errors.len()),
            errors: report.errors.iter().map(|e| crate::error::FieldError { field: format!("row {}: {}", e.row, e.column), message: e.message.clone() }).collect(),
        });
    }
    Ok(HttpResponse::Ok().json(report))
}
