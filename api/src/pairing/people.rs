//! What the bases show of the enrolled people: name, grade, the minor flag, and the sensitive
//! categories for those who may see them.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::dto::MenteeCategory;
use crate::db::{DbConnection, natively, one_of};
use crate::db::schema::participants;
use crate::error::ApiError;
use crate::participants::dto::ParticipantKind;
use crate::participants::store::is_minor;
use crate::programs::store::school_today;

pub struct Person {
    pub id: i64,
    pub name: Option<String>,
    pub kind: ParticipantKind,
    pub grade: Option<i32>,
    pub class_letter: Option<String>,
    pub minor: bool,
    sensitive: Vec<MenteeCategory>,
}

impl Person {
    pub fn sensitive_categories(&self) -> Vec<MenteeCategory> {
        self.sensitive.clone()
    }
}

pub struct People(Vec<Person>);

impl People {
    pub fn get(&self, id: i64) -> Option<&Person> {
        self.0.iter().find(|p| p.id == id)
    }

    /// The minors among them, for the audit trail.
    pub fn minors(&self) -> Vec<i64> {
        self.0.iter().filter(|p| p.minor && p.name.is_some()).map(|p| p.id).collect()
    }
}

type Row = (i64, String, Option<String>, Option<String>, Option<i32>, Option<String>, Option<NaiveDate>, Option<i32>, (bool, bool, bool));

pub fn enrolled_people(conn: &mut DbConnection, ids: &[i64], school_id: i64, show_sensitive: bool) -> Result<People, ApiError> {
    let today = school_today(conn, school_id)?;
    // Natively (`db::native`), as every statement of the pairs list: it is read the most of them.
    let rows: Vec<Row> = natively!(conn, |c| participants::table
        .filter(one_of(participants::id, ids))
        .select((
            participants::id,
            participants::kind,
            participants::last_name,
            participants::first_name,
            participants::grade,
            participants::class_letter,
            participants::birth_date,
            participants::birth_year,
            (participants::disability, participants::difficult_life_situation, participants::behaviour_problems),
        ))
        .load(c)?);
    Ok(People(
        rows.into_iter()
            .map(|(id, kind, last, first, grade, class_letter, birth_date, birth_year, (disability, difficult, behaviour))| {
                let kind = ParticipantKind::parse(&kind).unwrap_or(ParticipantKind::Student);
                let mut sensitive = Vec::new();
                if show_sensitive {
                    for (flag, category) in [
                        (disability, MenteeCategory::Disability),
                        (difficult, MenteeCategory::DifficultLifeSituation),
                        (behaviour, MenteeCategory::BehaviourProblems),
                    ] {
                        if flag {
                            sensitive.push(category);
                        }
                    }
                }
                Person {
                    id,
                    name: match (last, first) {
                        (Some(l), Some(f)) => Some(format!("{l} {f}")),
                        _ => None,
                    },
                    kind,
                    grade,
                    class_letter,
                    minor: is_minor(kind, birth_date, birth_year, today),
                    sensitive,
                }
            })
            .collect(),
    ))
}

/// Enrolments (mentor and mentee ids of a programme) with their people, to name them in pairs,
/// proposals and constraints.
pub struct Roster {
    mentors: Vec<(i64, i64)>,
    mentees: Vec<(i64, i64)>,
    people: People,
}

impl Roster {
    pub fn load(conn: &mut DbConnection, mentor_ids: &[i64], mentee_ids: &[i64], school_id: i64) -> Result<Self, ApiError> {
        use crate::db::schema::{program_mentees, program_mentors};
        let mentors: Vec<(i64, i64)> = natively!(conn, |c| {
            program_mentors::table.filter(one_of(program_mentors::id, mentor_ids)).select((program_mentors::id, program_mentors::participant_id)).load(c)?
        });
        let mentees: Vec<(i64, i64)> = natively!(conn, |c| {
            program_mentees::table.filter(one_of(program_mentees::id, mentee_ids)).select((program_mentees::id, program_mentees::participant_id)).load(c)?
        });
        let person_ids: Vec<i64> = mentors.iter().chain(&mentees).map(|e| e.1).collect();
        let people = enrolled_people(conn, &person_ids, school_id, false)?;
        Ok(Self { mentors, mentees, people })
    }

    fn person(&self, enrolments: &[(i64, i64)], id: i64) -> crate::pairing::pairs::PairPerson {
        let participant_id = enrolments.iter().find(|e| e.0 == id).map_or(0, |e| e.1);
        let p = self.people.get(participant_id);
        crate::pairing::pairs::PairPerson {
            id,
            participant_id,
            name: p.and_then(|p| p.name.clone()),
            grade: p.and_then(|p| p.grade),
            class_letter: p.and_then(|p| p.class_letter.clone()),
        }
    }

    pub fn mentor(&self, enrolment_id: i64) -> crate::pairing::pairs::PairPerson {
        self.person(&self.mentors, enrolment_id)
    }

    pub fn mentee(&self, enrolment_id: i64) -> crate::pairing::pairs::PairPerson {
        self.person(&self.mentees, enrolment_id)
    }

    /// The minors named, for the audit trail.
    pub fn minors(&self) -> Vec<i64> {
        self.people.minors()
    }
}
