use chrono::{Duration, Utc};
use nastavnik_tests::{TestApp, on_both};
use serde_json::{Value, json};

use crate::pairs::{base, mentee, mentor};

on_both!(
    templates_are_standard_regional_and_versioned,
    a_child_answers_through_a_one_time_link,
);

fn days(n: i64) -> String {
    (Utc::now() + Duration::days(n)).format("%Y-%m-%d").to_string()
}

async fn template_id(app: &TestApp, token: &str, school: i64, code: &str) -> i64 {
    let list = app.get(&format!("organizations/{school}/survey-templates"), token).await;
    list.body["items"].as_array().and_then(|t| t.iter().find(|t| t["code"] == code)).and_then(|t| t["id"].as_i64()).unwrap_or(0)
}

fn own_template(code: &str) -> Value {
    json!({"code": code, "title": "Анкета клуба", "purpose": "quality", "audience": "mentee",
           "questions": [{"code": "satisfaction", "text": "Насколько вы довольны?", "kind": "scale", "min": 1, "max": 5, "required": true}]})
}

async fn templates_are_standard_regional_and_versioned(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let admin = app.login("admin").await;
    let (_, institute, _) = app.demo_tree(&admin).await;
    let standard = app.get(&format!("organizations/{}/survey-templates", b.school), &b.curator).await;
    let codes: Vec<&str> = standard.body["items"].as_array().map(|t| t.iter().filter_map(|t| t["code"].as_str()).collect()).unwrap_or_default();
    for code in ["quality_mentee", "quality_mentor", "quality_curator", "impact_mentee"] {
        assert!(codes.contains(&code), "{code} ships with the system: {codes:?}");
    }
    // The institute publishes for its region; the school sees it.
    let iro = app.login("iro").await;
    let regional = app.post(&format!("organizations/{institute}/survey-templates"), &iro, own_template("regional_club")).await;
    assert_eq!(regional.status, 201, "{}", regional.body);
    assert_ne!(template_id(&app, &b.curator, b.school, "regional_club").await, 0);
    let mut twice = own_template("broken");
    twice["questions"] = json!([{"code": "a", "text": "?", "kind": "scale", "min": 1, "max": 5}, {"code": "a", "text": "?", "kind": "text"}]);
    let broken = app.post(&format!("organizations/{}/survey-templates", b.school), &b.curator, twice).await;
    assert_eq!((broken.status.as_u16(), broken.body["errors"][0]["field"].as_str()), (422, Some("questions[1].code")));

    let own = app.post(&format!("organizations/{}/survey-templates", b.school), &b.curator, own_template("club")).await;
    let path = format!("survey-templates/{}", own.id());
    let edit = json!({"questions": [{"code": "satisfaction", "text": "Довольны ли вы клубом?", "kind": "scale", "min": 1, "max": 10, "required": true}]});
    assert_eq!(app.put(&path, &b.curator, edit.clone()).await.status, 200, "unused: edited in place");
    let survey = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": own.id(), "phase": "quality", "opens_on": days(-1), "closes_on": days(14)})).await;
    assert_eq!(survey.status, 201, "{}", survey.body);
    let in_use = app.put(&path, &b.curator, edit.clone()).await;
    assert_eq!((in_use.status.as_u16(), in_use.code().as_str()), (409, "template_in_use"), "never changed under a running survey");
    let v2 = app.post(&format!("{path}/versions"), &b.curator, edit).await;
    assert_eq!((v2.status.as_u16(), v2.body["version"].as_i64(), v2.body["code"].as_str()), (201, Some(2), Some("club")), "{}", v2.body);
    let mismatch = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": own.id(), "phase": "entry", "opens_on": days(0), "closes_on": days(7)})).await;
    assert_eq!(mismatch.code(), "template_phase_mismatch");
    let standard_edit = app.put(&format!("survey-templates/{}", template_id(&app, &b.curator, b.school, "impact_mentee").await), &b.curator, json!({"questions": []})).await;
    assert_eq!(standard_edit.status, 403, "the standard templates do not change");
}

