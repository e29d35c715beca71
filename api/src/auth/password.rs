//! Passwords: argon2id hashes and the password policy.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use crate::error::ApiError;

pub const MIN_LENGTH: usize = 10;
pub const MAX_LENGTH: usize = 128;

pub fn hash(password: &str) -> Result<String, ApiError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("password hashing failed: {e}")))
}

/// Verifies in constant work whether or not the account exists (pass `None` for a missing one),
/// so that timing does not tell which e-mails have accounts.
pub fn verify(password: &str, stored: Option<&str>) -> bool {
    const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0pEVjjUZkZ2rrvy4B+2zl5q7Zf1lSBe1PWiLfqq0tWA";
    let Ok(parsed) = PasswordHash::new(stored.unwrap_or(DUMMY)) else {
        return false;
    };
    Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && stored.is_some()
}

/// The policy: long enough, not absurdly long, not one repeated character.
pub fn check_policy(password: &str) -> Result<(), &'static str> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        return Err("must be at least 10 characters");
    }
    if chars > MAX_LENGTH {
        return Err("must be at most 128 characters");
    }
    let mut distinct: Vec<char> = password.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 4 {
        return Err("must use at least 4 different characters");
    }
    Ok(())
}

/// A `validator` rule over `check_policy`.
pub fn validate(password: &str) -> Result<(), validator::ValidationError> {
    check_policy(password).map_err(|m| validator::ValidationError::new("password").with_message(m.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_verifies_only_the_same_password() {
        let h = hash("correct horse battery").expect("hashes");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", Some(&h)));
        assert!(!verify("wrong horse battery", Some(&h)));
        assert!(!verify("correct horse battery", None));
    }

    #[test]
    fn policy() {
        assert!(check_policy("short").is_err());
        assert!(check_policy("aaaaaaaaaaaa").is_err());
        assert!(check_policy("пароль-для-школы").is_ok());
        assert!(check_policy(&"ab1-".repeat(40)).is_err());
    }
}
