//! Reading an import file row by row: CSV (UTF-8, or Windows-1251 as Excel saves it; `;`, `,`
//! or tab), NDJSON, XLSX. CSV and NDJSON stream from disk, so memory does not grow with the
//! file; an XLSX sheet is read whole by its library.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use encoding_rs::WINDOWS_1251;
use encoding_rs_io::DecodeReaderBytesBuilder;

use super::columns::COLUMNS;
use super::rows::RowError;
use crate::error::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Ndjson,
    Xlsx,
}

impl Format {
    pub fn from_content_type(content_type: &str) -> Option<Self> {
        let mime = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        match mime.as_str() {
            "text/csv" | "application/csv" | "text/plain" => Some(Self::Csv),
            "application/x-ndjson" | "application/ndjson" | "application/jsonl" => Some(Self::Ndjson),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Some(Self::Xlsx),
            _ => None,
        }
    }
}

pub type Record = Result<(usize, Vec<String>), RowError>;

/// The header and the rows after it.
pub struct Records {
    pub header: Vec<String>,
    pub rows: Box<dyn Iterator<Item = Record>>,
}

fn unreadable(message: impl std::fmt::Display) -> ApiError {
    ApiError::field_problem("unreadable_file", "file", message.to_string())
}

pub fn open(path: &Path, format: Format) -> Result<Records, ApiError> {
    match format {
        Format::Csv => csv_records(path),
        Format::Ndjson => ndjson_records(path),
        Format::Xlsx => xlsx_records(path),
    }
}

/// UTF-8 unless the start of the file says otherwise; Excel's "CSV" is Windows-1251.
fn looks_like_utf8(prefix: &[u8]) -> bool {
    match std::str::from_utf8(prefix) {
        Ok(_) => true,
        // A multi-byte character cut by the end of the prefix is still UTF-8.
        Err(e) => e.error_len().is_none(),
    }
}

/// A small CSV held whole (a file of measurements): UTF-8, with or without its BOM, or Excel's
/// Windows-1251.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => WINDOWS_1251.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

fn csv_records(path: &Path) -> Result<Records, ApiError> {
    let mut prefix = vec![0u8; 64 * 1024];
    let n = File::open(path).and_then(|mut f| f.read(&mut prefix)).map_err(unreadable)?;
    prefix.truncate(n);
    let encoding = if looks_like_utf8(&prefix) { None } else { Some(WINDOWS_1251) };
    let first_line = String::from_utf8_lossy(prefix.split(|b| *b == b'\n').next().unwrap_or(&[])).into_owned();
    let delimiter = [b';', b',', b'\t'].into_iter().max_by_key(|d| first_line.bytes().filter(|b| b == d).count()).unwrap_or(b';');
    let file = File::open(path).map_err(unreadable)?;
    let decoded = DecodeReaderBytesBuilder::new().encoding(encoding).bom_sniffing(true).build(file);
    let reader = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).has_headers(false).from_reader(decoded);
    let mut records = reader.into_records();
    let header = match records.next() {
        Some(Ok(r)) => r.iter().map(str::to_owned).collect(),
        Some(Err(e)) => return Err(unreadable(format!("the header cannot be read: {e}"))),
        None => return Err(unreadable("the file is empty")),
    };
    let rows = records.enumerate().map(|(i, r)| {
        let row = i + 2;
        r.map(|rec| (row, rec.iter().map(str::to_owned).collect()))
            .map_err(|e| RowError { row, column: String::new(), message: format!("the row cannot be read: {e}") })
    });
    Ok(Records { header, rows: Box::new(rows) })
}

/// One JSON object per line, keyed by the column names (English or Russian).
fn ndjson_records(path: &Path) -> Result<Records, ApiError> {
    let header: Vec<String> = COLUMNS.iter().map(|(_, en, _)| (*en).to_owned()).collect();
    let file = BufReader::new(File::open(path).map_err(unreadable)?);
    let rows = file.lines().enumerate().filter_map(|(i, line)| {
        let row = i + 1;
        let line = match line {
            Ok(l) if l.trim().is_empty() => return None,
            Ok(l) => l,
            Err(e) => return Some(Err(RowError { row, column: String::new(), message: format!("not UTF-8 text: {e}") })),
        };
        let object = match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&line) {
            Ok(o) => o,
            Err(e) => return Some(Err(RowError { row, column: String::new(), message: format!("not a JSON object: {e}") })),
        };
        let mut cells = vec![String::new(); COLUMNS.len()];
        for (key, value) in object {
            if let Some(i) = super::columns::column_of(&key).and_then(|c| COLUMNS.iter().position(|(cc, _, _)| *cc == c)) {
                cells[i] = match value {
                    serde_json::Value::String(s) => s,
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
            }
        }
        Some(Ok((row, cells)))
    });
    Ok(Records { header, rows: Box::new(rows) })
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_datetime().map(|t| t.date().to_string()).unwrap_or_default(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.chars().take(10).collect(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn xlsx_records(path: &Path) -> Result<Records, ApiError> {
    let mut book: Xlsx<_> = Xlsx::new(BufReader::new(File::open(path).map_err(unreadable)?)).map_err(|e| unreadable(format!("not an XLSX workbook: {e}")))?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("the workbook has no sheet"))?
        .map_err(|e| unreadable(format!("the first sheet cannot be read: {e}")))?;
    let mut rows = sheet.rows().map(|r| r.iter().map(cell_text).collect::<Vec<String>>());
    let header = rows.next().ok_or_else(|| unreadable("the sheet is empty"))?;
    let rest: Vec<Record> = rows.enumerate().map(|(i, cells)| Ok((i + 2, cells))).collect();
    Ok(Records { header, rows: Box::new(rest.into_iter()) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        f.write_all(bytes).expect("write");
        f
    }

    #[test]
    fn windows_1251_with_semicolons() {
        let (bytes, _, _) = WINDOWS_1251.encode("Фамилия;Имя;Категория\nСоколов;Максим;ученик\n");
        let f = file(&bytes);
        let mut r = open(f.path(), Format::Csv).expect("opens");
        assert_eq!(r.header, vec!["Фамилия", "Имя", "Категория"]);
        let (row, cells) = r.rows.next().expect("row").expect("ok");
        assert_eq!((row, cells[0].as_str()), (2, "Соколов"));
    }

    #[test]
    fn utf8_with_bom_and_commas() {
        let f = file("\u{feff}last_name,first_name,kind\n\"Ёлкина, мл.\",Алёна,student\n".as_bytes());
        let mut r = open(f.path(), Format::Csv).expect("opens");
        assert_eq!(r.header[0], "last_name");
        assert_eq!(r.rows.next().expect("row").expect("ok").1[0], "Ёлкина, мл.");
    }

    #[test]
    fn ndjson_maps_keys_and_reports_bad_lines() {
        let f = file("{\"Фамилия\": \"Соколов\", \"first_name\": \"Максим\", \"grade\": 7}\nnot json\n".as_bytes());
        let r = open(f.path(), Format::Ndjson).expect("opens");
        let rows: Vec<Record> = r.rows.collect();
        let first = rows[0].as_ref().expect("ok");
        assert_eq!((first.1[2].as_str(), first.1[7].as_str()), ("Соколов", "7"));
        assert_eq!(rows[1].as_ref().expect_err("bad").row, 2);
    }
}
