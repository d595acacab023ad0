-- PostgreSQL takes catalog versions from a sequence from here on (see its migration). SQLite commits
-- one write at a time, so it keeps counting them in catalog_state: nothing changes here.
SELECT 1;
