//! Unit tests: the scoring, the reasons, the input checks, hand-made cases of both algorithms.
//! The property tests are in proptests.rs.

use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::Error as ValueError;

use super::score::Prepared;
use super::*;

pub fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|t| (*t).to_owned()).collect()
}

pub fn mentor(tag_list: &[&str], grade: Option<i32>, capacity: u32) -> Mentor {
    Mentor { tags: tags(tag_list), grade, capacity, ..Mentor::default() }
}

pub fn mentee(tag_list: &[&str], grade: Option<i32>) -> Mentee {
    Mentee { tags: tags(tag_list), grade, ..Mentee::default() }
}

pub fn instance(mentors: Vec<Mentor>, mentees: Vec<Mentee>) -> Instance {
    Instance {
        mentors,
        mentees,
        weights: Weights::default(),
        locked: Vec::new(),
        excluded: Vec::new(),
        higher_grade_required: true,
        algorithm: Algorithm::Optimal,
        objective: Objective::Score,
    }
}

pub fn solved(instance: &Instance) -> Outcome {
    solve(instance).expect("a valid instance")
}

pub fn pairs(outcome: &Outcome) -> Vec<(MentorIx, MenteeIx)> {
    outcome.proposals.iter().map(|p| (p.mentor, p.mentee)).collect()
}

pub fn free_pairs(outcome: &Outcome) -> Vec<(MentorIx, MenteeIx)> {
    outcome.proposals.iter().filter(|p| !p.locked).map(|p| (p.mentor, p.mentee)).collect()
}

fn reason_of(outcome: &Outcome, mentee: MenteeIx) -> Option<&UnmatchedReason> {
    outcome.unmatched.iter().find(|u| u.mentee == mentee).map(|u| &u.reason)
}

// ---- weights and their serde form ----

#[test]
fn weight_reads_a_number_or_must() {
    let from_number = Weight::deserialize(IntoDeserializer::<ValueError>::into_deserializer(3u64));
    assert_eq!(from_number, Ok(Weight::Points(3)));
    let from_str = Weight::deserialize(IntoDeserializer::<ValueError>::into_deserializer("must"));
    assert_eq!(from_str, Ok(Weight::Must));
    assert!(Weight::deserialize(IntoDeserializer::<ValueError>::into_deserializer("should")).is_err());
    assert!(Weight::deserialize(IntoDeserializer::<ValueError>::into_deserializer(300u64)).is_err());
    assert!(Weight::deserialize(IntoDeserializer::<ValueError>::into_deserializer(-1i64)).is_err());
}

#[test]
fn weights_above_ten_points_are_rejected_by_criterion() {
    assert_eq!(Weights::default().validate(), Ok(()));
    let weights = Weights { role_model: Weight::Points(11), ..Weights::default() };
    assert_eq!(weights.validate(), Err(InputError::WeightOutOfRange { criterion: Criterion::RoleModel }));
    let must = Weights { grade_distance: Weight::Must, ..Weights::default() };
    assert_eq!(must.validate(), Ok(()));
}

// ---- scoring ----

#[test]
fn a_pair_scores_each_criterion_and_says_why() {
    let mut inst = instance(
        vec![Mentor { role_models: vec![RoleModel::LeaderPassive], ..mentor(&["olympiads", "leadership", "sport"], Some(9), 1) }],
        vec![Mentee { role_model: Some(RoleModel::LeaderPassive), preferences: vec![(0, 1)], ..mentee(&["olympiads", "leadership"], Some(7)) }],
    );
    let scored = score(&inst, 0, 0).expect("feasible");
    // 100·5 (both tags) + 100·3 (role) + 100·2 (2 grades up) + 100·4 (first choice) + 0·2 (unranked).
    assert_eq!(scored.total, 1_400);
    let details: Vec<&ContributionDetail> = scored.contributions.iter().map(|c| &c.detail).collect();
    assert_eq!(
        details,
        [
            &ContributionDetail::Tags { covered: tags(&["olympiads", "leadership"]), missing: vec![] },
            &ContributionDetail::RoleModel { role_model: RoleModel::LeaderPassive, carried: true },
            &ContributionDetail::GradeDistance { distance: 2 },
            &ContributionDetail::Rank { rank: 1 },
            &ContributionDetail::Unranked,
        ]
    );
    assert_eq!(scored.contributions.iter().map(|c| c.points).sum::<i64>(), scored.total);
    // Half the tags, a second choice by the mentor, four grades apart.
    inst.mentees[0].tags.push("sport_other".into());
    inst.mentees[0].tags.push("digital_skills".into());
    inst.mentors[0].grade = Some(11);
    inst.mentors[0].preferences = vec![(0, 2)];
    let scored = score(&inst, 0, 0).expect("feasible");
    assert_eq!(scored.total, 50 * 5 + 100 * 3 + 60 * 2 + 100 * 4 + 67 * 2);
}

