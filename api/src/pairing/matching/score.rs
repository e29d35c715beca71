//! The score of a pair and its feasibility. The formulas are the module root's (mod.rs, "Scoring"):
//! change both together. `Prepared` is the fast path the algorithms use; `explain::scored` the
//! explaining one; a property test keeps them equal.

use super::input::{Criterion, Instance, MenteeIx, MentorIx, RoleModel};

/// The largest score a pair can have: 100 per criterion times 10 points, five criteria.
pub const MAX_SCORE: i64 = 5_000;

/// The raw value given to a criterion the engine cannot judge (no tags, no role model, a grade
/// unknown): half, so it neither favours nor rules out a pair.
pub const NEUTRAL: i64 = 50;

pub fn tags_raw(covered: usize, asked: usize) -> i64 {
    (100 * covered).checked_div(asked).map_or(NEUTRAL, |raw| raw as i64)
}

pub fn role_raw(wanted: Option<RoleModel>, carried: impl Fn(RoleModel) -> bool) -> i64 {
    match wanted {
        None => NEUTRAL,
        Some(role) if carried(role) => 100,
        Some(_) => 0,
    }
}

pub fn grade_raw(mentor: Option<i32>, mentee: Option<i32>) -> i64 {
    let (Some(m), Some(e)) = (mentor, mentee) else { return NEUTRAL };
    match i64::from(m) - i64::from(e) {
        d if d <= 0 => 0,
        1 | 2 => 100,
        d => (100 - 20 * (d - 2)).max(10),
    }
}

pub fn rank_raw(rank: Option<u8>) -> i64 {
    match rank {
        None | Some(0) => 0,
        Some(r) => {
            let r = i64::from(r);
            (200 + r) / (r + 1)
        }
    }
}

/// The grade rule of student–student mentorship; unknown grades pass.
pub fn grade_rule_ok(required: bool, mentor: Option<i32>, mentee: Option<i32>) -> bool {
    match (mentor, mentee) {
        (Some(m), Some(e)) if required => m > e,
        _ => true,
    }
}

/// Grades 0..GRADE_SLOTS get a slot of their own in `fill_row`'s table; others are computed.
const GRADE_SLOTS: usize = 16;
const GRADE_UNKNOWN: u8 = GRADE_SLOTS as u8;
const GRADE_ODD: u8 = GRADE_SLOTS as u8 + 1;

/// Mentees as columns for `Prepared::fill_row`.
pub struct MenteeColumns {
    tags: Vec<u64>,
    asked: Vec<u32>,
    role: Vec<u8>,
    grade: Vec<u8>,
    mentees: Vec<MenteeIx>,
}

/// Every chooser's ranks in one array, each chooser's slice sorted by the chosen index.
struct Ranks {
    start: Vec<usize>,
    ranks: Vec<(usize, u8)>,
}

impl Ranks {
    fn new<'l>(lists: impl Iterator<Item = &'l [(usize, u8)]>) -> Ranks {
        let mut start = vec![0];
        let mut ranks = Vec::new();
        for list in lists {
            ranks.extend_from_slice(list);
            let from = start[start.len() - 1];
            ranks[from..].sort_unstable();
            start.push(ranks.len());
        }
        Ranks { start, ranks }
    }

    fn get(&self, chooser: usize, chosen: usize) -> Option<u8> {
        let list = &self.ranks[self.start[chooser]..self.start[chooser + 1]];
        list.binary_search_by_key(&chosen, |&(c, _)| c).ok().map(|i| list[i].1)
    }
}

/// The instance turned into flat arrays (tags as bit sets, ranks sorted for binary search), so the
/// algorithms can score millions of pairs. The slow, explaining path is `explain::scored`; a
/// property test keeps the two equal.
pub struct Prepared<'a> {
    pub instance: &'a Instance,
    /// Per criterion, in `Criterion::ALL` order.
    multiplier: [i64; 5],
    must: [bool; 5],
    words: usize,
    mentor_tags: Vec<u64>,
    mentee_tags: Vec<u64>,
    mentee_asked: Vec<usize>,
    mentor_roles: Vec<u8>,
    mentee_role: Vec<Option<RoleModel>>,
    mentor_grade: Vec<Option<i32>>,
    mentee_grade: Vec<Option<i32>>,
    excluded: Vec<(MentorIx, MenteeIx)>,
    /// Each chooser's ranks, sorted by the chosen index.
    mentee_ranks: Ranks,
    mentor_ranks: Ranks,
}

