//! The people of a school's two bases, their consents, and the audit trail of minors' records.

pub mod audit;
pub mod consents;
pub mod dto;
pub mod export;
pub mod import;
pub mod routes;
pub mod store;
