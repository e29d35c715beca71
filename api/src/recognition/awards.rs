//! `/programs/{id}/awards` and `/awards/{id}`: the school's awards, each to a person of the
//! programme's bases or to one of its pairs, with a code for the certificate; revoked, never
//! deleted, so that a printed certificate still verifies as revoked.

use actix_web::{HttpResponse, get, http::header, post, web};
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;

use super::code;
use super::dto::{Award, AwardFilter, AwardKind, AwardRecipient, NewAward, RevokeAward};
use super::holder::{Named, names, pair_label, pair_people};
use crate::auth::policy::Decision;
use crate::auth::{Action, Principal};
use crate::db::schema::{awards, pairs, participants, program_mentees, program_mentors};
use crate::db::text::{from_text, to_text};
use crate::db::{Db, DbConnection};
use crate::error::{ApiError, Problem};
use crate::http::etag::etag_value;
use crate::http::{IfMatch, PageQuery, Paginated, ValidJson};
use crate::orgs::store::ancestry;
use crate::participants::audit::record;
use crate::programs::store::{ProgramScope, program_scope, school_today};

#[derive(Queryable, Selectable)]
#[diesel(table_name = awards)]
pub struct AwardRow {
    pub id: i64,
    pub program_id: i64,
    pub kind: String,
    pub participant_id: Option<i64>,
    pub pair_id: Option<i64>,
    pub addressee: Option<String>,
    pub title: String,
    pub wording: Option<String>,
    pub awarded_on: NaiveDate,
    pub signatory: Option<String>,
    pub code: String,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoke_reason: Option<String>,
    pub version: i64,
    pub created_at: NaiveDateTime,
}

/// The holders' names for these awards, both ways, and per award the participants it names.
pub struct Holders {
    named: std::collections::HashMap<i64, Named>,
    pairs: std::collections::HashMap<i64, (i64, Vec<i64>)>,
}

impl Holders {
    pub fn load(conn: &mut DbConnection, rows: &[AwardRow], school_id: i64) -> Result<Self, ApiError> {
        let pair_ids: Vec<i64> = rows.iter().filter_map(|r| r.pair_id).collect();
        let pairs = pair_people(conn, &pair_ids)?;
        let mut people: Vec<i64> = rows.iter().filter_map(|r| r.participant_id).collect();
        people.extend(pairs.values().flat_map(|(m, ms)| std::iter::once(*m).chain(ms.iter().copied())));
        let today = school_today(conn, school_id)?;
        let named = names(conn, &people, today)?;
        Ok(Self { named, pairs })
    }

    /// The holder's name as `staff` or the public see it, and how much of it shows.
    pub fn name(&self, row: &AwardRow, staff: bool) -> (Option<String>, super::dto::NameShown) {
        match (row.participant_id, row.pair_id.and_then(|p| self.pairs.get(&p))) {
            (Some(p), _) => match self.named.get(&p) {
                Some(n) => (n.name(staff), if staff && n.full.is_some() { super::dto::NameShown::Full } else { n.shown }),
                None => (None, super::dto::NameShown::Hidden),
            },
            (None, Some((mentor, mentees))) => pair_label(&self.named, *mentor, mentees, staff),
            _ => (None, super::dto::NameShown::Hidden),
        }
    }

