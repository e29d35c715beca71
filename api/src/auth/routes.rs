//! Sign-in, token refresh, sign-out, and who am I.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::refresh::{self as refresh_tokens, Rotation};
use super::{AuthConfig, Principal, password, rate_limit};
use crate::db::schema::users;
use crate::db::Db;
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::http::client_address::TrustedProxies;
use crate::orgs::dto::Me;
use crate::orgs::store::load_me;

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "curator@demo.nastavnik.ru", "password": "demo-password-2026"}))]
pub struct LoginRequest {
    #[validate(length(min = 3, max = 254))]
    #[schema(min_length = 3, max_length = 254)]
    pub email: String,
    #[validate(length(min = 1, max = 256))]
    #[schema(min_length = 1, max_length = 256)]
    pub password: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct RefreshRequest {
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenPair {
    /// A short-lived JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Spent on its first use; keep the new one from each refresh.
    pub refresh_token: String,
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

fn pair(config: &AuthConfig, access_token: String, refresh_token: String) -> TokenPair {
    TokenPair { access_token, refresh_token, token_type: "Bearer".into(), expires_in: config.access_ttl.num_seconds() }
}

fn invalid_credentials() -> ApiError {
    ApiError::unauthorized("invalid_credentials", "wrong e-mail or password")
}

#[utoipa::path(
    tag = "auth",
    summary = "Sign in with e-mail and password",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, body = Problem, description = "invalid_credentials"),
        (status = 422, body = Problem),
        (status = 429, body = Problem, description = "too_many_attempts: per account and per address"),
    )
)]
#[post("/auth/login")]
pub async fn login(req: HttpRequest, proxies: web::Data<TrustedProxies>, db: web::Data<Db>, config: web::Data<AuthConfig>, body: ValidJson<LoginRequest>) -> Result<web::Json<TokenPair>, ApiError> {
    let email = body.0.email.trim().to_lowercase();
    let password = body.0.password;
    let address = proxies.client(req.peer_addr().map(|a| a.ip()), req.headers()).map(|a| a.to_string()).unwrap_or_else(|| "unknown".into());
    let ttl = config.refresh_ttl;
    let check_email = email.clone();
    let check_address = address.clone();
    let account: Option<(i64, String, bool)> = db
        .run(move |conn| {
            rate_limit::check(conn, &check_email, &check_address)?;
            Ok(users::table
                .filter(users::email.eq(&check_email))
                .select((users::id, users::password_hash, users::is_active))
                .first(conn)
                .optional()?)
        })
        .await?;
    // argon2 is slow on purpose; it runs on the blocking pool, not on a worker.
    let stored = account.as_ref().map(|(_, h, _)| h.clone());
    let matches = web::block(move || password::verify(&password, stored.as_deref())).await?;
    let user_id = match account {
        Some((id, _, true)) if matches => id,
        _ => {
            db.run(move |conn| rate_limit::record_failure(conn, &email, &address)).await?;
            return Err(invalid_credentials());
        }
    };
    let refresh_token = db
        .write(move |conn| {
            rate_limit::clear(conn, &email)?;
            refresh_tokens::start_family(conn, user_id, ttl)
        })
        .await?;
    tracing::info!(user_id, "signed in");
    Ok(web::Json(pair(&config, config.issue_access(user_id)?, refresh_token)))
}

#[utoipa::path(
    tag = "auth",
    summary = "Trade a refresh token for a new pair (rotation)",
    description = "Every refresh token works once. Presenting a spent one revokes every token of that sign-in.",
    request_body = RefreshRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, body = Problem, description = "invalid_refresh_token or refresh_token_reused"),
        (status = 422, body = Problem),
    )
)]
#[post("/auth/refresh")]
pub async fn refresh(db: web::Data<Db>, config: web::Data<AuthConfig>, body: ValidJson<RefreshRequest>) -> Result<web::Json<TokenPair>, ApiError> {
    let ttl = config.refresh_ttl;
    let token = body.0.refresh_token;
    let rotation = db
        .write(move |conn| {
            let rotation = refresh_tokens::rotate(conn, &token, ttl)?;
            if let Rotation::Rotated { user_id, .. } = &rotation {
                let active: bool = users::table.find(user_id).select(users::is_active).first(conn)?;
                if !active {
                    return Err(refresh_tokens::invalid());
                }
            }
            Ok(rotation)
        })
        .await?;
    match rotation {
        Rotation::Rotated { user_id, next } => Ok(web::Json(pair(&config, config.issue_access(user_id)?, next))),
        Rotation::Reused => Err(ApiError::unauthorized(
            "refresh_token_reused",
            "this refresh token was already used; every session of this sign-in is closed",
        )),
    }
}

#[utoipa::path(
    tag = "auth",
    summary = "Sign out: end the sign-in the refresh token belongs to",
    request_body = RefreshRequest,
    responses((status = 204), (status = 422, body = Problem))
)]
#[post("/auth/logout")]
pub async fn logout(db: web::Data<Db>, body: ValidJson<RefreshRequest>) -> Result<HttpResponse, ApiError> {
    let token = body.0.refresh_token;
    db.write(move |conn| refresh_tokens::revoke_by_token(conn, &token)).await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    tag = "auth",
    summary = "The signed-in user and their memberships",
    responses((status = 200, body = Me), (status = 401, body = Problem), (status = 403, body = Problem)),
    security(("bearer" = []))
)]
#[get("/me")]
pub async fn me(db: web::Data<Db>, principal: Principal) -> Result<web::Json<Me>, ApiError> {
    let user_id = principal
        .user_id()
        .ok_or_else(|| ApiError::new(actix_web::http::StatusCode::FORBIDDEN, "not_a_user", "API tokens have no /me"))?;
    Ok(web::Json(db.read(move |conn| load_me(conn, user_id)).await?))
}
