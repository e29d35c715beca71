//! Import jobs: the row in `import_jobs` says how a job ended. While it runs, its progress lives in
//! the memory of the instance doing the work; on PostgreSQL, where several instances serve one
//! database, that instance also copies it to the row every `PROGRESS_EVERY`, for the others, and
//! holds the job's advisory lock for as long as its transaction lasts (`hold`): a running job
//! whose lock is free was cut off, whichever instance looks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool};
use serde::Serialize;
use utoipa::ToSchema;

use super::apply::ImportReport;
use crate::db::DbConnection;
use crate::db::pool::MultiBackend;
use crate::db::schema::import_jobs as jobs;
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Running,
    Succeeded,
    Failed,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportJob {
    pub id: i64,
    pub school_id: i64,
    pub status: JobStatus,
    /// Rows written so far.
    pub processed: i64,
    pub total: i64,
    /// How it ended: counts, or the reason it failed.
    pub report: Option<ImportReport>,
    pub failure: Option<String>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// How often the instance running an import on PostgreSQL records its progress in the job's row.
pub const PROGRESS_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// Where a running job is, shared by the workers of this instance.
#[derive(Clone, Copy, Default)]
pub struct Stage {
    pub done: i64,
    /// Known once the check has read the whole file.
    pub total: Option<i64>,
}

/// Rows done per running job, shared by the workers of this instance.
#[derive(Clone, Default)]
pub struct Progress(Arc<Mutex<HashMap<i64, Stage>>>);

impl Progress {
    pub fn set(&self, job: i64, done: i64) {
        if let Ok(mut map) = self.0.lock() {
            map.entry(job).or_default().done = done;
        }
    }

    pub fn set_total(&self, job: i64, total: i64) {
        if let Ok(mut map) = self.0.lock() {
            map.entry(job).or_default().total = Some(total);
        }
    }

    pub fn get(&self, job: i64) -> Option<Stage> {
        self.0.lock().ok().and_then(|m| m.get(&job).copied())
    }

    pub fn forget(&self, job: i64) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(&job);
        }
    }
}

/// A job starts as its file's check does: its total is recorded when it ends.
pub fn start(conn: &mut DbConnection, school_id: i64, actor: &str) -> Result<i64, ApiError> {
    Ok(diesel::insert_into(jobs::table)
        .values((
            jobs::school_id.eq(school_id),
            jobs::status.eq("running"),
            jobs::total.eq(0),
            jobs::created_by.eq(actor),
            jobs::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(jobs::id)
        .get_result(conn)?)
}

/// A job whose file failed its check never was: the caller answers with the file's errors.
pub fn discard(conn: &mut DbConnection, id: i64) -> Result<(), ApiError> {
    diesel::delete(jobs::table.find(id)).execute(conn)?;
    Ok(())
}

/// Records how the job ended: the report, or the failure.
pub fn finish(conn: &mut DbConnection, id: i64, total: i64, outcome: &Result<ImportReport, String>) -> Result<(), ApiError> {
    let (status, report) = match outcome {
        Ok(r) => ("succeeded", serde_json::to_string(r).map_err(|e| ApiError::Internal(e.into()))?),
        Err(message) => ("failed", serde_json::json!({"failure": message}).to_string()),
    };
    diesel::update(jobs::table.find(id))
        .set((jobs::status.eq(status), jobs::total.eq(total), jobs::report.eq(report), jobs::finished_at.eq(Utc::now().naive_utc())))
        .execute(conn)?;
    Ok(())
}

/// Copies a running job's progress to its row, in a statement of its own: the import's own
/// transaction shows nothing until it ends.
pub fn record_progress(conn: &mut DbConnection, id: i64, stage: Stage) -> Result<(), ApiError> {
    diesel::update(jobs::table.find(id).filter(jobs::status.eq("running")))
        .set((jobs::processed.eq(stage.done), jobs::total.eq(stage.total.unwrap_or(0)), jobs::progress_at.eq(Utc::now().naive_utc())))
        .execute(conn)?;
    Ok(())
}

/// Marks `job` as being written, until the calling transaction ends, however it ends: PostgreSQL
/// frees a transaction's advisory locks at commit, at rollback, and when the connection dies with
/// its instance. The job ids are the only advisory locks this service takes. SQLite has one
/// instance, which knows its own jobs.
pub fn hold(conn: &mut DbConnection, job: i64) -> Result<(), ApiError> {
    if let DbConnection::Postgresql(c) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock($1)").bind::<BigInt, _>(job).execute(c)?;
    }
    Ok(())
}

/// Marks failed the running jobs that nobody writes, or only job `only` if it is one of them, and
/// says how many. On PostgreSQL a job's lock is free (taking it here holds it only until this
/// statement's transaction ends); on SQLite every running job is, as only a start asks.
fn fail_cut_off(conn: &mut DbConnection, only: Option<i64>) -> Result<usize, ApiError> {
    let mut cut_off: Box<dyn BoxableExpression<jobs::table, MultiBackend, SqlType = Bool>> = Box::new(jobs::status.eq("running"));
    if let Some(id) = only {
        cut_off = Box::new(cut_off.and(jobs::id.eq(id)));
    }
    if let DbConnection::Postgresql(_) = conn {
        cut_off = Box::new(cut_off.and(sql::<Bool>("pg_try_advisory_xact_lock(id)")));
    }
    Ok(diesel::update(jobs::table.filter(cut_off))
        .set((jobs::status.eq("failed"), jobs::report.eq(stopped()), jobs::finished_at.eq(Utc::now().naive_utc())))
        .execute(conn)?)
}

/// At start: a job still `running` was cut off by a stop; its transaction never committed. On
/// PostgreSQL only the jobs whose lock is free: the others are being written by other instances.
pub fn fail_interrupted(conn: &mut DbConnection) -> Result<usize, ApiError> {
    fail_cut_off(conn, None)
}

/// How long a running job's row may go without news before a reader checks its lock. The
/// instance writing it records its progress every `PROGRESS_EVERY`; until its first record, the
/// job's lock may not be taken yet.
const SILENT_FOR: chrono::TimeDelta = chrono::TimeDelta::seconds(10);

/// Whether a reader found the job cut off and failed it: on PostgreSQL another instance may have
/// died while running it, and a start may have come before PostgreSQL noticed and freed the lock.
fn fail_if_cut_off(conn: &mut DbConnection, id: i64, since: NaiveDateTime) -> Result<bool, ApiError> {
    if !matches!(conn, DbConnection::Postgresql(_)) || Utc::now().naive_utc() - since <= SILENT_FOR {
        return Ok(false);
    }
    Ok(fail_cut_off(conn, Some(id))? > 0)
}

fn stopped() -> String {
    serde_json::json!({"failure": "the service stopped during the import; nothing of it was written"}).to_string()
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = jobs)]
struct Row {
    id: i64,
    school_id: i64,
    status: String,
    total: i64,
    report: Option<String>,
    created_at: NaiveDateTime,
    finished_at: Option<NaiveDateTime>,
    processed: i64,
    progress_at: Option<NaiveDateTime>,
}

