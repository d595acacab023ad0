-- The change log also names residents whose matching inputs changed (profile, sign-ups, open
-- proposals), so every server process can drop just their kept recommendation inputs. The log
-- only holds the last minutes of changes: it is made anew, and a poller that finds versions
-- missing starts afresh.
DROP TABLE catalog_changes;
CREATE TABLE catalog_changes (
    id TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL,
    offer_id TEXT,
    resident_id TEXT,
    what TEXT NOT NULL CHECK (what IN ('content', 'places', 'reference', 'resident')),
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX catalog_changes_version ON catalog_changes (version);
CREATE INDEX catalog_changes_changed_at ON catalog_changes (changed_at);
