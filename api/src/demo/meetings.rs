//! The demo pairs' meetings since their approval: the sequence, then weekly meetings. Two pairs
//! went quiet three weeks ago, one mentee of the group stopped coming, and the working pairs have
//! their next meeting booked. The demo mentor and mentee users sit in the first pair.

use chrono::{Duration, NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{meeting_attendance as ma, meetings as m, pair_mentees, participants, program_mentees, program_mentors, users};
use crate::error::ApiError;

const TOPICS: [&str; 5] = ["Разбор домашнего задания", "Подготовка к контрольной", "Работа над проектом", "Обсуждение прочитанной книги", "Тренировка выступления"];

fn at(day: NaiveDate) -> NaiveDateTime {
    // 15:00 in Vladivostok, the demo school's zone.
    day.and_hms_opt(5, 0, 0).unwrap_or_default()
}

pub fn load(conn: &mut DbConnection, pair_id: i64, n: usize, approved_on: NaiveDate, today: NaiveDate) -> Result<(), ApiError> {
    let mentor: i64 = crate::db::schema::pairs::table.inner_join(program_mentors::table).filter(crate::db::schema::pairs::id.eq(pair_id)).select(program_mentors::participant_id).first(conn)?;
    let mentees: Vec<i64> = pair_mentees::table.inner_join(program_mentees::table).filter(pair_mentees::pair_id.eq(pair_id)).select(program_mentees::participant_id).load(conn)?;
    let quiet = n == 2 || n == 5;
    let stop = if quiet { today - Duration::days(24) } else { today - Duration::days(1) };
    let mut day = approved_on + Duration::days(3);
    let mut sequence = vec![("introduction", day), ("trial", day + Duration::days(7)), ("planning", day + Duration::days(14))];
    day += Duration::days(21);
    while day < stop {
        sequence.push(("regular", day));
        day += Duration::days(7);
    }
    let now = Utc::now().naive_utc();
    let held = sequence.len();
    for (i, (kind, day)) in sequence.into_iter().enumerate() {
        if day >= today {
            break;
        }
        let id = insert(conn, pair_id, kind, day, "held", i, now)?;
        // In the group, the last mentee stopped coming three meetings ago.
        let absent_from = held.saturating_sub(3);
        for (j, &mentee) in mentees.iter().enumerate() {
            let present = !(n == 3 && j + 1 == mentees.len() && i >= absent_from);
            diesel::insert_into(ma::table).values((ma::meeting_id.eq(id), ma::participant_id.eq(mentee), ma::present.eq(present))).execute(conn)?;
        }
        diesel::insert_into(ma::table).values((ma::meeting_id.eq(id), ma::participant_id.eq(mentor), ma::present.eq(true))).execute(conn)?;
    }
    if !quiet {
        insert(conn, pair_id, "regular", today + Duration::days(3), "scheduled", held, now)?;
    }
    Ok(())
}

fn insert(conn: &mut DbConnection, pair_id: i64, kind: &str, day: NaiveDate, status: &str, i: usize, now: NaiveDateTime) -> Result<i64, ApiError> {
    let held = status == "held";
    Ok(diesel::insert_into(m::table)
        .values((
            m::pair_id.eq(pair_id),
            m::kind.eq(kind),
            m::starts_at.eq(at(day)),
            m::ends_at.eq(at(day) + Duration::minutes(45)),
            m::format.eq(if i % 4 == 3 { "online" } else { "in_person" }),
            m::link.eq((i % 4 == 3).then_some("https://sferum.ru/")),
            m::place.eq((i % 4 != 3).then_some("Библиотека, 2 этаж")),
            m::topic.eq(if kind == "regular" { Some(TOPICS[i % TOPICS.len()]) } else { None }),
            m::status.eq(status),
            m::notes.eq(held.then_some("Встреча прошла по плану")),
            m::mentee_rating.eq(held.then_some(4 + (i % 2) as i32)),
            m::mentor_rating.eq(held.then_some(5)),
            m::created_by.eq("demo"),
            m::created_at.eq(now),
            m::updated_at.eq(now),
        ))
        .returning(m::id)
        .get_result(conn)?)
}

/// The demo mentor and mentee users are the first pair's people, so signing in as them shows
/// their own pair and meetings.
pub fn link_demo_users(conn: &mut DbConnection, mentor_enrolment: i64, mentee_enrolment: i64) -> Result<(), ApiError> {
    let mentor: i64 = program_mentors::table.find(mentor_enrolment).select(program_mentors::participant_id).first(conn)?;
    let mentee: i64 = program_mentees::table.find(mentee_enrolment).select(program_mentees::participant_id).first(conn)?;
    for (participant, email, last, first) in [(mentor, "mentor@demo.nastavnik.ru", "Павлов", "Игорь"), (mentee, "mentee@demo.nastavnik.ru", "Соколов", "Максим")] {
        let user: Option<i64> = users::table.filter(users::email.eq(email)).select(users::id).first(conn).optional()?;
        diesel::update(participants::table.find(participant))
            .set((
                participants::user_id.eq(user),
                participants::last_name.eq(last),
                participants::first_name.eq(first),
                participants::search_key.eq(crate::participants::store::search_key(last, first, None)),
            ))
            .execute(conn)?;
    }
    Ok(())
}
