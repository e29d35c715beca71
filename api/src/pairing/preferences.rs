//! `/programs/{id}/preferences`: after the group meeting each side ranks up to N people of the
//! other side (ties allowed), and attendance at the meeting is recorded. A PUT replaces the sheets
//! of the people it names, all together or none — the curator types in a stack of paper forms.

use std::collections::HashSet;

use actix_web::{get, put, web};
use chrono::{DateTime, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::settings;
use crate::auth::{Action, Principal};
use crate::db::schema::{preference_ranks as pr, preference_sheets as ps, program_mentees, program_mentors};
use crate::db::text::{from_text, to_text};
use crate::db::{Db, DbConnection, one_of};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::programs::store::program_scope;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Mentee,
    Mentor,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
pub struct Rank {
    /// An enrolment id of the other side.
    pub id: i64,
    /// 1 is the first choice; equal ranks are ties.
    #[validate(range(min = 1, max = 20))]
    #[schema(minimum = 1, maximum = 20)]
    pub rank: i32,
}

#[derive(Debug, Serialize, Deserialize, Validate, ToSchema)]
pub struct SheetInput {
    pub side: Side,
    /// The enrolment id of the person who chose (in the base of `side`).
    pub chooser_id: i64,
    pub attended_group_meeting: bool,
    #[validate(length(max = 20), nested)]
    #[schema(max_items = 20)]
    pub ranks: Vec<Rank>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"sheets": [{"side": "mentee", "chooser_id": 11, "attended_group_meeting": true, "ranks": [{"id": 3, "rank": 1}, {"id": 4, "rank": 2}]}]}))]
