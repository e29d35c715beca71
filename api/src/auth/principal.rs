//! The authenticated caller, extracted once per request from `Authorization: Bearer …`.

use std::future::Future;
use std::pin::Pin;

use actix_web::{FromRequest, HttpRequest, dev::Payload, http::header, web};
use diesel::prelude::*;

use super::api_tokens::{self, Scope};
use super::{AuthConfig, PrincipalCache, Role};
use crate::db::schema::{memberships, organizations, users};
use crate::db::{Db, DbConnection};
use crate::error::ApiError;
use crate::orgs::OrganizationKind;

/// A role held in one organisation (and so in its whole subtree).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grant {
    pub organization_id: i64,
    pub role: Role,
}

#[derive(Debug, Clone)]
pub enum Actor {
    User { id: i64, is_system_admin: bool },
    /// A regional script: acts inside its organisation, only as far as its scopes allow.
    ApiToken { id: i64, scopes: Vec<Scope> },
}

#[derive(Debug, Clone)]
pub struct Principal {
    pub actor: Actor,
    pub grants: Vec<Grant>,
}

impl Principal {
    pub fn is_system_admin(&self) -> bool {
        matches!(self.actor, Actor::User { is_system_admin: true, .. })
    }

    pub fn user_id(&self) -> Option<i64> {
        match self.actor {
            Actor::User { id, .. } => Some(id),
            Actor::ApiToken { .. } => None,
        }
    }

    /// Who did it, for logs and idempotency records: never a name, only an id.
    pub fn key(&self) -> String {
        match self.actor {
            Actor::User { id, .. } => format!("user:{id}"),
            Actor::ApiToken { id, .. } => format!("api_token:{id}"),
        }
    }
}

fn bearer(req: &HttpRequest) -> Result<String, ApiError> {
    let value = req
        .headers()
        .get(header::AUTHORIZATION)
        .ok_or_else(|| ApiError::unauthorized("unauthenticated", "sign in: send Authorization: Bearer <token>"))?;
    value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| ApiError::unauthorized("invalid_token", "the Authorization header must be `Bearer <token>`"))
}

impl FromRequest for Principal {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = bearer(req);
        let db = req.app_data::<web::Data<Db>>().cloned();
        let config = req.app_data::<web::Data<AuthConfig>>().cloned();
        let cache = req.app_data::<web::Data<PrincipalCache>>().cloned();
        Box::pin(async move {
            let token = token?;
            let (Some(db), Some(config)) = (db, config) else {
                return Err(ApiError::Internal(anyhow::anyhow!("authentication is not configured")));
            };
            if api_tokens::looks_like(&token) {
                return db.run(move |conn| api_tokens::authenticate(conn, &token)).await;
            }
            let user_id = config.verify_access(&token)?;
            let Some(cache) = cache else {
                return db.read(move |conn| load_user(conn, user_id)).await;
            };
            let ticket = match cache.get(user_id) {
                Ok(principal) => return Ok(principal),
                Err(ticket) => ticket,
            };
            let principal = db.read(move |conn| load_user(conn, user_id)).await?;
            cache.keep(user_id, &principal, ticket);
            Ok(principal)
        })
    }
}

/// A user's principal; a deactivated or deleted user is refused at once, not at token expiry
/// (`principal_cache` says how soon a change made elsewhere is seen).
fn load_user(conn: &mut DbConnection, user_id: i64) -> Result<Principal, ApiError> {
    let user: Option<(bool, bool)> = users::table
        .find(user_id)
        .select((users::is_system_admin, users::is_active))
        .first(conn)
        .optional()?;
    let Some((is_system_admin, true)) = user else {
        return Err(ApiError::unauthorized("invalid_token", "the account is not active"));
    };
    let grants = memberships::table
        .filter(memberships::user_id.eq(user_id))
        .select((memberships::organization_id, memberships::role))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .filter_map(|(organization_id, role)| Some(Grant { organization_id, role: Role::parse(&role)? }))
        .collect();
    Ok(Principal { actor: Actor::User { id: user_id, is_system_admin }, grants })
}

/// The principal of an API token's organisation.
pub(super) fn token_principal(conn: &mut DbConnection, id: i64, organization_id: i64, scopes: Vec<Scope>) -> Result<Principal, ApiError> {
    let kind: String = organizations::table.find(organization_id).select(organizations::kind).first(conn)?;
    let kind = OrganizationKind::parse(&kind).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown organisation kind {kind}")))?;
    Ok(Principal {
        actor: Actor::ApiToken { id, scopes },
        grants: vec![Grant { organization_id, role: Role::for_api_token(kind) }],
    })
}
