//! From the database to the engine's instance: who can be matched in a form, with what, and the
//! preferences, locks and exclusions among them. The engine sees indices; the run keeps the
//! enrolment ids beside them.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::db::{DbConnection, one_of};
use crate::db::schema::{pair_constraints, pair_mentees, participants, program_mentees as pm, program_mentors as pr};
use crate::db::text::{from_json, from_text, to_text};
use crate::error::ApiError;
use crate::pairing::dto::{MenteeCategory, MenteeType};
use crate::pairing::forms::{mentee_kinds, mentor_kinds, needs_higher_grade};
use crate::pairing::matching::{Algorithm, Instance, Mentee, Mentor, MentorBarrier, Objective, RoleModel, Weights};
use crate::pairing::preferences::{Side, load_sheets};
use crate::pairing::role_models;
use crate::participants::store::{consented, is_minor};
use crate::programs::dto::MentorshipForm;
use crate::programs::store::school_today;

/// What went into a run, kept with it so two runs can be compared.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RunInputs {
    /// Mentees waiting for a pair in this form, with consent.
    pub mentees: usize,
    /// Mentors in the base for this form, ready or not.
    pub mentors: usize,
    /// Of them, those who may be matched now.
    pub eligible_mentors: usize,
    /// Free places of the eligible mentors.
    pub free_places: u32,
    pub locked: usize,
    pub excluded: usize,
    pub preference_sheets: usize,
    pub allow_untrained_mentors: bool,
}

pub struct Prepared {
    pub instance: Instance,
    /// Enrolment ids by engine index.
    pub mentor_ids: Vec<i64>,
    pub mentee_ids: Vec<i64>,
    /// The role model fitting each mentee (student–student only).
    pub mentee_models: Vec<Option<RoleModel>>,
    pub inputs: RunInputs,
}

pub struct Choice {
    pub form: MentorshipForm,
    pub algorithm: Algorithm,
    pub objective: Objective,
    pub weights: Weights,
    pub allow_untrained: bool,
}

type PersonFacts = (Option<i32>, String, Option<NaiveDate>, Option<i32>, (bool, bool));

/// People of the school who may take part: not erased, of the form's kinds, minors with consent.
fn admissible(conn: &mut DbConnection, school_id: i64, ids: &[i64], kinds: &[&str]) -> Result<HashMap<i64, PersonFacts>, ApiError> {
    let today = school_today(conn, school_id)?;
    let rows: Vec<(i64, PersonFacts)> = participants::table
        .filter(one_of(participants::id, ids))
        .filter(participants::school_id.eq(school_id))
        .filter(participants::erased_at.is_null())
        .filter(participants::kind.eq_any(kinds))
        .select((
            participants::id,
            (participants::grade, participants::kind, participants::birth_date, participants::birth_year, (participants::behaviour_problems, participants::difficult_life_situation)),
        ))
        .load(conn)?;
    let with_consent = consented(conn, ids)?;
    Ok(rows
        .into_iter()
        .filter(|(id, (_, kind, born, year, _))| {
            let kind = crate::participants::dto::ParticipantKind::parse(kind).unwrap_or(crate::participants::dto::ParticipantKind::Student);
            !is_minor(kind, *born, *year, today) || with_consent.contains(id)
        })
        .collect())
}

