DROP INDEX catalog_changes_txid;
ALTER TABLE catalog_changes DROP COLUMN txid;
UPDATE catalog_state SET version = GREATEST(version, (SELECT last_value FROM catalog_version_seq)) WHERE id = 1;
DROP SEQUENCE catalog_version_seq;
