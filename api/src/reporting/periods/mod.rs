//! Report periods: the institute opens a collection window and every school's figures are frozen
//! at the reference date, then exported in a fixed, versioned layout.

pub mod dto;
pub mod routes;
pub mod store;
