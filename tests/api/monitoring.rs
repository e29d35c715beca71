use chrono::{Duration, Utc};
use nastavnik_tests::{TestApp, on_both};
use serde_json::{Value, json};

use crate::meetings::link_user;
use crate::pairs::{base, mentee, mentor};

on_both!(
    templates_are_standard_regional_and_versioned,
    a_child_answers_through_a_one_time_link,
    people_with_accounts_answer_in_the_app,
    impact_is_measured_entry_to_exit_with_its_statistics,
    quality_reports_distributions_gaps_and_withholds_small_counts,
);

fn days(n: i64) -> String {
    (Utc::now() + Duration::days(n)).format("%Y-%m-%d").to_string()
}

async fn template_id(app: &TestApp, token: &str, school: i64, code: &str) -> i64 {
    let list = app.get(&format!("organizations/{school}/survey-templates"), token).await;
    list.body["items"].as_array().and_then(|t| t.iter().find(|t| t["code"] == code)).and_then(|t| t["id"].as_i64()).unwrap_or(0)
}

fn own_template(code: &str) -> Value {
    json!({"code": code, "title": "Анкета клуба", "purpose": "quality", "audience": "mentee",
           "questions": [{"code": "satisfaction", "text": "Насколько вы довольны?", "kind": "scale", "min": 1, "max": 5, "required": true}]})
}

async fn templates_are_standard_regional_and_versioned(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let admin = app.login("admin").await;
    let (_, institute, _) = app.demo_tree(&admin).await;
    let standard = app.get(&format!("organizations/{}/survey-templates", b.school), &b.curator).await;
    let codes: Vec<&str> = standard.body["items"].as_array().map(|t| t.iter().filter_map(|t| t["code"].as_str()).collect()).unwrap_or_default();
    for code in ["quality_mentee", "quality_mentor", "quality_curator", "impact_mentee"] {
        assert!(codes.contains(&code), "{code} ships with the system: {codes:?}");
    }
    // The institute publishes for its region; the school sees it.
    let iro = app.login("iro").await;
    let regional = app.post(&format!("organizations/{institute}/survey-templates"), &iro, own_template("regional_club")).await;
    assert_eq!(regional.status, 201, "{}", regional.body);
    assert_ne!(template_id(&app, &b.curator, b.school, "regional_club").await, 0);
    let mut twice = own_template("broken");
    twice["questions"] = json!([{"code": "a", "text": "?", "kind": "scale", "min": 1, "max": 5}, {"code": "a", "text": "?", "kind": "text"}]);
    let broken = app.post(&format!("organizations/{}/survey-templates", b.school), &b.curator, twice).await;
    assert_eq!((broken.status.as_u16(), broken.body["errors"][0]["field"].as_str()), (422, Some("questions[1].code")));

    let own = app.post(&format!("organizations/{}/survey-templates", b.school), &b.curator, own_template("club")).await;
    let path = format!("survey-templates/{}", own.id());
    let edit = json!({"questions": [{"code": "satisfaction", "text": "Довольны ли вы клубом?", "kind": "scale", "min": 1, "max": 10, "required": true}]});
    assert_eq!(app.put(&path, &b.curator, edit.clone()).await.status, 200, "unused: edited in place");
    let survey = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": own.id(), "phase": "quality", "opens_on": days(-1), "closes_on": days(14)})).await;
    assert_eq!(survey.status, 201, "{}", survey.body);
    let in_use = app.put(&path, &b.curator, edit.clone()).await;
    assert_eq!((in_use.status.as_u16(), in_use.code().as_str()), (409, "template_in_use"), "never changed under a running survey");
    let v2 = app.post(&format!("{path}/versions"), &b.curator, edit).await;
    assert_eq!((v2.status.as_u16(), v2.body["version"].as_i64(), v2.body["code"].as_str()), (201, Some(2), Some("club")), "{}", v2.body);
    let mismatch = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": own.id(), "phase": "entry", "opens_on": days(0), "closes_on": days(7)})).await;
    assert_eq!(mismatch.code(), "template_phase_mismatch");
    let standard_edit = app.put(&format!("survey-templates/{}", template_id(&app, &b.curator, b.school, "impact_mentee").await), &b.curator, json!({"questions": []})).await;
    assert_eq!(standard_edit.status, 403, "the standard templates do not change");
}

