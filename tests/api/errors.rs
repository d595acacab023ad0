//! Every error leaves as problem+json; bad input changes nothing; the database being away is a 503.

use serde_json::json;

use crate::common::{Backend, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(
    framework_errors_are_problem_json,
    control_and_invisible_characters_are_refused,
    security_headers_on_every_answer,
    cors_is_limited_to_configured_origins,
);

async fn framework_errors_are_problem_json(backend: Backend) {
    let app = TestApp::new(backend).await;
    app.post_raw(
        "/api/v1/auth/login",
        "application/json",
        b"{not json".to_vec(),
    )
    .await
    .expect_problem(400, "malformed_json");
    app.post_raw("/api/v1/auth/login", "application/json", Vec::new())
        .await
        .expect_problem(400, "malformed_json");
    app.post_raw("/api/v1/auth/login", "text/plain", b"{}".to_vec())
        .await
        .expect_problem(415, "unsupported_media_type");
    let huge = format!(
        r#"{{"email": "a@example.nl", "password": "{}"}}"#,
        "x".repeat(70 * 1024)
    );
    app.post_raw("/api/v1/auth/login", "application/json", huge.into_bytes())
        .await
        .expect_problem(413, "payload_too_large");
    app.get("/api/v1/does-not-exist", None)
        .await
        .expect_problem(404, "not_found");
    app.get("/does-not-exist", None)
        .await
        .expect_problem(404, "not_found");
    let wrong_method = app
        .post("/api/v1/me", json!({}), None)
        .await
        .expect_problem(405, "method_not_allowed");
    assert_eq!(wrong_method.header("allow"), Some("GET"));
    app.get("/api/v1/auth/login", None)
        .await
        .expect_problem(405, "method_not_allowed");
    let wrong_type = app
        .post(
            "/api/v1/auth/login",
            json!({"email": ["a"], "password": "x"}),
            None,
        )
        .await
        .expect_problem(422, "validation_failed");
    assert_eq!(wrong_type.body["errors"][0]["field"], "email");
    // No stack traces or SQL in answers.
    for reply in [wrong_method, wrong_type] {
        assert!(
            !reply.text.contains("diesel")
                && !reply.text.contains("SELECT")
                && !reply.text.contains("panicked")
        );
    }
}

/// NUL and other control characters never reach a feature (PostgreSQL answered 500 for them);
/// names and titles are one visible line in one Unicode form.
async fn control_and_invisible_characters_are_refused(backend: Backend) {
    let app = TestApp::new(backend).await;
    let world = crate::common::world::build(&app).await;
    let field_error = |reply: crate::common::Reply, field: &str, code: &str| {
        let reply = reply.expect_problem(422, "validation_failed");
        assert_eq!(reply.body["errors"][0]["field"], field, "{}", reply.body);
        assert_eq!(reply.body["errors"][0]["code"], code, "{}", reply.body);
    };
    for (query, field) in [
        ("q=%00", "q"),
        ("tag=%00", "tag"),
        ("q=tuin%0D%0A", "q"),
        ("district=%1B", "district"),
    ] {
        let reply = app.get(&format!("/api/v1/offers?{query}"), None).await;
        field_error(reply, field, "control_characters");
    }
    let login = app
        .post(
            "/api/v1/auth/login",
            json!({"email": "jan\u{0}@example.nl", "password": TEST_PASSWORD}),
            None,
        )
        .await;
    field_error(login, "email", "control_characters");
    let register = |name: &'static str| {
        app.post(
            "/api/v1/auth/register",
            json!({"email": "nieuw@example.nl", "password": TEST_PASSWORD, "display_name": name}),
            None,
        )
    };
    field_error(
        register("Jan\nJansen").await,
        "display_name",
        "control_characters",
    );
    field_error(
        register("Jan\u{202E}nesnaJ").await,
        "display_name",
        "invisible_characters",
    );
    field_error(
        register("Ja\u{200B}n").await,
        "display_name",
        "invisible_characters",
    );
    assert!(
        app.emails_to("nieuw@example.nl").is_empty(),
        "nothing was registered"
    );

    // A title must be one line; a description may have several. "é" written as e + accent is
    // stored as the one character.
    let owner = Some(world.owner.access_token.as_str());
    let offer_body =
        |patch| crate::common::world::offer_body(&world.organisation, &world.district, patch);
    let reply = app
        .post(
            "/api/v1/offers",
            offer_body(json!({"title": "Moestuin\tdag"})),
            owner,
        )
        .await;
    field_error(reply, "title", "control_characters");
    let reply = app
        .post(
            "/api/v1/offers",
            offer_body(
                json!({"title": "Cafe\u{301} De Esch", "description": "Koffie.\nThee.\tKoek."}),
            ),
            owner,
        )
        .await
        .expect(201);
    assert_eq!(reply.body["title"], "Caf\u{e9} De Esch");
    assert_eq!(reply.body["description"], "Koffie.\nThee.\tKoek.");
    let reply = app
        .post(
            "/api/v1/offers",
            offer_body(json!({"description": "Koffie\u{0}"})),
            owner,
        )
        .await;
    field_error(reply, "description", "control_characters");
    let reply = app
        .patch(
            &format!("/api/v1/offers/{}", world.offer),
            json!({"title": "Oogst\u{2066}feest"}),
            owner,
        )
        .await;
    field_error(reply, "title", "invisible_characters");
}

