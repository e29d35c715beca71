//! `/programs/{id}/pairs` and `/pairs/{id}`: making pairs by hand, reading them, starting,
//! dissolving and completing them.

use actix_web::{HttpResponse, get, http::header, patch, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::store::{Creation, PairRow, audit_read, change_status, create, load_pair, program_of, shown_pair, shown_pairs, to_pairs};
use super::{MyPair, MyPairList, NewPair, Pair, PairCompletion, PairFilter, PairPatch, PairStatus};
use crate::meetings::MemberRole;
use crate::auth::{Action, Principal};
use crate::db::{Db, natively};
use crate::db::schema::{meetings, pairs};
use crate::db::text::{from_json, to_text};
use crate::error::{ApiError, Problem};
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson};
use crate::pairing::settings;
use crate::programs::dto::MentorshipForm;
use crate::programs::store::{ProgramScope, program_scope};

/// The programme's form when none is named: its first.
pub fn default_form(conn: &mut crate::db::DbConnection, program_id: i64) -> Result<MentorshipForm, ApiError> {
    let forms: String = crate::db::schema::programs::table.find(program_id).select(crate::db::schema::programs::forms).first(conn)?;
    let forms: Vec<MentorshipForm> = from_json(&forms)?;
    Ok(forms.first().copied().unwrap_or(MentorshipForm::StudentStudent))
}