async fn a_child_answers_through_a_one_time_link(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let impact = template_id(&app, &b.curator, b.school, "impact_mentee").await;
    let survey = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": impact, "phase": "entry", "opens_on": days(-2), "closes_on": days(14)})).await;
    assert_eq!((survey.status.as_u16(), survey.body["open"].as_bool()), (201, Some(true)), "{}", survey.body);
    let child = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await.body["items"][0]["participant_id"].as_i64().unwrap_or(0);
    let issued = app.post(&format!("surveys/{}/invitations", survey.id()), &b.curator, json!({"participant_ids": [child]})).await;
    assert_eq!(issued.status, 201, "{}", issued.body);
    assert_eq!(issued.body["items"][0]["name"], "Учеников Иван0", "the printed sheet names the child");
    let url = issued.body["items"][0]["url"].as_str().unwrap_or("").to_owned();
    let token = url.rsplit('/').next().unwrap_or("").to_owned();
    let public = format!("public/survey-links/{token}");
    let client = reqwest::Client::new();
    let read = |path: String| {
        let client = client.clone();
        let url = app.url(&path);
        async move { nastavnik_tests::TestApp::read(client.get(url).send().await.expect("get")).await }
    };
    let respond = |path: String, body: Value| {
        let client = client.clone();
        let url = app.url(&format!("{path}/response"));
        async move { nastavnik_tests::TestApp::read(client.post(url).json(&body).send().await.expect("post")).await }
    };
    let page = read(public.clone()).await;
    assert_eq!((page.status.as_u16(), page.body["questions"].as_array().map(Vec::len)), (200, Some(5)), "no login needed: {}", page.body);
    assert!(!page.body.to_string().contains("Учеников"), "the public page names no one");
    let partial = respond(public.clone(), json!({"answers": {"engagement": 7}})).await;
    assert_eq!((partial.status.as_u16(), partial.body["answers"]["engagement"].as_i64()), (200, Some(7)), "{}", partial.body);
    for (bad, field) in [(json!({"answers": {"activity": "много"}}), "answers.activity"), (json!({"answers": {"activity": 11}}), "answers.activity"), (json!({"answers": {"nonsense": 1}}), "answers.nonsense")] {
        let refused = respond(public.clone(), bad).await;
        assert_eq!((refused.status.as_u16(), refused.body["errors"][0]["field"].as_str()), (422, Some(field)), "{}", refused.body);
    }
    let early = respond(public.clone(), json!({"answers": {"activity": 5}, "submit": true})).await;
    assert_eq!((early.code().as_str(), early.body["errors"][0]["field"].as_str()), ("answer_required", Some("answers.self_esteem")));
    let resumed = read(public.clone()).await;
    assert_eq!((resumed.body["answers"]["engagement"].as_i64(), resumed.body["answers"]["activity"].is_null()), (Some(7), true), "saved as they go, nothing of the refused submission");
    let done = respond(public.clone(), json!({"answers": {"activity": 5, "self_esteem": 6, "anxiety": 4, "motivation": 8}, "submit": true})).await;
    assert_eq!((done.status.as_u16(), done.body["submitted"].as_bool()), (200, Some(true)), "{}", done.body);
    assert_eq!(respond(public.clone(), json!({"answers": {"activity": 1}})).await.code(), "invitation_used");
    assert_eq!(read("public/survey-links/nsrv_forged".into()).await.status, 404);

    let rate = app.get(&format!("surveys/{}", survey.id()), &b.curator).await;
    assert_eq!((rate.body["counts"]["submitted"].as_i64(), rate.body["counts"]["response_rate"].as_f64()), (Some(1), Some(1.0)));
    let states = app.get(&format!("surveys/{}/invitations", survey.id()), &b.curator).await;
    assert_eq!(states.body["items"][0]["status"], "submitted");
    let spare = app.post(&format!("surveys/{}/invitations", survey.id()), &b.curator, json!({"count": 1})).await;
    let spare_token = spare.body["items"][0]["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
    let closed = app.post(&format!("surveys/{}/close", survey.id()), &b.curator, json!({})).await;
    assert_eq!((closed.status.as_u16(), closed.body["status"].as_str()), (200, Some("closed_early")));
    assert_eq!(read(format!("public/survey-links/{spare_token}")).await.body["status"], "closed_early", "the page tells an early close from the end");
    let late = respond(format!("public/survey-links/{spare_token}"), json!({"answers": {"engagement": 3}})).await;
    assert_eq!(late.code(), "survey_closed");
    assert_eq!(app.post(&format!("surveys/{}/invitations", survey.id()), &b.curator, json!({"count": 1})).await.code(), "survey_closed");
    assert_eq!(app.count("survey_responses"), 1, "nothing written by the refusals");
}

async fn people_with_accounts_answer_in_the_app(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let (child, child_id) = link_user(&app, &b, "mentee", &format!("programs/{}/mentees", b.programme)).await;
    let (adult, _) = link_user(&app, &b, "mentor", &format!("programs/{}/mentors", b.programme)).await;
    let impact = template_id(&app, &b.curator, b.school, "impact_mentee").await;
    let entry = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": impact, "phase": "entry", "opens_on": days(-1), "closes_on": days(10)})).await.id();
    let mentor_quality = template_id(&app, &b.curator, b.school, "quality_mentor").await;
    let for_mentors = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": mentor_quality, "phase": "quality", "opens_on": days(3), "closes_on": days(10)})).await.id();
    let curator_quality = template_id(&app, &b.curator, b.school, "quality_curator").await;
    let for_curators = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": curator_quality, "phase": "quality", "opens_on": days(-1), "closes_on": days(10)})).await.id();

    let mine = app.get("me/surveys", &child).await;
    assert_eq!(mine.body["items"].as_array().map(Vec::len), Some(1), "only the survey of the child's side: {}", mine.body);
    assert_eq!((mine.body["items"][0]["id"].as_i64(), mine.body["items"][0]["progress"].as_str(), mine.body["items"][0]["open"].as_bool()), (Some(entry), Some("not_started"), Some(true)));
    let theirs = app.get("me/surveys", &adult).await;
    assert_eq!((theirs.body["items"][0]["id"].as_i64(), theirs.body["items"][0]["status"].as_str()), (Some(for_mentors), Some("not_yet_open")), "{}", theirs.body);
    assert_eq!(app.post(&format!("me/surveys/{for_mentors}/response"), &adult, json!({"answers": {"satisfaction": 5}})).await.code(), "survey_not_open");
    assert_eq!(app.get(&format!("me/surveys/{for_mentors}"), &child).await.status, 404, "a survey of the other side is not the child's");
    assert_eq!(app.count("survey_invitations"), 0, "reading and refusals issue nothing");

    let path = format!("me/surveys/{entry}");
    let page = app.get(&path, &child).await;
    assert_eq!((page.status.as_u16(), page.body["questions"].as_array().map(Vec::len)), (200, Some(5)), "{}", page.body);
    let refused = app.post(&format!("{path}/response"), &child, json!({"answers": {"engagement": 7, "activity": 42}})).await;
    assert_eq!((refused.status.as_u16(), refused.body["errors"][0]["field"].as_str()), (422, Some("answers.activity")));
    assert_eq!((app.count("survey_invitations"), app.count("survey_responses")), (0, 0), "nothing written by a refused answer");
    let partial = app.post(&format!("{path}/response"), &child, json!({"answers": {"engagement": 7}})).await;
    assert_eq!((partial.status.as_u16(), partial.body["answers"]["engagement"].as_i64()), (200, Some(7)), "{}", partial.body);
    assert_eq!(app.get("me/surveys", &child).await.body["items"][0]["progress"], "started");

    // A link printed for the same child continues the same response: one person, one answer.
    let issued = app.post(&format!("surveys/{entry}/invitations"), &b.curator, json!({"participant_ids": [child_id]})).await;
    let link = issued.body["items"][0]["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
    let through_link = reqwest::Client::new().get(app.url(&format!("public/survey-links/{link}"))).send().await.expect("get");
    let through_link = nastavnik_tests::TestApp::read(through_link).await;
    assert_eq!(through_link.body["answers"]["engagement"], 7, "the link shows what the account saved");
    let done = app.post(&format!("{path}/response"), &child, json!({"answers": {"activity": 5, "self_esteem": 6, "anxiety": 4, "motivation": 8}, "submit": true})).await;
    assert_eq!((done.status.as_u16(), done.body["submitted"].as_bool()), (200, Some(true)), "{}", done.body);
    assert_eq!(app.post(&format!("{path}/response"), &child, json!({"answers": {"activity": 1}})).await.code(), "invitation_used");
    let rate = app.get(&format!("surveys/{entry}"), &b.curator).await;
    assert_eq!((rate.body["counts"]["invitations"].as_i64(), rate.body["counts"]["submitted"].as_i64()), (Some(1), Some(1)), "one child, however many ways to answer: {}", rate.body);
    let states = app.get(&format!("surveys/{entry}/invitations"), &b.curator).await;
    assert!(states.body["items"].as_array().is_some_and(|i| i.iter().all(|s| s["status"] == "submitted")), "{}", states.body);

    // The programme's curator answers the curators' questionnaire as themselves, once named its curator.
    assert_eq!(app.get("me/surveys", &b.curator).await.body["items"].as_array().map(Vec::len), Some(0), "not yet the programme's curator");
    let curator_id = app.get("me", &b.curator).await.id();
    assert_eq!(app.patch(&format!("programs/{}", b.programme), &b.curator, json!({"curator_ids": [curator_id]})).await.status, 200);
    let curators = app.get("me/surveys", &b.curator).await;
    assert_eq!(curators.body["items"][0]["id"].as_i64(), Some(for_curators), "{}", curators.body);
    let answered = app.post(&format!("me/surveys/{for_curators}/response"), &b.curator, json!({"answers": {"organisation": 4, "pairs_work": 5, "resources": 3}, "submit": true})).await;
    assert_eq!(answered.status, 200, "{}", answered.body);
    assert_eq!(app.get("me/surveys", &b.curator).await.body["items"][0]["progress"], "submitted");
}

/// Issues one link for a participant and answers it whole.
async fn answer(app: &TestApp, token: &str, survey: i64, participant: i64, answers: Value) {
    let issued = app.post(&format!("surveys/{survey}/invitations"), token, json!({"participant_ids": [participant]})).await;
    let link = issued.body["items"][0]["url"].as_str().unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
    let done = reqwest::Client::new().post(app.url(&format!("public/survey-links/{link}/response"))).json(&json!({"answers": answers, "submit": true})).send().await.expect("answer");
    assert_eq!(done.status(), 200);
}

async fn impact_is_measured_entry_to_exit_with_its_statistics(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6), mentee(6), mentee(7), mentee(7), mentee(8), mentee(8)]).await;
    let mentees = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await;
    let people: Vec<i64> = mentees.body["items"].as_array().map(|m| m.iter().filter_map(|m| m["participant_id"].as_i64()).collect()).unwrap_or_default();
    let pair = crate::pairs::make_pair(&app, &b, b.mentors[0], &[b.mentees[0]]).await;
    assert_eq!(pair.status, 201);
    let entry = [3.1, 3.4, 3.0, 3.8, 3.2, 3.5];
    let exit = [3.6, 3.9, 3.3, 4.0, 3.9, 3.7];
    let mut items = Vec::new();
    for (i, p) in people.iter().enumerate() {
        items.push(json!({"participant_id": p, "parameter": "average_grade", "phase": "entry", "value": entry[i]}));
        items.push(json!({"participant_id": p, "parameter": "average_grade", "phase": "exit", "value": exit[i]}));
    }
    let recorded = app.post(&format!("programs/{}/measurements", b.programme), &b.curator, json!({"items": items})).await;
    assert_eq!(recorded.status, 200, "{}", recorded.body);
    let outsider = app.post(&format!("programs/{}/measurements", b.programme), &b.curator, json!({"items": [{"participant_id": 999999, "parameter": "average_grade", "phase": "entry", "value": 3.0}]})).await;
    assert_eq!(outsider.body["errors"][0]["field"], "items[0].participant_id");
    // The same from a file of the school's records, a decimal comma and Russian phases included.
    let file = |rows: &str| format!("participant_id;parameter;phase;value;measured_on\n{rows}");
    let import = |body: String| {
        let url = app.url(&format!("programs/{}/measurements/import", b.programme));
        let token = b.curator.clone();
        async move { nastavnik_tests::TestApp::read(reqwest::Client::new().post(url).bearer_auth(token).header("Content-Type", "text/csv").body(body).send().await.expect("import")).await }
    };
    let bad = import(file(&format!("{0};clubs;вход;2;01.10.2026\n{0};clubs;середина;3;", people[1]))).await;
    assert_eq!((bad.status.as_u16(), bad.body["errors"][0]["field"].as_str()), (422, Some("rows[1].phase")), "{}", bad.body);
    assert_eq!(app.count("measurements"), 12, "nothing of the bad file written");
    let good = import(file(&format!("{0};clubs;вход;1,5;01.10.2026\n{0};clubs;выход;3;2026-11-25", people[1]))).await;
    assert_eq!((good.status.as_u16(), good.body["items"].as_array().map(Vec::len)), (200, Some(14)), "{}", good.body);
    // As Excel saves it: Windows-1251 with Russian column names; the same value again changes nothing.
    let rows = format!("participant_id;Параметр;Этап;Значение\n{};clubs;Вход;1,5\n", people[1]);
    let (excel, _, _) = encoding_rs::WINDOWS_1251.encode(&rows);
    let url = app.url(&format!("programs/{}/measurements/import", b.programme));
    let again = reqwest::Client::new().post(url).bearer_auth(&b.curator).header("Content-Type", "text/csv").body(excel.into_owned()).send().await.expect("import");
    let again = nastavnik_tests::TestApp::read(again).await;
    assert_eq!((again.status.as_u16(), again.body["items"].as_array().map(Vec::len)), (200, Some(14)), "{}", again.body);
    // One child answers the instrument at entry and at exit.
    let impact = template_id(&app, &b.curator, b.school, "impact_mentee").await;
    for (phase, value) in [("entry", 4), ("exit", 8)] {
        let survey = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": impact, "phase": phase, "opens_on": days(-2), "closes_on": days(14)})).await;
        answer(&app, &b.curator, survey.id(), people[0], json!({"engagement": value, "activity": 5, "self_esteem": 5, "anxiety": 5, "motivation": 5})).await;
    }
    let report = app.get(&format!("programs/{}/monitoring/impact", b.programme), &b.curator).await;
    assert_eq!(report.status, 200, "{}", report.body);
    let find = |report: &nastavnik_tests::Answer, parameter: &str| report.body["parameters"].as_array().and_then(|p| p.iter().find(|p| p["parameter"] == parameter)).cloned().unwrap_or_default();
    let grade = find(&report, "average_grade");
    assert_eq!((grade["source"].as_str(), grade["n"].as_u64()), (Some("records"), Some(6)));
    let stats = &grade["stats"];
    assert!((stats["mean_change"].as_f64().unwrap_or(0.0) - 0.4).abs() < 1e-9, "{stats}");
    assert_eq!((stats["lead_test"].as_str(), stats["increased"].as_u64()), (Some("wilcoxon"), Some(6)), "six pairs: the rank test leads");
    assert!((stats["wilcoxon_p_value"].as_f64().unwrap_or(1.0) - 0.03125).abs() < 1e-12, "all six went up: exact p = 2/64: {stats}");
    assert_eq!(stats["significant"], true);
    assert!(stats["ci_low"].as_f64().unwrap_or(0.0) > 0.0);
    assert_eq!(grade["participants"].as_array().map(Vec::len), Some(6), "the curator sees each child's dynamics");
    let engagement = find(&report, "engagement");
    assert_eq!((engagement["source"].as_str(), engagement["n"].as_u64(), engagement["stats"].is_null()), (Some("survey"), Some(1), true), "one pair makes no statistics");
    assert_eq!(engagement["participants"][0]["change"].as_f64(), Some(4.0));
    let manual = grade["groups"].as_array().and_then(|g| g.iter().find(|g| g["by"] == "algorithm")).cloned().unwrap_or_default();
    assert_eq!((manual["group"].as_str(), manual["n"].as_u64()), (Some("manual"), Some(1)));
    // The region sees the programme's figures, never a child's, nor a group of one.
    let region = app.login("region").await;
    let far = app.get(&format!("programs/{}/monitoring/impact", b.programme), &region).await;
    assert_eq!(far.status, 200, "{}", far.body);
    let grade = find(&far, "average_grade");
    assert_eq!((grade["stats"].is_null(), grade["participants"].is_null()), (false, true));
    assert_eq!(find(&far, "engagement")["suppressed"], true);
    let group = grade["groups"].as_array().and_then(|g| g.iter().find(|g| g["by"] == "algorithm")).cloned().unwrap_or_default();
    assert_eq!((group["suppressed"].as_bool(), group["stats"].is_null()), (Some(true), true));
}

