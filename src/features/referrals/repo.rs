//! Diesel queries for referrals.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::milestones::{Outcome, StopReason};
use super::models::{Referral, ReferralNote, ReferralProgress, ReferralStatus};
use crate::db::DbConn;
use crate::db::ids::{OfferId, ReferralId, SignupId, UserId};
use crate::db::schema::{referral_notes, referral_progress, referrals, signups};
use crate::db::tx::Tx;
use crate::features::signups::models::SignupStatus;

pub fn insert(conn: &mut Tx, referral: &Referral) -> QueryResult<()> {
    diesel::insert_into(referrals::table)
        .values(referral)
        .execute(&mut **conn)?;
    conn.resident_changed(&referral.resident_id);
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &ReferralId) -> QueryResult<Option<Referral>> {
    referrals::table
        .find(id)
        .select(Referral::as_select())
        .first(conn)
        .optional()
}

/// Answers a proposed referral; false when it was answered already.
pub fn answer(
    conn: &mut Tx,
    referral: &Referral,
    status: ReferralStatus,
    share_note: bool,
    decline_reason: Option<&str>,
    signup_id: Option<&SignupId>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        referrals::table
            .find(&referral.id)
            .filter(referrals::status.eq(ReferralStatus::Proposed)),
    )
    .set((
        referrals::status.eq(status),
        referrals::share_note.eq(share_note),
        referrals::decline_reason.eq(decline_reason),
        referrals::signup_id.eq(signup_id),
        referrals::updated_at.eq(now),
    ))
    .execute(&mut **conn)?;
    if updated == 1 {
        conn.resident_changed(&referral.resident_id);
    }
    Ok(updated == 1)
}

pub fn for_resident(conn: &mut DbConn, resident: &UserId) -> QueryResult<Vec<Referral>> {
    referrals::table
        .filter(referrals::resident_id.eq(resident))
        .select(Referral::as_select())
        .order(referrals::id.desc())
        .load(conn)
}

pub fn for_worker(
    conn: &mut DbConn,
    worker: &UserId,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<Referral>> {
    let mut query = referrals::table
        .filter(referrals::worker_id.eq(worker))
        .select(Referral::as_select())
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(referrals::id.lt(after.to_string()));
    }
    query.order(referrals::id.desc()).limit(fetch).load(conn)
}

/// (resident, offer) of the open proposals to these residents.
pub fn open_offer_ids(
    conn: &mut DbConn,
    residents: &[UserId],
) -> QueryResult<Vec<(UserId, OfferId)>> {
    let query = referrals::table
        .filter(referrals::status.eq(ReferralStatus::Proposed))
        .select((referrals::resident_id, referrals::offer_id))
        .into_boxed();
    crate::filter_one_or_many!(query, referrals::resident_id, residents).load(conn)
}

/// (resident, offer) of these residents' accepted referrals.
pub fn accepted_offer_ids(
    conn: &mut DbConn,
    residents: &[UserId],
) -> QueryResult<Vec<(UserId, OfferId)>> {
    let query = referrals::table
        .filter(referrals::status.eq(ReferralStatus::Accepted))
        .select((referrals::resident_id, referrals::offer_id))
        .into_boxed();
    crate::filter_one_or_many!(query, referrals::resident_id, residents).load(conn)
}

/// An open accepted referral with when its sign-up was made (the moment of accepting), the
/// sign-up's status and the progress kept for it.
pub type OpenReferral = (
    Referral,
    NaiveDateTime,
    SignupStatus,
    Option<ReferralProgress>,
);

/// The worker's open accepted referrals, with what a follow-up needs of each.
pub fn open_accepted_with_progress(
    conn: &mut DbConn,
    worker: &UserId,
) -> QueryResult<Vec<OpenReferral>> {
    referrals::table
        .inner_join(signups::table.on(referrals::signup_id.eq(signups::id.nullable())))
        .left_join(referral_progress::table)
        .filter(referrals::worker_id.eq(worker))
        .filter(referrals::status.eq(ReferralStatus::Accepted))
        .filter(referrals::closed_at.is_null())
        .select((
            Referral::as_select(),
            signups::created_at,
            signups::status,
            Option::<ReferralProgress>::as_select(),
        ))
        .order(referrals::id.asc())
        .load(conn)
}

