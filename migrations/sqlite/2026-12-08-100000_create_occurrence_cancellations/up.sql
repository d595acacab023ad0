-- An occurrence of an offer (a weekly slot on a date, or a dated session) is not stored: its id is
-- made from the offer and its start. Only a cancellation is stored, with its reason.
CREATE TABLE occurrence_cancellations (
    id TEXT PRIMARY KEY NOT NULL,
    offer_id TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    reason TEXT NOT NULL,
    cancelled_by TEXT NOT NULL REFERENCES users (id),
    cancelled_at TIMESTAMP NOT NULL
);
CREATE INDEX occurrence_cancellations_offer ON occurrence_cancellations (offer_id, starts_at);
