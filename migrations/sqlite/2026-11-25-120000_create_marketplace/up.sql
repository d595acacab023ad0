-- The marketplace: districts, the tag taxonomy, organisations, offers and sign-ups.

-- A tree: municipality → area → district (a district may also hang directly under a municipality).
CREATE TABLE districts (
    id TEXT PRIMARY KEY NOT NULL,
    parent_id TEXT REFERENCES districts (id),
    kind TEXT NOT NULL CHECK (kind IN ('municipality', 'area', 'district')),
    name TEXT NOT NULL,
    code TEXT,
    retired BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX districts_parent_id ON districts (parent_id);

CREATE TABLE tags (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('skill', 'interest', 'goal', 'access', 'language')),
    key TEXT NOT NULL,
    label_nl TEXT NOT NULL,
    label_en TEXT NOT NULL,
    retired BOOLEAN NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (kind, key)
);

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('association', 'sports_club', 'urban_farm', 'welfare', 'care_provider', 'school', 'municipality', 'other')),
    description TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    contact_phone TEXT,
    website TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
    rejection_reason TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX organisations_status ON organisations (status, id);

CREATE TABLE organisation_districts (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    district_id TEXT NOT NULL REFERENCES districts (id),
    PRIMARY KEY (organisation_id, district_id)
);

CREATE TABLE organisation_members (
    organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('owner', 'member')),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (organisation_id, user_id)
);
CREATE INDEX organisation_members_user_id ON organisation_members (user_id);

-- Dates are TEXT 'YYYY-MM-DD' and times of day TEXT 'HH:MM': portable and sortable.
-- accepted_places is guarded by the capacity CHECK and by the conditional update that takes places,
-- so no race can overbook an offer on either backend.
CREATE TABLE offers (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    district_id TEXT NOT NULL REFERENCES districts (id),
    kind TEXT NOT NULL CHECK (kind IN ('volunteer_work', 'urban_farming', 'day_activity', 'course')),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    address TEXT NOT NULL,
    latitude DOUBLE,
    longitude DOUBLE,
    start_date TEXT,
    end_date TEXT,
    capacity INTEGER NOT NULL CHECK (capacity >= 1),
    accepted_places INTEGER NOT NULL CHECK (accepted_places >= 0 AND accepted_places <= capacity),
    auto_accept BOOLEAN NOT NULL,
    guidance TEXT NOT NULL CHECK (guidance IN ('none', 'light', 'intensive')),
    dutch_level TEXT NOT NULL CHECK (dutch_level IN ('none', 'A1', 'A2', 'B1', 'B2')),
    language_buddy BOOLEAN NOT NULL,
    min_age INTEGER,
    companion_allowed BOOLEAN NOT NULL,
    route TEXT NOT NULL CHECK (route IN ('open', 'referral_required')),
    programme TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'closed')),
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX offers_listing ON offers (status, district_id, id);
CREATE INDEX offers_status_id ON offers (status, id);
CREATE INDEX offers_organisation_id ON offers (organisation_id, id);

CREATE TABLE offer_tags (
    offer_id TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (offer_id, tag_id)
);
CREATE INDEX offer_tags_tag_id ON offer_tags (tag_id, offer_id);

-- Weekly slots: ISO weekday 1 (Monday) … 7 (Sunday).
CREATE TABLE offer_slots (
    id TEXT PRIMARY KEY NOT NULL,
    offer_id TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL
);
CREATE INDEX offer_slots_offer_id ON offer_slots (offer_id);
CREATE INDEX offer_slots_weekday ON offer_slots (weekday, offer_id);

CREATE TABLE offer_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    offer_id TEXT NOT NULL REFERENCES offers (id) ON DELETE CASCADE,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL
);
CREATE INDEX offer_sessions_offer_id ON offer_sessions (offer_id);

CREATE TABLE signups (
    id TEXT PRIMARY KEY NOT NULL,
    offer_id TEXT NOT NULL REFERENCES offers (id),
    resident_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'waitlisted', 'declined', 'withdrawn')),
    message TEXT,
    with_companion BOOLEAN NOT NULL,
    places INTEGER NOT NULL CHECK (places BETWEEN 1 AND 2),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
-- One active sign-up per resident per offer, enforced by the database.
CREATE UNIQUE INDEX signups_one_active ON signups (offer_id, resident_id) WHERE status IN ('pending', 'accepted', 'waitlisted');
CREATE INDEX signups_offer_status ON signups (offer_id, status, created_at, id);
CREATE INDEX signups_resident_id ON signups (resident_id, id);
