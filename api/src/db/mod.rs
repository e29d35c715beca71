//! The database: one diesel codebase over SQLite (the embedded default) and PostgreSQL.

pub mod bulk;
mod group_commit;
mod migrations;
mod native;
mod one_of;
pub mod pool;
mod reused;
pub mod schema;
pub mod stamp;
pub mod text;

pub use migrations::run_migrations;
pub(crate) use native::natively;
pub use group_commit::Work;
pub use one_of::{json_array, one_of};
pub(crate) use one_of::filter_one_of;
pub use reused::reused;
pub use pool::{Backend, Db, DbConnection, DbUrl, transaction, write_derived};
