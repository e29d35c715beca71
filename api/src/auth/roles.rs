use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::orgs::OrganizationKind;

/// A person's role inside one organisation (DOMAIN.md, "Who uses it"). The system administrator
/// is a flag on the user, not a role in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    RegionAdmin,
    Institute,
    SchoolAdmin,
    Coordinator,
    Curator,
    Psychologist,
    Mentor,
    Mentee,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::RegionAdmin,
        Role::Institute,
        Role::SchoolAdmin,
        Role::Coordinator,
        Role::Curator,
        Role::Psychologist,
        Role::Mentor,
        Role::Mentee,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::RegionAdmin => "region_admin",
            Role::Institute => "institute",
            Role::SchoolAdmin => "school_admin",
            Role::Coordinator => "coordinator",
            Role::Curator => "curator",
            Role::Psychologist => "psychologist",
            Role::Mentor => "mentor",
            Role::Mentee => "mentee",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Which kind of organisation a role lives in.
    pub fn fits(self, kind: OrganizationKind) -> bool {
        match self {
            Role::RegionAdmin => kind == OrganizationKind::Region,
            Role::Institute => kind == OrganizationKind::Institute,
            _ => kind == OrganizationKind::School,
        }
    }

    /// The role an API token of an organisation acts with, before its scopes narrow it.
    pub fn for_api_token(kind: OrganizationKind) -> Role {
        match kind {
            OrganizationKind::Region => Role::RegionAdmin,
            OrganizationKind::Institute => Role::Institute,
            OrganizationKind::School => Role::SchoolAdmin,
        }
    }
}
