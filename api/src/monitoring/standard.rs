//! The templates shipped with the system (seed 001, section 9): a phase-1 quality questionnaire for
//! each audience, with expectations set beside reality, and a phase-2 instrument measuring the
//! parameters a programme may move. Written to the database once, at start, as version 1.

use chrono::Utc;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::questions::{Question, QuestionKind};
use crate::db::DbConnection;
use crate::db::schema::survey_templates as st;
use crate::error::ApiError;

fn scale(code: &str, text: &str, max: f64) -> Question {
    Question { code: code.into(), text: text.into(), kind: QuestionKind::Scale, options: Vec::new(), min: Some(1.0), max: Some(max), expectation_of: None, parameter: None, required: true }
}

fn reality(code: &str, text: &str, of: &str) -> Question {
    Question { expectation_of: Some(of.into()), ..scale(code, text, 10.0) }
}

fn measure(code: &str, text: &str) -> Question {
    Question { parameter: Some(code.into()), ..scale(code, text, 10.0) }
}

fn open(code: &str, text: &str) -> Question {
    Question { code: code.into(), text: text.into(), kind: QuestionKind::Text, options: Vec::new(), min: None, max: None, expectation_of: None, parameter: None, required: false }
}

fn choice(code: &str, text: &str, options: &[&str]) -> Question {
    Question { options: options.iter().map(|o| (*o).to_owned()).collect(), kind: QuestionKind::Single, min: None, max: None, ..scale(code, text, 5.0) }
}

const REGULARITY: [&str; 4] = ["раз в неделю и чаще", "раз в две недели", "раз в месяц", "реже раза в месяц"];

pub struct Standard {
    pub code: &'static str,
    pub title: &'static str,
    pub purpose: &'static str,
    pub audience: &'static str,
    pub questions: Vec<Question>,
}

pub fn templates() -> Vec<Standard> {
    vec![
        Standard {
            code: "quality_mentee",
            title: "Анкета наставляемого: качество программы",
            purpose: "quality",
            audience: "mentee",
            questions: vec![
                scale("satisfaction", "Насколько вы довольны участием в программе?", 5.0),
                scale("joint_work", "Как вы оцениваете совместную работу с наставником?", 5.0),
                choice("regularity", "Как часто проходили встречи?", &REGULARITY),
                scale("expected_help", "Какой помощи вы ожидали от наставника до начала? (1–10)", 10.0),
                reality("got_help", "Какую помощь вы получили на самом деле? (1–10)", "expected_help"),
                scale("expected_interest", "Насколько интересными вы ожидали встречи? (1–10)", 10.0),
                reality("got_interest", "Насколько интересными они оказались? (1–10)", "expected_interest"),
                open("most_useful", "Что было самым полезным?"),
                open("to_change", "Что бы вы изменили?"),
            ],
        },
        Standard {
            code: "quality_mentor",
            title: "Анкета наставника: качество программы",
            purpose: "quality",
            audience: "mentor",
            questions: vec![
                scale("satisfaction", "Насколько вы довольны участием в программе?", 5.0),
                scale("joint_work", "Как вы оцениваете совместную работу с наставляемым?", 5.0),
                choice("regularity", "Как часто проходили встречи?", &REGULARITY),
                scale("support", "Достаточно ли поддержки куратора?", 5.0),
                scale("expected_progress", "Каких успехов наставляемого вы ожидали? (1–10)", 10.0),
                reality("got_progress", "Каких успехов он достиг на самом деле? (1–10)", "expected_progress"),
                open("most_useful", "Что было самым полезным?"),
                open("to_change", "Что бы вы изменили?"),
            ],
        },
        Standard {
            code: "quality_curator",
            title: "Анкета куратора: качество программы",
            purpose: "quality",
            audience: "curator",
            questions: vec![
                scale("organisation", "Как организована программа в школе?", 5.0),
                scale("pairs_work", "Как работают пары и группы в целом?", 5.0),
                scale("resources", "Достаточно ли ресурсов (время, помещения, материалы)?", 5.0),
                open("strengths", "Сильные стороны программы"),
                open("weaknesses", "Слабые стороны программы"),
            ],
        },
        Standard {
            code: "impact_mentee",
            title: "Мониторинг влияния программы: наставляемый (вход и выход)",
            purpose: "impact",
            audience: "mentee",
            questions: vec![
                measure("engagement", "Насколько вы вовлечены в жизнь школы? (1–10)"),
                measure("activity", "Насколько вы активны на уроках и во внеурочной деятельности? (1–10)"),
                measure("self_esteem", "Насколько вы уверены в себе? (1–10)"),
                measure("anxiety", "Насколько часто вы тревожитесь из-за учёбы? (1–10)"),
                measure("motivation", "Насколько вам хочется учиться? (1–10)"),
            ],
        },
        Standard {
            code: "impact_mentor",
            title: "Мониторинг влияния программы: наставник (вход и выход)",
            purpose: "impact",
            audience: "mentor",
            questions: vec![
                measure("engagement", "Насколько вы вовлечены в жизнь школы? (1–10)"),
                measure("self_esteem", "Насколько вы уверены в себе как наставник? (1–10)"),
                measure("motivation", "Насколько вам хочется помогать другим? (1–10)"),
            ],
        },
    ]
}

/// Writes the standard templates that are not there yet; a concurrent start's insert wins.
pub fn ensure(conn: &mut DbConnection) -> Result<(), ApiError> {
    for t in templates() {
        let there: i64 = st::table.filter(st::organization_id.is_null()).filter(st::code.eq(t.code)).filter(st::version.eq(1)).count().get_result(conn)?;
        if there > 0 {
            continue;
        }
        let inserted = diesel::insert_into(st::table)
            .values((
                st::code.eq(t.code),
                st::version.eq(1),
                st::title.eq(t.title),
                st::purpose.eq(t.purpose),
                st::audience.eq(t.audience),
                st::questions.eq(crate::db::text::to_json(&t.questions)?),
                st::created_at.eq(Utc::now().naive_utc()),
            ))
            .execute(conn);
        match inserted {
            Ok(_) | Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_standard_templates_pass_their_own_checks() {
        for t in super::templates() {
            assert_eq!(super::super::questions::check_questions(&t.questions), Ok(()), "{}", t.code);
        }
    }
}
