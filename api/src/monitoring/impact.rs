//! `/programs/{id}/monitoring/impact`: phase 2. For each parameter, the participants measured at
//! both entry and exit — from the impact instrument's answers and from records — with the change,
//! its 95% interval, the paired tests and effect sizes; by form, role model and the algorithm that
//! formed the pair ("which pairing strategies work"); and each participant's dynamics for those
//! allowed to see them. A figure about fewer than 5 people is withheld outside the school's staff.

use std::collections::{BTreeMap, HashMap};

use actix_web::{get, web};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::measurements::{self, MeasurementPhase};
use super::questions::Question;
use super::stats::{PairedSummary, paired};
use crate::auth::{Action, Principal};
use crate::db::schema::{matching_runs, pair_mentees, pairs, program_mentees, program_mentors, survey_responses as sr, survey_templates as st, surveys as s};
use crate::db::text::from_json;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::pairing::people::enrolled_people;
use crate::participants::store::sees_sensitive;
use crate::programs::store::program_scope;

/// Fewer people than this make a figure that could point at a child.
pub const MIN_GROUP: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The impact instrument's answers at entry and exit.
    Survey,
    /// Measurements from the school's records.
    Records,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpactStats {
    pub entry_mean: f64,
    pub exit_mean: f64,
    pub mean_change: f64,
    /// 95% confidence interval of the mean change.
    pub ci_low: f64,
    pub ci_high: f64,
    pub increased: usize,
    pub decreased: usize,
    pub unchanged: usize,
    pub t_p_value: Option<f64>,
    pub wilcoxon_p_value: Option<f64>,
    /// The test to trust here: `t` when the changes are many and not too skewed, else `wilcoxon`.
    pub lead_test: &'static str,
    /// The lead test's p-value.
    pub p_value: Option<f64>,
    /// p < 0.05 by the lead test.
    pub significant: bool,
    /// Cohen's d_z: the mean change in standard deviations of the changes.
    pub cohens_dz: Option<f64>,
    /// Rank-biserial correlation of the Wilcoxon test, −1…1.
    pub rank_biserial: Option<f64>,
}

