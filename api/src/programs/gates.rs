//! Stage gates: for each stage, what the data already proves beside what people ticked. Each
//! domain that keeps the evidence adds its source to `SOURCES`: the roadmap's own orders (stage 1),
//! the bases (stages 2–4), the pairs (stage 5), meetings (6), and for stage 7 exit monitoring,
//! completed pairs and awards. `NotTracked` stays for a fact the system cannot prove.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConnection;
use crate::db::schema::{consents, participants, program_curators, program_mentees, program_mentors, roadmap_activities};
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Met,
    Unmet,
    /// The data that would prove it is not kept in Nastavnik yet.
    NotTracked,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GateCheck {
    #[serde(skip)]
    pub stage_no: i32,
    /// Stable: `curators_appointed`, `mentees_with_consent`, `approved_pairs`, …
    pub code: &'static str,
    pub label: &'static str,
    pub status: CheckStatus,
    pub detail: String,
}

/// Where a fact comes from: a function over the programme's data.
pub type FactSource = fn(&mut DbConnection, i64) -> Result<Vec<GateCheck>, ApiError>;

pub const SOURCES: &[FactSource] = &[
    programme_documents,
    bases,
    crate::pairing::pairs::gate::pairs_approved,
    crate::meetings::gate::meetings_held,
    crate::monitoring::gate::exit_monitoring,
    crate::pairing::pairs::gate::pairs_completed,
];

/// Every check of every stage for a programme.
pub fn checks(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let mut all = Vec::new();
    for source in SOURCES {
        all.extend(source(conn, program_id)?);
    }
    Ok(all)
}

pub fn met_if(ok: bool) -> CheckStatus {
    if ok { CheckStatus::Met } else { CheckStatus::Unmet }
}

/// Stage 1: the curator is appointed and the orders behind the documents are recorded.
fn programme_documents(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let curators: i64 = program_curators::table.filter(program_curators::program_id.eq(program_id)).count().get_result(conn)?;
    let orders: i64 = roadmap_activities::table
        .filter(roadmap_activities::program_id.eq(program_id))
        .filter(roadmap_activities::stage_no.eq(1))
        .filter(roadmap_activities::status.eq("done"))
        .filter(roadmap_activities::evidence_order_number.is_not_null())
        .count()
        .get_result(conn)?;
    Ok(vec![
        GateCheck {
            stage_no: 1,
            code: "curators_appointed",
            label: "Куратор программы назначен",
            status: met_if(curators > 0),
            detail: format!("кураторов в программе: {curators}"),
        },
        GateCheck {
            stage_no: 1,
            code: "orders_recorded",
            label: "Приказы этапа подготовки внесены с номером и датой",
            status: met_if(orders > 0),
            detail: format!("выполненных мероприятий этапа 1 с приказом: {orders}"),
        },
    ])
}

/// Stages 2–4: the bases hold consented mentees, mentors, and mentors who finished training.
fn bases(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let active = ["candidate", "in_base", "matched", "awaiting_support"];
    let consented = consents::table
        .filter(consents::scope.eq("processing"))
        .filter(consents::withdrawn_at.is_null())
        .select(consents::participant_id);
    let mentees: i64 = program_mentees::table
        .inner_join(participants::table)
        .filter(program_mentees::program_id.eq(program_id))
        .filter(program_mentees::status.eq_any(active))
        .filter(participants::erased_at.is_null())
        // Adults need no consent record; a child does.
        .filter(participants::kind.ne("student").or(participants::id.eq_any(consented)))
        .count()
        .get_result(conn)?;
    let mentors: i64 = program_mentors::table
        .filter(program_mentors::program_id.eq(program_id))
        .filter(program_mentors::status.eq("in_base"))
        .count()
        .get_result(conn)?;
    let trained: i64 = program_mentors::table
        .filter(program_mentors::program_id.eq(program_id))
        .filter(program_mentors::status.ne("withdrawn"))
        .filter(program_mentors::interview_outcome.eq("passed"))
        .filter(program_mentors::training_status.eq("completed"))
        .count()
        .get_result(conn)?;
    Ok(vec![
        GateCheck {
            stage_no: 2,
            code: "mentees_with_consent",
            label: "В базе есть наставляемые, за детей согласие родителей получено",
            status: met_if(mentees > 0),
            detail: format!("наставляемых, которым можно участвовать: {mentees}"),
        },
        GateCheck { stage_no: 3, code: "mentors_in_base", label: "В базе есть наставники", status: met_if(mentors > 0), detail: format!("наставников в базе: {mentors}") },
        GateCheck {
            stage_no: 4,
            code: "trained_mentors",
            label: "Есть наставники, прошедшие собеседование и обучение",
            status: met_if(trained > 0),
            detail: format!("обученных наставников: {trained}"),
        },
    ])
}
