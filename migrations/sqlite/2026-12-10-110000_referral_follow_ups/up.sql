-- How a referral ended, in the worker's word (`completed`, or `stopped` with a reason from a short
-- list) and when they closed it. `never_started` is not stored: it follows from attendance.
ALTER TABLE referrals ADD COLUMN outcome TEXT CHECK (outcome IN ('completed', 'stopped'));
ALTER TABLE referrals ADD COLUMN outcome_reason TEXT
    CHECK (outcome_reason IN ('health', 'not_a_fit', 'times', 'travel', 'found_work', 'moved', 'other'));
ALTER TABLE referrals ADD COLUMN closed_at TIMESTAMP;

-- The referring worker's short follow-up notes on a referral.
CREATE TABLE referral_notes (
    id TEXT PRIMARY KEY NOT NULL,
    referral_id TEXT NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    worker_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX referral_notes_by_referral ON referral_notes (referral_id, created_at);
