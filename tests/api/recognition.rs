use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

use crate::meetings::{hold_sequence, log, meeting};
use crate::pairs::{Base, base, make_pair, mentee, mentor, sign_order_on};
use crate::participants::student;

on_both!(
    nominees_reflect_the_record,
    an_award_to_an_outsider_is_refused_and_nothing_is_written,
    certificates_verify_in_public_without_naming_a_child,
    practices_go_from_a_school_draft_to_the_region_library,
    practices_are_searched_in_any_case_and_filtered,
    the_demo_recognises_its_best,
);

/// Two working pairs: the first held the whole sequence (and so completed), the second only met.
async fn two_pairs(app: &TestApp) -> (Base, i64, i64) {
    let b = base(app, &[mentor(10, 1), mentor(11, 1)], &[mentee(6), mentee(7)]).await;
    let first = make_pair(app, &b, b.mentors[0], &[b.mentees[0]]).await.id();
    let second = make_pair(app, &b, b.mentors[1], &[b.mentees[1]]).await.id();
    assert_eq!(sign_order_on(app, &b, "12-о", "2026-11-01", &[first, second]).await.status, 201);
    hold_sequence(app, &b.curator, first).await;
    let done = app.post(&format!("pairs/{first}/complete"), &b.curator, json!({"outcome": "yes", "summary": "Цель достигнута"})).await;
    assert_eq!(done.body["status"], "completed", "{}", done.body);
    assert_eq!(log(app, &b.curator, second, meeting("introduction", "2026-11-03", true)).await.status, 201);
    (b, first, second)
}

/// The participant ids behind the programme's enrolments.
async fn people(app: &TestApp, b: &Base, side: &str) -> Vec<i64> {
    let list = app.get(&format!("programs/{}/{side}", b.programme), &b.curator).await;
    list.body["items"].as_array().map(|a| a.iter().map(|i| i["participant_id"].as_i64().unwrap_or(0)).collect()).unwrap_or_default()
}

async fn award(app: &TestApp, b: &Base, body: Value) -> nastavnik_tests::Answer {
    app.post(&format!("programs/{}/awards", b.programme), &b.curator, body).await
}

