//! Configuration from the environment (every variable is in `.env.example`). A bad value is a
//! clear message naming the variable, never a panic.

use std::path::{Path, PathBuf};

use chrono::Duration;

use crate::db::DbUrl;
use crate::http::client_address::TrustedProxies;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: DbUrl,
    pub bind: String,
    pub data_dir: PathBuf,
    /// None: generated once and kept in the data dir.
    pub jwt_secret: Option<String>,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
    pub log_format: LogFormat,
    pub log_filter: String,
    pub static_dir: PathBuf,
    pub pool_size: u32,
    pub workers: usize,
    /// Balancers whose `X-Forwarded-For` names the client (the per-address limits need it).
    pub trusted_proxies: TrustedProxies,
    /// Requests a minute one address may make to the pages without an account; 0: no limit.
    pub public_requests_per_minute: u32,
}

#[derive(Debug, thiserror::Error)]
#[error("configuration: {0}")]
pub struct ConfigError(pub String);

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn number<T>(name: &str, default: T, range: std::ops::RangeInclusive<T>) -> Result<T, ConfigError>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy,
{
    let Some(raw) = var(name) else { return Ok(default) };
    let value: T = raw.trim().parse().map_err(|_| ConfigError(format!("{name} must be a whole number, got `{raw}`")))?;
    if !range.contains(&value) {
        return Err(ConfigError(format!("{name} must be between {} and {}, got {value}", range.start(), range.end())));
    }
    Ok(value)
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        let data_dir = PathBuf::from(var("NASTAVNIK_DATA_DIR").unwrap_or_else(|| "data".into()));
        let database_url = match var("DATABASE_URL") {
            Some(url) => DbUrl::parse(url.trim()).map_err(ConfigError)?,
            None => DbUrl::Sqlite(data_dir.join("nastavnik.db").to_string_lossy().into_owned()),
        };
        let jwt_secret = var("NASTAVNIK_JWT_SECRET");
        if let Some(s) = &jwt_secret
            && s.len() < 32
        {
            return Err(ConfigError("NASTAVNIK_JWT_SECRET must be at least 32 characters".into()));
        }
        let log_format = match var("NASTAVNIK_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => return Err(ConfigError(format!("NASTAVNIK_LOG_FORMAT must be `text` or `json`, got `{other}`"))),
        };
        let log_filter = var("NASTAVNIK_LOG").unwrap_or_else(|| "info".into());
        tracing_subscriber::EnvFilter::try_new(&log_filter)
            .map_err(|e| ConfigError(format!("NASTAVNIK_LOG is not a valid filter (`{log_filter}`): {e}")))?;
        let bind = var("NASTAVNIK_BIND").unwrap_or_else(|| "127.0.0.1:8080".into());
        check_bind(&bind)?;
        let default_pool = match database_url {
            DbUrl::Postgres(_) => 8,
            DbUrl::Sqlite(_) => 4,
        };
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Ok(Self {
            database_url,
            bind,
            data_dir,
            jwt_secret,
            access_ttl: Duration::seconds(number("NASTAVNIK_ACCESS_TOKEN_TTL_SECONDS", 900, 60..=86_400)?),
            refresh_ttl: Duration::days(number("NASTAVNIK_REFRESH_TOKEN_TTL_DAYS", 30, 1..=365)?),
            log_format,
            log_filter,
            static_dir: PathBuf::from(var("NASTAVNIK_STATIC_DIR").unwrap_or_else(|| "frontend/dist".into())),
            pool_size: number("NASTAVNIK_DB_POOL_SIZE", default_pool, 1..=256)?,
            workers: number("NASTAVNIK_WORKERS", cores, 1..=256)?,
            trusted_proxies: TrustedProxies::parse(&var("NASTAVNIK_TRUSTED_PROXIES").unwrap_or_default())
                .map_err(|e| ConfigError(format!("NASTAVNIK_TRUSTED_PROXIES: {e}")))?,
            public_requests_per_minute: number("NASTAVNIK_PUBLIC_REQUESTS_PER_MINUTE", 120, 0..=1_000_000)?,
        })
    }

    /// The signing secret: the configured one, or the one kept in the data dir (made on first start).
    pub fn resolve_jwt_secret(&self) -> Result<Vec<u8>, ConfigError> {
        if let Some(s) = &self.jwt_secret {
            return Ok(s.as_bytes().to_vec());
        }
        let path = self.data_dir.join("jwt-secret");
        match std::fs::read_to_string(&path) {
            Ok(s) if s.trim().len() >= 32 => Ok(s.trim().as_bytes().to_vec()),
            Ok(_) => Err(ConfigError(format!("{} is shorter than 32 characters; delete it to make a new one", path.display()))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => write_secret(&path),
            Err(e) => Err(ConfigError(format!("cannot read {}: {e}", path.display()))),
        }
    }
}

fn check_bind(bind: &str) -> Result<(), ConfigError> {
    use std::net::ToSocketAddrs;
    bind.to_socket_addrs()
        .map(|_| ())
        .map_err(|_| ConfigError(format!("NASTAVNIK_BIND must be host:port, e.g. 127.0.0.1:8080, got `{bind}`")))
}

pub fn check_bind_arg(bind: &str) -> Result<(), ConfigError> {
    check_bind(bind)
}

fn write_secret(path: &Path) -> Result<Vec<u8>, ConfigError> {
    let secret = crate::auth::new_signing_secret();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| ConfigError(format!("cannot create {}: {e}", dir.display())))?;
    }
    std::fs::write(path, &secret).map_err(|e| ConfigError(format!("cannot write {}: {e}", path.display())))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600));
    }
    tracing::info!(path = %path.display(), "generated a JWT signing secret");
    Ok(secret.into_bytes())
}
