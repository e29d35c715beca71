//! Refresh tokens: stored hashed, rotated on every use; presenting a spent one revokes its whole
//! family, because only a thief or a replay would do that.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::secrets;
use crate::db::DbConnection;
use crate::db::schema::refresh_tokens;
use crate::error::ApiError;

const PREFIX: &str = "rt_";

/// Starts a family (a sign-in) and returns its first token.
pub fn start_family(conn: &mut DbConnection, user_id: i64, ttl: chrono::Duration) -> Result<String, ApiError> {
    let family = uuid::Uuid::new_v4().to_string();
    issue(conn, user_id, &family, ttl)
}

fn issue(conn: &mut DbConnection, user_id: i64, family: &str, ttl: chrono::Duration) -> Result<String, ApiError> {
    let token = secrets::generate(PREFIX);
    let now = Utc::now().naive_utc();
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::user_id.eq(user_id),
            refresh_tokens::family.eq(family),
            refresh_tokens::token_hash.eq(secrets::hash(&token)),
            refresh_tokens::created_at.eq(now),
            refresh_tokens::expires_at.eq(now + ttl),
        ))
        .execute(conn)?;
    Ok(token)
}

pub fn invalid() -> ApiError {
    ApiError::unauthorized("invalid_refresh_token", "the refresh token is not valid; sign in again")
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = refresh_tokens)]
struct StoredToken {
    id: i64,
    user_id: i64,
    family: String,
    expires_at: NaiveDateTime,
    used_at: Option<NaiveDateTime>,
    revoked_at: Option<NaiveDateTime>,
}

pub enum Rotation {
    Rotated { user_id: i64, next: String },
    /// A spent token came back; its family is now revoked. The caller must let the transaction
    /// commit (so the revocation stands) and then refuse the request.
    Reused,
}

/// Spends `token` and issues the next one. Run inside a write transaction.
pub fn rotate(conn: &mut DbConnection, token: &str, ttl: chrono::Duration) -> Result<Rotation, ApiError> {
    let now = Utc::now().naive_utc();
    let row: Option<StoredToken> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(secrets::hash(token)))
        .select(StoredToken::as_select())
        .first(conn)
        .optional()?;
    let Some(StoredToken { id, user_id, family, expires_at, used_at, revoked_at }) = row else {
        return Err(invalid());
    };
    if used_at.is_some() || revoked_at.is_some() {
        revoke_family(conn, &family)?;
        tracing::warn!(user_id, "a spent refresh token was presented; its family is revoked");
        return Ok(Rotation::Reused);
    }
    if expires_at <= now {
        return Err(invalid());
    }
    diesel::update(refresh_tokens::table.find(id)).set(refresh_tokens::used_at.eq(now)).execute(conn)?;
    let next = issue(conn, user_id, &family, ttl)?;
    Ok(Rotation::Rotated { user_id, next })
}

/// Ends the sign-in that `token` belongs to; unknown tokens are ignored.
pub fn revoke_by_token(conn: &mut DbConnection, token: &str) -> Result<(), ApiError> {
    let family: Option<String> = refresh_tokens::table
        .filter(refresh_tokens::token_hash.eq(secrets::hash(token)))
        .select(refresh_tokens::family)
        .first(conn)
        .optional()?;
    if let Some(family) = family {
        revoke_family(conn, &family)?;
    }
    Ok(())
}

fn revoke_family(conn: &mut DbConnection, family: &str) -> Result<(), ApiError> {
    diesel::update(refresh_tokens::table.filter(refresh_tokens::family.eq(family)).filter(refresh_tokens::revoked_at.is_null()))
        .set(refresh_tokens::revoked_at.eq(Utc::now().naive_utc()))
        .execute(conn)?;
    Ok(())
}