async fn nominees_reflect_the_record(app: TestApp) {
    let (b, first, second) = two_pairs(&app).await;
    let mentors = people(&app, &b, "mentors").await;
    let mentees = people(&app, &b, "mentees").await;
    // The first mentee moved on the records between entry and exit; anxiety counts downwards.
    let items = json!([
        {"participant_id": mentees[0], "parameter": "average_grade", "phase": "entry", "value": 3.1},
        {"participant_id": mentees[0], "parameter": "average_grade", "phase": "exit", "value": 3.8},
        {"participant_id": mentees[0], "parameter": "anxiety", "phase": "entry", "value": 7},
        {"participant_id": mentees[0], "parameter": "anxiety", "phase": "exit", "value": 4},
        {"participant_id": mentees[1], "parameter": "average_grade", "phase": "entry", "value": 3.5},
        {"participant_id": mentees[1], "parameter": "average_grade", "phase": "exit", "value": 3.2},
    ]);
    assert_eq!(app.post(&format!("programs/{}/measurements", b.programme), &b.curator, json!({"items": items})).await.status, 200);

    let path = format!("programs/{}/award-nominees?kind=mentor_of_the_year", b.programme);
    let list = app.get(&path, &b.curator).await;
    assert_eq!(list.status, 200, "{}", list.body);
    let top = &list.body["items"][0];
    assert_eq!((top["rank"].as_i64(), top["participant_id"].as_i64()), (Some(1), Some(mentors[0])), "{}", list.body);
    assert_eq!(top["name"], "Наставников Пётр0");
    let f = &top["figures"];
    assert_eq!((f["meetings_held"].as_i64(), f["completed_pairs"].as_i64(), f["days_of_work"].as_i64()), (Some(5), Some(1), Some(21)), "{f}");
    assert_eq!((f["measured_mentees"].as_i64(), f["improved_share"].as_f64()), (Some(1), Some(1.0)));
    let second_mentor = &list.body["items"][1];
    assert_eq!((second_mentor["participant_id"].as_i64(), second_mentor["figures"]["meetings_held"].as_i64()), (Some(mentors[1]), Some(1)));
    assert_eq!(second_mentor["figures"]["improved_share"].as_f64(), Some(0.0));
    assert!(top["score"].as_f64() > second_mentor["score"].as_f64());
    assert_eq!(top["already_awarded"], false);

    let pairs = app.get(&format!("programs/{}/award-nominees?kind=best_pair&limit=1", b.programme), &b.curator).await;
    assert_eq!(pairs.body["items"].as_array().map(Vec::len), Some(1), "limit");
    assert_eq!(pairs.body["items"][0]["pair_id"].as_i64(), Some(first));
    assert_eq!(pairs.body["items"][0]["name"], "Наставников Пётр0 — Учеников Иван0");

    // The award is the school's decision; then the list says so.
    let granted = award(&app, &b, json!({"kind": "best_pair", "pair_id": first, "awarded_on": "2026-11-28"})).await;
    assert_eq!(granted.status, 201, "{}", granted.body);
    let again = app.get(&format!("programs/{}/award-nominees?kind=best_pair", b.programme), &b.curator).await;
    let flags: Vec<(i64, bool)> = again.body["items"].as_array().map(|a| a.iter().map(|n| (n["pair_id"].as_i64().unwrap_or(0), n["already_awarded"].as_bool().unwrap_or(false))).collect()).unwrap_or_default();
    assert_eq!(flags, vec![(first, true), (second, false)]);

    let bad = app.get(&format!("programs/{}/award-nominees?kind=best_pair&limit=0", b.programme), &b.curator).await;
    assert_eq!(bad.status, 422);
    let unknown = app.get(&format!("programs/{}/award-nominees?kind=best_teacher", b.programme), &b.curator).await;
    assert_eq!(unknown.status, 422);
    // The nominees name children: the school's staff only, and the reading is audited.
    let mentor_user = app.login("mentor").await;
    assert_eq!(app.get(&path, &mentor_user).await.status, 403);
    let region = app.login("region").await;
    assert_eq!(app.get(&path, &region).await.status, 403);
    let audit = app.get(&format!("organizations/{}/audit?participant_id={}", b.school, mentors[0]), &app.login("director").await).await;
    assert!(audit.body["items"].as_array().is_some_and(|a| a.iter().any(|e| e["detail"] == "award nominees")), "{}", audit.body);
}

