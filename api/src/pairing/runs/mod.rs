//! Matching runs: the engine's inputs, proposals with scores and reasons, the mentees it left out
//! and why, and statistics. Runs are kept, so a curator can compare two before accepting one.

pub mod store;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::matching::UnmatchedReason;

/// A mentee the run left without a pair, as stored with the run.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct UnmatchedEntry {
    /// The enrolment id.
    pub mentee_id: i64,
    pub reason: UnmatchedReason,
}
