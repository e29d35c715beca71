//! Programme bases (mentee and mentor enrolments), the request vocabulary and the request map.
//! Matching, pairs and orders come on top of these.

pub mod dto;
pub mod mentees;
pub mod mentors;
mod people;
pub mod request_map;
pub mod tags;