async fn an_award_to_an_outsider_is_refused_and_nothing_is_written(app: TestApp) {
    let (b, first, _) = two_pairs(&app).await;
    let mentors = people(&app, &b, "mentors").await;
    let mentees = people(&app, &b, "mentees").await;
    // Someone of the school outside the programme's bases, someone of another region's school, a
    // pair of another programme.
    let stranger = student(&app, &b.curator, b.school, "Посторонний", "Олег", json!({})).await["id"].as_i64().unwrap_or(0);
    let admin = app.login("admin").await;
    let (_, _, foreign_school) = app.foreign_tree(&admin).await;
    let foreigner = student(&app, &admin, foreign_school, "Чужой", "Антон", json!({})).await["id"].as_i64().unwrap_or(0);
    let other = base(&app, &[mentor(10, 1)], &[mentee(6)]).await;
    let other_pair = make_pair(&app, &other, other.mentors[0], &[other.mentees[0]]).await.id();

    for (body, code, field) in [
        (json!({"kind": "certificate", "participant_id": stranger, "awarded_on": "2026-11-28"}), "recipient_not_in_programme", "participant_id"),
        (json!({"kind": "letter_of_thanks", "participant_id": foreigner, "awarded_on": "2026-11-28"}), "recipient_not_in_programme", "participant_id"),
        (json!({"kind": "best_pair", "pair_id": other_pair, "awarded_on": "2026-11-28"}), "recipient_not_in_programme", "pair_id"),
        (json!({"kind": "best_pair", "pair_id": 987654, "awarded_on": "2026-11-28"}), "recipient_not_in_programme", "pair_id"),
        (json!({"kind": "mentor_of_the_year", "participant_id": mentees[0], "awarded_on": "2026-11-28"}), "recipient_not_mentor", "participant_id"),
        (json!({"kind": "certificate", "participant_id": mentees[0], "pair_id": first, "awarded_on": "2026-11-28"}), "validation_failed", "pair_id"),
        (json!({"kind": "certificate", "awarded_on": "2026-11-28"}), "validation_failed", "participant_id"),
        (json!({"kind": "best_pair", "participant_id": mentors[0], "awarded_on": "2026-11-28"}), "validation_failed", "pair_id"),
        (json!({"kind": "certificate", "participant_id": mentees[0], "awarded_on": "2031-01-01"}), "validation_failed", "awarded_on"),
        (json!({"kind": "certificate", "participant_id": mentees[0], "awarded_on": "2026-11-28", "title": ""}), "validation_failed", "title"),
    ] {
        let refused = award(&app, &b, body.clone()).await;
        assert_eq!((refused.status.as_u16(), refused.code(), refused.body["errors"][0]["field"].as_str()), (422, code.to_owned(), Some(field)), "{body}: {}", refused.body);
    }
    let kind = award(&app, &b, json!({"kind": "hero", "participant_id": mentees[0], "awarded_on": "2026-11-28"})).await;
    assert_eq!(kind.status, 422, "{}", kind.body);
    let mentor_user = app.login("mentor").await;
    let not_staff = app.post(&format!("programs/{}/awards", b.programme), &mentor_user, json!({"kind": "certificate", "participant_id": mentees[0], "awarded_on": "2026-11-28"})).await;
    assert_eq!(not_staff.status, 403);
    assert_eq!(app.count("awards"), 0, "nothing written");

    // The same mentor is Mentor of the year; the title defaults to the kind's.
    let ok = award(&app, &b, json!({"kind": "mentor_of_the_year", "participant_id": mentors[0], "awarded_on": "2026-11-28", "wording": "За вклад в развитие наставничества"})).await;
    assert_eq!(ok.status, 201, "{}", ok.body);
    assert_eq!((ok.body["title"].as_str(), ok.body["recipient"]["name"].as_str()), (Some("Наставник года"), Some("Наставников Пётр0")));
    assert_eq!(ok.header("location"), Some(format!("/api/v1/awards/{}", ok.id())));
    let code = ok.body["code"].as_str().unwrap_or("");
    assert!(code.len() == 13 && code.starts_with("NST-"), "{code}");
    let list = app.get(&format!("programs/{}/awards", b.programme), &b.curator).await;
    assert_eq!(list.body["items"].as_array().map(Vec::len), Some(1));
    // Someone outside the school's subtree does not learn the award exists.
    let foreign_user = app
        .post("users", &admin, json!({"email": "curator@khabarovsk.ru", "full_name": "Куратор", "password": "long-enough-password-1", "memberships": [{"organization_id": foreign_school, "role": "curator"}]}))
        .await;
    assert_eq!(foreign_user.status, 201);
    let outsider = app.login_answer("curator@khabarovsk.ru", "long-enough-password-1").await.body["access_token"].as_str().unwrap_or("").to_owned();
    assert_eq!(app.get(&format!("awards/{}", ok.id()), &outsider).await.code(), "not_found");
    assert_eq!(app.get(&format!("programs/{}/awards", b.programme), &outsider).await.code(), "not_found");
}