impl<'a> Prepared<'a> {
    /// Expects a validated instance (indices in range).
    pub fn new(instance: &'a Instance) -> Self {
        let multiplier = Criterion::ALL.map(|c| instance.weights.get(c).multiplier());
        let must = Criterion::ALL.map(|c| instance.weights.get(c).is_must());
        // Only the mentees' tags matter: a competency nobody asks for covers nothing.
        let mut vocabulary: Vec<&str> = instance.mentees.iter().flat_map(|e| e.tags.iter().map(String::as_str)).collect();
        vocabulary.sort_unstable();
        vocabulary.dedup();
        let words = vocabulary.len().div_ceil(64).max(1);
        // One bit set of `words` words per person, all in one array.
        let bits = |people: &mut dyn Iterator<Item = &Vec<String>>| {
            let mut sets = Vec::new();
            for tags in people {
                let from = sets.len();
                sets.resize(from + words, 0u64);
                for tag in tags {
                    if let Ok(i) = vocabulary.binary_search(&tag.as_str()) {
                        sets[from + i / 64] |= 1 << (i % 64);
                    }
                }
            }
            sets
        };
        let mentee_tags: Vec<u64> = bits(&mut instance.mentees.iter().map(|e| &e.tags));
        let mentee_asked = mentee_tags.chunks(words).map(|set| set.iter().map(|w| w.count_ones() as usize).sum()).collect();
        let mut excluded = instance.excluded.clone();
        excluded.sort_unstable();
        Prepared {
            instance,
            multiplier,
            must,
            words,
            mentor_tags: bits(&mut instance.mentors.iter().map(|m| &m.tags)),
            mentee_tags,
            mentee_asked,
            mentor_roles: instance.mentors.iter().map(|m| m.role_models.iter().fold(0, |acc, r| acc | r.bit())).collect(),
            mentee_role: instance.mentees.iter().map(|e| e.role_model).collect(),
            mentor_grade: instance.mentors.iter().map(|m| m.grade).collect(),
            mentee_grade: instance.mentees.iter().map(|e| e.grade).collect(),
            excluded,
            mentee_ranks: Ranks::new(instance.mentees.iter().map(|e| &e.preferences[..])),
            mentor_ranks: Ranks::new(instance.mentors.iter().map(|m| &m.preferences[..])),
        }
    }

    pub fn is_must(&self, criterion: Criterion) -> bool {
        self.must[criterion as usize]
    }

    /// Points for one criterion, or None when it is "must" and the raw value is 0.
    #[inline]
    fn points(&self, criterion: Criterion, raw: i64) -> Option<i64> {
        let i = criterion as usize;
        if raw == 0 && self.must[i] { None } else { Some(raw * self.multiplier[i]) }
    }

    pub fn is_excluded(&self, mentor: MentorIx, mentee: MenteeIx) -> bool {
        self.excluded.binary_search(&(mentor, mentee)).is_ok()
    }

    pub fn mentee_rank(&self, mentee: MenteeIx, mentor: MentorIx) -> Option<u8> {
        self.mentee_ranks.get(mentee, mentor)
    }

    pub fn mentor_rank(&self, mentor: MentorIx, mentee: MenteeIx) -> Option<u8> {
        self.mentor_ranks.get(mentor, mentee)
    }

    /// How many of the mentee's distinct request tags the mentor covers.
    #[inline]
    fn covered(&self, mentor: MentorIx, mentee: MenteeIx) -> usize {
        let (w, m, e) = (self.words, mentor * self.words, mentee * self.words);
        (0..w).map(|i| (self.mentor_tags[m + i] & self.mentee_tags[e + i]).count_ones() as usize).sum()
    }

