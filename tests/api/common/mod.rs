//! The test harness: a real `meedoen` app on a real HTTP port, on a fresh database of either
//! backend, with mail going to lettre's file transport in a temporary folder.
//!
//! Each test gets its own database: a copy of a migrated SQLite template file, or a PostgreSQL
//! database made with `CREATE DATABASE … TEMPLATE` from a migrated template.

#![allow(dead_code)]

pub mod db;
pub mod world;

use std::path::PathBuf;
use std::sync::Arc;

use actix_web::http::StatusCode;
use chrono::TimeDelta;
use meedoen::auth::Role;
use meedoen::clock::OffsetClock;
use meedoen::config::{MailTransportKind, Settings};
use meedoen::state::AppState;
use serde_json::{Value, json};
use tempfile::TempDir;

pub use db::{Backend, TestDb};

/// Runs each named `async fn(Backend)` as two tests: `name::sqlite` always and `name::postgres`
/// when a server is reachable (or required, with MEEDOEN_TEST_REQUIRE_POSTGRES=1).
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[actix_web::test]
            async fn sqlite() {
                super::$name($crate::common::Backend::Sqlite).await
            }

            #[actix_web::test]
            async fn postgres() {
                if $crate::common::db::postgres_available() {
                    super::$name($crate::common::Backend::Postgres).await
                }
            }
        }
    )*};
}

/// The titles of a list answer's items, in order.
pub fn titles(reply: &Value) -> Vec<String> {
    reply["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["title"].as_str().unwrap().to_string())
        .collect()
}

pub const TEST_PASSWORD: &str = "fiets-tulp-regen-molen";

/// An answer from the server, with its body parsed as JSON when it is JSON.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: actix_web::http::header::HeaderMap,
    pub body: Value,
    pub text: String,
    /// The body as sent (a PDF, say).
    pub bytes: Vec<u8>,
}

impl Reply {
    /// The `id` of the object the answer describes (e.g. after a 201).
    #[track_caller]
    pub fn id(&self) -> String {
        match self.body["id"].as_str() {
            Some(id) => id.to_string(),
            None => panic!("no id in: {}", self.text),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// Asserts the status, printing the body when it differs.
    #[track_caller]
    pub fn expect(self, status: u16) -> Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        self
    }

    /// Asserts a problem+json answer with this status and code.
    #[track_caller]
    pub fn expect_problem(self, status: u16, code: &str) -> Self {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status; body: {}",
            self.text
        );
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "not problem+json: {}",
            self.text
        );
        assert_eq!(
            self.body["code"], code,
            "unexpected code; body: {}",
            self.text
        );
        assert_eq!(self.body["status"], status);
        assert!(self.body["title"].is_string() && self.body["detail"].is_string());
        self
    }
}

/// A signed-in user as a test sees it.
#[derive(Debug, Clone)]
pub struct Session {
    pub user_id: String,
    pub email: String,
    pub access_token: String,
    pub refresh_token: String,
}

/// One email read back from the file transport.
#[derive(Debug, Clone)]
pub struct SentEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The List-Unsubscribe and List-Unsubscribe-Post headers (RFC 8058), when present.
    pub list_unsubscribe: Option<String>,
    pub list_unsubscribe_post: Option<String>,
}

impl SentEmail {
    /// The one-click URL of the List-Unsubscribe header, without its angle brackets.
    pub fn unsubscribe_url(&self) -> String {
        self.list_unsubscribe
            .as_deref()
            .and_then(|value| value.trim().strip_prefix('<'))
            .and_then(|value| value.strip_suffix('>'))
            .unwrap_or_else(|| panic!("no List-Unsubscribe header on {:?}", self.subject))
            .to_string()
    }

