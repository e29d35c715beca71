//! Many rows into any table in few statements, on either database: what builds a region of 500
//! schools and 200 000 students in seconds instead of the hours one INSERT a row would take.
//! Rows carry their ids (handed out from the table's current maximum), so that children can
//! point at parents before anything is read back.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::QueryableByName;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Date, Integer, Text, Timestamp};

use crate::db::DbConnection;
use crate::db::bulk::{SQLITE_MAX_BINDS, placeholders};
use crate::error::ApiError;

/// One value of a row. There is no NULL: a column left NULL is simply not listed (a typed NULL
/// of the wrong type is refused by PostgreSQL).
#[derive(Debug, Clone)]
pub enum V {
    I(i64),
    I32(i32),
    T(String),
    D(NaiveDate),
    Ts(NaiveDateTime),
    B(bool),
}

impl From<i64> for V {
    fn from(v: i64) -> Self {
        V::I(v)
    }
}
impl From<i32> for V {
    fn from(v: i32) -> Self {
        V::I32(v)
    }
}
impl From<&str> for V {
    fn from(v: &str) -> Self {
        V::T(v.to_owned())
    }
}
impl From<String> for V {
    fn from(v: String) -> Self {
        V::T(v)
    }
}
impl From<NaiveDate> for V {
    fn from(v: NaiveDate) -> Self {
        V::D(v)
    }
}
impl From<NaiveDateTime> for V {
    fn from(v: NaiveDateTime) -> Self {
        V::Ts(v)
    }
}
impl From<bool> for V {
    fn from(v: bool) -> Self {
        V::B(v)
    }
}

/// Rows waiting for one table.
pub struct Batch {
    pub table: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<V>>,
}

impl Batch {
    pub fn new(table: &'static str, columns: &'static [&'static str]) -> Self {
        Self { table, columns, rows: Vec::new() }
    }

    pub fn push(&mut self, row: Vec<V>) {
        debug_assert_eq!(row.len(), self.columns.len(), "{}", self.table);
        self.rows.push(row);
    }

    /// Writes the rows waiting and forgets them.
    pub fn flush(&mut self, conn: &mut DbConnection) -> Result<usize, ApiError> {
        let n = self.rows.len();
        let width = self.columns.len();
        for chunk in self.rows.chunks(SQLITE_MAX_BINDS / width) {
            let head = format!("INSERT INTO {} ({}) VALUES ", self.table, self.columns.join(", "));
            match conn {
                DbConnection::Sqlite(c) => {
                    let mut q = diesel::sql_query(head + &placeholders(chunk.len(), width)).into_boxed::<diesel::sqlite::Sqlite>();
                    for v in chunk.iter().flatten() {
                        q = match v {
                            V::I(x) => q.bind::<BigInt, _>(*x),
                            V::I32(x) => q.bind::<Integer, _>(*x),
                            V::T(s) => q.bind::<Text, _>(s.as_str()),
                            V::D(d) => q.bind::<Date, _>(*d),
                            V::Ts(t) => q.bind::<Timestamp, _>(*t),
                            V::B(b) => q.bind::<Bool, _>(*b),
                        };
                    }
                    q.execute(c)?;
                }
                DbConnection::Postgresql(c) => {
                    let mut n = 0;
                    let values: Vec<String> = chunk
                        .iter()
                        .map(|_| {
                            let row: Vec<String> = (0..width).map(|_| {
                                n += 1;
                                format!("${n}")
                            }).collect();
                            format!("({})", row.join(","))
                        })
                        .collect();
                    let mut q = diesel::sql_query(head + &values.join(",")).into_boxed::<diesel::pg::Pg>();
                    for v in chunk.iter().flatten() {
                        q = match v {
                            V::I(x) => q.bind::<BigInt, _>(*x),
                            V::I32(x) => q.bind::<Integer, _>(*x),
                            V::T(s) => q.bind::<Text, _>(s.as_str()),
                            V::D(d) => q.bind::<Date, _>(*d),
                            V::Ts(t) => q.bind::<Timestamp, _>(*t),
                            V::B(b) => q.bind::<Bool, _>(*b),
                        };
                    }
                    q.execute(c)?;
                }
            }
        }
        self.rows.clear();
        Ok(n)
    }
}

#[derive(QueryableByName)]
struct Max {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The largest id in a table (0 when empty): ids above it are free.
pub fn max_id(conn: &mut DbConnection, table: &str) -> Result<i64, ApiError> {
    let row: Max = diesel::sql_query(format!("SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) AS n FROM {table}")).get_result(conn)?;
    Ok(row.n)
}

/// After rows were written with their own ids, PostgreSQL's identity must move past them (SQLite's
/// AUTOINCREMENT does so by itself).
pub fn catch_up_sequence(conn: &mut DbConnection, table: &str) -> Result<(), ApiError> {
    if let DbConnection::Postgresql(_) = conn {
        diesel::sql_query(format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")).execute(conn)?;
    }
    Ok(())
}
