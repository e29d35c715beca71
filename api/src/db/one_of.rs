//! `column IN (ids…)` with the ids bound as one value, so that the statement's text does not
//! depend on how many there are. diesel's `eq_any` writes a placeholder per id on SQLite, and
//! SQLite cannot cache such a statement: it parsed and planned it anew on every call, which was
//! a fifth of the work of a list like a programme's pairs. Bound as one JSON array on SQLite and
//! one array on PostgreSQL, the statement is prepared once per connection and reused.

use diesel::expression::{AppearsOnTable, Expression, SelectableExpression, ValidGrouping, is_aggregate};
use diesel::pg::Pg;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{Array, BigInt, Bool, Text};
use diesel::sqlite::Sqlite;
use diesel::QueryResult;

use super::pool::MultiBackend;

/// `column` is one of `ids`. Build it with [`one_of`].
#[derive(Debug, Clone)]
pub struct OneOf<C> {
    column: C,
    /// Bound on PostgreSQL.
    ids: Vec<i64>,
    /// The same ids as SQLite's `json_each` reads them. Made up front with the list, as the
    /// backend is known only while the statement is built, and a bound value must outlive that.
    json: String,
}

/// `column IN (ids…)` for a BIGINT column, in one bound value whatever the number of ids; an
/// empty list matches nothing, as `eq_any` does.
pub fn one_of<C>(column: C, ids: &[i64]) -> OneOf<C>
where
    C: Expression<SqlType = BigInt>,
{
    OneOf { column, ids: ids.to_vec(), json: json_array(ids) }
}

impl<C> Expression for OneOf<C> {
    type SqlType = Bool;
}

impl<C: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for OneOf<C> {}

impl<C: SelectableExpression<QS>, QS> SelectableExpression<QS> for OneOf<C> {}

impl<C, GroupBy> ValidGrouping<GroupBy> for OneOf<C> {
    type IsAggregate = is_aggregate::Never;
}

impl<C: QueryId + 'static> QueryId for OneOf<C> {
    type QueryId = OneOf<C::QueryId>;
    // The text is fixed by the column alone: the ids are a bound value.
    const HAS_STATIC_QUERY_ID: bool = C::HAS_STATIC_QUERY_ID;
}

impl<C: QueryFragment<Sqlite>> QueryFragment<Sqlite> for OneOf<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (SELECT value FROM json_each(");
        out.push_bind_param::<Text, _>(&self.json)?;
        out.push_sql("))");
        Ok(())
    }
}

impl<C: QueryFragment<Pg>> QueryFragment<Pg> for OneOf<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" = ANY(");
        out.push_bind_param::<Array<BigInt>, _>(&self.ids)?;
        out.push_sql(")");
        Ok(())
    }
}

impl<C: QueryFragment<Sqlite> + QueryFragment<Pg>> QueryFragment<MultiBackend> for OneOf<C> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        MultiBackend::walk_variant_ast(self, pass)
    }
}

/// `filter_one_of!(query, column, ids, |q| body)`: `body` with `q` the query filtered to `ids`, by
/// `=` when there is one id, by [`one_of`] otherwise. SQLite builds a temporary index for each
/// `one_of`, which took longer than a lookup of a single row. One statement cannot serve both:
/// diesel keeps a statement prepared under its type, so the two are statements of their own.
macro_rules! filter_one_of {
    ($query:expr, $column:expr, $ids:expr, |$q:ident| $body:expr) => {{
        let ids: &[i64] = &$ids;
        match ids {
            [id] => {
                let $q = $query.filter($column.eq(*id));
                $body
            }
            _ => {
                let $q = $query.filter($crate::db::one_of($column, ids));
                $body
            }
        }
    }};
}

pub(crate) use filter_one_of;

/// `[1,2,3]`: ids as one JSON value, for SQLite's `json_each`.
pub fn json_array(ids: &[i64]) -> String {
    let mut json = String::with_capacity(ids.len() * 8 + 2);
    json.push('[');
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&id.to_string());
    }
    json.push(']');
    json
}

#[cfg(test)]
mod tests {
    use super::json_array;

    #[test]
    fn ids_become_a_json_array() {
        assert_eq!(json_array(&[]), "[]");
        assert_eq!(json_array(&[7]), "[7]");
        assert_eq!(json_array(&[1, -2, 30]), "[1,-2,30]");
    }
}
