//! Diesel queries for organisations, their districts and members.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::*;
use crate::db::DbConn;
use crate::db::ids::{DistrictId, OfferId, OrganisationId, UserId};
use crate::db::schema::{
    offers, organisation_districts, organisation_members, organisations, users,
};
use crate::db::tx::Tx;

pub fn insert(conn: &mut DbConn, organisation: &NewOrganisation) -> QueryResult<()> {
    diesel::insert_into(organisations::table)
        .values(organisation)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConn, id: &OrganisationId) -> QueryResult<Option<Organisation>> {
    organisations::table
        .find(id)
        .select(Organisation::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_name(conn: &mut DbConn, name: &str) -> QueryResult<Option<Organisation>> {
    organisations::table
        .filter(organisations::name.eq(name))
        .select(Organisation::as_select())
        .order(organisations::id.asc())
        .first(conn)
        .optional()
}

/// A page of organisations with the given status, newest first.
pub fn list(
    conn: &mut DbConn,
    status: OrganisationStatus,
    after: Option<&str>,
    fetch: i64,
) -> QueryResult<Vec<Organisation>> {
    let mut query = organisations::table
        .filter(organisations::status.eq(status))
        .select(Organisation::as_select())
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(organisations::id.lt(after.to_string()));
    }
    query
        .order(organisations::id.desc())
        .limit(fetch)
        .load(conn)
}

pub fn update(
    conn: &mut Tx,
    id: &OrganisationId,
    changes: &OrganisationChanges,
) -> QueryResult<()> {
    if changes.name.is_some() {
        // Offers show their organisation's name.
        let shown: Vec<OfferId> = offers::table
            .filter(offers::organisation_id.eq(id))
            .select(offers::id)
            .load(&mut **conn)?;
        for offer in &shown {
            conn.offer_content_changed(offer);
        }
    }
    let conn: &mut DbConn = conn;
    diesel::update(organisations::table.find(id))
        .set(changes)
        .execute(conn)
        .map(|_| ())
}

pub fn set_status(
    conn: &mut DbConn,
    id: &OrganisationId,
    status: OrganisationStatus,
    reason: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(organisations::table.find(id))
        .set((
            organisations::status.eq(status),
            organisations::rejection_reason.eq(reason),
            organisations::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|_| ())
}

pub fn district_ids(conn: &mut DbConn, id: &OrganisationId) -> QueryResult<Vec<DistrictId>> {
    organisation_districts::table
        .filter(organisation_districts::organisation_id.eq(id))
        .select(organisation_districts::district_id)
        .order(organisation_districts::district_id.asc())
        .load(conn)
}

pub fn replace_districts(
    conn: &mut DbConn,
    id: &OrganisationId,
    district_ids: &[DistrictId],
) -> QueryResult<()> {
    let rows: Vec<NewOrganisationDistrict> = district_ids
        .iter()
        .map(|district_id| NewOrganisationDistrict {
            organisation_id: id,
            district_id,
        })
        .collect();
    crate::replace_children!(
        conn,
        organisation_districts::table,
        organisation_districts::organisation_id,
        id,
        &rows
    )
}

pub fn role_of(
    conn: &mut DbConn,
    id: &OrganisationId,
    user_id: &UserId,
) -> QueryResult<Option<MemberRole>> {
    organisation_members::table
        .filter(organisation_members::organisation_id.eq(id))
        .filter(organisation_members::user_id.eq(user_id))
        .select(organisation_members::role)
        .first(conn)
        .optional()
}

pub fn insert_member(conn: &mut DbConn, member: &NewMember) -> QueryResult<()> {
    diesel::insert_into(organisation_members::table)
        .values(member)
        .execute(conn)
        .map(|_| ())
}

pub fn delete_member(
    conn: &mut DbConn,
    id: &OrganisationId,
    user_id: &UserId,
) -> QueryResult<usize> {
    diesel::delete(
        organisation_members::table
            .filter(organisation_members::organisation_id.eq(id))
            .filter(organisation_members::user_id.eq(user_id)),
    )
    .execute(conn)
}

pub fn members(conn: &mut DbConn, id: &OrganisationId) -> QueryResult<Vec<MemberRow>> {
    organisation_members::table
        .inner_join(users::table)
        .filter(organisation_members::organisation_id.eq(id))
        .select((
            organisation_members::user_id,
            users::display_name,
            users::email,
            organisation_members::role,
            organisation_members::added_at,
        ))
        .order((
            organisation_members::added_at.asc(),
            organisation_members::user_id.asc(),
        ))
        .load(conn)
}

pub fn owner_count(conn: &mut DbConn, id: &OrganisationId) -> QueryResult<i64> {
    organisation_members::table
        .filter(organisation_members::organisation_id.eq(id))
        .filter(organisation_members::role.eq(MemberRole::Owner))
        .count()
        .get_result(conn)
}

/// The organisations a user belongs to, with their role.
pub fn memberships(
    conn: &mut DbConn,
    user_id: &UserId,
) -> QueryResult<Vec<(OrganisationId, String, MemberRole, OrganisationStatus)>> {
    organisation_members::table
        .inner_join(organisations::table)
        .filter(organisation_members::user_id.eq(user_id))
        .select((
            organisations::id,
            organisations::name,
            organisation_members::role,
            organisations::status,
        ))
        .order((organisations::name.asc(), organisations::id.asc()))
        .load(conn)
}

/// Email addresses of the owners, for notifications.
pub fn owner_emails(
    conn: &mut DbConn,
    id: &OrganisationId,
) -> QueryResult<Vec<(String, String, String)>> {
    organisation_members::table
        .inner_join(users::table)
        .filter(organisation_members::organisation_id.eq(id))
        .filter(organisation_members::role.eq(MemberRole::Owner))
        .select((users::email, users::display_name, users::locale))
        .order(users::id.asc())
        .load(conn)
}

pub fn member_contacts(
    conn: &mut DbConn,
    id: &OrganisationId,
) -> QueryResult<Vec<(UserId, String, String, String)>> {
    organisation_members::table
        .inner_join(users::table)
        .filter(organisation_members::organisation_id.eq(id))
        .select((
            organisation_members::user_id,
            users::email,
            users::display_name,
            users::locale,
        ))
        .order(organisation_members::user_id.asc())
        .load(conn)
}
