//! Checking a whole file, every bad row named; and reading its rows for the write, which runs
//! beside the check and keeps them only if the check passes the whole file.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::{Receiver, sync_channel};

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::read::{Format, open};
use super::rows::{Header, ImportedParticipant, RowError, parse_row};
use crate::error::ApiError;

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

/// Rows the write reads at a time, and batches read ahead at most: memory stays small however
/// long the file. Ahead by more than one of PostgreSQL's COPY batches (5 000 rows), so that the
/// next COPY finds its rows parsed while the last one was loading.
const ROWS_PER_BATCH: usize = 1000;
const BATCHES_AHEAD: usize = 8;

/// The file's rows as the write reads them, in batches; `None` where a row does not pass, which
/// the check reports.
pub type Batch = Option<Vec<ImportedParticipant>>;

/// Reads the rows of a file on a thread of the caller's scope, a few batches ahead of the write.
pub fn read_rows<'scope, 'env>(scope: &'scope std::thread::Scope<'scope, 'env>, path: &'env Path, format: Format, today: NaiveDate) -> Receiver<Batch> {
    let (to_write, batches) = sync_channel(BATCHES_AHEAD);
    scope.spawn(move || {
        let read = || -> Option<()> {
            let records = open(path, format).ok()?;
            let header = Header::parse(&records.header).ok()?;
            let mut batch = Vec::with_capacity(ROWS_PER_BATCH);
            for record in records.rows {
                let (row, cells) = record.ok()?;
                batch.push(parse_row(&header, row, &cells, today).ok()?);
                if batch.len() == ROWS_PER_BATCH {
                    // The write stopped: nobody to read for.
                    to_write.send(Some(std::mem::replace(&mut batch, Vec::with_capacity(ROWS_PER_BATCH)))).ok()?;
                }
            }
            if !batch.is_empty() {
                to_write.send(Some(batch)).ok()?;
            }
            Some(())
        };
        if read().is_none() {
            let _ = to_write.send(None);
        }
    });
    batches
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

