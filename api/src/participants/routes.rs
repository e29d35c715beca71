//! `/schools/{school_id}/participants` and `/participants/{id}`: the people of the two bases.

use actix_web::{HttpResponse, delete, get, http::header, patch, post, web};
use chrono::{NaiveDate, Utc};
use diesel::prelude::*;

use super::audit::{ReadEntries, record};
use super::dto::{NewParticipant, Participant, ParticipantFilter, ParticipantPatch};
use super::store::{ParticipantRow, consented, erase, load_participant, participant_school, search_key, sees_sensitive, to_participants};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::{consents, memberships, participants as p};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::ok_with_etag;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson, Versioned};
use crate::orgs::routes::require_school;
use crate::orgs::store::{contains_pattern, load_organization};
use crate::programs::store::school_today;

fn clean(s: &Option<String>) -> Option<String> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

/// Rules that need today or the database: no birth in the future, a unique external id, a real user.
pub fn check_participant(conn: &mut DbConnection, school_id: i64, id: i64, birth_date: Option<NaiveDate>, external_id: Option<&str>, user_id: Option<i64>, today: NaiveDate) -> Result<(), ApiError> {
    if birth_date.is_some_and(|b| b > today) {
        return Err(ApiError::invalid_field("birth_date", "is in the future"));
    }
    if let Some(ext) = external_id {
        let taken: i64 = p::table.filter(p::school_id.eq(school_id)).filter(p::external_id.eq(ext)).filter(p::id.ne(id)).count().get_result(conn)?;
        if taken > 0 {
            return Err(ApiError::conflict("external_id_taken", format!("another participant of this school has external_id `{ext}`")));
        }
    }
    // The account must belong to the school: linked, it sees the pair's meetings and plan, so an
    // account of another school (or region) must not be slipped in. One answer for "no such
    // account" and "not this school's", so that accounts elsewhere cannot be probed.
    if let Some(u) = user_id {
        let at_school: i64 = memberships::table.filter(memberships::user_id.eq(u)).filter(memberships::organization_id.eq(school_id)).count().get_result(conn)?;
        if at_school == 0 {
            return Err(ApiError::invalid_field("user_id", format!("user {u} is not an account of this school")));
        }
    }
    Ok(())
}

fn minors_among(shown: &[Participant]) -> Vec<i64> {
    shown.iter().filter(|p| p.is_minor && !p.erased).map(|p| p.id).collect()
}

/// Audits the minors among the records changed, in the change's transaction.
fn audit_minors(conn: &mut DbConnection, principal: &Principal, school_id: i64, shown: &[Participant], action: &str) -> Result<(), ApiError> {
    record(conn, principal, school_id, action, &minors_among(shown), None)
}

