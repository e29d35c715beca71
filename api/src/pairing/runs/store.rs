//! Matching runs in the database: a run row with its inputs, statistics and unmatched mentees as
//! JSON, and one row per proposal so that accepting can name them.

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;

use super::inputs::{Prepared, RunInputs};
use super::{MatchingRun, MatchingRunSummary, Proposal, UnmatchedEntry, UnmatchedInRun};
use crate::db::{DbConnection, one_of};
use crate::db::schema::{matching_proposals as mp, matching_runs as mr};
use crate::db::text::{from_json, from_text, to_json, to_text};
use crate::error::ApiError;
use crate::pairing::matching::{Algorithm, Objective, Outcome, Stats, Weights};
use crate::pairing::people::Roster;
use crate::programs::dto::MentorshipForm;

/// The latest run's unmatched mentees, with the run's id.
pub fn latest_unmatched(conn: &mut DbConnection, program_id: i64) -> Result<(Option<i64>, Vec<UnmatchedEntry>), ApiError> {
    let latest: Option<(i64, String)> = mr::table.filter(mr::program_id.eq(program_id)).order(mr::id.desc()).select((mr::id, mr::unmatched)).first(conn).optional()?;
    match latest {
        Some((id, unmatched)) => Ok((Some(id), from_json(&unmatched)?)),
        None => Ok((None, Vec::new())),
    }
}

pub struct RunMeta {
    pub program_id: i64,
    pub form: MentorshipForm,
    pub created_by: Option<i64>,
}

