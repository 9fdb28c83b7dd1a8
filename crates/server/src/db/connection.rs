//! One connection to either engine, with the few operations the store uses,
//! shaped like rusqlite's so that a query reads the same whichever engine
//! runs it (see [`crate::db`] for why).

use std::cell::RefCell;

use rusqlite::types::{ToSqlOutput, ValueRef};

use super::DbError;
use super::pg::PgConn;

/// Which engine a connection talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// As the health report names it.
    pub fn as_str(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgresql",
        }
    }
}

/// A connection handed to a [`crate::db::Db::read`] or
/// [`crate::db::Db::write`] closure. Statements are written once, in SQLite's
/// dialect with numbered parameters (`?1`); on PostgreSQL they become `$1`.
pub struct Connection<'c> {
    engine: Inner<'c>,
}

enum Inner<'c> {
    Sqlite(&'c rusqlite::Connection),
    Postgres(&'c RefCell<PgConn>),
}

impl<'c> Connection<'c> {
    pub(super) fn sqlite(conn: &'c rusqlite::Connection) -> Self {
        Self {
            engine: Inner::Sqlite(conn),
        }
    }

    pub(super) fn postgres(conn: &'c RefCell<PgConn>) -> Self {
        Self {
            engine: Inner::Postgres(conn),
        }
    }

    pub fn engine(&self) -> Engine {
        match self.engine {
            Inner::Sqlite(_) => Engine::Sqlite,
            Inner::Postgres(_) => Engine::Postgres,
        }
    }

    /// Runs one statement; returns how many rows it changed.
    pub fn execute<P: Params>(&self, sql: &str, params: P) -> Result<usize, DbError> {
        match self.engine {
            Inner::Sqlite(conn) => Ok(conn.execute(sql, sqlite_params(&params))?),
            Inner::Postgres(conn) => {
                let changed = conn.borrow_mut().execute(sql, &params.values())?;
                usize::try_from(changed).map_err(|e| DbError::Conversion(e.to_string()))
            }
        }
    }

    /// The first row `sql` answers, read by `f`; [`DbError::NoRows`] if none.
    pub fn query_row<T, P, F>(&self, sql: &str, params: P, f: F) -> Result<T, DbError>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> Result<T, DbError>,
    {
        match self.engine {
            Inner::Sqlite(conn) => sqlite_row(&mut conn.prepare(sql)?, &params, f),
            Inner::Postgres(conn) => {
                let rows = conn.borrow_mut().query(sql, &params.values())?;
                let row = rows.first().ok_or(DbError::NoRows)?;
                f(&Row::postgres(row))
            }
        }
    }

    /// A statement to run once or more; on SQLite compiled at once.
    pub fn prepare(&self, sql: &str) -> Result<Statement<'_>, DbError> {
        Ok(Statement {
            inner: match self.engine {
                Inner::Sqlite(conn) => StatementInner::Sqlite(conn.prepare(sql)?),
                Inner::Postgres(conn) => StatementInner::Postgres(conn, sql.to_owned()),
            },
        })
    }

    /// As [`Connection::prepare`], from the connection's statement cache.
    pub fn prepare_cached(&self, sql: &str) -> Result<Statement<'_>, DbError> {
        Ok(Statement {
            inner: match self.engine {
                Inner::Sqlite(conn) => StatementInner::SqliteCached(conn.prepare_cached(sql)?),
                Inner::Postgres(conn) => StatementInner::Postgres(conn, sql.to_owned()),
            },
        })
    }

    /// The id of the row the last `INSERT` on this connection created. On
    /// PostgreSQL it is asked for (`lastval()`), and a failure is an error,
    /// never a made-up id.
    pub fn last_insert_rowid(&self) -> Result<i64, DbError> {
        match self.engine {
            Inner::Sqlite(conn) => Ok(conn.last_insert_rowid()),
            Inner::Postgres(conn) => {
                let rows = conn.borrow_mut().query("SELECT lastval()", &[])?;
                let row = rows.first().ok_or(DbError::NoRows)?;
                Ok(row.try_get::<_, i64>(0)?)
            }
        }
    }

    /// Runs several statements without parameters.
    pub fn execute_batch(&self, sql: &str) -> Result<(), DbError> {
        match self.engine {
            Inner::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Inner::Postgres(conn) => conn.borrow_mut().batch(sql),
        }
    }

    /// Starts a transaction (deferred on SQLite); dropping it uncommitted
    /// rolls it back.
    pub fn transaction(&mut self) -> Result<Transaction<'_, 'c>, DbError> {
        self.execute_batch(match self.engine {
            Inner::Sqlite(_) => "BEGIN DEFERRED",
            Inner::Postgres(_) => "BEGIN",
        })?;
        Ok(Transaction {
            conn: self,
            done: false,
        })
    }

    fn in_transaction(&self) -> bool {
        match self.engine {
            Inner::Sqlite(conn) => !conn.is_autocommit(),
            Inner::Postgres(_) => true,
        }
    }
}

