//! Property tests on random small instances: both algorithms against brute force and against
//! independent re-implementations of their definitions.

use proptest::prelude::*;

use super::optimal::{Tuning, assign_tuned};
use super::score::Prepared;
use super::tests::{free_pairs, solved};
use super::*;

const VOCABULARY: [&str; 4] = ["academic_results", "olympiads", "leadership", "sport"];
const ROLES: [RoleModel; 4] = [RoleModel::AchieverUnderachiever, RoleModel::LeaderPassive, RoleModel::PeerPeer, RoleModel::AdaptedUnadapted];

fn tag_set() -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(0..VOCABULARY.len(), 0..3).prop_map(|ix| ix.into_iter().map(|i| VOCABULARY[i].to_owned()).collect())
}

fn grade() -> impl Strategy<Value = Option<i32>> {
    prop_oneof![1 => Just(None), 4 => (5..=10i32).prop_map(Some)]
}

fn weight() -> impl Strategy<Value = Weight> {
    prop_oneof![12 => (0..=10u8).prop_map(Weight::Points), 1 => Just(Weight::Must)]
}

/// Distinct chosen indices below `n` with ranks 1..=3 (ties allowed).
fn ranks(n: usize) -> impl Strategy<Value = Vec<(usize, u8)>> {
    proptest::collection::vec((0..n.max(1), 1..=3u8), 0..=n).prop_map(move |mut list| {
        list.retain(|&(i, _)| i < n);
        list.sort_by_key(|&(i, _)| i);
        list.dedup_by_key(|&mut (i, _)| i);
        list
    })
}

/// Up to `mentors` × `mentees` of everything, made valid (locked pairs within capacity, on
/// distinct mentees, not excluded).
fn instances(mentors: usize, mentees: usize, max_capacity: u32) -> impl Strategy<Value = Instance> {
    (1..=mentors, 0..=mentees, 0..3usize).prop_flat_map(move |(n_mentors, n_mentees, grow)| {
        // Bigger instances are the interesting ones: two draws in three take the largest size.
        let (n_mentors, n_mentees) = if grow > 0 { (mentors, mentees) } else { (n_mentors, n_mentees) };
        let mentor = (tag_set(), grade(), 0..=max_capacity, proptest::collection::vec(0..4usize, 0..3), prop::option::weighted(0.1, prop_oneof![Just(MentorBarrier::NotSelected), Just(MentorBarrier::NotTrained)]), ranks(n_mentees))
            .prop_map(|(tags, grade, capacity, roles, barrier, preferences)| Mentor { tags, grade, capacity, role_models: roles.into_iter().map(|i| ROLES[i]).collect(), barrier, preferences });
        let mentee = (tag_set(), grade(), prop::option::of(0..4usize), ranks(n_mentors))
            .prop_map(|(tags, grade, role, preferences)| Mentee { tags, grade, role_model: role.map(|i| ROLES[i]), preferences });
        let weights = (weight(), weight(), weight(), weight(), weight()).prop_map(|(a, b, c, d, e)| Weights {
            request_tags: a,
            role_model: b,
            grade_distance: c,
            mentee_preference: d,
            mentor_preference: e,
        });
        let pair = (0..n_mentors, 0..n_mentees.max(1));
        (
            proptest::collection::vec(mentor, n_mentors),
            proptest::collection::vec(mentee, n_mentees),
            weights,
            proptest::collection::vec(pair.clone(), 0..3),
            proptest::collection::vec(pair, 0..4),
            any::<bool>(),
            prop_oneof![Just(Objective::Score), Just(Objective::Participation)],
        )
            .prop_map(move |(mentors, mentees, weights, locked, excluded, higher_grade_required, objective)| {
                let excluded: Vec<(usize, usize)> = excluded.into_iter().filter(|&(_, e)| e < mentees.len()).collect();
                let mut load = vec![0u32; mentors.len()];
                let mut taken = vec![false; mentees.len()];
                let locked = locked
                    .into_iter()
                    .filter(|&(m, e)| {
                        let ok = e < mentees.len() && !taken[e] && load[m] < mentors[m].capacity && !excluded.contains(&(m, e));
                        if ok {
                            taken[e] = true;
                            load[m] += 1;
                        }
                        ok
                    })
                    .collect();
                Instance { mentors, mentees, weights, locked, excluded, higher_grade_required, algorithm: Algorithm::Optimal, objective }
            })
    })
}

