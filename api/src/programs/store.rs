//! Queries over programmes, their roadmap activities and media plans.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::dto::{Activity, MediaItem, MentorshipForm, Program};
use super::kept_progress::{self, KeptProgress, RoadmapAt};
use super::progress;
use super::status::{ActivityStatus, MediaStatus, ProgramStatus, programme_closed};
use super::template::{STANDARD_MEDIA_PLAN, TemplateActivity, place_deadline, standard_roadmap};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal, Role};
use crate::db::stamp::{Day, Stamp};
use crate::db::{DbConnection, filter_one_of, natively, one_of};
use crate::db::schema::{media_plan_items, memberships, organizations, program_curators, programs, roadmap_activities, roadmap_templates, users};
use crate::error::ApiError;
use crate::http::etag::etag_value;

#[derive(Queryable, Selectable)]
#[diesel(table_name = programs)]
pub struct ProgramRow {
    pub id: i64,
    pub school_id: i64,
    pub title: String,
    pub academic_year: String,
    pub start_date: Day,
    pub end_date: Day,
    pub forms: String,
    pub coordinator_id: Option<i64>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    pub goal: Option<String>,
    pub tasks: String,
    pub status: String,
    pub version: i64,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    /// Bumped by every change to the programme's activities (`kept_progress`).
    pub roadmap_version: i64,
}

/// What a change to a programme's content must know first.
pub struct ProgramScope {
    pub school_id: i64,
    pub status: ProgramStatus,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
}

/// Authorizes `action` on the programme's school; a programme outside the caller's subtree is 404.
pub fn program_scope(conn: &mut DbConnection, principal: &Principal, action: Action, id: i64) -> Result<ProgramScope, ApiError> {
    let scope = program_facts(conn, id)?;
    authorize(conn, principal, action, scope.school_id)
        .map_err(|e| e.not_found_as(format!("programme {id}")))?;
    Ok(scope)
}

/// The programme's school, status and dates, for a caller already authorized another way (the
/// pair's own mentor, say).
pub fn program_facts(conn: &mut DbConnection, id: i64) -> Result<ProgramScope, ApiError> {
    let row: Option<(i64, String, NaiveDate, NaiveDate)> = programs::table
        .find(id)
        .select((programs::school_id, programs::status, programs::start_date, programs::end_date))
        .first(conn)
        .optional()?;
    let (school_id, status, start_date, end_date) = row.ok_or_else(|| ApiError::not_found(format!("programme {id}")))?;
    Ok(ProgramScope { school_id, status: ProgramStatus::parse(&status)?, start_date, end_date })
}

impl ProgramScope {
    /// Content changes are refused once the programme is completed or archived.
    pub fn open(self) -> Result<Self, ApiError> {
        if self.status.is_closed() { Err(programme_closed()) } else { Ok(self) }
    }

    /// A deadline must lie within the programme.
    pub fn check_deadline(&self, deadline: NaiveDate) -> Result<(), ApiError> {
        if deadline < self.start_date || deadline > self.end_date {
            return Err(ApiError::field_problem(
                "deadline_outside_programme",
                "deadline",
                format!("must lie within the programme, {} – {}", self.start_date, self.end_date),
            ));
        }
        Ok(())
    }
}

/// The school's time zone: its days, not the server's, decide "today", "overdue" and "on the day".
pub fn school_zone(conn: &mut DbConnection, school_id: i64) -> Result<chrono_tz::Tz, ApiError> {
    let tz: String = organizations::table.find(school_id).select(organizations::time_zone).first(conn)?;
    Ok(zone(&tz))
}

/// A stored time zone; Moscow's for one chrono-tz does not know.
fn zone(name: &str) -> chrono_tz::Tz {
    name.parse().unwrap_or(chrono_tz::Europe::Moscow)
}

/// The date at `now` in the stored time zone `name`: a school's "today".
pub fn date_at(now: DateTime<Utc>, name: &str) -> NaiveDate {
    now.with_timezone(&zone(name)).date_naive()
}

