//! `/users` and memberships: who works in which organisation, in which role.

use actix_web::{HttpResponse, delete, get, http::header, patch, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::dto::{Membership, NewMembership, NewUser, User, UserFilter, UserPatch};
use super::store::{UserRow, contains_pattern, load_organization, load_user, memberships_of, reachable, search_key, to_users, with_descendants};
use crate::auth::policy::{Decision, authorize};
use crate::auth::{Action, Principal, PrincipalCache, password};
use crate::db::schema::{memberships, refresh_tokens, users};
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::http::etag::ok_with_etag;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson, Versioned};
use crate::orgs::store::ancestry;

/// Whether the principal may do `action` to a user: to every organisation the user belongs to
/// for changes, to any of them for reading. A user is always visible to themself; a system
/// administrator's account only to system administrators.
fn may_touch(conn: &mut DbConnection, principal: &Principal, user: &User, action: Action) -> Result<(), ApiError> {
    if principal.is_system_admin() {
        return Ok(());
    }
    let not_found = || ApiError::not_found(format!("user {}", user.id));
    if user.is_system_admin {
        return Err(not_found());
    }
    let mut decisions = Vec::with_capacity(user.memberships.len());
    for m in &user.memberships {
        decisions.push(principal.decide(action, &ancestry(conn, m.organization_id)?));
    }
    let seen = decisions.iter().any(|d| *d != Decision::NotFound);
    let allowed = match action {
        Action::ViewUsers => decisions.contains(&Decision::Allow),
        _ => !decisions.is_empty() && decisions.iter().all(|d| *d == Decision::Allow),
    };
    match (allowed, seen) {
        (true, _) => Ok(()),
        (false, true) => Err(ApiError::forbidden()),
        (false, false) => Err(not_found()),
    }
}

