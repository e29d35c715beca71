//! Multi-row inserts for imports: one statement per few hundred rows instead of one per row,
//! which is most of the cost on a database across the network. Diesel's batch insert does not
//! compile through the two-database connection, so the statement is written here, once per
//! dialect (their placeholders differ).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Nullable, Text, Timestamp};

use crate::db::DbConnection;
use crate::error::ApiError;

/// Rows per statement: 16 binds each stays far below both databases' bind limits.
pub const BATCH: usize = 500;

pub struct NewRow {
    pub external_id: Option<String>,
    pub kind: &'static str,
    pub last_name: String,
    pub first_name: String,
    pub middle_name: Option<String>,
    pub search_key: String,
    pub birth_date: Option<NaiveDate>,
    pub birth_year: Option<i32>,
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

const COLUMNS: &str = "INSERT INTO participants (school_id, external_id, kind, last_name, first_name, middle_name, search_key, \
    birth_date, birth_year, grade, class_letter, phone, email, notes, created_at, updated_at) VALUES ";

fn values(rows: usize, width: usize, placeholder: impl Fn(usize) -> String) -> String {
    let mut sql = String::new();
    let mut n = 0;
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ",(" });
        for c in 0..width {
            n += 1;
            if c > 0 {
                sql.push(',');
            }
            sql.push_str(&placeholder(n));
        }
        sql.push(')');
    }
    sql
}

macro_rules! bind_participants {
    ($query:expr, $school:expr, $rows:expr, $now:expr) => {{
        let mut q = $query;
        for r in $rows {
            q = q
                .bind::<BigInt, _>($school)
                .bind::<Nullable<Text>, _>(r.external_id.clone())
                .bind::<Text, _>(r.kind)
                .bind::<Text, _>(r.last_name.clone())
                .bind::<Text, _>(r.first_name.clone())
                .bind::<Nullable<Text>, _>(r.middle_name.clone())
                .bind::<Text, _>(r.search_key.clone())
                .bind::<Nullable<Date>, _>(r.birth_date)
                .bind::<Nullable<Integer>, _>(r.birth_year)
                .bind::<Nullable<Integer>, _>(r.grade)
                .bind::<Nullable<Text>, _>(r.class_letter.clone())
                .bind::<Nullable<Text>, _>(r.phone.clone())
                .bind::<Nullable<Text>, _>(r.email.clone())
                .bind::<Nullable<Text>, _>(r.notes.clone())
                .bind::<Timestamp, _>($now)
                .bind::<Timestamp, _>($now);
        }
        q
    }};
}

/// Inserts the rows and returns their ids in the order given (both databases return the rows of
/// one INSERT … VALUES in the order of its VALUES list).
pub fn insert_participants(conn: &mut DbConnection, school_id: i64, rows: &[NewRow], now: NaiveDateTime) -> Result<Vec<i64>, ApiError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Id> = match conn {
        DbConnection::Sqlite(c) => {
            let sql = format!("{COLUMNS}{} RETURNING id", values(rows.len(), 16, |_| "?".into()));
            bind_participants!(diesel::sql_query(sql).into_boxed::<diesel::sqlite::Sqlite>(), school_id, rows, now).load(c)?
        }
        DbConnection::Postgresql(c) => {
            let sql = format!("{COLUMNS}{} RETURNING id", values(rows.len(), 16, |n| format!("${n}")));
            bind_participants!(diesel::sql_query(sql).into_boxed::<diesel::pg::Pg>(), school_id, rows, now).load(c)?
        }
    };
    Ok(ids.into_iter().map(|i| i.id).collect())
}

/// One audit entry per id, in one statement.
pub fn audit(conn: &mut DbConnection, school_id: i64, actor: &str, action: &str, ids: &[i64], now: NaiveDateTime) -> Result<(), ApiError> {
    if ids.is_empty() {
        return Ok(());
    }
    let head = "INSERT INTO audit_log (organization_id, actor, action, entity, entity_id, at) VALUES ";
    macro_rules! bind_audit {
        ($query:expr) => {{
            let mut q = $query;
            for id in ids {
                q = q
                    .bind::<BigInt, _>(school_id)
                    .bind::<Text, _>(actor.to_owned())
                    .bind::<Text, _>(action.to_owned())
                    .bind::<Text, _>("participant")
                    .bind::<BigInt, _>(*id)
                    .bind::<Timestamp, _>(now);
            }
            q
        }};
    }
    match conn {
        DbConnection::Sqlite(c) => {
            let sql = format!("{head}{}", values(ids.len(), 6, |_| "?".into()));
            bind_audit!(diesel::sql_query(sql).into_boxed::<diesel::sqlite::Sqlite>()).execute(c)?;
        }
        DbConnection::Postgresql(c) => {
            let sql = format!("{head}{}", values(ids.len(), 6, |n| format!("${n}")));
            bind_audit!(diesel::sql_query(sql).into_boxed::<diesel::pg::Pg>()).execute(c)?;
        }
    }
    Ok(())
}
