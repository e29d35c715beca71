//! `/programs/{id}/alerts`: pairs gone quiet, approved pairs that never met, mentees who missed
//! three meetings in a row — computed from the meetings on every request, so no job can stop and
//! leave the list stale.

use std::collections::HashMap;

use actix_web::{get, web};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::access::members;
use super::settings;
use crate::auth::{Action, Principal};
use crate::db::schema::{meeting_attendance as ma, meetings as m, pairing_orders, pairs};
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::pairing::people::enrolled_people;
use crate::programs::store::{program_scope, school_today};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AlertCode {
    /// Approved, and no introduction within the school's limit.
    NoIntroduction,
    /// Working, and no held meeting for longer than the school's limit.
    QuietPair,
    /// A mentee was absent from the pair's last three held meetings.
    MissedMeetings,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Alert {
    pub code: AlertCode,
    pub pair_id: i64,
    pub mentor_name: Option<String>,
    pub mentee_names: Vec<Option<String>>,
    /// The mentee concerned, for `missed_meetings`.
    pub participant_id: Option<i64>,
    pub participant_name: Option<String>,
    /// Days since approval (no_introduction) or since the last held meeting (quiet_pair).
    pub days: i64,
    pub since: Option<NaiveDate>,
    /// What the curator should do, in Russian.
    pub action: String,
}

#[derive(Debug, Default, Serialize, ToSchema)]
pub struct AlertCounts {
    pub no_introduction: usize,
    pub quiet_pair: usize,
    pub missed_meetings: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AlertList {
    pub items: Vec<Alert>,
    pub counts: AlertCounts,
    pub quiet_after_days: i32,
    pub introduction_within_days: i32,
}

type Held = (i64, i64, String, NaiveDateTime);

pub fn compute(conn: &mut DbConnection, program_id: i64, school_id: i64) -> Result<AlertList, ApiError> {
    let limits = settings::load(conn, school_id)?;
    let today = school_today(conn, school_id)?;
    let working: Vec<(i64, Option<NaiveDate>, NaiveDateTime)> = pairs::table
        .left_join(pairing_orders::table)
        .filter(pairs::program_id.eq(program_id))
        .filter(pairs::status.eq_any(["approved", "active"]))
        .order(pairs::id)
        .select((pairs::id, pairing_orders::signed_on.nullable(), pairs::created_at))
        .load(conn)?;
    let ids: Vec<i64> = working.iter().map(|w| w.0).collect();
    let held: Vec<Held> = m::table
        .filter(one_of(m::pair_id, &ids))
        .filter(m::status.eq("held"))
        .order((m::starts_at.desc(), m::id.desc()))
        .select((m::id, m::pair_id, m::kind, m::starts_at))
        .load(conn)?;
    let held_ids: Vec<i64> = held.iter().map(|h| h.0).collect();
    let marks: HashMap<(i64, i64), bool> =
        ma::table.filter(one_of(ma::meeting_id, &held_ids)).select((ma::meeting_id, ma::participant_id, ma::present)).load::<(i64, i64, bool)>(conn)?.into_iter().map(|(m, p, x)| ((m, p), x)).collect();
    let mut rosters = Vec::new();
    for &(pair_id, ..) in &working {
        rosters.push((pair_id, members(conn, pair_id)?));
    }
    let everyone: Vec<i64> = rosters.iter().flat_map(|(_, (mentor, mentees))| std::iter::once(*mentor).chain(mentees.iter().copied())).collect();
    let people = enrolled_people(conn, &everyone, school_id, false)?;
    let name = |id: i64| people.get(id).and_then(|p| p.name.clone());

    let mut items = Vec::new();
    for ((pair_id, approved_on, created_at), (_, (mentor, mentees))) in working.into_iter().zip(&rosters) {
        let mine: Vec<&Held> = held.iter().filter(|h| h.1 == pair_id).collect();
        let alert = |code, participant_id: Option<i64>, days, since, action: String| Alert {
            code,
            pair_id,
            mentor_name: name(*mentor),
            mentee_names: mentees.iter().map(|&m| name(m)).collect(),
            participant_name: participant_id.and_then(name),
            participant_id,
            days,
            since,
            action,
        };
        let introduced = mine.iter().any(|h| h.2 == "introduction");
        let approved = approved_on.unwrap_or(created_at.date());
        let waiting = (today - approved).num_days();
        if !introduced && waiting > i64::from(limits.introduction_within_days) {
            items.push(alert(AlertCode::NoIntroduction, None, waiting, Some(approved), format!("Пара утверждена {waiting} дн. назад, а встречи-знакомства не было: назначьте её вместе с наставником")));
        }
        if let Some(last) = mine.first().map(|h| h.3.date())
            && introduced
        {
            let silent = (today - last).num_days();
            if silent > i64::from(limits.quiet_after_days) {
                items.push(alert(AlertCode::QuietPair, None, silent, Some(last), format!("Встреч не было {silent} дн.: свяжитесь с наставником и узнайте, что мешает")));
            }
        }
        for &mentee in mentees {
            let recent: Vec<bool> = mine.iter().filter_map(|h| marks.get(&(h.0, mentee)).copied()).take(3).collect();
            if recent.len() == 3 && recent.iter().all(|present| !present) {
                items.push(alert(AlertCode::MissedMeetings, Some(mentee), 0, None, "Пропустил(а) три встречи подряд: поговорите с наставляемым и классным руководителем".into()));
            }
        }
    }
    let counts = AlertCounts {
        no_introduction: items.iter().filter(|a| a.code == AlertCode::NoIntroduction).count(),
        quiet_pair: items.iter().filter(|a| a.code == AlertCode::QuietPair).count(),
        missed_meetings: items.iter().filter(|a| a.code == AlertCode::MissedMeetings).count(),
    };
    Ok(AlertList { items, counts, quiet_after_days: limits.quiet_after_days, introduction_within_days: limits.introduction_within_days })
}

#[utoipa::path(
    tag = "meetings",
    summary = "Pairs gone quiet, pairs that never met, mentees who stopped coming",
    description = "Computed from the meetings on each request with the school's limits (`/schools/{id}/meeting-settings`).",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = AlertList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/alerts")]
pub async fn program_alerts(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<AlertList>, ApiError> {
    let program_id = id.into_inner();
    let list = db
        .read(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            compute(conn, program_id, scope.school_id)
        })
        .await?;
    Ok(web::Json(list))
}
