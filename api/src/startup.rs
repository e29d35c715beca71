//! Builds the application: the routes (`routes`, which are the spec), middleware, static SPA, the
//! server.
//! Port 0 is allowed so that tests start the real server.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Compress, Next, from_fn};
use actix_web::{App, HttpMessage, HttpServer, ResponseError, web};
use actix_web_prom::{PrometheusMetrics, PrometheusMetricsBuilder};
use tracing_actix_web::{RequestId, TracingLogger};
use utoipa::OpenApi;
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::{AuthConfig, PrincipalCache};
use crate::config::Config;
use crate::db::{Db, run_migrations};
use crate::programs::kept_progress::KeptProgress;
use crate::error::ApiError;
use crate::http::client_address::TrustedProxies;
use crate::http::gzip::{drop_identity, gzip_json, plain_when_small};
use crate::http::idempotency::idempotency;
use crate::http::public_limit::{PublicLimit, public_limit};
use crate::http::nul::reject_nul;
use crate::http::security_headers::security_headers;
use crate::openapi::ApiDoc;
use crate::routes::{API_V1, api_v1, operations};
use crate::participants::import::jobs::{self, Progress};
use crate::telemetry::RequestSpan;
use crate::reporting::website;

pub struct Application {
    port: u16,
    server: Server,
}

impl Application {
    /// Connects, migrates, binds. The server does not run until `run_until_stopped`.
    pub fn build(config: &Config, db: Db) -> anyhow::Result<Self> {
        let secret = config.resolve_jwt_secret()?;
        let auth = web::Data::new(AuthConfig::new(&secret, config.access_ttl, config.refresh_ttl));
        let principals = web::Data::new(PrincipalCache::default());
        // Shared by the workers, like the principals: each would otherwise count for itself.
        let kept = web::Data::new(KeptProgress::default());
        let listener = TcpListener::bind(&config.bind).map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.bind))?;
        let port = listener.local_addr()?.port();
        let metrics = PrometheusMetricsBuilder::new("nastavnik")
            .endpoint("/metrics")
            .build()
            .map_err(|e| anyhow::anyhow!("metrics: {e}"))?;
        // One reader per worker: a worker runs one inline read at a time.
        let db = web::Data::new(db.read_inline(&config.database_url, config.workers as u32).map_err(anyhow::Error::msg)?);
        let static_dir = config.static_dir.clone();
        let progress = web::Data::new(Progress::default());
        // One limiter for all workers: a quota per worker would multiply it by their number.
        let limit = web::Data::new(PublicLimit::new(config.public_requests_per_minute, config.trusted_proxies.clone()));
        let proxies = web::Data::new(config.trusted_proxies.clone());
        let server = HttpServer::new(move || app(db.clone(), (auth.clone(), principals.clone(), kept.clone()), progress.clone(), (limit.clone(), proxies.clone()), metrics.clone(), static_dir.clone()))
            .workers(config.workers)
            // Database work runs on these threads and waits for one of the pool's connections:
            // threads beyond the pool only wait, each with its stack and malloc arena. A few more
            // than the pool leave room for password hashing and reading uploads.
            .worker_max_blocking_threads(config.pool_size as usize + 4)
            .shutdown_timeout(15)
            .disable_signals()
            .listen(listener)?
            .run();
        Ok(Self { port, server })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Runs until SIGTERM or Ctrl-C, then finishes the requests in flight.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let handle = self.server.handle();
        tokio::spawn(async move {
            shutdown_signal().await;
            tracing::info!("shutting down: finishing requests in flight");
            handle.stop(true).await;
        });
        self.server.await
    }

    /// For tests: the server future without signal handling.
    pub fn into_server(self) -> Server {
        self.server
    }
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = term.recv() => {},
                    _ = tokio::signal::ctrl_c() => {},
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Opens the database and brings it up to date.
pub fn open_database(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url, config.pool_size).map_err(anyhow::Error::msg)?;
    let mut conn = db.get()?;
    let applied = run_migrations(&mut conn).map_err(anyhow::Error::msg)?;
    if applied > 0 {
        tracing::info!(applied, "database migrated");
    }
    crate::monitoring::standard::ensure(&mut conn)?;
    let interrupted = jobs::fail_interrupted(&mut conn)?;
    if interrupted > 0 {
        tracing::warn!(interrupted, "import jobs cut off by the last stop were marked failed");
    }
    Ok(db)
}

