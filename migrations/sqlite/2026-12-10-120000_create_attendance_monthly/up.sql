-- Anonymous monthly totals per offer: what per-person attendance becomes once it is older than the
-- retention period (attendance.retention_months). A month is folded at once, so its distinct
-- counts are exact; no row says who.
CREATE TABLE attendance_monthly (
    offer_id TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    present INTEGER NOT NULL,
    absent INTEGER NOT NULL,
    excused INTEGER NOT NULL,
    minutes BIGINT NOT NULL,
    residents INTEGER NOT NULL,
    residents_present INTEGER NOT NULL,
    PRIMARY KEY (offer_id, month)
);
