//! Failed sign-ins are limited per account and per address. The count lives in the database so
//! that every instance behind a load balancer sees the same one.

use chrono::{Duration, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::login_failures;
use crate::error::ApiError;

const WINDOW_MINUTES: i64 = 15;
const PER_ACCOUNT: i64 = 5;
const PER_ADDRESS: i64 = 30;

pub fn check(conn: &mut DbConnection, email: &str, address: &str) -> Result<(), ApiError> {
    let since = Utc::now().naive_utc() - Duration::minutes(WINDOW_MINUTES);
    let by_account: i64 = login_failures::table
        .filter(login_failures::email.eq(email))
        .filter(login_failures::failed_at.gt(since))
        .count()
        .get_result(conn)?;
    let by_address: i64 = login_failures::table
        .filter(login_failures::address.eq(address))
        .filter(login_failures::failed_at.gt(since))
        .count()
        .get_result(conn)?;
    if by_account >= PER_ACCOUNT || by_address >= PER_ADDRESS {
        return Err(ApiError::new(
            actix_web::http::StatusCode::TOO_MANY_REQUESTS,
            "too_many_attempts",
            format!("too many failed sign-ins; try again in {WINDOW_MINUTES} minutes"),
        ));
    }
    Ok(())
}

pub fn record_failure(conn: &mut DbConnection, email: &str, address: &str) -> Result<(), ApiError> {
    let now = Utc::now().naive_utc();
    diesel::insert_into(login_failures::table)
        .values((login_failures::email.eq(email), login_failures::address.eq(address), login_failures::failed_at.eq(now)))
        .execute(conn)?;
    // Old rows serve no limit any more; dropping them here keeps the table small without a cron.
    diesel::delete(login_failures::table.filter(login_failures::failed_at.lt(now - Duration::days(1)))).execute(conn)?;
    Ok(())
}

pub fn clear(conn: &mut DbConnection, email: &str) -> Result<(), ApiError> {
    diesel::delete(login_failures::table.filter(login_failures::email.eq(email))).execute(conn)?;
    Ok(())
}
