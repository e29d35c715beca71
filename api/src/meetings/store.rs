//! Meetings in the database, read back with attendance and names, each side's feedback shown to
//! that side and to the staff.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::access::Seat;
use super::sequence::Existing;
use super::{Attendee, Meeting, MemberRole};
use crate::db::{DbConnection, one_of};
use crate::db::schema::{meeting_attendance as ma, meetings as m};
use crate::db::text::from_text;
use crate::error::ApiError;
use crate::http::etag::etag_value;
use crate::meetings::access::members;
use crate::pairing::people::enrolled_people;

#[derive(Queryable, Selectable)]
#[diesel(table_name = m)]
pub struct MeetingRow {
    pub id: i64,
    pub pair_id: i64,
    pub kind: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub format: String,
    pub link: Option<String>,
    pub place: Option<String>,
    pub topic: Option<String>,
    pub plan_task: Option<String>,
    pub status: String,
    pub cancelled_by: Option<String>,
    pub cancel_reason: Option<String>,
    pub notes: Option<String>,
    pub mentee_rating: Option<i32>,
    pub mentee_feedback: Option<String>,
    pub mentor_rating: Option<i32>,
    pub mentor_feedback: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// The pair's meetings as the sequence rules see them.
pub fn existing(conn: &mut DbConnection, pair_id: i64) -> Result<Vec<Existing>, ApiError> {
    let rows: Vec<(i64, String, NaiveDateTime, String)> = m::table.filter(m::pair_id.eq(pair_id)).order(m::starts_at).select((m::id, m::kind, m::starts_at, m::status)).load(conn)?;
    rows.into_iter().map(|(id, kind, starts_at, status)| Ok(Existing { id, kind: from_text(&kind)?, starts_at, status: from_text(&status)? })).collect()
}

pub fn pair_of(conn: &mut DbConnection, meeting_id: i64) -> Result<i64, ApiError> {
    let pair: Option<i64> = m::table.find(meeting_id).select(m::pair_id).first(conn).optional()?;
    pair.ok_or_else(|| ApiError::not_found(format!("meeting {meeting_id}")))
}

/// Meetings with attendance and names, in the order of `rows`; `seat` hides the other side's
/// feedback from a mentor or mentee.
pub fn to_meetings(conn: &mut DbConnection, rows: Vec<MeetingRow>, school_id: i64, seat: Seat) -> Result<Vec<Meeting>, ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let marks: Vec<(i64, i64, bool)> = ma::table.filter(one_of(ma::meeting_id, &ids)).select((ma::meeting_id, ma::participant_id, ma::present)).load(conn)?;
    let mut pair_ids: Vec<i64> = rows.iter().map(|r| r.pair_id).collect();
    pair_ids.dedup();
    let mut rosters = Vec::new();
    for pair_id in pair_ids {
        let (mentor, mentees) = members(conn, pair_id)?;
        rosters.push((pair_id, mentor, mentees));
    }
    let everyone: Vec<i64> = rosters.iter().flat_map(|(_, mentor, mentees)| std::iter::once(*mentor).chain(mentees.iter().copied())).collect();
    let people = enrolled_people(conn, &everyone, school_id, false)?;
    rows.into_iter()
        .map(|r| {
            let (_, mentor, mentees) = rosters.iter().find(|x| x.0 == r.pair_id).cloned().unwrap_or_default();
            let attendee = |participant_id: i64, role: MemberRole| Attendee {
                participant_id,
                name: people.get(participant_id).and_then(|p| p.name.clone()),
                role,
                present: marks.iter().find(|x| x.0 == r.id && x.1 == participant_id).map(|x| x.2),
            };
            let mut attendance = vec![attendee(mentor, MemberRole::Mentor)];
            attendance.extend(mentees.iter().map(|&id| attendee(id, MemberRole::Mentee)));
            let (sees_mentee, sees_mentor) = match seat {
                Seat::Staff => (true, true),
                Seat::Mentor => (false, true),
                Seat::Mentee => (true, false),
            };
            Ok(Meeting {
                etag: etag_value("meeting", r.id, r.version),
                kind: from_text(&r.kind)?,
                format: from_text(&r.format)?,
                status: from_text(&r.status)?,
                starts_at: r.starts_at.and_utc(),
                ends_at: r.ends_at.and_utc(),
                mentee_rating: r.mentee_rating.filter(|_| sees_mentee),
                mentee_feedback: r.mentee_feedback.filter(|_| sees_mentee),
                mentor_rating: r.mentor_rating.filter(|_| sees_mentor),
                mentor_feedback: r.mentor_feedback.filter(|_| sees_mentor),
                attendance,
                id: r.id,
                pair_id: r.pair_id,
                link: r.link,
                place: r.place,
                topic: r.topic,
                plan_task: r.plan_task,
                cancelled_by: r.cancelled_by,
                cancel_reason: r.cancel_reason,
                notes: r.notes,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

pub fn load_meeting(conn: &mut DbConnection, id: i64, school_id: i64, seat: Seat) -> Result<Meeting, ApiError> {
    let row = m::table.find(id).select(MeetingRow::as_select()).first(conn).optional()?;
    let row = row.ok_or_else(|| ApiError::not_found(format!("meeting {id}")))?;
    to_meetings(conn, vec![row], school_id, seat)?.pop().ok_or_else(|| ApiError::not_found(format!("meeting {id}")))
}

/// Marks who came; only the pair's people.
pub fn mark_attendance(conn: &mut DbConnection, meeting_id: i64, marks: &[super::AttendanceMark], mentor: i64, mentees: &[i64], field: &str) -> Result<(), ApiError> {
    for (i, mark) in marks.iter().enumerate() {
        if mark.participant_id != mentor && !mentees.contains(&mark.participant_id) {
            return Err(ApiError::invalid_field(&format!("{field}[{i}].participant_id"), "not in this pair or group"));
        }
        if marks[..i].iter().any(|x| x.participant_id == mark.participant_id) {
            return Err(ApiError::invalid_field(&format!("{field}[{i}].participant_id"), "marked twice"));
        }
    }
    for mark in marks {
        diesel::delete(ma::table.find((meeting_id, mark.participant_id))).execute(conn)?;
        diesel::insert_into(ma::table).values((ma::meeting_id.eq(meeting_id), ma::participant_id.eq(mark.participant_id), ma::present.eq(mark.present))).execute(conn)?;
    }
    Ok(())
}
