//! `/organizations/{id}/roadmap-template`: an institute keeps its own roadmap template that the
//! schools of its region start from; without one they start from the standard template.

use actix_web::{get, put, web};
use chrono::Utc;
use diesel::prelude::*;

use super::dto::{RoadmapTemplate, RoadmapTemplateUpdate, TemplateSource};
use super::store::regional_template;
use super::template::{covers_every_stage, standard_roadmap};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::roadmap_templates as rt;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::orgs::OrganizationKind;
use crate::orgs::store::load_organization;

/// The institute whose template applies: the organisation itself, or a school's parent.
fn institute_of(conn: &mut DbConnection, organization_id: i64) -> Result<Option<i64>, ApiError> {
    let org = load_organization(conn, organization_id)?;
    Ok(match org.kind {
        OrganizationKind::Institute => Some(org.id),
        OrganizationKind::School => org.parent_id,
        OrganizationKind::Region => None,
    })
}

fn template_of(conn: &mut DbConnection, organization_id: i64) -> Result<RoadmapTemplate, ApiError> {
    let regional = match institute_of(conn, organization_id)? {
        Some(institute) => regional_template(conn, institute)?,
        None => None,
    };
    Ok(match regional {
        Some(items) => RoadmapTemplate { organization_id, source: TemplateSource::Regional, items },
        None => RoadmapTemplate { organization_id, source: TemplateSource::Standard, items: standard_roadmap() },
    })
}

#[utoipa::path(
    tag = "programs",
    summary = "The roadmap template that new programmes here start from",
    params(("id" = i64, Path, description = "institute or school id")),
    responses((status = 200, body = RoadmapTemplate), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/roadmap-template")]
pub async fn get_roadmap_template(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<RoadmapTemplate>, ApiError> {
    let id = id.into_inner();
    let template = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewProgram, id)?;
            template_of(conn, id)
        })
        .await?;
    Ok(web::Json(template))
}

#[utoipa::path(
    tag = "programs",
    summary = "Set the institute's regional roadmap template",
    description = "Months are calendar months placed in each programme's academic year. Every stage 1–7 needs an activity. Programmes already started keep their roadmaps.",
    params(("id" = i64, Path, description = "institute id")),
    request_body = RoadmapTemplateUpdate,
    responses(
        (status = 200, body = RoadmapTemplate),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not_an_institute"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[put("/organizations/{id}/roadmap-template")]
pub async fn put_roadmap_template(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<RoadmapTemplateUpdate>) -> Result<web::Json<RoadmapTemplate>, ApiError> {
    let id = id.into_inner();
    let items = body.0.items;
    if !covers_every_stage(&items) {
        return Err(ApiError::invalid_field("items", "every stage 1–7 needs at least one activity"));
    }
    let template = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageRoadmapTemplate, id)?;
            if load_organization(conn, id)?.kind != OrganizationKind::Institute {
                return Err(ApiError::conflict("not_an_institute", "a regional template belongs to an institute"));
            }
            let text = serde_json::to_string(&items).map_err(|e| ApiError::Internal(e.into()))?;
            let now = Utc::now().naive_utc();
            let updated = diesel::update(rt::table.filter(rt::organization_id.eq(id)))
                .set((rt::items.eq(&text), rt::version.eq(rt::version + 1), rt::updated_at.eq(now)))
                .execute(conn)?;
            if updated == 0 {
                diesel::insert_into(rt::table)
                    .values((rt::organization_id.eq(id), rt::items.eq(&text), rt::updated_at.eq(now)))
                    .execute(conn)?;
            }
            template_of(conn, id)
        })
        .await?;
    Ok(web::Json(template))
}
