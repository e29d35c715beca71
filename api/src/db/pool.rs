use std::sync::{Arc, OnceLock};
use std::time::Duration;

use actix_web::http::StatusCode;
use actix_web::web;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, Pool, R2D2Connection};

use super::group_commit::{GroupCommit, Work};
use crate::error::ApiError;

/// A connection to whichever database this installation runs on.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database URL whose scheme has been checked. The derived `establish` would open any
/// non-postgres string as a SQLite path, so the backend is chosen here, from the scheme.
#[derive(Debug, Clone)]
pub enum DbUrl {
    Postgres(String),
    Sqlite(String),
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("DATABASE_URL `sqlite://` needs a file path, e.g. sqlite://data/nastavnik.db".into());
            }
            Ok(Self::Sqlite(path.to_owned()))
        } else {
            Err(format!(
                "DATABASE_URL must start with postgres://, postgresql:// or sqlite:// (got `{}`)",
                redact(url)
            ))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Self::Postgres(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }
}

/// Hides a password in a URL so that it can be shown in an error message.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://***{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_owned(),
    }
}

/// How long a write waits for the one before it, in SQLite's busy handler or for its turn.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// SQLite lets one connection write at a time. This process's writers take turns here and each
/// starts the moment the one before it commits: left to SQLite, a writer that finds the file
/// locked sleeps in its busy handler (1, 2, 5, 10, 15… ms), so in a burst of writes the last in
/// line slept tens of milliseconds while the lock stood free. Writes that take no turn (another
/// process, a cache stored by a read) still wait in the busy handler. PostgreSQL needs none.
#[derive(Clone, Default)]
pub struct WriteTurns(Option<Arc<parking_lot::Mutex<()>>>);

impl WriteTurns {
    fn for_backend(backend: Backend) -> Self {
        Self((backend == Backend::Sqlite).then(Arc::default))
    }

    /// Waits for this process's turn to write, as long as the busy handler would have waited.
    pub fn take(&self) -> Result<Option<parking_lot::MutexGuard<'_, ()>>, ApiError> {
        match &self.0 {
            None => Ok(None),
            Some(turn) => turn.try_lock_for(BUSY_TIMEOUT).map(Some).ok_or_else(database_busy),
        }
    }
}

/// A write that waited longer than `BUSY_TIMEOUT` for the one before it.
pub fn database_busy() -> ApiError {
    ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "database_busy", "another write has held the database too long; try again shortly")
}

