-- A resident's statement of participation for a period: the figures as they were when it was made
-- (JSON), checkable by anyone with its code until the resident revokes it.
CREATE TABLE participation_statements (
    code TEXT PRIMARY KEY NOT NULL,
    resident_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('nl', 'en')),
    figures TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX participation_statements_by_resident ON participation_statements (resident_id);
