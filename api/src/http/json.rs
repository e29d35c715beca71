//! JSON bodies: unparseable is 400, parseable but against the schema or the rules is 422 naming
//! each field.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::web::BytesMut;
use futures_util::StreamExt;
use actix_web::{FromRequest, HttpRequest};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use crate::error::{ApiError, FieldError};

/// Bodies larger than this are refused before parsing.
const BODY_LIMIT: usize = 1024 * 1024;

/// A JSON body that parsed and passed its `#[validate]` rules.
#[derive(Debug)]
pub struct ValidJson<T>(pub T);

impl<T: DeserializeOwned + Validate + 'static> FromRequest for ValidJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                let mime = v.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
                mime == "application/json" || mime.ends_with("+json")
            })
            .unwrap_or(false);
        let mut stream = payload.take();
        Box::pin(async move {
            if !is_json {
                return Err(ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type",
                    "send the body as application/json",
                ));
            }
            // Read with our own limit: the app's payload limit is sized for file imports.
            let mut bytes = BytesMut::new();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|_| ApiError::bad_request("upload_broken", "the body could not be read"))?;
                if bytes.len() + chunk.len() > BODY_LIMIT {
                    return Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", "the body is larger than 1 MiB"));
                }
                bytes.extend_from_slice(&chunk);
            }
            let value = parse::<T>(&bytes)?;
            value.validate().map_err(|e| ApiError::validation(field_errors(&e)))?;
            Ok(ValidJson(value))
        })
    }
}

/// Parses JSON, telling a syntax error (400) from a body that breaks the schema (422). The body is
/// first read as plain JSON: serde_json reports some type errors (a number where an enum is
/// expected) in its syntax category, so its own classification cannot tell the two apart.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request("malformed_json", format!("the body is not valid JSON: {e}")))?;
    // Every body of this API is an object; serde would otherwise take a struct from an array.
    if !value.is_object() {
        return Err(ApiError::invalid_field("body", "must be a JSON object"));
    }
    // PostgreSQL cannot store U+0000 in text (SQLite can): refused here, on both, naming the field.
    if let Some(field) = nul_field(&value, "") {
        return Err(ApiError::invalid_field(&field, super::nul::MESSAGE));
    }
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = err.path().to_string();
        let message = strip_position(&err.into_inner().to_string());
        ApiError::invalid_field(&field_of(&path, &message), message)
    })
}

/// The JSON path of the first string or member name that contains U+0000.
fn nul_field(value: &serde_json::Value, path: &str) -> Option<String> {
    let join = |name: &str| if path.is_empty() { name.to_owned() } else { format!("{path}.{name}") };
    match value {
        serde_json::Value::String(s) if s.contains('\0') => Some(if path.is_empty() { "body".to_owned() } else { path.to_owned() }),
        serde_json::Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| nul_field(v, &format!("{path}[{i}]"))),
        serde_json::Value::Object(members) => members.iter().find_map(|(k, v)| {
            if k.contains('\0') { Some(join(&k.replace('\0', "\\0"))) } else { nul_field(v, &join(k)) }
        }),
        _ => None,
    }
}

/// The field a data error is about; for a missing field serde names it only in the message.
fn field_of(path: &str, message: &str) -> String {
    let missing = message.strip_prefix("missing field `").and_then(|rest| rest.split('`').next());
    match (path, missing) {
        (".", Some(name)) => name.to_owned(),
        (_, Some(name)) => format!("{path}.{name}"),
        (".", None) => "body".to_owned(),
        _ => path.to_owned(),
    }
}

/// serde's messages end with " at line 1 column 17", which means nothing to a field-level reader.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

/// For PATCH fields that may be cleared: absent → `None` (unchanged), `null` → `Some(None)`
/// (cleared), a value → `Some(Some(v))`. Use with `#[serde(default, deserialize_with = "present")]`.
pub fn present<'de, T, D>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    T: serde::Deserialize<'de>,
    D: serde::Deserializer<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Flattens validator's nested errors into `field.path: message` pairs.
pub fn field_errors(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() { field.to_string() } else { format!("{prefix}.{field}") };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for e in list {
                    let message = e.message.as_ref().map(|m| m.to_string()).unwrap_or_else(|| describe(e));
                    out.push(FieldError { field: path.clone(), message });
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

fn describe(e: &validator::ValidationError) -> String {
    let param = |name: &str| e.params.get(name).map(|v| v.to_string());
    match e.code.as_ref() {
        "length" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("length must be between {min} and {max}"),
            (Some(min), None) => format!("length must be at least {min}"),
            (None, Some(max)) => format!("length must be at most {max}"),
            _ => "invalid length".into(),
        },
        "range" => match (param("min"), param("max")) {
            (Some(min), Some(max)) => format!("must be between {min} and {max}"),
            _ => "out of range".into(),
        },
        "email" => "must be an e-mail address".into(),
        code => format!("invalid ({code})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, Validate)]
    struct Body {
        #[validate(length(min = 1, max = 5))]
        name: String,
        #[allow(dead_code)]
        kind: Kind,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        School,
    }

    fn status(r: Result<Body, ApiError>) -> (u16, String, Vec<FieldError>) {
        let p = r.expect_err("must fail").problem();
        (p.status, p.code, p.errors)
    }

    #[test]
    fn syntax_error_is_400() {
        let (s, code, _) = status(parse(b"{\"name\": "));
        assert_eq!((s, code.as_str()), (400, "malformed_json"));
    }

    #[test]
    fn wrong_type_and_unknown_enum_name_the_field() {
        let (s, _, errors) = status(parse(br#"{"name": 5, "kind": "school"}"#));
        assert_eq!(s, 422);
        assert_eq!(errors[0].field, "name");
        let (_, _, errors) = status(parse(br#"{"name": "a", "kind": "castle"}"#));
        assert_eq!(errors[0].field, "kind");
        assert!(!errors[0].message.contains("line"), "{}", errors[0].message);
    }

    #[test]
    fn a_nul_character_is_refused_naming_its_field() {
        let (s, code, errors) = status(parse(br#"{"name": "a\u0000b", "kind": "school"}"#));
        assert_eq!((s, code.as_str(), errors[0].field.as_str()), (422, "validation_failed", "name"));
        let nested: Result<serde_json::Value, ApiError> = parse(br#"{"rows": [{"x": 1}, {"x": "\u0000"}]}"#);
        assert_eq!(nested.expect_err("nul").problem().errors[0].field, "rows[1].x");
    }

    #[test]
    fn missing_field_is_named() {
        let (s, _, errors) = status(parse(br#"{"kind": "school"}"#));
        assert_eq!((s, errors[0].field.as_str()), (422, "name"));
    }

    #[test]
    fn validator_rules_become_field_errors() {
        let body: Body = parse(br#"{"name": "toolong", "kind": "school"}"#).expect("parses");
        let errors = field_errors(&body.validate().expect_err("too long"));
        assert_eq!(errors, vec![FieldError { field: "name".into(), message: "length must be between 1 and 5".into() }]);
    }
}
