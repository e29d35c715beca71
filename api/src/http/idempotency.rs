//! `Idempotency-Key` on POST: the same caller, key and body get the first answer again; the same
//! key with another body is 422. Built once as middleware, so every create and import has it.

use actix_web::body::{BoxBody, MessageBody, to_bytes};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, StatusCode, header};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::{HttpResponse, ResponseError};
use chrono::Utc;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::auth::{AuthConfig, api_tokens};
use crate::db::Db;
use crate::db::schema::idempotency_keys as keys;
use crate::error::ApiError;

const HEADER: &str = "Idempotency-Key";

/// A first request that never answered (the service stopped in it) frees its key after this long,
/// so that the client's retry runs instead of hearing "in progress" for ever. Longer than any
/// request runs: the body is read before the key is taken, and the slowest handler, the check of
/// a 200 MiB import, takes well under a minute.
const ABANDONED_AFTER_MINUTES: i64 = 10;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Who is asking, stable across access-token renewals: the user for a JWT, the token itself
/// (hashed) for an API token. Unauthenticated requests get no idempotency: the handler refuses them.
fn owner(req: &ServiceRequest) -> Option<String> {
    let token = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?.strip_prefix("Bearer ")?.trim();
    if api_tokens::looks_like(token) {
        return Some(format!("api_token:{}", hex(&Sha256::digest(token.as_bytes()))));
    }
    let config = req.app_data::<web::Data<AuthConfig>>()?;
    config.verify_access(token).ok().map(|id| format!("user:{id}"))
}

/// The first request with a key, and its answer once there is one.
#[derive(Queryable, Selectable)]
#[diesel(table_name = keys)]
struct Recorded {
    request_hash: String,
    status_code: Option<i32>,
    location: Option<String>,
    response_body: Option<String>,
    created_at: chrono::NaiveDateTime,
}

enum Seen {
    New,
    Replay { status: u16, location: Option<String>, body: String },
}

fn in_progress() -> ApiError {
    ApiError::conflict("idempotency_in_progress", "the first request with this key is still running")
}

pub async fn idempotency(mut req: ServiceRequest, next: Next<BoxBody>) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = req.headers().get(HEADER).and_then(|v| v.to_str().ok()).map(|k| k.trim().to_owned());
    let (Some(key), true) = (key, req.method() == Method::POST) else {
        return next.call(req).await;
    };
    if key.is_empty() || key.len() > 200 {
        let err = ApiError::invalid_field(HEADER, "must be 1–200 characters");
        return Ok(req.into_response(err.error_response()));
    }
    let (Some(owner), Some(db)) = (owner(&req), req.app_data::<web::Data<Db>>().cloned()) else {
        return next.call(req).await;
    };
    let body: Bytes = req.extract::<Bytes>().await?;
    let mut hasher = Sha256::new();
    hasher.update(req.path().as_bytes());
    hasher.update(b"?");
    hasher.update(req.query_string().as_bytes());
    hasher.update(b"\n");
    hasher.update(&body);
    let request_hash = hex(&hasher.finalize());
    req.set_payload(Payload::from(body));

    let (o, k, h) = (owner.clone(), key.clone(), request_hash.clone());
    let seen = db
        .write(move |conn| {
            let row: Option<Recorded> = keys::table
                .filter(keys::owner.eq(&o))
                .filter(keys::idem_key.eq(&k))
                .select(Recorded::as_select())
                .first(conn)
                .optional()?;
            let now = Utc::now().naive_utc();
            let abandoned_before = now - chrono::Duration::minutes(ABANDONED_AFTER_MINUTES);
            match row.map(|r| (r.request_hash, r.status_code, r.location, r.response_body, r.created_at)) {
                None => {
                    diesel::insert_into(keys::table)
                        .values((keys::owner.eq(&o), keys::idem_key.eq(&k), keys::request_hash.eq(&h), keys::created_at.eq(now)))
                        .execute(conn)?;
                    Ok(Seen::New)
                }
                Some((hash, ..)) if hash != h => Err(ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "idempotency_key_reused",
                    "this Idempotency-Key was used with another request body",
                )),
                Some((_, None, _, _, started)) if started < abandoned_before => {
                    // Taken over only if still abandoned when the row is locked: of two retries at
                    // once, one runs.
                    let taken = diesel::update(keys::table.filter(keys::owner.eq(&o)).filter(keys::idem_key.eq(&k)).filter(keys::status_code.is_null()).filter(keys::created_at.lt(abandoned_before)))
                        .set(keys::created_at.eq(now))
                        .execute(conn)?;
                    if taken == 1 { Ok(Seen::New) } else { Err(in_progress()) }
                }
                Some((_, None, ..)) => Err(in_progress()),
                Some((_, Some(status), location, body, _)) => {
                    Ok(Seen::Replay { status: status as u16, location, body: body.unwrap_or_default() })
                }
            }
        })
        .await;
    match seen {
        Err(e) => Ok(req.into_response(e.error_response())),
        Ok(Seen::Replay { status, location, body }) => {
            let mut res = HttpResponse::build(StatusCode::from_u16(status).unwrap_or(StatusCode::OK));
            res.insert_header(("Idempotent-Replayed", "true"));
            if let Some(l) = location {
                res.insert_header((header::LOCATION, l));
            }
            if !body.is_empty() {
                let json = if status >= 400 { crate::error::PROBLEM_JSON } else { "application/json" };
                res.content_type(json);
            }
            Ok(req.into_response(res.body(body)))
        }
        Ok(Seen::New) => {
            let res = next.call(req).await?;
            let status = res.status();
            let location = res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
            let (req, res) = res.into_parts();
            let (res, body) = res.into_parts();
            let bytes = to_bytes(body).await.unwrap_or_default();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            // A server error is not an answer worth replaying: free the key so a retry can run.
            let forget = status.is_server_error();
            let stored = db
                .run(move |conn| {
                    let row = keys::table.filter(keys::owner.eq(&owner)).filter(keys::idem_key.eq(&key));
                    if forget {
                        diesel::delete(row).execute(conn)?;
                    } else {
                        diesel::update(row)
                            .set((keys::status_code.eq(i32::from(status.as_u16())), keys::location.eq(location), keys::response_body.eq(text)))
                            .execute(conn)?;
                    }
                    Ok(())
                })
                .await;
            if let Err(e) = stored {
                tracing::error!(error = %e, "could not record an idempotent answer");
            }
            Ok(ServiceResponse::new(req, res.set_body(bytes.boxed())))
        }
    }
}

