//! Short-lived access tokens: HS256 pinned, audience, expiry and token type checked.

use chrono::{Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

use super::verified_tokens::VerifiedTokens;
use crate::error::ApiError;

const AUDIENCE: &str = "nastavnik";
const ISSUER: &str = "nastavnik";
const ACCESS: &str = "access";
/// Seconds a token is still taken after its expiry, for clocks a little apart.
const LEEWAY: i64 = 5;

pub struct AuthConfig {
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// Built once: its claim sets are hash sets, and building them for every request showed.
    validation: Validation,
    verified: VerifiedTokens,
    pub access_ttl: Duration,
    pub refresh_ttl: Duration,
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    aud: String,
    iss: String,
    iat: i64,
    exp: i64,
    /// Refuses anything but an access token here, should another kind ever be signed with the key.
    typ: String,
}

impl AuthConfig {
    pub fn new(secret: &[u8], access_ttl: Duration, refresh_ttl: Duration) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation: access_validation(),
            verified: VerifiedTokens::default(),
            access_ttl,
            refresh_ttl,
        }
    }

    pub fn issue_access(&self, user_id: i64) -> Result<String, ApiError> {
        let now = Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            aud: AUDIENCE.into(),
            iss: ISSUER.into(),
            iat: now,
            exp: now + self.access_ttl.num_seconds(),
            typ: ACCESS.into(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("signing an access token failed: {e}")))
    }

    /// The user id of a valid access token.
    pub fn verify_access(&self, token: &str) -> Result<i64, ApiError> {
        if let Some(user_id) = self.verified.user(token, Utc::now().timestamp() - LEEWAY) {
            return Ok(user_id);
        }
        let data = decode::<Claims>(token, &self.decoding, &self.validation).map_err(|e| {
            let expired = matches!(e.kind(), jsonwebtoken::errors::ErrorKind::ExpiredSignature);
            if expired {
                ApiError::unauthorized("token_expired", "the access token has expired; refresh it")
            } else {
                ApiError::unauthorized("invalid_token", "the access token is not valid")
            }
        })?;
        if data.claims.typ != ACCESS {
            return Err(ApiError::unauthorized("invalid_token", "not an access token"));
        }
        let user_id = data.claims.sub.parse().map_err(|_| ApiError::unauthorized("invalid_token", "the access token is not valid"))?;
        self.verified.keep(token, user_id, data.claims.exp);
        Ok(user_id)
    }
}

/// HS256 only, our audience and issuer, and every claim we rely on present.
fn access_validation() -> Validation {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&[AUDIENCE]);
    validation.set_issuer(&[ISSUER]);
    validation.set_required_spec_claims(&["exp", "aud", "iss", "sub"]);
    validation.leeway = LEEWAY as u64;
    validation
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn config(secret: &[u8]) -> AuthConfig {
        AuthConfig::new(secret, Duration::minutes(15), Duration::days(30))
    }

    #[test]
    fn round_trip() {
        let c = config(b"0123456789abcdef0123456789abcdef");
        let token = c.issue_access(7).expect("signs");
        assert_eq!(c.verify_access(&token).ok(), Some(7));
    }

    #[test]
    fn other_key_and_alg_none_are_refused() {
        let token = config(b"another key, another key, another").issue_access(7).expect("signs");
        assert!(config(b"0123456789abcdef0123456789abcdef").verify_access(&token).is_err());

        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let exp = Utc::now().timestamp() + 600;
        let body = URL_SAFE_NO_PAD.encode(
            format!(r#"{{"sub":"7","aud":"nastavnik","iss":"nastavnik","iat":0,"exp":{exp},"typ":"access"}}"#),
        );
        let forged = format!("{header}.{body}.");
        assert!(config(b"0123456789abcdef0123456789abcdef").verify_access(&forged).is_err());
    }

    #[test]
    fn expired_token_says_so() {
        let c = AuthConfig::new(b"0123456789abcdef0123456789abcdef", Duration::seconds(-60), Duration::days(1));
        let token = c.issue_access(7).expect("signs");
        assert_eq!(c.verify_access(&token).expect_err("expired").code(), "token_expired");
    }
}
