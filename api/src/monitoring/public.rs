//! `/public/survey-links/{token}`: answering through a one-time link, no account — a child on a phone.
//! The page shows the questions and what was saved so far, never a name; answers are saved as the
//! person goes and the response is submitted once.

use std::collections::BTreeMap;

use actix_web::{get, post, web};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::questions::{Question, check_answers, missing_required};
use super::SurveyStatus;
use super::surveys::is_open;
use crate::auth::secrets;
use crate::db::schema::{programs, survey_invitations as si, survey_responses as sr, survey_templates as st, surveys as s};
use crate::db::text::{from_json, to_json};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::programs::store::school_today;

#[derive(Debug, Serialize, ToSchema)]
pub struct PublicSurvey {
    pub title: String,
    pub questions: Vec<Question>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub open: bool,
    pub status: SurveyStatus,
    /// What was saved so far, by question code.
    pub answers: BTreeMap<String, Value>,
    pub submitted: bool,
}

#[derive(Debug, Deserialize, validator::Validate, ToSchema)]
#[schema(example = json!({"answers": {"engagement": 7, "self_esteem": 6}, "submit": false}))]
pub struct AnswersInput {
    /// By question code; `null` clears an answer. Merged into what was saved.
    pub answers: BTreeMap<String, Value>,
    /// Submit the response: required questions must be answered; nothing changes after.
    #[serde(default)]
    pub submit: bool,
}

/// A survey as one person answers it: through their invitation, once there is one.
pub(super) struct Answering {
    pub invitation_id: Option<i64>,
    pub participant_id: Option<i64>,
    pub survey_id: i64,
    pub school_id: i64,
    title: String,
    questions: Vec<Question>,
    opens_on: NaiveDate,
    closes_on: NaiveDate,
    closed_at: Option<NaiveDateTime>,
}

type AnsweringRow = (i64, i64, String, String, NaiveDate, NaiveDate, Option<NaiveDateTime>);

fn answering_columns() -> (s::id, programs::school_id, st::title, st::questions, s::opens_on, s::closes_on, s::closed_at) {
    (s::id, programs::school_id, st::title, st::questions, s::opens_on, s::closes_on, s::closed_at)
}

fn answering(invitation_id: Option<i64>, participant_id: Option<i64>, row: AnsweringRow) -> Result<Answering, ApiError> {
    let (survey_id, school_id, title, questions, opens_on, closes_on, closed_at) = row;
    Ok(Answering { invitation_id, participant_id, survey_id, school_id, title, questions: from_json(&questions)?, opens_on, closes_on, closed_at })
}

/// The invitation behind a token; an unknown or forged one is 404, so guessing learns nothing.
fn invitation(conn: &mut DbConnection, token: &str) -> Result<Answering, ApiError> {
    let row: Option<((i64, Option<i64>), AnsweringRow)> = si::table
        .inner_join(s::table.inner_join(st::table).inner_join(programs::table))
        .filter(si::token_hash.eq(secrets::hash(token)))
        .select(((si::id, si::participant_id), answering_columns()))
        .first(conn)
        .optional()?;
    let ((id, participant_id), row) = row.ok_or_else(|| ApiError::not_found("survey invitation"))?;
    answering(Some(id), participant_id, row)
}

/// A survey answered by someone with an account, through `invitation_id` once it exists.
pub(super) fn survey_answering(conn: &mut DbConnection, survey_id: i64, invitation_id: Option<i64>, participant_id: Option<i64>) -> Result<Answering, ApiError> {
    let row: AnsweringRow = s::table.inner_join(st::table).inner_join(programs::table).filter(s::id.eq(survey_id)).select(answering_columns()).first(conn)?;
    answering(invitation_id, participant_id, row)
}

/// A response so far: its id, the answers by question code, and whether it was submitted.
type Saved = (i64, BTreeMap<String, Value>, bool);

/// One response per person: a named participant's, whichever of their links or their account
/// began it; otherwise the invitation's own.
pub(super) fn saved(conn: &mut DbConnection, survey_id: i64, invitation_id: Option<i64>, participant_id: Option<i64>) -> Result<Option<Saved>, ApiError> {
    let query = sr::table.filter(sr::survey_id.eq(survey_id)).select((sr::id, sr::answers, sr::submitted_at)).into_boxed();
    let query = match (participant_id, invitation_id) {
        (Some(p), _) => query.filter(sr::participant_id.eq(p)),
        (None, Some(i)) => query.filter(sr::invitation_id.eq(i)),
        (None, None) => return Ok(None),
    };
    let row: Option<(i64, String, Option<NaiveDateTime>)> = query.order(sr::id).first(conn).optional()?;
    row.map(|(id, answers, submitted)| Ok((id, from_json(&answers)?, submitted.is_some()))).transpose()
}

