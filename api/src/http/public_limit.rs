//! A per-address request limit on what anyone may call without an account: the public pages
//! (`/api/v1/public/…`, where certificate codes and survey links could otherwise be guessed at
//! machine speed) and the calendar feeds read by token. Signed-in work is not limited here: it is
//! bounded by who has an account, and sign-in failures have their own limit in the database.
//!
//! The count lives in this instance's memory, so with N instances behind a balancer a client gets
//! up to N times the quota. That is acceptable for a guard against guessing (the secrets are long)
//! and keeps a public page from costing a database write.

use std::net::IpAddr;
use std::num::NonZeroU32;

use actix_web::body::{BoxBody, EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::http::header::{HeaderValue, RETRY_AFTER};
use actix_web::middleware::Next;
use actix_web::{ResponseError, web};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::client_address::TrustedProxies;
use crate::error::ApiError;

/// Keys kept before forgetting the addresses whose quota has refilled.
const TIDY_ABOVE: usize = 10_000;

pub struct PublicLimit {
    limiter: Option<DefaultKeyedRateLimiter<IpAddr>>,
    proxies: TrustedProxies,
}

impl PublicLimit {
    /// `per_minute` requests a minute from one address, all of them usable at once; 0 turns the
    /// limit off (load tests, fuzzing from one address).
    pub fn new(per_minute: u32, proxies: TrustedProxies) -> Self {
        let limiter = NonZeroU32::new(per_minute).map(|n| RateLimiter::keyed(Quota::per_minute(n)));
        Self { limiter, proxies }
    }

    /// None when the request may go on; otherwise the seconds to wait.
    fn check(&self, req: &ServiceRequest) -> Option<u64> {
        let limiter = self.limiter.as_ref()?;
        let client = self.proxies.client(req.peer_addr().map(|a| a.ip()), req.headers())?;
        if limiter.len() > TIDY_ABOVE {
            limiter.retain_recent();
        }
        let refused = limiter.check_key(&client).err()?;
        Some(refused.wait_time_from(DefaultClock::default().now()).as_secs().max(1))
    }
}

fn is_public(path: &str) -> bool {
    path.starts_with("/api/v1/public/") || path.starts_with("/api/v1/calendar-feeds/")
}

pub async fn public_limit(req: ServiceRequest, next: Next<impl MessageBody>) -> Result<ServiceResponse<EitherBody<impl MessageBody, BoxBody>>, actix_web::Error> {
    let wait = match req.app_data::<web::Data<PublicLimit>>() {
        Some(limit) if is_public(req.path()) => limit.check(&req),
        _ => None,
    };
    let Some(seconds) = wait else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let mut res = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too_many_requests", format!("too many requests from this address; try again in {seconds} s")).error_response();
    res.headers_mut().insert(RETRY_AFTER, HeaderValue::from(seconds));
    Ok(req.into_response(res).map_into_right_body())
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn the_quota_is_per_address_and_zero_turns_it_off() {
        let limit = PublicLimit::new(3, TrustedProxies::default());
        let from = |ip: &str| TestRequest::default().peer_addr(format!("{ip}:5000").parse().expect("addr")).to_srv_request();
        for _ in 0..3 {
            assert_eq!(limit.check(&from("198.51.100.1")), None);
        }
        assert!(limit.check(&from("198.51.100.1")).is_some_and(|s| s >= 1));
        assert_eq!(limit.check(&from("198.51.100.2")), None);
        let off = PublicLimit::new(0, TrustedProxies::default());
        assert!((0..100).all(|_| off.check(&from("198.51.100.1")).is_none()));
    }

    #[test]
    fn only_the_pages_without_an_account_are_limited() {
        assert!(is_public("/api/v1/public/certificates/NST-1234-5678"));
        assert!(is_public("/api/v1/calendar-feeds/abc.ics"));
        assert!(!is_public("/api/v1/programs/1"));
        assert!(!is_public("/healthz"));
    }
}
