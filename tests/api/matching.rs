use nastavnik_tests::{Answer, TestApp, on_both};
use serde_json::{Value, json};

use crate::pairs::{MenteeSpec, MentorSpec, base, mentee, mentor, sign_order};

on_both!(
    a_run_explains_itself_and_its_proposals_become_pairs,
    preferences_locks_and_exclusions_steer_the_run,
    untrained_mentors_explain_the_unmatched_until_the_gate_is_relaxed,
    bad_run_input_is_refused_and_nothing_is_written,
);

async fn run(app: &TestApp, token: &str, programme: i64, body: Value) -> Answer {
    app.post(&format!("programs/{programme}/matching-runs"), token, body).await
}

fn pairs_of(run: &Answer) -> Vec<(i64, i64)> {
    run.body["proposals"].as_array().map(|p| p.iter().map(|p| (p["mentor"]["id"].as_i64().unwrap_or(0), p["mentee"]["id"].as_i64().unwrap_or(0))).collect()).unwrap_or_default()
}

async fn a_run_explains_itself_and_its_proposals_become_pairs(app: TestApp) {
    let leader = MentorSpec { grade: 11, capacity: 1, competencies: &["leadership", "communication"] };
    let shy = MenteeSpec { grade: 6, tags: &["communication"], categories: &["not_engaged"] };
    let b = base(&app, &[mentor(10, 1), leader], &[mentee(7), shy, mentee(8)]).await;
    let optimal = run(&app, &b.curator, b.programme, json!({"algorithm": "optimal"})).await;
    assert_eq!(optimal.status, 201, "{}", optimal.body);
    // Two places for three mentees: the mathematician and the leader each get the one who fits.
    let pairs = pairs_of(&optimal);
    assert_eq!(pairs.len(), 2, "{}", optimal.body);
    assert!(pairs.contains(&(b.mentors[1], b.mentees[1])), "the leader takes the shy one: {pairs:?}");
    let first = &optimal.body["proposals"][0];
    assert!(first["score"].as_i64().unwrap_or(0) > 0);
    let criteria: Vec<&str> = first["contributions"].as_array().map(|c| c.iter().filter_map(|c| c["criterion"].as_str()).collect()).unwrap_or_default();
    assert!(criteria.contains(&"request_tags") && criteria.contains(&"role_model"), "{criteria:?}");
    assert_eq!(optimal.body["unmatched"].as_array().map(Vec::len), Some(1));
    assert_eq!(optimal.body["unmatched"][0]["reason"]["code"], "capacity_exhausted");
    assert_eq!((optimal.body["stats"]["matched"].as_u64(), optimal.body["inputs"]["free_places"].as_u64()), (Some(2), Some(2)));
    assert_eq!(optimal.body["max_score"], 1600, "the default weights 5+3+2+4+2, each criterion at 100");

    let stable = run(&app, &b.curator, b.programme, json!({"algorithm": "stable"})).await;
    assert_eq!(stable.status, 201, "{}", stable.body);
    let runs = app.get(&format!("programs/{}/matching-runs", b.programme), &b.curator).await;
    assert_eq!(runs.body["items"].as_array().map(Vec::len), Some(2), "runs are kept to compare");
    assert_eq!(runs.body["items"][0]["algorithm"], "stable");
    let again = app.get(&format!("matching-runs/{}", optimal.id()), &b.curator).await;
    assert_eq!(pairs_of(&again), pairs, "a run reads back as it was");

    let unmatched = app.get(&format!("programs/{}/unmatched-mentees", b.programme), &b.curator).await;
    assert_eq!(unmatched.body["items"][0]["reason"]["code"], "capacity_exhausted", "{}", unmatched.body);

    let ids: Vec<i64> = optimal.body["proposals"].as_array().map(|p| p.iter().filter_map(|p| p["id"].as_i64()).collect()).unwrap_or_default();
    let accepted = app.post(&format!("matching-runs/{}/accept", optimal.id()), &b.curator, json!({"proposal_ids": ids})).await;
    assert_eq!(accepted.status, 201, "{}", accepted.body);
    let made = &accepted.body["pairs"];
    assert_eq!((made.as_array().map(Vec::len), made[0]["status"].as_str(), made[0]["matching_run_id"].as_i64()), (Some(2), Some("proposed"), Some(optimal.id())));
    assert_eq!(app.post(&format!("matching-runs/{}/accept", optimal.id()), &b.curator, json!({"proposal_ids": [ids[0]]})).await.code(), "proposal_accepted");
    // The stable run's proposals are stale now: the mentees are taken.
    let stale_ids: Vec<i64> = stable.body["proposals"].as_array().map(|p| p.iter().filter_map(|p| p["id"].as_i64()).collect()).unwrap_or_default();
    let stale = app.post(&format!("matching-runs/{}/accept", stable.id()), &b.curator, json!({"proposal_ids": stale_ids})).await;
    assert_eq!(stale.status, 409, "{}", stale.body);
    assert!(stale.body["detail"].as_str().unwrap_or("").starts_with("proposal "), "the refusal names the proposal: {}", stale.body);
    assert_eq!(app.count("pairs"), 2, "nothing half-written");
    let pair_ids: Vec<i64> = made.as_array().map(|p| p.iter().filter_map(|p| p["id"].as_i64()).collect()).unwrap_or_default();
    assert_eq!(sign_order(&app, &b, "7-н", &pair_ids).await.status, 201);
}

