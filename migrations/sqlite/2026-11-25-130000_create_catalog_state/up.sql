-- One counter that every change to the public catalog (offers, their places, organisations,
-- districts, tags) increments in its own transaction. Servers compare it to drop cached lists.
CREATE TABLE catalog_state (
    id INTEGER PRIMARY KEY NOT NULL,
    version BIGINT NOT NULL
);
INSERT INTO catalog_state (id, version) VALUES (1, 0);
