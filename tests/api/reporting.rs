//! The institute's view: the regional dashboard and report periods.

use nastavnik_tests::{TestApp, on_both};
use serde_json::{Value, json};

use crate::pairs::{Base, base, make_pair, mentee, mentor, sign_order_on};
use crate::participants::{consent, student};

on_both!(
    dashboard_rows_and_totals_add_up_by_age_band,
    small_counts_are_suppressed_for_the_region,
    school_staff_cannot_see_the_regional_view,
    a_future_reference_date_is_refused_and_nothing_is_written,
    a_closed_period_is_frozen_and_its_csv_layout_is_fixed,
    the_load_region_is_built_once_and_rolls_up,
);

const CSV_HEADER: &str = "schema_version,school_id,school_name,parent_id,parent_name,suppressed,mentors,mentees,pairs,pairs_student_student,pairs_teacher_teacher,pairs_employer_student,pairs_university_student_student,pairs_employer_college_student,involved,involved_student_student,involved_teacher_teacher,involved_employer_student,involved_university_student_student,involved_employer_college_student,students_in_band,contingent_date,share,share_student_student,share_teacher_teacher,share_employer_student,share_university_student_student,share_employer_college_student,roadmap_done,roadmap_total,roadmap_overdue,response_rate,silence_alerts";

/// A mentee of the given birth date, consented and in the programme's base; its enrolment id.
async fn mentee_born(app: &TestApp, b: &Base, first: &str, born: &str) -> i64 {
    let person = student(app, &b.curator, b.school, "Возрастов", first, json!({"grade": 5, "birth_date": born})).await;
    let id = person["id"].as_i64().unwrap_or(0);
    consent(app, &b.curator, id).await;
    let body = json!({"participant_id": id, "mentee_type": "passive", "categories": ["poor_results"], "request_text": "Запрос", "request_tags": ["academic_results"], "status": "in_base"});
    let a = app.post(&format!("programs/{}/mentees", b.programme), &b.curator, body).await;
    assert_eq!(a.status, 201, "{}", a.body);
    a.id()
}

/// Pairs every mentor with one mentee in order and approves them all by one order.
async fn approve_pairs(app: &TestApp, b: &Base, mentees: &[i64], order: &str) -> Vec<i64> {
    let mut pairs = Vec::new();
    for (m, e) in b.mentors.iter().zip(mentees) {
        let p = make_pair(app, b, *m, &[*e]).await;
        assert_eq!(p.status, 201, "{}", p.body);
        pairs.push(p.id());
    }
    let o = sign_order_on(app, b, order, "2026-11-01", &pairs).await;
    assert_eq!(o.status, 201, "{}", o.body);
    pairs
}

/// The demo school with 6 mentors and 7 mentees, 6 of them in approved pairs: four aged 13 (the
/// default birth date), one aged 18 and one aged 8 at the end of November 2026.
async fn six_pairs(app: &TestApp) -> Base {
    let mut b = base(app, &[mentor(10, 1), mentor(10, 1), mentor(10, 1), mentor(10, 1), mentor(11, 1), mentor(11, 1)], &[mentee(6), mentee(6), mentee(6), mentee(6), mentee(6)]).await;
    let eighteen = mentee_born(app, &b, "Старший", "2008-01-10").await;
    let eight = mentee_born(app, &b, "Младший", "2018-05-01").await;
    let paired = [b.mentees[0], b.mentees[1], b.mentees[2], b.mentees[3], eighteen, eight];
    approve_pairs(app, &b, &paired, "10-о").await;
    b.mentees.extend([eighteen, eight]);
    b
}

fn row(dashboard: &Value, school: i64) -> &Value {
    dashboard["rows"].as_array().and_then(|rows| rows.iter().find(|r| r["school_id"] == school)).unwrap_or_else(|| panic!("no row for {school}: {dashboard}"))
}

