//! Practices in the database: who sees which, the search key, and the check that a text names no
//! child of the school.

use std::collections::HashMap;

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::{Practice, PracticeStatus, PracticeSummary};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::{DbConnection, one_of};
use crate::db::schema::{organizations, pairs, participants, practices, programs};
use crate::db::text::from_text;
use crate::error::ApiError;
use crate::http::etag::etag_value;
use crate::orgs::store::{ancestry, with_descendants};
use crate::participants::dto::ParticipantKind;
use crate::participants::store::is_minor;
use crate::programs::store::school_today;

#[derive(Queryable, Selectable)]
#[diesel(table_name = practices)]
pub struct PracticeRow {
    pub id: i64,
    pub school_id: i64,
    pub region_id: i64,
    pub program_id: Option<i64>,
    pub pair_id: Option<i64>,
    pub title: String,
    pub summary: String,
    pub body: String,
    pub form: String,
    pub role_model: Option<String>,
    pub author: String,
    pub status: String,
    pub review_note: Option<String>,
    pub submitted_at: Option<NaiveDateTime>,
    pub published_at: Option<NaiveDateTime>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// What search matches, lower-cased by Rust so that Cyrillic works on SQLite too.
pub fn search_key(title: &str, summary: &str, body: &str, author: &str) -> String {
    format!("{title}\n{summary}\n{author}\n{body}").to_lowercase()
}

/// The region an organisation lies in: the root of its tree.
pub fn region_of(conn: &mut DbConnection, organization_id: i64) -> Result<i64, ApiError> {
    ancestry(conn, organization_id)?.last().copied().ok_or_else(|| ApiError::not_found(format!("organisation {organization_id}")))
}

/// Where the caller reaches: the library of its regions, the schools whose practices it writes,
/// those whose submitted practices it reviews. `None` for the system administrator: everywhere.
pub struct Reach {
    pub regions: Vec<i64>,
    pub writes: Vec<i64>,
    pub reviews: Vec<i64>,
}

pub fn reach(conn: &mut DbConnection, principal: &Principal) -> Result<Option<Reach>, ApiError> {
    if principal.is_system_admin() {
        return Ok(None);
    }
    let mut regions = Vec::new();
    for g in &principal.grants {
        let region = region_of(conn, g.organization_id)?;
        if !regions.contains(&region) {
            regions.push(region);
        }
    }
    let writes = with_descendants(conn, &principal.grants_allowing(Action::WritePractice))?;
    let reviews = with_descendants(conn, &principal.grants_allowing(Action::PublishPractice))?;
    Ok(Some(Reach { regions, writes, reviews }))
}

impl Reach {
    pub fn sees(&self, row: &PracticeRow) -> bool {
        (row.status == "published" && self.regions.contains(&row.region_id))
            || self.writes.contains(&row.school_id)
            || (row.status != "draft" && self.reviews.contains(&row.school_id))
    }
}

/// The practice, if the caller may see it (404 otherwise, as if it did not exist), then
/// authorized for `action` on its school (403 when seen but not allowed).
pub fn practice_for(conn: &mut DbConnection, principal: &Principal, id: i64, action: Option<Action>) -> Result<PracticeRow, ApiError> {
    let row = practices::table.find(id).select(PracticeRow::as_select()).first(conn).optional()?;
    let row = row.ok_or_else(|| ApiError::not_found(format!("practice {id}")))?;
    if let Some(reach) = reach(conn, principal)?
        && !reach.sees(&row)
    {
        return Err(ApiError::not_found(format!("practice {id}")));
    }
    if let Some(action) = action {
        authorize(conn, principal, action, row.school_id).map_err(|e| e.not_found_as(format!("practice {id}")))?;
    }
    Ok(row)
}

fn school_names(conn: &mut DbConnection, ids: &[i64]) -> Result<HashMap<i64, String>, ApiError> {
    Ok(organizations::table.filter(one_of(organizations::id, ids)).select((organizations::id, organizations::name)).load::<(i64, String)>(conn)?.into_iter().collect())
}

pub fn to_practice(conn: &mut DbConnection, r: PracticeRow) -> Result<Practice, ApiError> {
    let school_name = school_names(conn, &[r.school_id])?.remove(&r.school_id).unwrap_or_default();
    Ok(Practice {
        id: r.id,
        school_id: r.school_id,
        school_name,
        program_id: r.program_id,
        pair_id: r.pair_id,
        title: r.title,
        summary: r.summary,
        body: r.body,
        form: from_text(&r.form)?,
        role_model: r.role_model.as_deref().map(from_text).transpose()?,
        author: r.author,
        status: from_text(&r.status)?,
        review_note: r.review_note,
        submitted_at: r.submitted_at.map(|t| t.and_utc()),
        published_at: r.published_at.map(|t| t.and_utc()),
        created_at: r.created_at.and_utc(),
        updated_at: r.updated_at.and_utc(),
        etag: etag_value("practice", r.id, r.version),
    })
}

pub fn load_practice(conn: &mut DbConnection, id: i64) -> Result<Practice, ApiError> {
    let row = practices::table.find(id).select(PracticeRow::as_select()).first(conn)?;
    to_practice(conn, row)
}

pub fn to_summaries(conn: &mut DbConnection, rows: Vec<PracticeRow>) -> Result<Vec<PracticeSummary>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.school_id).collect();
    let names = school_names(conn, &ids)?;
    rows.into_iter()
        .map(|r| {
            Ok(PracticeSummary {
                id: r.id,
                school_name: names.get(&r.school_id).cloned().unwrap_or_default(),
                school_id: r.school_id,
                title: r.title,
                summary: r.summary,
                form: from_text(&r.form)?,
                role_model: r.role_model.as_deref().map(from_text).transpose()?,
                author: r.author,
                status: from_text(&r.status)?,
                published_at: r.published_at.map(|t| t.and_utc()),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

/// The programme and pair a practice refers to must be the school's own.
pub fn check_links(conn: &mut DbConnection, school_id: i64, program_id: Option<i64>, pair_id: Option<i64>) -> Result<(), ApiError> {
    if let Some(p) = program_id {
        let school: Option<i64> = programs::table.find(p).select(programs::school_id).first(conn).optional()?;
        if school != Some(school_id) {
            return Err(ApiError::field_problem("not_of_this_school", "program_id", format!("programme {p} is not one of this school's")));
        }
    }
    if let Some(p) = pair_id {
        let school: Option<i64> = pairs::table.inner_join(programs::table).filter(pairs::id.eq(p)).select(programs::school_id).first(conn).optional()?;
        if school != Some(school_id) {
            return Err(ApiError::field_problem("not_of_this_school", "pair_id", format!("pair {p} is not one of this school's")));
        }
    }
    Ok(())
}

/// Refuses a text that names a minor of the school's bases ("Фамилия Имя" either way round):
/// a published practice must carry no child's personal data. The answer names the field and the
/// participant's id, never the name.
pub fn check_no_child_named(conn: &mut DbConnection, school_id: i64, fields: &[(&str, &str)]) -> Result<(), ApiError> {
    type Row = (i64, String, Option<String>, Option<String>, Option<chrono::NaiveDate>, Option<i32>);
    let today = school_today(conn, school_id)?;
    let people: Vec<Row> = participants::table
        .filter(participants::school_id.eq(school_id))
        .filter(participants::erased_at.is_null())
        .select((participants::id, participants::kind, participants::last_name, participants::first_name, participants::birth_date, participants::birth_year))
        .load(conn)?;
    let texts: Vec<(&str, String)> = fields.iter().map(|(f, t)| (*f, t.to_lowercase().replace('ё', "е"))).collect();
    for (id, kind, last, first, birth_date, birth_year) in people {
        let kind = ParticipantKind::parse(&kind).unwrap_or(ParticipantKind::Student);
        let (Some(last), Some(first)) = (last, first) else { continue };
        if !is_minor(kind, birth_date, birth_year, today) {
            continue;
        }
        let (l, f) = (last.trim().to_lowercase().replace('ё', "е"), first.trim().to_lowercase().replace('ё', "е"));
        if l.is_empty() || f.is_empty() {
            continue;
        }
        for (field, text) in &texts {
            if text.contains(&format!("{l} {f}")) || text.contains(&format!("{f} {l}")) {
                return Err(ApiError::field_problem(
                    "personal_data_in_practice",
                    field,
                    format!("names a child of the school's bases (participant {id}): a practice is published without children's names"),
                ));
            }
        }
    }
    Ok(())
}

/// Moves the practice to `to`, stamping when and by whom.
pub fn set_status(conn: &mut DbConnection, row: &PracticeRow, to: PracticeStatus, note: Option<String>, actor: &str) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    let status = crate::db::text::to_text(&to)?;
    let version = row.version + 1;
    let q = diesel::update(practices::table.find(row.id));
    match to {
        PracticeStatus::Submitted => q.set((practices::status.eq(status), practices::submitted_at.eq(now), practices::version.eq(version), practices::updated_at.eq(now))).execute(conn)?,
        PracticeStatus::Published => q
            .set((practices::status.eq(status), practices::published_at.eq(now), practices::published_by.eq(actor), practices::review_note.eq(None::<String>), practices::version.eq(version), practices::updated_at.eq(now)))
            .execute(conn)?,
        PracticeStatus::Draft => q.set((practices::status.eq(status), practices::review_note.eq(note), practices::version.eq(version), practices::updated_at.eq(now))).execute(conn)?,
    };
    Ok(())
}
