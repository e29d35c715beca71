//! The one place that decides who may do what. Handlers ask `authorize`; they never look at
//! roles themselves. Outside the caller's subtree a resource is 404, exactly as if it did not
//! exist; inside it, a role that lacks the right gets 403.

use super::api_tokens::Scope;
use super::principal::{Actor, Principal};
use super::Role;
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::orgs::store::ancestry;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ViewOrganization,
    ManageOrganization,
    ManageContingent,
    ViewUsers,
    ManageUsers,
    ManageApiTokens,
    ViewProgram,
    ManageProgram,
    ManageRoadmapTemplate,
    ViewParticipants,
    ManageParticipants,
    /// Disability, difficult life situation, behaviour, being on a register.
    ViewSensitive,
    ViewAudit,
    /// Support for mentees left without a pair, and pairs that must never be made: the
    /// psychologist's work beside the curator's.
    SupportMentees,
    /// Writing up a best practice and submitting it: the school's staff who run the programme.
    WritePractice,
    /// Publishing a submitted practice to the region's library: the institute's methodological
    /// control (DOMAIN.md), and the region above it.
    PublishPractice,
    /// The regional roll-up: every school of a region or institute as a row of figures.
    ViewRegionalReports,
    /// Opening, refreshing and closing report periods.
    ManageReportPeriods,
}

fn role_allows(role: Role, action: Action) -> bool {
    use Action::*;
    use Role::*;
    match action {
        ViewOrganization => true,
        ManageOrganization | ManageContingent | ManageUsers | ManageApiTokens => {
            matches!(role, RegionAdmin | Institute | SchoolAdmin)
        }
        ViewUsers => matches!(role, RegionAdmin | Institute | SchoolAdmin | Coordinator | Curator),
        // The institute controls implementation across schools; the school's staff runs it.
        ViewProgram => matches!(role, RegionAdmin | Institute | SchoolAdmin | Coordinator | Curator | Psychologist),
        ManageProgram => matches!(role, SchoolAdmin | Coordinator | Curator),
        ManageRoadmapTemplate => matches!(role, RegionAdmin | Institute),
        // The institute loads participants by script; the region sees figures only.
        ViewParticipants => matches!(role, Institute | SchoolAdmin | Coordinator | Curator | Psychologist),
        ManageParticipants => matches!(role, Institute | SchoolAdmin | Coordinator | Curator),
        ViewSensitive => matches!(role, SchoolAdmin | Curator | Psychologist),
        ViewAudit => matches!(role, SchoolAdmin),
        SupportMentees => matches!(role, SchoolAdmin | Coordinator | Curator | Psychologist),
        WritePractice => matches!(role, SchoolAdmin | Coordinator | Curator),
        PublishPractice => matches!(role, RegionAdmin | Institute),
        // The region and its institute control implementation across schools (seed 003); a
        // school's staff sees its own programme, not its neighbours'.
        ViewRegionalReports | ManageReportPeriods => matches!(role, RegionAdmin | Institute),
    }
}

/// What an API token's scopes let it do; issuing more tokens is never one of them.
fn scope_allows(scopes: &[Scope], action: Action) -> bool {
    let needed = match action {
        Action::ViewOrganization => Scope::OrganizationsRead,
        Action::ManageOrganization | Action::ManageContingent => Scope::OrganizationsWrite,
        Action::ViewUsers => Scope::UsersRead,
        Action::ManageUsers => Scope::UsersWrite,
        Action::ViewProgram => Scope::ProgramsRead,
        Action::ManageProgram | Action::ManageRoadmapTemplate | Action::SupportMentees | Action::WritePractice | Action::PublishPractice => Scope::ProgramsWrite,
        Action::ViewParticipants => Scope::ParticipantsRead,
        Action::ViewRegionalReports => Scope::ProgramsRead,
        Action::ManageReportPeriods => Scope::ProgramsWrite,
        Action::ManageParticipants => Scope::ParticipantsWrite,
        Action::ViewSensitive | Action::ViewAudit => return false,
        Action::ManageApiTokens => return false,
    };
    scopes.contains(&needed)
}

#[derive(Debug, PartialEq, Eq)]
pub enum Decision {
    Allow,
    Forbidden,
    NotFound,
}

impl Principal {
    /// The decision for `action` on an organisation, given its ancestry (itself first, then up).
    pub fn decide(&self, action: Action, ancestry: &[i64]) -> Decision {
        if self.is_system_admin() {
            return Decision::Allow;
        }
        let covering: Vec<Role> =
            self.grants.iter().filter(|g| ancestry.contains(&g.organization_id)).map(|g| g.role).collect();
        if covering.is_empty() {
            return Decision::NotFound;
        }
        let scoped = match &self.actor {
            Actor::ApiToken { scopes, .. } => scope_allows(scopes, action),
            Actor::User { .. } => true,
        };
        if scoped && covering.iter().any(|r| role_allows(*r, action)) { Decision::Allow } else { Decision::Forbidden }
    }

    /// Whether a grant on the organisation itself allows `action`: then so does `decide`, whatever
    /// lies above it. A system administrator holds no grant, so the tree is still read, and an
    /// organisation that does not exist is still 404.
    pub fn grant_on_itself_allows(&self, action: Action, organization_id: i64) -> bool {
        !self.is_system_admin() && self.decide(action, &[organization_id]) == Decision::Allow
    }

    /// The school's own staff, who may see figures about fewer than 5 children: a role at the
    /// school itself that works with its participants. The institute and the region above it,
    /// and the system's administrators, are not.
    pub fn is_school_staff(&self, school_id: i64) -> bool {
        let scoped = match &self.actor {
            Actor::ApiToken { scopes, .. } => scope_allows(scopes, Action::ViewParticipants),
            Actor::User { .. } => true,
        };
        scoped
            && self.grants.iter().any(|g| g.organization_id == school_id && matches!(g.role, Role::SchoolAdmin | Role::Coordinator | Role::Curator | Role::Psychologist))
    }

