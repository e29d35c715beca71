//! `GET /organizations/{id}/dashboard`: every school of a region's or an institute's subtree as a
//! row of figures, with totals — sortable, filterable and exportable. The figures are live: each
//! school's are read from `figure_cache` while its records are unchanged since they were
//! measured, and measured again (`figures::measure`, a handful of GROUP BY queries for all the
//! stale schools at once) when they changed or the school's day turned.

use std::collections::HashMap;

use actix_web::{HttpResponse, get, http::header, web};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::figure_cache;
use super::figures::AgeBand;
use super::rows::{Figures, SCHEMA_VERSION, SchoolRow, csv_bytes};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::organizations;
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::orgs::OrganizationKind;
use crate::orgs::store::{load_organization, with_descendants};
use crate::programs::store::date_at;

/// A school of the subtree, with the organisation it belongs to.
#[derive(Debug, Clone)]
pub struct SchoolInfo {
    pub id: i64,
    pub name: String,
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
    pub time_zone: String,
}

/// The schools under a region or an institute, by name; 409 for a school itself.
pub fn subtree_schools(conn: &mut DbConnection, organization_id: i64) -> Result<Vec<SchoolInfo>, ApiError> {
    let org = load_organization(conn, organization_id)?;
    if org.kind == OrganizationKind::School {
        return Err(ApiError::conflict("not_a_region_or_institute", "the institute's view covers the schools of a region or an institute; a school's own figures are on its programme"));
    }
    let ids = with_descendants(conn, &[organization_id])?;
    let rows: Vec<(i64, String, Option<i64>, String)> = organizations::table
        .filter(one_of(organizations::id, &ids))
        .filter(organizations::kind.eq(OrganizationKind::School.as_str()))
        .select((organizations::id, organizations::name, organizations::parent_id, organizations::time_zone))
        .load(conn)?;
    let parent_ids: Vec<i64> = rows.iter().filter_map(|r| r.2).collect();
    let names: HashMap<i64, String> =
        organizations::table.filter(one_of(organizations::id, &parent_ids)).select((organizations::id, organizations::name)).load(conn)?.into_iter().collect();
    let mut schools: Vec<SchoolInfo> = rows
        .into_iter()
        .map(|(id, name, parent_id, time_zone)| SchoolInfo { id, name, parent_name: parent_id.and_then(|p| names.get(&p).cloned()), parent_id, time_zone })
        .collect();
    schools.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(schools)
}

/// Each school's own today: "overdue" and "gone quiet" are the school's, not the server's.
pub fn todays(schools: &[SchoolInfo]) -> Vec<(i64, NaiveDate)> {
    let now = Utc::now();
    let mut by_zone: HashMap<&str, NaiveDate> = HashMap::new();
    schools
        .iter()
        .map(|s| {
            let day = *by_zone
                .entry(s.time_zone.as_str())
                .or_insert_with(|| date_at(now, &s.time_zone));
            (s.id, day)
        })
        .collect()
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    Name,
    Mentors,
    Mentees,
    Pairs,
    Involved,
    Share,
    RoadmapDone,
    RoadmapOverdue,
    ResponseRate,
    SilenceAlerts,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    #[default]
    Asc,
    Desc,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DashboardFormat {
    #[default]
    Json,
    Csv,
}

#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashboardQuery {
    /// Sort key (default `name`); hidden (suppressed) values sort last either way.
    #[param(inline)]
    pub sort: Option<SortKey>,
    #[param(inline)]
    pub order: Option<SortOrder>,
    /// Only the schools of this organisation (an institute or municipality of the subtree).
    pub parent_id: Option<i64>,
    /// Only schools whose name contains this text (any case).
    pub q: Option<String>,
    /// Only schools with (true) or without (false) overdue roadmap activities.
    pub has_overdue: Option<bool>,
    /// The age band of the headline share, inclusive (default 10–18).
    #[param(minimum = 5, maximum = 30)]
    pub age_from: Option<i32>,
    #[param(minimum = 5, maximum = 30)]
    pub age_to: Option<i32>,
    /// `json` (default) or `csv`.
    #[param(inline)]
    pub format: Option<DashboardFormat>,
}

pub fn age_band(from: Option<i32>, to: Option<i32>) -> Result<AgeBand, ApiError> {
    let d = AgeBand::default();
    let band = AgeBand { from: from.unwrap_or(d.from), to: to.unwrap_or(d.to) };
    for (field, v) in [("age_from", band.from), ("age_to", band.to)] {
        if !(5..=30).contains(&v) {
            return Err(ApiError::invalid_field(field, "must be between 5 and 30"));
        }
    }
    if band.from > band.to {
        return Err(ApiError::invalid_field("age_to", "must not be below age_from"));
    }
    Ok(band)
}

