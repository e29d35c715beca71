//! Programmes, the seven-stage roadmap and its template, the media plan, the deadlines calendar.

pub mod calendar;
pub mod dto;
pub mod gates;
pub mod kept_progress;
pub mod media_plan;
pub mod progress;
pub mod regional;
pub mod roadmap;
mod roadmap_counts;
pub mod routes;
pub mod stages;
pub mod status;
pub mod store;
pub mod template;