impl From<PairedSummary> for ImpactStats {
    fn from(p: PairedSummary) -> Self {
        let (lead_test, p_value) = if p.fits_t { ("t", p.t_test.p_value) } else { ("wilcoxon", p.wilcoxon.p_value) };
        Self {
            entry_mean: p.entry_mean,
            exit_mean: p.exit_mean,
            mean_change: p.mean_change,
            ci_low: p.ci95.low,
            ci_high: p.ci95.high,
            increased: p.increased,
            decreased: p.decreased,
            unchanged: p.unchanged,
            t_p_value: p.t_test.p_value,
            wilcoxon_p_value: p.wilcoxon.p_value,
            lead_test,
            p_value,
            significant: p_value.is_some_and(|v| v < 0.05),
            cohens_dz: p.cohens_dz,
            rank_biserial: p.rank_biserial,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct GroupImpact {
    /// `form`, `role_model` or `algorithm` (optimal, stable, or manual for pairs made by hand).
    pub by: &'static str,
    pub group: String,
    pub n: usize,
    /// Withheld: fewer than 5 people, seen from outside the school's staff.
    pub suppressed: bool,
    pub stats: Option<ImpactStats>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Dynamics {
    pub participant_id: i64,
    pub name: Option<String>,
    pub entry: f64,
    pub exit: f64,
    pub change: f64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ParameterImpact {
    pub parameter: String,
    pub source: Source,
    /// Participants with both measurements.
    pub n: usize,
    pub suppressed: bool,
    /// Null when withheld or with fewer than 2 people.
    pub stats: Option<ImpactStats>,
    pub groups: Vec<GroupImpact>,
    /// Each person's entry and exit; only for those who may see individual answers of minors
    /// (curator, psychologist, school administration).
    pub participants: Option<Vec<Dynamics>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImpactReport {
    pub parameters: Vec<ParameterImpact>,
}

/// (source, parameter) → participant → (entry, exit).
pub type Values = BTreeMap<(Source, String), HashMap<i64, (Option<f64>, Option<f64>)>>;

pub fn survey_values(conn: &mut DbConnection, program_id: i64, values: &mut Values) -> Result<(), ApiError> {
    let rows: Vec<(String, String, Option<i64>, String)> = sr::table
        .inner_join(s::table.inner_join(st::table))
        .filter(s::program_id.eq(program_id))
        .filter(s::phase.eq_any(["entry", "exit"]))
        .filter(st::purpose.eq("impact"))
        .filter(sr::submitted_at.is_not_null())
        .order(sr::submitted_at)
        .select((s::phase, st::questions, sr::participant_id, sr::answers))
        .load(conn)?;
    for (phase, questions, participant, answers) in rows {
        let Some(participant) = participant else { continue };
        let questions: Vec<Question> = from_json(&questions)?;
        let answers: BTreeMap<String, serde_json::Value> = from_json(&answers)?;
        for q in questions {
            let (Some(parameter), Some(value)) = (q.parameter, answers.get(&q.code).and_then(serde_json::Value::as_f64)) else { continue };
            let slot = values.entry((Source::Survey, parameter)).or_default().entry(participant).or_default();
            if phase == "entry" { slot.0 = Some(value) } else { slot.1 = Some(value) }
        }
    }
    Ok(())
}

/// Each participant's latest pair: its form, role model, how it was formed, and the pair's number.
pub fn pairing_of(conn: &mut DbConnection, program_id: i64) -> Result<HashMap<i64, [String; 4]>, ApiError> {
    type Row = (i64, i64, String, Option<String>, Option<i64>);
    let as_mentee: Vec<Row> = pair_mentees::table
        .inner_join(pairs::table)
        .inner_join(program_mentees::table)
        .filter(pairs::program_id.eq(program_id))
        .select((pairs::id, program_mentees::participant_id, pairs::form, pairs::role_model, pairs::matching_run_id))
        .load(conn)?;
    let as_mentor: Vec<Row> = pairs::table
        .inner_join(program_mentors::table)
        .filter(pairs::program_id.eq(program_id))
        .select((pairs::id, program_mentors::participant_id, pairs::form, pairs::role_model, pairs::matching_run_id))
        .load(conn)?;
    let algorithms: HashMap<i64, String> = matching_runs::table.filter(matching_runs::program_id.eq(program_id)).select((matching_runs::id, matching_runs::algorithm)).load(conn)?.into_iter().collect();
    let mut latest: HashMap<i64, (i64, [String; 4])> = HashMap::new();
    for (pair, person, form, role_model, run) in as_mentee.into_iter().chain(as_mentor) {
        let algorithm = run.and_then(|r| algorithms.get(&r).cloned()).unwrap_or_else(|| "manual".into());
        let facts = [form, role_model.unwrap_or_else(|| "none".into()), algorithm, pair.to_string()];
        if latest.get(&person).is_none_or(|(p, _)| *p < pair) {
            latest.insert(person, (pair, facts));
        }
    }
    Ok(latest.into_iter().map(|(person, (_, facts))| (person, facts)).collect())
}

fn summary(pairs: &[(i64, f64, f64)]) -> Option<ImpactStats> {
    let entry: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    let exit: Vec<f64> = pairs.iter().map(|p| p.2).collect();
    paired(&entry, &exit).ok().map(ImpactStats::from)
}

/// How much a report holds: each child's dynamics (for those who may read them, audited), or the
/// figures alone (the programme report, which names no one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Dynamics,
    Figures,
}

pub fn report(conn: &mut DbConnection, principal: &Principal, program_id: i64, school_id: i64, detail: Detail) -> Result<ImpactReport, ApiError> {
    let staff = principal.is_school_staff(school_id);
    let individual = detail == Detail::Dynamics && staff && sees_sensitive(conn, principal, school_id)?;
    let mut values = Values::new();
    survey_values(conn, program_id, &mut values)?;
    for m in measurements::load(conn, program_id)? {
        let slot = values.entry((Source::Records, m.parameter)).or_default().entry(m.participant_id).or_default();
        if m.phase == MeasurementPhase::Entry { slot.0 = Some(m.value) } else { slot.1 = Some(m.value) }
    }
    let groups_of = pairing_of(conn, program_id)?;
    let withheld = |n: usize| !staff && n < MIN_GROUP;
    let mut parameters = Vec::new();
    for ((source, parameter), people) in values {
        let mut both: Vec<(i64, f64, f64)> = people.into_iter().filter_map(|(p, (e, x))| Some((p, e?, x?))).collect();
        both.sort_by_key(|b| b.0);
        let n = both.len();
        let mut groups = Vec::new();
        for (by, index) in [("form", 0), ("role_model", 1), ("algorithm", 2)] {
            let mut split: BTreeMap<String, Vec<(i64, f64, f64)>> = BTreeMap::new();
            for b in &both {
                if let Some(facts) = groups_of.get(&b.0) {
                    split.entry(facts[index].clone()).or_default().push(*b);
                }
            }
            for (group, members) in split {
                let suppressed = withheld(members.len());
                groups.push(GroupImpact { by, group, n: members.len(), suppressed, stats: if suppressed { None } else { summary(&members) } });
            }
        }
        let participants = if individual {
            let ids: Vec<i64> = both.iter().map(|b| b.0).collect();
            let people = enrolled_people(conn, &ids, school_id, false)?;
            crate::participants::audit::record(conn, principal, school_id, "read", &people.minors(), Some("impact dynamics"))?;
            Some(both.iter().map(|&(participant_id, entry, exit)| Dynamics { participant_id, name: people.get(participant_id).and_then(|p| p.name.clone()), entry, exit, change: exit - entry }).collect())
        } else {
            None
        };
        let suppressed = withheld(n);
        parameters.push(ParameterImpact { stats: if suppressed { None } else { summary(&both) }, parameter, source, n, suppressed, groups, participants });
    }
    Ok(ImpactReport { parameters })
}

#[utoipa::path(
    tag = "monitoring",
    summary = "Phase 2: each parameter's change entry → exit, with its statistics, by group",
    description = "Survey parameters (the impact instrument's scale questions) and measurements from records. For each: participants with both values, entry and exit means, the mean change with its 95% interval, the paired t-test and the Wilcoxon signed-rank test (the one to trust named), Cohen's d_z and the rank-biserial correlation; the same by form, role model and the algorithm that formed the pair. Figures about fewer than 5 people are withheld outside the school's staff; individual dynamics only for those who may see minors' answers.",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = ImpactReport), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/monitoring/impact")]
pub async fn impact(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<ImpactReport>, ApiError> {
    let program_id = id.into_inner();
    let report = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, program_id)?;
            report(conn, &principal, program_id, scope.school_id, Detail::Dynamics)
        })
        .await?;
    Ok(web::Json(report))
}
