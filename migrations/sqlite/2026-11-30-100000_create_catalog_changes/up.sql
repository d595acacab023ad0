-- What each catalog version changed, so every server process can update its caches for just
-- those offers (their content or their free places) instead of dropping everything. Written in
-- the transaction that makes the change, under the version it takes from catalog_state; old rows
-- are pruned by the servers' pollers.
CREATE TABLE catalog_changes (
    id TEXT PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL,
    offer_id TEXT,
    what TEXT NOT NULL CHECK (what IN ('content', 'places', 'reference')),
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX catalog_changes_version ON catalog_changes (version);
CREATE INDEX catalog_changes_changed_at ON catalog_changes (changed_at);
