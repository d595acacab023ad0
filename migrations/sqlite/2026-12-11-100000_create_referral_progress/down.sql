DROP TABLE referral_progress;
