//! Pairs in the database. The two rules that must survive two curators clicking at once are kept
//! by the database itself: a mentor's places (`places_taken` is raised by a guarded UPDATE and
//! checked against the capacity) and "a mentee is in at most one live pair per form" (a partial
//! unique index on `pair_mentees`).

use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::{OrderRef, Pair, PairChange, PairKind, PairPerson, PairStatus};
use crate::db::stamp::{Day, Stamp};
use crate::db::{DbConnection, natively, one_of};
use crate::db::schema::{pair_constraints, pair_history, pair_mentees, pairing_orders, pairs, program_mentees, program_mentors, users};
use crate::db::text::{from_text, to_text};
use crate::error::ApiError;
use crate::http::etag::etag_value;
use crate::pairing::forms::{grades_fit, mentee_kinds, mentor_kinds};
use crate::pairing::matching::RoleModel;
use crate::pairing::people::Roster;
use crate::participants::audit::ReadEntries;
use crate::participants::dto::ParticipantKind;
use crate::participants::routes::require_consent;
use crate::participants::store::load_participant;
use crate::programs::dto::MentorshipForm;

#[derive(Queryable, Selectable)]
#[diesel(table_name = pairs)]
pub struct PairRow {
    pub id: i64,
    pub program_id: i64,
    pub form: String,
    pub role_model: Option<String>,
    pub mentor_id: i64,
    pub goal: Option<String>,
    pub status: String,
    pub matching_run_id: Option<i64>,
    pub order_id: Option<i64>,
    pub version: i64,
    pub created_at: Stamp,
    pub updated_at: Stamp,
    pub outcome: Option<String>,
    pub summary: Option<String>,
}

/// The programme a pair belongs to, or 404.
pub fn program_of(conn: &mut DbConnection, pair_id: i64) -> Result<i64, ApiError> {
    let program: Option<i64> = pairs::table.find(pair_id).select(pairs::program_id).first(conn).optional()?;
    program.ok_or_else(|| ApiError::not_found(format!("pair {pair_id}")))
}

/// Pairs with their people, order and history, in the order of `rows`.
pub fn to_pairs(conn: &mut DbConnection, rows: Vec<PairRow>, school_id: i64) -> Result<Vec<Pair>, ApiError> {
    Ok(shown_pairs(conn, rows, school_id)?.0)
}

