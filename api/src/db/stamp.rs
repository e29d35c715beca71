//! Timestamps and dates read from SQLite's text by their fixed layout, without format strings.
//!
//! diesel reads a SQLite timestamp by trying chrono format strings in turn, and the text diesel
//! itself writes (`2026-12-01 06:14:10.072905265`) matched the first after a parse of the format:
//! a programme's two timestamps and two dates were a twentieth of the programmes list. A row type
//! that is read often declares `Stamp` and `Day` instead of `NaiveDateTime` and `NaiveDate`, on
//! the backend's own connection or through `DbConnection`; any other text (a hand edit with a
//! `T`, an offset) still goes the way of chrono. PostgreSQL sends binary values, read as diesel
//! reads them.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::pg::{Pg, PgValue};
use diesel::sql_types::{Date, Timestamp};
use diesel::sqlite::{Sqlite, SqliteValue};

/// A `TIMESTAMP` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromSqlRow)]
pub struct Stamp(pub NaiveDateTime);

/// A `DATE` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromSqlRow)]
pub struct Day(pub NaiveDate);

/// The other layouts SQLite may hold, as chrono reads them.
const TIMESTAMP_LAYOUTS: [&str; 6] = ["%F %T%.f", "%FT%T%.f", "%F %T%.f%:z", "%FT%T%.f%:z", "%F %T%.fZ", "%FT%T%.fZ"];

impl FromSql<Timestamp, Sqlite> for Stamp {
    fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = value.read_text();
        if let Some(stamp) = timestamp(text.as_bytes()) {
            return Ok(Stamp(stamp));
        }
        TIMESTAMP_LAYOUTS
            .iter()
            .find_map(|layout| NaiveDateTime::parse_from_str(text, layout).ok())
            .map(Stamp)
            .ok_or_else(|| format!("not a timestamp: {text}").into())
    }
}

impl FromSql<Date, Sqlite> for Day {
    fn from_sql(mut value: SqliteValue<'_, '_, '_>) -> deserialize::Result<Self> {
        let text = value.read_text();
        match date(text.as_bytes()) {
            Some(day) => Ok(Day(day)),
            None => Ok(Day(NaiveDate::parse_from_str(text, "%F")?)),
        }
    }
}

impl FromSql<Timestamp, Pg> for Stamp {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value).map(Stamp)
    }
}

impl FromSql<Date, Pg> for Day {
    fn from_sql(value: PgValue<'_>) -> deserialize::Result<Self> {
        <NaiveDate as FromSql<Date, Pg>>::from_sql(value).map(Day)
    }
}

/// Through `DbConnection`: each backend's own reading.
type Multi = <super::DbConnection as diesel::Connection>::Backend;

impl FromSql<Timestamp, Multi> for Stamp {
    fn from_sql(value: <Multi as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        value.from_sql::<Self, Timestamp>()
    }
}

impl FromSql<Date, Multi> for Day {
    fn from_sql(value: <Multi as diesel::backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        value.from_sql::<Self, Date>()
    }
}

/// The number written in `digits`, if they all are digits.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// `YYYY-MM-DD`.
fn date(text: &[u8]) -> Option<NaiveDate> {
    match text {
        [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => {
            NaiveDate::from_ymd_opt(number(y)? as i32, number(&[*m1, *m2])?, number(&[*d1, *d2])?)
        }
        _ => None,
    }
}

/// `YYYY-MM-DD HH:MM:SS`, with a fraction of 1 to 9 digits or none.
fn timestamp(text: &[u8]) -> Option<NaiveDateTime> {
    if text.len() < 19 || text[10] != b' ' || text[13] != b':' || text[16] != b':' {
        return None;
    }
    let nanos = match &text[19..] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => number(fraction)? * 10u32.pow(9 - fraction.len() as u32),
        _ => return None,
    };
    let (hour, minute, second) = (number(&text[11..13])?, number(&text[14..16])?, number(&text[17..19])?);
    date(&text[..10])?.and_hms_nano_opt(hour, minute, second, nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixed_layout_reads_as_chrono_does() {
        for text in ["2026-12-01 06:14:10.072905265", "2026-12-01 06:14:10", "2026-12-01 06:14:10.5", "2027-02-28 23:59:59.000001", "0001-01-01 00:00:00"] {
            assert_eq!(timestamp(text.as_bytes()), NaiveDateTime::parse_from_str(text, "%F %T%.f").ok(), "{text}");
        }
        for text in ["2026-12-01", "2027-02-28", "2028-02-29"] {
            assert_eq!(date(text.as_bytes()), NaiveDate::parse_from_str(text, "%F").ok(), "{text}");
        }
    }

    #[test]
    fn anything_else_is_left_to_chrono() {
        for text in ["2026-12-01T06:14:10", "2026-12-01 06:14:10Z", "2026-12-01 06:14:10+03:00", "2026-13-01 06:14:10", "2026-12-01 24:00:00", "2026-12-01 06:14:10.", "2026-12-01 06:14:10.1234567890", "2026-1-01 06:14:10", "+2026-12-01 06:14:10"] {
            assert_eq!(timestamp(text.as_bytes()), None, "{text}");
        }
        for text in ["2027-02-29", "2026-12-1", "2026-12-01 ", "２０２６-12-01"] {
            assert_eq!(date(text.as_bytes()), None, "{text}");
        }
    }
}
