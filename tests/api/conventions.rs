//! The HTTP conventions of API.md, checked on real routes.

use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::json;

on_both!(
    bad_bodies_get_clear_answers_and_write_nothing,
    idempotency_key_replays_the_first_answer,
    cursor_paging_walks_every_item_once,
    every_answer_has_request_id_and_security_headers,
    routes_are_found_within_their_first_segment,
    json_answers_are_gzipped_when_the_client_accepts_it,
    health_readiness_and_metrics,
    pages_without_an_account_are_limited_per_address,
);

async fn bad_bodies_get_clear_answers_and_write_nothing(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, _) = app.demo_tree(&admin).await;
    let before = app.count("organizations");
    let raw = app.client.post(app.url("organizations")).bearer_auth(&admin).header("content-type", "application/json").body("{\"kind\": ").send().await.expect("send");
    let a = TestApp::read(raw).await;
    assert_eq!((a.status.as_u16(), a.code().as_str()), (400, "malformed_json"));

    let cases = [
        (json!({"kind": "school", "parent_id": "two", "name": "x", "time_zone": "Europe/Moscow"}), "parent_id"),
        (json!({"kind": "castle", "parent_id": institute, "name": "x", "time_zone": "Europe/Moscow"}), "kind"),
        (json!({"kind": "school", "parent_id": institute, "time_zone": "Europe/Moscow"}), "name"),
        (json!({"kind": "school", "parent_id": institute, "name": "я".repeat(301), "time_zone": "Europe/Moscow"}), "name"),
        (json!({"kind": "school", "parent_id": institute, "name": "   ", "time_zone": "Europe/Moscow"}), "name"),
        (json!({"kind": "school", "parent_id": institute, "name": "x", "slug": "Bad Slug", "time_zone": "Europe/Moscow"}), "slug"),
        (json!([1, 2]), "body"),
    ];
    for (body, field) in cases {
        let a = app.post("organizations", &admin, body.clone()).await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (422, "validation_failed"), "{body}");
        assert_eq!(a.body["errors"][0]["field"], field, "{body}: {}", a.body);
    }
    let text = app.client.post(app.url("organizations")).bearer_auth(&admin).header("content-type", "text/plain").body("{}").send().await.expect("send");
    assert_eq!(TestApp::read(text).await.status, 415);
    let bad_query = app.get("organizations?limit=0", &admin).await;
    assert_eq!((bad_query.status.as_u16(), bad_query.body["errors"][0]["field"].as_str()), (422, Some("limit")));
    let not_number = app.get("organizations?parent_id=abc", &admin).await;
    assert_eq!(not_number.status, 422);
    assert_eq!(app.count("organizations"), before, "nothing was written");
}

async fn idempotency_key_replays_the_first_answer(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, _) = app.demo_tree(&admin).await;
    let body = json!({"kind": "school", "parent_id": institute, "name": "Школа повтора", "time_zone": "Asia/Vladivostok"});
    let key = [("Idempotency-Key", "create-school-42")];
    let first = app.send(Method::POST, "organizations", Some(&admin), Some(body.clone()), &key).await;
    assert_eq!(first.status, 201);
    // A new access token of the same user is the same caller.
    let admin_again = app.login("admin").await;
    let second = app.send(Method::POST, "organizations", Some(&admin_again), Some(body.clone()), &key).await;
    assert_eq!(second.status, 201);
    assert_eq!(second.id(), first.id());
    assert_eq!(second.header("idempotent-replayed").as_deref(), Some("true"));
    assert_eq!(second.header("location"), first.header("location"));
    let other = app.send(Method::POST, "organizations", Some(&admin), Some(json!({"kind": "school", "parent_id": institute, "name": "Другая", "time_zone": "Asia/Vladivostok"})), &key).await;
    assert_eq!((other.status.as_u16(), other.code().as_str()), (422, "idempotency_key_reused"));
    // Another caller with the same key is another request.
    let iro = app.login("iro").await;
    let theirs = app.send(Method::POST, "organizations", Some(&iro), Some(body), &key).await;
    assert_eq!(theirs.status, 201);
    assert_ne!(theirs.id(), first.id());
    let schools = app.get("organizations?kind=school", &admin).await;
    let copies = schools.body["items"].as_array().expect("items").iter().filter(|o| o["name"] == "Школа повтора").count();
    assert_eq!(copies, 2);
}

