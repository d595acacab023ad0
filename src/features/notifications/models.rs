//! Rows of the notification tables.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::ids::UserId;
use crate::db::schema::{notification_settings, unsubscribe_tokens};
use crate::text_enum;

text_enum!(
    /// When an organisation's member hears of new sign-ups.
    SignupAlerts {
        Immediately => "immediately",
        Daily => "daily",
        Off => "off",
    }
);

text_enum!(
    /// A kind of email one can unsubscribe from.
    Topic {
        SignupAlerts => "signup_alerts",
        Reminders => "reminders",
        WeeklyDigest => "weekly_digest",
        Messages => "messages",
    }
);

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = notification_settings)]
pub struct NotificationSettings {
    pub user_id: UserId,
    pub signup_alerts: SignupAlerts,
    pub reminders: bool,
    pub weekly_digest: bool,
    pub message_emails: bool,
    pub updated_at: NaiveDateTime,
}

impl NotificationSettings {
    /// What someone gets who never changed anything.
    pub fn defaults(user_id: UserId, now: NaiveDateTime) -> Self {
        Self {
            user_id,
            signup_alerts: SignupAlerts::Immediately,
            reminders: true,
            weekly_digest: false,
            message_emails: true,
            updated_at: now,
        }
    }

    /// Whether this person wants emails of this topic (new sign-ups: at once).
    pub fn wants(&self, topic: Topic) -> bool {
        match topic {
            Topic::SignupAlerts => self.signup_alerts == SignupAlerts::Immediately,
            Topic::Reminders => self.reminders,
            Topic::WeeklyDigest => self.weekly_digest,
            Topic::Messages => self.message_emails,
        }
    }

    /// Turns a topic off, as a one-click unsubscribe does.
    pub fn turn_off(&mut self, topic: Topic) {
        match topic {
            Topic::SignupAlerts => self.signup_alerts = SignupAlerts::Off,
            Topic::Reminders => self.reminders = false,
            Topic::WeeklyDigest => self.weekly_digest = false,
            Topic::Messages => self.message_emails = false,
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = unsubscribe_tokens)]
pub struct UnsubscribeToken {
    pub token: String,
    pub user_id: UserId,
    pub topic: Topic,
    pub created_at: NaiveDateTime,
}
