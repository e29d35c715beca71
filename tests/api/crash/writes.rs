//! The writes fired at the service while it is killed — an import, acceptance of a matching run's
//! proposals, survey answers through one-time links — and what it acknowledged of them.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use nastavnik_tests::TestApp;
use reqwest::Client;
use serde_json::{Value, json};
use tokio::task::JoinHandle;

/// What the rounds share: the curator, the people enrolled in each round's programme, the survey.
pub struct Fixture {
    pub curator: String,
    pub school: i64,
    mentors: Vec<i64>,
    mentees: Vec<i64>,
    pub survey: i64,
}

/// One round: a fresh programme whose matching run waits to be accepted, an import file, links.
pub struct Round {
    pub no: usize,
    pub import: ImportFile,
    pub programme: i64,
    pub run: i64,
    pub groups: Vec<Group>,
    /// One-time survey links (their tokens).
    pub links: Vec<String>,
}

pub struct ImportFile {
    pub key: String,
    /// Every row's external id starts with it.
    pub prefix: String,
    /// Also the job's `total`, which tells this round's jobs apart: no two rounds have the same.
    pub rows: usize,
    pub body: String,
}

/// One mentor's proposals: accepted by one request, they become one pair or group.
pub struct Group {
    pub mentor: i64,
    pub proposals: Vec<i64>,
    pub mentees: Vec<i64>,
}

/// What the service answered 2xx before it was killed, and anything it should not have answered.
#[derive(Debug, Default)]
pub struct Acks {
    pub import_job: Option<i64>,
    pub import_succeeded: bool,
    /// (group, pair made of it)
    pub accepted: Vec<(usize, i64)>,
    /// (link, submitted?)
    pub saved: Vec<(usize, bool)>,
    pub unexpected: Vec<String>,
}

/// The answer saved first through link `l`, then the rest with the submission.
pub fn partial_answers(l: usize) -> Value {
    json!({"engagement": 1 + l % 10})
}

pub fn remaining_answers(l: usize) -> Value {
    json!({"activity": 1 + (l + 1) % 10, "self_esteem": 1 + (l + 2) % 10, "anxiety": 1 + (l + 3) % 10, "motivation": 1 + (l + 4) % 10})
}

async fn created(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let a = app.post(path, token, body).await;
    assert!(a.status.is_success(), "POST {path}: {} {}", a.status, a.body);
    a.body
}

pub const MENTORS: usize = 3;
pub const MENTEES: usize = 6;

impl Fixture {
    pub async fn new(app: &TestApp) -> Self {
        let curator = app.login("curator").await;
        let admin = app.login("admin").await;
        let (_, _, school) = app.demo_tree(&admin).await;
        let mut people = Vec::new();
        for i in 0..MENTORS + MENTEES {
            let (grade, birth) = if i < MENTORS { (10, "2010-02-01") } else { (6, "2014-03-01") };
            let person = created(app, &curator, &format!("schools/{school}/participants"), json!({"kind": "student", "last_name": "Устойчивый", "first_name": format!("Ученик{i}"), "grade": grade, "birth_date": birth})).await;
            let id = person["id"].as_i64().expect("participant id");
            let consent = json!({"given_by": "parent", "giver_name": "Родитель", "scope": "processing", "given_on": "2026-09-05", "document_ref": "№ 1"});
            created(app, &curator, &format!("participants/{id}/consents"), consent).await;
            people.push(id);
        }
        let programme = created(app, &curator, &format!("schools/{school}/programs"), json!({"title": "Мониторинг", "academic_year": "2026/2027", "forms": ["student_student"]})).await;
        let templates = app.get(&format!("organizations/{school}/survey-templates"), &curator).await;
        let impact = templates.body["items"].as_array().and_then(|t| t.iter().find(|t| t["code"] == "impact_mentee")).and_then(|t| t["id"].as_i64()).expect("impact_mentee template");
        let day = |n: i64| (chrono::Utc::now() + chrono::Duration::days(n)).format("%Y-%m-%d").to_string();
        let survey = created(app, &curator, &format!("programs/{}/surveys", programme["id"]), json!({"template_id": impact, "phase": "entry", "opens_on": day(-2), "closes_on": day(30)})).await;
        let mentees = people.split_off(MENTORS);
        Self { curator, school, mentors: people, mentees, survey: survey["id"].as_i64().expect("survey id") }
    }