async fn dashboard_rows_and_totals_add_up_by_age_band(app: TestApp) {
    let admin = app.login("admin").await;
    let (region, institute, school) = app.demo_tree(&admin).await;
    let b = six_pairs(&app).await;
    let other = app.post("organizations", &admin, json!({"kind": "school", "parent_id": institute, "name": "СОШ № 2 г. Уссурийск", "time_zone": "Asia/Vladivostok"})).await.id();
    let put = app.put(&format!("organizations/{other}/contingent"), &admin, json!({"reference_date": "2026-09-01", "age_groups": [{"age": 10, "students": 30}, {"age": 11, "students": 30}, {"age": 12, "students": 30}]})).await;
    assert_eq!(put.status, 200, "{}", put.body);

    let region_admin = app.login("region").await;
    let d = app.get(&format!("organizations/{region}/dashboard"), &region_admin).await;
    assert_eq!(d.status, 200, "{}", d.body);
    assert_eq!((d.body["schools_total"].as_i64(), d.body["age_from"].as_i64(), d.body["age_to"].as_i64()), (Some(2), Some(10), Some(18)));
    let names: Vec<&str> = d.body["rows"].as_array().expect("rows").iter().filter_map(|r| r["school_name"].as_str()).collect();
    assert_eq!(names, ["МБОУ СОШ с. Кремово", "СОШ № 2 г. Уссурийск"], "sorted by name");
    let k = row(&d.body, school);
    assert_eq!((k["mentors"].as_i64(), k["mentees"].as_i64(), k["pairs"].as_i64(), k["pairs_student_student"].as_i64()), (Some(6), Some(7), Some(6), Some(6)));
    // 10–18: the four of 13 and the one of 18; the demo contingent has 205 students aged 10–17.
    assert_eq!((k["involved"].as_i64(), k["students_in_band"].as_i64(), k["share"].as_f64()), (Some(5), Some(205), Some(0.0244)), "{k}");
    assert_eq!((k["suppressed"].as_bool(), k["contingent_date"].as_str(), k["parent_name"].as_str()), (Some(false), Some("2026-09-01"), Some("Приморский краевой институт развития образования")));
    assert!(k["roadmap_total"].as_i64().unwrap_or(0) > 0, "{k}");
    let o = row(&d.body, other);
    assert_eq!((o["mentors"].as_i64(), o["involved"].as_i64(), o["students_in_band"].as_i64(), o["share"].as_f64()), (Some(0), Some(0), Some(90), Some(0.0)));
    let t = &d.body["totals"];
    assert_eq!((t["mentors"].as_i64(), t["pairs"].as_i64(), t["involved"].as_i64(), t["students_in_band"].as_i64(), t["share"].as_f64()), (Some(6), Some(6), Some(5), Some(295), Some(0.0169)));
    assert_eq!(t["roadmap_total"], k["roadmap_total"].as_i64().unwrap_or(0) + o["roadmap_total"].as_i64().unwrap_or(0));

    // The band decides the numerator and the denominator: 8–18 takes the child of 8 in, and
    // the contingent's eight- and nine-year-olds (27 + 25).
    let wide = app.get(&format!("organizations/{institute}/dashboard?age_from=8&age_to=18&sort=share&order=desc"), &admin).await;
    let k = row(&wide.body, school);
    assert_eq!((k["involved"].as_i64(), k["students_in_band"].as_i64(), k["share"].as_f64()), (Some(6), Some(257), Some(0.0233)));
    assert_eq!(wide.body["rows"][0]["school_id"], school, "highest share first");

    // Filters: text, parent, overdue.
    let only = app.get(&format!("organizations/{region}/dashboard?q=уссурийск"), &region_admin).await;
    assert_eq!((only.body["rows"].as_array().map(Vec::len), only.body["totals"]["students_in_band"].as_i64()), (Some(1), Some(90)));
    let by_parent = app.get(&format!("organizations/{region}/dashboard?parent_id={institute}"), &region_admin).await;
    assert_eq!(by_parent.body["rows"].as_array().map(Vec::len), Some(2));
    assert_eq!(by_parent.body["parents"][0]["schools"], 2);
    let none_overdue = app.get(&format!("organizations/{region}/dashboard?has_overdue=false"), &region_admin).await;
    assert!(none_overdue.body["rows"].as_array().expect("rows").iter().all(|r| r["roadmap_overdue"] == 0));

    // Bad input is 422 and names the parameter.
    for bad in ["age_from=12&age_to=10", "age_from=3", "sort=colour", "order=up", "format=xml"] {
        let a = app.get(&format!("organizations/{region}/dashboard?{bad}"), &region_admin).await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (422, "validation_failed"), "{bad}");
    }
    let on_school = app.get(&format!("organizations/{school}/dashboard"), &admin).await;
    assert_eq!((on_school.status.as_u16(), on_school.code().as_str()), (409, "not_a_region_or_institute"));

    let csv = app.client.get(app.url(&format!("organizations/{region}/dashboard?format=csv"))).bearer_auth(&region_admin).send().await.expect("csv");
    assert_eq!(csv.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("text/csv; charset=utf-8"));
    let text = csv.text().await.unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], CSV_HEADER);
    assert_eq!(lines.len(), 3);
    assert!(lines[1].starts_with(&format!("1,{school},МБОУ СОШ с. Кремово,{institute},")), "{}", lines[1]);
    drop(b);
}

