//! Wire types of notification settings and unsubscribing.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::models::{NotificationSettings, SignupAlerts, Topic};

/// What the signed-in person hears about by email.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationSettingsBody {
    /// For organisation members: an email per new sign-up (`immediately`, the default), one a day
    /// (`daily`, at 08:00) or none (`off`).
    pub signup_alerts: SignupAlerts,
    /// A reminder the day before each meeting one has a place for (on by default).
    pub reminders: bool,
    /// On Mondays, new offers that fit one's profile (off by default).
    pub weekly_digest: bool,
    /// An email when someone writes in one's conversations (on by default).
    pub message_emails: bool,
}

impl From<NotificationSettings> for NotificationSettingsBody {
    fn from(settings: NotificationSettings) -> Self {
        Self {
            signup_alerts: settings.signup_alerts,
            reminders: settings.reminders,
            weekly_digest: settings.weekly_digest,
            message_emails: settings.message_emails,
        }
    }
}

/// What an unsubscribe link stops.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnsubscribeResponse {
    pub topic: Topic,
    /// Whether that kind of email is off now.
    pub unsubscribed: bool,
}
