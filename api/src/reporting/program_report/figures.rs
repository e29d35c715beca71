//! The programme's figures as its own staff see them, from grouped queries: nothing here names
//! a person, so computing the report reads no minor's record.

use chrono::{NaiveDate, Utc};
use diesel::dsl::count_star;
use diesel::prelude::*;

use super::{BaseFigures, ImpactFigures, Line, MeetingFigures, MonitoringFigures, PairFigures, ProgramReport, RatedItem, ReportProgram, RoadmapFigures, SCHEMA_VERSION, StageFigures, SurveyFigures, Tally};
use crate::auth::Principal;
use crate::db::DbConnection;
use crate::db::schema::{awards, meetings, organizations, pair_mentees, pairs, program_mentees, program_mentors, programs, roadmap_activities as ra};
use crate::db::text::from_json;
use crate::error::ApiError;
use crate::monitoring::{impact, quality};
use crate::programs::progress;
use crate::programs::stages::STAGES;
use crate::programs::status::ActivityStatus;
use crate::programs::store::school_today;

/// Pairs that did the work or are doing it: approved by an order, active, or completed.
const WORKING: [&str; 3] = ["approved", "active", "completed"];

fn lines(rows: Vec<(String, i64)>) -> Vec<Line> {
    rows.into_iter().map(|(key, count)| Line { key, count: Some(count) }).collect()
}

fn tally(rows: Vec<(String, i64)>) -> Tally {
    Tally { total: Some(rows.iter().map(|r| r.1).sum()), by_status: lines(rows) }
}

fn bases(conn: &mut DbConnection, program_id: i64) -> Result<BaseFigures, ApiError> {
    let mentees: Vec<(String, i64)> =
        program_mentees::table.filter(program_mentees::program_id.eq(program_id)).group_by(program_mentees::status).select((program_mentees::status, count_star())).order(program_mentees::status).load(conn)?;
    let mentors: Vec<(String, i64)> =
        program_mentors::table.filter(program_mentors::program_id.eq(program_id)).group_by(program_mentors::status).select((program_mentors::status, count_star())).order(program_mentors::status).load(conn)?;
    let trained: i64 = program_mentors::table.filter(program_mentors::program_id.eq(program_id)).filter(program_mentors::training_status.eq("completed")).count().get_result(conn)?;
    Ok(BaseFigures { mentees: tally(mentees), mentors: tally(mentors), mentors_trained: Some(trained) })
}

fn pair_figures(conn: &mut DbConnection, program_id: i64) -> Result<PairFigures, ApiError> {
    let of_programme = pairs::table.filter(pairs::program_id.eq(program_id));
    let by_status: Vec<(String, i64)> = of_programme.group_by(pairs::status).select((pairs::status, count_star())).order(pairs::status).load(conn)?;
    let by_form: Vec<(String, i64)> = of_programme.filter(pairs::status.eq_any(WORKING)).group_by(pairs::form).select((pairs::form, count_star())).order(pairs::form).load(conn)?;
    let by_role_model: Vec<(Option<String>, i64)> =
        of_programme.filter(pairs::status.eq_any(WORKING)).group_by(pairs::role_model).select((pairs::role_model, count_star())).order(pairs::role_model).load(conn)?;
    let by_outcome: Vec<(Option<String>, i64)> =
        of_programme.filter(pairs::status.eq("completed")).group_by(pairs::outcome).select((pairs::outcome, count_star())).order(pairs::outcome).load(conn)?;
    let mut in_pairs: Vec<i64> = pair_mentees::table
        .inner_join(pairs::table)
        .filter(pairs::program_id.eq(program_id))
        .filter(pairs::status.eq_any(WORKING))
        .select(pair_mentees::mentee_id)
        .load(conn)?;
    in_pairs.sort_unstable();
    in_pairs.dedup();
    let unnamed = |rows: Vec<(Option<String>, i64)>| rows.into_iter().map(|(k, n)| (k.unwrap_or_else(|| "unspecified".into()), n)).collect();
    Ok(PairFigures {
        total: Some(by_status.iter().map(|r| r.1).sum()),
        by_status: lines(by_status),
        by_form: lines(by_form),
        by_role_model: lines(unnamed(by_role_model)),
        by_outcome: lines(unnamed(by_outcome)),
        mentees_in_pairs: Some(in_pairs.len() as i64),
    })
}

fn meeting_figures(conn: &mut DbConnection, program_id: i64) -> Result<MeetingFigures, ApiError> {
    let rows: Vec<(String, String, i64)> = meetings::table
        .inner_join(pairs::table)
        .filter(pairs::program_id.eq(program_id))
        .group_by((meetings::status, meetings::kind))
        .select((meetings::status, meetings::kind, count_star()))
        .load(conn)?;
    let sum = |status: &str| rows.iter().filter(|r| r.0 == status).map(|r| r.2).sum();
    // In the order the sequence runs, not the alphabet's.
    let held_by_kind = ["introduction", "trial", "planning", "regular", "final"]
        .iter()
        .map(|kind| Line { key: (*kind).to_owned(), count: Some(rows.iter().filter(|r| r.0 == "held" && r.1 == *kind).map(|r| r.2).sum()) })
        .collect();
    Ok(MeetingFigures { held: sum("held"), scheduled: sum("scheduled"), cancelled: sum("cancelled"), held_by_kind })
}

