use nastavnik_tests::{DEMO_PASSWORD, TestApp, on_both};
use reqwest::Method;
use serde_json::json;

on_both!(
    login_gives_tokens_and_me_shows_memberships,
    wrong_password_is_refused_and_then_rate_limited,
    refresh_rotates_and_reuse_revokes_the_family,
    logout_ends_the_sign_in,
    bad_tokens_are_401,
    deactivated_user_is_refused_at_once,
);

async fn login_gives_tokens_and_me_shows_memberships(app: TestApp) {
    let a = app.login_answer("Curator@Demo.Nastavnik.ru", DEMO_PASSWORD).await;
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(a.body["token_type"], "Bearer");
    assert_eq!(a.body["expires_in"], 900);
    let token = a.body["access_token"].as_str().expect("token");
    let me = app.get("me", token).await;
    assert_eq!(me.status, 200);
    assert_eq!(me.body["email"], "curator@demo.nastavnik.ru");
    assert_eq!(me.body["is_system_admin"], false);
    let m = &me.body["memberships"][0];
    assert_eq!(m["role"], "curator");
    assert_eq!(m["organization_name"], "МБОУ СОШ с. Кремово");
    assert_eq!(m["organization_kind"], "school");
}

async fn wrong_password_is_refused_and_then_rate_limited(app: TestApp) {
    let unknown = app.login_answer("nobody@demo.nastavnik.ru", "whatever-password").await;
    assert_eq!((unknown.status.as_u16(), unknown.code().as_str()), (401, "invalid_credentials"));
    for _ in 0..5 {
        let a = app.login_answer("mentor@demo.nastavnik.ru", "not-the-password").await;
        assert_eq!((a.status.as_u16(), a.code().as_str()), (401, "invalid_credentials"));
    }
    // Now even the right password is refused for this account, but not for another one.
    let limited = app.login_answer("mentor@demo.nastavnik.ru", DEMO_PASSWORD).await;
    assert_eq!((limited.status.as_u16(), limited.code().as_str()), (429, "too_many_attempts"));
    let other = app.login_answer("mentee@demo.nastavnik.ru", DEMO_PASSWORD).await;
    assert_eq!(other.status, 200);
}

async fn refresh_rotates_and_reuse_revokes_the_family(app: TestApp) {
    let first = app.login_answer("director@demo.nastavnik.ru", DEMO_PASSWORD).await;
    let r1 = first.body["refresh_token"].as_str().expect("refresh").to_owned();
    let second = app.send(Method::POST, "auth/refresh", None, Some(json!({"refresh_token": r1})), &[]).await;
    assert_eq!(second.status, 200, "{}", second.body);
    let r2 = second.body["refresh_token"].as_str().expect("refresh").to_owned();
    assert_ne!(r1, r2);
    assert_eq!(app.get("me", second.body["access_token"].as_str().expect("access")).await.status, 200);

    // The spent token comes back: refused, and the whole family with it.
    let reuse = app.send(Method::POST, "auth/refresh", None, Some(json!({"refresh_token": r1})), &[]).await;
    assert_eq!((reuse.status.as_u16(), reuse.code().as_str()), (401, "refresh_token_reused"));
    let after = app.send(Method::POST, "auth/refresh", None, Some(json!({"refresh_token": r2})), &[]).await;
    assert_eq!((after.status.as_u16(), after.code().as_str()), (401, "refresh_token_reused"));

    let garbage = app.send(Method::POST, "auth/refresh", None, Some(json!({"refresh_token": "rt_nonsense"})), &[]).await;
    assert_eq!((garbage.status.as_u16(), garbage.code().as_str()), (401, "invalid_refresh_token"));
}

async fn logout_ends_the_sign_in(app: TestApp) {
    let a = app.login_answer("coordinator@demo.nastavnik.ru", DEMO_PASSWORD).await;
    let refresh = a.body["refresh_token"].as_str().expect("refresh").to_owned();
    let out = app.send(Method::POST, "auth/logout", None, Some(json!({"refresh_token": refresh})), &[]).await;
    assert_eq!(out.status, 204);
    let again = app.send(Method::POST, "auth/refresh", None, Some(json!({"refresh_token": refresh})), &[]).await;
    assert_eq!(again.status, 401);
}

async fn bad_tokens_are_401(app: TestApp) {
    let none = app.send(Method::GET, "me", None, None, &[]).await;
    assert_eq!((none.status.as_u16(), none.code().as_str()), (401, "unauthenticated"));
    let garbage = app.get("me", "not-a-jwt").await;
    assert_eq!((garbage.status.as_u16(), garbage.code().as_str()), (401, "invalid_token"));

    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
    let exp = chrono::Utc::now().timestamp() + 600;
    let claims = json!({"sub": "1", "aud": "nastavnik", "iss": "nastavnik", "iat": 0, "exp": exp, "typ": "access"});
    let alg_none = format!("{}.{}.", B64.encode(br#"{"alg":"none","typ":"JWT"}"#), B64.encode(claims.to_string()));
    assert_eq!(app.get("me", &alg_none).await.status, 401);

    let other_key = jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(b"somebody else's secret, long enough to sign"),
    )
    .expect("sign");
    assert_eq!(app.get("me", &other_key).await.status, 401);

    let secret = app.config.jwt_secret.clone().expect("test secret");
    let sign = |claims: serde_json::Value| {
        jsonwebtoken::encode(
            &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
        )
        .expect("sign")
    };
    let expired = sign(json!({"sub": "1", "aud": "nastavnik", "iss": "nastavnik", "iat": 0, "exp": 1000, "typ": "access"}));
    let a = app.get("me", &expired).await;
    assert_eq!((a.status.as_u16(), a.code().as_str()), (401, "token_expired"));
    let wrong_aud = sign(json!({"sub": "1", "aud": "elsewhere", "iss": "nastavnik", "iat": 0, "exp": exp, "typ": "access"}));
    assert_eq!(app.get("me", &wrong_aud).await.status, 401);
    let wrong_type = sign(json!({"sub": "1", "aud": "nastavnik", "iss": "nastavnik", "iat": 0, "exp": exp, "typ": "refresh"}));
    assert_eq!(app.get("me", &wrong_type).await.status, 401);
    // The same claims signed right do work: the refusals above are about the token, not the user.
    let good = sign(json!({"sub": "1", "aud": "nastavnik", "iss": "nastavnik", "iat": 0, "exp": exp, "typ": "access"}));
    assert_eq!(app.get("me", &good).await.status, 200);
}

async fn deactivated_user_is_refused_at_once(app: TestApp) {
    let director = app.login("director").await;
    let mentor = app.login("mentor").await;
    let me = app.get("me", &mentor).await;
    let id = me.id();
    let off = app.patch(&format!("users/{id}"), &director, json!({"is_active": false})).await;
    assert_eq!(off.status, 200, "{}", off.body);
    assert_eq!(off.body["is_active"], false);
    assert_eq!(app.get("me", &mentor).await.status, 401);
    let again = app.login_answer("mentor@demo.nastavnik.ru", DEMO_PASSWORD).await;
    assert_eq!(again.status, 401);
}
