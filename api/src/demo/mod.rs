//! Demo data for `make run`: a region, its institute, a school (seed 003: Приморский край →
//! ПК ИРО → МБОУ СОШ с. Кремово) and a user for every role. Loading twice changes nothing.

use chrono::{NaiveDate, Utc};
use diesel::prelude::*;

use crate::auth::{Role, password};
use crate::db::schema::{contingent_age_groups as cag, memberships, organizations, users};
use crate::db::{DbConnection, transaction};
use crate::error::ApiError;
use crate::orgs::contingent::insert_age_group;
use crate::orgs::dto::AgeGroup;
use crate::orgs::store::search_key;

mod bases;
mod meetings;
mod monitoring;
mod pairs;
mod programme;
mod recognition;
mod reporting;
pub mod region;
mod rows;

pub const PASSWORD: &str = "demo-password-2026";

/// (e-mail, full name, role in which organisation: 0 region, 1 institute, 2 school; None = system admin)
type Person = (&'static str, &'static str, Option<(usize, Role)>);

const PEOPLE: &[Person] = &[
    ("admin@demo.nastavnik.ru", "Администратор системы", None),
    ("region@demo.nastavnik.ru", "Орлова Марина Викторовна", Some((0, Role::RegionAdmin))),
    ("iro@demo.nastavnik.ru", "Кузнецов Андрей Павлович", Some((1, Role::Institute))),
    ("director@demo.nastavnik.ru", "Смирнова Ольга Николаевна", Some((2, Role::SchoolAdmin))),
    ("coordinator@demo.nastavnik.ru", "Лебедева Татьяна Ивановна", Some((2, Role::Coordinator))),
    ("curator@demo.nastavnik.ru", "Иванова Анна Петровна", Some((2, Role::Curator))),
    ("psychologist@demo.nastavnik.ru", "Морозова Елена Сергеевна", Some((2, Role::Psychologist))),
    ("mentor@demo.nastavnik.ru", "Павлов Игорь Дмитриевич", Some((2, Role::Mentor))),
    ("mentee@demo.nastavnik.ru", "Соколов Максим", Some((2, Role::Mentee))),
];

/// (kind, name, short name, slug, parent index)
const ORGS: &[(&str, &str, &str, &str, Option<usize>)] = &[
    ("region", "Приморский край", "Приморский край", "primorsky-krai", None),
    ("institute", "Приморский краевой институт развития образования", "ПК ИРО", "pk-iro", Some(0)),
    ("school", "МБОУ СОШ с. Кремово", "СОШ с. Кремово", "mbou-sosh-s-kremovo", Some(1)),
];

/// Students by age, from 7 to 17, on 1 September.
const CONTINGENT: &[(i32, i32)] =
    &[(7, 24), (8, 27), (9, 25), (10, 29), (11, 26), (12, 31), (13, 28), (14, 30), (15, 27), (16, 18), (17, 16)];

pub struct DemoLogin {
    pub email: &'static str,
    pub role: &'static str,
}

/// Loads the whole demo (the tree, the people, the programme, its bases, pairs, monitoring and recognition) if it is not there
/// yet; returns the logins to print.
pub fn load(conn: &mut DbConnection) -> Result<Vec<DemoLogin>, ApiError> {
    let logins = load_core(conn)?;
    transaction(conn, |conn| {
        let school: i64 = organizations::table.filter(organizations::slug.eq(ORGS[2].3)).select(organizations::id).first(conn)?;
        let program: i64 = crate::db::schema::programs::table
            .filter(crate::db::schema::programs::school_id.eq(school))
            .filter(crate::db::schema::programs::title.eq(programme::TITLE))
            .select(crate::db::schema::programs::id)
            .first(conn)?;
        let today = crate::programs::store::school_today(conn, school)?;
        bases::load(conn, school, program, today)?;
        pairs::load(conn, school, program, today)?;
        monitoring::load(conn, program, today)?;
        recognition::load(conn, school, program, today)?;
        let institute: i64 = organizations::table.filter(organizations::slug.eq(ORGS[1].3)).select(organizations::id).first(conn)?;
        reporting::load(conn, institute)
    })?;
    Ok(logins)
}

