//! The figures as the region and the institute see them: small counts of children hidden, shares
//! worked out, and the one fixed, versioned row layout that the dashboard, the period exports and
//! their CSV share.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::figures::SchoolFigures;
use crate::error::ApiError;
use crate::participants::export::neutralise;

/// The version of the row layout below (JSON fields and CSV columns). A change that renames,
/// removes or reinterprets a field is a new version; adding a column at the end is not.
pub const SCHEMA_VERSION: i32 = 1;

/// Counts of children below this are hidden outside the school's own staff (DOMAIN.md). Zero
/// stays: it identifies nobody.
pub const SMALLEST_SHOWN: i64 = 5;

/// The CSV header line, fixed for schema version 1.
pub const CSV_HEADERS: [&str; 33] = [
    "schema_version",
    "school_id",
    "school_name",
    "parent_id",
    "parent_name",
    "suppressed",
    "mentors",
    "mentees",
    "pairs",
    "pairs_student_student",
    "pairs_teacher_teacher",
    "pairs_employer_student",
    "pairs_university_student_student",
    "pairs_employer_college_student",
    "involved",
    "involved_student_student",
    "involved_teacher_teacher",
    "involved_employer_student",
    "involved_university_student_student",
    "involved_employer_college_student",
    "students_in_band",
    "contingent_date",
    "share",
    "share_student_student",
    "share_teacher_teacher",
    "share_employer_student",
    "share_university_student_student",
    "share_employer_college_student",
    "roadmap_done",
    "roadmap_total",
    "roadmap_overdue",
    "response_rate",
    "silence_alerts",
];

/// Figures of one school, or the totals of many. Counts of children (people in the bases,
/// pairs, students involved) from 1 to 4 are null with `suppressed` set; so is a share whose
/// numerator is hidden.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct Figures {
    /// True when at least one count below 5 was hidden (its field is null).
    pub suppressed: bool,
    /// Mentors in the programmes' bases (enrolled, not withdrawn), each person once.
    pub mentors: Option<i64>,
    /// Mentees in the programmes' bases, each person once.
    pub mentees: Option<i64>,
    /// Pairs and groups approved by order, working or completed, in all forms.
    pub pairs: Option<i64>,
    pub pairs_student_student: Option<i64>,
    pub pairs_teacher_teacher: Option<i64>,
    pub pairs_employer_student: Option<i64>,
    pub pairs_university_student_student: Option<i64>,
    pub pairs_employer_college_student: Option<i64>,
    /// Students whose age on the day lies in the band and who are mentees of a counted pair:
    /// the headline indicator's numerator (a student in two forms counts once here).
    pub involved: Option<i64>,
    pub involved_student_student: Option<i64>,
    pub involved_teacher_teacher: Option<i64>,
    pub involved_employer_student: Option<i64>,
    pub involved_university_student_student: Option<i64>,
    pub involved_employer_college_student: Option<i64>,
    /// Students of the age band in the contingent (the denominator); null without a contingent
    /// on or before the day.
    pub students_in_band: Option<i64>,
    /// The reference date of the contingent used.
    pub contingent_date: Option<NaiveDate>,
    /// The headline indicator: involved / students_in_band, 0–1, four decimals.
    pub share: Option<f64>,
    pub share_student_student: Option<f64>,
    pub share_teacher_teacher: Option<f64>,
    pub share_employer_student: Option<f64>,
    pub share_university_student_student: Option<f64>,
    pub share_employer_college_student: Option<f64>,
    /// Roadmap activities done, counted (all but cancelled) and overdue on the day.
    pub roadmap_done: i64,
    pub roadmap_total: i64,
    pub roadmap_overdue: i64,
    /// Answers submitted through one-time survey links / links issued, 0–1; null with no links.
    pub response_rate: Option<f64>,
    /// Working pairs gone quiet or never introduced past the school's limits.
    pub silence_alerts: i64,
}

/// A school's row.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SchoolRow {
    pub school_id: i64,
    pub school_name: String,
    /// The organisation the school belongs to (its institute or municipality).
    pub parent_id: Option<i64>,
    pub parent_name: Option<String>,
    #[serde(flatten)]
    pub figures: Figures,
}