async fn certificates_verify_in_public_without_naming_a_child(app: TestApp) {
    let (b, first, _) = two_pairs(&app).await;
    let mentors = people(&app, &b, "mentors").await;
    let mentees = people(&app, &b, "mentees").await;
    let child = award(&app, &b, json!({"kind": "certificate", "participant_id": mentees[0], "awarded_on": "2026-11-28", "wording": "За активное участие в программе наставничества"})).await;
    assert_eq!(child.status, 201, "{}", child.body);
    let code = child.body["code"].as_str().unwrap_or("").to_owned();

    // The print view: the school's name, the holder in full, the code and where to check it.
    let audited_before = app.count("audit_log");
    let print = app.get(&format!("awards/{}/certificate", child.id()), &b.curator).await;
    assert_eq!(print.status, 200, "{}", print.body);
    assert_eq!((print.body["school_name"].as_str(), print.body["holder"].as_str()), (Some("МБОУ СОШ с. Кремово"), Some("Учеников Иван0")));
    assert_eq!(print.body["verify_path"], format!("/verify/{code}"));
    assert_eq!(print.body["program_title"], "Пары");
    assert!(app.count("audit_log") > audited_before, "reading a minor's certificate is audited");

    // In public, no account: the child appears by initials only.
    let public = app.send(Method::GET, &format!("public/certificates/{code}"), None, None, &[]).await;
    assert_eq!(public.status, 200, "{}", public.body);
    assert_eq!((public.body["holder"].as_str(), public.body["holder_shown"].as_str()), (Some("У. И."), Some("initials")));
    assert_eq!((public.body["kind"].as_str(), public.body["school_name"].as_str(), public.body["revoked"].as_bool()), (Some("certificate"), Some("МБОУ СОШ с. Кремово"), Some(false)));
    assert!(!public.body.to_string().contains("Учеников"), "no name of a child: {}", public.body);
    // Typed by hand: any case, without dashes.
    let typed = app.send(Method::GET, &format!("public/certificates/{}", code.to_lowercase().replace('-', "")), None, None, &[]).await;
    assert_eq!(typed.body["code"], code.as_str());

    // A parent's consent to publish the name lets the page name the child.
    let consent = app
        .post(&format!("participants/{}/consents", mentees[0]), &b.curator, json!({"given_by": "parent", "giver_name": "Ученикова Мария", "scope": "publication_name", "given_on": "2026-11-20"}))
        .await;
    assert_eq!(consent.status, 201, "{}", consent.body);
    let named = app.send(Method::GET, &format!("public/certificates/{code}"), None, None, &[]).await;
    assert_eq!((named.body["holder"].as_str(), named.body["holder_shown"].as_str()), (Some("Учеников Иван0"), Some("full")));

    // An adult mentor is named; a pair with a child in it is not named in full.
    let patched = app.patch(&format!("participants/{}", mentors[0]), &b.curator, json!({"birth_date": "2007-01-15"})).await;
    assert_eq!(patched.status, 200, "{}", patched.body);
    let adult = award(&app, &b, json!({"kind": "letter_of_thanks", "participant_id": mentors[0], "awarded_on": "2026-11-28", "addressee": "Родителям наставника"})).await;
    let adult_public = app.send(Method::GET, &format!("public/certificates/{}", adult.body["code"].as_str().unwrap_or("")), None, None, &[]).await;
    assert_eq!((adult_public.body["holder"].as_str(), adult_public.body["holder_shown"].as_str()), (Some("Наставников Пётр0"), Some("full")));
    assert!(adult_public.body.get("addressee").is_none(), "the addressee is the school's");
    let pair_award = award(&app, &b, json!({"kind": "best_pair", "pair_id": first, "awarded_on": "2026-11-28"})).await;
    assert_eq!(pair_award.status, 201, "{}", pair_award.body);

    // Unknown and malformed codes: 404, nothing more.
    for wrong in ["NST-0000-0000", "garbage", "NST-ZZZZ"] {
        let unknown = app.send(Method::GET, &format!("public/certificates/{wrong}"), None, None, &[]).await;
        assert_eq!((unknown.status.as_u16(), unknown.code()), (404, "certificate_not_found".to_owned()), "{wrong}");
    }

    // Revoked: the page says so; revoking twice is a conflict; stale If-Match is 412.
    let path = format!("awards/{}/revoke", child.id());
    let stale = app.send(Method::POST, &path, Some(&b.curator), Some(json!({"reason": "Ошибка"})), &[("If-Match", "\"award-1-v99\"")]).await;
    assert_eq!(stale.status, 412);
    let blank = app.post(&path, &b.curator, json!({"reason": ""})).await;
    assert_eq!(blank.status, 422);
    let revoked = app.post(&path, &b.curator, json!({"reason": "Выдан ошибочно"})).await;
    assert_eq!((revoked.status.as_u16(), revoked.body["revoked"].as_bool()), (200, Some(true)), "{}", revoked.body);
    assert_eq!(app.post(&path, &b.curator, json!({"reason": "Ещё раз"})).await.code(), "award_revoked");
    let shows = app.send(Method::GET, &format!("public/certificates/{code}"), None, None, &[]).await;
    assert_eq!((shows.status.as_u16(), shows.body["revoked"].as_bool(), shows.body["revoked_on"].is_string()), (200, Some(true), true));
    let live = app.get(&format!("programs/{}/awards?include_revoked=false", b.programme), &b.curator).await;
    assert_eq!(live.body["items"].as_array().map(Vec::len), Some(2));

    // The region reads the awards without the children's names.
    let region = app.login("region").await;
    let seen = app.get(&format!("programs/{}/awards?kind=best_pair", b.programme), &region).await;
    assert_eq!(seen.status, 200, "{}", seen.body);
    assert_eq!(seen.body["items"][0]["recipient"]["name"], "Наставников Пётр0 — Учеников Иван0", "the adult and the consented child");
}