    /// The minors these awards name, for the audit trail.
    pub fn minors(&self, rows: &[AwardRow]) -> Vec<i64> {
        let mut ids: Vec<i64> = rows
            .iter()
            .flat_map(|r| {
                let pair: Vec<i64> = r.pair_id.and_then(|p| self.pairs.get(&p)).map(|(m, ms)| std::iter::once(*m).chain(ms.iter().copied()).collect()).unwrap_or_default();
                r.participant_id.into_iter().chain(pair)
            })
            .filter(|id| self.named.get(id).is_some_and(|n| n.minor && n.full.is_some()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Whether the caller sees full names: the school's own staff (and the institute, which loads
/// the bases); the region sees what the public sees.
pub fn sees_names(conn: &mut DbConnection, principal: &Principal, school_id: i64) -> Result<bool, ApiError> {
    Ok(principal.decide(Action::ViewParticipants, &ancestry(conn, school_id)?) == Decision::Allow)
}

pub fn to_award(r: &AwardRow, holders: &Holders, staff: bool) -> Result<Award, ApiError> {
    Ok(Award {
        id: r.id,
        program_id: r.program_id,
        kind: from_text(&r.kind)?,
        recipient: AwardRecipient { participant_id: r.participant_id, pair_id: r.pair_id, name: holders.name(r, staff).0 },
        addressee: if staff { r.addressee.clone() } else { None },
        title: r.title.clone(),
        wording: r.wording.clone(),
        awarded_on: r.awarded_on,
        signatory: r.signatory.clone(),
        code: r.code.clone(),
        revoked: r.revoked_at.is_some(),
        revoked_at: r.revoked_at.map(|t| t.and_utc()),
        revoke_reason: r.revoke_reason.clone(),
        created_at: r.created_at.and_utc(),
        etag: etag_value("award", r.id, r.version),
    })
}

/// The award and its programme, authorized for `action`; 404 outside the caller's subtree.
pub fn award_scope(conn: &mut DbConnection, principal: &Principal, action: Action, id: i64) -> Result<(AwardRow, ProgramScope), ApiError> {
    let row = awards::table.find(id).select(AwardRow::as_select()).first(conn).optional()?;
    let row = row.ok_or_else(|| ApiError::not_found(format!("award {id}")))?;
    let scope = program_scope(conn, principal, action, row.program_id).map_err(|e| e.not_found_as(format!("award {id}")))?;
    Ok((row, scope))
}

/// One award as the caller may see it, the minors it names audited.
fn show(conn: &mut DbConnection, principal: &Principal, row: AwardRow, school_id: i64) -> Result<Award, ApiError> {
    let staff = sees_names(conn, principal, school_id)?;
    let holders = Holders::load(conn, std::slice::from_ref(&row), school_id)?;
    record(conn, principal, school_id, "read", &holders.minors(std::slice::from_ref(&row)), Some("award"))?;
    to_award(&row, &holders, staff)
}

fn not_in_programme(field: &str, what: &str) -> ApiError {
    ApiError::field_problem("recipient_not_in_programme", field, format!("{what} is not in this programme: an award goes to a person of its bases or one of its pairs"))
}

/// The recipient must belong to the programme, and fit the kind of award.
fn check_recipient(conn: &mut DbConnection, program_id: i64, new: &NewAward) -> Result<(), ApiError> {
    match (new.participant_id, new.pair_id) {
        (Some(_), Some(_)) => Err(ApiError::invalid_field("pair_id", "an award has one holder: give participant_id or pair_id, not both")),
        (None, None) => Err(ApiError::invalid_field("participant_id", "name the holder: participant_id or pair_id")),
        (Some(_), None) if new.kind == AwardKind::BestPair => Err(ApiError::invalid_field("pair_id", "Best pair goes to a pair: give pair_id")),
        (None, Some(_)) if new.kind == AwardKind::MentorOfTheYear => Err(ApiError::invalid_field("participant_id", "Mentor of the year goes to a mentor: give participant_id")),
        (Some(person), None) => {
            let as_mentor: i64 = program_mentors::table.filter(program_mentors::program_id.eq(program_id)).filter(program_mentors::participant_id.eq(person)).count().get_result(conn)?;
            let as_mentee: i64 = program_mentees::table.filter(program_mentees::program_id.eq(program_id)).filter(program_mentees::participant_id.eq(person)).count().get_result(conn)?;
            if as_mentor + as_mentee == 0 {
                return Err(not_in_programme("participant_id", &format!("participant {person}")));
            }
            if new.kind == AwardKind::MentorOfTheYear && as_mentor == 0 {
                return Err(ApiError::field_problem("recipient_not_mentor", "participant_id", "Mentor of the year goes to a mentor of the programme"));
            }
            let erased: Option<Option<NaiveDateTime>> = participants::table.find(person).select(participants::erased_at).first(conn).optional()?;
            if erased.flatten().is_some() {
                return Err(ApiError::conflict("participant_erased", "this person's data was erased"));
            }
            Ok(())
        }
        (None, Some(pair)) => {
            let row: Option<(i64, String)> = pairs::table.find(pair).select((pairs::program_id, pairs::status)).first(conn).optional()?;
            match row {
                Some((p, _)) if p != program_id => Err(not_in_programme("pair_id", &format!("pair {pair}"))),
                None => Err(not_in_programme("pair_id", &format!("pair {pair}"))),
                Some((_, status)) if status == "proposed" || status == "dissolved" => {
                    Err(ApiError::field_problem("pair_not_eligible", "pair_id", "a pair is recognised for work done: approved, active or completed"))
                }
                Some(_) => Ok(()),
            }
        }
    }
}

/// A code no other award has: 40 random bits make a clash rare; the unique key makes it harmless.
fn fresh_code(conn: &mut DbConnection) -> Result<String, ApiError> {
    for _ in 0..8 {
        let c = code::generate();
        let taken: i64 = awards::table.filter(awards::code.eq(&c)).count().get_result(conn)?;
        if taken == 0 {
            return Ok(c);
        }
    }
    Err(ApiError::Internal(anyhow::anyhow!("no free certificate code after 8 tries")))
}

fn trimmed(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

#[utoipa::path(
    tag = "recognition",
    summary = "The programme's awards, oldest first",
    description = "Holders are named in full for the school's staff; for others (the region) a minor without a publication consent appears by initials. The minors named are written to the audit trail.",
    params(("id" = i64, Path, description = "programme id"), AwardFilter, PageQuery),
    responses((status = 200, body = Paginated<Award>), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)),
    security(("bearer" = []))
)]
#[get("/programs/{id}/awards")]
pub async fn list_awards(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, filter: web::Query<AwardFilter>, query: web::Query<PageQuery>) -> Result<web::Json<Paginated<Award>>, ApiError> {
    let page = query.page()?;
    let program_id = id.into_inner();
    let AwardFilter { kind, include_revoked } = filter.into_inner();
    let list = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ViewProgram, program_id)?;
            let mut q = awards::table
                .filter(awards::program_id.eq(program_id))
                .filter(awards::id.gt(page.after))
                .order(awards::id)
                .limit(page.limit + 1)
                .select(AwardRow::as_select())
                .into_boxed();
            if let Some(kind) = kind {
                q = q.filter(awards::kind.eq(to_text(&kind)?));
            }
            if include_revoked == Some(false) {
                q = q.filter(awards::revoked_at.is_null());
            }
            let rows: Vec<AwardRow> = q.load(conn)?;
            let paged = Paginated::from_rows(rows, page, |r| r.id, |r| r);
            let staff = sees_names(conn, &principal, scope.school_id)?;
            let holders = Holders::load(conn, &paged.items, scope.school_id)?;
            record(conn, &principal, scope.school_id, "list", &holders.minors(&paged.items), Some("awards"))?;
            let items = paged.items.iter().map(|r| to_award(r, &holders, staff)).collect::<Result<Vec<_>, _>>()?;
            Ok(Paginated { items, next_cursor: paged.next_cursor })
        })
        .await?;
    Ok(web::Json(list))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Grant an award",
    description = "To a person of the programme's bases (`participant_id`: Mentor of the year to a mentor) or to a pair of the programme (`pair_id`: Best pair), or a certificate or letter of thanks to either. Anyone else is refused with 422 `recipient_not_in_programme` and nothing is written. The award gets a code `NST-XXXX-XXXX` for its certificate.",
    params(("id" = i64, Path, description = "programme id")),
    request_body = NewAward,
    responses(
        (status = 201, body = Award, headers(("Location" = String))),
        (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "participant_erased"),
        (status = 422, body = Problem, description = "recipient_not_in_programme, recipient_not_mentor, pair_not_eligible, validation_failed"),
    ),
    security(("bearer" = []))
)]
#[post("/programs/{id}/awards")]
pub async fn create_award(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, body: ValidJson<NewAward>) -> Result<HttpResponse, ApiError> {
    let program_id = id.into_inner();
    let new = body.0;
    let award = db
        .write(move |conn| {
            let scope = program_scope(conn, &principal, Action::ManageProgram, program_id)?;
            check_recipient(conn, program_id, &new)?;
            if new.awarded_on > school_today(conn, scope.school_id)? {
                return Err(ApiError::invalid_field("awarded_on", "is in the future"));
            }
            let title = trimmed(new.title.clone()).unwrap_or_else(|| new.kind.default_title().to_owned());
            let now = Utc::now().naive_utc();
            let id: i64 = diesel::insert_into(awards::table)
                .values((
                    awards::program_id.eq(program_id),
                    awards::kind.eq(to_text(&new.kind)?),
                    awards::participant_id.eq(new.participant_id),
                    awards::pair_id.eq(new.pair_id),
                    awards::addressee.eq(trimmed(new.addressee)),
                    awards::title.eq(title),
                    awards::wording.eq(trimmed(new.wording)),
                    awards::awarded_on.eq(new.awarded_on),
                    awards::signatory.eq(trimmed(new.signatory)),
                    awards::code.eq(fresh_code(conn)?),
                    awards::created_by.eq(principal.key()),
                    awards::created_at.eq(now),
                    awards::updated_at.eq(now),
                ))
                .returning(awards::id)
                .get_result(conn)?;
            let row = awards::table.find(id).select(AwardRow::as_select()).first(conn)?;
            show(conn, &principal, row, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/awards/{}", award.id)))
        .insert_header((header::ETAG, award.etag.clone()))
        .json(award))
}

#[utoipa::path(
    tag = "recognition",
    summary = "An award",
    params(("id" = i64, Path, description = "award id")),
    responses((status = 200, body = Award), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem)),
    security(("bearer" = []))
)]
#[get("/awards/{id}")]
pub async fn get_award(db: web::Data<Db>, principal: Principal, id: web::Path<i64>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let award = db
        .write(move |conn| {
            let (row, scope) = award_scope(conn, &principal, Action::ViewProgram, id)?;
            show(conn, &principal, row, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, award.etag.clone())).json(award))
}