/// Over every assignment of the unlocked mentees (each to nobody or a feasible mentor with a place
/// left): the best (score, pairs) and the best (pairs, score).
fn brute_force(inst: &Instance) -> ((i64, usize), (usize, i64)) {
    let mut load = vec![0u32; inst.mentors.len()];
    let mut locked = vec![false; inst.mentees.len()];
    for &(m, e) in &inst.locked {
        load[m] += 1;
        locked[e] = true;
    }
    let free: Vec<MenteeIx> = (0..inst.mentees.len()).filter(|&e| !locked[e]).collect();
    let options: Vec<Vec<(MentorIx, i64)>> =
        free.iter().map(|&e| (0..inst.mentors.len()).filter_map(|m| score(inst, m, e).map(|s| (m, s.total))).collect()).collect();
    let fixed = objective_of(inst, &[]);
    let mut best = (fixed, (fixed.1, fixed.0));
    fn walk(i: usize, options: &[Vec<(MentorIx, i64)>], inst: &Instance, load: &mut [u32], acc: (i64, usize), best: &mut ((i64, usize), (usize, i64))) {
        if i == options.len() {
            best.0 = best.0.max(acc);
            best.1 = best.1.max((acc.1, acc.0));
            return;
        }
        walk(i + 1, options, inst, load, acc, best);
        for &(m, s) in &options[i] {
            if load[m] < inst.mentors[m].capacity {
                load[m] += 1;
                walk(i + 1, options, inst, load, (acc.0 + s, acc.1 + 1), best);
                load[m] -= 1;
            }
        }
    }
    walk(0, &options, inst, &mut load, fixed, &mut best);
    best
}

/// Stability by definition, with the orders written out again from the public `score`.
fn independently_stable(inst: &Instance, outcome: &Outcome) -> bool {
    let locked: Vec<MenteeIx> = inst.locked.iter().map(|&(_, e)| e).collect();
    let total = |m: MentorIx, e: MenteeIx| score(inst, m, e).map(|s| s.total);
    let mentor_of = |e: MenteeIx| outcome.proposals.iter().find(|p| p.mentee == e).map(|p| p.mentor);
    let mentee_key = |e: MenteeIx, m: MentorIx| {
        let rank = inst.mentees[e].preferences.iter().find(|&&(c, _)| c == m).map_or(0, |&(_, r)| r);
        (rank, -total(m, e).unwrap_or(0), m)
    };
    let mentor_key = |m: MentorIx, e: MenteeIx| {
        let rank = inst.mentors[m].preferences.iter().find(|&&(c, _)| c == e).map_or(256, |&(_, r)| u32::from(r));
        let points: i64 = explain::contributions(inst, m, e).iter().map(|c| c.points).sum();
        (rank, -points, e)
    };
    for e in (0..inst.mentees.len()).filter(|e| !locked.contains(e)) {
        let ranked: Vec<MentorIx> = inst.mentees[e].preferences.iter().map(|&(m, _)| m).filter(|&m| total(m, e).is_some()).collect();
        let acceptable: Vec<MentorIx> = if ranked.is_empty() { (0..inst.mentors.len()).filter(|&m| total(m, e).is_some()).collect() } else { ranked };
        let current = mentor_of(e).filter(|m| acceptable.contains(m));
        for &m in &acceptable {
            if current.is_some_and(|c| mentee_key(e, c) <= mentee_key(e, m)) {
                continue; // e is at least as happy now
            }
            let held: Vec<MenteeIx> = outcome.proposals.iter().filter(|p| p.mentor == m && !p.locked).map(|p| p.mentee).collect();
            let places = inst.mentors[m].capacity as usize - inst.locked.iter().filter(|&&(lm, _)| lm == m).count();
            if held.len() < places || held.iter().any(|&h| mentor_key(m, h) > mentor_key(m, e)) {
                return false;
            }
        }
    }
    true
}

