//! Sending one cell's request and judging its answer.

use nastavnik_tests::{Answer, TestApp};
use reqwest::Method;
use serde_json::Value;

use super::expect::Expect;
use super::row::{Body, Ctx, Row};

pub struct Operation {
    pub method: Method,
    pub path: String,
}

pub enum Payload {
    None,
    Json(Value),
    Csv(String),
}

impl Payload {
    /// The row's own body for the cell.
    pub fn of(row: &Row, ctx: &Ctx) -> Self {
        match row.body {
            Body::None => Payload::None,
            Body::Json(body) => Payload::Json(body(ctx)),
            Body::Csv(body) => Payload::Csv(body(ctx)),
        }
    }

    /// A body built elsewhere, sent the way the row sends its own.
    pub fn like(row: &Row, body: Value) -> Self {
        match (row.body, body) {
            (Body::Csv(_), Value::String(file)) => Payload::Csv(file),
            (_, body) => Payload::Json(body),
        }
    }
}

/// The path with its parameters filled: `{stage_no}` with a stage, any other with the cell's resource.
pub fn fill(op: &str, path: &str, res: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map(|c| open + c).unwrap_or_else(|| panic!("unclosed parameter in {path}"));
        let name = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        if name == "stage_no" {
            out.push('2');
        } else {
            assert!(!res.is_empty(), "the row of {op} names no resource for {{{name}}}");
            out.push_str(res);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Sends the cell; returns the path asked and the answer.
pub async fn send(app: &TestApp, op: &Operation, row: &Row, ctx: &Ctx<'_>, payload: Payload, token: Option<&str>) -> (String, Answer) {
    let mut path = fill(row.op, &op.path, &ctx.res);
    if let Some(query) = row.query {
        path = format!("{path}?{}", query(ctx));
    }
    let mut req = app.client.request(op.method.clone(), app.url(&path));
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req = match payload {
        Payload::None => req,
        Payload::Json(body) => req.json(&body),
        Payload::Csv(file) => req.header("Content-Type", "text/csv").body(file),
    };
    let res = req.send().await.unwrap_or_else(|e| panic!("{} {path}: {e}", op.method));
    (path, TestApp::read(res).await)
}

pub fn agrees(expected: Expect, status: u16) -> bool {
    match expected {
        Expect::Allow => status < 500 && !matches!(status, 401 | 403 | 404),
        Expect::Forbidden => status == 403,
        Expect::NotFound => status == 404,
        Expect::Unauthorized => status == 401,
    }
}

/// A body naming another school's things is refused as bad input (422) or as naming something
/// that does not exist (404), not as a matter of role or state.
pub fn refused_across(status: u16) -> bool {
    matches!(status, 404 | 422)
}
