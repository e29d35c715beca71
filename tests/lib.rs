//! The black-box harness: every test starts the real server on a fresh database, SQLite or
//! PostgreSQL, and talks to it over HTTP.

use std::path::PathBuf;

use diesel::{Connection, PgConnection, RunQueryDsl};
use nastavnik::config::{Config, LogFormat};
use nastavnik::db::{Db, DbUrl};
use nastavnik::startup::{Application, open_database};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

pub use nastavnik::db::Backend;

pub const DEMO_PASSWORD: &str = nastavnik::demo::PASSWORD;

/// Generates `<name>::on_sqlite` and `<name>::on_postgres` for each `async fn <name>(app: TestApp)`.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn on_sqlite() {
                    super::$name($crate::spawn_app($crate::Backend::Sqlite).await).await
                }
                #[tokio::test]
                async fn on_postgres() {
                    super::$name($crate::spawn_app($crate::Backend::Postgres).await).await
                }
            }
        )*
    };
}

/// A fresh, empty database of the given kind: a temp SQLite file, or a new PostgreSQL database
/// on the server of `TEST_DATABASE_URL`. Dropped with the value.
pub struct TestDatabase {
    pub url: DbUrl,
    pub dir: PathBuf,
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    pub fn new(backend: Backend) -> Self {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let dir = std::env::temp_dir().join(format!("nastavnik-test-{id}"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        match backend {
            Backend::Sqlite => {
                let url = DbUrl::Sqlite(dir.join("test.db").to_string_lossy().into_owned());
                Self { url, dir, postgres: None }
            }
            Backend::Postgres => {
                let base = std::env::var("TEST_DATABASE_URL").expect(
                    "TEST_DATABASE_URL is not set: the PostgreSQL half of the suite needs a server \
                     (`make test` provides one through scripts/test-postgres.sh)",
                );
                let name = format!("nastavnik_test_{id}");
                let mut admin = PgConnection::establish(&base).expect("connect to TEST_DATABASE_URL");
                diesel::sql_query(format!("CREATE DATABASE {name}")).execute(&mut admin).expect("create test database");
                let url = replace_database(&base, &name);
                Self { url: DbUrl::Postgres(url), dir, postgres: Some((base, name)) }
            }
        }
    }

    pub fn url_string(&self) -> String {
        match &self.url {
            DbUrl::Sqlite(path) => format!("sqlite://{path}"),
            DbUrl::Postgres(url) => url.clone(),
        }
    }
}

/// The same server URL with another database name.
fn replace_database(url: &str, name: &str) -> String {
    let (before_query, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = before_query.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match before_query[authority_start..].find('/') {
        Some(slash) => &before_query[..authority_start + slash],
        None => before_query,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((base, name)) = &self.postgres
            && let Ok(mut admin) = PgConnection::establish(base)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut admin);
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub struct TestApp {
    pub base: String,
    pub client: reqwest::Client,
    pub db: Db,
    pub backend: Backend,
    pub database: TestDatabase,
    pub config: Config,
}

pub fn test_config(database: &TestDatabase) -> Config {
    Config {
        database_url: database.url.clone(),
        bind: "127.0.0.1:0".into(),
        data_dir: database.dir.clone(),
        jwt_secret: Some("a test secret that is long enough to sign tokens".into()),
        access_ttl: chrono::Duration::minutes(15),
        refresh_ttl: chrono::Duration::days(30),
        log_format: LogFormat::Text,
        log_filter: "warn".into(),
        static_dir: database.dir.join("no-spa"),
        pool_size: 4,
        trusted_proxies: Default::default(),
        public_requests_per_minute: 120,
        workers: 1,
    }
}

/// Starts the real server on a fresh database with the demo data loaded.
pub async fn spawn_app(backend: Backend) -> TestApp {
    let database = TestDatabase::new(backend);
    let config = test_config(&database);
    let db = open_database(&config).expect("open and migrate the test database");
    nastavnik::demo::load_core(&mut db.get().expect("connection")).expect("load demo data");
    let app = Application::build(&config, db.clone()).expect("build the server");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.into_server());
    TestApp { base, client: reqwest::Client::new(), db, backend, database, config }
}

/// A response, read whole.
#[derive(Debug)]
pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(str::to_owned)
    }

    /// The problem's `code`; fails the test if this is not problem+json.
    pub fn code(&self) -> String {
        let ct = self.header("content-type").unwrap_or_default();
        assert!(ct.starts_with("application/problem+json"), "expected problem+json, got {ct}: {}", self.body);
        self.body["code"].as_str().unwrap_or_default().to_owned()
    }

    pub fn id(&self) -> i64 {
        self.body["id"].as_i64().unwrap_or_else(|| panic!("no id in {}", self.body))
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        if path.starts_with('/') { format!("{}{path}", self.base) } else { format!("{}/api/v1/{path}", self.base) }
    }

    /// Sends a request; `path` without a leading slash is under /api/v1.
    pub async fn send(&self, method: Method, path: &str, token: Option<&str>, body: Option<Value>, headers: &[(&str, &str)]) -> Answer {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = req.send().await.expect("request reaches the server");
        Self::read(res).await
    }

    pub async fn read(res: reqwest::Response) -> Answer {
        let status = res.status();
        let headers = res.headers().clone();
        let text = res.text().await.unwrap_or_default();
        let body = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).unwrap_or(Value::String(text)) };
        Answer { status, headers, body }
    }

    pub async fn get(&self, path: &str, token: &str) -> Answer {
        self.send(Method::GET, path, Some(token), None, &[]).await
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Answer {
        self.send(Method::POST, path, Some(token), Some(body), &[]).await
    }

    pub async fn patch(&self, path: &str, token: &str, body: Value) -> Answer {
        self.send(Method::PATCH, path, Some(token), Some(body), &[]).await
    }

    pub async fn put(&self, path: &str, token: &str, body: Value) -> Answer {
        self.send(Method::PUT, path, Some(token), Some(body), &[]).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Answer {
        self.send(Method::DELETE, path, Some(token), None, &[]).await
    }

    /// Signs in and returns the whole answer.
    pub async fn login_answer(&self, email: &str, password: &str) -> Answer {
        self.send(Method::POST, "auth/login", None, Some(json!({"email": email, "password": password})), &[]).await
    }

    /// An access token of a demo user: `login("curator")` signs in curator@demo.nastavnik.ru.
    pub async fn login(&self, who: &str) -> String {
        let a = self.login_answer(&format!("{who}@demo.nastavnik.ru"), DEMO_PASSWORD).await;
        assert_eq!(a.status, 200, "login {who}: {}", a.body);
        a.body["access_token"].as_str().expect("access_token").to_owned()
    }

    /// Ids of the demo tree: (region, institute, school).
    pub async fn demo_tree(&self, admin: &str) -> (i64, i64, i64) {
        let list = self.get("organizations?limit=500", admin).await;
        let id_of = |slug: &str| {
            list.body["items"].as_array().expect("items").iter().find(|o| o["slug"] == slug).map(|o| o["id"].as_i64().unwrap_or(0)).unwrap_or(0)
        };
        (id_of("primorsky-krai"), id_of("pk-iro"), id_of("mbou-sosh-s-kremovo"))
    }

    /// A second region with its institute and school, to prove what other regions cannot see:
    /// returns (region, institute, school).
    pub async fn foreign_tree(&self, admin: &str) -> (i64, i64, i64) {
        let region = self.post("organizations", admin, json!({"kind": "region", "name": "Хабаровский край", "time_zone": "Asia/Vladivostok"})).await;
        assert_eq!(region.status, 201, "{}", region.body);
        let institute = self
            .post("organizations", admin, json!({"kind": "institute", "parent_id": region.id(), "name": "ХК ИРО", "time_zone": "Asia/Vladivostok"}))
            .await;
        let school = self
            .post("organizations", admin, json!({"kind": "school", "parent_id": institute.id(), "name": "МБОУ СОШ № 1 г. Хабаровск", "time_zone": "Asia/Vladivostok"}))
            .await;
        assert_eq!(school.status, 201, "{}", school.body);
        (region.id(), institute.id(), school.id())
    }

    /// The rows of a table, counted on the app's own database.
    pub fn count(&self, table: &str) -> i64 {
        self.scalar(&format!("SELECT COUNT(*) AS n FROM {table}"))
    }

    /// A statement run on the app's own database behind the server's back, as a hand edit would.
    pub fn execute(&self, sql: &str) -> usize {
        use diesel::RunQueryDsl;
        let mut conn = self.db.get().expect("connection");
        diesel::sql_query(sql).execute(&mut *conn).unwrap_or_else(|e| panic!("{sql}: {e}"))
    }

    /// One BIGINT, named `n`, from a query on the app's own database, for checks the API does not
    /// expose.
    pub fn scalar(&self, sql: &str) -> i64 {
        use diesel::QueryableByName;
        #[derive(QueryableByName)]
        struct N {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let mut conn = self.db.get().expect("connection");
        let row: N = diesel::sql_query(sql).get_result(&mut *conn).unwrap_or_else(|e| panic!("{sql}: {e}"));
        row.n
    }
}

impl TestApp {
    /// A programme of the demo school covering the whole current academic year, so that any
    /// date of "today" lies inside it. Returns its id.
    pub async fn current_programme(&self, token: &str, school: i64) -> i64 {
        let today = chrono::Utc::now().date_naive();
        let first = if chrono::Datelike::month(&today) >= 9 { chrono::Datelike::year(&today) } else { chrono::Datelike::year(&today) - 1 };
        let a = self
            .post(
                &format!("schools/{school}/programs"),
                token,
                json!({
                    "title": "Программа на весь год",
                    "academic_year": format!("{first}/{}", first + 1),
                    "start_date": format!("{first}-08-01"),
                    "end_date": format!("{}-08-31", first + 1),
                    "forms": ["student_student"],
                }),
            )
            .await;
        assert_eq!(a.status, 201, "{}", a.body);
        a.id()
    }

    /// The first activity of a stage in the programme's roadmap.
    pub async fn first_activity(&self, token: &str, program: i64, stage_no: usize) -> Value {
        let roadmap = self.get(&format!("programs/{program}/roadmap"), token).await;
        roadmap.body["stages"][stage_no - 1]["activities"][0].clone()
    }
}
