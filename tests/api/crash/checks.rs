//! What must hold after a kill and a restart: every acknowledged write is there, every write is
//! there whole or not at all, the rules kept in counters still add up, and the SQLite file is sound.

use std::collections::HashMap;
use std::time::Duration;

use diesel::prelude::*;
use diesel::sql_types::Text;
use nastavnik::db::schema::{
    audit_log as al, audit_log_records as runs, consents as c, idempotency_keys as keys, import_jobs as jobs, pair_history as ph, pair_mentees as members, pairs,
    participants as p, program_mentees as enrolled_mentees, program_mentors as enrolled_mentors, survey_responses as sr,
};
use nastavnik_tests::{Answer, TestApp};
use serde_json::Value;

use super::writes::{Acks, Fixture, Round, partial_answers, remaining_answers};

/// Where the kill found each kind of write, summed over the rounds.
#[derive(Debug, Default)]
pub struct Tally {
    /// Imports that had not started a job, were cut off in their job, committed without the client
    /// hearing it, were acknowledged done.
    pub imports: [usize; 4],
    pub accepts_acknowledged: usize,
    pub accepts_committed_unheard: usize,
    pub accepts_not_written: usize,
    pub survey_writes_acknowledged: usize,
    pub survey_writes_committed_unheard: usize,
    pub keys_abandoned: usize,
}

fn db(app: &TestApp) -> impl std::ops::DerefMut<Target = nastavnik::db::DbConnection> {
    app.db.get().expect("connection")
}

/// SQLite's own check of the file and of every foreign key.
pub fn integrity(app: &TestApp, round: usize) {
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = Text)]
        integrity_check: String,
    }
    #[derive(QueryableByName)]
    struct Dangling {
        #[diesel(sql_type = Text)]
        table: String,
    }
    let mut conn = db(app);
    let check: Vec<Check> = diesel::sql_query("PRAGMA integrity_check").load(&mut *conn).expect("integrity_check");
    let said: Vec<&str> = check.iter().map(|c| c.integrity_check.as_str()).collect();
    assert_eq!(said, ["ok"], "round {round}: PRAGMA integrity_check");
    let dangling: Vec<Dangling> = diesel::sql_query("PRAGMA foreign_key_check").load(&mut *conn).expect("foreign_key_check");
    let tables: Vec<&str> = dangling.iter().map(|d| d.table.as_str()).collect();
    assert!(tables.is_empty(), "round {round}: rows pointing at nothing in {tables:?}");
}

/// The round's imported participants: all of the file or none, each with its consent and its
/// audit entry. Returns how many.
fn imported(app: &TestApp, f: &Fixture, round: &Round) -> usize {
    let mut conn = db(app);
    let ids: Vec<i64> = p::table
        .filter(p::school_id.eq(f.school))
        .filter(p::external_id.like(format!("{}%", round.import.prefix)))
        .select(p::id)
        .load(&mut *conn)
        .expect("imported rows");
    let n = ids.len();
    assert!(n == 0 || n == round.import.rows, "round {}: {n} of the {} rows of one import", round.no, round.import.rows);
    let consents: i64 = c::table.filter(c::participant_id.eq_any(&ids)).filter(c::document_ref.eq("import")).count().get_result(&mut *conn).expect("consents");
    // An import is one audit entry naming its records as runs of consecutive ids.
    let covered: Vec<(i64, i64)> = runs::table
        .inner_join(al::table)
        .filter(al::action.eq("import"))
        .filter(al::organization_id.eq(f.school))
        .select((runs::first_id, runs::last_id))
        .load(&mut *conn)
        .expect("audit");
    let audited = ids.iter().filter(|&&id| covered.iter().any(|&(first, last)| (first..=last).contains(&id))).count() as i64;
    assert_eq!((consents, audited), (n as i64, n as i64), "round {}: each imported child has its consent and audit entry", round.no);
    n
}

/// The round's import jobs (told apart by their row count), with the jobs cut off before their
/// end, which never learnt their total: the check and the write run side by side, and the total
/// is recorded when the job ends.
fn round_jobs(app: &TestApp, f: &Fixture, round: &Round) -> Vec<(i64, String)> {
    jobs::table
        .filter(jobs::school_id.eq(f.school))
        .filter(jobs::total.eq(round.import.rows as i64).or(jobs::total.eq(0)))
        .order(jobs::id)
        .select((jobs::id, jobs::status))
        .load(&mut *db(app))
        .expect("jobs")
}

