//! `/participants/{id}/consents` and `/consents/{id}/withdraw`. Withdrawing the consent to
//! process personal data erases the person's data within the same request.

use actix_web::{HttpResponse, get, http::header, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::audit::record;
use super::dto::{Consent, ConsentGiver, ConsentList, ConsentScope, NewConsent};
use super::store::{ConsentRow, erase, load_participant, participant_school, to_consent};
use crate::auth::{Action, Principal};
use crate::db::schema::consents;
use crate::db::text::to_text;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::programs::store::school_today;

fn load(conn: &mut DbConnection, id: i64) -> Result<Consent, ApiError> {
    to_consent(consents::table.find(id).select(ConsentRow::as_select()).first(conn)?)
}

#[utoipa::path(
    tag = "participants",
    summary = "A participant's consents, withdrawn ones included",
    params(("id" = i64, Path, description = "participant id")),
    responses((status = 200, body = ConsentList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/participants/{id}/consents")]
pub async fn list_consents(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<ConsentList>, ApiError> {
    let id = id.into_inner();
    let items = db
        .run(move |conn| {
            participant_school(conn, &principal, Action::ViewParticipants, id)?;
            let rows: Vec<ConsentRow> = consents::table.filter(consents::participant_id.eq(id)).order(consents::id).select(ConsentRow::as_select()).load(conn)?;
            rows.into_iter().map(to_consent).collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(web::Json(ConsentList { items }))
}

#[utoipa::path(
    tag = "participants",
    summary = "Record a consent",
    description = "For a minor the consent comes from a parent or legal representative, named.",
    params(("id" = i64, Path, description = "participant id")),
    request_body = NewConsent,
    responses(
        (status = 201, body = Consent, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "participant_erased"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/participants/{id}/consents")]
pub async fn add_consent(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewConsent>) -> Result<HttpResponse, ApiError> {
    let participant_id = id.into_inner();
    let new = body.0;
    let consent = db
        .write(move |conn| {
            let school_id = participant_school(conn, &principal, Action::ManageParticipants, participant_id)?;
            let today = school_today(conn, school_id)?;
            let person = load_participant(conn, participant_id, false, today)?;
            if person.erased {
                return Err(ApiError::conflict("participant_erased", "this person's data was erased"));
            }
            if new.given_on > today {
                return Err(ApiError::invalid_field("given_on", "is in the future"));
            }
            let giver_name = new.giver_name.as_deref().map(str::trim).filter(|s| !s.is_empty());
            if person.is_minor && new.given_by == ConsentGiver::Myself {
                return Err(ApiError::invalid_field("given_by", "a minor's consent is given by a parent or legal representative"));
            }
            if new.given_by != ConsentGiver::Myself && giver_name.is_none() {
                return Err(ApiError::invalid_field("giver_name", "name the parent or legal representative"));
            }
            let id: i64 = diesel::insert_into(consents::table)
                .values((
                    consents::participant_id.eq(participant_id),
                    consents::given_by.eq(to_text(&new.given_by)?),
                    consents::giver_name.eq(giver_name),
                    consents::scope.eq(to_text(&new.scope)?),
                    consents::given_on.eq(new.given_on),
                    consents::document_ref.eq(new.document_ref.as_deref().map(str::trim).filter(|s| !s.is_empty())),
                    consents::created_at.eq(Utc::now().naive_utc()),
                ))
                .returning(consents::id)
                .get_result(conn)?;
            record(conn, &principal, school_id, "consent_given", &[participant_id], Some(&to_text(&new.scope)?))?;
            load(conn, id)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/consents/{}", consent.id)))
        .json(consent))
}

#[utoipa::path(
    tag = "participants",
    summary = "Withdraw a consent",
    description = "Withdrawing the consent to processing erases the person's personal data in the same request; an anonymous record stays for the figures. Audited.",
    params(("id" = i64, Path, description = "consent id")),
    responses(
        (status = 200, body = Consent), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "already_withdrawn"),
    ),
    security(("bearer" = []))
)]
#[post("/consents/{id}/withdraw")]
pub async fn withdraw_consent(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<Consent>, ApiError> {
    let id = id.into_inner();
    let consent = db
        .write(move |conn| {
            let participant_id: Option<i64> = consents::table.find(id).select(consents::participant_id).first(conn).optional()?;
            let participant_id = participant_id.ok_or_else(|| ApiError::not_found(format!("consent {id}")))?;
            let school_id = participant_school(conn, &principal, Action::ManageParticipants, participant_id)
                .map_err(|e| e.not_found_as(format!("consent {id}")))?;
            let current = load(conn, id)?;
            if current.withdrawn_at.is_some() {
                return Err(ApiError::conflict("already_withdrawn", "this consent was withdrawn before"));
            }
            diesel::update(consents::table.find(id)).set(consents::withdrawn_at.eq(Utc::now().naive_utc())).execute(conn)?;
            record(conn, &principal, school_id, "consent_withdrawn", &[participant_id], Some(&to_text(&current.scope)?))?;
            if current.scope == ConsentScope::Processing {
                erase(conn, participant_id)?;
                record(conn, &principal, school_id, "erase", &[participant_id], Some("processing consent withdrawn"))?;
            }
            load(conn, id)
        })
        .await?;
    Ok(web::Json(consent))
}
