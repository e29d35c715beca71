//! The database: one diesel codebase over SQLite (the embedded default) and PostgreSQL.

pub mod bulk;
mod group_commit;
mod migrations;
pub mod pool;
pub mod schema;
pub mod text;

pub use migrations::run_migrations;
pub use group_commit::Work;
pub use pool::{Backend, Db, DbConnection, DbUrl, transaction, write_derived};
