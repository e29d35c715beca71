use nastavnik_tests::{TestApp, on_both};
use serde_json::json;

on_both!(api_token_is_shown_once_scoped_and_revocable, staff_without_the_right_cannot_issue_tokens);

async fn api_token_is_shown_once_scoped_and_revocable(app: TestApp) {
    let iro = app.login("iro").await;
    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;

    let created = app
        .post(&format!("organizations/{institute}/api-tokens"), &iro, json!({"name": "Загрузка контингента", "scopes": ["organizations:read"]}))
        .await;
    assert_eq!(created.status, 201, "{}", created.body);
    let secret = created.body["token"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with(created.body["prefix"].as_str().expect("prefix")));
    assert!(created.header("location").is_some());

    let listed = app.get(&format!("organizations/{institute}/api-tokens"), &iro).await;
    let item = &listed.body["items"][0];
    assert!(item.get("token").is_none(), "the secret is never shown again: {item}");
    assert!(item["last_used_at"].is_null());

    // The token reads inside its institute, cannot write without the scope, sees nothing above.
    assert_eq!(app.get(&format!("organizations/{school}"), &secret).await.status, 200);
    let write = app.put(&format!("organizations/{school}/contingent"), &secret, json!({"reference_date": "2026-09-01", "age_groups": [{"age": 10, "students": 5}]})).await;
    assert_eq!((write.status.as_u16(), write.code().as_str()), (403, "forbidden"));
    assert_eq!(app.get("organizations/1", &secret).await.status, 404);
    let mint = app.post(&format!("organizations/{institute}/api-tokens"), &secret, json!({"name": "x", "scopes": ["organizations:read"]})).await;
    assert_eq!(mint.status, 403);

    let listed = app.get(&format!("organizations/{institute}/api-tokens"), &iro).await;
    assert!(!listed.body["items"][0]["last_used_at"].is_null());

    let id = created.id();
    assert_eq!(app.delete(&format!("api-tokens/{id}"), &iro).await.status, 204);
    let after = app.get(&format!("organizations/{school}"), &secret).await;
    assert_eq!(after.status, 401);
    assert!(!app.get(&format!("organizations/{institute}/api-tokens"), &iro).await.body["items"][0]["revoked_at"].is_null());
}

async fn staff_without_the_right_cannot_issue_tokens(app: TestApp) {
    let admin = app.login("admin").await;
    let curator = app.login("curator").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let a = app.post(&format!("organizations/{school}/api-tokens"), &curator, json!({"name": "x", "scopes": ["users:read"]})).await;
    assert_eq!(a.status, 403);
    let b = app.get(&format!("organizations/{institute}/api-tokens"), &curator).await;
    assert_eq!(b.status, 404, "the institute is outside a curator's subtree");
    let bad = app.post(&format!("organizations/{institute}/api-tokens"), &admin, json!({"name": "x", "scopes": ["everything"]})).await;
    assert_eq!(bad.status, 422);
    assert_eq!(bad.body["errors"][0]["field"], "scopes[0]");
}
