//! Live figures for the dashboard, measured once and then read back while they still hold.
//!
//! Measuring a region of 500 schools takes a hundred milliseconds or more, and the dashboard is
//! opened far more often than any one school's records change. Each school has a version that
//! database triggers bump on every change its figures are counted from (migration
//! `dashboard_cache`); figures stored at a version, for the school's day, are current exactly
//! while the version and the day are. Only stale schools are measured again, and the measuring
//! remains `figures::measure`, so cached and fresh figures cannot disagree.
//!
//! The order of reads makes races harmless: the version is read before the figures are
//! measured, so a change committed meanwhile leaves a stored version behind the school's, and
//! the next reader measures again. Figures of other age bands than the default are not kept.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::figures::{AgeBand, SchoolFigures, measure};
use crate::db::{DbConnection, write_derived, one_of};
use crate::db::schema::{school_figure_cache as cache, school_figure_versions as versions};
use crate::error::ApiError;

/// Rows per statement when storing figures: short enough for any database's limits.
const STORE_CHUNK: usize = 200;

/// The figures of these schools as of each one's day, live.
pub fn current(conn: &mut DbConnection, schools: &[(i64, NaiveDate)], band: AgeBand) -> Result<HashMap<i64, SchoolFigures>, ApiError> {
    if band != AgeBand::default() {
        return measure(conn, schools, band, false);
    }
    let ids: Vec<i64> = schools.iter().map(|s| s.0).collect();
    let version_of: HashMap<i64, i64> =
        versions::table.filter(one_of(versions::school_id, &ids)).select((versions::school_id, versions::version)).load(conn)?.into_iter().collect();
    let day_of: HashMap<i64, NaiveDate> = schools.iter().copied().collect();
    let stored: Vec<(i64, i64, NaiveDate, String)> = cache::table
        .filter(one_of(cache::school_id, &ids))
        .select((cache::school_id, cache::version, cache::measured_on, cache::figures))
        .load(conn)?;
    let mut out: HashMap<i64, SchoolFigures> = HashMap::with_capacity(schools.len());
    for (id, version, day, figures) in stored {
        let holds = version_of.get(&id) == Some(&version) && day_of.get(&id) == Some(&day);
        // Figures that no longer parse (a layout since changed) are measured again, not trusted.
        if let (true, Ok(f)) = (holds, serde_json::from_str::<SchoolFigures>(&figures)) {
            out.insert(id, f);
        }
    }
    let stale: Vec<(i64, NaiveDate)> = schools.iter().filter(|(id, _)| !out.contains_key(id)).copied().collect();
    if stale.is_empty() {
        return Ok(out);
    }
    let measured = measure(conn, &stale, band, false)?;
    // Storing is an optimisation: a failure (say, a database busy with an import) costs the next
    // reader a measurement, never this reader its answer.
    if let Err(e) = store(conn, &stale, &version_of, &measured) {
        tracing::warn!(error = %e, schools = stale.len(), "dashboard figures measured but not cached");
    }
    out.extend(measured);
    Ok(out)
}

/// Keeps the figures at the versions read before measuring. A school without a version row (made
/// before the triggers could add one) is left uncached: nothing would tell its figures aged.
fn store(conn: &mut DbConnection, measured_for: &[(i64, NaiveDate)], version_of: &HashMap<i64, i64>, figures: &HashMap<i64, SchoolFigures>) -> Result<(), ApiError> {
    let mut rows = Vec::new();
    for (id, day) in measured_for {
        if let (Some(version), Some(f)) = (version_of.get(id), figures.get(id)) {
            rows.push(format!("({id}, {version}, '{}', {})", day.format("%Y-%m-%d"), sql_text(&serde_json::to_string(f).map_err(anyhow::Error::from)?)));
        }
    }
    write_derived(conn, |conn| {
        for chunk in rows.chunks(STORE_CHUNK) {
            // Never replaces figures of a later version that another reader stored meanwhile.
            let sql = format!(
                "INSERT INTO school_figure_cache (school_id, version, measured_on, figures) VALUES {} \
                 ON CONFLICT (school_id) DO UPDATE SET version = excluded.version, measured_on = excluded.measured_on, figures = excluded.figures \
                 WHERE school_figure_cache.version <= excluded.version",
                chunk.join(",")
            );
            diesel::sql_query(sql).execute(conn)?;
        }
        Ok(())
    })
}

/// A string literal. The figures are numbers and dates serialised by serde, so this is belt and
/// braces, but it keeps the statement valid whatever the layout becomes.
fn sql_text(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}