/// Today in the school's time zone.
pub fn school_today(conn: &mut DbConnection, school_id: i64) -> Result<NaiveDate, ApiError> {
    Ok(Utc::now().with_timezone(&school_zone(conn, school_id)?).date_naive())
}

/// The user must work at the school (any staff role) to coordinate, curate or be responsible.
pub fn check_staff(conn: &mut DbConnection, school_id: i64, user_id: i64, field: &str) -> Result<(), ApiError> {
    let staff = [Role::SchoolAdmin, Role::Coordinator, Role::Curator, Role::Psychologist, Role::Mentor].map(Role::as_str);
    let n: i64 = memberships::table
        .filter(memberships::user_id.eq(user_id))
        .filter(memberships::organization_id.eq(school_id))
        .filter(memberships::role.eq_any(staff))
        .count()
        .get_result(conn)?;
    if n == 0 {
        return Err(ApiError::invalid_field(field, format!("user {user_id} does not work at this school")));
    }
    Ok(())
}

fn json_list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    serde_json::from_str(text).unwrap_or_default()
}

/// Programmes with their curators and progress, in the order of `rows`: each row with its
/// school's time zone, which decides the school's "today" and so what is overdue. Lists call it,
/// so its statements run natively (`db::native`). A read passes the server's kept progress, which
/// it uses and fills; a write passes `None` (see `kept_progress`).
pub fn to_programs(conn: &mut DbConnection, rows: Vec<(ProgramRow, String)>, kept: Option<&KeptProgress>) -> Result<Vec<Program>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|(r, _)| r.id).collect();
    let curators: Vec<(i64, i64)> = natively!(conn, |c| {
        let q = program_curators::table.order(program_curators::id).select((program_curators::program_id, program_curators::user_id));
        filter_one_of!(q, program_curators::program_id, ids, |q| q.load(c)?)
    });
    let now = Utc::now();
    let at: Vec<(i64, RoadmapAt)> =
        rows.iter().map(|(r, tz)| (r.id, RoadmapAt { version: r.roadmap_version, today: date_at(now, tz) })).collect();
    let counted = kept_progress::progress_at(conn, &at, kept)?;
    let mut out = Vec::with_capacity(rows.len());
    for (r, _) in rows {
        out.push(Program {
            id: r.id,
            school_id: r.school_id,
            title: r.title,
            academic_year: r.academic_year,
            start_date: r.start_date.0,
            end_date: r.end_date.0,
            forms: json_list::<MentorshipForm>(&r.forms),
            coordinator_id: r.coordinator_id,
            curator_ids: curators.iter().filter(|c| c.0 == r.id).map(|c| c.1).collect(),
            contact_name: r.contact_name,
            contact_phone: r.contact_phone,
            contact_email: r.contact_email,
            goal: r.goal,
            tasks: json_list(&r.tasks),
            status: ProgramStatus::parse(&r.status)?,
            progress: counted.get(&r.id).copied().unwrap_or_default(),
            created_at: r.created_at.0.and_utc(),
            updated_at: r.updated_at.0.and_utc(),
            version: r.version,
        });
    }
    Ok(out)
}

/// The programme as a write sees it (see `to_programs`): its progress counted afresh.
pub fn load_program(conn: &mut DbConnection, id: i64) -> Result<Program, ApiError> {
    read_program(conn, id, None)
}

/// The programme, its progress kept or counted as `to_programs` says.
pub fn read_program(conn: &mut DbConnection, id: i64, kept: Option<&KeptProgress>) -> Result<Program, ApiError> {
    // Natively: `ProgramRow` reads its dates as `db::stamp` does, for each backend.
    let row: Option<(ProgramRow, String)> = natively!(conn, |c| {
        let q = programs::table.inner_join(organizations::table).filter(programs::id.eq(id));
        q.select((ProgramRow::as_select(), organizations::time_zone)).first(c).optional()?
    });
    let row = row.ok_or_else(|| ApiError::not_found(format!("programme {id}")))?;
    to_programs(conn, vec![row], kept)?.pop().ok_or_else(|| ApiError::not_found(format!("programme {id}")))
}