#[test]
fn unknowns_are_neutral_not_zero() {
    let inst = instance(vec![mentor(&["sport"], None, 1)], vec![mentee(&[], Some(7))]);
    let scored = score(&inst, 0, 0).expect("feasible");
    // No tags, no role model, adult mentor: 50 each; nobody ranked anybody.
    assert_eq!(scored.total, 50 * 5 + 50 * 3 + 50 * 2);
    assert_eq!(scored.contributions[0].detail, ContributionDetail::NoRequestTags);
    assert_eq!(scored.contributions[1].detail, ContributionDetail::NoRoleModel);
    assert_eq!(scored.contributions[2].detail, ContributionDetail::GradeUnknown);
}

#[test]
fn infeasible_pairs_have_no_score() {
    let base = instance(vec![mentor(&["sport"], Some(9), 1)], vec![mentee(&["sport"], Some(7))]);
    assert!(score(&base, 0, 0).is_some());
    let mut barrier = base.clone();
    barrier.mentors[0].barrier = Some(MentorBarrier::NotTrained);
    assert!(score(&barrier, 0, 0).is_none());
    let mut excluded = base.clone();
    excluded.excluded.push((0, 0));
    assert!(score(&excluded, 0, 0).is_none());
    let mut same_grade = base.clone();
    same_grade.mentors[0].grade = Some(7);
    assert!(score(&same_grade, 0, 0).is_none());
    same_grade.higher_grade_required = false;
    assert!(score(&same_grade, 0, 0).is_some(), "the grade rule only binds student–student");
    let mut must = base.clone();
    must.weights.request_tags = Weight::Must;
    assert_eq!(score(&must, 0, 0).map(|s| s.contributions[0].points), Some(1_000), "a met must counts 10 points");
    must.mentees[0].tags = tags(&["olympiads"]);
    assert!(score(&must, 0, 0).is_none());
    assert!(score(&base, 1, 0).is_none() && score(&base, 0, 1).is_none(), "indices out of range");
}

#[test]
fn the_fast_row_scorer_agrees_with_the_pairwise_one() {
    let mut inst = instance(
        vec![mentor(&["a", "b"], Some(9), 1), mentor(&["c"], Some(30), 1), mentor(&[], None, 1)],
        vec![mentee(&["a"], Some(7)), mentee(&["a", "b", "c"], Some(-3)), mentee(&[], None), mentee(&["b", "z"], Some(9))],
    );
    inst.weights.role_model = Weight::Must;
    inst.mentees[0].role_model = Some(RoleModel::PeerPeer);
    inst.mentors[0].role_models = vec![RoleModel::PeerPeer, RoleModel::AdaptedUnadapted];
    let prep = Prepared::new(&inst);
    let all: Vec<MenteeIx> = (0..inst.mentees.len()).collect();
    let columns = prep.mentee_columns(&all);
    for m in 0..inst.mentors.len() {
        let mut row = vec![None; all.len()];
        prep.fill_row(m, &columns, &mut row);
        let expected: Vec<Option<u16>> = all.iter().map(|&e| prep.base(m, e).map(|p| p as u16)).collect();
        assert_eq!(row, expected, "mentor {m}");
    }
}

// ---- input errors ----

#[test]
fn inconsistent_instances_are_rejected() {
    let base = instance(vec![mentor(&[], Some(9), 1), mentor(&[], Some(9), 2)], vec![mentee(&[], Some(7)), mentee(&[], Some(7))]);
    let check = |change: &dyn Fn(&mut Instance), expected: InputError| {
        let mut inst = base.clone();
        change(&mut inst);
        assert_eq!(solve(&inst).err(), Some(expected.clone()));
        assert_eq!(blocking_pairs(&inst, &solved(&base)), Vec::new());
    };
    check(&|i| i.weights.mentee_preference = Weight::Points(12), InputError::WeightOutOfRange { criterion: Criterion::MenteePreference });
    check(&|i| i.locked.push((2, 0)), InputError::IndexOutOfRange);
    check(&|i| i.excluded.push((0, 5)), InputError::IndexOutOfRange);
    check(&|i| i.mentees[0].preferences.push((7, 1)), InputError::IndexOutOfRange);
    check(&|i| i.mentors[1].preferences.push((2, 1)), InputError::IndexOutOfRange);
    check(&|i| i.mentors[0].preferences = vec![(1, 0)], InputError::ZeroRank);
    check(
        &|i| i.mentees[1].preferences = vec![(0, 1), (1, 2), (0, 3)],
        InputError::DuplicatePreference { mentor_side: false, chooser: 1, chosen: 0 },
    );
    check(&|i| i.mentors[1].preferences = vec![(1, 1), (1, 1)], InputError::DuplicatePreference { mentor_side: true, chooser: 1, chosen: 1 });
    check(&|i| i.locked = vec![(0, 1), (1, 1)], InputError::MenteeLockedTwice { mentee: 1 });
    check(&|i| i.locked = vec![(1, 0), (1, 0)], InputError::MenteeLockedTwice { mentee: 0 });
    check(
        &|i| {
            i.locked = vec![(1, 0)];
            i.excluded = vec![(1, 0)];
        },
        InputError::LockedExcluded { mentor: 1, mentee: 0 },
    );
    check(&|i| i.locked = vec![(0, 0), (0, 1)], InputError::LockedOverCapacity { mentor: 0 });
}

