//! `/organizations/{id}/contingent`: a school's students by age on a reference date. Each PUT
//! replaces the figures of its reference date; earlier dates stay for frozen reports.

use actix_web::{get, put, web};
use chrono::NaiveDate;
use diesel::prelude::*;

use super::dto::{AgeGroup, Contingent, ContingentUpdate};
use super::routes::require_school;
use super::store::load_organization;
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::contingent_age_groups as cag;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;

/// The latest contingent of a school.
pub fn latest(conn: &mut DbConnection, organization_id: i64) -> Result<Contingent, ApiError> {
    let date: Option<NaiveDate> = cag::table
        .filter(cag::organization_id.eq(organization_id))
        .select(diesel::dsl::max(cag::reference_date))
        .first(conn)?;
    let age_groups: Vec<AgeGroup> = match date {
        None => Vec::new(),
        Some(d) => cag::table
            .filter(cag::organization_id.eq(organization_id))
            .filter(cag::reference_date.eq(d))
            .order(cag::age)
            .select((cag::age, cag::students))
            .load::<(i32, i32)>(conn)?
            .into_iter()
            .map(|(age, students)| AgeGroup { age, students })
            .collect(),
    };
    let total = age_groups.iter().map(|g| i64::from(g.students)).sum();
    Ok(Contingent { organization_id, reference_date: date, age_groups, total })
}

/// One row at a time: diesel's batch insert does not compile through the two-database connection.
pub fn insert_age_group(conn: &mut DbConnection, organization_id: i64, date: NaiveDate, g: &AgeGroup) -> Result<(), ApiError> {
    diesel::insert_into(cag::table)
        .values((cag::organization_id.eq(organization_id), cag::reference_date.eq(date), cag::age.eq(g.age), cag::students.eq(g.students)))
        .execute(conn)?;
    Ok(())
}

#[utoipa::path(
    tag = "organizations",
    summary = "A school's contingent: students by age on the latest reference date",
    params(("id" = i64, Path, description = "school id")),
    responses((status = 200, body = Contingent), (status = 401, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/contingent")]
pub async fn get_contingent(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<Contingent>, ApiError> {
    let id = id.into_inner();
    let contingent = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewOrganization, id)?;
            require_school(&load_organization(conn, id)?)?;
            latest(conn, id)
        })
        .await?;
    Ok(web::Json(contingent))
}

#[utoipa::path(
    tag = "organizations",
    summary = "Set a school's contingent on a reference date",
    params(("id" = i64, Path, description = "school id")),
    request_body = ContingentUpdate,
    responses(
        (status = 200, body = Contingent),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not_a_school"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[put("/organizations/{id}/contingent")]
pub async fn put_contingent(
    db: web::Data<Db>,
    principal: Principal,
    id: web::Path<i64>,
    body: ValidJson<ContingentUpdate>,
) -> Result<web::Json<Contingent>, ApiError> {
    let id = id.into_inner();
    let update = body.0;
    let contingent = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageContingent, id)?;
            require_school(&load_organization(conn, id)?)?;
            diesel::delete(cag::table.filter(cag::organization_id.eq(id)).filter(cag::reference_date.eq(update.reference_date)))
                .execute(conn)?;
            for g in &update.age_groups {
                insert_age_group(conn, id, update.reference_date, g)?;
            }
            latest(conn, id)
        })
        .await?;
    Ok(web::Json(contingent))
}
