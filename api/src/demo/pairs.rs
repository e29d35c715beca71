//! The demo programme's stage 5, made through the same rules as the API: pairs and a group
//! approved by an order and working with their plans, one pair dissolved, one approved later that
//! has not met yet, one proposal waiting for the next order, and mentees still waiting — with
//! ready mentors left free and a matching run proposing pairs for them.

use chrono::{Duration, NaiveDate, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{mentee_support, pair_plans, pairing_orders, pairs, program_mentees as pm, program_mentors as pr, programs};
use crate::db::text::{from_json, from_text, to_json};
use crate::error::ApiError;
use crate::pairing::dto::{MenteeCategory, MenteeType};
use crate::pairing::pairs::PairStatus;
use crate::pairing::pairs::plan::PlanTask;
use crate::pairing::pairs::store::{Creation, approve, change_status, create};
use crate::pairing::matching::{Algorithm, Objective, Weights, solve};
use crate::pairing::role_models;
use crate::pairing::runs::inputs::{Choice, prepare};
use crate::pairing::runs::store::{RunMeta, save};
use crate::programs::dto::MentorshipForm;

const ACTOR: &str = "demo";

use super::meetings;

struct Waiting {
    id: i64,
    categories: Vec<MenteeCategory>,
    mentee_type: MenteeType,
    tags: Vec<String>,
}

pub fn load(conn: &mut DbConnection, school_id: i64, program_id: i64, today: NaiveDate) -> Result<(), ApiError> {
    let any: i64 = pairs::table.filter(pairs::program_id.eq(program_id)).count().get_result(conn)?;
    if any > 0 {
        return Ok(());
    }
    let mentors: Vec<(i64, i32)> = pr::table
        .filter(pr::program_id.eq(program_id))
        .filter(pr::status.eq("in_base"))
        .filter(pr::training_status.eq("completed"))
        .order(pr::id)
        .select((pr::id, pr::capacity))
        .load(conn)?;
    let rows: Vec<(i64, String, String, String)> = pm::table
        .filter(pm::program_id.eq(program_id))
        .filter(pm::status.eq_any(["in_base", "awaiting_support"]))
        .order(pm::id)
        .select((pm::id, pm::categories, pm::mentee_type, pm::request_tags))
        .load(conn)?;
    let mut waiting = rows
        .into_iter()
        .map(|(id, categories, mentee_type, tags)| Ok(Waiting { id, categories: from_json(&categories)?, mentee_type: from_text(&mentee_type)?, tags: from_json(&tags)? }))
        .collect::<Result<Vec<_>, ApiError>>()?
        .into_iter();
    // Eight weeks of work behind the pairs, or as much as the year has had.
    let start: NaiveDate = programs::table.find(program_id).select(programs::start_date).first(conn)?;
    let signed_on = (today - Duration::days(56)).max(start).min(today);
    let order_id: i64 = diesel::insert_into(pairing_orders::table)
        .values((
            pairing_orders::program_id.eq(program_id),
            pairing_orders::number.eq("52-о"),
            pairing_orders::signed_on.eq(signed_on),
            pairing_orders::signatory.eq("Директор Н. П. Сидорова"),
            pairing_orders::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(pairing_orders::id)
        .get_result(conn)?;
    let approval = format!("приказ № 52-о от {}", signed_on.format("%d.%m.%Y"));
    // Mentors 0–6 work (mentor 3 leads a group), 7 is dissolved, 8 was approved by a later order
    // and has not met yet, 9 waits for the next order; the rest stay free for a matching run.
    let late_order = today - Duration::days(20);
    let late_order_id: i64 = diesel::insert_into(pairing_orders::table)
        .values((
            pairing_orders::program_id.eq(program_id),
            pairing_orders::number.eq("61-о"),
            pairing_orders::signed_on.eq(late_order),
            pairing_orders::signatory.eq("Директор Н. П. Сидорова"),
            pairing_orders::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(pairing_orders::id)
        .get_result(conn)?;
    for (n, &(mentor_id, capacity)) in mentors.iter().take(10).enumerate() {
        let group: Vec<Waiting> = waiting.by_ref().take(capacity.min(3) as usize).collect();
        let Some(first) = group.first() else { break };
        let ids: Vec<i64> = group.iter().map(|w| w.id).collect();
        let pair_id = create(
            conn,
            Creation {
                program_id,
                school_id,
                form: MentorshipForm::StudentStudent,
                role_model: Some(role_models::for_mentee(&first.categories, first.mentee_type, &first.tags)),
                mentor_id,
                mentee_ids: &ids,
                goal: Some(GOALS[n % GOALS.len()].into()),
                matching_run_id: None,
                reason: Some("по итогам групповой встречи и анкетирования".into()),
                actor: ACTOR.into(),
                allow_untrained: false,
                field: "",
            },
        )?;
        if n == 9 {
            continue;
        }
        if n == 8 {
            approve(conn, pair_id, late_order_id, &format!("приказ № 61-о от {}", late_order.format("%d.%m.%Y")), ACTOR)?;
            plan(conn, pair_id, n, today)?;
            continue;
        }
        approve(conn, pair_id, order_id, &approval, ACTOR)?;
        change_status(conn, pair_id, PairStatus::Active, Some("первая встреча-знакомство проведена"), ACTOR)?;
        plan(conn, pair_id, n, today)?;
        meetings::load(conn, pair_id, n, signed_on, today)?;
        if n == 0 {
            meetings::link_demo_users(conn, mentor_id, ids[0])?;
        }
        if n == 7 {
            change_status(conn, pair_id, PairStatus::Dissolved, Some("наставляемый перешёл в другую школу"), ACTOR)?;
        }
    }
    // Two of those still waiting have the psychologist's support while the search goes on.
    for (i, w) in waiting.take(2).enumerate() {
        diesel::insert_into(mentee_support::table)
            .values((
                mentee_support::mentee_id.eq(w.id),
                mentee_support::notes.eq(["Встречи с педагогом-психологом раз в неделю", "Включён в клуб по интересам, наблюдает классный руководитель"][i]),
                mentee_support::search_resumes_on.eq(today + Duration::days(14 * (i as i64 + 1))),
                mentee_support::updated_at.eq(Utc::now().naive_utc()),
            ))
            .execute(conn)?;
        diesel::update(pm::table.find(w.id)).set(pm::status.eq("awaiting_support")).execute(conn)?;
    }
    matching_run(conn, school_id, program_id)
}

/// A run for those still waiting, with the free mentors, for the curator to look at and accept.
fn matching_run(conn: &mut DbConnection, school_id: i64, program_id: i64) -> Result<(), ApiError> {
    let choice = Choice { form: MentorshipForm::StudentStudent, algorithm: Algorithm::Optimal, objective: Objective::Participation, weights: Weights::default(), allow_untrained: false };
    let prepared = prepare(conn, program_id, school_id, choice)?;
    let outcome = solve(&prepared.instance).map_err(|e| ApiError::Internal(anyhow::anyhow!("demo matching: {e:?}")))?;
    save(conn, RunMeta { program_id, form: MentorshipForm::StudentStudent, created_by: None }, &prepared, &outcome)?;
    Ok(())
}

const GOALS: [&str; 4] = [
    "Повысить успеваемость по математике до «4»",
    "Освоиться в новом классе и найти друзей",
    "Подготовить проект к школьной конференции",
    "Научиться уверенно выступать перед классом",
];

fn plan(conn: &mut DbConnection, pair_id: i64, n: usize, today: NaiveDate) -> Result<(), ApiError> {
    let tasks = vec![
        PlanTask { title: "Встреча-знакомство, договориться о целях".into(), due_on: Some(today - Duration::days(14)), done: true },
        PlanTask { title: "Пробная рабочая встреча".into(), due_on: Some(today - Duration::days(7)), done: n.is_multiple_of(2) },
        PlanTask { title: "Составить расписание регулярных встреч".into(), due_on: Some(today + Duration::days(7)), done: false },
    ];
    diesel::insert_into(pair_plans::table)
        .values((
            pair_plans::pair_id.eq(pair_id),
            pair_plans::goals.eq(to_json(&[GOALS[n % GOALS.len()]])?),
            pair_plans::tasks.eq(to_json(&tasks)?),
            pair_plans::updated_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}