    /// The token in the first link to `path` (e.g. "/verify-email").
    pub fn token_for(&self, path: &str) -> String {
        let marker = format!("{path}?token=");
        let start = self
            .text
            .find(&marker)
            .unwrap_or_else(|| panic!("no {path} link in: {}", self.text))
            + marker.len();
        self.text[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    }
}

/// A change to the test settings, applied before the app starts.
type SettingsChange = Box<dyn FnOnce(&mut Settings)>;

pub struct TestAppBuilder {
    backend: Backend,
    rate_limits: bool,
    configure: Vec<SettingsChange>,
}

impl TestAppBuilder {
    /// Turns the production rate limits on (they are off by default in tests).
    pub fn with_rate_limits(mut self) -> Self {
        self.rate_limits = true;
        self
    }

    pub fn configure(mut self, change: impl FnOnce(&mut Settings) + 'static) -> Self {
        self.configure.push(Box::new(change));
        self
    }

    pub async fn build(self) -> TestApp {
        let db = TestDb::create(self.backend).await;
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = test_settings(&db.url, dir.path().to_path_buf());
        settings.rate_limit.enabled = self.rate_limits;
        for change in self.configure {
            change(&mut settings);
        }
        let clock = OffsetClock::default();
        let state = AppState::with_clock(settings, Arc::new(clock.clone())).expect("state");
        let server_state = state.clone();
        let server = actix_test::start(move || meedoen::app::build(server_state.clone()));
        TestApp {
            server,
            client: awc::Client::builder().disable_redirects().finish(),
            state,
            clock,
            dir,
            db,
        }
    }
}

/// Settings for a test: its own database, data folder and mail folder; a fixed JWT secret.
pub fn test_settings(database_url: &str, dir: PathBuf) -> Settings {
    let mut settings = Settings::default();
    settings.database.url = database_url.to_string();
    settings.database.pool_size = 4;
    settings.app.data_dir = dir.clone();
    settings.app.static_dir = dir.join("no-spa");
    settings.app.public_url = "https://meedoen.test".into();
    settings.auth.jwt_secret = Some("test-secret-that-is-long-enough-0123456789".into());
    settings.mail.transport = MailTransportKind::File;
    settings.mail.dir = dir.join("mail");
    settings.log.level = "warn".into();
    settings
}

/// A second server process on the same database, as behind a load balancer: its own state and
/// caches, learning about the first one's writes only through the change poller.
pub struct OtherProcess {
    pub server: actix_test::TestServer,
    client: awc::Client,
}

impl OtherProcess {
    /// GETs `path`; the status and the JSON body.
    pub async fn get(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        let mut request = self.client.get(self.server.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let mut response = request.send().await.expect("request reaches the server");
        let body = response.json::<Value>().await.unwrap_or(Value::Null);
        (response.status().as_u16(), body)
    }

    /// GETs `path` every 50 ms until `done` holds for the answer (at most 2 s); the last answer.
    pub async fn get_until(
        &self,
        path: &str,
        token: Option<&str>,
        done: impl Fn(u16, &Value) -> bool,
    ) -> (u16, Value) {
        let mut answer = self.get(path, token).await;
        for _ in 0..40 {
            if done(answer.0, &answer.1) {
                break;
            }
            actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
            answer = self.get(path, token).await;
        }
        answer
    }
}

pub struct TestApp {
    pub server: actix_test::TestServer,
    client: awc::Client,
    pub state: AppState,
    pub clock: OffsetClock,
    pub dir: TempDir,
    pub db: TestDb,
}

impl TestApp {
    pub fn builder(backend: Backend) -> TestAppBuilder {
        TestAppBuilder {
            backend,
            rate_limits: false,
            configure: Vec::new(),
        }
    }

    pub async fn new(backend: Backend) -> Self {
        Self::builder(backend).build().await
    }

