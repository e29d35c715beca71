//! Users' principals (active or not, and their roles) kept for a moment, so that a client's
//! requests in quick succession do not each look the account up.
//!
//! How promptly a change of the account takes effect:
//! - made through this instance (deactivation, a role given or taken): at once; the change is
//!   answered only after the kept principals are dropped;
//! - made through another instance or directly in the database: within `KEEP`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::Principal;

/// How long a principal is kept.
pub const KEEP: Duration = Duration::from_secs(1);

/// Bounds the memory: far above the users active within `KEEP`; reaching it starts afresh.
const MAX_KEPT: usize = 10_000;

#[derive(Default)]
pub struct PrincipalCache {
    inner: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    /// Raised by every change, so that a lookup begun before a change does not keep its result.
    generation: u64,
    users: HashMap<i64, (Principal, Instant)>,
}

/// Names the moment a lookup began: what it found is kept only if nothing changed meanwhile.
#[derive(Clone, Copy)]
pub struct Ticket(u64);

impl PrincipalCache {
    /// The kept principal of a user, if it is fresh; otherwise a ticket to keep the one looked up.
    pub fn get(&self, user_id: i64) -> Result<Principal, Ticket> {
        let kept = self.lock();
        match kept.users.get(&user_id) {
            Some((principal, at)) if at.elapsed() < KEEP => Ok(principal.clone()),
            _ => Err(Ticket(kept.generation)),
        }
    }

    pub fn keep(&self, user_id: i64, principal: &Principal, ticket: Ticket) {
        let mut kept = self.lock();
        if kept.generation != ticket.0 {
            return;
        }
        if kept.users.len() >= MAX_KEPT {
            kept.users.clear();
        }
        kept.users.insert(user_id, (principal.clone(), Instant::now()));
    }

    /// After a committed change of any account or role: nothing kept before it is used again.
    pub fn forget_all(&self) {
        let mut kept = self.lock();
        kept.generation += 1;
        kept.users.clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        // The map holds no invariant a panic could break halfway: a poisoned lock is still usable.
        self.inner.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::principal::Actor;

    fn principal() -> Principal {
        Principal { actor: Actor::User { id: 7, is_system_admin: false }, grants: Vec::new() }
    }

    #[test]
    fn a_kept_principal_is_used_until_a_change() {
        let cache = PrincipalCache::default();
        let Err(ticket) = cache.get(7) else { panic!("nothing kept yet") };
        cache.keep(7, &principal(), ticket);
        assert!(cache.get(7).is_ok());
        cache.forget_all();
        assert!(cache.get(7).is_err());
    }

    #[test]
    fn a_lookup_begun_before_a_change_is_not_kept() {
        let cache = PrincipalCache::default();
        let Err(ticket) = cache.get(7) else { panic!("nothing kept yet") };
        cache.forget_all();
        cache.keep(7, &principal(), ticket);
        assert!(cache.get(7).is_err(), "the lookup may have read the account before the change");
    }
}
