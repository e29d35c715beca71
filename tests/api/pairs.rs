use nastavnik_tests::{Answer, TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

use crate::meetings::hold_sequence;
use crate::participants::{consent, student};

on_both!(
    a_pair_goes_from_proposal_to_completion,
    capacity_and_one_live_pair_hold_under_concurrent_requests,
    bad_pairs_are_refused_and_nothing_is_written,
    plans_and_support_for_the_unmatched_prove_stage_5,
    withdrawn_consent_takes_a_child_out_of_the_group,
    reading_pairs_is_audited_for_their_minors,
    many_reads_at_once_each_leave_their_entry,
);

/// A programme with ready mentors and mentees in the base, all children with consent.
pub struct Base {
    pub curator: String,
    pub school: i64,
    pub programme: i64,
    /// Enrolment ids.
    pub mentors: Vec<i64>,
    pub mentees: Vec<i64>,
}

pub struct MentorSpec<'a> {
    pub grade: i32,
    pub capacity: i32,
    pub competencies: &'a [&'a str],
}

pub struct MenteeSpec<'a> {
    pub grade: i32,
    pub tags: &'a [&'a str],
    pub categories: &'a [&'a str],
}

pub async fn base(app: &TestApp, mentors: &[MentorSpec<'_>], mentees: &[MenteeSpec<'_>]) -> Base {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let programme = app.post(&format!("schools/{school}/programs"), &curator, json!({"title": "Пары", "academic_year": "2026/2027", "forms": ["student_student"]})).await.id();
    let mut base = Base { curator, school, programme, mentors: Vec::new(), mentees: Vec::new() };
    for (i, m) in mentors.iter().enumerate() {
        let person = student(app, &base.curator, school, "Наставников", &format!("Пётр{i}"), json!({"grade": m.grade, "birth_date": "2010-02-01"})).await;
        let id = person["id"].as_i64().unwrap_or(0);
        consent(app, &base.curator, id).await;
        let enrolled = app.post(&format!("programs/{programme}/mentors"), &base.curator, json!({"participant_id": id, "competencies": m.competencies, "capacity": m.capacity})).await;
        assert_eq!(enrolled.status, 201, "{}", enrolled.body);
        let ready = app
            .patch(&format!("program-mentors/{}", enrolled.id()), &base.curator, json!({"interview_outcome": "passed", "training_status": "completed", "status": "in_base"}))
            .await;
        assert_eq!(ready.status, 200, "{}", ready.body);
        base.mentors.push(enrolled.id());
    }
    for (i, m) in mentees.iter().enumerate() {
        let person = student(app, &base.curator, school, "Учеников", &format!("Иван{i}"), json!({"grade": m.grade})).await;
        let id = person["id"].as_i64().unwrap_or(0);
        consent(app, &base.curator, id).await;
        let body = json!({"participant_id": id, "mentee_type": "passive", "categories": m.categories, "request_text": "Запрос", "request_tags": m.tags, "status": "in_base"});
        let enrolled = app.post(&format!("programs/{programme}/mentees"), &base.curator, body).await;
        assert_eq!(enrolled.status, 201, "{}", enrolled.body);
        base.mentees.push(enrolled.id());
    }
    base
}

pub const MATH: &[&str] = &["academic_results"];

pub fn mentor(grade: i32, capacity: i32) -> MentorSpec<'static> {
    MentorSpec { grade, capacity, competencies: MATH }
}

pub fn mentee(grade: i32) -> MenteeSpec<'static> {
    MenteeSpec { grade, tags: MATH, categories: &["poor_results"] }
}

pub async fn make_pair(app: &TestApp, b: &Base, mentor: i64, mentees: &[i64]) -> Answer {
    app.post(&format!("programs/{}/pairs", b.programme), &b.curator, json!({"mentor_id": mentor, "mentee_ids": mentees, "goal": "Подтянуть математику"})).await
}

