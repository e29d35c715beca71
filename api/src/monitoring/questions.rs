//! Questions of a survey template and the answers they accept: pure checks, so that a template
//! is refused before it is saved and an answer before it is written.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Open text.
    Text,
    /// One of the options.
    Single,
    /// Any of the options.
    Multiple,
    /// A whole number from `min` to `max` (1–5, 1–10).
    Scale,
    /// Any number, within `min`/`max` when given.
    Number,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Question {
    /// Stable across versions: analytics group answers by it.
    pub code: String,
    pub text: String,
    pub kind: QuestionKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// A "reality" question names the "expectation" question it answers (phase 1's gap).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expectation_of: Option<String>,
    /// The phase-2 parameter a scale question measures (engagement, self_esteem, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
    #[serde(default)]
    pub required: bool,
}

/// Why a template's questions are refused: the field and what is wrong.
pub type Refusal = (String, String);

fn code_ok(code: &str) -> bool {
    (1..=40).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks a template's questions as a whole.
pub fn check_questions(questions: &[Question]) -> Result<(), Refusal> {
    if questions.is_empty() || questions.len() > 100 {
        return Err(("questions".into(), "1 to 100 questions".into()));
    }
    let mut codes = HashSet::new();
    for (i, q) in questions.iter().enumerate() {
        let at = |f: &str| format!("questions[{i}].{f}");
        if !code_ok(&q.code) {
            return Err((at("code"), "1–40 of a-z, 0-9 and _".into()));
        }
        if !codes.insert(q.code.as_str()) {
            return Err((at("code"), "used twice".into()));
        }
        if q.text.trim().is_empty() || q.text.chars().count() > 1000 {
            return Err((at("text"), "1–1000 characters".into()));
        }
        match q.kind {
            QuestionKind::Single | QuestionKind::Multiple => {
                if !(2..=20).contains(&q.options.len()) || q.options.iter().any(|o| o.trim().is_empty()) {
                    return Err((at("options"), "2 to 20 non-empty options".into()));
                }
            }
            QuestionKind::Scale => match (q.min, q.max) {
                (Some(lo), Some(hi)) if lo.fract() == 0.0 && hi.fract() == 0.0 && lo >= 0.0 && hi <= 10.0 && lo < hi => {}
                _ => return Err((at("max"), "a scale runs between whole numbers 0–10, min below max".into())),
            },
            QuestionKind::Number => {
                if let (Some(lo), Some(hi)) = (q.min, q.max)
                    && lo > hi
                {
                    return Err((at("max"), "max is not below min".into()));
                }
            }
            QuestionKind::Text => {}
        }
        if q.parameter.is_some() && !matches!(q.kind, QuestionKind::Scale | QuestionKind::Number) {
            return Err((at("parameter"), "only a scale or a number measures a parameter".into()));
        }
        if let Some(p) = &q.parameter
            && !code_ok(p)
        {
            return Err((at("parameter"), "1–40 of a-z, 0-9 and _".into()));
        }
    }
    for (i, q) in questions.iter().enumerate() {
        if let Some(of) = &q.expectation_of {
            let paired = questions.iter().find(|x| &x.code == of);
            if paired.is_none_or(|p| p.kind != QuestionKind::Scale || q.kind != QuestionKind::Scale || p.code == q.code) {
                return Err((format!("questions[{i}].expectation_of"), "names another scale question of the template".into()));
            }
        }
    }
    Ok(())
}

/// Checks one answer against its question; `Err` says what is wrong, for the field `answers.{code}`.
pub fn check_answer(q: &Question, value: &Value) -> Result<(), String> {
    let in_range = |x: f64| q.min.is_none_or(|lo| x >= lo) && q.max.is_none_or(|hi| x <= hi);
    match q.kind {
        QuestionKind::Text => match value.as_str() {
            Some(s) if s.chars().count() <= 4000 => Ok(()),
            Some(_) => Err("at most 4000 characters".into()),
            None => Err("a text".into()),
        },
        QuestionKind::Single => match value.as_str() {
            Some(s) if q.options.iter().any(|o| o == s) => Ok(()),
            _ => Err("one of the options".into()),
        },
        QuestionKind::Multiple => match value.as_array() {
            Some(items) => {
                let mut seen = HashSet::new();
                let ok = items.iter().all(|v| v.as_str().is_some_and(|s| q.options.iter().any(|o| o == s) && seen.insert(s)));
                if ok { Ok(()) } else { Err("options of the question, each once".into()) }
            }
            None => Err("a list of options".into()),
        },
        QuestionKind::Scale => match value.as_f64() {
            Some(x) if x.fract() == 0.0 && in_range(x) => Ok(()),
            _ => Err(format!("a whole number from {} to {}", q.min.unwrap_or(0.0), q.max.unwrap_or(10.0))),
        },
        QuestionKind::Number => match value.as_f64() {
            Some(x) if x.is_finite() && in_range(x) => Ok(()),
            _ => Err("a number within the question's range".into()),
        },
    }
}

/// Checks a set of answers (by question code); `null` clears an answer. Returns the field and
/// message of the first problem.
pub fn check_answers(questions: &[Question], answers: &BTreeMap<String, Value>) -> Result<(), Refusal> {
    for (code, value) in answers {
        let field = format!("answers.{code}");
        let q = questions.iter().find(|q| &q.code == code).ok_or_else(|| (field.clone(), "no such question".to_owned()))?;
        if !value.is_null() {
            check_answer(q, value).map_err(|m| (field, m))?;
        }
    }
    Ok(())
}

/// Required questions left unanswered, which stop a submission.
pub fn missing_required(questions: &[Question], answers: &BTreeMap<String, Value>) -> Option<String> {
    questions.iter().find(|q| q.required && answers.get(&q.code).is_none_or(Value::is_null)).map(|q| q.code.clone())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn scale(code: &str) -> Question {
        Question { code: code.into(), text: "Оцените".into(), kind: QuestionKind::Scale, options: vec![], min: Some(1.0), max: Some(5.0), expectation_of: None, parameter: None, required: true }
    }

    #[test]
    fn templates_are_checked_whole() {
        assert!(check_questions(&[scale("a"), scale("b")]).is_ok());
        assert_eq!(check_questions(&[scale("a"), scale("a")]).map_err(|e| e.0), Err("questions[1].code".into()));
        let mut wide = scale("a");
        wide.max = Some(100.0);
        assert!(check_questions(&[wide]).is_err());
        let mut reality = scale("reality");
        reality.expectation_of = Some("expected".into());
        assert!(check_questions(&[scale("expected"), reality.clone()]).is_ok());
        assert!(check_questions(&[reality]).is_err(), "the expectation must exist");
        let single = Question { kind: QuestionKind::Single, options: vec!["да".into()], ..scale("s") };
        assert!(check_questions(&[single]).is_err(), "one option is no choice");
    }

    #[test]
    fn answers_are_checked_by_kind() {
        let q = scale("a");
        assert!(check_answer(&q, &json!(5)).is_ok());
        assert!(check_answer(&q, &json!(6)).is_err());
        assert!(check_answer(&q, &json!(2.5)).is_err());
        assert!(check_answer(&q, &json!("5")).is_err());
        let multi = Question { kind: QuestionKind::Multiple, options: vec!["спорт".into(), "музыка".into()], min: None, max: None, ..scale("m") };
        assert!(check_answer(&multi, &json!(["спорт"])).is_ok());
        assert!(check_answer(&multi, &json!(["спорт", "спорт"])).is_err());
        assert!(check_answer(&multi, &json!(["танцы"])).is_err());
        let answers: BTreeMap<String, Value> = [("zz".to_owned(), json!(1))].into();
        assert_eq!(check_answers(std::slice::from_ref(&q), &answers).map_err(|e| e.0), Err("answers.zz".into()));
        assert_eq!(missing_required(&[q], &BTreeMap::new()), Some("a".into()));
    }
}
