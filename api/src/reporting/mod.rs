//! Reports, dashboards and what the school publishes: figures built from the records, never the
//! records themselves. The programme report is frozen when the programme completes; the
//! institute's report periods freeze every school's figures at a reference date.

pub mod dashboard;
pub mod figure_cache;
pub mod figures;
pub mod periods;
pub mod program_report;
pub mod rows;
pub mod website;
