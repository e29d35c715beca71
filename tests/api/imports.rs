use std::time::Duration;

use nastavnik_tests::{Answer, TestApp, on_both};
use serde_json::Value;

on_both!(
    dry_run_reports_every_bad_row_and_writes_nothing,
    import_upserts_by_external_id_as_a_job,
    windows_1251_xlsx_and_ndjson_files_import,
    export_neutralises_formulas_and_leaves_out_sensitive_fields,
    an_import_is_one_audit_entry_on_each_minors_trail,
    a_participants_school_and_account_exist_while_it_names_them,
);

pub(crate) const CSV: &str = "text/csv";

pub(crate) async fn upload(app: &TestApp, token: &str, school: i64, body: Vec<u8>, content_type: &str, query: &str, key: Option<&str>) -> Answer {
    let mut req = app.client.post(app.url(&format!("schools/{school}/imports/participants{query}"))).bearer_auth(token).header("Content-Type", content_type).body(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    TestApp::read(req.send().await.expect("upload")).await
}

/// Polls the job until it ends.
pub(crate) async fn finished(app: &TestApp, token: &str, started: &Answer) -> Value {
    let location = started.header("location").expect("location");
    for _ in 0..200 {
        let job = app.get(&location, token).await;
        if job.body["status"] != "running" {
            return job.body;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

pub(crate) async fn school_and_curator(app: &TestApp) -> (String, i64) {
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    (app.login("curator").await, school)
}

async fn dry_run_reports_every_bad_row_and_writes_nothing(app: TestApp) {
    let (curator, school) = school_and_curator(&app).await;
    let before = app.count("participants");
    let file = "Фамилия;Имя;Категория;Класс;Дата рождения;Внешний ID\n\
                Соколов;Максим;ученик;7;12.04.2013;A1\n\
                Ёлкина;Алёна;ученик;15;01.01.2099;A2\n\
                Петров;Иван;дракон;5;;A1\n\
                ;Пётр;ученик;3;;A4\n";
    let dry = upload(&app, &curator, school, file.as_bytes().to_vec(), CSV, "?dry_run=true", None).await;
    assert_eq!(dry.status, 200, "{}", dry.body);
    assert_eq!((dry.body["valid"].as_bool(), dry.body["total"].as_i64()), (Some(false), Some(4)));
    let errors: Vec<(i64, String)> = dry.body["errors"].as_array().expect("errors").iter().map(|e| (e["row"].as_i64().unwrap_or(0), e["column"].as_str().unwrap_or("").to_owned())).collect();
    for expected in [(3, "Класс"), (3, "Дата рождения"), (4, "Категория"), (4, "external_id"), (5, "Фамилия")] {
        assert!(errors.contains(&(expected.0, expected.1.to_owned())), "{expected:?} missing from {errors:?}");
    }
    let real = upload(&app, &curator, school, file.as_bytes().to_vec(), CSV, "", None).await;
    assert_eq!((real.status.as_u16(), real.code().as_str()), (422, "import_invalid"));
    assert!(real.body["errors"].as_array().expect("errors").iter().any(|e| e["field"] == "row 3: Класс"));
    assert_eq!(app.count("participants"), before, "nothing was written");
    let missing = upload(&app, &curator, school, "Фамилия;Класс\nx;1\n".as_bytes().to_vec(), CSV, "?dry_run=true", None).await;
    assert_eq!(missing.body["errors"].as_array().map(Vec::len), Some(2), "first name and kind columns are missing");
    let wrong_type = upload(&app, &curator, school, b"{}".to_vec(), "application/pdf", "?dry_run=true", None).await;
    assert_eq!(wrong_type.status, 415);
}

async fn import_upserts_by_external_id_as_a_job(app: TestApp) {
    let (curator, school) = school_and_curator(&app).await;
    let first = "last_name,first_name,kind,grade,external_id,consent_given_on,consent_giver_name\n\
                 Соколов,Максим,student,7,B1,05.09.2026,Соколова Ирина\n\
                 Ёлкина,Алёна,student,8,B2,,\n";
    let started = upload(&app, &curator, school, first.as_bytes().to_vec(), CSV, "", Some("import-b-1")).await;
    assert_eq!(started.status, 202, "{}", started.body);
    assert_eq!(started.body["total"], 2);
    let job = finished(&app, &curator, &started).await;
    assert_eq!((job["status"].as_str(), job["report"]["created"].as_i64(), job["processed"].as_i64()), (Some("succeeded"), Some(2), Some(2)), "{job}");
    let replay = upload(&app, &curator, school, first.as_bytes().to_vec(), CSV, "", Some("import-b-1")).await;
    assert_eq!(replay.header("location"), started.header("location"), "the same key replays the same job");

    let second = "last_name,first_name,kind,grade,external_id\nСоколов,Максим,student,8,B1\nЁлкина,Алёна,student,8,B2\nБелов,Иван,student,2,B3\n";
    let job = finished(&app, &curator, &upload(&app, &curator, school, second.as_bytes().to_vec(), CSV, "", None).await).await;
    assert_eq!((job["report"]["created"].as_i64(), job["report"]["updated"].as_i64(), job["report"]["unchanged"].as_i64()), (Some(1), Some(1), Some(1)), "{job}");
    let sokolov = app.get(&format!("schools/{school}/participants?q=%D1%81%D0%BE%D0%BA%D0%BE%D0%BB"), &curator).await;
    let row = &sokolov.body["items"][0];
    assert_eq!((row["grade"].as_i64(), row["has_processing_consent"].as_bool()), (Some(8), Some(true)));

    // Changed records with a consent in the file: it is added where none is on record, once.
    let consents_before = app.count("consents");
    let third = "last_name,first_name,kind,grade,external_id,consent_given_on,consent_giver_name\n\
                 Соколов,Максим,student,9,B1,06.09.2026,Соколов Пётр\n\
                 Ёлкина,Алёна,student,9,B2,06.09.2026,Ёлкина Анна\n";
    let job = finished(&app, &curator, &upload(&app, &curator, school, third.as_bytes().to_vec(), CSV, "", None).await).await;
    assert_eq!((job["report"]["updated"].as_i64(), job["report"]["created"].as_i64()), (Some(2), Some(0)), "{job}");
    assert_eq!(app.count("consents"), consents_before + 1, "B1 had a consent already, B2 gets the file's");
    let elkina = app.get(&format!("participants/{}", id_of(&app, "B2")), &curator).await;
    assert_eq!((elkina.body["grade"].as_i64(), elkina.body["has_processing_consent"].as_bool()), (Some(9), Some(true)), "{}", elkina.body);
}

/// A participant's grade by external id, read from the database (test data, no quoting needed).
pub(crate) fn grade_of(app: &TestApp, external_id: &str) -> i64 {
    app.scalar(&format!("SELECT CAST(grade AS BIGINT) AS n FROM participants WHERE external_id = '{external_id}'"))
}

/// A participant's id by external id, read from the database (test data, no quoting needed).
fn id_of(app: &TestApp, external_id: &str) -> i64 {
    app.scalar(&format!("SELECT id AS n FROM participants WHERE external_id = '{external_id}'"))
}

async fn an_import_is_one_audit_entry_on_each_minors_trail(app: TestApp) {
    let (curator, school) = school_and_curator(&app).await;
    let director = app.login("director").await;
    let entries = app.count("audit_log");
    let file = "last_name,first_name,kind,birth_date,grade,external_id\n\
                Соколов,Максим,student,12.04.2013,7,C1\n\
                Ёлкина,Алёна,student,01.02.2012,8,C2\n\
                Орлова,Мария,teacher,03.03.1979,,C3\n";
    let started = upload(&app, &curator, school, file.as_bytes().to_vec(), CSV, "", None).await;
    let first = finished(&app, &curator, &started).await;
    assert_eq!(first["report"]["created"], 3, "{first}");
    assert_eq!(app.count("audit_log"), entries + 1, "one entry for the whole import");
    let changed = "last_name,first_name,kind,birth_date,grade,external_id\nСоколов,Максим,student,12.04.2013,8,C1\nЁлкина,Алёна,student,01.02.2012,8,C2\n";
    let second = finished(&app, &curator, &upload(&app, &curator, school, changed.as_bytes().to_vec(), CSV, "", None).await).await;
    assert_eq!((second["report"]["updated"].as_i64(), second["report"]["unchanged"].as_i64()), (Some(1), Some(1)), "{second}");
    let imports_on = |trail: &Answer| -> Vec<i64> {
        trail.body["items"].as_array().expect("items").iter().filter(|e| e["action"] == "import").map(|e| e["entity_id"].as_i64().unwrap_or(0)).collect()
    };
    let (first_job, second_job) = (first["id"].as_i64().unwrap_or(0), second["id"].as_i64().unwrap_or(0));
    let trail = |external_id: &str| format!("organizations/{school}/audit?participant_id={}", id_of(&app, external_id));
    assert_eq!(imports_on(&app.get(&trail("C1"), &director).await), vec![second_job, first_job], "created, then changed");
    assert_eq!(imports_on(&app.get(&trail("C2"), &director).await), vec![first_job], "unchanged the second time");
    assert_eq!(imports_on(&app.get(&trail("C3"), &director).await), Vec::<i64>::new(), "adults' records are not minors' records");
    let entry = &app.get(&trail("C1"), &director).await.body["items"][0];
    assert_eq!((entry["entity"].as_str(), entry["detail"].as_str()), (Some("import_job"), Some("records of minors: 1")), "{entry}");
}

async fn windows_1251_xlsx_and_ndjson_files_import(app: TestApp) {
    let (curator, school) = school_and_curator(&app).await;
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Фамилия;Имя;Категория\nШишкина;Дарья;ученик\n");
    let job = finished(&app, &curator, &upload(&app, &curator, school, cp1251.into_owned(), CSV, "", None).await).await;
    assert_eq!(job["report"]["created"], 1, "{job}");
    let sample = app.client.get(app.url("imports/participants/sample?format=xlsx")).bearer_auth(&curator).send().await.expect("sample");
    let xlsx = sample.bytes().await.expect("bytes").to_vec();
    let xlsx_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    let dry = upload(&app, &curator, school, xlsx.clone(), xlsx_type, "?dry_run=true", None).await;
    assert_eq!((dry.body["valid"].as_bool(), dry.body["total"].as_i64()), (Some(true), Some(2)), "{}", dry.body);
    let job = finished(&app, &curator, &upload(&app, &curator, school, xlsx, xlsx_type, "", None).await).await;
    assert_eq!(job["report"]["created"], 2);
    let ndjson = "{\"last_name\": \"Орлова\", \"first_name\": \"Мария\", \"kind\": \"teacher\", \"birth_year\": 1979}\n";
    let job = finished(&app, &curator, &upload(&app, &curator, school, ndjson.as_bytes().to_vec(), "application/x-ndjson", "", None).await).await;
    assert_eq!(job["report"]["created"], 1);
    let broken = upload(&app, &curator, school, b"PK\x03\x04 not really a workbook".to_vec(), xlsx_type, "?dry_run=true", None).await;
    assert_eq!((broken.status.as_u16(), broken.code().as_str()), (422, "unreadable_file"));
}

async fn export_neutralises_formulas_and_leaves_out_sensitive_fields(app: TestApp) {
    let (curator, school) = school_and_curator(&app).await;
    let created = app
        .post(&format!("schools/{school}/participants"), &curator, serde_json::json!({"kind": "parent", "last_name": "=cmd|' /C calc'!A0", "first_name": "Злой", "sensitive": {"on_register": true}}))
        .await;
    assert_eq!(created.status, 201);
    let res = app.client.get(app.url(&format!("schools/{school}/participants/export?format=csv"))).bearer_auth(&curator).send().await.expect("export");
    assert!(res.headers()["content-type"].to_str().unwrap_or("").starts_with("text/csv"));
    let text = res.text().await.unwrap_or_default();
    assert!(text.starts_with("\u{feff}Внешний ID;Категория;Фамилия"), "{text}");
    assert!(text.contains("'=cmd|"), "{text}");
    assert!(!text.contains(";=cmd"), "a formula survived: {text}");
    assert!(!text.to_lowercase().contains("register") && !text.contains("учёт"));
    let xlsx = app.client.get(app.url(&format!("schools/{school}/participants/export?format=xlsx"))).bearer_auth(&curator).send().await.expect("export");
    assert_eq!(xlsx.status(), 200);
    assert!(xlsx.bytes().await.expect("bytes").starts_with(b"PK"));
    let mentor = app.login("mentor").await;
    assert_eq!(app.get(&format!("schools/{school}/participants/export"), &mentor).await.status, 403);
}

on_both!(the_institute_imports_schools_and_contingents);

async fn the_institute_imports_schools_and_contingents(app: TestApp) {
    let admin = app.login("admin").await;
    let iro = app.login("iro").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let sheet = "Название;Адрес;Дата контингента;10;11;12\n\
                 МБОУ СОШ № 2 с. Кремово;kremovo-2;01.09.2026;30;28;31\n\
                 МБОУ СОШ с. Кремово;mbou-sosh-s-kremovo;01.09.2027;40;41;42\n";
    let send = |body: &str, query: &str| {
        app.client
            .post(app.url(&format!("organizations/{institute}/imports/schools{query}")))
            .bearer_auth(&iro)
            .header("Content-Type", CSV)
            .body(body.to_owned())
            .send()
    };
    let dry = TestApp::read(send(sheet, "?dry_run=true").await.expect("send")).await;
    assert_eq!((dry.status.as_u16(), dry.body["valid"].as_bool(), dry.body["total"].as_i64()), (200, Some(true), Some(2)), "{}", dry.body);
    let before = app.count("organizations");
    let real = TestApp::read(send(sheet, "").await.expect("send")).await;
    assert_eq!((real.body["created"].as_i64(), real.body["updated"].as_i64()), (Some(1), Some(1)), "{}", real.body);
    assert_eq!(app.count("organizations"), before + 1);
    let contingent = app.get(&format!("organizations/{school}/contingent"), &iro).await;
    assert_eq!((contingent.body["reference_date"].as_str(), contingent.body["total"].as_i64()), (Some("2027-09-01"), Some(123)));
    let bad = TestApp::read(send("Название;10\n;abc\n", "").await.expect("send")).await;
    assert_eq!((bad.status.as_u16(), bad.code().as_str()), (422, "import_invalid"));
    let curator = app.login("curator").await;
    let refused = app.client.post(app.url(&format!("organizations/{school}/imports/schools"))).bearer_auth(&curator).header("Content-Type", CSV).body(sheet).send().await.expect("send");
    assert_eq!(refused.status(), 403);
}

/// The rules foreign keys keep (on PostgreSQL, checked once per statement for the sake of imports).
async fn a_participants_school_and_account_exist_while_it_names_them(app: TestApp) {
    use diesel::RunQueryDsl;
    let mut conn = app.db.get().expect("connection");
    let at = "'2026-11-30 10:00:00'";
    let mut run = |sql: String| diesel::sql_query(sql).execute(&mut *conn);
    let orphan = run(format!("INSERT INTO participants (school_id, kind, created_at, updated_at) VALUES (987654, 'student', {at}, {at})"));
    assert!(orphan.is_err(), "a participant of no school");
    run(format!("INSERT INTO organizations (id, kind, name, slug, time_zone, created_at, updated_at) VALUES (987653, 'school', 'Школа', 'fk-school', 'Asia/Vladivostok', {at}, {at})")).expect("school");
    run(format!("INSERT INTO users (id, email, full_name, search_key, password_hash, created_at, updated_at) VALUES (987651, 'fk@example.org', 'Учитель', 'учитель', 'x', {at}, {at})")).expect("account");
    let no_account = run(format!("INSERT INTO participants (school_id, kind, user_id, created_at, updated_at) VALUES (987653, 'teacher', 987650, {at}, {at})"));
    assert!(no_account.is_err(), "linked to no account");
    run(format!("INSERT INTO participants (school_id, kind, user_id, created_at, updated_at) VALUES (987653, 'teacher', 987651, {at}, {at})")).expect("participant");
    assert!(run("UPDATE participants SET school_id = 987654 WHERE school_id = 987653".into()).is_err(), "moved to no school");
    assert!(run("UPDATE participants SET user_id = 987650 WHERE school_id = 987653".into()).is_err(), "relinked to no account");
    assert!(run("DELETE FROM organizations WHERE id = 987653".into()).is_err(), "a school with participants stays");
    assert!(run("UPDATE organizations SET id = 987652 WHERE id = 987653".into()).is_err(), "and keeps its id");
    assert!(run("UPDATE users SET id = 987652 WHERE id = 987651".into()).is_err(), "a linked account keeps its id");
    assert_eq!(run("UPDATE participants SET grade = 5 WHERE school_id = 987653".into()).ok(), Some(1), "other changes go through");
    run("DELETE FROM users WHERE id = 987651".into()).expect("an account goes");
    assert_eq!(run("UPDATE participants SET grade = 6 WHERE school_id = 987653 AND user_id IS NULL".into()).ok(), Some(1), "and leaves its participant unlinked");
}
