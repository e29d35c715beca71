//! `/organizations/{id}/survey-templates` and `/survey-templates/{id}`: the standard templates, an
//! institute's for its region, a school's own. A template surveys run is never changed under them:
//! a new version is made instead.

use actix_web::{HttpResponse, get, http::header, post, put, web};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::questions::{Question, check_questions};
use super::{NewSurveyTemplate, SurveyTemplate, SurveyTemplateList, TemplateVersionInput};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::{survey_templates as st, surveys};
use crate::db::text::{from_json, from_text, to_json, to_text};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::orgs::store::ancestry;

#[derive(Queryable, Selectable)]
#[diesel(table_name = st)]
pub struct TemplateRow {
    pub id: i64,
    pub organization_id: Option<i64>,
    pub code: String,
    pub version: i32,
    pub title: String,
    pub purpose: String,
    pub audience: String,
    pub form: Option<String>,
    pub questions: String,
    pub created_at: NaiveDateTime,
}

pub fn to_template(conn: &mut DbConnection, r: TemplateRow) -> Result<SurveyTemplate, ApiError> {
    let used: i64 = surveys::table.filter(surveys::template_id.eq(r.id)).count().get_result(conn)?;
    Ok(SurveyTemplate {
        id: r.id,
        organization_id: r.organization_id,
        code: r.code,
        version: r.version,
        title: r.title,
        purpose: from_text(&r.purpose)?,
        audience: from_text(&r.audience)?,
        form: r.form.as_deref().map(from_text).transpose()?,
        questions: from_json(&r.questions)?,
        in_use: used > 0,
        created_at: r.created_at.and_utc(),
    })
}

pub fn load_row(conn: &mut DbConnection, id: i64) -> Result<TemplateRow, ApiError> {
    let row = st::table.find(id).select(TemplateRow::as_select()).first(conn).optional()?;
    row.ok_or_else(|| ApiError::not_found(format!("survey template {id}")))
}

/// Templates usable at an organisation: the standard ones and those of the organisation and the
/// organisations above it (an institute's serve its schools).
pub fn usable_at(conn: &mut DbConnection, organization_id: i64) -> Result<Vec<TemplateRow>, ApiError> {
    let owners = ancestry(conn, organization_id)?;
    Ok(st::table
        .filter(st::organization_id.is_null().or(st::organization_id.eq_any(owners)))
        .order((st::code, st::version, st::id))
        .select(TemplateRow::as_select())
        .load(conn)?)
}

/// Writing templates: a school's staff for the school, the institute or region for their subtree.
fn authorize_write(conn: &mut DbConnection, principal: &Principal, organization_id: i64) -> Result<(), ApiError> {
    authorize(conn, principal, Action::ManageProgram, organization_id).or_else(|_| authorize(conn, principal, Action::ManageRoadmapTemplate, organization_id))
}

