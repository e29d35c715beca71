//! The audit trail of minors' records: who read or changed which record, and when. The table is
//! append-only (the database refuses updates and deletes); entries carry ids, never names.

use actix_web::{get, web};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use super::dto::AuditEntry;
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::audit_log;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::{PageQuery, Paginated};
use crate::db::bulk::{SQLITE_MAX_BINDS, placeholders};
use diesel::sql_types::{BigInt, Nullable, Text, Timestamp};

/// Writes one entry per record.
pub fn record(conn: &mut DbConnection, principal: &Principal, school_id: i64, action: &str, ids: &[i64], detail: Option<&str>) -> Result<(), ApiError> {
    record_many(conn, school_id, &principal.key(), action, ids, detail, Utc::now().naive_utc())
}

/// Entries for many records in few statements: a list of a whole base, a matching run or an
/// import names thousands of children, and one INSERT each would cost more than the work itself.
pub fn record_many(conn: &mut DbConnection, school_id: i64, actor: &str, action: &str, ids: &[i64], detail: Option<&str>, at: NaiveDateTime) -> Result<(), ApiError> {
    // An entry binds 7 values.
    for chunk in ids.chunks(SQLITE_MAX_BINDS / 7) {
        match conn {
            DbConnection::Sqlite(c) => {
                let sql = format!("INSERT INTO audit_log (organization_id, actor, action, entity, entity_id, detail, at) VALUES {}", placeholders(chunk.len(), 7));
                let mut q = diesel::sql_query(sql).into_boxed::<diesel::sqlite::Sqlite>();
                for &id in chunk {
                    q = q
                        .bind::<BigInt, _>(school_id)
                        .bind::<Text, _>(actor)
                        .bind::<Text, _>(action)
                        .bind::<Text, _>("participant")
                        .bind::<BigInt, _>(id)
                        .bind::<Nullable<Text>, _>(detail)
                        .bind::<Timestamp, _>(at);
                }
                q.execute(c)?;
            }
            DbConnection::Postgresql(c) => {
                let rows: Vec<NewEntry> = chunk.iter().map(|&entity_id| NewEntry { organization_id: school_id, actor, action, entity: "participant", entity_id, detail, at }).collect();
                diesel::copy_from(audit_log::table).from_insertable(&rows).execute(c)?;
            }
        }
    }
    Ok(())
}

#[derive(Insertable)]
#[diesel(table_name = audit_log, treat_none_as_default_value = false)]
struct NewEntry<'a> {
    organization_id: i64,
    actor: &'a str,
    action: &'a str,
    entity: &'a str,
    entity_id: i64,
    detail: Option<&'a str>,
    at: NaiveDateTime,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// Only the entries about this participant.
    pub participant_id: Option<i64>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct Row {
    id: i64,
    actor: String,
    action: String,
    entity: String,
    entity_id: i64,
    detail: Option<String>,
    at: NaiveDateTime,
}

#[utoipa::path(
    tag = "participants",
    summary = "Who read or changed a minor's record (newest first)",
    params(("id" = i64, Path, description = "school id"), AuditFilter, PageQuery),
    responses((status = 200, body = Paginated<AuditEntry>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/audit")]
pub async fn list_audit(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, filter: web::Query<AuditFilter>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<AuditEntry>>, ApiError> {
    let page = query.page()?;
    let id = id.into_inner();
    let participant = filter.participant_id;
    let rows = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewAudit, id)?;
            let mut q = audit_log::table
                .filter(audit_log::organization_id.eq(id))
                .order(audit_log::id.desc())
                .limit(page.limit + 1)
                .select(Row::as_select())
                .into_boxed();
            // Newest first: the cursor carries the last id seen, and the next page lies below it.
            if page.after > 0 {
                q = q.filter(audit_log::id.lt(page.after));
            }
            if let Some(p) = participant {
                q = q.filter(audit_log::entity_id.eq(p));
            }
            Ok(q.load::<Row>(conn)?)
        })
        .await?;
    Ok(web::Json(Paginated::from_rows(rows, page, |r| r.id, |r| AuditEntry {
        id: r.id,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        detail: r.detail,
        at: r.at.and_utc(),
    })))
}
