//! The school website's public feed (`/public/schools/{slug}`) and the widget served beside it.

use std::collections::HashSet;

use diesel::prelude::*;
use nastavnik::db::schema::{consents, meetings, pairs as pair_rows, participants, program_mentees};
use nastavnik_tests::{Answer, TestApp, on_both};
use reqwest::Method;
use serde_json::{Value, json};

use crate::meetings::hold_sequence;
use crate::pairs::{base, make_pair, mentee, mentor, sign_order_on};

on_both!(
    the_feed_is_the_school_page_as_data,
    the_feed_never_names_a_participant,
    small_counts_are_suppressed,
    nothing_published_answers_one_404,
    the_feed_is_cached_by_its_etag,
    any_site_may_read_the_feed,
    the_widget_and_its_page_are_served,
);

const SLUG: &str = "mbou-sosh-s-kremovo";
const FEED: &str = "public/schools/mbou-sosh-s-kremovo";
const DEMO_TITLE: &str = "Программа наставничества «Ученик – ученик»";

/// Anonymous, as a school's site asks.
async fn feed(app: &TestApp, slug: &str, headers: &[(&str, &str)]) -> Answer {
    app.send(Method::GET, &format!("public/schools/{slug}"), None, None, headers).await
}

/// The demo programme's id, as the curator sees it.
async fn demo_programme(app: &TestApp, curator: &str, school: i64) -> i64 {
    let list = app.get(&format!("schools/{school}/programs"), curator).await;
    list.body["items"].as_array().and_then(|items| items.iter().find(|p| p["title"] == DEMO_TITLE)).map(|p| p["id"].as_i64().unwrap_or(0)).expect("demo programme")
}

async fn the_feed_is_the_school_page_as_data(app: TestApp) {
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let programme = demo_programme(&app, &curator, school).await;
    // The school publishes two media-plan items: one with a link to its news, one with a link
    // that would run script on the school's site, which must never reach the page.
    let plan = app.get(&format!("programs/{programme}/media-plan"), &curator).await;
    let items = plan.body["items"].as_array().cloned().unwrap_or_default();
    assert!(items.len() >= 2, "{}", plan.body);
    let news_url = "https://kremovo-school.example/news/den-nastavnika";
    let published = app.patch(&format!("media-plan-items/{}", items[0]["id"]), &curator, json!({"event": "День наставника в школе", "status": "published", "published_url": news_url})).await;
    assert_eq!(published.status, 200, "{}", published.body);
    let sneaky = app.patch(&format!("media-plan-items/{}", items[1]["id"]), &curator, json!({"status": "published", "published_url": "javascript:alert(1)"})).await;
    assert!(sneaky.status == 200 || sneaky.status == 422, "{}", sneaky.body);
    let audit_before = app.count("audit_log");

    let a = feed(&app, SLUG, &[]).await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(a.header("content-type").unwrap_or_default().starts_with("application/json"));
    let f = &a.body;
    assert_eq!(f["title"], "Информация о реализации целевой модели наставничества");
    assert_eq!((f["school"]["name"].as_str(), f["school"]["slug"].as_str()), (Some("МБОУ СОШ с. Кремово"), Some(SLUG)));
    assert_eq!((f["programme"]["title"].as_str(), f["programme"]["status"].as_str()), (Some(DEMO_TITLE), Some("active")));
    assert!(f["programme"]["goal"].as_str().is_some_and(|g| g.starts_with("Максимально полное раскрытие потенциала")), "{}", f["programme"]);
    assert_eq!(f["programme"]["tasks"].as_array().map(Vec::len), Some(4));
    assert_eq!(f["programme"]["forms"], json!([{"code": "student_student", "label": "ученик – ученик"}]));
    let terms: Vec<&str> = f["definitions"].as_array().map(|d| d.iter().filter_map(|t| t["term"].as_str()).collect()).unwrap_or_default();
    for term in ["Наставничество", "Наставник", "Наставляемый", "Куратор", "Форма наставничества", "Целевая модель наставничества"] {
        assert!(terms.contains(&term), "no definition of {term}: {terms:?}");
    }
    assert_eq!(f["contact"], json!({"name": "Иванова Анна Петровна, куратор", "phone": "+7 (423) 000-00-00", "email": "curator@demo.nastavnik.ru"}));
    // Stages 1–5 done, stage 6 under way (the demo's history).
    let roadmap = &f["roadmap"];
    assert_eq!(roadmap["stages"].as_array().map(Vec::len), Some(7));
    assert_eq!(roadmap["current_stage"]["number"], 6, "{roadmap}");
    assert_eq!(roadmap["stages"][0]["title"], "Подготовка условий для запуска программы наставничества");
    let (done, total) = (roadmap["done"].as_i64().unwrap_or(-1), roadmap["total"].as_i64().unwrap_or(-1));
    assert!(done > 0 && done < total && roadmap["percent"] == done * 100 / total, "{roadmap}");
    let news = f["news"].as_array().cloned().unwrap_or_default();
    assert!(news.iter().any(|n| n["title"] == "День наставника в школе" && n["url"] == news_url), "{news:?}");
    assert!(news.iter().all(|n| n["url"].as_str().is_some_and(|u| u.starts_with("https://"))), "{news:?}");
    assert!(!f.to_string().to_lowercase().contains("javascript:"), "a script link reached the page");
    assert_eq!(f["invitation"], "Приглашаем ребят и взрослых к сотрудничеству в рамках целевой модели наставничества!");
    // The core demo has no bases yet: every count is below five.
    for key in ["mentors", "mentees", "pairs", "meetings_held"] {
        assert_eq!(f["figures"][key], json!({"value": null, "suppressed": true}), "{key}");
    }
    assert_eq!(f["figures"]["threshold"], 5);
    assert_eq!(app.count("audit_log"), audit_before, "the feed reads no one's record");
    // Read-only: nothing else is routed here.
    let post = app.send(Method::POST, FEED, None, Some(json!({})), &[]).await;
    assert_eq!(post.status, 404, "{}", post.body);
}

