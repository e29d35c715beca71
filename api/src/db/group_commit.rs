//! Group commit: small writes that many requests make side by side (the audit entries of reads)
//! land in one transaction, so that one fsync makes all of them durable instead of one each.
//! A request is answered only after the transaction holding its write has committed.
//!
//! One thread writes. While it commits a group, the next requests' writes queue up and form the
//! next group, so nobody waits for a timer: a lone request is written at once, and under load a
//! group grows to whatever arrived during the previous commit.

use std::sync::mpsc::{Receiver, Sender, channel};

use diesel::Connection;
use diesel::r2d2::Pool;
use tokio::sync::oneshot;

use super::pool::{ConnectionManager, DbConnection, WriteTurns, database_busy, transaction};
use crate::error::ApiError;

/// A write to run inside a group's transaction.
pub type Work = Box<dyn FnOnce(&mut DbConnection) -> Result<(), ApiError> + Send>;

/// A failure told to every request of a group: `ApiError` cannot be copied, its text can.
type Outcome = Result<(), String>;

struct Job {
    work: Work,
    done: oneshot::Sender<Result<(), ApiError>>,
}

/// The most writes in one transaction: enough to absorb any burst, small enough that a group
/// stays a short transaction that others do not wait long behind.
const MAX_GROUP: usize = 512;

pub struct GroupCommit {
    queue: Sender<Job>,
}

impl GroupCommit {
    /// Starts the writing thread; it ends when the last sender goes, i.e. with the pool's owner.
    pub fn start(pool: Pool<ConnectionManager>, turns: WriteTurns) -> Result<Self, String> {
        let (queue, jobs) = channel();
        std::thread::Builder::new()
            .name("group-commit".into())
            .spawn(move || write_groups(&pool, &turns, &jobs))
            .map_err(|e| format!("cannot start the group-commit thread: {e}"))?;
        Ok(Self { queue })
    }

    /// Runs `work` in the next group and returns once that group is committed.
    pub async fn commit(&self, work: Work) -> Result<(), ApiError> {
        let (done, outcome) = oneshot::channel();
        self.queue
            .send(Job { work, done })
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("the group-commit thread has stopped")))?;
        outcome.await.map_err(|_| ApiError::Internal(anyhow::anyhow!("the group-commit thread dropped a write")))?
    }
}

fn write_groups(pool: &Pool<ConnectionManager>, turns: &WriteTurns, jobs: &Receiver<Job>) {
    while let Ok(first) = jobs.recv() {
        let mut group = vec![first];
        while group.len() < MAX_GROUP {
            match jobs.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        // A panicking write must not stop the thread for every later request: its group's waiters
        // learn of it by their dropped senders, and the pool discards the connection.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| write_group(pool, turns, group)));
    }
}

/// Each write runs in a savepoint of the group's transaction: one that fails is rolled back and
/// refused alone, the others still commit.
fn write_group(pool: &Pool<ConnectionManager>, turns: &WriteTurns, group: Vec<Job>) {
    let _turn = match turns.take() {
        Ok(turn) => turn,
        Err(_) => {
            for job in group {
                let _ = job.done.send(Err(database_busy()));
            }
            return;
        }
    };
    let mut conn = match pool.get() {
        Ok(conn) => conn,
        Err(e) => {
            let reason = format!("no database connection for the group commit: {e}");
            for job in group {
                let _ = job.done.send(Err(ApiError::Internal(anyhow::anyhow!(reason.clone()))));
            }
            return;
        }
    };
    let mut waiting = Vec::with_capacity(group.len());
    let committed: Result<(), ApiError> = transaction(&mut conn, |conn| {
        for job in group {
            let own = conn.transaction(|conn| (job.work)(conn));
            waiting.push((job.done, own));
        }
        Ok(())
    });
    let failed: Outcome = committed.map_err(|e| format!("the group's transaction failed: {e:?}"));
    for (done, own) in waiting {
        let answer = match (&failed, own) {
            (_, Err(e)) => Err(e),
            (Err(reason), Ok(())) => Err(ApiError::Internal(anyhow::anyhow!(reason.clone()))),
            (Ok(()), Ok(())) => Ok(()),
        };
        let _ = done.send(answer);
    }
}
