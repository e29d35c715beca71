use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

use crate::participants::{consent, student};

on_both!(
    a_minor_enters_a_base_only_with_consent,
    mentee_status_follows_the_model,
    mentors_enter_the_base_after_the_interview,
    the_request_map_sets_demand_beside_supply,
    sensitive_categories_follow_the_role,
);

async fn setup(app: &TestApp) -> (String, i64, i64) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let programme = app.post(&format!("schools/{school}/programs"), &curator, json!({"title": "Базы", "academic_year": "2027/2028", "forms": ["student_student"]})).await;
    (curator, school, programme.id())
}

async fn patch(app: &TestApp, token: &str, path: &str, current: &Value, body: Value) -> nastavnik_tests::Answer {
    let etag = current["etag"].as_str().unwrap_or("").to_owned();
    app.send(Method::PATCH, path, Some(token), Some(body), &[("If-Match", &etag)]).await
}

async fn a_minor_enters_a_base_only_with_consent(app: TestApp) {
    let (curator, school, programme) = setup(&app).await;
    let child = student(&app, &curator, school, "Кузнецов", "Артём", json!({})).await;
    let id = child["id"].as_i64().unwrap_or(0);
    let body = json!({"participant_id": id, "mentee_type": "passive", "categories": ["poor_results"], "request_text": "Математика", "request_tags": ["academic_results"]});
    let refused = app.post(&format!("programs/{programme}/mentees"), &curator, body.clone()).await;
    assert_eq!((refused.status.as_u16(), refused.code().as_str()), (409, "consent_required"));
    let as_mentor = app.post(&format!("programs/{programme}/mentors"), &curator, json!({"participant_id": id})).await;
    assert_eq!(as_mentor.code(), "consent_required");
    assert_eq!(app.count("program_mentees"), 0);
    consent(&app, &curator, id).await;
    let gate = |roadmap: &nastavnik_tests::Answer, stage: usize| roadmap.body["stages"][stage - 1]["gate"]["checks"][0]["status"].clone();
    assert_eq!(gate(&app.get(&format!("programs/{programme}/roadmap"), &curator).await, 2), "unmet");
    let enrolled = app.post(&format!("programs/{programme}/mentees"), &curator, body.clone()).await;
    assert_eq!(enrolled.status, 201, "{}", enrolled.body);
    assert_eq!(gate(&app.get(&format!("programs/{programme}/roadmap"), &curator).await, 2), "met", "the base proves stage 2");
    assert_eq!((enrolled.body["name"].as_str(), enrolled.body["status"].as_str()), (Some("Кузнецов Артём"), Some("candidate")));
    assert_eq!(app.post(&format!("programs/{programme}/mentees"), &curator, body).await.code(), "already_enrolled");
    // An adult needs no consent record to enter.
    let teacher = app.post(&format!("schools/{school}/participants"), &curator, json!({"kind": "teacher", "last_name": "Сидорова", "first_name": "Нина", "birth_year": 1975})).await;
    assert_eq!(app.post(&format!("programs/{programme}/mentors"), &curator, json!({"participant_id": teacher.id(), "competencies": ["teaching_methods"]})).await.status, 201);
    let unknown_tag = app.post(&format!("programs/{programme}/mentees"), &curator, json!({"participant_id": teacher.id(), "mentee_type": "active", "request_tags": ["quantum_physics"]})).await;
    assert_eq!(unknown_tag.body["errors"][0]["field"], "request_tags[0]");
}

