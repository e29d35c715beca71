//! `/programs/{id}/request-map`: the mentees' requests grouped by tag, beside the mentors whose
//! competencies answer them — the gap between demand and supply at a glance.

use actix_web::{get, web};
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::dto::{MenteeStatus, MentorStatus};
use super::mentors::all_mentors;
use super::tags::vocabulary;
use crate::auth::{Action, Principal};
use crate::db::Db;
use crate::db::text::{from_json, from_text};
use crate::db::schema::program_mentees as pm;
use crate::error::{ApiError, Problem};
use crate::programs::store::program_scope;

#[derive(Debug, Serialize, ToSchema)]
pub struct MentorOffer {
    pub mentor_id: i64,
    pub name: Option<String>,
    pub capacity: i32,
    /// Passed the interview and the training.
    pub ready: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RequestMapRow {
    pub tag: String,
    pub label: String,
    /// Mentees in the base whose request carries the tag.
    pub mentees: i64,
    /// Places offered by the mentors with the competency (their capacities added up).
    pub capacity: i64,
    /// mentees − capacity: positive means more demand than supply.
    pub gap: i64,
    pub mentors: Vec<MentorOffer>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RequestMap {
    pub program_id: i64,
    /// Ordered by gap, largest first; tags nobody asks for or offers are left out.
    pub rows: Vec<RequestMapRow>,
    /// Active mentees whose request has no tag yet.
    pub untagged_mentees: i64,
}

/// Pure: demand per tag from the mentees' tag lists, supply from the mentors'.
pub fn build(tags: &[(String, String)], mentee_tags: &[Vec<String>], mentors: Vec<(Vec<String>, MentorOffer)>) -> (Vec<RequestMapRow>, i64) {
    let untagged = mentee_tags.iter().filter(|t| t.is_empty()).count() as i64;
    let mut rows: Vec<RequestMapRow> = tags
        .iter()
        .map(|(code, label)| {
            let mentees = mentee_tags.iter().filter(|t| t.contains(code)).count() as i64;
            let offers: Vec<&MentorOffer> = mentors.iter().filter(|(c, _)| c.contains(code)).map(|(_, o)| o).collect();
            let capacity = offers.iter().map(|o| i64::from(o.capacity)).sum();
            RequestMapRow {
                tag: code.clone(),
                label: label.clone(),
                mentees,
                capacity,
                gap: mentees - capacity,
                mentors: offers.into_iter().map(|o| MentorOffer { mentor_id: o.mentor_id, name: o.name.clone(), capacity: o.capacity, ready: o.ready }).collect(),
            }
        })
        .filter(|r| r.mentees > 0 || r.capacity > 0)
        .collect();
    rows.sort_by(|a, b| b.gap.cmp(&a.gap).then_with(|| b.mentees.cmp(&a.mentees)));
    (rows, untagged)
}

#[utoipa::path(
    tag = "pairing",
    summary = "The request map: demand by tag beside the mentors who answer it",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = RequestMap), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/request-map")]
pub async fn request_map(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<RequestMap>, ApiError> {
    let program_id = id.into_inner();
    let map = db
        .run(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id)?;
            let tags: Vec<(String, String)> = vocabulary(conn, scope.school_id)?.into_iter().map(|t| (t.code, t.label)).collect();
            let rows: Vec<(String, String)> = pm::table.filter(pm::program_id.eq(program_id)).select((pm::request_tags, pm::status)).load(conn)?;
            let mentee_tags: Vec<Vec<String>> = rows
                .into_iter()
                .filter(|(_, status)| from_text::<MenteeStatus>(status).is_ok_and(|s| s.is_active()))
                .map(|(tags, _)| from_json(&tags).unwrap_or_default())
                .collect();
            let mentors = all_mentors(conn, program_id, scope.school_id)?
                .into_iter()
                .filter(|m| m.status != MentorStatus::Withdrawn)
                .map(|m| (m.competencies.clone(), MentorOffer { mentor_id: m.id, name: m.name.clone(), capacity: m.capacity, ready: m.ready }))
                .collect();
            let (rows, untagged_mentees) = build(&tags, &mentee_tags, mentors);
            Ok(RequestMap { program_id, rows, untagged_mentees })
        })
        .await?;
    Ok(web::Json(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demand_beside_supply_ordered_by_gap() {
        let tags = vec![("math".to_string(), "Математика".to_string()), ("sport".into(), "Спорт".into()), ("art".into(), "ИЗО".into())];
        let mentees = vec![vec!["math".to_string()], vec!["math".into(), "sport".into()], vec![]];
        let offer = |id, capacity| MentorOffer { mentor_id: id, name: None, capacity, ready: true };
        let mentors = vec![(vec!["sport".to_string()], offer(1, 3)), (vec!["math".to_string()], offer(2, 1))];
        let (rows, untagged) = build(&tags, &mentees, mentors);
        assert_eq!(untagged, 1);
        assert_eq!(rows.iter().map(|r| (r.tag.as_str(), r.mentees, r.capacity, r.gap)).collect::<Vec<_>>(), vec![("math", 2, 1, 1), ("sport", 1, 3, -2)]);
    }
}
