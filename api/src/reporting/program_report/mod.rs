//! `GET /programs/{id}/report`: one programme's figures — bases, pairs by form and role model,
//! meetings, the roadmap, monitoring, recognition — as JSON, CSV or XLSX. While the programme runs
//! the figures are live; completing it freezes them (`program_reports`), so the report handed on
//! stays what it was on the day.

pub mod figures;
pub mod routes;
pub mod table;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::monitoring::impact::MIN_GROUP;
use crate::programs::progress::Progress;

/// The report's shape; a change that breaks readers raises it.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ProgramReport {
    pub schema_version: u32,
    pub program: ReportProgram,
    /// When the figures were computed: the day of completion for a frozen report.
    pub generated_at: DateTime<Utc>,
    /// Set once the programme completed: the figures no longer change.
    pub frozen_at: Option<DateTime<Utc>>,
    pub bases: BaseFigures,
    pub pairs: PairFigures,
    pub meetings: MeetingFigures,
    pub roadmap: RoadmapFigures,
    pub monitoring: MonitoringFigures,
    /// Awards by kind.
    pub awards: Vec<Line>,
    /// Some counts of fewer than 5 people were withheld: the reader is not the school's staff.
    pub suppressed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ReportProgram {
    pub id: i64,
    pub title: String,
    pub school_name: String,
    pub academic_year: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    pub status: String,
    pub forms: Vec<String>,
    pub goal: Option<String>,
}

/// A count under a key (a status, a form, a role model, a kind).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Line {
    pub key: String,
    /// Null: fewer than 5 people, withheld outside the school's staff.
    pub count: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Tally {
    pub total: Option<i64>,
    pub by_status: Vec<Line>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct BaseFigures {
    pub mentees: Tally,
    pub mentors: Tally,
    /// Mentors who finished the school of mentors.
    pub mentors_trained: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PairFigures {
    /// Pairs and groups ever formed (dissolved included).
    pub total: Option<i64>,
    pub by_status: Vec<Line>,
    /// Approved, active and completed pairs by form of mentorship.
    pub by_form: Vec<Line>,
    pub by_role_model: Vec<Line>,
    /// Completed pairs by how far their goals were reached.
    pub by_outcome: Vec<Line>,
    /// Mentees who are or were in an approved, active or completed pair.
    pub mentees_in_pairs: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MeetingFigures {
    pub held: i64,
    pub scheduled: i64,
    pub cancelled: i64,
    /// Held meetings by kind (introduction … final).
    pub held_by_kind: Vec<Line>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StageFigures {
    pub stage_no: i32,
    pub title: String,
    #[serde(flatten)]
    pub progress: Progress,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RoadmapFigures {
    pub overall: Progress,
    pub stages: Vec<StageFigures>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SurveyFigures {
    pub title: String,
    pub phase: String,
    pub audience: String,
    pub invitations: i64,
    pub submitted: i64,
    pub response_rate: Option<f64>,
}

/// A rated item of a quality questionnaire, with its score 0–1 between the scale's ends.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct RatedItem {
    pub survey: String,
    pub question: String,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ImpactFigures {
    pub parameter: String,
    /// `survey` or `records`.
    pub source: String,
    /// People with both measurements; null when fewer than 5, outside the school's staff.
    pub n: Option<i64>,
    pub entry_mean: Option<f64>,
    pub exit_mean: Option<f64>,
    pub mean_change: Option<f64>,
    pub p_value: Option<f64>,
    pub significant: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct MonitoringFigures {
    pub surveys: Vec<SurveyFigures>,
    pub strengths: Vec<RatedItem>,
    pub weaknesses: Vec<RatedItem>,
    pub impact: Vec<ImpactFigures>,
}

fn withhold(count: &mut Option<i64>) -> bool {
    let small = count.is_some_and(|c| c > 0 && c < MIN_GROUP as i64);
    if small {
        *count = None;
    }
    small
}

fn withhold_lines(lines: &mut [Line]) -> bool {
    lines.iter_mut().fold(false, |any, l| withhold(&mut l.count) | any)
}

impl ProgramReport {
    /// The report as seen from outside the school's staff: every count of fewer than 5 people
    /// withheld, and the statistics of fewer than 5 pairs of measurements.
    pub fn withhold_small_counts(mut self) -> Self {
        let mut any = false;
        for tally in [&mut self.bases.mentees, &mut self.bases.mentors] {
            any |= withhold(&mut tally.total);
            any |= withhold_lines(&mut tally.by_status);
        }
        any |= withhold(&mut self.bases.mentors_trained);
        let p = &mut self.pairs;
        any |= withhold(&mut p.total) | withhold(&mut p.mentees_in_pairs);
        for lines in [&mut p.by_status, &mut p.by_form, &mut p.by_role_model, &mut p.by_outcome] {
            any |= withhold_lines(lines);
        }
        for i in &mut self.monitoring.impact {
            if withhold(&mut i.n) {
                any = true;
                (i.entry_mean, i.exit_mean, i.mean_change, i.p_value, i.significant) = (None, None, None, None, None);
            }
        }
        self.suppressed = any;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_withheld_and_zero_is_not() {
        let mut lines = vec![Line { key: "a".into(), count: Some(4) }, Line { key: "b".into(), count: Some(5) }, Line { key: "c".into(), count: Some(0) }];
        assert!(withhold_lines(&mut lines));
        assert_eq!(lines.iter().map(|l| l.count).collect::<Vec<_>>(), [None, Some(5), Some(0)]);
        let mut fine = vec![Line { key: "a".into(), count: Some(12) }];
        assert!(!withhold_lines(&mut fine));
    }
}
