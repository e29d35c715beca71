//! `/programs/{id}/surveys`, `/surveys/{id}` and its invitations: a template run for a phase and
//! an audience between two dates, and one-time links for those who answer without an account.

use actix_web::{HttpRequest, HttpResponse, get, http::header, post, web};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::templates::{load_row, usable_at};
use super::{Audience, NewSurvey, Purpose, ResponseCounts, Survey, SurveyList, SurveyStatus};
use crate::auth::secrets;
use crate::auth::{Action, Principal};
use crate::db::schema::{program_mentees, program_mentors, survey_invitations as si, survey_responses as sr, survey_templates as st, surveys as s};
use crate::db::text::{from_text, to_text};
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::pairing::people::enrolled_people;
use crate::programs::store::{program_scope, school_today};

pub const INVITATION_PREFIX: &str = "nsrv_";

type SurveyRow = (i64, i64, i64, String, String, NaiveDate, NaiveDate, Option<NaiveDateTime>, NaiveDateTime);

fn select(conn: &mut DbConnection, ids: &[i64]) -> Result<Vec<SurveyRow>, ApiError> {
    Ok(s::table
        .filter(one_of(s::id, ids))
        .order(s::id)
        .select((s::id, s::program_id, s::template_id, s::phase, s::audience, s::opens_on, s::closes_on, s::closed_at, s::created_at))
        .load(conn)?)
}

/// Open: between its dates on the school's calendar, and not closed early.
pub fn is_open(today: NaiveDate, opens_on: NaiveDate, closes_on: NaiveDate, closed_at: Option<NaiveDateTime>) -> bool {
    closed_at.is_none() && opens_on <= today && today <= closes_on
}

/// Invitations count people, not links: a reissued link or an account's answering does not
/// inflate the denominator of the response rate.
pub(super) fn counts(conn: &mut DbConnection, survey_id: i64) -> Result<ResponseCounts, ApiError> {
    let issued: Vec<(i64, Option<i64>, Option<i64>)> = si::table.filter(si::survey_id.eq(survey_id)).select((si::id, si::participant_id, si::user_id)).load(conn)?;
    let people: std::collections::HashSet<(u8, i64)> = issued
        .into_iter()
        .map(|(id, participant, user)| match (participant, user) {
            (Some(p), _) => (0, p),
            (None, Some(u)) => (1, u),
            (None, None) => (2, id),
        })
        .collect();
    let invitations = people.len() as i64;
    let started: i64 = sr::table.filter(sr::survey_id.eq(survey_id)).count().get_result(conn)?;
    let submitted: i64 = sr::table.filter(sr::survey_id.eq(survey_id)).filter(sr::submitted_at.is_not_null()).count().get_result(conn)?;
    Ok(ResponseCounts { invitations, started, submitted, response_rate: (invitations > 0).then(|| submitted as f64 / invitations as f64) })
}

/// Each survey of a programme with its response counts: title, phase, audience, counts.
pub fn program_counts(conn: &mut DbConnection, program_id: i64) -> Result<Vec<(String, String, String, ResponseCounts)>, ApiError> {
    let rows: Vec<(i64, String, String, String)> =
        s::table.inner_join(st::table).filter(s::program_id.eq(program_id)).order(s::id).select((s::id, st::title, s::phase, s::audience)).load(conn)?;
    rows.into_iter().map(|(id, title, phase, audience)| Ok((title, phase, audience, counts(conn, id)?))).collect()
}

fn to_surveys(conn: &mut DbConnection, rows: Vec<SurveyRow>, school_id: i64) -> Result<Vec<Survey>, ApiError> {
    let today = school_today(conn, school_id)?;
    rows.into_iter()
        .map(|(id, program_id, template_id, phase, audience, opens_on, closes_on, closed_at, created_at)| {
            let title: String = st::table.find(template_id).select(st::title).first(conn)?;
            Ok(Survey {
                id,
                program_id,
                template_id,
                title,
                phase: from_text(&phase)?,
                audience: from_text(&audience)?,
                opens_on,
                closes_on,
                open: is_open(today, opens_on, closes_on, closed_at),
                status: SurveyStatus::of(today, opens_on, closes_on, closed_at.is_some()),
                closed_at: closed_at.map(|c| c.and_utc()),
                counts: counts(conn, id)?,
                created_at: created_at.and_utc(),
            })
        })
        .collect()
}

