//! What the caller hands the engine: the people, the school's weights, the fixed and forbidden
//! pairs and the choice of algorithm, and the checks that reject an inconsistent instance.

use std::fmt;

use serde::{Deserialize, Serialize};

pub type MentorIx = usize;
pub type MenteeIx = usize;

/// The largest number of points a criterion can be given; "must" counts as this many.
pub const MAX_POINTS: u8 = 10;

/// A criterion's weight set by the school: 0..=10 points, or "must" — the pair is impossible when
/// the criterion contributes nothing (raw value 0), and otherwise it counts as 10 points.
///
/// Serde: a number (`3`) or the string `"must"`. Numbers above 10 deserialise (so that the error
/// can name the criterion) and are rejected by [`Weights::validate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weight {
    Points(u8),
    Must,
}

impl Weight {
    /// The multiplier applied to the criterion's raw value (0..=100).
    pub fn multiplier(self) -> i64 {
        match self {
            Weight::Points(p) => i64::from(p),
            Weight::Must => i64::from(MAX_POINTS),
        }
    }

    pub fn is_must(self) -> bool {
        self == Weight::Must
    }
}

impl Serialize for Weight {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Weight::Points(p) => serializer.serialize_u8(*p),
            Weight::Must => serializer.serialize_str("must"),
        }
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WeightVisitor;
        impl serde::de::Visitor<'_> for WeightVisitor {
            type Value = Weight;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("points 0..=10 or \"must\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Weight, E> {
                u8::try_from(v).map(Weight::Points).map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Weight, E> {
                u8::try_from(v).map(Weight::Points).map_err(|_| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Weight, E> {
                if v == "must" { Ok(Weight::Must) } else { Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)) }
            }
        }
        deserializer.deserialize_any(WeightVisitor)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    RequestTags,
    RoleModel,
    GradeDistance,
    MenteePreference,
    MentorPreference,
}

impl Criterion {
    /// In the order contributions are listed and "must" checks are reported.
    pub const ALL: [Criterion; 5] =
        [Criterion::RequestTags, Criterion::RoleModel, Criterion::GradeDistance, Criterion::MenteePreference, Criterion::MentorPreference];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Weights {
    pub request_tags: Weight,
    pub role_model: Weight,
    pub grade_distance: Weight,
    pub mentee_preference: Weight,
    pub mentor_preference: Weight,
}

impl Default for Weights {
    /// The request matters most, then the mentee's own choice, then the role model; grade distance
    /// and the mentor's choice break near-ties.
    fn default() -> Self {
        Weights {
            request_tags: Weight::Points(5),
            role_model: Weight::Points(3),
            grade_distance: Weight::Points(2),
            mentee_preference: Weight::Points(4),
            mentor_preference: Weight::Points(2),
        }
    }
}

impl Weights {
    pub fn get(&self, criterion: Criterion) -> Weight {
        match criterion {
            Criterion::RequestTags => self.request_tags,
            Criterion::RoleModel => self.role_model,
            Criterion::GradeDistance => self.grade_distance,
            Criterion::MenteePreference => self.mentee_preference,
            Criterion::MentorPreference => self.mentor_preference,
        }
    }

