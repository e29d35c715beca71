//! The demo school's programme: the current academic year, stages 1–5 done with their orders on
//! record, stage 6 under way with one activity overdue, the media plan published so far.

use chrono::{Duration, NaiveDate, Utc};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::{media_plan_items as mp, programs, roadmap_activities as ra};
use crate::error::ApiError;
use crate::programs::status::{ActivityStatus, MediaStatus, ProgramStatus};
use crate::programs::store::{school_today, seed, set_curators};
use crate::programs::template::{academic_year_of, default_dates, first_year, standard_roadmap};

pub const TITLE: &str = "Программа наставничества «Ученик – ученик»";

/// (stage, order number) for the stage-1 activities that rest on an order.
const ORDERS: [(&str, &str); 2] = [("Подготовка нормативной базы", "87-о"), ("Утверждение форм и программы наставничества", "95-о")];

pub fn load(conn: &mut DbConnection, school_id: i64, coordinator_id: i64, curator_id: i64) -> Result<(), ApiError> {
    let exists: i64 = programs::table.filter(programs::school_id.eq(school_id)).filter(programs::title.eq(TITLE)).count().get_result(conn)?;
    if exists > 0 {
        return Ok(());
    }
    let today = school_today(conn, school_id)?;
    let year = academic_year_of(today);
    let first = first_year(&year).ok_or_else(|| ApiError::Internal(anyhow::anyhow!("bad academic year {year}")))?;
    let (start, end) = default_dates(first);
    let now = Utc::now().naive_utc();
    let id: i64 = diesel::insert_into(programs::table)
        .values((
            programs::school_id.eq(school_id),
            programs::title.eq(TITLE),
            programs::academic_year.eq(&year),
            programs::start_date.eq(start),
            programs::end_date.eq(end),
            programs::forms.eq(r#"["student_student"]"#),
            programs::coordinator_id.eq(coordinator_id),
            programs::contact_name.eq("Иванова Анна Петровна, куратор"),
            programs::contact_phone.eq("+7 (423) 000-00-00"),
            programs::contact_email.eq("curator@demo.nastavnik.ru"),
            programs::goal.eq("Максимально полное раскрытие потенциала личности наставляемого, необходимое для успешной личной и профессиональной самореализации."),
            programs::tasks.eq(r#"["Разработка и реализация мероприятий дорожной карты","Формирование баз наставников и наставляемых","Обучение наставников","Мониторинг и оценка качества программы"]"#),
            programs::status.eq(ProgramStatus::Active.as_str()),
            programs::created_at.eq(now),
            programs::updated_at.eq(now),
        ))
        .returning(programs::id)
        .get_result(conn)?;
    set_curators(conn, id, &[curator_id])?;
    seed(conn, id, &standard_roadmap(), first, start, end)?;
    play_history(conn, id, today, start)
}

/// Moves the seeded roadmap to where a real school stands at this time of year.
fn play_history(conn: &mut DbConnection, program_id: i64, today: NaiveDate, start: NaiveDate) -> Result<(), ApiError> {
    let rows: Vec<(i64, i32, String, NaiveDate)> = ra::table
        .filter(ra::program_id.eq(program_id))
        .select((ra::id, ra::stage_no, ra::title, ra::deadline))
        .load(conn)?;
    let before = |days: i64| (today - Duration::days(days)).max(start);
    for (id, stage_no, title, deadline) in rows {
        if stage_no <= 5 {
            // Done on time, or a few days before today when the template's month is still ahead.
            let done_on = deadline.min(before(i64::from(6 - stage_no) * 3));
            let order = ORDERS.iter().find(|(t, _)| *t == title).map(|(_, n)| *n);
            diesel::update(ra::table.find(id))
                .set((
                    ra::status.eq(ActivityStatus::Done.as_str()),
                    ra::completed_at.eq(done_on.and_hms_opt(15, 0, 0)),
                    ra::result_note.eq("Выполнено"),
                    ra::evidence_order_number.eq(order),
                    ra::evidence_order_date.eq(order.map(|_| done_on)),
                ))
                .execute(conn)?;
        } else if stage_no == 6 && title.starts_with("Комплекс") {
            diesel::update(ra::table.find(id)).set(ra::status.eq(ActivityStatus::InProgress.as_str())).execute(conn)?;
        }
    }
    // What every seed's stage 6 begins with, and what a busy school lets slip.
    let now = Utc::now().naive_utc();
    diesel::insert_into(ra::table)
        .values((
            ra::program_id.eq(program_id),
            ra::stage_no.eq(6),
            ra::position.eq(0),
            ra::title.eq("Встреча-знакомство во всех парах"),
            ra::content.eq("Первая, организационная встреча наставника и наставляемого в каждой паре и группе."),
            ra::deadline.eq(before(10)),
            ra::responsible_role.eq("curator"),
            ra::status.eq(ActivityStatus::InProgress.as_str()),
            ra::created_at.eq(now),
            ra::updated_at.eq(now),
        ))
        .execute(conn)?;
    let items: Vec<(i64, NaiveDate)> =
        mp::table.filter(mp::program_id.eq(program_id)).order((mp::deadline, mp::id)).select((mp::id, mp::deadline)).load(conn)?;
    for (n, (id, deadline)) in items.into_iter().enumerate() {
        // The first two are out early even in September, so the school's website has news from the start.
        if deadline < today || n < 2 {
            diesel::update(mp::table.find(id))
                .set((mp::status.eq(MediaStatus::Published.as_str()), mp::published_url.eq(format!("https://kremovo-school.example/news/nastavnichestvo-{}", n + 1))))
                .execute(conn)?;
        }
    }
    Ok(())
}
