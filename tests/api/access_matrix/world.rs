//! Two schools' worth of everything an operation can point at: the demo school, where every demo
//! user works, and a school of another region that none of them reaches. Both are built the same
//! way, through the API, by the system administrator.

use chrono::{Datelike, Duration, NaiveDate, Utc};
use nastavnik_tests::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

/// Every name in the foreign school carries this, so that a body mentioning it shows a leak.
pub const FOREIGN_MARK: &str = "Чужедальн";
pub const STAFF_PASSWORD: &str = "matrix-password-2026";

/// One school and what lives in it; ids as the API gave them.
pub struct World {
    pub institute: i64,
    pub school: i64,
    pub slug: String,
    /// The children's surname: no public answer may show it.
    pub surname: &'static str,
    /// What names the school's things and its adults.
    pub place: &'static str,
    pub programme: i64,
    /// The participants behind the pair: its mentor and its mentee.
    pub mentor_person: i64,
    pub mentee_person: i64,
    /// Another child, consented and enrolled as a mentee but in no pair.
    pub spare_person: i64,
    /// Enrolments: the pair's mentor and mentee, and two mentees waiting for a pair.
    pub mentor: i64,
    pub mentee: i64,
    pub spare_mentees: [i64; 2],
    pub pair: i64,
    pub order: i64,
    /// The pair's introduction, scheduled; a trial and a planning meeting follow it.
    pub meeting: i64,
    pub run: i64,
    pub proposal: i64,
    pub media_item: i64,
    pub activity: i64,
    pub award: i64,
    pub certificate: String,
    /// A survey of the pair's mentees, open, with one printed link.
    pub survey: i64,
    pub survey_link: String,
    /// A survey template of the school's own.
    pub template: i64,
    pub period: i64,
    pub import_job: i64,
    pub api_token: i64,
    /// A curator of the school with a password of our own, to sign in as.
    pub staff: i64,
    pub staff_email: String,
    pub staff_feed: i64,
    pub feed_token: String,
    pub draft_practice: i64,
    pub published_practice: i64,
    pub participants_csv: String,
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// A day relative to today, as the API writes dates.
pub fn day(offset: i64) -> String {
    (today() + Duration::days(offset)).to_string()
}

/// 06:00 UTC of a day relative to today, and 45 minutes later: a school-day meeting in Vladivostok.
pub fn slot(offset: i64) -> (String, String) {
    let d = day(offset);
    (format!("{d}T06:00:00Z"), format!("{d}T06:45:00Z"))
}

pub fn academic_year() -> (i32, String) {
    let t = today();
    let first = if t.month() >= 9 { t.year() } else { t.year() - 1 };
    (first, format!("{first}/{}", first + 1))
}

/// Sends as `token` and insists on success: the world must exist before the matrix can say anything.
pub async fn ok(app: &TestApp, token: &str, method: Method, path: &str, body: Option<Value>) -> Value {
    let a = app.send(method.clone(), path, Some(token), body, &[]).await;
    assert!(a.status.is_success(), "building the world: {method} {path} answered {}: {}", a.status, a.body);
    a.body
}

pub fn id(v: &Value) -> i64 {
    v["id"].as_i64().unwrap_or_else(|| panic!("no id in {v}"))
}

/// The part of a link after `marker` and before `end`.
pub fn secret_of(url: &str, marker: &str, end: &str) -> String {
    let after = url.split_once(marker).map(|(_, rest)| rest).unwrap_or_else(|| panic!("{marker} not in {url}"));
    after.trim_end_matches(end).to_owned()
}

/// Users linked to the pair's participants, so that the pair is theirs.
pub struct Linked {
    pub mentor: Option<i64>,
    pub mentee: Option<i64>,
}

pub struct Tree {
    pub institute: i64,
    pub school: i64,
}

/// The region, institute and school of the foreign side.
pub async fn foreign_tree(app: &TestApp, admin: &str) -> Tree {
    let tz = "Asia/Vladivostok";
    let region = ok(app, admin, Method::POST, "organizations", Some(json!({"kind": "region", "name": "Чужедальний край", "time_zone": tz}))).await;
    let institute = ok(app, admin, Method::POST, "organizations", Some(json!({"kind": "institute", "parent_id": id(&region), "name": "Чужедальний ИРО", "time_zone": tz}))).await;
    let school = ok(app, admin, Method::POST, "organizations", Some(json!({"kind": "school", "parent_id": id(&institute), "name": "Чужедальняя СОШ", "time_zone": tz}))).await;
    Tree { institute: id(&institute), school: id(&school) }
}

pub async fn build(app: &TestApp, admin: &str, tree: Tree, (surname, place): (&'static str, &'static str), linked: Linked) -> World {
    let Tree { institute, school } = tree;
    let post = |path: String, body: Value| async move { ok(app, admin, Method::POST, &path, Some(body)).await };
    let slug = ok(app, admin, Method::GET, &format!("organizations/{school}"), None).await["slug"].as_str().unwrap_or_default().to_owned();
    let (first, year) = academic_year();
    let programme = id(&post(
        format!("schools/{school}/programs"),
        json!({"title": format!("Программа: {place}"), "academic_year": year, "start_date": format!("{first}-08-01"), "end_date": format!("{}-08-31", first + 1), "forms": ["student_student"]}),
    )
    .await);
    ok(app, admin, Method::PATCH, &format!("programs/{programme}"), Some(json!({"status": "active"}))).await;

    let person = |first_name: &'static str, grade: i32, born: &'static str, user: Option<i64>| {
        let body = json!({"kind": "student", "last_name": surname, "first_name": first_name, "grade": grade, "class_letter": "а", "birth_date": born, "user_id": user});
        async move {
            let p = id(&post(format!("schools/{school}/participants"), body).await);
            post(format!("participants/{p}/consents"), json!({"given_by": "parent", "giver_name": "Родитель", "scope": "processing", "given_on": day(-30)})).await;
            p
        }
    };
    let mentor_person = person("Пётр", 10, "2010-02-01", linked.mentor).await;
    let mentee_person = person("Иван", 6, "2014-03-02", linked.mentee).await;
    let spare_person = person("Фёдор", 7, "2013-04-03", None).await;
    let other_spare = person("Семён", 7, "2013-05-04", None).await;

    let mentor = id(&post(format!("programs/{programme}/mentors"), json!({"participant_id": mentor_person, "competencies": ["academic_results"], "capacity": 3})).await);
    ok(app, admin, Method::PATCH, &format!("program-mentors/{mentor}"), Some(json!({"interview_outcome": "passed", "training_status": "completed", "status": "in_base"}))).await;
    let enrol = |p: i64| {
        let body = json!({"participant_id": p, "mentee_type": "passive", "categories": ["poor_results"], "request_text": "Математика", "request_tags": ["academic_results"], "status": "in_base"});
        post(format!("programs/{programme}/mentees"), body)
    };
    let mentee = id(&enrol(mentee_person).await);
    let spare_mentees = [id(&enrol(spare_person).await), id(&enrol(other_spare).await)];
    let run = post(format!("programs/{programme}/matching-runs"), json!({"algorithm": "optimal"})).await;
    let proposal = run["proposals"][0]["id"].as_i64().unwrap_or(0);
    let pair = id(&post(format!("programs/{programme}/pairs"), json!({"mentor_id": mentor, "mentee_ids": [mentee], "goal": "Подтянуть математику"})).await);
    let order = id(&post(format!("programs/{programme}/orders"), json!({"number": "М-1", "signed_on": day(-1), "signatory": "Директор", "pair_ids": [pair]})).await);
    let mut meetings = Vec::new();
    for (n, kind) in ["introduction", "trial", "planning"].into_iter().enumerate() {
        let (starts_at, ends_at) = slot(2 + n as i64);
        meetings.push(id(&post(format!("pairs/{pair}/meetings"), json!({"kind": kind, "starts_at": starts_at, "ends_at": ends_at, "format": "in_person"})).await));
    }

    let media_item = id(&post(format!("programs/{programme}/media-plan"), json!({"stage_no": 1, "event": "Новость о программе", "deadline": day(5)})).await);
    let activity = id(&post(format!("programs/{programme}/roadmap/stages/2/activities"), json!({"title": "Собрание", "deadline": day(5)})).await);
    let award = post(format!("programs/{programme}/awards"), json!({"kind": "certificate", "participant_id": mentor_person, "awarded_on": day(-1)})).await;

    let templates = ok(app, admin, Method::GET, &format!("organizations/{school}/survey-templates"), None).await;
    let standard = templates["items"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["organization_id"].is_null() && t["audience"] == "mentee" && t["purpose"] == "quality"))
        .map(id)
        .expect("a standard mentee quality template");
    let survey = id(&post(format!("programs/{programme}/surveys"), json!({"template_id": standard, "phase": "quality", "opens_on": day(-1), "closes_on": day(30)})).await);
    let links = post(format!("surveys/{survey}/invitations"), json!({"count": 1})).await;
    let survey_link = secret_of(links["items"][0]["url"].as_str().unwrap_or_default(), "/answer/", "");
    let question = json!([{"code": "q1", "text": "Как идут встречи?", "kind": "text"}]);
    let template = id(&post(format!("organizations/{school}/survey-templates"), json!({"code": "matrix", "title": format!("Анкета: {place}"), "purpose": "quality", "audience": "mentee", "questions": question})).await);
    let period = id(&post(format!("organizations/{institute}/report-periods"), json!({"title": format!("Отчёт: {place}"), "reference_date": day(-1), "opens_on": day(-1), "closes_on": day(30)})).await);

