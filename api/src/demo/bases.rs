//! The demo school's bases: a few hundred students (some still without a parent's consent, to
//! show the rule), teachers, parents, alumni and an employer; the programme's mentees with their
//! requests, and mentors at every step of selection.

use chrono::{Datelike, NaiveDate, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{consents, participants as p, program_mentees as pm, program_mentors as pr};
use crate::error::ApiError;
use crate::participants::store::search_key;

const SURNAMES: [&str; 24] = [
    "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков",
    "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
];
const BOYS: [&str; 12] = ["Александр", "Максим", "Артём", "Михаил", "Даниил", "Иван", "Дмитрий", "Кирилл", "Андрей", "Егор", "Никита", "Илья"];
const GIRLS: [&str; 12] = ["Анна", "Мария", "Софья", "Алиса", "Виктория", "Полина", "Елизавета", "Дарья", "Варвара", "Ксения", "Вероника", "Арина"];
const LETTERS: [&str; 2] = ["А", "Б"];
const REQUESTS: [(&str, &[&str]); 6] = [
    ("Подтянуть математику, не понимаю дроби", &["academic_results"]),
    ("Подготовиться к ОГЭ по русскому языку", &["exam_preparation", "academic_results"]),
    ("Трудно в новом классе, нет друзей", &["adaptation", "communication"]),
    ("Хочу участвовать в олимпиаде по информатике", &["olympiads", "digital_skills"]),
    ("Хочу сделать свой проект для конкурса", &["projects", "creativity"]),
    ("Стесняюсь выступать перед классом", &["communication", "leadership"]),
];

fn surname(i: usize, girl: bool) -> String {
    let s = SURNAMES[i % SURNAMES.len()];
    if girl { format!("{s}а") } else { s.to_owned() }
}

struct Person<'a> {
    kind: &'a str,
    last: &'a str,
    first: &'a str,
    born: NaiveDate,
    grade: Option<i32>,
    letter: Option<&'a str>,
    ext: &'a str,
}

fn insert(conn: &mut DbConnection, school_id: i64, person: Person) -> Result<i64, ApiError> {
    let Person { kind, last, first, born, grade, letter, ext } = person;
    let now = Utc::now().naive_utc();
    Ok(diesel::insert_into(p::table)
        .values((
            p::school_id.eq(school_id),
            p::external_id.eq(ext),
            p::kind.eq(kind),
            p::last_name.eq(last),
            p::first_name.eq(first),
            p::search_key.eq(search_key(last, first, None)),
            p::birth_date.eq(born),
            p::birth_year.eq(born.year()),
            p::grade.eq(grade),
            p::class_letter.eq(letter),
            p::created_at.eq(now),
            p::updated_at.eq(now),
        ))
        .returning(p::id)
        .get_result(conn)?)
}