fn ratio(n: i64, d: i64) -> f64 {
    ((n as f64 / d as f64) * 10_000.0).round() / 10_000.0
}

impl Figures {
    /// `involved_with_band`: the numerator restricted to schools that have a denominator, which
    /// differs from `raw.involved_total` only in totals over several schools.
    pub fn show(raw: &SchoolFigures, involved_with_band: [i64; 6]) -> Self {
        let mut suppressed = false;
        let mut hide = |n: i64| {
            if n > 0 && n < SMALLEST_SHOWN {
                suppressed = true;
                None
            } else {
                Some(n)
            }
        };
        let pairs: Vec<Option<i64>> = raw.pairs.iter().map(|&n| hide(n)).collect();
        let pairs_total = hide(raw.pairs.iter().sum());
        let involved: Vec<Option<i64>> = raw.involved.iter().map(|&n| hide(n)).collect();
        let involved_total = hide(raw.involved_total);
        let mentors = hide(raw.mentors);
        let mentees = hide(raw.mentees);
        let share_of = |shown: Option<i64>, n: i64| match (shown, raw.students_in_band) {
            (Some(_), Some(d)) if d > 0 => Some(ratio(n, d)),
            _ => None,
        };
        let shares: Vec<Option<f64>> = (0..5).map(|i| share_of(involved[i], involved_with_band[i])).collect();
        Figures {
            suppressed,
            mentors,
            mentees,
            pairs: pairs_total,
            pairs_student_student: pairs[0],
            pairs_teacher_teacher: pairs[1],
            pairs_employer_student: pairs[2],
            pairs_university_student_student: pairs[3],
            pairs_employer_college_student: pairs[4],
            involved: involved_total,
            involved_student_student: involved[0],
            involved_teacher_teacher: involved[1],
            involved_employer_student: involved[2],
            involved_university_student_student: involved[3],
            involved_employer_college_student: involved[4],
            students_in_band: raw.students_in_band,
            contingent_date: raw.contingent_date,
            share: share_of(involved_total, involved_with_band[5]),
            share_student_student: shares[0],
            share_teacher_teacher: shares[1],
            share_employer_student: shares[2],
            share_university_student_student: shares[3],
            share_employer_college_student: shares[4],
            roadmap_done: raw.roadmap_done,
            roadmap_total: raw.roadmap_total,
            roadmap_overdue: raw.roadmap_overdue,
            response_rate: (raw.invitations > 0).then(|| ratio(raw.responses, raw.invitations)),
            silence_alerts: raw.silence_alerts,
        }
    }

    /// One school's figures as shown.
    pub fn of_school(raw: &SchoolFigures) -> Self {
        let i = raw.involved;
        Self::show(raw, [i[0], i[1], i[2], i[3], i[4], raw.involved_total])
    }

    /// The totals of several schools; the share counts only schools that have a contingent.
    pub fn totals<'a>(schools: impl Iterator<Item = &'a SchoolFigures>) -> Self {
        let mut sum = SchoolFigures::default();
        let mut with_band = [0i64; 6];
        let mut any_band = false;
        for f in schools {
            sum.mentors += f.mentors;
            sum.mentees += f.mentees;
            for i in 0..5 {
                sum.pairs[i] += f.pairs[i];
                sum.involved[i] += f.involved[i];
            }
            sum.involved_total += f.involved_total;
            if let Some(n) = f.students_in_band {
                any_band = true;
                *sum.students_in_band.get_or_insert(0) += n;
                for (w, i) in with_band.iter_mut().zip(f.involved) {
                    *w += i;
                }
                with_band[5] += f.involved_total;
            }
            sum.roadmap_done += f.roadmap_done;
            sum.roadmap_total += f.roadmap_total;
            sum.roadmap_overdue += f.roadmap_overdue;
            sum.invitations += f.invitations;
            sum.responses += f.responses;
            sum.silence_alerts += f.silence_alerts;
        }
        if !any_band {
            sum.students_in_band = None;
        }
        Self::show(&sum, with_band)
    }
}

