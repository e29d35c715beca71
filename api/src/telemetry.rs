//! Structured logs: text for people, JSON (`NASTAVNIK_LOG_FORMAT=json`) for collectors. Every
//! line of a request carries its request id through the request span.

use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

pub fn init(format: LogFormat, filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_target(false);
    // try_init: tests start many servers in one process, and only the first may install it.
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).with_span_list(false).try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// The span every request's log lines carry: method, route pattern, request id, status. Not the
/// path or the query string, which can hold a child's name (`?q=`) or a one-time survey token,
/// and not the client's address or user agent: personal data stays out of the logs.
pub struct RequestSpan;

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        let span = tracing::info_span!(
            "request",
            method = %request.method(),
            route = tracing::field::Empty,
            request_id = tracing::field::Empty,
            status = tracing::field::Empty,
        );
        // Finding the route pattern walks the routes again: only for a span that is logged.
        if !span.is_disabled() {
            span.record("route", request.match_pattern().as_deref().unwrap_or("unmatched"));
            if let Some(id) = request.extensions().get::<tracing_actix_web::RequestId>() {
                span.record("request_id", tracing::field::display(id));
            }
        }
        span
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        let status = match outcome {
            Ok(res) => res.status().as_u16(),
            Err(e) => e.as_response_error().status_code().as_u16(),
        };
        span.record("status", status);
        span.in_scope(|| tracing::info!(status, "handled"));
    }
}
