//! Each school's figures for the institute's view, measured for a whole subtree at once: a
//! handful of GROUP BY queries whatever the number of schools, never a query per school, so a
//! region of 500 schools costs about what one school does.
//!
//! The SQL is written out rather than built with diesel's DSL: conditional aggregates read far
//! better as SQL. Every value spliced into it is typed by Rust (ids are `i64`, dates `NaiveDate`,
//! statuses are constants), never text from a request, so nothing a caller sends reaches it.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use diesel::QueryableByName;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Nullable, Text};
use serde::{Deserialize, Serialize};

use crate::db::DbConnection;
use crate::error::ApiError;

/// The five forms, in the order of the export's columns.
pub const FORMS: [&str; 5] = ["student_student", "teacher_teacher", "employer_student", "university_student_student", "employer_college_student"];

/// Pairs that count: approved by the director's order and working, or completed. A proposed
/// pair is still the curator's draft, and a dissolved one never worked.
const COUNTED_PAIRS: &str = "('approved', 'active', 'completed')";

/// The school's meeting limits when it kept the defaults (meetings/settings.rs).
const QUIET_AFTER_DAYS: i32 = 21;
const INTRODUCTION_WITHIN_DAYS: i32 = 14;

/// The ages of the headline indicator, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeBand {
    pub from: i32,
    pub to: i32,
}

impl Default for AgeBand {
    fn default() -> Self {
        Self { from: 10, to: 18 }
    }
}

/// One school's raw figures: what a snapshot stores (schema version 1). Counts of children
/// here are exact; suppression happens on the way out (`rows.rs`), for every reader alike.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SchoolFigures {
    /// People in the programmes' bases (enrolled, not withdrawn), each counted once.
    pub mentors: i64,
    pub mentees: i64,
    /// Counted pairs and groups by form, in the order of `FORMS`.
    pub pairs: [i64; 5],
    /// Students in the age band who are mentees of a counted pair, by form and in all (a
    /// student in two forms counts once in all).
    pub involved: [i64; 5],
    pub involved_total: i64,
    /// Students of the age band in the contingent nearest the day (on or before it).
    pub students_in_band: Option<i64>,
    pub contingent_date: Option<NaiveDate>,
    pub roadmap_done: i64,
    pub roadmap_total: i64,
    pub roadmap_overdue: i64,
    pub invitations: i64,
    pub responses: i64,
    /// Working pairs gone quiet or never introduced (meetings/alerts.rs).
    pub silence_alerts: i64,
}

/// The day figures are taken on, and whether they are a frozen snapshot as of that day.
///
/// A snapshot counts what the schools have entered by the time it is taken (the collection
/// window exists for their late entries), read as of the reference date through the dates of
/// the real world, not of data entry: ages at the reference date, the contingent on or before
/// it, pairs approved by an order signed on or before it, meetings held up to it, deadlines
/// passed by it.
#[derive(Debug, Clone, Copy)]
pub struct Taken {
    pub day: NaiveDate,
    pub frozen: bool,
}

