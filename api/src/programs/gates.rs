//! Stage gates: for each stage, what the data already proves beside what people ticked. Each
//! domain that keeps the evidence (the bases, training, pairs, meetings, monitoring) adds its
//! source to `SOURCES`; until it exists, its check says `not_tracked` rather than guess.

use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::DbConnection;
use crate::db::schema::{program_curators, roadmap_activities};
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

pub const SOURCES: &[FactSource] = &[programme_documents, not_yet_tracked];

/// Every check of every stage for a programme.
pub fn checks(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let mut all = Vec::new();
    for source in SOURCES {
        all.extend(source(conn, program_id)?);
    }
    Ok(all)
}

fn met_if(ok: bool) -> CheckStatus {
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

/// The facts later parts of the system will prove, listed so the curator sees what is coming.
fn not_yet_tracked(_: &mut DbConnection, _: i64) -> Result<Vec<GateCheck>, ApiError> {
    const PENDING: [(i32, &str, &str); 6] = [
        (2, "mentees_with_consent", "В базе есть наставляемые с согласием на обработку данных"),
        (3, "mentors_in_base", "В базе есть наставники"),
        (4, "trained_mentors", "Есть наставники, прошедшие обучение"),
        (5, "approved_pairs", "Пары и группы утверждены приказом"),
        (6, "meetings_held", "Пары проводят встречи"),
        (7, "exit_monitoring", "Итоговый мониторинг проведён"),
    ];
    Ok(PENDING
        .iter()
        .map(|&(stage_no, code, label)| GateCheck {
            stage_no,
            code,
            label,
            status: CheckStatus::NotTracked,
            detail: "данные об этом появятся, когда этот раздел будет вестись в системе".into(),
        })
        .collect())
}