// ---- reasons ----

#[test]
fn unmatched_mentees_get_the_most_specific_reason() {
    let nobody = instance(vec![], vec![mentee(&["sport"], Some(7))]);
    assert_eq!(reason_of(&solved(&nobody), 0), Some(&UnmatchedReason::NoMentors));

    let younger = instance(vec![mentor(&["sport"], Some(6), 1), mentor(&["sport"], Some(7), 1)], vec![mentee(&["sport"], Some(7))]);
    assert_eq!(reason_of(&solved(&younger), 0), Some(&UnmatchedReason::NoHigherGradeMentor));

    // The older mentor lacks the competency; the one with it is too young: competency is the
    // later filter, so it is named.
    let mut competency = instance(vec![mentor(&["art"], Some(9), 1), mentor(&["sport"], Some(6), 1)], vec![mentee(&["sport", "chess", "sport"], Some(7))]);
    competency.weights.request_tags = Weight::Must;
    assert_eq!(reason_of(&solved(&competency), 0), Some(&UnmatchedReason::NoMentorWithCompetency { tags: tags(&["sport", "chess"]) }));

    let mut role = instance(vec![mentor(&["sport"], Some(9), 1)], vec![mentee(&["sport"], Some(7))]);
    role.weights.role_model = Weight::Must;
    role.mentees[0].role_model = Some(RoleModel::AdaptedUnadapted);
    assert_eq!(reason_of(&solved(&role), 0), Some(&UnmatchedReason::MustUnmet { criterion: Criterion::RoleModel }));

    // Excluded and untrained: training the mentor would not help, the exclusion is named.
    let mut excluded = instance(vec![mentor(&["sport"], Some(9), 1)], vec![mentee(&["sport"], Some(7))]);
    excluded.excluded.push((0, 0));
    excluded.mentors[0].barrier = Some(MentorBarrier::NotTrained);
    assert_eq!(reason_of(&solved(&excluded), 0), Some(&UnmatchedReason::OnlyExcluded));

    // One excluded, two untrained: training would help.
    let mut untrained = instance(
        vec![mentor(&["sport"], Some(9), 1), mentor(&["sport"], Some(9), 1), mentor(&["sport"], Some(9), 1)],
        vec![mentee(&["sport"], Some(7))],
    );
    untrained.excluded.push((0, 0));
    untrained.mentors[1].barrier = Some(MentorBarrier::NotTrained);
    untrained.mentors[2].barrier = Some(MentorBarrier::NotSelected);
    assert_eq!(reason_of(&solved(&untrained), 0), Some(&UnmatchedReason::OnlyUntrainedMentors { candidates: 2 }));

    let full = instance(vec![mentor(&["sport"], Some(9), 1)], vec![mentee(&["sport"], Some(7)), mentee(&["chess"], Some(7))]);
    let outcome = solved(&full);
    assert_eq!(pairs(&outcome), [(0, 0)]);
    assert_eq!(reason_of(&outcome, 1), Some(&UnmatchedReason::CapacityExhausted { candidates: 1 }));
}

// ---- the algorithms on hand-made cases ----

#[test]
fn optimal_beats_greedy() {
    // Greedy gives mentor 0 its best (mentee 0) and leaves mentor 1 a poor match.
    let mut inst = instance(vec![mentor(&["a", "b"], None, 1), mentor(&["a"], None, 1)], vec![mentee(&["a"], None), mentee(&["b"], None)]);
    inst.mentees[0].preferences = vec![(0, 1)];
    let outcome = solved(&inst);
    assert_eq!(pairs(&outcome), [(0, 1), (1, 0)]);
    let total: i64 = outcome.proposals.iter().map(|p| p.score).sum();
    let greedy = score(&inst, 0, 0).expect("feasible").total + score(&inst, 1, 1).expect("feasible").total;
    assert!(total > greedy, "{total} vs {greedy}");
}

