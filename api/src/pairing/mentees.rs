//! `/programs/{id}/mentees`: the programme's base of mentees, each with categories and a request.

use actix_web::{HttpResponse, get, http::header, patch, post, web};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::dto::{Mentee, MenteeCategory, MenteePatch, MenteeStatus, NewMentee};
use super::people::{People, enrolled_people};
use super::tags::check_tags;
use crate::auth::{Action, Principal};
use crate::db::schema::program_mentees as pm;
use crate::db::text::{from_json, from_text, to_json, to_text};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::etag_value;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson};
use crate::participants::audit::{ReadEntries, record};
use crate::participants::routes::require_consent;
use crate::participants::store::{load_participant, sees_sensitive};
use crate::programs::store::{program_scope, school_today};

#[derive(Queryable, Selectable)]
#[diesel(table_name = pm)]
struct Row {
    id: i64,
    program_id: i64,
    participant_id: i64,
    categories: String,
    mentee_type: String,
    request_text: Option<String>,
    request_tags: String,
    status: String,
    version: i64,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

fn to_mentees(rows: Vec<Row>, people: &People) -> Result<Vec<Mentee>, ApiError> {
    rows.into_iter()
        .map(|r| {
            let person = people.get(r.participant_id);
            let mut categories: Vec<MenteeCategory> = from_json(&r.categories)?;
            categories.extend(person.map(|p| p.sensitive_categories()).unwrap_or_default());
            Ok(Mentee {
                etag: etag_value("mentee", r.id, r.version),
                name: person.and_then(|p| p.name.clone()),
                grade: person.and_then(|p| p.grade),
                class_letter: person.and_then(|p| p.class_letter.clone()),
                categories,
                mentee_type: from_text(&r.mentee_type)?,
                request_tags: from_json(&r.request_tags)?,
                status: from_text(&r.status)?,
                id: r.id,
                program_id: r.program_id,
                participant_id: r.participant_id,
                request_text: r.request_text,
                created_at: r.created_at.and_utc(),
                updated_at: r.updated_at.and_utc(),
            })
        })
        .collect()
}

fn load(conn: &mut DbConnection, id: i64, school_id: i64, show_sensitive: bool) -> Result<Mentee, ApiError> {
    let row: Row = pm::table.find(id).select(Row::as_select()).first(conn)?;
    let people = enrolled_people(conn, &[row.participant_id], school_id, show_sensitive)?;
    to_mentees(vec![row], &people)?.pop().ok_or_else(|| ApiError::not_found("mentee"))
}

fn check_categories(categories: &[MenteeCategory]) -> Result<(), ApiError> {
    if let Some(i) = categories.iter().position(|c| c.is_sensitive()) {
        return Err(ApiError::invalid_field(&format!("categories[{i}]"), "sensitive categories are set on the participant (its `sensitive` fields)"));
    }
    Ok(())
}

#[utoipa::path(
    tag = "pairing",
    summary = "The programme's base of mentees",
    params(("id" = i64, Path, description = "programme id"), PageQuery),
    responses((status = 200, body = Paginated<Mentee>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/mentees")]
pub async fn list_mentees(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<Mentee>>, ApiError> {
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
            let show = sees_sensitive(conn, &principal, scope.school_id)?;
            let people = enrolled_people(conn, &ids, scope.school_id, show)?;
            let audit = ReadEntries::new(&principal, scope.school_id, "list", people.minors(), Some("mentee base"));
            Ok((to_mentees(paged.items, &people)?, paged.next_cursor, audit))
        })
        .await?;
    audit.write(&db).await?;
    Ok(web::Json(Paginated { items, next_cursor }))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Enrol a participant in the programme's base of mentees",
    description = "A minor enters only with a valid consent to process personal data (409 consent_required).",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewMentee,
    responses(
        (status = 201, body = Mentee, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "consent_required, already_enrolled, participant_erased, programme_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/mentees")]
pub async fn enrol_mentee(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewMentee>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let mentee = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let today = school_today(conn, scope.school_id)?;
            let person = load_participant(conn, new.participant_id, false, today)
                .ok()
                .filter(|p| p.school_id == scope.school_id)
                .ok_or_else(|| ApiError::invalid_field("participant_id", "no such participant at this school"))?;
            require_consent(conn, &person)?;
            check_categories(&new.categories)?;
            check_tags(conn, scope.school_id, &new.request_tags, "request_tags")?;
            let taken: i64 = pm::table.filter(pm::program_id.eq(program_id)).filter(pm::participant_id.eq(person.id)).count().get_result(conn)?;
            if taken > 0 {
                return Err(ApiError::conflict("already_enrolled", "the participant is in this programme's base of mentees"));
            }
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(pm::table)
                .values((
                    pm::program_id.eq(program_id),
                    pm::participant_id.eq(person.id),
                    pm::categories.eq(to_json(&new.categories)?),
                    pm::mentee_type.eq(to_text(&new.mentee_type)?),
                    pm::request_text.eq(new.request_text.as_deref().map(str::trim).filter(|s| !s.is_empty())),
                    pm::request_tags.eq(to_json(&new.request_tags)?),
                    pm::status.eq(to_text(&new.status.unwrap_or(MenteeStatus::Candidate))?),
                    pm::created_at.eq(now),
                    pm::updated_at.eq(now),
                ))
                .returning(pm::id)
                .get_result(conn)?;
            if person.is_minor {
                record(conn, &principal, scope.school_id, "enrol", &[person.id], Some("mentee"))?;
            }
            let show = sees_sensitive(conn, &principal, scope.school_id)?;
            load(conn, id, scope.school_id, show)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/program-mentees/{}", mentee.id)))
        .json(mentee))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Change a mentee's enrolment: categories, request, status",
    params(("id" = i64, Path, description = "enrolment id"), ("If-Match" = Option<String>, Header, description = "the enrolment's etag")),
    request_body = MenteePatch,
    responses(
        (status = 200, body = Mentee), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition, consent_required, programme_closed"), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[patch("/program-mentees/{id}")]
pub async fn update_mentee(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<MenteePatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = body.0;
    let mentee = db
        .write(move |conn| {
            let program_id: Option<i64> = pm::table.find(id).select(pm::program_id).first(conn).optional()?;
            let program_id = program_id.ok_or_else(|| ApiError::not_found(format!("mentee enrolment {id}")))?;
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)
                .map_err(|e| e.not_found_as(format!("mentee enrolment {id}")))?
                .open()?;
            let show = sees_sensitive(conn, &principal, scope.school_id)?;
            let current = load(conn, id, scope.school_id, show)?;
            if_match.check(&current.etag)?;
            let status = p.status.unwrap_or(current.status);
            if !current.status.may_become(status) {
                return Err(crate::programs::status::invalid_transition(&to_text(&current.status)?, &to_text(&status)?, ""));
            }
            if status.is_active() && !current.status.is_active() {
                let today = school_today(conn, scope.school_id)?;
                let person = load_participant(conn, current.participant_id, false, today)?;
                require_consent(conn, &person)?;
            }
            if let Some(c) = &p.categories {
                check_categories(c)?;
            }
            if let Some(t) = &p.request_tags {
                check_tags(conn, scope.school_id, t, "request_tags")?;
            }
            let stored: Vec<MenteeCategory> = current.categories.iter().copied().filter(|c| !c.is_sensitive()).collect();
            diesel::update(pm::table.find(id))
                .set((
                    pm::categories.eq(to_json(p.categories.as_ref().unwrap_or(&stored))?),
                    pm::mentee_type.eq(to_text(&p.mentee_type.unwrap_or(current.mentee_type))?),
                    pm::request_text.eq(match p.request_text {
                        None => current.request_text.clone(),
                        Some(v) => v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
                    }),
                    pm::request_tags.eq(to_json(p.request_tags.as_ref().unwrap_or(&current.request_tags))?),
                    pm::status.eq(to_text(&status)?),
                    pm::version.eq(pm::version + 1),
                    pm::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            load(conn, id, scope.school_id, show)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, mentee.etag.clone())).json(mentee))
}