async fn mentee_status_follows_the_model(app: TestApp) {
    let (curator, school, programme) = setup(&app).await;
    let child = student(&app, &curator, school, "Фомин", "Глеб", json!({})).await;
    let id = child["id"].as_i64().unwrap_or(0);
    let consent = consent(&app, &curator, id).await;
    let m = app.post(&format!("programs/{programme}/mentees"), &curator, json!({"participant_id": id, "mentee_type": "active"})).await.body;
    let path = format!("program-mentees/{}", m["id"]);
    let jump = patch(&app, &curator, &path, &m, json!({"status": "completed"})).await;
    assert_eq!(jump.code(), "invalid_transition");
    let in_base = patch(&app, &curator, &path, &m, json!({"status": "in_base", "request_tags": ["leadership"]})).await;
    assert_eq!((in_base.status.as_u16(), in_base.body["status"].as_str()), (200, Some("in_base")));
    let stale = patch(&app, &curator, &path, &m, json!({"status": "withdrawn"})).await;
    assert_eq!(stale.status, 412);
    // Withdrawing the consent takes the child out of the base and erases the request text.
    app.post(&format!("consents/{}/withdraw", consent["id"]), &curator, json!({})).await;
    let list = app.get(&format!("programs/{programme}/mentees"), &curator).await;
    let row = &list.body["items"][0];
    assert_eq!((row["status"].as_str(), row["name"].is_null()), (Some("withdrawn"), true));
    let back = patch(&app, &curator, &path, row, json!({"status": "candidate"})).await;
    assert_eq!(back.code(), "participant_erased");
}

async fn mentors_enter_the_base_after_the_interview(app: TestApp) {
    let (curator, school, programme) = setup(&app).await;
    let alumnus = app.post(&format!("schools/{school}/participants"), &curator, json!({"kind": "alumnus", "last_name": "Гришин", "first_name": "Павел", "birth_year": 1999})).await;
    let m = app.post(&format!("programs/{programme}/mentors"), &curator, json!({"participant_id": alumnus.id(), "competencies": ["career_guidance"], "capacity": 3, "application_received_on": "2027-09-10"})).await;
    assert_eq!(m.status, 201, "{}", m.body);
    assert_eq!((m.body["contour"].as_str(), m.body["source"].as_str(), m.body["ready"].as_bool()), (Some("external"), Some("alumnus"), Some(false)));
    let path = format!("program-mentors/{}", m.id());
    let early = patch(&app, &curator, &path, &m.body, json!({"status": "in_base"})).await;
    assert_eq!((early.status.as_u16(), early.code().as_str()), (409, "selection_incomplete"));
    let interviewed = patch(&app, &curator, &path, &m.body, json!({"interview_on": "2027-10-01", "interview_outcome": "passed", "interview_notes": "Мотивирован", "status": "in_base"})).await;
    assert_eq!(interviewed.status, 200, "{}", interviewed.body);
    let trained = patch(&app, &curator, &path, &interviewed.body, json!({"training_status": "completed"})).await;
    assert_eq!((trained.body["ready"].as_bool(), trained.body["training_completed_on"].is_string()), (Some(true), true));
    let too_big = patch(&app, &curator, &path, &trained.body, json!({"capacity": 99})).await;
    assert_eq!(too_big.body["errors"][0]["field"], "capacity");
}