async fn small_counts_are_suppressed_for_the_region(app: TestApp) {
    let admin = app.login("admin").await;
    let (region, _, school) = app.demo_tree(&admin).await;
    let b = base(&app, &[mentor(10, 2)], &[mentee(6), mentee(7)]).await;
    let group = make_pair(&app, &b, b.mentors[0], &b.mentees).await.id();
    assert_eq!(sign_order_on(&app, &b, "3-о", "2026-11-01", &[group]).await.status, 201);
    let d = app.get(&format!("organizations/{region}/dashboard"), &app.login("region").await).await;
    let k = row(&d.body, school);
    assert_eq!(k["suppressed"], true);
    for field in ["mentors", "mentees", "pairs", "pairs_student_student", "involved", "involved_student_student", "share", "share_student_student"] {
        assert!(k[field].is_null(), "{field} must be hidden: {k}");
    }
    // Zero identifies nobody; the contingent is not a count of the programme's children.
    assert_eq!((k["pairs_teacher_teacher"].as_i64(), k["students_in_band"].as_i64()), (Some(0), Some(205)));
    assert_eq!(d.body["totals"]["suppressed"], true);
    assert!(d.body["totals"]["mentees"].is_null());
}

async fn school_staff_cannot_see_the_regional_view(app: TestApp) {
    let admin = app.login("admin").await;
    let (region, institute, school) = app.demo_tree(&admin).await;
    for who in ["director", "coordinator", "curator", "psychologist", "mentor", "mentee"] {
        let token = app.login(who).await;
        for org in [region, institute] {
            let a = app.get(&format!("organizations/{org}/dashboard"), &token).await;
            assert_eq!(a.status, 404, "{who} on {org}: {}", a.body);
            let p = app.get(&format!("organizations/{org}/report-periods"), &token).await;
            assert_eq!(p.status, 404, "{who}");
        }
        let a = app.get(&format!("organizations/{school}/dashboard"), &token).await;
        assert_eq!(a.status, 403, "{who} inside the school has no right to the regional view");
    }
    // Another region's people see nothing of this one.
    let (foreign_region, _, _) = app.foreign_tree(&admin).await;
    let iro = app.login("iro").await;
    assert_eq!(app.get(&format!("organizations/{foreign_region}/dashboard"), &iro).await.status, 404);
    assert_eq!(app.get(&format!("organizations/{institute}/dashboard"), &iro).await.status, 200);
    // The institute sees its own subtree, not the region above it.
    assert_eq!(app.get(&format!("organizations/{region}/dashboard"), &iro).await.status, 404);
    let unauthenticated = app.client.get(app.url(&format!("organizations/{region}/dashboard"))).send().await.expect("request");
    assert_eq!(unauthenticated.status(), 401);
}

fn vladivostok_today() -> chrono::NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Asia::Vladivostok).date_naive()
}

