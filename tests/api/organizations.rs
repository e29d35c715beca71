use nastavnik_tests::{TestApp, on_both};
use reqwest::Method;
use serde_json::json;

on_both!(
    admin_builds_the_tree_with_generated_slugs,
    the_tree_has_three_levels_in_order,
    outside_the_subtree_is_404_inside_without_right_is_403,
    lists_show_only_the_visible_subtree,
    stale_if_match_is_412_and_changes_nothing,
    contingent_is_set_per_reference_date,
);

async fn admin_builds_the_tree_with_generated_slugs(app: TestApp) {
    let admin = app.login("admin").await;
    let (_, institute, _) = app.demo_tree(&admin).await;
    let a = app.post("organizations", &admin, json!({"kind": "school", "parent_id": institute, "name": "МБОУ «Школа № 5» г. Уссурийск", "time_zone": "Asia/Vladivostok"})).await;
    assert_eq!(a.status, 201, "{}", a.body);
    assert_eq!(a.body["slug"], "mbou-shkola-no-5-g-ussuriisk");
    assert_eq!(a.header("location").as_deref(), Some(format!("/api/v1/organizations/{}", a.id()).as_str()));
    assert!(a.header("etag").is_some());
    let same_name = app.post("organizations", &admin, json!({"kind": "school", "parent_id": institute, "name": "МБОУ «Школа № 5» г. Уссурийск", "time_zone": "Asia/Vladivostok"})).await;
    assert_eq!(same_name.body["slug"], "mbou-shkola-no-5-g-ussuriisk-2");
    let taken = app.post("organizations", &admin, json!({"kind": "school", "parent_id": institute, "name": "x", "slug": "pk-iro", "time_zone": "Europe/Moscow"})).await;
    assert_eq!((taken.status.as_u16(), taken.code().as_str()), (409, "slug_taken"));
    let bad_tz = app.post("organizations", &admin, json!({"kind": "school", "parent_id": institute, "name": "x", "time_zone": "Mars/Olympus"})).await;
    assert_eq!(bad_tz.status, 422);
    assert_eq!(bad_tz.body["errors"][0]["field"], "time_zone");
}

async fn the_tree_has_three_levels_in_order(app: TestApp) {
    let admin = app.login("admin").await;
    let (region, _, school) = app.demo_tree(&admin).await;
    let under_region = app.post("organizations", &admin, json!({"kind": "school", "parent_id": region, "name": "x", "time_zone": "Europe/Moscow"})).await;
    assert_eq!(under_region.status, 422);
    assert_eq!(under_region.body["errors"][0]["field"], "parent_id");
    let under_school = app.post("organizations", &admin, json!({"kind": "institute", "parent_id": school, "name": "x", "time_zone": "Europe/Moscow"})).await;
    assert_eq!(under_school.status, 422);
    let orphan = app.post("organizations", &admin, json!({"kind": "school", "name": "x", "time_zone": "Europe/Moscow"})).await;
    assert_eq!(orphan.status, 422);
    let missing_parent = app.post("organizations", &admin, json!({"kind": "school", "parent_id": 999999, "name": "x", "time_zone": "Europe/Moscow"})).await;
    assert_eq!(missing_parent.status, 404);
    // Only a system administrator starts a region.
    let region_admin = app.login("region").await;
    let r = app.post("organizations", &region_admin, json!({"kind": "region", "name": "Новый край", "time_zone": "Europe/Moscow"})).await;
    assert_eq!(r.status, 403);
}

async fn outside_the_subtree_is_404_inside_without_right_is_403(app: TestApp) {
    let admin = app.login("admin").await;
    let (region, institute, school) = app.demo_tree(&admin).await;
    let (_, _, foreign_school) = app.foreign_tree(&admin).await;
    let curator = app.login("curator").await;
    let iro = app.login("iro").await;

    assert_eq!(app.get(&format!("organizations/{school}"), &curator).await.status, 200);
    for id in [region, institute, foreign_school, 987654] {
        let a = app.get(&format!("organizations/{id}"), &curator).await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (404, "not_found"), "organisation {id}");
    }
    let rename = app.patch(&format!("organizations/{school}"), &curator, json!({"name": "x"})).await;
    assert_eq!((rename.status.as_u16(), rename.code().as_str()), (403, "forbidden"));
    assert_eq!(app.get(&format!("organizations/{school}"), &iro).await.status, 200);
    assert_eq!(app.get(&format!("organizations/{foreign_school}"), &iro).await.status, 404);
    let foreign = app.put(&format!("organizations/{foreign_school}/contingent"), &iro, json!({"reference_date": "2026-09-01", "age_groups": [{"age": 12, "students": 3}]})).await;
    assert_eq!(foreign.status, 404);
}

