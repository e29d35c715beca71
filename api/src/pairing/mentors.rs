//! `/programs/{id}/mentors`: the programme's base of mentors with their selection record:
//! application, interview, and the "school of mentors".

use actix_web::{HttpResponse, get, http::header, patch, post, web};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::dto::{Contour, InterviewOutcome, Mentor, MentorPatch, MentorStatus, NewMentor, TrainingStatus};
use super::people::{People, enrolled_people};
use super::tags::check_tags;
use crate::auth::{Action, Principal};
use crate::db::schema::program_mentors as pm;
use crate::db::text::{from_json, from_text, to_json, to_text};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::etag_value;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson};
use crate::participants::audit::{ReadEntries, record};
use crate::participants::dto::ParticipantKind;
use crate::participants::routes::require_consent;
use crate::participants::store::load_participant;
use crate::programs::store::{program_scope, school_today};

#[derive(Queryable, Selectable)]
#[diesel(table_name = pm)]
pub struct Row {
    pub id: i64,
    pub program_id: i64,
    pub participant_id: i64,
    pub contour: String,
    pub competencies: String,
    pub achievements: Option<String>,
    pub capacity: i32,
    pub application_received_on: Option<NaiveDate>,
    pub interview_on: Option<NaiveDate>,
    pub interview_outcome: Option<String>,
    pub interview_notes: Option<String>,
    pub training_status: String,
    pub training_completed_on: Option<NaiveDate>,
    pub status: String,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub places_taken: i32,
}