    /// A new programme with everyone enrolled and a matching run to accept, links and a file.
    pub async fn round(&self, app: &TestApp, no: usize, links: usize) -> Round {
        let token = &self.curator;
        let programme = created(app, token, &format!("schools/{}/programs", self.school), json!({"title": format!("Раунд {no}"), "academic_year": "2026/2027", "forms": ["student_student"]})).await;
        let programme = programme["id"].as_i64().expect("programme id");
        for &person in &self.mentors {
            let enrolled = created(app, token, &format!("programs/{programme}/mentors"), json!({"participant_id": person, "competencies": ["academic_results"], "capacity": 2})).await;
            let ready = app.patch(&format!("program-mentors/{}", enrolled["id"]), token, json!({"interview_outcome": "passed", "training_status": "completed", "status": "in_base"})).await;
            assert_eq!(ready.status, 200, "{}", ready.body);
        }
        for &person in &self.mentees {
            let body = json!({"participant_id": person, "mentee_type": "passive", "categories": ["poor_results"], "request_text": "Запрос", "request_tags": ["academic_results"], "status": "in_base"});
            created(app, token, &format!("programs/{programme}/mentees"), body).await;
        }
        let run = created(app, token, &format!("programs/{programme}/matching-runs"), json!({"algorithm": "optimal"})).await;
        let mut groups: Vec<Group> = Vec::new();
        for p in run["proposals"].as_array().expect("proposals") {
            let (id, mentor, mentee) = (p["id"].as_i64().expect("id"), p["mentor"]["id"].as_i64().expect("mentor"), p["mentee"]["id"].as_i64().expect("mentee"));
            match groups.iter_mut().find(|g| g.mentor == mentor) {
                Some(g) => {
                    g.proposals.push(id);
                    g.mentees.push(mentee);
                }
                None => groups.push(Group { mentor, proposals: vec![id], mentees: vec![mentee] }),
            }
        }
        assert!(groups.len() >= 2, "round {no}: the run should propose pairs for several mentors: {run}");
        let issued = created(app, token, &format!("surveys/{}/invitations", self.survey), json!({"count": links})).await;
        let links = issued["items"].as_array().expect("links").iter().map(|i| i["url"].as_str().and_then(|u| u.rsplit('/').next()).expect("url").to_owned()).collect();
        let prefix = format!("crash{no}-");
        let rows = 600 + no;
        let mut body = String::from("last_name,first_name,kind,grade,birth_date,external_id,consent_given_on,consent_giver_name\n");
        for i in 0..rows {
            body.push_str(&format!("Импортов,Ученик{i},student,5,12.04.2015,{prefix}{i},01.09.2026,Родитель {i}\n"));
        }
        Round { no, import: ImportFile { key: format!("crash-import-{no}"), prefix, rows, body }, programme, run: run["id"].as_i64().expect("run id"), groups, links }
    }
}

/// The writes in flight; `acks` fills as answers come.
pub struct Shot {
    pub acks: Arc<Mutex<Acks>>,
    tasks: Vec<JoinHandle<()>>,
}

impl Shot {
    /// Waits for every writer: after a kill they fail fast, without a kill they finish.
    pub async fn settle(self) -> Acks {
        for task in self.tasks {
            let _ = tokio::time::timeout(Duration::from_secs(60), task).await;
        }
        std::mem::take(&mut *self.acks.lock().expect("acks"))
    }
}

fn note(acks: &Arc<Mutex<Acks>>, f: impl FnOnce(&mut Acks)) {
    f(&mut acks.lock().expect("acks"));
}