pub async fn sign_order(app: &TestApp, b: &Base, number: &str, pairs: &[i64]) -> Answer {
    sign_order_on(app, b, number, "2026-11-30", pairs).await
}

pub async fn sign_order_on(app: &TestApp, b: &Base, number: &str, day: &str, pairs: &[i64]) -> Answer {
    app.post(&format!("programs/{}/orders", b.programme), &b.curator, json!({"number": number, "signed_on": day, "signatory": "Директор Н. П. Сидорова", "pair_ids": pairs})).await
}

async fn send_if_match(app: &TestApp, method: Method, path: &str, token: &str, etag: &Value, body: Value) -> Answer {
    let etag = etag.as_str().unwrap_or("").to_owned();
    app.send(method, path, Some(token), Some(body), &[("If-Match", &etag)]).await
}

async fn a_pair_goes_from_proposal_to_completion(app: TestApp) {
    let b = base(&app, &[mentor(10, 2)], &[mentee(6), mentee(7)]).await;
    let group = make_pair(&app, &b, b.mentors[0], &b.mentees).await;
    assert_eq!(group.status, 201, "{}", group.body);
    assert_eq!((group.body["status"].as_str(), group.body["kind"].as_str()), (Some("proposed"), Some("group")));
    assert_eq!(group.body["mentees"][0]["name"], "Учеников Иван0");
    let mentees = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await;
    assert_eq!(mentees.body["items"][0]["status"], "matched");
    let mentors = app.get(&format!("programs/{}/mentors", b.programme), &b.curator).await;
    assert_eq!(mentors.body["items"][0]["places_taken"], 2);

    let path = format!("pairs/{}", group.id());
    // Approval happens only through an order.
    let jump = send_if_match(&app, Method::PATCH, &path, &b.curator, &group.body["etag"], json!({"status": "approved"})).await;
    assert_eq!(jump.code(), "invalid_transition");
    let order = sign_order_on(&app, &b, "45-о", "2026-11-01", &[group.id()]).await;
    assert_eq!(order.status, 201, "{}", order.body);
    assert_eq!((order.body["pairs"][0]["status"].as_str(), order.body["program_title"].as_str()), (Some("approved"), Some("Пары")));
    assert_eq!(sign_order(&app, &b, "45-о", &[group.id()]).await.code(), "order_number_taken");
    assert_eq!(sign_order(&app, &b, "46-о", &[group.id()]).await.code(), "pair_not_proposed");

    let approved = app.get(&path, &b.curator).await;
    assert_eq!(approved.body["order"]["number"], "45-о");
    let stale = send_if_match(&app, Method::PATCH, &path, &b.curator, &group.body["etag"], json!({"status": "active"})).await;
    assert_eq!(stale.status, 412);
    let active = send_if_match(&app, Method::PATCH, &path, &b.curator, &approved.body["etag"], json!({"status": "active"})).await;
    assert_eq!(active.body["status"], "active", "{}", active.body);
    hold_sequence(&app, &b.curator, group.id()).await;
    let active = app.get(&path, &b.curator).await;
    let done = send_if_match(&app, Method::POST, &format!("{path}/complete"), &b.curator, &active.body["etag"], json!({"outcome": "mostly", "summary": "Цель достигнута"})).await;
    assert_eq!(done.body["status"], "completed", "{}", done.body);
    let history: Vec<&str> = done.body["history"].as_array().map(|h| h.iter().filter_map(|c| c["to_status"].as_str()).collect()).unwrap_or_default();
    assert_eq!(history, ["proposed", "approved", "active", "completed"]);
    assert_eq!(done.body["history"][1]["reason"], "приказ № 45-о от 01.11.2026");
    assert_eq!(done.body["history"][1]["actor_name"], "Иванова Анна Петровна", "the curator's name, not an id");
    let mentors = app.get(&format!("programs/{}/mentors", b.programme), &b.curator).await;
    assert_eq!(mentors.body["items"][0]["places_taken"], 0, "completion frees the places");
    let mentees = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await;
    assert_eq!(mentees.body["items"][1]["status"], "completed");
    let closed = send_if_match(&app, Method::PATCH, &path, &b.curator, &done.body["etag"], json!({"goal": "Новая"})).await;
    assert_eq!(closed.code(), "invalid_transition");
    for (status, expected) in [("completed", vec![group.id()]), ("active", vec![])] {
        let listed = app.get(&format!("programs/{}/pairs?status={status}", b.programme), &b.curator).await;
        let ids: Vec<i64> = listed.body["items"].as_array().expect("items").iter().filter_map(|p| p["id"].as_i64()).collect();
        assert_eq!(ids, expected, "pairs {status}: {}", listed.body);
    }
}