async fn cursor_paging_walks_every_item_once(app: TestApp) {
    let admin = app.login("admin").await;
    app.foreign_tree(&admin).await;
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..10 {
        let path = match &cursor {
            Some(c) => format!("organizations?limit=4&cursor={c}"),
            None => "organizations?limit=4".into(),
        };
        let page = app.get(&path, &admin).await;
        assert_eq!(page.status, 200, "{}", page.body);
        seen.extend(page.body["items"].as_array().expect("items").iter().map(|o| o["id"].as_i64().unwrap_or(0)));
        cursor = page.body["next_cursor"].as_str().map(str::to_owned);
        if cursor.is_none() {
            break;
        }
    }
    assert_eq!(seen.len(), 6);
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(unique, seen);
    let bad = app.get("organizations?cursor=!!", &admin).await;
    assert_eq!((bad.status.as_u16(), bad.body["errors"][0]["field"].as_str()), (422, Some("cursor")));
    let too_many = app.get("organizations?limit=501", &admin).await;
    assert_eq!(too_many.status, 422);
}

async fn every_answer_has_request_id_and_security_headers(app: TestApp) {
    let admin = app.login("admin").await;
    for a in [app.get("me", &admin).await, app.get("nowhere", &admin).await, app.send(Method::GET, "me", None, None, &[]).await] {
        assert!(a.header("x-request-id").is_some_and(|id| id.len() >= 16));
        assert_eq!(a.header("x-content-type-options").as_deref(), Some("nosniff"));
        assert_eq!(a.header("x-frame-options").as_deref(), Some("DENY"));
        assert!(a.header("content-security-policy").is_some());
    }
    let unknown = app.get("nowhere", &admin).await;
    assert_eq!((unknown.status.as_u16(), unknown.code().as_str()), (404, "not_found"));
}

/// Operations are kept in one scope per first segment of their path (routes.rs): a path is
/// found in its own, percent-encoded or not, the website's feed in its own scope inside
/// `/public`, and a path of no operation in no scope is the same 404 as one in a scope.
async fn routes_are_found_within_their_first_segment(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let plain = app.get(&format!("schools/{school}/programs"), &admin).await;
    assert_eq!(plain.status, 200, "{}", plain.body);
    let encoded = app.get(&format!("%73chools/{school}/programs"), &admin).await;
    assert_eq!((encoded.status, &encoded.body), (plain.status, &plain.body), "the router decodes the segment");
    for missing in ["schools/1/nothing", "schoolsx/1/programs", "nothing", "public/nothing", "%ZZ/1"] {
        let a = app.get(missing, &admin).await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (404, "not_found"), "{missing}");
    }
    let slug = app.get(&format!("organizations/{school}"), &admin).await.body["slug"].as_str().map(str::to_owned);
    let feed = app.send(Method::GET, &format!("public/schools/{}", slug.expect("a slug")), None, None, &[]).await;
    assert_eq!(feed.status, 200, "{}", feed.body);
    let metrics = app.client.get(app.url("/metrics")).send().await.expect("metrics").text().await.unwrap_or_default();
    assert!(metrics.contains("endpoint=\"/api/v1/schools/{school_id}/programs\""), "labelled by the whole pattern: {metrics}");
}