    pub fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Starts a second server process on this app's database, with the change poller running
    /// (as `meedoen serve` does).
    pub fn other_process(&self) -> OtherProcess {
        let state = AppState::with_clock(
            self.state.settings.as_ref().clone(),
            Arc::new(self.clock.clone()),
        )
        .expect("state");
        {
            let mut conn = state.db.get().expect("connection");
            meedoen::catalog::start_at(&state, &mut conn).expect("catalog version");
        }
        meedoen::catalog::spawn_poller(state.clone());
        let server = actix_test::start(move || meedoen::app::build(state.clone()));
        OtherProcess {
            server,
            client: awc::Client::builder().disable_redirects().finish(),
        }
    }

    async fn send(&self, request: awc::ClientRequest, body: Option<Value>) -> Reply {
        let mut response = match body {
            Some(body) => request.send_json(&body).await,
            None => request.send().await,
        }
        .expect("request reaches the server");
        let bytes = response.body().limit(10 * 1024 * 1024).await.expect("body");
        let text = String::from_utf8_lossy(&bytes).to_string();
        Reply {
            status: response.status(),
            headers: response.headers().clone(),
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            text,
            bytes: bytes.to_vec(),
        }
    }

    fn request(
        &self,
        method: awc::http::Method,
        path: &str,
        token: Option<&str>,
    ) -> awc::ClientRequest {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request
    }

    pub async fn get(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(self.request(awc::http::Method::GET, path, token), None)
            .await
    }

    pub async fn post(&self, path: &str, body: Value, token: Option<&str>) -> Reply {
        self.send(
            self.request(awc::http::Method::POST, path, token),
            Some(body),
        )
        .await
    }

    /// A POST with a `Cookie` header, as a browser sends it.
    pub async fn post_with_cookie(&self, path: &str, body: Value, cookie: &str) -> Reply {
        let request = self
            .request(awc::http::Method::POST, path, None)
            .insert_header(("Cookie", cookie.to_string()));
        self.send(request, Some(body)).await
    }

    pub async fn put(&self, path: &str, body: Value, token: Option<&str>) -> Reply {
        self.send(
            self.request(awc::http::Method::PUT, path, token),
            Some(body),
        )
        .await
    }

    pub async fn patch(&self, path: &str, body: Value, token: Option<&str>) -> Reply {
        self.send(
            self.request(awc::http::Method::PATCH, path, token),
            Some(body),
        )
        .await
    }

    pub async fn delete(&self, path: &str, token: Option<&str>) -> Reply {
        self.send(self.request(awc::http::Method::DELETE, path, token), None)
            .await
    }

    /// Sends a raw body with the given content type.
    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Reply {
        let request = self
            .request(awc::http::Method::POST, path, None)
            .insert_header(("content-type", content_type));
        let mut response = request
            .send_body(body)
            .await
            .expect("request reaches the server");
        let bytes = response
            .body()
            .limit(10 * 1024 * 1024)
            .await
            .unwrap_or_default();
        Reply {
            status: response.status(),
            headers: response.headers().clone(),
            body: serde_json::from_slice(&bytes).unwrap_or(Value::Null),
            text: String::from_utf8_lossy(&bytes).to_string(),
            bytes: bytes.to_vec(),
        }
    }

    /// Moves the app's clock forward.
    pub fn advance(&self, by: TimeDelta) {
        self.clock.advance(by);
    }

    /// Delivers the outbox now, as the background worker would, and returns how many were sent.
    pub async fn deliver_mail(&self) -> usize {
        meedoen::mail::worker::deliver_due(&self.state)
            .await
            .expect("delivery round")
            .sent
    }

    /// Every email delivered so far, oldest first.
    pub fn emails(&self) -> Vec<SentEmail> {
        read_emails(&self.state.settings.mail.dir)
    }

    /// Emails delivered to one address, oldest first.
    pub fn emails_to(&self, address: &str) -> Vec<SentEmail> {
        self.emails()
            .into_iter()
            .filter(|email| email.to == address)
            .collect()
    }

