//! The OpenAPI schema of a criterion's weight: the engine (de)serialises it by hand as a number
//! of points or the string "must", so its schema is written by hand too.

use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use super::matching::Weight;

impl PartialSchema for Weight {
    fn schema() -> RefOr<Schema> {
        let points = ObjectBuilder::new().schema_type(SchemaType::Type(Type::Integer)).minimum(Some(0)).maximum(Some(10)).description(Some("points, 0–10"));
        let must = ObjectBuilder::new().schema_type(SchemaType::Type(Type::String)).enum_values(Some(["must"])).description(Some("the pair is impossible when the criterion contributes nothing"));
        RefOr::T(Schema::OneOf(OneOfBuilder::new().item(points).item(must).build()))
    }
}

impl ToSchema for Weight {}