fn roadmap(conn: &mut DbConnection, program_id: i64, today: NaiveDate) -> Result<RoadmapFigures, ApiError> {
    let rows: Vec<(i32, String, NaiveDate)> = ra::table.filter(ra::program_id.eq(program_id)).select((ra::stage_no, ra::status, ra::deadline)).load(conn)?;
    let states = rows.into_iter().map(|(stage, status, deadline)| Ok((stage, ActivityStatus::parse(&status)?, deadline))).collect::<Result<Vec<_>, ApiError>>()?;
    let measured = progress::measure(&states, today);
    let stages = STAGES
        .iter()
        .zip(measured.stages)
        .enumerate()
        .map(|(i, (info, progress))| StageFigures { stage_no: i as i32 + 1, title: info.title.to_owned(), progress })
        .collect();
    Ok(RoadmapFigures { overall: measured.overall, stages })
}

fn monitoring(conn: &mut DbConnection, principal: &Principal, program_id: i64, school_id: i64) -> Result<MonitoringFigures, ApiError> {
    let phase1 = quality::report(conn, principal, program_id, school_id)?;
    let surveys_of = crate::monitoring::surveys::program_counts(conn, program_id)?;
    // The items each questionnaire rates (expectation pairs apart), across all of them: the best
    // half's top three are the strengths, the worst half's bottom three the weaknesses, never both.
    let mut rated: Vec<RatedItem> = Vec::new();
    for survey in &phase1.surveys {
        for q in survey.questions.iter().filter(|q| survey.strengths.contains(&q.code) || survey.weaknesses.contains(&q.code)) {
            if let Some(score) = q.score {
                rated.push(RatedItem { survey: survey.title.clone(), question: q.text.clone(), score });
            }
        }
    }
    rated.sort_by(|a, b| b.score.total_cmp(&a.score));
    let half = rated.len() / 2;
    let strengths: Vec<RatedItem> = rated.iter().take(half.min(3)).cloned().collect();
    let weaknesses: Vec<RatedItem> = rated.iter().rev().take(half.min(3)).cloned().collect();
    let phase2 = impact::report(conn, principal, program_id, school_id, impact::Detail::Figures)?;
    let impact = phase2
        .parameters
        .into_iter()
        .map(|p| ImpactFigures {
            source: serde_json::to_value(p.source).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
            n: Some(p.n as i64),
            entry_mean: p.stats.as_ref().map(|s| s.entry_mean),
            exit_mean: p.stats.as_ref().map(|s| s.exit_mean),
            mean_change: p.stats.as_ref().map(|s| s.mean_change),
            p_value: p.stats.as_ref().and_then(|s| s.p_value),
            significant: p.stats.as_ref().map(|s| s.significant),
            parameter: p.parameter,
        })
        .collect();
    let surveys = surveys_of
        .into_iter()
        .map(|(title, phase, audience, counts)| SurveyFigures { title, phase, audience, invitations: counts.invitations, submitted: counts.submitted, response_rate: counts.response_rate })
        .collect();
    Ok(MonitoringFigures { surveys, strengths, weaknesses, impact })
}

/// The programme's awards in force (not revoked), by kind.
fn awards(conn: &mut DbConnection, program_id: i64) -> Result<Vec<Line>, ApiError> {
    let rows: Vec<(String, i64)> =
        awards::table.filter(awards::program_id.eq(program_id)).filter(awards::revoked_at.is_null()).group_by(awards::kind).select((awards::kind, count_star())).order(awards::kind).load(conn)?;
    Ok(lines(rows))
}

/// The whole report, as the school's own staff see it (nothing withheld).
pub fn compute(conn: &mut DbConnection, principal: &Principal, program_id: i64) -> Result<ProgramReport, ApiError> {
    type Row = (i64, String, String, NaiveDate, NaiveDate, String, String, Option<String>, String);
    let (school_id, title, academic_year, start_date, end_date, status, forms, goal, school_name): Row = programs::table
        .inner_join(organizations::table)
        .filter(programs::id.eq(program_id))
        .select((programs::school_id, programs::title, programs::academic_year, programs::start_date, programs::end_date, programs::status, programs::forms, programs::goal, organizations::name))
        .first(conn)?;
    let today = school_today(conn, school_id)?;
    let forms: Vec<String> = from_json(&forms)?;
    let awards_by_kind = awards(conn, program_id)?;
    Ok(ProgramReport {
        schema_version: SCHEMA_VERSION,
        program: ReportProgram { id: program_id, title, school_name, academic_year, start_date, end_date, status, forms, goal },
        generated_at: Utc::now(),
        frozen_at: None,
        bases: bases(conn, program_id)?,
        pairs: pair_figures(conn, program_id)?,
        meetings: meeting_figures(conn, program_id)?,
        roadmap: roadmap(conn, program_id, today)?,
        monitoring: monitoring(conn, principal, program_id, school_id)?,
        awards: awards_by_kind,
        suppressed: false,
    })
}
