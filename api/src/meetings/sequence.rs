//! The sequence every seed names: introduction, trial, planning, any number of regular meetings,
//! final. Pure rules over a pair's meetings, so they can be tested without a database.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Встреча-знакомство.
    Introduction,
    /// Пробная рабочая встреча.
    Trial,
    /// Встреча-планирование.
    Planning,
    /// One of the series following the development plan.
    Regular,
    /// Итоговая встреча.
    Final,
}

impl MeetingKind {
    fn rank(self) -> u8 {
        self as u8
    }

    /// The kind that must come before this one.
    pub fn predecessor(self) -> Option<Self> {
        match self {
            Self::Introduction => None,
            Self::Trial => Some(Self::Introduction),
            Self::Planning => Some(Self::Trial),
            Self::Regular | Self::Final => Some(Self::Planning),
        }
    }

    /// In Russian, for the messages a curator reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Introduction => "встреча-знакомство",
            Self::Trial => "пробная рабочая встреча",
            Self::Planning => "встреча-планирование",
            Self::Regular => "регулярная встреча",
            Self::Final => "итоговая встреча",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Scheduled,
    Held,
    Cancelled,
}

/// A meeting already on the pair's record.
#[derive(Debug, Clone)]
pub struct Existing {
    pub id: i64,
    pub kind: MeetingKind,
    pub starts_at: NaiveDateTime,
    pub status: MeetingStatus,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The kind happens once per pair and is already there.
    Duplicate(String),
    /// Something must come first (or cannot come after).
    OutOfOrder(String),
}

/// May a meeting of `kind` take place at `starts_at`, beside the others (`own` is the meeting
/// being moved, left out)?
pub fn check_schedule(existing: &[Existing], own: Option<i64>, kind: MeetingKind, starts_at: NaiveDateTime) -> Result<(), Refusal> {
    let others: Vec<&Existing> = existing.iter().filter(|m| Some(m.id) != own && m.status != MeetingStatus::Cancelled).collect();
    if kind != MeetingKind::Regular && others.iter().any(|m| m.kind == kind) {
        return Err(Refusal::Duplicate(format!("у пары уже есть {}", kind.label())));
    }
    if let Some(before) = kind.predecessor()
        && !others.iter().any(|m| m.kind == before && m.starts_at < starts_at)
    {
        return Err(Refusal::OutOfOrder(format!("сначала должна пройти {}, а потом {}", before.label(), kind.label())));
    }
    let same_rank = |m: &Existing| m.kind.rank() == kind.rank();
    if let Some(later) = others.iter().find(|m| !same_rank(m) && m.kind.rank() > kind.rank() && m.starts_at <= starts_at) {
        return Err(Refusal::OutOfOrder(format!("{} должна быть раньше, чем {} ({})", kind.label(), later.kind.label(), later.starts_at.format("%d.%m.%Y"))));
    }
    if let Some(earlier) = others.iter().find(|m| !same_rank(m) && m.kind.rank() < kind.rank() && m.starts_at >= starts_at) {
        return Err(Refusal::OutOfOrder(format!("{} должна быть позже, чем {} ({})", kind.label(), earlier.kind.label(), earlier.starts_at.format("%d.%m.%Y"))));
    }
    Ok(())
}

/// May a meeting of `kind` be marked held? Its predecessor must have been held.
pub fn check_hold(existing: &[Existing], kind: MeetingKind) -> Result<(), Refusal> {
    match kind.predecessor() {
        Some(before) if !existing.iter().any(|m| m.kind == before && m.status == MeetingStatus::Held) => {
            Err(Refusal::OutOfOrder(format!("сначала отметьте, что прошла {}", before.label())))
        }
        _ => Ok(()),
    }
}

/// May a scheduled meeting be cancelled or deleted? Not while a later step rests on it.
pub fn check_remove(existing: &[Existing], id: i64, kind: MeetingKind) -> Result<(), Refusal> {
    let dependent = existing.iter().find(|m| m.id != id && m.status != MeetingStatus::Cancelled && m.kind.predecessor() == Some(kind));
    let replacement = existing.iter().any(|m| m.id != id && m.kind == kind && m.status != MeetingStatus::Cancelled);
    match dependent {
        Some(next) if kind != MeetingKind::Regular && !replacement => {
            Err(Refusal::OutOfOrder(format!("на неё опирается {}: сначала перенесите или отмените её", next.kind.label())))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::MeetingKind::*;
    use super::*;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 10, day).and_then(|d| d.and_hms_opt(15, 0, 0)).expect("date")
    }

    fn m(id: i64, kind: MeetingKind, day: u32, status: MeetingStatus) -> Existing {
        Existing { id, kind, starts_at: at(day), status }
    }

    #[test]
    fn the_sequence_is_kept() {
        let none: Vec<Existing> = Vec::new();
        assert!(check_schedule(&none, None, Introduction, at(1)).is_ok());
        assert!(matches!(check_schedule(&none, None, Regular, at(1)), Err(Refusal::OutOfOrder(m)) if m.contains("встреча-планирование")));
        let plan = [m(1, Introduction, 1, MeetingStatus::Held), m(2, Trial, 5, MeetingStatus::Scheduled), m(3, Planning, 9, MeetingStatus::Scheduled)];
        assert!(check_schedule(&plan, None, Regular, at(12)).is_ok());
        assert!(check_schedule(&plan, None, Regular, at(8)).is_err(), "a regular meeting before the planning one");
        assert!(check_schedule(&plan, None, Final, at(20)).is_ok());
        assert_eq!(check_schedule(&plan, None, Trial, at(6)), Err(Refusal::Duplicate("у пары уже есть пробная рабочая встреча".into())));
        // Moving the trial past the planning meeting breaks the order; moving it a day is fine.
        assert!(check_schedule(&plan, Some(2), Trial, at(10)).is_err());
        assert!(check_schedule(&plan, Some(2), Trial, at(6)).is_ok());
        let done = [m(1, Introduction, 1, MeetingStatus::Held), m(2, Trial, 5, MeetingStatus::Held), m(3, Planning, 9, MeetingStatus::Held), m(4, Final, 20, MeetingStatus::Scheduled)];
        assert!(check_schedule(&done, None, Regular, at(21)).is_err(), "nothing after the final meeting");
        assert!(check_schedule(&done, None, Final, at(22)).is_err(), "one final meeting");
        let cancelled = [m(1, Introduction, 1, MeetingStatus::Cancelled)];
        assert!(check_schedule(&cancelled, None, Introduction, at(2)).is_ok(), "a cancelled one is replaced");
    }

    #[test]
    fn holding_and_removing_follow_the_order() {
        let plan = [m(1, Introduction, 1, MeetingStatus::Scheduled), m(2, Trial, 5, MeetingStatus::Scheduled)];
        assert!(check_hold(&plan, Trial).is_err());
        assert!(check_hold(&plan, Introduction).is_ok());
        assert!(check_remove(&plan, 1, Introduction).is_err(), "the trial rests on it");
        assert!(check_remove(&plan, 2, Trial).is_ok());
    }
}