pub fn set_curators(conn: &mut DbConnection, program_id: i64, user_ids: &[i64]) -> Result<(), ApiError> {
    diesel::delete(program_curators::table.filter(program_curators::program_id.eq(program_id))).execute(conn)?;
    let mut seen = Vec::new();
    for &user_id in user_ids {
        if !seen.contains(&user_id) {
            diesel::insert_into(program_curators::table)
                .values((program_curators::program_id.eq(program_id), program_curators::user_id.eq(user_id)))
                .execute(conn)?;
            seen.push(user_id);
        }
    }
    Ok(())
}

/// The template schools of the institute start from, if the institute keeps one.
pub fn regional_template(conn: &mut DbConnection, institute_id: i64) -> Result<Option<Vec<TemplateActivity>>, ApiError> {
    let items: Option<String> = roadmap_templates::table
        .filter(roadmap_templates::organization_id.eq(institute_id))
        .select(roadmap_templates::items)
        .first(conn)
        .optional()?;
    Ok(items.map(|t| json_list(&t)))
}

/// The roadmap a new programme of this school starts from: its institute's, or the standard one.
pub fn template_for_school(conn: &mut DbConnection, school_id: i64) -> Result<Vec<TemplateActivity>, ApiError> {
    let parent: Option<i64> = organizations::table.find(school_id).select(organizations::parent_id).first(conn)?;
    if let Some(institute) = parent
        && let Some(items) = regional_template(conn, institute)?
    {
        return Ok(items);
    }
    Ok(standard_roadmap())
}

