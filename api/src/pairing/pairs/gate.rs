//! Stage 5's gate: pairs approved by an order, each with a development plan, and everyone left
//! without a pair under support while the search goes on.

use diesel::prelude::*;

use crate::db::{DbConnection, one_of};
use crate::db::schema::{mentee_support, pair_mentees, pair_plans, pairs, program_mentees};
use crate::error::ApiError;
use crate::programs::gates::{GateCheck, met_if};

pub fn pairs_approved(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let approved_ids: Vec<i64> = pairs::table
        .filter(pairs::program_id.eq(program_id))
        .filter(pairs::order_id.is_not_null())
        .filter(pairs::status.eq_any(["approved", "active", "completed"]))
        .select(pairs::id)
        .load(conn)?;
    let planned: i64 = pair_plans::table.filter(one_of(pair_plans::pair_id, &approved_ids)).filter(pair_plans::tasks.ne("[]")).count().get_result(conn)?;
    let paired = pair_mentees::table.filter(pair_mentees::live.eq(true)).select(pair_mentees::mentee_id);
    let waiting: Vec<i64> = program_mentees::table
        .filter(program_mentees::program_id.eq(program_id))
        .filter(program_mentees::status.eq_any(["in_base", "awaiting_support"]))
        .filter(program_mentees::id.ne_all(paired))
        .select(program_mentees::id)
        .load(conn)?;
    let supported: i64 = mentee_support::table.filter(one_of(mentee_support::mentee_id, &waiting)).count().get_result(conn)?;
    let approved = approved_ids.len() as i64;
    Ok(vec![
        GateCheck {
            stage_no: 5,
            code: "approved_pairs",
            label: "Пары и группы утверждены приказом",
            status: met_if(approved > 0),
            detail: format!("пар и групп, утверждённых приказом: {approved}"),
        },
        GateCheck {
            stage_no: 5,
            code: "development_plans",
            label: "У каждой утверждённой пары есть индивидуальный план развития",
            status: met_if(approved > 0 && planned == approved),
            detail: format!("планов с задачами: {planned} из {approved}"),
        },
        GateCheck {
            stage_no: 5,
            code: "unmatched_supported",
            label: "Оставшиеся без пары получают психологическое сопровождение",
            status: met_if(supported as usize == waiting.len()),
            detail: format!("без пары: {}, с сопровождением: {supported}", waiting.len()),
        },
    ])
}

/// Stage 7: pairs closed their work with a result, and the school recognised someone.
pub fn pairs_completed(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let completed: i64 = pairs::table.filter(pairs::program_id.eq(program_id)).filter(pairs::status.eq("completed")).count().get_result(conn)?;
    let awarded: i64 = crate::db::schema::awards::table
        .filter(crate::db::schema::awards::program_id.eq(program_id))
        .filter(crate::db::schema::awards::revoked_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(vec![
        GateCheck {
            stage_no: 7,
            code: "pairs_completed",
            label: "Пары завершили работу и подвели итоги",
            status: met_if(completed > 0),
            detail: format!("завершённых пар и групп: {completed}"),
        },
        GateCheck { stage_no: 7, code: "awards_given", label: "Наставники и пары поощрены", status: met_if(awarded > 0), detail: format!("наград: {awarded}") },
    ])
}
