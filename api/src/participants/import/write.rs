//! Writing an import inside the caller's transaction while the check reads the same file: a
//! record already known by its `external_id` is compared and changed if the file differs, any
//! other is created, both in batches; one audit entry names every minor's record the import wrote.
//! Nothing is kept unless the check passes the whole file.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::{Datelike, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::apply::{ImportReport, read_rows};
use super::read::Format;
use super::batch::{self, Change, FileConsent, NewRow};
use super::rows::ImportedParticipant;
use crate::db::DbConnection;
use crate::db::schema::participants as p;
use crate::error::ApiError;
use crate::participants::audit::{IdRuns, NewEntry, record_runs};
use crate::participants::dto::NewParticipant;
use crate::participants::store::{is_minor, search_key};

/// The file, whose import it is, and the job it belongs to.
pub struct Target<'a> {
    pub path: &'a Path,
    pub format: Format,
    pub school_id: i64,
    pub job: i64,
    pub actor: &'a str,
    pub today: NaiveDate,
}

/// What decides "unchanged": the fields a file can set.
type Fingerprint = (String, Option<String>, Option<String>, Option<String>, Option<NaiveDate>, Option<i32>, Option<i32>, Option<String>, Option<String>, Option<String>, Option<String>);

fn fingerprint(n: &NewParticipant, birth_year: Option<i32>) -> Fingerprint {
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

/// The check refused the file, or did not end.
fn called_off() -> ApiError {
    ApiError::Internal(anyhow::anyhow!("the check did not pass the file; nothing was written"))
}

/// Writes the file's rows, and returns the counts once `passed` says the check passed the whole
/// file. An `Err` (the check refused it, or the database did) leaves the caller's transaction to
/// roll back. `progress` hears the rows done.
pub fn write(conn: &mut DbConnection, target: &Target, passed: &Receiver<bool>, progress: &dyn Fn(usize)) -> Result<ImportReport, ApiError> {
    // The school's existing records by external id: memory follows the base, not the file.
    let existing: Vec<(i64, Option<String>, Fingerprint)> = p::table
        .filter(p::school_id.eq(target.school_id))
        .filter(p::external_id.is_not_null())
        .select((
            p::id,
            p::external_id,
            (p::kind, p::last_name, p::first_name, p::middle_name, p::birth_date, p::birth_year, p::grade, p::class_letter, p::phone, p::email, p::notes),
        ))
        .load(conn)?;
    let by_external: HashMap<String, (i64, Fingerprint)> = existing.into_iter().filter_map(|(id, ext, f)| Some((ext?, (id, f)))).collect();
    let mut writer = Writer::new(conn, target.school_id);
    let mut verdict = None;
    // Parsing runs on a thread of its own, a few batches ahead, while this one writes.
    std::thread::scope(|scope| {
        let batches = read_rows(scope, target.path, target.format, target.today);
        for batch in batches {
            // A refused file is dropped at once, rather than written to the end and rolled back.
            match passed.try_recv() {
                Ok(true) => verdict = Some(true),
                Ok(false) | Err(TryRecvError::Disconnected) if verdict.is_none() => return Err(called_off()),
                _ => {}
            }
            for row in batch.ok_or_else(called_off)? {
                writer.take(conn, &by_external, row, target.today)?;
            }
            progress(writer.report.total);
        }
        Ok(())
    })?;
    if verdict.is_none() && !passed.recv().unwrap_or(false) {
        return Err(called_off());
    }
    writer.flush_created(conn)?;
    writer.flush_changed(conn)?;
    if writer.staged {
        batch::apply_staged(conn, writer.now)?;
    }
    let Writer { report, minors, now, .. } = writer;
    let detail = format!("records of minors: {}", minors.count());
    let entry = NewEntry { organization_id: target.school_id, actor: target.actor, action: "import", entity: "import_job", entity_id: target.job, detail: Some(&detail), at: now };
    record_runs(conn, &entry, minors)?;
    progress(report.total);
    Ok(report)
}

/// A new record waiting for its batch.
struct Pending {
    row: NewRow,
    consent: Option<FileConsent>,
    minor: bool,
}

struct Writer {
    school_id: i64,
    now: NaiveDateTime,
    batch: usize,
    created: Vec<Pending>,
    changed: Vec<Change>,
    /// Some changes went to PostgreSQL's staging table.
    staged: bool,
    minors: IdRuns,
    report: ImportReport,
}

impl Writer {
    fn new(conn: &DbConnection, school_id: i64) -> Self {
        let batch = batch::batch_size(conn);
        Self {
            school_id,
            now: Utc::now().naive_utc(),
            batch,
            created: Vec::with_capacity(batch),
            changed: Vec::new(),
            staged: false,
            minors: IdRuns::default(),
            report: ImportReport { valid: true, ..Default::default() },
        }
    }

    fn take(&mut self, conn: &mut DbConnection, by_external: &HashMap<String, (i64, Fingerprint)>, row: ImportedParticipant, today: NaiveDate) -> Result<(), ApiError> {
        let ImportedParticipant { new: n, consent } = row;
        self.report.total += 1;
        let birth_year = n.birth_year.or(n.birth_date.map(|d| d.year()));
        let minor = is_minor(n.kind, n.birth_date, birth_year, today);
        match n.external_id.as_ref().and_then(|e| by_external.get(e)) {
            Some((_, old)) if *old == fingerprint(&n, birth_year) => self.report.unchanged += 1,
            Some((id, _)) => {
                let id = *id;
                self.report.updated += 1;
                if minor {
                    self.minors.push(id);
                }
                self.changed.push(Change { id, row: new_row(n, birth_year), consent });
                if self.changed.len() >= self.batch {
                    self.flush_changed(conn)?;
                }
            }
            None => {
                // No need to remember the new external ids: the check refused duplicates within
                // the file, and remembering them would grow memory with the file, not the base.
                self.report.created += 1;
                self.created.push(Pending { row: new_row(n, birth_year), consent, minor });
                if self.created.len() >= self.batch {
                    self.flush_created(conn)?;
                }
            }
        }
        Ok(())
    }

    /// Writes the waiting new records in one statement, then their consents.
    fn flush_created(&mut self, conn: &mut DbConnection) -> Result<(), ApiError> {
        if self.created.is_empty() {
            return Ok(());
        }
        let (rows, extras): (Vec<NewRow>, Vec<_>) = self.created.drain(..).map(|p| (p.row, (p.consent, p.minor))).unzip();
        let ids = batch::insert_participants(conn, self.school_id, &rows, self.now)?;
        let mut consents = Vec::new();
        for (id, (consent, minor)) in ids.into_iter().zip(extras) {
            if let Some(c) = consent {
                consents.push((id, c));
            }
            if minor {
                self.minors.push(id);
            }
        }
        batch::insert_consents(conn, &consents, self.now)
    }

    fn flush_changed(&mut self, conn: &mut DbConnection) -> Result<(), ApiError> {
        if self.changed.is_empty() {
            return Ok(());
        }
        batch::change_participants(conn, &self.changed, !self.staged, self.now)?;
        self.staged = true;
        self.changed.clear();
        Ok(())
    }
}

fn new_row(n: NewParticipant, birth_year: Option<i32>) -> NewRow {
    NewRow {
        search_key: search_key(&n.last_name, &n.first_name, n.middle_name.as_deref()),
        external_id: n.external_id,
        kind: n.kind.as_str(),
        last_name: n.last_name,
        first_name: n.first_name,
        middle_name: n.middle_name,
        birth_date: n.birth_date,
        birth_year,
        grade: n.grade,
        class_letter: n.class_letter.map(|c| c.to_uppercase()),
        phone: n.phone,
        email: n.email,
        notes: n.notes,
    }
}
