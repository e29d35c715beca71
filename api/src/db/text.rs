//! Enums live in text columns under their snake_case serde names, lists as JSON text: these
//! convert both ways, so that no module writes its own `as_str` for every enum.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

fn stored(text: &str, e: serde_json::Error) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("bad stored value `{text}`: {e}"))
}

/// `MenteeStatus::InBase` → `"in_base"`.
pub fn to_text<T: Serialize>(value: &T) -> Result<String, ApiError> {
    match serde_json::to_value(value).map_err(|e| ApiError::Internal(e.into()))? {
        serde_json::Value::String(s) => Ok(s),
        other => Err(ApiError::Internal(anyhow::anyhow!("{other} is not stored as text"))),
    }
}

/// `"in_base"` → `MenteeStatus::InBase`.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_value(serde_json::Value::String(text.to_owned())).map_err(|e| stored(text, e))
}

/// A list or object for a JSON text column.
pub fn to_json<T: Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| ApiError::Internal(e.into()))
}

pub fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| stored(text, e))
}