    let participants_csv = app.send(Method::GET, "imports/participants/sample", Some(admin), None, &[]).await.body.as_str().unwrap_or_default().to_owned();
    let job = app.client.post(app.url(&format!("schools/{school}/imports/participants"))).bearer_auth(admin).header("Content-Type", "text/csv").body(participants_csv.clone()).send().await.expect("import");
    let job = TestApp::read(job).await;
    assert_eq!(job.status, 202, "building the world: import: {}", job.body);
    let api_token = id(&post(format!("organizations/{school}/api-tokens"), json!({"name": "Скрипт", "scopes": ["organizations:read"]})).await);

    let staff_email = format!("staff-{school}@matrix.example");
    let staff_body = json!({"email": staff_email, "full_name": format!("{place} Анна"), "password": STAFF_PASSWORD, "memberships": [{"organization_id": school, "role": "curator"}]});
    let staff = id(&post("users".into(), staff_body).await);
    let staff_token = sign_in(app, &staff_email).await.0;
    let feed = ok(app, &staff_token, Method::POST, "me/calendar-feeds", None).await;
    let feed_token = secret_of(feed["url"].as_str().unwrap_or_default(), "/calendar-feeds/", ".ics");

    let draft_practice = practice(app, admin, school, place, "draft").await;
    let published_practice = practice(app, admin, school, place, "published").await;

