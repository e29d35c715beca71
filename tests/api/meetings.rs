use nastavnik_tests::{Answer, TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

use crate::pairs::{Base, base, make_pair, mentee, mentor, sign_order_on};

on_both!(
    the_sequence_holds_and_the_final_meeting_completes_the_pair,
    mentors_and_mentees_log_their_own_meetings,
    alerts_make_silence_visible,
    a_phone_subscribes_to_a_private_calendar,
);

pub fn meeting(kind: &str, day: &str, held: bool) -> Value {
    json!({"kind": kind, "starts_at": format!("{day}T06:00:00Z"), "ends_at": format!("{day}T06:45:00Z"), "format": "in_person", "place": "Кабинет 12", "status": if held { "held" } else { "scheduled" }})
}

pub async fn log(app: &TestApp, token: &str, pair: i64, body: Value) -> Answer {
    app.post(&format!("pairs/{pair}/meetings"), token, body).await
}

/// The whole sequence held in November, so that the pair may complete.
pub async fn hold_sequence(app: &TestApp, token: &str, pair: i64) {
    for (kind, day) in [("introduction", "2026-11-02"), ("trial", "2026-11-05"), ("planning", "2026-11-09"), ("regular", "2026-11-16"), ("final", "2026-11-23")] {
        let a = log(app, token, pair, meeting(kind, day, true)).await;
        assert_eq!(a.status, 201, "{kind}: {}", a.body);
    }
}

async fn approved_pair(app: &TestApp) -> (Base, i64) {
    let b = base(app, &[mentor(10, 1)], &[mentee(6)]).await;
    let pair = make_pair(app, &b, b.mentors[0], &[b.mentees[0]]).await.id();
    (b, pair)
}

async fn the_sequence_holds_and_the_final_meeting_completes_the_pair(app: TestApp) {
    let (b, pair) = approved_pair(&app).await;
    let early = log(&app, &b.curator, pair, meeting("introduction", "2026-11-02", false)).await;
    assert_eq!((early.status.as_u16(), early.code().as_str()), (409, "pair_not_approved"), "a proposed pair has no meetings yet");
    assert_eq!(sign_order_on(&app, &b, "1", "2026-11-01", &[pair]).await.status, 201);
    let before = log(&app, &b.curator, pair, meeting("introduction", "2026-10-20", false)).await;
    assert_eq!(before.code(), "pair_not_approved", "not before the order");
    let regular_first = log(&app, &b.curator, pair, meeting("regular", "2026-11-03", false)).await;
    assert_eq!((regular_first.status.as_u16(), regular_first.code().as_str()), (409, "meeting_out_of_order"));
    assert!(regular_first.body["detail"].as_str().unwrap_or("").contains("встреча-планирование"), "{}", regular_first.body);
    let mut backwards = meeting("introduction", "2026-11-02", false);
    backwards["ends_at"] = json!("2026-11-02T05:00:00Z");
    let backwards = log(&app, &b.curator, pair, backwards).await;
    assert_eq!((backwards.code().as_str(), backwards.body["errors"][0]["field"].as_str()), ("invalid_time_range", Some("ends_at")));
    assert_eq!(app.count("meetings"), 0, "nothing written");

    // 08:00 on the order's day in Vladivostok is still the day before in UTC: the school's day counts.
    let mut morning = meeting("introduction", "2026-10-31", true);
    morning["starts_at"] = json!("2026-10-31T22:00:00Z");
    morning["ends_at"] = json!("2026-10-31T22:45:00Z");
    let intro = log(&app, &b.curator, pair, morning).await;
    assert_eq!((intro.status.as_u16(), intro.body["status"].as_str()), (201, Some("held")), "{}", intro.body);
    let now_active = app.get(&format!("pairs/{pair}"), &b.curator).await;
    assert_eq!(now_active.body["status"], "active", "the introduction starts the pair's work");
    let future = log(&app, &b.curator, pair, meeting("trial", "2031-01-10", true)).await;
    assert_eq!(future.code(), "meeting_in_future");
    let stranger = app.post(&format!("schools/{}/participants", b.school), &b.curator, json!({"kind": "teacher", "last_name": "Чужой", "first_name": "Пётр", "birth_year": 1980})).await;
    let mut outsider = meeting("trial", "2026-11-05", true);
    outsider["attendance"] = json!([{"participant_id": stranger.id(), "present": true}]);
    let outsider = log(&app, &b.curator, pair, outsider).await;
    assert_eq!(outsider.body["errors"][0]["field"], "attendance[0].participant_id", "{}", outsider.body);
    assert_eq!(app.count("meetings"), 1);

    let trial = log(&app, &b.curator, pair, meeting("trial", "2026-11-05", false)).await;
    let complete_path = format!("pairs/{pair}/complete");
    let complete = || app.post(&complete_path, &b.curator, json!({"outcome": "yes", "summary": "Готово"}));
    assert_eq!(complete().await.code(), "final_meeting_required");
    let held = app.send(Method::PATCH, &format!("meetings/{}", trial.id()), Some(&b.curator), Some(json!({"status": "held", "notes": "Решали задачи"})), &[("If-Match", trial.body["etag"].as_str().unwrap_or(""))]).await;
    assert_eq!((held.status.as_u16(), held.body["status"].as_str()), (200, Some("held")), "{}", held.body);
    for (kind, day) in [("planning", "2026-11-09"), ("regular", "2026-11-16"), ("regular", "2026-11-18"), ("final", "2026-11-23")] {
        assert_eq!(log(&app, &b.curator, pair, meeting(kind, day, true)).await.status, 201, "{kind}");
    }
    let second_final = log(&app, &b.curator, pair, meeting("final", "2026-11-25", false)).await;
    assert_eq!(second_final.code(), "duplicate_meeting");
    let after_final = log(&app, &b.curator, pair, meeting("regular", "2026-11-26", false)).await;
    assert_eq!(after_final.code(), "meeting_out_of_order");
    let listed = app.get(&format!("pairs/{pair}/meetings"), &b.curator).await;
    let kinds: Vec<&str> = listed.body["items"].as_array().map(|m| m.iter().filter_map(|m| m["kind"].as_str()).collect()).unwrap_or_default();
    assert_eq!(kinds, ["introduction", "trial", "planning", "regular", "regular", "final"]);
    let done = complete().await;
    assert_eq!(done.body["status"], "completed", "{}", done.body);
    let closed = log(&app, &b.curator, pair, meeting("regular", "2026-11-24", false)).await;
    assert_eq!(closed.code(), "pair_closed");
    let edit = app.patch(&format!("meetings/{}", trial.id()), &b.curator, json!({"notes": "Поправка"})).await;
    assert_eq!(edit.code(), "pair_closed", "a completed pair's meetings are a record");
}

pub async fn link_user(app: &TestApp, b: &Base, role: &str, enrolment_path: &str) -> (String, i64) {
    let admin = app.login("admin").await;
    let email = format!("{role}-{}@school.example", enrolment_path.replace('/', "-"));
    let user = app
        .post("users", &admin, json!({"email": email, "full_name": "Пользователь", "password": "long-enough-password-1", "memberships": [{"organization_id": b.school, "role": role}]}))
        .await;
    assert_eq!(user.status, 201, "{}", user.body);
    let list = app.get(enrolment_path, &b.curator).await;
    let participant = list.body["items"][0]["participant_id"].as_i64().unwrap_or(0);
    let linked = app.patch(&format!("participants/{participant}"), &b.curator, json!({"user_id": user.id()})).await;
    assert_eq!(linked.status, 200, "{}", linked.body);
    let token = app.login_answer(&email, "long-enough-password-1").await.body["access_token"].as_str().unwrap_or("").to_owned();
    (token, participant)
}

async fn mentors_and_mentees_log_their_own_meetings(app: TestApp) {
    let (b, pair) = approved_pair(&app).await;
    sign_order_on(&app, &b, "2", "2026-11-01", &[pair]).await;
    let (mentor_token, mentor_id) = link_user(&app, &b, "mentor", &format!("programs/{}/mentors", b.programme)).await;
    let (mentee_token, mentee_id) = link_user(&app, &b, "mentee", &format!("programs/{}/mentees", b.programme)).await;
    let mut intro = meeting("introduction", "2026-11-02", true);
    intro["attendance"] = json!([{"participant_id": mentor_id, "present": true}, {"participant_id": mentee_id, "present": true}]);
    let logged = log(&app, &mentor_token, pair, intro).await;
    assert_eq!(logged.status, 201, "the mentor logs their own meeting: {}", logged.body);
    let etag = logged.body["etag"].as_str().unwrap_or("").to_owned();
    let feedback = app.send(Method::PATCH, &format!("meetings/{}", logged.id()), Some(&mentee_token), Some(json!({"mentee_rating": 5, "mentee_feedback": "Было интересно"})), &[("If-Match", &etag)]).await;
    assert_eq!(feedback.status, 200, "{}", feedback.body);
    let not_yours = app.patch(&format!("meetings/{}", logged.id()), &mentee_token, json!({"mentor_rating": 1})).await;
    assert_eq!(not_yours.body["errors"][0]["field"], "mentor_rating");
    let as_mentor = app.get(&format!("meetings/{}", logged.id()), &mentor_token).await;
    assert_eq!((as_mentor.body["mentee_rating"].is_null(), as_mentor.body["attendance"][1]["present"].as_bool()), (true, Some(true)), "each side sees its own feedback");
    let as_curator = app.get(&format!("meetings/{}", logged.id()), &b.curator).await;
    assert_eq!((as_curator.body["mentee_rating"].as_i64(), as_curator.body["mentee_feedback"].as_str()), (Some(5), Some("Было интересно")));
    let mine = app.get("me/meetings?from=2026-10-01T00:00:00Z&to=2026-12-31T00:00:00Z", &mentee_token).await;
    assert_eq!(mine.body["items"].as_array().map(Vec::len), Some(1), "{}", mine.body);
    let my_pairs = app.get("me/pairs", &mentor_token).await;
    assert_eq!(my_pairs.body["items"][0]["id"], pair);
    // Someone else's pair at their own school stays closed to them (403: inside their subtree).
    let other = base(&app, &[mentor(11, 1)], &[mentee(7)]).await;
    let other_pair = make_pair(&app, &other, other.mentors[0], &[other.mentees[0]]).await.id();
    assert_eq!(app.get(&format!("pairs/{other_pair}/meetings"), &mentor_token).await.status, 403);
    assert_eq!(app.get(&format!("programs/{}/alerts", b.programme), &mentor_token).await.status, 403);
}

async fn alerts_make_silence_visible(app: TestApp) {
    let b = base(&app, &[mentor(10, 1), mentor(11, 1)], &[mentee(6), mentee(7)]).await;
    let quiet = make_pair(&app, &b, b.mentors[0], &[b.mentees[0]]).await.id();
    let never = make_pair(&app, &b, b.mentors[1], &[b.mentees[1]]).await.id();
    sign_order_on(&app, &b, "3", "2026-09-15", &[quiet, never]).await;
    let mentee_of = app.get(&format!("pairs/{quiet}"), &b.curator).await.body["mentees"][0]["participant_id"].as_i64().unwrap_or(0);
    let absent = |kind: &str, day: &str| {
        let mut m = meeting(kind, day, true);
        m["attendance"] = json!([{"participant_id": mentee_of, "present": false}]);
        m
    };
    for (kind, day) in [("introduction", "2026-09-20"), ("trial", "2026-09-27"), ("planning", "2026-10-04")] {
        assert_eq!(log(&app, &b.curator, quiet, absent(kind, day)).await.status, 201);
    }
    let alerts = app.get(&format!("programs/{}/alerts", b.programme), &b.curator).await;
    assert_eq!(alerts.status, 200, "{}", alerts.body);
    let codes: Vec<(i64, &str)> = alerts.body["items"].as_array().map(|a| a.iter().map(|a| (a["pair_id"].as_i64().unwrap_or(0), a["code"].as_str().unwrap_or(""))).collect()).unwrap_or_default();
    assert!(codes.contains(&(never, "no_introduction")), "{codes:?}");
    assert!(codes.contains(&(quiet, "quiet_pair")), "{codes:?}");
    assert!(codes.contains(&(quiet, "missed_meetings")), "{codes:?}");
    assert_eq!(alerts.body["counts"]["no_introduction"], 1);
    assert!(alerts.body["items"][0]["action"].as_str().unwrap_or("").len() > 10, "each alert says what to do");
    // A school that meets monthly with a long summer: quiet after a year only.
    let settings = app.get(&format!("schools/{}/meeting-settings", b.school), &b.curator).await;
    assert_eq!(settings.body["quiet_after_days"], 21);
    let etag = settings.body["etag"].as_str().unwrap_or("").to_owned();
    let relaxed = app.send(Method::PUT, &format!("schools/{}/meeting-settings", b.school), Some(&b.curator), Some(json!({"quiet_after_days": 365, "introduction_within_days": 365})), &[("If-Match", &etag)]).await;
    assert_eq!(relaxed.status, 200, "{}", relaxed.body);
    let alerts = app.get(&format!("programs/{}/alerts", b.programme), &b.curator).await;
    assert_eq!((alerts.body["counts"]["quiet_pair"].as_u64(), alerts.body["counts"]["no_introduction"].as_u64(), alerts.body["counts"]["missed_meetings"].as_u64()), (Some(0), Some(0), Some(1)));
}

async fn a_phone_subscribes_to_a_private_calendar(app: TestApp) {
    let (b, pair) = approved_pair(&app).await;
    sign_order_on(&app, &b, "4", "2026-11-01", &[pair]).await;
    let (mentor_token, _) = link_user(&app, &b, "mentor", &format!("programs/{}/mentors", b.programme)).await;
    assert_eq!(log(&app, &b.curator, pair, meeting("introduction", "2026-11-02", true)).await.status, 201);
    let feed = app.post("me/calendar-feeds", &mentor_token, json!({})).await;
    assert_eq!(feed.status, 201, "{}", feed.body);
    let url = feed.body["url"].as_str().unwrap_or("").to_owned();
    let path = url.split("/api/v1/").nth(1).unwrap_or("").to_owned();
    let client = reqwest::Client::new();
    let read = client.get(app.url(&path)).send().await.expect("feed");
    assert_eq!(read.status(), 200);
    assert!(read.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").starts_with("text/calendar"));
    let body = read.text().await.unwrap_or_default();
    assert!(body.contains("Наставничество: Встреча-знакомство") && body.contains("Кабинет 12"), "{body}");
    assert!(!body.contains("Учеников"), "no child's name in a calendar feed");
    let curator_ics = app.send(Method::GET, "me/calendar.ics", Some(&b.curator), None, &[]).await;
    assert_eq!(curator_ics.status, 200);
    let revoked = app.delete(&format!("me/calendar-feeds/{}", feed.id()), &mentor_token).await;
    assert_eq!(revoked.status, 204);
    assert_eq!(client.get(app.url(&path)).send().await.expect("feed").status(), 404, "a revoked address reads nothing");
    assert_eq!(client.get(app.url("calendar-feeds/ncal_guess.ics")).send().await.expect("feed").status(), 404);
}
