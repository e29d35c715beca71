//! Bulk writes for imports: a few hundred rows per statement instead of one per row, which is
//! most of the cost on a database across the network. SQLite takes a multi-row INSERT (diesel's
//! batch insert does not compile through the two-database connection, so the statement is
//! written here); PostgreSQL takes COPY.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Integer, Nullable, Text, Timestamp};

use crate::db::DbConnection;
use crate::db::bulk::{SQLITE_MAX_BINDS, placeholders};
use crate::error::ApiError;

/// Rows per statement: as many as SQLite's bind limit allows (16 values a row); COPY has no such
/// limit, and PostgreSQL gains from larger batches (measured: 5 000 rows loaded 1.5 times faster
/// than 500).
pub fn batch_size(conn: &DbConnection) -> usize {
    match conn {
        DbConnection::Sqlite(_) => SQLITE_MAX_BINDS / 16,
        DbConnection::Postgresql(_) => 5_000,
    }
}

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
            let sql = format!("{COLUMNS}{} RETURNING id", placeholders(rows.len(), 16));
            bind_participants!(diesel::sql_query(sql).into_boxed::<diesel::sqlite::Sqlite>(), school_id, rows, now).load(c)?
        }
        DbConnection::Postgresql(c) => return copy_participants(c, school_id, rows, now),
    };
    Ok(ids.into_iter().map(|i| i.id).collect())
}

/// PostgreSQL loads fastest with COPY; COPY returns no ids, so they are taken from the
/// sequence first and written explicitly.
fn copy_participants(conn: &mut diesel::PgConnection, school_id: i64, rows: &[NewRow], now: NaiveDateTime) -> Result<Vec<i64>, ApiError> {
    let ids: Vec<Id> = diesel::sql_query("SELECT nextval(pg_get_serial_sequence('participants', 'id')) AS id FROM generate_series(1, $1)")
        .bind::<BigInt, _>(rows.len() as i64)
        .load(conn)?;
    let ids: Vec<i64> = ids.into_iter().map(|i| i.id).collect();
    let copied: Vec<CopyParticipant> = rows
        .iter()
        .zip(&ids)
        .map(|(r, id)| CopyParticipant {
            id: *id,
            school_id,
            external_id: r.external_id.clone(),
            kind: r.kind.to_owned(),
            last_name: Some(r.last_name.clone()),
            first_name: Some(r.first_name.clone()),
            middle_name: r.middle_name.clone(),
            search_key: Some(r.search_key.clone()),
            birth_date: r.birth_date,
            birth_year: r.birth_year,
            grade: r.grade,
            class_letter: r.class_letter.clone(),
            phone: r.phone.clone(),
            email: r.email.clone(),
            notes: r.notes.clone(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    diesel::copy_from(crate::db::schema::participants::table).from_insertable(&copied).execute(conn)?;
    Ok(ids)
}

#[derive(Insertable)]
#[diesel(table_name = crate::db::schema::participants, treat_none_as_default_value = false)]
struct CopyParticipant {
    id: i64,
    school_id: i64,
    external_id: Option<String>,
    kind: String,
    last_name: Option<String>,
    first_name: Option<String>,
    middle_name: Option<String>,
    search_key: Option<String>,
    birth_date: Option<NaiveDate>,
    birth_year: Option<i32>,
    grade: Option<i32>,
    class_letter: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    notes: Option<String>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}
