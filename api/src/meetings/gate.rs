//! Stage 6's gate: the pairs at work meet — each active pair has held a meeting, and a first one
//! was held at all.

use diesel::prelude::*;

use crate::db::{DbConnection, one_of};
use crate::db::schema::{meetings, pairs};
use crate::error::ApiError;
use crate::programs::gates::{GateCheck, met_if};

pub fn meetings_held(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let working: Vec<i64> = pairs::table.filter(pairs::program_id.eq(program_id)).filter(pairs::status.eq_any(["active", "completed"])).select(pairs::id).load(conn)?;
    let mut meeting: Vec<i64> = meetings::table.filter(one_of(meetings::pair_id, &working)).filter(meetings::status.eq("held")).select(meetings::pair_id).load(conn)?;
    meeting.sort_unstable();
    meeting.dedup();
    let (met, all) = (meeting.len(), working.len());
    Ok(vec![GateCheck {
        stage_no: 6,
        code: "meetings_held",
        label: "Пары проводят встречи",
        status: met_if(all > 0 && met == all),
        detail: format!("пар и групп с проведёнными встречами: {met} из {all}"),
    }])
}
