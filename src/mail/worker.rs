//! Delivery of queued email with lettre, with retries and backoff. A crash or an SMTP outage loses
//! nothing: a message leaves the outbox only after its transport accepted it.

use std::path::PathBuf;
use std::time::Duration;

use chrono::{NaiveDateTime, TimeDelta};
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{FileTransport, Message, SmtpTransport, Transport};

use super::outbox::{self, OutboxMessage};
use crate::config::{MailSettings, MailTransportKind};
use crate::error::AppError;
use crate::state::AppState;

/// Messages taken per round; the rest wait for the next one.
const BATCH_SIZE: i64 = 50;
/// How long a claimed message is reserved for the worker that took it.
const LEASE: TimeDelta = TimeDelta::minutes(5);
const FIRST_RETRY: TimeDelta = TimeDelta::seconds(30);
const MAX_RETRY: TimeDelta = TimeDelta::hours(1);

enum Transports {
    File(FileTransport),
    Smtp(Box<SmtpTransport>),
    Log,
}

pub struct Mailer {
    transport: Transports,
    from: Mailbox,
    poll_interval: Duration,
}

impl Mailer {
    pub fn from_settings(settings: &MailSettings) -> Result<Self, String> {
        let from = settings
            .from
            .parse::<Mailbox>()
            .map_err(|e| format!("invalid setting mail.from: {e}"))?;
        let transport = match settings.transport {
            MailTransportKind::File => {
                let dir: PathBuf = settings.dir.clone();
                std::fs::create_dir_all(&dir).map_err(|e| {
                    format!(
                        "invalid setting mail.dir: cannot create {}: {e}",
                        dir.display()
                    )
                })?;
                Transports::File(FileTransport::new(dir))
            }
            MailTransportKind::Smtp => {
                let transport = SmtpTransport::from_url(&settings.smtp_url)
                    .map_err(|e| format!("invalid setting mail.smtp_url: {e}"))?
                    .timeout(Some(Duration::from_secs(10)))
                    .build();
                Transports::Smtp(Box::new(transport))
            }
            MailTransportKind::Log => Transports::Log,
        };
        Ok(Self {
            transport,
            from,
            poll_interval: Duration::from_secs(settings.poll_interval_secs.max(1)),
        })
    }

    /// Hands one message to the transport. Blocking: call it off the async threads.
    fn send(&self, message: &OutboxMessage) -> Result<(), String> {
        let to: Mailbox = message
            .recipient
            .parse()
            .map_err(|e| format!("bad recipient address: {e}"))?;
        // The outbox id as Message-ID: a message sent twice (a crash right after the transport
        // took it) keeps one identity, and ids are time-ordered.
        let message_id = format!("<{}@{}>", message.id, self.from.email.domain());
        let mut builder = Message::builder()
            .message_id(Some(message_id))
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone());
        if let Some(url) = &message.list_unsubscribe {
            // RFC 8058: mail clients offer "unsubscribe" and POST to the URL, no sign-in needed.
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        let email = builder
            .multipart(MultiPart::alternative_plain_html(
                message.body_text.clone(),
                message.body_html.clone(),
            ))
            .map_err(|e| format!("cannot build the message: {e}"))?;
        match &self.transport {
            Transports::File(transport) => transport
                .send(&email)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Transports::Smtp(transport) => transport
                .send(&email)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Transports::Log => {
                // Bodies carry sign-in links, so only the envelope is logged.
                tracing::info!(id = %message.id, subject = %message.subject, "mail (log transport)");
                Ok(())
            }
        }
    }
}

/// Time until the next attempt after `attempts` failed ones: 30 s, 1 min, 2 min … at most 1 h.
pub fn backoff(attempts: i32) -> TimeDelta {
    let exponent = attempts.clamp(0, 16) as u32;
    let delay = FIRST_RETRY * 2i32.pow(exponent.min(12));
    delay.min(MAX_RETRY)
}

/// What one delivery round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    pub failed: usize,
}

/// Delivers every message that is due now. Used by the background worker and by tests.
pub async fn deliver_due(state: &AppState) -> Result<DeliveryReport, AppError> {
    let now = state.clock.now_naive();
    let claimed: Vec<OutboxMessage> = state
        .db
        .run(move |conn| {
            let mut claimed = Vec::new();
            for message in outbox::due(conn, now, BATCH_SIZE)? {
                if outbox::claim(conn, &message, now + LEASE)? {
                    claimed.push(message);
                }
            }
            Ok(claimed)
        })
        .await?;

    let mut report = DeliveryReport::default();
    for message in claimed {
        let mailer = state.mailer.clone();
        let to_send = message.clone();
        let outcome = actix_web::rt::task::spawn_blocking(move || mailer.send(&to_send))
            .await
            .map_err(AppError::internal)?;
        let finished_at: NaiveDateTime = state.clock.now_naive();
        let id = message.id.clone();
        match outcome {
            Ok(()) => {
                state
                    .db
                    .run(move |conn| Ok(outbox::mark_sent(conn, &id, finished_at)?))
                    .await?;
                report.sent += 1;
            }
            Err(error) => {
                tracing::warn!(id = %message.id, attempts = message.attempts + 1, %error, "mail delivery failed; will retry");
                let retry_at = finished_at + backoff(message.attempts);
                state
                    .db
                    .run(move |conn| Ok(outbox::mark_failed(conn, &id, retry_at, &error)?))
                    .await?;
                report.failed += 1;
            }
        }
    }
    Ok(report)
}

/// Starts the delivery loop on the current runtime: a round at start (mail left by a previous run),
/// after every wake-up, and at least once per poll interval.
pub fn spawn(state: AppState) {
    actix_web::rt::spawn(async move {
        loop {
            match deliver_due(&state).await {
                Ok(report) if report.sent + report.failed > 0 => {
                    tracing::info!(sent = report.sent, failed = report.failed, "mail round");
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "mail round failed; will retry"),
            }
            let _ = tokio::time::timeout(state.mailer.poll_interval, state.mail_wakeup.notified())
                .await;
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0), TimeDelta::seconds(30));
        assert_eq!(backoff(1), TimeDelta::seconds(60));
        assert_eq!(backoff(3), TimeDelta::seconds(240));
        assert_eq!(backoff(10), MAX_RETRY);
        assert_eq!(backoff(1000), MAX_RETRY);
    }
}