/// `to_pairs` and the minors they name, for the audit trail of a read.
pub fn shown_pairs(conn: &mut DbConnection, rows: Vec<PairRow>, school_id: i64) -> Result<(Vec<Pair>, Vec<i64>), ApiError> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mentor_ids: Vec<i64> = rows.iter().map(|r| r.mentor_id).collect();
    // Natively (`db::native`): the pairs list is read the most of the lists that name children.
    let members: Vec<(i64, i64)> = natively!(conn, |c| {
        let q = pair_mentees::table.filter(one_of(pair_mentees::pair_id, &ids)).order(pair_mentees::mentee_id);
        q.select((pair_mentees::pair_id, pair_mentees::mentee_id)).load(c)?
    });
    let mentee_ids: Vec<i64> = members.iter().map(|m| m.1).collect();
    let roster = Roster::load(conn, &mentor_ids, &mentee_ids, school_id)?;
    let order_ids: Vec<i64> = rows.iter().filter_map(|r| r.order_id).collect();
    let orders: Vec<(i64, String, Day)> = natively!(conn, |c| {
        let q = pairing_orders::table.filter(one_of(pairing_orders::id, &order_ids));
        q.select((pairing_orders::id, pairing_orders::number, pairing_orders::signed_on)).load(c)?
    });
    type HistoryRow = (i64, Option<String>, String, Option<String>, String, Stamp);
    let history: Vec<HistoryRow> = natively!(conn, |c| {
        let q = pair_history::table.filter(one_of(pair_history::pair_id, &ids)).order(pair_history::id);
        q.select((pair_history::pair_id, pair_history::from_status, pair_history::to_status, pair_history::reason, pair_history::actor, pair_history::at)).load(c)?
    });
    let user_ids: Vec<i64> = history.iter().filter_map(|h| h.4.strip_prefix("user:").and_then(|id| id.parse().ok())).collect();
    let names: Vec<(i64, String)> = natively!(conn, |c| users::table.filter(one_of(users::id, &user_ids)).select((users::id, users::full_name)).load(c)?);
    let actor_name = |actor: &str| actor.strip_prefix("user:").and_then(|id| id.parse::<i64>().ok()).and_then(|id| names.iter().find(|n| n.0 == id)).map(|n| n.1.clone());
    let pairs = rows
        .into_iter()
        .map(|r| {
            let in_pair: Vec<PairPerson> = members.iter().filter(|m| m.0 == r.id).map(|m| roster.mentee(m.1)).collect();
            Ok(Pair {
                kind: if in_pair.len() > 1 { PairKind::Group } else { PairKind::Pair },
                mentor: roster.mentor(r.mentor_id),
                mentees: in_pair,
                form: from_text(&r.form)?,
                role_model: r.role_model.as_deref().map(from_text).transpose()?,
                status: from_text(&r.status)?,
                order: r.order_id.and_then(|o| orders.iter().find(|x| x.0 == o)).map(|(id, number, signed_on)| OrderRef { id: *id, number: number.clone(), signed_on: signed_on.0 }),
                history: history
                    .iter()
                    .filter(|h| h.0 == r.id)
                    .map(|h| {
                        Ok(PairChange {
                            from_status: h.1.as_deref().map(from_text).transpose()?,
                            to_status: from_text(&h.2)?,
                            reason: h.3.clone(),
                            actor_name: actor_name(&h.4),
                            actor: h.4.clone(),
                            at: h.5.0.and_utc(),
                        })
                    })
                    .collect::<Result<_, ApiError>>()?,
                etag: etag_value("pair", r.id, r.version),
                id: r.id,
                program_id: r.program_id,
                goal: r.goal,
                outcome: r.outcome.as_deref().map(from_text).transpose()?,
                summary: r.summary,
                matching_run_id: r.matching_run_id,
                created_at: r.created_at.0.and_utc(),
                updated_at: r.updated_at.0.and_utc(),
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok((pairs, roster.minors()))
}

/// The audit entries for reading pairs: they show their minors' names and classes.
pub fn audit_read(principal: &crate::auth::Principal, school_id: i64, minors: Vec<i64>) -> ReadEntries {
    ReadEntries::new(principal, school_id, "read", minors, Some("pairs"))
}

/// A pair and the minors it names, or 404.
pub fn shown_pair(conn: &mut DbConnection, id: i64, school_id: i64) -> Result<(Pair, Vec<i64>), ApiError> {
    let row = pairs::table.find(id).select(PairRow::as_select()).first(conn).optional()?;
    let row = row.ok_or_else(|| ApiError::not_found(format!("pair {id}")))?;
    let (mut shown, minors) = shown_pairs(conn, vec![row], school_id)?;
    let pair = shown.pop().ok_or_else(|| ApiError::not_found(format!("pair {id}")))?;
    Ok((pair, minors))
}

pub fn load_pair(conn: &mut DbConnection, id: i64, school_id: i64) -> Result<Pair, ApiError> {
    Ok(shown_pair(conn, id, school_id)?.0)
}

/// What a new pair or group needs, whether made by hand or accepted from a matching run.
pub struct Creation<'a> {
    pub program_id: i64,
    pub school_id: i64,
    pub form: MentorshipForm,
    pub role_model: Option<RoleModel>,
    pub mentor_id: i64,
    pub mentee_ids: &'a [i64],
    pub goal: Option<String>,
    pub matching_run_id: Option<i64>,
    pub reason: Option<String>,
    pub actor: String,
    /// The programme lets mentors who have not finished training be matched.
    pub allow_untrained: bool,
    /// Prefix of the field names in errors (`mentee_ids`, or `proposal_ids[3]` when accepting).
    pub field: &'a str,
}

type MentorFacts = (i64, String, Option<String>, String, i32, i32);

/// Checks every rule, takes the mentor's places and the mentees, and records the history.
/// Returns the new pair's id; on any error nothing is written (the caller's transaction).
pub fn create(conn: &mut DbConnection, c: Creation) -> Result<i64, ApiError> {
    let field = |name: &str| if c.field.is_empty() { name.to_owned() } else { c.field.to_owned() };
    let mentor: Option<MentorFacts> = program_mentors::table
        .filter(program_mentors::id.eq(c.mentor_id))
        .filter(program_mentors::program_id.eq(c.program_id))
        .select((program_mentors::participant_id, program_mentors::status, program_mentors::interview_outcome, program_mentors::training_status, program_mentors::capacity, program_mentors::places_taken))
        .first(conn)
        .optional()?;
    let (mentor_person, status, interview, training, _, _) =
        mentor.ok_or_else(|| ApiError::invalid_field(&field("mentor_id"), "not in this programme's base of mentors"))?;
    if status != "in_base" || interview.as_deref() != Some("passed") {
        return Err(ApiError::conflict("mentor_not_ready", "the mentor is not in the base: selection is not complete"));
    }
    if training != "completed" && !c.allow_untrained {
        return Err(ApiError::conflict("mentor_not_ready", "the mentor has not completed the school of mentors (the programme may allow it in its pairing settings)"));
    }
    let today = crate::programs::store::school_today(conn, c.school_id)?;
    let mentor_facts = load_participant(conn, mentor_person, false, today)?;
    require_consent(conn, &mentor_facts)?;
    check_kind(mentor_facts.kind, mentor_kinds(c.form), &field("mentor_id"), "mentor")?;
    for (i, &mentee_id) in c.mentee_ids.iter().enumerate() {
        let at = if c.field.is_empty() { format!("mentee_ids[{i}]") } else { c.field.to_owned() };
        if c.mentee_ids[..i].contains(&mentee_id) {
            return Err(ApiError::invalid_field(&at, "named twice"));
        }
        let mentee: Option<(i64, String)> = program_mentees::table
            .filter(program_mentees::id.eq(mentee_id))
            .filter(program_mentees::program_id.eq(c.program_id))
            .select((program_mentees::participant_id, program_mentees::status))
            .first(conn)
            .optional()?;
        let (person, status) = mentee.ok_or_else(|| ApiError::invalid_field(&at, "not in this programme's base of mentees"))?;
        if !["in_base", "awaiting_support"].contains(&status.as_str()) {
            return Err(ApiError::conflict("mentee_not_in_base", format!("mentee {mentee_id} is {status}, not waiting for a pair in the base")));
        }
        let facts = load_participant(conn, person, false, today)?;
        require_consent(conn, &facts)?;
        check_kind(facts.kind, mentee_kinds(c.form), &at, "mentee")?;
        if !grades_fit(c.form, mentor_facts.grade, facts.grade) {
            return Err(ApiError::conflict("grade_rule", "in student–student the mentor must be in a higher grade than the mentee"));
        }
        let excluded: i64 = pair_constraints::table
            .filter(pair_constraints::mentor_id.eq(c.mentor_id))
            .filter(pair_constraints::mentee_id.eq(mentee_id))
            .filter(pair_constraints::kind.eq("exclude"))
            .count()
            .get_result(conn)?;
        if excluded > 0 {
            return Err(ApiError::conflict("pair_excluded", format!("mentor {} and mentee {mentee_id} must not be paired", c.mentor_id)));
        }
    }
    take_places(conn, c.mentor_id, c.mentee_ids.len() as i32)?;
    let now = Utc::now().naive_utc();
    let form = to_text(&c.form)?;
    let pair_id: i64 = diesel::insert_into(pairs::table)
        .values((
            pairs::program_id.eq(c.program_id),
            pairs::form.eq(&form),
            pairs::role_model.eq(c.role_model.map(|r| to_text(&r)).transpose()?),
            pairs::mentor_id.eq(c.mentor_id),
            pairs::goal.eq(c.goal.as_deref().map(str::trim).filter(|g| !g.is_empty())),
            pairs::status.eq(to_text(&PairStatus::Proposed)?),
            pairs::matching_run_id.eq(c.matching_run_id),
            pairs::created_at.eq(now),
            pairs::updated_at.eq(now),
        ))
        .returning(pairs::id)
        .get_result(conn)?;
    for &mentee_id in c.mentee_ids {
        diesel::insert_into(pair_mentees::table)
            .values((pair_mentees::pair_id.eq(pair_id), pair_mentees::mentee_id.eq(mentee_id), pair_mentees::form.eq(&form), pair_mentees::live.eq(true)))
            .execute(conn)
            .map_err(|e| match e {
                DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => {
                    ApiError::conflict("mentee_already_paired", format!("mentee {mentee_id} is already in a live pair of this form"))
                }
                other => other.into(),
            })?;
    }
    set_mentee_status(conn, c.mentee_ids, "matched", now)?;
    record(conn, pair_id, None, PairStatus::Proposed, c.reason.as_deref(), &c.actor)?;
    Ok(pair_id)
}

fn check_kind(kind: ParticipantKind, allowed: &[ParticipantKind], field: &str, side: &str) -> Result<(), ApiError> {
    if allowed.contains(&kind) {
        return Ok(());
    }
    Err(ApiError::field_problem("form_mismatch", field, format!("a {} cannot be a {side} in this form of mentorship", kind.as_str())))
}

/// Takes `n` of the mentor's places, or refuses: the guard in the UPDATE makes it atomic, and the
/// CHECK on the column backs it.
fn take_places(conn: &mut DbConnection, mentor_id: i64, n: i32) -> Result<(), ApiError> {
    let taken = diesel::update(program_mentors::table.filter(program_mentors::id.eq(mentor_id)).filter((program_mentors::places_taken + n).le(program_mentors::capacity)))
        .set(program_mentors::places_taken.eq(program_mentors::places_taken + n))
        .execute(conn)?;
    if taken == 0 {
        return Err(ApiError::conflict("capacity_exceeded", format!("mentor {mentor_id} has no {n} free place(s) left")));
    }
    Ok(())
}

fn set_mentee_status(conn: &mut DbConnection, mentee_ids: &[i64], status: &str, now: NaiveDateTime) -> Result<(), ApiError> {
    diesel::update(program_mentees::table.filter(one_of(program_mentees::id, mentee_ids)).filter(program_mentees::status.ne("withdrawn")))
        .set((program_mentees::status.eq(status), program_mentees::version.eq(program_mentees::version + 1), program_mentees::updated_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

fn record(conn: &mut DbConnection, pair_id: i64, from: Option<PairStatus>, to: PairStatus, reason: Option<&str>, actor: &str) -> Result<(), ApiError> {
    diesel::insert_into(pair_history::table)
        .values((
            pair_history::pair_id.eq(pair_id),
            pair_history::from_status.eq(from.map(|s| to_text(&s)).transpose()?),
            pair_history::to_status.eq(to_text(&to)?),
            pair_history::reason.eq(reason.map(str::trim).filter(|r| !r.is_empty())),
            pair_history::actor.eq(actor),
            pair_history::at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Moves a pair to `to`, recording why. Ending it (completed, dissolved) frees the mentor's places
/// and the mentees: a dissolved pair's mentees wait for support while the search goes on.
pub fn change_status(conn: &mut DbConnection, pair_id: i64, to: PairStatus, reason: Option<&str>, actor: &str) -> Result<(), ApiError> {
    let (status, mentor_id): (String, i64) = pairs::table.find(pair_id).select((pairs::status, pairs::mentor_id)).first(conn)?;
    let from: PairStatus = from_text(&status)?;
    let now = Utc::now().naive_utc();
    diesel::update(pairs::table.find(pair_id))
        .set((pairs::status.eq(to_text(&to)?), pairs::version.eq(pairs::version + 1), pairs::updated_at.eq(now)))
        .execute(conn)?;
    if from.is_live() && !to.is_live() {
        let members: Vec<i64> = pair_mentees::table.filter(pair_mentees::pair_id.eq(pair_id)).select(pair_mentees::mentee_id).load(conn)?;
        diesel::update(pair_mentees::table.filter(pair_mentees::pair_id.eq(pair_id))).set(pair_mentees::live.eq(false)).execute(conn)?;
        diesel::update(program_mentors::table.find(mentor_id))
            .set(program_mentors::places_taken.eq(program_mentors::places_taken - members.len() as i32))
            .execute(conn)?;
        let next = if to == PairStatus::Completed { "completed" } else { "awaiting_support" };
        set_mentee_status(conn, &members, next, now)?;
    }
    record(conn, pair_id, Some(from), to, reason, actor)
}

/// Approves proposed pairs by an order.
pub fn approve(conn: &mut DbConnection, pair_id: i64, order_id: i64, reason: &str, actor: &str) -> Result<(), ApiError> {
    diesel::update(pairs::table.find(pair_id)).set(pairs::order_id.eq(order_id)).execute(conn)?;
    change_status(conn, pair_id, PairStatus::Approved, Some(reason), actor)
}

/// A person whose data left the system (consent withdrawn) leaves their live pairs too: a mentor's
/// pairs are dissolved; a mentee leaves a group, and a pair with no mentee left is dissolved.
pub fn release_participant(conn: &mut DbConnection, participant_id: i64) -> Result<(), ApiError> {
    const WHY: &str = "согласие на обработку персональных данных отозвано";
    let live = [PairStatus::Proposed, PairStatus::Approved, PairStatus::Active].map(|s| to_text(&s)).into_iter().collect::<Result<Vec<_>, _>>()?;
    let mentored: Vec<i64> = pairs::table
        .inner_join(program_mentors::table)
        .filter(program_mentors::participant_id.eq(participant_id))
        .filter(pairs::status.eq_any(&live))
        .select(pairs::id)
        .load(conn)?;
    for pair_id in mentored {
        change_status(conn, pair_id, PairStatus::Dissolved, Some(WHY), "system")?;
    }
    let memberships: Vec<(i64, i64)> = pair_mentees::table
        .inner_join(program_mentees::table)
        .filter(program_mentees::participant_id.eq(participant_id))
        .filter(pair_mentees::live.eq(true))
        .select((pair_mentees::pair_id, pair_mentees::mentee_id))
        .load(conn)?;
    for (pair_id, mentee_id) in memberships {
        let others: i64 = pair_mentees::table
            .filter(pair_mentees::pair_id.eq(pair_id))
            .filter(pair_mentees::mentee_id.ne(mentee_id))
            .count()
            .get_result(conn)?;
        if others == 0 {
            change_status(conn, pair_id, PairStatus::Dissolved, Some(WHY), "system")?;
            continue;
        }
        diesel::delete(pair_mentees::table.find((pair_id, mentee_id))).execute(conn)?;
        let (status, mentor_id): (String, i64) = pairs::table.find(pair_id).select((pairs::status, pairs::mentor_id)).first(conn)?;
        diesel::update(program_mentors::table.find(mentor_id)).set(program_mentors::places_taken.eq(program_mentors::places_taken - 1)).execute(conn)?;
        diesel::update(pairs::table.find(pair_id)).set(pairs::version.eq(pairs::version + 1)).execute(conn)?;
        let status: PairStatus = from_text(&status)?;
        record(conn, pair_id, Some(status), status, Some("наставляемый выбыл из группы: согласие отозвано"), "system")?;
    }
    Ok(())
}