pub fn prepare(conn: &mut DbConnection, program_id: i64, school_id: i64, choice: Choice) -> Result<Prepared, ApiError> {
    let form_text = to_text(&choice.form)?;
    let student_student = choice.form == MentorshipForm::StudentStudent;
    let kinds = |list: &[crate::participants::dto::ParticipantKind]| list.iter().map(|k| k.as_str()).collect::<Vec<_>>();

    let paired = pair_mentees::table.filter(pair_mentees::live.eq(true)).filter(pair_mentees::form.eq(&form_text)).select(pair_mentees::mentee_id);
    let mentee_rows: Vec<(i64, i64, String, String, String)> = pm::table
        .filter(pm::program_id.eq(program_id))
        .filter(pm::status.eq_any(["in_base", "awaiting_support"]))
        .filter(pm::id.ne_all(paired))
        .order(pm::id)
        .select((pm::id, pm::participant_id, pm::categories, pm::mentee_type, pm::request_tags))
        .load(conn)?;
    let ids: Vec<i64> = mentee_rows.iter().map(|r| r.1).collect();
    let people = admissible(conn, school_id, &ids, &kinds(mentee_kinds(choice.form)))?;
    let (mut mentees, mut mentee_ids, mut mentee_models) = (Vec::new(), Vec::new(), Vec::new());
    for (id, person, categories, mentee_type, tags) in mentee_rows {
        let Some((grade, _, _, _, (behaviour, difficult))) = people.get(&person) else { continue };
        let mut categories: Vec<MenteeCategory> = from_json(&categories)?;
        // The sensitive categories steer the role model; they are never shown through the run.
        if *behaviour {
            categories.push(MenteeCategory::BehaviourProblems);
        }
        if *difficult {
            categories.push(MenteeCategory::DifficultLifeSituation);
        }
        let mentee_type: MenteeType = from_text(&mentee_type)?;
        let tags: Vec<String> = from_json(&tags)?;
        let model = student_student.then(|| role_models::for_mentee(&categories, mentee_type, &tags));
        mentees.push(Mentee { tags, grade: *grade, role_model: model, preferences: Vec::new() });
        mentee_ids.push(id);
        mentee_models.push(model);
    }

    type MentorRow = (i64, i64, String, i32, i32, Option<String>, String, String);
    let mentor_rows: Vec<MentorRow> = pr::table
        .filter(pr::program_id.eq(program_id))
        .filter(pr::status.ne("withdrawn"))
        .order(pr::id)
        .select((pr::id, pr::participant_id, pr::competencies, pr::capacity, pr::places_taken, pr::interview_outcome, pr::training_status, pr::status))
        .load(conn)?;
    let ids: Vec<i64> = mentor_rows.iter().map(|r| r.1).collect();
    let people = admissible(conn, school_id, &ids, &kinds(mentor_kinds(choice.form)))?;
    let (mut mentors, mut mentor_ids) = (Vec::new(), Vec::new());
    for (id, person, competencies, capacity, taken, interview, training, status) in mentor_rows {
        let Some((grade, ..)) = people.get(&person) else { continue };
        let tags: Vec<String> = from_json(&competencies)?;
        let barrier = if status != "in_base" || interview.as_deref() != Some("passed") {
            Some(MentorBarrier::NotSelected)
        } else if training != "completed" && !choice.allow_untrained {
            Some(MentorBarrier::NotTrained)
        } else {
            None
        };
        mentors.push(Mentor {
            role_models: if student_student { role_models::for_mentor(&tags) } else { Vec::new() },
            tags,
            grade: *grade,
            capacity: (capacity - taken).max(0) as u32,
            barrier,
            preferences: Vec::new(),
        });
        mentor_ids.push(id);
    }

    let mentor_index: HashMap<i64, usize> = mentor_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mentee_index: HashMap<i64, usize> = mentee_ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut sheets = 0;
    for sheet in load_sheets(conn, program_id)? {
        let rank = |r: i32| u8::try_from(r).unwrap_or(u8::MAX);
        match sheet.side {
            Side::Mentee => {
                let Some(&i) = mentee_index.get(&sheet.chooser_id) else { continue };
                mentees[i].preferences = sheet.ranks.iter().filter_map(|r| mentor_index.get(&r.id).map(|&m| (m, rank(r.rank)))).collect();
            }
            Side::Mentor => {
                let Some(&i) = mentor_index.get(&sheet.chooser_id) else { continue };
                mentors[i].preferences = sheet.ranks.iter().filter_map(|r| mentee_index.get(&r.id).map(|&m| (m, rank(r.rank)))).collect();
            }
        }
        sheets += 1;
    }
    let constraints: Vec<(i64, i64, String)> = pair_constraints::table
        .filter(pair_constraints::program_id.eq(program_id))
        .order(pair_constraints::id)
        .select((pair_constraints::mentor_id, pair_constraints::mentee_id, pair_constraints::kind))
        .load(conn)?;
    let (mut locked, mut excluded) = (Vec::new(), Vec::new());
    for (mentor, mentee, kind) in constraints {
        if let (Some(&m), Some(&e)) = (mentor_index.get(&mentor), mentee_index.get(&mentee)) {
            if kind == "lock" { locked.push((m, e)) } else { excluded.push((m, e)) }
        }
    }
    let eligible: Vec<&Mentor> = mentors.iter().filter(|m| m.barrier.is_none()).collect();
    let inputs = RunInputs {
        mentees: mentees.len(),
        mentors: mentors.len(),
        eligible_mentors: eligible.len(),
        free_places: eligible.iter().map(|m| m.capacity).sum(),
        locked: locked.len(),
        excluded: excluded.len(),
        preference_sheets: sheets,
        allow_untrained_mentors: choice.allow_untrained,
    };
    Ok(Prepared {
        instance: Instance {
            mentors,
            mentees,
            weights: choice.weights,
            locked,
            excluded,
            higher_grade_required: needs_higher_grade(choice.form),
            algorithm: choice.algorithm,
            objective: choice.objective,
        },
        mentor_ids,
        mentee_ids,
        mentee_models,
        inputs,
    })
}
