//! Naming the holders of awards. The school's staff print full names; everyone else — the public
//! verification page, the region — sees an adult's name, a minor's only with a parent's consent to
//! publish it (consent scope `publication_name`), and otherwise the initials.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::dto::NameShown;
use crate::db::{DbConnection, one_of};
use crate::db::schema::{consents, pair_mentees, pairs, participants, program_mentees, program_mentors};
use crate::error::ApiError;
use crate::participants::dto::ParticipantKind;
use crate::participants::store::is_minor;

pub struct Named {
    /// "Фамилия Имя Отчество"; None once erased.
    pub full: Option<String>,
    /// What a page outside the school shows.
    pub public: Option<String>,
    pub shown: NameShown,
    pub minor: bool,
}

impl Named {
    pub fn name(&self, staff: bool) -> Option<String> {
        if staff { self.full.clone() } else { self.public.clone() }
    }
}

fn initial(part: &str) -> Option<String> {
    part.trim().chars().next().map(|c| format!("{}.", c.to_uppercase()))
}

type Row = (i64, String, Option<String>, Option<String>, Option<String>, Option<NaiveDate>, Option<i32>);

/// The names of these participants, both ways; `today` is the school's day (who is a minor).
pub fn names(conn: &mut DbConnection, ids: &[i64], today: NaiveDate) -> Result<HashMap<i64, Named>, ApiError> {
    let rows: Vec<Row> = participants::table
        .filter(one_of(participants::id, ids))
        .select((
            participants::id,
            participants::kind,
            participants::last_name,
            participants::first_name,
            participants::middle_name,
            participants::birth_date,
            participants::birth_year,
        ))
        .load(conn)?;
    let may_publish: Vec<i64> = consents::table
        .filter(one_of(consents::participant_id, ids))
        .filter(consents::scope.eq("publication_name"))
        .filter(consents::withdrawn_at.is_null())
        .select(consents::participant_id)
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, kind, last, first, middle, birth_date, birth_year)| {
            let kind = ParticipantKind::parse(&kind).unwrap_or(ParticipantKind::Student);
            let minor = is_minor(kind, birth_date, birth_year, today);
            let (full, public, shown) = match (last, first) {
                (Some(last), Some(first)) => {
                    let full = [Some(last.as_str()), Some(first.as_str()), middle.as_deref()].into_iter().flatten().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" ");
                    if !minor || may_publish.contains(&id) {
                        (Some(full.clone()), Some(full), NameShown::Full)
                    } else {
                        let initials = [initial(&last), initial(&first)].into_iter().flatten().collect::<Vec<_>>().join(" ");
                        (Some(full), Some(initials), NameShown::Initials)
                    }
                }
                _ => (None, None, NameShown::Hidden),
            };
            (id, Named { full, public, shown, minor })
        })
        .collect())
}

/// A pair's people as participant ids: (mentor, mentees).
pub fn pair_people(conn: &mut DbConnection, pair_ids: &[i64]) -> Result<HashMap<i64, (i64, Vec<i64>)>, ApiError> {
    let mentors: Vec<(i64, i64)> =
        pairs::table.inner_join(program_mentors::table).filter(one_of(pairs::id, pair_ids)).select((pairs::id, program_mentors::participant_id)).load(conn)?;
    let mentees: Vec<(i64, i64)> = pair_mentees::table
        .inner_join(program_mentees::table)
        .filter(one_of(pair_mentees::pair_id, pair_ids))
        .order((pair_mentees::pair_id, program_mentees::participant_id))
        .select((pair_mentees::pair_id, program_mentees::participant_id))
        .load(conn)?;
    Ok(mentors
        .into_iter()
        .map(|(pair, mentor)| (pair, (mentor, mentees.iter().filter(|m| m.0 == pair).map(|m| m.1).collect())))
        .collect())
}

/// "Mentor — mentee, mentee" in the chosen form, with how much of it a public page shows: in full
/// only when every one of its people may be named.
pub fn pair_label(names: &HashMap<i64, Named>, mentor: i64, mentees: &[i64], staff: bool) -> (Option<String>, NameShown) {
    let name = |id: i64| names.get(&id).and_then(|n| n.name(staff));
    let reduced = std::iter::once(&mentor).chain(mentees).any(|id| names.get(id).is_none_or(|n| n.shown != NameShown::Full));
    let others: Vec<String> = mentees.iter().filter_map(|&m| name(m)).collect();
    let label = match (name(mentor), others.is_empty()) {
        (Some(m), true) => Some(m),
        (Some(m), false) => Some(format!("{m} — {}", others.join(", "))),
        (None, false) => Some(others.join(", ")),
        (None, true) => None,
    };
    let shown = match (&label, staff || !reduced) {
        (None, _) => NameShown::Hidden,
        (Some(_), true) => NameShown::Full,
        (Some(_), false) => NameShown::Initials,
    };
    (label, shown)
}