#[test]
fn participation_trades_score_for_pairs() {
    // Mentee 0 is worth 750 with mentor 0 and 500 with mentor 1; mentee 1 can only have mentor 0,
    // and is worth 100 there. By score: one pair (750 > 500 + 100); by participation: two.
    let mut inst = instance(vec![mentor(&["a", "b"], None, 1), mentor(&["a"], None, 1)], vec![mentee(&["a", "b"], None), mentee(&["c"], None)]);
    inst.mentees[1].role_model = Some(RoleModel::PeerPeer);
    inst.excluded.push((1, 1));
    let by_score = solved(&inst);
    assert_eq!(pairs(&by_score), [(0, 0)]);
    assert_eq!(by_score.proposals[0].score, 750);
    inst.objective = Objective::Participation;
    let by_participation = solved(&inst);
    assert_eq!(pairs(&by_participation), [(0, 1), (1, 0)]);
    assert_eq!(by_participation.proposals.iter().map(|p| p.score).sum::<i64>(), 100 + 500);
}

#[test]
fn locked_pairs_stay_and_take_places() {
    let mut inst = instance(vec![mentor(&["a"], Some(9), 2), mentor(&["a"], Some(9), 1)], vec![mentee(&["a"], Some(7)), mentee(&["a"], Some(7)), mentee(&["b"], Some(7))]);
    // Mentee 2 matches nobody's competencies, is same-grade-safe, and is locked to mentor 1.
    inst.locked = vec![(1, 2)];
    for algorithm in [Algorithm::Optimal, Algorithm::Stable] {
        inst.algorithm = algorithm;
        let outcome = solved(&inst);
        let locked: Vec<&Proposal> = outcome.proposals.iter().filter(|p| p.locked).collect();
        assert_eq!(locked.len(), 1);
        assert_eq!((locked[0].mentor, locked[0].mentee), (1, 2));
        assert_eq!(pairs(&outcome), [(0, 0), (0, 1), (1, 2)], "{algorithm:?}");
    }
}

#[test]
fn stable_follows_stated_ranks_and_the_checker_finds_blocks() {
    // Both mentees want mentor 0 first; mentor 0 ranks mentee 1 first.
    let mut inst = instance(vec![mentor(&["a"], Some(9), 1), mentor(&["a"], Some(9), 1)], vec![mentee(&["a"], Some(7)), mentee(&["a"], Some(7))]);
    inst.algorithm = Algorithm::Stable;
    inst.mentees[0].preferences = vec![(0, 1), (1, 2)];
    inst.mentees[1].preferences = vec![(0, 1), (1, 2)];
    inst.mentors[0].preferences = vec![(1, 1), (0, 2)];
    let outcome = solved(&inst);
    assert_eq!(pairs(&outcome), [(0, 1), (1, 0)]);
    assert_eq!(blocking_pairs(&inst, &outcome), Vec::new());
    // The swapped assignment is blocked by (mentor 0, mentee 1).
    let mut swapped = outcome.clone();
    swapped.proposals[0].mentee = 0;
    swapped.proposals[1].mentee = 1;
    assert_eq!(blocking_pairs(&inst, &swapped), [(0, 1)]);
    // Nobody matched: every acceptable pair blocks.
    let empty = Outcome { proposals: vec![], ..outcome };
    assert_eq!(blocking_pairs(&inst, &empty), [(0, 0), (0, 1), (1, 0), (1, 1)]);
}

#[test]
fn stats_count_first_choices_among_those_who_chose() {
    let mut inst = instance(vec![mentor(&["a"], Some(9), 1), mentor(&["a"], Some(9), 1)], vec![mentee(&["a"], Some(7)), mentee(&["a"], Some(7)), mentee(&["a"], Some(7))]);
    inst.algorithm = Algorithm::Stable;
    inst.mentees[0].preferences = vec![(0, 1)];
    inst.mentees[1].preferences = vec![(0, 2), (1, 1)];
    let outcome = solved(&inst);
    assert_eq!(pairs(&outcome), [(0, 0), (1, 1)]);
    let stats = &outcome.stats;
    assert_eq!((stats.mentees, stats.matched), (3, 2));
    assert!((stats.matched_share - 2.0 / 3.0).abs() < 1e-9);
    assert!((stats.first_choice_share - 1.0).abs() < 1e-9);
    let mean = outcome.proposals.iter().map(|p| p.score).sum::<i64>() as f64 / 2.0;
    assert!((stats.mean_score - mean).abs() < 1e-9);
    assert_eq!(reason_of(&outcome, 2), Some(&UnmatchedReason::CapacityExhausted { candidates: 2 }));
}
