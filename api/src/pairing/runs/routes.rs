//! `/programs/{id}/matching-runs`, `/matching-runs/{id}` and `/matching-runs/{id}/accept`.

use actix_web::{HttpResponse, get, http::header, post, web};
use diesel::prelude::*;

use super::inputs::{Choice, prepare};
use super::store::{RunMeta, list, load, mark_accepted, open_proposals, program_of, save};
use super::{AcceptProposals, AcceptedPairs, MatchingRun, MatchingRunList, NewMatchingRun};
use crate::auth::{Action, Principal};
use crate::db::schema::matching_runs;
use crate::db::text::from_text;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::pairing::matching::{InputError, Objective, solve};
use crate::pairing::pairs::routes::default_form;
use crate::pairing::pairs::store::{Creation, create, load_pair};
use crate::pairing::settings::{self, check_weights};
use crate::participants::audit::record;
use crate::programs::dto::MentorshipForm;
use crate::programs::store::program_scope;

/// The engine's refusals in the API's words.
fn refused(error: InputError) -> ApiError {
    match error {
        InputError::WeightOutOfRange { .. } => ApiError::field_problem("weight_out_of_range", "weights", "a weight is 0–10 points or \"must\""),
        InputError::LockedOverCapacity { .. } => ApiError::conflict("capacity_exceeded", "the locked pairs give a mentor more mentees than free places; remove a lock"),
        InputError::LockedExcluded { .. } => ApiError::conflict("constraint_exists", "a pair is both locked and excluded"),
        InputError::MenteeLockedTwice { .. } => ApiError::conflict("constraint_exists", "a mentee is locked with two mentors"),
        other => ApiError::Internal(anyhow::anyhow!("matching input rejected: {other:?}")),
    }
}

#[utoipa::path(
    tag = "pairing",
    summary = "Run the matching on the programme's bases",
    description = "Matches the mentees waiting for a pair in the form with the mentors who may take them, by the programme's weights (or those given), keeping locks and never proposing exclusions. `optimal` maximises the total score (with `participation`, the number matched first); `stable` is mentee-proposing deferred acceptance with no blocking pair. The run is kept with its inputs, proposals, reasons and statistics.",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewMatchingRun,
    responses(
        (status = 201, body = MatchingRun, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "capacity_exceeded (locks), constraint_exists, programme_closed"),
        (status = 422, body = Problem, description = "weight_out_of_range, form_not_in_programme, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/matching-runs")]
pub async fn create_run(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewMatchingRun>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let run = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let settings = settings::load(conn, program_id)?;
            let weights = new.weights.unwrap_or(settings.weights);
            check_weights(&weights, "weights")?;
            let form = choose_form(conn, program_id, new.form)?;
            let choice = Choice { form, algorithm: new.algorithm, objective: new.objective.unwrap_or(Objective::Score), weights, allow_untrained: settings.allow_untrained_mentors };
            let prepared = prepare(conn, program_id, scope.school_id, choice)?;
            let outcome = solve(&prepared.instance).map_err(refused)?;
            let run_id = save(conn, RunMeta { program_id, form, created_by: principal.user_id() }, &prepared, &outcome)?;
            let (run, minors) = load(conn, run_id, scope.school_id)?;
            record(conn, &principal, scope.school_id, "list", &minors, Some("matching run"))?;
            Ok(run)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/matching-runs/{}", run.summary.id))).json(run))
}

fn choose_form(conn: &mut DbConnection, program_id: i64, asked: Option<MentorshipForm>) -> Result<MentorshipForm, ApiError> {
    let Some(form) = asked else { return default_form(conn, program_id) };
    let forms: String = crate::db::schema::programs::table.find(program_id).select(crate::db::schema::programs::forms).first(conn)?;
    let forms: Vec<MentorshipForm> = crate::db::text::from_json(&forms)?;
    if !forms.contains(&form) {
        return Err(ApiError::field_problem("form_not_in_programme", "form", "the programme does not run this form of mentorship"));
    }
    Ok(form)
}

