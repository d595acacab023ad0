-- Catalog versions come from a sequence instead of the catalog_state row: the row's lock, held
-- from taking a version until commit, queued every write that changes the catalog (each sign-up)
-- behind the one before it. With a sequence, versions no longer commit in order, so pollers read
-- the log by transaction instead: a row is read once every transaction with a lower id has ended
-- (below the oldest running transaction, `pg_snapshot_xmin`), so none can still appear below it.
-- Versions of one offer still commit in order: a write takes its version while it holds the
-- offer's row lock (docs/architecture.md).
CREATE SEQUENCE catalog_version_seq;
SELECT setval('catalog_version_seq', GREATEST((SELECT version FROM catalog_state WHERE id = 1), 1));
ALTER TABLE catalog_changes
    ADD COLUMN txid BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint);
CREATE INDEX catalog_changes_txid ON catalog_changes (txid);
