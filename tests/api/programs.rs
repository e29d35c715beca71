use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::json;

on_both!(
    creating_a_programme_seeds_the_roadmap_and_media_plan,
    programme_moves_forward_and_closes,
    programme_dates_and_people_are_checked,
    who_may_see_and_run_a_programme,
    the_institute_template_replaces_the_standard_one,
    the_demo_programme_sits_in_stage_six,
    deadlines_feed_a_calendar,
);

async fn creating_a_programme_seeds_the_roadmap_and_media_plan(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let a = app
        .post(&format!("schools/{school}/programs"), &curator, json!({"title": "Ученик – ученик", "academic_year": "2027/2028", "forms": ["student_student", "teacher_teacher"], "tasks": ["Адаптация пятиклассников"]}))
        .await;
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!((a.body["status"].as_str(), a.body["start_date"].as_str(), a.body["end_date"].as_str()), (Some("draft"), Some("2027-09-01"), Some("2028-05-31")));
    assert_eq!(a.body["progress"]["done"], 0);
    assert!(a.header("etag").is_some() && a.header("location").is_some());
    let id = a.id();
    let roadmap = app.get(&format!("programs/{id}/roadmap"), &curator).await;
    assert_eq!(roadmap.status, 200);
    let stages = roadmap.body["stages"].as_array().expect("stages");
    assert_eq!(stages.iter().map(|s| s["stage_no"].as_i64().unwrap_or(0)).collect::<Vec<_>>(), vec![1, 2, 3, 4, 5, 6, 7]);
    assert_eq!(stages[0]["title"], "Подготовка условий для запуска программы наставничества");
    for s in stages {
        let acts = s["activities"].as_array().expect("activities");
        assert!(!acts.is_empty(), "stage {} has no activities", s["stage_no"]);
        for act in acts {
            let d = act["deadline"].as_str().expect("deadline");
            assert!(("2027-09-01"..="2028-05-31").contains(&d), "{d} outside the programme");
            assert!(act["responsible_role"].is_string() && !act["content"].as_str().unwrap_or("").is_empty());
        }
    }
    assert_eq!(roadmap.body["current_stage"], 1);
    assert_eq!(roadmap.body["progress"]["total"], 16);
    let media = app.get(&format!("programs/{id}/media-plan"), &curator).await;
    let items = media.body["items"].as_array().expect("items");
    assert_eq!(items.len(), 7);
    assert!(items.iter().all(|m| m["status"] == "planned" && m["channel"].is_string()));
    let listed = app.get(&format!("schools/{school}/programs?status=draft"), &curator).await;
    assert!(listed.body["items"].as_array().expect("items").iter().any(|p| p["id"] == id));
}

async fn programme_moves_forward_and_closes(app: TestApp) {
    let director = app.login("director").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let id = app.post(&format!("schools/{school}/programs"), &director, json!({"title": "П", "academic_year": "2027/2028", "forms": ["student_student"]})).await.id();
    let path = format!("programs/{id}");
    let skip = app.patch(&path, &director, json!({"status": "completed"})).await;
    assert_eq!((skip.status.as_u16(), skip.code().as_str()), (409, "invalid_transition"));
    assert_eq!(app.patch(&path, &director, json!({"status": "active"})).await.status, 200);
    crate::program_report::measure_exit(&app, &director, school, id).await;
    assert_eq!(app.patch(&path, &director, json!({"status": "completed"})).await.status, 200);
    let back = app.patch(&path, &director, json!({"status": "active"})).await;
    assert_eq!(back.code(), "invalid_transition");
    let edit = app.patch(&path, &director, json!({"title": "Новое имя"})).await;
    assert_eq!((edit.status.as_u16(), edit.code().as_str()), (409, "programme_closed"));
    let add = app.post(&format!("{path}/roadmap/stages/1/activities"), &director, json!({"title": "x", "deadline": "2027-10-01"})).await;
    assert_eq!(add.code(), "programme_closed");
    let act = app.first_activity(&director, id, 1).await;
    let tick = app.patch(&format!("roadmap-activities/{}", act["id"]), &director, json!({"status": "done"})).await;
    assert_eq!(tick.code(), "programme_closed");
    let media = app.get(&format!("{path}/media-plan"), &director).await;
    let item = &media.body["items"][0];
    assert_eq!(app.patch(&format!("media-plan-items/{}", item["id"]), &director, json!({"event": "x"})).await.code(), "programme_closed");
    assert_eq!(app.patch(&path, &director, json!({"status": "archived"})).await.status, 200);
    let now = app.get(&path, &director).await;
    assert_eq!((now.body["title"].as_str(), now.body["status"].as_str()), (Some("П"), Some("archived")));
}

