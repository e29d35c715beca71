//! One row of the matrix: an operation, what it needs, what its path points at, and a body shaped
//! by its schema, so that extraction passes and authorisation is what answers.

use serde_json::Value;

use super::expect::Need;
use super::world::World;

/// What fills the operation's path parameter (and what its body may refer to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Res {
    None,
    Institute,
    School,
    Slug,
    Programme,
    Pair,
    Meeting,
    Order,
    Run,
    /// A child of the school in no pair.
    Participant,
    Mentor,
    /// A mentee enrolment waiting for a pair.
    WaitingMentee,
    MediaItem,
    Activity,
    Award,
    Certificate,
    Survey,
    SurveyLink,
    Template,
    Period,
    ImportJob,
    ApiToken,
    User,
    FeedToken,
    DraftPractice,
    PublishedPractice,
    /// Made anew for each cell that may use it up (a deletion, a withdrawal, a state change).
    Fresh(Fresh),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fresh {
    Meeting,
    Participant,
    Consent,
    MediaItem,
    Activity,
    Constraint,
    DraftPractice,
    SubmittedPractice,
    Membership,
    /// The caller's own calendar address; on the foreign side, someone else's.
    MyFeed,
    RefreshToken,
}

/// What the body and the query are built from: the side's world, the resource of the cell, and a
/// number no other request has used.
pub struct Ctx<'a> {
    pub w: &'a World,
    pub res: String,
    pub n: usize,
}

#[derive(Clone, Copy)]
pub enum Body {
    None,
    Json(fn(&Ctx) -> Value),
    Csv(fn(&Ctx) -> String),
}

#[derive(Clone, Copy)]
pub struct Row {
    pub op: &'static str,
    pub need: Need,
    pub res: Res,
    pub body: Body,
    pub query: Option<fn(&Ctx) -> String>,
    /// A body for the own school's resource that names things of the foreign school instead
    /// (own world, foreign world): whoever may call the operation must be refused, 4xx, and
    /// told nothing about them. A JSON string is sent as the file of a CSV row.
    pub across: Option<fn(&World, &World) -> Value>,
    /// Changes its resource for good (closing, revoking): runs after every other row.
    pub last: bool,
}

pub fn row(op: &'static str, need: Need, res: Res) -> Row {
    Row { op, need, res, body: Body::None, query: None, across: None, last: false }
}

impl Row {
    pub fn json(mut self, body: fn(&Ctx) -> Value) -> Self {
        self.body = Body::Json(body);
        self
    }

    pub fn csv(mut self, body: fn(&Ctx) -> String) -> Self {
        self.body = Body::Csv(body);
        self
    }

    pub fn query(mut self, query: fn(&Ctx) -> String) -> Self {
        self.query = Some(query);
        self
    }

    pub fn across(mut self, body: fn(&World, &World) -> Value) -> Self {
        self.across = Some(body);
        self
    }

    pub fn last(mut self) -> Self {
        self.last = true;
        self
    }
}

impl Res {
    /// The value of a resource that lives through the whole run.
    pub fn of(self, w: &World) -> String {
        match self {
            Res::None => String::new(),
            Res::Institute => w.institute.to_string(),
            Res::School => w.school.to_string(),
            Res::Slug => w.slug.clone(),
            Res::Programme => w.programme.to_string(),
            Res::Pair => w.pair.to_string(),
            Res::Meeting => w.meeting.to_string(),
            Res::Order => w.order.to_string(),
            Res::Run => w.run.to_string(),
            Res::Participant => w.spare_person.to_string(),
            Res::Mentor => w.mentor.to_string(),
            Res::WaitingMentee => w.spare_mentees[0].to_string(),
            Res::MediaItem => w.media_item.to_string(),
            Res::Activity => w.activity.to_string(),
            Res::Award => w.award.to_string(),
            Res::Certificate => w.certificate.clone(),
            Res::Survey => w.survey.to_string(),
            Res::SurveyLink => w.survey_link.clone(),
            Res::Template => w.template.to_string(),
            Res::Period => w.period.to_string(),
            Res::ImportJob => w.import_job.to_string(),
            Res::ApiToken => w.api_token.to_string(),
            Res::User => w.staff.to_string(),
            Res::FeedToken => w.feed_token.clone(),
            Res::DraftPractice => w.draft_practice.to_string(),
            Res::PublishedPractice => w.published_practice.to_string(),
            Res::Fresh(kind) => panic!("{kind:?} is made per cell"),
        }
    }
}
