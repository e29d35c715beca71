//! Throwaway resources for the rows that use theirs up, so that one caller's deletion does not
//! turn the next caller's answer into a 404.

use nastavnik_tests::TestApp;
use reqwest::Method;
use serde_json::json;

use super::expect::Side;
use super::row::Fresh;
use super::world::{World, day, id, ok, practice, sign_in, slot};

/// A new resource of `kind` in `w`; `caller` is the token of whoever will use it (for their own
/// calendar address).
pub async fn make(app: &TestApp, admin: &str, caller: Option<&str>, side: Side, w: &World, kind: Fresh, n: usize) -> String {
    let post = |path: String, body: serde_json::Value| async move { ok(app, admin, Method::POST, &path, Some(body)).await };
    let (school, programme, surname) = (w.school, w.programme, w.surname);
    let made = match kind {
        Fresh::Meeting => {
            let (starts_at, ends_at) = slot(20 + (n % 100) as i64);
            id(&post(format!("pairs/{}/meetings", w.pair), json!({"kind": "regular", "starts_at": starts_at, "ends_at": ends_at, "format": "online"})).await)
        }
        Fresh::Participant => id(&post(format!("schools/{school}/participants"), json!({"kind": "student", "last_name": surname, "first_name": "Гость", "grade": 7})).await),
        Fresh::Consent => {
            let person = id(&post(format!("schools/{school}/participants"), json!({"kind": "student", "last_name": surname, "first_name": "Гость", "grade": 7})).await);
            id(&post(format!("participants/{person}/consents"), json!({"given_by": "parent", "giver_name": "Родитель", "scope": "processing", "given_on": day(-3)})).await)
        }
        Fresh::MediaItem => id(&post(format!("programs/{programme}/media-plan"), json!({"stage_no": 2, "event": "Объявление", "deadline": day(7)})).await),
        Fresh::Activity => id(&post(format!("programs/{programme}/roadmap/stages/3/activities"), json!({"title": "Встреча", "deadline": day(7)})).await),
        Fresh::Constraint => {
            let body = json!({"mentor_id": w.mentor, "mentee_id": w.spare_mentees[1], "kind": "exclude", "reason": "Не сошлись"});
            id(&post(format!("programs/{programme}/pair-constraints"), body).await)
        }
        Fresh::DraftPractice => practice(app, admin, school, w.place, "draft").await,
        Fresh::SubmittedPractice => practice(app, admin, school, w.place, "submitted").await,
        Fresh::Membership => {
            let body = json!({"email": format!("member-{n}-{school}@matrix.example"), "full_name": format!("{} Вера", w.place), "password": "matrix-password-2026", "memberships": [{"organization_id": school, "role": "mentor"}]});
            let user = post("users".into(), body).await;
            user["memberships"][0]["id"].as_i64().unwrap_or_else(|| panic!("no membership in {user}"))
        }
        Fresh::MyFeed => match side {
            Side::Own => id(&ok(app, caller.unwrap_or(admin), Method::POST, "me/calendar-feeds", None).await),
            Side::Foreign => w.staff_feed,
        },
        Fresh::RefreshToken => return sign_in(app, &w.staff_email).await.1,
    };
    made.to_string()
}
