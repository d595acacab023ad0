//! Registration, verification, sign-in, sessions and password reset.

use chrono::TimeDelta;
use meedoen::auth::Role;
use serde_json::json;

use crate::common::{Backend, TEST_PASSWORD, TestApp, session_from};
use crate::on_both_backends;

on_both_backends!(
    full_session_lifecycle,
    registering_a_known_address_reveals_nothing,
    registration_validation_names_fields_and_changes_nothing,
    verification_token_is_single_use_and_expires,
    a_new_verification_link_can_be_asked_for_without_revealing_accounts,
    unverified_accounts_can_sign_in,
    wrong_email_and_wrong_password_fail_alike,
    password_reset_flow,
    access_tokens_expire_and_refresh_renews_them,
    forged_and_missing_tokens_are_refused,
    english_speakers_get_english_email,
    expired_refresh_tokens_are_refused,
    the_web_app_keeps_its_refresh_token_in_an_http_only_cookie,
    other_processes_follow_sign_outs_and_removed_roles,
);

/// The `meedoen_refresh` cookie a reply sets: its `name=value` pair and its attributes.
fn refresh_cookie(reply: &crate::common::Reply) -> (String, String) {
    let header = reply
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("meedoen_refresh="))
        .expect("a meedoen_refresh cookie")
        .to_string();
    let (pair, attributes) = header.split_once(';').unwrap_or((&header, ""));
    (pair.to_string(), attributes.to_string())
}

async fn the_web_app_keeps_its_refresh_token_in_an_http_only_cookie(backend: Backend) {
    let app = TestApp::new(backend).await;
    let jan = app.register_verified("jan@example.nl", "Jan").await;

    let login = app
        .post(
            "/api/v1/auth/login",
            json!({"email": jan.email, "password": TEST_PASSWORD, "refresh_cookie": true}),
            None,
        )
        .await
        .expect(200);
    // No refresh token for scripts to read: only in an HttpOnly, SameSite=Strict cookie for /api/v1/auth.
    assert!(login.body.get("refresh_token").is_none(), "{}", login.text);
    assert!(login.body["access_token"].is_string());
    let (first, attributes) = refresh_cookie(&login);
    // (Secure because the test app's public URL is https.)
    for attribute in [
        "HttpOnly",
        "SameSite=Strict",
        "Secure",
        "Path=/api/v1/auth",
        "Max-Age=2592000",
    ] {
        assert!(attributes.contains(attribute), "{attributes}");
    }

    // Refreshing with the cookie rotates it, and answers in the cookie again.
    let refreshed = app
        .post_with_cookie("/api/v1/auth/refresh", json!({}), &first)
        .await
        .expect(200);
    assert!(refreshed.body.get("refresh_token").is_none());
    let (second, _) = refresh_cookie(&refreshed);
    assert_ne!(first, second);
    let access = refreshed.body["access_token"].as_str().unwrap().to_string();
    app.get("/api/v1/me", Some(&access)).await.expect(200);

    // Reuse detection works the same: the spent cookie ends the session, the new one dies too.
    app.post_with_cookie("/api/v1/auth/refresh", json!({}), &first)
        .await
        .expect_problem(401, "refresh_token_reused");
    app.post_with_cookie("/api/v1/auth/refresh", json!({}), &second)
        .await
        .expect_problem(401, "refresh_token_invalid");
    // No token at all, nor a form post (CSRF): refused, nothing changes.
    app.post("/api/v1/auth/refresh", json!({}), None)
        .await
        .expect_problem(401, "refresh_token_invalid");
    app.post_raw(
        "/api/v1/auth/refresh",
        "application/x-www-form-urlencoded",
        b"refresh_token=x".to_vec(),
    )
    .await
    .expect(415);

    // Sign out with the cookie: the session ends and the cookie is cleared.
    let again = app
        .post(
            "/api/v1/auth/login",
            json!({"email": jan.email, "password": TEST_PASSWORD, "refresh_cookie": true}),
            None,
        )
        .await
        .expect(200);
    let (cookie, _) = refresh_cookie(&again);
    let access = again.body["access_token"].as_str().unwrap().to_string();
    let out = app
        .post_with_cookie("/api/v1/auth/logout", json!({}), &cookie)
        .await
        .expect(204);
    let (cleared, attributes) = refresh_cookie(&out);
    assert_eq!(cleared, "meedoen_refresh=");
    assert!(attributes.contains("Max-Age=0"), "{attributes}");
    app.get("/api/v1/me", Some(&access))
        .await
        .expect_problem(401, "token_revoked");
    app.post_with_cookie("/api/v1/auth/refresh", json!({}), &cookie)
        .await
        .expect_problem(401, "refresh_token_invalid");
}

