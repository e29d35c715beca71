//! `/schools/{school_id}/imports/participants`, `/import-jobs/{id}` and the sample files.

use std::io::Write;

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use futures_util::StreamExt;
use serde::Deserialize;
use utoipa::IntoParams;

use super::apply::{ImportReport, check};
use super::jobs::{self, ImportJob, Progress};
use super::read::Format;
use super::run::{self, Upload, Verdict};
use super::sample;
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::Db;
use crate::error::{ApiError, FieldError, Problem};
use crate::orgs::routes::require_school;
use crate::orgs::store::load_organization;
use crate::programs::store::school_today;

/// Files larger than this are refused.
const FILE_LIMIT: usize = 200 * 1024 * 1024;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Check every row and report, writing nothing.
    pub dry_run: Option<bool>,
}

/// Copies the upload to a temporary file chunk by chunk, so memory does not grow with it.
pub async fn spool(mut payload: web::Payload) -> Result<tempfile::NamedTempFile, ApiError> {
    let mut file = web::block(tempfile::NamedTempFile::new).await?.map_err(|e| ApiError::Internal(e.into()))?;
    let mut size = 0usize;
    let mut buffer = Vec::with_capacity(1 << 20);
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::bad_request("upload_broken", "the upload was interrupted"))?;
        size += chunk.len();
        if size > FILE_LIMIT {
            return Err(ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "body_too_large", "the file is larger than 200 MiB"));
        }
        buffer.extend_from_slice(&chunk);
        if buffer.len() >= 1 << 20 {
            let full = std::mem::replace(&mut buffer, Vec::with_capacity(1 << 20));
            file = web::block(move || file.write_all(&full).map(|_| file)).await?.map_err(|e| ApiError::Internal(e.into()))?;
        }
    }
    web::block(move || file.write_all(&buffer).and_then(|_| file.flush()).map(|_| file)).await?.map_err(|e| ApiError::Internal(e.into()))
}

fn format_of(req: &HttpRequest) -> Result<Format, ApiError> {
    let content_type = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    Format::from_content_type(content_type).ok_or_else(|| {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send the file as text/csv, application/x-ndjson or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    })
}

#[utoipa::path(
    tag = "participants",
    summary = "Import participants from CSV, XLSX or NDJSON",
    description = "The body is the file itself. Columns are named in Russian or English (the sample file lists them). `dry_run=true` checks every row and answers the report, writing nothing. A real import checks first (422 `import_invalid` with every bad row, nothing written), then runs as a job: 202 with the job to poll at `Location`. It is all-or-nothing, upserts by `external_id`, and honours `Idempotency-Key`.",
    params(("school_id" = i64, Path, description = "school id"), ImportQuery),
    request_body(content = String, description = "the file", content_type = "text/csv"),
    responses(
        (status = 200, body = ImportReport, description = "dry run"),
        (status = 202, body = ImportJob, headers(("Location" = String)), description = "the import job started"),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "not_a_school"), (status = 413, body = Problem), (status = 415, body = Problem),
        (status = 422, body = Problem, description = "import_invalid: `errors` name each row and column; unreadable_file"),
    ),
    security(("bearer" = []))
)]
#[post("/schools/{school_id}/imports/participants")]
pub async fn import_participants(
    req: HttpRequest,
    db: web::Data<Db>,
    progress: web::Data<Progress>,
    principal: Principal,
    school_id: web::Path<i64>,
    query: web::Query<ImportQuery>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let school_id = school_id.into_inner();
    let format = format_of(&req)?;
    let auth = principal.clone();
    let today = db
        .run(move |conn| {
            authorize(conn, &auth, Action::ManageParticipants, school_id)?;
            require_school(&load_organization(conn, school_id)?)?;
            school_today(conn, school_id)
        })
        .await?;
    let file = spool(payload).await?;
    if query.dry_run.unwrap_or(false) {
        let path = file.path().to_owned();
        let report = web::block(move || check(&path, format, today)).await??;
        return Ok(HttpResponse::Ok().json(report));
    }
    let upload = Upload { school_id, actor: principal.key(), today, format, file };
    let job = match run::start(db.get_ref().clone(), progress.get_ref().clone(), upload).await? {
        Verdict::Started(job) => job,
        Verdict::Invalid(report) => return Err(invalid(report)),
    };
    let started = db.run({
        let progress = progress.get_ref().clone();
        move |conn| jobs::load(conn, job, &progress)
    })
    .await?;
    Ok(HttpResponse::Accepted().insert_header((header::LOCATION, format!("/api/v1/import-jobs/{job}"))).json(started))
}

/// 422 listing every bad row as `row N: column`.
fn invalid(report: ImportReport) -> ApiError {
    let errors: Vec<FieldError> = report
        .errors
        .iter()
        .map(|e| FieldError { field: if e.column.is_empty() { format!("row {}", e.row) } else { format!("row {}: {}", e.row, e.column) }, message: e.message.clone() })
        .collect();
    ApiError::Problem {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "import_invalid",
        detail: format!("{} errors in the file; nothing was imported", report.error_count),
        errors,
    }
}

#[utoipa::path(
    tag = "participants",
    summary = "An import job: progress while it runs, the counts when it is done",
    params(("id" = i64, Path, description = "job id")),
    responses((status = 200, body = ImportJob), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/import-jobs/{id}")]
pub async fn get_import_job(db: web::Data<Db>, progress: web::Data<Progress>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<ImportJob>, ApiError> {
    let id = id.into_inner();
    let progress = progress.get_ref().clone();
    let job = db
        .run(move |conn| {
            let job = jobs::load(conn, id, &progress)?;
            authorize(conn, &principal, Action::ManageParticipants, job.school_id)
                .map_err(|e| e.not_found_as(format!("import job {id}")))?;
            Ok(job)
        })
        .await?;
    Ok(web::Json(job))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SampleQuery {
    /// `csv` (default), `xlsx` or `ndjson`.
    #[param(pattern = "^(csv|xlsx|ndjson)$")]
    pub format: Option<String>,
}

#[utoipa::path(
    tag = "participants",
    summary = "A sample import file with every column, in Russian",
    params(SampleQuery),
    responses(
        (status = 200, description = "the file", content((String = "text/csv"), (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), (String = "application/x-ndjson"))),
        (status = 401, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[get("/imports/participants/sample")]
pub async fn import_sample(_principal: Principal, query: web::Query<SampleQuery>) -> Result<HttpResponse, ApiError> {
    let (bytes, content_type, name) = match query.format.as_deref().unwrap_or("csv") {
        "csv" => (sample::csv().into_bytes(), "text/csv; charset=utf-8", "participants-sample.csv"),
        "ndjson" => (sample::ndjson().into_bytes(), "application/x-ndjson", "participants-sample.ndjson"),
        "xlsx" => (sample::xlsx()?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "participants-sample.xlsx"),
        _ => return Err(ApiError::invalid_field("format", "must be csv, xlsx or ndjson")),
    };
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{name}\"")))
        .body(bytes))
}
