//! The sample files: every column, with two rows that import as they are.

use rust_xlsxwriter::Workbook;

use super::columns::COLUMNS;
use crate::error::ApiError;

const ROWS: [[&str; 14]; 2] = [
    ["KR-0001", "ученик", "Соколов", "Максим", "Игоревич", "12.04.2013", "", "7", "Б", "", "", "", "05.09.2026", "Соколова Ирина Васильевна"],
    ["KR-0002", "учитель", "Петрова", "Ольга", "Николаевна", "", "1980", "", "", "+7 900 000-00-00", "petrova@school.example", "Руководитель МО", "", ""],
];

fn header() -> Vec<&'static str> {
    COLUMNS.iter().map(|(_, _, ru)| ru[0]).collect()
}

pub fn csv() -> String {
    let mut out = header().join(";");
    out.push('\n');
    for row in ROWS {
        out.push_str(&row.join(";"));
        out.push('\n');
    }
    out
}

pub fn ndjson() -> String {
    ROWS.iter()
        .map(|row| {
            let object: serde_json::Map<String, serde_json::Value> = COLUMNS
                .iter()
                .zip(row.iter())
                .filter(|(_, v)| !v.is_empty())
                .map(|((_, en, _), v)| ((*en).to_owned(), serde_json::Value::String((*v).to_owned())))
                .collect();
            serde_json::Value::Object(object).to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

pub fn xlsx() -> Result<Vec<u8>, ApiError> {
    let fail = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(anyhow::anyhow!("sample workbook: {e}"));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, name) in header().iter().enumerate() {
        sheet.write_string(0, c as u16, *name).map_err(fail)?;
    }
    for (r, row) in ROWS.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, *value).map_err(fail)?;
        }
    }
    book.save_to_buffer().map_err(fail)
}