fn cell<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// The rows as CSV: comma-separated, UTF-8, the header line `CSV_HEADERS`, empty cells for null.
pub fn csv_bytes(rows: &[SchoolRow]) -> Result<Vec<u8>, ApiError> {
    let mut out = Vec::with_capacity(256 * (rows.len() + 1));
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let fail = |e: csv::Error| ApiError::Internal(e.into());
        w.write_record(CSV_HEADERS).map_err(fail)?;
        for r in rows {
            let f = &r.figures;
            let record: Vec<String> = vec![
                SCHEMA_VERSION.to_string(),
                r.school_id.to_string(),
                neutralise(&r.school_name),
                cell(r.parent_id),
                neutralise(&r.parent_name.clone().unwrap_or_default()),
                f.suppressed.to_string(),
                cell(f.mentors),
                cell(f.mentees),
                cell(f.pairs),
                cell(f.pairs_student_student),
                cell(f.pairs_teacher_teacher),
                cell(f.pairs_employer_student),
                cell(f.pairs_university_student_student),
                cell(f.pairs_employer_college_student),
                cell(f.involved),
                cell(f.involved_student_student),
                cell(f.involved_teacher_teacher),
                cell(f.involved_employer_student),
                cell(f.involved_university_student_student),
                cell(f.involved_employer_college_student),
                cell(f.students_in_band),
                cell(f.contingent_date),
                cell(f.share),
                cell(f.share_student_student),
                cell(f.share_teacher_teacher),
                cell(f.share_employer_student),
                cell(f.share_university_student_student),
                cell(f.share_employer_college_student),
                f.roadmap_done.to_string(),
                f.roadmap_total.to_string(),
                f.roadmap_overdue.to_string(),
                cell(f.response_rate),
                f.silence_alerts.to_string(),
            ];
            debug_assert_eq!(record.len(), CSV_HEADERS.len());
            w.write_record(&record).map_err(fail)?;
        }
        w.flush().map_err(|e| ApiError::Internal(e.into()))?;
    }
    Ok(out)
}

/// Documentation of the CSV for the spec's descriptions.
pub fn csv_description() -> String {
    format!(
        "CSV (comma-separated, UTF-8, empty cell = null), schema version {SCHEMA_VERSION}, header line:\n\n`{}`\n\nThe columns mean what the JSON fields of `SchoolRow` of the same names mean.",
        CSV_HEADERS.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_counts_are_hidden_and_so_are_their_shares() {
        let raw = SchoolFigures {
            mentors: 3,
            mentees: 12,
            pairs: [4, 0, 0, 0, 0],
            involved: [4, 0, 0, 0, 0],
            involved_total: 4,
            students_in_band: Some(100),
            ..Default::default()
        };
        let f = Figures::of_school(&raw);
        assert!(f.suppressed);
        assert_eq!((f.mentors, f.mentees, f.pairs, f.involved, f.share), (None, Some(12), None, None, None));
        assert_eq!(f.pairs_teacher_teacher, Some(0));
        let raw = SchoolFigures { involved: [25, 0, 0, 0, 0], involved_total: 25, students_in_band: Some(200), ..raw };
        let f = Figures::of_school(&raw);
        assert_eq!((f.involved, f.share, f.share_student_student), (Some(25), Some(0.125), Some(0.125)));
    }

    #[test]
    fn totals_share_only_schools_with_a_contingent() {
        let a = SchoolFigures { involved: [10, 0, 0, 0, 0], involved_total: 10, students_in_band: Some(40), ..Default::default() };
        let b = SchoolFigures { involved: [30, 0, 0, 0, 0], involved_total: 30, students_in_band: None, ..Default::default() };
        let t = Figures::totals([a, b].iter());
        assert_eq!((t.involved, t.students_in_band, t.share), (Some(40), Some(40), Some(0.25)));
    }

    #[test]
    fn the_header_line_names_every_figure() {
        assert_eq!(CSV_HEADERS.len(), 33);
        let json = serde_json::to_value(SchoolRow { school_id: 1, school_name: "x".into(), parent_id: None, parent_name: None, figures: Figures::default() })
            .expect("json");
        for h in CSV_HEADERS.iter().filter(|h| **h != "schema_version") {
            assert!(json.get(*h).is_some(), "{h} is not a JSON field");
        }
    }
}
