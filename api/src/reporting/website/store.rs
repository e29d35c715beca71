//! Reads the feed: the school by its slug, its current published programme, and the figures —
//! counts only, never a row about a person.

use actix_web::http::StatusCode;
use chrono::NaiveDate;
use diesel::prelude::*;

use super::definitions::{DEFINITIONS, INVITATION, PAGE_TITLE, form_label};
use super::dto::{FeedContact, FeedFigures, FeedForm, FeedNews, FeedProgramme, FeedRoadmap, FeedSchool, FeedStage, FormFigure, SchoolFeed};
use super::suppress::{Figure, THRESHOLD, breakdown};
use crate::db::DbConnection;
use crate::db::schema::{media_plan_items as mp, meetings, organizations as orgs, pairs, program_mentees, program_mentors, programs, roadmap_activities as ra};
use crate::db::text::{from_json, from_text};
use crate::error::ApiError;
use crate::programs::dto::MentorshipForm;
use crate::programs::progress::{self, Progress};
use crate::programs::stages::STAGES;
use crate::programs::status::{ActivityStatus, MediaStatus, ProgramStatus};
use crate::programs::store::school_today;

/// How many news items the page carries: a page, not an archive.
const NEWS_LIMIT: i64 = 20;

/// Programme statuses a school shows the public. A draft is still being written; an archived
/// programme is a record for the institute, not news.
const PUBLISHED: [ProgramStatus; 2] = [ProgramStatus::Active, ProgramStatus::Completed];

/// One answer for an unknown slug, a slug of a region or institute, and a school with nothing
/// published, so that the address tells a stranger nothing.
pub fn feed_not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "school_feed_not_found", "no published mentorship page at this address")
}

type ProgrammeRow = (i64, String, String, NaiveDate, NaiveDate, String, Option<String>, Option<String>, Option<String>, Option<String>, String, String);

pub fn load_feed(conn: &mut DbConnection, slug: &str) -> Result<SchoolFeed, ApiError> {
    let school: Option<(i64, String, Option<String>, String)> = orgs::table
        .filter(orgs::slug.eq(slug))
        .filter(orgs::kind.eq("school"))
        .select((orgs::id, orgs::name, orgs::short_name, orgs::slug))
        .first(conn)
        .optional()?;
    let (school_id, name, short_name, slug) = school.ok_or_else(feed_not_found)?;
    let row = current_programme(conn, school_id)?.ok_or_else(feed_not_found)?;
    let (id, title, academic_year, start_date, end_date, forms, contact_name, contact_phone, contact_email, goal, tasks, status) = row;
    let forms: Vec<MentorshipForm> = from_json(&forms)?;
    let status = if ProgramStatus::parse(&status)? == ProgramStatus::Active { "active" } else { "completed" };
    let today = school_today(conn, school_id)?;
    let contact = (contact_name.is_some() || contact_phone.is_some() || contact_email.is_some())
        .then_some(FeedContact { name: contact_name, phone: contact_phone, email: contact_email });
    Ok(SchoolFeed {
        title: PAGE_TITLE,
        school: FeedSchool { name, short_name, slug },
        programme: FeedProgramme {
            title,
            academic_year,
            start_date,
            end_date,
            status,
            goal,
            tasks: from_json(&tasks)?,
            forms: forms.iter().map(|&code| FeedForm { code, label: form_label(code) }).collect(),
        },
        definitions: DEFINITIONS.to_vec(),
        contact,
        roadmap: roadmap(conn, id, today)?,
        news: news(conn, id)?,
        figures: figures(conn, id, &forms)?,
        invitation: INVITATION,
    })
}

/// The school's current published programme: a running one before a completed one, then the
/// latest to start, then the latest created.
fn current_programme(conn: &mut DbConnection, school_id: i64) -> Result<Option<ProgrammeRow>, ApiError> {
    let mut rows: Vec<ProgrammeRow> = programs::table
        .filter(programs::school_id.eq(school_id))
        .filter(programs::status.eq_any(PUBLISHED.map(ProgramStatus::as_str)))
        .select((
            programs::id,
            programs::title,
            programs::academic_year,
            programs::start_date,
            programs::end_date,
            programs::forms,
            programs::contact_name,
            programs::contact_phone,
            programs::contact_email,
            programs::goal,
            programs::tasks,
            programs::status,
        ))
        .load(conn)?;
    rows.sort_by_key(|r| (r.11 == ProgramStatus::Active.as_str(), r.3, r.0));
    Ok(rows.pop())
}