/// What every outcome must satisfy, whatever the algorithm.
fn check_outcome(inst: &Instance, outcome: &Outcome) -> Result<(), TestCaseError> {
    let mut load = vec![0u32; inst.mentors.len()];
    let mut seen = vec![false; inst.mentees.len()];
    for p in &outcome.proposals {
        prop_assert!(!seen[p.mentee], "mentee {} twice", p.mentee);
        seen[p.mentee] = true;
        load[p.mentor] += 1;
        prop_assert_eq!(p.locked, inst.locked.contains(&(p.mentor, p.mentee)));
        prop_assert_eq!(p.score, p.contributions.iter().map(|c| c.points).sum::<i64>());
        if !p.locked {
            prop_assert!(!inst.excluded.contains(&(p.mentor, p.mentee)));
            prop_assert_eq!(score(inst, p.mentor, p.mentee).map(|s| s.total), Some(p.score), "proposed an infeasible pair");
        }
    }
    for (m, mentor) in inst.mentors.iter().enumerate() {
        prop_assert!(load[m] <= mentor.capacity, "mentor {} over capacity", m);
    }
    for pair in &inst.locked {
        prop_assert!(outcome.proposals.iter().any(|p| (p.mentor, p.mentee) == *pair && p.locked), "locked pair {:?} dropped", pair);
    }
    let unmatched: Vec<MenteeIx> = outcome.unmatched.iter().map(|u| u.mentee).collect();
    let expected: Vec<MenteeIx> = (0..inst.mentees.len()).filter(|&e| !seen[e]).collect();
    prop_assert_eq!(unmatched, expected);
    for u in &outcome.unmatched {
        let feasible = (0..inst.mentors.len()).filter(|&m| score(inst, m, u.mentee).is_some()).count();
        match &u.reason {
            UnmatchedReason::CapacityExhausted { candidates } => {
                prop_assert!(*candidates > 0 && *candidates <= feasible);
                if inst.algorithm == Algorithm::Optimal {
                    // Any feasible mentor with a place left would have taken the mentee.
                    for m in (0..inst.mentors.len()).filter(|&m| score(inst, m, u.mentee).is_some()) {
                        prop_assert_eq!(load[m], inst.mentors[m].capacity);
                    }
                }
            }
            other => prop_assert_eq!(feasible, 0, "reason {:?} while feasible mentors exist", other),
        }
    }
    let stats = &outcome.stats;
    prop_assert_eq!((stats.mentees, stats.matched), (inst.mentees.len(), outcome.proposals.len()));
    Ok(())
}

/// (Total score, pairs), locked pairs included, of the locked pairs plus these free ones.
fn objective_of(inst: &Instance, pairs: &[(MentorIx, MenteeIx)]) -> (i64, usize) {
    let locked: i64 = inst.locked.iter().map(|&(m, e)| explain::contributions(inst, m, e).iter().map(|c| c.points).sum::<i64>()).sum();
    let free: i64 = pairs.iter().map(|&(m, e)| score(inst, m, e).map_or(i64::MIN / 4, |s| s.total)).sum();
    (locked + free, pairs.len() + inst.locked.len())
}

/// Tunings that force the sparse machinery to work: nearly empty graphs, many repairs, restarts.
const TUNINGS: [Tuning; 3] = [
    Tuning { mentees_per_mentor: 0, mentors_per_mentee: 0, repairs_at_most: 1_000 },
    Tuning { mentees_per_mentor: 0, mentors_per_mentee: 1, repairs_at_most: 1 },
    Tuning { mentees_per_mentor: 1_000, mentors_per_mentee: 1_000, repairs_at_most: 0 },
];

