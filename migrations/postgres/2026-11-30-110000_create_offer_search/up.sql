-- Search: the title and the whole text of each offer, lower-cased and without accents (made in
-- Rust, so both databases compare the same text), with a trigram index that serves
-- `LIKE '%word%'` ("tuin" finds "moestuin"). pg_trgm is a trusted extension (PostgreSQL 13+):
-- the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE offers ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE INDEX offers_search_text_trgm ON offers USING gin (search_text gin_trgm_ops);