async fn full_session_lifecycle(backend: Backend) {
    let app = TestApp::new(backend).await;
    // register → verification email → verify → login
    app.post(
        "/api/v1/auth/register",
        json!({"email": "  Fatima@Example.NL ", "password": TEST_PASSWORD, "display_name": "Fatima"}),
        None,
    )
    .await
    .expect(202);
    let email = app.last_email_to("fatima@example.nl").await;
    assert!(
        email.subject.contains("Bevestig"),
        "Dutch by default: {}",
        email.subject
    );
    assert!(
        email
            .text
            .contains("https://meedoen.test/verify-email?token=")
    );
    assert!(
        email
            .html
            .contains("https://meedoen.test/verify-email?token=")
    );
    app.post(
        "/api/v1/auth/verify-email",
        json!({"token": email.token_for("/verify-email")}),
        None,
    )
    .await
    .expect(204);
    let first = app.login("FATIMA@example.nl", TEST_PASSWORD).await;

    // /me
    let me = app
        .get("/api/v1/me", Some(&first.access_token))
        .await
        .expect(200);
    assert_eq!(me.body["email"], "fatima@example.nl");
    assert_eq!(me.body["display_name"], "Fatima");
    assert_eq!(me.body["locale"], "nl");
    assert_eq!(me.body["roles"], json!(["resident"]));
    assert_eq!(me.body["email_verified"], true);
    assert_eq!(me.header("cache-control"), Some("no-store"));

    // refresh rotates the pair
    let rotated = app
        .post(
            "/api/v1/auth/refresh",
            json!({"refresh_token": first.refresh_token}),
            None,
        )
        .await
        .expect(200);
    assert_eq!(rotated.body["token_type"], "Bearer");
    assert_eq!(rotated.body["expires_in"], 900);
    let second = session_from(&rotated.body);
    assert_ne!(second.refresh_token, first.refresh_token);
    app.get("/api/v1/me", Some(&second.access_token))
        .await
        .expect(200);

    // reusing the spent refresh token is refused and ends the whole session
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": first.refresh_token}),
        None,
    )
    .await
    .expect_problem(401, "refresh_token_reused");
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": second.refresh_token}),
        None,
    )
    .await
    .expect_problem(401, "refresh_token_invalid");
    app.get("/api/v1/me", Some(&second.access_token))
        .await
        .expect_problem(401, "token_revoked");

    // logout ends that session's access tokens at once, and only that session's
    let third = app.login("fatima@example.nl", TEST_PASSWORD).await;
    let other_device = app.login("fatima@example.nl", TEST_PASSWORD).await;
    app.post(
        "/api/v1/auth/logout",
        json!({"refresh_token": third.refresh_token}),
        None,
    )
    .await
    .expect(204);
    app.get("/api/v1/me", Some(&third.access_token))
        .await
        .expect_problem(401, "token_revoked");
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": third.refresh_token}),
        None,
    )
    .await
    .expect_problem(401, "refresh_token_invalid");
    app.get("/api/v1/me", Some(&other_device.access_token))
        .await
        .expect(200);
    // logging out twice, or with a token nobody knows, is harmless
    app.post(
        "/api/v1/auth/logout",
        json!({"refresh_token": third.refresh_token}),
        None,
    )
    .await
    .expect(204);
    app.post(
        "/api/v1/auth/logout",
        json!({"refresh_token": "unknown"}),
        None,
    )
    .await
    .expect(204);
}

