use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

on_both!(
    participants_are_added_searched_and_filtered,
    bad_participants_are_refused_and_nothing_is_written,
    sensitive_fields_only_for_those_who_need_them,
    withdrawing_consent_erases_the_person_and_is_audited,
    reading_a_minor_is_audited_and_the_trail_is_append_only,
    participants_stay_inside_their_school,
);

/// A student of the demo school; returns the participant.
pub async fn student(app: &TestApp, token: &str, school: i64, last: &str, first: &str, extra: Value) -> Value {
    let mut body = json!({"kind": "student", "last_name": last, "first_name": first, "grade": 7, "class_letter": "б", "birth_date": "2013-04-12"});
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    let a = app.post(&format!("schools/{school}/participants"), token, body).await;
    assert_eq!(a.status, 201, "{}", a.body);
    a.body
}

pub async fn consent(app: &TestApp, token: &str, participant: i64) -> Value {
    let a = app
        .post(&format!("participants/{participant}/consents"), token, json!({"given_by": "parent", "giver_name": "Соколова Ирина Васильевна", "scope": "processing", "given_on": "2026-09-05", "document_ref": "№ 42"}))
        .await;
    assert_eq!(a.status, 201, "{}", a.body);
    a.body
}

async fn participants_are_added_searched_and_filtered(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let sokolov = student(&app, &curator, school, "Соколов", "Максим", json!({"external_id": "KR-1"})).await;
    assert_eq!((sokolov["class_letter"].as_str(), sokolov["is_minor"].as_bool(), sokolov["has_processing_consent"].as_bool()), (Some("Б"), Some(true), Some(false)));
    student(&app, &curator, school, "Ёлкина", "Алёна", json!({"grade": 9})).await;
    let teacher = app.post(&format!("schools/{school}/participants"), &curator, json!({"kind": "teacher", "last_name": "Петрова", "first_name": "Ольга", "birth_year": 1980})).await;
    assert_eq!(teacher.body["is_minor"], false);
    consent(&app, &curator, sokolov["id"].as_i64().unwrap_or(0)).await;

    let names = |a: &nastavnik_tests::Answer| a.body["items"].as_array().expect("items").iter().filter_map(|p| p["last_name"].as_str().map(str::to_owned)).collect::<Vec<_>>();
    let q = app.get(&format!("schools/{school}/participants?q=%D0%A1%D0%9E%D0%9A%D0%9E%D0%9B"), &curator).await; // "СОКОЛ"
    assert_eq!(names(&q), vec!["Соколов"]);
    let yo = app.get(&format!("schools/{school}/participants?q=%D1%91%D0%BB%D0%BA"), &curator).await; // "ёлк"
    assert_eq!(names(&yo), vec!["Ёлкина"]);
    assert_eq!(names(&app.get(&format!("schools/{school}/participants?kind=teacher"), &curator).await), vec!["Петрова"]);
    assert_eq!(names(&app.get(&format!("schools/{school}/participants?grade=9"), &curator).await), vec!["Ёлкина"]);
    let with = app.get(&format!("schools/{school}/participants?consent=true"), &curator).await;
    assert!(names(&with).contains(&"Соколов".to_owned()) && !names(&with).contains(&"Ёлкина".to_owned()));
    let without = app.get(&format!("schools/{school}/participants?consent=false&kind=student"), &curator).await;
    assert!(names(&without).contains(&"Ёлкина".to_owned()) && !names(&without).contains(&"Соколов".to_owned()));
    let dup = app.post(&format!("schools/{school}/participants"), &curator, json!({"kind": "student", "last_name": "x", "first_name": "y", "external_id": "KR-1"})).await;
    assert_eq!((dup.status.as_u16(), dup.code().as_str()), (409, "external_id_taken"));
}