/// The survey's programme scope for `action`; a survey outside the caller's subtree is 404.
fn survey_scope(conn: &mut DbConnection, principal: &Principal, action: Action, id: i64) -> Result<crate::programs::store::ProgramScope, ApiError> {
    let program: Option<i64> = s::table.find(id).select(s::program_id).first(conn).optional()?;
    let program = program.ok_or_else(|| ApiError::not_found(format!("survey {id}")))?;
    program_scope(conn, principal, action, program).map_err(|e| e.not_found_as(format!("survey {id}")))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "The programme's surveys with their response rates",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = SurveyList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/surveys")]
pub async fn list_surveys(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<SurveyList>, ApiError> {
    let program_id = id.into_inner();
    let items = db
        .read(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, program_id)?;
            let ids: Vec<i64> = s::table.filter(s::program_id.eq(program_id)).select(s::id).load(conn)?;
            let rows = select(conn, &ids)?;
            to_surveys(conn, rows, scope.school_id)
        })
        .await?;
    Ok(web::Json(SurveyList { items }))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Launch a survey: a template for a phase, between two dates",
    description = "The template must be usable at the school (standard, the institute's, the school's own) and fit the phase: quality questionnaires for `quality` (or `interim`), impact instruments for `entry` and `exit` (or `interim`).",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewSurvey,
    responses(
        (status = 201, body = Survey, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 422, body = Problem, description = "template_phase_mismatch, invalid_time_range, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/surveys")]
pub async fn create_survey(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewSurvey>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let survey = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            if !usable_at(conn, scope.school_id)?.iter().any(|t| t.id == new.template_id) {
                return Err(ApiError::invalid_field("template_id", "no such template usable at this school"));
            }
            let template = load_row(conn, new.template_id)?;
            let purpose: Purpose = from_text(&template.purpose)?;
            if !new.phase.fits(purpose) {
                return Err(ApiError::field_problem("template_phase_mismatch", "phase", "quality questionnaires run in the quality phase, impact instruments at entry and exit"));
            }
            if new.closes_on < new.opens_on {
                return Err(ApiError::field_problem("invalid_time_range", "closes_on", "a survey closes after it opens"));
            }
            let id: i64 = diesel::insert_into(s::table)
                .values((
                    s::program_id.eq(program_id),
                    s::template_id.eq(new.template_id),
                    s::phase.eq(to_text(&new.phase)?),
                    s::audience.eq(&template.audience),
                    s::opens_on.eq(new.opens_on),
                    s::closes_on.eq(new.closes_on),
                    s::created_at.eq(Utc::now().naive_utc()),
                ))
                .returning(s::id)
                .get_result(conn)?;
            let rows = select(conn, &[id])?;
            to_surveys(conn, rows, scope.school_id)?.pop().ok_or_else(|| ApiError::not_found("survey"))
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/surveys/{}", survey.id))).json(survey))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "A survey with its response rate",
    params(("id" = i64, Path, description = "survey id")),
    responses((status = 200, body = Survey), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/surveys/{id}")]
pub async fn get_survey(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<Survey>, ApiError> {
    let id = id.into_inner();
    let survey = db
        .read(move |conn| {
            let scope = survey_scope(conn, &principal, Action::ViewProgram, id)?;
            let rows = select(conn, &[id])?;
            to_surveys(conn, rows, scope.school_id)?.pop().ok_or_else(|| ApiError::not_found("survey"))
        })
        .await?;
    Ok(web::Json(survey))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Close a survey early: it refuses answers from now on",
    params(("id" = i64, Path, description = "survey id")),
    responses((status = 200, body = Survey), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[post("/surveys/{id}/close")]
pub async fn close_survey(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<Survey>, ApiError> {
    let id = id.into_inner();
    let survey = db
        .write(move |conn| {
            let scope = survey_scope(conn, &principal, Action::ManageProgram, id)?;
            diesel::update(s::table.find(id).filter(s::closed_at.is_null())).set(s::closed_at.eq(Utc::now().naive_utc())).execute(conn)?;
            let rows = select(conn, &[id])?;
            to_surveys(conn, rows, scope.school_id)?.pop().ok_or_else(|| ApiError::not_found("survey"))
        })
        .await?;
    Ok(web::Json(survey))
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"participant_ids": [11, 12, 13]}))]
pub struct NewInvitations {
    /// People of the programme's base on the survey's side (mentees or mentors), one link each.
    #[validate(length(max = 2000))]
    #[serde(default)]
    #[schema(max_items = 2000)]
    pub participant_ids: Vec<i64>,
    /// Or this many anonymous links (e.g. for curators).
    #[validate(range(min = 1, max = 2000))]
    #[schema(minimum = 1, maximum = 2000)]
    pub count: Option<u32>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedInvitation {
    pub id: i64,
    pub participant_id: Option<i64>,
    /// For the printed sheet; null once erased.
    pub name: Option<String>,
    /// The one-time link, shown once.
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedInvitations {
    pub items: Vec<IssuedInvitation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Unused,
    Started,
    Submitted,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationState {
    pub id: i64,
    pub participant_id: Option<i64>,
    pub name: Option<String>,
    pub status: InvitationStatus,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationList {
    pub items: Vec<InvitationState>,
}

/// The participants of the programme's base on the survey's side.
fn base_of(conn: &mut DbConnection, program_id: i64, audience: Audience) -> Result<Vec<i64>, ApiError> {
    Ok(match audience {
        Audience::Mentee => program_mentees::table.filter(program_mentees::program_id.eq(program_id)).select(program_mentees::participant_id).load(conn)?,
        Audience::Mentor => program_mentors::table.filter(program_mentors::program_id.eq(program_id)).select(program_mentors::participant_id).load(conn)?,
        Audience::Curator => Vec::new(),
    })
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Issue one-time links to answer without an account",
    description = "Each link answers once; the links are shown only now, for the printed sheet of QR codes. Anyone with a link answers, so hand them out in person.",
    params(("id" = i64, Path, description = "survey id")),
    request_body = NewInvitations,
    responses(
        (status = 201, body = IssuedInvitations), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "survey_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/surveys/{id}/invitations")]
pub async fn issue_invitations(db: web::Data<Db>, req: HttpRequest, principal: Principal, id: web::Path<i64>, body: ValidJson<NewInvitations>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.0;
    let info = req.connection_info().clone();
    let base_url = format!("{}://{}", info.scheme(), info.host());
    let items = db
        .write(move |conn| {
            let scope = survey_scope(conn, &principal, Action::ManageProgram, id)?;
            let (program_id, audience, closes_on, closed_at): (i64, String, NaiveDate, Option<NaiveDateTime>) =
                s::table.find(id).select((s::program_id, s::audience, s::closes_on, s::closed_at)).first(conn)?;
            if closed_at.is_some() || school_today(conn, scope.school_id)? > closes_on {
                return Err(ApiError::conflict("survey_closed", "the survey is closed"));
            }
            let base = base_of(conn, program_id, from_text(&audience)?)?;
            let mut who: Vec<Option<i64>> = Vec::new();
            for (i, p) in input.participant_ids.iter().enumerate() {
                if !base.contains(p) {
                    return Err(ApiError::invalid_field(&format!("participant_ids[{i}]"), "not in the programme's base on the survey's side"));
                }
                if input.participant_ids[..i].contains(p) {
                    return Err(ApiError::invalid_field(&format!("participant_ids[{i}]"), "named twice"));
                }
                who.push(Some(*p));
            }
            who.extend((0..input.count.unwrap_or(0)).map(|_| None));
            if who.is_empty() {
                return Err(ApiError::invalid_field("participant_ids", "name the people, or give a count"));
            }
            let named: Vec<i64> = who.iter().flatten().copied().collect();
            let people = enrolled_people(conn, &named, scope.school_id, false)?;
            let now = Utc::now().naive_utc();
            let mut items = Vec::with_capacity(who.len());
            for participant_id in who {
                let token = secrets::generate(INVITATION_PREFIX);
                let invitation: i64 = diesel::insert_into(si::table)
                    .values((si::survey_id.eq(id), si::token_hash.eq(secrets::hash(&token)), si::participant_id.eq(participant_id), si::created_at.eq(now)))
                    .returning(si::id)
                    .get_result(conn)?;
                items.push(IssuedInvitation {
                    id: invitation,
                    participant_id,
                    name: participant_id.and_then(|p| people.get(p)).and_then(|p| p.name.clone()),
                    url: format!("{base_url}/answer/{token}"),
                });
            }
            crate::participants::audit::record(conn, &principal, scope.school_id, "invite", &people.minors(), Some("survey invitation"))?;
            Ok(items)
        })
        .await?;
    Ok(HttpResponse::Created().json(IssuedInvitations { items }))
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Who has answered: each invitation's state, without its link",
    params(("id" = i64, Path, description = "survey id")),
    responses((status = 200, body = InvitationList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/surveys/{id}/invitations")]
pub async fn list_invitations(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<InvitationList>, ApiError> {
    let id = id.into_inner();
    let items = db
        .run(move |conn| {
            let scope = survey_scope(conn, &principal, Action::ViewParticipants, id)?;
            let rows: Vec<(i64, Option<i64>, NaiveDateTime)> = si::table.filter(si::survey_id.eq(id)).order(si::id).select((si::id, si::participant_id, si::created_at)).load(conn)?;
            let responses: Vec<(Option<i64>, Option<i64>, Option<NaiveDateTime>)> = sr::table.filter(sr::survey_id.eq(id)).select((sr::invitation_id, sr::participant_id, sr::submitted_at)).load(conn)?;
            let named: Vec<i64> = rows.iter().filter_map(|r| r.1).collect();
            let people = enrolled_people(conn, &named, scope.school_id, false)?;
            Ok(rows
                .into_iter()
                .map(|(invitation, participant_id, created_at)| {
                    // A person's one response, whether begun through this link, another or their account.
                    let response = responses.iter().find(|r| r.0 == Some(invitation) || (participant_id.is_some() && r.1 == participant_id));
                    let status = match response {
                        None => InvitationStatus::Unused,
                        Some((_, _, None)) => InvitationStatus::Started,
                        Some((_, _, Some(_))) => InvitationStatus::Submitted,
                    };
                    InvitationState { id: invitation, participant_id, name: participant_id.and_then(|p| people.get(p)).and_then(|p| p.name.clone()), status, created_at: created_at.and_utc() }
                })
                .collect())
        })
        .await?;
    Ok(web::Json(InvitationList { items }))
}