async fn preferences_locks_and_exclusions_steer_the_run(app: TestApp) {
    let b = base(&app, &[mentor(10, 1), mentor(10, 1), mentor(11, 1)], &[mentee(6), mentee(6), mentee(6)]).await;
    let p = b.programme;
    // Mentee 0 wants mentor 2 first; mentor 0 and mentee 1 must never be paired; mentee 2 is agreed with mentor 0.
    let sheets = json!({"sheets": [{"side": "mentee", "chooser_id": b.mentees[0], "attended_group_meeting": true, "ranks": [{"id": b.mentors[2], "rank": 1}, {"id": b.mentors[1], "rank": 2}]}]});
    assert_eq!(app.put(&format!("programs/{p}/preferences"), &b.curator, sheets).await.status, 200);
    let constraint = |mentor: i64, mentee: i64, kind: &str| json!({"mentor_id": mentor, "mentee_id": mentee, "kind": kind});
    assert_eq!(app.post(&format!("programs/{p}/pair-constraints"), &b.curator, constraint(b.mentors[0], b.mentees[1], "exclude")).await.status, 201);
    assert_eq!(app.post(&format!("programs/{p}/pair-constraints"), &b.curator, constraint(b.mentors[0], b.mentees[2], "lock")).await.status, 201);
    let listed = app.get(&format!("programs/{p}/pair-constraints"), &b.curator).await;
    assert_eq!((listed.body["items"][0]["mentor"]["name"].as_str(), listed.body["items"][0]["mentee"]["grade"].as_i64()), (Some("Наставников Пётр0"), Some(6)));
    for algorithm in ["optimal", "stable"] {
        let r = run(&app, &b.curator, p, json!({"algorithm": algorithm})).await;
        assert_eq!(r.status, 201, "{}", r.body);
        let pairs = pairs_of(&r);
        assert!(pairs.contains(&(b.mentors[0], b.mentees[2])), "{algorithm}: the lock is kept: {pairs:?}");
        assert!(!pairs.contains(&(b.mentors[0], b.mentees[1])), "{algorithm}: the exclusion holds");
        assert!(pairs.contains(&(b.mentors[2], b.mentees[0])), "{algorithm}: the first choice is honoured: {pairs:?}");
        assert_eq!(pairs.len(), 3);
        let locked = r.body["proposals"].as_array().and_then(|p| p.iter().find(|p| p["locked"] == true)).cloned().unwrap_or_default();
        assert_eq!(locked["mentee"]["id"], b.mentees[2]);
        assert_eq!(r.body["stats"]["first_choice_share"].as_f64(), Some(1.0));
        assert_eq!((r.body["inputs"]["locked"].as_u64(), r.body["inputs"]["excluded"].as_u64(), r.body["inputs"]["preference_sheets"].as_u64()), (Some(1), Some(1), Some(1)));
    }
}

async fn untrained_mentors_explain_the_unmatched_until_the_gate_is_relaxed(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let training = app.patch(&format!("program-mentors/{}", b.mentors[0]), &b.curator, json!({"training_status": "in_progress"})).await;
    assert_eq!(training.status, 200, "{}", training.body);
    let r = run(&app, &b.curator, b.programme, json!({"algorithm": "optimal"})).await;
    assert_eq!((r.body["proposals"].as_array().map(Vec::len), r.body["unmatched"][0]["reason"]["code"].as_str()), (Some(0), Some("only_untrained_mentors")), "{}", r.body);
    let settings = app.get(&format!("programs/{}/pairing-settings", b.programme), &b.curator).await;
    let mut relaxed = json!({"weights": settings.body["weights"], "preference_limit": 5, "allow_untrained_mentors": true});
    relaxed["weights"]["request_tags"] = json!("must");
    let etag = settings.body["etag"].as_str().unwrap_or("").to_owned();
    let saved = app.send(reqwest::Method::PUT, &format!("programs/{}/pairing-settings", b.programme), Some(&b.curator), Some(relaxed), &[("If-Match", &etag)]).await;
    assert_eq!((saved.status.as_u16(), saved.body["weights"]["request_tags"].as_str()), (200, Some("must")), "{}", saved.body);
    let r = run(&app, &b.curator, b.programme, json!({"algorithm": "optimal"})).await;
    assert_eq!(pairs_of(&r), [(b.mentors[0], b.mentees[0])], "{}", r.body);
    assert_eq!(r.body["inputs"]["allow_untrained_mentors"], true);
}

async fn bad_run_input_is_refused_and_nothing_is_written(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let weights = json!({"request_tags": 12, "role_model": 3, "grade_distance": 2, "mentee_preference": 4, "mentor_preference": 2});
    let heavy = run(&app, &b.curator, b.programme, json!({"algorithm": "optimal", "weights": weights})).await;
    assert_eq!((heavy.status.as_u16(), heavy.code().as_str(), heavy.body["errors"][0]["field"].as_str()), (422, "weight_out_of_range", Some("weights.request_tags")));
    let unknown = run(&app, &b.curator, b.programme, json!({"algorithm": "greedy"})).await;
    assert_eq!(unknown.status, 422, "{}", unknown.body);
    let form = run(&app, &b.curator, b.programme, json!({"algorithm": "optimal", "form": "teacher_teacher"})).await;
    assert_eq!(form.code(), "form_not_in_programme");
    let psychologist = app.login("psychologist").await;
    assert_eq!(run(&app, &psychologist, b.programme, json!({"algorithm": "optimal"})).await.status, 403);
    assert_eq!(app.count("matching_runs"), 0);
    let missing = app.post("matching-runs/999999/accept", &b.curator, json!({"proposal_ids": [1]})).await;
    assert_eq!(missing.status, 404);
}
