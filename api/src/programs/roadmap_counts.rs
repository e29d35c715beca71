//! The database's count of a roadmap's progress, as one select expression of fixed text.
//!
//! The same counts written with diesel's `count(case_when(..))` bound the two status names five
//! times and made diesel walk a tree of fifteen nodes on every execution, to collect the binds of
//! a statement it already held prepared: a twentieth of a programme list's work. Here the status
//! names are part of the text, and the one bind is the school's today. The type alone fixes the
//! text, so the prepared statement is found by its type.

use chrono::NaiveDate;
use diesel::QueryResult;
use diesel::backend::Backend;
use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping, is_aggregate};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, Date};
use diesel::sqlite::Sqlite;

/// Of `roadmap_activities`, per group: done, counted (all but cancelled), and overdue on
/// `today` (open, with the deadline passed). `progress::measure` counts the same from the rows.
#[derive(Debug, Clone, Copy, QueryId)]
pub struct RoadmapCounts {
    pub today: NaiveDate,
}

/// The status names of `ActivityStatus::{Done, Cancelled}`; a test checks that they agree.
/// `FILTER` rather than `CASE`, and the deadline tested first: SQLite runs a third fewer steps.
const COUNTS: &str = "count(*) FILTER (WHERE status = 'done'), \
     count(*) FILTER (WHERE status <> 'cancelled'), \
     count(*) FILTER (WHERE ";
const OPEN: &str = " AND status <> 'done' AND status <> 'cancelled')";
/// SQLite gives a DATE column numeric affinity, so `deadline < ?` tried to read both dates as
/// numbers on every row (a tenth of the statement) before comparing them as the text they are.
/// `+deadline` has no affinity: the dates compare as text at once, in the same order.
const SQLITE_PAST_DEADLINE: &str = "+deadline < ";
const POSTGRES_PAST_DEADLINE: &str = "deadline < ";

impl Expression for RoadmapCounts {
    type SqlType = (BigInt, BigInt, BigInt);
}

impl RoadmapCounts {
    fn walk<'b, DB: Backend>(&'b self, mut out: AstPass<'_, 'b, DB>, past_deadline: &'static str) -> QueryResult<()>
    where
        NaiveDate: ToSql<Date, DB>,
    {
        out.push_sql(COUNTS);
        out.push_sql(past_deadline);
        out.push_bind_param::<Date, _>(&self.today)?;
        out.push_sql(OPEN);
        Ok(())
    }
}

impl QueryFragment<Sqlite> for RoadmapCounts {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.walk(out, SQLITE_PAST_DEADLINE)
    }
}

impl QueryFragment<Pg> for RoadmapCounts {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.walk(out, POSTGRES_PAST_DEADLINE)
    }
}

// Only `roadmap_activities` has the columns named; the one statement using it selects from it.
impl AppearsOnTable<crate::db::schema::roadmap_activities::table> for RoadmapCounts {}
impl SelectableExpression<crate::db::schema::roadmap_activities::table> for RoadmapCounts {}

impl<GroupBy> ValidGrouping<GroupBy> for RoadmapCounts {
    type IsAggregate = is_aggregate::Yes;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::programs::status::ActivityStatus;

    #[test]
    fn the_text_names_the_statuses_as_stored() {
        for status in [ActivityStatus::Done, ActivityStatus::Cancelled] {
            assert!(format!("{COUNTS}{OPEN}").contains(&format!("'{}'", status.as_str())), "{}", status.as_str());
        }
    }
}
