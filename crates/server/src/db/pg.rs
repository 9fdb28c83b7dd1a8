//! The PostgreSQL engine: connections that reconnect, the pool of readers,
//! the one writer per server, the cluster-wide write lock and migrations.
//!
//! The `postgres` client runs its own small runtime and blocks on it, so
//! it is only ever used on the blocking pool (or a thread of its own), never
//! on the async runtime's threads: connecting, querying and dropping alike.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Mutex;

use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, NoTls};
use rusqlite::types::ValueRef;
use tokio::sync::Semaphore;

use super::{Connection, DbError, SCHEMA_VERSION, lock};

/// Schema migrations for PostgreSQL, one for each of SQLite's and of the
/// same meaning, applied in the same order. `schema_version` records how
/// many have run.
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/0001_schema.sql"),
    include_str!("../../migrations/postgres/0002_review.sql"),
    include_str!("../../migrations/postgres/0003_address_verification.sql"),
    include_str!("../../migrations/postgres/0004_warning_dismissals.sql"),
    include_str!("../../migrations/postgres/0005_throttle.sql"),
];

const _: () = assert!(MIGRATIONS.len() as u32 == SCHEMA_VERSION);

/// Advisory lock keys ("portal" in ASCII, then which lock). Advisory locks
/// belong to one database, so servers of different databases never meet.
const WRITE_LOCK: i64 = 0x706f_7274_616c_0001;
const MIGRATION_LOCK: i64 = 0x706f_7274_616c_0002;

/// Waiting longer than this for a lock (the cluster-wide writer, a row)
/// fails the request, as SQLite's busy timeout does.
const LOCK_TIMEOUT: &str = "5s";

/// One connection, opened on first use and again after it broke, with the
/// statements it has prepared.
pub struct PgConn {
    client: Option<Client>,
    statements: HashMap<String, postgres::Statement>,
}

impl PgConn {
    pub(super) fn unconnected() -> Self {
        Self {
            client: None,
            statements: HashMap::new(),
        }
    }

    /// Connects if this connection never did or has broken since.
    pub(super) fn ready(&mut self, config: &postgres::Config) -> Result<(), DbError> {
        if self.client.as_ref().is_some_and(|c| !c.is_closed()) {
            return Ok(());
        }
        self.statements.clear();
        // A broken client is dropped here, on a blocking thread.
        self.client = None;
        let mut client = config.connect(NoTls)?;
        client.batch_execute(&format!("SET lock_timeout = '{LOCK_TIMEOUT}'"))?;
        self.client = Some(client);
        Ok(())
    }

    fn client(&mut self) -> Result<&mut Client, DbError> {
        self.client
            .as_mut()
            .ok_or_else(|| DbError::Task("the PostgreSQL connection is not open".into()))
    }

    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, DbError> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client()?.prepare(&placeholders(sql))?;
        self.statements.insert(sql.to_owned(), statement.clone());
        Ok(statement)
    }

    pub(super) fn query(
        &mut self,
        sql: &str,
        values: &[ValueRef<'_>],
    ) -> Result<Vec<postgres::Row>, DbError> {
        let statement = self.statement(sql)?;
        let params = params(values);
        Ok(self.client()?.query(&statement, &refs(&params))?)
    }

    pub(super) fn execute(&mut self, sql: &str, values: &[ValueRef<'_>]) -> Result<u64, DbError> {
        let statement = self.statement(sql)?;
        let params = params(values);
        Ok(self.client()?.execute(&statement, &refs(&params))?)
    }

    pub(super) fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        Ok(self.client()?.batch_execute(sql)?)
    }
}

/// The values of a statement, as PostgreSQL parameters.
fn params<'a>(values: &[ValueRef<'a>]) -> Vec<Param<'a>> {
    values.iter().map(|v| Param(*v)).collect()
}

/// The references the client takes for `params`.
fn refs<'p>(params: &'p [Param<'_>]) -> Vec<&'p (dyn ToSql + Sync)> {
    params.iter().map(|p| p as &(dyn ToSql + Sync)).collect()
}

impl Drop for PgConn {
    fn drop(&mut self) {
        // The client blocks on its own runtime while closing, which must not
        // happen on a thread of the async runtime.
        if let Some(client) = self.client.take()
            && tokio::runtime::Handle::try_current().is_ok()
        {
            let _ = std::thread::Builder::new()
                .name("postgres-close".into())
                .spawn(move || drop(client));
        }
    }
}

/// `?1` → `$1`, outside string literals: statements are written once, in
/// SQLite's spelling.
pub fn placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        }
        if c == '?' && !quoted && chars.peek().is_some_and(char::is_ascii_digit) {
            out.push('$');
        } else {
            out.push(c);
        }
    }
    out
}

/// A parameter as SQLite would bind it, converted to the type PostgreSQL
/// inferred for its place (an integer into `int4` or `boolean` too).
#[derive(Debug)]
struct Param<'a>(ValueRef<'a>);

