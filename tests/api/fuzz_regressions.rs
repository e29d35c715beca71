//! Defects that fuzzing from the spec (`make fuzz`) found: answers the server gave that the spec
//! it serves did not promise. Each test shows the answer and checks that the served spec now
//! documents it.

use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::Value;

on_both!(
    errors_are_documented_as_the_problem_json_they_are,
    every_json_body_documents_its_refusals,
    every_query_documents_its_refusal,
    a_bad_query_value_names_its_parameter,
    every_file_format_is_documented,
    participant_import_into_an_institute_is_a_documented_conflict,
    a_nul_character_is_refused_alike_on_both_databases,
);

const METHODS: [&str; 5] = ["get", "put", "post", "delete", "patch"];

async fn served_spec(app: &TestApp) -> Value {
    let spec = app.send(Method::GET, "/api/openapi.json", None, None, &[]).await;
    assert_eq!(spec.status, 200);
    spec.body
}

/// Every operation of the spec as (label, operation).
fn operations(spec: &Value) -> Vec<(String, &Value)> {
    let paths = spec["paths"].as_object().expect("paths");
    let mut out = Vec::new();
    for (path, item) in paths {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                out.push((format!("{} {path}", method.to_uppercase()), op));
            }
        }
    }
    assert!(out.len() > 100, "only {} operations", out.len());
    out
}

/// The documented status codes of one operation.
fn documented(spec: &Value, method: &str, path: &str) -> Vec<String> {
    let op = &spec["paths"][path][method];
    op["responses"].as_object().unwrap_or_else(|| panic!("{method} {path} is not in the spec")).keys().cloned().collect()
}

/// Errors were sent as `application/problem+json` but documented as `application/json`, so
/// every error answer broke the spec's content type.
async fn errors_are_documented_as_the_problem_json_they_are(app: TestApp) {
    let spec = served_spec(&app).await;
    for (label, op) in operations(&spec) {
        for (status, response) in op["responses"].as_object().expect("responses") {
            let content = response["content"].as_object().cloned().unwrap_or_default();
            for (media_type, body) in content {
                if body["schema"]["$ref"] == "#/components/schemas/Problem" {
                    assert_eq!(media_type, "application/problem+json", "{label} {status}");
                }
            }
        }
    }
    let curator = app.login("curator").await;
    let missing = app.get("programs/999999", &curator).await;
    assert_eq!((missing.status.as_u16(), missing.code().as_str()), (404, "not_found"));
    assert!(spec["paths"]["/api/v1/programs/{id}"]["get"]["responses"]["404"]["content"]["application/problem+json"].is_object());
}

/// A JSON body can be unparseable (400), too large (413), of another media type (415) or against
/// its schema (422) on every operation that takes one; sign-in documented none of 400 and 415.
async fn every_json_body_documents_its_refusals(app: TestApp) {
    let spec = served_spec(&app).await;
    for (label, op) in operations(&spec) {
        if op["requestBody"]["content"]["application/json"].is_null() {
            continue;
        }
        let codes: Vec<&String> = op["responses"].as_object().expect("responses").keys().collect();
        for code in ["400", "413", "415", "422"] {
            assert!(codes.iter().any(|c| *c == code), "{label} does not document {code}: {codes:?}");
        }
    }
    let login = app.url("auth/login");
    let no_type = app.client.post(&login).body(r#"{"email": "a@b.ru", "password": "x"}"#).send().await.expect("send");
    let no_type = TestApp::read(no_type).await;
    assert_eq!((no_type.status.as_u16(), no_type.code().as_str()), (415, "unsupported_media_type"));
    let garbled = app.client.post(&login).header("content-type", "application/json").body("\u{18}M").send().await.expect("send");
    let garbled = TestApp::read(garbled).await;
    assert_eq!((garbled.status.as_u16(), garbled.code().as_str()), (400, "malformed_json"));
    let logout = app.client.post(app.url("auth/logout")).header("content-type", "application/json").body("{").send().await.expect("send");
    assert_eq!(TestApp::read(logout).await.status, 400);
    for code in ["400", "415"] {
        assert!(documented(&spec, "post", "/api/v1/auth/login").iter().any(|c| c == code), "login: {code}");
        assert!(documented(&spec, "post", "/api/v1/auth/logout").iter().any(|c| c == code), "logout: {code}");
    }
}

/// A query parameter out of range is a 422 naming it; the institute's list of API tokens did not
/// document that answer.
async fn every_query_documents_its_refusal(app: TestApp) {
    let spec = served_spec(&app).await;
    for (label, op) in operations(&spec) {
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        if params.iter().any(|p| p["in"] == "query") {
            assert!(op["responses"]["422"].is_object(), "{label} takes a query but does not document 422");
        }
    }
    let iro = app.login("iro").await;
    let admin = app.login("admin").await;
    let (_, institute, _) = app.demo_tree(&admin).await;
    let a = app.get(&format!("organizations/{institute}/api-tokens?limit=0"), &iro).await;
    assert_eq!((a.status.as_u16(), a.code().as_str()), (422, "validation_failed"));
    assert_eq!(a.body["errors"][0]["field"], "limit");
    assert!(documented(&spec, "get", "/api/v1/organizations/{id}/api-tokens").iter().any(|c| c == "422"));
}

/// `?kind=null` was refused naming the field `null`: the value serde quoted, not the parameter.
async fn a_bad_query_value_names_its_parameter(app: TestApp) {
    let admin = app.login("admin").await;
    for value in ["null", "castle"] {
        let a = app.get(&format!("organizations?kind={value}"), &admin).await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (422, "validation_failed"), "{}", a.body);
        assert_eq!(a.body["errors"][0]["field"], "kind", "{}", a.body);
    }
    let not_a_number = app.get("organizations?limit=many", &admin).await;
    assert_eq!(not_a_number.status, 422);
    assert_eq!(not_a_number.body["errors"][0]["field"], "query", "{}", not_a_number.body);
}