pub struct ConnectionManager {
    url: DbUrl,
    /// SQLite's `query_only`: the connection refuses to write, so it can never wait for a lock.
    read_only: bool,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConnection, r2d2::Error> {
        match &self.url {
            DbUrl::Postgres(url) => diesel::PgConnection::establish(url)
                .map(DbConnection::Postgresql)
                .map_err(r2d2::Error::ConnectionError),
            DbUrl::Sqlite(path) => {
                let mut conn = diesel::SqliteConnection::establish(path)
                    .map_err(r2d2::Error::ConnectionError)?;
                // Set on every connection the pool hands out: SQLite keeps these per connection.
                // busy_timeout first, so that the others wait for a lock instead of failing while
                // the pool opens connections side by side; synchronous=FULL so that an
                // acknowledged write survives a power loss.
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA query_only = {};",
                    BUSY_TIMEOUT.as_millis(),
                    self.read_only
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), r2d2::Error> {
        conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

/// The pool and the one way into it: blocking diesel work always runs on actix's blocking
/// threads (`web::block`), never on a worker.
#[derive(Clone)]
pub struct Db {
    pool: Pool<ConnectionManager>,
    /// SQLite only, once `read_inline` is called: read-only connections for `read`.
    readers: Option<Pool<ConnectionManager>>,
    backend: Backend,
    turns: WriteTurns,
    /// Started on first use: the command line never needs it.
    group: Arc<OnceLock<Result<GroupCommit, String>>>,
}

impl Db {
    pub fn connect(url: &DbUrl, size: u32) -> Result<Self, String> {
        if let DbUrl::Sqlite(path) = url
            && let Some(dir) = std::path::Path::new(path).parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("cannot create the folder for the SQLite file {path}: {e}"))?;
        }
        let pool = Pool::builder()
            .max_size(size)
            // A PostgreSQL connection can break while it sits in the pool (a restarted server), so
            // it is pinged before use; a SQLite connection is a file handle, and a ping per
            // request would be pure cost.
            .test_on_check_out(url.backend() == Backend::Postgres)
            .connection_timeout(Duration::from_secs(10))
            .build(ConnectionManager { url: url.clone(), read_only: false })
            .map_err(|e| format!("cannot connect to the database: {e}"))?;
        Ok(Self { pool, readers: None, backend: url.backend(), turns: WriteTurns::for_backend(url.backend()), group: Arc::default() })
    }

    /// On SQLite, gives `read` a read-only connection for each of `workers` request threads, so
    /// that a short read runs on the thread that serves the request. PostgreSQL is left as it
    /// is: its queries wait on the network, and a worker must not.
    pub fn read_inline(mut self, url: &DbUrl, workers: u32) -> Result<Self, String> {
        if let DbUrl::Sqlite(_) = url {
            let readers = Pool::builder()
                .max_size(workers)
                .build(ConnectionManager { url: url.clone(), read_only: true })
                .map_err(|e| format!("cannot open the database for reading: {e}"))?;
            self.readers = Some(readers);
        }
        Ok(self)
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// A connection for work outside a request (start-up, the CLI).
    pub fn get(&self) -> Result<r2d2::PooledConnection<ConnectionManager>, ApiError> {
        Ok(self.pool.get()?)
    }

    /// Reads, or single-statement writes.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get()?;
            f(&mut conn)
        })
        .await?
    }

    /// A short read whose size a request bounds (a page of a list, one record, the caller's own
    /// rights), seeing the database as of one moment.
    ///
    /// On SQLite it runs right here, on the worker serving the request: the trip to a blocking
    /// thread and back cost more than such a read, a third of a small request in context
    /// switches. The connection is read-only, so the read never waits for a writer (WAL readers
    /// do not) and a write slipped in by mistake fails instead of blocking the worker. Anything
    /// that can take long, a report over a region or an export, uses `run` and stays off the
    /// workers. When every reader is busy, or on PostgreSQL, it goes the way of `run`.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        match self.readers.as_ref().and_then(Pool::try_get) {
            Some(mut conn) => snapshot(&mut conn, f),
            None => self.run(f).await,
        }
    }

    /// Work that must land whole or not at all, in this process's turn to write.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let (pool, turns) = (self.pool.clone(), self.turns.clone());
        web::block(move || {
            // The turn before the connection: a writer waiting its turn holds none of the pool's.
            let _turn = turns.take()?;
            let mut conn = pool.get()?;
            transaction(&mut conn, f)
        })
        .await?
    }

    /// A small write committed together with other requests' (see `group_commit`): returns once
    /// it is durable. For writes that need no answer but "done", such as the audit entry of a read.
    pub async fn write_grouped(&self, work: Work) -> Result<(), ApiError> {
        let group = self.group.get_or_init(|| GroupCommit::start(self.pool.clone(), self.turns.clone()));
        match group {
            Ok(group) => group.commit(work).await,
            Err(e) => Err(ApiError::Internal(anyhow::anyhow!(e.clone()))),
        }
    }
}

