//! The NUL character (U+0000) in a path or a query parameter is refused before any handler sees it.
//! PostgreSQL cannot store it in text and fails the whole statement, while SQLite takes it: left
//! to the database, the same request would be a 500 on one and a match on the other. JSON bodies
//! are checked field by field where they are parsed (http/json.rs).

use actix_web::ResponseError;
use actix_web::body::BoxBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;

use crate::error::ApiError;

/// What a body or parameter is told when it carries a NUL.
pub const MESSAGE: &str = "must not contain the NUL character (U+0000)";

/// A path with a NUL names nothing (404, as any path parameter that does not parse); a query
/// parameter with one is invalid input (422 naming it).
pub async fn reject_nul(req: ServiceRequest, next: Next<BoxBody>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if has_nul(req.path()) {
        return Ok(req.into_response(ApiError::not_found("resource").error_response()));
    }
    if let Some(field) = nul_parameter(req.query_string()) {
        return Ok(req.into_response(ApiError::invalid_field(&field, MESSAGE).error_response()));
    }
    next.call(req).await
}

/// Percent-encoded (`%00`) or, where a client sent it raw, as is.
fn has_nul(raw: &str) -> bool {
    raw.contains("%00") || raw.contains('\0')
}

/// The query parameter that carries a NUL, in its name or its value.
fn nul_parameter(query: &str) -> Option<String> {
    if !has_nul(query) {
        return None;
    }
    let pairs = web::Query::<Vec<(String, String)>>::from_query(query).map(|q| q.into_inner()).unwrap_or_default();
    let carrier = pairs.into_iter().find(|(key, value)| key.contains('\0') || value.contains('\0'));
    Some(match carrier {
        Some((key, _)) if !key.contains('\0') => key,
        _ => "query".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_parameter_that_carries_a_nul() {
        assert_eq!(nul_parameter("limit=5&q=a%00b"), Some("q".into()));
        assert_eq!(nul_parameter("a%00=1"), Some("query".into()));
        assert_eq!(nul_parameter("limit=5&q=a%2500"), None, "an escaped percent sign is no NUL");
        assert_eq!(nul_parameter("limit=5"), None);
    }
}
