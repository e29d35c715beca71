//! How nominees are ranked: each figure against the best of the programme, weighted. Pure, so
//! the weights are tested here; the decision stays the school's (the list only suggests).

use super::dto::NomineeFigures;

/// Held meetings weigh most: the model's work is the meetings (seed 001, stage 6).
pub const WEIGHT_MEETINGS: f64 = 35.0;
pub const WEIGHT_DAYS: f64 = 15.0;
pub const WEIGHT_COMPLETED: f64 = 15.0;
pub const WEIGHT_RATING: f64 = 20.0;
pub const WEIGHT_CHANGE: f64 = 15.0;

/// Parameters where less is better (the standard instrument's anxiety); the rest count up.
pub fn lower_is_better(parameter: &str) -> bool {
    parameter.contains("anxiety")
}

/// Whether a parameter moved the right way from entry to exit.
pub fn improved(parameter: &str, entry: f64, exit: f64) -> bool {
    if lower_is_better(parameter) { exit < entry } else { exit > entry }
}

fn share(value: i64, best: i64) -> f64 {
    if best <= 0 { 0.0 } else { value as f64 / best as f64 }
}

/// Scores 0–100, one per candidate, in their order. A missing rating or change counts as none:
/// a nominee is put forward by the record there is.
pub fn scores(candidates: &[NomineeFigures]) -> Vec<f64> {
    let best = |f: fn(&NomineeFigures) -> i64| candidates.iter().map(f).max().unwrap_or(0);
    let (meetings, days, completed) = (best(|c| c.meetings_held), best(|c| c.days_of_work), best(|c| c.completed_pairs));
    candidates
        .iter()
        .map(|c| {
            let rating = c.mean_rating.map_or(0.0, |r| ((r - 1.0) / 4.0).clamp(0.0, 1.0));
            let total = WEIGHT_MEETINGS * share(c.meetings_held, meetings)
                + WEIGHT_DAYS * share(c.days_of_work, days)
                + WEIGHT_COMPLETED * share(c.completed_pairs, completed)
                + WEIGHT_RATING * rating
                + WEIGHT_CHANGE * c.improved_share.unwrap_or(0.0).clamp(0.0, 1.0);
            (total * 10.0).round() / 10.0
        })
        .collect()
}

/// Indices of the candidates, best first; ties go to more meetings, then to the earlier one.
pub fn order(candidates: &[NomineeFigures], scores: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..candidates.len()).collect();
    idx.sort_by(|&a, &b| {
        scores[b].total_cmp(&scores[a]).then(candidates[b].meetings_held.cmp(&candidates[a].meetings_held)).then(a.cmp(&b))
    });
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(meetings: i64, days: i64, completed: i64, rating: Option<f64>, change: Option<f64>) -> NomineeFigures {
        NomineeFigures { pairs: 1, completed_pairs: completed, meetings_held: meetings, days_of_work: days, mean_rating: rating, ratings: 1, measured_mentees: 1, improved_share: change }
    }

    #[test]
    fn the_best_at_everything_scores_100_and_nothing_scores_0() {
        let s = scores(&[fig(10, 100, 2, Some(5.0), Some(1.0)), fig(0, 0, 0, None, None)]);
        assert_eq!(s, vec![100.0, 0.0]);
    }

    #[test]
    fn meetings_weigh_more_than_ratings() {
        let busy = fig(10, 50, 0, Some(3.0), None);
        let liked = fig(4, 50, 0, Some(5.0), None);
        let s = scores(&[busy.clone(), liked.clone()]);
        assert!(s[0] > s[1], "{s:?}");
        assert_eq!(order(&[busy, liked], &s), vec![0, 1]);
    }

    #[test]
    fn ties_go_to_more_meetings_then_the_first() {
        let a = fig(5, 10, 0, None, None);
        let s = vec![50.0, 50.0, 50.0];
        assert_eq!(order(&[a.clone(), fig(6, 10, 0, None, None), a], &s), vec![1, 0, 2]);
    }

    #[test]
    fn anxiety_improves_downwards() {
        assert!(improved("anxiety", 7.0, 4.0));
        assert!(!improved("anxiety", 4.0, 7.0));
        assert!(improved("self_esteem", 4.0, 7.0));
        assert!(!improved("average_grade", 4.0, 4.0));
    }
}
