//! Checking a whole file: every bad row named. A real import hands each good row on to the write
//! as the check goes (see `write`), which keeps it only if the whole file passes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

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

/// What the check hands to the write: good rows in order, then whether the whole file passed.
pub enum Checked {
    Rows(Vec<ImportedParticipant>),
    End { valid: bool },
}

/// Rows handed over at a time, and hand-overs waiting at most: the write's backlog, and so the
/// memory, stays small however long the file.
const HANDOVER_ROWS: usize = 1000;
const HANDOVERS_WAITING: usize = 8;

/// The check's side of the hand-over.
pub struct Feed {
    to_write: SyncSender<Checked>,
    rows: Vec<ImportedParticipant>,
    /// Off after the first bad row (the write is called off) or once the write has stopped.
    open: bool,
}

/// A hand-over from the check to the write.
pub fn feed() -> (Feed, Receiver<Checked>) {
    let (to_write, from_check) = sync_channel(HANDOVERS_WAITING);
    (Feed { to_write, rows: Vec::with_capacity(HANDOVER_ROWS), open: true }, from_check)
}

impl Feed {
    fn push(&mut self, row: ImportedParticipant) {
        if !self.open {
            return;
        }
        self.rows.push(row);
        if self.rows.len() >= HANDOVER_ROWS {
            let full = std::mem::replace(&mut self.rows, Vec::with_capacity(HANDOVER_ROWS));
            // The write stopped (its own error, which its job reports): only the check goes on.
            self.open = self.to_write.send(Checked::Rows(full)).is_ok();
        }
    }

    fn end(&mut self, valid: bool) {
        if !self.open {
            return;
        }
        self.open = false;
        if valid && !self.rows.is_empty() {
            let rest = std::mem::take(&mut self.rows);
            if self.to_write.send(Checked::Rows(rest)).is_err() {
                return;
            }
        }
        let _ = self.to_write.send(Checked::End { valid });
    }
}

/// Reads every row and reports what is wrong. With a feed, the good rows go on to the write, and
/// the first bad one calls the write off.
pub fn check(path: &Path, format: Format, today: NaiveDate, mut feed: Option<Feed>) -> Result<ImportReport, ApiError> {
    let records = open(path, format)?;
    let mut report = ImportReport { dry_run: true, ..Default::default() };
    let header = match Header::parse(&records.header) {
        Ok(h) => h,
        Err(errors) => {
            report.error_count = errors.len();
            report.errors = errors;
            if let Some(f) = feed.as_mut() {
                f.end(false);
            }
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
                if let Some(f) = feed.as_mut() {
                    f.end(false);
                }
                continue;
            }
        };
        let errors_before = report.error_count;
        let parsed = match parse_row(&header, row, &cells, today) {
            Ok(p) => Some(p),
            Err(errors) => {
                errors.into_iter().for_each(|e| push(&mut report, e));
                None
            }
        };
        if let Some(ext) = header.external_id(&cells) {
            match seen.get(&ext) {
                Some(first) => push(&mut report, RowError { row, column: "external_id".into(), message: format!("`{ext}` already appears on row {first}") }),
                None => {
                    seen.insert(ext, row);
                }
            }
        }
        if let Some(f) = feed.as_mut() {
            match parsed {
                Some(p) if report.error_count == errors_before => f.push(p),
                _ => f.end(false),
            }
        }
    }
    report.valid = report.error_count == 0;
    if let Some(f) = feed.as_mut() {
        f.end(report.valid);
    }
    Ok(report)
}