fn to_mentors(rows: Vec<Row>, people: &People) -> Result<Vec<Mentor>, ApiError> {
    rows.into_iter()
        .map(|r| {
            let person = people.get(r.participant_id);
            let interview_outcome: Option<InterviewOutcome> = r.interview_outcome.as_deref().map(from_text).transpose()?;
            let training_status: TrainingStatus = from_text(&r.training_status)?;
            Ok(Mentor {
                etag: etag_value("mentor", r.id, r.version),
                name: person.and_then(|p| p.name.clone()),
                source: person.map(|p| p.kind).unwrap_or(ParticipantKind::Partner),
                grade: person.and_then(|p| p.grade),
                class_letter: person.and_then(|p| p.class_letter.clone()),
                contour: from_text(&r.contour)?,
                competencies: from_json(&r.competencies)?,
                ready: interview_outcome == Some(InterviewOutcome::Passed) && training_status == TrainingStatus::Completed,
                interview_outcome,
                training_status,
                status: from_text(&r.status)?,
                id: r.id,
                program_id: r.program_id,
                participant_id: r.participant_id,
                achievements: r.achievements,
                capacity: r.capacity,
                places_taken: r.places_taken,
                application_received_on: r.application_received_on,
                interview_on: r.interview_on,
                interview_notes: r.interview_notes,
                training_completed_on: r.training_completed_on,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

fn load(conn: &mut DbConnection, id: i64, school_id: i64) -> Result<Mentor, ApiError> {
    let row: Row = pm::table.find(id).select(Row::as_select()).first(conn)?;
    let people = enrolled_people(conn, &[row.participant_id], school_id, false)?;
    to_mentors(vec![row], &people)?.pop().ok_or_else(|| ApiError::not_found("mentor"))
}

/// All mentors of a programme, for the request map.
pub fn all_mentors(conn: &mut DbConnection, program_id: i64, school_id: i64) -> Result<Vec<Mentor>, ApiError> {
    let rows: Vec<Row> = pm::table.filter(pm::program_id.eq(program_id)).order(pm::id).select(Row::as_select()).load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.participant_id).collect();
    let people = enrolled_people(conn, &ids, school_id, false)?;
    to_mentors(rows, &people)
}

#[utoipa::path(
    tag = "pairing",
    summary = "The programme's base of mentors with their selection record",
    params(("id" = i64, Path, description = "programme id"), PageQuery),
    responses((status = 200, body = Paginated<Mentor>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/mentors")]
pub async fn list_mentors(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<Mentor>>, ApiError> {
    let page = query.page()?;
    let program_id = id.into_inner();
    let (items, next_cursor, audit) = db
        .read(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            let rows: Vec<Row> = pm::table
                .filter(pm::program_id.eq(program_id))
                .filter(pm::id.gt(page.after))
                .order(pm::id)
                .limit(page.limit + 1)
                .select(Row::as_select())
                .load(conn)?;
            let paged = Paginated::from_rows(rows, page, |r| r.id, |r| r);
            let ids: Vec<i64> = paged.items.iter().map(|r| r.participant_id).collect();
            let people = enrolled_people(conn, &ids, scope.school_id, false)?;
            let audit = ReadEntries::new(&principal, scope.school_id, "list", people.minors(), Some("mentor base"));
            Ok((to_mentors(paged.items, &people)?, paged.next_cursor, audit))
        })
        .await?;
    audit.write(&db).await?;
    Ok(web::Json(Paginated { items, next_cursor }))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Enrol a participant in the programme's base of mentors",
    description = "A minor (a student mentor) enters only with a valid consent to process personal data (409 consent_required).",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewMentor,
    responses(
        (status = 201, body = Mentor, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "consent_required, already_enrolled, participant_erased, programme_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/mentors")]
pub async fn enrol_mentor(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewMentor>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let mentor = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let today = school_today(conn, scope.school_id)?;
            let person = load_participant(conn, new.participant_id, false, today)
                .ok()
                .filter(|p| p.school_id == scope.school_id)
                .ok_or_else(|| ApiError::invalid_field("participant_id", "no such participant at this school"))?;
            require_consent(conn, &person)?;
            check_tags(conn, scope.school_id, &new.competencies, "competencies")?;
            let taken: i64 = pm::table.filter(pm::program_id.eq(program_id)).filter(pm::participant_id.eq(person.id)).count().get_result(conn)?;
            if taken > 0 {
                return Err(ApiError::conflict("already_enrolled", "the participant is in this programme's base of mentors"));
            }
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(pm::table)
                .values((
                    pm::program_id.eq(program_id),
                    pm::participant_id.eq(person.id),
                    pm::contour.eq(to_text(&new.contour.unwrap_or(Contour::of(person.kind)))?),
                    pm::competencies.eq(to_json(&new.competencies)?),
                    pm::achievements.eq(new.achievements.as_deref().map(str::trim).filter(|s| !s.is_empty())),
                    pm::capacity.eq(new.capacity.unwrap_or(1)),
                    pm::application_received_on.eq(new.application_received_on),
                    pm::training_status.eq(to_text(&TrainingStatus::NotStarted)?),
                    pm::status.eq(to_text(&MentorStatus::Candidate)?),
                    pm::created_at.eq(now),
                    pm::updated_at.eq(now),
                ))
                .returning(pm::id)
                .get_result(conn)?;
            if person.is_minor {
                record(conn, &principal, scope.school_id, "enrol", &[person.id], Some("mentor"))?;
            }
            load(conn, id, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/program-mentors/{}", mentor.id)))
        .json(mentor))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Record a mentor's selection: interview, training, capacity, status",
    description = "A mentor enters the base (status in_base) after passing the interview.",
    params(("id" = i64, Path, description = "enrolment id"), ("If-Match" = Option<String>, Header, description = "the enrolment's etag")),
    request_body = MentorPatch,
    responses(
        (status = 200, body = Mentor), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "selection_incomplete, capacity_below_places_taken, programme_closed"), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[patch("/program-mentors/{id}")]
pub async fn update_mentor(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<MentorPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = body.0;
    let mentor = db
        .write(move |conn| {
            let program_id: Option<i64> = pm::table.find(id).select(pm::program_id).first(conn).optional()?;
            let program_id = program_id.ok_or_else(|| ApiError::not_found(format!("mentor enrolment {id}")))?;
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)
                .map_err(|e| e.not_found_as(format!("mentor enrolment {id}")))?
                .open()?;
            let current = load(conn, id, scope.school_id)?;
            if_match.check(&current.etag)?;
            if let Some(c) = &p.competencies {
                check_tags(conn, scope.school_id, c, "competencies")?;
            }
            let outcome = p.interview_outcome.unwrap_or(current.interview_outcome);
            let status = p.status.unwrap_or(current.status);
            if status == MentorStatus::InBase && outcome != Some(InterviewOutcome::Passed) {
                return Err(ApiError::conflict("selection_incomplete", "a mentor enters the base after passing the interview"));
            }
            if let Some(capacity) = p.capacity
                && capacity < current.places_taken
            {
                return Err(ApiError::conflict("capacity_below_places_taken", format!("the mentor's live pairs take {} place(s)", current.places_taken)));
            }
            let training = p.training_status.unwrap_or(current.training_status);
            let mut trained_on = p.training_completed_on.unwrap_or(current.training_completed_on);
            if training == TrainingStatus::Completed && trained_on.is_none() {
                trained_on = Some(school_today(conn, scope.school_id)?);
            }
            let keep = |new: Option<Option<String>>, old: Option<String>| match new {
                None => old,
                Some(v) => v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            };
            diesel::update(pm::table.find(id))
                .set((
                    pm::contour.eq(to_text(&p.contour.unwrap_or(current.contour))?),
                    pm::competencies.eq(to_json(p.competencies.as_ref().unwrap_or(&current.competencies))?),
                    pm::achievements.eq(keep(p.achievements, current.achievements.clone())),
                    pm::capacity.eq(p.capacity.unwrap_or(current.capacity)),
                    pm::application_received_on.eq(p.application_received_on.unwrap_or(current.application_received_on)),
                    pm::interview_on.eq(p.interview_on.unwrap_or(current.interview_on)),
                    pm::interview_outcome.eq(outcome.map(|o| to_text(&o)).transpose()?),
                    pm::interview_notes.eq(keep(p.interview_notes, current.interview_notes.clone())),
                    pm::training_status.eq(to_text(&training)?),
                    pm::training_completed_on.eq(if training == TrainingStatus::Completed { trained_on } else { None }),
                    pm::status.eq(to_text(&status)?),
                    pm::version.eq(pm::version + 1),
                    pm::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            load(conn, id, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, mentor.etag.clone())).json(mentor))
}
