//! `/pairs/{id}/meetings` and `/meetings/{id}`: scheduling, logging, moving and cancelling a
//! pair's meetings in the model's order; `/programs/{id}/meetings` and `/me/meetings` for the
//! calendars.

use actix_web::{HttpResponse, delete, get, http::header, patch, post, web};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;

use super::access::{PairAccess, Seat, linked_participants, pair_access};
use super::sequence::{Refusal, check_hold, check_remove, check_schedule};
use super::store::{MeetingRow, existing, load_meeting, mark_attendance, pair_of, to_meetings};
use super::{Meeting, MeetingKind, MeetingList, MeetingPatch, MeetingStatus, NewMeeting};
use crate::auth::{Action, Principal};
use crate::db::schema::{meetings as m, pair_mentees, pairing_orders, pairs, program_mentees, program_mentors, programs};
use crate::db::text::{from_text, to_text};
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::http::{IfMatch, ValidJson};
use crate::pairing::pairs::PairStatus;
use crate::pairing::pairs::store::change_status;
use crate::programs::status::{ProgramStatus, programme_closed};
use crate::programs::store::{program_scope, school_zone};

fn refused(r: Refusal) -> ApiError {
    match r {
        Refusal::Duplicate(detail) => ApiError::conflict("duplicate_meeting", detail),
        Refusal::OutOfOrder(detail) => ApiError::conflict("meeting_out_of_order", detail),
    }
}

/// A pair's meetings change only while it works (approved or active) and its programme is open.
fn open_for_meetings(conn: &mut DbConnection, access: &PairAccess) -> Result<Option<NaiveDate>, ApiError> {
    let status: String = programs::table.find(access.program_id).select(programs::status).first(conn)?;
    if ProgramStatus::parse(&status)?.is_closed() {
        return Err(programme_closed());
    }
    match access.status {
        PairStatus::Proposed => Err(ApiError::conflict("pair_not_approved", "meetings begin once the pair is approved by an order")),
        PairStatus::Completed | PairStatus::Dissolved => Err(ApiError::conflict("pair_closed", "the pair's work has ended: its meetings are a record")),
        PairStatus::Approved | PairStatus::Active => {
            let approved_on: Option<NaiveDate> =
                pairs::table.inner_join(pairing_orders::table).filter(pairs::id.eq(access.pair_id)).select(pairing_orders::signed_on).first(conn).optional()?;
            Ok(approved_on)
        }
    }
}

/// The meeting's own checks: it ends after it starts, lasts no more than a school day, and does
/// not come before the order approving the pair — on the school's calendar, not UTC's.
fn check_times(starts_at: NaiveDateTime, ends_at: NaiveDateTime, approved_on: Option<NaiveDate>, zone: chrono_tz::Tz) -> Result<(), ApiError> {
    if ends_at <= starts_at {
        return Err(ApiError::field_problem("invalid_time_range", "ends_at", "a meeting ends after it starts"));
    }
    if ends_at - starts_at > chrono::Duration::hours(12) {
        return Err(ApiError::field_problem("invalid_time_range", "ends_at", "a meeting lasts at most 12 hours"));
    }
    if let Some(day) = approved_on
        && starts_at.and_utc().with_timezone(&zone).date_naive() < day
    {
        return Err(ApiError::conflict("pair_not_approved", format!("the pair was approved on {}: a meeting cannot come before", day.format("%d.%m.%Y"))));
    }
    Ok(())
}

/// Marking a meeting held: it has taken place, its predecessor was held; the introduction starts
/// an approved pair's work.
fn hold(conn: &mut DbConnection, access: &PairAccess, kind: MeetingKind, starts_at: NaiveDateTime, principal: &Principal) -> Result<(), ApiError> {
    if starts_at > Utc::now().naive_utc() {
        return Err(ApiError::conflict("meeting_in_future", "a meeting is marked held after it took place"));
    }
    check_hold(&existing(conn, access.pair_id)?, kind).map_err(refused)?;
    if kind == MeetingKind::Introduction && access.status == PairStatus::Approved {
        change_status(conn, access.pair_id, PairStatus::Active, Some("встреча-знакомство проведена"), &principal.key())?;
    }
    Ok(())
}

fn seat_name(seat: Seat) -> &'static str {
    match seat {
        Seat::Staff => "curator",
        Seat::Mentor => "mentor",
        Seat::Mentee => "mentee",
    }
}

