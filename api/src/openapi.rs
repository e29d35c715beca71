//! The spec is generated from the routes themselves (utoipa-actix-web): the router is the spec.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use crate::error::{FieldError, PROBLEM_JSON, Problem};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Nastavnik API",
        version = "1.0.0",
        description = "School mentorship under the target model of mentorship: programmes, bases, pairs, meetings, monitoring and reports.\n\nErrors are RFC 9457 `application/problem+json` with a stable `code`. Lists are cursor-paged (`limit`, `cursor` → `next_cursor`). Single resources carry `ETag`; changes honour `If-Match` (412). POSTs honour `Idempotency-Key`.",
        license(name = "MIT")
    ),
    modifiers(&BearerAuth),
    components(schemas(Problem, FieldError)),
    tags(
        (name = "auth", description = "Sign-in, tokens, API tokens for scripts"),
        (name = "organizations", description = "Regions, institutes, schools and their contingents"),
        (name = "users", description = "People and their roles in organisations"),
        (name = "programs", description = "Programmes, the seven-stage roadmap, the media plan"),
        (name = "participants", description = "The people of the bases, consents, the audit trail"),
        (name = "pairing", description = "Programme bases, the request map, preferences, matching, pairs and groups, the approval order, plans"),
        (name = "meetings", description = "Meetings in the model's sequence, attendance and feedback, alerts, calendars"),
        (name = "monitoring", description = "Survey templates, surveys, one-time invitations and answers"),
        (name = "recognition", description = "Awards (Mentor of the year, Best pair, certificates, letters of thanks) with nominees from the record, certificate verification, the best-practice library"),
        (name = "reporting", description = "The programme report; the institute's view: the regional dashboard, report periods with frozen, versioned exports"),
        (name = "website", description = "The school website's public page and its widget: no account, no personal data"),
        (name = "operations", description = "Health and readiness"),
    )
)]
pub struct ApiDoc;

const PROBLEM_REF: &str = "#/components/schemas/Problem";

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description = Some("A JWT access token from /auth/login, or an API token (nst_…).".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// Finishes the assembled spec: runs after the routes have added their paths, which `ApiDoc`'s
/// own modifiers run before.
pub fn finish(spec: &mut utoipa::openapi::OpenApi) {
    for item in spec.paths.paths.values_mut() {
        let ops = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for op in ops.into_iter().flatten() {
            problem_media_type(op);
            extractor_responses(op);
        }
    }
}

/// Every error is sent as `application/problem+json` (error.rs), but an annotation's `body = Problem`
/// documents it as `application/json`: the spec named a media type that clients never receive.
fn problem_media_type(op: &mut Operation) {
    for response in op.responses.responses.values_mut() {
        let RefOr::T(Response { content, .. }) = response else { continue };
        *content = std::mem::take(content)
            .into_iter()
            .map(|(media_type, body)| {
                let is_problem = matches!(&body.schema, Some(RefOr::Ref(r)) if r.ref_location == PROBLEM_REF);
                if is_problem && media_type == "application/json" { (PROBLEM_JSON.to_owned(), body) } else { (media_type, body) }
            })
            .collect();
    }
}

/// The refusals that come from the shared extractors rather than from a handler, so that no
/// operation's annotation can forget them: a JSON body (http/json.rs) can be unparseable, too
/// large, of another media type or against the schema; a query string can fail to parse, and a
/// path parameter that does not parse names nothing (startup.rs).
fn extractor_responses(op: &mut Operation) {
    let takes_json = op.request_body.as_ref().is_some_and(|body| body.content.contains_key("application/json"));
    let params = op.parameters.as_deref().unwrap_or_default();
    let has_query = params.iter().any(|p| p.parameter_in == ParameterIn::Query);
    let has_path = params.iter().any(|p| p.parameter_in == ParameterIn::Path);
    let mut add = |status: &str, description: &str| {
        op.responses.responses.entry(status.to_owned()).or_insert_with(|| RefOr::T(problem_response(description)));
    };
    if takes_json {
        add("400", "malformed_json: the body is not JSON");
        add("413", "body_too_large: the body is larger than 1 MiB");
        add("415", "unsupported_media_type: the body is not sent as application/json");
        add("422", "validation_failed: a field is missing, of the wrong type or breaks a rule");
    }
    if has_query {
        add("422", "validation_failed: a query parameter does not parse or is out of range");
    }
    if has_path {
        add("404", "not_found");
    }
}

fn problem_response(description: &str) -> Response {
    let content = ContentBuilder::new().schema(Some(Ref::new(PROBLEM_REF))).build();
    ResponseBuilder::new().description(description).content(PROBLEM_JSON, content).build()
}

/// The spec as YAML, exactly as committed in `openapi.yaml`.
pub fn yaml() -> Result<String, String> {
    crate::routes::openapi().to_yaml().map_err(|e| format!("cannot render the spec: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `openapi.yaml` is committed so that clients (and the SPA's types) can rely on it; it must be
    /// exactly what the code generates. `make openapi` regenerates it.
    #[test]
    fn committed_spec_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.yaml");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        let generated = yaml().expect("spec renders");
        assert!(committed == generated, "openapi.yaml is out of date with the code: run `make openapi` and commit it");
    }

    /// Every operation is documented as API.md asks: a summary, a domain tag, and its errors.
    #[test]
    fn every_operation_is_documented() {
        let spec = crate::routes::openapi();
        let mut count = 0;
        let mut ids = std::collections::HashSet::new();
        for (path, item) in &spec.paths.paths {
            let ops = [&item.get, &item.post, &item.put, &item.patch, &item.delete];
            for op in ops.into_iter().flatten() {
                count += 1;
                // Generated clients name their functions and types after operationIds.
                let id = op.operation_id.clone().unwrap_or_default();
                assert!(ids.insert(id.clone()), "{path}: operationId `{id}` is used twice");
                assert!(op.summary.as_deref().is_some_and(|s| !s.is_empty()), "{path}: no summary");
                assert!(op.tags.as_ref().is_some_and(|t| !t.is_empty()), "{path}: no tag");
                let codes: Vec<&String> = op.responses.responses.keys().collect();
                let public = path.starts_with("/healthz") || path.starts_with("/readyz");
                let has_error = codes.iter().any(|c| c.starts_with('4') || c.starts_with('5'));
                assert!(public || has_error, "{path}: no error responses documented ({codes:?})");
                // `/api/v1/public/**` needs no account (API.md); an operation there may still document 401.
                let needs_auth = path.starts_with("/api/v1") && !path.contains("/auth/") && !path.starts_with("/api/v1/public/");
                if needs_auth {
                    assert!(codes.iter().any(|c| *c == "401"), "{path}: 401 not documented");
                }
            }
        }
        assert!(count >= 19, "only {count} operations found");
    }
}
