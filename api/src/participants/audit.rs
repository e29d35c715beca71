//! The audit trail of minors' records: who read or changed which record, and when. The tables are
//! append-only (the database refuses updates and deletes); entries carry ids, never names.

use actix_web::{get, web};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use super::dto::AuditEntry;
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::{audit_log, audit_log_records};
use crate::db::{Db, DbConnection, json_array, reused};
use crate::error::{ApiError, Problem};
use crate::http::{PageQuery, Paginated};
use crate::db::bulk::{SQLITE_MAX_BINDS, placeholders};
use diesel::sql_types::{Array, BigInt, Nullable, Text, Timestamp};

/// Writes one entry per record.
pub fn record(conn: &mut DbConnection, principal: &Principal, school_id: i64, action: &str, ids: &[i64], detail: Option<&str>) -> Result<(), ApiError> {
    record_many(conn, school_id, &principal.key(), action, ids, detail, Utc::now().naive_utc())
}

/// The entries of a read, written after it by group commit (`Db::write_grouped`): a read takes no
/// write lock of its own, and many reads' entries share one fsync. The caller answers only after
/// `write` returns, so an answer that showed minors' records always has its entries on disk.
#[must_use = "the entries are written only by `write`"]
pub struct ReadEntries {
    school_id: i64,
    actor: String,
    action: &'static str,
    ids: Vec<i64>,
    detail: Option<&'static str>,
    at: NaiveDateTime,
}

impl ReadEntries {
    pub fn new(principal: &Principal, school_id: i64, action: &'static str, ids: Vec<i64>, detail: Option<&'static str>) -> Self {
        Self { school_id, actor: principal.key(), action, ids, detail, at: Utc::now().naive_utc() }
    }

    pub async fn write(self, db: &Db) -> Result<(), ApiError> {
        if self.ids.is_empty() {
            return Ok(());
        }
        db.write_grouped(Box::new(move |conn| record_many(conn, self.school_id, &self.actor, self.action, &self.ids, self.detail, self.at))).await
    }
}

/// Entries for many records in one statement whose text does not depend on their number: a list
/// of a whole base or a matching run names thousands of children, and the entries of every read
/// pass through here, so the statement is prepared once per connection and the ids are one value.
pub fn record_many(conn: &mut DbConnection, school_id: i64, actor: &str, action: &str, ids: &[i64], detail: Option<&str>, at: NaiveDateTime) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Ok(());
    }
    match conn {
        DbConnection::Sqlite(c) => {
            reused(
                diesel::sql_query(
                    "INSERT INTO audit_log (organization_id, actor, action, entity, entity_id, detail, at) \
                     SELECT ?, ?, ?, 'participant', value, ?, ? FROM json_each(?)",
                )
                .bind::<BigInt, _>(school_id)
                .bind::<Text, _>(actor)
                .bind::<Text, _>(action)
                .bind::<Nullable<Text>, _>(detail)
                .bind::<Timestamp, _>(at)
                .bind::<Text, _>(json_array(ids))
            )
            .execute(c)?;
        }
        DbConnection::Postgresql(c) => {
            reused(
                diesel::sql_query(
                    "INSERT INTO audit_log (organization_id, actor, action, entity, entity_id, detail, at) \
                     SELECT $1, $2, $3, 'participant', id, $4, $5 FROM unnest($6::BIGINT[]) WITH ORDINALITY AS t (id, n) ORDER BY n",
                )
                .bind::<BigInt, _>(school_id)
                .bind::<Text, _>(actor)
                .bind::<Text, _>(action)
                .bind::<Nullable<Text>, _>(detail)
                .bind::<Timestamp, _>(at)
                .bind::<Array<BigInt>, _>(ids)
            )
            .execute(c)?;
        }
    }
    Ok(())
}

/// Ids gathered as runs of consecutive numbers: an import's new records take consecutive ids, so
/// a hundred thousand of them fit in a run or a few.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct IdRuns(Vec<(i64, i64)>);

impl IdRuns {
    pub fn push(&mut self, id: i64) {
        match self.0.last_mut() {
            Some((first, last)) if *first <= id && id <= *last + 1 => *last = (*last).max(id),
            _ => self.0.push((id, id)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many ids, each pushed once.
    pub fn count(&self) -> i64 {
        self.0.iter().map(|(first, last)| last - first + 1).sum()
    }

    /// Sorted, overlapping and touching runs joined.
    pub fn into_runs(mut self) -> Vec<(i64, i64)> {
        self.0.sort_unstable();
        let mut out: Vec<(i64, i64)> = Vec::with_capacity(self.0.len());
        for (first, last) in self.0 {
            match out.last_mut() {
                Some((_, end)) if first <= *end + 1 => *end = (*end).max(last),
                _ => out.push((first, last)),
            }
        }
        out
    }
}

/// One entry for a change of many records at once (an import): the entry names the job, and
/// `audit_log_records` lists the records it touched, so that each record's trail still shows it.
pub fn record_runs(conn: &mut DbConnection, entry: &NewEntry, ids: IdRuns) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Ok(());
    }
    let entry: i64 = diesel::insert_into(audit_log::table).values(entry).returning(audit_log::id).get_result(conn)?;
    let runs = ids.into_runs();
    // A run binds 3 values.
    for chunk in runs.chunks(SQLITE_MAX_BINDS / 3) {
        match conn {
            DbConnection::Sqlite(c) => {
                let sql = format!("INSERT INTO audit_log_records (entry_id, first_id, last_id) VALUES {}", placeholders(chunk.len(), 3));
                let mut q = diesel::sql_query(sql).into_boxed::<diesel::sqlite::Sqlite>();
                for &(first, last) in chunk {
                    q = q.bind::<BigInt, _>(entry).bind::<BigInt, _>(first).bind::<BigInt, _>(last);
                }
                q.execute(c)?;
            }
            DbConnection::Postgresql(c) => {
                let rows: Vec<NewRun> = chunk.iter().map(|&(first_id, last_id)| NewRun { entry_id: entry, first_id, last_id }).collect();
                diesel::copy_from(audit_log_records::table).from_insertable(&rows).execute(c)?;
            }
        }
    }
    Ok(())
}

#[derive(Insertable)]
#[diesel(table_name = audit_log_records, treat_none_as_default_value = false)]
struct NewRun {
    entry_id: i64,
    first_id: i64,
    last_id: i64,
}

#[derive(Insertable)]
#[diesel(table_name = audit_log, treat_none_as_default_value = false)]
pub struct NewEntry<'a> {
    pub organization_id: i64,
    pub actor: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: i64,
    pub detail: Option<&'a str>,
    pub at: NaiveDateTime,
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
                // Its own entries, and those of the imports that named it among many.
                let imports = audit_log_records::table.filter(audit_log_records::first_id.le(p)).filter(audit_log_records::last_id.ge(p)).select(audit_log_records::entry_id);
                q = q.filter(audit_log::entity.eq("participant").and(audit_log::entity_id.eq(p)).or(audit_log::id.eq_any(imports)));
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

#[cfg(test)]
mod tests {
    use super::IdRuns;

    #[test]
    fn ids_fold_into_runs() {
        let mut ids = IdRuns::default();
        for id in [5, 6, 7, 9, 10, 2, 3, 8, 8, 20] {
            ids.push(id);
        }
        // 4 was never pushed: 2–3 and 5–10 stay apart.
        assert_eq!(ids.count(), 9, "an id pushed twice in a row counts once");
        assert_eq!(ids.clone().into_runs(), vec![(2, 3), (5, 10), (20, 20)]);
        assert!(IdRuns::default().is_empty());
    }
}
