//! Who may do what, written out here from DOMAIN.md ("Who uses it") and DESIGN.md ("Who may do
//! what") rather than read from the service: the matrix checks the service against this, so the
//! two must be kept apart.

use std::fmt;

/// The callers of the matrix: a demo user for every role, the system administrator, and nobody.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Who {
    Admin,
    Region,
    Iro,
    Director,
    Coordinator,
    Curator,
    Psychologist,
    Mentor,
    Mentee,
    Anonymous,
}

use Who::*;

pub const EVERYONE: [Who; 10] = [Admin, Region, Iro, Director, Coordinator, Curator, Psychologist, Mentor, Mentee, Anonymous];

impl Who {
    /// The demo login (`<login>@demo.nastavnik.ru`); nobody has none.
    pub fn login(self) -> Option<&'static str> {
        Some(match self {
            Admin => "admin",
            Region => "region",
            Iro => "iro",
            Director => "director",
            Coordinator => "coordinator",
            Curator => "curator",
            Psychologist => "psychologist",
            Mentor => "mentor",
            Mentee => "mentee",
            Anonymous => return None,
        })
    }
}

/// Every role held in an organisation (not the system administrator, not nobody).
pub const ROLES: &[Who] = &[Region, Iro, Director, Coordinator, Curator, Psychologist, Mentor, Mentee];
/// The region and its institute: they sit above the schools.
pub const REGIONAL: &[Who] = &[Region, Iro];

// What each kind of work needs (DOMAIN.md). The region sees figures, not children; the institute
// loads participants by script; the school's staff run the programme; a psychologist analyses and
// supports; mentors and mentees see only their own pair.
pub const ADMINISTER: &[Who] = &[Region, Iro, Director]; // organisations, contingents, users, API tokens
pub const VIEW_USERS: &[Who] = &[Region, Iro, Director, Coordinator, Curator];
pub const VIEW_PROGRAM: &[Who] = &[Region, Iro, Director, Coordinator, Curator, Psychologist];
pub const MANAGE_PROGRAM: &[Who] = &[Director, Coordinator, Curator];
pub const VIEW_PARTICIPANTS: &[Who] = &[Iro, Director, Coordinator, Curator, Psychologist];
pub const MANAGE_PARTICIPANTS: &[Who] = &[Iro, Director, Coordinator, Curator];
pub const VIEW_AUDIT: &[Who] = &[Director];
pub const SUPPORT_MENTEES: &[Who] = &[Director, Coordinator, Curator, Psychologist];
/// The school's staff who run the programme write up its practices; the region's side publishes.
pub const WRITE_PRACTICE: &[Who] = MANAGE_PROGRAM;
/// Survey templates: the school's staff for the school, the region's side for the whole region.
pub const WRITE_TEMPLATES: &[Who] = &[Region, Iro, Director, Coordinator, Curator];
/// A pair is read by the staff who see participants and by its own mentor and mentee (the
/// demo mentor and mentee are linked to the own school's pair) …
pub const PAIR_READERS: &[Who] = &[Iro, Director, Coordinator, Curator, Psychologist, Mentor, Mentee];
/// … its meetings are logged by the staff who run the programme and by its own people …
pub const PAIR_WRITERS: &[Who] = &[Director, Coordinator, Curator, Mentor, Mentee];
/// … and its plan is kept by the staff and its mentor; the mentee reads it.
pub const PLAN_WRITERS: &[Who] = &[Director, Coordinator, Curator, Mentor];
/// A submitted practice is seen by the school's writers and by the region's side that reviews it.
pub const SEE_SUBMITTED: &[Who] = &[Region, Iro, Director, Coordinator, Curator];

/// What an operation needs: its row's expectation for every caller on either school.
#[derive(Debug, Clone, Copy)]
pub enum Need {
    /// No sign-in: public data, or a secret in the path.
    Public,
    /// Anyone signed in; what comes back is narrowed to their reach.
    SignedIn,
    /// A school's resource: `roles` may; the rest of the school's tree gets 403.
    School(&'static [Who]),
    /// An institute's resource: roles at a school lie outside its subtree (404).
    Institute(&'static [Who]),
    /// A resource only some roles see at all (a draft practice): `sees` without `roles` get 403,
    /// the others 404 as if it did not exist.
    Seen { roles: &'static [Who], sees: &'static [Who] },
    /// Addressed to these callers themselves; everyone else, the administrator too, gets 404.
    Only(&'static [Who]),
    /// Each caller's own resource; someone else's is 404 for everybody.
    Mine,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Anything the handler answers after authorisation: 2xx, 409, 422… but not 401/403/404/5xx.
    Allow,
    Forbidden,
    NotFound,
    Unauthorized,
}

impl fmt::Display for Expect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expect::Allow => "allowed",
            Expect::Forbidden => "403",
            Expect::NotFound => "404",
            Expect::Unauthorized => "401",
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The demo school (and its institute), where every demo user works.
    Own,
    /// A school of another region, where none of them does.
    Foreign,
}

impl Side {
    pub fn name(self) -> &'static str {
        match self {
            Side::Own => "own",
            Side::Foreign => "foreign",
        }
    }
}

/// The matrix cell: what `who` gets from an operation needing `need` on `side`'s resource.
pub fn expect(need: Need, who: Who, side: Side) -> Expect {
    let own = side == Side::Own;
    match need {
        Need::Public => Expect::Allow,
        _ if who == Anonymous => Expect::Unauthorized,
        Need::SignedIn => Expect::Allow,
        Need::Mine => {
            if own { Expect::Allow } else { Expect::NotFound }
        }
        Need::Only(callers) => {
            if own && callers.contains(&who) { Expect::Allow } else { Expect::NotFound }
        }
        Need::School(roles) => seen(roles, ROLES, who, own),
        Need::Institute(roles) => seen(roles, REGIONAL, who, own),
        Need::Seen { roles, sees } => seen(roles, sees, who, own),
    }
}

/// The system administrator reaches everything; on another region's school every role gets 404,
/// and so does a role on what it does not see.
fn seen(roles: &[Who], sees: &[Who], who: Who, own: bool) -> Expect {
    if who == Admin {
        Expect::Allow
    } else if !own || !sees.contains(&who) {
        Expect::NotFound
    } else if roles.contains(&who) {
        Expect::Allow
    } else {
        Expect::Forbidden
    }
}
