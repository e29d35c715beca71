//! Cursor paging: `?limit=&cursor=` → `{items, next_cursor}`. The cursor is opaque to clients; it
//! carries the last id seen, so pages stay stable while rows are added.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// Items per page, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A checked page request: fetch `limit + 1` rows with id greater than `after`.
#[derive(Debug, Clone, Copy)]
pub struct Page {
    pub limit: i64,
    pub after: i64,
}

impl PageQuery {
    pub fn page(&self) -> Result<Page, ApiError> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(ApiError::invalid_field("limit", format!("must be between 1 and {MAX_LIMIT}")));
        }
        let after = match &self.cursor {
            None => 0,
            Some(c) => decode(c).ok_or_else(|| ApiError::invalid_field("cursor", "is not a cursor this API issued"))?,
        };
        Ok(Page { limit, after })
    }
}

fn decode(cursor: &str) -> Option<i64> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    String::from_utf8(bytes).ok()?.strip_prefix("id:")?.parse().ok()
}

fn encode(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("id:{id}"))
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Paginated<T> {
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; null on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Paginated<T> {
    /// `rows` must be ordered by id and fetched with `limit + 1`.
    pub fn from_rows<R>(mut rows: Vec<R>, page: Page, id: impl Fn(&R) -> i64, map: impl FnMut(R) -> T) -> Self {
        let more = rows.len() as i64 > page.limit;
        rows.truncate(page.limit as usize);
        let next_cursor = if more { rows.last().map(|r| encode(id(r))) } else { None };
        Self { items: rows.into_iter().map(map).collect(), next_cursor }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let q = PageQuery { limit: Some(2), cursor: Some(encode(41)) };
        assert_eq!(q.page().map(|p| (p.limit, p.after)).ok(), Some((2, 41)));
        assert!(PageQuery { limit: None, cursor: Some("zzz".into()) }.page().is_err());
        assert!(PageQuery { limit: Some(0), cursor: None }.page().is_err());
        assert!(PageQuery { limit: Some(501), cursor: None }.page().is_err());
    }

    #[test]
    fn next_cursor_only_when_more_rows() {
        let page = Page { limit: 2, after: 0 };
        let full: Paginated<String> = Paginated::from_rows(vec![1, 2, 3], page, |r| *r, |r| r.to_string());
        assert_eq!(full.items, vec!["1", "2"]);
        assert_eq!(full.next_cursor.as_deref().and_then(decode), Some(2));
        let last: Paginated<String> = Paginated::from_rows(vec![1, 2], page, |r| *r, |r| r.to_string());
        assert!(last.next_cursor.is_none());
    }
}
