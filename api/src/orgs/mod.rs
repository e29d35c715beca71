//! Organisations (region → institute → school), their people and memberships, contingents.

pub mod contingent;
pub mod dto;
pub mod import_schools;
pub mod routes;
pub mod store;
pub mod users;

pub use dto::OrganizationKind;