async fn quality_reports_distributions_gaps_and_withholds_small_counts(app: TestApp) {
    let b = base(&app, &[mentor(10, 1)], &[mentee(6), mentee(7)]).await;
    let pair = crate::pairs::make_pair(&app, &b, b.mentors[0], &[b.mentees[0]]).await;
    let quality = template_id(&app, &b.curator, b.school, "quality_mentee").await;
    let survey = app.post(&format!("programs/{}/surveys", b.programme), &b.curator, json!({"template_id": quality, "phase": "quality", "opens_on": days(-2), "closes_on": days(14)})).await;
    let mentees = app.get(&format!("programs/{}/mentees", b.programme), &b.curator).await;
    let people: Vec<i64> = mentees.body["items"].as_array().map(|m| m.iter().filter_map(|m| m["participant_id"].as_i64()).collect()).unwrap_or_default();
    for (i, p) in people.iter().enumerate() {
        let answers = json!({"satisfaction": 4 + i, "joint_work": 3, "regularity": "раз в неделю и чаще", "expected_help": 8, "got_help": 6 + i, "expected_interest": 7, "got_interest": 9, "most_useful": "Разбор задач"});
        answer(&app, &b.curator, survey.id(), *p, answers).await;
    }
    let report = app.get(&format!("programs/{}/monitoring/quality", b.programme), &b.curator).await;
    assert_eq!(report.status, 200, "{}", report.body);
    let s = &report.body["surveys"][0];
    assert_eq!((s["submitted"].as_u64(), s["response_rate"].as_f64()), (Some(2), Some(1.0)));
    let question = |code: &str| s["questions"].as_array().and_then(|q| q.iter().find(|q| q["code"] == code)).cloned().unwrap_or_default();
    assert_eq!(question("satisfaction")["mean"].as_f64(), Some(4.5));
    let by_pair = question("satisfaction")["groups"].as_array().and_then(|g| g.iter().find(|g| g["by"] == "pair")).cloned().unwrap_or_default();
    assert_eq!((by_pair["group"].as_str().map(str::to_owned), by_pair["n"].as_u64(), by_pair["mean"].as_f64()), (Some(pair.id().to_string()), Some(1), Some(4.0)), "the paired child rated 4");
    assert_eq!(question("regularity")["distribution"][0], json!({"value": "раз в неделю и чаще", "count": 2}));
    assert_eq!(question("most_useful")["open_answers"], json!(["Разбор задач", "Разбор задач"]));
    assert_eq!(s["strengths"][0], "satisfaction", "{}", s["strengths"]);
    let help = s["gaps"].as_array().and_then(|g| g.iter().find(|g| g["reality"] == "got_help")).cloned().unwrap_or_default();
    assert_eq!((help["n"].as_u64(), help["gap"].as_f64()), (Some(2), Some(-1.5)), "they hoped for more help than they got");
    let region = app.login("region").await;
    let far = app.get(&format!("programs/{}/monitoring/quality", b.programme), &region).await;
    let fs = &far.body["surveys"][0];
    let sat = fs["questions"].as_array().and_then(|q| q.iter().find(|q| q["code"] == "satisfaction")).cloned().unwrap_or_default();
    assert_eq!((sat["suppressed"].as_bool(), sat["mean"].is_null()), (Some(true), true), "two children: withheld outside the school");
    let open = fs["questions"].as_array().and_then(|q| q.iter().find(|q| q["code"] == "most_useful")).cloned().unwrap_or_default();
    assert!(open["open_answers"].is_null());
}
