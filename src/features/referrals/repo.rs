//! Diesel queries for referrals.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{Referral, ReferralStatus};
use crate::db::DbConn;
use crate::db::ids::{OfferId, ReferralId, SignupId, UserId};
use crate::db::schema::referrals;
use crate::db::tx::Tx;

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