/// Every word of the feed's text outside the contact person (an adult the school publishes on
/// purpose), and the text itself.
fn words_of(feed: &Value) -> (HashSet<String>, String) {
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            Value::Object(map) => map.iter().filter(|(k, _)| *k != "contact").for_each(|(_, v)| walk(v, out)),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    walk(feed, &mut texts);
    let text = texts.join("\n");
    let words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
    (words, text)
}

async fn the_feed_never_names_a_participant(app: TestApp) {
    // The whole demo: a few hundred pupils, teachers and parents, pairs, meetings, surveys.
    {
        let mut conn = app.db.get().expect("connection");
        nastavnik::demo::load(&mut conn).expect("load the whole demo");
    }
    let a = feed(&app, SLUG, &[]).await;
    assert_eq!(a.status, 200, "{}", a.body);
    let figures = &a.body["figures"];
    for key in ["mentors", "mentees", "pairs", "meetings_held"] {
        assert!(figures[key]["value"].as_i64().is_some_and(|n| n >= 5), "the demo's {key} are many: {figures}");
    }
    let (words, text) = words_of(&a.body);
    // The scan itself sees a name where one would be.
    assert!(words_of(&json!({"news": [{"title": "Поздравляем: Иванова Анна — лучшая пара"}]})).0.contains("Анна"));

    let mut conn = app.db.get().expect("connection");
    type Person = (Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
    let people: Vec<Person> = participants::table
        .select((participants::last_name, participants::first_name, participants::middle_name, participants::phone, participants::email))
        .load(&mut *conn)
        .expect("participants");
    assert!(people.len() > 100, "the demo has its bases: {}", people.len());
    let mut names = HashSet::new();
    for (last, first, middle, phone, email) in &people {
        names.extend([last, first, middle].into_iter().flatten().cloned());
        for secret in [phone, email].into_iter().flatten() {
            assert!(!text.contains(secret.as_str()), "a participant's contact is on the public page: {secret}");
        }
    }
    let leaked: Vec<&String> = names.iter().filter(|n| words.contains(*n)).collect();
    assert!(leaked.is_empty(), "participants' names on the public page: {leaked:?}");
    // What children asked for, who consented for them, what their pairs aim at and talk about.
    let mut free_text: Vec<String> = program_mentees::table.select(program_mentees::request_text).load::<Option<String>>(&mut *conn).expect("requests").into_iter().flatten().collect();
    free_text.extend(consents::table.select(consents::giver_name).load::<Option<String>>(&mut *conn).expect("consents").into_iter().flatten());
    free_text.extend(pair_rows::table.select(pair_rows::goal).load::<Option<String>>(&mut *conn).expect("pairs").into_iter().flatten());
    free_text.extend(meetings::table.select(meetings::topic).load::<Option<String>>(&mut *conn).expect("meetings").into_iter().flatten());
    assert!(!free_text.is_empty());
    for t in free_text.iter().filter(|t| t.chars().count() > 3) {
        assert!(!text.contains(t.as_str()), "a participant's own text is on the public page: {t}");
    }
}

async fn small_counts_are_suppressed(app: TestApp) {
    // Five mentors and six mentees in a second programme of the demo school, still a draft.
    let b = base(&app, &[mentor(10, 1), mentor(10, 1), mentor(11, 1), mentor(11, 1), mentor(9, 1)], &[mentee(5), mentee(6), mentee(6), mentee(7), mentee(7), mentee(5)]).await;
    let a = feed(&app, SLUG, &[]).await;
    assert_eq!(a.body["programme"]["title"], DEMO_TITLE, "a draft is not published");
    let activated = app.patch(&format!("programs/{}", b.programme), &b.curator, json!({"status": "active"})).await;
    assert_eq!(activated.status, 200, "{}", activated.body);
    let a = feed(&app, SLUG, &[]).await;
    assert_eq!(a.body["programme"]["title"], "Пары", "the latest running programme is the current one");
    let f = &a.body["figures"];
    assert_eq!(f["mentors"], json!({"value": 5, "suppressed": false}), "five is shown");
    assert_eq!(f["mentees"], json!({"value": 6, "suppressed": false}));
    assert_eq!(f["pairs"], json!({"value": null, "suppressed": true}));

    // Two pairs approved by an order: below five, hidden, by form as well.
    let mut approved = Vec::new();
    for i in 0..2 {
        approved.push(make_pair(&app, &b, b.mentors[i], &[b.mentees[i]]).await.id());
    }
    assert_eq!(sign_order_on(&app, &b, "12-о", "2026-11-01", &approved).await.status, 201);
    let activate = app.patch(&format!("pairs/{}", approved[0]), &b.curator, json!({"status": "active"})).await;
    assert_eq!(activate.status, 200, "{}", activate.body);
    // Five meetings held by one pair: shown; four would not be.
    hold_sequence(&app, &b.curator, approved[0]).await;
    let a = feed(&app, SLUG, &[]).await;
    let f = &a.body["figures"];
    assert_eq!(f["pairs"], json!({"value": null, "suppressed": true}), "{f}");
    assert_eq!(f["pairs_by_form"], json!([{"form": "student_student", "label": "ученик – ученик", "pairs": {"value": null, "suppressed": true}}]));
    assert_eq!(f["meetings_held"], json!({"value": 5, "suppressed": false}), "{f}");
    // Three more pairs, approved: five pairs are shown.
    let mut more = Vec::new();
    for i in 2..5 {
        more.push(make_pair(&app, &b, b.mentors[i], &[b.mentees[i]]).await.id());
    }
    assert_eq!(sign_order_on(&app, &b, "13-о", "2026-11-02", &more).await.status, 201);
    let a = feed(&app, SLUG, &[]).await;
    let f = &a.body["figures"];
    assert_eq!(f["pairs"], json!({"value": 5, "suppressed": false}), "{f}");
    assert_eq!(f["pairs_by_form"][0]["pairs"], json!({"value": 5, "suppressed": false}));
    // No suppressed count leaks through the text either.
    assert!(!a.body.to_string().contains("\"value\":4"), "{}", a.body);
}

async fn nothing_published_answers_one_404(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, _, foreign_school) = app.foreign_tree(&admin).await;
    let school = app.get(&format!("organizations/{foreign_school}"), &admin).await;
    let foreign_slug = school.body["slug"].as_str().unwrap_or_default().to_owned();
    assert!(!foreign_slug.is_empty(), "{}", school.body);
    // A school with only a draft programme has published nothing.
    let draft = app.post(&format!("schools/{foreign_school}/programs"), &admin, json!({"title": "Черновик", "academic_year": "2026/2027", "forms": ["student_student"]})).await;
    assert_eq!(draft.status, 201, "{}", draft.body);

    let mut answers = Vec::new();
    for slug in ["no-such-school", "primorsky-krai", "pk-iro", foreign_slug.as_str()] {
        let a = feed(&app, slug, &[]).await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (404, "school_feed_not_found"), "{slug}: {}", a.body);
        assert!(a.header("etag").is_none() && a.header("cache-control").is_none(), "{slug}: a refusal is not cached as a page");
        answers.push(a.body);
    }
    assert!(answers.windows(2).all(|w| w[0] == w[1]), "the answers differ: {answers:?}");
    assert!(!answers[0].to_string().contains("no-such-school"));
    // A school whose only programme is archived has nothing published either.
    let curator = app.login("curator").await;
    let (_, _, demo_school) = app.demo_tree(&admin).await;
    let programme = demo_programme(&app, &curator, demo_school).await;
    crate::program_report::measure_exit(&app, &curator, demo_school, programme).await;
    for status in ["completed", "archived"] {
        let a = app.patch(&format!("programs/{programme}"), &admin, json!({"status": status})).await;
        assert_eq!(a.status, 200, "{status}: {}", a.body);
        let page = feed(&app, SLUG, &[]).await;
        if status == "completed" {
            assert_eq!(page.body["programme"]["status"], "completed", "a completed programme stays on the page");
        } else {
            assert_eq!(page.body, answers[0], "archived is not published");
        }
    }
}