async fn capacity_and_one_live_pair_hold_under_concurrent_requests(app: TestApp) {
    let b = base(&app, &[mentor(10, 1), mentor(11, 1)], &[mentee(6), mentee(7)]).await;
    // Two curators give the same one-place mentor to two mentees at once.
    let (one, other) = ([b.mentees[0]], [b.mentees[1]]);
    let (first, second) = tokio::join!(make_pair(&app, &b, b.mentors[0], &one), make_pair(&app, &b, b.mentors[0], &other));
    let mut codes = [first.status.as_u16(), second.status.as_u16()];
    codes.sort();
    assert_eq!(codes, [201, 409], "{} / {}", first.body, second.body);
    let refused = if first.status == 409 { &first } else { &second };
    assert_eq!(refused.code(), "capacity_exceeded");
    assert_eq!(app.count("pairs"), 1);
    // The mentee left over is given to the other mentor twice at once.
    let left = if first.status == 201 { b.mentees[1] } else { b.mentees[0] };
    let taken = if first.status == 201 { b.mentees[0] } else { b.mentees[1] };
    let again = make_pair(&app, &b, b.mentors[1], &[taken]).await;
    assert_eq!(again.code(), "mentee_not_in_base", "a matched mentee is not waiting");
    let left = [left];
    let (a, c) = tokio::join!(make_pair(&app, &b, b.mentors[1], &left), make_pair(&app, &b, b.mentors[1], &left));
    let mut codes = [a.status.as_u16(), c.status.as_u16()];
    codes.sort();
    assert_eq!(codes, [201, 409], "{} / {}", a.body, c.body);
    assert_eq!(app.count("pairs"), 2);
    assert_eq!(app.count("pair_mentees"), 2);
}

