//! Changed records on PostgreSQL: COPY into a temporary table, then one UPDATE … FROM and one
//! INSERT … SELECT for the consents, instead of a round trip per record.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::PgConnection;
use diesel::prelude::*;
use diesel::sql_types::Timestamp;

use super::batch::Change;
use crate::error::ApiError;

diesel::table! {
    /// Lives until the import's transaction ends.
    import_changes (id) {
        id -> BigInt,
        kind -> Text,
        last_name -> Text,
        first_name -> Text,
        middle_name -> Nullable<Text>,
        search_key -> Text,
        birth_date -> Nullable<Date>,
        birth_year -> Nullable<Integer>,
        grade -> Nullable<Integer>,
        class_letter -> Nullable<Text>,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        notes -> Nullable<Text>,
        consent_given_on -> Nullable<Date>,
        consent_giver -> Nullable<Text>,
    }
}

const CREATE: &str = "CREATE TEMPORARY TABLE import_changes (
    id BIGINT PRIMARY KEY, kind TEXT NOT NULL, last_name TEXT NOT NULL, first_name TEXT NOT NULL,
    middle_name TEXT, search_key TEXT NOT NULL, birth_date DATE, birth_year INTEGER, grade INTEGER,
    class_letter TEXT, phone TEXT, email TEXT, notes TEXT, consent_given_on DATE, consent_giver TEXT
) ON COMMIT DROP";

#[derive(Insertable)]
#[diesel(table_name = import_changes, treat_none_as_default_value = false)]
struct Staged<'a> {
    id: i64,
    kind: &'a str,
    last_name: &'a str,
    first_name: &'a str,
    middle_name: Option<&'a str>,
    search_key: &'a str,
    birth_date: Option<NaiveDate>,
    birth_year: Option<i32>,
    grade: Option<i32>,
    class_letter: Option<&'a str>,
    phone: Option<&'a str>,
    email: Option<&'a str>,
    notes: Option<&'a str>,
    consent_given_on: Option<NaiveDate>,
    consent_giver: Option<&'a str>,
}

/// Stages the changes; `first` creates the table (the transaction's end drops it).
pub fn stage(conn: &mut PgConnection, changes: &[Change], first: bool) -> Result<(), ApiError> {
    if first {
        diesel::sql_query(CREATE).execute(conn)?;
    }
    let rows: Vec<Staged> = changes
        .iter()
        .map(|c| Staged {
            id: c.id,
            kind: c.row.kind,
            last_name: &c.row.last_name,
            first_name: &c.row.first_name,
            middle_name: c.row.middle_name.as_deref(),
            search_key: &c.row.search_key,
            birth_date: c.row.birth_date,
            birth_year: c.row.birth_year,
            grade: c.row.grade,
            class_letter: c.row.class_letter.as_deref(),
            phone: c.row.phone.as_deref(),
            email: c.row.email.as_deref(),
            notes: c.row.notes.as_deref(),
            consent_given_on: c.consent.as_ref().map(|(on, _)| *on),
            consent_giver: c.consent.as_ref().and_then(|(_, giver)| giver.as_deref()),
        })
        .collect();
    diesel::copy_from(import_changes::table).from_insertable(&rows).execute(conn)?;
    Ok(())
}

/// Writes the staged changes (`stage` ran at least once), and the file's consents where no valid processing consent is on
/// record, as the one-by-one path does.
pub fn apply(conn: &mut PgConnection, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::sql_query(
        "UPDATE participants p SET kind = c.kind, last_name = c.last_name, first_name = c.first_name, \
         middle_name = c.middle_name, search_key = c.search_key, birth_date = c.birth_date, birth_year = c.birth_year, \
         grade = c.grade, class_letter = c.class_letter, phone = c.phone, email = c.email, notes = c.notes, \
         version = p.version + 1, updated_at = $1 \
         FROM import_changes c WHERE p.id = c.id",
    )
    .bind::<Timestamp, _>(now)
    .execute(conn)?;
    diesel::sql_query(
        "INSERT INTO consents (participant_id, given_by, giver_name, scope, given_on, document_ref, created_at) \
         SELECT c.id, 'parent', c.consent_giver, 'processing', c.consent_given_on, 'import', $1 FROM import_changes c \
         WHERE c.consent_given_on IS NOT NULL AND NOT EXISTS \
           (SELECT 1 FROM consents k WHERE k.participant_id = c.id AND k.scope = 'processing' AND k.withdrawn_at IS NULL) \
         ORDER BY c.id",
    )
    .bind::<Timestamp, _>(now)
    .execute(conn)?;
    Ok(())
}