async fn programme_dates_and_people_are_checked(app: TestApp) {
    let director = app.login("director").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let (_, _, foreign) = app.foreign_tree(&admin).await;
    let before = app.count("programs");
    let cases = [
        (json!({"title": "x", "academic_year": "2027/2029", "forms": ["student_student"]}), "academic_year"),
        (json!({"title": "x", "academic_year": "2027/2028", "forms": []}), "forms"),
        (json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student", "student_student"]}), "forms"),
        (json!({"title": "x", "academic_year": "2027/2028", "forms": ["chess_club"]}), "forms[0]"),
        (json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student"], "start_date": "2027-02-01"}), "start_date"),
        (json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student"], "start_date": "2028-05-01", "end_date": "2027-10-01"}), "end_date"),
        (json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student"], "contact_email": "нет"}), "contact_email"),
        (json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student"], "curator_ids": [1]}), "curator_ids[0]"),
    ];
    for (body, field) in cases {
        let a = app.post(&format!("schools/{school}/programs"), &director, body.clone()).await;
        assert_eq!(a.status, 422, "{body}: {}", a.body);
        assert_eq!(a.body["errors"][0]["field"], field, "{body}: {}", a.body);
    }
    assert_eq!(app.count("programs"), before, "nothing was written");
    let id = app.post(&format!("schools/{school}/programs"), &director, json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student"]})).await.id();
    let shrink = app.patch(&format!("programs/{id}"), &director, json!({"end_date": "2028-01-31"})).await;
    assert_eq!((shrink.status.as_u16(), shrink.code().as_str()), (409, "deadlines_outside_dates"));
    let widen = app.patch(&format!("programs/{id}"), &director, json!({"end_date": "2028-06-30"})).await;
    assert_eq!(widen.status, 200);
    let not_school = app.post(&format!("schools/{foreign}/programs"), &director, json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student"]})).await;
    assert_eq!(not_school.status, 404);
}

async fn who_may_see_and_run_a_programme(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let (_, _, foreign) = app.foreign_tree(&admin).await;
    let foreign_programme = app.post(&format!("schools/{foreign}/programs"), &admin, json!({"title": "Чужая", "academic_year": "2027/2028", "forms": ["student_student"]})).await.id();
    let curator = app.login("curator").await;
    assert_eq!(app.get(&format!("programs/{foreign_programme}"), &curator).await.status, 404);
    assert_eq!(app.get(&format!("programs/{foreign_programme}/roadmap"), &curator).await.status, 404);
    let mentor = app.login("mentor").await;
    assert_eq!(app.get(&format!("schools/{school}/programs"), &mentor).await.status, 403);
    let iro = app.login("iro").await;
    let listed = app.get(&format!("schools/{school}/programs"), &iro).await;
    assert_eq!(listed.status, 200, "the institute follows its schools' programmes");
    let mine = listed.body["items"][0]["id"].as_i64().expect("demo programme");
    assert_eq!(app.patch(&format!("programs/{mine}"), &iro, json!({"title": "x"})).await.status, 403);
    let psychologist = app.login("psychologist").await;
    assert_eq!(app.get(&format!("programs/{mine}/roadmap"), &psychologist).await.status, 200);
    assert_eq!(app.post(&format!("schools/{school}/programs"), &psychologist, json!({"title": "x", "academic_year": "2027/2028", "forms": ["student_student"]})).await.status, 403);
    assert_eq!(app.get(&format!("organizations/{institute}/roadmap-template"), &curator).await.status, 404);
}

async fn the_institute_template_replaces_the_standard_one(app: TestApp) {
    let iro = app.login("iro").await;
    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let standard = app.get(&format!("organizations/{school}/roadmap-template"), &iro).await;
    assert_eq!(standard.body["source"], "standard");
    let items: Vec<_> = (1..=7)
        .map(|s| json!({"stage_no": s, "title": format!("Региональное мероприятие {s}"), "content": "По методичке ПК ИРО", "month": if s < 5 { 10 } else { 3 }, "responsible_role": "curator"}))
        .collect();
    let missing_stage = app.put(&format!("organizations/{institute}/roadmap-template"), &iro, json!({"items": items[..6]})).await;
    assert_eq!(missing_stage.status, 422);
    let with_bad_item = [items.clone(), vec![json!({"stage_no": 8, "title": "x", "content": "", "month": 13})]].concat();
    let bad_month = app.put(&format!("organizations/{institute}/roadmap-template"), &iro, json!({"items": with_bad_item})).await;
    assert_eq!(bad_month.status, 422);
    let fields: Vec<&str> = bad_month.body["errors"].as_array().expect("errors").iter().filter_map(|e| e["field"].as_str()).collect();
    assert!(fields.contains(&"items[7].stage_no") && fields.contains(&"items[7].month"), "{fields:?}");
    let put = app.put(&format!("organizations/{institute}/roadmap-template"), &iro, json!({"items": items})).await;
    assert_eq!((put.status.as_u16(), put.body["source"].as_str()), (200, Some("regional")));
    let on_school = app.put(&format!("organizations/{school}/roadmap-template"), &admin, json!({"items": put.body["items"]})).await;
    assert_eq!(on_school.code(), "not_an_institute");

    let director = app.login("director").await;
    let id = app.post(&format!("schools/{school}/programs"), &director, json!({"title": "По шаблону края", "academic_year": "2027/2028", "forms": ["student_student"]})).await.id();
    let roadmap = app.get(&format!("programs/{id}/roadmap"), &director).await;
    assert_eq!(roadmap.body["progress"]["total"], 7);
    assert_eq!(roadmap.body["stages"][0]["activities"][0]["title"], "Региональное мероприятие 1");
    assert_eq!(roadmap.body["stages"][0]["activities"][0]["deadline"], "2027-10-31");
    assert_eq!(roadmap.body["stages"][6]["activities"][0]["deadline"], "2028-03-31");
}

async fn the_demo_programme_sits_in_stage_six(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let list = app.get(&format!("schools/{school}/programs?status=active"), &curator).await;
    let demo = &list.body["items"][0];
    assert_eq!(demo["title"], "Программа наставничества «Ученик – ученик»");
    let roadmap = app.get(&format!("programs/{}/roadmap", demo["id"]), &curator).await;
    assert_eq!(roadmap.body["current_stage"], 6);
    for s in &roadmap.body["stages"].as_array().expect("stages")[..5] {
        assert_eq!(s["gate"]["ticked"], true, "stage {}", s["stage_no"]);
    }
    assert_eq!(roadmap.body["stages"][5]["progress"]["overdue"], 1);
    let checks = &roadmap.body["stages"][0]["gate"]["checks"];
    assert!(checks.as_array().expect("checks").iter().all(|c| c["status"] == "met"), "{checks}");
    let media = app.get(&format!("programs/{}/media-plan", demo["id"]), &curator).await;
    assert!(media.body["items"].as_array().expect("items").iter().any(|m| m["status"] == "published" && m["published_url"].is_string()));
}

async fn deadlines_feed_a_calendar(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let id = app.post(&format!("schools/{school}/programs"), &curator, json!({"title": "Календарь", "academic_year": "2027/2028", "forms": ["student_student"]})).await.id();
    let act = app.first_activity(&curator, id, 2).await;
    app.send(Method::PATCH, &format!("roadmap-activities/{}", act["id"]), Some(&curator), Some(json!({"status": "cancelled"})), &[("If-Match", act["etag"].as_str().unwrap_or(""))]).await;
    let res = app.client.get(app.url(&format!("programs/{id}/calendar.ics"))).bearer_auth(&curator).send().await.expect("ics");
    assert!(res.headers()["content-type"].to_str().unwrap_or("").starts_with("text/calendar"));
    let text = res.text().await.unwrap_or_default();
    assert!(text.starts_with("BEGIN:VCALENDAR"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 16 - 1 + 7, "the cancelled activity is left out");
    assert!(text.contains("DTSTART;VALUE=DATE:20270930"));
    assert_eq!(app.client.get(app.url(&format!("programs/{id}/calendar.ics"))).send().await.expect("ics").status(), 401);
}