async fn bad_pairs_are_refused_and_nothing_is_written(app: TestApp) {
    let b = base(&app, &[mentor(5, 1), mentor(10, 1)], &[mentee(6), mentee(7), mentee(7)]).await;
    let younger = make_pair(&app, &b, b.mentors[0], &[b.mentees[0]]).await;
    assert_eq!((younger.status.as_u16(), younger.code().as_str()), (409, "grade_rule"));
    let twice = make_pair(&app, &b, b.mentors[1], &[b.mentees[0], b.mentees[0]]).await;
    assert_eq!((twice.status.as_u16(), twice.body["errors"][0]["field"].as_str()), (422, Some("mentee_ids[1]")));
    let unknown = make_pair(&app, &b, b.mentors[1], &[999_999]).await;
    assert_eq!(unknown.body["errors"][0]["field"], "mentee_ids[0]");
    // A group bigger than the mentor's places: refused whole.
    let crowd = make_pair(&app, &b, b.mentors[1], &b.mentees).await;
    assert_eq!(crowd.code(), "capacity_exceeded");
    // A mentee of another school's programme.
    let admin = app.login("admin").await;
    let (_, _, other_school) = app.foreign_tree(&admin).await;
    let other = app.post(&format!("schools/{other_school}/programs"), &admin, json!({"title": "Чужая", "academic_year": "2026/2027", "forms": ["student_student"]})).await;
    let stranger = app.post(&format!("programs/{}/pairs", other.id()), &admin, json!({"mentor_id": b.mentors[1], "mentee_ids": [b.mentees[0]]})).await;
    assert_eq!(stranger.body["errors"][0]["field"], "mentor_id", "{}", stranger.body);
    // An exclusion the psychologist knows of.
    let psychologist = app.login("psychologist").await;
    let excluded = app
        .post(&format!("programs/{}/pair-constraints", b.programme), &psychologist, json!({"mentor_id": b.mentors[1], "mentee_id": b.mentees[1], "kind": "exclude", "reason": "Конфликт"}))
        .await;
    assert_eq!(excluded.status, 201, "{}", excluded.body);
    assert_eq!(make_pair(&app, &b, b.mentors[1], &[b.mentees[1]]).await.code(), "pair_excluded");
    let coordinator = app.login("coordinator").await;
    let constraints = app.get(&format!("programs/{}/pair-constraints", b.programme), &coordinator).await;
    assert_eq!((constraints.body["items"][0]["kind"].as_str(), constraints.body["items"][0]["reason"].is_null()), (Some("exclude"), true), "the reason is sensitive");
    // A lock beyond the mentor's places.
    let lock = |mentee: i64| json!({"mentor_id": b.mentors[1], "mentee_id": mentee, "kind": "lock"});
    assert_eq!(app.post(&format!("programs/{}/pair-constraints", b.programme), &b.curator, lock(b.mentees[0])).await.status, 201);
    let both = app.post(&format!("programs/{}/pair-constraints", b.programme), &b.curator, lock(b.mentees[1])).await;
    assert_eq!(both.code(), "constraint_exists", "locked and excluded at once");
    let over = app.post(&format!("programs/{}/pair-constraints", b.programme), &b.curator, lock(b.mentees[2])).await;
    assert_eq!(over.code(), "capacity_exceeded");
    assert_eq!((app.count("pairs"), app.count("pair_history"), app.count("pair_mentees")), (0, 0, 0));
    let mentors = app.get(&format!("programs/{}/mentors", b.programme), &b.curator).await;
    assert_eq!(mentors.body["items"][1]["places_taken"], 0);
    // Preferences naming the same person twice; weights out of range.
    let sheet = json!({"sheets": [{"side": "mentee", "chooser_id": b.mentees[0], "attended_group_meeting": true, "ranks": [{"id": b.mentors[1], "rank": 1}, {"id": b.mentors[1], "rank": 2}]}]});
    let dup = app.put(&format!("programs/{}/preferences", b.programme), &b.curator, sheet).await;
    assert_eq!((dup.status.as_u16(), dup.code().as_str(), dup.body["errors"][0]["field"].as_str()), (422, "duplicate_choice", Some("sheets[0].ranks[1].id")));
    let weights = json!({"weights": {"request_tags": 11, "role_model": 3, "grade_distance": 2, "mentee_preference": 4, "mentor_preference": "must"}, "preference_limit": 3, "allow_untrained_mentors": false});
    let out_of_range = app.put(&format!("programs/{}/pairing-settings", b.programme), &b.curator, weights).await;
    assert_eq!((out_of_range.status.as_u16(), out_of_range.code().as_str()), (422, "weight_out_of_range"));
    assert_eq!((app.count("preference_sheets"), app.count("pairing_settings")), (0, 0));
}

