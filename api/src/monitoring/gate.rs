//! Stage 7's monitoring: the exit phase ran — an exit survey answered, or exit values taken from
//! the school's records. Completing the programme asks the same.

use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{measurements, survey_responses, surveys};
use crate::error::ApiError;
use crate::programs::gates::{GateCheck, met_if};

/// Exit answers submitted, and exit values recorded.
pub fn exit_evidence(conn: &mut DbConnection, program_id: i64) -> Result<(i64, i64), ApiError> {
    let answered: i64 = survey_responses::table
        .inner_join(surveys::table)
        .filter(surveys::program_id.eq(program_id))
        .filter(surveys::phase.eq("exit"))
        .filter(survey_responses::submitted_at.is_not_null())
        .count()
        .get_result(conn)?;
    let measured: i64 = measurements::table.filter(measurements::program_id.eq(program_id)).filter(measurements::phase.eq("exit")).count().get_result(conn)?;
    Ok((answered, measured))
}

pub fn exit_monitoring(conn: &mut DbConnection, program_id: i64) -> Result<Vec<GateCheck>, ApiError> {
    let (answered, measured) = exit_evidence(conn, program_id)?;
    Ok(vec![GateCheck {
        stage_no: 7,
        code: "exit_monitoring",
        label: "Итоговый мониторинг проведён",
        status: met_if(answered + measured > 0),
        detail: format!("ответов на выходные анкеты: {answered}, показателей на выходе: {measured}"),
    }])
}
