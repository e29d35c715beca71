//! Checking a whole file, then writing it: all-or-nothing, upserting by `external_id`.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Datelike, NaiveDate, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::read::{Format, open};
use super::rows::{Header, ImportedParticipant, RowError, parse_row};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{consents, participants as p};
use crate::error::ApiError;
use super::batch::{NewRow, batch_size, insert_participants};
use crate::participants::audit::record_many;
use crate::participants::store::{is_minor, search_key};

/// At most this many errors are listed; `error_count` tells how many there were.
const LISTED_ERRORS: usize = 1000;

#[derive(Debug, Clone, Default, Serialize, ToSchema)]
pub struct ImportReport {
    pub dry_run: bool,
    /// No row has an error: a real import of this file would succeed.
    pub valid: bool,
    /// Data rows in the file.
    pub total: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub errors: Vec<RowError>,
    pub error_count: usize,
    /// Columns of the file that the import does not know and left aside.
    pub ignored_columns: Vec<String>,
}

/// Reads every row and reports what is wrong; writes nothing.
pub fn check(path: &Path, format: Format, today: NaiveDate) -> Result<ImportReport, ApiError> {
    let records = open(path, format)?;
    let mut report = ImportReport { dry_run: true, ..Default::default() };
    let header = match Header::parse(&records.header) {
        Ok(h) => h,
        Err(errors) => {
            report.error_count = errors.len();
            report.errors = errors;
            return Ok(report);
        }
    };
    report.ignored_columns = header.ignored.clone();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let push = |report: &mut ImportReport, e: RowError| {
        report.error_count += 1;
        if report.errors.len() < LISTED_ERRORS {
            report.errors.push(e);
        }
    };
    for record in records.rows {
        report.total += 1;
        let (row, cells) = match record {
            Ok(r) => r,
            Err(e) => {
                push(&mut report, e);
                continue;
            }
        };
        if let Err(errors) = parse_row(&header, row, &cells, today) {
            errors.into_iter().for_each(|e| push(&mut report, e));
        }
        if let Some(ext) = header.external_id(&cells) {
            match seen.get(&ext) {
                Some(first) => push(&mut report, RowError { row, column: "external_id".into(), message: format!("`{ext}` already appears on row {first}") }),
                None => {
                    seen.insert(ext, row);
                }
            }
        }
    }
    report.valid = report.error_count == 0;
    Ok(report)
}

/// What decides "unchanged": the fields a file can set.
type Fingerprint = (String, Option<String>, Option<String>, Option<String>, Option<NaiveDate>, Option<i32>, Option<i32>, Option<String>, Option<String>, Option<String>, Option<String>);

fn fingerprint(n: &crate::participants::dto::NewParticipant, birth_year: Option<i32>) -> Fingerprint {
    (
        n.kind.as_str().to_owned(),
        Some(n.last_name.clone()),
        Some(n.first_name.clone()),
        n.middle_name.clone(),
        n.birth_date,
        birth_year,
        n.grade,
        n.class_letter.as_ref().map(|c| c.to_uppercase()),
        n.phone.clone(),
        n.email.clone(),
        n.notes.clone(),
    )
}