async fn practice_body(school: i64) -> Value {
    json!({
        "school_id": school,
        "title": "Школьная Газета в паре «равный — равному»",
        "summary": "Как пара выпустила три номера газеты.",
        "body": "Запрос наставляемого: не участвует в жизни школы.\n\nЗа полгода пара выпустила три номера.",
        "form": "student_student",
        "role_model": "peer_peer"
    })
}

async fn practices_go_from_a_school_draft_to_the_region_library(app: TestApp) {
    let admin = app.login("admin").await;
    let curator = app.login("curator").await;
    let iro = app.login("iro").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let created = app.post("practices", &curator, practice_body(school).await).await;
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!((created.body["status"].as_str(), created.body["author"].as_str()), (Some("draft"), Some("Иванова Анна Петровна")));
    let id = created.id();
    let path = format!("practices/{id}");

    // Another school of the same region cannot see a draft, nor the institute before submission.
    let neighbour = app.post("organizations", &admin, json!({"kind": "school", "parent_id": institute, "name": "МБОУ СОШ № 2", "time_zone": "Asia/Vladivostok"})).await.id();
    let user = app
        .post("users", &admin, json!({"email": "curator@school2.ru", "full_name": "Соседний Куратор", "password": "long-enough-password-1", "memberships": [{"organization_id": neighbour, "role": "curator"}]}))
        .await;
    assert_eq!(user.status, 201, "{}", user.body);
    let other = app.login_answer("curator@school2.ru", "long-enough-password-1").await.body["access_token"].as_str().unwrap_or("").to_owned();
    assert_eq!(app.get(&path, &other).await.code(), "not_found");
    assert_eq!(app.patch(&path, &other, json!({"title": "Чужое"})).await.code(), "not_found");
    assert_eq!(app.get(&path, &iro).await.code(), "not_found", "a draft is the school's");
    assert_eq!(app.get("practices", &other).await.body["items"].as_array().map(Vec::len), Some(0));
    // Nor can it write up a practice for another school.
    assert_eq!(app.post("practices", &other, practice_body(school).await).await.code(), "not_found");

    // A practice that names a child is refused at submission.
    let child = student(&app, &curator, school, "Соколов", "Максим", json!({})).await;
    assert!(child["id"].is_i64());
    let naming = app.patch(&path, &curator, json!({"body": "Наставляемый Максим Соколов выпустил газету."})).await;
    assert_eq!(naming.status, 200, "{}", naming.body);
    let refused = app.post(&format!("{path}/submit"), &curator, json!({})).await;
    assert_eq!((refused.status.as_u16(), refused.code(), refused.body["errors"][0]["field"].as_str()), (422, "personal_data_in_practice".to_owned(), Some("body")));
    assert!(!refused.body.to_string().contains("Соколов"), "the refusal does not repeat the name");
    let etag = naming.body["etag"].as_str().unwrap_or("").to_owned();
    let fixed = app.send(Method::PATCH, &path, Some(&curator), Some(json!({"body": "Наставляемый выпустил газету вместе с наставником."})), &[("If-Match", &etag)]).await;
    assert_eq!(fixed.status, 200, "{}", fixed.body);
    let stale = app.send(Method::PATCH, &path, Some(&curator), Some(json!({"title": "x"})), &[("If-Match", &etag)]).await;
    assert_eq!(stale.status, 412);

    // The school cannot publish; it submits; the institute returns, then publishes.
    assert_eq!(app.post(&format!("{path}/publish"), &curator, json!({})).await.status, 403);
    let submitted = app.post(&format!("{path}/submit"), &curator, json!({})).await;
    assert_eq!(submitted.body["status"], "submitted", "{}", submitted.body);
    assert_eq!(app.post(&format!("{path}/submit"), &curator, json!({})).await.code(), "invalid_transition");
    assert_eq!(app.patch(&path, &curator, json!({"title": "Поздно"})).await.code(), "practice_not_draft");
    let back = app.post(&format!("{path}/return"), &iro, json!({"note": "Добавьте результаты мониторинга"})).await;
    assert_eq!((back.body["status"].as_str(), back.body["review_note"].as_str()), (Some("draft"), Some("Добавьте результаты мониторинга")), "{}", back.body);
    assert_eq!(app.post(&format!("{path}/publish"), &iro, json!({})).await.code(), "not_found", "a returned practice is the school's draft again");
    assert_eq!(app.post(&format!("{path}/submit"), &curator, json!({})).await.status, 200);
    let queue = app.get("practices?status=submitted", &iro).await;
    assert_eq!(queue.body["items"][0]["id"].as_i64(), Some(id), "{}", queue.body);
    let published = app.post(&format!("{path}/publish"), &iro, json!({})).await;
    assert_eq!((published.status.as_u16(), published.body["status"].as_str()), (200, Some("published")), "{}", published.body);
    assert!(published.body["published_at"].is_string());

    // The region's library: the neighbour school, the region, a mentor; not another region.
    for token in [&other, &app.login("region").await, &app.login("mentor").await] {
        let library = app.get("practices", token).await;
        assert_eq!(library.body["items"][0]["id"].as_i64(), Some(id), "{}", library.body);
        assert_eq!(app.get(&path, token).await.body["body"], "Наставляемый выпустил газету вместе с наставником.");
    }
    let (_, _, far_school) = app.foreign_tree(&admin).await;
    app.post("users", &admin, json!({"email": "curator@far.ru", "full_name": "Дальний", "password": "long-enough-password-1", "memberships": [{"organization_id": far_school, "role": "curator"}]})).await;
    let far = app.login_answer("curator@far.ru", "long-enough-password-1").await.body["access_token"].as_str().unwrap_or("").to_owned();
    assert_eq!(app.get("practices", &far).await.body["items"].as_array().map(Vec::len), Some(0));
    assert_eq!(app.get(&path, &far).await.code(), "not_found");
}