pub fn load(conn: &mut DbConnection, id: i64, progress: &Progress) -> Result<ImportJob, ApiError> {
    let mut r = fetch(conn, id)?;
    if r.status == "running" && progress.get(id).is_none() && fail_if_cut_off(conn, id, r.progress_at.unwrap_or(r.created_at))? {
        r = fetch(conn, id)?;
    }
    let status = match r.status.as_str() {
        "running" => JobStatus::Running,
        "succeeded" => JobStatus::Succeeded,
        _ => JobStatus::Failed,
    };
    let stored: Option<serde_json::Value> = r.report.as_deref().and_then(|t| serde_json::from_str(t).ok());
    let failure = stored.as_ref().and_then(|v| v.get("failure")).and_then(|f| f.as_str()).map(str::to_owned);
    let report = stored.filter(|_| status == JobStatus::Succeeded).and_then(|v| serde_json::from_value::<ReportStored>(v).ok()).map(ReportStored::into_report);
    // This instance's own job from its memory, another's from what its instance last recorded.
    let stage = progress.get(id).unwrap_or(Stage { done: r.processed, total: (r.total > 0).then_some(r.total) });
    let processed = match status {
        JobStatus::Running => stage.done,
        JobStatus::Succeeded => r.total,
        JobStatus::Failed => 0,
    };
    let total = if status == JobStatus::Running { stage.total.unwrap_or(r.total) } else { r.total };
    Ok(ImportJob { id: r.id, school_id: r.school_id, status, processed, total, report, failure, created_at: r.created_at.and_utc(), finished_at: r.finished_at.map(|t| t.and_utc()) })
}

fn fetch(conn: &mut DbConnection, id: i64) -> Result<Row, ApiError> {
    let row: Option<Row> = jobs::table.find(id).select(Row::as_select()).first(conn).optional()?;
    row.ok_or_else(|| ApiError::not_found(format!("import job {id}")))
}

/// The report as stored (errors of a succeeded job are always empty).
#[derive(serde::Deserialize)]
struct ReportStored {
    total: usize,
    created: usize,
    updated: usize,
    unchanged: usize,
    #[serde(default)]
    ignored_columns: Vec<String>,
}

impl ReportStored {
    fn into_report(self) -> ImportReport {
        ImportReport { dry_run: false, valid: true, total: self.total, created: self.created, updated: self.updated, unchanged: self.unchanged, errors: Vec::new(), error_count: 0, ignored_columns: self.ignored_columns }
    }
}