    /// The grade rule and the three criteria that need no preference look-up: request tags,
    /// role model, grade distance. None when the rule fails or one of them is an unmet "must".
    /// Ignores barriers and exclusions, which the callers filter in bulk.
    #[inline]
    pub fn base(&self, mentor: MentorIx, mentee: MenteeIx) -> Option<i64> {
        let (gm, ge) = (self.mentor_grade[mentor], self.mentee_grade[mentee]);
        if !grade_rule_ok(self.instance.higher_grade_required, gm, ge) {
            return None;
        }
        let covered = self.covered(mentor, mentee);
        let roles = self.mentor_roles[mentor];
        let tags = self.points(Criterion::RequestTags, tags_raw(covered, self.mentee_asked[mentee]))?;
        let role = self.points(Criterion::RoleModel, role_raw(self.mentee_role[mentee], |r| roles & r.bit() != 0))?;
        let grade = self.points(Criterion::GradeDistance, grade_raw(gm, ge))?;
        Some(tags + role + grade)
    }

    /// The two preference criteria from the ranks given; None when one is an unmet "must".
    #[inline]
    pub fn preference(&self, mentor: MentorIx, mentee: MenteeIx) -> Option<i64> {
        let by_mentee = self.mentee_preference_points(self.mentee_rank(mentee, mentor))?;
        let by_mentor = self.mentor_preference_points(self.mentor_rank(mentor, mentee))?;
        Some(by_mentee + by_mentor)
    }

    pub fn mentee_preference_points(&self, rank: Option<u8>) -> Option<i64> {
        self.points(Criterion::MenteePreference, rank_raw(rank))
    }

    pub fn mentor_preference_points(&self, rank: Option<u8>) -> Option<i64> {
        self.points(Criterion::MentorPreference, rank_raw(rank))
    }

    /// The mentees' data `fill_row` reads, in the given order, laid out for a tight loop.
    pub fn mentee_columns(&self, mentees: &[MenteeIx]) -> MenteeColumns {
        let grade_slot = |g: Option<i32>| match g {
            None => GRADE_UNKNOWN,
            Some(g) if (0..GRADE_SLOTS as i32).contains(&g) => g as u8,
            Some(_) => GRADE_ODD,
        };
        MenteeColumns {
            tags: mentees.iter().flat_map(|&e| self.mentee_tags[e * self.words..(e + 1) * self.words].iter().copied()).collect(),
            asked: mentees.iter().map(|&e| self.mentee_asked[e] as u32).collect(),
            role: mentees.iter().map(|&e| self.mentee_role[e].map_or(0, RoleModel::bit)).collect(),
            grade: mentees.iter().map(|&e| grade_slot(self.mentee_grade[e])).collect(),
            mentees: mentees.to_vec(),
        }
    }

    /// `base` for one mentor against many mentees at once, into `out` (None where infeasible).
    /// Same values as `base` (a test checks it), without a division or a branchy look-up per pair.
    pub fn fill_row(&self, mentor: MentorIx, columns: &MenteeColumns, out: &mut [Option<u16>]) {
        const FAIL: i32 = i32::MIN / 4;
        let points = |c: Criterion, raw: i64| self.points(c, raw).map_or(FAIL, |p| p as i32);
        let most_asked = columns.asked.iter().copied().max().unwrap_or(0) as usize;
        // tag_points[asked * (most_asked + 1) + covered]
        let mut tag_points = Vec::with_capacity((most_asked + 1) * (most_asked + 1));
        for asked in 0..=most_asked {
            tag_points.extend((0..=most_asked).map(|covered| points(Criterion::RequestTags, tags_raw(covered.min(asked), asked))));
        }
        let roles = self.mentor_roles[mentor];
        let role_points = |bit: u8| {
            let raw = if bit == 0 { NEUTRAL } else if roles & bit != 0 { 100 } else { 0 };
            points(Criterion::RoleModel, raw)
        };
        let role_table: Vec<i32> = (0..=8u8).map(|bit| if bit.count_ones() <= 1 { role_points(bit) } else { FAIL }).collect();
        let gm = self.mentor_grade[mentor];
        let required = self.instance.higher_grade_required;
        let grade_points = |ge: Option<i32>| {
            if grade_rule_ok(required, gm, ge) { points(Criterion::GradeDistance, grade_raw(gm, ge)) } else { FAIL }
        };
        let mut grade_table = [FAIL; GRADE_SLOTS + 1];
        for (g, slot) in grade_table.iter_mut().enumerate().take(GRADE_SLOTS) {
            *slot = grade_points(Some(g as i32));
        }
        grade_table[GRADE_UNKNOWN as usize] = grade_points(None);
        let mentor_tags = &self.mentor_tags[mentor * self.words..(mentor + 1) * self.words];
        let stride = most_asked + 1;
        for (c, slot) in out.iter_mut().enumerate() {
            let covered: u32 = if self.words == 1 {
                (mentor_tags[0] & columns.tags[c]).count_ones()
            } else {
                let tags = &columns.tags[c * self.words..(c + 1) * self.words];
                mentor_tags.iter().zip(tags).map(|(m, e)| (m & e).count_ones()).sum()
            };
            let grade = match columns.grade[c] {
                GRADE_ODD => grade_points(self.mentee_grade[columns.mentees[c]]),
                g => grade_table[g as usize],
            };
            let total = tag_points[columns.asked[c] as usize * stride + covered as usize] + role_table[columns.role[c] as usize] + grade;
            *slot = if total >= 0 { Some(total as u16) } else { None };
        }
    }

