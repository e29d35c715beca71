//! Importing participants: read a file (CSV, NDJSON, XLSX), check every row, write all or nothing.

pub mod apply;
mod batch;
pub mod columns;
pub mod jobs;
pub mod read;
pub mod routes;
pub mod rows;
pub mod run;
pub mod sample;
mod staging;
pub mod write;
