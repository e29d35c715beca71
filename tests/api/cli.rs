//! The `nastavnik` binary itself: configuration errors, create-admin, openapi.

use std::path::PathBuf;
use std::process::{Command, Output};

use nastavnik_tests::{DEMO_PASSWORD, TestApp, on_both};

/// `make test` builds the binary (`--bins`) before the tests run.
fn binary() -> PathBuf {
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

on_both!(create_admin_is_idempotent, bad_configuration_is_a_clear_message);

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