async fn security_headers_on_every_answer(backend: Backend) {
    let app = TestApp::new(backend).await;
    let session = app.register_verified("kop@example.nl", "Kop").await;
    for reply in [
        app.get("/healthz", None).await,
        app.get("/api/v1/me", Some(&session.access_token)).await,
        app.get("/api/v1/nothing", None).await,
        app.get("/", None).await,
    ] {
        let csp = reply.header("content-security-policy").expect("CSP");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("default-src 'self'"));
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
    let me = app.get("/api/v1/me", Some(&session.access_token)).await;
    assert_eq!(me.header("cache-control"), Some("no-store"));
}

async fn cors_is_limited_to_configured_origins(backend: Backend) {
    let app = TestApp::builder(backend)
        .configure(|settings| settings.app.cors_origins = vec!["https://app.meedoen.test".into()])
        .build()
        .await;
    let client = awc::Client::default();
    let allowed = client
        .get(app.url("/healthz"))
        .insert_header(("Origin", "https://app.meedoen.test"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        allowed
            .headers()
            .get("access-control-allow-origin")
            .and_then(|v| v.to_str().ok()),
        Some("https://app.meedoen.test")
    );
    let other = client
        .get(app.url("/healthz"))
        .insert_header(("Origin", "https://evil.example"))
        .send()
        .await
        .unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());
    let mut preflight = client
        .request(awc::http::Method::OPTIONS, app.url("/api/v1/auth/login"))
        .insert_header(("Origin", "https://evil.example"))
        .insert_header(("Access-Control-Request-Method", "POST"))
        .send()
        .await
        .unwrap();
    assert_eq!(preflight.status().as_u16(), 400);
    assert_eq!(
        preflight
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        Some("application/problem+json")
    );
    let body: serde_json::Value = preflight.json().await.unwrap();
    assert_eq!(body["code"], "bad_request");
    let _ = TEST_PASSWORD;
}

/// With the database unreachable, the API answers 503 with Retry-After, never 500 or a hang.
#[actix_web::test]
async fn unreachable_postgres_gives_503() {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = crate::common::test_settings(
        "postgres://postgres@127.0.0.1:1/nowhere",
        dir.path().to_path_buf(),
    );
    settings.database.connect_timeout_secs = 1;
    let state = meedoen::state::AppState::new(settings).unwrap();
    let server_state = state.clone();
    let server = actix_test::start(move || meedoen::app::build(server_state.clone()));
    let client = awc::Client::default();
    let started = std::time::Instant::now();
    let ready = client.get(server.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status().as_u16(), 503);
    assert_eq!(ready.headers().get("retry-after").unwrap(), "2");
    let mut login = client
        .post(server.url("/api/v1/auth/login"))
        .send_json(&json!({"email": "a@example.nl", "password": "whatever-password"}))
        .await
        .unwrap();
    assert_eq!(login.status().as_u16(), 503);
    let body: serde_json::Value = login.json().await.unwrap();
    assert_eq!(body["code"], "service_unavailable");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    let live = client.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(live.status().as_u16(), 200, "the process itself is alive");
}

/// A SQLite writer that cannot get the lock within the busy timeout gets 503, and nothing is half-written.
#[actix_web::test]
async fn sqlite_lock_timeout_gives_503() {
    use diesel::connection::SimpleConnection;
    let app = TestApp::builder(Backend::Sqlite)
        .configure(|settings| settings.database.busy_timeout_ms = 200)
        .build()
        .await;
    // The app's first connection switches the file to WAL; let that happen before the lock is taken.
    app.get("/readyz", None).await.expect(200);
    let path = app.db.url.trim_start_matches("sqlite:").to_string();
    let mut blocker = crate::common::db::sqlite_connection(&path);
    blocker.batch_execute("BEGIN IMMEDIATE").unwrap();
    let reply = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "wacht@example.nl", "password": TEST_PASSWORD, "display_name": "Wacht"}),
            None,
        )
        .await
        .expect_problem(503, "service_unavailable");
    assert!(reply.header("retry-after").is_some());
    blocker.batch_execute("ROLLBACK").unwrap();
    // Nothing was stored: the same registration now goes through as new, with a verification email.
    app.post(
        "/api/v1/auth/register",
        json!({"email": "wacht@example.nl", "password": TEST_PASSWORD, "display_name": "Wacht"}),
        None,
    )
    .await
    .expect(202);
    let emails = {
        app.deliver_mail().await;
        app.emails_to("wacht@example.nl")
    };
    assert_eq!(emails.len(), 1);
    assert!(emails[0].subject.contains("Bevestig"));
}

