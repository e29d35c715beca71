//! Black-box tests of the real server over HTTP. Each test runs twice: `::on_sqlite` and
//! `::on_postgres` (the latter needs TEST_DATABASE_URL).

mod access_matrix;
mod api_tokens;
mod auth;
mod cli;
mod import_jobs;
mod imports;
mod matching;
mod meetings;
mod monitoring;
mod conventions;
mod dashboard_cache;
mod crash;
mod fuzz_regressions;
mod bases;
mod organizations;
mod participants;
mod pairs;
mod program_report;
mod programs;
mod recognition;
mod reporting;
mod roadmap;
mod schema;
mod server_process;
mod users;
mod website;
