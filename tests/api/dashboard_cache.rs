//! The dashboard keeps each school's figures between requests (reporting/figure_cache.rs): after
//! any change to what they are counted from, the next dashboard must show what a fresh
//! measurement shows, never the figures kept from before.

use nastavnik::reporting::dashboard::{subtree_schools, todays};
use nastavnik::reporting::figures::{AgeBand, measure};
use nastavnik::reporting::rows::Figures;
use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

use crate::meetings::{log, meeting};
use crate::pairs::{base, make_pair, mentee, mentor, sign_order_on};
use crate::participants::{consent, student};

on_both!(the_dashboard_follows_every_change_to_a_schools_records,);

/// The school's figures measured now, past any cache, as the dashboard shows them.
fn measured(app: &TestApp, region: i64, school: i64) -> Value {
    let mut conn = app.db.get().expect("connection");
    let schools = subtree_schools(&mut conn, region).expect("subtree");
    let days: Vec<_> = todays(&schools).into_iter().filter(|(id, _)| *id == school).collect();
    let raw = measure(&mut conn, &days, AgeBand::default(), false).expect("measure");
    serde_json::to_value(Figures::of_school(&raw[&school])).expect("json")
}

/// The school's row of the dashboard equals a fresh measurement; returns the row.
async fn shows_fresh_figures(app: &TestApp, token: &str, region: i64, school: i64, after: &str) -> Value {
    let d = app.get(&format!("organizations/{region}/dashboard"), token).await;
    assert_eq!(d.status, 200, "{}", d.body);
    let row = d.body["rows"].as_array().and_then(|rows| rows.iter().find(|r| r["school_id"] == school)).cloned().expect("the school's row");
    let fresh = measured(app, region, school);
    for (field, value) in fresh.as_object().expect("figures") {
        assert_eq!(&row[field], value, "after {after}: {field} shown {} but measured {value}", row[field]);
    }
    row
}

async fn the_dashboard_follows_every_change_to_a_schools_records(app: TestApp) {
    let admin = app.login("admin").await;
    let (region, _, school) = app.demo_tree(&admin).await;
    let token = app.login("region").await;
    let b = base(&app, &[mentor(10, 1), mentor(10, 1), mentor(10, 1), mentor(10, 1), mentor(10, 1), mentor(11, 1)], &[mentee(6), mentee(6), mentee(6), mentee(6), mentee(6)]).await;
    let child = student(&app, &b.curator, b.school, "Возрастов", "Тимур", json!({"grade": 6, "birth_date": "2013-03-01"})).await["id"].as_i64().unwrap_or(0);
    consent(&app, &b.curator, child).await;
    let enrolled = app
        .post(&format!("programs/{}/mentees", b.programme), &b.curator, json!({"participant_id": child, "mentee_type": "passive", "categories": ["poor_results"], "request_text": "Запрос", "request_tags": ["academic_results"], "status": "in_base"}))
        .await
        .id();
    let mut pairs = Vec::new();
    for (m, e) in b.mentors.iter().zip(b.mentees.iter().chain([&enrolled])) {
        pairs.push(make_pair(&app, &b, *m, &[*e]).await.id());
    }
    assert_eq!(sign_order_on(&app, &b, "20-о", "2026-11-01", &pairs).await.status, 201);

    let first = shows_fresh_figures(&app, &token, region, school, "the pairs").await;
    assert_eq!((first["pairs"].as_i64(), first["involved"].as_i64()), (Some(6), Some(6)), "{first}");
    assert!(app.count("school_figure_cache") >= 1, "the figures were kept");
    // A second read is served from what was kept, and is the same.
    let again = shows_fresh_figures(&app, &token, region, school, "nothing").await;
    assert_eq!(again, first);

    // The child turns out to be eight: out of the 10–18 band.
    let older = app.patch(&format!("participants/{child}"), &b.curator, json!({"birth_date": "2018-03-01"})).await;
    assert_eq!(older.status, 200, "{}", older.body);
    let row = shows_fresh_figures(&app, &token, region, school, "a birth date").await;
    assert_eq!(row["involved"], 5);

    // A new contingent, a roadmap activity done, a mentor enrolled, a pair introduced.
    let put = app.put(&format!("organizations/{school}/contingent"), &admin, json!({"reference_date": "2026-10-01", "age_groups": [{"age": 12, "students": 400}]})).await;
    assert_eq!(put.status, 200, "{}", put.body);
    assert_eq!(shows_fresh_figures(&app, &token, region, school, "a contingent").await["students_in_band"], 400);

    let activity = app.first_activity(&b.curator, b.programme, 1).await;
    let etag = activity["etag"].as_str().unwrap_or("").to_owned();
    let done = app.send(Method::PATCH, &format!("roadmap-activities/{}", activity["id"]), Some(&b.curator), Some(json!({"status": "done"})), &[("If-Match", &etag)]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let row = shows_fresh_figures(&app, &token, region, school, "an activity done").await;
    assert_ne!(row["roadmap_done"], first["roadmap_done"]);

    let extra = base(&app, &[mentor(11, 1)], &[]).await;
    drop(extra);
    let row = shows_fresh_figures(&app, &token, region, school, "a mentor enrolled").await;
    assert_eq!(row["mentors"], 7);

    let alerts = row["silence_alerts"].as_i64().unwrap_or(0);
    let today = chrono::Utc::now().with_timezone(&chrono_tz::Asia::Vladivostok).date_naive();
    let intro = log(&app, &b.curator, pairs[0], meeting("introduction", &(today - chrono::Duration::days(2)).to_string(), true)).await;
    assert_eq!(intro.status, 201, "{}", intro.body);
    let row = shows_fresh_figures(&app, &token, region, school, "a meeting held").await;
    assert_eq!(row["silence_alerts"].as_i64(), Some(alerts - 1), "the introduced pair is no longer silent");
}