/// The progress kept for a referral, if any.
pub fn progress_of(conn: &mut DbConn, id: &ReferralId) -> QueryResult<Option<ReferralProgress>> {
    referral_progress::table
        .find(id)
        .select(ReferralProgress::as_select())
        .first(conn)
        .optional()
}

/// The accepted referrals behind these sign-ups: (referral, sign-up, when the sign-up was made).
pub fn accepted_of_signups(
    conn: &mut DbConn,
    signup_ids: &[SignupId],
) -> QueryResult<Vec<(ReferralId, SignupId, NaiveDateTime)>> {
    referrals::table
        .inner_join(signups::table.on(referrals::signup_id.eq(signups::id.nullable())))
        .filter(signups::id.eq_any(signup_ids))
        .filter(referrals::status.eq(ReferralStatus::Accepted))
        .select((referrals::id, signups::id, signups::created_at))
        .load(conn)
}

/// Accepted referrals whose sign-up has attendance but no progress kept (attendance written before
/// progress was kept): their sign-ups.
pub fn without_progress(conn: &mut DbConn) -> QueryResult<Vec<SignupId>> {
    use crate::db::schema::attendance;
    referrals::table
        .inner_join(signups::table.on(referrals::signup_id.eq(signups::id.nullable())))
        .left_join(referral_progress::table)
        .filter(referrals::status.eq(ReferralStatus::Accepted))
        .filter(referral_progress::referral_id.is_null())
        .filter(diesel::dsl::exists(
            attendance::table.filter(attendance::signup_id.eq(signups::id)),
        ))
        .select(signups::id)
        .load(conn)
}

/// Replaces the progress kept for these referrals.
pub fn replace_progress(conn: &mut DbConn, rows: &[ReferralProgress]) -> QueryResult<()> {
    let ids: Vec<&ReferralId> = rows.iter().map(|row| &row.referral_id).collect();
    diesel::delete(referral_progress::table.filter(referral_progress::referral_id.eq_any(ids)))
        .execute(conn)?;
    if !rows.is_empty() {
        crate::batch_insert!(conn, referral_progress::table, rows)?;
    }
    Ok(())
}

/// Closes an accepted referral with the worker's outcome; false when it was closed already.
pub fn close(
    conn: &mut DbConn,
    id: &ReferralId,
    outcome: Outcome,
    reason: Option<StopReason>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        referrals::table
            .find(id)
            .filter(referrals::closed_at.is_null()),
    )
    .set((
        referrals::outcome.eq(outcome),
        referrals::outcome_reason.eq(reason),
        referrals::closed_at.eq(now),
        referrals::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

pub fn insert_note(conn: &mut DbConn, note: &ReferralNote) -> QueryResult<()> {
    diesel::insert_into(referral_notes::table)
        .values(note)
        .execute(conn)
        .map(|_| ())
}

/// The notes on these referrals, oldest first.
pub fn notes_of(conn: &mut DbConn, ids: &[ReferralId]) -> QueryResult<Vec<ReferralNote>> {
    referral_notes::table
        .filter(referral_notes::referral_id.eq_any(ids))
        .order(referral_notes::created_at.asc())
        .select(ReferralNote::as_select())
        .load(conn)
}

/// Of these residents, the ones who let workers see them and live in one of `districts`.
pub fn consenting_in(
    conn: &mut DbConn,
    residents: &[UserId],
    districts: &[crate::db::ids::DistrictId],
) -> QueryResult<std::collections::HashSet<UserId>> {
    use crate::db::schema::resident_profiles;
    let mut found = std::collections::HashSet::new();
    for chunk in residents.chunks(500) {
        let ids: Vec<UserId> = resident_profiles::table
            .filter(resident_profiles::user_id.eq_any(chunk))
            .filter(resident_profiles::share_with_workers.eq(true))
            .filter(resident_profiles::district_id.eq_any(districts))
            .select(resident_profiles::user_id)
            .load(conn)?;
        found.extend(ids);
    }
    Ok(found)
}

/// Display names of these users.
pub fn display_names(
    conn: &mut DbConn,
    ids: &[UserId],
) -> QueryResult<std::collections::HashMap<UserId, String>> {
    use crate::db::schema::users;
    let mut names = std::collections::HashMap::new();
    for chunk in ids.chunks(500) {
        let rows: Vec<(UserId, String)> = users::table
            .filter(users::id.eq_any(chunk))
            .select((users::id, users::display_name))
            .load(conn)?;
        names.extend(rows);
    }
    Ok(names)
}
