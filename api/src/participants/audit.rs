//! The audit trail of minors' records: who read or changed which record, and when. The table is
//! append-only (the database refuses updates and deletes); entries carry ids, never names.

use actix_web::{get, web};
use chrono::{NaiveDateTime, Utc};
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use super::dto::AuditEntry;
use crate::auth::policy::authorize;
use crate::auth::{Action, Principal};
use crate::db::schema::audit_log;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::{PageQuery, Paginated};

/// Writes one entry per record.
pub fn record(conn: &mut DbConnection, principal: &Principal, school_id: i64, action: &str, ids: &[i64], detail: Option<&str>) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    for &id in ids {
        diesel::insert_into(audit_log::table)
            .values((
                audit_log::organization_id.eq(school_id),
                audit_log::actor.eq(principal.key()),
                audit_log::action.eq(action),
                audit_log::entity.eq("participant"),
                audit_log::entity_id.eq(id),
                audit_log::detail.eq(detail),
                audit_log::at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditFilter {
    /// Only the entries about this participant.
    pub participant_id: Option<i64>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = audit_log)]
struct Row {
    id: i64,
    actor: String,
    action: String,
    entity: String,
    entity_id: i64,
    detail: Option<String>,
    at: NaiveDateTime,
}

#[utoipa::path(
    tag = "participants",
    summary = "Who read or changed a minor's record (newest first)",
    params(("id" = i64, Path, description = "school id"), AuditFilter, PageQuery),
    responses((status = 200, body = Paginated<AuditEntry>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/organizations/{id}/audit")]
pub async fn list_audit(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, filter: web::Query<AuditFilter>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<AuditEntry>>, ApiError> {
    let page = query.page()?;
    let id = id.into_inner();
    let participant = filter.participant_id;
    let rows = db
        .run(move |conn| {
            authorize(conn, &principal, Action::ViewAudit, id)?;
            let mut q = audit_log::table
                .filter(audit_log::organization_id.eq(id))
                .order(audit_log::id.desc())
                .limit(page.limit + 1)
                .select(Row::as_select())
                .into_boxed();
            // Newest first: the cursor carries the last id seen, and the next page lies below it.
            if page.after > 0 {
                q = q.filter(audit_log::id.lt(page.after));
            }
            if let Some(p) = participant {
                q = q.filter(audit_log::entity_id.eq(p));
            }
            Ok(q.load::<Row>(conn)?)
        })
        .await?;
    Ok(web::Json(Paginated::from_rows(rows, page, |r| r.id, |r| AuditEntry {
        id: r.id,
        actor: r.actor,
        action: r.action,
        entity: r.entity,
        entity_id: r.entity_id,
        detail: r.detail,
        at: r.at.and_utc(),
    })))
}
