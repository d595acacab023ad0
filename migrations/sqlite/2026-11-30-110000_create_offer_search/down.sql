DROP TRIGGER offers_fts_delete;
DROP TRIGGER offers_fts_update;
DROP TRIGGER offers_fts_insert;
DROP TABLE offers_fts;
ALTER TABLE offers DROP COLUMN search_text;
ALTER TABLE offers DROP COLUMN search_title;