/// A transaction in progress; it derefs to its connection.
pub struct Transaction<'t, 'c> {
    conn: &'t mut Connection<'c>,
    done: bool,
}

impl Transaction<'_, '_> {
    pub fn commit(mut self) -> Result<(), DbError> {
        self.conn.execute_batch("COMMIT")?;
        self.done = true;
        Ok(())
    }
}

impl<'c> std::ops::Deref for Transaction<'_, 'c> {
    type Target = Connection<'c>;

    fn deref(&self) -> &Connection<'c> {
        self.conn
    }
}

impl Drop for Transaction<'_, '_> {
    fn drop(&mut self) {
        if !self.done && self.conn.in_transaction() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
    }
}

/// A prepared statement.
pub struct Statement<'a> {
    inner: StatementInner<'a>,
}

enum StatementInner<'a> {
    Sqlite(rusqlite::Statement<'a>),
    SqliteCached(rusqlite::CachedStatement<'a>),
    Postgres(&'a RefCell<PgConn>, String),
}

impl Statement<'_> {
    pub fn query_row<T, P, F>(&mut self, params: P, f: F) -> Result<T, DbError>
    where
        P: Params,
        F: FnOnce(&Row<'_>) -> Result<T, DbError>,
    {
        match &mut self.inner {
            StatementInner::Sqlite(statement) => sqlite_row(statement, &params, f),
            StatementInner::SqliteCached(statement) => sqlite_row(statement, &params, f),
            StatementInner::Postgres(conn, sql) => {
                let rows = conn.borrow_mut().query(sql, &params.values())?;
                let row = rows.first().ok_or(DbError::NoRows)?;
                f(&Row::postgres(row))
            }
        }
    }

    /// Every row, each read by `f`.
    pub fn query_map<T, P, F>(
        &mut self,
        params: P,
        mut f: F,
    ) -> Result<std::vec::IntoIter<Result<T, DbError>>, DbError>
    where
        P: Params,
        F: FnMut(&Row<'_>) -> Result<T, DbError>,
    {
        let rows: Vec<Result<T, DbError>> = match &mut self.inner {
            StatementInner::Sqlite(statement) => sqlite_rows(statement, &params, f)?,
            StatementInner::SqliteCached(statement) => sqlite_rows(statement, &params, f)?,
            StatementInner::Postgres(conn, sql) => conn
                .borrow_mut()
                .query(sql, &params.values())?
                .iter()
                .map(|row| f(&Row::postgres(row)))
                .collect(),
        };
        Ok(rows.into_iter())
    }
}

fn sqlite_params<P: Params>(params: &P) -> impl rusqlite::Params + '_ {
    rusqlite::params_from_iter(params.values().into_iter().map(ToSqlOutput::Borrowed))
}

fn sqlite_row<T, P: Params>(
    statement: &mut rusqlite::Statement<'_>,
    params: &P,
    f: impl FnOnce(&Row<'_>) -> Result<T, DbError>,
) -> Result<T, DbError> {
    match statement.query_row(sqlite_params(params), |row| Ok(f(&Row::sqlite(row)))) {
        Ok(result) => result,
        Err(rusqlite::Error::QueryReturnedNoRows) => Err(DbError::NoRows),
        Err(e) => Err(e.into()),
    }
}

fn sqlite_rows<T, P: Params>(
    statement: &mut rusqlite::Statement<'_>,
    params: &P,
    mut f: impl FnMut(&Row<'_>) -> Result<T, DbError>,
) -> Result<Vec<Result<T, DbError>>, DbError> {
    let mut out = Vec::new();
    let mut rows = statement.query(sqlite_params(params))?;
    while let Some(row) = rows.next()? {
        out.push(f(&Row::sqlite(row)));
    }
    Ok(out)
}

/// One row of an answer.
pub struct Row<'r> {
    inner: RowInner<'r>,
}

enum RowInner<'r> {
    Sqlite(&'r rusqlite::Row<'r>),
    Postgres(&'r postgres::Row),
}

impl<'r> Row<'r> {
    fn sqlite(row: &'r rusqlite::Row<'r>) -> Self {
        Self {
            inner: RowInner::Sqlite(row),
        }
    }

    fn postgres(row: &'r postgres::Row) -> Self {
        Self {
            inner: RowInner::Postgres(row),
        }
    }

    /// Column `index` (from 0) as a `T`.
    pub fn get<I: RowIndex, T: FromSql>(&self, index: I) -> Result<T, DbError> {
        let index = index.index();
        match self.inner {
            RowInner::Sqlite(row) => Ok(row.get(index)?),
            RowInner::Postgres(row) => T::from_postgres(row, index),
        }
    }
}

/// Columns are read by position.
pub trait RowIndex {
    fn index(self) -> usize;
}

impl RowIndex for usize {
    fn index(self) -> usize {
        self
    }
}

/// A Rust value a column can be read as: what rusqlite reads on SQLite, and
/// the same meaning on PostgreSQL (any integer column as an integer, a
/// boolean as 0 or 1 and the other way round).
pub trait FromSql: rusqlite::types::FromSql + Sized {
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError>;
}

fn pg_integer(row: &postgres::Row, index: usize) -> Result<i64, DbError> {
    use postgres::types::Type;
    let ty = row
        .columns()
        .get(index)
        .map(|c| c.type_().clone())
        .ok_or_else(|| DbError::Conversion(format!("no column {index}")))?;
    Ok(if ty == Type::INT4 {
        i64::from(row.try_get::<_, i32>(index)?)
    } else if ty == Type::INT2 {
        i64::from(row.try_get::<_, i16>(index)?)
    } else if ty == Type::BOOL {
        i64::from(row.try_get::<_, bool>(index)?)
    } else {
        row.try_get::<_, i64>(index)?
    })
}

macro_rules! integer_from_postgres {
    ($($t:ty),*) => {$(
        impl FromSql for $t {
            fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
                <$t>::try_from(pg_integer(row, index)?)
                    .map_err(|e| DbError::Conversion(format!("column {index}: {e}")))
            }
        }
    )*};
}

integer_from_postgres!(i64, i32, u32, u64);

impl FromSql for bool {
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        Ok(pg_integer(row, index)? != 0)
    }
}

impl FromSql for String {
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        Ok(row.try_get(index)?)
    }
}

