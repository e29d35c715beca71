//! Who is calling, and what they may do.

pub mod api_tokens;
pub mod jwt;
pub mod password;
pub mod policy;
pub mod principal;
pub mod principal_cache;
mod rate_limit;
mod refresh;
pub mod roles;
pub mod routes;
pub mod secrets;
mod verified_tokens;

pub use jwt::AuthConfig;
pub use policy::Action;
pub use principal::Principal;
pub use principal_cache::PrincipalCache;
pub use roles::Role;

/// A fresh signing secret for installations that did not configure one.
pub fn new_signing_secret() -> String {
    secrets::generate("")
}
