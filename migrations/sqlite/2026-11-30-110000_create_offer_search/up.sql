-- Search: the title and the whole text of each offer, lower-cased and without accents (made in
-- Rust, so both databases compare the same text), indexed by an FTS5 trigram table that finds any
-- part of a word ("tuin" finds "moestuin"). Triggers keep the index in step with the offers.
ALTER TABLE offers ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE offers_fts USING fts5(
    offer_id UNINDEXED,
    search_text,
    tokenize = 'trigram'
);

CREATE TRIGGER offers_fts_insert AFTER INSERT ON offers BEGIN
    INSERT INTO offers_fts (offer_id, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER offers_fts_update AFTER UPDATE OF search_text ON offers BEGIN
    DELETE FROM offers_fts WHERE offer_id = old.id;
    INSERT INTO offers_fts (offer_id, search_text) VALUES (new.id, new.search_text);
END;

CREATE TRIGGER offers_fts_delete AFTER DELETE ON offers BEGIN
    DELETE FROM offers_fts WHERE offer_id = old.id;
END;
