//! The spec is generated from the routes themselves (utoipa-actix-web): the router is the spec.

use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::error::{FieldError, Problem};

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
        (name = "operations", description = "Health and readiness"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut scheme = Http::new(HttpAuthScheme::Bearer);
        scheme.description = Some("A JWT access token from /auth/login, or an API token (nst_…).".into());
        components.add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The spec as YAML, exactly as committed in `openapi.yaml`.
pub fn yaml() -> Result<String, String> {
    crate::startup::openapi().to_yaml().map_err(|e| format!("cannot render the spec: {e}"))
}