#[utoipa::path(
    tag = "recognition",
    summary = "Revoke an award",
    description = "The award stays on record and its certificate verifies as revoked.",
    params(("id" = i64, Path, description = "award id"), ("If-Match" = Option<String>, Header, description = "the award's etag")),
    request_body = RevokeAward,
    responses(
        (status = 200, body = Award), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem),
        (status = 409, body = Problem, description = "award_revoked"), (status = 412, body = Problem), (status = 422, body = Problem),
    ),
    security(("bearer" = []))
)]
#[post("/awards/{id}/revoke")]
pub async fn revoke_award(db: web::Data<Db>, principal: Principal, id: web::Path<i64>, if_match: IfMatch, body: ValidJson<RevokeAward>) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let reason = body.0.reason.trim().to_owned();
    let award = db
        .write(move |conn| {
            let (row, scope) = award_scope(conn, &principal, Action::ManageProgram, id)?;
            if_match.check(&etag_value("award", row.id, row.version))?;
            if row.revoked_at.is_some() {
                return Err(ApiError::conflict("award_revoked", "this award is already revoked"));
            }
            if reason.is_empty() {
                return Err(ApiError::invalid_field("reason", "say why"));
            }
            let now = Utc::now().naive_utc();
            diesel::update(awards::table.find(id))
                .set((awards::revoked_at.eq(now), awards::revoke_reason.eq(reason), awards::version.eq(row.version + 1), awards::updated_at.eq(now)))
                .execute(conn)?;
            let row = awards::table.find(id).select(AwardRow::as_select()).first(conn)?;
            show(conn, &principal, row, scope.school_id)
        })
        .await?;
    Ok(HttpResponse::Ok().insert_header((header::ETAG, award.etag.clone())).json(award))
}
