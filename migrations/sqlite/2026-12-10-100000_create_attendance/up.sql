-- Who came to an occurrence: one row per accepted sign-up and occurrence (the offer's id and the
-- occurrence's start name the occurrence, as its id does). `minutes` is the time counted for the
-- person: 0 unless present, else the occurrence's length or what the organisation recorded
-- (`minutes_set`). A resident's own "I can't come" is a row with status `excused` recorded by them.
CREATE TABLE attendance (
    signup_id TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    offer_id TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    resident_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
    companion_present BOOLEAN,
    minutes INTEGER NOT NULL,
    minutes_set BOOLEAN NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (signup_id, starts_at)
);
CREATE INDEX attendance_by_offer ON attendance (offer_id, starts_at);
CREATE INDEX attendance_by_resident ON attendance (resident_id, starts_at);

-- Every change to an attendance row: what it became, who changed it and when.
CREATE TABLE attendance_changes (
    id TEXT PRIMARY KEY NOT NULL,
    signup_id TEXT NOT NULL REFERENCES signups (id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused')),
    companion_present BOOLEAN,
    minutes INTEGER NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
CREATE INDEX attendance_changes_by_row ON attendance_changes (signup_id, starts_at);