async fn a_future_reference_date_is_refused_and_nothing_is_written(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let iro = app.login("iro").await;
    let path = format!("organizations/{institute}/report-periods");
    let tomorrow = vladivostok_today() + chrono::Duration::days(1);
    let future = app.post(&path, &iro, json!({"title": "Осень", "reference_date": tomorrow.to_string(), "opens_on": "2026-10-01", "closes_on": "2026-12-20"})).await;
    assert_eq!((future.status.as_u16(), future.code().as_str()), (422, "reference_date_in_future"), "{}", future.body);
    assert_eq!(future.body["errors"][0]["field"], "reference_date");
    for (body, field) in [
        (json!({"title": "Осень", "reference_date": "2026-10-01", "opens_on": "2026-12-01", "closes_on": "2026-10-01"}), "closes_on"),
        (json!({"title": " ", "reference_date": "2026-10-01", "opens_on": "2026-10-01", "closes_on": "2026-12-20"}), "title"),
        (json!({"title": "Осень", "reference_date": "2026-10-01", "opens_on": "2026-10-01", "closes_on": "2026-12-20", "age_from": 3}), "age_from"),
        (json!({"title": "Осень", "reference_date": "2026-10-01", "opens_on": "2026-10-01", "closes_on": "2026-12-20", "age_from": 14, "age_to": 12}), "age_to"),
    ] {
        let a = app.post(&path, &iro, body).await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (422, "validation_failed"), "{field}: {}", a.body);
        assert_eq!(a.body["errors"][0]["field"], field);
    }
    let curator = app.login("curator").await;
    assert_eq!(app.post(&path, &curator, json!({"title": "Осень", "reference_date": "2026-10-01", "opens_on": "2026-10-01", "closes_on": "2026-12-20"})).await.status, 404);
    let on_school = app.post(&format!("organizations/{school}/report-periods"), &admin, json!({"title": "Осень", "reference_date": "2026-10-01", "opens_on": "2026-10-01", "closes_on": "2026-12-20"})).await;
    assert_eq!(on_school.status, 409);
    assert_eq!((app.count("report_periods"), app.count("report_snapshots")), (0, 0), "nothing written");
}

async fn export_csv(app: &TestApp, token: &str, period: i64) -> String {
    let res = app.client.get(app.url(&format!("report-periods/{period}/export?format=csv"))).bearer_auth(token).send().await.expect("export");
    assert_eq!(res.status(), 200);
    res.text().await.unwrap_or_default()
}

async fn a_closed_period_is_frozen_and_its_csv_layout_is_fixed(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let b = six_pairs(&app).await;
    let iro = app.login("iro").await;
    let today = vladivostok_today().to_string();
    let opened = app
        .post(&format!("organizations/{institute}/report-periods"), &iro, json!({"title": "Мониторинг, осень 2026", "reference_date": today, "opens_on": "2026-10-01", "closes_on": "2026-12-20", "age_from": 8}))
        .await;
    assert_eq!(opened.status, 201, "{}", opened.body);
    let period = opened.id();
    assert_eq!(opened.header("location"), Some(format!("/api/v1/report-periods/{period}")));
    assert_eq!((opened.body["status"].as_str(), opened.body["schools"].as_i64(), opened.body["age_to"].as_i64()), (Some("open"), Some(1), Some(18)));

    let export = app.get(&format!("report-periods/{period}/export"), &iro).await;
    assert_eq!(export.body["schema_version"], 1);
    let k = &export.body["rows"][0];
    // 8–18: all six paired mentees; the contingent's 8–17-year-olds.
    assert_eq!((k["school_id"].as_i64(), k["involved"].as_i64(), k["students_in_band"].as_i64(), k["share"].as_f64()), (Some(school), Some(6), Some(257), Some(0.0233)));
    let csv = export_csv(&app, &iro, period).await;
    assert_eq!(csv.lines().next(), Some(CSV_HEADER));

    // While open, a refresh takes in the school's late corrections.
    let more = base(&app, &[mentor(11, 1)], &[mentee(6)]).await;
    approve_pairs(&app, &more, &more.mentees, "11-о").await;
    let refreshed = app.post(&format!("report-periods/{period}/snapshot"), &iro, json!({})).await;
    assert_eq!(refreshed.status, 200, "{}", refreshed.body);
    let export = app.get(&format!("report-periods/{period}/export"), &iro).await;
    assert_eq!(export.body["rows"][0]["involved"], 7);

    let closed = app.post(&format!("report-periods/{period}/close"), &iro, json!({})).await;
    assert_eq!((closed.status.as_u16(), closed.body["status"].as_str()), (200, Some("closed")));
    let frozen = export_csv(&app, &iro, period).await;
    // Later changes: another pair, the school renamed. The closed period does not move.
    let late = base(&app, &[mentor(11, 1)], &[mentee(6)]).await;
    approve_pairs(&app, &late, &late.mentees, "12-о").await;
    let org = app.get(&format!("organizations/{school}"), &admin).await;
    let etag = org.header("etag").unwrap_or_default();
    let renamed = app.send(reqwest::Method::PATCH, &format!("organizations/{school}"), Some(&admin), Some(json!({"name": "МБОУ СОШ с. Кремово (переименована)"})), &[("If-Match", &etag)]).await;
    assert_eq!(renamed.status, 200, "{}", renamed.body);
    assert_eq!(export_csv(&app, &iro, period).await, frozen);
    let again = app.post(&format!("report-periods/{period}/snapshot"), &iro, json!({})).await;
    assert_eq!((again.status.as_u16(), again.code().as_str()), (409, "period_closed"));
    assert_eq!(app.post(&format!("report-periods/{period}/close"), &iro, json!({})).await.code(), "period_closed");
    assert_eq!(export_csv(&app, &iro, period).await, frozen);
    // The dashboard is live and sees them.
    let live = app.get(&format!("organizations/{institute}/dashboard?age_from=8"), &iro).await;
    assert_eq!(row(&live.body, school)["involved"], 8);

    let list = app.get(&format!("organizations/{institute}/report-periods"), &iro).await;
    assert_eq!(list.body["items"][0]["id"], period);
    let curator = app.login("curator").await;
    assert_eq!(app.get(&format!("report-periods/{period}/export"), &curator).await.status, 404);
    assert_eq!(app.get(&format!("report-periods/{period}"), &curator).await.status, 404);
    drop(b);
}