fn tuned_objective(inst: &Instance, tuning: Tuning) -> (i64, usize) {
    let prep = Prepared::new(inst);
    let mut places: Vec<u32> = inst.mentors.iter().map(|m| m.capacity).collect();
    let mut locked = vec![false; inst.mentees.len()];
    for &(m, e) in &inst.locked {
        places[m] -= 1;
        locked[e] = true;
    }
    let free: Vec<MenteeIx> = (0..inst.mentees.len()).filter(|&e| !locked[e]).collect();
    let assignment = assign_tuned(&prep, &places, &free, inst.objective, tuning);
    objective_of(inst, &assignment.pairs)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn optimal_matches_brute_force(inst in instances(4, 6, 2)) {
        let outcome = solved(&inst);
        check_outcome(&inst, &outcome)?;
        let (by_score, by_pairs) = brute_force(&inst);
        let got = objective_of(&inst, &free_pairs(&outcome));
        match inst.objective {
            Objective::Score => prop_assert_eq!(got, by_score, "(score, pairs)"),
            Objective::Participation => prop_assert_eq!((got.1, got.0), by_pairs, "(pairs, score)"),
        }
        for tuning in TUNINGS {
            prop_assert_eq!(tuned_objective(&inst, tuning), got, "{:?}", tuning);
        }
    }

    #[test]
    fn stable_has_no_blocking_pair(mut inst in instances(4, 7, 3)) {
        inst.algorithm = Algorithm::Stable;
        let outcome = solved(&inst);
        check_outcome(&inst, &outcome)?;
        prop_assert_eq!(blocking_pairs(&inst, &outcome), Vec::new());
        prop_assert!(independently_stable(&inst, &outcome));
    }

    #[test]
    fn the_checker_agrees_with_the_definition(inst in instances(4, 6, 2), choice in proptest::collection::vec(0..5usize, 6)) {
        // Any capacity-respecting assignment, stable or not.
        let mut load: Vec<u32> = inst.mentors.iter().map(|m| m.capacity).collect();
        let mut proposals: Vec<Proposal> = Vec::new();
        for &(m, e) in &inst.locked {
            load[m] -= 1;
            proposals.push(Proposal { mentor: m, mentee: e, score: 0, locked: true, contributions: vec![] });
        }
        for (e, &pick) in choice.iter().enumerate().take(inst.mentees.len()) {
            if pick < inst.mentors.len() && load[pick] > 0 && !proposals.iter().any(|p| p.mentee == e) && score(&inst, pick, e).is_some() {
                load[pick] -= 1;
                proposals.push(Proposal { mentor: pick, mentee: e, score: 0, locked: false, contributions: vec![] });
            }
        }
        let outcome = Outcome { proposals, unmatched: vec![], stats: solved(&inst).stats };
        prop_assert_eq!(blocking_pairs(&inst, &outcome).is_empty(), independently_stable(&inst, &outcome));
    }

    #[test]
    fn same_input_same_output(inst in instances(4, 8, 3), stable in any::<bool>()) {
        let mut inst = inst;
        inst.algorithm = if stable { Algorithm::Stable } else { Algorithm::Optimal };
        prop_assert_eq!(solved(&inst), solved(&inst.clone()));
    }

    #[test]
    fn fast_scores_equal_explained_scores(inst in instances(4, 6, 2)) {
        let prep = Prepared::new(&inst);
        for m in 0..inst.mentors.len() {
            for e in 0..inst.mentees.len() {
                prop_assert_eq!(prep.total(m, e), score(&inst, m, e).map(|s| s.total));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Too big for brute force: the sparse tunings (repairs, restarts) must reach the optimum of
    /// the dense one, which is plain successive shortest paths on every pair.
    #[test]
    fn sparse_graphs_reach_the_dense_optimum(inst in instances(12, 40, 3)) {
        let dense = tuned_objective(&inst, Tuning::EVERY_PAIR);
        prop_assert_eq!(objective_of(&inst, &free_pairs(&solved(&inst))), dense);
        for tuning in TUNINGS {
            prop_assert_eq!(tuned_objective(&inst, tuning), dense, "{:?}", tuning);
        }
    }
}