pub struct PreferencesInput {
    #[validate(length(min = 1, max = 2000), nested)]
    #[schema(min_items = 1, max_items = 2000)]
    pub sheets: Vec<SheetInput>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Sheet {
    pub side: Side,
    pub chooser_id: i64,
    pub attended_group_meeting: bool,
    pub ranks: Vec<Rank>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PreferenceSheets {
    pub items: Vec<Sheet>,
    /// How many people each side may rank.
    pub preference_limit: i32,
}

/// Every sheet of the programme, for the matching and for the screen.
pub fn load_sheets(conn: &mut DbConnection, program_id: i64) -> Result<Vec<Sheet>, ApiError> {
    let sheets: Vec<(i64, String, i64, bool, chrono::NaiveDateTime)> = ps::table
        .filter(ps::program_id.eq(program_id))
        .order(ps::id)
        .select((ps::id, ps::side, ps::chooser_id, ps::attended_group_meeting, ps::updated_at))
        .load(conn)?;
    let ids: Vec<i64> = sheets.iter().map(|s| s.0).collect();
    let ranks: Vec<(i64, i64, i32)> = pr::table.filter(one_of(pr::sheet_id, &ids)).order((pr::sheet_id, pr::rank, pr::chosen_id)).select((pr::sheet_id, pr::chosen_id, pr::rank)).load(conn)?;
    sheets
        .into_iter()
        .map(|(id, side, chooser_id, attended_group_meeting, updated_at)| {
            Ok(Sheet {
                side: from_text(&side)?,
                chooser_id,
                attended_group_meeting,
                ranks: ranks.iter().filter(|r| r.0 == id).map(|r| Rank { id: r.1, rank: r.2 }).collect(),
                updated_at: updated_at.and_utc(),
            })
        })
        .collect()
}

fn enrolments(conn: &mut DbConnection, program_id: i64, side: Side) -> Result<HashSet<i64>, ApiError> {
    let ids: Vec<i64> = match side {
        Side::Mentee => program_mentees::table.filter(program_mentees::program_id.eq(program_id)).select(program_mentees::id).load(conn)?,
        Side::Mentor => program_mentors::table.filter(program_mentors::program_id.eq(program_id)).select(program_mentors::id).load(conn)?,
    };
    Ok(ids.into_iter().collect())
}

fn check(sheets: &[SheetInput], mentees: &HashSet<i64>, mentors: &HashSet<i64>, limit: i32) -> Result<(), ApiError> {
    let mut choosers = HashSet::new();
    for (i, sheet) in sheets.iter().enumerate() {
        let (own, other) = match sheet.side {
            Side::Mentee => (mentees, mentors),
            Side::Mentor => (mentors, mentees),
        };
        if !own.contains(&sheet.chooser_id) {
            return Err(ApiError::invalid_field(&format!("sheets[{i}].chooser_id"), "not in this programme's base on that side"));
        }
        if !choosers.insert((sheet.side, sheet.chooser_id)) {
            return Err(ApiError::invalid_field(&format!("sheets[{i}].chooser_id"), "has two sheets in this request"));
        }
        if sheet.ranks.len() > limit as usize {
            return Err(ApiError::field_problem("too_many_choices", &format!("sheets[{i}].ranks"), format!("the programme lets each person rank at most {limit}")));
        }
        for (j, rank) in sheet.ranks.iter().enumerate() {
            let field = format!("sheets[{i}].ranks[{j}]");
            if !other.contains(&rank.id) {
                return Err(ApiError::invalid_field(&format!("{field}.id"), "not in this programme's base on the other side"));
            }
            if sheet.ranks[..j].iter().any(|r| r.id == rank.id) {
                return Err(ApiError::field_problem("duplicate_choice", &format!("{field}.id"), "the same person is named twice"));
            }
            if rank.rank > limit {
                return Err(ApiError::field_problem("too_many_choices", &format!("{field}.rank"), format!("ranks go from 1 to {limit}")));
            }
        }
    }
    Ok(())
}

#[utoipa::path(
    tag = "pairing",
    summary = "Preference sheets after the group meeting",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = PreferenceSheets), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/preferences")]
pub async fn get_preferences(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<PreferenceSheets>, ApiError> {
    let program_id = id.into_inner();
    let sheets = db
        .run(move |conn| {
            program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            Ok(PreferenceSheets { items: load_sheets(conn, program_id)?, preference_limit: settings::load(conn, program_id)?.preference_limit })
        })
        .await?;
    Ok(web::Json(sheets))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Record preference sheets and attendance at the group meeting",
    description = "Replaces the sheets of the people named. Each person ranks at most the programme's preference limit of people of the other side, each once; equal ranks are ties.",
    params(("id" = i64, Path, description = "programme id")),
    request_body = PreferencesInput,
    responses(
        (status = 200, body = PreferenceSheets), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "programme_closed"), (status = 422, body = Problem, description = "duplicate_choice, too_many_choices, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[put("/programs/{id}/preferences")]
pub async fn put_preferences(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<PreferencesInput>) -> Result<web::Json<PreferenceSheets>, ApiError> {
    let program_id = id.into_inner();
    let input = body.0;
    let sheets = db
        .write(move |conn| {
            program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let limit = settings::load(conn, program_id)?.preference_limit;
            let (mentees, mentors) = (enrolments(conn, program_id, Side::Mentee)?, enrolments(conn, program_id, Side::Mentor)?);
            check(&input.sheets, &mentees, &mentors, limit)?;
            let now = Utc::now().naive_utc();
            for sheet in &input.sheets {
                let side = to_text(&sheet.side)?;
                diesel::delete(ps::table.filter(ps::program_id.eq(program_id)).filter(ps::side.eq(&side)).filter(ps::chooser_id.eq(sheet.chooser_id))).execute(conn)?;
                let sheet_id: i64 = diesel::insert_into(ps::table)
                    .values((ps::program_id.eq(program_id), ps::side.eq(&side), ps::chooser_id.eq(sheet.chooser_id), ps::attended_group_meeting.eq(sheet.attended_group_meeting), ps::updated_at.eq(now)))
                    .returning(ps::id)
                    .get_result(conn)?;
                for r in &sheet.ranks {
                    diesel::insert_into(pr::table).values((pr::sheet_id.eq(sheet_id), pr::chosen_id.eq(r.id), pr::rank.eq(r.rank))).execute(conn)?;
                }
            }
            Ok(PreferenceSheets { items: load_sheets(conn, program_id)?, preference_limit: limit })
        })
        .await?;
    Ok(web::Json(sheets))
}