impl FromSql for Vec<u8> {
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        Ok(row.try_get(index)?)
    }
}

impl<T: FromSql> FromSql for Option<T> {
    fn from_postgres(row: &postgres::Row, index: usize) -> Result<Self, DbError> {
        if row.try_get::<_, Nullness>(index)?.0 {
            Ok(None)
        } else {
            T::from_postgres(row, index).map(Some)
        }
    }
}

/// Whether a PostgreSQL value is NULL, whatever its type.
struct Nullness(bool);

impl<'a> postgres::types::FromSql<'a> for Nullness {
    fn from_sql(
        _: &postgres::types::Type,
        _: &'a [u8],
    ) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Nullness(false))
    }

    fn from_sql_null(
        _: &postgres::types::Type,
    ) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(Nullness(true))
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }
}

/// A Rust value a statement parameter can be: the values rusqlite binds,
/// bound as rusqlite binds them on SQLite.
pub trait ToSql {
    fn to_sql(&self) -> ValueRef<'_>;
}

macro_rules! integer_to_sql {
    ($($t:ty),*) => {$(
        impl ToSql for $t {
            fn to_sql(&self) -> ValueRef<'_> {
                ValueRef::Integer(i64::from(*self))
            }
        }
    )*};
}

integer_to_sql!(i64, i32, u32, bool);

