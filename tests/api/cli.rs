//! The `nastavnik` binary itself: configuration errors, create-admin, openapi.

use std::path::PathBuf;
use std::process::{Command, Output};

use nastavnik_tests::{DEMO_PASSWORD, TestApp, on_both};

/// `make test` builds the binary (`--bins`) before the tests run.
pub fn binary() -> PathBuf {
    if let Ok(path) = std::env::var("NASTAVNIK_BIN") {
        return PathBuf::from(path);
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/debug/nastavnik");
    assert!(path.exists(), "build the binary first: cargo build -p nastavnik ({})", path.display());
    path
}

fn run(app: &TestApp, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(binary());
    cmd.args(args)
        .env_clear()
        .env("DATABASE_URL", app.database.url_string())
        .env("NASTAVNIK_DATA_DIR", &app.database.dir)
        .env("NASTAVNIK_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run nastavnik")
}

on_both!(create_admin_is_idempotent, bad_configuration_is_a_clear_message, serve_logs_json_with_request_ids_and_no_secrets_and_stops_on_sigterm);

async fn create_admin_is_idempotent(app: TestApp) {
    let first = run(&app, &["create-admin", "--email", "Root@School.ru", "--password", "first-password-1"], &[]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stdout).contains("created"));
    let again = run(&app, &["create-admin", "--email", "root@school.ru", "--password", "second-password-2"], &[]);
    assert!(again.status.success());
    assert_eq!(app.login_answer("root@school.ru", "first-password-1").await.status, 401);
    let a = app.login_answer("root@school.ru", "second-password-2").await;
    assert_eq!(a.status, 200);
    let me = app.get("me", a.body["access_token"].as_str().expect("token")).await;
    assert_eq!(me.body["is_system_admin"], true);
    let weak = run(&app, &["create-admin", "--email", "x@school.ru", "--password", "short"], &[]);
    assert!(!weak.status.success());
    assert!(String::from_utf8_lossy(&weak.stderr).contains("at least 10"));
    // The demo data is still there: the command touched only its own account.
    assert_eq!(app.login_answer("admin@demo.nastavnik.ru", DEMO_PASSWORD).await.status, 200);
}

async fn bad_configuration_is_a_clear_message(app: TestApp) {
    let cases: &[(&str, &str, &str)] = &[
        ("DATABASE_URL", "mysql://root@localhost/x", "DATABASE_URL must start with"),
        ("NASTAVNIK_BIND", "nowhere", "NASTAVNIK_BIND"),
        ("NASTAVNIK_LOG_FORMAT", "xml", "NASTAVNIK_LOG_FORMAT"),
        ("NASTAVNIK_JWT_SECRET", "short", "at least 32"),
        ("NASTAVNIK_ACCESS_TOKEN_TTL_SECONDS", "forever", "whole number"),
        ("NASTAVNIK_DB_POOL_SIZE", "0", "between 1 and 256"),
    ];
    for (var, value, expected) in cases {
        let out = run(&app, &["migrate"], &[(var, value)]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{var}={value}: {stderr}");
        assert!(stderr.contains(expected) && !stderr.contains("panicked"), "{var}={value}: {stderr}");
    }
    let ok = run(&app, &["migrate"], &[]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
}

async fn serve_logs_json_with_request_ids_and_no_secrets_and_stops_on_sigterm(app: TestApp) {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::time::{Duration, Instant};

    let mut child = Command::new(binary())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env_clear()
        .env("DATABASE_URL", app.database.url_string())
        .env("NASTAVNIK_DATA_DIR", &app.database.dir)
        .env("NASTAVNIK_LOG_FORMAT", "json")
        .env("NASTAVNIK_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    let url = loop {
        let line = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())).expect("the server says where it listens");
        let parsed: serde_json::Value = serde_json::from_str(&line).unwrap_or_else(|_| panic!("not a JSON log line: {line}"));
        lines.push(line);
        if parsed["message"] == "listening" {
            break parsed["url"].as_str().expect("url").to_owned();
        }
    };
    // A search for a child's name: the query must not reach the log.
    let res = reqwest::get(format!("{url}/api/v1/users?q=%D0%A1%D0%BE%D0%BA%D0%BE%D0%BB%D0%BE%D0%B2")).await.expect("request");
    let request_id = res.headers().get("x-request-id").and_then(|v| v.to_str().ok()).expect("request id").to_owned();
    // Secrets in bodies, headers and paths: a password (right and wrong), the tokens it earns,
    // a survey link's token and a calendar feed's token.
    let client = reqwest::Client::new();
    let login = |password: &'static str| client.post(format!("{url}/api/v1/auth/login")).json(&serde_json::json!({"email": "curator@demo.nastavnik.ru", "password": password})).send();
    assert_eq!(login("wrong-password-zebra").await.expect("login").status(), 401);
    let tokens: serde_json::Value = login(DEMO_PASSWORD).await.expect("login").json().await.expect("tokens");
    let (access, refresh) = (tokens["access_token"].as_str().expect("access"), tokens["refresh_token"].as_str().expect("refresh"));
    assert_eq!(client.get(format!("{url}/api/v1/me")).bearer_auth(access).send().await.expect("me").status(), 200);
    for path in ["public/survey-links/link-secret-4f7a9c", "calendar-feeds/feed-secret-81d2e0.ics"] {
        assert_eq!(client.get(format!("{url}/api/v1/{path}")).send().await.expect("get").status(), 404);
    }

    let pid = child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit after SIGTERM: {status}");
    lines.extend(rx.try_iter());
    assert!(
        lines.iter().any(|l| l.contains(&request_id)),
        "no log line carries the request id {request_id}: {lines:#?}"
    );
    let secrets = ["%D0%A1", "Соколов", "q=", "wrong-password-zebra", DEMO_PASSWORD, access, refresh, "link-secret-4f7a9c", "feed-secret-81d2e0"];
    for secret in secrets {
        assert!(!lines.iter().any(|l| l.contains(secret)), "`{secret}` reached the log: {lines:#?}");
    }
}
