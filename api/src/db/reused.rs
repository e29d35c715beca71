//! A hand-written statement that the connection prepares once and then reuses.
//!
//! diesel never caches what `sql_query` builds, nor any `IN (…)` list: their text may change from
//! call to call, and a cache keyed by it could grow without end. A statement whose text is fixed
//! is safe to cache all the same, and preparing one costs more than running it: the ancestry
//! query of every authorized request was a sixth of a list's work, spent parsing the same text.
//! Wrapped in [`reused`], such a statement is cached under its text like any other.

use diesel::backend::Backend;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::{QueryResult, RunQueryDsl};

/// A statement with a fixed text. Build it with [`reused`].
#[derive(Debug, Clone)]
pub struct Reused<Q>(Q);

/// Lets the connection keep `query` prepared, keyed by its text. Only for text that never
/// changes with the values: a text built from data (a placeholder per row, say) would fill the
/// connection's cache with statements used once.
pub fn reused<Q>(query: Q) -> Reused<Q> {
    Reused(query)
}

impl<Q: Query> Query for Reused<Q> {
    type SqlType = Q::SqlType;
}

impl<Q> QueryId for Reused<Q> {
    type QueryId = ();
    // Keyed by the text, not by the type: every `sql_query` has the same type.
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: QueryFragment<DB>, DB: Backend> QueryFragment<DB> for Reused<Q> {
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> QueryResult<bool> {
        Ok(true)
    }
}

impl<Q, Conn> RunQueryDsl<Conn> for Reused<Q> {}
