//! The demo programme's monitoring: the entry instrument answered in September, the exit one under
//! way now, with the paired mentees moving more than those still waiting; a quality questionnaire
//! of mentees and mentors; average grades from the records.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, Utc};
use diesel::prelude::*;
use serde_json::{Value, json};

use crate::auth::secrets;
use crate::db::DbConnection;
use crate::db::schema::{measurements, pair_mentees, participants, program_mentees, program_mentors, programs, survey_invitations as si, survey_responses as sr, survey_templates as st, surveys as s};
use crate::db::text::to_json;
use crate::error::ApiError;

/// A small deterministic generator: the demo is the same every time.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }

    fn scale(&mut self, centre: f64, max: f64) -> i64 {
        (centre + (self.next() - 0.5) * 3.0).round().clamp(1.0, max) as i64
    }
}

fn template(conn: &mut DbConnection, code: &str) -> Result<i64, ApiError> {
    Ok(st::table.filter(st::organization_id.is_null()).filter(st::code.eq(code)).order(st::version.desc()).select(st::id).first(conn)?)
}

fn survey(conn: &mut DbConnection, program_id: i64, template_id: i64, phase: &str, audience: &str, opens_on: NaiveDate, closes_on: NaiveDate) -> Result<i64, ApiError> {
    Ok(diesel::insert_into(s::table)
        .values((
            s::program_id.eq(program_id),
            s::template_id.eq(template_id),
            s::phase.eq(phase),
            s::audience.eq(audience),
            s::opens_on.eq(opens_on),
            s::closes_on.eq(closes_on),
            s::created_at.eq(Utc::now().naive_utc()),
        ))
        .returning(s::id)
        .get_result(conn)?)
}

