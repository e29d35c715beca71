//! Access tokens already verified, so that a client's next requests skip checking the signature
//! and parsing the claims again: that was a tenth of a short list's work.
//!
//! A verified token may be kept because what it says cannot change before it expires: its claims
//! are signed, and the account it names is looked up apart from it (`principal`), so a
//! deactivation still takes effect at once. Only the expiry is checked again on every use.

use std::collections::HashMap;

use parking_lot::RwLock;

/// Bounds the memory (a token is about 250 bytes): far above the tokens in use at once; reaching
/// it starts afresh.
const MAX_KEPT: usize = 10_000;

#[derive(Default)]
pub struct VerifiedTokens {
    /// A read lock on the way of every request: requests do not queue behind one another.
    tokens: RwLock<HashMap<Box<str>, Verified>>,
}

#[derive(Clone, Copy)]
struct Verified {
    user_id: i64,
    /// The `exp` claim, in seconds since the epoch.
    expires_at: i64,
}

impl VerifiedTokens {
    /// The user of a token verified before, unless it expired before `not_before` (the current
    /// time less the leeway). An expired token is not answered here, so that the full check
    /// says why it is refused.
    pub fn user(&self, token: &str, not_before: i64) -> Option<i64> {
        let verified = *self.tokens.read().get(token)?;
        (verified.expires_at >= not_before).then_some(verified.user_id)
    }

    pub fn keep(&self, token: &str, user_id: i64, expires_at: i64) {
        let mut tokens = self.tokens.write();
        if tokens.len() >= MAX_KEPT {
            tokens.clear();
        }
        tokens.insert(token.into(), Verified { user_id, expires_at });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_token_answers_until_it_expires() {
        let kept = VerifiedTokens::default();
        assert_eq!(kept.user("a.b.c", 100), None);
        kept.keep("a.b.c", 7, 200);
        assert_eq!(kept.user("a.b.c", 200), Some(7));
        assert_eq!(kept.user("a.b.c", 201), None, "expired");
        assert_eq!(kept.user("a.b.d", 100), None, "another token");
    }

    #[test]
    fn the_memory_stays_bounded() {
        let kept = VerifiedTokens::default();
        for i in 0..=MAX_KEPT {
            kept.keep(&format!("token-{i}"), 1, 100);
        }
        assert_eq!(kept.tokens.read().len(), 1);
        assert_eq!(kept.user(&format!("token-{MAX_KEPT}"), 0), Some(1));
    }
}
