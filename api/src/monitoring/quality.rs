//! `/programs/{id}/monitoring/quality`: phase 1. For each quality survey: the response rate, each
//! question's distribution, mean and median, the strongest and weakest rated items, the gap between
//! what people expected and what they got, and the open answers for those who may read them.

use std::collections::{BTreeMap, HashMap};

use actix_web::{get, web};
use diesel::prelude::*;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::impact::{MIN_GROUP, pairing_of};
use super::questions::{Question, QuestionKind};
use super::stats::{mean, median};
use super::{Audience, SurveyPhase};
use crate::auth::{Action, Principal};
use crate::db::schema::{survey_responses as sr, survey_templates as st, surveys as s};
use crate::db::text::{from_json, from_text};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::participants::store::sees_sensitive;
use crate::programs::store::program_scope;

#[derive(Debug, Serialize, ToSchema)]
pub struct OptionCount {
    pub value: String,
    pub count: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuestionSummary {
    pub code: String,
    pub text: String,
    pub kind: QuestionKind,
    pub answered: usize,
    /// Withheld: fewer than 5 children answered, seen from outside the school's staff.
    pub suppressed: bool,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// How far the mean stands between the scale's ends, 0–1, to compare scales of 5 and 10.
    pub score: Option<f64>,
    pub distribution: Vec<OptionCount>,
    /// Open answers, only for those who may read minors' answers one by one.
    pub open_answers: Option<Vec<String>>,
    /// The mean by form, role model and pair of the respondents (numeric questions).
    pub groups: Vec<GroupMean>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupMean {
    /// `form`, `role_model` or `pair`.
    pub by: &'static str,
    pub group: String,
    pub n: usize,
    pub suppressed: bool,
    pub mean: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ExpectationGap {
    pub expectation: String,
    pub reality: String,
    /// Respondents who answered both.
    pub n: usize,
    pub expectation_mean: Option<f64>,
    pub reality_mean: Option<f64>,
    /// Reality minus expectation: below zero, the programme gave less than hoped.
    pub gap: Option<f64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SurveyQuality {
    pub survey_id: i64,
    pub title: String,
    pub phase: SurveyPhase,
    pub audience: Audience,
    pub invitations: i64,
    pub submitted: usize,
    pub response_rate: Option<f64>,
    pub questions: Vec<QuestionSummary>,
    /// The best rated items (codes), strongest first.
    pub strengths: Vec<String>,
    /// The worst rated items (codes), weakest first.
    pub weaknesses: Vec<String>,
    pub gaps: Vec<ExpectationGap>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QualityReport {
    pub surveys: Vec<SurveyQuality>,
}

/// The mean of a numeric question in each group of respondents.
fn group_means(q: &Question, answers: &[BTreeMap<String, Value>], who: &[Option<i64>], groups_of: &HashMap<i64, [String; 4]>, withhold: bool) -> Vec<GroupMean> {
    if !matches!(q.kind, QuestionKind::Scale | QuestionKind::Number) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (by, index) in [("form", 0), ("role_model", 1), ("pair", 3)] {
        let mut split: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        for (a, person) in answers.iter().zip(who) {
            if let (Some(v), Some(facts)) = (a.get(&q.code).and_then(Value::as_f64), person.and_then(|p| groups_of.get(&p))) {
                split.entry(facts[index].clone()).or_default().push(v);
            }
        }
        for (group, values) in split {
            let suppressed = withhold && values.len() < MIN_GROUP;
            out.push(GroupMean { by, group, n: values.len(), suppressed, mean: if suppressed { None } else { mean(&values).ok() } });
        }
    }
    out
}

fn summarise(q: &Question, answers: &[BTreeMap<String, Value>], withhold: bool, read_open: bool) -> QuestionSummary {
    let given: Vec<&Value> = answers.iter().filter_map(|a| a.get(&q.code)).filter(|v| !v.is_null()).collect();
    let numbers: Vec<f64> = given.iter().filter_map(|v| v.as_f64()).collect();
    let suppressed = withhold && given.len() < MIN_GROUP;
    let mut distribution = Vec::new();
    if !suppressed {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        match q.kind {
            QuestionKind::Single => given.iter().filter_map(|v| v.as_str()).for_each(|v| *counts.entry(v.to_owned()).or_default() += 1),
            QuestionKind::Multiple => given.iter().filter_map(|v| v.as_array()).flatten().filter_map(|v| v.as_str()).for_each(|v| *counts.entry(v.to_owned()).or_default() += 1),
            QuestionKind::Scale => numbers.iter().for_each(|v| *counts.entry(format!("{v}")).or_default() += 1),
            _ => {}
        }
        let order: Vec<String> = match q.kind {
            QuestionKind::Scale => {
                let (lo, hi) = (q.min.unwrap_or(0.0) as i64, q.max.unwrap_or(10.0) as i64);
                (lo..=hi).map(|v| format!("{}", v as f64)).collect()
            }
            _ => q.options.clone(),
        };
        distribution = order.into_iter().map(|value| OptionCount { count: counts.get(&value).copied().unwrap_or(0), value }).collect();
    }
    let numeric = matches!(q.kind, QuestionKind::Scale | QuestionKind::Number) && !suppressed;
    let m = if numeric { mean(&numbers).ok() } else { None };
    let score = match (q.kind, m, q.min, q.max) {
        (QuestionKind::Scale, Some(m), Some(lo), Some(hi)) if hi > lo => Some((m - lo) / (hi - lo)),
        _ => None,
    };
    QuestionSummary {
        code: q.code.clone(),
        text: q.text.clone(),
        kind: q.kind,
        answered: given.len(),
        suppressed,
        mean: m,
        median: if numeric { median(&numbers).ok() } else { None },
        score,
        distribution,
        open_answers: (q.kind == QuestionKind::Text && read_open).then(|| given.iter().filter_map(|v| v.as_str()).map(str::to_owned).collect()),
        groups: Vec::new(),
    }
}

fn gaps(questions: &[Question], answers: &[BTreeMap<String, Value>], withhold: bool) -> Vec<ExpectationGap> {
    questions
        .iter()
        .filter_map(|q| q.expectation_of.as_ref().map(|of| (of.clone(), q.code.clone())))
        .map(|(expectation, reality)| {
            let both: Vec<(f64, f64)> = answers.iter().filter_map(|a| Some((a.get(&expectation)?.as_f64()?, a.get(&reality)?.as_f64()?))).collect();
            let shown = !(both.is_empty() || withhold && both.len() < MIN_GROUP);
            let e = shown.then(|| mean(&both.iter().map(|b| b.0).collect::<Vec<_>>()).ok()).flatten();
            let r = shown.then(|| mean(&both.iter().map(|b| b.1).collect::<Vec<_>>()).ok()).flatten();
            ExpectationGap { n: both.len(), gap: e.zip(r).map(|(e, r)| r - e), expectation_mean: e, reality_mean: r, expectation, reality }
        })
        .collect()
}

pub fn report(conn: &mut DbConnection, principal: &Principal, program_id: i64, school_id: i64) -> Result<QualityReport, ApiError> {
    let staff = principal.is_school_staff(school_id);
    let read_open = staff && sees_sensitive(conn, principal, school_id)?;
    type Row = (i64, String, String, String, String);
    let rows: Vec<Row> = s::table
        .inner_join(st::table)
        .filter(s::program_id.eq(program_id))
        .filter(st::purpose.eq("quality"))
        .order(s::id)
        .select((s::id, st::title, s::phase, s::audience, st::questions))
        .load(conn)?;
    let groups_of = pairing_of(conn, program_id)?;
    let mut surveys = Vec::new();
    for (survey_id, title, phase, audience, questions) in rows {
        let audience: Audience = from_text(&audience)?;
        let questions: Vec<Question> = from_json(&questions)?;
        let responses: Vec<(String, Option<i64>)> = sr::table.filter(sr::survey_id.eq(survey_id)).filter(sr::submitted_at.is_not_null()).select((sr::answers, sr::participant_id)).load(conn)?;
        let answers: Vec<BTreeMap<String, Value>> = responses.iter().map(|r| from_json(&r.0)).collect::<Result<_, _>>()?;
        let who: Vec<Option<i64>> = responses.iter().map(|r| r.1).collect();
        let invitations = super::surveys::counts(conn, survey_id)?.invitations;
        // Children's answers are the ones a small count could betray.
        let withhold = !staff && audience == Audience::Mentee;
        let summaries: Vec<QuestionSummary> = questions
            .iter()
            .map(|q| QuestionSummary { groups: group_means(q, &answers, &who, &groups_of, withhold), ..summarise(q, &answers, withhold, read_open) })
            .collect();
        // Expectations and the answers set against them are the gap's, not ratings of the programme.
        let paired = |code: &str| questions.iter().any(|x| x.code == code && x.expectation_of.is_some() || x.expectation_of.as_deref() == Some(code));
        let mut rated: Vec<(&str, f64)> = summaries.iter().filter(|q| !paired(&q.code)).filter_map(|q| q.score.map(|s| (q.code.as_str(), s))).collect();
        rated.sort_by(|a, b| b.1.total_cmp(&a.1));
        let strengths = rated.iter().take(3).map(|r| r.0.to_owned()).collect();
        let weaknesses = rated.iter().rev().take(3).map(|r| r.0.to_owned()).collect();
        surveys.push(SurveyQuality {
            survey_id,
            title,
            phase: from_text(&phase)?,
            audience,
            invitations,
            submitted: answers.len(),
            response_rate: (invitations > 0).then(|| answers.len() as f64 / invitations as f64),
            gaps: gaps(&questions, &answers, withhold),
            questions: summaries,
            strengths,
            weaknesses,
        });
    }
    Ok(QualityReport { surveys })
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Phase 1: the programme's quality from its questionnaires",
    description = "Per quality survey: the response rate; per question the distribution, mean and median, and the mean by form, role model and pair; the strongest and weakest rated items; the expectation-vs-reality gap; open answers for those who may read minors' answers. Figures about fewer than 5 children are withheld outside the school's staff.",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = QualityReport), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/monitoring/quality")]
pub async fn quality(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<QualityReport>, ApiError> {
    let program_id = id.into_inner();
    let report = db
        .run(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, program_id)?;
            report(conn, &principal, program_id, scope.school_id)
        })
        .await?;
    Ok(web::Json(report))
}