impl ToSql for Param<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self.0 {
            ValueRef::Null => Ok(IsNull::Yes),
            ValueRef::Integer(i) if *ty == Type::INT4 => i32::try_from(i)?.to_sql(ty, out),
            ValueRef::Integer(i) if *ty == Type::INT2 => i16::try_from(i)?.to_sql(ty, out),
            ValueRef::Integer(i) if *ty == Type::BOOL => (i != 0).to_sql(ty, out),
            ValueRef::Integer(i) => i.to_sql(ty, out),
            ValueRef::Real(f) => f.to_sql(ty, out),
            ValueRef::Text(text) => std::str::from_utf8(text)?.to_sql(ty, out),
            ValueRef::Blob(bytes) => bytes.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// The PostgreSQL side of [`super::Db`].
pub struct PgDb {
    config: postgres::Config,
    writer: Mutex<RefCell<PgConn>>,
    /// Idle read connections; `free` counts the places in the pool, so a
    /// reader waits asynchronously instead of occupying a thread.
    readers: Mutex<Vec<PgConn>>,
    pub(super) free: Semaphore,
}

impl PgDb {
    /// Connects, brings the schema up to date and fills the pool. Runs on a
    /// thread of its own: it may be called from async code.
    pub fn open(url: &str) -> Result<Self, DbError> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| DbError::Url(e.to_string()))?;
        std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let mut writer = PgConn::unconnected();
                    writer.ready(&config)?;
                    migrate(&mut writer)?;
                    let cores =
                        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
                    let readers = cores.max(2);
                    Ok(Self {
                        free: Semaphore::new(readers),
                        readers: Mutex::new((0..readers).map(|_| PgConn::unconnected()).collect()),
                        writer: Mutex::new(RefCell::new(writer)),
                        config: config.clone(),
                    })
                })
                .join()
                .map_err(|_| DbError::Task("connecting to PostgreSQL panicked".into()))?
        })
    }

    /// How this server connects, for a connection of its own.
    pub fn config(&self) -> &postgres::Config {
        &self.config
    }

    /// Runs `f` with the writer, holding the cluster-wide write lock: one
    /// writer at a time across every server on this database, as SQLite has
    /// one writer at a time. Call on the blocking pool.
    pub fn write<R>(
        &self,
        f: impl FnOnce(&mut Connection<'_>) -> Result<R, DbError>,
    ) -> Result<R, DbError> {
        let writer = lock(&self.writer);
        writer.borrow_mut().ready(&self.config)?;
        writer
            .borrow_mut()
            .batch(&format!("SELECT pg_advisory_lock({WRITE_LOCK})"))?;
        let unlock = Unlock(&writer);
        let result = f(&mut Connection::postgres(&writer));
        drop(unlock);
        result
    }

    /// Runs `f` in a read-only transaction that sees one committed state
    /// throughout. Call on the blocking pool with a permit of `free`.
    pub fn read<R>(
        &self,
        f: impl FnOnce(&Connection<'_>) -> Result<R, DbError>,
    ) -> Result<R, DbError> {
        // A connection lost to a panic is replaced by a new one.
        let conn = lock(&self.readers)
            .pop()
            .unwrap_or_else(PgConn::unconnected);
        let cell = RefCell::new(conn);
        let result = (|| {
            cell.borrow_mut().ready(&self.config)?;
            cell.borrow_mut()
                .batch("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")?;
            match f(&Connection::postgres(&cell)) {
                Ok(value) => {
                    cell.borrow_mut().batch("COMMIT")?;
                    Ok(value)
                }
                Err(e) => {
                    let _ = cell.borrow_mut().batch("ROLLBACK");
                    Err(e)
                }
            }
        })();
        lock(&self.readers).push(cell.into_inner());
        result
    }
}

/// Releases the write lock however the write ended.
struct Unlock<'a>(&'a RefCell<PgConn>);

impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        let mut conn = self.0.borrow_mut();
        if conn.batch("SELECT pg_advisory_unlock_all()").is_err() {
            // A connection that cannot unlock is closed, which unlocks.
            conn.client = None;
        }
    }
}

fn migrate(conn: &mut PgConn) -> Result<(), DbError> {
    // Servers starting together take turns; the first migrates.
    conn.batch(&format!(
        "SELECT pg_advisory_lock({MIGRATION_LOCK});
         CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL);
         INSERT INTO schema_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version);"
    ))?;
    let result = apply_migrations(conn);
    let unlocked = conn.batch(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"));
    result.and(unlocked)
}

fn apply_migrations(conn: &mut PgConn) -> Result<(), DbError> {
    let current = schema_version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(DbError::TooNew { found: current });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let client = conn.client()?;
        let mut tx = client.transaction()?;
        tx.batch_execute(sql)?;
        tx.execute(
            "UPDATE schema_version SET version = $1",
            &[&(index as i64 + 1)],
        )?;
        tx.commit()?;
        tracing::info!(migration = index + 1, "applied database migration");
    }
    Ok(())
}

fn schema_version(conn: &mut PgConn) -> Result<u32, DbError> {
    let version: i64 = conn
        .client()?
        .query_one("SELECT version FROM schema_version", &[])?
        .get(0);
    u32::try_from(version).map_err(|e| DbError::Conversion(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_parameters_become_dollars_outside_literals() {
        assert_eq!(
            placeholders("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d = ?12"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d = $12"
        );
    }
}
