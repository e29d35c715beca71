//! `/organizations`: the tree of regions, institutes and schools.

use actix_web::{HttpResponse, get, http::header, patch, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::dto::{NewOrganization, Organization, OrganizationFilter, OrganizationKind, OrganizationPatch};
use super::store::{OrgRow, load_organization, reachable, to_organization};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::organizations;
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::http::etag::ok_with_etag;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson, Versioned};

#[utoipa::path(
    tag = "organizations",
    summary = "List the organisations the caller can see",
    params(OrganizationFilter, PageQuery),
    responses((status = 200, body = Paginated<Organization>), (status = 401, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/organizations")]
pub async fn list_organizations(
    db: web::Data<Db>,
    principal: Principal,
    filter: web::Query<OrganizationFilter>,
    query: web::Query<PageQuery>,
) -> Result<web::Json<Paginated<Organization>>, ApiError> {
    let page = query.page()?;
    let filter = filter.into_inner();
    let rows = db
        .read(move |conn| {
            let visible = reachable(conn, &principal, Action::ViewOrganization)?;
            let mut q = organizations::table
                .filter(organizations::id.gt(page.after))
                .order(organizations::id)
                .limit(page.limit + 1)
                .select(OrgRow::as_select())
                .into_boxed();
            if let Some(ids) = visible {
                q = q.filter(one_of(organizations::id, &ids));
            }
            if let Some(parent) = filter.parent_id {
                q = q.filter(organizations::parent_id.eq(parent));
            }
            if let Some(kind) = filter.kind {
                q = q.filter(organizations::kind.eq(kind.as_str()));
            }
            Ok(q.load(conn)?)
        })
        .await?;
    let paged = Paginated::from_rows(rows, page, |r: &OrgRow| r.id, to_organization);
    let items = paged.items.into_iter().collect::<Result<Vec<_>, _>>()?;
    Ok(web::Json(Paginated { items, next_cursor: paged.next_cursor }))
}

/// A free slug made from the name (Cyrillic transliterated), suffixed when taken.
fn free_slug(conn: &mut DbConnection, name: &str) -> Result<String, ApiError> {
    let mut base = slug::slugify(name);
    base.truncate(56);
    let base = base.trim_end_matches('-').to_owned();
    let base = if base.len() < 2 { "organization".to_owned() } else { base };
    for n in 1..1000 {
        let candidate = if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let taken: i64 = organizations::table.filter(organizations::slug.eq(&candidate)).count().get_result(conn)?;
        if taken == 0 {
            return Ok(candidate);
        }
    }
    Err(ApiError::conflict("slug_taken", "no free slug could be made from the name; give one"))
}

fn slug_taken(conn: &mut DbConnection, slug: &str, except: i64) -> Result<bool, ApiError> {
    let n: i64 = organizations::table
        .filter(organizations::slug.eq(slug))
        .filter(organizations::id.ne(except))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

#[utoipa::path(
    tag = "organizations",
    summary = "Create a region, an institute or a school",
    description = "Regions only by a system administrator; an institute goes under a region, a school under an institute.",
    request_body = NewOrganization,
    responses(
        (status = 201, body = Organization, headers(("Location" = String), ("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "slug_taken"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/organizations")]
pub async fn create_organization(db: web::Data<Db>, principal: Principal, body: ValidJson<NewOrganization>) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    let org = db
        .write(move |conn| {
            match (body.kind.parent_kind(), body.parent_id) {
                (None, Some(_)) => return Err(ApiError::invalid_field("parent_id", "a region has no parent")),
                (None, None) if !principal.is_system_admin() => return Err(ApiError::forbidden()),
                (None, None) => {}
                (Some(_), None) => return Err(ApiError::invalid_field("parent_id", "is required for an institute or a school")),
                (Some(expected), Some(parent)) => {
                    authorize(conn, &principal, Action::ManageOrganization, parent)?;
                    if load_organization(conn, parent)?.kind != expected {
                        return Err(ApiError::invalid_field(
                            "parent_id",
                            format!("a {} belongs under a {}", body.kind.as_str(), expected.as_str()),
                        ));
                    }
                }
            }
            let slug = match &body.slug {
                Some(s) if slug_taken(conn, s, 0)? => return Err(ApiError::conflict("slug_taken", format!("slug `{s}` is taken"))),
                Some(s) => s.clone(),
                None => free_slug(conn, &body.name)?,
            };
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(organizations::table)
                .values((
                    organizations::kind.eq(body.kind.as_str()),
                    organizations::parent_id.eq(body.parent_id),
                    organizations::name.eq(body.name.trim()),
                    organizations::short_name.eq(body.short_name.as_deref().map(str::trim).filter(|s| !s.is_empty())),
                    organizations::slug.eq(slug),
                    organizations::time_zone.eq(&body.time_zone),
                    organizations::created_at.eq(now),
                    organizations::updated_at.eq(now),
                ))
                .returning(organizations::id)
                .get_result(conn)?;
            load_organization(conn, id)
        })
        .await?;
    tracing::info!(organization_id = org.id, kind = org.kind.as_str(), "organisation created");
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/organizations/{}", org.id)))
        .insert_header((header::ETAG, org.etag()))
        .json(org))
}

#[utoipa::path(
    tag = "organizations",
    summary = "One organisation",
    params(("id" = i64, Path, description = "organisation id")),
    responses(
        (status = 200, body = Organization, headers(("ETag" = String))),
        (status = 401, body = Problem), (status = 404, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}")]
pub async fn get_organization(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let org = db
        .read(move |conn| {
            authorize(conn, &principal, Action::ViewOrganization, id)?;
            load_organization(conn, id)
        })
        .await?;
    Ok(ok_with_etag(&org))
}

#[utoipa::path(
    tag = "organizations",
    summary = "Rename an organisation, change its slug or time zone",
    params(("id" = i64, Path, description = "organisation id"), ("If-Match" = Option<String>, Header, description = "the ETag you read")),
    request_body = OrganizationPatch,
    responses(
        (status = 200, body = Organization, headers(("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[patch("/organizations/{id}")]
pub async fn update_organization(
    db: web::Data<Db>,
    principal: Principal,
    id: web::Path<i64>,
    if_match: IfMatch,
    body: ValidJson<OrganizationPatch>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let patch = body.0;
    let org = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageOrganization, id)?;
            let current = load_organization(conn, id)?;
            if_match.check(&current.etag())?;
            if let Some(slug) = &patch.slug
                && slug_taken(conn, slug, id)?
            {
                return Err(ApiError::conflict("slug_taken", format!("slug `{slug}` is taken")));
            }
            let short_name = match &patch.short_name {
                None => current.short_name.clone(),
                Some(s) if s.trim().is_empty() => None,
                Some(s) => Some(s.trim().to_owned()),
            };
            diesel::update(organizations::table.find(id))
                .set((
                    organizations::name.eq(patch.name.as_deref().map(str::trim).unwrap_or(&current.name)),
                    organizations::short_name.eq(short_name),
                    organizations::slug.eq(patch.slug.as_ref().unwrap_or(&current.slug)),
                    organizations::time_zone.eq(patch.time_zone.as_ref().unwrap_or(&current.time_zone)),
                    organizations::version.eq(current.version + 1),
                    organizations::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            load_organization(conn, id)
        })
        .await?;
    Ok(ok_with_etag(&org))
}

/// Schools only: contingents and (later) everything personal belong to a school.
pub fn require_school(org: &Organization) -> Result<(), ApiError> {
    if org.kind == OrganizationKind::School {
        Ok(())
    } else {
        Err(ApiError::conflict("not_a_school", format!("organisation {} is a {}, not a school", org.id, org.kind.as_str())))
    }
}
