//! The public feed of a school's mentorship page. Everything here is meant for the open web:
//! the school's name, its programme's goal and tasks, the adult contact the school chose to
//! publish, roadmap progress, published news and counts of five or more. No participant, no child.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use super::definitions::Definition;
use super::suppress::Figure;
use crate::programs::dto::MentorshipForm;

#[derive(Debug, Serialize, ToSchema)]
pub struct SchoolFeed {
    /// «Информация о реализации целевой модели наставничества».
    pub title: &'static str,
    pub school: FeedSchool,
    pub programme: FeedProgramme,
    /// The terms of the target model, in the model's words.
    pub definitions: Vec<Definition>,
    /// The person to ask: the curator (an adult) whom the school named in the programme.
    pub contact: Option<FeedContact>,
    pub roadmap: FeedRoadmap,
    /// Published media-plan items with the link to the publication, newest first (at most 20).
    pub news: Vec<FeedNews>,
    pub figures: FeedFigures,
    /// The closing line of the page.
    pub invitation: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedSchool {
    #[schema(example = "МБОУ СОШ с. Кремово")]
    pub name: String,
    pub short_name: Option<String>,
    pub slug: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedProgramme {
    pub title: String,
    #[schema(example = "2026/2027")]
    pub academic_year: String,
    pub start_date: NaiveDate,
    pub end_date: NaiveDate,
    /// `active` while it runs, `completed` once summed up.
    #[schema(example = "active")]
    pub status: &'static str,
    pub goal: Option<String>,
    pub tasks: Vec<String>,
    /// The forms the programme runs.
    pub forms: Vec<FeedForm>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedForm {
    pub code: MentorshipForm,
    /// As seed 002 writes it: «ученик – ученик».
    #[schema(example = "ученик – ученик")]
    pub label: &'static str,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedContact {
    #[schema(example = "Иванова Анна Петровна, куратор")]
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedRoadmap {
    /// Activities done, of those that count (all but the cancelled).
    pub done: i64,
    pub total: i64,
    /// done / total, rounded down.
    pub percent: i64,
    /// The first stage with open work; null when the roadmap is done.
    pub current_stage: Option<FeedStage>,
    pub stages: Vec<FeedStage>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeedStage {
    pub number: i32,
    pub title: &'static str,
    pub done: i64,
    pub total: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedNews {
    /// The media plan's event.
    pub title: String,
    /// What the publication says (смысловая нагрузка), if the plan notes it.
    pub summary: Option<String>,
    /// Where it was published: сайт, СМИ, соцсети.
    pub channel: Option<String>,
    /// The date the media plan set for it.
    pub date: NaiveDate,
    pub url: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedFigures {
    /// Mentors in the programme's base.
    pub mentors: Figure,
    /// Mentees in the base, matched, awaiting support or done.
    pub mentees: Figure,
    /// Pairs and groups approved by an order, running or completed.
    pub pairs: Figure,
    /// The same pairs and groups by form, in the programme's forms.
    pub pairs_by_form: Vec<FormFigure>,
    /// Meetings held by those pairs and groups.
    pub meetings_held: Figure,
    /// Counts below this are not published.
    #[schema(example = 5)]
    pub threshold: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FormFigure {
    pub form: MentorshipForm,
    #[schema(example = "ученик – ученик")]
    pub label: &'static str,
    pub pairs: Figure,
}
