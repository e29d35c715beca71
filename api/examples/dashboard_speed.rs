//! Speed of the regional dashboard at region scale: a region of 500 schools and about 200 000
//! students (`nastavnik demo --schools 500`), on SQLite and on PostgreSQL.
//!
//!     cargo run --release -p nastavnik --example dashboard_speed [schools] [students_per_school] [rounds]
//!
//! For each database it prints how long the region took to build, then the dashboard's time
//! measured several ways: the first request, which measures every school (as after a night, when
//! each school's day has turned); p50/p95 of the domain function on one connection with every
//! school's figures kept; the same when 10 schools changed since the last request (a busy
//! region); and `GET /organizations/{id}/dashboard` over HTTP against the real server (beside
//! `/healthz` on the same server, for a ratio that noisy shared machines do not skew). Target:
//! p95 under 50 ms. Printed, not asserted.
//!
//! PostgreSQL: the server of TEST_DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres);
//! the database `nastavnik_bench` is created, then dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use diesel::{Connection, PgConnection, RunQueryDsl};
use nastavnik::auth::AuthConfig;
use nastavnik::config::{Config, LogFormat};
use nastavnik::db::DbUrl;
use nastavnik::reporting::dashboard::{DashboardQuery, build};
use nastavnik::startup::{Application, open_database};

const SECRET: &str = "the dashboard benchmark's signing secret, long enough";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn summary(mut ms: Vec<f64>) -> (f64, f64) {
    ms.sort_by(f64::total_cmp);
    (percentile(&ms, 0.5), percentile(&ms, 0.95))
}

/// One GET over a fresh connection; the whole answer is read. Returns (status line, ms).
fn get(port: u16, path: &str, token: &str) -> (String, f64) {
    let started = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n").expect("send");
    let mut body = Vec::new();
    s.read_to_end(&mut body).expect("read");
    let status = String::from_utf8_lossy(&body).lines().next().unwrap_or_default().to_owned();
    (status, started.elapsed().as_secs_f64() * 1000.0)
}

