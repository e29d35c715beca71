//! Scale: a region of 500 schools and about 200 000 students, on SQLite and on PostgreSQL.
//!
//!     cargo run --release -p nastavnik --example region_speed [schools] [students_per_school] [rounds]
//!
//! For each database it times `nastavnik demo --schools N --students-per-school M` (the release
//! binary, as an operator runs it; target: under a minute), then starts the real server on that
//! database and measures p50/p95 over HTTP of what the issues name at that size: the region's
//! dashboard (target p95 < 50 ms), the largest programme's pairs list, its monitoring analytics
//! (impact, target < 100 ms; quality) and its school's public feed, beside `/healthz` on the same
//! server. Printed, not asserted.
//!
//! NASTAVNIK_BIN names the binary (default target/release/nastavnik). PostgreSQL: the server of
//! TEST_DATABASE_URL (else postgres://postgres@127.0.0.1:5432/postgres); the database
//! `nastavnik_region_bench` is created, then dropped.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use nastavnik::auth::AuthConfig;
use nastavnik::config::{Config, LogFormat};
use nastavnik::db::DbUrl;
use nastavnik::startup::{Application, open_database};

const SECRET: &str = "the region benchmark's signing secret, long enough";

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// One GET over a fresh connection, the whole answer read. Returns (status line, ms).
fn get(port: u16, path: &str, token: &str) -> (String, f64) {
    let started = Instant::now();
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    write!(s, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n").expect("send");
    let mut body = Vec::new();
    s.read_to_end(&mut body).expect("read");
    let status = String::from_utf8_lossy(&body).lines().next().unwrap_or_default().to_owned();
    (status, started.elapsed().as_secs_f64() * 1000.0)
}

/// p50 and p95 of `rounds` GETs after three to warm up; the first answer must be 200.
fn measure(port: u16, path: &str, token: &str, rounds: usize) -> (f64, f64) {
    let (status, _) = get(port, path, token);
    assert!(status.contains(" 200 "), "GET {path}: {status}");
    for _ in 0..3 {
        get(port, path, token);
    }
    let mut ms: Vec<f64> = (0..rounds).map(|_| get(port, path, token).1).collect();
    ms.sort_by(f64::total_cmp);
    (percentile(&ms, 0.5), percentile(&ms, 0.95))
}

fn binary() -> PathBuf {
    std::env::var_os("NASTAVNIK_BIN").map(PathBuf::from).unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/release/nastavnik"))
}

/// `nastavnik demo --schools N --students-per-school M` on the database: its own line, and the wall time.
fn build_region(url: &str, dir: &Path, schools: usize, per_school: usize) -> (String, f64) {
    let started = Instant::now();
    let out = Command::new(binary())
        .args(["demo", "--schools", &schools.to_string(), "--students-per-school", &per_school.to_string()])
        .env_clear()
        .env("DATABASE_URL", url)
        .env("NASTAVNIK_DATA_DIR", dir)
        .env("NASTAVNIK_LOG", "warn")
        .output()
        .unwrap_or_else(|e| panic!("run {}: {e} (make bench builds it: cargo build --release -p nastavnik)", binary().display()));
    let wall = started.elapsed().as_secs_f64();
    assert!(out.status.success(), "nastavnik demo: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8_lossy(&out.stdout).trim().to_owned(), wall)
}

#[derive(QueryableByName)]
struct Largest {
    #[diesel(sql_type = BigInt)]
    program_id: i64,
    #[diesel(sql_type = BigInt)]
    pairs: i64,
    #[diesel(sql_type = Text)]
    slug: String,
    #[diesel(sql_type = BigInt)]
    region: i64,
}

fn run(label: &str, url: DbUrl, url_text: &str, dir: &Path, schools: usize, per_school: usize, rounds: usize) {
    let (said, wall) = build_region(url_text, dir, schools, per_school);
    println!("{label}: `nastavnik demo --schools {schools} --students-per-school {per_school}`: {wall:.1} s wall ({said}); target < 60 s: {}", if wall < 60.0 { "met" } else { "NOT met" });
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
        // Every request comes from one address: the public pages' quota would refuse them.
        public_requests_per_minute: 0,
        workers: 2,
    };
    let db = open_database(&config).expect("open the region's database");
    let mut conn = db.get().expect("connection");
    // The load region's largest programme, by pairs: the worst case of a school's lists.
    let largest: Largest = diesel::sql_query(
        "SELECT p.program_id AS program_id, CAST(COUNT(*) AS BIGINT) AS pairs, o.slug AS slug, CAST(r.id AS BIGINT) AS region \
         FROM pairs p JOIN programs g ON g.id = p.program_id JOIN organizations o ON o.id = g.school_id \
         JOIN organizations i ON i.id = o.parent_id JOIN organizations r ON r.id = i.parent_id \
         WHERE r.slug = 'load-region' GROUP BY p.program_id, o.slug, r.id ORDER BY 2 DESC, 1 LIMIT 1",
    )
    .get_result(&mut *conn)
    .expect("the largest programme");
    let admin = match nastavnik::admin::create_admin(&mut conn, "bench@nastavnik.local", "a bench password 2026").expect("admin") {
        nastavnik::admin::Outcome::Created(id) | nastavnik::admin::Outcome::Updated(id) => id,
    };
    drop(conn);
    let token = AuthConfig::new(SECRET.as_bytes(), chrono::Duration::minutes(60), chrono::Duration::days(1)).issue_access(admin).expect("token");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let app = Application::build(&config, db).expect("server");
            tx.send(app.port()).ok();
            app.into_server().await.ok();
        })
    });
    let port = rx.recv().expect("port");
    let p = largest.program_id;
    println!("{label}: the largest programme ({p}, school {}) has {} pairs", largest.slug, largest.pairs);
    let cases = [
        ("region dashboard", format!("/api/v1/organizations/{}/dashboard", largest.region), Some(50.0)),
        ("programme's pairs list", format!("/api/v1/programs/{p}/pairs?limit=50"), None),
        ("monitoring impact", format!("/api/v1/programs/{p}/monitoring/impact"), Some(100.0)),
        ("monitoring quality", format!("/api/v1/programs/{p}/monitoring/quality"), None),
        ("school's public feed", format!("/api/v1/public/schools/{}", largest.slug), None),
        ("/healthz", "/healthz".to_owned(), None),
    ];
    for (name, path, target) in cases {
        let (p50, p95) = measure(port, &path, &token, rounds);
        let verdict = match target {
            Some(t) => format!("target p95 < {t:.0} ms: {}", if p95 < t { "met" } else { "NOT met" }),
            None => String::new(),
        };
        println!("{label}: {name:<24} p50 {p50:7.2} ms  p95 {p95:7.2} ms  {verdict}");
    }
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let schools = args.first().copied().unwrap_or(500);
    let per_school = args.get(1).copied().unwrap_or(400);
    let rounds = args.get(2).copied().unwrap_or(50);

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("region.db").to_string_lossy().into_owned();
    run("sqlite  ", DbUrl::Sqlite(path.clone()), &format!("sqlite://{path}"), dir.path(), schools, per_school, rounds);

    let server = std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
    let Ok(mut admin) = PgConnection::establish(&server) else {
        println!("postgres: no server at TEST_DATABASE_URL or 127.0.0.1:5432; skipped");
        return;
    };
    let _ = diesel::sql_query("DROP DATABASE IF EXISTS nastavnik_region_bench WITH (FORCE)").execute(&mut admin);
    diesel::sql_query("CREATE DATABASE nastavnik_region_bench").execute(&mut admin).expect("create nastavnik_region_bench");
    let base = server.rsplit_once('/').map(|(b, _)| b.to_owned()).unwrap_or(server.clone());
    let url = format!("{base}/nastavnik_region_bench");
    let pg_dir = tempfile::tempdir().expect("temp dir");
    run("postgres", DbUrl::Postgres(url.clone()), &url, pg_dir.path(), schools, per_school, rounds);
    // The server threads hold connections: FORCE closes them.
    let _ = diesel::sql_query("DROP DATABASE IF EXISTS nastavnik_region_bench WITH (FORCE)").execute(&mut admin);
}
