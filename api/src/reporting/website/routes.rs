//! `GET /public/schools/{slug}`: the school website's feed. No account, read by browsers on other
//! origins (the widget on the school's own site), so the scope answers CORS itself, and cached by
//! them, so the answer carries a strong ETag of its body.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, get, web};
use sha2::{Digest, Sha256};

use super::dto::SchoolFeed;
use super::store::load_feed;
use crate::db::Db;
use crate::error::{ApiError, Problem};

/// Five minutes: a school's news may wait that long, and the service is spared a request per
/// page view of every school site.
pub const CACHE_CONTROL: &str = "public, max-age=300";

#[utoipa::path(
    tag = "website",
    summary = "A school's mentorship page as data, for its website and the widget",
    description = "What seed 002's page «Информация о реализации целевой модели наставничества» shows, as data: \
the model's definitions, the programme's goal, tasks and forms, the contact person the school named (the curator), \
roadmap progress, published media-plan items (the school's news) and aggregate figures.\n\n\
**Which programme.** The school's current *published* programme: status `active` or `completed` (a `draft` is still \
being written, an `archived` one is a record); a running programme before a completed one, then the latest to start.\n\n\
**Privacy.** No participant appears here, by name or otherwise. Every count below 5 is published as \
`{\"value\": null, \"suppressed\": true}`; in a breakdown by form a lone suppressed cell takes the smallest other with it, \
so that it cannot be worked out from the total.\n\n\
**Not found.** An unknown slug, a region's or institute's slug and a school with no published programme all answer \
the same 404 `school_feed_not_found`.\n\n\
**Caching and CORS.** Any origin may read it (`Access-Control-Allow-Origin: *`, preflight answered). The answer \
carries a strong `ETag` (a hash of the body) and `Cache-Control: public, max-age=300`; `If-None-Match` with the \
current ETag answers 304 without a body.",
    params(
        ("slug" = String, Path, description = "the school's slug, e.g. `mbou-sosh-s-kremovo`"),
        ("If-None-Match" = Option<String>, Header, description = "an ETag from an earlier answer"),
    ),
    responses(
        (status = 200, body = SchoolFeed, headers(("ETag" = String), ("Cache-Control" = String), ("Access-Control-Allow-Origin" = String))),
        (status = 304, description = "Not modified: the ETag sent is current", headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 404, body = Problem, description = "school_feed_not_found"),
        (status = 429, body = Problem, description = "too_many_requests: past the per-address quota of pages without an account"),
    ),
    security(())
)]
#[get("/{slug}")]
pub async fn school_feed(db: web::Data<Db>, slug: web::Path<String>, req: HttpRequest) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    let feed = db.run(move |conn| load_feed(conn, &slug)).await?;
    let body = serde_json::to_vec(&feed).map_err(|e| ApiError::Internal(e.into()))?;
    let etag = etag_of(&body);
    let cached = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|sent| none_match_hits(sent, &etag));
    let mut res = if cached { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    res.insert_header((header::ETAG, etag)).insert_header((header::CACHE_CONTROL, CACHE_CONTROL));
    Ok(if cached { res.finish() } else { res.content_type("application/json").body(body) })
}

/// Strong: the same bytes give the same tag on every instance, and any change gives another.
fn etag_of(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

/// `If-None-Match` compares weakly (RFC 9110 §13.1.2): a `W/` prefix still matches.
fn none_match_hits(sent: &str, etag: &str) -> bool {
    sent.trim() == "*" || sent.split(',').any(|t| t.trim().trim_start_matches("W/") == etag)
}

/// Open CORS for the public school feed: any site may show its school's page. Preflights are
/// answered here, before routing, and every answer (errors too, so the widget can tell "not
/// found" from "blocked") carries the allow-origin header.
pub async fn open_cors(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if req.method() == Method::OPTIONS {
        let res = HttpResponse::NoContent()
            .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_METHODS, "GET, OPTIONS"))
            .insert_header((header::ACCESS_CONTROL_ALLOW_HEADERS, "If-None-Match"))
            .insert_header((header::ACCESS_CONTROL_MAX_AGE, "86400"))
            .finish();
        return Ok(req.into_response(res).map_into_right_body());
    }
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, header::HeaderValue::from_static("*"));
    headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, header::HeaderValue::from_static("ETag"));
    Ok(res.map_into_left_body())
}

/// The feed's routes, under `/api/v1`.
pub fn configure(cfg: &mut utoipa_actix_web::service_config::ServiceConfig) {
    cfg.service(utoipa_actix_web::scope("/public/schools").wrap(actix_web::middleware::from_fn(open_cors)).service(school_feed));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_compares_weakly_and_lists() {
        let tag = etag_of(b"{}");
        assert!(tag.starts_with('"') && tag.len() == 34);
        assert!(none_match_hits(&tag, &tag));
        assert!(none_match_hits(&format!("\"x\", W/{tag}"), &tag));
        assert!(none_match_hits("*", &tag));
        assert!(!none_match_hits("\"x\"", &tag));
        assert_ne!(etag_of(b"{}"), etag_of(b"{ }"));
    }
}