async fn registering_a_known_address_reveals_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let fresh = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "jan@example.nl", "password": TEST_PASSWORD, "display_name": "Jan"}),
            None,
        )
        .await
        .expect(202);
    let again = app
        .post(
            "/api/v1/auth/register",
            json!({"email": " JAN@example.nl", "password": "another-long-passphrase-42", "display_name": "Someone"}),
            None,
        )
        .await
        .expect(202);
    assert_eq!(fresh.body, again.body);
    app.deliver_mail().await;
    let emails = app.emails_to("jan@example.nl");
    assert_eq!(emails.len(), 2);
    let warning = &emails[1];
    assert!(
        warning.subject.contains("al een account"),
        "{}",
        warning.subject
    );
    assert!(
        warning.text.contains("Hallo Jan,"),
        "addressed to the owner: {}",
        warning.text
    );
    assert!(warning.text.contains("https://meedoen.test/login"));
    assert!(
        warning
            .text
            .contains("https://meedoen.test/forgot-password")
    );
    // The second password opened nothing.
    app.post(
        "/api/v1/auth/login",
        json!({"email": "jan@example.nl", "password": "another-long-passphrase-42"}),
        None,
    )
    .await
    .expect_problem(401, "invalid_credentials");
    app.login("jan@example.nl", TEST_PASSWORD).await;
}

async fn registration_validation_names_fields_and_changes_nothing(backend: Backend) {
    let app = TestApp::new(backend).await;
    let cases = [
        (
            json!({"email": "a@example.nl", "password": "kort", "display_name": "A"}),
            "password",
            "password_too_short",
        ),
        (
            json!({"email": "a@example.nl", "password": "aaaaaaaaaaaaaa", "display_name": "A"}),
            "password",
            "password_too_weak",
        ),
        (
            json!({"email": "a@example.nl", "password": "meedoen12345", "display_name": "A"}),
            "password",
            "password_too_weak",
        ),
        (
            json!({"email": "pietjepuk@example.nl", "password": "pietjepuk1980", "display_name": "Pietje Puk"}),
            "password",
            "password_too_weak",
        ),
        (
            json!({"email": "not-an-address", "password": TEST_PASSWORD, "display_name": "A"}),
            "email",
            "invalid_email",
        ),
        (
            json!({"email": "a@example.nl", "password": TEST_PASSWORD, "display_name": "   "}),
            "display_name",
            "required",
        ),
        (
            json!({"email": "a@example.nl", "password": TEST_PASSWORD}),
            "display_name",
            "required",
        ),
        (
            json!({"email": "a@example.nl", "password": TEST_PASSWORD, "display_name": "A", "locale": "fr"}),
            "locale",
            "invalid",
        ),
        (
            json!({"email": "a@example.nl", "password": 987654, "display_name": "A"}),
            "password",
            "invalid",
        ),
        (
            json!({"email": "a@example.nl", "password": TEST_PASSWORD, "display_name": "A", "role": "admin"}),
            "role",
            "unknown_field",
        ),
    ];
    for (body, field, code) in cases {
        let reply = app.post("/api/v1/auth/register", body.clone(), None).await;
        let reply = reply.expect_problem(422, "validation_failed");
        let errors = reply.body["errors"].as_array().expect("field errors");
        assert!(
            errors
                .iter()
                .any(|e| e["field"] == field && e["code"] == code),
            "{body} should fail on {field}/{code}: {}",
            reply.text
        );
        assert!(
            !reply.text.contains("987654"),
            "a submitted value is never echoed: {}",
            reply.text
        );
    }
    assert_eq!(
        app.deliver_mail().await,
        0,
        "no email for refused registrations"
    );
    app.post(
        "/api/v1/auth/login",
        json!({"email": "a@example.nl", "password": TEST_PASSWORD}),
        None,
    )
    .await
    .expect_problem(401, "invalid_credentials");
}

async fn verification_token_is_single_use_and_expires(backend: Backend) {
    let app = TestApp::new(backend).await;
    for address in ["een@example.nl", "twee@example.nl"] {
        app.post(
            "/api/v1/auth/register",
            json!({"email": address, "password": TEST_PASSWORD, "display_name": "X"}),
            None,
        )
        .await
        .expect(202);
    }
    let first = app
        .last_email_to("een@example.nl")
        .await
        .token_for("/verify-email");
    let second = app
        .last_email_to("twee@example.nl")
        .await
        .token_for("/verify-email");
    app.post("/api/v1/auth/verify-email", json!({"token": first}), None)
        .await
        .expect(204);
    // A second click (or a mail scanner that opened the link first) still says "confirmed".
    app.post("/api/v1/auth/verify-email", json!({"token": first}), None)
        .await
        .expect(204);
    app.post(
        "/api/v1/auth/verify-email",
        json!({"token": "made-up"}),
        None,
    )
    .await
    .expect_problem(400, "link_invalid");
    app.advance(TimeDelta::hours(48) + TimeDelta::minutes(1));
    app.post("/api/v1/auth/verify-email", json!({"token": second}), None)
        .await
        .expect_problem(400, "link_invalid");
    let session = app.login("twee@example.nl", TEST_PASSWORD).await;
    let me = app
        .get("/api/v1/me", Some(&session.access_token))
        .await
        .expect(200);
    assert_eq!(me.body["email_verified"], false);
}

