//! Matching runs in the database.

use diesel::prelude::*;

use super::UnmatchedEntry;
use crate::db::DbConnection;
use crate::db::schema::matching_runs as mr;
use crate::db::text::from_json;
use crate::error::ApiError;

/// The latest run's unmatched mentees, with the run's id.
pub fn latest_unmatched(conn: &mut DbConnection, program_id: i64) -> Result<(Option<i64>, Vec<UnmatchedEntry>), ApiError> {
    let latest: Option<(i64, String)> = mr::table.filter(mr::program_id.eq(program_id)).order(mr::id.desc()).select((mr::id, mr::unmatched)).first(conn).optional()?;
    match latest {
        Some((id, unmatched)) => Ok((Some(id), from_json(&unmatched)?)),
        None => Ok((None, Vec::new())),
    }
}