/// Writes a checked file inside the caller's transaction, new rows in batches. `progress` hears
/// the rows done.
pub fn write(conn: &mut DbConnection, principal: &Principal, school_id: i64, path: &Path, format: Format, today: NaiveDate, progress: &dyn Fn(usize)) -> Result<ImportReport, ApiError> {
    let records = open(path, format)?;
    let header = Header::parse(&records.header).map_err(|_| ApiError::Internal(anyhow::anyhow!("the file changed after it was checked")))?;
    // The school's existing records by external id: memory follows the base, not the file.
    let existing: Vec<(i64, Option<String>, Fingerprint)> = p::table
        .filter(p::school_id.eq(school_id))
        .filter(p::external_id.is_not_null())
        .select((
            p::id,
            p::external_id,
            (p::kind, p::last_name, p::first_name, p::middle_name, p::birth_date, p::birth_year, p::grade, p::class_letter, p::phone, p::email, p::notes),
        ))
        .load(conn)?;
    let by_external: HashMap<String, (i64, Fingerprint)> = existing.into_iter().filter_map(|(id, ext, f)| Some((ext?, (id, f)))).collect();
    let mut report = ImportReport { valid: true, ignored_columns: header.ignored.clone(), ..Default::default() };
    let now = Utc::now().naive_utc();
    let actor = principal.key();
    let batch = batch_size(conn);
    let mut pending: Vec<Pending> = Vec::with_capacity(batch);
    let mut changed_minors: Vec<i64> = Vec::new();
    for line in records.rows {
        let (row, cells) = line.map_err(|e| ApiError::Internal(anyhow::anyhow!("row {} became unreadable: {}", e.row, e.message)))?;
        let ImportedParticipant { new: n, consent } = parse_row(&header, row, &cells, today)
            .map_err(|_| ApiError::Internal(anyhow::anyhow!("row {row} became invalid after the check")))?;
        report.total += 1;
        let birth_year = n.birth_year.or(n.birth_date.map(|d| d.year()));
        let print = fingerprint(&n, birth_year);
        let key = search_key(&n.last_name, &n.first_name, n.middle_name.as_deref());
        let minor = is_minor(n.kind, n.birth_date, birth_year, today);
        match n.external_id.as_ref().and_then(|e| by_external.get(e)) {
            Some((_, old)) if *old == print => report.unchanged += 1,
            Some((id, _)) => {
                let id = *id;
                diesel::update(p::table.find(id))
                    .set((
                        p::kind.eq(n.kind.as_str()),
                        p::last_name.eq(&n.last_name),
                        p::first_name.eq(&n.first_name),
                        p::middle_name.eq(&n.middle_name),
                        p::search_key.eq(&key),
                        p::birth_date.eq(n.birth_date),
                        p::birth_year.eq(birth_year),
                        p::grade.eq(n.grade),
                        p::class_letter.eq(n.class_letter.as_ref().map(|c| c.to_uppercase())),
                        p::phone.eq(&n.phone),
                        p::email.eq(&n.email),
                        p::notes.eq(&n.notes),
                        p::version.eq(p::version + 1),
                        p::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                report.updated += 1;
                if let Some((given_on, giver)) = consent {
                    add_consent_once(conn, id, given_on, giver.as_deref(), now)?;
                }
                if minor {
                    changed_minors.push(id);
                }
            }
            None => {
                // No need to remember the new external ids: the check refused duplicates within the
                // file, and remembering them would grow memory with the file, not the base.
                pending.push(Pending {
                    row: NewRow {
                        external_id: n.external_id.clone(),
                        kind: n.kind.as_str(),
                        last_name: n.last_name.clone(),
                        first_name: n.first_name.clone(),
                        middle_name: n.middle_name.clone(),
                        search_key: key,
                        birth_date: n.birth_date,
                        birth_year,
                        grade: n.grade,
                        class_letter: n.class_letter.as_ref().map(|c| c.to_uppercase()),
                        phone: n.phone.clone(),
                        email: n.email.clone(),
                        notes: n.notes.clone(),
                    },
                    consent,
                    minor,
                });
                report.created += 1;
            }
        }
        if pending.len() >= batch {
            flush(conn, school_id, &actor, &mut pending, &mut changed_minors, now)?;
            progress(report.total);
        }
    }
    flush(conn, school_id, &actor, &mut pending, &mut changed_minors, now)?;
    progress(report.total);
    Ok(report)
}

/// A new participant waiting for its batch.
struct Pending {
    row: NewRow,
    consent: Option<(NaiveDate, Option<String>)>,
    minor: bool,
}

/// Writes the waiting rows in one statement, then their consents and the audit of the minors.
fn flush(conn: &mut DbConnection, school_id: i64, actor: &str, pending: &mut Vec<Pending>, changed_minors: &mut Vec<i64>, now: chrono::NaiveDateTime) -> Result<(), ApiError> {
    let (rows, extras): (Vec<NewRow>, Vec<_>) = pending.drain(..).map(|p| (p.row, (p.consent, p.minor))).unzip();
    let ids = insert_participants(conn, school_id, &rows, now)?;
    for (id, (consent, minor)) in ids.iter().zip(extras) {
        if let Some((given_on, giver)) = consent {
            insert_consent(conn, *id, given_on, giver.as_deref(), now)?;
        }
        if minor {
            changed_minors.push(*id);
        }
    }
    record_many(conn, school_id, actor, "import", changed_minors, None, now)?;
    changed_minors.clear();
    Ok(())
}

/// The file's consent, unless a valid processing consent is already on record.
fn add_consent_once(conn: &mut DbConnection, id: i64, given_on: NaiveDate, giver: Option<&str>, now: chrono::NaiveDateTime) -> Result<(), ApiError> {
    let has: i64 = consents::table
        .filter(consents::participant_id.eq(id))
        .filter(consents::scope.eq("processing"))
        .filter(consents::withdrawn_at.is_null())
        .count()
        .get_result(conn)?;
    if has == 0 {
        insert_consent(conn, id, given_on, giver, now)?;
    }
    Ok(())
}

/// The file's consent for someone who has none on record yet.
fn insert_consent(conn: &mut DbConnection, id: i64, given_on: NaiveDate, giver: Option<&str>, now: chrono::NaiveDateTime) -> Result<(), ApiError> {
    diesel::insert_into(consents::table)
        .values((
            consents::participant_id.eq(id),
            consents::given_by.eq("parent"),
            consents::giver_name.eq(giver),
            consents::scope.eq("processing"),
            consents::given_on.eq(given_on),
            consents::document_ref.eq("import"),
            consents::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