fn consent(conn: &mut DbConnection, id: i64, parent: &str, on: NaiveDate) -> Result<(), ApiError> {
    diesel::insert_into(consents::table)
        .values((
            consents::participant_id.eq(id),
            consents::given_by.eq("parent"),
            consents::giver_name.eq(parent),
            consents::scope.eq("processing"),
            consents::given_on.eq(on),
            consents::document_ref.eq(format!("Согласие № {id}")),
            consents::created_at.eq(Utc::now().naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn load(conn: &mut DbConnection, school_id: i64, program_id: i64, today: NaiveDate) -> Result<(), ApiError> {
    let any: i64 = p::table.filter(p::school_id.eq(school_id)).count().get_result(conn)?;
    if any > 0 {
        return Ok(());
    }
    let year = today.year() - if today.month() >= 9 { 0 } else { 1 };
    let consent_day = NaiveDate::from_ymd_opt(year, 9, 10).unwrap_or(today).min(today);
    let mut students = Vec::new();
    for i in 0..320usize {
        let grade = (i % 11) as i32 + 1;
        let girl = i % 2 == 1;
        let first = if girl { GIRLS[i % 12] } else { BOYS[(i / 2) % 12] };
        let last = surname(i / 3, girl);
        let born = NaiveDate::from_ymd_opt(year - 6 - grade, (i % 12) as u32 + 1, (i % 27) as u32 + 1).unwrap_or(today);
        let ext = format!("KR-{:04}", i + 1);
        let id = insert(conn, school_id, Person { kind: "student", last: &last, first, born, grade: Some(grade), letter: Some(LETTERS[i % 2]), ext: &ext })?;
        // One child in eleven has no consent yet: the base refuses them until it comes.
        if i % 11 != 5 {
            consent(conn, id, &format!("{} (родитель)", surname(i / 3, true)), consent_day)?;
        }
        students.push((id, grade, i % 11 != 5));
    }
    let adults: [(&str, usize, i32); 4] = [("teacher", 24, 1975), ("parent", 20, 1985), ("alumnus", 8, 2003), ("employer", 2, 1978)];
    let mut adult_ids = Vec::new();
    for (kind, count, base_year) in adults {
        for i in 0..count {
            let girl = i % 2 == 0;
            let born = NaiveDate::from_ymd_opt(base_year + (i % 10) as i32, 3, 15).unwrap_or(today);
            let first = if girl { GIRLS[(i + 3) % 12] } else { BOYS[(i + 5) % 12] };
            let (last, ext) = (surname(i + 7, girl), format!("{}-{:03}", kind.to_uppercase(), i + 1));
            let id = insert(conn, school_id, Person { kind, last: &last, first, born, grade: None, letter: None, ext: &ext })?;
            adult_ids.push((id, kind));
        }
    }
    enrol(conn, program_id, &students, &adult_ids)
}

fn enrol(conn: &mut DbConnection, program_id: i64, students: &[(i64, i32, bool)], adults: &[(i64, &str)]) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    let mentees = students.iter().filter(|(_, grade, ok)| (5..=8).contains(grade) && *ok).take(42);
    for (n, (id, _, _)) in mentees.enumerate() {
        let (text, tags) = REQUESTS[n % REQUESTS.len()];
        let status = ["in_base", "in_base", "candidate", "awaiting_support"][n % 4];
        let categories = ["[\"poor_results\"]", "[\"outstanding_abilities\"]", "[\"not_engaged\"]"][n % 3];
        diesel::insert_into(pm::table)
            .values((
                pm::program_id.eq(program_id),
                pm::participant_id.eq(id),
                pm::categories.eq(categories),
                pm::mentee_type.eq(if n % 3 == 1 { "active" } else { "passive" }),
                pm::request_text.eq(text),
                pm::request_tags.eq(serde_json::to_string(tags).unwrap_or_default()),
                pm::status.eq(status),
                pm::created_at.eq(now),
                pm::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    let student_mentors = students.iter().filter(|(_, grade, ok)| *grade >= 9 && *ok).map(|(id, _, _)| (*id, "student")).take(18);
    let teacher_mentors = adults.iter().filter(|(_, k)| *k == "teacher" || *k == "alumnus").take(8).copied();
    // Every step of selection: applied; interviewed, waiting; failed; passed, in training; ready.
    let steps: [(Option<&str>, &str, &str); 5] =
        [(None, "not_started", "candidate"), (Some("pending"), "not_started", "candidate"), (Some("failed"), "not_started", "candidate"), (Some("passed"), "in_progress", "in_base"), (Some("passed"), "completed", "in_base")];
    let competencies = ["[\"academic_results\",\"exam_preparation\"]", "[\"olympiads\",\"digital_skills\"]", "[\"communication\",\"leadership\"]", "[\"projects\",\"creativity\"]", "[\"adaptation\",\"emotional_support\"]"];
    for (n, (id, kind)) in student_mentors.chain(teacher_mentors).enumerate() {
        // The first fourteen students are ready to be matched; the rest show every other step.
        let (outcome, training, status) = steps[if n < 14 { 4 } else { n % 5 }];
        diesel::insert_into(pr::table)
            .values((
                pr::program_id.eq(program_id),
                pr::participant_id.eq(id),
                pr::contour.eq(if kind == "alumnus" { "external" } else { "internal" }),
                pr::competencies.eq(competencies[n % competencies.len()]),
                pr::achievements.eq(if kind == "student" { Some("Призёр муниципального этапа олимпиады") } else { None }),
                // One older student leads a group of three; the teachers could too.
                pr::capacity.eq(if kind == "teacher" || n == 3 { 3 } else { 1 }),
                pr::application_received_on.eq(Some(now.date())),
                pr::interview_on.eq(outcome.map(|_| now.date())),
                pr::interview_outcome.eq(outcome),
                pr::training_status.eq(training),
                pr::training_completed_on.eq((training == "completed").then_some(now.date())),
                pr::status.eq(status),
                pr::created_at.eq(now),
                pr::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
