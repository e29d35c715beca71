//! Dates and timestamps written into a JSON answer as chrono writes them, in one piece.
//!
//! chrono serializes through `collect_str`, so each character of `2026-12-01T06:14:10.072905Z`
//! went through serde_json's escaping on its own: the four dates of a programme were a twentieth
//! of the programmes list. The text is the same (the tests compare them), so a field switches
//! with `#[serde(serialize_with = ...)]` and its schema stays as it was. Years outside
//! 0000–9999, which chrono writes with a sign, and leap seconds are left to chrono.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};
use serde::{Serialize, Serializer};

/// `2026-12-01T06:14:10.072905265Z`, the fraction in 0, 3, 6 or 9 digits, as chrono writes it.
pub fn timestamp<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    let (date, time) = (t.date_naive(), t.time());
    let nanos = time.nanosecond();
    if !(0..=9999).contains(&date.year()) || nanos >= 1_000_000_000 {
        return t.serialize(s);
    }
    let mut text = Ascii::default();
    text.date(date);
    text.push(b'T');
    text.digits(time.hour(), 2);
    text.push(b':');
    text.digits(time.minute(), 2);
    text.push(b':');
    text.digits(time.second(), 2);
    if nanos != 0 {
        text.push(b'.');
        match (nanos % 1_000_000, nanos % 1_000) {
            (0, _) => text.digits(nanos / 1_000_000, 3),
            (_, 0) => text.digits(nanos / 1_000, 6),
            _ => text.digits(nanos, 9),
        }
    }
    text.push(b'Z');
    s.serialize_str(text.as_str())
}

/// `2026-09-01`, as chrono writes it.
pub fn date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    if !(0..=9999).contains(&d.year()) {
        return d.serialize(s);
    }
    let mut text = Ascii::default();
    text.date(*d);
    s.serialize_str(text.as_str())
}

/// Room for the longest timestamp, 30 characters.
#[derive(Default)]
struct Ascii {
    bytes: [u8; 32],
    len: usize,
}

impl Ascii {
    fn push(&mut self, byte: u8) {
        self.bytes[self.len] = byte;
        self.len += 1;
    }

    /// `value` in exactly `width` digits, zeros in front.
    fn digits(&mut self, mut value: u32, width: usize) {
        for at in (self.len..self.len + width).rev() {
            self.bytes[at] = b'0' + (value % 10) as u8;
            value /= 10;
        }
        self.len += width;
    }

    /// A year of 0000–9999 (the callers check).
    fn date(&mut self, d: NaiveDate) {
        self.digits(d.year() as u32, 4);
        self.push(b'-');
        self.digits(d.month(), 2);
        self.push(b'-');
        self.digits(d.day(), 2);
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDateTime, TimeZone};

    use super::*;

    fn ours_and_chronos(t: DateTime<Utc>) -> (String, String) {
        let mut ours = Vec::new();
        timestamp(&t, &mut serde_json::Serializer::new(&mut ours)).expect("serialize");
        (String::from_utf8(ours).expect("UTF-8"), serde_json::to_string(&t).expect("chrono"))
    }

    #[test]
    fn timestamps_read_as_chrono_writes_them() {
        let base = Utc.with_ymd_and_hms(2026, 12, 1, 6, 14, 10).single().expect("time");
        for nanos in [0, 1, 9, 120_000_000, 72_000_000, 72_905_000, 72_905_265, 999_999_999, 500_000, 1_000] {
            let t = base + chrono::Duration::nanoseconds(nanos);
            let (ours, chronos) = ours_and_chronos(t);
            assert_eq!(ours, chronos, "{nanos} ns");
        }
        for text in ["0001-01-01 00:00:00", "9999-12-31 23:59:59.999", "2027-05-31 09:05:03.000007"] {
            let t = NaiveDateTime::parse_from_str(text, "%F %T%.f").expect("parse").and_utc();
            let (ours, chronos) = ours_and_chronos(t);
            assert_eq!(ours, chronos, "{text}");
        }
        let far = NaiveDate::from_ymd_opt(12_026, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0)).expect("time").and_utc();
        let (ours, chronos) = ours_and_chronos(far);
        assert_eq!(ours, chronos, "chrono's own, with a sign, past 9999");
    }

    #[test]
    fn dates_read_as_chrono_writes_them() {
        for (y, m, d) in [(2026, 9, 1), (2027, 12, 31), (1, 1, 1), (9999, 12, 31), (-5, 3, 4), (10_000, 1, 1)] {
            let day = NaiveDate::from_ymd_opt(y, m, d).expect("date");
            let mut ours = Vec::new();
            date(&day, &mut serde_json::Serializer::new(&mut ours)).expect("serialize");
            assert_eq!(String::from_utf8(ours).expect("UTF-8"), serde_json::to_string(&day).expect("chrono"));
        }
    }
}