fn grant_membership(conn: &mut DbConnection, principal: &Principal, user_id: i64, m: &NewMembership) -> Result<i64, ApiError> {
    authorize(conn, principal, Action::ManageUsers, m.organization_id)?;
    let org = load_organization(conn, m.organization_id)?;
    if !m.role.fits(org.kind) {
        return Err(ApiError::invalid_field("role", format!("a {} has no role {}", org.kind.as_str(), m.role.as_str())));
    }
    let exists: i64 = memberships::table
        .filter(memberships::user_id.eq(user_id))
        .filter(memberships::organization_id.eq(m.organization_id))
        .filter(memberships::role.eq(m.role.as_str()))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Err(ApiError::conflict("membership_exists", "the user already has this role here"));
    }
    Ok(diesel::insert_into(memberships::table)
        .values((
            memberships::user_id.eq(user_id),
            memberships::organization_id.eq(m.organization_id),
            memberships::role.eq(m.role.as_str()),
            memberships::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(memberships::id)
        .get_result(conn)?)
}

#[utoipa::path(
    tag = "users",
    summary = "List the users the caller can see",
    params(UserFilter, PageQuery),
    responses((status = 200, body = Paginated<User>), (status = 401, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/users")]
pub async fn list_users(db: web::Data<Db>, principal: Principal, filter: web::Query<UserFilter>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<User>>, ApiError> {
    let page = query.page()?;
    let filter = filter.into_inner();
    let page_of_users = db
        .read(move |conn| {
            let scope = match filter.organization_id {
                Some(org) => {
                    authorize(conn, &principal, Action::ViewUsers, org)?;
                    Some(with_descendants(conn, &[org])?)
                }
                None => reachable(conn, &principal, Action::ViewUsers)?,
            };
            let mut q = users::table
                .filter(users::id.gt(page.after))
                .order(users::id)
                .limit(page.limit + 1)
                .select(UserRow::as_select())
                .into_boxed();
            if let Some(orgs) = scope {
                let members = memberships::table.filter(one_of(memberships::organization_id, &orgs)).select(memberships::user_id);
                q = q.filter(users::id.eq_any(members)).filter(users::is_system_admin.eq(false).or(principal.is_system_admin().into_sql::<diesel::sql_types::Bool>()));
            }
            if let Some(text) = filter.q.as_deref().filter(|t| !t.trim().is_empty()) {
                q = q.filter(users::search_key.like(contains_pattern(text)).escape('\\'));
            }
            let rows: Vec<UserRow> = q.load(conn)?;
            let paged = Paginated::from_rows(rows, page, |r| r.id, |r| r);
            Ok((to_users(conn, paged.items)?, paged.next_cursor))
        })
        .await?;
    Ok(web::Json(Paginated { items: page_of_users.0, next_cursor: page_of_users.1 }))
}

#[utoipa::path(
    tag = "users",
    summary = "Create a user with their first memberships",
    request_body = NewUser,
    responses(
        (status = 201, body = User, headers(("Location" = String), ("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "email_taken"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/users")]
pub async fn create_user(db: web::Data<Db>, principal: Principal, body: ValidJson<NewUser>) -> Result<HttpResponse, ApiError> {
    let body = body.0;
    if body.memberships.is_empty() && !principal.is_system_admin() {
        return Err(ApiError::invalid_field("memberships", "give at least one organisation and role"));
    }
    let password = body.password.clone();
    let hash = web::block(move || password::hash(&password)).await??;
    let user = db
        .write(move |conn| {
            let email = body.email.trim().to_lowercase();
            let taken: i64 = users::table.filter(users::email.eq(&email)).count().get_result(conn)?;
            if taken > 0 {
                return Err(ApiError::conflict("email_taken", "a user with this e-mail exists"));
            }
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(users::table)
                .values((
                    users::email.eq(&email),
                    users::full_name.eq(body.full_name.trim()),
                    users::search_key.eq(search_key(&body.full_name, &email)),
                    users::password_hash.eq(hash),
                    users::created_at.eq(now),
                    users::updated_at.eq(now),
                ))
                .returning(users::id)
                .get_result(conn)?;
            for (i, m) in body.memberships.iter().enumerate() {
                grant_membership(conn, &principal, id, m).map_err(|e| prefix_field(e, &format!("memberships[{i}]")))?;
            }
            load_user(conn, id)
        })
        .await?;
    tracing::info!(user_id = user.id, "user created");
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/users/{}", user.id)))
        .insert_header((header::ETAG, user.etag()))
        .json(user))
}

/// Field errors of a nested item name the item: `memberships[0].role`.
fn prefix_field(err: ApiError, prefix: &str) -> ApiError {
    match err {
        ApiError::Problem { status, code, detail, errors } if !errors.is_empty() => ApiError::Problem {
            status,
            code,
            detail: format!("{prefix}.{detail}"),
            errors: errors.into_iter().map(|mut e| { e.field = format!("{prefix}.{}", e.field); e }).collect(),
        },
        other => other,
    }
}

#[utoipa::path(
    tag = "users",
    summary = "One user with memberships",
    params(("id" = i64, Path, description = "user id")),
    responses((status = 200, body = User, headers(("ETag" = String))), (status = 401, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/users/{id}")]
pub async fn get_user(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let user = db
        .run(move |conn| {
            let user = load_user(conn, id)?;
            if principal.user_id() != Some(id) {
                may_touch(conn, &principal, &user, Action::ViewUsers)?;
            }
            Ok(user)
        })
        .await?;
    Ok(ok_with_etag(&user))
}

#[utoipa::path(
    tag = "users",
    summary = "Rename, (de)activate, or set the password of a user",
    description = "Users may rename themselves and change their own password. Deactivating or a new password ends every sign-in of the user.",
    params(("id" = i64, Path, description = "user id"), ("If-Match" = Option<String>, Header, description = "the ETag you read")),
    request_body = UserPatch,
    responses(
        (status = 200, body = User, headers(("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[patch("/users/{id}")]
pub async fn update_user(db: web::Data<Db>, principals: web::Data<PrincipalCache>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<UserPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let patch = body.0;
    let new_hash = match patch.password.clone() {
        Some(p) => Some(web::block(move || password::hash(&p)).await??),
        None => None,
    };
    let user = db
        .write(move |conn| {
            let current = load_user(conn, id)?;
            let own = principal.user_id() == Some(id);
            if !own || patch.is_active.is_some() {
                may_touch(conn, &principal, &current, Action::ManageUsers)?;
            }
            if own && patch.is_active == Some(false) {
                return Err(ApiError::conflict("cannot_deactivate_self", "you cannot deactivate your own account"));
            }
            if_match.check(&current.etag())?;
            let full_name = patch.full_name.as_deref().map(str::trim).unwrap_or(&current.full_name).to_owned();
            let is_active = patch.is_active.unwrap_or(current.is_active);
            diesel::update(users::table.find(id))
                .set((
                    users::search_key.eq(search_key(&full_name, &current.email)),
                    users::full_name.eq(&full_name),
                    users::is_active.eq(is_active),
                    users::version.eq(current.version + 1),
                    users::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            if let Some(hash) = &new_hash {
                diesel::update(users::table.find(id)).set(users::password_hash.eq(hash)).execute(conn)?;
            }
            if new_hash.is_some() || !is_active {
                diesel::update(refresh_tokens::table.filter(refresh_tokens::user_id.eq(id)).filter(refresh_tokens::revoked_at.is_null()))
                    .set(refresh_tokens::revoked_at.eq(Utc::now().naive_utc()))
                    .execute(conn)?;
            }
            load_user(conn, id)
        })
        .await?;
    principals.forget_all();
    Ok(ok_with_etag(&user))
}

#[utoipa::path(
    tag = "users",
    summary = "Give a user a role in an organisation",
    params(("id" = i64, Path, description = "user id")),
    request_body = NewMembership,
    responses(
        (status = 201, body = Membership, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "membership_exists"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/users/{id}/memberships")]
pub async fn add_membership(db: web::Data<Db>, principals: web::Data<PrincipalCache>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewMembership>) -> Result<HttpResponse, ApiError> {
    let user_id = id.into_inner();
    let m = body.0;
    let membership = db
        .write(move |conn| {
            let user = load_user(conn, user_id)?;
            if !user.memberships.is_empty() || !principal.is_system_admin() {
                may_touch(conn, &principal, &user, Action::ViewUsers)?;
            }
            let id = grant_membership(conn, &principal, user_id, &m)?;
            memberships_of(conn, &[user_id])?.into_iter().find(|m| m.id == id).ok_or_else(|| ApiError::not_found("membership"))
        })
        .await?;
    principals.forget_all();
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/memberships/{}", membership.id)))
        .json(membership))
}

#[utoipa::path(
    tag = "users",
    summary = "Take a role away",
    params(("id" = i64, Path, description = "membership id")),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[delete("/memberships/{id}")]
pub async fn remove_membership(db: web::Data<Db>, principals: web::Data<PrincipalCache>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db.write(move |conn| {
        let org: Option<i64> = memberships::table.find(id).select(memberships::organization_id).first(conn).optional()?;
        let org = org.ok_or_else(|| ApiError::not_found(format!("membership {id}")))?;
        authorize(conn, &principal, Action::ManageUsers, org)
            .map_err(|e| e.not_found_as(format!("membership {id}")))?;
        diesel::delete(memberships::table.find(id)).execute(conn)?;
        Ok(())
    })
    .await?;
    principals.forget_all();
    Ok(HttpResponse::NoContent().finish())
}