fn run(label: &str, url: DbUrl, dir: &std::path::Path, schools: usize, per_school: usize, rounds: usize) {
    let config = Config {
        database_url: url,
        bind: "127.0.0.1:0".into(),
        data_dir: dir.to_path_buf(),
        jwt_secret: Some(SECRET.into()),
        access_ttl: chrono::Duration::minutes(60),
        refresh_ttl: chrono::Duration::days(1),
        log_format: LogFormat::Text,
        log_filter: "error".into(),
        static_dir: dir.join("no-spa"),
        pool_size: 4,
        trusted_proxies: Default::default(),
        public_requests_per_minute: 0,
        workers: 2,
    };
    let db = open_database(&config).expect("open and migrate");
    let mut conn = db.get().expect("connection");
    let started = Instant::now();
    let (region, built) = nastavnik::demo::region::load_region(&mut conn, schools, per_school).expect("build the region");
    let build_s = started.elapsed().as_secs_f64();
    println!("{label}: built {} schools, {} students, {} rows in {build_s:.1} s", built.schools, built.students, built.rows);

    let query = DashboardQuery::default();
    let t = Instant::now();
    let first = build(&mut conn, region, &query).expect("dashboard");
    println!("{label}: first dashboard, every school measured: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    println!(
        "{label}: {} rows; totals: mentees {:?}, pairs {:?}, involved {:?} of {:?} students aged 10–18 (share {:?}), overdue {}, silence alerts {}",
        first.rows.len(),
        first.totals.mentees,
        first.totals.pairs,
        first.totals.involved,
        first.totals.students_in_band,
        first.totals.share,
        first.totals.roadmap_overdue,
        first.totals.silence_alerts
    );
    for _ in 0..3 {
        build(&mut conn, region, &query).expect("warm-up");
    }
    let times: Vec<f64> = (0..rounds)
        .map(|_| {
            let t = Instant::now();
            build(&mut conn, region, &query).expect("dashboard");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let (p50, p95) = summary(times);
    println!("{label}: domain function  p50 {p50:6.1} ms  p95 {p95:6.1} ms  ({rounds} runs)");
    // Ten schools' records changed before each request: what the triggers do on a write.
    let ids: Vec<i64> = first.rows.iter().map(|r| r.school_id).collect();
    let times: Vec<f64> = (0..rounds)
        .map(|round| {
            let changed: Vec<String> = (0..10).map(|k| ids[(round * 37 + k * 53) % ids.len()].to_string()).collect();
            diesel::sql_query(format!("UPDATE school_figure_versions SET version = version + 1 WHERE school_id IN ({})", changed.join(",")))
                .execute(&mut *conn)
                .expect("change 10 schools");
            let t = Instant::now();
            build(&mut conn, region, &query).expect("dashboard");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    let (p50, p95) = summary(times);
    println!("{label}: 10 schools changed p50 {p50:6.1} ms  p95 {p95:6.1} ms  ({rounds} runs)");

    let admin = match nastavnik::admin::create_admin(&mut conn, "bench@nastavnik.local", "a bench password 2026").expect("admin") {
        nastavnik::admin::Outcome::Created(id) | nastavnik::admin::Outcome::Updated(id) => id,
    };
    drop(conn);
    let auth = AuthConfig::new(SECRET.as_bytes(), chrono::Duration::minutes(60), chrono::Duration::days(1));
    let token = auth.issue_access(admin).expect("token");
    let (tx, rx) = std::sync::mpsc::channel();
    let server_config = config.clone();
    let server_db = db.clone();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let app = Application::build(&server_config, server_db).expect("server");
            tx.send(app.port()).ok();
            app.into_server().await.ok();
        })
    });
    let port = rx.recv().expect("port");
    let path = format!("/api/v1/organizations/{region}/dashboard");
    let (status, _) = get(port, &path, &token);
    assert!(status.contains("200"), "{status}");
    for _ in 0..3 {
        get(port, &path, &token);
    }
    let (p50, p95) = summary((0..rounds).map(|_| get(port, &path, &token).1).collect());
    let (h50, h95) = summary((0..rounds).map(|_| get(port, "/healthz", &token).1).collect());
    println!("{label}: GET dashboard    p50 {p50:6.1} ms  p95 {p95:6.1} ms  (/healthz p50 {h50:.2} ms p95 {h95:.2} ms on the same server)");
    println!("{label}: target p95 < 50 ms: {}", if p95 < 50.0 { "met" } else { "NOT met" });
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let schools = args.first().copied().unwrap_or(500);
    let per_school = args.get(1).copied().unwrap_or(400);
    let rounds = args.get(2).copied().unwrap_or(50);

    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = DbUrl::Sqlite(dir.path().join("bench.db").to_string_lossy().into_owned());
    run("sqlite  ", sqlite, dir.path(), schools, per_school, rounds);

    let server = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let Ok(mut admin) = PgConnection::establish(&server) else {
        println!("postgres: no server at TEST_DATABASE_URL or 127.0.0.1:5432; skipped");
        return;
    };
    let _ = diesel::sql_query("DROP DATABASE IF EXISTS nastavnik_bench WITH (FORCE)").execute(&mut admin);
    diesel::sql_query("CREATE DATABASE nastavnik_bench").execute(&mut admin).expect("create nastavnik_bench");
    let base = server.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(server.clone());
    let url = DbUrl::Postgres(format!("{base}/nastavnik_bench"));
    let pg_dir = tempfile::tempdir().expect("temp dir");
    run("postgres", url, pg_dir.path(), schools, per_school, rounds);
    // The server threads hold connections: FORCE closes them.
    let _ = diesel::sql_query("DROP DATABASE IF EXISTS nastavnik_bench WITH (FORCE)").execute(&mut admin);
}