#[utoipa::path(
    tag = "pairing",
    summary = "The programme's pairs and groups",
    params(("id" = i64, Path, description = "programme id"), PageQuery, PairFilter),
    responses((status = 200, body = Paginated<Pair>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/pairs")]
pub async fn list_pairs(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<PageQuery>, filter: web::Query<PairFilter>) -> Result<web::Json<Paginated<Pair>>, ApiError> {
    let page = query.page()?;
    let program_id = id.into_inner();
    let status = filter.status.map(|s| to_text(&s)).transpose()?;
    let (items, next_cursor, audit) = db
        .read(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            // Natively and unboxed (`db::native`): a statement whose type fixes its text stays prepared.
            let rows: Vec<PairRow> = natively!(conn, |c| {
                let q = pairs::table.filter(pairs::program_id.eq(program_id)).filter(pairs::id.gt(page.after));
                let q = q.order(pairs::id).limit(page.limit + 1).select(PairRow::as_select());
                match &status {
                    Some(status) => q.filter(pairs::status.eq(status)).load(c)?,
                    None => q.load(c)?,
                }
            });
            let paged = Paginated::from_rows(rows, page, |r| r.id, |r| r);
            let (shown, minors) = shown_pairs(conn, paged.items, scope.school_id)?;
            Ok((shown, paged.next_cursor, audit_read(&principal, scope.school_id, minors)))
        })
        .await?;
    audit.write(&db).await?;
    Ok(web::Json(Paginated { items, next_cursor }))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Make a pair or group by hand",
    description = "As valid as accepting a proposal: the same rules hold (the mentor ready and with free places, the mentees in the base with consent, the grade rule, exclusions), and the database keeps capacity and \"one live pair per form\" under concurrent requests.",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewPair,
    responses(
        (status = 201, body = Pair, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "capacity_exceeded, mentee_already_paired, mentor_not_ready, mentee_not_in_base, consent_required, grade_rule, pair_excluded, programme_closed"),
        (status = 422, body = Problem, description = "form_mismatch, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/pairs")]
pub async fn create_pair(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewPair>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let pair = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let form = match new.form {
                Some(f) => f,
                None => default_form(conn, program_id)?,
            };
            let allow_untrained = settings::load(conn, program_id)?.allow_untrained_mentors;
            let id = create(
                conn,
                Creation {
                    program_id,
                    school_id: scope.school_id,
                    form,
                    role_model: new.role_model,
                    mentor_id: new.mentor_id,
                    mentee_ids: &new.mentee_ids,
                    goal: new.goal,
                    matching_run_id: None,
                    reason: Some(new.reason.unwrap_or_else(|| "составлена куратором вручную".into())),
                    actor: principal.key(),
                    allow_untrained,
                    field: "",
                },
            )?;
            load_pair(conn, id, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/pairs/{}", pair.id)))
        .insert_header((header::ETAG, pair.etag.clone()))
        .json(pair))
}

/// The pair's programme scope for `action`; a pair outside the caller's subtree is 404.
pub fn pair_scope(conn: &mut crate::db::DbConnection, principal: &Principal, action: Action, pair_id: i64) -> Result<ProgramScope, ApiError> {
    let program_id = program_of(conn, pair_id)?;
    program_scope(conn, principal, action, program_id).map_err(|e| e.not_found_as(format!("pair {pair_id}")))
}

#[utoipa::path(
    tag = "pairing",
    summary = "A pair or group with its people, order and history",
    description = "The staff and the pair's own mentor and mentees read it.",
    params(("id" = i64, Path, description = "pair id")),
    responses((status = 200, body = Pair), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/pairs/{id}")]
pub async fn get_pair(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (pair, audit) = db
        .read(move |conn| {
            let access = crate::meetings::access::pair_access(conn, &principal, id, false)?;
            let (pair, minors) = shown_pair(conn, id, access.school_id)?;
            Ok((pair, audit_read(&principal, access.school_id, minors)))
        })
        .await?;
    audit.write(&db).await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, pair.etag.clone())).json(pair))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Start, dissolve, or change a pair's goal and role model",
    description = "Approval happens only through an order, completion through `/pairs/{id}/complete`. Dissolving needs a reason; it frees the mentor's places and sends the mentees to support while the search goes on.",
    params(("id" = i64, Path, description = "pair id"), ("If-Match" = Option<String>, Header, description = "the pair's etag")),
    request_body = PairPatch,
    responses(
        (status = 200, body = Pair), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition, programme_closed"), (status = 412, body = Problem), (status = 422, body = Problem, description = "reason_required, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[patch("/pairs/{id}")]
pub async fn update_pair(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<PairPatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let p = body.0;
    let pair = db
        .write(move |conn| {
            let scope = pair_scope(conn, &principal, Action::ManageProgram, id)?.open()?;
            let current = load_pair(conn, id, scope.school_id)?;
            if_match.check(&current.etag)?;
            if !current.status.is_live() {
                return Err(ApiError::conflict("invalid_transition", format!("the pair is {}: its record no longer changes", to_text(&current.status)?)));
            }
            if p.role_model.is_some() || p.goal.is_some() {
                let goal = p.goal.clone().unwrap_or(current.goal.clone()).map(|g| g.trim().to_owned()).filter(|g| !g.is_empty());
                let role_model = p.role_model.unwrap_or(current.role_model).map(|r| to_text(&r)).transpose()?;
                diesel::update(pairs::table.find(id))
                    .set((pairs::goal.eq(goal), pairs::role_model.eq(role_model), pairs::version.eq(pairs::version + 1), pairs::updated_at.eq(Utc::now().naive_utc())))
                    .execute(conn)?;
            }
            if let Some(next) = p.status.filter(|s| *s != current.status) {
                if !current.status.may_become_by_patch(next) {
                    let how = match next {
                        PairStatus::Approved => "pairs are approved by an order (POST /programs/{id}/orders)",
                        PairStatus::Completed => "a pair is completed with POST /pairs/{id}/complete",
                        _ => "not a step the model allows",
                    };
                    return Err(ApiError::conflict("invalid_transition", format!("{} → {}: {how}", to_text(&current.status)?, to_text(&next)?)));
                }
                if next == PairStatus::Dissolved && p.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
                    return Err(ApiError::field_problem("reason_required", "reason", "say why the pair is dissolved"));
                }
                change_status(conn, id, next, p.reason.as_deref(), &principal.key())?;
            }
            load_pair(conn, id, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, pair.etag.clone())).json(pair))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Complete an active pair's work, with its result and a summary",
    description = "Only after the final meeting is held.",
    params(("id" = i64, Path, description = "pair id"), ("If-Match" = Option<String>, Header, description = "the pair's etag")),
    request_body = PairCompletion,
    responses(
        (status = 200, body = Pair), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition, final_meeting_required, programme_closed"), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/pairs/{id}/complete")]
pub async fn complete_pair(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<PairCompletion>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let PairCompletion { outcome, summary } = body.0;
    let pair = db
        .write(move |conn| {
            let scope = pair_scope(conn, &principal, Action::ManageProgram, id)?.open()?;
            let current = load_pair(conn, id, scope.school_id)?;
            if_match.check(&current.etag)?;
            if current.status != PairStatus::Active {
                return Err(ApiError::conflict("invalid_transition", "only an active pair is completed"));
            }
            let finals: i64 = meetings::table.filter(meetings::pair_id.eq(id)).filter(meetings::kind.eq("final")).filter(meetings::status.eq("held")).count().get_result(conn)?;
            if finals == 0 {
                return Err(ApiError::conflict("final_meeting_required", "a pair completes after its final meeting (итоговая встреча) is held"));
            }
            change_status(conn, id, PairStatus::Completed, Some(&summary), &principal.key())?;
            diesel::update(pairs::table.find(id)).set((pairs::outcome.eq(to_text(&outcome)?), pairs::summary.eq(&summary))).execute(conn)?;
            load_pair(conn, id, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, pair.etag.clone())).json(pair))
}

#[utoipa::path(
    tag = "pairing",
    summary = "My pairs and groups, as a mentor or a mentee",
    responses((status = 200, body = MyPairList), (status = 401, body = Problem)),
    security(("bearer" = []))
)]
#[get("/me/pairs")]
pub async fn my_pairs(db: web::Data<Db>, principal: Principal) -> Result<web::Json<MyPairList>, ApiError> {
    let items = db
        .read(move |conn| {
            let Some(user_id) = principal.user_id() else { return Ok(Vec::new()) };
            let mut out = Vec::new();
            for (pair_id, seat) in crate::meetings::routes::own_pairs(conn, user_id)? {
                let row: PairRow = pairs::table.find(pair_id).select(PairRow::as_select()).first(conn)?;
                let school_id: i64 = crate::db::schema::programs::table.find(row.program_id).select(crate::db::schema::programs::school_id).first(conn)?;
                let my_role = if seat == crate::meetings::access::Seat::Mentor { MemberRole::Mentor } else { MemberRole::Mentee };
                out.extend(to_pairs(conn, vec![row], school_id)?.into_iter().map(|pair| MyPair { pair, my_role }));
            }
            Ok(out)
        })
        .await?;
    Ok(web::Json(MyPairList { items }))
}