/// `f` in one read transaction: its queries see the same moment, and SQLite takes its read lock
/// once instead of once per query.
fn snapshot<T>(conn: &mut DbConnection, f: impl FnOnce(&mut DbConnection) -> Result<T, ApiError>) -> Result<T, ApiError> {
    conn.batch_execute("BEGIN")?;
    let result = f(conn);
    // A read transaction has nothing to keep: ending it only lets the WAL be checkpointed. Ended
    // whatever `f` did, so that the pooled connection never carries a transaction to the next.
    if let Err(e) = conn.batch_execute("COMMIT") {
        conn.batch_execute("ROLLBACK").map_err(|_| e)?;
    }
    result
}

/// A write transaction. On SQLite it begins IMMEDIATE, taking the write lock up front: a deferred
/// transaction that reads and then writes fails with SQLITE_BUSY when another connection wrote in
/// between, whatever busy_timeout says.
pub fn transaction<T, F>(conn: &mut DbConnection, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, ApiError>,
{
    if let DbConnection::Postgresql(_) = conn {
        return conn.transaction(f);
    }
    if let DbConnection::Sqlite(c) = conn {
        AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?;
    }
    let result = f(conn);
    if let DbConnection::Sqlite(c) = conn {
        match &result {
            Ok(_) => AnsiTransactionManager::commit_transaction(c)?,
            Err(_) => AnsiTransactionManager::rollback_transaction(c)?,
        }
    }
    result
}

/// A write of data that can be derived again (a cache), committed without waiting for the disk:
/// losing it to a power cut costs a recomputation, and not waiting saves the fsync that every
/// other commit pays (`synchronous = FULL` on SQLite, the WAL flush on PostgreSQL).
pub fn write_derived<T, F>(conn: &mut DbConnection, f: F) -> Result<T, ApiError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, ApiError>,
{
    if let DbConnection::Postgresql(_) = conn {
        return conn.transaction(|conn| {
            conn.batch_execute("SET LOCAL synchronous_commit = off")?;
            f(conn)
        });
    }
    conn.batch_execute("PRAGMA synchronous = NORMAL")?;
    let result = transaction(conn, f);
    // Restored whatever happened: the pooled connection goes on to serve writes that must last.
    conn.batch_execute("PRAGMA synchronous = FULL")?;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_follows_the_scheme() {
        assert!(matches!(DbUrl::parse("postgres://u@h/db"), Ok(DbUrl::Postgres(_))));
        assert!(matches!(DbUrl::parse("postgresql://u@h/db"), Ok(DbUrl::Postgres(_))));
        assert!(matches!(DbUrl::parse("sqlite://data/x.db"), Ok(DbUrl::Sqlite(p)) if p == "data/x.db"));
        assert!(DbUrl::parse("mysql://u@h/db").is_err());
        assert!(DbUrl::parse("data/x.db").is_err());
        assert!(DbUrl::parse("sqlite://").is_err());
    }

    /// A read on the worker must never wait for a writer: its connection refuses to write at all.
    #[test]
    fn an_inline_read_cannot_write() {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = DbUrl::parse(&format!("sqlite://{}/read.db", dir.path().display())).expect("url");
        let db = Db::connect(&url, 1).and_then(|db| db.read_inline(&url, 1)).expect("open");
        db.get().expect("conn").batch_execute("CREATE TABLE t (x INTEGER)").expect("create");
        let runtime = tokio::runtime::Builder::new_current_thread().build().expect("runtime");
        let wrote = runtime.block_on(db.read(|conn| Ok(conn.batch_execute("INSERT INTO t VALUES (1)")?)));
        assert!(wrote.is_err(), "a read wrote");
        let count = runtime.block_on(db.read(|conn| {
            use diesel::dsl::sql;
            Ok(diesel::select(sql::<diesel::sql_types::BigInt>("(SELECT count(*) FROM t)")).get_result::<i64>(conn)?)
        }));
        assert_eq!(count.ok(), Some(0));
    }

    #[test]
    fn errors_hide_passwords() {
        let err = DbUrl::parse("mysql://user:secret@host/db").expect_err("refused");
        assert!(!err.contains("secret"), "{err}");
    }
}
