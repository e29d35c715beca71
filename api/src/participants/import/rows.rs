//! One row of an import file into a participant, checked by the same rules as the API's own
//! `NewParticipant`, with errors named by row and column as the person sees them in the file.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;
use validator::Validate;

use super::columns::{COLUMNS, Column, REQUIRED, column_of, kind_of, russian_name};
use crate::http::json::field_errors;
use crate::participants::dto::{NewParticipant, Sensitive};

/// Cells longer than this are refused before anything else looks at them.
const CELL_LIMIT: usize = 10_000;

#[derive(Debug, Clone, Serialize, ToSchema, PartialEq)]
pub struct RowError {
    /// The line in the file (the header is line 1), or the row in the sheet.
    pub row: usize,
    /// The column as named in the file; empty for a problem with the whole row.
    pub column: String,
    pub message: String,
}

/// The file's header: which of its columns mean what.
#[derive(Debug)]
pub struct Header {
    columns: Vec<(usize, Column, String)>,
    pub ignored: Vec<String>,
}

impl Header {
    pub fn parse(names: &[String]) -> Result<Self, Vec<RowError>> {
        let mut columns = Vec::new();
        let mut ignored = Vec::new();
        let mut errors = Vec::new();
        for (i, name) in names.iter().enumerate() {
            match column_of(name) {
                Some(c) if columns.iter().any(|(_, seen, _)| *seen == c) => {
                    errors.push(RowError { row: 1, column: name.clone(), message: "this column appears twice".into() })
                }
                Some(c) => columns.push((i, c, name.trim().to_owned())),
                None if name.trim().is_empty() => {}
                None => ignored.push(name.trim().to_owned()),
            }
        }
        for required in REQUIRED {
            if !columns.iter().any(|(_, c, _)| *c == required) {
                let english = COLUMNS.iter().find(|(c, _, _)| *c == required).map(|(_, en, _)| *en).unwrap_or("");
                errors.push(RowError { row: 1, column: russian_name(required).into(), message: format!("the column is missing (Russian «{}» or English `{english}`)", russian_name(required)) });
            }
        }
        if errors.is_empty() { Ok(Self { columns, ignored }) } else { Err(errors) }
    }

    /// The row's external id, read even when the rest of the row is wrong.
    pub fn external_id(&self, cells: &[String]) -> Option<String> {
        let (i, _, _) = self.columns.iter().find(|(_, c, _)| *c == Column::ExternalId)?;
        cells.get(*i).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
    }

    fn name(&self, column: Column) -> String {
        self.columns.iter().find(|(_, c, _)| *c == column).map(|(_, _, n)| n.clone()).unwrap_or_else(|| russian_name(column).into())
    }
}

/// A participant as the file gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedParticipant {
    pub new: NewParticipant,
    /// A parent's consent to processing, given on that date by that person.
    pub consent: Option<(NaiveDate, Option<String>)>,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    exact_date(s).or_else(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y")).ok())
}

