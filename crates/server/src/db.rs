//! The database: one store, two engines.
//!
//! Without `--database-url` (or with `sqlite://PATH`) the server keeps its
//! data in an embedded SQLite file; with `postgres://…` in PostgreSQL 15 or
//! newer, which several servers can share. Handlers, the store and the
//! admin commands do not know which: they run closures through
//! [`Db::read`] and [`Db::write`] on the blocking pool, and the closures get
//! a [`Connection`] with the few operations they use (`execute`,
//! `query_row`, `prepare(_cached)` + `query_row`/`query_map`,
//! `transaction`, `last_insert_rowid`), shaped like rusqlite's.
//!
//! - **SQL is written once**, in SQLite's spelling with numbered parameters
//!   (`?1`). On PostgreSQL `?N` becomes `$N`; the schema makes the rest mean
//!   the same: every integer a `BIGINT`, blobs `BYTEA`, and a `nocase`
//!   collation (ICU, case-insensitive) for `COLLATE NOCASE`. Values are
//!   bound as rusqlite binds them ([`ToSql`]) and read as rusqlite reads
//!   them ([`FromSql`]), so on SQLite every statement and value is exactly
//!   what it was before PostgreSQL existed.
//! - **Migrations** keep their numbers and meaning: `migrations/NNNN_*.sql`
//!   for SQLite (recorded in `PRAGMA user_version`) and
//!   `migrations/postgres/NNNN_*.sql` for PostgreSQL (recorded in the
//!   `schema_version` table, applied under an advisory lock so servers
//!   starting together migrate once). Either engine refuses a database
//!   newer than this build.
//! - **Transactions** mean what they mean on SQLite: one writer at a time.
//!   On SQLite that is the one writer connection; on PostgreSQL each
//!   [`Db::write`] also holds a cluster-wide advisory lock, so the If-Match
//!   check-and-write and the last-administrator and last-alert-contact rules
//!   hold across servers without changing a line of them. Reads run in a
//!   read-only snapshot (a deferred transaction in WAL mode, `REPEATABLE
//!   READ` on PostgreSQL) on a pool of their own and never wait for a write.
//! - **Work outside the write lock**: [`Db::dedicated`] is a PostgreSQL
//!   connection of the caller's own that takes no part in the write lock
//!   and keeps a transaction open across awaits, so row locks can claim
//!   work (the outbox's `FOR UPDATE SKIP LOCKED`) while other servers
//!   claim other rows.
//! - **Availability**: PostgreSQL connections reconnect on their next use
//!   after breaking, so the health check fails while the database is away
//!   and recovers without a restart.

use std::cell::RefCell;
use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::OpenFlags;
use tokio::sync::Semaphore;

mod connection;
mod pg;

pub use crate::params;
pub use connection::{
    Connection, Engine, FromSql, OptionalExtension, Params, Row, RowIndex, Statement, ToSql,
    Transaction,
};

/// Schema migrations, applied in order. `PRAGMA user_version` records how
/// many have run, so each one runs exactly once per database.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_schema.sql"),
    include_str!("../migrations/0002_review.sql"),
    include_str!("../migrations/0003_address_verification.sql"),
    include_str!("../migrations/0004_warning_dismissals.sql"),
    include_str!("../migrations/0005_throttle.sql"),
];

/// The number of the newest migration this build knows.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

#[derive(Debug)]
pub enum DbError {
    Sqlite(rusqlite::Error),
    Postgres(postgres::Error),
    /// `--database-url` is not one this server can open.
    Url(String),
    /// A query that must answer a row answered none.
    NoRows,
    /// A value does not fit the Rust type it is read as.
    Conversion(String),
    /// The database was written by a newer server than this one.
    TooNew {
        found: u32,
    },
    /// The blocking task running the query panicked or was cancelled.
    Task(String),
    /// A row that must exist (the caller's own user or account) does not:
    /// it was deleted while the request ran.
    Missing,
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Sqlite(e) => write!(f, "database error: {e}"),
            DbError::Postgres(e) => match std::error::Error::source(e) {
                // The client's own message is only "db error" and the like.
                Some(cause) => write!(f, "database error: {e}: {cause}"),
                None => write!(f, "database error: {e}"),
            },
            DbError::Url(e) => write!(f, "invalid database URL: {e}"),
            DbError::NoRows => write!(
                f,
                "database error: {}",
                rusqlite::Error::QueryReturnedNoRows
            ),
            DbError::Conversion(e) => write!(f, "database error: {e}"),
            DbError::TooNew { found } => write!(
                f,
                "the database has schema version {found} but this server only knows up to {SCHEMA_VERSION}; run a newer portal-server"
            ),
            DbError::Task(e) => write!(f, "database task failed: {e}"),
            DbError::Missing => write!(f, "a row the request depends on was deleted meanwhile"),
        }
    }
}

impl std::error::Error for DbError {}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => DbError::NoRows,
            e => DbError::Sqlite(e),
        }
    }
}

impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> Self {
        DbError::Postgres(e)
    }
}

/// Which database to open, from `--database-url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Sqlite(std::path::PathBuf),
    /// A `postgres://` (or `postgresql://`) URL.
    Postgres(String),
}

impl Location {
    /// `sqlite://PATH` or `postgres://…`.
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(
                    "sqlite:// needs a file path, e.g. sqlite://data/portal.sqlite3".into(),
                );
            }
            Ok(Self::Sqlite(path.into()))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres(url.to_owned()))
        } else {
            Err(format!(
                "unsupported database URL `{}`: use sqlite://PATH or postgres://USER@HOST:PORT/DATABASE",
                redacted(url)
            ))
        }
    }

    /// For logs and messages: a PostgreSQL URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Self::Sqlite(path) => path.display().to_string(),
            Self::Postgres(url) => redacted(url),
        }
    }
}

/// `url` with any password replaced by `***`.
fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// A shared handle to the database, either engine.
///
/// On SQLite, one writer and a few readers: SQLite allows one writer at a
/// time, so every write goes through one connection. In WAL mode readers
/// never wait for it, so reads run on a small pool of read-only connections,
/// as many at once as there are cores, each in its own transaction so a read
/// sees one committed state. On PostgreSQL, the same shape (see the module
/// documentation). Queries run on the blocking pool so they never stall the
/// async runtime.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

enum Inner {
    Sqlite(SqliteDb),
    Postgres(Box<pg::PgDb>),
}

struct SqliteDb {
    writer: Mutex<rusqlite::Connection>,
    /// Idle read-only connections; `free` counts them, so a reader waits
    /// asynchronously instead of occupying a thread. Empty for an in-memory
    /// database, whose reads go to the writer.
    readers: Mutex<Vec<rusqlite::Connection>>,
    free: Semaphore,
    pooled: bool,
}

impl Db {
    /// Opens (creating if needed) the database at `location` and brings its
    /// schema up to date.
    pub fn open_location(location: &Location) -> Result<Self, DbError> {
        match location {
            Location::Sqlite(path) => Self::open(path),
            Location::Postgres(url) => Ok(Self {
                inner: Arc::new(Inner::Postgres(Box::new(pg::PgDb::open(url)?))),
            }),
        }
    }

