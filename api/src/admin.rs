//! `nastavnik create-admin`: the first system administrator of an installation.

use chrono::Utc;
use diesel::prelude::*;

use crate::auth::password;
use crate::db::schema::users;
use crate::db::{DbConnection, transaction};
use crate::error::ApiError;
use crate::orgs::store::search_key;

#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Created(i64),
    Updated(i64),
}

/// Idempotent: an existing account with the e-mail becomes a system administrator with this password.
pub fn create_admin(conn: &mut DbConnection, email: &str, new_password: &str) -> anyhow::Result<Outcome> {
    let email = email.trim().to_lowercase();
    if !validator::ValidateEmail::validate_email(&email) {
        anyhow::bail!("`{email}` is not an e-mail address");
    }
    password::check_policy(new_password).map_err(|m| anyhow::anyhow!("the password {m}"))?;
    let hash = password::hash(new_password).map_err(|e| anyhow::anyhow!("{e}"))?;
    let now = Utc::now().naive_utc();
    let outcome = transaction(conn, |conn| {
        let existing: Option<i64> = users::table.filter(users::email.eq(&email)).select(users::id).first(conn).optional()?;
        Ok::<_, ApiError>(match existing {
            Some(id) => {
                diesel::update(users::table.find(id))
                    .set((users::password_hash.eq(&hash), users::is_system_admin.eq(true), users::is_active.eq(true), users::updated_at.eq(now)))
                    .execute(conn)?;
                Outcome::Updated(id)
            }
            None => Outcome::Created(
                diesel::insert_into(users::table)
                    .values((
                        users::email.eq(&email),
                        users::full_name.eq("Администратор системы"),
                        users::search_key.eq(search_key("Администратор системы", &email)),
                        users::password_hash.eq(&hash),
                        users::is_system_admin.eq(true),
                        users::created_at.eq(now),
                        users::updated_at.eq(now),
                    ))
                    .returning(users::id)
                    .get_result(conn)?,
            ),
        })
    })
    .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(outcome)
}
