//! `/programs/{id}/calendar.ics`: the roadmap's and the media plan's deadlines as all-day events,
//! for the curator's phone calendar.

use actix_web::{HttpResponse, get, web};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

use super::status::{ActivityStatus, MediaStatus};
use super::store::{activities, load_program, media_items, program_scope, school_today};
use crate::auth::{Action, Principal};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};

/// All-day events end on the next day: DTEND is exclusive (RFC 5545).
fn next_day(date: chrono::NaiveDate) -> chrono::NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// The roadmap's and the media plan's deadlines, as all-day events; cancelled ones are left out.
pub fn deadline_events(conn: &mut DbConnection, program_id: i64, school_id: i64) -> Result<Vec<Event>, ApiError> {
    let today = school_today(conn, school_id)?;
    let mut events = Vec::new();
    for a in activities(conn, program_id, today)? {
        if a.status == ActivityStatus::Cancelled {
            continue;
        }
        let mut event = Event::new();
        event
            .uid(&format!("roadmap-activity-{}@nastavnik", a.id))
            .summary(&format!("Этап {}: {}", a.stage_no, a.title))
            .description(&a.content)
            .starts(a.deadline)
            .ends(next_day(a.deadline));
        if a.status == ActivityStatus::Done {
            event.status(EventStatus::Confirmed);
        }
        events.push(event.done());
    }
    for m in media_items(conn, program_id, today)? {
        if m.status == MediaStatus::Cancelled {
            continue;
        }
        events.push(
            Event::new()
                .uid(&format!("media-plan-item-{}@nastavnik", m.id))
                .summary(&format!("Медиаплан: {}", m.event))
                .description(m.message.as_deref().unwrap_or(""))
                .starts(m.deadline)
                .ends(next_day(m.deadline))
                .done(),
        );
    }
    Ok(events)
}

#[utoipa::path(
    tag = "programs",
    summary = "The programme's deadlines as an iCalendar feed",
    params(("id" = i64, Path, description = "programme id")),
    responses(
        (status = 200, description = "text/calendar", content_type = "text/calendar", body = String),
        (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/programs/{id}/calendar.ics")]
pub async fn program_calendar(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let ics = db
        .run(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, id)?;
            let program = load_program(conn, id)?;
            let mut calendar = Calendar::new();
            calendar.name(&program.title);
            for event in deadline_events(conn, id, scope.school_id)? {
                calendar.push(event);
            }
            Ok(calendar.done().to_string())
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/calendar; charset=utf-8")
        .insert_header(("Content-Disposition", format!("attachment; filename=\"programme-{id}.ics\"")))
        .body(ics))
}
