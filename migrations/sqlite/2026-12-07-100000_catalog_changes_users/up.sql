-- The change log also names users: residents whose matching inputs changed (profile, sign-ups,
-- open proposals) and accounts whose sign-in state changed (sessions, roles, verification,
-- password), so every server process can drop just what it keeps in memory about them. The log
-- only holds the last minutes of changes: it is made anew, and a poller that finds versions
-- missing starts afresh.
DROP TABLE catalog_changes;
CREATE TABLE catalog_changes (
    id TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL,
    offer_id TEXT,
    user_id TEXT,
    what TEXT NOT NULL CHECK (what IN ('content', 'places', 'reference', 'resident', 'account')),
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX catalog_changes_version ON catalog_changes (version);
CREATE INDEX catalog_changes_changed_at ON catalog_changes (changed_at);
