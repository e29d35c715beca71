//! The life cycles of a programme, a roadmap activity and a media-plan item.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ApiError;

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Result<Self, ApiError> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    other => Err(ApiError::Internal(anyhow::anyhow!("unknown {} `{other}` in the database", stringify!($name)))),
                }
            }
        }
    };
}

text_enum!(
    /// draft → active → completed → archived.
    ProgramStatus { Draft => "draft", Active => "active", Completed => "completed", Archived => "archived" }
);

text_enum!(
    ActivityStatus { Planned => "planned", InProgress => "in_progress", Done => "done", Cancelled => "cancelled" }
);

text_enum!(
    MediaStatus { Planned => "planned", InProgress => "in_progress", Published => "published", Cancelled => "cancelled" }
);

impl ProgramStatus {
    /// Forward only: a programme is not un-completed.
    pub fn may_become(self, next: Self) -> bool {
        use ProgramStatus::*;
        self == next || matches!((self, next), (Draft, Active) | (Active, Completed) | (Completed, Archived))
    }

    /// A completed or archived programme is a record: its content no longer changes.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Completed | Self::Archived)
    }
}

impl ActivityStatus {
    /// `done` and `cancelled` are left only by reopening: done → in_progress, cancelled → planned.
    pub fn may_become(self, next: Self) -> bool {
        use ActivityStatus::*;
        self == next
            || match self {
                Planned | InProgress => true,
                Done => next == InProgress,
                Cancelled => next == Planned,
            }
    }

    /// Finished one way or the other: never overdue, not counted as open work.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Done | Self::Cancelled)
    }
}

pub fn invalid_transition(from: &str, to: &str, hint: &str) -> ApiError {
    ApiError::conflict("invalid_transition", format!("cannot go from {from} to {to}{hint}"))
}

pub fn programme_closed() -> ApiError {
    ApiError::conflict("programme_closed", "the programme is completed or archived; its content no longer changes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn activity_reopens_before_changing_its_mind() {
        use ActivityStatus::*;
        assert!(Planned.may_become(Done));
        assert!(InProgress.may_become(Cancelled));
        assert!(!Cancelled.may_become(Done));
        assert!(Cancelled.may_become(Planned));
        assert!(!Done.may_become(Cancelled));
        assert!(Done.may_become(InProgress));
    }

    #[test]
    fn programme_moves_forward_only() {
        use ProgramStatus::*;
        assert!(Draft.may_become(Active));
        assert!(!Draft.may_become(Completed));
        assert!(!Completed.may_become(Active));
        assert!(Completed.is_closed() && Archived.is_closed() && !Active.is_closed());
    }
}