/// "Vraag een nieuwe link aan" works: an unconfirmed account gets a fresh link; an unknown or an
/// already confirmed address gets the same 202 and no email.
async fn a_new_verification_link_can_be_asked_for_without_revealing_accounts(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.post(
        "/api/v1/auth/register",
        json!({"email": "laat@example.nl", "password": TEST_PASSWORD, "display_name": "Laat"}),
        None,
    )
    .await
    .expect(202);
    app.register_verified("al@example.nl", "Al").await;
    app.deliver_mail().await;
    let first = app
        .last_email_to("laat@example.nl")
        .await
        .token_for("/verify-email");
    app.advance(TimeDelta::hours(49));
    app.post("/api/v1/auth/verify-email", json!({"token": first}), None)
        .await
        .expect_problem(400, "link_invalid");

    let emails_before = app.emails().len();
    for address in ["LAAT@example.nl", "al@example.nl", "niemand@example.nl"] {
        let reply = app
            .post(
                "/api/v1/auth/verify-email/resend",
                json!({"email": address}),
                None,
            )
            .await
            .expect(202);
        assert_eq!(reply.body, json!({"status": "accepted"}), "{address}");
    }
    app.deliver_mail().await;
    let new_emails = app.emails().len() - emails_before;
    assert_eq!(
        new_emails, 1,
        "only the unconfirmed account gets a new link"
    );
    let fresh = app
        .last_email_to("laat@example.nl")
        .await
        .token_for("/verify-email");
    assert_ne!(fresh, first);
    app.post("/api/v1/auth/verify-email", json!({"token": fresh}), None)
        .await
        .expect(204);
    let session = app.login("laat@example.nl", TEST_PASSWORD).await;
    let me = app
        .get("/api/v1/me", Some(&session.access_token))
        .await
        .expect(200);
    assert_eq!(me.body["email_verified"], true);

    app.post(
        "/api/v1/auth/verify-email/resend",
        json!({"email": "geen adres"}),
        None,
    )
    .await
    .expect_problem(422, "validation_failed");
}

async fn unverified_accounts_can_sign_in(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.post(
        "/api/v1/auth/register",
        json!({"email": "nog@example.nl", "password": TEST_PASSWORD, "display_name": "Nog"}),
        None,
    )
    .await
    .expect(202);
    let reply = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "nog@example.nl", "password": TEST_PASSWORD}),
            None,
        )
        .await
        .expect(200);
    assert_eq!(reply.body["user"]["email_verified"], false);
}

async fn wrong_email_and_wrong_password_fail_alike(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.register_verified("echt@example.nl", "Echt").await;
    let wrong_password = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "echt@example.nl", "password": "wrong-password-1"}),
            None,
        )
        .await
        .expect_problem(401, "invalid_credentials");
    let unknown = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "niemand@example.nl", "password": "wrong-password-1"}),
            None,
        )
        .await
        .expect_problem(401, "invalid_credentials");
    assert_eq!(wrong_password.body, unknown.body);
}