fn checked(questions: &[Question]) -> Result<(), ApiError> {
    check_questions(questions).map_err(|(field, message)| ApiError::invalid_field(&field, message))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Survey templates usable at an organisation",
    description = "The standard templates, and those of the organisation and the organisations above it, every version.",
    params(("id" = i64, Path, description = "organisation id")),
    responses((status = 200, body = SurveyTemplateList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/survey-templates")]
pub async fn list_templates(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<SurveyTemplateList>, ApiError> {
    let organization_id = id.into_inner();
    let items = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewProgram, organization_id)?;
            let rows = usable_at(conn, organization_id)?;
            rows.into_iter().map(|r| to_template(conn, r)).collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(web::Json(SurveyTemplateList { items }))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Publish a survey template for an organisation",
    description = "An institute's template serves every school below it. Question codes are stable: analytics group answers by them.",
    params(("id" = i64, Path, description = "organisation id")),
    request_body = NewSurveyTemplate,
    responses(
        (status = 201, body = SurveyTemplate, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "template_exists"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/organizations/{id}/survey-templates")]
pub async fn create_template(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewSurveyTemplate>) -> Result<HttpResponse, ApiError> {
    let organization_id = id.into_inner();
    let new = body.0;
    let template = db
        .write(move |conn| {
            authorize_write(conn, &principal, organization_id)?;
            if !new.code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') {
                return Err(ApiError::invalid_field("code", "a-z, 0-9 and _"));
            }
            checked(&new.questions)?;
            let taken: i64 = st::table.filter(st::organization_id.eq(organization_id)).filter(st::code.eq(&new.code)).count().get_result(conn)?;
            if taken > 0 {
                return Err(ApiError::conflict("template_exists", "the organisation has a template with this code; make a new version of it"));
            }
            let id: i64 = diesel::insert_into(st::table)
                .values((
                    st::organization_id.eq(organization_id),
                    st::code.eq(&new.code),
                    st::version.eq(1),
                    st::title.eq(new.title.trim()),
                    st::purpose.eq(to_text(&new.purpose)?),
                    st::audience.eq(to_text(&new.audience)?),
                    st::form.eq(new.form.map(|f| to_text(&f)).transpose()?),
                    st::questions.eq(to_json(&new.questions)?),
                    st::created_at.eq(Utc::now().naive_utc()),
                ))
                .returning(st::id)
                .get_result(conn)?;
            let row = load_row(conn, id)?;
            to_template(conn, row)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/survey-templates/{}", template.id))).json(template))
}

/// Reading a template: the standard ones are everyone's; others belong to their organisation's subtree.
fn authorize_read(conn: &mut DbConnection, principal: &Principal, row: &TemplateRow) -> Result<(), ApiError> {
    match row.organization_id {
        None => Ok(()),
        Some(owner) => authorize(conn, principal, Action::ViewProgram, owner).map_err(|e| e.not_found_as(format!("survey template {}", row.id))),
    }
}

#[utoipa::path(
    tag = "monitoring",
    summary = "A survey template with its questions",
    params(("id" = i64, Path, description = "template id")),
    responses((status = 200, body = SurveyTemplate), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/survey-templates/{id}")]
pub async fn get_template(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<SurveyTemplate>, ApiError> {
    let id = id.into_inner();
    let template = db
        .run(move |conn| {
            let row = load_row(conn, id)?;
            authorize_read(conn, &principal, &row)?;
            to_template(conn, row)
        })
        .await?;
    Ok(web::Json(template))
}

/// A template the caller may change: one of an organisation's (the standard ones do not change),
/// with the owner.
fn owned_for_write(conn: &mut DbConnection, principal: &Principal, id: i64) -> Result<(TemplateRow, i64), ApiError> {
    let row = load_row(conn, id)?;
    authorize_read(conn, principal, &row)?;
    let owner = row.organization_id.ok_or_else(ApiError::forbidden)?;
    authorize_write(conn, principal, owner)?;
    Ok((row, owner))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Edit a template no survey runs yet",
    description = "A template in use is refused (409 template_in_use): make a new version instead. The standard templates do not change.",
    params(("id" = i64, Path, description = "template id")),
    request_body = TemplateVersionInput,
    responses(
        (status = 200, body = SurveyTemplate), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "template_in_use"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[put("/survey-templates/{id}")]
pub async fn update_template(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<TemplateVersionInput>) -> Result<web::Json<SurveyTemplate>, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    let template = db
        .write(move |conn| {
            let (row, _) = owned_for_write(conn, &principal, id)?;
            let used: i64 = surveys::table.filter(surveys::template_id.eq(id)).count().get_result(conn)?;
            if used > 0 {
                return Err(ApiError::conflict("template_in_use", "surveys run this template: make a new version (POST /survey-templates/{id}/versions)"));
            }
            checked(&input.questions)?;
            diesel::update(st::table.find(id))
                .set((st::title.eq(input.title.as_deref().map(str::trim).unwrap_or(&row.title)), st::questions.eq(to_json(&input.questions)?)))
                .execute(conn)?;
            let row = load_row(conn, id)?;
            to_template(conn, row)
        })
        .await?;
    Ok(web::Json(template))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Make the next version of a template",
    description = "The surveys that ran the old version keep it; new surveys choose the new one.",
    params(("id" = i64, Path, description = "template id")),
    request_body = TemplateVersionInput,
    responses(
        (status = 201, body = SurveyTemplate, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/survey-templates/{id}/versions")]
pub async fn new_version(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<TemplateVersionInput>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    let template = db
        .write(move |conn| {
            let (row, owner) = owned_for_write(conn, &principal, id)?;
            checked(&input.questions)?;
            let latest: Option<i32> = st::table.filter(st::organization_id.eq(owner)).filter(st::code.eq(&row.code)).select(diesel::dsl::max(st::version)).first(conn)?;
            let new_id: i64 = diesel::insert_into(st::table)
                .values((
                    st::organization_id.eq(owner),
                    st::code.eq(&row.code),
                    st::version.eq(latest.unwrap_or(row.version) + 1),
                    st::title.eq(input.title.as_deref().map(str::trim).unwrap_or(&row.title)),
                    st::purpose.eq(&row.purpose),
                    st::audience.eq(&row.audience),
                    st::form.eq(&row.form),
                    st::questions.eq(to_json(&input.questions)?),
                    st::created_at.eq(Utc::now().naive_utc()),
                ))
                .returning(st::id)
                .get_result(conn)?;
            let row = load_row(conn, new_id)?;
            to_template(conn, row)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/survey-templates/{}", template.id))).json(template))
}