async fn practices_are_searched_in_any_case_and_filtered(app: TestApp) {
    let admin = app.login("admin").await;
    let curator = app.login("curator").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    assert_eq!(app.post("practices", &curator, practice_body(school).await).await.status, 201);
    let mut other = practice_body(school).await;
    other["title"] = json!("Адаптация новичков пятого класса");
    other["summary"] = json!("Старшеклассники помогают освоиться.");
    other["body"] = json!("Ёлка, ёжик и ЁМКОСТЬ — проверка буквы ё.");
    other["role_model"] = json!("adapted_unadapted");
    assert_eq!(app.post("practices", &curator, other).await.status, 201);
    let mut teachers = practice_body(school).await;
    teachers["title"] = json!("Молодой специалист и опытный учитель");
    teachers["summary"] = json!("Первый год в школе.");
    teachers["body"] = json!("Опытный учитель ведёт молодого специалиста.");
    teachers["form"] = json!("teacher_teacher");
    teachers["role_model"] = Value::Null;
    assert_eq!(app.post("practices", &curator, teachers).await.status, 201);

    let titles = |a: &nastavnik_tests::Answer| -> Vec<String> { a.body["items"].as_array().map(|i| i.iter().map(|x| x["title"].as_str().unwrap_or("").to_owned()).collect()).unwrap_or_default() };
    for q in ["газета", "ГАЗЕТА", "Газ"] {
        let found = app.get(&format!("practices?q={}", urlencode(q)), &curator).await;
        assert_eq!(titles(&found), vec!["Школьная Газета в паре «равный — равному»"], "{q}");
    }
    let by_body = app.get(&format!("practices?q={}", urlencode("ёмкость")), &curator).await;
    assert_eq!(titles(&by_body), vec!["Адаптация новичков пятого класса"]);
    let by_form = app.get("practices?form=teacher_teacher", &curator).await;
    assert_eq!(titles(&by_form), vec!["Молодой специалист и опытный учитель"]);
    let by_model = app.get("practices?role_model=adapted_unadapted", &curator).await;
    assert_eq!(titles(&by_model), vec!["Адаптация новичков пятого класса"]);
    let wildcard = app.get(&format!("practices?q={}", urlencode("%")), &curator).await;
    assert_eq!(titles(&wildcard).len(), 0, "LIKE's wildcards are taken literally");
    // Newest first, cursor-paged.
    let first = app.get("practices?limit=2", &curator).await;
    assert_eq!(titles(&first), vec!["Молодой специалист и опытный учитель", "Адаптация новичков пятого класса"]);
    let cursor = first.body["next_cursor"].as_str().unwrap_or("").to_owned();
    let rest = app.get(&format!("practices?limit=2&cursor={cursor}"), &curator).await;
    assert_eq!((titles(&rest).len(), rest.body["next_cursor"].is_null()), (1, true));
    let bad = app.get("practices?form=nonsense", &curator).await;
    assert_eq!(bad.status, 422);
}

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// The full demo: awards of every kind chosen from the nominees, and practices at every step.
async fn the_demo_recognises_its_best(app: TestApp) {
    let mut conn = app.db.get().expect("connection");
    nastavnik::demo::load(&mut conn).expect("full demo");
    nastavnik::demo::load(&mut conn).expect("loading twice changes nothing");
    drop(conn);
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let programme = app.get(&format!("schools/{school}/programs?status=active"), &curator).await.body["items"][0]["id"].as_i64().expect("demo programme");
    let awards = app.get(&format!("programs/{programme}/awards"), &curator).await;
    let items = awards.body["items"].as_array().cloned().unwrap_or_default();
    let kinds: std::collections::BTreeSet<&str> = items.iter().filter_map(|a| a["kind"].as_str()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), vec!["best_pair", "certificate", "letter_of_thanks", "mentor_of_the_year"], "{}", awards.body);
    let nominees = app.get(&format!("programs/{programme}/award-nominees?kind=mentor_of_the_year"), &curator).await;
    assert_eq!(nominees.body["items"][0]["already_awarded"], true, "the demo's Mentor of the year is the record's first");
    assert!(nominees.body["items"][0]["figures"]["meetings_held"].as_i64() > Some(0));
    let certificates: Vec<&Value> = items.iter().filter(|a| a["kind"] == "certificate").collect();
    assert!(certificates.len() >= 2);
    let shown: Vec<String> = {
        let mut v = Vec::new();
        for c in &certificates {
            let public = app.send(Method::GET, &format!("public/certificates/{}", c["code"].as_str().unwrap_or("")), None, None, &[]).await;
            assert_eq!(public.status, 200);
            v.push(public.body["holder_shown"].as_str().unwrap_or("").to_owned());
        }
        v
    };
    assert!(shown.contains(&"full".to_owned()) && shown.contains(&"initials".to_owned()), "{shown:?}");

    let mine = app.get("practices", &curator).await;
    assert_eq!(mine.body["items"].as_array().map(Vec::len), Some(3));
    let institute = app.get("practices", &app.login("iro").await).await;
    assert_eq!(institute.body["items"].as_array().map(Vec::len), Some(2), "published and submitted");
    let library = app.get("practices", &app.login("mentor").await).await;
    assert_eq!((library.body["items"].as_array().map(Vec::len), library.body["items"][0]["status"].as_str()), (Some(1), Some("published")));
}
