-- What attendance says about an accepted referral: when each milestone was reached and the run of
-- unexcused absences at the end of the record. Written whenever the sign-up's attendance is, so
-- the worker's follow-ups page reads one row per referral instead of months of records, and the
-- milestones outlive the retention of per-person attendance. A referral without a row has no
-- attendance yet.
CREATE TABLE referral_progress (
    referral_id TEXT PRIMARY KEY NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    started_at TIMESTAMP,
    week_4_at TIMESTAMP,
    week_12_at TIMESTAMP,
    missed_in_a_row INTEGER NOT NULL,
    missed_since TIMESTAMP,
    updated_at TIMESTAMP NOT NULL
);
