//! A region's worth of schools for the institute's view: `nastavnik demo --schools 500` builds
//! the load region the dashboard benchmark measures, and the plain demo adds a few neighbours of
//! the demo school so that its dashboard compares something. Each school gets a contingent,
//! students, a programme with its roadmap, mentors, mentees, pairs approved by an order, meetings
//! (some pairs gone quiet), and a survey with answers — deterministic, varied from school to school.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::rows::{Batch, catch_up_sequence, max_id};
use crate::db::DbConnection;
use crate::db::schema::{memberships, organizations, survey_templates, users};
use crate::error::ApiError;
use crate::programs::store::school_today;
use crate::programs::template::{academic_year_of, default_dates, first_year, place_deadline, standard_roadmap};

const SURNAMES: [&str; 16] = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев", "Козлов", "Орлов", "Никитин"];
const NAMES: [&str; 12] = ["Александр", "Максим", "Артём", "Михаил", "Даниил", "Иван", "Анна", "Мария", "Софья", "Алиса", "Дарья", "Полина"];
const TOWNS: [&str; 12] = ["Уссурийск", "Находка", "Артём", "Спасск-Дальний", "Арсеньев", "Дальнегорск", "Партизанск", "Лесозаводск", "Большой Камень", "Дальнереченск", "Фокино", "Владивосток"];

pub struct Spec<'a> {
    pub schools: usize,
    pub students_per_school: usize,
    /// Slugs are `<prefix>-<n>`; a school whose slug exists is left as it is.
    pub slug_prefix: &'a str,
    pub seed: u64,
}

#[derive(Debug, Default)]
pub struct Built {
    pub schools: usize,
    pub students: usize,
    pub rows: usize,
}

/// Every table the generator writes, in the order foreign keys need.
struct Tables {
    orgs: Batch,
    contingent: Batch,
    participants: Batch,
    consents: Batch,
    programs: Batch,
    activities: Batch,
    mentors: Batch,
    mentees: Batch,
    orders: Batch,
    pairs: Batch,
    pair_mentees: Batch,
    meetings: Batch,
    surveys: Batch,
    invitations: Batch,
    responses: Batch,
}

impl Tables {
    fn new() -> Self {
        Self {
            orgs: Batch::new("organizations", &["id", "kind", "parent_id", "name", "short_name", "slug", "time_zone", "created_at", "updated_at"]),
            contingent: Batch::new("contingent_age_groups", &["organization_id", "reference_date", "age", "students"]),
            participants: Batch::new(
                "participants",
                &["id", "school_id", "external_id", "kind", "last_name", "first_name", "search_key", "birth_date", "birth_year", "grade", "class_letter", "created_at", "updated_at"],
            ),
            consents: Batch::new("consents", &["participant_id", "given_by", "scope", "given_on", "created_at"]),
            programs: Batch::new("programs", &["id", "school_id", "title", "academic_year", "start_date", "end_date", "forms", "tasks", "status", "created_at", "updated_at"]),
            activities: Batch::new(
                "roadmap_activities",
                &["program_id", "stage_no", "position", "title", "content", "deadline", "responsible_role", "expected_result", "status", "created_at", "updated_at"],
            ),
            mentors: Batch::new(
                "program_mentors",
                &["id", "program_id", "participant_id", "contour", "competencies", "capacity", "interview_outcome", "training_status", "status", "places_taken", "created_at", "updated_at"],
            ),
            mentees: Batch::new("program_mentees", &["id", "program_id", "participant_id", "categories", "mentee_type", "request_text", "request_tags", "status", "created_at", "updated_at"]),
            orders: Batch::new("pairing_orders", &["id", "program_id", "number", "signed_on", "signatory", "created_at"]),
            pairs: Batch::new("pairs", &["id", "program_id", "form", "role_model", "mentor_id", "status", "order_id", "created_at", "updated_at"]),
            pair_mentees: Batch::new("pair_mentees", &["pair_id", "mentee_id", "form", "live"]),
            meetings: Batch::new("meetings", &["pair_id", "kind", "starts_at", "ends_at", "format", "status", "created_by", "created_at", "updated_at"]),
            surveys: Batch::new("surveys", &["id", "program_id", "template_id", "phase", "audience", "opens_on", "closes_on", "created_at"]),
            invitations: Batch::new("survey_invitations", &["id", "survey_id", "token_hash", "participant_id", "created_at"]),
            responses: Batch::new("survey_responses", &["survey_id", "invitation_id", "participant_id", "answers", "started_at", "updated_at", "submitted_at"]),
        }
    }

