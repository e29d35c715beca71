//! A real import: the check and the write read the file side by side, on threads of their own.
//! The write happens inside one transaction that commits only once the check has passed the whole
//! file, so a file with a bad row leaves nothing behind, while a good file is partly written by
//! the time its check ends. The caller hears the check's verdict as soon as it is known.

use std::sync::Arc;
use std::sync::mpsc::channel;

use actix_web::web;
use chrono::NaiveDate;
use tokio::sync::oneshot;

use super::apply::{ImportReport, check};
use super::jobs::{self, Progress};
use super::read::Format;
use super::write::{Target, write};
use crate::db::{Backend, Db};
use crate::error::ApiError;

/// An uploaded file to import into a school.
pub struct Upload {
    pub school_id: i64,
    pub actor: String,
    pub today: NaiveDate,
    pub format: Format,
    pub file: tempfile::NamedTempFile,
}

/// What the check says of a file: the job writing it, or the report of its bad rows.
pub enum Verdict {
    Started(i64),
    Invalid(ImportReport),
}

/// Starts the import and answers once the check has read the whole file. The work goes on in a
/// task of its own, so a caller who hangs up does not leave a job half-recorded.
pub async fn start(db: Db, progress: Progress, upload: Upload) -> Result<Verdict, ApiError> {
    let actor = upload.actor.clone();
    let school_id = upload.school_id;
    let job = db.write(move |conn| jobs::start(conn, school_id, &actor)).await?;
    progress.set(job, 0);
    let (answer, answered) = oneshot::channel();
    actix_web::rt::spawn(run(db, progress, job, upload, answer));
    answered.await.unwrap_or_else(|_| Err(ApiError::Internal(anyhow::anyhow!("import job {job} stopped before its check ended"))))
}

async fn run(db: Db, progress: Progress, job: i64, upload: Upload, answer: oneshot::Sender<Result<Verdict, ApiError>>) {
    let Upload { school_id, actor, today, format, file } = upload;
    let copying = copy_progress(&db, &progress, job);
    // The file goes once both have read it.
    let file = Arc::new(file);
    let (verdict, passed) = channel();
    let writer = {
        let (db, seen, file) = (db.clone(), progress.clone(), file.clone());
        actix_web::rt::spawn(async move {
            // Success is recorded in the rows' own transaction: a stop between two transactions
            // would leave the rows written under a job that the next start marks failed.
            db.write(move |conn| {
                jobs::hold(conn, job)?;
                let target = Target { path: file.path(), format, school_id, job, actor: &actor, today };
                let written = write(conn, &target, &passed, &|done| seen.set(job, done as i64))?;
                jobs::finish(conn, job, written.total as i64, &Ok(written.clone()))?;
                Ok(written)
            })
            .await
        })
    };
    let checked = match web::block(move || check(file.path(), format, today)).await {
        Ok(result) => result,
        Err(e) => Err(e.into()),
    };
    let report = match checked {
        Ok(report) if report.valid => report,
        refused => {
            // The write stops at its next batch and rolls back; the job goes with it.
            let _ = verdict.send(false);
            let _ = writer.await;
            stop(copying);
            progress.forget(job);
            if let Err(e) = db.write(move |conn| jobs::discard(conn, job)).await {
                tracing::error!(job, error = %e, "could not discard the job of a refused import");
            }
            let _ = answer.send(refused.map(Verdict::Invalid));
            return;
        }
    };
    let total = report.total as i64;
    progress.set_total(job, total);
    let _ = verdict.send(true);
    let _ = answer.send(Ok(Verdict::Started(job)));
    let outcome = match writer.await {
        Ok(Ok(written)) => Ok(ImportReport { ignored_columns: report.ignored_columns, ..written }),
        Ok(Err(e)) => Err(e),
        Err(e) => Err(ApiError::Internal(anyhow::anyhow!("the import's write stopped: {e}"))),
    }
    .map_err(|e| {
        tracing::error!(job, error = %e, "import failed");
        e.problem().detail
    });
    stop(copying);
    if let Err(e) = db.write(move |conn| jobs::finish(conn, job, total, &outcome)).await {
        tracing::error!(job, error = %e, "could not record the end of an import");
    }
    progress.forget(job);
}

/// On PostgreSQL, copies the job's progress to its row every `jobs::PROGRESS_EVERY`, so that the
/// other instances behind the load balancer show it too.
fn copy_progress(db: &Db, progress: &Progress, job: i64) -> Option<actix_web::rt::task::JoinHandle<()>> {
    if db.backend() != Backend::Postgres {
        return None;
    }
    let (db, progress) = (db.clone(), progress.clone());
    Some(actix_web::rt::spawn(async move {
        let mut every = actix_web::rt::time::interval(jobs::PROGRESS_EVERY);
        loop {
            every.tick().await;
            let Some(stage) = progress.get(job) else { return };
            if let Err(e) = db.run(move |conn| jobs::record_progress(conn, job, stage)).await {
                tracing::warn!(job, error = %e, "could not record an import's progress");
            }
        }
    }))
}

/// Stops copying before the job's end is recorded: a copy after it would find the job no longer
/// running and change nothing, but need not be made.
fn stop(copying: Option<actix_web::rt::task::JoinHandle<()>>) {
    if let Some(task) = copying {
        task.abort();
    }
}