    World {
        institute,
        school,
        slug,
        surname,
        place,
        programme,
        mentor_person,
        mentee_person,
        spare_person,
        mentor,
        mentee,
        spare_mentees,
        pair,
        order,
        meeting: meetings[0],
        run: id(&run),
        proposal,
        media_item,
        activity,
        award: id(&award),
        certificate: award["code"].as_str().unwrap_or_default().to_owned(),
        survey,
        survey_link,
        template,
        period,
        import_job: id(&job.body),
        api_token,
        staff,
        staff_email,
        staff_feed: id(&feed),
        feed_token,
        draft_practice,
        published_practice,
        participants_csv,
    }
}

/// (access token, refresh token) of a user of ours.
pub async fn sign_in(app: &TestApp, email: &str) -> (String, String) {
    let a = app.login_answer(email, STAFF_PASSWORD).await;
    assert_eq!(a.status, 200, "sign in {email}: {}", a.body);
    let field = |k: &str| a.body[k].as_str().unwrap_or_default().to_owned();
    (field("access_token"), field("refresh_token"))
}

/// A practice of the school taken as far as `status` (draft, submitted or published).
pub async fn practice(app: &TestApp, admin: &str, school: i64, place: &str, status: &str) -> i64 {
    let body = json!({"school_id": school, "title": format!("Практика: {place}"), "summary": "Как мы работаем в парах", "body": "Ученики старших классов помогают младшим.", "form": "student_student"});
    let p = id(&ok(app, admin, Method::POST, "practices", Some(body)).await);
    if status != "draft" {
        ok(app, admin, Method::POST, &format!("practices/{p}/submit"), None).await;
    }
    if status == "published" {
        ok(app, admin, Method::POST, &format!("practices/{p}/publish"), None).await;
    }
    p
}