#[utoipa::path(
    tag = "meetings",
    summary = "A pair's meetings, in time order",
    params(("id" = i64, Path, description = "pair id")),
    responses((status = 200, body = MeetingList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/pairs/{id}/meetings")]
pub async fn list_meetings(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<MeetingList>, ApiError> {
    let pair_id = id.into_inner();
    let items = db
        .read(move |conn| {
            let access = pair_access(conn, &principal, pair_id, false)?;
            let rows: Vec<MeetingRow> = m::table.filter(m::pair_id.eq(pair_id)).order((m::starts_at, m::id)).select(MeetingRow::as_select()).load(conn)?;
            to_meetings(conn, rows, access.school_id, access.seat)
        })
        .await?;
    Ok(web::Json(MeetingList { items }))
}

#[utoipa::path(
    tag = "meetings",
    summary = "Schedule a meeting, or log one that took place",
    description = "The sequence holds: introduction, trial, planning, any number of regular meetings, final (409 meeting_out_of_order says what must come first; 409 duplicate_meeting for a second introduction, trial, planning or final). The pair's mentor and mentees log their own meetings; the staff log any.",
    params(("id" = i64, Path, description = "pair id")),
    request_body = NewMeeting,
    responses(
        (status = 201, body = Meeting, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "meeting_out_of_order, duplicate_meeting, pair_not_approved, pair_closed, meeting_in_future, programme_closed"),
        (status = 422, body = Problem, description = "invalid_time_range, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[post("/pairs/{id}/meetings")]
pub async fn create_meeting(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewMeeting>) -> Result<HttpResponse, ApiError> {
    let pair_id = id.into_inner();
    let new = body.0;
    let meeting = db
        .write(move |conn| {
            let access = pair_access(conn, &principal, pair_id, true)?;
            let approved_on = open_for_meetings(conn, &access)?;
            let (starts_at, ends_at) = (new.starts_at.naive_utc(), new.ends_at.naive_utc());
            check_times(starts_at, ends_at, approved_on, school_zone(conn, access.school_id)?)?;
            check_schedule(&existing(conn, pair_id)?, None, new.kind, starts_at).map_err(refused)?;
            let status = new.status.unwrap_or(MeetingStatus::Scheduled);
            if status == MeetingStatus::Cancelled {
                return Err(ApiError::invalid_field("status", "a new meeting is scheduled or held"));
            }
            let now = Utc::now().naive_utc();
            let trim = |s: Option<String>| s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
            let id: i64 = diesel::insert_into(m::table)
                .values((
                    m::pair_id.eq(pair_id),
                    m::kind.eq(to_text(&new.kind)?),
                    m::starts_at.eq(starts_at),
                    m::ends_at.eq(ends_at),
                    m::format.eq(to_text(&new.format)?),
                    m::link.eq(trim(new.link)),
                    m::place.eq(trim(new.place)),
                    m::topic.eq(trim(new.topic)),
                    m::plan_task.eq(trim(new.plan_task)),
                    m::status.eq(to_text(&MeetingStatus::Scheduled)?),
                    m::notes.eq(trim(new.notes)),
                    m::created_by.eq(principal.key()),
                    m::created_at.eq(now),
                    m::updated_at.eq(now),
                ))
                .returning(m::id)
                .get_result(conn)?;
            mark_attendance(conn, id, &new.attendance, access.mentor, &access.mentees, "attendance")?;
            if status == MeetingStatus::Held {
                hold(conn, &access, new.kind, starts_at, &principal)?;
                diesel::update(m::table.find(id)).set(m::status.eq(to_text(&MeetingStatus::Held)?)).execute(conn)?;
            }
            load_meeting(conn, id, access.school_id, access.seat)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/meetings/{}", meeting.id)))
        .insert_header((header::ETAG, meeting.etag.clone()))
        .json(meeting))
}

#[utoipa::path(
    tag = "meetings",
    summary = "A meeting with its attendance and feedback",
    params(("id" = i64, Path, description = "meeting id")),
    responses((status = 200, body = Meeting), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/meetings/{id}")]
pub async fn get_meeting(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let meeting = db
        .read(move |conn| {
            let pair_id = pair_of(conn, id)?;
            let access = pair_access(conn, &principal, pair_id, false).map_err(|e| e.not_found_as(format!("meeting {id}")))?;
            load_meeting(conn, id, access.school_id, access.seat)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, meeting.etag.clone())).json(meeting))
}

#[utoipa::path(
    tag = "meetings",
    summary = "Move, log, cancel a meeting; mark attendance; leave feedback",
    description = "Marking it held needs the meeting to have taken place and its predecessor held; holding the introduction starts an approved pair's work. Each side leaves its own feedback.",
    params(("id" = i64, Path, description = "meeting id"), ("If-Match" = Option<String>, Header, description = "the meeting's etag")),
    request_body = MeetingPatch,
    responses(
        (status = 200, body = Meeting), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "meeting_out_of_order, duplicate_meeting, meeting_in_future, invalid_transition, pair_closed, programme_closed"),
        (status = 412, body = Problem), (status = 422, body = Problem, description = "invalid_time_range, reason_required, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[patch("/meetings/{id}")]
pub async fn update_meeting(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<MeetingPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = body.0;
    let meeting = db
        .write(move |conn| {
            let pair_id = pair_of(conn, id)?;
            let access = pair_access(conn, &principal, pair_id, true).map_err(|e| e.not_found_as(format!("meeting {id}")))?;
            let approved_on = open_for_meetings(conn, &access)?;
            let row: MeetingRow = m::table.find(id).select(MeetingRow::as_select()).first(conn)?;
            if_match.check(&crate::http::etag::etag_value("meeting", row.id, row.version))?;
            let kind: MeetingKind = from_text(&row.kind)?;
            let current: MeetingStatus = from_text(&row.status)?;
            if (p.mentor_rating.is_some() || p.mentor_feedback.is_some()) && access.seat == Seat::Mentee {
                return Err(ApiError::invalid_field("mentor_rating", "only the mentor leaves the mentor's feedback"));
            }
            if (p.mentee_rating.is_some() || p.mentee_feedback.is_some()) && access.seat == Seat::Mentor {
                return Err(ApiError::invalid_field("mentee_rating", "only the mentee leaves the mentee's feedback"));
            }
            let starts_at = p.starts_at.map_or(row.starts_at, |t| t.naive_utc());
            let ends_at = p.ends_at.map_or(row.ends_at, |t| t.naive_utc());
            if starts_at != row.starts_at || ends_at != row.ends_at {
                check_times(starts_at, ends_at, approved_on, school_zone(conn, access.school_id)?)?;
                check_schedule(&existing(conn, row.pair_id)?, Some(id), kind, starts_at).map_err(refused)?;
            }
            let status = p.status.unwrap_or(current);
            if status != current {
                match (current, status) {
                    (MeetingStatus::Scheduled, MeetingStatus::Held) => hold(conn, &access, kind, starts_at, &principal)?,
                    (MeetingStatus::Scheduled, MeetingStatus::Cancelled) => {
                        if p.cancel_reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                            return Err(ApiError::field_problem("reason_required", "cancel_reason", "say why the meeting is cancelled"));
                        }
                        check_remove(&existing(conn, row.pair_id)?, id, kind).map_err(refused)?;
                    }
                    _ => return Err(ApiError::conflict("invalid_transition", "a meeting goes from scheduled to held or cancelled")),
                }
            }
            let keep = |new: Option<Option<String>>, old: Option<String>| match new {
                None => old,
                Some(v) => v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            };
            let format = p.format.map(|f| to_text(&f)).transpose()?.unwrap_or(row.format);
            let cancelling = status == MeetingStatus::Cancelled && current != MeetingStatus::Cancelled;
            diesel::update(m::table.find(id))
                .set((
                    m::starts_at.eq(starts_at),
                    m::ends_at.eq(ends_at),
                    m::format.eq(format),
                    m::link.eq(keep(p.link, row.link)),
                    m::place.eq(keep(p.place, row.place)),
                    m::topic.eq(keep(p.topic, row.topic)),
                    m::plan_task.eq(keep(p.plan_task, row.plan_task)),
                    m::status.eq(to_text(&status)?),
                    m::cancelled_by.eq(if cancelling { Some(seat_name(access.seat).to_owned()) } else { row.cancelled_by }),
                    m::cancel_reason.eq(if cancelling { p.cancel_reason.map(|r| r.trim().to_owned()) } else { row.cancel_reason }),
                    m::notes.eq(keep(p.notes, row.notes)),
                    m::mentee_rating.eq(p.mentee_rating.or(row.mentee_rating)),
                    m::mentee_feedback.eq(keep(p.mentee_feedback.map(Some), row.mentee_feedback)),
                    m::mentor_rating.eq(p.mentor_rating.or(row.mentor_rating)),
                    m::mentor_feedback.eq(keep(p.mentor_feedback.map(Some), row.mentor_feedback)),
                    m::version.eq(m::version + 1),
                    m::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            if let Some(marks) = &p.attendance {
                mark_attendance(conn, id, marks, access.mentor, &access.mentees, "attendance")?;
            }
            load_meeting(conn, id, access.school_id, access.seat)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, meeting.etag.clone())).json(meeting))
}

#[utoipa::path(
    tag = "meetings",
    summary = "Delete a scheduled meeting entered by mistake",
    description = "A held or cancelled meeting is a record and stays; a meeting a later step rests on cannot go.",
    params(("id" = i64, Path, description = "meeting id")),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem, description = "meeting_recorded, meeting_out_of_order, pair_closed")),
    security(("bearer" = []))
)]
#[delete("/meetings/{id}")]
pub async fn delete_meeting(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db.write(move |conn| {
        let pair_id = pair_of(conn, id)?;
            let access = pair_access(conn, &principal, pair_id, true).map_err(|e| e.not_found_as(format!("meeting {id}")))?;
        open_for_meetings(conn, &access)?;
        let (kind, status): (String, String) = m::table.find(id).select((m::kind, m::status)).first(conn)?;
        if from_text::<MeetingStatus>(&status)? != MeetingStatus::Scheduled {
            return Err(ApiError::conflict("meeting_recorded", "a held or cancelled meeting is part of the record"));
        }
        check_remove(&existing(conn, access.pair_id)?, id, from_text(&kind)?).map_err(refused)?;
        diesel::delete(m::table.find(id)).execute(conn)?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct Period {
    /// From this moment (default: 31 days ago).
    pub from: Option<DateTime<Utc>>,
    /// Before this moment (default: 62 days after `from`); at most a year after `from`.
    pub to: Option<DateTime<Utc>>,
}

impl Period {
    fn bounds(&self) -> Result<(NaiveDateTime, NaiveDateTime), ApiError> {
        let from = self.from.map_or_else(|| Utc::now().naive_utc() - chrono::Duration::days(31), |t| t.naive_utc());
        let to = self.to.map_or(from + chrono::Duration::days(62), |t| t.naive_utc());
        if to <= from || to - from > chrono::Duration::days(366) {
            return Err(ApiError::field_problem("invalid_time_range", "to", "`to` comes after `from`, at most a year later"));
        }
        Ok((from, to))
    }
}

#[utoipa::path(
    tag = "meetings",
    summary = "The programme's meetings in a period, for the calendar view",
    params(("id" = i64, Path, description = "programme id"), Period),
    responses((status = 200, body = MeetingList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/meetings")]
pub async fn program_meetings(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, period: web::Query<Period>) -> Result<web::Json<MeetingList>, ApiError> {
    let program_id = id.into_inner();
    let (from, to) = period.bounds()?;
    let items = db
        .read(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            let pair_ids = pairs::table.filter(pairs::program_id.eq(program_id)).select(pairs::id);
            let rows: Vec<MeetingRow> = m::table
                .filter(m::pair_id.eq_any(pair_ids))
                .filter(m::starts_at.ge(from))
                .filter(m::starts_at.lt(to))
                .order((m::starts_at, m::id))
                .select(MeetingRow::as_select())
                .load(conn)?;
            to_meetings(conn, rows, scope.school_id, Seat::Staff)
        })
        .await?;
    Ok(web::Json(MeetingList { items }))
}

/// The pairs a user sits in as mentor or mentee (through their linked participant records).
pub fn own_pairs(conn: &mut DbConnection, user_id: i64) -> Result<Vec<(i64, Seat)>, ApiError> {
    let people = linked_participants(conn, user_id)?;
    let as_mentor: Vec<i64> = pairs::table.inner_join(program_mentors::table).filter(one_of(program_mentors::participant_id, &people)).select(pairs::id).load(conn)?;
    let as_mentee: Vec<i64> =
        pair_mentees::table.inner_join(program_mentees::table).filter(one_of(program_mentees::participant_id, &people)).select(pair_mentees::pair_id).load(conn)?;
    Ok(as_mentor.into_iter().map(|p| (p, Seat::Mentor)).chain(as_mentee.into_iter().map(|p| (p, Seat::Mentee))).collect())
}

#[utoipa::path(
    tag = "meetings",
    summary = "My meetings as a mentor or mentee, in a period",
    params(Period),
    responses((status = 200, body = MeetingList), (status = 401, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/me/meetings")]
pub async fn my_meetings(db: web::Data<Db>, principal: Principal, period: web::Query<Period>) -> Result<web::Json<MeetingList>, ApiError> {
    let (from, to) = period.bounds()?;
    let items = db
        .read(move |conn| {
            let Some(user_id) = principal.user_id() else { return Ok(Vec::new()) };
            let mut out = Vec::new();
            for (pair_id, seat) in own_pairs(conn, user_id)? {
                let school_id: i64 = pairs::table.inner_join(programs::table).filter(pairs::id.eq(pair_id)).select(programs::school_id).first(conn)?;
                let rows: Vec<MeetingRow> = m::table
                    .filter(m::pair_id.eq(pair_id))
                    .filter(m::starts_at.ge(from))
                    .filter(m::starts_at.lt(to))
                    .select(MeetingRow::as_select())
                    .load(conn)?;
                out.extend(to_meetings(conn, rows, school_id, seat)?);
            }
            out.sort_by_key(|m| (m.starts_at, m.id));
            Ok(out)
        })
        .await?;
    Ok(web::Json(MeetingList { items }))
}