    pub fn validate(&self) -> Result<(), InputError> {
        for criterion in Criterion::ALL {
            if let Weight::Points(p) = self.get(criterion)
                && p > MAX_POINTS
            {
                return Err(InputError::WeightOutOfRange { criterion });
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoleModel {
    AchieverUnderachiever,
    LeaderPassive,
    PeerPeer,
    AdaptedUnadapted,
}

impl RoleModel {
    pub(super) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Why a mentor in the base may not be matched yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentorBarrier {
    NotSelected,
    NotTrained,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mentor {
    /// Competencies, as request-tag codes ("academic_results", "leadership", …).
    pub tags: Vec<String>,
    /// A student mentor's grade 1..=11; None for adults.
    pub grade: Option<i32>,
    /// 1 = a pair; more = a group.
    pub capacity: u32,
    /// Role models this mentor can carry (computed by the caller).
    pub role_models: Vec<RoleModel>,
    /// Some = never proposed, but used to explain unmatched mentees.
    pub barrier: Option<MentorBarrier>,
    /// The mentor's ranks of mentees: rank ≥ 1, 1 = best, ties allowed.
    pub preferences: Vec<(MenteeIx, u8)>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mentee {
    /// The request's tags.
    pub tags: Vec<String>,
    pub grade: Option<i32>,
    /// The role model fitting the mentee's category and type (computed by the caller).
    pub role_model: Option<RoleModel>,
    /// The mentee's ranks of mentors: rank ≥ 1, 1 = best, ties allowed.
    pub preferences: Vec<(MentorIx, u8)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Algorithm {
    Optimal,
    Stable,
}

/// What `Optimal` maximises. `Stable` ignores it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    /// The total score; among equal totals, the most pairs.
    Score,
    /// The number of mentees matched first, the total score second.
    Participation,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Instance {
    pub mentors: Vec<Mentor>,
    pub mentees: Vec<Mentee>,
    pub weights: Weights,
    /// Already agreed: always in the output and counted toward the mentor's capacity, whatever
    /// their score (a barrier or an unmet "must" does not undo an agreement).
    pub locked: Vec<(MentorIx, MenteeIx)>,
    /// Never proposed (e.g. a conflict the psychologist knows of).
    pub excluded: Vec<(MentorIx, MenteeIx)>,
    /// Student–student: when both grades are known, the mentor's must be higher.
    pub higher_grade_required: bool,
    pub algorithm: Algorithm,
    pub objective: Objective,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum InputError {
    WeightOutOfRange { criterion: Criterion },
    /// A locked or excluded pair, or a preference, names a mentor or mentee that is not there.
    IndexOutOfRange,
    LockedOverCapacity { mentor: MentorIx },
    LockedExcluded { mentor: MentorIx, mentee: MenteeIx },
    /// The mentee appears in two locked pairs (or the same locked pair twice).
    MenteeLockedTwice { mentee: MenteeIx },
    /// `mentor_side`: the chooser is a mentor (ranking mentees); otherwise a mentee.
    DuplicatePreference { mentor_side: bool, chooser: usize, chosen: usize },
    ZeroRank,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::WeightOutOfRange { criterion } => write!(f, "weight of {criterion:?} is above {MAX_POINTS} points"),
            InputError::IndexOutOfRange => f.write_str("a locked or excluded pair or a preference names a missing mentor or mentee"),
            InputError::LockedOverCapacity { mentor } => write!(f, "mentor {mentor} has more locked mentees than places"),
            InputError::LockedExcluded { mentor, mentee } => write!(f, "pair ({mentor}, {mentee}) is both locked and excluded"),
            InputError::MenteeLockedTwice { mentee } => write!(f, "mentee {mentee} is locked more than once"),
            InputError::DuplicatePreference { mentor_side, chooser, chosen } => {
                let side = if *mentor_side { "mentor" } else { "mentee" };
                write!(f, "{side} {chooser} ranks {chosen} more than once")
            }
            InputError::ZeroRank => f.write_str("ranks start at 1"),
        }
    }
}

impl std::error::Error for InputError {}

/// The smallest index chosen twice in a preference list. Lists are short (a group meeting's
/// worth), so small ones are checked pairwise, without allocating.
fn repeated(list: &[(usize, u8)]) -> Option<usize> {
    if list.len() <= 32 {
        let mut twice = None;
        for (i, &(a, _)) in list.iter().enumerate() {
            if list[i + 1..].iter().any(|&(b, _)| a == b) {
                twice = Some(twice.map_or(a, |t: usize| t.min(a)));
            }
        }
        return twice;
    }
    let mut chosen: Vec<usize> = list.iter().map(|&(c, _)| c).collect();
    chosen.sort_unstable();
    chosen.windows(2).find(|w| w[0] == w[1]).map(|w| w[0])
}

/// Rejects what the algorithms cannot make sense of; checks in the order of the variants that
/// concern the whole instance first, then each list, then the locked pairs against the rest.
pub(super) fn validate(instance: &Instance) -> Result<(), InputError> {
    instance.weights.validate()?;
    let (n_mentors, n_mentees) = (instance.mentors.len(), instance.mentees.len());
    let pair_in_range = |&(m, e): &(MentorIx, MenteeIx)| m < n_mentors && e < n_mentees;
    let prefs_in_range = instance.mentors.iter().all(|m| m.preferences.iter().all(|&(e, _)| e < n_mentees))
        && instance.mentees.iter().all(|e| e.preferences.iter().all(|&(m, _)| m < n_mentors));
    if !instance.locked.iter().all(pair_in_range) || !instance.excluded.iter().all(pair_in_range) || !prefs_in_range {
        return Err(InputError::IndexOutOfRange);
    }
    let mentor_lists = instance.mentors.iter().map(|m| &m.preferences);
    let mentee_lists = instance.mentees.iter().map(|e| &e.preferences);
    for (mentor_side, lists) in [(true, mentor_lists.collect::<Vec<_>>()), (false, mentee_lists.collect())] {
        for (chooser, list) in lists.into_iter().enumerate() {
            if list.iter().any(|&(_, rank)| rank == 0) {
                return Err(InputError::ZeroRank);
            }
            if let Some(chosen) = repeated(list) {
                return Err(InputError::DuplicatePreference { mentor_side, chooser, chosen });
            }
        }
    }
    let mut locked_mentor = vec![None; n_mentees];
    let mut excluded = instance.excluded.clone();
    excluded.sort_unstable();
    let mut load = vec![0u32; n_mentors];
    for &(m, e) in &instance.locked {
        if locked_mentor[e].replace(m).is_some() {
            return Err(InputError::MenteeLockedTwice { mentee: e });
        }
        if excluded.binary_search(&(m, e)).is_ok() {
            return Err(InputError::LockedExcluded { mentor: m, mentee: e });
        }
        load[m] += 1;
    }
    if let Some(m) = (0..n_mentors).find(|&m| load[m] > instance.mentors[m].capacity) {
        return Err(InputError::LockedOverCapacity { mentor: m });
    }
    Ok(())
}
