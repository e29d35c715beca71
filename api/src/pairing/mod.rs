//! Stage 5, forming pairs and groups: the programme bases (mentee and mentor enrolments), the
//! request map, preferences after the group meeting, the matching engine and its runs, pairs and
//! groups, the approval order, development plans, and support for those left without a pair.

pub mod constraints;
pub mod dto;
pub mod forms;
pub mod matching;
pub mod mentees;
pub mod mentors;
pub mod orders;
pub mod pairs;
pub mod people;
pub mod preferences;
pub mod request_map;
pub mod role_models;
pub mod runs;
pub mod settings;
pub mod tags;
pub mod unmatched;
mod weight_schema;
