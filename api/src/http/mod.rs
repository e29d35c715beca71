//! The HTTP conventions of API.md, each built once and used by every route.

pub mod client_address;
pub mod etag;
pub mod gzip;
pub mod idempotency;
pub mod json;
pub mod json_time;
pub mod nul;
pub mod pagination;
pub mod public_limit;
pub mod security_headers;

pub use etag::{IfMatch, Versioned};
pub use json::ValidJson;
pub use pagination::{Page, PageQuery, Paginated};
