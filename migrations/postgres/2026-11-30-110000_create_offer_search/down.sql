DROP INDEX offers_search_text_trgm;
ALTER TABLE offers DROP COLUMN search_text;
ALTER TABLE offers DROP COLUMN search_title;
