//! `/me/surveys`: mentors, mentees and curators with an account answer in the SPA, without a link.
//! One response per person and survey, resumable: a mentor's or mentee's answers are found by
//! their participant record (so a printed link and the account share them), a curator's by an
//! invitation naming the user.

use actix_web::{get, post, web};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::public::{AnswersInput, PublicSurvey, save, saved, survey_answering, view};
use super::surveys::is_open;
use super::{Audience, SurveyPhase, SurveyStatus};
use crate::auth::{Principal, secrets};
use crate::db::schema::{program_curators, program_mentees, program_mentors, programs, survey_invitations as si, survey_templates as st, surveys as s};
use crate::db::text::from_text;
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::meetings::access::linked_participants;
use crate::programs::store::school_today;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MyProgress {
    NotStarted,
    Started,
    Submitted,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MySurvey {
    pub id: i64,
    pub program_id: i64,
    pub program_title: String,
    pub title: String,
    pub phase: SurveyPhase,
    /// The side the person answers for.
    pub audience: Audience,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub status: SurveyStatus,
    pub open: bool,
    pub progress: MyProgress,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MySurveyList {
    pub items: Vec<MySurvey>,
}

/// Who answers a survey: the participant record on its side, or the curator's own account.
#[derive(Debug, Clone, Copy)]
struct Respondent {
    survey_id: i64,
    participant_id: Option<i64>,
}

/// The surveys addressed to the user: as a mentee or mentor of a programme's base (through the
/// participant records linked to the account), or as its coordinator or curator.
fn respondents(conn: &mut DbConnection, user_id: i64) -> Result<Vec<Respondent>, ApiError> {
    let linked = linked_participants(conn, user_id)?;
    let as_mentee: Vec<(i64, i64)> = s::table
        .inner_join(program_mentees::table.on(program_mentees::program_id.eq(s::program_id)))
        .filter(s::audience.eq("mentee"))
        .filter(one_of(program_mentees::participant_id, &linked))
        .select((s::id, program_mentees::participant_id))
        .load(conn)?;
    let as_mentor: Vec<(i64, i64)> = s::table
        .inner_join(program_mentors::table.on(program_mentors::program_id.eq(s::program_id)))
        .filter(s::audience.eq("mentor"))
        .filter(one_of(program_mentors::participant_id, &linked))
        .select((s::id, program_mentors::participant_id))
        .load(conn)?;
    let curated: Vec<i64> = program_curators::table.filter(program_curators::user_id.eq(user_id)).select(program_curators::program_id).load(conn)?;
    let as_curator: Vec<i64> = s::table
        .inner_join(programs::table)
        .filter(s::audience.eq("curator"))
        .filter(one_of(s::program_id, &curated).or(programs::coordinator_id.eq(user_id)))
        .select(s::id)
        .load(conn)?;
    let mut out: Vec<Respondent> = as_mentee.into_iter().chain(as_mentor).map(|(survey_id, p)| Respondent { survey_id, participant_id: Some(p) }).collect();
    out.extend(as_curator.into_iter().map(|survey_id| Respondent { survey_id, participant_id: None }));
    out.sort_by_key(|r| r.survey_id);
    // One seat per survey: a person enrolled twice on one side answers once.
    out.dedup_by_key(|r| r.survey_id);
    Ok(out)
}

fn respondent(conn: &mut DbConnection, user_id: i64, survey_id: i64) -> Result<Respondent, ApiError> {
    respondents(conn, user_id)?.into_iter().find(|r| r.survey_id == survey_id).ok_or_else(|| ApiError::not_found(format!("survey {survey_id}")))
}

/// The respondent's invitation: a mentor's or mentee's oldest (any printed link will do, since
/// their response is found by participant), a curator's own.
fn invitation_of(conn: &mut DbConnection, user_id: i64, who: Respondent) -> Result<Option<i64>, ApiError> {
    let query = si::table.filter(si::survey_id.eq(who.survey_id)).select(si::id).order(si::id).into_boxed();
    let query = match who.participant_id {
        Some(p) => query.filter(si::participant_id.eq(p)),
        None => query.filter(si::user_id.eq(user_id)),
    };
    Ok(query.first(conn).optional()?)
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Surveys addressed to me, as a mentor, mentee or curator, with how far I got",
    responses((status = 200, body = MySurveyList), (status = 401, body = Problem)),
    security(("bearer" = []))
)]
#[get("/me/surveys")]
pub async fn my_surveys(db: web::Data<Db>, principal: Principal) -> Result<web::Json<MySurveyList>, ApiError> {
    let items = db
        .read(move |conn| {
            let Some(user_id) = principal.user_id() else { return Ok(Vec::new()) };
            let mut items = Vec::new();
            for who in respondents(conn, user_id)? {
                type Row = (i64, String, String, String, String, NaiveDate, NaiveDate, Option<NaiveDateTime>, i64);
                let (program_id, program_title, title, phase, audience, opens_on, closes_on, closed_at, school_id): Row = s::table
                    .inner_join(st::table)
                    .inner_join(programs::table)
                    .filter(s::id.eq(who.survey_id))
                    .select((s::program_id, programs::title, st::title, s::phase, s::audience, s::opens_on, s::closes_on, s::closed_at, programs::school_id))
                    .first(conn)?;
                let today = school_today(conn, school_id)?;
                let invitation = invitation_of(conn, user_id, who)?;
                let progress = match saved(conn, who.survey_id, invitation, who.participant_id)? {
                    None => MyProgress::NotStarted,
                    Some((_, _, false)) => MyProgress::Started,
                    Some((_, _, true)) => MyProgress::Submitted,
                };
                items.push(MySurvey {
                    id: who.survey_id,
                    program_id,
                    program_title,
                    title,
                    phase: from_text(&phase)?,
                    audience: from_text(&audience)?,
                    opens_on,
                    closes_on,
                    status: SurveyStatus::of(today, opens_on, closes_on, closed_at.is_some()),
                    open: is_open(today, opens_on, closes_on, closed_at),
                    progress,
                });
            }
            // Open ones first, those closing soonest on top.
            items.sort_by_key(|i| (!i.open, i.closes_on, i.id));
            Ok(items)
        })
        .await?;
    Ok(web::Json(MySurveyList { items }))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "A survey addressed to me: the questions and what I saved",
    params(("id" = i64, Path, description = "survey id")),
    responses((status = 200, body = PublicSurvey), (status = 401, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/me/surveys/{id}")]
pub async fn get_my_survey(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<PublicSurvey>, ApiError> {
    let id = id.into_inner();
    let survey = db
        .run(move |conn| {
            let user_id = principal.user_id().ok_or_else(|| ApiError::not_found(format!("survey {id}")))?;
            let who = respondent(conn, user_id, id)?;
            let invitation = invitation_of(conn, user_id, who)?;
            let answering = survey_answering(conn, id, invitation, who.participant_id)?;
            view(conn, answering)
        })
        .await?;
    Ok(web::Json(survey))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Save my answers to a survey, and submit when done",
    description = "The same rules as answering through a link: answers are checked against their questions, a submitted response and a closed survey refuse more. A mentor's or mentee's answers are one response with any link printed for them.",
    params(("id" = i64, Path, description = "survey id")),
    request_body = AnswersInput,
    responses(
        (status = 200, body = PublicSurvey), (status = 400, body = Problem), (status = 401, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "survey_closed, survey_not_open, invitation_used"),
        (status = 422, body = Problem, description = "answer_required, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[post("/me/surveys/{id}/response")]
pub async fn answer_my_survey(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<AnswersInput>) -> Result<web::Json<PublicSurvey>, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    let survey = db
        .write(move |conn| {
            let user_id = principal.user_id().ok_or_else(|| ApiError::not_found(format!("survey {id}")))?;
            let who = respondent(conn, user_id, id)?;
            let invitation = match invitation_of(conn, user_id, who)? {
                Some(invitation) => invitation,
                // No link is ever shown for this invitation: its secret is thrown away.
                None => diesel::insert_into(si::table)
                    .values((
                        si::survey_id.eq(id),
                        si::token_hash.eq(secrets::hash(&secrets::generate(super::surveys::INVITATION_PREFIX))),
                        si::participant_id.eq(who.participant_id),
                        si::user_id.eq(who.participant_id.is_none().then_some(user_id)),
                        si::created_at.eq(Utc::now().naive_utc()),
                    ))
                    .returning(si::id)
                    .get_result(conn)?,
            };
            let answering = survey_answering(conn, id, Some(invitation), who.participant_id)?;
            save(conn, answering, input)
        })
        .await?;
    Ok(web::Json(survey))
}
