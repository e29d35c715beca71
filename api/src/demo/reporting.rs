//! The institute's view in the demo: neighbours of the demo school under the same institute, so
//! the dashboard compares schools, and one report period opened on a past reference date.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;

use super::region::{Spec, populate};
use crate::db::DbConnection;
use crate::db::schema::report_periods;
use crate::error::ApiError;
use crate::programs::store::school_today;
use crate::programs::template::{academic_year_of, first_year};
use crate::reporting::figures::AgeBand;
use crate::reporting::periods::store::{insert, load_row, take_snapshot};

pub fn load(conn: &mut DbConnection, institute: i64) -> Result<(), ApiError> {
    populate(conn, institute, &Spec { schools: 7, students_per_school: 300, slug_prefix: "pk-demo-school", seed: 2026 })?;
    let opened: i64 = report_periods::table.filter(report_periods::organization_id.eq(institute)).count().get_result(conn)?;
    if opened > 0 {
        return Ok(());
    }
    let today = school_today(conn, institute)?;
    let first = first_year(&academic_year_of(today)).unwrap_or(2026);
    let october = NaiveDate::from_ymd_opt(first, 10, 1).unwrap_or(today);
    let reference = october.min(today - Duration::days(1));
    let closes = NaiveDate::from_ymd_opt(first, 12, 20).unwrap_or(today).max(today);
    let title = format!("Мониторинг внедрения целевой модели наставничества, осень {first}");
    let id = insert(conn, institute, &title, [reference, reference, closes], AgeBand::default(), "demo")?;
    let period = load_row(conn, id)?;
    take_snapshot(conn, &period)
}
