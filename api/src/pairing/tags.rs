//! Request tags: the vocabulary shared by mentees' requests and mentors' competencies, so that
//! the request map can set demand beside supply. Schools may add their own tags.

use actix_web::{HttpResponse, get, post, web};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::{Validate, ValidationError};

use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::request_tags;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;

/// The standard vocabulary, from the requests the seeds name.
pub const STANDARD: [(&str, &str); 14] = [
    ("academic_results", "Учебные результаты"),
    ("exam_preparation", "Подготовка к экзаменам"),
    ("olympiads", "Олимпиады и конкурсы"),
    ("adaptation", "Адаптация к новым условиям"),
    ("communication", "Общение и коммуникация"),
    ("leadership", "Лидерские навыки"),
    ("projects", "Проектная деятельность"),
    ("career_guidance", "Профориентация"),
    ("digital_skills", "Цифровые навыки"),
    ("creativity", "Творчество"),
    ("sport", "Спорт"),
    ("emotional_support", "Эмоциональная поддержка"),
    ("school_life", "Участие в жизни школы"),
    ("teaching_methods", "Методика преподавания"),
];

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RequestTag {
    pub code: String,
    pub label: String,
    /// Added by the school rather than standard.
    pub custom: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RequestTagList {
    pub items: Vec<RequestTag>,
}

fn tag_code(code: &str) -> Result<(), ValidationError> {
    let ok = (2..=40).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if ok { Ok(()) } else { Err(ValidationError::new("code").with_message("2–40 of a-z, 0-9 and _".into())) }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"code": "robotics", "label": "Робототехника"}))]
pub struct NewRequestTag {
    #[validate(custom(function = "tag_code"))]
    #[schema(pattern = "^[a-z0-9_]{2,40}$")]
    pub code: String,
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub label: String,
}

/// The standard tags and the school's own.
pub fn vocabulary(conn: &mut DbConnection, school_id: i64) -> Result<Vec<RequestTag>, ApiError> {
    let mut tags: Vec<RequestTag> = STANDARD.iter().map(|(c, l)| RequestTag { code: (*c).into(), label: (*l).into(), custom: false }).collect();
    let own: Vec<(String, String)> = request_tags::table
        .filter(request_tags::school_id.eq(school_id))
        .order(request_tags::id)
        .select((request_tags::code, request_tags::label))
        .load(conn)?;
    tags.extend(own.into_iter().map(|(code, label)| RequestTag { code, label, custom: true }));
    Ok(tags)
}

/// Every tag must be in the school's vocabulary; `field` names the list in the error.
pub fn check_tags(conn: &mut DbConnection, school_id: i64, tags: &[String], field: &str) -> Result<(), ApiError> {
    let known = vocabulary(conn, school_id)?;
    for (i, tag) in tags.iter().enumerate() {
        if !known.iter().any(|k| &k.code == tag) {
            return Err(ApiError::invalid_field(&format!("{field}[{i}]"), format!("unknown tag `{tag}`; add it to the school's vocabulary first")));
        }
    }
    Ok(())
}

#[utoipa::path(
    tag = "pairing",
    summary = "The school's request tags (standard and its own)",
    params(("school_id" = i64, Path, description = "school id")),
    responses((status = 200, body = RequestTagList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/schools/{school_id}/request-tags")]
pub async fn list_request_tags(db: web::Data<Db>, principal: Principal, school_id: web::Path<i64>) -> Result<web::Json<RequestTagList>, ApiError> {
    let school_id = school_id.into_inner();
    let items = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewProgram, school_id)?;
            vocabulary(conn, school_id)
        })
        .await?;
    Ok(web::Json(RequestTagList { items }))
}

#[utoipa::path(
    tag = "pairing",
    summary = "Add a tag to the school's vocabulary",
    params(("school_id" = i64, Path, description = "school id")),
    request_body = NewRequestTag,
    responses(
        (status = 201, body = RequestTag), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem),
        (status = 404, body = Problem), (status = 409, body = Problem, description = "tag_exists"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/schools/{school_id}/request-tags")]
pub async fn add_request_tag(db: web::Data<Db>, principal: Principal, school_id: web::Path<i64>, body: ValidJson<NewRequestTag>) -> Result<HttpResponse, ApiError> {
    let school_id = school_id.into_inner();
    let new = body.0;
    let tag = db
        .write(move |conn| {
            authorize(conn, &principal, Action::ManageProgram, school_id)?;
            if vocabulary(conn, school_id)?.iter().any(|t| t.code == new.code) {
                return Err(ApiError::conflict("tag_exists", format!("the tag `{}` exists", new.code)));
            }
            diesel::insert_into(request_tags::table)
                .values((request_tags::school_id.eq(school_id), request_tags::code.eq(&new.code), request_tags::label.eq(new.label.trim())))
                .execute(conn)?;
            Ok(RequestTag { code: new.code, label: new.label.trim().to_owned(), custom: true })
        })
        .await?;
    Ok(HttpResponse::Created().json(tag))
}