/// `ДД.ММ.ГГГГ` or `YYYY-MM-DD` with every digit written, as nearly every file has them, read
/// without chrono's format parser, which cost a sixth of the check.
fn exact_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let number = |range: std::ops::Range<usize>| b[range].iter().try_fold(0u32, |n, d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')));
    let (y, m, d) = match b.len() {
        10 if b[2] == b'.' && b[5] == b'.' => (number(6..10)?, number(3..5)?, number(0..2)?),
        10 if b[4] == b'-' && b[7] == b'-' => (number(0..4)?, number(5..7)?, number(8..10)?),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// Checks one row. `cells` are in the file's column order.
pub fn parse_row(header: &Header, row: usize, cells: &[String], today: NaiveDate) -> Result<ImportedParticipant, Vec<RowError>> {
    let mut errors = Vec::new();
    let mut err = |column: Column, message: String| errors.push(RowError { row, column: header.name(column), message });
    let get = |column: Column| -> Option<String> {
        let (i, _, _) = header.columns.iter().find(|(_, c, _)| *c == column)?;
        let v = cells.get(*i).map(|s| s.trim()).filter(|s| !s.is_empty())?;
        if v.len() > CELL_LIMIT {
            return None;
        }
        Some(v.to_owned())
    };
    let too_long: Vec<Column> = header.columns.iter().filter(|(i, _, _)| cells.get(*i).is_some_and(|c| c.len() > CELL_LIMIT)).map(|(_, c, _)| *c).collect();
    let kind_text = get(Column::Kind);
    let number = |v: Option<String>| v.map(|s| s.trim_end_matches(".0").parse::<i32>().map_err(|_| s));
    let (grade, birth_year) = (number(get(Column::Grade)), number(get(Column::BirthYear)));
    let birth_text = get(Column::BirthDate);
    let consent_text = get(Column::ConsentGivenOn);
    let new = NewParticipant {
        kind: kind_text.as_deref().and_then(kind_of).unwrap_or(crate::participants::dto::ParticipantKind::Student),
        external_id: get(Column::ExternalId),
        last_name: get(Column::LastName).unwrap_or_default(),
        first_name: get(Column::FirstName).unwrap_or_default(),
        middle_name: get(Column::MiddleName),
        birth_date: birth_text.as_deref().and_then(parse_date),
        birth_year: birth_year.clone().and_then(Result::ok),
        grade: grade.clone().and_then(Result::ok),
        class_letter: get(Column::ClassLetter),
        phone: get(Column::Phone),
        email: get(Column::Email),
        notes: get(Column::Notes),
        user_id: None,
        sensitive: Sensitive::default(),
    };
    let consent = consent_text.as_deref().map(|t| (parse_date(t), get(Column::ConsentGiverName)));
    for column in too_long {
        err(column, format!("longer than {CELL_LIMIT} characters"));
    }
    match kind_text {
        None => err(Column::Kind, "is empty".into()),
        Some(k) if kind_of(&k).is_none() => err(Column::Kind, format!("`{k}` is not a kind of participant (ученик, учитель, родитель, выпускник, …)")),
        _ => {}
    }
    if let Some(Err(v)) = grade {
        err(Column::Grade, format!("`{v}` is not a number"));
    }
    if let Some(Err(v)) = birth_year {
        err(Column::BirthYear, format!("`{v}` is not a year"));
    }
    if let Some(t) = &birth_text {
        match parse_date(t) {
            None => err(Column::BirthDate, format!("`{t}` is not a date (ДД.ММ.ГГГГ or YYYY-MM-DD)")),
            Some(d) if d > today => err(Column::BirthDate, "is in the future".into()),
            _ => {}
        }
    }
    if let Some((date, giver)) = &consent {
        match date {
            None => err(Column::ConsentGivenOn, "is not a date (ДД.ММ.ГГГГ or YYYY-MM-DD)".into()),
            Some(d) if *d > today => err(Column::ConsentGivenOn, "is in the future".into()),
            _ => {}
        }
        if giver.is_none() {
            err(Column::ConsentGiverName, "name the parent or legal representative who gave the consent".into());
        }
    }
    if let Err(e) = new.validate() {
        for f in field_errors(&e) {
            let column = COLUMNS.iter().find(|(_, en, _)| *en == f.field).map(|(c, _, _)| *c);
            // The kind and numbers were reported above in the file's own terms.
            if let Some(c) = column.filter(|c| !matches!(c, Column::Kind)) {
                err(c, f.message);
            }
        }
    }
    // One message per cell is enough: the first rule broken says what to fix.
    let mut seen = Vec::new();
    errors.retain(|e| if seen.contains(&e.column) { false } else { seen.push(e.column.clone()); true });
    if errors.is_empty() {
        Ok(ImportedParticipant { consent: consent.and_then(|(d, g)| d.map(|d| (d, g))), new })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Header {
        Header::parse(&["Фамилия", "Имя", "Категория", "Класс", "Дата рождения", "Внешний ID", "Любимый цвет"].map(String::from)).expect("header")
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).expect("date")
    }

    #[test]
    fn a_good_row() {
        let p = parse_row(&header(), 2, &row(&["Соколов", "Максим", "ученик", "7", "12.04.2013", "KR-1", "синий"]), today()).expect("valid");
        assert_eq!((p.new.grade, p.new.birth_date.map(|d| d.to_string())), (Some(7), Some("2013-04-12".into())));
        assert_eq!(header().ignored, vec!["Любимый цвет"]);
    }

    #[test]
    fn every_bad_cell_is_named() {
        let errors = parse_row(&header(), 5, &row(&["", "Максим", "дракон", "15", "01.01.2099", "", ""]), today()).expect_err("invalid");
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert!(columns.contains(&"Фамилия") && columns.contains(&"Категория") && columns.contains(&"Класс") && columns.contains(&"Дата рождения"), "{errors:?}");
        assert!(errors.iter().all(|e| e.row == 5));
    }

    #[test]
    fn dates_as_files_write_them() {
        for (text, expected) in [("12.04.2013", Some("2013-04-12")), ("2013-04-12", Some("2013-04-12")), ("1.4.2013", Some("2013-04-01")), ("31.02.2013", None), ("12.04.20x3", None), ("", None)] {
            assert_eq!(parse_date(text).map(|d| d.to_string()), expected.map(String::from), "{text}");
        }
    }

    #[test]
    fn missing_required_columns() {
        let errors = Header::parse(&["Фамилия".to_string()]).expect_err("missing");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].message.contains("first_name") || errors[1].message.contains("first_name"));
    }
}
