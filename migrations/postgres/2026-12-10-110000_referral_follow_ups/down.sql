DROP TABLE referral_notes;
ALTER TABLE referrals DROP COLUMN closed_at;
ALTER TABLE referrals DROP COLUMN outcome_reason;
ALTER TABLE referrals DROP COLUMN outcome;