async fn a_child_answers_through_a_one_time_link(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let impact = template_id(&app, &b.curator, b.school, "impact_mentee").await;
    let survey = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": impact, "phase": "entry", "opens_on": days(-2), "closes_on": days(14)})).await;
    assert_eq!((survey.status.as_u16(), survey.body["open"].as_bool()), (201, Some(true)), "{}", survey.body);
    let child = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await.body["items"][0]["participant_id"].as_i64().unwrap_or(0);
    let issued = app.post(&format!("surveys/{}/invitations", survey.id()), &b.curator, json!({"participant_ids": [child]})).await;
    assert_eq!(issued.status, 201, "{}", issued.body);
    assert_eq!(issued.body["items"][0]["name"], "Учеников Иван0", "the printed sheet names the child");
    let url = issued.body["items"][0]["url"].as_str().unwrap_or("").to_owned();
    let token = url.rsplit('/').next().unwrap_or("").to_owned();
    let public = format!("public/surveys/{token}");
    let client = reqwest::Client::new();
    let read = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move { nastavnik_tests::TestApp::read(client.get(url).send().await.expect("get")).await }
    };
    let put = |path: String, body: Value| {
        let client = client.clone();
        let url = app.url(&path);
        async move { nastavnik_tests::TestApp::read(client.put(url).json(&body).send().await.expect("put")).await }
    };
    let page = read(public.clone()).await;
    assert_eq!((page.status.as_u16(), page.body["questions"].as_array().map(Vec::len)), (200, Some(5)), "no login needed: {}", page.body);
    assert!(!page.body.to_string().contains("Учеников"), "the public page names no one");
    let partial = put(public.clone(), json!({"answers": {"engagement": 7}})).await;
    assert_eq!((partial.status.as_u16(), partial.body["answers"]["engagement"].as_i64()), (200, Some(7)), "{}", partial.body);
    for (bad, field) in [(json!({"answers": {"activity": "много"}}), "answers.activity"), (json!({"answers": {"activity": 11}}), "answers.activity"), (json!({"answers": {"nonsense": 1}}), "answers.nonsense")] {
        let refused = put(public.clone(), bad).await;
        assert_eq!((refused.status.as_u16(), refused.body["errors"][0]["field"].as_str()), (422, Some(field)), "{}", refused.body);
    }
    let early = put(public.clone(), json!({"answers": {"activity": 5}, "submit": true})).await;
    assert_eq!((early.code().as_str(), early.body["errors"][0]["field"].as_str()), ("answer_required", Some("answers.self_esteem")));
    let resumed = read(public.clone()).await;
    assert_eq!((resumed.body["answers"]["engagement"].as_i64(), resumed.body["answers"]["activity"].is_null()), (Some(7), true), "saved as they go, nothing of the refused submission");
    let done = put(public.clone(), json!({"answers": {"activity": 5, "self_esteem": 6, "anxiety": 4, "motivation": 8}, "submit": true})).await;
    assert_eq!((done.status.as_u16(), done.body["submitted"].as_bool()), (200, Some(true)), "{}", done.body);
    assert_eq!(put(public.clone(), json!({"answers": {"activity": 1}})).await.code(), "invitation_used");
    assert_eq!(read("public/surveys/nsrv_forged".into()).await.status, 404);

    let rate = app.get(&format!("surveys/{}", survey.id()), &b.curator).await;
    assert_eq!((rate.body["counts"]["submitted"].as_i64(), rate.body["counts"]["response_rate"].as_f64()), (Some(1), Some(1.0)));
    let states = app.get(&format!("surveys/{}/invitations", survey.id()), &b.curator).await;
    assert_eq!(states.body["items"][0]["status"], "submitted");
    let spare = app.post(&format!("surveys/{}/invitations", survey.id()), &b.curator, json!({"count": 1})).await;
    let spare_token = spare.body["items"][0]["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
    assert_eq!(app.post(&format!("surveys/{}/close", survey.id()), &b.curator, json!({})).await.status, 200);
    let late = put(format!("public/surveys/{spare_token}"), json!({"answers": {"engagement": 3}})).await;
    assert_eq!(late.code(), "survey_closed");
    assert_eq!(app.post(&format!("surveys/{}/invitations", survey.id()), &b.curator, json!({"count": 1})).await.code(), "survey_closed");
    assert_eq!(app.count("survey_responses"), 1, "nothing written by the refusals");
}
