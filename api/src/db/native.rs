//! Statements run on the backend's own connection rather than through [`DbConnection`].
//!
//! `DbConnection` is diesel's `MultiConnection`. Its wrapper renders a statement's whole SQL
//! text on every execution, and twice: once to ask whether the statement may be cached, once
//! while it collects the binds. It does so even when the connection already holds the statement
//! prepared. On a short list that rendering was a fifth of the request's work. Run on the
//! `SqliteConnection` or `PgConnection` inside, a statement whose type fixes its text is found in
//! the cache by its type, and its text is never built again.
//!
//! Worth it for the reads every request makes (authorization's ancestry) and for the lists read
//! most. Everything else goes through `DbConnection`, which reads more simply.
//!
//! [`DbConnection`]: super::DbConnection

/// `natively!(conn, |c| query.load(c))`: runs `body` with `c` bound to the backend's own
/// connection. `body` is compiled once for each backend, so it builds its statement itself.
macro_rules! natively {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($c) => $body,
            $crate::db::DbConnection::Postgresql($c) => $body,
        }
    };
}

pub(crate) use natively;
