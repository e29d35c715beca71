//! Bulk writes for imports: a few thousand rows per statement instead of one per row, which is
//! most of the cost on a database across the network. SQLite takes a multi-row INSERT (diesel's
//! batch insert does not compile through the two-database connection, so the statement is
//! written here); PostgreSQL takes COPY, and changed records go through a staging table into one
//! UPDATE.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::query_builder::{BoxedSqlQuery, SqlQuery};
use diesel::sql_types::{BigInt, Date, Integer, Nullable, Text};
use diesel::sqlite::Sqlite;

use crate::db::DbConnection;
use crate::db::bulk::{SQLITE_MAX_BINDS, placeholders};
use crate::db::schema::{consents, participants as p};
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

/// The fields of a participant an import sets.
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

/// A parent's consent to processing that the file gives: given on that day, by that person.
pub type FileConsent = (NaiveDate, Option<String>);

/// An existing record the file changes.
pub struct Change {
    pub id: i64,
    pub row: NewRow,
    pub consent: Option<FileConsent>,
}

#[derive(QueryableByName)]
struct Id {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

const COLUMNS: &str = "INSERT INTO participants (school_id, external_id, kind, last_name, first_name, middle_name, search_key, \
    birth_date, birth_year, grade, class_letter, phone, email, notes, created_at, updated_at) VALUES ";

/// The rows as one multi-row INSERT, bound by reference rather than copied cell by cell into the
/// statement. The timestamps go in as text, formatted once for all the rows, the way diesel
/// writes a `Timestamp` to SQLite (`%F %T%.f`), so they read back the same.
fn sqlite_insert<'a>(school_id: i64, rows: &'a [NewRow], now: &'a str) -> BoxedSqlQuery<'a, Sqlite, SqlQuery> {
    let sql = format!("{COLUMNS}{} RETURNING id", placeholders(rows.len(), 16));
    let mut q = diesel::sql_query(sql).into_boxed::<Sqlite>();
    for r in rows {
        q = q
            .bind::<BigInt, _>(school_id)
            .bind::<Nullable<Text>, _>(r.external_id.as_deref())
            .bind::<Text, _>(r.kind)
            .bind::<Text, _>(r.last_name.as_str())
            .bind::<Text, _>(r.first_name.as_str())
            .bind::<Nullable<Text>, _>(r.middle_name.as_deref())
            .bind::<Text, _>(r.search_key.as_str())
            .bind::<Nullable<Date>, _>(r.birth_date)
            .bind::<Nullable<Integer>, _>(r.birth_year)
            .bind::<Nullable<Integer>, _>(r.grade)
            .bind::<Nullable<Text>, _>(r.class_letter.as_deref())
            .bind::<Nullable<Text>, _>(r.phone.as_deref())
            .bind::<Nullable<Text>, _>(r.email.as_deref())
            .bind::<Nullable<Text>, _>(r.notes.as_deref())
            .bind::<Text, _>(now)
            .bind::<Text, _>(now);
    }
    q
}

/// Inserts the rows and returns their ids in the order given (SQLite returns the rows of one
/// INSERT … VALUES in the order of its VALUES list).
pub fn insert_participants(conn: &mut DbConnection, school_id: i64, rows: &[NewRow], now: NaiveDateTime) -> Result<Vec<i64>, ApiError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<Id> = match conn {
        DbConnection::Sqlite(c) => {
            let now = now.format("%F %T%.f").to_string();
            sqlite_insert(school_id, rows, &now).load(c)?
        }
        DbConnection::Postgresql(c) => return copy_participants(c, school_id, rows, now),
    };
    Ok(ids.into_iter().map(|i| i.id).collect())
}

/// PostgreSQL loads fastest with COPY; COPY returns no ids, so they are taken from the
/// sequence first and written explicitly. The sequence is looked up once (`OFFSET 0` keeps the
/// planner from folding the lookup into every row: done per row, it cost a fifth of the import).
fn copy_participants(conn: &mut diesel::PgConnection, school_id: i64, rows: &[NewRow], now: NaiveDateTime) -> Result<Vec<i64>, ApiError> {
    let ids: Vec<Id> = diesel::sql_query(
        "SELECT nextval(s.seq) AS id FROM (SELECT pg_get_serial_sequence('participants', 'id')::regclass AS seq OFFSET 0) s, generate_series(1, $1)",
    )
        .bind::<BigInt, _>(rows.len() as i64)
        .load(conn)?;
    let ids: Vec<i64> = ids.into_iter().map(|i| i.id).collect();
    let copied: Vec<CopyParticipant> = rows
        .iter()
        .zip(&ids)
        .map(|(r, id)| CopyParticipant {
            id: *id,
            school_id,
            external_id: r.external_id.as_deref(),
            kind: r.kind,
            last_name: Some(&r.last_name),
            first_name: Some(&r.first_name),
            middle_name: r.middle_name.as_deref(),
            search_key: Some(&r.search_key),
            birth_date: r.birth_date,
            birth_year: r.birth_year,
            grade: r.grade,
            class_letter: r.class_letter.as_deref(),
            phone: r.phone.as_deref(),
            email: r.email.as_deref(),
            notes: r.notes.as_deref(),
            created_at: now,
            updated_at: now,
        })
        .collect();
    diesel::copy_from(p::table).from_insertable(&copied).execute(conn)?;
    Ok(ids)
}