    /// The newest email to `address`, after delivering the outbox.
    pub async fn last_email_to(&self, address: &str) -> SentEmail {
        self.deliver_mail().await;
        self.emails_to(address)
            .pop()
            .unwrap_or_else(|| panic!("no email to {address}"))
    }

    /// Registers through the API, follows the verification link from the email, and signs in.
    pub async fn register_verified(&self, email: &str, name: &str) -> Session {
        self.post(
            "/api/v1/auth/register",
            json!({"email": email, "password": TEST_PASSWORD, "display_name": name}),
            None,
        )
        .await
        .expect(202);
        let token = self.last_email_to(email).await.token_for("/verify-email");
        self.post("/api/v1/auth/verify-email", json!({ "token": token }), None)
            .await
            .expect(204);
        self.login(email, TEST_PASSWORD).await
    }

    /// Creates a verified account with the given roles directly (as `meedoen admin create` does)
    /// and signs in through the API.
    pub async fn user_with_roles(&self, email: &str, name: &str, roles: &[Role]) -> Session {
        let state = self.state.clone();
        let (email_owned, name_owned, roles_owned) =
            (email.to_string(), name.to_string(), roles.to_vec());
        actix_web::web::block(move || {
            let mut conn = state.db.get().expect("connection");
            meedoen::features::accounts::service::ensure_user(
                &mut conn,
                state.clock.now_naive(),
                &email_owned,
                &name_owned,
                TEST_PASSWORD,
                &roles_owned,
            )
            .expect("user created")
        })
        .await
        .expect("blocking task");
        self.login(email, TEST_PASSWORD).await
    }

    pub async fn login(&self, email: &str, password: &str) -> Session {
        let reply = self
            .post(
                "/api/v1/auth/login",
                json!({"email": email, "password": password}),
                None,
            )
            .await
            .expect(200);
        session_from(&reply.body)
    }
}

pub fn session_from(body: &Value) -> Session {
    Session {
        user_id: body["user"]["id"].as_str().expect("user id").to_string(),
        email: body["user"]["email"].as_str().expect("email").to_string(),
        access_token: body["access_token"]
            .as_str()
            .expect("access token")
            .to_string(),
        refresh_token: body["refresh_token"]
            .as_str()
            .expect("refresh token")
            .to_string(),
    }
}

/// Reads the .eml files lettre's file transport wrote, oldest first (by Message-ID, which is the
/// time-ordered outbox id; file times are too coarse).
pub fn read_emails(dir: &std::path::Path) -> Vec<SentEmail> {
    try_read_emails(dir).expect("every email in the folder is parsable")
}

/// Like `read_emails`, but `None` while a file in the folder does not parse yet: a test polling a
/// running server's mail folder can catch a file the transport is still writing.
pub fn try_read_emails(dir: &std::path::Path) -> Option<Vec<SentEmail>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Some(Vec::new());
    };
    let mut emails: Vec<(String, SentEmail)> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
        .map(|path| {
            let raw = std::fs::read(&path).ok()?;
            let message = mail_parser::MessageParser::default().parse(&raw)?;
            let id = message.message_id().unwrap_or_default().to_string();
            Some((
                id,
                SentEmail {
                    to: message
                        .to()
                        .and_then(|to| to.first())
                        .and_then(|addr| addr.address())
                        .unwrap_or_default()
                        .to_string(),
                    subject: message.subject().unwrap_or_default().to_string(),
                    text: message.body_text(0).unwrap_or_default().to_string(),
                    html: message.body_html(0).unwrap_or_default().to_string(),
                    list_unsubscribe: message
                        .header_raw("List-Unsubscribe")
                        .map(|value| value.trim().to_string()),
                    list_unsubscribe_post: message
                        .header_raw("List-Unsubscribe-Post")
                        .map(|value| value.trim().to_string()),
                },
            ))
        })
        .collect::<Option<_>>()?;
    emails.sort_by(|a, b| a.0.cmp(&b.0));
    Some(emails.into_iter().map(|(_, email)| email).collect())
}
