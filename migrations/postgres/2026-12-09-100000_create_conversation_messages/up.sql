-- Messages between a resident and the other side of a sign-up (the organisation's members) or of
-- a referral (the referring worker). Exactly one of signup_id and referral_id is set.
CREATE TABLE conversation_messages (
    id TEXT PRIMARY KEY NOT NULL,
    signup_id TEXT REFERENCES signups (id) ON DELETE CASCADE,
    referral_id TEXT REFERENCES referrals (id) ON DELETE CASCADE,
    author_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    author_side TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CHECK ((signup_id IS NULL) <> (referral_id IS NULL))
);
CREATE INDEX conversation_messages_signup ON conversation_messages (signup_id, id);
CREATE INDEX conversation_messages_referral ON conversation_messages (referral_id, id);
