//! The approval order «Об утверждении наставнических пар/групп»: number, date, signatory and the
//! pairs it approves. Signing it moves them to `approved`; stage 5's gate reads from here.

use actix_web::{HttpResponse, get, http::header, post, web};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use validator::Validate;

use super::pairs::store::{PairRow, approve, to_pairs};
use super::pairs::{Pair, PairStatus};
use crate::auth::{Action, Principal};
use crate::db::schema::{organizations, pairing_orders as po, pairs, programs};
use crate::db::text::from_text;
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::ValidJson;
use crate::programs::store::program_scope;

#[derive(Debug, Serialize, ToSchema)]
pub struct PairingOrder {
    pub id: i64,
    pub program_id: i64,
    pub number: String,
    pub signed_on: NaiveDate,
    pub signatory: String,
    /// The school and programme, for the printed heading.
    pub school_name: String,
    pub program_title: String,
    pub pairs: Vec<Pair>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PairingOrderSummary {
    pub id: i64,
    pub number: String,
    pub signed_on: NaiveDate,
    pub signatory: String,
    pub pairs: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PairingOrderList {
    pub items: Vec<PairingOrderSummary>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"number": "45-о", "signed_on": "2026-11-30", "signatory": "Директор Н. П. Сидорова", "pair_ids": [1, 2]}))]
pub struct NewPairingOrder {
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub number: String,
    pub signed_on: NaiveDate,
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub signatory: String,
    /// Proposed pairs of this programme.
    #[validate(length(min = 1, max = 1000))]
    #[schema(min_items = 1, max_items = 1000)]
    pub pair_ids: Vec<i64>,
}

fn load(conn: &mut DbConnection, id: i64, school_id: i64) -> Result<PairingOrder, ApiError> {
    type Row = (i64, i64, String, NaiveDate, String, chrono::NaiveDateTime);
    let row: Option<Row> = po::table.find(id).select((po::id, po::program_id, po::number, po::signed_on, po::signatory, po::created_at)).first(conn).optional()?;
    let (id, program_id, number, signed_on, signatory, created_at) = row.ok_or_else(|| ApiError::not_found(format!("order {id}")))?;
    let (program_title, school_name): (String, String) = programs::table.inner_join(organizations::table).filter(programs::id.eq(program_id)).select((programs::title, organizations::name)).first(conn)?;
    let rows: Vec<PairRow> = pairs::table.filter(pairs::order_id.eq(id)).order(pairs::id).select(PairRow::as_select()).load(conn)?;
    Ok(PairingOrder { id, program_id, number, signed_on, signatory, school_name, program_title, pairs: to_pairs(conn, rows, school_id)?, created_at: created_at.and_utc() })
}

#[utoipa::path(
    tag = "pairing",
    summary = "Sign the order approving pairs and groups",
    description = "Every pair named must be proposed and belong to the programme; all are approved together or none.",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewPairingOrder,
    responses(
        (status = 201, body = PairingOrder, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "pair_not_proposed, order_number_taken, programme_closed"), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/orders")]
pub async fn create_order(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewPairingOrder>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let order = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?.open()?;
            let number = new.number.trim();
            let taken: i64 = po::table.filter(po::program_id.eq(program_id)).filter(po::number.eq(number)).count().get_result(conn)?;
            if taken > 0 {
                return Err(ApiError::conflict("order_number_taken", format!("the programme already has an order № {number}")));
            }
            for (i, &pair_id) in new.pair_ids.iter().enumerate() {
                let field = format!("pair_ids[{i}]");
                if new.pair_ids[..i].contains(&pair_id) {
                    return Err(ApiError::invalid_field(&field, "named twice"));
                }
                let status: Option<String> = pairs::table.filter(pairs::id.eq(pair_id)).filter(pairs::program_id.eq(program_id)).select(pairs::status).first(conn).optional()?;
                let status = status.ok_or_else(|| ApiError::invalid_field(&field, "no such pair in this programme"))?;
                if from_text::<PairStatus>(&status)? != PairStatus::Proposed {
                    return Err(ApiError::conflict("pair_not_proposed", format!("pair {pair_id} is {status}: an order approves proposed pairs")));
                }
            }
            let id: i64 = diesel::insert_into(po::table)
                .values((
                    po::program_id.eq(program_id),
                    po::number.eq(number),
                    po::signed_on.eq(new.signed_on),
                    po::signatory.eq(new.signatory.trim()),
                    po::created_by.eq(principal.user_id()),
                    po::created_at.eq(Utc::now().naive_utc()),
                ))
                .returning(po::id)
                .get_result(conn)?;
            let reason = format!("приказ № {number} от {}", new.signed_on.format("%d.%m.%Y"));
            for &pair_id in &new.pair_ids {
                approve(conn, pair_id, id, &reason, &principal.key())?;
            }
            load(conn, id, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Created().insert_header((header::LOCATION, format!("/api/v1/orders/{}", order.id))).json(order))
}

#[utoipa::path(
    tag = "pairing",
    summary = "An approval order with its pairs, for printing",
    params(("id" = i64, Path, description = "order id")),
    responses((status = 200, body = PairingOrder), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/orders/{id}")]
pub async fn get_order(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<PairingOrder>, ApiError> {
    let id = id.into_inner();
    let order = db
        .run(move |conn| {
            let program_id: Option<i64> = po::table.find(id).select(po::program_id).first(conn).optional()?;
            let program_id = program_id.ok_or_else(|| ApiError::not_found(format!("order {id}")))?;
            let scope = program_scope(conn, &principal, Action::ViewParticipants, program_id).map_err(|e| e.not_found_as(format!("order {id}")))?;
            load(conn, id, scope.school_id)
        })
        .await?;
    Ok(web::Json(order))
}

#[utoipa::path(
    tag = "pairing",
    summary = "The programme's approval orders",
    params(("id" = i64, Path, description = "programme id")),
    responses((status = 200, body = PairingOrderList), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/orders")]
pub async fn list_orders(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<web::Json<PairingOrderList>, ApiError> {
    let program_id = id.into_inner();
    let items = db
        .read(move |conn| {
            program_scope(conn, &principal, Action::ViewProgram, program_id)?;
            let orders: Vec<(i64, String, NaiveDate, String)> =
                po::table.filter(po::program_id.eq(program_id)).order(po::id).select((po::id, po::number, po::signed_on, po::signatory)).load(conn)?;
            let counted: Vec<Option<i64>> = pairs::table.filter(pairs::program_id.eq(program_id)).select(pairs::order_id).load(conn)?;
            Ok(orders
                .into_iter()
                .map(|(id, number, signed_on, signatory)| PairingOrderSummary { pairs: counted.iter().filter(|o| **o == Some(id)).count() as i64, id, number, signed_on, signatory })
                .collect())
        })
        .await?;
    Ok(web::Json(PairingOrderList { items }))
}
