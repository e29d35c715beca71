//! Report periods and their snapshots: one row per school per period, the figures frozen as JSON
//! with the school's name as it was, so a closed period exports the same bytes forever.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use super::dto::{PeriodStatus, ReportPeriod};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::DbConnection;
use crate::db::schema::{report_periods as rp, report_snapshots as rs};
use crate::db::text::{from_json, to_json};
use crate::error::ApiError;
use crate::reporting::dashboard::subtree_schools;
use crate::reporting::figures::{AgeBand, SchoolFigures, measure};
use crate::reporting::rows::{Figures, SCHEMA_VERSION, SchoolRow};

#[derive(Queryable, Selectable)]
#[diesel(table_name = rp)]
pub struct PeriodRow {
    pub id: i64,
    pub organization_id: i64,
    pub title: String,
    pub reference_date: NaiveDate,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub age_from: i32,
    pub age_to: i32,
    pub status: String,
    pub snapshot_at: NaiveDateTime,
    pub created_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
    pub version: i64,
}

impl PeriodRow {
    pub fn band(&self) -> AgeBand {
        AgeBand { from: self.age_from, to: self.age_to }
    }

    pub fn status(&self) -> PeriodStatus {
        PeriodStatus::parse(&self.status)
    }
}

/// What a snapshot row stores (schema version 1): the school as it was named, and its figures.
#[derive(Debug, Serialize, Deserialize)]
struct Frozen {
    school_name: String,
    parent_id: Option<i64>,
    parent_name: Option<String>,
    figures: SchoolFigures,
}

pub fn to_period(conn: &mut DbConnection, r: PeriodRow) -> Result<ReportPeriod, ApiError> {
    let schools: i64 = rs::table.filter(rs::period_id.eq(r.id)).count().get_result(conn)?;
    Ok(ReportPeriod {
        id: r.id,
        organization_id: r.organization_id,
        title: r.title,
        reference_date: r.reference_date,
        opens_on: r.opens_on,
        closes_on: r.closes_on,
        age_from: r.age_from,
        age_to: r.age_to,
        status: PeriodStatus::parse(&r.status),
        snapshot_at: r.snapshot_at.and_utc(),
        schools,
        schema_version: SCHEMA_VERSION,
        created_at: r.created_at.and_utc(),
        closed_at: r.closed_at.map(|t| t.and_utc()),
        version: r.version,
    })
}

pub fn load_row(conn: &mut DbConnection, id: i64) -> Result<PeriodRow, ApiError> {
    rp::table.find(id).select(PeriodRow::as_select()).first(conn).optional()?.ok_or_else(|| ApiError::not_found(format!("report period {id}")))
}

/// The period, authorized for `action` on its organisation; 404 outside the caller's subtree.
pub fn period_scope(conn: &mut DbConnection, principal: &Principal, action: Action, id: i64) -> Result<PeriodRow, ApiError> {
    let row = load_row(conn, id)?;
    authorize(conn, principal, action, row.organization_id).map_err(|e| e.not_found_as(format!("report period {id}")))?;
    Ok(row)
}

/// Freezes every school of the organisation's subtree as of the reference date, replacing the
/// period's previous snapshot.
pub fn take_snapshot(conn: &mut DbConnection, period: &PeriodRow) -> Result<(), ApiError> {
    let schools = subtree_schools(conn, period.organization_id)?;
    let days: Vec<(i64, NaiveDate)> = schools.iter().map(|s| (s.id, period.reference_date)).collect();
    let figures = measure(conn, &days, period.band(), true)?;
    let now = Utc::now().naive_utc();
    diesel::delete(rs::table.filter(rs::period_id.eq(period.id))).execute(conn)?;
    for s in schools {
        let frozen = Frozen {
            school_name: s.name,
            parent_id: s.parent_id,
            parent_name: s.parent_name,
            figures: figures.get(&s.id).cloned().unwrap_or_default(),
        };
        diesel::insert_into(rs::table)
            .values((
                rs::period_id.eq(period.id),
                rs::school_id.eq(s.id),
                rs::schema_version.eq(SCHEMA_VERSION),
                rs::figures.eq(to_json(&frozen)?),
                rs::taken_at.eq(now),
            ))
            .execute(conn)?;
    }
    diesel::update(rp::table.find(period.id)).set((rp::snapshot_at.eq(now), rp::version.eq(rp::version + 1))).execute(conn)?;
    Ok(())
}

/// The frozen rows of a period, by school name, and their totals, as shown outside the schools.
pub fn frozen_rows(conn: &mut DbConnection, period_id: i64) -> Result<(Vec<SchoolRow>, Figures), ApiError> {
    let stored: Vec<(i64, i32, String)> =
        rs::table.filter(rs::period_id.eq(period_id)).select((rs::school_id, rs::schema_version, rs::figures)).load(conn)?;
    let mut schools = Vec::with_capacity(stored.len());
    for (school_id, version, text) in stored {
        if version != SCHEMA_VERSION {
            return Err(ApiError::Internal(anyhow::anyhow!("snapshot of school {school_id} is in schema version {version}, not {SCHEMA_VERSION}")));
        }
        let frozen: Frozen = from_json(&text)?;
        schools.push((school_id, frozen));
    }
    schools.sort_by(|a, b| a.1.school_name.cmp(&b.1.school_name).then(a.0.cmp(&b.0)));
    let totals = Figures::totals(schools.iter().map(|(_, f)| &f.figures));
    let rows = schools
        .into_iter()
        .map(|(school_id, f)| SchoolRow {
            school_id,
            figures: Figures::of_school(&f.figures),
            school_name: f.school_name,
            parent_id: f.parent_id,
            parent_name: f.parent_name,
        })
        .collect();
    Ok((rows, totals))
}

pub fn insert(conn: &mut DbConnection, organization_id: i64, title: &str, dates: [NaiveDate; 3], band: AgeBand, actor: &str) -> Result<i64, ApiError> {
    let now = Utc::now().naive_utc();
    let [reference_date, opens_on, closes_on] = dates;
    Ok(diesel::insert_into(rp::table)
        .values((
            rp::organization_id.eq(organization_id),
            rp::title.eq(title.trim()),
            rp::reference_date.eq(reference_date),
            rp::opens_on.eq(opens_on),
            rp::closes_on.eq(closes_on),
            rp::age_from.eq(band.from),
            rp::age_to.eq(band.to),
            rp::status.eq(PeriodStatus::Open.as_str()),
            rp::snapshot_at.eq(now),
            rp::created_by.eq(actor),
            rp::created_at.eq(now),
        ))
        .returning(rp::id)
        .get_result(conn)?)
}

pub fn close(conn: &mut DbConnection, id: i64) -> Result<(), ApiError> {
    diesel::update(rp::table.find(id))
        .set((rp::status.eq(PeriodStatus::Closed.as_str()), rp::closed_at.eq(Utc::now().naive_utc()), rp::version.eq(rp::version + 1)))
        .execute(conn)?;
    Ok(())
}
