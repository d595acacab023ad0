//! Diesel's view of the tables. Kept by hand in step with migrations/ (both backends share it);
//! the parity tests load every table on both backends.

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        password_hash -> Text,
        locale -> Text,
        email_verified -> Bool,
        tokens_valid_after -> Timestamp,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    user_roles (user_id, role) {
        user_id -> Text,
        role -> Text,
        granted_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        revoke_reason -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        session_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    one_time_tokens (id) {
        id -> Text,
        user_id -> Text,
        purpose -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        created_at -> Timestamp,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        list_unsubscribe -> Nullable<Text>,
    }
}

diesel::table! {
    notification_settings (user_id) {
        user_id -> Text,
        signup_alerts -> Text,
        reminders -> Bool,
        weekly_digest -> Bool,
        message_emails -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    unsubscribe_tokens (token) {
        token -> Text,
        user_id -> Text,
        topic -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    notifications_sent (key) {
        key -> Text,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    districts (id) {
        id -> Text,
        parent_id -> Nullable<Text>,
        kind -> Text,
        name -> Text,
        code -> Nullable<Text>,
        retired -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    tags (id) {
        id -> Text,
        kind -> Text,
        key -> Text,
        label_nl -> Text,
        label_en -> Text,
        retired -> Bool,
        created_at -> Timestamp,
    }
}

diesel::table! {
    organisations (id) {
        id -> Text,
        name -> Text,
        kind -> Text,
        description -> Text,
        contact_email -> Text,
        contact_phone -> Nullable<Text>,
        website -> Nullable<Text>,
        status -> Text,
        rejection_reason -> Nullable<Text>,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    organisation_districts (organisation_id, district_id) {
        organisation_id -> Text,
        district_id -> Text,
    }
}

diesel::table! {
    organisation_members (organisation_id, user_id) {
        organisation_id -> Text,
        user_id -> Text,
        role -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    offers (id) {
        id -> Text,
        organisation_id -> Text,
        district_id -> Text,
        kind -> Text,
        title -> Text,
        description -> Text,
        address -> Text,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        start_date -> Nullable<Text>,
        end_date -> Nullable<Text>,
        capacity -> Integer,
        accepted_places -> Integer,
        auto_accept -> Bool,
        guidance -> Text,
        dutch_level -> Text,
        language_buddy -> Bool,
        min_age -> Nullable<Integer>,
        companion_allowed -> Bool,
        route -> Text,
        programme -> Nullable<Text>,
        status -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_title -> Text,
        search_text -> Text,
    }
}

diesel::table! {
    offer_tags (offer_id, tag_id) {
        offer_id -> Text,
        tag_id -> Text,
    }
}

diesel::table! {
    offer_slots (id) {
        id -> Text,
        offer_id -> Text,
        weekday -> Integer,
        start_time -> Text,
        end_time -> Text,
    }
}

diesel::table! {
    calendar_feeds (user_id) {
        user_id -> Text,
        token -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    conversation_messages (id) {
        id -> Text,
        signup_id -> Nullable<Text>,
        referral_id -> Nullable<Text>,
        author_id -> Text,
        author_side -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    occurrence_cancellations (id) {
        id -> Text,
        offer_id -> Text,
        starts_at -> Timestamp,
        reason -> Text,
        cancelled_by -> Text,
        cancelled_at -> Timestamp,
    }
}

diesel::table! {
    offer_sessions (id) {
        id -> Text,
        offer_id -> Text,
        starts_at -> Timestamp,
        ends_at -> Timestamp,
    }
}

diesel::table! {
    signups (id) {
        id -> Text,
        offer_id -> Text,
        resident_id -> Text,
        status -> Text,
        message -> Nullable<Text>,
        with_companion -> Bool,
        places -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        referral_id -> Nullable<Text>,
        referral_note -> Nullable<Text>,
    }
}

diesel::table! {
    catalog_state (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    catalog_changes (id) {
        id -> Text,
        version -> BigInt,
        offer_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        what -> Text,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    resident_profiles (user_id) {
        user_id -> Text,
        district_id -> Nullable<Text>,
        birth_year -> Nullable<Integer>,
        dutch_level -> Text,
        guidance_needed -> Text,
        max_travel -> Text,
        share_with_workers -> Bool,
        consent_changed_at -> Nullable<Timestamp>,
        share_email -> Bool,
        share_phone -> Bool,
        phone -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    profile_tags (user_id, tag_id) {
        user_id -> Text,
        tag_id -> Text,
    }
}

diesel::table! {
    profile_availability (id) {
        id -> Text,
        user_id -> Text,
        weekday -> Integer,
        start_time -> Text,
        end_time -> Text,
    }
}

diesel::table! {
    worker_districts (worker_id, district_id) {
        worker_id -> Text,
        district_id -> Text,
        assigned_at -> Timestamp,
    }
}

diesel::table! {
    access_log (id) {
        id -> Text,
        resident_id -> Text,
        worker_id -> Text,
        worker_display_name -> Text,
        what -> Text,
        at -> Timestamp,
    }
}

diesel::table! {
    referrals (id) {
        id -> Text,
        worker_id -> Text,
        resident_id -> Text,
        offer_id -> Text,
        note -> Nullable<Text>,
        status -> Text,
        share_note -> Bool,
        decline_reason -> Nullable<Text>,
        signup_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        outcome -> Nullable<Text>,
        outcome_reason -> Nullable<Text>,
        closed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    referral_notes (id) {
        id -> Text,
        referral_id -> Text,
        worker_id -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    referral_progress (referral_id) {
        referral_id -> Text,
        started_at -> Nullable<Timestamp>,
        week_4_at -> Nullable<Timestamp>,
        week_12_at -> Nullable<Timestamp>,
        missed_in_a_row -> Integer,
        missed_since -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    monitor_cells (indicator, period, district_id) {
        indicator -> Text,
        period -> Text,
        district_id -> Text,
        value -> BigInt,
        residents -> BigInt,
    }
}

diesel::table! {
    monitor_periods (period) {
        period -> Text,
        computed_at -> Timestamp,
        stale_since -> Nullable<Timestamp>,
    }
}

diesel::table! {
    attendance (signup_id, starts_at) {
        signup_id -> Text,
        starts_at -> Timestamp,
        offer_id -> Text,
        resident_id -> Text,
        status -> Text,
        companion_present -> Nullable<Bool>,
        minutes -> Integer,
        minutes_set -> Bool,
        recorded_by -> Text,
        recorded_at -> Timestamp,
    }
}

diesel::table! {
    attendance_monthly (offer_id, month) {
        offer_id -> Text,
        month -> Text,
        present -> Integer,
        absent -> Integer,
        excused -> Integer,
        minutes -> BigInt,
        residents -> Integer,
        residents_present -> Integer,
    }
}

diesel::table! {
    participation_statements (code) {
        code -> Text,
        resident_id -> Text,
        from_day -> Text,
        to_day -> Text,
        lang -> Text,
        figures -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    attendance_changes (id) {
        id -> Text,
        signup_id -> Text,
        starts_at -> Timestamp,
        status -> Text,
        companion_present -> Nullable<Bool>,
        minutes -> Integer,
        changed_by -> Text,
        changed_at -> Timestamp,
    }
}

diesel::joinable!(user_roles -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(one_time_tokens -> users (user_id));

diesel::joinable!(organisation_districts -> organisations (organisation_id));
diesel::joinable!(organisation_districts -> districts (district_id));
diesel::joinable!(organisation_members -> organisations (organisation_id));
diesel::joinable!(organisation_members -> users (user_id));
diesel::joinable!(offers -> organisations (organisation_id));
diesel::joinable!(offers -> districts (district_id));
diesel::joinable!(offer_tags -> offers (offer_id));
diesel::joinable!(offer_tags -> tags (tag_id));
diesel::joinable!(offer_slots -> offers (offer_id));
diesel::joinable!(offer_sessions -> offers (offer_id));
diesel::joinable!(occurrence_cancellations -> offers (offer_id));
diesel::joinable!(calendar_feeds -> users (user_id));
diesel::joinable!(notification_settings -> users (user_id));
diesel::joinable!(unsubscribe_tokens -> users (user_id));
diesel::joinable!(conversation_messages -> users (author_id));
diesel::joinable!(conversation_messages -> signups (signup_id));
diesel::joinable!(conversation_messages -> referrals (referral_id));
diesel::joinable!(signups -> offers (offer_id));
diesel::joinable!(signups -> users (resident_id));
diesel::joinable!(resident_profiles -> users (user_id));
diesel::joinable!(profile_tags -> tags (tag_id));
diesel::joinable!(worker_districts -> districts (district_id));
diesel::joinable!(referrals -> offers (offer_id));
diesel::joinable!(attendance -> signups (signup_id));
diesel::joinable!(attendance -> offers (offer_id));
diesel::joinable!(attendance_monthly -> offers (offer_id));
diesel::joinable!(referral_notes -> referrals (referral_id));
diesel::joinable!(referral_progress -> referrals (referral_id));
diesel::joinable!(monitor_cells -> districts (district_id));

diesel::allow_tables_to_appear_in_same_query!(
    users,
    attendance,
    attendance_changes,
    attendance_monthly,
    participation_statements,
    referral_notes,
    referral_progress,
    monitor_cells,
    monitor_periods,
    notification_settings,
    unsubscribe_tokens,
    notifications_sent,
    conversation_messages,
    user_roles,
    sessions,
    refresh_tokens,
    one_time_tokens,
    outbox,
    districts,
    tags,
    organisations,
    organisation_districts,
    organisation_members,
    offers,
    offer_tags,
    offer_slots,
    offer_sessions,
    occurrence_cancellations,
    signups,
    catalog_state,
    catalog_changes,
    resident_profiles,
    profile_tags,
    profile_availability,
    worker_districts,
    access_log,
    referrals,
);