async fn bad_participants_are_refused_and_nothing_is_written(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let before = app.count("participants");
    let cases = [
        (json!({"kind": "student", "last_name": "x", "first_name": "y", "grade": 15}), "grade"),
        (json!({"kind": "student", "last_name": "x", "first_name": "y", "birth_date": "2099-01-01"}), "birth_date"),
        (json!({"kind": "student", "last_name": "я".repeat(101), "first_name": "y"}), "last_name"),
        (json!({"kind": "wizard", "last_name": "x", "first_name": "y"}), "kind"),
        (json!({"kind": "student", "first_name": "y"}), "last_name"),
        (json!({"kind": "student", "last_name": "x", "first_name": "y", "class_letter": "7Б"}), "class_letter"),
        (json!({"kind": "student", "last_name": "x", "first_name": "y", "email": "nope"}), "email"),
    ];
    for (body, field) in cases {
        let a = app.post(&format!("schools/{school}/participants"), &curator, body.clone()).await;
        assert_eq!(a.status, 422, "{body}: {}", a.body);
        assert_eq!(a.body["errors"][0]["field"], field, "{body}");
    }
    let huge = app.client.post(app.url(&format!("schools/{school}/participants"))).bearer_auth(&curator).json(&json!({"kind": "student", "last_name": "я".repeat(6_000_000), "first_name": "y"})).send().await.expect("send");
    assert_eq!(huge.status(), 413);
    assert_eq!(app.count("participants"), before);
}

async fn sensitive_fields_only_for_those_who_need_them(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let child = student(&app, &curator, school, "Орлов", "Денис", json!({"sensitive": {"disability": true, "on_register": true}})).await;
    assert_eq!(child["sensitive"]["disability"], true);
    let id = child["id"].as_i64().unwrap_or(0);
    for who in ["psychologist", "director"] {
        let t = app.login(who).await;
        assert_eq!(app.get(&format!("participants/{id}"), &t).await.body["sensitive"]["on_register"], true, "{who}");
    }
    let coordinator = app.login("coordinator").await;
    let seen = app.get(&format!("participants/{id}"), &coordinator).await;
    assert_eq!(seen.status, 200);
    assert!(seen.body.get("sensitive").is_none(), "{}", seen.body);
    let listed = app.get(&format!("schools/{school}/participants"), &coordinator).await;
    assert!(listed.body["items"].as_array().expect("items").iter().all(|p| p.get("sensitive").is_none()));
    let sneak = app.patch(&format!("participants/{id}"), &coordinator, json!({"sensitive": {"disability": false}})).await;
    assert_eq!(sneak.status, 403);
    let iro = app.login("iro").await;
    assert!(app.get(&format!("participants/{id}"), &iro).await.body.get("sensitive").is_none());
    let region = app.login("region").await;
    assert_eq!(app.get(&format!("participants/{id}"), &region).await.status, 403, "the region sees figures, not children");
}

async fn withdrawing_consent_erases_the_person_and_is_audited(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let child = student(&app, &curator, school, "Зайцев", "Пётр", json!({"phone": "+7 900 000-00-00", "notes": "любит шахматы", "external_id": "KR-9"})).await;
    let id = child["id"].as_i64().unwrap_or(0);
    let given = consent(&app, &curator, id).await;
    let publication = app.post(&format!("participants/{id}/consents"), &curator, json!({"given_by": "parent", "giver_name": "Зайцева А.", "scope": "publication_photo", "given_on": "2026-09-05"})).await;
    assert_eq!(publication.status, 201);
    let self_minor = app.post(&format!("participants/{id}/consents"), &curator, json!({"given_by": "self", "scope": "processing", "given_on": "2026-09-05"})).await;
    assert_eq!(self_minor.body["errors"][0]["field"], "given_by");

    let out = app.post(&format!("consents/{}/withdraw", given["id"]), &curator, json!({})).await;
    assert_eq!(out.status, 200, "{}", out.body);
    let now = app.get(&format!("participants/{id}"), &curator).await;
    assert_eq!(now.body["erased"], true);
    for field in ["last_name", "first_name", "birth_date", "phone", "notes", "external_id"] {
        assert!(now.body[field].is_null(), "{field} survived: {}", now.body);
    }
    assert_eq!((now.body["grade"].as_i64(), now.body["birth_year"].as_i64()), (Some(7), Some(2013)), "the anonymous record keeps the figures");
    let consents = app.get(&format!("participants/{id}/consents"), &curator).await;
    assert!(consents.body["items"].as_array().expect("items").iter().all(|c| c["giver_name"].is_null() && c["withdrawn_at"].is_string()));
    assert_eq!(app.post(&format!("consents/{}/withdraw", given["id"]), &curator, json!({})).await.code(), "already_withdrawn");
    assert_eq!(app.patch(&format!("participants/{id}"), &curator, json!({"first_name": "Снова"})).await.code(), "participant_erased");
    let search = app.get(&format!("schools/{school}/participants?q=%D0%B7%D0%B0%D0%B9%D1%86"), &curator).await;
    assert_eq!(search.body["items"].as_array().map(Vec::len), Some(0));

    let other = student(&app, &curator, school, "Белов", "Иван", json!({})).await;
    assert_eq!(app.delete(&format!("participants/{}", other["id"]), &curator).await.status, 204);
    assert_eq!(app.get(&format!("participants/{}", other["id"]), &curator).await.body["last_name"], Value::Null);

    let director = app.login("director").await;
    let trail = app.get(&format!("organizations/{school}/audit?participant_id={id}"), &director).await;
    let actions: Vec<&str> = trail.body["items"].as_array().expect("items").iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"consent_withdrawn") && actions.contains(&"erase") && actions.contains(&"create"), "{actions:?}");
}