#[utoipa::path(
    tag = "pairing",
    summary = "The programme's matching runs, newest first, to compare",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = MatchingRunList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/matching-runs")]
pub async fn list_runs(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<MatchingRunList>, ApiError> {
    let program_id = id.into_inner();
    let items = db
        .run(move |conn| {
            program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            list(conn, program_id)
        })
        .await?;
    Ok(web::Json(MatchingRunList { items }))
}

#[utoipa::path(
    tag = "pairing",
    summary = "A matching run: inputs, proposals with scores and reasons, the unmatched, statistics",
    params(("id" = i64, Path, description = "run id")),
    responses((status = 200, body = MatchingRun), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/matching-runs/{id}")]
pub async fn get_run(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<MatchingRun>, ApiError> {
    let id = id.into_inner();
    let run = db
        .write(move |conn| {
            let program_id = program_of(conn, id)?;
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id).map_err(|e| e.not_found_as(format!("matching run {id}")))?;
            let (run, minors) = load(conn, id, scope.school_id)?;
            record(conn, &principal, scope.school_id, "list", &minors, Some("matching run"))?;
            Ok(run)
        })
        .await?;
    Ok(web::Json(run))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Accept chosen proposals: they become pairs and groups in status proposed",
    description = "One mentor's chosen proposals become one pair (one mentee) or group (several). The same rules as making a pair by hand hold; if anything changed since the run (a mentee paired meanwhile, a place taken), nothing is accepted, and the problem's detail begins with the proposal it is about.",
    params(("id" = i64, Path, description = "run id")),
    request_body = AcceptProposals,
    responses(
        (status = 201, body = AcceptedPairs), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "proposal_accepted, capacity_exceeded, mentee_already_paired, mentee_not_in_base, mentor_not_ready, consent_required, pair_excluded, programme_closed"),
        (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/matching-runs/{id}/accept")]
pub async fn accept_run(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<AcceptProposals>) -> Result<HttpResponse, ApiError> {
    let run_id = id.into_inner();
    let chosen = body.0.proposal_ids;
    let pairs = db
        .write(move |conn| {
            let program_id = program_of(conn, run_id)?;
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id).map_err(|e| e.not_found_as(format!("matching run {run_id}")))?.open()?;
            let form: String = matching_runs::table.find(run_id).select(matching_runs::form).first(conn)?;
            let form: MentorshipForm = from_text(&form)?;
            let allow_untrained = settings::load(conn, program_id)?.allow_untrained_mentors;
            let proposals = open_proposals(conn, run_id, &chosen)?;
            // Group by mentor, in the order the curator chose.
            let mut mentors: Vec<i64> = Vec::new();
            for p in &proposals {
                if !mentors.contains(&p.1) {
                    mentors.push(p.1);
                }
            }
            let mut made = Vec::new();
            for mentor in mentors {
                let mine: Vec<_> = proposals.iter().filter(|p| p.1 == mentor).collect();
                let mentee_ids: Vec<i64> = mine.iter().map(|p| p.2).collect();
                let first = chosen.iter().position(|c| *c == mine[0].0).unwrap_or(0);
                let field = format!("proposal_ids[{first}]");
                let pair_id = create(
                    conn,
                    Creation {
                        program_id,
                        school_id: scope.school_id,
                        form,
                        role_model: mine[0].3.as_deref().map(from_text).transpose()?,
                        mentor_id: mentor,
                        mentee_ids: &mentee_ids,
                        goal: None,
                        matching_run_id: Some(run_id),
                        reason: Some(format!("принята из подбора № {run_id}")),
                        actor: principal.key(),
                        allow_untrained,
                        field: &field,
                    },
                )
                .map_err(|e| e.about(format!("proposal {} ({field})", mine[0].0)))?;
                let ids: Vec<i64> = mine.iter().map(|p| p.0).collect();
                mark_accepted(conn, run_id, &ids, pair_id)?;
                made.push(load_pair(conn, pair_id, scope.school_id)?);
            }
            Ok(made)
        })
        .await?;
    Ok(HttpResponse::Created().json(AcceptedPairs { pairs }))
}
