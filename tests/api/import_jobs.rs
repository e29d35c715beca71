//! An import job's life beyond the request that started it: the service killed in the middle of
//! one, and the job as the other instances of a region see it (its progress, and who fails it
//! once its writer is gone).

use std::time::Duration;

use nastavnik_tests::{TestApp, on_both};
use serde_json::Value;

use crate::imports::{CSV, finished, grade_of, school_and_curator, upload};
use crate::server_process::Server;

on_both!(
    an_import_killed_midway_leaves_the_base_as_it_was,
    a_running_import_shows_its_progress_on_every_instance,
    a_start_fails_only_the_imports_nobody_is_writing,
);

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
    let mut server = Server::start(&app);
    let base = server.url.clone();
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
    server.kill();
    assert_eq!(app.count("participants"), before, "nothing of the cut-off import is in the base");
    assert_eq!(grade_of(&app, "K-0"), 1, "nor any of its changes");
    let again = Server::start(&app);
    let base = again.url.clone();
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