/// `?format=xlsx` (and the sample's `ndjson`, the report's `csv`) answer files whose media types
/// the spec did not list, and `format` was documented as any string, so no client or fuzzer
/// could know its values.
async fn every_file_format_is_documented(app: TestApp) {
    let spec = served_spec(&app).await;
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let program = app.current_programme(&curator, school).await;
    let cases = [
        ("/api/v1/imports/participants/sample", "imports/participants/sample".to_owned(), vec!["csv", "xlsx", "ndjson"]),
        ("/api/v1/schools/{school_id}/participants/export", format!("schools/{school}/participants/export"), vec!["csv", "xlsx"]),
        ("/api/v1/programs/{id}/report", format!("programs/{program}/report"), vec!["json", "csv", "xlsx"]),
    ];
    for (path, url, formats) in cases {
        let op = &spec["paths"][path]["get"];
        let documented: Vec<String> = op["responses"]["200"]["content"].as_object().expect("200 content").keys().cloned().collect();
        let format = op["parameters"].as_array().expect("parameters").iter().find(|p| p["name"] == "format").expect("format").clone();
        let pattern = format["schema"]["pattern"].as_str().unwrap_or_else(|| panic!("{path}: format has no pattern"));
        for f in formats {
            assert!(pattern.contains(f), "{path}: {pattern} does not admit {f}");
            let res = app.client.get(app.url(&format!("{url}?format={f}"))).bearer_auth(&curator).send().await.expect("send");
            assert_eq!(res.status(), 200, "{url}?format={f}");
            let media_type = res.headers()["content-type"].to_str().unwrap_or("").split(';').next().unwrap_or("").to_owned();
            assert!(documented.contains(&media_type), "{path}: {media_type} is not among {documented:?}");
        }
        let bad = app.get(&format!("{url}?format=pdf"), &curator).await;
        assert_eq!((bad.status.as_u16(), bad.body["errors"][0]["field"].as_str()), (422, Some("format")), "{url}");
    }
}

/// Participants belong to schools: an import into the institute is 409 `not_a_school`, which
/// the import did not document (its siblings, creating a participant or a programme, did).
async fn participant_import_into_an_institute_is_a_documented_conflict(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, _) = app.demo_tree(&admin).await;
    let before = app.count("participants");
    let csv = "external_id,role,last_name,first_name\nX-1,mentee,Иванов,Пётр\n";
    let res = app
        .client
        .post(app.url(&format!("schools/{institute}/imports/participants?dry_run=false")))
        .bearer_auth(&admin)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .expect("upload");
    let a = TestApp::read(res).await;
    assert_eq!((a.status.as_u16(), a.code().as_str()), (409, "not_a_school"), "{}", a.body);
    assert_eq!(app.count("participants"), before, "nothing was written");
    let spec = served_spec(&app).await;
    assert!(documented(&spec, "post", "/api/v1/schools/{school_id}/imports/participants").iter().any(|c| c == "409"));
}

/// U+0000 in a string: PostgreSQL refuses it in text and failed the statement, a 500 (SQLite
/// stored it). Now refused before the database on both, naming the field.
async fn a_nul_character_is_refused_alike_on_both_databases(app: TestApp) {
    let login = app.send(Method::POST, "auth/login", None, Some(serde_json::json!({"email": "a\u{0}@b.ru", "password": "x"})), &[]).await;
    assert_eq!((login.status.as_u16(), login.code().as_str()), (422, "validation_failed"), "{}", login.body);
    assert_eq!(login.body["errors"][0]["field"], "email");

    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let before = app.count("organizations");
    let body = serde_json::json!({"kind": "school", "parent_id": institute, "name": "Школа\u{0}", "time_zone": "Asia/Vladivostok"});
    let create = app.post("organizations", &admin, body).await;
    assert_eq!((create.status.as_u16(), create.body["errors"][0]["field"].as_str()), (422, Some("name")), "{}", create.body);
    assert_eq!(app.count("organizations"), before, "nothing was written");

    let search = app.get(&format!("schools/{school}/participants?limit=5&q=a%00b"), &admin).await;
    assert_eq!((search.status.as_u16(), search.body["errors"][0]["field"].as_str()), (422, Some("q")), "{}", search.body);
    let page = app.send(Method::GET, "public/schools/mbou%00", None, None, &[]).await;
    assert_eq!((page.status.as_u16(), page.code().as_str()), (404, "not_found"));
}
