-- Resident profiles (what people can do, like and want; what they need), neighbourhood workers'
-- districts, the access log residents can read, and referrals (warm handovers).

CREATE TABLE resident_profiles (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    district_id TEXT REFERENCES districts (id),
    birth_year INTEGER,
    dutch_level TEXT NOT NULL CHECK (dutch_level IN ('none', 'A1', 'A2', 'B1', 'B2')),
    guidance_needed TEXT NOT NULL CHECK (guidance_needed IN ('none', 'light', 'intensive')),
    max_travel TEXT NOT NULL CHECK (max_travel IN ('own_district', 'own_area', 'anywhere')),
    -- Consent: workers of the resident's district may see the profile.
    share_with_workers BOOLEAN NOT NULL,
    consent_changed_at TIMESTAMP,
    -- What an organisation sees when the resident signs up, besides the display name.
    share_email BOOLEAN NOT NULL,
    share_phone BOOLEAN NOT NULL,
    phone TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX resident_profiles_district ON resident_profiles (district_id, share_with_workers);

CREATE TABLE profile_tags (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (user_id, tag_id)
);

-- Weekly availability: ISO weekday and local times 'HH:MM'.
CREATE TABLE profile_availability (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL
);
CREATE INDEX profile_availability_user_id ON profile_availability (user_id);

CREATE TABLE worker_districts (
    worker_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    district_id TEXT NOT NULL REFERENCES districts (id),
    assigned_at TIMESTAMP NOT NULL,
    PRIMARY KEY (worker_id, district_id)
);

-- Every read of a resident by a worker. The worker's name is kept as it was, so the log stays
-- readable after the worker leaves.
CREATE TABLE access_log (
    id TEXT PRIMARY KEY NOT NULL,
    resident_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    worker_id TEXT NOT NULL,
    worker_display_name TEXT NOT NULL,
    what TEXT NOT NULL CHECK (what IN ('profile', 'recommendations', 'assignment', 'referral')),
    at TIMESTAMP NOT NULL
);
CREATE INDEX access_log_resident ON access_log (resident_id, id);

CREATE TABLE referrals (
    id TEXT PRIMARY KEY NOT NULL,
    worker_id TEXT NOT NULL REFERENCES users (id),
    resident_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    offer_id TEXT NOT NULL REFERENCES offers (id),
    note TEXT,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'declined')),
    share_note BOOLEAN NOT NULL,
    decline_reason TEXT,
    signup_id TEXT REFERENCES signups (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX referrals_one_open ON referrals (resident_id, offer_id) WHERE status = 'proposed';
CREATE INDEX referrals_worker ON referrals (worker_id, id);
CREATE INDEX referrals_resident ON referrals (resident_id, id);

-- A sign-up that came through a referral carries it, and the worker's note if the resident agreed.
ALTER TABLE signups ADD COLUMN referral_id TEXT;
ALTER TABLE signups ADD COLUMN referral_note TEXT;