async fn the_feed_is_cached_by_its_etag(app: TestApp) {
    let first = feed(&app, SLUG, &[]).await;
    let etag = first.header("etag").expect("ETag");
    assert!(etag.starts_with('"') && !etag.starts_with("W/"), "a strong ETag: {etag}");
    assert_eq!(first.header("cache-control").as_deref(), Some("public, max-age=300"));
    let again = feed(&app, SLUG, &[]).await;
    assert_eq!(again.header("etag").as_ref(), Some(&etag), "the same body, the same tag");

    let cached = feed(&app, SLUG, &[("If-None-Match", &etag)]).await;
    assert_eq!(cached.status, 304);
    assert_eq!(cached.body, Value::Null, "304 has no body");
    assert_eq!(cached.header("etag").as_ref(), Some(&etag));
    assert_eq!(cached.header("cache-control").as_deref(), Some("public, max-age=300"));
    let listed = feed(&app, SLUG, &[("If-None-Match", &format!("\"old\", W/{etag}"))]).await;
    assert_eq!(listed.status, 304, "weak comparison, any tag of the list");
    let stale = feed(&app, SLUG, &[("If-None-Match", "\"old\"")]).await;
    assert_eq!(stale.status, 200);

    // The school changes its goal: a new tag, and the old one no longer answers 304.
    let curator = app.login("curator").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let programme = demo_programme(&app, &curator, school).await;
    let changed = app.patch(&format!("programs/{programme}"), &curator, json!({"goal": "Новая цель программы"})).await;
    assert_eq!(changed.status, 200, "{}", changed.body);
    let fresh = feed(&app, SLUG, &[("If-None-Match", &etag)]).await;
    assert_eq!(fresh.status, 200);
    assert_eq!(fresh.body["programme"]["goal"], "Новая цель программы");
    assert_ne!(fresh.header("etag"), Some(etag));
}