async fn plans_and_support_for_the_unmatched_prove_stage_5(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6), mentee(7)]).await;
    let pair = make_pair(&app, &b, b.mentors[0], &[b.mentees[0]]).await;
    sign_order(&app, &b, "12", &[pair.id()]).await;
    let plan_path = format!("pairs/{}/plan", pair.id());
    let empty = app.get(&plan_path, &b.curator).await;
    assert_eq!(empty.body["tasks"], json!([]));
    let late = app.put(&plan_path, &b.curator, json!({"goals": ["Четвёрка по математике"], "tasks": [{"title": "Дроби", "due_on": "2031-01-01"}]})).await;
    assert_eq!((late.code().as_str(), late.body["errors"][0]["field"].as_str()), ("deadline_outside_programme", Some("tasks[0].due_on")));
    let plan = json!({"goals": ["Четвёрка по математике"], "tasks": [{"title": "Дроби", "due_on": "2026-12-15", "done": true}, {"title": "Проценты", "due_on": "2027-02-01"}]});
    let saved = send_if_match(&app, Method::PUT, &plan_path, &b.curator, &empty.body["etag"], plan.clone()).await;
    assert_eq!((saved.status.as_u16(), saved.body["done"].as_u64()), (200, Some(1)), "{}", saved.body);
    let lost_update = send_if_match(&app, Method::PUT, &plan_path, &b.curator, &empty.body["etag"], plan).await;
    assert_eq!(lost_update.status, 412);

    let unmatched = app.get(&format!("programs/{}/unmatched-mentees", b.programme), &b.curator).await;
    assert_eq!(unmatched.body["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(unmatched.body["items"][0]["mentee_id"], b.mentees[1]);
    let gate = |roadmap: &Answer, code: &str| {
        roadmap.body["stages"][4]["gate"]["checks"].as_array().and_then(|c| c.iter().find(|c| c["code"] == code)).map(|c| c["status"].clone()).unwrap_or_default()
    };
    let roadmap = app.get(&format!("programs/{}/roadmap", b.programme), &b.curator).await;
    assert_eq!((gate(&roadmap, "approved_pairs"), gate(&roadmap, "development_plans"), gate(&roadmap, "unmatched_supported")), (json!("met"), json!("met"), json!("unmet")));
    let psychologist = app.login("psychologist").await;
    let support = app
        .put(&format!("program-mentees/{}/support", b.mentees[1]), &psychologist, json!({"support_notes": "Еженедельные встречи", "search_resumes_on": "2027-01-15"}))
        .await;
    assert_eq!((support.status.as_u16(), support.body["support_notes"].as_str()), (200, Some("Еженедельные встречи")), "{}", support.body);
    let coordinator = app.login("coordinator").await;
    let seen = app.get(&format!("programs/{}/unmatched-mentees", b.programme), &coordinator).await;
    assert_eq!((seen.body["items"][0]["support_notes"].is_null(), seen.body["items"][0]["search_resumes_on"].as_str()), (true, Some("2027-01-15")));
    // The coordinator cannot read the notes, and moving the date must not wipe them.
    let moved = app.put(&format!("program-mentees/{}/support", b.mentees[1]), &coordinator, json!({"search_resumes_on": "2027-02-01"})).await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    let kept = app.get(&format!("programs/{}/unmatched-mentees", b.programme), &b.curator).await;
    assert_eq!((kept.body["items"][0]["support_notes"].as_str(), kept.body["items"][0]["search_resumes_on"].as_str()), (Some("Еженедельные встречи"), Some("2027-02-01")));
    let roadmap = app.get(&format!("programs/{}/roadmap", b.programme), &b.curator).await;
    assert_eq!(gate(&roadmap, "unmatched_supported"), "met");
    let paired = app.put(&format!("program-mentees/{}/support", b.mentees[0]), &psychologist, json!({"support_notes": "—"})).await;
    assert_eq!(paired.code(), "mentee_paired");
}

async fn withdrawn_consent_takes_a_child_out_of_the_group(app: TestApp) {
    let b = base(&app, &[mentor(10, 3)], &[mentee(6), mentee(7)]).await;
    let group = make_pair(&app, &b, b.mentors[0], &b.mentees).await;
    let mentees = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await;
    let child = mentees.body["items"][0]["participant_id"].as_i64().unwrap_or(0);
    let consents = app.get(&format!("participants/{child}/consents"), &b.curator).await;
    let withdrawn = app.post(&format!("consents/{}/withdraw", consents.body["items"][0]["id"]), &b.curator, json!({})).await;
    assert_eq!(withdrawn.status, 200, "{}", withdrawn.body);
    let now = app.get(&format!("pairs/{}", group.id()), &b.curator).await;
    assert_eq!((now.body["status"].as_str(), now.body["kind"].as_str(), now.body["mentees"].as_array().map(Vec::len)), (Some("proposed"), Some("pair"), Some(1)));
    let mentors = app.get(&format!("programs/{}/mentors", b.programme), &b.curator).await;
    assert_eq!(mentors.body["items"][0]["places_taken"], 1);
}

/// A pair shows its children's names and classes: reading it, in the list or alone, is a read of
/// their records and leaves an entry in the trail.
async fn reading_pairs_is_audited_for_their_minors(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let made = make_pair(&app, &b, b.mentors[0], &b.mentees).await;
    assert_eq!(made.status, 201, "{}", made.body);
    let child = made.body["mentees"][0]["participant_id"].as_i64().unwrap_or(0);
    assert_eq!(app.get(&format!("programs/{}/pairs", b.programme), &b.curator).await.status, 200);
    let psychologist = app.login("psychologist").await;
    assert_eq!(app.get(&format!("pairs/{}", made.id()), &psychologist).await.status, 200);

    let director = app.login("director").await;
    let trail = app.get(&format!("organizations/{}/audit?participant_id={child}&limit=500", b.school), &director).await;
    let by_pairs: Vec<String> = trail.body["items"]
        .as_array()
        .map(|items| items.iter().filter(|e| e["detail"] == "pairs" && e["action"] == "read").filter_map(|e| e["actor"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    let (curator_id, psychologist_id) = (app.get("me", &b.curator).await.id(), app.get("me", &psychologist).await.id());
    for actor in [format!("user:{curator_id}"), format!("user:{psychologist_id}")] {
        assert!(by_pairs.contains(&actor), "no entry for {actor}: {}", trail.body);
    }
}

/// The entries of many reads are written together: still every answer, the moment it arrives,
/// has its own entry in the trail.
async fn many_reads_at_once_each_leave_their_entry(app: TestApp) {
    const READS: usize = 16;
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let made = make_pair(&app, &b, b.mentors[0], &b.mentees).await;
    assert_eq!(made.status, 201, "{}", made.body);
    let child = made.body["mentees"][0]["participant_id"].as_i64().unwrap_or(0);
    let director = app.login("director").await;
    let curator_id = app.get("me", &b.curator).await.id();
    let trail = format!("organizations/{}/audit?participant_id={child}&limit=500", b.school);
    let reads_in = |trail: &Answer| {
        trail.body["items"]
            .as_array()
            .map_or(0, |items| items.iter().filter(|e| e["detail"] == "pairs" && e["action"] == "read" && e["actor"] == format!("user:{curator_id}")).count())
    };
    let before = reads_in(&app.get(&trail, &director).await);

    let (list, pair) = (app.url(&format!("programs/{}/pairs", b.programme)), app.url(&format!("pairs/{}", made.id())));
    let mut reads = tokio::task::JoinSet::new();
    for i in 0..READS {
        let (client, url, token) = (app.client.clone(), if i % 2 == 0 { list.clone() } else { pair.clone() }, b.curator.clone());
        reads.spawn(async move { client.get(url).bearer_auth(token).send().await.map(|r| r.status().as_u16()) });
    }
    while let Some(read) = reads.join_next().await {
        assert!(matches!(read, Ok(Ok(200))), "{read:?}");
    }
    assert_eq!(reads_in(&app.get(&trail, &director).await), before + READS, "one entry per read answered");
}
