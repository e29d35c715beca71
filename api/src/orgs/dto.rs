use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use validator::{Validate, ValidationError};

use crate::auth::{Role, password};
use crate::http::Versioned;
use crate::http::etag::etag_value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    Region,
    Institute,
    School,
}

impl OrganizationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Region => "region",
            Self::Institute => "institute",
            Self::School => "school",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Region, Self::Institute, Self::School].into_iter().find(|k| k.as_str() == s)
    }

    /// The tree is region → institute → school.
    pub fn parent_kind(self) -> Option<Self> {
        match self {
            Self::Region => None,
            Self::Institute => Some(Self::Region),
            Self::School => Some(Self::Institute),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Organization {
    pub id: i64,
    pub kind: OrganizationKind,
    pub parent_id: Option<i64>,
    #[schema(example = "МБОУ СОШ с. Кремово")]
    pub name: String,
    pub short_name: Option<String>,
    /// Stable, URL-safe; the school website's page is `/public/schools/{slug}`.
    #[schema(example = "mbou-sosh-s-kremovo")]
    pub slug: String,
    /// IANA time zone: "today" and "overdue" are the school's.
    #[schema(example = "Asia/Vladivostok")]
    pub time_zone: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(skip)]
    pub version: i64,
}

impl Versioned for Organization {
    fn etag(&self) -> String {
        etag_value("organization", self.id, self.version)
    }
}

pub fn validate_time_zone(tz: &str) -> Result<(), ValidationError> {
    tz.parse::<chrono_tz::Tz>()
        .map(|_| ())
        .map_err(|_| ValidationError::new("time_zone").with_message("must be an IANA time zone, e.g. Europe/Moscow".into()))
}

pub fn validate_slug(slug: &str) -> Result<(), ValidationError> {
    let ok = (2..=64).contains(&slug.len())
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if ok { Ok(()) } else { Err(ValidationError::new("slug").with_message("2–64 of a-z, 0-9 and inner hyphens".into())) }
}

fn not_blank(s: &str) -> Result<(), ValidationError> {
    if s.trim().is_empty() { Err(ValidationError::new("blank").with_message("must not be blank".into())) } else { Ok(()) }
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"kind": "school", "parent_id": 2, "name": "МБОУ СОШ с. Кремово", "time_zone": "Asia/Vladivostok"}))]
pub struct NewOrganization {
    pub kind: OrganizationKind,
    /// Required for institutes (a region) and schools (an institute); null for a region.
    pub parent_id: Option<i64>,
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 300)]
    pub name: String,
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub short_name: Option<String>,
    /// Made from the name when absent.
    #[validate(custom(function = "validate_slug"))]
    #[schema(min_length = 2, max_length = 64, pattern = "^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    pub slug: Option<String>,
    #[validate(custom(function = "validate_time_zone"))]
    #[schema(example = "Europe/Moscow")]
    pub time_zone: String,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct OrganizationPatch {
    #[validate(length(min = 1, max = 300), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 300)]
    pub name: Option<String>,
    /// An empty string clears it.
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub short_name: Option<String>,
    #[validate(custom(function = "validate_slug"))]
    #[schema(min_length = 2, max_length = 64, pattern = "^[a-z0-9][a-z0-9-]*[a-z0-9]$")]
    pub slug: Option<String>,
    #[validate(custom(function = "validate_time_zone"))]
    pub time_zone: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrganizationFilter {
    /// Only the children of this organisation.
    pub parent_id: Option<i64>,
    pub kind: Option<OrganizationKind>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct AgeGroup {
    #[schema(minimum = 5, maximum = 30, example = 12)]
    pub age: i32,
    #[schema(minimum = 0, maximum = 100000, example = 48)]
    pub students: i32,
}

/// Students of the school by age on a reference date: the denominator of the headline indicator.
#[derive(Debug, Serialize, ToSchema)]
pub struct Contingent {
    pub organization_id: i64,
    /// Null until the school's contingent is first given.
    pub reference_date: Option<NaiveDate>,
    pub age_groups: Vec<AgeGroup>,
    pub total: i64,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"reference_date": "2026-09-01", "age_groups": [{"age": 10, "students": 41}, {"age": 11, "students": 38}]}))]
pub struct ContingentUpdate {
    pub reference_date: NaiveDate,
    #[validate(length(min = 1, max = 26), custom(function = "validate_age_groups"))]
    #[schema(min_items = 1, max_items = 26)]
    pub age_groups: Vec<AgeGroup>,
}

fn validate_age_groups(groups: &[AgeGroup]) -> Result<(), ValidationError> {
    let fail = |m: &'static str| Err(ValidationError::new("age_groups").with_message(m.into()));
    if groups.iter().any(|g| !(5..=30).contains(&g.age)) {
        return fail("ages must be between 5 and 30");
    }
    if groups.iter().any(|g| !(0..=100_000).contains(&g.students)) {
        return fail("students must be between 0 and 100000");
    }
    let mut ages: Vec<i32> = groups.iter().map(|g| g.age).collect();
    ages.sort_unstable();
    ages.dedup();
    if ages.len() != groups.len() {
        return fail("each age may appear once");
    }
    Ok(())
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Membership {
    pub id: i64,
    pub user_id: i64,
    pub organization_id: i64,
    pub organization_name: String,
    pub organization_kind: OrganizationKind,
    pub role: Role,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub is_system_admin: bool,
    pub memberships: Vec<Membership>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub full_name: String,
    pub is_system_admin: bool,
    pub is_active: bool,
    pub memberships: Vec<Membership>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(skip)]
    pub version: i64,
}

impl Versioned for User {
    fn etag(&self) -> String {
        etag_value("user", self.id, self.version)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate, ToSchema)]
pub struct NewMembership {
    pub organization_id: i64,
    pub role: Role,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "kurator@school.ru", "full_name": "Иванова Анна Петровна", "password": "надёжный-пароль", "memberships": [{"organization_id": 3, "role": "curator"}]}))]
pub struct NewUser {
    #[validate(email, length(max = 254))]
    #[schema(format = "email", max_length = 254)]
    pub email: String,
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 200)]
    pub full_name: String,
    #[validate(custom(function = "password::validate"))]
    #[schema(min_length = 10, max_length = 128)]
    pub password: String,
    #[validate(length(max = 20), nested)]
    #[serde(default)]
    #[schema(max_items = 20)]
    pub memberships: Vec<NewMembership>,
}

#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct UserPatch {
    #[validate(length(min = 1, max = 200), custom(function = "not_blank"))]
    #[schema(min_length = 1, max_length = 200)]
    pub full_name: Option<String>,
    /// Deactivating ends every sign-in of the user at once.
    pub is_active: Option<bool>,
    #[validate(custom(function = "password::validate"))]
    #[schema(min_length = 10, max_length = 128)]
    pub password: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UserFilter {
    /// Only users with a membership in this organisation or below it.
    pub organization_id: Option<i64>,
    /// Part of the name or e-mail, any case (Cyrillic too).
    pub q: Option<String>,
}