    /// The first "must" criterion the pair fails, in `Criterion::ALL` order.
    pub fn unmet_must(&self, mentor: MentorIx, mentee: MenteeIx) -> Option<Criterion> {
        let (gm, ge) = (self.mentor_grade[mentor], self.mentee_grade[mentee]);
        let covered = self.covered(mentor, mentee);
        let roles = self.mentor_roles[mentor];
        Criterion::ALL.into_iter().find(|&c| {
            self.is_must(c)
                && 0 == match c {
                    Criterion::RequestTags => tags_raw(covered, self.mentee_asked[mentee]),
                    Criterion::RoleModel => role_raw(self.mentee_role[mentee], |r| roles & r.bit() != 0),
                    Criterion::GradeDistance => grade_raw(gm, ge),
                    Criterion::MenteePreference => rank_raw(self.mentee_rank(mentee, mentor)),
                    Criterion::MentorPreference => rank_raw(self.mentor_rank(mentor, mentee)),
                }
        })
    }

    /// The pair's score, or None when it is infeasible.
    pub fn total(&self, mentor: MentorIx, mentee: MenteeIx) -> Option<i64> {
        if self.instance.mentors[mentor].barrier.is_some() || self.is_excluded(mentor, mentee) {
            return None;
        }
        Some(self.base(mentor, mentee)? + self.preference(mentor, mentee)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_values_follow_the_documented_formulas() {
        assert_eq!([tags_raw(0, 3), tags_raw(1, 3), tags_raw(2, 3), tags_raw(3, 3), tags_raw(0, 0)], [0, 33, 66, 100, 50]);
        let ladder: Vec<i64> = (-1..=9).map(|d| grade_raw(Some(2 + d), Some(2))).collect();
        assert_eq!(ladder, [0, 0, 100, 100, 80, 60, 40, 20, 10, 10, 10]);
        assert_eq!(grade_raw(None, Some(5)), NEUTRAL);
        assert_eq!(grade_raw(Some(9), None), NEUTRAL);
        let ranks: Vec<i64> = [1, 2, 3, 4, 5, 10, 255].into_iter().map(|r| rank_raw(Some(r))).collect();
        assert_eq!(ranks, [100, 67, 50, 40, 34, 19, 1]);
        assert_eq!(rank_raw(None), 0);
        assert_eq!(role_raw(Some(RoleModel::PeerPeer), |r| r == RoleModel::PeerPeer), 100);
        assert_eq!(role_raw(Some(RoleModel::PeerPeer), |_| false), 0);
        assert_eq!(role_raw(None, |_| false), NEUTRAL);
    }

    #[test]
    fn grade_rule_only_binds_known_grades_when_required() {
        assert!(!grade_rule_ok(true, Some(7), Some(7)));
        assert!(grade_rule_ok(true, Some(8), Some(7)));
        assert!(grade_rule_ok(true, None, Some(7)));
        assert!(grade_rule_ok(false, Some(5), Some(7)));
    }

    #[test]
    fn max_score_is_reachable() {
        // 100 on every criterion, 10 points each.
        assert_eq!(MAX_SCORE, 5 * 100 * i64::from(super::super::input::MAX_POINTS));
    }
}
