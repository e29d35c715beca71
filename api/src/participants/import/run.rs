//! A real import: the check and the write run side by side, each on its own thread, the check
//! handing every good row to the write. The write happens inside one transaction that commits
//! only once the check has passed the whole file, so a file with a bad row leaves nothing behind,
//! while a good file is mostly written by the time its check ends.

use std::path::PathBuf;

use actix_web::web;
use chrono::NaiveDate;
use tokio::sync::oneshot;

use super::apply::{ImportReport, check, feed};
use super::jobs::{self, Progress};
use super::read::Format;
use super::write::{Target, write};
use crate::db::{Db, transaction};
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
    let (feed, from_check) = feed();
    let writer = {
        let (db, seen) = (db.clone(), progress.clone());
        actix_web::rt::spawn(async move {
            db.run(move |conn| {
                let target = Target { school_id, job, actor: &actor, today };
                transaction(conn, |conn| write(conn, &target, from_check, &|done| seen.set(job, done as i64)))
            })
            .await
        })
    };
    let path: PathBuf = file.path().to_owned();
    let checked = match web::block(move || check(&path, format, today, Some(feed))).await {
        Ok(result) => result,
        Err(e) => Err(e.into()),
    };
    drop(file);
    let report = match checked {
        Ok(report) if report.valid => report,
        refused => {
            // The feed ended without the check's consent: the write rolls back, the job goes.
            let _ = writer.await;
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
    if let Err(e) = db.write(move |conn| jobs::finish(conn, job, total, &outcome)).await {
        tracing::error!(job, error = %e, "could not record the end of an import");
    }
    progress.forget(job);
}
