//! ETag on single resources, If-Match on changes: a stale write answers 412 and changes nothing.

use std::future::{Ready, ready};

use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, dev::Payload};
use serde::Serialize;

use crate::error::ApiError;

/// A resource that carries a version number bumped on every change.
pub trait Versioned {
    fn etag(&self) -> String;
}

/// `ETag: "<kind>-<id>-v<version>"`: strong, cheap, and the same on every instance.
pub fn etag_value(kind: &str, id: i64, version: i64) -> String {
    format!("\"{kind}-{id}-v{version}\"")
}

/// 200 with the body and its ETag.
pub fn ok_with_etag<T: Serialize + Versioned>(body: &T) -> HttpResponse {
    HttpResponse::Ok().insert_header((header::ETAG, body.etag())).json(body)
}

/// The request's `If-Match`, if any.
#[derive(Debug, Clone)]
pub struct IfMatch(Option<String>);

impl IfMatch {
    /// Refuses the change when the client's copy is not the current one.
    pub fn check(&self, current: &str) -> Result<(), ApiError> {
        match &self.0 {
            None => Ok(()),
            Some(sent) if sent.trim() == "*" => Ok(()),
            Some(sent) if sent.split(',').any(|t| t.trim().trim_start_matches("W/") == current) => Ok(()),
            Some(_) => Err(ApiError::new(
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                "the resource changed since you read it; reload it and try again",
            )),
        }
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let value = req.headers().get(header::IF_MATCH).and_then(|v| v.to_str().ok()).map(str::to_owned);
        ready(Ok(IfMatch(value)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_current_star_and_absent() {
        let current = etag_value("organization", 3, 2);
        assert!(IfMatch(None).check(&current).is_ok());
        assert!(IfMatch(Some("*".into())).check(&current).is_ok());
        assert!(IfMatch(Some(current.clone())).check(&current).is_ok());
        assert!(IfMatch(Some(format!("W/{current}"))).check(&current).is_ok());
        assert!(IfMatch(Some(etag_value("organization", 3, 1))).check(&current).is_err());
    }
}
