//! The embeddable widget beside the API: `/widget/nastavnik.js` (one script tag on a school's
//! site) and `/widget/school/{slug}`, a bare page for sites that only allow iframes. Both are
//! static: the script fetches the public feed itself, so the page needs neither the SPA's bundle
//! nor a database query.

use std::sync::LazyLock;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse, get, web};
use sha2::{Digest, Sha256};

use super::routes::CACHE_CONTROL;
use crate::error::ApiError;

/// Kept inside the crate rather than in frontend/: the Rust build (and its Docker stage) sees only
/// api/, and a bare machine then serves the widget without a JavaScript build.
pub const SCRIPT: &str = include_str!("assets/nastavnik.js");

static SCRIPT_ETAG: LazyLock<String> = LazyLock::new(|| {
    let hex: String = Sha256::digest(SCRIPT.as_bytes()).iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
});

/// The iframe page may be framed by any site; it runs only its own script.
const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; \
                        img-src 'self' data:; frame-ancestors *; base-uri 'none'; form-action 'none'";

fn fresh(req: &HttpRequest, etag: &str) -> bool {
    req.headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|sent| sent.trim() == "*" || sent.split(',').any(|t| t.trim().trim_start_matches("W/") == etag))
}

#[get("/widget/nastavnik.js")]
pub async fn widget_script(req: HttpRequest) -> HttpResponse {
    let etag = SCRIPT_ETAG.as_str();
    let mut res = if fresh(&req, etag) { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    res.insert_header((header::ETAG, etag))
        .insert_header((header::CACHE_CONTROL, CACHE_CONTROL))
        // A school site may load it with `crossorigin` (subresource integrity); nothing secret here.
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
    if fresh(&req, etag) { res.finish() } else { res.content_type("text/javascript; charset=utf-8").body(SCRIPT) }
}

/// Slugs are made by the service from names (`mbou-sosh-s-kremovo`); anything else is not one,
/// and is refused before it could reach the HTML.
fn is_slug(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[get("/widget/school/{slug}")]
pub async fn widget_page(slug: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let slug = slug.into_inner();
    if !is_slug(&slug) {
        return Err(super::store::feed_not_found());
    }
    let html = format!(
        "<!doctype html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Информация о реализации целевой модели наставничества</title>\n\
         <style>body{{margin:0;padding:8px;background:#fff}}</style>\n</head>\n<body>\n<main>\n\
         <script src=\"/widget/nastavnik.js\" data-school=\"{slug}\" data-heading-level=\"1\" data-page></script>\n\
         <noscript><p>Для просмотра сведений о наставничестве включите JavaScript.</p></noscript>\n\
         </main>\n</body>\n</html>\n"
    );
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, PAGE_CSP))
        .insert_header((header::CACHE_CONTROL, CACHE_CONTROL))
        .body(html))
}

/// The app-wide security headers forbid framing (`X-Frame-Options: DENY`); the iframe page exists
/// to be framed, and says by whom in its own CSP. Wrapped outside the security headers.
pub async fn allow_framing(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let page = req.path().starts_with("/widget/school/");
    let mut res = next.call(req).await?;
    if page && res.headers().get(header::CONTENT_SECURITY_POLICY) == Some(&HeaderValue::from_static(PAGE_CSP)) {
        res.headers_mut().remove(header::X_FRAME_OPTIONS);
    }
    Ok(res)
}

/// Plain actix routes: the widget is not part of the API's spec.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(widget_script).service(widget_page);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_only() {
        assert!(is_slug("mbou-sosh-s-kremovo"));
        assert!(!is_slug("a\"><script>"));
        assert!(!is_slug(""));
        assert!(!is_slug("Школа"));
    }
}
