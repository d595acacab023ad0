-- What each person wants to hear about by email. No row: the defaults (sign-up alerts at once,
-- reminders on, no weekly digest, message emails on).
CREATE TABLE notification_settings (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    signup_alerts TEXT NOT NULL,
    reminders BOOLEAN NOT NULL,
    weekly_digest BOOLEAN NOT NULL,
    message_emails BOOLEAN NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- The secret in a one-click unsubscribe link (RFC 8058): one per person and topic.
CREATE TABLE unsubscribe_tokens (
    token TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, topic)
);

-- Scheduled emails already sent (a reminder per occurrence and person, a digest per person and
-- day or week), so a restart or a second server never sends one twice.
CREATE TABLE notifications_sent (
    key TEXT PRIMARY KEY NOT NULL,
    sent_at TIMESTAMP NOT NULL
);

-- The one-click unsubscribe URL of a queued email, for its List-Unsubscribe header.
ALTER TABLE outbox ADD COLUMN list_unsubscribe TEXT;