    fn flush(&mut self, conn: &mut DbConnection) -> Result<usize, ApiError> {
        let mut n = 0;
        for b in [
            &mut self.orgs,
            &mut self.contingent,
            &mut self.participants,
            &mut self.consents,
            &mut self.programs,
            &mut self.activities,
            &mut self.mentors,
            &mut self.mentees,
            &mut self.orders,
            &mut self.pairs,
            &mut self.pair_mentees,
            &mut self.meetings,
            &mut self.surveys,
            &mut self.invitations,
            &mut self.responses,
        ] {
            n += b.flush(conn)?;
        }
        Ok(n)
    }
}

/// Next free ids of the tables whose rows others point at.
struct Ids {
    org: i64,
    participant: i64,
    program: i64,
    mentor: i64,
    mentee: i64,
    order: i64,
    pair: i64,
    survey: i64,
    invitation: i64,
}

const WITH_IDS: [&str; 9] = ["organizations", "participants", "programs", "program_mentors", "program_mentees", "pairing_orders", "pairs", "surveys", "survey_invitations"];

/// Adds `spec.schools` schools under the institute (or region) `parent_id`, inside the caller's
/// transaction.
pub fn populate(conn: &mut DbConnection, parent_id: i64, spec: &Spec) -> Result<Built, ApiError> {
    let today = school_today(conn, parent_id)?;
    let year = academic_year_of(today);
    let first = first_year(&year).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("bad academic year {year}")))?;
    let (start, end) = default_dates(first);
    let september = NaiveDate::from_ymd_opt(first, 9, 1).unwrap_or(start);
    let signed_on = (september + Duration::days(30)).min(today - Duration::days(1)).max(start);
    let now = Utc::now().naive_utc();
    let template: Option<i64> = survey_templates::table
        .filter(survey_templates::organization_id.is_null())
        .filter(survey_templates::audience.eq("mentee"))
        .filter(survey_templates::purpose.eq("quality"))
        .order(survey_templates::id)
        .select(survey_templates::id)
        .first(conn)
        .optional()?;
    let taken: Vec<String> = organizations::table.filter(organizations::slug.like(format!("{}-%", spec.slug_prefix))).select(organizations::slug).load(conn)?;
    let mut next = [0i64; 9];
    for (i, t) in WITH_IDS.iter().enumerate() {
        next[i] = max_id(conn, t)? + 1;
    }
    let [org, participant, program, mentor, mentee, order, pair, survey, invitation] = next;
    let mut ids = Ids { org, participant, program, mentor, mentee, order, pair, survey, invitation };
    // Seeded: the same region every time.
    let mut rng = StdRng::seed_from_u64(spec.seed);
    let mut t = Tables::new();
    let mut built = Built::default();
    let roadmap = standard_roadmap();
    for k in 1..=spec.schools {
        let slug = format!("{}-{k}", spec.slug_prefix);
        if taken.contains(&slug) {
            continue;
        }
        let school = ids.org;
        ids.org += 1;
        // Sizes vary around the mean; every 25th school is a small village school.
        let size = if k % 25 == 0 { 30 } else { ((spec.students_per_school as f64) * (0.5 + rng.random::<f64>())).round() as usize };
        let town = TOWNS[(k - 1) % TOWNS.len()];
        let name = format!("МБОУ СОШ № {k} г. {town}");
        t.orgs.push(vec![school.into(), "school".into(), parent_id.into(), name.clone().into(), format!("СОШ № {k}").into(), slug.into(), "Asia/Vladivostok".into(), now.into(), now.into()]);
        // The contingent on 1 September: ages 7–17, one cohort each.
        for age in 7..=17 {
            let n = size / 11 + usize::from(((age - 7) as usize) < size % 11);
            t.contingent.push(vec![school.into(), september.into(), age.into(), (n as i32).into()]);
        }
        // Students, cohort by cohort: birthdays spread over the year before each age's cut-off.
        let first_student = ids.participant;
        for i in 0..size {
            let age = 7 + (i % 11) as i32;
            let born = september - Duration::days(i64::from(age) * 365 + i64::from(age / 4) + (i * 37 % 360) as i64);
            let (last, first_name) = (SURNAMES[rng.random_range(0..SURNAMES.len())], NAMES[rng.random_range(0..NAMES.len())]);
            t.participants.push(vec![
                ids.participant.into(),
                school.into(),
                format!("{k}-{i}").into(),
                "student".into(),
                last.into(),
                first_name.into(),
                format!("{} {}", last, first_name).to_lowercase().into(),
                born.into(),
                born.year().into(),
                (age - 6).into(),
                if i % 2 == 0 { "А" } else { "Б" }.into(),
                now.into(),
                now.into(),
            ]);
            ids.participant += 1;
        }
        built.students += size;
        let student = |age: i32, n: usize| first_student + ((n * 11) + (age - 7) as usize) as i64;
        let cohort = |age: i32| (size + 10 - (age - 7) as usize) / 11;

        let program_id = ids.program;
        ids.program += 1;
        t.programs.push(vec![
            program_id.into(),
            school.into(),
            "Программа наставничества".into(),
            year.clone().into(),
            start.into(),
            end.into(),
            r#"["student_student"]"#.into(),
            "[]".into(),
            "active".into(),
            now.into(),
            now.into(),
        ]);
        // The roadmap: most past deadlines done, some schools behind.
        let diligence = 0.6 + 0.4 * rng.random::<f64>();
        let mut position = [0i32; 8];
        for a in &roadmap {
            position[a.stage_no as usize] += 1;
            let deadline = place_deadline(first, a.month, start, end);
            let status = if deadline < today { if rng.random::<f64>() < diligence { "done" } else { "in_progress" } } else { "planned" };
            t.activities.push(vec![
                program_id.into(),
                a.stage_no.into(),
                position[a.stage_no as usize].into(),
                a.title.clone().into(),
                a.content.clone().into(),
                deadline.into(),
                a.responsible_role.map_or("curator", |r| r.as_str()).into(),
                a.expected_result.clone().unwrap_or_default().into(),
                status.into(),
                now.into(),
                now.into(),
            ]);
        }

        // Mentors from ages 14–17, mentees from 10–13: 2–8 % of the school mentors.
        let reach = 0.02 + 0.06 * rng.random::<f64>();
        let n_mentors = ((size as f64) * reach).round().max(1.0) as usize;
        let n_mentees = (n_mentors * 3 / 2).max(1);
        let mut mentor_ids = Vec::new();
        for n in 0..n_mentors {
            let age = 14 + (n % 4) as i32;
            if n / 4 >= cohort(age) {
                break;
            }
            mentor_ids.push((ids.mentor, student(age, n / 4)));
            ids.mentor += 1;
        }
        let mut mentee_ids = Vec::new();
        for n in 0..n_mentees {
            let age = 10 + (n % 4) as i32;
            if n / 4 >= cohort(age) {
                break;
            }
            mentee_ids.push((ids.mentee, student(age, n / 4)));
            ids.mentee += 1;
        }
        let order_id = ids.order;
        ids.order += 1;
        t.orders.push(vec![order_id.into(), program_id.into(), "1-о".into(), signed_on.into(), "Директор".into(), now.into()]);
        let survey_id = ids.survey;
        if template.is_some() {
            ids.survey += 1;
        }
        let answering = 0.4 + 0.55 * rng.random::<f64>();
        let paired = mentor_ids.len().min(mentee_ids.len());
        let mut completed = vec![false; paired];
        for (n, &(mentor_id, mentor_person)) in mentor_ids.iter().enumerate() {
            let pair_status = if n >= paired {
                None
            } else {
                let r = rng.random::<f64>();
                Some(if r < 0.7 { "active" } else if r < 0.85 { "approved" } else { "completed" })
            };
            let live = matches!(pair_status, Some("active" | "approved"));
            t.mentors.push(vec![
                mentor_id.into(),
                program_id.into(),
                mentor_person.into(),
                "internal".into(),
                r#"["academic_results"]"#.into(),
                2i32.into(),
                "passed".into(),
                "completed".into(),
                "in_base".into(),
                i32::from(live).into(),
                now.into(),
                now.into(),
            ]);
            t.consents.push(vec![mentor_person.into(), "parent".into(), "processing".into(), september.into(), now.into()]);
            let Some(status) = pair_status else { continue };
            completed[n] = status == "completed";
            let pair_id = ids.pair;
            ids.pair += 1;
            let (mentee_id, _) = mentee_ids[n];
            t.pairs.push(vec![pair_id.into(), program_id.into(), "student_student".into(), "achiever_underachiever".into(), mentor_id.into(), status.into(), order_id.into(), now.into(), now.into()]);
            t.pair_mentees.push(vec![pair_id.into(), mentee_id.into(), "student_student".into(), live.into()]);
            // Meetings: working pairs meet every two weeks, some stopped; completed ones finished.
            if status != "approved" {
                let mut day = signed_on + Duration::days(7);
                let stop = if rng.random::<f64>() < 0.15 { today - Duration::days(40) } else { today - Duration::days(1) };
                let mut kind = "introduction";
                while day <= stop {
                    let at = day.and_hms_opt(6, 0, 0).unwrap_or_default();
                    t.meetings.push(vec![pair_id.into(), kind.into(), at.into(), (at + Duration::hours(1)).into(), "in_person".into(), "held".into(), "demo".into(), now.into(), now.into()]);
                    kind = "regular";
                    day += Duration::days(14);
                }
                if status == "completed" {
                    let at = today.and_hms_opt(5, 0, 0).unwrap_or_default() - Duration::days(1);
                    t.meetings.push(vec![pair_id.into(), "final".into(), at.into(), (at + Duration::hours(1)).into(), "in_person".into(), "held".into(), "demo".into(), now.into(), now.into()]);
                }
            }
            if let Some(template_id) = template {
                let invitation_id = ids.invitation;
                ids.invitation += 1;
                let (_, mentee_person) = mentee_ids[n];
                t.invitations.push(vec![invitation_id.into(), survey_id.into(), format!("demo-region:{invitation_id}").into(), mentee_person.into(), now.into()]);
                if rng.random::<f64>() < answering {
                    t.responses.push(vec![survey_id.into(), invitation_id.into(), mentee_person.into(), "{}".into(), now.into(), now.into(), now.into()]);
                }
                if n == 0 {
                    t.surveys.push(vec![survey_id.into(), program_id.into(), template_id.into(), "quality".into(), "mentee".into(), start.into(), end.into(), now.into()]);
                }
            }
        }
        for (n, &(mentee_id, person)) in mentee_ids.iter().enumerate() {
            let status = match completed.get(n) {
                Some(true) => "completed",
                Some(false) => "matched",
                None => "in_base",
            };
            t.mentees.push(vec![mentee_id.into(), program_id.into(), person.into(), "[]".into(), "passive".into(), "Подтянуть математику".into(), r#"["academic_results"]"#.into(), status.into(), now.into(), now.into()]);
            t.consents.push(vec![person.into(), "parent".into(), "processing".into(), september.into(), now.into()]);
        }
        built.schools += 1;
        if k % 25 == 0 {
            built.rows += t.flush(conn)?;
        }
    }
    // A survey must exist before its invitations: flushed in table order, so it does.
    built.rows += t.flush(conn)?;
    for table in WITH_IDS {
        catch_up_sequence(conn, table)?;
    }
    // Fresh statistics, so that the planners see the tables as they now are, not empty.
    if built.schools > 0 {
        diesel::sql_query("ANALYZE").execute(conn)?;
    }
    Ok(built)
}

/// The load region of `nastavnik demo --schools N`: a region, its institute and N schools under
/// it, in one transaction. Running it again adds nothing that is there already.
pub fn load_region(conn: &mut DbConnection, schools: usize, students_per_school: usize) -> Result<(i64, Built), ApiError> {
    crate::db::transaction(conn, |conn| {
        let region = ensure_org(conn, "region", None, "Нагрузочный край", "load-region")?;
        let institute = ensure_org(conn, "institute", Some(region), "Институт развития образования Нагрузочного края", "load-region-iro")?;
        let built = populate(conn, institute, &Spec { schools, students_per_school, slug_prefix: "load-school", seed: 0x4E41_5354_4156_4E49 })?;
        // The demo's region administrator sees the load region too, when the demo is loaded.
        let region_admin: Option<i64> = users::table.filter(users::email.eq("region@demo.nastavnik.ru")).select(users::id).first(conn).optional()?;
        if let Some(user) = region_admin {
            let has: i64 = memberships::table.filter(memberships::user_id.eq(user)).filter(memberships::organization_id.eq(region)).count().get_result(conn)?;
            if has == 0 {
                diesel::insert_into(memberships::table)
                    .values((memberships::user_id.eq(user), memberships::organization_id.eq(region), memberships::role.eq("region_admin"), memberships::created_at.eq(Utc::now().naive_utc())))
                    .execute(conn)?;
            }
        }
        Ok((region, built))
    })
}

/// The organisation of this slug, created if missing.
pub fn ensure_org(conn: &mut DbConnection, kind: &str, parent: Option<i64>, name: &str, slug: &str) -> Result<i64, ApiError> {
    let existing: Option<i64> = organizations::table.filter(organizations::slug.eq(slug)).select(organizations::id).first(conn).optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    let now = Utc::now().naive_utc();
    Ok(diesel::insert_into(organizations::table)
        .values((
            organizations::kind.eq(kind),
            organizations::parent_id.eq(parent),
            organizations::name.eq(name),
            organizations::slug.eq(slug),
            organizations::time_zone.eq("Asia/Vladivostok"),
            organizations::created_at.eq(now),
            organizations::updated_at.eq(now),
        ))
        .returning(organizations::id)
        .get_result(conn)?)
}
