//! Programmes' progress as this server last counted it, so that a school's programmes, read
//! again and again, are not counted each time: the count was a fifth of the list's work.
//!
//! An entry holds for one roadmap version and one school day. Every change to a programme's
//! activities bumps its `roadmap_version` in the same transaction (database triggers, so no write
//! path can forget it), and overdue work depends on the school's day. Entries are kept only from
//! reads, which see committed data: a count made inside a write that later rolls back is never
//! kept. Each server keeps its own; a version read from the database is the same on all of them.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::NaiveDate;

use super::progress::{Progress, count_overall};
use crate::db::DbConnection;
use crate::error::ApiError;

/// Far above the programmes of a region; reaching it starts afresh rather than growing.
const MAX_KEPT: usize = 50_000;

/// A programme's roadmap as a list reads it: which version, on which day of its school.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoadmapAt {
    pub version: i64,
    pub today: NaiveDate,
}

#[derive(Default)]
pub struct KeptProgress {
    kept: Mutex<HashMap<i64, (RoadmapAt, Progress)>>,
}

impl KeptProgress {
    /// The programme's progress if it was counted at this version on this day.
    pub fn get(&self, program_id: i64, at: RoadmapAt) -> Option<Progress> {
        match self.lock().get(&program_id) {
            Some(&(kept_at, progress)) if kept_at == at => Some(progress),
            _ => None,
        }
    }

    /// Keeps a count made in a read (see the module's note).
    pub fn keep(&self, counted: impl IntoIterator<Item = (i64, RoadmapAt, Progress)>) {
        let mut kept = self.lock();
        for (program_id, at, progress) in counted {
            if kept.len() >= MAX_KEPT {
                kept.clear();
            }
            kept.insert(program_id, (at, progress));
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i64, (RoadmapAt, Progress)>> {
        // A panic while holding the lock leaves only whole entries behind: the map is still good.
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The progress of each programme at its roadmap version and school day: kept where `kept` has
/// it, the rest counted by the database in one go, and kept in turn. A read passes the server's
/// `KeptProgress`; a write passes `None` and counts everything afresh.
pub fn progress_at(conn: &mut DbConnection, at: &[(i64, RoadmapAt)], kept: Option<&KeptProgress>) -> Result<HashMap<i64, Progress>, ApiError> {
    let mut progress: HashMap<i64, Progress> = at.iter().filter_map(|&(id, at)| Some((id, kept?.get(id, at)?))).collect();
    let uncounted: Vec<(i64, NaiveDate)> = at.iter().filter(|(id, _)| !progress.contains_key(id)).map(|&(id, at)| (id, at.today)).collect();
    if uncounted.is_empty() {
        return Ok(progress);
    }
    let counted = count_overall(conn, &uncounted)?;
    if let Some(kept) = kept {
        kept.keep(at.iter().filter_map(|&(id, at)| Some((id, at, *counted.get(&id)?))));
    }
    progress.extend(counted);
    Ok(progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_holds_only_at_its_version_and_day() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
        let at = RoadmapAt { version: 17, today: day };
        let kept = KeptProgress::default();
        assert_eq!(kept.get(1, at), None);
        kept.keep([(1, at, Progress::of(12, 17, 1))]);
        assert_eq!(kept.get(1, at), Some(Progress::of(12, 17, 1)));
        assert_eq!(kept.get(1, RoadmapAt { version: 18, ..at }), None, "an activity changed");
        assert_eq!(kept.get(1, RoadmapAt { today: day.succ_opt().expect("date"), ..at }), None, "another day");
        assert_eq!(kept.get(2, at), None, "another programme");
    }
}