async fn the_load_region_is_built_once_and_rolls_up(app: TestApp) {
    let demo = || {
        std::process::Command::new(crate::cli::binary())
            .args(["demo", "--schools", "30", "--students-per-school", "60"])
            .env_clear()
            .env("DATABASE_URL", app.database.url_string())
            .env("NASTAVNIK_DATA_DIR", &app.database.dir)
            .env("NASTAVNIK_LOG", "warn")
            .output()
            .expect("run nastavnik demo")
    };
    let first = demo();
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stdout).contains("30 schools"), "{}", String::from_utf8_lossy(&first.stdout));
    let participants = app.count("participants");
    let again = demo();
    assert!(again.status.success());
    assert_eq!(app.count("participants"), participants, "a second run adds nothing");

    let admin = app.login("admin").await;
    let list = app.get("organizations?limit=500&kind=region", &admin).await;
    let region = list.body["items"].as_array().and_then(|o| o.iter().find(|o| o["slug"] == "load-region")).map(|o| o["id"].as_i64().unwrap_or(0)).expect("load region");
    let d = app.get(&format!("organizations/{region}/dashboard?sort=mentees&order=asc"), &admin).await;
    assert_eq!((d.status.as_u16(), d.body["rows"].as_array().map(Vec::len)), (200, Some(30)), "{}", d.body);
    // The 25th school is a village school of 30 students: its one or two mentors are hidden.
    let village = row(&d.body, d.body["rows"].as_array().expect("rows").iter().find(|r| r["school_name"].as_str().is_some_and(|n| n.starts_with("МБОУ СОШ № 25 "))).and_then(|r| r["school_id"].as_i64()).expect("school 25"));
    assert_eq!((village["suppressed"].as_bool(), village["mentors"].as_i64()), (Some(true), None), "{village}");
    let t = &d.body["totals"];
    assert!(t["pairs"].as_i64().unwrap_or(0) > 30 && t["share"].as_f64().unwrap_or(0.0) > 0.0, "{t}");
    assert!(t["response_rate"].as_f64().is_some() && t["roadmap_total"].as_i64().unwrap_or(0) > 0, "{t}");
    // The region administrator of the demo sees the load region too.
    assert_eq!(app.get(&format!("organizations/{region}/dashboard"), &app.login("region").await).await.status, 200);
}