/// The tree, the people and the programme, without the bases' few hundred participants: what
/// the black-box tests start from.
pub fn load_core(conn: &mut DbConnection) -> Result<Vec<DemoLogin>, ApiError> {
    let hash = password::hash(PASSWORD)?;
    transaction(conn, |conn| {
        let now = Utc::now().naive_utc();
        let mut org_ids = Vec::new();
        for (kind, name, short, slug, parent) in ORGS {
            let existing: Option<i64> =
                organizations::table.filter(organizations::slug.eq(slug)).select(organizations::id).first(conn).optional()?;
            let id = match existing {
                Some(id) => id,
                None => diesel::insert_into(organizations::table)
                    .values((
                        organizations::kind.eq(kind),
                        organizations::parent_id.eq(parent.map(|p| org_ids[p])),
                        organizations::name.eq(name),
                        organizations::short_name.eq(short),
                        organizations::slug.eq(slug),
                        organizations::time_zone.eq("Asia/Vladivostok"),
                        organizations::created_at.eq(now),
                        organizations::updated_at.eq(now),
                    ))
                    .returning(organizations::id)
                    .get_result(conn)?,
            };
            org_ids.push(id);
        }
        let school = org_ids[2];
        let has_contingent: i64 = cag::table.filter(cag::organization_id.eq(school)).count().get_result(conn)?;
        if has_contingent == 0 {
            let date = NaiveDate::from_ymd_opt(2026, 9, 1).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("bad date")))?;
            for &(age, students) in CONTINGENT {
                insert_age_group(conn, school, date, &AgeGroup { age, students })?;
            }
        }
        let mut logins = Vec::new();
        let mut ids = std::collections::HashMap::new();
        for (email, name, grant) in PEOPLE {
            let existing: Option<i64> = users::table.filter(users::email.eq(email)).select(users::id).first(conn).optional()?;
            let id = match existing {
                Some(id) => id,
                None => diesel::insert_into(users::table)
                    .values((
                        users::email.eq(email),
                        users::full_name.eq(name),
                        users::search_key.eq(search_key(name, email)),
                        users::password_hash.eq(&hash),
                        users::is_system_admin.eq(grant.is_none()),
                        users::created_at.eq(now),
                        users::updated_at.eq(now),
                    ))
                    .returning(users::id)
                    .get_result(conn)?,
            };
            if let Some((org, role)) = grant {
                let has: i64 = memberships::table
                    .filter(memberships::user_id.eq(id))
                    .filter(memberships::organization_id.eq(org_ids[*org]))
                    .count()
                    .get_result(conn)?;
                if has == 0 {
                    diesel::insert_into(memberships::table)
                        .values((
                            memberships::user_id.eq(id),
                            memberships::organization_id.eq(org_ids[*org]),
                            memberships::role.eq(role.as_str()),
                            memberships::created_at.eq(now),
                        ))
                        .execute(conn)?;
                }
            }
            ids.insert(*email, id);
            logins.push(DemoLogin { email, role: grant.map(|(_, r)| r.as_str()).unwrap_or("system_admin") });
        }
        let staff = |email: &str| ids.get(email).copied().ok_or_else(|| ApiError::Internal(anyhow::anyhow!("demo user {email} missing")));
        programme::load(conn, school, staff("coordinator@demo.nastavnik.ru")?, staff("curator@demo.nastavnik.ru")?)?;
        Ok(logins)
    })
}

pub fn print_logins(logins: &[DemoLogin], base_url: &str) {
    println!("\nНаставник demo: open {base_url}");
    println!("Every demo user's password: {PASSWORD}");
    for l in logins {
        println!("  {:<34} {}", l.email, l.role);
    }
    println!();
}
