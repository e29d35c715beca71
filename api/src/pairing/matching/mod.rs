//! Placeholder until the engine lands: the role models only.
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleModel {
    AchieverUnderachiever,
    LeaderPassive,
    PeerPeer,
    AdaptedUnadapted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MustTag {
    Must,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum Weight {
    Points(u8),
    Must(MustTag),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    RequestTags,
    RoleModel,
    GradeDistance,
    MenteePreference,
    MentorPreference,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Weights {
    pub request_tags: Weight,
    pub role_model: Weight,
    pub grade_distance: Weight,
    pub mentee_preference: Weight,
    pub mentor_preference: Weight,
}

impl Default for Weights {
    fn default() -> Self {
        Self { request_tags: Weight::Points(5), role_model: Weight::Points(3), grade_distance: Weight::Points(2), mentee_preference: Weight::Points(4), mentor_preference: Weight::Points(2) }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum UnmatchedReason {
    NoMentors,
    OnlyUntrainedMentors { candidates: usize },
    NoMentorWithCompetency { tags: Vec<String> },
    NoHigherGradeMentor,
    MustUnmet { criterion: Criterion },
    OnlyExcluded,
    CapacityExhausted { candidates: usize },
}
