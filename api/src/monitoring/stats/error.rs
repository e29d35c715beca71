//! Errors of the statistics functions.

use std::fmt;

/// Which input a [`StatsError::NonFinite`] was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Series {
    /// The entry (baseline) measurements of [`super::paired`].
    Entry,
    /// The exit (final) measurements of [`super::paired`].
    Exit,
    /// The values of a descriptive helper.
    Values,
}

impl fmt::Display for Series {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Series::Entry => "entry",
            Series::Exit => "exit",
            Series::Values => "values",
        })
    }
}

/// Why a statistic could not be computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StatsError {
    /// A descriptive statistic of no values.
    Empty,
    /// Paired statistics need at least two complete pairs.
    TooFewPairs {
        /// Number of pairs given.
        n: usize,
    },
    /// Entry and exit must hold one value per participant, in the same order.
    LengthMismatch {
        /// Number of entry values.
        entry: usize,
        /// Number of exit values.
        exit: usize,
    },
    /// NaN or ±infinity in the input (missing values must be left out by the caller).
    NonFinite {
        /// Which input.
        series: Series,
        /// Position of the first such value.
        index: usize,
    },
    /// A quantile probability outside `[0, 1]` (or NaN).
    ProbabilityOutOfRange(f64),
    /// A rating scale whose minimum is above its maximum, or with more than
    /// [`super::MAX_SCALE_LEVELS`] levels.
    InvalidScale {
        /// Lowest level.
        min: i64,
        /// Highest level.
        max: i64,
    },
    /// [`super::PairedOptions::change_decimals`] above [`super::MAX_CHANGE_DECIMALS`].
    InvalidDecimals(u8),
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::Empty => f.write_str("no values"),
            StatsError::TooFewPairs { n } => {
                write!(f, "at least 2 entry/exit pairs are needed, got {n}")
            }
            StatsError::LengthMismatch { entry, exit } => write!(
                f,
                "entry and exit must have the same length (entry {entry}, exit {exit})"
            ),
            StatsError::NonFinite { series, index } => {
                write!(
                    f,
                    "{series} value at position {index} is not a finite number"
                )
            }
            StatsError::ProbabilityOutOfRange(p) => {
                write!(f, "quantile probability {p} is outside [0, 1]")
            }
            StatsError::InvalidScale { min, max } => {
                write!(f, "invalid rating scale {min}..={max}")
            }
            StatsError::InvalidDecimals(k) => write!(
                f,
                "change_decimals {k} is above the maximum {}",
                super::MAX_CHANGE_DECIMALS
            ),
        }
    }
}

impl std::error::Error for StatsError {}
