use nastavnik_tests::{Answer, TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

on_both!(
    completing_an_activity_moves_progress,
    kept_progress_follows_every_change_of_the_roadmap,
    overdue_is_measured_in_the_school_time_zone,
    gates_report_what_the_data_proves,
    activity_changes_follow_the_rules_and_refusals_change_nothing,
    stale_if_match_loses_to_the_first_edit,
    media_plan_items_are_published_with_their_link,
);

async fn patch_activity(app: &TestApp, token: &str, activity: &Value, body: Value) -> Answer {
    let etag = activity["etag"].as_str().unwrap_or("").to_owned();
    app.send(Method::PATCH, &format!("roadmap-activities/{}", activity["id"]), Some(token), Some(body), &[("If-Match", &etag)]).await
}

/// A programme and its school's list count the roadmap's progress apart from the roadmap itself
/// (in the database): all three must say the same, overdue work included.
async fn assert_progress_agrees(app: &TestApp, token: &str, id: i64) {
    let roadmap = app.get(&format!("programs/{id}/roadmap"), token).await;
    let programme = app.get(&format!("programs/{id}"), token).await;
    assert_eq!(programme.body["progress"], roadmap.body["progress"], "the programme");
    let list = app.get(&format!("schools/{}/programs?limit=100", programme.body["school_id"]), token).await;
    let listed = list.body["items"].as_array().expect("items").iter().find(|p| p["id"] == id).cloned().expect("listed");
    assert_eq!(listed["progress"], roadmap.body["progress"], "the school's list");
}

async fn new_programme(app: &TestApp, token: &str) -> i64 {
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let a = app.post(&format!("schools/{school}/programs"), token, json!({"title": "Дорожная карта", "academic_year": "2027/2028", "forms": ["student_student"]})).await;
    assert_eq!(a.status, 201, "{}", a.body);
    a.id()
}

/// A programme's progress as its school's list shows it, which must be what the programme shows.
async fn listed(app: &TestApp, token: &str, id: i64) -> Value {
    let programme = app.get(&format!("programs/{id}"), token).await;
    let list = app.get(&format!("schools/{}/programs?limit=100", programme.body["school_id"]), token).await;
    let item = list.body["items"].as_array().expect("items").iter().find(|p| p["id"] == id).cloned().expect("listed");
    assert_eq!(item["progress"], programme.body["progress"], "the list and the programme");
    item["progress"].clone()
}

/// The server keeps a programme's progress between reads (programs/kept_progress.rs): a change
/// through the API, and one made in the database behind its back, both show at once.
async fn kept_progress_follows_every_change_of_the_roadmap(app: TestApp) {
    let curator = app.login("curator").await;
    let id = new_programme(&app, &curator).await;
    let before = listed(&app, &curator, id).await;
    assert_eq!(listed(&app, &curator, id).await, before, "read twice, the same");
    let act = app.first_activity(&curator, id, 1).await;
    let done = patch_activity(&app, &curator, &act, json!({"status": "done"})).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let after_api = listed(&app, &curator, id).await;
    assert_eq!(after_api["done"], before["done"].as_i64().expect("done") + 1, "{after_api}");
    assert_progress_agrees(&app, &curator, id).await;

    let cancelled = app.execute(&format!("UPDATE roadmap_activities SET status = 'cancelled' WHERE program_id = {id} AND status <> 'done'"));
    assert!(cancelled > 0);
    let after_hand_edit = listed(&app, &curator, id).await;
    assert_eq!(after_hand_edit["total"], after_api["done"], "only the done ones still count: {after_hand_edit}");
    assert_eq!(after_hand_edit["percent"], 100);
    app.execute(&format!("DELETE FROM roadmap_activities WHERE program_id = {id}"));
    assert_eq!(listed(&app, &curator, id).await, json!({"done": 0, "total": 0, "overdue": 0, "percent": 0}));
}

async fn completing_an_activity_moves_progress(app: TestApp) {
    let curator = app.login("curator").await;
    let id = new_programme(&app, &curator).await;
    let act = app.first_activity(&curator, id, 1).await;
    let done = patch_activity(&app, &curator, &act, json!({"status": "done", "result_note": "Материалы изучены"})).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(done.body["completed_at"].is_string());
    assert_ne!(done.body["etag"], act["etag"]);
    let roadmap = app.get(&format!("programs/{id}/roadmap"), &curator).await;
    assert_eq!(roadmap.body["stages"][0]["progress"], json!({"done": 1, "total": 4, "overdue": 0, "percent": 25}));
    assert_eq!(roadmap.body["progress"]["done"], 1);
    assert_eq!(roadmap.body["progress"]["percent"], 6);
    let programme = app.get(&format!("programs/{id}"), &curator).await;
    assert_eq!(programme.body["progress"]["done"], 1);
    // Cancelled activities leave the count; a stage of only closed work is ticked.
    for a in roadmap.body["stages"][0]["activities"].as_array().expect("acts").iter().skip(1) {
        assert_eq!(patch_activity(&app, &curator, a, json!({"status": "cancelled"})).await.status, 200);
    }
    let roadmap = app.get(&format!("programs/{id}/roadmap"), &curator).await;
    assert_eq!(roadmap.body["stages"][0]["progress"]["total"], 1);
    assert_progress_agrees(&app, &curator, id).await;
    assert_eq!(roadmap.body["stages"][0]["gate"]["ticked"], true);
    assert_eq!(roadmap.body["current_stage"], 2);
    // Reopening clears the completion.
    let reopened = patch_activity(&app, &curator, &done.body, json!({"status": "in_progress"})).await;
    assert!(reopened.body["completed_at"].is_null());
    assert_eq!(app.get(&format!("programs/{id}/roadmap"), &curator).await.body["current_stage"], 1);
}

async fn overdue_is_measured_in_the_school_time_zone(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let curator = app.login("curator").await;
    // Pago Pago (UTC−11) and Kiritimati (UTC+14) never share a date.
    assert_eq!(app.patch(&format!("organizations/{school}"), &admin, json!({"time_zone": "Pacific/Pago_Pago"})).await.status, 200);
    let id = app.current_programme(&curator, school).await;
    let today = app.get(&format!("programs/{id}/roadmap"), &curator).await.body["today"].as_str().expect("today").to_owned();
    let expected = chrono::Utc::now().with_timezone(&chrono_tz::Pacific::Pago_Pago).date_naive().to_string();
    assert_eq!(today, expected);
    let due_today = app.post(&format!("programs/{id}/roadmap/stages/2/activities"), &curator, json!({"title": "Срок сегодня", "deadline": today})).await;
    assert_eq!(due_today.status, 201, "{}", due_today.body);
    assert_eq!(due_today.body["overdue"], false);
    assert_eq!(app.patch(&format!("organizations/{school}"), &admin, json!({"time_zone": "Pacific/Kiritimati"})).await.status, 200);
    let roadmap = app.get(&format!("programs/{id}/roadmap"), &curator).await;
    let act = roadmap.body["stages"][1]["activities"].as_array().expect("acts").iter().find(|a| a["title"] == "Срок сегодня").cloned().expect("added");
    assert_eq!(act["overdue"], true, "in Kiritimati that day is over");
    assert_progress_agrees(&app, &curator, id).await;
    let done = patch_activity(&app, &curator, &act, json!({"status": "done"})).await;
    assert_eq!(done.body["overdue"], false, "done work is never overdue");
}

async fn gates_report_what_the_data_proves(app: TestApp) {
    let director = app.login("director").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let id = app.post(&format!("schools/{school}/programs"), &director, json!({"title": "Гейты", "academic_year": "2027/2028", "forms": ["student_student"]})).await.id();
    let status_of = |roadmap: &Answer, code: &str| {
        roadmap.body["stages"][0]["gate"]["checks"].as_array().expect("checks").iter().find(|c| c["code"] == code).map(|c| c["status"].clone()).unwrap_or_default()
    };
    let roadmap = app.get(&format!("programs/{id}/roadmap"), &director).await;
    assert_eq!(status_of(&roadmap, "curators_appointed"), "unmet");
    assert_eq!(status_of(&roadmap, "orders_recorded"), "unmet");
    assert_eq!(roadmap.body["stages"][4]["gate"]["checks"][0]["code"], "approved_pairs");
    assert_eq!(roadmap.body["stages"][4]["gate"]["checks"][0]["status"], "unmet");
    assert_eq!((roadmap.body["stages"][5]["gate"]["checks"][0]["code"].as_str(), roadmap.body["stages"][5]["gate"]["checks"][0]["status"].as_str()), (Some("meetings_held"), Some("unmet")), "no pair meets yet");
    let stage7: Vec<&str> = roadmap.body["stages"][6]["gate"]["checks"].as_array().map(|c| c.iter().filter_map(|c| c["code"].as_str()).collect()).unwrap_or_default();
    assert_eq!(stage7, ["exit_monitoring", "pairs_completed", "awards_given"]);

    let curator_id = app.get("me", &app.login("curator").await).await.id();
    assert_eq!(app.patch(&format!("programs/{id}"), &director, json!({"curator_ids": [curator_id]})).await.status, 200);
    let order = &roadmap.body["stages"][0]["activities"][1];
    let done = patch_activity(&app, &director, order, json!({"status": "done", "evidence_order_number": "112-о", "evidence_order_date": "2027-10-02", "evidence_link": "https://docs.example/prikaz-112.pdf"})).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let roadmap = app.get(&format!("programs/{id}/roadmap"), &director).await;
    assert_eq!(status_of(&roadmap, "curators_appointed"), "met");
    assert_eq!(status_of(&roadmap, "orders_recorded"), "met");
    assert_eq!(roadmap.body["stages"][0]["gate"]["ticked"], false, "people have not ticked the whole stage yet");
}

async fn activity_changes_follow_the_rules_and_refusals_change_nothing(app: TestApp) {
    let curator = app.login("curator").await;
    let id = new_programme(&app, &curator).await;
    let act = app.first_activity(&curator, id, 3).await;
    let outside = patch_activity(&app, &curator, &act, json!({"deadline": "2029-01-10"})).await;
    assert_eq!((outside.status.as_u16(), outside.code().as_str(), outside.body["errors"][0]["field"].as_str()), (422, "deadline_outside_programme", Some("deadline")));
    let added = app.post(&format!("programs/{id}/roadmap/stages/2/activities"), &curator, json!({"title": "x", "deadline": "2027-06-01"})).await;
    assert_eq!(added.code(), "deadline_outside_programme");
    let unknown = app.post(&format!("programs/{id}/roadmap/stages/9/activities"), &curator, json!({"title": "x", "deadline": "2027-10-01"})).await;
    assert_eq!((unknown.status.as_u16(), unknown.code().as_str()), (404, "unknown_stage"));
    let stranger = app.post(&format!("programs/{id}/roadmap/stages/2/activities"), &curator, json!({"title": "x", "deadline": "2027-10-01", "responsible_user_id": 1})).await;
    assert_eq!(stranger.body["errors"][0]["field"], "responsible_user_id");

    let cancelled = patch_activity(&app, &curator, &act, json!({"status": "cancelled"})).await;
    assert_eq!(cancelled.status, 200);
    let to_done = patch_activity(&app, &curator, &cancelled.body, json!({"status": "done", "title": "Другое название"})).await;
    assert_eq!((to_done.status.as_u16(), to_done.code().as_str()), (409, "invalid_transition"));
    assert!(to_done.body["detail"].as_str().unwrap_or("").contains("reopen"));
    let now = app.first_activity(&curator, id, 3).await;
    assert_eq!((now["status"].as_str(), now["title"].as_str()), (Some("cancelled"), act["title"].as_str()), "a refused change writes nothing");
    let reopened = patch_activity(&app, &curator, &now, json!({"status": "planned"})).await;
    assert_eq!(reopened.status, 200);
    let done = patch_activity(&app, &curator, &reopened.body, json!({"status": "done"})).await;
    assert_eq!(done.status, 200);

    let mentor_id = app.get("me", &app.login("mentor").await).await.id();
    let reassigned = patch_activity(&app, &curator, &done.body, json!({"responsible_role": null, "responsible_user_id": mentor_id, "deadline": "2027-11-15"})).await;
    assert_eq!(reassigned.status, 200, "{}", reassigned.body);
    assert_eq!((reassigned.body["responsible_user_name"].as_str(), reassigned.body["responsible_role"].is_null()), (Some("Павлов Игорь Дмитриевич"), true));
    assert_eq!(reassigned.body["deadline"], "2027-11-15");
    let gone = app.send(Method::DELETE, &format!("roadmap-activities/{}", reassigned.body["id"]), Some(&curator), None, &[]).await;
    assert_eq!(gone.status, 204);
    assert_eq!(app.get(&format!("programs/{id}/roadmap"), &curator).await.body["progress"]["total"], 15);
}

async fn stale_if_match_loses_to_the_first_edit(app: TestApp) {
    let curator = app.login("curator").await;
    let coordinator = app.login("coordinator").await;
    let id = new_programme(&app, &curator).await;
    let act = app.first_activity(&curator, id, 4).await;
    let first = patch_activity(&app, &curator, &act, json!({"status": "in_progress"})).await;
    assert_eq!(first.status, 200);
    let second = patch_activity(&app, &coordinator, &act, json!({"status": "cancelled"})).await;
    assert_eq!((second.status.as_u16(), second.code().as_str()), (412, "precondition_failed"));
    assert_eq!(app.first_activity(&curator, id, 4).await["status"], "in_progress");
    let programme = app.get(&format!("programs/{id}"), &curator).await;
    let etag = programme.header("etag").expect("etag");
    assert_eq!(app.send(Method::PATCH, &format!("programs/{id}"), Some(&curator), Some(json!({"goal": "Цель"})), &[("If-Match", &etag)]).await.status, 200);
    let stale = app.send(Method::PATCH, &format!("programs/{id}"), Some(&coordinator), Some(json!({"goal": "Другая"})), &[("If-Match", &etag)]).await;
    assert_eq!(stale.status, 412);
}

async fn media_plan_items_are_published_with_their_link(app: TestApp) {
    let curator = app.login("curator").await;
    let id = new_programme(&app, &curator).await;
    let added = app.post(&format!("programs/{id}/media-plan"), &curator, json!({"stage_no": 6, "event": "Неделя наставничества", "channel": "Сайт школы", "form": "Новость", "deadline": "2028-02-15"})).await;
    assert_eq!(added.status, 201, "{}", added.body);
    let etag = added.body["etag"].as_str().unwrap_or("").to_owned();
    let path = format!("media-plan-items/{}", added.id());
    let no_link = app.send(Method::PATCH, &path, Some(&curator), Some(json!({"status": "published"})), &[("If-Match", &etag)]).await;
    assert_eq!((no_link.status.as_u16(), no_link.body["errors"][0]["field"].as_str()), (422, Some("published_url")));
    let bad_link = app.send(Method::PATCH, &path, Some(&curator), Some(json!({"status": "published", "published_url": "не ссылка"})), &[("If-Match", &etag)]).await;
    assert_eq!(bad_link.status, 422);
    let published = app
        .send(Method::PATCH, &path, Some(&curator), Some(json!({"status": "published", "published_url": "https://kremovo-school.example/news/1"})), &[("If-Match", &etag)])
        .await;
    assert_eq!((published.status.as_u16(), published.body["status"].as_str()), (200, Some("published")));
    let outside = app.post(&format!("programs/{id}/media-plan"), &curator, json!({"stage_no": 6, "event": "x", "deadline": "2030-01-01"})).await;
    assert_eq!(outside.code(), "deadline_outside_programme");
    let bad_stage = app.post(&format!("programs/{id}/media-plan"), &curator, json!({"stage_no": 8, "event": "x", "deadline": "2028-01-01"})).await;
    assert_eq!(bad_stage.body["errors"][0]["field"], "stage_no");
    assert_eq!(app.delete(&path, &curator).await.status, 204);
    assert_eq!(app.get(&format!("programs/{id}/media-plan"), &curator).await.body["items"].as_array().map(Vec::len), Some(7));
}
