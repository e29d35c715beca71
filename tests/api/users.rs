use nastavnik_tests::{TestApp, on_both};
use serde_json::json;

on_both!(
    director_adds_staff_who_can_sign_in,
    search_ignores_case_in_cyrillic,
    roles_must_fit_the_organisation,
    users_of_other_schools_are_invisible,
    memberships_are_given_and_taken,
);

async fn director_adds_staff_who_can_sign_in(app: TestApp) {
    let director = app.login("director").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let created = app
        .post("users", &director, json!({"email": "Novikova@School.ru", "full_name": "Новикова Вера Павловна", "password": "учитель-года-2026", "memberships": [{"organization_id": school, "role": "curator"}]}))
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["email"], "novikova@school.ru");
    assert_eq!(created.body["memberships"][0]["role"], "curator");
    assert!(created.body.get("password_hash").is_none());
    let login = app.login_answer("novikova@school.ru", "учитель-года-2026").await;
    assert_eq!(login.status, 200);
    let dup = app.post("users", &director, json!({"email": "novikova@school.ru", "full_name": "x", "password": "another-password", "memberships": [{"organization_id": school, "role": "mentor"}]})).await;
    assert_eq!((dup.status.as_u16(), dup.code().as_str()), (409, "email_taken"));
    let weak = app.post("users", &director, json!({"email": "w@school.ru", "full_name": "x", "password": "123", "memberships": [{"organization_id": school, "role": "mentor"}]})).await;
    assert_eq!(weak.status, 422);
    assert_eq!(weak.body["errors"][0]["field"], "password");
    let bad_email = app.post("users", &director, json!({"email": "not-an-email", "full_name": "x", "password": "long-enough-pass", "memberships": [{"organization_id": school, "role": "mentor"}]})).await;
    assert_eq!(bad_email.body["errors"][0]["field"], "email");
}

async fn search_ignores_case_in_cyrillic(app: TestApp) {
    let director = app.login("director").await;
    let found = app.get("users?q=%D0%98%D0%92%D0%90%D0%9D", &director).await; // "ИВАН"
    let names: Vec<&str> = found.body["items"].as_array().expect("items").iter().filter_map(|u| u["full_name"].as_str()).collect();
    assert_eq!(names, vec!["Лебедева Татьяна Ивановна", "Иванова Анна Петровна"]);
    let by_mail = app.get("users?q=CURATOR", &director).await;
    assert_eq!(by_mail.body["items"].as_array().map(Vec::len), Some(1));
    let literal = app.get("users?q=%25", &director).await; // "%" is not a wildcard
    assert_eq!(literal.body["items"].as_array().map(Vec::len), Some(0));
}

async fn roles_must_fit_the_organisation(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let before = app.count("users");
    let a = app
        .post("users", &admin, json!({"email": "x@x.ru", "full_name": "x", "password": "long-enough-pass", "memberships": [{"organization_id": school, "role": "curator"}, {"organization_id": institute, "role": "curator"}]}))
        .await;
    assert_eq!(a.status, 422, "{}", a.body);
    assert_eq!(a.body["errors"][0]["field"], "memberships[1].role");
    assert_eq!(app.count("users"), before, "the user is not half-created");
}

async fn users_of_other_schools_are_invisible(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, _, foreign_school) = app.foreign_tree(&admin).await;
    let stranger = app
        .post("users", &admin, json!({"email": "teacher@khv.ru", "full_name": "Чужой Учитель", "password": "long-enough-pass", "memberships": [{"organization_id": foreign_school, "role": "curator"}]}))
        .await;
    let director = app.login("director").await;
    assert_eq!(app.get(&format!("users/{}", stranger.id()), &director).await.status, 404);
    let patch = app.patch(&format!("users/{}", stranger.id()), &director, json!({"is_active": false})).await;
    assert_eq!(patch.status, 404);
    let list = app.get("users", &director).await;
    let emails: Vec<&str> = list.body["items"].as_array().expect("items").iter().filter_map(|u| u["email"].as_str()).collect();
    assert!(!emails.contains(&"teacher@khv.ru") && !emails.contains(&"admin@demo.nastavnik.ru"), "{emails:?}");
    assert!(emails.contains(&"curator@demo.nastavnik.ru"));
    let mentor = app.login("mentor").await;
    assert_eq!(app.get("users", &mentor).await.body["items"].as_array().map(Vec::len), Some(0));
    let own = app.get("me", &mentor).await;
    assert_eq!(app.get(&format!("users/{}", own.id()), &mentor).await.status, 200, "a user sees themself");
}

async fn memberships_are_given_and_taken(app: TestApp) {
    let director = app.login("director").await;
    let mentor = app.login("mentor").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let id = app.get("me", &mentor).await.id();
    let added = app.post(&format!("users/{id}/memberships"), &director, json!({"organization_id": school, "role": "psychologist"})).await;
    assert_eq!(added.status, 201, "{}", added.body);
    let again = app.post(&format!("users/{id}/memberships"), &director, json!({"organization_id": school, "role": "psychologist"})).await;
    assert_eq!((again.status.as_u16(), again.code().as_str()), (409, "membership_exists"));
    assert_eq!(app.get("me", &mentor).await.body["memberships"].as_array().map(Vec::len), Some(2));
    let curator = app.login("curator").await;
    assert_eq!(app.delete(&format!("memberships/{}", added.id()), &curator).await.status, 403);
    assert_eq!(app.delete(&format!("memberships/{}", added.id()), &director).await.status, 204);
    assert_eq!(app.get("me", &mentor).await.body["memberships"].as_array().map(Vec::len), Some(1));
}
