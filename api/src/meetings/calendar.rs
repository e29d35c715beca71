//! A user's calendar: their meetings as mentor or mentee, and for curators and coordinators their
//! programmes' deadlines. `/me/calendar.ics` with the bearer token, or a private feed address a
//! phone subscribes to, revocable. The feed names no child: a calendar synced to some cloud is
//! no place for a minor's name, so events say what kind of meeting it is and where.

use actix_web::{HttpRequest, HttpResponse, delete, get, http::header, post, web};
use chrono::{DateTime, NaiveDateTime, Utc};
use diesel::prelude::*;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use serde::Serialize;
use utoipa::ToSchema;

use super::routes::own_pairs;
use super::sequence::{MeetingKind, MeetingStatus};
use crate::auth::Principal;
use crate::auth::secrets;
use crate::db::schema::{calendar_feeds as cf, meetings as m, program_curators, programs};
use crate::db::text::from_text;
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::programs::calendar::deadline_events;

const FEED_PREFIX: &str = "ncal_";

/// What a calendar shows of a meeting.
type MeetingRow = (i64, String, String, NaiveDateTime, NaiveDateTime, Option<String>, Option<String>, Option<String>);

fn meeting_event(row: MeetingRow) -> Result<Event, ApiError> {
    let (id, kind, status, starts, ends, place, link, topic) = row;
    let (kind, status): (MeetingKind, MeetingStatus) = (from_text(&kind)?, from_text(&status)?);
    let mut label = kind.label().to_owned();
    if let Some(first) = label.get(..2) {
        label = first.to_uppercase() + &label[2..];
    }
    let mut event = Event::new();
    event.uid(&format!("meeting-{id}@nastavnik")).summary(&format!("Наставничество: {label}")).starts(starts.and_utc()).ends(ends.and_utc());
    if let Some(place) = place.or(link.clone()) {
        event.location(&place);
    }
    let description = [topic, link].into_iter().flatten().collect::<Vec<_>>().join("\n");
    if !description.is_empty() {
        event.description(&description);
    }
    match status {
        MeetingStatus::Cancelled => event.status(EventStatus::Cancelled),
        _ => event.status(EventStatus::Confirmed),
    };
    Ok(event.done())
}

/// Everything in a user's calendar.
fn calendar_of(conn: &mut DbConnection, user_id: i64) -> Result<String, ApiError> {
    let mut calendar = Calendar::new();
    calendar.name("Наставничество");
    let pair_ids: Vec<i64> = own_pairs(conn, user_id)?.into_iter().map(|(p, _)| p).collect();
    let rows: Vec<MeetingRow> = m::table
        .filter(one_of(m::pair_id, &pair_ids))
        .order(m::starts_at)
        .select((m::id, m::kind, m::status, m::starts_at, m::ends_at, m::place, m::link, m::topic))
        .load(conn)?;
    for row in rows {
        calendar.push(meeting_event(row)?);
    }
    let curated = program_curators::table.filter(program_curators::user_id.eq(user_id)).select(program_curators::program_id);
    let programmes: Vec<(i64, i64)> = programs::table
        .filter(programs::id.eq_any(curated).or(programs::coordinator_id.eq(user_id)))
        .filter(programs::status.ne("archived"))
        .select((programs::id, programs::school_id))
        .load(conn)?;
    for (program_id, school_id) in programmes {
        for event in deadline_events(conn, program_id, school_id)? {
            calendar.push(event);
        }
    }
    Ok(calendar.done().to_string())
}

fn ics(body: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(body)
}

