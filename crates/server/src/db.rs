//! The embedded SQLite database: opening, pragmas, migrations and a way to run
//! blocking queries from async handlers.

use std::path::Path;
use std::sync::{Arc, Mutex};

use rusqlite::{Connection, OpenFlags};
use tokio::sync::Semaphore;

/// Schema migrations, applied in order. `PRAGMA user_version` records how many
/// have run, so each one runs exactly once per database.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_schema.sql"),
    include_str!("../migrations/0002_review.sql"),
    include_str!("../migrations/0003_address_verification.sql"),
    include_str!("../migrations/0004_warning_dismissals.sql"),
];

/// The number of the newest migration this build knows.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

#[derive(Debug)]
pub enum DbError {
    Sqlite(rusqlite::Error),
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
        DbError::Sqlite(e)
    }
}

/// A shared handle to the database: one writer and a few readers.
///
/// SQLite allows one writer at a time, so every write goes through one
/// connection. In WAL mode readers never wait for it, so reads run on a small
/// pool of read-only connections, as many at once as there are cores, each in
/// its own transaction so a read sees one committed state. Queries run on the
/// blocking pool so they never stall the async runtime.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    writer: Mutex<Connection>,
    /// Idle read-only connections; `free` counts them, so a reader waits
    /// asynchronously instead of occupying a thread. Empty for an in-memory
    /// database, whose reads go to the writer.
    readers: Mutex<Vec<Connection>>,
    free: Semaphore,
    pooled: bool,
}

impl Db {
    /// Opens (creating if needed) the database file and brings its schema up
    /// to date, then opens one read-only connection per core.
    pub fn open(path: &Path) -> Result<Self, DbError> {
        let writer = Self::prepare(Connection::open(path)?, true)?;
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let readers = (0..cores.max(2))
            .map(|_| open_reader(path))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self::from_parts(writer, readers))
    }

    /// A private in-memory database, for tests; reads share the writer.
    pub fn open_in_memory() -> Result<Self, DbError> {
        let writer = Self::prepare(Connection::open_in_memory()?, false)?;
        Ok(Self::from_parts(writer, Vec::new()))
    }

    fn from_parts(writer: Connection, readers: Vec<Connection>) -> Self {
        Self {
            inner: Arc::new(Inner {
                free: Semaphore::new(readers.len()),
                pooled: !readers.is_empty(),
                readers: Mutex::new(readers),
                writer: Mutex::new(writer),
            }),
        }
    }

    fn prepare(mut conn: Connection, wal: bool) -> Result<Connection, DbError> {
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

    /// Runs `f` with the writer connection on the blocking thread pool. Use
    /// it for anything that changes data, and for reads that decide a write.
    pub async fn write<R, F>(&self, f: F) -> Result<R, DbError>
    where
        F: FnOnce(&mut Connection) -> Result<R, DbError> + Send + 'static,
        R: Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || f(&mut lock(&inner.writer)))
            .await
            .map_err(|e| DbError::Task(e.to_string()))?
    }

    /// Runs `f` in a read transaction on a read-only connection (the writer
    /// for an in-memory database); it sees one committed state throughout.
    pub async fn read<R, F>(&self, f: F) -> Result<R, DbError>
    where
        F: FnOnce(&Connection) -> Result<R, DbError> + Send + 'static,
        R: Send + 'static,
    {
        if !self.inner.pooled {
            return self.write(move |conn| in_read_transaction(conn, f)).await;
        }
        let _permit = self
            .inner
            .free
            .acquire()
            .await
            .map_err(|e| DbError::Task(e.to_string()))?;
        let inner = Arc::clone(&self.inner);
        tokio::task::spawn_blocking(move || {
            let mut conn = lock(&inner.readers)
                .pop()
                .expect("a permit stands for an idle reader");
            let result = in_read_transaction(&mut conn, f);
            lock(&inner.readers).push(conn);
            result
        })
        .await
        .map_err(|e| DbError::Task(e.to_string()))?
    }
}

const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// A read-only connection to the (already migrated) database file.
fn open_reader(path: &Path) -> Result<Connection, DbError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

fn in_read_transaction<R>(
    conn: &mut Connection,
    f: impl FnOnce(&Connection) -> Result<R, DbError>,
) -> Result<R, DbError> {
    let tx = conn.transaction()?;
    let result = f(&tx)?;
    tx.commit()?;
    Ok(result)
}

/// A panic in an earlier query poisons the lock but leaves the connection
/// itself usable: SQLite rolls back unfinished work.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn migrate(conn: &mut Connection) -> Result<(), DbError> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