impl Taken {
    /// `AND column < <the day after>` for a snapshot; nothing for live figures.
    fn until(&self, column: &str) -> String {
        if !self.frozen {
            return String::new();
        }
        let end: NaiveDateTime = self.day.succ_opt().unwrap_or(self.day).and_hms_opt(0, 0, 0).unwrap_or_default();
        format!(" AND {column} < '{}'", end.format("%Y-%m-%d %H:%M:%S"))
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    school_id: i64,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct FormCount {
    #[diesel(sql_type = BigInt)]
    school_id: i64,
    #[diesel(sql_type = Text)]
    form: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[derive(QueryableByName)]
struct Band {
    #[diesel(sql_type = BigInt)]
    school_id: i64,
    #[diesel(sql_type = Nullable<BigInt>)]
    students: Option<i64>,
    #[diesel(sql_type = Date)]
    reference_date: NaiveDate,
}

#[derive(QueryableByName)]
struct Roadmap {
    #[diesel(sql_type = BigInt)]
    school_id: i64,
    #[diesel(sql_type = BigInt)]
    done: i64,
    #[diesel(sql_type = BigInt)]
    total: i64,
    #[diesel(sql_type = BigInt)]
    overdue: i64,
}

fn id_list(ids: &[i64]) -> String {
    if ids.is_empty() {
        return "NULL".into();
    }
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

fn date(d: NaiveDate) -> String {
    format!("'{}'", d.format("%Y-%m-%d"))
}

/// The birth dates of people whose age on `day` lies in the band: (after, up to and including].
fn birth_window(band: AgeBand, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let years_back = |n: i32| day.checked_sub_months(Months::new(12 * n.max(0) as u32)).unwrap_or(day);
    (years_back(band.to + 1), years_back(band.from))
}

/// SQL that is true for a participant (`p`) whose age on `day` lies in the band. When only the
/// birth year is known (personal data erased, aggregates kept), the birthday is taken as 1 July.
fn in_band(band: AgeBand, day: NaiveDate) -> String {
    let (after, upto) = birth_window(band, day);
    let mid = |y: i32| NaiveDate::from_ymd_opt(y, 7, 1);
    let first_year = (after.year()..=upto.year()).find(|&y| mid(y).is_some_and(|m| m > after && m <= upto));
    let last_year = (after.year()..=upto.year()).rev().find(|&y| mid(y).is_some_and(|m| m > after && m <= upto));
    let by_year = match (first_year, last_year) {
        (Some(a), Some(b)) => format!("(p.birth_date IS NULL AND p.birth_year BETWEEN {a} AND {b})"),
        _ => "1 = 0".into(),
    };
    format!("((p.birth_date > {} AND p.birth_date <= {}) OR {by_year})", date(after), date(upto))
}

/// Days from the date in `earlier` (a date or timestamp column) to the literal `day`: the one
/// place the dialects differ here.
fn days_since(conn: &DbConnection, day: NaiveDate, earlier: &str) -> String {
    match conn {
        DbConnection::Sqlite(_) => format!("CAST(julianday({}) - julianday(date({earlier})) AS INTEGER)", date(day)),
        DbConnection::Postgresql(_) => format!("(DATE {} - CAST({earlier} AS DATE))", date(day)),
    }
}

fn counts(conn: &mut DbConnection, sql: String) -> Result<Vec<Count>, ApiError> {
    Ok(diesel::sql_query(sql).load(conn)?)
}

/// The figures of these schools; the day may differ by school (each school's own "today").
pub fn measure(conn: &mut DbConnection, schools: &[(i64, NaiveDate)], band: AgeBand, frozen: bool) -> Result<HashMap<i64, SchoolFigures>, ApiError> {
    let mut by_day: HashMap<NaiveDate, Vec<i64>> = HashMap::new();
    for &(id, day) in schools {
        by_day.entry(day).or_default().push(id);
    }
    let mut out: HashMap<i64, SchoolFigures> = schools.iter().map(|&(id, _)| (id, SchoolFigures::default())).collect();
    for (day, ids) in by_day {
        measure_day(conn, &ids, Taken { day, frozen }, band, &mut out)?;
    }
    Ok(out)
}

fn measure_day(conn: &mut DbConnection, ids: &[i64], at: Taken, band: AgeBand, out: &mut HashMap<i64, SchoolFigures>) -> Result<(), ApiError> {
    let schools = id_list(ids);
    let programmes = format!("g.school_id IN ({schools}) AND g.status <> 'archived'");

    for (table, is_mentor) in [("program_mentors", true), ("program_mentees", false)] {
        let sql = format!(
            "SELECT g.school_id AS school_id, COUNT(DISTINCT e.participant_id) AS n FROM {table} e \
             JOIN programs g ON g.id = e.program_id WHERE {programmes} AND e.status <> 'withdrawn' GROUP BY g.school_id"
        );
        for c in counts(conn, sql)? {
            if let Some(f) = out.get_mut(&c.school_id) {
                if is_mentor { f.mentors = c.n } else { f.mentees = c.n }
            }
        }
    }

    let pairs = if at.frozen {
        format!("pa.status IN {COUNTED_PAIRS} AND (pa.order_id IS NULL OR pa.order_id IN (SELECT id FROM pairing_orders WHERE signed_on <= {}))", date(at.day))
    } else {
        format!("pa.status IN {COUNTED_PAIRS}")
    };
    let sql = format!(
        "SELECT g.school_id AS school_id, pa.form AS form, COUNT(*) AS n FROM pairs pa JOIN programs g ON g.id = pa.program_id \
         WHERE {programmes} AND {pairs} GROUP BY g.school_id, pa.form"
    );
    for c in diesel::sql_query(sql).load::<FormCount>(conn)? {
        if let (Some(f), Some(i)) = (out.get_mut(&c.school_id), FORMS.iter().position(|x| *x == c.form)) {
            f.pairs[i] = c.n;
        }
    }

    // The headline numerator: students of the band who are mentees of a counted pair.
    let involved = format!(
        "FROM pair_mentees pm JOIN pairs pa ON pa.id = pm.pair_id JOIN programs g ON g.id = pa.program_id \
         JOIN program_mentees e ON e.id = pm.mentee_id JOIN participants p ON p.id = e.participant_id \
         WHERE {programmes} AND {pairs} AND p.kind = 'student' AND {}",
        in_band(band, at.day)
    );
    let sql = format!("SELECT g.school_id AS school_id, pm.form AS form, COUNT(DISTINCT p.id) AS n {involved} GROUP BY g.school_id, pm.form");
    for c in diesel::sql_query(sql).load::<FormCount>(conn)? {
        if let (Some(f), Some(i)) = (out.get_mut(&c.school_id), FORMS.iter().position(|x| *x == c.form)) {
            f.involved[i] = c.n;
        }
    }
    // A student in two forms counts once in all: only schools with involvement in several forms
    // need the distinct count over forms (rare: most schools run student–student alone), so
    // the second pass over the same join runs for them only.
    let mut several = Vec::new();
    for &id in ids {
        if let Some(f) = out.get_mut(&id) {
            if f.involved.iter().filter(|&&n| n > 0).count() > 1 {
                several.push(id);
            } else {
                f.involved_total = f.involved.iter().sum();
            }
        }
    }
    if !several.is_empty() {
        let sql = format!("SELECT g.school_id AS school_id, COUNT(DISTINCT p.id) AS n {involved} AND g.school_id IN ({}) GROUP BY g.school_id", id_list(&several));
        for c in counts(conn, sql)? {
            if let Some(f) = out.get_mut(&c.school_id) {
                f.involved_total = c.n;
            }
        }
    }

    // The denominator: each school's contingent nearest the day, on or before it.
    let sql = format!(
        "SELECT c.organization_id AS school_id, CAST(SUM(CASE WHEN c.age BETWEEN {} AND {} THEN c.students ELSE 0 END) AS BIGINT) AS students, \
         MAX(c.reference_date) AS reference_date FROM contingent_age_groups c \
         JOIN (SELECT organization_id, MAX(reference_date) AS d FROM contingent_age_groups \
               WHERE organization_id IN ({schools}) AND reference_date <= {} GROUP BY organization_id) l \
           ON l.organization_id = c.organization_id AND l.d = c.reference_date \
         GROUP BY c.organization_id",
        band.from,
        band.to,
        date(at.day)
    );
    for b in diesel::sql_query(sql).load::<Band>(conn)? {
        if let Some(f) = out.get_mut(&b.school_id) {
            f.students_in_band = Some(b.students.unwrap_or(0));
            f.contingent_date = Some(b.reference_date);
        }
    }

    // The roadmap: cancelled activities do not count; overdue is past its deadline and still open.
    let sql = format!(
        "SELECT g.school_id AS school_id, \
           CAST(SUM(CASE WHEN a.status = 'done' THEN 1 ELSE 0 END) AS BIGINT) AS done, \
           CAST(COUNT(*) AS BIGINT) AS total, \
           CAST(SUM(CASE WHEN a.status IN ('planned', 'in_progress') AND a.deadline < {} THEN 1 ELSE 0 END) AS BIGINT) AS overdue \
         FROM roadmap_activities a JOIN programs g ON g.id = a.program_id \
         WHERE {programmes} AND a.status <> 'cancelled' GROUP BY g.school_id",
        date(at.day)
    );
    for r in diesel::sql_query(sql).load::<Roadmap>(conn)? {
        if let Some(f) = out.get_mut(&r.school_id) {
            (f.roadmap_done, f.roadmap_total, f.roadmap_overdue) = (r.done, r.total, r.overdue);
        }
    }

    // Monitoring: answers submitted through the one-time links, against the links issued.
    let surveys = "JOIN surveys s ON s.id = i.survey_id JOIN programs g ON g.id = s.program_id";
    let sql = format!(
        "SELECT g.school_id AS school_id, COUNT(*) AS n FROM survey_invitations i {surveys} WHERE {programmes} GROUP BY g.school_id"
    );
    for c in counts(conn, sql)? {
        if let Some(f) = out.get_mut(&c.school_id) {
            f.invitations = c.n;
        }
    }
    let sql = format!(
        "SELECT g.school_id AS school_id, COUNT(*) AS n FROM survey_responses r JOIN survey_invitations i ON i.id = r.invitation_id {surveys} \
         WHERE {programmes} AND r.submitted_at IS NOT NULL GROUP BY g.school_id"
    );
    for c in counts(conn, sql)? {
        if let Some(f) = out.get_mut(&c.school_id) {
            f.responses = c.n;
        }
    }

    let sql = silence_sql(conn, &programmes, at);
    for c in counts(conn, sql)? {
        if let Some(f) = out.get_mut(&c.school_id) {
            f.silence_alerts = c.n;
        }
    }
    Ok(())
}

/// Working pairs gone quiet (introduced, no held meeting for longer than the school's limit) or
/// never introduced past the limit: the two silence alerts of meetings/alerts.rs, counted per
/// school with each school's own limits.
fn silence_sql(conn: &DbConnection, programmes: &str, at: Taken) -> String {
    let held = format!("m.status = 'held'{}", at.until("m.starts_at"));
    let inner = format!(
        "SELECT g.school_id AS school_id, \
           COALESCE(ms.quiet_after_days, {QUIET_AFTER_DAYS}) AS quiet, \
           COALESCE(ms.introduction_within_days, {INTRODUCTION_WITHIN_DAYS}) AS intro_limit, \
           {} AS waiting, \
           {} AS silent, \
           SUM(CASE WHEN {held} AND m.kind = 'introduction' THEN 1 ELSE 0 END) AS introduced \
         FROM pairs pa JOIN programs g ON g.id = pa.program_id \
         LEFT JOIN pairing_orders o ON o.id = pa.order_id \
         LEFT JOIN meeting_settings ms ON ms.school_id = g.school_id \
         LEFT JOIN meetings m ON m.pair_id = pa.id \
         WHERE {programmes} AND pa.status IN ('approved', 'active') \
         GROUP BY g.school_id, pa.id, ms.quiet_after_days, ms.introduction_within_days, o.signed_on, pa.created_at",
        days_since(conn, at.day, "COALESCE(o.signed_on, pa.created_at)"),
        days_since(conn, at.day, &format!("MAX(CASE WHEN {held} THEN m.starts_at END)")),
    );
    format!(
        "SELECT school_id, CAST(SUM(CASE WHEN introduced = 0 AND waiting > intro_limit THEN 1 \
                                         WHEN introduced > 0 AND silent > quiet THEN 1 ELSE 0 END) AS BIGINT) AS n \
         FROM ({inner}) w GROUP BY school_id"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn the_band_is_inclusive_at_both_ends() {
        // On 1 Oct 2026 a child born 1 Oct 2016 has just turned 10; one born 2 Oct 2007 is 18
        // for one more day; one born 1 Oct 2007 has turned 19.
        let (after, upto) = birth_window(AgeBand::default(), d(2026, 10, 1));
        assert_eq!((after, upto), (d(2007, 10, 1), d(2016, 10, 1)));
        let sql = in_band(AgeBand::default(), d(2026, 10, 1));
        assert!(sql.contains("'2007-10-01'") && sql.contains("'2016-10-01'"), "{sql}");
        // Birth year only: 1 July 2008 … 1 July 2016 lie in the window.
        assert!(sql.contains("BETWEEN 2008 AND 2016"), "{sql}");
    }
}
