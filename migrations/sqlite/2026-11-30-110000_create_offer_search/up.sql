-- Search: the title and the whole text of each offer, lower-cased and without accents (made in
-- Rust, so both databases compare the same text), indexed by an FTS5 trigram table that finds any
-- part of a word ("tuin" finds "moestuin"). The index is contentless and keyed by the offers'
-- rowids, so a search hands back rowids without reading any text; triggers keep it in step, and
-- each server rebuilds it when it starts (VACUUM may renumber the rowids of a table whose key is
-- not an INTEGER PRIMARY KEY).
ALTER TABLE offers ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE offers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

CREATE VIRTUAL TABLE offers_fts USING fts5(
    search_text,
    content = '',
    contentless_delete = 1,
    tokenize = 'trigram'
);

CREATE TRIGGER offers_fts_insert AFTER INSERT ON offers BEGIN
    INSERT INTO offers_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE TRIGGER offers_fts_update AFTER UPDATE OF search_text ON offers BEGIN
    DELETE FROM offers_fts WHERE rowid = old.rowid;
    INSERT INTO offers_fts (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE TRIGGER offers_fts_delete AFTER DELETE ON offers BEGIN
    DELETE FROM offers_fts WHERE rowid = old.rowid;
END;