/// Runs `change` on every connection of the app's pool at once (SQLite pragmas are per connection).
fn on_every_sqlite_connection(app: &TestApp, change: impl Fn(&mut diesel::SqliteConnection)) {
    let pool_size = app.state.settings.database.pool_size as usize;
    let held: Vec<_> = (0..pool_size)
        .map(|_| app.state.db.get().expect("a pooled connection"))
        .collect();
    for mut conn in held {
        if let meedoen::db::DbConn::Sqlite(sqlite) = &mut *conn {
            change(sqlite);
        }
    }
}

/// A full disk (here SQLite's `max_page_count`, which fails writes the way a full disk does) is the
/// database being unable to work: 503 with Retry-After, never 500, and nothing half-written.
#[actix_web::test]
async fn sqlite_disk_full_gives_503() {
    use diesel::RunQueryDsl;
    use diesel::connection::SimpleConnection;
    let app = TestApp::new(Backend::Sqlite).await;
    app.get("/readyz", None).await.expect(200);
    // The limit is per connection: set it on every connection of the app's pool.
    on_every_sqlite_connection(&app, |sqlite| {
        #[derive(diesel::QueryableByName)]
        struct Pages {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            page_count: i64,
        }
        let pages = diesel::sql_query("PRAGMA page_count")
            .get_result::<Pages>(sqlite)
            .unwrap()
            .page_count;
        sqlite
            .batch_execute(&format!("PRAGMA max_page_count = {pages}"))
            .unwrap();
    });
    let mut full = None;
    for n in 0..200 {
        let reply = app
            .post(
                "/api/v1/auth/register",
                json!({"email": format!("vol{n}@example.nl"), "password": TEST_PASSWORD,
                       "display_name": "Vol ".repeat(20)}),
                None,
            )
            .await;
        match reply.status.as_u16() {
            202 => continue,
            _ => {
                full = Some(reply.expect_problem(503, "service_unavailable"));
                break;
            }
        }
    }
    let full = full.expect("the database filled up within 200 registrations");
    assert!(full.header("retry-after").is_some());
}

/// A database file that cannot be written (a read-only mount, a full quota; here SQLite's
/// `query_only`, which refuses writes with the same error) is 503 for writes while reads go on.
#[actix_web::test]
async fn sqlite_read_only_file_gives_503_for_writes() {
    use diesel::connection::SimpleConnection;
    let app = TestApp::new(Backend::Sqlite).await;
    app.get("/readyz", None).await.expect(200);
    on_every_sqlite_connection(&app, |sqlite| {
        sqlite.batch_execute("PRAGMA query_only = 1").unwrap();
    });
    let reply = app
        .post(
            "/api/v1/auth/register",
            json!({"email": "alleen@example.nl", "password": TEST_PASSWORD, "display_name": "Alleen"}),
            None,
        )
        .await
        .expect_problem(503, "service_unavailable");
    assert!(reply.header("retry-after").is_some());
    app.get("/api/v1/districts", None).await.expect(200);
    app.get("/api/v1/offers?q=tuin", None).await.expect(200);
}

/// PostgreSQL connections lost under the server (a restart, a failover, an administrator ending
/// them) are 503 for the requests that had one, never 500; the pool then replaces them.
#[actix_web::test]
async fn postgres_connections_lost_give_503_then_recover() {
    use diesel::RunQueryDsl;
    if !crate::common::db::postgres_available() {
        return;
    }
    let app = TestApp::new(Backend::Postgres).await;
    // Fill the pool with open connections: searches are cache misses, each a database read.
    let pool_size = app.state.settings.database.pool_size as usize;
    {
        let held: Vec<_> = (0..pool_size)
            .map(|_| app.state.db.get().expect("a pooled connection"))
            .collect();
        drop(held);
    }
    let mut admin = app.db.connect();
    diesel::sql_query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    .execute(&mut admin)
    .unwrap();
    let mut statuses = Vec::new();
    for n in 0..=pool_size {
        let reply = app.get(&format!("/api/v1/offers?q=tuin{n}"), None).await;
        if reply.status.as_u16() == 503 {
            reply.expect_problem(503, "service_unavailable");
            statuses.push(503);
        } else {
            statuses.push(reply.expect(200).status.as_u16());
        }
    }
    assert_eq!(statuses[0], 503, "{statuses:?}");
    assert_eq!(statuses.last(), Some(&200), "{statuses:?}");
}