/// An invitation for the person and, when `answers` is given, their submitted response.
fn respond(conn: &mut DbConnection, survey_id: i64, participant: i64, answers: Option<BTreeMap<String, Value>>) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    let invitation: i64 = diesel::insert_into(si::table)
        .values((si::survey_id.eq(survey_id), si::token_hash.eq(secrets::hash(&secrets::generate("nsrv_"))), si::participant_id.eq(participant), si::created_at.eq(now)))
        .returning(si::id)
        .get_result(conn)?;
    if let Some(answers) = answers {
        diesel::insert_into(sr::table)
            .values((
                sr::survey_id.eq(survey_id),
                sr::invitation_id.eq(invitation),
                sr::participant_id.eq(participant),
                sr::answers.eq(to_json(&answers)?),
                sr::started_at.eq(now),
                sr::updated_at.eq(now),
                sr::submitted_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn load(conn: &mut DbConnection, program_id: i64, today: NaiveDate) -> Result<(), ApiError> {
    let any: i64 = s::table.filter(s::program_id.eq(program_id)).count().get_result(conn)?;
    if any > 0 {
        return Ok(());
    }
    let start: NaiveDate = programs::table.find(program_id).select(programs::start_date).first(conn)?;
    // Those of working pairs, and some of those still waiting (a dissolved pair's mentee waits).
    let mut paired: Vec<i64> = pair_mentees::table
        .inner_join(program_mentees::table)
        .filter(program_mentees::program_id.eq(program_id))
        .filter(pair_mentees::live.eq(true))
        .select(program_mentees::participant_id)
        .load(conn)?;
    paired.sort_unstable();
    paired.dedup();
    let waiting: Vec<i64> = program_mentees::table
        .filter(program_mentees::program_id.eq(program_id))
        .filter(program_mentees::status.eq_any(["in_base", "awaiting_support"]))
        .select(program_mentees::participant_id)
        .load::<i64>(conn)?
        .into_iter()
        .filter(|p| !paired.contains(p))
        .take(8)
        .collect();
    let mentors: Vec<i64> = program_mentors::table.filter(program_mentors::program_id.eq(program_id)).filter(program_mentors::status.eq("in_base")).select(program_mentors::participant_id).limit(10).load(conn)?;
    // The demo mentor and mentee answer in the app, so their exit questionnaire waits for them.
    let with_accounts: Vec<i64> = participants::table.filter(participants::user_id.is_not_null()).select(participants::id).load(conn)?;
    let mut dice = Dice(2026);

    let impact = template(conn, "impact_mentee")?;
    let entry = survey(conn, program_id, impact, "entry", "mentee", start + Duration::days(10), start + Duration::days(24))?;
    let exit = survey(conn, program_id, impact, "exit", "mentee", today - Duration::days(5), today + Duration::days(9))?;
    let mut grades = Vec::new();
    for (i, &person) in paired.iter().chain(&waiting).enumerate() {
        let in_pair = i < paired.len();
        // A pair moves a child about 1.5 points; waiting, about 0.3.
        let lift = if in_pair { 1.5 } else { 0.3 };
        let base: [f64; 5] = [4.5, 5.0, 4.5, 6.5, 5.0].map(|c| c + (dice.next() - 0.5) * 2.0);
        let at_entry: BTreeMap<String, Value> = ["engagement", "activity", "self_esteem", "anxiety", "motivation"].iter().zip(base).map(|(k, c)| ((*k).to_owned(), json!(dice.scale(c, 10.0)))).collect();
        let at_exit: BTreeMap<String, Value> = ["engagement", "activity", "self_esteem", "anxiety", "motivation"]
            .iter()
            .zip(base)
            .map(|(k, c)| ((*k).to_owned(), json!(dice.scale(if *k == "anxiety" { c - lift } else { c + lift }, 10.0))))
            .collect();
        respond(conn, entry, person, Some(at_entry))?;
        // One in six has not answered the exit survey yet: the rate is still moving.
        respond(conn, exit, person, (i % 6 != 5 && !with_accounts.contains(&person)).then_some(at_exit))?;
        let grade = 3.0 + dice.next();
        grades.push((person, grade, grade + if in_pair { 0.35 } else { 0.05 } + (dice.next() - 0.5) * 0.3));
    }

    let quality = template(conn, "quality_mentee")?;
    let mentee_quality = survey(conn, program_id, quality, "quality", "mentee", today - Duration::days(12), today + Duration::days(2))?;
    for (i, &person) in paired.iter().enumerate() {
        let answers: BTreeMap<String, Value> = [
            ("satisfaction", json!(dice.scale(4.2, 5.0))),
            ("joint_work", json!(dice.scale(4.0, 5.0))),
            ("regularity", json!(["раз в неделю и чаще", "раз в неделю и чаще", "раз в две недели", "раз в месяц"][i % 4])),
            ("expected_help", json!(dice.scale(8.0, 10.0))),
            ("got_help", json!(dice.scale(7.0, 10.0))),
            ("expected_interest", json!(dice.scale(6.0, 10.0))),
            ("got_interest", json!(dice.scale(8.0, 10.0))),
            ("most_useful", json!(["Разбор трудных задач", "Поддержка перед контрольными", "Общение со старшими"][i % 3])),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        respond(conn, mentee_quality, person, Some(answers))?;
    }
    let mentor_template = template(conn, "quality_mentor")?;
    let mentor_quality = survey(conn, program_id, mentor_template, "quality", "mentor", today - Duration::days(12), today + Duration::days(2))?;
    for &person in &mentors {
        let answers: BTreeMap<String, Value> = [
            ("satisfaction", json!(dice.scale(4.0, 5.0))),
            ("joint_work", json!(dice.scale(4.0, 5.0))),
            ("regularity", json!("раз в неделю и чаще")),
            ("support", json!(dice.scale(3.0, 5.0))),
            ("expected_progress", json!(dice.scale(7.0, 10.0))),
            ("got_progress", json!(dice.scale(6.0, 10.0))),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        respond(conn, mentor_quality, person, Some(answers))?;
    }

    // The curators' own questionnaire is open and waits on the curator's home page.
    let curator_template = template(conn, "quality_curator")?;
    survey(conn, program_id, curator_template, "quality", "curator", today - Duration::days(3), today + Duration::days(7))?;

    let now = Utc::now().naive_utc();
    for (person, at_entry, at_exit) in grades {
        for (phase, value, on) in [("entry", at_entry, start + Duration::days(30)), ("exit", at_exit, today - Duration::days(2))] {
            diesel::insert_into(measurements::table)
                .values((
                    measurements::program_id.eq(program_id),
                    measurements::participant_id.eq(person),
                    measurements::parameter.eq("average_grade"),
                    measurements::phase.eq(phase),
                    measurements::value.eq((value * 100.0).round() / 100.0),
                    measurements::measured_on.eq(on),
                    measurements::created_at.eq(now),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}
