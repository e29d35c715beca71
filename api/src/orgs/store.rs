//! Queries over the organisation tree, users and memberships.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Nullable};

use super::dto::{Me, Membership, Organization, OrganizationKind, User};
use crate::auth::{Action, Principal, Role};
use crate::db::{DbConnection, filter_one_of, natively, reused};
use crate::db::schema::{memberships, organizations, users};
use crate::error::ApiError;

/// The tree is three levels deep (region, institute, school); the bound guards the walk down
/// against a cycle written by hand.
const MAX_DEPTH: usize = 8;

/// Every authorized request asks it. A school's parent must be an institute and an institute's a
/// region, and no organisation ever moves, so a chain is at most three long: three lookups by key
/// in one statement. (A recursive query built a temporary table for its queue on every request.)
/// Should a deeper chain be written by hand, the levels above the third grant nothing.
const ANCESTRY: &str = "SELECT o.id AS own, p.id AS parent, g.id AS grandparent FROM organizations o \
     LEFT JOIN organizations p ON p.id = o.parent_id \
     LEFT JOIN organizations g ON g.id = p.parent_id \
     WHERE o.id = $1";

/// The organisation and its ancestors, itself first; 404 if it does not exist.
pub fn ancestry(conn: &mut DbConnection, id: i64) -> Result<Vec<i64>, ApiError> {
    #[derive(QueryableByName)]
    struct Chain {
        #[diesel(sql_type = BigInt)]
        own: i64,
        #[diesel(sql_type = Nullable<BigInt>)]
        parent: Option<i64>,
        #[diesel(sql_type = Nullable<BigInt>)]
        grandparent: Option<i64>,
    }
    // Prepared once per connection (`reused`), and run natively: see `db::native`.
    let found: Option<Chain> =
        natively!(conn, |c| reused(diesel::sql_query(ANCESTRY).bind::<BigInt, _>(id)).get_result(c).optional()?);
    let Some(found) = found else {
        return Err(ApiError::not_found(format!("organisation {id}")));
    };
    let mut chain = vec![found.own];
    // A hand-made cycle ends the chain where it comes round.
    for link in [found.parent, found.grandparent].into_iter().flatten() {
        if chain.contains(&link) {
            break;
        }
        chain.push(link);
    }
    Ok(chain)
}

/// The organisations and everything below them.
pub fn with_descendants(conn: &mut DbConnection, roots: &[i64]) -> Result<Vec<i64>, ApiError> {
    let mut all: Vec<i64> = roots.to_vec();
    let mut level = roots.to_vec();
    for _ in 0..MAX_DEPTH {
        if level.is_empty() {
            break;
        }
        level = organizations::table
            .filter(organizations::parent_id.eq_any(&level))
            .select(organizations::id)
            .load(conn)?;
        level.retain(|id| !all.contains(id));
        all.extend(&level);
    }
    all.sort_unstable();
    all.dedup();
    Ok(all)
}

/// Organisations where `action` is allowed for the principal; `None` means all of them.
pub fn reachable(conn: &mut DbConnection, principal: &Principal, action: Action) -> Result<Option<Vec<i64>>, ApiError> {
    if principal.is_system_admin() {
        return Ok(None);
    }
    Ok(Some(with_descendants(conn, &principal.grants_allowing(action))?))
}

/// An `organizations` row as stored.
#[derive(Queryable, Selectable)]
#[diesel(table_name = organizations)]
pub struct OrgRow {
    pub id: i64,
    pub kind: String,
    pub parent_id: Option<i64>,
    pub name: String,
    pub short_name: Option<String>,
    pub slug: String,
    pub time_zone: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn kind_of(s: &str) -> Result<OrganizationKind, ApiError> {
    OrganizationKind::parse(s).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown organisation kind `{s}` in the database")))
}

pub fn to_organization(r: OrgRow) -> Result<Organization, ApiError> {
    Ok(Organization {
        id: r.id,
        kind: kind_of(&r.kind)?,
        parent_id: r.parent_id,
        name: r.name,
        short_name: r.short_name,
        slug: r.slug,
        time_zone: r.time_zone,
        version: r.version,
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
    })
}

pub fn load_organization(conn: &mut DbConnection, id: i64) -> Result<Organization, ApiError> {
    let row = organizations::table.find(id).select(OrgRow::as_select()).first(conn).optional()?;
    to_organization(row.ok_or_else(|| ApiError::not_found(format!("organisation {id}")))?)
}

/// Memberships of these users, with their organisations' names, ordered by id.
/// Natively (`db::native`), and by `=` for one user: `/me` asks it on every page of the SPA.
pub fn memberships_of(conn: &mut DbConnection, user_ids: &[i64]) -> Result<Vec<Membership>, ApiError> {
    let rows: Vec<(i64, i64, i64, String, String, String)> = natively!(conn, |c| {
        let q = memberships::table.inner_join(organizations::table).order(memberships::id).select((
            memberships::id,
            memberships::user_id,
            memberships::organization_id,
            organizations::name,
            organizations::kind,
            memberships::role,
        ));
        filter_one_of!(q, memberships::user_id, user_ids, |q| q.load(c)?)
    });
    rows.into_iter()
        .map(|(id, user_id, organization_id, organization_name, kind, role)| {
            Ok(Membership {
                id,
                user_id,
                organization_id,
                organization_name,
                organization_kind: kind_of(&kind)?,
                role: Role::parse(&role).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("unknown role `{role}`")))?,
            })
        })
        .collect()
}

/// A `users` row without its password hash, which never leaves the auth module's queries.
#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub is_system_admin: bool,
    pub is_active: bool,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// Users with their memberships, in the order of `rows`.
pub fn to_users(conn: &mut DbConnection, rows: Vec<UserRow>) -> Result<Vec<User>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut all = memberships_of(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let (mine, rest): (Vec<Membership>, Vec<Membership>) = all.drain(..).partition(|m| m.user_id == r.id);
            all = rest;
            User {
                id: r.id,
                email: r.email,
                full_name: r.full_name,
                is_system_admin: r.is_system_admin,
                is_active: r.is_active,
                memberships: mine,
                version: r.version,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            }
        })
        .collect())
}

pub fn load_user(conn: &mut DbConnection, id: i64) -> Result<User, ApiError> {
    let row = natively!(conn, |c| users::table.find(id).select(UserRow::as_select()).first(c).optional()?);
    let row = row.ok_or_else(|| ApiError::not_found(format!("user {id}")))?;
    to_users(conn, vec![row])?.pop().ok_or_else(|| ApiError::not_found(format!("user {id}")))
}

pub fn load_me(conn: &mut DbConnection, id: i64) -> Result<Me, ApiError> {
    let user = load_user(conn, id)?;
    Ok(Me {
        id: user.id,
        email: user.email,
        full_name: user.full_name,
        is_system_admin: user.is_system_admin,
        memberships: user.memberships,
    })
}

/// What search matches: the name and e-mail, lower-cased by Rust (Cyrillic included).
pub fn search_key(full_name: &str, email: &str) -> String {
    format!("{} {}", full_name.trim(), email).to_lowercase()
}

/// A LIKE pattern that matches `q` anywhere, with LIKE's wildcards taken literally.
pub fn contains_pattern(q: &str) -> String {
    let escaped = q.trim().to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}
