//! `/practices`: the region's library of best practices and the school's drafts; the workflow
//! draft → submitted → published, the last step the institute's.

use actix_web::{HttpResponse, get, http::header, patch, post, web};
use chrono::Utc;
use diesel::prelude::*;

use super::store::{PracticeRow, check_links, check_no_child_named, load_practice, practice_for, reach, region_of, search_key, set_status, to_summaries};
use super::{NewPractice, Practice, PracticeFilter, PracticePatch, PracticeStatus, PracticeSummary, ReturnPractice};
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::{Db, one_of};
use crate::db::schema::{organizations, practices as pr, users};
use crate::db::text::to_text;
use crate::error::{ApiError, Problem};
use crate::http::etag::etag_value;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson};
use crate::orgs::store::contains_pattern;
use crate::programs::status::invalid_transition;

fn with_etag(p: Practice, created: bool) -> HttpResponse {
    let mut res = if created { HttpResponse::Created() } else { HttpResponse::Ok() };
    if created {
        res.insert_header((header::LOCATION, format!("/api/v1/practices/{}", p.id)));
    }
    res.insert_header((header::ETAG, p.etag.clone())).json(p)
}

#[utoipa::path(
    tag = "recognition",
    summary = "The library of best practices, newest first",
    description = "Published practices of the caller's region, the drafts and submitted practices of the schools whose practices the caller writes, and the submitted ones the caller reviews (the institute). `q` searches the title, summary, text and author in any case, Cyrillic included.",
    params(PracticeFilter, PageQuery),
    responses((status = 200, body = Paginated<PracticeSummary>), (status = 401, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/practices")]
pub async fn list_practices(db: web::Data<Db>, principal: Principal, filter: web::Query<PracticeFilter>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<PracticeSummary>>, ApiError> {
    let page = query.page()?;
    let f = filter.into_inner();
    let list = db
        .read(move |conn| {
            let mut q = pr::table.order(pr::id.desc()).limit(page.limit + 1).select(PracticeRow::as_select()).into_boxed();
            // Newest first: the cursor carries the last id seen, and the next page lies below it.
            if page.after > 0 {
                q = q.filter(pr::id.lt(page.after));
            }
            if let Some(r) = reach(conn, &principal)? {
                q = q.filter(
                    pr::status
                        .eq("published")
                        .and(one_of(pr::region_id, &r.regions))
                        .or(one_of(pr::school_id, &r.writes))
                        .or(pr::status.ne("draft").and(one_of(pr::school_id, &r.reviews))),
                );
            }
            if let Some(text) = f.q.as_deref().filter(|t| !t.trim().is_empty()) {
                q = q.filter(pr::search_key.like(contains_pattern(text)).escape('\\'));
            }
            if let Some(form) = f.form {
                q = q.filter(pr::form.eq(to_text(&form)?));
            }
            if let Some(role_model) = f.role_model {
                q = q.filter(pr::role_model.eq(to_text(&role_model)?));
            }
            if let Some(status) = f.status {
                q = q.filter(pr::status.eq(to_text(&status)?));
            }
            if let Some(school) = f.school_id {
                q = q.filter(pr::school_id.eq(school));
            }
            let rows: Vec<PracticeRow> = q.load(conn)?;
            let paged = Paginated::from_rows(rows, page, |r| r.id, |r| r);
            Ok(Paginated { items: to_summaries(conn, paged.items)?, next_cursor: paged.next_cursor })
        })
        .await?;
    Ok(web::Json(list))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Write up a practice (a draft of the school)",
    description = "By the school's administration, coordinator or curator. The programme and pair it refers to must be the school's (422 `not_of_this_school`).",
    request_body = NewPractice,
    responses(
        (status = 201, body = Practice, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem, description = "not_of_this_school, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[post("/practices")]
pub async fn create_practice(db: web::Data<Db>, principal: Principal, body: ValidJson<NewPractice>) -> Result<HttpResponse, ApiError> {
    let new = body.0;
    let practice = db
        .write(move |conn| {
            authorize(conn, &principal, Action::WritePractice, new.school_id).map_err(|e| e.not_found_as(format!("school {}", new.school_id)))?;
            let kind: String = organizations::table.find(new.school_id).select(organizations::kind).first(conn)?;
            if kind != "school" {
                return Err(ApiError::invalid_field("school_id", "a practice belongs to a school"));
            }
            check_links(conn, new.school_id, new.program_id, new.pair_id)?;
            let author = match new.author.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
                Some(a) => a.to_owned(),
                None => match principal.user_id() {
                    Some(u) => users::table.find(u).select(users::full_name).first(conn)?,
                    None => return Err(ApiError::invalid_field("author", "name the author")),
                },
            };
            let (title, summary, body) = (new.title.trim().to_owned(), new.summary.trim().to_owned(), new.body.trim().to_owned());
            if title.is_empty() || summary.is_empty() || body.is_empty() {
                return Err(ApiError::invalid_field(if title.is_empty() { "title" } else if summary.is_empty() { "summary" } else { "body" }, "is blank"));
            }
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(pr::table)
                .values((
                    pr::school_id.eq(new.school_id),
                    pr::region_id.eq(region_of(conn, new.school_id)?),
                    pr::program_id.eq(new.program_id),
                    pr::pair_id.eq(new.pair_id),
                    pr::search_key.eq(search_key(&title, &summary, &body, &author)),
                    pr::title.eq(title),
                    pr::summary.eq(summary),
                    pr::body.eq(body),
                    pr::form.eq(to_text(&new.form)?),
                    pr::role_model.eq(new.role_model.as_ref().map(to_text).transpose()?),
                    pr::author.eq(author),
                    pr::status.eq("draft"),
                    pr::created_by.eq(principal.key()),
                    pr::created_at.eq(now),
                    pr::updated_at.eq(now),
                ))
                .returning(pr::id)
                .get_result(conn)?;
            load_practice(conn, id)
        })
        .await?;
    Ok(with_etag(practice, true))
}

#[utoipa::path(
    tag = "recognition",
    summary = "A practice with its write-up",
    params(("id" = i64, Path, description = "practice id")),
    responses((status = 200, body = Practice), (status = 401, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/practices/{id}")]
pub async fn get_practice(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let practice = db.run(move |conn| {
        let row = practice_for(conn, &principal, id, None)?;
        load_practice(conn, row.id)
    }).await?;
    Ok(with_etag(practice, false))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Edit a draft practice",
    description = "The school edits its practice while it is a draft (a submitted one is returned by the institute first; a published one is the library's).",
    params(("id" = i64, Path, description = "practice id"), ("If-Match" = Option<String>, Header, description = "the practice's etag")),
    request_body = PracticePatch,
    responses(
        (status = 200, body = Practice), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "practice_not_draft"), (status = 412, body = Problem),
        (status = 422, body = Problem, description = "not_of_this_school, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[patch("/practices/{id}")]
pub async fn update_practice(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<PracticePatch>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let change = body.0;
    let practice = db
        .write(move |conn| {
            let row = practice_for(conn, &principal, id, Some(Action::WritePractice))?;
            if_match.check(&etag_value("practice", row.id, row.version))?;
            if row.status != "draft" {
                return Err(ApiError::conflict("practice_not_draft", "only a draft is edited: a submitted practice is returned by the institute first"));
            }
            let program_id = change.program_id.unwrap_or(row.program_id);
            let pair_id = change.pair_id.unwrap_or(row.pair_id);
            check_links(conn, row.school_id, program_id, pair_id)?;
            let pick = |new: Option<String>, old: String, field: &'static str| -> Result<String, ApiError> {
                match new.map(|s| s.trim().to_owned()) {
                    Some(s) if s.is_empty() => Err(ApiError::invalid_field(field, "is blank")),
                    Some(s) => Ok(s),
                    None => Ok(old),
                }
            };
            let title = pick(change.title, row.title, "title")?;
            let summary = pick(change.summary, row.summary, "summary")?;
            let text = pick(change.body, row.body, "body")?;
            let author = pick(change.author, row.author, "author")?;
            let form = match change.form {
                Some(f) => to_text(&f)?,
                None => row.form,
            };
            let role_model = match change.role_model {
                Some(r) => r.as_ref().map(to_text).transpose()?,
                None => row.role_model,
            };
            diesel::update(pr::table.find(id))
                .set((
                    pr::search_key.eq(search_key(&title, &summary, &text, &author)),
                    pr::title.eq(title),
                    pr::summary.eq(summary),
                    pr::body.eq(text),
                    pr::author.eq(author),
                    pr::form.eq(form),
                    pr::role_model.eq(role_model),
                    pr::program_id.eq(program_id),
                    pr::pair_id.eq(pair_id),
                    pr::version.eq(row.version + 1),
                    pr::updated_at.eq(Utc::now().naive_utc()),
                ))
                .execute(conn)?;
            load_practice(conn, id)
        })
        .await?;
    Ok(with_etag(practice, false))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Submit a draft practice to the institute",
    description = "A text that names a child of the school's bases is refused (422 `personal_data_in_practice`, naming the field).",
    params(("id" = i64, Path, description = "practice id")),
    responses(
        (status = 200, body = Practice), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition"), (status = 422, body = Problem, description = "personal_data_in_practice"),
    ),
    security(("bearer" = []))
)]
#[post("/practices/{id}/submit")]
pub async fn submit_practice(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let practice = db
        .write(move |conn| {
            let row = practice_for(conn, &principal, id, Some(Action::WritePractice))?;
            if row.status != "draft" {
                return Err(invalid_transition(&row.status, "submitted", ": only a draft is submitted"));
            }
            check_no_child_named(conn, row.school_id, &[("title", &row.title), ("summary", &row.summary), ("body", &row.body)])?;
            set_status(conn, &row, PracticeStatus::Submitted, None, &principal.key())?;
            load_practice(conn, id)
        })
        .await?;
    Ok(with_etag(practice, false))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Publish a submitted practice to the region's library (the institute)",
    description = "Only the institute (or the region) publishes; the school's staff get 403. The text is checked once more for children's names.",
    params(("id" = i64, Path, description = "practice id")),
    responses(
        (status = 200, body = Practice), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition"), (status = 422, body = Problem, description = "personal_data_in_practice"),
    ),
    security(("bearer" = []))
)]
#[post("/practices/{id}/publish")]
pub async fn publish_practice(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let practice = db
        .write(move |conn| {
            let row = practice_for(conn, &principal, id, Some(Action::PublishPractice))?;
            if row.status != "submitted" {
                return Err(invalid_transition(&row.status, "published", ": the school submits it first"));
            }
            check_no_child_named(conn, row.school_id, &[("title", &row.title), ("summary", &row.summary), ("body", &row.body)])?;
            set_status(conn, &row, PracticeStatus::Published, None, &principal.key())?;
            load_practice(conn, id)
        })
        .await?;
    Ok(with_etag(practice, false))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Return a submitted practice to the school with a note (the institute)",
    params(("id" = i64, Path, description = "practice id")),
    request_body = ReturnPractice,
    responses(
        (status = 200, body = Practice), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "invalid_transition"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/practices/{id}/return")]
pub async fn return_practice(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<ReturnPractice>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let note = body.0.note.trim().to_owned();
    let practice = db
        .write(move |conn| {
            let row = practice_for(conn, &principal, id, Some(Action::PublishPractice))?;
            if row.status != "submitted" {
                return Err(invalid_transition(&row.status, "draft", ": only a submitted practice is returned"));
            }
            if note.is_empty() {
                return Err(ApiError::invalid_field("note", "say what to change"));
            }
            set_status(conn, &row, PracticeStatus::Draft, Some(note), &principal.key())?;
            load_practice(conn, id)
        })
        .await?;
    Ok(with_etag(practice, false))
}