async fn reading_a_minor_is_audited_and_the_trail_is_append_only(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let child = student(&app, &curator, school, "Лисицына", "Вера", json!({})).await;
    let adult = app.post(&format!("schools/{school}/participants"), &curator, json!({"kind": "parent", "last_name": "Лисицын", "first_name": "Олег"})).await.body;
    let psychologist = app.login("psychologist").await;
    app.get(&format!("participants/{}", child["id"]), &psychologist).await;
    app.get(&format!("participants/{}", adult["id"]), &psychologist).await;
    let director = app.login("director").await;
    let psych_id = app.get("me", &psychologist).await.id();
    let trail = app.get(&format!("organizations/{school}/audit?participant_id={}", child["id"]), &director).await;
    let first = &trail.body["items"][0];
    assert_eq!((first["action"].as_str(), first["actor"].as_str()), (Some("read"), Some(format!("user:{psych_id}").as_str())));
    let adult_trail = app.get(&format!("organizations/{school}/audit?participant_id={}", adult["id"]), &director).await;
    assert_eq!(adult_trail.body["items"].as_array().map(Vec::len), Some(0), "adults' records are not minors' records");
    assert_eq!(app.get(&format!("organizations/{school}/audit"), &curator).await.status, 403, "the trail is the school admin's");
    let text = serde_json::to_string(&trail.body).unwrap_or_default();
    assert!(!text.contains("Лисицына"), "the trail holds ids, never names");

    let mut conn = app.db.get().expect("connection");
    use diesel::RunQueryDsl;
    assert!(diesel::sql_query("UPDATE audit_log SET actor = 'nobody'").execute(&mut *conn).is_err());
    assert!(diesel::sql_query("DELETE FROM audit_log").execute(&mut *conn).is_err());
}

async fn participants_stay_inside_their_school(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, _, foreign) = app.foreign_tree(&admin).await;
    let stranger = app.post(&format!("schools/{foreign}/participants"), &admin, json!({"kind": "student", "last_name": "Чужой", "first_name": "Ученик"})).await;
    assert_eq!(stranger.status, 201);
    let curator = app.login("curator").await;
    for path in [format!("participants/{}", stranger.id()), format!("schools/{foreign}/participants"), format!("participants/{}/consents", stranger.id())] {
        assert_eq!(app.get(&path, &curator).await.status, 404, "{path}");
    }
    assert_eq!(app.send(Method::DELETE, &format!("participants/{}", stranger.id()), Some(&curator), None, &[]).await.status, 404);
    let mentor = app.login("mentor").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    assert_eq!(app.get(&format!("schools/{school}/participants"), &mentor).await.status, 403);

    // A linked account sees the pair's meetings and plan: only an account of this school may be
    // linked, and an account elsewhere answers as one that does not exist.
    let outsider = app
        .post("users", &admin, json!({"email": "teacher@khabarovsk.example", "full_name": "Чужой Учитель", "password": "long-enough-password-1", "memberships": [{"organization_id": foreign, "role": "mentor"}]}))
        .await;
    assert_eq!(outsider.status, 201, "{}", outsider.body);
    let own = student(&app, &curator, school, "Петров", "Олег", json!({})).await;
    let own = own["id"].as_i64().unwrap_or(0);
    for user in [outsider.id(), 999_999] {
        let refused = app.patch(&format!("participants/{own}"), &curator, json!({"user_id": user})).await;
        assert_eq!((refused.status.as_u16(), refused.body["errors"][0]["field"].as_str()), (422, Some("user_id")), "{}", refused.body);
        assert_eq!(refused.body["errors"][0]["message"], format!("user {user} is not an account of this school"));
    }
    let me = app.get("me", &mentor).await;
    let linked = app.patch(&format!("participants/{own}"), &curator, json!({"user_id": me.body["id"]})).await;
    assert_eq!(linked.status, 200, "{}", linked.body);
}