#[utoipa::path(
    tag = "meetings",
    summary = "My calendar: my meetings, and my programmes' deadlines if I curate",
    responses((status = 200, description = "text/calendar", content_type = "text/calendar", body = String), (status = 401, body = Problem)),
    security(("bearer" = []))
)]
#[get("/me/calendar.ics")]
pub async fn my_calendar(db: web::Data<Db>, principal: Principal) -> Result<HttpResponse, ApiError> {
    let Some(user_id) = principal.user_id() else {
        return Err(ApiError::forbidden());
    };
    let body = db.run(move |conn| calendar_of(conn, user_id)).await?;
    Ok(ics(body))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeed {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CalendarFeedList {
    pub items: Vec<CalendarFeed>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct NewCalendarFeed {
    pub id: i64,
    /// The address to subscribe to; shown once, like a password.
    pub url: String,
    pub created_at: DateTime<Utc>,
}

#[utoipa::path(
    tag = "meetings",
    summary = "Make a private calendar address for my phone",
    description = "Anyone with the address reads the calendar, so it is shown once and can be revoked.",
    responses((status = 201, body = NewCalendarFeed), (status = 401, body = Problem), (status = 403, body = Problem)),
    security(("bearer" = []))
)]
#[post("/me/calendar-feeds")]
pub async fn create_feed(db: web::Data<Db>, req: HttpRequest, principal: Principal) -> Result<HttpResponse, ApiError> {
    let Some(user_id) = principal.user_id() else {
        return Err(ApiError::forbidden());
    };
    let token = secrets::generate(FEED_PREFIX);
    let hash = secrets::hash(&token);
    let (id, created_at) = db
        .write(move |conn| {
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(cf::table).values((cf::user_id.eq(user_id), cf::token_hash.eq(hash), cf::created_at.eq(now))).returning(cf::id).get_result(conn)?;
            Ok((id, now))
        })
        .await?;
    // The address as the caller reached us (behind a proxy, from its Forwarded headers).
    let info = req.connection_info();
    let url = format!("{}://{}/api/v1/calendar-feeds/{token}.ics", info.scheme(), info.host());
    Ok(HttpResponse::Created().json(NewCalendarFeed { id, url, created_at: created_at.and_utc() }))
}

#[utoipa::path(
    tag = "meetings",
    summary = "My calendar addresses",
    responses((status = 200, body = CalendarFeedList), (status = 401, body = Problem)),
    security(("bearer" = []))
)]
#[get("/me/calendar-feeds")]
pub async fn list_feeds(db: web::Data<Db>, principal: Principal) -> Result<web::Json<CalendarFeedList>, ApiError> {
    let user_id = principal.user_id().unwrap_or(0);
    let items = db
        .run(move |conn| {
            let rows: Vec<(i64, NaiveDateTime, Option<NaiveDateTime>)> = cf::table.filter(cf::user_id.eq(user_id)).order(cf::id).select((cf::id, cf::created_at, cf::revoked_at)).load(conn)?;
            Ok(rows.into_iter().map(|(id, c, r)| CalendarFeed { id, created_at: c.and_utc(), revoked_at: r.map(|r| r.and_utc()) }).collect())
        })
        .await?;
    Ok(web::Json(CalendarFeedList { items }))
}

#[utoipa::path(
    tag = "meetings",
    summary = "Revoke a calendar address",
    params(("id" = i64, Path, description = "feed id")),
    responses((status = 204), (status = 401, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[delete("/me/calendar-feeds/{id}")]
pub async fn revoke_feed(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let user_id = principal.user_id().unwrap_or(0);
    db.write(move |conn| {
        let n = diesel::update(cf::table.filter(cf::id.eq(id)).filter(cf::user_id.eq(user_id)).filter(cf::revoked_at.is_null()))
            .set(cf::revoked_at.eq(Utc::now().naive_utc()))
            .execute(conn)?;
        if n == 0 {
            return Err(ApiError::not_found(format!("calendar feed {id}")));
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

#[utoipa::path(
    tag = "meetings",
    summary = "A private calendar feed, read by a phone's calendar",
    description = "The address itself is the credential; a revoked or unknown one is 404.",
    params(("token" = String, Path, description = "the feed's secret")),
    responses((status = 200, description = "text/calendar", content_type = "text/calendar", body = String), (status = 401, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem, description = "too_many_requests: past the per-address quota of pages without an account")),
    security(())
)]
#[get("/calendar-feeds/{token}.ics")]
pub async fn read_feed(db: web::Data<Db>, token: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let hash = secrets::hash(&token.into_inner());
    let body = db
        .run(move |conn| {
            let user: Option<i64> = cf::table.filter(cf::token_hash.eq(hash)).filter(cf::revoked_at.is_null()).select(cf::user_id).first(conn).optional()?;
            let user = user.ok_or_else(|| ApiError::not_found("calendar feed"))?;
            calendar_of(conn, user)
        })
        .await?;
    Ok(ics(body))
}
