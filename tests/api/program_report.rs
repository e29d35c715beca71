use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

use crate::meetings::hold_sequence;
use crate::pairs::{base, make_pair, mentee, mentor, sign_order_on};
use crate::participants::{consent, student};

on_both!(the_report_counts_the_programme_and_prints_in_russian, completing_the_programme_needs_exit_monitoring_and_freezes_the_report,);

fn line(list: &Value, key: &str) -> Option<i64> {
    list.as_array()?.iter().find(|l| l["key"] == key)?["count"].as_i64()
}

async fn the_report_counts_the_programme_and_prints_in_russian(app: TestApp) {
    let b = base(&app, &[mentor(10, 1), mentor(11, 1)], &[mentee(6), mentee(7), mentee(7)]).await;
    let pair = make_pair(&app, &b, b.mentors[0], &[b.mentees[0]]).await.id();
    make_pair(&app, &b, b.mentors[1], &[b.mentees[1]]).await;
    sign_order_on(&app, &b, "7-о", "2026-11-01", &[pair]).await;
    hold_sequence(&app, &b.curator, pair).await;
    let current = app.get(&format!("pairs/{pair}"), &b.curator).await;
    let etag = current.body["etag"].as_str().unwrap_or("").to_owned();
    let missing = app.send(Method::POST, &format!("pairs/{pair}/complete"), Some(&b.curator), Some(json!({"summary": "Готово"})), &[("If-Match", &etag)]).await;
    assert_eq!(missing.status, 422, "the result is required: {}", missing.body);
    let done = app.send(Method::POST, &format!("pairs/{pair}/complete"), Some(&b.curator), Some(json!({"outcome": "mostly", "summary": "Оценка по математике — 4"})), &[("If-Match", &etag)]).await;
    assert_eq!((done.status.as_u16(), done.body["outcome"].as_str(), done.body["summary"].as_str()), (200, Some("mostly"), Some("Оценка по математике — 4")), "{}", done.body);

    let roadmap = app.get(&format!("programs/{}/roadmap", b.programme), &b.curator).await;
    let gate = |stage: usize, code: &str| roadmap.body["stages"][stage]["gate"]["checks"].as_array().and_then(|c| c.iter().find(|c| c["code"] == code)).map(|c| c["status"].clone()).unwrap_or_default();
    assert_eq!((gate(5, "meetings_held"), gate(6, "pairs_completed"), gate(6, "exit_monitoring")), (json!("met"), json!("met"), json!("unmet")), "the data proves stages 6 and 7");

    let report = app.get(&format!("programs/{}/report", b.programme), &b.curator).await;
    assert_eq!(report.status, 200, "{}", report.body);
    let r = &report.body;
    assert_eq!((r["schema_version"].as_i64(), r["program"]["title"].as_str(), r["frozen_at"].is_null(), r["suppressed"].as_bool()), (Some(1), Some("Пары"), true, Some(false)));
    assert_eq!((r["bases"]["mentees"]["total"].as_i64(), r["bases"]["mentors"]["total"].as_i64(), r["bases"]["mentors_trained"].as_i64()), (Some(3), Some(2), Some(2)));
    assert_eq!((line(&r["pairs"]["by_status"], "completed"), line(&r["pairs"]["by_status"], "proposed"), r["pairs"]["total"].as_i64()), (Some(1), Some(1), Some(2)));
    assert_eq!((line(&r["pairs"]["by_form"], "student_student"), line(&r["pairs"]["by_outcome"], "mostly")), (Some(1), Some(1)), "a proposal is not yet a working pair");
    assert_eq!((r["meetings"]["held"].as_i64(), line(&r["meetings"]["held_by_kind"], "final")), (Some(5), Some(1)));
    assert_eq!(r["roadmap"]["stages"].as_array().map(Vec::len), Some(7));
    assert!(r["roadmap"]["overall"]["total"].as_i64().unwrap_or(0) > 0);

    // Seen from the institute, counts of fewer than 5 children are withheld.
    let iro = app.login("iro").await;
    let outside = app.get(&format!("programs/{}/report", b.programme), &iro).await;
    assert_eq!(outside.status, 200, "{}", outside.body);
    assert_eq!((outside.body["bases"]["mentees"]["total"].is_null(), outside.body["suppressed"].as_bool(), outside.body["meetings"]["held"].as_i64()), (true, Some(true), Some(5)), "{}", outside.body["bases"]);
    let flat = outside.body.to_string();
    assert!(!flat.contains("Учеников") && !flat.contains("Наставников"), "the report names no one");

    let csv = reqwest::Client::new().get(app.url(&format!("programs/{}/report?format=csv", b.programme))).bearer_auth(&b.curator).send().await.expect("csv");
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let text = csv.text().await.expect("text");
    assert!(text.starts_with("\u{feff}Раздел;Показатель;Значение\n"), "{}", &text[..80.min(text.len())]);
    assert!(text.contains("Пары и группы;Итог: в основном достигнуты;1"), "{text}");
    assert!(text.contains("Встречи;Всего проведено;5"), "{text}");
    let xlsx = reqwest::Client::new().get(app.url(&format!("programs/{}/report?format=xlsx", b.programme))).bearer_auth(&b.curator).send().await.expect("xlsx");
    assert_eq!(xlsx.status(), 200);
    assert!(xlsx.bytes().await.expect("bytes").starts_with(b"PK"), "a workbook is a zip");
    assert_eq!(app.get(&format!("programs/{}/report?format=pdf", b.programme), &b.curator).await.body["errors"][0]["field"], "format");
    let (_, _, foreign_school) = app.foreign_tree(&app.login("admin").await).await;
    let foreign = app.post(&format!("schools/{foreign_school}/programs"), &app.login("admin").await, json!({"title": "Чужая", "academic_year": "2026/2027", "forms": ["student_student"]})).await;
    assert_eq!(app.get(&format!("programs/{}/report", foreign.id()), &b.curator).await.status, 404, "another school's report does not exist for the curator");
}