/// An organisation the schools can be filtered by.
#[derive(Debug, Serialize, ToSchema)]
pub struct ParentOption {
    pub id: i64,
    pub name: String,
    pub schools: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dashboard {
    pub organization_id: i64,
    pub organization_name: String,
    /// The version of the row layout (`SchoolRow`, and the CSV's columns).
    pub schema_version: i32,
    /// The organisation's today; each school's figures use the school's own.
    pub today: NaiveDate,
    pub age_from: i32,
    pub age_to: i32,
    /// Schools in the subtree, before filters.
    pub schools_total: usize,
    /// The rows that pass the filters, sorted.
    pub rows: Vec<SchoolRow>,
    /// Totals of the rows shown, with the same suppression.
    pub totals: Figures,
    /// The organisations the schools belong to, for the filter.
    pub parents: Vec<ParentOption>,
}

fn sort_value(f: &Figures, key: SortKey) -> Option<f64> {
    let n = |v: Option<i64>| v.map(|x| x as f64);
    match key {
        SortKey::Name => None,
        SortKey::Mentors => n(f.mentors),
        SortKey::Mentees => n(f.mentees),
        SortKey::Pairs => n(f.pairs),
        SortKey::Involved => n(f.involved),
        SortKey::Share => f.share,
        SortKey::RoadmapDone => Some(f.roadmap_done as f64),
        SortKey::RoadmapOverdue => Some(f.roadmap_overdue as f64),
        SortKey::ResponseRate => f.response_rate,
        SortKey::SilenceAlerts => Some(f.silence_alerts as f64),
    }
}

/// Sorts rows in place; nulls last whatever the order, ties by name.
pub fn sort_rows(rows: &mut [SchoolRow], key: SortKey, order: SortOrder) {
    rows.sort_by(|a, b| {
        let by_name = a.school_name.cmp(&b.school_name).then(a.school_id.cmp(&b.school_id));
        if key == SortKey::Name {
            return if order == SortOrder::Desc { by_name.reverse() } else { by_name };
        }
        let ord = match (sort_value(&a.figures, key), sort_value(&b.figures, key)) {
            (Some(x), Some(y)) => {
                let o = x.total_cmp(&y);
                if order == SortOrder::Desc { o.reverse() } else { o }
            }
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        ord.then(by_name)
    });
}

/// The dashboard of a region or institute; the caller must have been authorized.
pub fn build(conn: &mut DbConnection, organization_id: i64, query: &DashboardQuery) -> Result<Dashboard, ApiError> {
    let band = age_band(query.age_from, query.age_to)?;
    let org = load_organization(conn, organization_id)?;
    let schools = subtree_schools(conn, organization_id)?;
    let mut parents: Vec<ParentOption> = Vec::new();
    for s in &schools {
        if let Some(pid) = s.parent_id {
            match parents.iter_mut().find(|p| p.id == pid) {
                Some(p) => p.schools += 1,
                None => parents.push(ParentOption { id: pid, name: s.parent_name.clone().unwrap_or_default(), schools: 1 }),
            }
        }
    }
    parents.sort_by(|a, b| a.name.cmp(&b.name));
    let needle = query.q.as_deref().map(|q| q.trim().to_lowercase()).filter(|q| !q.is_empty());
    let shown: Vec<&SchoolInfo> = schools
        .iter()
        .filter(|s| query.parent_id.is_none_or(|p| s.parent_id == Some(p)))
        .filter(|s| needle.as_ref().is_none_or(|q| s.name.to_lowercase().contains(q)))
        .collect();
    let days = todays(&shown.iter().map(|s| (*s).clone()).collect::<Vec<_>>());
    let mut raw = figure_cache::current(conn, &days, band)?;
    if let Some(wanted) = query.has_overdue {
        raw.retain(|_, f| (f.roadmap_overdue > 0) == wanted);
    }
    let mut rows: Vec<SchoolRow> = shown
        .iter()
        .filter_map(|s| {
            raw.get(&s.id).map(|f| SchoolRow {
                school_id: s.id,
                school_name: s.name.clone(),
                parent_id: s.parent_id,
                parent_name: s.parent_name.clone(),
                figures: Figures::of_school(f),
            })
        })
        .collect();
    sort_rows(&mut rows, query.sort.unwrap_or_default(), query.order.unwrap_or_default());
    let totals = Figures::totals(rows.iter().filter_map(|r| raw.get(&r.school_id)));
    let today = date_at(Utc::now(), &org.time_zone);
    Ok(Dashboard {
        organization_id,
        organization_name: org.name,
        schema_version: SCHEMA_VERSION,
        today,
        age_from: band.from,
        age_to: band.to,
        schools_total: schools.len(),
        rows,
        totals,
        parents,
    })
}

#[utoipa::path(
    tag = "reporting",
    summary = "The regional roll-up: every school of a region or institute with figures and totals",
    description = "For region and institute roles. Counts of children from 1 to 4 are null with `suppressed: true`. \
`?format=csv` answers the rows as CSV (comma-separated, UTF-8, empty cell = null), schema version 1, header line:\n\n\
`schema_version,school_id,school_name,parent_id,parent_name,suppressed,mentors,mentees,pairs,pairs_student_student,pairs_teacher_teacher,pairs_employer_student,pairs_university_student_student,pairs_employer_college_student,involved,involved_student_student,involved_teacher_teacher,involved_employer_student,involved_university_student_student,involved_employer_college_student,students_in_band,contingent_date,share,share_student_student,share_teacher_teacher,share_employer_student,share_university_student_student,share_employer_college_student,roadmap_done,roadmap_total,roadmap_overdue,response_rate,silence_alerts`",
    params(("id" = i64, Path, description = "region or institute id"), DashboardQuery),
    responses(
        (status = 200, content((Dashboard = "application/json"), (String = "text/csv"))),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not_a_region_or_institute"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/dashboard")]
pub async fn get_dashboard(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<DashboardQuery>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let query = query.into_inner();
    let format = query.format.unwrap_or_default();
    let dashboard = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewRegionalReports, id)?;
            build(conn, id, &query)
        })
        .await?;
    match format {
        DashboardFormat::Json => Ok(HttpResponse::Ok().json(dashboard)),
        DashboardFormat::Csv => Ok(HttpResponse::Ok()
            .content_type("text/csv; charset=utf-8")
            .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"dashboard-{id}-{}.csv\"", dashboard.today)))
            .body(csv_bytes(&dashboard.rows)?)),
    }
}
