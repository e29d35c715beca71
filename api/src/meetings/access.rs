//! Who may read or write a pair's meetings: the school's staff by their role, and the pair's own
//! mentor and mentees — a user linked to the participant — who log their own meetings.

use diesel::prelude::*;

use crate::auth::{Action, Principal};
use crate::db::DbConnection;
use crate::db::schema::{pair_mentees, pairs, participants, program_mentees, program_mentors};
use crate::db::text::from_text;
use crate::error::ApiError;
use crate::pairing::pairs::PairStatus;
use crate::programs::store::program_scope;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    /// School staff allowed the action by their role.
    Staff,
    /// The pair's mentor, acting for themselves.
    Mentor,
    /// One of the pair's mentees, acting for themselves.
    Mentee,
}

pub struct PairAccess {
    pub pair_id: i64,
    pub program_id: i64,
    pub school_id: i64,
    pub status: PairStatus,
    pub seat: Seat,
    /// The mentor's and the mentees' participant ids.
    pub mentor: i64,
    pub mentees: Vec<i64>,
}

/// The pair's people: its mentor's participant id and its mentees'.
pub fn members(conn: &mut DbConnection, pair_id: i64) -> Result<(i64, Vec<i64>), ApiError> {
    let mentor: i64 = pairs::table.inner_join(program_mentors::table).filter(pairs::id.eq(pair_id)).select(program_mentors::participant_id).first(conn)?;
    let mentees: Vec<i64> = pair_mentees::table
        .inner_join(program_mentees::table)
        .filter(pair_mentees::pair_id.eq(pair_id))
        .order(program_mentees::participant_id)
        .select(program_mentees::participant_id)
        .load(conn)?;
    Ok((mentor, mentees))
}

/// Staff first (`ManageProgram` to write, `ViewParticipants` to read); otherwise the user's own
/// pair; otherwise the staff answer (404 outside the subtree, 403 inside).
pub fn pair_access(conn: &mut DbConnection, principal: &Principal, pair_id: i64, write: bool) -> Result<PairAccess, ApiError> {
    let found: Option<(i64, String)> = pairs::table.find(pair_id).select((pairs::program_id, pairs::status)).first(conn).optional()?;
    let (program_id, status) = found.ok_or_else(|| ApiError::not_found(format!("pair {pair_id}")))?;
    let status: PairStatus = from_text(&status)?;
    let (mentor, mentees) = members(conn, pair_id)?;
    let action = if write { Action::ManageProgram } else { Action::ViewParticipants };
    let staff = program_scope(conn, principal, action, program_id).map_err(|e| e.not_found_as(format!("pair {pair_id}")));
    let (school_id, seat) = match staff {
        Ok(scope) => (scope.school_id, Seat::Staff),
        Err(refused) => {
            let Some(user_id) = principal.user_id() else { return Err(refused) };
            let linked: Vec<(i64, i64)> = participants::table
                .filter(participants::user_id.eq(user_id))
                .filter(participants::erased_at.is_null())
                .select((participants::id, participants::school_id))
                .load(conn)?;
            if let Some((_, school)) = linked.iter().find(|(id, _)| *id == mentor) {
                (*school, Seat::Mentor)
            } else if let Some((_, school)) = linked.iter().find(|(id, _)| mentees.contains(id)) {
                (*school, Seat::Mentee)
            } else {
                return Err(refused);
            }
        }
    };
    Ok(PairAccess { pair_id, program_id, school_id, status, seat, mentor, mentees })
}

/// The participant ids linked to a user: whose meetings and pairs are theirs.
pub fn linked_participants(conn: &mut DbConnection, user_id: i64) -> Result<Vec<i64>, ApiError> {
    Ok(participants::table.filter(participants::user_id.eq(user_id)).filter(participants::erased_at.is_null()).select(participants::id).load(conn)?)
}