/// POST returning (status, body), or None when the connection broke: the service is gone.
async fn post(client: &Client, url: String, token: Option<&str>, body: Value) -> Option<(u16, Value)> {
    let mut req = client.post(url).json(&body);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    let res = req.send().await.ok()?;
    let status = res.status().as_u16();
    Some((status, res.json().await.unwrap_or(Value::Null)))
}

/// Starts every writer at once: the import (then polls its job), one acceptance per mentor after
/// its delay, and `SURVEY_WRITERS` people answering the links one after another.
pub fn fire(client: &Client, base: &str, f: &Fixture, round: &Round, accept_delays: &[u64]) -> Shot {
    const SURVEY_WRITERS: usize = 3;
    let acks = Arc::new(Mutex::new(Acks::default()));
    let mut tasks = Vec::new();
    let api = |path: &str| format!("{base}/api/v1/{path}");

    let (c, a, token) = (client.clone(), acks.clone(), f.curator.clone());
    let (url, school) = (base.to_owned(), f.school);
    let (key, body) = (round.import.key.clone(), round.import.body.clone());
    tasks.push(tokio::spawn(async move {
        let started = c.post(format!("{url}/api/v1/schools/{school}/imports/participants")).bearer_auth(&token).header("Content-Type", "text/csv").header("Idempotency-Key", key).body(body).send().await;
        let Ok(started) = started else { return };
        if started.status() != 202 {
            let status = started.status();
            let text = started.text().await.unwrap_or_default();
            return note(&a, |a| a.unexpected.push(format!("import: {status} {text}")));
        }
        let Ok(job) = started.json::<Value>().await else { return };
        let id = job["id"].as_i64().unwrap_or(0);
        note(&a, |a| a.import_job = Some(id));
        loop {
            let Ok(res) = c.get(format!("{url}/api/v1/import-jobs/{id}")).bearer_auth(&token).send().await else { return };
            let Ok(job) = res.json::<Value>().await else { return };
            match job["status"].as_str() {
                Some("running") => tokio::time::sleep(Duration::from_millis(20)).await,
                Some("succeeded") => return note(&a, |a| a.import_succeeded = true),
                _ => return note(&a, |a| a.unexpected.push(format!("import job: {job}"))),
            }
        }
    }));

    for (g, group) in round.groups.iter().enumerate() {
        let (c, a, token) = (client.clone(), acks.clone(), f.curator.clone());
        let url = api(&format!("matching-runs/{}/accept", round.run));
        let body = json!({"proposal_ids": group.proposals});
        let delay = Duration::from_millis(accept_delays.get(g).copied().unwrap_or(0));
        tasks.push(tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            match post(&c, url, Some(&token), body).await {
                Some((201, made)) => note(&a, |a| a.accepted.push((g, made["pairs"][0]["id"].as_i64().unwrap_or(0)))),
                Some((status, problem)) => note(&a, |a| a.unexpected.push(format!("accept group {g}: {status} {problem}"))),
                None => {}
            }
        }));
    }

    for w in 0..SURVEY_WRITERS {
        let (c, a) = (client.clone(), acks.clone());
        let links: Vec<(usize, String)> = round.links.iter().cloned().enumerate().skip(w).step_by(SURVEY_WRITERS).collect();
        let base = base.to_owned();
        tasks.push(tokio::spawn(async move {
            for (l, link) in links {
                let url = format!("{base}/api/v1/public/survey-links/{link}/response");
                for (submit, answers) in [(false, partial_answers(l)), (true, remaining_answers(l))] {
                    match post(&c, url.clone(), None, json!({"answers": answers, "submit": submit})).await {
                        Some((200, _)) => note(&a, |a| a.saved.push((l, submit))),
                        Some((status, problem)) => return note(&a, |a| a.unexpected.push(format!("survey link {l}: {status} {problem}"))),
                        None => return,
                    }
                }
            }
        }));
    }
    Shot { acks, tasks }
}

