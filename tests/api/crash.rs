//! Crash safety of the outbox with the real binary: kill -9 the server between a registration and
//! the delivery of its email, start it again, and the email still goes out.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;

use crate::common::{Backend, TEST_PASSWORD, TestDb, read_emails, try_read_emails};
use crate::on_both_backends;

on_both_backends!(email_survives_a_killed_server);

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start_server(database_url: &str, data_dir: &Path, port: u16, deliver: bool) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_meedoen"));
    command
        .arg("serve")
        .env(
            "MEEDOEN_CONFIG_DIR",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("config"),
        )
        .env("MEEDOEN__DATABASE__URL", database_url)
        .env("MEEDOEN__SERVER__PORT", port.to_string())
        .env("MEEDOEN__APP__DATA_DIR", data_dir)
        .env("MEEDOEN__APP__STATIC_DIR", data_dir.join("no-spa"))
        .env("MEEDOEN__MAIL__DIR", data_dir.join("mail"))
        .env("MEEDOEN__MAIL__POLL_INTERVAL_SECS", "1")
        .env("MEEDOEN__LOG__LEVEL", "warn")
        .env_remove("DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
        .env("MEEDOEN__MAIL__TRANSPORT", "file")
        .env("MEEDOEN__MAIL__DELIVER", deliver.to_string());
    command.spawn().expect("the meedoen binary starts")
}

async fn wait_until_ready(client: &awc::Client, port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(response) = client
            .get(format!("http://127.0.0.1:{port}/readyz"))
            .send()
            .await
            && response.status().is_success()
        {
            return;
        }
        assert!(Instant::now() < deadline, "server did not become ready");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn email_survives_a_killed_server(backend: Backend) {
    let db = TestDb::create(backend).await;
    let data = tempfile::tempdir().unwrap();
    let client = awc::Client::default();

    // First run: the process dies after the registration committed and before its email went out
    // (delivery is held so the kill reliably lands in between).
    let port = free_port();
    let mut server = start_server(&db.url, data.path(), port, false);
    wait_until_ready(&client, port).await;
    let response = client
        .post(format!("http://127.0.0.1:{port}/api/v1/auth/register"))
        .send_json(&json!({"email": "overleef@example.nl", "password": TEST_PASSWORD, "display_name": "Overleef"}))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 202);
    server.kill().unwrap(); // SIGKILL: no shutdown code runs
    server.wait().unwrap();
    assert!(read_emails(&data.path().join("mail")).is_empty());

    // Second run, delivering: the email queued before the crash goes out.
    let port = free_port();
    let mut server = start_server(&db.url, data.path(), port, true);
    wait_until_ready(&client, port).await;
    // Poll until the email is there in full: the transport may be writing the file as we read.
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        let complete = try_read_emails(&data.path().join("mail")).is_some_and(|emails| {
            emails
                .iter()
                .any(|email| email.text.contains("/verify-email?token="))
        });
        if complete {
            break;
        }
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let emails = read_emails(&data.path().join("mail"));
    assert_eq!(
        emails.len(),
        1,
        "the email queued before the crash was delivered after the restart"
    );
    assert_eq!(emails[0].to, "overleef@example.nl");
    assert!(emails[0].text.contains("/verify-email?token="));
}
