//! The demo programme's recognition: Mentor of the year and Best pair chosen from the nominees the
//! record puts first, certificates for the best pairs' mentees (one parent consented to publishing
//! the name), a letter of thanks to the best mentor's parents; and three practices — one in the
//! region's library, one waiting for the institute, one draft.

use chrono::{Duration, NaiveDate, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{awards, consents, practices, users};
use crate::error::ApiError;
use crate::recognition::code;
use crate::recognition::dto::NomineeKind;
use crate::recognition::nominees::rank;
use crate::recognition::practices::store::{region_of, search_key};

const SIGNATORY: &str = "Директор О. Н. Смирнова";
const AUTHOR: &str = "Иванова Анна Петровна";

struct Grant<'a> {
    kind: &'a str,
    participant: Option<i64>,
    pair: Option<i64>,
    title: &'a str,
    wording: &'a str,
    addressee: Option<&'a str>,
}

fn grant(conn: &mut DbConnection, program_id: i64, on: NaiveDate, g: Grant<'_>) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    diesel::insert_into(awards::table)
        .values((
            awards::program_id.eq(program_id),
            awards::kind.eq(g.kind),
            awards::participant_id.eq(g.participant),
            awards::pair_id.eq(g.pair),
            awards::addressee.eq(g.addressee),
            awards::title.eq(g.title),
            awards::wording.eq(g.wording),
            awards::awarded_on.eq(on),
            awards::signatory.eq(SIGNATORY),
            awards::code.eq(code::generate()),
            awards::created_by.eq("demo"),
            awards::created_at.eq(now),
            awards::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn load(conn: &mut DbConnection, school_id: i64, program_id: i64, today: NaiveDate) -> Result<(), ApiError> {
    let any: i64 = awards::table.filter(awards::program_id.eq(program_id)).count().get_result(conn)?;
    if any == 0 {
        load_awards(conn, school_id, program_id, today)?;
    }
    let any: i64 = practices::table.filter(practices::school_id.eq(school_id)).count().get_result(conn)?;
    if any == 0 {
        load_practices(conn, school_id, program_id, today)?;
    }
    Ok(())
}

fn load_awards(conn: &mut DbConnection, school_id: i64, program_id: i64, today: NaiveDate) -> Result<(), ApiError> {
    let (mentors, _) = rank(conn, program_id, school_id, NomineeKind::MentorOfTheYear, 1)?;
    let (pairs, _) = rank(conn, program_id, school_id, NomineeKind::BestPair, 3)?;
    let on = today - Duration::days(2);
    if let Some(best) = mentors.first().and_then(|n| n.participant_id) {
        grant(conn, program_id, on, Grant {
            kind: "mentor_of_the_year",
            participant: Some(best),
            pair: None,
            title: "Наставник года",
            wording: "За высокие результаты наставнической деятельности, систематическую работу с наставляемым и личный пример",
            addressee: None,
        })?;
        grant(conn, program_id, on, Grant {
            kind: "letter_of_thanks",
            participant: Some(best),
            pair: None,
            title: "Благодарственное письмо",
            wording: "Администрация школы благодарит вас за воспитание ответственного и отзывчивого человека: ваш ребёнок как наставник помог младшему товарищу поверить в свои силы",
            addressee: Some("Родителям наставника"),
        })?;
    }
    if let Some(best) = pairs.first().and_then(|n| n.pair_id) {
        grant(conn, program_id, on, Grant {
            kind: "best_pair",
            participant: None,
            pair: Some(best),
            title: "Лучшая наставническая пара",
            wording: "За слаженную совместную работу и достигнутые результаты в программе наставничества «Ученик – ученик»",
            addressee: None,
        })?;
    }
    // Certificates for the portfolio: the mentees of the three best pairs.
    let pair_ids: Vec<i64> = pairs.iter().filter_map(|n| n.pair_id).collect();
    let people = crate::recognition::holder::pair_people(conn, &pair_ids)?;
    let mut holders: Vec<i64> = pair_ids.iter().filter_map(|p| people.get(p)).flat_map(|(_, mentees)| mentees.iter().copied()).collect();
    holders.dedup();
    for (i, &mentee) in holders.iter().take(3).enumerate() {
        grant(conn, program_id, on, Grant {
            kind: "certificate",
            participant: Some(mentee),
            pair: None,
            title: "Сертификат участника программы наставничества",
            wording: "Подтверждает успешное участие в программе наставничества «Ученик – ученик» в роли наставляемого",
            addressee: None,
        })?;
        // The first holder's parent agreed to the name appearing on the public check.
        if i == 0 {
            diesel::insert_into(consents::table)
                .values((
                    consents::participant_id.eq(mentee),
                    consents::given_by.eq("parent"),
                    consents::giver_name.eq("Родитель (законный представитель)"),
                    consents::scope.eq("publication_name"),
                    consents::given_on.eq(on),
                    consents::document_ref.eq(format!("Согласие на публикацию № {mentee}")),
                    consents::created_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// (title, summary, body, role model, status)
const PRACTICES: [(&str, &str, &str, &str, &str); 3] = [
    (
        "Школьная газета как проект пары «равный – равному»",
        "Наставник и наставляемый из 7–8 классов вместе выпустили три номера школьной газеты: наставляемый, который не участвовал в жизни школы, стал вести рубрику.",
        "Запрос. Наставляемый не участвовал в жизни школы и избегал публичных выступлений.\n\nЧто делали. После встречи-знакомства пара договорилась о совместном проекте — школьной газете. На встрече-планировании распределили роли: наставник отвечал за вёрстку, наставляемый — за интервью с учителями. Встречались раз в неделю по 45 минут, план развития пересматривали раз в месяц.\n\nРезультат. За полгода вышло три номера; наставляемый ведёт свою рубрику и выступил на ученической конференции. По анкете на выходе вовлечённость выросла с 4 до 8 баллов из 10.\n\nЧто важно. Проект с видимым результатом и ясные роли с первой встречи; куратор помогает с доступом к принтеру и к учителям.",
        "peer_peer",
        "published",
    ),
    (
        "Адаптация пятиклассников: старшеклассник-наставник",
        "Пары «адаптированный – неадаптированный» для учеников, перешедших в пятый класс: экскурсия по школе, расписание кружков, первые контрольные без тревоги.",
        "Запрос. Переход из начальной школы: новые учителя, кабинеты и требования; тревожность перед контрольными.\n\nЧто делали. Наставники из 9–10 классов провели экскурсии по школе, помогли выбрать кружки, разобрали с наставляемыми, как готовиться к контрольным. Встречи на переменах и после уроков, итоговая встреча — общий чай с классным руководителем.\n\nРезультат. Тревожность по анкете снизилась у большинства наставляемых; все записались хотя бы в один кружок.",
        "adapted_unadapted",
        "submitted",
    ),
    (
        "Подготовка к ОГЭ по математике в паре «успевающий – неуспевающий»",
        "Черновик: как организовать регулярные занятия наставника-десятиклассника с девятиклассником, у которого неудовлетворительные результаты по математике.",
        "Запрос. Неудовлетворительные результаты по математике, риск не сдать ОГЭ.\n\nЧто делаем. Два занятия в неделю по плану, который составили на встрече-планировании вместе с учителем математики; разбор пробных вариантов.\n\nРезультаты подведём после пробного экзамена в марте.",
        "achiever_underachiever",
        "draft",
    ),
];

fn load_practices(conn: &mut DbConnection, school_id: i64, program_id: i64, today: NaiveDate) -> Result<(), ApiError> {
    let region = region_of(conn, school_id)?;
    let iro: Option<i64> = users::table.filter(users::email.eq("iro@demo.nastavnik.ru")).select(users::id).first(conn).optional()?;
    let now = Utc::now().naive_utc();
    let day = |days: i64| (today - Duration::days(days)).and_hms_opt(10, 0, 0).unwrap_or(now);
    for (title, summary, body, role_model, status) in PRACTICES {
        diesel::insert_into(practices::table)
            .values((
                practices::school_id.eq(school_id),
                practices::region_id.eq(region),
                practices::program_id.eq(program_id),
                practices::title.eq(title),
                practices::summary.eq(summary),
                practices::body.eq(body),
                practices::form.eq("student_student"),
                practices::role_model.eq(role_model),
                practices::author.eq(AUTHOR),
                practices::search_key.eq(search_key(title, summary, body, AUTHOR)),
                practices::status.eq(status),
                practices::submitted_at.eq((status != "draft").then(|| day(10))),
                practices::published_at.eq((status == "published").then(|| day(5))),
                practices::published_by.eq((status == "published").then(|| iro.map_or_else(|| "demo".to_owned(), |id| format!("user:{id}")))),
                practices::created_by.eq("demo"),
                practices::created_at.eq(day(20)),
                practices::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
