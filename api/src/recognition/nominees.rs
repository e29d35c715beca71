//! `/programs/{id}/award-nominees`: who the record puts forward for Mentor of the year and Best
//! pair — held meetings, how long the work went on, completed pairs, the meetings' ratings and the
//! mentees' phase-2 change — each with the figures that put them there. The school decides.

use std::collections::{BTreeMap, HashMap, HashSet};

use actix_web::{get, web};
use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::dto::{Nominee, NomineeFigures, NomineeKind, NomineeList, NomineeQuery};
use super::holder::{names, pair_label};
use super::ranking::{improved, order, scores};
use crate::auth::{Action, Principal};
use crate::db::schema::{awards, meetings, pair_mentees, pairs, program_mentees, program_mentors};
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::monitoring::impact::{Values, survey_values};
use crate::monitoring::measurements::{self, MeasurementPhase};
use crate::participants::audit::record;
use crate::programs::store::{program_scope, school_today};

struct PairFacts {
    id: i64,
    mentor: i64,
    completed: bool,
    mentees: Vec<i64>,
    /// Held meetings: (start, mentee's rating, mentor's rating).
    held: Vec<(NaiveDateTime, Option<i32>, Option<i32>)>,
}

impl PairFacts {
    fn days_of_work(&self) -> i64 {
        let first = self.held.iter().map(|h| h.0).min();
        let last = self.held.iter().map(|h| h.0).max();
        first.zip(last).map_or(0, |(f, l)| (l.date() - f.date()).num_days())
    }
}

/// Per participant: (parameters measured at entry and exit, of them moved the right way).
fn phase_two(conn: &mut DbConnection, program_id: i64) -> Result<HashMap<i64, (i64, i64)>, ApiError> {
    let mut values = Values::new();
    survey_values(conn, program_id, &mut values)?;
    for m in measurements::load(conn, program_id)? {
        let slot = values.entry((crate::monitoring::impact::Source::Records, m.parameter)).or_default().entry(m.participant_id).or_default();
        if m.phase == MeasurementPhase::Entry { slot.0 = Some(m.value) } else { slot.1 = Some(m.value) }
    }
    let mut out: HashMap<i64, (i64, i64)> = HashMap::new();
    for ((_, parameter), people) in values {
        for (person, (entry, exit)) in people {
            if let (Some(entry), Some(exit)) = (entry, exit) {
                let slot = out.entry(person).or_default();
                slot.0 += 1;
                slot.1 += i64::from(improved(&parameter, entry, exit));
            }
        }
    }
    Ok(out)
}

/// The programme's working pairs (approved, active, completed) with their meetings held.
fn pair_facts(conn: &mut DbConnection, program_id: i64) -> Result<Vec<PairFacts>, ApiError> {
    let rows: Vec<(i64, i64, String)> = pairs::table
        .inner_join(program_mentors::table)
        .filter(pairs::program_id.eq(program_id))
        .filter(pairs::status.eq_any(["approved", "active", "completed"]))
        .order(pairs::id)
        .select((pairs::id, program_mentors::participant_id, pairs::status))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let members: Vec<(i64, i64)> = pair_mentees::table
        .inner_join(program_mentees::table)
        .filter(one_of(pair_mentees::pair_id, &ids))
        .select((pair_mentees::pair_id, program_mentees::participant_id))
        .load(conn)?;
    let held: Vec<(i64, NaiveDateTime, Option<i32>, Option<i32>)> = meetings::table
        .filter(one_of(meetings::pair_id, &ids))
        .filter(meetings::status.eq("held"))
        .select((meetings::pair_id, meetings::starts_at, meetings::mentee_rating, meetings::mentor_rating))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, mentor, status)| PairFacts {
            id,
            mentor,
            completed: status == "completed",
            mentees: members.iter().filter(|m| m.0 == id).map(|m| m.1).collect(),
            held: held.iter().filter(|h| h.0 == id).map(|h| (h.1, h.2, h.3)).collect(),
        })
        .collect())
}

fn mean(values: &[i32]) -> Option<f64> {
    (!values.is_empty()).then(|| (values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64 * 100.0).round() / 100.0)
}

/// One candidate's figures from its pairs; `both_sides` counts the mentor's ratings too.
fn figures(of: &[&PairFacts], change: &HashMap<i64, (i64, i64)>, both_sides: bool) -> NomineeFigures {
    let mut ratings: Vec<i32> = Vec::new();
    for p in of {
        for h in &p.held {
            ratings.extend(h.1);
            if both_sides {
                ratings.extend(h.2);
            }
        }
    }
    let mentees: HashSet<i64> = of.iter().flat_map(|p| p.mentees.iter().copied()).collect();
    let measured: Vec<(i64, i64)> = mentees.iter().filter_map(|m| change.get(m).copied()).filter(|c| c.0 > 0).collect();
    let (params, better) = measured.iter().fold((0, 0), |acc, c| (acc.0 + c.0, acc.1 + c.1));
    NomineeFigures {
        pairs: of.len() as i64,
        completed_pairs: of.iter().filter(|p| p.completed).count() as i64,
        meetings_held: of.iter().map(|p| p.held.len() as i64).sum(),
        days_of_work: of.iter().map(|p| p.days_of_work()).sum(),
        mean_rating: mean(&ratings),
        ratings: ratings.len() as i64,
        measured_mentees: measured.len() as i64,
        improved_share: (params > 0).then(|| (better as f64 / params as f64 * 1000.0).round() / 1000.0),
    }
}