async fn any_site_may_read_the_feed(app: TestApp) {
    let origin = [("Origin", "https://kremovo-school.example")];
    let a = feed(&app, SLUG, &origin).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.header("access-control-allow-origin").as_deref(), Some("*"));
    assert!(a.header("access-control-expose-headers").unwrap_or_default().contains("ETag"));
    let preflight = app
        .send(Method::OPTIONS, FEED, None, None, &[("Origin", "https://kremovo-school.example"), ("Access-Control-Request-Method", "GET"), ("Access-Control-Request-Headers", "if-none-match")])
        .await;
    assert_eq!(preflight.status, 204, "{}", preflight.body);
    assert_eq!(preflight.header("access-control-allow-origin").as_deref(), Some("*"));
    let methods = preflight.header("access-control-allow-methods").unwrap_or_default();
    assert!(methods.contains("GET") && methods.contains("OPTIONS"), "{methods}");
    assert!(preflight.header("access-control-allow-headers").unwrap_or_default().to_lowercase().contains("if-none-match"));
    // A refusal is readable by the widget too, so it can say "not published" rather than fail.
    let missing = feed(&app, "no-such-school", &origin).await;
    assert_eq!((missing.status.as_u16(), missing.header("access-control-allow-origin").as_deref()), (404, Some("*")));
    // The rest of the API stays same-origin.
    let other = app.send(Method::GET, "me", None, None, &origin).await;
    assert_eq!(other.status, 401);
    assert!(other.header("access-control-allow-origin").is_none(), "CORS is open on the school feed only");
}