impl ToSql for str {
    fn to_sql(&self) -> ValueRef<'_> {
        ValueRef::Text(self.as_bytes())
    }
}

impl ToSql for String {
    fn to_sql(&self) -> ValueRef<'_> {
        ValueRef::Text(self.as_bytes())
    }
}

impl ToSql for [u8] {
    fn to_sql(&self) -> ValueRef<'_> {
        ValueRef::Blob(self)
    }
}

impl ToSql for Vec<u8> {
    fn to_sql(&self) -> ValueRef<'_> {
        ValueRef::Blob(self)
    }
}

/// Any value as SQLite stored it, e.g. one read from a whole row.
impl ToSql for rusqlite::types::Value {
    fn to_sql(&self) -> ValueRef<'_> {
        self.into()
    }
}

impl<T: ToSql> ToSql for Option<T> {
    fn to_sql(&self) -> ValueRef<'_> {
        self.as_ref().map_or(ValueRef::Null, ToSql::to_sql)
    }
}

impl<T: ToSql + ?Sized> ToSql for &T {
    fn to_sql(&self) -> ValueRef<'_> {
        (**self).to_sql()
    }
}

/// A statement's parameters: `[]`, an array of one type, or [`params!`].
pub trait Params {
    fn values(&self) -> Vec<ValueRef<'_>>;
}

impl Params for [&dyn ToSql; 0] {
    fn values(&self) -> Vec<ValueRef<'_>> {
        Vec::new()
    }
}

impl Params for &[&dyn ToSql] {
    fn values(&self) -> Vec<ValueRef<'_>> {
        self.iter().map(|v| v.to_sql()).collect()
    }
}

macro_rules! array_params {
    ($($n:literal)*) => {$(
        impl<T: ToSql> Params for [T; $n] {
            fn values(&self) -> Vec<ValueRef<'_>> {
                self.iter().map(ToSql::to_sql).collect()
            }
        }
    )*};
}

array_params!(1 2 3 4 5 6 7 8);

/// Parameters of different types, as rusqlite's `params!`.
#[macro_export]
macro_rules! params {
    () => {
        &[] as &[&dyn $crate::db::ToSql]
    };
    ($($param:expr),+ $(,)?) => {
        &[$(&$param as &dyn $crate::db::ToSql),+] as &[&dyn $crate::db::ToSql]
    };
}

/// `.optional()` on a query's result: no row is `None`, as in rusqlite.
pub trait OptionalExtension<T> {
    fn optional(self) -> Result<Option<T>, DbError>;
}

impl<T> OptionalExtension<T> for Result<T, DbError> {
    fn optional(self) -> Result<Option<T>, DbError> {
        match self {
            Ok(value) => Ok(Some(value)),
            Err(DbError::NoRows) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_bind_and_read_back_on_sqlite() {
        let raw = rusqlite::Connection::open_in_memory().unwrap();
        let mut conn = Connection::sqlite(&raw);
        conn.execute_batch(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, data BLOB, n INTEGER)",
        )
        .unwrap();
        let tx = conn.transaction().unwrap();
        tx.execute(
            "INSERT INTO t (name, data, n) VALUES (?1, ?2, ?3)",
            crate::params!["a", vec![1u8, 2], None::<i64>],
        )
        .unwrap();
        assert_eq!(tx.last_insert_rowid().unwrap(), 1);
        tx.commit().unwrap();
        let row: (String, Vec<u8>, Option<i64>, bool) = conn
            .query_row(
                "SELECT name, data, n, n IS NULL FROM t WHERE id = ?1",
                [1],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .unwrap();
        assert_eq!(row, ("a".into(), vec![1, 2], None, true));
        let missing = conn
            .query_row("SELECT name FROM t WHERE id = ?1", [2], |r| {
                r.get::<_, String>(0)
            })
            .optional()
            .unwrap();
        assert_eq!(missing, None);
        {
            let _rolled_back = conn.transaction().unwrap();
            _rolled_back.execute("DELETE FROM t", []).unwrap();
        }
        let mut statement = conn.prepare_cached("SELECT id FROM t ORDER BY id").unwrap();
        let ids = statement
            .query_map([], |r| r.get::<_, i64>(0))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        assert_eq!(ids, vec![1]);
    }
}
