//! Diesel queries for sign-ups.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{Signup, SignupStatus};
use crate::db::DbConn;
use crate::db::ids::{OfferId, OrganisationId, SignupId, UserId};
use crate::db::schema::{offers, signups, users};
use crate::db::tx::Tx;

pub fn insert(conn: &mut Tx, signup: &Signup) -> QueryResult<()> {
    diesel::insert_into(signups::table)
        .values(signup)
        .execute(&mut **conn)?;
    conn.resident_changed(&signup.resident_id);
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &SignupId) -> QueryResult<Option<Signup>> {
    signups::table
        .find(id)
        .select(Signup::as_select())
        .first(conn)
        .optional()
}

/// Moves a sign-up from one status to another; false when it was no longer in `from` (a
/// concurrent change won), so a transition never happens twice.
pub fn transition(
    conn: &mut Tx,
    signup: &Signup,
    from: SignupStatus,
    to: SignupStatus,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        signups::table
            .find(&signup.id)
            .filter(signups::status.eq(from)),
    )
    .set((signups::status.eq(to), signups::updated_at.eq(now)))
    .execute(&mut **conn)?;
    if updated == 1 {
        conn.resident_changed(&signup.resident_id);
    }
    Ok(updated == 1)
}

/// Whether anyone waits for a place on the offer.
pub fn has_waitlist(conn: &mut DbConn, offer_id: &OfferId) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        signups::table
            .filter(signups::offer_id.eq(offer_id))
            .filter(signups::status.eq(SignupStatus::Waitlisted)),
    ))
    .get_result(conn)
}

/// The waitlist of an offer, first come first served.
pub fn waitlist(conn: &mut DbConn, offer_id: &OfferId) -> QueryResult<Vec<Signup>> {
    signups::table
        .filter(signups::offer_id.eq(offer_id))
        .filter(signups::status.eq(SignupStatus::Waitlisted))
        .order((signups::created_at.asc(), signups::id.asc()))
        .select(Signup::as_select())
        .load(conn)
}

/// Places asked for by pending sign-ups (not yet holding a place).
pub fn pending_places(conn: &mut DbConn, offer_id: &OfferId) -> QueryResult<i64> {
    let places: Vec<i32> = signups::table
        .filter(signups::offer_id.eq(offer_id))
        .filter(signups::status.eq(SignupStatus::Pending))
        .select(signups::places)
        .load(conn)?;
    Ok(places.into_iter().map(i64::from).sum())
}

/// An offer's sign-ups with the resident's display name, oldest first.
pub fn list_for_offer(
    conn: &mut DbConn,
    offer_id: &OfferId,
) -> QueryResult<Vec<(Signup, String, String)>> {
    signups::table
        .inner_join(users::table)
        .filter(signups::offer_id.eq(offer_id))
        .order((signups::created_at.asc(), signups::id.asc()))
        .select((Signup::as_select(), users::display_name, users::email))
        .load(conn)
}

/// A page of a resident's sign-ups, newest first.
pub fn list_for_resident(
    conn: &mut DbConn,
    resident_id: &UserId,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<Signup>> {
    let mut query = signups::table
        .filter(signups::resident_id.eq(resident_id))
        .select(Signup::as_select())
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(signups::id.lt(after.to_string()));
    }
    query.order(signups::id.desc()).limit(fetch).load(conn)
}

/// Who and what a status email needs: the resident's address, name and language.
pub fn resident_contact(
    conn: &mut DbConn,
    resident_id: &UserId,
) -> QueryResult<(String, String, String)> {
    users::table
        .find(resident_id)
        .select((users::email, users::display_name, users::locale))
        .first(conn)
}

/// The offers the resident has an accepted place for.
pub fn accepted_offer_ids(conn: &mut DbConn, resident: &UserId) -> QueryResult<Vec<OfferId>> {
    signups::table
        .filter(signups::resident_id.eq(resident))
        .filter(signups::status.eq(SignupStatus::Accepted))
        .select(signups::offer_id)
        .load(conn)
}

/// Email, name and locale of every resident with an accepted sign-up for the offer.
pub fn accepted_signups(conn: &mut DbConn, offer_id: &OfferId) -> QueryResult<Vec<Signup>> {
    signups::table
        .filter(signups::offer_id.eq(offer_id))
        .filter(signups::status.eq(SignupStatus::Accepted))
        .order(signups::id.asc())
        .select(Signup::as_select())
        .load(conn)
}

/// Offers with at least one accepted sign-up: the ones whose meetings get reminders.
pub fn offers_with_accepted(conn: &mut DbConn) -> QueryResult<Vec<OfferId>> {
    signups::table
        .filter(signups::status.eq(SignupStatus::Accepted))
        .select(signups::offer_id)
        .distinct()
        .load(conn)
}

/// Sign-ups made in `[from, to)`: (organisation, offer title, resident's display name, status).
pub fn made_between(
    conn: &mut DbConn,
    from: NaiveDateTime,
    to: NaiveDateTime,
) -> QueryResult<Vec<(OrganisationId, String, String, SignupStatus)>> {
    signups::table
        .inner_join(offers::table)
        .inner_join(users::table)
        .filter(signups::created_at.ge(from))
        .filter(signups::created_at.lt(to))
        .order(signups::id.asc())
        .select((
            offers::organisation_id,
            offers::title,
            users::display_name,
            signups::status,
        ))
        .load(conn)
}

pub fn accepted_contacts(
    conn: &mut DbConn,
    offer_id: &OfferId,
) -> QueryResult<Vec<(String, String, String)>> {
    signups::table
        .inner_join(users::table)
        .filter(signups::offer_id.eq(offer_id))
        .filter(signups::status.eq(SignupStatus::Accepted))
        .select((users::email, users::display_name, users::locale))
        .load(conn)
}

/// (resident, offer) of these residents' pending, accepted and waitlisted sign-ups.
pub fn active_offer_ids(
    conn: &mut DbConn,
    residents: &[UserId],
) -> QueryResult<Vec<(UserId, OfferId)>> {
    // The statuses of `SignupStatus::is_active`, spelt out as `=` comparisons: an `IN` list would
    // make SQLite prepare the statement afresh on every run (see `filter_one_or_many!`).
    let query = signups::table
        .filter(
            signups::status
                .eq(SignupStatus::Pending)
                .or(signups::status.eq(SignupStatus::Accepted))
                .or(signups::status.eq(SignupStatus::Waitlisted)),
        )
        .select((signups::resident_id, signups::offer_id))
        .into_boxed();
    crate::filter_one_or_many!(query, signups::resident_id, residents).load(conn)
}