    /// Whether any of the caller's grants allows `action` somewhere (for lists).
    pub fn grants_allowing(&self, action: Action) -> Vec<i64> {
        let scoped = match &self.actor {
            Actor::ApiToken { scopes, .. } => scope_allows(scopes, action),
            Actor::User { .. } => true,
        };
        if !scoped {
            return Vec::new();
        }
        self.grants.iter().filter(|g| role_allows(g.role, action)).map(|g| g.organization_id).collect()
    }
}

/// Loads the organisation's place in the tree and asks the principal; 404 for an organisation
/// that does not exist or lies outside the caller's subtree.
pub fn authorize(conn: &mut DbConnection, principal: &Principal, action: Action, organization_id: i64) -> Result<(), ApiError> {
    // Most requests are a school's staff at work in their own school. A grant there that allows
    // the action settles it: roles from above could only allow more, and the school exists, since
    // a membership goes with its organisation. The tree is read only when that does not settle it.
    if principal.grant_on_itself_allows(action, organization_id) {
        return Ok(());
    }
    let chain = ancestry(conn, organization_id)?;
    match principal.decide(action, &chain) {
        Decision::Allow => Ok(()),
        Decision::Forbidden => Err(ApiError::forbidden()),
        Decision::NotFound => Err(ApiError::not_found(format!("organisation {organization_id}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::principal::Grant;

    fn user(grants: &[(i64, Role)]) -> Principal {
        Principal {
            actor: Actor::User { id: 1, is_system_admin: false },
            grants: grants.iter().map(|&(organization_id, role)| Grant { organization_id, role }).collect(),
        }
    }

    // Region 1 → institute 2 → schools 3 and 4.
    const SCHOOL_3: [i64; 3] = [3, 2, 1];
    const SCHOOL_4: [i64; 3] = [4, 2, 1];

    #[test]
    fn only_the_school_itself_is_its_staff() {
        assert!(user(&[(3, Role::Psychologist)]).is_school_staff(3));
        assert!(!user(&[(3, Role::Mentor)]).is_school_staff(3), "a mentor is not the staff who see small counts");
        assert!(!user(&[(2, Role::Institute)]).is_school_staff(3), "the institute may read the base, yet sees no small counts");
        assert!(!user(&[(3, Role::Curator)]).is_school_staff(4));
        let admin = Principal { actor: Actor::User { id: 1, is_system_admin: true }, grants: Vec::new() };
        assert!(!admin.is_school_staff(3));
    }

    #[test]
    fn subtree_and_roles() {
        let curator = user(&[(3, Role::Curator)]);
        assert_eq!(curator.decide(Action::ViewOrganization, &SCHOOL_3), Decision::Allow);
        assert_eq!(curator.decide(Action::ManageUsers, &SCHOOL_3), Decision::Forbidden);
        assert_eq!(curator.decide(Action::ViewOrganization, &SCHOOL_4), Decision::NotFound);
        assert_eq!(curator.decide(Action::ViewOrganization, &[2, 1]), Decision::NotFound);

        let institute = user(&[(2, Role::Institute)]);
        assert_eq!(institute.decide(Action::ManageContingent, &SCHOOL_4), Decision::Allow);
        assert_eq!(institute.decide(Action::ManageOrganization, &[1]), Decision::NotFound);
    }

    /// The shortcut of `authorize` allows only what reading the tree would allow, and leaves
    /// administrators, grants from above and refusals to the tree.
    #[test]
    fn a_grant_on_the_school_itself_settles_only_what_the_tree_would_allow() {
        use Action::*;
        let actions = [
            ViewOrganization, ManageOrganization, ManageContingent, ViewUsers, ManageUsers, ManageApiTokens, ViewProgram,
            ManageProgram, ManageRoadmapTemplate, ViewParticipants, ManageParticipants, ViewSensitive, ViewAudit,
            SupportMentees, WritePractice, PublishPractice, ViewRegionalReports, ManageReportPeriods,
        ];
        for role in Role::ALL {
            for action in actions {
                let staff = user(&[(3, role)]);
                let settled = staff.grant_on_itself_allows(action, 3);
                assert_eq!(settled, staff.decide(action, &SCHOOL_3) == Decision::Allow, "{role:?} {action:?}");
                assert!(!staff.grant_on_itself_allows(action, 4), "{role:?} {action:?} on another school");
                assert!(!user(&[(2, role)]).grant_on_itself_allows(action, 3), "a grant from above reads the tree");
            }
        }
        let admin = Principal { actor: Actor::User { id: 1, is_system_admin: true }, grants: Vec::new() };
        assert!(!admin.grant_on_itself_allows(ViewOrganization, 3), "an administrator's school must still exist");
    }

    #[test]
    fn api_token_is_narrowed_by_scopes() {
        let token = Principal {
            actor: Actor::ApiToken { id: 9, scopes: vec![Scope::OrganizationsRead] },
            grants: vec![Grant { organization_id: 2, role: Role::Institute }],
        };
        assert_eq!(token.decide(Action::ViewOrganization, &SCHOOL_3), Decision::Allow);
        assert_eq!(token.decide(Action::ManageContingent, &SCHOOL_3), Decision::Forbidden);
        assert_eq!(token.decide(Action::ManageApiTokens, &[2, 1]), Decision::Forbidden);
        assert_eq!(token.decide(Action::ViewOrganization, &[1]), Decision::NotFound);
    }
}