async fn completing_the_programme_needs_exit_monitoring_and_freezes_the_report(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let path = format!("programs/{}", b.programme);
    assert_eq!(app.patch(&path, &b.curator, json!({"status": "active"})).await.status, 200);
    let early = app.patch(&path, &b.curator, json!({"status": "completed"})).await;
    assert_eq!((early.status.as_u16(), early.code().as_str()), (409, "exit_monitoring_missing"), "{}", early.body);
    assert_eq!((app.get(&path, &b.curator).await.body["status"].as_str(), app.count("program_reports")), (Some("active"), 0), "nothing changed");

    let child = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await.body["items"][0]["participant_id"].as_i64().unwrap_or(0);
    let items = json!({"items": [{"participant_id": child, "parameter": "average_grade", "phase": "entry", "value": 3.4}, {"participant_id": child, "parameter": "average_grade", "phase": "exit", "value": 3.9}]});
    assert_eq!(app.post(&format!("programs/{}/measurements", b.programme), &b.curator, items).await.status, 200);
    let completed = app.patch(&path, &b.curator, json!({"status": "completed"})).await;
    assert_eq!(completed.body["status"], "completed", "{}", completed.body);
    let frozen = app.get(&format!("programs/{}/report", b.programme), &b.curator).await;
    assert_eq!((frozen.body["frozen_at"].is_string(), frozen.body["program"]["status"].as_str()), (true, Some("completed")), "{}", frozen.body);
    assert_eq!(frozen.body["monitoring"]["impact"][0]["n"], 1);
    assert_eq!(frozen.body["bases"]["mentees"]["by_status"][0]["key"], "in_base");

    // A withdrawn consent changes the base today; the report handed on stays what it was.
    let consents = app.get(&format!("participants/{child}/consents"), &b.curator).await;
    assert_eq!(app.post(&format!("consents/{}/withdraw", consents.body["items"][0]["id"]), &b.curator, json!({})).await.status, 200);
    let later = app.get(&format!("programs/{}/report", b.programme), &b.curator).await;
    assert_eq!((later.body["bases"]["mentees"]["by_status"].clone(), later.body["frozen_at"].clone()), (frozen.body["bases"]["mentees"]["by_status"].clone(), frozen.body["frozen_at"].clone()));
}

/// Exit monitoring for a programme that has none: one child enrolled and measured at exit, so that
/// the programme may complete.
pub async fn measure_exit(app: &TestApp, token: &str, school: i64, programme: i64) {
    let child = student(app, token, school, "Выходов", "Пётр", json!({})).await["id"].as_i64().unwrap_or(0);
    consent(app, token, child).await;
    let enrolment = json!({"participant_id": child, "mentee_type": "passive", "categories": ["poor_results"], "request_text": "Запрос", "request_tags": ["academic_results"], "status": "in_base"});
    assert_eq!(app.post(&format!("programs/{programme}/mentees"), token, enrolment).await.status, 201);
    let exit = json!({"items": [{"participant_id": child, "parameter": "average_grade", "phase": "exit", "value": 4.0}]});
    assert_eq!(app.post(&format!("programs/{programme}/measurements"), token, exit).await.status, 200);
}
