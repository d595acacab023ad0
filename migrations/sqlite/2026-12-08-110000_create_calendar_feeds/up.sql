-- A resident's personal calendar feed: the secret in its URL. Rotating replaces the row.
CREATE TABLE calendar_feeds (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);
