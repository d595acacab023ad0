ALTER TABLE signups DROP COLUMN referral_note;
ALTER TABLE signups DROP COLUMN referral_id;
DROP TABLE referrals;
DROP TABLE access_log;
DROP TABLE worker_districts;
DROP TABLE profile_availability;
DROP TABLE profile_tags;
DROP TABLE resident_profiles;