/// Right after the restart that followed the round's kill.
pub async fn first_look(app: &TestApp, f: &Fixture, round: &Round, acks: &Acks, tally: &mut Tally) {
    let no = round.no;
    let rows = imported(app, f, round);
    let jobs = round_jobs(app, f, round);
    assert!(jobs.iter().all(|j| j.1 != "running"), "round {no}: a job still running after the restart: {jobs:?}");
    let succeeded = jobs.iter().filter(|j| j.1 == "succeeded").count();
    assert_eq!(succeeded, if rows > 0 { 1 } else { 0 }, "round {no}: the rows are written exactly when their job says it succeeded: {jobs:?}, {rows} rows");
    if let Some(job) = acks.import_job {
        assert!(jobs.iter().any(|j| j.0 == job), "round {no}: the acknowledged job {job} is on record: {jobs:?}");
    }
    if acks.import_succeeded {
        assert_eq!(rows, round.import.rows, "round {no}: an import reported done lost its rows");
    }
    tally.imports[match (acks.import_job, acks.import_succeeded, rows > 0) {
        (_, true, _) => 3,
        (_, false, true) => 2,
        (Some(_), false, false) => 1,
        (None, false, false) => 0,
    }] += 1;
    let (written, heard) = pairs_hold(app, f, round, acks).await;
    tally.accepts_acknowledged += heard;
    tally.accepts_committed_unheard += written - heard;
    tally.accepts_not_written += round.groups.len() - written;
    let stored = answers_hold(app, f.survey, round, acks).await;
    tally.survey_writes_acknowledged += acks.saved.len();
    tally.survey_writes_committed_unheard += stored - acks.saved.len();
}

/// After every round, with one restart more: nothing acknowledged went missing since.
pub async fn lasting(app: &TestApp, f: &Fixture, round: &Round, acks: &Acks) {
    assert_eq!(imported(app, f, round), round.import.rows, "round {}: the retried import stays whole", round.no);
    assert!(round_jobs(app, f, round).iter().any(|j| j.1 == "succeeded"), "round {}", round.no);
    pairs_hold(app, f, round, acks).await;
    answers_hold(app, f.survey, round, acks).await;
}

fn get_ok(a: Answer, what: &str) -> Value {
    assert_eq!(a.status, 200, "{what}: {}", a.body);
    a.body
}

/// Acceptance: each mentor's proposals point at one pair made of exactly them, or none do; an
/// acknowledged pair is there; places taken and the mentees' statuses agree with the live pairs.
/// Returns (groups written, groups acknowledged).
async fn pairs_hold(app: &TestApp, f: &Fixture, round: &Round, acks: &Acks) -> (usize, usize) {
    let no = round.no;
    let run = get_ok(app.get(&format!("matching-runs/{}", round.run), &f.curator).await, "the run");
    let pair_of: HashMap<i64, Option<i64>> =
        run["proposals"].as_array().expect("proposals").iter().map(|p| (p["id"].as_i64().unwrap_or(0), p["pair_id"].as_i64())).collect();
    let listed = get_ok(app.get(&format!("programs/{}/pairs?limit=100", round.programme), &f.curator).await, "the pairs");
    let listed = listed["items"].as_array().cloned().unwrap_or_default();
    let mut written = 0;
    for (g, group) in round.groups.iter().enumerate() {
        let made: Vec<Option<i64>> = group.proposals.iter().map(|p| pair_of.get(p).copied().flatten()).collect();
        assert!(made.iter().all(|m| *m == made[0]), "round {no}: group {g} half accepted: {made:?}");
        if let Some(&(_, pair)) = acks.accepted.iter().find(|a| a.0 == g) {
            assert_eq!(made[0], Some(pair), "round {no}: the acknowledged pair {pair} of group {g} is lost");
        }
        let Some(pair) = made[0] else { continue };
        written += 1;
        let row = listed.iter().find(|p| p["id"] == pair).unwrap_or_else(|| panic!("round {no}: pair {pair} is not listed"));
        let mut mentees: Vec<i64> = row["mentees"].as_array().map(|m| m.iter().filter_map(|m| m["id"].as_i64()).collect()).unwrap_or_default();
        mentees.sort_unstable();
        let mut expected = group.mentees.clone();
        expected.sort_unstable();
        assert_eq!((row["mentor"]["id"].as_i64(), mentees, row["status"].as_str()), (Some(group.mentor), expected, Some("proposed")), "round {no}: pair {pair}");
    }
    assert_eq!(listed.len(), written, "round {no}: pairs that no accepted proposal points at: {listed:?}");

    let mut conn = db(app);
    let live: Vec<(i64, i64, i64)> = members::table
        .inner_join(pairs::table)
        .filter(pairs::program_id.eq(round.programme))
        .filter(members::live.eq(true))
        .select((pairs::id, pairs::mentor_id, members::mentee_id))
        .load(&mut *conn)
        .expect("members");
    let places: Vec<(i64, i32)> =
        enrolled_mentors::table.filter(enrolled_mentors::program_id.eq(round.programme)).select((enrolled_mentors::id, enrolled_mentors::places_taken)).load(&mut *conn).expect("mentors");
    for (mentor, taken) in places {
        let held = live.iter().filter(|m| m.1 == mentor).count();
        assert_eq!(taken as usize, held, "round {no}: mentor {mentor}'s places taken against the live pairs");
    }
    let statuses: Vec<(i64, String)> =
        enrolled_mentees::table.filter(enrolled_mentees::program_id.eq(round.programme)).select((enrolled_mentees::id, enrolled_mentees::status)).load(&mut *conn).expect("mentees");
    for (mentee, status) in statuses {
        let paired = live.iter().any(|m| m.2 == mentee);
        assert_eq!(status, if paired { "matched" } else { "in_base" }, "round {no}: mentee {mentee}'s status against the live pairs");
    }
    let histories: Vec<i64> = ph::table.inner_join(pairs::table).filter(pairs::program_id.eq(round.programme)).select(ph::pair_id).load(&mut *conn).expect("history");
    for (pair, _, _) in &live {
        assert_eq!(histories.iter().filter(|h| *h == pair).count(), 1, "round {no}: pair {pair} has its one history entry");
    }
    (written, acks.accepted.len())
}

