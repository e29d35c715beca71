//! `/awards/{id}/certificate`: what the print view needs (A4, the school's name, the code), and
//! `/public/certificates/{code}`: anyone holding a printed certificate checks it, no account. The
//! public answer names a minor only with a parent's consent to publish the name; an unknown code
//! is 404 `certificate_not_found` and says nothing else.

use actix_web::http::StatusCode;
use actix_web::{get, web};
use diesel::prelude::*;

use super::awards::{AwardRow, Holders, award_scope, sees_names};
use super::code::normalize;
use super::dto::{Certificate, PublicCertificate};
use crate::auth::{Action, Principal};
use crate::db::schema::{awards, organizations, programs};
use crate::db::text::from_text;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::participants::audit::record;

fn school_of(conn: &mut DbConnection, program_id: i64) -> Result<(i64, String, Option<String>, String, String), ApiError> {
    Ok(programs::table
        .inner_join(organizations::table)
        .filter(programs::id.eq(program_id))
        .select((organizations::id, organizations::name, organizations::short_name, programs::title, programs::academic_year))
        .first(conn)?)
}

#[utoipa::path(
    tag = "recognition",
    summary = "An award's certificate, for the print view",
    description = "The school's and programme's names, the holder (full name for the school's staff), the wording, the date, the signatory and the code with the path of the public page that verifies it. The minors named are written to the audit trail.",
    params(("id" = i64, Path, description = "award id")),
    responses((status = 200, body = Certificate), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/awards/{id}/certificate")]
pub async fn get_certificate(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<Certificate>, ApiError> {
    let id = id.into_inner();
    let certificate = db
        .write(move |conn| {
            let (row, scope) = award_scope(conn, &principal, Action::ViewProgram, id)?;
            let staff = sees_names(conn, &principal, scope.school_id)?;
            let holders = Holders::load(conn, std::slice::from_ref(&row), scope.school_id)?;
            record(conn, &principal, scope.school_id, "read", &holders.minors(std::slice::from_ref(&row)), Some("certificate"))?;
            let (_, school_name, school_short_name, program_title, academic_year) = school_of(conn, row.program_id)?;
            Ok(Certificate {
                award_id: row.id,
                kind: from_text(&row.kind)?,
                holder: holders.name(&row, staff).0,
                addressee: if staff { row.addressee.clone() } else { None },
                verify_path: format!("/verify/{}", row.code),
                code: row.code,
                title: row.title,
                wording: row.wording,
                awarded_on: row.awarded_on,
                signatory: row.signatory,
                school_name,
                school_short_name,
                program_title,
                academic_year,
                revoked: row.revoked_at.is_some(),
            })
        })
        .await?;
    Ok(web::Json(certificate))
}

fn unknown() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "certificate_not_found", "no certificate has this code")
}

#[utoipa::path(
    tag = "recognition",
    summary = "Verify a certificate by its code (public)",
    description = "The kind, title, school and date of the award, and whether it was revoked. The holder is named in full when an adult, or a minor whose parent consented to publishing the name; otherwise by initials. The code is read forgivingly (any case, dashes optional, O for 0). An unknown code is 404 `certificate_not_found`.",
    params(("code" = String, Path, description = "the certificate's code, NST-XXXX-XXXX")),
    responses((status = 200, body = PublicCertificate), (status = 401, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem, description = "too_many_requests: past the per-address quota of pages without an account")),
    security(())
)]
#[get("/public/certificates/{code}")]
pub async fn verify_certificate(db: web::Data<Db>, code: web::Path<String>) -> Result<web::Json<PublicCertificate>, ApiError> {
    let code = normalize(&code.into_inner()).ok_or_else(unknown)?;
    let certificate = db
        .run(move |conn| {
            let row = awards::table.filter(awards::code.eq(&code)).select(AwardRow::as_select()).first(conn).optional()?;
            let row = row.ok_or_else(unknown)?;
            let (school_id, school_name, _, _, _) = school_of(conn, row.program_id)?;
            let holders = Holders::load(conn, std::slice::from_ref(&row), school_id)?;
            let (holder, holder_shown) = holders.name(&row, false);
            Ok(PublicCertificate {
                kind: from_text(&row.kind)?,
                code: row.code,
                title: row.title,
                school_name,
                awarded_on: row.awarded_on,
                holder,
                holder_shown,
                revoked: row.revoked_at.is_some(),
                revoked_on: row.revoked_at.map(|t| t.date()),
            })
        })
        .await?;
    Ok(web::Json(certificate))
}
