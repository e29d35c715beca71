//! Gzip for JSON answers, compressed where they are made. actix's `Compress` sends every body
//! over 1 KiB to the blocking thread pool to be compressed, the same threads the database work
//! waits on: a list of a few kilobytes then crossed threads once more and queued behind queries,
//! which cut the pairs list's throughput to a third for any client that accepts gzip (every
//! browser does). A JSON answer is already whole in memory, and gzip's fastest level takes tens
//! of microseconds on it. Other bodies (files, exports, streams), and JSON under 1 KiB, still go
//! through `Compress`, which leaves an answer that already has a Content-Encoding alone.
//!
//! Answers under 1 KiB are not compressed at all (`plain_when_small`): gzip saves no packet on
//! them, and `Compress` would still set up a whole deflate state for each, half a megabyte
//! zeroed, which took a browser's short request longer than everything else it did.

use std::io::Write;

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, AcceptEncoding, ContentEncoding, Encoding, Header, HeaderValue};
use actix_web::middleware::Next;
use flate2::Compression;
use flate2::write::GzEncoder;

/// Smaller bodies `Compress` encodes in place itself; from this size on it would hand them over.
const MIN_BYTES: usize = 1024;
/// A bigger answer is rare (a whole base as JSON) and is better left to `Compress`'s thread.
const MAX_BYTES: usize = 1 << 20;

pub async fn gzip_json<B: MessageBody + 'static>(req: ServiceRequest, next: Next<B>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let wants_gzip = AcceptEncoding::parse(&req)
        .ok()
        .and_then(|accept| accept.negotiate([Encoding::gzip()].iter()))
        .is_some_and(|chosen| chosen == Encoding::gzip());
    let res = next.call(req).await?;
    if !wants_gzip || res.headers().contains_key(header::CONTENT_ENCODING) || !is_json(&res) {
        return Ok(res.map_into_boxed_body());
    }
    let (req, res) = res.into_parts();
    let (mut res, body) = res.into_parts();
    let bytes = match body.try_into_bytes() {
        Ok(bytes) if (MIN_BYTES..=MAX_BYTES).contains(&bytes.len()) => bytes,
        Ok(bytes) => return Ok(ServiceResponse::new(req, res.set_body(bytes).map_into_boxed_body())),
        Err(body) => return Ok(ServiceResponse::new(req, res.set_body(body).map_into_boxed_body())),
    };
    let mut encoder = GzEncoder::new(Vec::with_capacity(bytes.len() / 3), Compression::fast());
    let compressed = encoder.write_all(&bytes).and_then(|()| encoder.finish());
    let Ok(compressed) = compressed else {
        return Ok(ServiceResponse::new(req, res.set_body(bytes).map_into_boxed_body()));
    };
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_ENCODING, ContentEncoding::Gzip.to_header_value());
    headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    Ok(ServiceResponse::new(req, res.set_body(compressed).map_into_boxed_body()))
}

/// Marks a short answer as not to be encoded, for `Compress` (inside `drop_identity`), which
/// leaves an answer with a Content-Encoding as it is.
pub async fn plain_when_small<B: MessageBody>(req: ServiceRequest, next: Next<B>) -> Result<ServiceResponse<B>, actix_web::Error> {
    let mut res = next.call(req).await?;
    let small = matches!(res.response().body().size(), BodySize::Sized(n) if n < MIN_BYTES as u64);
    if small && !res.headers().contains_key(header::CONTENT_ENCODING) {
        res.headers_mut().insert(header::CONTENT_ENCODING, HeaderValue::from_static(IDENTITY));
    }
    Ok(res)
}

/// Takes off the mark `plain_when_small` left once `Compress` has passed: `identity` means "no
/// coding" in a request's Accept-Encoding, and is not sent as a Content-Encoding.
pub async fn drop_identity<B: MessageBody>(req: ServiceRequest, next: Next<B>) -> Result<ServiceResponse<B>, actix_web::Error> {
    let mut res = next.call(req).await?;
    if res.headers().get(header::CONTENT_ENCODING).is_some_and(|v| v == IDENTITY) {
        res.headers_mut().remove(header::CONTENT_ENCODING);
    }
    Ok(res)
}

const IDENTITY: &str = "identity";

/// `application/json` and `application/problem+json`.
fn is_json<B>(res: &ServiceResponse<B>) -> bool {
    res.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("application/json") || t.starts_with("application/problem+json"))
}
