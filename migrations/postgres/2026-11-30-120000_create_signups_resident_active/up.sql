-- A resident's active sign-ups (recommendations leave those offers out) read from the index alone:
-- with (resident_id, id) every sign-up the resident ever made cost a lookup in the table.
CREATE INDEX signups_resident_active ON signups (resident_id, status, offer_id);