    /// Opens (creating if needed) the SQLite database file and brings its
    /// schema up to date, then opens one read-only connection per core.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        let writer = Self::prepare(rusqlite::Connection::open(path)?, true)?;
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let readers = (0..cores.max(2))
            .map(|_| open_reader(path))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::from_parts(writer, readers))
    }

    /// A private in-memory SQLite database, for tests; reads share the writer.
    pub fn open_in_memory() -> Result<Self, DbError> {
        let writer = Self::prepare(rusqlite::Connection::open_in_memory()?, false)?;
        Ok(Self::from_parts(writer, Vec::new()))
    }

    fn from_parts(writer: rusqlite::Connection, readers: Vec<rusqlite::Connection>) -> Self {
        Self {
            inner: Arc::new(Inner::Sqlite(SqliteDb {
                free: Semaphore::new(readers.len()),
                pooled: !readers.is_empty(),
                readers: Mutex::new(readers),
                writer: Mutex::new(writer),
            })),
        }
    }

    fn prepare(mut conn: rusqlite::Connection, wal: bool) -> Result<rusqlite::Connection, DbError> {
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        // Every acknowledged write survives a power cut, not just a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        migrate(&mut conn)?;
        Ok(conn)
    }

    /// Which engine holds the data.
    pub fn engine(&self) -> Engine {
        match &*self.inner {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// Runs `f` with the writer connection on the blocking thread pool. Use
    /// it for anything that changes data, and for reads that decide a write.
    pub async fn write<R, F>(&self, f: F) -> Result<R, DbError>
    where
        F: FnOnce(&mut Connection<'_>) -> Result<R, DbError> + Send + 'static,
        R: Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || match &*inner {
            Inner::Sqlite(sqlite) => f(&mut Connection::sqlite(&lock(&sqlite.writer))),
            Inner::Postgres(pg) => pg.write(f),
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }

    /// Runs `f` in a read transaction on a read-only connection (the writer
    /// for an in-memory database); it sees one committed state throughout.
    pub async fn read<R, F>(&self, f: F) -> Result<R, DbError>
    where
        F: FnOnce(&Connection<'_>) -> Result<R, DbError> + Send + 'static,
        R: Send + 'static,
    {
        let free = match &*self.inner {
            Inner::Sqlite(sqlite) if !sqlite.pooled => {
                return self.write(move |conn| in_read_transaction(conn, f)).await;
            }
            Inner::Sqlite(sqlite) => &sqlite.free,
            Inner::Postgres(pg) => &pg.free,
        };
        let _permit = free
            .acquire()
            .await
            .map_err(|e| DbError::Task(e.to_string()))?;
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || match &*inner {
            Inner::Sqlite(sqlite) => {
                let conn = lock(&sqlite.readers)
                    .pop()
                    .expect("a permit stands for an idle reader");
                let result = in_read_transaction(&mut Connection::sqlite(&conn), f);
                lock(&sqlite.readers).push(conn);
                result
            }
            Inner::Postgres(pg) => pg.read(f),
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }
}

impl Db {
    /// On PostgreSQL, a connection of the caller's own, outside the write
    /// lock and the read pool; `None` on SQLite, where one writer does all.
    pub fn dedicated(&self) -> Option<Dedicated> {
        match &*self.inner {
            Inner::Sqlite(_) => None,
            Inner::Postgres(pg) => Some(Dedicated {
                conn: Some(pg::PgConn::unconnected()),
                config: pg.config().clone(),
            }),
        }
    }
}

/// A PostgreSQL connection that belongs to one task (see
/// [`Db::dedicated`]). Statements run one closure at a time on the blocking
/// pool; a transaction begun in one stays open for the next, so a task can
/// hold row locks while it awaits something else. Dropping it closes the
/// connection, which rolls back whatever was left open.
pub struct Dedicated {
    /// `None` only while a closure runs.
    conn: Option<pg::PgConn>,
    config: postgres::Config,
}

impl Dedicated {
    /// Closes the connection (rolling back whatever it left open); the next
    /// [`Dedicated::run`] opens a new one.
    pub fn reset(&mut self) {
        self.conn = None;
    }

    /// Runs `f` on this connection (connecting first if needed).
    pub async fn run<R, F>(&mut self, f: F) -> Result<R, DbError>
    where
        F: FnOnce(&mut Connection<'_>) -> Result<R, DbError> + Send + 'static,
        R: Send + 'static,
    {
        let conn = self.conn.take().unwrap_or_else(pg::PgConn::unconnected);
        let config = self.config.clone();
        let (conn, result) = tokio::task::spawn_blocking(move || {
            let cell = RefCell::new(conn);
            let ready = cell.borrow_mut().ready(&config);
            let result = ready.and_then(|()| f(&mut Connection::postgres(&cell)));
            (cell.into_inner(), result)
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?;
        self.conn = Some(conn);
        result
    }
}

const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// A read-only connection to the (already migrated) database file.
pub(crate) fn open_reader(path: &Path) -> Result<rusqlite::Connection, DbError> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// `f` in a read transaction: on a pooled reader, or on the writer of an
/// in-memory database.
fn in_read_transaction<R>(
    conn: &mut Connection<'_>,
    f: impl FnOnce(&Connection<'_>) -> Result<R, DbError>,
) -> Result<R, DbError> {
    let tx = conn.transaction()?;
    let result = f(&tx)?;
    tx.commit()?;
    Ok(result)
}

/// A panic in an earlier query poisons the lock but leaves the connection
/// itself usable: SQLite rolls back unfinished work.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn migrate(conn: &mut rusqlite::Connection) -> Result<(), DbError> {
    let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(DbError::TooNew { found: current });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as u32 + 1)?;
        tx.commit()?;
        tracing::info!(migration = index + 1, "applied database migration");
    }
    Ok(())
}

/// The engine's own version, e.g. `3.50.2` or `15.14`.
pub fn engine_version(conn: &Connection<'_>) -> Result<String, DbError> {
    conn.query_row(
        match conn.engine() {
            Engine::Sqlite => "SELECT sqlite_version()",
            Engine::Postgres => "SELECT current_setting('server_version')",
        },
        [],
        |row| row.get(0),
    )
}

/// How many migrations the database has had.
pub fn schema_version(conn: &Connection<'_>) -> Result<u32, DbError> {
    conn.query_row(
        match conn.engine() {
            Engine::Sqlite => "PRAGMA user_version",
            Engine::Postgres => "SELECT version FROM schema_version",
        },
        [],
        |row| row.get(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn migrations_run_once_and_record_the_schema_version() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portal.sqlite3");
        drop(Db::open(&path).unwrap());
        // A second open must not re-run (and fail on) the CREATE TABLEs.
        drop(Db::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn contact_information_saved_before_the_yearly_review_counts_as_reviewed_when_saved() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portal.sqlite3");
        // A database of the first release, with saved contact information.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO accounts (id, partner_id, display_name, created_at) VALUES (1, 'P-1', 'Old', 0);
             INSERT INTO contact_info (account_id, data, version, updated_by_name, updated_at)
             VALUES (1, '{}', 4, 'Ana', 1700000000);",
        )
        .unwrap();
        drop(conn);
        drop(Db::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        let reviewed: (i64, String) = conn
            .query_row(
                "SELECT reviewed_at, reviewed_by_name FROM contact_info WHERE account_id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(reviewed, (1_700_000_000, "Ana".to_owned()));
    }

    #[test]
    fn a_database_from_a_newer_server_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portal.sqlite3");
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        assert!(matches!(Db::open(&path), Err(DbError::TooNew { .. })));
    }
}