async fn password_reset_flow(backend: Backend) {
    let app = TestApp::new(backend).await;
    let before = app.register_verified("reset@example.nl", "Reset").await;
    let other_device = app.login("reset@example.nl", TEST_PASSWORD).await;
    app.deliver_mail().await;
    let mails_before = app.emails().len();

    // unknown addresses get the same answer and no email
    let unknown = app
        .post(
            "/api/v1/auth/password-reset",
            json!({"email": "onbekend@example.nl"}),
            None,
        )
        .await
        .expect(202);
    let known = app
        .post(
            "/api/v1/auth/password-reset",
            json!({"email": "Reset@example.nl"}),
            None,
        )
        .await
        .expect(202);
    assert_eq!(unknown.body, known.body);
    let email = app.last_email_to("reset@example.nl").await;
    assert_eq!(
        app.emails().len(),
        mails_before + 1,
        "one email per request"
    );
    // a second request: the first link must die once the second is used
    app.post(
        "/api/v1/auth/password-reset",
        json!({"email": "reset@example.nl"}),
        None,
    )
    .await
    .expect(202);
    let older_token = email.token_for("/reset-password");
    let email = app.last_email_to("reset@example.nl").await;
    assert!(
        email
            .text
            .contains("https://meedoen.test/reset-password?token=")
    );
    let token = email.token_for("/reset-password");

    // a weak password is refused and the token stays usable
    app.post(
        "/api/v1/auth/password-reset/confirm",
        json!({"token": token, "password": "kort"}),
        None,
    )
    .await
    .expect_problem(422, "validation_failed");
    let new_password = "nieuwe-lange-zin-met-koffie";
    app.post(
        "/api/v1/auth/password-reset/confirm",
        json!({"token": token, "password": new_password}),
        None,
    )
    .await
    .expect(204);
    // the older link died with the reset
    app.post(
        "/api/v1/auth/password-reset/confirm",
        json!({"token": older_token, "password": "nog-een-andere-zin-met-thee"}),
        None,
    )
    .await
    .expect_problem(400, "link_invalid");
    // single use
    app.post(
        "/api/v1/auth/password-reset/confirm",
        json!({"token": token, "password": "nog-een-andere-zin-met-thee"}),
        None,
    )
    .await
    .expect_problem(400, "link_invalid");

    // every old session is dead, the old password too
    for session in [&before, &other_device] {
        app.get("/api/v1/me", Some(&session.access_token))
            .await
            .expect_problem(401, "token_revoked");
        app.post(
            "/api/v1/auth/refresh",
            json!({"refresh_token": session.refresh_token}),
            None,
        )
        .await
        .expect_problem(401, "refresh_token_invalid");
    }
    app.post(
        "/api/v1/auth/login",
        json!({"email": "reset@example.nl", "password": TEST_PASSWORD}),
        None,
    )
    .await
    .expect_problem(401, "invalid_credentials");
    let after = app.login("reset@example.nl", new_password).await;
    app.get("/api/v1/me", Some(&after.access_token))
        .await
        .expect(200);
    let changed = app.last_email_to("reset@example.nl").await;
    assert!(changed.subject.contains("veranderd"), "{}", changed.subject);

    // reset links expire after an hour
    app.post(
        "/api/v1/auth/password-reset",
        json!({"email": "reset@example.nl"}),
        None,
    )
    .await
    .expect(202);
    let late = app
        .last_email_to("reset@example.nl")
        .await
        .token_for("/reset-password");
    app.advance(TimeDelta::minutes(61));
    app.post(
        "/api/v1/auth/password-reset/confirm",
        json!({"token": late, "password": "nog-een-andere-zin-met-thee"}),
        None,
    )
    .await
    .expect_problem(400, "link_invalid");

    // a malformed address is a validation error, not a silent 202
    app.post(
        "/api/v1/auth/password-reset",
        json!({"email": "geen adres"}),
        None,
    )
    .await
    .expect_problem(422, "validation_failed");
}

async fn access_tokens_expire_and_refresh_renews_them(backend: Backend) {
    let app = TestApp::new(backend).await;
    let session = app.register_verified("tijd@example.nl", "Tijd").await;
    app.advance(TimeDelta::minutes(15) + TimeDelta::seconds(20));
    app.get("/api/v1/me", Some(&session.access_token))
        .await
        .expect(200);
    app.advance(TimeDelta::seconds(20));
    app.get("/api/v1/me", Some(&session.access_token))
        .await
        .expect_problem(401, "token_invalid");
    let renewed = app
        .post(
            "/api/v1/auth/refresh",
            json!({"refresh_token": session.refresh_token}),
            None,
        )
        .await
        .expect(200);
    let renewed = session_from(&renewed.body);
    app.get("/api/v1/me", Some(&renewed.access_token))
        .await
        .expect(200);
}

async fn expired_refresh_tokens_are_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let session = app.register_verified("lang@example.nl", "Lang").await;
    app.advance(TimeDelta::days(30) + TimeDelta::minutes(1));
    app.post(
        "/api/v1/auth/refresh",
        json!({"refresh_token": session.refresh_token}),
        None,
    )
    .await
    .expect_problem(401, "refresh_token_invalid");
}

