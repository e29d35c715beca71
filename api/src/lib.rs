//! Nastavnik: school mentorship under the Ministry's target model, as a JSON REST service.

pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod http;
pub mod meetings;
pub mod monitoring;
pub mod openapi;
pub mod ops;
pub mod orgs;
pub mod pairing;
pub mod participants;
pub mod programs;
pub mod recognition;
pub mod reporting;
pub mod routes;
pub mod startup;
pub mod telemetry;
pub mod admin;
