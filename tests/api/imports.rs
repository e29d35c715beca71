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
    a_running_import_shows_its_progress_on_every_instance,
    a_start_fails_only_the_imports_nobody_is_writing,
);

const CSV: &str = "text/csv";

async fn upload(app: &TestApp, token: &str, school: i64, body: Vec<u8>, content_type: &str, query: &str, key: Option<&str>) -> Answer {
    let mut req = app.client.post(app.url(&format!("schools/{school}/imports/participants{query}"))).bearer_auth(token).header("Content-Type", content_type).body(body);
    if let Some(k) = key {
        req = req.header("Idempotency-Key", k);
    }
    TestApp::read(req.send().await.expect("upload")).await
}

/// Polls the job until it ends.
async fn finished(app: &TestApp, token: &str, started: &Answer) -> Value {
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

async fn school_and_curator(app: &TestApp) -> (String, i64) {
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
fn grade_of(app: &TestApp, external_id: &str) -> i64 {
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

on_both!(an_import_killed_midway_leaves_the_base_as_it_was);

/// Starts the real binary on the test database; returns it and its base URL.
/// The real binary, killed when dropped: a failing assertion must not leave it running.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(app: &TestApp) -> (Server, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("port");
    let child = std::process::Command::new(crate::cli::binary())
        .args(["serve", "--bind", &format!("127.0.0.1:{port}")])
        .env_clear()
        .env("DATABASE_URL", app.database.url_string())
        .env("NASTAVNIK_DATA_DIR", &app.database.dir)
        .env("NASTAVNIK_JWT_SECRET", app.config.jwt_secret.clone().unwrap_or_default())
        .env("NASTAVNIK_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start nastavnik");
    (Server(child), format!("http://127.0.0.1:{port}"))
}

async fn ready(app: &TestApp, base: &str) {
    for _ in 0..200 {
        if app.client.get(format!("{base}/readyz")).send().await.is_ok_and(|r| r.status() == 200) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not start");
}

/// The id of the newest import job, read from the database: the upload's answer comes only when
/// the file's check ends, and by then a fast database may have written the whole file.
fn newest_job(app: &TestApp) -> Option<i64> {
    Some(app.scalar("SELECT COALESCE(MAX(id), 0) AS n FROM import_jobs")).filter(|id| *id > 0)
}

/// Rows K-0, K-1, …: the first `changed` with their grade moved on by one, as a second file
/// would have them.
fn contingent(rows: usize, changed: usize) -> String {
    let mut file = String::from("Внешний ID;Фамилия;Имя;Категория;Класс\n");
    for i in 0..rows {
        let grade = (i + usize::from(i < changed)) % 11 + 1;
        file.push_str(&format!("K-{i};Фамилия{i};Имя;ученик;{grade}\n"));
    }
    file
}

async fn an_import_killed_midway_leaves_the_base_as_it_was(app: TestApp) {
    let (curator, school) = school_and_curator(&app).await;
    // Records the cut-off file changes, so that it both adds and changes.
    let known = finished(&app, &curator, &upload(&app, &curator, school, contingent(20_000, 0).into_bytes(), CSV, "", None).await).await;
    assert_eq!(known["status"], "succeeded", "{known}");
    let before = app.count("participants");
    let file = contingent(60_000, 20_000);
    let (mut server, base) = serve(&app);
    ready(&app, &base).await;
    // The rows are written while the file is still being checked, in a transaction that commits
    // after the check: the server dies once the job reports rows written, long before that.
    let request = app.client.post(format!("{base}/api/v1/schools/{school}/imports/participants")).bearer_auth(&curator).header("Content-Type", CSV).body(file).send();
    let previous = newest_job(&app);
    let pending = tokio::spawn(request);
    let mut caught = None;
    for _ in 0..4000 {
        if let Some(id) = newest_job(&app).filter(|id| Some(*id) != previous) {
            let now: Value = app.client.get(format!("{base}/api/v1/import-jobs/{id}")).bearer_auth(&curator).send().await.expect("job").json().await.expect("json");
            assert_eq!(now["status"], "running", "the import ended before it could be interrupted: {now}");
            if now["processed"].as_i64().unwrap_or(0) > 0 {
                caught = Some(id);
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let id = caught.expect("the import never reported progress");
    server.0.kill().expect("SIGKILL");
    server.0.wait().expect("reaped");
    assert_eq!(app.count("participants"), before, "nothing of the cut-off import is in the base");
    assert_eq!(grade_of(&app, "K-0"), 1, "nor any of its changes");
    let (again, base) = serve(&app);
    ready(&app, &base).await;
    assert!(pending.await.expect("the upload task").is_err(), "the upload got no answer from a killed server");
    // On PostgreSQL the start fails the job once the killed instance's connection has gone, or a
    // reader does once the job's row has been silent for a while: PostgreSQL may not have noticed
    // the death when the new instance started.
    let mut after = Value::Null;
    for _ in 0..60 {
        after = app.client.get(format!("{base}/api/v1/import-jobs/{id}")).bearer_auth(&curator).send().await.expect("job").json().await.expect("json");
        if after["status"] != "running" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert_eq!(after["status"], "failed", "{after}");
    assert!(after["failure"].as_str().unwrap_or("").contains("stopped"));
    drop(again);
    if app.backend == nastavnik_tests::Backend::Sqlite {
        use diesel::{QueryableByName, RunQueryDsl};
        #[derive(QueryableByName)]
        struct Check {
            #[diesel(sql_type = diesel::sql_types::Text)]
            integrity_check: String,
        }
        let mut conn = app.db.get().expect("connection");
        let check: Check = diesel::sql_query("PRAGMA integrity_check").get_result(&mut *conn).expect("integrity_check");
        assert_eq!(check.integrity_check, "ok");
    }
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

/// An import that another instance runs, as this one sees it: the progress that instance last
/// recorded in the job's row. A start fails every job still running: on SQLite this instance was
/// the only one, so the job was its own and was cut off.
async fn a_running_import_shows_its_progress_on_every_instance(app: TestApp) {
    use diesel::{ExpressionMethods, RunQueryDsl};
    use nastavnik::db::schema::import_jobs as jobs;
    use nastavnik::participants::import::jobs::fail_interrupted;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let mut conn = app.db.get().expect("connection");
    let now = chrono::Utc::now().naive_utc();
    let job: i64 = diesel::insert_into(jobs::table)
        .values((
            jobs::school_id.eq(school),
            jobs::status.eq("running"),
            jobs::total.eq(1000_i64),
            jobs::processed.eq(400_i64),
            jobs::created_by.eq("user:1"),
            jobs::created_at.eq(now),
            jobs::progress_at.eq(now),
        ))
        .returning(jobs::id)
        .get_result(&mut *conn)
        .expect("a job another instance runs");

    let seen = app.get(&format!("import-jobs/{job}"), &admin).await;
    assert_eq!((seen.body["status"].as_str(), seen.body["processed"].as_i64(), seen.body["total"].as_i64()), (Some("running"), Some(400), Some(1000)), "{}", seen.body);

    assert_eq!(fail_interrupted(&mut conn).expect("fail the cut-off jobs"), 1);
    let after = app.get(&format!("import-jobs/{job}"), &admin).await;
    assert_eq!((after.body["status"].as_str(), after.body["processed"].as_i64()), (Some("failed"), Some(0)), "{}", after.body);
    assert!(after.body["failure"].as_str().is_some_and(|f| f.contains("stopped")), "{}", after.body);
}

/// With several instances on one PostgreSQL, an instance that starts must not fail the import
/// another is writing: the writer holds its job's lock until its transaction ends, and only jobs
/// whose lock is free were cut off. A job gone silent is failed by whoever reads it. On SQLite the
/// one instance that starts knows that every running job was its own.
async fn a_start_fails_only_the_imports_nobody_is_writing(app: TestApp) {
    use diesel::{Connection, ExpressionMethods, RunQueryDsl};
    use nastavnik::db::schema::import_jobs as jobs;
    use nastavnik::participants::import::jobs::{fail_interrupted, hold};
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let mut conn = app.db.get().expect("connection");
    let running = |conn: &mut nastavnik::db::DbConnection, silent_for: chrono::TimeDelta| -> i64 {
        let now = chrono::Utc::now().naive_utc();
        diesel::insert_into(jobs::table)
            .values((jobs::school_id.eq(school), jobs::status.eq("running"), jobs::total.eq(10_i64), jobs::created_by.eq("user:1"), jobs::created_at.eq(now - silent_for), jobs::progress_at.eq(now - silent_for)))
            .returning(jobs::id)
            .get_result(conn)
            .expect("a running job")
    };
    let status = |job: i64| {
        let app = &app;
        let admin = admin.clone();
        async move { app.get(&format!("import-jobs/{job}"), &admin).await.body["status"].as_str().unwrap_or("").to_owned() }
    };
    if app.backend == nastavnik_tests::Backend::Sqlite {
        running(&mut conn, chrono::TimeDelta::zero());
        assert_eq!(fail_interrupted(&mut conn).expect("fail the cut-off jobs"), 1);
        return;
    }

    let written = running(&mut conn, chrono::TimeDelta::minutes(1));
    let cut_off = running(&mut conn, chrono::TimeDelta::zero());
    let mut writer = app.db.get().expect("the writing instance's connection");
    writer
        .transaction(|writer| {
            hold(writer, written)?;
            assert_eq!(fail_interrupted(&mut conn)?, 1, "only the job nobody holds");
            Ok::<_, nastavnik::error::ApiError>(())
        })
        .expect("the writer's transaction");
    drop(writer);
    assert_eq!(status(cut_off).await, "failed");
    assert_eq!(status(written).await, "failed", "silent for a minute with its lock free: cut off");

    // Read while being written, however long since its last news: still running.
    let busy = running(&mut conn, chrono::TimeDelta::minutes(1));
    let (held, release) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
    let db = app.db.clone();
    let holder = std::thread::spawn(move || {
        let mut writer = db.get().expect("the writing instance's connection");
        writer.transaction(|writer| {
            hold(writer, busy)?;
            let _ = held.0.send(());
            let _ = release.1.recv();
            Ok::<_, nastavnik::error::ApiError>(())
        })
    });
    held.1.recv().expect("the lock held");
    assert_eq!(status(busy).await, "running");
    let _ = release.0.send(());
    holder.join().expect("the writer").expect("its transaction");
    assert_eq!(status(busy).await, "failed", "its writer gone");
}
