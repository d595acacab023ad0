//! The outbox: mail is queued with the change that causes it and retried until it goes out.

use diesel::prelude::*;
use meedoen::config::MailTransportKind;
use meedoen::db::schema::outbox;
use serde_json::json;

use crate::common::{Backend, TEST_PASSWORD, TestApp};
use crate::on_both_backends;

on_both_backends!(smtp_outage_loses_nothing);

async fn smtp_outage_loses_nothing(backend: Backend) {
    // An SMTP server that is not there: every attempt fails.
    let app = TestApp::builder(backend)
        .configure(|settings| {
            settings.mail.transport = MailTransportKind::Smtp;
            settings.mail.smtp_url = "smtp://127.0.0.1:1".into();
        })
        .build()
        .await;
    app.post(
        "/api/v1/auth/register",
        json!({"email": "geduld@example.nl", "password": TEST_PASSWORD, "display_name": "Geduld"}),
        None,
    )
    .await
    .expect(202);
    let report = meedoen::mail::worker::deliver_due(&app.state)
        .await
        .unwrap();
    assert_eq!((report.sent, report.failed), (0, 1));
    // Not due again until the backoff has passed.
    let report = meedoen::mail::worker::deliver_due(&app.state)
        .await
        .unwrap();
    assert_eq!((report.sent, report.failed), (0, 0));

    let mut conn = app.db.connect();
    let (attempts, sent_at, last_error): (i32, Option<chrono::NaiveDateTime>, Option<String>) =
        outbox::table
            .select((outbox::attempts, outbox::sent_at, outbox::last_error))
            .first(&mut conn)
            .unwrap();
    assert_eq!(attempts, 1);
    assert!(sent_at.is_none());
    assert!(last_error.is_some());

    // After the backoff the next attempt happens (and fails again while SMTP is still down).
    app.advance(chrono::TimeDelta::seconds(31));
    let report = meedoen::mail::worker::deliver_due(&app.state)
        .await
        .unwrap();
    assert_eq!(report.failed, 1);
    let attempts: i32 = outbox::table
        .select(outbox::attempts)
        .first(&mut conn)
        .unwrap();
    assert_eq!(attempts, 2);
}