async fn the_request_map_sets_demand_beside_supply(app: TestApp) {
    let (curator, school, programme) = setup(&app).await;
    let added = app.post(&format!("schools/{school}/request-tags"), &curator, json!({"code": "robotics", "label": "Робототехника"})).await;
    assert_eq!(added.status, 201);
    assert_eq!(app.post(&format!("schools/{school}/request-tags"), &curator, json!({"code": "robotics", "label": "x"})).await.code(), "tag_exists");
    for (i, tags) in [vec!["robotics"], vec!["robotics", "olympiads"], vec![]].into_iter().enumerate() {
        let child = student(&app, &curator, school, &format!("Ученик{i}"), "Тест", json!({})).await;
        let id = child["id"].as_i64().unwrap_or(0);
        consent(&app, &curator, id).await;
        let a = app.post(&format!("programs/{programme}/mentees"), &curator, json!({"participant_id": id, "mentee_type": "active", "request_tags": tags})).await;
        assert_eq!(a.status, 201, "{}", a.body);
    }
    let teacher = app.post(&format!("schools/{school}/participants"), &curator, json!({"kind": "teacher", "last_name": "Олимпиадова", "first_name": "Ирина", "birth_year": 1985})).await;
    app.post(&format!("programs/{programme}/mentors"), &curator, json!({"participant_id": teacher.id(), "competencies": ["olympiads"], "capacity": 4})).await;
    let map = app.get(&format!("programs/{programme}/request-map"), &curator).await;
    assert_eq!(map.status, 200, "{}", map.body);
    let rows: Vec<(String, i64, i64, i64)> = map.body["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| (r["tag"].as_str().unwrap_or("").to_owned(), r["mentees"].as_i64().unwrap_or(0), r["capacity"].as_i64().unwrap_or(0), r["gap"].as_i64().unwrap_or(0)))
        .collect();
    assert_eq!(rows, vec![("robotics".into(), 2, 0, 2), ("olympiads".into(), 1, 4, -3)]);
    assert_eq!(map.body["untagged_mentees"], 1);
    assert_eq!(map.body["rows"][1]["mentors"][0]["name"], "Олимпиадова Ирина");
}

async fn sensitive_categories_follow_the_role(app: TestApp) {
    let (curator, school, programme) = setup(&app).await;
    let child = student(&app, &curator, school, "Тихонов", "Лев", json!({"sensitive": {"difficult_life_situation": true}})).await;
    let id = child["id"].as_i64().unwrap_or(0);
    consent(&app, &curator, id).await;
    let sneaky = app.post(&format!("programs/{programme}/mentees"), &curator, json!({"participant_id": id, "mentee_type": "passive", "categories": ["disability"]})).await;
    assert_eq!(sneaky.body["errors"][0]["field"], "categories[0]");
    let m = app.post(&format!("programs/{programme}/mentees"), &curator, json!({"participant_id": id, "mentee_type": "passive", "categories": ["not_engaged"]})).await;
    assert_eq!(m.body["categories"], json!(["not_engaged", "difficult_life_situation"]));
    let coordinator = app.login("coordinator").await;
    let seen = app.get(&format!("programs/{programme}/mentees"), &coordinator).await;
    assert_eq!(seen.body["items"][0]["categories"], json!(["not_engaged"]));
}

mod the_demo_bases_show_the_consent_rule {
    #[tokio::test]
    async fn on_sqlite() {
        super::demo_bases(nastavnik_tests::spawn_app(nastavnik_tests::Backend::Sqlite).await).await
    }
    #[tokio::test]
    async fn on_postgres() {
        super::demo_bases(nastavnik_tests::spawn_app(nastavnik_tests::Backend::Postgres).await).await
    }
}

/// The full demo, as `make run` loads it on top of what the tests start from.
async fn demo_bases(app: TestApp) {
    let mut conn = app.db.get().expect("connection");
    nastavnik::demo::load(&mut conn).expect("full demo");
    nastavnik::demo::load(&mut conn).expect("loading twice changes nothing");
    drop(conn);
    assert!(app.count("participants") >= 350);
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let without = app.get(&format!("schools/{school}/participants?kind=student&consent=false&limit=500"), &curator).await;
    let missing = without.body["items"].as_array().map(Vec::len).unwrap_or(0);
    assert!((20..=40).contains(&missing), "{missing} students without consent");
    let programme = app.get(&format!("schools/{school}/programs?status=active"), &curator).await.body["items"][0]["id"].as_i64().expect("demo programme");
    let mentors = app.get(&format!("programs/{programme}/mentors?limit=500"), &curator).await;
    let steps: std::collections::HashSet<String> =
        mentors.body["items"].as_array().expect("items").iter().map(|m| format!("{}/{}", m["interview_outcome"], m["training_status"])).collect();
    assert!(steps.len() >= 5, "mentors at every selection step: {steps:?}");
    let map = app.get(&format!("programs/{programme}/request-map"), &curator).await;
    assert!(map.body["rows"].as_array().is_some_and(|r| r.len() >= 5), "{}", map.body);
    let roadmap = app.get(&format!("programs/{programme}/roadmap"), &curator).await;
    for stage in 2..=4 {
        assert_eq!(roadmap.body["stages"][stage - 1]["gate"]["checks"][0]["status"], "met", "stage {stage}: {}", roadmap.body["stages"][stage - 1]["gate"]);
    }
}