async fn the_widget_and_its_page_are_served(app: TestApp) {
    let res = app.client.get(app.url("/widget/nastavnik.js")).send().await.expect("widget script");
    assert_eq!(res.status(), 200);
    let ct = res.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(ct.starts_with("text/javascript"), "{ct}");
    let etag = res.headers().get("etag").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    let script = res.text().await.unwrap_or_default();
    for needle in ["attachShadow", "Версия для слабовидящих", "/api/v1/public/schools/", "менее 5", "localStorage"] {
        assert!(script.contains(needle), "the widget has no {needle}");
    }
    let cached = app.client.get(app.url("/widget/nastavnik.js")).header("If-None-Match", &etag).send().await.expect("again");
    assert_eq!(cached.status(), 304);

    let page = app.client.get(app.url(&format!("/widget/school/{SLUG}"))).send().await.expect("iframe page");
    assert_eq!(page.status(), 200);
    let headers = page.headers().clone();
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(header("content-type").starts_with("text/html"), "{}", header("content-type"));
    assert!(header("content-security-policy").contains("frame-ancestors *"), "{}", header("content-security-policy"));
    assert!(headers.get("x-frame-options").is_none(), "the iframe page may be framed");
    let html = page.text().await.unwrap_or_default();
    assert!(html.contains("<html lang=\"ru\">"), "{html}");
    assert!(html.contains(&format!("<script src=\"/widget/nastavnik.js\" data-school=\"{SLUG}\"")), "{html}");
    assert!(!html.contains("/assets/"), "the page does not load the SPA's bundle");
    // The rest of the service still refuses to be framed.
    let spec = app.client.get(app.url("/api/openapi.json")).send().await.expect("spec");
    assert_eq!(spec.headers().get("x-frame-options").and_then(|v| v.to_str().ok()), Some("DENY"));
    // Nothing but a slug reaches the HTML.
    let odd = app.client.get(app.url("/widget/school/%22%3E%3Cscript%3E")).send().await.expect("odd slug");
    assert_eq!(odd.status(), 404);
}