/// Compressed where the answer is made (http/gzip.rs): the same JSON, smaller, only for a client
/// that accepts gzip.
async fn json_answers_are_gzipped_when_the_client_accepts_it(app: TestApp) {
    use std::io::Read;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    // A programme's roadmap: seven stages with their activities, several kilobytes of JSON.
    let programme = app.current_programme(&admin, school).await;
    let path = format!("programs/{programme}/roadmap");
    let plain = app.get(&path, &admin).await;
    assert_eq!(plain.status, 200, "{}", plain.body);
    assert_eq!(plain.header("content-encoding"), None, "no Accept-Encoding, no compression");

    let gzipped = |path: String, accept: &'static str| {
        let request = app.client.get(app.url(&path)).bearer_auth(&admin).header("accept-encoding", accept);
        async move { request.send().await.expect("send") }
    };
    let res = gzipped(path.clone(), "gzip, deflate, br").await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers().get("content-encoding").map(|v| v.as_bytes()), Some(&b"gzip"[..]));
    assert!(res.headers().get_all("vary").iter().any(|v| v.to_str().unwrap_or("").to_lowercase().contains("accept-encoding")));
    let compressed = res.bytes().await.expect("body");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&compressed[..]).read_to_string(&mut text).expect("a gzip stream");
    let decoded: serde_json::Value = serde_json::from_str(&text).expect("JSON inside");
    assert_eq!(decoded, plain.body, "the same answer");
    assert!(compressed.len() * 2 < text.len(), "{} bytes for {}", compressed.len(), text.len());

    let refused = gzipped(path, "gzip;q=0, identity").await;
    assert_eq!(refused.headers().get("content-encoding"), None, "q=0 refuses gzip");

    // Under 1 KiB gzip saves no packet: the answer goes as it is, with no Content-Encoding at all.
    let short = gzipped(format!("organizations/{school}"), "gzip").await;
    assert_eq!(short.status(), 200);
    assert_eq!(short.headers().get("content-encoding"), None);
    let health = app.client.get(app.url("/healthz")).header("accept-encoding", "gzip").send().await.expect("send");
    assert_eq!(health.headers().get("content-encoding"), None);
}

async fn health_readiness_and_metrics(app: TestApp) {
    let health = app.send(Method::GET, "/healthz", None, None, &[]).await;
    assert_eq!((health.status.as_u16(), health.body["status"].as_str()), (200, Some("ok")));
    let ready = app.send(Method::GET, "/readyz", None, None, &[]).await;
    assert_eq!(ready.status, 200);
    let metrics = app.client.get(app.url("/metrics")).send().await.expect("metrics");
    let text = metrics.text().await.unwrap_or_default();
    assert!(text.contains("nastavnik_http_requests_total"), "{text}");
    let spec = app.send(Method::GET, "/api/openapi.json", None, None, &[]).await;
    assert_eq!(spec.body["info"]["title"], "Nastavnik API");
    let docs = app.client.get(app.url("/api/docs/")).send().await.expect("docs");
    assert_eq!(docs.status(), 200);
}

/// Certificate codes and survey links must not be guessable at machine speed: past the quota a
/// public page answers 429 with Retry-After, one quota covers every public page, and writing
/// X-Forwarded-For does not escape it (the test server trusts no proxy). Signed-in work is not
/// limited.
async fn pages_without_an_account_are_limited_per_address(app: TestApp) {
    let quota = app.config.public_requests_per_minute;
    // The quota refills while the test runs (one request every 60/quota s), so the refusal may come
    // a little after `quota` requests; it must not come before, and must come.
    let pages = ["public/certificates/NST-0000-0000", "public/schools/mbou-sosh-s-kremovo"];
    let mut served = 0;
    let refused = loop {
        let spoof = format!("198.51.100.{}", served % 250);
        let a = app.send(Method::GET, pages[served as usize % 2], None, None, &[("x-forwarded-for", &spoof)]).await;
        if a.status == 429 {
            break a;
        }
        served += 1;
        assert!(served <= 2 * quota, "no refusal after {served} requests");
    };
    assert!(served >= quota, "refused after {served} requests, before the quota of {quota}");
    assert_eq!(refused.code(), "too_many_requests");
    let wait: u64 = refused.header("retry-after").expect("Retry-After").parse().expect("seconds");
    assert!((1..=60).contains(&wait), "Retry-After {wait}");

    let curator = app.login("curator").await;
    for _ in 0..20 {
        assert_eq!(app.get("me", &curator).await.status, 200);
    }
}