fn roadmap(conn: &mut DbConnection, program_id: i64, today: NaiveDate) -> Result<FeedRoadmap, ApiError> {
    let rows: Vec<(i32, String, NaiveDate)> =
        ra::table.filter(ra::program_id.eq(program_id)).select((ra::stage_no, ra::status, ra::deadline)).load(conn)?;
    let activities = rows.into_iter().map(|(s, status, d)| Ok((s, ActivityStatus::parse(&status)?, d))).collect::<Result<Vec<_>, ApiError>>()?;
    let measured = progress::measure(&activities, today);
    let stage = |number: i32, p: Progress| FeedStage { number, title: STAGES[(number - 1) as usize].title, done: p.done, total: p.total };
    let stages: Vec<FeedStage> = (1..).zip(measured.stages.iter()).map(|(n, p)| stage(n, *p)).collect();
    let current_stage = measured.current_stage.and_then(|n| stages.iter().find(|s| s.number == n).cloned());
    let Progress { done, total, percent, .. } = measured.overall;
    Ok(FeedRoadmap { done, total, percent, current_stage, stages })
}

/// (event, message, channel, deadline, published_url)
type NewsRow = (String, Option<String>, Option<String>, NaiveDate, Option<String>);

fn news(conn: &mut DbConnection, program_id: i64) -> Result<Vec<FeedNews>, ApiError> {
    let rows: Vec<NewsRow> = mp::table
        .filter(mp::program_id.eq(program_id))
        .filter(mp::status.eq(MediaStatus::Published.as_str()))
        .filter(mp::published_url.is_not_null())
        .order((mp::deadline.desc(), mp::id.desc()))
        .limit(NEWS_LIMIT)
        .select((mp::event, mp::message, mp::channel, mp::deadline, mp::published_url))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(title, summary, channel, date, url)| url.filter(|u| is_web_link(u)).map(|url| FeedNews { title, summary, channel, date, url }))
        .collect())
}

/// Only web links go to a school's page: a `javascript:` link there would run on the school's site.
fn is_web_link(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Pairs that exist for the public: approved by an order, running or done. A proposal is the
/// curator's draft; a dissolved pair is not an achievement.
const COUNTED_PAIRS: [&str; 3] = ["approved", "active", "completed"];
/// Mentees who entered the base, whatever happened next, except those who withdrew.
const COUNTED_MENTEES: [&str; 4] = ["in_base", "matched", "awaiting_support", "completed"];

fn figures(conn: &mut DbConnection, program_id: i64, forms: &[MentorshipForm]) -> Result<FeedFigures, ApiError> {
    let mentors: i64 = program_mentors::table
        .filter(program_mentors::program_id.eq(program_id))
        .filter(program_mentors::status.eq("in_base"))
        .count()
        .get_result(conn)?;
    let mentees: i64 = program_mentees::table
        .filter(program_mentees::program_id.eq(program_id))
        .filter(program_mentees::status.eq_any(COUNTED_MENTEES))
        .count()
        .get_result(conn)?;
    let pair_forms: Vec<String> =
        pairs::table.filter(pairs::program_id.eq(program_id)).filter(pairs::status.eq_any(COUNTED_PAIRS)).select(pairs::form).load(conn)?;
    let meetings_held: i64 = meetings::table
        .inner_join(pairs::table)
        .filter(pairs::program_id.eq(program_id))
        .filter(pairs::status.eq_any(COUNTED_PAIRS))
        .filter(meetings::status.eq("held"))
        .count()
        .get_result(conn)?;
    let pair_forms = pair_forms.iter().map(|f| from_text(f)).collect::<Result<Vec<MentorshipForm>, ApiError>>()?;
    // The programme's forms, and any other form a pair was formed in (a form dropped later).
    let mut shown: Vec<MentorshipForm> = forms.to_vec();
    for f in &pair_forms {
        if !shown.contains(f) {
            shown.push(*f);
        }
    }
    let cells: Vec<i64> = shown.iter().map(|f| pair_forms.iter().filter(|p| *p == f).count() as i64).collect();
    let pairs_by_form = shown
        .iter()
        .zip(breakdown(&cells))
        .map(|(&form, pairs)| FormFigure { form, label: form_label(form), pairs })
        .collect();
    Ok(FeedFigures {
        mentors: Figure::of(mentors),
        mentees: Figure::of(mentees),
        pairs: Figure::of(pair_forms.len() as i64),
        pairs_by_form,
        meetings_held: Figure::of(meetings_held),
        threshold: THRESHOLD,
    })
}
