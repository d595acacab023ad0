DROP TABLE catalog_changes;