/// The nominees, best first, and the minors they name (for the caller's audit entry).
pub fn rank(conn: &mut DbConnection, program_id: i64, school_id: i64, kind: NomineeKind, limit: usize) -> Result<(Vec<Nominee>, Vec<i64>), ApiError> {
    let facts = pair_facts(conn, program_id)?;
    let change = phase_two(conn, program_id)?;
    let award_kind = match kind {
        NomineeKind::MentorOfTheYear => "mentor_of_the_year",
        NomineeKind::BestPair => "best_pair",
    };
    let awarded: Vec<(Option<i64>, Option<i64>)> = awards::table
        .filter(awards::program_id.eq(program_id))
        .filter(awards::kind.eq(award_kind))
        .filter(awards::revoked_at.is_null())
        .select((awards::participant_id, awards::pair_id))
        .load(conn)?;
    // (participant, pair, its pairs) per candidate, in a stable order.
    let candidates: Vec<(Option<i64>, Option<i64>, Vec<&PairFacts>)> = match kind {
        NomineeKind::MentorOfTheYear => {
            let mut by_mentor: BTreeMap<i64, Vec<&PairFacts>> = BTreeMap::new();
            for p in &facts {
                by_mentor.entry(p.mentor).or_default().push(p);
            }
            by_mentor.into_iter().map(|(mentor, of)| (Some(mentor), None, of)).collect()
        }
        NomineeKind::BestPair => facts.iter().map(|p| (None, Some(p.id), vec![p])).collect(),
    };
    let figs: Vec<NomineeFigures> = candidates.iter().map(|c| figures(&c.2, &change, kind == NomineeKind::BestPair)).collect();
    let score = scores(&figs);
    let chosen: Vec<usize> = order(&figs, &score).into_iter().take(limit).collect();
    let people: Vec<i64> = chosen.iter().flat_map(|&i| candidates[i].2.iter().flat_map(|p| std::iter::once(p.mentor).chain(p.mentees.iter().copied()))).collect();
    let today = school_today(conn, school_id)?;
    let named = names(conn, &people, today)?;
    let mut shown_minors: Vec<i64> = Vec::new();
    let items = chosen
        .into_iter()
        .enumerate()
        .map(|(rank, i)| {
            let (participant_id, pair_id, of) = &candidates[i];
            let name = match (participant_id, of.first()) {
                (Some(mentor), _) => {
                    shown_minors.push(*mentor);
                    named.get(mentor).and_then(|n| n.full.clone())
                }
                (None, Some(p)) => {
                    shown_minors.push(p.mentor);
                    shown_minors.extend(&p.mentees);
                    pair_label(&named, p.mentor, &p.mentees, true).0
                }
                (None, None) => None,
            };
            Nominee {
                rank: rank + 1,
                participant_id: *participant_id,
                pair_id: *pair_id,
                name,
                score: score[i],
                figures: figs[i].clone(),
                already_awarded: awarded.iter().any(|a| (a.0.is_some() && a.0 == *participant_id) || (a.1.is_some() && a.1 == *pair_id)),
            }
        })
        .collect();
    shown_minors.retain(|id| named.get(id).is_some_and(|n| n.minor && n.full.is_some()));
    shown_minors.sort_unstable();
    shown_minors.dedup();
    Ok((items, shown_minors))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Nominees for Mentor of the year or Best pair, from the programme's record",
    description = "Mentors (or pairs) of the programme's approved, active and completed pairs, ranked by a score of 0–100: held meetings 35, days of work (first to last meeting held) 15, completed pairs 15, the meetings' mean rating 20 (the mentees' for a mentor, both sides' for a pair), and the share of the mentees' phase-2 parameters that moved the right way 15 — each against the best of the programme. Every nominee comes with its figures; the award is the school's decision (POST /programs/{id}/awards). For the school's staff; the minors named are written to the audit trail.",
    params(("id" = i64, Path, description = "programme id"), NomineeQuery),
    responses((status = 200, body = NomineeList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/award-nominees")]
pub async fn award_nominees(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, query: web::Query<NomineeQuery>) -> Result<web::Json<NomineeList>, ApiError> {
    let program_id = id.into_inner();
    let NomineeQuery { kind, limit } = query.into_inner();
    let limit = limit.unwrap_or(10);
    if !(1..=50).contains(&limit) {
        return Err(ApiError::invalid_field("limit", "must be between 1 and 50"));
    }
    let items = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?;
            let (items, minors) = rank(conn, program_id, scope.school_id, kind, limit as usize)?;
            record(conn, &principal, scope.school_id, "read", &minors, Some("award nominees"))?;
            Ok(items)
        })
        .await?;
    Ok(web::Json(NomineeList { kind, items }))
}
