//! One error type for every handler, rendered as RFC 9457 problem+json with a stable `code`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// A field that broke the schema or a rule, named by its JSON path (`memberships[0].role`).
#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

/// The body of every error answer.
#[derive(Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:nastavnik:problem:not_found", "title": "Not Found", "status": 404,
    "detail": "organisation 42 not found", "code": "not_found"
}))]
pub struct Problem {
    /// `urn:nastavnik:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable, machine-readable: what went wrong.
    pub code: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{detail}")]
    Problem {
        status: StatusCode,
        code: &'static str,
        detail: String,
        errors: Vec<FieldError>,
    },
    #[error("database error")]
    Database(#[from] DieselError),
    #[error("no database connection available")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error("blocking task failed")]
    Blocking(#[from] actix_web::error::BlockingError),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> Self {
        Self::Problem { status, code, detail: detail.into(), errors: Vec::new() }
    }

    pub fn not_found(what: impl std::fmt::Display) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", format!("{what} not found"))
    }

    /// Says which item of a batch a refusal is about, e.g. "proposal 12: …".
    pub fn about(self, what: impl std::fmt::Display) -> Self {
        match self {
            Self::Problem { status, code, detail, errors } => Self::Problem { status, code, detail: format!("{what}: {detail}"), errors },
            other => other,
        }
    }

    /// A parent resource's 404 told as the child's: "programme 4 not found" would tell the
    /// caller which programme an activity belongs to.
    pub fn not_found_as(self, what: impl std::fmt::Display) -> Self {
        if self.code() == "not_found" { Self::not_found(what) } else { self }
    }

    pub fn forbidden() -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", "your role does not allow this")
    }

    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, code, detail)
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn conflict(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, code, detail)
    }

    /// 422 naming each offending field.
    pub fn validation(errors: Vec<FieldError>) -> Self {
        let detail = match errors.as_slice() {
            [one] => format!("{}: {}", one.field, one.message),
            _ => format!("{} fields are invalid", errors.len()),
        };
        Self::Problem { status: StatusCode::UNPROCESSABLE_ENTITY, code: "validation_failed", detail, errors }
    }

    /// 422 about one field, with a code more precise than `validation_failed`.
    pub fn field_problem(code: &'static str, field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self::Problem {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code,
            detail: format!("{field}: {message}"),
            errors: vec![FieldError { field: field.into(), message }],
        }
    }

    pub fn invalid_field(field: &str, message: impl Into<String>) -> Self {
        Self::validation(vec![FieldError { field: field.into(), message: message.into() }])
    }

    /// PostgreSQL refusing U+0000 in text, which SQLite stores. Request bodies, paths and queries
    /// are checked before they reach the database (http/nul.rs); this catches what a file import
    /// carries in, as the bad input it is rather than a server error.
    fn is_nul_refusal(&self) -> bool {
        matches!(self, Self::Database(DieselError::DatabaseError(DatabaseErrorKind::Unknown, info))
            if info.message().contains("invalid byte sequence") && info.message().contains("0x00"))
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Problem { code, .. } => code,
            err if err.is_nul_refusal() => "validation_failed",
            Self::Database(DieselError::NotFound) => "not_found",
            Self::Database(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => "already_exists",
            Self::Database(DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _)) => {
                "invalid_reference"
            }
            Self::Pool(_) => "database_unavailable",
            _ => "internal_error",
        }
    }

    fn public_detail(&self) -> String {
        match self {
            Self::Problem { detail, .. } => detail.clone(),
            err if err.is_nul_refusal() => format!("a text {}", crate::http::nul::MESSAGE),
            Self::Database(DieselError::NotFound) => "the resource was not found".into(),
            Self::Database(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                "a record with the same unique value already exists".into()
            }
            Self::Database(DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _)) => {
                "the request refers to a record that does not exist".into()
            }
            Self::Pool(_) => "the database is not reachable; try again shortly".into(),
            // Never SQL, never a stack trace: the cause goes to the log with the request id.
            _ => "an internal error occurred; it has been logged".into(),
        }
    }

    pub fn problem(&self) -> Problem {
        let status = self.status_code();
        let code = self.code();
        Problem {
            kind: format!("urn:nastavnik:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.public_detail(),
            code: code.to_owned(),
            errors: match self {
                Self::Problem { errors, .. } => errors.clone(),
                _ => Vec::new(),
            },
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Problem { status, .. } => *status,
            err if err.is_nul_refusal() => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Database(DieselError::NotFound) => StatusCode::NOT_FOUND,
            Self::Database(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => StatusCode::CONFLICT,
            Self::Database(DieselError::DatabaseError(DatabaseErrorKind::ForeignKeyViolation, _)) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            Self::Pool(_) => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            tracing::error!(code = self.code(), cause = %error_chain(self), "request failed");
        } else {
            tracing::debug!(code = self.code(), "request refused");
        }
        HttpResponse::build(status).content_type(PROBLEM_JSON).json(self.problem())
    }
}

/// The error and its sources on one line, for the log.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        out.push_str(": ");
        out.push_str(&cause.to_string());
        source = cause.source();
    }
    out
}

pub type ApiResult<T> = Result<T, ApiError>;
