//! Progress of a roadmap: done and overdue per stage and overall, and the stage the programme is in.
//! Measured from the activities for a roadmap, counted by the database for a list of programmes.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use utoipa::ToSchema;

use super::stages::STAGE_COUNT;
use super::roadmap_counts::RoadmapCounts;
use super::status::ActivityStatus;
use crate::db::schema::roadmap_activities;
use crate::db::{DbConnection, natively, one_of};
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
pub struct Progress {
    pub done: i64,
    /// Activities that count: all but the cancelled ones.
    pub total: i64,
    pub overdue: i64,
    /// done / total, rounded down; 0 for an empty roadmap.
    pub percent: i64,
}

impl Progress {
    /// From the database's counts (`count_overall`).
    pub fn of(done: i64, total: i64, overdue: i64) -> Self {
        Self { done, total, overdue, percent: percent(done, total) }
    }

    fn add(&mut self, status: ActivityStatus, overdue: bool) {
        if status == ActivityStatus::Cancelled {
            return;
        }
        self.total += 1;
        if status == ActivityStatus::Done {
            self.done += 1;
        }
        if overdue {
            self.overdue += 1;
        }
        self.percent = percent(self.done, self.total);
    }
}

fn percent(done: i64, total: i64) -> i64 {
    if total == 0 { 0 } else { done * 100 / total }
}

/// Past its deadline and still open. `today` is the school's, not the server's.
pub fn is_overdue(status: ActivityStatus, deadline: NaiveDate, today: NaiveDate) -> bool {
    !status.is_closed() && deadline < today
}

pub struct RoadmapProgress {
    pub overall: Progress,
    /// Index 0 is stage 1.
    pub stages: Vec<Progress>,
    /// The first stage with open work; None when everything is done.
    pub current_stage: Option<i32>,
}

/// `activities`: (stage number, status, deadline).
pub fn measure(activities: &[(i32, ActivityStatus, NaiveDate)], today: NaiveDate) -> RoadmapProgress {
    let mut stages = vec![Progress::default(); STAGE_COUNT as usize];
    let mut overall = Progress::default();
    for &(stage_no, status, deadline) in activities {
        let overdue = is_overdue(status, deadline, today);
        overall.add(status, overdue);
        if let Some(p) = usize::try_from(stage_no - 1).ok().and_then(|i| stages.get_mut(i)) {
            p.add(status, overdue);
        }
    }
    let current_stage = activities.iter().filter(|(_, status, _)| !status.is_closed()).map(|(s, _, _)| *s).min();
    RoadmapProgress { overall, stages, current_stage }
}

/// Each programme's roadmap progress as a whole (`measure`'s `overall`), counted by the database,
/// for `programmes` given as (programme, today at its school): reading every activity to count
/// them was a third of a list's work. Overdue depends on the school's date, so programmes are
/// counted by that date: one count for a school's list, two at most for a region's (Russia's
/// zones span less than a day).
pub fn count_overall(conn: &mut DbConnection, programmes: &[(i64, NaiveDate)]) -> Result<HashMap<i64, Progress>, ApiError> {
    use roadmap_activities::program_id;
    let mut by_today: HashMap<NaiveDate, Vec<i64>> = HashMap::new();
    for &(programme, today) in programmes {
        by_today.entry(today).or_default().push(programme);
    }
    let mut out = HashMap::with_capacity(programmes.len());
    for (today, ids) in by_today {
        let counts = RoadmapCounts { today };
        // One programme (a school's list, mostly) needs no grouping, which would double SQLite's steps.
        let counts: Vec<(i64, (i64, i64, i64))> = match ids[..] {
            [id] => natively!(conn, |c| {
                let q = roadmap_activities::table.filter(program_id.eq(id)).select(counts);
                vec![(id, q.get_result(c)?)]
            }),
            _ => natively!(conn, |c| {
                let q = roadmap_activities::table.filter(one_of(program_id, &ids)).group_by(program_id).select((program_id, counts));
                q.load(c)?
            }),
        };
        out.extend(counts.into_iter().map(|(id, (done, total, overdue))| (id, Progress::of(done, total, overdue))));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActivityStatus::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    #[test]
    fn progress_overdue_and_current_stage() {
        let today = d(11, 15);
        let acts = [
            (1, Done, d(9, 30)),
            (1, Cancelled, d(9, 30)),
            (2, InProgress, d(10, 31)), // overdue
            (2, Planned, d(11, 15)),    // due today: not overdue yet
            (3, Planned, d(12, 31)),
        ];
        let p = measure(&acts, today);
        assert_eq!(p.overall, Progress { done: 1, total: 4, overdue: 1, percent: 25 });
        assert_eq!(p.stages[0], Progress { done: 1, total: 1, overdue: 0, percent: 100 });
        assert_eq!(p.stages[1].overdue, 1);
        assert_eq!(p.current_stage, Some(2));
    }

    #[test]
    fn finished_roadmap_has_no_current_stage() {
        let p = measure(&[(7, Done, d(5, 1))], d(6, 1));
        assert_eq!(p.current_stage, None);
        assert_eq!(p.overall.percent, 100);
        assert_eq!(measure(&[], d(6, 1)).overall.percent, 0);
    }
}
