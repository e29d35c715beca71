//! Reports, dashboards and what the school publishes: figures built from the records, never the
//! records themselves. The programme report is frozen when the programme completes.

pub mod program_report;
pub mod website;