pub(super) fn view(conn: &mut DbConnection, inv: Answering) -> Result<PublicSurvey, ApiError> {
    let today = school_today(conn, inv.school_id)?;
    let (answers, submitted) = saved(conn, inv.survey_id, inv.invitation_id, inv.participant_id)?.map(|(_, a, s)| (a, s)).unwrap_or_default();
    Ok(PublicSurvey {
        open: is_open(today, inv.opens_on, inv.closes_on, inv.closed_at),
        status: SurveyStatus::of(today, inv.opens_on, inv.closes_on, inv.closed_at.is_some()),
        title: inv.title,
        questions: inv.questions,
        opens_on: inv.opens_on,
        closes_on: inv.closes_on,
        answers,
        submitted,
    })
}

/// Refuses answers outside the survey's dates; called before anything is written.
pub(super) fn check_open(conn: &mut DbConnection, inv: &Answering) -> Result<(), ApiError> {
    let today = school_today(conn, inv.school_id)?;
    if inv.closed_at.is_some() || today > inv.closes_on {
        return Err(ApiError::conflict("survey_closed", "the survey is closed"));
    }
    if today < inv.opens_on {
        return Err(ApiError::conflict("survey_not_open", format!("the survey opens on {}", inv.opens_on.format("%d.%m.%Y"))));
    }
    Ok(())
}

/// Merges `input` into the saved response (checked against the questions first) and submits it
/// when asked; the invitation must exist by now.
pub(super) fn save(conn: &mut DbConnection, inv: Answering, input: AnswersInput) -> Result<PublicSurvey, ApiError> {
    check_open(conn, &inv)?;
    let invitation_id = inv.invitation_id.ok_or_else(|| ApiError::not_found("survey invitation"))?;
    let current = saved(conn, inv.survey_id, Some(invitation_id), inv.participant_id)?;
    if current.as_ref().is_some_and(|c| c.2) {
        return Err(ApiError::conflict("invitation_used", "this survey has already been answered"));
    }
    check_answers(&inv.questions, &input.answers).map_err(|(field, message)| ApiError::invalid_field(&field, message))?;
    let mut answers = current.as_ref().map(|c| c.1.clone()).unwrap_or_default();
    for (code, value) in input.answers {
        if value.is_null() {
            answers.remove(&code);
        } else {
            answers.insert(code, value);
        }
    }
    if input.submit
        && let Some(code) = missing_required(&inv.questions, &answers)
    {
        return Err(ApiError::field_problem("answer_required", &format!("answers.{code}"), "answer this question before submitting"));
    }
    let now = Utc::now().naive_utc();
    let submitted = input.submit.then_some(now);
    match current {
        Some((response, ..)) => {
            diesel::update(sr::table.find(response)).set((sr::answers.eq(to_json(&answers)?), sr::updated_at.eq(now), sr::submitted_at.eq(submitted))).execute(conn)?;
        }
        None => {
            diesel::insert_into(sr::table)
                .values((
                    sr::survey_id.eq(inv.survey_id),
                    sr::invitation_id.eq(invitation_id),
                    sr::participant_id.eq(inv.participant_id),
                    sr::answers.eq(to_json(&answers)?),
                    sr::started_at.eq(now),
                    sr::updated_at.eq(now),
                    sr::submitted_at.eq(submitted),
                ))
                .execute(conn)?;
        }
    }
    view(conn, inv)
}

#[utoipa::path(
    tag = "monitoring",
    summary = "A survey through its one-time link: the questions and what was saved",
    params(("token" = String, Path, description = "the invitation's secret")),
    responses((status = 200, body = PublicSurvey), (status = 401, body = Problem), (status = 404, body = Problem), (status = 429, body = Problem, description = "too_many_requests: past the per-address quota of pages without an account")),
    security(())
)]
#[get("/public/survey-links/{token}")]
pub async fn get_public_survey(db: web::Data<Db>, token: web::Path<String>) -> Result<web::Json<PublicSurvey>, ApiError> {
    let token = token.into_inner();
    let survey = db
        .run(move |conn| {
            let inv = invitation(conn, &token)?;
            view(conn, inv)
        })
        .await?;
    Ok(web::Json(survey))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Save answers through the one-time link, and submit when done",
    description = "Answers are checked against their questions (type, options, scale); a bad one is refused with the field `answers.{code}` and nothing is saved. A submitted response and a closed survey refuse more answers.",
    params(("token" = String, Path, description = "the invitation's secret")),
    request_body = AnswersInput,
    responses(
        (status = 200, body = PublicSurvey), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "survey_closed, survey_not_open, invitation_used"),
        (status = 422, body = Problem, description = "answer_required, validation_failed"),
        (status = 429, body = Problem, description = "too_many_requests: past the per-address quota of pages without an account"),
    ),
    security(())
)]
#[post("/public/survey-links/{token}/response")]
pub async fn answer_public_survey(db: web::Data<Db>, token: web::Path<String>, body: ValidJson<AnswersInput>) -> Result<web::Json<PublicSurvey>, ApiError> {
    let token = token.into_inner();
    let input = body.0;
    let survey = db
        .write(move |conn| {
            let inv = invitation(conn, &token)?;
            save(conn, inv, input)
        })
        .await?;
    Ok(web::Json(survey))
}