fn app(
    db: web::Data<Db>,
    (auth, principals, kept): (web::Data<AuthConfig>, web::Data<PrincipalCache>, web::Data<KeptProgress>),
    progress: web::Data<Progress>,
    (limit, proxies): (web::Data<PublicLimit>, web::Data<TrustedProxies>),
    metrics: PrometheusMetrics,
    static_dir: PathBuf,
) -> App<
    impl actix_web::dev::ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, mut api) = App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .app_data(db)
        .app_data(auth)
        .app_data(principals)
        .app_data(progress)
        .app_data(kept)
        .app_data(limit)
        .app_data(proxies)
        .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::not_found("resource").into()))
        .app_data(web::QueryConfig::default().error_handler(|err, req| query_error(&err.to_string(), req.query_string()).into()))
        .service(
            utoipa_actix_web::scope(API_V1)
                // Idempotency-Key hashes whole bodies, imports included: their limit, not 256 KiB.
                .app_data(web::PayloadConfig::new(200 * 1024 * 1024))
                .wrap(from_fn(idempotency))
                .wrap(from_fn(reject_nul))
                .wrap(from_fn(gzip_json))
                .configure(api_v1),
        )
        .configure(operations)
        .split_for_parts();
    crate::openapi::finish(&mut api);
    let app = app
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", api))
        .service(web::redirect("/api/docs", "/api/docs/"))
        .configure(website::widget::configure);
    let app = match spa(&static_dir) {
        Some(files) => app.service(files),
        None => app.default_service(web::to(|| async { ApiError::not_found("resource").error_response() })),
    };
    app.wrap(security_headers())
        .wrap(from_fn(website::widget::allow_framing))
        .wrap(from_fn(public_limit))
        .wrap(from_fn(plain_when_small))
        .wrap(Compress::default())
        .wrap(from_fn(drop_identity))
        .wrap(from_fn(request_id_header))
        .wrap(metrics)
        .wrap(TracingLogger::<RequestSpan>::new())
}

/// `?limit=abc` and the like: 422 naming the parameter. serde names it only for a missing or
/// unknown field; otherwise its message quotes the value that was sent ("unknown variant `pdf`"),
/// which names the parameter that carried it.
fn query_error(message: &str, query: &str) -> ApiError {
    let named = ["missing field `", "unknown field `", "duplicate field `"]
        .iter()
        .find_map(|prefix| message.split_once(prefix).and_then(|(_, rest)| rest.split('`').next()))
        .map(str::to_owned);
    let carried = || {
        let pairs = web::Query::<Vec<(String, String)>>::from_query(query).ok()?.into_inner();
        let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
        pairs.into_iter().find(|(_, value)| quoted.contains(&value.as_str())).map(|(key, _)| key)
    };
    let field = named.or_else(carried).unwrap_or_else(|| "query".to_owned());
    ApiError::invalid_field(&field, message.trim_start_matches("Query deserialize error: "))
}

/// The built SPA at `/`, with every unknown non-API path answered by index.html (client routing).
fn spa(static_dir: &Path) -> Option<Files> {
    let index: PathBuf = static_dir.join("index.html");
    if !index.is_file() {
        tracing::warn!(dir = %static_dir.display(), "no built SPA found; serving the API only (run `make frontend`)");
        return None;
    }
    Some(Files::new("/", static_dir).index_file("index.html").default_handler(fn_service(move |req: ServiceRequest| {
        let index = index.clone();
        async move {
            if req.path().starts_with("/api/") {
                return Ok(req.into_response(ApiError::not_found("resource").error_response()));
            }
            let file = NamedFile::open_async(&index).await?;
            let res = file.into_response(req.request());
            Ok(req.into_response(res))
        }
    })))
}

/// Echoes the request id that every log line of the request carries, so a user's report can be
/// matched to the log.
async fn request_id_header(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let id = req.extensions().get::<RequestId>().map(|id| id.to_string());
    let mut res = next.call(req).await?;
    if let Some(value) = id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        res.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::query_error;

    fn field(message: &str, query: &str) -> String {
        query_error(message, query).problem().errors[0].field.clone()
    }

    #[test]
    fn a_query_error_names_the_parameter_not_the_value() {
        assert_eq!(field("Query deserialize error: missing field `format`", ""), "format");
        assert_eq!(field("Query deserialize error: unknown variant `null`, expected `csv` or `xlsx`", "limit=5&format=null"), "format");
        assert_eq!(field("Query deserialize error: provided string was not `true` or `false`", "dry_run=maybe"), "query");
        assert_eq!(field("Query deserialize error: invalid digit found in string", "limit=abc"), "query");
    }
}
