//! Login, registration, password-reset and new-verification-link requests are limited per IP and per account.

use serde_json::json;

use crate::common::{Backend, TestApp};
use crate::on_both_backends;

on_both_backends!(
    login_is_limited_per_ip,
    login_is_throttled_per_account,
    registration_and_reset_are_limited,
    password_hashing_waits_for_a_slot_then_answers_503,
);

async fn login_is_limited_per_ip(backend: Backend) {
    let app = TestApp::builder(backend)
        .with_rate_limits()
        .configure(|settings| settings.rate_limit.account_burst = 100)
        .build()
        .await;
    for attempt in 0..10 {
        app.post(
            "/api/v1/auth/login",
            json!({"email": format!("iemand{attempt}@example.nl"), "password": "wrong-password"}),
            None,
        )
        .await
        .expect_problem(401, "invalid_credentials");
    }
    let limited = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "nog-een@example.nl", "password": "wrong-password"}),
            None,
        )
        .await
        .expect_problem(429, "rate_limited");
    let retry_after: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&retry_after), "{retry_after}");
}

async fn login_is_throttled_per_account(backend: Backend) {
    let app = TestApp::builder(backend)
        .with_rate_limits()
        .configure(|settings| settings.rate_limit.per_ip_per_minute = 1000)
        .build()
        .await;
    app.register_verified("doelwit@example.nl", "Doelwit").await;
    for _ in 0..4 {
        app.post(
            "/api/v1/auth/login",
            json!({"email": "doelwit@example.nl", "password": "guess-guess-1"}),
            None,
        )
        .await
        .expect_problem(401, "invalid_credentials");
    }
    let limited = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "DOELWIT@example.nl", "password": "guess-guess-2"}),
            None,
        )
        .await
        .expect_problem(429, "rate_limited");
    assert!(limited.header("retry-after").is_some());
    // Other accounts are not affected.
    app.post(
        "/api/v1/auth/login",
        json!({"email": "ander@example.nl", "password": "guess-guess-3"}),
        None,
    )
    .await
    .expect_problem(401, "invalid_credentials");
}

/// Posts `body(n)` for n = 0, 1, 2 (all accepted), then once more: limited.
async fn three_then_limited(app: &TestApp, path: &str, body: impl Fn(usize) -> serde_json::Value) {
    for n in 0..3 {
        app.post(path, body(n), None).await.expect(202);
    }
    app.post(path, body(9), None)
        .await
        .expect_problem(429, "rate_limited");
}

async fn registration_and_reset_are_limited(backend: Backend) {
    let app = TestApp::builder(backend)
        .with_rate_limits()
        .configure(|settings| settings.rate_limit.per_ip_per_minute = 3)
        .build()
        .await;
    three_then_limited(&app, "/api/v1/auth/register", |n| {
        json!({"email": format!("nieuw{n}@example.nl"), "password": crate::common::TEST_PASSWORD, "display_name": "N"})
    })
    .await;
    three_then_limited(
        &app,
        "/api/v1/auth/password-reset",
        |n| json!({"email": format!("nieuw{}@example.nl", n % 3)}),
    )
    .await;
    three_then_limited(
        &app,
        "/api/v1/auth/verify-email/resend",
        |n| json!({"email": format!("nieuw{}@example.nl", n % 3)}),
    )
    .await;
}

/// A burst of sign-ins beyond the hashing slots waits briefly, then gets 503 with Retry-After:
/// never a pile of 9 MiB hashes at once, never a 500.
async fn password_hashing_waits_for_a_slot_then_answers_503(backend: Backend) {
    let app = TestApp::builder(backend)
        .configure(|settings| {
            settings.auth.hashing_slots = 1;
            settings.auth.hashing_wait_ms = 0;
        })
        .build()
        .await;
    let burst = (0..8).map(|n| {
        app.post(
            "/api/v1/auth/login",
            json!({"email": format!("iemand{n}@example.nl"), "password": "wrong-password"}),
            None,
        )
    });
    let replies = futures_util::future::join_all(burst).await;
    let mut busy = 0;
    for reply in replies {
        match reply.status.as_u16() {
            401 => {}
            503 => {
                busy += 1;
                assert_eq!(reply.body["code"], "service_unavailable");
                assert!(reply.header("retry-after").is_some());
            }
            other => panic!("unexpected {other}: {}", reply.text),
        }
    }
    assert!(
        busy > 0,
        "eight sign-ins at once on one slot that does not wait"
    );
}
