//! Notification settings, one-click unsubscribing, and the emails that depend on them.

use chrono::NaiveDateTime;

use super::dto::*;
use super::models::{NotificationSettings, Topic, UnsubscribeToken};
use super::repo;
use crate::auth::{AuthUser, tokens};
use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::tx::Tx;
use crate::error::AppError;
use crate::features::offers::models::Offer;
use crate::features::organisations;
use crate::locale::Locale;
use crate::mail::outbox;
use crate::mail::templates::{Email, RenderedEmail};
use crate::state::AppState;

/// The person's settings, the defaults where they never changed anything.
pub fn settings(
    conn: &mut DbConn,
    user: &UserId,
    now: NaiveDateTime,
) -> Result<NotificationSettings, AppError> {
    Ok(repo::settings(conn, user)?
        .unwrap_or_else(|| NotificationSettings::defaults(user.clone(), now)))
}

pub async fn mine(state: &AppState, user: AuthUser) -> Result<NotificationSettingsBody, AppError> {
    let now = state.clock.now_naive();
    state
        .db
        .run(move |conn| Ok(settings(conn, &user.id, now)?.into()))
        .await
}

pub async fn change_mine(
    state: &AppState,
    user: AuthUser,
    body: NotificationSettingsBody,
) -> Result<NotificationSettingsBody, AppError> {
    let now = state.clock.now_naive();
    let settings = NotificationSettings {
        user_id: user.id,
        signup_alerts: body.signup_alerts,
        reminders: body.reminders,
        weekly_digest: body.weekly_digest,
        message_emails: body.message_emails,
        updated_at: now,
    };
    state
        .write(move |conn| {
            repo::save(conn, &settings)?;
            Ok(settings.into())
        })
        .await
}

/// The one-click unsubscribe URL for this person and topic (made on first use, then the same).
/// It points at the API, which mail clients POST to (RFC 8058); the web app's page with the same
/// token does the same for people who click the link in the text.
pub fn unsubscribe_url(
    conn: &mut DbConn,
    user: &UserId,
    topic: Topic,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<String, AppError> {
    let token = match repo::token_of(conn, user, topic)? {
        Some(token) => token,
        None => {
            let token = UnsubscribeToken {
                token: tokens::generate(),
                user_id: user.clone(),
                topic,
                created_at: now,
            };
            repo::insert_token(conn, &token)?;
            token.token
        }
    };
    Ok(format!(
        "{}/api/v1/unsubscribe/{token}",
        public_url.trim_end_matches('/')
    ))
}

/// Queues a notification with its way out, if the person wants this topic at all.
#[allow(clippy::too_many_arguments)]
pub fn send(
    conn: &mut Tx,
    user: &UserId,
    address: &str,
    locale: Locale,
    topic: Topic,
    email: RenderedEmail,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<bool, AppError> {
    if !settings(conn, user, now)?.wants(topic) {
        return Ok(false);
    }
    queue(conn, user, address, locale, topic, email, now, public_url)?;
    Ok(true)
}

/// Queues a notification with its one-click way out of `topic`, whatever the settings say: for
/// callers that decided already (the daily digest goes to those who chose it instead of single
/// alerts).
#[allow(clippy::too_many_arguments)]
pub fn queue(
    conn: &mut Tx,
    user: &UserId,
    address: &str,
    locale: Locale,
    topic: Topic,
    email: RenderedEmail,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<(), AppError> {
    let url = unsubscribe_url(conn, user, topic, now, public_url)?;
    outbox::enqueue(conn, now, address, &email.with_unsubscribe(url, locale))?;
    Ok(())
}

/// What an unsubscribe link would stop; 404 for a token that is not one.
pub async fn topic_of(state: &AppState, token: String) -> Result<UnsubscribeResponse, AppError> {
    let now = state.clock.now_naive();
    state
        .db
        .run(move |conn| {
            let found = repo::by_token(conn, &token)?.ok_or(AppError::NotFound)?;
            let unsubscribed = !settings(conn, &found.user_id, now)?.wants(found.topic);
            Ok(UnsubscribeResponse {
                topic: found.topic,
                unsubscribed,
            })
        })
        .await
}

/// One click: that kind of email stops. Repeating it changes nothing; a tampered token is 404.
pub async fn unsubscribe(state: &AppState, token: String) -> Result<UnsubscribeResponse, AppError> {
    let now = state.clock.now_naive();
    state
        .write(move |conn| {
            let found = repo::by_token(conn, &token)?.ok_or(AppError::NotFound)?;
            let mut settings = settings(conn, &found.user_id, now)?;
            settings.turn_off(found.topic);
            settings.updated_at = now;
            repo::save(conn, &settings)?;
            Ok(UnsubscribeResponse {
                topic: found.topic,
                unsubscribed: true,
            })
        })
        .await
}

/// Tells the organisation's members who want it at once that someone signed up.
pub fn tell_members_of_signup(
    conn: &mut Tx,
    offer: &Offer,
    resident_name: &str,
    status: &str,
    now: NaiveDateTime,
    public_url: &str,
) -> Result<(), AppError> {
    let link = format!(
        "{}/organisation/offers/{}/signups",
        public_url.trim_end_matches('/'),
        offer.id
    );
    for (member, address, name, locale) in
        organisations::service::member_contacts(conn, &offer.organisation_id)?
    {
        let locale = Locale::from_db(&locale);
        let email = Email::NewSignup {
            name: &name,
            resident: resident_name,
            offer: &offer.details.title,
            status,
            link: &link,
        }
        .render(locale);
        send(
            conn,
            &member,
            &address,
            locale,
            Topic::SignupAlerts,
            email,
            now,
            public_url,
        )?;
    }
    Ok(())
}
