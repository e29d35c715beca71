//! Stage 7, rewards and publicity (DOMAIN.md, "Rewards and publicity"; seed 001, section 10):
//! awards of a programme — Mentor of the year, Best pair, certificates for a student's portfolio,
//! letters of thanks — with nominees suggested from the pairs' record; certificates that print
//! and carry a short code anyone can verify; and the region's library of best practices, written
//! up by a school and published by the institute.

pub mod awards;
pub mod certificate;
pub mod code;
pub mod dto;
pub mod holder;
pub mod nominees;
pub mod practices;
pub mod ranking;