async fn lists_show_only_the_visible_subtree(app: TestApp) {
    let admin = app.login("admin").await;
    app.foreign_tree(&admin).await;
    let all = app.get("organizations", &admin).await;
    assert_eq!(all.body["items"].as_array().map(Vec::len), Some(6));
    let iro = app.login("iro").await;
    let mine = app.get("organizations", &iro).await;
    let names: Vec<&str> = mine.body["items"].as_array().expect("items").iter().filter_map(|o| o["name"].as_str()).collect();
    assert_eq!(names, vec!["Приморский краевой институт развития образования", "МБОУ СОШ с. Кремово"]);
    let schools = app.get("organizations?kind=school", &admin).await;
    assert!(schools.body["items"].as_array().expect("items").iter().all(|o| o["kind"] == "school"));
}

async fn stale_if_match_is_412_and_changes_nothing(app: TestApp) {
    let director = app.login("director").await;
    let admin = app.login("admin").await;
    let (_, _, school) = app.demo_tree(&admin).await;
    let read = app.get(&format!("organizations/{school}"), &director).await;
    let etag = read.header("etag").expect("etag");
    let first = app.send(Method::PATCH, &format!("organizations/{school}"), Some(&director), Some(json!({"short_name": "Кремово"})), &[("If-Match", &etag)]).await;
    assert_eq!(first.status, 200, "{}", first.body);
    assert_ne!(first.header("etag"), Some(etag.clone()));
    let stale = app.send(Method::PATCH, &format!("organizations/{school}"), Some(&director), Some(json!({"name": "Чужое имя"})), &[("If-Match", &etag)]).await;
    assert_eq!((stale.status.as_u16(), stale.code().as_str()), (412, "precondition_failed"));
    let now = app.get(&format!("organizations/{school}"), &director).await;
    assert_eq!(now.body["name"], "МБОУ СОШ с. Кремово");
    assert_eq!(now.body["short_name"], "Кремово");
}

async fn contingent_is_set_per_reference_date(app: TestApp) {
    let director = app.login("director").await;
    let admin = app.login("admin").await;
    let (_, institute, school) = app.demo_tree(&admin).await;
    let put = app
        .put(&format!("organizations/{school}/contingent"), &director, json!({"reference_date": "2027-09-01", "age_groups": [{"age": 10, "students": 30}, {"age": 11, "students": 12}]}))
        .await;
    assert_eq!(put.status, 200, "{}", put.body);
    assert_eq!(put.body["total"], 42);
    assert_eq!(put.body["reference_date"], "2027-09-01");
    let curator = app.login("curator").await;
    let got = app.get(&format!("organizations/{school}/contingent"), &curator).await;
    assert_eq!(got.body["age_groups"], json!([{"age": 10, "students": 30}, {"age": 11, "students": 12}]));
    let rows_before = app.count("contingent_age_groups");
    let dup = app.put(&format!("organizations/{school}/contingent"), &director, json!({"reference_date": "2027-09-01", "age_groups": [{"age": 10, "students": 1}, {"age": 10, "students": 2}]})).await;
    assert_eq!(dup.status, 422);
    let old = app.put(&format!("organizations/{school}/contingent"), &director, json!({"reference_date": "2027-09-01", "age_groups": [{"age": 3, "students": 1}]})).await;
    assert_eq!(old.status, 422);
    assert_eq!(app.count("contingent_age_groups"), rows_before, "a refused change writes nothing");
    let not_school = app.put(&format!("organizations/{institute}/contingent"), &admin, json!({"reference_date": "2027-09-01", "age_groups": [{"age": 10, "students": 1}]})).await;
    assert_eq!((not_school.status.as_u16(), not_school.code().as_str()), (409, "not_a_school"));
    let curator_write = app.put(&format!("organizations/{school}/contingent"), &curator, json!({"reference_date": "2027-09-01", "age_groups": [{"age": 10, "students": 1}]})).await;
    assert_eq!(curator_write.status, 403);
}