/// Keeps a run and its proposals; returns the run's id.
pub fn save(conn: &mut DbConnection, meta: RunMeta, prepared: &Prepared, outcome: &Outcome) -> Result<i64, ApiError> {
    let unmatched: Vec<UnmatchedEntry> = outcome.unmatched.iter().map(|u| UnmatchedEntry { mentee_id: prepared.mentee_ids[u.mentee], reason: u.reason.clone() }).collect();
    let instance = &prepared.instance;
    let run_id: i64 = diesel::insert_into(mr::table)
        .values((
            mr::program_id.eq(meta.program_id),
            mr::form.eq(to_text(&meta.form)?),
            mr::algorithm.eq(to_text(&instance.algorithm)?),
            mr::objective.eq(to_text(&instance.objective)?),
            mr::weights.eq(to_json(&instance.weights)?),
            mr::inputs.eq(to_json(&prepared.inputs)?),
            mr::stats.eq(to_json(&outcome.stats)?),
            mr::unmatched.eq(to_json(&unmatched)?),
            mr::created_by.eq(meta.created_by),
            mr::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(mr::id)
        .get_result(conn)?;
    for p in &outcome.proposals {
        diesel::insert_into(mp::table)
            .values((
                mp::run_id.eq(run_id),
                mp::mentor_id.eq(prepared.mentor_ids[p.mentor]),
                mp::mentee_id.eq(prepared.mentee_ids[p.mentee]),
                mp::score.eq(p.score),
                mp::locked.eq(p.locked),
                mp::role_model.eq(prepared.mentee_models[p.mentee].map(|m| to_text(&m)).transpose()?),
                mp::contributions.eq(to_json(&p.contributions)?),
            ))
            .execute(conn)?;
    }
    Ok(run_id)
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = mr)]
struct RunRow {
    id: i64,
    program_id: i64,
    form: String,
    algorithm: String,
    objective: String,
    weights: String,
    inputs: String,
    stats: String,
    unmatched: String,
    created_at: NaiveDateTime,
    accepted_at: Option<NaiveDateTime>,
}

fn summary(r: &RunRow) -> Result<MatchingRunSummary, ApiError> {
    let weights = from_json::<Weights>(&r.weights)?;
    Ok(MatchingRunSummary {
        id: r.id,
        form: from_text(&r.form)?,
        algorithm: from_text::<Algorithm>(&r.algorithm)?,
        objective: from_text::<Objective>(&r.objective)?,
        max_score: super::max_score(&weights),
        weights,
        inputs: from_json::<RunInputs>(&r.inputs)?,
        stats: from_json::<Stats>(&r.stats)?,
        created_at: r.created_at.and_utc(),
        accepted_at: r.accepted_at.map(|a| a.and_utc()),
    })
}

pub fn list(conn: &mut DbConnection, program_id: i64) -> Result<Vec<MatchingRunSummary>, ApiError> {
    let rows: Vec<RunRow> = mr::table.filter(mr::program_id.eq(program_id)).order(mr::id.desc()).limit(50).select(RunRow::as_select()).load(conn)?;
    rows.iter().map(summary).collect()
}

pub fn program_of(conn: &mut DbConnection, run_id: i64) -> Result<i64, ApiError> {
    let program: Option<i64> = mr::table.find(run_id).select(mr::program_id).first(conn).optional()?;
    program.ok_or_else(|| ApiError::not_found(format!("matching run {run_id}")))
}

type ProposalRow = (i64, i64, i64, i64, bool, Option<String>, String, Option<i64>);

/// A run with its people named; returns the minors shown, for the audit trail.
pub fn load(conn: &mut DbConnection, run_id: i64, school_id: i64) -> Result<(MatchingRun, Vec<i64>), ApiError> {
    let row: RunRow = mr::table.find(run_id).select(RunRow::as_select()).first(conn)?;
    let proposals: Vec<ProposalRow> = mp::table
        .filter(mp::run_id.eq(run_id))
        .order((mp::score.desc(), mp::id))
        .select((mp::id, mp::mentor_id, mp::mentee_id, mp::score, mp::locked, mp::role_model, mp::contributions, mp::pair_id))
        .load(conn)?;
    let unmatched: Vec<UnmatchedEntry> = from_json(&row.unmatched)?;
    let mentor_ids: Vec<i64> = proposals.iter().map(|p| p.1).collect();
    let mut mentee_ids: Vec<i64> = proposals.iter().map(|p| p.2).collect();
    mentee_ids.extend(unmatched.iter().map(|u| u.mentee_id));
    let roster = Roster::load(conn, &mentor_ids, &mentee_ids, school_id)?;
    let run = MatchingRun {
        summary: summary(&row)?,
        program_id: row.program_id,
        proposals: proposals
            .into_iter()
            .map(|(id, mentor, mentee, score, locked, role_model, contributions, pair_id)| {
                Ok(Proposal {
                    id,
                    mentor: roster.mentor(mentor),
                    mentee: roster.mentee(mentee),
                    score,
                    locked,
                    role_model: role_model.as_deref().map(from_text).transpose()?,
                    contributions: from_json(&contributions)?,
                    pair_id,
                })
            })
            .collect::<Result<_, ApiError>>()?,
        unmatched: unmatched.into_iter().map(|u| UnmatchedInRun { mentee: roster.mentee(u.mentee_id), reason: u.reason }).collect(),
    };
    Ok((run, roster.minors()))
}

/// A proposal to accept: its id, mentor, mentee and role model.
pub type OpenProposal = (i64, i64, i64, Option<String>);

/// The chosen proposals of a run that were not accepted yet.
pub fn open_proposals(conn: &mut DbConnection, run_id: i64, ids: &[i64]) -> Result<Vec<OpenProposal>, ApiError> {
    type Row = (i64, i64, i64, Option<String>, Option<i64>);
    let rows: Vec<Row> =
        mp::table.filter(mp::run_id.eq(run_id)).filter(one_of(mp::id, ids)).select((mp::id, mp::mentor_id, mp::mentee_id, mp::role_model, mp::pair_id)).load(conn)?;
    let mut out = Vec::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        let field = format!("proposal_ids[{i}]");
        if ids[..i].contains(id) {
            return Err(ApiError::invalid_field(&field, "named twice"));
        }
        let row = rows.iter().find(|r| r.0 == *id).ok_or_else(|| ApiError::invalid_field(&field, "no such proposal in this run"))?;
        if row.4.is_some() {
            return Err(ApiError::conflict("proposal_accepted", format!("proposal {id} was already accepted")));
        }
        out.push((row.0, row.1, row.2, row.3.clone()));
    }
    Ok(out)
}

pub fn mark_accepted(conn: &mut DbConnection, run_id: i64, proposal_ids: &[i64], pair_id: i64) -> Result<(), ApiError> {
    diesel::update(mp::table.filter(one_of(mp::id, proposal_ids))).set(mp::pair_id.eq(pair_id)).execute(conn)?;
    diesel::update(mr::table.find(run_id).filter(mr::accepted_at.is_null())).set(mr::accepted_at.eq(Utc::now().naive_utc())).execute(conn)?;
    Ok(())
}
