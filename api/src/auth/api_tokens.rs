//! API tokens for the institute's scripts: random, stored hashed, shown once, scoped to one
//! organisation and a set of scopes, revocable, last use recorded.

use actix_web::{HttpResponse, delete, get, http::header, post, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::principal::token_principal;
use super::{Action, Principal, policy::authorize, secrets};
use crate::db::schema::api_tokens;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::{Page, PageQuery, Paginated, ValidJson};

const PREFIX: &str = "nst_";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub enum Scope {
    #[serde(rename = "organizations:read")]
    OrganizationsRead,
    #[serde(rename = "organizations:write")]
    OrganizationsWrite,
    #[serde(rename = "users:read")]
    UsersRead,
    #[serde(rename = "users:write")]
    UsersWrite,
    #[serde(rename = "programs:read")]
    ProgramsRead,
    #[serde(rename = "programs:write")]
    ProgramsWrite,
    #[serde(rename = "participants:read")]
    ParticipantsRead,
    #[serde(rename = "participants:write")]
    ParticipantsWrite,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiToken {
    pub id: i64,
    pub organization_id: i64,
    pub name: String,
    /// The first characters of the secret, to tell tokens apart.
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ApiTokenCreated {
    #[serde(flatten)]
    pub api_token: ApiToken,
    /// The secret. Shown this once; only its hash is kept.
    pub token: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"name": "Загрузка контингента", "scopes": ["organizations:read", "organizations:write"]}))]
pub struct NewApiToken {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    #[validate(length(min = 1, max = 8))]
    #[schema(min_items = 1, max_items = 8)]
    pub scopes: Vec<Scope>,
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = api_tokens)]
struct Row {
    id: i64,
    organization_id: i64,
    name: String,
    prefix: String,
    scopes: String,
    created_at: NaiveDateTime,
    expires_at: Option<NaiveDateTime>,
    last_used_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
}

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    t.and_utc()
}

fn to_dto(r: Row) -> ApiToken {
    ApiToken {
        id: r.id,
        organization_id: r.organization_id,
        name: r.name,
        prefix: r.prefix,
        scopes: serde_json::from_str(&r.scopes).unwrap_or_default(),
        created_at: utc(r.created_at),
        expires_at: r.expires_at.map(utc),
        last_used_at: r.last_used_at.map(utc),
        revoked_at: r.revoked_at.map(utc),
    }
}

pub fn looks_like(token: &str) -> bool {
    token.starts_with(PREFIX)
}

/// The principal of a live token; records its use.
pub fn authenticate(conn: &mut DbConnection, token: &str) -> Result<Principal, ApiError> {
    let now = Utc::now().naive_utc();
    let row: Option<Row> = api_tokens::table
        .filter(api_tokens::token_hash.eq(secrets::hash(token)))
        .select(Row::as_select())
        .first(conn)
        .optional()?;
    let Some(Row { id, organization_id, scopes, expires_at, revoked_at: None, .. }) = row else {
        return Err(ApiError::unauthorized("invalid_token", "the API token is not valid or was revoked"));
    };
    if expires_at.is_some_and(|e| e <= now) {
        return Err(ApiError::unauthorized("token_expired", "the API token has expired"));
    }
    // Once a minute is precise enough, and spares a script's every request a write.
    let stale = now - chrono::Duration::minutes(1);
    diesel::update(api_tokens::table.find(id).filter(api_tokens::last_used_at.is_null().or(api_tokens::last_used_at.lt(stale))))
        .set(api_tokens::last_used_at.eq(now))
        .execute(conn)?;
    let scopes: Vec<Scope> = serde_json::from_str(&scopes).unwrap_or_default();
    token_principal(conn, id, organization_id, scopes)
}

#[utoipa::path(
    tag = "auth",
    summary = "List an organisation's API tokens",
    params(("id" = i64, Path, description = "organisation id"), PageQuery),
    responses(
        (status = 200, body = Paginated<ApiToken>),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/api-tokens")]
pub async fn list_api_tokens(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<ApiToken>>, ApiError> {
    let page: Page = query.page()?;
    let organization_id = id.into_inner();
    let rows = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ManageApiTokens, organization_id)?;
            Ok(api_tokens::table
                .filter(api_tokens::organization_id.eq(organization_id))
                .filter(api_tokens::id.gt(page.after))
                .order(api_tokens::id)
                .limit(page.limit + 1)
                .select(Row::as_select())
                .load(conn)?)
        })
        .await?;
    Ok(web::Json(Paginated::from_rows(rows, page, |r: &Row| r.id, to_dto)))
}

#[utoipa::path(
    tag = "auth",
    summary = "Issue an API token (the secret is shown once)",
    params(("id" = i64, Path, description = "organisation id")),
    request_body = NewApiToken,
    responses(
        (status = 201, body = ApiTokenCreated),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/organizations/{id}/api-tokens")]
pub async fn create_api_token(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewApiToken>) -> Result<HttpResponse, ApiError> {
    let organization_id = id.into_inner();
    let body = body.0;
    if body.expires_at.is_some_and(|e| e <= Utc::now()) {
        return Err(ApiError::invalid_field("expires_at", "must be in the future"));
    }
    let created = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageApiTokens, organization_id)?;
            let token = secrets::generate(PREFIX);
            let mut scopes = body.scopes.clone();
            scopes.dedup();
            let id: i64 = diesel::insert_into(api_tokens::table)
                .values((
                    api_tokens::organization_id.eq(organization_id),
                    api_tokens::name.eq(body.name.trim()),
                    api_tokens::prefix.eq(&token[..PREFIX.len() + 6]),
                    api_tokens::token_hash.eq(secrets::hash(&token)),
                    api_tokens::scopes.eq(serde_json::to_string(&scopes).map_err(anyhow::Error::from)?),
                    api_tokens::created_by.eq(principal.user_id()),
                    api_tokens::created_at.eq(Utc::now().naive_utc()),
                    api_tokens::expires_at.eq(body.expires_at.map(|e| e.naive_utc())),
                ))
                .returning(api_tokens::id)
                .get_result(conn)?;
            let row = api_tokens::table.find(id).select(Row::as_select()).first(conn)?;
            Ok(ApiTokenCreated { api_token: to_dto(row), token })
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/api-tokens/{}", created.api_token.id)))
        .json(created))
}

#[utoipa::path(
    tag = "auth",
    summary = "Revoke an API token",
    params(("id" = i64, Path, description = "API token id")),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[delete("/api-tokens/{id}")]
pub async fn revoke_api_token(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db.write(move |conn| {
        let organization_id: Option<i64> =
            api_tokens::table.find(id).select(api_tokens::organization_id).first(conn).optional()?;
        let organization_id = organization_id.ok_or_else(|| ApiError::not_found(format!("API token {id}")))?;
        authorize(conn, &principal, Action::ManageApiTokens, organization_id)
            .map_err(|e| e.not_found_as(format!("API token {id}")))?;
        diesel::update(api_tokens::table.find(id).filter(api_tokens::revoked_at.is_null()))
            .set(api_tokens::revoked_at.eq(Utc::now().naive_utc()))
            .execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