/// Seeds the roadmap and the seven standard media-plan items of a new programme.
pub fn seed(conn: &mut DbConnection, program_id: i64, template: &[TemplateActivity], first_year: i32, start: NaiveDate, end: NaiveDate) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    let mut position = std::collections::HashMap::new();
    for item in template {
        let pos: &mut i32 = position.entry(item.stage_no).or_insert(0);
        *pos += 1;
        diesel::insert_into(roadmap_activities::table)
            .values((
                roadmap_activities::program_id.eq(program_id),
                roadmap_activities::stage_no.eq(item.stage_no),
                roadmap_activities::position.eq(*pos),
                roadmap_activities::title.eq(&item.title),
                roadmap_activities::content.eq(&item.content),
                roadmap_activities::deadline.eq(place_deadline(first_year, item.month, start, end)),
                roadmap_activities::responsible_role.eq(item.responsible_role.map(Role::as_str)),
                roadmap_activities::expected_result.eq(&item.expected_result),
                roadmap_activities::status.eq(ActivityStatus::Planned.as_str()),
                roadmap_activities::created_at.eq(now),
                roadmap_activities::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    for item in &STANDARD_MEDIA_PLAN {
        diesel::insert_into(media_plan_items::table)
            .values((
                media_plan_items::program_id.eq(program_id),
                media_plan_items::stage_no.eq(item.stage_no),
                media_plan_items::event.eq(item.event),
                media_plan_items::message.eq(item.message),
                media_plan_items::channel.eq(item.channel),
                media_plan_items::form.eq(item.form),
                media_plan_items::deadline.eq(place_deadline(first_year, item.month, start, end)),
                media_plan_items::responsible.eq("Куратор"),
                media_plan_items::status.eq(MediaStatus::Planned.as_str()),
                media_plan_items::created_at.eq(now),
                media_plan_items::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = roadmap_activities)]
pub struct ActivityRow {
    pub id: i64,
    pub program_id: i64,
    pub stage_no: i32,
    pub position: i32,
    pub title: String,
    pub content: String,
    pub deadline: NaiveDate,
    pub responsible_role: Option<String>,
    pub responsible_user_id: Option<i64>,
    pub expected_result: Option<String>,
    pub status: String,
    pub result_note: Option<String>,
    pub evidence_order_number: Option<String>,
    pub evidence_order_date: Option<NaiveDate>,
    pub evidence_link: Option<String>,
    pub completed_at: Option<NaiveDateTime>,
    pub version: i64,
    pub updated_at: NaiveDateTime,
}

/// A programme's activities in roadmap order, with the responsible people's names.
pub fn activities(conn: &mut DbConnection, program_id: i64, today: NaiveDate) -> Result<Vec<Activity>, ApiError> {
    let rows: Vec<ActivityRow> = roadmap_activities::table
        .filter(roadmap_activities::program_id.eq(program_id))
        .order((roadmap_activities::stage_no, roadmap_activities::position, roadmap_activities::id))
        .select(ActivityRow::as_select())
        .load(conn)?;
    to_activities(conn, rows, today)
}

pub fn load_activity(conn: &mut DbConnection, id: i64, today: NaiveDate) -> Result<Activity, ApiError> {
    let row = roadmap_activities::table.find(id).select(ActivityRow::as_select()).first(conn).optional()?;
    let row = row.ok_or_else(|| ApiError::not_found(format!("roadmap activity {id}")))?;
    to_activities(conn, vec![row], today)?.pop().ok_or_else(|| ApiError::not_found("roadmap activity"))
}

fn to_activities(conn: &mut DbConnection, rows: Vec<ActivityRow>, today: NaiveDate) -> Result<Vec<Activity>, ApiError> {
    let user_ids: Vec<i64> = rows.iter().filter_map(|r| r.responsible_user_id).collect();
    let names: Vec<(i64, String)> = users::table.filter(one_of(users::id, &user_ids)).select((users::id, users::full_name)).load(conn)?;
    rows.into_iter()
        .map(|r| {
            let status = ActivityStatus::parse(&r.status)?;
            Ok(Activity {
                etag: etag_value("activity", r.id, r.version),
                overdue: progress::is_overdue(status, r.deadline, today),
                responsible_user_name: r.responsible_user_id.and_then(|u| names.iter().find(|n| n.0 == u).map(|n| n.1.clone())),
                responsible_role: r.responsible_role.as_deref().and_then(Role::parse),
                id: r.id,
                program_id: r.program_id,
                stage_no: r.stage_no,
                position: r.position,
                title: r.title,
                content: r.content,
                deadline: r.deadline,
                responsible_user_id: r.responsible_user_id,
                expected_result: r.expected_result,
                status,
                result_note: r.result_note,
                evidence_order_number: r.evidence_order_number,
                evidence_order_date: r.evidence_order_date,
                evidence_link: r.evidence_link,
                completed_at: r.completed_at.map(|t| t.and_utc()),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = media_plan_items)]
pub struct MediaRow {
    pub id: i64,
    pub program_id: i64,
    pub stage_no: i32,
    pub event: String,
    pub message: Option<String>,
    pub channel: Option<String>,
    pub form: Option<String>,
    pub deadline: NaiveDate,
    pub responsible: Option<String>,
    pub status: String,
    pub published_url: Option<String>,
    pub version: i64,
    pub updated_at: NaiveDateTime,
}

pub fn to_media_item(r: MediaRow, today: NaiveDate) -> Result<MediaItem, ApiError> {
    let status = MediaStatus::parse(&r.status)?;
    let open = matches!(status, MediaStatus::Planned | MediaStatus::InProgress);
    Ok(MediaItem {
        etag: etag_value("media-item", r.id, r.version),
        overdue: open && r.deadline < today,
        id: r.id,
        program_id: r.program_id,
        stage_no: r.stage_no,
        event: r.event,
        message: r.message,
        channel: r.channel,
        form: r.form,
        deadline: r.deadline,
        responsible: r.responsible,
        status,
        published_url: r.published_url,
        updated_at: r.updated_at.and_utc(),
    })
}

pub fn media_items(conn: &mut DbConnection, program_id: i64, today: NaiveDate) -> Result<Vec<MediaItem>, ApiError> {
    let rows: Vec<MediaRow> = media_plan_items::table
        .filter(media_plan_items::program_id.eq(program_id))
        .order((media_plan_items::deadline, media_plan_items::stage_no, media_plan_items::id))
        .select(MediaRow::as_select())
        .load(conn)?;
    rows.into_iter().map(|r| to_media_item(r, today)).collect()
}
