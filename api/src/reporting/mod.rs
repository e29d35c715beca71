//! Reporting: the programme report a curator hands the director, frozen when the programme
//! completes.

pub mod program_report;