#[derive(Insertable)]
#[diesel(table_name = p, treat_none_as_default_value = false)]
struct CopyParticipant<'a> {
    id: i64,
    school_id: i64,
    external_id: Option<&'a str>,
    kind: &'a str,
    last_name: Option<&'a str>,
    first_name: Option<&'a str>,
    middle_name: Option<&'a str>,
    search_key: Option<&'a str>,
    birth_date: Option<NaiveDate>,
    birth_year: Option<i32>,
    grade: Option<i32>,
    class_letter: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    notes: Option<&'a str>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// The file's consents for records created by it, which have none on record yet.
pub fn insert_consents(conn: &mut DbConnection, given: &[(i64, FileConsent)], now: NaiveDateTime) -> Result<(), ApiError> {
    let rows: Vec<NewConsent> = given
        .iter()
        .map(|(id, (given_on, giver))| NewConsent {
            participant_id: *id,
            given_by: "parent",
            giver_name: giver.as_deref(),
            scope: "processing",
            given_on: *given_on,
            document_ref: Some("import"),
            created_at: now,
        })
        .collect();
    match conn {
        // SQLite runs in the process: a statement a row costs no round trip.
        DbConnection::Sqlite(c) => {
            for row in &rows {
                diesel::insert_into(consents::table).values(row).execute(c)?;
            }
        }
        DbConnection::Postgresql(c) => {
            if !rows.is_empty() {
                diesel::copy_from(consents::table).from_insertable(&rows).execute(c)?;
            }
        }
    }
    Ok(())
}

#[derive(Insertable)]
#[diesel(table_name = consents, treat_none_as_default_value = false)]
struct NewConsent<'a> {
    participant_id: i64,
    given_by: &'a str,
    giver_name: Option<&'a str>,
    scope: &'a str,
    given_on: NaiveDate,
    document_ref: Option<&'a str>,
    created_at: NaiveDateTime,
}

/// Changes existing records. SQLite updates them one by one at once; PostgreSQL stages them
/// (`first` creates the staging table) for `apply_staged` to write in one statement.
pub fn change_participants(conn: &mut DbConnection, changes: &[Change], first: bool, now: NaiveDateTime) -> Result<(), ApiError> {
    match conn {
        DbConnection::Sqlite(_) => {
            for change in changes {
                update_one(conn, change, now)?;
            }
            Ok(())
        }
        DbConnection::Postgresql(c) => super::staging::stage(c, changes, first),
    }
}

fn update_one(conn: &mut DbConnection, change: &Change, now: NaiveDateTime) -> Result<(), ApiError> {
    let r = &change.row;
    diesel::update(p::table.find(change.id))
        .set((
            p::kind.eq(r.kind),
            p::last_name.eq(&r.last_name),
            p::first_name.eq(&r.first_name),
            p::middle_name.eq(&r.middle_name),
            p::search_key.eq(&r.search_key),
            p::birth_date.eq(r.birth_date),
            p::birth_year.eq(r.birth_year),
            p::grade.eq(r.grade),
            p::class_letter.eq(&r.class_letter),
            p::phone.eq(&r.phone),
            p::email.eq(&r.email),
            p::notes.eq(&r.notes),
            p::version.eq(p::version + 1),
            p::updated_at.eq(now),
        ))
        .execute(conn)?;
    if let Some(consent) = &change.consent {
        // The file's consent, unless a valid processing consent is already on record.
        let has: i64 = consents::table
            .filter(consents::participant_id.eq(change.id))
            .filter(consents::scope.eq("processing"))
            .filter(consents::withdrawn_at.is_null())
            .count()
            .get_result(conn)?;
        if has == 0 {
            insert_consents(conn, &[(change.id, consent.clone())], now)?;
        }
    }
    Ok(())
}

/// Writes what `change_participants` staged on PostgreSQL (call it only if it ran); nothing to do
/// on SQLite.
pub fn apply_staged(conn: &mut DbConnection, now: NaiveDateTime) -> Result<(), ApiError> {
    match conn {
        DbConnection::Sqlite(_) => Ok(()),
        DbConnection::Postgresql(c) => super::staging::apply(c, now),
    }
}