#[utoipa::path(
    tag = "participants",
    summary = "The people of a school's bases",
    description = "Every minor shown is written to the audit trail. Sensitive fields only for the school admin, curator and psychologist.",
    params(("school_id" = i64, Path, description = "school id"), ParticipantFilter, PageQuery),
    responses((status = 200, body = Paginated<Participant>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/schools/{school_id}/participants")]
pub async fn list_participants(
    db: web::Data<Db>,
    principal: Principal,
    school_id: web::Path<i64>,
    filter: web::Query<ParticipantFilter>,
    query: web::Query<PageQuery>,
) -> Result<web::Json<Paginated<Participant>>, ApiError> {
    let page = query.page()?;
    let school_id = school_id.into_inner();
    let f = filter.into_inner();
    let (items, next_cursor, audit) = db
        .read(move |conn| {
            authorize(conn, &principal, Action::ViewParticipants, school_id)?;
            let mut q = p::table
                .filter(p::school_id.eq(school_id))
                .filter(p::id.gt(page.after))
                .order(p::id)
                .limit(page.limit + 1)
                .select(ParticipantRow::as_select())
                .into_boxed();
            if !f.include_erased.unwrap_or(false) {
                q = q.filter(p::erased_at.is_null());
            }
            if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
                q = q.filter(p::search_key.like(contains_pattern(text)).escape('\\'));
            }
            if let Some(kind) = f.kind {
                q = q.filter(p::kind.eq(kind.as_str()));
            }
            if let Some(grade) = f.grade {
                q = q.filter(p::grade.eq(grade));
            }
            if let Some(wanted) = f.consent {
                let with = consents::table
                    .filter(consents::scope.eq("processing"))
                    .filter(consents::withdrawn_at.is_null())
                    .select(consents::participant_id);
                q = if wanted { q.filter(p::id.eq_any(with)) } else { q.filter(p::id.ne_all(with)) };
            }
            let rows: Vec<ParticipantRow> = q.load(conn)?;
            let paged = Paginated::from_rows(rows, page, |r| r.id, |r| r);
            let today = school_today(conn, school_id)?;
            let show = sees_sensitive(conn, &principal, school_id)?;
            let items = to_participants(conn, paged.items, show, today)?;
            let audit = ReadEntries::new(&principal, school_id, "list", minors_among(&items), None);
            Ok((items, paged.next_cursor, audit))
        })
        .await?;
    audit.write(&db).await?;
    Ok(web::Json(Paginated { items, next_cursor }))
}

#[utoipa::path(
    tag = "participants",
    summary = "Add a person to the school's bases",
    params(("school_id" = i64, Path, description = "school id")),
    request_body = NewParticipant,
    responses(
        (status = 201, body = Participant, headers(("Location" = String), ("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "external_id_taken, not_a_school"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/schools/{school_id}/participants")]
pub async fn create_participant(db: web::Data<Db>, principal: Principal, school_id: web::Path<i64>, body: ValidJson<NewParticipant>) -> Result<HttpResponse, ApiError> {
    let school_id = school_id.into_inner();
    let new = body.0;
    let participant = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageParticipants, school_id)?;
            require_school(&load_organization(conn, school_id)?)?;
            let show = sees_sensitive(conn, &principal, school_id)?;
            if new.sensitive != Default::default() && !show {
                return Err(ApiError::forbidden());
            }
            let today = school_today(conn, school_id)?;
            let external_id = clean(&new.external_id);
            check_participant(conn, school_id, 0, new.birth_date, external_id.as_deref(), new.user_id, today)?;
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(p::table)
                .values((
                    p::school_id.eq(school_id),
                    p::external_id.eq(&external_id),
                    p::kind.eq(new.kind.as_str()),
                    p::last_name.eq(new.last_name.trim()),
                    p::first_name.eq(new.first_name.trim()),
                    p::middle_name.eq(clean(&new.middle_name)),
                    p::search_key.eq(search_key(&new.last_name, &new.first_name, new.middle_name.as_deref())),
                    p::birth_date.eq(new.birth_date),
                    p::birth_year.eq(new.birth_year.or(new.birth_date.map(|d| chrono::Datelike::year(&d)))),
                    p::grade.eq(new.grade),
                    p::class_letter.eq(clean(&new.class_letter).map(|c| c.to_uppercase())),
                    p::phone.eq(clean(&new.phone)),
                    p::email.eq(clean(&new.email)),
                    p::notes.eq(clean(&new.notes)),
                    p::user_id.eq(new.user_id),
                    p::disability.eq(new.sensitive.disability),
                    p::difficult_life_situation.eq(new.sensitive.difficult_life_situation),
                    p::behaviour_problems.eq(new.sensitive.behaviour_problems),
                    p::on_register.eq(new.sensitive.on_register),
                    p::created_at.eq(now),
                    p::updated_at.eq(now),
                ))
                .returning(p::id)
                .get_result(conn)?;
            let created = load_participant(conn, id, show, today)?;
            audit_minors(conn, &principal, school_id, std::slice::from_ref(&created), "create")?;
            Ok(created)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/participants/{}", participant.id)))
        .insert_header((header::ETAG, participant.etag()))
        .json(participant))
}

#[utoipa::path(
    tag = "participants",
    summary = "One participant (a minor's record is audited)",
    params(("id" = i64, Path, description = "participant id")),
    responses((status = 200, body = Participant, headers(("ETag" = String))), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/participants/{id}")]
pub async fn get_participant(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (participant, audit) = db
        .read(move |conn| {
            let school_id = participant_school(conn, &principal, Action::ViewParticipants, id)?;
            let today = school_today(conn, school_id)?;
            let show = sees_sensitive(conn, &principal, school_id)?;
            let found = load_participant(conn, id, show, today)?;
            let audit = ReadEntries::new(&principal, school_id, "read", minors_among(std::slice::from_ref(&found)), None);
            Ok((found, audit))
        })
        .await?;
    audit.write(&db).await?;
    Ok(ok_with_etag(&participant))
}

#[utoipa::path(
    tag = "participants",
    summary = "Change a participant",
    params(("id" = i64, Path, description = "participant id"), ("If-Match" = Option<String>, Header, description = "the ETag you read")),
    request_body = ParticipantPatch,
    responses(
        (status = 200, body = Participant, headers(("ETag" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "participant_erased, external_id_taken"), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[patch("/participants/{id}")]
pub async fn update_participant(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<ParticipantPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let patch = body.0;
    let participant = db
        .write(move |conn| {
            let school_id = participant_school(conn, &principal, Action::ManageParticipants, id)?;
            let today = school_today(conn, school_id)?;
            let show = sees_sensitive(conn, &principal, school_id)?;
            if patch.sensitive.is_some() && !show {
                return Err(ApiError::forbidden());
            }
            let row: ParticipantRow = p::table.find(id).select(ParticipantRow::as_select()).first(conn)?;
            let current = to_participants(conn, vec![row], true, today)?.pop().ok_or_else(|| ApiError::not_found("participant"))?;
            if current.erased {
                return Err(ApiError::conflict("participant_erased", "this person's data was erased; the record is anonymous"));
            }
            if_match.check(&current.etag())?;
            let text = |new: &Option<Option<String>>, old: &Option<String>| match new {
                None => old.clone(),
                Some(v) => clean(v),
            };
            let last = patch.last_name.as_deref().map(str::trim).unwrap_or(current.last_name.as_deref().unwrap_or("")).to_owned();
            let first = patch.first_name.as_deref().map(str::trim).unwrap_or(current.first_name.as_deref().unwrap_or("")).to_owned();
            let middle = text(&patch.middle_name, &current.middle_name);
            let external_id = text(&patch.external_id, &current.external_id);
            let birth_date = patch.birth_date.unwrap_or(current.birth_date);
            let user_id = patch.user_id.unwrap_or(current.user_id);
            check_participant(conn, school_id, id, birth_date, external_id.as_deref(), user_id, today)?;
            let sensitive = patch.sensitive.or(current.sensitive).unwrap_or_default();
            diesel::update(p::table.find(id))
                .set((
                    p::kind.eq(patch.kind.unwrap_or(current.kind).as_str()),
                    p::external_id.eq(&external_id),
                    p::search_key.eq(search_key(&last, &first, middle.as_deref())),
                    p::last_name.eq(&last),
                    p::first_name.eq(&first),
                    p::middle_name.eq(&middle),
                    p::birth_date.eq(birth_date),
                    p::birth_year.eq(patch.birth_year.unwrap_or(current.birth_year).or(birth_date.map(|d| chrono::Datelike::year(&d)))),
                    p::grade.eq(patch.grade.unwrap_or(current.grade)),
                    p::class_letter.eq(text(&patch.class_letter, &current.class_letter).map(|c| c.to_uppercase())),
                    p::phone.eq(text(&patch.phone, &current.phone)),
                    p::email.eq(text(&patch.email, &current.email)),
                    p::notes.eq(text(&patch.notes, &current.notes)),
                    p::user_id.eq(user_id),
                    (
                        p::disability.eq(sensitive.disability),
                        p::difficult_life_situation.eq(sensitive.difficult_life_situation),
                        p::behaviour_problems.eq(sensitive.behaviour_problems),
                        p::on_register.eq(sensitive.on_register),
                        p::version.eq(current.version + 1),
                        p::updated_at.eq(Utc::now().naive_utc()),
                    ),
                ))
                .execute(conn)?;
            let updated = load_participant(conn, id, show, today)?;
            audit_minors(conn, &principal, school_id, std::slice::from_ref(&updated), "update")?;
            Ok(updated)
        })
        .await?;
    Ok(ok_with_etag(&participant))
}

#[utoipa::path(
    tag = "participants",
    summary = "Erase a participant's personal data",
    description = "Names, contacts, birth date and free text leave the system at once; an anonymous record (kind, grade, birth year) stays so that figures remain right. Audited.",
    params(("id" = i64, Path, description = "participant id")),
    responses((status = 204), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[delete("/participants/{id}")]
pub async fn delete_participant(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    db.write(move |conn| {
        let school_id = participant_school(conn, &principal, Action::ManageParticipants, id)?;
        erase(conn, id)?;
        record(conn, &principal, school_id, "erase", &[id], Some("deleted"))
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Whether the participant may enter a programme base: a minor needs a valid processing consent.
pub fn require_consent(conn: &mut DbConnection, participant: &Participant) -> Result<(), ApiError> {
    if participant.erased {
        return Err(ApiError::conflict("participant_erased", "this person's data was erased"));
    }
    if participant.is_minor && consented(conn, &[participant.id])?.is_empty() {
        return Err(ApiError::conflict(
            "consent_required",
            "a minor enters a programme base only with a parent's or legal representative's consent to process personal data",
        ));
    }
    Ok(())
}
