DROP TABLE catalog_changes;
CREATE TABLE catalog_changes (
    id TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL,
    offer_id TEXT,
    what TEXT NOT NULL CHECK (what IN ('content', 'places', 'reference')),
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX catalog_changes_version ON catalog_changes (version);
CREATE INDEX catalog_changes_changed_at ON catalog_changes (changed_at);