async fn forged_and_missing_tokens_are_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let session = app.register_verified("echt@example.nl", "Echt").await;
    let missing = app
        .get("/api/v1/me", None)
        .await
        .expect_problem(401, "unauthenticated");
    assert_eq!(missing.header("www-authenticate"), Some("Bearer"));
    app.get("/api/v1/me", Some("not.a.jwt"))
        .await
        .expect_problem(401, "token_invalid");

    // A token signed with another key, and one with its payload swapped, are refused.
    let other = meedoen::auth::jwt::JwtKeys::new(
        b"another-secret-that-is-long-enough-012345",
        "meedoen",
        "meedoen-api",
        TimeDelta::minutes(15),
    );
    let forged = other
        .issue(
            &meedoen::db::ids::UserId(session.user_id.clone()),
            &meedoen::db::ids::SessionId("x".into()),
            chrono::Utc::now(),
        )
        .unwrap();
    app.get("/api/v1/me", Some(&forged))
        .await
        .expect_problem(401, "token_invalid");
    let mut parts: Vec<&str> = session.access_token.split('.').collect();
    let forged_payload = forged.split('.').nth(1).unwrap().to_string();
    parts[1] = &forged_payload;
    app.get("/api/v1/me", Some(&parts.join(".")))
        .await
        .expect_problem(401, "token_invalid");
    // the refresh token is not an access token
    app.get("/api/v1/me", Some(&session.refresh_token))
        .await
        .expect_problem(401, "token_invalid");
}

async fn english_speakers_get_english_email(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.post(
        "/api/v1/auth/register",
        json!({"email": "amira@example.nl", "password": TEST_PASSWORD, "display_name": "Amira", "locale": "en"}),
        None,
    )
    .await
    .expect(202);
    let email = app.last_email_to("amira@example.nl").await;
    assert_eq!(email.subject, "Confirm your email address for Meedoen");
    assert!(email.text.starts_with("Hello Amira,"));
    let token = email.token_for("/verify-email");
    app.post("/api/v1/auth/verify-email", json!({"token": token}), None)
        .await
        .expect(204);
    let session = app.login("amira@example.nl", TEST_PASSWORD).await;
    let me = app
        .get("/api/v1/me", Some(&session.access_token))
        .await
        .expect(200);
    assert_eq!(me.body["locale"], "en");
}

/// Sign-in state is kept in memory per session: a second server process that kept a session
/// refuses its tokens within its change poll once the session ends or the role is taken away
/// through the first process.
async fn other_processes_follow_sign_outs_and_removed_roles(backend: Backend) {
    let app = TestApp::new(backend).await;
    let w = crate::common::world::build(&app).await;
    let (admin, fatima) = (&w.admin, &w.resident);
    let other = app.other_process();
    let token = Some(fatima.access_token.as_str());
    assert_eq!(
        other.get("/api/v1/me", token).await.0,
        200,
        "kept there now"
    );
    app.post(
        "/api/v1/auth/logout",
        json!({"refresh_token": fatima.refresh_token}),
        None,
    )
    .await
    .expect(204);
    app.get("/api/v1/me", token)
        .await
        .expect_problem(401, "token_revoked");
    let (status, body) = other
        .get_until("/api/v1/me", token, |status, _| status != 200)
        .await;
    assert_eq!((status, &body["code"]), (401, &json!("token_revoked")));

    // A worker whose role is taken away.
    let worker = app
        .user_with_roles("wim@wijkteam.nl", "Wim", &[Role::Resident])
        .await;
    let made = app
        .post(
            "/api/v1/workers",
            json!({"email": "wim@wijkteam.nl", "district_ids": [w.district]}),
            Some(&admin.access_token),
        )
        .await;
    assert_eq!(made.status.as_u16(), 200, "{}", made.text);
    let worker = app.login(&worker.email, TEST_PASSWORD).await;
    let token = Some(worker.access_token.as_str());
    assert_eq!(other.get("/api/v1/worker/residents", token).await.0, 200);
    app.delete(
        &format!("/api/v1/workers/{}", worker.user_id),
        Some(&admin.access_token),
    )
    .await
    .expect(204);
    let (status, _) = other
        .get_until("/api/v1/worker/residents", token, |status, _| status != 200)
        .await;
    assert_eq!(status, 401, "the worker's tokens end with the role");
}
