//! Reports, dashboards and what the school publishes: figures built from the records, never the
//! records themselves.

pub mod website;
