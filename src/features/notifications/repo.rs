//! Diesel queries for notifications.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NotificationSettings, SignupAlerts, Topic, UnsubscribeToken};
use crate::db::DbConn;
use crate::db::ids::UserId;
use crate::db::schema::{notification_settings, notifications_sent, unsubscribe_tokens};

pub fn settings(conn: &mut DbConn, user: &UserId) -> QueryResult<Option<NotificationSettings>> {
    notification_settings::table
        .find(user)
        .select(NotificationSettings::as_select())
        .first(conn)
        .optional()
}

/// Residents who asked for the weekly digest of new offers.
pub fn with_weekly_digest(conn: &mut DbConn) -> QueryResult<Vec<UserId>> {
    notification_settings::table
        .filter(notification_settings::weekly_digest.eq(true))
        .select(notification_settings::user_id)
        .load(conn)
}

/// Members who chose this way of hearing about new sign-ups.
pub fn with_signup_alerts(conn: &mut DbConn, alerts: SignupAlerts) -> QueryResult<Vec<UserId>> {
    notification_settings::table
        .filter(notification_settings::signup_alerts.eq(alerts))
        .select(notification_settings::user_id)
        .load(conn)
}

pub fn save(conn: &mut DbConn, settings: &NotificationSettings) -> QueryResult<()> {
    let updated = diesel::update(notification_settings::table.find(&settings.user_id))
        .set(settings)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(notification_settings::table)
            .values(settings)
            .execute(conn)?;
    }
    Ok(())
}

pub fn token_of(conn: &mut DbConn, user: &UserId, topic: Topic) -> QueryResult<Option<String>> {
    unsubscribe_tokens::table
        .filter(unsubscribe_tokens::user_id.eq(user))
        .filter(unsubscribe_tokens::topic.eq(topic))
        .select(unsubscribe_tokens::token)
        .first(conn)
        .optional()
}

pub fn insert_token(conn: &mut DbConn, token: &UnsubscribeToken) -> QueryResult<()> {
    diesel::insert_into(unsubscribe_tokens::table)
        .values(token)
        .execute(conn)
        .map(|_| ())
}

pub fn by_token(conn: &mut DbConn, token: &str) -> QueryResult<Option<UnsubscribeToken>> {
    unsubscribe_tokens::table
        .find(token)
        .select(UnsubscribeToken::as_select())
        .first(conn)
        .optional()
}

pub fn is_sent(conn: &mut DbConn, key: &str) -> QueryResult<bool> {
    Ok(notifications_sent::table
        .find(key)
        .count()
        .get_result::<i64>(conn)?
        > 0)
}

/// Records that a scheduled email went out; false when it had been already (by this process
/// before a restart, or by another server).
pub fn mark_sent(conn: &mut DbConn, key: &str, now: NaiveDateTime) -> QueryResult<bool> {
    if is_sent(conn, key)? {
        return Ok(false);
    }
    diesel::insert_into(notifications_sent::table)
        .values((
            notifications_sent::key.eq(key),
            notifications_sent::sent_at.eq(now),
        ))
        .execute(conn)?;
    Ok(true)
}