/// Survey answers: each link's response is absent, the first save, or the whole submission;
/// never anything between, never less than was acknowledged. Returns the writes stored.
async fn answers_hold(app: &TestApp, survey: i64, round: &Round, acks: &Acks) -> usize {
    let no = round.no;
    let mut stored = 0;
    for (l, link) in round.links.iter().enumerate() {
        let page = get_ok(app.send(reqwest::Method::GET, &format!("public/survey-links/{link}"), None, None, &[]).await, "a survey link");
        let (answers, submitted) = (page["answers"].clone(), page["submitted"].as_bool());
        let mut whole = partial_answers(l);
        if let (Some(w), Some(rest)) = (whole.as_object_mut(), remaining_answers(l).as_object()) {
            w.extend(rest.clone());
        }
        let state = if answers == Value::Object(Default::default()) && submitted == Some(false) {
            0
        } else if answers == partial_answers(l) && submitted == Some(false) {
            1
        } else if answers == whole && submitted == Some(true) {
            2
        } else {
            panic!("round {no}: link {l} holds a half-written response: {page}");
        };
        let heard = acks.saved.iter().filter(|s| s.0 == l).map(|s| if s.1 { 2 } else { 1 }).max().unwrap_or(0);
        assert!(state >= heard, "round {no}: link {l} lost an acknowledged answer (stored {state}, acknowledged {heard})");
        stored += state;
    }
    let mut invitations: Vec<Option<i64>> = sr::table.filter(sr::survey_id.eq(survey)).select(sr::invitation_id).load(&mut *db(app)).expect("responses");
    let all = invitations.len();
    invitations.sort_unstable();
    invitations.dedup();
    assert_eq!(invitations.len(), all, "round {no}: one response per link");
    stored
}

async fn upload(app: &TestApp, f: &Fixture, round: &Round, key: &str) -> Answer {
    let req = app
        .client
        .post(app.url(&format!("schools/{}/imports/participants", f.school)))
        .bearer_auth(&f.curator)
        .header("Content-Type", "text/csv")
        .header("Idempotency-Key", key)
        .body(round.import.body.clone());
    TestApp::read(req.send().await.expect("upload")).await
}

async fn job_outcome(app: &TestApp, f: &Fixture, job: i64) -> String {
    for _ in 0..1500 {
        let a = get_ok(app.get(&format!("import-jobs/{job}"), &f.curator).await, "the job");
        if a["status"] != "running" {
            return a["status"].as_str().unwrap_or_default().to_owned();
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("import job {job} did not finish");
}

/// The client's retry after the crash, with the same Idempotency-Key, ends with the file imported
/// once: the first answer replayed if it was recorded; a key whose request the kill cut off is
/// free again once its lease runs out; a replayed job that the kill cut off is run again under a
/// new key.
pub async fn retry_import(app: &TestApp, f: &Fixture, round: &Round, tally: &mut Tally) {
    let no = round.no;
    let key = &round.import.key;
    let mut again = upload(app, f, round, key).await;
    if again.status == 409 {
        assert_eq!(again.code(), "idempotency_in_progress", "round {no}");
        tally.keys_abandoned += 1;
        // Waiting out the lease would take minutes: the key is made old instead.
        let long_ago = chrono::Utc::now().naive_utc() - chrono::Duration::days(1);
        let aged = diesel::update(keys::table.filter(keys::idem_key.eq(key)).filter(keys::status_code.is_null()))
            .set(keys::created_at.eq(long_ago))
            .execute(&mut *db(app))
            .expect("age the key");
        assert_eq!(aged, 1, "round {no}");
        again = upload(app, f, round, key).await;
        assert_eq!(again.header("idempotent-replayed"), None, "round {no}: an abandoned key runs the request again");
    }
    assert_eq!(again.status, 202, "round {no}: {}", again.body);
    let mut outcome = job_outcome(app, f, again.id()).await;
    if outcome == "failed" {
        assert_eq!(again.header("idempotent-replayed").as_deref(), Some("true"), "round {no}: only the cut-off job fails");
        let fresh = upload(app, f, round, &format!("{key}-again")).await;
        assert_eq!(fresh.status, 202, "round {no}: {}", fresh.body);
        outcome = job_outcome(app, f, fresh.id()).await;
    }
    assert_eq!(outcome, "succeeded", "round {no}");
    assert_eq!(imported(app, f, round), round.import.rows, "round {no}: the retry leaves the file imported once");
}
