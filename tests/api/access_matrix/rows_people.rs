//! The rows of sign-in, organisations, users, participants, reports and operations.

use serde_json::json;

use super::expect::Need::*;
use super::expect::*;
use super::row::{Fresh, Res, Row, row};
use super::world::{STAFF_PASSWORD, day};

pub fn rows() -> Vec<Row> {
    vec![
        // Signing in is public; the body carries the secret.
        row("login", Public, Res::None).json(|c| json!({"email": c.w.staff_email, "password": STAFF_PASSWORD})),
        row("refresh", Public, Res::Fresh(Fresh::RefreshToken)).json(|c| json!({"refresh_token": c.res})),
        row("logout", Public, Res::Fresh(Fresh::RefreshToken)).json(|c| json!({"refresh_token": c.res})),
        row("me", SignedIn, Res::None),
        row("list_api_tokens", School(ADMINISTER), Res::School),
        row("create_api_token", School(ADMINISTER), Res::School).json(|_| json!({"name": "Выгрузка", "scopes": ["programs:read"]})),
        row("revoke_api_token", School(ADMINISTER), Res::ApiToken),
        // Organisations: every role sees its own tree; the region's side and the director manage it.
        row("list_organizations", SignedIn, Res::None),
        row("create_organization", Institute(ADMINISTER), Res::None)
            .json(|c| json!({"kind": "school", "parent_id": c.w.institute, "name": format!("Школа № {}", c.n), "time_zone": "Asia/Vladivostok"})),
        row("get_organization", School(ROLES), Res::School),
        row("update_organization", School(ADMINISTER), Res::School).json(|_| json!({})),
        row("get_contingent", School(ROLES), Res::School),
        row("put_contingent", School(ADMINISTER), Res::School).json(|_| json!({"reference_date": day(-1), "age_groups": [{"age": 7, "students": 25}]})),
        row("import_schools", Institute(ADMINISTER), Res::Institute).csv(|_| "Название\nШкола из файла\n".into()).query(|_| "dry_run=true".into()),
        row("list_audit", School(VIEW_AUDIT), Res::School),
        // Users: seen by whoever manages people above or at the school, managed by its administration.
        row("list_users", School(VIEW_USERS), Res::None).query(|c| format!("organization_id={}", c.w.school)),
        row("create_user", School(ADMINISTER), Res::None).json(|c| {
            json!({"email": format!("new-{}@matrix.example", c.n), "full_name": "Новикова Ирина", "password": STAFF_PASSWORD, "memberships": [{"organization_id": c.w.school, "role": "mentor"}]})
        }),
        row("get_user", School(VIEW_USERS), Res::User),
        row("update_user", School(ADMINISTER), Res::User).json(|c| json!({"full_name": format!("{} Анна", c.w.place)})),
        row("add_membership", School(ADMINISTER), Res::User).json(|c| json!({"organization_id": c.w.school, "role": "psychologist"})),
        row("remove_membership", School(ADMINISTER), Res::Fresh(Fresh::Membership)),
        // Participants: children's records, for the school's staff and the institute that loads them.
        row("list_participants", School(VIEW_PARTICIPANTS), Res::School),
        row("create_participant", School(MANAGE_PARTICIPANTS), Res::School)
            .json(|c| json!({"kind": "teacher", "last_name": c.w.surname, "first_name": "Ольга", "birth_year": 1980})),
        row("export_participants", School(VIEW_PARTICIPANTS), Res::School),
        row("import_participants", School(MANAGE_PARTICIPANTS), Res::School).csv(|c| c.w.participants_csv.clone()).query(|_| "dry_run=true".into()),
        row("import_sample", SignedIn, Res::None),
        row("get_import_job", School(MANAGE_PARTICIPANTS), Res::ImportJob),
        row("get_participant", School(VIEW_PARTICIPANTS), Res::Participant),
        row("update_participant", School(MANAGE_PARTICIPANTS), Res::Participant).json(|_| json!({"first_name": "Фёдор"})),
        row("delete_participant", School(MANAGE_PARTICIPANTS), Res::Fresh(Fresh::Participant)),
        row("list_consents", School(VIEW_PARTICIPANTS), Res::Participant),
        row("add_consent", School(MANAGE_PARTICIPANTS), Res::Participant).json(|_| json!({"given_by": "parent", "giver_name": "Родитель", "scope": "publication_name", "given_on": day(-1)})),
        row("withdraw_consent", School(MANAGE_PARTICIPANTS), Res::Fresh(Fresh::Consent)),
        // The region's figures: the region and its institute, on the institute.
        row("get_dashboard", Institute(REGIONAL), Res::Institute),
        row("list_periods", Institute(REGIONAL), Res::Institute),
        row("create_period", Institute(REGIONAL), Res::Institute)
            .json(|c| json!({"title": format!("Отчёт {}", c.n), "reference_date": day(-1), "opens_on": day(-1), "closes_on": day(20)})),
        row("get_period", Institute(REGIONAL), Res::Period),
        row("export_period", Institute(REGIONAL), Res::Period),
        row("refresh_snapshot", Institute(REGIONAL), Res::Period),
        row("close_period", Institute(REGIONAL), Res::Period).last(),
        // What anyone may read: the school's page, a certificate, a survey or a calendar by its link.
        row("school_feed", Public, Res::Slug),
        row("healthz", Public, Res::None),
        row("readyz", Public, Res::None),
    ]
}
