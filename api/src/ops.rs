//! Liveness and readiness for load balancers and orchestrators.

use actix_web::{HttpResponse, get, web};
use diesel::connection::SimpleConnection;
use serde::Serialize;
use utoipa::ToSchema;

use crate::db::Db;
use crate::error::{ApiError, Problem};

#[derive(Serialize, ToSchema)]
pub struct Health {
    #[schema(example = "ok")]
    pub status: &'static str,
}

#[utoipa::path(tag = "operations", summary = "The process is alive", responses((status = 200, body = Health)))]
#[get("/healthz")]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(Health { status: "ok" })
}

#[utoipa::path(
    tag = "operations",
    summary = "The database is reachable",
    responses((status = 200, body = Health), (status = 503, body = Problem, description = "database_unavailable"))
)]
#[get("/readyz")]
pub async fn readyz(db: web::Data<Db>) -> Result<HttpResponse, ApiError> {
    db.run(|conn| Ok(conn.batch_execute("SELECT 1")?)).await?;
    Ok(HttpResponse::Ok().json(Health { status: "ok" }))
}
