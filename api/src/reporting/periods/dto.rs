use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

use crate::http::Versioned;
use crate::http::etag::etag_value;
use crate::reporting::rows::{Figures, SchoolRow};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PeriodStatus {
    /// Collecting: the snapshot may be refreshed.
    Open,
    /// Closed: its snapshot never changes again.
    Closed,
}

impl PeriodStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Self {
        if s == "closed" { Self::Closed } else { Self::Open }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportPeriod {
    pub id: i64,
    /// The region or institute that opened it; its schools are the rows.
    pub organization_id: i64,
    #[schema(example = "Мониторинг внедрения целевой модели, осень 2026")]
    pub title: String,
    /// The day the figures are taken on: ages, the contingent, pairs and deadlines as of it.
    pub reference_date: NaiveDate,
    /// The collection window.
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    /// The age band of the headline share, inclusive.
    pub age_from: i32,
    pub age_to: i32,
    pub status: PeriodStatus,
    /// When the snapshot was last taken.
    pub snapshot_at: DateTime<Utc>,
    /// Schools in the snapshot.
    pub schools: i64,
    /// The layout of the exported rows.
    pub schema_version: i32,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub version: i64,
}

impl Versioned for ReportPeriod {
    fn etag(&self) -> String {
        etag_value("report-period", self.id, self.version)
    }
}

fn not_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() { Err(ValidationError::new("blank").with_message("must not be blank".into())) } else { Ok(()) }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"title": "Мониторинг, осень 2026", "reference_date": "2026-10-01", "opens_on": "2026-10-01", "closes_on": "2026-12-20"}))]
pub struct NewReportPeriod {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 200)]
    pub title: String,
    /// Not after the organisation's today (422 `reference_date_in_future`).
    pub reference_date: NaiveDate,
    pub opens_on: NaiveDate,
    /// Not before `opens_on`.
    pub closes_on: NaiveDate,
    /// Default 10.
    #[validate(range(min = 5, max = 30))]
    #[schema(minimum = 5, maximum = 30)]
    pub age_from: Option<i32>,
    /// Default 18; not below `age_from`.
    #[validate(range(min = 5, max = 30))]
    #[schema(minimum = 5, maximum = 30)]
    pub age_to: Option<i32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExportFormat {
    #[default]
    Json,
    Csv,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `json` (default) or `csv`.
    #[param(inline)]
    pub format: Option<ExportFormat>,
}

/// A period's frozen rows in the fixed layout of `schema_version`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportExport {
    /// The layout of `rows` (and of the CSV's columns); 1 today.
    pub schema_version: i32,
    pub period: ReportPeriod,
    /// One row per school of the organisation at the time of the snapshot, by name.
    pub rows: Vec<SchoolRow>,
    pub totals: Figures,
}
